"""Garmin FIT workout files: a workout's plan as the steps a watch guides you through.

A file holds a ``file_id`` (type workout, manufacturer development, a fixed
``time_created`` and a serial number derived from everything that shapes the file, so the
same workout, pacing and options always give the same bytes), one ``workout`` message
(sport training, sub-sport strength training) and ``workout_step`` messages numbered 0 to
n-1. The steps are a mapping of the workout's plan (`runstrength._plan`): the plan decides
what comes when and which rest wins; this module decides how each node looks to a watch.
`STEP_MAPPING` lists it, and `exercise_category` says how a step finds its FIT
``exercise_category`` and ``exercise_name``. In short:

- Work ends by time (milliseconds), reps, distance (centimetres, at least one), or the
  lap button for max reps without a time cap and for an effort given only by its
  intensity. Ranges and rounds use the pacing's range point (a typical count is the lower
  of two middle counts). Counted efforts are a repeat of one effort, their recovery a rest
  step of intensity recovery between efforts. An ``each`` exercise is a step for its first
  side (`` R``, or `` L`` with ``first_side: left``), a side switch (none when its
  ``switch_sides`` is 0) and a step for the other side, each of the dose per side or of half
  a shared dose (``per_side: false``); an ``alternating`` one is one step of both sides'
  dose, or of the dose as written when it is shared.
  A load in kg or lb is the step's ``exercise_weight`` (a load ladder's step for each set or
  round); other loads are in the notes.
- Names fit the 16 bytes Garmin's SDK gives them (words abbreviated from the left, the
  movement kept); notes fit 50 bytes and start with the full name when the name was
  shortened.
- Rests are rest steps: fixed or ranged rests last their time, rests "as needed" wait for
  the lap button (with or without seconds), minimal and short rests last the pacing's
  ``rest_minimal`` and ``rest_short``. Transitions between exercises are folded away.
- Rounds, sets and supersets are unnamed repeat steps (target open) pointing back at their
  first step. A FIT repeat cannot skip its last rest, so when a rest closes each round, the
  repeat covers all rounds but the last, and the last round follows it without the rest, as
  in the timeline. Where that would exceed ``max_steps``, the repeat covers every round and
  its rest also follows the last one (press lap to skip it). Rounds whose doses change
  (ladders) are written out.
- Intervals are work and rest steps of the format's times (a range at the range point); with
  ``rest_after_last: false`` the rest closes every round but the last. An EMOM interval is one
  timed step of the interval's length, its notes saying what to do in it (written out interval
  by interval when a dose climbs). An AMRAP block is one timed step of its cap: FIT cannot
  repeat steps until a clock runs out. An EMOM or AMRAP block of several rounds repeats
  those steps like any rounds. A for-time block's steps are an untimed block's: FIT has no
  cap for a group of steps, so the cap is in the first step's notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, Final, TypeAlias

from runstrength._errors import Location, Problem, ValidationError
from runstrength._export.identity import canonical, canonical_text
from runstrength._extras import require
from runstrength._model import BlockKind, Exercise, Superset, Workout
from runstrength._pacing import Pacing
from runstrength._plan import (
    AsManyRounds,
    Between,
    Default,
    EveryInterval,
    Gap,
    IntervalRest,
    Node,
    Plan,
    Repeat,
    Work,
    plan,
    rest_default,
)
from runstrength._values import (
    Distance,
    Duration,
    Efforts,
    Load,
    LoadUnit,
    Range,
    RangePoint,
    Reps,
    Side,
    SingleDose,
    count,
    format_seconds,
    format_span,
    load_step,
    point,
    sides_text,
    step,
)

STEP_MAPPING: Final[tuple[tuple[str, str], ...]] = (
    ("work for a time (seconds)", "duration_type time, duration_value in milliseconds"),
    (
        "work for reps (a range: its point; typical, the lower of two middle counts)",
        "duration_type reps, duration_value the reps",
    ),
    ("work over a distance", "duration_type distance, duration_value in centimetres"),
    ("max reps with a time cap", "duration_type time of the cap"),
    ("max reps without a cap", "duration_type open: ends on the lap button"),
    (
        "counted efforts",
        (
            "a repeat step over one effort (by time or distance; the lap button for an effort "
            "given only by its intensity) and its recovery, a rest step of intensity recovery"
        ),
    ),
    ("a distance's pace or intensity", "in the step's notes"),
    (
        "sides each",
        "a step named … R, a switch-sides rest step, a step named … L (first_side: left: L first)",
    ),
    ("sides each, per_side false", "the same steps, each of half the dose"),
    ("sides alternating", "one step of twice the per-side dose (per_side false: of the dose as written)"),
    ("a load in kg or lb", "exercise_weight (kg) and weight_display_unit; other loads in the notes"),
    ("a fixed or ranged rest", "intensity rest, duration_type time at the range point"),
    ("a rest as needed", "intensity rest, duration_type open: ends on the lap button"),
    (
        "a rest stated as minimal or short",
        "intensity rest, duration_type time of the pacing's rest_minimal or rest_short",
    ),
    ("a transition between exercises", "no step: the watch moves on to the next step"),
    ("warm-up and cool-down blocks", "work steps of intensity warmup and cooldown"),
    ("other blocks", "work steps of intensity active"),
    (
        "rounds, sets, superset rounds",
        "an unnamed repeat step: duration_value the first step, target_value the count, target open",
    ),
    (
        "a rest between rounds",
        "closes each repeated round; the last round follows the repeat without it (if max_steps allows)",
    ),
    ("rounds whose doses change (ladders)", "the rounds written out one after another"),
    ("interval block", "work and rest steps of the format's times; an active rest is intensity recovery"),
    ("EMOM block", "one timed step per interval, repeated over the rotation"),
    ("AMRAP block", "one timed step of the cap; its notes list the exercises"),
    ("EMOM or AMRAP block of several rounds", "its steps repeated, the rest between rounds closing each"),
    ("for-time block", "the steps of an untimed block; the cap in the first step's notes"),
)
"""How each part of a workout becomes FIT workout steps."""

EXERCISE_CATEGORIES: Final[tuple[tuple[str, str, str | None], ...]] = (
    # Moves Garmin's profile names differently from the usual English name.
    ("dynamic child's pose", "warm_up", "quadruped_rocking"),
    ("child's pose", "warm_up", "stretch_childs_pose"),
    ("thread the needle", "warm_up", "thoracic_rotation"),
    ("half-kneeling rainbow", "warm_up", "half_kneeling_arm_rotation"),
    ("bear plank lateral walk", "plank", "bear_crawl"),
    ("reciprocal row", "row", "alternating_dumbbell_row"),
    ("single-arm bent-over row", "row", "one_arm_bent_over_row"),
    ("hamstring curl", "leg_curl", "leg_curl"),
    ("high knees", "cardio", None),
    ("wall sit", "squat", "weighted_wall_squat"),
    ("dip on chair", "triceps_extension", "bench_dip"),
    ("dip", "triceps_extension", "body_weight_dip"),
    ("superman", "hyperextension", "superman_from_floor"),
    ("pec stretch", "warm_up", "stretch_pectoral"),
    ("chest stretch", "warm_up", "stretch_pectoral"),
    ("rainbow", "warm_up", None),
    ("stretch", "warm_up", None),
    ("mobility", "warm_up", None),
    ("foam roll", "warm_up", None),
)
"""Phrases Garmin's profile spells differently: phrase, FIT ``exercise_category``, ``exercise_name``.

