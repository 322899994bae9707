import math
import pickle
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrength import (
    Credit,
    Distance,
    DistanceUnit,
    Duration,
    Effort,
    Efforts,
    Equipment,
    Frequency,
    Ladder,
    Load,
    LoadLevel,
    LoadUnit,
    MaxReps,
    Range,
    RangePoint,
    Reps,
    Rest,
    Sides,
    Source,
    Tempo,
    ValidationError,
)
from runstrength._spec.rules import describe
from runstrength._values import format_pace


def problems_of(make: Callable[[], object]) -> list[tuple[str, str]]:
    """The (path, reason) pairs of the ValidationError that ``make`` raises."""
    with pytest.raises(ValidationError) as info:
        make()
    return [(problem.path, problem.reason) for problem in info.value.problems]


def paths_of(make: Callable[[], object]) -> list[str]:
    """The paths of the ValidationError that ``make`` raises."""
    return [path for path, _ in problems_of(make)]


class TestRange:
    """An inclusive range of numbers."""

    @pytest.mark.parametrize(("low", "high"), [(6, 8), (8, 8), (0, 0), (30, 45.5), (0.5, 1)])
    def test_accepts_min_up_to_max(self, low: float, high: float) -> None:
        """Any min at most max is a range, ends included."""
        assert (low, high) == attrs.astuple(Range(low, high))

    def test_min_above_max(self) -> None:
        """A min above max is reported on ``max``, with both numbers."""
        expected = [("max", "expected at least min (8), got 6")]
        assert expected == problems_of(lambda: Range(8, 6))

    @pytest.mark.parametrize(
        ("low", "high", "paths"),
        [
            (-1, 5, ["min"]),
            (True, 5, ["min"]),
            ("6", 8, ["min"]),
            (6, None, ["max"]),
            (6, float("nan"), ["max"]),
            (6, float("inf"), ["max"]),
            (-1, "x", ["max", "min"]),
            (-2, -1, ["max", "min"]),
        ],
    )
    def test_rejects_ends_that_are_not_numbers(self, low: object, high: object, paths: list[str]) -> None:
        """Each end must be a finite, non-negative int or float (not a bool, not text)."""
        assert paths == paths_of(lambda: Range(low, high))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("which", "expected"), [(RangePoint.MIN, 30), (RangePoint.TYPICAL, 37.5), (RangePoint.MAX, 45)]
    )
    def test_point(self, which: RangePoint, expected: float) -> None:
        """``point`` gives the minimum, the middle or the maximum."""
        assert expected == Range(30, 45).point(which)

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Range(6, 8), "6–8"),
            (Range(0.5, 1.5), "0.5–1.5"),
            (Range(-0.0, 0.5), "0–0.5"),
            (Range(0, -0.0), "0–0"),
        ],
    )
    def test_str(self, value: Range, text: str) -> None:
        """``str()`` joins the ends with an en dash; a negative zero shows as 0."""
        assert text == str(value)

    def test_repr(self) -> None:
        """The repr is distinctive and shows both ends."""
        expected = "<Range(6, 8)>"
        assert expected == repr(Range(6, 8))


class TestReps:
    """A rep count or a rep range."""

    @pytest.mark.parametrize(
        ("dose", "text"),
        [(Reps(8), "8 reps"), (Reps(1), "1 rep"), (Reps(Range(6, 8)), "6–8 reps"), (Reps(1000), "1000 reps")],
    )
    def test_str(self, dose: Reps, text: str) -> None:
        """``str()`` reads as a count of reps."""
        assert text == str(dose)

    @pytest.mark.parametrize(
        ("value", "path", "found"),
        [
            (8.9, "reps", "8.9"),
            (8.0, "reps", "8.0"),
            ("8", "reps", "'8'"),
            (True, "reps", "true"),
            (None, "reps", "null"),
            (0, "reps", "0"),
            (1001, "reps", "1001"),
            (Range(0, 8), "reps.min", "0"),
            (Range(6, 8.5), "reps.max", "8.5"),
        ],
    )
    def test_rejects(self, value: object, path: str, found: str) -> None:
        """Only a whole number from 1 to 1000, or a range of them, is a rep count."""
        [(actual_path, reason)] = problems_of(lambda: Reps(value))  # type: ignore[arg-type]

        assert path == actual_path
        assert reason.startswith("expected a whole number")
        assert reason.endswith(f"got {found}")

    def test_huge_number(self) -> None:
        """A 5000-digit count is refused with a ValidationError, like any other out-of-range count."""
        expected = ["reps"]
        assert expected == paths_of(lambda: Reps(10**5000))

    def test_value_semantics(self) -> None:
        """Equal doses are equal and hash alike; a different kind is not equal."""
        assert Reps(8) == Reps(8)
        assert hash(Reps(Range(6, 8))) == hash(Reps(Range(6, 8)))
        assert Reps(8) != Duration(8)

    def test_frozen(self) -> None:
        """A dose cannot be changed in place."""
        dose = Reps(8)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            dose.reps = 10  # type: ignore[misc]


