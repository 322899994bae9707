"""Run many generated hostile documents through every front end and print the counts by outcome.

``python benchmarks/hostile.py [--count N] [--seed S]`` feeds N hostile documents (built-in
workouts with hostile changes, see ``tests/_hostile.py``) to each front end — ``from_dict``,
``loads`` in JSON, YAML and TOML, ``load``, the constructor, ``validate_many`` and the
command line — and runs every exporter on every workout accepted. It prints, per front end,
how many were accepted (and exported), refused with a ValidationError, or not writable in that
format, and lists anything else that escaped: the suite's findings. ``tests/test_hostile.py``
runs the same generator on a small budget.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _hostile import FRONT_ENDS, export_everything, hostile_document
from runstrength import ValidationError, Workout


def main() -> int:
    """Print the counts; exit 1 if anything but a ValidationError escaped."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="documents per front end (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    args = parser.parse_args()
    findings: list[str] = []
    print(f"{'front end':16} {'accepted':>9} {'refused':>9} {'n/a':>6} {'other':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, front_end in FRONT_ENDS.items():
            counts: Counter[str] = Counter()
            for seed in range(args.seed, args.seed + args.count):
                document = hostile_document(random.Random(seed))
                try:
                    result = front_end(document, folder)
                    if isinstance(result, Workout):
                        export_everything(result, folder)
                        counts["accepted"] += 1
                    elif result is None:
                        counts["n/a"] += 1
                    else:
                        counts["accepted" if result == 0 else "refused"] += 1
                except ValidationError:
                    counts["refused"] += 1
                except Exception:  # noqa: BLE001 - every other exception is a finding
                    counts["other"] += 1
                    findings.append(f"{name}, seed {seed}:\n{traceback.format_exc(limit=4)}")
            accepted, refused = counts["accepted"], counts["refused"]
            print(f"{name:16} {accepted:9} {refused:9} {counts['n/a']:6} {counts['other']:6}")
    total = args.count * len(FRONT_ENDS)
    print(f"\n{total} documents, {len(findings)} findings")
    for finding in findings[:20]:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
