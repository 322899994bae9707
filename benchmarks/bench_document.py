"""Benchmark the document format on the built-in workouts, against json and a strict pydantic peer.

Run ``python benchmarks/bench_document.py`` (with the ``bench`` extra installed) to print
microseconds per call, best of several repeats: reading one built-in workout's JSON text
next to json alone, reading every built-in workout with runstrength and with pydantic
(the ratio per workout, its median and its worst; runstrength parses JSON with jiter when the
``fast`` extra is installed, which the ``bench`` extra brings, and a "stdlib" column reads each
workout again as without it), writing, and the import time of
``runstrength`` next to that of ``attrs`` and ``cattrs`` alone.  ``--profile`` adds the
hot spots of ``runstrength.loads``.

What stands in the way of matching pydantic: its peer parses, checks and builds in compiled
code, where runstrength runs Python for each object and each field. The small workouts, where
per-object costs dominate, are the worst ratios, and newer interpreters widen the gap. Where
the work goes (parsing, the hook refusing duplicate keys, the rules, building the objects) is
counted in CONTRIBUTING.md's "Measuring", with ``bench_instructions.py``; the "no rules" column
here shows what the rules cost in time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import _pydantic_peer as peer

import runstrength
from runstrength._document.syntax import FAST_JSON, jiter_parser, reading_json_with
from runstrength._spec.validated import trusted

LOADS_TARGET = 2.0
"""``runstrength.loads`` may take at most this many times pydantic's ``model_validate_json``."""
FAST = (
    "jiter is not installed"
    if jiter_parser() is None
    else "loads reads JSON with jiter"
    if FAST_JSON
    else "RUNSTRENGTH_NO_JITER=1: loads too parses JSON with the standard library"
)
"""What the table's loads column parses JSON with."""
IMPORT_TARGET = 1.3
"""``import runstrength`` may take at most this many times ``import attrs, cattrs``."""


@dataclass(frozen=True)
class Timing:
    """One measurement: what was timed, and its cost in microseconds."""

    name: str
    micros: float


BUILT_IN = "upper-body-for-runners"


def document_text(name: str = BUILT_IN) -> str:
    """A built-in workout as JSON text, the way ``runstrength.dumps`` writes it."""
    return runstrength.dumps(runstrength.catalog.get(name))


def catalogue_texts() -> dict[str, str]:
    """Every built-in workout's JSON text, by name."""
    return {name: document_text(name) for name in runstrength.catalog.names()}


# --- measurements ------------------------------------------------------------------------


Case = tuple[str, Callable[[], object]]
"""A name, and the call to time."""


def best_micros(cases: Sequence[Case], *, number: int, repeat: int) -> list[Timing]:
    """Each case's best of ``repeat`` runs of ``number`` calls, in microseconds per call.

    The cases take turns run by run, so a machine that slows down for a while slows
    every case alike and the ratios between them hold; processor time is measured, which
    other programs on a busy machine inflate less than wall-clock time.
    """
    best = dict.fromkeys((name for name, _ in cases), math.inf)
    for _ in range(repeat):
        for name, call in cases:
            best[name] = min(best[name], timeit.timeit(call, number=number, timer=time.process_time))
    return [Timing(name, seconds / number * 1e6) for name, seconds in best.items()]


def loads_timings(text: str, *, number: int, repeat: int) -> list[Timing]:
    """Reading: json alone (the floor), runstrength and pydantic, on the same text."""
    data = json.loads(text)
    cases: list[Case] = [
        ("json.loads", lambda: json.loads(text)),
        ("runstrength.from_dict (parsed)", lambda: runstrength.from_dict(data)),
        ("runstrength.loads", lambda: runstrength.loads(text)),
        ("pydantic model_validate_json", lambda: peer.Workout.model_validate_json(text)),
    ]
    return best_micros(cases, number=number, repeat=repeat)


@dataclass(frozen=True)
class Comparison:
    """Reading one document with runstrength and with pydantic, in microseconds per call."""

    name: str
    size: int
    """The document's length in bytes (UTF-8)."""
    ours: float
    peer: float
    unchecked: float
    """runstrength's cost with the rules' checks switched off: what parsing and building cost."""
    stdlib: float
    """runstrength's cost with JSON parsed by the standard library alone (without the fast extra)."""

    @property
    def ratio(self) -> float:
        """How many times pydantic's cost runstrength's is."""
        return self.ours / self.peer

    @property
    def stdlib_ratio(self) -> float:
        """How many times pydantic's cost runstrength's is without the fast extra."""
        return self.stdlib / self.peer

    @property
    def unchecked_ratio(self) -> float:
        """How many times pydantic's cost runstrength's would be without the rules' checks."""
        return self.unchecked / self.peer


