import copy
import json
import types
import typing
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any, NamedTuple, get_args, get_origin

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from runstrength import (
    Ascending,
    Distance,
    Duration,
    Efforts,
    Exercise,
    Ladder,
    LoadLadder,
    MaxReps,
    Reps,
    Tempo,
    ValidationError,
    Workout,
    catalog,
    from_dict,
    json_schema,
    loads,
    strategies,
    to_dict,
)
from runstrength._document.convert import MAX_SIZE
from runstrength._document.schema import LOADER_ONLY_RULES

# The schema's properties are its main guarantee: five times the profile's examples (a
# thousand in CI, a hundred and fifty locally) for valid documents, run as five shards of the
# profile's count so that the cores share them, and the profile's for each mutation.
SHARDS = range(5)
MUTATION = settings(max_examples=settings().max_examples)

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA)

Location = tuple[str | int, ...]


def without_description(schema: dict[str, Any]) -> dict[str, Any]:
    """A property's schema without its ``description``."""
    return {key: value for key, value in schema.items() if key != "description"}


class TestJsonSchema:
    """The JSON Schema of the document format."""

    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema is itself valid under the draft 2020-12 meta-schema."""
        Draft202012Validator.check_schema(SCHEMA)

    def test_identifies_itself(self) -> None:
        """The schema names its dialect, its identifier and a title, and starts at the workout."""
        expected = (
            "https://json-schema.org/draft/2020-12/schema",
            "https://runstrength.dev/schema/workout-1.json",
            "runstrength workout document",
            "#/$defs/Workout",
        )
        assert expected == (SCHEMA["$schema"], SCHEMA["$id"], SCHEMA["title"], SCHEMA["$ref"])

    def test_a_definition_per_class_of_the_document(self) -> None:
        """Every class a document can hold has a definition; ranges are written inline."""
        expected = [
            "Amrap", "Ascending", "Block", "BlockChange", "Credit", "Distance", "Duration", "Effort",
            "Efforts", "Emom", "Equipment", "Exercise", "ExerciseChange", "ForTime", "Frequency",
            "Intervals", "Ladder", "Level", "Load", "LoadLadder", "MaxReps", "Modification", "Reps",
            "Rest", "Source", "Superset", "Tempo", "Workout",
        ]  # fmt: skip
        assert expected == list(SCHEMA["$defs"])

    @pytest.mark.parametrize("name", list(SCHEMA["$defs"]))
    def test_every_definition_is_described(self, name: str) -> None:
        """Each definition has a title and a description taken from its class's docstring."""
        definition = SCHEMA["$defs"][name]

        assert definition["title"]
        assert definition["description"].startswith(definition["title"])
        assert ">>>" not in definition["description"]

    def test_description_keeps_the_prose(self) -> None:
        """A docstring's later paragraphs join the description; its line breaks within one do not."""
        summary, *rest = SCHEMA["$defs"]["Block"]["description"].split("\n\n")

        assert (
            "A section of a workout (warm-up, main, cool-down…): exercises and supersets done in order."
            == summary
        )
        assert rest[0].startswith("``rounds`` repeats the whole block; ``format`` makes it timed (intervals,")
        assert "\n" not in rest[0]

    @pytest.mark.parametrize(
        ("name", "required"),
        [
            ("Workout", ["schema_version", "title", "blocks"]),
            ("Block", ["name", "items"]),
            ("Exercise", ["name", "dose"]),
            ("Superset", ["type", "exercises"]),
            ("Intervals", ["type", "work"]),
            ("Emom", ["type", "every", "duration"]),
            ("Amrap", ["type", "time_cap"]),
            ("Reps", ["reps"]),
            ("Duration", ["seconds"]),
            ("Distance", ["distance"]),
            ("MaxReps", ["max_reps"]),
            ("Ladder", ["ladder"]),
            ("Rest", []),
            ("Load", []),
            ("Modification", ["name", "kind"]),
        ],
    )
    def test_required_keys(self, name: str, required: list[str]) -> None:
        """Fields without a default are required, and so are a tag, a marker and the version."""
        assert required == SCHEMA["$defs"][name]["required"]

    @pytest.mark.parametrize("name", [name for name in SCHEMA["$defs"] if name != "Tempo"])
    def test_no_other_keys(self, name: str) -> None:
        """Every mapping refuses keys it does not define."""
        assert SCHEMA["$defs"][name]["additionalProperties"] is False

    @pytest.mark.parametrize(
        ("name", "key", "schema"),
        [
            ("Workout", "schema_version", {"const": 1}),
            ("MaxReps", "max_reps", {"const": True}),
            ("Superset", "type", {"const": "superset"}),
            ("Intervals", "type", {"const": "intervals"}),
            ("Emom", "type", {"const": "emom"}),
            ("Amrap", "type", {"const": "amrap"}),
        ],
    )
    def test_tags_and_markers(self, name: str, key: str, schema: dict[str, Any]) -> None:
        """The version, the max_reps marker and the type tags are constants, listed first."""
        properties = SCHEMA["$defs"][name]["properties"]

        assert schema == properties[key]
        assert key == next(iter(properties))

    def test_exercise_items_have_no_tag(self) -> None:
        """An exercise is the block item without a ``type``."""
        assert "type" not in SCHEMA["$defs"]["Exercise"]["properties"]

    @pytest.mark.parametrize("name", sorted(SCHEMA["$defs"]))
    def test_every_property_is_described(self, name: str) -> None:
        """Every field's schema carries the field's meaning, as declared on the model."""
        properties = SCHEMA["$defs"][name].get("properties", {})
        undescribed = [
            key
            for key, schema in properties.items()
            if "const" not in schema and not schema.get("description")
        ]
        assert [] == undescribed

    def test_doses_are_exclusive(self) -> None:
        """A dose is exactly one of the dose kinds, told apart by its key."""
        expected = {
            "oneOf": [
                {"$ref": "#/$defs/Reps"},
                {"$ref": "#/$defs/Duration"},
                {"$ref": "#/$defs/Distance"},
                {"$ref": "#/$defs/MaxReps"},
                {"$ref": "#/$defs/Ladder"},
                {"$ref": "#/$defs/Ascending"},
                {"$ref": "#/$defs/Efforts"},
            ]
        }
        assert expected == without_description(SCHEMA["$defs"]["Exercise"]["properties"]["dose"])

    def test_amounts_are_a_number_or_a_range(self) -> None:
        """A rep count is a whole number or a {min, max} mapping of whole numbers."""
        whole = {"type": "integer", "minimum": 1, "maximum": 1000}
        expected = {
            "anyOf": [
                whole,
                {
                    "type": "object",
                    "properties": {"min": whole, "max": whole},
                    "required": ["min", "max"],
                    "additionalProperties": False,
                },
            ]
        }
        assert expected == without_description(SCHEMA["$defs"]["Reps"]["properties"]["reps"])

    def test_tempo_is_text(self) -> None:
        """A tempo is written as its notation, refused when every phase is zero."""
        tempo = SCHEMA["$defs"]["Tempo"]

        assert "string" == tempo["type"]
        assert {"pattern": r"^(?:0+-0+-0+-0+|0000)(?![\s\S])"} == tempo["not"]

    @pytest.mark.parametrize(
        ("name", "key", "default"),
        [
            ("Exercise", "sides", "both"),
            ("Exercise", "sets", 1),
            ("Exercise", "cues", []),
            ("Distance", "unit", "m"),
        ],
    )
    def test_defaults_as_written(self, name: str, key: str, default: object) -> None:
        """A field's default is given as a document writes it."""
        assert default == SCHEMA["$defs"][name]["properties"][key]["default"]

    def test_deterministic(self) -> None:
        """The same schema, keys in the same order, comes out every time."""
        assert json.dumps(SCHEMA) == json.dumps(json_schema())

    def test_a_fresh_copy_each_time(self) -> None:
        """Changing the returned schema does not change the next one."""
        changed = json_schema()
        changed["$defs"]["Reps"]["required"].clear()

        assert ["reps"] == json_schema()["$defs"]["Reps"]["required"]

    def test_plain_json(self) -> None:
        """The schema is plain JSON data."""
        assert SCHEMA == json.loads(json.dumps(SCHEMA))


