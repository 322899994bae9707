"""One nesting limit and one size limit, the same through every entry point and text format."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
import yaml
from hypothesis import given
from hypothesis import strategies as st

from _hostile import parent_of, places
from runstrength import ValidationError, catalog, cli, from_dict, load, loads, to_dict
from runstrength._document.convert import MAX_DEPTH, MAX_NODES, deepest

FORMATS = ("json", "yaml", "toml")


def lists(count: int) -> object:
    """``1`` inside ``count`` nested lists: ``lists(2)`` is ``[[1]]``."""
    value: object = 1
    for _ in range(count):
        value = [value]
    return value


def nested_document(depth: int) -> dict[str, Any]:
    """The built-in workout with ``notes`` a list nested so the document is ``depth`` levels deep."""
    document = to_dict(catalog.get("tabata-protocol"))
    document["notes"] = lists(depth - 1)  # the document itself is the first level
    return document


def written(document: dict[str, Any], fmt: str) -> str:
    """The document as text in a format."""
    if fmt == "json":
        return json.dumps(document)
    if fmt == "yaml":
        return str(yaml.safe_dump(document))
    return tomli_w.dumps(document)


def codes(make: Any) -> set[str]:
    """The codes of the problems ``make`` raises."""
    with pytest.raises(ValidationError) as info:
        make()
    return {problem.code for problem in info.value.problems}


@pytest.mark.parametrize(("depth", "too_deep"), [(MAX_DEPTH, False), (MAX_DEPTH + 1, True)])
class TestNestingLimit:
    """A document nested to the limit reaches the rules; one level more is refused as too deep."""

    def test_from_dict(self, depth: int, too_deep: bool) -> None:  # noqa: FBT001
        """Plain data from Python."""
        assert too_deep == ("too_deep" in codes(lambda: from_dict(nested_document(depth))))

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_loads(self, depth: int, too_deep: bool, fmt: str) -> None:  # noqa: FBT001
        """Text in every format."""
        text = written(nested_document(depth), fmt)
        assert too_deep == ("too_deep" in codes(lambda: loads(text, fmt)))  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_load(self, depth: int, too_deep: bool, fmt: str, tmp_path: Path) -> None:  # noqa: FBT001
        """Files in every format."""
        path = tmp_path / f"deep.{fmt}"
        path.write_text(written(nested_document(depth), fmt), encoding="utf-8")
        assert too_deep == ("too_deep" in codes(lambda: load(path)))

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_cli(
        self,
        depth: int,
        too_deep: bool,  # noqa: FBT001 - a parameter of the table
        fmt: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The command line refuses the file (exit status 1) and names the problem's code."""
        path = tmp_path / f"deep.{fmt}"
        path.write_text(written(nested_document(depth), fmt), encoding="utf-8")
        assert 1 == cli.main(["validate", "--format", "json", str(path)])
        [report] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert too_deep == any(problem.get("code") == "too_deep" for problem in report["problems"])


@pytest.mark.parametrize("depth", [45, 999, 1001, 5000])
def test_yaml_nested_past_libyaml_is_placed_at_our_limit(depth: int) -> None:
    """However deep, a YAML document is refused where it passes `MAX_DEPTH`, not where libyaml gives up."""
    text = "a: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(ValidationError) as caught:
        loads(text, "yaml")
    [problem] = caught.value.problems
    assert ("too_deep", 1, len("a: ") + MAX_DEPTH) == (problem.code, problem.line, problem.column)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 199, 201, 999, 5000])
def test_json_nested_too_deep_is_placed_at_our_limit(depth: int) -> None:
    """However deep (past jiter's limit, past Python's recursion), JSON is refused at `MAX_DEPTH`."""
    text = '{"a": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(ValidationError) as caught:
        loads(text)
    [problem] = caught.value.problems
    assert ("too_deep", 1, len('{"a": ') + MAX_DEPTH) == (problem.code, problem.line, problem.column)


@pytest.mark.parametrize("tables", [0, 20, 30])
def test_toml_nested_too_deep_is_placed_at_our_limit(tables: int) -> None:
    """A TOML document nested past `MAX_DEPTH` (tables, then arrays) is refused where it passes it."""
    header = f"[{'.'.join(['a'] * tables)}]\n" if tables else ""
    arrays = MAX_DEPTH - tables + 1  # the root is the first level, each table one more
    text = header + "b = " + "[" * arrays + "]" * arrays + "\n"
    with pytest.raises(ValidationError) as caught:
        loads(text, "toml")
    [problem] = caught.value.problems
    expected = ("too_deep", 1 + bool(tables), len("b = ") + MAX_DEPTH - tables)
    assert expected == (problem.code, problem.line, problem.column)


