"""The schedule builder: hand-checked timelines and the semantics of every block format."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from runstrength import (
    Amrap,
    Block,
    Distance,
    DistanceUnit,
    Duration,
    Efforts,
    Emom,
    Exercise,
    Intervals,
    Ladder,
    MaxReps,
    Modification,
    ModificationKind,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
    SegmentKind,
    Side,
    Superset,
    Tempo,
    Timeline,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    loads,
)
from runstrength._timeline import ROW_KEYS

ARTICLE = "upper-body-for-runners"
CLASSIC = Pacing(seconds_per_rep=3, transition=10, rest_between_sets=60, rest_between_blocks=60, set_up=0)
"""One time per rep, transition and rest for every exercise, whatever it is: easy to count by hand."""


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    """The built-in workout's timeline at the default pacing."""
    return build_timeline(catalog.get(ARTICLE))


def workout(*blocks: Block, **fields: object) -> Workout:
    """A workout of these blocks."""
    return Workout(title="Test", blocks=blocks, **fields)  # type: ignore[arg-type]


def block(*items: Exercise | Superset, **fields: object) -> Block:
    """A block of these items (named Main unless given)."""
    return Block(name=str(fields.pop("name", "Main")), items=items, **fields)  # type: ignore[arg-type]


def move(name: str = "Squat", dose: object = None, **fields: object) -> Exercise:
    """An exercise, 8 reps unless given."""
    return Exercise(name=name, dose=dose or Reps(8), **fields)  # type: ignore[arg-type]


def work_of(timeline: Timeline, exercise: str) -> list[float]:
    """The work segments' lengths of one exercise."""
    return [s.duration for s in timeline if s.kind is SegmentKind.WORK and s.exercise == exercise]


class TestBuiltInWorkout:
    """The article's workout at the default pacing, worked out by hand."""

    def test_total(self, timeline: Timeline) -> None:
        """Warm-up twice, three supersets of three rounds, a cool-down: 1265 s at the defaults."""
        per_side, switch, rep = 30, 5, 2.5
        in_place, new_equipment = 0, 10  # mat to mat, dumbbell to dumbbell; dumbbell to floor
        warm_round = (2 * per_side + switch) + in_place + 30 + in_place + (2 * per_side + switch)
        warm_up = 2 * warm_round + 30 + 0  # a 30 s rest between rounds, nothing to the next block
        as_needed = (30 + 120) / 2
        superset_1 = 3 * ((2 * 8 * rep + switch) + new_equipment + 8 * rep) + 2 * 30
        superset_2 = 3 * ((2 * 8 * rep) + in_place + 8 * rep) + 2 * 30  # alternating: 8 per side
        superset_3 = 3 * (8 * rep + in_place + 8 * rep) + 2 * 30
        strength = superset_1 + as_needed + superset_2 + as_needed + superset_3 + 0
        cool_down = 30 + in_place + 30
        assert warm_up + strength + cool_down == timeline.total
        assert {"Warm-up": warm_up, "Strength": strength, "Cool-down": cool_down} == timeline.block_totals()

    def test_total_range(self, timeline: Timeline) -> None:
        """Only "rest as needed" is a range: 30 s or 120 s after superset 1 and 2."""
        assert (timeline.total - 2 * 45, timeline.total + 2 * 45) == timeline.total_range

    @pytest.mark.parametrize(
        ("exercise", "count"),
        [
            ("Thread the Needle", 4),
            ("Dynamic Child's Pose", 2),
            ("Half-Kneeling Rainbow", 4),
            ("Half-Kneeling Chop", 6),
            ("Bear Plank Lateral Walk", 3),
            ("Reciprocal Row", 3),
            ("Chest Fly", 3),
            ("Bent-Over Wide Row", 3),
            ("Hammer Curl", 3),
            ("Standing Shoulder Stretch", 1),
            ("Child's Pose", 1),
        ],
    )
    def test_work_segments(self, timeline: Timeline, exercise: str, count: int) -> None:
        """Each exercise appears rounds × sides times."""
        assert count == len(work_of(timeline, exercise))

    def test_warm_up_twice_every_side(self, timeline: Timeline) -> None:
        """The warm-up runs two rounds, each per-side move right then left."""
        needle = [
            (s.block_round, s.side)
            for s in timeline
            if s.exercise == "Thread the Needle" and s.kind is SegmentKind.WORK
        ]
        assert [(1, Side.RIGHT), (1, Side.LEFT), (2, Side.RIGHT), (2, Side.LEFT)] == needle

    def test_superset_rounds(self, timeline: Timeline) -> None:
        """Superset 2 alternates row and fly (the same dumbbells: no transition) for three rounds."""
        rows = [s for s in timeline if s.superset == "Superset 2"]
        kinds = [(s.kind, s.exercise, s.superset_round) for s in rows]
        work, rest = SegmentKind.WORK, SegmentKind.REST
        expected: list[tuple[SegmentKind, str | None, int]] = []
        for number in (1, 2, 3):
            expected += [(work, "Reciprocal Row", number), (work, "Chest Fly", number)]
            if number < 3:
                expected.append((rest, None, number))
        assert expected == kinds
        assert {3} == {s.superset_rounds for s in rows}

    def test_rest_as_needed_after_supersets(self, timeline: Timeline) -> None:
        """The article's rest as needed sits between supersets, at its typical 75 s."""
        rests = [s for s in timeline if s.target == "as needed (30–120 s)"]
        assert [75.0, 75.0] == [s.duration for s in rests]
        assert all(s.estimate for s in rests)

    def test_easier_variant(self) -> None:
        """The easier variant swaps in the single-arm row: 6–8 per side, one side then the other."""
        easier = build_timeline(catalog.get(ARTICLE).variant("easier"))
        rows = [s for s in easier if s.exercise == "Single-Arm Bent-Over Row" and s.kind is SegmentKind.WORK]
        assert [Side.RIGHT, Side.LEFT] * 3 == [s.side for s in rows]
        assert {7 * 2.5} == {s.duration for s in rows}
        original = build_timeline(catalog.get(ARTICLE))
        # Per round the row goes from 40 s alternating to 17.5 + 5 + 17.5 = 40 s.
        assert original.total == easier.total


