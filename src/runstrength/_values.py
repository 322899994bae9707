"""Small value types: ranges, sides, doses, rest, load, effort, tempo, equipment, credits."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any, Final, TypeAlias

import attrs

from ._spec.rules import (
    Checked,
    Finding,
    Rule,
    checks,
    describe,
    described,
    fast,
    flag,
    instance,
    items,
    member,
    number,
    optional,
    schema_of,
    text,
    to_enum,
    to_tuple,
    url,
    whole,
)

Number: TypeAlias = int | float


class Sides(StrEnum):
    """How an exercise uses the left and right side of the body.

    ``EACH`` and ``ALTERNATING`` doses count per side.
    """

    BOTH = "both"
    """Both sides together (bilateral), or no side at all."""
    EACH = "each"
    """The whole dose on one side, then the whole dose on the other."""
    ALTERNATING = "alternating"
    """Left and right interleaved within one effort, the dose counted per side."""


class Side(StrEnum):
    """One side of the body, as a timeline segment names it."""

    LEFT = "left"
    RIGHT = "right"


class RangePoint(StrEnum):
    """Which point of a range a timeline uses."""

    MIN = "min"
    TYPICAL = "typical"
    MAX = "max"


class DistanceUnit(StrEnum):
    """Units of a distance dose."""

    METRES = "m"
    KILOMETRES = "km"
    MILES = "mi"

    @property
    def metres(self) -> float:
        """How many metres one unit is."""
        return _METRES[self]


_METRES: Final = {DistanceUnit.METRES: 1.0, DistanceUnit.KILOMETRES: 1000.0, DistanceUnit.MILES: 1609.344}


class LoadLevel(StrEnum):
    """A descriptive load, as articles write it."""

    BODYWEIGHT = "bodyweight"
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


class LoadUnit(StrEnum):
    """Unit of an absolute or relative load."""

    KG = "kg"
    LB = "lb"
    PERCENT_1RM = "%1RM"
    PERCENT_BODYWEIGHT = "%BW"


def _num(value: Number) -> str:
    return f"{value:g}"


def format_seconds(seconds: Number) -> str:
    """``45 s``, ``90 s``, ``2 min``, ``2 min 30 s``: whole minutes from two minutes on."""
    if seconds < 120 or seconds % 30:
        return f"{_num(seconds)} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Range(Checked):
    """An inclusive range of numbers, such as 6–8 reps or 60–90 s of rest.

    >>> Range(6, 8)
    <Range(6, 8)>
    >>> str(Range(6, 8))
    '6–8'
    """

    min: Number = attrs.field(metadata=checks(number(0, 1e9)))
    max: Number = attrs.field(metadata=checks(number(0, 1e9)))

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        if "min" in values and "max" in values and values["min"] > values["max"]:
            yield ("max",), f"expected at least min ({_num(values['min'])}), got {_num(values['max'])}"

    def point(self, which: RangePoint) -> float:
        """The range's minimum, middle (``TYPICAL``) or maximum."""
        if which is RangePoint.MIN:
            return self.min
        if which is RangePoint.MAX:
            return self.max
        return (self.min + self.max) / 2

    def __str__(self) -> str:
        return f"{_num(self.min)}–{_num(self.max)}"

    def __repr__(self) -> str:
        return f"<Range({self.min!r}, {self.max!r})>"


Amount: TypeAlias = int | Range
"""A whole number, or a range of whole numbers."""


def amount(lo: int, hi: int, unit: str = "") -> Rule:
    """A whole number in ``[lo, hi]``, or a `Range` whose ends are."""
    single = whole(lo, hi, unit)

    def rule(value: object) -> Sequence[Finding]:
        if type(value) is int:
            return single(value)
        if isinstance(value, Range):
            return _ends(value, single)
        reason = f"expected a whole number {lo}–{hi}{unit} or a {{min, max}} range, got {describe(value)}"
        return [((), reason)]

    fast(rule, lambda v, name: f"((type({v}) is int and {lo!r} <= {v} <= {hi!r}) or not {name(rule)}({v}))")
    return described(rule, {"anyOf": [schema_of(single), _range_schema(single)]})


def quantity(lo: float, hi: float, unit: str = "") -> Rule:
    """A number in ``[lo, hi]``, or a `Range` whose ends are."""
    single = number(lo, hi, unit)

    def rule(value: object) -> Sequence[Finding]:
        return _ends(value, single) if isinstance(value, Range) else single(value)

    return described(rule, {"anyOf": [schema_of(single), _range_schema(single)]})


def _ends(value: Range, single: Rule) -> list[Finding]:
    """A range's ends judged by the rule of a single value."""
    return [((end, *loc), reason) for end in ("min", "max") for loc, reason in single(getattr(value, end))]


def _range_schema(end: Rule) -> dict[str, Any]:
    """A ``{min, max}`` mapping whose ends follow ``end``."""
    return {
        "type": "object",
        "properties": {"min": schema_of(end), "max": schema_of(end)},
        "required": ["min", "max"],
        "additionalProperties": False,
    }


