"""Timed structure: repeated EMOM and AMRAP blocks, ascending doses, for time, scores, stated lengths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from garmin_fit_sdk import Decoder, Stream

import runstrength
from runstrength import (
    Amrap,
    Ascending,
    Block,
    Emom,
    Exercise,
    ForTime,
    Intervals,
    Ladder,
    Pacing,
    Range,
    Reps,
    Rest,
    Score,
    SegmentKind,
    Superset,
    ValidationError,
    Workout,
    build_timeline,
    export_fit,
    from_dict,
    to_dict,
)
from runstrength._document.text import DocumentFormat
from runstrength._render.summary import summary

CALIBRATION = Path(__file__).resolve().parent.parent / "benchmarks" / "calibration"


def problems_of(make: object) -> list[tuple[str, str, str]]:
    """The (path, reason, code) triples of the ValidationError that calling ``make`` raises."""
    with pytest.raises(ValidationError) as info:
        make()  # type: ignore[operator]
    return [(p.path, p.reason, p.code) for p in info.value.problems]


def one_block(block: Block) -> Workout:
    """A workout of one block."""
    return Workout(title="Timed", blocks=(block,))


def repeated_emom() -> Workout:
    """A 7-minute EMOM done twice with 3 to 5 minutes of rest between."""
    return one_block(
        Block(
            name="EMOM",
            rounds=2,
            format=Emom(every=60, duration=420),
            rest_between_rounds=Rest.between(180, 300),
            items=(Exercise(name="Kettlebell Swing", dose=Reps(10)),),
        )
    )


class TestRepeatedTimedBlocks:
    """EMOM and AMRAP blocks may repeat, each round its whole clock, with a rest between rounds."""

    def test_emom_twice_with_rest_lasts_17_to_19_minutes(self) -> None:
        """A 7-minute EMOM × 2 with 3–5 min between lasts exactly 17 to 19 minutes."""
        timeline = build_timeline(repeated_emom())
        assert (17 * 60.0, 19 * 60.0) == timeline.total_range
        assert 18 * 60 == timeline.total

    def test_no_rest_after_the_last_round(self) -> None:
        """The rest sits between the rounds only: the block ends with the second EMOM's last interval."""
        timeline = build_timeline(repeated_emom())
        rests = [s for s in timeline if s.target == "180–300 s"]
        assert [(420.0, 660.0)] == [(s.start, s.end) for s in rests]
        assert "until the next 60 s mark" == timeline[-1].target

    def test_segments_count_the_block_rounds(self) -> None:
        """In a repeated EMOM, segments count the block's rounds, not the intervals."""
        timeline = build_timeline(repeated_emom())
        work = [s for s in timeline if s.kind is SegmentKind.WORK]
        assert [1] * 7 + [2] * 7 == [s.block_round for s in work]
        assert {2} == {s.block_rounds for s in timeline}

    def test_a_single_emom_counts_its_intervals_as_rounds(self) -> None:
        """Done once, an EMOM's intervals are its rounds: the segments count 1 to 4 of 4."""
        emom = Block(
            name="EMOM",
            format=Emom(every=60, duration=240),
            items=(
                Exercise(name="Kettlebell Swing", dose=Reps(10)),
                Exercise(name="Goblet Squat", dose=Reps(8)),
            ),
        )
        timeline = build_timeline(one_block(emom))
        assert [1, 2, 3, 4] == [s.block_round for s in timeline if s.kind is SegmentKind.WORK]
        assert {4} == {s.block_rounds for s in timeline}

    def test_amrap_three_times_with_a_minute_between(self) -> None:
        """Three 5-minute AMRAPs with 60 s between last 17 minutes, each round exactly its cap."""
        workout = one_block(
            Block(
                name="AMRAP",
                rounds=3,
                format=Amrap(time_cap=300),
                rest_between_rounds=Rest(60),
                items=(Exercise(name="Burpee", dose=Reps(5)), Exercise(name="Squat", dose=Reps(10))),
            )
        )
        timeline = build_timeline(workout)
        assert (1020.0, 1020.0) == timeline.total_range
        starts = [s.start for s in timeline if s.target == "60 s"]
        assert [300.0, 660.0] == starts

    def test_no_stated_rest_runs_straight_on(self) -> None:
        """Without rest_between_rounds, a repeated EMOM's rounds follow each other directly."""
        workout = one_block(attrs_evolve(repeated_emom().blocks[0], rest_between_rounds=None))
        assert 14 * 60 == build_timeline(workout).total

    def test_fit_repeats_the_emom_with_the_rest_between(self) -> None:
        """The FIT file repeats the EMOM's interval, then rests, then does the second EMOM."""
        steps = fit_steps(repeated_emom())
        kinds = [(s.get("wkt_step_name"), s["duration_type"], s.get("target_value")) for s in steps]
        assert [
            ("Kettlebell Swing", "time", None),
            (None, "repeat_until_steps_cmplt", 7),
            ("Rest", "time", None),
            ("Kettlebell Swing", "time", None),
            (None, "repeat_until_steps_cmplt", 7),
        ] == kinds


