"""What a site sees of the scraper's browser, and what public bot detectors say of it.

`manage.py browser_profile` prints it, for support and for checking a new Chromium version. The
site's view comes from a page of ours (`site_view/`) whose script runs in the page's main world, as a
site's would, and from the request headers our loopback server received. The detectors are
third-party pages kept with the tests (tests/verification/registraduria/detectors/, see its
NOTICE.md); each is run in a fresh page of the same context. Nothing leaves 127.0.0.1.

`plain_report` measures, the same way, the baseline the profile is judged against: Chromium with only
native switches (the desktop user agent, AutomationControlled off, es-CO) and an es-CO / Bogotá
context, driven by Playwright, no window switches, nothing else.
"""

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable
from verification.registraduria import browser, drivers
from verification.registraduria.detectors import DETECTORS, DetectorResult, run_detectors, serve

SITE_VIEW = Path(__file__).resolve().parent / "site_view"
DETECTOR_PAGES = Path(settings.BASE_DIR) / "tests" / "verification" / "registraduria" / "detectors"
TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class ProfileReport:
    configuration: str  # "profile" (the scraper's own) or "plain"
    driver: str
    site_view: dict[str, Any]
    detectors: list[DetectorResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(result.passed for result in self.detectors)

    @property
    def failed(self) -> int:
        return sum(result.failed for result in self.detectors)

    def detector(self, name: str) -> DetectorResult:
        return next(result for result in self.detectors if result.detector == name)


def site_view(new_page: Callable[[], Any]) -> dict[str, Any]:
    """What a page's own script reads of the browser, and the headers of the page's fetch and navigation."""
    with serve(SITE_VIEW) as base:
        page = new_page()
        try:
            page.goto(f"{base}/", timeout=TIMEOUT_MS)
            page.wait_for_selector("html[data-pm-done]", state="attached", timeout=TIMEOUT_MS)
            view = json.loads(page.text_content("#pm-result") or "{}")
            # A navigation's headers as the server got them (the echo, opened as a page).
            page.goto(f"{base}/__headers", timeout=TIMEOUT_MS)
            view["navigation_headers"] = json.loads(page.text_content("body") or "{}")
            return view
        finally:
            page.close()


def _measure(new_page: Callable[[], Any], detector_pages: Path | None, names) -> tuple[dict, list[DetectorResult]]:
    view = site_view(new_page)
    if detector_pages is None:
        return view, []
    with serve(detector_pages) as base:
        return view, run_detectors(new_page, base, names, timeout_ms=TIMEOUT_MS)


def profile_report(detector_pages: Path | None = DETECTOR_PAGES, names=DETECTORS) -> ProfileReport:
    """The scraper's own browser, exactly as a lookup gets it (`HOST.run`: launch, context, pages),
    with the configured REGISTRADURIA_DRIVER."""
    view, results = browser.HOST.run(
        lambda context: _measure(lambda: browser.new_page(context), detector_pages, names), timeout=600
    )
    return ProfileReport("profile", drivers.name(), view, results)


def plain_report(detector_pages: Path | None = DETECTOR_PAGES, names=DETECTORS) -> ProfileReport:
    """The baseline: a plain Playwright Chromium with native switches only (in a thread of its own, as
    a sync Playwright cannot share a thread with another one)."""
    user_agent = browser.user_agent()  # reads settings and runs Chromium --version: here, not there

    def measure() -> tuple[dict, list[DetectorResult]]:
        with drivers.sync_api("playwright").sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_executable(),
                headless=True,
                args=[
                    *BASE_LAUNCH_ARGS,
                    f"--user-agent={user_agent}",
                    "--disable-blink-features=AutomationControlled",
                    f"--lang={browser.LOCALE}",
                ],
            )
            try:
                context = chromium.new_context(locale=browser.LOCALE, timezone_id=browser.TIMEZONE)
                return _measure(context.new_page, detector_pages, names)
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="plain-chromium") as pool:
        view, results = pool.submit(measure).result(timeout=600)
    return ProfileReport("plain", "playwright", view, results)
