"""The gallery of built-in workouts: each loads, round-trips and times out as worked by hand."""

from __future__ import annotations

import importlib
import itertools
import math
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

import runstrength
from _wording import copied
from runstrength import (
    Amrap,
    Block,
    Distance,
    Emom,
    Exercise,
    Intervals,
    Ladder,
    ModificationKind,
    Pacing,
    Range,
    Reps,
    Rest,
    SegmentKind,
    Side,
    Superset,
    Timeline,
    Workout,
    build_timeline,
    catalog,
)
from runstrength._document.text import DocumentFormat

FORMATS: tuple[DocumentFormat, ...] = ("json", "yaml", "toml")
GALLERY = (
    "cindy",
    "fran",
    "front-squats-on-the-minute",
    "modern-physique-upper-body-and-cardio",
    "murph",
    "seven-minute-workout",
    "stronglifts-5x5-workout-a",
    "tabata-protocol",
    "tempo-back-squat-and-couplets",
    "time-poor-mountain-strength",
    "triathlete-base-building-strength",
)
"""The real-world workouts added next to the article's workout."""

# The pacing defaults the hand-worked totals below rely on (see `Pacing`).
REP, SWITCH, TRANSITION = 3.0, 5, 10
ROUND_REST, SET_REST, BLOCK_REST = 30, 60, 60
KM = 360
CLASSIC = Pacing(
    seconds_per_rep=REP,
    transition=TRANSITION,
    rest_between_sets=SET_REST,
    rest_between_blocks=BLOCK_REST,
    set_up=0,
)
"""The single-valued pacing the hand-worked totals below count with: the same time per rep, transition
and rest for every exercise, whatever it is (the default pacing's tables by kind are tested in
``test_pacing.py``)."""
MILE_KM = 1.609344

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def timeline_of(name: str, pacing: Pacing = CLASSIC) -> Timeline:
    """The built-in workout's timeline (at the hand-countable `CLASSIC` pacing unless given)."""
    return build_timeline(catalog.get(name), pacing)


def work(timeline: Timeline, exercise: str | None = None) -> list[float]:
    """The lengths of the work segments, of one exercise or of all."""
    return [
        s.duration
        for s in timeline
        if s.kind is SegmentKind.WORK and (exercise is None or s.exercise == exercise)
    ]


def exercises(workout: Workout) -> Iterator[Exercise]:
    """Every exercise of the workout: supersets opened, active rests and modified versions included."""
    yield from workout.exercises()
    for block in workout.blocks:
        if isinstance(block.format, Intervals) and block.format.active_rest is not None:
            yield block.format.active_rest
    for exercise in workout.exercises():
        yield from (modification.apply_to(exercise) for modification in exercise.modifications)


class TestGallery:
    """Every built-in workout, old and new."""

    def test_listed(self) -> None:
        """The gallery's workouts are in the catalogue next to the article's."""
        assert {*GALLERY, "upper-body-for-runners"} == set(catalog.names())

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("name", catalog.names())
    def test_round_trip(self, name: str, fmt: DocumentFormat) -> None:
        """Each workout survives writing and reading back in every document format."""
        workout = catalog.get(name)
        assert workout == runstrength.loads(runstrength.dumps(workout, fmt), fmt)

    @pytest.mark.parametrize("name", catalog.names())
    def test_timeline(self, name: str) -> None:
        """Each workout expands into a contiguous timeline whose total lies within its range."""
        timeline = timeline_of(name)
        assert 0.0 == timeline[0].start
        assert all(a.end == b.start for a, b in itertools.pairwise(timeline))
        low, high = timeline.total_range
        assert low <= timeline.total <= high

    @pytest.mark.parametrize("name", GALLERY)
    def test_credited(self, name: str) -> None:
        """Each new workout names its source and says its cues are written anew."""
        source = catalog.get(name).source
        assert source is not None
        assert source.title
        assert source.publisher
        assert source.notes is not None
        assert "written anew" in source.notes

    @pytest.mark.parametrize("name", GALLERY)
    def test_described(self, name: str) -> None:
        """Every exercise of the gallery has one to five cues and at least one target."""
        undescribed = [
            exercise.name
            for exercise in catalog.get(name).exercises()
            if not (1 <= len(exercise.cues) <= 5 and exercise.targets)
        ]
        assert [] == undescribed

    def test_pacing_defaults(self) -> None:
        """The hand-worked totals in this file count with `CLASSIC`: its other values are the defaults."""
        pacing = CLASSIC
        assumed = (REP, SWITCH, TRANSITION, ROUND_REST, SET_REST, BLOCK_REST, KM)
        assert assumed == (
            pacing.seconds_per_rep,
            pacing.switch_sides,
            pacing.transition,
            pacing.rest_between_rounds,
            pacing.rest_between_sets,
            pacing.rest_between_blocks,
            pacing.seconds_per_km,
        )


