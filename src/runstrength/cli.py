"""The ``runstrength`` command: show, validate and time workouts from a shell.

A workout argument is the name of a built-in workout, a file (``.json``, ``.yaml``,
``.yml`` or ``.toml``), or ``-`` for standard input.  Errors go to standard error.
Exit status: 0 success, 1 invalid input (a workout that breaks a rule, a file that
cannot be read), 2 usage error, 130 interrupted, 141 output closed early (as for a
program stopped by SIGPIPE, e.g. ``runstrength timeline | head -1``).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import difflib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

import attrs

from . import catalog
from ._batch import read_jsonl, validate_many
from ._document.schema import json_schema
from ._document.text import FORMATS, SUFFIXES, DocumentFormat, dumps, load, loads
from ._errors import MissingExtraError, Problem, ValidationError
from ._export.fit import export_fit
from ._export.ics import export_ics
from ._files import write_atomic
from ._model import Workout
from ._pacing import Pacing
from ._render.summary import summary
from ._render.table import TIMELINE_FORMATS, render
from ._timeline import build_timeline
from ._values import RangePoint

__all__ = ["main"]

PROG: Final = "runstrength"
DEFAULT_WORKOUT: Final = "upper-body-for-runners"
STDIN: Final = "-"
STDIN_LABEL: Final = "<stdin>"

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

_EXPORT_FORMATS: Final = (*FORMATS, "fit", "ics", "html", "card")
_VARIANTS: Final = ("easier", "harder")
_PACING_FLAGS: Final = {
    "seconds_per_rep": "seconds one repetition takes",
    "switch_sides": "seconds to change sides",
    "transition": "seconds to move to the next exercise",
    "rest_between_rounds": "rest between rounds where the workout gives none",
    "rest_between_sets": "rest after a superset or straight set where the workout gives none",
    "rest_between_blocks": "rest between blocks",
}


class _InvalidInputError(Exception):
    """An input that gave no usable workout, with every problem found."""

    def __init__(self, label: str, problems: Iterable[Problem], verdict: str = "invalid") -> None:
        self.label = label
        self.problems = tuple(problems)
        self.verdict = verdict
        super().__init__(f"{label}: {verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``runstrength`` command.

    Args:
        argv: the arguments after the program name; ``None`` means ``sys.argv[1:]``.

    Returns:
        The exit status: 0 success, 1 invalid input, 2 usage error, 130 interrupted,
        141 standard output closed before everything was written.
    """
    try:
        status = _run(argv)
        # Flush here, not at exit, so that a closed pipe is handled below.
        sys.stdout.flush()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    return status


def _run(argv: Sequence[str] | None) -> int:
    parser, commands = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "validate" and args.files.count(STDIN) > 1:
            commands["validate"].error("standard input (-) can be read only once")
        if args.command in ("timeline", "export"):
            args.pacing = _pacing(args, commands[args.command])
        if args.command == "validate":
            _check_validate(args, commands["validate"])
        if args.command == "export" and args.format == "fit" and args.output is None and sys.stdout.isatty():
            commands["export"].error("a FIT file is binary: write it to a file with -o FILE")
    except SystemExit as exit_:  # argparse's own exit: --help, --version or a usage error
        code = exit_.code
        return code if isinstance(code, int) else EXIT_USAGE if code else EXIT_OK
    run: Callable[[argparse.Namespace], int] = _COMMANDS[args.command]
    try:
        return run(args)
    except _InvalidInputError as invalid:
        _report(invalid, prefix=f"{PROG}: ")
    except MissingExtraError as error:
        _complain(str(error))
    return EXIT_INVALID


# --- the commands --------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    workout = _read(args.workout, args.input_format)
    if args.format == "text":
        _write(summary(workout))
    else:
        _write(dumps(workout, args.format))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _validate_lines(args)
    status = EXIT_OK
    for source in args.files:
        try:
            _read(source, args.input_format)
        except _InvalidInputError as invalid:
            status = EXIT_INVALID
            label, problems = invalid.label, invalid.problems
            if args.format == "text":
                _report(invalid)
        else:
            label, problems = _label(source), ()
            if args.format == "text":
                _write(f"{label}: OK")
        if args.format == "json":
            _write_result(label, problems)
    return status


def _check_validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.jsonl is None and not args.files:
        parser.error("give the files to check, or --jsonl FILE")
    if args.jsonl is not None and args.files:
        parser.error("--jsonl reads one JSON Lines file: give no other files")
    if args.jsonl is not None and args.input_format not in (None, "json"):
        parser.error("--jsonl reads JSON documents only")
    if args.jobs < 1:
        parser.error(f"argument --jobs: expected a whole number of at least 1, got {args.jobs}")


