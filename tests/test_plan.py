"""The expansion plan: each precedence rule decided once, and the timeline and the FIT export agree on it."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from garmin_fit_sdk import Decoder, Stream
from hypothesis import HealthCheck, assume, given, settings

from runstrength import (
    Amrap,
    Ascending,
    Block,
    BlockChange,
    Distance,
    Duration,
    Emom,
    Exercise,
    ForTime,
    Intervals,
    Ladder,
    Level,
    Pacing,
    Range,
    Reps,
    Rest,
    RestLength,
    SegmentKind,
    Side,
    Sides,
    Superset,
    Timeline,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    export_fit,
    strategies,
)
from runstrength._export.fit import MAX_STEPS, short_name
from runstrength._plan import (
    AsManyRounds,
    Between,
    Default,
    EveryInterval,
    Gap,
    Node,
    Repeat,
    Work,
    plan,
    superset_titles,
)
from runstrength._values import count

REPEAT = "repeat_until_steps_cmplt"
Entry = tuple[str, Any, Any]


def move(name: str = "Squat", dose: Any = None, **fields: Any) -> Exercise:
    """An exercise, 8 reps unless given."""
    return Exercise(name=name, dose=dose or Reps(8), **fields)


def workout(*blocks: Block, **fields: Any) -> Workout:
    """A workout of these blocks."""
    return Workout(title="Test", blocks=blocks, **fields)


def block(*items: Exercise | Superset, name: str = "Main", **fields: Any) -> Block:
    """A block of these items."""
    return Block(name=name, items=items, **fields)


def from_timeline(timeline: Timeline) -> list[Entry]:
    """Work and rests in order as the timeline has them (transitions are no steps on a watch)."""
    found: list[Entry] = []
    for s in timeline:
        if s.kind is SegmentKind.WORK:
            assert s.exercise is not None
            found.append(("work", short_name(s.exercise, s.side), None))
        elif s.kind is not SegmentKind.TRANSITION:
            value = "open" if s.target.startswith("as needed") else round(s.duration * 1000)
            found.append(("rest", None, value))
    return found


def from_fit(data: bytes) -> list[Entry]:
    """Work and rests in the order a watch runs the steps, following repeats."""
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert [] == errors
    steps: list[dict[str, Any]] = messages["workout_step_mesgs"]  # type: ignore[assignment]
    found: list[Entry] = []
    counts: dict[int, int] = {}
    position = 0
    while position < len(steps):
        step = steps[position]
        if step["duration_type"] == REPEAT:
            counts[position] = counts.get(position, 1) + 1
            if counts[position] <= step["target_value"]:
                position = step["duration_value"]
            else:
                del counts[position]
                position += 1
            continue
        if step["intensity"] in ("rest", "recovery"):
            value = "open" if step["duration_type"] == "open" else step["duration_value"]
            found.append(("rest", None, value))
        else:
            found.append(("work", step["wkt_step_name"], None))
        position += 1
    return found


CLASSIC = Pacing(seconds_per_rep=3, transition=10, rest_between_sets=60, rest_between_blocks=60, set_up=0)
"""One time per rep, transition and rest for every exercise, whatever it is: easy to count by hand."""


def agree(subject: Workout, pacing: Pacing = CLASSIC) -> list[Entry]:
    """The timeline's work and rests, checked equal to what a watch runs from the FIT export."""
    expected = from_timeline(build_timeline(subject, pacing))
    assert expected == from_fit(export_fit(subject, pacing, max_steps=MAX_STEPS))
    return expected


def rests(entries: list[Entry]) -> list[Any]:
    """The rests' lengths in milliseconds (``open`` for the lap button)."""
    return [value for kind, _, value in entries if kind == "rest"]


