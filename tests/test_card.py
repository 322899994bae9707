"""The printable card: a workout on one or two pages, as HTML and as PDF."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from playwright.sync_api import Browser

from _browser import chromium, close_pages, require_browser_tools
from runstrength import (
    Amrap,
    Block,
    BlockChange,
    Credit,
    Exercise,
    ExerciseChange,
    ForTime,
    Level,
    MissingExtraError,
    Pacing,
    Range,
    RangePoint,
    Reps,
    Rest,
    Source,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    export_card,
    export_card_pdf,
    load,
    strategies,
)
from runstrength._export.card import length_text
from runstrength._model import SCORE_WORDS
from runstrength._values import format_lengths
from runstrength.cli import main

ARTICLE = "upper-body-for-runners"
CALIBRATION = Path(__file__).resolve().parent.parent / "benchmarks" / "calibration"
MAX_PAGES = 2


def squeezed(text: str) -> str:
    """Text without whitespace and hyphens: pdftotext joins a word wrapped after its hyphen."""
    return re.sub(r"[\s-]+", "", text)


def words_of(workout: Workout) -> list[str]:
    """What every card must show: the title, every exercise, and the credits."""
    expected = [workout.title, *(exercise.name for exercise in workout.exercises())]
    if workout.source:
        expected += [workout.source.title, *(credit.name for credit in workout.source.credits)]
    return expected


def text_of(html_page: str) -> str:
    """The page's text with the markup taken out."""
    return html.unescape(re.sub(r"<[^>]+>", " ", html_page.split("<body>", 1)[1]))


class TestExportCard:
    """`export_card`: the card as an HTML page with a print stylesheet."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_names_everything(self, name: str) -> None:
        """The title, every exercise, the source and its credits are on the card."""
        workout = catalog.get(name)
        text = squeezed(text_of(export_card(workout)))
        assert [] == [word for word in words_of(workout) if squeezed(word) not in text]

    def test_length_from_the_timeline(self) -> None:
        """The length is the timeline's typical total, with the range its ranges allow."""
        timeline = build_timeline(catalog.get(ARTICLE))
        low, high = timeline.total_range
        expected = f"about {length_text(timeline.total)} ({length_text(low)}–{length_text(high)})"
        assert expected in text_of(export_card(catalog.get(ARTICLE)))

    def test_exact_length(self) -> None:
        """A workout timed to the second has an exact length, without "about"."""
        assert "Length 4 min" in " ".join(
            text_of(export_card(catalog.get("tabata-protocol"))).split()
        ).replace(":", "")

    def test_pacing(self) -> None:
        """The length follows the pacing given."""
        pacing = Pacing(range_point=RangePoint.MAX)
        total = build_timeline(catalog.get(ARTICLE), pacing).total
        assert f"about {length_text(total)}" in export_card(catalog.get(ARTICLE), pacing)

    def test_options_and_cues(self) -> None:
        """Easier and harder options are named, with their dose when they change it, and the cues are in."""
        text = " ".join(text_of(export_card(catalog.get(ARTICLE))).split())
        assert "Easier: Single-Arm Bent-Over Row (6–8 reps per side)" in text
        assert "Harder: Forward-Fold Shoulder Stretch" in text
        assert "Harder: Forward-Fold Shoulder Stretch (" not in text  # the exercise's own dose
        assert "Easier: Standing Rainbow (" not in text
        reciprocal = next(e for e in catalog.get(ARTICLE).exercises() if e.name == "Reciprocal Row")
        assert reciprocal.cues[0] in text

    def test_levels(self) -> None:
        """Each level is named with its summary, or, without one, with every change it makes."""
        squats = Block(name="Squats", rounds=2, items=(Exercise(name="Squat", dose=Reps(5), sets=3),))
        levels = (
            Level(name="strong", summary="Three rounds.", blocks=(BlockChange(block="Squats", rounds=3),)),
            Level(
                name="slower",
                exercises=(ExerciseChange(exercise="Squat", dose=Reps(3)),),
                rest_between_sets=Rest(120),
            ),
            Level(name="patient", rest_between_sets=Rest(180)),
        )
        text = " ".join(text_of(export_card(Workout(title="Legs", blocks=(squats,), levels=levels))).split())
        assert "Strong Three rounds." in text
        assert "Slower Squat: dose 3 reps; rest between sets 2 min" in text
        assert "Patient rest between sets 3 min" in text

    def test_self_contained(self) -> None:
        """The card loads nothing: no src, href, url() or import."""
        assert [] == re.findall(
            r"\b(?:src|href)\s*=|url\(|@import|<script", export_card(catalog.get(ARTICLE))
        )

    def test_escapes_markup(self) -> None:
        """Markup in a workout's text is shown as text."""
        name = "<script>alert(1)</script>"
        source = Source(title="<b>Mag</b>", credits=(Credit(name="A & B", role="<i>coach</i>"),))
        workout = Workout(
            title="</title>",
            source=source,
            blocks=(Block(name="B", items=(Exercise(name=name, dose=Reps(3)),)),),
        )
        page = export_card(workout)
        assert "<script" not in page
        assert [] == [word for word in words_of(workout) if word not in text_of(page)]

    def test_print_stylesheet(self) -> None:
        """The page sets its printed size and margins."""
        assert "@page { size: A4;" in export_card(catalog.get(ARTICLE))


