"""Rests stated in words (minimal, short, as needed), and interval blocks with ranges or no last rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import runstrength
from runstrength import (
    Amrap,
    Block,
    Duration,
    Exercise,
    Intervals,
    Ladder,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
    RestLength,
    SegmentKind,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    export_fit,
    from_dict,
    json_schema,
    to_dict,
)
from runstrength._document.text import DocumentFormat
from test_fit import DECODERS, Decode, performed

CALIBRATION = Path(__file__).resolve().parent.parent / "benchmarks" / "calibration"


def problems_of(make: Callable[[], object]) -> list[tuple[str, str, str]]:
    """The problems a constructor call raises, as (path, reason, code)."""
    with pytest.raises(ValidationError) as info:
        make()
    return [(problem.path, problem.reason, problem.code) for problem in info.value.problems]


EIGHT_REPS = 8 * Pacing().seconds_per_rep_bodyweight
"""Seconds of the squat's and the row's 8 reps at the default pacing (body-weight moves)."""


def two_moves(rest_after: Rest | None = None) -> Workout:
    """Squat (8 reps), then Row (8 reps), with ``rest_after`` between them."""
    squat = Exercise(name="Squat", dose=Reps(8), rest_after=rest_after)
    return Workout(
        title="Test", blocks=(Block(name="Main", items=(squat, Exercise(name="Row", dose=Reps(8)))),)
    )


def stations(fmt: Intervals, rounds: int | Range = 1, names: tuple[str, ...] = ("Squat", "Plank")) -> Workout:
    """An interval block of 20 s timed stations."""
    items = tuple(Exercise(name=name, dose=Duration(20)) for name in names)
    return Workout(title="Test", blocks=(Block(name="Circuit", items=items, rounds=rounds, format=fmt),))


# --- the model ------------------------------------------------------------------------------


class TestRest:
    """A rest in seconds, by length, or only as needed."""

    @pytest.mark.parametrize(
        ("rest", "text"),
        [
            (Rest(30), "30 s"),
            (Rest.between(60, 90), "60–90 s"),
            (Rest(length=RestLength.MINIMAL), "minimal rest"),
            (Rest(length=RestLength.SHORT), "short rest"),
            (Rest(as_needed=True), "as needed"),
            (Rest(length=RestLength.SHORT, as_needed=True), "as needed (short rest)"),
            (Rest.between(30, 45, as_needed=True), "as needed (30–45 s)"),
        ],
    )
    def test_str(self, rest: Rest, text: str) -> None:
        """Each kind of rest reads as written."""
        assert text == str(rest)

    def test_seconds_are_optional(self) -> None:
        """A rest by length or as needed has no seconds; positional seconds still work."""
        assert Rest(length="short").seconds is None
        assert RestLength.SHORT is Rest(length="short").length
        assert Rest(30) == Rest(seconds=30)
        assert Rest(30, True) == Rest(seconds=30, as_needed=True)

    @pytest.mark.parametrize(
        ("make", "problems"),
        [
            (
                Rest,
                [
                    (
                        "(document)",
                        "expected seconds, a length (minimal or short) or as_needed: true",
                        "missing_value",
                    )
                ],
            ),
            (
                lambda: Rest(as_needed=False),
                [
                    (
                        "(document)",
                        "expected seconds, a length (minimal or short) or as_needed: true",
                        "missing_value",
                    )
                ],
            ),
            (
                lambda: Rest(30, length=RestLength.SHORT),
                [("length", "expected seconds or a length, not both", "not_applicable")],
            ),
            (
                lambda: Rest(length="long"),
                [("length", "expected one of minimal, short, got 'long'", "not_one_of")],
            ),
        ],
    )
    def test_rejects(self, make: Callable[[], object], problems: list[tuple[str, str, str]]) -> None:
        """A rest says how long in one way: seconds or a length, or only as needed."""
        assert problems == problems_of(make)


class TestIntervals:
    """Ranged work and rest, and no rest after the block's last work."""

    @pytest.mark.parametrize(
        ("fmt", "text"),
        [
            (Intervals(work=20, rest=10), "intervals of 20 s work, 10 s rest"),
            (Intervals(work=Range(30, 60), rest=Range(15, 20)), "intervals of 30–60 s work, 15–20 s rest"),
            (
                Intervals(work=30, rest=10, rest_after_last=False),
                "intervals of 30 s work, 10 s rest, none after the last",
            ),
        ],
    )
    def test_str(self, fmt: Intervals, text: str) -> None:
        """The format reads with its ranges and its last rest."""
        assert text == str(fmt)

    def test_rest_after_last_by_default(self) -> None:
        """Every work is followed by the rest unless the document says otherwise."""
        assert Intervals(work=20, rest=10).rest_after_last

    @pytest.mark.parametrize(
        ("make", "problems"),
        [
            (
                lambda: Intervals(
                    work=20, rest=Range(0, 10), active_rest=Exercise(name="Plank", dose=Duration(10))
                ),
                [("active_rest", "needs a rest interval above 0 s at its shortest", "not_applicable")],
            ),
            (
                lambda: Intervals(work=20, rest=0, rest_after_last=False),
                [("rest_after_last", "only applies with a rest interval above 0 s", "not_applicable")],
            ),
            (
                lambda: from_dict(
                    {
                        "schema_version": 1,
                        "title": "Test",
                        "blocks": [
                            {
                                "name": "Main",
                                "format": {"type": "intervals", "work": {"min": 40, "max": 20}},
                                "items": [{"name": "Plank", "dose": {"seconds": 20}}],
                            }
                        ],
                    }
                ),
                [("blocks[0].format.work.max", "expected at least min (40), got 20", "out_of_order")],
            ),
            (
                lambda: Intervals(work=Range(0, 20)),
                [("work.min", "expected a whole number from 1 to 3600 s, got 0", "out_of_range")],
            ),
            (
                lambda: Intervals(work=20, rest_after_last=0),  # type: ignore[arg-type]
                [("rest_after_last", "expected true or false, got 0", "not_true_or_false")],
            ),
        ],
    )
    def test_rejects(self, make: Callable[[], object], problems: list[tuple[str, str, str]]) -> None:
        """Ranges follow the single values' bounds; an active rest needs rest even at its shortest."""
        assert problems == problems_of(make)

    def test_active_rest_with_a_ranged_rest_above_zero(self) -> None:
        """A rest of 10–20 s has room for an active rest."""
        plank = Exercise(name="Plank", dose=Duration(10))
        assert plank == Intervals(work=20, rest=Range(10, 20), active_rest=plank).active_rest

    def test_a_duration_fits_the_longest_work(self) -> None:
        """A timed dose up to the work's longest end fits; a longer one is refused at the dose."""
        fmt = Intervals(work=Range(30, 60))
        long_enough = Block(name="Main", items=(Exercise(name="Plank", dose=Duration(60)),), format=fmt)
        assert long_enough.format == fmt
        too_long = (Exercise(name="Plank", dose=Duration(61)),)
        assert [("items[0].dose", "longer than the 30–60 s work interval", "too_long_for_interval")] == (
            problems_of(lambda: Block(name="Main", items=too_long, format=fmt))
        )

    def test_each_timed_step_of_a_ladder_fits(self) -> None:
        """A ladder's timed steps follow the same rule, each refused where it stands."""
        fmt = Intervals(work=20)
        ladder = Ladder((Duration(30), Duration(20), Duration(25)))
        items = (Exercise(name="Plank", dose=ladder),)
        assert [
            ("items[0].dose.ladder[0]", "longer than the 20 s work interval", "too_long_for_interval"),
            ("items[0].dose.ladder[2]", "longer than the 20 s work interval", "too_long_for_interval"),
        ] == problems_of(lambda: Block(name="Main", rounds=3, items=items, format=fmt))

    @pytest.mark.parametrize("rounds", [1, Range(1, 1)], ids=["one", "a range of one"])
    def test_a_round_length_needs_rounds(self, rounds: int | Range) -> None:
        """A stated length per round needs several rounds; a range from 1 to 1 is one round."""
        items = (Exercise(name="Plank", dose=Duration(20)),)
        found = problems_of(lambda: Block(name="Main", rounds=rounds, stated_round_duration=60, items=items))
        assert ["stated_round_duration"] == [path for path, _, _ in found]


