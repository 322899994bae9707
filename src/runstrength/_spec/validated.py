"""The validated base of every model class: fields declare rules, classes declare relations.

A field declares its rule and meaning once, in its attrs metadata::

    reps: Amount = attrs.field(metadata=ruled(AmountRule(1, 1000), "How many repetitions."))

and a class lists the rules between its fields as `Relation` objects in ``__relations__``.
After attrs' generated ``__init__`` (whose converters turn lists into tuples and enum text
into members), `Validated.__attrs_post_init__` runs one loop: each rule's cheap
`~runstrength._spec.rules.Rule.accepts`, then the relations. The first doubt switches to
`problems`, which gathers every finding of every field and relation, and one
`ValidationError` lists them all. The loop is written once (`plain_validator`) and, unless
``RUNSTRENGTH_NO_CODEGEN=1``, generated unrolled for each class (`runstrength._spec.compiled`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from contextvars import ContextVar
from functools import partial
from operator import attrgetter
from typing import Any, ClassVar, Final, TypeVar, TypeVarTuple

import attrs

from runstrength._errors import Problem, ValidationError

from .declared import Declared
from .rules import Finding, Optional, Rule

T = TypeVar("T")
Args = TypeVarTuple("Args")
_RULE: Final = "runstrength.rule"
_DESCRIPTION: Final = "description"  # the key griffe-fieldz reads for the API reference
PICKLE_VERSION: Final = 2
"""The version of the pickled state of model objects (see `Validated.__reduce__`).

