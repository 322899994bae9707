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
from ._spec.validated import Relation, Validated, ruled, trusted

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


class Intensity(StrEnum):
    """How hard a run (or another effort) goes, from a walk to a sprint.

    A `Pacing` gives each its seconds per km (``easy`` is its ``seconds_per_km``).
    """

    WALK = "walk"
    JOG = "jog"
    EASY = "easy"
    """A conversational run: the pacing's ``seconds_per_km``."""
    TEN_K = "10k"
    """The pace of a 10 km race."""
    FIVE_K = "5k"
    """The pace of a 5 km race."""
    MILE = "mile"
    """The pace of a one-mile race."""
    SPRINT = "sprint"
    """All out, for a short effort."""


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
    """A number in brief (``8``, ``2.5``, ``1e+06``), negative zero as ``0``."""
    return f"{_unsigned_zero(value):g}"


def _unsigned_zero(value: Number) -> Number:
    """``value``, with a negative zero as zero: for text, where a sign on nothing misreads.

    The rules accept ``-0.0`` wherever they accept 0 (it compares equal) and the model keeps
    it as given; only what users read drops the sign. Every other number is itself.
    """
    return value + 0  # -0.0 + 0 is 0.0


def format_seconds(seconds: Number) -> str:
    """``45 s``, ``90 s``, ``2 min``, ``2 min 30 s``: whole minutes from two minutes on."""
    if seconds < 120 or seconds % 30:
        return f"{_num(seconds)} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def format_span(seconds: Number | Range) -> str:
    """`format_seconds` of a number; a range of seconds as ``15–20 s`` (for short gaps and doses)."""
    return f"{seconds} s" if isinstance(seconds, Range) else format_seconds(seconds)


def format_reps(reps: Amount) -> str:
    """A rep count in words: ``1 rep``, ``8 reps``, ``8–12 reps`` (any count, even past a dose's bounds)."""
    return f"{reps} rep{'' if reps == 1 else 's'}"


def format_lengths(seconds: Number | Range) -> str:
    """`format_seconds` of a number, or of each end of a range: ``5 min 30 s–6 min 30 s`` (stated lengths)."""
    span = (seconds.min, seconds.max) if isinstance(seconds, Range) else (seconds,)
    return "–".join(map(format_seconds, span))


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
    return value if value is None or isinstance(value, RestLength) else as_member(RestLength, value)


def to_intensity(value: Intensity | str | None) -> Intensity | None:
    """``"5k"`` for `Intensity.FIVE_K`; other values are left for the rule to judge."""
    return value if value is None or isinstance(value, Intensity) else as_member(Intensity, value)


def to_load_level(value: LoadLevel | str | None) -> LoadLevel | None:
    """``"light"`` for `LoadLevel.LIGHT`; other values are left for the rule to judge."""
    return value if value is None or isinstance(value, LoadLevel) else as_member(LoadLevel, value)


def to_load_unit(value: LoadUnit | str | None) -> LoadUnit | None:
    """``"kg"`` for `LoadUnit.KG`; other values are left for the rule to judge."""
    return value if value is None or isinstance(value, LoadUnit) else as_member(LoadUnit, value)


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
        # The rules of single values (`Whole`, `Number`) answer exactly: a doubt is a finding,
        # so a refused value costs no message here.
        single = self.single
        if isinstance(value, Range):
            return single.accepts(value.min) and single.accepts(value.max)
        return single.accepts(value)

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
    """A count (rounds, sets, efforts) at the range point.

    The typical count of a whole-number range is its middle, rounded down when the range has
    two middle counts: 2–3 rounds count 2, 2–4 count 3, 1–2 sets count 1. The ends are exact.

    >>> count(Range(2, 3), RangePoint.TYPICAL), count(Range(2, 4), RangePoint.TYPICAL)
    (2, 3)
    >>> count(Range(2, 3), RangePoint.MIN), count(Range(2, 3), RangePoint.MAX)
    (2, 3)
    """
    if not isinstance(value, Range):
        return value
    if which is RangePoint.MIN:
        return int(value.min)
    if which is RangePoint.MAX:
        return int(value.max)
    return int(value.min + value.max) // 2  # whole ends: the lower of two middle counts


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
        return format_reps(self.reps)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Duration(Validated):
    """A time to work or hold, in seconds, or a range such as 30–45 s."""

    seconds: Amount = attrs.field(
        metadata=ruled(WholeOrRange(1, 14_400, " s"), "How long one set lasts, in seconds.")
    )

    def __str__(self) -> str:
        return format_span(self.seconds)


