"""The follow-along player: a self-contained page that plays a workout's timelines.

The browser tests (``-m browser``) load exported pages in a headless Chromium with a fake
clock (Playwright's ``page.clock``), so they check seconds of playing in milliseconds.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from _browser import DESKTOP, PHONE, chromium, close_pages, open_page, shown
from runstrength import (
    Block,
    Duration,
    Exercise,
    ExerciseChange,
    Level,
    Load,
    LoadUnit,
    Pacing,
    Player,
    RangePoint,
    Reps,
    Rest,
    Segment,
    SegmentKind,
    Timeline,
    ValidationError,
    Workout,
    build_timeline,
    catalog,
    export_html,
    strategies,
)
from runstrength._export.player import AS_WRITTEN, FIELDS, TEXT_FIELDS, script_json
from runstrength.cli import main

ARTICLE = "upper-body-for-runners"
PLAYED = (
    ARTICLE,
    "seven-minute-workout",
    "tabata-protocol",
    "stronglifts-5x5-workout-a",
    "front-squats-on-the-minute",
)
"""Built-in workouts played through in the browser: supersets and sides, a circuit, intervals,
straight sets, an EMOM."""
HEADINGS = {
    SegmentKind.REST: "Rest",
    SegmentKind.TRANSITION: "Get ready",
    SegmentKind.SWITCH_SIDES: "Switch sides",
}
DATA = re.compile(r'<script type="application/json" id="workout-data">(.*?)</script>', re.DOTALL)
MARGIN = 0.25
"""Checked moments keep this far (seconds) from a segment's ends: the page ticks every 0.1 s."""


def embedded(page: str) -> dict[str, Any]:
    """The data a player page carries."""
    found = DATA.search(page)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def segments(data: dict[str, Any], index: int) -> list[dict[str, Any]]:
    """The segments of the page's timeline ``index`` as objects, read as the page's script reads them."""
    fields, texts = data["fields"], data["texts"]
    return [
        {
            field: texts[value] if field in data["text_fields"] and value is not None else value
            for field, value in zip(fields, row, strict=True)
        }
        for row in data["timelines"][index]["rows"]
    ]


def played(workout: Workout, variant: str, point: str) -> list[dict[str, Any]]:
    """The rows of the timeline a page should play for a choice (the page counts index and length)."""
    chosen = workout if variant == AS_WRITTEN else workout.variant(variant)
    timeline = build_timeline(chosen, Pacing(range_point=RangePoint(point)))
    return [{k: v for k, v in row.items() if k not in {"index", "duration"}} for row in timeline.to_rows()]


def heading(segment: Segment) -> str:
    """The big words the player shows for a segment."""
    return segment.exercise or HEADINGS[segment.kind]


def side(segment: Segment) -> str:
    """The side the player shows (``Right side``), or nothing."""
    return f"{segment.side.value.capitalize()} side" if segment.side else ""


def round_of(segment: Segment) -> str:
    """The innermost round (or set) the player shows, such as ``Round 2/3``."""
    if segment.superset_rounds and segment.superset_rounds > 1:
        return f"Round {segment.superset_round}/{segment.superset_rounds}"
    if segment.sets and segment.sets > 1:
        return f"Set {segment.set_number}/{segment.sets}"
    if segment.block_rounds > 1:
        return f"Round {segment.block_round}/{segment.block_rounds}"
    return ""


def moments(timeline: Timeline, extra: int = 40, seed: int = 7) -> list[float]:
    """Every segment's middle, and random moments, none within `MARGIN` of a segment's ends."""
    chosen = {(s.start + s.end) / 2 for s in timeline}
    randomly = random.Random(seed)
    while len(chosen) < len(timeline) + extra:
        t = randomly.uniform(0, timeline.total)
        segment = timeline.at(t)
        assert segment is not None
        if segment.start + MARGIN < t < segment.end - MARGIN:
            chosen.add(round(t, 2))
    return sorted(chosen)


def hostile() -> Workout:
    """A workout whose text tries to break out of the page's script and markup."""
    name = '</script><script>window.hacked=1</script><!-- & "quotes"'
    block = Block(name="</style><b>", items=(Exercise(name=name, dose=Reps(5), cues=("<img src=x>",)),))
    return Workout(title="<title>&amp;", blocks=(block,))