class TestSides:
    """Each, alternating and both sides."""

    def test_each(self) -> None:
        """Each: right, a side switch, left."""
        timeline = build_timeline(workout(block(move(sides="each"))), CLASSIC)
        expected = [(SegmentKind.WORK, Side.RIGHT, 24.0), (SegmentKind.SWITCH_SIDES, None, 5.0)]
        expected.append((SegmentKind.WORK, Side.LEFT, 24.0))
        assert expected == [(s.kind, s.side, s.duration) for s in timeline]

    def test_alternating(self) -> None:
        """Alternating: one effort covering both sides' reps."""
        timeline = build_timeline(workout(block(move(sides="alternating"))), CLASSIC)
        assert [(SegmentKind.WORK, None, 48.0, "8 reps per side, alternating")] == [
            (s.kind, s.side, s.duration, s.target) for s in timeline
        ]

    def test_shared_range_split_between_sides(self) -> None:
        """A rep range shared by the sides shows half of each end on each side: 10–12 is 5–6 a side."""
        shared = move(sides="each", per_side=False, dose=Reps(Range(10, 12)))
        timeline = build_timeline(workout(block(shared)), CLASSIC)
        half = "5–6 reps (10–12 reps in all)"
        assert [(Side.RIGHT, half), (Side.LEFT, half)] == [
            (s.side, s.target) for s in timeline if s.kind is SegmentKind.WORK
        ]