def _validate_lines(args: argparse.Namespace) -> int:
    """Validate a JSON Lines file as it streams, reporting invalid lines with their numbers."""
    label = _label(args.jsonl)
    source = (getattr(sys.stdin, "buffer", sys.stdin)) if args.jsonl == STDIN else args.jsonl
    numbers: collections.deque[int] = collections.deque()

    def documents() -> Iterator[str | bytes]:
        for number, text in read_jsonl(source):
            numbers.append(number)
            yield text

    valid = invalid = 0
    try:
        for result in validate_many(documents(), jobs=args.jobs, with_workouts=False):
            where = f"{label}:{numbers.popleft()}"
            valid, invalid = (valid + 1, invalid) if result.ok else (valid, invalid + 1)
            if args.format == "json":
                _write_result(where, result.problems)
            elif not result.ok:
                _report(_InvalidInputError(where, result.problems))
    except OSError as error:
        raise _InvalidInputError(
            label, [Problem((), f"cannot read the file: {error.strerror or error}")]
        ) from None
    if args.format == "text":
        _write(f"{label}: {valid} valid, {invalid} invalid")
    return EXIT_INVALID if invalid else EXIT_OK


def _schema(_: argparse.Namespace) -> int:
    _write(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    workout = _read(args.workout, args.input_format)
    label = _label(args.workout or DEFAULT_WORKOUT)
    try:
        if args.format == "fit":
            data = export_fit(workout, args.pacing)
        elif args.format == "ics":
            start = args.start or dt.date.today()  # noqa: DTZ011 - a plan starts on the user's own today
            weekdays = args.weekdays.split(",") if args.weekdays else None
            data = export_ics(
                workout, start=start, weeks=args.weeks, weekdays=weekdays, at=args.at, pacing=args.pacing
            )
        elif args.format in ("html", "card"):
            data = _page(workout, args)
        else:
            data = dumps(workout, args.format).encode()
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, f"cannot export it as {args.format}") from None
    if args.output is None:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream, as in an embedding application
            _write(data.decode())
        else:
            sys.stdout.flush()
            buffer.write(data)
        return EXIT_OK
    try:
        write_atomic(args.output, data)
    except OSError as error:
        raise _InvalidInputError(
            args.output, [Problem((), f"cannot write: {error.strerror or error}")]
        ) from None
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


def _timeline(args: argparse.Namespace) -> int:
    workout = _read(args.workout, args.input_format)
    label = _label(args.workout or DEFAULT_WORKOUT)
    if args.variant:
        try:
            workout = workout.variant(args.variant)
        except ValidationError as error:
            raise _InvalidInputError(
                label, error.problems, f"its {args.variant} variant is invalid"
            ) from None
    try:
        timeline = build_timeline(workout, args.pacing)
        timeline.total_range  # noqa: B018 - expanded on first use: report its problems here
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems, "cannot make a timeline") from None
    _write(render(timeline, args.format))
    return EXIT_OK


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "show": _show,
    "validate": _validate,
    "timeline": _timeline,
    "export": _export,
    "schema": _schema,
}


# --- input ---------------------------------------------------------------------------------


def _read(source: str | None, input_format: DocumentFormat | None) -> Workout:
    """The workout an argument stands for: a built-in name, a file, or ``-`` for standard input.

    Raises:
        _InvalidInputError: the input cannot be read or is not a valid workout.
    """
    source = source or DEFAULT_WORKOUT
    label = _label(source)
    try:
        if source == STDIN:
            return loads(_stdin(), input_format or "json")
        if source in catalog.names():
            return catalog.get(source)
        path = Path(source)
        if input_format is None and path.suffix.lower() not in SUFFIXES and not path.exists():
            raise _InvalidInputError(label, [Problem((), _not_found(source))])
        return load(path, input_format)
    except ValidationError as error:
        raise _InvalidInputError(label, error.problems) from None
    except OSError as error:
        reason = f"cannot read the file: {error.strerror or error}"
        raise _InvalidInputError(label, [Problem((), reason)]) from None
    except (ValueError, MissingExtraError) as error:  # an unknown suffix, or YAML not installed
        raise _InvalidInputError(label, [Problem((), str(error))]) from None


def _stdin() -> str | bytes:
    # Read bytes when there are any, so the document is decoded as UTF-8 whatever the locale.
    buffer = getattr(sys.stdin, "buffer", None)
    data: str | bytes = buffer.read() if buffer is not None else sys.stdin.read()
    return data


def _label(source: str) -> str:
    return STDIN_LABEL if source == STDIN else source


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


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _write_result(label: str, problems: Sequence[Problem]) -> None:
    """One machine-readable line: the input, whether it is valid, and its problems."""
    found = [{"path": problem.path, "reason": problem.reason} for problem in problems]
    _write(json.dumps({"file": label, "valid": not problems, "problems": found}))


