"""Check that hostile documents cost bounded time and memory, within the documented limits.

Run ``python benchmarks/bench_bounded.py`` (extras ``yaml`` and ``bench``).  It writes
adversarial documents up to the limits the document format documents (2 MiB of text,
100 000 values, 40 levels) in JSON, YAML and TOML: lists of invalid items as long as the
limits allow, credits trimmed to the size limit, many unknown keys, deep nesting, numbers
of thousands of digits, flow lists of a million values and YAML alias bombs.  Each one is
read by ``runstrength.loads`` in a fresh interpreter, which reports how long reading took
and its peak memory (resident set); the JSON documents are also read by the strict
pydantic peer, in a fresh interpreter too.

The table shows each case's outcome (accepted, refused with N problems, or the type of
any other exception), wall-clock and processor seconds, peak MB, pydantic's processor
seconds and the ratio, then the worst case.  Targets: every document accepted or refused
within `MAX_SECONDS` s and `MAX_MB` MB, and within `MAX_RATIO` times pydantic on the same
JSON.  Time targets are judged on processor time, which a busy shared machine does not
inflate as it does wall-clock time.  Each interpreter first reads a small valid and a small
invalid document, so one-time costs (building validators, importing error reporting) are
not counted.  Anything but a ``ValidationError``
is a finding, printed as such.  ``--quick`` runs the same cases at a small size, to check
the script itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_SIZE = 2 * 1024 * 1024
"""The documented limit of a document's text, in characters."""
MAX_NODES = 100_000
"""The documented limit of the values in a document."""
MAX_DEPTH = 40
"""The documented limit of nesting."""

MAX_SECONDS = 2.0
MAX_MB = 200.0
MAX_RATIO = 3.0
RATIO_FLOOR = 0.01
"""Below this many seconds of processor time, the ratio to pydantic is shown but not judged:
the timer's resolution and fixed costs decide it, not the document."""
ADDRESS_SPACE = 4 * 1024**3
"""The child interpreters' address space is capped (bytes), so a runaway case fails alone."""

FORMATS = ("json", "yaml", "toml")


@dataclass(frozen=True)
class Case:
    """One adversarial document."""

    name: str
    format: str
    text: str


@dataclass(frozen=True)
class Report:
    """What one fresh interpreter reported after reading one document."""

    outcome: str
    """``accepted``, ``refused``, ``error`` (any exception but a ``ValidationError``, or a crash)
    or ``timeout`` (no answer within the time allowed)."""
    problems: int = 0
    error: str = ""
    """The exception's type and the start of its message, for errors."""
    seconds: float = 0.0
    """Wall-clock time of the reading."""
    cpu: float = 0.0
    """Processor time of the reading: what the document costs, however busy the machine."""
    peak_mb: float = 0.0

    @property
    def described(self) -> str:
        """The outcome in a few words."""
        if self.outcome == "refused":
            return f"refused, {self.problems} problem{'s' * (self.problems != 1)}"
        if self.outcome == "error":
            return self.error.split(":", 1)[0]
        if self.outcome == "timeout":
            return f"no answer in {self.seconds:g} s"
        return self.outcome


@dataclass(frozen=True)
class Row:
    """A case, runstrength's report, and pydantic's (JSON only)."""

    case: Case
    ours: Report
    peer: Report | None

    @property
    def ratio(self) -> float | None:
        """The processor time of runstrength as a multiple of pydantic's (``None`` unless both read it)."""
        if self.peer is None or {self.ours.outcome, self.peer.outcome} & {"error", "timeout"}:
            return None
        return self.ours.cpu / max(self.peer.cpu, 1e-6)

    @property
    def over(self) -> list[str]:
        """The targets this case misses."""
        missed = []
        if self.ours.outcome == "error":
            missed.append("not a ValidationError")
        if self.ours.cpu > MAX_SECONDS or self.ours.outcome == "timeout":
            missed.append(f"> {MAX_SECONDS:g} s")
        if self.ours.peak_mb > MAX_MB:
            missed.append(f"> {MAX_MB:g} MB")
        if self.ratio is not None and self.ratio > MAX_RATIO and self.ours.cpu >= RATIO_FLOOR:
            missed.append(f"> {MAX_RATIO:g}× pydantic")
        return missed


