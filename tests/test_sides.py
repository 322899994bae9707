"""Sides: which side comes first, the switch between them, and doses shared between the sides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import attrs
import jsonschema
import pytest
from garmin_fit_sdk import Decoder, Stream
from hypothesis import given
from hypothesis import strategies as st

from runstrength import (
    Ascending,
    Block,
    Distance,
    Duration,
    Exercise,
    Intervals,
    Ladder,
    Modification,
    ModificationKind,
    Pacing,
    Problem,
    Range,
    Reps,
    SegmentKind,
    Side,
    Sides,
    Tempo,
    ValidationError,
    Workout,
    build_timeline,
    dumps,
    export_fit,
    json_schema,
    load,
    loads,
    strategies,
)
from runstrength._plan import work_share
from runstrength._render.summary import summary
from runstrength._timeline import dose_seconds

CALIBRATION = Path(__file__).parent.parent / "benchmarks" / "calibration"
CLASSIC = Pacing(seconds_per_rep=3, transition=10, rest_between_sets=60, rest_between_blocks=60, set_up=0)
"""The single-valued pacing of earlier versions, for counting seconds by hand: 3 s a rep."""


def workout(*items: Exercise, **block: Any) -> Workout:
    """A workout of one block holding ``items``."""
    return Workout(title="Sides", blocks=[Block(name="Main", items=items, **block)])


def problems(**fields: Any) -> list[tuple[str, str]]:
    """The (path, code) of every problem of an exercise with ``fields``."""
    with pytest.raises(ValidationError) as info:
        Exercise(**{"name": "Lunge", "dose": Reps(10), **fields})
    return [(problem.path, problem.code) for problem in info.value.problems]


def steps(data: bytes) -> list[dict[str, Any]]:
    """The workout steps of a FIT file, decoded by Garmin's SDK."""
    found, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert [] == errors
    # Typed loosely: the SDK's stubs name enum values in camelCase, its decoder in snake_case.
    messages = cast("dict[str, Any]", found)
    return list(messages["workout_step_mesgs"])


class TestRules:
    """The side fields apply only where the sides give them a meaning."""

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"first_side": "left"}, [("first_side", "not_applicable")]),
            ({"switch_sides": 0, "sides": "alternating"}, [("switch_sides", "not_applicable")]),
            ({"switch_sides": 10}, [("switch_sides", "not_applicable")]),
            ({"per_side": False}, [("per_side", "not_applicable")]),
            ({"sides": "each", "per_side": False, "dose": Reps(9)}, [("dose.reps", "uneven_split")]),
            (
                {"sides": "each", "per_side": False, "dose": Reps(Range(10, 15))},
                [("dose.reps", "uneven_split")],
            ),
            (
                {"sides": "each", "per_side": False, "dose": Ladder([Reps(10), Reps(7)]), "sets": 2},
                [("dose.ladder[1].reps", "uneven_split")],
            ),
            (
                {"sides": "each", "per_side": False, "dose": Ascending(3, by=2), "sets": 3},
                [("dose.ascending", "uneven_split")],
            ),
            (
                {"sides": "each", "per_side": False, "dose": Ascending(2, by=1), "sets": 3},
                [("dose.by", "uneven_split")],
            ),
            ({"sides": "each", "switch_sides": 601}, [("switch_sides", "out_of_range")]),
            ({"sides": "each", "first_side": "top"}, [("first_side", "not_one_of")]),
            ({"sides": "each", "per_side": 0}, [("per_side", "not_true_or_false")]),
        ],
    )
    def test_refused(self, fields: dict[str, Any], expected: list[tuple[str, str]]) -> None:
        """A side field where it has no meaning, or a shared rep total that does not split, is refused."""
        assert expected == problems(**fields)

    @pytest.mark.parametrize(
        "fields",
        [
            {"sides": "each", "first_side": "left", "switch_sides": 0, "per_side": False},
            {"sides": "alternating", "first_side": "left", "per_side": False, "dose": Reps(15)},
            {"sides": "each", "per_side": False, "dose": Reps(Range(10, 12))},
            {"sides": "each", "per_side": False, "dose": Duration(45)},
            {"sides": "each", "per_side": False, "dose": Ascending(2, by=2), "sets": 3},
        ],
    )
    def test_accepted(self, fields: dict[str, Any]) -> None:
        """Side fields with sides that use them load, an odd total alternating included."""
        exercise = Exercise(**{"name": "Lunge", "dose": Reps(10), **fields})
        assert fields["sides"] == exercise.sides

    def test_the_defaults_keep_todays_exercises(self) -> None:
        """Without the new fields an exercise starts right, uses the pacing's switch, and counts per side."""
        exercise = Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH)
        assert (None, None, True) == (exercise.first_side, exercise.switch_sides, exercise.per_side)

    @pytest.mark.parametrize(
        ("sides", "per_side", "text"),
        [
            (Sides.EACH, True, "Lunge: 20 reps per side"),
            (Sides.EACH, False, "Lunge: 20 reps in all, split between the sides"),
            (Sides.ALTERNATING, True, "Lunge: 20 reps per side, alternating"),
            (Sides.ALTERNATING, False, "Lunge: 20 reps in all, alternating"),
        ],
    )
    def test_text_says_how_the_dose_counts(self, sides: Sides, per_side: bool, text: str) -> None:  # noqa: FBT001
        """An exercise's text says whether the dose is per side or in all."""
        assert text == str(Exercise(name="Lunge", dose=Reps(20), sides=sides, per_side=per_side))


