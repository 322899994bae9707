"""Calibrate the pacing against published workouts whose sources say how long they take.

Run ``python benchmarks/pacing_calibration.py`` to print, for every workout of the
calibration set (``benchmarks/calibration/``, one document per published workout with the
length its source states as ``stated_duration``):

- the stated length, the timeline's total at today's default pacing and its range
  (``build_timeline(w).total`` and ``.total_range``) and the error of the total;
- the estimate of the peer rule (Liftosaur's: 20 s + 7 s per rep per set, plus prescribed
  rests; see `peer_estimate` for exactly how reps are counted) and its error;

then, for both, the mean absolute percentage error (MAPE) and the share of workouts within
±15 %; and finally the `Pacing` constants of `GRID` (times per rep by movement, set-up,
transitions, rests by load, rests between rounds and blocks, side switches: the same constants
for every workout) fitted on the set by a coordinate search starting from `START`, the pacing
before calibration, with their in-sample figures and a cross-validated MAPE and share
(leave-one-out unless ``--folds`` says otherwise), so that fitted constants are never judged on
the workouts they were fitted to.  The full run takes about a minute of processor time.

How an error is counted (`relative_error`): an estimate inside a stated range (such as
"8-12 minutes") is exact; otherwise the error is relative to the nearer end of the stated
length.  A workout whose timeline cannot be built at a pacing (an EMOM whose work no longer
fits its interval) counts as a 100 % miss at that pacing.

``--quick`` runs a small grid, one pass and two folds (for tests); pacing flags such as
``--seconds-per-rep-bodyweight 2`` change the pacing the first columns use; ``--catalog``
prints the older table of the built-in workouts with a stated length instead
(`calibration_rows`); ``--plot FILE`` draws stated against computed lengths (`plot`; the
documentation's picture is ``docs/images/pacing-calibration.svg``); ``--limits STARTS``
searches for the best any one set of constants can do on the set, in sample (`limits`: a
few minutes for 12 starts), to show how far the model can go on these workouts at all.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import attrs

from runstrength import (
    Amrap,
    Block,
    Distance,
    Duration,
    Efforts,
    Emom,
    Exercise,
    Intervals,
    Ladder,
    MaxReps,
    Pacing,
    Range,
    Reps,
    Rest,
    Sides,
    Superset,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    load,
)

CALIBRATION: Final = Path(__file__).resolve().parent / "calibration"
"""The folder of calibration documents."""


@dataclass(frozen=True)
class StatedLength:
    """How long a source says its workout takes, in seconds (``low`` = ``high`` for one figure)."""

    low: float
    high: float

    @classmethod
    def of(cls, stated: int | Range) -> StatedLength:
        """From a workout's ``stated_duration``."""
        return cls(stated.min, stated.max) if isinstance(stated, Range) else cls(stated, stated)

    @property
    def middle(self) -> float:
        """The middle of the stated range."""
        return (self.low + self.high) / 2


# --- the older table of the built-in workouts ----------------------------------------------

TOLERANCE: Final = 0.35
"""How far (as a fraction of the stated length) an estimate may stray and still count as calibrated."""

KNOWN_OUTLIERS: Final[Mapping[str, str]] = {}
"""Built-in workouts whose estimate at the default pacing lies outside `TOLERANCE`, and why."""


@dataclass(frozen=True)
class Row:
    """One built-in workout's stated length next to its estimated one, in seconds."""

    name: str
    stated: StatedLength
    total: float
    total_min: float
    total_max: float

    @property
    def ratio(self) -> float:
        """The estimate divided by the middle of the stated length."""
        return self.total / self.stated.middle

    @property
    def within(self) -> bool:
        """Whether the estimate lies within `TOLERANCE` of the stated length."""
        return abs(self.ratio - 1) <= TOLERANCE


def calibration_rows(pacing: Pacing | None = None) -> list[Row]:
    """A row for every built-in workout with a stated length, in catalogue order.

    Args:
        pacing: the pacing to estimate with; the default pacing when ``None``.
    """
    rows = []
    for name in catalog.names():
        workout = catalog.get(name)
        if workout.stated_duration is None:
            continue
        timeline = build_timeline(workout, pacing)
        low, high = timeline.total_range
        rows.append(Row(name, StatedLength.of(workout.stated_duration), timeline.total, low, high))
    return rows


