"""The worker's browser: one Debian Chromium per worker process, with a measured, self-consistent profile.

- Started lazily, after Django-Q2 forked the worker, in a thread of its own: Playwright's sync API
  keeps an event loop in the thread that drives it, and Django's ORM refuses to run in such a thread,
  so the ORM work of a lookup (turns, breaker) stays in the worker's own thread.
- A fresh context per lookup, always closed; the browser is replaced after
  REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS lookups and after a crash.
- When the worker dies, even by SIGKILL, Playwright's driver sees its pipe close and ends Chromium.

The profile (measured on Chromium 156 with tests/verification/registraduria/test_profile.py):
headless Chromium says `HeadlessChrome` in its user agent (page, workers, service workers, HTTP
headers) and `navigator.webdriver === true`. The `--user-agent` switch fixes the first everywhere
(a context-level override misses service workers); `--disable-blink-features=AutomationControlled`
the second. The client hints (`Chromium`, platform `Linux`), `navigator.platform` (`Linux x86_64`)
and the real SwiftShader WebGL strings already match a Linux desktop Chrome, so playwright-stealth's
overrides of those (a `Win32` platform, an Intel WebGL vendor) are switched off: they would
contradict the rest. Language es-CO and zone America/Bogota everywhere.
"""

import logging
import os
import re
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from django.conf import settings
from playwright_stealth import Stealth

from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable

logger = logging.getLogger(__name__)

LOCALE = "es-CO"
TIMEZONE = "America/Bogota"
VIEWPORT = {"width": 1366, "height": 768}


@cache
def chromium_major_version(executable: str) -> str:
    # The executable is our own setting (CHROMIUM_EXECUTABLE), not outside input.
    out = subprocess.run(  # noqa: S603
        [executable, "--version"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    match = re.search(r"(\d+)\.\d+\.\d+\.\d+", out)
    if not match:
        raise RuntimeError(f"cannot read Chromium's version from {out!r}")
    return match.group(1)


def user_agent() -> str:
    """A desktop Chrome user agent for this very Chromium (same major version, Linux, reduced form)."""
    if settings.REGISTRADURIA_USER_AGENT:
        return settings.REGISTRADURIA_USER_AGENT
    major = chromium_major_version(chromium_executable())
    return f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36"


def launch_args() -> list[str]:
    return [
        *BASE_LAUNCH_ARGS,
        f"--user-agent={user_agent()}",
        f"--lang={LOCALE}",
        "--accept-lang=es-CO,es",
        "--disable-blink-features=AutomationControlled",
    ]


# Only the evasions that agree with the real browser: no platform, user-agent, client-hint, vendor or
# WebGL overrides (see the module docstring); languages are ours.
STEALTH = Stealth(
    navigator_platform=False,
    navigator_user_agent=False,
    navigator_user_agent_data=False,
    navigator_vendor=False,
    navigator_hardware_concurrency=False,
    navigator_webdriver=False,
    sec_ch_ua=False,
    webgl_vendor=False,
    navigator_languages_override=("es-CO", "es"),
    navigator_platform_override=None,
)


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_executable(), headless=True, args=launch_args())


def new_context(browser):
    """A fresh context with the profile applied (the caller closes it; pages come from `new_page`)."""
    context = browser.new_context(locale=LOCALE, timezone_id=TIMEZONE, viewport=VIEWPORT)
    STEALTH.apply_stealth_sync(context)
    return context


_NATIVE_BRANDS: dict[str, list[dict]] = {}
_BLANK_PAGE = "<!doctype html><title>.</title>"


def _native_brands(browser) -> list[dict]:
    """The client-hint brands this Chromium itself reports (they need a secure page to be read: an
    intercepted https address that never leaves the browser)."""
    if browser.version not in _NATIVE_BRANDS:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.route(
                "https://brands.invalid/",
                lambda route: route.fulfill(status=200, content_type="text/html", body=_BLANK_PAGE),
            )
            page.goto("https://brands.invalid/")
            _NATIVE_BRANDS[browser.version] = page.evaluate(
                "navigator.userAgentData.brands.map(b => ({brand: b.brand, version: b.version}))"
            )
        finally:
            context.close()
    return _NATIVE_BRANDS[browser.version]


def user_agent_metadata(browser) -> dict:
    """What a desktop Chrome on Linux answers to getHighEntropyValues(). The --user-agent switch makes
    Chromium blank the high-entropy hints (no architecture, an empty fullVersionList): a contradiction
    detectors look for, so pages get them back, with the native brands."""
    full = browser.version
    brands = _native_brands(browser)
    return {
        "brands": brands,
        "fullVersionList": [
            {"brand": b["brand"], "version": full if "Chrom" in b["brand"] else f"{b['version']}.0.0.0"} for b in brands
        ],
        "fullVersion": full,
        "platform": "Linux",
        "platformVersion": "",
        "architecture": "x86",
        "model": "",
        "mobile": False,
        "bitness": "64",
        "wow64": False,
    }


def new_page(context):
    """A page of `context` whose user agent and client hints agree with the launch switches."""
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send(
        "Emulation.setUserAgentOverride",
        {
            "userAgent": user_agent(),
            "acceptLanguage": "es-CO,es",
            "platform": "Linux x86_64",
            "userAgentMetadata": user_agent_metadata(context.browser),
        },
    )
    return page  # the session stays attached: detaching it would drop the override


class BrowserHost:
    """This process's Chromium, and the one thread that drives it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._executor = None
        self._playwright = None
        self._browser = None
        self.lookups = 0
        self.launches = 0

    def _executor_for_this_process(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pid != os.getpid():  # first use, or we are a forked child: start our own
                self._pid = os.getpid()
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
                self._playwright = self._browser = None
                self.lookups = 0
            return self._executor

    def run(self, fn, *, timeout: float):
        """Run `fn(context)` in the browser thread with a fresh context; its result or its exception."""
        future = self._executor_for_this_process().submit(self._run_in_thread, fn)
        return future.result(timeout=timeout)

    def _ensure_browser(self):
        if self._browser is not None and not self._browser.is_connected():
            logger.warning("chromium went away; starting a new one")
            self._close()
        if self._browser is None:
            if self._playwright is None:
                from playwright.sync_api import sync_playwright

                self._playwright = sync_playwright().start()
            self._browser = launch(self._playwright)
            self.launches += 1
        return self._browser

    def _run_in_thread(self, fn):
        browser = self._ensure_browser()
        context = None
        try:
            context = new_context(browser)
            return fn(context)
        finally:
            self.lookups += 1
            try:
                if context is not None:
                    context.close()
            except Exception:  # a crashed browser cannot close its context: replace the browser
                logger.warning("could not close the browser context; replacing the browser")
                self._close()
            if self._browser is not None and self.lookups % settings.REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS == 0:
                self._close()

    def _close(self):
        browser, self._browser = self._browser, None
        if browser is not None:
            try:
                browser.close()
            except Exception:
                logger.warning("chromium did not close cleanly")

    def shutdown(self):
        """Close the browser and the driver (tests and benchmarks; workers just exit)."""
        if self._pid != os.getpid() or self._executor is None:
            return

        def stop():
            self._close()
            if self._playwright is not None:
                self._playwright.stop()
                self._playwright = None

        self._executor.submit(stop).result(timeout=30)


HOST = BrowserHost()
