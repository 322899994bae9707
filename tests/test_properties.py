"""Properties of workouts and documents, over the public strategies.

Round trips through every format, constructors and loader agreeing on every problem, every
kind of broken document reported at the broken field, and no input at all making the loader
fail with anything but a `ValidationError`.
"""

from __future__ import annotations

import json
import math
import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, Final, Literal

import attrs
import pytest
import tomli_w
import yaml
from hypothesis import given, note, settings
from hypothesis import strategies as st

import runstrength
from runstrength import (
    Ascending,
    Distance,
    Duration,
    Effort,
    Efforts,
    Ladder,
    Load,
    Range,
    Reps,
    ValidationError,
    Workout,
    dumps,
    from_dict,
    loads,
    strategies,
    to_dict,
)
from runstrength._document.text import _write_json, integral

Format = Literal["json", "yaml", "toml"]
FORMATS: Final[tuple[Format, ...]] = ("json", "yaml", "toml")

# A whole workout costs a hundred times a value to generate and check: these properties take
# a fraction of the profile's examples (10 while editing, 75 in CI).
WHOLE_WORKOUTS: Final = settings(max_examples=max(5, settings().max_examples // 4))

WORKOUTS: Final = strategies.workouts()
SMALL_WORKOUTS: Final = strategies.workouts(max_blocks=2, max_items=3)

Location = tuple[str | int, ...]


def render(location: Location) -> str:
    """A location in the library's path notation: ``blocks[1].items[0].dose.reps``, ``$`` at the root."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(document)"


def within(path: str, place: str) -> bool:
    """Whether ``path`` is ``place`` or lies inside it."""
    return place in ("(document)", path) or path.startswith((f"{place}.", f"{place}["))


# --- walking a document alongside the workout it describes -----------------------------------

_ADDED: Final = object()
"""The model value of a key the document adds: schema_version, a type tag, max_reps."""

# The key that says which kind of dose a mapping is: without it, the mapping is no dose at all.
DOSE_KEYS: Final = {
    Reps: "reps",
    Duration: "seconds",
    Distance: "distance",
    Ladder: "ladder",
    Ascending: "ascending",
    Efforts: "efforts",
}


@attrs.frozen
class Spot:
    """One place in a document: where it is, the document's value, and the model's."""

    location: Location
    value: Any
    model: Any
    owner: Any
    """The model object (or tuple) whose field or item this is."""

    @property
    def key(self) -> str | int:
        """The last part of the location."""
        return self.location[-1]

    @property
    def path(self) -> str:
        """The location in path notation."""
        return render(self.location)

    @property
    def parent(self) -> str:
        """The path of the mapping or list holding this place."""
        return render(self.location[:-1])


def spots(document: Any, model: Any, location: Location = (), owner: Any = None) -> Iterator[Spot]:
    """Every place in ``document`` (the root included), paired with ``model``'s value there."""
    yield Spot(location, document, model, owner)
    if isinstance(document, dict):
        names = {f.name for f in attrs.fields(type(model))}
        for key, value in document.items():
            child = getattr(model, key) if key in names else _ADDED
            if child is _ADDED:
                yield Spot((*location, key), value, _ADDED, model)
            else:
                yield from spots(value, child, (*location, key), model)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from spots(value, model[index], (*location, index), model)


def replaced(document: Any, location: Location, value: object) -> Any:
    """A copy of ``document`` with the value at ``location`` replaced."""
    if not location:
        return value
    head, *rest = location
    copy = list(document) if isinstance(document, list) else dict(document)
    copy[head] = replaced(document[head], tuple(rest), value)  # type: ignore[index]
    return copy


def changed_mapping(document: Any, location: Location, change: Callable[[dict[Any, Any]], None]) -> Any:
    """A copy of ``document`` whose mapping at ``location`` went through ``change``."""
    mapping = dict(_at(document, location))
    change(mapping)
    return replaced(document, location, mapping)


def _at(document: Any, location: Location) -> Any:
    for part in location:
        document = document[part]
    return document


# --- the mutations ---------------------------------------------------------------------------


class Rows(list[object]):
    """A list of an application's own class: a document's lists are plain ``list`` objects."""


# Fields whose numbers may have a fraction; every other number in a document is a whole number.
FRACTIONAL: Final = {(Load, "amount"), (Effort, "rpe"), (Distance, "distance")}


def fractional(spot: Spot, parent: Spot | None) -> bool:
    """Whether the number at ``spot`` may have a fraction (a range's ends follow its holder)."""
    if isinstance(spot.owner, Range) and parent is not None:
        return (type(parent.owner), parent.key) in FRACTIONAL
    return (type(spot.owner), spot.key) in FRACTIONAL


@attrs.frozen
class Mutation:
    """One change that breaks a valid document, and where the problem must be reported."""

    what: str
    make: Callable[[], Any]
    """Makes the broken document (only for the mutation drawn: there are thousands)."""
    place: str
    exact: bool = True
    """The problem is at ``place`` itself, rather than anywhere inside it."""
    reason: str = ""
    """Text the problem's reason must contain."""

    def found_in(self, error: ValidationError) -> bool:
        """Whether ``error`` reports a problem where this mutation says."""
        return any(
            (problem.path == self.place if self.exact else within(problem.path, self.place))
            and self.reason in problem.reason
            for problem in error.problems
        )


def wrong_values(spot: Spot, parent: Spot | None) -> Iterator[tuple[str, object]]:
    """Values that the field at ``spot`` must refuse, each with what is wrong with it."""
    value = spot.value
    if type(value) is bool:
        yield from (("a whole number for true or false", int(value)), ("text for true or false", "true"))
    elif type(value) is int:
        yield from (("text for a number", str(value)), ("true or false for a number", True))
        yield from (("a negative number", -1), ("a huge number", 10**9))
        if not fractional(spot, parent):
            yield "a fraction for a whole number", value + 0.9
    elif type(value) is float:
        yield from (
            ("text for a number", str(value)),
            ("a negative number", -0.5),
            ("not a number", math.nan),
        )
        yield "a huge number", 1e12
    elif type(value) is str:
        yield from (("a number for text", 5), ("empty text", ""), ("padded text", f" {value} "))
        if isinstance(spot.model, Enum) or spot.key == "type":
            yield "a value outside the choices", "sideways"
    elif type(value) is dict:
        yield from (("a list for a mapping", [value]), ("an empty list for a mapping", []))
        yield "a mapping of another class", OrderedDict(value)
    elif type(value) is list:
        yield from (("a mapping for a list", {}), ("text for a list", "x"))
        yield "a list of another class", Rows(value)


def mutations(workout: Workout) -> list[Mutation]:
    """Every single-place break of ``workout``'s document that the loader must report."""
    document = to_dict(workout)
    found: list[Mutation] = []
    by_location = {spot.location: spot for spot in spots(document, workout)}
    for spot in by_location.values():
        parent = by_location.get(spot.location[:-1])
        # A range is judged as a whole (min above max is reported at max), so a broken end
        # may be reported at the other one.
        in_range = isinstance(spot.owner, Range)
        place = spot.parent if in_range else spot.path
        for what, value in wrong_values(spot, parent):
            make = _replacing(document, spot.location, value)
            named = "of type" if type(value) in (OrderedDict, Rows) else ""  # the class is named
            found.append(Mutation(what, make, place, exact=not in_range, reason=named))
        if spot.location:
            found.extend(_removals(document, spot))
        if isinstance(spot.value, dict) and spot.model is not _ADDED:
            found.extend(_unknown_keys(document, spot))
    return found


def _replacing(document: Any, location: Location, value: object) -> Callable[[], Any]:
    return lambda: replaced(document, location, value)


def _removals(document: Any, spot: Spot) -> Iterator[Mutation]:
    if not isinstance(spot.location[-1], str):
        return
    key = spot.key

    def remove(mapping: dict[Any, Any]) -> None:
        del mapping[key]

    def without() -> Any:
        return changed_mapping(document, spot.location[:-1], remove)

    if spot.model is _ADDED:
        # schema_version is reported by name; without a type tag or max_reps, the mapping is
        # something else, and is reported wherever it no longer fits.
        if key == "schema_version":
            yield Mutation("no schema version", without, spot.path)
        else:
            yield Mutation(f"no {key}", without, spot.parent, exact=False)
        return
    field = attrs.fields_dict(type(spot.owner))[str(key)]
    if field.default is not attrs.NOTHING:
        return
    if DOSE_KEYS.get(type(spot.owner)) == key:
        yield Mutation("no dose key", without, spot.parent)
    else:
        yield Mutation("a required field missing", without, spot.path, reason="required field missing")


def _adding(document: Any, location: Location, key: str) -> Callable[[], Any]:
    def add(mapping: dict[Any, Any]) -> None:
        mapping[key] = 1

    return lambda: changed_mapping(document, location, add)


def _unknown_keys(document: Any, spot: Spot) -> Iterator[Mutation]:
    names = [f.name for f in attrs.fields(type(spot.model))]
    for name in names:
        typo = f"{name}x"
        if typo in names:
            continue

        yield Mutation(
            "a misspelt key",
            _adding(document, spot.location, typo),
            render((*spot.location, typo)),
            reason=f"did you mean {name!r}?",
        )


# --- the properties --------------------------------------------------------------------------


class TestRoundTrip:
    """Every valid workout survives every document format unchanged."""

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_formats(self, workout: Workout) -> None:
        """Writing a workout in any format and reading it back gives the same workout."""
        for fmt in FORMATS:
            text = dumps(workout, fmt)
            note(f"{fmt}:\n{text}")
            assert workout == loads(text, fmt)

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_plain_data(self, workout: Workout) -> None:
        """A workout's document, as plain data, gives the same workout back."""
        assert workout == from_dict(to_dict(workout))

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_plain_data_is_plain(self, workout: Workout) -> None:
        """A document holds only dicts, lists, text, numbers and booleans: JSON takes it as it is."""
        document = to_dict(workout)
        assert document == json.loads(json.dumps(document))

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_text_is_deterministic(self, workout: Workout) -> None:
        """Equal workouts, however they were made, are written as the same text."""
        copy = pickle.loads(pickle.dumps(workout))  # noqa: S301 - our own data
        for fmt in FORMATS:
            assert dumps(workout, fmt) == dumps(copy, fmt)
            assert dumps(workout, fmt) == dumps(loads(dumps(workout, fmt), fmt), fmt)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=30,
)


class TestJsonText:
    """runstrength writes JSON itself, faster than json's indenting encoder; json is the reference."""

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_workouts_as_json_writes_them(self, workout: Workout) -> None:
        """A workout's JSON text is json.dumps of its document (whole floats as integers), indented by two."""
        expected = (
            json.dumps(integral(to_dict(workout)), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        )
        assert expected == dumps(workout)

    @given(JSON_VALUES)
    def test_any_json_value_as_json_writes_it(self, value: object) -> None:
        """Any JSON value (nested, empty, unicode, large or negative numbers) is written as json writes it."""
        expected = json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        assert expected == _write_json(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [math.nan, [math.inf], {"a": -math.inf}])
    def test_refuses_what_json_refuses(self, value: object) -> None:
        """NaN and infinities have no JSON text: the writer refuses them as json does."""
        with pytest.raises(ValueError, match="not JSON compliant"):
            _write_json(value)  # type: ignore[arg-type]


class TestIdentity:
    """Copies of a workout, however made, are equal and hash alike."""

    @WHOLE_WORKOUTS
    @given(WORKOUTS)
    def test_copies_agree(self, workout: Workout) -> None:
        """A pickled copy and a reloaded copy equal the workout and share its hash."""
        pickled = pickle.loads(pickle.dumps(workout))  # noqa: S301 - our own data
        reloaded = from_dict(to_dict(workout))
        assert (workout, hash(workout)) == (pickled, hash(pickled))
        assert (workout, hash(workout)) == (reloaded, hash(reloaded))


def rebuilt(model: Any, location: Location, value: object) -> Any:
    """``model`` built again through the constructors, with the value at ``location`` replaced.

    Raises:
        ValidationError: from the first constructor that refuses, located from ``model``.
    """
    if not location:
        return value
    head, *rest = location
    child = model[head] if isinstance(head, int) else getattr(model, head)
    try:
        new = rebuilt(child, tuple(rest), value)
    except ValidationError as error:
        raise error.within(head) from None
    if isinstance(head, int):
        return (*model[:head], new, *model[head + 1 :])
    return attrs.evolve(model, **{str(head): new})


def receivable(spot: Spot) -> bool:
    """Whether the document's value at ``spot`` is exactly what a constructor receives there."""
    plain = type(spot.model) in (bool, int, float, str) or isinstance(spot.model, Enum)
    return plain and spot.model is not _ADDED


# Values a document may hold where a number, a flag, text or a choice is expected: valid and
# invalid ones alike.
ANY_SCALAR: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 20),
    st.sampled_from((0, 1, 100, 3600, 10**9, 10**400, -(10**400), 8.9, 0.5, -1.5, math.nan, math.inf)),
    st.floats(),
    st.sampled_from(("", " x", "each", "alternating", "kg", "light", "easier", "main", "3-1-X-0", "8")),
    st.sampled_from(("https://example.com/video", "http://[::1", "sideways")),
    st.text(max_size=12),
)


