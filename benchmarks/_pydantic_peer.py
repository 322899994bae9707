"""A strict pydantic v2 model of the workout document, for comparison benchmarks only.

It mirrors runstrength's classes and rules as closely as pydantic allows: strict types
(no coercion: ``"8"``, ``8.9`` and ``true`` are not 8 reps), unknown keys refused,
bounds as ``Field`` constraints, cross-field rules as ``model_validator`` s, and doses
told apart by their key (``{"reps": 8}``, ``{"seconds": 30}``…) like runstrength's
loader does.  ``Workout.model_validate_json`` reads the same documents as
``runstrength.loads``, and ``model_dump_json(exclude_defaults=True)`` writes the same data.
``tests/test_peer.py`` checks it on every built-in workout, on generated workouts and on a
table of invalid documents.  One difference is pydantic's own: its JSON parser keeps the
last of two equal keys in an object, where runstrength refuses the document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Annotated, Any, Literal, Self, TypeAlias, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from runstrength import (
    BlockKind,
    DistanceUnit,
    Intensity,
    LoadLevel,
    LoadUnit,
    ModificationKind,
    RestLength,
    Score,
    Side,
    Sides,
)

__all__ = ["Workout"]

# Text without surrounding whitespace or control characters, never empty (runstrength's
# ``text`` rule).  A character class rather than a lookahead, which pydantic's Rust regex lacks.
_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_TRIMMED = rf"^[^\s{_CONTROLS}](?:[^{_CONTROLS}]*[^\s{_CONTROLS}])?$"
Name: TypeAlias = Annotated[str, StringConstraints(max_length=100, pattern=_TRIMMED)]
Label: TypeAlias = Annotated[str, StringConstraints(max_length=50, pattern=_TRIMMED)]
Cue: TypeAlias = Annotated[str, StringConstraints(max_length=500, pattern=_TRIMMED)]
Title: TypeAlias = Annotated[str, StringConstraints(max_length=200, pattern=_TRIMMED)]
Benefit: TypeAlias = Annotated[str, StringConstraints(max_length=300, pattern=_TRIMMED)]
Note: TypeAlias = Annotated[str, StringConstraints(max_length=500, pattern=_TRIMMED)]
Notes: TypeAlias = Annotated[str, StringConstraints(max_length=2000, pattern=_TRIMMED)]
Url: TypeAlias = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://[^\s/?#]+\S*$")]


def _takes_time(notation: str) -> str:
    phases = notation.split("-") if "-" in notation else list(notation)
    if all(set(phase) == {"0"} for phase in phases):
        msg = f"expected a repetition to take some time, got {notation!r}"
        raise ValueError(msg)
    return notation


FitExercise: TypeAlias = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*(?:/[a-z0-9]+(?:_[a-z0-9]+)*)?$")
]
TempoNotation: TypeAlias = Annotated[
    str,
    StringConstraints(pattern=r"^(?:([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)|[0-9X]{4})$"),
    AfterValidator(_takes_time),
]

T = TypeVar("T")


class Model(BaseModel):
    """Strict, closed and immutable, like runstrength's attrs classes."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _unique(values: tuple[T, ...]) -> tuple[T, ...]:
    seen: set[Hashable] = set()
    for value in values:
        if value in seen:
            msg = f"duplicate of an earlier item: {value!r}"
            raise ValueError(msg)
        seen.add(value)
    return values


Tag_: TypeAlias = Annotated[str, StringConstraints(max_length=50, pattern=_TRIMMED)]
Tags: TypeAlias = Annotated[tuple[Tag_, ...], Field(max_length=20), AfterValidator(_unique)]


# --- ranges and amounts ------------------------------------------------------------------


class NumberRange(Model):
    """An inclusive range of numbers."""

    min: Annotated[int, Field(ge=0, le=10**9)] | Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]
    max: Annotated[int, Field(ge=0, le=10**9)] | Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min > self.max:
            msg = f"max: expected at least min ({self.min}), got {self.max}"
            raise ValueError(msg)
        return self


class WholeRange(NumberRange):
    """An inclusive range of whole numbers."""

    min: Annotated[int, Field(ge=0, le=10**9)]
    max: Annotated[int, Field(ge=0, le=10**9)]


