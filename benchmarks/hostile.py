"""Run many generated hostile documents through every front end and print the counts by outcome.

``python benchmarks/hostile.py [--count N] [--seed S]`` feeds N hostile documents (built-in
workouts with hostile changes, see ``tests/_hostile.py``) to each front end — ``from_dict``,
``loads`` in JSON, YAML and TOML, ``load``, the constructor, ``validate_many`` and the
command line — and runs every exporter on every workout accepted. It prints, per front end,
how many were accepted (and exported), refused with a ValidationError, or not writable in
that format. Its findings are anything else that escaped, and any workout accepted from a
document with a key the schema does not name or a value the workout does not hold (lost on
the way). ``tests/test_hostile.py`` runs the same generator on a small budget.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _hostile import (
    CHANGE_KINDS,
    FRONT_ENDS,
    FrontEnd,
    changed_values,
    export_everything,
    hostile_document,
    keys_not_in_schema,
)
from runstrength import ValidationError, Workout


def main() -> int:
    """Print the counts; exit 1 if anything but a ValidationError escaped."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="documents per front end (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    args = parser.parse_args()
    findings: list[str] = []
    by_change: dict[str, Counter[str]] = {kind: Counter() for kind in CHANGE_KINDS}
    print(f"{'front end':24} {'accepted':>9} {'refused':>9} {'n/a':>6} {'other':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, front_end in FRONT_ENDS.items():
            counts: Counter[str] = Counter()
            for seed in range(args.seed, args.seed + args.count):
                changes: list[str] = []
                document = hostile_document(random.Random(seed), changes)
                try:
                    outcome = _outcome(front_end, document, folder)
                except Exception:  # noqa: BLE001 - every other exception is a finding
                    outcome = "other"
                    findings.append(f"{name}, seed {seed}:\n{traceback.format_exc(limit=4)}")
                counts[outcome] += 1
                for kind in set(changes):
                    by_change[kind][outcome] += 1
            _row(name, counts)
    print(f"\n{'class of change':24} {'accepted':>9} {'refused':>9} {'n/a':>6} {'other':>6}")
    for kind, counts in by_change.items():
        _row(kind, counts)
    total = args.count * len(FRONT_ENDS)
    print(f"\n{total} documents, {len(findings)} findings")
    for finding in findings[:20]:
        print(finding)
    return 1 if findings else 0


def _outcome(front_end: FrontEnd, document: dict[Any, Any], folder: Path) -> str:
    """What one front end made of one document: accepted (and exported), refused, or n/a."""
    try:
        result = front_end(document, folder)
    except ValidationError:
        return "refused"
    if isinstance(result, Workout):
        if unknown := keys_not_in_schema(document):
            msg = f"accepted with keys the schema does not name: {sorted(map(repr, unknown))}"
            raise AssertionError(msg)
        if changed := changed_values(document, result):
            msg = f"accepted with values changed or lost at {changed}"
            raise AssertionError(msg)
        export_everything(result, folder)
        return "accepted"
    if result is None:
        return "n/a"
    return "accepted" if result == 0 else "refused"


def _row(name: str, counts: Counter[str]) -> None:
    print(f"{name:24} {counts['accepted']:9} {counts['refused']:9} {counts['n/a']:6} {counts['other']:6}")


if __name__ == "__main__":
    sys.exit(main())
