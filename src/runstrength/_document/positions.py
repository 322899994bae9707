"""Where a problem's path is in a document's text: line and column, in JSON, YAML and TOML.

Used only after a document has been refused, so valid documents pay nothing.  Each format
gets an index from every path in the text to the position of its key (``None`` for the
root and list items) and of its value:

- JSON: a walk to each path that skips other values with ``json``'s own scanner;
- YAML: the node tree the strict loader composes (its marks);
- TOML: a light scan of tables (``[a.b]``, ``[[blocks]]`` counted), dotted keys, inline
  tables and arrays.  It is best effort: text it does not follow leaves a problem at the
  nearest position it knows (or none).

A problem points at its value; an unknown field at its key; a missing field at the
mapping that lacks it (the nearest enclosing path the text has).
"""

from __future__ import annotations

import bisect
import itertools
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from runstrength._errors import Location, Problem

from .syntax import line_column

__all__ = ["json_nth_value", "json_values", "locate", "toml_too_deep"]

Position = tuple[int, int]
"""A 1-based line and column."""
Index = dict[Location, tuple[Position | None, Position]]
"""Each path's key position (``None`` for the root and list items) and value position."""


def locate(
    problems: Iterable[Problem], text: str, fmt: str, tree: object = None, data: object = None
) -> list[Problem]:
    """The problems with ``line`` and ``column`` set from where their paths are in ``text``.

    ``tree`` is the YAML node tree the text was read from, when the caller kept it; ``data``
    what the text was read as (a TOML text is always read as a table), which lets the TOML
    scan stop once it has passed every path it needs.
    """
    problems = list(problems)
    if tree is not None:
        index: Index | _YamlPaths | _JsonPaths = _YamlPaths(tree)
    elif fmt == "toml" and data is not None:
        from .convert import deepest  # noqa: PLC0415 - the plain data's own walk

        index = _toml_index(text, {p.location[: deepest(data, p.location)[1]] for p in problems})
    else:
        index = _INDEXERS[fmt](text)
    located: list[Problem] = []
    for problem in problems:
        position = _position(index, problem)
        if position is None or problem.line is not None:
            located.append(problem)
        else:
            line, column = position
            located.append(Problem(problem.location, problem.reason, problem.code, line=line, column=column))
    return located


def _position(index: Index | _YamlPaths | _JsonPaths, problem: Problem) -> Position | None:
    location = problem.location
    if (found := index.get(location)) is not None:
        key, value = found
        return key if problem.code == "unknown_field" and key is not None else value
    for end in range(len(location) - 1, -1, -1):  # a missing field: the mapping that lacks it
        if (found := index.get(location[:end])) is not None:
            return found[1]
    return None


# --- JSON --------------------------------------------------------------------------------

_JSON_TOKEN: Final = re.compile(
    r'[ \t\n\r]*(?:("[^"\\]*(?:\\.[^"\\]*)*")|([{}\[\]:,])|([^ \t\n\r{}\[\]:,"]+))'
)


def json_values(text: str) -> Iterator[tuple[Location, int | None, int, int]]:
    """Every value of a JSON text, in order: its path, its key's offset, its offset, its depth.

    The depth of the root is 1, and each container adds one.  Text the scanner cannot
    follow ends the walk (it runs on text ``json`` refused or already read).
    """
    paths: list[Location] = []  # the path of each open container
    counters: list[int] = []  # the next index in each open container, -1 in an object
    expect_key = False
    key: str | int = ""
    key_offset: int | None = None
    for match in _JSON_TOKEN.finditer(text):
        string, punct, bare = match.groups()
        offset = match.start(match.lastindex or 0)
        if punct is not None and punct in ":,}]":
            if punct in "}]" and paths:
                paths.pop()
                counters.pop()
            expect_key = punct == "," and bool(counters) and counters[-1] < 0
            continue
        if expect_key:
            key, key_offset, expect_key = _json_key(string or bare or ""), offset, False
            continue
        if not paths:
            path: Location = ()
            at_key = None
        elif counters[-1] < 0:
            path, at_key = (*paths[-1], key), key_offset
        else:
            path, at_key = (*paths[-1], counters[-1]), None
            counters[-1] += 1
        yield path, at_key, offset, len(paths) + 1
        if punct is not None:  # an opening bracket
            paths.append(path)
            counters.append(-1 if punct == "{" else 0)
            expect_key = punct == "{"


