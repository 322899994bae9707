"""The built-in catalogue, and the article's workout it ships."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

import runstrength
from _wording import copied
from runstrength import (
    BlockKind,
    Credit,
    Duration,
    Equipment,
    Exercise,
    Frequency,
    Load,
    LoadLevel,
    ModificationKind,
    Range,
    Reps,
    Rest,
    Sides,
    Superset,
    UnknownNameError,
    Workout,
    catalog,
)
from runstrength._document.text import DocumentFormat
from runstrength._values import Dose

UPPER_BODY = "upper-body-for-runners"
FORMATS: tuple[DocumentFormat, ...] = ("json", "yaml", "toml")

MAT = Equipment(name="exercise mat")
ONE_DUMBBELL = Equipment(name="dumbbell")
TWO_DUMBBELLS = Equipment(name="dumbbell", quantity=2)


@pytest.fixture(scope="module")
def workout() -> Workout:
    """The article's workout, from the catalogue."""
    return catalog.get(UPPER_BODY)


def _placed(workout: Workout) -> list[tuple[str, str | None, Exercise]]:
    """Every exercise with its block's name and its superset's name (``None`` outside one)."""
    rows: list[tuple[str, str | None, Exercise]] = []
    for block in workout.blocks:
        for item in block.items:
            if isinstance(item, Superset):
                rows.extend((block.name, item.name, exercise) for exercise in item.exercises)
            else:
                rows.append((block.name, None, item))
    return rows


class TestNames:
    """Listing the built-in workouts."""

    def test_sorted_names(self) -> None:
        """The names come back sorted, as a tuple of text."""
        names = catalog.names()
        assert tuple(sorted(names)) == names
        assert all(isinstance(name, str) for name in names)

    def test_one_name_per_document(self) -> None:
        """Each TOML document in the package's workout folder is listed by its file name's stem."""
        folder = files("runstrength").joinpath("workouts")
        stems = sorted(
            item.name.removesuffix(".toml") for item in folder.iterdir() if item.name.endswith(".toml")
        )
        assert tuple(stems) == catalog.names()

    def test_includes_the_article_workout(self) -> None:
        """The upper-body workout for runners is built in."""
        assert UPPER_BODY in catalog.names()


