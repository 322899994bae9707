"""Garmin FIT workout files: a workout as the steps a watch guides you through.

A file holds a ``file_id`` (type workout, manufacturer development, a fixed
``time_created`` and a serial number derived from the workout's document, so the same
workout always gives the same bytes), one ``workout`` message (sport training, sub-sport
strength training) and ``workout_step`` messages numbered 0 to n-1. `STEP_MAPPING` lists
how each part of a workout becomes steps, and `EXERCISE_CATEGORIES` how an exercise's name
chooses its FIT ``exercise_category`` and ``exercise_name``. In short:

- Work ends by time (milliseconds), reps, distance (centimetres, at least one), or the
  lap button for max reps without a time cap. Ranges and rounds use the pacing's range
  point, counts rounded half up. An ``each`` exercise is a right step, a side switch and a left step;
  an ``alternating`` one is one step of both sides' dose (8 reps per side: 16 reps).
- Rests are rest steps: fixed or ranged rests last their time, rests "as needed" wait for
  the lap button. Transitions between exercises are folded away: the watch moves straight
  to the next step, and rep steps wait for the lap button anyway.
- Rounds, sets and supersets are repeat steps pointing back at their first step; a block's
  rounds may wrap its supersets' repeats (nested repeats, which Garmin Connect also
  builds). The rest between rounds closes every round, the last one included, because a
  FIT repeat cannot skip its last rest. Rounds whose doses change (ladders) are written
  out one after another instead, with exact rests.
- Intervals are work and rest steps of the format's times. An EMOM interval is one timed
  step of the interval's length, its notes saying what to do in it (a superset's step
  lists its exercises). An AMRAP block is one
  timed step of its cap listing the exercises: FIT cannot repeat steps until a clock runs
  out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any, Final

from runstrength._document.text import dumps
from runstrength._errors import Problem, ValidationError
from runstrength._extras import require
from runstrength._model import Amrap, Block, BlockKind, Emom, Exercise, Intervals, Item, Superset, Workout
from runstrength._pacing import Pacing
from runstrength._timeline import superset_titles
from runstrength._values import (
    Distance,
    Duration,
    Ladder,
    Range,
    Reps,
    Rest,
    Side,
    Sides,
    SingleDose,
    count,
    format_seconds,
    point,
    step,
)

STEP_MAPPING: Final[tuple[tuple[str, str], ...]] = (
    ("work for a time (seconds)", "duration_type time, duration_value in milliseconds"),
    ("work for reps (a range: its point, rounded half up)", "duration_type reps, duration_value the reps"),
    ("work over a distance", "duration_type distance, duration_value in centimetres"),
    ("max reps with a time cap", "duration_type time of the cap"),
    ("max reps without a cap", "duration_type open: ends on the lap button"),
    ("sides each", "a (right) step, a switch-sides rest step, a (left) step"),
    ("sides alternating", "one step of twice the per-side dose"),
    ("a fixed or ranged rest", "intensity rest, duration_type time at the range point"),
    ("a rest as needed", "intensity rest, duration_type open: ends on the lap button"),
    ("a transition between exercises", "no step: the watch moves on to the next step"),
    ("warm-up and cool-down blocks", "work steps of intensity warmup and cooldown"),
    ("other blocks", "work steps of intensity active"),
    ("rounds, sets, superset rounds", "a repeat step: duration_value the first step, target_value the count"),
    ("rounds whose doses change (ladders)", "the rounds written out one after another"),
    ("interval block", "work and rest steps of the format's times; an active rest is intensity recovery"),
    ("EMOM block", "one timed step per interval, repeated over the rotation"),
    ("AMRAP block", "one timed step of the cap; its notes list the exercises"),
)
"""How each part of a workout becomes FIT workout steps."""

EXERCISE_CATEGORIES: Final[tuple[tuple[str, str, str | None], ...]] = (
    # Stretches and mobility first: a stretch named after a lift is still a stretch.
    (r"dynamic child's pose", "warm_up", "quadruped_rocking"),
    (r"child's pose", "warm_up", "stretch_childs_pose"),
    (r"thread the needle", "warm_up", "thoracic_rotation"),
    (r"half-kneeling rainbow", "warm_up", "half_kneeling_arm_rotation"),
    (r"shoulder stretch", "warm_up", "stretch_shoulder"),
    (r"(chest|pec|pectoral) stretch", "warm_up", "stretch_pectoral"),
    (r"cat[- ]cow", "warm_up", "stretch_cat_cow"),
    (r"stretch(es)?|mobility|rainbow|arm circles?", "warm_up", None),
    (r"hammer curls?", "curl", "dumbbell_hammer_curl"),
    (r"curls?", "curl", None),
    (r"chest fl(y|ye|ies|yes)", "flye", "dumbbell_flye"),
    (r"fl(y|ye|ies|yes)", "flye", None),
    (r"reciprocal rows?|alternating (dumbbell )?rows?", "row", "alternating_dumbbell_row"),
    (r"(single|one)[- ]arm bent[- ]over rows?", "row", "one_arm_bent_over_row"),
    (r"renegade rows?", "row", "renegade_row"),
    (r"rows?", "row", None),
    (r"(wood)?chop(s|per|pers)?", "chop", None),
    (r"bear plank lateral walk|bear crawls?", "plank", "bear_crawl"),
    (r"side planks?", "plank", "side_plank"),
    (r"planks?", "plank", None),
    (r"push[- ]?ups?", "push_up", None),
    (r"(pull|chin)[- ]?ups?", "pull_up", None),
    (r"deadlifts?", "deadlift", None),
    (r"thrusters?", "squat", "thrusters"),
    (r"squats?", "squat", None),
    (r"lunges?", "lunge", None),
    (r"(shoulder|overhead|military) press(es)?", "shoulder_press", None),
    (r"(bench|chest|floor) press(es)?", "bench_press", None),
    (r"crunch(es)?", "crunch", None),
    (r"sit[- ]?ups?", "sit_up", None),
    (r"shrugs?", "shrug", None),
    (r"(lateral|side) raises?", "lateral_raise", None),
    (r"calf raises?", "calf_raise", None),
    (r"glute bridges?|hip (raise|thrust)s?|bridges?", "hip_raise", None),
    (r"triceps? extensions?|skull ?crushers?", "triceps_extension", None),
    (r"kettlebell swings?", "hip_raise", "kettlebell_swing"),
    (r"burpees?", "total_body", "burpee"),
    (r"jumping jacks?", "cardio", "jumping_jacks"),
    (r"jump(ing)? rope|skipping", "cardio", "jump_rope"),
    (r"runs?|running|jog(s|ging)?", "run", "run"),
)
"""Exercise name pattern (whole words, any case), FIT ``exercise_category``, FIT ``exercise_name``.

