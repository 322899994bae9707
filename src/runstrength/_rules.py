"""Field rules: declared once on the model, run by constructors and by the loader.

A rule is a callable taking a field's value and yielding ``(location, reason)``
findings relative to that field.  ``checked_field`` attaches one to an attrs
field; ``Checked`` runs them all (every problem, not just the first) after
``__init__`` and raises one `ValidationError`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

import attrs

from ._errors import Location, Problem, ValidationError

Finding = tuple[Location, str]
Rule = Callable[[object], Iterator[Finding]]

_RULE = "runstrength.rule"
_SCHEMAS: dict[Rule, dict[str, Any]] = {}

TEXT_PATTERN = r"^\S(?:[\s\S]*\S)?$"
"""Text that neither starts nor ends with whitespace (JSON Schema and Python agree on it)."""


def described(rule: Rule, schema: dict[str, Any]) -> Rule:
    """Record the JSON Schema of the values ``rule`` accepts (class references as ``$ref``)."""
    _SCHEMAS[rule] = schema
    return rule


def schema_of(rule: Rule) -> dict[str, Any]:
    """The JSON Schema recorded for a rule (``{}``: anything)."""
    return _SCHEMAS.get(rule, {})


def class_ref(cls: type) -> dict[str, Any]:
    """A JSON Schema reference to a model class's definition."""
    return {"$ref": f"#/$defs/{cls.__name__}"}


MISSING: Any = attrs.NOTHING


def describe(value: object) -> str:
    """A short repr of a found value for messages."""
    if type(value) is int and value.bit_length() > 64:
        # repr() of a huge int can exceed Python's digit limit and raise.
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _quantity(lo: float, hi: float, unit: str) -> str:
    return f"from {lo:g} to {hi:g}{unit}"


def whole(lo: int, hi: int, unit: str = "") -> Rule:
    """A whole number (not a bool, not a float) in ``[lo, hi]``."""

    def rule(value: object) -> Iterator[Finding]:
        if type(value) is not int or not lo <= value <= hi:
            yield (), f"expected a whole number {_quantity(lo, hi, unit)}, got {describe(value)}"

    return described(rule, {"type": "integer", "minimum": lo, "maximum": hi})


def number(lo: float, hi: float, unit: str = "", *, above: bool = False) -> Rule:
    """A finite int or float in ``[lo, hi]`` (``(lo, hi]`` when ``above``)."""
    low = f"above {lo:g}" if above else f"{lo:g}"

    def rule(value: object) -> Iterator[Finding]:
        ok = type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]
        if ok:
            v: float = value  # type: ignore[assignment]
            ok = (v > lo if above else v >= lo) and v <= hi
        if not ok:
            yield (), f"expected a number from {low} to {hi:g}{unit}, got {describe(value)}"

    low_key = "exclusiveMinimum" if above else "minimum"
    return described(rule, {"type": "number", low_key: lo, "maximum": hi})


