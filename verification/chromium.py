"""How we launch Debian's Chromium through Playwright (shared by the scraper and the browser tests).

`playwright install` cannot download browsers on our machines, so Playwright drives the Debian
package's real binary (not the /usr/bin/chromium wrapper, which adds its own flags).
"""

from django.conf import settings

# Without the background-networking switches Chromium keeps dialling Google hosts that a closed
# network refuses, slowing every start.
BASE_LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def chromium_executable() -> str:
    return settings.CHROMIUM_EXECUTABLE
