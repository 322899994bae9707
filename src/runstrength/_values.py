"""Small value types: ranges, sides, doses, rest, load, effort, tempo, equipment, credits."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cached_property
from typing import Any, Final, TypeAlias

import attrs

from ._spec.converters import as_member
from ._spec.rules import (
    Finding,
    Flag,
    Instance,
    Items,
    Member,
    Optional,
    Pattern,
    Rule,
    Text,
    Url,
    Whole,
    describe,
)
from ._spec.rules import Number as NumberRule
from ._spec.validated import Relation, Validated, ruled

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


class RestLength(StrEnum):
    """A rest stated by its length in words, without seconds; the pacing gives it seconds."""

    MINIMAL = "minimal"
    """As little as you can: "limited rest", "minimal rest"."""
    SHORT = "short"
    """A short breather: "short recovery", "a short rest"."""


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


def format_span(seconds: Number | Range) -> str:
    """`format_seconds` of a number; a range of seconds as ``15–20 s``."""
    return f"{seconds} s" if isinstance(seconds, Range) else format_seconds(seconds)


# --- converters: what constructors accept besides the canonical value -----------------------


def to_sides(value: Sides | str) -> Sides:
    """``"each"`` for `Sides.EACH`; other values are left for the rule to judge."""
    return value if isinstance(value, Sides) else as_member(Sides, value)


def to_range_point(value: RangePoint | str) -> RangePoint:
    """``"min"`` for `RangePoint.MIN`; other values are left for the rule to judge."""
    return value if isinstance(value, RangePoint) else as_member(RangePoint, value)


def to_distance_unit(value: DistanceUnit | str) -> DistanceUnit:
    """``"km"`` for `DistanceUnit.KILOMETRES`; other values are left for the rule to judge."""
    return value if isinstance(value, DistanceUnit) else as_member(DistanceUnit, value)


def to_rest_length(value: RestLength | str | None) -> RestLength | None:
    """``"short"`` for `RestLength.SHORT`; other values are left for the rule to judge."""
    return value if isinstance(value, RestLength) else as_member(RestLength, value)


def to_load_level(value: LoadLevel | str | None) -> LoadLevel | None:
    """``"light"`` for `LoadLevel.LIGHT`; other values are left for the rule to judge."""
    return value if isinstance(value, LoadLevel) else as_member(LoadLevel, value)


def to_load_unit(value: LoadUnit | str | None) -> LoadUnit | None:
    """``"kg"`` for `LoadUnit.KG`; other values are left for the rule to judge."""
    return value if isinstance(value, LoadUnit) else as_member(LoadUnit, value)


def to_texts(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A list of texts as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


# --- ranges and amounts ----------------------------------------------------------------------


def _range_order(low: Number, high: Number) -> list[Finding]:
    if low > high:
        return [(("max",), f"expected at least min ({_num(low)}), got {_num(high)}", "out_of_order")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Range(Validated):
    """An inclusive range of numbers, such as 6–8 reps or 60–90 s of rest.

    >>> Range(6, 8)
    <Range(6, 8)>
    >>> str(Range(6, 8))
    '6–8'
    """

    min: Number = attrs.field(metadata=ruled(NumberRule(0, 1e9), "The low end."))
    max: Number = attrs.field(metadata=ruled(NumberRule(0, 1e9), "The high end, at least ``min``."))

    __relations__ = (Relation(("min", "max"), _range_order, "A {min, max} range has min ≤ max."),)

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


def _range_schema(end: Rule) -> dict[str, Any]:
    """A ``{min, max}`` mapping whose ends follow ``end``."""
    return {
        "type": "object",
        "properties": {"min": end.schema(), "max": end.schema()},
        "required": ["min", "max"],
        "additionalProperties": False,
    }


@attrs.frozen(eq=False, repr=False)
class _OneOrRange(Rule):
    """A single value its `single` rule accepts, or a `Range` whose ends it accepts."""

    @property
    def single(self) -> Rule:  # pragma: no cover - every subclass names its rule
        """The rule of one value, and of each end of a range."""
        raise NotImplementedError

    def findings(self, value: object) -> list[Finding]:
        return _ends(value, self.single) if isinstance(value, Range) else self.single.findings(value)

    def accepts(self, value: object) -> bool:
        return self.single.accepts(value) or not self.findings(value)

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [self.single.schema(), _range_schema(self.single)]}

    def describe(self) -> str:
        return f"{self.single.describe()}, or a {{min, max}} range of them"

    @property
    def narrows(self) -> Mapping[str, Rule]:
        return {"min": self.single, "max": self.single}


@attrs.frozen(eq=False, repr=False)
class WholeOrRange(_OneOrRange):
    """A whole number from ``low`` to ``high``, or a `Range` whose ends are."""

    low: int
    high: int
    unit: str = ""

    @cached_property
    def single(self) -> Whole:
        """The rule of one whole number, and of each end of a range."""
        return Whole(self.low, self.high, self.unit)

    def findings(self, value: object) -> list[Finding]:
        if type(value) is int or isinstance(value, Range):
            return super().findings(value)
        expected = f"a whole number {self.low}–{self.high}{self.unit} or a {{min, max}} range"
        return [((), f"expected {expected}, got {describe(value)}", "not_whole_number")]


@attrs.frozen(eq=False, repr=False)
class NumberOrRange(_OneOrRange):
    """A number from ``low`` to ``high``, or a `Range` whose ends are."""

    low: float
    high: float
    unit: str = ""

    @cached_property
    def single(self) -> NumberRule:
        """The rule of one number, and of each end of a range."""
        return NumberRule(self.low, self.high, self.unit)


def _ends(value: Range, single: Rule) -> list[Finding]:
    """A range's ends judged by the rule of a single value."""
    return [
        ((end, *where), reason, code)
        for end in ("min", "max")
        for where, reason, code in single.findings(getattr(value, end))
    ]