def loads_unchecked(text: str) -> runstrength.Workout:
    """``runstrength.loads`` with every rule's check and relation switched off (never for real use).

    What is left is parsing the text and building the objects; the difference to
    ``runstrength.loads`` is what the rules cost.
    """
    with trusted():
        return runstrength.loads(text)


def loads_stdlib(text: str) -> runstrength.Workout:
    """``runstrength.loads`` as without the ``fast`` extra: JSON parsed by the standard library."""
    with reading_json_with(None):
        return runstrength.loads(text)


def catalogue_timings(texts: Mapping[str, str], *, number: int, repeat: int) -> list[Comparison]:
    """``runstrength.loads``, with and without its checks, against pydantic's on each document."""
    comparisons: list[Comparison] = []
    for name, text in texts.items():
        cases: list[Case] = [
            ("ours", partial(runstrength.loads, text)),
            ("peer", partial(peer.Workout.model_validate_json, text)),
            ("unchecked", partial(loads_unchecked, text)),
            ("stdlib", partial(loads_stdlib, text)),
        ]
        ours, theirs, unchecked, stdlib = best_micros(cases, number=number, repeat=repeat)
        comparisons.append(
            Comparison(name, len(text.encode()), ours.micros, theirs.micros, unchecked.micros, stdlib.micros)
        )
    return comparisons


def catalogue_table(comparisons: Sequence[Comparison]) -> str:
    """A text table of the catalogue's reading costs, then the median and the worst ratio."""
    width = max(len(c.name) for c in comparisons)
    lines = [
        "Reading every built-in workout (ratio: runstrength.loads × pydantic model_validate_json;",
        "no rules: runstrength.loads with the rules' checks switched off; stdlib: JSON parsed",
        f"by the standard library alone, as without the fast extra; {FAST})",
        (
            f"{'':{width}}  {'bytes':>7}  {'loads µs':>9}  {'pydantic µs':>11}  {'ratio':>6}"
            f"  {'no rules µs':>11}  {'ratio':>6}  {'stdlib µs':>9}  {'ratio':>6}"
        ),
    ]
    lines += [
        f"{c.name:{width}}  {c.size:7}  {c.ours:9.1f}  {c.peer:11.1f}  {c.ratio:6.2f}"
        f"  {c.unchecked:11.1f}  {c.unchecked_ratio:6.2f}  {c.stdlib:9.1f}  {c.stdlib_ratio:6.2f}"
        for c in comparisons
    ]
    worst = max(comparisons, key=lambda c: c.ratio)
    lines += [
        (
            f"median ratio {statistics.median(c.ratio for c in comparisons):.2f}, "
            f"worst {worst.ratio:.2f} ({worst.name}); without the rules' checks: median "
            f"{statistics.median(c.unchecked_ratio for c in comparisons):.2f}, "
            f"worst {max(c.unchecked_ratio for c in comparisons):.2f}; with the stdlib parser: "
            f"median {statistics.median(c.stdlib_ratio for c in comparisons):.2f}, "
            f"worst {max(c.stdlib_ratio for c in comparisons):.2f}"
        )
    ]
    return "\n".join(lines)


def dumps_timings(text: str, *, number: int, repeat: int) -> list[Timing]:
    """Writing: runstrength's document and text, against json and pydantic."""
    workout = runstrength.loads(text)
    model = peer.Workout.model_validate_json(text)
    cases: list[Case] = [
        ("runstrength.to_dict", lambda: runstrength.to_dict(workout)),
        ("json.dumps(to_dict) compact", lambda: json.dumps(runstrength.to_dict(workout))),
        ("runstrength.dumps (indent 2)", lambda: runstrength.dumps(workout)),
        ("pydantic model_dump_json compact", lambda: model.model_dump_json(exclude_defaults=True)),
        (
            "pydantic model_dump_json (indent 2)",
            lambda: model.model_dump_json(exclude_defaults=True, indent=2),
        ),
    ]
    return best_micros(cases, number=number, repeat=repeat)


def _import_run(modules: Sequence[str], env: Mapping[str, str]) -> tuple[float, float]:
    """One fresh interpreter importing ``modules``: (import time in µs, wall-clock in µs)."""
    statement = "import " + ", ".join(modules)
    started = timeit.default_timer()
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    wall = (timeit.default_timer() - started) * 1e6
    cumulative = 0.0
    for line in done.stderr.splitlines():
        # "import time:  self [us] | cumulative | name", nested imports indented under their parent.
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() in modules and parts[2].startswith(" " + parts[2].strip()):
            cumulative += float(parts[1])
    return cumulative, wall


