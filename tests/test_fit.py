"""Garmin FIT workout files, decoded by Garmin's own SDK and by the independent fitdecode."""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, cast

import fitdecode  # type: ignore[import-untyped]
import pytest
from garmin_fit_sdk import Decoder, Profile, Stream
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import runstrength
from runstrength import (
    Amrap,
    Block,
    BlockKind,
    Distance,
    DistanceUnit,
    Duration,
    Efforts,
    Emom,
    Equipment,
    Exercise,
    ForTime,
    Intensity,
    Intervals,
    Ladder,
    Load,
    LoadLevel,
    LoadUnit,
    MaxReps,
    MissingExtraError,
    Modification,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
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
from runstrength._export import fit as fit_module
from runstrength._export.fit import (
    CONNECT_MAX_STEPS,
    EXERCISE_CATEGORIES,
    MAX_STEPS,
    NAME_BYTES,
    NOTES_BYTES,
    exercise_category,
    short_name,
    short_title,
)
from runstrength.cli import main

ARTICLE = "upper-body-for-runners"


def _load_coverage_script() -> Any:
    """benchmarks/fit_coverage.py, loaded as a module."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "fit_coverage.py"
    spec = importlib.util.spec_from_file_location("fit_coverage", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fit_coverage = _load_coverage_script()
REPEAT = "repeat_until_steps_cmplt"


class Step(NamedTuple):
    """One decoded workout step, with raw (unscaled) durations and targets."""

    message_index: int
    name: str | None
    kind: str
    value: int | None
    intensity: str | None
    repeat: int | None
    category: str | None = None
    exercise: int | None = None
    notes: str | None = None
    target: str | None = None
    weight: float | None = None
    weight_unit: str | None = None

    @property
    def row(self) -> tuple[int, str | None, str, int | None, str | None, int | None]:
        """What the hand-made tables compare: index, name, duration type and value, intensity, count."""
        return (self.message_index, self.name, self.kind, self.value, self.intensity, self.repeat)


class Decoded(NamedTuple):
    """A decoded workout file: its file_id and workout fields, and its steps."""

    file_id: dict[str, Any]
    workout: dict[str, Any]
    steps: list[Step]


def with_sdk(data: bytes) -> Decoded:
    """Decode with Garmin's SDK, which must find a FIT file whose CRCs hold and no errors."""
    assert Decoder(Stream.from_byte_array(bytearray(data))).is_fit()
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    found, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    # Typed loosely: the SDK's stubs name enum values in camelCase, its decoder in snake_case.
    messages = cast("dict[str, Any]", found)
    assert [] == errors
    assert {"file_id_mesgs", "workout_mesgs", "workout_step_mesgs"} == set(messages)
    [file_id] = messages["file_id_mesgs"]
    [workout] = messages["workout_mesgs"]
    steps = [
        Step(
            message_index=m["message_index"],
            name=m.get("wkt_step_name"),
            kind=m["duration_type"],
            value=m.get("duration_value"),
            intensity=m.get("intensity"),
            repeat=m.get("target_value"),
            category=m.get("exercise_category"),
            exercise=m.get("exercise_name"),
            notes=m.get("notes"),
            target=m.get("target_type"),
            weight=m.get("exercise_weight"),
            weight_unit=m.get("weight_display_unit"),
        )
        for m in messages["workout_step_mesgs"]
    ]
    return Decoded(file_id, workout, steps)


def with_fitdecode(data: bytes) -> Decoded:
    """Decode with fitdecode in its strictest mode: a bad CRC or malformed record raises."""
    found: dict[str, list[Any]] = {}
    with fitdecode.FitReader(
        io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE, error_handling=fitdecode.ErrorHandling.RAISE
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                found.setdefault(frame.name, []).append(frame)
    assert {"file_id", "workout", "workout_step"} == set(found)

    def raw(frame: Any, number: int) -> Any:
        return frame.get_field(number).raw_value if frame.has_field(number) else None

    def value(frame: Any, number: int) -> Any:
        return frame.get_field(number).value if frame.has_field(number) else None

    [file_id] = found["file_id"]
    [workout] = found["workout"]
    steps = [
        Step(
            message_index=raw(m, 254),
            name=value(m, 0),
            kind=value(m, 1),
            value=raw(m, 2),
            intensity=value(m, 7),
            repeat=raw(m, 4),
            category=value(m, 10),
            exercise=raw(m, 11),
            notes=value(m, 8),
            target=value(m, 3),
            weight=value(m, 12),
            weight_unit=value(m, 13),
        )
        for m in found["workout_step"]
    ]
    fields = {f.name: f.value for f in file_id.fields}
    return Decoded(fields, {f.name: f.value for f in workout.fields}, steps)


DECODERS = pytest.mark.parametrize("decode", [with_sdk, with_fitdecode], ids=["garmin-fit-sdk", "fitdecode"])
Decode = Callable[[bytes], Decoded]

# The built-in workout at the default pacing, worked out by hand from the article's structure:
# the warm-up circuit twice (two rounds: written out, a 30 s rest between them), 60 s between
# blocks, three supersets of three rounds (a repeat of two rounds, each closed by a 30 s rest,
# then the last round written out so that only the rest after the superset follows it), then
# the cool-down. Names fit 16 bytes: small words dropped, then initials from the left.
WARM_UP_ROUND = [
    ("Thread Needle R", "time", 30_000, "warmup", None),
    ("Switch sides", "time", 5_000, "rest", None),
    ("Thread Needle L", "time", 30_000, "warmup", None),
    ("D Child's Pose", "time", 30_000, "warmup", None),
    ("HK Rainbow R", "time", 30_000, "warmup", None),
    ("Switch sides", "time", 5_000, "rest", None),
    ("HK Rainbow L", "time", 30_000, "warmup", None),
]
SUPERSET_1 = [
    ("HK Chop R", "reps", 8, "active", None),
    ("Switch sides", "time", 5_000, "rest", None),
    ("HK Chop L", "reps", 8, "active", None),
    ("B P Lateral Walk", "reps", 8, "active", None),
]
SUPERSET_2 = [("Reciprocal Row", "reps", 16, "active", None), ("Chest Fly", "reps", 8, "active", None)]
SUPERSET_3 = [("BO Wide Row", "reps", 8, "active", None), ("Hammer Curl", "reps", 8, "active", None)]
ROUND_REST = ("Rest", "time", 30_000, "rest", None)
AS_NEEDED = ("Rest", "open", None, "rest", None)
BETWEEN_BLOCKS = ("Rest", "time", 60_000, "rest", None)
BUILT_IN = [
    (index, *row)
    for index, row in enumerate(
        [
            *WARM_UP_ROUND,
            ROUND_REST,
            *WARM_UP_ROUND,
            BETWEEN_BLOCKS,
            *SUPERSET_1,
            ROUND_REST,
            (None, REPEAT, 16, None, 2),
            *SUPERSET_1,
            AS_NEEDED,
            *SUPERSET_2,
            ROUND_REST,
            (None, REPEAT, 27, None, 2),
            *SUPERSET_2,
            AS_NEEDED,
            *SUPERSET_3,
            ROUND_REST,
            (None, REPEAT, 34, None, 2),
            *SUPERSET_3,
            BETWEEN_BLOCKS,
            ("S S Stretch", "time", 30_000, "cooldown", None),
            ("Child's Pose", "time", 30_000, "cooldown", None),
        ]
    )
]


def rows(decoded: Decoded) -> list[tuple[int, str | None, str, int | None, str | None, int | None]]:
    """The decoded steps as comparable rows."""
    return [step.row for step in decoded.steps]


def single(*items: Exercise | Superset, **fields: Any) -> Workout:
    """A one-block workout of these items."""
    return Workout(title="Test", blocks=(Block(name="Main", items=items, **fields),))


CLASSIC = Pacing(seconds_per_rep=3, transition=10, rest_between_sets=60, rest_between_blocks=60, set_up=0)
"""One time per rep, transition and rest for every exercise, whatever it is: the steps are easy to count."""


def move(name: str = "Squat", dose: Any = None, **fields: Any) -> Exercise:
    """An exercise, 8 reps unless given."""
    return Exercise(name=name, dose=dose or Reps(8), **fields)


def exercise_name(category: str, number: int) -> str:
    """The name of a FIT exercise number within its category, from Garmin's profile."""
    names: dict[int, str] = Profile["types"][f"{category}_exercise_name"]
    return names[number]


def exported(workout: Workout, pacing: Pacing) -> bytes | None:
    """The FIT file, or None when the workout needs more steps than a file can number (a refusal)."""
    try:
        return export_fit(workout, pacing, max_steps=MAX_STEPS)
    except ValidationError as error:
        if not all("FIT workout steps" in p.reason for p in error.problems):
            raise
        return None


def assert_runs_the_timeline_work(steps: list[Step], timeline: Timeline) -> None:
    """The work steps, run as a watch runs them, are the timeline's work segments in order."""
    work = [s for s in performed(steps) if s.intensity not in ("rest", "recovery")]
    segments = [s for s in timeline if s.kind is SegmentKind.WORK]
    assert len(segments) == len(work)
    for segment, step in zip(segments, work, strict=True):
        assert segment.exercise is not None
        assert short_name(segment.exercise, segment.side) == step.name
        if step.kind == "time":
            assert round(segment.duration * 1000) == step.value


def doses(workout: Workout) -> list[Any]:
    """Every single dose of the workout's exercises, ladder steps included."""
    found: list[Any] = []
    for exercise in workout.exercises():
        found.extend(exercise.dose.ladder if isinstance(exercise.dose, Ladder) else [exercise.dose])
    return found


def performed(steps: list[Step], limit: int = 200_000) -> list[Step]:
    """The steps in the order a watch runs them, following repeat steps (nested ones too)."""
    done: list[Step] = []
    counts: dict[int, int] = {}
    position = 0
    while position < len(steps) and len(done) < limit:
        step = steps[position]
        if step.kind != REPEAT:
            done.append(step)
            position += 1
            continue
        assert step.value is not None
        assert step.repeat is not None
        counts[position] = counts.get(position, 1) + 1
        if counts[position] <= step.repeat:
            position = step.value
        else:
            del counts[position]
            position += 1
    return done


class TestExportFit:
    """`export_fit` writes a FIT workout file that both decoders read back exactly."""

    @DECODERS
    def test_the_built_in_workout_decodes_to_its_steps(self, decode: Decode) -> None:
        """Every step of the article's workout: names, durations in ms, reps, intensities, repeats."""
        decoded = decode(export_fit(catalog.get(ARTICLE), CLASSIC))
        assert BUILT_IN == rows(decoded)

    @DECODERS
    def test_the_file_is_a_strength_workout(self, decode: Decode) -> None:
        """file_id says workout by a developer at a fixed time; workout says strength training."""
        decoded = decode(export_fit(catalog.get(ARTICLE), CLASSIC))
        assert "workout" == decoded.file_id["type"]
        assert "development" == decoded.file_id["manufacturer"]
        assert datetime(2024, 1, 1, tzinfo=UTC) == decoded.file_id["time_created"]
        assert "Upper-Body" == decoded.workout["wkt_name"]
        assert decoded.workout["wkt_description"].startswith("Upper-Body Workout for Runners: ")
        assert "training" == decoded.workout["sport"]
        assert "strength_training" == decoded.workout["sub_sport"]
        assert len(BUILT_IN) == decoded.workout["num_valid_steps"]

    def test_the_same_workout_gives_the_same_bytes(self) -> None:
        """Exporting twice gives identical files: nothing depends on the clock."""
        workout = catalog.get(ARTICLE)
        assert export_fit(workout) == export_fit(workout)

    @pytest.mark.parametrize(
        ("name", "category", "expected"),
        [
            ("Thread Needle R", "warm_up", "thoracic_rotation"),
            ("D Child's Pose", "warm_up", "quadruped_rocking"),
            ("HK Rainbow L", "warm_up", "half_kneeling_arm_rotation"),
            ("HK Chop R", "chop", "dumbbell_chop"),
            ("B P Lateral Walk", "plank", "bear_crawl"),
            ("Reciprocal Row", "row", "alternating_dumbbell_row"),
            ("Chest Fly", "flye", "dumbbell_flye"),
            ("BO Wide Row", "row", "row"),
            ("Hammer Curl", "curl", "dumbbell_hammer_curl"),
            ("S S Stretch", "warm_up", "stretch_shoulder"),
            ("Child's Pose", "warm_up", "stretch_childs_pose"),
        ],
    )
    @DECODERS
    def test_built_in_exercises_carry_fit_categories(
        self, decode: Decode, name: str, category: str, expected: str | None
    ) -> None:
        """Each exercise's step names its FIT exercise category, and its exercise where one fits."""
        steps = [s for s in decode(export_fit(catalog.get(ARTICLE), CLASSIC)).steps if s.name == name]
        assert steps
        for step in steps:
            assert category == step.category
            assert expected == (None if step.exercise is None else exercise_name(category, step.exercise))

    def test_rest_steps_have_no_exercise_category(self) -> None:
        """Rests and side switches are plain rest steps."""
        steps = with_sdk(export_fit(catalog.get(ARTICLE), CLASSIC)).steps
        assert all(s.category is None for s in steps if s.intensity == "rest")

    def test_notes_hold_the_full_name_then_the_dose(self) -> None:
        """A shortened step's notes begin with its full name and side, then the dose, within 50 bytes."""
        chop = with_sdk(export_fit(catalog.get(ARTICLE), CLASSIC)).steps[16]
        assert "HK Chop R" == chop.name
        assert "Half-Kneeling Chop (right): 8 reps per side. Eq…" == chop.notes
        assert len(chop.notes.encode()) <= NOTES_BYTES

    def test_notes_of_a_whole_name_start_with_the_dose_then_equipment(self) -> None:
        """A step named in full has the dose first, then the equipment, then the cues."""
        curl = with_sdk(export_fit(catalog.get(ARTICLE), CLASSIC)).steps[35]
        assert curl.notes is not None
        assert curl.notes.startswith("8 reps. Equipment: 2 × dumbbell. ")

    @pytest.mark.parametrize(
        ("dose", "sides", "kind", "value"),
        [
            (Reps(8), Sides.BOTH, "reps", 8),
            (Reps(8), Sides.ALTERNATING, "reps", 16),
            (Reps(Range(6, 8)), Sides.BOTH, "reps", 7),
            (Reps(Range(6, 7)), Sides.BOTH, "reps", 6),
            (Duration(45), Sides.BOTH, "time", 45_000),
            (Duration(30), Sides.ALTERNATING, "time", 60_000),
            (Duration(Range(30, 45)), Sides.BOTH, "time", 37_500),
            (Distance(400), Sides.BOTH, "distance", 40_000),
            (Distance(1, DistanceUnit.KILOMETRES), Sides.BOTH, "distance", 100_000),
            (MaxReps(), Sides.BOTH, "open", None),
            (MaxReps(60), Sides.BOTH, "time", 60_000),
        ],
    )
    @DECODERS
    def test_doses_end_their_steps(
        self, decode: Decode, dose: Any, sides: Sides, kind: str, value: int | None
    ) -> None:
        """Time in ms, reps (a range: its lower middle count), distance in cm, or the lap button."""
        [step] = decode(export_fit(single(move(dose=dose, sides=sides)))).steps
        assert (kind, value) == (step.kind, step.value)

    def test_a_rep_range_uses_the_pacing_range_point_and_its_notes_say_the_range(self) -> None:
        """At the range's maximum a 6–8 rep set counts 8, and the notes keep 6–8."""
        workout = single(move(dose=Reps(Range(6, 8))))
        [step] = with_sdk(export_fit(workout, Pacing(range_point=RangePoint.MAX))).steps
        assert ("reps", 8) == (step.kind, step.value)
        assert step.notes is not None
        assert step.notes.startswith("6–8 reps.")

    @pytest.mark.parametrize(
        ("rest", "kind", "value"),
        [
            (Rest(90), "time", 90_000),
            (Rest.between(60, 90), "time", 75_000),
            (Rest.between(30, 90, as_needed=True), "open", None),
            (None, "time", 60_000),
        ],
    )
    @DECODERS
    def test_rests_between_sets(
        self, decode: Decode, rest: Rest | None, kind: str, value: int | None
    ) -> None:
        """Fixed and ranged rests last their time; rests as needed wait for the lap button."""
        straight = move(sets=3, rest_between_sets=rest)
        steps = decode(export_fit(single(straight), CLASSIC)).steps
        expected = [
            (0, "Squat", "reps", 8, "active", None),
            (1, "Rest", kind, value, "rest", None),
            (2, None, REPEAT, 0, None, 2),
            (3, "Squat", "reps", 8, "active", None),
        ]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_a_rest_as_needed_of_nothing_is_no_step(self, decode: Decode) -> None:
        """A rest as needed that can only be nothing (0 s) waits for no lap button: the sets follow on."""
        straight = move(sets=3, rest_between_sets=Rest(0, as_needed=True))
        steps = decode(export_fit(single(straight), CLASSIC)).steps
        assert [(0, "Squat", "reps", 8, "active", None), (1, None, REPEAT, 0, None, 3)] == [
            s.row for s in steps
        ]

    @DECODERS
    def test_counted_efforts_repeat(self, decode: Decode) -> None:
        """Six 1 km efforts at 5k pace: a repeat of the effort and its recovery, the last effort after it."""
        each = Distance(1, DistanceUnit.KILOMETRES, intensity=Intensity.FIVE_K)
        run = move("Run", Efforts(6, each=each, recovery=Rest(120)))
        steps = decode(export_fit(single(run))).steps
        expected = [
            (0, "Run", "distance", 100_000, "active", None),
            (1, "Recovery", "time", 120_000, "recovery", None),
            (2, None, REPEAT, 0, None, 5),
            (3, "Run", "distance", 100_000, "active", None),
        ]
        assert expected == [s.row for s in steps]
        assert "1 km at 5k pace." == steps[0].notes

    @DECODERS
    def test_efforts_by_intensity_wait_for_the_lap_button(self, decode: Decode) -> None:
        """Hill sprints with no time or distance end on the lap button; no recovery, one repeat step."""
        steps = decode(export_fit(single(move("Hill Sprint", Efforts(3, intensity=Intensity.SPRINT))))).steps
        expected = [(0, "Hill Sprint", "open", None, "active", None), (1, None, REPEAT, 0, None, 3)]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_a_block_repeat_wraps_superset_repeats(self, decode: Decode) -> None:
        """A superset's repeat inside a block's rounds; no round ends with a rest it does not have."""
        superset = Superset(exercises=(move("Squat"), move("Row")), rounds=3, name="Pair")
        steps = decode(export_fit(single(superset, rounds=2))).steps
        expected = [
            (0, "Squat", "reps", 8, "active", None),
            (1, "Row", "reps", 8, "active", None),
            (2, "Rest", "time", 30_000, "rest", None),
            (3, None, REPEAT, 0, None, 2),
            # The superset's last round, then only the block's rest between rounds.
            (4, "Squat", "reps", 8, "active", None),
            (5, "Row", "reps", 8, "active", None),
            (6, "Rest", "time", 30_000, "rest", None),
            # The block's second (last) round: written out, nothing after it.
            (7, "Squat", "reps", 8, "active", None),
            (8, "Row", "reps", 8, "active", None),
            (9, "Rest", "time", 30_000, "rest", None),
            (10, None, REPEAT, 7, None, 2),
            (11, "Squat", "reps", 8, "active", None),
            (12, "Row", "reps", 8, "active", None),
        ]
        assert expected == [s.row for s in steps]
        assert ["Squat", "Row"] * 6 == [s.name for s in performed(steps) if s.intensity == "active"]
        assert 0 == performed_rests_in_a_row(steps)

    def test_ladder_rounds_are_written_out(self) -> None:
        """Rounds whose doses change cannot repeat one step: each round is written, rests between."""
        ladder = Ladder((Reps(10), Reps(8), Reps(6)))
        superset = Superset(exercises=(move("Squat", ladder), move("Row")), rounds=3, name="Pair")
        steps = with_sdk(export_fit(single(superset))).steps
        expected = [
            (0, "Squat", "reps", 10, "active", None),
            (1, "Row", "reps", 8, "active", None),
            (2, "Rest", "time", 30_000, "rest", None),
            (3, "Squat", "reps", 8, "active", None),
            (4, "Row", "reps", 8, "active", None),
            (5, "Rest", "time", 30_000, "rest", None),
            (6, "Squat", "reps", 6, "active", None),
            (7, "Row", "reps", 8, "active", None),
        ]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_intervals_are_timed_work_and_rest(self, decode: Decode) -> None:
        """Every side works the interval's time, then rests its time, every round."""
        plank = move("Plank", Duration(20))
        block = Block(
            name="Tabata-ish",
            rounds=3,
            format=Intervals(work=40, rest=20, active_rest=plank),
            items=(move("Lunge", Reps(10), sides=Sides.EACH), move("Squat")),
        )
        steps = decode(export_fit(Workout(title="Test", blocks=(block,)))).steps
        expected = [
            (0, "Lunge R", "time", 40_000, "active", None),
            (1, "Plank", "time", 20_000, "recovery", None),
            (2, "Lunge L", "time", 40_000, "active", None),
            (3, "Plank", "time", 20_000, "recovery", None),
            (4, "Squat", "time", 40_000, "active", None),
            (5, "Plank", "time", 20_000, "recovery", None),
            (6, None, REPEAT, 0, None, 3),
        ]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_intervals_without_rest_have_no_rest_steps(self, decode: Decode) -> None:
        """Intervals of no rest go from one work step to the next: a rest of 0 s is no step."""
        block = Block(
            name="Back to back",
            rounds=2,
            format=Intervals(work=40, rest=0),
            items=(move("Squat"), move("Row")),
        )
        steps = decode(export_fit(Workout(title="Test", blocks=(block,)))).steps
        expected = [
            (0, "Squat", "time", 40_000, "active", None),
            (1, "Row", "time", 40_000, "active", None),
            (2, None, REPEAT, 0, None, 2),
        ]
        assert expected == [s.row for s in steps]

    def test_an_active_rest_on_a_ladder_does_its_first_step(self) -> None:
        """An active rest is its exercise's first dose, in every round, as the timeline has it."""
        plank = move("Plank", Ladder((Duration(20), Duration(15), Duration(10))))
        block = Block(
            name="Ladder",
            rounds=3,
            format=Intervals(work=40, rest=20, active_rest=plank),
            items=(move("Squat"),),
        )
        steps = with_sdk(export_fit(Workout(title="Test", blocks=(block,)))).steps
        assert ("Plank", "recovery", "Active rest: 20 s.") == (
            steps[1].name,
            steps[1].intensity,
            steps[1].notes,
        )

    @DECODERS
    def test_an_emom_is_one_timed_step_per_interval(self, decode: Decode) -> None:
        """Five one-minute intervals of two exercises: the pair twice, then the first once more."""
        block = Block(name="EMOM", format=Emom(every=60, duration=300), items=(move("Squat"), move("Row")))
        steps = decode(export_fit(Workout(title="Test", blocks=(block,)))).steps
        expected = [
            (0, "Squat", "time", 60_000, "active", None),
            (1, "Row", "time", 60_000, "active", None),
            (2, None, REPEAT, 0, None, 2),
            (3, "Squat", "time", 60_000, "active", None),
        ]
        assert expected == [s.row for s in steps]
        assert steps[0].notes is not None
        assert steps[0].notes.startswith("Every 60 s: 8 reps. Rest until the next interval.")

    def test_an_emom_superset_is_one_step_naming_its_exercises(self) -> None:
        """A superset done once per interval is one timed step; its notes list the exercises."""
        pair = Superset(exercises=(move("Squat"), move("Row", Reps(10))))
        block = Block(
            name="EMOM", format=Emom(every=60, duration=180), items=(pair, move("Plank", Duration(30)))
        )
        steps = with_sdk(export_fit(Workout(title="Test", blocks=(block,)))).steps
        expected = [
            (0, "superset 1", "time", 60_000, "active", None),
            (1, "Plank", "time", 60_000, "active", None),
            (2, "superset 1", "time", 60_000, "active", None),
        ]
        assert expected == [s.row for s in steps]
        assert "Every 60 s: Squat: 8 reps; Row: 10 reps. Rest u…" == steps[0].notes

    def test_an_amrap_is_one_step_of_its_cap(self) -> None:
        """FIT cannot repeat until a clock runs out: the block is one timed step listing its moves."""
        block = Block(
            name="Finisher",
            kind=BlockKind.COOL_DOWN,
            format=Amrap(time_cap=600),
            items=(move("Squat", Reps(10)), move("Push-Up", Reps(5))),
        )
        [step] = with_sdk(export_fit(Workout(title="Test", blocks=(block,)))).steps
        assert (0, "Finisher", "time", 600_000, "cooldown", None) == step.row
        assert "AMRAP 10 min: Squat: 10 reps; Push-Up: 5 reps." == step.notes

    def test_an_amrap_lists_counted_efforts_and_sides_once(self) -> None:
        """Every exercise of the round is in the notes: counted efforts too, an ``each`` one once."""
        items = (move("Run", Efforts(efforts=2, each=Duration(9))), move("Hop", Reps(4), sides=Sides.EACH))
        block = Block(name="Finisher", format=Amrap(time_cap=60), items=items)
        [step] = with_sdk(export_fit(Workout(title="Test", blocks=(block,)))).steps
        assert "AMRAP 60 s: Run: 2 × 9 s; Hop: 4 reps per side." == step.notes

    def test_no_side_switch_step_when_switching_takes_no_time(self) -> None:
        """A pacing with a 0 s side switch puts the left side right after the right."""
        steps = with_sdk(export_fit(single(move(sides=Sides.EACH)), Pacing(switch_sides=0))).steps
        assert ["Squat R", "Squat L"] == [s.name for s in steps]

    @DECODERS
    def test_long_names_and_notes_are_cut_to_fit(self, decode: Decode) -> None:
        """Names keep within NAME_BYTES with the side mark, notes within NOTES_BYTES, cut at characters."""
        name = "Überkreuz-Ausfallschritt " * 4
        cue = "Halte den Rumpf stabil und atme ruhig — " * 12
        exercise = move(name.strip(), sides=Sides.EACH, cues=(cue.strip(),), equipment=(Equipment("Matte"),))
        steps = decode(export_fit(single(exercise))).steps
        right = steps[0]
        assert right.name is not None
        assert right.notes is not None
        assert "ÜA ÜA ÜA Ü R" == right.name  # the last word alone is too long: cut at a character
        assert len(right.name.encode()) <= NAME_BYTES
        assert len(right.notes.encode()) <= NOTES_BYTES
        assert right.notes.startswith("Überkreuz-Ausfallschritt Überkreuz")

    @pytest.mark.parametrize("name", ["Squat\x00Jump", "Squat \udfff"])
    def test_unwritable_text_never_reaches_the_file(self, name: str) -> None:
        """NULs (which end FIT strings) and lone surrogates are refused before any export."""
        with pytest.raises(ValidationError, match="control characters or lone surrogates"):
            move(name)

    def test_too_many_steps_is_refused(self) -> None:
        """A workout beyond a FIT file's step numbering raises ValidationError, not a broken file."""
        ladder = Ladder(tuple(Reps(1 + n % 10) for n in range(100)))
        items = tuple(move(f"Move {n}", ladder, sides=Sides.EACH) for n in range(15))
        with pytest.raises(ValidationError, match="more than 4096 FIT workout steps"):
            export_fit(single(*items, rounds=100), max_steps=MAX_STEPS)

    def test_each_name_is_looked_up_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The profile is searched once per exercise name, not once per set and round (steps)."""
        looked_up: list[str] = []
        search = fit_module._search_category

        def counted(name: str) -> tuple[str, str | None] | None:
            looked_up.append(name)
            return search(name)

        monkeypatch.setattr(fit_module, "_search_category", counted)
        exercise_category.cache_clear()  # names other tests looked up are remembered
        squat, row = move("Back Squat", sets=3), move("Bent-Over Row", sets=3)
        export_fit(single(squat, row, move("Back Squat", Reps(5)), rounds=4), CLASSIC)
        assert sorted(looked_up) == ["Back Squat", "Bent-Over Row"]

    @pytest.mark.parametrize(("workout", "pacing"), [("a workout", None), (None, "a pacing")])
    def test_wrong_arguments_raise_type_error(self, workout: Any, pacing: Any) -> None:
        """Anything but a Workout and a Pacing is a TypeError."""
        workout = catalog.get(ARTICLE) if workout is None else workout
        with pytest.raises(TypeError, match="expected a"):
            export_fit(workout, pacing)

    def test_without_the_sdk_the_error_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without garmin-fit-sdk, MissingExtraError names the fit extra and what it installs."""
        monkeypatch.setitem(sys.modules, "garmin_fit_sdk", None)
        with pytest.raises(MissingExtraError, match="runstrength's fit extra"):
            export_fit(catalog.get(ARTICLE), CLASSIC)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.workouts(max_blocks=2, max_items=3), strategies.pacings())
    def test_every_workout_decodes_cleanly_with_both_decoders(self, workout: Workout, pacing: Pacing) -> None:
        """Both decoders read every export: numbered steps, repeats pointing back, counts of two or more."""
        data = exported(workout, pacing)
        assume(data is not None)
        assert data is not None
        sdk, independent = with_sdk(data), with_fitdecode(data)
        assert sdk.steps == independent.steps
        assert list(range(len(sdk.steps))) == [s.message_index for s in sdk.steps]
        assert len(sdk.steps) == sdk.workout["num_valid_steps"] == independent.workout["num_valid_steps"]
        for step in sdk.steps:
            if step.kind == REPEAT:
                assert step.value is not None
                assert step.repeat is not None
                assert 0 <= step.value < step.message_index
                assert step.repeat >= 2

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.workouts(max_blocks=2, max_items=3), strategies.pacings())
    def test_a_watch_runs_the_timeline_work_in_order(self, workout: Workout, pacing: Pacing) -> None:
        """Following the repeats gives the timeline's work segments, sides and timed lengths included."""
        assume(not any(isinstance(block.format, Emom | Amrap | ForTime) for block in workout.blocks))
        # A distance of a few hundred nanometres takes no time at all, so its segment is dropped.
        assume(all(dose.metres > 1e-6 for dose in doses(workout) if isinstance(dose, Distance)))
        try:
            timeline = build_timeline(workout, pacing)
        except ValidationError:
            assume(False)
            raise
        data = exported(workout, pacing)
        assume(data is not None)
        assert data is not None
        assert_runs_the_timeline_work(with_sdk(data).steps, timeline)

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_built_in_workout_decodes_cleanly(self, name: str) -> None:
        """Both decoders read every built-in workout alike, and a watch runs its timeline's work."""
        workout = catalog.get(name)
        data = export_fit(workout, max_steps=MAX_STEPS)
        sdk = with_sdk(data)
        assert sdk.steps == with_fitdecode(data).steps
        assert len(sdk.steps) == sdk.workout["num_valid_steps"]
        if not any(isinstance(block.format, Emom | Amrap) for block in workout.blocks):
            assert_runs_the_timeline_work(sdk.steps, build_timeline(workout))


