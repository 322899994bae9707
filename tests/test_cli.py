import io
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import date, time
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import runstrength
from runstrength import Pacing, RangePoint, build_timeline, catalog
from runstrength._document.text import SUFFIXES, DocumentFormat
from runstrength._render.summary import summary
from runstrength._render.table import TimelineFormat, render
from runstrength.cli import main

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
                format=rs.Emom(every=60, duration=600),
                items=(rs.Exercise(name="Burpee", dose=rs.Reps(10)),),
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
    )


def reported(label: str, problems: Iterable[runstrength.Problem]) -> str:
    """Problems as the command reports them without positions: ``file: path: reason [code]``."""
    return "".join(f"{label}: {problem.path}: {problem.reason} [{problem.code}]\n" for problem in problems)


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
        expected_err = "runstrength: this feature needs tomli_w: pip install 'runstrength[toml]'\n"
        assert (3, "", expected_err) == run("show", "--format", "toml")

    def test_missing_extra_for_input(self, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading YAML without the yaml extra installed exits 3, naming the extra: not an invalid file."""
        name = write("w.yaml", built_in_document("yaml"))
        monkeypatch.setitem(sys.modules, "yaml", None)
        expected_err = "runstrength: this feature needs yaml: pip install 'runstrength[yaml]'\n"
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
        assert result.err.startswith("<stdin>: $: not valid JSON: ")

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
        assert result.err.startswith(f"{argument}: $: {reason} [")

    def test_directory(self, run: Run) -> None:
        """A directory is not read as a document."""
        Path("plans.json").mkdir()
        result = run("show", "plans.json")
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith("plans.json: $: cannot read the file: ")


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
        missing = "missing.yaml: $: cannot read the file: No such file or directory [unreadable]\n"
        expected_err = reported("bad.json", problems_of(INVALID)) + missing
        expected_out = "good.json: OK\n3 files: 1 valid, 2 invalid\n"
        assert (1, expected_out, expected_err) == run("validate", bad, good, "missing.yaml")

    def test_json(self, run: Run) -> None:
        """--format json prints one object per file on standard output, and nothing on standard error."""
        good = write("good.json", built_in_document())
        bad = write("bad.json", INVALID)
        result = run("validate", "--format", "json", good, bad, "missing.json")
        expected = [
            {"file": "good.json", "valid": True, "problems": []},
            {
                "file": "bad.json",
                "valid": False,
                "problems": [
                    {"path": p.path, "reason": p.reason, "code": p.code} for p in problems_of(INVALID)
                ],
            },
            {
                "file": "missing.json",
                "valid": False,
                "problems": [
                    {
                        "path": "$",
                        "reason": "cannot read the file: No such file or directory",
                        "code": "unreadable",
                    }
                ],
            },
        ]
        assert (1, "") == (result.status, result.err)
        assert expected == [json.loads(line) for line in result.out.splitlines()]

    def test_json_all_valid(self, run: Run) -> None:
        """--format json exits 0 when every file is valid."""
        good = write("good.json", built_in_document())
        assert (0, '{"file": "good.json", "valid": true, "problems": []}\n', "") == run(
            "validate", good, "--format", "json"
        )

    def test_malformed(self, run: Run) -> None:
        """A file that is not a document at all is reported like an invalid one."""
        bad = write("bad.toml", "title = ")
        result = run("validate", bad)
        assert (1, "1 file: 0 valid, 1 invalid\n") == (result.status, result.out)
        assert result.err.startswith("bad.toml: $: not valid TOML: ")


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
        assert result.err.startswith("arms.json: ")

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

    def test_cannot_build(self, run: Run) -> None:
        """A valid workout that cannot be timed (work longer than its EMOM interval) exits 1, saying why."""
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
        assert (1, "") == (result.status, result.out)
        assert result.err.startswith(
            "runstrength: plank.json: cannot make a timeline\nplank.json: blocks[0].items[0]: "
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
        assert result.stderr.startswith("missing.json: $: cannot read the file")

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
        assert f"{lines}:4: blocks: required field missing" in result.err
        assert f"{lines}:6: $: not valid JSON" in result.err

    def test_json(self, run: Run, lines: Path) -> None:
        """--format json gives one object per line, with the file and line number."""
        rows = [
            json.loads(line)
            for line in run("validate", "--jsonl", str(lines), "--format", "json").out.splitlines()
        ]
        assert [True, True, True, False, False] == [row["valid"] for row in rows]
        assert f"{lines}:6" == rows[-1]["file"]

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