def attrs_evolve(block: Block, **changes: Any) -> Block:
    """The block with ``changes`` (attrs.evolve, typed for the tests)."""
    changed: Block = attrs.evolve(block, **changes)
    return changed


def fit_steps(workout: Workout) -> list[dict[str, object]]:
    """The workout steps of the workout's FIT file, as Garmin's SDK decodes them."""
    messages, errors = Decoder(Stream.from_byte_array(bytearray(export_fit(workout)))).read()
    assert [] == errors
    return [dict(step) for step in messages["workout_step_mesgs"]]


class TestAscending:
    """Ascending reps climb by a fixed step each time the exercise is done."""

    def test_text(self) -> None:
        """An ascending dose reads as its first three steps."""
        assert "2, 4, 6, … reps" == str(Ascending(2, by=2))

    def test_by_is_required(self) -> None:
        """A document must say how much each step adds."""
        data = {"schema_version": 1, "title": "T", "blocks": [{"name": "B", "items": [
            {"name": "Squat", "dose": {"ascending": 2}},
        ]}]}  # fmt: skip
        assert [("blocks[0].items[0].dose.by", "required field missing", "missing_field")] == problems_of(
            lambda: from_dict(data)
        )

    def test_amrap_rounds_climb_until_the_cap(self) -> None:
        """In an AMRAP, each round adds ``by`` reps, and the block still lasts exactly its cap."""
        workout = one_block(
            Block(
                name="AMRAP",
                format=Amrap(time_cap=600),
                items=(
                    Exercise(name="Push-up", dose=Ascending(2, by=2)),
                    Exercise(name="Squat", dose=Reps(10)),
                ),
            )
        )
        timeline = build_timeline(workout, Pacing(seconds_per_rep=2, transition=5))
        push_ups = [
            s.target.removesuffix(" (cut at the time cap)") for s in timeline if s.exercise == "Push-up"
        ]
        expected = [f"{2 * n} reps" for n in range(1, len(push_ups) + 1)]
        assert expected == push_ups
        assert len(push_ups) >= 5
        assert 600 == timeline.total

    def test_each_amrap_round_of_the_block_starts_again(self) -> None:
        """A repeated AMRAP climbs from the first step again in each of the block's rounds."""
        workout = one_block(
            Block(
                name="AMRAP",
                rounds=2,
                format=Amrap(time_cap=60),
                items=(Exercise(name="Burpee", dose=Ascending(1, by=1)),),
            )
        )
        firsts = [s.target for s in build_timeline(workout) if s.kind is SegmentKind.WORK][:1]
        second = [s for s in build_timeline(workout) if s.block_round == 2 and s.kind is SegmentKind.WORK]
        assert ["1 rep", "1 rep"] == [*firsts, second[0].target]

    def test_straight_sets_climb_by_set(self) -> None:
        """Three sets of ascending reps are 5, 8 and 11."""
        workout = one_block(
            Block(name="Main", items=(Exercise(name="Row", dose=Ascending(5, by=3), sets=3),))
        )
        assert ["5 reps", "8 reps", "11 reps"] == [
            s.target for s in build_timeline(workout) if s.kind is SegmentKind.WORK
        ]

    def test_a_range_of_rounds_climbs_to_its_end(self) -> None:
        """With 2–3 rounds, the maximum does three steps and the minimum two."""
        workout = one_block(
            Block(name="Main", rounds=Range(2, 3), items=(Exercise(name="Squat", dose=Ascending(10, by=10)),))
        )
        low = build_timeline(workout, Pacing(range_point="min", seconds_per_rep=1, rest_between_rounds=0))
        high = build_timeline(workout, Pacing(range_point="max", seconds_per_rep=1, rest_between_rounds=0))
        assert (30, 60) == (low.total, high.total)
        assert (30.0, 60.0) == high.total_range

    def test_emom_climbs_per_interval(self) -> None:
        """An EMOM ladder of burpees: one more each minute, the FIT file saying each minute's reps."""
        workout = one_block(
            Block(
                name="EMOM",
                format=Emom(every=60, duration=300),
                items=(Exercise(name="Burpee", dose=Ascending(1, by=1)),),
            )
        )
        targets = [s.target for s in build_timeline(workout) if s.kind is SegmentKind.WORK]
        assert ["1 rep", "2 reps", "3 reps", "4 reps", "5 reps"] == targets
        notes = [str(step.get("notes", "")) for step in fit_steps(workout)]
        assert ["Every 60 s: 3 reps. Rest until the next interval."] == [n for n in notes if "3 reps" in n]

    def test_a_ladder_in_an_amrap_points_to_ascending(self) -> None:
        """An explicit ladder stays refused in an AMRAP, with a hint to climb with an ascending dose."""
        ladder = Ladder((Reps(2), Reps(4)))
        problems = problems_of(
            lambda: Block(
                name="AMRAP", format=Amrap(time_cap=600), items=(Exercise(name="Squat", dose=ladder),)
            )
        )
        [(path, reason, code)] = problems
        assert ("items[0].dose", "ladder_mismatch") == (path, code)
        assert "{ascending: 2, by: 2}" in reason