class TestDoses:
    """Each kind of dose takes its own time."""

    @pytest.mark.parametrize(
        ("dose", "tempo", "seconds", "estimate"),
        [
            (Reps(8), None, 24.0, True),
            (Reps(8), Tempo("3-1-1-0"), 40.0, True),
            (Reps(8), Tempo("2-0-X-0"), 24.0, True),
            (Reps(Range(6, 9)), None, 22.5, True),
            (Duration(45), None, 45.0, False),
            (Duration(Range(30, 45)), None, 37.5, True),
            (Distance(400), None, 144.0, True),
            (Distance(1, DistanceUnit.MILES), None, 1.609344 * 360, True),
            (MaxReps(), None, 36.0, True),
            (MaxReps(time_cap=60), None, 60.0, False),
        ],
    )
    def test_work_time(self, dose: object, tempo: Tempo | None, seconds: float, estimate: bool) -> None:  # noqa: FBT001
        """Reps × seconds per rep (tempo first), times as given, distance at the run pace."""
        (segment,) = build_timeline(workout(block(move(dose=dose, tempo=tempo))), CLASSIC)
        assert math.isclose(seconds, segment.duration)
        assert estimate == segment.estimate

    @pytest.mark.parametrize(
        ("which", "seconds"), [(RangePoint.MIN, 18.0), (RangePoint.TYPICAL, 21.0), (RangePoint.MAX, 24.0)]
    )
    def test_range_point(self, which: RangePoint, seconds: float) -> None:
        """The pacing's range point picks a rep range's end or middle."""
        (segment,) = build_timeline(
            workout(block(move(dose=Reps(Range(6, 8))))), attrs.evolve(CLASSIC, range_point=which)
        )
        assert seconds == segment.duration

    def test_ladder(self) -> None:
        """A ladder gives each set its own dose."""
        exercise = move(dose=Ladder((Reps(10), Reps(8), Reps(6))), sets=3, rest_between_sets=Rest(60))
        timeline = build_timeline(workout(block(exercise)), CLASSIC)
        assert [30.0, 60.0, 24.0, 60.0, 18.0] == [s.duration for s in timeline]
        assert [1, 1, 2, 2, 3] == [s.set_number for s in timeline]
        assert {3} == {s.sets for s in timeline}

    def test_counted_efforts_are_not_sets(self) -> None:
        """Efforts count themselves in their targets: their segments hold no set number or count."""
        efforts = move("Run", Efforts(3, each=Duration(60), recovery=Rest(30)))
        timeline = build_timeline(workout(block(efforts)), CLASSIC)
        targets = [s.target for s in timeline if s.kind is SegmentKind.WORK]
        assert ["60 s (1 of 3)", "60 s (2 of 3)", "60 s (3 of 3)"] == targets
        assert {(None, None)} == {(s.set_number, s.sets) for s in timeline}


class TestRests:
    """What the workout prescribes wins over the pacing."""

    def test_straight_sets(self) -> None:
        """Straight sets rest between sets, not after the last."""
        exercise = move(sets=3, rest_between_sets=Rest.between(60, 90))
        timeline = build_timeline(workout(block(exercise)), CLASSIC)
        assert [24.0, 75.0, 24.0, 75.0, 24.0] == [s.duration for s in timeline]
        assert (24 * 3 + 120.0, 24 * 3 + 180.0) == timeline.total_range

    def test_workout_rest_between_sets(self) -> None:
        """Without its own rest, a superset is followed by the workout's rest between sets."""
        pair = Superset(exercises=(move("A"), move("B")))
        timeline = build_timeline(workout(block(pair, move("C")), rest_between_sets=Rest(45)), CLASSIC)
        assert [SegmentKind.WORK, SegmentKind.TRANSITION, SegmentKind.WORK, SegmentKind.REST] == [
            s.kind for s in timeline[:4]
        ]
        assert 45.0 == timeline[3].duration

    def test_superset_rests(self) -> None:
        """A superset's own rests replace transitions and the pacing's rest between rounds."""
        pair = Superset(
            exercises=(move("A"), move("B")),
            rounds=2,
            rest_between_exercises=Rest(15),
            rest_between_rounds=Rest(90),
        )
        timeline = build_timeline(workout(block(pair)), CLASSIC)
        assert [24.0, 15.0, 24.0, 90.0, 24.0, 15.0, 24.0] == [s.duration for s in timeline]

    def test_pacing_fills_gaps(self) -> None:
        """Unprescribed gaps take the pacing's values."""
        pacing = attrs.evolve(CLASSIC, transition=20, rest_between_rounds=40, rest_between_blocks=90)
        first = block(move("A"), move("B"), rounds=2, name="One")
        timeline = build_timeline(workout(first, block(move("C"), name="Two")), pacing)
        assert [24.0, 20.0, 24.0, 40.0, 24.0, 20.0, 24.0, 90.0, 24.0] == [s.duration for s in timeline]

    def test_rounds_range(self) -> None:
        """Rounds as a range: typical rounds the lower middle count; the total range spans both ends."""
        timeline = build_timeline(workout(block(move(), rounds=Range(2, 3))), CLASSIC)
        assert 2 == timeline[-1].block_rounds
        assert (24 * 2 + 30.0, 24 * 3 + 60.0) == timeline.total_range