class TestExerciseCategory:
    """Exercise names map to FIT exercise categories through one table."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Half-Kneeling Chop", ("chop", "dumbbell_chop")),
            ("Standing Chop", ("chop", "dumbbell_chop")),
            ("Single-Arm Bent-Over Row", ("row", "one_arm_bent_over_row")),
            ("Bent-Elbow Chest Fly", ("flye", "dumbbell_flye")),
            ("Bear Plank Hold", ("plank", "plank")),
            ("Side Plank", ("plank", "side_plank")),
            ("Forward-Fold Shoulder Stretch", ("warm_up", "stretch_shoulder")),
            ("Child\u2019s Pose", ("warm_up", "stretch_childs_pose")),
            ("Standing Rainbow", ("warm_up", None)),
            ("Hip Mobility Flow", ("warm_up", None)),
            ("Goblet Squat", ("squat", "goblet_squat")),
            ("Push-Up", ("push_up", "push_up")),
            ("Thruster", ("squat", "thrusters")),
            ("Run", ("run", "run")),
            ("Runner's Lunge", ("pose", "runners_lunge")),
            ("Low Hamstring Curl", ("leg_curl", "leg_curl")),
            ("High Knees", ("cardio", None)),
            ("Pull-Up", ("pull_up", "pull_up")),
            ("Lat Pull-Down", ("pull_up", "lat_pulldown")),
            ("Face Pull", ("row", "face_pull")),
            ("Barbell Row", ("row", "barbell_row")),
            ("Squat", ("squat", "squat")),
            ("Wall Sit", ("squat", "weighted_wall_squat")),
            ("Triceps Dip on Chair", ("triceps_extension", "bench_dip")),
            ("Step-Up onto Chair", ("squat", "step_up")),
            ("Turkish Get-Up", ("core", "turkish_get_up")),
            ("Throw", None),
            ("Arrow Pose", ("pose", None)),
        ],
    )
    def test_names_map_to_categories(self, name: str, expected: tuple[str, str | None] | None) -> None:
        """The most specific profile name wins (whole words, any case, plurals); else a category word."""
        assert expected == exercise_category(name)

    @pytest.mark.parametrize(
        ("singular", "plural"),
        [
            ("Push-Up", "Push-Ups"),
            ("Pull-Up", "Pull-Ups"),
            ("Sit-Up", "Sit-Ups"),
            ("Step-Up", "Step-Ups"),
            ("Chin-Up", "Chin-Ups"),
            ("Bench Press", "Bench Presses"),
            ("Crunch", "Crunches"),
            ("Chest Fly", "Chest Flies"),
            ("Box Jump", "Box Jumps"),
            ("Lateral Raise", "Lateral Raises"),
        ],
    )
    def test_a_plural_name_maps_as_its_singular(self, singular: str, plural: str) -> None:
        """Coaches write "10 Push-Ups" as often as "10 Push-Up": both land on the same profile name."""
        assert exercise_category(singular) is not None
        assert exercise_category(singular) == exercise_category(plural)

    def test_every_mapped_exercise_name_exists_in_the_profile(self) -> None:
        """Each category and exercise name in the table is one Garmin's profile knows."""
        for _, category, name in EXERCISE_CATEGORIES:
            assert category in Profile["types"]["exercise_category"].values()
            if name is not None:
                assert name in Profile["types"][f"{category}_exercise_name"].values()


