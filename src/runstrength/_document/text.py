"""Text formats of the document: JSON (stdlib), YAML and TOML (optional extras)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn, TypeAlias

from runstrength._errors import Problem, ValidationError
from runstrength._model import Workout

from .convert import MAX_SIZE, structure_workout, to_dict

if TYPE_CHECKING:
    from pathlib import Path  # loaded when a path is first read: `import runstrength` need not

DocumentFormat: TypeAlias = Literal["json", "yaml", "toml"]
FORMATS: Final[tuple[DocumentFormat, ...]] = ("json", "yaml", "toml")
SUFFIXES: Final[dict[str, DocumentFormat]] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
}
_INFINITY: Final = float("inf")


def _not_utf8(fmt: str, error: UnicodeDecodeError) -> ValidationError:
    from .syntax import syntax_problem  # noqa: PLC0415 - the parsers load when first used

    return syntax_problem(fmt, "syntax_error", f"not UTF-8 text ({error.reason} at byte {error.start})")


# --- JSON --------------------------------------------------------------------------------


def _write_json(data: dict[str, Any]) -> str:
    """``data`` as JSON indented by two spaces, then a line break.

    The text is what ``json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)``
    writes (keys are text in every document), in less than half the time: json indents in
    pure Python with a generator per value, while this quotes with json's own C function
    and joins once.
    """
    parts: list[str] = []
    _write_json_value(data, "", parts.append)
    parts.append("\n")
    return "".join(parts)


def _write_json_value(value: object, indent: str, write: Callable[[str], object]) -> None:
    if type(value) is str:
        write(_quote()(value))
    elif type(value) is dict:
        _write_json_members(value.items(), "{}", indent, write)
    elif type(value) is list or type(value) is tuple:
        _write_json_members(((None, item) for item in value), "[]", indent, write)
    elif value is None or value is True or value is False:
        write("null" if value is None else "true" if value else "false")
    elif type(value) is int or (type(value) is float and -_INFINITY < value < _INFINITY):
        write(repr(value))
    else:  # NaN, infinities and unusual types: json's own text, or its error
        import json  # noqa: PLC0415 - loaded when first needed

        write(json.dumps(value, ensure_ascii=False, allow_nan=False))


def _write_json_members(
    members: Iterable[tuple[str | None, object]], brackets: str, indent: str, write: Callable[[str], object]
) -> None:
    """An object's members (or an array's items, keyed ``None``), one per line, in ``brackets``."""
    inner = indent + "  "
    empty = True
    for key, item in members:
        write(f"{brackets[0]}\n{inner}" if empty else f",\n{inner}")
        if key is not None:
            write(f"{_quote()(key)}: ")
        _write_json_value(item, inner, write)
        empty = False
    write(brackets if empty else f"\n{indent}{brackets[1]}")


@cache
def _quote() -> Callable[[str], str]:
    from json.encoder import encode_basestring  # noqa: PLC0415 - json's C quoting, loaded when first needed

    quote: Callable[[str], str] = encode_basestring
    return quote


# --- YAML --------------------------------------------------------------------------------


def _write_yaml(data: dict[str, Any]) -> str:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    yaml = require("yaml", "yaml")
    text: str = yaml.dump(data, Dumper=_yaml_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return text


@cache
def _yaml_dumper() -> type[Any]:
    """PyYAML's safe dumper, quoting any text a YAML 1.1 or a YAML 1.2 reader would take for another type.

    Text such as ``012``, ``yes``, ``1:30``, ``1e3`` or ``2024-01-01`` is written in quotes, so
    the document reads back the same in any YAML reader, ours (1.2 core) included.
    """
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    from .syntax import yaml_loader  # noqa: PLC0415 - the parsers load their own extras

    yaml = require("yaml", "yaml")

    class Dumper(yaml.SafeDumper):  # type: ignore[misc,name-defined]
        """The safe dumper, with both schemas' implicit types."""

    for first, resolvers in yaml_loader().yaml_implicit_resolvers.items():
        for tag, pattern in resolvers:
            Dumper.add_implicit_resolver(tag, pattern, [first])
    Dumper.add_representer(str, _represent_text)
    dumper: type[Any] = Dumper
    return dumper


def _represent_text(dumper: Any, text: str) -> Any:
    """Text as PyYAML writes it, but double-quoted when it holds a next-line character (U+0085).

    PyYAML would write U+0085 raw inside single quotes, where a reader folds it into a space.
    """
    style = '"' if "\x85" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def integral(data: Any) -> Any:
    """Plain ``data`` with every whole float written as an integer: ``24.0`` reads back as ``24``.

    Documents and the identities of exported files (`runstrength._export.identity`) write whole
    numbers this way. Plain data only: dicts and lists, as `to_dict` gives them.
    """
    if type(data) is dict:
        return {key: integral(value) for key, value in data.items()}
    if type(data) is list:
        return [integral(value) for value in data]
    if type(data) is float and data.is_integer():
        return int(data)
    return data


# --- TOML --------------------------------------------------------------------------------


def _write_toml(data: dict[str, Any]) -> str:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    tomli_w = require("tomli_w", "toml")
    text: str = tomli_w.dumps(data)
    return text


_WRITERS: Final[dict[str, Callable[[dict[str, Any]], str]]] = {
    "json": _write_json,
    "yaml": _write_yaml,
    "toml": _write_toml,
}