class TestAnyWorkout:
    """Every valid workout gives a card, or the timeline's own error."""

    @settings(max_examples=max(5, settings().max_examples // 4))
    @given(strategies.workouts())
    def test_card_or_error(self, workout: Workout) -> None:
        """The card names everything, or export raises the `ValidationError` expansion raises."""
        try:
            build_timeline(workout).total_range  # noqa: B018 - expands both ends of every range
        except ValidationError:
            with pytest.raises(ValidationError):
                export_card(workout)
            return
        text = squeezed(text_of(export_card(workout)))
        assert [] == [word for word in words_of(workout) if squeezed(word) not in text]
        assert [] == [fact for fact in block_facts(workout) if squeezed(fact) not in text]


def block_facts(workout: Workout) -> list[str]:
    """What each block's heading must say besides its name: its score and its stated lengths."""
    facts = []
    for block in workout.blocks:
        if isinstance(block.format, Amrap | ForTime):
            facts.append(f"score: {SCORE_WORDS[block.format.score]}")
        if block.stated_duration is not None:
            facts.append(f"stated length {format_lengths(block.stated_duration)}")
        if block.stated_round_duration is not None:
            facts.append(f"stated {format_lengths(block.stated_round_duration)} per round")
    return facts


class TestBlockFacts:
    """A timed block's score and the lengths its source states are on the card."""

    def test_published_for_time(self) -> None:
        """The Houston for-time workout (calibration set): score by time, the cap, the stated length."""
        workout = load(CALIBRATION / "houston-for-time-12-15.yaml")
        heading = squeezed(text_of(export_card(workout)))
        assert squeezed("Houston for time, cap 20 min, 10 rounds, score: time") in heading

    def test_stated_lengths(self) -> None:
        """A block's stated length and length per round ("5:30–6:30 per round") are on its heading."""
        block = Block(
            name="Circuit",
            rounds=3,
            stated_round_duration=Range(min=330, max=390),
            stated_duration=Range(min=990, max=1170),
            items=[Exercise(name="Squat", dose=Reps(reps=10))],
        )
        text = squeezed(text_of(export_card(Workout(title="Rounds", blocks=[block]))))
        assert squeezed("stated 5 min 30 s–6 min 30 s per round") in text
        assert squeezed("stated length 16 min 30 s–19 min 30 s") in text

    def test_rounds(self) -> None:
        """A plain block always gives its rounds; a timed one only when it repeats."""
        squat = Exercise(name="Squat", dose=Reps(reps=5))
        blocks = [
            Block(name="Plain", items=[squat]),
            Block(name="Once", format=Amrap(time_cap=300), items=[squat]),
            Block(name="Twice", rounds=2, format=Amrap(time_cap=300), items=[squat]),
        ]
        text = squeezed(text_of(export_card(Workout(title="Rounds", blocks=blocks))))
        assert squeezed("Plain 1 round") in text
        assert squeezed("Once AMRAP in 5 min, score:") in text
        assert squeezed("Twice AMRAP in 5 min, 2 rounds, score:") in text

    @pytest.mark.parametrize("name", catalog.names())
    def test_every_built_in(self, name: str) -> None:
        """Every built-in workout's scores and stated block lengths."""
        workout = catalog.get(name)
        text = squeezed(text_of(export_card(workout)))
        assert [] == [fact for fact in block_facts(workout) if squeezed(fact) not in text]


class TestMissingBrowser:
    """Printing without a browser."""

    def test_names_what_to_install(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A Chromium that cannot start raises `MissingExtraError` saying what to install."""
        monkeypatch.setenv("RUNSTRENGTH_CHROMIUM", str(tmp_path / "no-chromium"))
        with pytest.raises(
            MissingExtraError, match=r"printing needs Chromium: install it \(apt-get install chromium"
        ):
            export_card_pdf(catalog.get("fran"))

    def test_command_reports_it(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command says so on standard error, exits 3 (as for a missing extra), and writes nothing."""
        monkeypatch.setenv("RUNSTRENGTH_CHROMIUM", str(tmp_path / "no-chromium"))
        out = tmp_path / "card.pdf"
        assert 3 == main(["export", "fran", "--format", "card", "-o", str(out)])
        err = capsys.readouterr().err
        assert err.startswith("runstrength: printing needs Chromium")
        assert "Traceback" not in err
        assert not out.exists()


class TestCommand:
    """``runstrength export --format card``."""

    def test_html(self, tmp_path: Path) -> None:
        """Without a .pdf suffix the card is written as HTML."""
        out = tmp_path / "card.html"
        assert 0 == main(["export", ARTICLE, "--format", "card", "-o", str(out)])
        assert export_card(catalog.get(ARTICLE)) == out.read_text("utf-8")


# --- printed ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def launched() -> Iterator[Browser]:
    """A headless Chromium, with poppler's tools to read what it prints (required in CI)."""
    require_browser_tools("pdfinfo", "pdftotext", "pdftoppm")
    yield from chromium()


def poppler(*args: str) -> str:
    """Run one of poppler's tools (pdfinfo, pdftotext, pdftoppm) and return what it prints."""
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603 - our arguments


def pdf_pages(path: Path) -> int:
    """How many pages a PDF has, as poppler reads it."""
    info = poppler("pdfinfo", str(path))
    found = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


@pytest.mark.browser
class TestPdf:
    """`export_card_pdf`: the card printed by a headless Chromium."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_printed_card(self, launched: Browser, tmp_path: Path, name: str) -> None:
        """Every built-in workout prints on at most two pages that show all its names and credits."""
        workout = catalog.get(name)
        path = tmp_path / "card.pdf"
        path.write_bytes(export_card_pdf(workout))
        pages = pdf_pages(path)
        text = poppler("pdftotext", str(path), "-")
        poppler("pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page"))
        assert 1 <= pages <= MAX_PAGES
        assert pages == len(list(tmp_path.glob("page-*.png")))
        assert [] == [word for word in words_of(workout) if squeezed(word) not in squeezed(text)]
        close_pages(launched)

    def test_command_writes_pdf(self, launched: Browser, tmp_path: Path) -> None:
        """``-o card.pdf`` writes a PDF."""
        out = tmp_path / "card.pdf"
        assert 0 == main(["export", ARTICLE, "--format", "card", "-o", str(out)])
        assert out.read_bytes().startswith(b"%PDF-")
        assert 1 == pdf_pages(out)
        close_pages(launched)