def _supersets(workout: Workout) -> list[Superset]:
    return [item for block in workout.blocks for item in block.items if isinstance(item, Superset)]


def _loads(workout: Workout) -> Iterator[object]:
    yield from (exercise.load for exercise in exercises(workout))
    yield from (kit.load for kit in workout.equipment)
    yield from (kit.load for exercise in exercises(workout) for kit in exercise.equipment)


def _tri_set_or_circuit(workout: Workout) -> bool:
    return any(len(superset.exercises) >= 3 for superset in _supersets(workout))


def _straight_sets_with_rest_range(workout: Workout) -> bool:
    return any(
        exercise.sets != 1
        and exercise.rest_between_sets is not None
        and isinstance(exercise.rest_between_sets.seconds, Range)
        for exercise in exercises(workout)
    )


def _rounds_range(workout: Workout) -> bool:
    rounds = [block.rounds for block in workout.blocks] + [s.rounds for s in _supersets(workout)]
    return any(isinstance(count, Range) for count in rounds)


def _timed_intervals(workout: Workout) -> bool:
    return any(
        isinstance(block.format, Intervals) and block.format.rest != 0 and len(block.items) > 1
        for block in workout.blocks
    )


def _tabata(workout: Workout) -> bool:
    return any(
        isinstance(block.format, Intervals)
        and (block.format.work, block.format.rest, block.rounds) == (20, 10, 8)
        for block in workout.blocks
    )


def _emom(workout: Workout) -> bool:
    return any(isinstance(block.format, Emom) for block in workout.blocks)


def _amrap(workout: Workout) -> bool:
    return any(isinstance(block.format, Amrap) for block in workout.blocks)


def _distance(workout: Workout) -> bool:
    return any(isinstance(exercise.dose, Distance) for exercise in exercises(workout))


def _load_with_unit(workout: Workout) -> bool:
    return any(getattr(load, "unit", None) is not None for load in _loads(workout))


def _tempo(workout: Workout) -> bool:
    return any(exercise.tempo is not None for exercise in exercises(workout))


def _ladder(workout: Workout) -> bool:
    return any(isinstance(exercise.dose, Ladder) for exercise in exercises(workout))


def _alternative(workout: Workout) -> bool:
    return any(
        modification.kind is ModificationKind.ALTERNATIVE
        for exercise in workout.exercises()
        for modification in exercise.modifications
    )


def _effort(workout: Workout) -> bool:
    return any(exercise.effort is not None for exercise in exercises(workout))


FEATURES: dict[str, Callable[[Workout], bool]] = {
    "tri-set or circuit": _tri_set_or_circuit,
    "straight sets with a rest range": _straight_sets_with_rest_range,
    "rounds given as a range": _rounds_range,
    "timed intervals": _timed_intervals,
    "Tabata": _tabata,
    "EMOM": _emom,
    "AMRAP": _amrap,
    "distance dose": _distance,
    "load with a unit": _load_with_unit,
    "tempo": _tempo,
    "ladder": _ladder,
    "alternative (swap) modification": _alternative,
    "RPE or RIR": _effort,
}


class TestCoverage:
    """The gallery as a whole exercises every feature of the model."""

    @pytest.mark.parametrize("feature", FEATURES)
    def test_feature_used(self, feature: str) -> None:
        """At least one gallery workout uses the feature."""
        using = [name for name in GALLERY if FEATURES[feature](catalog.get(name))]
        assert using, f"no gallery workout uses: {feature}"

    @pytest.mark.parametrize("feature", FEATURES)
    def test_detects_absence(self, feature: str) -> None:
        """Each check is false for a one-exercise workout that uses none of the features."""
        squat = Exercise(name="Squat", dose=Reps(8))
        plain = Workout(title="Plain", blocks=(Block(name="Main", items=(squat,)),))
        assert not FEATURES[feature](plain)