def text(max_length: int = 100) -> Rule:
    """Non-empty text of at most ``max_length`` characters, without surrounding spaces."""

    def rule(value: object) -> Iterator[Finding]:
        if not isinstance(value, str):
            yield (), f"expected text, got {describe(value)}"
        elif not value.strip():
            yield (), "must not be empty"
        elif value != value.strip():
            yield (), f"must not start or end with whitespace, got {describe(value)}"
        elif len(value) > max_length:
            yield (), f"expected at most {max_length} characters, got {len(value)}"

    schema = {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": TEXT_PATTERN}
    return described(rule, schema)


def url() -> Rule:
    """An absolute http(s) URL."""

    def rule(value: object) -> Iterator[Finding]:
        if not isinstance(value, str) or len(value) > 2000:
            yield (), f"expected a URL, got {describe(value)}"
            return
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            yield (), f"expected an http(s) URL, got {describe(value)}"

    return described(
        rule, {"type": "string", "format": "uri", "pattern": "^https?://\\S+$", "maxLength": 2000}
    )


def member(enum: type[Enum]) -> Rule:
    """One of an enum's members."""
    choices = ", ".join(str(m.value) for m in enum)

    def rule(value: object) -> Iterator[Finding]:
        if not isinstance(value, enum):
            yield (), f"expected one of {choices}, got {describe(value)}"

    return described(rule, {"enum": [m.value for m in enum]})


def instance(*classes: type, name: str) -> Rule:
    """An instance of one of ``classes`` (nested objects validate themselves)."""

    def rule(value: object) -> Iterator[Finding]:
        if not isinstance(value, classes):
            yield (), f"expected {name}, got {describe(value)}"

    refs = [class_ref(cls) for cls in classes]
    return described(rule, refs[0] if len(refs) == 1 else {"anyOf": refs})


def flag() -> Rule:
    """``True`` or ``False``."""

    def rule(value: object) -> Iterator[Finding]:
        if type(value) is not bool:
            yield (), f"expected true or false, got {describe(value)}"

    return described(rule, {"type": "boolean"})


def optional(inner: Rule) -> Rule:
    """``None``, or whatever ``inner`` accepts."""

    def rule(value: object) -> Iterator[Finding]:
        if value is not None:
            yield from inner(value)

    return described(rule, {"anyOf": [schema_of(inner), {"type": "null"}]})


def items(inner: Rule, *, max_length: int, min_length: int = 0, unique: bool = False) -> Rule:  # noqa: C901
    """A tuple whose items each pass ``inner``."""
    size = f"at least {min_length}" if min_length else "at most"

    def rule(value: object) -> Iterator[Finding]:
        if not isinstance(value, tuple):
            yield (), f"expected a list, got {describe(value)}"
            return
        if len(value) < min_length:
            yield (), f"expected {size} item{'s' if min_length > 1 else ''}, got {len(value)}"
        if len(value) > max_length:
            yield (), f"expected at most {max_length} items, got {len(value)}"
            return
        seen: set[object] = set()
        for index, item in enumerate(value):
            for location, reason in inner(item):
                yield (index, *location), reason
            if unique:
                try:
                    duplicate = item in seen
                    seen.add(item)
                except TypeError:
                    duplicate = False
                if duplicate:
                    yield (index,), f"duplicate of an earlier item: {describe(item)}"

    schema: dict[str, Any] = {"type": "array", "items": schema_of(inner), "maxItems": max_length}
    if min_length:
        schema["minItems"] = min_length
    if unique:
        schema["uniqueItems"] = True
    return described(rule, schema)


def to_tuple(value: object) -> object:
    """Accept a list where a tuple is expected; leave anything else for the rule to judge."""
    return tuple(value) if isinstance(value, list) else value


def to_enum(enum: type[Enum]) -> Callable[[object], object]:
    """Accept an enum's value (``"each"``) for its member; leave anything else to the rule."""

    def convert(value: object) -> object:
        if isinstance(value, str) and not isinstance(value, enum):
            try:
                return enum(value)
            except ValueError:
                return value
        return value

    return convert


def checked_field(rule: Rule, *, converter: Callable[[object], object] | None = None, **kwargs: Any) -> Any:
    """An attrs field whose value ``rule`` checks."""
    return attrs.field(metadata={_RULE: rule}, converter=converter, **kwargs)


class Checked:
    """Mixin for frozen attrs classes: after ``__init__``, run every field rule and relation."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        values = {name: getattr(self, name) for name, _ in field_rules(cls)}
        problems = check(cls, values)
        if problems:
            raise ValidationError(problems)

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:  # noqa: ARG003 - for subclasses
        """Rules between fields; ``values`` holds only the fields that passed their own rule."""
        return iter(())


def field_rules(cls: type) -> tuple[tuple[str, Rule], ...]:
    """The (field name, rule) pairs declared on an attrs class, in field order."""
    try:
        return _RULES_BY_CLASS[cls]
    except KeyError:
        pairs = tuple((f.name, f.metadata[_RULE]) for f in attrs.fields(cls) if _RULE in f.metadata)
        _RULES_BY_CLASS[cls] = pairs
        return pairs


_RULES_BY_CLASS: dict[type, tuple[tuple[str, Rule], ...]] = {}


def check(cls: type, values: Mapping[str, Any]) -> list[Problem]:
    """Every problem of ``values`` (a field name → value mapping, possibly partial) for ``cls``."""
    problems: list[Problem] = []
    passed: dict[str, Any] = {}
    for name, rule in field_rules(cls):
        if name not in values:
            continue
        value = values[name]
        findings = list(rule(value))
        if findings:
            problems.extend(Problem((name, *location), reason) for location, reason in findings)
        else:
            passed[name] = value
    if issubclass(cls, Checked):
        problems.extend(Problem(location, reason) for location, reason in cls._relations(passed))
    return problems
