"""Reading and writing document text: limits, syntax problems, equal bytes, programming errors."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrength import (
    Block,
    Exercise,
    Load,
    LoadUnit,
    Reps,
    ValidationError,
    Workout,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    to_dict,
)
from runstrength._document.convert import MAX_DEPTH, MAX_NODES
from runstrength._document.syntax import parse
from runstrength.strategies import workouts

FORMATS: Final = ("json", "yaml", "toml")
SUFFIX: Final = {"json": ".json", "yaml": ".yaml", "toml": ".toml"}
JSON_PIECES: Final = (" ", "\n", "\t", "\r", "{", "}", "[", "]", ":", ",", '"a"', '"b"', "1", "x", "null")
"""Pieces of JSON text, put together in any order by `test_json_agrees_with_json_module`."""


def document(fmt: str, notes: str) -> str:
    """A small workout in ``fmt`` whose ``notes`` field holds ``notes``, written in that format."""
    if fmt == "json":
        blocks = '[{"name": "Main", "items": [{"name": "Curl", "dose": {"reps": 8}}]}]'
        return f'{{"schema_version": 1, "title": "T", "blocks": {blocks}, "notes": {notes}}}'
    if fmt == "yaml":
        blocks = "[{name: Main, items: [{name: Curl, dose: {reps: 8}}]}]"
        return f"schema_version: 1\ntitle: T\nblocks: {blocks}\nnotes: {notes}\n"
    return (
        f'schema_version = 1\ntitle = "T"\nnotes = {notes}\n'
        '[[blocks]]\nname = "Main"\n[[blocks.items]]\nname = "Curl"\ndose = {reps = 8}\n'
    )


def nested(levels: int) -> str:
    """Lists nested so that, as a document's ``notes``, the document has ``levels`` levels."""
    lists = levels - 1  # the document itself is the first level
    return "[" * lists + "]" * lists


def problems(text: str | bytes, fmt: str) -> tuple[Any, ...]:
    """The problems ``loads`` reports."""
    with pytest.raises(ValidationError) as caught:
        loads(text, fmt)  # type: ignore[arg-type]
    return caught.value.problems


class TestNestingLimit:
    """Every format and entry point refuses the same over-deep documents, the same way."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_at_the_limit(self, fmt: str) -> None:
        """A document of exactly 40 levels is read; only the field rule refuses the lists."""
        assert MAX_DEPTH == 40
        [problem] = problems(document(fmt, nested(MAX_DEPTH)), fmt)

        assert ("notes", "wrong_type") == (problem.path, problem.code)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_over_the_limit(self, fmt: str) -> None:
        """A document of 41 levels is refused as too deep, with from_dict's reason."""
        text = document(fmt, nested(MAX_DEPTH + 1))
        with pytest.raises(ValidationError) as caught:
            from_dict(json.loads(document("json", nested(MAX_DEPTH + 1))))
        [expected] = caught.value.problems

        [problem] = problems(text, fmt)

        assert ("(document)", "too_deep", expected.reason) == (problem.path, problem.code, problem.reason)
        assert problem.line is not None

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1])
    def test_load_agrees(self, tmp_path: Path, fmt: str, levels: int) -> None:
        """``load`` refuses exactly what ``loads`` refuses."""
        text = document(fmt, nested(levels))
        path = tmp_path / f"w{SUFFIX[fmt]}"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError) as caught:
            load(path)

        assert problems(text, fmt) == caught.value.problems

    @settings(max_examples=20)
    @given(workout=workouts())
    def test_valid_workouts_are_shallow(self, workout: Workout) -> None:
        """Any workout's document nests far less than the limit, so a valid JSON text needs no depth walk."""
        level: list[Any] = [to_dict(workout)]
        depth = 0
        while level:
            depth += 1
            level = [
                child
                for value in level
                for child in (value.values() if isinstance(value, dict) else value)
                if isinstance(child, dict | list)
            ]

        assert depth <= MAX_DEPTH // 2

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ("[" * 100_000 + "]" * 100_000, "json"),
            ("[" * 100_000 + "]" * 100_000, "yaml"),
            ("- " * 5_000 + "x", "yaml"),
            ("a = " + "[" * 100_000 + "]" * 100_000, "toml"),
            ("a = " + "{a = " * 50_000 + "1" + "}" * 50_000, "toml"),
            (".".join(["a"] * 50_000) + " = 1", "toml"),
            ("[" + ".".join(["a"] * 50_000) + "]", "toml"),
        ],
        ids=[
            "json",
            "yaml-flow",
            "yaml-block",
            "toml-arrays",
            "toml-inline-tables",
            "toml-dotted",
            "toml-table",
        ],
    )
    def test_very_deep_refused_as_too_deep(self, text: str, fmt: str) -> None:
        """Nesting far past the limit is refused as too deep, not as a crash or a recursion error."""
        [problem] = problems(text, fmt)

        assert "too_deep" == problem.code


def values(count: int) -> str:
    """A list that makes a document of ``count`` values when it is the document's only field."""
    return "[" + ", ".join(["1"] * (count - 2)) + "]"  # the document and the list are two


