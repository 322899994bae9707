"""The workout model: Exercise, Modification, Superset, Block and Workout."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any, Final, TypeAlias

import attrs

from ._errors import Problem, UnknownNameError, ValidationError
from ._spec.converters import as_member
from ._spec.rules import Finding, Flag, Instance, Items, Member, Optional, Pattern, Text, Url, Whole
from ._spec.validated import Relation, Validated, ruled
from ._values import (
    DOSE_RULE,
    LOAD_RULE,
    Amount,
    Dose,
    Duration,
    Effort,
    Equipment,
    Frequency,
    Ladder,
    Load,
    Range,
    Rest,
    Sides,
    Source,
    Tempo,
    WholeOrRange,
    format_seconds,
    format_span,
    to_sides,
    to_texts,
)

_NAME: Final = Text(100)
_NOTES: Final = Optional(Text(2000))
_REST: Final = Optional(Instance((Rest,), "a rest"))
_EQUIPMENT: Final = Items(Instance((Equipment,), "equipment"), max_length=30)
_TAGS: Final = Items(Text(50), max_length=20, unique=True)
_CUES: Final = Items(Text(500), max_length=30)
_EFFORT: Final = Optional(Instance((Effort,), "an effort"))
_TEMPO: Final = Optional(Instance((Tempo,), "a tempo"))
_ROUNDS: Final = WholeOrRange(1, 100)
_FIT_EXERCISE: Final = Optional(
    Pattern(
        r"[a-z0-9]+(?:_[a-z0-9]+)*(?:/[a-z0-9]+(?:_[a-z0-9]+)*)?",
        "a FIT exercise_category, or category/exercise_name, such as 'leg_curl/lying_leg_curl'",
    )
)
_FIT_MEANING: Final = (
    "The exercise as Garmin's FIT profile names it (category, or category/name), for watches; "
    "the FIT export then uses it instead of matching the name."
)


class ModificationKind(StrEnum):
    """What a modification does to its exercise."""

    EASIER = "easier"
    HARDER = "harder"
    VARIATION = "variation"
    """A different version of similar difficulty."""
    ALTERNATIVE = "alternative"
    """Another exercise the author allows in its place ("squats or leg press")."""


class BlockKind(StrEnum):
    """The part of a workout a block is."""

    WARM_UP = "warm-up"
    MAIN = "main"
    COOL_DOWN = "cool-down"
    OTHER = "other"


def to_modification_kind(value: ModificationKind | str) -> ModificationKind:
    """``"easier"`` for `ModificationKind.EASIER`; other values are left for the rule to judge."""
    return value if isinstance(value, ModificationKind) else as_member(ModificationKind, value)


def to_block_kind(value: BlockKind | str) -> BlockKind:
    """``"warm-up"`` for `BlockKind.WARM_UP`; other values are left for the rule to judge."""
    return value if isinstance(value, BlockKind) else as_member(BlockKind, value)


def to_optional_sides(value: Sides | str | None) -> Sides | None:
    """``"each"`` for `Sides.EACH`; other values are left for the rule to judge."""
    return value if isinstance(value, Sides) else as_member(Sides, value)


def to_equipment(value: list[Equipment] | tuple[Equipment, ...]) -> tuple[Equipment, ...]:
    """A list of equipment as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_optional_equipment(
    value: list[Equipment] | tuple[Equipment, ...] | None,
) -> tuple[Equipment, ...] | None:
    """A list of equipment as a tuple; ``None`` stays ``None``."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_modifications(value: list[Modification] | tuple[Modification, ...]) -> tuple[Modification, ...]:
    """A list of modifications as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_exercises(value: list[Exercise] | tuple[Exercise, ...]) -> tuple[Exercise, ...]:
    """A list of exercises as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_items(value: list[Item] | tuple[Item, ...]) -> tuple[Item, ...]:
    """A list of exercises and supersets as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_blocks(value: list[Block] | tuple[Block, ...]) -> tuple[Block, ...]:
    """A list of blocks as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def _ladder_fits(dose: Dose, times: Amount, where: str) -> list[Finding]:
    """A ladder needs exactly one step per time the exercise is done."""
    if not isinstance(dose, Ladder):
        return []
    if isinstance(times, Range):
        return [(("dose",), f"a ladder needs a fixed number of {where}, got {times}", "ladder_mismatch")]
    if len(dose.ladder) != times:
        steps = "step" if times == 1 else "steps"
        reason = f"expected {times} {steps}, one per {where[:-1]}, got {len(dose.ladder)}"
        return [(("dose", "ladder"), reason, "ladder_mismatch")]
    return []


_LADDER_RULE: Final = (
    "A ladder dose has one step per time its exercise is done: per set for straight sets, else "
    "per round of its superset or block, and that number must be fixed, not a range."
)


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Modification(Validated):
    """A named variant of one exercise: easier, harder, a variation or an alternative.

    Fields left as ``None`` keep the exercise's own value; ``cues``, when given, replace
    the exercise's cues.
    """

    name: str = attrs.field(metadata=ruled(_NAME, "The modified exercise's name."))
    kind: ModificationKind = attrs.field(
        converter=to_modification_kind,
        metadata=ruled(Member(ModificationKind), "What it does: easier, harder, variation or alternative."),
    )
    dose: Dose | None = attrs.field(
        default=None, metadata=ruled(Optional(DOSE_RULE), "A dose replacing the exercise's.")
    )
    sides: Sides | None = attrs.field(
        default=None,
        converter=to_optional_sides,
        metadata=ruled(Optional(Member(Sides)), "Sides replacing the exercise's."),
    )
    load: Load | None = attrs.field(
        default=None, metadata=ruled(LOAD_RULE, "A load replacing the exercise's.")
    )
    effort: Effort | None = attrs.field(
        default=None, metadata=ruled(_EFFORT, "An effort replacing the exercise's.")
    )
    tempo: Tempo | None = attrs.field(
        default=None, metadata=ruled(_TEMPO, "A tempo replacing the exercise's.")
    )
    equipment: tuple[Equipment, ...] | None = attrs.field(
        default=None,
        converter=to_optional_equipment,
        metadata=ruled(Optional(_EQUIPMENT), "Equipment replacing the exercise's."),
    )
    cues: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, metadata=ruled(_CUES, "Cues replacing the exercise's, when given.")
    )
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Notes replacing the exercise's."))
    fit_exercise: str | None = attrs.field(
        default=None, metadata=ruled(_FIT_EXERCISE, "A FIT exercise replacing the exercise's.")
    )

    def apply_to(self, exercise: Exercise) -> Exercise:
        """The exercise as this modification changes it (it has no modifications of its own)."""
        changes: dict[str, Any] = {"name": self.name, "modifications": ()}
        for field in ("dose", "sides", "load", "effort", "tempo", "equipment", "notes", "fit_exercise"):
            value = getattr(self, field)
            if value is not None:
                changes[field] = value
        if self.cues:
            changes["cues"] = self.cues
        return attrs.evolve(exercise, **changes)


def _single_set_rest(rest_between_sets: Rest | None, sets: Amount) -> list[Finding]:
    if rest_between_sets is not None and sets == 1:
        return [(("rest_between_sets",), "only applies to straight sets: set sets above 1", "not_applicable")]
    return []


def _sets_ladder(dose: Dose, sets: Amount) -> list[Finding]:
    return _ladder_fits(dose, sets, "sets") if sets != 1 else []


def _unique_names(field: str, what: str) -> Callable[[tuple[Any, ...]], list[Finding]]:
    def check(things: tuple[Any, ...]) -> list[Finding]:
        findings: list[Finding] = []
        seen: set[str] = set()
        for index, thing in enumerate(things):
            if thing.name in seen:
                findings.append(
                    ((field, index, "name"), f"duplicate {what} name {thing.name!r}", "duplicate_name")
                )
            seen.add(thing.name)
        return findings

    return check


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Exercise(Validated):
    """One exercise and what it asks for.

    ``sets`` > 1 makes straight sets (with ``rest_between_sets``); inside a superset,
    the superset's rounds repeat the exercise instead.

    >>> from runstrength import Reps, Sides
    >>> str(Exercise(name="Hammer Curl", dose=Reps(8)))
    'Hammer Curl: 8 reps'
    >>> str(Exercise(name="Half-Kneeling Chop", dose=Reps(8), sides="each"))
    'Half-Kneeling Chop: 8 reps per side'
    """

    name: str = attrs.field(metadata=ruled(_NAME, "What the exercise is called."))
    dose: Dose = attrs.field(metadata=ruled(DOSE_RULE, "What one set asks for: reps, a time or a distance."))
    sides: Sides = attrs.field(
        default=Sides.BOTH,
        converter=to_sides,
        metadata=ruled(Member(Sides), "Both sides together, each side in turn, or alternating."),
    )
    sets: Amount = attrs.field(default=1, metadata=ruled(_ROUNDS, "How many straight sets (1: one set)."))
    rest_between_sets: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest between straight sets.")
    )
    load: Load | None = attrs.field(default=None, metadata=ruled(LOAD_RULE, "What to lift."))
    effort: Effort | None = attrs.field(default=None, metadata=ruled(_EFFORT, "How hard a set should feel."))
    tempo: Tempo | None = attrs.field(default=None, metadata=ruled(_TEMPO, "How fast each repetition goes."))
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), converter=to_equipment, metadata=ruled(_EQUIPMENT, "What the exercise needs.")
    )
    targets: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_texts,
        metadata=ruled(_TAGS, "Muscles or qualities it works, such as ``core``."),
    )
    cues: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, metadata=ruled(_CUES, "How to do it well, step by step.")
    )
    modifications: tuple[Modification, ...] = attrs.field(
        default=(),
        converter=to_modifications,
        metadata=ruled(
            Items(Instance((Modification,), "a modification"), max_length=10),
            "Easier, harder or other versions, with distinct names.",
        ),
    )
    rest_after: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest after the exercise, before the next item.")
    )
    video: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "A video showing it."))
    image: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "A picture of it."))
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Anything else to know."))
    fit_exercise: str | None = attrs.field(default=None, metadata=ruled(_FIT_EXERCISE, _FIT_MEANING))

    __relations__ = (
        Relation(
            ("rest_between_sets", "sets"),
            _single_set_rest,
            "An exercise's rest_between_sets needs sets above 1.",
        ),
        Relation(("dose", "sets"), _sets_ladder, _LADDER_RULE),
        Relation(
            ("modifications",),
            _unique_names("modifications", "modification"),
            "An exercise's modification names are unique.",
        ),
    )

    def modification(self, name: str) -> Modification:
        """The modification called ``name``.

        Raises:
            UnknownNameError: no modification has that name.
        """
        found: Modification = _find(self.modifications, name, "modification")
        return found

    def __str__(self) -> str:
        per_side = " per side" if self.sides is not Sides.BOTH else ""
        alternating = ", alternating" if self.sides is Sides.ALTERNATING else ""
        sets = f"{self.sets} × " if self.sets != 1 else ""
        return f"{self.name}: {sets}{self.dose}{per_side}{alternating}"


def _one_set_each(exercises: tuple[Exercise, ...]) -> list[Finding]:
    return [
        (
            ("exercises", index, "sets"),
            "must be 1 inside a superset: set the superset's rounds",
            "not_allowed_here",
        )
        for index, exercise in enumerate(exercises)
        if exercise.sets != 1
    ]


def _rounds_ladders(exercises: tuple[Exercise, ...], rounds: Amount) -> list[Finding]:
    return [
        (("exercises", index, *where), reason, code)
        for index, exercise in enumerate(exercises)
        for where, reason, code in _ladder_fits(exercise.dose, rounds, "rounds")
    ]


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Superset(Validated):
    """Two or more exercises done back to back, repeated for ``rounds``.

    Also a tri-set, circuit or giant set: ``label`` keeps what the author called it.
    Rests: ``rest_between_exercises`` inside a round, ``rest_between_rounds`` between
    rounds (never after the last), ``rest_after`` once the group is done.
    """

    exercises: tuple[Exercise, ...] = attrs.field(
        converter=to_exercises,
        metadata=ruled(
            Items(Instance((Exercise,), "an exercise"), min_length=2, max_length=20),
            "The exercises, done back to back in this order.",
        ),
    )
    rounds: Amount = attrs.field(default=1, metadata=ruled(_ROUNDS, "How many times the group is done."))
    name: str | None = attrs.field(default=None, metadata=ruled(Optional(_NAME), "What the group is called."))
    label: str | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Text(50)), "What the author calls it, such as superset, tri-set or circuit."),
    )
    rest_between_exercises: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest between its exercises within a round.")
    )
    rest_between_rounds: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest between rounds (never after the last).")
    )
    rest_after: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest once the group is done.")
    )
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Anything else to know."))

    __relations__ = (
        Relation(
            ("exercises",),
            _one_set_each,
            "An exercise inside a superset does one set; the superset's rounds repeat it.",
        ),
        Relation(("exercises", "rounds"), _rounds_ladders, _LADDER_RULE),
    )

    @property
    def title(self) -> str:
        """The name, else the label, else ``superset``."""
        return self.name or self.label or "superset"


def _shortest(seconds: Amount) -> int:
    return seconds.min if isinstance(seconds, Range) else seconds  # type: ignore[return-value]  # whole ends


def _longest(seconds: Amount) -> int:
    return seconds.max if isinstance(seconds, Range) else seconds  # type: ignore[return-value]  # whole ends


def _active_rest_needs_rest(active_rest: Exercise | None, rest: Amount) -> list[Finding]:
    if active_rest is not None and _shortest(rest) == 0:
        shortest = " at its shortest" if isinstance(rest, Range) else ""
        return [(("active_rest",), f"needs a rest interval above 0 s{shortest}", "not_applicable")]
    return []


def _last_rest_needs_rest(rest: Amount, rest_after_last: bool) -> list[Finding]:  # noqa: FBT001 - a field's value
    if not rest_after_last and _longest(rest) == 0:
        return [(("rest_after_last",), "only applies with a rest interval above 0 s", "not_applicable")]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Intervals(Validated):
    """Block format: each exercise for ``work`` seconds, then ``rest`` seconds, every round.

    The rest may be active (``active_rest``, e.g. a plank hold). Tabata is
    ``Intervals(work=20, rest=10)`` with 8 rounds. ``work`` and ``rest`` may be ranges
    (30–60 s of work), which the timeline reads at the pacing's range point. With
    ``rest_after_last=False`` the block's very last work is not followed by the rest (the
    7-minute workout: 12 × 30 s with 10 s between stations is 470 s); rests between rounds
    stay.

    >>> str(Intervals(work=20, rest=10))
    'intervals of 20 s work, 10 s rest'
    >>> str(Intervals(work=30, rest=10, rest_after_last=False))
    'intervals of 30 s work, 10 s rest, none after the last'
    """

    work: Amount = attrs.field(
        metadata=ruled(WholeOrRange(1, 3600, " s"), "Seconds of work per exercise, or a range.")
    )
    rest: Amount = attrs.field(
        default=0, metadata=ruled(WholeOrRange(0, 3600, " s"), "Seconds of rest after each, or a range.")
    )
    active_rest: Exercise | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(Instance((Exercise,), "an exercise")), "What to do during the rest, if anything."
        ),
    )
    rest_after_last: bool = attrs.field(
        default=True,
        metadata=ruled(
            Flag(), "Whether the block's very last work is followed by the rest too (false: it is not)."
        ),
    )

    __relations__ = (
        Relation(
            ("active_rest", "rest"),
            _active_rest_needs_rest,
            "An interval block's active_rest needs a rest above 0 s (the shortest end of a range).",
        ),
        Relation(
            ("rest", "rest_after_last"),
            _last_rest_needs_rest,
            "An interval block's rest_after_last: false needs a rest above 0 s.",
        ),
    )

    def __str__(self) -> str:
        text = f"intervals of {format_span(self.work)} work, {format_span(self.rest)} rest"
        if not self.rest_after_last:
            text += ", none after the last"
        return text + (f" (active rest: {self.active_rest})" if self.active_rest else "")


def _whole_intervals(every: int, duration: int) -> list[Finding]:
    if duration % every:
        return [
            (("duration",), f"expected a multiple of every ({every} s), got {duration} s", "not_a_multiple")
        ]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Emom(Validated):
    """Block format: start an exercise every ``every`` seconds for ``duration`` seconds.

    With several exercises the block rotates (interval 1 the first, 2 the second, …);
    what is left of each interval after the work is rest.

    >>> str(Emom(every=60, duration=600))
    'EMOM, every 60 s for 10 min'
    """

    every: int = attrs.field(metadata=ruled(Whole(10, 3600, " s"), "Seconds from one start to the next."))
    duration: int = attrs.field(metadata=ruled(Whole(10, 14_400, " s"), "Seconds the whole block lasts."))

    __relations__ = (
        Relation(("every", "duration"), _whole_intervals, "An EMOM's duration is a multiple of its every."),
    )

    @property
    def intervals(self) -> int:
        """How many intervals the block has."""
        return self.duration // self.every

    def __str__(self) -> str:
        return f"EMOM, every {format_seconds(self.every)} for {format_seconds(self.duration)}"


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Amrap(Validated):
    """Block format: as many rounds as possible of the exercises within ``time_cap`` seconds.

    >>> str(Amrap(time_cap=720))
    'AMRAP in 12 min'
    """

    time_cap: int = attrs.field(metadata=ruled(Whole(10, 14_400, " s"), "Seconds the block lasts."))

    def __str__(self) -> str:
        return f"AMRAP in {format_seconds(self.time_cap)}"


Timing: TypeAlias = Intervals | Emom | Amrap
"""A block's timed format: intervals, EMOM or AMRAP."""
TIMINGS: Final = (Intervals, Emom, Amrap)
Item: TypeAlias = Exercise | Superset


