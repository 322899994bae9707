"""The engine: rules as objects, one validation loop, loading tried once and explained once."""

from __future__ import annotations

import copy
import math
import pickle
import sys
from collections import OrderedDict
from collections.abc import Iterator
from enum import StrEnum
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import runstrength
from runstrength import (
    Block,
    Duration,
    Effort,
    Equipment,
    Exercise,
    Load,
    LoadLevel,
    Modification,
    ModificationKind,
    Range,
    Reps,
    Rest,
    Sides,
    Superset,
    Tempo,
    ValidationError,
    Workout,
    catalog,
    from_dict,
    strategies,
    to_dict,
)
from runstrength._document.convert import MAX_DEPTH
from runstrength._errors import CODES, MAX_PROBLEMS
from runstrength._spec.rules import (
    Instance,
    Items,
    Number,
    Optional,
    Rule,
    Text,
    Url,
    Whole,
    describe,
    unwritable,
    writable,
)
from runstrength._spec.validated import PICKLE_VERSION, Validated, spec_of
from runstrength._values import NumberOrRange, WholeOrRange

MODEL_CLASSES: list[type] = sorted(
    {cls for cls in vars(runstrength).values() if isinstance(cls, type) and issubclass(cls, Validated)}
    | {runstrength.Pacing},
    key=lambda cls: cls.__name__,
)


def _leaf_rules(rule: Rule) -> Iterator[Rule]:
    yield rule
    if isinstance(rule, Optional):
        yield from _leaf_rules(rule.inner)
    if isinstance(rule, Items):
        yield from _leaf_rules(rule.inner)


RULES: list[Rule] = sorted(
    {leaf for cls in MODEL_CLASSES for field in spec_of(cls).fields for leaf in _leaf_rules(field.rule)},
    key=repr,
)

TEXTS = ("x", "a\x1bb", "nul\x00", "\ud800", "tab\tbed", " x")
"""Texts every text rule judges differently, for lists of them."""

URL_LIKE = st.builds(
    str.__add__,
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "http:/", ""]),
    st.text(alphabet="aZ09.-:/?#[]@% \t\n\x00\x7f\xe9\u3000", max_size=12),
)
"""Text shaped like a URL: schemes, hosts, ports, brackets, spaces and control characters."""

LONG_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="ascii"), st.sampled_from("\t\n\r\x00\x1f\x7f\x85\xe9\u3000\ud800")
    ),
    max_size=200,
)
"""Text short and long (the quick check judges text over 64 characters differently), mostly
ASCII, with the characters a file cannot carry and some it can."""

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-2, 1100),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=120),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=5).map(lambda s: f" {s}"),
    st.sampled_from(
        ["x" * 99, "x" * 100, "x" * 101, "x" * 2000, "a\x1bb", "\ud800", "http://h\x00", "https://x.y"]
    ),
    URL_LIKE,
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=3), max_size=3).map(tuple),
    st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3).map(tuple),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(Range, st.integers(0, 20), st.integers(20, 40)),
    st.sampled_from(
        [Reps(8), Rest(30), Load(LoadLevel.LIGHT), Sides.EACH, Equipment("mat"), Tempo("3-1-1-0")]
    ),
)


def problems_of(data: object) -> list[tuple[str, str, str]]:
    """The (path, reason, code) triples of the ValidationError that loading ``data`` raises."""
    with pytest.raises(ValidationError) as info:
        from_dict(data)
    return [(problem.path, problem.reason, problem.code) for problem in info.value.problems]


def problems_if_any(data: object) -> list[tuple[str, str, str]]:
    """The problems of loading ``data``: none when it loads."""
    try:
        from_dict(data)
    except ValidationError as error:
        return [(problem.path, problem.reason, problem.code) for problem in error.problems]
    return []


def document() -> dict[str, Any]:
    """The built-in workout as a document, fresh for each test to change."""
    return to_dict(catalog.get("upper-body-for-runners"))


