"""Text formats of the document: JSON (stdlib), YAML and TOML (optional extras)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

from runstrength._errors import Problem, ValidationError
from runstrength._model import Workout

from .convert import from_dict, structure_workout, to_dict

DocumentFormat: TypeAlias = Literal["json", "yaml", "toml"]
FORMATS: Final[tuple[DocumentFormat, ...]] = ("json", "yaml", "toml")
SUFFIXES: Final[dict[str, DocumentFormat]] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
}
_INFINITY: Final = float("inf")
MAX_SIZE: Final = 2 * 1024 * 1024
"""The largest document accepted: 2 MiB of UTF-8 (or as many characters)."""


def _too_large() -> ValidationError:
    return ValidationError([Problem((), f"document too large: more than {MAX_SIZE // 1024 // 1024} MiB")])


def _malformed(fmt: str, detail: object) -> ValidationError:
    return ValidationError([Problem((), f"not valid {fmt.upper()}: {detail}")])


# --- JSON --------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        msg = f"duplicate key {duplicate!r}"
        raise ValueError(msg)
    return result


def _json_constant(name: str) -> float:
    msg = f"{name} is not a number JSON allows"
    raise ValueError(msg)


def _parse_json(text: str) -> Any:
    import json  # noqa: PLC0415 - like the other parsers, loaded when first needed

    try:
        return json.loads(text, object_pairs_hook=_json_object, parse_constant=_json_constant)
    except json.JSONDecodeError as error:
        raise _malformed("json", f"{error.msg} (line {error.lineno}, column {error.colno})") from None
    except (ValueError, RecursionError) as error:
        raise _malformed("json", error if isinstance(error, ValueError) else "nested too deeply") from None


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


def _parse_yaml(text: str) -> Any:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    yaml = require("yaml", "yaml")

    class StrictLoader(yaml.SafeLoader):  # type: ignore[misc,name-defined]
        """Safe loading, refusing duplicate keys."""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:
                    continue
                if duplicate:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"found duplicate key {key!r}",
                        key_node.start_mark,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        raise _malformed("yaml", " ".join(str(error).split())) from None
    except (ValueError, RecursionError) as error:
        raise _malformed("yaml", error if isinstance(error, ValueError) else "nested too deeply") from None


def _write_yaml(data: dict[str, Any]) -> str:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    yaml = require("yaml", "yaml")
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return text


# --- TOML --------------------------------------------------------------------------------


def _parse_toml(text: str) -> Any:
    import tomllib  # noqa: PLC0415 - a stdlib parser few sessions need

    try:
        return tomllib.loads(text, parse_float=_toml_float)
    except (ValueError, RecursionError) as error:  # TOMLDecodeError is a ValueError
        raise _malformed("toml", error if isinstance(error, ValueError) else "nested too deeply") from None


def _toml_float(text: str) -> float:
    value = float(text)
    if not -_INFINITY < value < _INFINITY:  # NaN fails every comparison
        msg = f"{text} is not a finite number"
        raise ValueError(msg)
    return value


def _write_toml(data: dict[str, Any]) -> str:
    from runstrength._extras import require  # noqa: PLC0415 - with the optional format, not the package

    tomli_w = require("tomli_w", "toml")
    text: str = tomli_w.dumps(data)
    return text


_PARSERS: Final[dict[str, Callable[[str], Any]]] = {
    "json": _parse_json,
    "yaml": _parse_yaml,
    "toml": _parse_toml,
}
_WRITERS: Final[dict[str, Callable[[dict[str, Any]], str]]] = {
    "json": _write_json,
    "yaml": _write_yaml,
    "toml": _write_toml,
}


def _check_format(fmt: str) -> None:
    if fmt not in _PARSERS:
        reason = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
        raise ValidationError([Problem((), reason)])


def format_of(path: str | Path) -> DocumentFormat:
    """The document format a file name's suffix stands for.

    Raises:
        ValidationError: the suffix is not .json, .yaml, .yml or .toml.
    """
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        reason = f"cannot tell the format of {str(path)!r}: expected a .json, .yaml, .yml or .toml file"
        raise ValidationError([Problem((), reason)]) from None


def loads(text: str | bytes, format: DocumentFormat = "json") -> Workout:  # noqa: A002
    """Read a workout from a document's text.

    Args:
        text: the document (bytes are decoded as UTF-8).
        format: ``"json"``, ``"yaml"`` (extra ``yaml``) or ``"toml"``.

    Raises:
        ValidationError: the text is malformed or the workout breaks a rule; every
            problem is listed with its path.
        MissingExtraError: the format needs an extra that is not installed.
    """
    _check_format(format)
    if isinstance(text, bytes | bytearray):
        if len(text) > MAX_SIZE:
            raise _too_large()
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _malformed(format, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    if len(text) > MAX_SIZE:
        raise _too_large()
    data = _PARSERS[format](text)
    # YAML aliases can share one value many times over: count them. JSON and TOML cannot.
    return from_dict(data) if format == "yaml" else structure_workout(data)


def dumps(workout: Workout, format: DocumentFormat = "json") -> str:  # noqa: A002
    """Write a workout as a document's text; the same workout always gives the same text.

    Raises:
        MissingExtraError: the format needs an extra that is not installed.
    """
    _check_format(format)
    return _WRITERS[format](to_dict(workout))


def load(path: str | Path, format: DocumentFormat | None = None) -> Workout:  # noqa: A002
    """Read a workout from a file; the format comes from the suffix unless given.

    Raises:
        ValidationError: as `loads`.
        OSError: the file cannot be read.
    """
    fmt = format or format_of(path)
    _check_format(fmt)
    with Path(path).open("rb") as file:
        data = file.read(MAX_SIZE + 1)  # enough to know it is too large, never more
    return loads(data, fmt)


def dump(workout: Workout, path: str | Path, format: DocumentFormat | None = None) -> None:  # noqa: A002
    """Write a workout to a file (UTF-8); the format comes from the suffix unless given.

    The file is replaced atomically: a failed write leaves an existing file as it was.
    """
    fmt = format or format_of(path)
    _check_format(fmt)
    from runstrength._files import write_atomic  # noqa: PLC0415 - loaded when a file is written

    write_atomic(path, dumps(workout, fmt))