R = TypeVar("R", bound=NumberRange)


def _ends_within(lo: float, hi: float) -> Callable[[R], R]:
    def check(value: R) -> R:
        if not (lo <= value.min <= hi and lo <= value.max <= hi):
            msg = f"expected both ends from {lo:g} to {hi:g}"
            raise ValueError(msg)
        return value

    return check


# runstrength's ``amount(lo, hi)``: a whole number, or a range of them, within bounds.
Amount1To1000: TypeAlias = (
    Annotated[int, Field(ge=1, le=1000)] | Annotated[WholeRange, AfterValidator(_ends_within(1, 1000))]
)
Amount1To100: TypeAlias = (
    Annotated[int, Field(ge=1, le=100)] | Annotated[WholeRange, AfterValidator(_ends_within(1, 100))]
)
Amount1To14: TypeAlias = (
    Annotated[int, Field(ge=1, le=14)] | Annotated[WholeRange, AfterValidator(_ends_within(1, 14))]
)
Amount0To10: TypeAlias = (
    Annotated[int, Field(ge=0, le=10)] | Annotated[WholeRange, AfterValidator(_ends_within(0, 10))]
)
StatedSeconds: TypeAlias = (
    Annotated[int, Field(ge=60, le=86_400)] | Annotated[WholeRange, AfterValidator(_ends_within(60, 86_400))]
)
Seconds: TypeAlias = (
    Annotated[int, Field(ge=1, le=14_400)] | Annotated[WholeRange, AfterValidator(_ends_within(1, 14_400))]
)
WorkSeconds: TypeAlias = (
    Annotated[int, Field(ge=1, le=3600)] | Annotated[WholeRange, AfterValidator(_ends_within(1, 3600))]
)
RestSeconds: TypeAlias = (
    Annotated[int, Field(ge=0, le=3600)] | Annotated[WholeRange, AfterValidator(_ends_within(0, 3600))]
)
# runstrength's ``quantity(lo, hi)``: a number, or a range of numbers, within bounds.
LoadAmount: TypeAlias = (
    Annotated[int, Field(ge=0, le=10_000)]
    | Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False)]
    | Annotated[NumberRange, AfterValidator(_ends_within(0, 10_000))]
)
Rpe: TypeAlias = (
    Annotated[int, Field(ge=1, le=10)]
    | Annotated[float, Field(ge=1, le=10, allow_inf_nan=False)]
    | Annotated[NumberRange, AfterValidator(_ends_within(1, 10))]
)


# --- doses -------------------------------------------------------------------------------


class Reps(Model):
    """A number of repetitions, or a range."""

    reps: Amount1To1000


class Duration(Model):
    """A time to work or hold, in seconds, or a range."""

    seconds: Seconds


class Distance(Model):
    """A distance to cover."""

    distance: (
        Annotated[int, Field(gt=0, le=100_000)]
        | Annotated[float, Field(gt=0, le=100_000, allow_inf_nan=False)]
    )
    unit: DistanceUnit = DistanceUnit.METRES
    pace: Annotated[int, Field(ge=60, le=3600)] | None = None
    intensity: Intensity | None = None

    @model_validator(mode="after")
    def _at_most_100_km(self) -> Self:
        if self.distance * self.unit.metres > 100_000:
            msg = "distance: expected at most 100 km"
            raise ValueError(msg)
        if self.pace is not None and self.intensity is not None:
            msg = "a distance has a pace or an intensity, not both"
            raise ValueError(msg)
        return self


class MaxReps(Model):
    """As many reps as possible, optionally within a time cap."""

    max_reps: Literal[True]
    time_cap: Annotated[int, Field(ge=1, le=3600)] | None = None


_DOSE_TAGS: dict[str, type[Model]] = {
    "reps": Reps,
    "seconds": Duration,
    "distance": Distance,
    "max_reps": MaxReps,
}


def _dose_tag(keys: tuple[str, ...]) -> Callable[[Any], str | None]:
    """Tell doses apart by the one key they hold, as runstrength's loader does."""

    def tag(value: Any) -> str | None:
        if isinstance(value, dict):
            found = [key for key in keys if key in value]
            return found[0] if len(found) == 1 else None
        own = _TAG_OF.get(type(value))
        return own if own in keys else None

    return tag