ANY_MODIFICATION = st.builds(
    Modification,
    name=st.sampled_from(["Other", "Another", "A Third"]),
    kind=st.sampled_from(ModificationKind),
    dose=st.none() | strategies.doses(),
    sides=st.none() | st.sampled_from(Sides),
    per_side=st.none() | st.booleans(),
)
"""Modifications made without regard to any exercise (`strategies.modifications` fits any)."""


class TestModifications:
    """A modification may share the dose, and changing the sides drops side fields that lose meaning."""

    def test_per_side_replaces_the_exercises(self) -> None:
        """A modification's per_side replaces the exercise's."""
        lunge = Exercise(name="Lunge", dose=Reps(20), sides=Sides.ALTERNATING)
        modified = Modification(name="Lunge, in all", kind="variation", per_side=False).apply_to(lunge)
        assert not modified.per_side

    def test_both_sides_drop_first_side_and_switch(self) -> None:
        """A both-sides version of an each exercise keeps no first side, switch or shared dose."""
        plank = Exercise(
            name="Side Plank",
            dose=Duration(30),
            sides=Sides.EACH,
            first_side=Side.LEFT,
            switch_sides=0,
            per_side=False,
        )
        front = Modification(name="Plank", kind="easier", sides="both").apply_to(plank)
        assert (Sides.BOTH, None, None, True) == (
            front.sides,
            front.first_side,
            front.switch_sides,
            front.per_side,
        )

    @pytest.mark.parametrize(
        ("fields", "modification", "expected"),
        [
            (
                {"sides": "each", "per_side": False},
                {"dose": Reps(7)},
                [("modifications[0]", "uneven_split")],
            ),
            ({"sides": "each"}, {"per_side": False, "dose": Reps(7)}, [("modifications[0]", "uneven_split")]),
            ({"sides": "each", "dose": Reps(9)}, {"per_side": False}, [("modifications[0]", "uneven_split")]),
            (
                {"sides": "alternating"},
                {"per_side": False, "sides": "both"},
                [("modifications[0]", "not_applicable")],
            ),
            ({"sets": 3}, {"dose": Ladder((Reps(8), Reps(6)))}, [("modifications[0]", "ladder_mismatch")]),
        ],
        ids=[
            "shared dose",
            "shares an odd dose",
            "shares the exercise's odd dose",
            "shares both sides",
            "ladder",
        ],
    )
    def test_applied_or_refused(
        self, fields: dict[str, Any], modification: dict[str, Any], expected: list[tuple[str, str]]
    ) -> None:
        """A modification that would give an invalid exercise is refused where it is, with the reason."""
        changed = Modification(name="Other", kind="variation", **modification)
        assert expected == problems(**fields, modifications=[changed])

    @given(strategies.exercises(with_modifications=False), st.lists(ANY_MODIFICATION, max_size=3))
    def test_a_valid_exercises_modifications_apply(
        self, exercise: Exercise, modifications: list[Modification]
    ) -> None:
        """Any modification either applies to its exercise, or the exercise is refused at it."""
        refused: tuple[Problem, ...] = ()
        try:
            modified = attrs.evolve(exercise, modifications=modifications)
        except ValidationError as error:
            refused = error.problems
        else:
            for modification in modified.modifications:
                modification.apply_to(modified)
        assert all(problem.path.startswith("modifications[") for problem in refused)


