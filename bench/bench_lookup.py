"""Lookup benchmark: the scraper's cost per lookup on a warm browser, as a ratio to a bare Playwright
script doing the same page steps; the lookups per minute the product achieves against the site's
limit with a captcha service as slow as the real one; what that costs in solves.

    .venv/bin/python bench/bench_lookup.py --solve-seconds 20 --interval 5 --backlog 24
    .venv/bin/python bench/bench_lookup.py --solve-latency realistic --interval 5 --backlog 24
    .venv/bin/python bench/bench_lookup.py --solve-seconds 20 --interval 5 --backlog 24 --egress 3
    .venv/bin/python bench/bench_lookup.py [--lookups 30] [--workers N] [--browsers-per-site N] [--confirm 5]

Everything runs against an in-process Registraduría simulator on 127.0.0.1 (its fronts and its
2Captcha-compatible solver), with a throw-away SQLite database (WAL) in a temp folder.

1. warm lookup (the solver answers at once here: this part times the browser work):
   `verification.registraduria.scraper.lookup(cedula)` with REGISTRADURIA_FRONTS=["wsp"]
   and a min interval of 0, against a bare script in the same run: the same Debian Chromium with the
   same launch switches (`browser.launch_args()`), and per lookup a plain new context, goto, a solve
   by plain in.php/res.php calls, fill #nuip, the token into #g-recaptcha-response, click #enviar,
   read the POST's body, close. Both are warmed, then alternate for `lookups` rounds each (each in
   its own browser thread, as the scraper's host does); mean, p50 and p95, and the ratio
   scraper/bare: what the gate's DB round-trips, the profile (client hints, locale) and the
   classification cost. Two breakdown rows time the gate alone and the context + page setup alone.
2. rate, the real topology: the product's processes as the Procfile runs them (the default qcluster,
   the lookups qcluster, the relay, the captcha pipeline), default settings but
   REGISTRADURIA_MIN_INTERVAL_SECONDS = `interval`; `backlog` people registered at once (through
   `user_register`); the simulator's solver takes `--solve-seconds` (default 20) per solve, or draws
   each from `--solve-latency realistic` (median 20 s, p90 40 s, max 150 s, 3% unsolvable). Measured
   on the simulator's side, from its page-load times on wsp: (n - 1) / (last - first) * 60 lookups
   per minute, as a share of the limit 60 / interval. Goals: at least 95% (90% realistic), at most
   1.05 paid solves (tokens used or wasted; the service charges no unsolvable one) per completed
   lookup, at most 2 Chromium browsers at once.
   Also printed: the gaps between page loads, tokens used / wasted / failed, the delivered solve
   latencies, and the Chromium processes' peak resident memory. The simulator enforces the site's
   limit per client address (a lookup sooner than `interval` after that address's previous one is
   answered 429); the refusals are printed (the goal is none).
   With `--egress N` (N > 1), part 2 runs twice in the same run: through one egress, then through N
   (REGISTRADURIA_EGRESS), each a forward proxy on loopback (`devtools.egress_proxy`) going out from
   its own address (127.0.0.2, 127.0.0.3, …), with N times the backlog. Goal: the N-egress rate at
   least 2.8/3 * N times the one-egress rate (2.8x for 3), and each run at its own rate goal.
3. not-found confirmation: wsp then consultacenso enabled, `confirm` not-found and `confirm` active
   lookups; the submissions the simulator saw per final not-found and per active answer (a not-found
   is asked again on the second front before it is final: REGISTRADURIA_CONFIRM_NOT_FOUND).
The load shares the machine's cores with the simulator and the browsers: compare ratios, not ms.
Exit status 1 when a lookup did not come back right or a goal was missed.
"""

import argparse
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SOLVER_KEY = "clave-de-benchmark"
BENCH_PASSWORD = "clave-larga-2026"  # noqa: S105 - throw-away people in a throw-away database
# Numbers the simulator has no scenario for, ending in 0: every front answers "active".
FIRST_CEDULA = 1_050_000_000
WARM_ROUNDS = 3
RATE_GOAL = 0.95
# With the realistic solver (tails to 150 s, 3% unsolvable).
REALISTIC_RATE_GOAL = 0.90
SOLVES_GOAL = 1.05
CHROMIUM_GOAL = 2
# --egress N: the N-egress rate at least this times N the one-egress rate (2.8x for 3).
EGRESS_SCALE_PER_EGRESS = 2.8 / 3


