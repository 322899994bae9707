"""The document format: the model as plain data, and back — tried once, explained once.

Writing goes through one cattrs converter (defaults omitted, so documents stay short), made
and imported when a workout is first written.

Reading has two passes over the same model declarations, both plain Python:

1. `_Reader` — the fast path, in the style of ``packaging``'s quick parsers: each class's
   fields are read straight into its constructor, whose converters and rules do the
   checking. At the first thing it does not expect (a wrong type, an unknown key, a rule
   that refuses) it gives up on the *whole* document by raising `_Doubt`: it never
   explains and never retries.
2. `_explain` — the collecting path: one walk of the document that reports every problem
   with its path, using the very same rules (`Validated`'s `Spec`). It runs only after the
   fast path gave up, so rejecting a document costs about one extra pass.

Nothing is coerced on either path: values reach the rules as they were written.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cache
from itertools import count, islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn, get_args, get_origin, overload

import attrs

from runstrength._errors import MAX_PROBLEMS, Location, Problem, ValidationError
from runstrength._model import Amrap, Emom, Exercise, ForTime, Intervals, Superset, Workout
from runstrength._spec.rules import Rule, describe
from runstrength._spec.validated import Validated, doubting, spec_of, trusted
from runstrength._values import (
    DOSES,
    Ascending,
    Distance,
    Duration,
    Efforts,
    Frequency,
    Ladder,
    Load,
    LoadLadder,
    MaxReps,
    Range,
    Reps,
    Source,
    Tempo,
)

if TYPE_CHECKING:
    import cattrs

    from runstrength._pacing import Pacing

SCHEMA_VERSION: Final = 1
"""The version of the document format this runstrength writes and reads."""

MAX_NODES: Final = 100_000
"""The most values (mappings, lists and scalars) a document may hold."""
MAX_DEPTH: Final = 40
"""The deepest a document may nest mappings and lists."""
MAX_SIZE: Final = 2 * 1024 * 1024
"""The largest document text accepted: 2 MiB of UTF-8 (or as many characters)."""
TOO_DEEP: Final = f"document nested too deeply: more than {MAX_DEPTH} levels"
TOO_MANY: Final = f"document too large: more than {MAX_NODES} values"

MAX_SUGGESTIONS: Final = 100
"""Unknown keys beyond this many get no "did you mean" (finding one costs time)."""

_DOSE_KEYS: Final[dict[str, type]] = {
    "reps": Reps,
    "seconds": Duration,
    "distance": Distance,
    "max_reps": MaxReps,
    "ladder": Ladder,
    "ascending": Ascending,
    "efforts": Efforts,
}
_KEYED: Final[dict[frozenset[type], tuple[str, type, type]]] = {
    frozenset((Load, LoadLadder)): ("ladder", LoadLadder, Load),
}
"""Choices told apart by one key: with ``key``, the first class; without it, the second."""
_ITEM_TAGS: Final[dict[str, type]] = {"superset": Superset}
_TIMING_TAGS: Final[dict[str, type]] = {
    "intervals": Intervals,
    "emom": Emom,
    "amrap": Amrap,
    "for_time": ForTime,
}
_TAGS_OF: Final = {cls: tag for tag, cls in (*_ITEM_TAGS.items(), *_TIMING_TAGS.items())}
_MARKERS: Final[dict[type, tuple[str, object]]] = {
    **{cls: ("type", tag) for cls, tag in _TAGS_OF.items()},
    MaxReps: ("max_reps", True),
}
"""The key and value a class's document carries besides its fields: a ``type`` tag, or the
``max_reps: true`` that names a dose with no field of that name."""
WRITTEN_AS_FIELD: Final[dict[type, str]] = {Tempo: "notation"}
"""Classes a document writes as the value of one field: a tempo is its notation, ``"3-1-X-0"``."""
_SCALARS: Final = (int, float, str, bool, type(None))
_VERSION_KEY: Final = "schema_version"


# --- the model's field types, resolved once -------------------------------------------------


@cache
def _fields(cls: type) -> dict[str, tuple[Any, bool]]:
    """Each field's resolved type, and whether it is required."""
    attrs.resolve_types(cls)
    return {f.name: (f.type, f.default is attrs.NOTHING) for f in attrs.fields(cls)}


def _is_union(t: Any) -> bool:
    return get_origin(t) in (typing.Union, types.UnionType)


def _is_var_tuple(t: Any) -> bool:
    return get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is Ellipsis


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Validated)


def _classes_of(union: Any) -> list[type]:
    """The model classes a union type may hold (its scalars and ``None`` left out)."""
    return [m for m in get_args(union) if m not in _SCALARS]


