"""Count the instructions ``runstrength.loads`` and the pydantic peer execute on each built-in workout.

Run ``python benchmarks/bench_instructions.py`` (with the ``bench`` extra installed and valgrind
on the path) to print, for each built-in workout, the instructions one call of
``runstrength.loads`` executes, the same with the rules' checks switched off, and the
instructions of pydantic's ``model_validate_json`` on the same text, with the ratios, their
median and their worst.

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
from bench_document import LOADS_TARGET, document_text, loads_unchecked

import runstrength

MARKER = "functools_reduce"
"""The C function callgrind counts inside: CPython's ``functools.reduce``."""

CALLS: dict[str, Callable[[str], object]] = {
    "loads": runstrength.loads,
    "unchecked": loads_unchecked,
    "pydantic": peer.Workout.model_validate_json,
}
"""What is counted on each workout's text, in this order."""


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


def measure(names: Sequence[str], *, number: int, warm_up: int) -> None:
    """The measured program (run under callgrind): each reader's batch of ``number`` calls per workout.

    ``warm_up`` calls of each reader on each text come first, uncounted, so that caches are
    filled and the interpreter has specialised the code, as in a long-running program.
    """
    chosen = [document_text(name) for name in names]
    for text in chosen:
        for call in CALLS.values():
            for _ in range(warm_up):
                call(text)
    for text in chosen:
        for call in CALLS.values():
            gc.collect()  # each batch starts with nothing for the collector to find
            functools.reduce(partial(_again, call, text), range(number), None)


def _again(call: Callable[[str], object], text: str, _: object, __: int) -> object:
    """One more call, as `functools.reduce` makes it (the running value and the item are unused)."""
    return call(text)


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


def counts(names: Sequence[str], *, number: int, warm_up: int) -> list[Count]:
    """Run `measure` under callgrind and read its counts, per call, for each of ``names``.

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
            *names,
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our own command
        if run.returncode != 0:
            msg = f"valgrind failed (exit status {run.returncode}):\n{run.stderr[-2000:]}"
            raise CountingError(msg)
        totals = summaries(Path(folder), stem)
    expected = len(names) * len(CALLS)
    if len(totals) != expected:
        why = "no symbol of that name in this interpreter?" if not totals else "a call used it too?"
        msg = f"expected {expected} counts inside {MARKER}, got {len(totals)} ({why})"
        raise CountingError(msg)
    per_call = [total / number for total in totals]
    result = []
    for index, name in enumerate(names):
        loads, unchecked, pydantic = per_call[index * len(CALLS) : (index + 1) * len(CALLS)]
        result.append(Count(name, len(document_text(name).encode()), loads, unchecked, pydantic))
    return result


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


def main(argv: Sequence[str] | None = None) -> int:
    """Count and print the table; 2 with a message when instructions cannot be counted here."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help="built-in workouts to count (default: all)")
    parser.add_argument("--number", type=int, default=20, help="calls per count (default 20)")
    parser.add_argument("--warm-up", type=int, default=10, help="uncounted calls first (default 10)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the program counted
    args = parser.parse_args(argv)
    names = args.names or runstrength.catalog.names()
    unknown = [name for name in names if name not in runstrength.catalog.names()]
    if unknown:
        parser.error(f"no built-in workout named {', '.join(unknown)}")
    if args.measure:
        measure(names, number=args.number, warm_up=args.warm_up)
        return 0
    try:
        found = counts(names, number=args.number, warm_up=args.warm_up)
    except CountingError as error:
        print(f"cannot count instructions: {error}", file=sys.stderr)
        return 2
    print(table(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
