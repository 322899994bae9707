import copy
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from runstrength import (
    Amrap,
    Block,
    BlockKind,
    Distance,
    DistanceUnit,
    Duration,
    Emom,
    Equipment,
    Exercise,
    Intervals,
    Ladder,
    Load,
    LoadLevel,
    MaxReps,
    Modification,
    ModificationKind,
    Range,
    Reps,
    Rest,
    Sides,
    Superset,
    UnknownNameError,
    ValidationError,
    Workout,
)
from runstrength._spec.rules import Whole
from runstrength._spec.validated import ruled


def problems_of(make: Callable[[], object]) -> list[tuple[str, str]]:
    """The (path, reason) pairs of the ValidationError that ``make`` raises."""
    with pytest.raises(ValidationError) as info:
        make()
    return [(problem.path, problem.reason) for problem in info.value.problems]


def paths_of(make: Callable[[], object]) -> list[str]:
    """The paths of the ValidationError that ``make`` raises."""
    return [path for path, _ in problems_of(make)]


def curl(name: str = "Hammer Curl", /, **changes: Any) -> Exercise:
    """A plain exercise, changed as asked."""
    return Exercise(**{"name": name, "dose": Reps(8), **changes})


def pair(**changes: Any) -> Superset:
    """A valid two-exercise superset, changed as asked."""
    return Superset(**{"exercises": (curl("Bent-Over Wide Row"), curl()), "rounds": 3, **changes})


def block(name: str = "Main", /, **changes: Any) -> Block:
    """A valid one-exercise block, changed as asked."""
    return Block(**{"name": name, "items": (curl(),), **changes})


# Facts from the upper-body workout for runners; the cues are our own words.
row_easier = Modification(
    name="Single-Arm Bent-Over Row",
    kind=ModificationKind.EASIER,
    dose=Reps(Range(6, 8)),
    sides=Sides.EACH,
    cues=("Stand in a staggered stance for a steadier base.", "Finish one arm before the other."),
)
row = Exercise(
    name="Reciprocal Row",
    dose=Reps(8),
    sides=Sides.ALTERNATING,
    equipment=(Equipment("dumbbell", 2, Load(LoadLevel.MEDIUM)),),
    cues=("Hinge at the hips with a long back.", "Pull one bell up as the other lowers."),
    modifications=(row_easier,),
)
fly = Exercise(
    name="Chest Fly",
    dose=Reps(8),
    cues=("Lie on your back with knees bent.",),
    modifications=(
        Modification(
            name="Bent-Elbow Chest Fly",
            kind=ModificationKind.EASIER,
            cues=("Keep a deeper bend at the elbows.",),
        ),
    ),
)
walk = Exercise(
    name="Bear Plank Lateral Walk",
    dose=Reps(8),
    sides=Sides.ALTERNATING,
    modifications=(
        Modification(
            name="Bear Plank Hold", kind=ModificationKind.EASIER, dose=Duration(30), sides=Sides.BOTH
        ),
    ),
)
chop = Exercise(
    name="Half-Kneeling Chop",
    dose=Reps(8),
    sides=Sides.EACH,
    modifications=(Modification(name="Standing Chop", kind=ModificationKind.VARIATION),),
)
stretch = Exercise(
    name="Standing Shoulder Stretch",
    dose=Duration(30),
    modifications=(
        Modification(
            name="Folded Shoulder Stretch",
            kind=ModificationKind.HARDER,
            cues=("Lean forward a little more.",),
        ),
    ),
)
workout = Workout(
    title="Upper-Body Workout for Runners",
    rest_between_sets=Rest.between(30, 120, as_needed=True),
    blocks=(
        Block(
            name="Warm-up",
            kind=BlockKind.WARM_UP,
            rounds=2,
            items=(
                Exercise(name="Thread the Needle", dose=Duration(30), sides=Sides.EACH),
                Exercise(name="Dynamic Child's Pose", dose=Duration(30)),
            ),
        ),
        Block(
            name="Strength",
            items=(
                Superset(name="Superset 1", rounds=3, exercises=(chop, walk)),
                Superset(name="Superset 2", rounds=3, exercises=(row, fly)),
            ),
        ),
        Block(
            name="Cool-down",
            kind=BlockKind.COOL_DOWN,
            items=(stretch, Exercise(name="Child's Pose", dose=Duration(30))),
        ),
    ),
)