class TestPrecedence:
    """Each rule of which rest wins, decided by the plan, the same in the timeline and the FIT file."""

    @pytest.mark.parametrize(
        ("own", "workouts", "expected"),
        [(Rest(90), Rest(45), 90_000), (None, Rest(45), 45_000), (None, None, 60_000)],
    )
    def test_between_straight_sets(self, own: Rest | None, workouts: Rest | None, expected: int) -> None:
        """The exercise's rest_between_sets, else the workout's, else the pacing's."""
        subject = workout(block(move(sets=3, rest_between_sets=own)), rest_between_sets=workouts)
        assert [expected, expected] == rests(agree(subject))

    @pytest.mark.parametrize(
        ("after", "workouts", "expected"),
        [(Rest(20), Rest(45), 20_000), (None, Rest(45), 45_000), (None, None, 60_000)],
    )
    def test_after_a_superset(self, after: Rest | None, workouts: Rest | None, expected: int) -> None:
        """The superset's rest_after, else the workout's rest_between_sets, else the pacing's."""
        pair = Superset(exercises=(move("A"), move("B")), rest_after=after)
        subject = workout(block(pair, move("C")), rest_between_sets=workouts)
        assert [expected] == rests(agree(subject))

    def test_after_a_single_exercise_a_transition(self) -> None:
        """Between single exercises: a transition in the timeline, no step on the watch; rest_after wins."""
        subject = workout(
            block(move("A"), move("B", rest_after=Rest.between(30, 90, as_needed=True)), move("C"))
        )
        timeline = build_timeline(subject, CLASSIC)
        assert [SegmentKind.TRANSITION, SegmentKind.REST] == [
            s.kind for s in timeline if s.kind is not SegmentKind.WORK
        ]
        assert ["open"] == rests(agree(subject))

    @pytest.mark.parametrize(("own", "expected"), [(Rest(90), 90_000), (None, 30_000)])
    def test_between_rounds_never_after_the_last(self, own: Rest | None, expected: int) -> None:
        """Rounds rest between rounds (their own rest, else the pacing's), never after the last."""
        pair = Superset(exercises=(move("A"), move("B")), rounds=3, rest_between_rounds=own)
        subject = workout(block(pair, rounds=2, rest_between_rounds=Rest(120)))
        entries = agree(subject)
        assert [expected, expected, 120_000, expected, expected] == rests(entries)
        assert "work" == entries[-1][0]

    @pytest.mark.parametrize(("after", "expected"), [(Rest(15), 15_000), (None, 60_000)])
    def test_between_blocks(self, after: Rest | None, expected: int) -> None:
        """The block's rest_after, else the pacing's rest_between_blocks; none after the last block."""
        subject = workout(block(move("A"), name="One", rest_after=after), block(move("B"), name="Two"))
        assert [expected] == rests(agree(subject))

    def test_inside_a_superset(self) -> None:
        """rest_between_exercises, else a transition (no step)."""
        timed = Superset(exercises=(move("A"), move("B")), rest_between_exercises=Rest(10))
        plain = Superset(exercises=(move("A"), move("B")))
        assert [10_000] == rests(agree(workout(block(timed))))
        assert [] == rests(agree(workout(block(plain))))

    @pytest.mark.parametrize(
        ("name", "expected"),
        [("Squat", []), ("Dumbbell Squat", [60_000, 60_000]), ("Barbell Squat", [60_000] * 2)],
    )
    def test_default_rest_between_sets_by_load(self, name: str, expected: list[int]) -> None:
        """At the default pacing, body-weight sets run straight on and loaded sets rest 60 s."""
        assert expected == rests(agree(workout(block(move(name, sets=3))), Pacing()))

    def test_set_up_before_each_set_at_a_station(self) -> None:
        """A barbell set starts with a set-up in the timeline, which the watch leaves to the lap."""
        subject = workout(block(move("Barbell Squat", sets=2)))
        set_up, work = (SegmentKind.TRANSITION, 60, "set up"), (SegmentKind.WORK, 20, "8 reps")
        expected = [set_up, work, (SegmentKind.REST, 60, "60 s"), set_up, work]
        assert expected == [(s.kind, s.duration, s.target) for s in build_timeline(subject)]
        assert [60_000] == rests(agree(subject, Pacing()))

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            ("Squat", "Push-Up", Default.TRANSITION_IN_PLACE),
            ("Dumbbell Row", "Dumbbell Curl", Default.TRANSITION_IN_PLACE),
            ("Dumbbell Row", "Farmer Carry with Dumbbells", Default.TRANSITION_IN_PLACE),
            ("Squat", "Kettlebell Swing", Default.TRANSITION),
            ("Box Jump", "Push-Up", Default.TRANSITION),
        ],
    )
    def test_transition_by_equipment(self, first: str, second: str, expected: Default) -> None:
        """Between single exercises the plan picks the in-place or the equipment transition."""
        [main] = plan(workout(block(move(first), move(second)))).blocks
        assert isinstance(main.body, Repeat)
        assert Gap(Between.ITEMS, None, expected) == main.body.body(0)[1]

    @pytest.mark.parametrize(
        ("items", "expected"),
        [
            ((move("Kettlebell Swing"), move("Squat")), Default.TRANSITION),
            ((move("Squat"), move("Kettlebell Swing"), move("Lunge")), Default.TRANSITION_IN_PLACE),
        ],
    )
    def test_for_time_back_to_the_first(self, items: tuple[Exercise, ...], expected: Default) -> None:
        """For time, a round leads into the next with a change from its last exercise to its first."""
        [main] = plan(workout(block(*items, rounds=2, format=ForTime()))).blocks
        assert isinstance(main.body, Repeat)
        assert Gap(Between.ROUNDS, None, expected) == main.body.between

    def test_rounds_that_differ(self) -> None:
        """A ladder over two rounds: each round its own reps, on the watch as in the timeline."""
        subject = workout(block(move(dose=Ladder([Reps(10), Reps(6)])), rounds=2))
        [main] = plan(subject).blocks
        assert isinstance(main.body, Repeat)
        assert main.body.varies
        messages, _ = Decoder(Stream.from_byte_array(bytearray(export_fit(subject, CLASSIC)))).read()
        steps: list[dict[str, Any]] = messages["workout_step_mesgs"]  # type: ignore[assignment]
        assert [10, 6] == [step["duration_value"] for step in steps if step["duration_type"] == "reps"]

    def test_sides(self) -> None:
        """Each: right, a side switch of the pacing's length, left."""
        entries = agree(workout(block(move(sides=Sides.EACH))), Pacing(switch_sides=8))
        assert [("work", "Squat R", None), ("rest", None, 8_000), ("work", "Squat L", None)] == entries

    def test_the_built_in_workout(self) -> None:
        """The article's workout: the watch runs exactly the timeline's work and rests."""
        agree(catalog.get("upper-body-for-runners"))

    @pytest.mark.parametrize(
        ("rest", "expected"),
        [
            (Rest(length=RestLength.MINIMAL), 12_000),
            (Rest(length=RestLength.SHORT), 25_000),
            (Rest(as_needed=True), "open"),
            (Rest(length=RestLength.SHORT, as_needed=True), "open"),
        ],
    )
    def test_rests_in_words(self, rest: Rest, expected: object) -> None:
        """A rest without seconds: its length's pacing field, or the lap button when taken as needed."""
        pacing = Pacing(rest_minimal=12, rest_short=25, rest_as_needed=100)
        subject = workout(block(move("A", rest_after=rest), move("B")))
        assert [expected] == rests(agree(subject, pacing))

    @pytest.mark.parametrize("rounds", [1, 2, 3, Range(2, 3)])
    def test_interval_block_without_its_last_rest(self, rounds: int | Range) -> None:
        """The interval rest closes every round, and goes before the rest between rounds, but not the last."""
        fmt = Intervals(work=20, rest=10, rest_after_last=False)
        subject = workout(
            block(
                move("A", Duration(20)),
                move("B", Duration(20)),
                rounds=rounds,
                format=fmt,
                rest_between_rounds=Rest(60),
            )
        )
        times = rounds if isinstance(rounds, int) else 2  # 2–3 rounds: the lower of the two middle counts
        one = [10_000, 10_000, 60_000]
        assert (one * times)[:-2] == rests(agree(subject))


