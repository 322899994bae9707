"""The ``runstrength`` command: list, show, validate, time and export workouts from a shell.

A workout argument is the name of a built-in workout, a file (``.json``, ``.yaml``,
``.yml`` or ``.toml``), or ``-`` for standard input.  Results go to standard output, or
to the file ``-o FILE`` names (``-o -`` is standard output); errors go to standard error.
Exit status: 0 success, 1 invalid input (a workout that breaks a rule, a file that cannot
be read), 2 usage error, 3 an optional extra this needs is not installed, 130
interrupted, 141 output closed early (as for a program stopped by SIGPIPE, e.g.
``runstrength timeline | head -1``).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import difflib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final, NoReturn, TextIO, TypeVar

import attrs

from . import catalog
from ._batch import MAX_JOBS, read_jsonl, validate_many
from ._document.schema import json_schema
from ._document.text import FORMATS, SUFFIXES, DocumentFormat, dumps, load, loads
from ._errors import MissingExtraError, Problem, UnknownNameError, ValidationError, more_problems
from ._export.fit import export_fit
from ._export.ics import export_ics
from ._files import write_atomic
from ._model import ModificationKind, Workout
from ._pacing import Pacing
from ._render.completion import SHELLS, completion, suggest
from ._render.summary import summary
from ._render.table import TIMELINE_FORMATS, clock, render, table
from ._render.terminal import COLOR_CHOICES, PLAIN, Painter, aligned, escape, shown, wants_color
from ._timeline import build_timeline
from ._values import RangePoint

__all__ = ["main"]

PROG: Final = "runstrength"
DEFAULT_WORKOUT: Final = "upper-body-for-runners"
STDIN: Final = "-"
STDOUT: Final = "-"
STDIN_LABEL: Final = "<stdin>"

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_MISSING_EXTRA: Final = 3
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

PROGRESS_FROM: Final = 20
"""``validate`` shows its progress on a terminal from this many files on."""

_VARIANTS: Final = tuple(kind.value for kind in ModificationKind)
"""What ``--variant`` completes to; a workout's level names are accepted too."""
_PACING_FLAGS: Final = {
    "seconds_per_rep": "seconds every repetition takes, whatever the exercise",
    "switch_sides": "seconds to change sides",
    "transition": "seconds to move to any next exercise",
    "rest_between_rounds": "rest between rounds where the workout gives none",
    "rest_between_sets": "rest after any superset or straight set where the workout gives none",
    "rest_between_blocks": "rest between blocks",
    "seconds_per_rep_cyclic": "seconds per rep of a quick repeated move (jumping jacks)",
    "seconds_per_rep_bodyweight": "seconds per rep of a body-weight move",
    "seconds_per_rep_loaded": "seconds per rep of a lift with a weight, machine or band",
    "set_up": "seconds to set up each set at a bar or machine",
    "transition_in_place": "seconds to the next exercise with the same equipment or none",
    "transition_equipment": "seconds to the next exercise on other equipment",
    "rest_between_sets_bodyweight": "rest after a body-weight set or superset left open",
    "rest_between_sets_loaded": "rest after a loaded set or superset left open",
}


class _InvalidInputError(Exception):
    """An input that gave no usable workout, with every problem found.

    ``omitted`` counts the problems found beyond those listed (the loader lists at most 1000).
    """

    def __init__(
        self, label: str, problems: Iterable[Problem], verdict: str = "invalid", *, omitted: int = 0
    ) -> None:
        self.label = label
        self.problems = tuple(problems)
        self.verdict = verdict
        self.omitted = omitted
        super().__init__(f"{label}: {verdict}")


class _UsageError(Exception):
    """A usage error found once the workout is read (an option naming what it does not have)."""


class _OutputClosedError(Exception):
    """Standard output was closed before the program started."""


def main(argv: Sequence[str] | None = None) -> int:
    r"""Run the ``runstrength`` command.

    Text that the terminal's encoding cannot show is written with backslash escapes
    (``\xe9``) rather than failing; documents are always written as UTF-8.

    Args:
        argv: the arguments after the program name; ``None`` means ``sys.argv[1:]``.

    Returns:
        The exit status: 0 success, 1 invalid input, 2 usage error, 3 a missing optional
        extra, 130 interrupted, 141 standard output closed before everything was written.
    """
    _tolerate_encoding()
    try:
        status = _run(argv)
        # Flush here, not at exit, so that a closed pipe is handled below.
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except _OutputClosedError:
        _complain("standard output is closed: give -o FILE, or run with an open standard output")
        return EXIT_BROKEN_PIPE
    return status


