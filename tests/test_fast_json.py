"""jiter reads JSON for `runstrength.loads` exactly as the stdlib parser does (the ``fast`` extra).

`runstrength.loads` tries jiter first when it is installed; the stdlib parser reads whatever
jiter refuses, and reads a refused document again when a refused part holds a number only jiter
reads (an infinity from ``1e400``).
Every test here reads the same text both ways and expects the same answer: an equal workout,
or the same problems (path, reason, code, line and column). The texts are generated: hostile
documents written as JSON in several ways, and valid documents edited as text where a parser
could differ (numbers, escapes, keys, white space, nesting, the ends of the text).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import runstrength
from _hostile import hostile_document
from runstrength import ValidationError, catalog
from runstrength._document import syntax
from runstrength._errors import MAX_PROBLEMS

JITER = syntax.jiter_parser()
pytestmark = pytest.mark.skipif(JITER is None, reason="needs the fast extra (jiter)")

Outcome = tuple[str, object]


def outcome(text: str | bytes) -> Outcome:
    """What `runstrength.loads` answers: the workout, or every problem as the user sees it."""
    try:
        return ("workout", runstrength.loads(text))
    except ValidationError as error:
        problems = [(p.path, p.reason, p.code, p.line, p.column) for p in error.problems]
        return ("refused", (problems, error.omitted))


def codes(answer: Outcome) -> list[str]:
    """The codes of the problems of a refused document's outcome (none for a workout)."""
    if answer[0] != "refused":
        return []
    refusal: tuple[list[tuple[object, ...]], int] = answer[1]  # type: ignore[assignment] # problems, omitted
    return [str(problem[2]) for problem in refusal[0]]


def both_ways(text: str | bytes) -> tuple[Outcome, Outcome]:
    """The outcome with jiter first, and with the stdlib parser alone."""
    with syntax.reading_json_with(JITER):
        fast = outcome(text)
    with syntax.reading_json_with(None):
        plain = outcome(text)
    return fast, plain


TEXTS = {name: runstrength.dumps(catalog.get(name)) for name in catalog.names()}

NUMBERS = (
    "1e400",
    "-1e400",
    "1E309",
    "2.5e+308",
    "1" * 5000,
    "1" * 700,
    "9" * 320 + ".5",
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "-0.0",
    "1e-400",
    "8.0",
    "8e0",
    "0.8e1",
    "08",
    "8.",
    ".8",
    "+8",
    "0x8",
)
"""Number tokens, valid or not, on which two JSON parsers could disagree."""
STRINGS = (
    '"\\ud800"',
    '"\\udc00\\ud800"',
    '"\\ud83d\\ude00"',
    '"a\\u0000b"',
    '"\\u003a"',
    '"\\""',
    '"\x7f"',
    '"\x01"',
    '"\t"',
    '"\\x41"',
    '"\\u00e9"',
    '"e\\u0301"',
    '"\ufeff"',
    '"\ud800"',
    "'single'",
)
"""String tokens, valid or not (raw control characters, lone surrogates, bad escapes)."""
SPACES = (" ", "\t", "\r\n", "\f", "\v", "\u00a0", "\u2028", "")


def _number(text: str, draw: st.DrawFn) -> str:
    spots = [i for i in range(1, len(text)) if text[i].isdigit() and text[i - 1] in " [-"]
    if not spots:
        return text
    at = end = draw(st.sampled_from(spots))
    while end < len(text) and text[end] in "0123456789.eE+-":
        end += 1
    return text[:at] + draw(st.sampled_from(NUMBERS)) + text[end:]


def _string(text: str, draw: st.DrawFn) -> str:
    spots = [i for i in range(2, len(text)) if text[i] == '"' and text[i - 2 : i] == ": "]
    if not spots:
        return text
    at = draw(st.sampled_from(spots))
    end = text.find('"', at + 1)  # none: the text was cut inside the string
    return text[:at] + draw(st.sampled_from(STRINGS)) + (text[end + 1 :] if end > 0 else "")


def _key(text: str, draw: st.DrawFn) -> str:
    """The same key again before a key, spelled plainly or with an escape."""
    spots = [
        i for i in range(2, len(text)) if text[i] == '"' and text[i - 1] in "{ " and text[i - 2 : i] != ": "
    ]
    if not spots:
        return text
    at = draw(st.sampled_from(spots))
    key = text[at + 1 : text.find('"', at + 1)]  # to the end, if the text was cut inside it
    escaped = key[:-1] + f"\\u{ord(key[-1]):04x}" if key else key
    return text[:at] + f'"{draw(st.sampled_from([key, escaped]))}": 1, ' + text[at:]


