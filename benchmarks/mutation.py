"""A sampled mutation test: do the tests notice when the core modules' logic changes?

Run ``python benchmarks/mutation.py`` from the repository.  It finds every place in the core
modules where a small change of logic is possible (a comparison turned around, a whole
number off by one, ``and`` for ``or``, a ``not`` dropped, a returned value replaced by
``None``, a statement removed, the branches of an ``if`` swapped), samples ``--count`` of
them with ``--seed``, and for each one copies ``src/`` to a temporary folder, applies that
one change there, and runs a quick, relevant part of the test suite against the copy (first
on ``PYTHONPATH``).  The repository's own files are never written.

A mutant is *killed* when the tests fail, *survives* when they pass (a finding: the tests
do not pin that behaviour down, or the change makes no difference), and *times out* when
the tests take longer than ``--timeout`` seconds (often an endless loop: counted as caught,
but listed).  ``--budget`` stops starting mutants after that many seconds; the mutants are
tested in the order drawn, so a run cut short still reports on a random sample.  The report
lists every survivor with its file, line and diff, and the kill rate.  Before any mutant,
the unchanged copy must pass the same tests, so a failure is the mutant's doing.
"""

from __future__ import annotations

import argparse
import ast
import copy
import difflib
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: the source tree under ``src/`` and the tests under ``tests/``."""

CORE = (
    "src/runstrength/_spec/rules.py",
    "src/runstrength/_spec/validated.py",
    "src/runstrength/_values.py",
    "src/runstrength/_model.py",
    "src/runstrength/_timeline.py",
    "src/runstrength/_plan.py",
)
"""The modules mutated, relative to the repository (those that do not exist are skipped)."""

TESTS = (
    "tests/test_contract.py",
    "tests/test_rules.py",
    "tests/test_plan.py",
    "tests/test_model.py",
    "tests/test_values.py",
    "tests/test_document.py",
    "tests/test_timeline.py",
    "tests/test_timeline_properties.py",
    "tests/test_notebook.py",
    "tests/test_pacing.py",
    "tests/test_sides.py",
    "tests/test_rests_and_intervals.py",
    "tests/test_timed.py",
    "tests/test_levels.py",
    "tests/test_efforts.py",
    "tests/test_properties.py",
    "tests/test_compiled.py",
    "tests/test_limits.py",
)
"""The tests run against each mutant."""

PYTEST_OPTIONS = (
    "-x",
    "-q",
    "-n0",
    "-p",
    "no:randomly",
    "-p",
    "no:cacheprovider",
    "--hypothesis-profile=dev",
)
"""Stop at the first failure, one process (mutants already run side by side), dev examples."""

_SWAPPED_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}


@dataclass(frozen=True)
class Mutant:
    """One small change to one module: where it is, and what it does."""

    path: str
    """The module, relative to the repository."""
    line: int
    kind: str
    """What the change does, such as ``"< → <="``."""
    index: int
    """Which of the module's candidate changes this is, in the order `candidates` finds them."""


@dataclass(frozen=True)
class Outcome:
    """What the tests made of one mutant."""

    mutant: Mutant
    status: str
    """``killed``, ``survived``, ``timeout`` or ``error`` (the module no longer compiles)."""
    seconds: float
    diff: str
    failure: str = ""
    """The last lines of the test output, for killed mutants."""


# --- finding and applying changes ---------------------------------------------------------


def _docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


Change = tuple[ast.AST, str, Callable[[ast.Module], None]]
"""A candidate change: the node it is at, what it does, and how to make it to the tree."""


