"""Rules: small frozen objects that judge one value, each declared once on a model field.

A rule answers four questions about the values of one field:

- `Rule.findings`: every reason a value is wrong (``[]`` when it is right), each with a stable
  code and a location relative to the field;
- `Rule.accepts`: a cheap "certainly valid?" — it may doubt a valid value (the findings then
  decide), never accept an invalid one;
- `Rule.schema`: the JSON Schema of the values it accepts;
- `Rule.describe`: the same in words, for the documentation.

Constructors, the loader, the JSON Schema and the document-format reference all read these
objects, so a rule cannot drift between them.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final

import attrs

from runstrength._errors import Location

from .declared import Declared

Finding = tuple[Location, str, str]
"""Where (relative to the value judged), why, and the problem's code."""

_CONTROLS: Final = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_UNWRITABLE: Final = f"[{_CONTROLS}\ud800-\udfff]"
"""Control characters (other than tab and line breaks) and lone surrogates: text no file can carry."""
_END: Final = r"(?![\s\S])"
"""The very end of the text in every regex dialect (Python's ``$`` also matches before a final line break)."""
TEXT_PATTERN: Final = (
    r"^(?![\s\S]*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f])\S(?:[\s\S]*\S)?" + _END
)
"""Text that neither starts nor ends with whitespace and has no control characters."""
URL_PATTERN: Final = r"^https?://[^\s\u0000-\u001f\u007f-\u009f]+" + _END
"""An http(s) URL without whitespace or control characters."""


_PLAIN_URL: Final = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][!-~]*)?")
"""An http(s) URL whose host is a plain name, all printable ASCII without spaces, for `Url`'s
quick check (whole: ``fullmatch``)."""


def unwritable(value: str) -> re.Match[str] | None:
    """The first character of ``value`` that no file can carry, if any."""
    return re.search(_UNWRITABLE, value)


_SHORT_TEXT: Final = 64
"""Text up to this long is judged quickest by ``str.isprintable``; longer text, by `writable`."""
_ASCII_FLAGGED: Final = bytes(
    byte | 0x80 if (byte < 0x20 and byte not in b"\t\n\r") or byte == 0x7F else byte for byte in range(256)
)
"""Each byte as itself, except the ASCII characters no file can carry, which change."""


def writable(value: str) -> bool:
    """Whether a file can carry every character of ``value`` (`unwritable` finds none), quickly.

    ASCII text is judged in one pass over its bytes, several times as fast as
    ``str.isprintable`` on long text: CPython's ``bytes.translate`` returns the very bytes
    when it changed none (elsewhere, `unwritable` answers).
    """
    if value.isascii():
        encoded = value.encode()
        return encoded.translate(_ASCII_FLAGGED) is encoded or unwritable(value) is None
    return value.isprintable() or unwritable(value) is None


