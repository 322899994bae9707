"""Hypothesis strategies that generate valid runstrength objects, for your own property tests.

Every strategy builds its objects through the constructors and respects every rule of the
model, so whatever it generates is a workout (or value) that runstrength accepts. Texts are
realistic names and cues mixed with arbitrary Unicode words, trimmed and within their length
limits. Importing this module imports hypothesis; ``import runstrength`` does not.

>>> from hypothesis import given
>>> from runstrength import dumps, loads, strategies
>>> @given(strategies.workouts(max_blocks=2))
... def test_a_saved_workout_loads_back(workout):
...     assert loads(dumps(workout)) == workout

With hypothesis installed, ``st.from_type(runstrength.Workout)`` (and the same for every
model and value type) uses these strategies too.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ._model import (
    Amrap,
    Block,
    BlockChange,
    BlockKind,
    Emom,
    Exercise,
    ExerciseChange,
    ForTime,
    Intervals,
    Item,
    Level,
    Modification,
    ModificationKind,
    Score,
    Superset,
    Timing,
    Workout,
    _odd_reps,
)
from ._pacing import MAX_SEGMENTS, Pacing
from ._values import (
    Amount,
    Ascending,
    Credit,
    Distance,
    DistanceUnit,
    Dose,
    Duration,
    Effort,
    Efforts,
    Equipment,
    ExerciseLoad,
    Frequency,
    Intensity,
    Ladder,
    Load,
    LoadLadder,
    LoadLevel,
    LoadUnit,
    MaxReps,
    Number,
    Range,
    RangePoint,
    Reps,
    Rest,
    RestLength,
    Side,
    Sides,
    SingleDose,
    Source,
    Tempo,
)

T = TypeVar("T")

__all__ = [
    "block_formats",
    "blocks",
    "doses",
    "efforts",
    "equipment",
    "exercises",
    "frequencies",
    "loads",
    "modifications",
    "pacings",
    "ranges",
    "rests",
    "sources",
    "supersets",
    "tempos",
    "workouts",
]

# --- text ----------------------------------------------------------------------------------

_EXERCISES = (
    "Thread the Needle", "Dynamic Child's Pose", "Half-Kneeling Rainbow", "Half-Kneeling Chop",
    "Bear Plank Lateral Walk", "Reciprocal Row", "Chest Fly", "Bent-Over Wide Row", "Hammer Curl",
    "Standing Shoulder Stretch", "Child's Pose", "Standing Chop", "Bear Plank Hold",
    "Single-Arm Bent-Over Row", "Goblet Squat", "Push-Up", "Reverse Lunge", "Glute Bridge",
    "Overhead Press", "Dead Bug", "Farmer's Carry", "Sentadilla búlgara", "Flexión", "Épaulé jeté",
    "Жим лёжа", "スクワット", "深蹲", "Übung 3",
)  # fmt: skip
_BLOCKS = (
    "Warm-Up", "Superset 1", "Superset 2", "Superset 3", "Cool-Down", "Main Set", "Mobility Circuit",
    "Core Finisher", "Block A", "Tabata", "EMOM 10", "Échauffement", "Aufwärmen", "ウォームアップ",
)  # fmt: skip
_TITLES = (
    "Upper-Body Workout for Runners", "Strength for Runners", "Lunchtime Circuit", "Core and Mobility",
    "Hotel Room Session", "Renforcement du haut du corps", "Oberkörper-Training", "上半身トレーニング",
)  # fmt: skip
_CUES = (
    "Keep your core braced.", "Move slowly and with control.", "Breathe out as you lift.",
    "Keep the hips level.", "Let your eyes follow your hand.", "Shoulders stay away from the ears.",
    "Pause briefly at the top.", "Reach long through the spine.", "Soft knees, tall chest.",
    "No swinging — let the arms do the work.", "Sin prisa: controla la bajada.",
    "Langsam zurück in die Ausgangsposition.", "ゆっくり戻す。", "Rest 2–3 breaths if needed (optional).",
)  # fmt: skip
_EQUIPMENT_NAMES = (
    "Exercise Mat", "Light Dumbbells", "Medium Dumbbells", "Dumbbell", "Kettlebell", "Resistance Band",
    "Bench", "Pull-Up Bar", "Foam Roller", "Box", "Haltère", "Esterilla",
)  # fmt: skip
_TAGS = (
    "arms", "chest", "back", "core", "shoulders", "glutes", "legs", "mobility", "posture", "grip",
    "upper body", "hombros", "Rücken",
)  # fmt: skip
_PEOPLE = ("Winnie Yu", "Mallory Creveling", "Ana Souza", "Li Wei", "Zoë Müller", "Øyvind Ås", "Иван Петров")
_ROLES = ("creator", "author", "coach", "editor", "physical therapist", "strength coach", "photographer")
_LABEL_NAMES = ("superset", "tri-set", "circuit", "giant set")
_LEVEL_NAMES = ("beginner", "intermediate", "advanced", "level 2", "scaled", "Rx", "débutant")

# Letters, marks, digits, punctuation and symbols: none of them is whitespace, so a word
# never needs trimming; controls, separators and surrogates stay out.
_ODD_WORDS = st.text(st.characters(categories=("L", "M", "N", "P", "S")), min_size=1, max_size=12)
_SPACE = st.just(" ")
_SPACE_OR_LINE_BREAK = st.sampled_from((" ", " ", " ", "\n"))


@st.composite
def _usually(draw: st.DrawFn, common: SearchStrategy[T], rare: SearchStrategy[T], one_in: int = 8) -> T:
    """Mostly ``common``, now and then ``rare``: realistic values, with the limits still reached.

    Shrinking heads for ``common``.
    """
    return draw(rare if draw(st.integers(0, one_in - 1)) == one_in - 1 else common)


@st.composite
def _sometimes(draw: st.DrawFn, inner: SearchStrategy[T]) -> T | None:
    """``None`` two times in three: most exercises leave most optional fields out."""
    return draw(inner) if draw(st.integers(0, 2)) == 2 else None


def _join(words: list[tuple[str, str]], max_length: int) -> str:
    text = words[0][1] + "".join(separator + word for separator, word in words[1:])
    # The first character is never whitespace, so trimming the end keeps the text non-empty.
    return text[:max_length].rstrip()


@cache
def _text(
    phrases: tuple[str, ...], max_length: int, max_words: int, *, lines: bool = False
) -> SearchStrategy[str]:
    """Mostly one of ``phrases``; one time in four, their words and arbitrary ones, mixed."""
    words = tuple(sorted({word for phrase in phrases for word in phrase.split()}))
    word = _usually(st.sampled_from(words), _ODD_WORDS, one_in=3)
    pairs = st.tuples(_SPACE_OR_LINE_BREAK if lines else _SPACE, word)
    mixed = st.lists(pairs, min_size=1, max_size=max_words).map(lambda words: _join(words, max_length))
    whole = st.sampled_from([phrase for phrase in phrases if len(phrase) <= max_length])
    return _usually(whole, mixed, one_in=4)


def _names(phrases: tuple[str, ...] = _EXERCISES, max_length: int = 100) -> SearchStrategy[str]:
    return _text(phrases, max_length, 4)


def _cues(max_length: int = 500) -> SearchStrategy[str]:
    return _text(_CUES, max_length, 12)


@cache
def _notes(max_length: int = 2000) -> SearchStrategy[str | None]:
    return _sometimes(_text(_CUES, max_length, 30, lines=True))


_TAG_LISTS = st.lists(_text(_TAGS, 50, 2), max_size=3, unique=True).map(tuple)
_CUE_LISTS = st.lists(_cues(), max_size=2).map(tuple)

_HOSTS = st.sampled_from(("example.com", "www.example.org", "video.example.net")) | st.from_regex(
    r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\.(com|org|net|fit)", fullmatch=True
)
_URLS = st.builds(
    "{}://{}/{}".format,
    st.sampled_from(("https", "http")),
    _HOSTS,
    st.from_regex(r"[A-Za-z0-9._~/%-]{0,60}(\?[a-z]{1,8}=[A-Za-z0-9]{1,8})?", fullmatch=True),
)
_OPTIONAL_URLS = _sometimes(_URLS)
_OPTIONAL_FIT_EXERCISES = _sometimes(
    st.sampled_from(["curl", "leg_curl/leg_curl", "chop/half_kneeling_stability_chop", "row", "plank/plank"])
)
"""Names from Garmin's FIT profile, so generated workouts also export."""


