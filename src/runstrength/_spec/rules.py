"""Field rules: declared once on the model, run by constructors and by the loader.

A rule is a callable taking a field's value and returning ``(location, reason)``
findings relative to that field (none when the value is fine).  ``checks`` attaches one to an attrs
field's metadata; ``Checked`` runs them all (every problem, not just the first) after
``__init__`` and raises one `ValidationError`.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum
from operator import attrgetter
from typing import Any
from urllib.parse import urlsplit

import attrs

from runstrength._errors import Location, Problem, ValidationError

Finding = tuple[Location, str]
Rule = Callable[[object], Sequence[Finding]]
"""A rule returns no findings (an empty sequence) for a value it accepts."""

_RULE = "runstrength.rule"
_NORMALIZE = "runstrength.normalize"
_SCHEMAS: dict[Rule, dict[str, Any]] = {}

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_UNWRITABLE = f"[{_CONTROLS}\ud800-\udfff]"
"""Control characters (other than tab and line breaks) and lone surrogates: text no file can carry."""
TEXT_PATTERN = r"^(?![\s\S]*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f])\S(?:[\s\S]*\S)?$"
"""Text that neither starts nor ends with whitespace and has no control characters."""


def unwritable(value: str) -> re.Match[str] | None:
    """The first character of ``value`` that no file can carry, if any.

    The pattern is compiled on first use (and cached by `re`), not at import.
    """
    return re.search(_UNWRITABLE, value)


def described(rule: Rule, schema: dict[str, Any]) -> Rule:
    """Record the JSON Schema of the values ``rule`` accepts (class references as ``$ref``)."""
    _SCHEMAS[rule] = schema
    return rule


Namer = Callable[[object], str]
"""Gives a generated function a global name for an object it refers to."""
Fast = Callable[[str, Namer], str]
"""Writes a Python expression, true only for values a rule accepts, about a variable."""
_FAST: dict[Rule, Fast] = {}
_EACH: dict[Rule, tuple[Rule, int, int, bool]] = {}
"""`items` rules: the rule of each item, the least and most items, whether they must differ."""
_OPTIONAL: dict[Rule, Rule] = {}
"""`optional` rules: the rule of the value when it is not ``None``."""


def fast(rule: Rule, expression: Fast) -> Rule:
    """Record an inline expression that accepts (a subset of) what ``rule`` accepts.

    Checking a value runs the expression; only when it is false does the rule itself run,
    to confirm and explain.  An expression may be conservative, never more lenient.
    """
    _FAST[rule] = expression
    return rule


def fast_expression(rule: Rule, variable: str, name: Namer) -> str:
    """The rule's inline expression about ``variable``, or a call of the rule itself."""
    expression = _FAST.get(rule)
    if expression is None:
        return f"not {name(rule)}({variable})"
    return expression(variable, name)


def schema_of(rule: Rule) -> dict[str, Any]:
    """The JSON Schema recorded for a rule (``{}``: anything)."""
    return _SCHEMAS.get(rule, {})


def class_ref(cls: type) -> dict[str, Any]:
    """A JSON Schema reference to a model class's definition."""
    return {"$ref": f"#/$defs/{cls.__name__}"}