A phrase found in a name (as whole words, any case, singular or plural) is a candidate like
any name of the profile; see `exercise_category` for how the best one is chosen.
"""

TIME_CREATED: Final = datetime(2024, 1, 1, tzinfo=UTC)
"""The ``time_created`` of every file: a constant, so an export never depends on the clock."""

NAME_BYTES: Final = 16
"""The most UTF-8 bytes of a workout or step name (Garmin's SDK sizes ``wkt_name`` and ``wkt_step_name``)."""

NOTES_BYTES: Final = 50
"""The most UTF-8 bytes of step notes and the workout's description, as Garmin's SDK sizes ``notes``."""

MAX_STEPS: Final = 4096
"""The most steps a file may hold: a step's ``message_index`` keeps 12 bits."""

CONNECT_MAX_STEPS: Final = 50
"""The most steps Garmin Connect's workout editor allows: `export_fit`'s default ``max_steps``."""

Identify: TypeAlias = Callable[[Exercise], tuple[str, str | None] | None]
"""Names an exercise's FIT ``(exercise_category, exercise_name)``; ``None`` leaves it to the exporter."""

# --- text that fits -------------------------------------------------------------------------

_ELLIPSIS: Final = "…"
_SMALL_WORDS: Final = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})
_SIDE_MARKS: Final = {Side.RIGHT: " R", Side.LEFT: " L"}


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` UTF-8 bytes, never inside a character."""
    return text.encode()[:limit].decode("utf-8", "ignore")


def _clip(text: str, limit: int) -> str:
    """Text within ``limit`` UTF-8 bytes, cut at a character with an ellipsis; never an error."""
    if len(text.encode()) <= limit:  # the model refuses NULs and lone surrogates: every text encodes
        return text
    return _cut(text, limit - len(_ELLIPSIS.encode())).rstrip() + _ELLIPSIS


def _initials(word: str) -> str:
    """A word's initials: ``Half-Kneeling`` is ``HK``, ``Bear`` is ``B``, ``1¼`` stays."""
    parts = [part for part in re.split(r"[-–/]", word) if part]
    return "".join(part if not part[0].isalpha() else part[0].upper() for part in parts) or word


def short_name(name: str, side: Side | None = None) -> str:
    """An exercise's name within `NAME_BYTES` UTF-8 bytes, with `` R``/`` L`` for a side.

    Small words go first, then words become initials from the left (``Single-Leg`` is
    ``SL``); the last word (the movement) is kept, and cut at a character only if it alone
    is too long.

    >>> short_name("Single-Leg Deadlift", Side.RIGHT)
    'SL Deadlift R'
    >>> short_name("Thread the Needle", Side.LEFT)
    'Thread Needle L'
    """
    mark = _SIDE_MARKS[side] if side is not None else ""
    room = NAME_BYTES - len(mark)
    text = " ".join(name.split())
    words = text.split(" ")
    if len(text.encode()) > room and len(words) > 2:
        kept = [w for w in words[:-1] if w.casefold() not in _SMALL_WORDS]
        words = [*kept, words[-1]] if kept else words
    for position in range(len(words) - 1):
        if len(" ".join(words).encode()) <= room:
            break
        words[position] = _initials(words[position])
    short = _cut(" ".join(words), room).rstrip()
    return (short or _cut(name, room)) + mark


def short_title(title: str) -> str:
    """A workout's or block's title within `NAME_BYTES` UTF-8 bytes: its first words.

    Parentheses go first; then whole words are kept from the start while they fit (a
    single long word is cut at a character).

    >>> short_title("Tabata Protocol (20 s on, 10 s off)")
    'Tabata Protocol'
    >>> short_title("Upper-Body Workout for Runners")
    'Upper-Body'
    """
    text = " ".join(title.split())
    if len(text.encode()) <= NAME_BYTES:
        return text
    text = " ".join(re.sub(r"\([^)]*\)", " ", text).split()) or text
    kept = ""
    for word in text.split(" "):
        longer = f"{kept} {word}" if kept else word
        if len(longer.encode()) > NAME_BYTES:
            break
        kept = longer
    kept = kept.rstrip(" ,:;-–—")
    return kept or _cut(text, NAME_BYTES).rstrip()


# --- exercises ------------------------------------------------------------------------------

_SYNONYMS: Final = {
    "fly": "flye",
    "flie": "flye",
    "pushup": "push up",
    "pullup": "pull up",
    "chinup": "chin up",
    "situp": "sit up",
    "stepup": "step up",
    "ups": "up",  # push-ups, sit-ups: too short for the plural rule, which spares "abs"
    "pulldown": "pulldown",
    "woodchopper": "woodchop",
    "woodchop": "woodchop",
}
_OPTIONAL: Final = ("dumbbell", "barbell", "kettlebell", "weighted", "cable", "band", "banded")
"""Equipment words a profile name may carry that an exercise's name often leaves out, most likely first."""


_EQUIPMENT_CATEGORIES: Final = {
    "banded_exercises": ("band", "banded"),
    "battle_rope": ("rope",),
    "sandbag": ("sandbag",),
    "sled": ("sled",),
    "sledge_hammer": ("sledge", "hammer"),
    "suspension": ("suspension", "suspended", "trx", "ring"),
    "tire": ("tire", "tyre"),
}
"""Categories of one piece of equipment: a name must mention it to land there."""


def _words(text: str) -> tuple[str, ...]:
    """Normalised words: any case, apostrophes dropped, singular, common spellings unified."""
    plain = text.casefold().replace("\u2019", "").replace("'", "")
    plain = plain.replace("pull-down", "pulldown").replace("pull down", "pulldown")
    words: list[str] = []
    for found in re.split(r"[^0-9a-z]+", plain):
        word = found
        if not word:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("es") and word[:-2].endswith(("ch", "sh", "ss", "x")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.extend(_SYNONYMS.get(word, word).split())
    return tuple(words)


def _contiguous(needle: tuple[str, ...], haystack: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


@cache
def _candidates() -> tuple[tuple[tuple[str, ...], str, str | None, bool], ...]:
    """Every FIT exercise of the profile and every alias: words, category, name, alias."""
    types = _profile()["types"]
    found: list[tuple[tuple[str, ...], str, str | None, bool]] = [
        (_words(phrase), category, name, True) for phrase, category, name in EXERCISE_CATEGORIES
    ]
    found.extend(
        (_words(name.replace("_", " ")), category, name, False)
        for category in types["exercise_category"].values()
        for name in types.get(f"{category}_exercise_name", {}).values()
    )
    return tuple(found)


def _profile() -> Mapping[str, Any]:
    profile: Mapping[str, Any] = require("garmin_fit_sdk", "fit").Profile
    return profile


@lru_cache(maxsize=4096)
def exercise_category(name: str) -> tuple[str, str | None] | None:
    """The FIT ``(exercise_category, exercise_name)`` an exercise's name maps to, if any (extra ``fit``).

    Every name in Garmin's profile (``squat``, ``leg_curl``, ``dumbbell_hammer_curl``…) and
    every phrase of `EXERCISE_CATEGORIES` is a candidate when all its words are in the
    name (any case, singular or plural; equipment words such as ``dumbbell`` may be missing).
    The most specific wins: most words matched, then words in the same order, then fewest
    equipment words missing, then the profile's own order. Without a candidate, a category
    whose name is a word of the name (the last such word) gives the category alone.

    >>> exercise_category("Hammer Curl")
    ('curl', 'dumbbell_hammer_curl')
    >>> exercise_category("Low Hamstring Curl")
    ('leg_curl', 'leg_curl')
    >>> exercise_category("Turkish Get-Up")
    ('core', 'turkish_get_up')
    >>> exercise_category("Throw") is None
    True
    """
    # Remembered by name: the search reads the whole profile, and every set and round of an
    # exercise is a step of its own.
    return _search_category(name)


def _search_category(name: str) -> tuple[str, str | None] | None:
    """`exercise_category`, searching Garmin's profile every time."""
    words = _words(name)
    if not words:
        return None
    present = set(words)
    best: tuple[tuple[int, bool, bool, bool, int, int], str, str | None] | None = None
    for order, (needed, category, exercise, alias) in enumerate(_candidates()):
        gear = _EQUIPMENT_CATEGORIES.get(category)
        if gear is not None and present.isdisjoint(gear):
            continue
        core = tuple(word for word in needed if word in present or word not in _OPTIONAL)
        if not core or not present.issuperset(core):
            continue
        # Missing equipment words cost by how unlikely they are (a dumbbell least).
        missing = sum(1 + _OPTIONAL.index(word) for word in needed if word not in core)
        score = (len(core), words[-1] in core, alias, _contiguous(core, words), -missing, -order)
        if best is None or score > best[0]:
            best = (score, category, exercise)
    if best is not None:
        return best[1], best[2]
    categories = _profile()["types"]["exercise_category"].values()
    for word in reversed(words):
        for category in categories:
            if (word,) == _words(category.replace("_", " ")):
                return category, None
    return None


def _exercise_numbers() -> dict[str, dict[str, int]]:
    """FIT exercise names by category, name to number, from the SDK's profile."""
    types = _profile()["types"]
    return {
        category: {name: number for number, name in types.get(f"{category}_exercise_name", {}).items()}
        for category in types["exercise_category"].values()
    }


def _unknown_fit_exercises(workout: Workout, numbers: Mapping[str, Mapping[str, int]]) -> Iterator[Problem]:
    """A problem for each ``fit_exercise`` that Garmin's profile does not have, at its path."""
    for b, block in enumerate(workout.blocks):
        for i, item in enumerate(block.items):
            where: Location = ("blocks", b, "items", i)
            places = (
                [((*where, "exercises", e), exercise) for e, exercise in enumerate(item.exercises)]
                if isinstance(item, Superset)
                else [(where, item)]
            )
            for place, exercise in places:
                named = [(place, exercise.fit_exercise)]
                named += [
                    ((*place, "modifications", m), change.fit_exercise)
                    for m, change in enumerate(exercise.modifications)
                ]
                for path, fit_exercise in named:
                    if fit_exercise is None:
                        continue
                    category, _, name = fit_exercise.partition("/")
                    if category not in numbers or (name and name not in numbers[category]):
                        reason = f"Garmin's FIT profile has no exercise {fit_exercise!r}"
                        yield Problem((*path, "fit_exercise"), reason, "not_one_of")


# --- steps ----------------------------------------------------------------------------------


class _TooManySteps(Exception):  # noqa: N818 - control flow, never escapes
    """The steps exceed the limit."""


_MOVES_ON: Final = frozenset({Default.TRANSITION, Default.TRANSITION_IN_PLACE, Default.SET_UP})
"""Default gaps a watch does not time: it moves on when the next step starts."""
_INTENSITY: Final = {BlockKind.WARM_UP: "warmup", BlockKind.COOL_DOWN: "cooldown"}
_KG_PER_LB: Final = 0.45359237
_MAX_WEIGHT_KG: Final = 655.35
"""``exercise_weight`` is a 16-bit count of 0.01 kg."""


class _Steps:
    """Maps a plan's nodes to FIT workout steps (field mappings)."""

    def __init__(
        self,
        pacing: Pacing,
        numbers: Mapping[str, Mapping[str, int]],
        identify: Identify | None,
        *,
        limit: int,
        exact_last_rounds: bool,
    ) -> None:
        self.pacing = pacing
        self.point = pacing.range_point
        self.numbers = numbers
        self.identify = identify
        self.limit = limit
        self.exact = exact_last_rounds
        self.steps: list[dict[str, object]] = []
        self.intensity = "active"
        self.title = ""

    # --- output -----------------------------------------------------------------------

    def add(self, **fields: object) -> None:
        if len(self.steps) >= self.limit:
            raise _TooManySteps
        self.steps.append({"message_index": len(self.steps), **fields})

    def timed(self, seconds: float) -> dict[str, object]:
        return {"duration_type": "time", "duration_value": round(seconds * 1000)}

    def rest_step(self, name: str, notes: str, **ending: object) -> None:
        self.add(
            wkt_step_name=name,
            intensity=ending.pop("intensity", "rest"),
            target_type="open",
            notes=_clip(notes, NOTES_BYTES),
            **ending,
        )

    # --- gaps -------------------------------------------------------------------------

    def seconds(self, gap: Gap) -> float | None:
        """How long a gap's step lasts (``inf`` for the lap button); ``None``: no step."""
        prescribed = gap.prescribed
        if prescribed is not None:
            given = prescribed.seconds
            if prescribed.as_needed:  # the lap button, unless the rest can only be nothing
                return float("inf") if given is None or point(given, RangePoint.MAX) > 0 else None
            if given is None:  # a length in words: the pacing's seconds for it
                seconds = self.pacing.gap_seconds(rest_default(prescribed).value)
            else:
                seconds = point(given, self.point)
            return seconds if seconds > 0 else None
        if gap.default is None or gap.default in _MOVES_ON:
            return None  # the watch moves straight on
        seconds = self.pacing.gap_seconds(gap.default.value)
        return seconds if seconds > 0 else None

    def gap(self, gap: Gap) -> None:
        seconds = self.seconds(gap)
        if seconds is None:
            return
        if gap.between is Between.SIDES:
            self.rest_step(
                "Switch sides", f"Switch to the {gap.side or Side.LEFT} side.", **self.timed(seconds)
            )
        elif gap.between is Between.EFFORTS:
            ending = {"duration_type": "open"} if seconds == float("inf") else self.timed(seconds)
            self.rest_step("Recovery", f"Recover {gap.prescribed}.", intensity="recovery", **ending)
        elif seconds == float("inf"):
            self.rest_step("Rest", f"Rest {gap.prescribed}, then press lap.", duration_type="open")
        else:
            prescribed = gap.prescribed
            text = format_seconds(seconds) if prescribed is None else str(prescribed)
            if prescribed is not None and prescribed.seconds is None:  # "short rest": say how long
                text += f", {format_seconds(seconds)}"
            self.rest_step("Rest", f"Rest {text}.", **self.timed(seconds))

    # --- work -------------------------------------------------------------------------

    def exercise_fields(
        self, exercise: Exercise, name: str, notes: str, intensity: str, load: Load | None
    ) -> dict[str, object]:
        fields: dict[str, object] = {
            "wkt_step_name": name,
            "intensity": intensity,
            "target_type": "open",
            "notes": _clip(notes, NOTES_BYTES),
        }
        found = self.identify(exercise) if self.identify is not None else None
        if found is None and exercise.fit_exercise is not None:
            category, _, named = exercise.fit_exercise.partition("/")
            found = (category, named or None)
        if found is None:
            found = exercise_category(exercise.name)
        if found is not None:
            category, exercise_name = found
            fields["exercise_category"] = category
            number = self.numbers.get(category, {}).get(exercise_name or "")
            if number is not None:
                fields["exercise_name"] = number
        fields.update(self.weight(load))
        return fields

    def weight(self, load: Load | None) -> dict[str, object]:
        """A load in kg or lb as the step's weight (kg, shown in its unit); other loads: nothing."""
        if load is None or load.amount is None or load.unit not in (LoadUnit.KG, LoadUnit.LB):
            return {}
        amount = point(load.amount, self.point)
        kilograms = amount if load.unit is LoadUnit.KG else amount * _KG_PER_LB
        if kilograms > _MAX_WEIGHT_KG:
            return {}
        unit = "kilogram" if load.unit is LoadUnit.KG else "pound"
        return {"exercise_weight": round(kilograms, 2), "weight_display_unit": unit}

    def ending(self, dose: SingleDose | Efforts, share: float) -> dict[str, object]:  # noqa: PLR0911 - one per dose
        """What ends one step doing ``share`` of a dose: time, reps, distance or the lap button."""
        if isinstance(dose, Efforts):
            if dose.each is None:
                return {"duration_type": "open"}
            dose = dose.each
        if isinstance(dose, Reps):
            reps = dose.reps  # a shared count splits evenly (the model checks it)
            if isinstance(reps, Range):
                reps = count(Range(reps.min * share, reps.max * share), self.point)
                return {"duration_type": "reps", "duration_value": reps}
            return {"duration_type": "reps", "duration_value": round(reps * share)}
        if isinstance(dose, Duration):
            return self.timed(share * point(dose.seconds, self.point))
        if isinstance(dose, Distance):
            # At least a centimetre: a step of no distance would end before it starts.
            return {"duration_type": "distance", "duration_value": max(1, round(share * dose.metres * 100))}
        if dose.time_cap is not None:
            return self.timed(share * dose.time_cap)
        return {"duration_type": "open"}

    def work(self, work: Work) -> None:
        exercise, dose = work.exercise, work.dose
        if work.seconds is None:
            ending = self.ending(dose, work.share)
            lead = ""
        else:
            ending = self.timed(point(work.seconds, self.point))
            # A timed dose says the interval's work already; a count says what to do within it.
            lead = "" if isinstance(dose, Duration) else f"In {format_span(work.seconds)}: "
        name = short_name(exercise.name, work.side)
        notes = _notes(exercise, dose, work.load, name=name, side=work.side, lead=lead)
        self.add(**self.exercise_fields(exercise, name, notes, self.intensity, work.load), **ending)

    def interval_rest(self, rest: IntervalRest) -> None:
        seconds = point(rest.seconds, self.point)
        if seconds == 0:
            return
        active = rest.active
        if active is None:
            self.rest_step("Rest", f"Rest {rest.seconds} s.", **self.timed(seconds))
            return
        name = short_name(active.name)
        load = load_step(active.load, 0)
        notes = _notes(active, step(active.dose, 0), load, name=name, lead="Active rest: ")
        self.add(**self.exercise_fields(active, name, notes, "recovery", load), **self.timed(seconds))

    # --- order and repeats ------------------------------------------------------------

    def sequence(self, nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if isinstance(node, Work):
                self.work(node)
            elif isinstance(node, Gap):
                self.gap(node)
            elif isinstance(node, IntervalRest):
                self.interval_rest(node)
            elif isinstance(node, EveryInterval):
                self.emom(node)
            elif isinstance(node, AsManyRounds):
                self.amrap(self.title, node)
            else:
                self.repeat(node)

    def repeat_step(self, start: int, times: int) -> None:
        # Unnamed: the profile leaves a repeat step's name undefined.
        self.add(
            duration_type="repeat_until_steps_cmplt",
            duration_value=start,
            target_type="open",
            target_value=times,
        )

    def between_rounds(self, repeat: Repeat) -> None:
        """What ends every round but the last: an interval block's closing rest, then the gap."""
        if repeat.closing is not None:
            self.interval_rest(repeat.closing)
        if repeat.between is not None:
            self.gap(repeat.between)

    def repeat(self, repeat: Repeat) -> None:
        """The rounds: one repeat step, or written out when they differ or must end exactly."""
        times = count(repeat.times, self.point)
        if times == 1 or repeat.varies:
            for number in range(times):
                self.sequence(repeat.body(number))
                if number < times - 1:
                    self.between_rounds(repeat)
            return
        body = repeat.body(0)
        start = len(self.steps)
        self.sequence(body)
        closing = len(self.steps)
        self.between_rounds(repeat)
        if len(self.steps) == closing or not self.exact:  # no rest closes a round, or no room
            self.repeat_step(start, times)
            return
        # A FIT repeat cannot skip its last rest: the last round comes after it, without one.
        if times > 2:
            self.repeat_step(start, times - 1)
        self.sequence(body)

    # --- blocks -----------------------------------------------------------------------

    def run(self, planned: Plan) -> None:
        for block in planned.blocks:
            self.intensity = _INTENSITY.get(block.block.kind, "active")
            self.title = block.block.name
            body = block.body
            first = len(self.steps)
            if isinstance(body, EveryInterval):
                self.emom(body)
            elif isinstance(body, AsManyRounds):
                self.amrap(block.block.name, body)
            else:
                self.repeat(body)
            if block.time_cap is not None and len(self.steps) > first:
                notes = (
                    f"For time, cap {format_seconds(block.time_cap)}. {self.steps[first].get('notes', '')}"
                )
                self.steps[first]["notes"] = _clip(notes, NOTES_BYTES)
            if block.after is not None:
                self.gap(block.after)

    def emom(self, emom: EveryInterval) -> None:
        lead, tail = f"Every {format_seconds(emom.every)}: ", " Rest until the next interval."
        slots = emom.slots

        def interval(position: int, cycle: int = 0) -> None:
            slot = slots[position]
            item = slot.item
            if isinstance(item, Exercise):
                name = short_name(item.name)
                load = load_step(item.load, cycle)
                notes = _notes(item, step(item.dose, cycle), load, name=name, lead=lead, tail=tail)
                fields = self.exercise_fields(item, name, notes, self.intensity, load)
                self.add(**fields, **self.timed(emom.every))
                return
            # A superset done once through in the interval: one step naming its exercises.
            moves = "; ".join(
                f"{exercise.name}: {step(exercise.dose, cycle)}" if slot.cycles else str(exercise)
                for exercise in item.exercises
            )
            notes = _clip(f"{lead}{moves}.{tail}", NOTES_BYTES)
            fields = {
                "wkt_step_name": short_title(slot.title),
                "intensity": self.intensity,
                "target_type": "open",
            }
            self.add(**fields, notes=notes, **self.timed(emom.every))

        if any(slot.cycles for slot in slots):  # a climbing dose: each interval says its own
            for number in range(emom.intervals):
                interval(number % len(slots), number // len(slots))
            return
        cycles, left = divmod(emom.intervals, len(slots))
        start = len(self.steps)
        for position in range(len(slots) if cycles else 0):
            interval(position)
        if cycles > 1:
            self.repeat_step(start, cycles)
        for position in range(left):
            interval(position)

    def amrap(self, title: str, amrap: AsManyRounds) -> None:
        moves = "; ".join(map(str, _round_exercises(amrap.round)))
        notes = f"AMRAP {format_seconds(amrap.time_cap)}: {moves}."
        fields = {"wkt_step_name": short_title(title), "intensity": self.intensity, "target_type": "open"}
        self.add(**fields, notes=_clip(notes, NOTES_BYTES), **self.timed(amrap.time_cap))


def _round_exercises(nodes: tuple[Node, ...]) -> Iterator[Exercise]:
    """The exercises of a round in order, each once: both sides of ``each`` and counted efforts too."""
    previous: Exercise | None = None
    for node in nodes:
        inner = node.body(0) if isinstance(node, Repeat) else (node,)
        for work in inner:
            if isinstance(work, Work) and work.exercise is not previous:
                previous = work.exercise
                yield previous


def _notes(  # noqa: PLR0913 - the parts of a step's notes
    exercise: Exercise,
    dose: SingleDose | Efforts,
    load: Load | None,
    *,
    name: str,
    side: Side | None = None,
    lead: str = "",
    tail: str = "",
) -> str:
    """A step's notes: the full name if the step's name shortens it, the dose, load, equipment, cues."""
    parts = []
    plain = name.removesuffix(_SIDE_MARKS[side]) if side is not None else name
    if plain != exercise.name:
        parts.append(f"{exercise.name}{f' ({side})' if side else ''}:")
    what = dose.one() if isinstance(dose, Efforts) else str(dose)
    parts.append(f"{lead}{what}{sides_text(exercise.sides, per_side=exercise.per_side)}.{tail}")
    if load is not None:
        parts.append(f"Load: {load}.")
    if exercise.equipment:
        parts.append("Equipment: " + ", ".join(map(str, exercise.equipment)) + ".")
    parts.extend(exercise.cues)
    return " ".join(parts)


# --- identity -------------------------------------------------------------------------------


def _serial_number(parts: Iterable[str]) -> int:
    """A non-zero number from everything that shapes the file: each file is distinct on a device."""
    import hashlib  # noqa: PLC0415 - only when exporting

    digest = hashlib.sha256("\n".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") or 1


def _checked_max_steps(max_steps: object) -> int:
    if type(max_steps) is not int or not 1 <= max_steps <= MAX_STEPS:
        reason = f"expected a whole number from 1 to {MAX_STEPS}, got {max_steps!r}"
        raise ValidationError([Problem(("max_steps",), reason, "out_of_range")])
    return max_steps


def export_fit(
    workout: Workout,
    pacing: Pacing | None = None,
    *,
    max_steps: int = CONNECT_MAX_STEPS,
    identify: Identify | None = None,
) -> bytes:
    """A Garmin FIT workout file of the workout, to copy to a watch (extra ``fit``).

    The same workout, pacing and options always give the same bytes. The module
    documentation of ``runstrength._export.fit`` details the mapping; in short, every
    exercise becomes a step named after it (`` R`` and `` L`` for each side) that ends by
    time, reps, distance or the lap button, rests become rest steps (the lap button for
    rests as needed), and rounds become repeat steps.

    Args:
        workout: the workout to export.
        pacing: fills what the workout leaves open: the range point of ranges, default
            rests and the side switch; `Pacing()` by default.
        max_steps: the most steps the file may hold: 50 by default, the most Garmin
            Connect's workout editor takes; up to `MAX_STEPS`.
        identify: names an exercise's FIT ``(exercise_category, exercise_name)``, for
            exercises the name matching gets wrong; returning ``None`` leaves an exercise
            to `exercise_category`.

    Returns:
        The file's bytes.

    Raises:
        MissingExtraError: ``garmin-fit-sdk`` is not installed (the ``fit`` extra).
        ValidationError: the workout needs more than ``max_steps`` steps, or ``max_steps`` is
            not a whole number from 1 to `MAX_STEPS`.
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
    limit = _checked_max_steps(max_steps)
    fit = require("garmin_fit_sdk", "fit")
    numbers = _exercise_numbers()
    if problems := list(_unknown_fit_exercises(workout, numbers)):
        raise ValidationError(problems)
    planned = plan(workout)
    steps: list[dict[str, object]] | None = None
    for exact in (True, False):  # exact last rounds if they fit, else compact repeats
        mapper = _Steps(pacing, numbers, identify, limit=limit, exact_last_rounds=exact)
        try:
            mapper.run(planned)
        except _TooManySteps:
            continue
        steps = mapper.steps
        break
    if steps is None:
        reason = (
            f"expands to more than {limit} FIT workout steps"
            + (" (the most Garmin Connect takes)" if limit == CONNECT_MAX_STEPS else "")
            + f"; raise max_steps (at most {MAX_STEPS}) or split the workout"
        )
        raise ValidationError([Problem((), reason, "too_many_steps")])
    title = short_title(workout.title)
    about = [workout.title] if title != workout.title else []
    about += [workout.summary] if workout.summary else []
    # Everything that shapes the file: the content, the pacing, the options, and the exercise
    # each step names (which the identify hook and the SDK's profile decide).
    exercises = [[step.get("exercise_category"), step.get("exercise_name")] for step in steps]
    serial = _serial_number(
        [canonical(workout), canonical(pacing), f"max_steps={limit}", canonical_text(exercises)]
    )
    mesg_num = fit.Profile["mesg_num"]
    encoder = fit.Encoder()
    encoder.write_mesg(
        {
            "mesg_num": mesg_num["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": serial,
            "time_created": TIME_CREATED,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": mesg_num["WORKOUT"],
            "wkt_name": title,
            "wkt_description": _clip(": ".join(about), NOTES_BYTES) if about else None,
            "sport": "training",
            "sub_sport": "strength_training",
            "num_valid_steps": len(steps),
        }
    )
    for message in steps:
        encoder.write_mesg({"mesg_num": mesg_num["WORKOUT_STEP"], **message})
    data: bytes = encoder.close()
    return data
