"""Exceptions raised by runstrength and the problem records they carry."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "Location",
    "MissingExtraError",
    "Problem",
    "RunstrengthError",
    "UnknownNameError",
    "ValidationError",
]

Location = tuple[str | int, ...]


def _sort_key(location: Location) -> tuple[tuple[int, int | str], ...]:
    # Indices sort numerically and before names at the same depth.
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in location)


@attrs.frozen(order=False)
class Problem:
    """One thing wrong with a workout or document: where it is, why, and a stable code.

    ``code`` names the kind of problem for programs (``unknown_field``, ``out_of_range``…;
    the documentation lists them all) while ``reason`` explains it to people.  ``line`` and
    ``column`` (from 1) say where the problem is in a document's text, when it came from one.
    """

    location: Location
    reason: str
    code: str = "invalid"
    line: int | None = attrs.field(default=None, kw_only=True)
    column: int | None = attrs.field(default=None, kw_only=True)

    @property
    def path(self) -> str:
        """The location as text, such as ``blocks[1].items[0].dose.reps`` (``$`` is the root)."""
        return format_path(self.location)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def format_path(location: Location) -> str:
    """Render a location tuple as a dotted path with ``[i]`` indices."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "$"


class RunstrengthError(Exception):
    """Base class of every exception runstrength raises on purpose."""


class ValidationError(RunstrengthError, ValueError):
    """A workout, document or value breaks one or more rules.

    ``problems`` lists every problem found, sorted by path; ``str()`` prints one
    ``path: reason`` per line.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(
            sorted(set(problems), key=lambda p: (_sort_key(p.location), p.reason))
        )
        super().__init__("\n".join(map(str, self.problems)))

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    def within(self, *prefix: str | int) -> ValidationError:
        """The same problems, located under ``prefix``."""
        return ValidationError(Problem((*prefix, *p.location), p.reason) for p in self.problems)


class MissingExtraError(RunstrengthError, ImportError):
    """A feature needs an optional dependency that is not installed."""


class UnknownNameError(RunstrengthError, LookupError):
    """A lookup by name found nothing; the message suggests close names."""
