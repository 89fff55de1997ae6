"""A Django-Q2 task for test_worker_resources.py: one real lookup, then what the worker holds.

It runs inside a real `qcluster` worker (the cluster imports it by dotted path from the repository
root), so what it reads from /proc is the worker's own memory and its own browser processes: the
Playwright driver below the worker, and the Chromium processes below the driver.
"""

import os
import re
from pathlib import Path

from django.conf import settings

from tests.processes import descendants

TYPE_SWITCH = re.compile(r"--type=(\S+)")


def rss_kb(pid: int) -> int | None:
    """Resident memory of `pid` in kB; None once it is gone (a zombie holds none: 0)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [arg.decode(errors="replace") for arg in raw.split(b"\0") if arg]


def lookup_and_measure(cedula: str) -> dict:
    """Look `cedula` up with the real scraper; the outcome, and the worker's and its browser's memory."""
    from verification.registraduria import lookup
    from verification.registraduria.browser import HOST

    result = lookup(cedula, deadline_s=30)
    worker = os.getpid()
    chromium_dir = os.path.dirname(settings.CHROMIUM_EXECUTABLE)
    chromium: dict[int, int] = {}
    others: dict[int, int] = {}  # the Playwright driver (node)
    kinds: dict[str, int] = {}  # Chromium processes by their --type= (the browser process has none)
    for pid in descendants(worker):
        rss, argv = rss_kb(pid), cmdline(pid)
        if rss is None or not argv:
            continue
        if argv[0].startswith(chromium_dir + "/"):
            chromium[pid] = rss
            # Chromium rewrites its helpers' command lines into one string: search it, don't split it.
            kind = match.group(1) if (match := TYPE_SWITCH.search(" ".join(argv))) else "browser"
            kinds[kind] = kinds.get(kind, 0) + 1
        else:
            others[pid] = rss
    # Chromium's browser process is the driver's child; its helpers (zygotes, renderers…) are its own.
    browsers = [pid for pid in chromium if ppid(pid) in others]
    return {
        "cedula": cedula,
        "outcome": result.outcome,
        "reason": result.reason,
        "site": result.site,
        "pid": worker,
        "lookups": HOST.lookups,
        "launches": HOST.launches,
        "rss_kb": rss_kb(worker),
        "chromium_rss_kb": sum(chromium.values()),
        "driver_rss_kb": sum(others.values()),
        "chromium_pids": sorted(chromium),
        "browser_pids": sorted(browsers),
        "chromium_kinds": kinds,
        "driver_pids": sorted(others),
    }
