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
- An interval block: every work followed by the format's rest, except the block's very last
  work when ``rest_after_last`` is false (the rest then sits between rounds only).
- A prescribed rest without seconds: its length's pacing field (``rest_minimal``,
  ``rest_short``), else ``rest_as_needed``.
- What an exercise is (`movement`: cyclic, body-weight or loaded) and which equipment it uses
  (`equipment_of`) are decided here, once: the default rest after a set or superset is the
  loaded one when any of its exercises is loaded, a default transition is the equipment one
  when the equipment changes between the two exercises, and an exercise at a station (a bar
  to load, a machine to adjust: `set_up`) that stands alone in an untimed block gets a set-up
  before each set.
- Doses and loads: a ladder's or an ascending dose's step is the round's (or set's) number; an
  EMOM counts the times it has come round to the exercise, an AMRAP its own rounds (from the
  first again in each of the block's rounds).
- In an AMRAP block, after each exercise (the last one included, before the next round): its
  ``rest_after``, else a transition.
- Counted efforts: a repeat of one effort (both sides of an ``each`` exercise), with the dose's
  ``recovery`` between efforts (nothing when it has none), never after the last.
- Optional blocks and exercises are left out (`Workout.variant` with ``include`` keeps them).
- Timed blocks repeated: an EMOM or AMRAP block of several rounds is a repeat of its timed
  body, with the block's ``rest_between_rounds`` between rounds (no default: nothing unless
  stated). A for-time block is planned like an untimed one, with its ``time_cap`` on the
  block's plan: between its rounds a prescribed rest, else a transition back to the first
  exercise (by the equipment, as between exercises; no pacing default rest).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Final, TypeAlias

import attrs

from ._model import Amrap, Block, Emom, Exercise, ForTime, Intervals, Item, Superset, Workout, required_parts
from ._pacing import Movement
from ._values import (
    Amount,
    Ascending,
    Duration,
    Efforts,
    Ladder,
    Load,
    LoadLadder,
    LoadLevel,
    Range,
    Reps,
    Rest,
    RestLength,
    Side,
    Sides,
    SingleDose,
    format_reps,
    format_span,
    load_step,
    sides_text,
    step,
)


class Default(StrEnum):
    """The `Pacing` field that fills a gap the workout leaves open."""

    SWITCH_SIDES = "switch_sides"
    TRANSITION = "transition_equipment"
    TRANSITION_IN_PLACE = "transition_in_place"
    SET_UP = "set_up"
    REST_BETWEEN_ROUNDS = "rest_between_rounds"
    REST_BETWEEN_SETS = "rest_between_sets_loaded"
    REST_BETWEEN_SETS_BODYWEIGHT = "rest_between_sets_bodyweight"
    REST_BETWEEN_BLOCKS = "rest_between_blocks"
    REST_MINIMAL = "rest_minimal"
    REST_SHORT = "rest_short"
    REST_AS_NEEDED = "rest_as_needed"


def rest_default(rest: Rest) -> Default:
    """The pacing field that times a rest without seconds: by its length, else as needed."""
    if rest.length is RestLength.MINIMAL:
        return Default.REST_MINIMAL
    if rest.length is RestLength.SHORT:
        return Default.REST_SHORT
    return Default.REST_AS_NEEDED


class Between(StrEnum):
    """Where a gap sits: what it separates."""

    SIDES = "sides"
    SET_UP = "set_up"
    EXERCISES = "exercises"
    ITEMS = "items"
    SETS = "sets"
    EFFORTS = "efforts"
    ROUNDS = "rounds"
    BLOCKS = "blocks"


class Counted(StrEnum):
    """What a repeat counts: a block's rounds, a superset's rounds, straight sets, or efforts."""

    BLOCK_ROUNDS = "block_rounds"
    SUPERSET_ROUNDS = "superset_rounds"
    SETS = "sets"
    EFFORTS = "efforts"


