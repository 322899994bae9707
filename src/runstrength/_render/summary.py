"""A plain-text summary of a workout for people to read, as ``runstrength show`` prints it."""

from __future__ import annotations

import textwrap
from typing import Final

from runstrength._model import SCORE_WORDS, Amrap, Block, Exercise, ForTime, Superset, Workout, level_changes
from runstrength._values import Amount, Rest, Source, format_lengths, format_seconds

from .terminal import escape, shown, width

WIDTH: Final = 88
"""The width lines are wrapped to."""


def summary(workout: Workout, *, encoding: str | None = None) -> str:
    r"""The workout as readable text, without a trailing newline.

    First the title, the source and its credits, frequency, equipment and rest guidance;
    then every block with its rounds, and every superset and exercise with its dose,
    sides, load, effort and tempo where given, numbered cues, and modifications written
    ``kind: name — dose`` (the dose shown only when the modification changes it); optional
    blocks and exercises are marked so, and the workout's levels close it, each with its
    changes. Control
    characters in the workout's text are written visibly (``\n``, ``\x1b``).

    ``encoding`` is the encoding the text will be written in: characters it cannot hold
    come out as backslash escapes (``\xe9``), as the command's streams write them, and
    the title's and blocks' underlines are as wide as their text is shown. ``None`` keeps
    every character.

    >>> from runstrength import Block, Exercise, Reps, Rest, Sides, Workout
    >>> curl = Exercise(name="Hammer Curl", dose=Reps(8), cues=["Keep the elbows still."])
    >>> chop = Exercise(name="Chop", dose=Reps(8), sides=Sides.EACH)
    >>> workout = Workout(
    ...     title="Arms",
    ...     rest_between_sets=Rest(60),
    ...     blocks=[Block(name="Main", rounds=2, items=[curl, chop])],
    ... )
    >>> print(summary(workout))
    Arms
    ====
    Rest between sets: 60 s
    <BLANKLINE>
    Main (main, 2 rounds)
    ---------------------
      Hammer Curl — 8 reps
        1. Keep the elbows still.
      Chop — 8 reps per side
    """
    lines = _heading(workout.title, "=", encoding)
    if workout.summary:
        lines += [*_paragraphs(workout.summary, 0), ""]
    lines += _about(workout)
    for block in workout.blocks:
        lines += ["", *_block(block, encoding)]
    if workout.levels:
        lines += ["", "Levels", "------"]
        for level in workout.levels:
            lines += _wrap(f"{level.name}: {level.summary}" if level.summary else level.name, 0, hang=2)
            for change in level_changes(level):
                lines += _wrap(f"- {change}", 2, hang=2)
    # Text from a document may hold control characters: shown, never obeyed.
    return "\n".join(shown(escape(line), encoding) for line in lines)


def _heading(text: str, rule: str, encoding: str | None) -> list[str]:
    """A heading and its underline, as wide as the heading is shown."""
    heading = shown(escape(text), encoding)
    return [heading, rule * width(heading)]


def _stated_length(stated: Amount | None, label: str = "Stated length") -> list[str]:
    return [] if stated is None else [f"{label}: {format_lengths(stated)}"]


def _about(workout: Workout) -> list[str]:
    lines: list[str] = []
    if workout.source:
        lines += _source(workout.source)
    if workout.frequency:
        note = f" — {workout.frequency.note}" if workout.frequency.note else ""
        lines += _wrap(f"Frequency: {workout.frequency}{note}", 0, hang=2)
    lines += _stated_length(workout.stated_duration)
    if workout.equipment:
        lines += _wrap(f"Equipment: {'; '.join(map(str, workout.equipment))}", 0, hang=2)
    if workout.rest_between_sets:
        lines.append(f"Rest between sets: {workout.rest_between_sets}")
    if workout.targets:
        lines += _wrap(f"Targets: {', '.join(workout.targets)}", 0, hang=2)
    if workout.benefits:
        lines.append("Benefits:")
        for benefit in workout.benefits:
            lines += _wrap(f"- {benefit}", 2, hang=2)
    if workout.notes:
        lines += ["Notes:", *_paragraphs(workout.notes, 2)]
    if workout.video:
        lines.append(f"Video: {workout.video}")
    return lines