# --- the page, without a browser ------------------------------------------------------------


class TestScriptJson:
    """JSON that is safe inside a script element."""

    @given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
    def test_round_trips(self, value: object) -> None:
        """The text reads back as the same value."""
        assert value == json.loads(script_json(value))

    @given(st.text())
    def test_no_markup(self, text: str) -> None:
        """No ``<``, ``>`` or ``&`` survives, so nothing can close the element."""
        assert set() == set(script_json(text)) & set("<>&")


class TestExportHtml:
    """`export_html`: one page holding the workout's timelines."""

    def test_self_contained(self) -> None:
        """The page names no address to load: no src, href, url() or import."""
        page = export_html(catalog.get(ARTICLE))
        assert [] == re.findall(r"\b(?:src|href)\s*=|url\(|@import|https?://", page)

    def test_forbids_network(self) -> None:
        """The page's security policy allows no fetching at all."""
        page = export_html(catalog.get(ARTICLE))
        assert "default-src 'none'" in page

    @pytest.mark.parametrize("name", catalog.names())
    def test_timelines_are_runstrength_timelines(self, name: str) -> None:
        """Each variant and range point plays exactly the timeline runstrength builds for it."""
        workout = catalog.get(name)
        data = embedded(export_html(workout))
        for variant, points in data["choices"].items():
            for point, index in points.items():
                assert played(workout, variant, point) == segments(data, index)

    @pytest.mark.parametrize("name", catalog.names())
    def test_texts_are_stored_once(self, name: str) -> None:
        """Rows hold numbers, flags and nulls only: each text is in the table once, and used."""
        data = embedded(export_html(catalog.get(name)))
        assert (list(FIELDS), list(TEXT_FIELDS)) == (data["fields"], data["text_fields"])
        at = [field in TEXT_FIELDS for field in FIELDS]
        used: set[int] = set()
        for timeline in data["timelines"]:
            for row in timeline["rows"]:
                assert not any(isinstance(value, str) for value in row)
                used.update(
                    value for value, is_text in zip(row, at, strict=True) if is_text and value is not None
                )
        assert len(set(data["texts"])) == len(data["texts"])
        assert set(range(len(data["texts"]))) == used

    @pytest.mark.parametrize("name", catalog.names())
    def test_rows_are_compact(self, name: str) -> None:
        """The rows take under a third of the room a JSON object per segment would take."""
        data = embedded(export_html(catalog.get(name)))
        as_rows = len(script_json(data["timelines"])) + len(script_json(data["texts"]))
        as_objects = len(script_json([segments(data, index) for index in range(len(data["timelines"]))]))
        assert as_rows * 3 < as_objects

    def test_variants_offered(self) -> None:
        """As written, easier and harder, each at min, typical and max."""
        data = embedded(export_html(catalog.get(ARTICLE)))
        assert {AS_WRITTEN: 3, "easier": 3, "harder": 3} == {k: len(v) for k, v in data["choices"].items()}

    @pytest.mark.parametrize("name", catalog.names())
    def test_distinct_timelines(self, name: str) -> None:
        """Equal timelines are embedded once."""
        timelines = embedded(export_html(catalog.get(name)))["timelines"]
        keys = [json.dumps(t["rows"]) for t in timelines]
        assert len(set(keys)) == len(keys)

    def test_exact_workout_embeds_one_timeline(self) -> None:
        """A workout without ranges or modifications carries a single timeline."""
        assert 1 == len(embedded(export_html(catalog.get("tabata-protocol")))["timelines"])

    def test_starts_at_the_pacing_point(self) -> None:
        """The page starts at the range point of the pacing it was given."""
        data = embedded(export_html(catalog.get(ARTICLE), Pacing(range_point=RangePoint.MAX)))
        assert "max" == data["point"]

    def test_escapes_hostile_text(self) -> None:
        """Markup in a workout's text stays text: the data reads back; only the page's scripts close."""
        workout = hostile()
        page = export_html(workout)
        assert 2 == page.count("</script>")
        assert f"<title>{html.escape(workout.title)}</title>" in page
        data = embedded(page)
        assert workout.title == data["title"]
        block = workout.blocks[0]
        assert [block.items[0].name] == list(data["exercises"][AS_WRITTEN][block.name])

    def test_each_block_keeps_its_exercises_cues(self) -> None:
        """Murph's second mile shows its own cues, not the first mile's: facts are kept by block."""
        workout = catalog.get("murph")
        data = embedded(export_html(workout))
        facts = data["exercises"][AS_WRITTEN]
        for block in workout.blocks:
            for exercise in block.exercises():
                assert list(exercise.cues) == data["facts"][facts[block.name][exercise.name]]["cues"]
        assert facts["First Mile"]["Run"] != facts["Second Mile"]["Run"]

    def test_a_level_shows_its_own_load(self) -> None:
        """A level that changes an exercise's load without renaming it shows that load."""
        squat = Exercise(name="Squat", dose=Reps(5), load=Load(amount=60, unit=LoadUnit.KG))
        heavier = ExerciseChange(exercise="Squat", load=Load(amount=80, unit=LoadUnit.KG))
        workout = Workout(
            title="Squats",
            blocks=(Block(name="Main", items=(squat,)),),
            levels=(Level(name="advanced", exercises=(heavier,)),),
        )
        data = embedded(export_html(workout))
        facts = {
            variant: data["facts"][blocks["Main"]["Squat"]] for variant, blocks in data["exercises"].items()
        }
        assert ["Load: 60 kg"] == facts[AS_WRITTEN]["details"]
        assert ["Load: 80 kg"] == facts["advanced"]["details"]

    def test_equal_facts_are_stored_once(self) -> None:
        """Variants share the facts of the exercises they leave as they are: each is stored once."""
        workout = catalog.get("upper-body-for-runners")
        data = embedded(export_html(workout))
        stored = [json.dumps(facts, sort_keys=True) for facts in data["facts"]]
        assert len(set(stored)) == len(stored)
        used = {
            index
            for blocks in data["exercises"].values()
            for names in blocks.values()
            for index in names.values()
        }
        assert set(range(len(stored))) == used
        assert len(data["exercises"]) > 1

    def test_invalid_expansion_raises(self) -> None:
        """A workout that cannot be expanded at the pacing raises the timeline's error."""
        workout = Workout(
            title="Long",
            blocks=(Block(name="Main", rounds=100, items=(Exercise(name="Squat", dose=Reps(5)),)),),
        )
        with pytest.raises(ValidationError, match="max_segments"):
            export_html(workout, Pacing(max_segments=10))


