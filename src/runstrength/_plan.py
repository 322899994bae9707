"""The expansion plan: a workout's efforts, rests and repeats in order, before any time is given.

`plan` walks a workout once and decides everything that does not depend on the clock: which
exercise comes when and on which side, which rest the workout prescribes at each gap (and which
pacing default fills it otherwise), what repeats and how often, and what follows the last round
(nothing: rests between rounds sit *between* rounds). The timeline gives the plan's nodes their
seconds with a `Pacing`; the FIT export maps them to workout steps. A new exporter is a new
mapping of these nodes, not a new walk over the workout.

Precedence, decided here once:

- Between blocks: the block's ``rest_after``, else the pacing's ``rest_between_blocks``.
- Between a block's rounds: its ``rest_between_rounds``, else the pacing's (none by default in
  an interval block); never after the last round.
- After an item of a block, before the next: the item's ``rest_after``; else, after a superset or
  straight sets, the workout's ``rest_between_sets``, else the pacing's; else a transition.
  Nothing after the block's last item.
- Inside a superset: ``rest_between_exercises``, else a transition; between its rounds its
  ``rest_between_rounds``, else the pacing's.
- Between straight sets: the exercise's ``rest_between_sets``, else the workout's, else the
  pacing's.
- ``each`` sides: the first side (``first_side``, else right), a side switch (the exercise's
  ``switch_sides``, else the pacing's; none at 0 s), the other side. ``alternating``: one effort.
- How much of the dose each effort does (`Work.share`): ``per_side`` doses are done in full on
  each side (twice over when alternating); shared ones (``per_side: false``) are split between
  the sides of ``each`` and done once when alternating. In an interval block each station lasts
  the interval's work: ``each`` takes a station per side, or one station split between the sides
  when the dose is shared.
- Doses: a ladder's step is the round's (or set's) number; EMOM and AMRAP blocks use the first.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, TypeAlias

import attrs

from ._model import Amrap, Block, Emom, Exercise, Intervals, Item, Superset, Workout
from ._values import (
    Amount,
    Duration,
    Ladder,
    Range,
    Reps,
    Rest,
    Side,
    Sides,
    SingleDose,
    format_seconds,
    sides_text,
    step,
)


class Default(StrEnum):
    """The `Pacing` field that fills a gap the workout leaves open."""

    SWITCH_SIDES = "switch_sides"
    TRANSITION = "transition"
    REST_BETWEEN_ROUNDS = "rest_between_rounds"
    REST_BETWEEN_SETS = "rest_between_sets"
    REST_BETWEEN_BLOCKS = "rest_between_blocks"


class Between(StrEnum):
    """Where a gap sits: what it separates."""

    SIDES = "sides"
    EXERCISES = "exercises"
    ITEMS = "items"
    SETS = "sets"
    ROUNDS = "rounds"
    BLOCKS = "blocks"


class Counted(StrEnum):
    """What a repeat counts: a block's rounds, a superset's rounds, or straight sets."""

    BLOCK_ROUNDS = "block_rounds"
    SUPERSET_ROUNDS = "superset_rounds"
    SETS = "sets"


@attrs.frozen
class Work:
    """One effort of an exercise: one side of an ``each`` exercise, else the whole effort.

    ``target`` is what the timeline shows (``8 reps``, ``8 reps per side, alternating``);
    ``seconds`` is the work an interval block prescribes (``None``: the dose decides);
    ``share`` is how much of ``dose`` this effort does (`work_share`: 2 for both sides of an
    alternating per-side dose, ½ for one side of a shared one).
    """

    exercise: Exercise
    dose: SingleDose
    side: Side | None
    target: str
    seconds: float | None = None
    share: float = 1.0


@attrs.frozen
class Gap:
    """A pause: the rest the workout prescribes, else the pacing's ``default`` (``None``: nothing).

    A prescribed rest is always a rest; a default is a rest, a transition or a side switch as
    its `Default` says.
    """

    between: Between
    prescribed: Rest | None
    default: Default | None
    side: Side | None = None
    """The side a switch of sides leads to."""


@attrs.frozen
class IntervalRest:
    """The rest of an interval block: fixed seconds, idle or doing ``active`` (its first dose)."""

    seconds: int
    active: Exercise | None


@attrs.frozen
class Repeat:
    """``times`` rounds of a body, with ``between`` between rounds (never after the last).

    ``rounds`` holds one body used for every round, or one body per round when doses change
    from round to round (ladders; ``times`` is then a whole number).
    """

    counted: Counted
    title: str
    times: Amount
    rounds: tuple[tuple[Node, ...], ...]
    between: Gap | None

    @property
    def varies(self) -> bool:
        """Whether the rounds differ (each has its own body)."""
        return len(self.rounds) > 1

    def body(self, number: int) -> tuple[Node, ...]:
        """The body of round ``number`` (from 0)."""
        return self.rounds[number] if len(self.rounds) > 1 else self.rounds[0]


@attrs.frozen
class Slot:
    """What one EMOM interval holds: the item at ``position`` of its block, done once."""

    position: int
    title: str
    item: Item
    body: tuple[Node, ...]


@attrs.frozen
class EveryInterval:
    """An EMOM block: ``intervals`` intervals of ``every`` seconds rotating through ``slots``."""

    every: int
    intervals: int
    slots: tuple[Slot, ...]


@attrs.frozen
class AsManyRounds:
    """An AMRAP block: ``round`` repeats until ``time_cap`` seconds, a transition ending each round."""

    time_cap: int
    round: tuple[Node, ...]


Node: TypeAlias = Work | Gap | IntervalRest | Repeat


@attrs.frozen
class BlockPlan:
    """One block: its body, then ``after``, the gap before the next block (``None`` after the last)."""

    index: int
    block: Block
    body: Repeat | EveryInterval | AsManyRounds
    after: Gap | None


@attrs.frozen
class Plan:
    """A workout's plan: its blocks in order."""

    workout: Workout
    blocks: tuple[BlockPlan, ...]


