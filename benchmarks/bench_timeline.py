"""Benchmark the schedule builder: expansion time, throughput, scaling and cost per segment.

Run ``python benchmarks/bench_timeline.py`` to print, best of several repeats:

- the built-in workout's expansion time (and the first use of ``total_range``);
- segments per second on a large generated workout;
- the time ratio between a workout and the same workout with 10x the rounds (should be ~10);
- the cost per segment next to merely constructing that many `Segment` objects (the floor).

The floor is each segment constructed again from its values by keyword, as the builder
constructs it: the one cost it cannot avoid. Constructing from a ready dict of the fields
(``Segment(**fields)``) is printed beside it: it is cheaper on CPython (3.11 to 3.13), which
gathers a class's keyword arguments into a new dict but copies a ready dict whole. No builder
has its fields in a ready dict, so the target is judged against the keyword floor. The three
are timed in turns, so that a busy machine slows them alike.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import attrs

from runstrength import (
    Block,
    Duration,
    Exercise,
    Reps,
    Rest,
    Segment,
    Sides,
    Superset,
    Workout,
    build_timeline,
    catalog,
)

TARGET_SCALING = 10.0
"""Ten times the rounds should take about ten times as long."""
TARGET_FLOOR = 2.0
"""Expansion should cost at most this many times constructing the segments alone."""


@dataclass(frozen=True)
class Figures:
    """What one run of the benchmark measured."""

    built_in_micros: float
    built_in_range_micros: float
    built_in_segments: int
    large_segments: int
    segments_per_second: float
    scaling: float
    per_segment_micros: float
    floor_micros: float
    """Constructing a segment from its values by keyword: the floor."""
    dict_floor_micros: float
    """Constructing a segment from a ready dict of its fields."""

    @property
    def floor_ratio(self) -> float:
        """Expansion's cost per segment over the floor's."""
        return self.per_segment_micros / self.floor_micros

    @property
    def dict_floor_ratio(self) -> float:
        """Expansion's cost per segment over constructing one from a ready dict."""
        return self.per_segment_micros / self.dict_floor_micros


def best(call: Callable[[], object], *, number: int, repeat: int) -> float:
    """Best seconds per call over ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def large_workout(rounds: int = 10) -> Workout:
    """Twenty blocks of supersets and circuits, each repeated ``rounds`` times."""
    pair = Superset(
        exercises=(
            Exercise(name="Split Squat", dose=Reps(10), sides=Sides.EACH),
            Exercise(name="Push-up", dose=Reps(12)),
            Exercise(name="Plank", dose=Duration(30)),
        ),
        rounds=3,
        rest_between_rounds=Rest(45),
    )
    circuit = (Exercise(name="Row", dose=Reps(8), sides=Sides.ALTERNATING), pair)
    blocks = tuple(Block(name=f"Block {n}", rounds=rounds, items=circuit) for n in range(20))
    return Workout(title="Large", blocks=blocks)


def by_keyword(segments: Sequence[Segment]) -> list[Segment]:
    """The same segments constructed again from their values, by keyword, as the builder does."""
    return [
        Segment(
            index=s.index,
            start=s.start,
            end=s.end,
            kind=s.kind,
            block=s.block,
            block_round=s.block_round,
            block_rounds=s.block_rounds,
            superset=s.superset,
            superset_round=s.superset_round,
            superset_rounds=s.superset_rounds,
            set_number=s.set_number,
            sets=s.sets,
            exercise=s.exercise,
            side=s.side,
            target=s.target,
            estimate=s.estimate,
        )
        for s in segments
    ]


def by_dict(fields: Sequence[dict[str, Any]]) -> list[Segment]:
    """The same segments constructed again from ready dicts of their fields: ``Segment(**fields)``."""
    return [Segment(**f) for f in fields]


def interleaved(calls: dict[str, Callable[[], object]], *, number: int, repeat: int) -> dict[str, float]:
    """Best seconds per call of each, the calls taking turns so that they share the machine's moods."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            times[name].append(timeit.timeit(call, number=number) / number)
    return {name: min(found) for name, found in times.items()}


def measure(*, repeat: int = 7) -> Figures:
    """Run every measurement."""
    article = catalog.get("upper-body-for-runners")
    built_in = best(lambda: build_timeline(article), number=100, repeat=repeat)
    with_range = best(lambda: build_timeline(article).total_range, number=50, repeat=repeat)
    segments = len(build_timeline(article))

    large = large_workout()
    timeline = build_timeline(large)
    fields = [attrs.asdict(segment, recurse=False) for segment in timeline.segments]
    large_seconds, keyword, ready = interleaved(
        {
            "timeline": lambda: build_timeline(large),
            "keyword": lambda: by_keyword(timeline.segments),
            "dict": lambda: by_dict(fields),
        },
        number=3,
        repeat=repeat * 2,
    ).values()
    tenfold = large_workout(rounds=100)
    tenfold_seconds = best(lambda: build_timeline(tenfold), number=1, repeat=max(3, repeat // 2))
    # Ten times the rounds against the same workout, timed just before (not the best above).
    once_seconds = best(lambda: build_timeline(large), number=3, repeat=max(3, repeat // 2))
    return Figures(
        built_in_micros=built_in * 1e6,
        built_in_range_micros=with_range * 1e6,
        built_in_segments=segments,
        large_segments=len(timeline),
        segments_per_second=len(timeline) / large_seconds,
        scaling=tenfold_seconds / once_seconds,
        per_segment_micros=large_seconds / len(timeline) * 1e6,
        floor_micros=keyword / len(timeline) * 1e6,
        dict_floor_micros=ready / len(timeline) * 1e6,
    )


def report(figures: Figures) -> str:
    """The figures as a short table."""
    return "\n".join(
        [
            (
                f"built-in workout: {figures.built_in_segments} segments in {figures.built_in_micros:.0f} µs"
                f" ({figures.built_in_range_micros:.0f} µs with total_range)"
            ),
            (
                f"large workout: {figures.large_segments} segments, "
                f"{figures.segments_per_second:,.0f} segments/s"
            ),
            f"10x the rounds: {figures.scaling:.2f}x the time (target ≈ {TARGET_SCALING:g})",
            (
                f"per segment: {figures.per_segment_micros:.2f} µs; constructing a Segment by keyword: "
                f"{figures.floor_micros:.2f} µs; ratio {figures.floor_ratio:.2f} (target ≤ {TARGET_FLOOR:g})"
            ),
            (
                f"constructing a Segment from a ready dict: {figures.dict_floor_micros:.2f} µs; "
                f"ratio {figures.dict_floor_ratio:.2f}"
            ),
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="timing runs, best kept (default 7)")
    print(report(measure(repeat=parser.parse_args(argv).repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