class TestRuleObjects:
    """Each rule is a small frozen object that checks, describes and documents itself."""

    @pytest.mark.parametrize(
        ("rule", "text"),
        [
            (Whole(1, 1000), "Whole(low=1, high=1000, unit='')"),
            (Text(50), "Text(max_length=50)"),
            (Optional(Url()), "Optional(inner=Url(max_length=2000))"),
        ],
    )
    def test_repr(self, rule: Rule, text: str) -> None:
        """A rule's repr shows what it checks, for debuggers and error reports."""
        assert text == repr(rule)

    @pytest.mark.parametrize("rule", RULES, ids=repr)
    @given(value=HOSTILE)
    def test_accepts_only_what_the_findings_accept(self, rule: Rule, value: object) -> None:
        """The quick check may doubt a valid value, never accept an invalid one; it answers a bool."""
        assert type(rule.accepts(value)) is bool
        if rule.accepts(value):
            assert [] == rule.findings(value)

    @given(value=URL_LIKE)
    @example("https://a/ b")
    @example("https://a/\x7f")
    @example("https://a/\xe9")
    @example("https://a?\t")
    @example("https://a#\x00")
    @example("https://a:8/\u3000")
    def test_url_quick_check(self, value: str) -> None:
        """The URL rule's quick check accepts only URLs its findings accept, and the common ones."""
        rule = Url()
        if rule.accepts(value):
            assert [] == rule.findings(value)
        assert rule.accepts("https://www.example.com:8080/path?q=1#top")

    @given(value=LONG_TEXT)
    @example("x" * 64 + "\x00")
    @example("x" * 64 + "\ud800")
    def test_writable_agrees_with_unwritable(self, value: str) -> None:
        """The quick answer for text of any length is the regex's: short, long, ASCII or not."""
        assert writable(value) is (unwritable(value) is None)

    @given(value=LONG_TEXT)
    def test_text_quick_check_is_exact(self, value: str) -> None:
        """The text rules' quick checks, which judge long text by its bytes, never doubt valid text."""
        text, texts = Text(2000), Items(Text(2000), max_length=3)
        assert ([] == text.findings(value)) is text.accepts(value)
        assert ([] == texts.findings((value,))) is texts.accepts((value,))

    @given(value=URL_LIKE)
    def test_url_names_a_host(self, value: str) -> None:
        """A URL the rule accepts names a host, not only a port or a user (``https://:80/x``)."""
        if not Url().findings(value):
            assert urlsplit(value).hostname

    @pytest.mark.parametrize("rule", RULES, ids=repr)
    @given(value=HOSTILE)
    def test_codes_are_documented(self, rule: Rule, value: object) -> None:
        """Every finding carries a code from the documented table."""
        for _, _, code in rule.findings(value):
            assert code in CODES

    @given(value=HOSTILE | st.text(alphabet="'\"\\\n\x00é", max_size=40))
    def test_found_values_are_shown_briefly(self, value: object) -> None:
        """A value quoted in a message takes at most 60 characters, whatever its kind."""
        assert len(describe(value)) <= 60

    @given(value=st.text(alphabet="abé '", min_size=55, max_size=65))
    @example(value="a" * 59)
    def test_long_text_is_shown_briefly(self, value: str) -> None:
        """Printable text near the limit too, whose quotes take two more characters."""
        assert len(describe(value)) <= 60

    @given(value=st.text(alphabet="ab", min_size=61, max_size=200) | st.binary(min_size=61, max_size=200))
    def test_long_values_keep_their_start_and_end(self, value: str | bytes) -> None:
        """Past 60 characters a value shows exactly 60: its start, ``...``, its end (the middle goes)."""
        shown, written = describe(value), repr(value)
        assert 60 == len(shown)
        assert shown == written[:28] + "..." + written[-29:]

    @given(text=st.text(alphabet="ab", min_size=50, max_size=70))
    @example(text="a" * 57)  # shown whole, the set takes 61 characters
    def test_a_long_set_is_cut_at_60(self, text: str) -> None:
        """A set (from Python, never a document) shows whole up to 60 characters, else 57 and ``...``."""
        whole = "{" + describe(text) + "}"  # the set's one item, shown as describe shows it alone
        assert (whole if len(whole) <= 60 else whole[:57] + "...") == describe({text})

    @pytest.mark.parametrize(("value", "digits"), [(2**64, 20), (10**100, 101), (-(10**100), 101)])
    def test_a_huge_integer_is_shown_by_its_length(self, value: int, digits: int) -> None:
        """An integer past 64 bits shows as its number of digits (its text could pass Python's limit)."""
        assert digits == len(str(abs(value)))
        assert f"<an integer of about {digits} digits>" == describe(value)

    def test_nesting_is_cut_two_levels_into_a_set(self) -> None:
        """A set's items show two levels deep, deeper ones as ``...``: a thousand levels stay short."""
        deep: object = 1
        for _ in range(1000):
            deep = (deep,)
        assert "{(((...),),)}" == describe({deep})

    @pytest.mark.parametrize("value", ["8", ["8"]], ids=["text", "list"])
    def test_a_long_class_name_is_cut(self, value: object) -> None:
        """Text or a list of an application's own class names its first 20 characters."""

        class ApplicationSpecificValue(type(value)):  # type: ignore[misc] # a subclass of str or list
            pass

        assert describe(ApplicationSpecificValue(value)).endswith(" of type ApplicationSpecificV")

    @pytest.mark.parametrize("rule", RULES, ids=repr)
    def test_describes_itself(self, rule: Rule) -> None:
        """Every rule says in words what it accepts, and gives its JSON Schema."""
        assert rule.describe()
        assert isinstance(rule.schema(), dict)

    @pytest.mark.parametrize(("length", "valid"), [(0, False), (1, True), (100, True), (101, False)])
    def test_text_bounds(self, length: int, valid: bool) -> None:  # noqa: FBT001
        """Text of exactly the maximum length passes both the quick check and the full rule."""
        rule = Text(100)
        value = "x" * length
        assert valid == rule.accepts(value)
        assert valid == (not rule.findings(value))

    @pytest.mark.parametrize(
        ("value", "valid"), [(0, False), (1, True), (1000, True), (1001, False), (True, False)]
    )
    def test_whole_bounds(self, value: object, valid: bool) -> None:  # noqa: FBT001
        """Both ends of a whole number's range are included, and a bool is not a number."""
        rule = Whole(1, 1000)
        assert valid == rule.accepts(value)
        assert valid == (not rule.findings(value))

    @pytest.mark.parametrize(
        ("rule", "value", "valid"),
        [
            (Number(0, 10, above=True), 0, False),
            (Number(0, 10, above=True), 0.001, True),
            (Number(0, 10), 10, True),
            (Number(0, 10), float("nan"), False),
            (Number(0, 10), 10**400, False),
        ],
    )
    def test_number_bounds(self, rule: Number, value: object, valid: bool) -> None:  # noqa: FBT001
        """Numbers compare exactly at their bounds; NaN and huge integers are refused, never raise."""
        assert valid == rule.accepts(value)
        assert valid == (not rule.findings(value))

    @given(HOSTILE)
    def test_the_base_rule_accepts_anything(self, value: object) -> None:
        """`Rule` itself, which subclasses narrow, finds nothing wrong with any value."""
        rule = Rule()
        assert ([], True) == (rule.findings(value), rule.accepts(value))
        assert ({}, "anything") == (rule.schema(), rule.describe())

    @pytest.mark.parametrize(
        ("rule", "value", "code"),
        [
            (Whole(1, 10), 11, "out_of_range"),
            (Whole(1, 10), 8.0, "not_whole_number"),
            (Whole(1, 10), "8", "not_whole_number"),
            (Number(0, 10), 11, "out_of_range"),
            (Number(0, 10), 10.5, "out_of_range"),
            (Number(0, 10), "8", "not_a_number"),
            (Number(0, 10), True, "not_a_number"),
        ],
    )
    def test_numbers_out_of_range_and_not_numbers_have_their_own_codes(
        self, rule: Rule, value: object, code: str
    ) -> None:
        """A number past a bound is out of range; a value of the wrong kind is not a number at all."""
        assert [code] == [found for _, _, found in rule.findings(value)]

    def test_instance_names_what_it_expects(self) -> None:
        """An instance rule's message names the kind of object, and shows the value in document terms."""
        [(_, reason, code)] = Instance((Rest,), "a rest").findings(None)
        assert ("expected a rest, got null", "wrong_type") == (reason, code)

    @pytest.mark.parametrize("rule", [WholeOrRange(1, 10), NumberOrRange(1, 10)])
    def test_range_rules_narrow_the_ends(self, rule: Rule) -> None:
        """A rule that holds a range gives stricter rules for its ends."""
        assert {"min", "max"} == set(rule.narrows)


