"""Optional parts, whole-workout levels and load ladders: rules, documents, timelines, exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

import runstrength
from _hostile import as_text
from runstrength import (
    Block,
    BlockChange,
    Emom,
    Exercise,
    ExerciseChange,
    Intervals,
    Level,
    Load,
    LoadLadder,
    LoadUnit,
    Modification,
    ModificationKind,
    Reps,
    Rest,
    Superset,
    UnknownNameError,
    ValidationError,
    Workout,
    build_timeline,
    dumps,
    from_dict,
    json_schema,
    loads,
    strategies,
    to_dict,
)
from runstrength._document.convert import converter
from runstrength._export.player import WITH_OPTIONAL, player_data
from runstrength._plan import Node, Repeat, Work, plan
from runstrength._render.summary import summary
from runstrength.cli import main

CALIBRATION: Final = Path(__file__).resolve().parent.parent / "benchmarks" / "calibration"

# Madcow 5×5, workout A's squat: five sets of five ramping to a top set, each set 12.5 % of the
# top set lighter than the next (the example of Stronglifts' guide, a 275 lb top set).
MADCOW_SQUAT: Final = """
schema_version: 1
title: Madcow 5×5 Squat Ramp
summary: Five sets of five, each heavier than the last, up to one top set.
source:
  title: "Madcow 5×5: set intervals"
  publisher: Stronglifts
  url: https://stronglifts.com/madcow-5x5/interval/
  notes: The five ramp sets of five and their weights come from the guide's example.
blocks:
  - name: Squat
    items:
      - name: Squat
        dose: {reps: 5}
        sets: 5
        rest_between_sets: {seconds: 180}
        load:
          ladder:
            - {amount: 135, unit: lb}
            - {amount: 170, unit: lb}
            - {amount: 205, unit: lb}
            - {amount: 240, unit: lb}
            - {amount: 275, unit: lb}
"""

EVERYTHING: Final = """
schema_version: 1
title: Circuit and Finisher
blocks:
  - name: Circuit
    rounds: 2
    items:
      - name: Goblet Squat
        dose: {reps: 10}
        load: {ladder: [{amount: 12, unit: kg}, {amount: 16, unit: kg}]}
      - type: superset
        exercises:
          - {name: Push-Up, dose: {reps: 10}}
          - {name: Row, dose: {reps: 10}, modifications: [{name: Pull-Up, kind: harder}]}
          - {name: Plank, dose: {seconds: 30}, optional: true}
  - name: Finisher
    optional: true
    items:
      - {name: Burpee, dose: {reps: 10}}
levels:
  - name: advanced
    summary: Three rounds, pull-ups and heavier squats.
    blocks:
      - {block: Circuit, rounds: 3, rest_between_rounds: {seconds: 60}}
    exercises:
      - exercise: Goblet Squat
        load: {ladder: [{amount: 16, unit: kg}, {amount: 20, unit: kg}, {amount: 24, unit: kg}]}
      - {exercise: Row, modification: Pull-Up}
    rest_between_sets: {seconds: 90}
"""


def squat(**fields: Any) -> Exercise:
    """A squat of 5 reps, changed as asked."""
    return Exercise(**{"name": "Squat", "dose": Reps(5), **fields})


def yaml(text: str) -> Workout:
    """The workout a YAML document describes."""
    return loads(text, "yaml")


def work(timeline: runstrength.Timeline) -> list[runstrength.Segment]:
    """The timeline's work segments."""
    return [segment for segment in timeline.segments if segment.kind is runstrength.SegmentKind.WORK]


def kg(*amounts: int) -> LoadLadder:
    """A load ladder in kilograms."""
    return LoadLadder(tuple(Load(amount=amount, unit=LoadUnit.KG) for amount in amounts))


def calibration(name: str) -> Workout:
    """One of the calibration set's published workouts."""
    return runstrength.load(CALIBRATION / f"{name}.yaml")