class _Short(reprlib.Repr):
    """Brief reprs: deep or huge input stays cheap to show, and huge ints never raise."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother = 3, 60, 60

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 64:  # repr() of a huge int can exceed Python's digit limit and raise
            return f"<an integer of about {int(x.bit_length() * 0.30103) + 1} digits>"
        return super().repr_int(x, level)


_SHORT = _Short()


def describe(value: object) -> str:
    """A short repr of a found value for messages."""
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _quantity(lo: float, hi: float, unit: str) -> str:
    return f"from {lo:g} to {hi:g}{unit}"


def _found(reason: str) -> list[Finding]:
    return [((), reason)]


def whole(lo: int, hi: int, unit: str = "") -> Rule:
    """A whole number (not a bool, not a float) in ``[lo, hi]``."""

    def rule(value: object) -> Sequence[Finding]:
        if type(value) is int and lo <= value <= hi:
            return ()
        return _found(f"expected a whole number {_quantity(lo, hi, unit)}, got {describe(value)}")

    fast(rule, lambda v, _: f"(type({v}) is int and {lo!r} <= {v} <= {hi!r})")
    return described(rule, {"type": "integer", "minimum": lo, "maximum": hi})


def number(lo: float, hi: float, unit: str = "", *, above: bool = False) -> Rule:
    """A finite int or float in ``[lo, hi]`` (``(lo, hi]`` when ``above``)."""
    low = f"above {lo:g}" if above else f"{lo:g}"

    def rule(value: object) -> Sequence[Finding]:
        # The bounds are finite, so NaN and infinities fail the comparison; an int of any
        # size compares exactly (math.isfinite would overflow on a huge one).
        if type(value) is int or type(value) is float:
            v: float = value
            if (v > lo if above else v >= lo) and v <= hi:
                return ()
        return _found(f"expected a number from {low} to {hi:g}{unit}, got {describe(value)}")

    below = "<" if above else "<="
    fast(rule, lambda v, _: f"((type({v}) is int or type({v}) is float) and {lo!r} {below} {v} <= {hi!r})")
    low_key = "exclusiveMinimum" if above else "minimum"
    return described(rule, {"type": "number", low_key: lo, "maximum": hi})


def text(max_length: int = 100) -> Rule:
    """Non-empty text of at most ``max_length`` characters, without surrounding spaces."""

    def rule(value: object) -> Sequence[Finding]:
        if not isinstance(value, str):
            return _found(f"expected text, got {describe(value)}")
        if not value.strip():
            return _found("must not be empty")
        if value != value.strip():
            return _found(f"must not start or end with whitespace, got {describe(value)}")
        if len(value) > max_length:
            return _found(f"expected at most {max_length} characters, got {len(value)}")
        if bad := unwritable(value):
            return _found(f"must not contain control characters or lone surrogates, found {bad[0]!r}")
        return ()

    # CPython's strip() returns the very string when there is nothing to strip; elsewhere
    # the quick check merely doubts every text, and the rule itself decides.
    fast(
        rule,
        lambda v, name: (
            f"(type({v}) is str and 0 < len({v}) <= {max_length} and {v}.strip() is {v} "
            f"and ({v}.isprintable() or {name(unwritable)}({v}) is None))"
        ),
    )
    schema = {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": TEXT_PATTERN}
    return described(rule, schema)


def url() -> Rule:
    """An absolute http(s) URL (lowercase scheme, no whitespace anywhere)."""

    def rule(value: object) -> Sequence[Finding]:
        if not isinstance(value, str) or len(value) > 2000:
            return _found(f"expected a URL, got {describe(value)}")
        try:
            parts = urlsplit(value)
        except ValueError:  # e.g. a host that changes under NFKC normalization
            return _found(f"expected an http(s) URL, got {describe(value)}")
        if not value.startswith(("http://", "https://")) or not parts.netloc or re.search(r"\s", value):
            return _found(f"expected an http(s) URL, got {describe(value)}")
        return ()

    schema = {"type": "string", "format": "uri", "pattern": "^https?://\\S+$", "maxLength": 2000}
    return described(rule, schema)


def member(enum: type[Enum]) -> Rule:
    """One of an enum's members."""
    choices = ", ".join(str(m.value) for m in enum)

    def rule(value: object) -> Sequence[Finding]:
        if isinstance(value, enum):
            return ()
        return _found(f"expected one of {choices}, got {describe(value)}")

    fast(rule, lambda v, name: f"(type({v}) is {name(enum)})")
    return described(rule, {"enum": [m.value for m in enum]})


def instance(*classes: type, name: str) -> Rule:
    """An instance of one of ``classes`` (nested objects validate themselves)."""

    def rule(value: object) -> Sequence[Finding]:
        if isinstance(value, classes):
            return ()
        return _found(f"expected {name}, got {describe(value)}")

    fast(rule, lambda v, name: f"isinstance({v}, {name(classes)})")
    refs = [class_ref(cls) for cls in classes]
    return described(rule, refs[0] if len(refs) == 1 else {"anyOf": refs})


def flag() -> Rule:
    """``True`` or ``False``."""

    def rule(value: object) -> Sequence[Finding]:
        if type(value) is bool:
            return ()
        return _found(f"expected true or false, got {describe(value)}")

    fast(rule, lambda v, _: f"(type({v}) is bool)")
    return described(rule, {"type": "boolean"})


def optional(inner: Rule) -> Rule:
    """``None``, or whatever ``inner`` accepts."""

    def rule(value: object) -> Sequence[Finding]:
        return () if value is None else inner(value)

    fast(rule, lambda v, name: f"({v} is None or {fast_expression(inner, v, name)})")
    _OPTIONAL[rule] = inner
    return described(rule, {"anyOf": [schema_of(inner), {"type": "null"}]})


