"""Garmin FIT workout files, decoded by Garmin's own SDK and by the independent fitdecode."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

import fitdecode  # type: ignore[import-untyped]
import pytest
from garmin_fit_sdk import Decoder, Profile, Stream
from hypothesis import HealthCheck, assume, given, settings

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
    MaxReps,
    MissingExtraError,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
    SegmentKind,
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
from runstrength._export.fit import EXERCISE_CATEGORIES, NAME_BYTES, NOTES_BYTES, _named, exercise_category

ARTICLE = "upper-body-for-runners"
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
        )
        for m in found["workout_step"]
    ]
    fields = {f.name: f.value for f in file_id.fields}
    return Decoded(fields, {f.name: f.value for f in workout.fields}, steps)


DECODERS = pytest.mark.parametrize("decode", [with_sdk, with_fitdecode], ids=["garmin-fit-sdk", "fitdecode"])
Decode = Callable[[bytes], Decoded]

# The built-in workout at the default pacing, worked out by hand from the article's structure:
# warm-up circuit twice (30 s rest closing each round), 60 s between blocks, three supersets of
# three rounds (30 s closing each round, rest as needed between supersets), then the cool-down.
BUILT_IN = [
    (0, "Thread the Needle (right)", "time", 30_000, "warmup", None),
    (1, "Switch sides", "time", 5_000, "rest", None),
    (2, "Thread the Needle (left)", "time", 30_000, "warmup", None),
    (3, "Dynamic Child's Pose", "time", 30_000, "warmup", None),
    (4, "Half-Kneeling Rainbow (right)", "time", 30_000, "warmup", None),
    (5, "Switch sides", "time", 5_000, "rest", None),
    (6, "Half-Kneeling Rainbow (left)", "time", 30_000, "warmup", None),
    (7, "Rest", "time", 30_000, "rest", None),
    (8, "Warm-up", REPEAT, 0, None, 2),
    (9, "Rest", "time", 60_000, "rest", None),
    (10, "Half-Kneeling Chop (right)", "reps", 8, "active", None),
    (11, "Switch sides", "time", 5_000, "rest", None),
    (12, "Half-Kneeling Chop (left)", "reps", 8, "active", None),
    (13, "Bear Plank Lateral Walk", "reps", 8, "active", None),
    (14, "Rest", "time", 30_000, "rest", None),
    (15, "Superset 1", REPEAT, 10, None, 3),
    (16, "Rest", "open", None, "rest", None),
    (17, "Reciprocal Row", "reps", 16, "active", None),
    (18, "Chest Fly", "reps", 8, "active", None),
    (19, "Rest", "time", 30_000, "rest", None),
    (20, "Superset 2", REPEAT, 17, None, 3),
    (21, "Rest", "open", None, "rest", None),
    (22, "Bent-Over Wide Row", "reps", 8, "active", None),
    (23, "Hammer Curl", "reps", 8, "active", None),
    (24, "Rest", "time", 30_000, "rest", None),
    (25, "Superset 3", REPEAT, 22, None, 3),
    (26, "Rest", "time", 60_000, "rest", None),
    (27, "Standing Shoulder Stretch", "time", 30_000, "cooldown", None),
    (28, "Child's Pose", "time", 30_000, "cooldown", None),
]


def rows(decoded: Decoded) -> list[tuple[int, str | None, str, int | None, str | None, int | None]]:
    """The decoded steps as comparable rows."""
    return [step.row for step in decoded.steps]


def single(*items: Exercise | Superset, **fields: Any) -> Workout:
    """A one-block workout of these items."""
    return Workout(title="Test", blocks=(Block(name="Main", items=items, **fields),))


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
        return export_fit(workout, pacing)
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
        suffix = f" ({segment.side})" if segment.side else ""
        assert _named(segment.exercise, suffix) == step.name
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
        decoded = decode(export_fit(catalog.get(ARTICLE)))
        assert BUILT_IN == rows(decoded)

    @DECODERS
    def test_the_file_is_a_strength_workout(self, decode: Decode) -> None:
        """file_id says workout by a developer at a fixed time; workout says strength training."""
        decoded = decode(export_fit(catalog.get(ARTICLE)))
        assert "workout" == decoded.file_id["type"]
        assert "development" == decoded.file_id["manufacturer"]
        assert datetime(2024, 1, 1, tzinfo=UTC) == decoded.file_id["time_created"]
        assert "Upper-Body Workout for Runners" == decoded.workout["wkt_name"]
        assert "training" == decoded.workout["sport"]
        assert "strength_training" == decoded.workout["sub_sport"]
        assert len(BUILT_IN) == decoded.workout["num_valid_steps"]

    def test_the_same_workout_gives_the_same_bytes(self) -> None:
        """Exporting twice gives identical files: nothing depends on the clock."""
        workout = catalog.get(ARTICLE)
        assert export_fit(workout) == export_fit(workout)

    def test_different_workouts_get_different_serial_numbers(self) -> None:
        """A device tells workout files apart by serial number, so it follows the workout."""
        first, second = single(move("Squat")), single(move("Lunge"))
        assert (
            with_sdk(export_fit(first)).file_id["serial_number"]
            != (with_sdk(export_fit(second)).file_id["serial_number"])
        )

    @pytest.mark.parametrize(
        ("name", "category", "expected"),
        [
            ("Thread the Needle (right)", "warm_up", "thoracic_rotation"),
            ("Dynamic Child's Pose", "warm_up", "quadruped_rocking"),
            ("Half-Kneeling Rainbow (left)", "warm_up", "half_kneeling_arm_rotation"),
            ("Half-Kneeling Chop (right)", "chop", None),
            ("Bear Plank Lateral Walk", "plank", "bear_crawl"),
            ("Reciprocal Row", "row", "alternating_dumbbell_row"),
            ("Chest Fly", "flye", "dumbbell_flye"),
            ("Bent-Over Wide Row", "row", None),
            ("Hammer Curl", "curl", "dumbbell_hammer_curl"),
            ("Standing Shoulder Stretch", "warm_up", "stretch_shoulder"),
            ("Child's Pose", "warm_up", "stretch_childs_pose"),
        ],
    )
    @DECODERS
    def test_built_in_exercises_carry_fit_categories(
        self, decode: Decode, name: str, category: str, expected: str | None
    ) -> None:
        """Each exercise's step names its FIT exercise category, and its exercise where one fits."""
        steps = [s for s in decode(export_fit(catalog.get(ARTICLE))).steps if s.name == name]
        assert steps
        for step in steps:
            assert category == step.category
            assert expected == (None if step.exercise is None else exercise_name(category, step.exercise))

    def test_rest_steps_have_no_exercise_category(self) -> None:
        """Rests and side switches are plain rest steps."""
        steps = with_sdk(export_fit(catalog.get(ARTICLE))).steps
        assert all(s.category is None for s in steps if s.intensity == "rest")

    def test_notes_hold_the_dose_equipment_and_first_cue(self) -> None:
        """A step's notes begin with the dose, then the equipment, then the first cue."""
        chop = with_sdk(export_fit(catalog.get(ARTICLE))).steps[10]
        assert chop.notes is not None
        assert chop.notes.startswith("8 reps per side. Equipment: exercise mat, dumbbell. Kneel on one knee")

    @pytest.mark.parametrize(
        ("dose", "sides", "kind", "value"),
        [
            (Reps(8), Sides.BOTH, "reps", 8),
            (Reps(8), Sides.ALTERNATING, "reps", 16),
            (Reps(Range(6, 8)), Sides.BOTH, "reps", 7),
            (Reps(Range(6, 7)), Sides.BOTH, "reps", 7),
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
        """Time in ms, reps (ranges at the typical point, half up), distance in cm, or the lap button."""
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
        steps = decode(export_fit(single(straight))).steps
        expected = [
            (0, "Squat", "reps", 8, "active", None),
            (1, "Rest", kind, value, "rest", None),
            (2, "Squat", REPEAT, 0, None, 3),
        ]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_a_block_repeat_wraps_superset_repeats(self, decode: Decode) -> None:
        """A block's rounds repeat its supersets' repeat steps: a nested repeat."""
        superset = Superset(exercises=(move("Squat"), move("Row")), rounds=3, name="Pair")
        steps = decode(export_fit(single(superset, rounds=2))).steps
        expected = [
            (0, "Squat", "reps", 8, "active", None),
            (1, "Row", "reps", 8, "active", None),
            (2, "Rest", "time", 30_000, "rest", None),
            (3, "Pair", REPEAT, 0, None, 3),
            (4, "Rest", "time", 30_000, "rest", None),
            (5, "Main", REPEAT, 0, None, 2),
        ]
        assert expected == [s.row for s in steps]
        assert ["Squat", "Row"] * 6 == [s.name for s in performed(steps) if s.intensity == "active"]

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
            (0, "Lunge (right)", "time", 40_000, "active", None),
            (1, "Plank", "time", 20_000, "recovery", None),
            (2, "Lunge (left)", "time", 40_000, "active", None),
            (3, "Plank", "time", 20_000, "recovery", None),
            (4, "Squat", "time", 40_000, "active", None),
            (5, "Plank", "time", 20_000, "recovery", None),
            (6, "Tabata-ish", REPEAT, 0, None, 3),
        ]
        assert expected == [s.row for s in steps]

    @DECODERS
    def test_an_emom_is_one_timed_step_per_interval(self, decode: Decode) -> None:
        """Five one-minute intervals of two exercises: the pair twice, then the first once more."""
        block = Block(name="EMOM", format=Emom(every=60, duration=300), items=(move("Squat"), move("Row")))
        steps = decode(export_fit(Workout(title="Test", blocks=(block,)))).steps
        expected = [
            (0, "Squat", "time", 60_000, "active", None),
            (1, "Row", "time", 60_000, "active", None),
            (2, "EMOM", REPEAT, 0, None, 2),
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
        assert "Every 60 s: Squat: 8 reps; Row: 10 reps. Rest until the next interval." == steps[0].notes

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
        assert "AMRAP: as many rounds as you can in 10 min of Squat: 10 reps; Push-Up: 5 reps." == step.notes

    def test_no_side_switch_step_when_switching_takes_no_time(self) -> None:
        """A pacing with a 0 s side switch puts the left side right after the right."""
        steps = with_sdk(export_fit(single(move(sides=Sides.EACH)), Pacing(switch_sides=0))).steps
        assert ["Squat (right)", "Squat (left)"] == [s.name for s in steps]

    @DECODERS
    def test_long_names_and_notes_are_cut_to_fit(self, decode: Decode) -> None:
        """Names keep within NAME_BYTES with the side intact; notes within NOTES_BYTES."""
        name = "Überkreuz-Ausfallschritt " * 4
        cue = "Halte den Rumpf stabil und atme ruhig — " * 12
        exercise = move(name.strip(), sides=Sides.EACH, cues=(cue.strip(),), equipment=(Equipment("Matte"),))
        steps = decode(export_fit(single(exercise))).steps
        right = steps[0]
        assert right.name is not None
        assert right.notes is not None
        assert right.name.endswith("… (right)")
        assert len(right.name.encode()) <= NAME_BYTES
        assert right.name.startswith("Überkreuz-Ausfallschritt Überkreuz")
        assert len(right.notes.encode()) <= NOTES_BYTES
        assert right.notes.startswith("8 reps per side. Equipment: Matte. Halte den Rumpf")

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
            export_fit(single(*items, rounds=100))

    @pytest.mark.parametrize(("workout", "pacing"), [("a workout", None), (None, "a pacing")])
    def test_wrong_arguments_raise_type_error(self, workout: Any, pacing: Any) -> None:
        """Anything but a Workout and a Pacing is a TypeError."""
        workout = catalog.get(ARTICLE) if workout is None else workout
        with pytest.raises(TypeError, match="expected a"):
            export_fit(workout, pacing)

    def test_without_the_sdk_the_error_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without garmin-fit-sdk, MissingExtraError says to install runstrength[fit]."""
        monkeypatch.setitem(sys.modules, "garmin_fit_sdk", None)
        with pytest.raises(MissingExtraError, match=r"runstrength\[fit\]"):
            export_fit(catalog.get(ARTICLE))

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
        assume(not any(isinstance(block.format, Emom | Amrap) for block in workout.blocks))
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
        data = export_fit(workout)
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
            ("Half-Kneeling Chop", ("chop", None)),
            ("Standing Chop", ("chop", None)),
            ("Single-Arm Bent-Over Row", ("row", "one_arm_bent_over_row")),
            ("Bent-Elbow Chest Fly", ("flye", "dumbbell_flye")),
            ("Bear Plank Hold", ("plank", None)),
            ("Side Plank", ("plank", "side_plank")),
            ("Forward-Fold Shoulder Stretch", ("warm_up", "stretch_shoulder")),
            ("Child\u2019s Pose", ("warm_up", "stretch_childs_pose")),
            ("Standing Rainbow", ("warm_up", None)),
            ("Hip Mobility Flow", ("warm_up", None)),
            ("Goblet Squat", ("squat", None)),
            ("Push-Up", ("push_up", None)),
            ("Thruster", ("squat", "thrusters")),
            ("Run", ("run", "run")),
            ("Runner's Lunge", ("lunge", None)),
            ("Throw", None),
            ("Arrow Pose", None),
            ("Turkish Get-Up", None),
        ],
    )
    def test_names_map_to_categories(self, name: str, expected: tuple[str, str | None] | None) -> None:
        """Whole words decide, in any case; unknown moves get no category."""
        assert expected == exercise_category(name)

    def test_every_mapped_exercise_name_exists_in_the_profile(self) -> None:
        """Each category and exercise name in the table is one Garmin's profile knows."""
        for _, category, name in EXERCISE_CATEGORIES:
            assert category in Profile["types"]["exercise_category"].values()
            if name is not None:
                assert name in Profile["types"][f"{category}_exercise_name"].values()