class TestAnyWorkout:
    """Every valid workout gives a page, or the timeline's own error."""

    # A page holds a timeline per variant and range point (up to fifteen): a generated workout
    # of thousands of segments takes seconds, so this runs a tenth of the profile's examples.
    @settings(max_examples=max(5, settings().max_examples // 10))
    @given(strategies.workouts())
    def test_page_or_error(self, workout: Workout) -> None:
        """The page carries the workout's timeline, or export raises the error expansion raises."""
        try:
            timeline = build_timeline(workout)
        except ValidationError:
            with pytest.raises(ValidationError):
                export_html(workout)
            return
        data = embedded(export_html(workout))
        index = data["choices"][AS_WRITTEN][data["point"]]
        assert (workout.title, len(timeline)) == (data["title"], len(data["timelines"][index]["rows"]))


class TestPlayer:
    """`Player`: the page as a notebook shows it."""

    def test_same_page(self) -> None:
        """`Player.to_html` is `export_html`."""
        workout = catalog.get("fran")
        assert export_html(workout) == Player(workout).to_html()

    def test_notebook_frame(self) -> None:
        """In a notebook the page is framed, its text escaped into the frame's srcdoc."""
        frame = Player(hostile())._repr_html_()
        assert frame.startswith("<iframe srcdoc=")
        assert "</script>" not in frame
        assert 'sandbox="allow-scripts"' in frame


class TestCommand:
    """``runstrength export --format html``."""

    def test_writes_the_page(self, tmp_path: Path) -> None:
        """The page is written where -o says, for the chosen pacing."""
        out = tmp_path / "workout.html"
        assert 0 == main(["export", ARTICLE, "--format", "html", "--rest", "min", "-o", str(out)])
        assert export_html(catalog.get(ARTICLE), Pacing(range_point=RangePoint.MIN)) == out.read_text("utf-8")


# --- the page in a browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def launched() -> Iterator[Browser]:
    """One headless Chromium for the module."""
    yield from chromium()


@pytest.fixture
def browser(launched: Browser) -> Iterator[Browser]:
    """The module's browser; the pages a test opens are closed after it."""
    yield launched
    close_pages(launched)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of exported pages, one per built-in workout."""
    folder = tmp_path_factory.mktemp("pages")
    for name in catalog.names():
        (folder / f"{name}.html").write_text(export_html(catalog.get(name)), encoding="utf-8")
    return folder


def started(browser: Browser, pages: Path, name: str, *, hands_free: bool = False, **options: Any) -> Page:
    """A page of a built-in workout, started at a fake time 0, with no remote request made."""
    page, requests, errors = open_page(browser, pages / f"{name}.html", **options)
    if hands_free:
        page.check("#handsfree")
    page.click("#play")
    assert [] == errors
    assert [] == requests.remote
    return page


def play_to(page: Page, now: float, target: float) -> float:
    """Run the page's clock from ``now`` to ``target`` seconds."""
    page.clock.run_for(round((target - now) * 1000))
    return target


@pytest.mark.browser
class TestPlaying:
    """The page plays the timeline runstrength built."""

    @pytest.mark.parametrize("name", PLAYED)
    def test_follows_the_timeline(self, browser: Browser, pages: Path, name: str) -> None:
        """Hands-free, the page shows at every moment the segment `Timeline.at` gives."""
        timeline = build_timeline(catalog.get(name))
        page = started(browser, pages, name, hands_free=True)
        now = 0.0
        checked = []
        for t in moments(timeline):
            now = play_to(page, now, t)
            expected = timeline.at(t)
            assert expected is not None
            on_screen = shown(page)
            words = "  ".join(
                on_screen[key] for key in ("exercise", "side", "round", "target") if on_screen[key]
            )
            checked.append(f"{t:8.2f} s  #{on_screen['index']:<3} {words}")
            assert (expected.index, heading(expected), side(expected), round_of(expected)) == (
                on_screen["index"],
                on_screen["exercise"],
                on_screen["side"],
                on_screen["round"],
            ), f"at {t} s"
        if name == ARTICLE:
            # The checked moments, for the record (shown with pytest -s or -rP).
            print(f"\n{name}: {len(checked)} moments checked against Timeline.at(t)")  # noqa: T201
            print("\n".join(checked))  # noqa: T201
        play_to(page, now, timeline.total + 1)
        assert "finished" == shown(page)["state"]

    def test_counts_down_timed_segments(self, browser: Browser, pages: Path) -> None:
        """A timed segment shows the seconds left in it."""
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, 12.5)  # Thread the Needle, right side: 30 s
        assert ("Thread the Needle", "Right side", "0:18") == tuple(
            shown(page)[k] for k in ("exercise", "side", "clock")
        )

    def test_announces_changes(self, browser: Browser, pages: Path) -> None:
        """The live region names the new segment and the next one when the segment changes."""
        timeline = build_timeline(catalog.get(ARTICLE))
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, timeline[1].start + 0.5)
        assert shown(page)["announced"].startswith("Switch sides")
        assert "Next: Thread the Needle, Left side" in shown(page)["announced"]


