"""Timelines as text: a table for people, Markdown, CSV and JSON for other tools."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Final, Literal, TypeAlias

from runstrength._timeline import ROW_KEYS, Segment, SegmentKind, Timeline

from .terminal import PLAIN, Painter, aligned, escape, shown

TimelineFormat: TypeAlias = Literal["table", "markdown", "csv", "json"]
TIMELINE_FORMATS: Final[tuple[TimelineFormat, ...]] = ("table", "markdown", "csv", "json")
COLUMNS: Final = ("clock", "block", "round", "exercise", "target", "duration")


def clock(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on (whole seconds, rounded down)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def length(seconds: float, *, estimate: bool = False) -> str:
    """A segment's length: seconds under two minutes (``2.5 s``, ``90 s``), a clock from then on.

    ``~`` marks an estimate: ``~24 s``, ``~9:39``. Never in exponent notation.

    >>> [length(2.5), length(90), length(579.4, estimate=True), length(14400)]
    ['2.5 s', '90 s', '~9:39', '4:00:00']
    """
    mark = "~" if estimate else ""
    if seconds >= 120:
        return f"{mark}{clock(seconds)}"
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"{mark}{text} s"


_NAMES: Final = {
    SegmentKind.REST: "Rest",
    SegmentKind.TRANSITION: "Transition",
    SegmentKind.SWITCH_SIDES: "Switch sides",
}


def cells(segment: Segment) -> tuple[str, ...]:
    """A segment's cells under `COLUMNS`, with control characters in names made visible."""
    block = f"{segment.block} / {segment.superset}" if segment.superset else segment.block
    if segment.superset_round is not None:
        round_ = f"{segment.superset_round}/{segment.superset_rounds}"
    elif segment.set_number is not None:
        round_ = f"set {segment.set_number}/{segment.sets}"
    else:
        round_ = f"{segment.block_round}/{segment.block_rounds}" if segment.block_rounds > 1 else ""
    if segment.kind is SegmentKind.WORK:
        what = f"{segment.exercise} ({segment.side})" if segment.side else str(segment.exercise)
        target = segment.target
    else:
        what = _NAMES[segment.kind]
        target = segment.target if segment.kind is SegmentKind.REST else ""
    return (
        clock(segment.start),
        escape(block),
        round_,
        escape(what),
        escape(target),
        length(segment.duration, estimate=segment.estimate),
    )


def headline(timeline: Timeline) -> list[str]:
    """Title, total and range, and the work/rest split."""
    low, high = timeline.total_range
    span = f" (range {clock(low)}–{clock(high)})" if low != high else ""
    segments = f"{len(timeline)} segment{'' if len(timeline) == 1 else 's'}"
    return [
        escape(timeline.workout.title),
        (
            f"Total {clock(timeline.total)}{span} · {segments} · "
            f"work {clock(timeline.work_total)} · rest and changes {clock(timeline.rest_total)}"
        ),
    ]


def table(timeline: Timeline, paint: Painter = PLAIN, *, encoding: str | None = None) -> str:
    r"""The timeline as an aligned table for a terminal, coloured by ``paint``.

    The title and the column names are bold, the totals dim, and every row that is not
    work (rests, transitions, side switches) dim. ``encoding`` is the one the table will be
    written in: what it cannot hold is shown escaped (``\xe9``), and columns are as wide as
    their cells are shown (`shown`, `width`).
    """
    rows = [COLUMNS, *(tuple(shown(cell, encoding) for cell in cells(s)) for s in timeline)]
    styles = [("bold",), *((() if s.kind is SegmentKind.WORK else ("dim",)) for s in timeline)]
    lines = aligned(rows, right={0, len(COLUMNS) - 1})
    title, total = (shown(text, encoding) for text in headline(timeline))
    body = [paint(line, *style) for line, style in zip(lines, styles, strict=True)]
    return "\n".join([paint(title, "bold", "cyan"), paint(total, "dim"), "", *body]) + "\n"


def _markdown(timeline: Timeline) -> str:
    title, total = headline(timeline)

    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"

    rule = "| " + " | ".join("---:" if c in ("clock", "duration") else "---" for c in COLUMNS) + " |"
    body = [line(COLUMNS), rule, *(line(cells(s)) for s in timeline)]
    return "\n".join([f"## {title}", "", total, "", *body]) + "\n"


def _csv(timeline: Timeline) -> str:
    """Every field of every segment, with control characters in names made visible, as elsewhere."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ROW_KEYS, lineterminator="\n")
    writer.writeheader()
    for row in timeline.to_rows():
        writer.writerow(
            {key: escape(value) if isinstance(value, str) else value for key, value in row.items()}
        )
    return out.getvalue()


def _json(timeline: Timeline) -> str:
    low, high = timeline.total_range
    data = {
        "title": timeline.workout.title,
        "total": timeline.total,
        "total_range": [low, high],
        "segments": timeline.to_rows(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: Final[dict[str, Callable[[Timeline], str]]] = {
    "table": table,
    "markdown": _markdown,
    "csv": _csv,
    "json": _json,
}


def render(timeline: Timeline, fmt: TimelineFormat = "table") -> str:
    """The timeline as text in one of `TIMELINE_FORMATS`.

    Raises:
        ValueError: ``fmt`` is not one of them.
    """
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        msg = f"unknown timeline format {fmt!r}: expected one of {', '.join(TIMELINE_FORMATS)}"
        raise ValueError(msg) from None
    return renderer(timeline)