class TestValidDocuments:
    """Every document runstrength writes is valid under the schema."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_the_built_in_workouts(self, name: str) -> None:
        """Every built-in workout's document validates."""
        assert [] == [error.message for error in VALIDATOR.iter_errors(to_dict(catalog.get(name)))]

    @pytest.mark.parametrize("shard", SHARDS)
    @MUTATION
    @given(strategies.workouts())
    def test_every_written_document(self, shard: int, workout: Workout) -> None:  # noqa: ARG002 - a shard of the run
        """Any valid workout's document validates."""
        assert [] == [error.message for error in VALIDATOR.iter_errors(to_dict(workout))]


# --- mutations: documents made invalid in shape or type ------------------------------------


class Node(NamedTuple):
    """A mapping of a document, the model object it stands for, and where it is."""

    location: Location
    value: Any
    data: dict[str, Any]


def nodes(value: Any, data: Any, location: Location = ()) -> Iterator[Node]:
    """Every mapping of a document with the object it describes, walking both together."""
    if isinstance(data, dict):
        yield Node(location, value, data)
        for key, item in data.items():
            if attrs.has(type(value)) and key in attrs.fields_dict(type(value)):
                yield from nodes(getattr(value, key), item, (*location, key))
    elif isinstance(data, list):
        for index, (item_value, item) in enumerate(zip(value, data, strict=True)):
            yield from nodes(item_value, item, (*location, index))


