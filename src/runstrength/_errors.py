"""Exceptions raised by runstrength, the problem records they carry, and the problems' codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

__all__ = [
    "CODES",
    "MAX_PROBLEMS",
    "Location",
    "MissingExtraError",
    "Problem",
    "RunstrengthError",
    "UnknownNameError",
    "ValidationError",
]

Location = tuple[str | int, ...]

MAX_PROBLEMS: Final = 1000
"""The most problems one `ValidationError` lists; it counts the rest in ``omitted``."""

CODES: Final[dict[str, str]] = {
    "wrong_type": "A value of the wrong kind: text where a number belongs, a list where a mapping does…",
    "not_whole_number": 'A whole number was expected: 8.0, 8.5, true and "8" are not whole numbers.',
    "not_a_number": "A number was expected.",
    "out_of_range": "A number outside its allowed bounds.",
    "not_true_or_false": "true or false was expected.",
    "not_one_of": "A value outside a fixed list of choices.",
    "empty_text": "Text that is empty or only whitespace.",
    "surrounding_whitespace": "Text starting or ending with whitespace.",
    "too_long": "Text longer than its field allows.",
    "unwritable_character": "Text holding a control character or a lone surrogate, which files cannot carry.",
    "not_a_url": "Not an absolute http(s) URL naming a host.",
    "bad_notation": "Text that does not follow its notation (a tempo such as 3-1-X-0).",
    "too_many_items": "A list longer than its field allows.",
    "too_few_items": "A list shorter than its field needs.",
    "duplicate_item": "A list item that repeats an earlier one where items must differ.",
    "duplicate_name": "A name that repeats an earlier one where names must be unique.",
    "unknown_field": "A key the format does not have (the reason suggests the closest one).",
    "missing_field": "A required key is missing.",
    "unknown_type": "A type tag the format does not have.",
    "ambiguous_dose": (
        "A dose naming no kind, or more than one "
        "(reps, seconds, distance, max_reps, ladder, ascending, efforts)."
    ),
    "wrong_version": "A schema_version this runstrength does not read.",
    "out_of_order": "A range whose min is above its max.",
    "missing_value": "A value needing another that is not given (an amount without a unit…).",
    "not_applicable": "A value that does not apply where it is (a rest between sets of a single set…).",
    "not_allowed_here": "Something the enclosing block or superset does not allow.",
    "ladder_mismatch": "A dose or load ladder whose steps do not match the times its exercise is done.",
    "nothing_required": "A superset, block or workout with too little left once optional parts are left out.",
    "unknown_name": "A level's change naming a block, exercise or modification the workout does not have.",
    "reserved_name": "A level named like a modification kind (easier, harder, variation, alternative).",
    "not_a_multiple": "An EMOM whose duration is not a whole number of intervals.",
    "too_long_for_interval": "A timed dose longer than its interval's work time.",
    "uneven_split": "A rep total shared between two sides (per_side: false) that does not split evenly.",
    "syntax_error": "Text that is not valid JSON, YAML or TOML.",
    "duplicate_key": "A key given twice in one mapping.",
    "not_finite": "NaN or an infinity, which documents cannot hold.",
    "number_too_long": "An integer with more digits than a document may hold.",
    "too_large": "A document over the size or value limits.",
    "too_deep": "A document nested deeper than the limit.",
    "not_text": "Bytes that are not UTF-8 text.",
    "unknown_format": "A format name or file suffix runstrength does not know, or text of no known format.",
    "unreadable": "A file or standard input that cannot be read.",
    "not_found": "No built-in workout or file of that name.",
    "unwritable": "A file that cannot be written.",
    "too_many_segments": "A timeline longer than the pacing's max_segments allows.",
    "does_not_fit_interval": (
        "A timeline warning: work estimated longer than its EMOM or work interval at the chosen pacing."
    ),
    "past_time_cap": "A timeline warning: a for-time block's work estimated past its cap at this pacing.",
    "too_many_steps": "A FIT workout longer than the step limit allows.",
    "invalid": "Any other problem.",
}
"""Every problem code, with what it means: stable names for programs to act on."""

_PLAIN_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


def _sort_key(location: Location) -> tuple[tuple[int, int | str], ...]:
    # Indices sort numerically and before names at the same depth.
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in location)


@attrs.frozen(order=False)
class Problem:
    """One thing wrong with a workout or document: where it is, why, and a stable code.

    ``code`` names the kind of problem for programs (`CODES` lists them all) while
    ``reason`` explains it to people.  ``line`` and ``column`` (from 1) say where the
    problem is in a document's text, when it came from one.
    """

    location: Location
    reason: str
    code: str = "invalid"
    line: int | None = attrs.field(default=None, kw_only=True)
    column: int | None = attrs.field(default=None, kw_only=True)

    @property
    def path(self) -> str:
        """The location as text, such as ``blocks[1].items[0].dose.reps``."""
        return format_path(self.location)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def more_problems(omitted: int) -> str:
    """The line that ends a list cut at `MAX_PROBLEMS`: ``... and 3 more problems``."""
    return f"... and {omitted} more problem{'s' if omitted > 1 else ''}"


def format_path(location: Location) -> str:
    r"""Render a location as a dotted path with ``[i]`` indices; the root is ``(document)``.

    A key that is not a plain name shows quoted, with control characters escaped, so a
    path can never carry a line break or a terminal escape.

    >>> format_path(("blocks", 1, "name")), format_path(()), format_path(("a\nb",))
    ('blocks[1].name', '(document)', '["a\\nb"]')
    """
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{_quoted(part)}]"
    return text or "(document)"


def _quoted(key: str) -> str:
    shown = key if len(key) <= 60 else key[:57] + "..."
    escaped = shown.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    return f'"{escaped}"'


class RunstrengthError(Exception):
    """Base class of every exception runstrength raises on purpose."""


class ValidationError(RunstrengthError, ValueError):
    """A workout, document or value breaks one or more rules.

    ``problems`` lists the problems found, sorted by path (at most `MAX_PROBLEMS`;
    ``omitted`` counts any beyond); ``str()`` prints one ``path: reason`` per line.
    """

    def __init__(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        found = sorted(set(problems), key=lambda p: (_sort_key(p.location), p.reason))
        self.omitted: int = omitted + max(0, len(found) - MAX_PROBLEMS)
        self.problems: tuple[Problem, ...] = tuple(found[:MAX_PROBLEMS])
        lines = [str(problem) for problem in self.problems]
        if self.omitted:
            lines.append(more_problems(self.omitted))
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.problems, self.omitted))

    def within(self, *prefix: str | int) -> ValidationError:
        """The same problems, located under ``prefix``."""
        return ValidationError(
            (attrs.evolve(p, location=(*prefix, *p.location)) for p in self.problems), omitted=self.omitted
        )


def _rebuild(cls: type[ValidationError], problems: tuple[Problem, ...], omitted: int) -> ValidationError:
    return cls(problems, omitted=omitted)


class MissingExtraError(RunstrengthError, ImportError):
    """A feature needs an optional dependency that is not installed."""


class UnknownNameError(RunstrengthError, LookupError):
    """A lookup by name found nothing; the message suggests close names."""
