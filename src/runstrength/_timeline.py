"""The schedule builder: a workout and a pacing expanded into a contiguous timeline.

Expansion rules (the documentation's "How expansion works" spells them out):

- Blocks run in order, with ``block.rest_after`` (else the pacing's ``rest_between_blocks``)
  between them.  A block's rounds repeat its items; ``rest_between_rounds`` goes *between*
  rounds, never after the last.
- Between two items of a block: the item's ``rest_after`` if set; else, after a superset or
  straight sets, the workout's ``rest_between_sets`` (else the pacing's); else a transition.
- A superset repeats its exercises for its rounds: ``rest_between_exercises`` (else a
  transition) inside a round, ``rest_between_rounds`` (else the pacing's) between rounds.
- Straight sets (``sets`` > 1) repeat one exercise with ``rest_between_sets`` between sets.
- Sides: ``each`` is the right side's dose, a side switch, then the left's; ``alternating`` is
  one effort of twice the per-side dose; ``both`` is one effort.
- Reps take reps × seconds per rep (the exercise's tempo, else the pacing's); ranges, including
  rounds and sets, take the pacing's range point (typical rounds half up to a whole round).
- Intervals: every exercise (each side) gets ``work`` seconds then ``rest`` seconds, the last
  rest included.  EMOM: interval *i* does item *i* mod *n*; the rest of the interval is rest;
  work that does not fit is an error; an EMOM item may be a superset done once through per
  interval.  AMRAP: rounds repeat until the cap, with a transition back to the first exercise
  ending each round; the last segment is cut at the cap, the block lasts exactly the cap, and a
  round counts once its first work has started.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Final, overload

import attrs

from ._errors import Problem, ValidationError
from ._model import Amrap, Block, Emom, Exercise, Intervals, Superset, Workout
from ._pacing import Pacing
from ._values import (
    Distance,
    Duration,
    Range,
    RangePoint,
    Reps,
    Rest,
    Side,
    Sides,
    SingleDose,
    count,
    point,
    step,
)


class SegmentKind(StrEnum):
    """What happens during a segment."""

    WORK = "work"
    REST = "rest"
    TRANSITION = "transition"
    SWITCH_SIDES = "switch_sides"


@attrs.frozen(kw_only=True)
class Segment:
    """One stretch of a timeline: from ``start`` to ``end`` seconds, doing one thing.

    ``estimate`` is true when the length is not prescribed by the workout but comes from the
    pacing (reps × seconds per rep, default rests and transitions) or a range's chosen point.
    Round fields count from 1; superset and set fields are ``None`` outside supersets and
    straight sets.
    """

    index: int
    start: float
    end: float
    kind: SegmentKind
    block: str
    block_round: int
    block_rounds: int
    superset: str | None
    superset_round: int | None
    superset_rounds: int | None
    set_number: int | None
    sets: int | None
    exercise: str | None
    side: Side | None
    target: str
    estimate: bool

    @property
    def duration(self) -> float:
        """The segment's length in seconds."""
        return self.end - self.start


ROW_KEYS: Final = (
    "index",
    "start",
    "end",
    "duration",
    "kind",
    "block",
    "block_round",
    "block_rounds",
    "superset",
    "superset_round",
    "superset_rounds",
    "set_number",
    "sets",
    "exercise",
    "side",
    "target",
    "estimate",
)
"""The keys of `Timeline.to_rows`, in order."""


class _CapReached(Exception):  # noqa: N818 - control flow, never escapes
    """An AMRAP block's time cap is reached."""