class TestTempo:
    """A tempo is written with dashes or as four characters, and kept as written."""

    @pytest.mark.parametrize(
        ("notation", "seconds"), [("20X0", 3.0), ("3110", 5.0), ("2-0-X-0", 3.0), ("10-0-X-0", 11.0)]
    )
    def test_both_notations(self, notation: str, seconds: float) -> None:
        """Each character of the short notation is one phase; X counts one second."""
        tempo = Tempo(notation)
        assert (notation, seconds) == (str(tempo), tempo.seconds_per_rep)

    @pytest.mark.parametrize("notation", ["0000", "20X", "20X00", "2-0X0", "20x0"])
    def test_refused(self, notation: str) -> None:
        """A short tempo has four phases, upper-case X, and takes some time."""
        with pytest.raises(ValidationError):
            Tempo(notation)

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            (
                (
                    "schema_version: 1\ntitle: T\nblocks:\n- name: A\n  items:\n"
                    "  - {name: Squat, dose: {reps: 5}, tempo: 3110}\n"
                ),
                "yaml",
            ),
            (
                (
                    'schema_version = 1\ntitle = "T"\n[[blocks]]\nname = "A"\n'
                    '[[blocks.items]]\nname = "Squat"\ndose = {reps = 5}\ntempo = 3110\n'
                ),
                "toml",
            ),
        ],
    )
    def test_an_unquoted_number_gets_a_hint(self, text: str, fmt: Any) -> None:
        """``tempo: 3110`` unquoted is a number: refused, with a hint to quote it."""
        with pytest.raises(ValidationError) as info:
            loads(text, fmt)
        [problem] = info.value.problems
        assert ("blocks[0].items[0].tempo", "wrong_type") == (problem.path, problem.code)
        assert "write it as text: '3110'" in problem.reason

    @pytest.mark.parametrize(
        ("number", "hint"), [(0, "'0000'"), (3110, "'3110'"), (9999, "'9999'"), (10000, None)]
    )
    def test_the_hint_covers_four_digits(self, number: int, hint: str | None) -> None:
        """Every number of up to four digits gets its quoted spelling; a longer one cannot be a tempo."""
        with pytest.raises(ValidationError) as info:
            Exercise(name="Squat", dose=Reps(5), tempo=number)  # type: ignore[arg-type] # refused at run time
        [problem] = info.value.problems
        assert ("tempo", "wrong_type") == (problem.path, problem.code)
        if hint is None:
            assert "write it as text" not in problem.reason
        else:
            assert problem.reason.endswith(f"write it as text: {hint}")

    def test_the_schema_takes_the_short_notation(self) -> None:
        """The JSON Schema accepts ``20X0`` and refuses ``0000``."""
        document = json.loads(dumps(workout(Exercise(name="Squat", dose=Reps(5), tempo=Tempo("20X0")))))
        jsonschema.validate(document, json_schema())
        document["blocks"][0]["items"][0]["tempo"] = "0000"
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, json_schema())


SIDE_PLANK = Exercise(
    name="Side Plank",
    dose=Duration(30),
    sides=Sides.EACH,
    first_side=Side.LEFT,
    switch_sides=0,
    per_side=False,
    tempo=Tempo("3110"),
)


class TestDocuments:
    """The new fields round-trip in every format; their defaults are never written."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_round_trip(self, fmt: Any) -> None:
        """A workout with every side field and a short tempo loads back equal and writes the same text."""
        lunge = Exercise(name="Lunge", dose=Reps(20), sides=Sides.ALTERNATING, per_side=False)
        original = workout(SIDE_PLANK, lunge)
        text = dumps(original, fmt)
        assert original == loads(text, fmt)
        assert text == dumps(loads(text, fmt), fmt)

    def test_spelling(self) -> None:
        """The document spells the fields as the format reference does."""
        item = json.loads(dumps(workout(SIDE_PLANK)))["blocks"][0]["items"][0]
        assert {
            "first_side": "left",
            "switch_sides": 0,
            "per_side": False,
            "tempo": "3110",
        }.items() <= item.items()

    def test_defaults_are_not_written(self) -> None:
        """An exercise at the defaults writes none of the new keys."""
        item = json.loads(dumps(workout(Exercise(name="Lunge", dose=Reps(8), sides=Sides.EACH))))
        assert {"name", "dose", "sides"} == set(item["blocks"][0]["items"][0])

    def test_schema_describes_the_fields(self) -> None:
        """The JSON Schema knows the fields' types and bounds."""
        schema = json_schema()
        exercise = json.dumps(schema)
        for key in ("first_side", "switch_sides", "per_side"):
            assert f'"{key}"' in exercise
        document = json.loads(dumps(workout(SIDE_PLANK)))
        jsonschema.validate(document, schema)
        document["blocks"][0]["items"][0]["switch_sides"] = -1
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, schema)

    @given(strategies.exercises())
    def test_generated_exercises_round_trip(self, exercise: Exercise) -> None:
        """Generated exercises, with every side field, load back equal."""
        original = workout(exercise)
        assert original == loads(dumps(original))