_JSON_VALUE: Final = re.compile(
    r'(?:"[^"\\]*(?:\\.[^"\\]*)*"[ \t\n\r]*:[ \t\n\r]*)?'  # a key and its colon, if any
    r'(?:"[^"\\]*(?:\\.[^"\\]*)*"|[{\[]|[^ \t\n\r{}\[\]:,"]+)'  # then a value (or its bracket)
)
"""One value of a JSON text, with the key before it: separators and closing brackets are skipped."""


def json_nth_value(text: str, index: int) -> int | None:
    """The offset of the value at ``index`` (from 0) in the order `json_values` walks, if any.

    For a text ``json`` read: one regular-expression search per value, with no Python
    step per value, so finding the first value past `MAX_NODES` stays quick.
    """
    found = next(itertools.islice(_JSON_VALUE.finditer(text), index, None), None)
    if found is None:
        return None
    value = found.group()
    if value[0] == '"' and (colon := _KEY_END.match(value)) is not None:
        return found.start() + colon.end()
    return found.start()


_KEY_END: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"[ \t\n\r]*:[ \t\n\r]*')


def _json_key(token: str) -> str:
    try:
        key = json.loads(token)
    except ValueError:
        return token.strip('"')
    return key if isinstance(key, str) else token


_SPACE: Final = re.compile(r"[ \t\n\r]*")
_COMMA: Final = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_MEMBER: Final = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*')
"""A member's key (group 1, as written) up to its value."""


class _JsonPaths:
    """Where paths are in a JSON text, found on demand: each by walking to it, skipping values.

    Skipping a value is `json`'s own C scanner, and each walk starts from where the walks
    before it got to (problems come sorted by path), so finding every problem's position
    costs about one reading of the text by that scanner, not a Python pass over its tokens.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.found: dict[Location, tuple[Position | None, Position] | None] = {}
        self.reached: dict[Location, tuple[int | None, int]] = {}
        """Offsets of the paths walked to so far: a later path starts from its parent's."""
        self.members: dict[int, tuple[dict[str, tuple[int, int]], int | None, bool]] = {}
        """Each object's keys read so far (by the object's offset), where reading stopped, and
        whether it stopped at a value not yet skipped."""
        self.items: dict[Location, tuple[int, int]] = {}
        """Each array's furthest item reached and its offset: items are found in order."""
        # json's own scanner (C when available): what a decoder calls for each value.
        # Numbers are skipped, not converted (``len`` stands in for ``int``): a number of
        # thousands of digits costs its length, not Python's quadratic conversion.
        self.skip: Callable[[str, int], tuple[object, int]] = json.scanner.make_scanner(
            json.JSONDecoder(parse_int=len, parse_float=len, parse_constant=len)  # type: ignore[arg-type] # typeshed names the class, not the context
        )

    def get(self, location: Location) -> tuple[Position | None, Position] | None:
        """The positions of the key (if any) and the value at ``location``; ``None``: not there."""
        if location not in self.found:
            offsets = self._walk(location)
            self.found[location] = (
                None
                if offsets is None
                else (
                    None if offsets[0] is None else self.lines.at(offsets[0]),
                    self.lines.at(offsets[1]),
                )
            )
        return self.found[location]

    def _walk(self, location: Location) -> tuple[int | None, int] | None:
        """The offsets of the key (if any) and the value at ``location``; ``None``: not there."""
        if location in self.reached:
            return self.reached[location]
        if not location:
            return None, _space(self.text, 0)
        parent = self._walk(location[:-1])
        if parent is None:
            return None
        part, at = location[-1], parent[1]
        opening = self.text[at : at + 1]
        if opening == "{" and isinstance(part, str):
            found = self._member(at, part)
        elif opening == "[" and type(part) is int:
            found = self._item(location[:-1], at, part)
        else:
            found = None
        if found is not None:
            self.reached[location] = found
        return found

    def _member(self, at: int, name: str) -> tuple[int | None, int] | None:
        """The offsets of the key ``name`` and its value in the object at ``at``.

        The keys read on the way are kept, so finding many keys of one object reads it once;
        the value of the key found is not skipped until a later key is looked for.
        """
        members, resume, unskipped = self.members.get(at, ({}, _space(self.text, at + 1), False))
        if name in members:
            return members[name]
        text = self.text
        position = self._next(resume) if unskipped and resume is not None else resume
        while position is not None and (member := _MEMBER.match(text, position)) is not None:
            key = member.group(1)
            if "\\" in key:
                key = _json_key(f'"{key}"')
            value_at = member.end()
            members.setdefault(key, (position, value_at))
            if key == name:
                self.members[at] = (members, value_at, True)
                return position, value_at
            position = self._next(value_at)
        self.members[at] = (members, None, False)
        return None

    def _next(self, value_at: int) -> int | None:
        """The offset of the member or item after the value at ``value_at`` (``None``: none follows)."""
        try:
            _, end = self.skip(self.text, value_at)
        except (StopIteration, ValueError):
            return None
        comma = _COMMA.match(self.text, end)
        return None if comma is None else comma.end()

    def _item(self, array: Location, at: int, index: int) -> tuple[int | None, int] | None:
        """The offset of item ``index`` of the array at ``at`` (from the furthest item reached)."""
        text = self.text
        first = _space(text, at + 1)
        count, at = self.items.get(array, (0, first))
        if count > index:  # an earlier item than the furthest reached: from the start again
            count, at = 0, first
        while count < index:
            following = self._next(at)
            if following is None:
                return None
            at, count = following, count + 1
        if text[at : at + 1] in ("]", ""):
            return None
        self.items[array] = (count, at)
        return None, at