# --- numbers and ranges --------------------------------------------------------------------


def _check(name: str, value: int | None, low: int, high: int, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) is not int or not low <= value <= high:
        msg = f"{name} must be a whole number from {low} to {high}, got {value!r}"
        raise InvalidArgument(msg)


@cache
def _numbers(low: float, high: float, *, above: bool = False) -> SearchStrategy[Number]:
    """Whole numbers and finite floats in ``[low, high]`` (``(low, high]`` when ``above``)."""
    first, last = math.floor(low) + 1 if above else math.ceil(low), math.floor(high)
    floats = st.floats(low, high, exclude_min=above, allow_nan=False, allow_infinity=False)
    return st.integers(first, last) | floats if first <= last else floats


def _pairs(ends: SearchStrategy[Number]) -> SearchStrategy[Range]:
    return st.tuples(ends, ends).map(lambda pair: Range(min(pair), max(pair)))


@cache
def _amounts(low: int, high: int) -> SearchStrategy[Amount]:
    """A whole number in ``[low, high]``, or a range of them."""
    return st.integers(low, high) | _pairs(st.integers(low, high))


@cache
def _realistic_amounts(low: int, typical: int, high: int) -> SearchStrategy[Amount]:
    """Amounts up to ``typical``, now and then up to ``high``."""
    return _usually(_amounts(low, typical), _amounts(low, high))


@cache
def _counts(high: int) -> SearchStrategy[Amount]:
    """Rounds or sets: a handful, now and then anything up to ``high`` or a range.

    Nested repetitions multiply (block rounds × superset rounds × sides), so large counts
    stay rare to keep timelines short.
    """
    return _usually(st.integers(1, 4), _amounts(1, high))


@cache
def _ranges(min_value: float, max_value: float, *, whole_numbers: bool) -> SearchStrategy[Range]:
    if whole_numbers:
        return _pairs(st.integers(math.ceil(min_value), math.floor(max_value)))
    return _pairs(_numbers(min_value, max_value))


