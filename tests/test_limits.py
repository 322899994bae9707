"""One nesting limit and one size limit, the same through every entry point and text format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import tomli_w
import yaml

from runstrength import ValidationError, catalog, cli, from_dict, load, loads, to_dict
from runstrength._document.convert import MAX_DEPTH

FORMATS = ("json", "yaml", "toml")


def nested_document(depth: int) -> dict[str, Any]:
    """The built-in workout with ``notes`` a list nested so the document is ``depth`` levels deep."""
    document = to_dict(catalog.get("tabata-protocol"))
    value: object = 1
    for _ in range(depth - 1):  # the document itself is the first level
        value = [value]
    document["notes"] = value
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