class TestItems:
    """`Items` over any rule: its quick check asks the item rule about each item."""

    @pytest.mark.parametrize(
        ("value", "accepted"),
        [
            ((1, 10), True),
            ((), True),
            ((1, 2, 3), True),
            ((0,), False),
            ((1, 11), False),
            ((1, 2, 3, 4), False),
            ([1], False),
        ],
    )
    def test_quick_check_of_whole_numbers(self, value: object, accepted: bool) -> None:  # noqa: FBT001
        """Up to three whole numbers from 1 to 10: each item judged by its own rule's quick check."""
        rule = Items(Whole(1, 10), max_length=3)
        assert accepted == rule.accepts(value)
        assert accepted == (not rule.findings(value))


class TestDeclarations:
    """Every field of every model class declares a rule and a meaning."""

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_every_field_has_a_rule_and_a_description(self, cls: type) -> None:
        """The rule and its words come from one declaration, read by the schema and the API reference."""
        for field in spec_of(cls).fields:
            assert isinstance(field.rule, Rule)
            assert field.description.endswith("."), field.name

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_defaults_follow_their_rules(self, cls: type) -> None:
        """A field left at its default needs no check: every default passes its field's rule."""
        defaults = {f.name: f.default for f in attrs.fields(cls) if f.default is not attrs.NOTHING}
        for field in spec_of(cls).fields:
            if field.name in defaults:
                assert [] == field.rule.findings(defaults[field.name]), field.name

    @pytest.mark.parametrize("rule", RULES, ids=repr)
    @pytest.mark.parametrize("number", [math.inf, -math.inf, math.nan, 10**700, -(10**700)])
    def test_no_rule_accepts_a_number_a_parser_refuses(self, rule: Rule, number: float) -> None:
        """No rule takes a non-finite or huge number: only a refused part may hold one (`check_refused`)."""
        assert not rule.accepts(number)
        assert rule.findings(number)

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_relations_are_documented(self, cls: type) -> None:
        """Every relation between fields says in words what it requires, and names real fields."""
        names = {f.name for f in spec_of(cls).fields}
        for relation in spec_of(cls).relations:
            assert relation.doc.endswith(".")
            assert set(relation.fields) <= names