def _space(text: str, draw: st.DrawFn) -> str:
    spots = [i for i, c in enumerate(text) if c in ":,\n"]
    if not spots:
        return text
    at = draw(st.sampled_from(spots))
    return text[:at] + draw(st.sampled_from(SPACES)) + text[at:]


def _nest(text: str, draw: st.DrawFn) -> str:
    """A value wrapped in lists, as deep as around the limit and past jiter's own."""
    spots = [i for i in range(2, len(text)) if text[i - 2 : i] == ": "]
    if not spots:
        return text
    at = draw(st.sampled_from(spots))
    end = at
    while end < len(text) and text[end] not in ",\n}":
        end += 1
    depth = draw(st.sampled_from([1, 38, 39, 40, 41, 199, 201, 1100]))
    return text[:at] + "[" * depth + text[at:end] + "]" * depth + text[end:]


def _unknown(text: str, draw: st.DrawFn) -> str:
    """A key the model does not have, holding a number two parsers could read differently."""
    spots = [i + 1 for i, c in enumerate(text) if c == "{"]
    if not spots:
        return text
    at = draw(st.sampled_from(spots))
    number = draw(st.sampled_from(NUMBERS))
    value = draw(st.sampled_from([number, f"[{number}]", f'{{"deep": [[{number}]]}}']))
    return text[:at] + f'"not_a_field": {value}, ' + text[at:]


def _ends(text: str, draw: st.DrawFn) -> str:
    return (
        draw(st.sampled_from(["\ufeff", " ", "\n", ""]))
        + text
        + draw(st.sampled_from(["", " ", "x", "{}", "\x00"]))
    )


def _cut(text: str, draw: st.DrawFn) -> str:
    return text[: draw(st.integers(0, len(text)))]


EDITS: dict[str, Callable[[str, st.DrawFn], str]] = {
    "number": _number,
    "string": _string,
    "key": _key,
    "space": _space,
    "nest": _nest,
    "unknown": _unknown,
    "ends": _ends,
    "cut": _cut,
}
"""Each kind of edit: a valid document changed where two parsers could read it differently."""


@st.composite
def edited_texts(draw: st.DrawFn) -> str:
    """A built-in workout's JSON text with one to three edits where parsers could differ."""
    text = TEXTS[draw(st.sampled_from(sorted(TEXTS)))]
    for _ in range(draw(st.integers(1, 3))):
        text = EDITS[draw(st.sampled_from(sorted(EDITS)))](text, draw)
    return text