SQUEEZED_EMOM = """\
{"schema_version": 1, "title": "T", "blocks": [
 {"name": "E", "format": {"type": "emom", "every": 30, "duration": 300},
  "items": [{"name": "Lunge", "dose": {"reps": 20}, "sides": "each"}]},
 {"name": "N", "items": [{"name": "Plank", "dose": {"seconds": 30}}]}]}
"""


class TestFormats:
    """Intervals, Tabata, EMOM and AMRAP blocks."""

    def test_tabata(self) -> None:
        """Tabata: 8 × (20 s work, 10 s rest) lasts exactly 4 minutes."""
        tabata = block(move(dose=MaxReps()), rounds=8, format=Intervals(work=20, rest=10))
        timeline = build_timeline(workout(tabata), CLASSIC)
        assert 240.0 == timeline.total
        assert [20.0, 10.0] * 8 == [s.duration for s in timeline]
        assert (240.0, 240.0) == timeline.total_range

    def test_active_rest(self) -> None:
        """An active rest names its exercise in the rest interval."""
        fmt = Intervals(work=50, rest=10, active_rest=move("Plank", Duration(10)))
        timeline = build_timeline(workout(block(move("A"), move("B"), format=fmt)), CLASSIC)
        assert ["A", "Plank", "B", "Plank"] == [s.exercise for s in timeline]
        assert "active rest: 10 s" == timeline[1].target

    def test_emom_rotates(self) -> None:
        """A rotating EMOM alternates exercises and rests out each minute."""
        emom = block(
            move("Swing", Reps(15)), move("Lunge", Reps(6), sides="each"), format=Emom(every=60, duration=240)
        )
        timeline = build_timeline(workout(emom), CLASSIC)
        assert 240.0 == timeline.total
        work = [(s.exercise, s.block_round) for s in timeline if s.kind is SegmentKind.WORK]
        assert [("Swing", 1), ("Lunge", 2), ("Lunge", 2), ("Swing", 3), ("Lunge", 4), ("Lunge", 4)] == work
        swing, lunge = 15 * 3.0, 6 * 3.0 + 5 + 6 * 3.0
        assert [60 - swing, 60 - lunge] == [s.duration for s in timeline if s.kind is SegmentKind.REST][:2]

    def test_emom_overflow(self) -> None:
        """Work estimated past the interval is squeezed into it and reported, with the item's path."""
        emom = block(move("A"), move("B", Reps(30)), format=Emom(every=60, duration=120))
        timeline = build_timeline(workout(emom), CLASSIC)
        assert 120.0 == timeline.total  # the EMOM keeps its prescribed length
        (warning,) = timeline.warnings
        assert "blocks[0].items[1]" == warning.path
        assert "does_not_fit_interval" == warning.code
        assert "90 s overflows the 60 s EMOM interval" in warning.reason
        # B's 90 s of reps fill its whole interval; A's 8 reps (24 s) leave 36 s of rest.
        assert [("A", 0.0, 24.0), (None, 24.0, 60.0), ("B", 60.0, 120.0)] == [
            (s.exercise, s.start, s.end) for s in timeline
        ]
        assert timeline[-1].estimate

    def test_squeezed_emom_ends_on_its_marks(self) -> None:
        """20 lunges a side overflow each 30 s interval: squeezed, they still end on every mark, exactly."""
        timeline = build_timeline(loads(SQUEEZED_EMOM, "json"))
        assert "does_not_fit_interval" == timeline.warnings[0].code
        marks = {30.0 * k for k in range(1, 11)}
        assert marks <= {s.end for s in timeline if s.block == "E"}
        assert (330.0, (330.0, 330.0)) == (timeline.total, timeline.total_range)
        assert {"E": 300.0, "N": 30.0} == timeline.block_totals()

    def test_an_emom_rest_ends_on_its_mark_where_adding_misses_it(self) -> None:
        """The rest until the next mark ends on it exactly, even where adding the rest's length misses it.

        At 1.562 s a rep, 2 reps then 5 reps end at 10.934000000000001 s, and adding the rest's
        length (63.124 - 10.934000000000001) gives 63.123999999999995, not the mark.
        """
        warm_up = Block(name="Warm-Up", items=[move("Z", Reps(2))])
        emom = block(move("A", Reps(5)), name="E", format=Emom(every=60, duration=120))
        pacing = Pacing(seconds_per_rep=1.562, transition=0, set_up=0, rest_between_blocks=0)
        timeline = build_timeline(workout(warm_up, emom), pacing)
        origin = timeline[0].end
        kinds = [SegmentKind.WORK, SegmentKind.WORK, SegmentKind.REST, SegmentKind.WORK, SegmentKind.REST]
        assert kinds == [s.kind for s in timeline]
        assert [origin + 60, origin + 120] == [s.end for s in timeline if s.kind is SegmentKind.REST]
        assert all(before.end == after.start for before, after in itertools.pairwise(timeline))

    def test_interval_overflow(self) -> None:
        """20 reps in a 20 s work interval: the interval's time is kept, and a warning says so."""
        station = block(move("A", Reps(20)), move("B", Reps(3)), format=Intervals(work=20, rest=10))
        timeline = build_timeline(workout(station), CLASSIC)
        assert 60.0 == timeline.total
        (warning,) = timeline.warnings
        assert ("blocks", 0, "items", 0) == warning.location
        assert "60 s overflows the 20 s work interval" in warning.reason

    def test_fitting_work_gives_no_warning(self) -> None:
        """Work that fits its interval, exactly or with time to spare, warns of nothing."""
        emom = block(move("A", Reps(20)), format=Emom(every=60, duration=120))
        assert () == build_timeline(workout(emom), CLASSIC).warnings

    def test_amrap(self) -> None:
        """An AMRAP lasts its cap; the last round is cut short and counted."""
        amrap = block(move("A", Reps(10)), move("B", Reps(10)), format=Amrap(time_cap=140))
        timeline = build_timeline(workout(amrap), CLASSIC)
        assert 140.0 == timeline.total
        # A round is 30 + 10 + 30, then a 10 s transition: round 2's B starts at 120, cut at 140.
        last = timeline[-1]
        assert ("B", 20.0, 2) == (last.exercise, last.duration, last.block_round)
        assert last.target.endswith("(cut at the time cap)")
        assert {2} == {s.block_rounds for s in timeline}

    def test_amrap_changes_by_the_next_exercise(self) -> None:
        """In an AMRAP, equipment changes before the next exercise (the first, after the last)."""
        moves = (move("Squat"), move("Kettlebell Swing"), move("Push-Up"), move("Lunge"))
        timeline = list(build_timeline(workout(block(*moves, format=Amrap(time_cap=300)))))
        before_change = [
            before.exercise
            for before, after in itertools.pairwise(timeline)
            if after.kind is SegmentKind.TRANSITION and before.block_round == 1
        ]
        assert ["Squat", "Kettlebell Swing"] == before_change