def field_types(cls: type) -> dict[str, Any]:
    """A class's fields and their (resolved) types."""
    attrs.resolve_types(cls)
    return {field.name: field.type for field in attrs.fields(cls)}


def is_enum(hint: Any) -> bool:
    """Whether a type hint is an enumeration."""
    return isinstance(hint, type) and not get_args(hint) and issubclass(hint, StrEnum)


def json_kinds(hint: Any) -> set[str]:
    """The JSON types a value of a Python type hint is written as."""
    if get_origin(hint) in (typing.Union, types.UnionType):
        return set().union(*map(json_kinds, get_args(hint)))
    if get_origin(hint) is tuple:
        return {"array"}
    kinds = {type(None): {"null"}, bool: {"boolean"}, int: {"integer"}, float: {"integer", "number"}}
    if hint in kinds:
        return kinds[hint]
    if hint is str or hint is Tempo or is_enum(hint):
        return {"string"}
    assert attrs.has(hint)
    return {"object"}


# Integer-valued floats (8.0) are missing on purpose: the schema takes them as integers.
WRONG_VALUES = {
    "string": "8",
    "integer": 8,
    "number": 8.5,
    "boolean": True,
    "null": None,
    "array": [8],
    "object": {"value": 8},
}
DOSE_KEYS = {
    "reps": 8,
    "seconds": 30,
    "distance": 400,
    "max_reps": True,
    "ladder": [{"reps": 8}, {"reps": 6}],
    "efforts": 3,
    "ascending": 2,
}
TAGS = ("superset", "intervals", "emom", "amrap", "exercise", "circuit", "Superset", "")


class Slot(NamedTuple):
    """A place in a document that holds a value of a known type."""

    container: Location
    key: str | int
    hint: Any


def slots(document: dict[str, Any], workout: Workout) -> Iterator[Slot]:
    """Every field of every mapping (present or not) and every list item, with its type."""
    yield Slot((), "schema_version", int)
    for node in nodes(workout, document):
        cls = type(node.value)
        for key, hint in field_types(cls).items():
            yield Slot(node.location, key, hint)
            if get_origin(hint) is tuple and isinstance(node.data.get(key), list):
                item_hint = get_args(hint)[0]
                for index in range(len(node.data[key])):
                    yield Slot((*node.location, key), index, item_hint)
        if "type" in node.data:
            yield Slot(node.location, "type", str)
        if cls is MaxReps:
            yield Slot(node.location, "max_reps", bool)