def cedulas(first: int, count: int) -> list[str]:
    return [str(FIRST_CEDULA + (first + n) * 10) for n in range(count)]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "mean_ms": sum(values) / len(values),
        "p50_ms": percentile(values, 50),
        "p95_ms": percentile(values, 95),
    }


def bench_env(sim, workdir: Path, *, interval: float) -> dict[str, str]:
    """The product's settings, pointed at the simulator's wsp front and solver only."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "REGISTRADURIA_SIMULATOR"):
        env.pop(name, None)  # always its own throw-away SQLite database and this run's simulator
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="false",
        LOG_LEVEL="WARNING",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        RELAY_WAKE_ON_COMMIT="false",
        REGISTRADURIA_FRONTS="wsp",
        REGISTRADURIA_WSP_URL=sim.wsp_url,
        REGISTRADURIA_MIN_INTERVAL_SECONDS=str(interval),
        CAPTCHA_PROVIDER="2captcha",
        CAPTCHA_SERVER=sim.solver_server,
        CAPTCHA_CA_BUNDLE=sim.ca_path,
        CAPTCHA_API_KEY=SOLVER_KEY,
        CAPTCHA_POLL_SECONDS="1",
    )
    return env


# --- 1. warm lookup ------------------------------------------------------------------------------


class BareBrowser:
    """The baseline: the same Chromium and switches, driven by plain Playwright in a thread of its own
    (as the scraper's host does), with none of the scraper's gate, profile or classification."""

    def __init__(self, *, executable: str, args: list[str], wsp_url: str, solver_server: str, ca_path: str):
        import requests

        self.args = args
        self.executable = executable
        self.wsp_url = wsp_url
        self.solver = f"https://{solver_server}"
        self.ca_path = ca_path
        self.http = requests.Session()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bare-chromium")
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        self.executor.submit(self._start).result(timeout=60)

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=self.executable, headless=True, args=self.args)

    def _solve(self, sitekey: str, page_url: str) -> str:
        submitted = self.http.post(
            f"{self.solver}/in.php",
            data={"key": SOLVER_KEY, "method": "userrecaptcha", "googlekey": sitekey, "pageurl": page_url},
            timeout=15,
            verify=self.ca_path,
        ).text
        status, _, job = submitted.partition("|")
        if status != "OK":
            raise RuntimeError(f"solver refused: {submitted[:80]}")
        while True:
            answer = self.http.get(
                f"{self.solver}/res.php",
                params={"key": SOLVER_KEY, "action": "get", "id": job},
                timeout=15,
                verify=self.ca_path,
            ).text
            if answer != "CAPCHA_NOT_READY":
                break
            time.sleep(0.1)
        status, _, token = answer.partition("|")
        if status != "OK":
            raise RuntimeError(f"solver failed: {answer[:80]}")
        return token

    def _lookup(self, cedula: str) -> bool:
        assert self.browser is not None  # launched by __init__, until close()
        context = self.browser.new_context()
        try:
            page = context.new_page()
            page.goto(self.wsp_url, wait_until="domcontentloaded")
            sitekey = page.get_attribute("div.g-recaptcha", "data-sitekey")
            assert sitekey is not None  # the front's page always names its sitekey
            token = self._solve(sitekey, page.url)
            page.fill("#nuip", cedula)
            page.wait_for_selector("#g-recaptcha-response", state="attached")
            page.eval_on_selector("#g-recaptcha-response", "(el, token) => { el.value = token; }", token)
            path = urlsplit(self.wsp_url).path
            with page.expect_response(lambda r: r.request.method == "POST" and urlsplit(r.url).path == path) as reply:
                page.click("#enviar")
            body = json.loads(reply.value.text())
            return body.get("success") is True and "<table" in body["data"]["message"]
        finally:
            context.close()

    def lookup(self, cedula: str) -> bool:
        return self.executor.submit(self._lookup, cedula).result(timeout=60)

    def _setup(self) -> None:
        assert self.browser is not None  # launched by __init__, until close()
        context = self.browser.new_context()
        try:
            context.new_page()
        finally:
            context.close()

    def setup(self) -> None:
        self.executor.submit(self._setup).result(timeout=60)

    def _stop(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        if self.playwright is not None:
            self.playwright.stop()
            self.playwright = None

    def close(self) -> None:
        try:
            self.executor.submit(self._stop).result(timeout=30)
        finally:
            self.executor.shutdown(wait=True)
            self.http.close()


def measure_warm(sim, *, rounds: int) -> dict:
    from django.conf import settings

    from verification.registraduria import politeness
    from verification.registraduria.browser import HOST, launch_args, new_page
    from verification.registraduria.scraper import lookup

    # "Warm" means one browser for the whole phase: no recycling in the middle of the samples.
    settings.REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS = 1_000_000
    failures = {"scraper": 0, "bare": 0}

    def scraper(cedula: str) -> None:
        result = lookup(cedula)
        failures["scraper"] += result.outcome != "active"

    def gate(cedula: str) -> None:
        turn = politeness.site_turn_acquire(site="wsp", deadline=time.monotonic() + 30)
        assert isinstance(turn, politeness.Turn), turn
        politeness.site_turn_release(turn=turn, outcome="active", reason="ok")

    def profile_setup(cedula: str) -> None:
        HOST.run(new_page, timeout=60)

    bare = BareBrowser(
        executable=settings.CHROMIUM_EXECUTABLE,
        args=launch_args(),
        wsp_url=sim.wsp_url,
        solver_server=sim.solver_server,
        ca_path=sim.ca_path,
    )
    try:

        def bare_lookup(cedula: str) -> None:
            failures["bare"] += not bare.lookup(cedula)

        def bare_setup(cedula: str) -> None:
            bare.setup()

        ops = [
            ("scraper", scraper),
            ("bare", bare_lookup),
            ("gate", gate),
            ("profile_setup", profile_setup),
            ("bare_setup", bare_setup),
        ]
        samples: dict[str, list[float]] = {name: [] for name, _ in ops}
        numbers = cedulas(0, WARM_ROUNDS + rounds)
        for n, cedula in enumerate(numbers):
            # Alternate the order every round, so neither side always follows the other.
            for name, op in ops if n % 2 == 0 else reversed(ops):
                started = time.perf_counter()
                op(cedula)
                elapsed = (time.perf_counter() - started) * 1000
                if n >= WARM_ROUNDS:
                    samples[name].append(elapsed)
    finally:
        bare.close()
        HOST.shutdown()
    stats = {name: summary(values) for name, values in samples.items()}
    return {
        "rounds": rounds,
        "stats": stats,
        "ratio_mean": stats["scraper"]["mean_ms"] / stats["bare"]["mean_ms"],
        "ratio_p50": stats["scraper"]["p50_ms"] / stats["bare"]["p50_ms"],
        "failures": failures["scraper"] + failures["bare"],
        "launches": HOST.launches,
    }


# --- 2. rate against the limit -------------------------------------------------------------------


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _chromium_sample(root_pids: list[int]) -> tuple[int, int]:
    """(browsers, resident MiB of every Chromium process) among the descendants of `root_pids`."""
    browsers, rss_kib = 0, 0
    for pid in set().union(*(_descendants(p) for p in root_pids)):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        # The browser's own processes (Debian's binary is `chromium`; crashpad and the driver are not).
        if not cmdline or Path(cmdline[0].decode(errors="replace")).name not in ("chromium", "chrome"):
            continue
        browsers += not any(arg.startswith(b"--type=") for arg in cmdline)
        rss_kib += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return browsers, rss_kib // 1024


def _log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def _start(cmd: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen:
    with open(log_path, "wb") as log:
        return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


class EgressProxy:
    """`python -m devtools.egress_proxy` in a process of its own (the simulator's timestamps, in this
    process, must not wait behind the proxies' threads), going out from `source`."""

    def __init__(self, *, source: str):
        self.source = source
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, workdir: Path) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        command = [sys.executable, "-m", "devtools.egress_proxy", "--source", self.source, "--port", str(self.port)]
        self.proc = _start(command, dict(os.environ), workdir / f"proxy-{self.source}.log")
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the proxy from {self.source} did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is not None:
            _stop([self.proc])


def measure_rate(
    sim,
    env: dict[str, str],
    workdir: Path,
    *,
    interval: float,
    backlog: int,
    workers: int | None,
    browsers: int | None,
    solve_mode: dict,
    egress: list[str] | None = None,
) -> dict:
    """The product's own processes as the Procfile runs them (both qclusters, the relay, the captcha
    pipeline), the simulator's solver as slow as configured, `backlog` people registered at once."""
    from django.db import connection

    from accounts.services import user_register
    from verification.models import CaptchaSolve, CedulaInfo
    from verification.states import CedulaStatus

    env = {**env, "REGISTRADURIA_MIN_INTERVAL_SECONDS": str(interval), "RELAY_WAKE_ON_COMMIT": "true"}
    env.pop("CAPTCHA_POLL_SECONDS", None)  # the product's default polling of the service
    if browsers is not None:
        env["REGISTRADURIA_BROWSERS_PER_SITE"] = str(browsers)
    if workers is not None:
        env["Q_LOOKUP_WORKERS"] = str(workers)
    if egress:
        env["REGISTRADURIA_EGRESS"] = ",".join(egress)
    python = sys.executable
    commands = {
        "worker": [python, "manage.py", "qcluster"],
        "lookups": [python, "manage.py", "qcluster"],
        "relay": [python, "manage.py", "relay"],
        "captcha": [python, "manage.py", "captcha_pipeline"],
    }
    procs: dict[str, subprocess.Popen] = {}
    final = (CedulaStatus.ACTIVE, CedulaStatus.CANCELLED, CedulaStatus.NOT_FOUND)
    samples: list[tuple[int, int]] = []
    try:
        for name, cmd in commands.items():
            proc_env = {**env, "Q_CLUSTER_NAME": "lookups"} if name == "lookups" else env
            procs[name] = _start(cmd, proc_env, workdir / f"{name}.log")
        CaptchaSolve.objects.all().delete()  # parts 1 and 3 solved for themselves: count this part alone
        sim.reset()
        # The site's own limit, per client address: a lookup that comes too soon is answered 429.
        sim.set_mode(**solve_mode, client_interval_seconds=interval)
        numbers = cedulas(10_000 + 1000 * len(egress or []), backlog)
        # This run's records only (a run before it, the one-egress baseline, left its own).
        records = CedulaInfo.objects.filter(user__cedula__in=numbers)
        started = time.monotonic()
        for n, cedula in enumerate(numbers):
            user_register(
                cedula=cedula,
                nombres="Ana",
                apellidos="Banco",
                email=f"b{n}@example.org",
                password=BENCH_PASSWORD,
                email_vouched_by="staff:bench",  # confirmed at once, as staff registering someone in person
            )
        deadline = started + 60 + backlog * (interval + 1) * 3 + 300
        while True:
            done = records.exclude(status=CedulaStatus.PENDING).count()
            if done >= backlog:
                break
            for name, proc in procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited:\n{_log_tail(workdir / f'{name}.log')}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {done} of {backlog} lookups finished:\n{_log_tail(workdir / 'lookups.log')}")
            samples.append(_chromium_sample([p.pid for p in procs.values()]))
            time.sleep(1.0)
        wall = time.monotonic() - started
        state = sim.state()
        statuses = list(records.values_list("status", "reason"))
        solves = dict.fromkeys(("used", "wasted", "failed", "ready", "solving"), 0)
        for status in CaptchaSolve.objects.values_list("status", flat=True):
            solves[status] = solves.get(status, 0) + 1
        connection.close()
    finally:
        _stop(list(procs.values()))

    pages = sorted(state["pages"]["wsp"])
    gaps = [b - a for a, b in itertools.pairwise(pages)]
    per_minute = (len(pages) - 1) / (pages[-1] - pages[0]) * 60 if len(pages) > 1 else float("nan")
    limit = 60 / interval * max(1, len(egress or []))
    clients = {}
    for client, seen in sorted(state["clients"].items()):
        client_pages = sorted(t for t, front in seen["pages"] if front == "wsp")
        client_gaps = [b - a for a, b in itertools.pairwise(client_pages)]
        clients[client] = {
            "pages": len(client_pages),
            "refused": seen["refused"],
            "min_gap_s": min(client_gaps) if client_gaps else float("nan"),
        }
    completed = sum(status in final for status, _ in statuses)
    jobs = state["solver_jobs"]
    latencies = sorted(jobs["latencies"])
    return {
        "interval": interval,
        "backlog": backlog,
        "workers": workers,
        "wall_s": wall,
        "pages": len(pages),
        "posts": len(state["lookups"]["wsp"]),
        "completed": completed,
        "failures": backlog - completed,
        "failure_reasons": sorted({reason for status, reason in statuses if status not in final}),
        "solves_submitted": jobs["submitted"],
        "solves_unsolvable": jobs["unsolvable"],
        # What the service charges for (2Captcha bills no unsolvable captcha): used + wasted tokens.
        "paid_per_completed": (solves["used"] + solves["wasted"]) / completed if completed else float("inf"),
        "solves_per_completed": jobs["submitted"] / completed if completed else float("inf"),
        "solve_p50_s": percentile(latencies, 50) if latencies else float("nan"),
        "solve_p90_s": percentile(latencies, 90) if latencies else float("nan"),
        "solve_max_s": latencies[-1] if latencies else float("nan"),
        "tokens": solves,
        "chromium_max": max((b for b, _ in samples), default=0),
        "chromium_mib_max": max((m for _, m in samples), default=0),
        "min_gap_s": min(gaps) if gaps else float("nan"),
        "max_gap_s": max(gaps) if gaps else float("nan"),
        "per_minute": per_minute,
        "limit_per_minute": limit,
        "share": per_minute / limit,
        "egresses": max(1, len(egress or [])),
        "clients": clients,
        "refused": sum(c["refused"] for c in clients.values()),
    }


# --- 3. not-found confirmation ------------------------------------------------------------------


def measure_confirmation(sim, *, count: int) -> dict:
    from django.conf import settings

    from verification.registraduria.scraper import lookup

    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    settings.REGISTRADURIA_CONSULTACENSO_URL = sim.consultacenso_url
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    result: dict = {"count": count}
    for kind, last_digit in (("not_found", 3), ("active", 0)):
        before = {front: len(times) for front, times in sim.state()["lookups"].items()}
        outcomes = [lookup(str(FIRST_CEDULA + 7_000_000 + n * 10 + last_digit)) for n in range(count)]
        after = sim.state()["lookups"]
        submissions = sum(len(times) - before.get(front, 0) for front, times in after.items())
        final = [r for r in outcomes if r.outcome == kind]
        result[kind] = {
            "final": len(final),
            "submissions": submissions,
            "per_final": submissions / len(final) if final else float("inf"),
            "reasons": sorted({r.reason for r in outcomes}),
        }
    return result


# --- main ----------------------------------------------------------------------------------------


def _report_rate(rate: dict, title: str) -> None:
    print(
        f"{title}: {rate['backlog']} people registered at once; the product's processes (both qclusters, "
        f"relay, captcha pipeline), {rate['workers_label']} lookup workers, min interval {rate['interval']:g} s, "
        f"{rate['browsers_per_site']} browser(s) per site, {rate['egress_label']}; solver: {rate['solver_label']}"
    )
    print(
        f"   page loads {rate['pages']}, submissions {rate['posts']}, completed {rate['completed']}, "
        f"failed {rate['failures']} {rate['failure_reasons'] or ''}, wall {rate['wall_s']:.1f} s"
    )
    print(f"   gap between page loads: min {rate['min_gap_s']:.3f} s, max {rate['max_gap_s']:.3f} s")
    for client, seen in rate["clients"].items():
        print(
            f"   the site saw {client}: {seen['pages']} page loads, min gap {seen['min_gap_s']:.3f} s, "
            f"{seen['refused']} lookups refused for coming too soon"
        )
    tokens = rate["tokens"]
    print(
        f"   solves: {rate['solves_submitted']} submitted to the service ({rate['solves_unsolvable']} unsolvable, not"
        f" charged), {rate['solves_per_completed']:.3f} submitted and {rate['paid_per_completed']:.3f} paid per"
        f" completed lookup; tokens used {tokens['used']}, "
        f"wasted {tokens['wasted']}, failed {tokens['failed']}, left ready {tokens['ready']}"
    )
    print(
        f"   solve latency delivered: p50 {rate['solve_p50_s']:.1f} s, p90 {rate['solve_p90_s']:.1f} s, "
        f"max {rate['solve_max_s']:.1f} s; Chromium browsers at most {rate['chromium_max']} "
        f"({rate['chromium_mib_max']} MiB resident at most)"
    )


def _rate_line(rate: dict, label: str) -> str:
    return (
        f"{label}: {rate['per_minute']:.1f} lookups/min of a {rate['limit_per_minute']:g}/min limit"
        f" ({rate['share']:.0%}; goal: at least {rate['goal']:.0%}); {rate['paid_per_completed']:.3f} paid solves"
        f" per completed lookup (goal: at most {SOLVES_GOAL}); {rate['chromium_max']} Chromium (goal: at most"
        f" {CHROMIUM_GOAL}); {rate['refused']} refused by the site's per-address limit"
    )


def report(warm: dict, rates: list[dict], confirmation: dict) -> None:
    stats = warm["stats"]
    print(f"1. warm lookup: wsp only, min interval 0, solver answers at once; {warm['rounds']} rounds, alternating")
    print(f"   {'':32} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    rows = (
        ("scraper lookup()", "scraper"),
        ("bare Playwright", "bare"),
        ("  gate acquire + release", "gate"),
        ("  context + page, profile", "profile_setup"),
        ("  context + page, bare", "bare_setup"),
    )
    for label, name in rows:
        s = stats[name]
        print(f"   {label:32} {s['mean_ms']:8.1f} {s['p50_ms']:8.1f} {s['p95_ms']:8.1f}")
    print(f"   browser launches in the scraper's host: {warm['launches']}; failed lookups: {warm['failures']}")
    for n, rate in enumerate(rates):
        _report_rate(rate, "2. rate" if n == 0 else f"2{'b' if n == 1 else ''}. rate")
    print(f"3. not-found confirmation: wsp → consultacenso, {confirmation['count']} lookups of each kind")
    for kind in ("not_found", "active"):
        c = confirmation[kind]
        print(
            f"   {kind:9}: {c['final']} final, {c['submissions']} submissions to the site "
            f"→ {c['per_final']:.2f} lookups per final answer (reasons: {', '.join(c['reasons'])})"
        )
    print()
    print(
        f"warm lookup: scraper {stats['scraper']['mean_ms']:.0f} ms vs bare {stats['bare']['mean_ms']:.0f} ms"
        f" → ratio {warm['ratio_mean']:.2f} (p50 ratio {warm['ratio_p50']:.2f})"
    )
    for rate in rates:
        print(_rate_line(rate, "rate" if rate["egresses"] == 1 else f"rate, {rate['egresses']} egresses"))
    if len(rates) == 2:
        one, many = rates
        print(
            f"egress scaling: {many['per_minute'] / one['per_minute']:.2f}x the one-egress rate with"
            f" {many['egresses']} egresses (goal: at least {egress_goal(many['egresses']):.2f}x)"
        )


def egress_goal(egresses: int) -> float:
    """The N-egress rate over the one-egress rate: 2.8x for 3 egresses, in proportion for others."""
    return EGRESS_SCALE_PER_EGRESS * egresses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lookups", type=int, default=30, help="measured rounds of each side (default 30)")
    parser.add_argument("--interval", type=float, default=2.0, help="REGISTRADURIA_MIN_INTERVAL_SECONDS (default 2)")
    parser.add_argument("--backlog", type=int, default=20, help="lookups queued for the rate phase (default 20)")
    parser.add_argument(
        "--workers", type=int, default=None, help="Q_LOOKUP_WORKERS for the rate phase (default: as configured)"
    )
    parser.add_argument(
        "--browsers-per-site",
        type=int,
        default=None,
        help="REGISTRADURIA_BROWSERS_PER_SITE for the rate phase (default: as configured)",
    )
    parser.add_argument(
        "--solve-seconds", type=float, default=None, help="every solve takes this long in part 2 (default 20)"
    )
    parser.add_argument(
        "--solve-latency",
        choices=("fixed", "realistic"),
        default="fixed",
        help="realistic: median 20 s, p90 40 s, max 150 s, 3%% unsolvable (part 2)",
    )
    parser.add_argument(
        "--solve-seed", type=int, default=None, help="seed of the realistic latencies (default: the simulator's)"
    )
    parser.add_argument(
        "--egress",
        type=int,
        default=1,
        help="N > 1: part 2 through one, then N forward proxies on loopback, each its own address (default 1)",
    )
    parser.add_argument("--confirm", type=int, default=5, help="lookups of each kind for part 3 (default 5)")
    args = parser.parse_args()
    if not 0.1 <= args.interval <= 60:
        parser.error("--interval must be between 0.1 and 60 seconds")
    rounds = max(2, min(args.lookups, 500))
    backlog = max(2, min(args.backlog, 500))
    workers = None if args.workers is None else max(1, min(args.workers, 16))
    if not 1 <= args.egress <= 8:
        parser.error("--egress must be between 1 and 8")
    if args.solve_latency == "realistic":
        if args.solve_seconds is not None:
            parser.error("--solve-seconds is for the fixed latency")
        solve_mode: dict[str, object] = {"solve_latency": "realistic"}
        if args.solve_seed is not None:
            solve_mode["solve_seed"] = args.solve_seed
        solver_label = "realistic latency (median 20 s, p90 40 s, max 150 s, 3% unsolvable)"
    else:
        seconds = 20.0 if args.solve_seconds is None else args.solve_seconds
        if not 0 <= seconds <= 180:
            parser.error("--solve-seconds must be between 0 and 180")
        solve_mode = {"solve_latency": "fixed", "solve_seconds": seconds}
        solver_label = f"every solve {seconds:g} s"

    from devtools.registraduria_simulator import Simulator

    proxies = [EgressProxy(source=f"127.0.0.{2 + n}") for n in range(args.egress)] if args.egress > 1 else []
    workdir = Path(tempfile.mkdtemp(prefix="bench-lookup-"))
    sim = Simulator(
        port=0, solver_port=0, ca_path=workdir / "ca.pem", solver_key=SOLVER_KEY, solve_seconds=0.0
    )  # 127.0.0.1 only
    try:
        sim.start()
        env = bench_env(sim, workdir, interval=0)
        migrated = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"], cwd=REPO, env=env, capture_output=True, text=True
        )
        if migrated.returncode:
            raise SystemExit(f"migrate failed:\n{migrated.stderr[-3000:]}")
        os.environ.update(env)
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        warm = measure_warm(sim, rounds=rounds)
        confirmation = measure_confirmation(sim, count=max(1, min(args.confirm, 100)))
        settings.REGISTRADURIA_FRONTS = ["wsp"]
        connection.close()  # the workers are the only writers from here on
        browsers = None if args.browsers_per_site is None else max(1, min(args.browsers_per_site, 8))
        for proxy in proxies:
            proxy.start(workdir)
        # One egress (direct, or the first proxy when the run compares egress counts), then all N.
        pools = [[proxy.url for proxy in proxies[:1]], [proxy.url for proxy in proxies]] if proxies else [[]]
        rates = []
        for pool in pools:
            rate = measure_rate(
                sim,
                env,
                workdir,
                interval=args.interval,
                backlog=backlog * max(1, len(pool)),
                workers=workers,
                browsers=browsers,
                solve_mode=solve_mode,
                egress=pool,
            )
            rate["browsers_per_site"] = browsers or settings.REGISTRADURIA_BROWSERS_PER_SITE
            rate["workers_label"] = workers or f"{settings.Q_CLUSTER['ALT_CLUSTERS']['lookups']['workers']} (default)"
            rate["solver_label"] = solver_label
            rate["egress_label"] = (
                f"{len(pool)} egress(es): forward proxies from {', '.join(p.source for p in proxies[: len(pool)])}"
                if pool
                else "direct egress"
            )
            rate["goal"] = REALISTIC_RATE_GOAL if args.solve_latency == "realistic" else RATE_GOAL
            rates.append(rate)
    finally:
        for proxy in proxies:
            proxy.stop()
        sim.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    report(warm, rates, confirmation)
    wrong = (
        confirmation["not_found"]["final"] != confirmation["count"]
        or confirmation["active"]["final"] != confirmation["count"]
    )
    missed = [
        rate["failures"]
        or rate["share"] < rate["goal"]
        or rate["paid_per_completed"] > SOLVES_GOAL
        or rate["chromium_max"] > CHROMIUM_GOAL
        or rate["refused"]
        for rate in rates
    ]
    scaled = len(rates) < 2 or rates[1]["per_minute"] / rates[0]["per_minute"] >= egress_goal(rates[1]["egresses"])
    failed = warm["failures"] or any(missed) or not scaled or wrong
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