def _has_scalars(union: Any) -> bool:
    """Whether a union type may hold a plain value besides ``None`` (``int | Range``)."""
    return any(m in _SCALARS and m is not type(None) for m in get_args(union))


def _tag_of(cls: type) -> str | None:
    """The key a class's document carries besides its fields (``type``, ``max_reps``), if any."""
    return _MARKERS[cls][0] if cls in _MARKERS else None


# --- pass 1: read a well-formed document straight into the model ---------------------------


class _Doubt(Exception):  # noqa: N818 - control flow inside this module, never escapes it
    """The fast path met something it does not expect: the document gets explained instead.

    On its way out it collects the objects already built (``built``: the id of the raw mapping
    or list → the object or tuple), so the collecting pass reuses them instead of reading
    those parts again; the happy path pays nothing for it.
    """

    def __init__(self, failed: dict[Any, Any] | None = None) -> None:
        """``failed``: the mapping whose constructor refused it, when that is where the doubt arose."""
        super().__init__()
        self.built: dict[int, Any] = {}
        self.failed: set[int] = set() if failed is None else {id(failed)}


Read = Callable[[Any], Any]


@cache
def _reader(t: Any, extra_key: str | None = None) -> Read | None:  # noqa: PLR0911 - one case per kind of type
    """How the fast path reads a value of type ``t`` (``None``: as it is, for the converter and rule).

    ``extra_key`` is a key the class's mapping may carry besides its fields (the document's
    ``schema_version``); a union's tags are checked by the union's reader.
    """
    if _is_model(t):
        if t in WRITTEN_AS_FIELD:
            return _text_reader(t, WRITTEN_AS_FIELD[t])
        return _object_reader(t, extra_key or _tag_of(t))
    if _is_var_tuple(t):
        each = _reader(get_args(t)[0])
        # Without a reader per item, the field's converter turns the list into a tuple (a list
        # of another class only comes through `from_dict`, which leaves it to the collecting pass).
        return None if each is None else _list_reader(each)
    if _is_union(t):
        classes = _classes_of(t)
        if not classes:
            return None
        if len(classes) == 1:  # one kind of value, or nothing, or (``int | Range``) a plain value
            (cls,) = classes
            if _is_model(cls) and cls not in WRITTEN_AS_FIELD:
                return _object_reader(cls, _tag_of(cls), others="all" if _has_scalars(t) else "none")
            return _reader(cls)  # the other readers pass on what they do not read
        return _choice_reader(tuple(classes))
    return None  # scalars and enums: the constructor's converter and rule judge them


def _list_reader(each: Read) -> Read:
    """The reader of a list whose items ``each`` reads; a list of another class is a doubt."""

    def read_list(data: Any) -> Any:
        if type(data) is not list:
            if isinstance(data, list):
                raise _Doubt
            return data
        items = []
        try:
            for item in data:
                items.append(each(item))  # noqa: PERF401 - on a doubt, the items read so far are kept
        except _Doubt as doubt:
            for raw, built in zip(data, items, strict=False):
                doubt.built[id(raw)] = built
            raise
        return tuple(items)

    return read_list


def _text_reader(cls: type, field: str) -> Read:
    def read(data: Any) -> Any:
        if type(data) is not str:
            return data
        try:
            return cls(**{field: data})
        except ValidationError:
            raise _Doubt from None

    return read


Others = Literal["doubt", "none", "all"]
"""What an object reader does with a value other than a mapping: doubt it, pass ``None`` on, or
pass any such value on (where a plain value may stand instead, for the field's rule to judge)."""


def _object_reader(cls: type, extra_key: str | None, *, others: Others = "doubt") -> Read:
    """The reader of a mapping of ``cls``'s fields (and ``extra_key``); ``others``: see `_not_read`."""
    fields = {name: _reader(field_type) for name, (field_type, _) in _fields(cls).items()}
    nested = {name: read for name, read in fields.items() if read is not None}
    """The fields whose values are read first (objects, lists of objects, choices)."""
    names = frozenset(nested)
    nested_items = tuple(nested.items())
    most = len(fields) + (extra_key is not None)
    """More keys than this, and some are unknown: no need to copy them to find out."""

    if not nested and extra_key is None:  # a leaf: its mapping is the constructor's arguments
        return _leaf_reader(cls, most, others=others)

    def read(data: Any) -> Any:
        if type(data) is not dict or len(data) > most:
            return data if type(data) is not dict and others == "all" else _not_read(data, others)
        # The constructor judges every key: an unknown one (or one that is not text) is a
        # TypeError, and so is a missing field; only the values of ``nested`` are read first.
        values = data.copy()
        if extra_key is not None:
            values.pop(extra_key, None)
        try:
            for key, read_value in nested_items:
                if key in values:
                    values[key] = read_value(values[key])
            try:
                return cls(**values)
            except (TypeError, ValidationError):  # a field unknown or missing, or a rule refused
                raise _Doubt from None
        except _Doubt as doubt:
            _keep(doubt, data, values, names)
            raise

    return read