class TestPacing:
    """The pacing fields that time rests stated in words."""

    def test_defaults(self) -> None:
        """Minimal 10 s, short 30 s, as needed 90 s."""
        pacing = Pacing()
        assert (10, 30, 90) == (pacing.rest_minimal, pacing.rest_short, pacing.rest_as_needed)

    def test_written_only_when_changed(self) -> None:
        """A pacing document leaves the defaults out and reads the new fields back."""
        pacing = Pacing(rest_short=20, rest_as_needed=120)
        assert {"rest_short": 20, "rest_as_needed": 120} == to_dict(pacing)
        assert pacing == from_dict(to_dict(pacing), Pacing)

    def test_rejects(self) -> None:
        """The new fields are whole seconds from 0 to 3600."""
        assert [("rest_minimal", "expected a whole number from 0 to 3600 s, got -1", "out_of_range")] == (
            problems_of(lambda: Pacing(rest_minimal=-1))
        )


# --- documents ------------------------------------------------------------------------------

DOCUMENT: dict[str, Any] = {
    "schema_version": 1,
    "title": "Spellings",
    "rest_between_sets": {"as_needed": True},
    "blocks": [
        {
            "name": "Circuit",
            "rounds": {"min": 2, "max": 3},
            "format": {
                "type": "intervals",
                "work": {"min": 30, "max": 60},
                "rest": {"min": 15, "max": 20},
                "rest_after_last": False,
            },
            "rest_after": {"length": "short"},
            "items": [{"name": "Squat", "dose": {"seconds": 30}}, {"name": "Plank", "dose": {"seconds": 30}}],
        },
        {
            "name": "Strength",
            "items": [
                {
                    "name": "Row",
                    "dose": {"reps": 8},
                    "sets": 3,
                    "rest_between_sets": {"length": "minimal", "as_needed": True},
                    "rest_after": {"length": "minimal"},
                },
                {"name": "Curl", "dose": {"reps": 8}},
            ],
        },
    ],
}