class TestExercise:
    """One exercise and its dose."""

    def test_every_problem_at_once(self) -> None:
        """Several bad fields give one error with a problem per field, sorted by path."""
        problems = problems_of(lambda: Exercise(name=5, dose=8, sides="sideways", sets=0, cues="abc"))  # type: ignore[arg-type]

        expected = [
            ("cues", "expected a list, got 'abc'"),
            (
                "dose",
                "expected a dose (reps, seconds, distance, max_reps, ladder, ascending or efforts), got 8",
            ),
            ("name", "expected text, got 5"),
            ("sets", "expected a whole number from 1 to 100, got 0"),
            ("sides", "expected one of both, each, alternating, got 'sideways'"),
        ]
        assert expected == problems

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("equipment", [Equipment("exercise mat")]),
            ("targets", ["arms", "core"]),
            ("cues", ["Brace first.", "Move slowly."]),
            ("modifications", [Modification(name="Standing Chop", kind=ModificationKind.VARIATION)]),
        ],
    )
    def test_lists_become_tuples(self, field: str, value: list[object]) -> None:
        """Lists are accepted and stored as tuples, so the exercise stays immutable and hashable."""
        exercise = curl(**{field: value})

        assert tuple(value) == getattr(exercise, field)
        assert isinstance(hash(exercise), int)

    @pytest.mark.parametrize(
        ("value", "member"), [("both", Sides.BOTH), ("each", Sides.EACH), ("alternating", Sides.ALTERNATING)]
    )
    def test_sides_given_as_text(self, value: str, member: Sides) -> None:
        """A side mode's value is accepted for the member."""
        assert member is curl(sides=value).sides

    @pytest.mark.parametrize("value", ["EACH", "per side", "", 1, None])
    def test_unknown_sides(self, value: object) -> None:
        """Anything but a side mode or its exact value is refused."""
        expected = ["sides"]
        assert expected == paths_of(lambda: curl(sides=value))

    def test_defaults(self) -> None:
        """An exercise is one bilateral set with nothing else prescribed unless given."""
        exercise = curl()

        expected = (Sides.BOTH, 1, (), None)
        assert expected == (
            exercise.sides,
            exercise.sets,
            exercise.cues,
            exercise.rest_after,
        )

    @pytest.mark.parametrize(
        ("changes", "problems"),
        [
            (
                {"sets": 3, "dose": Ladder((Reps(10), Reps(8)))},
                [("dose.ladder", "expected 3 steps, one per set, got 2")],
            ),
            (
                {"sets": Range(2, 3), "dose": Ladder((Reps(10), Reps(8)))},
                [("dose", "a ladder needs a fixed number of sets, got 2–3")],
            ),
            (
                {"rest_between_sets": Rest(60)},
                [("rest_between_sets", "only applies to straight sets: set sets above 1")],
            ),
            ({"targets": ("arms", "arms")}, [("targets[1]", "duplicate of an earlier item: 'arms'")]),
            (
                {
                    "modifications": (
                        Modification(name="Standing", kind=ModificationKind.EASIER),
                        Modification(name="Standing", kind=ModificationKind.HARDER),
                    )
                },
                [("modifications[1].name", "duplicate modification name 'Standing'")],
            ),
        ],
    )
    def test_relations(self, changes: dict[str, object], problems: list[tuple[str, str]]) -> None:
        """Rules between fields are reported where the fix belongs."""
        assert problems == problems_of(lambda: curl(**changes))

    @pytest.mark.parametrize(
        "changes",
        [
            {"sets": 3, "dose": Ladder((Reps(10), Reps(8), Reps(6)))},
            {"sets": 3, "rest_between_sets": Rest.between(60, 90)},
            {"sets": Range(3, 4)},
        ],
    )
    def test_straight_sets(self, changes: dict[str, object]) -> None:
        """Straight sets take a rest between sets, a set range, and a ladder with one step per set."""
        assert changes == {name: getattr(curl(**changes), name) for name in changes}

    @pytest.mark.parametrize(
        ("exercise", "text"),
        [
            (curl(), "Hammer Curl: 8 reps"),
            (chop, "Half-Kneeling Chop: 8 reps per side"),
            (row, "Reciprocal Row: 8 reps per side, alternating"),
            (curl("Press", sets=3, dose=Reps(5)), "Press: 3 × 5 reps"),
            (curl("Plank", dose=Duration(Range(30, 45))), "Plank: 30–45 s"),
            (curl("Run", dose=Distance(400)), "Run: 400 m"),
        ],
    )
    def test_str(self, exercise: Exercise, text: str) -> None:
        """``str()`` reads as a line of a workout card."""
        assert text == str(exercise)

    def test_repr(self) -> None:
        """The repr names the class and shows the fields that differ from their defaults."""
        text = repr(chop)

        assert text.startswith(
            "Exercise(name='Half-Kneeling Chop', dose=Reps(reps=8), sides=<Sides.EACH: 'each'>, "
        )
        assert "sets=" not in text
        assert "notes=" not in text
        expected = (
            "Exercise(name='Hammer Curl', dose=Reps(reps=8), sets=3, rest_between_sets=Rest(seconds=90))"
        )
        assert expected == repr(curl(sets=3, rest_between_sets=Rest(90)))

    def test_modification(self) -> None:
        """A modification is found by its name."""
        assert row_easier is row.modification("Single-Arm Bent-Over Row")

    def test_unknown_modification_suggests(self) -> None:
        """An unknown modification name raises UnknownNameError that suggests the closest name."""
        with pytest.raises(UnknownNameError, match=r"did you mean 'Single-Arm Bent-Over Row'\?"):
            row.modification("Single Arm Bent Over Row")

    def test_unknown_modification_without_close_name(self) -> None:
        """With nothing close, the error names what was asked for and suggests nothing."""
        with pytest.raises(UnknownNameError, match=r"^no modification named 'Kettlebell'$"):
            row.modification("Kettlebell")


