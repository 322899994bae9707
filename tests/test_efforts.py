"""Paces, intensities, counted efforts, typical counts and misplaced keys, on published workouts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrength import (
    Block,
    Distance,
    DistanceUnit,
    Duration,
    Efforts,
    Emom,
    Exercise,
    Intensity,
    Intervals,
    Modification,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
    SegmentKind,
    ValidationError,
    Workout,
    build_timeline,
    dumps,
    from_dict,
    json_schema,
    load,
    loads,
    strategies,
)
from runstrength._values import count

Format: TypeAlias = Literal["json", "yaml", "toml"]
CALIBRATION = Path(__file__).parent.parent / "benchmarks" / "calibration"
FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")

# "5k Pace Intervals #3", Workout of the Week 091 at tempofit.org: six 1 km repeats at 5 km
# race pace with 2 minutes of jogging between them. Facts only; the summary is our own.
FIVE_K_REPEATS = """\
schema_version: 1
title: 5k Pace Intervals
summary: Six one-kilometre repeats at 5 km race pace, jogging in between.
source:
  title: "Workout of the Week: 091 - 5k Pace Intervals #3"
  publisher: TempoFit
  url: https://www.tempofit.org/workout-of-the-week-091/
blocks:
  - name: Repeats
    items:
      - name: Run
        dose:
          efforts: 6
          each: {distance: 1, unit: km, intensity: 5k}
          recovery: {seconds: 120}
"""


def problems(make: object) -> list[tuple[str, str, str]]:
    """The problems (path, reason, code) a constructor call raises."""
    with pytest.raises(ValidationError) as info:
        make()  # type: ignore[operator]
    return [(p.path, p.reason, p.code) for p in info.value.problems]


def single(dose: object, **fields: object) -> Workout:
    """A workout of one exercise with this dose."""
    exercise = Exercise(name="Run", dose=dose, **fields)  # type: ignore[arg-type]
    return Workout(title="Test", blocks=(Block(name="Main", items=(exercise,)),))


class TestDistance:
    """A distance at a pace or an intensity."""

    @pytest.mark.parametrize(
        ("distance", "text"),
        [
            (Distance(400), "400 m"),
            (Distance(400, intensity=Intensity.FIVE_K), "400 m at 5k pace"),
            (Distance(1, DistanceUnit.MILES, pace=373), "1 mi at 6:13/km"),
            (Distance(50, intensity=Intensity.SPRINT), "50 m, sprint"),
            (Distance(3, DistanceUnit.KILOMETRES, intensity=Intensity.EASY), "3 km, easy"),
        ],
    )
    def test_reads(self, distance: Distance, text: str) -> None:
        """A pace reads as minutes per km; a race intensity as that race's pace."""
        assert text == str(distance)

    def test_intensity_from_text(self) -> None:
        """An intensity is given by its document spelling."""
        assert Intensity.TEN_K is Distance(400, intensity="10k").intensity

    def test_pace_or_intensity(self) -> None:
        """A pace and an intensity exclude each other."""
        reason = "a distance has a pace or an intensity, not both: keep one"
        assert [("intensity", reason, "not_applicable")] == problems(
            lambda: Distance(400, pace=300, intensity=Intensity.FIVE_K)
        )

    @pytest.mark.parametrize("pace", [59, 3601, 300.5, True])
    def test_pace_bounds(self, pace: object) -> None:
        """A pace is a whole number of seconds per km from 60 to 3600."""
        [(path, _, _)] = problems(lambda: Distance(400, pace=pace))  # type: ignore[arg-type]
        assert "pace" == path

    def test_unknown_intensity(self) -> None:
        """An intensity outside the table is refused with the choices."""
        [(path, reason, code)] = problems(lambda: Distance(400, intensity="threshold"))
        assert ("intensity", "not_one_of") == (path, code)
        assert "walk, jog, easy, 10k, 5k, mile, sprint" in reason


