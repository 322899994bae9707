import argparse
import contextlib
import io
import json
import os
import re
import resource
import shlex
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, time
from importlib.metadata import version
from pathlib import Path
from time import sleep
from typing import Any, NamedTuple
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import runstrength
from runstrength import Pacing, RangePoint, build_timeline, catalog
from runstrength._document.text import SUFFIXES, DocumentFormat
from runstrength._errors import MAX_PROBLEMS
from runstrength._extras import _brought_by
from runstrength._render.completion import _options, _positional_choices
from runstrength._render.summary import summary
from runstrength._render.table import TimelineFormat, length, render
from runstrength._render.terminal import escape, width
from runstrength.cli import _parser, _problem_line, _result, _sniff, main

BUILT_IN = "upper-body-for-runners"
GOLDEN = Path(__file__).parent / "golden"


def assert_matches_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with a golden file; ``RUNSTRENGTH_UPDATE_GOLDEN=1`` rewrites the file first."""
    path = GOLDEN / name
    if os.environ.get("RUNSTRENGTH_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    assert expected == actual


def install(extra: str) -> str:
    """The command a missing-extra error gives: the requirements the extra brings, quoted."""
    return "pip install " + " ".join(f"'{requirement}'" for requirement in _brought_by(extra))


class Result(NamedTuple):
    """What one run of the command gave."""

    status: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the command in a scratch directory, capturing its status and output."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> Result:
        status = main(list(args))
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Give the command this text on standard input, as a real (byte-backed) stream."""

    def give(text: str) -> None:
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
        )

    return give


def run_on_stdin(text: str, *args: str, encoding: str = "utf-8") -> Result:
    """Run the command with ``text`` on standard input, without pytest's fixtures (for properties).

    Standard output is a stream in ``encoding``, as a terminal's would be.
    """
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, write_through=True)
    with (
        mock.patch.object(sys, "stdin", stdin),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(err),
    ):
        status = main(list(args))
    return Result(status, out.getvalue().decode(encoding), err.getvalue())


def write(name: str, text: str) -> str:
    """Write a file in the current directory and return its name."""
    Path(name).write_text(text, encoding="utf-8")
    return name


def built_in_document(fmt: DocumentFormat = "json") -> str:
    """The built-in workout as a document."""
    return runstrength.dumps(catalog.get(BUILT_IN), fmt)


# A document with two problems, one of them nested, for the error-reporting tests.
INVALID = json.dumps(
    {
        "schema_version": 1,
        "title": "Arms",
        "blocks": [{"name": "Main", "rounds": 0, "items": [{"name": "Curl", "dose": {"reps": 8.5}}]}],
    }
)


def too_many_problems(more: int) -> str:
    """A one-line JSON document with ``more`` problems beyond the most a `ValidationError` lists."""
    items = [{"name": "Curl", "dose": {"reps": 0.5}}] * (MAX_PROBLEMS + more)
    return json.dumps({"schema_version": 1, "title": "Big", "blocks": [{"name": "Main", "items": items}]})


@pytest.fixture
def interruptible() -> Iterator[None]:
    """Ctrl-C handled in this process during the test, so the commands it starts can be interrupted.

    A shell starts a background job with Ctrl-C ignored, and an ignored signal stays ignored in
    every child: the suite run that way would test nothing. A handled one starts at its default
    in a child, as in a terminal.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def every_field() -> runstrength.Workout:
    """A workout that uses every field the readable summary prints."""
    rs = runstrength
    curl = rs.Exercise(
        name="Hammer Curl",
        dose=rs.Reps(rs.Range(8, 10)),
        sets=3,
        rest_between_sets=rs.Rest(60),
        load=rs.Load(amount=12, unit=rs.LoadUnit.KG),
        effort=rs.Effort(rpe=8, rir=2),
        tempo=rs.Tempo("3-1-1-0"),
        equipment=(rs.Equipment(name="dumbbell", quantity=2),),
        notes="Use the same pair for every set.",
        rest_after=rs.Rest(90),
        video="https://example.com/curl",
        cues=(
            "Keep the elbows by your sides.",
            "Lower slowly.",
        ),
        modifications=(
            rs.Modification(name="Cable Curl", kind=rs.ModificationKind.ALTERNATIVE),
            rs.Modification(name="Seated Curl", kind=rs.ModificationKind.EASIER, dose=rs.Reps(6)),
        ),
    )
    pair = rs.Superset(
        name="Pair",
        label="superset",
        rounds=rs.Range(2, 3),
        rest_between_exercises=rs.Rest(10),
        rest_between_rounds=rs.Rest.between(30, 45),
        rest_after=rs.Rest(120),
        notes="No rest between the two moves.",
        exercises=(
            rs.Exercise(name="Split Squat", dose=rs.Reps(10), sides=rs.Sides.EACH),
            rs.Exercise(name="Farmer Carry", dose=rs.Distance(40)),
        ),
    )
    plank = rs.Exercise(name="Plank", dose=rs.Duration(20))
    return rs.Workout(
        title="Every Field",
        summary="A workout that exists to show every line of the summary.\n\nIt has two paragraphs.",
        frequency=rs.Frequency(per_week=2, note="With a day off between sessions."),
        stated_duration=rs.Range(1500, 1800),
        rest_between_sets=rs.Rest.between(60, 90, as_needed=True),
        equipment=(
            rs.Equipment(name="mat"),
            rs.Equipment(name="kettlebell", load=rs.Load(rs.LoadLevel.HEAVY)),
        ),
        targets=(
            "legs",
            "grip",
        ),
        benefits=("Stronger legs.",),
        video="https://example.com/every-field",
        source=rs.Source(
            title="A Made-Up Article",
            publisher="Nobody's Magazine",
            url="https://example.com/article",
            credits=(rs.Credit(name="A. Coach", role="workout"),),
            notes="Invented for the tests.",
        ),
        notes="Warm up first.",
        blocks=(
            rs.Block(
                name="Ladder",
                kind=rs.BlockKind.OTHER,
                rounds=3,
                rest_between_rounds=rs.Rest(45),
                rest_after=rs.Rest(60),
                notes="Fewer reps each round.",
                items=(
                    rs.Exercise(
                        name="Push-up",
                        dose=rs.Ladder(
                            (
                                rs.Reps(10),
                                rs.Reps(8),
                                rs.Reps(6),
                            )
                        ),
                        sides=rs.Sides.BOTH,
                    ),
                    curl,
                    pair,
                ),
            ),
            rs.Block(
                name="Intervals",
                rounds=2,
                format=rs.Intervals(work=40, rest=20, active_rest=plank),
                items=(rs.Exercise(name="Row", dose=rs.Duration(40), sides=rs.Sides.ALTERNATING),),
            ),
            rs.Block(
                name="EMOM",
                rounds=2,
                format=rs.Emom(every=60, duration=600),
                rest_between_rounds=rs.Rest.between(180, 300),
                stated_round_duration=600,
                items=(rs.Exercise(name="Burpee", dose=rs.Reps(10)),),
            ),
            rs.Block(
                name="For Time",
                rounds=3,
                format=rs.ForTime(time_cap=600),
                stated_duration=rs.Range(300, 420),
                items=(
                    rs.Exercise(name="Squat", dose=rs.Ladder((rs.Reps(21), rs.Reps(15), rs.Reps(9)))),
                    rs.Exercise(name="Jumping Jack", dose=rs.Ascending(10, by=5)),
                ),
            ),
            rs.Block(
                name="AMRAP",
                kind=rs.BlockKind.COOL_DOWN,
                format=rs.Amrap(time_cap=720),
                items=(
                    rs.Exercise(name="Sit-up", dose=rs.MaxReps(time_cap=60)),
                    rs.Exercise(name="Hollow Hold", dose=rs.Duration(rs.Range(30, 45))),
                ),
            ),
        ),
        levels=(
            rs.Level(
                name="advanced",
                summary="Three rounds of intervals, heavier curls and shorter rests.",
                blocks=(rs.BlockChange(block="Intervals", rounds=3),),
                exercises=(
                    rs.ExerciseChange(exercise="Hammer Curl", load=rs.Load(amount=14, unit=rs.LoadUnit.KG)),
                ),
                rest_between_sets=rs.Rest(45),
            ),
            rs.Level(name="steady", rest_between_sets=rs.Rest(120)),
        ),
    )


def reported(label: str, problems: Iterable[runstrength.Problem]) -> str:
    """Problems as the command reports them: ``file:line:col: path: reason [code]``, or ``file: path: …``."""
    return "".join(
        f"{label}{'' if p.line is None else f':{p.line}:{p.column}'}: {p.path}: {p.reason} [{p.code}]\n"
        for p in problems
    )


def problems_of(text: str) -> tuple[runstrength.Problem, ...]:
    """The problems the loader finds in a document."""
    with pytest.raises(runstrength.ValidationError) as caught:
        runstrength.loads(text)
    return caught.value.problems


def timeline_text(fmt: TimelineFormat, *, variant: str | None = None, **pacing: Any) -> str:
    """The built-in workout's timeline, built and rendered through the library."""
    workout = catalog.get(BUILT_IN)
    if variant:
        workout = workout.variant(variant)
    return render(build_timeline(workout, Pacing(**pacing)), fmt)