@attrs.frozen
class Work:
    """One effort of an exercise: one side of an ``each`` exercise, else the whole effort.

    ``target`` is what the timeline shows (``8 reps``, ``8 reps per side, alternating``, and
    the step's load when the exercise has a load ladder: ``5 reps at 80 kg``); ``seconds`` is
    the work an interval block prescribes, or a range (``None``: the dose decides); ``load`` is
    this effort's load (a load ladder's step), if any; ``share`` is how much of ``dose`` this
    effort does (`work_share`: 2 for both sides of an alternating per-side dose, ½ for one side
    of a shared one). The dose of one of counted `Efforts` is the `Efforts` itself (its
    ``each`` and intensity). ``movement`` is what kind of exercise it is, for the pacing's
    time per rep.
    """

    exercise: Exercise
    dose: SingleDose | Efforts
    side: Side | None
    target: str
    seconds: float | Range | None = None
    load: Load | None = None
    share: float = 1.0
    movement: Movement = Movement.BODYWEIGHT


@attrs.frozen
class Gap:
    """A pause: the rest the workout prescribes, else the pacing's ``default`` (``None``: nothing).

    A prescribed rest is always a rest (one without seconds is timed by the pacing field
    `rest_default` names); a default is a rest, a transition or a side switch as its
    `Default` says.
    """

    between: Between
    prescribed: Rest | None
    default: Default | None
    side: Side | None = None
    """The side a switch of sides leads to."""
    exercise: Exercise | None = None
    """The exercise a set-up sets up."""


@attrs.frozen
class IntervalRest:
    """The rest of an interval block: seconds (or a range), idle or doing ``active`` (its first dose)."""

    seconds: Amount
    active: Exercise | None


@attrs.frozen
class Repeat:
    """``times`` rounds of a body, with ``between`` between rounds (never after the last).

    ``rounds`` holds one body used for every round, or one body per round when doses change
    from round to round (ladders, ascending doses: as many bodies as the most rounds).
    ``closing`` is an interval block's rest when the block has none after its last work: it
    ends every round but the last, before ``between``.
    """

    counted: Counted
    title: str
    times: Amount
    rounds: tuple[tuple[Node, ...], ...]
    between: Gap | None
    closing: IntervalRest | None = None

    @property
    def varies(self) -> bool:
        """Whether the rounds differ (each has its own body)."""
        return len(self.rounds) > 1

    def body(self, number: int) -> tuple[Node, ...]:
        """The body of round ``number`` (from 0)."""
        return self.rounds[number] if len(self.rounds) > 1 else self.rounds[0]


@attrs.frozen
class Slot:
    """What one EMOM interval holds: the item at ``position`` of its block, done once.

    ``cycles`` holds the body of each time the rotation comes back to the item when its dose
    climbs (an ascending dose); else it is empty and ``body`` serves every time.
    """

    position: int
    title: str
    item: Item
    body: tuple[Node, ...]
    cycles: tuple[tuple[Node, ...], ...] = ()

    def at(self, cycle: int) -> tuple[Node, ...]:
        """The body of the item's ``cycle``-th interval (from 0)."""
        return self.cycles[cycle] if self.cycles else self.body


@attrs.frozen
class EveryInterval:
    """An EMOM block: ``intervals`` intervals of ``every`` seconds rotating through ``slots``."""

    every: int
    intervals: int
    slots: tuple[Slot, ...]


@attrs.frozen
class AsManyRounds:
    """An AMRAP block: ``round`` repeats until ``time_cap`` seconds.

    Each exercise of the round is followed by its ``rest_after``, else a transition. When a dose
    climbs (ascending), ``climb`` builds round *n*'s body; `body` keeps each body it built, so a
    round's nodes stay the same objects for every walk of the plan.
    """

    time_cap: int
    round: tuple[Node, ...]
    climb: Callable[[int], tuple[Node, ...]] | None = attrs.field(default=None, eq=False)
    _built: dict[int, tuple[Node, ...]] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def body(self, number: int) -> tuple[Node, ...]:
        """The body of round ``number`` (from 0)."""
        if self.climb is None or number == 0:
            return self.round
        found = self._built.get(number)
        if found is None:
            found = self._built[number] = self.climb(number)
        return found


Node: TypeAlias = Work | Gap | IntervalRest | Repeat | EveryInterval | AsManyRounds
"""A plan's node; an EMOM or AMRAP body is a node only in the repeat of a timed block's rounds."""


@attrs.frozen
class BlockPlan:
    """One block: its body, then ``after``, the gap before the next block (``None`` after the last).

    An EMOM or AMRAP block done once has its timed body as its body; repeated, a `Repeat` of
    it. ``time_cap`` is a for-time block's cap (``None`` elsewhere, or uncapped).
    """

    index: int
    block: Block
    body: Repeat | EveryInterval | AsManyRounds
    after: Gap | None
    time_cap: int | None = None


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