def _clock(seconds: float) -> str:
    if math.isnan(seconds):
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _span(low: float, high: float) -> str:
    return _clock(low) if low == high else f"{_clock(low)}-{_clock(high)}"


HEADER: Final = ("workout", "stated", "estimate", "estimate range", "ratio", f"within ±{TOLERANCE:.0%}")


def _columns(header: Sequence[str], lines: Sequence[Sequence[str]]) -> str:
    widths = [max(len(cells[i]) for cells in (header, *lines)) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
        for cells in (header, *lines)
    )


def table(rows: Sequence[Row]) -> str:
    """The built-in workouts' rows as a plain-text table, one workout a line."""
    lines = [
        (
            row.name,
            _span(row.stated.low, row.stated.high),
            _clock(row.total),
            _span(row.total_min, row.total_max),
            f"{row.ratio:.2f}",
            "yes" if row.within else "no",
        )
        for row in rows
    ]
    return _columns(HEADER, lines)


# --- the calibration set ------------------------------------------------------------------


def calibration_set(folder: Path = CALIBRATION) -> list[tuple[str, Workout]]:
    """Every calibration document in ``folder`` (``*.yaml``, ``*.toml``, ``*.json``), by name.

    Raises:
        ValueError: when a document is invalid or has no ``stated_duration``.
    """
    workouts = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in {".yaml", ".toml", ".json"}:
            continue
        workout = load(path)
        if workout.stated_duration is None:
            message = f"{path.name}: a calibration document needs a stated_duration"
            raise ValueError(message)
        workouts.append((path.stem, workout))
    return workouts


def relative_error(estimate: float, stated: StatedLength) -> float:
    """How far an estimate lies from a stated length, as a signed fraction.

    Inside a stated range the error is 0; otherwise it is relative to the nearer end
    (``relative_error(330, StatedLength(300, 300))`` is 0.1).  An estimate that could not be
    made (NaN) counts as a 100 % miss.
    """
    if math.isnan(estimate):
        return 1.0
    if estimate < stated.low:
        return (estimate - stated.low) / stated.low
    if estimate > stated.high:
        return (estimate - stated.high) / stated.high
    return 0.0


def mape(errors: Iterable[float]) -> float:
    """The mean absolute percentage error of signed fractional errors, in percent."""
    values = [abs(error) for error in errors]
    return 100 * sum(values) / len(values)


def share_within(errors: Iterable[float], tolerance: float = 0.15) -> float:
    """The share (0-1) of errors whose size is at most ``tolerance``."""
    values = list(errors)
    # A small allowance so that an error of exactly the tolerance counts despite rounding.
    return sum(abs(error) <= tolerance + 1e-12 for error in values) / len(values)


# --- the peer rule --------------------------------------------------------------------------

PEER_SET_SECONDS: Final = 20
"""The peer rule's set-up time per set."""

PEER_REP_SECONDS: Final = 7
"""The peer rule's time per rep."""

PEER_MAX_REPS: Final = 12
"""Reps counted for "as many as you can" without a time cap (the pacing's default too)."""

PEER_SECONDS_PER_KM: Final = 360
"""Pace counted for distance doses, whatever their pace or intensity (the pacing's easy pace)."""

PEER_EFFORT_SECONDS: Final = 20
"""Seconds counted for an effort with neither time nor distance (the pacing's default too)."""


def _middle(value: float | Range) -> float:
    return (value.min + value.max) / 2 if isinstance(value, Range) else value


def _whole(value: float | Range) -> int:
    return math.floor(_middle(value) + 0.5)


def _rest(rest: Rest | None) -> float:
    """A prescribed rest's seconds; a rest stated without seconds counts nothing, as unprescribed."""
    return 0.0 if rest is None or rest.seconds is None else _middle(rest.seconds)