class TestEffortsDose:
    """Counted efforts: a count, what each is, an intensity and a recovery."""

    @pytest.mark.parametrize(
        ("efforts", "text"),
        [
            (
                Efforts(6, each=Distance(400, intensity=Intensity.FIVE_K), recovery=Rest(90)),
                "6 × 400 m at 5k pace, 90 s recovery",
            ),
            (Efforts(3, intensity=Intensity.SPRINT), "3 sprints"),
            (Efforts(1, each=Duration(420), intensity=Intensity.EASY), "7 min, easy"),
            (Efforts(Range(4, 6), each=Duration(30)), "4–6 × 30 s"),
            (Efforts(2), "2 efforts"),
        ],
    )
    def test_reads(self, efforts: Efforts, text: str) -> None:
        """The count, one effort, then the recovery."""
        assert text == str(efforts)

    @pytest.mark.parametrize(
        ("efforts", "target"),
        [
            (Efforts(2, intensity=Intensity.SPRINT), "sprint (1 of 2)"),
            (Efforts(2, intensity=Intensity.EASY), "effort, easy (1 of 2)"),
            (Efforts(2, each=Duration(30), intensity=Intensity.SPRINT), "30 s, sprint (1 of 2)"),
        ],
    )
    def test_one_effort_in_words(self, efforts: Efforts, target: str) -> None:
        """Each effort says what it is: a bare sprint is ``sprint``, anything else its time and intensity."""
        assert target == next(s.target for s in build_timeline(single(efforts)) if s.kind is SegmentKind.WORK)

    def test_intensity_once(self) -> None:
        """An effort's intensity and its distance's own pace exclude each other."""
        reason = "the distance has its own pace or intensity: give one of them"
        each = Distance(400, pace=285)
        assert [("intensity", reason, "not_applicable")] == problems(
            lambda: Efforts(6, each=each, intensity=Intensity.FIVE_K)
        )

    def test_each_is_a_time_or_a_distance(self) -> None:
        """Reps are not an effort's measure."""
        [(path, reason, _)] = problems(lambda: Efforts(3, each=Reps(8)))  # type: ignore[arg-type]
        assert ("each", "expected a time or a distance, got Reps(reps=8)") == (path, reason)

    def test_not_in_an_interval_block(self) -> None:
        """An interval block's work is one effort: counted efforts are refused there."""
        exercise = Exercise(name="Sprint", dose=Efforts(3, intensity=Intensity.SPRINT))
        reason = "counted efforts do not fit an interval block: its work interval is one effort"
        assert [("items[0].dose", reason, "not_allowed_here")] == problems(
            lambda: Block(name="Main", items=(exercise,), format=Intervals(work=20, rest=10))
        )

    def test_in_an_emom(self) -> None:
        """An EMOM interval may hold counted efforts: they must fit the minute."""
        dose = Efforts(2, intensity=Intensity.SPRINT, recovery=Rest(10))
        block = Block(
            name="Main", items=(Exercise(name="Sprint", dose=dose),), format=Emom(every=60, duration=120)
        )
        timeline = build_timeline(Workout(title="Test", blocks=(block,)))
        assert [20.0, 10.0, 20.0, 10.0] * 2 == [s.duration for s in timeline]


