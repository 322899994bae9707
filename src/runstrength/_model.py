"""The workout model: Exercise, Modification, Superset, Block and Workout."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any, Final, TypeAlias, TypeVar

import attrs

from ._errors import Location, Problem, UnknownNameError, ValidationError, format_path
from ._spec.converters import as_member
from ._spec.rules import Finding, Flag, Instance, Items, Member, Optional, Pattern, Text, Url, Whole
from ._spec.validated import Relation, Validated, explaining, ruled, trusted
from ._values import (
    DOSE_RULE,
    EXERCISE_LOAD_RULE,
    Amount,
    Ascending,
    Dose,
    Duration,
    Effort,
    Efforts,
    Equipment,
    ExerciseLoad,
    Frequency,
    Ladder,
    LoadLadder,
    Range,
    Reps,
    Rest,
    Side,
    Sides,
    Source,
    Tempo,
    TempoRule,
    WholeOrRange,
    format_seconds,
    format_span,
    sides_text,
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
_TEMPO: Final = Optional(TempoRule())
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
    return value if value is None or isinstance(value, Sides) else as_member(Sides, value)


def to_optional_side(value: Side | str | None) -> Side | None:
    """``"left"`` for `Side.LEFT`; other values are left for the rule to judge."""
    return value if value is None or isinstance(value, Side) else as_member(Side, value)


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


def _ladder_fits(dose: Dose | ExerciseLoad | None, times: Amount, where: str) -> list[Finding]:
    """A ladder (of doses or loads) needs exactly one step per time the exercise is done."""
    if isinstance(dose, Ladder):
        field, what = "dose", "a ladder"
    elif isinstance(dose, LoadLadder):
        field, what = "load", "a load ladder"
    else:
        return []
    if isinstance(times, Range):
        return [((field,), f"{what} needs a fixed number of {where}, got {times}", "ladder_mismatch")]
    if len(dose.ladder) != times:
        steps = "step" if times == 1 else "steps"
        reason = f"expected {times} {steps}, one per {where[:-1]}, got {len(dose.ladder)}"
        return [((field, "ladder"), reason, "ladder_mismatch")]
    return []


def _ladders_fit(exercise: Exercise, times: Amount, where: str) -> list[Finding]:
    """An exercise's dose ladder and load ladder each fit the times it is done."""
    return _ladder_fits(exercise.dose, times, where) + _ladder_fits(exercise.load, times, where)