FIVE_SEGMENTS = workout(block(move(sets=3, rest_between_sets=Rest(60))))
"""Three sets with a rest between each: five segments."""


class TestBounds:
    """Absurd expansions are refused, not attempted."""

    def test_max_segments(self) -> None:
        """A timeline over the pacing's segment limit raises ValidationError."""
        huge = workout(block(move(sets=100), rounds=100))
        with pytest.raises(ValidationError, match="more than 1000 timeline segments"):
            build_timeline(huge, Pacing(max_segments=1000))
        with pytest.raises(ValidationError, match="more than 1 timeline segment;"):
            build_timeline(huge, Pacing(max_segments=1))

    def test_exactly_at_the_segment_limit(self) -> None:
        """Five segments fit a limit of five, timeline and total range alike."""
        timeline = build_timeline(FIVE_SEGMENTS, attrs.evolve(CLASSIC, max_segments=5))
        assert 5 == len(timeline)
        assert (timeline.total, timeline.total) == timeline.total_range

    def test_one_past_the_segment_limit(self) -> None:
        """Five segments do not fit a limit of four."""
        with pytest.raises(ValidationError, match="more than 4 timeline segments"):
            build_timeline(FIVE_SEGMENTS, attrs.evolve(CLASSIC, max_segments=4))

    def test_reps_take_measurable_time(self) -> None:
        """A repetition quicker than half a second is refused: every segment must have a length."""
        with pytest.raises(ValidationError, match=r"seconds_per_rep: expected a number from 0\.5 to 60 s"):
            Pacing(seconds_per_rep=2.2250738585072014e-308)
        timeline = build_timeline(
            workout(block(move(dose=Duration(1)), move("Curl"))), Pacing(seconds_per_rep=0.5)
        )
        assert all(segment.duration > 0 for segment in timeline)

    def test_not_a_workout(self) -> None:
        """Passing something else is a TypeError."""
        with pytest.raises(TypeError, match="expected a Workout"):
            build_timeline({"title": "x"})  # type: ignore[arg-type]