def import_timings(*, runs: int) -> list[Timing]:
    """Median import cost of ``runstrength`` and of ``attrs`` and ``cattrs``, in fresh interpreters.

    Every module's bytecode is cached in a fresh folder (whatever ``PYTHONDONTWRITEBYTECODE``
    says) by one discarded run of each, so neither side pays for compiling its source; the
    two imports take turns, so a busy machine slows both alike.
    """
    # runstrength loads cattrs only when a workout is first written: the third import is that cost.
    imports: tuple[tuple[str, ...], ...] = (("runstrength",), ("attrs", "cattrs"), ("runstrength", "cattrs"))
    samples: dict[tuple[str, ...], list[tuple[float, float]]] = {modules: [] for modules in imports}
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for modules in imports:
            _import_run(modules, env)
        for _ in range(runs):
            for modules in imports:
                samples[modules].append(_import_run(modules, env))
    timings: list[Timing] = []
    for modules, found in samples.items():
        label = "import " + ", ".join(modules)
        timings.append(Timing(f"{label} (-X importtime)", statistics.median(s[0] for s in found)))
        timings.append(Timing(f"{label} (wall clock)", statistics.median(s[1] for s in found)))
    return timings


def profile_loads(text: str, *, calls: int, top: int) -> str:
    """Profile ``calls`` runs of ``runstrength.loads``: the ``top`` functions by own time (cProfile)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        runstrength.loads(text)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    return out.getvalue()


# --- report ------------------------------------------------------------------------------


def table(title: str, timings: Sequence[Timing], *, baseline: str, unit: str = "µs/call") -> str:
    """A text table of timings, each also as a multiple of the ``baseline`` timing.

    ``unit`` ``"ms"`` shows milliseconds instead of microseconds per call.
    """
    base = next(t.micros for t in timings if t.name == baseline)
    scale = 1000.0 if unit == "ms" else 1.0
    width = max(len(t.name) for t in timings)
    lines = [f"{title} (ratio: × {baseline})", f"{'':{width}}  {unit:>10}  {'ratio':>6}"]
    lines += [f"{t.name:{width}}  {t.micros / scale:10.1f}  {t.micros / base:6.2f}" for t in timings]
    return "\n".join(lines)


def ratio(timings: Sequence[Timing], numerator: str, denominator: str) -> float:
    """The ratio of two named timings."""
    found = {t.name: t.micros for t in timings}
    return found[numerator] / found[denominator]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the tables; ``--profile`` adds the hot spots of loading."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--number", type=int, default=100, help="calls per timing run (default 100)")
    parser.add_argument("--repeat", type=int, default=15, help="timing runs, best kept (default 15)")
    parser.add_argument("--import-runs", type=int, default=31, help="fresh interpreters (default 31)")
    parser.add_argument("--profile", action="store_true", help="also profile runstrength.loads")
    args = parser.parse_args(argv)

    text = document_text()
    print(f"Document: the built-in workout {BUILT_IN}, {len(text.encode())} bytes of JSON\n")
    reading = loads_timings(text, number=args.number, repeat=args.repeat)
    catalogue = catalogue_timings(catalogue_texts(), number=args.number, repeat=args.repeat)
    writing = dumps_timings(text, number=args.number, repeat=args.repeat)
    importing = import_timings(runs=args.import_runs)
    print(table(f"Reading {BUILT_IN}", reading, baseline="json.loads"), end="\n\n")
    print(catalogue_table(catalogue), end="\n\n")
    print(table("Writing", writing, baseline="runstrength.to_dict"), end="\n\n")
    for way in ("-X importtime", "wall clock"):
        timings = [timing for timing in importing if timing.name.endswith(f"({way})")]
        baseline = f"import attrs, cattrs ({way})"
        print(table(f"Importing, median of {way}", timings, baseline=baseline, unit="ms"), end="\n\n")

    median = statistics.median(c.ratio for c in catalogue)
    worst = max(c.ratio for c in catalogue)
    import_ratio = ratio(
        importing, "import runstrength (-X importtime)", "import attrs, cattrs (-X importtime)"
    )
    over = f"over {len(catalogue)} built-in workouts"
    target = f"(target ≤ {LOADS_TARGET:g}, aim < 1)"
    print(f"loads / pydantic:  {median:5.2f} median, {worst:.2f} worst {over}  {target}")
    with_cattrs = ratio(
        importing, "import runstrength, cattrs (-X importtime)", "import attrs, cattrs (-X importtime)"
    )
    print(
        f"import ratio:      {import_ratio:5.2f}  (target ≤ {IMPORT_TARGET:g}; "
        f"{with_cattrs:.2f} with cattrs, which loads when a workout is first written)"
    )
    if args.profile:
        print("\n" + profile_loads(text, calls=args.number, top=25))
    return 0


if __name__ == "__main__":
    sys.exit(main())
