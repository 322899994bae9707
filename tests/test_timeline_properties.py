"""Properties of every timeline, over generated workouts and pacings."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from runstrength import (
    Amrap,
    Distance,
    Duration,
    Efforts,
    Emom,
    Exercise,
    ForTime,
    Intervals,
    ModificationKind,
    Pacing,
    Range,
    RangePoint,
    Reps,
    SegmentKind,
    Sides,
    Superset,
    Timeline,
    ValidationError,
    Workout,
    build_timeline,
    from_dict,
    strategies,
    to_dict,
)
from runstrength._plan import movement
from runstrength._values import step as dose_step

workouts = strategies.workouts(max_blocks=3, max_items=3)
MIN, MAX = RangePoint.MIN, RangePoint.MAX
WHOLE_WORKOUTS = settings(max_examples=max(5, settings().max_examples // 4))
"""Whole workouts and their timelines cost far more per example than single values."""


def build(workout: Workout, pacing: Pacing) -> Timeline:
    """The timeline: every valid workout has one (estimates that overflow an interval only warn).

    The one refusal is the documented limit: a generated workout that expands past
    ``pacing.max_segments`` is not an example these properties can judge, so it is rejected.
    """
    try:
        return build_timeline(workout, pacing)
    except ValidationError as error:
        if [problem.code for problem in error.problems] == ["too_many_segments"]:
            reject()
        raise


def count(value: int | Range, pacing: Pacing) -> int:
    """A round, set or effort count at the pacing's range point; typical: the lower middle count."""
    return math.floor(value.point(pacing.range_point)) if isinstance(value, Range) else value


def pace(distance: Distance, intensity: object, pacing: Pacing) -> float:
    """Seconds per km: the distance's pace, else its (or the effort's) intensity's, else easy."""
    if distance.pace is not None:
        return distance.pace
    named = distance.intensity or intensity
    if named is None or named == "easy":
        return pacing.seconds_per_km
    return float(getattr(pacing, f"pace_{named}"))


def one_side(exercise: Exercise, dose: object, pacing: Pacing) -> float:  # noqa: PLR0911 - one per dose
    """One side's work for a dose, straight from the pacing's definitions."""
    per_rep = exercise.tempo.seconds_per_rep if exercise.tempo else pacing.rep_seconds(movement(exercise))
    point = pacing.range_point
    if isinstance(dose, Reps):
        return (dose.reps.point(point) if isinstance(dose.reps, Range) else dose.reps) * per_rep
    if isinstance(dose, Duration):
        return dose.seconds.point(point) if isinstance(dose.seconds, Range) else dose.seconds
    if isinstance(dose, Distance):
        return dose.metres / 1000 * pace(dose, None, pacing)
    if isinstance(dose, Efforts):
        if dose.each is None:
            return pacing.effort_seconds
        if isinstance(dose.each, Distance):
            return dose.each.metres / 1000 * pace(dose.each, dose.intensity, pacing)
        return one_side(exercise, dose.each, pacing)
    return dose.time_cap or pacing.max_reps_estimate * per_rep  # type: ignore[attr-defined]


