import pickle

import pytest

from runstrength import MissingExtraError, Problem, RunstrengthError, UnknownNameError, ValidationError


class TestProblem:
    """A problem's location, rendered as a path."""

    @pytest.mark.parametrize(
        ("location", "path"),
        [
            ((), "(document)"),
            (("title",), "title"),
            (("blocks", 1), "blocks[1]"),
            (("blocks", 1, "items", 0, "dose", "reps"), "blocks[1].items[0].dose.reps"),
            (
                ("blocks", 0, "items", 12, "exercises", 3, "cues", 0),
                "blocks[0].items[12].exercises[3].cues[0]",
            ),
            (("source", "credits", 0, "name"), "source.credits[0].name"),
            (("dose", "ladder", 1, 0), "dose.ladder[1][0]"),
        ],
    )
    def test_path(self, location: tuple[str | int, ...], path: str) -> None:
        """Names are joined with dots, indices are bracketed, and the root is ``$``."""
        assert path == Problem(location, "a reason").path

    def test_str_is_path_and_reason(self) -> None:
        """``str()`` is ``path: reason``."""
        problem = Problem(("blocks", 0, "name"), "expected text, got 5")

        expected = "blocks[0].name: expected text, got 5"
        assert expected == str(problem)

    def test_value_semantics(self) -> None:
        """Problems with the same location and reason are equal and hash alike."""
        one = Problem(("title",), "must not be empty")
        same = Problem(("title",), "must not be empty")

        assert one == same
        assert hash(one) == hash(same)
        assert one != Problem(("title",), "expected text, got 5")


class TestValidationError:
    """The exception that carries every problem, sorted by path."""

    def test_is_a_value_error_and_a_runstrength_error(self) -> None:
        """Callers can catch it as ValueError or as the library's base error."""
        error = ValidationError([Problem(("title",), "must not be empty")])

        assert isinstance(error, ValueError)
        assert isinstance(error, RunstrengthError)

    def test_indices_sort_numerically(self) -> None:
        """``[2]`` comes before ``[10]``, and ``[9]`` before ``[10]``."""
        error = ValidationError(
            [
                Problem(("blocks", 10, "name"), "r"),
                Problem(("blocks", 2, "name"), "r"),
                Problem(("blocks", 9, "name"), "r"),
            ]
        )

        expected = ["blocks[2].name", "blocks[9].name", "blocks[10].name"]
        assert expected == [p.path for p in error.problems]

    def test_sorted_by_path_then_reason(self) -> None:
        """The root comes first, names sort alphabetically, and one path's reasons sort too."""
        error = ValidationError(
            [
                Problem(("title",), "b"),
                Problem(("blocks", 0, "items", 1), "r"),
                Problem((), "r"),
                Problem(("title",), "a"),
                Problem(("blocks", 0, "items", 0, "dose"), "r"),
            ]
        )

        expected = [
            ("(document)", "r"),
            ("blocks[0].items[0].dose", "r"),
            ("blocks[0].items[1]", "r"),
            ("title", "a"),
            ("title", "b"),
        ]
        assert expected == [(p.path, p.reason) for p in error.problems]

    def test_duplicates_are_reported_once(self) -> None:
        """The same problem found twice is listed once."""
        problem = Problem(("title",), "must not be empty")

        assert (problem,) == ValidationError([problem, problem]).problems

    def test_str_is_one_problem_per_line(self) -> None:
        """``str()`` prints one ``path: reason`` line per problem, in order."""
        error = ValidationError(
            [Problem(("title",), "expected text, got 5"), Problem(("blocks",), "required field missing")]
        )

        expected = "blocks: required field missing\ntitle: expected text, got 5"
        assert expected == str(error)

    def test_pickle_keeps_problems(self) -> None:
        """A pickled error comes back with the same problems and message."""
        error = ValidationError(
            [Problem(("blocks", 3, "rounds"), "expected a whole number, got 2.5"), Problem((), "r")]
        )

        restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data

        assert error.problems == restored.problems
        assert str(error) == str(restored)
        assert type(error) is type(restored)

    def test_within_prefixes_locations(self) -> None:
        """``within`` places every problem under a parent location."""
        error = ValidationError([Problem(("reps",), "r"), Problem((), "s")])

        expected = ["blocks[0].dose", "blocks[0].dose.reps"]
        assert expected == [p.path for p in error.within("blocks", 0, "dose").problems]


class TestOtherErrors:
    """The remaining exceptions derive from the base and from the closest built-in."""

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [(MissingExtraError, ImportError), (UnknownNameError, LookupError), (ValidationError, ValueError)],
    )
    def test_hierarchy(self, error: type[Exception], builtin: type[Exception]) -> None:
        """Each error is a RunstrengthError and a built-in callers already catch."""
        assert issubclass(error, RunstrengthError)
        assert issubclass(error, builtin)
