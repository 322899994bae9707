"""The strict parsers of the text formats, and the limits they enforce while they read.

Every parser returns plain data (dicts, lists, text, numbers, flags, ``None``) or raises a
`ValidationError` with one problem at ``$`` that has a code and, when the text has one, the
line and column where the parser stopped:

``syntax_error``
    the text is not valid JSON, YAML or TOML (or not UTF-8);
``duplicate_key``
    a mapping names the same key twice;
``not_finite``
    in JSON and TOML, ``NaN``, an infinity, or a number too large to be finite (``1e400``);
    YAML 1.2 reads ``.nan`` and ``.inf`` as floats, which the model refuses at their field;
``number_too_long``
    an integer with more digits than Python reads (4300 by default);
``too_large``
    more than `MAX_SIZE` of text, or more than `MAX_NODES` values;
``too_deep``
    values nested more than `MAX_DEPTH` levels.

JSON is read by the standard library's parser, made strict with hooks. With the ``fast``
extra, `parse` for `runstrength.loads` first tries jiter (pydantic's compiled parser) with the
same strictness (no duplicate keys, no NaN or infinities, no lone surrogates): whatever it
refuses, the standard library's parser reads again, to name the problem and where it is. The one
thing jiter reads that the standard library refuses is a number too large to be finite (and an
integer longer than Python's limit, when that is set lower than jiter's 4300 digits); no rule of
the model accepts such a number, so a refused document is read again when a refused part holds
one (`check_refused`). ``RUNSTRENGTH_NO_JITER=1`` switches jiter off.

YAML is read with the YAML 1.2 core schema, as editors and JSON Schema tools read it:
``012`` is twelve, ``yes``, ``1:30``, ``1_000`` and ``2024-01-01`` are text, and only
``true``/``false`` (also ``True``/``TRUE``...) are flags.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Final, NoReturn

from runstrength._errors import Problem, ValidationError

from .convert import MAX_DEPTH, MAX_NODES, MAX_SIZE, TOO_DEEP, TOO_MANY, check_limits, refused_parts

if TYPE_CHECKING:
    import yaml

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_SIZE",
    "check_text_limits",
    "parse",
    "syntax_problem",
]

_INFINITY: Final = float("inf")
TOO_LONG: Final = f"document too large: more than {MAX_SIZE // 1024 // 1024} MiB"


class _Refusal(Exception):  # noqa: N818 - an internal signal, never raised to users
    """A problem found inside a parser's callback, carried out of the parser."""

    def __init__(self, code: str, reason: str, offset: int | None = None, node: Any = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.offset = offset
        self.mark = None if node is None else node.start_mark


def syntax_problem(
    fmt: str, code: str, detail: str, line: int | None = None, column: int | None = None
) -> ValidationError:
    """One problem at ``$`` about the text itself, located when ``line`` is given.

    Problems with the syntax read ``not valid JSON: <detail> (line 3, column 5)`` (or YAML,
    TOML); the limits (``too_large``, ``too_deep``) read the same in every format, and as
    `runstrength.from_dict` words them.
    """
    if code in {"too_large", "too_deep"}:  # the same reason as `runstrength.from_dict`'s
        reason = detail
    else:
        where = f" (line {line}, column {column})" if line is not None else ""
        reason = f"not valid {fmt.upper()}: {detail}{where}"
    return ValidationError([Problem((), reason, code=code, line=line, column=column)])


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _refuse(fmt: str, text: str, refusal: _Refusal) -> NoReturn:
    if refusal.mark is not None:
        line, column = refusal.mark.line + 1, refusal.mark.column + 1
        raise syntax_problem(fmt, refusal.code, refusal.reason, line, column) from None
    if refusal.offset is None:
        raise syntax_problem(fmt, refusal.code, refusal.reason) from None
    raise syntax_problem(fmt, refusal.code, refusal.reason, *line_column(text, refusal.offset)) from None


def parse(text: str, fmt: str, *, deferred: bool = False) -> tuple[Any, Any]:
    """The plain data a document's text holds, within the limits, or a located problem.

    Args:
        text: the document.
        fmt: ``"json"``, ``"yaml"`` or ``"toml"``.
        deferred: leave to the caller what only matters should the workout be refused;
            it then calls `check_refused` if it is. Any workout the converter accepts is
            far shallower than `MAX_DEPTH` (its types nest about 15 levels) and holds only
            finite numbers, so a JSON text too short to hold more than `MAX_NODES` values is
            not walked for depth, and is read with jiter when it is installed (which reads
            ``1e400`` as an infinity where the stdlib parser refuses it).

    Returns:
        The data, and for YAML the node tree it was built from (``None`` otherwise), which
        tells where each value is should the data be refused.

    Raises:
        ValidationError: one problem at ``$`` with a code (see the module's docstring).
    """
    if fmt == "yaml":  # the tree is checked while it is read
        return parse_yaml_tree(text)
    if deferred and fmt == "json" and (fast := _fast_json()) is not None:
        data = _parse_json_fast(fast, text)
    else:
        data = _PARSERS[fmt](text)
    if not (deferred and _defers_limits(text, fmt)):
        check_text_limits(data, text, fmt)
    return data, None


def _parse_json_fast(fast: Callable[[bytes], Any], text: str) -> Any:
    """JSON text read by ``fast``, or by `parse_json` when ``fast`` refuses it."""
    try:
        return fast(text.encode())
    except ValueError:  # refused (or lone surrogates, which UTF-8 cannot encode)
        pass
    return parse_json(text)  # the stdlib parser names the problem and where it is


def check_refused(data: object, text: str, fmt: str, error: ValidationError | RecursionError) -> None:
    """What `parse` with ``deferred`` left undone, for data the model refused with ``error``.

    Only the refused parts (`refused_parts`: the mappings and lists holding the problems'
    paths; the whole data after a `RecursionError`) can hold what the model never read:

    - a number jiter reads but the stdlib parser refuses (``1e400``, read as an infinity; an
      integer longer than a limit on digits set lower than jiter's 4300): the stdlib parser
      then reads the text again and raises its own problem (``not_finite``,
      ``number_too_long``), as it would have without jiter;
    - nesting deeper than `MAX_DEPTH`, in a text `parse` did not walk for depth.

    Raises:
        ValidationError: one problem at ``$``, located, when either is found.
    """
    read_fast, limits_left = fmt == "json" and _fast_json() is not None, _defers_limits(text, fmt)
    if not (read_fast or limits_left):  # `parse` did it all: the text was read and walked in full
        return
    parts = refused_parts(data, error) if isinstance(error, ValidationError) else None
    if read_fast and not _numbers_read_alike([data] if parts is None else [value for value, _ in parts]):
        parse_json(text)
    if limits_left:
        check_text_limits(data, text, fmt, parts)


_LONGEST_ALIKE: Final = 2000
"""Bits of the longest integer both parsers read whatever Python's limit on digits (at least 640)."""


def _numbers_read_alike(parts: Iterable[object]) -> bool:
    """Whether ``parts`` hold only numbers the stdlib parser reads as jiter does (finite, not huge)."""
    level: list[Any] = list(parts)
    while level:
        below: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is dict or kind is list:
                below.extend(value.values() if kind is dict else value)
            elif (kind is float and not -_INFINITY < value < _INFINITY) or (
                kind is int and value.bit_length() > _LONGEST_ALIKE
            ):
                return False
        level = below
    return True


FAST_JSON: Final = os.environ.get("RUNSTRENGTH_NO_JITER", "") != "1"
"""Whether `parse` tries jiter, when installed (``RUNSTRENGTH_NO_JITER=1``: never)."""


@cache
def _fast_json() -> Callable[[bytes], Any] | None:
    """`jiter_parser`, unless ``RUNSTRENGTH_NO_JITER=1`` switched it off."""
    return jiter_parser() if FAST_JSON else None


@contextmanager
def reading_json_with(parser: Callable[[bytes], Any] | None) -> Iterator[None]:
    """`parse` tries ``parser`` first for JSON (``None``: the stdlib parser alone) in the block.

    For tests and benchmarks that compare the two ways in one process (not thread-safe).
    """
    global _fast_json  # noqa: PLW0603 - swapped for the block, then restored
    saved = _fast_json
    _fast_json = lambda: parser  # type: ignore[assignment] # noqa: E731 - stands in for the cached function
    try:
        yield
    finally:
        _fast_json = saved


def jiter_parser() -> Callable[[bytes], Any] | None:
    """The parser of jiter, as strict as `parse_json`, if the ``fast`` extra is installed."""
    try:
        import jiter  # noqa: PLC0415 - optional, loaded when first needed
    except ImportError:
        return None
    from_json = jiter.from_json

    def parse_jiter(data: bytes) -> Any:  # a function: `partial` merges its keywords on every call
        return from_json(data, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys")

    return parse_jiter


def _defers_limits(text: str, fmt: str) -> bool:
    """Whether `parse` with ``deferred`` leaves the limits of ``text`` to `check_refused`."""
    # Each JSON value takes a character, and each but the first a separator or a bracket:
    # a text shorter than twice the limit cannot hold more values than the limit.
    return fmt == "json" and len(text) < 2 * MAX_NODES


def check_text_limits(
    data: object, text: str, fmt: str, parts: Iterable[tuple[object, int]] | None = None
) -> None:
    """`check_limits` for data read from ``text``, locating the problem in it.

    ``parts`` (each value with its depth) limit the walk to those parts of the data.
    """
    where = partial(_limit_offset, text, fmt)
    for part, depth in [(data, 0)] if parts is None else parts:
        check_limits(part, where, above=depth)


def _limit_offset(text: str, fmt: str, code: str) -> tuple[int, int] | None:
    """Where a text crosses a limit: the first value too deep, or the first value too many."""
    if fmt == "toml" and code == "too_deep":
        from .positions import toml_too_deep  # noqa: PLC0415 - only for a refused document

        return toml_too_deep(text, MAX_DEPTH)
    if fmt != "json":  # YAML's nodes carry their own marks
        return None
    if code == "too_large":
        from .positions import json_nth_value  # noqa: PLC0415 - only for a refused document

        offset = json_nth_value(text, MAX_NODES)
        return None if offset is None else line_column(text, offset)
    from .positions import json_values  # noqa: PLC0415 - only for a refused document

    for _, _, offset, depth in json_values(text):  # too deep: the first value past the limit
        if depth > MAX_DEPTH:
            return line_column(text, offset)
    return None  # pragma: no cover - the data came from this text


def _digit_limit() -> int:
    return sys.get_int_max_str_digits() or 4300


# --- JSON --------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Refusal("duplicate_key", f"duplicate key {duplicate!r}")
    return result


_JSON_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _json_constant(name: str) -> float:
    raise _Refusal("not_finite", f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    """A number's text as a float, refused when it is too large to be finite (``1e400``)."""
    value = float(text)
    if not -_INFINITY < value < _INFINITY:  # NaN fails every comparison
        raise _Refusal("not_finite", f"{text} is not a finite number")
    return value


@cache
def _json_scanner() -> Callable[[str, int], tuple[Any, int]]:
    """One strict scanner, made on first use: ``json.loads`` with hooks would make one per call."""
    import json  # noqa: PLC0415 - loaded when first needed

    decoder = json.JSONDecoder(
        object_pairs_hook=_json_object, parse_float=_finite, parse_constant=_json_constant
    )
    return json.scanner.make_scanner(decoder)  # type: ignore[arg-type] # typeshed names the class, not the context


_JSON_SPACE: Final = " \t\n\r"
"""The characters JSON allows around its values."""


def _scan_json(text: str) -> Any:
    """The value of a JSON text, as ``JSONDecoder.decode`` reads it, with two calls less.

    The scanner reads the value after any leading space; nothing but space may follow it.
    """
    import json  # noqa: PLC0415 - loaded when first needed

    start = len(text) - len(text.lstrip(_JSON_SPACE))
    try:
        data, end = _json_scanner()(text, start)
    except StopIteration as stop:  # no value where one begins
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None
    if end != len(text) and (rest := text[end:].lstrip(_JSON_SPACE)):
        raise json.JSONDecodeError("Extra data", text, len(text) - len(rest))
    return data


def parse_json(text: str) -> Any:
    """JSON text as plain data: no duplicate keys, no NaN or infinities, no over-long integers."""
    import json  # noqa: PLC0415 - like the other parsers, loaded when first needed

    try:
        return _scan_json(text)
    except json.JSONDecodeError as error:
        raise syntax_problem("json", "syntax_error", error.msg, error.lineno, error.colno) from None
    except _Refusal as refusal:
        refusal.offset = _json_offending(text, refusal.code)
        _refuse("json", text, refusal)
    except ValueError as error:  # an integer longer than Python reads
        reason = f"integer longer than {_digit_limit()} digits"
        _refuse("json", text, _Refusal("number_too_long", reason, _json_offending(text, "number_too_long")))
        raise AssertionError from error  # pragma: no cover - _refuse raises
    except RecursionError:
        raise _json_too_deep(text) from None


def _json_too_deep(text: str) -> ValidationError:
    position = _limit_offset(text, "json", "too_deep")
    line, column = position or (None, None)
    return syntax_problem("json", "too_deep", TOO_DEEP, line, column)


def _json_offending(text: str, code: str) -> int | None:
    """The offset of the first token that made JSON refuse a text with ``code``."""
    from .positions import json_values  # noqa: PLC0415 - only for a refused document

    digits = _digit_limit()
    keys: dict[tuple[str | int, ...], set[str]] = {}
    for path, key_offset, offset, _ in json_values(text):
        if code == "duplicate_key" and key_offset is not None:
            seen = keys.setdefault(path[:-1], set())
            if path[-1] in seen:
                return key_offset
            seen.add(str(path[-1]))
        if code == "not_finite" and text.startswith(("NaN", "Infinity", "-Infinity"), offset):
            return offset
        if (
            code == "not_finite"
            and (number := _JSON_NUMBER.match(text, offset))
            and math.isinf(float(number[0]))
        ):
            return offset
        too_long = re.match(rf"-?\d{{{digits + 1}}}", text[offset : offset + digits + 2])
        if code == "number_too_long" and too_long:
            return offset
    return None


# --- YAML --------------------------------------------------------------------------------

_YAML_TAG: Final = "tag:yaml.org,2002:"
_YAML_CORE: Final = (  # the YAML 1.2 core schema's implicit types, in the order they are tried
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+.0123456789",
    ),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
)


@cache
def _core(name: str) -> re.Pattern[str]:
    """The 1.2 core schema's pattern for ``int`` or ``float``, compiled on first use (not at import)."""
    return re.compile({kind: pattern for kind, pattern, _ in _YAML_CORE}[name])


def _yaml_module() -> Any:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    return require("yaml", "yaml")


@cache
def yaml_loader(*, libyaml: bool = True, marks: bool = False) -> type[yaml.SafeLoader]:
    """A loader reading YAML 1.2 core-schema values, within the limits, refusing duplicate keys.

    PyYAML with the YAML 1.1 implicit types replaced by the 1.2 core ones, on libyaml
    (``CSafeLoader``) when PyYAML has it and ``libyaml`` is true.  Measured on the built-in
    workout and on a 2 MiB document, this loader on libyaml reads about ten times faster
    than ruamel.yaml 0.19 (1.2 by default, but pure Python here) and six to ten times
    faster than on PyYAML's pure-Python loader, about as fast as PyYAML's own YAML 1.1
    ``CSafeLoader``: so PyYAML's C loader, with no new dependency.

    Both composers, libyaml's and PyYAML's, call ``descend_resolver`` before each node
    (tagged or not; aliases are not composed again): the values and the depth are counted
    there, and the document refused past `MAX_NODES` values or `MAX_DEPTH` levels before
    anything goes further (libyaml also refuses nesting past 1000 levels by itself).  The
    composed tree is then walked, aliases counted each time they appear, before anything
    is constructed (`_check_nodes`).  libyaml's composer gives no position while it
    composes; ``marks`` builds the loader that composes libyaml's events with PyYAML's
    composer, which does, to locate a document refused as too deep (a document refused as
    too large is not composed twice: its refusal has no position).
    """
    y = _yaml_module()
    fast = libyaml and getattr(y, "__with_libyaml__", False)
    bases: tuple[type[Any], ...] = (y.SafeLoader,)
    if fast:
        parts = (y.composer.Composer, y.cyaml.CParser, y.constructor.SafeConstructor, y.resolver.Resolver)
        bases = parts if marks else (y.CSafeLoader,)
    namespace: dict[str, Any] = {
        "__init__": _loader_init,
        "__doc__": "YAML 1.2 core-schema loading with the document limits.",
        "yaml_implicit_resolvers": {},
        "yaml_constructors": {},  # the core schema's tags only
        "construct_mapping": _construct_mapping,
        "descend_resolver": _counting_descend,
        "ascend_resolver": _counting_ascend,
        "has_marks": not fast or marks,
        # PyYAML's own, looked up once rather than on every node
        "yaml_construct_mapping": y.constructor.SafeConstructor.construct_mapping,
        "yaml_mapping_node": y.nodes.MappingNode,
    }
    loader: type[yaml.SafeLoader] = type("StrictLoader", bases, namespace)
    for name, pattern, first in _YAML_CORE:
        loader.add_implicit_resolver(_YAML_TAG + name, re.compile(f"^(?:{pattern})$"), list(first))
    safe = y.constructor.SafeConstructor
    for name, method in (
        ("null", _construct_null),
        ("bool", _construct_bool),
        ("int", _construct_int),
        ("float", _construct_float),
        ("str", safe.construct_yaml_str),
        ("seq", safe.construct_yaml_seq),
        ("map", safe.construct_yaml_map),
    ):
        loader.add_constructor(_YAML_TAG + name, method)
    loader.add_constructor(None, safe.construct_undefined)
    return loader


def _loader_init(loader: Any, stream: str) -> None:
    y = _yaml_module()
    bases = type(loader).__bases__
    if y.cyaml.CParser in bases:  # libyaml's events, PyYAML's composer
        y.cyaml.CParser.__init__(loader, stream)
        y.composer.Composer.__init__(loader)
        y.constructor.SafeConstructor.__init__(loader)
        y.resolver.Resolver.__init__(loader)
    else:
        bases[0].__init__(loader, stream)  # type: ignore[misc]
    loader.nodes = 1  # the root, which has no parent
    loader.depth = 0


def _counting_descend(loader: Any, parent: Any, index: Any) -> None:
    """Count a node about to be composed: a value unless it is a key; one level deeper.

    A scalar one level below the deepest allowed container is fine, so only a node two
    levels below is surely too deep here; `_check_nodes` judges the level in between.
    """
    loader.depth += 1
    if parent is not None and not (index is None and isinstance(parent, loader.yaml_mapping_node)):
        loader.nodes += 1
        if loader.nodes > MAX_NODES:
            raise _Refusal("too_large", TOO_MANY, node=loader.peek_event() if loader.has_marks else None)
    if loader.depth > MAX_DEPTH + 1:  # the parent, a container past the deepest level, is too deep
        raise _Refusal("too_deep", TOO_DEEP, node=parent if loader.has_marks else None)


def _counting_ascend(loader: Any) -> None:
    loader.depth -= 1


def _construct_mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002
    _refuse_duplicates(loader, node)
    mapping: dict[Any, Any] = loader.yaml_construct_mapping(node, deep=deep)
    return mapping


def _refuse_duplicates(loader: Any, node: Any) -> None:
    texts = {key.value for key, _ in node.value if key.tag == _TEXT_TAG and key.id == "scalar"}
    if len(texts) == len(node.value):
        return  # every key a different text (the common case): nothing to construct first
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in seen
        except TypeError:
            continue  # an unhashable key: PyYAML's own error follows
        if duplicate:
            raise _Refusal("duplicate_key", f"duplicate key {key!r}", node=key_node)
        seen.add(key)


_TEXT_TAG: Final = "tag:yaml.org,2002:str"


def _construct_null(_: Any, node: Any) -> None:
    if node.value not in {"", "~", "null", "Null", "NULL"}:
        raise _Refusal("syntax_error", f"{node.value!r} is not null", node=node)


def _construct_bool(_: Any, node: Any) -> bool:
    value = node.value
    if value not in _BOOLS:
        raise _Refusal("syntax_error", f"{value!r} is not true or false", node=node)
    return _BOOLS[value]


_BOOLS: Final = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _construct_int(_: Any, node: Any) -> int:
    value = node.value
    if not isinstance(value, str) or not _core("int").fullmatch(value):
        raise _Refusal("syntax_error", f"{value!r} is not an integer", node=node)
    if len(value.lstrip("+-")) > _digit_limit():
        raise _Refusal("number_too_long", f"integer longer than {_digit_limit()} digits", node=node)
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value)


_SPECIAL_FLOATS: Final = {".inf": _INFINITY, "+.inf": _INFINITY, "-.inf": -_INFINITY, ".nan": float("nan")}


def _construct_float(loader: Any, node: Any) -> float:
    value = node.value
    if isinstance(value, str) and _core("int").fullmatch(value):  # an explicit !!float 12 (or 0x10)
        return float(_construct_int(loader, node))
    if not isinstance(value, str) or not _core("float").fullmatch(value):
        raise _Refusal("syntax_error", f"{value!r} is not a number", node=node)
    return _SPECIAL_FLOATS.get(value.lower()) or float(value)


def _check_nodes(root: Any) -> None:
    """Refuse a composed YAML tree deeper than `MAX_DEPTH` or with more than `MAX_NODES` values.

    Level by level, like `check_limits`; an alias counts every time it appears, so a few
    lines of aliases cannot stand for billions of values.  Keys that are lists or mappings
    (which no workout has) count as values, so they are bounded too.
    """
    level = [root] if isinstance(root.value, list) else []
    nodes = 1
    depth = 0
    while level:
        if depth >= MAX_DEPTH:
            raise _Refusal("too_deep", TOO_DEEP, node=level[0])
        below: list[Any] = []
        for node in level:
            children = node.value
            if _is_mapping(node):
                children = [
                    part for pair in children for part in pair if part is pair[1] or _is_collection(part)
                ]
            nodes += len(children)
            if nodes > MAX_NODES:
                raise _Refusal("too_large", TOO_MANY, node=node)
            below.extend(child for child in children if _is_collection(child))
        level = below
        depth += 1


def _is_collection(node: Any) -> bool:
    return isinstance(node.value, list)


def _is_mapping(node: Any) -> bool:
    return bool(node.value) and isinstance(node.value[0], tuple)


def compose_yaml(text: str, *, libyaml: bool = True) -> Any:
    """The YAML node tree of a single-document text, checked against the limits."""
    loader = yaml_loader(libyaml=libyaml)(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_nodes(root)
        return root
    finally:
        loader.dispose()


def parse_yaml(text: str, *, libyaml: bool = True) -> Any:
    """YAML text as plain data, with YAML 1.2 core-schema values (see `yaml_loader`)."""
    return parse_yaml_tree(text, libyaml=libyaml)[0]


def _refusal_with_mark(text: str, *, libyaml: bool = True) -> _Refusal | None:
    """The same refusal as libyaml's composer's, from a composer that knows where it is.

    ``libyaml=False`` reads with PyYAML's own scanner too: libyaml's refuses nesting past
    1000 levels before any composer sees the 41st.
    """
    loader = yaml_loader(libyaml=libyaml, marks=True)(text)
    try:
        loader.get_single_node()
    except _Refusal as refusal:
        return refusal
    finally:
        loader.dispose()
    return None  # pragma: no cover - both composers count alike


def parse_yaml_tree(text: str, *, libyaml: bool = True) -> tuple[Any, Any]:
    """YAML text as plain data, and the node tree it was built from."""
    y = _yaml_module()
    loader = yaml_loader(libyaml=libyaml)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _check_nodes(root)
        return loader.construct_document(root), root
    except _Refusal as refusal:
        if refusal.mark is None and refusal.code == "too_deep":  # cheap to compose again, with marks
            refusal = _refusal_with_mark(text) or refusal
        _refuse("yaml", text, refusal)
    except y.MarkedYAMLError as error:
        raise _yaml_syntax_problem(text, error) from None
    except y.YAMLError as error:
        raise syntax_problem("yaml", "syntax_error", " ".join(str(error).split())) from None
    except RecursionError:  # pragma: no cover - the limits stop nesting long before
        raise syntax_problem("yaml", "too_deep", TOO_DEEP) from None
    finally:
        loader.dispose()


def _yaml_syntax_problem(text: str, error: Any) -> ValidationError:
    """The problem of a text PyYAML or libyaml could not read (a ``MarkedYAMLError``), where it is."""
    mark = error.problem_mark or error.context_mark
    detail = " ".join(str(error.problem or error.context or "").split()) or "malformed"
    if error.problem and error.context and error.context_mark and error.context_mark != mark:
        # "found unexpected end of stream" says little without what was open, and where.
        start = error.context_mark
        context = " ".join(str(error.context).split())
        detail += f" {context} that starts at line {start.line + 1}, column {start.column + 1}"
    code = "syntax_error"
    if "maximum nesting depth" in detail:  # libyaml's own limit, far above ours: find ours
        if (refusal := _refusal_with_mark(text, libyaml=False)) is not None:
            _refuse("yaml", text, refusal)
        code, detail = "too_deep", TOO_DEEP
    if mark is None:
        return syntax_problem("yaml", code, detail)
    return syntax_problem("yaml", code, detail, mark.line + 1, mark.column + 1)


# --- TOML --------------------------------------------------------------------------------


@cache
def _toml_at() -> re.Pattern[str]:
    return re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_duplicate(line: str, detail: str, column: int) -> tuple[str, int]:
    """A duplicate key's problem as JSON and YAML word it, at the key (`tomllib` points past the value).

    ``line`` is the text of the line `tomllib` names, ``detail`` its message, ``column``
    its column: a key or table header given again starts its line, and a key repeated in an
    inline table is the last of its name before ``column``.
    """
    inline = re.match(r"Duplicate inline table key '(.+)'$", detail)
    if inline is not None:
        key = inline[1]
        start = line.rfind(key, 0, column)
        return f"duplicate key {key!r}", (start + 1 if start >= 0 else column)
    start = len(line) - len(line.lstrip())
    head = line[start:]
    table = re.match(r"\[\[?\s*([^\]]+?)\s*\]", head)
    if table is not None:
        return f"table [{table[1]}] declared twice", start + 1
    key = head.split("=", 1)[0].strip()
    return (f"duplicate key {key!r}" if key else detail), start + 1


def parse_toml(text: str) -> Any:
    """TOML text as plain data: no NaN or infinities, no over-long integers.

    ``tomllib`` is pure Python, with no hook for limits, and reads arrays and inline tables
    recursively: a quick scan (`_scan_toml`) refuses the texts that are surely too deep or
    too large before it runs, and the data is checked exactly afterwards.
    """
    import tomllib  # noqa: PLC0415 - a stdlib parser few documents need

    _scan_toml(text)
    try:
        return tomllib.loads(text, parse_float=_finite)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _toml_at().search(message)
        detail = _toml_at().sub("", message).replace(" (at end of document)", " at the end")
        code = (
            "duplicate_key" if re.search(r"overwrite|[Cc]annot declare|Duplicate", detail) else "syntax_error"
        )
        if found is None:
            raise syntax_problem("toml", code, detail) from None
        line, column = int(found[1]), int(found[2])
        if code == "duplicate_key":  # tomllib counts lines by "\n" alone
            detail, column = _toml_duplicate(text.split("\n")[line - 1], detail, column)
        raise syntax_problem("toml", code, detail, line, column) from None
    except _Refusal as refusal:
        refusal.offset = _toml_not_finite(text)
        _refuse("toml", text, refusal)
    except ValueError:  # an integer longer than Python reads
        reason = f"integer longer than {_digit_limit()} digits"
        offset = _toml_offending(text, rf"[-+]?[0-9_]{{{_digit_limit() + 1},}}")
        _refuse("toml", text, _Refusal("number_too_long", reason, offset))
    except RecursionError:
        position = _limit_offset(text, "toml", "too_deep")
        raise syntax_problem("toml", "too_deep", TOO_DEEP, *(position or (None, None))) from None


@cache
def _toml_marks() -> re.Pattern[str]:
    """The marks `_scan_toml` looks at, and the strings and comments that hide them."""
    return re.compile(
        r'"""(?:[^\\]|\\.)*?"""'
        r"|'''.*?'''"
        r'|"(?:[^"\\\n]|\\.)*"'
        r"|'[^'\n]*'|#[^\n]*|[\[\]{},.=\n]",
        re.DOTALL,
    )


def _scan_toml(text: str) -> None:
    """Refuse a TOML text that surely nests too deeply or holds too many values, before parsing.

    Only brackets, braces, commas, dots in keys, equals signs and line breaks outside
    strings and comments are looked at.  Each ``=``, each table header and each comma in
    an array stands for at least one distinct value, and each open bracket or brace, and
    each dot of a key, for a level: lower bounds, so whatever the scan refuses is refused
    for the right reason.
    """
    if text.count("[") + text.count("{") + text.count(".") < MAX_DEPTH and (
        text.count(",") + text.count("=") < MAX_NODES
    ):
        return  # cannot be over either limit
    scan = _TomlScan()
    for match in _toml_marks().finditer(text):
        problem = scan.step(match.group())
        if problem:
            code, reason = problem
            raise syntax_problem("toml", code, reason, *line_column(text, match.start()))


class _TomlScan:
    """The state of `_scan_toml`: open brackets, values seen, and where keys are."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.values = 1
        self.previous = "\n"
        self.in_key = True
        self.key_dots = 0

    def step(self, mark: str) -> tuple[str, str] | None:
        """Take one mark; the code and reason of a limit it crosses, if any."""
        if len(mark) > 1:  # a string or a comment
            self.previous = mark[0]
            return None
        if mark == ".":
            self.key_dots += self.in_key
            return ("too_deep", TOO_DEEP) if self.key_dots + len(self.open) >= MAX_DEPTH else None
        if mark in "[{":
            header = not self.open and self.previous in "\n["
            self.open.append(mark)
            self.in_key, self.key_dots = header or mark == "{", 0
            self.values += header  # the second bracket of [[table]] is no header: counted once
            if len(self.open) >= MAX_DEPTH:
                return ("too_deep", TOO_DEEP)
        elif mark in "]}" and self.open:
            self.open.pop()
        elif mark == "=" or (mark == "," and self.open and self.open[-1] == "["):
            self.values += 1
        self.previous = mark
        if mark in "\n,":
            self.in_key, self.key_dots = not self.open or self.open[-1] == "{", 0
        elif mark == "=":
            self.in_key = False
        return ("too_large", TOO_MANY) if self.values > MAX_NODES else None


def _toml_offending(text: str, value: str) -> int | None:
    """The offset of the first value matching ``value`` after ``=``, ``[`` or ``,`` (best effort)."""
    found = re.search(rf"(?:=|\[|,)\s*({value})", text)
    return found.start(1) if found else None


def _toml_not_finite(text: str) -> int | None:
    """The offset of the first value that is no finite number: nan, inf or too large (best effort)."""
    for found in re.finditer(
        r"(?:=|\[|,)\s*([-+]?(?:nan|inf)\b|[-+]?[0-9][0-9_]*(?:\.[0-9_]+)?[eE][-+]?[0-9_]+)", text
    ):
        if not math.isfinite(float(found[1].replace("_", ""))):
            return found.start(1)
    return None


_PARSERS: Final[dict[str, Callable[[str], Any]]] = {
    "json": parse_json,
    "yaml": parse_yaml,  # for completeness: `parse` reads YAML with its tree
    "toml": parse_toml,
}
