"""An interval timer driven by a workout's timeline: what to do, second by second.

    python examples/interval_timer.py [NAME|FILE] [--speed 10] [--limit 120]

Runs through the built-in workout NAME (default upper-body-for-runners) or a workout
document FILE, printing each second what to do now and how long is left; a new segment is
marked with an arrow. ``--speed 10`` runs ten times faster than real time; ``--limit``
stops after that many seconds of the workout. Lengths the workout leaves open (reps at the
pacing's speed, rests "as needed") are marked ``~``: a real app would let the athlete tap
on instead.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
import time
from pathlib import Path

import runstrength
from runstrength import Segment, SegmentKind, Workout, build_timeline, catalog


def clock(seconds: float) -> str:
    """``m:ss``."""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def describe(segment: Segment) -> str:
    """What the athlete does during a segment."""
    if segment.kind is SegmentKind.WORK:
        side = f" ({segment.side})" if segment.side else ""
        return f"{segment.exercise}{side}: {segment.target}"
    if segment.kind is SegmentKind.SWITCH_SIDES:
        return f"switch sides: {segment.exercise}"
    return segment.kind.value


def positive(text: str) -> float:
    """A number above 0, for argparse."""
    value = float(text)
    if not value > 0 or not math.isfinite(value):
        msg = f"expected a number above 0, got {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def read(source: str) -> Workout:
    """A built-in workout by name, or a workout document from a file."""
    return catalog.get(source) if source in catalog.names() else runstrength.load(Path(source))


def main(argv: list[str] | None = None) -> int:
    """Run the timer."""
    parser = argparse.ArgumentParser(description="Run an interval timer over a workout's timeline.")
    parser.add_argument("workout", nargs="?", default="upper-body-for-runners", metavar="NAME|FILE")
    parser.add_argument("--speed", type=positive, default=1.0, help="times faster than real time (default 1)")
    parser.add_argument("--limit", type=positive, help="stop after this many seconds of the workout")
    args = parser.parse_args(argv)
    try:
        timeline = build_timeline(read(args.workout))
    except (runstrength.ValidationError, OSError, ValueError) as error:
        parser.exit(1, f"{args.workout}: {error}\n")

    end = min(timeline.total, args.limit or math.inf)
    print(f"{timeline.workout.title}: {clock(timeline.total)} in {len(timeline)} segments")
    started = time.monotonic()
    current = None
    for second in range(math.ceil(end)):
        # Sleep until this second of the workout, in accelerated time; never drift.
        time.sleep(max(0.0, started + second / args.speed - time.monotonic()))
        segment = timeline.at(second)
        if segment is None:
            break
        mark = "→" if segment is not current else " "
        estimate = "~" if segment.estimate else ""
        left = math.ceil(segment.end - second)
        print(f"{clock(second)} {mark} {describe(segment)} · {estimate}{left} s left", flush=True)
        current = segment
    print("Done." if end >= timeline.total else f"Stopped at {clock(end)}.")
    return 0


if __name__ == "__main__":
    # A reader that stops early (`| head`) ends the script quietly, as it does any shell tool.
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