class TestDocuments:
    """The spellings load, write back the same and pass the schema, in JSON, YAML and TOML."""

    def test_loads(self) -> None:
        """Each spelling becomes the value it names."""
        workout = from_dict(DOCUMENT)
        circuit, strength = workout.blocks
        assert Rest(as_needed=True) == workout.rest_between_sets
        assert Intervals(work=Range(30, 60), rest=Range(15, 20), rest_after_last=False) == circuit.format
        assert Rest(length=RestLength.SHORT) == circuit.rest_after
        row = strength.items[0]
        assert isinstance(row, Exercise)
        assert Rest(length=RestLength.MINIMAL, as_needed=True) == row.rest_between_sets

    def test_written_back_unchanged(self) -> None:
        """Writing gives the document back, defaults left out."""
        assert DOCUMENT == to_dict(from_dict(DOCUMENT))

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_round_trip(self, fmt: DocumentFormat) -> None:
        """The workout survives its own text in every format."""
        workout = from_dict(DOCUMENT)
        assert workout == runstrength.loads(runstrength.dumps(workout, fmt), fmt)

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_problems_located_in_every_format(self, fmt: DocumentFormat) -> None:
        """A rest with seconds and a length is refused at its length, whatever the format."""
        bad = {**DOCUMENT, "rest_between_sets": {"seconds": 30, "length": "short"}}
        text = runstrength.dumps(from_dict({**DOCUMENT, "rest_between_sets": {"seconds": 30}}), fmt)
        broken = text.replace(*_LENGTHENED[fmt])
        assert broken != text
        readers: list[Callable[[], Workout]] = [
            lambda: from_dict(bad),
            lambda: runstrength.loads(broken, fmt),
        ]
        for read in readers:
            with pytest.raises(ValidationError) as info:
                read()
            assert [("rest_between_sets.length", "not_applicable")] == [
                (p.path, p.code) for p in info.value.problems
            ]

    def test_schema(self) -> None:
        """The schema accepts the spellings and knows the new keys and the rest's lengths."""
        from jsonschema import Draft202012Validator  # noqa: PLC0415 - a test dependency

        schema = json_schema()
        assert [] == list(Draft202012Validator(schema).iter_errors(DOCUMENT))
        rest = schema["$defs"]["Rest"]
        assert [] == rest["required"]
        assert {"enum": ["minimal", "short"]}.items() <= rest["properties"]["length"]["anyOf"][0].items()
        intervals = schema["$defs"]["Intervals"]["properties"]
        assert {"type": "boolean", "default": True}.items() <= intervals["rest_after_last"].items()
        assert 2 == len(intervals["work"]["anyOf"])


_LENGTHENED: dict[str, tuple[str, str]] = {
    "json": (
        '"rest_between_sets": {\n    "seconds": 30\n  }',
        '"rest_between_sets": {"seconds": 30, "length": "short"}',
    ),
    "yaml": ("rest_between_sets:\n  seconds: 30\n", "rest_between_sets:\n  seconds: 30\n  length: short\n"),
    "toml": ("[rest_between_sets]\nseconds = 30\n", '[rest_between_sets]\nseconds = 30\nlength = "short"\n'),
}


