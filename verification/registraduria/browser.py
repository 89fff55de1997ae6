"""The worker's browser: one Debian Chromium per worker process, with a measured, self-consistent profile.

- Started lazily, after Django-Q2 forked the worker, in a thread of its own: Playwright's sync API
  keeps an event loop in the thread that drives it, and Django's ORM refuses to run in such a thread,
  so the ORM work of a lookup (turns, breaker) stays in the worker's own thread.
- A fresh context per lookup, always closed; the browser is replaced after
  REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS lookups and after a crash.
- When the worker dies, even by SIGKILL, Playwright's driver sees its pipe close and ends Chromium.

The profile (measured on Chromium 156 with tests/verification/registraduria/test_profile.py, and
against seven public bot detectors with test_detectors.py; docs/registraduria.md, "Browser profile"):
headless Chromium says `HeadlessChrome` in its user agent (page, workers, service workers, HTTP
headers) and `navigator.webdriver === true`. The `--user-agent` switch fixes the first everywhere
(a context-level override misses service workers); `--disable-blink-features=AutomationControlled`
the second. The client hints (`Chromium`, platform `Linux`), `navigator.platform` (`Linux x86_64`)
and the real SwiftShader WebGL strings already match a Linux desktop Chrome. Language es-CO and zone
America/Bogota everywhere; a desktop window (below).

Nothing is patched in JavaScript: every script patch (playwright-stealth's evasions) either changed
no detector's verdict or added a lie that CreepJS counts (its Function.prototype.toString proxy,
its Permissions.query and iframe contentWindow proxies), so the profile is launch switches and the
DevTools protocol's own emulation only.
"""

import logging
import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress
from functools import cache
from typing import Any, TypeVar

from django.conf import settings

from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable
from verification.registraduria import drivers

logger = logging.getLogger(__name__)

LOCALE = "es-CO"
TIMEZONE = "America/Bogota"
# A maximised window on a 1920x1080 desktop whose top bar (GNOME's, 32 px) is not part of the work area:
# the screen, its available area, the window's outer size and position come from launch switches and
# the page's inner size is what headless Chromium leaves inside its (virtual) tab strip and toolbar —
# no viewport emulation, so every size is the browser's own and they agree with each other (a
# viewport emulated as the whole screen, Playwright's default, gives screen = avail = outer = inner).
SCREEN = (1920, 1080)
WORK_AREA_TOP = 32


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
        f"--screen-info={{{SCREEN[0]}x{SCREEN[1]} workAreaTop={WORK_AREA_TOP}}}",
        f"--window-position=0,{WORK_AREA_TOP}",
        f"--window-size={SCREEN[0]},{SCREEN[1] - WORK_AREA_TOP}",
    ]


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_executable(), headless=True, args=launch_args())


def new_context(browser, *, proxy: dict[str, str] | None = None):
    """A fresh context with the profile's time zone (the language comes from the launch switches and
    `new_page`), going out through `proxy` (Playwright's option; None:
    direct). The caller closes it; pages come from `new_page`."""
    return browser.new_context(timezone_id=TIMEZONE, no_viewport=True, proxy=proxy)


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
            "platform": "Linux x86_64",
            "userAgentMetadata": user_agent_metadata(context.browser),
        },
    )
    # Intl's locale (dates, numbers) as a Colombian desktop's. The context's own `locale` option would
    # do it too, but it also sets a second Accept-Language ("es-CO" alone) that fetch() requests carry
    # while navigations carry ours: two values where a real browser has one.
    session.send("Emulation.setLocaleOverride", {"locale": LOCALE})
    return page  # the session stays attached: detaching it would drop the override


def _driver_children() -> set[int]:
    """This process's Playwright driver processes (node … run-driver), read from /proc."""
    me, found = str(os.getpid()), set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                ppid = stat.read().rsplit(b")", 1)[1].split()[1].decode()
            if ppid == me:
                with open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                    if b"run-driver" in cmdline.read():
                        found.add(int(entry.name))
        except (OSError, IndexError):
            continue
    return found


class _Driver:
    """One generation of the browser machinery: the thread that drives Playwright, Playwright's
    driver process and the browser. A generation whose thread is stuck is replaced whole."""

    def __init__(self):
        self.name = drivers.name()  # REGISTRADURIA_DRIVER when this generation started
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self.playwright = None
        self.browser = None
        self.driver_pid: int | None = None


T = TypeVar("T")

# The browser thread's line to the thread waiting in `BrowserHost.run` (None outside a run).
_caller = threading.local()


def call_in_caller(function: Callable[..., T], *, timeout: float, **kwargs: Any) -> T:
    """`function(**kwargs)` in the thread that is waiting for this page flow (the lookup's own): the
    browser thread's event loop is running, where Django refuses synchronous ORM calls, and the
    lookup's database connection belongs to that thread. Outside a page flow, here and now."""
    calls = getattr(_caller, "calls", None)
    if calls is None:
        return function(**kwargs)
    reply: Future = Future()
    calls.put((function, kwargs, reply))
    return reply.result(timeout=timeout)