SingleDose: TypeAlias = Annotated[
    Annotated[Reps, Tag("reps")]
    | Annotated[Duration, Tag("seconds")]
    | Annotated[Distance, Tag("distance")]
    | Annotated[MaxReps, Tag("max_reps")],
    Discriminator(_dose_tag(("reps", "seconds", "distance", "max_reps"))),
]


class Ladder(Model):
    """A dose that changes by round."""

    ladder: Annotated[tuple[SingleDose, ...], Field(min_length=2, max_length=100)]


# --- rest, load, effort, tempo, equipment, credits ---------------------------------------


class Rest(Model):
    """A rest: fixed seconds or a range, or a length in words; ``as_needed`` when the athlete decides."""

    seconds: RestSeconds | None = None
    as_needed: bool = False
    length: RestLength | None = None

    @model_validator(mode="after")
    def _said(self) -> Self:
        if self.seconds is None and self.length is None and not self.as_needed:
            msg = "expected seconds, a length or as_needed: true"
            raise ValueError(msg)
        if self.seconds is not None and self.length is not None:
            msg = "expected seconds or a length, not both"
            raise ValueError(msg)
        return self


class Efforts(Model):
    """Counted efforts: a time or a distance (or an intensity alone), with a recovery between."""

    efforts: Amount1To100
    each: (
        Annotated[
            Annotated[Duration, Tag("seconds")] | Annotated[Distance, Tag("distance")],
            Discriminator(_dose_tag(("seconds", "distance"))),
        ]
        | None
    ) = None
    intensity: Intensity | None = None
    recovery: Rest | None = None

    @model_validator(mode="after")
    def _paced_once(self) -> Self:
        each = self.each
        if self.intensity is not None and isinstance(each, Distance) and (each.pace or each.intensity):
            msg = "the distance has its own pace or intensity: give one of them"
            raise ValueError(msg)
        return self


class Ascending(Model):
    """Reps that climb by ``by`` each time the exercise is done."""

    ascending: Annotated[int, Field(ge=1, le=1000)]
    by: Annotated[int, Field(ge=1, le=1000)]


Dose: TypeAlias = Annotated[
    Annotated[Reps, Tag("reps")]
    | Annotated[Duration, Tag("seconds")]
    | Annotated[Distance, Tag("distance")]
    | Annotated[MaxReps, Tag("max_reps")]
    | Annotated[Ladder, Tag("ladder")]
    | Annotated[Ascending, Tag("ascending")]
    | Annotated[Efforts, Tag("efforts")],
    Discriminator(_dose_tag(("reps", "seconds", "distance", "max_reps", "ladder", "ascending", "efforts"))),
]

_TAG_OF: dict[type, str] = {cls: key for key, cls in _DOSE_TAGS.items()} | {
    Ladder: "ladder",
    Efforts: "efforts",
    Ascending: "ascending",
}


class Load(Model):
    """What to lift: a level, an amount with a unit, or both."""

    level: LoadLevel | None = None
    amount: LoadAmount | None = None
    unit: LoadUnit | None = None

    @model_validator(mode="after")
    def _level_or_amount(self) -> Self:
        if self.level is None and self.amount is None and self.unit is None:
            msg = "expected a level, or an amount with a unit"
            raise ValueError(msg)
        if (self.amount is None) != (self.unit is None):
            msg = "expected an amount and a unit together"
            raise ValueError(msg)
        return self


class LoadLadder(Model):
    """A load that changes by set or round."""

    ladder: Annotated[tuple[Load, ...], Field(min_length=2, max_length=100)]


def _load_tag(value: Any) -> str:
    """A load ladder has the key ``ladder``; any other mapping is a load."""
    if isinstance(value, dict):
        return "ladder" if "ladder" in value else "load"
    return "ladder" if isinstance(value, LoadLadder) else "load"


ExerciseLoad: TypeAlias = Annotated[
    Annotated[Load, Tag("load")] | Annotated[LoadLadder, Tag("ladder")], Discriminator(_load_tag)
]