def for_time(*, time_cap: int | None = 360, rounds: int = 1, rest: Rest | None = None) -> Workout:
    """50 burpees for time (or ``rounds`` rounds of burpees and squats), capped at ``time_cap``."""
    items = (
        (Exercise(name="Burpee", dose=Reps(50)),)
        if rounds == 1
        else (Exercise(name="Burpee", dose=Reps(10)), Exercise(name="Squat", dose=Reps(20)))
    )
    block = Block(
        name="For Time",
        rounds=rounds,
        format=ForTime(time_cap=time_cap),
        rest_between_rounds=rest,
        items=items,
    )
    return one_block(block)


class TestForTime:
    """A for-time block: its rounds as fast as possible, estimated at the pacing, within its cap."""

    def test_under_the_cap_lasts_its_estimate(self) -> None:
        """50 burpees at 3 s each take 150 s, well within a 6-minute cap: no warning."""
        timeline = build_timeline(for_time(), Pacing(seconds_per_rep=3))
        assert (150, ()) == (timeline.total, timeline.warnings)

    def test_past_the_cap_stops_there_with_a_warning(self) -> None:
        """At 10 s a rep the estimate runs past the cap: the timeline stops at 360 s and says so."""
        timeline = build_timeline(for_time(), Pacing(seconds_per_rep=10))
        assert 360 == timeline.total
        assert "50 reps (cut at the time cap)" == timeline[-1].target
        [warning] = timeline.warnings
        assert ("blocks[0].format.time_cap", "past_time_cap") == (warning.path, warning.code)

    def test_no_default_rest_between_rounds(self) -> None:
        """Against the clock, rounds follow each other after a transition, not the pacing's rest."""
        timeline = build_timeline(for_time(time_cap=None, rounds=3), Pacing(seconds_per_rep=3, transition=10))
        assert SegmentKind.REST not in {s.kind for s in timeline}
        # 3 × (30 + 60) s of work, 10 s between the two exercises and 10 s between rounds.
        assert 3 * 90 + 3 * 10 + 2 * 10 == timeline.total

    def test_a_prescribed_rest_between_rounds_is_kept(self) -> None:
        """A rest the workout prescribes between rounds is taken, and counts against the cap."""
        timeline = build_timeline(
            for_time(time_cap=None, rounds=2, rest=Rest(60)), Pacing(seconds_per_rep=3, transition=0)
        )
        assert 2 * 90 + 60 == timeline.total

    def test_text_and_defaults(self) -> None:
        """A for-time block scores time unless told; an AMRAP scores rounds and reps."""
        assert ("for time, cap 6 min", Score.TIME) == (str(ForTime(time_cap=360)), ForTime().score)
        assert Score.ROUNDS_REPS == Amrap(time_cap=600).score

    def test_holds_exercises_only(self) -> None:
        """A for-time block holds single-set exercises, not supersets."""
        pair = Superset(exercises=(Exercise(name="A", dose=Reps(5)), Exercise(name="B", dose=Reps(5))))
        assert [
            ("items[0]", "a for-time block holds exercises, not supersets", "not_allowed_here")
        ] == problems_of(lambda: Block(name="F", format=ForTime(), items=(pair,)))

    def test_fit_notes_the_cap(self) -> None:
        """The FIT file has the for-time block's steps, the cap in the first step's notes."""
        [step] = fit_steps(for_time())
        assert ("reps", 50) == (step["duration_type"], step["duration_value"])
        assert str(step["notes"]).startswith("For time, cap 6 min.")