def planned_work(workout: Workout) -> list[Work]:
    """The work nodes of a workout's plan, every body of every repeat opened, in order."""
    found: list[Work] = []

    def walk(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if isinstance(node, Work):
                found.append(node)
            elif isinstance(node, Repeat):
                for body in node.rounds:
                    walk(body)

    for block in plan(workout).blocks:
        if isinstance(block.body, Repeat):
            walk((block.body,))
    return found


def codes(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    """Each problem's path and code."""
    return [(problem.path, problem.code) for problem in error.value.problems]


BROKEN_LEVELS: Final = pytest.mark.parametrize(
    ("level", "expected"),
    [
        (
            Level(name="beginner", blocks=[BlockChange(block="Main", rounds=2)]),
            [("levels[0]", "ladder_mismatch")],
        ),
        (
            Level(name="beginner", blocks=[BlockChange(block="Mian", rounds=3)]),
            [("levels[0].blocks[0].block", "unknown_name")],
        ),
        (
            Level(name="beginner", exercises=[ExerciseChange(exercise="Squat", modification="Box Squat")]),
            [("levels[0].exercises[0].modification", "unknown_name")],
        ),
        (
            Level(name="beginner", exercises=[ExerciseChange(exercise="Lunge", dose=Reps(3))]),
            [("levels[0].exercises[0].exercise", "unknown_name")],
        ),
        (
            Level(name="beginner", blocks=[BlockChange(block="Main", format=Emom(every=60, duration=600))]),
            [("levels[0]", "ladder_mismatch")],
        ),
    ],
    ids=["breaks a ladder", "unknown block", "unknown modification", "unknown exercise", "timed rounds"],
)
"""Levels a workout of one block ``Main`` (3 rounds, a squat on a 60-70-80 kg ladder) refuses, and where."""


class TestOptional:
    """Optional blocks and exercises: left out unless chosen."""

    def test_left_out_of_the_timeline(self) -> None:
        """The timeline of a workout with optional parts is that of the workout without them."""
        workout = yaml(EVERYTHING)
        timeline = build_timeline(workout)
        assert {"Goblet Squat", "Push-Up", "Row"} == {s.exercise for s in work(timeline)}
        assert {"Circuit"} == {s.block for s in timeline.segments}

    def test_included(self) -> None:
        """``include`` keeps the named optional parts, which then count in the total."""
        workout = yaml(EVERYTHING)
        kept = workout.variant(include=("Finisher", "Plank"))
        assert not kept.block("Finisher").optional
        assert not kept.exercise("Plank").optional
        names = {s.exercise for s in work(build_timeline(kept))}
        assert {"Burpee", "Plank"} <= names
        assert build_timeline(kept).total > build_timeline(workout).total

    def test_include_unknown_name(self) -> None:
        """A name no optional part has raises UnknownNameError with the closest one."""
        with pytest.raises(UnknownNameError, match="did you mean 'Finisher'"):
            yaml(EVERYTHING).variant(include=("Finsher",))

    def test_include_a_required_part(self) -> None:
        """Only optional parts can be included: a required block's name is unknown there."""
        with pytest.raises(UnknownNameError):
            yaml(EVERYTHING).variant(include=("Circuit",))

    def test_published_cool_down_walk(self) -> None:
        """The metabolic circuit's optional ten-minute walk: out of the stated 25 minutes, in when chosen."""
        workout = calibration("metabolic-circuit-25")
        as_written = build_timeline(workout).total
        assert 1740 == as_written
        assert "Incline Walk" in [part.name for part in workout.optional_parts()]
        walked = build_timeline(workout.variant(include=("Incline Walk",)))
        assert as_written + 600 == walked.total  # straight into the walk: no default rest between blocks

    @pytest.mark.parametrize(
        ("build", "path"),
        [
            (lambda: Workout(title="T", blocks=[Block(name="B", optional=True, items=[squat()])]), "blocks"),
            (lambda: Block(name="B", items=[squat(optional=True)]), "items"),
            (lambda: Superset(exercises=[squat(optional=True), squat(name="Row")]), "exercises"),
        ],
        ids=["workout", "block", "superset"],
    )
    def test_something_required(self, build: Any, path: str) -> None:
        """A workout keeps a required block, a block an item, a superset two exercises."""
        with pytest.raises(ValidationError) as error:
            build()
        assert [(path, "nothing_required")] == codes(error)

    def test_active_rest_is_not_optional(self) -> None:
        """An interval block's active rest cannot be optional: it fills the rest."""
        with pytest.raises(ValidationError) as error:
            Intervals(work=30, rest=10, active_rest=squat(optional=True))
        assert [("active_rest.optional", "not_applicable")] == codes(error)

    def test_superset_keeps_its_required_pair(self) -> None:
        """A superset of three with one optional exercise is done as a pair unless it is included."""
        workout = yaml(EVERYTHING)
        names = [node.exercise.name for node in planned_work(workout)]
        assert ["Goblet Squat", "Push-Up", "Row"] * 2 == names


class TestLevels:
    """Whole-workout levels applied with `Workout.variant`."""

    def test_applied(self) -> None:
        """A level changes the named blocks and exercises and the workout's rest between sets."""
        workout = yaml(EVERYTHING)
        advanced = workout.variant("advanced")
        circuit = advanced.block("Circuit")
        assert 3 == circuit.rounds
        assert Rest(60) == circuit.rest_between_rounds
        assert Rest(90) == advanced.rest_between_sets
        assert kg(16, 20, 24) == advanced.exercise("Goblet Squat").load
        assert "Pull-Up" in [exercise.name for exercise in advanced.exercises()]
        assert () == advanced.levels

    def test_in_words(self) -> None:
        """A level in words: its block changes, its exercise changes, then the rest between sets."""
        level = yaml(EVERYTHING).levels[0]
        circuit, (squat, row) = level.blocks[0], level.exercises
        assert f"advanced: {circuit}; {squat}; {row}; rest between sets {Rest(90)}" == str(level)
        assert "easy: Circuit: rounds 2" == str(
            Level(name="easy", blocks=(BlockChange(block="Circuit", rounds=2),))
        )

    def test_timeline_of_a_level(self) -> None:
        """A level's timeline has its rounds and its load ladder's steps."""
        timeline = build_timeline(yaml(EVERYTHING).variant("advanced"))
        squats = [s.target for s in work(timeline) if s.exercise == "Goblet Squat"]
        assert ["10 reps at 16 kg", "10 reps at 20 kg", "10 reps at 24 kg"] == squats
        assert 3 == max(s.block_round for s in timeline.segments)

    def test_level_and_include(self) -> None:
        """A level and optional parts combine."""
        workout = yaml(EVERYTHING).variant("advanced", include=("Finisher",))
        assert not workout.block("Finisher").optional
        assert 3 == workout.block("Circuit").rounds

    def test_unknown_variant(self) -> None:
        """A variant naming neither a level nor a kind lists both."""
        with pytest.raises(ValidationError, match="alternative, advanced, got 'expert'"):
            yaml(EVERYTHING).variant("expert")

    def test_kinds_still_work(self) -> None:
        """A modification kind still picks modifications, and the variant has no levels."""
        harder = yaml(EVERYTHING).variant(ModificationKind.HARDER)
        assert "Pull-Up" in [exercise.name for exercise in harder.exercises()]
        assert () == harder.levels

    def test_include_alone_keeps_levels(self) -> None:
        """Keeping optional parts is not a level: the levels stay, and still apply."""
        kept = yaml(EVERYTHING).variant(include=("Plank",))
        assert ["advanced"] == [level.name for level in kept.levels]
        assert not kept.variant("advanced").exercise("Plank").optional

    @BROKEN_LEVELS
    def test_checked_when_built(self, level: Level, expected: list[tuple[str, str]]) -> None:
        """Each level names what the workout has and applies cleanly, or the workout is refused there."""
        block = Block(name="Main", rounds=3, items=[squat(load=kg(60, 70, 80))])
        with pytest.raises(ValidationError) as error:
            Workout(title="T", blocks=[block], levels=[level])
        assert sorted(expected) == sorted(codes(error))

    @BROKEN_LEVELS
    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_loader_gives_the_reasons(self, level: Level, expected: list[tuple[str, str]], fmt: str) -> None:
        """Loading the workout gives the constructor's very problems, reasons included, in every format."""
        block = Block(name="Main", rounds=3, items=[squat(load=kg(60, 70, 80))])
        with pytest.raises(ValidationError) as built:
            Workout(title="T", blocks=[block], levels=[level])
        document = runstrength.to_dict(Workout(title="T", blocks=[block]))
        document["levels"] = [converter().unstructure(level)]
        text = as_text(document, fmt)
        assert text is not None
        with pytest.raises(ValidationError) as loaded:
            runstrength.loads(text, fmt)  # type: ignore[arg-type] # one of the three formats
        assert sorted(expected) == sorted(codes(loaded))
        assert [str(p) for p in loaded.value.problems] == [str(p) for p in built.value.problems]

    def test_changes_each_part_once(self) -> None:
        """Two changes to one block or one exercise are refused, rather than the last one winning."""
        with pytest.raises(ValidationError) as error:
            Level(
                name="beginner",
                blocks=[BlockChange(block="Main", rounds=3), BlockChange(block="Main", rest_after=Rest(30))],
                exercises=[
                    ExerciseChange(exercise="Squat", sets=3),
                    ExerciseChange(exercise="Squat", dose=Reps(3)),
                ],
            )
        assert [("blocks[1].block", "duplicate_name"), ("exercises[1].exercise", "duplicate_name")] == codes(
            error
        )

    def test_reason_names_the_workout_path(self) -> None:
        """A level that breaks a rule says where in the workout, at the level."""
        block = Block(name="Main", rounds=3, items=[squat(load=kg(60, 70, 80))])
        level = Level(name="beginner", blocks=[BlockChange(block="Main", rounds=2)])
        with pytest.raises(ValidationError, match=r"levels\[0\]: applying it: blocks\[0\]\.items\[0\]\.load"):
            Workout(title="T", blocks=[block], levels=[level])

    @pytest.mark.parametrize("name", [kind.value for kind in ModificationKind])
    def test_not_named_like_a_kind(self, name: str) -> None:
        """A level's name cannot be a modification kind, which `variant` would take instead."""
        with pytest.raises(ValidationError) as error:
            Level(name=name, blocks=[BlockChange(block="Main", rounds=2)])
        assert [("name", "reserved_name")] == codes(error)

    def test_changes_something(self) -> None:
        """Levels and their changes change something."""
        for build in (
            lambda: Level(name="beginner"),
            lambda: BlockChange(block="Main"),
            lambda: ExerciseChange(exercise="Squat"),
        ):
            with pytest.raises(ValidationError) as error:
                build()
            assert [("(document)", "missing_value")] == codes(error)

    def test_unique_names(self) -> None:
        """Two levels cannot share a name."""
        level = Level(name="beginner", exercises=[ExerciseChange(exercise="Squat", dose=Reps(3))])
        with pytest.raises(ValidationError) as error:
            Workout(title="T", blocks=[Block(name="Main", items=[squat()])], levels=[level, level])
        assert [("levels[1].name", "duplicate_name")] == codes(error)

    def test_published_advanced_options(self) -> None:
        """The kettlebell challenge's advanced level swaps in hanging leg raises and pull-ups."""
        workout = calibration("kettlebell-labor-day-challenge-20")
        advanced = workout.variant("advanced")
        names = [exercise.name for exercise in advanced.exercises()]
        assert ["Kettlebell Squat to Press", "Hanging Leg Raise", "Two-Hand Kettlebell Swing"] == names[:3]
        assert "Pull-Up" == names[-1]
        assert 1200 == build_timeline(workout).total == build_timeline(advanced).total

    def test_published_beginner_intervals(self) -> None:
        """The run club circuit starts beginners at 20/10: three rounds of four stations."""
        workout = calibration("runners-core-circuit-12")
        assert 720 == build_timeline(workout).total
        beginner = build_timeline(workout.variant("beginner"))
        assert 3 * 4 * 30 == beginner.total
        assert {20.0} == {s.duration for s in work(beginner)}

    def test_published_beginner_rounds(self) -> None:
        """The band workout's beginners do two rounds instead of four."""
        workout = calibration("resistance-band-intervals-30")
        beginner = workout.variant("beginner")
        assert 2 == beginner.block("Band Intervals").rounds
        assert 2100 == build_timeline(workout).total
        assert 300 + 2 * 9 * 45 + 60 == build_timeline(beginner).total  # no default rest between blocks

    @settings(max_examples=20)
    @given(strategies.workouts(max_blocks=2, max_items=2))
    def test_generated_levels_apply(self, workout: Workout) -> None:
        """Every level of a generated workout gives a valid workout without levels."""
        for level in workout.levels:
            assert () == workout.variant(level.name).levels


class TestLoadLadder:
    """Loads that change by set or round."""

    def test_published_ramp(self) -> None:
        """Madcow's five ramp sets of five climb to the top set, one load per set."""
        workout = yaml(MADCOW_SQUAT)
        targets = [s.target for s in work(build_timeline(workout))]
        assert [f"5 reps at {pounds} lb" for pounds in (135, 170, 205, 240, 275)] == targets

    def test_negative_zero_reads_as_zero(self) -> None:
        """A step of -0.0 kg, valid as 0 is, reads as zero in the timeline's targets."""
        ladder = LoadLadder(
            (Load(amount=-0.0, unit=LoadUnit.KG), Load(amount=runstrength.Range(-0.0, 5), unit=LoadUnit.KG))
        )
        workout = Workout(title="T", blocks=[Block(name="B", items=[squat(sets=2, load=ladder)])])
        targets = [s.target for s in work(build_timeline(workout))]
        assert ["5 reps at 0.0 kg", "5 reps at 0–5 kg"] == targets

    @pytest.mark.parametrize(
        ("build", "path"),
        [
            (lambda: squat(sets=3, load=kg(60, 70)), "load.ladder"),
            (lambda: squat(sets=runstrength.Range(2, 3), load=kg(60, 70)), "load"),
            (lambda: Block(name="B", rounds=3, items=[squat(load=kg(60, 70))]), "items[0].load.ladder"),
            (
                lambda: Superset(rounds=3, exercises=[squat(load=kg(60, 70)), squat(name="Row")]),
                "exercises[0].load.ladder",
            ),
            (
                lambda: Block(name="B", format=Emom(every=60, duration=600), items=[squat(load=kg(60, 70))]),
                "items[0].load",
            ),
        ],
        ids=["sets", "a range of sets", "block rounds", "superset rounds", "EMOM"],
    )
    def test_fits_like_a_dose_ladder(self, build: Any, path: str) -> None:
        """A load ladder has one step per time the exercise is done, with the dose ladder's code."""
        with pytest.raises(ValidationError) as error:
            build()
        assert [(path, "ladder_mismatch")] == codes(error)

    def test_modification_replaces_it(self) -> None:
        """A modification's load ladder replaces the exercise's, and must fit where it applies."""
        easier = Modification(name="Box Squat", kind=ModificationKind.EASIER, load=kg(40, 50))
        block = Block(name="B", rounds=2, items=[squat(load=kg(60, 70), modifications=[easier])])
        workout = Workout(title="T", blocks=[block])
        assert kg(40, 50) == workout.variant("easier").exercise("Box Squat").load
        bad = Modification(name="Box Squat", kind=ModificationKind.EASIER, load=kg(40, 50, 60))
        broken = Workout(title="T", blocks=[Block(name="B", rounds=2, items=[squat(modifications=[bad])])])
        with pytest.raises(ValidationError):
            broken.variant("easier")

    def test_plan_carries_the_step(self) -> None:
        """The plan's work carries each set's load; a plain load is carried as it is."""
        workout = yaml(MADCOW_SQUAT)
        loads_ = [node.load for node in planned_work(workout)]
        assert [Load(amount=pounds, unit=LoadUnit.LB) for pounds in (135, 170, 205, 240, 275)] == loads_
        plain = Workout(
            title="T", blocks=[Block(name="B", items=[squat(load=Load(amount=60, unit=LoadUnit.KG))])]
        )
        [only] = planned_work(plain)
        assert (Load(amount=60, unit=LoadUnit.KG), "5 reps") == (only.load, only.target)

    def test_fit_weight_per_set(self) -> None:
        """The FIT export writes each ramp set's weight."""
        pytest.importorskip("garmin_fit_sdk")
        from garmin_fit_sdk import Decoder, Stream  # noqa: PLC0415 - the fit extra

        data = runstrength.export_fit(yaml(MADCOW_SQUAT))
        messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
        assert [] == errors
        weights = [
            m.get("exercise_weight") for m in messages["workout_step_mesgs"] if m.get("exercise_weight")
        ]
        assert [round(p * 0.45359237, 2) for p in (135, 170, 205, 240, 275)] == pytest.approx(
            weights, abs=0.01
        )

    def test_shown_in_the_summary(self) -> None:
        """The summary writes a load ladder's steps."""
        text = summary(yaml(MADCOW_SQUAT))
        assert "Load: 135 lb, 170 lb, 205 lb, 240 lb, 275 lb" in text


class TestDocuments:
    """The new fields in JSON, YAML and TOML, and in the JSON Schema."""

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    @pytest.mark.parametrize("text", [EVERYTHING, MADCOW_SQUAT], ids=["everything", "madcow"])
    def test_round_trip(self, fmt: str, text: str) -> None:
        """A workout with optional parts, levels and load ladders writes and reads back equal."""
        workout = yaml(text)
        assert workout == loads(dumps(workout, fmt), fmt)  # type: ignore[arg-type]

    def test_written_as_read(self) -> None:
        """The document writes back the keys it was read with; defaults stay out."""
        data = to_dict(yaml(EVERYTHING))
        assert {"ladder": [{"amount": 12, "unit": "kg"}, {"amount": 16, "unit": "kg"}]} == data["blocks"][0][
            "items"
        ][0]["load"]
        assert True is data["blocks"][1]["optional"]
        assert "optional" not in data["blocks"][0]
        assert {"exercise": "Row", "modification": "Pull-Up"} == data["levels"][0]["exercises"][1]

    def test_schema_accepts(self) -> None:
        """The JSON Schema accepts the new constructs and refuses a misspelled level key."""
        validator = Draft202012Validator(json_schema())
        data = to_dict(yaml(EVERYTHING))
        assert [] == list(validator.iter_errors(data))
        data["levels"][0]["blocks"][0]["round"] = 3
        assert list(validator.iter_errors(data))

    def test_loader_reports_every_problem(self) -> None:
        """The loader reports a bad load ladder step and a bad level change with their paths."""
        data = to_dict(yaml(EVERYTHING))
        data["blocks"][0]["items"][0]["load"]["ladder"][1] = {"unit": "kg"}
        data["levels"][0]["blocks"][0]["rounds"] = 0
        with pytest.raises(ValidationError) as error:
            from_dict(data)
        paths = {problem.path for problem in error.value.problems}
        assert {"blocks[0].items[0].load.ladder[1].amount", "levels[0].blocks[0].rounds"} == paths


class TestPlayer:
    """The player offers the levels and the optional parts."""

    def test_choices(self) -> None:
        """As written, each level, each kind offered, and with optional parts."""
        data = player_data(yaml(EVERYTHING))
        assert ["as written", "advanced", "harder", WITH_OPTIONAL] == list(data["choices"])


class TestCli:
    """``--variant`` with a level's name, and ``--include``."""

    @pytest.fixture
    def document(self, tmp_path: Path) -> str:
        """The workout with everything, as a file."""
        path = tmp_path / "everything.yaml"
        path.write_text(EVERYTHING, encoding="utf-8")
        return str(path)

    def test_level(self, document: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``--variant advanced`` prints the level's timeline."""
        assert 0 == main(["timeline", document, "--variant", "advanced", "--format", "json"])
        segments = json.loads(capsys.readouterr().out)["segments"]
        assert 3 == max(segment["block_round"] for segment in segments)

    def test_include(self, document: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``--include`` keeps optional parts, repeated for several."""
        assert 0 == main(
            ["timeline", document, "--include", "Finisher", "--include", "Plank", "--format", "csv"]
        )
        out = capsys.readouterr().out
        assert "Burpee" in out
        assert "Plank" in out

    @pytest.mark.parametrize(
        ("flags", "message"),
        [
            (
                ["--variant", "expert"],
                "choose from 'easier', 'harder', 'variation', 'alternative', 'advanced'",
            ),
            (["--include", "Finsher"], "did you mean 'Finisher'?"),
        ],
    )
    def test_usage_errors(
        self, document: str, flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown level or optional part is a usage error naming the choices."""
        assert 2 == main(["timeline", document, *flags])
        captured = capsys.readouterr()
        assert "" == captured.out
        assert message in captured.err

    def test_export_a_level(self, document: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``export --variant`` writes the level's workout."""
        assert 0 == main(
            ["export", document, "--variant", "advanced", "--include", "Finisher", "--format", "json"]
        )
        data = json.loads(capsys.readouterr().out)
        assert 3 == data["blocks"][0]["rounds"]
        assert "levels" not in data
        assert "optional" not in data["blocks"][1]

    def test_completion_offers_the_kinds(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Completion offers the modification kinds after --variant and no file names after --include."""
        assert 0 == main(["completion", "bash"])
        script = capsys.readouterr().out
        assert 'compgen -W "easier harder variation alternative"' in script
        assert '--include) COMPREPLY=($(compgen -W "" -- "$cur")); return ;;' in script
