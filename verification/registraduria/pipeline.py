"""The captcha pipeline's process: keeps the solves the token pool needs in flight, in threads (a
solve is an I/O wait on the captcha service), apart from the lookups and their browsers.

One pipeline leads (its heartbeat row); others started on other machines stand by and take over
when the leader's heartbeat goes stale. Each tick: expire old tokens, plan (see `tokens`), start
what the plan says. A solve is polled up to the provider's own limit (CAPTCHA_TIMEOUT_SECONDS,
180 s by default), not thrown away early: a slow solve is still a paid one.
"""

import logging
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from types import FrameType

from django.conf import settings
from django.db import connection
from django.utils import timezone

from verification.lookup import holder_id
from verification.registraduria import tokens
from verification.registraduria.captcha import CaptchaSolver, CaptchaUnsolved, get_solver

logger = logging.getLogger(__name__)

TICK_SECONDS = 0.5


class CaptchaPipeline:
    def __init__(self, *, solver: CaptchaSolver | None = None, tick: float = TICK_SECONDS) -> None:
        self.solver = solver or get_solver()
        self.tick = tick
        self.holder = holder_id()
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=max(1, settings.CAPTCHA_MAX_IN_FLIGHT), thread_name_prefix="solve")
        self.started = 0
        self._leading = False
        self._polling: set[int] = set()  # solve ids this process polls the service for

    def install_signal_handlers(self) -> None:
        def stop(signum: int, frame: FrameType | None) -> None:
            self._stop.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> int:
        """Until stopped; returns how many solves it started."""
        if self.solver.name == "none":
            logger.warning("captcha pipeline: CAPTCHA_PROVIDER is none, nothing to solve")
        last_log = 0.0
        try:
            while not self._stop.is_set():
                try:
                    plan = self.tick_once()
                except Exception:
                    logger.exception("captcha pipeline tick failed")
                    plan = None
                    connection.close()
                if plan is not None and time.monotonic() - last_log > 30:
                    last_log = time.monotonic()
                    logger.info(
                        "captcha pipeline: %s waiting, %s ready, %s in flight, target %s (%.0f s, %.0f%% solved)",
                        plan.waiting,
                        plan.ready,
                        plan.in_flight,
                        plan.target,
                        plan.latency_s,
                        plan.success * 100,
                    )
                self._stop.wait(self.tick)
        finally:
            self._pool.shutdown(wait=False, cancel_futures=True)
            tokens.captcha_pipeline_resign(holder=self.holder)
        return self.started

    def tick_once(self) -> tokens.SolvePlan | None:
        # Off (CAPTCHA_PIPELINE false: lookups solve for themselves) or no solver: solving now would
        # pay for tokens no lookup takes.
        if not settings.CAPTCHA_PIPELINE or self.solver.name == "none":
            return None
        if not tokens.captcha_pipeline_heartbeat(holder=self.holder):
            self._leading = False
            return None
        if not self._leading:  # it leads from now on: fetch what a predecessor left at the service
            self._leading = True
            for adopted in tokens.captcha_solves_adopted(holder=self.holder):
                if adopted.solve_id not in self._polling:
                    self._polling.add(adopted.solve_id)
                    self._pool.submit(self._resume, adopted)
        tokens.captcha_tokens_expire()
        plan = tokens.captcha_pipeline_plan()
        if plan is None:
            return None
        for _ in range(plan.start):
            solve_id = tokens.captcha_solve_begin(plan, holder=self.holder)
            self._polling.add(solve_id)
            self._pool.submit(self._solve, solve_id, plan)
            self.started += 1
        return plan

    def _solve(self, solve_id: int, plan: tokens.SolvePlan) -> None:
        started = time.monotonic()
        token, reason = None, ""

        def submitted(job_id: str) -> None:
            tokens.captcha_solve_submitted(solve_id=solve_id, job_id=job_id)

        try:
            token = self.solver.solve(
                sitekey=plan.sitekey,
                page_url=plan.page_url,
                timeout=settings.CAPTCHA_TIMEOUT_SECONDS,
                on_submitted=submitted,
            )
        except CaptchaUnsolved as exc:
            reason = exc.reason
        except Exception:  # the solver classifies the service's replies; anything else is ours, still bounded
            logger.exception("captcha solve failed")
            reason = "captcha_service_error"
        self._finish(solve_id, token=token, reason=reason, seconds=time.monotonic() - started)

    def _resume(self, adopted: tokens.AdoptedSolve) -> None:
        """A predecessor's solve the service accepted: poll it for what is left of the provider's limit."""
        token, reason, solved_at = None, "", None
        left = settings.CAPTCHA_TIMEOUT_SECONDS - (timezone.now() - adopted.requested_at).total_seconds()
        try:
            token, at_once = self.solver.wait(adopted.job_id, timeout=left)
            # Solved before this process first looked: its lifetime may have begun at its request.
            solved_at = adopted.requested_at if at_once else None
        except CaptchaUnsolved as exc:
            reason = exc.reason
        except Exception:
            logger.exception("captcha solve failed")
            reason = "captcha_service_error"
        seconds = (timezone.now() - adopted.requested_at).total_seconds()
        self._finish(adopted.solve_id, token=token, reason=reason, seconds=seconds, solved_at=solved_at)

    def _finish(self, solve_id: int, **result) -> None:
        try:
            tokens.captcha_solve_finish(solve_id=solve_id, **result)
        finally:
            self._polling.discard(solve_id)
            connection.close()  # this thread's own connection