def _peer_work(exercise: Exercise, repetition: int) -> float:
    """One set's work under the peer rule: the time of its reps, or its own stated time."""
    dose = exercise.dose
    if isinstance(dose, Ladder):
        dose = dose.ladder[repetition % len(dose.ladder)]
    sides = 1 if exercise.sides is Sides.BOTH or not exercise.per_side else 2
    if isinstance(dose, Reps):
        return PEER_REP_SECONDS * _middle(dose.reps) * sides
    if isinstance(dose, Duration):
        return _middle(dose.seconds) * sides
    if isinstance(dose, Distance):
        return dose.metres / 1000 * PEER_SECONDS_PER_KM
    if isinstance(dose, Efforts):
        each = dose.each
        if isinstance(each, Duration):
            one = _middle(each.seconds) * sides
        elif isinstance(each, Distance):
            one = each.metres / 1000 * PEER_SECONDS_PER_KM
        else:
            one = PEER_EFFORT_SECONDS * sides
        efforts = _whole(dose.efforts)
        return efforts * one + (efforts - 1) * _rest(dose.recovery)
    assert isinstance(dose, MaxReps)  # noqa: S101 - the dose kinds are closed
    if dose.time_cap is not None:
        return dose.time_cap * sides
    return PEER_REP_SECONDS * PEER_MAX_REPS * sides


def _peer_item(workout: Workout, item: Exercise | Superset, repetition: int) -> float:
    """One item of a plain block, done once (its ``repetition``-th time)."""
    if isinstance(item, Superset):
        laps = _whole(item.rounds)
        exercises = [exercise for exercise in item.exercises if not exercise.optional]
        total = (laps - 1) * _rest(item.rest_between_rounds)
        for lap in range(laps):
            total += sum(PEER_SET_SECONDS + _peer_work(exercise, lap) for exercise in exercises)
            total += (len(exercises) - 1) * _rest(item.rest_between_exercises)
        return total
    sets = _whole(item.sets)
    if sets == 1:
        return PEER_SET_SECONDS + _peer_work(item, repetition)
    total = (sets - 1) * _rest(item.rest_between_sets or workout.rest_between_sets)
    return total + sum(PEER_SET_SECONDS + _peer_work(item, done) for done in range(sets))


def _peer_gap(workout: Workout, item: Exercise | Superset) -> float:
    """The prescribed rest after an item that is not its block's last."""
    if item.rest_after is not None:
        return _rest(item.rest_after)
    if isinstance(item, Superset) or item.sets != 1:
        return _rest(workout.rest_between_sets)
    return 0.0


def _peer_block(workout: Workout, block: Block) -> float:
    fmt = block.format
    if isinstance(fmt, Emom):
        return fmt.duration
    if isinstance(fmt, Amrap):
        return fmt.time_cap
    rounds = _whole(block.rounds)
    total = (rounds - 1) * _rest(block.rest_between_rounds)
    items = [item for item in block.items if not (isinstance(item, Exercise) and item.optional)]
    if isinstance(fmt, Intervals):
        sides = [
            2 if isinstance(item, Exercise) and item.sides is Sides.EACH and item.per_side else 1
            for item in items
        ]
        total += rounds * sum(sides) * (_middle(fmt.work) + _middle(fmt.rest))
        return total if fmt.rest_after_last else total - _middle(fmt.rest)
    last = len(items) - 1
    for number in range(rounds):
        for position, item in enumerate(items):
            total += _peer_item(workout, item, number)
            if position < last:
                total += _peer_gap(workout, item)
    return total