class Effort(Model):
    """RPE and/or reps in reserve."""

    rpe: Rpe | None = None
    rir: Amount0To10 | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if self.rpe is None and self.rir is None:
            msg = "expected rpe, rir or both"
            raise ValueError(msg)
        return self


class Equipment(Model):
    """A piece of equipment, how many, and optionally its load."""

    name: Name
    quantity: Annotated[int, Field(ge=1, le=100)] = 1
    load: Load | None = None


class Credit(Model):
    """A person credited for a workout."""

    name: Title
    role: Title


class Source(Model):
    """Where a workout was published, and who made it."""

    title: Annotated[str, StringConstraints(max_length=300, pattern=_TRIMMED)]
    publisher: Title | None = None
    url: Url | None = None
    credits: Annotated[tuple[Credit, ...], Field(max_length=20)] = ()
    notes: Notes | None = None


class Frequency(Model):
    """Sessions per week."""

    per_week: Amount1To14
    at_least: bool = False
    note: Note | None = None


EquipmentList: TypeAlias = Annotated[tuple[Equipment, ...], Field(max_length=30)]
Cues: TypeAlias = Annotated[tuple[Cue, ...], Field(max_length=30)]


# --- exercises and supersets -------------------------------------------------------------


def _ladder_fits(dose: object, times: object, where: str) -> None:
    if not isinstance(dose, Ladder | LoadLadder):
        return
    if isinstance(times, WholeRange):
        msg = f"a ladder dose needs a fixed number of {where}"
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns only ValueError into a validation error
    if len(dose.ladder) != times:
        msg = f"expected {times} ladder steps, one per {where[:-1]}, got {len(dose.ladder)}"
        raise ValueError(msg)


def _shared_dose(sides: Sides, dose: object) -> None:
    if sides is Sides.BOTH:
        msg = "per_side only applies to sides each or alternating"
        raise ValueError(msg)
    if sides is Sides.ALTERNATING:
        return
    if isinstance(dose, Ascending) and (dose.ascending % 2 or dose.by % 2):
        msg = "expected an ascending total that splits evenly between the sides"
        raise ValueError(msg)
    steps = dose.ladder if isinstance(dose, Ladder) else (dose,)
    for step in steps:
        if isinstance(step, Reps):
            reps = step.reps
            ends = (reps.min, reps.max) if isinstance(reps, WholeRange) else (reps,)
            if any(end % 2 for end in ends):
                msg = f"expected a rep total that splits evenly between the sides, got {reps}"
                raise ValueError(msg)


class Modification(Model):
    """A named variant of one exercise."""

    name: Name
    kind: ModificationKind
    dose: Dose | None = None
    sides: Sides | None = None
    per_side: bool | None = None
    load: ExerciseLoad | None = None
    effort: Effort | None = None
    tempo: TempoNotation | None = None
    equipment: EquipmentList | None = None
    cues: Cues = ()
    notes: Notes | None = None
    fit_exercise: FitExercise | None = None


class Exercise(Model):
    """One exercise and what it asks for."""

    name: Name
    dose: Dose
    sides: Sides = Sides.BOTH
    first_side: Side | None = None
    switch_sides: Annotated[int, Field(ge=0, le=600)] | None = None
    per_side: bool = True
    sets: Amount1To100 = 1
    rest_between_sets: Rest | None = None
    load: ExerciseLoad | None = None
    effort: Effort | None = None
    tempo: TempoNotation | None = None
    equipment: EquipmentList = ()
    targets: Tags = ()
    cues: Cues = ()
    modifications: Annotated[tuple[Modification, ...], Field(max_length=10)] = ()
    rest_after: Rest | None = None
    optional: bool = False
    video: Url | None = None
    image: Url | None = None
    notes: Notes | None = None
    fit_exercise: FitExercise | None = None

    @model_validator(mode="after")
    def _relations(self) -> Self:
        if self.first_side is not None and self.sides is Sides.BOTH:
            msg = "first_side only applies to sides each or alternating"
            raise ValueError(msg)
        if self.switch_sides is not None and self.sides is not Sides.EACH:
            msg = "switch_sides only applies to sides each"
            raise ValueError(msg)
        if not self.per_side:
            _shared_dose(self.sides, self.dose)
        if self.rest_between_sets is not None and self.sets == 1:
            msg = "rest_between_sets only applies to straight sets: set sets above 1"
            raise ValueError(msg)
        if self.sets != 1:
            _ladder_fits(self.dose, self.sets, "sets")
            _ladder_fits(self.load, self.sets, "sets")
        names = [modification.name for modification in self.modifications]
        if len(set(names)) != len(names):
            msg = "duplicate modification name"
            raise ValueError(msg)
        for modification in self.modifications:
            self._applies(modification)
        return self

    def _applies(self, modification: Modification) -> None:
        """The modification, applied, still gives a valid exercise."""
        dose = self.dose if modification.dose is None else modification.dose
        per_side = self.per_side if modification.sides is None else True
        if modification.per_side is not None:
            per_side = modification.per_side
        if not per_side:
            _shared_dose(self.sides if modification.sides is None else modification.sides, dose)
        if self.sets != 1:
            _ladder_fits(dose, self.sets, "sets")
            _ladder_fits(self.load if modification.load is None else modification.load, self.sets, "sets")


