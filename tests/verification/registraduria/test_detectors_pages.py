"""The public bot detector pages (detectors/, see its NOTICE.md) run through the runner in a real browser.

A raw headless Chromium, launched by plain Playwright with nothing but our base switches, must give
every detector a result, and must be caught by them: the pages can fail, so a clean result from the
product's profile means something.
"""

import json
import urllib.request
from pathlib import Path

import pytest

from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable
from verification.registraduria.detectors import DETECTORS, DetectorResult, run_detectors, serve

pytestmark = pytest.mark.browser

PAGES = Path(__file__).parent / "detectors"


@pytest.fixture(scope="module")
def base_url():
    with serve(PAGES) as url:
        yield url


@pytest.fixture(scope="module")
def raw_results(playwright_instance, base_url) -> dict[str, DetectorResult]:
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=list(BASE_LAUNCH_ARGS)
    )
    try:
        context = browser.new_context()
        results = run_detectors(context.new_page, base_url)
    finally:
        browser.close()
    return {result.detector: result for result in results}


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own http://127.0.0.1 server)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), b""


def test_server_serves_pages_scripts_and_headers_but_no_listing(base_url):
    status, content_type, body = _get(f"{base_url}/botd/")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    assert b'src="adapter.js"' in body
    assert _get(f"{base_url}/botd/vendor/botd.esm.js")[:2] == (200, "text/javascript; charset=utf-8")
    assert _get(f"{base_url}/botd/vendor/")[0] == 404
    assert _get(f"{base_url}/../pyproject.toml")[0] == 404
    status, content_type, body = _get(f"{base_url}/__headers")
    assert (status, content_type) == (200, "application/json")
    assert "user-agent" in json.loads(body)


def test_every_detector_produces_a_result(raw_results):
    assert list(raw_results) == list(DETECTORS)
    for name, result in raw_results.items():
        assert result.error is None, (name, result.error)
        assert result.checks, name
        assert result.version, name


def test_fpscanner_runs_its_cdp_check(raw_results):
    assert "hasCDP" in {check.name for check in raw_results["fpscanner"].checks}


def test_creepjs_reports_its_numbers(raw_results):
    summary = raw_results["creepjs"].summary
    for key in ("lies", "lie_names", "headless_percent", "like_headless_percent", "stealth_percent"):
        assert key in summary, key
    assert summary["headless_percent"] > 0  # raw headless: webdriver on, HeadlessChrome user agent


def test_raw_headless_chromium_is_caught(raw_results):
    assert raw_results["botd"].summary["bot"] is True
    for name in ("fpscanner", "fpscanner-0.1.5", "creepjs", "intoli", "detect-headless", "cat-n-mouse"):
        failed = " ".join(f"{check.name} {check.detail}" for check in raw_results[name].failed_checks)
        assert "HeadlessChrome" in failed or "webdriver" in failed.lower(), (name, failed)