def point(value: Number | Range, which: RangePoint) -> float:
    """A plain number, or the chosen point of a range."""
    return value.point(which) if isinstance(value, Range) else value


def count(value: Amount, which: RangePoint) -> int:
    """A count (rounds, sets) at the range point; the typical point rounds half up."""
    return int(value.point(which) + 0.5) if isinstance(value, Range) else value  # points are never negative


# --- doses ---------------------------------------------------------------------------------


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Reps(Checked):
    """A number of repetitions, or a range such as 6–8.

    >>> str(Reps(8)), str(Reps(Range(6, 8)))
    ('8 reps', '6–8 reps')
    """

    reps: Amount = attrs.field(metadata=checks(amount(1, 1000)))

    def __str__(self) -> str:
        return f"{self.reps} rep{'' if self.reps == 1 else 's'}"


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Duration(Checked):
    """A time to work or hold, in seconds, or a range such as 30–45 s."""

    seconds: Amount = attrs.field(metadata=checks(amount(1, 14_400, " s")))

    def __str__(self) -> str:
        if isinstance(self.seconds, Range):
            return f"{self.seconds} s"
        return format_seconds(self.seconds)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Distance(Checked):
    """A distance to cover, such as a 400 m run between rounds."""

    distance: Number = attrs.field(metadata=checks(number(0, 100_000, above=True)))
    unit: DistanceUnit = attrs.field(
        default=DistanceUnit.METRES, metadata=checks(member(DistanceUnit), normalize=to_enum(DistanceUnit))
    )

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        if {"distance", "unit"} <= values.keys() and not 1 <= values["distance"] * values[
            "unit"
        ].metres <= 100_000:
            yield ("distance",), f"expected 1 m to 100 km, got {_num(values['distance'])} {values['unit']}"

    @property
    def metres(self) -> float:
        """The distance in metres."""
        return self.distance * self.unit.metres

    def __str__(self) -> str:
        return f"{_num(self.distance)} {self.unit}"


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class MaxReps(Checked):
    """As many reps as you can, optionally within a time cap (seconds)."""

    time_cap: int | None = attrs.field(default=None, metadata=checks(optional(whole(1, 3600, " s"))))

    def __str__(self) -> str:
        return "max reps" + (f" in {format_seconds(self.time_cap)}" if self.time_cap else "")


SingleDose: TypeAlias = Reps | Duration | Distance | MaxReps
_SINGLE_DOSES: Final = (Reps, Duration, Distance, MaxReps)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Ladder(Checked):
    """A dose that changes by round: a ladder or pyramid such as 10-8-6 reps.

    Step *i* is the dose of the *i*-th time the exercise is done.
    """

    ladder: tuple[SingleDose, ...] = attrs.field(
        metadata=checks(
            items(instance(*_SINGLE_DOSES, name="a dose"), min_length=2, max_length=100), normalize=to_tuple
        )
    )

    def __str__(self) -> str:
        if all(isinstance(step, Reps) for step in self.ladder):
            return "-".join(str(step.reps) for step in self.ladder) + " reps"  # type: ignore[union-attr]
        return ", ".join(map(str, self.ladder))


Dose: TypeAlias = Reps | Duration | Distance | MaxReps | Ladder
"""Any dose: reps, a duration, a distance, max reps, or a ladder of them by round."""


def step(dose: Dose, repetition: int) -> SingleDose:
    """The dose of one repetition (from 0): a ladder's step, or the dose itself."""
    return dose.ladder[repetition] if isinstance(dose, Ladder) else dose


DOSES: Final = (*_SINGLE_DOSES, Ladder)


def dose_rule() -> Rule:
    """A dose of any kind."""
    return instance(*DOSES, name="a dose (reps, seconds, distance, max_reps or ladder)")