class TestModification:
    """A named variant of one exercise."""

    @pytest.mark.parametrize(
        ("value", "member"),
        [
            ("easier", ModificationKind.EASIER),
            ("harder", ModificationKind.HARDER),
            ("alternative", ModificationKind.ALTERNATIVE),
        ],
    )
    def test_kind_given_as_text(self, value: str, member: ModificationKind) -> None:
        """A kind's value is accepted for the member."""
        assert member is Modification(name="Other", kind=value).kind

    @pytest.mark.parametrize(("kind", "path"), [("simpler", "kind"), ("Easier", "kind"), (None, "kind")])
    def test_unknown_kind(self, kind: object, path: str) -> None:
        """Unknown kinds are refused."""
        assert [path] == paths_of(lambda: Modification(name="Other", kind=kind))  # type: ignore[arg-type]

    def test_keyword_only(self) -> None:
        """Fields are given by name, since several are optional and alike."""
        with pytest.raises(TypeError):
            Modification("Standing Chop", ModificationKind.VARIATION)  # type: ignore[call-arg]

    def test_apply_carries_dose_and_sides(self) -> None:
        """The modified exercise takes the modification's name, dose, sides and cues."""
        modified = row_easier.apply_to(row)

        assert ("Single-Arm Bent-Over Row", Reps(Range(6, 8)), Sides.EACH) == (
            modified.name,
            modified.dose,
            modified.sides,
        )
        assert row_easier.cues == modified.cues

    def test_apply_keeps_what_it_does_not_change(self) -> None:
        """Fields the modification leaves unset keep the exercise's values."""
        modified = walk.modification("Bear Plank Hold").apply_to(walk)

        assert (Duration(30), Sides.BOTH, walk.cues, walk.equipment) == (
            modified.dose,
            modified.sides,
            modified.cues,
            modified.equipment,
        )

    def test_apply_replaces_cues(self) -> None:
        """Cues given by a modification replace the exercise's cues rather than adding to them."""
        modified = fly.modification("Bent-Elbow Chest Fly").apply_to(fly)

        expected = ("Keep a deeper bend at the elbows.",)
        assert expected == modified.cues
        assert fly.dose == modified.dose

    def test_applied_exercise_has_no_modifications(self) -> None:
        """A modified exercise does not carry the modifications of the original."""
        expected: tuple[Modification, ...] = ()
        assert expected == row_easier.apply_to(row).modifications

    def test_apply_keeps_equipment_unless_given(self) -> None:
        """Equipment given by a modification replaces the exercise's equipment."""
        band = Modification(
            name="Band Row", kind=ModificationKind.ALTERNATIVE, equipment=(Equipment("band"),)
        )

        expected = (Equipment("band"),)
        assert expected == band.apply_to(row).equipment
        assert row.equipment == row_easier.apply_to(row).equipment