def _halved(seconds: float | Range) -> float | Range:
    """Half an interval's work: one side's part of a station split between the sides."""
    return Range(seconds.min / 2, seconds.max / 2) if isinstance(seconds, Range) else seconds / 2


def _half(dose: SingleDose | Efforts) -> str:
    """Half a dose, as one side of a shared dose shows it."""
    if isinstance(dose, Reps):  # the model keeps a shared rep count even
        reps = dose.reps
        # Not a `Reps`: half of an ascending dose's later step may pass the bounds of a written one.
        return format_reps(Range(reps.min // 2, reps.max // 2) if isinstance(reps, Range) else reps // 2)
    if isinstance(dose, Duration):
        return format_span(_halved(dose.seconds))
    return f"half of {dose}"


_STATION_WORDS: Final = (
    "barbell", "machine", "cable", "smith", "rack", "trap bar", "landmine", "sled",
    "deadlift", "bench press", "overhead press", "leg press", "leg extension", "leg curl",
    "hamstring curl", "pushdown", "pulldown", "abduction", "adduction",
)  # fmt: skip
"""Words of an exercise's name or equipment for a lift set up at a station: a bar to load, a machine."""

_HANDHELD_WORDS: Final = ("dumbbell", "kettlebell", "band", "medicine ball", "sandbag", "plate")
"""Words of an exercise's name or equipment for a weight picked up, not set up."""

_LOADED_WORDS: Final = (
    *_STATION_WORDS,
    *_HANDHELD_WORDS,
    "weighted",
    "shoulder press", "biceps curl", "triceps extension", "lateral raise", "goblet", "fly",
)  # fmt: skip
"""Words of an exercise's name or equipment that make it a loaded lift."""

_CYCLIC_WORDS: Final = (
    "jumping jack", "high knee", "jump rope", "skipping", "butt kick", "mountain climber",
    "flutter kick", "punch", "march", "fast feet", "skier",
)  # fmt: skip
"""Words of an exercise's name that make it a quick repeated move, counted a contact at a time."""

_EQUIPMENT_WORDS: Final = (
    *_STATION_WORDS,
    *_HANDHELD_WORDS,
    "bench", "chair", "box", "step", "bar", "wall", "ball", "rope",
)  # fmt: skip
"""Words of an exercise's name or equipment that name what it is done with or on."""


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")(e?s)?\b")


_STATION: Final = _words(_STATION_WORDS)
_HANDHELD: Final = _words(_HANDHELD_WORDS)
_LOADED: Final = _words(_LOADED_WORDS)
_CYCLIC: Final = _words(_CYCLIC_WORDS)
_EQUIPMENT: Final = _words(_EQUIPMENT_WORDS)


def _texts(exercise: Exercise) -> tuple[str, ...]:
    return (exercise.name.lower(), *(item.name.lower() for item in exercise.equipment))


def movement(exercise: Exercise) -> Movement:
    """What kind of exercise this is, for the pacing's time per rep.

    Loaded when its ``load`` is an amount or a level other than body weight, or when its name
    or equipment names a weight, a machine or a band, or a lift only done with one (see
    ``_LOADED_WORDS``); else cyclic when its name is a quick repeated move (jumping jacks,
    high knees, mountain climbers…); else body-weight.

    >>> from runstrength import Reps
    >>> [
    ...     movement(Exercise(name=name, dose=Reps(10))).value
    ...     for name in ("Goblet Squat", "High Knees", "Squat")
    ... ]
    ['loaded', 'cyclic', 'bodyweight']
    """
    load = exercise.load
    if load is not None:
        loads = load.ladder if isinstance(load, LoadLadder) else (load,)
        bodyweight = all(one.level is LoadLevel.BODYWEIGHT and one.amount is None for one in loads)
        return Movement.BODYWEIGHT if bodyweight else Movement.LOADED
    texts = _texts(exercise)
    if any(_LOADED.search(text) for text in texts):
        return Movement.LOADED
    return Movement.CYCLIC if _CYCLIC.search(texts[0]) else Movement.BODYWEIGHT


def set_up(exercise: Exercise) -> bool:
    """Whether each set of the exercise starts with a set-up: a bar to load or a machine to adjust.

    True when its name or equipment names a barbell, a machine or a cable, or a lift done on
    one (deadlift, bench press, leg press…; see ``_STATION_WORDS``), and no weight that is
    simply picked up (a dumbbell deadlift is not set up).
    """
    texts = _texts(exercise)
    return any(_STATION.search(text) for text in texts) and not any(_HANDHELD.search(text) for text in texts)


def equipment_of(exercise: Exercise) -> frozenset[str]:
    """What an exercise is done with or on, as words of its name and equipment (``dumbbell``, ``bench``).

    Two exercises with the same equipment (or none, on the floor) follow each other in place;
    otherwise moving on means changing equipment.
    """
    return frozenset(match.group(1) for text in _texts(exercise) for match in _EQUIPMENT.finditer(text))


def _loaded(item: Item) -> bool:
    exercises = item.exercises if isinstance(item, Superset) else (item,)
    return any(movement(exercise) is Movement.LOADED for exercise in exercises)


def _first(item: Item) -> Exercise:
    return item.exercises[0] if isinstance(item, Superset) else item


def _exercises(block: Block) -> list[Exercise]:
    """The items of an AMRAP or for-time block, which the model allows to be exercises only."""
    return [item for item in block.items if isinstance(item, Exercise)]


_TRANSITION = Gap(Between.ITEMS, None, Default.TRANSITION)
_IN_PLACE = Gap(Between.ITEMS, None, Default.TRANSITION_IN_PLACE)


def transition(before: Exercise, after: Exercise) -> Gap:
    """The default transition from one exercise to the next: in place, or changing equipment."""
    return _IN_PLACE if equipment_of(before) == equipment_of(after) else _TRANSITION


def plan(workout: Workout) -> Plan:
    """The plan of a workout: every effort, gap and repeat, in order (optional parts left out)."""
    workout = required_parts(workout)
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
            time_cap=block.format.time_cap if isinstance(block.format, ForTime) else None,
        )
        for index, block in enumerate(workout.blocks)
    )
    return Plan(workout, blocks)


