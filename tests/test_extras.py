"""The optional extras: one per feature, and ``all`` for every feature at once."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).parent.parent / "pyproject.toml"
NOT_FEATURES = {"all", "test", "docs", "dev", "bench"}  # tooling, not features of the library


class TestAllExtra:
    """``pip install "runstrength[all]"`` brings every optional feature."""

    def test_every_feature(self) -> None:
        """The all extra names each feature extra, and nothing else."""
        extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
        (requirement,) = extras["all"]
        named = requirement.removeprefix("runstrength[").removesuffix("]").split(",")
        assert sorted(set(extras) - NOT_FEATURES) == sorted(named)


class TestDocumented:
    """Every feature extra is named where users choose what to install."""

    def test_in_the_readme_and_the_getting_started_page(self) -> None:
        """The README's install lines and the getting-started table name each feature extra."""
        extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
        readme = (PYPROJECT.parent / "README.md").read_text(encoding="utf-8")
        page = (PYPROJECT.parent / "docs" / "getting-started.md").read_text(encoding="utf-8")
        for extra in sorted(set(extras) - NOT_FEATURES):
            assert f'pip install ".[{extra}]"' in readme, extra
            assert f"| `{extra}` |" in page, extra
