import copy
import datetime as dt
import json
import pickle
import time
import tomllib
from pathlib import Path
from typing import Any, Final

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import runstrength
from _hostile import DOCUMENTS, parent_of, places
from runstrength import (
    SCHEMA_VERSION,
    Amrap,
    Block,
    BlockKind,
    Credit,
    Distance,
    DistanceUnit,
    Duration,
    Effort,
    Equipment,
    Exercise,
    Frequency,
    Intervals,
    Ladder,
    Load,
    LoadLevel,
    LoadUnit,
    MaxReps,
    Modification,
    ModificationKind,
    Pacing,
    Range,
    Reps,
    Rest,
    RunstrengthError,
    Sides,
    Source,
    Superset,
    Tempo,
    ValidationError,
    Workout,
    catalog,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    strategies,
    to_dict,
)
from runstrength._document import convert
from runstrength._document.convert import MAX_SIZE
from runstrength._errors import format_path
from runstrength._spec import validated
from runstrength._spec.rules import describe

FORMATS = ("json", "yaml", "toml")

# A small workout touching every kind of value, and the document it must give. The document is
# spelled out by hand: it is the format's contract, so a change here is a change for every reader.
WORKOUT = Workout(
    title="Upper body for runners",
    frequency=Frequency(1, at_least=True),
    rest_between_sets=Rest.between(30, 90, as_needed=True),
    equipment=(Equipment("exercise mat"), Equipment("dumbbell", 2, Load(LoadLevel.LIGHT))),
    targets=("arms", "back"),
    source=Source(
        "Upper-Body Workout for Runners",
        publisher="Runner's World",
        credits=(Credit("Winnie Yu, DPT, CSCS", "workout"),),
    ),
    blocks=(
        Block(
            name="Warm-up",
            kind=BlockKind.WARM_UP,
            rounds=2,
            items=(Exercise(name="Half-Kneeling Rainbow", dose=Duration(30), sides=Sides.EACH),),
        ),
        Block(
            name="Strength",
            items=(
                Superset(
                    name="Superset 2",
                    rounds=3,
                    rest_between_rounds=Rest(30),
                    exercises=(
                        Exercise(
                            name="Reciprocal Row",
                            dose=Reps(8),
                            sides=Sides.ALTERNATING,
                            cues=("Hinge forward with a flat back.",),
                            modifications=(
                                Modification(
                                    name="Single-Arm Bent-Over Row",
                                    kind=ModificationKind.EASIER,
                                    dose=Reps(Range(6, 8)),
                                    sides=Sides.EACH,
                                ),
                            ),
                        ),
                        Exercise(name="Chest Fly", dose=Reps(8), tempo=Tempo("3-1-X-0")),
                    ),
                ),
                Exercise(
                    name="Goblet Squat",
                    dose=Reps(10),
                    sets=3,
                    rest_between_sets=Rest(60),
                    load=Load(amount=12.5, unit=LoadUnit.KG),
                    effort=Effort(rpe=Range(7, 8)),
                ),
            ),
        ),
        Block(
            name="Finisher",
            rounds=2,
            format=Intervals(work=40, rest=20),
            items=(
                Exercise(name="Push-up", dose=Ladder((Reps(10), Reps(8)))),
                Exercise(name="Run", dose=Distance(0.2, DistanceUnit.KILOMETRES)),
            ),
        ),
        Block(
            name="Test",
            kind=BlockKind.OTHER,
            format=Amrap(time_cap=300),
            items=(Exercise(name="Burpee", dose=MaxReps(60)),),
        ),
    ),
)
DOCUMENT: dict[str, Any] = {
    "schema_version": 1,
    "title": "Upper body for runners",
    "frequency": {"per_week": 1, "at_least": True},
    "rest_between_sets": {"seconds": {"min": 30, "max": 90}, "as_needed": True},
    "equipment": [
        {"name": "exercise mat"},
        {"name": "dumbbell", "quantity": 2, "load": {"level": "light"}},
    ],
    "targets": ["arms", "back"],
    "source": {
        "title": "Upper-Body Workout for Runners",
        "publisher": "Runner's World",
        "credits": [{"name": "Winnie Yu, DPT, CSCS", "role": "workout"}],
    },
    "blocks": [
        {
            "name": "Warm-up",
            "kind": "warm-up",
            "rounds": 2,
            "items": [{"name": "Half-Kneeling Rainbow", "dose": {"seconds": 30}, "sides": "each"}],
        },
        {
            "name": "Strength",
            "items": [
                {
                    "type": "superset",
                    "exercises": [
                        {
                            "name": "Reciprocal Row",
                            "dose": {"reps": 8},
                            "sides": "alternating",
                            "cues": ["Hinge forward with a flat back."],
                            "modifications": [
                                {
                                    "name": "Single-Arm Bent-Over Row",
                                    "kind": "easier",
                                    "dose": {"reps": {"min": 6, "max": 8}},
                                    "sides": "each",
                                }
                            ],
                        },
                        {"name": "Chest Fly", "dose": {"reps": 8}, "tempo": "3-1-X-0"},
                    ],
                    "rounds": 3,
                    "name": "Superset 2",
                    "rest_between_rounds": {"seconds": 30},
                },
                {
                    "name": "Goblet Squat",
                    "dose": {"reps": 10},
                    "sets": 3,
                    "rest_between_sets": {"seconds": 60},
                    "load": {"amount": 12.5, "unit": "kg"},
                    "effort": {"rpe": {"min": 7, "max": 8}},
                },
            ],
        },
        {
            "name": "Finisher",
            "rounds": 2,
            "format": {"type": "intervals", "work": 40, "rest": 20},
            "items": [
                {"name": "Push-up", "dose": {"ladder": [{"reps": 10}, {"reps": 8}]}},
                {"name": "Run", "dose": {"distance": 0.2, "unit": "km"}},
            ],
        },
        {
            "name": "Test",
            "kind": "other",
            "format": {"type": "amrap", "time_cap": 300},
            "items": [{"name": "Burpee", "dose": {"max_reps": True, "time_cap": 60}}],
        },
    ],
}