class BrowserHost:
    """This process's Chromium, and the one thread that drives it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._driver: _Driver | None = None
        self.lookups = 0
        self.launches = 0
        self.replaced_stuck = 0

    def _current(self) -> _Driver:
        retired = None
        with self._lock:
            if self._pid != os.getpid():  # first use, or we are a forked child: start our own
                self._pid = os.getpid()
                self._driver = None
                self.lookups = 0
            if self._driver is not None and self._driver.name != drivers.name():  # the setting changed
                retired, self._driver = self._driver, None
            if self._driver is None:
                self._driver = _Driver()
            driver = self._driver
        if retired is not None:
            retired.executor.submit(self._stop, retired).result(timeout=30)
            retired.executor.shutdown(wait=False)
        return driver

    def run(self, fn, *, timeout: float, proxy: dict[str, str] | None = None):
        """Run `fn(context)` in the browser thread with a fresh context (through `proxy`, when given);
        its result or its exception. Meanwhile this thread runs what `fn` hands it with
        `call_in_caller` (the database work the page flow needs)."""
        driver = self._current()
        calls: queue.SimpleQueue = queue.SimpleQueue()
        future = driver.executor.submit(self._run_in_thread, driver, fn, proxy, calls)
        future.add_done_callback(lambda _: calls.put(None))
        deadline = time.monotonic() + timeout
        while True:
            try:
                call = calls.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self._replace_stuck(driver)
                raise FutureTimeout from None
            if call is None:
                return future.result(timeout=0)
            function, kwargs, reply = call
            try:
                reply.set_result(function(**kwargs))
            except BaseException as exc:  # handed back to the browser thread, raised there
                reply.set_exception(exc)

    def _replace_stuck(self, driver: _Driver) -> None:
        """The browser thread did not come back in time: it is stuck in a Playwright call that never
        returns (seen when Chromium dies while a page is being created: `new_page` waits forever).
        Every later lookup would queue behind it and time out too, so the next one gets a new thread,
        driver and browser. Ending the stuck driver ends its browser (the pipe closes) and makes the
        stuck call fail, which lets the old thread finish."""
        with self._lock:
            if self._driver is not driver:
                return
            self._driver = None
        self.replaced_stuck += 1
        logger.warning("the browser thread is stuck; replacing the browser and its Playwright driver")
        driver.executor.shutdown(wait=False)
        if driver.driver_pid is not None:
            with suppress(ProcessLookupError):
                os.kill(driver.driver_pid, signal.SIGKILL)

    def _ensure_browser(self, driver: _Driver):
        if driver.browser is not None and not driver.browser.is_connected():
            logger.warning("chromium went away; starting a new one")
            self._close(driver)
        if driver.browser is None:
            if driver.playwright is None:
                before = _driver_children()
                driver.playwright = drivers.sync_api(driver.name).sync_playwright().start()
                driver.driver_pid = next(iter(_driver_children() - before), None)
            browser = launch(driver.playwright)
            self.launches += 1
            try:
                drivers.verify_hidden(browser)
            except BaseException:
                with suppress(Exception):
                    browser.close()
                raise
            driver.browser = browser
        return driver.browser

    def _run_in_thread(self, driver: _Driver, fn, proxy: dict[str, str] | None, calls: queue.SimpleQueue):
        _caller.calls = calls
        browser = self._ensure_browser(driver)
        context = None
        try:
            context = new_context(browser, proxy=proxy)
            return fn(context)
        finally:
            self.lookups += 1
            try:
                if context is not None:
                    context.close()
            except Exception:  # a crashed browser cannot close its context: replace the browser
                logger.warning("could not close the browser context; replacing the browser")
                self._close(driver)
            if driver.browser is not None and self.lookups % settings.REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS == 0:
                self._close(driver)
            if driver is not self._driver:  # replaced while stuck: end this thread's Playwright too
                self._stop(driver)
            _caller.calls = None

    def _close(self, driver: _Driver):
        browser, driver.browser = driver.browser, None
        if browser is not None:
            try:
                browser.close()
            except Exception:
                logger.warning("chromium did not close cleanly")

    def _stop(self, driver: _Driver):
        self._close(driver)
        playwright, driver.playwright = driver.playwright, None
        if playwright is not None:
            try:
                playwright.stop()
            except Exception:
                logger.warning("the Playwright driver did not stop cleanly")

    def shutdown(self):
        """Close the browser and the driver (tests and benchmarks; workers just exit)."""
        driver = self._driver
        if self._pid != os.getpid() or driver is None:
            return
        driver.executor.submit(self._stop, driver).result(timeout=30)


HOST = BrowserHost()