def works(timeline: Any) -> list[tuple[Side | None, float]]:
    """The side and length of every work segment."""
    return [(s.side, s.duration) for s in timeline if s.kind is SegmentKind.WORK]


OVERFLOW = (
    "estimated work of 60 s overflows the 30 s work interval at this pacing; the interval's time is kept"
)


class TestTimeline:
    """The plan orders the sides, times the switch, and gives a shared dose its length."""

    def test_a_split_side_plank_without_a_switch_lasts_its_thirty_seconds(self) -> None:
        """Side plank 30 s split, left first, switch_sides 0: 15 s left, 15 s right, 30 s in all."""
        timeline = build_timeline(workout(SIDE_PLANK))
        assert 30 == timeline.total
        assert [(Side.LEFT, 15), (Side.RIGHT, 15)] == works(timeline)
        assert "15 s (30 s in all)" == timeline[0].target

    def test_an_exercise_switch_replaces_the_pacing(self) -> None:
        """switch_sides: 12 is a 12 s side switch whatever the pacing says."""
        lunge = Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH, switch_sides=12)
        kinds = [
            (s.kind, s.duration, s.exercise) for s in build_timeline(workout(lunge), Pacing(switch_sides=3))
        ]
        assert (SegmentKind.SWITCH_SIDES, 12, "Lunge") == kinds[1]

    def test_first_side_orders_the_sides(self) -> None:
        """first_side: left starts on the left; nothing starts on the right."""
        left = Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH, first_side=Side.LEFT)
        right = Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH)
        assert [Side.LEFT, Side.RIGHT] == [side for side, _ in works(build_timeline(workout(left)))]
        assert [Side.RIGHT, Side.LEFT] == [side for side, _ in works(build_timeline(workout(right)))]

    def test_twenty_alternating_lunges_in_all_take_ten_per_side(self) -> None:
        """20 alternating lunges in all last as long as 10 per side, alternating."""
        total = Exercise(name="Lunge", dose=Reps(20), sides=Sides.ALTERNATING, per_side=False)
        each = Exercise(name="Lunge", dose=Reps(10), sides=Sides.ALTERNATING)
        assert (
            build_timeline(workout(total), CLASSIC).total
            == build_timeline(workout(each), CLASSIC).total
            == 60
        )

    @pytest.mark.parametrize(
        ("sides", "per_side", "seconds"),
        [
            (Sides.BOTH, True, 30),
            (Sides.EACH, True, 30),
            (Sides.EACH, False, 15),
            (Sides.ALTERNATING, True, 60),
            (Sides.ALTERNATING, False, 30),
        ],
    )
    def test_the_dose_length(self, sides: Sides, per_side: bool, seconds: float) -> None:  # noqa: FBT001
        """One effort of {seconds: 30}: per side twice over alternating, half of it split."""
        exercise = Exercise(name="Plank", dose=Duration(30), sides=sides, per_side=per_side)
        assert (seconds, False) == dose_seconds(exercise, exercise.dose, work_share(exercise), Pacing())  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("dose", "target"),
        [
            (Reps(20), "10 reps (20 reps in all)"),
            (Duration(30), "15 s (30 s in all)"),
            (Distance(40), "half of 40 m (40 m in all)"),
        ],
    )
    def test_each_side_shows_its_half_and_the_whole(
        self, dose: Reps | Duration | Distance, target: str
    ) -> None:
        """Reps and seconds shared between the sides are halved on each; another dose says "half of"."""
        exercise = Exercise(name="Lunge", dose=dose, sides=Sides.EACH, per_side=False)
        segments = build_timeline(workout(exercise)).segments
        assert [target, target] == [s.target for s in segments if s.kind is SegmentKind.WORK]

    def test_an_interval_station_keeps_the_work(self) -> None:
        """Inside a 40 s interval a split dose is one station of 20 s a side; per side it takes two."""
        split = Exercise(name="Side Plank", dose=Duration(40), sides=Sides.EACH, per_side=False)
        each = Exercise(name="Side Plank", dose=Duration(40), sides=Sides.EACH)
        timed = Intervals(work=40, rest=20)
        assert [(Side.RIGHT, 20), (Side.LEFT, 20)] == works(build_timeline(workout(split, format=timed)))
        assert 60 == build_timeline(workout(split, format=timed)).total
        assert [(Side.RIGHT, 40), (Side.LEFT, 40)] == works(build_timeline(workout(each, format=timed)))

    @pytest.mark.parametrize(
        ("exercise", "reasons"),
        [
            (
                Exercise(name="Row", dose=Duration(30), sides=Sides.ALTERNATING),
                [OVERFLOW],
            ),
            (Exercise(name="Row", dose=Duration(30), sides=Sides.ALTERNATING, per_side=False), []),
            (
                Exercise(name="Lunge", dose=Reps(20), sides=Sides.EACH, per_side=False),
                [OVERFLOW],
            ),
            (Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH, per_side=False), []),
        ],
    )
    def test_a_dose_longer_than_its_station_warns(self, exercise: Exercise, reasons: list[str]) -> None:
        """In a 30 s interval the station keeps 30 s; a dose needing more is a warning, said once."""
        timeline = build_timeline(workout(exercise, format=Intervals(work=30, rest=10)), CLASSIC)
        assert 40 == timeline.total
        assert reasons == [warning.reason for warning in timeline.warnings]
        assert {("blocks", 0, "items", 0)} >= {warning.location for warning in timeline.warnings}

    def test_summary_says_the_dose_is_shared(self) -> None:
        """The summary writes a split dose in all, the side to start on and the switch."""
        text = summary(workout(SIDE_PLANK))
        assert "Side Plank — 30 s in all, split between the sides" in text
        assert "First side: left" in text
        assert "Switch sides: 0 s" in text


