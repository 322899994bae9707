import importlib.metadata
import importlib.resources
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import runstrength
from runstrength import MissingExtraError, RunstrengthError
from runstrength._extras import require

HEAVY = ("hypothesis", "yaml", "tomli_w", "pandas", "matplotlib", "numpy", "jiter")


ROOT = Path(__file__).resolve().parent.parent


def fresh(code: str) -> Any:
    """What ``code`` prints as JSON, run in a fresh interpreter (nothing imported yet)."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


class TestImport:
    """What ``import runstrength`` costs."""

    def test_imports_nothing_heavy(self) -> None:
        """Importing the package loads no optional or test dependency."""
        code = (
            "import json, sys, runstrength\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
        )
        expected: list[str] = []
        assert expected == fresh(code)

    def test_loads_little_beyond_attrs(self) -> None:
        """Besides its own modules, the package loads only what attrs does, and contextvars.

        pathlib (which loads urllib.parse on Python 3.11 and 3.12) loads when a file is first
        read, and urllib.parse when a URL is first doubted: both would add to the import time.
        """
        code = (
            "import json, sys, attrs\n"
            "before = set(sys.modules)\n"
            "import runstrength\n"
            "added = set(sys.modules) - before\n"
            "print(json.dumps(sorted(m for m in added if not m.startswith('runstrength'))))"
        )
        expected = ["_contextvars", "contextvars"]
        assert expected == fresh(code)

    def test_loads_features_on_first_use(self) -> None:
        """The catalogue, timeline, exports, schema and batch load when a name of theirs is first used."""
        later = [
            "runstrength._batch",
            "runstrength._export.ics",
            "runstrength._export.fit",
            "runstrength._document.schema",
        ]
        later += ["runstrength._timeline", "runstrength.catalog"]
        code = (
            "import json, sys, runstrength\n"
            f"before = [m for m in {later!r} if m in sys.modules]\n"
            "runstrength.build_timeline(runstrength.catalog.get('upper-body-for-runners'))\n"
            "after = 'runstrength._timeline' in sys.modules\n"
            "print(json.dumps([before, after, 'build_timeline' in dir(runstrength)]))"
        )
        expected = [[], True, True]
        assert expected == fresh(code)

    def test_loads_cattrs_when_first_writing(self) -> None:
        """Reading workouts never loads cattrs; writing one does, on first use."""
        code = (
            "import json, sys, runstrength\n"
            "workout = runstrength.catalog.get('upper-body-for-runners')\n"
            "read = 'cattrs' in sys.modules\n"
            "runstrength.dumps(workout)\n"
            "print(json.dumps([read, 'cattrs' in sys.modules]))"
        )
        expected = [False, True]
        assert expected == fresh(code)


class TestAll:
    """The public names."""

    def test_sorted(self) -> None:
        """``__all__`` is sorted as ruff sorts it: constants, then classes, then functions."""

        def key(name: str) -> tuple[int, str]:
            kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
            return kind, name

        assert sorted(runstrength.__all__, key=key) == runstrength.__all__

    def test_unique(self) -> None:
        """No name is listed twice."""
        assert len(set(runstrength.__all__)) == len(runstrength.__all__)

    @pytest.mark.parametrize("name", runstrength.__all__)
    def test_exists(self, name: str) -> None:
        """Every listed name is an attribute of the package."""
        assert hasattr(runstrength, name)

    @pytest.mark.parametrize("name", [n for n in runstrength.__all__ if callable(getattr(runstrength, n))])
    def test_documented(self, name: str) -> None:
        """Every public class and function has a docstring."""
        assert getattr(runstrength, name).__doc__

    def test_nothing_private_exported(self) -> None:
        """No private name is public."""
        expected: list[str] = []
        assert expected == [name for name in runstrength.__all__ if name.startswith("_")]


class TestDir:
    """``dir(runstrength)`` shows what the package offers, not what it imports to work."""

    def test_public_names_and_dunders(self) -> None:
        """Every public name, loaded or not, and the module's dunders; nothing else."""
        shown = dir(runstrength)
        assert set(runstrength.__all__) | {"__version__"} <= set(shown)
        assert [] == [name for name in shown if name not in runstrength.__all__ and not name.startswith("__")]
        assert shown == sorted(shown)


class TestVersion:
    """The package version."""

    def test_matches_metadata(self) -> None:
        """``__version__`` is the installed distribution's version."""
        assert importlib.metadata.version("runstrength") == runstrength.__version__

    def test_unknown_attribute(self) -> None:
        """Other missing attributes raise AttributeError as usual."""
        with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
            _ = runstrength.nonexistent  # type: ignore[attr-defined]


class TestTyped:
    """The package declares that it ships type information."""

    def test_py_typed_ships(self) -> None:
        """``py.typed`` sits in the package."""
        assert importlib.resources.files("runstrength").joinpath("py.typed").is_file()


class TestMissingExtra:
    """Features that need an optional dependency."""

    @pytest.mark.parametrize("extra", ["yaml", "toml", "pandas", "plot", "fit", "ics", "pdf"])
    def test_names_the_extra_and_what_it_installs(self, extra: str) -> None:
        """A missing module names the extra and what it brings, as pyproject lists it."""
        declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
        command = "pip install " + " ".join(f"'{requirement}'" for requirement in declared[extra])
        with pytest.raises(MissingExtraError) as info:
            require("runstrength_no_such_module.encoder", extra)
        assert (
            str(info.value)
            == f"this feature needs runstrength_no_such_module, from runstrength's {extra} extra: {command}"
        )

    def test_catchable(self) -> None:
        """The error is an ImportError and a RunstrengthError."""
        with pytest.raises(MissingExtraError) as info:
            require("runstrength_no_such_module", "fit")

        assert isinstance(info.value, ImportError)
        assert isinstance(info.value, RunstrengthError)

    def test_installed_module(self) -> None:
        """An installed module is returned."""
        assert json is require("json", "none")