def _source(source: Source) -> list[str]:
    publisher = f" ({source.publisher})" if source.publisher else ""
    lines = _wrap(f"Source: {source.title}{publisher}", 0, hang=2)
    for credit in source.credits:
        lines += _wrap(f"{credit.name} — {credit.role}", 2, hang=2)
    if source.url:
        lines.append(f"  {source.url}")
    if source.notes:
        lines += _paragraphs(source.notes, 2)
    return lines


def _block(block: Block, encoding: str | None) -> list[str]:
    optional = ", optional" if block.optional else ""
    lines = _heading(f"{block.name} ({block.kind}, {_rounds(block.rounds)}{optional})", "-", encoding)
    lines += block_facts(block)
    lines += _rests(block.rest_between_rounds, None, block.rest_after, 0)
    if block.notes:
        lines += _paragraphs(block.notes, 0)
    for item in block.items:
        lines += _superset(item) if isinstance(item, Superset) else _exercise(item, 2)
    return lines


def block_facts(block: Block) -> list[str]:
    """A block's format, what it scores, and the lengths its source states, one line each."""
    lines = [f"Format: {block.format}"] if block.format else []
    if isinstance(block.format, Amrap | ForTime):
        lines.append(f"Score: {SCORE_WORDS[block.format.score]}")
    lines += _stated_length(block.stated_duration)
    lines += _stated_length(block.stated_round_duration, "Stated length per round")
    return lines


def _superset(superset: Superset) -> list[str]:
    kind = f"{superset.label}, " if superset.label and superset.name else ""
    lines = [f"  {escape(superset.title)} ({kind}{_rounds(superset.rounds)})"]
    lines += _rests(superset.rest_between_rounds, superset.rest_between_exercises, superset.rest_after, 4)
    if superset.notes:
        lines += _paragraphs(superset.notes, 4)
    for exercise in superset.exercises:
        lines += _exercise(exercise, 4)
    return lines


def _exercise(exercise: Exercise, indent: int) -> list[str]:
    optional = " (optional)" if exercise.optional else ""
    lines = _wrap(f"{escape(exercise.name)} — {_dose(exercise)}{optional}", indent, hang=4)
    inner = indent + 2
    switch = exercise.switch_sides
    details = {
        "First side": exercise.first_side,
        "Switch sides": None if switch is None else format_seconds(switch),
        "Load": exercise.load,
        "Effort": exercise.effort,
        "Tempo": exercise.tempo,
        "Equipment": "; ".join(map(str, exercise.equipment)),
    }
    for label, value in details.items():
        if value:
            lines += _wrap(f"{label}: {value}", inner, hang=2)
    lines += _rests(None, None, exercise.rest_after, inner, between_sets=exercise.rest_between_sets)
    if exercise.notes:
        lines += _paragraphs(exercise.notes, inner)
    for number, cue in enumerate(exercise.cues, start=1):
        lines += _wrap(f"{number}. {cue}", inner, hang=len(f"{number}. "))
    if exercise.modifications:
        lines.append(" " * inner + "Modifications:")
    for modification in exercise.modifications:
        changed = modification.dose is not None or modification.sides is not None
        dose = f" — {_dose(modification.apply_to(exercise))}" if changed else ""
        lines += _wrap(f"{modification.kind}: {escape(modification.name)}{dose}", inner + 2, hang=4)
    if exercise.video:
        lines.append(" " * inner + f"Video: {exercise.video}")
    return lines


def _dose(exercise: Exercise) -> str:
    # The model's own text for an exercise is "name: dose"; reuse its wording of the dose.
    return str(exercise).removeprefix(f"{exercise.name}: ")


def _rounds(rounds: Amount) -> str:
    return f"{rounds} round{'' if rounds == 1 else 's'}"


def _rests(
    between_rounds: Rest | None,
    between_exercises: Rest | None,
    after: Rest | None,
    indent: int,
    *,
    between_sets: Rest | None = None,
) -> list[str]:
    rests = {
        "Rest between exercises": between_exercises,
        "Rest between rounds": between_rounds,
        "Rest between sets": between_sets,
        "Rest after": after,
    }
    return [" " * indent + f"{label}: {rest}" for label, rest in rests.items() if rest]


def _paragraphs(text: str, indent: int) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        lines += _wrap(line, indent) if line.strip() else [""]
    return lines


def _wrap(text: str, indent: int, *, hang: int = 0) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_long_words=False,
        break_on_hyphens=False,
    )