class TestDuration:
    """A time to work or hold, in seconds."""

    @pytest.mark.parametrize(
        ("seconds", "text"),
        [
            (30, "30 s"),
            (90, "90 s"),
            (120, "2 min"),
            (150, "2 min 30 s"),
            (135, "135 s"),
            (3600, "60 min"),
            (Range(30, 45), "30–45 s"),
        ],
    )
    def test_str(self, seconds: int | Range, text: str) -> None:
        """Short times read in seconds, whole and half minutes from two minutes up in minutes."""
        assert text == str(Duration(seconds))

    @pytest.mark.parametrize("seconds", [0, 14_401, 30.5, "30", True, Range(0, 30)])
    def test_rejects(self, seconds: object) -> None:
        """A duration is whole seconds from 1 to 4 hours."""
        with pytest.raises(ValidationError):
            Duration(seconds)  # type: ignore[arg-type]


class TestDistance:
    """A distance to cover."""

    @pytest.mark.parametrize(
        ("dose", "text"),
        [
            (Distance(400), "400 m"),
            (Distance(1.5, DistanceUnit.KILOMETRES), "1.5 km"),
            (Distance(1, DistanceUnit.MILES), "1 mi"),
        ],
    )
    def test_str(self, dose: Distance, text: str) -> None:
        """``str()`` is the amount and the unit's symbol."""
        assert text == str(dose)

    @pytest.mark.parametrize(
        ("dose", "metres"),
        [(Distance(400), 400), (Distance(1.5, "km"), 1500), (Distance(2, "mi"), 3218.688)],
    )
    def test_metres(self, dose: Distance, metres: float) -> None:
        """``metres`` converts from the dose's unit."""
        assert metres == pytest.approx(dose.metres)

    @pytest.mark.parametrize("dose", [Distance(100, "km"), Distance(100_000), Distance(62.1, "mi")])
    def test_up_to_100_km_in_all(self, dose: Distance) -> None:
        """100 km is the longest distance in any unit."""
        assert dose.metres <= 100_000

    @pytest.mark.parametrize("dose", [Distance(1), Distance(0.001, "km"), Distance(0.0007, "mi")])
    def test_from_1_m_in_all(self, dose: Distance) -> None:
        """1 m is the shortest distance in any unit."""
        assert dose.metres >= 1

    @pytest.mark.parametrize(("seconds", "text"), [(60, "1:00/km"), (373, "6:13/km"), (3599, "59:59/km")])
    def test_pace_text(self, seconds: int, text: str) -> None:
        """A pace in seconds per km reads as minutes and seconds per km."""
        assert text == format_pace(seconds)

    def test_unit_given_as_text(self) -> None:
        """A unit's symbol is accepted for the unit."""
        assert DistanceUnit.KILOMETRES is Distance(5, "km").unit

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Distance(0), "distance"),
            (lambda: Distance(0.5), "distance"),
            (lambda: Distance(0.0009, "km"), "distance"),
            (lambda: Distance(-400), "distance"),
            (lambda: Distance(True), "distance"),
            (lambda: Distance("400"), "distance"),  # type: ignore[arg-type]
            (lambda: Distance(101, "km"), "distance"),
            (lambda: Distance(63, "mi"), "distance"),
            (lambda: Distance(100.0005, "km"), "distance"),
            (lambda: Distance(400, "yd"), "unit"),
            (lambda: Distance(400, "M"), "unit"),
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """A distance is above zero and at most 100 km, in m, km or mi."""
        assert [path] == paths_of(make)