# --- rest, load, effort, tempo -----------------------------------------------------------


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Rest(Checked):
    """A rest: fixed seconds, or a range; ``as_needed`` when the athlete decides within it.

    >>> str(Rest.between(60, 90)), str(Rest(30)), str(Rest.between(30, 90, as_needed=True))
    ('60–90 s', '30 s', 'as needed (30–90 s)')
    """

    seconds: Amount = attrs.field(metadata=checks(amount(0, 3600, " s")))
    as_needed: bool = attrs.field(default=False, metadata=checks(flag()))

    @classmethod
    def between(cls, low: int, high: int, *, as_needed: bool = False) -> Rest:
        """A rest range from ``low`` to ``high`` seconds."""
        return cls(Range(low, high), as_needed=as_needed)

    def __str__(self) -> str:
        base = f"{self.seconds} s" if isinstance(self.seconds, Range) else format_seconds(self.seconds)
        return f"as needed ({base})" if self.as_needed else base


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Load(Checked):
    """What to lift: a level (light, medium…), an amount with a unit, or both.

    >>> str(Load(LoadLevel.LIGHT)), str(Load(amount=Range(8, 10), unit=LoadUnit.LB))
    ('light', '8–10 lb')
    """

    level: LoadLevel | None = attrs.field(
        default=None, metadata=checks(optional(member(LoadLevel)), normalize=to_enum(LoadLevel))
    )
    amount: Number | Range | None = attrs.field(default=None, metadata=checks(optional(quantity(0, 10_000))))
    unit: LoadUnit | None = attrs.field(
        default=None, metadata=checks(optional(member(LoadUnit)), normalize=to_enum(LoadUnit))
    )

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        level, amount_, unit = (values.get(k, ...) for k in ("level", "amount", "unit"))
        if level is None and amount_ is None and unit is None:
            yield (), "expected a level, or an amount with a unit"
        if amount_ is None and unit not in (None, ...):
            yield ("amount",), f"expected an amount for the unit {unit}"
        if unit is None and amount_ not in (None, ...):
            yield ("unit",), "expected a unit for the amount (kg, lb, %1RM or %BW)"

    def __str__(self) -> str:
        parts = [str(self.level)] if self.level else []
        if self.amount is not None:
            sep = "" if self.unit in (LoadUnit.PERCENT_1RM, LoadUnit.PERCENT_BODYWEIGHT) else " "
            unit = str(self.unit).replace("%", "% ") if sep == "" else str(self.unit)
            parts.append(f"{self.amount}{sep}{unit}")
        return " ".join(parts)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Effort(Checked):
    """How hard a set should feel: RPE (1–10) and/or reps in reserve."""

    rpe: Number | Range | None = attrs.field(default=None, metadata=checks(optional(quantity(1, 10))))
    rir: Amount | None = attrs.field(default=None, metadata=checks(optional(amount(0, 10))))

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        if values.get("rpe", ...) is None and values.get("rir", ...) is None:
            yield (), "expected rpe, rir or both"

    def __str__(self) -> str:
        parts = [f"RPE {self.rpe}"] if self.rpe is not None else []
        if self.rir is not None:
            parts.append(f"{self.rir} RIR")
        return ", ".join(parts)


_TEMPO = r"([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)"
EXPLOSIVE_SECONDS: Final = 1.0
"""How long an explosive (``X``) tempo phase counts for."""


def _tempo_rule(value: object) -> Sequence[Finding]:
    if not isinstance(value, str) or not re.fullmatch(_TEMPO, value):
        reason = (
            f"expected four phases such as '3-1-1-0' (seconds, or X for explosive), got {describe(value)}"
        )
        return [((), reason)]
    if all(set(phase) == {"0"} for phase in value.split("-")):
        return [((), f"expected a repetition to take some time, got {describe(value)}")]
    return ()


described(_tempo_rule, {"type": "string", "pattern": f"^{_TEMPO}$", "not": {"pattern": "^0+-0+-0+-0+$"}})


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Tempo(Checked):
    """A lifting tempo: eccentric, bottom pause, concentric, top pause (``"3-1-X-0"``)."""

    notation: str = attrs.field(metadata=checks(_tempo_rule))

    @property
    def seconds_per_rep(self) -> float:
        """One repetition's length (an ``X`` phase counts as `EXPLOSIVE_SECONDS`)."""
        return sum(EXPLOSIVE_SECONDS if p == "X" else int(p) for p in self.notation.split("-"))

    def __str__(self) -> str:
        return self.notation


# --- equipment and credits ---------------------------------------------------------------


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Equipment(Checked):
    """A piece of equipment, how many, and optionally its load."""

    name: str = attrs.field(metadata=checks(text()))
    quantity: int = attrs.field(default=1, metadata=checks(whole(1, 100)))
    load: Load | None = attrs.field(default=None, metadata=checks(optional(instance(Load, name="a load"))))

    def __str__(self) -> str:
        base = f"{self.quantity} × {self.name}" if self.quantity > 1 else self.name
        return f"{base} ({self.load})" if self.load else base


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Credit(Checked):
    """A person credited for a workout and their role."""

    name: str = attrs.field(metadata=checks(text(200)))
    role: str = attrs.field(metadata=checks(text(200)))


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Source(Checked):
    """Where a workout was published, and who made it."""

    title: str = attrs.field(metadata=checks(text(300)))
    publisher: str | None = attrs.field(default=None, metadata=checks(optional(text(200))))
    url: str | None = attrs.field(default=None, metadata=checks(optional(url())))
    credits: tuple[Credit, ...] = attrs.field(
        default=(),
        metadata=checks(items(instance(Credit, name="a credit"), max_length=20), normalize=to_tuple),
    )
    notes: str | None = attrs.field(default=None, metadata=checks(optional(text(2000))))


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Frequency(Checked):
    """How often to do a workout: sessions per week (``at_least`` for a minimum)."""

    per_week: Amount = attrs.field(metadata=checks(amount(1, 14)))
    at_least: bool = attrs.field(default=False, metadata=checks(flag()))
    note: str | None = attrs.field(default=None, metadata=checks(optional(text(500))))

    def __str__(self) -> str:
        n = self.per_week
        times = "once" if n == 1 else "twice" if n == 2 else f"{n} times"
        return ("at least " if self.at_least else "") + f"{times} a week"
