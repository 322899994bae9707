"""The calibration set of published workouts with stated lengths, and the script that scores pacings on it."""

from __future__ import annotations

import importlib
import itertools
import math
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

import runstrength
from _wording import copied
from runstrength import Block, Exercise, Intervals, Pacing, Range, Reps, Rest, Sides, Superset, Workout

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
FOLDER = BENCHMARKS / "calibration"
DOCUMENTS = sorted(path for path in FOLDER.iterdir() if path.suffix in {".yaml", ".toml", ".json"})


@pytest.fixture(scope="module")
def calibration() -> Iterator[ModuleType]:
    """``benchmarks/pacing_calibration.py``, imported as a script would import it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module("pacing_calibration")


def workout(*items: Exercise | Superset, rounds: int = 1, rest: Rest | None = None) -> Workout:
    """A one-block workout of ``items``."""
    block = Block(name="Main", items=items, rounds=rounds)
    return Workout(title="Test", blocks=(block,), rest_between_sets=rest)


# --- the documents ------------------------------------------------------------------------

# Distinctive sentences of the sources; the documents must say such things in their own words.
SOURCES = [
    "Use weights that are challenging but not too heavy.",
    "You can pretty much choose any exercises you like to include in this workout",
    "Follow this routine for 6 minutes of core work followed by 4 minutes of full body strength.",
    "Do these six exercises as a circuit with five Medicine Ball Slams between each exercise.",
    "Set a timer for 20 minutes and hit 5 swings on the left and 5 swings on the right.",
    "The exercises in the seven-minute plan can be used for weight loss",
    "Going through the exercises in the order above, perform 10 repetitions of each exercise",
    "Each set consists of a core exercise alternated with a strength exercise",
    "The goal is to not drop the dumbbells for each round.",
    "The routine takes 3-5 minutes and is perfect to incorporate after an easy 1-2 mile warmup jog",
    "Created by the Royal Canadian Air Force and dubbed the 5BX programme",
    "Complete five repetitions of front squats with your body weight",
]


class TestCalibrationDocuments:
    """Every calibration document is a valid workout with a stated length and a source."""

    def test_at_least_forty(self) -> None:
        """The set holds at least forty published workouts."""
        assert len(DOCUMENTS) >= 40

    @pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
    def test_loads(self, path: Path) -> None:
        """The document loads as a workout."""
        assert isinstance(runstrength.load(path), Workout)

    @pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
    def test_states_its_length(self, path: Path) -> None:
        """The document keeps the length its source states."""
        assert runstrength.load(path).stated_duration is not None

    @pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
    def test_credits_its_source(self, path: Path) -> None:
        """The document names its source with a title, a publisher and a URL."""
        source = runstrength.load(path).source
        assert source is not None
        assert source.publisher is not None
        assert source.url is not None
        assert source.url.startswith(("http://", "https://"))

    @pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
    def test_listed_in_readme(self, path: Path) -> None:
        """The folder's README lists the document."""
        assert f"`{path.name}`" in (FOLDER / "README.md").read_text(encoding="utf-8")

    @pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
    def test_no_copied_wording(self, path: Path) -> None:
        """No text of the document shares a run of six words with a source sentence."""
        assert [] == copied(runstrength.to_dict(runstrength.load(path)), SOURCES)

    def test_names_are_unique(self, calibration: ModuleType) -> None:
        """Each document's name (its file name without the suffix) is used once."""
        names = [name for name, _ in calibration.calibration_set()]
        assert len(names) == len(set(names))


# --- how errors are counted ---------------------------------------------------------------


class TestRelativeError:
    """An estimate's error against a stated length or range."""

    @pytest.mark.parametrize(
        ("estimate", "low", "high", "expected"),
        [
            (330, 300, 300, 0.1),
            (270, 300, 300, -0.1),
            (300, 300, 300, 0.0),
            (500, 480, 720, 0.0),
            (432, 480, 720, -0.1),
            (792, 480, 720, 0.1),
        ],
    )
    def test_examples(
        self, calibration: ModuleType, estimate: float, low: float, high: float, expected: float
    ) -> None:
        """Inside a stated range the error is 0; outside, it is relative to the nearer end."""
        assert math.isclose(
            expected, calibration.relative_error(estimate, calibration.StatedLength(low, high))
        )

    def test_missing_estimate_is_a_full_miss(self, calibration: ModuleType) -> None:
        """A timeline that cannot be built counts as a 100 % error."""
        assert 1.0 == calibration.relative_error(math.nan, calibration.StatedLength(600, 600))


