"""The workout model: Exercise, Modification, Superset, Block and Workout."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any, TypeAlias

import attrs

from ._errors import Problem, UnknownNameError, ValidationError
from ._spec.rules import (
    Checked,
    Finding,
    checks,
    instance,
    items,
    member,
    optional,
    text,
    to_enum,
    to_tuple,
    url,
    whole,
)
from ._values import (
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
    amount,
    dose_rule,
    format_seconds,
)

_NAME = text(100)
_CUE = text(500)
_NOTES = optional(text(2000))
_REST = optional(instance(Rest, name="a rest"))
_EQUIPMENT = items(instance(Equipment, name="equipment"), max_length=30)
_TAGS = items(text(50), max_length=20, unique=True)


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


def _ladder_fits(dose: Dose, times: Amount, where: str) -> list[Finding]:
    """A ladder needs exactly one step per time the exercise is done."""
    if not isinstance(dose, Ladder):
        return []
    if isinstance(times, Range):
        return [(("dose",), f"a ladder needs a fixed number of {where}, got {times}")]
    if len(dose.ladder) != times:
        steps = "step" if times == 1 else "steps"
        return [
            (("dose", "ladder"), f"expected {times} {steps}, one per {where[:-1]}, got {len(dose.ladder)}")
        ]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Modification(Checked):
    """A named variant of one exercise: easier, harder, a variation or an alternative.

    Fields left as ``None`` keep the exercise's own value; ``cues``, when given, replace
    the exercise's cues.
    """

    name: str = attrs.field(metadata=checks(_NAME))
    kind: ModificationKind = attrs.field(
        metadata=checks(member(ModificationKind), normalize=to_enum(ModificationKind))
    )
    dose: Dose | None = attrs.field(default=None, metadata=checks(optional(dose_rule())))
    sides: Sides | None = attrs.field(
        default=None, metadata=checks(optional(member(Sides)), normalize=to_enum(Sides))
    )
    load: Load | None = attrs.field(default=None, metadata=checks(optional(instance(Load, name="a load"))))
    effort: Effort | None = attrs.field(
        default=None, metadata=checks(optional(instance(Effort, name="an effort")))
    )
    tempo: Tempo | None = attrs.field(
        default=None, metadata=checks(optional(instance(Tempo, name="a tempo")))
    )
    equipment: tuple[Equipment, ...] | None = attrs.field(
        default=None, metadata=checks(optional(_EQUIPMENT), normalize=to_tuple)
    )
    cues: tuple[str, ...] = attrs.field(
        default=(), metadata=checks(items(_CUE, max_length=30), normalize=to_tuple)
    )
    notes: str | None = attrs.field(default=None, metadata=checks(_NOTES))

    def apply_to(self, exercise: Exercise) -> Exercise:
        """The exercise as this modification changes it (it has no modifications of its own)."""
        changes: dict[str, Any] = {"name": self.name, "modifications": ()}
        for field in ("dose", "sides", "load", "effort", "tempo", "equipment", "notes"):
            value = getattr(self, field)
            if value is not None:
                changes[field] = value
        if self.cues:
            changes["cues"] = self.cues
        return attrs.evolve(exercise, **changes)


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Exercise(Checked):
    """One exercise and what it asks for.

    ``sets`` > 1 makes straight sets (with ``rest_between_sets``); inside a superset,
    the superset's rounds repeat the exercise instead.

    >>> from runstrength import Reps, Sides
    >>> str(Exercise(name="Hammer Curl", dose=Reps(8)))
    'Hammer Curl: 8 reps'
    >>> str(Exercise(name="Half-Kneeling Chop", dose=Reps(8), sides=Sides.EACH))
    'Half-Kneeling Chop: 8 reps per side'
    """

    name: str = attrs.field(metadata=checks(_NAME))
    dose: Dose = attrs.field(metadata=checks(dose_rule()))
    sides: Sides = attrs.field(default=Sides.BOTH, metadata=checks(member(Sides), normalize=to_enum(Sides)))
    sets: Amount = attrs.field(default=1, metadata=checks(amount(1, 100)))
    rest_between_sets: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    load: Load | None = attrs.field(default=None, metadata=checks(optional(instance(Load, name="a load"))))
    effort: Effort | None = attrs.field(
        default=None, metadata=checks(optional(instance(Effort, name="an effort")))
    )
    tempo: Tempo | None = attrs.field(
        default=None, metadata=checks(optional(instance(Tempo, name="a tempo")))
    )
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), metadata=checks(_EQUIPMENT, normalize=to_tuple)
    )
    targets: tuple[str, ...] = attrs.field(default=(), metadata=checks(_TAGS, normalize=to_tuple))
    cues: tuple[str, ...] = attrs.field(
        default=(), metadata=checks(items(_CUE, max_length=30), normalize=to_tuple)
    )
    modifications: tuple[Modification, ...] = attrs.field(
        default=(),
        metadata=checks(
            items(instance(Modification, name="a modification"), max_length=10), normalize=to_tuple
        ),
    )
    rest_after: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    video: str | None = attrs.field(default=None, metadata=checks(optional(url())))
    image: str | None = attrs.field(default=None, metadata=checks(optional(url())))
    notes: str | None = attrs.field(default=None, metadata=checks(_NOTES))

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        sets = values.get("sets", 1)
        if values.get("rest_between_sets") is not None and sets == 1 and "sets" in values:
            yield ("rest_between_sets",), "only applies to straight sets: set sets above 1"
        if "dose" in values and "sets" in values and sets != 1:
            yield from _ladder_fits(values["dose"], sets, "sets")
        modifications = values.get("modifications", ())
        names = [m.name for m in modifications] if len(modifications) > 1 else []
        for index, name in enumerate(names):
            if name in names[:index]:
                yield ("modifications", index, "name"), f"duplicate modification name {name!r}"

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


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Superset(Checked):
    """Two or more exercises done back to back, repeated for ``rounds``.

    Also a tri-set, circuit or giant set: ``label`` keeps what the author called it.
    Rests: ``rest_between_exercises`` inside a round, ``rest_between_rounds`` between
    rounds (never after the last), ``rest_after`` once the group is done.
    """

    exercises: tuple[Exercise, ...] = attrs.field(
        metadata=checks(
            items(instance(Exercise, name="an exercise"), min_length=2, max_length=20), normalize=to_tuple
        )
    )
    rounds: Amount = attrs.field(default=1, metadata=checks(amount(1, 100)))
    name: str | None = attrs.field(default=None, metadata=checks(optional(_NAME)))
    label: str | None = attrs.field(default=None, metadata=checks(optional(text(50))))
    rest_between_exercises: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    rest_between_rounds: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    rest_after: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    notes: str | None = attrs.field(default=None, metadata=checks(_NOTES))

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        for index, exercise in enumerate(values.get("exercises", ())):
            if exercise.sets != 1:
                yield ("exercises", index, "sets"), "must be 1 inside a superset: set the superset's rounds"
            if "rounds" in values:
                for location, reason in _ladder_fits(exercise.dose, values["rounds"], "rounds"):
                    yield ("exercises", index, *location), reason

    @property
    def title(self) -> str:
        """The name, else the label, else ``superset``."""
        return self.name or self.label or "superset"


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Intervals(Checked):
    """Block format: each exercise for ``work`` seconds, then ``rest`` seconds, every round.

    The rest may be active (``active_rest``, e.g. a plank hold). Tabata is
    ``Intervals(work=20, rest=10)`` with 8 rounds.

    >>> str(Intervals(work=20, rest=10))
    'intervals of 20 s work, 10 s rest'
    """

    work: int = attrs.field(metadata=checks(whole(1, 3600, " s")))
    rest: int = attrs.field(default=0, metadata=checks(whole(0, 3600, " s")))
    active_rest: Exercise | None = attrs.field(
        default=None, metadata=checks(optional(instance(Exercise, name="an exercise")))
    )

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        if values.get("active_rest") is not None and values.get("rest") == 0:
            yield ("active_rest",), "needs a rest interval above 0 s"

    def __str__(self) -> str:
        text = f"intervals of {format_seconds(self.work)} work, {format_seconds(self.rest)} rest"
        return text + (f" (active rest: {self.active_rest})" if self.active_rest else "")


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Emom(Checked):
    """Block format: start an exercise every ``every`` seconds for ``duration`` seconds.

    With several exercises the block rotates (interval 1 the first, 2 the second, …);
    what is left of each interval after the work is rest.

    >>> str(Emom(every=60, duration=600))
    'EMOM, every 60 s for 10 min'
    """

    every: int = attrs.field(metadata=checks(whole(10, 3600, " s")))
    duration: int = attrs.field(metadata=checks(whole(10, 14_400, " s")))

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        if {"every", "duration"} <= values.keys() and values["duration"] % values["every"]:
            yield (
                ("duration",),
                f"expected a multiple of every ({values['every']} s), got {values['duration']} s",
            )

    @property
    def intervals(self) -> int:
        """How many intervals the block has."""
        return self.duration // self.every

    def __str__(self) -> str:
        return f"EMOM, every {format_seconds(self.every)} for {format_seconds(self.duration)}"


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Amrap(Checked):
    """Block format: as many rounds as possible of the exercises within ``time_cap`` seconds.

    >>> str(Amrap(time_cap=720))
    'AMRAP in 12 min'
    """

    time_cap: int = attrs.field(metadata=checks(whole(10, 14_400, " s")))

    def __str__(self) -> str:
        return f"AMRAP in {format_seconds(self.time_cap)}"


Format: TypeAlias = Intervals | Emom | Amrap
FORMATS = (Intervals, Emom, Amrap)
Item: TypeAlias = Exercise | Superset


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Block(Checked):
    """A section of a workout (warm-up, main, cool-down…): exercises and supersets done in order.

    ``rounds`` repeats the whole block; ``format`` makes it timed (intervals, EMOM, AMRAP),
    in which case it holds single-set exercises only (an EMOM may also hold supersets of one
    round, done once through per interval).
    """

    name: str = attrs.field(metadata=checks(_NAME))
    kind: BlockKind = attrs.field(
        default=BlockKind.MAIN, metadata=checks(member(BlockKind), normalize=to_enum(BlockKind))
    )
    rounds: Amount = attrs.field(default=1, metadata=checks(amount(1, 100)))
    format: Format | None = attrs.field(
        default=None, metadata=checks(optional(instance(*FORMATS, name="a block format")))
    )
    rest_between_rounds: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    rest_after: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    notes: str | None = attrs.field(default=None, metadata=checks(_NOTES))
    items: tuple[Item, ...] = attrs.field(
        metadata=checks(
            items(
                instance(Exercise, Superset, name="an exercise or a superset"), min_length=1, max_length=100
            ),
            normalize=to_tuple,
        )
    )

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        fmt = values.get("format")
        for index, item in enumerate(values.get("items", ())):
            for location, reason in _item_fits(item, fmt, values.get("rounds")):
                yield ("items", index, *location), reason
        if isinstance(fmt, Emom | Amrap):
            if values.get("rounds", 1) != 1:
                yield ("rounds",), f"must be 1 in an {_format_name(fmt)} block: its time sets the length"
            if values.get("rest_between_rounds") is not None:
                yield ("rest_between_rounds",), f"does not apply to an {_format_name(fmt)} block"

    def exercises(self) -> Iterator[Exercise]:
        """Every exercise of the block, in order (supersets opened)."""
        for item in self.items:
            if isinstance(item, Superset):
                yield from item.exercises
            else:
                yield item


def _item_fits(item: Item, fmt: Format | None, rounds: Amount | None) -> list[Finding]:  # noqa: C901
    """The rules an item of a block must follow given the block's format and rounds."""
    if fmt is None:
        if isinstance(item, Exercise) and item.sets == 1 and rounds is not None:
            return _ladder_fits(item.dose, rounds, "rounds")
        return []
    name = _format_name(fmt)
    if isinstance(item, Superset):
        if not isinstance(fmt, Emom):
            return [((), f"an {name} block holds exercises, not supersets")]
        if item.rounds != 1:
            return [(("rounds",), "must be 1 in an EMOM block: the superset is done once per interval")]
        return []
    findings: list[Finding] = []
    if item.sets != 1:
        findings.append((("sets",), f"must be 1 in an {name} block"))
    if isinstance(fmt, Intervals):
        if rounds is not None:
            findings += _ladder_fits(item.dose, rounds, "rounds")
        if isinstance(item.dose, Duration):
            seconds = item.dose.seconds
            if (seconds.max if isinstance(seconds, Range) else seconds) > fmt.work:
                findings.append((("dose",), f"longer than the {fmt.work} s work interval"))
    elif isinstance(item.dose, Ladder):
        findings.append((("dose",), f"a ladder needs fixed rounds, not an {name} block"))
    return findings