def _run(argv: Sequence[str] | None) -> int:
    parser, commands = _parser()
    try:
        args = parser.parse_args(argv)
        _check(args, commands[args.command])
    except SystemExit as exit_:  # argparse's own exit: --help, --version or a usage error
        code = exit_.code
        return code if isinstance(code, int) else EXIT_USAGE if code else EXIT_OK
    errors = Painter(wants_color(args.color, sys.stderr))
    output = _Output(getattr(args, "output", None))
    to_file = output.path is not None
    args.paint = Painter(args.color == "always" if to_file else wants_color(args.color, sys.stdout))
    run: Callable[[argparse.Namespace, _Output], int] = _COMMANDS[args.command]
    try:
        status = run(args, output)
        output.close()
    except _InvalidInputError as invalid:
        _report(invalid, errors, heading=True)
        return EXIT_INVALID
    except _UsageError as error:
        with contextlib.suppress(SystemExit):
            commands[args.command].error(str(error))
        return EXIT_USAGE
    except MissingExtraError as error:
        _complain(str(error))
        return EXIT_MISSING_EXTRA
    return status


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Usage errors argparse cannot see by itself; ``parser.error`` exits with status 2."""
    if args.command in ("timeline", "export"):
        args.pacing = _pacing(args, parser)
    if args.command == "validate":
        _check_validate(args, parser)
    if args.command == "export":
        args.format = _export_format(args, parser)
        to_terminal = args.output in (None, STDOUT) and sys.stdout is not None and sys.stdout.isatty()
        if args.format == "fit" and to_terminal:
            parser.error("a FIT file is binary: write it to a file with -o FILE")


# --- the commands --------------------------------------------------------------------------


def _list(args: argparse.Namespace, output: _Output) -> int:
    entries = []
    for name in catalog.names():
        workout = catalog.get(name)
        kinds = (
            type(block.format).__name__.lower() if block.format else "rounds" for block in workout.blocks
        )
        entries.append((name, workout.title, list(dict.fromkeys(kinds)), build_timeline(workout).total))
    if args.format == "json":
        keys = ("name", "title", "formats", "length")
        output.text(json.dumps([dict(zip(keys, entry, strict=True)) for entry in entries], indent=2))
        return EXIT_OK
    rows = [("name", "title", "blocks", "length")]
    rows += [
        (name, shown(escape(title), output.encoding), ", ".join(kinds), clock(total))
        for name, title, kinds, total in entries
    ]
    for number, line in enumerate(aligned(rows, right={3})):
        output.text(args.paint(line, "bold") if number == 0 else line)
    return EXIT_OK


def _show(args: argparse.Namespace, output: _Output) -> int:
    workout = _read(args.workout, args.input_format)
    if args.format == "text":
        output.text(summary(workout, encoding=output.encoding))
    else:
        output.data(dumps(workout, args.format).encode())
    return EXIT_OK


def _check_validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.files.count(STDIN) > 1:
        parser.error("standard input (-) can be read only once")
    if args.jsonl is None and not args.files:
        parser.error("give the files or folders to check, or --jsonl FILE")
    if args.jsonl is not None and args.files:
        parser.error("--jsonl reads one JSON Lines file: give no other files")
    if args.jsonl is not None and args.input_format not in (None, "json"):
        parser.error("--jsonl reads JSON documents only")
    if not 1 <= args.jobs <= MAX_JOBS:
        parser.error(f"argument --jobs: expected a whole number from 1 to {MAX_JOBS}, got {args.jobs}")
    cores = os.cpu_count() or 1
    if args.jobs > cores:
        _complain(f"note: --jobs {args.jobs} is more than the {cores} processors here; using {cores}")
        args.jobs = cores


def _validate(args: argparse.Namespace, output: _Output) -> int:
    if args.jsonl:
        return _validate_lines(args, output)
    errors = Painter(wants_color(args.color, sys.stderr))
    sources = list(_sources(args.files))
    progress = _Progress(len(sources))
    valid = invalid = unchecked = 0
    missing: dict[str, None] = {}
    for source in sources:
        progress.step()
        try:
            found = _check_one(source, args.input_format)
        except MissingExtraError as error:
            missing[str(error)] = None
            unchecked += 1
            continue
        invalid, valid = (invalid, valid + 1) if found is None else (invalid + 1, valid)
        if found is not None or args.format == "json" or not args.quiet:
            progress.clear()  # before a line on either stream: they may share the terminal
            _verdict(args, output, errors, _label(source), found)
    progress.clear()
    if args.format == "text" and not args.quiet:
        counted = valid + invalid + unchecked
        count = f"{counted} file{'' if counted == 1 else 's'}: {valid} valid, {invalid} invalid"
        output.text(f"{count}, {unchecked} not checked" if unchecked else count)
    for message in missing:
        _complain(f"{message}; the files that need it were not checked")
    return EXIT_MISSING_EXTRA if missing else EXIT_INVALID if invalid else EXIT_OK


def _verdict(
    args: argparse.Namespace, output: _Output, errors: Painter, label: str, found: _InvalidInputError | None
) -> None:
    """Print what validating the input ``label`` found (``None``: nothing), in the format asked for."""
    if args.format == "json":
        output.text(_result(label, ()) if found is None else _result(label, found.problems, found.omitted))
    elif found is not None:
        _report(found, errors)
    elif not args.quiet:
        output.text(f"{escape(label)}: {args.paint('OK', 'green')}")


def _check_one(source: str, input_format: DocumentFormat | None) -> _InvalidInputError | None:
    """What validating an input found: its problems, or ``None`` when it is valid."""
    try:
        _read(source, input_format)
    except _InvalidInputError as error:
        return error
    return None


def _sources(arguments: Iterable[str]) -> Iterator[str]:
    """Each argument, with a folder replaced by the workout documents in it and below, sorted.

    An input given twice, by itself or within a folder, comes once, where it first came.

    Raises:
        _UsageError: a folder holds no workout document.
    """
    seen: set[object] = set()
    for argument in arguments:
        path = Path(argument)
        found = [argument] if argument == STDIN or not path.is_dir() else _documents_in(path)
        if not found:
            hidden = "hidden files and folders are skipped"
            raise _UsageError(f"{argument!r} holds no {_suffix_list()} files ({hidden})")
        for source in found:
            identity = _identity(source)
            if identity not in seen:
                seen.add(identity)
                yield source


def _documents_in(folder: Path) -> list[str]:
    """The workout documents in a folder and below, sorted, leaving out hidden files and folders.

    A name starting with a dot is hidden (``.git``, ``.venv``): it holds tools' files, not
    the user's workouts. The folder itself is searched even when its own name is hidden.
    """
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            file = Path(top, name)
            if not name.startswith(".") and file.suffix.lower() in SUFFIXES and file.is_file():
                found.append(str(file))
    return sorted(found)


def _identity(source: str) -> object:
    """What an input argument stands for: a built-in name, standard input, or a resolved path."""
    if source == STDIN or source in catalog.names():  # a built-in name wins over a file (`_read`)
        return source
    try:
        return Path(source).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte: read, and refused, once
        return os.path.abspath(source)  # noqa: PTH100 - a plain string, whatever the path holds


class _Progress:
    """``checked 12/500`` on standard error, only when it is a terminal and the batch is long."""

    def __init__(self, total: int) -> None:
        stream = sys.stderr
        self.total = total
        self.done = 0
        self.shown = False
        try:
            self.on = total >= PROGRESS_FROM and stream is not None and stream.isatty()
        except (ValueError, OSError):
            self.on = False

    def step(self) -> None:
        self.done += 1
        if self.on:
            sys.stderr.write(f"\rchecking {self.done}/{self.total}")
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * len(f"checking {self.total}/{self.total}") + "\r")
            self.shown = False


class _ReadError(Exception):
    """The JSON Lines file could not be read."""


def _on_line(problem: Problem, number: int) -> Problem:
    """A problem of the document on line ``number`` of a JSON Lines file, placed in the file.

    The loader counts lines from the start of the line's document; so does the position a
    syntax problem's reason repeats (``not valid JSON: … (line 1, column 5)``). Both move
    to the file's line, and a problem without a position gets the line alone.
    """
    if problem.line is None:
        return attrs.evolve(problem, line=number)
    line = number + problem.line - 1
    reason = problem.reason
    inner = f" (line {problem.line}, column {problem.column})"
    if problem.column is not None and reason.endswith(inner):
        reason = f"{reason.removesuffix(inner)} (line {line}, column {problem.column})"
    return attrs.evolve(problem, line=line, reason=reason)


def _validate_lines(args: argparse.Namespace, output: _Output) -> int:
    """Validate a JSON Lines file as it streams, reporting invalid lines with their numbers."""
    errors = Painter(wants_color(args.color, sys.stderr))
    label = _label(args.jsonl)
    numbers: collections.deque[int] = collections.deque()

    def documents() -> Iterator[str | bytes]:
        source = _stdin_stream() if args.jsonl == STDIN else args.jsonl
        try:
            for number, text in read_jsonl(source):
                numbers.append(number)
                yield text
        except OSError as error:
            raise _ReadError(error.strerror or str(error)) from None

    valid = invalid = 0
    try:
        for result in validate_many(documents(), jobs=args.jobs, with_workouts=False):
            number = numbers.popleft()
            valid, invalid = (valid + 1, invalid) if result.ok else (valid, invalid + 1)
            problems = [_on_line(problem, number) for problem in result.problems]
            if args.format == "json":
                output.text(_result(f"{label}:{number}", problems, result.omitted))
            elif not result.ok:
                _report(_InvalidInputError(label, problems), errors)
                if result.omitted:  # named by its line, like the problems above
                    _report(_InvalidInputError(f"{label}:{number}", (), omitted=result.omitted), errors)
    except _ReadError as error:
        reason = f"cannot read the file: {error}"
        raise _InvalidInputError(label, [Problem((), reason, code="unreadable")]) from None
    if args.format == "text" and not args.quiet:
        output.text(f"{escape(label)}: {valid} valid, {invalid} invalid")
    return EXIT_INVALID if invalid else EXIT_OK


def _schema(_: argparse.Namespace, output: _Output) -> int:
    output.data(json.dumps(json_schema(), indent=2, ensure_ascii=False).encode() + b"\n")
    return EXIT_OK


def _fit_steps(text: str) -> int:
    """A ``--fit-max-steps`` value: a whole number from 1 to 4096 (a usage error otherwise)."""
    try:
        steps = int(text)
    except ValueError:
        steps = 0
    if not 1 <= steps <= 4096:
        msg = f"expected a whole number from 1 to 4096, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return steps


_Moment = TypeVar("_Moment", dt.date, dt.time)


def _iso(parse: Callable[[str], _Moment], what: str) -> Callable[[str], _Moment]:
    """An argparse type reading ISO text with ``parse``; ``what`` names the form expected."""

    def read(text: str) -> _Moment:
        try:
            return parse(text)
        except ValueError:
            msg = f"expected {what}, got {text!r}"
            raise argparse.ArgumentTypeError(msg) from None

    return read


_date: Final = _iso(dt.date.fromisoformat, "a date as YYYY-MM-DD")
"""A ``--start`` value: a date written YYYY-MM-DD (a usage error otherwise)."""
_time: Final = _iso(dt.time.fromisoformat, "a time of day as HH:MM")
"""An ``--at`` value: a time of day written HH:MM (a usage error otherwise)."""


def _completion(args: argparse.Namespace, output: _Output) -> int:
    parser, _ = _parser()
    output.text(completion(parser, args.shell))
    return EXIT_OK


# Export formats: what each writes, and the file suffixes that imply it. A new format is one
# more entry in each table.
Exporter = Callable[[Workout, argparse.Namespace], bytes]


def _document_exporter(fmt: DocumentFormat) -> Exporter:
    def export(workout: Workout, _: argparse.Namespace) -> bytes:
        return dumps(workout, fmt).encode()

    return export


def _export_ics(workout: Workout, args: argparse.Namespace) -> bytes:
    start = args.start or dt.date.today()  # noqa: DTZ011 - a plan starts on the user's own today
    weekdays = args.weekdays.split(",") if args.weekdays else None
    return export_ics(
        workout, start=start, weeks=args.weeks, weekdays=weekdays, at=args.at, pacing=args.pacing
    )


def _export_fit(workout: Workout, args: argparse.Namespace) -> bytes:
    return export_fit(workout, args.pacing, max_steps=args.fit_max_steps)


def _export_page(workout: Workout, args: argparse.Namespace) -> bytes:
    return _page(workout, args)


_EXPORTERS: Final[dict[str, Exporter]] = {
    **{fmt: _document_exporter(fmt) for fmt in FORMATS},
    "fit": _export_fit,
    "ics": _export_ics,
    "html": _export_page,
    "card": _export_page,
}
_EXPORT_SUFFIXES: Final[dict[str, str]] = {
    **SUFFIXES,
    ".fit": "fit",
    ".ics": "ics",
    ".html": "html",
    ".pdf": "card",
}


def _export_format(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    """``--format``, or else the format the ``-o`` file's suffix names."""
    if args.format is not None:
        return str(args.format)
    fmt = None if args.output in (None, STDOUT) else _EXPORT_SUFFIXES.get(Path(args.output).suffix.lower())
    if fmt is None:
        parser.error(f"give --format, or -o FILE ending in one of {', '.join(_EXPORT_SUFFIXES)}")
    return fmt