@pytest.mark.browser
class TestControls:
    """Start, pause, skip, back and done."""

    def test_pause_stops_the_clock(self, browser: Browser, pages: Path) -> None:
        """While paused nothing moves; resuming goes on from the same second."""
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, 10.5)
        page.keyboard.press(" ")
        before = shown(page)
        play_to(page, 0, 60)
        assert ("paused", before["clock"], before["index"]) == (
            shown(page)["state"],
            shown(page)["clock"],
            shown(page)["index"],
        )
        page.keyboard.press(" ")
        play_to(page, 0, 5)
        assert ("running", "0:15") == (shown(page)["state"], shown(page)["clock"])

    def test_skip_and_back(self, browser: Browser, pages: Path) -> None:
        """The right arrow skips to the next segment, the left arrow goes back to the one before."""
        page = started(browser, pages, ARTICLE)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert 2 == shown(page)["index"]
        page.keyboard.press("ArrowLeft")
        assert 1 == shown(page)["index"]

    def test_back_restarts_a_segment_first(self, browser: Browser, pages: Path) -> None:
        """After a few seconds in a segment, back starts it again rather than leaving it."""
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, 10)
        page.click("#back")
        assert (0, "0:30") == (shown(page)["index"], shown(page)["clock"])

    def test_rep_sets_wait_for_done(self, browser: Browser, pages: Path) -> None:
        """A rep set outlasts its estimate until done is tapped; the time left then follows the athlete."""
        timeline = build_timeline(catalog.get(ARTICLE))
        chop = next(s for s in timeline if s.exercise == "Half-Kneeling Chop")
        assert chop.estimate
        page = started(browser, pages, ARTICLE)
        for _ in range(chop.index):
            page.keyboard.press("ArrowRight")
        play_to(page, 0, chop.duration + 30)
        waiting = shown(page)
        assert (chop.index, True) == (waiting["index"], waiting["done"])
        assert f"0:{round(chop.duration + 30):02d}" == waiting["clock"]  # counts up, past the estimate
        page.click("#done")
        after = shown(page)
        left = timeline.total - timeline[chop.index + 1].start
        assert (chop.index + 1, f"~{left // 60:.0f}:{left % 60:02.0f} left") == (
            after["index"],
            after["left"].split(" of ")[0],
        )

    def test_done_only_on_estimates(self, browser: Browser, pages: Path) -> None:
        """A timed hold has no done button: it ends on its own."""
        page = started(browser, pages, ARTICLE)
        assert not shown(page)["done"]

    @pytest.mark.parametrize("stated", [False, True], ids=["estimated", "stated"])
    def test_as_needed_rest_waits(self, browser: Browser, pages: Path, tmp_path: Path, stated: bool) -> None:  # noqa: FBT001
        """A rest taken as needed waits for done, its length estimated or stated (as FIT does)."""
        if stated:
            row = Exercise(name="Row", dose=Duration(20), sets=2, rest_between_sets=Rest(90, as_needed=True))
            workout = Workout(title="Rows", blocks=(Block(name="Main", items=(row,)),))
            (tmp_path / "rows.html").write_text(export_html(workout), encoding="utf-8")
            page = started(browser, tmp_path, "rows")
        else:
            workout = catalog.get(ARTICLE)
            page = started(browser, pages, ARTICLE)
        rest = next(s for s in build_timeline(workout) if s.target.startswith("as needed"))
        assert rest.estimate is not stated
        for _ in range(rest.index):
            page.keyboard.press("ArrowRight")
        play_to(page, 0, rest.duration + 5)
        assert (rest.index, "Rest", True) == (
            shown(page)["index"],
            shown(page)["exercise"],
            shown(page)["done"],
        )
        page.keyboard.press("Enter")
        assert rest.index + 1 == shown(page)["index"]

    def test_countdown_marks_last_seconds(self, browser: Browser, pages: Path) -> None:
        """The clock is marked during a timed segment's last three seconds."""
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, 27.5)
        assert "final" in (page.get_attribute("#clock", "class") or "")


