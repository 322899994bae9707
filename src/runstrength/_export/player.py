"""The follow-along player: one self-contained HTML page that runs a workout's timeline.

The page holds everything it needs (styles, script, the workout's timelines as JSON), makes no
network request, and works offline from a ``file://`` address.  Timelines are expanded here,
in Python, for every variant and range point the athlete may choose; the page only plays them.
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from typing import Any, Final, get_type_hints

import attrs

from runstrength._errors import ValidationError
from runstrength._model import Amrap, Exercise, ForTime, ModificationKind, Workout
from runstrength._pacing import Pacing
from runstrength._timeline import ROW_KEYS, SegmentRow, Timeline, build_timeline
from runstrength._values import RangePoint

__all__ = ["Player", "export_html"]

AS_WRITTEN: Final = "as written"
"""The name of the variant that applies no modification."""
WITH_OPTIONAL: Final = "with optional parts"
"""The name of the variant that keeps every optional block and exercise."""

_PLACEHOLDER: Final = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES: Final = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def asset(name: str) -> str:
    """The text of one of the package's static files (``assets/<name>``)."""
    return files("runstrength._export").joinpath("assets", name).read_text(encoding="utf-8")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace each ``{{name}}`` in ``template`` once; inserted text is not scanned again."""
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def script_json(value: object) -> str:
    r"""``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\u`` escapes, so no text in a workout (``</script>``,
    ``<!--``) can end the element or start markup; the JSON means the same.

    >>> print(script_json({"name": "</script>"}))
    {"name":"\u003c/script\u003e"}
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda match: _JSON_ESCAPES[match.group()], text)


def _variants(workout: Workout) -> dict[str, Workout]:
    """The workout as written, at each level, by modification kind, and with its optional parts.

    Kinds are those some exercise offers; ``with optional parts`` keeps every optional block
    and exercise. A variant whose modifications break a rule is left out (the page cannot play it).
    """
    offered = {modification.kind for e in workout.exercises() for modification in e.modifications}
    variants = {AS_WRITTEN: workout}
    for level in workout.levels:
        variants.setdefault(level.name, workout.variant(level.name))  # its rules keep it valid
    for kind in ModificationKind:
        if kind in offered:
            try:
                variants[kind.value] = workout.variant(kind)
            except ValidationError:
                continue
    optional = tuple(dict.fromkeys(part.name for part in workout.optional_parts()))
    if optional:
        variants[WITH_OPTIONAL] = workout.variant(include=optional)
    return variants


FIELDS: Final = tuple(key for key in ROW_KEYS if key not in ("index", "duration"))
"""The values of a segment the page holds, in the order of each row (it counts index and length)."""
TEXT_FIELDS: Final = tuple(
    key for key, hint in get_type_hints(SegmentRow).items() if hint in (str, str | None)
)
"""The fields holding text: a row holds the index of its text in the page's table of texts."""
_IS_TEXT: Final = tuple(key in TEXT_FIELDS for key in FIELDS)


def _rows(timeline: Timeline, texts: dict[str, int]) -> list[list[object]]:
    """The timeline's segments as rows of `FIELDS`, each text replaced by its index in ``texts``.

    A workout names few distinct texts (blocks, exercises, targets) in many segments, so each is
    stored once: the timelines take about a quarter of the room of a JSON object per segment.
    Whole seconds are written as integers (``30``, not ``30.0``), as documents write them
    (`runstrength._document.text.integral`), here in the same pass: a second pass over every
    value makes exporting a large page 40 % slower.
    """
    rows = []
    for row in timeline.to_rows():
        values: list[object] = []
        for key, is_text in zip(FIELDS, _IS_TEXT, strict=True):
            value = row[key]  # type: ignore[literal-required] # FIELDS are keys of SegmentRow
            if is_text and value is not None:
                value = texts.setdefault(value, len(texts))
            elif type(value) is float and value.is_integer():
                value = int(value)
            values.append(value)
        rows.append(values)
    return rows


def _exercise_facts(exercise: Exercise) -> dict[str, Any]:
    details = [
        f"{label} {value}"
        for label, value in (
            ("Load:", exercise.load),
            ("Effort:", exercise.effort),
            ("Tempo:", exercise.tempo),
        )
        if value is not None
    ]
    return {"cues": list(exercise.cues), "details": details}


def _facts(workout: Workout, table: list[dict[str, Any]], seen: dict[str, int]) -> dict[str, dict[str, int]]:
    """The index in ``table`` of each exercise's facts, by block and name, as a segment names it.

    Two exercises of one name in different blocks (a first and a last run) keep their own
    cues; within a block, the first of a name speaks for it. Equal facts are stored in
    ``table`` once (``seen``: their JSON text → index), so the variants of a workout, which
    mostly share their exercises, add little to the page.
    """
    facts: dict[str, dict[str, int]] = {}
    for block in workout.blocks:
        named = facts.setdefault(block.name, {})
        for exercise in block.exercises():
            if exercise.name not in named:
                found = _exercise_facts(exercise)
                key = json.dumps(found, sort_keys=True)
                if key not in seen:
                    seen[key] = len(table)
                    table.append(found)
                named[exercise.name] = seen[key]
    return facts


