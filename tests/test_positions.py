"""Every problem in a document's text says where it is: line and column, in JSON, YAML and TOML."""

from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path
from typing import Final

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from _hostile import parent_of, places
from runstrength import ValidationError, catalog, from_dict, load, loads, to_dict
from runstrength._document.convert import MAX_NODES
from runstrength._document.positions import _Lines, json_nth_value, json_values, locate

JSON: Final = """{
  "schema_version": 1,
  "title": "Test",
  "targets": ["core", 5],
  "blocks": [
    {
      "name": "Main",
      "items": [
        {"name": "Curl", "dose": {"reps": 0}},
        {"dose": {"reps": 8}},
        {"name": "Row", "dose": {"rpes": 8}}
      ]
    }
  ]
}
"""
YAML: Final = """schema_version: 1
title: Test
targets: [core, 5]
blocks:
  - name: Main
    items:
      - name: Curl
        dose: {reps: 0}
      - dose:
          reps: 8
      - name: Row
        dose:
          rpes: 8
"""
TOML: Final = """schema_version = 1
title = "Test"
targets = ["core", 5]

[[blocks]]
name = "Main"

[[blocks.items]]
name = "Curl"
dose = {reps = 0}

[[blocks.items]]
dose.reps = 8

[[blocks.items]]
name = "Row"
[blocks.items.dose]
rpes = 8
"""
TEXTS: Final = {"json": JSON, "yaml": YAML, "toml": TOML}

# (path, line, column) of each problem of the documents above, in each format
EXPECTED: Final = {
    "json": [
        ("blocks[0].items[0].dose.reps", 9, 43),  # the value
        ("blocks[0].items[1].name", 10, 9),  # missing: the exercise that lacks it
        ("blocks[0].items[2].dose.rpes", 11, 34),  # unknown: the key
        ("targets[1]", 4, 23),  # a list item
    ],
    "yaml": [
        ("blocks[0].items[0].dose.reps", 8, 22),
        ("blocks[0].items[1].name", 9, 9),
        ("blocks[0].items[2].dose.rpes", 13, 11),
        ("targets[1]", 3, 17),
    ],
    "toml": [
        ("blocks[0].items[0].dose.reps", 10, 16),
        ("blocks[0].items[1].name", 12, 1),  # the table header
        ("blocks[0].items[2].dose.rpes", 18, 1),
        ("targets[1]", 3, 20),
    ],
}


def located(text: str, fmt: str) -> list[tuple[str, int | None, int | None]]:
    """The path, line and column of every problem ``loads`` reports."""
    with pytest.raises(ValidationError) as caught:
        loads(text, fmt)  # type: ignore[arg-type]
    return [(problem.path, problem.line, problem.column) for problem in caught.value.problems]


class TestFieldProblems:
    """Problems found by the model's rules point into the text."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_loads(self, fmt: str) -> None:
        """A bad value, a missing field, an unknown field and a bad list item are each located."""
        assert EXPECTED[fmt] == located(TEXTS[fmt], fmt)

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_load(self, tmp_path: Path, fmt: str) -> None:
        """``load`` locates problems in a file just as ``loads`` does in its text."""
        path = tmp_path / f"w.{fmt}"
        path.write_text(TEXTS[fmt], encoding="utf-8")
        with pytest.raises(ValidationError) as caught:
            load(path)

        assert EXPECTED[fmt] == [(p.path, p.line, p.column) for p in caught.value.problems]

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_reasons_unchanged(self, fmt: str) -> None:
        """Positions are added beside the reason, which stays as the rules word it."""
        with pytest.raises(ValidationError) as caught:
            loads(TEXTS[fmt], fmt)  # type: ignore[arg-type]

        assert "expected text, got 5" == caught.value.problems[-1].reason

    def test_root(self) -> None:
        """A document that is not a mapping is located at its start."""
        assert [("(document)", 2, 3)] == located("\n  []", "json")

    def test_json_escaped_key(self) -> None:
        """JSON keys written with escapes are matched by their value."""
        text = '{"schema_version": 1, "title": "T",\n "bl\\u006fcks": [], "\\u0074argets": [5]}'

        assert [("blocks", 2, 17), ("targets[0]", 2, 38)] == located(text, "json")

    def test_yaml_alias(self) -> None:
        """A value written through an alias is located where its anchor is."""
        text = """\
schema_version: 1
title: T
rest: &rest {seconds: -1}
blocks:
  - name: Main
    rest_between_rounds: *rest
    rounds: 2
    items: [{name: Curl, dose: {reps: 8}}]
