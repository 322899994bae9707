"""Benchmark what refusing a document costs, next to reading the same document when it is valid.

Run ``python benchmarks/bench_rejection.py`` (with the ``bench`` extra installed).  Each case
is a valid JSON document and a copy with bad values; both are read with ``runstrength.loads``
and with the strict pydantic peer, best of several repeats, and the table shows what
refusing costs as a multiple of accepting (target: at most `TARGET` times):

- ``one bad leaf``: the built-in workout ``upper-body-for-runners`` with one bad value at its
  deepest level (a modification's dose: reps ``0``, or reps written ``"8"``);
- ``many bad leaves``: a document of about 2 MB, 50 blocks of 100 exercises, every one of
  them with reps written ``"8"`` (5000 problems).

Why refusing costs about twice: counted with callgrind on the first case, refusing executes
1.5 times the instructions of accepting (the fast pass up to the bad value, the collecting
pass over the parts still unread and the path to it, and finding the value's line and column
in the text, which re-scans the text before it). The rest of the gap is code that runs once
per refusal: callgrind's cache and branch simulation counts twice the instruction-cache misses
and mispredicted branches per call, which a processor pays for in time, not instructions.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import _pydantic_peer as peer
import pydantic

import runstrength

TARGET = 2.0
"""Refusing a document may cost at most this many times reading it when valid."""

BUILT_IN = "upper-body-for-runners"
SIZE = 2_000_000
"""About how many bytes the large document has (the documented limit is 2 MiB)."""


@dataclass(frozen=True)
class Case:
    """A document, valid and with bad values, as JSON text."""

    name: str
    valid: str
    invalid: str


@dataclass(frozen=True)
class Result:
    """What reading a case's two texts cost, in seconds per call (best of the repeats)."""

    case: Case
    problems: int
    """How many problems runstrength reported for the invalid text."""
    accept: float
    reject: float
    peer_accept: float
    peer_reject: float

    @property
    def ratio(self) -> float:
        """Refusing as a multiple of accepting, for runstrength."""
        return self.reject / self.accept

    @property
    def peer_ratio(self) -> float:
        """Refusing as a multiple of accepting, for pydantic."""
        return self.peer_reject / self.peer_accept


# --- documents ---------------------------------------------------------------------------


def _deepest_modified_dose(data: dict[str, Any]) -> dict[str, Any]:
    """The dose of the first modification that has one (the deepest values of a workout)."""
    for block in data["blocks"]:
        for item in block["items"]:
            for exercise in item.get("exercises", [item]):
                for modification in exercise.get("modifications", []):
                    if "dose" in modification:
                        dose: dict[str, Any] = modification["dose"]
                        return dose
    raise LookupError("no modification with a dose")


def one_bad_leaf() -> list[Case]:
    """The built-in workout, with one bad value in a modification's dose."""
    data = runstrength.to_dict(runstrength.catalog.get(BUILT_IN))
    valid = json.dumps(data)
    zero = copy.deepcopy(data)
    reps = _deepest_modified_dose(zero)["reps"]
    if isinstance(reps, dict):
        reps["min"] = 0
    else:
        _deepest_modified_dose(zero)["reps"] = 0
    text = copy.deepcopy(data)
    _deepest_modified_dose(text)["reps"] = "8"
    return [
        Case("one bad leaf: reps 0", valid, json.dumps(zero)),
        Case('one bad leaf: reps "8"', valid, json.dumps(text)),
    ]


