"""Count the instructions ``runstrength.loads`` and the pydantic peer execute on each built-in workout.

Run ``python benchmarks/bench_instructions.py`` (with the ``bench`` extra installed and valgrind
on the path) to print, for each built-in workout, the instructions one call of
``runstrength.loads`` executes, the same with the rules' checks switched off, and the
instructions of pydantic's ``model_validate_json`` on the same text, with the ratios, their
median and their worst. Then, per segment, the instructions of expanding `bench_timeline`'s
large workout (``--rounds``, 10 by default; 0 leaves it out) against its floor, constructing
each `Segment` again by keyword, and against constructing each from a ready dict.

Timings on a shared machine move with its load (the same call here has varied by up to two
times between runs), so a ratio near its target is hard to read from them, and so is the effect
of a small change. callgrind, valgrind's tool, counts the instructions a program executes
instead: the same count for the same interpreter, input and environment, whatever else the
machine does. Instructions are not time: compiled code may do more per instruction than the
interpreter, or less. `bench_document` stays the measure of the target; this script tells
whether a change made the work smaller, and by how much.

The script runs itself once under callgrind. Every batch of calls runs inside
``functools.reduce``, and callgrind counts only inside that C function (``functools_reduce``)
and writes one count as each batch ends; nothing in a measured call uses ``reduce`` itself
(the number of counts is checked). The interpreter needs its symbol table, as CPython built
from source has it; the hash seed is fixed, so dictionaries grow the same way each run.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import _pydantic_peer as peer
import attrs
from bench_document import LOADS_TARGET, document_text, loads_unchecked
from bench_timeline import TARGET_FLOOR, by_dict, by_keyword, large_workout

import runstrength

MARKER = "functools_reduce"
"""The C function callgrind counts inside: CPython's ``functools.reduce``."""

CALLS: dict[str, Callable[[str], object]] = {
    "loads": runstrength.loads,
    "unchecked": loads_unchecked,
    "pydantic": peer.Workout.model_validate_json,
}
"""What is counted on each workout's text, in this order."""


TIMELINE = ("timeline", "keyword", "dict")
"""What is counted of the timeline, in this order (see `timeline_calls`)."""


def timeline_calls(rounds: int) -> dict[str, Callable[[], object]]:
    """What is counted of the timeline, in this order, on the large workout of ``rounds`` rounds.

    Expanding it, constructing its segments again by keyword (the floor), and from ready dicts.
    """
    workout = large_workout(rounds)
    segments = runstrength.build_timeline(workout).segments
    fields = [attrs.asdict(segment, recurse=False) for segment in segments]
    calls = (
        partial(runstrength.build_timeline, workout),
        partial(by_keyword, segments),
        partial(by_dict, fields),
    )
    return dict(zip(TIMELINE, calls, strict=True))


class CountingError(Exception):
    """Instructions cannot be counted here; the message says why and what would help."""


@dataclass(frozen=True)
class Count:
    """The instructions one call of each reader executes on one built-in workout's text."""

    name: str
    size: int
    """The document's length in bytes (UTF-8)."""
    loads: float
    unchecked: float
    """``runstrength.loads`` with the rules' checks switched off: parsing and building."""
    pydantic: float

    @property
    def ratio(self) -> float:
        """How many times pydantic's instructions runstrength's are."""
        return self.loads / self.pydantic

    @property
    def unchecked_ratio(self) -> float:
        """The same without the rules' checks."""
        return self.unchecked / self.pydantic


@dataclass(frozen=True)
class TimelineCount:
    """The instructions per segment of expanding the large workout, and of its floors."""

    segments: int
    timeline: float
    keyword: float
    """Constructing each segment again by keyword, as the builder does: the floor."""
    ready: float
    """Constructing each segment from a ready dict of its fields (cheaper on CPython)."""

    @property
    def ratio(self) -> float:
        """How many times the floor's instructions expanding takes."""
        return self.timeline / self.keyword

    @property
    def ready_ratio(self) -> float:
        """The same against constructing from ready dicts."""
        return self.timeline / self.ready


def measure(names: Sequence[str], *, number: int, warm_up: int, rounds: int = 0) -> None:
    """The measured program (run under callgrind): a batch of calls of each, one count per batch.

    Each reader's batch of ``number`` calls per workout, after ``warm_up`` uncounted calls, so
    that caches are filled and the interpreter has specialised the code, as in a long-running
    program. Then, unless ``rounds`` is 0, one call of each of `timeline_calls` after one
    uncounted call: a call makes thousands of segments, so its count per segment is an average
    already.
    """
    texts = [document_text(name) for name in names]
    batches: list[tuple[Callable[[], object], int, int]] = [
        (partial(call, text), number, warm_up) for text in texts for call in CALLS.values()
    ]
    if rounds:
        batches += [(call, 1, 1) for call in timeline_calls(rounds).values()]
    for call, _counted, uncounted in batches:
        for _ in range(uncounted):
            call()
    for call, counted, _uncounted in batches:
        gc.collect()  # each batch starts with nothing for the collector to find
        functools.reduce(partial(_again, call), range(counted), None)


def _again(call: Callable[[], object], _: object, __: int) -> object:
    """One more call, as `functools.reduce` makes it (the running value and the item are unused)."""
    return call()