def peer_estimate(workout: Workout) -> float:
    """The peer rule's length of a workout: 20 s + 7 s per rep per set, plus prescribed rests.

    This is Liftosaur's duration estimate (a set-up time per set, seconds per rep, and the
    program's rests) applied to a runstrength workout, counted as follows:

    - A *set* is one performance of an exercise: each straight set, each round of a superset
      or of a block.  Both sides of an ``each`` or ``alternating`` exercise are one set.
    - Reps count every repetition done: a rep dose, times 2 for ``each`` and ``alternating``
      (their dose is per side); the middle of a rep range; the ladder step of that set.
    - A timed dose counts its seconds (times 2 for ``each`` and ``alternating``) instead of
      7 s per rep, still with the 20 s set-up; "as many as you can" counts its time cap, else
      12 reps; a distance counts 6:00 per km whatever its pace or intensity; counted efforts
      count each effort so, 20 s for one with neither time nor distance, plus their recoveries.
    - Rests count only where the workout prescribes them, wherever runstrength's timeline
      would place them (between sets, rounds, items and blocks), at the middle of a range;
      nothing is added where the workout is silent.
    - Timed blocks count their clock: an EMOM its duration, an AMRAP its cap, intervals
      (work + rest) for every exercise and side, every round.
    - Rounds and sets given as ranges count their middle, half rounded up.
    - Optional blocks and exercises are left out, as the timeline leaves them out; levels are
      not applied (the workout as written).
    """
    total = 0.0
    blocks = [block for block in workout.blocks if not block.optional]
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        total += _peer_block(workout, block)
        if index < last:
            total += _rest(block.rest_after)
    return total


def _counts_reps(exercise: Exercise) -> bool:
    doses = exercise.dose.ladder if isinstance(exercise.dose, Ladder) else (exercise.dose,)
    return any(isinstance(d, Reps) or (isinstance(d, MaxReps) and d.time_cap is None) for d in doses)


def rep_based(workout: Workout) -> bool:
    """Whether the workout's length depends on time per rep: a rep dose outside timed blocks."""
    for block in workout.blocks:
        if block.format is not None:
            continue
        for item in block.items:
            exercises = item.exercises if isinstance(item, Superset) else (item,)
            if any(_counts_reps(exercise) for exercise in exercises):
                return True
    return False


# --- estimates, fitting and cross-validation -----------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """One calibration workout: its stated length, runstrength's estimate and the peer rule's."""

    name: str
    stated: StatedLength
    total: float
    total_min: float
    total_max: float
    peer: float

    @property
    def error(self) -> float:
        """The signed fractional error of runstrength's total (`relative_error`)."""
        return relative_error(self.total, self.stated)

    @property
    def peer_error(self) -> float:
        """The peer rule's signed fractional error."""
        return relative_error(self.peer, self.stated)


def _total(workout: Workout, pacing: Pacing | None) -> tuple[float, float, float]:
    try:
        timeline = build_timeline(workout, pacing)
    except ValidationError:
        return math.nan, math.nan, math.nan
    low, high = timeline.total_range
    return timeline.total, low, high


def _total_only(workout: Workout, pacing: Pacing) -> float:
    try:
        return build_timeline(workout, pacing).total
    except ValidationError:
        return math.nan


def estimates(workouts: Sequence[tuple[str, Workout]], pacing: Pacing | None = None) -> list[Estimate]:
    """An `Estimate` for every named workout, at ``pacing`` (the default pacing when ``None``)."""
    rows = []
    for name, workout in workouts:
        assert workout.stated_duration is not None  # noqa: S101 - calibration_set checks it
        total, low, high = _total(workout, pacing)
        stated = StatedLength.of(workout.stated_duration)
        rows.append(Estimate(name, stated, total, low, high, peer_estimate(workout)))
    return rows


GRID: Final[Mapping[str, tuple[float, ...]]] = {
    "seconds_per_rep_cyclic": (0.5, 0.75, 1.0, 1.5),
    "seconds_per_rep_bodyweight": (1.5, 2.0, 2.5, 3.0),
    "seconds_per_rep_loaded": (2.5, 3.0, 3.5, 4.0, 5.0),
    "set_up": (0, 15, 25, 40, 60),
    "transition_in_place": (0, 5, 10),
    "transition_equipment": (0, 10, 15, 20, 30),
    "rest_between_sets_bodyweight": (0, 15, 30, 45, 60),
    "rest_between_sets_loaded": (60, 75, 90, 120),
    "rest_between_rounds": (0, 15, 30, 45, 60),
    "rest_between_blocks": (0, 15, 30, 60),
    "switch_sides": (0, 5, 10),
}
"""The values the fit tries for each `Pacing` constant (the same constants for every workout)."""

