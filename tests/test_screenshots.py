"""The README's terminal picture shows what the command prints, colours included."""

from __future__ import annotations

import importlib.util
import io
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

from runstrength.cli import main

SCRIPT = Path(__file__).parent.parent / "scripts" / "screenshots.py"


@pytest.fixture(scope="module")
def screenshots() -> ModuleType:
    """scripts/screenshots.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestTerminalPicture:
    """The terminal picture is drawn from the command's own output."""

    def test_text(self, screenshots: ModuleType) -> None:
        """Its lines are the prompt and the first lines the command prints, character for character."""
        out = io.StringIO()
        with redirect_stdout(out):
            assert 0 == main(["timeline", screenshots.WORKOUT])
        drawn = ["".join(text for text, _, _ in line) for line in screenshots.terminal_lines()]
        assert [f"$ {screenshots.COMMAND}", *out.getvalue().splitlines()[: screenshots.LINES]] == drawn

    def test_colours(self, screenshots: ModuleType) -> None:
        """The title is bold cyan, totals and rests dim, work rows plain: as the command colours them."""
        lines = screenshots.terminal_lines()
        cyan, dim, text = screenshots.PALETTE["36"], screenshots.DIM, screenshots.TEXT
        assert (cyan, "bold") == lines[1][0][1:]
        assert (dim, "normal") == lines[2][0][1:]
        rest = next(line for line in lines if line and "Rest" in line[0][0])
        work = next(line for line in lines if line and "Thread the Needle" in line[0][0])
        assert ((dim, "normal"), (text, "normal")) == (rest[0][1:], work[0][1:])