class TestConverters:
    """Constructors accept lists and enum text, as their annotations say, and keep tuples and members."""

    def test_lists_and_text_become_tuples_and_members(self) -> None:
        """A list is kept as a tuple and an enum's text as its member: equal to the canonical form."""
        made = Exercise(
            name="Chop", dose=Reps(8), sides="each", cues=["Brace."], equipment=[Equipment("mat")]
        )
        assert (
            Exercise(
                name="Chop", dose=Reps(8), sides=Sides.EACH, cues=("Brace.",), equipment=(Equipment("mat"),)
            )
            == made
        )
        assert Sides.EACH is made.sides
        assert ("Brace.",) == made.cues

    @pytest.mark.parametrize("value", ["Brace.", {"a": 1}, 5])
    def test_other_values_are_refused_not_converted(self, value: object) -> None:
        """Text is not a list of characters and a mapping is not a list of its keys: both are refused."""
        with pytest.raises(ValidationError) as info:
            Exercise(name="Chop", dose=Reps(8), cues=value)  # type: ignore[arg-type]
        assert ["cues"] == [problem.path for problem in info.value.problems]

    def test_unknown_enum_text_is_refused(self) -> None:
        """Text that names no member is reported by the rule, not by the converter."""
        with pytest.raises(ValidationError) as info:
            Exercise(name="Chop", dose=Reps(8), sides="EACH")
        assert [("sides", "not_one_of")] == [(p.path, p.code) for p in info.value.problems]


class Name(str):
    """Text in a ``str`` subclass, as an application's own name type would hold it."""

    __slots__ = ()


SUBCLASSED_TEXT = st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=80)
"""Texts without whitespace or controls, short and over 60 characters, to hold in a subclass."""