def ranges(
    *, min_value: float = 0, max_value: float = 1_000_000_000, whole_numbers: bool = False
) -> SearchStrategy[Range]:
    """Ranges (``min`` ≤ ``max``) whose ends lie within ``[min_value, max_value]``.

    Args:
        min_value: the lowest end, at least 0.
        max_value: the highest end, at most 10⁹.
        whole_numbers: only whole-number ends, as rep ranges and rest ranges need.

    Raises:
        InvalidArgument: the bounds are outside what a `Range` accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.ranges(min_value=1, max_value=20, whole_numbers=True))
    ... def test_rep_ranges_are_ordered(reps):
    ...     assert reps.min <= reps.max
    """
    if not 0 <= min_value <= max_value <= 1_000_000_000:
        msg = f"expected 0 <= min_value <= max_value <= 1e9, got {min_value!r} and {max_value!r}"
        raise InvalidArgument(msg)
    if whole_numbers and math.ceil(min_value) > math.floor(max_value):
        msg = f"no whole number lies between {min_value!r} and {max_value!r}"
        raise InvalidArgument(msg)
    return _ranges(min_value, max_value, whole_numbers=whole_numbers)


# --- doses -----------------------------------------------------------------------------------


_REPS = st.builds(Reps, _realistic_amounts(1, 20, 1000))


@cache
def _durations(max_seconds: int = 14_400) -> SearchStrategy[Duration]:
    return st.builds(Duration, _realistic_amounts(1, min(120, max_seconds), max_seconds))


_INTENSITIES = st.sampled_from(Intensity)
_PACES = _usually(st.integers(180, 600), st.integers(60, 3600))
_PACED: SearchStrategy[tuple[int | None, Intensity | None]] = st.one_of(
    st.just((None, None)), st.tuples(_PACES, st.none()), st.tuples(st.none(), _INTENSITIES)
)
"""A distance's pace and intensity: neither, or one of them."""


def _distances_in(unit: DistanceUnit) -> SearchStrategy[Distance]:
    # A float product can miss a limit by a rounding error: keep those that don't.
    low, high = 1 / unit.metres, 100_000 / unit.metres
    distance = _numbers(low, high).filter(lambda d: 1 <= d * unit.metres <= 100_000)
    return st.builds(lambda d, paced: Distance(d, unit, pace=paced[0], intensity=paced[1]), distance, _PACED)


_DISTANCES = st.one_of([_distances_in(unit) for unit in DistanceUnit])


@st.composite
def _one_efforts(draw: st.DrawFn) -> Efforts:
    each = draw(st.none() | _durations(3600) | _DISTANCES)
    paced = isinstance(each, Distance) and (each.pace is not None or each.intensity is not None)
    return Efforts(
        draw(_counts(100)),
        each=each,
        intensity=None if paced else draw(_sometimes(_INTENSITIES)),
        recovery=draw(_OPTIONAL_RESTS),
    )


_EFFORTS_DOSES = _one_efforts()


@cache
def _max_reps(max_seconds: int = 3600) -> SearchStrategy[MaxReps]:
    return st.builds(MaxReps, st.none() | st.integers(1, min(3600, max_seconds)))


@cache
def _single_doses(max_seconds: int = 14_400) -> SearchStrategy[SingleDose]:
    return st.one_of(_REPS, _durations(max_seconds), _DISTANCES, _max_reps(max_seconds))


@cache
def _ladders(steps: int, max_seconds: int = 14_400) -> SearchStrategy[Ladder]:
    # Ladders mostly climb or descend in one kind of dose, but mixed steps are valid too.
    reps = st.lists(_REPS, min_size=steps, max_size=steps)
    seconds = st.lists(_durations(max_seconds), min_size=steps, max_size=steps)
    mixed = st.lists(_single_doses(max_seconds), min_size=steps, max_size=steps)
    return st.builds(Ladder, reps | seconds | mixed)


_ASCENDING: SearchStrategy[Ascending] = st.builds(
    Ascending,
    _usually(st.integers(1, 10), st.integers(1, 1000)),
    by=_usually(st.integers(1, 3), st.integers(1, 1000)),
)


@cache
def _doses(ladder_steps: int | None, max_seconds: int) -> SearchStrategy[Dose]:
    # Ascending reps fit wherever an exercise is done (they climb by round, set or cycle).
    single: SearchStrategy[Dose] = _usually(_single_doses(max_seconds), _ASCENDING)
    if max_seconds == _ANY_SECONDS:  # counted efforts have no place in an interval's work
        single |= _EFFORTS_DOSES
    if ladder_steps is None or ladder_steps < 2:
        return single
    return single | _ladders(ladder_steps, max_seconds)


_ANY_SECONDS = 14_400


def doses(*, ladder_steps: int | None = None, max_seconds: int = 14_400) -> SearchStrategy[Dose]:
    """Doses of every kind: reps, a duration, a distance, max reps, ascending reps, ladders, efforts.

    Reps may be a range; some distances carry a pace or an intensity; counted efforts repeat a
    time or a distance.

    A ladder has one step per time the exercise is done, so it fits only where that number is
    fixed: pass it as ``ladder_steps`` to include ladders of exactly that many steps.

    Args:
        ladder_steps: how many times the exercise is done (sets or rounds), or ``None`` (the
            default) for no ladders; ``1`` also means no ladders, which need two steps.
        max_seconds: the longest duration and time cap, such as an interval's work time.
            Below its default (14 400, for doses outside interval blocks) counted efforts are
            left out: an interval block refuses them.

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import Exercise, strategies
    >>> @given(strategies.doses(ladder_steps=3))
    ... def test_three_sets_of_any_dose(dose):
    ...     Exercise(name="Row", dose=dose, sets=3)
    """
    _check("ladder_steps", ladder_steps, 1, 100, optional=True)
    _check("max_seconds", max_seconds, 1, 14_400)
    return _doses(ladder_steps, max_seconds)


# --- rest, load, effort, tempo, equipment, sources ----------------------------------------------


