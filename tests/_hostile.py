"""Hostile documents for the hostile-input suite (`tests/test_hostile.py`, `benchmarks/hostile.py`).

A hostile document is a built-in workout's document with a few places replaced by values an
attacker or a careless program might send: wrong types, huge or non-finite numbers, text
with control characters, terminal escapes or lone surrogates, odd keys (null, numbers,
escape sequences), deep nesting and long lists. Every front end must answer such a document
with a workout or a `ValidationError`, and every accepted workout must go through every
exporter without an error.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

import runstrength
from runstrength import ValidationError, Workout, catalog, cli, to_dict

DOCUMENTS: Final = {name: to_dict(catalog.get(name)) for name in catalog.names()}

TEXTS: Final = (
    "",
    " ",
    "x" * 101,
    "x" * 5000,
    "a\nb",
    "tab\tbed",
    "\x1b[2J\x1b[31mred",
    "nul\x00",
    "del\x7f",
    "c1\x85",
    "\ud800",
    "😀" * 30,
    "x" * 100,
    "Ünïcödé – “quotes” ‘’ and ﷽",
    "right-to-left \u202e text",
    "line one\nline two",
    "8",
    "each",
    "EACH",
    "superset",
    "https://example.com/\x00",
    "https://exa mple.com/",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "2024-01-01",
    "3-1-X-0",
    "0-0-0-0",
)
NUMBERS: Final = (
    0,
    -1,
    1,
    7,
    1000,
    1001,
    2**63,
    10**5000,
    -(10**400),
    0.5,
    8.0,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    True,
    False,
)
KEYS: Final = (None, 0, 1.5, True, "", " ", "rpes", "x" * 10_000, "\x1b[2J", "a\nb", "type", "max_reps")


VALUE_KINDS: Final = (
    "text",
    "number",
    "null",
    "nested lists",
    "long list",
    "empty mapping",
    "list of hostile values",
    "mapping with odd keys",
    "dose of a hostile value",
)
"""The classes of hostile value `hostile_value` makes, in the order it draws them."""
CHANGE_KINDS: Final = ("field removed", "odd key added", *VALUE_KINDS)
"""The classes of change `hostile_document` makes (a value replaced counts as its value's class)."""


def hostile_value(rng: random.Random, depth: int = 0) -> object:
    """One value a careless or malicious sender might put anywhere in a document."""
    return _hostile_value(rng, depth)[1]


def _hostile_value(rng: random.Random, depth: int = 0) -> tuple[str, object]:  # noqa: PLR0911 - one return per kind
    """A hostile value and the name of its class (`VALUE_KINDS`)."""
    kind = rng.randrange(9 if depth < 3 else 6)
    name = VALUE_KINDS[kind]
    if kind == 0:
        return name, rng.choice(TEXTS)
    if kind == 1:
        return name, rng.choice(NUMBERS)
    if kind == 2:
        return name, None
    if kind == 3:
        nested: object = rng.choice(NUMBERS)
        for _ in range(rng.choice((1, 10, 39, 40, 41, 60))):
            nested = [nested]
        return name, nested
    if kind == 4:
        return name, [rng.choice(NUMBERS)] * rng.choice((0, 1, 101, 2000))
    if kind == 5:
        return name, {}
    if kind == 6:
        return name, [hostile_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 7:
        return name, {rng.choice(KEYS): hostile_value(rng, depth + 1) for _ in range(rng.randrange(1, 4))}
    return name, {"reps": hostile_value(rng, depth + 1)}


def places(document: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``document`` (not the root itself)."""
    found = [path] if path else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += places(value, (*path, index))
    return found


def parent_of(document: Any, path: tuple[Any, ...]) -> Any:
    """The mapping or list that holds the value at ``path``."""
    for part in path[:-1]:
        document = document[part]
    return document


def hostile_document(rng: random.Random, changes: list[str] | None = None) -> dict[Any, Any]:
    """A built-in workout's document with one to three hostile changes.

    The class of each change (`CHANGE_KINDS`) is appended to ``changes``, when given.
    """
    document: dict[Any, Any] = json.loads(json.dumps(rng.choice(list(DOCUMENTS.values()))))
    made = [] if changes is None else changes
    for _ in range(rng.randrange(1, 4)):
        path = rng.choice(places(document))
        parent = parent_of(document, path)
        action = rng.randrange(4)
        if action == 0 and isinstance(parent, dict):
            del parent[path[-1]]
            made.append("field removed")
        elif action == 1 and isinstance(parent, dict):
            parent[rng.choice(KEYS)] = hostile_value(rng)
            made.append("odd key added")
        else:
            kind, parent[path[-1]] = _hostile_value(rng)
            made.append(kind)
    return document


def _property_names(schema: object) -> Iterator[str]:
    """Every property name the JSON Schema names, at any depth."""
    if isinstance(schema, dict):
        if isinstance(properties := schema.get("properties"), dict):
            yield from properties
        for value in schema.values():
            yield from _property_names(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _property_names(value)


DOCUMENT_KEYS: Final = frozenset(_property_names(runstrength.json_schema()))
"""Every key a document may have, as the JSON Schema lists them."""


def keys_not_in_schema(document: object) -> set[object]:
    """The keys of ``document`` the JSON Schema does not name: none, in a document accepted whole."""
    keys = {path[-1] for path in places(document) if isinstance(parent_of(document, path), dict)}
    return keys - DOCUMENT_KEYS


def changed_values(document: object, workout: Workout) -> list[tuple[Any, ...]]:
    """The paths where ``workout`` does not hold what the ``document`` it was read from says.

    The workout's own document (`to_dict`) must have the same value at every path of the
    one it was read from, of the same kind (a boolean stays a boolean), with the same
    number of items in each list. A key it leaves out must be null or carry nothing: the
    document without it reads as the same workout. Unknown keys are `keys_not_in_schema`'s.
    """
    changed: list[tuple[Any, ...]] = []
    _compare(document, to_dict(workout), (), changed)
    return [path for path in changed if not (path and _reads_the_same_without(document, path, workout))]


def _compare(given: object, written: object, path: tuple[Any, ...], changed: list[tuple[Any, ...]]) -> None:
    if isinstance(given, dict):
        if not isinstance(written, dict):
            changed.append(path)
            return
        for key, value in given.items():
            if key in written:
                _compare(value, written[key], (*path, key), changed)
            elif value is not None:
                changed.append((*path, key))
    elif isinstance(given, list):
        if not isinstance(written, list) or len(given) != len(written):
            changed.append(path)
            return
        for index, (item, written_item) in enumerate(zip(given, written, strict=True)):
            _compare(item, written_item, (*path, index), changed)
    elif given != written or (type(given) is bool) != (type(written) is bool):
        changed.append(path)


def _reads_the_same_without(document: object, path: tuple[Any, ...], workout: Workout) -> bool:
    """Whether ``document`` without the key at ``path`` reads as ``workout``: it held a default."""
    copied = copy.deepcopy(document)
    parent = parent_of(copied, path)
    if not isinstance(parent, dict):
        return False
    del parent[path[-1]]
    try:
        return bool(runstrength.from_dict(copied) == workout)
    except ValidationError:
        return False


def as_text(document: object, fmt: str) -> str | None:
    """The document written in a text format, or ``None`` when that format cannot hold it."""
    import tomli_w  # noqa: PLC0415 - test dependency
    import yaml  # noqa: PLC0415

    try:
        if fmt == "json":
            return json.dumps(document)
        if fmt == "yaml":
            return str(yaml.safe_dump(document, allow_unicode=True))
        return str(tomli_w.dumps(document))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, RecursionError, yaml.YAMLError):
        return None


def export_everything(workout: Workout, folder: Path) -> int:
    """Run every exporter and renderer on an accepted workout; return how many ran.

    Raises:
        AssertionError: an export does not read back as the workout.
    """
    from runstrength import Pacing, build_timeline, dump, dumps, export_fit, export_ics, load, loads  # noqa: PLC0415
    from runstrength._render.summary import summary  # noqa: PLC0415
    from runstrength._render.table import TIMELINE_FORMATS, render  # noqa: PLC0415

    ran = 0
    for fmt in ("json", "yaml", "toml"):
        text = dumps(workout, fmt)
        assert workout == loads(text, fmt)
        path = folder / f"w.{fmt}"
        dump(workout, path)
        assert workout == load(path)
        ran += 2
    timeline = build_timeline(workout, Pacing(max_segments=1_000_000))
    for fmt in TIMELINE_FORMATS:
        render(timeline, fmt)
        ran += 1
    summary(workout)
    repr(timeline), repr(workout), str(workout.blocks[0].items[0])
    workout._repr_html_()
    timeline._repr_html_()
    import datetime as dt  # noqa: PLC0415

    export_ics(workout, start=dt.date(2026, 1, 5), weeks=2)
    with contextlib.suppress(ValidationError):  # more steps than a watch takes is refused, with a reason
        export_fit(workout)
    ran += 5
    return ran


FrontEnd = Callable[[dict[Any, Any], Path], object]


def _cli_validate(document: dict[Any, Any], folder: Path) -> object:
    text = as_text(document, "json")
    if text is None:
        return None
    path = folder / "doc.json"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = cli.main(["validate", str(path)])
    assert status in (0, 1), status
    assert "Traceback" not in err.getvalue()
    return status


def _loads(fmt: str) -> FrontEnd:
    def read(document: dict[Any, Any], _: Path) -> object:
        text = as_text(document, fmt)
        return None if text is None else runstrength.loads(text, fmt)  # type: ignore[arg-type]

    return read


def _load(document: dict[Any, Any], folder: Path) -> object:
    text = as_text(document, "yaml")
    if text is None:
        return None
    path = folder / "doc.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return runstrength.load(path)


def _constructor(document: dict[Any, Any], _: Path) -> object:
    names = attrs.fields_dict(Workout)
    fields = {key: value for key, value in document.items() if key in names}
    for name, field in names.items():  # a missing argument is Python's TypeError, not a finding
        if field.default is attrs.NOTHING:
            fields.setdefault(name, None)
    return Workout(**fields)


def _validate_many(document: dict[Any, Any], _: Path) -> object:
    [result] = runstrength.validate_many([document])
    if not result.ok:
        raise ValidationError(result.problems)
    return result.workout


FRONT_ENDS: Final[dict[str, FrontEnd]] = {
    "from_dict": lambda document, _: runstrength.from_dict(document),
    "loads json": _loads("json"),
    "loads yaml": _loads("yaml"),
    "loads toml": _loads("toml"),
    "load": _load,
    "constructor": _constructor,
    "validate_many": _validate_many,
    "cli validate": _cli_validate,
}