def summaries(folder: Path, stem: str) -> list[int]:
    """The instruction totals of callgrind's dumps ``<stem>.1``, ``<stem>.2``…, in order."""
    dumps = sorted(folder.glob(f"{stem}.*"), key=lambda path: int(path.suffix[1:]))
    totals = []
    for dump in dumps:
        lines = dump.read_text(encoding="utf-8").splitlines()
        total = next((line for line in lines if line.startswith("summary:")), None)
        if total is None:
            msg = f"{dump.name} has no summary line: not a callgrind dump"
            raise CountingError(msg)
        totals.append(int(total.split()[1]))
    return totals


def counts(
    names: Sequence[str], *, number: int, warm_up: int, rounds: int = 0
) -> tuple[list[Count], TimelineCount | None]:
    """Run `measure` under callgrind and read its counts, per call and per segment.

    One `Count` per call for each of ``names``; the timeline's per segment, for the large
    workout of ``rounds`` rounds (``None`` when it is 0).

    Raises:
        CountingError: valgrind is missing, fails, or counted nothing (an interpreter without
            symbols), or the counts do not match the batches run.
    """
    if shutil.which("valgrind") is None:
        msg = "valgrind is not installed (on Debian: apt-get install valgrind)"
        raise CountingError(msg)
    with tempfile.TemporaryDirectory() as folder:
        stem = "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--toggle-collect={MARKER}",
            f"--dump-after={MARKER}",
            f"--callgrind-out-file={Path(folder) / stem}",
            sys.executable,
            __file__,
            "--measure",
            f"--number={number}",
            f"--warm-up={warm_up}",
            f"--rounds={rounds}",
            *names,
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our own command
        if run.returncode != 0:
            msg = f"valgrind failed (exit status {run.returncode}):\n{run.stderr[-2000:]}"
            raise CountingError(msg)
        totals = summaries(Path(folder), stem)
    expected = len(names) * len(CALLS) + (len(TIMELINE) if rounds else 0)
    if len(totals) != expected:
        why = "no symbol of that name in this interpreter?" if not totals else "a call used it too?"
        msg = f"expected {expected} counts inside {MARKER}, got {len(totals)} ({why})"
        raise CountingError(msg)
    per_call = [total / number for total in totals[: len(names) * len(CALLS)]]
    result = []
    for index, name in enumerate(names):
        loads, unchecked, pydantic = per_call[index * len(CALLS) : (index + 1) * len(CALLS)]
        result.append(Count(name, len(document_text(name).encode()), loads, unchecked, pydantic))
    if not rounds:
        return result, None
    segments = len(runstrength.build_timeline(large_workout(rounds)))
    timeline, keyword, ready = (count / segments for count in totals[len(names) * len(CALLS) :])
    return result, TimelineCount(segments, timeline, keyword, ready)


def table(found: Sequence[Count]) -> str:
    """A text table of the counts (thousands of instructions per call), then the median and the worst."""
    width = max(len(count.name) for count in found)
    header = (
        f"{'':{width}} {'bytes':>7} {'loads':>9} {'pydantic':>9} {'ratio':>6} {'no rules':>9} {'ratio':>6}"
    )
    lines = [
        "Instructions per call, in thousands (ratio: runstrength.loads × pydantic model_validate_json;",
        "no rules: runstrength.loads with the rules' checks switched off, and its ratio)",
        header,
    ]
    lines += [
        f"{c.name:{width}} {c.size:7d} {c.loads / 1e3:9.1f} {c.pydantic / 1e3:9.1f} {c.ratio:6.2f}"
        f" {c.unchecked / 1e3:9.1f} {c.unchecked_ratio:6.2f}"
        for c in found
    ]
    worst = max(found, key=lambda count: count.ratio)
    median = statistics.median(count.ratio for count in found)
    lines.append(
        f"median ratio {median:.2f}, worst {worst.ratio:.2f} ({worst.name}); target for the timed ratio "
        f"≤ {LOADS_TARGET:g}; without the rules' checks: median "
        f"{statistics.median(c.unchecked_ratio for c in found):.2f}"
    )
    return "\n".join(lines)


def timeline_table(found: TimelineCount) -> str:
    """The timeline's counts per segment, and its ratios to the floors."""
    floor = f"ratio {found.ratio:.2f} (target for the timed ratio ≤ {TARGET_FLOOR:g})"
    ready = f"ratio {found.ready_ratio:.2f}"
    return "\n".join(
        [
            f"Timeline of the large workout ({found.segments} segments), instructions per segment:",
            f"  build_timeline {found.timeline:,.0f}",
            f"  constructing each Segment by keyword (the floor) {found.keyword:,.0f}: {floor}",
            f"  constructing each Segment from a ready dict {found.ready:,.0f}: {ready}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Count and print the table; 2 with a message when instructions cannot be counted here."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help="built-in workouts to count (default: all)")
    parser.add_argument("--number", type=int, default=20, help="calls per count (default 20)")
    parser.add_argument("--warm-up", type=int, default=10, help="uncounted calls first (default 10)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=10,
        help="rounds of the large workout whose timeline is counted (0: none)",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the program counted
    args = parser.parse_args(argv)
    names = args.names or runstrength.catalog.names()
    unknown = [name for name in names if name not in runstrength.catalog.names()]
    if unknown:
        parser.error(f"no built-in workout named {', '.join(unknown)}")
    if args.measure:
        measure(names, number=args.number, warm_up=args.warm_up, rounds=args.rounds)
        return 0
    try:
        found, timeline = counts(names, number=args.number, warm_up=args.warm_up, rounds=args.rounds)
    except CountingError as error:
        print(f"cannot count instructions: {error}", file=sys.stderr)
        return 2
    print(table(found))
    if timeline is not None:
        print(f"\n{timeline_table(timeline)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
