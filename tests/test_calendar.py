"""Training plans: dated sessions, and iCalendar files that calendar software reads back."""

from __future__ import annotations

import json
import math
import sys
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import attrs
import icalendar
import pytest
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

import runstrength
from runstrength import (
    Block,
    Exercise,
    Frequency,
    Load,
    LoadUnit,
    MissingExtraError,
    Pacing,
    Range,
    Reps,
    Session,
    Superset,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    export_ics,
    plan,
)

ARTICLE = "upper-body-for-runners"
MONDAY = date(2025, 3, 3)
AT_SEVEN = datetime.combine(MONDAY, time(7, 0))
"""Monday 07:00, floating: the calendar's local time wherever the athlete is."""
SEVEN_UTC = time(7, 0, tzinfo=UTC)
WEEKDAY = "names such as 'monday' or 'mon', or numbers 0–6 with Monday 0"


def article() -> Workout:
    """The built-in workout (at least once a week)."""
    return catalog.get(ARTICLE)


def weekly(per_week: int | Range | None) -> Workout:
    """A small workout done ``per_week`` times a week (no frequency when None)."""
    frequency = None if per_week is None else Frequency(per_week)
    block = Block(name="Main", items=(Exercise(name="Squat", dose=Reps(8)),))
    return Workout(title="Squats", frequency=frequency, blocks=(block,))


def event_of(data: bytes) -> icalendar.Event:
    """The one event of an exported calendar."""
    calendar = icalendar.Calendar.from_ical(data)
    assert ["VEVENT"] == [component.name for component in calendar.subcomponents]
    [event] = calendar.walk("VEVENT")
    assert isinstance(event, icalendar.Event)
    return event


def value(event: icalendar.Event, name: str) -> Any:
    """A property of the event as a Python value (datetime, timedelta, text, recurrence)."""
    return event.decoded(name)


def occurrences(event: icalendar.Event) -> list[date]:
    """The dates the event falls on, its RRULE expanded by dateutil."""
    start: datetime = value(event, "DTSTART")
    if "RRULE" not in event:
        return [start.date()]
    rule = rrulestr(value(event, "RRULE").to_ical().decode(), dtstart=start)
    return [moment.date() for moment in rule]


