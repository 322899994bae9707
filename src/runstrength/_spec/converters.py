"""What constructors turn into the canonical value before the rules judge it.

Only two spellings are converted: a list where a tuple is kept, and an enum's text where its
member is kept. Anything else passes through untouched, for the field's rule to refuse with
a clear message (a converter never raises and never guesses). The model declares one small
typed converter per field type on top of these, so the constructors' annotations say what
they accept.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)


def as_tuple(value: Any) -> Any:
    """A list's items as a tuple; any other value as it is."""
    return tuple(value) if type(value) is list else value


def as_member(enum: type[E], value: Any) -> Any:
    """The member of ``enum`` whose value is the text ``value``; any other value as it is."""
    if type(value) is str:
        return enum._value2member_map_.get(value, value)
    return value