# --- timelines --------------------------------------------------------------------------------


class TestRestsInWords:
    """The pacing times a rest without seconds, as an estimate."""

    @pytest.mark.parametrize(
        ("rest", "seconds", "target"),
        [
            (Rest(length=RestLength.MINIMAL), 10, "minimal rest"),
            (Rest(length=RestLength.SHORT), 30, "short rest"),
            (Rest(as_needed=True), 90, "as needed"),
            (Rest(length=RestLength.SHORT, as_needed=True), 30, "as needed (short rest)"),
        ],
    )
    def test_default_pacing(self, rest: Rest, seconds: int, target: str) -> None:
        """Each rest lasts its pacing field and says what the workout wrote."""
        timeline = build_timeline(two_moves(rest))
        [segment] = [s for s in timeline if s.kind is SegmentKind.REST]
        assert (seconds, target, True) == (segment.duration, segment.target, segment.estimate)
        assert EIGHT_REPS + seconds + EIGHT_REPS == timeline.total
        assert (timeline.total, timeline.total) == timeline.total_range

    @pytest.mark.parametrize(
        ("rest", "seconds"),
        [
            (Rest(length=RestLength.MINIMAL), 5),
            (Rest(length=RestLength.SHORT), 20),
            (Rest(as_needed=True), 120),
        ],
    )
    def test_own_pacing(self, rest: Rest, seconds: int) -> None:
        """Another pacing's values take their place."""
        pacing = Pacing(rest_minimal=5, rest_short=20, rest_as_needed=120)
        assert EIGHT_REPS + seconds + EIGHT_REPS == build_timeline(two_moves(rest), pacing).total

    def test_no_segment_at_zero(self) -> None:
        """A pacing that gives minimal rests no time makes no segment for them."""
        timeline = build_timeline(two_moves(Rest(length=RestLength.MINIMAL)), Pacing(rest_minimal=0))
        assert [SegmentKind.WORK, SegmentKind.WORK] == [s.kind for s in timeline]

    def test_amrap_keeps_an_exercises_rest(self) -> None:
        """In an AMRAP, an exercise's rest_after follows it in every round; the block lasts its cap."""
        swing = Exercise(name="Swing", dose=Reps(5), rest_after=Rest(as_needed=True))
        workout = Workout(
            title="Test", blocks=(Block(name="Main", items=(swing,), format=Amrap(time_cap=300)),)
        )
        timeline = build_timeline(workout, Pacing(seconds_per_rep=3))
        assert 300 == timeline.total
        work, rest = (SegmentKind.WORK, 15, "5 reps"), (SegmentKind.REST, 90, "as needed")
        assert [work, rest, work, rest, work] == [(s.kind, s.duration, s.target) for s in timeline][:5]
        assert (SegmentKind.REST, 75, "as needed (cut at the time cap)") == (
            timeline[-1].kind,
            timeline[-1].duration,
            timeline[-1].target,
        )