The first pattern found in the name wins; a name that matches none gets neither field.
"""

TIME_CREATED: Final = datetime(2024, 1, 1, tzinfo=UTC)
"""The ``time_created`` of every file: a constant, so an export never depends on the clock."""

NAME_BYTES: Final = 64
"""The most UTF-8 bytes of a workout or step name (far more than a watch shows)."""

NOTES_BYTES: Final = 254
"""The most UTF-8 bytes of step notes: a FIT string field holds 255 with its terminator."""

MAX_STEPS: Final = 4096
"""The most steps a file may hold: a step's ``message_index`` keeps 12 bits."""


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    # Compiled on first use: ``import runstrength`` stays quick.
    return tuple(
        (re.compile(rf"\b(?:{pattern})\b"), category, name) for pattern, category, name in EXERCISE_CATEGORIES
    )


_ELLIPSIS: Final = "…"


def _clip(text: str, limit: int) -> str:
    """Text within ``limit`` UTF-8 bytes, cut at a character with an ellipsis; never an error."""
    data = text.encode()  # the model refuses NULs and lone surrogates: every text encodes
    if len(data) <= limit:
        return data.decode("utf-8")
    room = limit - len(_ELLIPSIS.encode())
    return data[:room].decode("utf-8", "ignore").rstrip() + _ELLIPSIS


def _named(name: str, suffix: str = "") -> str | None:
    """A name within `NAME_BYTES`, keeping the suffix (`` (right)``) whole; ``None`` if nothing is left."""
    return (_clip(name, NAME_BYTES - len(suffix.encode())) + suffix).strip() or None


def exercise_category(name: str) -> tuple[str, str | None] | None:
    """The FIT ``(exercise_category, exercise_name)`` an exercise's name maps to, if any.

    >>> exercise_category("Hammer Curl")
    ('curl', 'dumbbell_hammer_curl')
    >>> exercise_category("Bent-Over Wide Row")
    ('row', None)
    >>> exercise_category("Turkish Get-Up") is None
    True
    """
    text = name.casefold().replace("\u2019", "'")
    for pattern, category, exercise in _patterns():
        if pattern.search(text):
            return category, exercise
    return None


def _laddered(exercises: Iterable[Exercise]) -> bool:
    return any(isinstance(exercise.dose, Ladder) for exercise in exercises)