class _Short(reprlib.Repr):
    """Brief reprs: deep or huge input stays cheap to show, and huge ints never raise."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother = 3, 60, 60

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 64:  # repr() of a huge int can exceed Python's digit limit and raise
            return f"<an integer of about {int(x.bit_length() * 0.30103) + 1} digits>"
        return super().repr_int(x, level)

    def repr_str(self, x: str, level: int) -> str:
        # Control characters and lone surrogates show escaped, so no message can carry them.
        return super().repr_str(
            x.encode("unicode_escape").decode("ascii") if not x.isprintable() else x, level
        )


_SHORT: Final = _Short()
_WORDS: Final[dict[object, str]] = {True: "true", False: "false", None: "null"}


def describe(value: object) -> str:
    """A found value as a document would spell it, briefly, for messages.

    ``true``, ``false`` and ``null`` rather than Python's names; a list, mapping or date by
    what it is; text quoted, with control characters escaped.

    Text of a ``str`` subclass (an enum member, an application's own type) names its class,
    as it is not the plain text a document holds.

    >>> describe(True), describe(None), describe([1, 2]), describe("8")
    ('true', 'null', 'a list', "'8'")
    """
    if type(value) is bool or value is None:
        return _WORDS[value]
    if type(value) is str and len(value) <= 60 and value.isprintable() and len(text := repr(value)) <= 60:
        return text  # what the brief repr would give, without its machinery (a common case)
    if isinstance(value, str) and type(value) is not str:
        return _described_text(value)
    if isinstance(value, list | tuple | dict):
        return _described_container(value)
    kind = type(value).__name__
    if kind in ("date", "datetime", "time"):
        return f"a {kind} ({value})"
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _described_container(value: list[object] | tuple[object, ...] | dict[object, object]) -> str:
    """`describe` of a list or a mapping: what it is, not what it holds.

    A subclass (an ``OrderedDict``, a YAML or TOML library's own mapping) names its class, as
    documents hold plain lists and mappings.
    """
    if isinstance(value, dict):
        what = "a mapping" if value else "an empty mapping"
    else:
        what = "a list" if value else "an empty list"
    if type(value) not in (dict, list, tuple):
        what += f" of type {type(value).__name__[:20]}"
    return what


def _described_text(value: str) -> str:
    """`describe` of text held in a ``str`` subclass: the text, then its class."""
    kind = f" of type {type(value).__name__[:20]}"
    text = describe(str.__str__(value))
    return (text if len(text) + len(kind) <= 60 else text[: 57 - len(kind)] + "...") + kind


def _unwritable_finding(value: str) -> list[Finding]:
    """The finding about the first character of ``value`` no file can carry, if any."""
    if bad := unwritable(value):
        shown = bad[0].encode("unicode_escape").decode("ascii")
        reason = f"must not contain control characters or lone surrogates, found {shown}"
        return _found(reason, "unwritable_character")
    return []


def _found(reason: str, code: str) -> list[Finding]:
    return [((), reason, code)]


def _span(low: float, high: float, unit: str) -> str:
    return f"from {low:g} to {high:g}{unit}"


class Rule(Declared):
    """Base of the rules: a rule that accepts anything (subclasses narrow it).

    Subclasses are declared ``@attrs.frozen(eq=False, repr=False)``: `Declared` compares,
    hashes and shows them by their fields (``Whole(low=1, high=1000, unit='')``).
    """

    __slots__ = ()

    def findings(self, value: object) -> list[Finding]:  # noqa: ARG002 - subclasses judge it
        """Every reason ``value`` is wrong, ``[]`` when it is right."""
        return []

    def accepts(self, value: object) -> bool:
        """``True`` only when ``value`` is surely valid (a ``False`` is a doubt, not a verdict)."""
        return not self.findings(value)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the values the rule accepts."""
        return {}

    def describe(self) -> str:
        """The values the rule accepts, in words."""
        return "anything"

    @property
    def narrows(self) -> Mapping[str, Rule]:
        """Stricter rules for the fields of an object this rule holds (a range's ends)."""
        return {}


@attrs.frozen(eq=False, repr=False)
class Whole(Rule):
    """A whole number (not a bool, not a float) from ``low`` to ``high``."""

    low: int
    high: int
    unit: str = ""

    def findings(self, value: object) -> list[Finding]:
        if type(value) is int and self.low <= value <= self.high:
            return []
        code = "out_of_range" if type(value) is int else "not_whole_number"
        return _found(
            f"expected a whole number {_span(self.low, self.high, self.unit)}, got {describe(value)}", code
        )

    def accepts(self, value: object) -> bool:
        return type(value) is int and self.low <= value <= self.high

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}

    def describe(self) -> str:
        return f"a whole number {_span(self.low, self.high, self.unit)}"


@attrs.frozen(eq=False, repr=False)
class Number(Rule):
    """A finite int or float from ``low`` (or just above it, with ``above``) to ``high``."""

    low: float
    high: float
    unit: str = ""
    above: bool = False

    def findings(self, value: object) -> list[Finding]:
        if self.accepts(value):
            return []
        low = f"above {self.low:g}" if self.above else f"{self.low:g}"
        code = "out_of_range" if type(value) is int or type(value) is float else "not_a_number"
        return _found(
            f"expected a number from {low} to {self.high:g}{self.unit}, got {describe(value)}", code
        )

    def accepts(self, value: object) -> bool:
        # The bounds are finite, so NaN and infinities fail the comparison; an int of any
        # size compares exactly (math.isfinite would overflow on a huge one).
        if type(value) is int or type(value) is float:
            return (self.low < value if self.above else self.low <= value) and value <= self.high
        return False

    def schema(self) -> dict[str, Any]:
        low_key = "exclusiveMinimum" if self.above else "minimum"
        return {"type": "number", low_key: self.low, "maximum": self.high}

    def describe(self) -> str:
        low = f"above {self.low:g}" if self.above else f"{self.low:g}"
        return f"a number from {low} to {self.high:g}{self.unit}"


@attrs.frozen(eq=False, repr=False)
class Text(Rule):
    """Non-empty text of at most ``max_length`` characters that any file can carry.

    No whitespace around it, no control characters other than tab and line breaks, no
    lone surrogates. Text is a plain ``str``, as in a document: not an instance of a subclass.
    """

    max_length: int = 100

    def findings(self, value: object) -> list[Finding]:
        if type(value) is not str:  # a str subclass too: documents hold plain text
            return _found(f"expected text, got {describe(value)}", "wrong_type")
        if not value.strip():
            return _found("must not be empty", "empty_text")
        if value != value.strip():
            return _found(
                f"must not start or end with whitespace, got {describe(value)}", "surrounding_whitespace"
            )
        if len(value) > self.max_length:
            return _found(f"expected at most {self.max_length} characters, got {len(value)}", "too_long")
        return _unwritable_finding(value)

    def accepts(self, value: object) -> bool:
        # CPython's strip() returns the very string when there is nothing to strip; elsewhere
        # the quick check merely doubts every text, and the findings decide.
        return (
            type(value) is str
            and 0 < len(value) <= self.max_length
            and value.strip() is value
            and ((len(value) <= _SHORT_TEXT and value.isprintable()) or writable(value))
        )

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": TEXT_PATTERN}

    def describe(self) -> str:
        return f"text of 1 to {self.max_length} characters"


@attrs.frozen(eq=False, repr=False)
class Url(Rule):
    """An absolute http(s) URL naming a host: no whitespace or control characters anywhere."""

    max_length: int = 2000

    def findings(self, value: object) -> list[Finding]:
        if type(value) is not str or len(value) > self.max_length:
            return _found(f"expected a URL, got {describe(value)}", "not_a_url")
        if bad := _unwritable_finding(value):
            return bad
        # Loaded here, for the URLs the quick check doubts: `import runstrength` need not load it.
        from urllib.parse import urlsplit  # noqa: PLC0415

        try:
            parts = urlsplit(value)
        except ValueError:  # e.g. a host that changes under NFKC normalization
            return _found(f"expected an http(s) URL, got {describe(value)}", "not_a_url")
        if not value.startswith(("http://", "https://")) or not parts.hostname or re.search(r"\s", value):
            return _found(f"expected an http(s) URL, got {describe(value)}", "not_a_url")
        return []

    def accepts(self, value: object) -> bool:
        # The common shape only: printable ASCII without spaces (so nothing unwritable and no
        # whitespace) and a plain host name (so `urlsplit` cannot refuse it and finds a host).
        return (
            type(value) is str and len(value) <= self.max_length and _PLAIN_URL.fullmatch(value) is not None
        )

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": URL_PATTERN, "maxLength": self.max_length}

    def describe(self) -> str:
        return "an http(s) URL"


@attrs.frozen(eq=False, repr=False)
class Member(Rule):
    """One of an enum's members (documents write its value)."""

    enum: type[Enum]

    def findings(self, value: object) -> list[Finding]:
        if isinstance(value, self.enum):
            return []
        choices = ", ".join(str(m.value) for m in self.enum)
        return _found(f"expected one of {choices}, got {describe(value)}", "not_one_of")

    def accepts(self, value: object) -> bool:
        return type(value) is self.enum

    def schema(self) -> dict[str, Any]:
        return {"enum": [m.value for m in self.enum]}

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{m.value}`" for m in self.enum)


@attrs.frozen(eq=False, repr=False)
class Instance(Rule):
    """An instance of one of ``classes``, named ``name`` in messages (it validated itself)."""

    classes: tuple[type, ...]
    name: str = ""

    def findings(self, value: object) -> list[Finding]:
        if isinstance(value, self.classes):
            return []
        return _found(f"expected {self.name}, got {describe(value)}", "wrong_type")

    def accepts(self, value: object) -> bool:
        return isinstance(value, self.classes)

    def schema(self) -> dict[str, Any]:
        refs = [class_ref(cls) for cls in self.classes]
        return refs[0] if len(refs) == 1 else {"anyOf": refs}

    def describe(self) -> str:
        return self.name


@attrs.frozen(eq=False, repr=False)
class Flag(Rule):
    """``true`` or ``false``."""

    def findings(self, value: object) -> list[Finding]:
        if type(value) is bool:
            return []
        return _found(f"expected true or false, got {describe(value)}", "not_true_or_false")

    def accepts(self, value: object) -> bool:
        return type(value) is bool

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def describe(self) -> str:
        return "true or false"


@attrs.frozen(eq=False, repr=False)
class Pattern(Rule):
    """Text matching a regular expression (and not ``forbidden``), described as ``example``."""

    pattern: str
    example: str
    forbidden: str | None = None
    forbidden_reason: str = ""

    def findings(self, value: object) -> list[Finding]:
        if type(value) is not str or not re.fullmatch(self.pattern, value):
            return _found(f"expected {self.example}, got {describe(value)}", "bad_notation")
        if self.forbidden is not None and re.fullmatch(self.forbidden, value):
            return _found(f"{self.forbidden_reason}, got {describe(value)}", "bad_notation")
        return []

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "pattern": f"^(?:{self.pattern}){_END}"}
        if self.forbidden is not None:
            schema["not"] = {"pattern": f"^(?:{self.forbidden}){_END}"}
        return schema

    def describe(self) -> str:
        return self.example


@attrs.frozen(eq=False, repr=False)
class Optional(Rule):
    """``null`` (``None``), or whatever ``inner`` accepts."""

    inner: Rule

    def findings(self, value: object) -> list[Finding]:
        return [] if value is None else self.inner.findings(value)

    def accepts(self, value: object) -> bool:
        return value is None or self.inner.accepts(value)

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.schema(), {"type": "null"}]}

    def describe(self) -> str:
        return f"{self.inner.describe()}, or nothing"

    @property
    def narrows(self) -> Mapping[str, Rule]:
        return self.inner.narrows


@attrs.frozen(eq=False, repr=False)
class Items(Rule):
    """A list (a tuple, once built) of ``min_length`` to ``max_length`` items, each passing ``inner``."""

    inner: Rule
    max_length: int
    min_length: int = 0
    unique: bool = False

    def findings(self, value: object) -> list[Finding]:
        if not isinstance(value, tuple):
            return _found(f"expected a list, got {describe(value)}", "wrong_type")
        if len(value) > self.max_length:
            return _found(f"expected at most {self.max_length} items, got {len(value)}", "too_many_items")
        findings: list[Finding] = []
        if len(value) < self.min_length:
            plural = "s" if self.min_length > 1 else ""
            findings += _found(
                f"expected at least {self.min_length} item{plural}, got {len(value)}", "too_few_items"
            )
        for index, item in enumerate(value):
            for location, reason, code in self.inner.findings(item):
                findings.append(((index, *location), reason, code))
        if self.unique:
            findings += _duplicates(value)
        return findings

    def accepts(self, value: object) -> bool:
        if type(value) is not tuple or not self.min_length <= len(value) <= self.max_length:
            return False
        inner = self.inner
        if type(inner) is Instance:  # objects validated themselves: only their class matters
            classes = inner.classes
            for item in value:
                if not isinstance(item, classes):
                    return False
        elif type(inner) is Text:  # the text rule's quick check, without a call per item
            longest = inner.max_length
            for item in value:
                if not (
                    type(item) is str
                    and 0 < len(item) <= longest
                    and item.strip() is item
                    and ((len(item) <= _SHORT_TEXT and item.isprintable()) or writable(item))
                ):
                    return False
        else:
            accepts = inner.accepts
            for item in value:
                if not accepts(item):
                    return False
        return not self.unique or _distinct(value)

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.inner.schema(), "maxItems": self.max_length}
        if self.min_length:
            schema["minItems"] = self.min_length
        if self.unique:
            schema["uniqueItems"] = True
        return schema

    def describe(self) -> str:
        count = f"{self.min_length} to {self.max_length}" if self.min_length else f"up to {self.max_length}"
        unique = ", all different" if self.unique else ""
        return f"a list of {count} items{unique}, each {self.inner.describe()}"


def _distinct(values: tuple[object, ...]) -> bool:
    try:
        return len(set(values)) == len(values)
    except TypeError:  # unhashable items: look closer
        return False


def _duplicates(values: tuple[object, ...]) -> list[Finding]:
    seen: set[object] = set()
    findings: list[Finding] = []
    for index, item in enumerate(values):
        try:
            duplicate = item in seen
            seen.add(item)
        except TypeError:  # unhashable: its own rule reports the wrong type
            continue
        if duplicate:
            findings.append(((index,), f"duplicate of an earlier item: {describe(item)}", "duplicate_item"))
    return findings


def class_ref(cls: type) -> dict[str, Any]:
    """A JSON Schema reference to a model class's definition."""
    return {"$ref": f"#/$defs/{cls.__name__}"}