class TestPlan:
    """The plan's nodes say what the workout prescribes and which pacing default fills the rest."""

    def test_a_shared_climb_past_a_written_dose(self) -> None:
        """Half an ascending dose's later step may pass 1000 reps: the timeline and FIT export say it."""
        climb = Exercise(name="Lunge", dose=Ascending(2, by=1000), sides=Sides.EACH, per_side=False)
        subject = workout(block(climb, rounds=3, format=Intervals(work=60, rest=0)))
        targets = [segment.target for segment in build_timeline(subject) if segment.kind is SegmentKind.WORK]
        steps = ["1 rep (2 reps in all)", "501 reps (1002 reps in all)", "1001 reps (2002 reps in all)"]
        assert [step for step in steps for _ in "rl"] == targets  # right, then left
        assert export_fit(subject)

    def test_a_straight_set_repeat(self) -> None:
        """Straight sets are a repeat of their effort with the rest between sets that wins."""
        [main] = plan(workout(block(move(sets=Range(2, 4))), rest_between_sets=Rest(45))).blocks
        assert isinstance(main.body, Repeat)
        [sets] = main.body.body(0)
        assert isinstance(sets, Repeat)
        assert (Range(2, 4), Gap(Between.SETS, Rest(45), Default.REST_BETWEEN_SETS_BODYWEIGHT)) == (
            sets.times,
            sets.between,
        )

    def test_ladders_give_each_round_its_body(self) -> None:
        """A ladder's rounds differ, so the repeat holds one body per round."""
        ladder = Ladder((Reps(10), Reps(8), Reps(6)))
        [main] = plan(workout(block(move(dose=ladder), rounds=3))).blocks
        assert isinstance(main.body, Repeat)
        assert main.body.varies
        doses = [
            node.dose for number in range(3) for node in main.body.body(number) if isinstance(node, Work)
        ]
        assert [Reps(10), Reps(8), Reps(6)] == doses

    @pytest.mark.parametrize(
        ("switch", "between"),
        [
            (None, Gap(Between.SIDES, None, Default.SWITCH_SIDES, Side.LEFT)),
            (12, Gap(Between.SIDES, Rest(12), None, Side.LEFT)),
            (0, None),
        ],
    )
    def test_a_switch_of_no_seconds_is_no_gap(self, switch: int | None, between: Gap | None) -> None:
        """Between the sides: the pacing's switch, the exercise's own, or nothing at all for 0 s."""
        [main] = plan(workout(block(move(sides=Sides.EACH, switch_sides=switch)))).blocks
        assert isinstance(main.body, Repeat)
        nodes = main.body.body(0)
        assert [Side.RIGHT, Side.LEFT] == [node.side for node in nodes if isinstance(node, Work)]
        assert ([] if between is None else [between]) == [node for node in nodes if isinstance(node, Gap)]

    @pytest.mark.parametrize(("work", "half"), [(40, 20.0), (Range(40, 60), Range(20, 30))])
    def test_a_station_split_between_the_sides_halves_its_interval(
        self, work: int | Range, half: object
    ) -> None:
        """One station shared by both sides gives each side half the interval's work, a range's ends too."""
        shared = move("Lunge", Duration(20), sides=Sides.EACH, per_side=False)
        [main] = plan(workout(block(shared, format=Intervals(work=work, rest=10)))).blocks
        assert isinstance(main.body, Repeat)
        assert [half, half] == [node.seconds for node in main.body.body(0) if isinstance(node, Work)]

    def test_unnamed_supersets_are_numbered_by_their_label(self) -> None:
        """A superset's title: its name, else its label or ``superset`` and its number among them."""
        pair = (move("A"), move("B"))
        main = block(
            move("Warm-Up"),
            Superset(exercises=pair, label="tri-set"),
            Superset(exercises=pair),
            Superset(exercises=pair, name="Finisher", label="circuit"),
        )
        assert {1: "tri-set 1", 2: "superset 2", 3: "Finisher"} == superset_titles(main)

    def test_parts_left_whole_are_not_copied(self) -> None:
        """Leaving out an optional exercise rebuilds only its block: the others are the very same objects."""
        subject = workout(block(move(), name="One"), block(move("A"), move("B", optional=True), name="Two"))
        planned = plan(subject).workout
        assert planned.blocks[0] is subject.blocks[0]
        assert ("A",) == tuple(item.name for item in planned.blocks[1].items)

    def test_a_workout_without_optional_parts_is_planned_as_it_is(self) -> None:
        """Nothing optional, no levels: the plan reads the very workout; with levels, a copy without them."""
        subject = workout(block(move(), name="Main"))
        assert plan(subject).workout is subject
        levelled = attrs.evolve(
            subject, levels=[Level(name="beginner", blocks=[BlockChange(block="Main", rounds=2)])]
        )
        planned = plan(levelled).workout
        assert () == planned.levels
        assert planned.blocks[0] is levelled.blocks[0]

    def test_the_last_block_has_nothing_after_it(self) -> None:
        """Only blocks before another have a gap after them."""
        planned = plan(workout(block(move(), name="One"), block(move(), name="Two")))
        assert [Gap(Between.BLOCKS, None, Default.REST_BETWEEN_BLOCKS), None] == [
            b.after for b in planned.blocks
        ]