def signals(page: Page) -> dict[str, Any]:
    """The vibrations, beeps and wake locks the page asked for (see `_browser.RECORDER`)."""
    recorded: dict[str, Any] = page.evaluate("window.__signals")
    return recorded


@pytest.mark.browser
class TestSignals:
    """Beeps, vibrations and the screen kept awake."""

    def test_changes_and_last_seconds(self, browser: Browser, pages: Path) -> None:
        """A buzz and a beep at the start and at each change, shorter ones on the last three seconds."""
        page = started(browser, pages, ARTICLE)
        play_to(page, 0, 30.5)  # the first 30 s hold, then the side switch
        assert {"vibrations": [[180], [60], [60], [60], [180]], "beeps": 5} == {
            key: signals(page)[key] for key in ("vibrations", "beeps")
        }

    def test_silenced(self, browser: Browser, pages: Path) -> None:
        """With beeps and vibration turned off, there are none."""
        page, _, _ = open_page(browser, pages / f"{ARTICLE}.html")
        page.uncheck("#sound")
        page.click("#play")
        play_to(page, 0, 30.5)
        assert ([], 0) == (signals(page)["vibrations"], signals(page)["beeps"])

    def test_screen_kept_awake_while_running(self, browser: Browser, pages: Path) -> None:
        """Starting asks to keep the screen awake; pausing lets it go."""
        page = started(browser, pages, ARTICLE)
        assert (1, 0) == (signals(page)["locks"], signals(page)["releases"])
        page.keyboard.press(" ")
        assert (1, 1) == (signals(page)["locks"], signals(page)["releases"])