def superset_titles(block: Block) -> dict[int, str]:
    """Each superset's title by position; unnamed ones are numbered (``superset 2``)."""
    titles: dict[int, str] = {}
    number = 0
    for position, item in enumerate(block.items):
        if isinstance(item, Superset):
            number += 1
            titles[position] = item.name or f"{item.label or 'superset'} {number}"
    return titles


_SWITCH_TO: Final = {side: Gap(Between.SIDES, None, Default.SWITCH_SIDES, side) for side in Side}
_OTHER: Final = {Side.RIGHT: Side.LEFT, Side.LEFT: Side.RIGHT}


def work_share(exercise: Exercise) -> float:
    """How much of its dose one effort of ``exercise`` does (an effort is one side of ``each``).

    Per side (the default): each side of ``each`` does the dose (1), an alternating effort
    does it for both sides (2). Shared (``per_side: false``): each side of ``each`` does half
    (0.5), an alternating effort the dose as written (1).
    """
    if exercise.sides is Sides.EACH:
        return 1.0 if exercise.per_side else 0.5
    if exercise.sides is Sides.ALTERNATING:
        return 2.0 if exercise.per_side else 1.0
    return 1.0


def side_order(exercise: Exercise) -> tuple[Side, Side]:
    """The sides of an ``each`` exercise in the order it does them (right first unless told)."""
    first = exercise.first_side or Side.RIGHT
    return first, _OTHER[first]