class TestConstructorsAndLoaderAgree:
    """The constructors and the loader share one set of rules, so they agree on everything."""

    @WHOLE_WORKOUTS
    @given(SMALL_WORKOUTS, st.data())
    def test_one_changed_value(self, workout: Workout, data: st.DataObject) -> None:
        """A value changed in a document and in the objects is refused (or accepted) by both alike."""
        document = to_dict(workout)
        spot = data.draw(st.sampled_from([s for s in spots(document, workout) if receivable(s)]), "spot")
        value = data.draw(ANY_SCALAR, "value")
        note(f"{spot.path}: {spot.value!r} -> {value!r}")
        try:
            expected: Workout | ValidationError = rebuilt(workout, spot.location, value)
        except ValidationError as error:
            expected = error
        try:
            actual: Workout | ValidationError = from_dict(replaced(document, spot.location, value))
        except ValidationError as error:
            actual = error
        if isinstance(expected, ValidationError):
            assert isinstance(actual, ValidationError), "the constructors refused what the loader took"
            # A range the constructors cannot build hides its holder's rule for the ends; the
            # loader reads the ends itself and reports that too, so it may say more, never less.
            said = {str(p) for p in actual.problems}
            assert {str(p) for p in expected.problems} <= said
            assert all(
                ".min:" in line or ".max:" in line for line in said - {str(p) for p in expected.problems}
            )
        else:
            assert expected == actual