START: Final[Mapping[str, float]] = {
    "seconds_per_rep_cyclic": 3.0,
    "seconds_per_rep_bodyweight": 3.0,
    "seconds_per_rep_loaded": 3.0,
    "set_up": 0,
    "transition_in_place": 10,
    "transition_equipment": 10,
    "rest_between_sets_bodyweight": 60,
    "rest_between_sets_loaded": 60,
    "rest_between_rounds": 30,
    "rest_between_blocks": 60,
    "switch_sides": 5,
}
"""Where the fit starts: the pacing before it was calibrated (3 s a rep, 10 s transitions, 60 s rests).

Starting there rather than at today's defaults, which were chosen on the whole set, keeps a
held-out workout from reaching its fold through the defaults.
"""

QUICK_GRID: Final[Mapping[str, tuple[float, ...]]] = {
    "seconds_per_rep_bodyweight": (2.0, 2.5),
    "set_up": (15, 25),
    "rest_between_sets_bodyweight": (15, 30),
}
"""A tiny grid for quick runs and tests."""

_WHOLE: Final = frozenset(
    {name for name, field in attrs.fields_dict(Pacing).items() if field.type in {"int", "int | None"}}
)
"""The `Pacing` constants counted in whole seconds."""


def _pacing(values: Mapping[str, float]) -> Pacing:
    """The pacing of `START` with the given constants (whole seconds where the pacing wants them)."""
    merged = {**START, **values}
    return Pacing(**{name: int(value) if name in _WHOLE else float(value) for name, value in merged.items()})


def _errors(workouts: Sequence[tuple[str, Workout]]) -> Callable[[Mapping[str, float]], list[float]]:
    """The signed errors of ``workouts`` at the pacing of given constants (see `_pacing`)."""
    stated = [StatedLength.of(w.stated_duration) for _, w in workouts if w.stated_duration is not None]

    def errors(values: Mapping[str, float]) -> list[float]:
        pacing = _pacing(values)
        return [
            relative_error(_total_only(workout, pacing), length)
            for (_, workout), length in zip(workouts, stated, strict=True)
        ]

    return errors


Score = tuple[float, ...]
"""What a search minimises: compared in order, lower is better."""


def lowest_mape(errors: Sequence[float]) -> Score:
    """The fit's aim: the lowest MAPE (to a billionth, so rounding never breaks a tie)."""
    return (round(mape(errors), 9),)


def most_within(errors: Sequence[float]) -> Score:
    """The most workouts within ±15 %, then the lowest MAPE."""
    return (-share_within(errors), round(mape(errors), 9))


def _search(
    errors: Callable[[Mapping[str, float]], list[float]],
    aim: Callable[[Sequence[float]], Score],
    start: Mapping[str, float],
    grid: Mapping[str, tuple[float, ...]],
    passes: int,
) -> dict[str, float]:
    """The constants a coordinate search from ``start`` ends at (see `fit_pacing`)."""
    values = dict(start)
    best = aim(errors(values))
    for _ in range(passes):
        changed = False
        for name, candidates in grid.items():
            for candidate in candidates:
                if candidate == values[name]:
                    continue
                trial = {**values, name: candidate}
                result = aim(errors(trial))
                if result < best:
                    best, values, changed = result, trial, True
        if not changed:
            break
    return values


def fit_pacing(
    workouts: Sequence[tuple[str, Workout]], grid: Mapping[str, tuple[float, ...]] = GRID, passes: int = 3
) -> Pacing:
    """The pacing whose constants minimise MAPE on ``workouts``, by a coordinate search.

    Starting from `START` (the pacing before calibration), each constant in turn takes the grid
    value that minimises MAPE with the others held; the sweep repeats until nothing changes or
    for ``passes`` sweeps.  Ties keep the current value, so the result is deterministic.
    """
    start = {name: START.get(name, candidates[0]) for name, candidates in grid.items()}
    return _pacing(_search(_errors(workouts), lowest_mape, start, grid, passes))