_WORDED_RESTS = st.builds(Rest, as_needed=st.booleans(), length=st.sampled_from(RestLength)) | st.just(
    Rest(as_needed=True)
)


@cache
def _rests(max_seconds: int = 3600) -> SearchStrategy[Rest]:
    timed = st.builds(Rest, _realistic_amounts(0, min(180, max_seconds), max_seconds), st.booleans())
    return _usually(timed, _WORDED_RESTS, one_in=4)


def rests(*, max_seconds: int = 3600) -> SearchStrategy[Rest]:
    """Rests: a fixed time or a range, sometimes taken as needed; now and then without seconds.

    A rest without seconds is stated by its length (minimal or short) or only as needed;
    the pacing times it.

    Args:
        max_seconds: the longest rest given in seconds, at most 3600.

    Raises:
        InvalidArgument: ``max_seconds`` is outside what a `Rest` accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.rests(max_seconds=120))
    ... def test_rest_says_how_long(rest):
    ...     assert rest.seconds is not None or rest.length is not None or rest.as_needed
    """
    _check("max_seconds", max_seconds, 0, 3600)
    return _rests(max_seconds)


_LEVELS = st.sampled_from(LoadLevel)
_LOAD_AMOUNTS = _numbers(0, 10_000) | _ranges(0, 10_000, whole_numbers=False)
_LOAD_UNITS = st.sampled_from(LoadUnit)
_LOADS = st.one_of(
    st.builds(Load, level=_LEVELS),
    st.builds(Load, amount=_LOAD_AMOUNTS, unit=_LOAD_UNITS),
    st.builds(Load, level=_LEVELS, amount=_LOAD_AMOUNTS, unit=_LOAD_UNITS),
)


def loads() -> SearchStrategy[Load]:
    """Loads: a level (light, medium…), an amount with its unit, or both.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.loads())
    ... def test_every_load_reads_as_text(load):
    ...     assert str(load)
    """
    return _LOADS


_RPE = _numbers(1, 10) | _ranges(1, 10, whole_numbers=False)
_RIR = _amounts(0, 10)
_EFFORTS = st.one_of(
    st.builds(Effort, rpe=_RPE), st.builds(Effort, rir=_RIR), st.builds(Effort, rpe=_RPE, rir=_RIR)
)


def efforts() -> SearchStrategy[Effort]:
    """Efforts: an RPE (a number or range from 1 to 10), reps in reserve, or both.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.efforts())
    ... def test_an_effort_names_rpe_or_rir(effort):
    ...     assert "RPE" in str(effort) or "RIR" in str(effort)
    """
    return _EFFORTS


_PHASES = _usually(st.integers(0, 5).map(str), st.integers(0, 99).map(str) | st.just("00")) | st.just("X")
# A repetition must take some time: at least one phase is not zero.
_PHASE_CHARACTERS = st.sampled_from("0123456789X")
_TEMPOS = (
    st.tuples(_PHASES, _PHASES, _PHASES, _PHASES)
    .filter(lambda phases: any(phase.strip("0") for phase in phases))
    .map(lambda phases: Tempo("-".join(phases)))
) | (
    st.tuples(_PHASE_CHARACTERS, _PHASE_CHARACTERS, _PHASE_CHARACTERS, _PHASE_CHARACTERS)
    .map("".join)
    .filter(lambda notation: notation != "0000")
    .map(Tempo)
)


def tempos() -> SearchStrategy[Tempo]:
    """Tempos such as ``3-1-X-0`` or ``31X0``: four phases of seconds, or ``X`` for explosive.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.tempos())
    ... def test_a_repetition_takes_time(tempo):
    ...     assert tempo.seconds_per_rep > 0
    """
    return _TEMPOS


_EQUIPMENT = st.builds(
    Equipment, _names(_EQUIPMENT_NAMES), _usually(st.integers(1, 4), st.integers(1, 100)), _sometimes(_LOADS)
)


def equipment() -> SearchStrategy[Equipment]:
    """Pieces of equipment, sometimes several of one, sometimes with a load.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.equipment())
    ... def test_equipment_is_named(item):
    ...     assert item.name in str(item)
    """
    return _EQUIPMENT


_CREDITS = st.builds(Credit, _names(_PEOPLE, 200), _names(_ROLES, 200))
_SOURCES = st.builds(
    Source,
    _names(_TITLES, 300),
    st.none() | _names(_PEOPLE, 200),
    _OPTIONAL_URLS,
    st.lists(_CREDITS, max_size=3).map(tuple),
    _notes(),
)


def sources() -> SearchStrategy[Source]:
    """Where a workout was published: title, publisher, URL, credits and notes."""
    return _SOURCES


_FREQUENCIES = st.builds(Frequency, _amounts(1, 14), st.booleans(), _notes(500))


def frequencies() -> SearchStrategy[Frequency]:
    """How often to do a workout: sessions per week, possibly a minimum, with a note."""
    return _FREQUENCIES


# --- exercises and supersets -------------------------------------------------------------------


@cache
def _load_ladders(steps: int) -> SearchStrategy[LoadLadder]:
    return st.builds(LoadLadder, st.lists(_LOADS, min_size=steps, max_size=steps))


@cache
def _exercise_loads(ladder_steps: int | None) -> SearchStrategy[ExerciseLoad | None]:
    """Loads, and load ladders of ``ladder_steps`` steps when the exercise repeats that often."""
    if ladder_steps is None or ladder_steps < 2:
        return _OPTIONAL_LOADS
    return _sometimes(_LOADS | _load_ladders(ladder_steps))