@given(
    name=st.sampled_from(catalog.names()),
    choice=st.randoms(use_true_random=False),
    too_deep=st.booleans(),
    unknown_key=st.booleans(),
    missing_title=st.booleans(),
    bad_tag=st.booleans(),
)
def test_deep_nesting_anywhere_is_refused_as_that(  # noqa: PLR0917 - one parameter per thing drawn
    name: str,
    choice: random.Random,
    too_deep: bool,  # noqa: FBT001 - drawn by hypothesis
    unknown_key: bool,  # noqa: FBT001
    missing_title: bool,  # noqa: FBT001
    bad_tag: bool,  # noqa: FBT001
) -> None:
    """A short JSON text is walked for depth only where it was refused: deep nesting anywhere still shows.

    Wherever the nested lists stand (in place of any value, or under an unknown key, beside a
    ``type`` tag naming no class, which stops the reading of its mapping), and whatever else is
    wrong, ``loads`` reports ``too_deep`` exactly when ``from_dict`` (which walks the whole
    data) does.
    """
    document = to_dict(catalog.get(name))
    if missing_title:  # before the nesting is placed, so it is never placed at the title
        del document["title"]
    path = choice.choice(places(document))
    parent = parent_of(document, path)
    levels = len(path) + 1  # the value's own level; the document is the first, scalars add none
    if unknown_key and isinstance(parent, dict):
        key: Any = "extra"
    else:
        key = path[-1]
    if bad_tag and isinstance(parent, dict) and key != "type":
        parent["type"] = "no such type"
    parent[key] = lists(MAX_DEPTH + 1 - levels + (1 if too_deep else 0))
    text = json.dumps(document)
    assert ("too_deep" in codes(lambda: from_dict(document))) == too_deep
    try:
        loads(text)
    except ValidationError as error:
        refused = {problem.code for problem in error.problems}
    else:
        refused = set()
    assert too_deep == ("too_deep" in refused)


SPOILED_BESIDE: dict[str, Callable[[dict[str, Any]], None]] = {
    "an item's unknown type": lambda block: block["items"][0].update(
        type="no such type", extra=lists(MAX_DEPTH + 5)
    ),
    "an item's type that is no text": lambda block: block["items"][0].update(
        type=5, extra=lists(MAX_DEPTH + 5)
    ),
    "a dose of max_reps false": lambda block: block["items"][0]["exercises"][0].update(
        dose={"max_reps": False, "extra": lists(MAX_DEPTH + 5)}
    ),
    "a format's unknown type": lambda block: block.update(
        format={"type": "no such type", "extra": lists(MAX_DEPTH + 5)}
    ),
}
"""Mappings the collecting pass stops reading at one key (in fran's first block), with nesting
past the limit beside that key."""


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("spoil", sorted(SPOILED_BESIDE))
def test_deep_nesting_beside_a_key_that_stops_the_reading(spoil: str, fmt: str) -> None:
    """Nested too deep beside a ``type`` tag or dose key that stops the reading: too deep, as from_dict."""
    document = to_dict(catalog.get("fran"))
    SPOILED_BESIDE[spoil](document["blocks"][0])
    assert "too_deep" in codes(lambda: from_dict(document))
    text = written(document, fmt)
    assert "too_deep" in codes(lambda: loads(text, fmt))  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_problems_past_the_cap_are_counted_in_every_format(fmt: str) -> None:
    """Beyond the first problems, the rest are counted, through every text format as through from_dict."""
    document = to_dict(catalog.get("tabata-protocol"))
    document["blocks"][0]["items"] = [{}] * 1500  # each item lacks its name and dose
    with pytest.raises(ValidationError) as from_data:
        from_dict(document)
    with pytest.raises(ValidationError) as from_text:
        loads(written(document, fmt), fmt)  # type: ignore[arg-type]
    assert from_data.value.omitted > 0
    assert (len(from_data.value.problems), from_data.value.omitted) == (
        len(from_text.value.problems),
        from_text.value.omitted,
    )
    assert str(from_text.value).endswith(f"... and {from_text.value.omitted} more problems")


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_nesting_past_the_cap_is_refused_as_that(fmt: str) -> None:
    """Nesting too deep where only the count of problems reaches is still refused as too deep.

    The paths of problems past the cap are not kept, so the limits walk the whole document.
    (TOML is left out: tomli_w indents each nested list, so the text passes the size limit.)
    """
    document = to_dict(catalog.get("tabata-protocol"))
    document["blocks"][0]["items"] = [{} for _ in range(600)]  # 1200 problems in the first block
    notes = lists(MAX_DEPTH - 4)  # the notes are at the sixth level: n lists there reach 5 + n
    document["blocks"].append(
        {"name": "Deep", "items": [{"name": "Curl", "dose": {"reps": 5}, "notes": notes}]}
    )
    assert "too_deep" in codes(lambda: from_dict(document))
    assert "too_deep" in codes(lambda: loads(written(document, fmt), fmt))  # type: ignore[arg-type]


