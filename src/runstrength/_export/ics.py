"""Training plans: the dated sessions of a workout, and an iCalendar file of them.

A plan runs ``weeks`` weeks from its start date; each of those 7-day weeks holds one
session on each chosen weekday. Without chosen weekdays, the workout's frequency decides
(one session a week when it has none; the low end of a range; at most one a day), spread
over the week from the start date's own weekday, as `SPREAD` lists.

The iCalendar file holds one event that repeats weekly (``RRULE:FREQ=WEEKLY;BYDAY=…;
COUNT=…``), so a calendar shows the whole plan as one series to move or delete; a plan of
one session is a single event. Its times are floating local times (no time zone), so the
workout stays at 07:00 wherever you are. Nothing in the file depends on the clock: the
``UID`` is a UUID derived from the workout's content (its canonical form: the same
whatever the document's formatting) and the start date (importing an
export again updates the series rather than duplicating it), and ``DTSTAMP`` is the start
date at midnight UTC.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterator
from typing import Final

import attrs

from runstrength._errors import Location, Problem, ValidationError
from runstrength._export.identity import canonical
from runstrength._extras import require
from runstrength._model import Superset, Workout, required_parts
from runstrength._pacing import Pacing
from runstrength._plan import superset_titles
from runstrength._spec.rules import Whole, describe
from runstrength._timeline import Timeline, build_timeline
from runstrength._values import Range

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Weekday names, Monday first: a weekday's number (``date.weekday()``) is its index."""