class TestBrokenDocuments:
    """Every way of breaking one place of a valid document is reported at that place."""

    @WHOLE_WORKOUTS
    @given(SMALL_WORKOUTS, st.data())
    def test_problem_at_the_change(self, workout: Workout, data: st.DataObject) -> None:
        """A wrong type, a bad number or text, a missing or misspelt key: the problem names its path."""
        mutation = data.draw(st.sampled_from(mutations(workout)), "mutation")
        note(f"{mutation.what} at {mutation.place}")
        with pytest.raises(ValidationError) as caught:
            from_dict(mutation.make())
        note(str(caught.value))
        assert mutation.found_in(caught.value)

    @pytest.mark.parametrize(
        ("location", "path"),
        [
            ((), "(document)"),
            (("title",), "title"),
            (("blocks", 1, "items", 0, "dose", "reps"), "blocks[1].items[0].dose.reps"),
            (("blocks", 0, "items", 2, "exercises", 1, "cues", 0), "blocks[0].items[2].exercises[1].cues[0]"),
        ],
    )
    def test_paths_render_like_the_library(self, location: Location, path: str) -> None:
        """The helper writes a location the way the library's problems do."""
        assert path == render(location)

    def test_mutations_cover_every_kind(self) -> None:
        """The helper breaks a document in every promised way."""
        workout = loads(
            """{"schema_version": 1, "title": "Upper Body", "blocks": [
                {"name": "Main", "rounds": {"min": 2, "max": 3}, "items": [
                    {"type": "superset", "exercises": [
                        {"name": "Row", "dose": {"reps": 8}, "sides": "each",
                         "rest_after": {"seconds": 30, "as_needed": true}},
                        {"name": "Fly", "dose": {"seconds": 30}, "load": {"amount": 7.5, "unit": "kg"}}
                    ]}
                ]}
            ]}"""
        )
        kinds = {mutation.what for mutation in mutations(workout)}
        assert {
            "a whole number for true or false",
            "text for a number",
            "true or false for a number",
            "a fraction for a whole number",
            "a negative number",
            "a huge number",
            "a number for text",
            "empty text",
            "padded text",
            "a value outside the choices",
            "a list for a mapping",
            "a mapping for a list",
            "a mapping of another class",
            "a list of another class",
            "no schema version",
            "no type",
            "no dose key",
            "a required field missing",
            "a misspelt key",
        } <= kinds


