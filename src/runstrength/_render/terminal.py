"""Text for terminals: control characters made visible, and colour only where it belongs."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Sequence
from typing import Final, Literal, TextIO, TypeAlias

ColorChoice: TypeAlias = Literal["auto", "always", "never"]
COLOR_CHOICES: Final[tuple[ColorChoice, ...]] = ("auto", "always", "never")

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
# overrides and isolates: each can move the cursor, start a new line or reorder what follows.
_HIDDEN: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

RESET: Final = "\x1b[0m"
STYLES: Final = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "cyan": "36",
}
"""The SGR codes the command uses; pictures of the terminal read the same table."""


def escape(text: str) -> str:
    r"""``text`` with every control character written visibly, so it cannot forge lines.

    A newline becomes ``\n``, a tab ``\t``, an escape ``\x1b``, a line separator
    ``\u2028``; every other character is kept.

    >>> print(escape("Curl\n\x1b[2J"))
    Curl\n\x1b[2J
    """

    def visible(match: re.Match[str]) -> str:
        char = match.group()
        if char in _NAMED:
            return _NAMED[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _HIDDEN.sub(visible, text)


def shown(text: str, encoding: str | None) -> str:
    r"""``text`` as a stream in ``encoding`` writes it: what the encoding cannot hold, escaped.

    The command's streams write such characters as backslash escapes rather than failing;
    this gives the same text, so that its width can be measured. ``None`` keeps ``text``.

    >>> shown("Café", "ascii")
    'Caf\\xe9'
    """
    if encoding is None or text.isascii():  # every encoding a terminal uses holds ASCII
        return text
    try:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: the stream writes what it can
        return text


def width(text: str) -> int:
    """How many columns ``text`` takes on a terminal.

    A wide character (East Asian wide or full-width) takes two columns; a combining mark or
    an invisible format character (a zero-width space or joiner, a direction mark) none;
    every other character one. Control characters are expected escaped first (`escape`).

    >>> width("Curl"), width("腕立て"), width("Cafe\u0301")
    (4, 6, 4)
    """
    if text.isascii():  # the common case: one column a character
        return len(text)
    return sum(_columns(char) for char in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``columns`` terminal columns (`width`), on the left when ``right``."""
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def aligned(rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> list[str]:
    """Rows of cells as lines, columns two spaces apart; the columns numbered in ``right`` align right.

    Each column is as wide as its widest cell shows on a terminal (`width`).
    """
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            pad(cell, w, right=i in right) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def _columns(char: str) -> int:
    if unicodedata.east_asian_width(char) in {"W", "F"}:
        return 2
    category = unicodedata.category(char)
    if category in {"Mn", "Me"} or (category == "Cf" and char != "\xad"):
        return 0  # a soft hyphen is the one format character terminals show
    return 1


def wants_color(choice: ColorChoice, stream: TextIO | None) -> bool:
    """Whether to colour what goes to ``stream``.

    ``always`` and ``never`` decide alone. ``auto`` colours a terminal unless ``NO_COLOR``
    is set (to anything but the empty string); ``FORCE_COLOR`` colours even a pipe.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed stream
        return False


class Painter:
    """Wraps text in colour codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:  # noqa: FBT001 - one obvious flag
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        """``text`` in the given styles (names from `STYLES`)."""
        if not self.enabled or not styles or not text:
            return text
        codes = ";".join(STYLES[style] for style in styles)
        return f"\x1b[{codes}m{text}{RESET}"


PLAIN: Final = Painter(enabled=False)