class TestSizeLimit:
    """Documents of more than 100 000 values are refused while they are read."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_at_and_over_the_limit(self, fmt: str) -> None:
        """100 000 values are read; one more is too large."""
        text = {"json": '{{"a": {}}}', "yaml": "a: {}\n", "toml": "a = {}\n"}[fmt]
        data, _ = parse(text.format(values(MAX_NODES)), fmt)
        assert MAX_NODES - 2 == len(data["a"])

        with pytest.raises(ValidationError) as caught:
            parse(text.format(values(MAX_NODES + 1)), fmt)
        [problem] = caught.value.problems
        assert ("too_large", f"document too large: more than {MAX_NODES} values") == (
            problem.code,
            problem.reason,
        )

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ("[" + "1," * 300_000 + "1]", "json"),
            ("[" + "1," * 300_000 + "1]", "yaml"),
            ("- 1\n" * 300_000, "yaml"),
            ("[" + "!!str a," * 150_000 + "a]", "yaml"),
            ("a: &a [1, 1]\nb: [" + "*a, " * 60_000 + "*a]\n", "yaml"),
            ("a = [" + "1," * 300_000 + "1]", "toml"),
            ("[[a]]\n" * 150_000, "toml"),
        ],
        ids=["json", "yaml-flow", "yaml-block", "yaml-tags", "yaml-aliases", "toml-array", "toml-tables"],
    )
    def test_refused_while_reading(self, text: str, fmt: str) -> None:
        """Far too many values are refused as too large without reading them all."""
        start = time.perf_counter()

        [problem] = problems(text, fmt)

        assert "too_large" == problem.code
        assert time.perf_counter() - start < 10

    def test_alias_bomb(self) -> None:
        """YAML aliases standing for billions of values are too large, and located."""
        bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        )
        [problem] = problems(bomb, "yaml")

        assert ("too_large", True) == (problem.code, problem.line is not None)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_too_long(self, fmt: str) -> None:
        """Text over 2 MiB is refused before it is parsed."""
        [problem] = problems(" " * (2 * 1024 * 1024 + 1), fmt)

        assert ("too_large", "document too large: more than 2 MiB") == (problem.code, problem.reason)


class TestSyntaxProblems:
    """Text that does not parse is one problem at ``$`` with a code, a line and a column."""

    @pytest.mark.parametrize(
        ("text", "fmt", "expected"),
        [
            ('{"title": "A",\n  "title": "B"}', "json", ("duplicate_key", 2, 3)),
            ('{"a": {"b": 1, "c": 2},\n "x": {"b": 1, "b": 2}}', "json", ("duplicate_key", 2, 16)),
            ('{"a": 1,\n "b": NaN}', "json", ("not_finite", 2, 7)),
            ('{"a": [1,\n  Infinity]}', "json", ("not_finite", 2, 3)),
            ('{"a": -Infinity}', "json", ("not_finite", 1, 7)),
            ('{"a": 1,\n "b": -1e400}', "json", ("not_finite", 2, 7)),
            ('{"a":\n ' + "9" * 5000 + "}", "json", ("number_too_long", 2, 2)),
            ('{"a": -' + "9" * 5000 + "}", "json", ("number_too_long", 1, 7)),
            ('{"a": 1,\n "b": }', "json", ("syntax_error", 2, 7)),
            (b'{"a": "\xff"}', "json", ("syntax_error", None, None)),
            ("a: 1\na: 2\n", "yaml", ("duplicate_key", 2, 1)),
            ("true: 1\nTrue: 2\n", "yaml", ("duplicate_key", 2, 1)),  # equal keys written apart
            ("x: 1\n1: a\n1.0: b\n", "yaml", ("duplicate_key", 3, 1)),
            ("a: [1, 2\nb: 3\n", "yaml", ("syntax_error", 2, 2)),
            ("a:\n  b: " + "9" * 5000 + "\n", "yaml", ("number_too_long", 2, 6)),
            ("a: 'x\n", "yaml", ("syntax_error", 2, 1)),
            ("a = 1\nb = nan\n", "toml", ("not_finite", 2, 5)),
            ("a = [1,\n  -inf]\n", "toml", ("not_finite", 2, 3)),
            ("a = 1e10\nb = [1, 2E+400]\n", "toml", ("not_finite", 2, 9)),
            ("a = 1\na = 2\n", "toml", ("duplicate_key", 2, 1)),
            ("x = 1\n  a.b = 1\n  a.b = 2\n", "toml", ("duplicate_key", 3, 3)),
            ("a = {b = 1, c = 2, b = 3}\n", "toml", ("duplicate_key", 1, 20)),
            ("[t]\nx = 1\n[t]\n", "toml", ("duplicate_key", 3, 1)),
            ("a = 1\nb = \n", "toml", ("syntax_error", 2, 5)),
            ("a = 1\nb = " + "9" * 5000 + "\n", "toml", ("number_too_long", 2, 5)),
        ],
    )
    def test_located(self, text: str | bytes, fmt: str, expected: tuple[str, int | None, int | None]) -> None:
        """The problem names what is wrong and where."""
        [problem] = problems(text, fmt)

        assert expected == (problem.code, problem.line, problem.column)
        assert "(document)" == problem.path
        assert problem.reason.startswith(f"not valid {fmt.upper()}: ")
        if problem.line is not None:
            assert problem.reason.endswith(f"(line {problem.line}, column {problem.column})")

    @pytest.mark.parametrize(
        ("text", "fmt", "reason"),
        [
            (
                '{"title": "A", "title": "B"}',
                "json",
                "not valid JSON: duplicate key 'title' (line 1, column 16)",
            ),
            (
                'title = "A"\ntitle = "B"\n',
                "toml",
                "not valid TOML: duplicate key 'title' (line 2, column 1)",
            ),
            ("a = {b = 1, b = 2}\n", "toml", "not valid TOML: duplicate key 'b' (line 1, column 13)"),
            ("[t]\n[t]\n", "toml", "not valid TOML: table [t] declared twice (line 2, column 1)"),
        ],
        ids=["json", "toml", "toml inline table", "toml table"],
    )
    def test_duplicate_key_named(self, text: str, fmt: str, reason: str) -> None:
        """The duplicate key is named, at the key given again."""
        [problem] = problems(text, fmt)

        assert reason == problem.reason

    @given(
        text=st.lists(st.sampled_from(JSON_PIECES), max_size=12).map("".join)
        | st.from_regex(r"[ \n]*(\{\}|\[\]|[0-9]|\x22a\x22)[ \t\n\r]*[\]\}x,]?[ \n]*", fullmatch=True),
    )
    def test_json_agrees_with_json_module(self, text: str) -> None:
        """Text ``json`` reads gives the same data; text it refuses, its message at its position."""
        try:
            expected: object = json.loads(text)
        except json.JSONDecodeError as error:
            expected = ("syntax_error", error.lineno, error.colno, f"not valid JSON: {error.msg} (")
        try:
            data, _ = parse(text, "json")
        except ValidationError as refused:
            [problem] = refused.problems
            found: object = (problem.code, problem.line, problem.column, problem.reason[: len(expected[3])])  # type: ignore[index]
        else:
            found = data
        if isinstance(found, tuple) and found[0] == "duplicate_key":  # what runstrength refuses besides json
            assume(False)
        assert expected == found


def whole(data: Any, *, as_float: bool) -> Any:
    """``data`` with every float rounded up to a whole number, kept a float or made an int."""
    if isinstance(data, dict):
        return {key: whole(value, as_float=as_float) for key, value in data.items()}
    if isinstance(data, list):
        return [whole(value, as_float=as_float) for value in data]
    if type(data) is float:
        return float(math.ceil(data)) if as_float else math.ceil(data)
    return data


class TestEqualWorkoutsEqualText:
    """Equal workouts are written as equal text."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_whole_float_written_as_integer(self, fmt: str) -> None:
        """``24.0`` kg is written as ``24``, like ``24`` kg."""
        as_int, as_float = (
            Workout(
                title="T",
                blocks=(
                    Block(
                        name="Main",
                        items=(
                            Exercise(name="Curl", dose=Reps(8), load=Load(amount=amount, unit=LoadUnit.KG)),
                        ),
                    ),
                ),
            )
            for amount in (24, 24.0)
        )

        assert as_int == as_float
        assert dumps(as_int, fmt) == dumps(as_float, fmt)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", FORMATS)
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], max_examples=15)
    @given(workout=workouts(max_blocks=2, max_items=3))
    def test_equal_workouts(self, fmt: str, workout: Workout) -> None:
        """A workout with whole floats and its twin with ints give the same text, and read back equal."""
        data = to_dict(workout)
        try:
            floats, ints = from_dict(whole(data, as_float=True)), from_dict(whole(data, as_float=False))
        except ValidationError:
            assume(False)  # rounding up took a number past its bound
            raise
        text = dumps(floats, fmt)  # type: ignore[arg-type]

        assert floats == ints
        assert text == dumps(ints, fmt)  # type: ignore[arg-type]
        assert floats == loads(text, fmt)  # type: ignore[arg-type]


class TestProgrammingErrors:
    """Passing the wrong kind of value is a TypeError, not a document problem."""

    @pytest.mark.parametrize("value", [None, {"title": "T"}, "workout", 1])
    def test_dumps(self, value: object) -> None:
        """``dumps`` writes workouts only."""
        with pytest.raises(TypeError, match=r"dumps\(\) writes a Workout, not "):
            dumps(value)  # type: ignore[arg-type]

    def test_dump(self, tmp_path: Path) -> None:
        """``dump`` writes workouts only, and writes nothing else."""
        path = tmp_path / "w.json"
        with pytest.raises(TypeError, match=r"dump\(\) writes a Workout, not NoneType"):
            dump(None, path)  # type: ignore[arg-type]
        assert not path.exists()

    @pytest.mark.parametrize("value", [123, None, ["{}"], Path("w.json")])
    def test_loads(self, value: object) -> None:
        """``loads`` reads text or bytes only."""
        with pytest.raises(TypeError, match=r"loads\(\) reads text \(str or bytes\), not "):
            loads(value)  # type: ignore[arg-type]