def _distance_bounds(distance: Number, unit: DistanceUnit) -> list[Finding]:
    if not 1 <= distance * unit.metres <= 100_000:
        return [(("distance",), f"expected 1 m to 100 km, got {_num(distance)} {unit}", "out_of_range")]
    return []


def _pace_or_intensity(pace: int | None, intensity: Intensity | None) -> list[Finding]:
    if pace is not None and intensity is not None:
        reason = "a distance has a pace or an intensity, not both: keep one"
        return [(("intensity",), reason, "not_applicable")]
    return []


PACE_RULE: Final = Optional(Whole(60, 3600, " s"))
INTENSITY_RULE: Final = Optional(Member(Intensity))


def format_pace(seconds_per_km: int) -> str:
    """``5:00/km`` for 300 seconds per km."""
    minutes, seconds = divmod(seconds_per_km, 60)
    return f"{minutes}:{seconds:02d}/km"


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Distance(Validated):
    """A distance to cover, such as a 400 m run between rounds, at a pace or an intensity.

    >>> str(Distance(400, intensity=Intensity.FIVE_K)), str(Distance(1, DistanceUnit.MILES, pace=373))
    ('400 m at 5k pace', '1 mi at 6:13/km')
    """

    distance: Number = attrs.field(
        metadata=ruled(NumberRule(0, 100_000, above=True), "How far, in ``unit``s (1 m to 100 km in all).")
    )
    unit: DistanceUnit = attrs.field(
        default=DistanceUnit.METRES,
        converter=to_distance_unit,
        metadata=ruled(Member(DistanceUnit), "The unit of ``distance``: m, km or mi."),
    )
    pace: int | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=ruled(PACE_RULE, "The pace to hold, in seconds per km (whatever ``unit`` is)."),
    )
    intensity: Intensity | None = attrs.field(
        default=None,
        kw_only=True,
        converter=to_intensity,
        metadata=ruled(
            INTENSITY_RULE,
            "How hard to go, when no pace is given: walk, jog, easy, 10k, 5k, mile or sprint "
            "(the pacing's pace for it).",
        ),
    )

    __relations__ = (
        Relation(
            ("distance", "unit"), _distance_bounds, "A distance is from 1 m to 100 km, whatever its unit."
        ),
        Relation(
            ("pace", "intensity"), _pace_or_intensity, "A distance has a pace or an intensity, not both."
        ),
    )

    @property
    def metres(self) -> float:
        """The distance in metres."""
        return self.distance * self.unit.metres

    def __str__(self) -> str:
        text = f"{_num(self.distance)} {self.unit}"
        if self.pace is not None:
            return f"{text} at {format_pace(self.pace)}"
        return text + _at_intensity(self.intensity)


def _at_intensity(intensity: Intensity | None) -> str:
    """`` at 5k pace``, `` sprint``, `` easy``: how an intensity reads after a dose."""
    if intensity is None:
        return ""
    if intensity in (Intensity.TEN_K, Intensity.FIVE_K, Intensity.MILE):
        return f" at {intensity} pace"
    return f", {intensity}"


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


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Ascending(Validated):
    """Reps that climb by ``by`` each time the exercise is done: 2, 4, 6, … (``{ascending: 2, by: 2}``).

    Step *n* (from 0) is ``ascending + n × by`` reps: one step per round of its block or
    superset, or per set; in an AMRAP block it climbs round after round until the cap.

    >>> str(Ascending(2, by=2))
    '2, 4, 6, … reps'
    """

    ascending: int = attrs.field(metadata=ruled(Whole(1, 1000), "The reps of the first time."))
    by: int = attrs.field(
        kw_only=True, metadata=ruled(Whole(1, 1000), "How many reps each time adds to the last.")
    )

    def reps(self, repetition: int) -> int:
        """The reps of the time numbered ``repetition`` (from 0)."""
        return self.ascending + repetition * self.by

    def __str__(self) -> str:
        return ", ".join(str(self.reps(n)) for n in range(3)) + ", … reps"


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


