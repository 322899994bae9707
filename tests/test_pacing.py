"""The pacing's constants: what each one times, and how the single-valued fields replace the tables."""

from __future__ import annotations

import typing

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from runstrength import (
    Block,
    Duration,
    Emom,
    Equipment,
    Exercise,
    Load,
    LoadLevel,
    Pacing,
    Reps,
    Rest,
    SegmentKind,
    Sides,
    Superset,
    Tempo,
    ValidationError,
    Workout,
    build_timeline,
    from_dict,
    to_dict,
)
from runstrength._pacing import Movement
from runstrength._plan import equipment_of, movement, set_up


def move(name: str, dose: Reps | Duration | None = None, **fields: object) -> Exercise:
    """An exercise, 10 reps unless given."""
    return Exercise(name=name, dose=dose or Reps(10), **fields)  # type: ignore[arg-type]


def timeline_of(
    *items: Exercise | Superset, pacing: Pacing | None = None, **fields: object
) -> list[tuple[str, float]]:
    """The segments of a one-block workout as (kind, seconds)."""
    block = Block(name="Main", items=items, **fields)  # type: ignore[arg-type]
    timeline = build_timeline(Workout(title="Test", blocks=(block,)), pacing)
    return [(segment.kind.value, segment.duration) for segment in timeline]


class TestMovement:
    """What kind of exercise the plan takes an exercise for."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Squat", Movement.BODYWEIGHT),
            ("Push-Up", Movement.BODYWEIGHT),
            ("Press-Up", Movement.BODYWEIGHT),
            ("Jumping Jacks", Movement.CYCLIC),
            ("High Knees on the Spot", Movement.CYCLIC),
            ("Mountain Climber", Movement.CYCLIC),
            ("Dumbbell Row", Movement.LOADED),
            ("Goblet Squat", Movement.LOADED),
            ("Romanian Deadlift", Movement.LOADED),
            ("Triceps Pushdown", Movement.LOADED),
            ("Kettlebell Swings", Movement.LOADED),
        ],
    )
    def test_by_name(self, name: str, expected: Movement) -> None:
        """Without a load or equipment, the words of the name decide."""
        assert expected == movement(move(name))

    def test_a_load_makes_it_loaded(self) -> None:
        """An amount to lift makes any exercise loaded, whatever its name."""
        assert Movement.LOADED == movement(move("Squat", load=Load(amount=60, unit="kg")))

    def test_a_bodyweight_load_keeps_it_bodyweight(self) -> None:
        """A load of level body weight is body-weight work, even named after a cyclic move."""
        assert Movement.BODYWEIGHT == movement(move("Jumping Jacks", load=Load(LoadLevel.BODYWEIGHT)))

    def test_equipment_makes_it_loaded(self) -> None:
        """Equipment that adds load (a dumbbell) makes it loaded; a mat does not."""
        assert Movement.LOADED == movement(move("Row", equipment=(Equipment("dumbbell"),)))
        assert Movement.BODYWEIGHT == movement(move("Crunch", equipment=(Equipment("exercise mat"),)))

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Barbell Back Squat", True),
            ("Leg Press", True),
            ("Romanian Deadlift", True),
            ("Dumbbell Deadlift", False),
        ],
    )
    def test_set_up_at_a_station(self, name: str, expected: bool) -> None:  # noqa: FBT001
        """A bar or a machine is set up; a weight simply picked up is not."""
        assert expected == set_up(move(name))

    def test_equipment_words(self) -> None:
        """The equipment is the words of equipment in the name and the equipment list."""
        assert frozenset({"dumbbell", "bench"}) == equipment_of(
            move("Dumbbell Bench Row", equipment=(Equipment("flat bench"),))
        )
        assert frozenset() == equipment_of(move("Sit-Up"))


class TestTimePerRep:
    """Reps take the time of their kind of movement, unless a tempo or a single value says otherwise."""

    @pytest.mark.parametrize(
        ("name", "field", "seconds"),
        [
            ("Jumping Jacks", "seconds_per_rep_cyclic", 0.75),
            ("Squat", "seconds_per_rep_bodyweight", 2.5),
            ("Dumbbell Curl", "seconds_per_rep_loaded", 2.5),
        ],
    )
    def test_by_kind(self, name: str, field: str, seconds: float) -> None:
        """Ten reps take ten times the default of their kind, and follow that field alone."""
        assert [("work", 10 * seconds)] == timeline_of(move(name))
        assert [("work", 40.0)] == timeline_of(move(name), pacing=Pacing(**{field: 4}))  # type: ignore[arg-type]

    def test_single_value_replaces_the_table(self) -> None:
        """``seconds_per_rep`` times every kind alike, as the single value always did."""
        pacing = Pacing(seconds_per_rep=3)
        for name in ("Jumping Jacks", "Squat", "Dumbbell Curl"):
            assert [("work", 30.0)] == timeline_of(move(name), pacing=pacing)

    def test_tempo_wins(self) -> None:
        """A tempo's time per rep beats every pacing value."""
        slow = move("Dumbbell Curl", tempo=Tempo("3-1-1-0"))
        assert [("work", 50.0)] == timeline_of(slow, pacing=Pacing(seconds_per_rep=2))