class Superset(Model):
    """Two or more exercises done back to back, repeated for rounds."""

    type: Literal["superset"]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=2, max_length=20)]
    rounds: Amount1To100 = 1
    name: Name | None = None
    label: Label | None = None
    rest_between_exercises: Rest | None = None
    rest_between_rounds: Rest | None = None
    rest_after: Rest | None = None
    notes: Notes | None = None

    @model_validator(mode="after")
    def _relations(self) -> Self:
        for exercise in self.exercises:
            if exercise.sets != 1:
                msg = "sets must be 1 inside a superset: set the superset's rounds"
                raise ValueError(msg)
            _ladder_fits(exercise.dose, self.rounds, "rounds")
            _ladder_fits(exercise.load, self.rounds, "rounds")
        if sum(not exercise.optional for exercise in self.exercises) < 2:
            msg = "expected at least two exercises that are not optional"
            raise ValueError(msg)
        return self


def _item_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = value.get("type", "exercise")
        return kind if kind in ("exercise", "superset") else None
    return "superset" if isinstance(value, Superset) else "exercise"


Item: TypeAlias = Annotated[
    Annotated[Exercise, Tag("exercise")] | Annotated[Superset, Tag("superset")], Discriminator(_item_tag)
]


# --- block formats, blocks and the workout ------------------------------------------------


class Intervals(Model):
    """Work and rest intervals."""

    type: Literal["intervals"]
    work: WorkSeconds
    rest: RestSeconds = 0
    active_rest: Exercise | None = None
    rest_after_last: bool = True

    @model_validator(mode="after")
    def _rest_rules(self) -> Self:
        shortest, longest = _ends(self.rest)
        if self.active_rest is not None and shortest == 0:
            msg = "active_rest needs a rest interval above 0 s"
            raise ValueError(msg)
        if not self.rest_after_last and longest == 0:
            msg = "rest_after_last only applies with a rest interval above 0 s"
            raise ValueError(msg)
        if self.active_rest is not None and self.active_rest.optional:
            msg = "an active rest is not optional"
            raise ValueError(msg)
        return self


def _ends(amount: int | WholeRange) -> tuple[int, int]:
    return (amount.min, amount.max) if isinstance(amount, WholeRange) else (amount, amount)


class Emom(Model):
    """Every minute on the minute (or every N seconds)."""

    type: Literal["emom"]
    every: Annotated[int, Field(ge=10, le=3600)]
    duration: Annotated[int, Field(ge=10, le=14_400)]

    @model_validator(mode="after")
    def _whole_intervals(self) -> Self:
        if self.duration % self.every:
            msg = f"duration: expected a multiple of every ({self.every} s)"
            raise ValueError(msg)
        return self


class Amrap(Model):
    """As many rounds as possible within a time cap."""

    type: Literal["amrap"]
    time_cap: Annotated[int, Field(ge=10, le=14_400)]
    score: Score = Score.ROUNDS_REPS


class ForTime(Model):
    """The block's rounds as fast as possible, within an optional cap."""

    type: Literal["for_time"]
    time_cap: Annotated[int, Field(ge=10, le=14_400)] | None = None
    score: Score = Score.TIME