class TestSuperset:
    """Exercises done back to back for rounds."""

    def test_needs_two_exercises(self) -> None:
        """A superset of one exercise is refused."""
        expected = [("exercises", "expected at least 2 items, got 1")]
        assert expected == problems_of(lambda: Superset(exercises=(curl(),)))

    def test_exercises_do_one_set(self) -> None:
        """Exercises inside a superset do one set each: rounds repeat them."""
        expected = [("exercises[1].sets", "must be 1 inside a superset: set the superset's rounds")]
        assert expected == problems_of(lambda: pair(exercises=(curl("Row"), curl(sets=3))))

    @pytest.mark.parametrize(("rounds", "steps", "ok"), [(3, 3, True), (3, 2, False), (2, 3, False)])
    def test_ladder_matches_rounds(self, rounds: int, steps: int, ok: bool) -> None:  # noqa: FBT001
        """A ladder needs exactly one step per round of its superset."""
        ladder = curl("Push-up", dose=Ladder(tuple(Reps(n) for n in range(10, 10 - steps, -1))))

        def make() -> Superset:
            return pair(rounds=rounds, exercises=(curl(), ladder))

        if ok:
            assert rounds == make().rounds
        else:
            unit = "step" if rounds == 1 else "steps"
            expected = [("exercises[1].dose.ladder", f"expected {rounds} {unit}, one per round, got {steps}")]
            assert expected == problems_of(make)

    def test_ladder_needs_fixed_rounds(self) -> None:
        """A ladder cannot follow a range of rounds."""
        ladder = curl("Push-up", dose=Ladder((Reps(10), Reps(8))))

        expected = ["exercises[1].dose"]
        assert expected == paths_of(lambda: pair(rounds=Range(2, 3), exercises=(curl(), ladder)))

    def test_list_becomes_tuple(self) -> None:
        """Exercises given as a list are stored as a tuple."""
        assert (chop, walk) == Superset(exercises=[chop, walk]).exercises

    @pytest.mark.parametrize(
        ("changes", "title"),
        [
            ({}, "superset"),
            ({"label": "tri-set"}, "tri-set"),
            ({"name": "Superset 1", "label": "pair"}, "Superset 1"),
        ],
    )
    def test_title(self, changes: dict[str, object], title: str) -> None:
        """The title is the name, else the label, else ``superset``."""
        assert title == pair(**changes).title

    def test_every_problem_at_once(self) -> None:
        """Problems in several fields and between fields come together, sorted."""
        problems = paths_of(
            lambda: Superset(exercises=(curl(), curl(sets=2)), rounds=0, rest_between_rounds=30)  # type: ignore[arg-type]
        )

        expected = ["exercises[1].sets", "rest_between_rounds", "rounds"]
        assert expected == problems


class TestBlockFormats:
    """The timed formats a block may have."""

    @pytest.mark.parametrize(
        ("make", "problems"),
        [
            (
                lambda: Emom(every=60, duration=90),
                [("duration", "expected a multiple of every (60 s), got 90 s")],
            ),
            (
                lambda: Emom(every=5, duration=600),
                [("every", "expected a whole number from 10 to 3600 s, got 5")],
            ),
            (lambda: Intervals(work=0), [("work", "expected a whole number from 1 to 3600 s, got 0")]),
            (
                lambda: Intervals(work=20, active_rest=curl("Plank Hold")),
                [("active_rest", "needs a rest interval above 0 s")],
            ),
            (lambda: Amrap(time_cap=5), [("time_cap", "expected a whole number from 10 to 14400 s, got 5")]),
            (
                lambda: Amrap(time_cap=600.0),  # type: ignore[arg-type]
                [("time_cap", "expected a whole number from 10 to 14400 s, got 600.0")],
            ),
        ],
    )
    def test_rejects(self, make: Callable[[], object], problems: list[tuple[str, str]]) -> None:
        """Each format checks its own times."""
        assert problems == problems_of(make)

    def test_emom_intervals(self) -> None:
        """An EMOM has one interval per ``every`` in its duration."""
        expected = 10
        assert expected == Emom(every=60, duration=600).intervals

    def test_tabata(self) -> None:
        """Intervals take work, rest and an optional active rest."""
        fmt = Intervals(work=20, rest=10, active_rest=curl("Plank Hold", dose=Duration(10)))

        expected = (20, 10)
        assert expected == (fmt.work, fmt.rest)