_OPTIONAL_RESTS = _sometimes(_rests())
_OPTIONAL_LOADS = _sometimes(_LOADS)
_OPTIONAL_EFFORTS = _sometimes(_EFFORTS)
_OPTIONAL_TEMPOS = _sometimes(_TEMPOS)
_EQUIPMENT_LISTS = st.lists(_EQUIPMENT, max_size=2).map(tuple)


# A shared dose fits any exercise when it alternates (an even split is needed only with each);
# otherwise the modification counts per side, so its dose fits an exercise whose dose is shared.
_MODIFIED_SIDES = st.tuples(_sometimes(st.sampled_from(Sides)), st.just(True)) | st.just(
    (Sides.ALTERNATING, False)
)


@cache
def _modifications(ladder_steps: int | None, max_seconds: int) -> SearchStrategy[Modification]:
    return st.builds(
        lambda sides, **fields: Modification(sides=sides[0], per_side=sides[1], **fields),
        name=_names(),
        kind=st.sampled_from(ModificationKind),
        dose=st.none() | _doses(ladder_steps, max_seconds),
        sides=_MODIFIED_SIDES,
        load=_exercise_loads(ladder_steps),
        effort=_OPTIONAL_EFFORTS,
        tempo=_OPTIONAL_TEMPOS,
        equipment=_sometimes(_EQUIPMENT_LISTS),
        cues=_CUE_LISTS,
        notes=_notes(),
        fit_exercise=_OPTIONAL_FIT_EXERCISES,
    )


def modifications(
    *, ladder_steps: int | None = None, max_seconds: int = 14_400
) -> SearchStrategy[Modification]:
    """Modifications of every kind (easier, harder, variation, alternative).

    A modification's dose replaces its exercise's, so the knobs match `doses`: with them, an
    exercise's modifications stay valid where the exercise is.

    Args:
        ladder_steps: as for `doses`.
        max_seconds: as for `doses`.

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import Exercise, Reps, strategies
    >>> @given(strategies.modifications())
    ... def test_a_modification_renames_its_exercise(modification):
    ...     exercise = Exercise(name="Chest Fly", dose=Reps(8))
    ...     assert modification.name == modification.apply_to(exercise).name
    """
    _check("ladder_steps", ladder_steps, 1, 100, optional=True)
    _check("max_seconds", max_seconds, 1, 14_400)
    return _modifications(ladder_steps, max_seconds)


@cache
def _modification_lists(
    ladder_steps: int | None, max_seconds: int
) -> SearchStrategy[tuple[Modification, ...]]:
    mods = _modifications(ladder_steps, max_seconds)
    return st.lists(mods, max_size=2, unique_by=lambda m: m.name).map(tuple)


_NO_MODIFICATIONS: SearchStrategy[tuple[Modification, ...]] = st.just(())
_SETS = st.just(1) | _counts(100)


@cache
@st.composite
def _exercises(
    draw: st.DrawFn,
    *,
    with_modifications: bool = True,
    straight_sets: bool = True,
    ladder_steps: int | None = None,
    max_seconds: int = 14_400,
) -> Exercise:
    sets = draw(_SETS) if straight_sets else 1
    if sets != 1:
        # Straight sets repeat the exercise by themselves: a ladder needs one step per set.
        ladder_steps = _fixed(sets)
    modifications = (
        _modification_lists(ladder_steps, max_seconds) if with_modifications else _NO_MODIFICATIONS
    )
    dose = draw(_doses(ladder_steps, max_seconds))
    sides = draw(st.sampled_from(Sides))
    return Exercise(
        name=draw(_names()),
        dose=dose,
        sides=sides,
        first_side=None if sides is Sides.BOTH else draw(_sometimes(st.sampled_from(Side))),
        switch_sides=draw(_sometimes(_usually(st.sampled_from((0, 3, 5, 10)), st.integers(0, 600))))
        if sides is Sides.EACH
        else None,
        per_side=sides is Sides.BOTH or (sides is Sides.EACH and not _splits(dose)) or draw(st.booleans()),
        sets=sets,
        rest_between_sets=None if sets == 1 else draw(_OPTIONAL_RESTS),
        load=draw(_exercise_loads(ladder_steps)),
        effort=draw(_OPTIONAL_EFFORTS),
        tempo=draw(_OPTIONAL_TEMPOS),
        equipment=draw(_EQUIPMENT_LISTS),
        targets=draw(_TAG_LISTS),
        cues=draw(_CUE_LISTS),
        modifications=draw(modifications),
        rest_after=draw(_OPTIONAL_RESTS),
        video=draw(_OPTIONAL_URLS),
        image=draw(_OPTIONAL_URLS),
        notes=draw(_notes()),
        fit_exercise=draw(_OPTIONAL_FIT_EXERCISES),
    )


def _splits(dose: Dose) -> bool:
    """Whether every rep count of a dose is even (at both ends of a range): it splits between sides."""
    return not _odd_reps(dose)


def exercises(
    *, with_modifications: bool = True, straight_sets: bool = True, ladder_steps: int | None = None
) -> SearchStrategy[Exercise]:
    """Exercises with every kind of dose, sides, load, effort, tempo, equipment and cues.

    Args:
        with_modifications: give some exercises up to two modifications.
        straight_sets: let ``sets`` go above 1 (with a rest between sets); turn it off for
            exercises meant for a superset or a timed block, which do one set.
        ladder_steps: how many times the exercise's block or superset repeats it, so that
            single-set exercises may carry a ladder of that many steps (see `doses`).

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.exercises(with_modifications=False))
    ... def test_an_exercise_reads_with_its_name(exercise):
    ...     assert str(exercise).startswith(exercise.name)
    """
    _check("ladder_steps", ladder_steps, 1, 100, optional=True)
    return _exercises(
        with_modifications=with_modifications, straight_sets=straight_sets, ladder_steps=ladder_steps
    )