def point(value: Number | Range, which: RangePoint) -> float:
    """A plain number, or the chosen point of a range."""
    return value.point(which) if isinstance(value, Range) else value


def count(value: Amount, which: RangePoint) -> int:
    """A count (rounds, sets) at the range point; the typical point rounds half up."""
    return int(value.point(which) + 0.5) if isinstance(value, Range) else value  # points are never negative


# --- doses ---------------------------------------------------------------------------------


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Reps(Validated):
    """A number of repetitions, or a range such as 6–8.

    >>> str(Reps(8)), str(Reps(Range(6, 8)))
    ('8 reps', '6–8 reps')
    """

    reps: Amount = attrs.field(
        metadata=ruled(WholeOrRange(1, 1000), "How many repetitions one set asks for.")
    )

    def __str__(self) -> str:
        return f"{self.reps} rep{'' if self.reps == 1 else 's'}"


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Duration(Validated):
    """A time to work or hold, in seconds, or a range such as 30–45 s."""

    seconds: Amount = attrs.field(
        metadata=ruled(WholeOrRange(1, 14_400, " s"), "How long one set lasts, in seconds.")
    )

    def __str__(self) -> str:
        if isinstance(self.seconds, Range):
            return f"{self.seconds} s"
        return format_seconds(self.seconds)