def performed_rests_in_a_row(steps: list[Step]) -> int:
    """How often a rest step follows another rest step when a watch runs the steps."""
    done = performed(steps)
    return sum(a.intensity == "rest" == b.intensity for a, b in itertools.pairwise(done))


class TestNames:
    """Names fit the 16 bytes Garmin's SDK gives them; notes and descriptions fit 50."""

    @pytest.mark.parametrize("name", catalog.names())
    @DECODERS
    def test_every_built_in_workout_fits_the_sizes(self, decode: Decode, name: str) -> None:
        """Workout and step names within 16 bytes, notes and the description within 50."""
        decoded = decode(export_fit(catalog.get(name), max_steps=MAX_STEPS))
        assert len(decoded.workout["wkt_name"].encode()) <= NAME_BYTES
        assert len((decoded.workout.get("wkt_description") or "").encode()) <= NOTES_BYTES
        for step in decoded.steps:
            assert len((step.name or "").encode()) <= NAME_BYTES
            assert len((step.notes or "").encode()) <= NOTES_BYTES

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_side_keeps_its_mark(self, name: str) -> None:
        """Every one-sided step of a built-in workout ends in its side's mark, the rest of its name whole."""
        workout = catalog.get(name)
        sided = [e for e in workout.exercises() if e.sides is Sides.EACH]
        for exercise in sided:
            right, left = short_name(exercise.name, Side.RIGHT), short_name(exercise.name, Side.LEFT)
            assert (right[:-2], " R", " L") == (left[:-2], right[-2:], left[-2:])

    @pytest.mark.parametrize(
        ("name", "side", "expected"),
        [
            ("Single-Leg Deadlift", Side.RIGHT, "SL Deadlift R"),
            ("Single-Leg Deadlift", Side.LEFT, "SL Deadlift L"),
            ("Thread the Needle", Side.RIGHT, "Thread Needle R"),
            ("Bear Plank Lateral Walk", None, "B P Lateral Walk"),
            ("Hammer Curl", None, "Hammer Curl"),
            ("Half-Kneeling Rainbow", Side.LEFT, "HK Rainbow L"),
            ("Walk to the Door", None, "Walk to the Door"),
            ("Walk to the Doors", None, "Walk Doors"),
            ("Walk to the Do", Side.RIGHT, "Walk to the Do R"),
        ],
    )
    def test_short_names_keep_the_movement(self, name: str, side: Side | None, expected: str) -> None:
        """Small words go, then initials from the left; the last word and the side stay.

        A name that fits exactly (16 bytes with its mark) stays whole.
        """
        assert expected == short_name(name, side)

    @given(st.text(min_size=1, max_size=120), st.sampled_from([None, Side.RIGHT, Side.LEFT]))
    def test_a_short_name_always_fits(self, name: str, side: Side | None) -> None:
        """Any text gives a name of at most 16 UTF-8 bytes with its side's mark, never a broken character."""
        assume("\x00" not in name and not any(0xD800 <= ord(c) <= 0xDFFF for c in name))
        short = short_name(name, side)
        assert len(short.encode()) <= NAME_BYTES
        assert short.endswith({None: "", Side.RIGHT: " R", Side.LEFT: " L"}[side])

    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("Core (Part A) Finisher", "Core Finisher"),
            ("Tabata Protocol (20 s on, 10 s off)", "Tabata Protocol"),
            ("(Only Parentheses Here)", "(Only"),
            ("Upper-Body Workout for Runners", "Upper-Body"),
            ("Sixteen Bytes Ok", "Sixteen Bytes Ok"),
        ],
    )
    def test_short_titles_drop_parentheses_first(self, title: str, expected: str) -> None:
        """A long title loses its parenthesised parts, then keeps whole words from the start.

        A title that is nothing but parentheses keeps its words rather than becoming empty.
        """
        assert expected == short_title(title)

    @given(st.text(min_size=1, max_size=200))
    def test_a_short_title_always_fits(self, title: str) -> None:
        """Any title gives at most 16 UTF-8 bytes, never a broken character."""
        assume(not any(0xD800 <= ord(c) <= 0xDFFF for c in title))
        assert len(short_title(title).encode()) <= NAME_BYTES


