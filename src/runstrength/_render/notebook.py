"""Timelines and workouts in notebooks: HTML tables, pandas DataFrames and a Gantt-style plot."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Final

from runstrength._extras import require
from runstrength._timeline import ROW_KEYS, SegmentKind, Timeline

from .summary import block_facts
from .table import COLUMNS, cells, headline

if TYPE_CHECKING:
    from runstrength._model import Workout

COLOURS: Final = {
    SegmentKind.WORK: "#1f77b4",
    SegmentKind.REST: "#bdbdbd",
    SegmentKind.TRANSITION: "#ffbf69",
    SegmentKind.SWITCH_SIDES: "#9ecae1",
}
"""The colour of each segment kind in plots and HTML tables."""


MAX_ROWS: Final = 60
"""A timeline longer than this shows only its head and tail in a notebook, as pandas does."""
MIN_ROWS: Final = 10
"""How many rows a truncated timeline shows: half from the head, half from the tail."""

_NUMERIC: Final = frozenset({"clock", "duration"})


def _cell(column: str, text: str, tag: str = "td") -> str:
    # Jupyter's stylesheet right-aligns every cell; text reads better from the left.
    align = "right" if column in _NUMERIC else "left"
    return f'<{tag} style="text-align: {align}">{html.escape(text)}</{tag}>'


def timeline_html(timeline: Timeline, *, max_rows: int = MAX_ROWS, min_rows: int = MIN_ROWS) -> str:
    """The timeline as an HTML table with its total on top.

    A timeline of more than ``max_rows`` segments shows its first and last ``min_rows // 2``
    rows, with a row between them saying how many are hidden (``timeline.to_dataframe()``
    or ``render(timeline, "markdown")`` give them all). Text columns are left-aligned,
    times right-aligned.
    """
    title, total = headline(timeline)
    head = "".join(_cell(c, c, "th") for c in COLUMNS)
    segments = list(timeline)
    hidden = 0
    if len(segments) > max_rows:
        shown = max(min_rows // 2, 1)
        hidden = len(segments) - 2 * shown
        segments = [*segments[:shown], *segments[-shown:]]
    rows = []
    for number, segment in enumerate(segments):
        if hidden and number == len(segments) // 2:
            note = f"… {hidden} more segments (of {len(timeline)}) …"
            rows.append(f'<tr><td colspan="{len(COLUMNS)}" style="text-align: center">{note}</td></tr>')
        tds = "".join(_cell(c, text) for c, text in zip(COLUMNS, cells(segment), strict=True))
        colour = COLOURS[segment.kind]
        rows.append(f'<tr style="border-left: 4px solid {colour}">{tds}</tr>')
    return (
        f"<div><strong>{html.escape(title)}</strong><br><small>{html.escape(total)}</small>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def workout_html(workout: Workout) -> str:
    """A workout's blocks and exercises as nested HTML lists."""
    from runstrength._model import Superset  # noqa: PLC0415 - the model imports this module lazily

    parts = [f"<div><strong>{html.escape(workout.title)}</strong>"]
    if workout.summary:
        parts.append(f"<p>{html.escape(workout.summary)}</p>")
    parts.append("<ol>")
    for block in workout.blocks:
        rounds = f" × {block.rounds}" if block.rounds != 1 else ""
        rounds += " (optional)" if block.optional else ""
        facts = "; ".join(block_facts(block))
        about = f" <small>{html.escape(facts)}</small>" if facts else ""
        parts.append(f"<li><em>{html.escape(block.name)}</em>{rounds}{about}<ul>")
        for item in block.items:
            if isinstance(item, Superset):
                names = "".join(f"<li>{html.escape(str(e))}</li>" for e in item.exercises)
                title = html.escape(item.title)
                parts.append(f"<li>{title} × {item.rounds}<ol>{names}</ol></li>")
            else:
                optional = " (optional)" if item.optional else ""
                parts.append(f"<li>{html.escape(str(item))}{optional}</li>")
        parts.append("</ul></li>")
    parts.append("</ol>")
    if workout.levels:
        names = ", ".join(html.escape(level.name) for level in workout.levels)
        parts.append(f"<p>Levels: {names}</p>")
    parts.append("</div>")
    return "".join(parts)


