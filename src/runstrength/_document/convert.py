"""The document format: the model as plain data, and the converter that checks every value.

One cattrs converter turns workouts into plain dicts (defaults omitted, so documents stay
short) and back.  Structuring never coerces: primitives pass through untouched and the
model's own rules judge them, so the loader and the constructors share one set of rules.
Every problem in a document is collected, each with its path.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum, StrEnum
from functools import cache
from itertools import count
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from runstrength._errors import Problem, ValidationError
from runstrength._model import Amrap, Emom, Exercise, Intervals, Superset, Workout
from runstrength._spec.rules import Checked, Namer, check, describe
from runstrength._values import DOSES, Distance, Duration, Ladder, MaxReps, Range, Reps, Tempo

if TYPE_CHECKING:
    from runstrength._pacing import Pacing

SCHEMA_VERSION: Final = 1
"""The version of the document format this runstrength writes and reads."""

MAX_NODES: Final = 100_000
MAX_DEPTH: Final = 40

_DOSE_KEYS: Final[dict[str, type]] = {
    "reps": Reps,
    "seconds": Duration,
    "distance": Distance,
    "max_reps": MaxReps,
    "ladder": Ladder,
}
_ITEM_TAGS: Final[dict[str, type]] = {"superset": Superset}
_FORMAT_TAGS: Final[dict[str, type]] = {"intervals": Intervals, "emom": Emom, "amrap": Amrap}
_TAGS_OF: Final = {cls: tag for tag, cls in (*_ITEM_TAGS.items(), *_FORMAT_TAGS.items())}
_MARKERS: Final[dict[type, tuple[str, object]]] = {
    **{cls: ("type", tag) for cls, tag in _TAGS_OF.items()},
    MaxReps: ("max_reps", True),
}
"""The key and value a class's document carries besides its fields: a ``type`` tag, or the
``max_reps: true`` that names a dose with no field of that name."""
WRITTEN_AS_FIELD: Final[dict[type, str]] = {Tempo: "notation"}
"""Classes a document writes as the value of one field: a tempo is its notation, ``"3-1-X-0"``."""
_SCALARS: Final = (int, float, str, bool, type(None))

Hook = Callable[[Any, Any], Any]


def _fail(reason: str, *location: str | int) -> ValidationError:
    return ValidationError([Problem(location, reason)])


def _unknown_key(key: object, valid: list[str]) -> Problem:
    if not isinstance(key, str):
        return Problem((repr(key),), "unknown field (field names are text)")
    import difflib  # noqa: PLC0415 - only when reporting a problem

    close = difflib.get_close_matches(key, valid, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(valid)}"
    return Problem((key,), f"unknown field{hint}")


def _passthrough(data: Any, _: Any) -> Any:
    """Leave a plain value as it is: the model's rules judge it."""
    return data


def _compile_structure(cls: type, converter: cattrs.Converter) -> Hook:
    """One function structuring a valid mapping into ``cls`` straight away.

    It converts the fields that need it and hands the mapping to the constructor, whose
    defaults fill the fields left out.  Anything unexpected (not a mapping, an unknown or
    missing field, a problem in a field) goes to `_structure_fields`, which collects every
    problem: this is only the fast path of the same hooks and the same constructor.
    """
    fields, _, tag = _field_plan(cls, converter)
    scope: dict[str, Any] = {
        "_cls": cls,
        "_M": _MISSING,
        "_slow": lambda data: _structure_fields(cls, data, converter),
        "_VE": ValidationError,
    }

    def name(obj: object) -> str:
        key = f"_g{len(scope)}"
        scope[key] = obj
        return key

    body = ["fields = data.copy()"]
    if tag:
        body.append(f'fields.pop("{tag}", None)')  # the union's reader checked it
    for field, field_type, _, _ in fields:
        value = _inline(field_type, "value", name, converter)
        if value != "value":
            body += [
                f'if (value := fields.get("{field}", _M)) is not _M:',
                f'    fields["{field}"] = {value}',
            ]
    lines = [
        "def structure(data, _):",
        "    if type(data) is not dict:",
        "        return _slow(data)",
        "    try:",
        *(f"        {line}" for line in body),
        "        return _cls(**fields)",
        "    except (TypeError, _VE):  # an unknown or missing field, or a problem in one",
        "        return _slow(data)",
    ]
    exec("\n".join(lines), scope)  # noqa: S102 - code built from the model's own fields
    structure: Hook = scope["structure"]
    return structure