class TestBlock:
    """A section of a workout."""

    def test_needs_an_item(self) -> None:
        """An empty block is refused."""
        expected = [("items", "expected at least 1 item, got 0")]
        assert expected == problems_of(lambda: block(items=()))

    def test_items_list_becomes_tuple(self) -> None:
        """Items given as a list are stored as a tuple."""
        assert (curl(), pair()) == block(items=[curl(), pair()]).items

    @pytest.mark.parametrize(
        ("value", "member"),
        [("warm-up", BlockKind.WARM_UP), ("main", BlockKind.MAIN), ("cool-down", BlockKind.COOL_DOWN)],
    )
    def test_kind_given_as_text(self, value: str, member: BlockKind) -> None:
        """A block kind's value is accepted for the member."""
        assert member is block(kind=value).kind

    @pytest.mark.parametrize("kind", ["warmup", "Warm-up", "cooldown", 0])
    def test_unknown_kind(self, kind: object) -> None:
        """Unknown block kinds are refused."""
        expected = ["kind"]
        assert expected == paths_of(lambda: block(kind=kind))

    def test_item_of_the_wrong_type(self) -> None:
        """Items are exercises or supersets, reported by index."""
        expected = [("items[1]", "expected an exercise or a superset, got 'Hammer Curl'")]
        assert expected == problems_of(lambda: block(items=(curl(), "Hammer Curl")))

    @pytest.mark.parametrize("fmt", [Emom(every=60, duration=600), Amrap(time_cap=600)])
    def test_emom_and_amrap_may_repeat(self, fmt: Emom | Amrap) -> None:
        """EMOM and AMRAP blocks may be repeated, with a rest between their rounds."""
        repeated = block(format=fmt, rounds=2, rest_between_rounds=Rest(60))
        assert (2, Rest(60)) == (repeated.rounds, repeated.rest_between_rounds)

    def test_intervals_may_repeat(self) -> None:
        """An interval block may have several rounds."""
        expected = 8
        assert expected == block(format=Intervals(work=20, rest=10), rounds=8).rounds

    @pytest.mark.parametrize(
        ("fmt", "name"),
        [
            (Intervals(work=40, rest=20), "interval"),
            (Amrap(time_cap=600), "AMRAP"),
        ],
    )
    def test_no_supersets_in_timed_blocks(self, fmt: Intervals | Amrap, name: str) -> None:
        """Interval and AMRAP blocks hold exercises only."""
        expected = [("items[1]", f"an {name} block holds exercises, not supersets")]
        assert expected == problems_of(lambda: block(format=fmt, items=(curl(), pair())))

    def test_emom_superset_once_per_interval(self) -> None:
        """An EMOM may hold a superset of one round, done once through per interval."""
        emom = Emom(every=60, duration=600)
        assert (pair(rounds=1),) == block(format=emom, items=(pair(rounds=1),)).items
        expected = [("items[0].rounds", "must be 1 in an EMOM block: the superset is done once per interval")]
        assert expected == problems_of(lambda: block(format=emom, items=(pair(rounds=3),)))

    @pytest.mark.parametrize(
        ("fmt", "name"),
        [
            (Intervals(work=40, rest=20), "interval"),
            (Emom(every=60, duration=600), "EMOM"),
            (Amrap(time_cap=600), "AMRAP"),
        ],
    )
    def test_one_set_in_timed_blocks(self, fmt: Intervals | Emom | Amrap, name: str) -> None:
        """Exercises in timed blocks do one set each."""
        expected = [("items[0].sets", f"must be 1 in an {name} block")]
        assert expected == problems_of(lambda: block(format=fmt, items=(curl(sets=3),)))

    @pytest.mark.parametrize(
        ("dose", "ok"),
        [
            (Duration(40), True),
            (Duration(41), False),
            (Duration(Range(30, 40)), True),
            (Duration(Range(30, 45)), False),
            (Reps(20), True),
            (MaxReps(), True),
        ],
    )
    def test_timed_dose_fits_the_work_interval(self, dose: Duration | Reps | MaxReps, ok: bool) -> None:  # noqa: FBT001
        """A timed dose may not last longer than the interval's work time."""

        def make() -> Block:
            return block(format=Intervals(work=40, rest=20), items=(curl("Plank", dose=dose),))

        if ok:
            assert dose == make().items[0].dose  # type: ignore[union-attr]
        else:
            expected = [("items[0].dose", "longer than the 40 s work interval")]
            assert expected == problems_of(make)

    @pytest.mark.parametrize("fmt", [Emom(every=60, duration=600), Amrap(time_cap=600)])
    def test_no_ladder_without_fixed_rounds(self, fmt: Emom | Amrap) -> None:
        """A ladder needs counted rounds, which EMOM and AMRAP blocks do not have."""
        ladder = curl("Push-up", dose=Ladder((Reps(10), Reps(8))))

        expected = ["items[0].dose"]
        assert expected == paths_of(lambda: block(format=fmt, items=(ladder,)))

    @pytest.mark.parametrize(("rounds", "ok"), [(3, True), (2, False), (1, False)])
    def test_ladder_matches_block_rounds(self, rounds: int, ok: bool) -> None:  # noqa: FBT001
        """A single-set exercise with a ladder needs one step per block round."""
        ladder = curl("Push-up", dose=Ladder((Reps(10), Reps(8), Reps(6))))

        def make() -> Block:
            return block(rounds=rounds, items=(ladder,))

        if ok:
            assert rounds == make().rounds
        else:
            unit = "step" if rounds == 1 else "steps"
            expected = [("items[0].dose.ladder", f"expected {rounds} {unit}, one per round, got 3")]
            assert expected == problems_of(make)

    def test_exercises_opens_supersets(self) -> None:
        """``exercises()`` lists every exercise in order, supersets opened."""
        expected = ["Half-Kneeling Chop", "Bear Plank Lateral Walk", "Reciprocal Row", "Chest Fly"]
        assert expected == [e.name for e in workout.block("Strength").exercises()]