OVERFLOW = (
    "estimated work of 60 s overflows the 30 s work interval at this pacing; the interval's time is kept"
)


class TestFit:
    """The FIT export follows the plan's sides and shares."""

    def test_a_split_rep_total_is_half_per_step_left_first(self) -> None:
        """20 reps split, left first: a left step of 10, a switch to the right, a right step of 10."""
        lunge = Exercise(name="Lunge", dose=Reps(20), sides=Sides.EACH, per_side=False, first_side=Side.LEFT)
        found = steps(export_fit(workout(lunge)))
        assert ["Lunge L", "Switch sides", "Lunge R"] == [s["wkt_step_name"] for s in found]
        assert [10, 10] == [s["duration_value"] for s in found if s["duration_type"] == "reps"]
        assert "Switch to the right side." == found[1]["notes"]

    def test_no_switch_step_at_zero(self) -> None:
        """switch_sides: 0 writes no switch step; a split 30 s is two 15 s steps."""
        found = steps(export_fit(workout(SIDE_PLANK)))
        assert [("time", 15_000), ("time", 15_000)] == [
            (s["duration_type"], s["duration_value"]) for s in found
        ]

    def test_a_split_interval_station_is_two_half_steps(self) -> None:
        """In a 40/20 interval block a split dose is 20 s a side, then the 20 s rest."""
        lunge = Exercise(name="Lunge", dose=Reps(10), sides=Sides.EACH, per_side=False)
        found = steps(export_fit(workout(lunge, format=Intervals(work=40, rest=20))))
        assert [("Lunge R", 20_000), ("Lunge L", 20_000), ("Rest", 20_000)] == [
            (s["wkt_step_name"], s["duration_value"]) for s in found
        ]
        assert str(found[0]["notes"]).startswith("In 20 s: 10 reps in all")

    def test_an_alternating_total_is_one_step_of_the_total(self) -> None:
        """20 alternating lunges in all are one step of 20 reps."""
        lunge = Exercise(name="Lunge", dose=Reps(20), sides=Sides.ALTERNATING, per_side=False)
        [found] = steps(export_fit(workout(lunge)))
        assert ("reps", 20) == (found["duration_type"], found["duration_value"])


class TestPublishedExamples:
    """Published workouts say what they mean with the new fields."""

    def test_shoulder_taps_are_forty_seconds_in_all(self) -> None:
        """Strength & core for runners: 40 s of shoulder taps, both arms in all, one 40 s station."""
        published = load(CALIBRATION / "strength-and-core-for-runners-10.yaml")
        taps = published.exercise("Shoulder Tap Plank")
        assert (Duration(40), Sides.ALTERNATING, False) == (taps.dose, taps.sides, taps.per_side)
        timeline = build_timeline(published)
        assert {40} == {
            s.duration for s in timeline if s.exercise == "Shoulder Tap Plank" and s.kind is SegmentKind.WORK
        }

    def test_a_minute_of_band_rows_in_all(self) -> None:
        """Upper body challenge: one minute of alternating band rows in all is 60 s of work."""
        published = load(CALIBRATION / "upper-body-challenge-8-12.yaml")
        timeline = build_timeline(published)
        rows = {s.duration for s in timeline if s.exercise == "Band Row" and s.kind is SegmentKind.WORK}
        assert {60} == rows
        assert "60 s in all, alternating" == next(s.target for s in timeline if s.exercise == "Band Row")