class TestMaxReps:
    """As many reps as possible, optionally within a time cap."""

    @pytest.mark.parametrize(
        ("dose", "text"),
        [(MaxReps(), "max reps"), (MaxReps(45), "max reps in 45 s"), (MaxReps(120), "max reps in 2 min")],
    )
    def test_str(self, dose: MaxReps, text: str) -> None:
        """``str()`` names the time cap when there is one."""
        assert text == str(dose)

    @pytest.mark.parametrize("cap", [0, 3601, 30.0, True, "60"])
    def test_rejects_time_cap(self, cap: object) -> None:
        """A time cap is whole seconds from 1 to 3600."""
        expected = ["time_cap"]
        assert expected == paths_of(lambda: MaxReps(cap))  # type: ignore[arg-type]


class TestLadder:
    """A dose that changes from one round or set to the next."""

    @pytest.mark.parametrize(
        ("dose", "text"),
        [
            (Ladder((Reps(10), Reps(8), Reps(6))), "10-8-6 reps"),
            (Ladder((Reps(10), Duration(30))), "10 reps, 30 s"),
        ],
    )
    def test_str(self, dose: Ladder, text: str) -> None:
        """A rep ladder reads as ``10-8-6 reps``; a mixed one lists each step."""
        assert text == str(dose)

    def test_list_becomes_tuple(self) -> None:
        """Steps given as a list are kept as a tuple."""
        assert (Reps(10), Reps(8)) == Ladder([Reps(10), Reps(8)]).ladder

    @pytest.mark.parametrize(
        ("steps", "paths"),
        [
            ((Reps(10),), ["ladder"]),
            ((), ["ladder"]),
            ((Reps(10), 8), ["ladder[1]"]),
            ((Reps(10), Ladder((Reps(1), Reps(2)))), ["ladder[1]"]),
            ((8, Reps(10), "6"), ["ladder[0]", "ladder[2]"]),
            ("10-8-6", ["ladder"]),
        ],
    )
    def test_rejects(self, steps: object, paths: list[str]) -> None:
        """A ladder has at least two steps, each a single dose (not another ladder)."""
        assert paths == paths_of(lambda: Ladder(steps))  # type: ignore[arg-type]


class TestRest:
    """A rest: fixed, a range, or as needed within a range."""

    @pytest.mark.parametrize(
        ("rest", "text"),
        [
            (Rest(30), "30 s"),
            (Rest(0), "0 s"),
            (Rest(180), "3 min"),
            (Rest.between(60, 90), "60–90 s"),
            (Rest.between(30, 90, as_needed=True), "as needed (30–90 s)"),
            (Rest(60, as_needed=True), "as needed (60 s)"),
        ],
    )
    def test_str(self, rest: Rest, text: str) -> None:
        """``str()`` gives the seconds, and says when the athlete decides."""
        assert text == str(rest)

    def test_between_is_a_range(self) -> None:
        """``Rest.between`` is a rest whose seconds are a range."""
        assert Rest(Range(60, 90)) == Rest.between(60, 90)
        assert Rest(Range(30, 90), as_needed=True) == Rest.between(30, 90, as_needed=True)

    def test_not_as_needed_by_default(self) -> None:
        """A rest is fixed unless it says otherwise."""
        assert not Rest(30).as_needed

    def test_between_checks_its_range(self) -> None:
        """A backwards range is refused."""
        with pytest.raises(ValidationError):
            Rest.between(90, 60)

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Rest(-1), "seconds"),
            (lambda: Rest(3601), "seconds"),
            (lambda: Rest(30.5), "seconds"),  # type: ignore[arg-type]
            (lambda: Rest("30"), "seconds"),  # type: ignore[arg-type]
            (lambda: Rest(30, as_needed=1), "as_needed"),  # type: ignore[arg-type]
            (lambda: Rest(30, as_needed="yes"), "as_needed"),  # type: ignore[arg-type]
            (lambda: Rest(30, as_needed=None), "as_needed"),  # type: ignore[arg-type]
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """Seconds are whole, 0 to 3600; ``as_needed`` is exactly true or false."""
        assert [path] == paths_of(make)