SPREAD: Final[dict[int, tuple[int, ...]]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
"""Default days for each number of sessions a week, in days after the start date's weekday.

Started on a Monday, twice a week is Monday and Thursday, three times Monday, Wednesday
and Friday, four times Monday, Tuesday, Thursday and Friday, five times Monday to Friday:
the usual training splits, keeping the weekend free while the count allows.
"""

MAX_WEEKS: Final = 104
"""The longest plan, in weeks (two years)."""

DEFAULT_TIME: Final = dt.time(7, 0)
"""When `export_ics` puts a session unless told."""

_ICAL_DAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NAMESPACE_URL: Final = "https://github.com/runstrength/runstrength"
"""Names the UUID namespace of event UIDs."""
_WEEKS = Whole(1, MAX_WEEKS, " weeks")


@attrs.frozen(kw_only=True)
class Session:
    """One dated session of a plan: the day, the workout's title, when, and how long.

    ``duration`` is the workout's timeline total at the plan's pacing; ``start`` is
    ``None`` when the plan gives no time of day.
    """

    date: dt.date
    title: str
    start: dt.time | None
    duration: dt.timedelta

    def __str__(self) -> str:
        when = f" {self.start:%H:%M}" if self.start is not None else ""
        minutes = math.ceil(self.duration.total_seconds() / 60)
        return f"{self.date.isoformat()}{when} {self.title} ({minutes} min)"


def _weekday(value: object) -> int | None:
    """A weekday's number from a name (``monday``, ``mon``, any case) or a number 0–6."""
    if type(value) is int:
        return value if 0 <= value <= 6 else None
    if isinstance(value, str):
        name = value.casefold()
        for number, day in enumerate(WEEKDAYS):
            if name in (day, day[:3]):
                return number
    return None


def _weekdays(weekdays: object) -> tuple[set[int], list[Problem]]:
    """The chosen weekdays' numbers, and every problem with them."""
    where: Location = ("weekdays",)
    expected = "names such as 'monday' or 'mon', or numbers 0–6 with Monday 0"
    if isinstance(weekdays, str | bytes) or not isinstance(weekdays, Collection):
        reason = f"expected a collection of weekdays ({expected}), got {describe(weekdays)}"
        return set(), [Problem(where, reason, "wrong_type")]
    if not weekdays:
        return set(), [Problem(where, "expected at least one weekday", "too_few_items")]
    if len(weekdays) > 7:
        return set(), [Problem(where, f"expected at most 7 weekdays, got {len(weekdays)}", "too_many_items")]
    days: set[int] = set()
    problems = []
    for index, value in enumerate(weekdays):
        number = _weekday(value)
        if number is None:
            reason = f"expected a weekday ({expected}), got {describe(value)}"
            problems.append(Problem((*where, index), reason, "not_one_of"))
        elif number in days:
            reason = f"duplicate of an earlier weekday: {describe(value)} is {WEEKDAYS[number]}"
            problems.append(Problem((*where, index), reason, "duplicate_item"))
        else:
            days.add(number)
    return days, problems


def _default_weekdays(workout: Workout, start: dt.date) -> set[int]:
    """The workout's sessions a week, spread from the start date's weekday."""
    frequency = workout.frequency
    per_week = 1 if frequency is None else frequency.per_week
    if isinstance(per_week, Range):
        per_week = int(per_week.min)
    return {(start.weekday() + offset) % 7 for offset in SPREAD[min(per_week, 7)]}


def _time_problems(at: object, *, required: bool) -> Iterator[Problem]:
    if at is None and not required:
        return
    if not isinstance(at, dt.time):
        yield Problem(("at",), f"expected a time of day, got {describe(at)}", "wrong_type")
    elif at.tzinfo is not None:
        yield Problem(("at",), f"expected a local time without a time zone, got {describe(at)}", "wrong_type")


def _room_problems(start: dt.date, weeks: int) -> list[Problem]:
    """The plan must end within the calendar: its last day is ``7 × weeks - 1`` days after ``start``."""
    if (dt.date.max - start).days >= 7 * weeks - 1:
        return []
    latest = dt.date.max - dt.timedelta(days=7 * weeks - 1)
    reason = (
        f"expected a date that leaves {weeks} week{'s' if weeks > 1 else ''} before the calendar ends "
        f"(on or before {latest.isoformat()}), got {start.isoformat()}"
    )
    return [Problem(("start",), reason, "out_of_range")]


def _sessions(  # noqa: PLR0913 - the plan's keyword-only arguments
    workout: object,
    *,
    start: object,
    weeks: object,
    weekdays: object,
    at: object,
    pacing: Pacing | None,
    time_required: bool,
) -> tuple[tuple[Session, ...], Timeline]:
    if not isinstance(workout, Workout):
        msg = f"expected a Workout, got {type(workout).__name__}"
        raise TypeError(msg)
    problems: list[Problem] = []
    start_ok = isinstance(start, dt.date) and not isinstance(start, dt.datetime)
    if not start_ok:
        problems.append(Problem(("start",), f"expected a date, got {describe(start)}", "wrong_type"))
    problems.extend(
        Problem(("weeks", *where), reason, code) for where, reason, code in _WEEKS.findings(weeks)
    )
    days: set[int] = set()
    if weekdays is not None:
        days, found = _weekdays(weekdays)
        problems.extend(found)
    problems.extend(_time_problems(at, required=time_required))
    if start_ok and not problems:
        problems.extend(_room_problems(start, weeks))  # type: ignore[arg-type]  # both checked above
    if problems:
        raise ValidationError(problems)
    assert isinstance(start, dt.date)  # noqa: S101 - checked above, for the type checker
    assert isinstance(weeks, int)  # noqa: S101
    assert at is None or isinstance(at, dt.time)  # noqa: S101
    if weekdays is None:
        days = _default_weekdays(workout, start)
    timeline = build_timeline(workout, pacing)
    duration = dt.timedelta(seconds=timeline.total)
    dates = (start + dt.timedelta(days=offset) for offset in range(7 * weeks))
    sessions = tuple(
        Session(date=day, title=workout.title, start=at, duration=duration)
        for day in dates
        if day.weekday() in days
    )
    return sessions, timeline


def plan(  # noqa: PLR0913 - keyword-only: a plan has several independent choices
    workout: Workout,
    *,
    start: dt.date,
    weeks: int,
    weekdays: Collection[int | str] | None = None,
    at: dt.time | None = None,
    pacing: Pacing | None = None,
) -> tuple[Session, ...]:
    """The dated sessions of a workout over ``weeks`` weeks from ``start``.

    Args:
        workout: the workout every session does.
        start: the first day of the plan (a session falls on it when its weekday is chosen).
        weeks: how many weeks, from 1 to 104; each holds one session per chosen weekday.
        weekdays: the training days, as names (``"monday"``, ``"mon"``, any case) or numbers
            0–6 (Monday 0, as ``date.weekday()``); by default the workout's frequency,
            spread from the start's weekday (`SPREAD`).
        at: the sessions' time of day (local, no time zone), or ``None``.
        pacing: the pacing of the timeline that gives each session's duration.

    Returns:
        The sessions in date order.

    Raises:
        ValidationError: an argument is out of range, with its path (``weekdays[1]``; a
            ``start`` too close to the end of the calendar for ``weeks``), or the workout's
            timeline cannot be built at this pacing.
        TypeError: ``workout`` is not a `Workout` or ``pacing`` not a `Pacing`.

    >>> from datetime import date
    >>> from runstrength import catalog
    >>> sessions = plan(catalog.get("upper-body-for-runners"), start=date(2025, 3, 3), weeks=2)
    >>> [str(session.date) for session in sessions]
    ['2025-03-03', '2025-03-10']
    """
    sessions, _ = _sessions(
        workout, start=start, weeks=weeks, weekdays=weekdays, at=at, pacing=pacing, time_required=False
    )
    return sessions


def _rounds(rounds: int | Range) -> str:
    return "" if rounds == 1 else f", {rounds} rounds"


def _minutes(seconds: float) -> int:
    return math.ceil(seconds / 60)


def _description(workout: Workout, timeline: Timeline) -> str:
    """The blocks and exercises with their doses, the time it takes, equipment and source.

    Optional blocks and exercises are left out, as the timeline that gives the time leaves them out.
    """
    lines = []
    for block in required_parts(workout).blocks:
        fmt = f", {block.format}" if block.format else ""
        lines.append(f"{block.name}{_rounds(block.rounds)}{fmt}:")
        titles = superset_titles(block)
        for position, item in enumerate(block.items):
            if isinstance(item, Superset):
                lines.append(f"- {titles[position]}{_rounds(item.rounds)}:")
                lines.extend(f"  - {exercise}" for exercise in item.exercises)
            else:
                lines.append(f"- {item}")
        lines.append("")
    low, high = (_minutes(seconds) for seconds in timeline.total_range)
    span = "" if low == high else f" ({low}–{high} min across its ranges)"
    lines.append(f"About {_minutes(timeline.total)} min{span}.")
    if workout.equipment:
        lines.append("Equipment: " + ", ".join(map(str, workout.equipment)) + ".")
    if workout.source is not None:
        publisher = f" ({workout.source.publisher})" if workout.source.publisher else ""
        lines.append(f"Source: {workout.source.title}{publisher}.")
    return "\n".join(lines)


def _uid(key: str) -> str:
    """A version 5 UUID of ``key`` in the project's namespace."""
    import uuid  # noqa: PLC0415 - only when exporting

    return str(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, _NAMESPACE_URL), key))


