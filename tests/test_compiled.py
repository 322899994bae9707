"""The generated validators: the plain loop's verdicts, on valid and hostile values alike."""

from __future__ import annotations

import copy
import linecache
import math
import pickle
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength import Exercise, Pacing, Range, Reps, Rest, ValidationError, loads, strategies
from runstrength._spec import compiled
from runstrength._spec.rules import Url
from runstrength._spec.validated import (
    Validated,
    fields_of,
    generated_validator,
    plain_validator,
    spec_of,
    trusted,
    validator_of,
)


def model_classes() -> list[type[Validated]]:
    """Every class of the model (every subclass of `Validated` the package defines).

    A class is counted when its module holds it under its name: attrs replaces each class it
    makes slotted, and the replaced one stays among the subclasses until it is collected.
    """
    found: list[type[Validated]] = []
    pending = list(Validated.__subclasses__())
    while pending:
        cls = pending.pop()
        module = sys.modules.get(cls.__module__)
        if getattr(module, cls.__qualname__, None) is cls and cls not in found:
            found.append(cls)
        pending += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__qualname__)


MODEL: Final = model_classes()


def objects_in(value: object) -> Iterator[Validated]:
    """Every model object in ``value``, itself included, depth first."""
    if isinstance(value, Validated):
        yield value
        for field in fields_of(value).values():
            yield from objects_in(field)
    elif isinstance(value, tuple):
        for item in value:
            yield from objects_in(item)


HOSTILE: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.sampled_from([0, 1, 100, 101, 1000, 1001, 3600, 3601, 10**30, -(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "x ", "x" * 101, "x" * 2001, "\x00", "each", "kg", "3-1-X-0", "http://a"]),
    st.text(max_size=5),
    st.lists(st.integers(min_value=0, max_value=2), max_size=3),
    st.lists(st.integers(min_value=0, max_value=2), max_size=3).map(tuple),
    st.just(()),
    st.just([[]]),
    st.just(Range(6, 8)),
    st.just(Rest(seconds=60)),
    st.just(Reps(8)),
)
"""Values of every kind a field may be handed: wrong types, bounds, and objects of other classes."""


def outcome(validate: Callable[[object], None], obj: object) -> tuple[object, ...] | None:
    """``None`` when ``validate`` passes ``obj``, else the problems it reports."""
    try:
        validate(obj)
    except ValidationError as error:
        return tuple(error.problems)
    return None


@st.composite
def cases(draw: st.DrawFn) -> tuple[type[Validated], dict[str, Any]]:
    """A model class and values for its fields: an object's own, others', or hostile ones."""
    seen = [*objects_in(draw(strategies.workouts(max_blocks=2, max_items=3))), draw(strategies.pacings())]
    by_class: dict[type, list[Validated]] = {}
    for obj in seen:
        by_class.setdefault(type(obj), []).append(obj)
    cls = draw(st.sampled_from(sorted(by_class, key=lambda cls: cls.__qualname__)))
    values = fields_of(draw(st.sampled_from(by_class[cls])))
    pool = [value for obj in seen for value in fields_of(obj).values()]
    for name in values:
        choice = draw(st.integers(0, 3))
        if choice == 1:  # the same field of another object: relations meet new partners
            values[name] = getattr(draw(st.sampled_from(by_class[cls])), name)
        elif choice == 2:  # any value of any field of the workout
            values[name] = draw(st.sampled_from(pool))
        elif choice == 3:
            values[name] = draw(HOSTILE)
    return cls, values