class _Steps:
    """Walks a workout and collects its FIT workout steps as field mappings."""

    def __init__(self, workout: Workout, pacing: Pacing, names: Mapping[str, Mapping[str, int]]) -> None:
        self.workout = workout
        self.pacing = pacing
        self.point = pacing.range_point
        self.names = names
        self.steps: list[dict[str, object]] = []
        self.intensity = "active"

    # --- output -----------------------------------------------------------------------

    def add(self, **fields: object) -> None:
        if len(self.steps) == MAX_STEPS:
            reason = f"expands to more than {MAX_STEPS} FIT workout steps, the most a file can number"
            raise ValidationError([Problem((), reason)])
        self.steps.append({"message_index": len(self.steps), **fields})

    def timed(self, seconds: float) -> dict[str, object]:
        return {"duration_type": "time", "duration_value": round(seconds * 1000)}

    def rest(self, name: str, rest: Rest | None, default: int | None, notes: str | None = None) -> None:
        """A rest the workout prescribes, else the pacing's default; nothing if it lasts no time."""
        if rest is not None:
            lasts = rest.seconds.max if isinstance(rest.seconds, Range) else rest.seconds
            if rest.as_needed and lasts > 0:
                text = f"Rest as needed ({rest.seconds} s), then press lap."
                self.add(**self.rest_fields(name, text), duration_type="open")
                return
            seconds = point(rest.seconds, self.point)
        elif default is not None:
            seconds = default
        else:
            return
        if seconds > 0:
            notes = notes or f"Rest {rest or format_seconds(seconds)}."
            self.add(**self.rest_fields(name, notes), **self.timed(seconds))

    def rest_fields(self, name: str, notes: str) -> dict[str, object]:
        return {
            "wkt_step_name": _named(name),
            "intensity": "rest",
            "target_type": "open",
            "notes": _clip(notes, NOTES_BYTES),
        }

    def repeat(self, start: int, times: int, title: str) -> None:
        self.add(
            wkt_step_name=_named(title),
            duration_type="repeat_until_steps_cmplt",
            duration_value=start,
            target_value=times,
        )

    def rounds(
        self, times: int, body: Callable[[int], None], rest: Callable[[], None], *, unroll: bool, title: str
    ) -> None:
        """``times`` rounds of ``body``: one repeat step, or written out when the rounds differ."""
        if times == 1 or unroll:
            for number in range(times):
                body(number)
                if number < times - 1:
                    rest()
            return
        start = len(self.steps)
        body(0)
        rest()
        self.repeat(start, times, title)

    # --- exercises --------------------------------------------------------------------

    def exercise_fields(
        self, exercise: Exercise, name: str | None, notes: str, intensity: str | None = None
    ) -> dict[str, object]:
        fields: dict[str, object] = {
            "wkt_step_name": name,
            "intensity": intensity or self.intensity,
            "target_type": "open",
            "notes": _clip(notes, NOTES_BYTES),
        }
        found = exercise_category(exercise.name)
        if found is not None:
            category, exercise_name = found
            fields["exercise_category"] = category
            number = self.names.get(category, {}).get(exercise_name or "")
            if number is not None:
                fields["exercise_name"] = number
        return fields

    def ending(self, exercise: Exercise, dose: SingleDose) -> dict[str, object]:
        """What ends one step of the dose: time, reps, distance or the lap button."""
        both = 2 if exercise.sides is Sides.ALTERNATING else 1
        if isinstance(dose, Reps):
            return {"duration_type": "reps", "duration_value": both * count(dose.reps, self.point)}
        if isinstance(dose, Duration):
            return self.timed(both * point(dose.seconds, self.point))
        if isinstance(dose, Distance):
            # At least a centimetre: a step of no distance would end before it starts.
            return {"duration_type": "distance", "duration_value": max(1, round(both * dose.metres * 100))}
        if dose.time_cap is not None:
            return self.timed(both * dose.time_cap)
        return {"duration_type": "open"}

    def effort(self, exercise: Exercise, dose: SingleDose) -> None:
        """One performance of an exercise: a step per side with a switch between, or one step."""
        notes = _notes(exercise, dose)
        ending = self.ending(exercise, dose)
        if exercise.sides is not Sides.EACH:
            self.add(**self.exercise_fields(exercise, _named(exercise.name), notes), **ending)
            return
        for side in (Side.RIGHT, Side.LEFT):
            name = _named(exercise.name, f" ({side})")
            self.add(**self.exercise_fields(exercise, name, notes), **ending)
            if side is Side.RIGHT:
                self.rest("Switch sides", None, self.pacing.switch_sides, "Switch to the left side.")

    # --- walking the workout ----------------------------------------------------------

    def run(self) -> None:
        last = len(self.workout.blocks) - 1
        for index, block in enumerate(self.workout.blocks):
            self.intensity = {BlockKind.WARM_UP: "warmup", BlockKind.COOL_DOWN: "cooldown"}.get(
                block.kind, "active"
            )
            self.run_block(block)
            if index < last:
                self.rest("Rest", block.rest_after, self.pacing.rest_between_blocks)

    def run_block(self, block: Block) -> None:
        fmt = block.format
        if isinstance(fmt, Emom):
            self.run_emom(block, fmt)
            return
        if isinstance(fmt, Amrap):
            self.run_amrap(block, fmt)
            return
        default = None if isinstance(fmt, Intervals) else self.pacing.rest_between_rounds
        # A ladder on a single-set exercise changes with the block's rounds.
        unroll = _laddered(item for item in block.items if isinstance(item, Exercise) and item.sets == 1)

        def body(number: int) -> None:
            self.block_round(block, number)

        self.rounds(
            count(block.rounds, self.point),
            body,
            lambda: self.rest("Rest", block.rest_between_rounds, default),
            unroll=unroll,
            title=block.name,
        )

    def block_round(self, block: Block, number: int) -> None:
        last = len(block.items) - 1
        fmt = block.format
        titles = superset_titles(block)
        for position, item in enumerate(block.items):
            if isinstance(fmt, Intervals):
                assert isinstance(item, Exercise)  # noqa: S101 - the model guarantees it
                self.run_interval(item, fmt, number)
                continue
            if isinstance(item, Superset):
                self.run_superset(item, titles[position])
            else:
                self.run_sets(item, number)
            if position < last:
                self.item_gap(item)

    def item_gap(self, item: Item) -> None:
        if item.rest_after is not None:
            self.rest("Rest", item.rest_after, None)
        elif isinstance(item, Superset) or item.sets != 1:
            self.rest("Rest", self.workout.rest_between_sets, self.pacing.rest_between_sets)

    def run_superset(self, superset: Superset, title: str) -> None:
        last = len(superset.exercises) - 1

        def body(number: int) -> None:
            for position, exercise in enumerate(superset.exercises):
                self.effort(exercise, step(exercise.dose, number))
                if position < last:
                    self.rest("Rest", superset.rest_between_exercises, None)

        self.rounds(
            count(superset.rounds, self.point),
            body,
            lambda: self.rest("Rest", superset.rest_between_rounds, self.pacing.rest_between_rounds),
            unroll=_laddered(superset.exercises),
            title=title,
        )

    def run_sets(self, exercise: Exercise, repetition: int) -> None:
        if exercise.sets == 1:
            self.effort(exercise, step(exercise.dose, repetition))
            return
        rest = exercise.rest_between_sets or self.workout.rest_between_sets
        self.rounds(
            count(exercise.sets, self.point),
            lambda number: self.effort(exercise, step(exercise.dose, number)),
            lambda: self.rest("Rest", rest, self.pacing.rest_between_sets),
            unroll=isinstance(exercise.dose, Ladder),
            title=exercise.name,
        )

    def run_interval(self, exercise: Exercise, fmt: Intervals, repetition: int) -> None:
        dose = step(exercise.dose, repetition)
        # A timed dose says the interval's work already; a count says what to do within it.
        notes = _notes(exercise, dose, "" if isinstance(dose, Duration) else f"In {fmt.work} s: ")
        sides = (f" ({Side.RIGHT})", f" ({Side.LEFT})") if exercise.sides is Sides.EACH else ("",)
        for suffix in sides:
            name = _named(exercise.name, suffix)
            self.add(**self.exercise_fields(exercise, name, notes), **self.timed(fmt.work))
            if fmt.rest == 0:
                continue
            active = fmt.active_rest
            if active is None:
                self.add(**self.rest_fields("Rest", f"Rest {fmt.rest} s."), **self.timed(fmt.rest))
            else:
                active_notes = _notes(active, step(active.dose, 0), "Active rest: ")
                fields = self.exercise_fields(active, _named(active.name), active_notes, "recovery")
                self.add(**fields, **self.timed(fmt.rest))

    def run_emom(self, block: Block, fmt: Emom) -> None:
        lead, tail = f"Every {format_seconds(fmt.every)}: ", " Rest until the next interval."
        titles = superset_titles(block)

        def interval(position: int) -> None:
            item = block.items[position]
            if isinstance(item, Exercise):
                notes = _notes(item, step(item.dose, 0), lead, tail)
                self.add(**self.exercise_fields(item, _named(item.name), notes), **self.timed(fmt.every))
                return
            # A superset done once through in the interval: one step naming its exercises.
            moves = "; ".join(str(exercise) for exercise in item.exercises)
            fields = {"wkt_step_name": _named(titles[position]), "intensity": self.intensity}
            notes = _clip(f"{lead}{moves}.{tail}", NOTES_BYTES)
            self.add(**fields, target_type="open", notes=notes, **self.timed(fmt.every))

        cycles, left = divmod(fmt.intervals, len(block.items))

        def cycle(_: int) -> None:
            for position in range(len(block.items)):
                interval(position)

        if cycles:
            self.rounds(cycles, cycle, lambda: None, unroll=False, title=block.name)
        for position in range(left):
            interval(position)

    def run_amrap(self, block: Block, fmt: Amrap) -> None:
        moves = "; ".join(str(item) for item in block.items)
        notes = f"AMRAP: as many rounds as you can in {format_seconds(fmt.time_cap)} of {moves}."
        fields = {"wkt_step_name": _named(block.name), "intensity": self.intensity, "target_type": "open"}
        self.add(**fields, notes=_clip(notes, NOTES_BYTES), **self.timed(fmt.time_cap))


