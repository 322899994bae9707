"""MkDocs hooks: write the generated parts of pages from the code at build time, so they cannot go stale.

A page asks for generated Markdown with a line ``<!-- generated: NAME -->``, where ``NAME`` is
one of `GENERATORS`; the build replaces the line with what that generator writes. Nothing
generated is kept in the repository.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from functools import partial
from typing import Final

import attrs

from runstrength import Timeline, Workout, build_timeline, catalog
from runstrength._document.convert import _MARKERS, converter
from runstrength._document.schema import LOADER_ONLY_RULES, _classes
from runstrength._errors import CODES
from runstrength._export.fit import EXERCISE_CATEGORIES, STEP_MAPPING
from runstrength._render.summary import summary
from runstrength._render.table import clock, render
from runstrength._spec.rules import Instance, Items, Optional, Rule
from runstrength._spec.validated import spec_of

MARKER: Final = re.compile(r"^<!-- generated: ([a-z-]+) -->$", re.MULTILINE)


def _indented(text: str) -> str:
    return textwrap.indent(text, "    ")


def _length(timeline: Timeline) -> str:
    low, high = timeline.total_range
    span = f" (from {clock(low)} to {clock(high)})" if low != high else ""
    return f"{clock(timeline.total)}{span}"


def _credits(workout: Workout) -> str:
    source = workout.source
    if source is None:
        return ""
    publisher = f", {source.publisher}" if source.publisher else ""
    title = f"[{source.title}]({source.url})" if source.url else f"*{source.title}*"
    people = "; ".join(f"{credit.name} ({credit.role})" for credit in source.credits)
    return f"Source: {title}{publisher}." + (f" {people}." if people else "")


def _entry(name: str) -> str:
    workout = catalog.get(name)
    timeline = build_timeline(workout)
    exercises = len(list(workout.exercises()))
    blocks = len(workout.blocks)
    facts = [
        f"`{name}`",
        _length(timeline),
        f"{blocks} block{'s' if blocks > 1 else ''}",
        f"{exercises} exercise{'s' if exercises > 1 else ''}",
    ]
    table = render(timeline, "markdown").split("\n", 4)[4]  # without the heading and total lines
    parts = [f"## {workout.title}", "", " · ".join(facts), ""]
    if workout.summary:
        parts += [workout.summary, ""]
    if workout.source:
        parts += [_credits(workout), ""]
    parts += [
        f'??? abstract "The workout: `runstrength show {name}`"',
        "",
        _indented(f"```text\n{summary(workout)}\n```"),
        "",
        f'??? abstract "Its timeline: `runstrength timeline {name}`"',
        "",
        _indented(table.rstrip("\n")),
        "",
    ]
    return "\n".join(parts)


def gallery() -> str:
    """An overview table of the built-in workouts, then each with its summary and timeline."""
    rows = ["| name | workout | length | equipment |", "| --- | --- | ---: | --- |"]
    for name in catalog.names():
        workout = catalog.get(name)
        equipment = ", ".join(dict.fromkeys(item.name for item in workout.equipment)) or "none"
        title = workout.title.replace("|", "\\|")
        length = clock(build_timeline(workout).total)
        rows.append(f"| `{name}` | {title} | {length} | {equipment} |")
    return "\n".join([*rows, "", *map(_entry, catalog.names())])


def loader_only_rules() -> str:
    """The rules a JSON Schema cannot express, as a bulleted list."""
    return "\n".join(f"- {rule}" for rule in LOADER_ONLY_RULES)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def fit_steps() -> str:
    """What each part of a workout becomes in a FIT file, as a table."""
    rows = ["| in the workout | in the FIT file |", "| --- | --- |"]
    rows += [f"| {_cell(part)} | {_cell(steps)} |" for part, steps in STEP_MAPPING]
    return "\n".join(rows)


def fit_exercises() -> str:
    """The exporter's own phrases for exercises and the FIT category and name each gives, as a table."""
    rows = ["| phrase | `exercise_category` | `exercise_name` |", "| --- | --- | --- |"]
    for pattern, category, name in EXERCISE_CATEGORIES:
        # Pipes inside a code span do not split a table cell, so the pattern stays as written.
        rows.append(f"| `{pattern}` | `{category}` | {f'`{name}`' if name else '—'} |")
    return "\n".join(rows)


def problem_codes() -> str:
    """Every problem code and its meaning, as a table."""
    rows = ["| code | meaning |", "| --- | --- |"]
    rows += [f"| `{code}` | {_cell(meaning)} |" for code, meaning in CODES.items()]
    return "\n".join(rows)


def _link(cls: type) -> str:
    return f"[{cls.__name__}](#{cls.__name__.lower()})"


def _takes(rule: Rule) -> str:
    """What a rule accepts, in words, with the classes it holds linked to their sections."""
    if isinstance(rule, Optional):
        return _takes(rule.inner)
    if isinstance(rule, Instance):
        first = rule.classes[0].__name__
        return ("an " if first[0] in "AEIOU" else "a ") + " or ".join(map(_link, rule.classes))
    if isinstance(rule, Items):
        count = f"{rule.min_length}–{rule.max_length}" if rule.min_length else f"up to {rule.max_length}"
        unique = ", all different" if rule.unique else ""
        return f"a list of {count}{unique}, each {_takes(rule.inner)}"
    return rule.describe()


def _default(cls: type, name: str) -> str:
    default = attrs.fields_dict(cls)[name].default
    if default is attrs.NOTHING:
        return "required"
    if default is None:
        return "none"
    return f"`{json.dumps(converter().unstructure(default))}`"


def fields_table(cls: type) -> str:
    """A class's keys in a document: what each takes, its default and its meaning, from its rules."""
    rows = ["| key | takes | default | meaning |", "| --- | --- | --- | --- |"]
    if cls in _MARKERS:
        key, value = _MARKERS[cls]
        rows.append(f"| `{key}` | `{json.dumps(value)}` | required | tells this kind apart |")
    for field in spec_of(cls).fields:
        takes, meaning = _cell(_takes(field.rule)), _cell(field.description)
        rows.append(f"| `{field.name}` | {takes} | {_default(cls, field.name)} | {meaning} |")
    return "\n".join(rows)


GENERATORS: Final[dict[str, Callable[[], str]]] = {
    "fit-exercises": fit_exercises,
    "fit-steps": fit_steps,
    "gallery": gallery,
    "loader-only-rules": loader_only_rules,
    "problem-codes": problem_codes,
    **{f"fields-{name.lower()}": partial(fields_table, cls) for name, cls in _classes(Workout).items()},
}


def expand(markdown: str) -> str:
    """The page with every marker replaced by its generated Markdown.

    Raises:
        ValueError: a marker names no generator.
    """

    def generate(match: re.Match[str]) -> str:
        try:
            generator = GENERATORS[match[1]]
        except KeyError:
            msg = f"no generator named {match[1]!r}: expected one of {', '.join(GENERATORS)}"
            raise ValueError(msg) from None
        return generator()

    return MARKER.sub(generate, markdown)


def on_page_markdown(markdown: str, **_: object) -> str:
    """MkDocs event: expand the page's markers."""
    return expand(markdown)