class TestScoresAndStatedLengths:
    """What a block scores and the lengths its source states are facts shown, never timed."""

    def test_written_only_when_not_the_default(self) -> None:
        """An AMRAP's default score is left out of its document; another is written."""
        blocks = [
            Block(name="A", format=Amrap(time_cap=600), items=(Exercise(name="Squat", dose=Reps(10)),)),
            Block(
                name="B",
                format=Amrap(time_cap=600, score=Score.REPS),
                items=(Exercise(name="Squat", dose=Reps(10)),),
            ),
        ]
        formats = [block["format"] for block in to_dict(Workout(title="S", blocks=blocks))["blocks"]]
        assert [
            {"type": "amrap", "time_cap": 600},
            {"type": "amrap", "time_cap": 600, "score": "reps"},
        ] == formats

    def test_an_unknown_score_is_refused(self) -> None:
        """A score outside the four kinds is refused with the choices."""
        fmt = {"type": "for_time", "score": "calories"}
        items = [{"name": "Row", "dose": {"reps": 10}}]
        data = {"schema_version": 1, "title": "T", "blocks": [{"name": "B", "format": fmt, "items": items}]}
        [(path, _, code)] = problems_of(lambda: from_dict(data))
        assert ("blocks[0].format.score", "not_one_of") == (path, code)

    def test_a_round_length_needs_rounds(self) -> None:
        """stated_round_duration applies only to a block of several rounds."""
        expected = [
            (
                "stated_round_duration",
                "only applies to a block of several rounds: set rounds above 1",
                "not_applicable",
            )
        ]
        assert expected == problems_of(
            lambda: Block(name="B", stated_round_duration=300, items=(Exercise(name="Squat", dose=Reps(10)),))
        )

    def test_stated_lengths_do_not_change_the_timeline(self) -> None:
        """A block's stated length is a fact: the timeline is the same with or without it."""
        block = Block(name="B", rounds=2, items=(Exercise(name="Squat", dose=Reps(10)),))
        stated = attrs_evolve(block, stated_duration=600, stated_round_duration=Range(240, 300))
        assert build_timeline(one_block(block)).segments == build_timeline(one_block(stated)).segments

    def test_summary_shows_them(self) -> None:
        """The summary names the score and the stated lengths under the block's format."""
        block = Block(
            name="B",
            rounds=3,
            format=ForTime(time_cap=900),
            stated_duration=Range(600, 720),
            stated_round_duration=240,
            items=(Exercise(name="Squat", dose=Reps(10)),),
        )
        text = summary(one_block(block))
        assert (
            "Format: for time, cap 15 min\nScore: time\nStated length: 10 min–12 min\n"
            "Stated length per round: 4 min"
        ) in text

    def test_calibration_block_lengths(self) -> None:
        """The Fleet Feet runners' workout states 6 and 4 minutes for its two blocks."""
        workout = runstrength.load(CALIBRATION / "strength-and-core-for-runners-10.yaml")
        assert [360, 240] == [block.stated_duration for block in workout.blocks]