class _Builder:
    """Walks a workout and adds up its segments' durations; `_Recorder` also keeps them."""

    def __init__(self, workout: Workout, pacing: Pacing) -> None:
        self.workout = workout
        self.pacing = pacing
        self.point = pacing.range_point
        self.now = 0.0
        self.count = 0
        self.limit = math.inf
        self.max_segments = pacing.max_segments
        self.targets: dict[int, str] = {}
        self.block = ""
        self.block_round = self.block_rounds = 1
        self.superset: str | None = None
        self.superset_round: int | None = None
        self.superset_rounds: int | None = None
        self.set_number: int | None = None
        self.sets: int | None = None

    # --- output -----------------------------------------------------------------------

    def emit(  # noqa: PLR0913 - one segment's own facts
        self,
        kind: SegmentKind,
        seconds: float,
        *,
        exercise: str | None = None,
        side: Side | None = None,
        target: str,
        estimate: bool,
    ) -> None:
        if seconds <= 0:
            return
        self.count += 1
        if self.count > self.max_segments:
            reason = (
                f"expands to more than {self.pacing.max_segments} timeline segments; "
                "raise Pacing.max_segments to allow it"
            )
            raise ValidationError([Problem((), reason)])
        clipped = self.now + seconds > self.limit
        if clipped:
            seconds = self.limit - self.now
            target = f"{target} (cut at the time cap)"
        self.record(kind, seconds, exercise, side, target, estimate)
        self.now += seconds
        if self.now >= self.limit:
            raise _CapReached

    def record(  # noqa: PLR0913, PLR0917 - one segment's own facts, on the hot path
        self,
        kind: SegmentKind,
        seconds: float,
        exercise: str | None,
        side: Side | None,
        target: str,
        estimate: bool,  # noqa: FBT001
    ) -> None:
        """Keep a segment (the plain builder only adds up time)."""

    def gap(self, prescribed: Rest | None, default: int | None, kind: SegmentKind = SegmentKind.REST) -> None:
        """A rest the workout prescribes, else the pacing's default (``None``: no gap)."""
        if prescribed is not None:
            seconds = point(prescribed.seconds, self.point)
            target = str(prescribed)
            self.emit(
                SegmentKind.REST, seconds, target=target, estimate=isinstance(prescribed.seconds, Range)
            )
        elif default is not None:
            target = "transition" if kind is SegmentKind.TRANSITION else f"{default} s"
            self.emit(kind, default, target=target, estimate=True)

    # --- walking the workout ------------------------------------------------------------

    def run(self) -> None:
        last = len(self.workout.blocks) - 1
        for index, block in enumerate(self.workout.blocks):
            self.run_block(index, block)
            if index < last:
                self.block_round = self.block_rounds
                self.gap(block.rest_after, self.pacing.rest_between_blocks)

    def run_block(self, index: int, block: Block) -> None:
        self.block = block.name
        fmt = block.format
        if isinstance(fmt, Emom):
            self.run_emom(index, block, fmt)
            return
        if isinstance(fmt, Amrap):
            self.run_amrap(block, fmt)
            return
        rounds = self.block_rounds = count(block.rounds, self.point)
        last = len(block.items) - 1
        supersets = superset_titles(block)
        for number in range(1, rounds + 1):
            self.block_round = number
            for position, item in enumerate(block.items):
                if isinstance(fmt, Intervals):
                    assert isinstance(item, Exercise)  # noqa: S101 - the model guarantees it
                    self.run_interval(item, fmt, number - 1)
                    continue
                if isinstance(item, Superset):
                    self.run_superset(item, supersets[position])
                else:
                    self.run_sets(item, number - 1)
                if position < last:
                    self.item_gap(item)
            if number < rounds:
                default = None if isinstance(fmt, Intervals) else self.pacing.rest_between_rounds
                self.gap(block.rest_between_rounds, default)

    def item_gap(self, item: Exercise | Superset) -> None:
        if item.rest_after is not None:
            self.gap(item.rest_after, None)
        elif isinstance(item, Superset) or item.sets != 1:
            self.gap(self.workout.rest_between_sets, self.pacing.rest_between_sets)
        else:
            self.gap(None, self.pacing.transition, SegmentKind.TRANSITION)

    def run_superset(self, superset: Superset, title: str) -> None:
        rounds = count(superset.rounds, self.point)
        self.superset, self.superset_rounds = title, rounds
        last = len(superset.exercises) - 1
        for number in range(1, rounds + 1):
            self.superset_round = number
            for position, exercise in enumerate(superset.exercises):
                self.effort(exercise, step(exercise.dose, number - 1))
                if position < last:
                    self.gap(superset.rest_between_exercises, self.pacing.transition, SegmentKind.TRANSITION)
            if number < rounds:
                self.gap(superset.rest_between_rounds, self.pacing.rest_between_rounds)
        self.superset = self.superset_round = self.superset_rounds = None

    def run_sets(self, exercise: Exercise, repetition: int) -> None:
        sets = count(exercise.sets, self.point)
        if exercise.sets == 1:
            self.effort(exercise, step(exercise.dose, repetition))
            return
        self.sets = sets
        rest = exercise.rest_between_sets or self.workout.rest_between_sets
        for number in range(1, sets + 1):
            self.set_number = number
            self.effort(exercise, step(exercise.dose, number - 1))
            if number < sets:
                self.gap(rest, self.pacing.rest_between_sets)
        self.set_number = self.sets = None

    def work_seconds(self, exercise: Exercise, dose: SingleDose) -> tuple[float, bool]:
        """One side's work time for a dose, and whether it is an estimate."""
        per_rep = exercise.tempo.seconds_per_rep if exercise.tempo else self.pacing.seconds_per_rep
        if isinstance(dose, Reps):
            return point(dose.reps, self.point) * per_rep, True
        if isinstance(dose, Duration):
            return point(dose.seconds, self.point), isinstance(dose.seconds, Range)
        if isinstance(dose, Distance):
            return dose.metres / 1000 * self.pacing.seconds_per_km, True
        if dose.time_cap is not None:
            return dose.time_cap, False
        return self.pacing.max_reps_estimate * per_rep, True

    def effort(self, exercise: Exercise, dose: SingleDose) -> None:
        """One performance of an exercise: both sides, one after the other, or alternating."""
        seconds, estimate = self.work_seconds(exercise, dose)
        target = self.targets.get(id(dose))
        if target is None:  # the workout keeps its doses alive while it is expanded
            target = self.targets[id(dose)] = str(dose)
        name = exercise.name
        work = SegmentKind.WORK
        if exercise.sides is Sides.EACH:
            self.emit(work, seconds, exercise=name, side=Side.RIGHT, target=target, estimate=estimate)
            switch = self.pacing.switch_sides
            self.emit(SegmentKind.SWITCH_SIDES, switch, exercise=name, target="switch sides", estimate=True)
            self.emit(work, seconds, exercise=name, side=Side.LEFT, target=target, estimate=estimate)
        elif exercise.sides is Sides.ALTERNATING:
            target += " per side, alternating"
            self.emit(work, 2 * seconds, exercise=name, target=target, estimate=estimate)
        else:
            self.emit(work, seconds, exercise=name, target=target, estimate=estimate)

    def run_interval(self, exercise: Exercise, fmt: Intervals, repetition: int) -> None:
        target = str(step(exercise.dose, repetition))
        sides = [Side.RIGHT, Side.LEFT] if exercise.sides is Sides.EACH else [None]
        if exercise.sides is Sides.ALTERNATING:
            target += " per side, alternating"
        active = fmt.active_rest
        rest_target = f"active rest: {active.dose}" if active else f"{fmt.rest} s"
        for side in sides:
            self.emit(
                SegmentKind.WORK, fmt.work, exercise=exercise.name, side=side, target=target, estimate=False
            )
            self.emit(
                SegmentKind.REST,
                fmt.rest,
                exercise=active.name if active else None,
                target=rest_target,
                estimate=False,
            )

    def run_emom(self, index: int, block: Block, fmt: Emom) -> None:  # noqa: ARG002 - see _Recorder
        # An EMOM lasts its duration whatever the range point: only the recorded pass checks fit.
        self.now += fmt.duration

    def run_emom_intervals(self, index: int, block: Block, fmt: Emom) -> None:
        self.block_rounds = fmt.intervals
        titles = superset_titles(block)
        for number in range(fmt.intervals):
            self.block_round = number + 1
            position = number % len(block.items)
            item = block.items[position]
            start = self.now
            if isinstance(item, Superset):
                self.run_superset(item, titles[position])
            else:
                self.effort(item, step(item.dose, 0))
            work = self.now - start
            if work > fmt.every:
                reason = (
                    f"estimated work of {work:g} s does not fit the {fmt.every} s EMOM interval "
                    "at this pacing; lower the dose or lengthen the interval"
                )
                raise ValidationError([Problem(("blocks", index, "items", position), reason)])
            rest = fmt.every - work
            self.emit(SegmentKind.REST, rest, target=f"until the next {fmt.every} s mark", estimate=True)

    def run_amrap(self, block: Block, fmt: Amrap) -> None:
        start = self.count  # the index of the block's first segment
        self.limit = self.now + fmt.time_cap
        number = 0
        try:
            while True:
                number += 1
                self.block_round = self.block_rounds = number
                for position, exercise in enumerate(block.items):
                    if position:
                        self.gap(None, self.pacing.transition, SegmentKind.TRANSITION)
                    assert isinstance(exercise, Exercise)  # noqa: S101 - the model guarantees it
                    self.effort(exercise, step(exercise.dose, 0))
                # Back to the first exercise: still this round, so a round counts once work starts.
                self.gap(None, self.pacing.transition, SegmentKind.TRANSITION)
        except _CapReached:
            pass
        self.limit = math.inf
        self.finish_amrap(start, number)

    def finish_amrap(self, start: int, rounds: int) -> None:
        """Set the round count of an AMRAP block's segments once it is known."""