# --- each new workout, worked out by hand at the default pacing ----------------------------


class TestSevenMinuteWorkout:
    """Twelve stations of 30 s, each followed by 10 s."""

    NAMES = (
        "Jumping Jacks",
        "Wall Sit",
        "Push-Up",
        "Abdominal Crunch",
        "Step-Up onto Chair",
        "Squat",
        "Triceps Dip on Chair",
        "Plank",
        "High Knees Running in Place",
        "Lunge",
        "Push-Up and Rotation",
        "Side Plank",
    )

    def test_total(self) -> None:
        """12 × (30 s + 10 s) = 480 s: the interval format keeps the rest after the last station."""
        stations, work_s, rest_s = 12, 30, 10
        timeline = timeline_of("seven-minute-workout")
        assert stations * (work_s + rest_s) == timeline.total
        assert (timeline.total, timeline.total) == timeline.total_range

    def test_order(self) -> None:
        """The stations run in the article's order, each worked for exactly 30 s."""
        timeline = timeline_of("seven-minute-workout")
        assert list(self.NAMES) == [s.exercise for s in timeline if s.kind is SegmentKind.WORK]
        assert {30.0} == set(work(timeline))
        assert not any(s.estimate for s in timeline)


class TestTabataProtocol:
    """Eight bouts of 20 s on a bike, 10 s off."""

    def test_total(self) -> None:
        """Tabata lasts exactly 240 s: 8 × (20 + 10), with no estimate anywhere."""
        timeline = timeline_of("tabata-protocol")
        assert 8 * (20 + 10) == timeline.total
        assert (240.0, 240.0) == timeline.total_range

    def test_bouts(self) -> None:
        """Work and rest alternate 20 s and 10 s, one bout per round."""
        timeline = timeline_of("tabata-protocol")
        assert [20.0, 10.0] * 8 == [s.duration for s in timeline]
        assert list(range(1, 9)) == [s.block_round for s in timeline if s.kind is SegmentKind.WORK]


class TestCindy:
    """As many rounds as possible in 20 minutes of 5 pull-ups, 10 push-ups and 15 squats."""

    def test_total(self) -> None:
        """An AMRAP lasts exactly its 1200 s cap, whatever the pacing."""
        assert 1200.0 == timeline_of("cindy").total
        assert 1200.0 == timeline_of("cindy", Pacing(seconds_per_rep=2.0)).total

    def test_full_rounds(self) -> None:
        """A round is 15 + 10 + 30 + 10 + 45 s, then 10 s to the bar: ten full rounds fit in 1200 s."""
        first = 5 * REP + TRANSITION + 10 * REP + TRANSITION + 15 * REP
        rounds = 1 + (1200 - first) // (first + TRANSITION)
        timeline = timeline_of("cindy")
        assert 10 == rounds
        assert [rounds] * 3 == [len(work(timeline, name)) for name in ("Pull-Up", "Push-Up", "Air Squat")]
        assert first + (rounds - 1) * (first + TRANSITION) == timeline[-2].end

    def test_rounds_counted(self) -> None:
        """Every segment reports ten rounds, the number completed."""
        assert {10} == {s.block_rounds for s in timeline_of("cindy")}


class TestFran:
    """21-15-9 thrusters at 95 lb and pull-ups, for time."""

    def test_total(self) -> None:
        """45 thrusters and 45 pull-ups at 3 s a rep, a 10 s change in each round, no rest: 300 s."""
        reps = 21 + 15 + 9
        assert 2 * reps * REP + 3 * TRANSITION == timeline_of("fran").total

    def test_ladder(self) -> None:
        """The ladder gives 21, 15 and 9 reps in rounds 1, 2 and 3, thruster before pull-ups."""
        timeline = timeline_of("fran")
        rows = [(s.exercise, s.target, s.superset_round) for s in timeline if s.kind is SegmentKind.WORK]
        expected = []
        for number, reps in enumerate((21, 15, 9), start=1):
            expected += [("Thruster", f"{reps} reps", number), ("Pull-Up", f"{reps} reps", number)]
        assert expected == rows
        assert [21 * REP, 15 * REP, 9 * REP] == work(timeline, "Thruster")

    def test_load(self) -> None:
        """The thruster is loaded at 95 lb."""
        thruster = catalog.get("fran").exercise("Thruster")
        assert thruster.load is not None
        assert "95 lb" == str(thruster.load)

    def test_easier(self) -> None:
        """The easier version keeps the thrusters and cuts the pull-ups to 12-9-6: 54 s shorter."""
        easier = build_timeline(catalog.get("fran").variant("easier"), CLASSIC)
        assert [12 * REP, 9 * REP, 6 * REP] == work(easier, "Pull-Up, 12-9-6")
        assert timeline_of("fran").total - (45 - 27) * REP == easier.total


