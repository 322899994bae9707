"""The printable card: a one- or two-page summary of a workout to hand out, as HTML or PDF.

The HTML carries its own print stylesheet (A4 or Letter, small print for the cues); the PDF
is that page printed by a headless Chromium through Playwright, so both look the same.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import html
import os
import shutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final, TypeVar

from runstrength._errors import MissingExtraError
from runstrength._extras import require
from runstrength._model import (
    SCORE_WORDS,
    Amrap,
    Block,
    Exercise,
    ForTime,
    Modification,
    Superset,
    Workout,
    level_changes,
)
from runstrength._pacing import Pacing
from runstrength._timeline import build_timeline
from runstrength._values import Amount, Rest, Source, format_lengths, format_seconds

from .player import asset, fill

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["browser", "export_card", "export_card_pdf"]

BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Programs looked for on ``PATH`` when ``RUNSTRENGTH_CHROMIUM`` does not name one."""

_T = TypeVar("_T")


# --- HTML -------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value))


def length_text(seconds: float) -> str:
    """A length for people: seconds under two minutes, else whole minutes.

    >>> length_text(45), length_text(1591)
    ('45 s', '27 min')
    """
    return format_seconds(round(seconds)) if seconds < 120 else f"{round(seconds / 60)} min"


def _length(workout: Workout, pacing: Pacing | None) -> str:
    timeline = build_timeline(workout, pacing)
    low, high = timeline.total_range
    typical = length_text(timeline.total)
    spread = f" ({length_text(low)}–{length_text(high)})" if length_text(low) != length_text(high) else ""
    exact = not any(segment.estimate for segment in timeline)
    return typical if exact else f"about {typical}{spread}"


def _dose(exercise: Exercise) -> str:
    # The model's own text for an exercise is "name: dose"; reuse its wording of the dose.
    return str(exercise).removeprefix(f"{exercise.name}: ")


def _rounds(rounds: Amount) -> str:
    return f"{rounds} round{'' if rounds == 1 else 's'}"


def _rests(**rests: Rest | None) -> list[str]:
    return [f"rest {label.replace('_', ' ')}: {rest}" for label, rest in rests.items() if rest is not None]


def _option(exercise: Exercise, modification: Modification) -> str:
    changed = modification.dose is not None or modification.sides is not None
    dose = f" ({_e(_dose(modification.apply_to(exercise)))})" if changed else ""
    return f"<b>{_e(str(modification.kind).capitalize())}:</b> {_e(modification.name)}{dose}"