def _items_fit(items: tuple[Item, ...], timing: Timing | None, rounds: Amount) -> list[Finding]:
    return [
        (("items", index, *where), reason, code)
        for index, item in enumerate(items)
        for where, reason, code in _item_fits(item, timing, rounds)
    ]


def _timed_rounds(timing: Timing | None, rounds: Amount) -> list[Finding]:
    if isinstance(timing, Emom | Amrap) and rounds != 1:
        name = _timing_name(timing)
        return [(("rounds",), f"must be 1 in an {name} block: its time sets the length", "not_allowed_here")]
    return []


def _timed_rest(timing: Timing | None, rest_between_rounds: Rest | None) -> list[Finding]:
    if isinstance(timing, Emom | Amrap) and rest_between_rounds is not None:
        return [
            (("rest_between_rounds",), f"does not apply to an {_timing_name(timing)} block", "not_applicable")
        ]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Block(Validated):
    """A section of a workout (warm-up, main, cool-down…): exercises and supersets done in order.

    ``rounds`` repeats the whole block; ``format`` makes it timed (intervals, EMOM, AMRAP),
    in which case it holds single-set exercises only (an EMOM may also hold supersets of one
    round, done once through per interval).
    """

    name: str = attrs.field(metadata=ruled(_NAME, "What the block is called; unique in the workout."))
    kind: BlockKind = attrs.field(
        default=BlockKind.MAIN,
        converter=to_block_kind,
        metadata=ruled(Member(BlockKind), "Which part of the workout it is."),
    )
    rounds: Amount = attrs.field(
        default=1, metadata=ruled(_ROUNDS, "How many times the whole block is done.")
    )
    format: Timing | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(Instance(TIMINGS, "a block format")), "Makes the block timed: intervals, EMOM or AMRAP."
        ),
    )
    rest_between_rounds: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest between the block's rounds.")
    )
    rest_after: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest before the next block.")
    )
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Anything else to know."))
    items: tuple[Item, ...] = attrs.field(
        converter=to_items,
        metadata=ruled(
            Items(Instance((Exercise, Superset), "an exercise or a superset"), min_length=1, max_length=100),
            "The exercises and supersets, in order.",
        ),
    )

    __relations__ = (
        Relation(
            ("items", "format", "rounds"),
            _items_fit,
            "A timed block (intervals, EMOM, AMRAP) holds exercises doing one set each; only an EMOM "
            "may also hold supersets, done once (one round) per interval. In an interval block, a "
            "duration dose fits within the work interval.",
        ),
        Relation(("format", "rounds"), _timed_rounds, "An EMOM or AMRAP block has one round."),
        Relation(
            ("format", "rest_between_rounds"),
            _timed_rest,
            "An EMOM or AMRAP block has no rest_between_rounds.",
        ),
    )

    def exercises(self) -> Iterator[Exercise]:
        """Every exercise of the block, in order (supersets opened)."""
        for item in self.items:
            if isinstance(item, Superset):
                yield from item.exercises
            else:
                yield item


