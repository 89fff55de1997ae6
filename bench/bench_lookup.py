"""Lookup benchmark: the scraper's cost per lookup on a warm browser, as a ratio to a bare Playwright
script doing the same page steps, and the lookups per minute it achieves against its own rate limit.

    .venv/bin/python bench/bench_lookup.py [--lookups 30] [--interval 2.0] [--backlog 20] [--workers 2]
    .venv/bin/python bench/bench_lookup.py --browsers-per-site 2     # override that setting for part 2

Everything runs against an in-process Registraduría simulator on 127.0.0.1 (its wsp front and its
2Captcha-compatible solver, which answers at once), with a throw-away SQLite database (WAL) in a
temp folder, because the politeness gate keeps its turns in the ORM.

1. warm lookup: `verification.registraduria.scraper.lookup(cedula)` with REGISTRADURIA_FRONTS=["wsp"]
   and a min interval of 0, against a bare script in the same run: the same Debian Chromium with the
   same launch switches (`browser.launch_args()`), and per lookup a plain new context, goto, a solve
   by plain in.php/res.php calls, fill #nuip, the token into #g-recaptcha-response, click #enviar,
   read the POST's body, close. Both are warmed, then alternate for `lookups` rounds each (each in
   its own browser thread, as the scraper's host does); mean, p50 and p95, and the ratio
   scraper/bare: what the gate's DB round-trips, the profile (stealth, client hints) and the
   classification cost. Two breakdown rows time the gate alone and the context + page setup alone.
2. rate: REGISTRADURIA_MIN_INTERVAL_SECONDS = `interval`; a backlog of `backlog` lookups is fed by
   one thread per worker to `workers` worker processes (this script with `--worker`: one browser per
   process, so the workers are processes; each has its own DB connection to the same SQLite file
   and drives the same simulator). Measured on the simulator's side, from its page-load times on
   wsp: (n - 1) / (last - first) * 60 lookups per minute, as a share of the limit 60 / interval.
   Goal: at least 95%. Also printed: the smallest and largest gap between page loads (the gate
   spaces lookup starts; each page load follows its start by the context and page setup, so the
   gaps jitter around the interval), and how the backlog split between the workers.
3. not-found confirmation: wsp then consultacenso enabled, `confirm` not-found and `confirm` active
   lookups; the submissions the simulator saw per final not-found and per active answer (a not-found
   is asked again on the second front before it is final: REGISTRADURIA_CONFIRM_NOT_FOUND).
The load shares the machine's cores with the simulator and the browsers: compare ratios, not ms.
Exit status 1 when a lookup did not come back `active` or the rate missed its goal.
"""

import argparse
import itertools
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
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
# Numbers the simulator has no scenario for, ending in 0: every front answers "active".
FIRST_CEDULA = 1_050_000_000
WARM_ROUNDS = 3
RATE_GOAL = 0.95
WORKER_START_SECONDS = 90


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