class TestTextSubclasses:
    """Text is a plain ``str``, as in a document: a subclass is refused with a reason naming it."""

    @given(text=SUBCLASSED_TEXT)
    def test_refused_with_its_class(self, text: str) -> None:
        """Each text rule refuses text held in a subclass as of the wrong type, saying which one."""
        for rule, code in ((Text(100), "wrong_type"), (Url(), "not_a_url")):
            ((_, reason, found),) = rule.findings(Name(text))
            assert code == found
            assert reason.endswith("of type Name")
        assert len(describe(Name(text))) <= 60

    @given(text=SUBCLASSED_TEXT.filter(lambda text: len(text) <= 100))
    def test_constructors_and_loader_refuse_it(self, text: str) -> None:
        """A constructor and `from_dict` refuse it alike, with the reason, instead of an empty error."""
        with pytest.raises(ValidationError) as built:
            Exercise(name=Name(text), dose=Reps(8))
        document = to_dict(catalog.get("upper-body-for-runners")) | {"title": Name(text)}
        with pytest.raises(ValidationError) as loaded:
            from_dict(document)
        for error, path in ((built.value, "name"), (loaded.value, "title")):
            assert [(path, "wrong_type")] == [(p.path, p.code) for p in error.problems]
            assert str(error).endswith("of type Name")

    def test_an_enum_member_where_text_belongs(self) -> None:
        """A member of a text enum is text of its enum's class: refused, and its value shown."""

        class Tempos(StrEnum):
            SLOW = "3010"

        with pytest.raises(ValidationError, match=r"^notation: .*, got '3010' of type Tempos$"):
            Tempo(Tempos.SLOW)


class Rows(list[object]):
    """A list of an application's own class."""


def list_places(document: object) -> Iterator[tuple[str | int, ...]]:
    """The location of a list in ``document`` under each field name (the first one met)."""
    seen: set[object] = set()

    def walk(value: object, location: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
        if isinstance(value, list):
            if location[-1] not in seen:
                seen.add(location[-1])
                yield location
            for index, item in enumerate(value):
                yield from walk(item, (*location, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*location, key))

    return walk(document, ())


def as_rows(document: Any, location: tuple[str | int, ...]) -> Any:
    """A deep copy of ``document`` with the list at ``location`` held in a `Rows`."""
    copied = copy.deepcopy(document)
    *parents, last = location
    holder = copied
    for part in parents:
        holder = holder[part]
    holder[last] = Rows(holder[last])
    return copied


class TestContainerSubclasses:
    """A document's list or mapping of another class than ``list`` or ``dict`` is refused, named.

    Constructors take any list.
    """

    def test_from_dict_names_the_mapping_class(self) -> None:
        """An ``OrderedDict`` as the document or as a block is refused, saying what it is."""
        document = to_dict(catalog.get("tabata-protocol"))
        nested = document | {"blocks": [OrderedDict(document["blocks"][0])]}
        for data, path in ((OrderedDict(document), "(document)"), (nested, "blocks[0]")):
            ((found_path, reason, code),) = problems_of(data)
            assert (path, "wrong_type") == (found_path, code)
            assert reason.endswith("got a mapping of type OrderedDict")

    @pytest.mark.parametrize("name", catalog.names())
    def test_from_dict_names_the_list_class(self, name: str) -> None:
        """Any list of a document held in a list subclass is refused at the list, alone or with others."""
        document = to_dict(catalog.get(name))
        for location in list_places(document):
            path = runstrength.Problem(location, "").path
            data = as_rows(document, location)
            alone = problems_of(data)
            assert [(path, "expected a list, got a list of type Rows", "wrong_type")] == alone
            # An unknown key makes the fast path give up first: the list is met by the collecting pass.
            with_another = problems_of(data | {"titel": "T"})
            assert {(path, "wrong_type"), ("titel", "unknown_field")} == {(p, c) for p, _, c in with_another}

    def test_an_empty_list_subclass(self) -> None:
        """An empty list of another class is named too, rather than counted as too few items."""
        document = to_dict(catalog.get("tabata-protocol")) | {"blocks": Rows()}
        expected = [("blocks", "expected a list, got an empty list of type Rows", "wrong_type")]
        assert expected == problems_of(document)

    def test_constructors_take_any_list(self) -> None:
        """A constructor takes a list subclass as the list it is, and keeps a tuple."""
        squat = Exercise(name="Squat", dose=Reps(8), cues=Rows(["Brace"]))  # type: ignore[arg-type]
        workout = Workout(
            title="T",
            blocks=Rows([Block(name="B", items=Rows([squat]))]),  # type: ignore[arg-type]
        )
        expected = Workout(
            title="T",
            blocks=(Block(name="B", items=(Exercise(name="Squat", dose=Reps(8), cues=("Brace",)),)),),
        )
        assert expected == workout
        assert (tuple, tuple, tuple) == (
            type(workout.blocks),
            type(workout.blocks[0].items),
            type(squat.cues),
        )

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            ({}, "an empty mapping"),
            ([1], "a list"),
            ((), "an empty list"),
            (Rows(), "an empty list of type Rows"),
        ],
    )
    def test_describe(self, value: object, text: str) -> None:
        """Plain containers by what they are; a subclass adds its class."""
        assert text == describe(value)


