"""Time another revision's ``loads`` beside this tree's, on the same texts and against the same peer.

Run ``python benchmarks/bench_revision.py REV`` in a clone (with the ``bench`` extra installed)
to see how a change moved ``loads`` against the strict pydantic peer: the ratio before and
after, per built-in workout, with its median and worst. ``REV`` is anything git names
(``v0.1.0``, a commit, ``main~5``). It is exported into a temporary folder and installed in a
virtual environment of its own, made from this interpreter, with this environment's attrs,
cattrs and jiter (when installed), so the two sides differ in runstrength alone.

Every built-in workout is written by this tree's ``dumps``; a text the revision refuses is
left out and named. Each round runs, in fresh processes one after another, the revision's
``loads``, this tree's ``loads`` and the peer's ``model_validate_json``, each on every text;
the best of the rounds is kept, so a machine that slows down for a while slows each side
alike. ``--stdlib`` sets ``RUNSTRENGTH_NO_JITER=1`` on both sides (revisions older than the
``fast`` extra always parse with the standard library).

The script imports nothing outside the standard library until it needs to: the revision's
side runs this file with the revision's interpreter (``--worker``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import timeit
import venv
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from importlib import metadata
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Timings = dict[str, float | None]
"""Microseconds per call by workout; ``None`` where the text was refused."""
SIDES = ("revision", "this tree", "pydantic")
SHARED = ("attrs", "cattrs", "jiter")
"""What the revision's environment gets at this environment's versions (those installed)."""


def time_reader(reader: str, texts: Mapping[str, str], *, number: int, repeat: int) -> Timings:
    """Best processor time of ``repeat`` runs of ``number`` calls per text, in µs per call.

    ``reader``: ``"loads"`` (the runstrength installed in this interpreter) or ``"pydantic"``
    (the peer, from this folder). Not `bench_document.best_micros`: importing that script
    imports this tree's peer, which the revision's runstrength may not be able to serve.
    """
    read: Callable[[str], object]
    if reader == "pydantic":
        sys.path.insert(0, str(HERE))
        from _pydantic_peer import Workout  # noqa: PLC0415 - only on the peer's side

        read = Workout.model_validate_json
    else:
        from runstrength import loads  # noqa: PLC0415 - whichever runstrength is installed

        read = loads

    timings: Timings = {}
    for name, text in texts.items():
        try:
            read(text)
        except ValueError:  # runstrength's ValidationError and pydantic's are both ValueErrors
            timings[name] = None
            continue
        best = min(timeit.repeat(partial(read, text), number=number, repeat=repeat, timer=time.process_time))
        timings[name] = best / number * 1e6
    return timings


class StepError(Exception):
    """A step that failed (exporting, installing, timing), with what its command said."""


def run(what: str, command: Sequence[str], **options: Any) -> bytes:
    """The output of ``command``; `StepError` saying it could not ``what`` when it fails."""
    done = subprocess.run(command, capture_output=True, check=False, **options)  # noqa: S603 - our commands
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip() or f"exit status {done.returncode}"
        raise StepError(f"cannot {what}: {said}")
    output: bytes = done.stdout
    return output


def export(repository: Path, revision: str, destination: Path) -> None:
    """The files of ``revision`` in ``repository``, written under ``destination``."""
    git = ["git", "-C", str(repository), "archive", "--format=tar", revision]
    archive = run(f"export {revision}", git)
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")


def shared_requirements() -> list[str]:
    """This environment's versions of what both sides share (`SHARED`), those installed."""
    found = []
    for name in SHARED:
        with contextlib.suppress(metadata.PackageNotFoundError):  # not installed: not shared
            found.append(f"{name}=={metadata.version(name)}")
    return found


def install(source: Path, environment: Path) -> Path:
    """A virtual environment at ``environment`` holding ``source``: its interpreter."""
    venv.create(environment, with_pip=True)
    python = environment / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(f"install {source}", [str(python), "-m", "pip", "install", "-q", str(source), *shared_requirements()])
    return python


def run_worker(
    python: Path | str, reader: str, texts_file: Path, env: Mapping[str, str], options: Sequence[str]
) -> Timings:
    """`time_reader` in a fresh process of ``python`` (``options``: ``--number`` and ``--repeat``)."""
    command = [str(python), __file__, "--worker", reader, str(texts_file), *options]
    # Run from the texts' folder, not this clone: the revision's side must import its own runstrength.
    output = run(f"time {reader} with {python}", command, env=dict(env), cwd=texts_file.parent)
    timings: Timings = json.loads(output)
    return timings