class TestBrokenDocumentExamples:
    """A few broken documents, spelled out, with the problem each must report."""

    @staticmethod
    def document(**exercise: object) -> dict[str, Any]:
        """A one-exercise document whose exercise has ``exercise``'s fields."""
        return {"schema_version": 1, "title": "T", "blocks": [{"name": "B", "items": [exercise]}]}

    @pytest.mark.parametrize(
        ("exercise", "path", "reason"),
        [
            ({"name": "Row", "dose": {"reps": 0}}, "blocks[0].items[0].dose.reps", "got 0"),
            ({"name": "Row", "dose": {"reps": 8.9}}, "blocks[0].items[0].dose.reps", "got 8.9"),
            ({"name": "Row", "dose": {"reps": "8"}}, "blocks[0].items[0].dose.reps", "got '8'"),
            ({"name": "Row", "dose": {"reps": True}}, "blocks[0].items[0].dose.reps", "got true"),
            (
                {"name": "Row", "dose": {"seconds": 10**9}},
                "blocks[0].items[0].dose.seconds",
                "1000000000",
            ),
            ({"name": "Row", "dose": {"reps": 8}, "sets": -1}, "blocks[0].items[0].sets", "got -1"),
            ({"name": "", "dose": {"reps": 8}}, "blocks[0].items[0].name", "must not be empty"),
            ({"name": " Row", "dose": {"reps": 8}}, "blocks[0].items[0].name", "whitespace"),
            ({"name": 5, "dose": {"reps": 8}}, "blocks[0].items[0].name", "expected text"),
            ({"dose": {"reps": 8}}, "blocks[0].items[0].name", "required field missing"),
            ({"name": "Row", "dose": [{"reps": 8}]}, "blocks[0].items[0].dose", "expected a dose"),
            (
                {"name": "Row", "dose": {"reps": 8}, "sides": "sideways"},
                "blocks[0].items[0].sides",
                "got 'sideways'",
            ),
            ({"name": "Row", "dose": {"rpes": 8}}, "blocks[0].items[0].dose.rpes", "did you mean 'reps'?"),
            ({"name": "Row", "dose": {"reps": 8}, "sieds": "each"}, "blocks[0].items[0].sieds", "'sides'"),
        ],
    )
    def test_problem_reported(self, exercise: dict[str, object], path: str, reason: str) -> None:
        """The document is refused with a problem at the broken field that says what was wrong."""
        with pytest.raises(ValidationError) as caught:
            from_dict(self.document(**exercise))
        assert [path] == [p.path for p in caught.value.problems if reason in p.reason]