def place(document: dict[str, Any], location: Location) -> Any:
    """The value at a location of a document."""
    for part in location:
        document = document[part]  # type: ignore[index]
    return document


def changed(document: dict[str, Any], container: Location, key: str | int, value: object) -> dict[str, Any]:
    """A copy of the document with one value set (``...`` removes the key)."""
    copied = copy.deepcopy(document)
    target = place(copied, container)
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return copied


def assert_rejected(document: dict[str, Any], where: Location) -> None:
    """Both the schema and the loader refuse the document, the loader at or under ``where``."""
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError) as info:
        from_dict(document)
    found = [problem.location for problem in info.value.problems]
    assert any(where == location[: len(where)] for location in found), (where, found)


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], Workout]:
    """A valid workout and its document."""
    workout = draw(strategies.workouts(max_blocks=2, max_items=3))
    return to_dict(workout), workout


class TestInvalidDocuments:
    """A document broken in shape or type is refused by both the schema and the loader."""

    @MUTATION
    @given(documents(), st.data())
    def test_wrong_json_type(self, document: tuple[dict[str, Any], Workout], data: st.DataObject) -> None:
        """A value of a JSON type its field never takes is refused."""
        doc, workout = document
        slot = data.draw(st.sampled_from(list(slots(doc, workout))))
        wrong = [value for kind, value in WRONG_VALUES.items() if kind not in json_kinds(slot.hint)]
        value = data.draw(st.sampled_from(wrong))

        assert_rejected(changed(doc, slot.container, slot.key, value), (*slot.container, slot.key))

    @MUTATION
    @given(documents(), st.data())
    def test_missing_required_key(
        self, document: tuple[dict[str, Any], Workout], data: st.DataObject
    ) -> None:
        """A mapping without a field that has no default, its tag or its marker is refused.

        (A load ladder without its steps is an empty mapping, which the schema reads as a load:
        that a load has a level or an amount is one of the rules only the loader checks.)
        """
        doc, workout = document
        required = [
            (node.location, key)
            for node in nodes(workout, doc)
            for key in node.data
            if (
                key in ("schema_version", "type", "max_reps")
                or attrs.fields_dict(type(node.value))[key].default is attrs.NOTHING
            )
            and not (isinstance(node.value, LoadLadder) and len(node.data) == 1)
        ]
        location, key = data.draw(st.sampled_from(required))

        assert_rejected(changed(doc, location, key, ...), location)

    @MUTATION
    @given(documents(), st.data(), st.sampled_from(["rpes", "colour", "Name", "unknown", "$ref"]))
    def test_unknown_key(
        self, document: tuple[dict[str, Any], Workout], data: st.DataObject, key: str
    ) -> None:
        """A key no mapping of that kind defines is refused."""
        doc, workout = document
        node = data.draw(st.sampled_from(list(nodes(workout, doc))))

        assert_rejected(changed(doc, node.location, key, 1), node.location)

    @MUTATION
    @given(documents(), st.data(), st.sampled_from(["", "Each", "both sides", "warmup", "KG", "other "]))
    def test_bad_enum_value(
        self, document: tuple[dict[str, Any], Workout], data: st.DataObject, text: str
    ) -> None:
        """Text that is none of an enumeration's values is refused."""
        doc, workout = document
        choices = [
            slot
            for slot in slots(doc, workout)
            if any(is_enum(hint) for hint in (slot.hint, *get_args(slot.hint)))
        ]
        slot = data.draw(st.sampled_from(choices))

        assert_rejected(changed(doc, slot.container, slot.key, text), (*slot.container, slot.key))

    @MUTATION
    @given(documents(), st.data(), st.sampled_from(TAGS))
    def test_unknown_type_tag(
        self, document: tuple[dict[str, Any], Workout], data: st.DataObject, tag: str
    ) -> None:
        """A ``type`` naming another kind of thing, or set on an exercise, is refused.

        (An AMRAP and a for-time block may hold the same keys, a cap and a score: either tag
        fits the other's mapping, so they are not swapped for each other here.)
        """
        doc, workout = document
        capped = {"amrap", "for_time"}
        tagged = [
            node
            for node in nodes(workout, doc)
            if (node.data.get("type", tag) != tag or isinstance(node.value, Exercise))
            and not (tag in capped and node.data.get("type") in capped)
        ]
        node = data.draw(st.sampled_from(tagged))

        assert_rejected(changed(doc, node.location, "type", tag), node.location)

    @MUTATION
    @given(documents(), st.data())
    def test_two_kinds_of_dose(self, document: tuple[dict[str, Any], Workout], data: st.DataObject) -> None:
        """A dose with the keys of two kinds (reps and seconds) is refused."""
        doc, workout = document
        doses = [
            node
            for node in nodes(workout, doc)
            if type(node.value) in (Reps, Duration, Distance, MaxReps, Ladder, Ascending, Efforts)
        ]
        node = data.draw(st.sampled_from(doses))
        key = data.draw(st.sampled_from([key for key in DOSE_KEYS if key not in node.data]))

        assert_rejected(changed(doc, node.location, key, DOSE_KEYS[key]), node.location)


