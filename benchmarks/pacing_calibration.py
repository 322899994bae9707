"""Compare the pacing's estimates with the lengths the built-in workouts' sources state.

Run ``python benchmarks/pacing_calibration.py`` to print, for every built-in workout whose
source says how long it takes, the stated length, the timeline's total at the default
pacing, the total over every range in the workout (each range at its minimum, then at its
maximum), and the ratio of the total to the stated length.  Flags such as
``--rest-between-sets 30`` try another pacing.  `calibration_rows` returns the same rows
for tests and notebooks.

The workout model has no field for a stated length, so `STATED` keeps them here, each
with the words of the source it comes from.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from runstrength import Pacing, build_timeline, catalog


@dataclass(frozen=True)
class StatedLength:
    """How long a source says its workout takes, in seconds (``low`` = ``high`` for one figure)."""

    low: float
    high: float
    basis: str
    """What the source says, and how the seconds follow from it."""

    @property
    def middle(self) -> float:
        """The middle of the stated range."""
        return (self.low + self.high) / 2


STATED: Final[Mapping[str, StatedLength]] = {
    "cindy": StatedLength(1200, 1200, "an AMRAP with a 20-minute cap"),
    "front-squats-on-the-minute": StatedLength(360, 360, "every minute on the minute for six minutes"),
    "seven-minute-workout": StatedLength(420, 420, "one circuit takes approximately 7 minutes"),
    "stronglifts-5x5-workout-a": StatedLength(2700, 2700, "workouts of about 45 minutes"),
    "tabata-protocol": StatedLength(240, 240, "eight bouts of 20 s on and 10 s off: 4 minutes"),
    "time-poor-mountain-strength": StatedLength(
        2 * 330, 3 * 390, "5:30-6:30 per round, 2-3 rounds (rest between rounds not stated)"
    ),
    "triathlete-base-building-strength": StatedLength(1800, 1800, "a 30-minute workout"),
}
"""Stated lengths of built-in workouts, by catalogue name."""

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

    Raises:
        LookupError: `STATED` names a workout the catalogue does not have.
    """
    missing = sorted(set(STATED) - set(catalog.names()))
    if missing:
        msg = f"stated lengths for workouts not in the catalogue: {', '.join(missing)}"
        raise LookupError(msg)
    rows = []
    for name in catalog.names():
        if name not in STATED:
            continue
        timeline = build_timeline(catalog.get(name), pacing)
        low, high = timeline.total_range
        rows.append(Row(name, STATED[name], timeline.total, low, high))
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
    """Print the calibration table (and each source's basis); returns the exit status."""
    parser = argparse.ArgumentParser(description="Compare pacing estimates with the lengths sources state.")
    for flag in _FLAGS:
        kind = float if flag == "seconds_per_rep" else int
        parser.add_argument(f"--{flag.replace('_', '-')}", type=kind, help=f"pacing: {flag}")
    args = parser.parse_args(argv)
    given = {flag: getattr(args, flag) for flag in _FLAGS if getattr(args, flag) is not None}
    rows = calibration_rows(Pacing(**given))
    print(table(rows))
    print()
    for row in rows:
        print(f"{row.name}: {row.stated.basis}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