class TestIntervalLengths:
    """Exact lengths of interval blocks with ranges and without their last rest."""

    def test_seven_minute_workout(self) -> None:
        """Klika and Jordan's circuit: 12 × 30 s with 10 s between stations is exactly 470 s."""
        workout = runstrength.load(CALIBRATION / "seven-minute-workout.yaml")
        fmt = workout.blocks[0].format
        assert isinstance(fmt, Intervals)
        assert not fmt.rest_after_last
        timeline = build_timeline(workout)
        assert 470 == timeline.total
        assert (470.0, 470.0) == timeline.total_range
        assert SegmentKind.WORK is timeline[-1].kind
        assert 11 == sum(s.kind is SegmentKind.REST for s in timeline)

    def test_tabata_keeps_its_last_rest(self) -> None:
        """Tabata's eighth effort is still followed by its rest: 240 s."""
        timeline = build_timeline(catalog.get("tabata-protocol"))
        assert 240 == timeline.total
        assert SegmentKind.REST is timeline[-1].kind

    def test_rests_between_rounds_stay(self) -> None:
        """Only the block's very last rest goes: two rounds of two stations have three rests."""
        timeline = build_timeline(stations(Intervals(work=20, rest=10, rest_after_last=False), rounds=2))
        assert [20, 10, 20, 10, 20, 10, 20] == [s.duration for s in timeline]
        assert [1, 1, 1, 1, 2, 2, 2] == [s.block_round for s in timeline]

    def test_with_rest_between_rounds(self) -> None:
        """The interval rest closes a round before the block's rest between rounds."""
        fmt = Intervals(work=20, rest=10, rest_after_last=False)
        workout = stations(fmt, rounds=2)
        workout = Workout(
            title="Test",
            blocks=(
                Block(
                    name="Circuit",
                    items=workout.blocks[0].items,
                    rounds=2,
                    format=fmt,
                    rest_between_rounds=Rest(60),
                ),
            ),
        )
        assert [20, 10, 20, 10, 60, 20, 10, 20] == [s.duration for s in build_timeline(workout)]

    @pytest.mark.parametrize(
        ("rest_after_last", "typical", "ends"), [(True, 180, (120, 240)), (False, 165, (110, 220))]
    )
    def test_ranged_work_and_rest(
        self,
        rest_after_last: bool,  # noqa: FBT001 - a parameter of the table
        typical: float,
        ends: tuple[float, float],
    ) -> None:
        """20–40 s work and 10–20 s rest, two rounds of two: the middle, and both ends exactly."""
        fmt = Intervals(work=Range(20, 40), rest=Range(10, 20), rest_after_last=rest_after_last)
        timeline = build_timeline(stations(fmt, rounds=2))
        assert typical == timeline.total
        assert ends == timeline.total_range
        assert all(s.estimate for s in timeline)
        assert "10–20 s" == timeline[1].target
        for which, total in zip((RangePoint.MIN, RangePoint.MAX), ends, strict=True):
            assert total == build_timeline(timeline.workout, Pacing(range_point=which)).total

    def test_ranged_rounds_without_the_last_rest(self) -> None:
        """2–3 rounds of 20 s work and 10 s rest, no last rest: 110 s to 170 s."""
        timeline = build_timeline(
            stations(Intervals(work=20, rest=10, rest_after_last=False), rounds=Range(2, 3))
        )
        assert (110, 170) == timeline.total_range

    @given(
        st.from_type(Intervals).filter(lambda f: (f.rest.max if isinstance(f.rest, Range) else f.rest) > 0),
        st.sampled_from(RangePoint),
    )
    def test_leaving_out_the_last_rest_saves_one_rest(self, fmt: Any, which: RangePoint) -> None:
        """Whatever the format and range point, the block is one rest shorter without its last rest."""
        work = int(fmt.work.min) if isinstance(fmt.work, Range) else fmt.work
        plank = (Exercise(name="Plank", dose=Duration(work)),)
        pacing = Pacing(range_point=which)
        with_last = Intervals(work=fmt.work, rest=fmt.rest, active_rest=fmt.active_rest)
        without = Intervals(work=fmt.work, rest=fmt.rest, active_rest=fmt.active_rest, rest_after_last=False)
        totals = [
            build_timeline(
                Workout(title="T", blocks=(Block(name="B", items=plank, rounds=2, format=f),)), pacing
            ).total
            for f in (with_last, without)
        ]
        rest = fmt.rest.point(which) if isinstance(fmt.rest, Range) else fmt.rest
        assert totals[0] - rest == totals[1]


class TestCalibrationDocuments:
    """The published workouts rewritten with these constructs."""

    def test_park_bench_short_recovery(self) -> None:
        """The short recovery after each round's sprint is a short rest between rounds."""
        workout = runstrength.load(CALIBRATION / "park-bench-20.yaml")
        assert Rest(length=RestLength.SHORT) == workout.blocks[0].rest_between_rounds
        rests = [s for s in build_timeline(workout) if s.target == "short rest"]
        assert 3 == len(rests)
        assert all(s.duration == 30 and s.estimate for s in rests)

    def test_metabolic_circuit_limited_rest(self) -> None:
        """Limited rest between the moves and the rounds: minimal rests, 5 × 7 × 40 s of work."""
        timeline = build_timeline(runstrength.load(CALIBRATION / "metabolic-circuit-25.yaml"))
        assert 5 * 7 * 40 == timeline.work_total
        assert {"minimal rest"} == {s.target for s in timeline if s.kind is not SegmentKind.WORK}
        assert 5 * 7 * 40 + (5 * 6 + 4) * 10 == timeline.total

    def test_saturday_swings_rest_as_needed(self) -> None:
        """The 30–45 s rests taken as needed sit between the sets of the 20-minute window."""
        workout = runstrength.load(CALIBRATION / "saturday-kettlebell-swings-45.yaml")
        swings = workout.blocks[1].items[0]
        assert Rest.between(30, 45, as_needed=True) == swings.rest_after
        timeline = build_timeline(workout)
        window = [s for s in timeline if s.block == "Swings"]
        assert 1200 == sum(s.duration for s in window)
        assert "as needed (30–45 s)" in {s.target for s in window}


