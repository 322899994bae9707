"""Validate every workout document in a folder and report each problem with its path.

    python examples/validate_folder.py FOLDER [--jobs N]

Looks for ``.json``, ``.yaml``, ``.yml`` and ``.toml`` files in FOLDER and its subfolders,
prints ``FILE: OK`` for each valid one and every problem of each invalid one (format by
format), then a count. Exits with status 1 when any document is invalid, so it can gate a CI job.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import runstrength

Format = Literal["json", "yaml", "toml"]
SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


def documents(folder: Path) -> dict[Format, list[Path]]:
    """The folder's workout documents, grouped by format, in name order."""
    found: dict[Format, list[Path]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            found.setdefault(SUFFIXES[path.suffix.lower()], []).append(path)
    return found


def report(paths: list[Path], fmt: Format, jobs: int) -> Iterator[bool]:
    """Validate documents of one format; print and yield whether each is valid."""
    texts = (path.read_bytes() for path in paths)  # read lazily, as the results are consumed
    for result in runstrength.validate_many(texts, format=fmt, jobs=jobs):
        path = paths[result.index]
        if result.ok:
            print(f"{path}: OK")
        else:
            print(f"{path}: {len(result.problems)} problem{'s' if len(result.problems) > 1 else ''}")
            for problem in result.problems:
                print(f"  {problem.path}: {problem.reason}")
        yield result.ok


def main(argv: list[str] | None = None) -> int:
    """Validate the folder given on the command line."""
    parser = argparse.ArgumentParser(description="Validate every workout document in a folder.")
    parser.add_argument("folder", type=Path, help="the folder to search (subfolders too)")
    parser.add_argument("--jobs", type=int, default=1, help="processes to validate with (default 1)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    valid = invalid = 0
    for fmt, paths in documents(args.folder).items():
        try:
            for ok in report(paths, fmt, args.jobs):
                valid += ok
                invalid += not ok
        except runstrength.MissingExtraError as error:  # YAML files without PyYAML installed
            print(f"skipped {len(paths)} {fmt} files: {error}", file=sys.stderr)
            invalid += len(paths)
    print(f"{valid} valid, {invalid} invalid")
    return 1 if invalid else 0


if __name__ == "__main__":
    # A reader that stops early (`| head`) ends the script quietly, as it does any shell tool.
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    raise SystemExit(main())