def _fixed(times: Amount) -> int | None:
    """How many times something repeats, when that is fixed and small enough for a ladder."""
    return times if isinstance(times, int) and times <= 8 else None


_LABELS = _sometimes(_names(_LABEL_NAMES, 50))


@cache
@st.composite
def _supersets(
    draw: st.DrawFn, *, max_exercises: int = 3, with_modifications: bool = True, once: bool = False
) -> Superset:
    """Supersets; ``once``: of one round, as an EMOM interval holds."""
    rounds = 1 if once else draw(_counts(100))
    members = _exercises(
        with_modifications=with_modifications, straight_sets=False, ladder_steps=_fixed(rounds)
    )
    return Superset(
        exercises=_some_optional(draw, draw(st.lists(members, min_size=2, max_size=max_exercises)), 2),
        rounds=rounds,
        name=draw(_sometimes(_names(_BLOCKS))),
        label=draw(_LABELS),
        rest_between_exercises=draw(_OPTIONAL_RESTS),
        rest_between_rounds=draw(_OPTIONAL_RESTS),
        rest_after=draw(_OPTIONAL_RESTS),
        notes=draw(_notes()),
    )


def supersets(*, max_exercises: int = 3, with_modifications: bool = True) -> SearchStrategy[Superset]:
    """Supersets (and tri-sets, circuits…) of single-set exercises, with their rounds and rests.

    Args:
        max_exercises: the most exercises in one superset, from 2 to 20.
        with_modifications: give some exercises modifications.

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.supersets(max_exercises=2))
    ... def test_a_superset_pairs_exercises(superset):
    ...     assert len(superset.exercises) == 2
    """
    _check("max_exercises", max_exercises, 2, 20)
    return _supersets(max_exercises=max_exercises, with_modifications=with_modifications)


# --- blocks and workouts -----------------------------------------------------------------------

_ACTIVE_RESTS = st.none() | _exercises(with_modifications=False, straight_sets=False)


def _ends(amount: Amount) -> tuple[int, int]:
    """The shortest and the longest of a whole number or a range of them."""
    if isinstance(amount, Range):
        return int(amount.min), int(amount.max)
    return amount, amount


@st.composite
def _intervals(draw: st.DrawFn) -> Intervals:
    rest = draw(_usually(st.integers(0, 60), _amounts(0, 3600)))
    shortest, longest = _ends(rest)
    return Intervals(
        work=draw(_usually(st.integers(1, 120), _amounts(1, 3600))),
        rest=rest,
        # An active rest (a plank hold between intervals) needs a rest interval to fill.
        active_rest=draw(_ACTIVE_RESTS) if shortest else None,
        # Leaving out the rest after the last work needs a rest to leave out.
        rest_after_last=draw(st.booleans()) if longest else True,
    )


@st.composite
def _emom(draw: st.DrawFn) -> Emom:
    every = draw(_usually(st.sampled_from((30, 60, 90, 120)), st.integers(10, 3600), one_in=2))
    most = 14_400 // every
    intervals = draw(_usually(st.integers(1, min(20, most)), st.integers(1, most)))
    return Emom(every=every, duration=every * intervals)


_INTERVALS = _intervals()
_EMOMS = _emom()
_SCORES = st.sampled_from(Score)
_AMRAPS = st.builds(Amrap, time_cap=_usually(st.integers(60, 1200), st.integers(10, 14_400)), score=_SCORES)
_FOR_TIMES = st.builds(
    ForTime,
    time_cap=st.none() | _usually(st.integers(60, 1200), st.integers(10, 14_400)),
    score=_SCORES,
)
_FORMATS = st.one_of(_INTERVALS, _EMOMS, _AMRAPS, _FOR_TIMES)
_STATED = _sometimes(_realistic_amounts(10, 1800, 86_400))


def block_formats() -> SearchStrategy[Timing]:
    """Timed block formats: intervals (some with an active rest), EMOM, AMRAP and for time.

    >>> from hypothesis import given
    >>> from runstrength import Emom, strategies
    >>> @given(strategies.block_formats())
    ... def test_emoms_fill_their_time(fmt):
    ...     if isinstance(fmt, Emom):
    ...         assert fmt.intervals * fmt.every == fmt.duration
    """
    return _FORMATS


@cache
@st.composite
def _blocks(
    draw: st.DrawFn, *, max_items: int = 4, timed: bool = True, with_modifications: bool = True
) -> Block:
    fmt = draw(st.none() | _FORMATS) if timed else None
    items: SearchStrategy[Item]
    if isinstance(fmt, Emom | Amrap):
        # The clock sets each round's length: no ladders; a few rounds at most, as each is long.
        rounds: Amount = draw(_usually(st.just(1), _amounts(1, 3), one_in=4))
        items = _exercises(with_modifications=with_modifications, straight_sets=False)
        if isinstance(fmt, Emom):
            # An EMOM interval may hold a superset, done once through.
            items |= _supersets(with_modifications=with_modifications, once=True)
    else:
        rounds = draw(_counts(100))
        if isinstance(fmt, Intervals | ForTime):
            items = _exercises(
                with_modifications=with_modifications,
                straight_sets=False,
                ladder_steps=_fixed(rounds),
                max_seconds=_ends(fmt.work)[1] if isinstance(fmt, Intervals) else _ANY_SECONDS,
            )
        else:
            items = _exercises(
                with_modifications=with_modifications, ladder_steps=_fixed(rounds)
            ) | _supersets(with_modifications=with_modifications)
    return Block(
        name=draw(_names(_BLOCKS)),
        kind=draw(st.sampled_from(BlockKind)),
        rounds=rounds,
        format=fmt,
        rest_between_rounds=draw(_OPTIONAL_RESTS),
        rest_after=draw(_OPTIONAL_RESTS),
        stated_duration=draw(_STATED),
        stated_round_duration=None if rounds in (1, Range(1, 1)) else draw(_STATED),  # one round
        notes=draw(_notes()),
        items=_some_optional(draw, draw(st.lists(items, min_size=1, max_size=max_items)), 1),
        optional=draw(_RARELY),
    )