def _plain(text: str) -> str:
    """Text whose line breaks are all line feeds (the model refuses other control characters but tab)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def export_ics(  # noqa: PLR0913 - keyword-only, as plan
    workout: Workout,
    *,
    start: dt.date,
    weeks: int,
    weekdays: Collection[int | str] | None = None,
    at: dt.time = DEFAULT_TIME,
    pacing: Pacing | None = None,
) -> bytes:
    """An iCalendar file of the plan: one weekly repeating event (extra ``ics``).

    The event starts ``at`` on the first session's date and lasts the workout's timeline
    total (rounded up to a second); its description lists the blocks and exercises with
    their doses (optional parts left out, as the timeline leaves them out, unless the
    workout is a variant that includes them). The same arguments always give the same bytes.

    Args:
        workout: the workout every session does.
        start: the first day of the plan.
        weeks: how many weeks, from 1 to 104.
        weekdays: the training days, as for `plan`.
        at: the sessions' local time of day (no time zone).
        pacing: the pacing of the timeline that gives the duration.

    Returns:
        The ``.ics`` file's bytes.

    Raises:
        MissingExtraError: ``icalendar`` is not installed (the ``ics`` extra).
        ValidationError: as `plan`.
        TypeError: as `plan`.
    """
    sessions, timeline = _sessions(
        workout, start=start, weeks=weeks, weekdays=weekdays, at=at, pacing=pacing, time_required=True
    )
    icalendar = require("icalendar", "ics")
    first = sessions[0]
    event = icalendar.Event()
    event.add("uid", _uid(f"{canonical(workout)}\n{start.isoformat()}"))
    event.add("dtstamp", dt.datetime.combine(start, dt.time(0), tzinfo=dt.UTC))
    event.add("dtstart", dt.datetime.combine(first.date, at))
    event.add("duration", dt.timedelta(seconds=math.ceil(timeline.total)))
    if len(sessions) > 1:
        days = sorted({session.date.weekday() for session in sessions})
        rule = {"freq": "weekly", "byday": [_ICAL_DAYS[day] for day in days], "count": len(sessions)}
        event.add("rrule", rule)
    event.add("summary", _plain(workout.title))
    event.add("description", _plain(_description(workout, timeline)))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//runstrength//runstrength//EN")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
