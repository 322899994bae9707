"""The benchmark scripts keep running and measure what they say they measure."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import shutil
import subprocess
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import runstrength

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
TINY = {"number": 1, "repeat": 1}


@pytest.fixture(scope="module")
def scripts() -> Iterator[None]:
    """The benchmarks folder on the import path, as when a script runs from it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield


@pytest.fixture(scope="module")
def bench(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The benchmark script, ``benchmarks/bench_document.py``."""
    return importlib.import_module("bench_document")


@pytest.fixture(scope="module")
def rejection(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The rejection benchmark, ``benchmarks/bench_rejection.py``."""
    return importlib.import_module("bench_rejection")


@pytest.fixture(scope="module")
def bounded(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The bounded-work benchmark, ``benchmarks/bench_bounded.py``."""
    return importlib.import_module("bench_bounded")


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
        """The imports are measured in fresh interpreters, by -X importtime and by wall clock.

        runstrength alone, attrs and cattrs alone, and runstrength with cattrs (which it
        loads when a workout is first written).
        """
        timings = bench.import_timings(runs=1)
        expected = [
            "import runstrength (-X importtime)",
            "import runstrength (wall clock)",
            "import attrs, cattrs (-X importtime)",
            "import attrs, cattrs (wall clock)",
            "import runstrength, cattrs (-X importtime)",
            "import runstrength, cattrs (wall clock)",
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


class TestCatalogueTimings:
    """Reading every built-in workout with runstrength and with pydantic."""

    def test_compares_every_built_in_workout(self, bench: ModuleType) -> None:
        """Each built-in workout gets one comparison, with its size and both positive costs."""
        texts = bench.catalogue_texts()
        comparisons = bench.catalogue_timings(texts, **TINY)
        assert list(runstrength.catalog.names()) == [c.name for c in comparisons]
        assert [len(text.encode()) for text in texts.values()] == [c.size for c in comparisons]
        assert all(c.ours > 0 and c.peer > 0 and c.unchecked > 0 and c.stdlib > 0 for c in comparisons)

    def test_unchecked_loading_skips_only_the_checks(self, bench: ModuleType) -> None:
        """With the checks off, a document still reads to its workout; an invalid one gets through."""
        workout = runstrength.catalog.get("fran")
        assert workout == bench.loads_unchecked(runstrength.dumps(workout))
        document = runstrength.to_dict(workout)
        document["blocks"][0]["rounds"] = 0
        with pytest.raises(runstrength.ValidationError):
            runstrength.from_dict(document)
        assert 0 == bench.loads_unchecked(json.dumps(document)).blocks[0].rounds

    def test_stdlib_loading_reads_without_jiter(self, bench: ModuleType) -> None:
        """The stdlib column reads each workout the same, without calling the fast parser."""
        from runstrength._document import syntax  # noqa: PLC0415 - the switch the column flips

        def refuse(_: bytes) -> object:
            raise AssertionError("the fast parser was called")

        workout = runstrength.catalog.get("fran")
        with syntax.reading_json_with(refuse):
            assert workout == bench.loads_stdlib(runstrength.dumps(workout))
            with pytest.raises(AssertionError, match="fast parser"):
                runstrength.loads(runstrength.dumps(workout))

    def test_table_ends_with_the_median_and_the_worst(self, bench: ModuleType) -> None:
        """The table lists each workout's ratio, then the median ratio and the worst one, named."""
        comparisons = [
            bench.Comparison("a", 100, 30.0, 10.0, 15.0, 35.0),
            bench.Comparison("b", 100, 10.0, 10.0, 8.0, 11.0),
            bench.Comparison("c", 100, 20.0, 10.0, 12.0, 24.0),
        ]
        lines = bench.catalogue_table(comparisons).splitlines()
        expected = (
            ["a", "100", "30.0", "10.0", "3.00", "15.0", "1.50", "35.0", "3.50"],
            (
                "median ratio 2.00, worst 3.00 (a); without the rules' checks: median 1.20, worst 1.50;"
                " with the stdlib parser: median 2.40, worst 3.50"
            ),
        )
        assert expected == (lines[4].split(), lines[-1])


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
        headings = (
            "Reading upper-body-for-runners",
            "Reading every built-in workout",
            "median ratio",
            "Writing",
            "Importing",
            "loads / pydantic",
            "import ratio",
            "function calls",
        )
        expected: tuple[int, list[str]] = (0, [])
        assert expected == (status, [heading for heading in headings if heading not in out])


class TestRejectionCases:
    """The documents the rejection benchmark reads, valid and invalid."""

    def test_one_bad_leaf_in_the_built_in_workout(self, rejection: ModuleType) -> None:
        """The valid text is the built-in workout; each invalid one has one problem, in a modified dose."""
        for case in rejection.one_bad_leaf():
            assert runstrength.catalog.get("upper-body-for-runners") == runstrength.loads(case.valid)
            with pytest.raises(runstrength.ValidationError) as refused:
                runstrength.loads(case.invalid)
            [problem] = refused.value.problems
            assert ("modifications", 0, "dose", "reps") == problem.location[6:10]

    def test_many_bad_leaves_one_per_exercise(self, rejection: ModuleType) -> None:
        """The large document is valid, and its copy has one problem per exercise."""
        case = rejection.many_bad_leaves(20_000, blocks=2, items=5)
        assert 2 == len(runstrength.loads(case.valid).blocks)
        with pytest.raises(runstrength.ValidationError) as refused:
            runstrength.loads(case.invalid)
        assert 10 == len(refused.value.problems)

    def test_the_large_document_fills_the_size_limit(self, rejection: ModuleType) -> None:
        """At full size, both texts are close to the documented 2 MiB without going over."""
        case = rejection.many_bad_leaves()
        assert all(1_900_000 < len(text) <= 2 * 1024 * 1024 for text in (case.valid, case.invalid))


class TestRejectionScript:
    """The rejection benchmark, as run from a shell."""

    def test_measures_and_prints_every_case(
        self, rejection: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The script times each case both ways and prints the worst ratio against the target."""
        status = rejection.main(["--number", "1", "--repeat", "1", "--large-repeat", "1", "--size", "20000"])
        out = capsys.readouterr().out
        rows = [line for line in out.splitlines() if line.startswith(("one bad leaf", "many bad leaves"))]
        expected = (0, 3, 1)
        assert expected == (status, len(rows), out.count("worst reject / accept"))


def _outcome(case: Any) -> str:
    """Read a case in this process: accepted, refused, or the exception that escaped."""
    try:
        runstrength.loads(case.text, case.format)
    except runstrength.ValidationError:
        return "refused"
    except Exception as error:  # noqa: BLE001 - any other exception is the failure looked for
        return type(error).__name__
    return "accepted"


class TestBoundedCases:
    """The adversarial documents of the bounded-work benchmark."""

    def test_only_validation_errors_escape(self, bounded: ModuleType) -> None:
        """Every small adversarial document, in any format, is accepted or refused by a ValidationError."""
        outcomes = {(case.name, case.format): _outcome(case) for case in bounded.cases(quick=True)}
        escaped = {
            where: outcome for where, outcome in outcomes.items() if outcome not in {"accepted", "refused"}
        }
        assert {} == escaped

    def test_full_size_documents_stay_within_the_size_limit(self, bounded: ModuleType) -> None:
        """At full size, every document is at most the documented 2 MiB, and each format has every case."""
        found = bounded.cases(quick=False)
        assert all(len(case.text) <= 2 * 1024 * 1024 for case in found)
        names = {fmt: [c.name for c in found if c.format == fmt] for fmt in ("json", "yaml", "toml")}
        assert names["json"] == names["toml"] == names["yaml"][: len(names["json"])]

    def test_small_documents_are_well_formed(self, bounded: ModuleType) -> None:
        """Each small case parses in its format, so its refusal comes from the rules or the limits."""
        malformed = []
        for case in bounded.cases(quick=True):
            try:
                runstrength.loads(case.text, case.format)
            except runstrength.ValidationError as error:
                if str(error).startswith(f"not valid {case.format.upper()}"):
                    malformed.append((case.name, case.format, str(error)))
        assert [] == malformed


class TestBoundedScript:
    """The bounded-work benchmark, as run from a shell."""

    def test_quick_run_reads_in_fresh_interpreters(
        self, bounded: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A quick run of one case reads it in each format, pydantic too for JSON, and finds nothing."""
        status = bounded.main(["--quick", "--only", f"nested lists × {bounded.MAX_DEPTH + 1}"])
        out = capsys.readouterr().out
        rows = [line for line in out.splitlines() if line.startswith("nested lists")]
        assert (0, 3) == (status, len(rows))
        assert "FINDING" not in out

    def test_child_reports_as_json(self, bounded: ModuleType) -> None:
        """The child reads one document and prints its outcome, time and peak memory as JSON."""
        case = bounded.Case("two items", "json", bounded.wide_items("json", 2, 1000))
        report = bounded.run("runstrength", case, timeout=120)
        assert ("refused", 4) == (report.outcome, report.problems)
        assert report.peak_mb > 0


class TestBoundedReport:
    """How the bounded-work benchmark judges what a child reported."""

    def test_no_answer_misses_the_time_target(self, bounded: ModuleType) -> None:
        """A child that does not answer in time misses the time target and is not compared with pydantic."""
        case = bounded.Case("slow", "json", "{}")
        row = bounded.Row(case, bounded.Report("timeout", seconds=60.0), bounded.Report("refused", cpu=0.1))
        assert ("no answer in 60 s", ["> 2 s"], None) == (row.ours.described, row.over, row.ratio)

    def test_other_exceptions_are_findings(self, bounded: ModuleType) -> None:
        """An exception other than ValidationError is listed as a finding; a refusal is not."""
        case = bounded.Case("deep", "yaml", "")
        rows = [
            bounded.Row(case, bounded.Report("error", error="RecursionError: too deep"), None),
            bounded.Row(case, bounded.Report("refused", problems=1), None),
        ]
        assert ["FINDING: deep (yaml) raised RecursionError: too deep"] == bounded.findings(rows)

    def test_ratio_is_of_processor_time(self, bounded: ModuleType) -> None:
        """The comparison with pydantic divides processor times, which a busy machine inflates less."""
        case = bounded.Case("c", "json", "{}")
        row = bounded.Row(
            case,
            bounded.Report("refused", seconds=9.0, cpu=0.3),
            bounded.Report("refused", seconds=1.0, cpu=0.1),
        )
        assert 3.0 == pytest.approx(row.ratio)

    def test_ratio_of_tiny_times_is_not_judged(self, bounded: ModuleType) -> None:
        """Under 10 ms of processor time the ratio is shown but misses no target."""
        case = bounded.Case("c", "json", "{}")
        row = bounded.Row(case, bounded.Report("refused", cpu=0.004), bounded.Report("refused", cpu=0.001))
        assert [] == row.over
        assert 4.0 == pytest.approx(row.ratio)


@pytest.fixture(scope="module")
def expansion(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The schedule builder's benchmark, ``benchmarks/bench_timeline.py``."""
    return importlib.import_module("bench_timeline")


class TestTimelineFloor:
    """The floor the schedule builder is measured against constructs exactly its segments."""

    @pytest.mark.parametrize("name", runstrength.catalog.names())
    def test_constructs_every_built_in_timeline_again(self, expansion: ModuleType, name: str) -> None:
        """By keyword and from ready dicts, the floor's segments equal the timeline's."""
        segments = runstrength.build_timeline(runstrength.catalog.get(name)).segments
        fields = [attrs.asdict(segment, recurse=False) for segment in segments]
        rebuilt = (expansion.by_keyword(segments), expansion.by_dict(fields))
        assert rebuilt == (list(segments), list(segments))

    def test_the_large_workout_is_what_is_timed(self, expansion: ModuleType) -> None:
        """Thousands of segments; ten times the rounds make about ten times as many."""
        once = len(runstrength.build_timeline(expansion.large_workout()))
        tenfold = len(runstrength.build_timeline(expansion.large_workout(rounds=100)))
        assert (once > 3000, round(tenfold / once)) == (True, 10)

    def test_interleaved_times_each_call_in_turn(self, expansion: ModuleType) -> None:
        """Each call runs ``number`` times per turn, ``repeat`` turns, in the order given."""
        order: list[str] = []
        best = expansion.interleaved(
            {"a": lambda: order.append("a"), "b": lambda: order.append("b")}, number=2, repeat=3
        )
        assert (list(best), order) == (["a", "b"], ["a", "a", "b", "b"] * 3)

    def test_prints_both_floors(self, expansion: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
        """The script gives the ratio to the keyword floor, with its target, and to the dict floor."""
        status = expansion.main(["--repeat", "1"])
        out = capsys.readouterr().out
        expected = ("constructing a Segment by keyword", "(target ≤ 2)", "from a ready dict", "ratio")
        assert (status, [part for part in expected if part not in out]) == (0, [])

    def test_ratios_divide_per_segment_costs(self, expansion: ModuleType) -> None:
        """Each ratio is the expansion's cost per segment over that floor's."""
        figures = expansion.Figures(
            built_in_micros=1.0,
            built_in_range_micros=1.0,
            built_in_segments=1,
            large_segments=1,
            segments_per_second=1.0,
            scaling=10.0,
            per_segment_micros=3.0,
            floor_micros=2.0,
            dict_floor_micros=1.5,
        )
        assert (figures.floor_ratio, figures.dict_floor_ratio) == (1.5, 2.0)


@pytest.fixture(scope="module")
def instructions(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The instruction-count benchmark, ``benchmarks/bench_instructions.py``."""
    return importlib.import_module("bench_instructions")


SMALLEST = min(
    runstrength.catalog.names(), key=lambda name: len(runstrength.dumps(runstrength.catalog.get(name)))
)
"""The built-in workout with the shortest document: the quickest to count under callgrind."""


class TestInstructionCounts:
    """``bench_instructions.py`` counts what each reader executes, one count per batch."""

    @pytest.mark.valgrind
    def test_counts_each_reader_on_a_workout(self, instructions: ModuleType, expansion: ModuleType) -> None:
        """Under callgrind: the rules add work to loading, and pydantic's count is of the same text.

        The timeline's count is per segment of the large workout: expanding does more than
        constructing the segments by keyword, which does more than constructing them from dicts.
        """
        if shutil.which("valgrind") is None:  # then the script says so, and what would help
            with pytest.raises(instructions.CountingError, match="valgrind is not installed"):
                instructions.counts([SMALLEST], number=1, warm_up=1)
            return
        (count,), timeline = instructions.counts([SMALLEST], number=2, warm_up=2, rounds=1)
        size = len(runstrength.dumps(runstrength.catalog.get(SMALLEST)).encode())
        assert (count.name, count.size) == (SMALLEST, size)
        assert count.loads > count.unchecked > 0
        assert count.pydantic > 0
        assert len(runstrength.build_timeline(expansion.large_workout(1))) == timeline.segments
        assert timeline.timeline > timeline.keyword > timeline.ready > 0

    def test_measure_runs_one_batch_per_reader_and_workout(
        self, instructions: ModuleType, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Warm-up calls first, then the readers' batches by workout, then the timeline's: one reduce each."""
        calls: list[tuple[str, int]] = []
        names = runstrength.catalog.names()[:2]
        readers = {
            reader: functools.partial(lambda r, t: calls.append((r, len(t))), reader) for reader in "abc"
        }
        reduced: list[int] = []
        real_reduce = functools.reduce

        def counting_reduce(function: Any, items: Any, start: Any) -> Any:
            reduced.append(len(calls))
            return real_reduce(function, items, start)

        expansions = {name: functools.partial(calls.append, (name, 0)) for name in ("x", "y")}
        monkeypatch.setattr(instructions, "CALLS", readers)
        monkeypatch.setattr(instructions, "timeline_calls", lambda rounds: expansions if rounds == 7 else {})
        monkeypatch.setattr(instructions.functools, "reduce", counting_reduce)
        instructions.measure(names, number=3, warm_up=1, rounds=7)
        sizes = [len(instructions.document_text(name)) for name in names]
        warm = [(reader, size) for size in sizes for reader in "abc"] + [("x", 0), ("y", 0)]
        batches = [(reader, size) for size in sizes for reader in "abc" for _ in range(3)]
        starts = list(range(len(warm), len(warm) + len(batches), 3))
        batches += [("x", 0), ("y", 0)]  # one call each: each makes thousands of segments
        assert (calls, reduced) == (warm + batches, [*starts, len(calls) - 2, len(calls) - 1])

    def test_timeline_calls_count_the_same_segments(self, instructions: ModuleType) -> None:
        """The floors construct again exactly the segments the expansion makes."""
        calls = instructions.timeline_calls(1)
        assert list(calls) == ["timeline", "keyword", "dict"] == list(instructions.TIMELINE)
        expanded = calls["timeline"]().segments
        assert expanded == tuple(calls["keyword"]()) == tuple(calls["dict"]())

    def test_reads_the_dumps_in_order(self, instructions: ModuleType, tmp_path: Path) -> None:
        """Dumps are read by their number (10 after 9), the final file without one is not a count."""
        for number, total in ((1, 5), (2, 7), (10, 3), (9, 4)):
            (tmp_path / f"out.{number}").write_text(f"version: 1\nsummary: {total}\ntotals: {total}\n")
        (tmp_path / "out").write_text("summary: 0\n")
        assert [5, 7, 4, 3] == instructions.summaries(tmp_path, "out")

    def test_a_dump_without_a_summary_is_refused(self, instructions: ModuleType, tmp_path: Path) -> None:
        """A file that is not callgrind's is an error that names it, not a count of nothing."""
        (tmp_path / "out.1").write_text("events: Ir\n")
        with pytest.raises(instructions.CountingError, match=r"out\.1 has no summary line"):
            instructions.summaries(tmp_path, "out")

    def test_table_gives_ratios_median_and_worst(self, instructions: ModuleType) -> None:
        """Each row divides by pydantic's count; the last line names the worst workout."""
        found = [
            instructions.Count("a", 10, loads=300.0, unchecked=200.0, pydantic=100.0),
            instructions.Count("b", 20, loads=200.0, unchecked=150.0, pydantic=100.0),
            instructions.Count("c", 30, loads=150.0, unchecked=120.0, pydantic=100.0),
        ]
        lines = instructions.table(found).splitlines()
        assert lines[3].split()[-3:] == ["3.00", "0.2", "2.00"]
        assert lines[-1].startswith("median ratio 2.00, worst 3.00 (a)")
        assert lines[-1].endswith("without the rules' checks: median 1.50")

    def test_timeline_table_gives_both_ratios(self, instructions: ModuleType) -> None:
        """Expanding's count per segment over the keyword floor's, and over the ready dicts'."""
        lines = instructions.timeline_table(instructions.TimelineCount(10, 300.0, 200.0, 150.0)).splitlines()
        assert lines[0] == "Timeline of the large workout (10 segments), instructions per segment:"
        assert lines[2].endswith("200: ratio 1.50 (target for the timed ratio ≤ 2)")
        assert lines[3].endswith("150: ratio 2.00")

    def test_main_without_valgrind_says_why(
        self, instructions: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No traceback: status 2, and what is missing."""
        monkeypatch.setattr(instructions.shutil, "which", lambda _: None)
        status = instructions.main([SMALLEST])
        assert (status, capsys.readouterr().err) == (
            2,
            "cannot count instructions: valgrind is not installed (on Debian: apt-get install valgrind)\n",
        )

    def test_main_refuses_an_unknown_workout(
        self, instructions: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown name is a usage error (status 2) naming it."""
        with pytest.raises(SystemExit) as exit_:
            instructions.main(["no-such-workout"])
        assert (exit_.value.code, "no built-in workout named no-such-workout" in capsys.readouterr().err) == (
            2,
            True,
        )


@pytest.fixture(scope="module")
def revision(scripts: None) -> ModuleType:  # noqa: ARG001 - imported from the scripts' folder
    """The before-and-after benchmark, ``benchmarks/bench_revision.py``."""
    return importlib.import_module("bench_revision")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)  # noqa: S603, S607 - git from PATH


class TestRevision:
    """``bench_revision.py`` times another revision's ``loads`` beside this tree's and the peer's."""

    @pytest.mark.parametrize("reader", ["loads", "pydantic"])
    def test_times_each_text_and_marks_the_refused(self, revision: ModuleType, reader: str) -> None:
        """A text the reader accepts gets its time per call; one it refuses gets none."""
        texts = {SMALLEST: runstrength.dumps(runstrength.catalog.get(SMALLEST)), "refused": "{}"}
        found = revision.time_reader(reader, texts, number=1, repeat=1)
        assert (list(found), found["refused"], found[SMALLEST] > 0) == ([SMALLEST, "refused"], None, True)

    def test_exports_the_named_revision(self, revision: ModuleType, tmp_path: Path) -> None:
        """The files as that revision has them, not as the working tree or a later commit does."""
        repository = tmp_path / "repository"
        repository.mkdir()
        _git(repository, "init", "-q")
        for text in ("first", "second"):
            (repository / "file.txt").write_text(text)
            _git(repository, "add", "file.txt")
            _git(repository, "-c", "user.name=a", "-c", "user.email=a@b.c", "commit", "-q", "-m", text)
        (repository / "file.txt").write_text("not committed")
        revision.export(repository, "HEAD~1", tmp_path / "out")
        assert "first" == (tmp_path / "out" / "file.txt").read_text()

    def test_an_unknown_revision_is_said_without_a_traceback(
        self, revision: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Status 2, and what git said about it."""
        status = revision.main(["no-such-revision"])
        error = capsys.readouterr().err
        assert (status, error.startswith("cannot export no-such-revision: ")) == (2, True), error

    def test_shares_this_environments_versions(self, revision: ModuleType) -> None:
        """The versions of attrs and cattrs (and of jiter, when installed) installed here."""
        expected = [f"{name}=={metadata.version(name)}" for name in ("attrs", "cattrs")]
        if importlib.util.find_spec("jiter") is not None:
            expected.append(f"jiter=={metadata.version('jiter')}")
        assert expected == revision.shared_requirements()

    def test_keeps_the_best_round(self, revision: ModuleType) -> None:
        """The least time per workout; none where any round refused the text."""
        rounds = [{"a": 3.0, "b": None, "c": 1.0}, {"a": 2.0, "b": 1.0, "c": 4.0}]
        assert {"a": 2.0, "b": None, "c": 1.0} == revision.best_of(rounds)

    def test_report_gives_ratios_medians_and_worsts(self, revision: ModuleType) -> None:
        """Each side over pydantic per workout, then each side's median and worst; the refused named."""
        timings = {
            "revision": {"a": 30.0, "b": 20.0, "c": 10.0, "d": None},
            "this tree": {"a": 20.0, "b": 20.0, "c": 30.0, "d": 5.0},
            "pydantic": {"a": 10.0, "b": 10.0, "c": 10.0, "d": 5.0},
        }
        lines = revision.report(timings).splitlines()
        assert [line.split() for line in lines[2:5]] == [
            ["a", "30.0", "3.00", "20.0", "2.00", "10.0"],
            ["b", "20.0", "2.00", "20.0", "2.00", "10.0"],
            ["c", "10.0", "1.00", "30.0", "3.00", "10.0"],
        ]
        assert lines[5:] == [
            "revision: median 2.00, worst 3.00 (a)",
            "this tree: median 2.00, worst 3.00 (c)",
            "left out (refused by a side): d",
        ]

    def test_worker_prints_its_timings_as_json(
        self, revision: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """What the comparing side reads back from each fresh process."""
        texts = tmp_path / "texts.json"
        texts.write_text(json.dumps({SMALLEST: runstrength.dumps(runstrength.catalog.get(SMALLEST))}))
        status = revision.main(["--worker", "loads", str(texts), "--number=1", "--repeat=1"])
        found = json.loads(capsys.readouterr().out)
        assert (status, list(found), found[SMALLEST] > 0) == (0, [SMALLEST], True)

    @pytest.mark.install
    def test_compares_a_revision_installed_on_its_own(
        self, revision: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """HEAD, installed in a new environment from the package index, against this tree, every workout."""
        status = revision.main(["HEAD", "--rounds=1", "--number=1", "--repeat=1"])
        lines = capsys.readouterr().out.splitlines()
        rows = {line.split()[0] for line in lines[4:-2]}
        assert (status, rows) == (0, set(runstrength.catalog.names())), lines
        assert [line.split(":")[0] for line in lines[-2:]] == ["revision", "this tree"]
