"""runstrength: a typed, validated model of strength workouts and the timelines they make."""

from __future__ import annotations

from . import catalog
from ._batch import ValidationResult, validate_many
from ._calendar import Session, export_ics, plan
from ._document import SCHEMA_VERSION, from_dict, to_dict
from ._errors import MissingExtraError, Problem, RunstrengthError, UnknownNameError, ValidationError
from ._fit import export_fit
from ._formats import dump, dumps, load, loads
from ._model import (
    Amrap,
    Block,
    BlockKind,
    Emom,
    Exercise,
    Intervals,
    Modification,
    ModificationKind,
    Superset,
    Workout,
)
from ._pacing import Pacing
from ._schema import json_schema
from ._timeline import Segment, SegmentKind, Timeline, build_timeline
from ._values import (
    Credit,
    Distance,
    DistanceUnit,
    Dose,
    Duration,
    Effort,
    Equipment,
    Frequency,
    Ladder,
    Load,
    LoadLevel,
    LoadUnit,
    MaxReps,
    Range,
    RangePoint,
    Reps,
    Rest,
    Side,
    Sides,
    Source,
    Tempo,
)

__all__ = [
    "SCHEMA_VERSION",
    "Amrap",
    "Block",
    "BlockKind",
    "Credit",
    "Distance",
    "DistanceUnit",
    "Dose",
    "Duration",
    "Effort",
    "Emom",
    "Equipment",
    "Exercise",
    "Frequency",
    "Intervals",
    "Ladder",
    "Load",
    "LoadLevel",
    "LoadUnit",
    "MaxReps",
    "MissingExtraError",
    "Modification",
    "ModificationKind",
    "Pacing",
    "Problem",
    "Range",
    "RangePoint",
    "Reps",
    "Rest",
    "RunstrengthError",
    "Segment",
    "SegmentKind",
    "Session",
    "Side",
    "Sides",
    "Source",
    "Superset",
    "Tempo",
    "Timeline",
    "UnknownNameError",
    "ValidationError",
    "ValidationResult",
    "Workout",
    "build_timeline",
    "catalog",
    "dump",
    "dumps",
    "export_fit",
    "export_ics",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "plan",
    "to_dict",
    "validate_many",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("runstrength")
    msg = f"module 'runstrength' has no attribute {name!r}"
    raise AttributeError(msg)