class TestDocuments:
    """The new keys in every format, and the schema."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trip(self, fmt: Format) -> None:
        """The 5 km repeats survive every format unchanged."""
        workout = loads(FIVE_K_REPEATS, "yaml")
        assert workout == loads(dumps(workout, fmt), fmt)

    @pytest.mark.parametrize(
        "name", ["mile-and-calisthenics-20", "run-lunges-squats-run-20", "park-bench-20"]
    )
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_calibration_round_trip(self, name: str, fmt: Format) -> None:
        """The published workouts written with paces and efforts survive every format."""
        workout = load(CALIBRATION / f"{name}.yaml")
        assert workout == loads(dumps(workout, fmt), fmt)

    def test_written_as_given(self) -> None:
        """A race intensity is written as its spelling; defaults stay out."""
        workout = loads(FIVE_K_REPEATS, "yaml")
        dose = {
            "efforts": 6,
            "each": {"distance": 1, "unit": "km", "intensity": "5k"},
            "recovery": {"seconds": 120},
        }
        assert 'intensity = "5k"' in dumps(workout, "toml")
        assert dose == dumps_dict(workout)["blocks"][0]["items"][0]["dose"]

    def test_schema(self) -> None:
        """The schema lists the efforts dose and the intensities."""
        schema = json_schema()
        defs = schema["$defs"]
        assert ["efforts"] == defs["Efforts"]["required"]
        assert [i.value for i in Intensity] == defs["Distance"]["properties"]["intensity"]["anyOf"][0]["enum"]

    def test_intensity_needs_text(self) -> None:
        """An intensity written as a number (YAML's 10 without the k) is refused, not coerced."""
        with pytest.raises(ValidationError) as info:
            from_dict({"schema_version": 1, "title": "T", "blocks": [
                {"name": "B", "items": [{"name": "Run", "dose": {"distance": 400, "intensity": 5}}]}
            ]})  # fmt: skip
        [problem] = info.value.problems
        assert "blocks[0].items[0].dose.intensity" == problem.path


def dumps_dict(workout: Workout) -> dict[str, Any]:
    """A workout as plain data."""
    from runstrength import to_dict  # noqa: PLC0415 - one use

    return to_dict(workout)


class TestTimeline:
    """Exact lengths of paced runs and counted efforts."""

    def test_five_k_repeats(self) -> None:
        """Six 1 km efforts at the 5k pace (285 s) with five 120 s recoveries: 2310 s."""
        timeline = build_timeline(loads(FIVE_K_REPEATS, "yaml"))
        assert 6 * 285 + 5 * 120 == timeline.total
        work = [s for s in timeline if s.kind is SegmentKind.WORK]
        assert [f"1 km at 5k pace ({n} of 6)" for n in range(1, 7)] == [s.target for s in work]
        rests = [s for s in timeline if s.kind is SegmentKind.REST]
        assert ["2 min recovery"] * 5 == [s.target for s in rests]

    def test_pacing_sets_the_pace(self) -> None:
        """A faster runner's 5k pace shortens the efforts, not the recoveries."""
        timeline = build_timeline(loads(FIVE_K_REPEATS, "yaml"), Pacing(pace_5k=240))
        assert 6 * 240 + 5 * 120 == timeline.total

    @given(metres=st.integers(1, 100_000), pace=st.integers(120, 900))
    def test_whole_lengths_are_exact(self, metres: int, pace: int) -> None:
        """A distance that takes whole seconds at its pace lasts exactly that (350 m at 3:00/km: 63 s)."""
        run = Exercise(name="Run", dose=Distance(metres, DistanceUnit.METRES, pace=pace))
        timeline = build_timeline(Workout(title="Run", blocks=[Block(name="Run", items=[run])]))
        if metres * pace % 1000 == 0:
            assert metres * pace // 1000 == timeline.total
        assert math.isclose(metres * pace / 1000, timeline.total)

    def test_mile_in_ten_minutes(self) -> None:
        """The mile at 373 s per km lasts about ten minutes, whatever the pacing's easy pace."""
        timeline = build_timeline(
            load(CALIBRATION / "mile-and-calisthenics-20.yaml"), Pacing(seconds_per_km=300)
        )
        run = timeline[0]
        assert "1 mi at 6:13/km" == run.target
        assert math.isclose(1.609344 * 373, run.duration)

    @pytest.mark.parametrize("name", ["run-lunges-squats-run-20", "run-burpees-plank-run-20"])
    def test_runs_by_time_and_effort(self, name: str) -> None:
        """Runs by time and effort keep their times: the published 20 minutes, exactly."""
        timeline = build_timeline(load(CALIBRATION / f"{name}.yaml"))
        assert 1200.0 == timeline.total
        assert (1200.0, 1200.0) == timeline.total_range
        assert timeline[0].target in {"7 min, easy", "10 min, easy"}

    def test_sprint(self) -> None:
        """The park bench's 50 m sprint goes at the sprint pace: 10.5 s."""
        timeline = build_timeline(load(CALIBRATION / "park-bench-20.yaml"))
        sprints = [s.duration for s in timeline if s.exercise == "Sprint"]
        assert [10.5] * 4 == sprints

    def test_efforts_by_intensity_alone(self) -> None:
        """Three hill sprints without a time last the pacing's effort_seconds each."""
        timeline = build_timeline(
            single(Efforts(3, intensity=Intensity.SPRINT), sides="each"), Pacing(effort_seconds=15)
        )
        expected = [("right", 15.0), (None, 5.0), ("left", 15.0)] * 3
        assert expected == [(s.side and s.side.value, s.duration) for s in timeline]

    def test_recovery_never_after_the_last(self) -> None:
        """A recovery sits between efforts: the workout ends on the last effort."""
        timeline = build_timeline(single(Efforts(2, each=Duration(30), recovery=Rest(60))))
        assert [30.0, 60.0, 30.0] == [s.duration for s in timeline]

    def test_range_of_efforts(self) -> None:
        """4–6 efforts count 5 typically, and the total range is exact at 4 and 6."""
        timeline = build_timeline(single(Efforts(Range(4, 6), each=Duration(30), recovery=Rest(30))))
        assert 5 * 30 + 4 * 30 == timeline.total
        assert (4 * 30 + 3 * 30, 6 * 30 + 5 * 30) == timeline.total_range


CAPPED_EFFORTS = """\
schema_version: 1
title: T
blocks:
  - {{name: Sprints, format: {fmt},
     items: [{{name: Run, dose: {{efforts: 6, each: {{seconds: 30}}, recovery: {{seconds: 30}}}}}}]}}
  - {{name: After, items: [{{name: Push-Up, dose: {{reps: 10}}}}, {{name: Plank, dose: {{seconds: 30}}}}]}}
"""


class TestCappedEfforts:
    """A cap reached during counted efforts ends their count with the block."""

    @pytest.mark.parametrize("fmt", ["{type: for_time, time_cap: 80}", "{type: amrap, time_cap: 80}"])
    def test_the_next_block_is_not_counted(self, fmt: str) -> None:
        """The cap falls in the second of six efforts: the next block's work carries no "(2 of 6)"."""
        timeline = build_timeline(loads(CAPPED_EFFORTS.format(fmt=fmt), "yaml"))
        assert [
            ("Sprints", "30 s (1 of 6)"),
            ("Sprints", "30 s recovery"),
            ("Sprints", "30 s (2 of 6) (cut at the time cap)"),
            ("After", "10 reps"),
            ("After", "30 s"),
        ] == [(s.block, s.target) for s in timeline]


class TestTypicalCount:
    """The typical count of a whole-number range is its lower middle count."""

    @pytest.mark.parametrize(
        ("low", "high", "typical"), [(1, 2, 1), (2, 3, 2), (2, 4, 3), (3, 5, 4), (3, 6, 4), (8, 8, 8)]
    )
    def test_table(self, low: int, high: int, typical: int) -> None:
        """2–3 rounds count 2; a range with one middle count takes it."""
        assert typical == count(Range(low, high), RangePoint.TYPICAL)

    @given(st.integers(1, 100), st.integers(0, 99))
    def test_within_and_exact_ends(self, low: int, span: int) -> None:
        """The typical count lies within the range; min and max are the ends, exactly."""
        amount = Range(low, low + span)
        typical = count(amount, RangePoint.TYPICAL)
        assert low <= typical <= low + span
        assert typical <= amount.point(RangePoint.TYPICAL) < typical + 1
        assert (low, low + span) == (count(amount, RangePoint.MIN), count(amount, RangePoint.MAX))

    @given(strategies.workouts(max_blocks=2, max_items=2), strategies.pacings())
    def test_total_range_is_exact_at_both_ends(self, workout: Workout, pacing: Pacing) -> None:
        """Each end of the total range is the total of a timeline built at that end."""
        try:
            timeline = build_timeline(workout, pacing)
            ends = [
                build_timeline(workout, attrs.evolve(pacing, range_point=p)).total for p in ("min", "max")
            ]
        except ValidationError:
            return  # an EMOM whose work does not fit at some point, or too many segments
        assert ends == list(timeline.total_range)


class TestIntervalWarnings:
    """An interval block asking for more reps than its work holds keeps its clock and warns."""

    def test_twenty_reps_in_twenty_seconds(self) -> None:
        """The Youth Method's Tabata asking 20 push-ups of its 20 s station: 4 minutes and one warning."""
        published = load(CALIBRATION / "four-exercise-tabata-4.yaml")
        block = published.blocks[0]
        first = block.items[0]
        assert isinstance(first, Exercise)
        push_up = attrs.evolve(first, dose=Reps(20))
        workout = attrs.evolve(published, blocks=(attrs.evolve(block, items=(push_up, *block.items[1:])),))
        timeline = build_timeline(workout)
        assert 240.0 == timeline.total
        (warning,) = timeline.warnings
        assert ("blocks[0].items[0]", "does_not_fit_interval") == (warning.path, warning.code)
        assert "estimated work of 50 s overflows the 20 s work interval" in warning.reason
        assert () == build_timeline(published).warnings

    def test_efforts_never_reach_an_interval_block(self) -> None:
        """Counted efforts are refused by an interval block, so they never need a warning there."""
        with pytest.raises(ValidationError):
            from_dict({"schema_version": 1, "title": "T", "blocks": [{
                "name": "B", "format": {"type": "intervals", "work": 20},
                "items": [{"name": "Sprint", "dose": {"efforts": 3, "intensity": "sprint"}}],
            }]})  # fmt: skip


class TestMisplacedKeys:
    """A key that belongs on another part of a workout says where."""

    def refused(self, **exercise: object) -> list[tuple[str, str]]:
        """The problems of a workout holding this exercise."""
        document = {"schema_version": 1, "title": "T", "blocks": [{"name": "B", "items": [exercise]}]}
        with pytest.raises(ValidationError) as info:
            from_dict(document)
        return [(p.path, p.reason) for p in info.value.problems]

    def test_sets_on_a_modification(self) -> None:
        """``sets`` on a modification belongs on the exercise."""
        found = self.refused(
            name="Row", dose={"reps": 8}, modifications=[{"name": "Easy Row", "kind": "easier", "sets": 2}]
        )
        assert [
            ("blocks[0].items[0].modifications[0].sets", "unknown field; sets belongs on an exercise")
        ] == found

    def test_rounds_on_an_exercise(self) -> None:
        """``rounds`` on an exercise belongs on a block or a superset."""
        found = self.refused(name="Row", dose={"reps": 8}, rounds=3)
        assert [
            ("blocks[0].items[0].rounds", "unknown field; rounds belongs on a block or a superset")
        ] == found

    def test_intensity_on_an_exercise(self) -> None:
        """``intensity`` on an exercise belongs in its dose."""
        found = self.refused(name="Run", dose={"distance": 400}, intensity="5k")
        assert [("blocks[0].items[0].intensity", "unknown field; intensity belongs on a dose")] == found

    def test_every_field_of_the_model(self) -> None:
        """Every exercise field a modification lacks, written on one, names the exercise among its places."""
        own = {f.name for f in attrs.fields(Modification)}
        for field in attrs.fields(Exercise):
            if field.name in own:
                continue
            found = self.refused(
                name="Row",
                dose={"reps": 8},
                modifications=[{"name": "Easy", "kind": "easier", field.name: 1}],
            )
            [(path, reason)] = found
            assert f"blocks[0].items[0].modifications[0].{field.name}" == path
            assert reason.startswith(f"unknown field; {field.name} belongs on ")
            assert "an exercise" in reason