class TestGeneratedValidators:
    """What `runstrength._spec.compiled` writes for each class."""

    @pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__qualname__)
    def test_every_class_gets_one(self, cls: type[Validated]) -> None:
        """Every model class's fields can be local names, so every class gets a generated loop."""
        validate = generated_validator(cls)
        assert validate is not None
        assert f"validate_{cls.__name__}" == validate.__qualname__

    @pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__qualname__)
    def test_source_is_registered(self, cls: type[Validated]) -> None:
        """The source is kept for tracebacks: linecache gives its lines under a readable name."""
        generated_validator(cls)
        text = compiled.source(cls)
        assert text is not None
        filename = f"<runstrength validator {cls.__module__}.{cls.__qualname__}>"
        assert text.splitlines(keepends=True) == linecache.getlines(filename)
        for field in spec_of(cls).fields:
            assert f"    {field.name} = self.{field.name}\n" in text

    def test_traceback_shows_the_generated_line(self) -> None:
        """A refused constructor's traceback shows the line of the generated loop that refused."""
        if not compiled.ENABLED:
            pytest.skip("generation is switched off (RUNSTRENGTH_NO_CODEGEN=1)")
        with pytest.raises(ValidationError) as caught:
            Exercise(name="Row", dose=Reps(8), sets=0)
        frames = traceback.extract_tb(caught.value.__traceback__)
        generated = [frame for frame in frames if frame.filename.startswith("<runstrength validator")]
        assert ["_settle(self)"] == [frame.line for frame in generated]

    def test_traceback_goes_straight_to_the_refusal(self) -> None:
        """Between the call and the raise: attrs' ``__init__``, the hook, the loop and `_settle`, no more."""
        with pytest.raises(ValidationError) as caught:
            Exercise(name="Row", dose=Reps(8), sets=0)
        names = [frame.name for frame in traceback.extract_tb(caught.value.__traceback__)]
        loop = validator_of(Exercise).__code__.co_name
        assert ["__init__", "__attrs_post_init__", loop, "_settle"] == names[1:]

    def test_switch(self) -> None:
        """The classes validate through generated code unless RUNSTRENGTH_NO_CODEGEN=1 switched it off."""
        validate = validator_of(Exercise)
        assert compiled.ENABLED == validate.__qualname__.startswith("validate_Exercise")

    def test_made_once_per_class(self) -> None:
        """A class's validator is made on first use and kept: later uses get the same function."""
        assert validator_of(Exercise) is validator_of(Exercise)

    def test_relation_on_defaults_is_not_asked_again(self) -> None:
        """A relation that finds nothing about its fields' defaults is skipped while they hold them."""
        text = compiled.source(Exercise) or (generated_validator(Exercise) and compiled.source(Exercise))
        assert text is not None
        assert "if not (rest_between_sets is _default_rest_between_sets and sets is _default_sets)" in text
        (index,) = [i for i, r in enumerate(Exercise.__relations__) if r.fields == ("dose", "sets")]
        assert f"    if _relation_{index}(dose, sets):\n" in text  # dose has no default: always asked

    def test_fields_that_cannot_be_names(self) -> None:
        """A field whose name cannot be a local name leaves the class to the plain loop."""
        for names in (["self"], ["_hidden"], ["class"]):
            found = compiled.compile_validator(
                Exercise,
                names,
                [None],
                [bool],
                [],
                no_default=object(),
                trusted=lambda: False,
                settle=lambda _: None,
            )
            assert found is None

    @settings(max_examples=max(20, settings().max_examples))
    @given(cases())
    def test_generated_and_plain_agree(self, case: tuple[type[Validated], dict[str, Any]]) -> None:
        """On any values, generated and plain loops accept the same objects and report the same problems."""
        cls, values = case
        with trusted():  # an object holding whatever values were drawn, unchecked
            obj = cls(**values)
        generated = generated_validator(cls)
        assert generated is not None
        expected = outcome(plain_validator(spec_of(cls)), obj)
        assert expected == outcome(generated, obj)

    def test_agree_on_nan(self) -> None:
        """A NaN (never identical to a default) is judged by both loops alike."""
        with trusted():
            obj = Pacing(seconds_per_rep=math.nan)
        generated = generated_validator(Pacing)
        assert generated is not None
        assert outcome(plain_validator(spec_of(Pacing)), obj) == outcome(generated, obj)
        assert outcome(generated, obj) is not None


URLS: Final = st.builds(
    str.__add__,
    st.sampled_from(["http://", "https://"]),
    st.text(alphabet="aZ09.-:/?#[]@%é例 ", min_size=1, max_size=12),
)
"""URLs of every shape, the unusual ones (a non-ASCII path or host, an IPv6 host, a user) included."""


def outcome_of(make: Callable[[], object]) -> list[tuple[str, str]] | None:
    """The (path, reason) pairs of the `ValidationError` that ``make`` raises; ``None`` if it raises none."""
    try:
        make()
    except ValidationError as error:
        return [(problem.path, problem.reason) for problem in error.problems]
    return None


class TestDoubts:
    """A quick check that doubts a valid value leaves the verdict to the findings."""

    @given(url=URLS)
    def test_a_url_is_built_when_the_rule_finds_nothing(self, url: str) -> None:
        """A URL the rule's findings accept builds an object, though the quick check may doubt it."""
        expected = [("video", reason) for _, reason, _ in Url().findings(url)] or None
        assert expected == outcome_of(lambda: Exercise(name="Row", dose=Reps(8), video=url))

    @pytest.mark.parametrize(
        "url",
        ["https://example.com/vidéo", "https://例え.jp/", "http://[::1]/row", "https://me@example.com/"],
    )
    def test_both_loops_accept_an_unusual_url(self, url: str) -> None:
        """Neither loop refuses a valid URL its quick check doubts."""
        with trusted():
            exercise = Exercise(name="Row", dose=Reps(8), video=url)
        generated = generated_validator(Exercise)
        assert generated is not None
        assert outcome(generated, exercise) is None
        assert outcome(plain_validator(spec_of(Exercise)), exercise) is None

    def test_a_loaded_workout_can_be_copied_and_changed(self) -> None:
        """A workout the loader accepts with an unusual URL survives pickle, copies and changes."""
        text = (
            '{"schema_version": 1, "title": "Arms", "video": "https://example.com/vidéo", "blocks": '
            '[{"name": "Main", "items": [{"name": "Row", "dose": {"reps": 8}}]}]}'
        )
        workout = loads(text)
        assert workout == pickle.loads(pickle.dumps(workout))  # noqa: S301 - our own pickle
        assert workout == copy.deepcopy(workout)
        assert "Back" == attrs.evolve(workout, title="Back").title