def _distance_bounds(distance: Number, unit: DistanceUnit) -> list[Finding]:
    if not 1 <= distance * unit.metres <= 100_000:
        return [(("distance",), f"expected 1 m to 100 km, got {_num(distance)} {unit}", "out_of_range")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Distance(Validated):
    """A distance to cover, such as a 400 m run between rounds."""

    distance: Number = attrs.field(
        metadata=ruled(NumberRule(0, 100_000, above=True), "How far, in ``unit``s (1 m to 100 km in all).")
    )
    unit: DistanceUnit = attrs.field(
        default=DistanceUnit.METRES,
        converter=to_distance_unit,
        metadata=ruled(Member(DistanceUnit), "The unit of ``distance``: m, km or mi."),
    )

    __relations__ = (
        Relation(
            ("distance", "unit"), _distance_bounds, "A distance is from 1 m to 100 km, whatever its unit."
        ),
    )

    @property
    def metres(self) -> float:
        """The distance in metres."""
        return self.distance * self.unit.metres

    def __str__(self) -> str:
        return f"{_num(self.distance)} {self.unit}"


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class MaxReps(Validated):
    """As many reps as you can, optionally within a time cap (seconds)."""

    time_cap: int | None = attrs.field(
        default=None, metadata=ruled(Optional(Whole(1, 3600, " s")), "The time allowed, in seconds, if any.")
    )

    def __str__(self) -> str:
        return "max reps" + (f" in {format_seconds(self.time_cap)}" if self.time_cap else "")


SingleDose: TypeAlias = Reps | Duration | Distance | MaxReps
_SINGLE_DOSES: Final = (Reps, Duration, Distance, MaxReps)


def to_steps(value: list[SingleDose] | tuple[SingleDose, ...]) -> tuple[SingleDose, ...]:
    """A list of doses as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Ladder(Validated):
    """A dose that changes by round: a ladder or pyramid such as 10-8-6 reps.

    Step *i* is the dose of the *i*-th time the exercise is done.
    """

    ladder: tuple[SingleDose, ...] = attrs.field(
        converter=to_steps,
        metadata=ruled(
            Items(Instance(_SINGLE_DOSES, "a dose"), min_length=2, max_length=100),
            "The dose of each time the exercise is done, in order.",
        ),
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
DOSE_RULE: Final = Instance(DOSES, "a dose (reps, seconds, distance, max_reps or ladder)")
"""A dose of any kind."""


# --- rest, load, effort, tempo -----------------------------------------------------------


def _rest_given(seconds: Amount | None, as_needed: bool, length: RestLength | None) -> list[Finding]:  # noqa: FBT001 - a field's value
    if seconds is None and length is None and not as_needed:
        return [((), "expected seconds, a length (minimal or short) or as_needed: true", "missing_value")]
    return []


def _rest_length(seconds: Amount | None, length: RestLength | None) -> list[Finding]:
    if seconds is not None and length is not None:
        return [(("length",), "expected seconds or a length, not both", "not_applicable")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Rest(Validated):
    """A rest: fixed seconds, or a range; ``as_needed`` when the athlete decides within it.

    A rest may also be stated without numbers, as published workouts often do: a ``length``
    (minimal or short), or only ``as_needed``. The pacing then gives it its seconds
    (``rest_minimal``, ``rest_short``, ``rest_as_needed``), and the timeline marks it as an
    estimate.

    >>> str(Rest.between(60, 90)), str(Rest(30)), str(Rest.between(30, 90, as_needed=True))
    ('60–90 s', '30 s', 'as needed (30–90 s)')
    >>> str(Rest(length=RestLength.SHORT)), str(Rest(as_needed=True))
    ('short rest', 'as needed')
    """

    seconds: Amount | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(WholeOrRange(0, 3600, " s")),
            "How long, in seconds; leave it out for a rest stated by its length or as needed.",
        ),
    )
    as_needed: bool = attrs.field(
        default=False,
        metadata=ruled(
            Flag(), "Whether the athlete decides when to go on (within ``seconds``, or its length, if given)."
        ),
    )
    length: RestLength | None = attrs.field(
        default=None,
        converter=to_rest_length,
        metadata=ruled(
            Optional(Member(RestLength)),
            "A rest stated in words instead of seconds: minimal or short (the pacing times it).",
        ),
    )

    __relations__ = (
        Relation(
            ("seconds", "as_needed", "length"),
            _rest_given,
            "A rest has seconds, a length or as_needed: true.",
        ),
        Relation(("seconds", "length"), _rest_length, "A rest's length and seconds exclude each other."),
    )

    @classmethod
    def between(cls, low: int, high: int, *, as_needed: bool = False) -> Rest:
        """A rest range from ``low`` to ``high`` seconds."""
        return cls(Range(low, high), as_needed=as_needed)

    def __str__(self) -> str:
        if self.seconds is not None:
            base = format_span(self.seconds)
        elif self.length is not None:
            base = f"{self.length} rest"
        else:
            return "as needed"
        return f"as needed ({base})" if self.as_needed else base


_LOAD_RULE: Final = "A load has a level or an amount; an amount needs a unit, and a unit needs an amount."


def _load_given(
    level: LoadLevel | None, amount: Number | Range | None, unit: LoadUnit | None
) -> list[Finding]:
    if level is None and amount is None and unit is None:
        return [((), "expected a level, or an amount with a unit", "missing_value")]
    return []


def _load_unit(amount: Number | Range | None, unit: LoadUnit | None) -> list[Finding]:
    if amount is None and unit is not None:
        return [(("amount",), f"expected an amount for the unit {unit}", "missing_value")]
    if unit is None and amount is not None:
        return [(("unit",), "expected a unit for the amount (kg, lb, %1RM or %BW)", "missing_value")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Load(Validated):
    """What to lift: a level (light, medium…), an amount with a unit, or both.

    >>> str(Load(LoadLevel.LIGHT)), str(Load(amount=Range(8, 10), unit=LoadUnit.LB))
    ('light', '8–10 lb')
    """

    level: LoadLevel | None = attrs.field(
        default=None,
        converter=to_load_level,
        metadata=ruled(
            Optional(Member(LoadLevel)), "A descriptive load: bodyweight, light, medium or heavy."
        ),
    )
    amount: Number | Range | None = attrs.field(
        default=None,
        metadata=ruled(Optional(NumberOrRange(0, 10_000)), "How much, in ``unit``; a range such as 8–10."),
    )
    unit: LoadUnit | None = attrs.field(
        default=None,
        converter=to_load_unit,
        metadata=ruled(Optional(Member(LoadUnit)), "The unit of ``amount``: kg, lb, %1RM or %BW."),
    )

    __relations__ = (
        Relation(("level", "amount", "unit"), _load_given, _LOAD_RULE),
        Relation(("amount", "unit"), _load_unit, _LOAD_RULE),
    )

    def __str__(self) -> str:
        parts = [str(self.level)] if self.level else []
        if self.amount is not None:
            sep = "" if self.unit in (LoadUnit.PERCENT_1RM, LoadUnit.PERCENT_BODYWEIGHT) else " "
            unit = str(self.unit).replace("%", "% ") if sep == "" else str(self.unit)
            parts.append(f"{self.amount}{sep}{unit}")
        return " ".join(parts)


def _effort_given(rpe: Number | Range | None, rir: Amount | None) -> list[Finding]:
    if rpe is None and rir is None:
        return [((), "expected rpe, rir or both", "missing_value")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Effort(Validated):
    """How hard a set should feel: RPE (1–10) and/or reps in reserve."""

    rpe: Number | Range | None = attrs.field(
        default=None, metadata=ruled(Optional(NumberOrRange(1, 10)), "Rate of perceived exertion, 1 to 10.")
    )
    rir: Amount | None = attrs.field(
        default=None,
        metadata=ruled(Optional(WholeOrRange(0, 10)), "Reps in reserve: how many more you could do."),
    )

    __relations__ = (Relation(("rpe", "rir"), _effort_given, "An effort has an rpe, an rir or both."),)

    def __str__(self) -> str:
        parts = [f"RPE {self.rpe}"] if self.rpe is not None else []
        if self.rir is not None:
            parts.append(f"{self.rir} RIR")
        return ", ".join(parts)


_TEMPO: Final = r"([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)"
EXPLOSIVE_SECONDS: Final = 1.0
"""How long an explosive (``X``) tempo phase counts for."""
TEMPO_RULE: Final = Pattern(
    _TEMPO,
    "four phases such as '3-1-1-0' (seconds, or X for explosive)",
    forbidden=r"0+-0+-0+-0+",
    forbidden_reason="expected a repetition to take some time",
)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Tempo(Validated):
    """A lifting tempo: eccentric, bottom pause, concentric, top pause (``"3-1-X-0"``)."""

    notation: str = attrs.field(
        metadata=ruled(TEMPO_RULE, "The four phases in seconds (X: explosive), joined by dashes.")
    )

    @property
    def seconds_per_rep(self) -> float:
        """One repetition's length (an ``X`` phase counts as `EXPLOSIVE_SECONDS`)."""
        return sum(EXPLOSIVE_SECONDS if p == "X" else int(p) for p in self.notation.split("-"))

    def __str__(self) -> str:
        return self.notation


# --- equipment and credits ---------------------------------------------------------------

LOAD_RULE: Final = Optional(Instance((Load,), "a load"))


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Equipment(Validated):
    """A piece of equipment, how many, and optionally its load."""

    name: str = attrs.field(metadata=ruled(Text(), "What it is, such as ``dumbbell``."))
    quantity: int = attrs.field(default=1, metadata=ruled(Whole(1, 100), "How many are needed."))
    load: Load | None = attrs.field(default=None, metadata=ruled(LOAD_RULE, "How heavy, if it matters."))

    def __str__(self) -> str:
        base = f"{self.quantity} × {self.name}" if self.quantity > 1 else self.name
        return f"{base} ({self.load})" if self.load else base


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Credit(Validated):
    """A person credited for a workout and their role."""

    name: str = attrs.field(metadata=ruled(Text(200), "The person's name."))
    role: str = attrs.field(metadata=ruled(Text(200), "What they did, such as ``created the workout``."))


def to_credits(value: list[Credit] | tuple[Credit, ...]) -> tuple[Credit, ...]:
    """A list of credits as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Source(Validated):
    """Where a workout was published, and who made it."""

    title: str = attrs.field(metadata=ruled(Text(300), "The title of the publication."))
    publisher: str | None = attrs.field(
        default=None, metadata=ruled(Optional(Text(200)), "Who published it.")
    )
    url: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "Where to read it."))
    credits: tuple[Credit, ...] = attrs.field(
        default=(),
        converter=to_credits,
        metadata=ruled(Items(Instance((Credit,), "a credit"), max_length=20), "The people who made it."),
    )
    notes: str | None = attrs.field(
        default=None, metadata=ruled(Optional(Text(2000)), "Anything else about it.")
    )


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Frequency(Validated):
    """How often to do a workout: sessions per week (``at_least`` for a minimum)."""

    per_week: Amount = attrs.field(metadata=ruled(WholeOrRange(1, 14), "Sessions per week."))
    at_least: bool = attrs.field(default=False, metadata=ruled(Flag(), "Whether ``per_week`` is a minimum."))
    note: str | None = attrs.field(
        default=None, metadata=ruled(Optional(Text(500)), "When or how, such as ``on any training day``.")
    )

    def __str__(self) -> str:
        n = self.per_week
        times = "once" if n == 1 else "twice" if n == 2 else f"{n} times"
        return ("at least " if self.at_least else "") + f"{times} a week"