def _export(args: argparse.Namespace, output: _Output) -> int:
    label = _label(args.workout or DEFAULT_WORKOUT)
    workout = _chosen(_read(args.workout, args.input_format), args, label)
    try:
        data = _EXPORTERS[args.format](workout, args)
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, f"cannot export it as {args.format}") from None
    output.data(data)
    return EXIT_OK


def _page(workout: Workout, args: argparse.Namespace) -> bytes:
    """The player page, or the printable card: a PDF when the output file ends in .pdf."""
    from ._export.card import export_card, export_card_pdf  # noqa: PLC0415 - only when asked
    from ._export.player import export_html  # noqa: PLC0415 - only when asked

    if args.format == "html":
        return export_html(workout, args.pacing).encode()
    if args.output is not None and args.output.lower().endswith(".pdf"):
        return export_card_pdf(workout, args.pacing)
    return export_card(workout, args.pacing).encode()


def _chosen(workout: Workout, args: argparse.Namespace, label: str) -> Workout:
    """The workout as ``--variant`` and ``--include`` choose it."""
    if not args.variant and not args.include:
        return workout
    levels = [level.name for level in workout.levels]
    if args.variant and args.variant not in (*_VARIANTS, *levels):
        choices = ", ".join(map(repr, (*_VARIANTS, *levels)))
        message = f"argument --variant: invalid choice: {args.variant!r} (choose from {choices})"
        raise _UsageError(message)
    try:
        changed = workout.variant(args.variant, include=args.include)
    except UnknownNameError as error:
        raise _UsageError(f"argument --include: {error}") from None
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, f"its {args.variant} variant is invalid") from None
    if (
        args.variant
        and args.variant not in levels
        and changed.blocks == workout.variant(include=args.include).blocks
    ):
        _complain(
            f"note: {escape(label)} has no {args.variant} modifications; "
            "this is the timeline of the workout as written"
        )
    return changed