def _changes(tree: ast.Module) -> Iterator[Change]:
    """Every candidate change in ``tree``, in a fixed order."""
    for node in ast.walk(tree):
        yield from _changes_at(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            body = [statement for statement in node.body if not _docstring(statement)]
            if len(body) > 1:
                for statement in body:
                    yield statement, "statement removed", _removal(node, statement)


def _changes_at(node: ast.AST) -> Iterator[Change]:  # noqa: C901 - one branch per kind of change
    """The changes of one expression or statement (a statement's removal aside)."""
    if isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            if type(op) in _SWAPPED_COMPARISONS:
                new = _SWAPPED_COMPARISONS[type(op)]
                yield node, f"{_symbol(op)} → {_symbol(new())}", _comparison(node, position, new)
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        for step in (1, -1):
            yield node, f"{node.value} → {node.value + step}", _constant(node, node.value + step)
    elif isinstance(node, ast.BoolOp):
        kind = "and → or" if isinstance(node.op, ast.And) else "or → and"
        yield (
            node,
            kind,
            lambda _: setattr(node, "op", ast.Or() if isinstance(node.op, ast.And) else ast.And()),
        )
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield node, "not x → x", lambda tree: _replace(tree, node, node.operand)
    elif isinstance(node, ast.Return) and node.value is not None:
        if not (isinstance(node.value, ast.Constant) and node.value.value is None):
            yield node, "return x → return None", lambda _: setattr(node, "value", ast.Constant(None))
    elif isinstance(node, ast.If) and node.orelse:
        yield node, "if branches swapped", lambda _: _swap(node)


def _comparison(node: ast.Compare, position: int, new: type[ast.cmpop]) -> Callable[[ast.Module], None]:
    def change(_: ast.Module) -> None:
        node.ops[position] = new()

    return change


def _constant(node: ast.Constant, value: int) -> Callable[[ast.Module], None]:
    return lambda _: setattr(node, "value", value)


def _removal(
    function: ast.FunctionDef | ast.AsyncFunctionDef, statement: ast.stmt
) -> Callable[[ast.Module], None]:
    def change(_: ast.Module) -> None:
        function.body = [ast.Pass() if s is statement else s for s in function.body]

    return change


def _swap(node: ast.If) -> None:
    node.body, node.orelse = node.orelse, node.body
    if not node.body:
        node.body = [ast.Pass()]


def _symbol(op: ast.cmpop) -> str:
    return {
        ast.Lt: "<",
        ast.LtE: "<=",
        ast.Gt: ">",
        ast.GtE: ">=",
        ast.Eq: "==",
        ast.NotEq: "!=",
        ast.Is: "is",
        ast.IsNot: "is not",
        ast.In: "in",
        ast.NotIn: "not in",
    }[type(op)]


def candidates(path: str) -> list[Mutant]:
    """Every change `mutated` can make to the module at ``path`` (relative to the repository)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return [
        Mutant(path, getattr(node, "lineno", 0), kind, index)
        for index, (node, kind, _) in enumerate(_changes(tree))
    ]


def mutated(source: str, index: int) -> tuple[str, str]:
    """The source of the unchanged module and of its ``index``-th change, both written by `ast`.

    Both go through ``ast.unparse``, so comparing them shows the change alone.
    """
    original = ast.parse(source)
    tree = copy.deepcopy(original)
    _, _, change = list(_changes(tree))[index]
    change(tree)
    return ast.unparse(original), ast.unparse(ast.fix_missing_locations(tree))


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    """Put ``new`` where ``old`` is in ``tree``."""
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(item is old for item in value):
                setattr(parent, field, [new if item is old else item for item in value])
                return


def diff(before: str, after: str, path: str) -> str:
    """The change between two versions of a module, as a unified diff."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), path, path + " (mutant)", n=1
    )
    return "".join(lines)


# --- running the tests --------------------------------------------------------------------