def _leaf_reader(cls: type, most: int, *, others: Others) -> Read:
    """`_object_reader` for a class with nothing to read first and no extra key."""

    def read_leaf(data: Any) -> Any:
        if type(data) is not dict or len(data) > most:
            return data if type(data) is not dict and others == "all" else _not_read(data, others)
        try:
            return cls(**data)  # a key that is not text, unknown or missing: a TypeError
        except (TypeError, ValidationError):
            raise _Doubt(failed=data) from None

    return read_leaf


def _not_read(data: Any, others: Others) -> None:
    """For an object reader given something other than a mapping of its fields: ``None``, or a doubt."""
    if data is None and others == "none":
        return
    raise _Doubt


def _keep(doubt: _Doubt, data: dict[Any, Any], values: dict[str, Any], names: frozenset[str]) -> None:
    """Note on a doubt that ``data`` failed, and which of its parts (``names``) were read into objects."""
    doubt.failed.add(id(data))
    for key in data.keys() & names:
        raw, built = data[key], values[key]
        if built is not raw and (type(raw) is dict or type(raw) is list):
            doubt.built[id(raw)] = built


@cache
def _choice_reader(classes: tuple[type, ...]) -> Read:
    """The reader of a value where one of ``classes`` is expected: a mapping is read as its class.

    Anything but a mapping is passed on as it is, for the field's rule to refuse.
    """
    readers = {cls: _model_reader(cls) for cls in classes}
    if set(classes) <= set(DOSES):
        return _dose_reader({key: readers[cls] for key, cls in _DOSE_KEYS.items() if cls in readers})
    if (keyed := _KEYED.get(frozenset(classes))) is not None:
        key, with_key, without = keyed
        if_key, otherwise = readers[with_key], readers[without]

        def read_keyed(data: Any) -> Any:
            if type(data) is not dict:
                return data
            return if_key(data) if key in data else otherwise(data)

        return read_keyed
    tags = _tags_for(classes)
    if tags is not None:
        table, default = tags
        by_tag = {tag: readers[cls] for tag, cls in table.items()}
        fallback = readers[default] if default is not None else None

        def read_tagged(data: Any) -> Any:
            if type(data) is not dict:
                return data
            tag = data.get("type", _MISSING)
            if tag is _MISSING and fallback is not None:
                return fallback(data)
            if type(tag) is not str or tag not in by_tag:
                raise _Doubt
            return by_tag[tag](data)

        return read_tagged
    msg = f"a choice of one class has no choice reader: {classes}"  # pragma: no cover - `_reader` reads those
    raise TypeError(msg)  # pragma: no cover


def _model_reader(cls: type, extra_key: str | None = None) -> Read:
    """The reader of a model class (every one has a reader); ``extra_key``: see `_reader`."""
    read = _reader(cls, extra_key)
    if read is None:  # pragma: no cover - a model class always has a reader
        msg = f"no reader for {cls}"
        raise TypeError(msg)
    return read


def _dose_reader(by_key: dict[str, Read]) -> Read:
    """The reader of a value where a dose is expected: a mapping is read as the dose its key names."""

    def read_dose(data: Any) -> Any:
        if type(data) is not dict:
            return data
        if len(data) == 1:  # the common case, a dose written with its key alone
            for key in data:
                if key != "max_reps" and (read := by_key.get(key)) is not None:
                    return read(data)
        found = [key for key in data if key in by_key]
        if len(found) != 1 or (found[0] == "max_reps" and data["max_reps"] is not True):
            raise _Doubt
        return by_key[found[0]](data)

    return read_dose


def _tags_for(classes: tuple[type, ...]) -> tuple[dict[str, type], type | None] | None:
    """The ``type`` tags telling ``classes`` apart, and the class of a mapping without one."""
    if set(classes) == {Exercise, Superset}:
        return _ITEM_TAGS, Exercise
    if set(classes) == set(_TIMING_TAGS.values()):
        return _TIMING_TAGS, None
    if len(classes) > 1:  # pragma: no cover - a model change without a document rule
        msg = f"no document rule for a choice of {classes}"
        raise TypeError(msg)
    return None


_MISSING: Final = object()


# --- pass 2: explain every problem of a document ------------------------------------------