_AMOUNTS = st.just(-0.0) | st.integers(0, 10_000) | st.floats(-0.0, 10_000)
"""Every valid amount of a load, negative zero often (the public strategies leave it out)."""


class TestLoad:
    """A load: a level, an amount with a unit, or both."""

    @pytest.mark.parametrize(
        ("load", "text"),
        [
            (Load(LoadLevel.LIGHT), "light"),
            (Load(amount=20, unit=LoadUnit.KG), "20 kg"),
            (Load(amount=Range(8, 10), unit=LoadUnit.LB), "8–10 lb"),
            (Load(LoadLevel.MEDIUM, 10, LoadUnit.LB), "medium 10 lb"),
            (Load(amount=70, unit=LoadUnit.PERCENT_1RM), "70% 1RM"),
            (Load(amount=-0.0, unit=LoadUnit.KG), "0.0 kg"),
            (Load(amount=Range(-0.0, -0.0), unit=LoadUnit.PERCENT_BODYWEIGHT), "0–0% BW"),
        ],
    )
    def test_str(self, load: Load, text: str) -> None:
        """``str()`` gives the level, then the amount and unit (a negative zero as zero)."""
        assert text == str(load)

    def test_negative_zero_is_kept(self) -> None:
        """A negative zero is a valid amount, kept as given: only its text drops the sign."""
        amount = Load(amount=-0.0, unit=LoadUnit.KG).amount
        assert isinstance(amount, float)
        assert -1.0 == math.copysign(1, amount)

    @given(
        st.builds(
            Load,
            level=st.none() | st.sampled_from(LoadLevel),
            amount=st.one_of(
                _AMOUNTS, st.tuples(_AMOUNTS, _AMOUNTS).map(lambda ends: Range(min(ends), max(ends)))
            ),
            unit=st.sampled_from(LoadUnit),
        )
    )
    def test_no_minus_sign(self, load: Load) -> None:
        """No valid load reads as negative: a minus sign shows only in an exponent (``1e-05``)."""
        assert re.search("(?<!e)-", str(load)) is None

    def test_enums_given_as_text(self) -> None:
        """Levels and units are accepted by their values."""
        load = Load("light", 5, "kg")

        expected = (LoadLevel.LIGHT, LoadUnit.KG)
        assert expected == (load.level, load.unit)

    @pytest.mark.parametrize(
        ("make", "problems"),
        [
            (Load, [("(document)", "expected a level, or an amount with a unit")]),
            (lambda: Load(amount=20), [("unit", "expected a unit for the amount (kg, lb, %1RM or %BW)")]),
            (lambda: Load(unit=LoadUnit.KG), [("amount", "expected an amount for the unit kg")]),
        ],
    )
    def test_relations(self, make: Callable[[], object], problems: list[tuple[str, str]]) -> None:
        """A load needs something to say, and an amount and a unit come together."""
        assert problems == problems_of(make)

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Load("feather"), "level"),
            (lambda: Load(amount=-1, unit=LoadUnit.KG), "amount"),
            (lambda: Load(amount="20", unit=LoadUnit.KG), "amount"),  # type: ignore[arg-type]
            (lambda: Load(amount=20, unit="stone"), "unit"),
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """Unknown levels and units and non-numeric amounts are refused."""
        assert path in paths_of(make)


class TestEfforts:
    """Counted efforts."""

    @pytest.mark.parametrize("each", [Distance(400, pace=300), Distance(400, intensity="5k")])
    def test_one_pace(self, each: Distance) -> None:
        """An intensity for the efforts and a distance with its own pace or intensity: one too many."""
        assert ["intensity"] == paths_of(lambda: Efforts(efforts=3, each=each, intensity="sprint"))