def many_bad_leaves(size: int = SIZE, blocks: int = 50, items: int = 100) -> Case:
    """About ``size`` bytes of JSON: ``blocks`` blocks of ``items`` exercises, each one bad in the copy."""
    overhead = len(json.dumps(_large(blocks, items, [], 8)))
    padding = max(1, (size - overhead) // (blocks * items))
    # Cues of at most 400 characters (the rule allows 500), as many as fill the padding.
    cue = ("Keep the movement slow and even. " * 13)[: min(padding, 400)].strip()
    cues = [cue] * max(1, min(30, round(padding / (len(cue) + 4))))
    return Case(
        f"many bad leaves: {blocks * items} reps written as text",
        json.dumps(_large(blocks, items, cues, 8)),
        json.dumps(_large(blocks, items, cues, "8")),
    )


def _large(blocks: int, items: int, cues: list[str], reps: object) -> dict[str, Any]:
    exercise: Callable[[int, int], dict[str, Any]] = lambda b, i: {  # noqa: E731
        "name": f"Exercise {b}.{i}",
        "dose": {"reps": reps},
        **({"cues": cues} if cues else {}),
    }
    return {
        "schema_version": 1,
        "title": "Large",
        "blocks": [
            {"name": f"Block {b}", "items": [exercise(b, i) for i in range(items)]} for b in range(blocks)
        ],
    }


# --- measurements ------------------------------------------------------------------------


def _best(calls: Sequence[Callable[[], object]], *, number: int, repeat: int) -> list[float]:
    """The best of ``repeat`` runs of ``number`` calls of each, in processor seconds per call.

    The calls take turns, run after run, so a machine that slows down or speeds up during the
    measurement weighs on every one of them alike; one untimed call of each warms up first.
    """
    for call in calls:
        call()
    best = [math.inf] * len(calls)
    for _ in range(repeat):
        for index, call in enumerate(calls):
            seconds = timeit.timeit(call, number=number, timer=time.process_time) / number
            best[index] = min(best[index], seconds)
    return best


def _refused(read: Callable[[str], object], text: str, error: type[Exception]) -> Callable[[], object]:
    def call() -> object:
        try:
            read(text)
        except error as refused:
            return refused
        raise AssertionError("the invalid document was accepted")

    return call


def measure(case: Case, *, number: int, repeat: int) -> Result:
    """Time reading the case's valid and invalid text with runstrength and with pydantic."""
    try:
        runstrength.loads(case.invalid)
    except runstrength.ValidationError as error:
        problems = len(error.problems)
    else:
        raise AssertionError(f"{case.name}: the invalid document was accepted")
    model = peer.Workout.model_validate_json
    accept, reject, peer_accept, peer_reject = _best(
        [
            lambda: runstrength.loads(case.valid),
            _refused(runstrength.loads, case.invalid, runstrength.ValidationError),
            lambda: model(case.valid),
            _refused(model, case.invalid, pydantic.ValidationError),
        ],
        number=number,
        repeat=repeat,
    )
    return Result(case, problems, accept, reject, peer_accept, peer_reject)


# --- report ------------------------------------------------------------------------------


def table(results: Sequence[Result]) -> str:
    """A text table: per case, runstrength's and pydantic's costs to accept and to refuse."""
    width = max(len(r.case.name) for r in results)
    lines = [
        (
            f"{'':{width}}  {'bytes':>9}  {'problems':>8}  {'accept ms':>9}  {'reject ms':>9}  {'ratio':>7}"
            f"  {'pydantic accept':>15}  {'reject':>8}  {'ratio':>6}"
        ),
    ]
    lines += [
        f"{r.case.name:{width}}  {len(r.case.invalid.encode()):9}  {r.problems:8}  {r.accept * 1e3:9.2f}"
        f"  {r.reject * 1e3:9.2f}  {r.ratio:7.2f}  {r.peer_accept * 1e3:15.2f}  {r.peer_reject * 1e3:8.2f}"
        f"  {r.peer_ratio:6.2f}"
        for r in results
    ]
    worst = max(results, key=lambda r: r.ratio)
    verdict = "met" if worst.ratio <= TARGET else "NOT MET"
    lines.append(
        f"worst reject / accept: {worst.ratio:.2f} ({worst.case.name}); target ≤ {TARGET:g}: {verdict}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the cases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--number", type=int, default=200, help="calls per run, small cases (default 200)")
    parser.add_argument("--repeat", type=int, default=7, help="runs, best kept (default 7)")
    parser.add_argument("--large-repeat", type=int, default=5, help="runs of the large case (default 5)")
    parser.add_argument("--size", type=int, default=SIZE, help=f"bytes of the large case (default {SIZE})")
    args = parser.parse_args(argv)

    results = [measure(case, number=args.number, repeat=args.repeat) for case in one_bad_leaf()]
    large = many_bad_leaves(args.size)
    results.append(measure(large, number=1, repeat=args.large_repeat))
    print("Refusing a document next to reading it when valid (JSON, best of the repeats)\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