# --- counted efforts, and doses of every kind ----------------------------------------------


def _paced_once(each: Duration | Distance | None, intensity: Intensity | None) -> list[Finding]:
    if intensity is not None and isinstance(each, Distance) and (each.pace or each.intensity):
        reason = "the distance has its own pace or intensity: give one of them"
        return [(("intensity",), reason, "not_applicable")]
    return []


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Efforts(Validated):
    """Counted efforts: ``efforts`` times ``each`` (a time or a distance), recovering in between.

    "6 × 400 m at 5k pace, 90 s jog recovery" is
    ``Efforts(6, each=Distance(400, intensity="5k"), recovery=Rest(90))``; "3 hill sprints"
    is ``Efforts(3, intensity="sprint")``: an effort with neither time nor distance lasts the
    pacing's ``effort_seconds``. The recovery comes between efforts, never after the last.

    >>> str(Efforts(6, each=Distance(400, intensity=Intensity.FIVE_K), recovery=Rest(90)))
    '6 × 400 m at 5k pace, 90 s recovery'
    >>> str(Efforts(3, intensity=Intensity.SPRINT))
    '3 sprints'
    """

    efforts: Amount = attrs.field(
        metadata=ruled(WholeOrRange(1, 100), "How many efforts (a range such as 4–6 allowed).")
    )
    each: Duration | Distance | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=ruled(
            Optional(Instance((Duration, Distance), "a time or a distance")),
            "What one effort is: a time (``seconds``) or a distance; none for an effort "
            "given only by its intensity.",
        ),
    )
    intensity: Intensity | None = attrs.field(
        default=None,
        kw_only=True,
        converter=to_intensity,
        metadata=ruled(
            INTENSITY_RULE, "How hard each effort goes (a distance may carry its own pace or intensity)."
        ),
    )
    recovery: Rest | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=ruled(
            Optional(Instance((Rest,), "a rest")), "The recovery between efforts (never after the last)."
        ),
    )

    __relations__ = (
        Relation(
            ("each", "intensity"),
            _paced_once,
            "An effort's intensity and its distance's own pace or intensity exclude each other.",
        ),
    )

    def one(self) -> str:
        """One effort in words: ``400 m at 5k pace``, ``7 min, easy``, ``sprint``."""
        if self.each is None and self.intensity is Intensity.SPRINT:
            return "sprint"
        base = str(self.each) if self.each is not None else "effort"
        return base + _at_intensity(self.intensity)

    def __str__(self) -> str:
        if self.each is None:
            single = self.efforts == 1
            if self.intensity is Intensity.SPRINT:
                text = f"{self.efforts} sprint{'' if single else 's'}"
            else:
                text = f"{self.efforts} effort{'' if single else 's'}" + _at_intensity(self.intensity)
        else:
            text = self.one() if self.efforts == 1 else f"{self.efforts} × {self.one()}"
        return text + (f", {self.recovery} recovery" if self.recovery is not None else "")


Dose: TypeAlias = Reps | Duration | Distance | MaxReps | Ladder | Ascending | Efforts
"""Any dose: reps, a duration, a distance, max reps, a ladder of them by round, ascending reps,
or counted efforts."""


def step(dose: Dose, repetition: int) -> SingleDose | Efforts:
    """The dose of one repetition (from 0): a ladder's step, an ascending dose's reps, or the dose itself.

    An ascending dose may climb past the 1000 reps a written dose allows (an AMRAP's later
    rounds): its steps are built without that check.
    """
    if isinstance(dose, Ladder):
        return dose.ladder[repetition]
    if isinstance(dose, Ascending):
        with trusted():
            return Reps(dose.reps(repetition))
    return dose


DOSES: Final = (*_SINGLE_DOSES, Ladder, Ascending, Efforts)
DOSE_RULE: Final = Instance(DOSES, "a dose (reps, seconds, distance, max_reps, ladder, ascending or efforts)")
"""A dose of any kind."""


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
            amount = self.amount if isinstance(self.amount, Range) else _unsigned_zero(self.amount)
            parts.append(f"{amount}{sep}{unit}")
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