_LADDER_RULE: Final = (
    "A ladder dose or load ladder has one step per time its exercise is done: per set for straight "
    "sets, else per round of its superset or block, and that number must be fixed, not a range."
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
    per_side: bool | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Flag()), "Whether the dose counts per side, replacing the exercise's."),
    )
    load: ExerciseLoad | None = attrs.field(
        default=None, metadata=ruled(EXERCISE_LOAD_RULE, "A load (or load ladder) replacing the exercise's.")
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

    def applied_per_side(self, per_side: bool) -> bool:  # noqa: FBT001 - a field's value
        """Whether the changed exercise counts its dose per side, given the exercise's ``per_side``."""
        if self.per_side is not None:
            return self.per_side
        return True if self.sides is not None else per_side

    def apply_to(self, exercise: Exercise) -> Exercise:
        """The exercise as this modification changes it (it has no modifications of its own).

        A modification that gives ``sides`` counts its dose per side unless it gives
        ``per_side`` too, and drops the exercise's ``first_side`` and ``switch_sides`` where
        the new sides leave them no meaning (a ``both`` version has no first side).
        """
        changes: dict[str, Any] = {"name": self.name, "modifications": ()}
        for field in (
            "dose",
            "sides",
            "per_side",
            "load",
            "effort",
            "tempo",
            "equipment",
            "notes",
            "fit_exercise",
        ):
            value = getattr(self, field)
            if value is not None:
                changes[field] = value
        if self.cues:
            changes["cues"] = self.cues
        if self.sides is not None:
            changes["per_side"] = self.applied_per_side(exercise.per_side)
            if self.sides is Sides.BOTH:
                changes["first_side"] = None
            if self.sides is not Sides.EACH:
                changes["switch_sides"] = None
        return attrs.evolve(exercise, **changes)


def _first_side_sides(first_side: Side | None, sides: Sides) -> list[Finding]:
    if first_side is not None and sides is Sides.BOTH:
        return [(("first_side",), "only applies to sides each or alternating", "not_applicable")]
    return []


def _switch_sides_sides(switch_sides: int | None, sides: Sides) -> list[Finding]:
    if switch_sides is not None and sides is not Sides.EACH:
        return [(("switch_sides",), "only applies to sides each", "not_applicable")]
    return []


def _odd_reps(dose: Dose) -> list[tuple[Location, Amount]]:
    """Where a dose's rep counts are odd (a range with an odd end counts), and the count."""
    if isinstance(dose, Ascending):  # every step is even when the first is and so is the climb
        return [((key,), value) for key in ("ascending", "by") if (value := getattr(dose, key)) % 2]
    steps: list[tuple[Location, Dose]] = (
        [(("ladder", index), step) for index, step in enumerate(dose.ladder)]
        if isinstance(dose, Ladder)
        else [((), dose)]
    )
    return [
        ((*where, "reps"), step.reps)
        for where, step in steps
        if isinstance(step, Reps)
        and any(
            end % 2
            for end in ((step.reps.min, step.reps.max) if isinstance(step.reps, Range) else (step.reps,))
        )
    ]


def _shared_dose(per_side: bool, sides: Sides, dose: Dose) -> list[Finding]:  # noqa: FBT001 - a field's value
    if per_side:
        return []
    if sides is Sides.BOTH:
        return [(("per_side",), "only applies to sides each or alternating", "not_applicable")]
    if sides is Sides.ALTERNATING:
        return []
    return [
        (
            ("dose", *where),
            f"expected a total that splits evenly between the sides, got {reps}",
            "uneven_split",
        )
        for where, reps in _odd_reps(dose)
    ]


_SHARED_RULE: Final = (
    "An exercise's per_side: false needs sides each or alternating; with each, a rep total splits "
    "evenly between the sides (both ends of a range even)."
)


def _modifications_apply(
    modifications: tuple[Modification, ...],
    dose: Dose,
    sides: Sides,
    per_side: bool,  # noqa: FBT001 - a field's value
    sets: Amount,
) -> list[Finding]:
    """Each modification that changes the dose, sides or load leaves its exercise valid.

    What a modification leaves as it was, the exercise's own rules have judged already.
    """
    if not modifications:  # most exercises: no call below
        return []
    findings: list[Finding] = []
    for index, modification in enumerate(modifications):
        new_dose = dose if modification.dose is None else modification.dose
        new_sides = sides if modification.sides is None else modification.sides
        found: list[Finding] = []
        shares = modification.dose, modification.sides, modification.per_side
        if shares != (None, None, None) and not modification.applied_per_side(per_side):
            found += _shared_dose(False, new_sides, new_dose)  # per_side false: the dose is shared
        if sets != 1:  # a ladder the modification brings has one step per set
            found += _ladder_fits(modification.dose, sets, "sets")
            found += _ladder_fits(modification.load, sets, "sets")
        findings += [
            (("modifications", index), f"applying it: {format_path(where)}: {reason}", code)
            for where, reason, code in found
        ]
    return findings


_MODIFICATIONS_RULE: Final = (
    "Applying a modification to its exercise gives a valid exercise: a shared rep total still "
    "splits between the sides, and a ladder dose or load still has one step per set."
)


def _single_set_rest(rest_between_sets: Rest | None, sets: Amount) -> list[Finding]:
    if rest_between_sets is not None and sets == 1:
        return [(("rest_between_sets",), "only applies to straight sets: set sets above 1", "not_applicable")]
    return []


def _sets_ladder(dose: Dose | ExerciseLoad | None, sets: Amount) -> list[Finding]:
    return _ladder_fits(dose, sets, "sets") if sets != 1 else []


def _unique_names(field: str, what: str, key: str = "name") -> Callable[[tuple[Any, ...]], list[Finding]]:
    """A relation: no two of a field's items have the same ``key`` (their name, or what they change)."""

    def check(things: tuple[Any, ...]) -> list[Finding]:
        findings: list[Finding] = []
        seen: set[str] = set()
        for index, thing in enumerate(things):
            name = getattr(thing, key)
            if name in seen:
                findings.append(((field, index, key), f"duplicate {what} {name!r}", "duplicate_name"))
            seen.add(name)
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
    first_side: Side | None = attrs.field(
        default=None,
        converter=to_optional_side,
        metadata=ruled(Optional(Member(Side)), "The side to start on, left or right (nothing: right)."),
    )
    switch_sides: int | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(Whole(0, 600, " s")),
            "Seconds to change sides (0: no break; nothing: the pacing's ``switch_sides``).",
        ),
    )
    per_side: bool = attrs.field(
        default=True,
        metadata=ruled(
            Flag(),
            "Whether the dose counts per side (false: the dose is shared between the sides).",
        ),
    )
    sets: Amount = attrs.field(default=1, metadata=ruled(_ROUNDS, "How many straight sets (1: one set)."))
    rest_between_sets: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "The rest between straight sets.")
    )
    load: ExerciseLoad | None = attrs.field(
        default=None,
        metadata=ruled(EXERCISE_LOAD_RULE, "What to lift: one load, or a load ladder by set or round."),
    )
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
    optional: bool = attrs.field(
        default=False,
        metadata=ruled(
            Flag(), "Whether it may be left out: timelines leave it out unless it is chosen (``include``)."
        ),
    )
    video: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "A video showing it."))
    image: str | None = attrs.field(default=None, metadata=ruled(Optional(Url()), "A picture of it."))
    notes: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "Anything else to know."))
    fit_exercise: str | None = attrs.field(default=None, metadata=ruled(_FIT_EXERCISE, _FIT_MEANING))

    __relations__ = (
        Relation(
            ("first_side", "sides"),
            _first_side_sides,
            "An exercise's first_side needs sides each or alternating.",
        ),
        Relation(
            ("switch_sides", "sides"), _switch_sides_sides, "An exercise's switch_sides needs sides each."
        ),
        Relation(("per_side", "sides", "dose"), _shared_dose, _SHARED_RULE),
        Relation(
            ("rest_between_sets", "sets"),
            _single_set_rest,
            "An exercise's rest_between_sets needs sets above 1.",
        ),
        Relation(("dose", "sets"), _sets_ladder, _LADDER_RULE),
        Relation(("load", "sets"), _sets_ladder, _LADDER_RULE),
        Relation(
            ("modifications",),
            _unique_names("modifications", "modification name"),
            "An exercise's modification names are unique.",
        ),
        Relation(
            ("modifications", "dose", "sides", "per_side", "sets"),
            _modifications_apply,
            _MODIFICATIONS_RULE,
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
        sets = f"{self.sets} × " if self.sets != 1 else ""
        return f"{self.name}: {sets}{self.dose}{sides_text(self.sides, per_side=self.per_side)}"


# The relations of the classes every document holds many of (supersets, blocks) are plain
# loops: a comprehension or generator costs a frame of its own at every construction.


def _one_set_each(exercises: tuple[Exercise, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for index, exercise in enumerate(exercises):
        if exercise.sets != 1:
            reason = "must be 1 inside a superset: set the superset's rounds"
            findings.append((("exercises", index, "sets"), reason, "not_allowed_here"))
    return findings


def _rounds_ladders(exercises: tuple[Exercise, ...], rounds: Amount) -> list[Finding]:
    findings: list[Finding] = []
    for index, exercise in enumerate(exercises):
        for where, reason, code in _ladders_fit(exercise, rounds, "rounds"):
            findings.append((("exercises", index, *where), reason, code))
    return findings


def _two_required(exercises: tuple[Exercise, ...]) -> list[Finding]:
    required = 0
    for exercise in exercises:
        required += not exercise.optional
    if required < 2:
        reason = "expected at least two exercises that are not optional: a superset stays a superset"
        return [(("exercises",), reason, "nothing_required")]
    return []


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
        Relation(
            ("exercises",),
            _two_required,
            "A superset keeps at least two exercises that are not optional.",
        ),
    )

    @property
    def title(self) -> str:
        """The name, else the label, else ``superset``."""
        return self.name or self.label or "superset"


def _shortest(seconds: Amount) -> int:
    return seconds.min if isinstance(seconds, Range) else seconds  # type: ignore[return-value]  # whole ends


def _timed_steps(dose: Dose) -> list[tuple[Location, Duration]]:
    """A dose's timed parts and where they are in it: the dose itself, or each timed step of a ladder."""
    if isinstance(dose, Duration):
        return [((), dose)]
    if isinstance(dose, Ladder):
        return [
            (("ladder", index), step) for index, step in enumerate(dose.ladder) if isinstance(step, Duration)
        ]
    return []


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


def _active_rest_required(active_rest: Exercise | None) -> list[Finding]:
    if active_rest is not None and active_rest.optional:
        return [(("active_rest", "optional"), "does not apply to an active rest", "not_applicable")]
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
        Relation(("active_rest",), _active_rest_required, "An interval block's active_rest is not optional."),
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


class Score(StrEnum):
    """What a timed block records as its result, for an app to log."""

    TIME = "time"
    """The time the work took."""
    ROUNDS_REPS = "rounds_reps"
    """Whole rounds done, and the reps of the round left unfinished."""
    REPS = "reps"
    """The reps done in all."""
    LOAD = "load"
    """The load lifted."""


SCORE_WORDS: Final = {
    Score.TIME: "time",
    Score.ROUNDS_REPS: "rounds and reps",
    Score.REPS: "reps",
    Score.LOAD: "load",
}
"""What a timed block's score records, in words (for summaries and cards)."""


def to_score(value: Score | str) -> Score:
    """``"time"`` for `Score.TIME`; other values are left for the rule to judge."""
    return value if isinstance(value, Score) else as_member(Score, value)


_SCORE_MEANING: Final = "What the block records as its result: time, rounds_reps, reps or load."


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Amrap(Validated):
    """Block format: as many rounds as possible of the exercises within ``time_cap`` seconds.

    >>> str(Amrap(time_cap=720))
    'AMRAP in 12 min'
    """

    time_cap: int = attrs.field(metadata=ruled(Whole(10, 14_400, " s"), "Seconds the block lasts."))
    score: Score = attrs.field(
        default=Score.ROUNDS_REPS, converter=to_score, metadata=ruled(Member(Score), _SCORE_MEANING)
    )

    def __str__(self) -> str:
        return f"AMRAP in {format_seconds(self.time_cap)}"


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class ForTime(Validated):
    """Block format: the block's rounds done once through as fast as possible, within ``time_cap``.

    The timeline estimates the work like an untimed block's, adding no rest the workout does
    not prescribe, and stops at the cap if the estimate runs past it.

    >>> str(ForTime(time_cap=360)), str(ForTime())
    ('for time, cap 6 min', 'for time')
    """

    time_cap: int | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Whole(10, 14_400, " s")), "Seconds allowed for the whole block, if capped."),
    )
    score: Score = attrs.field(
        default=Score.TIME, converter=to_score, metadata=ruled(Member(Score), _SCORE_MEANING)
    )

    def __str__(self) -> str:
        return "for time" + (f", cap {format_seconds(self.time_cap)}" if self.time_cap else "")