class TestMape:
    """The mean absolute percentage error and the share within ±15 %."""

    def test_mape_of_a_small_table(self, calibration: ModuleType) -> None:
        """Errors of +10 %, -20 %, 0 % and +30 % average 15 % in size."""
        assert math.isclose(15.0, calibration.mape([0.1, -0.2, 0.0, 0.3]))

    def test_mape_from_estimates(self, calibration: ModuleType) -> None:
        """Estimates of 66, 40 and 300 s against 60, 50 and 300 s make a MAPE of 10 %."""
        stated = [calibration.StatedLength(s, s) for s in (60, 50, 300)]
        errors = [calibration.relative_error(e, s) for e, s in zip((66, 40, 300), stated, strict=True)]
        assert math.isclose(10.0, calibration.mape(errors))

    def test_share_within(self, calibration: ModuleType) -> None:
        """An error of exactly 15 % counts as within; 20 % and 30 % do not."""
        assert 0.5 == calibration.share_within([0.1, -0.2, 0.15, 0.3])


class TestPeerRule:
    """The peer rule: 20 s + 7 s per rep per set, plus the rests the workout prescribes."""

    def test_straight_sets(self, calibration: ModuleType) -> None:
        """Three sets of ten with 60 s between them take 3 × (20 + 70) + 2 × 60 seconds."""
        squat = Exercise(name="Squat", dose=Reps(10), sets=3, rest_between_sets=Rest(60))
        assert 390 == calibration.peer_estimate(workout(squat))

    def test_each_side_counts_both(self, calibration: ModuleType) -> None:
        """Eight reps on each side are one set of sixteen reps."""
        lunge = Exercise(name="Lunge", dose=Reps(8), sides=Sides.EACH)
        assert 20 + 7 * 16 == calibration.peer_estimate(workout(lunge))

    def test_timed_dose_counts_its_time(self, calibration: ModuleType) -> None:
        """A 30-second plank counts 30 s plus the set-up."""
        plank = Exercise(name="Plank", dose=runstrength.Duration(30))
        assert 50 == calibration.peer_estimate(workout(plank))

    def test_rep_range_counts_its_middle(self, calibration: ModuleType) -> None:
        """Eight to twelve reps count as ten."""
        row = Exercise(name="Row", dose=Reps(Range(8, 12)))
        assert 90 == calibration.peer_estimate(workout(row))

    def test_no_rest_where_the_workout_is_silent(self, calibration: ModuleType) -> None:
        """Two exercises without prescribed rests add nothing between them."""
        items = (Exercise(name="Squat", dose=Reps(5)), Exercise(name="Push-Up", dose=Reps(5)))
        assert 2 * (20 + 35) == calibration.peer_estimate(workout(*items, rounds=1))

    def test_intervals_count_their_clock(self, calibration: ModuleType) -> None:
        """Eight rounds of two 20/10 intervals last eight minutes."""
        items = tuple(Exercise(name=name, dose=runstrength.Duration(20)) for name in ("Squat", "Burpee"))
        block = Block(name="Tabata", items=items, rounds=8, format=Intervals(work=20, rest=10))
        assert 480 == calibration.peer_estimate(Workout(title="Tabata", blocks=(block,)))


# --- fitting and the script -----------------------------------------------------------------


class TestFit:
    """Fitting pacing constants on a set of workouts."""

    def test_finds_the_rep_time(self, calibration: ModuleType) -> None:
        """Thirty reps stated at a minute fit two seconds per rep."""
        squats = workout(Exercise(name="Squat", dose=Reps(30)))
        squats = Workout(title="Squats", stated_duration=60, blocks=squats.blocks)
        pacing = calibration.fit_pacing([("squats", squats)], {"seconds_per_rep": (1.5, 2.0, 3.0)})
        assert 2.0 == pacing.seconds_per_rep

    def test_cross_validation_keeps_every_workout(self, calibration: ModuleType) -> None:
        """Cross-validation estimates every workout once, in the set's order."""
        workouts = calibration.calibration_set()[:4]
        rows = calibration.cross_validate(workouts, 2, calibration.QUICK_GRID, passes=1)
        assert [name for name, _ in workouts] == [row.name for row in rows]