def _copy_of_src(where: Path) -> Path:
    """A copy of the repository's ``src/`` in ``where``, without bytecode."""
    target = where / "src"
    shutil.copytree(ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _run_tests(src: Path, tests: Sequence[str], timeout: float) -> tuple[str, str]:
    """Run the tests with ``src`` first on the path: ("passed" | "failed" | "timeout", output tail)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # Never reuse bytecode for the copy: a change of the same length in the same second
    # would otherwise run the previous mutant's cached code.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "pytest", *PYTEST_OPTIONS, *tests]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout", ""
    tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-3:])
    return ("passed" if done.returncode == 0 else "failed"), tail


def _imports_the_copy(src: Path) -> bool:
    """Whether a child interpreter with ``src`` first on the path imports runstrength from it."""
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, "-c", "import runstrength; print(runstrength.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip()).is_relative_to(src)


def run_mutant(mutant: Mutant, tests: Sequence[str], timeout: float) -> Outcome:
    """Apply ``mutant`` to a fresh copy of ``src/`` and run ``tests`` against it."""
    source = (ROOT / mutant.path).read_text(encoding="utf-8")
    before, after = mutated(source, mutant.index)
    change = diff(before, after, mutant.path)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutant-") as where:
        src = _copy_of_src(Path(where))
        target = src / Path(mutant.path).relative_to("src")
        target.write_text(after, encoding="utf-8")
        try:
            compile(after, str(target), "exec")
        except SyntaxError as error:
            return Outcome(mutant, "error", 0.0, change, str(error))
        result, tail = _run_tests(src, relevant_first(tests, mutant.path), timeout)
    seconds = time.perf_counter() - started
    status = {"passed": "survived", "failed": "killed", "timeout": "timeout"}[result]
    return Outcome(mutant, status, seconds, change, tail)


RELEVANT = {
    "src/runstrength/_spec/rules.py": "tests/test_rules.py",
    "src/runstrength/_spec/validated.py": "tests/test_rules.py",
    "src/runstrength/_plan.py": "tests/test_plan.py",
    "src/runstrength/_values.py": "tests/test_values.py",
    "src/runstrength/_model.py": "tests/test_model.py",
    "src/runstrength/_timeline.py": "tests/test_timeline.py",
    "src/runstrength/_document/convert.py": "tests/test_document.py",
}
"""The tests most likely to catch a change to each module: run first, as the run stops at a failure."""


def relevant_first(tests: Sequence[str], path: str) -> list[str]:
    """``tests`` with the one most relevant to the module at ``path`` moved to the front."""
    first = RELEVANT.get(path)
    return sorted(tests, key=lambda test: test != first)


def baseline(tests: Sequence[str], timeout: float) -> tuple[str, float, str]:
    """The tests on an unchanged copy (every core module rewritten by `ast` as mutants are)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutant-") as where:
        src = _copy_of_src(Path(where))
        if not _imports_the_copy(src):
            return "the copy is not the runstrength the tests import", 0.0, ""
        for path in CORE:
            if (ROOT / path).exists():
                target = src / Path(path).relative_to("src")
                target.write_text(
                    ast.unparse(ast.parse(target.read_text(encoding="utf-8"))), encoding="utf-8"
                )
        result, tail = _run_tests(src, tests, timeout)
    return result, time.perf_counter() - started, tail


def sample(count: int, seed: int, modules: Sequence[str]) -> list[Mutant]:
    """``count`` mutants drawn at random (by ``seed``) from every candidate change of ``modules``."""
    everything = [mutant for path in modules if (ROOT / path).exists() for mutant in candidates(path)]
    # Kept in the order drawn: a run cut short by its budget is still a random sample.
    return random.Random(seed).sample(everything, min(count, len(everything)))


# --- report -------------------------------------------------------------------------------


def report(outcomes: Sequence[Outcome], candidates_total: int) -> str:
    """The summary: counts, kill rate, and every survivor with its place and diff."""
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("killed", "survived", "timeout", "error")
    }
    judged = counts["killed"] + counts["survived"] + counts["timeout"]
    caught = counts["killed"] + counts["timeout"]
    rate = caught / judged if judged else 0.0
    lines = [
        f"Mutants: {len(outcomes)} sampled from {candidates_total} candidates",
        (
            f"  killed {counts['killed']}, survived {counts['survived']}, timeouts {counts['timeout']}, "
            f"not compiling {counts['error']}"
        ),
        f"Kill rate (killed + timeouts) / judged: {rate:.0%} ({caught}/{judged})",
    ]
    survivors = [o for o in outcomes if o.status == "survived"]
    if survivors:
        lines += ["", f"Survivors ({len(survivors)}):"]
    for outcome in survivors:
        m = outcome.mutant
        lines += ["", f"{m.path}:{m.line}  {m.kind}", outcome.diff.rstrip()]
    timeouts = [o for o in outcomes if o.status == "timeout"]
    if timeouts:
        lines += ["", "Timeouts:"] + [f"  {o.mutant.path}:{o.mutant.line}  {o.mutant.kind}" for o in timeouts]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Sample mutants, run the tests against each, print the survivors; 0 unless the baseline fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=60, help="mutants to sample (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="the sample's random seed (default 0)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested side by side (default 2)")
    parser.add_argument("--timeout", type=float, help="seconds per mutant (default 3 × the unchanged run)")
    parser.add_argument("--module", action="append", help="a module to mutate (repeatable; default the core)")
    parser.add_argument("--test", action="append", help="a test file or node to run (repeatable)")
    parser.add_argument(
        "--budget", type=float, help="seconds after which no further mutant starts (default: no limit)"
    )
    args = parser.parse_args(argv)
    modules = tuple(args.module or CORE)
    tests = tuple(args.test or TESTS)

    result, seconds, tail = baseline(tests, timeout=args.timeout or 600)
    print(f"Unchanged copy: tests {result} in {seconds:.1f} s")
    if result != "passed":
        print(tail or result, file=sys.stderr)
        return 1
    timeout = args.timeout or max(30.0, 3 * seconds)
    total = sum(len(candidates(path)) for path in modules if (ROOT / path).exists())
    chosen = sample(args.count, args.seed, modules)
    print(f"Testing {len(chosen)} mutants, {args.jobs} at a time, {timeout:.0f} s each at most", flush=True)
    ends = time.monotonic() + args.budget if args.budget else math.inf

    def attempt(mutant: Mutant) -> Outcome | None:
        return run_mutant(mutant, tests, timeout) if time.monotonic() < ends else None

    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for outcome in pool.map(attempt, chosen):
            if outcome is None:
                continue
            outcomes.append(outcome)
            m = outcome.mutant
            where = f"{m.path}:{m.line}"
            progress = f"[{len(outcomes):3}/{len(chosen)}] {outcome.status:8} {outcome.seconds:5.1f} s"
            print(f"{progress}  {where}  {m.kind}", flush=True)
            if outcome.status == "survived":
                print(outcome.diff, flush=True)
    if len(outcomes) < len(chosen):
        print(f"\nThe budget ran out: {len(chosen) - len(outcomes)} sampled mutants were not tested.")
    print("\n" + report(outcomes, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