Timing: TypeAlias = Intervals | Emom | Amrap | ForTime
"""A block's timed format: intervals, EMOM, AMRAP or for time."""
TIMINGS: Final = (Intervals, Emom, Amrap, ForTime)
Item: TypeAlias = Exercise | Superset


def _items_fit(items: tuple[Item, ...], timing: Timing | None, rounds: Amount) -> list[Finding]:
    findings: list[Finding] = []
    for index, item in enumerate(items):
        for where, reason, code in _item_fits(item, timing, rounds):
            findings.append((("items", index, *where), reason, code))  # a plain loop: see _one_set_each
    return findings


def _round_duration_needs_rounds(stated_round_duration: Amount | None, rounds: Amount) -> list[Finding]:
    if stated_round_duration is not None and _longest(rounds) == 1:  # `{min: 1, max: 1}` is one round too
        reason = "only applies to a block of several rounds: set rounds above 1"
        return [(("stated_round_duration",), reason, "not_applicable")]
    return []


def _one_required(items: tuple[Item, ...]) -> list[Finding]:
    for item in items:
        if not (isinstance(item, Exercise) and item.optional):
            return []
    reason = "expected an item that is not optional; to make the whole block optional, set its optional"
    return [(("items",), reason, "nothing_required")]


_STATED: Final = Optional(WholeOrRange(10, 86_400, " s"))


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Block(Validated):
    """A section of a workout (warm-up, main, cool-down…): exercises and supersets done in order.

    ``rounds`` repeats the whole block; ``format`` makes it timed (intervals, EMOM, AMRAP, for
    time), in which case it holds single-set exercises only (an EMOM may also hold supersets
    of one round, done once through per interval). An EMOM or AMRAP block repeated for
    ``rounds`` runs its whole clock each round, with ``rest_between_rounds`` between rounds
    (no rest unless stated); a for-time block's rounds all run within its one cap.
    ``stated_duration`` and ``stated_round_duration`` are what the source says the block and
    one of its rounds take: facts to compare with `Timeline.block_totals`, never timed.
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
    stated_duration: Amount | None = attrs.field(
        default=None,
        metadata=ruled(_STATED, "How long its source says the block takes, in seconds (a fact, not timed)."),
    )
    stated_round_duration: Amount | None = attrs.field(
        default=None,
        metadata=ruled(_STATED, "How long its source says one round takes, in seconds (a fact, not timed)."),
    )
    optional: bool = attrs.field(
        default=False,
        metadata=ruled(
            Flag(), "Whether it may be left out: timelines leave it out unless it is chosen (``include``)."
        ),
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
            "A timed block (intervals, EMOM, AMRAP, for time) holds exercises doing one set each; "
            "only an EMOM may also hold supersets, done once (one round) per interval. In an "
            "interval block, a duration dose fits within the work interval, and counted efforts are "
            "not allowed. A ladder needs fixed rounds: EMOM and AMRAP blocks refuse it (an AMRAP "
            "climbs with an ascending dose).",
        ),
        Relation(
            ("stated_round_duration", "rounds"),
            _round_duration_needs_rounds,
            "A block's stated_round_duration needs rounds above 1.",
        ),
        Relation(("items",), _one_required, "A block keeps at least one item that is not optional."),
    )

    def exercises(self) -> Iterator[Exercise]:
        """Every exercise of the block, in order (supersets opened)."""
        for item in self.items:
            if isinstance(item, Superset):
                yield from item.exercises
            else:
                yield item


_A_TIMING: Final[dict[type, str]] = {
    Intervals: "an interval",
    Emom: "an EMOM",
    Amrap: "an AMRAP",
    ForTime: "a for-time",
}
"""Each format's name with its article: ``an EMOM``, ``a for-time``."""