_TEMPO: Final = r"([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)|[0-9X]{4}"
EXPLOSIVE_SECONDS: Final = 1.0
"""How long an explosive (``X``) tempo phase counts for."""
TEMPO_RULE: Final = Pattern(
    _TEMPO,
    "four phases such as '3-1-X-0' or '31X0' (seconds, or X for explosive)",
    forbidden=r"0+-0+-0+-0+|0000",
    forbidden_reason="expected a repetition to take some time",
)


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class Tempo(Validated):
    """A lifting tempo: eccentric, bottom pause, concentric, top pause.

    Written with dashes (``"3-1-X-0"``, phases of any two digits) or as four characters
    (``"31X0"``, one digit or ``X`` a phase); kept as written.

    >>> Tempo("20X0").seconds_per_rep, Tempo("2-0-X-0").seconds_per_rep
    (3.0, 3.0)
    """

    notation: str = attrs.field(
        metadata=ruled(
            TEMPO_RULE, "The four phases in seconds (X: explosive), joined by dashes or as four characters."
        )
    )

    @property
    def phases(self) -> tuple[str, ...]:
        """The four phases as written: seconds, or ``X``."""
        return tuple(self.notation.split("-")) if "-" in self.notation else tuple(self.notation)

    @property
    def seconds_per_rep(self) -> float:
        """One repetition's length (an ``X`` phase counts as `EXPLOSIVE_SECONDS`)."""
        return sum(EXPLOSIVE_SECONDS if p == "X" else int(p) for p in self.phases)

    def __str__(self) -> str:
        return self.notation


@attrs.frozen(eq=False, repr=False)
class TempoRule(Instance):
    """A `Tempo`; a whole number (``3110`` unquoted in YAML or TOML) gets a hint to quote it."""

    classes: tuple[type, ...] = (Tempo,)
    name: str = "a tempo"

    def findings(self, value: object) -> list[Finding]:
        found = super().findings(value)
        if found and type(value) is int and 0 <= value <= 9999:
            reason = f"expected a tempo, got the number {value}; write it as text: '{value:04d}'"
            return [((), reason, "wrong_type")]
        return found


def sides_text(sides: Sides, *, per_side: bool = True) -> str:
    """How a dose counts its sides, as it follows the dose: ``" per side"``, ``" in all, alternating"``."""
    if sides is Sides.BOTH:
        return ""
    if sides is Sides.EACH:
        return " per side" if per_side else " in all, split between the sides"
    return " per side, alternating" if per_side else " in all, alternating"


# --- equipment and credits ---------------------------------------------------------------

LOAD_RULE: Final = Optional(Instance((Load,), "a load"))


def to_loads(value: list[Load] | tuple[Load, ...]) -> tuple[Load, ...]:
    """A list of loads as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


@attrs.frozen(eq=False, repr=False, getstate_setstate=False)
class LoadLadder(Validated):
    """A load that changes by set or round: a ramp such as 60, 70, 80 kg.

    Step *i* is the load of the *i*-th time the exercise is done, like a ladder dose's.

    >>> str(LoadLadder((Load(amount=60, unit=LoadUnit.KG), Load(amount=70, unit=LoadUnit.KG))))
    '60 kg, 70 kg'
    """

    ladder: tuple[Load, ...] = attrs.field(
        converter=to_loads,
        metadata=ruled(
            Items(Instance((Load,), "a load"), min_length=2, max_length=100),
            "The load of each time the exercise is done, in order.",
        ),
    )

    def __str__(self) -> str:
        return ", ".join(map(str, self.ladder))


ExerciseLoad: TypeAlias = Load | LoadLadder
"""An exercise's load: one for every set and round, or a ladder of them."""
EXERCISE_LOAD_RULE: Final = Optional(Instance((Load, LoadLadder), "a load or a load ladder"))


def load_step(load: ExerciseLoad | None, repetition: int) -> Load | None:
    """The load of one repetition (from 0): a load ladder's step, or the load itself."""
    return load.ladder[repetition] if isinstance(load, LoadLadder) else load


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
