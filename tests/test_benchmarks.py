"""The document benchmark keeps running, and its pydantic peer stays as strict as runstrength."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
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
def peer(benchmarks: tuple[ModuleType, ModuleType]) -> ModuleType:
    """The strict pydantic model of the document, ``benchmarks/_pydantic_peer.py``."""
    return benchmarks[1]


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


def _document(*items: dict[str, Any], **block: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Test",
        "blocks": [{"name": "Main", **block, "items": list(items)}],
    }


def _curl(**fields: Any) -> dict[str, Any]:
    return {"name": "Curl", "dose": {"reps": 8}, **fields}


def _pair(**fields: Any) -> dict[str, Any]:
    return {"type": "superset", "exercises": [_curl(), _curl(name="Row")], **fields}


VALID = {
    "plain": _document(_curl()),
    "rep range": _document(_curl(dose={"reps": {"min": 6, "max": 8}})),
    "seconds per side": _document(_curl(dose={"seconds": 30}, sides="each")),
    "distance": _document(_curl(dose={"distance": 1.5, "unit": "km"})),
    "max reps": _document(_curl(dose={"max_reps": True, "time_cap": 60})),
    "ladder over rounds": _document(_curl(dose={"ladder": [{"reps": 10}, {"reps": 8}]}), rounds=2),
    "superset": _document(_pair(rounds={"min": 2, "max": 3}, rest_between_rounds={"seconds": 60})),
    "intervals": _document(_curl(dose={"seconds": 20}), format={"type": "intervals", "work": 20, "rest": 10}),
    "emom": _document(_curl(), format={"type": "emom", "every": 60, "duration": 600}),
    "load and effort": _document(_curl(load={"amount": 12.5, "unit": "kg"}, effort={"rpe": 7})),
    "tempo": _document(_curl(tempo="3-1-X-0")),
}

INVALID = {
    "reps as text": _document(_curl(dose={"reps": "8"})),
    "fractional reps": _document(_curl(dose={"reps": 8.9})),
    "reps as true": _document(_curl(dose={"reps": True})),
    "no reps": _document(_curl(dose={"reps": 0})),
    "range upside down": _document(_curl(dose={"reps": {"min": 8, "max": 6}})),
    "two dose kinds": _document(_curl(dose={"reps": 8, "seconds": 30})),
    "unknown field": _document(_curl(rpes=8)),
    "unknown side": _document(_curl(sides="sideways")),
    "padded name": _document(_curl(name=" Curl")),
    "lonely superset": _document({"type": "superset", "exercises": [_curl()]}),
    "unknown item type": _document(_curl(type="circuit")),
    "ladder without matching rounds": _document(_curl(dose={"ladder": [{"reps": 10}, {"reps": 8}]})),
    "rest between single sets": _document(_curl(rest_between_sets={"seconds": 60})),
    "emom not a multiple": _document(_curl(), format={"type": "emom", "every": 60, "duration": 90}),
    "load unit without amount": _document(_curl(load={"unit": "kg"})),
    "wrong schema version": {**_document(_curl()), "schema_version": 2},
    "duplicate block names": {
        **_document(_curl()),
        "blocks": [{"name": "Main", "items": [_curl()]}, {"name": "Main", "items": [_curl()]}],
    },
}


class TestPydanticPeer:
    """The pydantic model the benchmark compares against."""

    def test_reads_and_writes_the_built_in_workout_like_runstrength(
        self, peer: ModuleType, text: str
    ) -> None:
        """The peer accepts the benchmarked document and writes back the data runstrength writes."""
        model = peer.Workout.model_validate_json(text)
        expected = runstrength.to_dict(runstrength.loads(text))
        assert expected == json.loads(model.model_dump_json(exclude_defaults=True))

    @pytest.mark.parametrize("document", VALID.values(), ids=VALID.keys())
    def test_accepts_what_runstrength_accepts(self, peer: ModuleType, document: dict[str, Any]) -> None:
        """A document runstrength reads, the peer reads too, and both write the same data back."""
        text = json.dumps(document)
        model = peer.Workout.model_validate_json(text)
        expected = runstrength.to_dict(runstrength.loads(text))
        assert expected == json.loads(model.model_dump_json(exclude_defaults=True))

    @pytest.mark.parametrize("document", INVALID.values(), ids=INVALID.keys())
    def test_refuses_what_runstrength_refuses(self, peer: ModuleType, document: dict[str, Any]) -> None:
        """A document runstrength refuses, the peer refuses too: the comparison is like for like."""
        text = json.dumps(document)
        with pytest.raises(runstrength.ValidationError):
            runstrength.loads(text)
        with pytest.raises(pydantic.ValidationError):
            peer.Workout.model_validate_json(text)