class TestPlan:
    """`plan` lays a workout's sessions over weeks of chosen or default weekdays."""

    def test_the_built_in_workout_is_weekly_from_the_start(self) -> None:
        """Once a week by its frequency: the start date and the same weekday after it."""
        sessions = plan(article(), start=MONDAY, weeks=4)
        expected = [MONDAY + timedelta(weeks=n) for n in range(4)]
        assert expected == [session.date for session in sessions]

    def test_sessions_carry_the_title_time_and_timeline_total(self) -> None:
        """Each session names the workout, keeps the time given, and lasts the timeline's total."""
        pacing = Pacing(seconds_per_rep=4)
        [session] = plan(article(), start=MONDAY, weeks=1, at=time(18, 30), pacing=pacing)
        total = build_timeline(article(), pacing).total
        expected = Session(
            date=MONDAY,
            title="Upper-Body Workout for Runners",
            start=time(18, 30),
            duration=timedelta(seconds=total),
        )
        assert expected == session

    def test_a_session_without_a_time_says_so(self) -> None:
        """Without ``at`` the session has no start time, and reads as a date and a title."""
        [session] = plan(weekly(1), start=MONDAY, weeks=1)
        assert session.start is None
        assert str(session).startswith("2025-03-03 Squats (")

    @pytest.mark.parametrize(
        ("per_week", "start", "expected"),
        [
            (1, MONDAY, ["mon"]),
            (1, date(2025, 3, 5), ["wed"]),
            (2, MONDAY, ["mon", "thu"]),
            (3, MONDAY, ["mon", "wed", "fri"]),
            (3, date(2025, 3, 8), ["sat", "mon", "wed"]),
            (4, MONDAY, ["mon", "tue", "thu", "fri"]),
            (5, MONDAY, ["mon", "tue", "wed", "thu", "fri"]),
            (6, MONDAY, ["mon", "tue", "wed", "thu", "fri", "sat"]),
            (6, date(2025, 3, 5), ["wed", "thu", "fri", "sat", "sun", "mon"]),
            (7, MONDAY, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
            (14, MONDAY, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
            (Range(2, 3), MONDAY, ["mon", "thu"]),
            (None, date(2025, 3, 7), ["fri"]),
        ],
    )
    def test_default_weekdays_follow_the_frequency(
        self, per_week: int | Range | None, start: date, expected: list[str]
    ) -> None:
        """The sessions a week (low end of a range, at most 7) spread from the start's weekday."""
        sessions = plan(weekly(per_week), start=start, weeks=1)
        assert expected == [f"{session.date:%a}".lower() for session in sessions]

    @pytest.mark.parametrize(
        "weekdays",
        [["mon", "thu"], ["Monday", "THURSDAY"], [0, 3], [3, "mon"], {"thu", 0}, ("MON", "Thu")],
    )
    def test_weekdays_by_name_or_number(self, weekdays: Any) -> None:
        """Names in any case, three-letter abbreviations and numbers (Monday 0) all work."""
        sessions = plan(article(), start=date(2025, 3, 5), weeks=2, weekdays=weekdays)
        expected = [date(2025, 3, 6), date(2025, 3, 10), date(2025, 3, 13), date(2025, 3, 17)]
        assert expected == [session.date for session in sessions]

    @given(
        start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
        weeks=st.integers(1, 104),
        weekdays=st.sets(st.integers(0, 6), min_size=1),
    )
    def test_every_week_holds_one_session_per_chosen_day(
        self, start: date, weeks: int, weekdays: set[int]
    ) -> None:
        """Weeks × days sessions, in date order, each 7-day week from the start once per chosen day."""
        sessions = plan(weekly(1), start=start, weeks=weeks, weekdays=weekdays)
        dates = [session.date for session in sessions]
        assert weeks * len(weekdays) == len(dates)
        assert sorted(dates) == dates
        for week in range(weeks):
            first = start + timedelta(weeks=week)
            inside = [d for d in dates if first <= d < first + timedelta(days=7)]
            assert sorted(weekdays) == sorted(d.weekday() for d in inside)

    @pytest.mark.parametrize(
        ("arguments", "expected"),
        [
            ({"weeks": 0}, ["weeks: expected a whole number from 1 to 104 weeks, got 0"]),
            ({"weeks": 105}, ["weeks: expected a whole number from 1 to 104 weeks, got 105"]),
            ({"weeks": 2.0}, ["weeks: expected a whole number from 1 to 104 weeks, got 2.0"]),
            ({"weeks": True}, ["weeks: expected a whole number from 1 to 104 weeks, got true"]),
            ({"weekdays": []}, ["weekdays: expected at least one weekday"]),
            ({"weekdays": "mon"}, [f"weekdays: expected a collection of weekdays ({WEEKDAY}), got 'mon'"]),
            ({"weekdays": list(range(7)) * 2}, ["weekdays: expected at most 7 weekdays, got 14"]),
            (
                {"weekdays": ["mon", "Monday", 0]},
                [
                    "weekdays[1]: duplicate of an earlier weekday: 'Monday' is monday",
                    "weekdays[2]: duplicate of an earlier weekday: 0 is monday",
                ],
            ),
            (
                {"weekdays": ["fri", 7, "funday", True, 1.0, " mon"]},
                [
                    f"weekdays[{index}]: expected a weekday ({WEEKDAY}), got {value}"
                    for index, value in [(1, "7"), (2, "'funday'"), (3, "true"), (4, "1.0"), (5, "' mon'")]
                ],
            ),
            ({"start": AT_SEVEN}, [f"start: expected a date, got a datetime ({AT_SEVEN})"]),
            ({"start": "2025-03-03"}, ["start: expected a date, got '2025-03-03'"]),
            ({"at": "07:00"}, ["at: expected a time of day, got '07:00'"]),
            ({"at": SEVEN_UTC}, [f"at: expected a local time without a time zone, got a time ({SEVEN_UTC})"]),
            (
                {"start": None, "weeks": -1, "weekdays": [8]},
                [
                    "start: expected a date, got null",
                    f"weekdays[0]: expected a weekday ({WEEKDAY}), got 8",
                    "weeks: expected a whole number from 1 to 104 weeks, got -1",
                ],
            ),
        ],
    )
    def test_bad_arguments_are_all_reported_with_their_paths(
        self, arguments: dict[str, Any], expected: list[str]
    ) -> None:
        """One ValidationError lists every bad argument, sorted by path, saying what it expected."""
        given_arguments: dict[str, Any] = {"start": MONDAY, "weeks": 4, **arguments}
        with pytest.raises(ValidationError) as caught:
            plan(article(), **given_arguments)
        assert expected == [str(problem) for problem in caught.value.problems]

    def test_a_workout_is_required(self) -> None:
        """Anything but a Workout is a TypeError, as for build_timeline."""
        with pytest.raises(TypeError, match="expected a Workout, got dict"):
            plan({}, start=MONDAY, weeks=1)  # type: ignore[arg-type]


class TestExportIcs:
    """`export_ics` writes one weekly repeating event that icalendar and dateutil read back."""

    def test_the_event_repeats_on_the_plan_dates(self) -> None:
        """The RRULE, expanded, gives exactly the plan's dates."""
        arguments: dict[str, Any] = {"start": date(2025, 3, 5), "weeks": 6, "weekdays": ["mon", "thu"]}
        event = event_of(export_ics(article(), **arguments))
        assert [session.date for session in plan(article(), **arguments)] == occurrences(event)

    def test_the_recurrence_rule(self) -> None:
        """Weekly, on the chosen days, as many times as the plan has sessions."""
        data = export_ics(article(), start=MONDAY, weeks=5, weekdays=["fri", "tue"])
        rule = value(event_of(data), "RRULE")
        assert ["WEEKLY"] == rule["FREQ"]
        assert ["TU", "FR"] == rule["BYDAY"]
        assert [10] == rule["COUNT"]

    def test_start_duration_title_and_stamp(self) -> None:
        """DTSTART is the first session at the time given, DURATION the timeline total rounded up."""
        pacing = Pacing(seconds_per_rep=2.5)
        event = event_of(export_ics(article(), start=MONDAY, weeks=2, at=time(6, 15), pacing=pacing))
        total = build_timeline(article(), pacing).total
        assert datetime.combine(MONDAY, time(6, 15)) == value(event, "DTSTART")
        assert timedelta(seconds=math.ceil(total)) == value(event, "DURATION")
        assert "Upper-Body Workout for Runners" == value(event, "SUMMARY")
        assert datetime(2025, 3, 3, tzinfo=UTC) == value(event, "DTSTAMP")

    def test_the_default_time_is_seven_in_the_morning_local(self) -> None:
        """Without ``at`` the sessions start at 07:00 floating (no time zone)."""
        start = value(event_of(export_ics(article(), start=MONDAY, weeks=1)), "DTSTART")
        assert AT_SEVEN == start
        assert start.tzinfo is None

    def test_the_description_lists_blocks_exercises_and_doses(self) -> None:
        """Blocks with their rounds, supersets, and every exercise with its dose."""
        description = value(event_of(export_ics(article(), start=MONDAY, weeks=1)), "DESCRIPTION")
        for line in [
            "Warm-up, 2 rounds:",
            "- Thread the Needle: 30 s per side",
            "- Superset 1, 3 rounds:",
            "  - Half-Kneeling Chop: 8 reps per side",
            "  - Reciprocal Row: 8 reps per side, alternating",
            "  - Hammer Curl: 8 reps",
            "Cool-down:",
            "- Child's Pose: 30 s",
            "Equipment: exercise mat, 2 × dumbbell (light), 2 × dumbbell (medium).",
            "Source: Guide to Strength Training: Upper-Body Workout for Runners (Runner's World).",
        ]:
            assert line in description.splitlines()

    @pytest.mark.parametrize(
        ("name", "line"),
        [
            # 21:05 (19:35–22:35 across its ranges): minutes begun count
            (ARTICLE, "About 22 min (20–23 min across its ranges)."),
            ("tabata-protocol", "About 4 min."),  # exactly 4:00, and no range
        ],
    )
    def test_the_description_gives_the_length_in_minutes_begun(self, name: str, line: str) -> None:
        """The timeline's total (and range) in whole minutes, a minute begun counting as one."""
        description = value(event_of(export_ics(catalog.get(name), start=MONDAY, weeks=1)), "DESCRIPTION")
        assert line in description.splitlines()

    def test_the_description_leaves_optional_parts_out_as_the_duration_does(self) -> None:
        """Optional blocks, exercises and superset members are not listed unless included."""
        squat, lunge = Exercise(name="Squat", dose=Reps(10)), Exercise(name="Lunge", dose=Reps(8))
        superset = Superset(
            name="Pair", exercises=(squat, lunge, Exercise(name="Hop", dose=Reps(6), optional=True)), rounds=2
        )
        plank = Exercise(name="Plank", dose=Reps(4))
        main = Block(name="Main", items=(superset, attrs.evolve(plank, optional=True)))
        finisher = Block(name="Finisher", optional=True, items=(Exercise(name="Burpee", dose=Reps(20)),))
        workout = Workout(title="Optional", blocks=(main, finisher))

        def listed(chosen: Workout) -> list[str]:
            event = event_of(export_ics(chosen, start=MONDAY, weeks=1))
            return [line for line in value(event, "DESCRIPTION").splitlines() if line.startswith(("-", " "))]

        kept = ["- Pair, 2 rounds:", "  - Squat: 10 reps", "  - Lunge: 8 reps"]
        assert kept == listed(workout)
        everything = listed(workout.variant(include=("Hop", "Plank", "Finisher")))
        assert [*kept, "  - Hop: 6 reps", "- Plank: 4 reps", "- Burpee: 20 reps"] == everything

    def test_unnamed_supersets_are_numbered_as_the_timeline_numbers_them(self) -> None:
        """Two unnamed supersets of a block read as the timeline, card and FIT call them."""
        pair = Superset(exercises=(Exercise(name="Squat", dose=Reps(10)), Exercise(name="Row", dose=Reps(8))))
        workout = Workout(
            title="Pairs", blocks=(Block(name="Main", items=(attrs.evolve(pair, rounds=2), pair)),)
        )
        event = event_of(export_ics(workout, start=MONDAY, weeks=1))
        titles = [line for line in value(event, "DESCRIPTION").splitlines() if line.startswith("- ")]
        groups = {segment.superset for segment in build_timeline(workout) if segment.superset}
        assert ["- superset 1, 2 rounds:", "- superset 2:"] == titles
        assert {"superset 1", "superset 2"} == groups

    def test_a_single_session_is_a_single_event(self) -> None:
        """One week of one day has no RRULE."""
        event = event_of(export_ics(article(), start=MONDAY, weeks=1))
        assert "RRULE" not in event
        assert [MONDAY] == occurrences(event)

    def test_the_same_arguments_give_the_same_bytes(self) -> None:
        """Nothing depends on the clock or on chance."""
        arguments: dict[str, Any] = {"start": MONDAY, "weeks": 8, "weekdays": [0, 3]}
        assert export_ics(article(), **arguments) == export_ics(article(), **arguments)

    def test_uids_follow_the_workout_and_the_start(self) -> None:
        """The UID changes with the workout or the start date, not with the weeks, days or time."""

        def uid(workout: Workout, **arguments: Any) -> str:
            event = event_of(export_ics(workout, **{"start": MONDAY, "weeks": 4, **arguments}))
            return str(value(event, "UID"))

        same = uid(article())
        assert same == uid(article(), weeks=12, weekdays=["tue"], at=time(19, 0))
        assert same != uid(article(), start=date(2025, 3, 10))
        assert same != uid(attrs.evolve(article(), title="Upper Body"))
        assert same != uid(article().variant("easier"))

    def test_carriage_returns_are_dropped(self) -> None:
        """Windows line ends in notes become plain line breaks; the file still parses."""
        workout = attrs.evolve(article(), summary="Two lines:\r\nfirst, then second.")
        assert "\r" not in export_ics(workout, start=MONDAY, weeks=1).decode().replace("\r\n", "")

    def test_at_must_be_a_time(self) -> None:
        """An event needs a time of day: None is refused with its path."""
        with pytest.raises(ValidationError, match=r"^at: expected a time of day, got null$"):
            export_ics(article(), start=MONDAY, weeks=1, at=None)  # type: ignore[arg-type]

    def test_an_aware_time_is_refused(self) -> None:
        """Times are floating local times, so one with a time zone is refused."""
        with pytest.raises(ValidationError, match=r"^at: expected a local time without a time zone"):
            export_ics(article(), start=MONDAY, weeks=1, at=time(7, tzinfo=timezone(timedelta(hours=2))))

    def test_plan_problems_are_raised_too(self) -> None:
        """The same validation as plan."""
        with pytest.raises(ValidationError, match="weeks: expected a whole number"):
            export_ics(article(), start=MONDAY, weeks=0)

    def test_without_icalendar_the_error_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without icalendar, MissingExtraError names the ics extra and what it installs."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtraError, match="runstrength's ics extra"):
            export_ics(article(), start=MONDAY, weeks=1)


def uid_of(workout: Workout, start: date = MONDAY) -> str:
    """The UID of a four-week export."""
    return str(value(event_of(export_ics(workout, start=start, weeks=4)), "UID"))


class TestIdentity:
    """An event's UID follows the workout's content, never the formatting of its document."""

    def test_formatting_does_not_change_the_uid(self) -> None:
        """The workout read back from compact JSON, indented JSON and TOML keeps its UID."""
        data = runstrength.to_dict(article())
        compact = runstrength.loads(json.dumps(data, separators=(",", ":")), "json")
        pretty = runstrength.loads(json.dumps(data, indent=4, sort_keys=True, ensure_ascii=True), "json")
        toml = runstrength.loads(runstrength.dumps(article(), "toml"), "toml")
        assert {uid_of(article())} == {uid_of(compact), uid_of(pretty), uid_of(toml)}

    def test_integral_floats_are_the_same_content(self) -> None:
        """A load of 24 kg and one of 24.0 kg give the same UID; 24.5 kg another."""

        def loaded(amount: float) -> Workout:
            squat = Exercise(name="Squat", dose=Reps(8), load=Load(amount=amount, unit=LoadUnit.KG))
            return Workout(title="Squats", blocks=(Block(name="Main", items=(squat,)),))

        assert uid_of(loaded(24)) == uid_of(loaded(24.0)) != uid_of(loaded(24.5))


class TestEndOfTheCalendar:
    """A plan ends by 9999-12-31: a later end is a ValidationError naming ``start``, not an OverflowError."""

    @given(st.integers(min_value=0, max_value=2 * 7 * 4), st.integers(min_value=1, max_value=4))
    def test_near_the_last_date(self, days_before_the_end: int, weeks: int) -> None:
        """Plans that fit are made up to the very last date; those that do not are refused at start."""
        start = date.max - timedelta(days=days_before_the_end)
        fits = days_before_the_end >= 7 * weeks - 1
        for make in (plan, export_ics):
            if fits:
                sessions = make(article(), start=start, weeks=weeks)
                assert sessions
                continue
            with pytest.raises(ValidationError) as caught:
                make(article(), start=start, weeks=weeks)
            [problem] = caught.value.problems
            assert "start" == problem.path
            assert "before the calendar ends" in problem.reason

    def test_the_message_says_the_latest_start(self) -> None:
        """The reason names the latest start that leaves room for the weeks."""
        with pytest.raises(ValidationError, match=r"^start: .* \(on or before 9999-12-18\), got 9999-12-31$"):
            plan(article(), start=date(9999, 12, 31), weeks=2)

    @pytest.mark.parametrize(("weeks", "room"), [(1, "1 week"), (2, "2 weeks"), (3, "3 weeks")])
    def test_the_message_counts_the_weeks(self, weeks: int, room: str) -> None:
        """One week, or that many weeks, before the calendar ends."""
        with pytest.raises(
            ValidationError, match=f"expected a date that leaves {room} before the calendar ends"
        ):
            plan(article(), start=date.max, weeks=weeks)