def player_data(workout: Workout, pacing: Pacing | None = None) -> dict[str, Any]:
    """What the page plays: distinct timelines, which choice uses which, and exercise facts.

    ``choices[variant][point]`` is the index of a timeline in ``timelines``; equal timelines
    are stored once.  A variant that cannot be expanded at some point is left out there.
    A timeline holds its ``total`` length and its segments as ``rows``: lists of values in the
    order of ``fields``, where a value of one of ``text_fields`` is the index of its text in
    ``texts`` (``null`` stays ``null``).
    ``facts[exercises[variant][block][name]]`` holds the cues and details of the exercise a
    segment names, as that variant has them; equal facts are stored once.

    Raises:
        ValidationError: the workout as written cannot be expanded at the pacing's range point.
    """
    pacing = Pacing() if pacing is None else pacing
    timelines: list[dict[str, Any]] = []
    texts: dict[str, int] = {}
    seen: dict[tuple[Any, ...], int] = {}
    choices: dict[str, dict[str, int]] = {}
    exercises: dict[str, dict[str, dict[str, int]]] = {}
    facts: list[dict[str, Any]] = []
    known: dict[str, int] = {}
    for name, variant in _variants(workout).items():
        for which in RangePoint:
            try:
                timeline = build_timeline(variant, attrs.evolve(pacing, range_point=which))
            except ValidationError:
                if name == AS_WRITTEN and which is pacing.range_point:
                    raise
                continue
            key = timeline.segments
            if key not in seen:
                seen[key] = len(timelines)
                timelines.append({"total": timeline.total, "rows": _rows(timeline, texts)})
            choices.setdefault(name, {})[which.value] = seen[key]
        if name in choices:
            exercises[name] = _facts(variant, facts, known)
    return {
        "title": workout.title,
        "scores": {
            block.name: block.format.score.value
            for block in workout.blocks
            if isinstance(block.format, Amrap | ForTime)
        },
        "point": pacing.range_point.value,
        "choices": choices,
        "fields": list(FIELDS),
        "text_fields": list(TEXT_FIELDS),
        "texts": list(texts),
        "timelines": timelines,
        "exercises": exercises,
        "facts": facts,
    }


@attrs.frozen
class Player:
    """The follow-along player of a workout: a self-contained HTML page.

    In Jupyter the player shows inline; `to_html` gives the page to save and open in any
    browser, offline, on a phone or a laptop.

    >>> from runstrength import catalog
    >>> page = Player(catalog.get("tabata-protocol")).to_html()
    >>> page.startswith("<!DOCTYPE html>")
    True
    """

    workout: Workout
    """The workout to play."""
    pacing: Pacing | None = None
    """The assumptions for what the workout leaves open (`Pacing()` by default); the athlete
    picks the range point (min, typical, max) and the variant on the page."""

    def to_html(self) -> str:
        """The page, as one HTML document.

        Raises:
            ValidationError: the workout cannot be expanded into a timeline at this pacing.
        """
        data = player_data(self.workout, self.pacing)
        return fill(
            asset("player.html"),
            {
                "title": html.escape(self.workout.title),
                "style": asset("player.css"),
                "data": script_json(data),
                "script": asset("player.js"),
            },
        )

    def _repr_html_(self) -> str:
        # The page in a frame of its own, so its styles and keys stay out of the notebook's.
        page = html.escape(self.to_html(), quote=True)
        return (
            f'<iframe srcdoc="{page}" title="{html.escape(self.workout.title)}" '
            'style="width: 100%; height: 680px; border: 1px solid #8884; border-radius: 8px" '
            'sandbox="allow-scripts"></iframe>'
        )


def export_html(workout: Workout, pacing: Pacing | None = None) -> str:
    """The follow-along player page of a workout, as one self-contained HTML document.

    The page shows the current exercise, its side, round, target and cues, counts timed
    segments down, waits for "done" on rep sets and rests taken as needed (their lengths
    are estimates), beeps and vibrates at changes, and keeps the screen awake while running.
    It embeds the timelines of every variant (as written, easier, harder…) at each range
    point, and makes no network request.

    Args:
        workout: the workout to play.
        pacing: the assumptions for what the workout leaves open; `Pacing()` by default.

    Returns:
        The HTML document (write it with ``encoding="utf-8"``).

    Raises:
        ValidationError: the workout cannot be expanded into a timeline at this pacing.
    """
    return Player(workout, pacing).to_html()
