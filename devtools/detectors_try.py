"""Run the public bot detectors (tests/verification/registraduria/detectors/) against a Chromium
launched with plain Playwright, and print what each one flagged.

    .venv/bin/python -m devtools.detectors_try          # a hand-made profile: real-looking UA, es-CO, Bogotá
    .venv/bin/python -m devtools.detectors_try --raw    # raw headless Chromium, no switches at all
    .venv/bin/python -m devtools.detectors_try --only creepjs --only botd --json

`--raw` shows that the pages can tell a raw headless Chromium apart (HeadlessChrome, webdriver).
No Django settings are needed; the browser is Debian's Chromium unless `--executable` says otherwise.
"""

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from verification.registraduria.detectors import DETECTORS, DetectorResult, run_detectors, serve

PAGES = Path(__file__).resolve().parent.parent / "tests" / "verification" / "registraduria" / "detectors"
CHROMIUM = "/usr/lib/chromium/chromium"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
PROFILE_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    f"--user-agent={USER_AGENT}",
    "--disable-blink-features=AutomationControlled",
    "--lang=es-CO",
]
PROFILE_CONTEXT: dict[str, Any] = {
    "locale": "es-CO",
    "timezone_id": "America/Bogota",
    "viewport": {"width": 1366, "height": 768},
}
SUMMARY_KEYS = {
    "botd": ("bot", "bot_kind"),
    "fpscanner": ("detected_high", "detected"),
    "creepjs": (
        "lies",
        "lie_names",
        "headless_percent",
        "headless_traits",
        "like_headless_percent",
        "like_headless_traits",
        "stealth_percent",
        "stealth_traits",
    ),
}


def _summary(result: DetectorResult) -> str:
    keys = SUMMARY_KEYS.get(result.detector)
    shown = {key: result.summary[key] for key in keys if key in result.summary} if keys else {}
    return json.dumps(shown, ensure_ascii=False) if shown else ""


def print_table(results: list[DetectorResult], seconds: float) -> None:
    print(f"{'detector':<16} {'version':<44} {'pass':>4} {'fail':>4}")
    for result in results:
        print(f"{result.detector:<16} {result.version[:44]:<44} {result.passed:>4} {result.failed:>4}")
        if result.error:
            print(f"    ERROR: {result.error}")
        for check in result.failed_checks:
            severity = f"[{check.severity}] " if check.severity else ""
            print(f"    x {severity}{check.name}: {check.detail[:110]}")
        summary = _summary(result)
        if summary:
            print(f"    summary: {summary}")
    print(f"{len(results)} detectors in {seconds:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", action="store_true", help="raw headless Chromium: no switches, no context options")
    parser.add_argument("--only", action="append", choices=DETECTORS, help="run only this detector (repeatable)")
    parser.add_argument("--json", action="store_true", help="also print every result as JSON")
    parser.add_argument("--executable", default=CHROMIUM)
    parser.add_argument("--timeout-ms", type=int, default=60_000)
    args = parser.parse_args(argv)

    names = tuple(args.only) if args.only else DETECTORS
    launch_args = [] if args.raw else PROFILE_ARGS
    context_options = {} if args.raw else PROFILE_CONTEXT
    with serve(PAGES) as base_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.executable, headless=True, args=launch_args)
        try:
            context = browser.new_context(**context_options)
            started = time.monotonic()
            results = run_detectors(context.new_page, base_url, names, timeout_ms=args.timeout_ms)
            seconds = time.monotonic() - started
        finally:
            browser.close()
    print(f"mode: {'raw headless Chromium' if args.raw else 'profile (UA, es-CO, America/Bogota, 1366x768)'}")
    print_table(results, seconds)
    if args.json:
        for result in results:
            print(json.dumps({**result.__dict__, "checks": [c.__dict__ for c in result.checks]}, ensure_ascii=False))
    return 1 if any(result.error for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
