import importlib
import io
import json
import pickle
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength import (
    Problem,
    ValidationError,
    ValidationResult,
    catalog,
    dumps,
    from_dict,
    loads,
    strategies,
    to_dict,
    validate_many,
)
from runstrength._batch import MAX_JOBS, read_jsonl
from runstrength._errors import MAX_PROBLEMS

BUILT_IN = catalog.get("upper-body-for-runners")
TEXT = dumps(BUILT_IN)
EMPTY = {"schema_version": 1, "title": "Empty"}
MISSING_BLOCKS = [Problem(("blocks",), "required field missing", "missing_field")]


def expected_result(index: int, document: object) -> ValidationResult:
    """What validating one document on its own gives."""
    try:
        workout = loads(document) if isinstance(document, str | bytes) else from_dict(document)
    except ValidationError as error:
        return ValidationResult(index=index, problems=error.problems, omitted=error.omitted)
    return ValidationResult(index=index, workout=workout)


MIXED: list[object] = [
    TEXT,
    TEXT.encode(),
    to_dict(BUILT_IN),
    json.dumps(EMPTY),
    EMPTY,
    "{",
    b"\xff\xfe",
    [],
    TEXT.replace('"reps": 8', '"reps": 8.5', 1),
    None,
] * 4


class Endless:
    """An endless supply of valid documents that fails when read past ``limit`` documents."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.read = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            if self.read >= self.limit:
                msg = f"read ahead too far: more than {self.limit} documents"
                raise AssertionError(msg)
            self.read += 1
            yield TEXT


class TestValidateMany:
    """Validating many documents in one pass."""

    def test_one_result_per_document_in_order(self) -> None:
        """Each document gets the result validating it alone gives, in input order, numbered from 0."""
        expected = [expected_result(index, document) for index, document in enumerate(MIXED)]
        assert expected == list(validate_many(MIXED))

    def test_valid_and_invalid(self) -> None:
        """A valid document's result holds its workout; an invalid one's, every problem and no workout."""
        valid, invalid = validate_many([TEXT, EMPTY])

        assert (0, True, BUILT_IN, ()) == (valid.index, valid.ok, valid.workout, valid.problems)
        assert (1, False, None) == (invalid.index, invalid.ok, invalid.workout)
        assert MISSING_BLOCKS == list(invalid.problems)

    @pytest.mark.parametrize(
        ("document", "path", "reason"),
        [
            (
                "{",
                "(document)",
                "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
            ),
            (b"\xff", "(document)", "not valid JSON: not UTF-8 text (invalid start byte at byte 0)"),
            (
                [],
                "(document)",
                "expected a mapping with schema_version and the workout's fields, got an empty list",
            ),
            (None, "(document)", "expected a mapping with schema_version and the workout's fields, got null"),
        ],
    )
    def test_unreadable_documents(self, document: object, path: str, reason: str) -> None:
        """Text that is not JSON, and data that is not a mapping, are problems of their document."""
        (result,) = validate_many([document])

        assert [(path, reason)] == [(problem.path, problem.reason) for problem in result.problems]

    def test_other_formats(self) -> None:
        """Text documents are read in the format given."""
        documents = [dumps(BUILT_IN, "yaml"), "title: [", dumps(BUILT_IN, "toml").encode()]
        oks = [result.ok for result in validate_many(documents, format="yaml")]

        assert [True, False, False] == oks

    def test_without_workouts(self) -> None:
        """``with_workouts=False`` keeps only the verdict and the problems."""
        results = list(validate_many([TEXT, EMPTY], with_workouts=False))

        expected = [ValidationResult(index=0), ValidationResult(index=1, problems=tuple(MISSING_BLOCKS))]
        assert expected == results

    def test_empty_input(self) -> None:
        """No documents, no results."""
        assert [] == list(validate_many([]))
        assert [] == list(validate_many([], jobs=2))

    def test_nothing_read_before_asked(self) -> None:
        """Creating the batch reads no document."""
        feed = Endless(limit=0)
        for jobs in (1, 2):
            with closing(validate_many(iter(feed), jobs=jobs)):
                assert 0 == feed.read

    def test_lazy_in_one_process(self) -> None:
        """In one process, taking three results reads exactly three documents of an endless input."""
        feed = Endless(limit=3)
        with closing(validate_many(iter(feed))) as results:
            taken = list(islice(results, 3))

        assert [0, 1, 2] == [result.index for result in taken]
        assert 3 == feed.read

    def test_bounded_read_ahead_in_processes(self) -> None:
        """With jobs, the input is read at most 2 × jobs × chunk_size documents ahead of the results."""
        jobs, chunk_size = 2, 3
        feed = Endless(limit=3 + 2 * jobs * chunk_size)
        with closing(validate_many(iter(feed), jobs=jobs, chunk_size=chunk_size)) as results:
            taken = list(islice(results, 3))

        assert [(0, True), (1, True), (2, True)] == [(result.index, result.ok) for result in taken]
        assert 3 <= feed.read

    def test_processes_give_the_same_results(self) -> None:
        """Validating in two processes gives exactly the results of one, in the same order."""
        documents = (document for document in MIXED)  # a generator: read once, as it comes

        expected = list(validate_many(MIXED))
        assert expected == list(validate_many(documents, jobs=2, chunk_size=3))

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ({"jobs": 0}, "jobs must be a whole number of at least 1, got 0"),
            ({"jobs": 1.5}, "jobs must be a whole number of at least 1, got 1.5"),
            ({"jobs": True}, "jobs must be a whole number of at least 1, got True"),
            ({"jobs": 33}, r"jobs must be at most 32 \(each process costs about 20 MB\), got 33"),
            ({"jobs": 2**31}, "jobs must be at most 32"),
            ({"chunk_size": 0}, "chunk_size must be a whole number of at least 1, got 0"),
            ({"format": "xml"}, "unknown format 'xml': expected one of json, yaml, toml"),
        ],
    )
    def test_bad_arguments(self, arguments: dict[str, Any], message: str) -> None:
        """Bad arguments are refused at once, before any document is read."""
        feed = Endless(limit=0)
        with pytest.raises(ValueError, match=message):
            validate_many(iter(feed), **arguments)

    def test_jobs_bounded_by_processors(self) -> None:
        """Asking for more jobs than processors (up to 32) works, and gives the same results."""
        assert list(validate_many(MIXED)) == list(validate_many(MIXED, jobs=MAX_JOBS, chunk_size=7))

    @settings(max_examples=max(10, settings().max_examples // 3))  # whole workouts, several per example
    @given(
        st.lists(
            st.one_of(
                strategies.workouts(max_blocks=1, max_items=2).map(to_dict),
                strategies.workouts(max_blocks=1, max_items=2).map(dumps),
                st.recursive(
                    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                    max_leaves=8,
                ),
            ),
            max_size=6,
        )
    )
    def test_any_documents(self, documents: list[object]) -> None:
        """Any mix of valid documents and arbitrary data gives each document its own result."""
        expected = [expected_result(index, document) for index, document in enumerate(documents)]
        assert expected == list(validate_many(documents))


class TestValidationResult:
    """The result of validating one document of a batch."""

    def test_ok_without_problems(self) -> None:
        """A result is ok exactly when it has no problems."""
        assert ValidationResult(index=0, workout=BUILT_IN).ok
        assert not ValidationResult(index=0, problems=tuple(MISSING_BLOCKS)).ok

    def test_omitted(self) -> None:
        """A document with more problems than are listed counts the rest, as ValidationError does."""
        items = [{"name": "Curl", "dose": {"reps": 0.5}}] * (MAX_PROBLEMS + 5)
        document = {"schema_version": 1, "title": "Big", "blocks": [{"name": "Main", "items": items}]}
        (result,) = validate_many([document], with_workouts=False)
        assert (MAX_PROBLEMS, 5) == (len(result.problems), result.omitted)

    def test_immutable(self) -> None:
        """A result cannot be changed."""
        result = ValidationResult(index=0)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.index = 1  # type: ignore[misc]

    def test_picklable(self) -> None:
        """A result survives pickling, workout and problems included."""
        for result in validate_many([TEXT, EMPTY]):
            assert result == pickle.loads(pickle.dumps(result))  # noqa: S301 - our own data


LINES = '{"a": 1}\n\n  \n{"b": 2}\r\n{"c": 3}'
NUMBERED = [(1, '{"a": 1}'), (4, '{"b": 2}'), (5, '{"c": 3}')]


class TestReadJsonl:
    """Reading the documents of a JSON Lines file."""

    def test_path(self, tmp_path: Path) -> None:
        """A file named by a path gives each non-blank line with its number, without line endings."""
        path = tmp_path / "workouts.jsonl"
        path.write_bytes(LINES.encode())

        assert NUMBERED == list(read_jsonl(path))
        assert NUMBERED == list(read_jsonl(str(path)))

    @pytest.mark.parametrize("file", [io.StringIO(LINES, newline=""), io.BytesIO(LINES.encode())])
    def test_open_file(self, file: io.StringIO | io.BytesIO) -> None:
        """An open text or binary file is read the same way."""
        assert NUMBERED == list(read_jsonl(file))

    @pytest.mark.parametrize("file", [io.StringIO("\ufeff{}\n{}\n"), io.BytesIO(b"\xef\xbb\xbf{}\n{}\n")])
    def test_byte_order_mark(self, file: io.StringIO | io.BytesIO) -> None:
        """A byte order mark opening the file is not part of the first document."""
        assert [(1, "{}"), (2, "{}")] == list(read_jsonl(file))

    def test_lines_that_are_not_utf8(self, tmp_path: Path) -> None:
        """A line that is not UTF-8 comes as bytes, and its document gets the problem."""
        path = tmp_path / "workouts.jsonl"
        path.write_bytes(TEXT.replace("\n", "").encode() + b"\n\xff{}\n")

        numbers, documents = zip(*read_jsonl(path), strict=True)
        results = list(validate_many(documents))

        assert (1, 2) == numbers
        assert b"\xff{}" == documents[1]
        assert [True, False] == [result.ok for result in results]
        assert "not UTF-8" in results[1].problems[0].reason

    def test_lazy(self) -> None:
        """Lines are read as they are asked for, so an endless stream works."""

        def endless() -> Iterator[str]:
            while True:
                yield "{}\n"

        assert [(1, "{}"), (2, "{}")] == list(islice(read_jsonl(endless()), 2))


# --- the batch benchmark ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    """The benchmark script, ``benchmarks/bench_batch.py``, imported as the script runs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
        yield importlib.import_module("bench_batch")