class TestLimits:
    """The search for the best any one set of constants can do on the set, in sample."""

    GRID: ClassVar = {
        "seconds_per_rep_bodyweight": (1.5, 2.5, 3.5),
        "set_up": (0, 30, 60),
        "rest_between_sets_bodyweight": (0, 30),
    }
    """Eighteen points: few enough to try them all."""

    def rep_based(self, calibration: ModuleType) -> list[tuple[str, Workout]]:
        """A few rep-based workouts, whose errors move with the grid's constants."""
        return [pair for pair in calibration.calibration_set() if calibration.rep_based(pair[1])][:6]

    def test_finds_the_lowest_mape_and_the_most_within(self, calibration: ModuleType) -> None:
        """On a grid small enough to try every point, the searches end at the best ones."""
        workouts = self.rep_based(calibration)
        errors = calibration._errors(workouts)
        every_point = [
            errors(dict(zip(self.GRID, point, strict=True)))
            for point in itertools.product(*self.GRID.values())
        ]
        lowest, most = calibration.limits(workouts, self.GRID, starts=3)
        assert min(calibration.mape(errors) for errors in every_point) == pytest.approx(
            calibration.mape(lowest.errors)
        )
        assert max(calibration.share_within(errors) for errors in every_point) == calibration.share_within(
            most.errors
        )
        assert ("lowest mape", "most within") == (lowest.aim, most.aim)

    def test_repeats_with_its_seed(self, calibration: ModuleType) -> None:
        """The random starts are seeded: the same call finds the same constants."""
        workouts = calibration.calibration_set()[:3]
        first = calibration.limits(workouts, calibration.QUICK_GRID, starts=2, seed=7)
        assert first == calibration.limits(workouts, calibration.QUICK_GRID, starts=2, seed=7)

    def test_report_states_the_figures_and_targets(self, calibration: ModuleType) -> None:
        """The report gives each aim's MAPE, share within ±15 % and constants, and the targets."""
        workouts = calibration.calibration_set()[:3]
        found = calibration.limits(workouts, calibration.QUICK_GRID, starts=1)
        text = calibration.limits_report(workouts, found, 1)
        for limit in found:
            assert f"{limit.aim}: MAPE {calibration.mape(limit.errors):.1f}%" in text
        assert "targets, cross-validated: MAPE <= 8%, within ±15% >= 90%" in text


class TestScript:
    """Running the calibration script."""

    def test_quick_run(self, calibration: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
        """A quick run prints a line per workout and the summary figures."""
        assert 0 == calibration.main(["--quick"])
        out = capsys.readouterr().out
        names = [name for name, _ in calibration.calibration_set()]
        lines = out.splitlines()
        assert names == [line.split()[0] for line in lines[1 : 1 + len(names)]]
        assert "MAPE" in out
        assert "cross-validated" in out


PACING_PAGE = Path(__file__).resolve().parent.parent / "docs" / "concepts" / "pacing.md"


def documented(label: str) -> tuple[float, float]:
    """The MAPE and share within ±15 % the pacing page states for a row of its summary table."""
    text = PACING_PAGE.read_text(encoding="utf-8")
    match = re.search(rf"^\| {re.escape(label)} \| \**([\d.]+) %\** \| \**(\d+) %\** \|", text, re.MULTILINE)
    assert match is not None, label
    return float(match[1]), float(match[2]) / 100


class TestFigures:
    """The figures the documentation states hold for the set as it is."""

    def test_default_pacing(self, calibration: ModuleType) -> None:
        """The default pacing's MAPE and share within ±15 % are no worse than the pacing page says."""
        stated_mape, stated_within = documented("runstrength, default pacing")
        errors = [row.error for row in calibration.estimates(calibration.calibration_set())]
        assert calibration.mape(errors) <= stated_mape + 0.05
        assert calibration.share_within(errors) >= stated_within - 0.006

    def test_peer_rule(self, calibration: ModuleType) -> None:
        """The peer rule's figures are those the page states (it has no constants to tune)."""
        stated_mape, stated_within = documented("peer rule: 20 s + 7 s per rep per set + prescribed rests")
        errors = [row.peer_error for row in calibration.estimates(calibration.calibration_set())]
        assert math.isclose(stated_mape, calibration.mape(errors), abs_tol=0.05)
        assert math.isclose(stated_within, calibration.share_within(errors), abs_tol=0.006)

    def test_better_than_before(self, calibration: ModuleType) -> None:
        """The default pacing beats the single-valued pacing of before and two thirds of the peer's error."""
        workouts = calibration.calibration_set()
        before = Pacing(seconds_per_rep=3, transition=10, rest_between_sets=60, rest_between_blocks=60)
        now = [row.error for row in calibration.estimates(workouts)]
        old = [row.error for row in calibration.estimates(workouts, before)]
        peer = [row.peer_error for row in calibration.estimates(workouts)]
        assert calibration.mape(now) < calibration.mape(old)
        assert calibration.mape(now) <= calibration.TARGET_PEER_RATIO * calibration.mape(peer)

    def test_fit_starts_before_calibration(self, calibration: ModuleType) -> None:
        """The fit's start is the pacing before calibration, not today's defaults."""
        start = calibration._pacing({})
        assert (3.0, 60, 0) == (
            start.seconds_per_rep_bodyweight,
            start.rest_between_sets_loaded,
            start.set_up,
        )


class TestPlot:
    """The picture of stated against computed lengths."""

    def test_draws_an_svg(self, calibration: ModuleType, tmp_path: Path) -> None:
        """``--plot`` writes an SVG with the axes' labels, and nothing on standard output."""
        path = tmp_path / "plot.svg"
        assert 0 == calibration.main(["--plot", str(path)])
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<?xml")
        assert "stated length" in text