def _inline(field_type: Any, variable: str, name: Namer, converter: cattrs.Converter) -> str:
    """An expression structuring ``variable`` as the field's hook would, with fewer calls.

    Lists, enum values and ``None`` are handled in place; a class (or a union of classes)
    is its hook's call.  Only the fast path uses it: the hooks themselves explain problems.
    """
    hook = converter.get_structure_hook(field_type)
    if hook is _passthrough:
        return variable
    if isinstance(field_type, type) and issubclass(field_type, Enum):
        members = name({member.value: member for member in field_type})
        return f"({members}.get({variable}, {variable}) if type({variable}) is str else {variable})"
    others = [arg for arg in get_args(field_type) if arg is not type(None)]
    if _is_union(field_type) and len(others) == 1:
        value = _inline(others[0], variable, name, converter)
        return variable if value == variable else f"(None if {variable} is None else {value})"
    if _is_union(field_type):  # `_structure_union` reads mappings only
        call = f"{name(hook)}({variable}, {name(field_type)})"
        return f"({variable} if type({variable}) is not dict else {call})"
    if _is_var_tuple(field_type):
        item = f"{variable}_"
        each = _inline(others[0], item, name, converter)
        values = variable if each == item else f"[{each} for {item} in {variable}]"
        return f"(tuple({values}) if type({variable}) is list else {variable})"
    return f"{name(hook)}({variable}, {name(field_type)})"


def _structure_fields(cls: type, data: Any, converter: cattrs.Converter) -> Any:
    """Structure an attrs class field by field, collecting every problem."""
    if type(data) is not dict:
        raise _fail(f"expected a mapping of fields, got {describe(data)}")
    fields, names, tag = _field_plan(cls, converter)
    extra = data.keys() - names
    problems = [_unknown_key(key, [f[0] for f in fields]) for key in extra if key != tag]
    values: dict[str, Any] = {}
    for name, field_type, required, hook in fields:
        raw = data.get(name, _MISSING)
        if raw is _MISSING:
            if required:
                problems.append(Problem((name,), "required field missing"))
            continue
        try:
            values[name] = hook(raw, field_type)
        except ValidationError as error:
            problems.extend(error.within(name).problems)
    if problems:
        # Judge the fields that did structure, so one run reports everything.
        problems.extend(check(cls, values))
        raise ValidationError(problems)
    return cls(**values)


_MISSING: Final = object()
_FieldPlan = tuple[tuple[tuple[str, Any, bool, Hook], ...], frozenset[str], str | None]
_PLANS: dict[type, _FieldPlan] = {}


@cache
def _fields(cls: type) -> dict[str, tuple[Any, bool]]:
    """Each field's resolved type, and whether it is required."""
    attrs.resolve_types(cls)
    return {f.name: (f.type, f.default is attrs.NOTHING) for f in attrs.fields(cls)}


def _field_plan(cls: type, converter: cattrs.Converter) -> _FieldPlan:
    """Each field's name, type, whether it is required, and its hook; the names; the tag key."""
    try:
        return _PLANS[cls]
    except KeyError:
        fields = tuple(
            (name, field_type, required, converter.get_structure_hook(field_type))
            for name, (field_type, required) in _fields(cls).items()
        )
        tag = _MARKERS[cls][0] if cls in _MARKERS else None
        _PLANS[cls] = plan = (fields, frozenset(f[0] for f in fields), tag)
        return plan


def _union_dispatch(union: Any) -> Callable[[dict[Any, Any]], type] | None:
    """How to pick the class a mapping stands for in a union (``None``: plain values only)."""
    members = [m for m in get_args(union) if m not in _SCALARS]
    if set(members) <= set(DOSES):
        return _dose_picker({key: cls for key, cls in _DOSE_KEYS.items() if cls in members})
    if set(members) == {Exercise, Superset}:
        return _tagged(_ITEM_TAGS, Exercise, "an exercise (no type) or 'superset'")
    if set(members) == set(_FORMAT_TAGS.values()):
        return _tagged(_FORMAT_TAGS, None, "'intervals', 'emom' or 'amrap'")
    if len(members) > 1:  # pragma: no cover - a model change without a document rule
        msg = f"no document rule for {union}"
        raise TypeError(msg)
    return (lambda _: members[0]) if members else None