def _item_fits(item: Item, timing: Timing | None, rounds: Amount) -> list[Finding]:  # noqa: C901, PLR0912
    """The rules an item of a block must follow given the block's format and rounds."""
    if timing is None:
        if isinstance(item, Exercise) and item.sets == 1:
            return _ladders_fit(item, rounds, "rounds")
        return []
    name = _A_TIMING[type(timing)]
    if isinstance(item, Superset):
        if not isinstance(timing, Emom):
            return [((), f"{name} block holds exercises, not supersets", "not_allowed_here")]
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
        findings.append((("sets",), f"must be 1 in {name} block", "not_allowed_here"))
    if isinstance(timing, Intervals):
        findings += _ladders_fit(item, rounds, "rounds")
        if isinstance(item.dose, Efforts):
            reason = "counted efforts do not fit an interval block: its work interval is one effort"
            findings.append((("dose",), reason, "not_allowed_here"))
        for where, step in _timed_steps(item.dose):
            if _longest(step.seconds) > _longest(timing.work):
                reason = f"longer than the {timing.work} s work interval"
                findings.append((("dose", *where), reason, "too_long_for_interval"))
    elif isinstance(timing, ForTime):
        findings += _ladders_fit(item, rounds, "rounds")
    else:
        if isinstance(item.dose, Ladder):
            hint = (
                "; an ascending dose climbs by round, such as {ascending: 2, by: 2}"
                if isinstance(timing, Amrap)
                else ""
            )
            findings.append(
                (("dose",), f"a ladder needs fixed rounds, not {name} block{hint}", "ladder_mismatch")
            )
        if isinstance(item.load, LoadLadder):
            reason = f"a load ladder needs fixed rounds, not {name} block"
            findings.append((("load",), reason, "ladder_mismatch"))
    return findings