def worker() -> int:
    """`--worker`: one lookup per cédula read from stdin, one JSON line per answer on stdout."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything else printed (Django, Chromium) goes to the worker's log, not the protocol
    import django

    django.setup()
    from django.db import connection

    from verification.registraduria.browser import HOST, new_page
    from verification.registraduria.scraper import lookup

    try:
        HOST.run(new_page, timeout=60)  # launch Chromium and read its client hints: no site visit, no turn
        protocol.write("ready\n")
        for line in sys.stdin:
            started = time.perf_counter()
            result = lookup(line.strip())
            ms = (time.perf_counter() - started) * 1000
            protocol.write(json.dumps({"outcome": result.outcome, "reason": result.reason, "ms": ms}) + "\n")
    finally:
        HOST.shutdown()
        connection.close()
    return 0


def _log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def measure_rate(
    sim, env: dict[str, str], workdir: Path, *, interval: float, backlog: int, workers: int, browsers: int | None
) -> dict:
    env = {**env, "REGISTRADURIA_MIN_INTERVAL_SECONDS": str(interval)}
    if browsers is not None:
        env["REGISTRADURIA_BROWSERS_PER_SITE"] = str(browsers)
    procs: list[subprocess.Popen] = []
    logs = []
    try:
        for k in range(workers):
            log_path = workdir / f"worker-{k}.log"
            logs.append(log_path)
            with open(log_path, "wb") as log:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, str(Path(__file__).resolve()), "--worker"],
                        cwd=REPO,
                        env=env,
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        stderr=log,
                        text=True,
                        bufsize=1,
                    )
                )
        ready = [False] * workers

        def wait_ready(k: int) -> None:
            stdout = procs[k].stdout
            assert stdout is not None  # a pipe
            ready[k] = stdout.readline().strip() == "ready"

        waiters = [threading.Thread(target=wait_ready, args=(k,), daemon=True) for k in range(workers)]
        for waiter in waiters:
            waiter.start()
        for waiter in waiters:
            waiter.join(timeout=WORKER_START_SECONDS)
        for k, ok in enumerate(ready):
            if not ok:
                raise RuntimeError(f"worker {k} did not start:\n{_log_tail(logs[k])}")

        sim.reset()  # count only the backlog's page loads
        todo: queue.Queue[str] = queue.Queue()
        for cedula in cedulas(10_000, backlog):
            todo.put(cedula)
        answers: list[dict] = []
        lock = threading.Lock()

        def feed(k: int) -> None:
            proc = procs[k]
            assert proc.stdin is not None and proc.stdout is not None  # both are pipes
            while True:
                try:
                    cedula = todo.get_nowait()
                except queue.Empty:
                    return
                proc.stdin.write(cedula + "\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
                answer = json.loads(line) if line else {"outcome": "worker_died", "reason": "", "ms": 0}
                with lock:
                    answers.append({**answer, "worker": k})
                if not line:
                    return

        started = time.monotonic()
        feeders = [threading.Thread(target=feed, args=(k,)) for k in range(workers)]
        for feeder in feeders:
            feeder.start()
        for feeder in feeders:
            feeder.join()
        wall = time.monotonic() - started
        state = sim.state()
    finally:
        for proc in procs:
            if proc.stdin and not proc.stdin.closed:
                proc.stdin.close()  # end of input: the worker closes its browser and exits
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
            if proc.stdout:
                proc.stdout.close()

    pages = sorted(state["pages"]["wsp"])
    gaps = [b - a for a, b in itertools.pairwise(pages)]
    per_minute = (len(pages) - 1) / (pages[-1] - pages[0]) * 60 if len(pages) > 1 else float("nan")
    limit = 60 / interval
    return {
        "interval": interval,
        "backlog": backlog,
        "workers": workers,
        "wall_s": wall,
        "pages": len(pages),
        "posts": len(state["lookups"]["wsp"]),
        "failures": sum(a["outcome"] != "active" for a in answers) + (backlog - len(answers)),
        "lookup_ms": summary([a["ms"] for a in answers]) if answers else None,
        "max_lookup_ms": max((a["ms"] for a in answers), default=float("nan")),
        "per_worker": [sum(a["worker"] == k for a in answers) for k in range(workers)],
        "min_gap_s": min(gaps) if gaps else float("nan"),
        "max_gap_s": max(gaps) if gaps else float("nan"),
        "per_minute": per_minute,
        "limit_per_minute": limit,
        "share": per_minute / limit,
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


def report(warm: dict, rate: dict, confirmation: dict) -> None:
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
    print(
        f"2. rate: {rate['backlog']} lookups queued, {rate['workers']} worker processes, "
        f"min interval {rate['interval']:g} s, {rate['browsers_per_site']} browser(s) per site"
    )
    ms = rate["lookup_ms"]
    print(
        f"   page loads {rate['pages']}, submissions {rate['posts']}, failed lookups {rate['failures']}, "
        f"wall {rate['wall_s']:.1f} s"
    )
    print(f"   gap between page loads: min {rate['min_gap_s']:.3f} s, max {rate['max_gap_s']:.3f} s")
    if ms:
        print(
            f"   lookup() incl. the wait for its turn: p50 {ms['p50_ms']:.0f} ms, p95 {ms['p95_ms']:.0f} ms,"
            f" max {rate['max_lookup_ms']:.0f} ms; lookups per worker: {rate['per_worker']}"
        )
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
    print(
        f"rate: {rate['per_minute']:.1f} lookups/min of a {rate['limit_per_minute']:g}/min limit"
        f" ({rate['share']:.0%}; goal: at least {RATE_GOAL:.0%})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lookups", type=int, default=30, help="measured rounds of each side (default 30)")
    parser.add_argument("--interval", type=float, default=2.0, help="REGISTRADURIA_MIN_INTERVAL_SECONDS (default 2)")
    parser.add_argument("--backlog", type=int, default=20, help="lookups queued for the rate phase (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the rate phase (default 2)")
    parser.add_argument(
        "--browsers-per-site",
        type=int,
        default=None,
        help="REGISTRADURIA_BROWSERS_PER_SITE for the rate phase (default: as configured)",
    )
    parser.add_argument("--confirm", type=int, default=5, help="lookups of each kind for part 3 (default 5)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker()
    if not 0.1 <= args.interval <= 60:
        parser.error("--interval must be between 0.1 and 60 seconds")
    rounds = max(2, min(args.lookups, 500))
    backlog = max(2, min(args.backlog, 500))
    workers = max(1, min(args.workers, 8))

    from devtools.registraduria_simulator import Simulator

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
        rate = measure_rate(
            sim, env, workdir, interval=args.interval, backlog=backlog, workers=workers, browsers=browsers
        )
        rate["browsers_per_site"] = browsers or settings.REGISTRADURIA_BROWSERS_PER_SITE
    finally:
        sim.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    report(warm, rate, confirmation)
    wrong = (
        confirmation["not_found"]["final"] != confirmation["count"]
        or confirmation["active"]["final"] != confirmation["count"]
    )
    failed = warm["failures"] or rate["failures"] or rate["share"] < RATE_GOAL or wrong
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