"""
        problems = located(text, "yaml")

        assert ("blocks[0].rest_between_rounds.seconds", 3, 23) in problems
        assert ("rest", 3, 1) in problems

    def test_toml_inline_arrays(self) -> None:
        """TOML arrays of inline tables, over several lines, are followed item by item."""
        text = """\
schema_version = 1
title = "T"
blocks = [
  {name = "A", items = [{name = "Curl", dose = {reps = 8}}]},
  {name = "B", items = [
    {name = "Row", dose = {reps = 8}},
    {name = "Press", dose = {reps = 0}},
  ]},
]
"""
        assert [("blocks[1].items[1].dose.reps", 7, 37)] == located(text, "toml")

    def test_toml_dotted_keys(self) -> None:
        """TOML dotted keys, quoted keys and sub-tables are followed."""
        text = """\
schema_version = 1
title = "T"
source.title = "S"
source."credits" = [{name = "A", role = ""}]

[[blocks]]
name = "Main"
items = [{name = "Curl", dose.reps = 0}]
"""
        assert [
            ("blocks[0].items[0].dose.reps", 8, 38),
            ("source.credits[0].role", 4, 41),
        ] == located(text, "toml")


_JSON_SCALARS: Final = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5)
)
_JSON_VALUES: Final = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


class TestNthJsonValue:
    """`json_nth_value`, the quick way to the first value past the size limit."""

    @given(_JSON_VALUES, st.sampled_from([None, 1]), st.booleans())
    def test_agrees_with_the_walk(self, value: object, indent: int | None, escaped: bool) -> None:  # noqa: FBT001 - drawn
        """Each value's offset is the one the full walk gives, and past the last there is none."""
        text = json.dumps(value, indent=indent, ensure_ascii=escaped)
        expected = [offset for _, _, offset, _ in json_values(text)]
        assert expected == [json_nth_value(text, index) for index in range(len(expected))]
        assert json_nth_value(text, len(expected)) is None

    def test_too_many_values_located(self) -> None:
        """A document over the value limit is refused at the first value too many."""
        text = '{"schema_version": 1, "title": "T", "tags": [' + ", ".join(['"a"'] * MAX_NODES) + "]}"
        with pytest.raises(ValidationError) as refused:
            loads(text)
        (problem,) = refused.value.problems
        assert "too_large" == problem.code
        # The root, schema_version, title and the list come first: the item at MAX_NODES - 4 is
        # value MAX_NODES + 1, each item taking five characters ('"a", ').
        assert (1, text.index('"a"') + 5 * (MAX_NODES - 4) + 1) == (problem.line, problem.column)


class TestLines:
    """Line and column of offsets: counted for the first few, then looked up in a list of lines."""

    @given(
        st.text(st.sampled_from("ab\n\r"), max_size=60),
        st.lists(st.integers(min_value=0, max_value=60), max_size=3 * _Lines.COUNTED),
    )
    def test_same_either_way(self, text: str, offsets: list[int]) -> None:
        """Every offset, early or late, gets the line and column a reader counts by hand."""
        lines = _Lines(text)
        for offset in (min(offset, len(text)) for offset in offsets):
            before = text[:offset].split("\n")
            assert (len(before), len(before[-1]) + 1) == lines.at(offset)


class TestTomlScanStopsEarly:
    """Given the data, the TOML scan stops once it has every path it needs: the same positions."""

    @given(
        name=st.sampled_from(catalog.names()),
        choice=st.randoms(use_true_random=False),
        broken=st.integers(1, 4),
    )
    def test_same_positions(self, name: str, choice: random.Random, broken: int) -> None:
        """Problems placed with the data and without it (a full scan) land on the same lines and columns."""
        document = to_dict(catalog.get(name))
        for _ in range(broken):  # a few values replaced by a wrong one, a field removed or added
            path = choice.choice(places(document))
            parent = parent_of(document, path)
            if isinstance(parent, dict) and choice.random() < 0.3:
                parent["unknown"] = 1
            elif isinstance(parent, dict) and choice.random() < 0.3:
                del parent[path[-1]]
            else:
                parent[path[-1]] = "x" if not isinstance(parent[path[-1]], str) else 0
        text = tomli_w.dumps(document)
        data = tomllib.loads(text)
        try:
            from_dict(data)
        except ValidationError as error:
            problems = list(error.problems)
        else:
            return
        assert locate(problems, text, "toml") == locate(problems, text, "toml", data=data)