class TestTimeline:
    """The Timeline API."""

    def test_sequence(self, timeline: Timeline) -> None:
        """len, indexing, slicing and iteration agree."""
        assert len(timeline) == len(list(timeline))
        assert timeline[0] is next(iter(timeline))
        assert tuple(timeline)[1:3] == timeline[1:3]

    @pytest.mark.parametrize("t", [0.0, 29.999, 30.0, 100.5])
    def test_at(self, timeline: Timeline, t: float) -> None:
        """at(t) is the segment whose [start, end) holds t."""
        segment = timeline.at(t)
        assert segment is not None
        assert segment.start <= t < segment.end

    @pytest.mark.parametrize("t", [-1.0, "end", 1e9])
    def test_at_outside(self, timeline: Timeline, t: float | str) -> None:
        """Outside [0, total) there is no segment."""
        assert timeline.at(timeline.total if t == "end" else float(t)) is None

    @pytest.mark.parametrize(
        ("moment", "kind"), [("5", "str"), (None, "NoneType"), ([5], "list"), (True, "bool"), (1j, "complex")]
    )
    def test_at_not_a_number(self, timeline: Timeline, moment: object, kind: str) -> None:
        """A moment that is not a number of seconds (a bool is not one) is a TypeError naming what came."""
        with pytest.raises(TypeError) as raised:
            timeline.at(moment)  # type: ignore[arg-type]
        assert f"at() takes a number of seconds, not {kind}" == str(raised.value)

    @pytest.mark.parametrize("moment", [Fraction(201, 2), Decimal("100.5")])
    def test_at_other_numbers(self, timeline: Timeline, moment: Fraction | Decimal) -> None:
        """Numbers of other types are moments too, as they were before at() checked its argument."""
        assert timeline.at(100.5) == timeline.at(moment)  # type: ignore[arg-type]

    def test_rows(self, timeline: Timeline) -> None:
        """to_rows gives plain values under stable keys."""
        rows = timeline.to_rows()
        assert [list(ROW_KEYS)] == [list(r) for r in rows[:1]]
        assert {"work", "rest", "transition", "switch_sides"} == {r["kind"] for r in rows}
        assert {"right", "left", None} == {r["side"] for r in rows}

    def test_work_and_rest(self, timeline: Timeline) -> None:
        """Work and everything else add up to the total."""
        assert math.isclose(timeline.total, timeline.work_total + timeline.rest_total)

    def test_equality(self, timeline: Timeline) -> None:
        """Timelines of the same workout and pacing are equal and hash alike."""
        again = build_timeline(catalog.get(ARTICLE))
        assert (again, hash(again)) == (timeline, hash(timeline))
        assert timeline != build_timeline(catalog.get(ARTICLE), attrs.evolve(Pacing(), seconds_per_rep=4))


class TestEmomSupersets:
    """An EMOM interval may hold a superset, done once through."""

    def test_chelsea_style(self) -> None:
        """Every minute: 5, 10 and 15 reps back to back, then rest out the minute."""
        trio = Superset(
            exercises=(move("Pull-up", Reps(5)), move("Push-up", Reps(10)), move("Squat", Reps(15)))
        )
        pacing = Pacing(seconds_per_rep=1.5, transition=5)
        timeline = build_timeline(workout(block(trio, format=Emom(every=60, duration=180))), pacing)
        work = (5 + 10 + 15) * 1.5
        changes = 2 * 5  # two transitions inside the superset
        assert 180.0 == timeline.total
        assert [60 - work - changes] * 3 == [s.duration for s in timeline if s.kind is SegmentKind.REST]
        assert {"Pull-up", "Push-up", "Squat"} == {s.exercise for s in timeline if s.kind is SegmentKind.WORK}

    def test_amrap_round_counts_from_first_work(self) -> None:
        """A cap reached while moving back to the first exercise does not start a new round."""
        amrap = block(move("A", Reps(10)), move("B", Reps(10)), format=Amrap(time_cap=155))
        timeline = build_timeline(workout(amrap), CLASSIC)
        # Each round: 30 + 10 + 30, then 10 s back to the start; the cap falls in round 2's return.
        assert {2} == {s.block_rounds for s in timeline}
        assert SegmentKind.TRANSITION is timeline[-1].kind