@pytest.mark.browser
class TestChoices:
    """The variant and the range point, chosen before starting."""

    def test_variant_switch(self, browser: Browser, pages: Path) -> None:
        """Choosing the easier version plays the easier timeline."""
        easier = build_timeline(catalog.get(ARTICLE).variant("easier"))
        written = build_timeline(catalog.get(ARTICLE))
        changed = next(s for s, w in zip(easier, written, strict=False) if s.exercise != w.exercise)
        page, _, errors = open_page(browser, pages / f"{ARTICLE}.html")
        page.select_option("#variant", "easier")
        page.click("#play")
        for _ in range(changed.index):
            page.keyboard.press("ArrowRight")
        assert (changed.index, changed.exercise) == (shown(page)["index"], shown(page)["exercise"])
        assert [] == errors

    def test_point_switch(self, browser: Browser, pages: Path) -> None:
        """Choosing the low end of every range plays the shorter timeline."""
        low = build_timeline(catalog.get(ARTICLE), Pacing(range_point=RangePoint.MIN))
        page, _, _ = open_page(browser, pages / f"{ARTICLE}.html")
        page.check("input[name=point][value=min]")
        assert f"of ~{low.total // 60:.0f}:{low.total % 60:02.0f}" in shown(page)["left"]

    def test_choices_locked_while_running(self, browser: Browser, pages: Path) -> None:
        """The choices cannot change under a running workout."""
        page = started(browser, pages, ARTICLE)
        assert page.is_disabled("#variant")