def _item_fits(item: Item, timing: Timing | None, rounds: Amount) -> list[Finding]:
    """The rules an item of a block must follow given the block's format and rounds."""
    if timing is None:
        if isinstance(item, Exercise) and item.sets == 1:
            return _ladder_fits(item.dose, rounds, "rounds")
        return []
    name = _timing_name(timing)
    if isinstance(item, Superset):
        if not isinstance(timing, Emom):
            return [((), f"an {name} block holds exercises, not supersets", "not_allowed_here")]
        if item.rounds != 1:
            return [
                (
                    ("rounds",),
                    "must be 1 in an EMOM block: the superset is done once per interval",
                    "not_allowed_here",
                )
            ]
        return []
    findings: list[Finding] = []
    if item.sets != 1:
        findings.append((("sets",), f"must be 1 in an {name} block", "not_allowed_here"))
    if isinstance(timing, Intervals):
        findings += _ladder_fits(item.dose, rounds, "rounds")
        if isinstance(item.dose, Duration) and _longest(item.dose.seconds) > _longest(timing.work):
            reason = f"longer than the {timing.work} s work interval"
            findings.append((("dose",), reason, "too_long_for_interval"))
    elif isinstance(item.dose, Ladder):
        findings.append((("dose",), f"a ladder needs fixed rounds, not an {name} block", "ladder_mismatch"))
    return findings