class TestBoundaries:
    """The edges a mutation of the builder would move."""

    def test_emom_work_filling_the_interval_exactly_is_accepted(self) -> None:
        """20 reps at 3 s fill a 60 s interval exactly: accepted, with no rest segment of 0 s."""
        emom = block(move("A", Reps(20)), format=Emom(every=60, duration=120))
        timeline = build_timeline(workout(emom), CLASSIC)
        assert [(SegmentKind.WORK, 60.0), (SegmentKind.WORK, 60.0)] == [
            (s.kind, s.duration) for s in timeline
        ]
        assert 120.0 == timeline.total

    def test_emom_work_one_rep_over_warns(self) -> None:
        """21 reps at 3 s overflow a 60 s interval by 3 s: the one rep over is reported."""
        timeline = build_timeline(
            workout(block(move("A", Reps(21)), format=Emom(every=60, duration=120))), CLASSIC
        )
        assert 120.0 == timeline.total
        (warning,) = timeline.warnings
        assert "63 s overflows the 60 s EMOM interval" in warning.reason

    def test_a_variant_keeps_the_exercise_tempo(self) -> None:
        """A modification that leaves the tempo alone keeps it: 8 reps at 4-1-1-0 last 48 s, not 24 s."""
        easier = Modification(name="Box Squat", kind=ModificationKind.EASIER, dose=Reps(8))
        squat = move(tempo=Tempo("4-1-1-0"), modifications=(easier,))
        (segment,) = build_timeline(workout(block(squat)).variant("easier"), CLASSIC)
        assert ("Box Squat", 48.0) == (segment.exercise, segment.duration)

    def test_the_exercise_rest_between_sets_wins_over_the_workout(self) -> None:
        """Straight sets rest their own rest_between_sets, not the workout's."""
        exercise = move(sets=2, rest_between_sets=Rest(90))
        timeline = build_timeline(workout(block(exercise), rest_between_sets=Rest(45)), CLASSIC)
        assert [24.0, 90.0, 24.0] == [s.duration for s in timeline]

    def test_the_workout_rest_between_sets_fills_in_for_straight_sets(self) -> None:
        """Without their own rest, straight sets rest the workout's rest_between_sets."""
        timeline = build_timeline(workout(block(move(sets=2)), rest_between_sets=Rest(45)), CLASSIC)
        assert [24.0, 45.0, 24.0] == [s.duration for s in timeline]


class TestRepr:
    """A timeline's repr is cheap and never raises."""

    def test_html_for_notebooks(self, timeline: Timeline) -> None:
        """In a notebook the timeline shows as a table with a row per segment."""
        page = timeline._repr_html_()
        assert page.startswith("<")
        assert len(timeline) <= page.count("<tr")

    def test_repr_shows_the_segments_and_total(self, timeline: Timeline) -> None:
        """The title, the segment count and the total."""
        assert "<Timeline 'Upper-Body Workout for Runners': 52 segments, 1265 s>" == repr(timeline)

    def test_repr_at_the_segment_limit(self) -> None:
        """A timeline built right at max_segments has a repr, though its maximum would exceed the limit."""
        sets = move(sets=Range(2, 4), rest_between_sets=Rest(60))
        timeline = build_timeline(workout(block(sets)), attrs.evolve(CLASSIC, max_segments=5))
        assert 5 == len(timeline)
        assert "<Timeline 'Test': 5 segments, 192 s>" == repr(timeline)
        with pytest.raises(ValidationError, match="more than 5 timeline segments"):
            _ = timeline.total_range