def to_benefits(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A list of benefits as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def _changes_something(*values: object) -> list[Finding]:
    if all(value is None for value in values):
        return [((), "expected at least one change besides the name", "missing_value")]
    return []


_BLOCK_CHANGES: Final = ("rounds", "rest_between_rounds", "rest_after", "format")
"""The block fields a level may replace."""
_EXERCISE_CHANGES: Final = ("dose", "sets", "rest_between_sets", "load", "rest_after")
"""The exercise fields a level may replace (besides swapping in a modification)."""


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class BlockChange(Validated):
    """What a `Level` changes in one block: fields given replace the block's.

    >>> str(BlockChange(block="Circuit", rounds=3))
    'Circuit: rounds 3'
    """

    block: str = attrs.field(metadata=ruled(_NAME, "The name of the block it changes."))
    rounds: Amount | None = attrs.field(
        default=None, metadata=ruled(Optional(_ROUNDS), "Rounds replacing the block's.")
    )
    rest_between_rounds: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "A rest between rounds replacing the block's.")
    )
    rest_after: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "A rest after the block replacing the block's.")
    )
    format: Timing | None = attrs.field(
        default=None,
        metadata=ruled(Optional(Instance(TIMINGS, "a block format")), "A format replacing the block's."),
    )

    __relations__ = (
        Relation(_BLOCK_CHANGES, _changes_something, "A block change changes at least one field."),
    )

    def changes(self) -> dict[str, Any]:
        """The block's fields this change replaces, by name."""
        return _given(self, _BLOCK_CHANGES)

    def __str__(self) -> str:
        return f"{self.block}: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in self.changes().items())


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class ExerciseChange(Validated):
    """What a `Level` changes in every exercise of one name: fields given replace the exercise's.

    ``modification`` first swaps in that modification of the exercise (a harder version,
    say); the other fields then apply on top of it.

    >>> from runstrength import Reps
    >>> str(ExerciseChange(exercise="Squat", dose=Reps(15), sets=4))
    'Squat: dose 15 reps, sets 4'
    """

    exercise: str = attrs.field(metadata=ruled(_NAME, "The name of the exercises it changes."))
    modification: str | None = attrs.field(
        default=None,
        metadata=ruled(Optional(_NAME), "The name of the exercise's modification to do instead, if any."),
    )
    dose: Dose | None = attrs.field(
        default=None, metadata=ruled(Optional(DOSE_RULE), "A dose replacing the exercise's.")
    )
    sets: Amount | None = attrs.field(
        default=None, metadata=ruled(Optional(_ROUNDS), "Straight sets replacing the exercise's.")
    )
    rest_between_sets: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "A rest between sets replacing the exercise's.")
    )
    load: ExerciseLoad | None = attrs.field(
        default=None, metadata=ruled(EXERCISE_LOAD_RULE, "A load (or load ladder) replacing the exercise's.")
    )
    rest_after: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "A rest after the exercise replacing its own.")
    )

    __relations__ = (
        Relation(
            ("modification", *_EXERCISE_CHANGES),
            _changes_something,
            "An exercise change changes at least one field.",
        ),
    )

    def changes(self) -> dict[str, Any]:
        """The exercise's fields this change replaces, by name (``modification`` left out)."""
        return _given(self, _EXERCISE_CHANGES)

    def apply_to(self, exercise: Exercise) -> Exercise:
        """The exercise as this change makes it: its modification first, then the fields given."""
        if self.modification is not None:
            exercise = exercise.modification(self.modification).apply_to(exercise)
        return attrs.evolve(exercise, **self.changes())

    def __str__(self) -> str:
        parts = [f"as {self.modification}"] if self.modification else []
        parts += [f"{k.replace('_', ' ')} {v}" for k, v in self.changes().items()]
        return f"{self.exercise}: " + ", ".join(parts)