def _timing_name(timing: Timing | None) -> str:
    return {Intervals: "interval", Emom: "EMOM", Amrap: "AMRAP"}[type(timing)]


def to_benefits(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A list of benefits as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Workout(Validated):
    """A whole workout: its blocks in order, and what an athlete should know about it.

    ``rest_between_sets`` is the rest the workout prescribes after each superset or
    straight set, unless the item sets its own.  ``stated_duration`` is how long the
    source says the workout takes, in seconds: a fact to compare timelines with (a
    timeline computes its own total).
    """

    title: str = attrs.field(metadata=ruled(Text(200), "What the workout is called."))
    summary: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "What it is and who it is for."))
    frequency: Frequency | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Instance((Frequency,), "a frequency")), "How often to do it."),
    )
    stated_duration: Amount | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(WholeOrRange(60, 86_400, " s")), "How long its source says it takes, in seconds."
        ),
    )
    rest_between_sets: Rest | None = attrs.field(
        default=None,
        metadata=ruled(_REST, "The rest after each superset or straight set, unless it sets its own."),
    )
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), converter=to_equipment, metadata=ruled(_EQUIPMENT, "What the whole workout needs.")
    )
    targets: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, metadata=ruled(_TAGS, "Muscles or qualities it works.")
    )
    benefits: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_benefits,
        metadata=ruled(Items(Text(300), max_length=20), "What doing it brings."),
    )
    video: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "A video of the workout."))
    source: Source | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Instance((Source,), "a source")), "Where it was published, and who made it."),
    )
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Anything else to know."))
    blocks: tuple[Block, ...] = attrs.field(
        converter=to_blocks,
        metadata=ruled(
            Items(Instance((Block,), "a block"), min_length=1, max_length=50),
            "The sections of the workout, in order.",
        ),
    )

    __relations__ = (
        Relation(("blocks",), _unique_names("blocks", "block"), "Block names are unique within a workout."),
    )

    def exercises(self) -> Iterator[Exercise]:
        """Every exercise, in workout order (supersets opened)."""
        for block in self.blocks:
            yield from block.exercises()

    def block(self, name: str) -> Block:
        """The block called ``name``.

        Raises:
            UnknownNameError: no block has that name.
        """
        found: Block = _find(self.blocks, name, "block")
        return found

    def exercise(self, name: str) -> Exercise:
        """The first exercise called ``name``.

        Raises:
            UnknownNameError: no exercise has that name.
        """
        found: Exercise = _find(self.exercises(), name, "exercise")
        return found

    def variant(
        self, kind: ModificationKind | str | None = None, *, choose: Mapping[str, str] | None = None
    ) -> Workout:
        """A copy with exercises replaced by their modified form.

        Args:
            kind: apply each exercise's first modification of this kind (``"easier"``,
                ``"harder"``…); exercises without one stay as they are.
            choose: exercise name → modification name, applied first, for precise picks (to
                every exercise of that name that has the modification).

        Raises:
            UnknownNameError: ``choose`` names an exercise or modification that does not exist.
            ValidationError: ``kind`` is not a modification kind, or a modification breaks a
                rule where it is used (a ladder that does not fit the rounds, say).
        """
        try:
            wanted = ModificationKind(kind) if kind is not None else None
        except ValueError:
            choices = ", ".join(k.value for k in ModificationKind)
            reason = f"expected one of {choices}, got {kind!r}"
            raise ValidationError([Problem((), reason, "not_one_of")]) from None
        picks = dict(choose or {})
        for name, pick in picks.items():  # each pick must name something that exists
            same = [exercise for exercise in self.exercises() if exercise.name == name]
            if not same:
                _find(self.exercises(), name, "exercise")
            if not any(m.name == pick for exercise in same for m in exercise.modifications):
                same[0].modification(pick)

        def modify(exercise: Exercise) -> Exercise:
            named = picks.get(exercise.name)
            chosen = [m for m in exercise.modifications if m.name == named]
            if chosen:  # an exercise of the same name without that modification stays as it is
                return chosen[0].apply_to(exercise)
            for modification in exercise.modifications:
                if modification.kind is wanted:
                    return modification.apply_to(exercise)
            return exercise

        return attrs.evolve(self, blocks=tuple(_modified_blocks(self.blocks, modify)))

    def _repr_html_(self) -> str:
        from ._render.notebook import workout_html  # noqa: PLC0415 - only in notebooks

        return workout_html(self)


def _modified_blocks(blocks: Iterable[Block], modify: Callable[[Exercise], Exercise]) -> Iterator[Block]:
    """Blocks with every exercise passed through ``modify``; errors carry workout paths."""
    for b, block in enumerate(blocks):
        items: list[Item] = []
        for i, item in enumerate(block.items):
            try:
                if isinstance(item, Superset):
                    items.append(attrs.evolve(item, exercises=tuple(map(modify, item.exercises))))
                else:
                    items.append(modify(item))
            except ValidationError as error:  # say where in the workout the change broke a rule
                raise error.within("blocks", b, "items", i) from None
        try:
            yield attrs.evolve(block, items=tuple(items))
        except ValidationError as error:
            raise error.within("blocks", b) from None


def _find(things: Iterable[Any], name: str, what: str) -> Any:
    names = []
    for thing in things:
        if thing.name == name:
            return thing
        names.append(thing.name)
    import difflib  # noqa: PLC0415 - only when reporting a problem

    close = difflib.get_close_matches(name, names, n=3)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise UnknownNameError(f"no {what} named {name!r}{hint}")