def _format_name(fmt: Format | None) -> str:
    return {Intervals: "interval", Emom: "EMOM", Amrap: "AMRAP"}[type(fmt)]


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Workout(Checked):
    """A whole workout: its blocks in order, and what an athlete should know about it.

    ``rest_between_sets`` is the rest the workout prescribes after each superset or
    straight set, unless the item sets its own.  ``stated_duration`` is how long the
    source says the workout takes, in seconds: a fact to compare timelines with (a
    timeline computes its own total).
    """

    title: str = attrs.field(metadata=checks(text(200)))
    summary: str | None = attrs.field(default=None, metadata=checks(_NOTES))
    frequency: Frequency | None = attrs.field(
        default=None, metadata=checks(optional(instance(Frequency, name="a frequency")))
    )
    stated_duration: Amount | None = attrs.field(
        default=None, metadata=checks(optional(amount(60, 86_400, " s")))
    )
    rest_between_sets: Rest | None = attrs.field(default=None, metadata=checks(_REST))
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), metadata=checks(_EQUIPMENT, normalize=to_tuple)
    )
    targets: tuple[str, ...] = attrs.field(default=(), metadata=checks(_TAGS, normalize=to_tuple))
    benefits: tuple[str, ...] = attrs.field(
        default=(), metadata=checks(items(text(300), max_length=20), normalize=to_tuple)
    )
    video: str | None = attrs.field(default=None, metadata=checks(optional(url())))
    source: Source | None = attrs.field(
        default=None, metadata=checks(optional(instance(Source, name="a source")))
    )
    notes: str | None = attrs.field(default=None, metadata=checks(_NOTES))
    blocks: tuple[Block, ...] = attrs.field(
        metadata=checks(
            items(instance(Block, name="a block"), min_length=1, max_length=50), normalize=to_tuple
        )
    )

    @classmethod
    def _relations(cls, values: Mapping[str, Any]) -> Iterator[Finding]:
        names = [block.name for block in values.get("blocks", ())]
        for index, name in enumerate(names):
            if name in names[:index]:
                yield ("blocks", index, "name"), f"duplicate block name {name!r}"

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
            raise ValidationError([Problem((), f"expected one of {choices}, got {kind!r}")]) from None
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