def items(inner: Rule, *, max_length: int, min_length: int = 0, unique: bool = False) -> Rule:
    """A tuple whose items each pass ``inner``."""
    size = f"at least {min_length}" if min_length else "at most"

    def rule(value: object) -> Sequence[Finding]:
        if not isinstance(value, tuple):
            return _found(f"expected a list, got {describe(value)}")
        if len(value) > max_length:
            return _found(f"expected at most {max_length} items, got {len(value)}")
        findings: list[Finding] = []
        if len(value) < min_length:
            findings += _found(f"expected {size} item{'s' if min_length > 1 else ''}, got {len(value)}")
        for index, item in enumerate(value):
            for location, reason in inner(item):
                findings.append(((index, *location), reason))
        if unique and _has_duplicates(value):
            findings += _duplicates(value)
        return findings

    _EACH[rule] = (inner, min_length, max_length, unique)  # checked by a loop: see `_statements`
    schema: dict[str, Any] = {"type": "array", "items": schema_of(inner), "maxItems": max_length}
    if min_length:
        schema["minItems"] = min_length
    if unique:
        schema["uniqueItems"] = True
    return described(rule, schema)


def _distinct(values: tuple[object, ...]) -> bool:
    return not _has_duplicates(values)


def _has_duplicates(values: tuple[object, ...]) -> bool:
    try:
        return len(set(values)) != len(values)
    except TypeError:  # unhashable items: look closer
        return True


def _duplicates(values: tuple[object, ...]) -> list[Finding]:
    seen: set[object] = set()
    findings: list[Finding] = []
    for index, item in enumerate(values):
        try:
            duplicate = item in seen
            seen.add(item)
        except TypeError:  # unhashable: its own rule reports the wrong type
            continue
        if duplicate:
            findings.append(((index,), f"duplicate of an earlier item: {describe(item)}"))
    return findings


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


def checks(rule: Rule, *, normalize: Callable[[object], object] | None = None) -> dict[str, object]:
    """The metadata of an attrs field whose value ``rule`` checks: ``attrs.field(metadata=checks(…))``.

    ``normalize`` turns another accepted spelling (a list, an enum's value) into the value
    the rule wants.  It runs only for an object the quick check doubts, before the rules:
    objects built from canonical values (as the loader builds them) never pay for it.
    """
    return {_RULE: rule} if normalize is None else {_RULE: rule, _NORMALIZE: normalize}