class TestMurph:
    """A mile, 100 pull-ups, 200 push-ups, 300 squats, a mile, for time."""

    def test_total(self) -> None:
        """Two 1-mile runs at 6:00/km and 20 rounds of 5-10-15 with 30 s between rounds."""
        mile = MILE_KM * KM
        round_s = 5 * REP + TRANSITION + 10 * REP + TRANSITION + 15 * REP
        middle = 20 * round_s + 19 * ROUND_REST
        assert math.isclose(2 * mile + middle, timeline_of("murph").total)

    def test_distance(self) -> None:
        """Each run is one segment of a mile at the pacing's running speed."""
        runs = work(timeline_of("murph"), "Run")
        assert 2 == len(runs)
        assert all(math.isclose(MILE_KM * KM, run) for run in runs)

    def test_rep_totals(self) -> None:
        """The partitioned rounds add up to 100 pull-ups, 200 push-ups and 300 squats."""
        timeline = timeline_of("murph")
        totals = [round(sum(work(timeline, name)) / REP) for name in ("Pull-Up", "Push-Up", "Air Squat")]
        assert [100, 200, 300] == totals

    def test_no_rest_between_parts(self) -> None:
        """The clock runs from the first run into the reps and on to the last run."""
        timeline = timeline_of("murph")
        changes = [(a.block, b.block) for a, b in itertools.pairwise(timeline) if a.block != b.block]
        assert [
            ("First Mile", "Pull-Ups, Push-Ups, Squats"),
            ("Pull-Ups, Push-Ups, Squats", "Second Mile"),
        ] == changes
        assert all(s.kind is not SegmentKind.REST for s in timeline if s.superset is None)


class TestFrontSquatsOnTheMinute:
    """Five front squats at body weight at the top of every minute for six minutes."""

    def test_total(self) -> None:
        """Six intervals of 60 s: 15 s of squats and 45 s of rest each."""
        timeline = timeline_of("front-squats-on-the-minute")
        assert 6 * 60 == timeline.total
        assert [5 * REP, 60 - 5 * REP] * 6 == [s.duration for s in timeline]

    def test_load(self) -> None:
        """The bar is loaded at 100% of body weight."""
        squat = catalog.get("front-squats-on-the-minute").exercise("Front Squat")
        assert squat.load is not None
        assert "100% BW" == str(squat.load)


class TestTimePoorMountainStrength:
    """Two to three rounds of step-ups, push-up rows, single-leg deadlifts and a plank."""

    def round_seconds(self, step_up: float) -> float:
        """One round: each step-up, the 30 s caps and the 60 s plank, with the 30 s rests after each move."""
        rest = 30
        deadlift = 30 + SWITCH + 30
        return (step_up + rest) * 2 + (30 + rest) + (deadlift + rest) + 60

    def test_total(self) -> None:
        """Typical: 2–3 rounds count 2, step-ups 45 s; 2 rounds of 365 s and a 30 s rest make 760 s."""
        assert 365 == self.round_seconds(45)
        assert 2 * self.round_seconds(45) + ROUND_REST == timeline_of("time-poor-mountain-strength").total

    def test_total_range(self) -> None:
        """The range runs from 2 rounds with 30 s step-ups to 3 rounds with 60 s step-ups."""
        low = 2 * self.round_seconds(30) + ROUND_REST
        high = 3 * self.round_seconds(60) + 2 * ROUND_REST
        assert (low, high) == timeline_of("time-poor-mountain-strength").total_range

    def test_round_matches_source(self) -> None:
        """One round takes 5:35 to 6:35, close to the 5:30 to 6:30 the source gives."""
        assert (335, 395) == (self.round_seconds(30), self.round_seconds(60))

    def test_alternative(self) -> None:
        """Without dumbbells, plain push-ups take the push-up row's place, for the same 30 s."""
        workout = catalog.get("time-poor-mountain-strength")
        swapped = build_timeline(workout.variant("alternative"), CLASSIC)
        assert [30.0] * 2 == work(swapped, "Push-Up")
        assert () == swapped.workout.exercise("Push-Up").equipment

    def test_single_leg_deadlift_sides(self) -> None:
        """Each round's deadlift is 30 s on the right, a side switch, then 30 s on the left."""
        rows = [
            (s.side, s.duration)
            for s in timeline_of("time-poor-mountain-strength")
            if s.exercise == "Single-Leg Deadlift"
        ]
        assert [(Side.RIGHT, 30.0), (None, float(SWITCH)), (Side.LEFT, 30.0)] * 2 == rows