Format: TypeAlias = Intervals | Emom | Amrap | ForTime
BlockSeconds: TypeAlias = (
    Annotated[int, Field(ge=10, le=86_400)] | Annotated[WholeRange, AfterValidator(_ends_within(10, 86_400))]
)


class Block(Model):
    """A section of a workout."""

    name: Name
    kind: BlockKind = BlockKind.MAIN
    rounds: Amount1To100 = 1
    format: Annotated[Format, Field(discriminator="type")] | None = None
    rest_between_rounds: Rest | None = None
    rest_after: Rest | None = None
    stated_duration: BlockSeconds | None = None
    stated_round_duration: BlockSeconds | None = None
    optional: bool = False
    notes: Notes | None = None
    items: Annotated[tuple[Item, ...], Field(min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _relations(self) -> Self:
        for item in self.items:
            _item_fits(item, self.format, self.rounds)
        if all(isinstance(item, Exercise) and item.optional for item in self.items):
            msg = "expected an item that is not optional"
            raise ValueError(msg)
        if self.stated_round_duration is not None and _ends(self.rounds)[1] == 1:
            msg = "stated_round_duration needs rounds above 1"
            raise ValueError(msg)
        return self


def _superset_fits(superset: Superset, fmt: Format) -> None:
    """A timed block holds supersets only if it is an EMOM, and then of one round each."""
    if not isinstance(fmt, Emom):
        msg = f"an {fmt.type} block holds exercises, not supersets"
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns only ValueError into a validation error
    if superset.rounds != 1:
        msg = "rounds must be 1 in an EMOM block: the superset is done once per interval"
        raise ValueError(msg)


def _item_fits(item: Exercise | Superset, fmt: Format | None, rounds: object) -> None:
    """The rules an item of a block must follow given the block's format and rounds."""
    if fmt is None:
        if isinstance(item, Exercise) and item.sets == 1:
            _ladder_fits(item.dose, rounds, "rounds")
            _ladder_fits(item.load, rounds, "rounds")
        return
    if isinstance(item, Superset):
        _superset_fits(item, fmt)
        return
    if item.sets != 1:
        msg = f"sets must be 1 in an {fmt.type} block"
        raise ValueError(msg)
    if isinstance(fmt, Intervals):
        _ladder_fits(item.dose, rounds, "rounds")
        _ladder_fits(item.load, rounds, "rounds")
        if isinstance(item.dose, Efforts):
            msg = "counted efforts do not fit an interval block"
            raise ValueError(msg)  # noqa: TRY004
        steps = item.dose.ladder if isinstance(item.dose, Ladder) else (item.dose,)
        if any(isinstance(step, Duration) and _ends(step.seconds)[1] > _ends(fmt.work)[1] for step in steps):
            msg = f"dose longer than the {fmt.work} s work interval"
            raise ValueError(msg)
    elif isinstance(fmt, ForTime):
        _ladder_fits(item.dose, rounds, "rounds")
        _ladder_fits(item.load, rounds, "rounds")
    elif isinstance(item.dose, Ladder) or isinstance(item.load, LoadLadder):
        msg = f"a ladder needs fixed rounds, not an {fmt.type} block"
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns only ValueError into a validation error


def _changes_something(model: BaseModel, names: tuple[str, ...]) -> None:
    if all(getattr(model, name) in (None, ()) for name in names):
        msg = "expected at least one change"
        raise ValueError(msg)


class BlockChange(Model):
    """What a level changes in one block."""

    block: Name
    rounds: Amount1To100 | None = None
    rest_between_rounds: Rest | None = None
    rest_after: Rest | None = None
    format: Annotated[Intervals | Emom | Amrap, Field(discriminator="type")] | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        _changes_something(self, ("rounds", "rest_between_rounds", "rest_after", "format"))
        return self


class ExerciseChange(Model):
    """What a level changes in every exercise of one name."""

    exercise: Name
    modification: Name | None = None
    dose: Dose | None = None
    sets: Amount1To100 | None = None
    rest_between_sets: Rest | None = None
    load: ExerciseLoad | None = None
    rest_after: Rest | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        names = ("modification", "dose", "sets", "rest_between_sets", "load", "rest_after")
        _changes_something(self, names)
        return self


class Level(Model):
    """A whole-workout version: changes to blocks and exercises."""

    name: Name
    summary: Notes | None = None
    blocks: Annotated[tuple[BlockChange, ...], Field(max_length=50)] = ()
    exercises: Annotated[tuple[ExerciseChange, ...], Field(max_length=100)] = ()
    rest_between_sets: Rest | None = None

    @model_validator(mode="after")
    def _relations(self) -> Self:
        if self.name in {kind.value for kind in ModificationKind}:
            msg = "a level is not named like a modification kind"
            raise ValueError(msg)
        _changes_something(self, ("blocks", "exercises", "rest_between_sets"))
        for changed in (
            [change.block for change in self.blocks],
            [change.exercise for change in self.exercises],
        ):
            if len(set(changed)) != len(changed):
                msg = "a level changes each block and each exercise once"
                raise ValueError(msg)
        return self


def _applied(document: dict[str, Any], level: dict[str, Any]) -> dict[str, Any]:
    """The document (plain data, without levels) as ``level`` changes it."""
    by_block = {change.pop("block"): change for change in level.get("blocks", [])}
    by_exercise = {change.pop("exercise"): change for change in level.get("exercises", [])}

    def change(exercise: dict[str, Any]) -> dict[str, Any]:
        found = dict(by_exercise.get(exercise["name"], {}))
        if "modification" in found:
            (modification,) = [m for m in exercise["modifications"] if m["name"] == found.pop("modification")]
            exercise = {
                **exercise,
                **{k: v for k, v in modification.items() if k != "kind"},
                "modifications": [],
            }
        return {**exercise, **found}

    blocks = []
    for block in document["blocks"]:
        items = [
            {**item, "exercises": [change(e) for e in item["exercises"]]}
            if item.get("type") == "superset"
            else change(item)
            for item in block["items"]
        ]
        blocks.append({**block, **by_block.get(block["name"], {}), "items": items})
    return {**document, "blocks": blocks}


class Workout(Model):
    """A whole workout document, ``schema_version`` 1."""

    schema_version: Literal[1]
    title: Title
    summary: Notes | None = None
    frequency: Frequency | None = None
    stated_duration: StatedSeconds | None = None
    rest_between_sets: Rest | None = None
    equipment: EquipmentList = ()
    targets: Tags = ()
    benefits: Annotated[tuple[Benefit, ...], Field(max_length=20)] = ()
    video: Url | None = None
    source: Source | None = None
    notes: Notes | None = None
    blocks: Annotated[tuple[Block, ...], Field(min_length=1, max_length=50)]
    levels: Annotated[tuple[Level, ...], Field(max_length=20)] = ()

    @model_validator(mode="after")
    def _unique_block_names(self) -> Self:
        names = [block.name for block in self.blocks]
        if len(set(names)) != len(names):
            msg = "duplicate block name"
            raise ValueError(msg)
        if all(block.optional for block in self.blocks):
            msg = "expected a block that is not optional"
            raise ValueError(msg)
        return self

    @model_validator(mode="after")
    def _levels_apply(self) -> Self:
        if not self.levels:
            return self
        names = [level.name for level in self.levels]
        if len(set(names)) != len(names):
            msg = "duplicate level name"
            raise ValueError(msg)
        exercises: dict[str, list[Exercise]] = {}
        for block in self.blocks:
            for item in block.items:
                for exercise in item.exercises if isinstance(item, Superset) else (item,):
                    exercises.setdefault(exercise.name, []).append(exercise)
        document = json.loads(self.model_dump_json(exclude_defaults=True, exclude={"levels"}))
        for level in self.levels:
            if any(change.block not in {block.name for block in self.blocks} for change in level.blocks):
                msg = "a level names a block the workout does not have"
                raise ValueError(msg)
            for change in level.exercises:
                same = exercises.get(change.exercise)
                if same is None or (
                    change.modification is not None
                    and not all(any(m.name == change.modification for m in e.modifications) for e in same)
                ):
                    msg = "a level names an exercise or modification the workout does not have"
                    raise ValueError(msg)
            data = _applied(document, json.loads(level.model_dump_json(exclude_defaults=True)))
            Workout.model_validate_json(json.dumps(data))
        return self