class TestWorkout:
    """A whole workout."""

    def test_needs_a_block(self) -> None:
        """A workout without blocks is refused."""
        expected = [("blocks", "expected at least 1 item, got 0")]
        assert expected == problems_of(lambda: Workout(title="Empty", blocks=()))

    def test_unique_block_names(self) -> None:
        """Block names are unique; each repeat is reported at its own index."""
        problems = problems_of(
            lambda: Workout(title="W", blocks=(block("A"), block("B"), block("A"), block("A")))
        )

        expected = [
            ("blocks[2].name", "duplicate block name 'A'"),
            ("blocks[3].name", "duplicate block name 'A'"),
        ]
        assert expected == problems

    def test_every_problem_at_once(self) -> None:
        """Bad fields and broken relations of one workout come in one error, sorted by path."""
        problems = paths_of(
            lambda: Workout(
                title="",
                blocks=(block("A"), block("A")),
                equipment=("mat",),  # type: ignore[arg-type]
                targets="arms",  # type: ignore[arg-type]
                video="not a url",
                rest_between_sets=60,  # type: ignore[arg-type]
            )
        )

        expected = ["blocks[1].name", "equipment[0]", "rest_between_sets", "targets", "title", "video"]
        assert expected == problems

    def test_lists_become_tuples(self) -> None:
        """Blocks, equipment, targets and benefits given as lists are stored as tuples."""
        workout = Workout(
            title="W",
            blocks=[block()],
            equipment=[Equipment("exercise mat")],
            targets=["arms"],
            benefits=["Taller posture."],
        )

        expected = ((block(),), (Equipment("exercise mat"),), ("arms",), ("Taller posture.",))
        assert expected == (workout.blocks, workout.equipment, workout.targets, workout.benefits)

    def test_exercises_in_order(self) -> None:
        """``exercises()`` walks every block in order, supersets opened."""
        expected = [
            "Thread the Needle",
            "Dynamic Child's Pose",
            "Half-Kneeling Chop",
            "Bear Plank Lateral Walk",
            "Reciprocal Row",
            "Chest Fly",
            "Standing Shoulder Stretch",
            "Child's Pose",
        ]
        assert expected == [exercise.name for exercise in workout.exercises()]

    def test_block_by_name(self) -> None:
        """``block(name)`` finds a block."""
        assert workout.blocks[2] is workout.block("Cool-down")

    def test_exercise_by_name(self) -> None:
        """``exercise(name)`` finds an exercise inside a superset too."""
        assert row is workout.exercise("Reciprocal Row")

    @pytest.mark.parametrize(
        ("lookup", "message"),
        [
            (lambda: workout.block("Cooldown"), r"^no block named 'Cooldown'; did you mean 'Cool-down'\?$"),
            (
                lambda: workout.exercise("Chest Flye"),
                r"^no exercise named 'Chest Flye'; did you mean 'Chest Fly'\?$",
            ),
            (lambda: workout.exercise("Deadlift"), r"^no exercise named 'Deadlift'$"),
            (lambda: workout.block("Finisher"), r"^no block named 'Finisher'$"),
            (lambda: workout.block(3), r"^no block named 3$"),  # type: ignore[arg-type] # untyped callers
            (lambda: row.modification(None), r"^no modification named None$"),  # type: ignore[arg-type]
        ],
    )
    def test_unknown_names(self, lookup: Callable[[], object], message: str) -> None:
        """An unknown name raises UnknownNameError, suggesting close names when there are some."""
        with pytest.raises(UnknownNameError, match=message):
            lookup()

    def test_at_most_three_suggestions(self) -> None:
        """Among many close names, the three closest are suggested, closest first."""
        names = ["Row C123", "Row B12", "Rows", "Row 1", "Row A1"]  # all but the first close enough
        rows = Workout(
            title="Rows", blocks=[Block(name=n, items=[Exercise(name="Row", dose=Reps(8))]) for n in names]
        )
        message = r"^no block named 'Row'; did you mean 'Rows' or 'Row 1' or 'Row A1'\?$"
        with pytest.raises(UnknownNameError, match=message):
            rows.block("Row")

    def test_unknown_name_is_a_lookup_error(self) -> None:
        """Callers may catch an unknown name as a LookupError."""
        with pytest.raises(LookupError):
            workout.block("Finisher")


