"""Compare the pacing's estimates with the lengths the built-in workouts' sources state.

Run ``python benchmarks/pacing_calibration.py`` to print, for every built-in workout with a
``stated_duration`` (how long its source says it takes), the stated length, the timeline's
total at the default pacing, the total over every range in the workout (each range at its
minimum, then at its maximum), and the ratio of the total to the stated length.  Flags such
as ``--rest-between-sets 30`` try another pacing.  `calibration_rows` returns the same rows
for tests and notebooks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from runstrength import Pacing, Range, build_timeline, catalog


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


TOLERANCE: Final = 0.35
"""How far (as a fraction of the stated length) an estimate may stray and still count as calibrated."""

KNOWN_OUTLIERS: Final[Mapping[str, str]] = {
    "triathlete-base-building-strength": (
        "19 straight sets of light body-weight work, each followed by the default 60 s rest; "
        "the source plans about 30 minutes, which leaves room for roughly 20-25 s between sets"
    ),
}
"""Workouts whose estimate at the default pacing lies outside `TOLERANCE`, and why."""


@dataclass(frozen=True)
class Row:
    """One workout's stated length next to its estimated one, in seconds."""

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
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _span(low: float, high: float) -> str:
    return _clock(low) if low == high else f"{_clock(low)}-{_clock(high)}"


HEADER: Final = ("workout", "stated", "estimate", "estimate range", "ratio", f"within ±{TOLERANCE:.0%}")


def table(rows: Sequence[Row]) -> str:
    """The rows as a plain-text table, one workout a line."""
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
    widths = [max(len(cells[i]) for cells in (HEADER, *lines)) for i in range(len(HEADER))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
        for cells in (HEADER, *lines)
    ]
    return "\n".join(text)


_FLAGS: Final = ("seconds_per_rep", "switch_sides", "transition", "rest_between_rounds", "rest_between_sets")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the calibration table; returns the exit status."""
    parser = argparse.ArgumentParser(description="Compare pacing estimates with the lengths sources state.")
    for flag in _FLAGS:
        kind = float if flag == "seconds_per_rep" else int
        parser.add_argument(f"--{flag.replace('_', '-')}", type=kind, help=f"pacing: {flag}")
    args = parser.parse_args(argv)
    given = {flag: getattr(args, flag) for flag in _FLAGS if getattr(args, flag) is not None}
    rows = calibration_rows(Pacing(**given))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