class TestLoad:
    """Loads in kg or lb are the step's weight; other loads stay in the notes."""

    @pytest.mark.parametrize(
        ("load", "weight", "unit"),
        [
            (Load(amount=24, unit=LoadUnit.KG), 24.0, "kilogram"),
            (Load(amount=95, unit=LoadUnit.LB), 43.09, "pound"),
            (Load(amount=Range(20, 30), unit=LoadUnit.KG), 25.0, "kilogram"),
        ],
    )
    @DECODERS
    def test_kilograms_and_pounds(self, decode: Decode, load: Load, weight: float, unit: str) -> None:
        """The weight is in kg (a range at its point), shown in the load's own unit."""
        [step] = decode(export_fit(single(move(load=load)))).steps
        assert (weight, unit) == (step.weight, step.weight_unit)

    @pytest.mark.parametrize(
        "load",
        [
            Load(LoadLevel.MEDIUM),
            Load(amount=75, unit=LoadUnit.PERCENT_1RM),
            Load(amount=10_000, unit=LoadUnit.KG),
        ],
    )
    def test_other_loads_are_in_the_notes(self, load: Load) -> None:
        """Levels, percentages and weights beyond the field's 655.35 kg have no weight, only notes."""
        [step] = with_sdk(export_fit(single(move(load=load)))).steps
        assert (None, None) == (step.weight, step.weight_unit)
        assert step.notes is not None
        assert f"Load: {load}." in step.notes


