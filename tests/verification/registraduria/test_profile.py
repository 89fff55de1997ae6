"""The scraper's browser profile, measured inside the real browser by a test page of our own.

`profile_page/` runs every check in Chromium (page, dedicated worker, service worker) and sees the
HTTP headers of each kind of request through this server. The same page run in a plain Playwright
Chromium (no profile) must fail the headless and webdriver checks: the page can tell the difference.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable
from verification.registraduria import browser as profile
from verification.registraduria import drivers

pytestmark = pytest.mark.browser

PAGE_DIR = Path(__file__).parent / "profile_page"
FILES = {
    "/profile/": ("index.html", "text/html; charset=utf-8"),
    "/profile.js": ("profile.js", "text/javascript"),
    "/sw.js": ("sw.js", "text/javascript"),
}
HEADERS_OF_INTEREST = ("user-agent", "sec-ch-ua", "sec-ch-ua-platform", "sec-ch-ua-mobile", "accept-language")


class _Handler(BaseHTTPRequestHandler):
    recorded: dict

    def log_message(self, *args):
        pass

    def _headers(self) -> dict:
        return {k.lower(): v for k, v in self.headers.items() if k.lower() in HEADERS_OF_INTEREST}

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/echo":
            return self._send(json.dumps(self._headers()).encode(), "application/json")
        if path == "/recorded":
            return self._send(json.dumps(self.recorded).encode(), "application/json")
        if path in FILES:
            self.recorded[path] = self._headers()
            name, content_type = FILES[path]
            return self._send((PAGE_DIR / name).read_bytes(), content_type)
        self.send_error(404)

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def profile_server():
    handler = type("Handler", (_Handler,), {"recorded": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/profile/"
    server.shutdown()
    server.server_close()


def _report(context, url: str, *, page=None) -> dict[str, dict]:
    page = page or context.new_page()
    page.goto(url)
    page.wait_for_selector("html[data-done]", state="attached", timeout=20_000)
    report = json.loads(page.text_content("#result") or "{}")
    assert "error" not in report, report
    return {check["name"]: check for check in report["checks"]}


EXPECTED_CHECKS = {
    "webdriver_page",
    "webdriver_worker",
    "webdriver_service_worker",
    "ua_page",
    "ua_worker",
    "ua_service_worker",
    "brands_page",
    "brands_service_worker",
    "http_ua_navigation",
    "http_ua_fetch",
    "http_ua_service_worker_script",
    "http_ua_service_worker_fetch",
    "http_sec_ch_ua",
    "platform_matches_ua",
    "platform_worker_matches",
    "client_hint_platform",
    "http_client_hint_platform",
    "client_hint_mobile",
    "brand_version_matches_ua",
    "full_version_matches_ua",
    "ua_same_everywhere",
    "vendor",
    "webgl_consistent",
    "webgl_not_faked_intel",
    "language",
    "language_workers",
    "http_accept_language",
    "timezone",
    "timezone_service_worker",
    "http_accept_language_same",
    "intl_locale",
    "screen_work_area",
    "window_in_work_area",
    "page_inside_window",
}


@pytest.mark.parametrize("driver", sorted(drivers.DRIVERS))
def test_scraper_profile_passes_every_check(scraper_browser, settings, profile_server, driver):
    """The scraper's own browser (`HOST.run`: launch, context and page as a lookup gets them), with each
    driver."""
    settings.REGISTRADURIA_DRIVER = driver
    checks = scraper_browser.run(
        lambda context: _report(context, profile_server, page=profile.new_page(context)), timeout=90
    )
    assert set(checks) == EXPECTED_CHECKS
    failed = {name: check["seen"] for name, check in checks.items() if not check["ok"]}
    assert failed == {}


def test_a_default_headless_chromium_fails_the_page(playwright_instance, profile_server):
    """The page is not a rubber stamp: plain headless Chromium is caught by it."""
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=list(BASE_LAUNCH_ARGS)
    )
    try:
        context = browser.new_context()
        checks = _report(context, profile_server)
        context.close()
    finally:
        browser.close()
    failed = {name for name, check in checks.items() if not check["ok"]}
    assert {"webdriver_page", "ua_page", "ua_service_worker", "http_ua_navigation", "language"} <= failed
    assert {"screen_work_area", "page_inside_window"} <= failed


def test_playwright_stealth_defaults_contradict_themselves(playwright_instance, profile_server):
    """Why the profile switches stealth's overrides off: its defaults (Win32 beside a Linux user agent, a
    faked WebGL vendor that workers don't share) fail the consistency checks."""
    from playwright_stealth import Stealth

    browser = profile.launch(playwright_instance)
    try:
        context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
        Stealth().apply_stealth_sync(context)
        checks = _report(context, profile_server)
        context.close()
    finally:
        browser.close()
    failed = {name for name, check in checks.items() if not check["ok"]}
    assert {"platform_matches_ua", "webgl_consistent"} <= failed
