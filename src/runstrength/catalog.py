"""The built-in workouts that ship with runstrength.

Each is a TOML document in the package, read through the same loader as any other
document, so a built-in workout obeys every rule a user's workout does.

>>> from runstrength import catalog
>>> "upper-body-for-runners" in catalog.names()
True
>>> workout = catalog.get("upper-body-for-runners")
>>> [str(exercise) for exercise in workout.block("Strength").exercises()][:2]
['Half-Kneeling Chop: 8 reps per side', 'Bear Plank Lateral Walk: 8 reps']
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ._document.text import loads
from ._model import Workout, _find

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["get", "names"]

_SUFFIX = ".toml"


class _Entry:
    """A workout document in the package, named by its file name without the suffix."""

    __slots__ = ("file", "name")

    def __init__(self, name: str, file: Traversable) -> None:
        self.name, self.file = name, file


@cache
def _entries() -> tuple[_Entry, ...]:
    from importlib.resources import files  # noqa: PLC0415 - needed only when the catalogue is read

    folder = files("runstrength").joinpath("workouts")
    found = (
        _Entry(item.name.removesuffix(_SUFFIX), item)
        for item in folder.iterdir()
        if item.name.endswith(_SUFFIX) and item.is_file()
    )
    return tuple(sorted(found, key=lambda entry: entry.name))


def names() -> tuple[str, ...]:
    """The names of the built-in workouts, sorted."""
    return tuple(entry.name for entry in _entries())


def get(name: str) -> Workout:
    """A built-in workout by name.

    Args:
        name: one of `names`, such as ``"upper-body-for-runners"``.

    Returns:
        The workout; it is read once, and later calls return the same (immutable) object.

    Raises:
        UnknownNameError: no built-in workout has that name; the message suggests close ones.
    """
    return _load(name)


@cache
def _load(name: str) -> Workout:
    entry: _Entry = _find(_entries(), name, "built-in workout")
    return loads(entry.file.read_bytes(), "toml")
