"""Validating many documents in one pass: in order, lazily, optionally in several processes."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Final

import attrs

from ._document.convert import from_dict
from ._document.text import DocumentFormat, _check_format, loads
from ._errors import Problem, ValidationError
from ._model import Workout

if TYPE_CHECKING:
    from concurrent.futures import Future

CHUNK_SIZE: Final = 64
"""How many documents one task sends to a worker process, by default."""

_TASKS_PER_JOB: Final = 2

MAX_JOBS: Final = 32
"""The most worker processes a batch may ask for; each costs about 20 MB of memory."""
"""Tasks queued per worker process: one running, one waiting, so no worker idles."""


@attrs.frozen(kw_only=True)
class ValidationResult:
    """What validating one document of a batch found.

    Attributes:
        index: the document's position in the input, from 0.
        workout: the workout the document describes; ``None`` when it is invalid, or when
            the batch keeps no workouts (``with_workouts=False``).
        problems: every problem of an invalid document, sorted by path (empty when valid),
            at most 1000.
        omitted: how many more problems were found beyond those listed, as in
            `ValidationError.omitted`.
    """

    index: int
    workout: Workout | None = None
    problems: tuple[Problem, ...] = ()
    omitted: int = 0

    @property
    def ok(self) -> bool:
        """Whether the document is a valid workout."""
        return not self.problems


def validate_many(
    documents: Iterable[str | bytes | object],
    *,
    format: DocumentFormat = "json",  # noqa: A002 - the name loads uses
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    with_workouts: bool = True,
) -> Generator[ValidationResult, None, None]:
    """Validate documents one after another, yielding one result per document, in input order.

    Text and bytes are read with `loads` in ``format``; anything else (parsed data, such as
    a dict) goes to `from_dict`. The input is read as the results are consumed, never all
    at once, so an endless stream works and memory stays bounded.

    Args:
        documents: the documents, any iterable (a list, a generator, lines of a file).
        format: the text format of the str and bytes documents: ``"json"``, ``"yaml"`` or
            ``"toml"``.
        jobs: how many processes validate, from 1 to `MAX_JOBS` (32); above 1, documents
            go to worker processes in tasks of ``chunk_size``, and at most
            ``2 × jobs × chunk_size`` documents are read ahead of the results. No more
            processes start than the machine has processors (`os.cpu_count`). Documents
            must then be picklable, and a script must start the batch under
            ``if __name__ == "__main__":``. The workers ignore Ctrl-C: the interrupt
            reaches the calling program alone, which stops them.
        chunk_size: how many documents one task holds when ``jobs`` is above 1.
        with_workouts: keep each valid document's workout in its result. Turn it off when
            only the problems matter: every ``workout`` is then ``None`` (``ok`` still tells
            valid from invalid), and worker processes need not send workouts back, which
            costs about half as much as validating them.

    Returns:
        A generator of `ValidationResult`; closing it early stops the worker processes.

    Raises:
        ValueError: ``format`` is unknown, ``jobs`` is not a whole number from 1 to
            `MAX_JOBS`, or ``chunk_size`` is not a whole number of at least 1.
        MissingExtraError: ``format`` needs an extra that is not installed (raised when
            the first text document is read).

    >>> from runstrength import validate_many
    >>> documents = ['{"schema_version": 1, "title": "Empty"}', "{"]
    >>> for result in validate_many(documents):
    ...     print(result.index, result.ok, [problem.code for problem in result.problems])
    0 False ['missing_field']
    1 False ['syntax_error']
    """
    _check_format(format)
    for name, value in (("jobs", jobs), ("chunk_size", chunk_size)):
        if type(value) is not int or value < 1:
            msg = f"{name} must be a whole number of at least 1, got {value!r}"
            raise ValueError(msg)
    if jobs > MAX_JOBS:
        msg = f"jobs must be at most {MAX_JOBS} (each process costs about 20 MB), got {jobs}"
        raise ValueError(msg)
    jobs = min(jobs, os.cpu_count() or 1)
    if jobs == 1:
        return (_validate(index, document, format, with_workouts) for index, document in enumerate(documents))
    return _in_processes(iter(documents), format, with_workouts, jobs, chunk_size)


def _validate(index: int, document: object, fmt: DocumentFormat, keep: bool) -> ValidationResult:  # noqa: FBT001
    try:
        workout = loads(document, fmt) if isinstance(document, str | bytes) else from_dict(document)
    except ValidationError as error:
        return ValidationResult(index=index, problems=error.problems, omitted=error.omitted)
    return ValidationResult(index=index, workout=workout if keep else None)


def _validate_chunk(
    start: int,
    documents: list[object],
    fmt: DocumentFormat,
    keep: bool,  # noqa: FBT001
) -> list[ValidationResult]:
    """A worker's task: validate documents numbered from ``start``."""
    return [_validate(start + offset, document, fmt, keep) for offset, document in enumerate(documents)]


def _ignore_interrupts() -> None:
    """A worker's start: leave Ctrl-C to the parent, which stops the pool quietly."""
    import signal  # noqa: PLC0415 - workers only

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_processes(
    documents: Iterator[object],
    fmt: DocumentFormat,
    keep: bool,  # noqa: FBT001
    jobs: int,
    chunk_size: int,
) -> Generator[ValidationResult, None, None]:
    # Imported here: only batches in processes need them, and they are slow to import.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # Not fork: forking a process that runs threads can deadlock the children.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(method), initializer=_ignore_interrupts
    )
    tasks: deque[Future[list[ValidationResult]]] = deque()
    start = 0
    more = True
    try:
        while True:
            while more and len(tasks) < _TASKS_PER_JOB * jobs:
                chunk = list(islice(documents, chunk_size))
                more = len(chunk) == chunk_size
                if chunk:
                    tasks.append(pool.submit(_validate_chunk, start, chunk, fmt, keep))
                    start += len(chunk)
            if not tasks:
                return
            yield from tasks.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def read_jsonl(
    source: str | os.PathLike[str] | Iterable[str] | Iterable[bytes],
) -> Iterator[tuple[int, str | bytes]]:
    """The documents of a JSON Lines file, one per line, with their line numbers (from 1).

    Blank lines are skipped, and so is a byte order mark opening the first line. A file
    named by a path is read as bytes and each line decoded as UTF-8; a line that is not
    UTF-8 comes as its bytes, so that `loads` reports it as that document's problem rather
    than the whole file failing.

    Args:
        source: a path, or an open file (text or binary) or any iterable of lines.
    """
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as file:  # noqa: PTH123 - a str or any PathLike
            yield from read_jsonl(file)
        return
    lines: Iterable[str | bytes] = source
    for number, line in enumerate(lines, start=1):
        body: str | bytes
        if isinstance(line, bytes):
            raw = line.removesuffix(b"\n").removesuffix(b"\r")
            try:
                body = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                body = raw
        else:
            body = line.removesuffix("\n").removesuffix("\r")
            if number == 1:
                body = body.removeprefix("\ufeff")
        if body.strip():
            yield number, body