class TestConstructors:
    """One loop checks every field; a doubt reports every problem at once."""

    def test_every_problem_of_an_object(self) -> None:
        """Problems in several fields and a relation are reported together."""
        with pytest.raises(ValidationError) as info:
            Exercise(name=" ", dose=Reps(8), sets=0, rest_between_sets=Rest(30), video="ftp://x")
        assert ["name", "sets", "video"] == [p.path for p in info.value.problems]

    def test_relation_with_defaults(self) -> None:
        """A relation sees defaulted fields too: a rest between sets needs sets above 1."""
        with pytest.raises(ValidationError) as info:
            Exercise(name="Curl", dose=Reps(8), rest_between_sets=Rest(30))
        assert [("rest_between_sets", "not_applicable")] == [(p.path, p.code) for p in info.value.problems]

    def test_text_at_the_limit_next_to_a_doubt(self) -> None:
        """A name of exactly the maximum length is accepted whether or not another field is doubted."""
        name = "x" * 100
        assert name == Exercise(name=name, dose=Reps(8)).name
        with pytest.raises(ValidationError) as info:
            Exercise(name=name, dose=Reps(8), sets=0)
        assert ["sets"] == [p.path for p in info.value.problems]

    def test_a_failing_constructor_shows_its_problems(self) -> None:
        """The exception names the class's fields and says what was found."""
        with pytest.raises(ValidationError, match=r"^reps: expected a whole number 1–1000 .*, got 8\.5$"):
            Reps(8.5)  # type: ignore[arg-type]


class TestModifications:
    """A modification replaces exactly the fields it sets."""

    def test_apply_keeps_every_field_it_sets(self) -> None:
        """Dose, sides, load, effort, tempo, equipment, cues and notes all carry over."""
        change = Modification(
            name="Slow Row",
            kind=ModificationKind.HARDER,
            dose=Reps(6),
            sides=Sides.EACH,
            load=Load(LoadLevel.HEAVY),
            effort=Effort(rpe=8),
            tempo=Tempo("4-1-1-0"),
            equipment=(Equipment("dumbbell", 2),),
            cues=("Lower slowly.",),
            notes="Pause at the top.",
        )
        applied = change.apply_to(Exercise(name="Row", dose=Reps(8), modifications=(change,)))
        for field in ("dose", "sides", "load", "effort", "tempo", "equipment", "cues", "notes"):
            assert getattr(change, field) == getattr(applied, field), field
        assert ("Slow Row", ()) == (applied.name, applied.modifications)

    def test_variant_error_keeps_the_item_path(self) -> None:
        """A variant that breaks a rule where it is used names the block and item it broke."""
        ladder = runstrength.Ladder((Reps(3), Reps(2)))
        harder = Modification(name="Ladder Curl", kind="harder", dose=ladder)
        exercise = Exercise(name="Curl", dose=Reps(8), modifications=(harder,))
        block = Block(name="Main", rounds=2, items=(Exercise(name="Squat", dose=Reps(5)), exercise))
        workout = Workout(
            title="W", blocks=(Block(name="Warm", items=(Exercise(name="Walk", dose=Duration(60)),)), block)
        )
        assert ladder == list(workout.variant("harder").blocks[1].exercises())[1].dose
        three = attrs.evolve(workout, blocks=(workout.blocks[0], attrs.evolve(block, rounds=3)))
        with pytest.raises(ValidationError) as info:
            three.variant("harder")
        assert ["blocks[1].items[1].dose.ladder"] == [p.path for p in info.value.problems]