class TestEffort:
    """How hard a set should feel."""

    @pytest.mark.parametrize(
        ("effort", "text"),
        [
            (Effort(rpe=8), "RPE 8"),
            (Effort(rpe=7.5), "RPE 7.5"),
            (Effort(rir=2), "2 RIR"),
            (Effort(rpe=Range(7, 8), rir=2), "RPE 7–8, 2 RIR"),
        ],
    )
    def test_str(self, effort: Effort, text: str) -> None:
        """``str()`` lists RPE and reps in reserve."""
        assert text == str(effort)

    def test_needs_rpe_or_rir(self) -> None:
        """An effort with neither RPE nor RIR is refused as a whole."""
        expected = [("(document)", "expected rpe, rir or both")]
        assert expected == problems_of(Effort)

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Effort(rpe=0.5), "rpe"),
            (lambda: Effort(rpe=11), "rpe"),
            (lambda: Effort(rpe="8"), "rpe"),  # type: ignore[arg-type]
            (lambda: Effort(rir=2.5), "rir"),  # type: ignore[arg-type]
            (lambda: Effort(rir=11), "rir"),
            (lambda: Effort(rir=-1), "rir"),
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """RPE is a number from 1 to 10; RIR a whole number from 0 to 10."""
        assert [path] == paths_of(make)


class TestTempo:
    """A lifting tempo in four phases."""

    @pytest.mark.parametrize(
        ("notation", "seconds"),
        [("3-1-1-0", 5), ("3-1-X-0", 5), ("X-0-X-0", 2), ("10-0-10-2", 22), ("0-0-1-0", 1)],
    )
    def test_seconds_per_rep(self, notation: str, seconds: float) -> None:
        """A rep lasts the sum of its phases; an explosive X phase counts as one second."""
        assert seconds == Tempo(notation).seconds_per_rep

    def test_str(self) -> None:
        """``str()`` is the notation."""
        expected = "3-1-X-0"
        assert expected == str(Tempo("3-1-X-0"))

    @pytest.mark.parametrize(
        "notation",
        ["3-1-1", "3-1-1-0-0", "x-1-1-0", "3 1 1 0", "100-1-1-0", "", 3110, None, "0-0-0-0", "00-0-00-0"],
    )
    def test_rejects(self, notation: object) -> None:
        """Anything but four dash-separated phases (0–99 s or X), not all zero, is refused."""
        [(path, reason)] = problems_of(lambda: Tempo(notation))  # type: ignore[arg-type]

        expected = "notation"
        assert expected == path
        assert reason.endswith(f"got {describe(notation)}")


class TestEquipment:
    """A piece of equipment."""

    @pytest.mark.parametrize(
        ("equipment", "text"),
        [
            (Equipment("exercise mat"), "exercise mat"),
            (Equipment("dumbbell", 2), "2 × dumbbell"),
            (Equipment("dumbbell", 2, Load(LoadLevel.LIGHT)), "2 × dumbbell (light)"),
        ],
    )
    def test_str(self, equipment: Equipment, text: str) -> None:
        """``str()`` gives the count when there is more than one, and the load."""
        assert text == str(equipment)

    def test_one_by_default(self) -> None:
        """Equipment is a single piece unless a quantity is given."""
        expected = 1
        assert expected == Equipment("exercise mat").quantity

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Equipment(""), "name"),
            (lambda: Equipment("  "), "name"),
            (lambda: Equipment(" mat"), "name"),
            (lambda: Equipment("x" * 101), "name"),
            (lambda: Equipment(5), "name"),  # type: ignore[arg-type]
            (lambda: Equipment("dumbbell", 0), "quantity"),
            (lambda: Equipment("dumbbell", 2.0), "quantity"),  # type: ignore[arg-type]
            (lambda: Equipment("dumbbell", load="light"), "load"),  # type: ignore[arg-type]
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """Names are trimmed, non-empty text; quantities whole numbers; loads `Load` objects."""
        assert [path] == paths_of(make)