# --- anything at all -------------------------------------------------------------------------

# Keys the document format knows, so that arbitrary mappings reach deep into the loader.
FIELD_NAMES: Final = sorted(
    {"schema_version", "type", "max_reps"}
    | {
        name
        for obj in vars(runstrength).values()
        if isinstance(obj, type) and attrs.has(obj)
        for name in attrs.fields_dict(obj)
    }
)
KEYS: Final = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)
SCALARS: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    # Past Python's 4300-digit limit on int-to-text: made from the exponent, which prints.
    st.integers(4000, 5000).map(lambda digits: 10**digits),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(("superset", "intervals", "emom", "amrap", "each", "3-1-X-0", "http://[", "https://x.y")),
)
JSON_LIKE: Final = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


def _as_text(value: object, fmt: Format) -> str:
    """``value`` written in ``fmt`` as far as that format can, else as JSON, else as nothing."""
    writers: list[Callable[[], object]] = [lambda: json.dumps(value)]
    if fmt == "yaml":
        writers.insert(0, lambda: yaml.safe_dump(value, allow_unicode=True))
    if fmt == "toml" and isinstance(value, dict):
        table: dict[str, Any] = value
        writers.insert(0, lambda: tomli_w.dumps(table))
    for write in writers:
        try:
            return str(write())
        except (TypeError, ValueError, AttributeError):  # None in TOML, huge ints, NaN...
            continue
    return ""