class TestRepeats:
    """Repeat steps as Garmin's cookbook writes them, and no rest twice after the last round."""

    def test_repeat_steps_are_unnamed_with_an_open_target(self) -> None:
        """The profile leaves a repeat step's name undefined; the cookbook sets its target open."""
        steps = with_sdk(export_fit(catalog.get(ARTICLE), CLASSIC)).steps
        repeats = [s for s in steps if s.kind == REPEAT]
        assert repeats
        assert {(None, "open")} == {(s.name, s.target) for s in repeats}

    @DECODERS
    def test_the_built_in_workout_never_rests_twice_in_a_row(self, decode: Decode) -> None:
        """After each superset's last round comes its rest as needed only, not the round's rest too."""
        steps = decode(export_fit(catalog.get(ARTICLE), CLASSIC)).steps
        assert 0 == performed_rests_in_a_row(steps)

    def test_straight_sets_then_a_rest(self) -> None:
        """Three sets, then the next exercise: two sets repeated, the third written out, one rest."""
        block = Block(name="Main", items=(move(sets=3, rest_between_sets=Rest(90)), move("Row")))
        workout = Workout(title="Test", rest_between_sets=Rest(60), blocks=(block,))
        steps = with_sdk(export_fit(workout)).steps
        expected = [
            (0, "Squat", "reps", 8, "active", None),
            (1, "Rest", "time", 90_000, "rest", None),
            (2, None, REPEAT, 0, None, 2),
            (3, "Squat", "reps", 8, "active", None),
            (4, "Rest", "time", 60_000, "rest", None),
            (5, "Row", "reps", 8, "active", None),
        ]
        assert expected == rows(Decoded({}, {}, steps))
        assert 0 == performed_rests_in_a_row(steps)

    def test_compact_repeats_when_the_exact_form_exceeds_max_steps(self) -> None:
        """Where writing out last rounds would exceed max_steps, the round's rest closes every round."""
        pair = Superset(exercises=(move("A"), move("B"), move("C")), rounds=4)
        workout = single(pair, move("D"))
        exact = with_sdk(export_fit(workout, CLASSIC)).steps
        compact = with_sdk(export_fit(workout, CLASSIC, max_steps=len(exact) - 1)).steps
        assert 0 == performed_rests_in_a_row(exact)
        assert 1 == performed_rests_in_a_row(compact)
        assert len(compact) < len(exact)
        assert [s.name for s in performed(exact)] != [s.name for s in performed(compact)]
        work = [s.name for s in performed(exact) if s.intensity == "active"]
        assert work == [s.name for s in performed(compact) if s.intensity == "active"]