def _check_format(fmt: str) -> None:
    if fmt not in _WRITERS:
        reason = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
        raise ValidationError([Problem((), reason, "unknown_format")])


def _expect(value: object, kind: type, what: str) -> None:
    """Raise a `TypeError` when a caller passes the wrong kind of value: a programming error."""
    if not isinstance(value, kind):
        _wrong_type(value, what)


def _wrong_type(value: object, what: str) -> NoReturn:
    msg = f"{what}, not {type(value).__name__}"
    raise TypeError(msg)


def format_of(path: str | Path) -> DocumentFormat:
    """The document format a file name's suffix stands for.

    Raises:
        ValidationError: the suffix is not .json, .yaml, .yml or .toml.
    """
    from pathlib import Path  # noqa: PLC0415 - see the import at the top

    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        reason = f"cannot tell the format of {str(path)!r}: expected a .json, .yaml, .yml or .toml file"
        raise ValidationError([Problem((), reason, "unknown_format")]) from None


def _decoded(text: object, fmt: str) -> str:
    """``loads``' text as it was given (a ``str`` subclass), or decoded from bytes."""
    from .syntax import TOO_LONG, syntax_problem  # noqa: PLC0415 - see _not_utf8

    if isinstance(text, str):  # a subclass of str
        return text
    if not isinstance(text, bytes | bytearray):
        _wrong_type(text, "loads() reads text (str or bytes)")
    _check_format(fmt)
    if len(text) > MAX_SIZE:
        raise syntax_problem(fmt, "too_large", TOO_LONG)
    try:
        return bytes(text).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_utf8(fmt, error) from None


def loads(text: str | bytes, format: DocumentFormat = "json") -> Workout:  # noqa: A002
    """Read a workout from a document's text.

    Args:
        text: the document (bytes are decoded as UTF-8).
        format: ``"json"``, ``"yaml"`` (extra ``yaml``) or ``"toml"``.

    Raises:
        ValidationError: the text is malformed, too large or nested too deeply, or the
            workout breaks a rule; every problem is listed with its path, its code, and its
            line and column in the text.
        MissingExtraError: the format needs an extra that is not installed.
        TypeError: ``text`` is neither text nor bytes.
    """
    # Bound as a module: a ``from`` import in a function pays for a lookup of ``__path__``.
    import runstrength._document.syntax as syntax  # noqa: PLC0415, PLR0402 - see _not_utf8

    if type(text) is not str:  # text (the usual case) goes straight on
        text = _decoded(text, format)
    if format not in _WRITERS:  # `_check_format`, without its call for a known format
        _check_format(format)
    if len(text) > MAX_SIZE:
        raise syntax.syntax_problem(format, "too_large", syntax.TOO_LONG)
    data, tree = syntax.parse(text, format, deferred=True)
    if format == "yaml" and tree is None:  # no document at all: nothing but comments, if anything
        reason = "the document is empty: expected a mapping with schema_version and the workout's fields"
        raise ValidationError([Problem((), reason, "wrong_type")])
    try:
        return structure_workout(data)
    except (ValidationError, RecursionError) as error:
        syntax.check_refused(data, text, format, error)  # what `parse` left to a refusal
        if isinstance(error, RecursionError):  # pragma: no cover - the limits stop deep data
            raise
        # Only now is the text read for positions: a valid document pays nothing for them.
        from .positions import locate  # noqa: PLC0415 - only for a refused document

        raise ValidationError(
            locate(error.problems, text, format, tree, data), omitted=error.omitted
        ) from None


def dumps(workout: Workout, format: DocumentFormat = "json") -> str:  # noqa: A002
    """Write a workout as a document's text; the same workout always gives the same text.

    A whole number held as a float is written as an integer (``24.0`` as ``24``), so equal
    workouts give equal text.

    Raises:
        ValidationError: ``format`` is not a format runstrength writes (``unknown_format``).
        MissingExtraError: the format needs an extra that is not installed.
        TypeError: ``workout`` is not a `Workout`.
    """
    _expect(workout, Workout, "dumps() writes a Workout")
    _check_format(format)
    return _WRITERS[format](integral(to_dict(workout)))


def load(path: str | Path, format: DocumentFormat | None = None) -> Workout:  # noqa: A002
    """Read a workout from a file; the format comes from the suffix unless given.

    Raises:
        ValidationError: as `loads`.
        OSError: the file cannot be read.
    """
    from pathlib import Path  # noqa: PLC0415 - see the import at the top

    fmt = format or format_of(path)
    _check_format(fmt)
    with Path(path).open("rb") as file:
        data = file.read(MAX_SIZE + 1)  # enough to know it is too large, never more
    return loads(data, fmt)


def dump(workout: Workout, path: str | Path, format: DocumentFormat | None = None) -> None:  # noqa: A002
    """Write a workout to a file (UTF-8); the format comes from the suffix unless given.

    The file is replaced atomically: a failed write leaves an existing file as it was.

    Raises:
        ValidationError: the format is unknown, given or told by the suffix (``unknown_format``).
        MissingExtraError: the format needs an extra that is not installed.
        OSError: the file cannot be written (its folder does not exist, say).
        TypeError: ``workout`` is not a `Workout`.
    """
    _expect(workout, Workout, "dump() writes a Workout")
    fmt = format or format_of(path)
    _check_format(fmt)
    from runstrength._files import write_atomic  # noqa: PLC0415 - loaded when a file is written

    write_atomic(path, dumps(workout, fmt))