class TestGet:
    """Getting a built-in workout by name."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_name_loads(self, name: str) -> None:
        """Every listed name loads as a valid workout."""
        assert isinstance(catalog.get(name), Workout)

    def test_cached(self) -> None:
        """Asking twice gives the same, equal workout without reading the document again."""
        first = catalog.get(UPPER_BODY)
        assert first == catalog.get(UPPER_BODY)
        assert first is catalog.get(UPPER_BODY)

    def test_matches_the_document(self) -> None:
        """The workout is exactly what the shipped document says, read by the public loader."""
        text = files("runstrength").joinpath("workouts", f"{UPPER_BODY}.toml").read_text(encoding="utf-8")
        assert runstrength.loads(text, "toml") == catalog.get(UPPER_BODY)

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("upper-body", "no built-in workout named 'upper-body'; did you mean 'upper-body-for-runners'?"),
            (
                "upper-body-for-runner",
                "no built-in workout named 'upper-body-for-runner'; did you mean 'upper-body-for-runners'?",
            ),
            ("hill sprints", "no built-in workout named 'hill sprints'"),
            ("", "no built-in workout named ''"),
        ],
    )
    def test_unknown_name(self, name: str, message: str) -> None:
        """An unknown name raises UnknownNameError, suggesting close names when there are any."""
        with pytest.raises(UnknownNameError) as caught:
            catalog.get(name)
        assert message == str(caught.value)

    @given(st.text(max_size=40).filter(lambda name: name not in catalog.names()))
    def test_unknown_names_are_lookup_errors(self, name: str) -> None:
        """Any name not listed raises an UnknownNameError, which is a LookupError."""
        with pytest.raises(LookupError) as caught:
            catalog.get(name)
        assert isinstance(caught.value, UnknownNameError)

    def test_public(self) -> None:
        """The catalogue is reachable as runstrength.catalog."""
        assert "catalog" in runstrength.__all__
        expected = ("get", "names")
        assert expected == tuple(sorted(catalog.__all__))


# --- the article's workout: facts --------------------------------------------------------

EXERCISES = [
    ("Warm-up", None, "Thread the Needle", Duration(30), Sides.EACH),
    ("Warm-up", None, "Dynamic Child's Pose", Duration(30), Sides.BOTH),
    ("Warm-up", None, "Half-Kneeling Rainbow", Duration(30), Sides.EACH),
    ("Strength", "Superset 1", "Half-Kneeling Chop", Reps(8), Sides.EACH),
    ("Strength", "Superset 1", "Bear Plank Lateral Walk", Reps(8), Sides.BOTH),
    ("Strength", "Superset 2", "Reciprocal Row", Reps(8), Sides.ALTERNATING),
    ("Strength", "Superset 2", "Chest Fly", Reps(8), Sides.BOTH),
    ("Strength", "Superset 3", "Bent-Over Wide Row", Reps(8), Sides.BOTH),
    ("Strength", "Superset 3", "Hammer Curl", Reps(8), Sides.BOTH),
    ("Cool-down", None, "Standing Shoulder Stretch", Duration(30), Sides.BOTH),
    ("Cool-down", None, "Child's Pose", Duration(30), Sides.BOTH),
]

MODIFICATIONS = [
    ("Half-Kneeling Rainbow", "Standing Rainbow", ModificationKind.EASIER, None, None),
    ("Half-Kneeling Chop", "Standing Chop", ModificationKind.EASIER, None, None),
    ("Bear Plank Lateral Walk", "Bear Plank Hold", ModificationKind.EASIER, None, None),
    (
        "Reciprocal Row",
        "Single-Arm Bent-Over Row",
        ModificationKind.EASIER,
        Reps(Range(6, 8)),
        Sides.EACH,
    ),
    ("Chest Fly", "Bent-Elbow Chest Fly", ModificationKind.EASIER, None, None),
    ("Standing Shoulder Stretch", "Forward-Fold Shoulder Stretch", ModificationKind.HARDER, None, None),
]

EQUIPMENT = {
    "Thread the Needle": (MAT,),
    "Dynamic Child's Pose": (MAT,),
    "Half-Kneeling Rainbow": (MAT,),
    "Half-Kneeling Chop": (MAT, ONE_DUMBBELL),
    "Bear Plank Lateral Walk": (MAT,),
    "Reciprocal Row": (TWO_DUMBBELLS,),
    "Chest Fly": (MAT, TWO_DUMBBELLS),
    "Bent-Over Wide Row": (TWO_DUMBBELLS,),
    "Hammer Curl": (TWO_DUMBBELLS,),
    "Standing Shoulder Stretch": (),
    "Child's Pose": (MAT,),
}

# Only where a variant's kit differs: standing needs no mat, one arm needs one dumbbell.
MODIFIED_EQUIPMENT = {
    "Standing Rainbow": (),
    "Standing Chop": (ONE_DUMBBELL,),
    "Single-Arm Bent-Over Row": (ONE_DUMBBELL,),
}


class TestUpperBodyForRunners:
    """Every fact the article gives, and nothing else."""

    def test_title(self, workout: Workout) -> None:
        """The workout keeps the article's title."""
        expected = "Upper-Body Workout for Runners"
        assert expected == workout.title

    def test_blocks(self, workout: Workout) -> None:
        """A warm-up, the strength supersets and a cool-down, in that order."""
        expected = [
            ("Warm-up", BlockKind.WARM_UP),
            ("Strength", BlockKind.MAIN),
            ("Cool-down", BlockKind.COOL_DOWN),
        ]
        assert expected == [(block.name, block.kind) for block in workout.blocks]

    def test_exercise_order(self, workout: Workout) -> None:
        """Every exercise of the article appears once, in the article's order, and nothing else."""
        assert [row[2] for row in EXERCISES] == [exercise.name for _, _, exercise in _placed(workout)]

    @pytest.mark.parametrize(("index", "row"), list(enumerate(EXERCISES)), ids=[row[2] for row in EXERCISES])
    def test_exercise(
        self, workout: Workout, index: int, row: tuple[str, str | None, str, Dose, Sides]
    ) -> None:
        """Each exercise sits in its block and superset with the article's dose and sides."""
        block, superset, exercise = _placed(workout)[index]
        assert row == (block, superset, exercise.name, exercise.dose, exercise.sides)

    @pytest.mark.parametrize(
        ("block", "rounds"),
        [("Warm-up", 2), ("Strength", 1), ("Cool-down", 1)],
    )
    def test_block_rounds(self, workout: Workout, block: str, rounds: int) -> None:
        """The warm-up goes round twice; the other blocks once."""
        assert rounds == workout.block(block).rounds

    def test_supersets(self, workout: Workout) -> None:
        """The strength block is three supersets of three rounds each, each labelled a superset."""
        supersets = workout.block("Strength").items
        expected = [
            ("Superset 1", "superset", 3),
            ("Superset 2", "superset", 3),
            ("Superset 3", "superset", 3),
        ]
        actual = [(item.name, item.label, item.rounds) for item in supersets if isinstance(item, Superset)]
        assert expected == actual
        assert len(supersets) == len(actual)

    def test_modifications(self, workout: Workout) -> None:
        """The article's modifications are all there, each on its own exercise, and no others."""
        expected = [(row[0], row[1]) for row in MODIFICATIONS]
        actual = [
            (exercise.name, mod.name) for exercise in workout.exercises() for mod in exercise.modifications
        ]
        assert expected == actual

    @pytest.mark.parametrize("row", MODIFICATIONS, ids=[row[1] for row in MODIFICATIONS])
    def test_modification(
        self,
        workout: Workout,
        row: tuple[str, str, ModificationKind, Dose | None, Sides | None],
    ) -> None:
        """Each modification has its kind, and changes dose or sides only where the article does."""
        exercise_name, name, _, _, _ = row
        mod = workout.exercise(exercise_name).modification(name)
        assert row == (exercise_name, mod.name, mod.kind, mod.dose, mod.sides)

    def test_single_arm_row(self, workout: Workout) -> None:
        """The easier row is 6–8 reps on one side, then the other."""
        row = workout.exercise("Reciprocal Row").modification("Single-Arm Bent-Over Row")
        easier = row.apply_to(workout.exercise("Reciprocal Row"))
        expected = "Single-Arm Bent-Over Row: 6–8 reps per side"
        assert expected == str(easier)

    def test_easier_variant(self, workout: Workout) -> None:
        """The easier workout swaps in every easier modification and leaves the rest alone."""
        easier = workout.variant(ModificationKind.EASIER)
        expected = [
            "Thread the Needle: 30 s per side",
            "Dynamic Child's Pose: 30 s",
            "Standing Rainbow: 30 s per side",
            "Standing Chop: 8 reps per side",
            "Bear Plank Hold: 8 reps",
            "Single-Arm Bent-Over Row: 6–8 reps per side",
            "Bent-Elbow Chest Fly: 8 reps",
            "Bent-Over Wide Row: 8 reps",
            "Hammer Curl: 8 reps",
            "Standing Shoulder Stretch: 30 s",
            "Child's Pose: 30 s",
        ]
        assert expected == [str(exercise) for exercise in easier.exercises()]

    @pytest.mark.parametrize(("name", "equipment"), EQUIPMENT.items())
    def test_exercise_equipment(self, workout: Workout, name: str, equipment: tuple[Equipment, ...]) -> None:
        """Each exercise lists the kit it needs: the mat for floor work, one or two dumbbells."""
        assert equipment == workout.exercise(name).equipment

    @pytest.mark.parametrize(("name", "equipment"), MODIFIED_EQUIPMENT.items())
    def test_modification_equipment(
        self, workout: Workout, name: str, equipment: tuple[Equipment, ...]
    ) -> None:
        """A variant that needs different kit says so; the others keep their exercise's."""
        mods = {mod.name: mod for exercise in workout.exercises() for mod in exercise.modifications}
        assert equipment == mods[name].equipment

    def test_other_modifications_keep_equipment(self, workout: Workout) -> None:
        """Variants done with the same kit leave the exercise's equipment as it is."""
        kept = [
            mod.name
            for exercise in workout.exercises()
            for mod in exercise.modifications
            if mod.equipment is None
        ]
        expected = ["Bear Plank Hold", "Bent-Elbow Chest Fly", "Forward-Fold Shoulder Stretch"]
        assert expected == kept

    @pytest.mark.parametrize("name", EQUIPMENT)
    def test_exercise_is_described(self, workout: Workout, name: str) -> None:
        """Each exercise has 2 to 5 cues and at least one target."""
        exercise = workout.exercise(name)
        assert 2 <= len(exercise.cues) <= 5
        assert exercise.targets

    @pytest.mark.parametrize("row", MODIFICATIONS, ids=[row[1] for row in MODIFICATIONS])
    def test_modification_is_described(
        self, workout: Workout, row: tuple[str, str, ModificationKind, Dose | None, Sides | None]
    ) -> None:
        """Each modification has its own 2 to 5 cues, since they replace the exercise's."""
        mod = workout.exercise(row[0]).modification(row[1])
        assert 2 <= len(mod.cues) <= 5
        assert set(mod.cues) != set(workout.exercise(row[0]).cues)

    def test_equipment(self, workout: Workout) -> None:
        """An exercise mat, a pair of light dumbbells and a pair of medium dumbbells."""
        expected = (
            MAT,
            Equipment(name="dumbbell", quantity=2, load=Load(level=LoadLevel.LIGHT)),
            Equipment(name="dumbbell", quantity=2, load=Load(level=LoadLevel.MEDIUM)),
        )
        assert expected == workout.equipment

    def test_exercise_kit_is_listed(self, workout: Workout) -> None:
        """Whatever kit an exercise or variant needs, the workout's equipment list provides."""
        listed = {item.name: item.quantity for item in workout.equipment}
        kits = [exercise.equipment for exercise in workout.exercises()]
        kits += [mod.equipment or () for exercise in workout.exercises() for mod in exercise.modifications]
        missing = [item for kit in kits for item in kit if item.quantity > listed.get(item.name, 0)]
        assert not missing

    def test_frequency(self, workout: Workout) -> None:
        """At least once a week, on any training day."""
        frequency = workout.frequency
        assert isinstance(frequency, Frequency)
        expected = (1, True, "at least once a week")
        assert expected == (frequency.per_week, frequency.at_least, str(frequency))
        assert frequency.note is not None

    def test_rest_between_sets(self, workout: Workout) -> None:
        """Rest between sets is as needed, taken as 30 s to 2 min."""
        rest = workout.rest_between_sets
        expected = (Rest.between(30, 120, as_needed=True), "as needed (30–120 s)")
        assert expected == (rest, str(rest))

    def test_superset_rests_left_to_pacing(self, workout: Workout) -> None:
        """The article asks for short rests inside supersets without a number, so none is invented."""
        supersets = [item for item in workout.block("Strength").items if isinstance(item, Superset)]
        rests = {
            (item.rest_between_exercises, item.rest_between_rounds, item.rest_after) for item in supersets
        }
        assert {(None, None, None)} == rests

    def test_targets(self, workout: Workout) -> None:
        """The workout targets the arms, chest, back and core."""
        expected = ("arms", "chest", "back", "core")
        assert expected == workout.targets

    @pytest.mark.parametrize("word", ["posture", "efficient", "form", "arm swing", "stride"])
    def test_benefits(self, workout: Workout, word: str) -> None:
        """The benefits cover posture, running efficiency and form, arm swing and stride."""
        assert any(word in benefit for benefit in workout.benefits)

    def test_source(self, workout: Workout) -> None:
        """The source names the article and its publisher, and invents no address."""
        source = workout.source
        assert source is not None
        expected = ("Guide to Strength Training: Upper-Body Workout for Runners", "Runner's World", None)
        assert expected == (source.title, source.publisher, source.url)
        assert source.notes is not None

    def test_credits(self, workout: Workout) -> None:
        """The workout's creator and the article's author are credited."""
        assert workout.source is not None
        creator, author = workout.source.credits
        expected = "Winnie Yu, DPT, CSCS"
        assert expected == creator.name
        assert all(role in creator.role for role in ("physical therapist", "strength coach", "created"))
        assert Credit(name="Mallory Creveling, CPT", role="article author") == author

    def test_notes_explain_the_chosen_rounds(self, workout: Workout) -> None:
        """The notes say the superset rounds are a choice, and how the bear plank walk counts reps."""
        assert workout.notes is not None
        assert "three" in workout.notes
        assert workout.exercise("Bear Plank Lateral Walk").notes is not None

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trip(self, workout: Workout, fmt: DocumentFormat) -> None:
        """The workout survives writing and reading back in every document format."""
        assert workout == runstrength.loads(runstrength.dumps(workout, fmt), fmt)