def _timeline(args: argparse.Namespace, output: _Output) -> int:
    label = _label(args.workout or DEFAULT_WORKOUT)
    workout = _chosen(_read(args.workout, args.input_format), args, label)
    try:
        timeline = build_timeline(workout, args.pacing)
        timeline.total_range  # noqa: B018 - expanded on first use: report its problems here
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, "cannot make a timeline") from None
    for warning in timeline.warnings:  # the timeline is built; say where the estimate disagrees
        _complain(
            f"warning: {escape(label)}: {escape(warning.path)}: {escape(warning.reason)} [{warning.code}]"
        )
    text = (
        table(timeline, args.paint, encoding=output.encoding)
        if args.format == "table"
        else render(timeline, args.format)
    )
    output.text(text)
    return EXIT_OK


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace, _Output], int]]] = {
    "list": _list,
    "show": _show,
    "validate": _validate,
    "timeline": _timeline,
    "export": _export,
    "schema": _schema,
    "completion": _completion,
}


# --- input ---------------------------------------------------------------------------------


def _read(source: str | None, input_format: DocumentFormat | None) -> Workout:
    """The workout an argument stands for: a built-in name, a file, or ``-`` for standard input.

    Raises:
        _InvalidInputError: the input cannot be read or is not a valid workout.
        MissingExtraError: reading it needs an extra that is not installed.
    """
    source = source or DEFAULT_WORKOUT
    label = _label(source)
    try:
        if source == STDIN:
            text = _stdin_stream().read()
            if _blank(text):  # say so in any format: an empty pipe is the likelier mistake
                raise _InvalidInputError(label, [Problem((), "standard input is empty", code="unreadable")])
            return loads(text, input_format or _sniff(text))
        if source in catalog.names():
            return catalog.get(source)
        path = Path(source)
        if input_format is None and path.suffix.lower() not in SUFFIXES and not path.exists():
            raise _InvalidInputError(label, [Problem((), _not_found(source), code="not_found")])
        return load(path, input_format)
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, omitted=error.omitted) from None
    except OSError as error:
        reason = f"cannot read the file: {error.strerror or error}"
        raise _InvalidInputError(label, [Problem((), reason, code="unreadable")]) from None
    except MissingExtraError:
        raise
    except ValueError as error:  # an unknown suffix
        raise _InvalidInputError(label, [Problem((), str(error), code="unknown_format")]) from None