def _given(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: value for name in names if (value := getattr(obj, name)) is not None}


def to_block_changes(value: list[BlockChange] | tuple[BlockChange, ...]) -> tuple[BlockChange, ...]:
    """A list of block changes as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def to_exercise_changes(
    value: list[ExerciseChange] | tuple[ExerciseChange, ...],
) -> tuple[ExerciseChange, ...]:
    """A list of exercise changes as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


_KIND_NAMES: Final = frozenset(kind.value for kind in ModificationKind)


def _level_changes(
    blocks: tuple[BlockChange, ...], exercises: tuple[ExerciseChange, ...], rest_between_sets: Rest | None
) -> list[Finding]:
    return _changes_something(blocks or None, exercises or None, rest_between_sets)


def _not_a_kind(name: str) -> list[Finding]:
    if name in _KIND_NAMES:
        kinds = ", ".join(kind.value for kind in ModificationKind)
        reason = f"{name!r} names a modification kind; a level needs another name (not {kinds})"
        return [(("name",), reason, "reserved_name")]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Level(Validated):
    """A whole-workout version, such as beginner or advanced: changes to blocks and exercises.

    The workout as written is the default; `Workout.variant` applies a level by its name.

    >>> str(Level(name="beginner", blocks=[BlockChange(block="Circuit", rounds=2)]))
    'beginner: Circuit: rounds 2'
    """

    name: str = attrs.field(
        metadata=ruled(_NAME, "What the level is called (not a modification kind); unique in the workout.")
    )
    summary: str | None = attrs.field(default=None, metadata=ruled(_NOTES, "What it changes, and for whom."))
    blocks: tuple[BlockChange, ...] = attrs.field(
        default=(),
        converter=to_block_changes,
        metadata=ruled(
            Items(Instance((BlockChange,), "a block change"), max_length=50), "Changes to blocks, by name."
        ),
    )
    exercises: tuple[ExerciseChange, ...] = attrs.field(
        default=(),
        converter=to_exercise_changes,
        metadata=ruled(
            Items(Instance((ExerciseChange,), "an exercise change"), max_length=100),
            "Changes to exercises, by name (every exercise of that name).",
        ),
    )
    rest_between_sets: Rest | None = attrs.field(
        default=None, metadata=ruled(_REST, "A rest between sets replacing the workout's.")
    )

    __relations__ = (
        Relation(("name",), _not_a_kind, "A level is not named like a modification kind."),
        Relation(
            ("blocks",),
            _unique_names("blocks", "change of block", key="block"),
            "A level changes each block once: its block changes name different blocks.",
        ),
        Relation(
            ("exercises",),
            _unique_names("exercises", "change of exercise", key="exercise"),
            "A level changes each exercise once: its exercise changes name different exercises.",
        ),
        Relation(
            ("blocks", "exercises", "rest_between_sets"),
            _level_changes,
            "A level changes a block, an exercise or the rest between sets.",
        ),
    )

    def __str__(self) -> str:
        return f"{self.name}: " + "; ".join(level_changes(self))


def level_changes(level: Level) -> list[str]:
    """What ``level`` changes, in words: each block change, each exercise change, then the rest."""
    changes = [*map(str, level.blocks), *map(str, level.exercises)]
    if level.rest_between_sets is not None:
        changes.append(f"rest between sets {level.rest_between_sets}")
    return changes


def to_levels(value: list[Level] | tuple[Level, ...]) -> tuple[Level, ...]:
    """A list of levels as a tuple."""
    return tuple(value) if isinstance(value, list) else value  # anything else: for the rule to refuse