class TestWorkoutVariant:
    """Workouts with modifications applied."""

    def test_easier(self) -> None:
        """Each exercise with an easier modification is replaced by it, inside supersets too."""
        easier = workout.variant("easier")

        expected = [
            "Thread the Needle",
            "Dynamic Child's Pose",
            "Half-Kneeling Chop",
            "Bear Plank Hold",
            "Single-Arm Bent-Over Row",
            "Bent-Elbow Chest Fly",
            "Standing Shoulder Stretch",
            "Child's Pose",
        ]
        assert expected == [exercise.name for exercise in easier.exercises()]

    def test_easier_carries_dose_and_sides(self) -> None:
        """Dose and side changes of the modification reach the workout."""
        single_arm = workout.variant(ModificationKind.EASIER).exercise("Single-Arm Bent-Over Row")

        expected = (Reps(Range(6, 8)), Sides.EACH)
        assert expected == (single_arm.dose, single_arm.sides)

    def test_unmodified_exercises_unchanged(self) -> None:
        """Exercises without a modification of the kind are left exactly as they were."""
        easier = workout.variant("easier")

        assert workout.blocks[0] == easier.blocks[0]
        assert chop is easier.exercise("Half-Kneeling Chop")
        assert workout.blocks[2] == easier.blocks[2]

    def test_harder(self) -> None:
        """The harder variant changes only exercises with a harder modification."""
        harder = workout.variant("harder")

        changed = [a.name for a, b in zip(workout.exercises(), harder.exercises(), strict=True) if a != b]
        expected = ["Standing Shoulder Stretch"]
        assert expected == changed

    def test_choose(self) -> None:
        """``choose`` picks a named modification for a named exercise."""
        chosen = workout.variant(choose={"Half-Kneeling Chop": "Standing Chop"})

        expected = "Standing Chop"
        assert expected == chosen.blocks[1].items[0].exercises[0].name  # type: ignore[union-attr]
        assert workout.blocks[1].items[1] == chosen.blocks[1].items[1]

    def test_choose_before_kind(self) -> None:
        """A chosen modification wins over the kind for its exercise; the kind applies to the rest."""
        chosen = workout.variant(
            "easier",
            choose={"Reciprocal Row": "Single-Arm Bent-Over Row", "Chest Fly": "Bent-Elbow Chest Fly"},
        )

        assert "Bear Plank Hold" in [exercise.name for exercise in chosen.exercises()]
        assert workout.variant("easier") == chosen

    def test_no_change(self) -> None:
        """With neither a kind nor choices the variant equals the workout."""
        assert workout == workout.variant()

    def test_original_untouched(self) -> None:
        """The workout a variant is made from does not change."""
        before = pickle.dumps(workout)
        workout.variant("easier")

        assert before == pickle.dumps(workout)

    @pytest.mark.parametrize(
        ("choose", "message"),
        [
            (
                {"Reciprocal Rows": "Single-Arm Bent-Over Row"},
                r"no exercise named 'Reciprocal Rows'; did you mean",
            ),
            ({"Reciprocal Row": "Single Arm Row"}, r"no modification named 'Single Arm Row'"),
        ],
    )
    def test_choose_unknown_names(self, choose: dict[str, str], message: str) -> None:
        """Choosing an exercise or modification that does not exist raises UnknownNameError."""
        with pytest.raises(UnknownNameError, match=message):
            workout.variant(choose=choose)

    def test_unknown_kind(self) -> None:
        """A kind that is not a modification kind raises ValueError."""
        with pytest.raises(ValueError, match="simpler"):
            workout.variant("simpler")


