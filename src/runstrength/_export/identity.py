"""Identities of exported files: a canonical text of a workout's content, whatever its formatting."""

from __future__ import annotations

import json

from runstrength._document.convert import to_dict
from runstrength._document.text import integral
from runstrength._model import Workout
from runstrength._pacing import Pacing


def canonical_text(data: object) -> str:
    """Plain data as canonical JSON: keys sorted, no spaces, text as is, integral floats as ints."""
    return json.dumps(integral(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: Workout | Pacing) -> str:
    """A workout's or pacing's content as one canonical JSON text.

    Keys sorted, no spaces, text as written (no escapes), integral floats as ints: two
    documents that differ only in formatting, key order or ``24`` against ``24.0`` give the
    same text.

    >>> from runstrength import Pacing
    >>> canonical(Pacing(seconds_per_rep=3.0, transition=15))
    '{"seconds_per_rep":3,"transition":15}'
    """
    return canonical_text(to_dict(value))