# --- documents ---------------------------------------------------------------------------


def _fill(around: tuple[str, str], units: Iterable[str], separator: str, *, count: int, size: int) -> str:
    """Up to ``count`` units joined by ``separator`` between ``around``'s two parts, at most ``size`` long."""
    prefix, suffix = around
    room = size - len(prefix) - len(suffix)
    taken: list[str] = []
    for number, unit in enumerate(units):
        cost = len(unit) + (len(separator) if taken else 0)
        if number >= count or cost > room:
            break
        taken.append(unit)
        room -= cost
    return prefix + separator.join(taken) + suffix


def _repeat(unit: str) -> Iterator[str]:
    while True:
        yield unit


def _numbered(pattern: str) -> Iterator[str]:
    number = 0
    while True:
        yield pattern.format(number)
        number += 1


_ONE_BLOCK: dict[str, tuple[str, str]] = {
    # A workout whose one block's items (or whose items' list) comes between the two halves.
    "json": ('{"schema_version": 1, "title": "T", "blocks": [{"name": "B", "items": [', "]}]}"),
    "yaml": ("schema_version: 1\ntitle: T\nblocks:\n- name: B\n  items: [", "]\n"),
    "toml": ('schema_version = 1\ntitle = "T"\n[[blocks]]\nname = "B"\nitems = [', "]\n"),
}
_ITEM = {
    "json": '{"name": "E", "dose": {"reps": 8}}',
    "yaml": "{name: E, dose: {reps: 8}}",
    "toml": '{name = "E", dose = {reps = 8}}',
}
_VALID_BLOCK = {
    "json": '"blocks": [{"name": "B", "items": [{"name": "E", "dose": {"reps": 8}}]}]',
    "yaml": "blocks:\n- name: B\n  items:\n  - {name: E, dose: {reps: 8}}\n",
    "toml": '[[blocks]]\nname = "B"\n[[blocks.items]]\nname = "E"\ndose = {reps = 8}\n',
}


def wide_items(fmt: str, count: int, size: int) -> str:
    """A block whose items are ``count`` empty mappings (each missing its name and dose)."""
    return _fill(_ONE_BLOCK[fmt], _repeat("{}"), ", ", count=count, size=size)


def flow_list(fmt: str, count: int, size: int) -> str:
    """A block whose items are one flow list of ``count`` zeros."""
    return _fill(_ONE_BLOCK[fmt], _repeat("0"), ",", count=count, size=size)


def many_credits(fmt: str, count: int, size: int) -> str:
    """A source whose credits are ``count`` empty mappings, trimmed to ``size``."""
    starts = {
        "json": '{"schema_version": 1, "title": "T", "source": {"title": "S", "credits": [',
        "yaml": "schema_version: 1\ntitle: T\nsource:\n  title: S\n  credits: [",
        "toml": 'schema_version = 1\ntitle = "T"\n[source]\ntitle = "S"\ncredits = [',
    }
    ends = {
        "json": "]}, " + _VALID_BLOCK["json"] + "}",
        "yaml": "]\n" + _VALID_BLOCK["yaml"],
        "toml": "]\n" + _VALID_BLOCK["toml"],
    }
    return _fill((starts[fmt], ends[fmt]), _repeat("{}"), ",", count=count, size=size)


def unknown_keys(fmt: str, count: int, size: int) -> str:
    """A workout with ``count`` unknown top-level keys (``k0``, ``k1``…), trimmed to ``size``."""
    if fmt == "json":
        start = '{"schema_version": 1, "title": "T", ' + _VALID_BLOCK["json"] + ", "
        return _fill((start, "}"), _numbered('"k{}": 0'), ", ", count=count, size=size)
    if fmt == "yaml":
        around = ("schema_version: 1\ntitle: T\n", "\n" + _VALID_BLOCK["yaml"])
        return _fill(around, _numbered("k{}: 0"), "\n", count=count, size=size)
    around = ('schema_version = 1\ntitle = "T"\n', "\n" + _VALID_BLOCK["toml"])
    return _fill(around, _numbered("k{} = 0"), "\n", count=count, size=size)


