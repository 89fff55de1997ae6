"""The scraper's real profile against seven public bot detectors (detectors/, see its NOTICE.md).

The browser is the scraper's own (`HOST.run`: launch, context and pages exactly as a lookup gets
them), in real Chromium. The baseline is measured in the same run: a plain Playwright Chromium with
native switches only (`profile_report.plain_report`). Every check the profile still fails is listed
in KNOWN_FAILS with why it stays, and in docs/registraduria.md; a new one fails the test.
"""

from pathlib import Path

import pytest
from django.test.utils import override_settings

from verification.registraduria import profile_report

pytestmark = [pytest.mark.browser, pytest.mark.one_pass]

DOCS = Path(__file__).resolve().parents[3] / "docs" / "registraduria.md"

# (detector, check) -> why it stays: an environment fact, a fact of every Chrome on Linux, or a
# fix that would be a lie.
KNOWN_FAILS = {
    ("fpscanner", "hasSwiftshaderRenderer"): "no GPU: SwiftShader is what renders here",
    ("creepjs", "like headless: hasSwiftShader"): "no GPU: SwiftShader is what renders here",
    ("fpscanner-0.1.5", "WEBDRIVER"): "every Chrome defines navigator.webdriver (false here)",
    ("cat-n-mouse", "navigator.webdriver present"): "every Chrome defines navigator.webdriver (false here)",
    ("creepjs", "like headless: noWebShare"): "desktop Chrome on Linux has no Web Share",
    ("creepjs", "like headless: noContentIndex"): "the Content Index API is Android-only",
    ("creepjs", "like headless: noContactsManager"): "the Contact Picker is Android-only",
    ("creepjs", "like headless: noDownlinkMax"): "downlinkMax is ChromeOS/Android-only",
    ("creepjs", "like headless: prefersLightColor"): "a light theme is what most desktops use",
    ("creepjs", "like headless: hasKnownBgColor"): "the system colour ActiveText: a script patch would be a lie",
    ("intoli", "Hairline Feature (round I)"): "no hairlines at devicePixelRatio 1, as on any such screen",
    ("detect-headless", "Time Elapse"): "the driver dismisses a dialog at once; the sites show none",
}


# Checks that time the browser (how fast a dialog was closed): on a loaded machine they fail or pass
# by chance, on either side of a comparison.
TIMED_CHECKS = {("detect-headless", "Time Elapse")}


def _fails(report: profile_report.ProfileReport) -> set[tuple[str, str]]:
    return {(result.detector, check.name) for result in report.detectors for check in result.failed_checks}


@pytest.fixture(scope="module")
def reports(scraper_browser) -> dict[str, profile_report.ProfileReport]:
    measured = {}
    for driver in ("patchright", "playwright"):
        with override_settings(REGISTRADURIA_DRIVER=driver):
            measured[driver] = profile_report.profile_report()
    measured["plain"] = profile_report.plain_report()
    for report in measured.values():
        for result in report.detectors:
            assert result.error is None, (report.configuration, report.driver, result.detector, result.error)
    return measured


def test_botd_says_not_a_bot(reports):
    for driver in ("patchright", "playwright"):
        assert reports[driver].detector("botd").summary["bot"] is False


def test_creepjs_counts_no_lie_and_nothing_headless_or_stealthy(reports):
    for driver in ("patchright", "playwright"):
        summary = reports[driver].detector("creepjs").summary
        assert (summary["lies"], summary["headless_percent"], summary["stealth_percent"]) == (0, 0, 0), summary


def test_fpscanner_detects_nothing_of_high_severity_with_the_cdp_hiding_driver(reports):
    def high(report):
        return {
            (result.detector, check.name)
            for result in report.detectors
            if result.detector.startswith("fpscanner")
            for check in result.failed_checks
            if check.severity == "high"
        }

    assert high(reports["patchright"]) == set()
    assert high(reports["playwright"]) == {("fpscanner", "hasCDP")}  # the check can fail: Runtime.enable


def test_the_profile_fails_fewer_checks_than_plain_chromium_and_none_that_it_passes(reports):
    profile, plain = reports["patchright"], reports["plain"]
    assert profile.failed < plain.failed, (_fails(profile), _fails(plain))
    assert _fails(profile) - TIMED_CHECKS <= _fails(plain)


def test_every_remaining_fail_is_known_and_documented(reports):
    for driver in ("patchright", "playwright"):
        unexpected = _fails(reports[driver]) - set(KNOWN_FAILS) - {("fpscanner", "hasCDP")}
        assert unexpected == set(), unexpected
    docs = DOCS.read_text()
    for _detector, check in KNOWN_FAILS:
        assert check.removeprefix("like headless: ") in docs, check


def test_playwright_stealths_evasions_are_what_creepjs_counts_as_lies(scraper_browser):
    """Why the profile has no script patches: playwright-stealth's evasions (as the profile had them)
    make CreepJS count lies and see a stealth tool."""
    from playwright_stealth import Stealth

    from verification.registraduria import browser
    from verification.registraduria.detectors import run_detectors, serve

    stealth = Stealth(
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

    def measure(context):
        stealth.apply_stealth_sync(context)
        with serve(profile_report.DETECTOR_PAGES) as base:
            return run_detectors(lambda: browser.new_page(context), base, ["creepjs"])[0]

    summary = scraper_browser.run(measure, timeout=120).summary
    assert summary["lies"] > 0 and summary["stealth_percent"] > 0, summary


def test_browser_profile_prints_what_a_site_sees_and_the_verdicts(scraper_browser):
    import json
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("browser_profile", "--only", "botd", "--plain", stdout=out)
    text = out.getvalue()
    for line in ("User agent:", "Client hints (high entropy):", "Time zone:", "Screen:", "WebGL:", "fetch() request"):
        assert line in text, line
    assert "HeadlessChrome" not in text
    assert "botd 2.0.0: 18 pass / 0 fail; bot=False" in text
    assert "== Side by side (pass / fail) ==" in text

    out = StringIO()
    call_command("browser_profile", "--no-detectors", "--driver", "playwright", "--json", stdout=out)
    (report,) = json.loads(out.getvalue())
    assert (report["driver"], report["detectors"]) == ("playwright", [])
    view = report["site_view"]
    assert (view["time_zone"], view["languages"][0], view["webdriver"]) == ("America/Bogota", "es-CO", False)
    assert view["navigation_headers"]["accept-language"] == view["fetch_headers"]["accept-language"]