_RARELY = _usually(st.just(False), st.just(True))


def _some_optional(draw: st.DrawFn, items: list[Any], required: int) -> tuple[Any, ...]:
    """``items`` with some exercises after the first ``required`` marked optional (rarely)."""
    head, tail = items[:required], items[required:]
    return (
        *head,
        *(
            attrs.evolve(item, optional=True) if isinstance(item, Exercise) and draw(_RARELY) else item
            for item in tail
        ),
    )


def blocks(
    *, max_items: int = 4, timed: bool = True, with_modifications: bool = True
) -> SearchStrategy[Block]:
    """Blocks of every kind: plain rounds of exercises and supersets, intervals, EMOM, AMRAP, for time.

    EMOM blocks may hold one-round supersets; interval, AMRAP and for-time blocks hold single
    exercises. EMOM and AMRAP blocks are now and then repeated; some blocks state their length.

    Args:
        max_items: the most exercises and supersets in one block, from 1 to 100.
        timed: include blocks with a format (intervals, EMOM, AMRAP, for time).
        with_modifications: give some exercises modifications.

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.blocks(max_items=2, timed=False))
    ... def test_a_plain_block_has_no_clock(block):
    ...     assert block.format is None
    """
    _check("max_items", max_items, 1, 100)
    return _blocks(max_items=max_items, timed=timed, with_modifications=with_modifications)


_TITLES_200 = _names(_TITLES, 200)
_BENEFITS = st.lists(_cues(300), max_size=3).map(tuple)


@st.composite
def _workout(draw: st.DrawFn, *, max_blocks: int, max_items: int, with_modifications: bool) -> Workout:
    block = _blocks(max_items=max_items, with_modifications=with_modifications)
    drawn = draw(st.lists(block, min_size=1, max_size=max_blocks, unique_by=lambda b: b.name))
    if all(b.optional for b in drawn):  # a workout keeps one block that is not optional
        drawn[0] = attrs.evolve(drawn[0], optional=False)
    blocks = tuple(drawn)
    rest_between_sets = draw(_OPTIONAL_RESTS)
    return Workout(
        title=draw(_TITLES_200),
        summary=draw(_notes()),
        frequency=draw(_sometimes(_FREQUENCIES)),
        stated_duration=draw(_sometimes(_amounts(60, 86_400))),
        rest_between_sets=rest_between_sets,
        equipment=tuple(draw(st.lists(_EQUIPMENT, max_size=3))),
        targets=draw(_TAG_LISTS),
        benefits=draw(_BENEFITS),
        video=draw(_OPTIONAL_URLS),
        source=draw(_sometimes(_SOURCES)),
        notes=draw(_notes()),
        blocks=blocks,
        levels=draw(_levels(blocks, rest_between_sets)),
    )


_EVEN_REPS = st.integers(1, 500).map(lambda half: Reps(2 * half))
# A level is never named like a modification kind.
_LEVEL_NAME_TEXTS = _names(_LEVEL_NAMES).filter(lambda name: name not in {k.value for k in ModificationKind})
_STANDALONE_LEVELS = st.builds(
    Level,
    name=_LEVEL_NAME_TEXTS,
    summary=_notes(),
    blocks=st.lists(
        st.builds(BlockChange, block=_names(_BLOCKS), rounds=_counts(100)),
        max_size=2,
        unique_by=lambda c: c.block,
    ).map(tuple),
    exercises=st.lists(
        st.builds(ExerciseChange, exercise=_names(), dose=_REPS),
        min_size=1,
        max_size=2,
        unique_by=lambda c: c.exercise,
    ).map(tuple),
)


@st.composite
def _levels(draw: st.DrawFn, blocks: tuple[Block, ...], rest_between_sets: Rest | None) -> tuple[Level, ...]:
    """Levels changing what any workout allows to change: rests after, loads, rep doses.

    Every change keeps the workout valid wherever it applies: a rest after any block or
    exercise, a plain load, or an even number of reps instead of a dose (even, so that a dose
    shared between the sides still splits) (an exercise repeated over rounds may
    carry a ladder, so a load ladder is never drawn here).
    """
    if draw(_RARELY) is False:
        return ()
    names = [block.name for block in blocks]
    exercises = sorted({exercise.name for block in blocks for exercise in block.exercises()})
    block_changes = st.builds(BlockChange, block=st.sampled_from(names), rest_after=_rests())
    exercise_changes = st.builds(
        ExerciseChange,
        exercise=st.sampled_from(exercises),
        dose=st.none() | _EVEN_REPS,
        load=st.none() | _LOADS,
        rest_after=_rests(),
    )
    levels = st.builds(
        Level,
        name=_LEVEL_NAME_TEXTS,
        summary=_notes(),
        blocks=st.lists(block_changes, max_size=2, unique_by=lambda c: c.block).map(tuple),
        exercises=st.lists(exercise_changes, min_size=1, max_size=2, unique_by=lambda c: c.exercise).map(
            tuple
        ),
        rest_between_sets=_sometimes(_rests()),
    )
    del rest_between_sets  # a level's rest between sets replaces the workout's: any rest fits
    return tuple(draw(st.lists(levels, min_size=1, max_size=2, unique_by=lambda level: level.name)))