class TestSetUp:
    """A set at a station starts with a set-up."""

    def test_before_each_straight_set(self) -> None:
        """Each barbell set is set up first, then the loaded rest follows."""
        expected = [
            ("transition", 60.0),
            ("work", 25.0),
            ("rest", 60.0),
            ("transition", 60.0),
            ("work", 25.0),
        ]
        assert expected == timeline_of(move("Barbell Squat", sets=2))

    def test_follows_its_field(self) -> None:
        """``set_up`` is the set-up's length; 0 leaves it out."""
        assert [("work", 25.0)] == timeline_of(move("Leg Press"), pacing=Pacing(set_up=0))
        assert [("transition", 20.0), ("work", 25.0)] == timeline_of(
            move("Leg Press"), pacing=Pacing(set_up=20)
        )

    def test_not_inside_a_superset(self) -> None:
        """Exercises of a superset move from one to the next without a set-up."""
        pair = Superset(exercises=(move("Barbell Row"), move("Barbell Curl")))
        assert [("work", 25.0), ("work", 25.0)] == timeline_of(pair)

    def test_not_in_a_timed_block(self) -> None:
        """An EMOM's minute holds the work and its rest, never a set-up."""
        kinds = timeline_of(move("Barbell Squat", Reps(5)), format=Emom(every=60, duration=60))
        assert [("work", 12.5), ("rest", 47.5)] == kinds


class TestTransitions:
    """A transition depends on whether the equipment changes."""

    def test_in_place_between_floor_moves(self) -> None:
        """Two floor moves follow each other at once (``transition_in_place`` 0)."""
        assert [("work", 25.0), ("work", 25.0)] == timeline_of(move("Squat"), move("Sit-Up"))

    def test_new_equipment(self) -> None:
        """From the floor to a kettlebell takes ``transition_equipment``."""
        expected = [("work", 25.0), ("transition", 10.0), ("work", 25.0)]
        assert expected == timeline_of(move("Squat"), move("Kettlebell Swing"))

    def test_fields(self) -> None:
        """Each transition follows its own field; ``transition`` replaces both."""
        same = (move("Squat"), move("Sit-Up"))
        other = (move("Squat"), move("Kettlebell Swing"))
        assert ("transition", 7.0) == timeline_of(*same, pacing=Pacing(transition_in_place=7))[1]
        assert ("transition", 12.0) == timeline_of(*other, pacing=Pacing(transition_equipment=12))[1]
        assert ("transition", 9.0) == timeline_of(*same, pacing=Pacing(transition=9))[1]
        assert ("transition", 9.0) == timeline_of(*other, pacing=Pacing(transition=9))[1]