class TestObjects:
    """What every model object shares: immutability, equality, hashing, pickling."""

    OBJECTS: tuple[attrs.AttrsInstance, ...] = (
        chop,
        row_easier,
        pair(),
        block(format=Intervals(work=20, rest=10), rounds=8),
        block(format=Emom(every=60, duration=600)),
        block(format=Amrap(time_cap=600), items=(curl("Burpee", dose=MaxReps()),)),
        block(items=(curl("Run", dose=Distance(1, DistanceUnit.KILOMETRES)),)),
        workout,
    )

    @pytest.mark.parametrize("obj", OBJECTS, ids=lambda obj: type(obj).__name__)
    def test_frozen(self, obj: attrs.AttrsInstance) -> None:
        """Fields cannot be set after construction."""
        name = attrs.fields(type(obj))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, getattr(obj, name))

    @pytest.mark.parametrize("obj", OBJECTS, ids=lambda obj: type(obj).__name__)
    def test_equal_copies_hash_alike(self, obj: attrs.AttrsInstance) -> None:
        """A copy is equal, hashes the same and dedupes in a set."""
        copy = attrs.evolve(obj)  # type: ignore[misc]

        assert obj == copy
        assert hash(obj) == hash(copy)
        expected = 1
        assert expected == len({obj, copy})

    @pytest.mark.parametrize("obj", OBJECTS, ids=lambda obj: type(obj).__name__)
    def test_pickle(self, obj: object) -> None:
        """A pickled object comes back equal."""
        assert obj == pickle.loads(pickle.dumps(obj))  # noqa: S301 - our own data

    def test_other_classes_differ(self) -> None:
        """Equality needs the same class: a subclass with the same fields, or a plain value, differs."""

        @attrs.frozen(eq=False, repr=False)
        class Counted(Reps):
            pass

        assert Reps(8) != Counted(8)
        assert Reps(8) != 8
        assert Counted(8) == Counted(8)
        assert hash(Counted(8)) == hash(Counted(8))

    @pytest.mark.parametrize("obj", OBJECTS, ids=lambda obj: type(obj).__name__)
    def test_copies(self, obj: object) -> None:
        """Shallow and deep copies are equal objects of the same class."""
        for duplicate in (copy.copy(obj), copy.deepcopy(obj)):
            assert type(obj) is type(duplicate)
            assert obj == duplicate

    def test_different_values_differ(self) -> None:
        """Objects differing in one field are not equal."""
        assert curl() != curl(sides=Sides.EACH)
        assert workout != attrs.evolve(workout, title="Another")

    def test_evolve_validates(self) -> None:
        """Changing a copy runs the rules again."""
        expected = ["blocks[1].name"]
        assert expected == paths_of(lambda: attrs.evolve(workout, blocks=(block("A"), block("A"))))

    def test_subclass_keeps_the_rules(self) -> None:
        """A subclass runs its base's rules and its own, whichever class was checked first."""

        @attrs.frozen(kw_only=True)
        class Station(Exercise):
            station: int = attrs.field(default=1, metadata=ruled(Whole(1, 10), "Which station."))

        def bad(cls: type[Exercise], **more: Any) -> Callable[[], object]:
            return lambda: cls(name=" Curl", dose=Reps(8), rest_between_sets=Rest(30), **more)

        assert ["name", "rest_between_sets", "station"] == paths_of(bad(Station, station=11))
        assert ["name", "rest_between_sets"] == paths_of(bad(Exercise))
        assert ["station"] == paths_of(lambda: Station(name="Curl", dose=Reps(8), station=0))
        assert Station(name="Curl", dose=Reps(8), station=2).station == 2
