"""What constructors turn into the canonical value before the rules judge it.

Only two spellings are converted: a list (of any list class) where a tuple is kept, and an
enum's text where its member is kept. Anything else passes through untouched, for the field's
rule to refuse with a clear message (a converter never raises and never guesses). The model
declares one small typed converter per field type (a list becomes a tuple in the converter
itself; an enum's text goes through `as_member`), so the constructors' annotations say what
they accept. The loader refuses a list of another class than ``list`` before it gets here: a
document's lists are plain.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


def as_member(enum: type[E], value: object) -> E:
    """The member of ``enum`` whose value is the text ``value``; any other value as it is.

    The annotation says what a valid value becomes; a value left as it is never passes the
    field's rule, so it never reaches a built object.
    """
    if type(value) is str:
        value = enum._value2member_map_.get(value, value)
    return value  # type: ignore[return-value] # see above; no `cast`, which is a call at run time
