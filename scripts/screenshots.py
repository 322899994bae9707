"""Draw the pictures the README and the documentation show: the timeline, the player, the card.

All show the built-in workout: as ``runstrength timeline`` prints it in a terminal (the colours
are the ones the command prints, read from its own colour codes), as ``Timeline.plot()`` draws
it, as the follow-along player shows it in a browser (phone, light and dark, and desktop), and
as its printable card prints.

Run from a clone, with the ``plot`` and ``pdf`` extras, a Chromium and poppler (``pdftoppm``)
installed, after a change to the table, the chart, the player or the card:

    python scripts/screenshots.py            # writes docs/images/*.png
    python scripts/screenshots.py --output-dir /tmp/pictures
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Final

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle

from runstrength import build_timeline, catalog, export_card_pdf, export_html
from runstrength._export.card import browser
from runstrength.cli import main

WORKOUT: Final = "upper-body-for-runners"
LINES: Final = 32
"""How many lines of the table the terminal picture shows."""
COMMAND: Final = f"runstrength timeline --color always | head -n {LINES}"

FONT: Final = "DejaVu Sans Mono"  # ships with matplotlib, so the picture looks the same everywhere
FONT_SIZE: Final = 10.0
CHAR_WIDTH: Final = 0.602 * FONT_SIZE  # points: the font's advance width is 0.602 em
LINE_HEIGHT: Final = 1.35 * FONT_SIZE
PADDING: Final = 14.0
TITLE_BAR: Final = 24.0

BACKGROUND: Final = "#1e2030"
BAR: Final = "#2f3347"
TEXT: Final = "#d8dee9"
PROMPT: Final = "#a3be8c"
# How the terminal shows each SGR code the command prints (runstrength._render.terminal.STYLES);
# "dim" is drawn as a fainter colour, as terminals do.
PALETTE: Final = {
    "31": "#bf616a",
    "32": "#a3be8c",
    "33": "#ebcb8b",
    "34": "#81a1c1",
    "36": "#88c0d0",
}
DIM: Final = "#7b8299"
SGR: Final = re.compile("\x1b\\[([0-9;]*)m")

# PNG metadata would otherwise name the matplotlib version and change with it.
METADATA: Final = {"Software": None}

Run = tuple[str, str, str]
"""A piece of a line: its text, colour and weight."""


def terminal_lines() -> list[list[Run]]:
    """The prompt and what ``runstrength timeline --color always`` prints first, in coloured runs."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["timeline", WORKOUT, "--color", "always"])
    if status != 0:
        msg = f"runstrength timeline exited with {status}"
        raise SystemExit(msg)
    prompt: list[Run] = [(f"$ {COMMAND}", PROMPT, "normal")]
    return [prompt, *map(_runs, out.getvalue().splitlines()[:LINES])]


def _runs(line: str) -> list[Run]:
    """A line's text split where its colour changes, from the SGR codes in it."""
    runs: list[Run] = []
    codes: set[str] = set()
    position = 0
    for match in SGR.finditer(line):
        if match.start() > position:
            runs.append(_styled(line[position : match.start()], codes))
        new = set(match.group(1).split(";")) - {""}
        codes = set() if not new or "0" in new else codes | new
        position = match.end()
    if position < len(line):
        runs.append(_styled(line[position:], codes))
    return runs


def _styled(text: str, codes: set[str]) -> Run:
    colour = next((PALETTE[code] for code in sorted(codes) if code in PALETTE), TEXT)
    if "2" in codes:
        colour = DIM
    return text, colour, "bold" if "1" in codes else "normal"