def _apply_level(level: Level, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks as ``level`` changes them.

    Raises:
        ValidationError: a change breaks a rule where it applies (located in the workout).
    """
    by_block = {change.block: change.changes() for change in level.blocks}
    by_exercise = {change.exercise: change for change in level.exercises}

    def change(exercise: Exercise) -> Exercise:
        found = by_exercise.get(exercise.name)
        return exercise if found is None else found.apply_to(exercise)

    # Each block changes at once (its items and its own fields): a new load ladder may need
    # the new rounds.
    return tuple(_modified_blocks(blocks, change, by_block))


def _levels_apply(levels: tuple[Level, ...], blocks: tuple[Block, ...]) -> list[Finding]:
    """Each level names blocks, exercises and modifications that exist, and applies cleanly."""
    if not levels:
        return []
    block_names = {block.name for block in blocks}
    exercises: dict[str, list[Exercise]] = {}
    for block in blocks:
        for exercise in block.exercises():
            exercises.setdefault(exercise.name, []).append(exercise)
    findings: list[Finding] = []
    for index, level in enumerate(levels):
        found = _unknown_names(level, block_names, exercises)
        if not found:
            try:
                with explaining():  # the reasons are this rule's findings, wherever it runs
                    _apply_level(level, blocks)
            except ValidationError as error:
                found = [((), f"applying it: {problem}", problem.code) for problem in error.problems]
                if not found:  # pragma: no cover - a refusal under explaining() has its reasons
                    found = [((), "applying it breaks a rule", "invalid")]
        findings.extend((("levels", index, *where), reason, code) for where, reason, code in found)
    return findings


def _unknown_names(
    level: Level, block_names: set[str], exercises: Mapping[str, list[Exercise]]
) -> list[Finding]:
    """What ``level`` names that the workout does not have."""
    found: list[Finding] = [
        (("blocks", number, "block"), f"no block named {change.block!r}", "unknown_name")
        for number, change in enumerate(level.blocks)
        if change.block not in block_names
    ]
    for number, change in enumerate(level.exercises):
        same = exercises.get(change.exercise)
        if same is None:
            reason = f"no exercise named {change.exercise!r}"
            found.append((("exercises", number, "exercise"), reason, "unknown_name"))
        elif change.modification is not None and not all(
            any(m.name == change.modification for m in exercise.modifications) for exercise in same
        ):
            reason = f"{change.exercise!r} has no modification named {change.modification!r}"
            found.append((("exercises", number, "modification"), reason, "unknown_name"))
    return found


def _one_required_block(blocks: tuple[Block, ...]) -> list[Finding]:
    for block in blocks:
        if not block.optional:
            return []
    return [(("blocks",), "expected a block that is not optional", "nothing_required")]


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
    levels: tuple[Level, ...] = attrs.field(
        default=(),
        converter=to_levels,
        metadata=ruled(
            Items(Instance((Level,), "a level"), max_length=20),
            "Whole-workout versions (beginner, advanced…), each a set of changes; none is the default.",
        ),
    )

    __relations__ = (
        Relation(
            ("blocks",), _unique_names("blocks", "block name"), "Block names are unique within a workout."
        ),
        Relation(
            ("blocks",), _one_required_block, "A workout keeps at least one block that is not optional."
        ),
        Relation(
            ("levels",), _unique_names("levels", "level name"), "Level names are unique within a workout."
        ),
        Relation(
            ("levels", "blocks"),
            _levels_apply,
            "Each level names blocks, exercises and modifications the workout has, and applying it "
            "gives a valid workout.",
        ),
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

    def level(self, name: str) -> Level:
        """The level called ``name``.

        Raises:
            UnknownNameError: no level has that name.
        """
        found: Level = _find(self.levels, name, "level")
        return found

    def optional_parts(self) -> Iterator[Block | Exercise]:
        """Every optional block and optional exercise, in workout order.

        Optional exercises inside an optional block are listed too.
        """
        for block in self.blocks:
            if block.optional:
                yield block
            yield from (exercise for exercise in block.exercises() if exercise.optional)

    def variant(
        self,
        kind: ModificationKind | str | None = None,
        *,
        choose: Mapping[str, str] | None = None,
        include: Iterable[str] = (),
    ) -> Workout:
        """A copy as one version of the workout: a level, modified exercises, optional parts kept.

        In order: ``include`` keeps optional parts, the level (if ``kind`` names one) applies,
        then modifications replace exercises. A variant that applies a level or modifications
        has no levels of its own (it is one of them).

        Args:
            kind: the name of a level (``"advanced"``), or a modification kind (``"easier"``,
                ``"harder"``…): each exercise's first modification of that kind; exercises
                without one stay as they are.
            choose: exercise name → modification name, applied first, for precise picks (to
                every exercise of that name that has the modification).
            include: names of optional blocks and exercises to keep: they stop being optional,
                so timelines have them (every optional exercise of that name).

        Raises:
            UnknownNameError: ``choose`` names an exercise or modification that does not exist,
                or ``include`` a name no optional block or exercise has.
            ValidationError: ``kind`` is neither a level nor a modification kind, or a
                modification breaks a rule where it is used (a ladder that does not fit the
                rounds, say).
        """
        level = next((level for level in self.levels if level.name == kind), None)
        try:
            wanted = ModificationKind(kind) if kind is not None and level is None else None
        except ValueError:
            choices = ", ".join(
                [*(k.value for k in ModificationKind), *(level.name for level in self.levels)]
            )
            reason = f"expected one of {choices}, got {kind!r}"
            raise ValidationError([Problem((), reason, "not_one_of")]) from None
        picks = dict(choose or {})
        self._check_names(picks, kept := frozenset(include))
        workout = self._including(kept) if kept else self
        if level is None and wanted is None and not picks:
            return workout
        blocks = _apply_level(level, workout.blocks) if level is not None else workout.blocks

        def modify(exercise: Exercise) -> Exercise:
            named = picks.get(exercise.name)
            chosen = next((m for m in exercise.modifications if m.name == named), None)
            if chosen is not None:  # an exercise of the same name without that modification stays as it is
                return chosen.apply_to(exercise)
            for modification in exercise.modifications:
                if modification.kind is wanted:
                    return modification.apply_to(exercise)
            return exercise

        if wanted is not None or picks:
            blocks = tuple(_modified_blocks(blocks, modify))
        rest = level.rest_between_sets if level is not None else None
        return attrs.evolve(
            workout,
            blocks=blocks,
            levels=(),
            rest_between_sets=rest if rest is not None else workout.rest_between_sets,
        )

    def _check_names(self, picks: Mapping[str, str], kept: frozenset[str]) -> None:
        """Raise `UnknownNameError` unless every pick and every kept name exists."""
        for name, pick in picks.items():
            same = [exercise for exercise in self.exercises() if exercise.name == name]
            if not same:
                _find(self.exercises(), name, "exercise")
            if not any(m.name == pick for exercise in same for m in exercise.modifications):
                same[0].modification(pick)
        optional = {part.name for part in self.optional_parts()}
        for name in sorted(kept - optional):
            _find(self.optional_parts(), name, "optional block or exercise")

    def _including(self, names: frozenset[str]) -> Workout:
        """A copy whose optional blocks and exercises called one of ``names`` are not optional."""

        def keep(exercise: Exercise) -> Exercise:
            return attrs.evolve(exercise, optional=False) if exercise.name in names else exercise

        blocks = (
            attrs.evolve(block, optional=False) if block.optional and block.name in names else block
            for block in _modified_blocks(self.blocks, keep)
        )
        return attrs.evolve(self, blocks=tuple(blocks))

    def _repr_html_(self) -> str:
        from ._render.notebook import workout_html  # noqa: PLC0415 - only in notebooks

        return workout_html(self)


def _modified_blocks(
    blocks: Iterable[Block],
    modify: Callable[[Exercise], Exercise],
    changes: Mapping[str, Mapping[str, Any]] | None = None,
) -> Iterator[Block]:
    """Blocks with every exercise passed through ``modify``, and fields replaced by block name.

    ``changes`` maps a block's name to the fields to replace; errors carry workout paths.
    """
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
            yield attrs.evolve(block, items=tuple(items), **(changes or {}).get(block.name, {}))
        except ValidationError as error:
            raise error.within("blocks", b) from None


def required_parts(workout: Workout) -> Workout:
    """The workout without its optional blocks and exercises, and without levels (for the plan).

    The rules keep what is left valid (a superset keeps two exercises, a block an item, the
    workout a block), so it is built without checking again; a workout with no optional part
    is returned as it is.
    """
    if not any(True for _ in workout.optional_parts()):
        return workout if not workout.levels else _built(workout, levels=())
    blocks = []
    for block in workout.blocks:
        if block.optional:
            continue
        items: list[Item] = []
        for item in block.items:
            if isinstance(item, Superset):
                kept = tuple(exercise for exercise in item.exercises if not exercise.optional)
                items.append(item if len(kept) == len(item.exercises) else _built(item, exercises=kept))
            elif not item.optional:
                items.append(item)
        same = len(items) == len(block.items) and all(a is b for a, b in zip(items, block.items, strict=True))
        blocks.append(block if same else _built(block, items=tuple(items)))
    return _built(workout, blocks=tuple(blocks), levels=())


_V = TypeVar("_V", Workout, Block, Superset)


def _built(obj: _V, **changes: Any) -> _V:
    with trusted():
        return attrs.evolve(obj, **changes)


def _find(things: Iterable[Any], name: object, what: str) -> Any:
    names = []
    for thing in things:
        if thing.name == name:
            return thing
        names.append(thing.name)
    import difflib  # noqa: PLC0415 - only when reporting a problem

    close = difflib.get_close_matches(name, names, n=3) if isinstance(name, str) else []
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise UnknownNameError(f"no {what} named {name!r}{hint}")