def _exercise(exercise: Exercise) -> str:
    details = [
        f"{label} {_e(value)}"
        for label, value in (("Load", exercise.load), ("Effort", exercise.effort), ("Tempo", exercise.tempo))
        if value is not None
    ]
    details += map(_e, _rests(between_sets=exercise.rest_between_sets, after=exercise.rest_after))
    optional = " (optional)" if exercise.optional else ""
    line = (
        f'<li class="exercise"><p class="line"><span class="name">{_e(exercise.name)}</span> '
        f'<span class="dose">{_e(_dose(exercise) + optional)}</span></p>'
    )
    parts = [line]
    if details:
        parts.append(f'<p class="details">{" · ".join(details)}</p>')
    if exercise.modifications:
        options = " · ".join(_option(exercise, m) for m in exercise.modifications)
        parts.append(f'<p class="options">{options}</p>')
    if exercise.cues:
        parts.append(f'<p class="cues">{" ".join(_e(cue) for cue in exercise.cues)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _superset(superset: Superset) -> str:
    rests = _rests(
        between_exercises=superset.rest_between_exercises,
        between_rounds=superset.rest_between_rounds,
        after=superset.rest_after,
    )
    facts = [_rounds(superset.rounds), *rests]
    notes = f'<p class="notes">{_e(superset.notes)}</p>' if superset.notes else ""
    exercises = "".join(map(_exercise, superset.exercises))
    return (
        f'<li class="superset"><p class="line"><span class="name">{_e(superset.title)}</span> '
        f'<span class="dose">{_e(", ".join(facts))}</span></p>{notes}<ol>{exercises}</ol></li>'
    )


def _block(block: Block) -> str:
    facts = [_rounds(block.rounds)] if block.format is None or block.rounds != 1 else []
    if block.format is not None:
        facts.insert(0, str(block.format))
    if isinstance(block.format, Amrap | ForTime):
        facts.append(f"score: {SCORE_WORDS[block.format.score]}")
    facts += _rests(between_rounds=block.rest_between_rounds, after=block.rest_after)
    if block.stated_duration is not None:
        facts.append(f"stated length {format_lengths(block.stated_duration)}")
    if block.stated_round_duration is not None:
        facts.append(f"stated {format_lengths(block.stated_round_duration)} per round")
    if block.optional:
        facts.append("optional")
    notes = f'<p class="notes">{_e(block.notes)}</p>' if block.notes else ""
    items = "".join(_superset(i) if isinstance(i, Superset) else _exercise(i) for i in block.items)
    return (
        f'<section class="block"><h2>{_e(block.name)} <span class="facts">{_e(", ".join(facts))}</span></h2>'
        f"{notes}<ol>{items}</ol></section>"
    )


def _credits(source: Source | None) -> str:
    if source is None:
        return ""
    publisher = f", {_e(source.publisher)}" if source.publisher else ""
    people = "; ".join(f"{_e(c.name)} ({_e(c.role)})" for c in source.credits)
    url = f' <span class="url">{_e(source.url)}</span>' if source.url else ""
    return (
        f'<footer class="credits"><p><b>Source:</b> <cite>{_e(source.title)}</cite>{publisher}.{url}</p>'
        + (f"<p><b>Credits:</b> {people}.</p>" if people else "")
        + "</footer>"
    )


def export_card(workout: Workout, pacing: Pacing | None = None) -> str:
    """A printable card of a workout, as one self-contained HTML document.

    The card shows the title, the length (typical, and the range the workout's ranges
    allow, from its timeline), equipment and frequency, then every block with its rounds
    and rests, every exercise with its dose, sides, load, effort, tempo and its easier or
    harder options (optional parts marked so), each level in a line, the cues in small
    print, and the source's credits. The length is the workout's as written.  Its print
    stylesheet fits the built-in workouts on one or two pages.

    Args:
        workout: the workout to print.
        pacing: the assumptions for the length; `Pacing()` by default.

    Returns:
        The HTML document (write it with ``encoding="utf-8"``).

    Raises:
        ValidationError: the workout cannot be expanded into a timeline at this pacing.
    """
    facts = [f"<div><dt>Length</dt><dd>{_e(_length(workout, pacing))}</dd></div>"]
    if workout.equipment:
        facts.append(f"<div><dt>Equipment</dt><dd>{_e('; '.join(map(str, workout.equipment)))}</dd></div>")
    else:
        facts.append("<div><dt>Equipment</dt><dd>none</dd></div>")
    if workout.frequency:
        facts.append(f"<div><dt>How often</dt><dd>{_e(workout.frequency)}</dd></div>")
    if workout.rest_between_sets:
        facts.append(f"<div><dt>Rest between sets</dt><dd>{_e(workout.rest_between_sets)}</dd></div>")
    for level in workout.levels:
        what = level.summary or "; ".join(level_changes(level))
        facts.append(f"<div><dt>{_e(level.name.capitalize())}</dt><dd>{_e(what)}</dd></div>")
    summary = f'<p class="summary">{_e(workout.summary)}</p>' if workout.summary else ""
    body = (
        f'<header><h1>{_e(workout.title)}</h1>{summary}<dl class="about">{"".join(facts)}</dl></header>'
        f'<div class="blocks">{"".join(map(_block, workout.blocks))}</div>{_credits(workout.source)}'
    )
    return fill(asset("card.html"), {"title": _e(workout.title), "style": asset("card.css"), "body": body})


# --- PDF --------------------------------------------------------------------------------------


def _chromium() -> str | None:
    """The Chromium to run: ``RUNSTRENGTH_CHROMIUM``, else one on ``PATH``, else Playwright's own."""
    named = os.environ.get("RUNSTRENGTH_CHROMIUM")
    if named:
        return named
    for program in BROWSERS:
        found = shutil.which(program)
        if found:
            return found
    return None


@contextlib.contextmanager
def browser() -> Iterator[Browser]:
    """A headless Chromium, run through Playwright, closed on exit.

    Raises:
        MissingExtraError: Playwright is not installed, or no Chromium can be started.
    """
    sync_api = require("playwright.sync_api", "pdf")
    executable = _chromium()
    # Chromium's sandbox cannot run as root (containers, CI): there it is turned off.
    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_api.sync_playwright() as playwright:
        try:
            launched: Browser = playwright.chromium.launch(executable_path=executable, args=args)
        except sync_api.Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            msg = (
                "printing needs Chromium: install it (apt-get install chromium, or "
                "python -m playwright install chromium) or name it in RUNSTRENGTH_CHROMIUM "
                f"({first})"
            )
            raise MissingExtraError(msg) from None
        try:
            yield launched
        finally:
            launched.close()


def _alone(work: Callable[[], _T]) -> _T:
    """Run ``work`` in a thread of its own: Playwright's sync API refuses a running event loop."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def export_card_pdf(workout: Workout, pacing: Pacing | None = None) -> bytes:
    """The printable card of a workout as a PDF (A4), printed by a headless Chromium.

    Needs the ``pdf`` extra (Playwright) and a Chromium: the system's (``chromium`` on
    ``PATH``, or the program named by the ``RUNSTRENGTH_CHROMIUM`` environment variable),
    else Playwright's own (``python -m playwright install chromium``).

    Args:
        workout: the workout to print.
        pacing: the assumptions for the length; `Pacing()` by default.

    Returns:
        The PDF file's bytes.

    Raises:
        MissingExtraError: Playwright is not installed, or no Chromium can be started.
        ValidationError: the workout cannot be expanded into a timeline at this pacing.
    """
    page_html = export_card(workout, pacing)

    def print_page() -> bytes:
        with browser() as chromium:
            page = chromium.new_page()
            page.set_content(page_html)
            return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)

    return _alone(print_page)