Version 2 names the fields (one shared tuple per class, which pickle stores once per stream), so a
pickle keeps loading when a later version adds fields (they take their defaults). Version 1 held
the values in field order only; it loads while the class has exactly as many fields."""


def ruled(rule: Rule, description: str) -> dict[str, object]:
    """The metadata of a field: its rule and what it means (``attrs.field(metadata=ruled(...))``)."""
    return {_RULE: rule, _DESCRIPTION: description}


@attrs.frozen(eq=False, repr=False)
class Relation(Declared):
    """A rule between fields of one object.

    ``check`` receives the values of ``fields`` (in that order) and returns findings located
    relative to the object; it runs only when each of those fields passed its own rule.
    ``doc`` says the rule in words, for the documentation and the list of rules JSON Schema
    cannot express.
    """

    fields: tuple[str, ...]
    check: Callable[..., Sequence[Finding]]
    doc: str

    def findings(self, values: Sequence[object]) -> Sequence[Finding]:
        """What ``check`` finds about ``values`` (the fields' values, in order)."""
        return self.check(*values)


@attrs.frozen(eq=False, repr=False)
class FieldSpec(Declared):
    """One field as the engine sees it: name, rule, meaning, whether a document must give it."""

    name: str
    rule: Rule
    description: str
    required: bool
    converter: Callable[[Any], Any] | None


class Spec:
    """What a class declares, read from its attrs fields once: the plan of its validation."""

    __slots__ = (
        "accepts",
        "by_name",
        "default_of",
        "defaults",
        "fields",
        "names",
        "relation_checks",
        "relations",
        "skippable",
        "values",
    )

    def __init__(self, cls: type) -> None:
        fields = []
        for field in attrs.fields(cls):
            converter = field.converter
            fields.append(
                FieldSpec(
                    field.name,
                    field.metadata[_RULE],
                    field.metadata[_DESCRIPTION],
                    field.default is attrs.NOTHING,
                    getattr(converter, "converter", converter),  # attrs may wrap it in a Converter
                )
            )
        self.fields: tuple[FieldSpec, ...] = tuple(fields)
        names = [f.name for f in fields]
        self.values: Callable[[object], tuple[object, ...]] = _getter(names)
        self.names: tuple[str, ...] = tuple(names)
        # A field left at its default needs no check: defaults follow their rules (a test
        # builds every class from its required fields alone). Required fields have none.
        self.defaults = tuple(field.default for field in attrs.fields(cls))
        self.accepts = tuple(_quick_check(f.rule, d) for f, d in zip(fields, self.defaults, strict=True))
        self.by_name = {field.name: field for field in fields}
        self.default_of = {
            field.name: default
            for field, default in zip(fields, self.defaults, strict=True)
            if default is not attrs.NOTHING
        }
        self.relations: tuple[Relation, ...] = getattr(cls, "__relations__", ())
        self.relation_checks = tuple((r.check, _getter(list(r.fields))) for r in self.relations)
        self.skippable = tuple(_quiet_on_defaults(r, self.default_of) for r in self.relations)
        """For each relation: whether it finds nothing while every field of it holds its default."""

    def problems(
        self,
        values: Mapping[str, object],
        narrows: Mapping[str, Rule] | None = None,
        unreadable: Collection[str] = (),
    ) -> list[Problem]:
        """Every problem of ``values`` (field name → value, possibly partial).

        ``narrows`` gives stricter rules for some fields (a rounds range's ends must be
        whole): they report instead of the field's own rule, while relations still run
        whenever the field's own rule passed. ``unreadable`` names fields that were given but
        could not be read (their problems are reported already): relations involving them wait.
        """
        problems: list[Problem] = []
        failed: set[str] = set(unreadable)
        by_name = self.by_name
        for name, value in values.items():
            rule = by_name[name].rule
            if not rule.accepts(value) and (own := rule.findings(value)):
                failed.add(name)
                problems.extend(Problem((name, *where), reason, code) for where, reason, code in own)
            elif narrows and name in narrows and (stricter := narrows[name].findings(value)):
                problems.extend(Problem((name, *where), reason, code) for where, reason, code in stricter)
        defaults = self.default_of
        for relation, skippable in zip(self.relations, self.skippable, strict=True):
            if skippable and values.keys().isdisjoint(relation.fields):
                continue  # every field left at its default, where the relation finds nothing
            ready = True
            for name in relation.fields:  # given and passed, or left at its (valid) default
                if name in failed or (name not in values and name not in defaults):
                    ready = False
                    break
            if ready:
                found = relation.findings(
                    [values[n] if n in values else defaults[n] for n in relation.fields]
                )
                problems.extend(Problem(where, reason, code) for where, reason, code in found)
        return problems


def _quick_check(rule: Rule, default: object) -> Callable[[object], bool]:
    """The quick check of a field that is not left at its very ``default``.

    For an optional field whose default is ``None``, ``None`` never reaches the check, so
    the inner rule's check alone decides: one call fewer per field, the same verdicts.
    """
    if default is None and type(rule) is Optional:
        return rule.inner.accepts
    return rule.accepts


def _quiet_on_defaults(relation: Relation, defaults: Mapping[str, object]) -> bool:
    """Whether each field of ``relation`` has a default (not a factory) and it finds nothing about them."""
    if not all(n in defaults and not isinstance(defaults[n], attrs.Factory) for n in relation.fields):  # type: ignore[arg-type] # attrs.Factory is a class
        return False
    try:
        return not relation.findings([defaults[n] for n in relation.fields])
    except Exception:  # noqa: BLE001 - then it runs every time
        return False


_TRUSTED: Final = ContextVar("runstrength_trusted", default=False)
_DOUBTING: Final = ContextVar("runstrength_doubting", default=False)


def trusted() -> AbstractContextManager[None]:
    """Build objects without checking them again: for values `Spec.problems` has just passed.

    Only the collecting pass of the loader uses it, for the objects it builds after finding
    nothing wrong with their values (a context variable, so other threads still check).
    """
    return _Setting(_TRUSTED, True)


def doubting(function: Callable[[*Args], T], *args: *Args) -> T:
    """``function(*args)``, refusing objects without working out why: for the loader.

    A constructor that refuses its values raises a `ValidationError` without problems; the
    loader's collecting pass then finds them, once, for the whole document. A call rather than
    a ``with`` block: the loader's fast path reads every document this way, and a context
    manager costs three calls.
    """
    token = _DOUBTING.set(True)
    try:
        return function(*args)
    finally:
        _DOUBTING.reset(token)


def explaining() -> AbstractContextManager[None]:
    """Refuse objects with every reason, even inside `doubting`: for a rule that builds objects.

    A relation that reports why building something failed (a workout's level, applied to its
    blocks) needs the reasons wherever it runs, the loader's collecting pass included.
    """
    return _Setting(_DOUBTING, False)


class _Setting:
    """Set ``flag`` to ``value`` for the ``with`` block, in this context only.

    A class rather than a ``contextlib.contextmanager``: the loader's collecting pass enters one
    per refused mapping, and a generator-based manager costs several times as many calls.
    """

    __slots__ = ("flag", "token", "value")

    def __init__(self, flag: ContextVar[bool], value: bool) -> None:  # noqa: FBT001 - the flag's new value
        self.flag = flag
        self.value = value

    def __enter__(self) -> None:
        self.token = self.flag.set(self.value)

    def __exit__(self, *_: object) -> None:
        self.flag.reset(self.token)


def _settle(spec: Spec, obj: object) -> None:
    """Decide on an object a quick check doubted: raise its problems, or return if it has none.

    A quick check may doubt a valid value (a URL with a non-ASCII path or host, an IPv6 host or
    a user name), so the findings decide. Inside `doubting` any doubt refuses, without reasons:
    the loader only needs to know, and explains later.

    Raises:
        ValidationError: the object breaks a rule (every problem), or the loader is doubting.
    """
    if _DOUBTING.get():
        raise ValidationError(())
    if problems := spec.problems(fields_of(obj)):
        raise ValidationError(problems)


def _getter(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """A function giving an object's values of ``names`` as a tuple (one C call when it can)."""
    if len(names) == 1:
        (name,) = names
        return lambda obj: (getattr(obj, name),)
    return attrgetter(*names)  # several names: a tuple


_SPECS: dict[type, Spec] = {}
_VALIDATORS: dict[type, Callable[[object], None]] = {}


def validator_of(cls: type) -> Callable[[object], None]:
    """The function validating a class's new objects, made on first use.

    It runs one loop: each field's rule's `~runstrength._spec.rules.Rule.accepts` (a field
    holding its very default is not checked: defaults follow their rules), then the
    relations; the first doubt hands the object to `_settle`. The loop is generated for the class
    (`runstrength._spec.compiled`) unless ``RUNSTRENGTH_NO_CODEGEN=1``; `plain_validator`
    is the same loop written once for every class.
    """
    try:
        return _VALIDATORS[cls]
    except KeyError:
        pass
    from . import compiled  # noqa: PLC0415 - only when a class is first built

    validate = generated_validator(cls) if compiled.ENABLED else None
    _VALIDATORS[cls] = found = validate or plain_validator(spec_of(cls))
    return found


def generated_validator(cls: type) -> Callable[[object], None] | None:
    """The loop of `plain_validator` generated for ``cls`` (``None`` if its fields' names forbid it)."""
    from .compiled import compile_validator  # noqa: PLC0415 - only when a class is first built

    spec = spec_of(cls)
    return compile_validator(
        cls,
        [f.name for f in spec.fields],
        spec.defaults,
        spec.accepts,
        [(r.fields, r.check, skippable) for r, skippable in zip(spec.relations, spec.skippable, strict=True)],
        no_default=attrs.NOTHING,
        trusted=_TRUSTED.get,
        settle=partial(_settle, spec),  # no frame of its own in a traceback
    )


def plain_validator(spec: Spec) -> Callable[[object], None]:
    """The validation loop of `validator_of`, for the class ``spec`` describes, without generated code."""
    values, defaults, accepts = spec.values, spec.defaults, spec.accepts
    relation_checks = spec.relation_checks

    def validate(obj: object) -> None:
        if _TRUSTED.get():
            return
        for value, default, accept in zip(values(obj), defaults, accepts):  # noqa: B905
            if value is not default and not accept(value):
                _settle(spec, obj)  # it checks every field and relation: nothing is left to check
                return
        for check, getter in relation_checks:
            if check(*getter(obj)):
                _settle(spec, obj)
                return

    return validate


def spec_of(cls: type) -> Spec:
    """The class's `Spec`, made on first use."""
    try:
        return _SPECS[cls]
    except KeyError:
        _SPECS[cls] = found = Spec(cls)
        return found


class Validated:
    """Base of the model classes: validation after ``__init__``, and value semantics.

    Declare a subclass with ``@attrs.frozen(kw_only=True, eq=False, repr=False,
    getstate_setstate=False)``: this base gives equality and hashing over the fields (attrs'
    own semantics, without compiling two more methods per class), a repr showing the fields
    that differ from their defaults, and a versioned pickle that validates when loaded.
    """

    __slots__ = ()
    __relations__: ClassVar[tuple[Relation, ...]] = ()

    def __attrs_post_init__(self) -> None:
        try:
            validate = _VALIDATORS[self.__class__]
        except KeyError:  # the class's first object
            validate = validator_of(self.__class__)
        validate(self)

    def __eq__(self, other: object) -> bool:
        """Equal when of the same class with equal fields."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = spec_of(self.__class__).values
        equal: bool = values(self) == values(other)
        return equal

    def __hash__(self) -> int:
        return hash((self.__class__, spec_of(self.__class__).values(self)))

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        """Pickle as the class, a format version, the field names and values; loading validates them."""
        spec = spec_of(self.__class__)
        return (_restore, (self.__class__, PICKLE_VERSION, spec.values(self), spec.names))

    def __setstate__(self, state: object) -> None:
        """Read the state of pickles made before the state had a version: field values in order."""
        spec = spec_of(self.__class__)
        if type(state) is not tuple or len(state) != len(spec.fields):
            msg = f"cannot unpickle {self.__class__.__name__}: unknown state {type(state).__name__}"
            raise TypeError(msg)
        for field, value in zip(spec.fields, state, strict=True):
            object.__setattr__(self, field.name, field.converter(value) if field.converter else value)
        self.__attrs_post_init__()

    def __repr__(self) -> str:
        """The class and every field that differs from its default: ``Reps(reps=8)``."""
        cls: type = type(self)
        shown = []
        for field in attrs.fields(cls):
            value = getattr(self, field.name)
            if field.default is attrs.NOTHING or value != field.default:
                shown.append(f"{field.name}={value!r}")
        return f"{cls.__name__}({', '.join(shown)})"


def fields_of(obj: object) -> dict[str, object]:
    """An object's field values by name."""
    spec = spec_of(obj.__class__)
    return dict(zip((f.name for f in spec.fields), spec.values(obj), strict=True))


def _restore(cls: type, version: int, values: Iterable[object], names: Iterable[str] = ()) -> object:
    """Rebuild a pickled object through its constructor, so a tampered pickle cannot skip the rules."""
    known = spec_of(cls).names
    values = tuple(values)
    if version == 1 and len(values) == len(known):  # the first state: values in field order
        names = known
    elif version != PICKLE_VERSION:
        msg = f"cannot unpickle {cls.__name__}: state version {version!r}, expected {PICKLE_VERSION}"
        raise TypeError(msg)
    names = tuple(names)
    unknown = [name for name in names if name not in known]
    if unknown or len(names) != len(values):
        msg = f"cannot unpickle {cls.__name__}: the state names fields it does not have: {unknown}"
        raise TypeError(msg)
    return cls(**dict(zip(names, values, strict=True)))