def _stdin_stream() -> io.BufferedIOBase | TextIO:
    # Read bytes when there are any, so the document is decoded as UTF-8 whatever the locale.
    if sys.stdin is None:
        raise _InvalidInputError(STDIN_LABEL, [Problem((), "standard input is closed", code="unreadable")])
    buffer: io.BufferedIOBase | None = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else sys.stdin


_TOML_LINE: Final = re.compile(r"""^(\[\[?[\w"'. -]+\]\]?|[\w"'.-]+\s*=)""")
_YAML_LINE: Final = re.compile(r"""^(---|-\s|[\w"'][^:=]*:(\s|$))""")


def _blank(text: str | bytes) -> bool:
    """Whether ``text`` holds nothing but white space (and a byte order mark)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return not text.removeprefix("\ufeff").strip()


def _sniff(text: str | bytes) -> DocumentFormat:
    """The format of a document on standard input, from its first significant line.

    Raises:
        _InvalidInputError: the first line looks like none of the formats.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    for line in text.removeprefix("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("{"):
            return "json"
        if _TOML_LINE.match(stripped):
            return "toml"
        if _YAML_LINE.match(stripped):
            return "yaml"
        break
    reason = "cannot tell the format of standard input: give --input-format json, yaml or toml"
    raise _InvalidInputError(STDIN_LABEL, [Problem((), reason, code="unknown_format")])


def _label(source: str) -> str:
    return STDIN_LABEL if source == STDIN else source


def _suffix_list() -> str:
    *first, last = SUFFIXES
    return f"{', '.join(first)} or {last}"


def _not_found(source: str) -> str:
    names = list(catalog.names())
    close = difflib.get_close_matches(source, names, n=3)
    hint = f"did you mean {' or '.join(map(repr, close))}?" if close else f"built in: {', '.join(names)}"
    return f"no built-in workout or file named {source!r}; {hint}"


def _pacing(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Pacing:
    """The pacing the flags ask for; a bad value is a usage error, judged by the pacing's rules."""
    given: dict[str, Any] = {name: getattr(args, name) for name in (*_PACING_FLAGS, "range_point")}
    try:
        return Pacing(**{name: value for name, value in given.items() if value is not None})
    except ValidationError as error:
        parser.error("; ".join(map(_flag_problem, error.problems)))


def _flag_problem(problem: Problem) -> str:
    field = problem.location[0] if problem.location else None
    flag = "--rest" if field == "range_point" else f"--{field}".replace("_", "-")
    return f"argument {flag}: {problem.reason}" if isinstance(field, str) else str(problem)


# --- output --------------------------------------------------------------------------------


class _Output:
    """Where a command's results go: standard output as they come, or a file written at the end.

    A file is written atomically once the command has finished, so a command stopped by an
    error leaves an existing file as it was. ``validate`` finishing with invalid documents
    is not stopped: its report is written.
    """

    def __init__(self, target: str | None) -> None:
        self.path = None if target in (None, STDOUT) else target
        self._parts: list[bytes] = []

    @property
    def encoding(self) -> str:
        """The encoding text is written in: UTF-8 in a file, else standard output's."""
        if self.path is not None:
            return "utf-8"
        return getattr(_stdout(), "encoding", None) or "utf-8"

    def text(self, text: str) -> None:
        """Text for people (or line-based tools), ended by a newline."""
        line = text if text.endswith("\n") else text + "\n"
        if self.path is not None:
            self._parts.append(line.encode())
        else:
            _stdout().write(line)

    def data(self, data: bytes) -> None:
        """A document or a binary file, written as it is."""
        if self.path is not None:
            self._parts.append(data)
            return
        stdout = _stdout()
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:  # a text-only stream, as in an embedding application
            stdout.write(data.decode())
        else:
            stdout.flush()
            buffer.write(data)

    def close(self) -> None:
        """Write the file, if there is one."""
        if self.path is None:
            return
        try:
            write_atomic(self.path, b"".join(self._parts))
        except OSError as error:
            reason = f"cannot write: {error.strerror or error}"
            raise _InvalidInputError(self.path, [Problem((), reason, code="unwritable")]) from None


def _stdout() -> TextIO:
    if sys.stdout is None:
        raise _OutputClosedError
    return sys.stdout


def _result(label: str, problems: Sequence[Problem], omitted: int = 0) -> str:
    """One machine-readable line: the input, whether it is valid, its problems and how many more."""
    found = []
    for problem in problems:
        item: dict[str, object] = {"path": problem.path, "reason": problem.reason, "code": problem.code}
        if problem.line is not None:
            item["line"] = problem.line
        if problem.column is not None:
            item["column"] = problem.column
        found.append(item)
    report = {"file": label, "valid": not problems, "problems": found, "omitted": omitted}
    return json.dumps(report, ensure_ascii=False)


def _complain(message: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(f"{PROG}: {message}\n")


def _problem_line(label: str, problem: Problem, paint: Painter = PLAIN) -> str:
    """``file:line:col: path: reason [code]``, or ``file: path: reason [code]`` without a position.

    Every piece taken from the input is escaped, so it cannot forge lines or move the cursor.
    """
    where = escape(label)
    if problem.line is not None:
        where += f":{problem.line}" + (f":{problem.column}" if problem.column is not None else "")
    path = paint(escape(problem.path), "yellow")
    return f"{paint(where, 'bold')}: {path}: {escape(problem.reason)} {paint(f'[{problem.code}]', 'dim')}"


def _report(invalid: _InvalidInputError, paint: Painter = PLAIN, *, heading: bool = False) -> None:
    """Write an input's problems to standard error, one per line, then how many more were found.

    With ``heading``, a first line says what failed when it is more than plain invalidity
    (``cannot make a timeline``).
    """
    if sys.stderr is None:
        return
    lines = []
    if heading and invalid.verdict != "invalid":
        lines.append(f"{PROG}: {escape(invalid.label)}: {paint(invalid.verdict, 'red')}")
    lines += [_problem_line(invalid.label, problem, paint) for problem in invalid.problems]
    if invalid.omitted:
        lines.append(f"{paint(escape(invalid.label), 'bold')}: {more_problems(invalid.omitted)}")
    sys.stderr.write("\n".join(lines) + "\n")


def _tolerate_encoding() -> None:
    """Let text the streams' encoding cannot hold come out escaped instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def _discard_stdout() -> None:
    # Python flushes stdout once more on exit; aim it at the null device so that flush
    # cannot fail again and print an "Exception ignored" message.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)


# --- arguments -----------------------------------------------------------------------------


def _number(text: str) -> int | float:
    """A number as typed: whole numbers stay whole, so the pacing's rules can judge them."""
    try:
        return int(text)
    except ValueError:
        return float(text)


_number.__name__ = "number"  # argparse names the type in its messages: "invalid number value"


class _ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, with the arguments its messages echo escaped like any other input."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message, escaped, and exit with status 2."""
        super().error(escape(message))

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        """Read an option's value, keeping a value of ``--`` given as ``--start=--``.

        Older argparse drops that ``--`` as if it separated options from operands and leaves the
        option an empty list, so the flag would silently mean its default; it is read as the text
        ``--`` instead, like any other value (and refused where ``--`` is no valid value).
        """
        if arg_strings == ["--"] and action.option_strings and action.nargs in (None, argparse.OPTIONAL):
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = _ArgumentParser(
        prog=PROG,
        description="List, show, validate, time and export strength workouts.",
        epilog="Exit status: 0 ok, 1 invalid input, 2 usage error, 3 missing extra, "
        "130 interrupted, 141 output closed.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    workout_help = f"a built-in workout's name, a file, or - for standard input (default {DEFAULT_WORKOUT})"

    common = _ArgumentParser(add_help=False)
    common.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour on a terminal (auto, the default: on a terminal unless NO_COLOR is set, "
        "or wherever FORCE_COLOR is), always or never",
    )
    writes = _ArgumentParser(add_help=False)
    writes.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default, or -: standard output)"
    )
    input_format = _ArgumentParser(add_help=False)
    input_format.add_argument(
        "--input-format",
        choices=FORMATS,
        help="the format of the input (default: from the file's suffix; guessed for standard input)",
    )

    listing = subparsers.add_parser(
        "list",
        parents=[common, writes],
        help="list the built-in workouts",
        description="List the built-in workouts: name, title, block formats and length at the "
        "default pacing.",
    )
    listing.add_argument(
        "--format", choices=("text", "json"), default="text", help="text or json (default text)"
    )

    show = subparsers.add_parser(
        "show",
        parents=[common, writes, input_format],
        help="print a workout as readable text or as a document",
        description="Print a workout as readable text, or as a JSON, YAML or TOML document.",
    )
    show.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    show.add_argument(
        "--format", choices=("text", *FORMATS), default="text", help="what to print (default text)"
    )

    validate = subparsers.add_parser(
        "validate",
        parents=[common, writes, input_format],
        help="check workout documents and list every problem",
        description="Check workout documents and folders of them: print FILE: OK for each valid "
        "one, every problem of each invalid one (on standard error), then a count.",
        epilog="Exit status: 0 all valid, 1 any invalid or unreadable, 2 usage error, "
        "3 an extra needed to read some files is not installed.",
    )
    validate.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a workout document, a folder (searched recursively for .json, .yaml, .yml and "
        ".toml files, skipping hidden ones), or - for standard input",
    )
    validate.add_argument(
        "--jsonl",
        metavar="FILE",
        help="a JSON Lines file (or - for standard input) of one workout per line, read as a stream; "
        "invalid lines are reported with their numbers",
    )
    validate.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=f"processes validating --jsonl lines, 1 to {MAX_JOBS}, at most one per processor (default 1)",
    )
    validate.add_argument(
        "-q", "--quiet", action="store_true", help="print only the problems: no OK lines, no count"
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people, or json: one object per file on standard output (default text)",
    )

    timeline = subparsers.add_parser(
        "timeline",
        parents=[common, writes, input_format],
        help="print a workout's timeline",
        description="Print the timeline a workout expands into: every work, rest, transition and "
        "side switch with its start and end.",
    )
    timeline.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    timeline.add_argument(
        "--format", choices=TIMELINE_FORMATS, default="table", help="how to print it (default table)"
    )
    _variant_flags(timeline)
    _pacing_flags(timeline)

    export = subparsers.add_parser(
        "export",
        parents=[common, writes, input_format],
        help="write a workout as a document, a Garmin FIT workout, an iCalendar plan, a player or a card",
        description="Write a workout as JSON, YAML or TOML, as a FIT workout file for a watch "
        "(extra fit), as an iCalendar plan of weekly sessions (extra ics), as a follow-along "
        "player page (html), or as a printable card (card: HTML, or PDF when -o ends in .pdf, "
        "extra pdf and Chromium).",
    )
    export.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    export.add_argument(
        "--format", choices=tuple(_EXPORTERS), help="what to write (default: from the -o file's suffix)"
    )
    export.add_argument(
        "--fit-max-steps",
        type=_fit_steps,
        default=50,
        metavar="N",
        help="most steps in a FIT file, up to 4096 (default 50, what Garmin Connect takes)",
    )
    plan = export.add_argument_group("calendar plan (--format ics)")
    plan.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help="first day (today)")
    plan.add_argument("--weeks", type=int, default=4, metavar="N", help="how many weeks (default 4)")
    plan.add_argument(
        "--weekdays", metavar="DAYS", help="training days, such as mon,thu (default: the workout's frequency)"
    )
    plan.add_argument("--at", type=_time, default=dt.time(7), metavar="HH:MM", help="start time (07:00)")
    _variant_flags(export)
    _pacing_flags(export)

    schema = subparsers.add_parser(
        "schema",
        parents=[common, writes],
        help="print the JSON Schema of workout documents",
        description="Print the JSON Schema (draft 2020-12) of workout documents, for editors and "
        "other validators.",
    )

    complete = subparsers.add_parser(
        "completion",
        parents=[common, writes],
        help="print a shell completion script",
        description="Print a completion script for bash, zsh or fish. bash: "
        "runstrength completion bash > ~/.local/share/bash-completion/completions/runstrength; "
        "zsh: runstrength completion zsh > ~/.zfunc/_runstrength; fish: "
        "runstrength completion fish > ~/.config/fish/completions/runstrength.fish",
    )
    complete.add_argument("shell", choices=SHELLS, help="the shell")
    commands: dict[str, argparse.ArgumentParser] = {
        "list": listing,
        "show": show,
        "validate": validate,
        "timeline": timeline,
        "export": export,
        "schema": schema,
        "completion": complete,
    }
    return parser, commands


def _variant_flags(command: argparse.ArgumentParser) -> None:
    """The flags choosing a version of the workout: a level or modifications, optional parts."""
    variant = command.add_argument(
        "--variant",
        metavar="NAME",
        help="a level of the workout (such as advanced), or a modification kind: "
        f"{', '.join(_VARIANTS)} (a note says when no exercise has one)",
    )
    suggest(variant, _VARIANTS)
    include = command.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="NAME",
        help="keep the optional block or exercise of this name (repeat for several)",
    )
    suggest(include, ())


def _pacing_flags(command: argparse.ArgumentParser) -> None:
    """The pacing flags of a command that builds a timeline."""
    pacing = command.add_argument_group("pacing (the workout's own rests and tempos take precedence)")
    defaults = attrs.fields_dict(Pacing)
    for name, text in _PACING_FLAGS.items():
        default = defaults[name].default
        help_ = f"{text} (default {'by kind' if default is None else format(default, 'g')})"
        pacing.add_argument(f"--{name.replace('_', '-')}", type=_number, metavar="S", help=help_)
    pacing.add_argument(
        "--rest",
        dest="range_point",
        choices=[point.value for point in RangePoint],
        help=f"which point of every range to use: min, the middle or max (default {Pacing().range_point})",
    )


def _version() -> str:
    try:
        return version(PROG)
    except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
        return "unknown"
