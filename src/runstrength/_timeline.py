"""The schedule builder: a workout's plan given seconds by a pacing, as a contiguous timeline.

What comes when, and which rest wins where, is the plan's business (`runstrength._plan`, and the
documentation's "How expansion works"); this module only gives each node its length:

- Work: `dose_seconds`, the one length of a dose everywhere: reps × seconds per rep (the
  exercise's tempo, else the pacing's for its kind of movement, which the plan decides), a
  time as given, a distance at its own pace, else at the pacing's pace for its intensity
  (easy: the run pace), max reps at its time cap or the pacing's estimate; one of counted
  efforts its time, its distance at its pace, or the pacing's ``effort_seconds`` when it has
  neither; times the effort's share of the dose (two sides of an alternating per-side dose,
  half of a shared one). An interval block's work lasts its ``work`` seconds (a range at the
  range point) whatever the dose needs.
- Gaps: the rest the workout prescribes, else the pacing's default for that gap (a rest, a
  transition or a side switch; an exercise's own ``switch_sides`` is a switch too); a gap of no
  time is no segment. A rest stated without seconds (minimal, short, as needed) takes the
  pacing's ``rest_minimal``, ``rest_short`` or ``rest_as_needed``, as an estimate.
- Ranges, including rounds and sets, take the pacing's range point (a typical count is the
  lower of two middle counts: 2–3 rounds are 2).
- EMOM: interval *i* does item *i* mod *n*; the rest of the interval is rest; work estimated
  longer than the interval is squeezed into it and reported in `Timeline.warnings` (the dose is
  the author's decision; the estimate is only the pacing's). Either way interval *k* ends on
  its mark, the EMOM's start + *k* × ``every``, exactly. Likewise a dose estimated longer
  than an interval block's work. AMRAP: rounds repeat until the cap; the last segment is cut at
  the cap, the block lasts exactly the cap, and a round counts once its first work has started.
  Segments count the intervals or AMRAP rounds as the block's rounds when the block is done
  once; an EMOM or AMRAP block of several rounds counts its own rounds instead.
- For time: the block's rounds at the pacing, stopped at its cap if the estimate reaches it
  (the last segment cut there, and a warning in `Timeline.warnings`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Final, NoReturn, TypeAlias, TypedDict, overload

import attrs

from ._errors import Location, Problem, ValidationError, _sort_key, format_path
from ._model import Block, Exercise, Item, Superset, Workout
from ._pacing import Movement, Pacing
from ._plan import (
    AsManyRounds,
    Between,
    Counted,
    Default,
    EveryInterval,
    Gap,
    IntervalRest,
    Node,
    Plan,
    Repeat,
    Work,
    plan,
    rest_default,
)
from ._plan import movement as movement_of
from ._values import (
    Distance,
    Duration,
    Efforts,
    MaxReps,
    Range,
    RangePoint,
    Reps,
    Side,
    Sides,
    SingleDose,
    count,
    point,
)

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas as pd


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


class SegmentRow(TypedDict):
    """One segment as `Timeline.to_rows` gives it: plain values, enums as their values."""

    index: int
    start: float
    end: float
    duration: float
    kind: str
    block: str
    block_round: int
    block_rounds: int
    superset: str | None
    superset_round: int | None
    superset_rounds: int | None
    set_number: int | None
    sets: int | None
    exercise: str | None
    side: str | None
    target: str
    estimate: bool


ROW_KEYS: Final = tuple(SegmentRow.__annotations__)
"""The keys of `Timeline.to_rows`, in order."""


@attrs.frozen
class TimelineWarning:
    """Something the timeline could only estimate against what the workout prescribes.

    The timeline is built anyway (the workout is valid; only the pacing's estimate disagrees),
    and the warning says where: ``location`` is the item's path in the workout, as in a
    `Problem`, and ``code`` a stable name from `CODES`.
    """

    location: Location
    reason: str
    code: str

    @property
    def path(self) -> str:
        """The location as text, such as ``blocks[1].items[0]``."""
        return format_path(self.location)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class _CapReached(Exception):  # noqa: N818 - control flow, never escapes
    """An AMRAP block's time cap is reached."""


_DEFAULT_KINDS: Final = {
    Default.SWITCH_SIDES: SegmentKind.SWITCH_SIDES,
    Default.TRANSITION: SegmentKind.TRANSITION,
    Default.TRANSITION_IN_PLACE: SegmentKind.TRANSITION,
    Default.SET_UP: SegmentKind.TRANSITION,
    Default.REST_BETWEEN_ROUNDS: SegmentKind.REST,
    Default.REST_BETWEEN_SETS: SegmentKind.REST,
    Default.REST_BETWEEN_SETS_BODYWEIGHT: SegmentKind.REST,
    Default.REST_BETWEEN_BLOCKS: SegmentKind.REST,
    Default.REST_MINIMAL: SegmentKind.REST,
    Default.REST_SHORT: SegmentKind.REST,
    Default.REST_AS_NEEDED: SegmentKind.REST,
}


_PREVIOUS: Final = "\x00previous"
"""Stands for the last work's exercise in a resolved node (no exercise name holds a NUL)."""

_Segmentish: TypeAlias = tuple[SegmentKind, float, str | None, Side | None, str, bool]
_NOTHING: Final[_Segmentish] = (SegmentKind.REST, 0, None, None, "", False)
"""A gap with nothing to fill it: no segment (a segment of no length is never kept)."""


class _Builder:
    """Gives a plan's nodes their seconds and adds them up; `_Recorder` also keeps the segments."""

    def __init__(self, workout: Workout, pacing: Pacing) -> None:
        self.workout = workout
        self.pacing = pacing
        self.point = pacing.range_point
        self.defaults = {default: pacing.gap_seconds(default.value) for default in Default}
        self.now = 0.0
        self.count = 0
        self.limit = math.inf
        self.max_segments = pacing.max_segments
        self.resolved: dict[int, _Segmentish] = {}
        self.block = ""
        self.block_round = self.block_rounds = 1
        self.superset: str | None = None
        self.superset_round: int | None = None
        self.superset_rounds: int | None = None
        self.set_number: int | None = None
        self.sets: int | None = None
        self.exercise: str | None = None  # the last work's exercise: a side switch names it
        self.mark = ""  # which of counted efforts a work is: " (2 of 6)"
        self.count_inner = True  # an EMOM's intervals, an AMRAP's rounds count as the block's rounds

    def warn(self, location: Location, reason: str, code: str) -> None:
        """Note an estimate that disagrees with the workout (only a recorded timeline keeps it)."""

    # --- output -----------------------------------------------------------------------

    def emit(  # noqa: PLR0913, PLR0917 - one segment's own facts, on the hot path
        self,
        kind: SegmentKind,  # noqa: ARG002 - the recorder keeps the segment's facts
        seconds: float,
        exercise: str | None,  # noqa: ARG002
        side: Side | None,  # noqa: ARG002
        target: str,  # noqa: ARG002
        estimate: bool,  # noqa: ARG002, FBT001
    ) -> None:
        """Add a segment's time (the plain builder keeps no segment, only counts)."""
        if seconds <= 0:
            return
        self.count += 1
        if self.count > self.max_segments:
            self.too_many()
        now = self.now + seconds
        if now >= self.limit:  # cut at the cap: the block ends on it exactly
            self.now = self.limit
            raise _CapReached
        self.now = now

    def too_many(self) -> NoReturn:
        most = self.pacing.max_segments
        reason = (
            f"expands to more than {most} timeline segment{'s' if most != 1 else ''}; "
            "raise Pacing.max_segments to allow it"
        )
        raise ValidationError([Problem((), reason, "too_many_segments")])

    # --- the plan's nodes ---------------------------------------------------------------

    def resolve(self, node: Work | Gap | IntervalRest) -> _Segmentish:  # noqa: PLR0911 - one per case
        """A node's segment facts at this pacing: kind, seconds, exercise, side, target, estimate.

        An exercise of `_PREVIOUS` is the last work's (a side switch names it).
        """
        if isinstance(node, Work):
            return self.resolve_work(node)
        if isinstance(node, IntervalRest):
            active, ranged = node.active, isinstance(node.seconds, Range)
            rest = point(node.seconds, self.point)
            if active is None:
                return (SegmentKind.REST, rest, None, None, f"{node.seconds} s", ranged)
            return (SegmentKind.REST, rest, active.name, None, f"active rest: {active.dose}", ranged)
        prescribed = node.prescribed
        if prescribed is not None and node.between is Between.SIDES:  # the exercise's own switch
            switch = point(prescribed.seconds or 0, self.point)  # the plan gives it seconds
            return (SegmentKind.SWITCH_SIDES, switch, _PREVIOUS, None, "switch sides", False)
        if prescribed is not None:
            seconds = prescribed.seconds
            text = f"{prescribed} recovery" if node.between is Between.EFFORTS else str(prescribed)
            if seconds is None:  # stated in words or as needed: the pacing times it
                length = self.defaults[rest_default(prescribed)]
                return (SegmentKind.REST, length, None, None, text, True)
            if isinstance(seconds, Range):
                return (SegmentKind.REST, seconds.point(self.point), None, None, text, True)
            return (SegmentKind.REST, seconds, None, None, text, False)
        return self.resolve_default(node)

    def resolve_default(self, node: Gap) -> _Segmentish:
        """A gap the workout leaves open: the pacing's rest, transition, set-up or side switch."""
        default = node.default
        if default is None:
            return _NOTHING
        length = self.defaults[default]
        kind = _DEFAULT_KINDS[default]
        if kind is SegmentKind.REST:
            return (kind, length, None, None, f"{length:g} s", True)
        if default is Default.SET_UP:
            return (kind, length, node.exercise.name if node.exercise else None, None, "set up", True)
        if kind is SegmentKind.TRANSITION:
            return (kind, length, None, None, "transition", True)
        return (kind, length, _PREVIOUS, None, "switch sides", True)

    def resolve_work(self, work: Work) -> _Segmentish:
        """One effort: the interval's time, else its share of the dose at the pacing."""
        exercise = work.exercise
        seconds, estimate = dose_seconds(exercise, work.dose, work.share, self.pacing, work.movement)
        if work.seconds is not None:
            interval = point(work.seconds, self.point)
            if seconds > interval and not isinstance(work.dose, MaxReps):  # max reps fill any interval
                # One side of a station split between the sides: its dose and time are halves.
                whole = 1 / work.share if exercise.sides is Sides.EACH and not exercise.per_side else 1
                self.warn(
                    self.where(exercise),
                    f"estimated work of {seconds * whole:g} s overflows the {interval * whole:g} s "
                    "work interval at this pacing; the interval's time is kept",
                    "does_not_fit_interval",
                )
            ranged = isinstance(work.seconds, Range)
            return (SegmentKind.WORK, interval, exercise.name, work.side, work.target, ranged)
        return (SegmentKind.WORK, seconds, exercise.name, work.side, work.target, estimate)

    def where(self, part: Block | Item) -> Location:
        """The path of a block, or an item or exercise, in the workout as given.

        The plan may leave optional parts out, so its positions are not the workout's: a block is
        found by its (unique) name, an item by identity (a superset rebuilt without its optional
        exercises by its first kept exercise).
        """
        for b, block in enumerate(self.workout.blocks):
            if isinstance(part, Block):
                if block.name == part.name:
                    return ("blocks", b)
                continue
            for i, item in enumerate(block.items):
                if item is part:
                    return ("blocks", b, "items", i)
                for j, inner in enumerate(getattr(item, "exercises", ())):
                    if inner is part:
                        return ("blocks", b, "items", i, "exercises", j)
                    if isinstance(part, Superset) and inner is part.exercises[0]:
                        return ("blocks", b, "items", i)
        return ()

    def gap(self, gap: Gap) -> None:
        self.nodes((gap,))

    def nodes(self, nodes: tuple[Node, ...]) -> None:
        resolved = self.resolved
        for node in nodes:
            # Each node is resolved once per expansion: rounds repeat the same nodes, which the
            # plan keeps alive while it is expanded, so their ids stay theirs.
            found = resolved.get(id(node))
            if found is None:
                kind_of = type(node)
                if kind_of is Repeat:
                    self.repeat(node)  # type: ignore[arg-type]
                    continue
                if kind_of is EveryInterval:
                    self.run_emom(node)  # type: ignore[arg-type]
                    continue
                if kind_of is AsManyRounds:
                    self.run_amrap(node)  # type: ignore[arg-type]
                    continue
                found = resolved[id(node)] = self.resolve(node)  # type: ignore[arg-type]
            kind, seconds, exercise, side, target, estimate = found
            if exercise is _PREVIOUS:
                exercise = self.exercise
            elif kind is SegmentKind.WORK:
                self.exercise = exercise
                if self.mark:
                    target += self.mark
            self.emit(kind, seconds, exercise, side, target, estimate)

    def repeat(self, repeat: Repeat) -> None:
        """A superset's rounds, straight sets or counted efforts (a block's rounds are `run_rounds`)."""
        times = count(repeat.times, self.point)
        counted, between = repeat.counted, repeat.between
        if counted is Counted.SUPERSET_ROUNDS:
            self.superset, self.superset_rounds = repeat.title, times
        elif counted is not Counted.EFFORTS:  # straight sets
            self.sets = times
        # What a repeat sets for its segments is cleared in `finally`: a cap reached inside it
        # (`_CapReached`) leaves the repeat early, and the next block must not inherit it.
        try:
            for number in range(times):
                self.number_round(counted, number, times)
                self.nodes(repeat.body(number))
                self.mark = ""  # an effort's mark is not the recovery's after it
                if number < times - 1 and between is not None:
                    self.gap(between)
        finally:
            self.mark = ""
            if counted is Counted.SUPERSET_ROUNDS:
                self.superset = self.superset_round = self.superset_rounds = None
            elif counted is not Counted.EFFORTS:
                self.set_number = self.sets = None

    def number_round(self, counted: Counted, number: int, times: int) -> None:
        """Number the segments of a repeat's round ``number`` (from 0) of ``times``."""
        if counted is Counted.EFFORTS:
            self.mark = f" ({number + 1} of {times})" if times > 1 else ""
        elif counted is Counted.SUPERSET_ROUNDS:
            self.superset_round = number + 1
        else:
            self.set_number = number + 1

    # --- walking the plan ---------------------------------------------------------------

    def run(self, planned: Plan | None = None) -> None:
        for block in (planned or plan(self.workout)).blocks:
            self.block = block.block.name
            body = block.body
            self.count_inner = not isinstance(body, Repeat)
            if isinstance(body, EveryInterval):
                self.run_emom(body)
            elif isinstance(body, AsManyRounds):
                self.run_amrap(body)
            elif block.time_cap is not None:
                self.run_capped(self.where(block.block), body, block.time_cap)
            else:
                self.run_rounds(body)
            if block.after is not None:
                self.block_round = self.block_rounds
                self.gap(block.after)

    def run_rounds(self, repeat: Repeat) -> None:
        rounds = self.block_rounds = count(repeat.times, self.point)
        between, closing = repeat.between, repeat.closing
        for number in range(rounds):
            self.block_round = number + 1
            self.nodes(repeat.body(number))
            if number < rounds - 1:
                if closing is not None:
                    self.nodes((closing,))
                if between is not None:
                    self.gap(between)

    def run_capped(self, where: Location, repeat: Repeat, time_cap: int) -> None:
        """A for-time block's rounds, stopped at its cap."""
        self.limit = self.now + time_cap
        try:
            self.run_rounds(repeat)
        except _CapReached:
            self.warn(
                (*where, "format", "time_cap"),
                f"the estimated work reaches the {time_cap} s cap at this pacing; the timeline stops there",
                "past_time_cap",
            )
        finally:
            self.limit = math.inf

    def run_emom(self, emom: EveryInterval) -> None:
        # An EMOM lasts its duration whatever the range point: only the recorded pass checks fit.
        self.now += emom.every * emom.intervals

    def run_amrap(self, amrap: AsManyRounds) -> None:
        start = self.count  # the index of the block's first segment
        self.limit = self.now + amrap.time_cap
        inner = self.count_inner
        number = 0
        try:
            while True:
                if inner:
                    self.block_round = self.block_rounds = number + 1
                self.nodes(amrap.body(number))
                number += 1
        except _CapReached:
            number += 1
        finally:
            self.limit = math.inf
        if inner:
            self.finish_amrap(start, number)

    def finish_amrap(self, start: int, rounds: int) -> None:
        """Set the round count of an AMRAP block's segments once it is known."""


class _Recorder(_Builder):
    """A builder that keeps every segment."""

    def __init__(self, workout: Workout, pacing: Pacing) -> None:
        super().__init__(workout, pacing)
        self.segments: list[Segment] = []
        self.warnings: dict[tuple[Location, str], TimelineWarning] = {}

    def emit(  # noqa: PLR0913, PLR0917 - one segment's own facts, on the hot path
        self,
        kind: SegmentKind,
        seconds: float,
        exercise: str | None,
        side: Side | None,
        target: str,
        estimate: bool,  # noqa: FBT001
    ) -> None:
        # The plain builder's emit, keeping the segment: written out, one call less per segment.
        if seconds <= 0:
            return
        self.count += 1
        if self.count > self.max_segments:
            self.too_many()
        start = self.now
        end = start + seconds
        if end > self.limit:  # cut at the cap: the block ends on it exactly
            end = self.limit
            target = f"{target} (cut at the time cap)"
        self.now = end
        segments = self.segments
        segments.append(
            Segment(
                index=len(segments),
                start=start,
                end=end,
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
        if end >= self.limit:
            raise _CapReached

    def warn(self, location: Location, reason: str, code: str) -> None:
        self.warnings.setdefault((location, code), TimelineWarning(location, reason, code))

    def run_emom(self, emom: EveryInterval) -> None:
        inner = self.count_inner
        if inner:
            self.block_rounds = emom.intervals
        every = emom.every
        slots = emom.slots
        size = len(slots)
        origin = self.now
        for number in range(emom.intervals):
            if inner:
                self.block_round = number + 1
            slot = slots[number % size]
            start, first = self.now, len(self.segments)
            # Each mark is counted from the EMOM's start, as `_Builder.run_emom` counts its end,
            # so the rounding of the segments between does not add up from interval to interval.
            mark = origin + (number + 1) * every
            self.nodes(slot.at(number // size))
            work = self.now - start
            if work > every:  # the prescribed interval wins: squeeze the estimate into it
                self.warn(
                    self.where(slot.item),
                    f"estimated work of {work:g} s overflows the {every} s EMOM interval at this "
                    "pacing; the timeline fits it into the interval",
                    "does_not_fit_interval",
                )
                self.squeeze(first, start, mark, every / work)
            else:
                if work < every:
                    self.emit(
                        SegmentKind.REST, mark - self.now, None, None, f"until the next {every} s mark", True
                    )
                self.land(mark)

    def squeeze(self, first: int, start: float, mark: float, factor: float) -> None:
        """Shorten the segments from ``first`` on by ``factor``, from ``start``, as estimates.

        Each segment keeps its place in the work (its end's distance from ``start``, scaled);
        the last ends on ``mark``, the end of the interval, exactly.
        """
        segments = self.segments
        last = len(segments) - 1
        now = start
        for position in range(first, last + 1):
            segment = segments[position]
            end = mark if position == last else start + (segment.end - start) * factor
            segments[position] = attrs.evolve(segment, start=now, end=end, estimate=True)
            now = end
        self.now = mark

    def land(self, mark: float) -> None:
        """End the last segment on ``mark`` exactly: the rounding of the segments before may miss it."""
        if self.now != mark:
            self.segments[-1] = attrs.evolve(self.segments[-1], end=mark)
            self.now = mark

    def finish_amrap(self, start: int, rounds: int) -> None:
        self.segments[start:] = [attrs.evolve(s, block_rounds=rounds) for s in self.segments[start:]]


@attrs.frozen(eq=False, repr=False)
class Timeline:
    """A workout expanded into contiguous segments, from 0 to `total` seconds.

    Build one with `build_timeline`.  Index it, slice it, iterate it; `at` finds the segment
    at a moment in O(log n).
    """

    workout: Workout
    pacing: Pacing
    segments: tuple[Segment, ...]
    warnings: tuple[TimelineWarning, ...] = ()
    """What the pacing's estimates say against the workout (work overflowing its interval), in
    workout order: the timeline keeps what the workout prescribes and says so here."""
    _starts: list[float] = attrs.field(init=False)
    _range: tuple[float, float] | None = attrs.field(init=False, default=None)
    _plan: Plan | None = attrs.field(init=False, default=None)

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
                builder.run(self._plan)
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
        # From each block's first start to its last end: a sum of the segments' lengths would
        # round at every segment, and a timed block would miss its prescribed length.
        starts: dict[str, float] = {}
        ends: dict[str, float] = {}
        for segment in self.segments:
            starts.setdefault(segment.block, segment.start)
            ends[segment.block] = segment.end
        return {block: ends[block] - start for block, start in starts.items()}

    def at(self, seconds: float) -> Segment | None:
        """The segment running at ``seconds`` from the start, or ``None`` outside ``[0, total)``.

        Raises:
            TypeError: ``seconds`` is not a number (a bool is not one, as in a workout).
        """
        # A bool compares as 0 or 1, so it is told by its type; anything else that is not a
        # number fails the comparison, which costs the numbers nothing more.
        if type(seconds) is bool:
            raise _not_seconds(seconds)
        try:
            if not 0 <= seconds < self.total:
                return None
        except TypeError:
            raise _not_seconds(seconds) from None
        return self.segments[bisect.bisect_right(self._starts, seconds) - 1]

    def to_rows(self) -> list[SegmentRow]:
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

    def to_dataframe(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame indexed by segment (extra ``pandas``).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from ._render.notebook import to_dataframe  # noqa: PLC0415 - optional dependency, loaded on use

        frame: pd.DataFrame = to_dataframe(self)
        return frame

    def plot(self, ax: matplotlib.axes.Axes | None = None) -> matplotlib.axes.Axes:
        """Draw a Gantt-style chart on ``ax`` (new figure if ``None``) and return the axes (extra ``plot``).

        Raises:
            MissingExtraError: matplotlib is not installed.
        """
        from ._render.notebook import plot  # noqa: PLC0415 - optional dependency, loaded on use

        return plot(self, ax)  # type: ignore[no-any-return]  # drawn by untyped matplotlib calls

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
        # Only what the timeline holds: the range ends would mean two more expansions, which may
        # exceed the pacing's segment limit where this one did not.
        return f"<Timeline {self.workout.title!r}: {len(self)} segments, {self.total:g} s>"


def _not_seconds(value: object) -> TypeError:
    """The error for a moment that is not a number of seconds: a programming error."""
    msg = f"at() takes a number of seconds, not {type(value).__name__}"
    return TypeError(msg)


def dose_seconds(
    exercise: Exercise,
    dose: SingleDose | Efforts,
    share: float,
    pacing: Pacing,
    movement: Movement | None = None,
) -> tuple[float, bool]:
    """How long ``share`` of a dose takes at a pacing, and whether that is an estimate.

    The one length of a dose, inside interval blocks and out: reps × seconds per rep (the
    exercise's tempo, else the pacing's for the ``movement``, which the plan gives its work;
    ``None``: the exercise's, `runstrength._plan.movement`), a time as given, a distance at its pace (its own,
    else its intensity's, else the pacing's run pace), max reps at the time cap or the pacing's
    estimate, an effort given by its intensity alone the pacing's ``effort_seconds``; ranges at
    the pacing's range point. ``share`` is `runstrength._plan.work_share`'s: ``{seconds: 30}``
    alternating per side is 60 s of work, and 30 s when shared (``per_side: false``).
    """
    which = pacing.range_point
    if exercise.tempo:
        per_rep = exercise.tempo.seconds_per_rep
    else:
        per_rep = pacing.rep_seconds(movement if movement is not None else movement_of(exercise))
    intensity = None
    if isinstance(dose, Efforts):
        if dose.each is None:
            return share * pacing.effort_seconds, True
        intensity = dose.intensity
        dose = dose.each
    if isinstance(dose, Reps):
        return share * point(dose.reps, which) * per_rep, True
    if isinstance(dose, Duration):
        return share * point(dose.seconds, which), isinstance(dose.seconds, Range)
    if isinstance(dose, Distance):
        pace = dose.pace if dose.pace is not None else pacing.seconds_per_km_at(dose.intensity or intensity)
        return share * dose.metres * pace / 1000, True  # one rounding: 350 m at 180 s/km is 63 s
    if dose.time_cap is not None:
        return share * dose.time_cap, False
    return share * pacing.max_reps_estimate * per_rep, True


def build_timeline(workout: Workout, pacing: Pacing | None = None) -> Timeline:
    """Expand a workout into its timeline.

    Args:
        workout: the workout to expand.
        pacing: the assumptions for what the workout leaves open; `Pacing()` by default.

    Raises:
        ValidationError: the workout expands to more than ``pacing.max_segments``
            segments. (`Timeline.total_range` expands the range ends when first asked.)
            Work estimated longer than its EMOM or work interval is not an error: the
            timeline keeps the interval and says so in `Timeline.warnings`.
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
    planned = plan(workout)
    recorder = _Recorder(workout, pacing)
    recorder.run(planned)
    warnings = sorted(recorder.warnings.values(), key=lambda warning: _sort_key(warning.location))
    timeline = Timeline(workout, pacing, tuple(recorder.segments), tuple(warnings))
    object.__setattr__(timeline, "_plan", planned)  # the range ends reuse it
    return timeline
