"""The JSON Schema of the document format, derived from the model's field rules.

Nothing here restates a rule: every property's schema is the one its field rule recorded
(`Rule.schema`) with its description, and the document's own shapes (dose keys, ``type`` tags)
come from the tables of the converter in `runstrength._document.convert`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any, Final, get_args

import attrs

from runstrength._model import Workout
from runstrength._spec.validated import spec_of

from .convert import _MARKERS, SCHEMA_VERSION, WRITTEN_AS_FIELD, _fields, converter

SCHEMA_ID: Final = f"https://runstrength.dev/schema/workout-{SCHEMA_VERSION}.json"
"""The identifier (``$id``) of the schema."""

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_REF_PREFIX: Final = "#/$defs/"

_WHOLE_NUMBERS: Final = (
    "A whole number is a JSON integer without a fraction part: 8.0 is refused wherever a whole "
    "number is expected (JSON Schema's integer accepts it), schema_version included."
)
_URL_HOST: Final = "A URL names a host (https://host/…)."
_LIMITS: Final = (
    "A document holds at most 100 000 values nested at most 40 levels deep, and a document's "
    "text is at most 2 MiB."
)


def _relation_docs() -> tuple[str, ...]:
    """What every model class's relations say, once each, in the order the classes nest."""
    docs: dict[str, None] = {}
    for cls in _classes(Workout).values():
        for relation in spec_of(cls).relations:
            docs[relation.doc] = None
    return tuple(docs)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a workout document, as `to_dict` writes it.

    Every model class has a definition under ``$defs`` (a ``Workout`` is the document
    itself, with ``schema_version``); doses are told apart by their key (``reps``,
    ``seconds``, ``distance``, ``max_reps``, ``ladder``), and block formats and supersets
    by their ``type``. The schema is built once from the model's field rules; each call
    returns a fresh copy, so changing it changes nothing else.

    A document the schema accepts may still break one of the few rules JSON Schema cannot
    express, and the loader refuses it: whole numbers written as ``8.0``, ranges with
    ``min`` above ``max``, duplicate block names, ladders that do not match their rounds,
    and the like. The schema's top-level ``description`` lists every such rule.

    Returns:
        The schema as plain data, ready for ``json.dumps``; its keys come in a fixed order.

    >>> import json
    >>> from runstrength import json_schema
    >>> schema = json_schema()
    >>> schema["$defs"]["Reps"]["required"]
    ['reps']
    >>> json.dumps(schema["$defs"]["MaxReps"]["properties"]["max_reps"])
    '{"const": true}'
    """
    return copy.deepcopy(_document_schema())


@cache
def _document_schema() -> dict[str, Any]:
    classes = _classes(Workout)
    defs: dict[str, dict[str, Any]] = {}
    pending: list[type] = [Workout]
    while pending:
        cls = pending.pop()
        if cls.__name__ in defs:
            continue
        definition = _definition(cls)
        defs[cls.__name__] = definition
        for name in _refs(definition):
            if name not in classes:  # pragma: no cover - a rule naming a class no field holds
                msg = f"a rule of the model refers to {name}, which no field of a workout holds"
                raise TypeError(msg)
            pending.append(classes[name])
    root = defs["Workout"]
    root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "title": "runstrength workout document",
        "description": (
            f"A workout in the runstrength document format, version {SCHEMA_VERSION}, in JSON, "
            "YAML or TOML. runstrength also checks these rules, which the schema cannot express:\n\n"
            + "\n".join(f"- {rule}" for rule in LOADER_ONLY_RULES)
        ),
        "$ref": f"{_REF_PREFIX}Workout",
        "$defs": dict(sorted(defs.items())),
    }


def _classes(start: type) -> dict[str, type]:
    """Every attrs class reachable from ``start`` through its fields' types, by name."""
    found: dict[str, type] = {}
    pending: list[Any] = [start]
    while pending:
        hint = pending.pop()
        if attrs.has(hint):
            if hint.__name__ in found:
                continue
            found[hint.__name__] = hint
            pending.extend(field_type for field_type, _ in _fields(hint).values())
        else:
            pending.extend(get_args(hint))
    return found


def _definition(cls: type) -> dict[str, Any]:
    """A class's schema: its fields' rules and meanings, with the document's tag or key."""
    head = _about(cls)
    fields = {field.name: field for field in spec_of(cls).fields}
    if cls in WRITTEN_AS_FIELD:
        text: dict[str, Any] = _adapt(fields[WRITTEN_AS_FIELD[cls]].rule.schema())
        return head | text
    properties: dict[str, Any] = {}
    required: list[str] = []
    if cls in _MARKERS:  # a type tag, or the max_reps: true of a dose with no such field
        key, value = _MARKERS[cls]
        properties[key] = {"const": value}
        required.append(key)
    for field in attrs.fields(cls):
        spec = fields[field.name]
        schema = {"description": spec.description} | _adapt(spec.rule.schema())
        if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            schema["default"] = converter().unstructure(field.default)
        properties[field.name] = schema
        if spec.required:
            required.append(field.name)
    return head | {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _about(cls: type) -> dict[str, str]:
    """Title and description from the class docstring: its summary, and its prose."""
    # Lines are stripped and joined, so a paragraph's indentation does not matter.
    lines = [line.strip() for line in (cls.__doc__ or "").splitlines()]
    paragraphs = [
        " ".join(paragraph.split())
        for paragraph in "\n".join(lines).split("\n\n")
        if paragraph.strip() and not paragraph.strip().startswith(">>>")
    ]
    if not paragraphs:  # pragma: no cover - every model class is documented
        msg = f"{cls.__name__} needs a docstring to describe it in the schema"
        raise TypeError(msg)
    return {"title": paragraphs[0], "description": "\n\n".join(paragraphs)}


def _adapt(schema: Any) -> Any:
    """A copy of a rule's schema, with unions of classes as ``oneOf``.

    The document tells the classes of every union apart (by a dose's key or a ``type``
    tag), so exactly one of them matches.
    """
    if isinstance(schema, list):
        return [_adapt(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    adapted = {key: _adapt(value) for key, value in schema.items()}
    options = adapted.get("anyOf", ())
    if options and all(option.keys() == {"$ref"} for option in options):
        adapted = {("oneOf" if key == "anyOf" else key): value for key, value in adapted.items()}
    return adapted


def _refs(schema: Any) -> Iterator[str]:
    """The names of the classes a schema refers to."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            yield ref.removeprefix(_REF_PREFIX)
        for value in schema.values():
            yield from _refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _refs(item)


LOADER_ONLY_RULES: Final[tuple[str, ...]] = (_WHOLE_NUMBERS, *_relation_docs(), _URL_HOST, _LIMITS)
"""Rules the loader enforces that the JSON Schema cannot express.

A document the schema accepts can still break one of these; `runstrength.from_dict` and
`runstrength.loads` report it with its path like any other problem. The list is read from
the model's `Relation` objects (their ``doc``), so it cannot drift from what is checked.
"""