class TestStrongLiftsWorkoutA:
    """Squat, bench press and barbell row, five sets of five, resting 90 s to 5 min as needed."""

    def test_total(self) -> None:
        """Per lift 5 × 5 reps × 3 s and four rests of 195 s (the middle of 90–300 s); 60 s between lifts."""
        lift = 5 * 5 * REP + 4 * (90 + 300) / 2
        assert 855 == lift
        assert 3 * lift + 2 * SET_REST == timeline_of("stronglifts-5x5-workout-a").total

    def test_total_range(self) -> None:
        """The rests span the range: 90 s each at the short end, 300 s at the long end."""
        low = 3 * (75 + 4 * 90) + 2 * SET_REST
        high = 3 * (75 + 4 * 300) + 2 * SET_REST
        assert (low, high) == timeline_of("stronglifts-5x5-workout-a").total_range

    def test_sets(self) -> None:
        """Each lift runs five numbered sets."""
        timeline = timeline_of("stronglifts-5x5-workout-a")
        for lift in ("Squat", "Bench Press", "Barbell Row"):
            assert [1, 2, 3, 4, 5] == [
                s.set_number for s in timeline if s.exercise == lift and s.kind is SegmentKind.WORK
            ]

    def test_rest(self) -> None:
        """The rest between sets is a range the athlete judges."""
        rest = catalog.get("stronglifts-5x5-workout-a").exercise("Squat").rest_between_sets
        assert Rest.between(90, 300, as_needed=True) == rest


class TestModernPhysique:
    """Two supersets, a giant set to failure, then treadmill sprints."""

    def test_total(self) -> None:
        """Supersets of 4 rounds, a 3-round giant set, 60 s gaps, then 12 × (20 s + 60 s)."""
        superset_1 = 4 * (6 * REP + TRANSITION + 10 * REP) + 3 * (120 + 180) / 2
        superset_2 = 4 * (6 * REP + TRANSITION + 10 * REP) + 3 * 120
        giant_set = 3 * (4 * 10 * REP + 3 * 30) + 2 * 120  # 8–12 reps: 10 at the middle
        sprints = 12 * (20 + 60)
        total = superset_1 + SET_REST + superset_2 + SET_REST + giant_set + BLOCK_REST + sprints
        assert total == timeline_of("modern-physique-upper-body-and-cardio").total

    def test_giant_set(self) -> None:
        """The giant set rests 30 s between its four exercises and 2 min between rounds."""
        timeline = timeline_of("modern-physique-upper-body-and-cardio")
        rests = [s.duration for s in timeline if s.superset == "Giant Set" and s.kind is SegmentKind.REST]
        assert ([30.0] * 3 + [120.0]) * 2 + [30.0] * 3 == rests

    def test_to_failure(self) -> None:
        """The giant set's exercises are taken to failure: no reps in reserve."""
        workout = catalog.get("modern-physique-upper-body-and-cardio")
        (giant,) = [s for s in _supersets(workout) if s.name == "Giant Set"]
        assert {0} == {exercise.effort.rir for exercise in giant.exercises if exercise.effort}
        assert 4 == sum(1 for exercise in giant.exercises if exercise.effort)