def best_of(rounds: Sequence[Timings]) -> Timings:
    """Each workout's best time over the rounds (``None`` if any round refused it)."""
    best: Timings = {}
    for name in rounds[0]:
        values = [found[name] for found in rounds]
        best[name] = None if any(v is None for v in values) else min(v for v in values if v is not None)
    return best


def report(timings: Mapping[str, Timings]) -> str:
    """A table of each side's µs per call and its ratio to pydantic, then medians and worsts.

    A workout refused by any side is named below the table instead.
    """
    revision, ours, peer = (timings[side] for side in SIDES)
    names = [n for n in peer if all(timings[side].get(n) is not None for side in SIDES)]
    refused = [n for n in peer if n not in names]
    ratios: dict[str, dict[str, float]] = {"revision": {}, "this tree": {}}
    for name in names:
        base = peer[name] or math.nan
        ratios["revision"][name] = (revision[name] or math.nan) / base
        ratios["this tree"][name] = (ours[name] or math.nan) / base
    width = max((len(n) for n in names), default=8)
    lines = [
        "loads against pydantic model_validate_json (ratio: × pydantic), µs per call",
        f"{'':{width}}  {'revision':>9}  {'ratio':>6}  {'this tree':>9}  {'ratio':>6}  {'pydantic':>9}",
    ]
    lines += [
        f"{n:{width}}  {revision[n]:9.1f}  {ratios['revision'][n]:6.2f}"
        f"  {ours[n]:9.1f}  {ratios['this tree'][n]:6.2f}  {peer[n]:9.1f}"
        for n in names
    ]
    for side, found in ratios.items():
        if found:
            worst = max(found, key=found.__getitem__)
            lines.append(
                f"{side}: median {statistics.median(found.values()):.2f}, worst {found[worst]:.2f} ({worst})"
            )
    if refused:
        lines.append("left out (refused by a side): " + ", ".join(refused))
    return "\n".join(lines)


def compare(
    revision: str, *, rounds: int, options: Sequence[str], env: Mapping[str, str]
) -> dict[str, Timings]:
    """Each side's best timings over ``rounds`` turns, ``revision`` installed in a temporary folder."""
    import bench_document  # noqa: PLC0415 - this tree's side only: the worker imports nothing of ours

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(bench_document.catalogue_texts()), encoding="utf-8")
        export(HERE.parent, revision, work / "source")
        print(f"Installing {revision} in a virtual environment of its own…", file=sys.stderr)
        theirs = install(work / "source", work / "venv")
        runs: dict[str, list[Timings]] = {side: [] for side in SIDES}
        for _ in range(rounds):
            for side, python, reader in (
                ("revision", theirs, "loads"),
                ("this tree", sys.executable, "loads"),
                ("pydantic", sys.executable, "pydantic"),
            ):
                runs[side].append(run_worker(python, reader, texts_file, env, options))
    return {side: best_of(found) for side, found in runs.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Compare a revision's ``loads`` with this tree's, or (``--worker``) time one side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("revision", nargs="?", help="what git names: a tag, a commit, main~5")
    parser.add_argument("--rounds", type=int, default=3, help="turns of the three sides (default 3)")
    parser.add_argument("--number", type=int, default=100, help="calls per timing run (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs per process (default 5)")
    parser.add_argument("--stdlib", action="store_true", help="both sides without jiter")
    parser.add_argument("--worker", nargs=2, metavar=("READER", "TEXTS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        reader, texts_file = args.worker
        texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
        print(json.dumps(time_reader(reader, texts, number=args.number, repeat=args.repeat)))
        return 0
    if args.revision is None:
        parser.error("name a revision to compare with")

    env = dict(os.environ)
    if args.stdlib:
        env["RUNSTRENGTH_NO_JITER"] = "1"
    options = [f"--number={args.number}", f"--repeat={args.repeat}"]
    try:
        timings = compare(args.revision, rounds=args.rounds, options=options, env=env)
    except StepError as error:  # what git, pip or the worker said: no traceback
        print(error, file=sys.stderr)
        return 2
    print(
        f"{args.revision} against this tree, Python {sys.version.split()[0]}"
        f"{' (stdlib JSON on both sides)' if args.stdlib else ''}, best of {args.rounds} rounds\n"
    )
    print(report(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