def capped(block: Block) -> bool:
    """Whether a block is for time with a cap (the timeline may stop it there)."""
    return isinstance(block.format, ForTime) and block.format.time_cap is not None


def planned_work(subject: Workout, pacing: Pacing) -> list[tuple[str, Any]]:
    """The plan's work nodes in order, rounds counted at the pacing's range point (no AMRAP blocks)."""
    found: list[tuple[str, Any]] = []

    def walk(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if isinstance(node, Work):
                found.append((node.exercise.name, node.side))
            elif isinstance(node, Repeat):
                for number in range(count(node.times, pacing.range_point)):
                    walk(node.body(number))
            elif isinstance(node, EveryInterval):
                size = len(node.slots)
                for number in range(node.intervals):
                    walk(node.slots[number % size].at(number // size))
            else:
                assert not isinstance(node, AsManyRounds)

    for planned in plan(subject).blocks:
        walk((planned.body,))
    return found


class TestOneExpansion:
    """The plan's work, the timeline's work segments and the FIT file's work steps are the same list."""

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.workouts(max_blocks=2, max_items=3), strategies.pacings())
    def test_plan_timeline_and_fit_work_agree(self, subject: Workout, pacing: Pacing) -> None:
        """In order: same exercises and sides (EMOM and AMRAP blocks are one step each in a FIT file)."""
        # An AMRAP's rounds and a capped for-time block's end depend on the clock, not the plan.
        assume(not any(isinstance(b.format, Amrap) or capped(b) for b in subject.blocks))
        doses = [
            d
            for e in subject.exercises()
            for d in (e.dose.ladder if isinstance(e.dose, Ladder) else [e.dose])
        ]
        assume(all(d.metres > 1e-6 for d in doses if isinstance(d, Distance)))
        try:
            timeline = build_timeline(subject, pacing)
        except ValidationError:
            assume(False)
            raise
        work = [(s.exercise, s.side) for s in timeline if s.kind is SegmentKind.WORK]
        assert planned_work(subject, pacing) == work
        if any(isinstance(b.format, Emom) for b in subject.blocks):
            return
        try:
            data = export_fit(subject, pacing, max_steps=MAX_STEPS)
        except ValidationError:
            assume(False)
            raise
        steps = [name for kind, name, _ in from_fit(data) if kind == "work"]
        assert [short_name(name or "", side) for name, side in work] == steps
