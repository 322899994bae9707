"""`Declared`: the base of small frozen declarations (rules, relations, fields as the engine sees them).

attrs writes and compiles an ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` for every
class it builds; the last three cost most of a class's build time and are the same for every
declaration. Subclasses are declared ``@attrs.frozen(eq=False, repr=False)`` and get those three
here, written once over their attrs fields, so ``import runstrength`` stays quick.
"""

from __future__ import annotations

from typing import Any

import attrs


class Declared:
    """Compared, hashed and shown by its attrs fields: ``Whole(low=1, high=1000, unit='')``."""

    __slots__ = ()

    def _fields(self) -> tuple[attrs.Attribute[Any], ...]:
        fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(self))  # type: ignore[arg-type] # subclasses are attrs classes
        return fields

    def _state(self) -> tuple[object, ...]:
        return tuple(getattr(self, field.name) for field in self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self._fields())
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Declared)  # noqa: S101 - for the type checker
        return self._state() == other._state()

    def __hash__(self) -> int:
        return hash((type(self), self._state()))