class TestTempoBackSquatAndCouplets:
    """Squats at tempo 21X1, then 30-20-10 and 10-20-30 couplets."""

    def test_total(self) -> None:
        """A 21X1 rep takes 5 s (X counts 1 s); each couplet is 120 reps and three 10 s changes."""
        per_rep = 2 + 1 + 1 + 1
        strength = 4 * per_rep + TRANSITION + (4 * per_rep + SET_REST + 4 * per_rep)
        couplet = 2 * (30 + 20 + 10) * REP + 3 * TRANSITION
        assert (
            strength + BLOCK_REST + couplet + BLOCK_REST + couplet
            == timeline_of("tempo-back-squat-and-couplets").total
        )

    def test_tempo(self) -> None:
        """Every squat set of four reps lasts 20 s at the prescribed tempo."""
        timeline = timeline_of("tempo-back-squat-and-couplets")
        squats = [s.duration for s in timeline if s.kind is SegmentKind.WORK and s.block == "Strength"]
        assert [20.0, 20.0, 20.0] == squats

    def test_ladders(self) -> None:
        """The first couplet falls 30-20-10 and the second rises 10-20-30."""
        timeline = timeline_of("tempo-back-squat-and-couplets")
        by_block = {
            block: [s.target for s in timeline if s.block == block and s.exercise == "Wall Ball"]
            for block in ("Descending Couplet", "Ascending Couplet")
        }
        assert {
            "Descending Couplet": ["30 reps", "20 reps", "10 reps"],
            "Ascending Couplet": ["10 reps", "20 reps", "30 reps"],
        } == by_block


class TestTriathleteBaseBuilding:
    """Foam rolling, then eleven moves done as straight sets."""

    def test_total(self) -> None:
        """Warm-up 330 s; the main set's sets, 60 s rests and gaps add to 2297 s; 60 s between blocks."""
        warm_up = (2 * 60 + SWITCH) + TRANSITION + (2 * 60 + SWITCH) + TRANSITION + 60
        per_side_8 = 2 * (8 * REP * 2 + SWITCH) + SET_REST  # 2 sets of 8 reps per side
        main = [
            per_side_8,  # lateral lunge to balance
            per_side_8,  # lateral lunge to chest twist
            per_side_8,  # transverse lunge
            per_side_8,  # single-leg superman
            15 * REP,  # counterbalance squat, one set
            2 * 15 * REP + SET_REST,  # squat and row
            2 * (10 * REP * 2 + SWITCH) + SET_REST,  # lateral glide
            per_side_8,  # goblet squat with rotation
            2 * 15 * REP + SET_REST,  # box squat to press
            3 * 8 * REP + 2 * SET_REST,  # hamstring curl
            2 * (30 * 2 + SWITCH) + SET_REST,  # side plank
        ]
        gaps = 9 * SET_REST + TRANSITION  # after straight sets a rest; after the single set a transition
        assert 330 == warm_up
        assert (
            warm_up + BLOCK_REST + sum(main) + gaps == timeline_of("triathlete-base-building-strength").total
        )

    def test_over_stated_length(self) -> None:
        """Within 15 % of the stated 30 minutes by default; one 60 s rest for every set ran 50 % over."""
        assert 1.0 < timeline_of("triathlete-base-building-strength", Pacing()).total / 1800 < 1.15
        assert 1.45 < timeline_of("triathlete-base-building-strength").total / 1800 < 1.55


# --- the pacing calibration table ---------------------------------------------------------