class TestPickles:
    """Pickles carry a version and are validated when loaded."""

    def test_round_trip(self) -> None:
        """A workout survives pickling, copying and deep-copying unchanged."""
        workout = catalog.get("upper-body-for-runners")
        assert workout == pickle.loads(pickle.dumps(workout))  # noqa: S301 - our own pickle
        assert workout == copy.deepcopy(workout)

    def test_versioned_state(self) -> None:
        """The pickled state names its version."""
        _, (cls, version, values, names) = Reps(8).__reduce__()
        assert (Reps, PICKLE_VERSION, (8,), ("reps",)) == (cls, version, values, names)

    def test_fields_added_later_take_their_defaults(self) -> None:
        """A state naming fewer fields than the class has (an older release's) loads with defaults."""
        restore, _ = Exercise(name="Squat", dose=Reps(8)).__reduce__()
        loaded = restore(Exercise, PICKLE_VERSION, ("Squat", Reps(8)), ("name", "dose"))
        assert Exercise(name="Squat", dose=Reps(8)) == loaded

    def test_first_version_states_load(self) -> None:
        """Version 1 states (values in field order) load while the fields match."""
        restore, _ = Reps(8).__reduce__()
        assert Reps(8) == restore(Reps, 1, (8,))

    def test_unknown_field_is_refused(self) -> None:
        """A state naming a field the class lacks fails with a clear error."""
        restore, _ = Reps(8).__reduce__()
        with pytest.raises(TypeError, match="does not have"):
            restore(Reps, PICKLE_VERSION, (8,), ("repetitions",))

    def test_unknown_version_is_refused(self) -> None:
        """A state of another version fails with a clear error, not a half-made object."""
        restore, _ = Reps(8).__reduce__()
        with pytest.raises(TypeError, match="state version 99"):
            restore(Reps, 99, (8,))

    def test_tampered_state_is_validated(self) -> None:
        """Values that break a rule are refused when loaded, as in the constructor."""
        restore, _ = Reps(8).__reduce__()
        with pytest.raises(ValidationError):
            restore(Reps, PICKLE_VERSION, (0,), ("reps",))

    def test_states_without_a_version_load(self) -> None:
        """Pickles made before the state had a version (a tuple of field values) still load, validated."""
        reps = Reps.__new__(Reps)
        reps.__setstate__((8,))
        assert Reps(8) == reps
        broken = Reps.__new__(Reps)
        with pytest.raises(ValidationError):
            broken.__setstate__((0,))
        with pytest.raises(TypeError, match="unknown state"):
            broken.__setstate__({"reps": 8})