def _structure_union(union: Any, converter: cattrs.Converter) -> Hook:
    dispatch = _union_dispatch(union)
    plain = any(m in _SCALARS for m in get_args(union) if m is not type(None))
    only = [m for m in get_args(union) if m not in _SCALARS]
    if not plain and len(only) == 1:  # X | None: X's own hook judges anything but None
        hook = converter.get_structure_hook(only[0])
        return lambda data, _: None if data is None else hook(data, only[0])

    if dispatch is None:
        return _passthrough
    hooks = {cls: converter.get_structure_hook(cls) for cls in only}

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            return data  # the model's rule says what was expected
        cls = dispatch(data)
        if cls in _MARKERS:  # a tag picked the class; a marker such as max_reps must be its value
            key, value = _MARKERS[cls]
            if type(data[key]) is not type(value) or data[key] != value:
                shown = "true" if value is True else repr(value)
                raise _fail(f"expected {shown}, got {describe(data[key])}", key)
        return hooks[cls](data, cls)

    return structure


def _dose_picker(keys: Mapping[str, type]) -> Callable[[dict[Any, Any]], type]:
    names = keys.keys()

    def pick(data: dict[Any, Any]) -> type:
        present = names & data.keys()
        if len(present) == 1:
            return keys[present.pop()]
        found = [key for key in keys if key in data]  # in the documented order
        if not found:
            guesses = [_unknown_key(key, list(keys)) for key in data]
            if any("did you mean" in problem.reason for problem in guesses):
                raise ValidationError(guesses)
        if len(found) != 1:
            got = f"got {' and '.join(found)}" if found else f"got {describe(data)}"
            raise _fail(f"expected exactly one of {', '.join(keys)}; {got}")
        return keys[found[0]]

    return pick


def _tagged(
    tags: Mapping[str, type], default: type | None, expected: str
) -> Callable[[dict[Any, Any]], type]:
    def dispatch(data: dict[Any, Any]) -> type:
        if "type" not in data:
            if default is None:
                raise _fail(f"required field missing: expected {expected}", "type")
            return default
        try:
            return tags[data["type"]]
        except (KeyError, TypeError):
            raise _fail(f"expected {expected}, got {describe(data['type'])}", "type") from None

    return dispatch


def _structure_tuple(tuple_type: Any, converter: cattrs.Converter) -> Hook:
    (item_type, _) = get_args(tuple_type)
    hook = converter.get_structure_hook(item_type)

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not list:
            return data
        values: list[Any] = []
        problems: list[Problem] = []
        for index, item in enumerate(data):
            try:
                values.append(hook(item, item_type))
            except ValidationError as error:
                problems.extend(error.within(index).problems)
        if problems:
            raise ValidationError(problems)
        return tuple(values)

    return structure


@cache
def _structure_enum(enum: type[Enum]) -> Hook:
    members = {member.value: member for member in enum}

    def structure(data: Any, _: Any) -> Any:
        # A value that names no member passes through for the model's rule to report.
        return members.get(data, data) if type(data) is str else data

    return structure


def _structure_as_field(cls: type, field: str) -> Hook:
    """Read a class written as the text of its one field (`WRITTEN_AS_FIELD`)."""

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not str:
            return data  # the rule of the field holding it says what was expected
        try:
            return cls(**{field: data})
        except ValidationError as error:  # the problem is the text itself, not a field inside it
            raise ValidationError(Problem((), p.reason) for p in error.problems) from None

    return structure


def _is_union(t: Any) -> bool:
    return get_origin(t) in (typing.Union, types.UnionType)


def _is_var_tuple(t: Any) -> bool:
    return get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is Ellipsis