class TestFrequency:
    """How often to do a workout."""

    @pytest.mark.parametrize(
        ("frequency", "text"),
        [
            (Frequency(1), "once a week"),
            (Frequency(1, at_least=True), "at least once a week"),
            (Frequency(2), "twice a week"),
            (Frequency(3), "3 times a week"),
            (Frequency(Range(2, 3)), "2–3 times a week"),
        ],
    )
    def test_str(self, frequency: Frequency, text: str) -> None:
        """``str()`` reads as sessions a week."""
        assert text == str(frequency)

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Frequency(0), "per_week"),
            (lambda: Frequency(15), "per_week"),
            (lambda: Frequency(1.5), "per_week"),  # type: ignore[arg-type]
            (lambda: Frequency(1, at_least="yes"), "at_least"),  # type: ignore[arg-type]
            (lambda: Frequency(1, note=""), "note"),
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """Sessions are whole, 1 to 14 a week; ``at_least`` is a bool."""
        assert [path] == paths_of(make)


class TestSource:
    """Where a workout was published and who made it."""

    def test_credits_list_becomes_tuple(self) -> None:
        """Credits given as a list are kept as a tuple."""
        credit = Credit("Winnie Yu, DPT, CSCS", "workout")
        source = Source("Upper-Body Workout for Runners", credits=[credit])

        assert (credit,) == source.credits

    @pytest.mark.parametrize("url", ["https://www.runnersworld.com/training/", "http://example.com/a?b=c"])
    def test_accepts_http_urls(self, url: str) -> None:
        """Absolute http and https URLs are accepted."""
        assert url == Source("A workout", url=url).url

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Source(""), "title"),
            (lambda: Source("A workout", url="ftp://example.com/w"), "url"),
            (lambda: Source("A workout", url="example.com/w"), "url"),
            (lambda: Source("A workout", url="https://example.com/a b"), "url"),
            (lambda: Source("A workout", url="https://:80/w"), "url"),
            (lambda: Source("A workout", url="https://user@/w"), "url"),
            (lambda: Source("A workout", publisher=5), "publisher"),  # type: ignore[arg-type]
            (lambda: Source("A workout", credits=("Winnie Yu",)), "credits[0]"),  # type: ignore[arg-type]
            (lambda: Source("A workout", credits="Winnie Yu"), "credits"),  # type: ignore[arg-type]
        ],
    )
    def test_rejects(self, make: Callable[[], object], path: str) -> None:
        """Titles are text, URLs absolute http(s), and credits `Credit` objects in a list."""
        assert [path] == paths_of(make)


class TestCredit:
    """A person credited for a workout."""

    def test_reports_both_fields(self) -> None:
        """A credit with no usable name and role reports both at once."""
        expected = [("name", "expected text, got 5"), ("role", "expected text, got null")]
        assert expected == problems_of(lambda: Credit(5, None))  # type: ignore[arg-type]


class TestSides:
    """How an exercise uses each side of the body."""

    @pytest.mark.parametrize(
        ("value", "member"), [("both", Sides.BOTH), ("each", Sides.EACH), ("alternating", Sides.ALTERNATING)]
    )
    def test_values(self, value: str, member: Sides) -> None:
        """Each side mode has a lower-case document value."""
        assert member is Sides(value)


class TestPickling:
    """Value objects survive pickling."""

    @pytest.mark.parametrize(
        "value",
        [
            Range(6, 8),
            Reps(Range(6, 8)),
            Duration(30),
            Distance(1.5, DistanceUnit.KILOMETRES),
            MaxReps(60),
            Ladder((Reps(10), Reps(8))),
            Rest.between(30, 90, as_needed=True),
            Load(LoadLevel.MEDIUM, 10, LoadUnit.LB),
            Effort(rpe=8, rir=2),
            Tempo("3-1-X-0"),
            Equipment("dumbbell", 2, Load(LoadLevel.LIGHT)),
            Frequency(1, at_least=True),
            Source("A workout", credits=(Credit("A. Coach", "creator"),)),
        ],
        ids=lambda value: type(value).__name__,
    )
    def test_round_trip(self, value: object) -> None:
        """A pickled value comes back equal."""
        assert value == pickle.loads(pickle.dumps(value))  # noqa: S301 - our own data