# --- FIT ------------------------------------------------------------------------------------


def performed_rows(data: bytes, decode: Decode) -> list[tuple[str | None, str, int | None]]:
    """The steps as a watch runs them: name, duration type and raw value."""
    return [(s.name, s.kind, s.value) for s in performed(decode(data).steps)]


class TestFit:
    """Rests in words and interval blocks on a watch, read back by two independent decoders."""

    @DECODERS
    def test_as_needed_without_seconds_waits_for_lap(self, decode: Decode) -> None:
        """A rest only as needed is an open rest step, ended with the lap button."""
        [rest] = [
            s for s in decode(export_fit(two_moves(Rest(as_needed=True)))).steps if s.intensity == "rest"
        ]
        assert ("Rest", "open", "Rest as needed, then press lap.") == (rest.name, rest.kind, rest.notes)

    @DECODERS
    @pytest.mark.parametrize(
        ("rest", "milliseconds", "notes"),
        [
            (Rest(length=RestLength.MINIMAL), 10_000, "Rest minimal rest, 10 s."),
            (Rest(length=RestLength.SHORT), 30_000, "Rest short rest, 30 s."),
        ],
    )
    def test_lengths_last_the_pacings_time(
        self, decode: Decode, rest: Rest, milliseconds: int, notes: str
    ) -> None:
        """A minimal or short rest is a timed rest step of the pacing's seconds."""
        [step] = [s for s in decode(export_fit(two_moves(rest))).steps if s.intensity == "rest"]
        assert ("time", milliseconds, notes) == (step.kind, step.value, step.notes)

    @DECODERS
    def test_short_and_as_needed_waits_for_lap(self, decode: Decode) -> None:
        """A short rest taken as needed ends on the lap button, like any rest as needed."""
        rest = Rest(length=RestLength.SHORT, as_needed=True)
        [step] = [s for s in decode(export_fit(two_moves(rest))).steps if s.intensity == "rest"]
        assert "open" == step.kind

    @DECODERS
    def test_seven_minute_workout(self, decode: Decode) -> None:
        """Twelve 30 s stations and eleven 10 s rests: no rest after the side plank."""
        workout = runstrength.load(CALIBRATION / "seven-minute-workout.yaml")
        done = performed_rows(export_fit(workout), decode)
        assert 23 == len(done)
        assert [("time", 30_000), ("time", 10_000)] * 11 + [("time", 30_000)] == [(k, v) for _, k, v in done]
        assert "Side Plank" == done[-1][0]

    @DECODERS
    @pytest.mark.parametrize("max_steps", [50, 6])
    def test_rounds_without_the_last_rest(self, decode: Decode, max_steps: int) -> None:
        """Three rounds: a repeat closed by the interval rest, the last round after it without one.

        With too few steps for that, the repeat covers every round and its rest follows the last.
        """
        workout = stations(Intervals(work=20, rest=10, rest_after_last=False), rounds=3)
        steps = decode(export_fit(workout, max_steps=max_steps)).steps
        done = [
            (name, value)
            for name, _, value in performed_rows(export_fit(workout, max_steps=max_steps), decode)
        ]
        timeline = [(s.exercise or "Rest", round(s.duration * 1000)) for s in build_timeline(workout)]
        if max_steps == 50:
            assert 8 == len(steps)
            assert timeline == done
        else:
            assert [*timeline, ("Rest", 10_000)] == done

    @DECODERS
    @pytest.mark.parametrize(
        ("which", "work", "rest"), [(RangePoint.MIN, 20_000, 10_000), (RangePoint.MAX, 40_000, 20_000)]
    )
    def test_ranged_intervals_at_the_range_point(
        self, decode: Decode, which: RangePoint, work: int, rest: int
    ) -> None:
        """Ranged work and rest are timed steps at the pacing's range point."""
        fmt = Intervals(work=Range(20, 40), rest=Range(10, 20))
        data = export_fit(stations(fmt, names=("Plank",)), Pacing(range_point=which))
        assert [("Plank", "time", work), ("Rest", "time", rest)] == performed_rows(data, decode)