TINY = Workout(
    title="Tiny", blocks=(Block(name="Main", items=(Exercise(name="Hammer Curl", dose=Reps(8)),)),)
)
TINY_JSON = """\
{
  "schema_version": 1,
  "title": "Tiny",
  "blocks": [
    {
      "name": "Main",
      "items": [
        {
          "name": "Hammer Curl",
          "dose": {
            "reps": 8
          }
        }
      ]
    }
  ]
}
"""
TINY_YAML = """\
schema_version: 1
title: Tiny
blocks:
- name: Main
  items:
  - name: Hammer Curl
    dose:
      reps: 8
"""


def minimal() -> dict[str, Any]:
    """A valid document with one exercise, to break in one place at a time."""
    return {
        "schema_version": 1,
        "title": "W",
        "rest_between_sets": {"seconds": 60},
        "blocks": [{"name": "Main", "items": [{"name": "Hammer Curl", "dose": {"reps": 8}}]}],
    }


_DELETE = object()


def changed(
    location: tuple[str | int, ...], value: object, doc: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A copy of ``doc`` (default: `minimal`) with the value at ``location`` replaced (or deleted)."""
    result = copy.deepcopy(minimal() if doc is None else doc)
    parent: Any = result
    for part in location[:-1]:
        parent = parent[part]
    if value is _DELETE:
        del parent[location[-1]]
    else:
        parent[location[-1]] = value
    return result


def refusal(data: object) -> ValidationError:
    """The ValidationError that loading ``data`` raises."""
    with pytest.raises(ValidationError) as info:
        from_dict(data)
    return info.value


def problems_of(data: object) -> list[tuple[str, str]]:
    """The (path, reason) pairs of the ValidationError that loading ``data`` raises."""
    return [(problem.path, problem.reason) for problem in refusal(data).problems]


def text_problems(text: str | bytes, fmt: str) -> list[tuple[str, str]]:
    """The (path, reason) pairs of the ValidationError that ``loads`` raises."""
    with pytest.raises(ValidationError) as info:
        loads(text, fmt)  # type: ignore[arg-type]
    return [(problem.path, problem.reason) for problem in info.value.problems]


def problems_with_codes(data: object) -> list[tuple[str, str, str]]:
    """The (path, reason, code) triples of the ValidationError that loading ``data`` raises."""
    return [(problem.path, problem.reason, problem.code) for problem in refusal(data).problems]


WITH_LOADS: Final = sorted(
    name for name, document in DOCUMENTS.items() if any(p[-1] == "load" for p in places(document))
)
"""The built-in workouts whose documents write a load somewhere."""


EXERCISE = ("blocks", 0, "items", 0)
DOSE = (*EXERCISE, "dose")
REPS_EXPECTED = "expected a whole number 1–1000 or a {min, max} range, got "
ONE_DOSE_EXPECTED = (
    "expected exactly one of reps, seconds, distance, max_reps, ladder, ascending, efforts; got "
)
STEP_EXPECTED = "expected exactly one of reps, seconds, distance, max_reps; got "
TEMPO_EXPECTED = "expected four phases such as '3-1-X-0' or '31X0' (seconds, or X for explosive), got "


class TestToDict:
    """Writing a workout as plain data."""

    def test_canonical_document(self) -> None:
        """The document has the agreed keys, values and order, and leaves defaults out."""
        assert DOCUMENT == to_dict(WORKOUT)

    def test_key_order(self) -> None:
        """``schema_version`` comes first, then fields in declaration order, recursively."""
        actual = json.dumps(to_dict(WORKOUT))

        assert json.dumps(DOCUMENT) == actual

    @pytest.mark.parametrize("value", [DOCUMENT, WORKOUT.blocks[0], 5])
    def test_only_a_workout_or_a_pacing(self, value: Any) -> None:
        """Anything else is a TypeError naming its type, as the docstring says."""
        with pytest.raises(TypeError, match=f"^expected a Workout or a Pacing, got {type(value).__name__}$"):
            to_dict(value)

    @pytest.mark.parametrize("kind", [Block, dict, None])
    def test_from_dict_reads_a_workout_or_a_pacing(self, kind: Any) -> None:
        """``from_dict`` reads ``kind=Workout`` or ``kind=Pacing``; another kind is a TypeError."""
        assert WORKOUT == from_dict(DOCUMENT, Workout)
        assert Pacing(seconds_per_rep=2.5) == from_dict({"seconds_per_rep": 2.5}, Pacing)
        with pytest.raises(TypeError, match=r"^expected kind=Workout or kind=Pacing, got "):
            from_dict(DOCUMENT, kind)

    def test_defaults_omitted(self) -> None:
        """An exercise at its defaults is just its name and dose."""
        expected = {"name": "Hammer Curl", "dose": {"reps": 8}}
        assert expected == to_dict(TINY)["blocks"][0]["items"][0]

    def test_deterministic(self) -> None:
        """Equal workouts built separately give identical documents and texts."""
        again = from_dict(copy.deepcopy(DOCUMENT))

        assert to_dict(WORKOUT) == to_dict(again)
        assert dumps(WORKOUT) == dumps(again)

    def test_plain_data_only(self) -> None:
        """The document holds only dicts, lists, text, numbers and booleans."""

        def kinds(value: object) -> set[type]:
            if isinstance(value, dict):
                return {dict}.union(*(kinds(v) for v in value.values()), *(kinds(k) for k in value))
            if isinstance(value, list):
                return {list}.union(*(kinds(v) for v in value))
            return {type(value)}

        assert kinds(to_dict(WORKOUT)) <= {dict, list, str, int, float, bool}

    @pytest.mark.parametrize(
        ("dose", "data"),
        [
            (Reps(8), {"reps": 8}),
            (Reps(Range(6, 8)), {"reps": {"min": 6, "max": 8}}),
            (Duration(30), {"seconds": 30}),
            (Duration(Range(30, 45)), {"seconds": {"min": 30, "max": 45}}),
            (Distance(400), {"distance": 400}),
            (Distance(400, DistanceUnit.METRES), {"distance": 400}),
            (Distance(1, DistanceUnit.MILES), {"distance": 1, "unit": "mi"}),
            (MaxReps(), {"max_reps": True}),
            (MaxReps(60), {"max_reps": True, "time_cap": 60}),
            (Ladder((Reps(10), Duration(30))), {"ladder": [{"reps": 10}, {"seconds": 30}]}),
        ],
    )
    def test_dose_keys(
        self, dose: Reps | Duration | Distance | MaxReps | Ladder, data: dict[str, Any]
    ) -> None:
        """A dose is a mapping keyed by its kind; a range is ``{min, max}``."""
        workout = Workout(
            title="W", blocks=(Block(name="B", rounds=2, items=(Exercise(name="E", dose=dose),)),)
        )

        assert data == to_dict(workout)["blocks"][0]["items"][0]["dose"]

    def test_schema_version(self) -> None:
        """The format version is 1."""
        expected = 1
        assert expected == SCHEMA_VERSION


class TestFromDict:
    """Reading a workout from plain data."""

    def test_canonical_document(self) -> None:
        """The canonical document gives back the workout."""
        assert WORKOUT == from_dict(DOCUMENT)

    def test_input_untouched(self) -> None:
        """Loading does not change the data it reads."""
        data = copy.deepcopy(DOCUMENT)
        from_dict(data)

        assert DOCUMENT == data

    def test_defaults_filled_in(self) -> None:
        """Missing optional fields take their defaults."""
        exercise = from_dict(minimal()).blocks[0].items[0]

        assert Exercise(name="Hammer Curl", dose=Reps(8)) == exercise

    @pytest.mark.parametrize(
        ("location", "value", "problems"),
        [
            # Numbers are never rounded, parsed or made from booleans.
            ((*DOSE, "reps"), 8.9, [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "8.9")]),
            ((*DOSE, "reps"), 8.0, [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "8.0")]),
            ((*DOSE, "reps"), "8", [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "'8'")]),
            ((*DOSE, "reps"), True, [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "true")]),
            ((*DOSE, "reps"), [6, 8], [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "a list")]),
            (
                (*DOSE, "reps"),
                {"min": 8, "max": 6},
                [("blocks[0].items[0].dose.reps.max", "expected at least min (8), got 6")],
            ),
            ((*DOSE, "reps"), {"min": 6}, [("blocks[0].items[0].dose.reps.max", "required field missing")]),
            # Text is never made from numbers, and booleans are never made from numbers or text.
            ((*EXERCISE, "name"), 5, [("blocks[0].items[0].name", "expected text, got 5")]),
            (("title",), dt.date(2024, 1, 1), [("title", "expected text, got a date (2024-01-01)")]),
            (
                ("rest_between_sets", "as_needed"),
                1,
                [("rest_between_sets.as_needed", "expected true or false, got 1")],
            ),
            (
                ("rest_between_sets", "as_needed"),
                "true",
                [("rest_between_sets.as_needed", "expected true or false, got 'true'")],
            ),
            # Null is not a value for a required field, and a missing one is named.
            (("title",), None, [("title", "expected text, got null")]),
            (
                DOSE,
                None,
                [
                    (
                        "blocks[0].items[0].dose",
                        (
                            "expected a dose (reps, seconds, distance, max_reps, ladder, ascending or "
                            "efforts), got null"
                        ),
                    )
                ],
            ),
            ((*EXERCISE, "name"), _DELETE, [("blocks[0].items[0].name", "required field missing")]),
            # Lists and mappings are not interchangeable, and text is not a list of characters.
            (
                ("rest_between_sets",),
                [60],
                [("rest_between_sets", "expected a mapping of fields, got a list")],
            ),
            (
                ("source",),
                ["Runner's World"],
                [("source", "expected a mapping of fields, got a list")],
            ),
            ((*EXERCISE, "cues"), "abc", [("blocks[0].items[0].cues", "expected a list, got 'abc'")]),
            (
                (*EXERCISE, "targets"),
                {"arms": True},
                [("blocks[0].items[0].targets", "expected a list, got a mapping")],
            ),
            # Enum values are exact.
            (
                (*EXERCISE, "sides"),
                "EACH",
                [("blocks[0].items[0].sides", "expected one of both, each, alternating, got 'EACH'")],
            ),
            (
                (*EXERCISE, "sides"),
                1,
                [("blocks[0].items[0].sides", "expected one of both, each, alternating, got 1")],
            ),
            ((*EXERCISE, "tempo"), "fast", [("blocks[0].items[0].tempo", TEMPO_EXPECTED + "'fast'")]),
            # Doses name exactly one kind.
            (
                DOSE,
                {"reps": 8, "seconds": 30},
                [("blocks[0].items[0].dose", ONE_DOSE_EXPECTED + "reps and seconds")],
            ),
            (DOSE, {}, [("blocks[0].items[0].dose", ONE_DOSE_EXPECTED + "an empty mapping")]),
            (DOSE, {"max_reps": False}, [("blocks[0].items[0].dose.max_reps", "expected true, got false")]),
            (DOSE, {"max_reps": 1}, [("blocks[0].items[0].dose.max_reps", "expected true, got 1")]),
            # Inside a ladder, only single doses are possible.
            (
                DOSE,
                {"ladder": [{"reps": 10}, {"ladder": [{"reps": 1}, {"reps": 2}]}]},
                [
                    (
                        "blocks[0].items[0].dose.ladder[1]",
                        STEP_EXPECTED + "a mapping",
                    )
                ],
            ),
        ],
    )
    def test_strict(
        self, location: tuple[str | int, ...], value: object, problems: list[tuple[str, str]]
    ) -> None:
        """A value of the wrong type or shape is reported where it is, never coerced."""
        assert problems == problems_of(changed(location, value))

    @pytest.mark.parametrize(
        ("location", "key", "problem"),
        [
            ((), "titel", ("titel", "unknown field; did you mean 'title'?")),
            (DOSE, "rpes", ("blocks[0].items[0].dose.rpes", "unknown field; did you mean 'reps'?")),
            (EXERCISE, "side", ("blocks[0].items[0].side", "unknown field; did you mean 'sides'?")),
            (
                ("rest_between_sets",),
                "as_neded",
                ("rest_between_sets.as_neded", "unknown field; did you mean 'as_needed'?"),
            ),
            (
                ("rest_between_sets",),
                "colour",
                ("rest_between_sets.colour", "unknown field; expected one of seconds, as_needed, length"),
            ),
        ],
    )
    def test_unknown_keys(self, location: tuple[str | int, ...], key: str, problem: tuple[str, str]) -> None:
        """An unknown key is refused, with the closest valid key or else the list of valid ones."""
        doc = minimal()
        parent: Any = doc
        for part in location:
            parent = parent[part]
        parent[key] = 1

        assert [problem] == problems_of(doc)

    def test_unknown_dose_key_with_a_valid_one(self) -> None:
        """A misspelt key next to a valid dose key is still refused."""
        expected = [("blocks[0].items[0].dose.rpes", "unknown field; did you mean 'reps'?")]
        assert expected == problems_of(changed(DOSE, {"reps": 8, "rpes": 8}))

    def test_unknown_dose_key_without_a_close_one(self) -> None:
        """A dose with no known kind says which kinds there are."""
        expected = [
            (
                "blocks[0].items[0].dose",
                ONE_DOSE_EXPECTED + "a mapping",
            )
        ]
        assert expected == problems_of(changed(DOSE, {"weight": 8}))

    @given(data=st.data())
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_non_text_key_in_any_mapping(self, data: st.DataObject) -> None:
        """A key that is not text, in any mapping of any built-in workout, is refused there.

        A null key in a mapping below the root was once dropped with its value: the loader
        set aside the document's extra key, and for the parts, which have none, that was null.
        """
        document = copy.deepcopy(DOCUMENTS[data.draw(st.sampled_from(sorted(DOCUMENTS)), label="workout")])
        mappings = [()] + [path for path in places(document) if type(parent_of(document, (*path, 0))) is dict]
        path = data.draw(st.sampled_from(mappings), label="mapping")
        key = data.draw(st.sampled_from([None, 5, True, 1.5]), label="key")
        parent_of(document, (*path, key))[key] = "x"
        expected = [(format_path((*path, describe(key))), "unknown field (field names are text)")]
        assert expected == problems_of(document)
        text = yaml.safe_dump(document, allow_unicode=True)  # YAML is the format with such keys
        assert expected == text_problems(text, "yaml")

    @given(data=st.data())
    def test_load_that_is_not_a_mapping(self, data: st.DataObject) -> None:
        """A load (or load ladder) written as anything but a mapping is refused where it stands."""
        document = copy.deepcopy(DOCUMENTS[data.draw(st.sampled_from(WITH_LOADS), label="workout")])
        path = data.draw(st.sampled_from([p for p in places(document) if p[-1] == "load"]), label="load")
        value = data.draw(
            st.sampled_from([5, 2.5, "heavy", True, [{"amount": 5, "unit": "kg"}]]), label="value"
        )
        parent_of(document, path)[path[-1]] = value
        [problem] = problems_with_codes(document)
        assert (format_path(path), "wrong_type") == problem[::2]
        assert problem[1].endswith(f", got {describe(value)}")

    def test_non_text_key(self) -> None:
        """A key that is not text is refused (YAML allows numbers as keys)."""
        doc: dict[Any, Any] = minimal()
        doc[5] = "five"

        expected = [('["5"]', "unknown field (field names are text)")]
        assert expected == problems_of(doc)

    @pytest.mark.parametrize(
        ("location", "value", "problem"),
        [
            (
                EXERCISE,
                {"type": "triset", "exercises": []},
                ("blocks[0].items[0].type", "expected an exercise (no type) or 'superset', got 'triset'"),
            ),
            (
                EXERCISE,
                {"type": None},
                ("blocks[0].items[0].type", "expected an exercise (no type) or 'superset', got null"),
            ),
            (
                EXERCISE,
                {"type": ["superset"]},
                ("blocks[0].items[0].type", "expected an exercise (no type) or 'superset', got a list"),
            ),
            (
                ("blocks", 0, "format"),
                {"type": "tabata"},
                (
                    "blocks[0].format.type",
                    "expected 'intervals', 'emom', 'amrap' or 'for_time', got 'tabata'",
                ),
            ),
            (
                ("blocks", 0, "format"),
                {"work": 20},
                (
                    "blocks[0].format.type",
                    "required field missing: expected 'intervals', 'emom', 'amrap' or 'for_time'",
                ),
            ),
        ],
    )
    def test_type_tags(
        self, location: tuple[str | int, ...], value: object, problem: tuple[str, str]
    ) -> None:
        """Items and formats name a known ``type``; formats must name one."""
        assert [problem] == problems_of(changed(location, value))

    def test_superset_tag(self) -> None:
        """``type: superset`` reads a superset; an item without ``type`` is an exercise."""
        curl = {"name": "Hammer Curl", "dose": {"reps": 8}}
        row = {"name": "Bent-Over Wide Row", "dose": {"reps": 8}}
        doc = changed(
            ("blocks", 0, "items"), [{"type": "superset", "rounds": 3, "exercises": [row, curl]}, curl]
        )

        items = from_dict(doc).blocks[0].items

        assert [Superset, Exercise] == [type(item) for item in items]

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            (_DELETE, ("schema_version", "required field missing")),
            (None, ("schema_version", "required field missing")),
            (2, ("schema_version", "expected 1, got 2")),
            (0, ("schema_version", "expected 1, got 0")),
            ("1", ("schema_version", "expected 1, got '1'")),
            (1.0, ("schema_version", "expected 1, got 1.0")),
            (True, ("schema_version", "expected 1, got true")),
        ],
    )
    def test_schema_version(self, value: object, problem: tuple[str, str]) -> None:
        """The document must say it is format version 1, as the whole number 1."""
        assert [problem] == problems_of(changed(("schema_version",), value))

    def test_schema_version_with_other_problems(self) -> None:
        """A wrong version does not hide the document's other problems."""
        doc = changed(("title",), 5, changed(("schema_version",), 2))

        expected = ["schema_version", "title"]
        assert expected == [path for path, _ in problems_of(doc)]

    @pytest.mark.parametrize("data", [[], None, "workout", 1, [minimal()]])
    def test_not_a_mapping(self, data: object) -> None:
        """A document that is not a mapping is refused at the root."""
        [(path, reason)] = problems_of(data)

        assert "(document)" == path
        assert reason.startswith("expected a mapping with schema_version and the workout's fields, got ")

    def test_empty_mapping(self) -> None:
        """An empty mapping is missing every required field."""
        expected = [
            ("blocks", "required field missing"),
            ("schema_version", "required field missing"),
            ("title", "required field missing"),
        ]
        assert expected == problems_of({})

    def test_every_problem_at_once(self) -> None:
        """Independent problems at every depth are all reported, sorted by path."""
        doc = minimal()
        doc["schema_version"] = 2
        doc["title"] = 5
        doc["rest_between_sets"]["as_needed"] = "yes"
        doc["equipment"] = [{"name": "exercise mat"}, {"name": "dumbbell", "quantity": 0}]
        doc["source"] = {"title": "Upper-Body Workout for Runners", "credits": [{"name": "Winnie Yu"}]}
        doc["blocks"][0]["items"].append(
            {
                "type": "superset",
                "exercises": [
                    {"name": "Chest Fly", "dose": {"reps": 8.9}},
                    {"name": "Hammer Curl", "dose": {"reps": 8}},
                ],
            }
        )
        doc["blocks"].append(
            {
                "name": "Finisher",
                "format": {"type": "tabata"},
                "items": [{"name": "Burpee", "dose": {"reps": 10}, "cues": "abc"}],
            }
        )

        expected = [
            "blocks[0].items[1].exercises[0].dose.reps",
            "blocks[1].format.type",
            "blocks[1].items[0].cues",
            "equipment[1].quantity",
            "rest_between_sets.as_needed",
            "schema_version",
            "source.credits[0].role",
            "title",
        ]
        assert expected == [path for path, _ in problems_of(doc)]

    def test_indices_sort_numerically(self) -> None:
        """Problems in item 2 come before problems in item 10."""
        doc = minimal()
        doc["blocks"][0]["items"] = [{"name": f"Exercise {i}", "dose": {"reps": 8}} for i in range(12)]
        doc["blocks"][0]["items"][10]["dose"]["reps"] = 0
        doc["blocks"][0]["items"][2]["dose"]["reps"] = 0

        expected = ["blocks[0].items[2].dose.reps", "blocks[0].items[10].dose.reps"]
        assert expected == [path for path, _ in problems_of(doc)]

    def test_model_rules_apply(self) -> None:
        """The loader applies the constructors' rules between fields."""
        doc = changed((*EXERCISE, "rest_between_sets"), {"seconds": 60})

        expected = [
            ("blocks[0].items[0].rest_between_sets", "only applies to straight sets: set sets above 1")
        ]
        assert expected == problems_of(doc)

    def test_relations_reported_with_field_problems(self) -> None:
        """A rule between fields is reported alongside a bad field elsewhere."""
        doc = changed(("title",), 5)
        doc["blocks"].append(copy.deepcopy(doc["blocks"][0]))

        expected = [("blocks[1].name", "duplicate block name 'Main'"), ("title", "expected text, got 5")]
        assert expected == problems_of(doc)

    def test_huge_integer(self) -> None:
        """A 5000-digit integer is refused with a ValidationError."""
        expected = ["blocks[0].items[0].dose.reps"]
        assert expected == [path for path, _ in problems_of(changed((*DOSE, "reps"), 10**5000))]

    def test_too_deep(self) -> None:
        """Data nested deeper than any workout is refused before it is read."""
        deep: Any = "x"
        for _ in range(100):
            deep = [deep]

        [(path, reason)] = problems_of(changed(("notes",), deep))

        assert "(document)" == path
        assert reason.startswith("document nested too deeply")


def number_paths(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every number (not a boolean) inside a document."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in number_paths(value, (*path, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in number_paths(value, (*path, index))]
    return [path] if type(data) in (int, float) else []


def replaced(data: Any, path: tuple[str | int, ...], value: object) -> Any:
    """A deep copy of ``data`` with the value at ``path`` replaced."""
    data = copy.deepcopy(data)
    *parents, last = path
    parent = data
    for step in parents:
        parent = parent[step]
    parent[last] = value
    return data


class TestTwoPasses:
    """The fast path reads every valid document alone; the collecting pass agrees with it."""

    @staticmethod
    def documents() -> list[dict[str, Any]]:
        """Every built-in workout's document, and the canonical one."""
        return [to_dict(catalog.get(name)) for name in catalog.names()] + [DOCUMENT]

    def test_a_valid_document_is_read_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No valid document reaches the collecting pass: it is for documents the fast path refused."""

        def collecting(_: object, doubt: object) -> Workout:
            msg = f"the collecting pass ran on a valid document ({doubt!r})"
            raise AssertionError(msg)

        monkeypatch.setattr(convert, "_explain_document", collecting)
        for document in self.documents():
            assert from_dict(document) == from_dict(copy.deepcopy(document))
        assert WORKOUT == loads(dumps(WORKOUT))

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(workout=strategies.workouts())
    def test_a_generated_workout_is_read_once(self, workout: Workout) -> None:
        """Generated workouts too: the fast path builds them without a doubt."""
        data = to_dict(workout)
        read = convert._reader(Workout, "schema_version")  # the fast path itself
        assert read is not None
        assert workout == validated.doubting(read, data)

    def test_the_collecting_pass_alone_reads_the_same_workout(self) -> None:
        """Given a valid document without the fast path's help, the collecting pass builds it too.

        First with the fast path trying each part of the document, then with no part tried.
        """
        for document in self.documents():
            workout = from_dict(document)
            assert workout == convert._explain_document(document, convert._Problems())
            assert workout == convert._explain_document(document, convert._Problems(fast=False))


class TestHugeNumbers:
    """A number of any size where a number is expected is a problem at its path, never an overflow."""

    DOCUMENTS: Final = {name: to_dict(runstrength.catalog.get(name)) for name in runstrength.catalog.names()}
    CASES: Final = [
        (name, path) for name, document in DOCUMENTS.items() for path in number_paths(document) if path
    ]

    def test_every_kind_of_number_is_covered(self) -> None:
        """The catalogue's documents hold whole numbers and decimals under many different fields."""
        fields = {next(part for part in reversed(path) if isinstance(part, str)) for _, path in self.CASES}
        assert {"seconds", "reps", "min", "max", "amount", "distance", "rounds", "sets"} <= fields

    @pytest.mark.parametrize("huge", [10**400, -(10**400)], ids=["plus", "minus"])
    def test_refused_at_its_path(self, huge: int) -> None:
        """Every number in every built-in document, made 400 digits long, is refused at its own path."""
        for name, path in self.CASES:
            with pytest.raises(ValidationError) as caught:
                from_dict(replaced(self.DOCUMENTS[name], path, huge))
            shown = runstrength.Problem(path, "").path
            assert any(problem.path.startswith(shown) for problem in caught.value.problems), (name, shown)


def hostile_inputs() -> list[Any]:
    """Texts that must give a ValidationError, and nothing else, in the given format."""
    big = "9" * 5000
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    nested = "[" * 100_000 + "]" * 100_000
    return [
        pytest.param('{"title": }', "json", id="json-malformed"),
        pytest.param('{"title": "W"', "json", id="json-unclosed"),
        pytest.param("title: [1, 2", "yaml", id="yaml-malformed"),
        pytest.param("title: 'W", "yaml", id="yaml-unclosed"),
        pytest.param("title = ", "toml", id="toml-malformed"),
        pytest.param("[blocks", "toml", id="toml-unclosed"),
        pytest.param('{"schema_version": 1, "title": NaN}', "json", id="json-nan"),
        pytest.param('{"schema_version": Infinity}', "json", id="json-infinity"),
        pytest.param('{"schema_version": -Infinity}', "json", id="json-minus-infinity"),
        pytest.param('{"rest_between_sets": {"seconds": 1e999}}', "json", id="json-overflow"),
        pytest.param("schema_version = nan", "toml", id="toml-nan"),
        pytest.param("schema_version = inf", "toml", id="toml-inf"),
        pytest.param('{"title": "A", "title": "B"}', "json", id="json-duplicate"),
        pytest.param('{"blocks": [{"name": "A", "name": "B"}]}', "json", id="json-duplicate-nested"),
        pytest.param("title: A\ntitle: B\n", "yaml", id="yaml-duplicate"),
        pytest.param("blocks:\n- name: A\n  name: B\n", "yaml", id="yaml-duplicate-nested"),
        pytest.param('title = "A"\ntitle = "B"\n', "toml", id="toml-duplicate"),
        pytest.param('{"schema_version": ' + big + "}", "json", id="json-huge-integer"),
        pytest.param("schema_version: " + big + "\n", "yaml", id="yaml-huge-integer"),
        pytest.param("schema_version = " + big + "\n", "toml", id="toml-huge-integer"),
        pytest.param(nested, "json", id="json-deep"),
        pytest.param(nested, "yaml", id="yaml-deep"),
        pytest.param("a = " + nested, "toml", id="toml-deep"),
        pytest.param("!!python/object/apply:os.system ['true']", "yaml", id="yaml-python-apply"),
        pytest.param("title: !!python/object:builtins.dict {}\n", "yaml", id="yaml-python-object"),
        pytest.param("title: !!python/name:os.system\n", "yaml", id="yaml-python-name"),
        pytest.param(bomb, "yaml", id="yaml-alias-bomb"),
        pytest.param("[]", "json", id="json-list"),
        pytest.param("null", "json", id="json-null"),
        pytest.param('"workout"', "json", id="json-text"),
        pytest.param("", "json", id="json-empty"),
        pytest.param("", "yaml", id="yaml-empty"),
        pytest.param("", "toml", id="toml-empty"),
        pytest.param("a: 1\n---\nb: 2\n", "yaml", id="yaml-two-documents"),
        pytest.param(b'{"title": "\xff"}', "json", id="json-not-utf8"),
        pytest.param(b"title: \xff\n", "yaml", id="yaml-not-utf8"),
        pytest.param(b'title = "\xff"\n', "toml", id="toml-not-utf8"),
        pytest.param("{}" + " " * MAX_SIZE, "json", id="json-too-large"),
        pytest.param(b"{}" + b" " * MAX_SIZE, "json", id="json-too-large-bytes"),
    ]


class TestLoads:
    """Reading a workout from text."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trip(self, fmt: str) -> None:
        """Text written in a format reads back as an equal workout."""
        assert WORKOUT == loads(dumps(WORKOUT, fmt), fmt)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_bytes(self, fmt: str) -> None:
        """UTF-8 bytes are read like text."""
        data = dumps(WORKOUT, fmt).encode()  # type: ignore[arg-type]

        assert WORKOUT == loads(data, fmt)  # type: ignore[arg-type]
        assert WORKOUT == loads(bytearray(data), fmt)  # type: ignore[arg-type]

    def test_json_by_default(self) -> None:
        """Without a format, text is read as JSON."""
        assert TINY == loads(TINY_JSON)

    @pytest.mark.parametrize(("text", "fmt"), hostile_inputs())
    def test_hostile_input(self, text: str | bytes, fmt: str) -> None:
        """Malformed, ambiguous, oversized or dangerous text gives a ValidationError and nothing else."""
        start = time.perf_counter()
        with pytest.raises(ValidationError):
            loads(text, fmt)  # type: ignore[arg-type]

        assert time.perf_counter() - start < 10

    @pytest.mark.parametrize(
        ("text", "fmt", "start"),
        [
            ('{"title": }', "json", "not valid JSON: "),
            ("title: [1, 2", "yaml", "not valid YAML: "),
            ("title = ", "toml", "not valid TOML: "),
            ('{"title": "A", "title": "B"}', "json", "not valid JSON: duplicate key 'title'"),
            ("title: A\ntitle: B\n", "yaml", "not valid YAML: "),
            ('{"schema_version": NaN}', "json", "not valid JSON: NaN is not a number JSON allows"),
            ("!!python/object/apply:os.system ['true']", "yaml", "not valid YAML: "),
            (b"title: \xff\n", "yaml", "not valid YAML: not UTF-8 text"),
            ("{}" + " " * MAX_SIZE, "json", "document too large"),
        ],
    )
    def test_malformed_text_reported_at_root(self, text: str | bytes, fmt: str, start: str) -> None:
        """Text that does not parse is one problem at ``$`` saying what is wrong."""
        [(path, reason)] = text_problems(text, fmt)

        assert "(document)" == path
        assert reason.startswith(start)

    def test_yaml_duplicate_key_named(self) -> None:
        """A duplicate YAML key is named in the reason."""
        [(_, reason)] = text_problems("title: A\ntitle: B\n", "yaml")

        assert "duplicate key 'title'" in reason

    def test_alias_bomb_is_bounded(self) -> None:
        """YAML aliases that expand to billions of values are refused as too large, quickly."""
        bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        )
        start = time.perf_counter()

        [(path, reason)] = text_problems(bomb, "yaml")

        assert "(document)" == path
        assert reason.startswith("document too large")
        assert time.perf_counter() - start < 5

    def test_yaml_is_not_coerced(self) -> None:
        """YAML values keep the type YAML 1.2 gives them: quoted '8' is text; a date is text too."""
        text = """\
schema_version: 1
title: 2024-01-01
blocks: [{name: Main, items: [{name: Curl, dose: {reps: '8'}}]}]
"""

        expected = [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "'8'")]
        assert expected == text_problems(text, "yaml")

    def test_problems_from_text_have_paths(self) -> None:
        """Problems in parsed text are reported with their paths, like from_dict's."""
        text = json.dumps(changed((*DOSE, "reps"), 8.9))

        expected = [("blocks[0].items[0].dose.reps", REPS_EXPECTED + "8.9")]
        assert expected == text_problems(text, "json")

    def test_unknown_format(self) -> None:
        """An unknown format name is a ValueError naming the known ones."""
        with pytest.raises(ValueError, match="expected one of json, yaml, toml"):
            loads(TINY_JSON, "xml")  # type: ignore[arg-type]


class TestDumps:
    """Writing a workout as text."""

    def test_json_text(self) -> None:
        """JSON is indented by two spaces and ends with a newline."""
        assert TINY_JSON == dumps(TINY)

    def test_yaml_text(self) -> None:
        """YAML keeps the document's key order, in block style."""
        assert TINY_YAML == dumps(TINY, "yaml")

    def test_toml_text(self) -> None:
        """TOML starts with the schema version and reads back as the same document."""
        text = dumps(WORKOUT, "toml")

        assert text.startswith("schema_version = 1\n")
        assert DOCUMENT == tomllib.loads(text)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_non_ascii_kept(self, fmt: str) -> None:
        """Non-ASCII text is written as itself, not escaped."""
        workout = Workout(title="Child’s Pose – cool-down", blocks=TINY.blocks)

        assert "Child’s Pose – cool-down" in dumps(workout, fmt)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_deterministic(self, fmt: str) -> None:
        """The same workout always gives the same text."""
        again = from_dict(copy.deepcopy(DOCUMENT))

        assert dumps(WORKOUT, fmt) == dumps(again, fmt)  # type: ignore[arg-type]

    def test_unknown_format(self) -> None:
        """An unknown format name is a ValueError."""
        with pytest.raises(ValueError, match="unknown format 'xml'"):
            dumps(TINY, "xml")  # type: ignore[arg-type]


class TestLoadDump:
    """Reading and writing files."""

    @pytest.mark.parametrize("name", ["w.json", "w.yaml", "w.yml", "w.toml", "W.JSON", "w.Yaml"])
    def test_round_trip_by_suffix(self, tmp_path: Path, name: str) -> None:
        """The format follows the file's suffix, in any case."""
        path = tmp_path / name
        dump(WORKOUT, path)

        assert WORKOUT == load(path)
        assert WORKOUT == load(str(path))

    @pytest.mark.parametrize(
        ("name", "parse"),
        [("w.json", json.loads), ("w.toml", tomllib.loads)],
    )
    def test_suffix_chooses_format(self, tmp_path: Path, name: str, parse: Any) -> None:
        """A .json file holds JSON and a .toml file holds TOML."""
        path = tmp_path / name
        dump(WORKOUT, path)

        assert DOCUMENT == parse(path.read_text(encoding="utf-8"))

    def test_yaml_suffix_chooses_yaml(self, tmp_path: Path) -> None:
        """A .yml file holds YAML."""
        path = tmp_path / "w.yml"
        dump(TINY, path)

        assert TINY_YAML == path.read_text(encoding="utf-8")

    def test_explicit_format_wins(self, tmp_path: Path) -> None:
        """A given format overrides the suffix."""
        path = tmp_path / "w.txt"
        dump(TINY, path, format="yaml")

        assert TINY_YAML == path.read_text(encoding="utf-8")
        assert TINY == load(path, format="yaml")

    @pytest.mark.parametrize("name", ["w.txt", "w", "w.json.bak", "w.jsn"])
    def test_unknown_suffix(self, tmp_path: Path, name: str) -> None:
        """A suffix that names no format is a ValueError, and nothing is written."""
        path = tmp_path / name
        with pytest.raises(ValueError, match=r"expected a \.json, \.yaml, \.yml or \.toml file"):
            dump(TINY, path)
        assert not path.exists()

        path.write_text(TINY_JSON, encoding="utf-8")
        with pytest.raises(ValueError, match=r"expected a \.json, \.yaml, \.yml or \.toml file"):
            load(path)

    def test_utf8(self, tmp_path: Path) -> None:
        """Files are written as UTF-8 whatever the locale."""
        path = tmp_path / "w.json"
        dump(Workout(title="Child’s Pose", blocks=TINY.blocks), path)

        assert "Child’s Pose" in path.read_bytes().decode("utf-8")

    def test_invalid_file(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 gives a ValidationError."""
        path = tmp_path / "w.yaml"
        path.write_bytes(b"title: \xff\n")

        with pytest.raises(ValidationError, match="not UTF-8"):
            load(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist raises the usual OSError."""
        with pytest.raises(FileNotFoundError):
            load(tmp_path / "missing.json")


class TestDocumentError:
    """The ValidationError a bad document raises."""

    @pytest.fixture
    def error(self) -> ValidationError:
        """The error of a document with three problems."""
        doc = changed(("title",), 5, changed((*DOSE, "reps"), 8.9, changed(("schema_version",), 2)))
        with pytest.raises(ValidationError) as info:
            loads(json.dumps(doc))
        return info.value

    def test_str_is_one_line_per_problem(self, error: ValidationError) -> None:
        """``str()`` is one ``path: reason`` line per problem, sorted by path."""
        expected = [
            "blocks[0].items[0].dose.reps: expected a whole number 1–1000 or a {min, max} range, got 8.9",
            "schema_version: expected 1, got 2",
            "title: expected text, got 5",
        ]
        assert expected == str(error).splitlines()

    def test_catchable_as_value_error(self, error: ValidationError) -> None:
        """The error is a ValueError and a RunstrengthError."""
        assert isinstance(error, ValueError)
        assert isinstance(error, RunstrengthError)

    def test_pickle(self, error: ValidationError) -> None:
        """A pickled error keeps its problems."""
        restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data

        assert error.problems == restored.problems
        assert str(error) == str(restored)


class TestPublicNames:
    """The document functions are exported from the package."""

    def test_exported(self) -> None:
        """Every document function is reachable from ``runstrength``."""
        names = {"SCHEMA_VERSION", "dump", "dumps", "from_dict", "load", "loads", "to_dict"}

        assert names <= set(runstrength.__all__)