def draw_terminal(lines: list[list[Run]], path: Path) -> None:
    """Draw ``lines`` as a terminal window shows them, in their colours, and save the picture."""
    columns = max(sum(len(text) for text, _, _ in line) for line in lines)
    width = columns * CHAR_WIDTH + 2 * PADDING
    height = len(lines) * LINE_HEIGHT + 2 * PADDING + TITLE_BAR
    figure = plt.figure(figsize=(width / 72, height / 72), dpi=144)
    figure.patch.set_alpha(0)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    window = FancyBboxPatch((1, 1), width - 2, height - 2, boxstyle="round,pad=0,rounding_size=8")
    window.set(facecolor=BACKGROUND, edgecolor=BAR, linewidth=1)
    ax.add_patch(window)
    ax.add_patch(
        FancyBboxPatch((1, 1), width - 2, TITLE_BAR, boxstyle="round,pad=0,rounding_size=8", color=BAR)
    )
    ax.add_patch(Rectangle((1, TITLE_BAR / 2), width - 2, TITLE_BAR / 2 + 1, color=BAR))
    for number, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        ax.add_patch(Circle((PADDING + 4 + 16 * number, TITLE_BAR / 2 + 1), 4.5, color=colour))
    for number, line in enumerate(lines):
        y = TITLE_BAR + PADDING + number * LINE_HEIGHT
        column = 0
        for text, colour, weight in line:
            x = PADDING + column * CHAR_WIDTH
            ax.text(x, y, text, family=FONT, size=FONT_SIZE, color=colour, weight=weight, va="top")
            column += len(text)
    figure.savefig(path, metadata=METADATA)
    plt.close(figure)


def draw_plot(path: Path) -> None:
    """Draw the built-in workout's timeline chart and save it."""
    ax = build_timeline(catalog.get(WORKOUT)).plot()
    ax.figure.savefig(path, dpi=110, metadata=METADATA)
    plt.close(ax.figure)


PLAYER_EXERCISE: Final = "Half-Kneeling Chop"
"""The player pictures show this exercise's first set, a few seconds in."""
PLAYER_SHOTS: Final = {
    "player-phone.png": ({"width": 360, "height": 740}, "light", 2),
    "player-phone-dark.png": ({"width": 360, "height": 740}, "dark", 2),
    "player-desktop.png": ({"width": 1280, "height": 800}, "light", 1),
}
"""Picture name: viewport, colour scheme, device pixel ratio."""


def draw_player(output_dir: Path) -> list[str]:
    """Photograph the player page at phone and desktop sizes, in light and dark mode."""
    workout = catalog.get(WORKOUT)
    skips = next(s.index for s in build_timeline(workout) if s.exercise == PLAYER_EXERCISE)
    with tempfile.TemporaryDirectory() as folder, browser() as chromium:
        page_file = Path(folder) / "player.html"
        page_file.write_text(export_html(workout), encoding="utf-8")
        for name, (viewport, scheme, scale) in PLAYER_SHOTS.items():
            page = chromium.new_page(
                viewport=viewport,  # type: ignore[arg-type]
                color_scheme=scheme,  # type: ignore[arg-type]
                device_scale_factor=scale,
                reduced_motion="reduce",  # no colour fading in mid-change: the picture is settled
            )
            page.clock.install(time=0)
            page.goto(page_file.as_uri())
            page.clock.pause_at(1000)
            page.click("#play")
            for _ in range(skips):
                page.keyboard.press("ArrowRight")
            page.clock.run_for(6_000)
            page.locator("#play").blur()
            page.screenshot(path=output_dir / name)
            page.close()
    return list(PLAYER_SHOTS)


def draw_card(output_dir: Path) -> list[str]:
    """Print the card to PDF and draw its first page."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "card.pdf"
        pdf.write_bytes(export_card_pdf(catalog.get(WORKOUT)))
        command = ["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(output_dir / "card")]
        subprocess.run(command, check=True)  # noqa: S603 - our own arguments
    return ["card.png"]


def run(argv: list[str] | None = None) -> None:
    """Write the timeline, player and card pictures to the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "docs" / "images",
        help="where to write the pictures (default: docs/images in this clone)",
    )
    args = parser.parse_args(argv)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    draw_terminal(terminal_lines(), args.output_dir / "timeline-terminal.png")
    draw_plot(args.output_dir / "timeline-plot.png")
    print(f"wrote timeline-terminal.png and timeline-plot.png to {args.output_dir}")
    written = draw_player(args.output_dir) + draw_card(args.output_dir)
    print(f"wrote {', '.join(written)} to {args.output_dir}")


if __name__ == "__main__":
    run()