class _Problems:
    """The problems found so far: the first `MAX_PROBLEMS` kept, the rest counted."""

    __slots__ = ("built", "failed", "fast", "found", "misses", "omitted", "suggestions")

    def __init__(self, doubt: _Doubt | None = None, *, fast: bool = True) -> None:
        """``fast``: whether a part may be read by the fast path first (see `_Plan.read_once`)."""
        self.built: dict[int, Any] = doubt.built if doubt else {}
        """Objects the fast path built before its doubt, by the id of their raw data."""
        self.failed: set[int] = doubt.failed if doubt else set()
        """The ids of the raw mappings the fast path gave up on."""
        self.found: list[Problem] = []
        self.omitted = 0
        self.suggestions = MAX_SUGGESTIONS
        self.misses = 0
        """How many mappings in a row, up to now, had problems (see `_Plan.read_once`)."""
        self.fast = fast

    def add(self, location: Location, reason: str, code: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(location, reason, code))
        else:
            self.omitted += 1

    def extend(self, prefix: Location, problems: list[Problem]) -> None:
        if len(self.found) >= MAX_PROBLEMS:  # only counted: no need to place them
            self.omitted += len(problems)
            return
        for problem in problems:
            self.add((*prefix, *problem.location), problem.reason, problem.code)

    def unknown_keys(
        self, path: Location, data: dict[Any, Any], unknown: set[Any], valid: Sequence[str], cls: type
    ) -> None:
        """Report the ``unknown`` keys of ``data`` in its order; beyond the cap, only count them."""
        room = MAX_PROBLEMS - len(self.found)  # never negative: `add` keeps no more
        self.omitted += max(0, len(unknown) - room)  # only counted: no need to word them
        for key in islice((key for key in data if key in unknown), room):
            if not isinstance(key, str):
                self.add((*path, describe(key)), "unknown field (field names are text)", "unknown_field")
            else:
                self.add((*path, key), self._unknown(key, valid, cls), "unknown_field")

    def _unknown(self, key: str, valid: Sequence[str], cls: type) -> str:
        hint = ""
        if (belongs := _belongs(key, cls)) is not None:
            hint = f"; {key} belongs on {belongs}"
        elif self.suggestions > 0 and len(key) <= 100:
            self.suggestions -= 1
            import difflib  # noqa: PLC0415 - only when reporting a problem

            close = difflib.get_close_matches(key, valid, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown field{hint or '; expected one of ' + ', '.join(valid)}"


@cache
def _owners() -> dict[str, tuple[type, ...]]:
    """Every field name of the workout's classes, and the classes that have it (workout order)."""
    owners: dict[str, list[type]] = {}
    _visit(Workout, owners, set())
    return {name: tuple(classes) for name, classes in owners.items()}


def _visit(t: Any, owners: dict[str, list[type]], seen: set[type]) -> None:
    """Note each field name of the model classes in ``t``, depth first (see `_owners`)."""
    if _is_var_tuple(t):
        _visit(get_args(t)[0], owners, seen)
    elif _is_union(t):
        for member in get_args(t):
            _visit(member, owners, seen)
    elif _is_model(t) and t not in seen and t not in WRITTEN_AS_FIELD:
        seen.add(t)
        for name, (field_type, _) in _fields(t).items():
            owners.setdefault(name, []).append(t)
            if (t, name) != (Workout, "levels"):  # a level's changes repeat the parts' fields
                _visit(field_type, owners, seen)


def _place(cls: type) -> str:
    """Where a field sits, in a document's words: ``an exercise``, ``a dose``, ``the workout``."""
    if cls in DOSES:
        return "a dose"
    if cls in _TIMING_TAGS.values():
        return "a block format"
    if cls in (Workout, Source, Frequency):
        return f"the {cls.__name__.lower()}"
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls.__name__).lower()
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


def _belongs(key: str, cls: type | None) -> str | None:
    """Where a key the class ``cls`` does not have belongs, if it is a field elsewhere in a workout."""
    classes = _owners().get(key, ())
    places = list(dict.fromkeys(_place(owner) for owner in classes if owner is not cls))
    return _either(places) if places else None