# --- rules the schema cannot express ---------------------------------------------------------


def exercise(**fields: Any) -> dict[str, Any]:
    """An exercise's mapping, changed as asked."""
    return {"name": "Hammer Curl", "dose": {"reps": 8}, **fields}


def block(*items: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A block's mapping (one exercise unless given), changed as asked."""
    return {"name": "Main", **fields, "items": list(items) or [exercise()]}


def superset(*exercises: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A superset's mapping (two exercises unless given), changed as asked."""
    members = list(exercises) or [exercise(), exercise(name="Chest Fly")]
    return {"type": "superset", "rounds": 3, **fields, "exercises": members}


def workout(*blocks: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A workout document (one block unless given), changed as asked."""
    return {"schema_version": 1, "title": "Upper-Body Workout", **fields, "blocks": list(blocks) or [block()]}


LADDER = {"ladder": [{"reps": 10}, {"reps": 8}]}
TIMED = {"type": "intervals", "work": 30, "rest": 10}
EMOM = {"type": "emom", "every": 60, "duration": 600}
AMRAP = {"type": "amrap", "time_cap": 600}
TOO_MANY_VALUES = workout(
    *(
        block(*(exercise(cues=["Keep the elbows still."] * 20) for _ in range(100)), name=f"{n}")
        for n in range(50)
    )
)


class Case(NamedTuple):
    """A document that breaks one rule the schema cannot express, and where the loader says so."""

    rule: str
    document: dict[str, Any] | str
    path: str


PACE_OR_INTENSITY, PACED_ONCE = (
    next(rule for rule in LOADER_ONLY_RULES if rule.startswith(start))
    for start in ("A distance has a pace or an intensity", "An effort's intensity")
)
FIRST_SIDE, SWITCH_SIDES, PER_SIDE = (
    next(rule for rule in LOADER_ONLY_RULES if rule.startswith(start))
    for start in ("An exercise's first_side", "An exercise's switch_sides", "An exercise's per_side")
)


def _rule(start: str) -> str:
    """The one listed rule starting with ``start`` (the list's order follows the model's nesting)."""
    (found,) = [rule for rule in LOADER_ONLY_RULES if rule.startswith(start)]
    return found


FLOATS, RANGE, DISTANCE, LOAD, EFFORT = map(
    _rule, ("A whole number is", "A {min, max} range", "A distance is", "A load has", "An effort has")
)
REST_BETWEEN_SETS, LADDERS, MODIFICATIONS, MODIFICATIONS_APPLY = map(
    _rule,
    (
        "An exercise's rest_between_sets",
        "A ladder dose",
        "An exercise's modification names",
        "Applying a modification",
    ),
)
SUPERSET_SETS, ACTIVE_REST, EMOM_MULTIPLE = map(
    _rule, ("An exercise inside a superset", "An interval block's active_rest needs", "An EMOM's duration")
)
TIMED_ITEMS, BLOCK_NAMES, URL_HOST, SIZE = map(
    _rule, ("A timed block", "Block names", "A URL names", "A document holds")
)
ROUND_LENGTH = _rule("A block's stated_round_duration")
WORK = TIMED_ITEMS
REQUIRED_BLOCK, REQUIRED_ITEM, REQUIRED_PAIR, ACTIVE_REST_REQUIRED = map(
    _rule,
    (
        "A workout keeps at least one block",
        "A block keeps at least one item",
        "A superset keeps at least two",
        "An interval block's active_rest is not optional",
    ),
)
(
    LEVEL_NAMES,
    LEVEL_KIND,
    ONCE_PER_BLOCK,
    ONCE_PER_EXERCISE,
    LEVEL_CHANGES,
    BLOCK_CHANGE,
    EXERCISE_CHANGE,
    LEVELS_APPLY,
) = map(
    _rule,
    (
        "Level names are unique",
        "A level is not named",
        "A level changes each block once",
        "A level changes each exercise once",
        "A level changes a block,",
        "A block change changes",
        "An exercise change changes",
        "Each level names",
    ),
)
LEVEL = {"name": "beginner", "blocks": [{"block": "Main", "rounds": 2}]}
REST_GIVEN, REST_LENGTH, LAST_REST = map(
    _rule, ("A rest has seconds", "A rest's length", "An interval block's rest_after_last")
)
RANGED_WORK = {**TIMED, "work": {"min": 20, "max": 40}}
CASES = [
    Case(FLOATS, workout(block(exercise(dose={"reps": 8.0}))), "blocks[0].items[0].dose.reps"),
    Case(FLOATS, workout(block(rounds=3.0)), "blocks[0].rounds"),
    Case(FLOATS, {**workout(), "schema_version": 1.0}, "schema_version"),
    Case(
        RANGE,
        workout(block(exercise(dose={"reps": {"min": 8, "max": 6}}))),
        "blocks[0].items[0].dose.reps.max",
    ),
    Case(
        RANGE, workout(rest_between_sets={"seconds": {"min": 90, "max": 60}}), "rest_between_sets.seconds.max"
    ),
    Case(
        DISTANCE,
        workout(block(exercise(dose={"distance": 70, "unit": "mi"}))),
        "blocks[0].items[0].dose.distance",
    ),
    Case(LOAD, workout(block(exercise(load={}))), "blocks[0].items[0].load"),
    Case(LOAD, workout(block(exercise(load={"amount": 10}))), "blocks[0].items[0].load.unit"),
    Case(
        LOAD,
        workout(block(exercise(load={"level": "light", "unit": "kg"}))),
        "blocks[0].items[0].load.amount",
    ),
    Case(EFFORT, workout(block(exercise(effort={}))), "blocks[0].items[0].effort"),
    Case(
        REST_BETWEEN_SETS,
        workout(block(exercise(rest_between_sets={"seconds": 60}))),
        "blocks[0].items[0].rest_between_sets",
    ),
    Case(LADDERS, workout(block(exercise(dose=LADDER, sets=3))), "blocks[0].items[0].dose.ladder"),
    Case(
        LADDERS,
        workout(block(superset(exercise(dose=LADDER), exercise()))),
        "blocks[0].items[0].exercises[0].dose.ladder",
    ),
    Case(LADDERS, workout(block(exercise(dose=LADDER), rounds={"min": 2, "max": 3})), "blocks[0].items[0]"),
    Case(
        MODIFICATIONS,
        workout(block(exercise(modifications=[{"name": "Easy Curl", "kind": "easier"}] * 2))),
        "blocks[0].items[0].modifications[1].name",
    ),
    Case(
        SUPERSET_SETS,
        workout(block(superset(exercise(sets=2), exercise()))),
        "blocks[0].items[0].exercises[0].sets",
    ),
    Case(
        ACTIVE_REST,
        workout(block(format={**TIMED, "rest": 0, "active_rest": exercise()})),
        "blocks[0].format.active_rest",
    ),
    Case(
        ACTIVE_REST,
        workout(block(format={**TIMED, "rest": {"min": 0, "max": 10}, "active_rest": exercise()})),
        "blocks[0].format.active_rest",
    ),
    Case(REST_GIVEN, workout(rest_between_sets={}), "rest_between_sets"),
    Case(REST_GIVEN, workout(block(rest_after={"as_needed": False})), "blocks[0].rest_after"),
    Case(
        REST_LENGTH, workout(rest_between_sets={"seconds": 30, "length": "short"}), "rest_between_sets.length"
    ),
    Case(
        LAST_REST,
        workout(block(format={**TIMED, "rest": 0, "rest_after_last": False})),
        "blocks[0].format.rest_after_last",
    ),
    Case(EMOM_MULTIPLE, workout(block(format={**EMOM, "duration": 90})), "blocks[0].format.duration"),
    Case(TIMED_ITEMS, workout(block(superset(), format=TIMED)), "blocks[0].items[0]"),
    Case(TIMED_ITEMS, workout(block(exercise(sets=3), format=AMRAP)), "blocks[0].items[0].sets"),
    Case(TIMED_ITEMS, workout(block(superset(rounds=2), format=EMOM)), "blocks[0].items[0].rounds"),
    Case(WORK, workout(block(exercise(dose={"seconds": 45}), format=TIMED)), "blocks[0].items[0].dose"),
    Case(WORK, workout(block(exercise(dose={"seconds": 45}), format=RANGED_WORK)), "blocks[0].items[0].dose"),
    Case(TIMED_ITEMS, workout(block(exercise(dose=LADDER), format=AMRAP)), "blocks[0].items[0].dose"),
    Case(TIMED_ITEMS, workout(block(superset(), format={"type": "for_time"})), "blocks[0].items[0]"),
    Case(ROUND_LENGTH, workout(block(stated_round_duration=300)), "blocks[0].stated_round_duration"),
    Case(BLOCK_NAMES, workout(block(), block()), "blocks[1].name"),
    Case(URL_HOST, workout(video="https:///watch?v=1"), "video"),
    Case(
        PACE_OR_INTENSITY,
        workout(block(exercise(dose={"distance": 400, "pace": 300, "intensity": "5k"}))),
        "blocks[0].items[0].dose.intensity",
    ),
    Case(
        PACED_ONCE,
        workout(
            block(exercise(dose={"efforts": 6, "each": {"distance": 400, "pace": 285}, "intensity": "5k"}))
        ),
        "blocks[0].items[0].dose.intensity",
    ),
    Case(FIRST_SIDE, workout(block(exercise(first_side="left"))), "blocks[0].items[0].first_side"),
    Case(
        SWITCH_SIDES,
        workout(block(exercise(sides="alternating", switch_sides=0))),
        "blocks[0].items[0].switch_sides",
    ),
    Case(PER_SIDE, workout(block(exercise(per_side=False))), "blocks[0].items[0].per_side"),
    Case(
        PER_SIDE,
        workout(block(exercise(sides="each", per_side=False, dose={"reps": {"min": 8, "max": 11}}))),
        "blocks[0].items[0].dose.reps",
    ),
    Case(
        MODIFICATIONS_APPLY,
        workout(
            block(
                exercise(
                    sides="each",
                    per_side=False,
                    dose={"reps": 10},
                    modifications=[{"name": "Shorter", "kind": "easier", "dose": {"reps": 7}}],
                )
            )
        ),
        "blocks[0].items[0].modifications[0]",
    ),
    Case(
        MODIFICATIONS_APPLY,
        workout(
            block(
                exercise(
                    sets=3,
                    modifications=[{"name": "Ramp", "kind": "harder", "dose": LADDER}],
                )
            )
        ),
        "blocks[0].items[0].modifications[0]",
    ),
    Case(SIZE, TOO_MANY_VALUES, "(document)"),
    Case(REQUIRED_BLOCK, workout(block(optional=True)), "blocks"),
    Case(REQUIRED_ITEM, workout(block(exercise(optional=True))), "blocks[0].items"),
    Case(
        REQUIRED_PAIR,
        workout(block(superset(exercise(optional=True), exercise(name="Chest Fly")))),
        "blocks[0].items[0].exercises",
    ),
    Case(
        ACTIVE_REST_REQUIRED,
        workout(block(format={**TIMED, "active_rest": exercise(optional=True)})),
        "blocks[0].format.active_rest.optional",
    ),
    Case(LEVEL_NAMES, workout(levels=[LEVEL, LEVEL]), "levels[1].name"),
    Case(LEVEL_KIND, workout(levels=[{**LEVEL, "name": "harder"}]), "levels[0].name"),
    Case(
        ONCE_PER_BLOCK,
        workout(levels=[{**LEVEL, "blocks": [*LEVEL["blocks"]] * 2}]),
        "levels[0].blocks[1].block",
    ),
    Case(
        ONCE_PER_EXERCISE,
        workout(levels=[{"name": "beginner", "exercises": [{"exercise": "Curls", "sets": 2}] * 2}]),
        "levels[0].exercises[1].exercise",
    ),
    Case(LEVEL_CHANGES, workout(levels=[{"name": "beginner"}]), "levels[0]"),
    Case(
        BLOCK_CHANGE,
        workout(levels=[{"name": "beginner", "blocks": [{"block": "Main"}]}]),
        "levels[0].blocks[0]",
    ),
    Case(
        EXERCISE_CHANGE,
        workout(levels=[{"name": "beginner", "exercises": [{"exercise": "Hammer Curl"}]}]),
        "levels[0].exercises[0]",
    ),
    Case(
        LEVELS_APPLY,
        workout(levels=[{"name": "beginner", "blocks": [{"block": "Finisher", "rounds": 2}]}]),
        "levels[0].blocks[0].block",
    ),
    Case(
        LEVELS_APPLY,
        workout(
            block(exercise(sets=3)),
            levels=[{"name": "beginner", "blocks": [{"block": "Main", "format": AMRAP}]}],
        ),
        "levels[0]",
    ),
    Case(
        LADDERS,
        workout(block(exercise(load={"ladder": [{"level": "light"}, {"level": "heavy"}]}), rounds=3)),
        "blocks[0].items[0].load.ladder",
    ),
    Case(SIZE, " " * MAX_SIZE + json.dumps(workout()), "(document)"),
]


@pytest.mark.parametrize(
    "document",
    [
        workout(title="Arms\n"),
        workout(block(exercise(tempo="3110\n"))),
        workout(video="https://example.com/arms\n"),
    ],
    ids=["text", "tempo", "url"],
)
def test_a_final_line_break_is_refused(document: dict[str, Any]) -> None:
    """The schema's patterns end at the very end of the text in every regex dialect, as the loader does."""
    assert list(VALIDATOR.iter_errors(document))
    with pytest.raises(ValidationError):
        from_dict(document)


class TestRulesBeyondTheSchema:
    """The rules the schema cannot express, as listed in the documentation, hold in the loader."""

    def test_every_listed_rule_has_an_example(self) -> None:
        """Each documented rule has at least one example below, and each example a documented rule."""
        assert set(LOADER_ONLY_RULES) == {case.rule for case in CASES}

    def test_listed_in_the_schema(self) -> None:
        """The schema's own description lists every rule it cannot express."""
        assert all(f"- {rule}" in SCHEMA["description"] for rule in LOADER_ONLY_RULES)

    @pytest.mark.parametrize(
        "case", CASES, ids=lambda case: f"{LOADER_ONLY_RULES.index(case.rule)}-{case.path}"
    )
    def test_schema_accepts_and_loader_refuses(self, case: Case) -> None:
        """The schema accepts the document, and the loader refuses it at (or under) the expected path."""
        data = json.loads(case.document) if isinstance(case.document, str) else case.document
        assert [] == [error.message for error in VALIDATOR.iter_errors(data)]

        read: Callable[[Any], Workout] = loads if isinstance(case.document, str) else from_dict
        with pytest.raises(ValidationError) as info:
            read(case.document)
        assert any(problem.path.startswith(case.path) for problem in info.value.problems), info.value