EVERYTHING = """\
schema_version: 1
title: Timed Structure
blocks:
  - name: EMOM
    rounds: 2
    format: {type: emom, every: 60, duration: 420}
    rest_between_rounds: {seconds: {min: 180, max: 300}}
    stated_round_duration: 420
    items:
      - {name: Kettlebell Swing, dose: {reps: 10}}
  - name: AMRAP
    format: {type: amrap, time_cap: 600, score: reps}
    items:
      - {name: Push-up, dose: {ascending: 2, by: 2}}
  - name: For Time
    rounds: 3
    format: {type: for_time, time_cap: 900}
    stated_duration: {min: 600, max: 720}
    items:
      - {name: Squat, dose: {ladder: [{reps: 21}, {reps: 15}, {reps: 9}]}}
"""


class TestDocuments:
    """The new keys read and write back in JSON, YAML and TOML."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_round_trip(self, fmt: DocumentFormat) -> None:
        """Writing a workout with every timed construct and reading it back gives an equal workout."""
        workout = runstrength.loads(EVERYTHING, format="yaml")
        text = runstrength.dumps(workout, format=fmt)
        assert workout == runstrength.loads(text, format=fmt)
        assert text == runstrength.dumps(runstrength.loads(text, format=fmt), format=fmt)

    def test_yaml_writes_what_was_read(self) -> None:
        """The YAML text of the workout holds the same keys as the document it came from."""
        workout = runstrength.loads(EVERYTHING, format="yaml")
        assert runstrength.loads(EVERYTHING, format="yaml") == from_dict(to_dict(workout))
        data = to_dict(workout)
        assert {"ascending": 2, "by": 2} == data["blocks"][1]["items"][0]["dose"]
        assert {"type": "for_time", "time_cap": 900} == data["blocks"][2]["format"]

    def test_real_for_time_workout(self) -> None:
        """Houston (PRzilla): ten descending rounds for time, capped at 20 min, stated as 12–15.

        The default pacing counts its 165 floor reps at 2.5 s with no change of equipment between
        them: 6:52, well under the stated time. The single-valued pacing of 3 s a rep and 10 s
        between exercises (and rounds) lands inside it.
        """
        workout = runstrength.load(CALIBRATION / "houston-for-time-12-15.yaml")
        [block] = workout.blocks
        assert isinstance(block.format, ForTime)
        assert (10, 1200) == (block.rounds, block.format.time_cap)
        timeline = build_timeline(workout)
        assert ((), 165 * 2.5) == (timeline.warnings, timeline.total)
        classic = build_timeline(workout, Pacing(seconds_per_rep=3, transition=10))
        stated = workout.stated_duration
        assert isinstance(stated, Range)
        assert stated.min <= classic.total <= stated.max

    def test_intervals_blocks_are_unchanged(self) -> None:
        """An interval block with rounds and a rest between them plans as before (no timed repeat)."""
        block = Block(
            name="Tabata",
            rounds=2,
            format=Intervals(work=20, rest=10),
            rest_between_rounds=Rest(60),
            items=(Exercise(name="Squat", dose=Reps(10)),),
        )
        assert 2 * 30 + 60 == build_timeline(one_block(block)).total


class TestShown:
    """The player and the notebook view carry what a timed block scores and states."""

    def test_player_data_has_the_scores(self) -> None:
        """The player's data names each scored block's score, for the page to show and an app to log."""
        from runstrength._export.player import player_data  # noqa: PLC0415 - the player's own data

        workout = runstrength.loads(EVERYTHING, format="yaml")
        assert {"AMRAP": "reps", "For Time": "time"} == player_data(workout)["scores"]

    def test_notebook_shows_block_facts(self) -> None:
        """The notebook's view of a workout lists each block's format, score and stated lengths."""
        html = runstrength.loads(EVERYTHING, format="yaml")._repr_html_()
        assert "Format: for time, cap 15 min; Score: time; Stated length: 10 min–12 min" in html