def _half(dose: SingleDose) -> str:
    """Half a dose, as one side of a shared dose shows it."""
    if isinstance(dose, Reps):  # the model keeps a shared rep count even
        reps = dose.reps
        half = Range(reps.min // 2, reps.max // 2) if isinstance(reps, Range) else reps // 2
        return str(Reps(half))
    if isinstance(dose, Duration):
        seconds = dose.seconds
        if isinstance(seconds, Range):
            return f"{seconds.min / 2:g}–{seconds.max / 2:g} s"
        return format_seconds(seconds / 2)
    return f"half of {dose}"


_TRANSITION = Gap(Between.ITEMS, None, Default.TRANSITION)


def plan(workout: Workout) -> Plan:
    """The plan of a workout: every effort, gap and repeat, in order."""
    planner = _Planner(workout)
    last = len(workout.blocks) - 1
    blocks = tuple(
        BlockPlan(
            index=index,
            block=block,
            body=planner.block(block),
            after=(
                Gap(Between.BLOCKS, block.rest_after, Default.REST_BETWEEN_BLOCKS) if index < last else None
            ),
        )
        for index, block in enumerate(workout.blocks)
    )
    return Plan(workout, blocks)


def _laddered(exercises: list[Exercise] | tuple[Exercise, ...]) -> bool:
    return any(isinstance(exercise.dose, Ladder) for exercise in exercises)


class _Planner:
    """Builds the nodes of one workout's plan."""

    def __init__(self, workout: Workout) -> None:
        self.workout = workout
        self.targets: dict[int, str] = {}  # the workout keeps its doses alive while it is planned

    def target(self, dose: SingleDose) -> str:
        found = self.targets.get(id(dose))
        if found is None:
            found = self.targets[id(dose)] = str(dose)
        return found

    def effort(self, exercise: Exercise, dose: SingleDose) -> tuple[Node, ...]:
        """One performance: the first side, a side switch, the other side; or one effort."""
        target = self.effort_target(exercise, dose)
        share = work_share(exercise)
        if exercise.sides is Sides.EACH:
            first, second = side_order(exercise)
            switch = exercise.switch_sides
            if switch == 0:
                return (
                    Work(exercise, dose, first, target, None, share),
                    Work(exercise, dose, second, target, None, share),
                )
            gap = _SWITCH_TO[second] if switch is None else Gap(Between.SIDES, Rest(switch), None, second)
            return (
                Work(exercise, dose, first, target, None, share),
                gap,
                Work(exercise, dose, second, target, None, share),
            )
        return (Work(exercise, dose, None, target, None, share),)

    def effort_target(self, exercise: Exercise, dose: SingleDose) -> str:
        """What one effort of the dose shows: ``8 reps``, ``15 s (30 s in all)``."""
        target = self.target(dose)
        if exercise.sides is Sides.BOTH:
            return target
        if exercise.sides is Sides.EACH:
            return target if exercise.per_side else f"{_half(dose)} ({target} in all)"
        first = f", {exercise.first_side} first" if exercise.first_side else ""
        return target + sides_text(exercise.sides, per_side=exercise.per_side) + first

    def block(self, block: Block) -> Repeat | EveryInterval | AsManyRounds:
        fmt = block.format
        if isinstance(fmt, Emom):
            return self.emom(block, fmt)
        if isinstance(fmt, Amrap):
            return self.amrap(block, fmt)
        singles = [item for item in block.items if isinstance(item, Exercise) and item.sets == 1]
        varies = _laddered(singles)
        times = block.rounds
        numbers = range(times) if varies and isinstance(times, int) else range(1)
        if isinstance(fmt, Intervals):
            rounds = tuple(self.intervals_round(block, fmt, number) for number in numbers)
            between = (
                None
                if block.rest_between_rounds is None
                else Gap(Between.ROUNDS, block.rest_between_rounds, None)
            )
        else:
            rounds = tuple(self.block_round(block, number) for number in numbers)
            between = Gap(Between.ROUNDS, block.rest_between_rounds, Default.REST_BETWEEN_ROUNDS)
        return Repeat(Counted.BLOCK_ROUNDS, block.name, times, rounds, between)

    def block_round(self, block: Block, number: int) -> tuple[Node, ...]:
        nodes: list[Node] = []
        titles = superset_titles(block)
        last = len(block.items) - 1
        for position, item in enumerate(block.items):
            if isinstance(item, Superset):
                nodes.append(self.superset(item, titles[position]))
            elif item.sets == 1:
                nodes.extend(self.effort(item, step(item.dose, number)))
            else:
                nodes.append(self.sets(item))
            if position < last:
                nodes.append(self.after_item(item))
        return tuple(nodes)

    def after_item(self, item: Item) -> Gap:
        if item.rest_after is not None:
            return Gap(Between.ITEMS, item.rest_after, None)
        if isinstance(item, Superset) or item.sets != 1:
            return Gap(Between.ITEMS, self.workout.rest_between_sets, Default.REST_BETWEEN_SETS)
        return _TRANSITION

    def superset(self, superset: Superset, title: str) -> Repeat:
        exercises = superset.exercises
        varies = _laddered(exercises)
        times = superset.rounds
        numbers = range(times) if varies and isinstance(times, int) else range(1)
        inside = Gap(Between.EXERCISES, superset.rest_between_exercises, Default.TRANSITION)
        last = len(exercises) - 1
        rounds = []
        for number in numbers:
            nodes: list[Node] = []
            for position, exercise in enumerate(exercises):
                nodes.extend(self.effort(exercise, step(exercise.dose, number)))
                if position < last:
                    nodes.append(inside)
            rounds.append(tuple(nodes))
        between = Gap(Between.ROUNDS, superset.rest_between_rounds, Default.REST_BETWEEN_ROUNDS)
        return Repeat(Counted.SUPERSET_ROUNDS, title, times, tuple(rounds), between)

    def sets(self, exercise: Exercise) -> Repeat:
        times = exercise.sets
        varies = isinstance(exercise.dose, Ladder) and isinstance(times, int)
        rounds = tuple(self.effort(exercise, step(exercise.dose, n)) for n in range(times if varies else 1))  # type: ignore[arg-type]
        own = exercise.rest_between_sets
        rest = own if own is not None else self.workout.rest_between_sets
        between = Gap(Between.SETS, rest, Default.REST_BETWEEN_SETS)
        return Repeat(Counted.SETS, exercise.name, times, rounds, between)

    def intervals_round(self, block: Block, fmt: Intervals, number: int) -> tuple[Node, ...]:
        nodes: list[Node] = []
        rest = IntervalRest(fmt.rest, fmt.active_rest)
        for item in block.items:
            assert isinstance(item, Exercise)  # noqa: S101 - the model guarantees it
            dose = step(item.dose, number)
            target = self.effort_target(item, dose)
            share = work_share(item)
            if item.sides is not Sides.EACH:
                nodes += (Work(item, dose, None, target, fmt.work, share), rest)
            elif item.per_side:  # a station per side
                for side in side_order(item):
                    nodes += (Work(item, dose, side, target, fmt.work, share), rest)
            else:  # one station, split between the sides
                half = fmt.work / 2
                nodes += (*(Work(item, dose, side, target, half, share) for side in side_order(item)), rest)
        return tuple(nodes)

    def emom(self, block: Block, fmt: Emom) -> EveryInterval:
        titles = superset_titles(block)
        slots = []
        for position, item in enumerate(block.items):
            if isinstance(item, Superset):
                body: tuple[Node, ...] = (self.superset(item, titles[position]),)
                title = titles[position]
            else:
                body = self.effort(item, step(item.dose, 0))
                title = item.name
            slots.append(Slot(position, title, item, body))
        return EveryInterval(fmt.every, fmt.intervals, tuple(slots))

    def amrap(self, block: Block, fmt: Amrap) -> AsManyRounds:
        nodes: list[Node] = []
        for position, item in enumerate(block.items):
            assert isinstance(item, Exercise)  # noqa: S101 - the model guarantees it
            if position:
                nodes.append(_TRANSITION)
            nodes.extend(self.effort(item, step(item.dose, 0)))
        # Back to the first exercise: still this round, so a round counts once work starts.
        nodes.append(_TRANSITION)
        return AsManyRounds(fmt.time_cap, tuple(nodes))