def _problems_in_all(make: Any) -> int:
    """How many problems ``make`` raises: those listed and those only counted."""
    with pytest.raises(ValidationError) as info:
        make()
    return len(info.value.problems) + info.value.omitted


@pytest.mark.parametrize("fmt", FORMATS)
def test_problems_past_the_cap_are_counted_exactly(fmt: str) -> None:
    """Every problem past the cap counts once: missing fields, bad values and unknown keys alike."""
    document = to_dict(catalog.get("tabata-protocol"))
    bad = {"name": "Curl", "dose": {"reps": 0}, "sets": 0}  # two bad values
    counts = []
    for items, unknown in ((100, 50), (900, 1500)):
        document["blocks"][0]["items"] = [{}] * items + [bad] * items  # each {} lacks two fields
        document["source"] = {"title": "T", **{f"extra{n}": 1 for n in range(unknown)}}
        counts.append(_problems_in_all(lambda: loads(written(document, fmt), fmt)))  # type: ignore[arg-type]
    assert counts[1] - counts[0] == 4 * (900 - 100) + (1500 - 50)


@pytest.mark.parametrize(
    ("line", "within", "place"),
    [
        # Each pair is a value in the root table: the one past the limit is placed at its "=".
        (lambda n: f"k{n} = {n}", MAX_NODES - 1, (MAX_NODES, len(f"k{MAX_NODES - 1} ="))),
        (lambda n: f"[t{n}]", MAX_NODES - 1, (MAX_NODES, 1)),  # each table a value
        # Each table of the array is a value and so is the array: the scan, counting only what
        # it sees (two brackets, one header), leaves the last one to the count after parsing.
        (lambda _: "[[t]]", MAX_NODES - 2, (None, None)),
    ],
    ids=["pairs", "tables", "array-of-tables"],
)
def test_toml_past_the_value_limit(
    line: Callable[[int], str], within: int, place: tuple[int | None, int | None]
) -> None:
    """A TOML text of `MAX_NODES` values with the root is within the limit; one more is refused.

    The scan before parsing finds the value that crosses the limit where it can.
    """
    text = "\n".join(line(n) for n in range(within))
    assert "too_large" not in codes(lambda: loads(text, "toml"))  # refused for what the workout lacks
    text += f"\n{line(within)}"
    with pytest.raises(ValidationError) as info:
        loads(text, "toml")
    assert [("too_large", *place)] == [(p.code, p.line, p.column) for p in info.value.problems]


def test_yaml_past_the_value_limit() -> None:
    """A YAML text of `MAX_NODES` values with the root is within the limit; one more is refused."""
    text = "\n".join(f"- {n}" for n in range(MAX_NODES - 1))  # the root list and its items
    assert codes(lambda: loads(text, "yaml")) == {"wrong_type"}  # not a mapping, but not too large
    text += f"\n- {MAX_NODES - 1}"
    assert codes(lambda: loads(text, "yaml")) == {"too_large"}


PLAIN = st.recursive(
    st.integers(0, 3) | st.text(max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("ab"), inner, max_size=2),
    max_leaves=8,
)
"""Plain data, as a parser gives it: mappings, lists and scalars."""


def _steps_into(value: object, part: object) -> bool:
    """Whether ``part`` names a value inside ``value``: a key it has, or an index within it."""
    if type(value) is dict:
        return part in value
    return type(value) is list and type(part) is int and 0 <= part < len(value)


class TestDeepest:
    """`deepest`: where a problem's path leads in refused data, for the limits walk."""

    @given(data=PLAIN, location=st.lists(st.integers(-1, 3) | st.sampled_from("ab"), max_size=4))
    def test_follows_the_longest_start_the_data_has(self, data: object, location: list[object]) -> None:
        """It follows the path as long as each step is a key or index the data has, then stops."""
        value, depth = deepest(data, tuple(location))  # type: ignore[arg-type] # ints and keys

        expected: Any = data
        for part in location[:depth]:
            assert _steps_into(expected, part)
            expected = expected[part]
        assert value is expected
        assert depth == len(location) or not _steps_into(value, location[depth])

    def test_an_index_one_past_the_end_stops(self) -> None:
        """An index equal to a list's length is outside it."""
        assert (["x"], 1) == deepest({"a": ["x"]}, ("a", 1))