def _notes(exercise: Exercise, dose: SingleDose, lead: str = "", tail: str = "") -> str:
    """A step's notes: the dose, load and equipment, then as many cues as fit."""
    per_side = {Sides.EACH: " per side", Sides.ALTERNATING: " per side, alternating"}.get(exercise.sides, "")
    parts = [f"{lead}{dose}{per_side}.{tail}"]
    if exercise.load is not None:
        parts.append(f"Load: {exercise.load}.")
    if exercise.equipment:
        parts.append("Equipment: " + ", ".join(map(str, exercise.equipment)) + ".")
    parts.extend(exercise.cues)
    return " ".join(parts)


def _exercise_names(profile: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """FIT exercise names by category, name to number, from the SDK's profile."""
    types = profile["types"]
    categories = {category for _, category, _ in EXERCISE_CATEGORIES}
    return {
        category: {name: number for number, name in types.get(f"{category}_exercise_name", {}).items()}
        for category in categories
    }


def _serial_number(workout: Workout) -> int:
    """A non-zero number from the workout's document: each workout's file is distinct on a device."""
    import hashlib  # noqa: PLC0415 - only when exporting

    digest = hashlib.sha256(dumps(workout).encode()).digest()
    return int.from_bytes(digest[:4], "big") or 1


def export_fit(workout: Workout, pacing: Pacing | None = None) -> bytes:
    """A Garmin FIT workout file of the workout, to copy to a watch or upload (extra ``fit``).

    The same workout and pacing always give the same bytes. The module documentation of
    ``runstrength._export.fit`` details the mapping; in short, every exercise becomes a step
    named after it (``(right)`` and ``(left)`` for each side) that ends by time, reps,
    distance or the lap button, rests become rest steps (the lap button for rests as
    needed), and rounds become repeat steps.

    Args:
        workout: the workout to export.
        pacing: fills what the workout leaves open: the range point of ranges, default
            rests and the side switch; `Pacing()` by default.

    Returns:
        The file's bytes.

    Raises:
        MissingExtraError: ``garmin-fit-sdk`` is not installed (``pip install "runstrength[fit]"``).
        ValidationError: the workout needs more than `MAX_STEPS` steps.
        TypeError: ``workout`` is not a `Workout` or ``pacing`` not a `Pacing`.

    >>> from runstrength import catalog
    >>> data = export_fit(catalog.get("upper-body-for-runners"))
    >>> data[8:12]
    b'.FIT'
    """
    pacing = Pacing() if pacing is None else pacing
    for given, expected in ((workout, Workout), (pacing, Pacing)):
        if not isinstance(given, expected):
            msg = f"expected a {expected.__name__}, got {type(given).__name__}"
            raise TypeError(msg)
    fit = require("garmin_fit_sdk", "fit")
    profile = fit.Profile
    walker = _Steps(workout, pacing, _exercise_names(profile))
    walker.run()
    mesg_num = profile["mesg_num"]
    encoder = fit.Encoder()
    encoder.write_mesg(
        {
            "mesg_num": mesg_num["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": _serial_number(workout),
            "time_created": TIME_CREATED,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": mesg_num["WORKOUT"],
            "wkt_name": _named(workout.title),
            "wkt_description": _clip(workout.summary, NOTES_BYTES) if workout.summary else None,
            "sport": "training",
            "sub_sport": "strength_training",
            "num_valid_steps": len(walker.steps),
        }
    )
    for message in walker.steps:
        encoder.write_mesg({"mesg_num": mesg_num["WORKOUT_STEP"], **message})
    data: bytes = encoder.close()
    return data