def _either(choices: Iterable[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    *first, last = choices
    return f"{', '.join(first)} or {last}" if first else last


_FAILED: Final = object()
"""What `_explain` returns for a value with problems (they are in the `_Problems`)."""


Explain = Callable[[Any, Location, "_Problems", "Mapping[str, Rule] | None"], Any]


@cache
def _explainer(t: Any) -> Explain | None:  # noqa: C901, PLR0911 - one case per kind of type
    """How the collecting pass reads a value of type ``t`` (``None``: as it is, for the rule)."""
    if _is_model(t):
        if t in WRITTEN_AS_FIELD:
            field = WRITTEN_AS_FIELD[t]
            return lambda data, path, out, _: _explain_text(t, field, data, path, out)
        return _object_explainer(t, _tag_of(t))
    if _is_var_tuple(t):
        item_type = get_args(t)[0]
        each = _explainer(item_type)

        def explain_list(data: Any, path: Location, out: _Problems, _: object) -> Any:
            if type(data) is not list:
                if isinstance(data, list):  # the converter would take it: see `_list_reader`
                    out.add(path, f"expected a list, got {describe(data)}", "wrong_type")
                    return _FAILED
                return data  # the field's rule says a list was expected
            if (built := out.built.get(id(data))) is not None:
                return built
            if each is None:
                return tuple(data)
            values = [each(item, (*path, index), out, None) for index, item in enumerate(data)]
            return _FAILED if _FAILED in values else tuple(values)

        return explain_list
    classes = _classes_of(t) if _is_union(t) else []
    if not classes:
        return None
    if len(classes) == 1 and not _has_scalars(t):  # one kind of value, or nothing
        only = _explainer(classes[0])
        if only is None:
            return None
        return lambda data, path, out, narrows: None if data is None else only(data, path, out, narrows)
    choose = _chooser(tuple(classes))
    explainers = {cls: _object_explainer(cls, _tag_of(cls)) for cls in classes}

    def explain_choice(data: Any, path: Location, out: _Problems, narrows: Mapping[str, Rule] | None) -> Any:
        if type(data) is not dict:
            return data
        cls = choose(data, path, out)
        return _FAILED if cls is None else explainers[cls](data, path, out, narrows)

    return explain_choice


def _explain_text(cls: type, field: str, data: Any, path: Location, out: _Problems) -> Any:
    if type(data) is not str:
        return data  # the rule of the field holding it says what was expected
    try:
        return cls(**{field: data})  # the collecting pass is doubting: a refusal is not worded
    except ValidationError:
        pass
    for problem in spec_of(cls).problems({field: data}):  # the problem is the text itself
        out.add(path, problem.reason, problem.code)
    return _FAILED


class _Plan:
    """How the collecting pass reads a mapping of one class (made for its first mapping).

    Made on first use rather than with the class's explainer: the model's classes refer to
    each other, and each field's explainer is looked up here.
    """

    __slots__ = ("allowed", "cls", "fields", "read", "required", "required_keys", "spec")

    def __init__(self, cls: type, extra_key: str | None) -> None:
        spec, types_ = spec_of(cls), _fields(cls)
        self.cls, self.spec = cls, spec
        self.fields: dict[str, tuple[Explain | None, Callable[[Any], Any] | None, Mapping[str, Rule] | None]]
        self.fields = {
            f.name: (_explainer(types_[f.name][0]), f.converter, f.rule.narrows or None) for f in spec.fields
        }
        """Per field: its explainer, converter and narrowing rules."""
        self.required = tuple(f.name for f in spec.fields if f.required)
        self.required_keys = frozenset(self.required)
        self.allowed = self.fields.keys() | ({extra_key} if extra_key else set())
        """The keys a mapping of the class may have."""
        self.read = _reader(cls, extra_key)

    def read_once(self, data: dict[Any, Any], out: _Problems) -> Any:
        """The object the fast path built from ``data``, or builds now if it never read it; else `_FAILED`.

        An object the fast path built passed its own rules; the rules of whatever holds it
        judge it next. Each mapping is read by the fast path at most once.
        """
        if (built := out.built.get(id(data))) is not None and type(built) is self.cls:
            return built
        if not out.fast or id(data) in out.failed or not self.required_keys <= data.keys():
            return _FAILED  # not to be tried, failed already, or a required field is missing
        if out.misses >= _MISSES:
            return _FAILED  # mappings keep failing here: explain this one without trying
        try:
            read = self.read(data)  # type: ignore[misc] # the caller is doubting
        except _Doubt as doubt:
            out.built.update(doubt.built)
            out.failed |= doubt.failed
            return _FAILED
        out.misses = 0
        return read


_MISSES: Final = 2
"""After this many mappings in a row with problems, the collecting pass stops trying the fast
path first (it would most likely fail too, and then the mapping is explained anyway) until a
mapping passes again. Either way a mapping gives the same object or the same problems."""


def _explain_object(
    cls: type, data: Any, path: Location, out: _Problems, *, extra_key: str | None = None
) -> Any:
    """The object of ``cls`` a mapping describes, or `_FAILED` with its problems in ``out``."""
    return _object_explainer(cls, extra_key)(data, path, out, None)


@cache
def _object_explainer(cls: type, extra_key: str | None) -> Explain:
    """How the collecting pass reads a mapping of ``cls``'s fields (and ``extra_key``)."""
    plan: _Plan | None = None

    def explain_object(data: Any, path: Location, out: _Problems, narrows: Mapping[str, Rule] | None) -> Any:
        nonlocal plan
        if type(data) is not dict:
            out.add(path, f"expected a mapping of fields, got {describe(data)}", "wrong_type")
            return _FAILED
        if plan is None:
            plan = _Plan(cls, extra_key)
        if (read := plan.read_once(data, out)) is not _FAILED:
            return read
        return _explain_fields(plan, data, path, out, narrows)

    return explain_object


def _explain_fields(  # noqa: C901 - one walk over a mapping's keys, fields and rules
    plan: _Plan, data: dict[Any, Any], path: Location, out: _Problems, narrows: Mapping[str, Rule] | None
) -> Any:
    """`_object_explainer` once the fast path is out of the question: one walk over keys, fields and rules."""
    fields = plan.fields
    before = len(out.found) + out.omitted
    if not data.keys() <= plan.allowed:
        out.unknown_keys(path, data, data.keys() - plan.allowed, plan.spec.names, plan.cls)
    values: dict[str, Any] = {}
    unreadable: list[str] = []
    for key in data if len(data) < len(fields) else fields:  # the fewer of the two
        if (entry := fields.get(key)) is None or key not in data:
            continue
        value = data[key]
        explain, converter, field_narrows = entry
        if explain is not None:
            value = explain(value, (*path, key), out, field_narrows)
            if value is _FAILED:
                unreadable.append(key)
                continue
        values[key] = converter(value) if converter else value
    if not plan.required_keys <= data.keys():
        for name in plan.required:
            if name not in data:
                out.add((*path, name), "required field missing", "missing_field")
    if found := plan.spec.problems(values, narrows, unreadable):
        out.extend(path, found)
    if len(out.found) + out.omitted > before:
        out.misses += 1
        return _FAILED
    out.misses = 0
    with trusted():  # the values have just passed every rule and relation
        return plan.cls(**values)


@cache
def _dose_kinds(classes: tuple[type, ...]) -> dict[str, type] | None:
    """When ``classes`` are doses: each one's key, in the documented order."""
    if set(classes) <= set(DOSES):
        return {key: cls for key, cls in _DOSE_KEYS.items() if cls in classes}
    return None


Choose = Callable[[dict[Any, Any], Location, "_Problems"], "type | None"]


def _chooser(classes: tuple[type, ...]) -> Choose:
    """How the collecting pass tells which of ``classes`` a mapping stands for.

    The function it gives returns ``None`` when the mapping stands for none: the reason is in ``out``.
    """
    if (kinds := _dose_kinds(classes)) is not None:
        return lambda data, path, out: _explain_dose(kinds, data, path, out)
    if (keyed := _KEYED.get(frozenset(classes))) is not None:
        key, with_key, without = keyed
        return lambda data, _path, _out: with_key if key in data else without
    tags = _tags_for(classes)
    if tags is None:
        only = classes[0]
        return lambda _data, _path, _out: only
    table, default = tags
    expected = "an exercise (no type) or 'superset'" if default is not None else _either(map(repr, table))

    def choose_tagged(data: dict[Any, Any], path: Location, out: _Problems) -> type | None:
        if "type" not in data:
            if default is None:
                out.add((*path, "type"), f"required field missing: expected {expected}", "missing_field")
            return default
        tag = data["type"]
        if type(tag) is str and tag in table:
            return table[tag]
        out.add((*path, "type"), f"expected {expected}, got {describe(tag)}", "unknown_type")
        return None

    return choose_tagged


def _explain_dose(
    kinds: dict[str, type], data: dict[Any, Any], path: Location, out: _Problems
) -> type | None:
    if len(data) == 1:  # the common case, a dose written with its key alone
        for key in data:
            if key != "max_reps" and (cls := kinds.get(key)) is not None:
                return cls
    found = [key for key in kinds if key in data]  # in the documented order
    if len(found) == 1:
        if found[0] == "max_reps" and data["max_reps"] is not True:
            out.add((*path, "max_reps"), f"expected true, got {describe(data['max_reps'])}", "wrong_type")
            return None
        return kinds[found[0]]
    keys = list(kinds)
    if not found:
        import difflib  # noqa: PLC0415 - only when reporting a problem

        guesses = [
            (key, matches[0])
            for key in list(data)[:MAX_SUGGESTIONS]
            if isinstance(key, str)
            and len(key) <= 100
            and (matches := difflib.get_close_matches(key, keys, n=1))
        ]
        if guesses:
            for key, guess in guesses:
                out.add((*path, key), f"unknown field; did you mean {guess!r}?", "unknown_field")
            return None
    got = f"got {' and '.join(found)}" if found else f"got {describe(data)}"
    out.add(path, f"expected exactly one of {', '.join(keys)}; {got}", "ambiguous_dose")
    return None


# --- writing -------------------------------------------------------------------------------


def _unstructure_fields(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Fields in declaration order, defaults left out, the class's marker (`_MARKERS`) first."""
    from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415 - see make_converter

    base: Callable[[Any], dict[str, Any]]
    base = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    fields = attrs.fields(cls)
    order = [f.name for f in fields]
    head = dict([_MARKERS[cls]]) if cls in _MARKERS else {}
    # cattrs writes the required fields first: the order holds when they come first anyway.
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    if order[: len(required)] == required:
        return (lambda obj: head | base(obj)) if head else base

    def unstructure(obj: Any) -> dict[str, Any]:
        data = base(obj)
        return head | {name: data[name] for name in order if name in data}

    return unstructure


def make_converter() -> cattrs.Converter:
    """The converter writing workouts as plain data (dicts, lists, str, int, float, bool).

    cattrs is imported here, when a workout is first written: reading never needs it.
    """
    import cattrs  # noqa: PLC0415 - loaded on first use, like the timeline and the exports

    converter = cattrs.Converter(omit_if_default=True)
    for cls, field in WRITTEN_AS_FIELD.items():
        converter.register_unstructure_hook(cls, attrgetter(field))
    # StrEnum before str, whose identity hook would otherwise keep the enum member.
    converter.register_unstructure_hook(StrEnum, lambda member: member.value)
    converter.register_unstructure_hook(Range, lambda r: {"min": r.min, "max": r.max})
    converter.register_unstructure_hook_factory(_is_model, lambda cls: _unstructure_fields(cls, converter))
    return converter


@cache
def converter() -> cattrs.Converter:
    """The converter, made on first use (not at import)."""
    return make_converter()


def to_dict(value: Workout | Pacing) -> dict[str, Any]:
    """A workout (or a pacing) as plain data ready for JSON, YAML or TOML.

    Fields at their default are left out; a workout's document starts with ``schema_version``.

    Raises:
        TypeError: ``value`` is neither a `Workout` nor a `Pacing`.

    >>> from runstrength import Pacing
    >>> to_dict(Pacing(seconds_per_rep=2.5))
    {'seconds_per_rep': 2.5}
    """
    from runstrength._pacing import Pacing  # noqa: PLC0415 - the timeline's module, loaded when used

    given: object = value  # callers without a type checker may pass anything
    if isinstance(given, Workout):
        return {_VERSION_KEY: SCHEMA_VERSION, **converter().unstructure(given, Workout)}
    if not isinstance(given, Pacing):
        msg = f"expected a Workout or a Pacing, got {type(given).__name__}"
        raise TypeError(msg)
    data: dict[str, Any] = converter().unstructure(given, Pacing)
    return data


# --- reading -------------------------------------------------------------------------------


@overload
def from_dict(data: object, kind: type[Workout] = ...) -> Workout: ...
@overload
def from_dict(data: object, kind: type[Pacing]) -> Pacing: ...
def from_dict(data: object, kind: type[Workout | Pacing] = Workout) -> Workout | Pacing:
    """The workout a document describes (or, with ``kind=Pacing``, the pacing).

    ``data`` is plain data, as a parser gives it: dicts, lists, text, numbers, booleans and
    ``None``. A mapping or list of another class (an ``OrderedDict``, an application's list
    subclass) is a problem at its path that names the class: ``blocks: expected a list, got a
    list of type Moves``.

    Raises:
        ValidationError: with every problem of the data and its path.
        TypeError: ``kind`` is neither `Workout` nor `Pacing`.
    """
    plain = check_limits(data)
    if kind is Workout:
        # A container of another class is named by the collecting pass, on its own: the fast
        # path would let a list of text through, as the field's converter takes any list.
        return structure_workout(data) if plain else _explain_document(data, _Problems(fast=False))
    from runstrength._pacing import Pacing  # noqa: PLC0415 - loaded when used

    if kind is not Pacing:
        msg = f"expected kind=Workout or kind=Pacing, got {kind!r}"
        raise TypeError(msg)
    pacing: Pacing = _structure(Pacing, data)
    return pacing


def structure_workout(data: object) -> Workout:
    """`from_dict` for data known to be a plain tree (parsed JSON or TOML): no size check."""
    out: _Problems | None = None
    if type(data) is dict and type(data.get(_VERSION_KEY)) is int and data[_VERSION_KEY] == SCHEMA_VERSION:
        try:
            workout: Workout = doubting(_read_workout(), data)
        except _Doubt as doubt:
            # What the doubt found, not the doubt: kept in a local, it would hold this frame
            # through its traceback, a cycle only the garbage collector frees.
            out = _Problems(doubt)
        else:
            return workout
    return _explain_document(data, out or _Problems())


@cache
def _read_workout() -> Read:
    """The fast path's reader of a workout's mapping (beside its ``schema_version``)."""
    return _model_reader(Workout, _VERSION_KEY)


def _explain_document(data: object, out: _Problems) -> Workout:
    return doubting(_explain_workout, data, out)  # what the fast path reads need only pass or fail


def _explain_workout(data: object, out: _Problems) -> Workout:
    out.failed.add(id(data))  # the fast path has read it, or could not
    if type(data) is not dict:
        reason = f"expected a mapping with schema_version and the workout's fields, got {describe(data)}"
        raise ValidationError([Problem((), reason, "wrong_type")])
    version = data.get(_VERSION_KEY, _MISSING)
    if version is _MISSING or version is None:
        out.add((_VERSION_KEY,), "required field missing", "missing_field")
    elif type(version) is not int or version != SCHEMA_VERSION:
        out.add((_VERSION_KEY,), f"expected {SCHEMA_VERSION}, got {describe(version)}", "wrong_version")
    workout = _explain_object(Workout, data, (), out, extra_key=_VERSION_KEY)
    if out.found or out.omitted:
        raise ValidationError(out.found, omitted=out.omitted)
    result: Workout = workout
    return result


def _structure(cls: type, data: object) -> Any:
    """An object of ``cls`` from a mapping: the fast path, else every problem explained."""
    try:
        return doubting(_model_reader(cls), data)
    except _Doubt as doubt:
        out = _Problems(doubt)
    value = doubting(_explain_object, cls, data, (), out)
    if out.found or out.omitted:
        raise ValidationError(out.found, omitted=out.omitted)
    return value


def check_limits(
    data: object, where: Callable[[str], tuple[int, int] | None] | None = None, *, above: int = 0
) -> bool:
    """Refuse plain data nested deeper than `MAX_DEPTH` or holding more than `MAX_NODES` values.

    The root is the first level, and every value (including the root, not counting keys) is
    one value; shared values (YAML aliases) count every time they appear, so alias bombs stop
    here. The walk goes level by level, so it keeps no depth per value. ``where`` gives the
    line and column to report for a code, when the data came from a text; ``above`` how many
    levels lie above ``data``, when it is a part of a document.

    Returns whether every container below the root is plain: a ``dict``, ``list`` or ``tuple``,
    not a subclass of one (whose insides the walk does not enter: its rule refuses it).
    """
    level: list[Any] = [data] if type(data) in _CONTAINERS else []
    nodes = 1
    plain = True
    for depth in count(above):
        if not level:
            return plain
        if depth >= MAX_DEPTH:
            _limit("too_deep", TOO_DEEP, where)
        below: list[Any] = []
        for value in level:
            children = value.values() if type(value) is dict else value
            nodes += len(children)
            if nodes > MAX_NODES:
                _limit("too_large", TOO_MANY, where)
            for child in children:
                if type(child) in _CONTAINERS:
                    below.append(child)
                elif plain and isinstance(child, _CONTAINERS):
                    plain = False
        level = below
    return plain  # pragma: no cover - the walk ends when a level is empty


def refused_parts(data: object, error: ValidationError) -> list[tuple[object, int]]:
    """The parts of refused data the model may not have read, each with its depth.

    Whatever the loader read into objects has the model's shape, which nests far less than
    `MAX_DEPTH`, and passed its rules; only the mappings and lists holding the problems' paths
    can hide anything else. Not the value at a path alone: a mapping refused for its ``type``
    tag is not read past the tag, so its other keys are part of it (for a path the data lacks,
    such as a missing field, the nearest value above it). With problems beyond the cap, whose
    paths are not known, the whole data.
    """
    if error.omitted:
        return [(data, 0)]
    parts: dict[int, tuple[object, int]] = {}
    for problem in error.problems:
        value, depth = deepest(data, problem.location[:-1])
        parts[id(value)] = value, depth
    return list(parts.values())


def deepest(data: object, location: Location) -> tuple[Any, int]:
    """The value at the longest start of ``location`` that ``data`` has, and that start's length."""
    value: Any = data
    depth = 0
    for part in location:
        in_list = type(value) is list and type(part) is int and 0 <= part < len(value)
        if not (in_list or (type(value) is dict and part in value)):
            break
        value = value[part]
        depth += 1
    return value, depth


def _limit(code: str, reason: str, where: Callable[[str], tuple[int, int] | None] | None) -> NoReturn:
    line, column = (where(code) if where else None) or (None, None)
    raise ValidationError([Problem((), reason, code=code, line=line, column=column)])


_CONTAINERS: Final = (dict, list, tuple)