def _complain(message: str) -> None:
    sys.stderr.write(f"{PROG}: {message}\n")


def _report(invalid: _InvalidInputError, prefix: str = "") -> None:
    lines = [f"{prefix}{invalid.label}: {invalid.verdict}"]
    lines += [f"  {problem}" for problem in invalid.problems]
    sys.stderr.write("\n".join(lines) + "\n")


def _discard_stdout() -> None:
    # Python flushes stdout once more on exit; aim it at the null device so that flush
    # cannot fail again and print an "Exception ignored" message.
    with contextlib.suppress(OSError, ValueError):
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


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Show, validate and time strength workouts.",
        epilog="Exit status: 0 ok, 1 invalid input, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    workout_help = f"a built-in workout's name, a file, or - for standard input (default {DEFAULT_WORKOUT})"
    input_format = argparse.ArgumentParser(add_help=False)
    input_format.add_argument(
        "--input-format",
        choices=FORMATS,
        help="the format of the input (default: from the file's suffix; json for standard input)",
    )

    show = subparsers.add_parser(
        "show",
        parents=[input_format],
        help="print a workout as readable text or as a document",
        description="Print a workout as readable text, or as a JSON, YAML or TOML document.",
    )
    show.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    show.add_argument(
        "--format", choices=("text", *FORMATS), default="text", help="what to print (default text)"
    )

    validate = subparsers.add_parser(
        "validate",
        parents=[input_format],
        help="check workout documents and list every problem",
        description="Check workout documents: print FILE: OK for each valid one, and every "
        "problem of each invalid one (on standard error).",
        epilog="Exit status: 0 all valid, 1 any invalid or unreadable, 2 usage error.",
    )
    validate.add_argument(
        "files", nargs="*", metavar="FILE", help="a workout document, or - for standard input"
    )
    validate.add_argument(
        "--jsonl",
        metavar="FILE",
        help="a JSON Lines file (or - for standard input) of one workout per line, read as a stream; "
        "invalid lines are reported with their numbers",
    )
    validate.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="processes validating --jsonl lines (default 1)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people, or json: one object per file on standard output (default text)",
    )

    timeline = subparsers.add_parser(
        "timeline",
        parents=[input_format],
        help="print a workout's timeline",
        description="Print the timeline a workout expands into: every work, rest, transition and "
        "side switch with its start and end.",
    )
    timeline.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    timeline.add_argument(
        "--format", choices=TIMELINE_FORMATS, default="table", help="how to print it (default table)"
    )
    timeline.add_argument(
        "--variant", choices=_VARIANTS, help="use each exercise's easier or harder modification"
    )
    _pacing_flags(timeline)

    export = subparsers.add_parser(
        "export",
        parents=[input_format],
        help="write a workout as a document, a Garmin FIT workout, an iCalendar plan, a player or a card",
        description="Write a workout as JSON, YAML or TOML, as a FIT workout file for a watch "
        "(extra fit), as an iCalendar plan of weekly sessions (extra ics), as a follow-along "
        "player page (html), or as a printable card (card: HTML, or PDF when -o ends in .pdf, "
        "extra pdf and Chromium).",
    )
    export.add_argument("workout", nargs="?", metavar="NAME|FILE|-", help=workout_help)
    export.add_argument("--format", choices=_EXPORT_FORMATS, required=True, help="what to write")
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default standard output)")
    plan = export.add_argument_group("calendar plan (--format ics)")
    plan.add_argument("--start", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="first day (today)")
    plan.add_argument("--weeks", type=int, default=4, metavar="N", help="how many weeks (default 4)")
    plan.add_argument(
        "--weekdays", metavar="DAYS", help="training days, such as mon,thu (default: the workout's frequency)"
    )
    plan.add_argument(
        "--at", type=dt.time.fromisoformat, default=dt.time(7), metavar="HH:MM", help="start time (07:00)"
    )
    _pacing_flags(export)

    subparsers.add_parser(
        "schema",
        help="print the JSON Schema of workout documents",
        description="Print the JSON Schema (draft 2020-12) of workout documents, for editors and "
        "other validators.",
    )
    return parser, {"show": show, "validate": validate, "timeline": timeline, "export": export}


def _pacing_flags(command: argparse.ArgumentParser) -> None:
    """The pacing flags of a command that builds a timeline."""
    pacing = command.add_argument_group("pacing (the workout's own rests and tempos take precedence)")
    defaults = attrs.fields_dict(Pacing)
    for name, text in _PACING_FLAGS.items():
        help_ = f"{text} (default {defaults[name].default:g})"
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