def to_dataframe(timeline: Timeline) -> Any:
    """The timeline's rows as a pandas DataFrame with fitting dtypes (extra ``pandas``)."""
    pd = require("pandas", "pandas")
    frame = pd.DataFrame.from_records(timeline.to_rows(), columns=list(ROW_KEYS))
    dtypes = {
        "index": "int64",
        "start": "float64",
        "end": "float64",
        "duration": "float64",
        "kind": pd.CategoricalDtype([k.value for k in SegmentKind]),
        "block": pd.CategoricalDtype(list(dict.fromkeys(frame["block"]))),
        "block_round": "int64",
        "block_rounds": "int64",
        "superset": "string",
        "superset_round": "Int64",
        "superset_rounds": "Int64",
        "set_number": "Int64",
        "sets": "Int64",
        "exercise": "string",
        "side": pd.CategoricalDtype(["right", "left"]),
        "target": "string",
        "estimate": "bool",
    }
    return frame.astype(dtypes).set_index("index")


def plot(timeline: Timeline, ax: Any = None) -> Any:
    """Draw the timeline as a Gantt-style chart (extra ``plot``) and return the axes.

    One lane per exercise, in workout order; work bars coloured by kind; rests, transitions
    and side switches shaded across all lanes; block names above their spans; the clock
    (m:ss) on the x-axis.
    """
    require("matplotlib", "plot")
    import matplotlib.pyplot as plt  # noqa: PLC0415 - optional dependency
    from matplotlib.patches import Patch  # noqa: PLC0415
    from matplotlib.ticker import FuncFormatter, MultipleLocator  # noqa: PLC0415

    from .table import clock  # noqa: PLC0415

    if ax is None:
        _, ax = plt.subplots(figsize=(12, 0.35 * _lane_count(timeline) + 1.8), layout="constrained")
    lanes: dict[str, int] = {}
    for segment in timeline:
        if segment.kind is SegmentKind.WORK and segment.exercise is not None:
            lanes.setdefault(segment.exercise, len(lanes))
    for segment in timeline:
        colour = COLOURS[segment.kind]
        if segment.kind is SegmentKind.WORK and segment.exercise is not None:
            lane = lanes[segment.exercise]
            ax.broken_barh([(segment.start, segment.duration)], (lane - 0.4, 0.8), facecolors=colour)
        else:
            ax.axvspan(segment.start, segment.end, color=colour, alpha=0.35, linewidth=0)
    spans: dict[str, list[float]] = {}
    for segment in timeline:
        span = spans.setdefault(segment.block, [segment.start, segment.end])
        span[1] = segment.end
    for name, (start, end) in spans.items():
        ax.axvline(start, color="black", linewidth=0.8)
        # Centred over the block, but kept inside the axes where a short block ends the workout.
        middle = (start + end) / 2
        where, align = (end, "right") if middle > 0.9 * timeline.total else (middle, "center")
        ax.text(where, -0.9, name, ha=align, va="bottom", fontsize=9, fontweight="bold")
    ax.set_yticks(range(len(lanes)), list(lanes))
    ax.set_ylim(len(lanes) - 0.4, -1.2)
    ax.set_xlim(0, timeline.total)
    ax.xaxis.set_major_locator(MultipleLocator(_tick_step(timeline.total)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: clock(x)))
    ax.set_xlabel("clock (m:ss)")
    ax.set_title(f"{timeline.workout.title} — {clock(timeline.total)}")
    ax.legend(
        handles=[Patch(color=c, label=k.value.replace("_", " ")) for k, c in COLOURS.items()],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
    )
    return ax


def _lane_count(timeline: Timeline) -> int:
    return len({s.exercise for s in timeline if s.kind is SegmentKind.WORK})


def _tick_step(total: float) -> int:
    """A tick every 1, 2, 5, 10… minutes, about ten ticks in all."""
    for minutes in (1, 2, 5, 10, 15, 30, 60):
        if total / (minutes * 60) <= 12:
            return minutes * 60
    return 7200