class TestMaxSteps:
    """At most 50 steps by default, what Garmin Connect's editor takes; never silently more."""

    def test_a_longer_workout_is_refused_by_default(self) -> None:
        """A workout of more than 50 steps raises ValidationError naming the limit and the way out."""
        workout = single(*(move(f"Move {n}", sides=Sides.EACH) for n in range(20)))
        with pytest.raises(ValidationError, match=r"more than 50 FIT workout steps .*raise max_steps"):
            export_fit(workout)
        decoded = with_sdk(export_fit(workout, max_steps=100))
        assert 20 * 3 == len(decoded.steps)  # right, switch, left each; transitions are no steps
        assert 50 == CONNECT_MAX_STEPS

    @pytest.mark.parametrize("max_steps", [0, MAX_STEPS + 1, True, 50.0, "50", None])
    def test_bad_max_steps_are_refused(self, max_steps: Any) -> None:
        """max_steps is a whole number from 1 to 4096, reported at its name."""
        with pytest.raises(ValidationError) as caught:
            export_fit(catalog.get(ARTICLE), max_steps=max_steps)
        [problem] = caught.value.problems
        assert "max_steps" == problem.path

    def test_the_command_line_limit(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--fit-max-steps sets the limit: below the workout's steps the export fails cleanly (exit 1)."""
        target = tmp_path / "out.fit"
        assert 0 == main(["export", "--format", "fit", "--fit-max-steps", "43", "-o", str(target)])
        assert export_fit(catalog.get(ARTICLE), max_steps=43) == target.read_bytes()
        assert 1 == main(["export", "--format", "fit", "--fit-max-steps", "20", "-o", str(target)])
        assert "more than 20 FIT workout steps" in capsys.readouterr().err

    @pytest.mark.parametrize(("value", "status"), [("1", 1), ("4096", 0)])
    def test_the_command_line_limit_ends(self, value: str, status: int, tmp_path: Path) -> None:
        """1 and 4096 are limits the export applies (one step is too few here), not usage errors."""
        assert status == main(
            ["export", "--format", "fit", "--fit-max-steps", value, "-o", str(tmp_path / "w.fit")]
        )

    @pytest.mark.parametrize("value", ["0", "4097", "many"])
    def test_the_command_line_limit_is_checked(self, value: str, capsys: pytest.CaptureFixture[str]) -> None:
        """An out-of-range --fit-max-steps is a usage error (exit 2) without a traceback."""
        assert 2 == main(["export", "--format", "fit", "--fit-max-steps", value, "-o", "never.fit"])
        err = capsys.readouterr().err
        assert "expected a whole number from 1 to 4096" in err
        assert "Traceback" not in err


class TestIdentity:
    """A file's serial number follows everything that shapes it, not how its document is formatted."""

    @staticmethod
    def serial(workout: Workout, pacing: Pacing | None = None, **options: Any) -> int:
        """The file_id serial number of an export."""
        number: int = with_sdk(export_fit(workout, pacing, **options)).file_id["serial_number"]
        return number

    def test_formatting_does_not_change_it(self) -> None:
        """The same workout read from differently formatted documents gets the same serial number."""
        workout = catalog.get(ARTICLE)
        compact = runstrength.loads(json.dumps(runstrength.to_dict(workout)), "json")
        pretty = runstrength.loads(json.dumps(runstrength.to_dict(workout), indent=4, sort_keys=True), "json")
        assert self.serial(workout) == self.serial(compact) == self.serial(pretty)

    def test_integral_floats_are_the_same_content(self) -> None:
        """24 kg and 24.0 kg, 3 s and 3.0 s per rep: the same serial number."""
        first = single(move(load=Load(amount=24, unit=LoadUnit.KG)))
        second = single(move(load=Load(amount=24.0, unit=LoadUnit.KG)))
        assert self.serial(first, Pacing(seconds_per_rep=4)) == self.serial(
            second, Pacing(seconds_per_rep=4.0)
        )

    def test_content_pacing_and_options_change_it(self) -> None:
        """Another workout, another pacing or another step limit: another serial number."""
        workout = catalog.get(ARTICLE)
        serials = {
            self.serial(workout),
            self.serial(single(move("Squat"))),
            self.serial(single(move("Lunge"))),
            self.serial(workout, Pacing(switch_sides=10)),
            self.serial(workout, max_steps=60),
        }
        assert 5 == len(serials)


class TestIdentifyHook:
    """An app may name an exercise's FIT exercise itself."""

    def test_the_hook_wins_and_none_falls_back(self) -> None:
        """The hook's answer is used; None leaves the exercise to the name matching."""

        def identify(exercise: Exercise) -> tuple[str, str | None] | None:
            return ("curl", "dumbbell_biceps_curl") if exercise.name == "Arm Thing" else None

        steps = with_sdk(export_fit(single(move("Arm Thing"), move("Hammer Curl")), identify=identify)).steps
        found = [(s.category, s.exercise and exercise_name(s.category or "", s.exercise)) for s in steps]
        assert [("curl", "dumbbell_biceps_curl"), ("curl", "dumbbell_hammer_curl")] == found


class TestDocumentNamesItsExercise:
    """A document may name an exercise's FIT exercise itself (``fit_exercise``)."""

    def test_named_exercise_wins(self) -> None:
        """The named category and exercise are written, whatever the name would match."""
        steps = with_sdk(
            export_fit(single(move("Arm Thing", fit_exercise="curl/dumbbell_biceps_curl")))
        ).steps
        found = [(s.category, s.exercise and exercise_name(s.category or "", s.exercise)) for s in steps]
        assert [("curl", "dumbbell_biceps_curl")] == found

    def test_a_category_alone(self) -> None:
        """A category without an exercise name gives the category only."""
        [step] = with_sdk(export_fit(single(move("Arm Thing", fit_exercise="curl")))).steps
        assert ("curl", None) == (step.category, step.exercise)

    def test_a_modification_names_its_own(self) -> None:
        """The variant's FIT exercise replaces the exercise's."""
        easier = Modification(name="Wall Push-up", kind="easier", fit_exercise="push_up/incline_push_up")
        workout = single(move("Push-up", fit_exercise="push_up/push_up", modifications=(easier,)))
        [step] = with_sdk(export_fit(workout.variant("easier"))).steps
        assert ("push_up", "incline_push_up") == (step.category, exercise_name("push_up", step.exercise or 0))

    @pytest.mark.parametrize("named", ["curl/no_such_curl", "no_such_category", "no_such_category/curl"])
    def test_unknown_names_are_refused_at_their_path(self, named: str) -> None:
        """A name Garmin's profile does not have is refused, with the field's path."""
        with pytest.raises(ValidationError) as caught:
            export_fit(single(Superset(exercises=(move("Squat"), move("Curl", fit_exercise=named)))))
        [problem] = caught.value.problems
        assert ("blocks[0].items[0].exercises[1].fit_exercise", "not_one_of") == (problem.path, problem.code)

    @pytest.mark.parametrize("written", ["Leg Curl", "leg-curl", "curl/", "/curl", "curl/a/b", "CURL"])
    def test_notation_is_checked_by_the_model(self, written: str) -> None:
        """The model refuses what cannot be a FIT name, before any export."""
        with pytest.raises(ValidationError, match="fit_exercise"):
            move("Curl", fit_exercise=written)


class TestCoverage:
    """How many steps of the catalogue name their exercise exactly (benchmarks/fit_coverage.py)."""

    def test_most_steps_name_their_exercise(self) -> None:
        """At least 90% of work steps carry a category and 85% an exact exercise name."""
        coverage = fit_coverage.measure()
        assert coverage.categorised / coverage.steps >= 0.9
        assert coverage.named / coverage.steps >= 0.85

    def test_the_reference_page_shows_the_current_figures(self) -> None:
        """docs/reference/fit.md prints what benchmarks/fit_coverage.py reports."""
        page = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "fit.md").read_text("utf-8")
        assert f"```text\n{fit_coverage.report(fit_coverage.measure())}\n```" in page