def _rest_default(item: Item) -> Default:
    """The pacing's rest after a set or superset: by whether any of its exercises is loaded."""
    return Default.REST_BETWEEN_SETS if _loaded(item) else Default.REST_BETWEEN_SETS_BODYWEIGHT


def _with_load(target: str, exercise: Exercise, load: Load | None) -> str:
    """The target with the step's load when the load changes by set or round."""
    return f"{target} at {load}" if load is not None and isinstance(exercise.load, LoadLadder) else target


def _varies(exercise: Exercise) -> bool:
    """Whether the exercise's dose or load changes from one time to the next."""
    return isinstance(exercise.dose, Ladder | Ascending) or isinstance(exercise.load, LoadLadder)


def _laddered(exercises: list[Exercise] | tuple[Exercise, ...]) -> bool:
    return any(_varies(exercise) for exercise in exercises)


def _numbers(varies: bool, times: Amount) -> range:  # noqa: FBT001
    """The round numbers needing their own body: every round up to the most when doses vary."""
    if not varies:
        return range(1)
    return range(int(times.max) if isinstance(times, Range) else times)


class _Planner:
    """Builds the nodes of one workout's plan."""

    def __init__(self, workout: Workout) -> None:
        self.workout = workout
        self.targets: dict[int, str] = {}  # the workout keeps its doses alive while it is planned
        self.kinds: dict[int, tuple[Movement, bool]] = {}  # and its exercises

    def kind(self, exercise: Exercise) -> tuple[Movement, bool]:
        """The exercise's movement and whether its sets are set up, worked out once per exercise."""
        found = self.kinds.get(id(exercise))
        if found is None:
            found = self.kinds[id(exercise)] = (movement(exercise), set_up(exercise))
        return found

    def target(self, dose: SingleDose | Efforts) -> str:
        found = self.targets.get(id(dose))
        if found is None:
            found = self.targets[id(dose)] = str(dose)
        return found

    def effort(self, exercise: Exercise, number: int, *, alone: bool = False) -> tuple[Node, ...]:
        """Performance ``number`` (from 0): both sides, one effort, or counted efforts.

        ``alone``: the exercise stands alone in an untimed block, so work at a station is set up first.
        """
        dose = step(exercise.dose, number)
        load = load_step(exercise.load, number)
        start: tuple[Node, ...] = ()
        if alone and self.kind(exercise)[1]:
            start = (Gap(Between.SET_UP, None, Default.SET_UP, exercise=exercise),)
        if isinstance(dose, Efforts):
            between = None if dose.recovery is None else Gap(Between.EFFORTS, dose.recovery, None)
            body = self.one_effort(exercise, dose, _with_load(dose.one(), exercise, load), load)
            return (*start, Repeat(Counted.EFFORTS, exercise.name, dose.efforts, (body,), between))
        target = _with_load(self.effort_target(exercise, dose), exercise, load)
        return (*start, *self.one_effort(exercise, dose, target, load))

    def one_effort(
        self, exercise: Exercise, dose: SingleDose | Efforts, target: str, load: Load | None
    ) -> tuple[Node, ...]:
        """The first side, a side switch, the other side; or one effort."""
        share = work_share(exercise)
        kind = self.kind(exercise)[0]

        def work(side: Side | None) -> Work:
            return Work(exercise, dose, side, target, load=load, share=share, movement=kind)

        if exercise.sides is not Sides.EACH:
            return (work(None),)
        first, second = side_order(exercise)
        switch = exercise.switch_sides
        if switch == 0:
            return (work(first), work(second))
        gap = _SWITCH_TO[second] if switch is None else Gap(Between.SIDES, Rest(switch), None, second)
        return (work(first), gap, work(second))

    def effort_target(self, exercise: Exercise, dose: SingleDose | Efforts) -> str:
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
        if isinstance(fmt, Emom | Amrap):
            timed = self.emom(block, fmt) if isinstance(fmt, Emom) else self.amrap(block, fmt)
            if block.rounds == 1:
                return timed
            gap = Gap(Between.ROUNDS, block.rest_between_rounds, None)
            return Repeat(Counted.BLOCK_ROUNDS, block.name, block.rounds, ((timed,),), gap)
        singles = [item for item in block.items if isinstance(item, Exercise) and item.sets == 1]
        times = block.rounds
        numbers = _numbers(_laddered(singles), times)
        closing = None
        if isinstance(fmt, Intervals):
            rest = IntervalRest(fmt.rest, fmt.active_rest)
            rounds = tuple(self.intervals_round(block, fmt, number, rest) for number in numbers)
            if not fmt.rest_after_last:  # the rest after a round's last work ends every round but the last
                rounds = tuple(body[:-1] for body in rounds)
                closing = rest
            between = (
                None
                if block.rest_between_rounds is None
                else Gap(Between.ROUNDS, block.rest_between_rounds, None)
            )
        else:
            rounds = tuple(self.block_round(block, number) for number in numbers)
            # Against the clock, no rest is added: back to the first exercise, unless one is prescribed.
            default = (
                self.round_transition(block) if isinstance(fmt, ForTime) else Default.REST_BETWEEN_ROUNDS
            )
            between = Gap(Between.ROUNDS, block.rest_between_rounds, default)
        return Repeat(Counted.BLOCK_ROUNDS, block.name, times, rounds, between, closing)

    def round_transition(self, block: Block) -> Default | None:
        """The default change from a for-time block's last exercise back to its first (by the equipment)."""
        exercises = _exercises(block)
        return transition(exercises[-1], exercises[0]).default

    def block_round(self, block: Block, number: int) -> tuple[Node, ...]:
        nodes: list[Node] = []
        titles = superset_titles(block)
        last = len(block.items) - 1
        for position, item in enumerate(block.items):
            if isinstance(item, Superset):
                nodes.append(self.superset(item, titles[position]))
            elif item.sets == 1:
                nodes.extend(self.effort(item, number, alone=True))
            else:
                nodes.append(self.sets(item))
            if position < last:
                nodes.append(self.after_item(item, block.items[position + 1]))
        return tuple(nodes)

    def after_item(self, item: Item, following: Item) -> Gap:
        if item.rest_after is not None:
            return Gap(Between.ITEMS, item.rest_after, None)
        if isinstance(item, Superset) or item.sets != 1:
            return Gap(Between.ITEMS, self.workout.rest_between_sets, _rest_default(item))
        return transition(item, _first(following))

    def superset(self, superset: Superset, title: str, first: int = 0) -> Repeat:
        """A superset's rounds; ``first`` is the number of its first round's doses (an EMOM's cycle)."""
        exercises = superset.exercises
        times = superset.rounds
        numbers = _numbers(_laddered(exercises), times)
        given = superset.rest_between_exercises
        inside = [
            Gap(Between.EXERCISES, given, None) if given is not None else transition(before, after)
            for before, after in itertools.pairwise(exercises)
        ]
        last = len(exercises) - 1
        rounds = []
        for number in numbers:
            nodes: list[Node] = []
            for position, exercise in enumerate(exercises):
                nodes.extend(self.effort(exercise, first + number))
                if position < last:
                    nodes.append(inside[position])
            rounds.append(tuple(nodes))
        between = Gap(Between.ROUNDS, superset.rest_between_rounds, Default.REST_BETWEEN_ROUNDS)
        return Repeat(Counted.SUPERSET_ROUNDS, title, times, tuple(rounds), between)

    def sets(self, exercise: Exercise) -> Repeat:
        times = exercise.sets
        numbers = _numbers(_varies(exercise), times)
        rounds = tuple(self.effort(exercise, n, alone=True) for n in numbers)
        own = exercise.rest_between_sets
        rest = own if own is not None else self.workout.rest_between_sets
        between = Gap(Between.SETS, rest, _rest_default(exercise))
        return Repeat(Counted.SETS, exercise.name, times, rounds, between)

    def intervals_round(
        self, block: Block, fmt: Intervals, number: int, rest: IntervalRest
    ) -> tuple[Node, ...]:
        nodes: list[Node] = []
        for item in block.items:
            assert isinstance(item, Exercise)  # noqa: S101 - the model guarantees it
            dose = step(item.dose, number)
            load = load_step(item.load, number)
            target = _with_load(self.effort_target(item, dose), item, load)
            share = work_share(item)
            kind = self.kind(item)[0]
            if item.sides is not Sides.EACH:
                nodes += (Work(item, dose, None, target, fmt.work, load, share, kind), rest)
            elif item.per_side:  # a station per side
                for side in side_order(item):
                    nodes += (Work(item, dose, side, target, fmt.work, load, share, kind), rest)
            else:  # one station, split between the sides
                half = _halved(fmt.work)
                halves = (
                    Work(item, dose, side, target, half, load, share, kind) for side in side_order(item)
                )
                nodes += (*halves, rest)
        return tuple(nodes)

    def slot_body(self, item: Item, title: str, cycle: int) -> tuple[Node, ...]:
        """What an EMOM interval holds the ``cycle``-th time (from 0) the rotation comes to ``item``."""
        if isinstance(item, Superset):
            return (self.superset(item, title, cycle),)
        return self.effort(item, cycle)

    def emom(self, block: Block, fmt: Emom) -> EveryInterval:
        titles = superset_titles(block)
        slots = []
        size = len(block.items)
        for position, item in enumerate(block.items):
            title = titles[position] if isinstance(item, Superset) else item.name
            climbs = _laddered(item.exercises) if isinstance(item, Superset) else _varies(item)
            # How many times the rotation comes to this item: one body each when its dose climbs.
            times = len(range(position, fmt.intervals, size)) if climbs else 0
            cycles = tuple(self.slot_body(item, title, cycle) for cycle in range(times))
            body = cycles[0] if cycles else self.slot_body(item, title, 0)
            slots.append(Slot(position, title, item, body, cycles))
        return EveryInterval(fmt.every, fmt.intervals, tuple(slots))

    def amrap(self, block: Block, fmt: Amrap) -> AsManyRounds:
        exercises = _exercises(block)

        def round_of(number: int) -> tuple[Node, ...]:
            nodes: list[Node] = []
            for position, item in enumerate(exercises):
                nodes.extend(self.effort(item, number))
                # The exercise's rest_after, else a transition; after the last exercise, back to
                # the first: still this round, so a round counts once work starts.
                nodes.append(self.after_item(item, exercises[(position + 1) % len(exercises)]))
            return tuple(nodes)

        climb = round_of if _laddered(exercises) else None
        return AsManyRounds(fmt.time_cap, round_of(0), climb)
