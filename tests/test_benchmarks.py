"""The document benchmark keeps running, and its pydantic peer stays as strict as runstrength."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import runstrength

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
TINY = {"number": 1, "repeat": 1}


@pytest.fixture(scope="module")
def benchmarks() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The benchmark script and its pydantic peer, imported as the script imports them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module("bench_document"), importlib.import_module("_pydantic_peer")


@pytest.fixture(scope="module")
def bench(benchmarks: tuple[ModuleType, ModuleType]) -> ModuleType:
    """The benchmark script, ``benchmarks/bench_document.py``."""
    return benchmarks[0]


@pytest.fixture(scope="module")
def text(bench: ModuleType) -> str:
    """The benchmarked JSON text."""
    result: str = bench.document_text()
    return result


def _names(timings: list[Any]) -> list[str]:
    return [timing.name for timing in timings]


class TestDocumentText:
    """The document the benchmark reads and writes."""

    def test_is_the_built_in_workout(self, text: str) -> None:
        """The benchmarked text is the built-in workout's JSON document."""
        assert runstrength.catalog.get("upper-body-for-runners") == runstrength.loads(text)


class TestLoadsTimings:
    """The reading benchmark."""

    def test_times_every_reader(self, bench: ModuleType, text: str) -> None:
        """Reading is timed for json, runstrength and pydantic, each at a positive cost."""
        timings = bench.loads_timings(text, **TINY)
        expected = [
            "json.loads",
            "runstrength.from_dict (parsed)",
            "runstrength.loads",
            "pydantic model_validate_json",
        ]
        assert expected == _names(timings)
        assert all(timing.micros > 0 for timing in timings)


class TestDumpsTimings:
    """The writing benchmark."""

    def test_times_every_writer(self, bench: ModuleType, text: str) -> None:
        """Writing is timed for runstrength, json and pydantic, each at a positive cost."""
        timings = bench.dumps_timings(text, **TINY)
        expected = [
            "runstrength.to_dict",
            "json.dumps(to_dict) compact",
            "runstrength.dumps (indent 2)",
            "pydantic model_dump_json compact",
            "pydantic model_dump_json (indent 2)",
        ]
        assert expected == _names(timings)
        assert all(timing.micros > 0 for timing in timings)


class TestImportTimings:
    """The import-time benchmark."""

    def test_times_both_imports_two_ways(self, bench: ModuleType) -> None:
        """Both imports are measured in fresh interpreters, by -X importtime and by wall clock."""
        timings = bench.import_timings(runs=1)
        expected = [
            "import runstrength (-X importtime)",
            "import runstrength (wall clock)",
            "import attrs, cattrs (-X importtime)",
            "import attrs, cattrs (wall clock)",
        ]
        assert expected == _names(timings)
        assert all(timing.micros > 0 for timing in timings)


class TestProfileLoads:
    """The profile of loading."""

    def test_lists_the_loaders_functions(self, bench: ModuleType, text: str) -> None:
        """The profile is cProfile's report of runstrength.loads, limited to the top functions."""
        report = bench.profile_loads(text, calls=1, top=1000)
        assert "text.py" in report
        assert "(loads)" in report
        assert "to 3 due to restriction" in bench.profile_loads(text, calls=1, top=3)


class TestTable:
    """The printed table of timings."""

    def test_shows_each_ratio_to_the_baseline(self, bench: ModuleType) -> None:
        """Each row shows its cost and its multiple of the baseline."""
        timings = [bench.Timing("floor", 10.0), bench.Timing("ours", 25.0)]
        rows = bench.table("Reading", timings, baseline="floor").splitlines()[2:]
        expected = [["floor", "10.0", "1.00"], ["ours", "25.0", "2.50"]]
        assert expected == [row.split() for row in rows]

    def test_milliseconds(self, bench: ModuleType) -> None:
        """With unit ms, costs are shown in milliseconds."""
        timings = [bench.Timing("import", 1500.0)]
        rows = bench.table("Importing", timings, baseline="import", unit="ms").splitlines()
        expected = ["import", "1.5", "1.00"]
        assert expected == rows[2].split()


class TestRatio:
    """The ratio of two timings."""

    def test_divides_named_timings(self, bench: ModuleType) -> None:
        """The ratio of two timings is found by their names."""
        timings = [bench.Timing("a", 30.0), bench.Timing("b", 12.0)]
        expected = 2.5
        assert expected == bench.ratio(timings, "a", "b")


class TestMain:
    """The script as run from a shell."""

    def test_prints_every_table_and_ratio(
        self, bench: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The script prints the three tables, both ratios and, when asked, the profile."""
        status = bench.main(["--number", "1", "--repeat", "1", "--import-runs", "1", "--profile"])
        out = capsys.readouterr().out
        headings = ("Reading", "Writing", "Importing", "loads / pydantic", "import ratio", "function calls")
        expected: tuple[int, list[str]] = (0, [])
        assert expected == (status, [heading for heading in headings if heading not in out])