@pytest.fixture(scope="module")
def calibration() -> Iterator[ModuleType]:
    """``benchmarks/pacing_calibration.py``, imported as a script would import it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module("pacing_calibration")


class TestPacingCalibration:
    """Stated lengths next to the default pacing's estimates."""

    def test_covers_stated_workouts(self, calibration: ModuleType) -> None:
        """There is one row per built-in workout with a stated length, in catalogue order."""
        rows = calibration.calibration_rows()
        expected = [name for name in catalog.names() if catalog.get(name).stated_duration is not None]
        assert expected == [row.name for row in rows]
        assert len(rows) >= 6

    def test_row_shape(self, calibration: ModuleType) -> None:
        """Each row holds the stated range, the estimate and its range, all in seconds."""
        for row in calibration.calibration_rows():
            assert 0 < row.stated.low <= row.stated.high
            assert row.total_min <= row.total <= row.total_max
            assert math.isclose(row.total / row.stated.middle, row.ratio)

    def test_within_tolerance(self, calibration: ModuleType) -> None:
        """Every estimate lies within ±35% of the stated length, except the documented outliers."""
        outside = {row.name for row in calibration.calibration_rows() if not row.within}
        assert set(calibration.KNOWN_OUTLIERS) == outside

    def test_outliers_fixed_by_shorter_default_rest(self, calibration: ModuleType) -> None:
        """A 30 s default rest between sets brings every estimate within tolerance."""
        rows = calibration.calibration_rows(Pacing(rest_between_sets=30))
        assert [] == [row.name for row in rows if not row.within]

    def test_prints_table(self, calibration: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
        """Running the script with ``--catalog`` prints a header and one line per built-in workout."""
        assert 0 == calibration.main(["--catalog"])
        out = capsys.readouterr().out
        lines = out.splitlines()
        assert lines[0].startswith("workout")
        names = [row.name for row in calibration.calibration_rows()]
        assert names == [line.split()[0] for line in lines[1:]]


# --- every cue in our own words -------------------------------------------------------------

# Distinctive wording of the gallery's sources; the documents must say these things in their own words.
SOURCES = [
    # From CrossFit's Cindy, Fran and Murph:
    "Complete as many rounds in 20 minutes as you can of 5 pull-ups, 10 push-ups and 15 squats.",
    "A general guideline for the thruster is to use a load that allows for at least 15 unbroken reps.",
    "Experienced athletes should go hard and treat this workout as a sprint.",
    "A great goal for all athletes is successful completion of the workout in 10-12 minutes.",
    "Partition the pull-ups, push-ups, and squats as needed. Start and finish with a mile run.",
    "If you've got a twenty pound vest or body armor, wear it.",
    "This workout was one of Mike's favorites and he'd named it Body Armor.",
    # Squats On-the-Minute (Men's Journal)
    "Complete five repetitions of front squats with your body weight, every minute, on the minute.",
    "This training structure helps the body adapt to accumulating work volumes.",
    # Time Poor Mountain Strength (Endurance Specific)
    "It's best to do this short session directly after your runs were advised in the program.",
    "It also help you develop the strength needed in the later stages of your races and adventures.",
    # StrongLifts 5x5
    "Stronglifts 5x5 is the simplest, most effective workout to get stronger, build muscle and burn fat.",
    "Never train two days in a row or do two workouts in a day.",
    # Modern Physique (Bodybuilding.com)
    "This week, we up the ante: more weight, more cardio, and more intensity.",
    "If you can't use all four pieces of equipment, look for suitable substitutes.",
    "Or perform straight sets with short rests.",
    # Solidarity CrossFit
    "Each rep will be performed with a :02 descent, :01 pause in the bottom, and :01 pause between reps.",
    "The wall balls should be completed in no more than 2 sets at any point in the workout.",
    "The second portion of this workout will be a lot harder than the first.",
    "So pace yourself a bit on the first part.",
    # Triathlete
    "Building hip mobility will help you swim, bike, and run more efficiently and powerfully.",
    "And roll out the middle of your back from your neck to the bottom of your ribs for 1 minute.",
    # Tabata et al. and Klika & Jordan, as quoted
    "The exhaustive intermittent training consisted of seven to eight sets of 20-s exercise.",
    "At an intensity of about 170% of VO2max with a 10-s rest between each bout.",
    "Each circuit is repeated 2-3 times, depending on the amount of time that you have.",
]


class TestOwnWords:
    """Facts carry over from the sources; their sentences do not."""

    def test_detects_copying(self) -> None:
        """The check finds a source sentence even with its punctuation changed."""
        text = "Never train two days in a row; or do two workouts in a day!"
        assert [text] == copied(text, SOURCES)

    @pytest.mark.parametrize("name", GALLERY)
    def test_no_copied_wording(self, name: str) -> None:
        """No text of the document shares a run of six words with a source."""
        assert [] == copied(runstrength.to_dict(catalog.get(name)), SOURCES)

    @pytest.mark.parametrize("name", GALLERY)
    def test_file_says_so(self, name: str) -> None:
        """The shipped file's header says its facts are sourced and its cues written in our own words."""
        text = files("runstrength").joinpath("workouts", f"{name}.toml").read_text(encoding="utf-8")
        assert "written in our own words" in " ".join(line.lstrip("# ") for line in text.splitlines()[:5])