class Checked:
    """Mixin for frozen attrs classes: after ``__init__``, run every field rule and relation.

    It also gives them equality, a hash, a repr and a compact pickled state over their
    fields, so declare them with ``eq=False, repr=False, getstate_setstate=False``: attrs
    then writes and compiles only ``__init__`` for each class, which keeps
    ``import runstrength`` quick.
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        # The first instance of a class compiles its validator and installs it in the
        # class's own namespace, where later instances find it first.
        cls = type(self)
        validate = _compile_validator(cls)
        setattr(cls, "__attrs_post_init__", validate)  # noqa: B010 - mypy would refuse the assignment
        validate(self)

    def __eq__(self, other: object) -> bool:
        """Equal when of the same class with equal fields (attrs' own semantics)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        fields = _field_values(self.__class__)
        equal: bool = fields(self) == fields(other)
        return equal

    def __hash__(self) -> int:
        return hash((self.__class__, _field_values(self.__class__)(self)))

    def __getstate__(self) -> tuple[object, ...]:
        """The field values in order, for pickle and `copy` (no field names per object)."""
        return _field_values(self.__class__)(self)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(_field_names(self.__class__), state, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        """The class and every field that differs from its default: ``Reps(reps=8)``."""
        cls: type = type(self)
        shown = []
        for field in attrs.fields(cls):
            value = getattr(self, field.name)
            if field.default is attrs.NOTHING or value != field.default:
                shown.append(f"{field.name}={value!r}")
        return f"{cls.__name__}({', '.join(shown)})"

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:  # noqa: ARG003 - for subclasses
        """Rules between fields; ``values`` holds only the fields that passed their own rule."""
        return iter(())


def _full_check(obj: Any) -> None:
    """Normalize the fields of an object the quick check doubted, then run every rule.

    Raises:
        ValidationError: a rule found a problem.
    """
    cls = type(obj)
    for name, normalize in _plan(cls).normalizers:
        value = getattr(obj, name)
        if (normal := normalize(value)) is not value:
            object.__setattr__(obj, name, normal)
    problems = check(cls, {name: getattr(obj, name) for name, _ in field_rules(cls)})
    if problems:
        raise ValidationError(problems)


_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _fields_of(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """A class's field names, and a function giving an instance's values as a tuple; made once."""
    try:
        return _FIELDS[cls]
    except KeyError:
        names = tuple(field.name for field in attrs.fields(cls))
        get = attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)
        _FIELDS[cls] = found = (names, get)
        return found


def _field_names(cls: type) -> tuple[str, ...]:
    return _fields_of(cls)[0]


def _field_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    return _fields_of(cls)[1]


_DOUBT = "return _full_check(self)"


def _statements(rule: Rule, variable: str, name: Namer, depth: int = 0) -> list[str]:
    """Lines that return ``_full_check(self)`` unless the rule's quick check accepts ``variable``.

    Lists are checked by a loop (cheaper than a generator), everything else by the rule's
    inline expression.
    """
    if rule in _OPTIONAL and _OPTIONAL[rule] in _EACH:
        inner = _statements(_OPTIONAL[rule], variable, name, depth)
        return [f"if {variable} is not None:", *(f"    {line}" for line in inner)]
    if rule not in _EACH:
        return [f"if not {fast_expression(rule, variable, name)}: {_DOUBT}"]
    each, least, most, unique = _EACH[rule]
    distinct = f" and {name(_distinct)}({variable})" if unique else ""
    item = f"_item{depth}"
    inner = _statements(each, item, name, depth + 1)
    return [
        f"if not (type({variable}) is tuple and {least} <= len({variable}) <= {most}{distinct}): {_DOUBT}",
        f"for {item} in {variable}:",
        *(f"    {line}" for line in inner),
    ]


def _compile_validator(cls: type) -> Callable[[Any], None]:
    """One function checking every field of ``cls`` inline; the rules explain failures.

    The same rules, compiled: each rule's quick check runs first, and anything it
    doubts goes through `check`, so behaviour is that of the rules alone.  An instance of
    a subclass goes back to `Checked`, which compiles the subclass's own validator.
    """
    plan = _plan(cls)
    rules, relations = plan.rules, plan.relations
    names: dict[str, object] = {"_full_check": _full_check, "_cls": cls, "_Checked": Checked}

    def name(obj: object) -> str:
        key = f"_g{len(names)}"
        names[key] = obj
        return key

    body = [
        "if type(self) is not _cls:",
        "    return _Checked.__attrs_post_init__(self)",
        *(f"v_{field} = self.{field}" for field, _ in rules),
    ]
    for field, rule in rules:
        body += _statements(rule, f"v_{field}", name)
    if relations:
        values = ", ".join(f"{field!r}: v_{field}" for field, _ in rules)
        body += [f"for _ in _cls._relations({{{values}}}):", f"    {_DOUBT}"]
    lines = ["def __attrs_post_init__(self):", *(f"    {line}" for line in body)]
    exec("\n".join(lines), names)  # noqa: S102 - code built from our own rule declarations
    validate: Callable[[Any], None] = names["__attrs_post_init__"]  # type: ignore[assignment]
    return validate


def field_rules(cls: type) -> tuple[tuple[str, Rule], ...]:
    """The (field name, rule) pairs declared on an attrs class, in field order."""
    return _plan(cls).rules


class _Plan:
    """What a class declares: its field rules, whether it has relations of its own, its normalizers."""

    __slots__ = ("normalizers", "relations", "rules")

    def __init__(
        self,
        rules: tuple[tuple[str, Rule], ...],
        relations: bool,  # noqa: FBT001 - a private record
        normalizers: tuple[tuple[str, Callable[[object], object]], ...],
    ) -> None:
        self.rules, self.relations, self.normalizers = rules, relations, normalizers


def _plan(cls: type) -> _Plan:
    """The class's `_Plan`, read from its fields once."""
    try:
        return _PLANS[cls]
    except KeyError:
        fields = attrs.fields(cls)
        rules = tuple((f.name, f.metadata[_RULE]) for f in fields if _RULE in f.metadata)
        normalizers = tuple((f.name, f.metadata[_NORMALIZE]) for f in fields if _NORMALIZE in f.metadata)
        own = getattr(cls, "_relations", None)
        relations = getattr(own, "__func__", None) is not Checked.__dict__["_relations"].__func__
        _PLANS[cls] = plan = _Plan(rules, relations, normalizers)
        return plan


_PLANS: dict[type, _Plan] = {}


def check(cls: type, values: Mapping[str, Any]) -> list[Problem]:
    """Every problem of ``values`` (a field name → value mapping, possibly partial) for ``cls``."""
    problems: list[Problem] = []
    passed: dict[str, Any] = {}
    plan = _plan(cls)
    rules, relations = plan.rules, plan.relations
    for name, rule in rules:
        if name not in values:
            continue
        value = values[name]
        findings = rule(value)
        if findings:
            problems.extend(Problem((name, *location), reason) for location, reason in findings)
        else:
            passed[name] = value
    if relations:
        problems.extend(Problem(location, reason) for location, reason in cls._relations(passed))  # type: ignore[attr-defined]
    return problems