def _space(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


class _Lines:
    """Line and column of character offsets in one text.

    The first few are counted in the text (one pass in C up to the offset); after that the
    start of every line is listed once, and each is found by bisection, so thousands of
    problems in a large text cost one pass, not one each.
    """

    COUNTED: Final = 8
    """How many offsets are counted before the lines are listed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted = 0
        self.starts: list[int] | None = None

    def at(self, offset: int) -> Position:
        if self.starts is None:
            if self.counted < self.COUNTED:
                self.counted += 1
                return line_column(self.text, offset)
            self.starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


# --- YAML --------------------------------------------------------------------------------


class _YamlPaths:
    """The paths of a YAML text, found by walking its node tree from the root on demand."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.mappings: dict[int, dict[object, tuple[Any, Any]]] = {}

    def get(self, path: Location) -> tuple[Position | None, Position] | None:
        """The positions of the key (if any) and the value at ``path``; ``None``: not there."""
        node, key = self.root, None
        if node is None:
            return None
        for part in path:
            if not isinstance(node.value, list):
                return None
            if isinstance(part, int):
                items = node.value
                if not 0 <= part < len(items) or isinstance(items[part], tuple):
                    return None
                node, key = items[part], None
                continue
            pair = self._pairs(node).get(part)
            if pair is None:
                return None
            key, node = _mark(pair[0]), pair[1]
        return key, _mark(node)

    def _pairs(self, node: Any) -> dict[object, tuple[Any, Any]]:
        """A mapping node's key and value nodes by key, made once per node (keys may repeat: first wins)."""
        found = self.mappings.get(id(node))
        if found is None:
            found = {}
            for pair in node.value:
                if isinstance(pair, tuple) and _hashable(pair[0].value):
                    found.setdefault(pair[0].value, pair)
            self.mappings[id(node)] = found
        return found


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _yaml_index(text: str) -> _YamlPaths:
    from .syntax import compose_yaml  # noqa: PLC0415 - the parsers load their own extras

    return _YamlPaths(compose_yaml(text))


def _mark(node: Any) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


# --- TOML --------------------------------------------------------------------------------

_TOML_TOKEN: Final = re.compile(
    r"""
    (?P<newline>\n)
    | [ \t\r]+
    | \#[^\n]*
    | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"+|'''.*?'''+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')
    | (?P<punct>[\[\]{},=])
    | (?P<bare>[^\s\[\]{},=\#"']+)
    """,
    re.VERBOSE | re.DOTALL,
)


class _Found(Exception):  # noqa: N818 - a signal inside the scan, never raised to callers
    """Every path the scan was asked for is in its index."""


class _TomlScan:
    """A light reading of a TOML text: where each table, key and value starts.

    Tokens are read as the scan goes; given ``wanted`` paths, it stops once it has them all.
    """

    def __init__(self, text: str, wanted: set[Location] | None = None) -> None:
        self.lines = _Lines(text)
        self.tokens = (
            (match.lastgroup, match.group(match.lastgroup), match.start())
            for match in _TOML_TOKEN.finditer(text)
            if match.lastgroup
        )
        self.next = next(self.tokens, None)
        self.index: Index = {(): (None, (1, 1))}
        self.arrays: dict[Location, int] = {}
        self.wanted = None if wanted is None else wanted - {()}

    def peek(self) -> tuple[str, str, int]:
        if self.next is None:
            raise IndexError("the text ends")
        kind, value, offset = self.next
        return str(kind), value, offset

    def take(self) -> tuple[str, str, int]:
        token = self.peek()
        self.next = next(self.tokens, None)
        return token

    def skip_newlines(self) -> None:
        while self.next is not None and self.next[0] == "newline":
            self.take()

    def record(self, path: Location, key: int | None, value: int) -> None:
        if path not in self.index:
            self.index[path] = (None if key is None else self.lines.at(key), self.lines.at(value))
            if self.wanted is not None:
                self.wanted.discard(path)
                if not self.wanted:
                    raise _Found

    def run(self) -> Index:
        if self.wanted is not None and not self.wanted:
            return self.index
        table: Location = ()
        while True:
            self.skip_newlines()
            if self.next is None:
                break
            kind, value, _ = self.peek()
            if kind == "punct" and value == "[":
                table = self.header()
            else:
                self.key_value(table)
        return self.index

    def header(self) -> Location:
        _, _, offset = self.take()
        many = self.peek()[1] == "["
        if many:
            self.take()
        parts = self.key_parts("]")
        self.take()
        if many:
            self.take()
        path: Location = ()
        for number, part in enumerate(parts):
            path = (*path, part)
            if number == len(parts) - 1 and many:
                self.arrays[path] = self.arrays.get(path, -1) + 1
                self.record(path, offset, offset)
            if path in self.arrays:
                path = (*path, self.arrays[path])
        self.record(path, offset, offset)
        return path

    def key_parts(self, end: str) -> list[str | int]:
        parts: list[str | int] = []
        while True:
            kind, value, _ = self.peek()
            if kind == "punct" and value == end:
                return parts
            self.take()
            if kind == "string":
                parts.append(value.strip("\"'"))
            else:
                parts.extend(part for part in value.split(".") if part)

    def key_value(self, table: Location) -> None:
        key_offset = self.peek()[2]
        parts = self.key_parts("=")
        self.take()
        path = (*table, *parts)
        for end in range(len(table) + 1, len(path)):
            self.record(path[:end], key_offset, key_offset)
        self.value(path, key_offset)

    def value(self, path: Location, key_offset: int | None) -> None:
        self.skip_newlines()
        kind, value, offset = self.take()
        self.record(path, key_offset, offset)
        if kind != "punct":
            return
        if value == "{":
            while self.peek()[1] != "}":
                if self.peek()[1] == ",":
                    self.take()
                    continue
                self.key_value(path)
            self.take()
        elif value == "[":
            number = 0
            while True:
                self.skip_newlines()
                if self.peek()[1] == "]":
                    self.take()
                    return
                if self.peek()[1] == ",":
                    self.take()
                    continue
                self.value((*path, number), None)
                number += 1


def _toml_index(text: str, wanted: set[Location] | None = None) -> Index:
    scan = _TomlScan(text, wanted)
    try:
        return scan.run()
    except _Found:
        return scan.index
    except (IndexError, RecursionError):  # text the scan does not follow: what it found so far
        return scan.index


def toml_too_deep(text: str, limit: int) -> Position | None:
    """Where a TOML text first nests a table or an array deeper than ``limit`` levels."""
    for path, (_, value) in _toml_index(text).items():
        if len(path) >= limit:
            return value
    return None


_INDEXERS: Final[dict[str, Callable[[str], Index | _YamlPaths | _JsonPaths]]] = {
    "json": _JsonPaths,
    "yaml": _yaml_index,
    "toml": _toml_index,
}