def workouts(
    *, max_blocks: int = 3, max_items: int = 4, with_modifications: bool = True
) -> SearchStrategy[Workout]:
    """Whole workouts: blocks of every format, supersets, every dose, rests, credits and all.

    Args:
        max_blocks: the most blocks in one workout, from 1 to 50.
        max_items: the most exercises and supersets in one block, from 1 to 100.
        with_modifications: give some exercises modifications (easier, harder…).

    Raises:
        InvalidArgument: a knob is outside what the model accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies, to_dict
    >>> @given(strategies.workouts(max_blocks=1, max_items=2))
    ... def test_documents_carry_the_schema_version(workout):
    ...     assert to_dict(workout)["schema_version"] == 1
    """
    _check("max_blocks", max_blocks, 1, 50)
    _check("max_items", max_items, 1, 100)
    return _workout(max_blocks=max_blocks, max_items=max_items, with_modifications=with_modifications)


# --- pacing ----------------------------------------------------------------------------------

_PACING_SECONDS = _usually(st.integers(0, 90), st.integers(0, 600))
_PACING_RESTS = _usually(st.integers(0, 180), st.integers(0, 3600))
_PACING_REPS = _usually(st.sampled_from((0.75, 2, 2.5, 3, 4)), _numbers(0.5, 60))


def pacings(*, max_segments: int = 100_000) -> SearchStrategy[Pacing]:
    """Pacings: times per rep by movement, set-ups, side switches, transitions, rests, the range point.

    The single values ``seconds_per_rep``, ``transition`` and ``rest_between_sets`` are given
    about half the time (they replace the tables by kind when given).

    Among the default rests, the lengths of rests stated in words (minimal, short, as needed).

    Args:
        max_segments: the ``max_segments`` every pacing carries (default: the library's). It
            stays fixed because a small limit makes `build_timeline` refuse most workouts.

    Raises:
        InvalidArgument: ``max_segments`` is outside what `Pacing` accepts.

    >>> from hypothesis import given
    >>> from runstrength import strategies
    >>> @given(strategies.pacings())
    ... def test_reps_take_time(pacing):
    ...     assert pacing.seconds_per_rep_bodyweight > 0
    """
    _check("max_segments", max_segments, 1, MAX_SEGMENTS)
    return st.builds(
        Pacing,
        seconds_per_rep=st.none() | _PACING_REPS,
        switch_sides=_PACING_SECONDS,
        transition=st.none() | _PACING_SECONDS,
        rest_between_rounds=_PACING_RESTS,
        rest_between_sets=st.none() | _PACING_RESTS,
        rest_between_blocks=_PACING_RESTS,
        range_point=st.sampled_from(RangePoint),
        max_reps_estimate=_usually(st.integers(1, 30), st.integers(1, 1000)),
        seconds_per_km=_PACES,
        max_segments=st.just(max_segments),
        rest_minimal=_PACING_SECONDS,
        rest_short=_PACING_RESTS,
        rest_as_needed=_PACING_RESTS,
        pace_walk=_PACES,
        pace_jog=_PACES,
        pace_10k=_PACES,
        pace_5k=_PACES,
        pace_mile=_PACES,
        pace_sprint=_PACES,
        effort_seconds=_usually(st.integers(5, 120), st.integers(1, 3600)),
        seconds_per_rep_cyclic=_PACING_REPS,
        seconds_per_rep_bodyweight=_PACING_REPS,
        seconds_per_rep_loaded=_PACING_REPS,
        set_up=_PACING_SECONDS,
        transition_in_place=_PACING_SECONDS,
        transition_equipment=_PACING_SECONDS,
        rest_between_sets_bodyweight=_PACING_RESTS,
        rest_between_sets_loaded=_PACING_RESTS,
    )


@cache
def _by_type() -> dict[type, SearchStrategy[Any]]:
    """The strategy for each runstrength type, as the hypothesis hook registers them."""
    return {
        Amrap: _AMRAPS,
        Ascending: _ASCENDING,
        Block: blocks(),
        Credit: _CREDITS,
        Distance: _DISTANCES,
        Duration: _durations(),
        Effort: _EFFORTS,
        Efforts: _EFFORTS_DOSES,
        Emom: _EMOMS,
        Equipment: _EQUIPMENT,
        Exercise: exercises(),
        ForTime: _FOR_TIMES,
        Frequency: _FREQUENCIES,
        Intervals: _INTERVALS,
        Ladder: st.integers(2, 5).flatmap(_ladders),
        Level: _STANDALONE_LEVELS,
        Load: _LOADS,
        LoadLadder: st.integers(2, 5).flatmap(_load_ladders),
        MaxReps: _max_reps(),
        Modification: modifications(),
        Pacing: pacings(),
        Range: ranges(),
        Reps: _REPS,
        Rest: _rests(),
        Source: _SOURCES,
        Superset: supersets(),
        Tempo: _TEMPOS,
        Workout: workouts(),
    }
