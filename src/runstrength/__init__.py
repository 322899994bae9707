"""runstrength: a typed, validated model of strength workouts and the timelines they make.

The model and the document format load with the package; the catalogue, the timeline,
the exports, the schema and batch validation load on first use, so ``import runstrength``
stays cheap for programs that only read and check workouts.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ._document.convert import SCHEMA_VERSION, from_dict, to_dict
from ._document.text import dump, dumps, load, loads
from ._errors import MissingExtraError, Problem, RunstrengthError, UnknownNameError, ValidationError
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
    Level,
    Modification,
    ModificationKind,
    Score,
    Superset,
    Workout,
)
from ._values import (
    Ascending,
    Credit,
    Distance,
    DistanceUnit,
    Dose,
    Duration,
    Effort,
    Efforts,
    Equipment,
    Frequency,
    Intensity,
    Ladder,
    Load,
    LoadLadder,
    LoadLevel,
    LoadUnit,
    MaxReps,
    Range,
    RangePoint,
    Reps,
    Rest,
    RestLength,
    Side,
    Sides,
    Source,
    Tempo,
)

if TYPE_CHECKING:
    from . import catalog
    from ._batch import ValidationResult, validate_many
    from ._document.schema import json_schema
    from ._export.card import export_card, export_card_pdf
    from ._export.fit import export_fit
    from ._export.ics import Session, export_ics, plan
    from ._export.player import Player, export_html
    from ._pacing import Movement, Pacing
    from ._timeline import Segment, SegmentKind, Timeline, TimelineWarning, build_timeline

    __version__: str
    """The installed distribution's version, read on first use."""

_ON_FIRST_USE: dict[str, str] = {
    "ValidationResult": "._batch",
    "validate_many": "._batch",
    "Session": "._export.ics",
    "export_ics": "._export.ics",
    "plan": "._export.ics",
    "export_fit": "._export.fit",
    "export_card": "._export.card",
    "export_card_pdf": "._export.card",
    "Player": "._export.player",
    "export_html": "._export.player",
    "Movement": "._pacing",
    "Pacing": "._pacing",
    "json_schema": "._document.schema",
    "Segment": "._timeline",
    "SegmentKind": "._timeline",
    "Timeline": "._timeline",
    "TimelineWarning": "._timeline",
    "build_timeline": "._timeline",
    "catalog": ".catalog",
}
"""Public names whose module is imported when a name is first looked up (PEP 562); a name
that is its module's own (``catalog``) stands for the module."""

__all__ = [
    "SCHEMA_VERSION",
    "Amrap",
    "Ascending",
    "Block",
    "BlockChange",
    "BlockKind",
    "Credit",
    "Distance",
    "DistanceUnit",
    "Dose",
    "Duration",
    "Effort",
    "Efforts",
    "Emom",
    "Equipment",
    "Exercise",
    "ExerciseChange",
    "ForTime",
    "Frequency",
    "Intensity",
    "Intervals",
    "Ladder",
    "Level",
    "Load",
    "LoadLadder",
    "LoadLevel",
    "LoadUnit",
    "MaxReps",
    "MissingExtraError",
    "Modification",
    "ModificationKind",
    "Movement",
    "Pacing",
    "Player",
    "Problem",
    "Range",
    "RangePoint",
    "Reps",
    "Rest",
    "RestLength",
    "RunstrengthError",
    "Score",
    "Segment",
    "SegmentKind",
    "Session",
    "Side",
    "Sides",
    "Source",
    "Superset",
    "Tempo",
    "Timeline",
    "TimelineWarning",
    "UnknownNameError",
    "ValidationError",
    "ValidationResult",
    "Workout",
    "build_timeline",
    "catalog",
    "dump",
    "dumps",
    "export_card",
    "export_card_pdf",
    "export_fit",
    "export_html",
    "export_ics",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "plan",
    "to_dict",
    "validate_many",
]


# Defined for the interpreter only: a type checker that saw a module-level __getattr__ would
# accept any name (a typo included) as an attribute of the package.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in _ON_FIRST_USE:
            module = import_module(_ON_FIRST_USE[name], __name__)
            value = module if module.__name__ == f"{__name__}.{name}" else getattr(module, name)
            globals()[name] = value  # later lookups find it directly
            return value
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415 - only when asked

            return version("runstrength")
        msg = f"module 'runstrength' has no attribute {name!r}"
        raise AttributeError(msg)


def __dir__() -> list[str]:
    """The public names (loaded or not) and the module's own dunders: not its imports."""
    return sorted({*__all__, "__version__", *(name for name in globals() if name.startswith("__"))})