SEARCH_GRID: Final[Mapping[str, tuple[float, ...]]] = {
    "seconds_per_rep_cyclic": (0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
    "seconds_per_rep_bodyweight": (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0),
    "seconds_per_rep_loaded": (0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0),
    "set_up": (0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180),
    "transition_in_place": (0, 5, 10, 15, 20),
    "transition_equipment": (0, 5, 10, 15, 20, 30, 45, 60),
    "rest_between_sets_bodyweight": (0, 10, 15, 20, 30, 45, 60, 90),
    "rest_between_sets_loaded": (0, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300),
    "rest_between_rounds": (0, 15, 30, 45, 60, 90, 120, 180),
    "rest_between_blocks": (0, 15, 30, 60, 90, 120),
    "switch_sides": (0, 5, 10, 15),
    "rest_short": (15, 30, 45),
    "rest_as_needed": (30, 60, 90, 120),
}
"""A finer and wider grid than `GRID` (down to the shortest rep `Pacing` allows), with the rests
stated in words too, for `limits`."""


@dataclass(frozen=True)
class Limit:
    """The best constants a search found for one aim, and the errors they give."""

    aim: str
    values: Mapping[str, float]
    errors: tuple[float, ...]


def limits(
    workouts: Sequence[tuple[str, Workout]],
    grid: Mapping[str, tuple[float, ...]] = SEARCH_GRID,
    *,
    starts: int = 12,
    seed: int = 1,
    passes: int = 4,
) -> list[Limit]:
    """The best any one set of constants reached on ``workouts``, fitted and judged on them all.

    For each aim (`lowest_mape`, then `most_within`) a coordinate search runs from ``starts``
    points of ``grid`` drawn at random (seeded, so a run repeats), and the best end point is
    kept.  The figures are in sample, the most favourable measure there is: they show what
    the model can reach on these workouts at best, before any cross-validation.
    """
    errors = _errors(workouts)
    found = []
    for aim in (lowest_mape, most_within):
        draw = random.Random(seed)
        ends = []
        for _ in range(starts):
            start = {name: draw.choice(candidates) for name, candidates in grid.items()}
            values = _search(errors, aim, start, grid, passes)
            ends.append((aim(errors(values)), values))
        _, best = min(ends, key=lambda end: end[0])
        found.append(Limit(aim.__name__.replace("_", " "), best, tuple(errors(best))))
    return found


def limits_report(workouts: Sequence[tuple[str, Workout]], found: Sequence[Limit], starts: int) -> str:
    """`limits` as text, beside the targets."""
    heading = (
        f"the best one set of constants reached, fitted and judged on all {len(workouts)} workouts "
        f"(in sample; {starts} searches from random starts over a finer, wider grid than the fit's):"
    )
    lines = [heading]
    for limit in found:
        constants = ", ".join(f"{name}={value:g}" for name, value in limit.values.items())
        lines.append(
            f"  {limit.aim}: MAPE {mape(limit.errors):.1f}%, within ±15% "
            f"{share_within(limit.errors):.0%} ({constants})"
        )
    lines.append(f"targets, cross-validated: MAPE <= {TARGET_MAPE:.0f}%, within ±15% >= {TARGET_WITHIN:.0%}")
    return "\n".join(lines)


def cross_validate(
    workouts: Sequence[tuple[str, Workout]],
    folds: int | None = None,
    grid: Mapping[str, tuple[float, ...]] = GRID,
    passes: int = 3,
) -> list[Estimate]:
    """Each workout estimated at a pacing fitted without it (k-fold; ``None``: leave-one-out).

    Fold *i* holds the workouts at positions *i*, *i + k*, *i + 2k*, … of ``workouts``.
    """
    k = len(workouts) if folds is None else folds
    held: dict[str, Estimate] = {}
    for fold in range(k):
        test = [pair for position, pair in enumerate(workouts) if position % k == fold]
        train = [pair for position, pair in enumerate(workouts) if position % k != fold]
        if not test:
            continue
        pacing = fit_pacing(train, grid, passes)
        held.update((row.name, row) for row in estimates(test, pacing))
    return [held[name] for name, _ in workouts]


# --- the report ---------------------------------------------------------------------------

TARGET_MAPE: Final = 8.0
"""The eventual model's target for cross-validated MAPE, in percent."""

TARGET_WITHIN: Final = 0.90
"""The eventual model's target for the cross-validated share within ±15 %."""

TARGET_PEER_RATIO: Final = 2 / 3
"""The eventual model's MAPE must be at most this fraction of the peer rule's."""

REPORT_HEADER: Final = (
    "workout",
    "kind",
    "stated",
    "runstrength",
    "range",
    "error",
    "peer",
    "peer error",
    "fitted, held out",
)


def _percent(error: float) -> str:
    return f"{100 * error:+.0f}%"


def report_table(
    rows: Sequence[Estimate], held_out: Sequence[Estimate] | None = None, reps: Sequence[bool] | None = None
) -> str:
    """The calibration rows as a plain-text table, one workout a line.

    Args:
        rows: the estimates at the pacing being judged.
        held_out: the cross-validated estimates of the same workouts, for the last column.
        reps: whether each workout is `rep_based`, for the kind column.
    """
    held = held_out if held_out is not None else rows
    kinds = ["reps" if flag else "timed" for flag in reps] if reps is not None else ["" for _ in rows]
    lines = [
        (
            row.name,
            kind,
            _span(row.stated.low, row.stated.high),
            _clock(row.total) if not math.isnan(row.total) else "does not fit",
            _span(row.total_min, row.total_max),
            _percent(row.error),
            _clock(row.peer),
            _percent(row.peer_error),
            _percent(other.error),
        )
        for row, other, kind in zip(rows, held, kinds, strict=True)
    ]
    return _columns(REPORT_HEADER, lines)


def _summary(label: str, errors: Sequence[float], reps: Sequence[bool]) -> str:
    counted = [error for error, flag in zip(errors, reps, strict=True) if flag]
    line = (
        f"{label}: MAPE {mape(errors):.1f}%, within ±15% {share_within(errors):.0%} ({len(errors)} workouts)"
    )
    if counted:
        line += f"; rep-based only: MAPE {mape(counted):.1f}%, "
        line += f"within ±15% {share_within(counted):.0%} ({len(counted)})"
    return line


def _constants(pacing: Pacing, grid: Mapping[str, tuple[float, ...]]) -> str:
    return ", ".join(f"{name}={getattr(pacing, name):g}" for name in grid)


def report(
    workouts: Sequence[tuple[str, Workout]],
    pacing: Pacing | None = None,
    *,
    folds: int | None = None,
    grid: Mapping[str, tuple[float, ...]] = GRID,
    passes: int = 3,
) -> str:
    """The whole calibration report as text: the table, the summaries and the fitted constants."""
    rows = estimates(workouts, pacing)
    reps = [rep_based(workout) for _, workout in workouts]
    today = [row.error for row in rows]
    peer = [row.peer_error for row in rows]
    fitted = fit_pacing(workouts, grid, passes)
    in_sample = [row.error for row in estimates(workouts, fitted)]
    validated = cross_validate(workouts, folds, grid, passes)
    held_out = [row.error for row in validated]
    scheme = "leave-one-out" if folds is None else f"{folds}-fold"
    ratio = mape(held_out) / mape(peer)
    unfit = [row.name for row in rows if math.isnan(row.total)]
    lines = [
        report_table(rows, validated, reps),
        "",
        _summary("runstrength, " + ("default pacing" if pacing is None else repr(pacing)), today, reps),
        _summary("peer rule (20 s + 7 s/rep per set + prescribed rests)", peer, reps),
        f"fitted constants (all workouts): {_constants(fitted, grid)}",
        _summary("runstrength, fitted constants, in sample", in_sample, reps),
        _summary(f"runstrength, fitted constants, {scheme} cross-validated", held_out, reps),
        (
            f"targets: MAPE <= {TARGET_MAPE:.0f}% "
            f"({'met' if mape(held_out) <= TARGET_MAPE else 'not met'}), "
            f"within ±15% >= {TARGET_WITHIN:.0%} "
            f"({'met' if share_within(held_out) >= TARGET_WITHIN else 'not met'}), "
            f"MAPE <= 2/3 of the peer rule's: {ratio:.2f} "
            f"({'met' if ratio <= TARGET_PEER_RATIO else 'not met'})"
        ),
    ]
    if unfit:
        lines.append(f"not buildable at this pacing (counted as 100% misses): {', '.join(unfit)}")
    return "\n".join(lines)


_FLAGS: Final = ("seconds_per_rep", "transition", "rest_between_sets", *GRID)
"""The pacing constants the command line takes."""


def plot(rows: Sequence[Estimate], path: Path) -> None:
    """Draw stated against computed lengths (default pacing and peer rule) into ``path`` (SVG or PNG).

    Needs matplotlib (``pip install "runstrength[plot]"``).  A stated range is drawn as a
    vertical bar; the shaded band is ±15 % of the stated length.
    """
    import matplotlib as mpl  # noqa: PLC0415 - optional, only for the picture

    mpl.use("Agg")
    mpl.rcParams["svg.hashsalt"] = "runstrength-pacing"
    import matplotlib.pyplot as plt  # noqa: PLC0415

    figure, axes = plt.subplots(figsize=(6.4, 6.0), layout="constrained")
    top = (
        max(max(row.stated.high, row.total, row.peer) for row in rows if not math.isnan(row.total)) / 60 * 1.1
    )
    line = [1, top]
    axes.fill_between(line, [x * 0.85 for x in line], [x * 1.15 for x in line], color="0.9", label="±15 %")
    axes.plot(line, line, color="0.5", linewidth=0.8)
    for row in rows:
        if row.stated.low != row.stated.high:
            axes.plot(
                [row.stated.low / 60, row.stated.high / 60], [row.total / 60] * 2, color="tab:blue", lw=1
            )
    middle = [row.stated.middle / 60 for row in rows]
    axes.scatter(
        middle, [row.peer / 60 for row in rows], s=18, marker="x", color="tab:orange", label="peer rule"
    )
    axes.scatter(
        middle, [row.total / 60 for row in rows], s=18, color="tab:blue", label="runstrength, default pacing"
    )
    axes.set(xscale="log", yscale="log", xlim=(3, top), ylim=(3, top))
    ticks = [tick for tick in (3, 5, 10, 15, 20, 30, 45, 60, 90, 120) if tick <= top]
    for axis in (axes.xaxis, axes.yaxis):
        axis.set_ticks(ticks, [str(tick) for tick in ticks])
        axis.set_minor_locator(mpl.ticker.NullLocator())
    axes.set_xlabel("stated length (minutes)")
    axes.set_ylabel("computed length (minutes)")
    axes.set_title(f"{len(rows)} published workouts: stated and computed lengths")
    axes.legend(loc="upper left")
    figure.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(figure)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the calibration report (or, with ``--catalog``, the built-in table); returns the exit status."""
    parser = argparse.ArgumentParser(description="Compare pacing estimates with the lengths sources state.")
    for flag in _FLAGS:
        kind = int if flag in _WHOLE else float
        parser.add_argument(f"--{flag.replace('_', '-')}", type=kind, help=f"pacing: {flag}")
    parser.add_argument("--catalog", action="store_true", help="the built-in workouts' table instead")
    parser.add_argument("--quick", action="store_true", help="a tiny grid, one pass and two folds")
    parser.add_argument("--folds", type=int, help="k-fold cross-validation (default: leave-one-out)")
    parser.add_argument(
        "--limits",
        type=int,
        metavar="STARTS",
        help="only search for the best constants in sample, from STARTS random starts per aim",
    )
    parser.add_argument("--folder", type=Path, default=CALIBRATION, help="the calibration documents")
    parser.add_argument(
        "--plot", type=Path, metavar="PATH", help="only draw stated vs computed lengths (SVG, PNG)"
    )
    args = parser.parse_args(argv)
    given = {flag: getattr(args, flag) for flag in _FLAGS if getattr(args, flag) is not None}
    if args.catalog:
        print(table(calibration_rows(Pacing(**given))))
        return 0
    workouts = calibration_set(args.folder)
    pacing = Pacing(**given) if given else None
    if args.plot is not None:
        plot(estimates(workouts, pacing), args.plot)
        return 0
    if args.limits is not None:
        print(limits_report(workouts, limits(workouts, starts=args.limits), args.limits))
        return 0
    if args.quick:
        print(report(workouts, pacing, folds=args.folds or 2, grid=QUICK_GRID, passes=1))
    else:
        print(report(workouts, pacing, folds=args.folds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
