"""The example scripts, the notebook and the screenshot script run, and do what they say."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import runstrength
from _browser import require_browser_tools
from runstrength import build_timeline, catalog, export_fit, export_ics

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
BUILT_IN = "upper-body-for-runners"


def run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a script with this interpreter in ``cwd``, capturing its output."""
    return subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, str(script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class TestBuildCustomWorkout:
    """examples/build_custom_workout.py."""

    def test_writes_documents_that_load(self, tmp_path: Path) -> None:
        """It writes the workout as JSON and YAML, and both load as the same valid workout."""
        result = run(EXAMPLES / "build_custom_workout.py", "out", cwd=tmp_path)
        assert 0 == result.returncode, result.stderr
        json_workout = runstrength.load(tmp_path / "out" / "hotel-room-circuit.json")
        assert "Hotel Room Circuit" == json_workout.title
        assert json_workout == runstrength.load(tmp_path / "out" / "hotel-room-circuit.yaml")

    def test_shows_a_refused_superset(self, tmp_path: Path) -> None:
        """It shows both problems of the superset it builds wrongly on purpose."""
        result = run(EXAMPLES / "build_custom_workout.py", cwd=tmp_path)
        assert "  exercises: expected at least 2 items, got 1\n" in result.stdout
        assert "  rounds: expected a whole number from 1 to 100, got 0\n" in result.stdout


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a valid TOML workout and, in a subfolder, an invalid JSON one."""
    (tmp_path / "workouts" / "drafts").mkdir(parents=True)
    runstrength.dump(catalog.get(BUILT_IN), tmp_path / "workouts" / "upper-body.toml")
    (tmp_path / "workouts" / "drafts" / "arms.json").write_text(
        '{"schema_version": 1, "title": "Arms", "blocks": [{"name": "Main", "items": '
        '[{"name": "Curl", "dose": {"reps": 8.5}, "sidse": "each"}]}]}',
        encoding="utf-8",
    )
    return tmp_path


class TestValidateFolder:
    """examples/validate_folder.py."""

    EXPECTED = (
        "workouts/drafts/arms.json: 2 problems\n"
        "  blocks[0].items[0].dose.reps: expected a whole number 1–1000 or a {min, max} range, got 8.5\n"
        "  blocks[0].items[0].sidse: unknown field; did you mean 'sides'?\n"
        "workouts/upper-body.toml: OK\n"
        "1 valid, 1 invalid\n"
    )

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_reports_every_problem(self, folder: Path, jobs: str) -> None:
        """Each file is reported with every problem, in one process or several, and the run fails."""
        result = run(EXAMPLES / "validate_folder.py", "workouts", "--jobs", jobs, cwd=folder)
        assert (1, self.EXPECTED) == (result.returncode, result.stdout)

    def test_all_valid(self, folder: Path) -> None:
        """A folder of valid documents passes."""
        (folder / "workouts" / "drafts" / "arms.json").unlink()
        result = run(EXAMPLES / "validate_folder.py", "workouts", cwd=folder)
        assert (0, "workouts/upper-body.toml: OK\n1 valid, 0 invalid\n") == (result.returncode, result.stdout)

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """A missing folder is a usage error."""
        result = run(EXAMPLES / "validate_folder.py", "nowhere", cwd=tmp_path)
        assert 2 == result.returncode
        assert "not a folder: nowhere" in result.stderr


class TestExportWorkout:
    """examples/export_workout.py."""

    def test_writes_fit_and_ics(self, tmp_path: Path) -> None:
        """It writes the library's own FIT and iCalendar exports, and lists the sessions."""
        args = ["--output-dir", "out", "--start", "2025-03-03", "--weeks", "2", "--weekdays", "mon,thu"]
        result = run(EXAMPLES / "export_workout.py", *args, cwd=tmp_path)
        assert 0 == result.returncode, result.stderr
        workout = catalog.get(BUILT_IN)
        assert export_fit(workout) == (tmp_path / "out" / f"{BUILT_IN}.fit").read_bytes()
        ics = export_ics(workout, start=dt.date(2025, 3, 3), weeks=2, weekdays=["mon", "thu"], at=dt.time(7))
        assert ics == (tmp_path / "out" / f"{BUILT_IN}.ics").read_bytes()
        sessions = ["2025-03-03", "2025-03-06", "2025-03-10", "2025-03-13"]
        assert sessions == [line.split()[0] for line in result.stdout.splitlines()[1:]]

    def test_bad_plan_is_a_usage_error(self, tmp_path: Path) -> None:
        """A plan the library refuses is a usage error naming the argument."""
        result = run(EXAMPLES / "export_workout.py", "--weeks", "0", cwd=tmp_path)
        assert 2 == result.returncode
        assert "weeks: expected a whole number from 1 to 104 weeks, got 0" in result.stderr


class TestIntervalTimer:
    """examples/interval_timer.py."""

    def test_limit(self, tmp_path: Path) -> None:
        """With a limit it prints one line per second up to it, marking each new segment."""
        result = run(EXAMPLES / "interval_timer.py", "--speed", "1000", "--limit", "40", cwd=tmp_path)
        lines = result.stdout.splitlines()
        assert 0 == result.returncode, result.stderr
        assert "0:00 → Thread the Needle (right): 30 s · 30 s left" == lines[1]
        assert "0:30 → switch sides: Thread the Needle · ~5 s left" == lines[31]
        assert (42, "Stopped at 0:40.") == (len(lines), lines[-1])

    def test_whole_workout(self, tmp_path: Path) -> None:
        """Without a limit it runs to the end: one line per second of the timeline."""
        result = run(EXAMPLES / "interval_timer.py", "tabata-protocol", "--speed", "10000", cwd=tmp_path)
        lines = result.stdout.splitlines()
        total = build_timeline(catalog.get("tabata-protocol")).total
        assert (math.ceil(total) + 2, "Done.") == (len(lines), lines[-1])

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_built_in_workout(self, tmp_path: Path, name: str) -> None:
        """It runs every built-in workout to the end, those that end on a rest too."""
        result = run(EXAMPLES / "interval_timer.py", name, "--speed", "1000000", cwd=tmp_path)
        lines = result.stdout.splitlines()
        total = build_timeline(catalog.get(name)).total
        assert (0, math.ceil(total) + 2, "Done.") == (result.returncode, len(lines), lines[-1]), result.stderr

    def test_bad_speed(self, tmp_path: Path) -> None:
        """A speed of zero is a usage error."""
        result = run(EXAMPLES / "interval_timer.py", "--speed", "0", cwd=tmp_path)
        assert 2 == result.returncode
        assert "expected a number above 0, got 0" in result.stderr


NOTEBOOK = EXAMPLES / "notebook.ipynb"


class TestNotebook:
    """examples/notebook.ipynb."""

    def test_committed_without_outputs(self) -> None:
        """The notebook is kept without outputs, so diffs show only what changed in the code."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert [([], None)] * len(code) == [(cell.outputs, cell.execution_count) for cell in code]

    def test_runs(self, tmp_path: Path) -> None:
        """Every cell runs without an error; the timeline shows as a table and the charts draw."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
        client = NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        )
        client.execute()
        outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
        assert [] == [output for output in outputs if output.output_type == "error"]
        html = [output.data["text/html"] for output in outputs if "text/html" in output.get("data", {})]
        assert any("Thread the Needle (right)" in page for page in html)
        images = [output for output in outputs if "image/png" in output.get("data", {})]
        assert 2 == len(images)


class TestScreenshots:
    """scripts/screenshots.py."""

    def test_draws_both_pictures(self, tmp_path: Path) -> None:
        """It draws the terminal table and the chart as PNG files."""
        require_browser_tools()  # the terminal table is drawn by a browser
        result = run(ROOT / "scripts" / "screenshots.py", "--output-dir", str(tmp_path), cwd=tmp_path)
        assert 0 == result.returncode, result.stderr
        for name in ("timeline-terminal.png", "timeline-plot.png"):
            assert b"\x89PNG\r\n\x1a\n" == (tmp_path / name).read_bytes()[:8]

    @pytest.mark.parametrize("name", ["timeline-terminal.png", "timeline-plot.png"])
    def test_committed(self, name: str) -> None:
        """The pictures the README and the docs show are in the repository."""
        assert b"\x89PNG\r\n\x1a\n" == (ROOT / "docs" / "images" / name).read_bytes()[:8]
