"""`manage.py browser_profile`: what a site sees of the scraper's browser, and the detectors' verdicts."""

import json
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from verification.registraduria import profile_report
from verification.registraduria.detectors import DETECTORS, DetectorResult

SITE_VIEW_LINES = (
    ("User agent", "user_agent"),
    ("Client hints (low entropy)", "client_hints_low"),
    ("Client hints (high entropy)", "client_hints_high"),
    ("navigator.platform", "platform"),
    ("Languages", "languages"),
    ("Time zone", "time_zone"),
    ("Screen", "screen"),
    ("Window", "window"),
    ("Colour scheme", "color_scheme"),
    ("WebGL", "webgl"),
    ("navigator.webdriver", "webdriver"),
    ("Plugins", "plugins"),
    ("Navigation request headers", "navigation_headers"),
    ("fetch() request headers", "fetch_headers"),
)


class Command(BaseCommand):
    help = (
        "Launch the scraper's own browser (as a lookup gets it) and print what a site sees of it and what "
        "the public bot detectors kept with the tests say; --plain adds a plain Chromium for comparison."
    )

    def add_arguments(self, parser):
        parser.add_argument("--driver", choices=["patchright", "playwright"], help="default: REGISTRADURIA_DRIVER")
        parser.add_argument("--plain", action="store_true", help="also measure Chromium with native switches only")
        parser.add_argument(
            "--detectors", type=Path, default=profile_report.DETECTOR_PAGES, help="folder of detector pages"
        )
        parser.add_argument("--no-detectors", action="store_true", help="only what a site sees")
        parser.add_argument("--only", action="append", choices=DETECTORS, help="run only this detector (repeatable)")
        parser.add_argument("--json", action="store_true", help="one JSON object instead of text")

    def handle(self, *args, **options):
        pages = None if options["no_detectors"] else options["detectors"]
        if pages is not None and not (pages / "NOTICE.md").is_file():
            raise CommandError(f"no detector pages in {pages} (they come with the repository's tests/ folder)")
        names = tuple(options["only"] or DETECTORS)
        overrides = {"REGISTRADURIA_DRIVER": options["driver"]} if options["driver"] else {}
        with override_settings(**overrides):
            reports = [profile_report.profile_report(pages, names)]
        if options["plain"]:
            reports.append(profile_report.plain_report(pages, names))
        if options["json"]:
            self.stdout.write(json.dumps([_as_dict(report) for report in reports], ensure_ascii=False, indent=2))
            return
        for report in reports:
            self._print(report)
        if len(reports) == 2 and pages is not None:
            self._compare(*reports)

    def _print(self, report: profile_report.ProfileReport) -> None:
        title = "The scraper's profile" if report.configuration == "profile" else "Plain Chromium (native switches)"
        self.stdout.write(f"== {title}, driver {report.driver} ==")
        for label, key in SITE_VIEW_LINES:
            value = report.site_view.get(key)
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            self.stdout.write(f"{label + ':':<30} {shown}")
        if report.site_view.get("error"):
            self.stdout.write(f"{'Site view error:':<30} {report.site_view['error']}")
        if not report.detectors:
            return
        self.stdout.write("")
        for result in report.detectors:
            self.stdout.write(_verdict_line(result))
            for check in result.failed_checks:
                severity = f" [{check.severity}]" if check.severity else ""
                self.stdout.write(f"    fail{severity}: {check.name}" + (f" ({check.detail})" if check.detail else ""))
        self.stdout.write(f"Total: {report.passed} pass / {report.failed} fail")
        self.stdout.write("")

    def _compare(self, profile: profile_report.ProfileReport, plain: profile_report.ProfileReport) -> None:
        self.stdout.write("== Side by side (pass / fail) ==")
        self.stdout.write(f"{'detector':<18} {'profile':>10} {'plain':>10}")
        for result in profile.detectors:
            other = plain.detector(result.detector)
            self.stdout.write(
                f"{result.detector:<18} {result.passed:>4} / {result.failed:<3} {other.passed:>4} / {other.failed:<3}"
            )
        self.stdout.write(
            f"{'total':<18} {profile.passed:>4} / {profile.failed:<3} {plain.passed:>4} / {plain.failed:<3}"
        )


def _verdict_line(result: DetectorResult) -> str:
    head = f"{result.detector} {result.version}: {result.passed} pass / {result.failed} fail"
    if result.error:
        return f"{head}; ERROR {result.error}"
    summary = result.summary
    if result.detector == "botd":
        return f"{head}; bot={summary.get('bot')} ({summary.get('bot_kind')})"
    if result.detector == "creepjs":
        return (
            f"{head}; lies {summary.get('lies')}, headless {summary.get('headless_percent')}%, "
            f"like headless {summary.get('like_headless_percent')}%, stealth {summary.get('stealth_percent')}%"
        )
    if result.detector.startswith("fpscanner"):
        high = [check.name for check in result.failed_checks if check.severity == "high"]
        return f"{head}; high-severity detections: {', '.join(high) or 'none'}"
    return head


def _as_dict(report: profile_report.ProfileReport) -> dict:
    return {
        "configuration": report.configuration,
        "driver": report.driver,
        "site_view": report.site_view,
        "passed": report.passed,
        "failed": report.failed,
        "detectors": [asdict(result) for result in report.detectors],
    }