class _Recorder(_Builder):
    """A builder that keeps every segment."""

    def __init__(self, workout: Workout, pacing: Pacing) -> None:
        super().__init__(workout, pacing)
        self.segments: list[Segment] = []

    def record(  # noqa: PLR0913, PLR0917 - one segment's own facts, on the hot path
        self,
        kind: SegmentKind,
        seconds: float,
        exercise: str | None,
        side: Side | None,
        target: str,
        estimate: bool,  # noqa: FBT001
    ) -> None:
        start = self.now
        self.segments.append(
            Segment(
                index=len(self.segments),
                start=start,
                end=start + seconds,
                kind=kind,
                block=self.block,
                block_round=self.block_round,
                block_rounds=self.block_rounds,
                superset=self.superset,
                superset_round=self.superset_round,
                superset_rounds=self.superset_rounds,
                set_number=self.set_number,
                sets=self.sets,
                exercise=exercise,
                side=side,
                target=target,
                estimate=estimate,
            )
        )

    def run_emom(self, index: int, block: Block, fmt: Emom) -> None:
        self.run_emom_intervals(index, block, fmt)

    def finish_amrap(self, start: int, rounds: int) -> None:
        self.segments[start:] = [attrs.evolve(s, block_rounds=rounds) for s in self.segments[start:]]