class TestRestsLeftOpen:
    """The rest after a set or superset the workout leaves open depends on the load."""

    def test_bodyweight_sets_run_straight_on(self) -> None:
        """Body-weight sets follow each other (``rest_between_sets_bodyweight`` 0)."""
        assert [("work", 30.0), ("work", 30.0)] == timeline_of(move("Squat", Duration(30), sets=2))

    def test_loaded_sets_rest(self) -> None:
        """Loaded sets rest ``rest_between_sets_loaded`` (60 s)."""
        expected = [("work", 25.0), ("rest", 60.0), ("work", 25.0)]
        assert expected == timeline_of(move("Dumbbell Curl", sets=2))

    def test_a_superset_with_a_loaded_exercise_rests_as_loaded(self) -> None:
        """After a superset, the loaded rest applies when any of its exercises is loaded."""
        pair = Superset(exercises=(move("Dumbbell Row"), move("Plank", Duration(30))))
        kinds = timeline_of(pair, move("Squat"))
        assert ("rest", 60.0) in kinds

    def test_fields_and_the_single_value(self) -> None:
        """Each rest follows its field; ``rest_between_sets`` replaces both; a prescribed rest wins."""
        squats = move("Squat", Duration(30), sets=2)
        curls = move("Dumbbell Curl", sets=2)
        assert ("rest", 20.0) == timeline_of(squats, pacing=Pacing(rest_between_sets_bodyweight=20))[1]
        assert ("rest", 90.0) == timeline_of(curls, pacing=Pacing(rest_between_sets_loaded=90))[1]
        assert ("rest", 45.0) == timeline_of(squats, pacing=Pacing(rest_between_sets=45))[1]
        prescribed = move("Squat", Duration(30), sets=2, rest_between_sets=Rest(15))
        assert ("rest", 15.0) == timeline_of(prescribed)[1]


class TestOtherDefaults:
    """The rest of the defaults."""

    def test_no_rest_between_blocks(self) -> None:
        """Blocks follow each other unless the workout says otherwise."""
        blocks = (Block(name="A", items=(move("Squat"),)), Block(name="B", items=(move("Sit-Up"),)))
        assert 50.0 == build_timeline(Workout(title="Two", blocks=blocks)).total

    def test_switch_sides(self) -> None:
        """Changing sides takes 5 s."""
        kinds = timeline_of(move("Lunge", sides=Sides.EACH))
        assert [("work", 25.0), ("switch_sides", 5.0), ("work", 25.0)] == kinds


NUMBERS: typing.Final = sorted(
    name
    for name, hint in typing.get_type_hints(Pacing).items()
    if set(typing.get_args(hint) or (hint,)) - {type(None)} <= {int, float}
)
"""Every pacing field that is a number (of seconds, reps, segments or seconds per km)."""


class TestBounds:
    """Every number a pacing holds is positive or zero: no negative time can reach a timeline."""

    def test_numbers_found(self) -> None:
        """All fields but the range point are numbers."""
        assert {field.name for field in attrs.fields(Pacing)} - set(NUMBERS) == {"range_point"}

    @pytest.mark.parametrize("name", NUMBERS)
    @given(value=st.integers(max_value=-1) | st.floats(max_value=-1e-9))
    @example(value=-1)
    @example(value=-1e-9)
    def test_negative_numbers_are_refused(self, name: str, value: float) -> None:
        """A negative number is refused for its field, whatever the field, the nearest to 0 too."""
        with pytest.raises(ValidationError) as info:
            Pacing(**{name: value})  # type: ignore[arg-type] # every field, by name
        assert [(name,)] == [problem.location for problem in info.value.problems]


class TestDocuments:
    """A pacing document of the earlier fields still loads and times as before."""

    def test_earlier_document(self) -> None:
        """``seconds_per_rep``, ``transition`` and ``rest_between_sets`` load and write back."""
        document = {"seconds_per_rep": 3.0, "transition": 10, "rest_between_sets": 60}
        pacing = from_dict(document, Pacing)
        assert document == to_dict(pacing)
        assert [("work", 30.0), ("transition", 10.0), ("work", 30.0)] == timeline_of(
            move("Squat"), move("Sit-Up"), pacing=pacing
        )

    def test_defaults_are_omitted(self) -> None:
        """The default pacing writes as an empty document."""
        assert {} == to_dict(Pacing())

    def test_gap_seconds(self) -> None:
        """``gap_seconds`` gives a table's field, or the single value replacing it."""
        assert 10 == Pacing().gap_seconds("transition_equipment")
        assert 4 == Pacing(transition=4).gap_seconds("transition_equipment")
        assert 60 == Pacing().gap_seconds("rest_between_sets_loaded")


def test_segment_kind_of_set_up() -> None:
    """A set-up is a transition segment targeted "set up", naming its exercise, an estimate."""
    block = Block(name="Main", items=(move("Barbell Squat"),))
    first = build_timeline(Workout(title="Test", blocks=(block,)))[0]
    expected = (SegmentKind.TRANSITION, "Barbell Squat", "set up", True)
    assert expected == (first.kind, first.exercise, first.target, first.estimate)
