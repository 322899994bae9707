"""Benchmark batch validation: a catalogue of workouts in JSON Lines, checked with one and two jobs.

Run ``python benchmarks/bench_batch.py`` to build a catalogue of 10 000 workouts (the built-in
workout with varied titles, doses, rounds and cues, about 5 % of them broken on purpose), write
it to a temporary JSON Lines file, and print how many workouts per second
``runstrength.validate_many`` reads and checks from that file with each number of processes,
keeping each workout or only the problems (``with_workouts=False``).
The catalogue is the same on every run: it comes from a seeded random generator.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import runstrength
from runstrength._batch import read_jsonl

BUILT_IN = "upper-body-for-runners"


# --- the catalogue -------------------------------------------------------------------------


def _mappings(value: Any) -> Iterator[dict[str, Any]]:
    """Every mapping of a document, outermost first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _mappings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _mappings(item)


def _vary(document: dict[str, Any], rng: random.Random, number: int) -> None:
    """Change a valid document into another valid one: title, doses, rounds and cues."""
    document["title"] = f"{document['title']} #{number}"
    for mapping in _mappings(document):
        if type(mapping.get("reps")) is int:
            mapping["reps"] = rng.randint(5, 15)
        if type(mapping.get("seconds")) is int:
            mapping["seconds"] = rng.randrange(20, 65, 5)
        if type(mapping.get("rounds")) is int:
            mapping["rounds"] = rng.randint(1, 5)
        if "cues" in mapping and rng.random() < 0.3:
            del mapping["cues"]


def _first_reps(document: dict[str, Any]) -> dict[str, Any]:
    return next(mapping for mapping in _mappings(document) if type(mapping.get("reps")) is int)


def _first_exercise(document: dict[str, Any]) -> dict[str, Any]:
    return next(mapping for mapping in _mappings(document) if "dose" in mapping)


# Each breaks one rule, the way a hand-written document goes wrong.
BREAKAGES: tuple[Callable[[dict[str, Any]], object], ...] = (
    lambda doc: _first_reps(doc).update(reps=0),
    lambda doc: _first_reps(doc).update(reps="8"),
    lambda doc: _first_reps(doc).update(reps=8.5),
    lambda doc: _first_exercise(doc).update(rpes=8),
    lambda doc: doc["blocks"][1].update(name=doc["blocks"][0]["name"]),
    lambda doc: doc.pop("title"),
    lambda doc: doc.update(rest_between_sets={"seconds": {"min": 90, "max": 60}}),
    lambda doc: _first_exercise(doc).update(tempo="0-0-0-0"),
)


def catalogue(count: int, *, seed: int = 1, invalid_share: float = 0.05) -> Iterator[str]:
    """``count`` workout documents, one compact JSON text each; the same for the same seed.

    Exactly ``round(count * invalid_share)`` of them, at seeded places, break one rule each.
    """
    rng = random.Random(seed)
    base = json.dumps(runstrength.to_dict(runstrength.catalog.get(BUILT_IN)))
    broken = set(rng.sample(range(count), round(count * invalid_share)))
    for number in range(count):
        document = json.loads(base)
        _vary(document, rng, number)
        if number in broken:
            rng.choice(BREAKAGES)(document)
        yield json.dumps(document, ensure_ascii=False)


def write_catalogue(path: Path, count: int, *, seed: int = 1, invalid_share: float = 0.05) -> int:
    """Write the catalogue as JSON Lines; the number of bytes written."""
    with path.open("w", encoding="utf-8") as file:
        for line in catalogue(count, seed=seed, invalid_share=invalid_share):
            file.write(line + "\n")
    return path.stat().st_size


# --- measurement -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """One run of the batch over the whole catalogue."""

    jobs: int
    with_workouts: bool
    workouts: int
    invalid: int
    seconds: float
    main_cpu_seconds: float
    """CPU time of the process that reads the file and gathers the results (not the workers')."""

    @property
    def per_second(self) -> float:
        """Workouts read and validated per second."""
        return self.workouts / self.seconds


def measure(path: Path, *, jobs: int, chunk_size: int = 64, with_workouts: bool = True) -> Figures:
    """Read and validate every line of a JSON Lines file, timing the whole run."""
    started, cpu_started = time.perf_counter(), time.process_time()
    workouts = invalid = 0
    texts = (text for _, text in read_jsonl(path))
    results = runstrength.validate_many(texts, jobs=jobs, chunk_size=chunk_size, with_workouts=with_workouts)
    for result in results:
        workouts += 1
        invalid += not result.ok
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return Figures(jobs, with_workouts, workouts, invalid, seconds, cpu_seconds)


def report(runs: Sequence[Figures]) -> str:
    """A text table of the runs, each with its speed-up over the first."""
    base = runs[0].per_second
    header = ("jobs", "workouts kept", "seconds", "workouts/s", "speed-up", "main CPU s")
    w = [max(4, len(name)) for name in header]
    lines = ["  ".join(f"{name:>{width}}" for name, width in zip(header, w, strict=True))]
    lines += [
        f"{run.jobs:>{w[0]}}  {'yes' if run.with_workouts else 'no':>{w[1]}}  {run.seconds:{w[2]}.2f}  "
        f"{run.per_second:{w[3]}.0f}  {run.per_second / base:{w[4]}.2f}  {run.main_cpu_seconds:{w[5]}.2f}"
        for run in runs
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the catalogue, validate it with each number of jobs, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10_000, help="workouts in the catalogue (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the catalogue (default 1)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts (default 1 2)")
    parser.add_argument("--chunk-size", type=int, default=64, help="documents per task (default 64)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.jsonl"
        size = write_catalogue(path, args.count, seed=args.seed)
        print(f"Catalogue: {args.count} workouts, {size / 1e6:.1f} MB of JSON Lines\n")
        runs = [
            measure(path, jobs=jobs, chunk_size=args.chunk_size, with_workouts=keep)
            for keep in (True, False)
            for jobs in args.jobs
        ]
    invalid = {run.invalid for run in runs}
    print(report(runs))
    print(f"\nInvalid workouts found: {', '.join(map(str, sorted(invalid)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