def superset_titles(block: Block) -> dict[int, str]:
    """Each superset's title; unnamed ones are numbered (``superset 2``)."""
    titles: dict[int, str] = {}
    number = 0
    for position, item in enumerate(block.items):
        if isinstance(item, Superset):
            number += 1
            titles[position] = item.name or f"{item.label or 'superset'} {number}"
    return titles


@attrs.frozen(eq=False, repr=False)
class Timeline:
    """A workout expanded into contiguous segments, from 0 to `total` seconds.

    Build one with `build_timeline`.  Index it, slice it, iterate it; `at` finds the segment
    at a moment in O(log n).
    """

    workout: Workout
    pacing: Pacing
    segments: tuple[Segment, ...]
    _starts: list[float] = attrs.field(init=False)
    _range: tuple[float, float] | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", [segment.start for segment in self.segments])

    @property
    def total_range(self) -> tuple[float, float]:
        """The total at the minimum and at the maximum of every range in the workout.

        Worked out on first use (each end is an expansion of its own).

        Raises:
            ValidationError: the maximum expands past the pacing's ``max_segments``.
        """
        if self._range is None:
            ends = []
            for which in (RangePoint.MIN, RangePoint.MAX):
                if which is self.pacing.range_point:
                    ends.append(self.total)
                    continue
                builder = _Builder(self.workout, attrs.evolve(self.pacing, range_point=which))
                builder.run()
                ends.append(builder.now)
            object.__setattr__(self, "_range", (ends[0], ends[1]))
        return self._range  # type: ignore[return-value]  # set just above

    @property
    def total(self) -> float:
        """The whole timeline's length in seconds, at the pacing's range point."""
        return self.segments[-1].end

    @property
    def work_total(self) -> float:
        """Seconds of work."""
        return sum(s.duration for s in self.segments if s.kind is SegmentKind.WORK)

    @property
    def rest_total(self) -> float:
        """Seconds of everything but work: rests, transitions and side switches."""
        return self.total - self.work_total

    def block_totals(self) -> dict[str, float]:
        """Seconds per block, in workout order (a rest between blocks counts to the block before)."""
        totals: dict[str, float] = {}
        for segment in self.segments:
            totals[segment.block] = totals.get(segment.block, 0.0) + segment.duration
        return totals

    def at(self, seconds: float) -> Segment | None:
        """The segment running at ``seconds`` from the start, or ``None`` outside ``[0, total)``."""
        if not 0 <= seconds < self.total:
            return None
        return self.segments[bisect.bisect_right(self._starts, seconds) - 1]

    def to_rows(self) -> list[dict[str, Any]]:
        """Every segment as a plain dict with the keys of `ROW_KEYS` (enums as their values)."""
        return [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "duration": s.duration,
                "kind": s.kind.value,
                "block": s.block,
                "block_round": s.block_round,
                "block_rounds": s.block_rounds,
                "superset": s.superset,
                "superset_round": s.superset_round,
                "superset_rounds": s.superset_rounds,
                "set_number": s.set_number,
                "sets": s.sets,
                "exercise": s.exercise,
                "side": s.side.value if s.side else None,
                "target": s.target,
                "estimate": s.estimate,
            }
            for s in self.segments
        ]

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame indexed by segment (extra ``pandas``).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from ._render.notebook import to_dataframe  # noqa: PLC0415 - optional dependency, loaded on use

        return to_dataframe(self)

    def plot(self, ax: Any = None) -> Any:
        """Draw a Gantt-style chart on ``ax`` (new figure if ``None``) and return the axes (extra ``plot``).

        Raises:
            MissingExtraError: matplotlib is not installed.
        """
        from ._render.notebook import plot  # noqa: PLC0415 - optional dependency, loaded on use

        return plot(self, ax)

    def _repr_html_(self) -> str:
        from ._render.notebook import timeline_html  # noqa: PLC0415 - only in notebooks

        return timeline_html(self)

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    @overload
    def __getitem__(self, index: int) -> Segment: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Segment, ...]: ...
    def __getitem__(self, index: int | slice) -> Segment | tuple[Segment, ...]:
        return self.segments[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (self.workout, self.pacing, self.segments) == (other.workout, other.pacing, other.segments)

    def __hash__(self) -> int:
        return hash((self.workout, self.pacing, self.segments))

    def __repr__(self) -> str:
        low, high = self.total_range
        return (
            f"<Timeline {self.workout.title!r}: {len(self)} segments, {self.total:g} s ({low:g}–{high:g} s)>"
        )


def build_timeline(workout: Workout, pacing: Pacing | None = None) -> Timeline:
    """Expand a workout into its timeline.

    Args:
        workout: the workout to expand.
        pacing: the assumptions for what the workout leaves open; `Pacing()` by default.

    Raises:
        ValidationError: the workout expands to more than ``pacing.max_segments``
            segments, or an EMOM exercise's estimated work does not fit its interval.
            (`Timeline.total_range` expands the range ends when first asked.)
        TypeError: ``workout`` is not a `Workout` or ``pacing`` not a `Pacing`.

    >>> from runstrength import catalog
    >>> timeline = build_timeline(catalog.get("upper-body-for-runners"))
    >>> timeline[0].exercise, timeline[0].side.value
    ('Thread the Needle', 'right')
    """
    pacing = Pacing() if pacing is None else pacing
    for given, expected in ((workout, Workout), (pacing, Pacing)):
        if not isinstance(given, expected):
            msg = f"expected a {expected.__name__}, got {type(given).__name__}"
            raise TypeError(msg)
    recorder = _Recorder(workout, pacing)
    recorder.run()
    return Timeline(workout, pacing, tuple(recorder.segments))