def _count_validations(make: Any) -> int:
    """How many model objects ``make`` validated (calls of the validation loop)."""
    calls = 0

    def profile(frame: FrameType, event: str, _: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code is Validated.__attrs_post_init__.__code__:
            calls += 1

    sys.setprofile(profile)
    try:
        make()
    except ValidationError:
        pass
    finally:
        sys.setprofile(None)
    return calls


class TestLoading:
    """A document is tried once and, only if that fails, explained once."""

    def test_rejecting_costs_about_one_more_pass(self) -> None:
        """One bad leaf at the deepest level costs at most twice the objects built when valid."""
        valid = _count_validations(lambda: from_dict(document()))
        bad = document()
        bad["blocks"][1]["items"][1]["exercises"][0]["modifications"][0]["dose"]["reps"] = {
            "min": 6,
            "max": 8.5,
        }
        assert _count_validations(lambda: from_dict(bad)) <= 2 * valid

    def test_range_problems_all_at_once(self) -> None:
        """A range's ends and their order are reported together."""
        bad = document()
        bad["blocks"][1]["items"][0]["exercises"][0]["dose"] = {"reps": {"min": 8.0, "max": 6}}
        where = "blocks[1].items[0].exercises[0].dose.reps"
        assert [
            (f"{where}.max", "expected at least min (8), got 6", "out_of_order"),
            (f"{where}.min", "expected a whole number from 1 to 1000, got 8.0", "not_whole_number"),
        ] == problems_of(bad)

    @pytest.mark.parametrize("key", [None, 5, ("a",)])
    def test_keys_that_are_not_text(self, key: object) -> None:
        """A null or number key is refused, never dropped with its value."""
        bad: dict[Any, Any] = document()
        bad[key] = "x"
        [(_, reason, code)] = problems_of(bad)
        assert ("unknown field (field names are text)", "unknown_field") == (reason, code)

    def test_problems_are_capped(self) -> None:
        """A document with thousands of problems lists the first ones and counts the rest."""
        bad = document()
        bad["blocks"][0]["items"] = [{}] * 100 + [{"name": "x", "dose": {"reps": 0}}] * 2000
        with pytest.raises(ValidationError) as info:
            from_dict(bad)
        assert MAX_PROBLEMS == len(info.value.problems)
        assert info.value.omitted > 0
        assert str(info.value).endswith(f"... and {info.value.omitted} more problems")

    def test_long_unknown_keys_get_no_suggestion(self) -> None:
        """Suggesting a close key is bounded: a huge key is reported plainly."""
        bad = document()
        bad["t" * 10_000] = 1
        [(path, reason, _)] = problems_of(bad)
        assert reason.startswith("unknown field; expected one of")
        assert len(path) < 100

    @pytest.mark.parametrize(("depth", "refused"), [(MAX_DEPTH, False), (MAX_DEPTH + 1, True)])
    def test_nesting_limit_is_exact(self, depth: int, refused: bool) -> None:  # noqa: FBT001
        """A document nested exactly to the limit reaches the rules; one level more is refused as too deep."""
        nested: object = 1
        for _ in range(depth - 1):
            nested = [nested]
        bad = document()
        bad["notes"] = nested
        codes = {code for _, _, code in problems_of(bad)}
        assert refused == ("too_deep" in codes)

    @given(data=st.data())
    def test_every_code_is_documented(self, data: st.DataObject) -> None:
        """Whatever a document gets wrong, its problems carry documented codes."""
        bad = document()
        block = data.draw(st.sampled_from(bad["blocks"]))
        item = data.draw(st.sampled_from(block["items"]))
        key = data.draw(st.sampled_from(sorted(item)))
        item[key] = data.draw(HOSTILE.filter(lambda v: not isinstance(v, Validated | Sides)))
        assert {code for _, _, code in problems_if_any(bad)} <= set(CODES)

    def test_superset_in_place_of_an_exercise(self) -> None:
        """An unknown type tag is reported with its code."""
        bad = document()
        bad["blocks"][1]["items"][0]["type"] = "triset"
        [(path, _, code)] = problems_of(bad)
        assert ("blocks[1].items[0].type", "unknown_type") == (path, code)

    def test_loader_builds_what_the_constructors_build(self) -> None:
        """Every built-in workout loads to the object its document describes."""
        for name in catalog.names():
            workout = catalog.get(name)
            assert workout == from_dict(to_dict(workout))
            assert isinstance(workout.blocks, tuple)
            assert all(isinstance(block, Block) for block in workout.blocks)
            supersets = [
                item for block in workout.blocks for item in block.items if isinstance(item, Superset)
            ]
            assert all(isinstance(s.exercises, tuple) for s in supersets)


def _parts(value: object) -> Iterator[Validated]:
    """Every model object in ``value``, itself included."""
    if isinstance(value, Validated):
        yield value
        for field in spec_of(type(value)).fields:
            yield from _parts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _parts(item)


def doubted(workout: runstrength.Workout) -> list[tuple[str, str, object]]:
    """The fields of a workout's objects whose quick check doubts the value the object holds."""
    return [
        (type(part).__name__, field.name, getattr(part, field.name))
        for part in _parts(workout)
        for field in spec_of(type(part)).fields
        if not field.rule.accepts(getattr(part, field.name))
    ]


@pytest.mark.parametrize("name", runstrength.catalog.names())
def test_quick_checks_pass_the_built_in_workouts(name: str) -> None:
    """On every built-in workout the quick checks never doubt (see the property below)."""
    assert [] == doubted(runstrength.catalog.get(name))


@given(strategies.workouts())
def test_quick_checks_pass_the_model_values(workout: runstrength.Workout) -> None:
    """On the values of valid objects the quick checks never doubt: construction stays on the quick path.

    Doubting is allowed (the full rule then decides), but a quick check that doubts what
    the model itself holds would send every construction to the slow path.
    """
    assert [] == doubted(workout)
