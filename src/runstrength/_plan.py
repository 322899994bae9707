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
- ``each`` sides: right, a side switch (the pacing's ``switch_sides``), left.
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
- Doses: a ladder's step is the round's (or set's) number; EMOM and AMRAP blocks use the first.
- In an AMRAP block, after each exercise (the last one included, before the next round): its
  ``rest_after``, else a transition.
"""

from __future__ import annotations

import itertools
import re
from enum import StrEnum
from typing import Final, TypeAlias

import attrs

from ._model import Amrap, Block, Emom, Exercise, Intervals, Item, Superset, Workout
from ._pacing import Movement
from ._values import Amount, Ladder, LoadLevel, Rest, RestLength, Side, Sides, SingleDose, step


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
    ``seconds`` is the work an interval block prescribes, or a range (``None``: the dose decides);
    ``movement`` what kind of exercise it is, for the pacing's time per rep.
    """

    exercise: Exercise
    dose: SingleDose
    side: Side | None
    target: str
    seconds: Amount | None = None
    movement: Movement = Movement.BODYWEIGHT


@attrs.frozen
class Gap:
    """A pause: the rest the workout prescribes, else the pacing's ``default`` (``None``: nothing).

    A prescribed rest is always a rest (one without seconds is timed by the pacing field
    `rest_default` names); a default is a rest, a transition or a side switch as its
    `Default` says.
    A set-up names the ``exercise`` it sets up.
    """

    between: Between
    prescribed: Rest | None
    default: Default | None
    exercise: Exercise | None = None


@attrs.frozen
class IntervalRest:
    """The rest of an interval block: seconds (or a range), idle or doing ``active`` (its first dose)."""

    seconds: Amount
    active: Exercise | None


@attrs.frozen
class Repeat:
    """``times`` rounds of a body, with ``between`` between rounds (never after the last).

    ``rounds`` holds one body used for every round, or one body per round when doses change
    from round to round (ladders; ``times`` is then a whole number). ``closing`` is an interval
    block's rest when the block has none after its last work: it ends every round but the last,
    before ``between``.
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
    """An AMRAP block: ``round`` repeats until ``time_cap`` seconds.

    Each exercise of the round is followed by its ``rest_after``, else a transition.
    """

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
        bodyweight = load.level is LoadLevel.BODYWEIGHT and load.amount is None
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


_PER_SIDE_ALTERNATING = " per side, alternating"
_SWITCH = Gap(Between.SIDES, None, Default.SWITCH_SIDES)
_TRANSITION = Gap(Between.ITEMS, None, Default.TRANSITION)
_IN_PLACE = Gap(Between.ITEMS, None, Default.TRANSITION_IN_PLACE)


def transition(before: Exercise, after: Exercise) -> Gap:
    """The default transition from one exercise to the next: in place, or changing equipment."""
    return _IN_PLACE if equipment_of(before) == equipment_of(after) else _TRANSITION


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


def _rest_default(item: Item) -> Default:
    """The pacing's rest after a set or superset: by whether any of its exercises is loaded."""
    return Default.REST_BETWEEN_SETS if _loaded(item) else Default.REST_BETWEEN_SETS_BODYWEIGHT


def _laddered(exercises: list[Exercise] | tuple[Exercise, ...]) -> bool:
    return any(isinstance(exercise.dose, Ladder) for exercise in exercises)


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

    def target(self, dose: SingleDose) -> str:
        found = self.targets.get(id(dose))
        if found is None:
            found = self.targets[id(dose)] = str(dose)
        return found

    def effort(self, exercise: Exercise, dose: SingleDose, *, alone: bool = False) -> tuple[Node, ...]:
        """One performance: right, a side switch, left; or one effort.

        ``alone``: the exercise stands alone in an untimed block, so work at a station is set up first.
        """
        target = self.target(dose)
        kind, station = self.kind(exercise)
        start: tuple[Node, ...] = ()
        if alone and station:
            start = (Gap(Between.SET_UP, None, Default.SET_UP, exercise),)
        if exercise.sides is Sides.EACH:
            return (
                *start,
                Work(exercise, dose, Side.RIGHT, target, movement=kind),
                _SWITCH,
                Work(exercise, dose, Side.LEFT, target, movement=kind),
            )
        if exercise.sides is Sides.ALTERNATING:
            return (*start, Work(exercise, dose, None, target + _PER_SIDE_ALTERNATING, movement=kind))
        return (*start, Work(exercise, dose, None, target, movement=kind))

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
            between = Gap(Between.ROUNDS, block.rest_between_rounds, Default.REST_BETWEEN_ROUNDS)
        return Repeat(Counted.BLOCK_ROUNDS, block.name, times, rounds, between, closing)

    def block_round(self, block: Block, number: int) -> tuple[Node, ...]:
        nodes: list[Node] = []
        titles = superset_titles(block)
        last = len(block.items) - 1
        for position, item in enumerate(block.items):
            if isinstance(item, Superset):
                nodes.append(self.superset(item, titles[position]))
            elif item.sets == 1:
                nodes.extend(self.effort(item, step(item.dose, number), alone=True))
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

    def superset(self, superset: Superset, title: str) -> Repeat:
        exercises = superset.exercises
        varies = _laddered(exercises)
        times = superset.rounds
        numbers = range(times) if varies and isinstance(times, int) else range(1)
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
                nodes.extend(self.effort(exercise, step(exercise.dose, number)))
                if position < last:
                    nodes.append(inside[position])
            rounds.append(tuple(nodes))
        between = Gap(Between.ROUNDS, superset.rest_between_rounds, Default.REST_BETWEEN_ROUNDS)
        return Repeat(Counted.SUPERSET_ROUNDS, title, times, tuple(rounds), between)

    def sets(self, exercise: Exercise) -> Repeat:
        times = exercise.sets
        varies = isinstance(exercise.dose, Ladder) and isinstance(times, int)
        rounds = tuple(
            self.effort(exercise, step(exercise.dose, n), alone=True)
            for n in range(times if varies else 1)  # type: ignore[arg-type]
        )
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
            target = self.target(dose)
            if item.sides is Sides.ALTERNATING:
                target += _PER_SIDE_ALTERNATING
            sides = (Side.RIGHT, Side.LEFT) if item.sides is Sides.EACH else (None,)
            for side in sides:
                nodes.append(Work(item, dose, side, target, fmt.work))
                nodes.append(rest)
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
        exercises = [item for item in block.items if isinstance(item, Exercise)]
        for position, exercise in enumerate(exercises):
            nodes.extend(self.effort(exercise, step(exercise.dose, 0)))
            # The exercise's rest_after, else a transition; after the last exercise, back to the
            # first: still this round, so a round counts once work starts.
            nodes.append(self.after_item(exercise, exercises[(position + 1) % len(exercises)]))
        return AsManyRounds(fmt.time_cap, tuple(nodes))
