"""Which Playwright drives Chromium: `REGISTRADURIA_DRIVER` is "patchright" or "playwright".

Both have the same synchronous API. Playwright enables the DevTools protocol's Runtime domain on every
page (that is how its `evaluate` finds the page's main world), and a page can see that: an `Error`
logged to the console gets its stack formatted for the attached client, so `Error.prepareStackTrace`
runs (fpscanner's `hasCDP`). patchright (a Playwright rebuilt to never send `Runtime.enable`) runs our
scripts in an isolated world instead, which shares the DOM, not the page's globals: the scraper reads
and writes the DOM only, so it runs unchanged on either.

patchright's patches live in its bundled driver, and releases have shipped that driver unpatched with
no error; `verify_hidden` checks, on every browser we launch with it, that a page really cannot see the
protocol, and refuses the browser otherwise.
"""

from types import ModuleType

import patchright.sync_api as _patchright
import playwright.sync_api as _playwright
from django.conf import settings

DRIVERS: dict[str, ModuleType] = {"playwright": _playwright, "patchright": _patchright}
# Each driver has its own exception classes; the scraper classifies both.
TIMEOUT_ERRORS: tuple[type[Exception], ...] = (_playwright.TimeoutError, _patchright.TimeoutError)
ERRORS: tuple[type[Exception], ...] = (_playwright.Error, _patchright.Error)


class DriverNotHidden(RuntimeError):
    """patchright is configured but the page sees the DevTools protocol: its driver is not patched."""


def name() -> str:
    return settings.REGISTRADURIA_DRIVER


def sync_api(driver: str | None = None) -> ModuleType:
    return DRIVERS[driver or name()]


# A page that reports whether a client of the DevTools protocol formats what it logs (Runtime enabled).
CDP_PROBE_URL = "https://cdp-probe.invalid/"
CDP_PROBE_PAGE = """<!doctype html><title>.</title><output id="cdp"></output><script>
let seen = false; const original = Error.prepareStackTrace;
Error.prepareStackTrace = function () { seen = true; return original; };
console.log(new Error(""));
Error.prepareStackTrace = original;
document.getElementById("cdp").textContent = String(seen);
</script>"""


def protocol_visible(page) -> bool:
    """Whether `page`'s own scripts can tell a DevTools client is attached (loads a page of ours that
    never leaves the browser)."""
    page.route(CDP_PROBE_URL, lambda route: route.fulfill(status=200, content_type="text/html", body=CDP_PROBE_PAGE))
    page.goto(CDP_PROBE_URL)
    return (page.text_content("#cdp") or "").strip() == "true"


def verify_hidden(browser) -> None:
    """With patchright, refuse a browser whose pages can see the protocol (an unpatched driver)."""
    if name() != "patchright":
        return
    context = browser.new_context()
    try:
        visible = protocol_visible(context.new_page())
    finally:
        context.close()
    if visible:
        raise DriverNotHidden(
            "REGISTRADURIA_DRIVER=patchright, but pages see the DevTools protocol (Runtime.enable): "
            "the installed patchright driver is not patched"
        )