class TestBatchBenchmark:
    """The batch benchmark keeps working."""

    def test_catalogue_is_deterministic(self, bench: ModuleType) -> None:
        """The same seed gives the same catalogue, another seed another one."""
        first = list(bench.catalogue(30, seed=7))

        assert first == list(bench.catalogue(30, seed=7))
        assert first != list(bench.catalogue(30, seed=8))

    def test_catalogue_share_of_invalid_workouts(self, bench: ModuleType) -> None:
        """The catalogue's workouts are varied, and exactly the asked share is invalid."""
        results = list(validate_many(bench.catalogue(200, seed=1), with_workouts=True))

        assert 10 == sum(not result.ok for result in results)
        assert 190 == len({result.workout for result in results if result.ok})

    def test_each_breakage_breaks(self, bench: ModuleType) -> None:
        """Every way the catalogue breaks a workout makes the loader refuse it."""
        documents = [to_dict(BUILT_IN) for _ in bench.BREAKAGES]
        for breakage, document in zip(bench.BREAKAGES, documents, strict=True):
            breakage(document)

        assert [False] * len(documents) == [result.ok for result in validate_many(documents)]

    def test_measure(self, bench: ModuleType, tmp_path: Path) -> None:
        """A measurement reads every line of the file and counts the invalid workouts."""
        path = tmp_path / "catalogue.jsonl"
        bench.write_catalogue(path, 40, seed=2)

        figures = bench.measure(path, jobs=1)
        assert (1, True, 40, 2) == (figures.jobs, figures.with_workouts, figures.workouts, figures.invalid)
        assert 0 < figures.per_second
        assert 0 < figures.main_cpu_seconds

    def test_main(self, bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
        """The script prints the catalogue's size and a line per run."""
        assert 0 == bench.main(["--count", "20", "--jobs", "1"])

        out = capsys.readouterr().out
        assert "Catalogue: 20 workouts" in out
        assert "workouts/s" in out
        assert "main CPU s" in out
        assert "Invalid workouts found: 1" in out