def _unstructure_fields(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Fields in declaration order, defaults left out, the class's marker (`_MARKERS`) first."""
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
    """The converter between workouts and plain data (dicts, lists, str, int, float, bool)."""
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    for scalar in (int, float, str, bool):
        converter.register_structure_hook(scalar, _passthrough)
    for cls, field in WRITTEN_AS_FIELD.items():
        converter.register_structure_hook(cls, _structure_as_field(cls, field))
        converter.register_unstructure_hook(cls, attrgetter(field))
    # StrEnum before str (singledispatch follows the MRO), so enum fields get their members.
    converter.register_structure_hook(StrEnum, lambda data, cls: _structure_enum(cls)(data, cls))
    converter.register_structure_hook_factory(_is_union, lambda t: _structure_union(t, converter))
    converter.register_structure_hook_factory(_is_var_tuple, lambda t: _structure_tuple(t, converter))
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, Checked),
        lambda cls: _compile_structure(cls, converter),
    )
    # StrEnum before str, whose identity hook would otherwise keep the enum member.
    converter.register_unstructure_hook(StrEnum, lambda member: member.value)
    converter.register_unstructure_hook(Range, lambda r: {"min": r.min, "max": r.max})
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, Checked),
        lambda cls: _unstructure_fields(cls, converter),
    )
    return converter


@cache
def converter() -> cattrs.Converter:
    """The converter, made on first use (not at import)."""
    return make_converter()


@cache
def _structure_workout() -> Hook:
    return converter().get_structure_hook(Workout)


def to_dict(value: Workout | Pacing) -> dict[str, Any]:
    """A workout (or a pacing) as plain data ready for JSON, YAML or TOML.

    Fields at their default are left out; a workout's document starts with ``schema_version``.

    >>> from runstrength import Pacing
    >>> to_dict(Pacing(seconds_per_rep=2.5))
    {'seconds_per_rep': 2.5}
    """
    if isinstance(value, Workout):
        return {"schema_version": SCHEMA_VERSION, **converter().unstructure(value, Workout)}
    data: dict[str, Any] = converter().unstructure(value, type(value))
    return data


@overload
def from_dict(data: object) -> Workout: ...
@overload
def from_dict(data: object, kind: type[Pacing]) -> Pacing: ...
def from_dict(data: object, kind: type[Workout | Pacing] = Workout) -> Workout | Pacing:
    """The workout a document describes (or, with ``kind=Pacing``, the pacing).

    Raises:
        ValidationError: with every problem of the data and its path.
    """
    check_size(data)
    if kind is Workout:
        return structure_workout(data)
    pacing: Pacing = converter().get_structure_hook(kind)(data, kind)
    return pacing


def structure_workout(data: object) -> Workout:
    """`from_dict` for data known to be a plain tree (parsed JSON or TOML): no size check.

    Parsed text has no shared values, so its size is bounded by the text's.
    """
    if type(data) is not dict:
        raise _fail(f"expected a mapping with schema_version and the workout's fields, got {describe(data)}")
    body = dict(data)
    problems: list[Problem] = []
    version = body.pop("schema_version", None)
    if version is None:
        problems.append(Problem(("schema_version",), "required field missing"))
    elif type(version) is not int or version != SCHEMA_VERSION:
        problems.append(Problem(("schema_version",), f"expected {SCHEMA_VERSION}, got {describe(version)}"))
    try:
        workout: Workout = _structure_workout()(body, Workout)
    except ValidationError as error:
        problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return workout


def check_size(data: object) -> None:
    """Refuse data nested deeper than `MAX_DEPTH` or with more than `MAX_NODES` values.

    Shared values (YAML aliases) count every time they appear, so alias bombs stop here.
    The walk goes level by level, so it keeps no depth per value.
    """
    level: list[Any] = [data] if type(data) in _CONTAINERS else []
    nodes = 1
    for depth in count():
        if not level:
            return
        if depth >= MAX_DEPTH:
            raise _fail(f"document nested too deeply: more than {MAX_DEPTH} levels")
        below: list[Any] = []
        for value in level:
            children = value.values() if type(value) is dict else value
            nodes += len(children)
            if nodes > MAX_NODES:
                raise _fail(f"document too large: more than {MAX_NODES} values")
            for child in children:
                if type(child) in _CONTAINERS:
                    below.append(child)  # noqa: PERF401 - a plain loop beats a generator here
        level = below


_CONTAINERS: Final = (dict, list, tuple)