def expected_work(workout: Workout, pacing: Pacing) -> tuple[float, Counter[str]] | None:
    """Σ dose × rounds × sides and the work segments per exercise; None if AMRAP or EMOM blocks.

    Optional parts are left out, as the timeline leaves them out unless chosen.
    """
    total, segments = 0.0, Counter[str]()
    for block in workout.blocks:
        if block.optional:
            continue
        if isinstance(block.format, Amrap | Emom) or (
            isinstance(block.format, ForTime) and block.format.time_cap is not None
        ):
            return None
        rounds = count(block.rounds, pacing)
        for number in range(rounds):
            for item in block.items:
                if isinstance(item, Exercise) and item.optional:
                    continue
                members = tuple(
                    e for e in (item.exercises if isinstance(item, Superset) else (item,)) if not e.optional
                )
                repeats = count(item.rounds if isinstance(item, Superset) else item.sets, pacing)
                for exercise in members:
                    for step in range(repeats):
                        index = step if repeats > 1 or isinstance(item, Superset) else number
                        dose = dose_step(exercise.dose, index)  # an ascending dose may climb past 1000
                        sides = 2 if exercise.sides is Sides.EACH else 1
                        if isinstance(block.format, Intervals):
                            work = block.format.work
                            seconds = work.point(pacing.range_point) if isinstance(work, Range) else work
                            # A station per side, or one station split between the sides.
                            segments[exercise.name] += sides
                            stations = sides if exercise.per_side else 1
                            total += stations * seconds
                            continue
                        efforts = count(dose.efforts, pacing) if isinstance(dose, Efforts) else 1
                        # A shared dose (per_side false) counts once in all, whatever the sides.
                        both = exercise.sides is not Sides.BOTH and exercise.per_side
                        total += efforts * one_side(exercise, dose, pacing) * (2 if both else 1)
                        segments[exercise.name] += efforts * sides
    return total, segments


EFFORT_MARK = re.compile(r" \((?P<number>\d+) of (?P<of>\d+)\)(?: \(cut at the time cap\))?$")
"""Which of counted efforts a work segment is, at the end of its target (before a cap's cut)."""