def deep_nesting(fmt: str, depth: int, size: int) -> str:
    """A workout's notes nested ``depth`` lists deep (as deep as ``size`` allows)."""
    depth = min(depth, (size - 200) // 2)
    nested = "[" * depth + "]" * depth
    if fmt == "json":
        return '{"schema_version": 1, "title": "T", "notes": ' + nested + ", " + _VALID_BLOCK["json"] + "}"
    if fmt == "yaml":
        return "schema_version: 1\ntitle: T\nnotes: " + nested + "\n" + _VALID_BLOCK["yaml"]
    return 'schema_version = 1\ntitle = "T"\nnotes = ' + nested + "\n" + _VALID_BLOCK["toml"]


def huge_numbers(fmt: str, digits: int, size: int) -> str:
    """Exercises whose reps have ``digits`` digits, as many as fit in ``size``."""
    number = "9" * digits
    units = {
        "json": '{"name": "E", "dose": {"reps": ' + number + "}}",
        "yaml": "{name: E, dose: {reps: " + number + "}}",
        "toml": '{name = "E", dose = {reps = ' + number + "}}",
    }
    return _fill(_ONE_BLOCK[fmt], _repeat(units[fmt]), ", ", count=MAX_SIZE, size=size)


def alias_bomb(levels: int, width: int) -> str:
    """YAML whose benefits expand to ``width ** levels`` texts through nested aliases."""
    lines = ["schema_version: 1", "title: T", "x0: &x0 [" + ", ".join(["lol"] * width) + "]"]
    lines += [
        f"x{level}: &x{level} [" + ", ".join([f"*x{level - 1}"] * width) + "]" for level in range(1, levels)
    ]
    lines.append(f"benefits: *x{levels - 1}")
    return "\n".join(lines) + "\n" + _VALID_BLOCK["yaml"]


def cases(*, quick: bool) -> list[Case]:
    """Every adversarial document, full size or (``quick``) small."""
    size = 20_000 if quick else MAX_SIZE
    scale: Callable[[int], int] = (lambda n: max(10, n // 1000)) if quick else (lambda n: n)
    found: list[Case] = []
    for fmt in FORMATS:
        found += [
            Case(f"items: {{}} × {scale(MAX_NODES - 10)}", fmt, wide_items(fmt, scale(MAX_NODES - 10), size)),
            Case(f"items: {{}} × {scale(MAX_NODES)}+", fmt, wide_items(fmt, scale(MAX_NODES) * 2, size)),
            Case("source.credits: {} × 500 000 (to size)", fmt, many_credits(fmt, scale(500_000), size)),
            Case(f"unknown keys × {scale(150_000)}", fmt, unknown_keys(fmt, scale(150_000), size)),
            Case(
                f"unknown keys × {scale(MAX_NODES - 100)}",
                fmt,
                unknown_keys(fmt, scale(MAX_NODES - 100), size),
            ),
            Case(f"nested lists × {scale(100_000)}", fmt, deep_nesting(fmt, scale(100_000), size)),
            Case(f"nested lists × {MAX_DEPTH + 1}", fmt, deep_nesting(fmt, MAX_DEPTH + 1, size)),
            Case("reps of 4000 digits (to size)", fmt, huge_numbers(fmt, 4000, size)),
            Case("reps of 1 000 000 digits (to size)", fmt, huge_numbers(fmt, scale(1_000_000), size)),
            Case("items: flow list of 1 000 000 zeros", fmt, flow_list(fmt, scale(1_000_000), size)),
        ]
    levels = 4 if quick else 9
    found.append(Case(f"alias bomb, 10^{levels} texts", "yaml", alias_bomb(levels, 10)))
    return found


# --- one document in a fresh interpreter ----------------------------------------------------


def child(reader: str, fmt: str, path: str) -> int:
    """Read the document at ``path`` with ``reader`` and print a JSON report (runs in a child)."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    text = Path(path).read_text(encoding="utf-8")
    if reader == "pydantic":
        import _pydantic_peer as peer  # noqa: PLC0415 - the child imports what it reads with
        import pydantic  # noqa: PLC0415

        read: Callable[[], object] = lambda: peer.Workout.model_validate_json(text)  # noqa: E731
        expected: type[Exception] = pydantic.ValidationError
    else:
        import runstrength  # noqa: PLC0415

        read = lambda: runstrength.loads(text, fmt)  # type: ignore[arg-type]  # noqa: E731
        expected = runstrength.ValidationError
        if fmt == "yaml":
            import yaml  # noqa: F401, PLC0415 - the optional parser is imported before the clock starts
    _warm_up(reader, fmt)
    started, started_cpu = time.perf_counter(), time.process_time()
    report: dict[str, Any]
    try:
        read()
    except expected as error:
        problems = getattr(error, "problems", None)
        count = len(problems) if problems is not None else error.error_count()  # type: ignore[attr-defined]
        report = {"outcome": "refused", "problems": count}
    except BaseException as error:  # noqa: BLE001 - every other exception is what this looks for
        report = {"outcome": "error", "error": f"{type(error).__name__}: {str(error)[:200]}"}
    else:
        report = {"outcome": "accepted"}
    report["seconds"] = time.perf_counter() - started
    report["cpu"] = time.process_time() - started_cpu
    report["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report))
    return 0


def _warm_up(reader: str, fmt: str) -> None:
    """Read a small valid and a small invalid document, so what runs once per process is not timed.

    Both readers build their validators and import their error reporting on first use;
    timing that would compare start-up costs, not the work a document causes.
    """
    start, end = _ONE_BLOCK[fmt]
    valid = start + _ITEM[fmt] + end
    invalid = (wide_items(fmt, 2, MAX_SIZE), unknown_keys(fmt, 2, MAX_SIZE))
    if reader == "pydantic":
        import _pydantic_peer as peer  # noqa: PLC0415
        import pydantic  # noqa: PLC0415

        peer.Workout.model_validate_json(valid)
        for text in invalid:
            with contextlib.suppress(pydantic.ValidationError):
                peer.Workout.model_validate_json(text)
        return
    import runstrength  # noqa: PLC0415

    runstrength.loads(valid, fmt)  # type: ignore[arg-type]
    for text in invalid:
        with contextlib.suppress(runstrength.ValidationError):
            runstrength.loads(text, fmt)  # type: ignore[arg-type]


def run(reader: str, case: Case, *, timeout: float) -> Report:
    """Read ``case`` with ``reader`` (``runstrength`` or ``pydantic``) in a fresh interpreter."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case.{case.format}"
        path.write_text(case.text, encoding="utf-8")
        command = [sys.executable, __file__, "--child", reader, case.format, str(path)]
        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter and script
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return Report("timeout", seconds=timeout)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = " ".join(done.stderr.strip().splitlines()[-1:])
        return Report("error", error=f"Crash: exit status {done.returncode}: {tail[:200]}")
    return Report(**json.loads(lines[-1]))


# --- report --------------------------------------------------------------------------------


def measure(found: Sequence[Case], *, timeout: float, echo: bool = False) -> list[Row]:
    """Read every case with runstrength, and the JSON ones with pydantic too."""
    rows = []
    for case in found:
        ours = run("runstrength", case, timeout=timeout)
        peer = run("pydantic", case, timeout=timeout) if case.format == "json" else None
        rows.append(Row(case, ours, peer))
        if echo:
            print(f"  {case.format:4}  {case.name}: {ours.described}, {ours.seconds:.2f} s", flush=True)
    return rows


def table(rows: Sequence[Row]) -> str:
    """The results as a text table, each missed target named after its row."""
    width = max(len(row.case.name) for row in rows)
    lines = [
        (
            f"{'case':{width}}  {'fmt':4}  {'bytes':>8}  {'outcome':24}  {'s':>6}  {'cpu s':>6}  {'MB':>5}  "
            f"{'pydantic cpu s':>14}  {'ratio':>6}"
        )
    ]
    for row in rows:
        peer = f"{'':14}"
        if row.peer:
            peer = (
                f"{row.peer.cpu:14.3f}"
                if row.peer.outcome != "timeout"
                else f"{'> ' + str(row.peer.seconds):>14}"
            )
        ratio = f"{row.ratio:6.1f}" if row.ratio is not None else f"{'':6}"
        over = f"  <- {', '.join(row.over)}" if row.over else ""
        lines.append(
            f"{row.case.name:{width}}  {row.case.format:4}  {len(row.case.text.encode()):8}  "
            f"{row.ours.described[:24]:24}  {row.ours.seconds:6.2f}  {row.ours.cpu:6.2f}  "
            f"{row.ours.peak_mb:5.0f}  {peer}  {ratio}{over}"
        )
    return "\n".join(lines)


def worst(rows: Sequence[Row]) -> str:
    """The slowest, the largest and the worst-compared case."""
    answered = [r for r in rows if r.ours.outcome != "timeout"]
    slowest = max(answered or rows, key=lambda r: r.ours.cpu)
    largest = max(rows, key=lambda r: r.ours.peak_mb)
    compared = [r for r in rows if r.ratio is not None and r.ours.cpu >= RATIO_FLOOR]
    lines = [
        (
            f"slowest answered: {slowest.ours.cpu:.2f} s processor time ({slowest.ours.seconds:.2f} s wall "
            f"clock), {slowest.case.name} ({slowest.case.format}); target ≤ {MAX_SECONDS:g} s"
        ),
        (
            f"largest: {largest.ours.peak_mb:.0f} MB, {largest.case.name} ({largest.case.format}); "
            f"target ≤ {MAX_MB:g} MB"
        ),
    ]
    if compared:
        ratio = max(compared, key=lambda r: r.ratio or 0.0)
        lines.append(
            f"worst against pydantic: {ratio.ratio:.1f}×, {ratio.case.name}; target ≤ {MAX_RATIO:g}× "
            f"(judged where runstrength takes {RATIO_FLOOR:g} s or more)"
        )
    unanswered = [f"{r.case.name} ({r.case.format})" for r in rows if r.ours.outcome == "timeout"]
    if unanswered:
        lines.append(f"no answer within the time allowed: {len(unanswered)}: {'; '.join(unanswered)}")
    missed = sum(bool(r.over) for r in rows)
    lines.append(f"cases missing a target: {missed} of {len(rows)}")
    return "\n".join(lines)


def findings(rows: Sequence[Row]) -> list[str]:
    """Every case where runstrength raised anything but a ``ValidationError``."""
    return [
        f"FINDING: {row.case.name} ({row.case.format}) raised {row.ours.error}"
        for row in rows
        if row.ours.outcome == "error"
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every case and print the table; 1 when runstrength raised anything but a ValidationError."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small documents, to check the script")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per document (default 120)")
    parser.add_argument("--format", choices=FORMATS, action="append", help="only this format (repeatable)")
    parser.add_argument("--only", metavar="TEXT", help="only the cases whose name contains TEXT")
    parser.add_argument("--child", nargs=3, metavar=("READER", "FORMAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)

    found = [
        case
        for case in cases(quick=args.quick)
        if case.format in (args.format or FORMATS) and (args.only or "") in case.name
    ]
    print(f"Reading {len(found)} adversarial documents, each in a fresh interpreter", flush=True)
    rows = measure(found, timeout=args.timeout, echo=True)
    print()
    print(table(rows), end="\n\n")
    print(worst(rows))
    loud = findings(rows)
    for line in loud:
        print("!" * 8, line, file=sys.stderr)
        print("!" * 8, line)
    return 1 if loud else 0


if __name__ == "__main__":
    sys.exit(main())
