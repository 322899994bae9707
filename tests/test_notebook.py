"""Timelines and workouts in notebooks: HTML, DataFrames and plots."""

from __future__ import annotations

import csv
import html
import io
import json
import sys
from pathlib import Path

import matplotlib as mpl
import pytest

from runstrength import MissingExtraError, SegmentKind, Timeline, build_timeline, catalog
from runstrength._render.notebook import MAX_ROWS, timeline_html
from runstrength._render.table import cells, render


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    """The built-in workout's timeline."""
    return build_timeline(catalog.get("upper-body-for-runners"))


class TestHtml:
    """Jupyter shows workouts and timelines as HTML."""

    def test_timeline(self, timeline: Timeline) -> None:
        """A timeline up to 60 segments long shows every one as a row, and text is escaped."""
        short = build_timeline(catalog.get("fran"))
        assert len(short) <= MAX_ROWS
        assert len(short) == short._repr_html_().count("<tr style=")
        assert "Child&#x27;s Pose" in timeline._repr_html_()

    def test_long_timeline_truncated(self) -> None:
        """A longer timeline shows its first and last five rows and how many are hidden, as pandas does."""
        timeline = build_timeline(catalog.get("murph"))
        assert len(timeline) > MAX_ROWS
        page = timeline._repr_html_()
        rows = [cells(segment)[3] for segment in [*timeline[:5], *timeline[-5:]]]
        assert 10 == page.count("<tr style=")
        assert all(html.escape(row) in page for row in rows)
        assert f"… {len(timeline) - 10} more segments (of {len(timeline)}) …" in page

    def test_all_rows_on_request(self, timeline: Timeline) -> None:
        """max_rows raises the limit."""
        page = timeline_html(timeline, max_rows=len(timeline))
        assert (len(timeline), False) == (page.count("<tr style="), "more segments" in page)

    def test_alignment(self, timeline: Timeline) -> None:
        """Text columns are left-aligned and times right-aligned, whatever Jupyter's stylesheet says."""
        page = timeline._repr_html_()
        assert '<th style="text-align: left">exercise</th>' in page
        assert '<th style="text-align: right">clock</th>' in page
        assert '<td style="text-align: left">Thread the Needle (right)</td>' in page

    def test_workout(self, timeline: Timeline) -> None:
        """A workout lists its blocks and exercises."""
        page = timeline.workout._repr_html_()
        for exercise in timeline.workout.exercises():
            assert exercise.name.replace("'", "&#x27;") in page


class TestDataFrame:
    """to_dataframe gives one row per segment with useful dtypes."""

    def test_dtypes(self, timeline: Timeline) -> None:
        """Times are floats, rounds nullable ints, kinds categories."""
        frame = timeline.to_dataframe()
        assert len(timeline) == len(frame)
        assert "float64" == str(frame["duration"].dtype)
        assert "Int64" == str(frame["superset_round"].dtype)
        assert "category" == str(frame["kind"].dtype)
        assert timeline.total == frame["duration"].sum()
        assert timeline.work_total == frame.loc[frame["kind"] == "work", "duration"].sum()

    def test_missing_extra(self, timeline: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingExtraError, match="runstrength's pandas extra"):
            timeline.to_dataframe()


class TestPlot:
    """plot draws a Gantt-style chart."""

    def test_png(self, timeline: Timeline, tmp_path: Path) -> None:
        """The chart renders to a PNG with one lane per exercise."""
        mpl.use("Agg")
        ax = timeline.plot()
        out = tmp_path / "timeline.png"
        ax.figure.savefig(out)  # type: ignore[union-attr]  # a new chart draws on a Figure
        assert b"\x89PNG" == out.read_bytes()[:4]
        lanes = {s.exercise for s in timeline if s.kind is SegmentKind.WORK and s.exercise}
        assert sorted(lanes) == sorted(t.get_text() for t in ax.get_yticklabels())

    def test_missing_extra(self, timeline: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(MissingExtraError, match="runstrength's plot extra"):
            timeline.plot()


class TestRender:
    """Machine formats carry the same data as to_rows."""

    def test_csv(self, timeline: Timeline) -> None:
        """CSV rows read back as the timeline's rows."""
        rows = list(csv.DictReader(io.StringIO(render(timeline, "csv"))))
        assert [str(r["exercise"] or "") for r in timeline.to_rows()] == [r["exercise"] for r in rows]
        assert [str(r["end"]) for r in timeline.to_rows()] == [r["end"] for r in rows]

    def test_json(self, timeline: Timeline) -> None:
        """JSON holds the total, its range and every row."""
        data = json.loads(render(timeline, "json"))
        assert (timeline.total, list(timeline.total_range)) == (data["total"], data["total_range"])
        assert timeline.to_rows() == data["segments"]

    def test_unknown_format(self, timeline: Timeline) -> None:
        """An unknown format is a ValueError naming the choices."""
        with pytest.raises(ValueError, match="table, markdown, csv, json"):
            render(timeline, "xml")  # type: ignore[arg-type]