@pytest.mark.browser
class TestPage:
    """The page itself: offline, readable on a phone, accessible."""

    @pytest.mark.parametrize("name", catalog.names())
    def test_reads_its_timelines(self, browser: Browser, pages: Path, name: str) -> None:
        """The page's script reads each variant's timeline at each range point as runstrength built it."""
        workout = catalog.get(name)
        page, _, errors = open_page(browser, pages / f"{name}.html")
        data = embedded(pages.joinpath(f"{name}.html").read_text("utf-8"))
        # As JSON text: a value the script leaves undefined drops its key rather than reading as null.
        script = "() => JSON.stringify(__player.data.timelines.map((_, i) => __player.segmentsOf(i)))"
        read = json.loads(page.evaluate(script))
        assert [] == errors
        for variant, points in data["choices"].items():
            for point, index in points.items():
                assert played(workout, variant, point) == read[index], (variant, point)

    @pytest.mark.parametrize("name", catalog.names())
    def test_no_network(self, browser: Browser, pages: Path, name: str) -> None:
        """Loading and playing a page requests nothing but the file itself."""
        page, requests, errors = open_page(browser, pages / f"{name}.html")
        page.click("#play")
        page.clock.run_for(30_000)
        assert ([], []) == (requests.remote, errors)
        assert [(pages / f"{name}.html").as_uri()] == requests.seen

    def test_network_watch_sees_requests(self, browser: Browser, tmp_path: Path) -> None:
        """The watch on requests does catch a page that reaches out (so the test above can fail)."""
        path = tmp_path / "remote.html"
        path.write_text('<img src="https://example.com/x.png">', encoding="utf-8")
        _, requests, _ = open_page(browser, path)
        assert ["https://example.com/x.png"] == requests.remote

    @pytest.mark.parametrize("scheme", ["light", "dark"])
    @pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
    def test_fits_the_screen(
        self, browser: Browser, pages: Path, viewport: dict[str, int], scheme: str
    ) -> None:
        """Nothing sticks out sideways, and the clock and the main button are on the first screen."""
        page = started(browser, pages, ARTICLE, viewport=viewport, scheme=scheme)
        assert viewport["width"] >= page.evaluate("document.documentElement.scrollWidth")
        for selector in ("#clock", "#play"):
            box = page.locator(selector).bounding_box()
            assert box is not None
            assert box["y"] + box["height"] <= viewport["height"], selector

    def test_dark_mode(self, browser: Browser, pages: Path) -> None:
        """In dark mode the page is dark."""
        page = started(browser, pages, ARTICLE, scheme="dark")
        assert "rgb(17, 19, 24)" == page.evaluate("getComputedStyle(document.body).backgroundColor")

    def test_reduced_motion(self, browser: Browser, pages: Path) -> None:
        """With reduced motion asked for, the countdown does not pulse."""
        page = started(browser, pages, ARTICLE)
        page.emulate_media(reduced_motion="reduce")
        play_to(page, 0, 27.5)
        assert "none" == page.evaluate("getComputedStyle(document.getElementById('clock')).animationName")

    def test_accessible_roles(self, browser: Browser, pages: Path) -> None:
        """The clock is a timer, progress a progress bar, and changes go to a polite live region."""
        page = started(browser, pages, ARTICLE)
        assert ["timer", "progressbar", "status"] == [
            page.get_attribute(selector, "role") for selector in ("#clock", "#progress", "#announce")
        ]
        assert "polite" == page.get_attribute("#announce", "aria-live")
        assert page.get_by_role("button", name="Skip").is_visible()

    def test_hostile_text_stays_text(self, browser: Browser, tmp_path: Path) -> None:
        """A name holding ``</script>`` is shown as written and runs nothing."""
        workout = hostile()
        path = tmp_path / "hostile.html"
        path.write_text(export_html(workout), encoding="utf-8")
        page, _, errors = open_page(browser, path)
        page.click("#play")
        assert (workout.blocks[0].items[0].name, None, []) == (
            shown(page)["exercise"],
            page.evaluate("window.hacked"),
            errors,
        )

    def test_cues_follow_the_block(self, browser: Browser, tmp_path: Path) -> None:
        """Two exercises of one name in different blocks each show their own cues."""
        blocks = tuple(
            Block(name=name, items=(Exercise(name="Run", dose=Duration(10), cues=(cue,)),))
            for name, cue in (("Out", "Start easy."), ("Back", "Finish fast."))
        )
        path = tmp_path / "runs.html"
        path.write_text(export_html(Workout(title="Runs", blocks=blocks)), encoding="utf-8")
        page, _, errors = open_page(browser, path)
        page.click("#play")
        first = page.locator("#cues li").all_text_contents()
        play_to(page, 0, 15)
        assert (["Start easy."], ["Finish fast."], []) == (
            first,
            page.locator("#cues li").all_text_contents(),
            errors,
        )

    def test_notebook_frame_plays(self, browser: Browser, tmp_path: Path) -> None:
        """The frame a notebook shows holds a working player."""
        path = tmp_path / "notebook.html"
        path.write_text(Player(catalog.get(ARTICLE))._repr_html_(), encoding="utf-8")
        page, requests, errors = open_page(browser, path)
        frame = page.frame_locator("iframe")
        frame.locator("#play").click()
        assert ("Thread the Needle", [], []) == (
            frame.locator("#exercise").text_content(),
            requests.remote,
            errors,
        )

    def test_same_with_a_named_pacing(self, browser: Browser, tmp_path: Path) -> None:
        """A page made for slower reps plays the slower timeline."""
        pacing = Pacing(seconds_per_rep=5)
        timeline = build_timeline(catalog.get(ARTICLE), pacing)
        path = tmp_path / "slow.html"
        path.write_text(export_html(catalog.get(ARTICLE), attrs.evolve(pacing)), encoding="utf-8")
        page, _, _ = open_page(browser, path)
        assert f"of ~{timeline.total // 60:.0f}:{timeline.total % 60:02.0f}" in shown(page)["left"]