def refuses_cleanly(call: Callable[[], object]) -> None:
    """Run ``call``: a `ValidationError` listing problems is fine, a workout too, nothing else is."""
    try:
        result = call()
    except ValidationError as error:
        result = error
    if isinstance(result, ValidationError):
        assert result.problems
        assert str(result)
    else:
        assert isinstance(result, Workout)


class TestAnyInput:
    """Nothing a caller or a file can hold makes loading fail with anything but a ValidationError."""

    @given(JSON_LIKE)
    def test_any_data(self, data: object) -> None:
        """Arbitrary JSON-like data, with or without a schema version, is refused cleanly."""
        refuses_cleanly(lambda: from_dict(data))
        refuses_cleanly(lambda: from_dict({"schema_version": 1, "title": "T", "blocks": data}))

    @pytest.mark.parametrize(
        "data",
        [
            [10**4300],
            {"schema_version": 1, "title": {"n": 10**4300}, "blocks": []},
            {"schema_version": 1, "title": "T", "blocks": [{"name": "B", "items": [[-(10**5000)]]}]},
        ],
        ids=["a list", "a mapping", "deep in a workout"],
    )
    def test_huge_numbers_inside_values(self, data: object) -> None:
        """A number too long to print, inside a list or mapping, is still described in a problem."""
        refuses_cleanly(lambda: from_dict(data))

    @pytest.mark.parametrize(
        "url",
        ["http://[::1", "https://[x]y/", "http://ex\uff03ample.com/", "http://a\u2100b/"],
        ids=["unclosed IPv6", "bad IPv6", "NFKC #", "NFKC slash"],
    )
    def test_urls_the_url_parser_rejects(self, url: str) -> None:
        """A URL that Python's own parser cannot take apart is a problem at its path, in code or document."""
        document = TestBrokenDocumentExamples.document(name="Row", dose={"reps": 8}, video=url)
        with pytest.raises(ValidationError) as caught:
            from_dict(document)
        assert ["blocks[0].items[0].video"] == [p.path for p in caught.value.problems]
        with pytest.raises(ValidationError) as caught:
            runstrength.Exercise(name="Row", dose=Reps(8), video=url)
        assert ["video"] == [p.path for p in caught.value.problems]

    @WHOLE_WORKOUTS
    @given(SMALL_WORKOUTS, st.data())
    def test_any_data_grafted_into_a_workout(self, workout: Workout, data: st.DataObject) -> None:
        """Arbitrary data in place of any part of a valid document is refused cleanly."""
        document = to_dict(workout)
        spot = data.draw(st.sampled_from(list(spots(document, workout))), "spot")
        graft = data.draw(JSON_LIKE, "graft")
        refuses_cleanly(lambda: from_dict(replaced(document, spot.location, graft)))

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(text=st.text())
    def test_any_text(self, fmt: Format, text: str) -> None:
        """Arbitrary text is refused cleanly in every format."""
        refuses_cleanly(lambda: loads(text, fmt))

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(data=st.binary())
    def test_any_bytes(self, fmt: Format, data: bytes) -> None:
        """Arbitrary bytes, UTF-8 or not, are refused cleanly in every format."""
        refuses_cleanly(lambda: loads(data, fmt))

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(value=JSON_LIKE)
    def test_any_document_text(self, fmt: Format, value: object) -> None:
        """Well-formed text of arbitrary data is refused cleanly in every format."""
        refuses_cleanly(lambda: loads(_as_text(value, fmt), fmt))
