"""A headless Chromium for the browser tests, and the player page as a test drives it.

The tests run the Chromium that `runstrength._export.card.browser` finds (the system's
``chromium``, or ``RUNSTRENGTH_CHROMIUM``).  In CI (``CI`` set, as ``.ci/run`` runs) a
missing browser fails them, so a CI machine that lost its browser is noticed; elsewhere
(a first run of the README's test command on a machine without Chromium) they are skipped
with the reason and how to install it. ``RUNSTRENGTH_SKIP_BROWSER=1`` skips them on purpose.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Route

from runstrength._export.card import _chromium, browser

SKIP_VARIABLE = "RUNSTRENGTH_SKIP_BROWSER"
LOCAL_SCHEMES = ("file:", "data:", "about:")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def require_browser_tools(*programs: str) -> None:
    """Skip outside CI when Chromium (or one of ``programs``, such as pdftotext) is missing."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1")
    if os.environ.get("CI"):
        return  # CI installs them: a missing one must fail the test, not hide it
    missing = [program for program in programs if shutil.which(program) is None]
    if _chromium() is None:
        missing.insert(0, "chromium")
    if missing:
        pytest.skip(
            f"needs {', '.join(missing)}: apt-get install chromium poppler-utils (CI runs these tests)"
        )


def chromium() -> Iterator[Browser]:
    """A browser for a test module's fixture (see `require_browser_tools` for when it skips)."""
    require_browser_tools()
    with browser() as launched:
        yield launched


class Requests:
    """Every request a page makes; any that is not to a local address is blocked."""

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        self.blocked: list[str] = []
        page.on("request", self.saw)
        page.route("**/*", self.route)

    def saw(self, request: Request) -> None:
        self.seen.append(request.url)

    def route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    @property
    def remote(self) -> list[str]:
        """The requests to anything but a local file or inline data."""
        return sorted({*self.blocked, *(url for url in self.seen if not url.startswith(LOCAL_SCHEMES))})


RECORDER = """
window.__signals = { vibrations: [], beeps: 0, locks: 0, releases: 0 };
navigator.vibrate = (pattern) => { window.__signals.vibrations.push(pattern); return true; };
const createOscillator = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () {
    window.__signals.beeps += 1;
    return createOscillator.call(this);
};
Object.defineProperty(navigator, "wakeLock", { value: { request: async () => {
    window.__signals.locks += 1;
    return { addEventListener() {}, release: async () => { window.__signals.releases += 1; } };
} } });
"""
"""A script run before the page's own: it records vibrations, beeps and screen wake locks
(headless Chromium has no vibrator, and grants no wake lock)."""


def open_page(
    browser_: Browser, path: Path, *, viewport: dict[str, int] = PHONE, scheme: str = "light"
) -> tuple[Page, Requests, list[str]]:
    """``path`` in a new page with a fake clock; its requests, and its script errors."""
    page = browser_.new_page(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    page.add_init_script(RECORDER)
    requests = Requests(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install(time=0)
    page.goto(path.as_uri())
    page.clock.pause_at(1000)  # from here time moves only when a test runs the clock
    return page, requests, errors


def close_pages(browser_: Browser) -> None:
    """Close every page a test opened (each lives in a context of its own)."""
    for context in browser_.contexts:
        context.close()


def shown(page: Page) -> dict[str, Any]:
    """What the player shows: the segment's index and the words and numbers on screen."""
    shown_: dict[str, Any] = page.evaluate(
        """() => {
            const text = (id) => document.getElementById(id).textContent;
            const main = document.getElementById("player");
            return {
                index: Number(main.dataset.index),
                state: main.dataset.state,
                kind: text("kind"),
                exercise: text("exercise"),
                side: text("side"),
                round: text("round"),
                target: text("target"),
                clock: text("clock"),
                left: text("left"),
                next: text("next"),
                announced: text("announce"),
                done: !document.getElementById("done").hidden,
            };
        }"""
    )
    return shown_