class TestSameAsTheStdlibParser:
    """jiter first, or the stdlib parser alone: the same workout, or the same problems."""

    @settings(max_examples=max(200, settings().max_examples))
    @given(text=edited_texts())
    def test_edited_text(self, text: str) -> None:
        """Valid documents edited as text where two parsers could read differently."""
        fast, plain = both_ways(text)
        assert fast == plain

    @settings(max_examples=max(100, settings().max_examples))
    @given(seed=st.integers(0, 2**32 - 1), indent=st.sampled_from([None, 2]), ascii_only=st.booleans())
    def test_hostile_document(self, seed: int, indent: int | None, ascii_only: bool) -> None:  # noqa: FBT001
        """Hostile documents (huge, non-finite and odd numbers, odd keys, lone surrogates, depth)."""
        document = hostile_document(random.Random(seed))
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)  # a huge integer is written out, for the parsers to refuse
        try:
            text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
        except RecursionError:  # nested deeper than json.dumps writes
            assume(False)
        finally:
            sys.set_int_max_str_digits(limit)
        fast, plain = both_ways(text)
        assert fast == plain
        fast_bytes, plain_bytes = both_ways(text.encode("utf-8", "surrogatepass"))
        assert fast_bytes == plain_bytes

    @pytest.mark.parametrize("name", sorted(TEXTS))
    def test_built_in_workout(self, name: str) -> None:
        """Every built-in workout reads to the same workout both ways, as it was written."""
        fast, plain = both_ways(TEXTS[name])
        assert fast == plain == ("workout", catalog.get(name))

    @pytest.mark.parametrize("number", ["1e400", "-1E999", "9" * 320 + ".0"])
    @pytest.mark.parametrize(
        ("written", "where"),
        [
            ('"per_week": 5', '"per_week": {}'),  # a field's value
            (
                '"schema_version": 1',
                '"schema_version": 1, "extra": {{"deep": [[{}]]}}',
            ),  # under an unknown key
            ('"targets": [', '"targets": [[[{}]], '),  # inside a list item of the wrong type
            ('"rounds": 8', '"rounds": 0, "notes": [{}]'),  # beside another problem
            ('"type": "intervals"', '"type": "no such type", "extra": [{}]'),  # beside a tag naming no class
        ],
    )
    def test_number_too_large_to_be_finite(self, number: str, written: str, where: str) -> None:
        """Jiter reads these as infinities; the document is refused as the stdlib parser refuses it."""
        text = TEXTS["tabata-protocol"].replace(written, where.format(number), 1)
        assert text != TEXTS["tabata-protocol"]
        fast, plain = both_ways(text)
        assert fast == plain
        assert codes(fast) == ["not_finite"]

    def test_number_too_large_past_the_problems_listed(self) -> None:
        """Among more problems than an error lists, such a number still refuses the document as before."""
        bad = {"name": "Squat", "dose": {"reps": 0}}  # no reps: a problem each
        blocks = [{"name": f"Block {b}", "items": [bad] * 100} for b in range(MAX_PROBLEMS // 100 + 1)]
        blocks[-1]["items"] = [*blocks[-1]["items"][:-1], {**bad, "not_a_field": "INFINITE"}]
        document = {"schema_version": 1, "title": "Too many problems", "blocks": blocks}
        text = json.dumps(document).replace('"INFINITE"', "[1e400]")
        fast, plain = both_ways(text)
        assert fast == plain
        assert codes(fast) == ["not_finite"]
        without = both_ways(text.replace("1e400", "1"))[0]
        assert len(codes(without)) == MAX_PROBLEMS
        assert "unknown_field" not in codes(without)  # past the problems listed
        assert without[1][1] > 0  # type: ignore[index] # omitted

    def test_integer_longer_than_the_limit(self) -> None:
        """With Python's limit on digits set lower than jiter's, a longer integer is refused as before."""
        text = TEXTS["tabata-protocol"].replace('"per_week": 5', f'"per_week": {"1" * 700}', 1)
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(640)
        try:
            fast, plain = both_ways(text)
        finally:
            sys.set_int_max_str_digits(limit)
        assert fast == plain
        assert codes(fast) == ["number_too_long"]


class TestSwitch:
    """jiter is used when installed, unless ``RUNSTRENGTH_NO_JITER=1``."""

    @pytest.mark.parametrize(("setting", "used"), [("", True), ("1", False)])
    def test_environment(self, setting: str, used: bool) -> None:  # noqa: FBT001 - a parameter
        """The switch is read once, when JSON is first parsed; jiter loads only when used."""
        code = (
            "import json, sys, runstrength\n"
            "before = 'jiter' in sys.modules\n"
            "runstrength.loads(runstrength.dumps(runstrength.catalog.get('tabata-protocol')))\n"
            "print(json.dumps([before, 'jiter' in sys.modules]))"
        )
        result = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"RUNSTRENGTH_NO_JITER": setting, "PATH": ""},
        )
        assert json.loads(result.stdout) == [False, used]

    def test_refusal_reads_again_only_for_such_a_number(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The stdlib parser reads a refused document again only when it holds a number only jiter reads."""
        read_again: list[str] = []
        stdlib = syntax.parse_json

        def counting(text: str) -> Any:
            read_again.append(text)
            return stdlib(text)

        monkeypatch.setattr(syntax, "parse_json", counting)
        finite = TEXTS["tabata-protocol"].replace('"per_week": 5', '"per_week": 1e300', 1)
        infinite = finite.replace("1e300", "1e400")
        with syntax.reading_json_with(JITER):
            assert codes(outcome(finite)) == ["not_whole_number"]
            assert read_again == []
            assert codes(outcome(infinite)) == ["not_finite"]
        assert read_again == [infinite]

    def test_used_by_loads(self) -> None:
        """`runstrength.loads` reads a valid JSON document with jiter, when it is switched on."""
        calls: list[bytes] = []
        assert JITER is not None

        def counting(data: bytes) -> Any:
            calls.append(data)
            return JITER(data)

        text = TEXTS["tabata-protocol"]
        with syntax.reading_json_with(counting):
            assert runstrength.loads(text) == catalog.get("tabata-protocol")
        assert calls == [text.encode()]