class TestTimelineProperties:
    """Invariants of every timeline."""

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_contiguous(self, workout: Workout, pacing: Pacing) -> None:
        """Segments start at 0, follow each other without gaps or overlaps, and are numbered in order."""
        timeline = build(workout, pacing)
        assert 0.0 == timeline[0].start
        assert all(a.end == b.start for a, b in itertools.pairwise(timeline))
        assert all(s.duration > 0 for s in timeline)
        assert list(range(len(timeline))) == [s.index for s in timeline]
        assert math.isclose(timeline.total, math.fsum(s.duration for s in timeline), rel_tol=1e-9)

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_total_range(self, workout: Workout, pacing: Pacing) -> None:
        """The total lies within its range, whose ends are the totals built at each end, exactly."""
        timeline = build(workout, pacing)
        ends = [build(workout, attrs.evolve(pacing, range_point=end)).total for end in (MIN, MAX)]
        low, high = timeline.total_range
        assert ends == [low, high]
        assert low <= timeline.total <= high

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_timed_blocks_end_on_their_marks(self, workout: Workout, pacing: Pacing) -> None:
        """Every EMOM interval ends on its mark, squeezed or not, and every AMRAP on its cap.

        The mark of interval k is the start of the EMOM (of its round, when the block repeats)
        + k × every, one sum from that start (exact from a start on a whole second): the
        rounding of the segments inside never moves it. An AMRAP's cut lands on start + cap.
        """
        timeline = build(workout, pacing)
        for block in workout.blocks:
            fmt = block.format
            segments = [s for s in timeline if s.block == block.name]
            if not isinstance(fmt, Emom | Amrap) or not segments:  # an optional block is left out
                continue
            # A repeated block counts its rounds; one done once counts its intervals or rounds.
            rounds = (
                [segments]
                if block.rounds == 1
                else [
                    [s for s in segments if s.block_round == number]
                    for number in range(1, segments[0].block_rounds + 1)
                ]
            )
            for own in rounds:
                start, ends = own[0].start, {s.end for s in own}
                if isinstance(fmt, Emom):
                    marks = {start + k * fmt.every for k in range(1, fmt.intervals + 1)}
                else:
                    marks = {start + fmt.time_cap}
                assert marks <= ends

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_work(self, workout: Workout, pacing: Pacing) -> None:
        """Work time is Σ dose × rounds × sides, and each exercise works rounds × sides times."""
        timeline = build(workout, pacing)
        expected = expected_work(workout, pacing)
        if expected is None:
            return
        seconds, segments = expected
        work = [s for s in timeline if s.kind is SegmentKind.WORK]
        assert math.isclose(seconds, timeline.work_total, rel_tol=1e-9, abs_tol=1e-6)
        assert segments == Counter(str(s.exercise) for s in work)

    @WHOLE_WORKOUTS
    @given(workouts, st.data())
    def test_at_matches_scan(self, workout: Workout, data: st.DataObject) -> None:
        """at(t) finds the same segment as a linear scan."""
        timeline = build(workout, Pacing())
        t = data.draw(st.floats(0, timeline.total, exclude_max=True))
        scanned = next(s for s in timeline if s.start <= t < s.end)
        assert scanned == timeline.at(t)

    @WHOLE_WORKOUTS
    @given(workouts, st.sampled_from(list(ModificationKind)))
    def test_variant_direction(self, workout: Workout, kind: ModificationKind) -> None:
        """A variant only applies modifications of its kind, and its timeline shows them."""
        variant = workout.variant(kind)
        for before, after in zip(workout.exercises(), variant.exercises(), strict=True):
            if before != after:
                (used,) = [m for m in before.modifications if m.name == after.name]
                assert kind is used.kind
                assert used == next(m for m in before.modifications if m.kind is kind)
            else:
                assert all(m.kind is not kind for m in before.modifications)
        timeline = build(variant, Pacing())
        names = {s.exercise for s in timeline if s.kind is SegmentKind.WORK}
        assert names <= {e.name for e in variant.exercises()}

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_warnings_point_at_timed_items(self, workout: Workout, pacing: Pacing) -> None:
        """Each warning names an overflowing item of an EMOM or interval block, or a for-time cap."""
        timeline = build(workout, pacing)
        for warning in timeline.warnings:
            _, b, *rest = warning.location
            assert isinstance(b, int)
            block = workout.blocks[b]
            if warning.code == "past_time_cap":
                assert isinstance(block.format, ForTime)
                assert ["format", "time_cap"] == rest
                continue
            assert "does_not_fit_interval" == warning.code
            _, i, *inner = rest
            assert isinstance(i, int)
            assert isinstance(block.format, Emom | Intervals)
            item = block.items[i]
            assert not inner or isinstance(item, Superset)
        assert len(set(timeline.warnings)) == len(timeline.warnings)

    @WHOLE_WORKOUTS
    @given(workouts, strategies.pacings())
    def test_effort_marks_stay_with_their_efforts(self, workout: Workout, pacing: Pacing) -> None:
        """Only counted efforts' work reads "(n of N)", N their count, also after a cap cuts them short."""
        timeline = build(workout, pacing)
        counts: dict[tuple[str, str], set[int]] = {}
        for block in workout.blocks:
            for exercise in block.exercises():
                if isinstance(exercise.dose, Efforts):
                    counts.setdefault((block.name, exercise.name), set()).add(
                        count(exercise.dose.efforts, pacing)
                    )
        for segment in timeline:
            found = EFFORT_MARK.search(segment.target)
            if found is None:
                continue
            number, of = int(found["number"]), int(found["of"])
            assert SegmentKind.WORK is segment.kind
            assert of in counts.get((segment.block, str(segment.exercise)), set())
            assert 1 <= number <= of

    @settings(max_examples=20)
    @given(workouts)
    def test_deterministic(self, workout: Workout) -> None:
        """The same workout and pacing always give the same timeline."""
        assert build(workout, Pacing()) == build(workout, Pacing())


class TestPacingDocuments:
    """A pacing is serialisable like the rest."""

    @given(strategies.pacings())
    def test_round_trip(self, pacing: Pacing) -> None:
        """from_dict(to_dict(p), Pacing) == p, and the data is plain JSON."""
        data = to_dict(pacing)
        assert pacing == from_dict(json.loads(json.dumps(data)), Pacing)

    def test_strict(self) -> None:
        """Pacing data is judged by the same rules, every problem with its path."""
        with pytest.raises(ValidationError) as caught:
            from_dict({"seconds_per_rep": "3", "transiton": 5}, Pacing)
        expected = ["seconds_per_rep", "transiton"]
        assert expected == [problem.path for problem in caught.value.problems]