# --- the article's workout: nothing copied, nothing from the page around it --------------

JUNK = [
    "Best Recovery Shoes",
    "Open-Ear Headphones",
    "Deputy Editor",
    "CA Notice",
    "Core Workout for Runners",
    "Easton",
    "Brooklyn",
    "ACE-certified",
    "RRCA",
    "Women's Health",
    "IT band",
    "NYC running community",
]

# Distinctive wording of the article; the catalogue must say these things in its own words.
ARTICLE = [
    "Reach right arm underneath torso and to the left, rotating body to the left, palm facing up.",
    "Exhale to rotate to the right, extending right arm toward ceiling.",
    "With shoulders directly over wrists and knees directly under hips, step hands forward slightly.",
    "Moving arm in a semi-circle, and ending in a T position with the arms.",
    "Hold one dumbbell horizontally with both hands to the outside of left hip.",
    "Keep core engaged, and back flat, only moving arms.",
    "Lift knees a few inches off the mat for the bear plank.",
    "Keep back flat, core engaged, and hips steady, maintaining alignment.",
    "Hinge at hips by sending glutes straight back, back flat and core engaged.",
    "As you straighten right arm, pull left dumbbell to hip, keeping elbow close to side.",
    "Continue alternating, moving arms in a seesaw-like sequence.",
    "Give yourself more support by stepping right foot back.",
    "With just a slight bend in elbows, lower weights to floor, arms wide.",
    "Keep hands in line with chest (not shoulders) and engage core to keep back flat.",
    "Elbows bent about 90 degrees and placed about 45 degrees from torso.",
    "Squeeze shoulders blades together, making sure they're down and back, with spine straight.",
    "Curl dumbbells to shoulders without swinging weights and keeping core engaged, chest tall.",
    "Straighten arms and pull shoulders down and back. To intensify the stretch, fold forward slightly.",
    "You'll build strength, stability, and resiliency through the arms, chest, back, and core.",
    "It will also support a stronger, speedier stride.",
]


class TestOwnWords:
    """The article's facts carry over; its sentences and the page around it do not."""

    def test_detects_copying(self) -> None:
        """The check finds a sentence taken from the article, even with its punctuation changed."""
        text = "Then: keep core engaged and back flat; only moving arms!"
        assert [text] == copied(text, ARTICLE)

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("junk", JUNK)
    def test_no_page_junk(self, workout: Workout, fmt: DocumentFormat, junk: str) -> None:
        """Nothing from the page around the article reaches the document."""
        assert junk.lower() not in runstrength.dumps(workout, fmt).lower()

    @pytest.mark.parametrize("junk", JUNK)
    def test_no_page_junk_in_the_file(self, junk: str) -> None:
        """The shipped file, comments included, has none of the page's junk either."""
        text = files("runstrength").joinpath("workouts", f"{UPPER_BODY}.toml").read_text(encoding="utf-8")
        assert junk.lower() not in text.lower()

    def test_no_copied_wording(self, workout: Workout) -> None:
        """No cue, note, summary or benefit shares a run of six words with the article."""
        assert [] == copied(runstrength.to_dict(workout), ARTICLE)
