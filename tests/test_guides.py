"""The guides' code works on every built-in workout, not only on the one a page shows."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docs_code import fences

from runstrength import SegmentKind, Timeline, build_timeline, catalog

GUIDES = Path(__file__).parent.parent / "docs" / "guides"


def page_namespace(path: Path) -> dict[str, Any]:
    """The names a page's python blocks define, run in order as the docs tests run them."""
    namespace: dict[str, Any] = {"__name__": "runstrength_guide_page"}
    with contextlib.redirect_stdout(io.StringIO()):
        for fence in fences(path.read_text(encoding="utf-8")):
            if fence.language == "python":
                exec(compile(fence.text, f"{path.name}:{fence.line}", "exec"), namespace)  # noqa: S102
    return namespace


@pytest.fixture(scope="module")
def display(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Timeline, float], str]:
    """The timer screen of the fitness-app guide (the page writes files: it runs in a scratch folder)."""
    with contextlib.chdir(tmp_path_factory.mktemp("fitness-app")):
        namespace = page_namespace(GUIDES / "fitness-app.md")
    function: Callable[[Timeline, float], str] = namespace["display"]
    return function


class TestIntervalTimer:
    """The fitness-app guide's `display`."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_segment(self, display: Callable[[Timeline, float], str], name: str) -> None:
        """At the start and in the middle of every segment, and at the end, it shows a screen."""
        timeline = build_timeline(catalog.get(name))
        moments = [
            moment for segment in timeline for moment in (segment.start, segment.start + segment.duration / 2)
        ]
        screens = [display(timeline, moment) for moment in moments]
        assert [] == [screen for screen in screens if not screen or screen.endswith("then None")]
        assert "Done!" == display(timeline, timeline.total)

    def test_ends_on_a_rest(self, display: Callable[[Timeline, float], str]) -> None:
        """A rest that ends the workout says what comes next: nothing."""
        timelines = [build_timeline(catalog.get(name)) for name in catalog.names()]
        last = [
            (timeline, timeline[-1]) for timeline in timelines if timeline[-1].kind is not SegmentKind.WORK
        ]
        expected = [True] * len(last)
        assert expected == [
            display(timeline, segment.start).endswith(", then done") for timeline, segment in last
        ]
        assert last  # the catalogue has such workouts