class TestMain:
    """The program as a whole: help, version, usage errors, interrupts and closed output."""

    @pytest.mark.parametrize(
        "args", [["--help"], ["show", "--help"], ["validate", "-h"], ["timeline", "--help"]]
    )
    def test_help(self, run: Run, args: list[str]) -> None:
        """--help prints usage on standard output and exits 0."""
        result = run(*args)
        assert (0, "") == (result.status, result.err)
        assert result.out.startswith("usage: runstrength")

    def test_version(self, run: Run) -> None:
        """--version prints the program name and the installed version."""
        assert (0, f"runstrength {version('runstrength')}\n", "") == run("--version")

    @pytest.mark.parametrize(
        "args",
        [
            [],
            ["frobnicate"],
            ["show", "--bogus"],
            ["show", "--format", "pdf"],
            ["show", "a.json", "b.json"],
            ["validate"],
            ["validate", "-", "-"],
            ["timeline", "--format", "xml"],
            ["timeline", "--variant", "sideways"],
            ["timeline", "--rest", "sometimes"],
        ],
    )
    def test_usage_error(self, run: Run, args: list[str]) -> None:
        """A usage error exits 2 with a message on standard error and nothing on standard output."""
        result = run(*args)
        assert (2, "") == (result.status, result.out)
        assert "runstrength" in result.err
        assert "error: " in result.err

    @pytest.mark.parametrize(
        ("command", "flag"),
        [
            (command, action.option_strings[-1])
            for command, sub in _parser()[1].items()
            for action in _options(sub)
            if action.nargs is None and isinstance(action, argparse._StoreAction)
        ],
    )
    def test_value_of_two_dashes(self, capsys: pytest.CaptureFixture[str], command: str, flag: str) -> None:
        """``--flag=--`` gives the flag the text ``--`` (older argparse dropped it, leaving the default).

        The text is then read like any other value: refused, naming the flag and the text, where the
        flag takes a number, a date or a choice; kept as it is where it takes any text.
        """
        parser, commands = _parser()
        (action,) = (action for action in _options(commands[command]) if flag in action.option_strings)
        args = [command, f"{flag}=--", *_positional_choices(commands[command])[:1]]
        if action.type is None and action.choices is None:
            assert "--" == getattr(parser.parse_args(args), action.dest)
            return
        with pytest.raises(SystemExit, match=r"^2$"):
            parser.parse_args(args)
        last = capsys.readouterr().err.splitlines()[-1]
        assert last.startswith(f"runstrength {command}: error: argument {'/'.join(action.option_strings)}: ")
        assert last.endswith("'--'") or "'--' (choose from" in last

    def test_interrupted(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C exits 130 without a traceback."""

        class Interrupted(io.StringIO):
            def read(self, size: int | None = -1) -> str:  # noqa: ARG002
                raise KeyboardInterrupt

        monkeypatch.setattr(sys, "stdin", Interrupted())
        assert (130, "", "") == run("show", "-")

    def test_closed_output(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Standard output closed early exits 141, as a program stopped by SIGPIPE, without a traceback."""

        class Closed(io.StringIO):
            def write(self, text: str) -> int:  # noqa: ARG002
                raise BrokenPipeError

        monkeypatch.setattr(sys, "stdout", Closed())
        assert (141, "", "") == run("timeline")


class TestShow:
    """show: a workout as readable text or as a document."""

    @pytest.mark.parametrize("args", [[], [BUILT_IN], ["--format", "text", BUILT_IN]])
    def test_text(self, run: Run, args: list[str]) -> None:
        """Without an argument it shows the built-in workout, as readable text."""
        result = run("show", *args)
        assert (0, "") == (result.status, result.err)
        assert_matches_golden(f"show-{BUILT_IN}.txt", result.out)

    def test_text_is_the_summary(self, run: Run) -> None:
        """The text is the summary the library gives, ending in a newline."""
        assert summary(catalog.get(BUILT_IN)) + "\n" == run("show").out

    def test_every_field(self, run: Run) -> None:
        """The readable text shows every field a person needs: formats, loads, rests, links and notes."""
        name = write("every.json", runstrength.dumps(every_field()))
        result = run("show", name)
        assert (0, "") == (result.status, result.err)
        assert_matches_golden("show-every-field.txt", result.out)

    def test_missing_extra_for_output(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Asking for TOML without the toml extra installed exits 3, naming the extra."""
        monkeypatch.setitem(sys.modules, "tomli_w", None)
        expected_err = (
            f"runstrength: this feature needs tomli_w, from runstrength's toml extra: {install('toml')}\n"
        )
        assert (3, "", expected_err) == run("show", "--format", "toml")

    def test_missing_extra_for_input(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading YAML without the yaml extra installed exits 3, naming the extra: not an invalid file."""
        name = write("w.yaml", built_in_document("yaml"))
        monkeypatch.setitem(sys.modules, "yaml", None)
        expected_err = (
            f"runstrength: this feature needs yaml, from runstrength's yaml extra: {install('yaml')}\n"
        )
        assert (3, "", expected_err) == run("show", name)

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_document(self, run: Run, fmt: DocumentFormat) -> None:
        """--format json, yaml or toml prints the workout as a document that loads back the same."""
        result = run("show", "--format", fmt)
        assert (0, "") == (result.status, result.err)
        assert catalog.get(BUILT_IN) == runstrength.loads(result.out, fmt)

    @pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml", ".toml"])
    def test_file(self, run: Run, suffix: str) -> None:
        """A file argument is read in the format its suffix names."""
        fmt = SUFFIXES[suffix]
        name = write(f"workout{suffix}", built_in_document(fmt))
        assert (0, built_in_document(), "") == run("show", name, "--format", "json")

    def test_input_format_overrides_suffix(self, run: Run) -> None:
        """--input-format reads a file whatever its suffix."""
        name = write("workout.txt", built_in_document("yaml"))
        assert (0, built_in_document(), "") == run("show", name, "--input-format", "yaml", "--format", "json")

    def test_stdin_json(self, run: Run, stdin: Callable[[str], None]) -> None:
        """- reads JSON from standard input by default."""
        stdin(built_in_document())
        assert (0, built_in_document("toml"), "") == run("show", "-", "--format", "toml")

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_stdin_input_format(self, run: Run, stdin: Callable[[str], None], fmt: DocumentFormat) -> None:
        """- with --input-format reads that format from standard input."""
        stdin(built_in_document(fmt))
        assert (0, built_in_document(), "") == run("show", "-", "--input-format", fmt, "--format", "json")

    def test_stdin_text_stream(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """A standard input without a byte buffer is read as text."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(built_in_document()))
        assert (0, built_in_document(), "") == run("show", "-", "--format", "json")

    def test_invalid(self, run: Run) -> None:
        """An invalid file exits 1 and lists every problem on standard error."""
        name = write("arms.json", INVALID)
        assert (1, "", reported("arms.json", problems_of(INVALID))) == run("show", name)

    def test_malformed_stdin(self, run: Run, stdin: Callable[[str], None]) -> None:
        """Malformed input is reported as a problem at the root, not a traceback."""
        stdin('{"title": ')
        result = run("show", "-")
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith("<stdin>:1:11: (document): not valid JSON: ")

    @pytest.mark.parametrize(
        ("argument", "reason"),
        [
            ("missing.json", "cannot read the file: No such file or directory"),
            (
                "notes.txt",
                "cannot tell the format of 'notes.txt': expected a .json, .yaml, .yml or .toml file",
            ),
            (
                "upper-body",
                "no built-in workout or file named 'upper-body'; did you mean 'upper-body-for-runners'?",
            ),
            ("squats", "no built-in workout or file named 'squats'; built in: " + ", ".join(catalog.names())),
        ],
    )
    def test_unreadable(self, run: Run, argument: str, reason: str) -> None:
        """An argument that is neither a built-in name nor a readable document exits 1 with the reason."""
        write("notes.txt", "just some notes")
        result = run("show", argument)
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith(f"{argument}: (document): {reason} [")

    def test_directory(self, run: Run) -> None:
        """A directory is not read as a document."""
        Path("plans.json").mkdir()
        result = run("show", "plans.json")
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith("plans.json: (document): cannot read the file: ")


class TestValidate:
    """validate: a verdict per input, and every problem of the invalid ones."""

    def test_valid(self, run: Run, stdin: Callable[[str], None]) -> None:
        """Each valid input prints FILE: OK on standard output, then a count, and the exit status is 0."""
        names = [write("w.json", built_in_document("json")), write("w.toml", built_in_document("toml"))]
        stdin(built_in_document())
        expected_out = "w.json: OK\nw.toml: OK\n<stdin>: OK\n3 files: 3 valid, 0 invalid\n"
        assert (0, expected_out, "") == run("validate", *names, "-")

    def test_stdin_input_format(self, run: Run, stdin: Callable[[str], None]) -> None:
        """--input-format says what standard input holds."""
        stdin(built_in_document("yaml"))
        assert (0, "<stdin>: OK\n1 file: 1 valid, 0 invalid\n", "") == run(
            "validate", "--input-format", "yaml", "-"
        )

    def test_built_in(self, run: Run) -> None:
        """A built-in workout's name validates too."""
        assert (0, f"{BUILT_IN}: OK\n1 file: 1 valid, 0 invalid\n", "") == run("validate", BUILT_IN)

    def test_mixed(self, run: Run) -> None:
        """Invalid and missing files exit 1; their problems go to standard error, in argument order."""
        good = write("good.json", built_in_document())
        bad = write("bad.json", INVALID)
        missing = "missing.yaml: (document): cannot read the file: No such file or directory [unreadable]\n"
        expected_err = reported("bad.json", problems_of(INVALID)) + missing
        expected_out = "good.json: OK\n3 files: 1 valid, 2 invalid\n"
        assert (1, expected_out, expected_err) == run("validate", bad, good, "missing.yaml")

    def test_json(self, run: Run) -> None:
        """--format json prints one object per file on standard output, and nothing on standard error."""
        good = write("good.json", built_in_document())
        bad = write("bad.json", INVALID)
        result = run("validate", "--format", "json", good, bad, "missing.json")
        expected = [
            {"file": "good.json", "valid": True, "problems": [], "omitted": 0},
            {
                "file": "bad.json",
                "valid": False,
                "problems": [
                    {"path": p.path, "reason": p.reason, "code": p.code, "line": p.line, "column": p.column}
                    for p in problems_of(INVALID)
                ],
                "omitted": 0,
            },
            {
                "file": "missing.json",
                "valid": False,
                "problems": [
                    {
                        "path": "(document)",
                        "reason": "cannot read the file: No such file or directory",
                        "code": "unreadable",
                    }
                ],
                "omitted": 0,
            },
        ]
        assert (1, "") == (result.status, result.err)
        assert expected == [json.loads(line) for line in result.out.splitlines()]

    def test_json_all_valid(self, run: Run) -> None:
        """--format json exits 0 when every file is valid."""
        good = write("good.json", built_in_document())
        assert (0, '{"file": "good.json", "valid": true, "problems": [], "omitted": 0}\n', "") == run(
            "validate", good, "--format", "json"
        )

    @pytest.mark.parametrize(("more", "words"), [(1, "1 more problem"), (250, "250 more problems")])
    def test_more_problems_than_listed(self, run: Run, more: int, words: str) -> None:
        """Past the most problems listed, a last line says how many more were found."""
        big = write("big.json", too_many_problems(more))
        result = run("validate", big)
        lines = result.err.splitlines()
        assert (1, MAX_PROBLEMS + 1) == (result.status, len(lines))
        assert f"big.json: ... and {words}" == lines[-1]

    def test_more_problems_than_listed_json(self, run: Run) -> None:
        """--format json counts the problems found beyond those listed in omitted."""
        big = write("big.json", too_many_problems(7))
        row = json.loads(run("validate", "--format", "json", big).out)
        assert (MAX_PROBLEMS, 7) == (len(row["problems"]), row["omitted"])

    def test_malformed(self, run: Run) -> None:
        """A file that is not a document at all is reported like an invalid one."""
        bad = write("bad.toml", "title = ")
        result = run("validate", bad)
        assert (1, "1 file: 0 valid, 1 invalid\n") == (result.status, result.out)
        assert result.err.startswith("bad.toml: (document): not valid TOML: ")


class TestTimeline:
    """timeline: the workout expanded and printed, paced by the flags."""

    @pytest.mark.parametrize(
        ("fmt", "golden"),
        [("table", "table.txt"), ("markdown", "md"), ("csv", "csv"), ("json", "json")],
    )
    def test_golden(self, run: Run, fmt: str, golden: str) -> None:
        """The built-in workout's timeline in each format, at the default pacing."""
        result = run("timeline", "--format", fmt)
        assert (0, "") == (result.status, result.err)
        assert_matches_golden(f"timeline-{BUILT_IN}.{golden}", result.out)

    def test_default_format(self, run: Run) -> None:
        """Without --format the timeline is a table."""
        assert (0, timeline_text("table"), "") == run("timeline", BUILT_IN)

    @pytest.mark.parametrize(
        ("flags", "pacing"),
        [
            (["--seconds-per-rep", "2.5"], {"seconds_per_rep": 2.5}),
            (["--seconds-per-rep", "4"], {"seconds_per_rep": 4}),
            (["--switch-sides", "0"], {"switch_sides": 0}),
            (["--transition", "20"], {"transition": 20}),
            (["--rest-between-rounds", "45"], {"rest_between_rounds": 45}),
            (["--rest-between-sets", "90"], {"rest_between_sets": 90}),
            (["--rest-between-blocks", "120"], {"rest_between_blocks": 120}),
            (["--rest", "min"], {"range_point": RangePoint.MIN}),
            (["--rest", "max", "--transition", "15"], {"range_point": RangePoint.MAX, "transition": 15}),
        ],
    )
    def test_pacing(self, run: Run, flags: list[str], pacing: dict[str, Any]) -> None:
        """Each pacing flag sets the pacing field of the same name."""
        assert (0, timeline_text("csv", **pacing), "") == run("timeline", "--format", "csv", *flags)

    @pytest.mark.parametrize("variant", ["easier", "harder"])
    def test_variant(self, run: Run, variant: str) -> None:
        """--variant times the workout with each exercise's modification of that kind."""
        assert (0, timeline_text("csv", variant=variant), "") == run(
            "timeline", "--variant", variant, "--format", "csv"
        )

    def test_easier_differs(self, run: Run) -> None:
        """The easier variant's timeline is not the workout's own."""
        assert (
            run("timeline", "--format", "csv").out
            != run("timeline", "--variant", "easier", "--format", "csv").out
        )

    @pytest.mark.parametrize(
        ("flags", "message"),
        [
            (["--switch-sides", "2.5"], "argument --switch-sides: expected a whole number"),
            (["--seconds-per-rep", "0"], "argument --seconds-per-rep: expected a number"),
            (["--seconds-per-rep", "nan"], "argument --seconds-per-rep: expected a number"),
            (["--rest-between-sets", "-5"], "argument --rest-between-sets: expected a whole number"),
            (["--transition", "ten"], "argument --transition: invalid number value: 'ten'"),
        ],
    )
    def test_bad_pacing(self, run: Run, flags: list[str], message: str) -> None:
        """A pacing value the pacing's rules refuse is a usage error naming the flag."""
        result = run("timeline", *flags)
        assert (2, "") == (result.status, result.out)
        assert message in result.err
        assert "Traceback" not in result.err

    def test_bad_pacing_all_reported(self, run: Run) -> None:
        """Every bad pacing flag is reported at once."""
        err = run("timeline", "--switch-sides", "-1", "--transition", "0.5").err
        assert ("--switch-sides" in err, "--transition" in err) == (True, True)

    def test_file_and_stdin(self, run: Run, stdin: Callable[[str], None]) -> None:
        """The timeline of a file or of standard input is the same as of the built-in workout."""
        name = write("workout.yaml", built_in_document("yaml"))
        assert (0, timeline_text("table"), "") == run("timeline", name)
        stdin(built_in_document())
        assert (0, timeline_text("table"), "") == run("timeline", "-")

    def test_invalid(self, run: Run) -> None:
        """An invalid workout exits 1 and prints no timeline."""
        name = write("arms.json", INVALID)
        result = run("timeline", name)
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith("arms.json:1:")

    def test_invalid_variant(self, run: Run) -> None:
        """A variant whose modification breaks a rule (a ladder longer than the rounds) exits 1 with why."""
        push_up = {
            "name": "Push-up",
            "dose": {"reps": 8},
            "modifications": [
                {
                    "name": "Incline Push-up",
                    "kind": "easier",
                    "dose": {"ladder": [{"reps": n} for n in (5, 4, 3)]},
                }
            ],
        }
        superset = {
            "type": "superset",
            "rounds": 2,
            "exercises": [push_up, {"name": "Squat", "dose": {"reps": 10}}],
        }
        document = {"schema_version": 1, "title": "Ladder", "blocks": [{"name": "Main", "items": [superset]}]}
        name = write("ladder.json", json.dumps(document))
        assert 0 == run("timeline", name).status
        result = run("timeline", name, "--variant", "easier")
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith("runstrength: ladder.json: its easier variant is invalid\nladder.json: ")

    def test_overflow_warns(self, run: Run) -> None:
        """Work longer than its EMOM interval still makes a timeline; a warning on stderr says where."""
        document = {
            "schema_version": 1,
            "title": "Plank minutes",
            "blocks": [
                {
                    "name": "EMOM",
                    "format": {"type": "emom", "every": 10, "duration": 60},
                    "items": [{"name": "Plank", "dose": {"seconds": 30}}],
                }
            ],
        }
        name = write("plank.json", json.dumps(document))
        result = run("timeline", name)
        assert 0 == result.status
        assert "Total 1:00" in result.out
        assert result.err == (
            "runstrength: warning: plank.json: blocks[0].items[0]: estimated work of 30 s overflows "
            "the 10 s EMOM interval at this pacing; the timeline fits it into the interval "
            "[does_not_fit_interval]\n"
        )


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run a shell command line with this interpreter's ``runstrength`` module."""
    python = shlex.quote(sys.executable)
    return subprocess.run(  # noqa: S602 - the test is about shell pipes
        command.replace("runstrength", f"{python} -m runstrength"),
        shell=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


class TestProcess:
    """The command run as a real process, through the console script, python -m and shell pipes."""

    def test_console_script(self) -> None:
        """The installed runstrength script exits with main()'s status."""
        script = str(Path(sys.executable).with_name("runstrength"))
        result = subprocess.run(  # noqa: S603 - runs the installed script
            [script, "show", "missing.json"], capture_output=True, text=True, check=False
        )
        assert (1, "") == (result.returncode, result.stdout)
        assert result.stderr.startswith("missing.json: (document): cannot read the file")

    def test_module_help(self) -> None:
        """Running the module with --help prints usage and exits 0."""
        result = shell("runstrength --help")
        assert (0, "") == (result.returncode, result.stderr)
        assert result.stdout.startswith("usage: runstrength")

    def test_pipe_to_head(self) -> None:
        """Output piped into head ends quietly: the first line, and no traceback."""
        result = shell("runstrength timeline | head -1")
        assert (0, f"{catalog.get(BUILT_IN).title}\n", "") == (
            result.returncode,
            result.stdout,
            result.stderr,
        )

    def test_pipe_closed_before_output(self) -> None:
        """Output into a pipe that is already closed exits 141 with nothing on standard error."""
        with subprocess.Popen(
            [sys.executable, "-m", "runstrength", "timeline"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.close()
            err = process.stderr.read()
            status = process.wait(timeout=60)
        assert (141, b"") == (status, err)


class TestSchema:
    """runstrength schema prints the document format's JSON Schema."""

    def test_prints_the_schema(self, run: Run) -> None:
        """The output is the JSON of json_schema()."""
        result = run("schema")
        assert (0, runstrength.json_schema()) == (result.status, json.loads(result.out))


class TestExport:
    """runstrength export writes documents, FIT files and calendars."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_documents(self, run: Run, fmt: str) -> None:
        """A document export reads back as the same workout."""
        result = run("export", "cindy", "--format", fmt)
        assert 0 == result.status
        assert catalog.get("cindy") == runstrength.loads(result.out, fmt)  # type: ignore[arg-type]

    def test_fit_to_file(self, run: Run, tmp_path: Path) -> None:
        """-o writes the same bytes as export_fit."""
        result = run("export", "--format", "fit", "-o", "workout.fit")
        assert (0, "", "") == result
        assert runstrength.export_fit(catalog.get(BUILT_IN)) == (tmp_path / "workout.fit").read_bytes()

    def test_fit_refuses_a_terminal(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Binary output to a terminal without -o is a usage error."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        result = run("export", "--format", "fit")
        assert 2 == result.status
        assert "write it to a file with -o FILE" in result.err

    def test_calendar(self, run: Run) -> None:
        """--format ics writes the plan the flags describe."""
        args = ("--format", "ics", "--start", "2026-12-07", "--weeks", "3", "--weekdays", "mon,thu")
        result = run("export", *args)
        expected = runstrength.export_ics(
            catalog.get(BUILT_IN), start=date(2026, 12, 7), weeks=3, weekdays=["mon", "thu"], at=time(7)
        ).decode()
        assert (0, expected) == (result.status, result.out)

    def test_bad_date(self, run: Run) -> None:
        """A malformed start date is a usage error."""
        assert 2 == run("export", "--format", "ics", "--start", "next monday").status

    @pytest.mark.parametrize(
        ("flag", "value", "expected"),
        [
            ("--start", "2025-13-01", "a date as YYYY-MM-DD"),
            ("--start", "2025-02-30", "a date as YYYY-MM-DD"),
            ("--at", "25:00", "a time of day as HH:MM"),
            ("--at", "7 am", "a time of day as HH:MM"),
        ],
    )
    def test_bad_calendar_value(self, run: Run, flag: str, value: str, expected: str) -> None:
        """A date or time that does not exist names the flag and the form it expects, status 2."""
        result = run("export", "--format", "ics", flag, value)
        assert (2, "") == (result.status, result.out)
        last = result.err.splitlines()[-1]
        assert f"runstrength export: error: argument {flag}: expected {expected}, got {value!r}" == last

    @given(st.text(max_size=12))
    def test_any_bad_date(self, text: str) -> None:
        """Any text that is no date is a usage error in the same words, shown escaped."""
        try:
            date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return
        result = run_on_stdin("", "export", "--format", "ics", f"--start={text}")
        assert (2, "") == (result.status, result.out)
        expected = f"argument --start: expected a date as YYYY-MM-DD, got {escape(repr(text))}"
        assert f"runstrength export: error: {expected}" == result.err.splitlines()[-1]


VALID_LINE = runstrength.dumps(catalog.get("cindy")).replace("\n", "")
JSONL_RECORDS = st.one_of(
    st.sampled_from(["", "  ", VALID_LINE, '{"schema_version": 1}', "not json"]),
    st.integers(min_value=1, max_value=len(VALID_LINE) - 1).map(lambda end: VALID_LINE[:end]),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\n\r\ufeff"), max_size=12),
)
"""One line of a JSON Lines file: blank, a valid workout, an invalid one, or broken text."""


class TestValidateLines:
    """runstrength validate --jsonl streams a JSON Lines file."""

    @pytest.fixture
    def lines(self, tmp_path: Path) -> Path:
        """Three valid workouts, then an incomplete one, a blank line and a line that is not JSON."""
        valid = runstrength.dumps(catalog.get("cindy")).replace("\n", "")
        path = tmp_path / "many.jsonl"
        path.write_text(f"{valid}\n{valid}\n{valid}\n" + '{"schema_version": 1}\n\nnot json\n')
        return path

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_reports_lines(self, run: Run, lines: Path, jobs: str) -> None:
        """Invalid lines are reported with their numbers; the summary counts both kinds."""
        result = run("validate", "--jsonl", str(lines), "--jobs", jobs)
        assert 1 == result.status
        assert f"{lines}: 3 valid, 2 invalid\n" == result.out
        assert f"{lines}:4:1: blocks: required field missing [missing_field]" in result.err
        assert f"{lines}:6:1: (document): not valid JSON" in result.err

    def test_json(self, run: Run, lines: Path) -> None:
        """--format json gives one object per line, with the file and line number."""
        rows = [
            json.loads(line)
            for line in run("validate", "--jsonl", str(lines), "--format", "json").out.splitlines()
        ]
        assert [True, True, True, False, False] == [row["valid"] for row in rows]
        assert f"{lines}:6" == rows[-1]["file"]

    @given(st.lists(JSONL_RECORDS, min_size=1, max_size=8))
    def test_positions_are_in_the_file(self, records: list[str]) -> None:
        """Every problem is placed on its line of the file, in text and JSON, and its reason agrees."""
        invalid = set()
        for number, record in enumerate(records, start=1):
            try:
                if record.strip():
                    runstrength.loads(record)
            except runstrength.ValidationError:
                invalid.add(number)
        text = "\n".join(records) + "\n"
        rows = [
            json.loads(row)
            for row in run_on_stdin(text, "validate", "--jsonl", "-", "--format", "json").out.splitlines()
        ]
        placed = set()
        for row in rows:
            if row["valid"]:
                continue
            number = int(row["file"].removeprefix("<stdin>:"))
            placed.add(number)
            for problem in row["problems"]:
                assert number == problem["line"]
                assert re.search(r"\(line \d+, column \d+\)$", problem["reason"]) is None or problem[
                    "reason"
                ].endswith(f"(line {number}, column {problem['column']})")
        assert invalid == placed
        shown = set()
        for line in run_on_stdin(text, "validate", "--jsonl", "-").err.splitlines():
            where = re.match(r"<stdin>:(\d+):(?:(\d+):)? ", line)
            assert where is not None, line
            shown.add(int(where[1]))
            inner = re.search(r"\(line (\d+), column (\d+)\) \[\w+\]$", line)
            assert inner is None or inner.groups() == where.groups()
        assert invalid == shown

    def test_more_problems_than_listed(self, run: Run) -> None:
        """A line with more problems than are listed says how many more, in text and in JSON."""
        write("big.jsonl", too_many_problems(3) + "\n")
        text = run("validate", "--jsonl", "big.jsonl")
        assert "big.jsonl:1: ... and 3 more problems" == text.err.splitlines()[-1]
        row = json.loads(run("validate", "--jsonl", "big.jsonl", "--format", "json").out)
        assert (MAX_PROBLEMS, 3) == (len(row["problems"]), row["omitted"])

    @pytest.mark.parametrize(
        "args",
        [
            ("validate",),
            ("validate", "a.json", "--jsonl", "b.jsonl"),
            ("validate", "--jsonl", "b", "--jobs", "0"),
        ],
    )
    def test_usage(self, run: Run, args: tuple[str, ...]) -> None:
        """Nothing to check, files beside --jsonl, or no jobs: usage errors."""
        assert 2 == run(*args).status


# --- issue 12: safety ------------------------------------------------------------------------

HOSTILE = "Curl\n 0:00  Fake  1/1  Forged row\u2028\u202e"


def hostile_workout() -> runstrength.Workout:
    """A valid workout whose names hold a newline, a line separator and a direction override."""
    rs = runstrength
    curl = rs.Exercise(name=HOSTILE, dose=rs.Reps(8))
    return rs.Workout(title=f"Arms{HOSTILE}", blocks=(rs.Block(name=f"Main{HOSTILE}", items=(curl,)),))


class TestEscaping:
    """Text from a document is shown, never obeyed: control characters come out visibly."""

    @pytest.mark.parametrize(
        "args",
        [
            ["timeline"],
            ["timeline", "--format", "markdown"],
            ["timeline", "--format", "csv"],
            ["show"],
            ["timeline", "--color", "always"],
        ],
    )
    def test_names_in_tables(self, run: Run, args: list[str]) -> None:
        """A newline or a line separator in a name adds no row and reaches the terminal escaped."""
        name = write("hostile.json", runstrength.dumps(hostile_workout()))
        result = run(*args, name)
        forged = [line for line in result.out.splitlines() if "Forged row" in line]
        assert (0, "") == (result.status, result.err)
        assert ("\u2028" in result.out, "\u202e" in result.out) == (False, False)
        assert forged
        assert all("Curl\\n 0:00  Fake  1/1  Forged row\\u2028\\u202e" in line for line in forged)
        assert not any(line.lstrip(" |").startswith("0:00  Fake") for line in result.out.splitlines())

    def test_unknown_key_in_a_problem(self, run: Run) -> None:
        """An unknown key holding a newline and an escape sequence is echoed escaped, on one line."""
        document = json.loads(built_in_document())
        document["rpes\nfile.json: OK\x1b[1A"] = 1
        name = write("keys.json", json.dumps(document))
        result = run("validate", name)
        assert 1 == result.status
        assert "\x1b" not in result.err
        assert 1 == len(result.err.splitlines())
        assert "rpes\\nfile.json: OK\\x1b[1A" in result.err

    @pytest.mark.parametrize(
        "args",
        [
            ["show", "a.json", "b\x1b[2J\nfake: error"],
            ["show", "--format", "x\x1b[2J"],
            ["timeline", "--transition", "\x1b[2J"],
        ],
    )
    def test_usage_errors(self, run: Run, args: list[str]) -> None:
        """Arguments echoed in usage errors are escaped too."""
        result = run(*args)
        assert (2, "") == (result.status, result.out)
        assert "\x1b" not in result.err
        assert "\\x1b[2J" in result.err
        assert not any(line.startswith("fake") for line in result.err.splitlines())

    def test_file_name(self, run: Run) -> None:
        """A file name holding a newline is echoed escaped."""
        result = run("validate", "no\nsuch.json")
        expected = "no\\nsuch.json: (document): cannot read the file: No such file or directory [unreadable]"
        assert (1, [expected]) == (
            result.status,
            result.err.splitlines(),
        )

    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("Curl", "Curl"),
            ("Child's Pose — 30 s", "Child's Pose — 30 s"),
            ("a\nb", "a\\nb"),
            ("a\tb\r", "a\\tb\\r"),
            ("\x1b[31m", "\\x1b[31m"),
            ("\x9b2J", "\\x9b2J"),
            ("\u2028\u202e", "\\u2028\\u202e"),
            ("\x7f\x00", "\\x7f\\x00"),
        ],
    )
    def test_escape(self, text: str, shown: str) -> None:
        """Control characters, line separators and direction overrides are written as escapes."""
        assert shown == escape(text)


def titled(title: str) -> runstrength.Workout:
    """A small workout of this title, its one block named the same."""
    curl = runstrength.Exercise(name="Curl", dose=runstrength.Reps(8))
    return runstrength.Workout(title=title, blocks=(runstrength.Block(name=title, items=(curl,)),))


class TestUnderlines:
    """show underlines the title and each block as wide as the terminal shows them."""

    @given(st.text(min_size=1, max_size=20), st.sampled_from(["ascii", "latin-1"]))
    def test_escaped_characters(self, title: str, encoding: str) -> None:
        """Characters the output's encoding cannot hold are shown escaped, and the underline counts them."""
        try:
            workout = titled(title)
        except runstrength.ValidationError:
            return
        result = run_on_stdin(runstrength.dumps(workout), "show", "-", encoding=encoding)
        lines = result.out.splitlines()
        assert (0, "=" * len(lines[0])) == (result.status, lines[1])
        assert "-" * len(lines[3]) == lines[4]

    @pytest.mark.parametrize(
        ("encoding", "title", "shown", "rule"),
        [
            ("ascii", "Café", "Caf\\xe9", 7),
            ("utf-8", "Café", "Café", 4),
            ("utf-8", "Cafe\u0301", "Cafe\u0301", 4),
            ("utf-8", "腕立て伏せ", "腕立て伏せ", 10),
            ("ascii", "腕立て伏せ", "\\u8155\\u7acb\\u3066\\u4f0f\\u305b", 30),
        ],
    )
    def test_width(self, encoding: str, title: str, shown: str, rule: int) -> None:
        """Escaped characters count as written, wide ones as two columns, combining marks as none."""
        lines = run_on_stdin(
            runstrength.dumps(titled(title)), "show", "-", encoding=encoding
        ).out.splitlines()
        assert [shown, "=" * rule] == lines[:2]

    def test_file_is_utf8(self, run: Run) -> None:
        """Written to a file, the summary keeps every character, whatever the terminal's encoding."""
        name = write("cafe.json", runstrength.dumps(titled("Café")))
        assert 0 == run("show", name, "-o", "cafe.txt").status
        assert ["Café", "===="] == Path("cafe.txt").read_text(encoding="utf-8").splitlines()[:2]


class TestColumns:
    """The timeline table lines its columns up as the terminal shows the cells."""

    @pytest.mark.parametrize("encoding", ["ascii", "utf-8"])
    @pytest.mark.parametrize("name", ["Café", "腕立て伏せ", "Cafe\u0301"])
    def test_timeline(self, encoding: str, name: str) -> None:
        """Every row of the table ends in the same column, whatever the exercise is called."""
        curl = runstrength.Exercise(name="Curl", dose=runstrength.Reps(8))
        other = runstrength.Exercise(name=name, dose=runstrength.Reps(8))
        workout = runstrength.Workout(
            title="T", blocks=(runstrength.Block(name="Main", items=(curl, other)),)
        )
        result = run_on_stdin(runstrength.dumps(workout), "timeline", "-", encoding=encoding)
        rows = result.out.splitlines()[3:]
        assert (0, 1) == (result.status, len({width(row) for row in rows}))


class TestEncoding:
    """A terminal that cannot show every character gets escapes, not a crash."""

    def test_ascii_terminal(self, tmp_path: Path) -> None:
        """With PYTHONIOENCODING=ascii, non-ASCII names print as backslash escapes."""
        workout = runstrength.Workout(
            title="Séance d’épaules",
            blocks=(
                runstrength.Block(
                    name="Main", items=(runstrength.Exercise(name="Développé", dose=runstrength.Reps(8)),)
                ),
            ),
        )
        path = tmp_path / "w.json"
        path.write_text(runstrength.dumps(workout), encoding="utf-8")
        for command in ("show", "timeline", "validate"):
            result = subprocess.run(  # noqa: S603 - our own interpreter
                [sys.executable, "-m", "runstrength", command, str(path)],
                capture_output=True,
                env={**os.environ, "PYTHONIOENCODING": "ascii"},
                check=False,
                timeout=60,
            )
            assert (0, b"") == (result.returncode, result.stderr)
            assert result.stdout.isascii()
        show = subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-m", "runstrength", "show", str(path)],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
            timeout=60,
        )
        assert show.stdout.startswith(b"S\\xe9ance d\\u2019\\xe9paules\n")

    def test_documents_stay_utf8(self, tmp_path: Path) -> None:
        """A document written to an ASCII terminal is still UTF-8, so it loads back the same."""
        workout = runstrength.Workout(
            title="Séance",
            blocks=(
                runstrength.Block(
                    name="Main", items=(runstrength.Exercise(name="Développé", dose=runstrength.Reps(8)),)
                ),
            ),
        )
        path = tmp_path / "w.json"
        path.write_text(runstrength.dumps(workout), encoding="utf-8")
        result = subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-m", "runstrength", "show", str(path), "--format", "yaml"],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
            timeout=60,
        )
        assert (0, workout) == (result.returncode, runstrength.loads(result.stdout, "yaml"))


class TestClosedStreams:
    """Closed standard streams and early-closing pipes end the command cleanly."""

    def test_closed_stdin(self) -> None:
        """Reading a closed standard input is a problem of <stdin>, exit 1, no traceback."""
        result = shell("runstrength show - <&-")
        assert (1, "", "<stdin>: (document): standard input is closed [unreadable]\n") == (
            result.returncode,
            result.stdout,
            result.stderr,
        )

    def test_closed_stdout(self) -> None:
        """Writing to a closed standard output exits 141 with one line saying so."""
        result = shell("runstrength timeline >&-")
        assert (
            141,
            ["runstrength: standard output is closed: give -o FILE, or run with an open standard output"],
        ) == (
            result.returncode,
            result.stderr.splitlines(),
        )

    def test_closed_stdout_with_output_file(self, tmp_path: Path) -> None:
        """-o FILE needs no standard output."""
        folder = shlex.quote(str(tmp_path))
        result = shell(f"cd {folder} && runstrength schema -o schema.json >&- && wc -c < schema.json")
        assert (0, "") == (result.returncode, result.stderr)
        assert int(result.stdout) > 100

    def test_closed_stderr(self) -> None:
        """Problems to a closed standard error are dropped, and the status still says invalid."""
        result = shell("runstrength show missing.json 2>&-")
        assert (1, "") == (result.returncode, result.stdout)

    def test_jsonl_into_head(self, tmp_path: Path) -> None:
        """Validating JSON Lines into head -1 exits 141 quietly, not with 'cannot read the file'."""
        line = runstrength.dumps(catalog.get("cindy")).replace("\n", "")
        (tmp_path / "many.jsonl").write_text(f"{line}\n" * 3000, encoding="utf-8")
        python = shlex.quote(sys.executable)
        command = f"{python} -m runstrength validate --jsonl - --format json < many.jsonl | head -1"
        result = subprocess.run(  # noqa: S603 - bash, for PIPESTATUS
            ["/bin/bash", "-c", f"{command}; echo ${{PIPESTATUS[0]}} >&2"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert ('{"file": "<stdin>:1", "valid": true, "problems": [], "omitted": 0}\n', "141\n") == (
            result.stdout,
            result.stderr,
        )

    @pytest.mark.usefixtures("interruptible")
    def test_interrupted_with_jobs(self, tmp_path: Path) -> None:
        """Ctrl-C during validate --jobs 2 exits 130 with no traceback from the parent or its workers."""
        line = runstrength.dumps(catalog.get("cindy")).replace("\n", "") + "\n"
        with subprocess.Popen(
            [
                sys.executable,
                "-m",
                "runstrength",
                "validate",
                "--jsonl",
                "-",
                "--jobs",
                "2",
                "--format",
                "json",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            start_new_session=True,  # a process group of its own, as a shell job has
        ) as process:
            assert process.stdin is not None
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdin.write(line.encode() * 256)  # four tasks of 64: the workers start
            process.stdin.flush()
            first = [process.stdout.readline() for _ in range(64)]  # a task came back
            sleep(3)  # every worker has started, even on a busy machine
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
            try:
                status = process.wait(timeout=60)
            finally:  # a command that ignored Ctrl-C must not keep the suite waiting on it
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGKILL)
            err = process.stderr.read().decode()
        assert all(b'"valid": true' in row for row in first)
        assert (130, "") == (status, err)


class TestJobs:
    """--jobs is bounded: processes cost memory, and a huge number is a mistake."""

    @pytest.mark.parametrize("jobs", ["0", "-1", "33", "200", "2147483648"])
    def test_out_of_range(self, run: Run, jobs: str) -> None:
        """Fewer than 1 or more than 32 jobs is a usage error naming the bounds."""
        result = run("validate", "--jsonl", "b.jsonl", "--jobs", jobs)
        assert (2, "") == (result.status, result.out)
        assert f"argument --jobs: expected a whole number from 1 to 32, got {jobs}" in result.err

    def test_more_than_processors(self, run: Run) -> None:
        """More jobs than processors are reduced to one per processor, with a note."""
        lines = write("one.jsonl", runstrength.dumps(catalog.get("cindy")).replace("\n", "") + "\n")
        cores = os.cpu_count() or 1
        result = run("validate", "--jsonl", lines, "--jobs", "32")
        note = f"runstrength: note: --jobs 32 is more than the {cores} processors here; using {cores}\n"
        assert (0, "one.jsonl: 1 valid, 0 invalid\n", note if cores < 32 else "") == result


class TestMissingExtra:
    """A missing optional extra is a problem of the installation, reported once, status 3."""

    def test_validate_reports_once(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """YAML files without PyYAML: JSON files are still checked, the extra is named once, exit 3."""
        names = [write(f"w{n}.yaml", built_in_document("yaml")) for n in range(3)]
        good = write("good.json", built_in_document())
        monkeypatch.setitem(sys.modules, "yaml", None)
        result = run("validate", *names, good)
        expected_err = (
            f"runstrength: this feature needs yaml, from runstrength's yaml extra: {install('yaml')}; "
            "the files that need it were not checked\n"
        )
        assert (3, "good.json: OK\n4 files: 1 valid, 0 invalid, 3 not checked\n", expected_err) == result

    def test_validate_counts_what_it_could_not_check(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file given but not checked is counted as such: the count is never a misleading 0 files."""
        arms = write("arms.yaml", built_in_document("yaml"))
        monkeypatch.setitem(sys.modules, "yaml", None)
        result = run("validate", arms)
        assert (3, "1 file: 0 valid, 0 invalid, 1 not checked\n") == (result.status, result.out)
        assert result.err.startswith("runstrength: this feature needs yaml, ")

    def test_export(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """An export whose extra is missing exits 3 and writes nothing."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        result = run("export", "--format", "ics", "-o", "plan.ics")
        assert (3, "") == (result.status, result.out)
        assert "from runstrength's ics extra: pip install 'icalendar" in result.err
        assert not Path("plan.ics").exists()


class TestAtomicOutput:
    """-o replaces its file only once everything is written."""

    def test_failing_write_keeps_the_old_file(self, tmp_path: Path) -> None:
        """A write over the file-size limit leaves the existing file as it was, with a clean error."""
        target = tmp_path / "plan.json"
        target.write_text("old content", encoding="utf-8")

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

        result = subprocess.run(
            [sys.executable, "-m", "runstrength", "export", "-o", "plan.json"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            preexec_fn=limit,
            check=False,
            timeout=60,
        )
        assert (1, "", "plan.json: (document): cannot write: File too large [unwritable]\n") == (
            result.returncode,
            result.stdout,
            result.stderr,
        )
        assert ["plan.json"] == [path.name for path in tmp_path.iterdir()]
        assert "old content" == target.read_text(encoding="utf-8")

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_validate_writes_its_findings(self, run: Run, fmt: str) -> None:
        """The report of an invalid document is validate's output: the file is replaced, exit 1."""
        bad = write("bad.json", INVALID)
        write("report.txt", "old content")
        result = run("validate", bad, "--format", fmt, "-o", "report.txt")
        assert (1, "") == (result.status, result.out)
        expected = (
            "1 file: 0 valid, 1 invalid\n" if fmt == "text" else _result(bad, problems_of(INVALID)) + "\n"
        )
        assert expected == Path("report.txt").read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        "args",
        [
            ["show", "bad.json"],
            ["timeline", "bad.json"],
            ["export", "bad.json", "--format", "yaml"],
            ["validate", "empty"],
            ["validate", "--jsonl", "missing.jsonl"],
        ],
    )
    def test_stopped_command_keeps_the_file(self, run: Run, args: list[str]) -> None:
        """A command stopped by an error (input it cannot use, a usage error) leaves the file as it was."""
        write("bad.json", INVALID)
        Path("empty").mkdir()
        write("out.txt", "old content")
        assert run(*args, "-o", "out.txt").status in {1, 2}
        assert "old content" == Path("out.txt").read_text(encoding="utf-8")

    def test_missing_folder(self, run: Run) -> None:
        """A file in a folder that does not exist is a clean error, exit 1."""
        result = run("timeline", "-o", "no/such/folder/t.txt")
        assert (1, "") == (result.status, result.out)
        expected = "no/such/folder/t.txt: (document): cannot write: No such file or directory"
        assert result.err.startswith(expected)


# --- issue 14: experience --------------------------------------------------------------------


class TestOutputFile:
    """Every command that writes takes -o FILE, and -o - is standard output."""

    @pytest.mark.parametrize(
        "args",
        [
            ["show"],
            ["show", "--format", "yaml"],
            ["timeline"],
            ["timeline", "--format", "csv"],
            ["export", "--format", "toml"],
            ["schema"],
            ["list"],
            ["completion", "bash"],
            ["validate", BUILT_IN],
        ],
    )
    def test_file_and_dash(self, run: Run, args: list[str]) -> None:
        """-o FILE writes what standard output would show; -o - writes it to standard output."""
        printed = run(*args)
        assert (printed.status, printed.out, "") == run(*args, "-o", "-")
        assert (printed.status, "", "") == run(*args, "-o", "out.txt")
        assert printed.out == Path("out.txt").read_text(encoding="utf-8")
        assert not Path("-").exists()

    @pytest.mark.parametrize(
        ("name", "fmt"),
        [
            ("plan.json", "json"),
            ("plan.yaml", "yaml"),
            ("plan.yml", "yaml"),
            ("plan.toml", "toml"),
            ("PLAN.TOML", "toml"),
            ("plan.fit", "fit"),
            ("plan.ics", "ics"),
        ],
    )
    def test_export_format_from_suffix(self, run: Run, name: str, fmt: str) -> None:
        """Export to -o FILE without --format writes the format the suffix names."""
        assert (0, "", "") == run("export", "--start", "2026-12-07", "-o", name)
        assert (0, "", "") == run("export", "--start", "2026-12-07", "--format", fmt, "-o", "given")
        assert Path("given").read_bytes() == Path(name).read_bytes()

    @pytest.mark.parametrize("args", [[], ["-o", "-"], ["-o", "plan.txt"]])
    def test_export_format_needed(self, run: Run, args: list[str]) -> None:
        """Without --format and without a known suffix, export is a usage error listing the suffixes."""
        result = run("export", *args)
        assert (2, "") == (result.status, result.out)
        assert (
            "give --format, or -o FILE ending in one of .json, .yaml, .yml, .toml, .fit, .ics" in result.err
        )

    def test_fit_to_dash_on_a_terminal(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """-o - to a terminal is still a terminal: a FIT file is refused there."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        assert 2 == run("export", "--format", "fit", "-o", "-").status


class TestHeadline:
    """The timeline's header line."""

    @pytest.mark.parametrize(("seconds", "expected"), [((20,), "1 segment"), ((20, 30), "2 segments")])
    def test_segments(self, run: Run, seconds: tuple[int, ...], expected: str) -> None:
        """The number of segments takes the singular for one."""
        items = tuple(runstrength.Exercise(name=f"Hold {s}", dose=runstrength.Duration(s)) for s in seconds)
        workout = runstrength.Workout(title="Holds", blocks=(runstrength.Block(name="Main", items=items),))
        name = write("holds.json", runstrength.dumps(workout))
        header = run("timeline", name).out.splitlines()[1]
        assert f" · {expected} · " in header


class TestDurations:
    """Lengths print as seconds or clocks, never in exponent notation."""

    @pytest.mark.parametrize(
        ("seconds", "estimate", "shown"),
        [
            (0, False, "0 s"),
            (2.5, True, "~2.5 s"),
            (24.75, True, "~24.75 s"),
            (90, False, "90 s"),
            (119.9, True, "~119.9 s"),
            (120, False, "2:00"),
            (579.4, True, "~9:39"),
            (14_400, False, "4:00:00"),
            (100_000, True, "~27:46:40"),
        ],
    )
    def test_length(self, seconds: float, estimate: bool, shown: str) -> None:  # noqa: FBT001
        """Under two minutes in seconds, from two minutes on as m:ss or h:mm:ss."""
        assert shown == length(seconds, estimate=estimate)

    def test_long_work(self, run: Run) -> None:
        """A four-hour plank prints as 4:00:00 in the table, not 1.44e+04 s."""
        workout = runstrength.Workout(
            title="Long",
            blocks=(
                runstrength.Block(
                    name="Main",
                    items=(runstrength.Exercise(name="Plank", dose=runstrength.Duration(14_400)),),
                ),
            ),
        )
        name = write("long.json", runstrength.dumps(workout))
        out = run("timeline", name).out
        assert "e+" not in out
        assert out.splitlines()[-1].endswith("4:00:00")


class TestVariantNote:
    """--variant on a workout without such modifications says so."""

    def test_note(self, run: Run) -> None:
        """No harder modifications: a note on standard error, the workout's own timeline, exit 0."""
        result = run("timeline", "cindy", "--variant", "harder")
        note = (
            "runstrength: note: cindy has no harder modifications; "
            "this is the timeline of the workout as written\n"
        )
        assert (0, run("timeline", "cindy").out, note) == result

    def test_no_note(self, run: Run) -> None:
        """A workout with such modifications gets no note."""
        assert "" == run("timeline", "--variant", "harder").err


class TestList:
    """list: the built-in workouts."""

    def test_text(self, run: Run) -> None:
        """One line per built-in workout after a heading: name, title, block formats and length."""
        result = run("list")
        lines = result.out.splitlines()
        assert (0, "") == (result.status, result.err)
        assert ["name", "title", "blocks", "length"] == lines[0].split()
        assert list(catalog.names()) == [line.split()[0] for line in lines[1:]]
        cindy = next(line for line in lines if line.startswith("cindy "))
        assert "Cindy" in cindy
        assert "amrap" in cindy
        assert cindy.endswith("20:00")

    def test_json(self, run: Run) -> None:
        """--format json gives each workout's name, title, block formats and length in seconds."""
        result = run("list", "--format", "json")
        assert 0 == result.status
        entries = json.loads(result.out)
        upper = next(entry for entry in entries if entry["name"] == BUILT_IN)
        expected = {
            "name": BUILT_IN,
            "title": catalog.get(BUILT_IN).title,
            "formats": ["rounds"],
            "length": build_timeline(catalog.get(BUILT_IN)).total,
        }
        assert expected == upper
        assert len(catalog.names()) == len(entries)


class TestValidateFolders:
    """validate takes folders, counts, stays quiet on request and shows progress on a terminal."""

    def test_folder(self, run: Run) -> None:
        """A folder is searched recursively for .json, .yaml, .yml and .toml files, in sorted order."""
        Path("plans/arms").mkdir(parents=True)
        write("plans/a.json", built_in_document())
        write("plans/arms/b.yml", built_in_document("yaml"))
        write("plans/arms/c.TOML", built_in_document("toml"))
        write("plans/arms/bad.json", INVALID)
        write("plans/notes.txt", "not a workout")
        result = run("validate", "plans")
        expected_out = (
            "plans/a.json: OK\nplans/arms/b.yml: OK\nplans/arms/c.TOML: OK\n4 files: 3 valid, 1 invalid\n"
        )
        assert (1, expected_out, reported("plans/arms/bad.json", problems_of(INVALID))) == result

    @pytest.mark.parametrize("hidden", [[], [".git/a.json", ".draft.yaml"]])
    def test_empty_folder(self, run: Run, hidden: list[str]) -> None:
        """A folder without workout documents (hidden ones aside) is a usage error, and nothing is checked."""
        Path("empty/.git").mkdir(parents=True)
        for name in hidden:
            write(f"empty/{name}", built_in_document())
        good = write("good.json", built_in_document())
        result = run("validate", good, "empty")
        assert (2, "") == (result.status, result.out)
        expected = (
            "runstrength validate: error: 'empty' holds no .json, .yaml, .yml or .toml files "
            "(hidden files and folders are skipped)"
        )
        assert expected == result.err.splitlines()[-1]

    def test_hidden(self, run: Run) -> None:
        """Hidden files and folders in a folder are skipped; named on the command line, they are read."""
        for name in ("plans/.git/x.json", "plans/.venv/lib/y.json", "plans/arms/.z.json", ".hidden/w.json"):
            Path(name).parent.mkdir(parents=True, exist_ok=True)
            write(name, INVALID)
        write("plans/arms/a.json", built_in_document())
        write("plans/.draft.json", built_in_document())
        result = run("validate", "plans", "plans/.draft.json", ".hidden")
        assert 1 == result.status
        assert "plans/arms/a.json: OK\nplans/.draft.json: OK\n3 files: 2 valid, 1 invalid\n" == result.out
        assert reported(".hidden/w.json", problems_of(INVALID)) == result.err

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        st.lists(
            st.sampled_from(
                [
                    "plans",
                    "plans/",
                    "./plans",
                    "plans/a.json",
                    "plans/./a.json",
                    "plans/b/../a.json",
                    "c.json",
                    "./c.json",
                ]
            ),
            min_size=1,
            max_size=6,
        )
    )
    def test_each_file_once(self, run: Run, arguments: list[str]) -> None:
        """A file given twice, alone or in a folder, however spelled, is checked once, where it first came."""
        Path("plans/b").mkdir(parents=True, exist_ok=True)
        write("plans/a.json", built_in_document())
        write("c.json", built_in_document())
        expected: dict[Path, str] = {}
        for argument in arguments:
            for file in [f"{argument.rstrip('/')}/a.json"] if Path(argument).is_dir() else [argument]:
                expected.setdefault(Path(file).resolve(), file.removeprefix("./"))
        shown = [
            line.removesuffix(": OK").removeprefix("./")
            for line in run("validate", *arguments).out.splitlines()[:-1]
        ]
        assert list(expected.values()) == shown

    def test_quiet(self, run: Run) -> None:
        """--quiet prints only the problems."""
        good = write("good.json", built_in_document())
        bad = write("bad.json", INVALID)
        assert (1, "", reported("bad.json", problems_of(INVALID))) == run("validate", "--quiet", good, bad)
        assert (0, "", "") == run("validate", "-q", good)

    def test_progress_on_a_terminal(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """From 20 files on, a terminal's standard error shows the count as it goes, then clears it."""
        Path("many").mkdir()
        for number in range(20):
            write(f"many/{number:02}.json", built_in_document())
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        err = run("validate", "-q", "many").err
        assert "\rchecking 1/20" in err
        assert "\rchecking 20/20" in err
        assert err.endswith("\r")
        assert "" == err.split("\r")[-1]

    def test_no_progress_when_piped(self, run: Run) -> None:
        """Standard error that is not a terminal gets no progress."""
        Path("many").mkdir()
        for number in range(20):
            write(f"many/{number:02}.json", built_in_document())
        assert "" == run("validate", "many").err


class TestStdinFormat:
    """Standard input's format is guessed when --input-format is not given."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_sniffed(self, run: Run, stdin: Callable[[str], None], fmt: DocumentFormat) -> None:
        """JSON, YAML and TOML on standard input are each read in their format."""
        stdin(built_in_document(fmt))
        assert (0, built_in_document(), "") == run("show", "-", "--format", "json")

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ('\ufeff  \n{"title": 1}', "json"),
            ("# a comment\ntitle: Arms", "yaml"),
            ("---\ntitle: Arms", "yaml"),
            ("- 1", "yaml"),
            ("# a comment\nschema_version = 1", "toml"),
            ("[[blocks]]\nname = 'Main'", "toml"),
            ('"title" = "Arms"', "toml"),
        ],
    )
    def test_first_line(self, text: str, fmt: str) -> None:
        """The first line that is not blank or a comment decides."""
        assert fmt == _sniff(text)

    @pytest.mark.parametrize("text", ["just words", "<workout/>", "# only a comment"])
    def test_unknown(self, run: Run, stdin: Callable[[str], None], text: str) -> None:
        """Text that looks like no format asks for --input-format."""
        stdin(text)
        expected_err = (
            "<stdin>: (document): cannot tell the format of standard input: "
            "give --input-format json, yaml or toml [unknown_format]\n"
        )
        assert (1, "", expected_err) == run("show", "-")


class TestEmptyStdin:
    """Standard input holding nothing is reported as empty, whatever format it is read in."""

    @given(
        st.text(st.sampled_from(" \t\n\r\x0b\x0c"), max_size=6).map(lambda text: "\ufeff" + text)
        | st.text(st.sampled_from(" \t\n\r\x0b\x0c"), max_size=6),
        st.sampled_from(
            [[], ["--input-format", "json"], ["--input-format", "yaml"], ["--input-format", "toml"]]
        ),
        st.sampled_from([["show"], ["validate"], ["timeline"], ["export", "--format", "json"]]),
    )
    def test_empty(self, text: str, input_format: list[str], command: list[str]) -> None:
        """Empty or blank standard input says it is empty, exit 1."""
        result = run_on_stdin(text, *command, "-", *input_format)
        assert (1, "<stdin>: (document): standard input is empty [unreadable]\n") == (
            result.status,
            result.err,
        )


class TestColor:
    """Colour on a terminal, off in pipes and with NO_COLOR, on with FORCE_COLOR or --color always."""

    @pytest.fixture(autouse=True)
    def plain_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Neither NO_COLOR nor FORCE_COLOR, unless a test sets one."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.delenv("FORCE_COLOR", raising=False)

    def test_piped(self, run: Run) -> None:
        """Output that is not a terminal has no colour codes."""
        assert "\x1b" not in run("timeline").out

    def test_terminal(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """A terminal gets the same table, coloured: a bold title and dim rests."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        coloured = run("timeline").out
        assert coloured.startswith(f"\x1b[1;36m{catalog.get(BUILT_IN).title}\x1b[0m\n")
        assert "\x1b[2m" in coloured
        assert timeline_text("table") == re.sub("\x1b\\[[0-9;]*m", "", coloured)

    @pytest.mark.parametrize(
        ("tty", "environment", "flag", "coloured"),
        [
            (True, {"NO_COLOR": "1"}, [], False),
            (True, {"NO_COLOR": ""}, [], True),
            (False, {"FORCE_COLOR": "1"}, [], True),
            (True, {}, ["--color", "never"], False),
            (False, {}, ["--color", "always"], True),
            (False, {"NO_COLOR": "1"}, ["--color", "always"], True),
            (True, {"FORCE_COLOR": "1"}, ["--color", "never"], False),
        ],
    )
    def test_choice(  # noqa: PLR0917 - one parameter per column of the table
        self,
        run: Run,
        monkeypatch: pytest.MonkeyPatch,
        tty: bool,  # noqa: FBT001
        environment: dict[str, str],
        flag: list[str],
        coloured: bool,  # noqa: FBT001
    ) -> None:
        """--color decides when given; otherwise NO_COLOR turns colour off and FORCE_COLOR on."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        assert coloured == ("\x1b[" in run("timeline", *flag).out)

    def test_problems(self, run: Run) -> None:
        """Problems on a terminal are coloured too: the file bold, the path yellow, the code dim."""
        bad = write("bad.json", INVALID)
        err = run("validate", "--color", "always", bad).err
        assert err.startswith("\x1b[1mbad.json:1:125\x1b[0m: \x1b[33m")
        assert "\x1b[2m[" in err

    def test_file(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """-o FILE gets no colour, even from a terminal with FORCE_COLOR, unless --color always."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        monkeypatch.setenv("FORCE_COLOR", "1")
        run("timeline", "-o", "plain.txt")
        run("timeline", "--color", "always", "-o", "coloured.txt")
        assert timeline_text("table") == Path("plain.txt").read_text(encoding="utf-8")
        assert "\x1b[1;36m" in Path("coloured.txt").read_text(encoding="utf-8")


class TestProblemLines:
    """Problems print the way ruff and mypy report: a position when known, and the code."""

    @pytest.mark.parametrize(
        ("problem", "shown"),
        [
            (
                runstrength.Problem(
                    ("blocks", 0, "rounds"), "expected a whole number", code="out_of_range", line=4, column=17
                ),
                "w.yaml:4:17: blocks[0].rounds: expected a whole number [out_of_range]",
            ),
            (
                runstrength.Problem(("title",), "required field missing", code="missing", line=2),
                "w.yaml:2: title: required field missing [missing]",
            ),
            (
                runstrength.Problem(("title",), "required field missing", code="missing"),
                "w.yaml: title: required field missing [missing]",
            ),
            (runstrength.Problem((), "not valid YAML"), "w.yaml: (document): not valid YAML [invalid]"),
        ],
    )
    def test_text(self, problem: runstrength.Problem, shown: str) -> None:
        """file:line:col: path: reason [code]; without a position, file: path: reason [code]."""
        assert shown == _problem_line("w.yaml", problem)

    def test_json(self) -> None:
        """JSON carries code always, and line and column when they are set."""
        problems = [
            runstrength.Problem(("title",), "required", code="missing", line=2, column=1),
            runstrength.Problem(("blocks",), "required", code="missing"),
        ]
        expected = {
            "file": "w.yaml",
            "valid": False,
            "problems": [
                {"path": "title", "reason": "required", "code": "missing", "line": 2, "column": 1},
                {"path": "blocks", "reason": "required", "code": "missing"},
            ],
            "omitted": 0,
        }
        assert expected == json.loads(_result("w.yaml", problems))

    def test_codes_from_the_loader(self, run: Run) -> None:
        """Validating with --format json passes on the loader's own codes and positions."""
        bad = write("bad.json", INVALID)
        rows = json.loads(run("validate", "--format", "json", bad).out)["problems"]
        expected = [{"code": p.code, "line": p.line, "column": p.column} for p in problems_of(INVALID)]
        assert expected == [
            {"code": r["code"], "line": r.get("line"), "column": r.get("column")} for r in rows
        ]
