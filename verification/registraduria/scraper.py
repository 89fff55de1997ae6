"""One census lookup: the fronts in their configured order, each behind the shared politeness gate.

`lookup(cedula, *, deadline_s)` never raises for the site's behaviour: every failure comes back
classified (`verification.lookup` documents the contract). A front that answers with a result ends
the lookup; one that is down, broken or blocks us hands over to the next. When none answers, a block
wins over an error (it tells support and the breaker more), and every attempt is in `evidence`.
"""

import logging
import re
import time
from dataclasses import replace

from django.conf import settings

from verification.lookup import FINAL_OUTCOMES, LookupResult
from verification.models import SiteGate
from verification.registraduria import drivers, fronts, politeness, tokens
from verification.registraduria.browser import HOST
from verification.registraduria.captcha import CaptchaSolver, CaptchaUnsolved, get_solver
from verification.registraduria.fronts import FRONTS, Attempt, Budget, PresolvedToken, unsolved

logger = logging.getLogger(__name__)

# Without a working captcha solver no front can answer: trying the next one would only repeat it
# (and pay for another solve). The solver is shared by every front.
STOP_REASONS = frozenset(
    {
        "captcha_unsolved",
        "captcha_timeout",
        "captcha_service_error",
        "captcha_service_unreachable",
        "captcha_unsolvable",
        "captcha_budget_exhausted",
    }
)
# What a lookup needs after its token is in hand (the turn, the page, the submission): it waits for
# a token from the pipeline no longer than its deadline minus this.
TOKEN_RESERVE_SECONDS = 15.0
# Less than this left of the deadline: don't start another front.
MIN_FRONT_SECONDS = 3.0
# Margin for the browser thread beyond the front's own budget (Playwright's timeouts end it first).
THREAD_MARGIN_SECONDS = 10.0


_DIGIT_RUNS = re.compile(r"\d{5,}")
# Chromium's errors for a proxy that is down, refuses the tunnel or wants other credentials: the
# egress failed, not the site (net/base/net_error_list.h).
_PROXY_ERRORS = re.compile(
    r"net::ERR_(PROXY_\w+|TUNNEL_CONNECTION_FAILED|SOCKS_\w+|NO_SUPPORTED_PROXIES|MANDATORY_PROXY_\w+)"
)


def _redacted(text: str) -> str:
    """The first line of a browser error, for the log, with every long number masked: a call log can
    quote what was typed, and a cédula must never reach a log line."""
    return _DIGIT_RUNS.sub("#####", text.strip().splitlines()[0] if text.strip() else "")[:200]


def _classify_exception(exc: BaseException, front: str) -> Attempt:
    if isinstance(exc, drivers.DriverNotHidden):
        logger.error("lookup on %s refused: %s", front, exc)
        return Attempt(result=LookupResult("error", reason="driver_not_hidden", site=front))
    if isinstance(exc, (*drivers.TIMEOUT_ERRORS, TimeoutError)):
        reason = "timeout"
    elif isinstance(exc, drivers.ERRORS):
        text = str(exc)
        if _PROXY_ERRORS.search(text):
            reason = politeness.EGRESS_REASON
        elif "net::ERR_" in text:
            reason = "connection_failed"
        elif "closed" in text or "crash" in text.lower():
            reason = "browser_crash"
        elif "signal timed out" in text or "TimeoutError" in text:
            reason = "timeout"
        else:
            reason = "browser_error"
    else:
        reason = "scraper_error"
    logger.warning("lookup on %s failed: %s (%s: %s)", front, reason, type(exc).__name__, _redacted(str(exc)))
    return Attempt(result=LookupResult("error", reason=reason, site=front))


def _run_front(name: str, *, cedula: str, budget: Budget, solver) -> Attempt:
    """One front's attempt (`budget.first_request_at` says when its first request went out)."""
    front = FRONTS[name]

    def drive(context):
        return front.run(context, cedula=cedula, solver=solver, budget=budget)

    try:
        proxy = budget.turn.proxy if budget.turn is not None else None
        return HOST.run(drive, timeout=budget.seconds() + THREAD_MARGIN_SECONDS, proxy=proxy)
    except Exception as exc:
        return _classify_exception(exc, name)


def _known_sitekey(name: str) -> str:
    return fronts.KNOWN_SITEKEYS.get(name) or (
        SiteGate.objects.filter(site=name).values_list("sitekey", flat=True).first() or ""
    )


def _token_for(name: str, *, solver: CaptchaSolver, deadline: float) -> tuple[PresolvedToken | None, float]:
    """The token this lookup submits on `name`, in hand before its turn: from the captcha pipeline's
    pool, or (no pipeline running) solved now, when the page's sitekey is known. Also the seconds an
    inline solve took (0: none made). Raises CaptchaUnsolved: the lookup ends without touching the site."""
    if solver.name == "none":
        return None, 0.0
    pooled = tokens.captcha_token_take(site=name, until=deadline - MIN_FRONT_SECONDS - TOKEN_RESERVE_SECONDS)
    if pooled is not None:
        return PresolvedToken(pooled.sitekey, pooled.token, pooled.solved_at, solve_id=pooled.solve_id), 0.0
    sitekey = _known_sitekey(name)
    if not sitekey:
        return None, 0.0  # the page will tell (solved inside the turn this once)
    if not tokens.inline_solve_allowed():
        raise CaptchaUnsolved("captcha_budget_exhausted")
    started = time.monotonic()
    url = FRONTS[name].url
    try:
        token = solver.solve(sitekey=sitekey, page_url=url, timeout=(deadline - time.monotonic()) / 2)
    except CaptchaUnsolved as exc:
        tokens.captcha_inline_solve_record(
            site=name, sitekey=sitekey, page_url=url, seconds=time.monotonic() - started, reason=exc.reason
        )
        raise
    return PresolvedToken(sitekey, token, time.monotonic()), time.monotonic() - started


def _book_captcha(name: str, budget: Budget, presolved: PresolvedToken | None, presolve_seconds: float) -> None:
    """After a front ran: what its page carried and what its tokens became (worker thread: ORM)."""
    if budget.seen_captcha:
        tokens.site_captcha_learn(site=name, sitekey=budget.seen_captcha[0], page_url=budget.seen_captcha[1])
    submitted = presolved is not None and budget.presolved is None
    if presolved is not None and presolved.solve_id is not None:
        tokens.captcha_token_settle(
            tokens.PoolToken(presolved.solve_id, presolved.sitekey, presolved.token, presolved.solved_at),
            submitted=submitted,
        )
    elif presolved is not None:
        tokens.captcha_inline_solve_record(
            site=name,
            sitekey=presolved.sitekey,
            page_url=FRONTS[name].url,
            seconds=presolve_seconds,
            reason="",
            submitted=submitted,
        )
    for sitekey, url, seconds, reason in budget.inline_solves:
        tokens.captcha_inline_solve_record(site=name, sitekey=sitekey, page_url=url, seconds=seconds, reason=reason)


def _unsolved(exc: CaptchaUnsolved, name: str) -> Attempt:
    attempt = unsolved(exc, name)
    if exc.reason == "captcha_budget_exhausted":  # nothing is lost: it is retried once the budget renews
        wait = tokens.budget_renews_in()
        return Attempt(result=replace(attempt.result, retry_after=wait), retry_after=wait)
    return attempt


def _refused(refusal: politeness.Refusal) -> Attempt:
    outcome = "blocked" if refusal.reason == "breaker_open" else "error"
    return Attempt(
        result=LookupResult(outcome, reason=refusal.reason, site=refusal.site, retry_after=refusal.retry_after),
        retry_after=refusal.retry_after,
    )


def _evidence(name: str, attempt: Attempt, ms: int) -> dict:
    return {
        "front": name,
        "status": attempt.http_status,
        "ms": ms,
        "outcome": attempt.result.outcome,
        "reason": attempt.result.reason,
    }


def _combine(attempts: list[tuple[str, Attempt]], evidence: list[dict]) -> LookupResult:
    if not attempts:
        return LookupResult("error", reason="deadline_exceeded", evidence=evidence)
    blocked = [(name, a) for name, a in attempts if a.result.outcome == "blocked"]
    name, chosen = blocked[0] if blocked else attempts[-1]
    retry_afters = [a.retry_after for _, a in attempts if a.retry_after]
    return replace(chosen.result, site=name, retry_after=max(retry_afters) if retry_afters else None, evidence=evidence)


class _Lookup:
    """One lookup's state: its deadline, its solver, and every front's attempt so far."""

    def __init__(self, cedula: str, deadline: float):
        self.cedula = cedula
        self.deadline = deadline
        self.solver = get_solver()
        self.attempts: list[tuple[str, Attempt]] = []
        self.evidence: list[dict] = []

    def try_front(self, name: str, **note) -> Attempt | None:
        """One front, behind the politeness gate. None when too little time is left to start it."""
        attempt: Attempt | None
        if self.deadline - time.monotonic() < MIN_FRONT_SECONDS:
            return None
        # The token is in hand before the turn is taken, so the site's browser slot is never held idle
        # by the solver (and none is paid for on a site that refuses lookups now).
        presolved, presolve_seconds = None, 0.0
        if politeness.site_refusal(site=name) is None:
            try:
                presolved, presolve_seconds = _token_for(name, solver=self.solver, deadline=self.deadline)
            except CaptchaUnsolved as exc:
                attempt = _unsolved(exc, name)
                self._note(name, attempt, 0, note)
                return attempt
        budget = Budget(self.deadline, presolved=presolved)
        turn = politeness.site_turn_acquire(site=name, deadline=self.deadline - MIN_FRONT_SECONDS)
        if isinstance(turn, politeness.Refusal):
            _book_captcha(name, budget, presolved, presolve_seconds)
            refused = _refused(turn)
            self._note(name, refused, 0, note)
            return refused
        budget.turn = turn
        started = time.monotonic()
        attempt = None
        try:
            attempt = _run_front(name, cedula=self.cedula, budget=budget, solver=self.solver)
        finally:
            result = attempt.result if attempt else LookupResult("error", reason="scraper_error")
            politeness.site_turn_release(
                turn=turn,
                outcome=result.outcome,
                reason=result.reason,
                retry_after=attempt.retry_after if attempt else None,
                started_at=budget.first_request_at,
                submitted_at=budget.submitted_at,
            )
            _book_captcha(name, budget, presolved, presolve_seconds)
        self._note(name, attempt, int((time.monotonic() - started) * 1000), note)
        return attempt

    def _note(self, name: str, attempt: Attempt, ms: int, note: dict) -> None:
        self.attempts.append((name, attempt))
        self.evidence.append(_evidence(name, attempt, ms) | note)

    def answer(self, name: str, attempt: Attempt, **changes) -> LookupResult:
        return replace(attempt.result, site=name, evidence=self.evidence, **changes)


def _confirm_not_found(run: _Lookup, first_front: str, first: Attempt) -> LookupResult:
    """Ask one more front, enabled and healthy, before a not-found is final (a wrong "no está en el
    censo" is the worst answer this product can give). Both not found: confirmed. The second says
    active or cancelled: that answer, with the disagreement in the evidence and the reason. The
    second fails, or no other front can be asked: the first answer stands, noted as unconfirmed."""
    others = [name for name in settings.REGISTRADURIA_FRONTS if name != first_front]
    second = next((name for name in others if politeness.site_refusal(site=name) is None), None)
    attempt = run.try_front(second, role="confirmation") if second else None
    if attempt is None:
        return run.answer(first_front, first, reason="not_found_unconfirmed")
    outcome = attempt.result.outcome
    if outcome == "not_found":
        return run.answer(first_front, first, reason="not_found_confirmed")
    if outcome in ("active", "cancelled"):
        assert second is not None  # the confirmation was asked of it
        logger.warning("not-found on %s contradicted by %s (%s)", first_front, second, outcome)
        return run.answer(second, attempt, reason="not_found_contradicted")
    return run.answer(first_front, first, reason="not_found_unconfirmed")


def lookup(cedula: str, *, deadline_s: float | None = None) -> LookupResult:
    """Ask the census about `cedula`, within `deadline_s` seconds (VERIFICATION_LOOKUP_DEADLINE_SECONDS)."""
    run = _Lookup(cedula, time.monotonic() + (deadline_s or settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS))
    for name in settings.REGISTRADURIA_FRONTS:
        attempt = run.try_front(name)
        if attempt is None:
            break
        if attempt.result.outcome == "not_found" and settings.REGISTRADURIA_CONFIRM_NOT_FOUND:
            return _confirm_not_found(run, name, attempt)
        if attempt.result.outcome in FINAL_OUTCOMES or attempt.result.reason in STOP_REASONS:
            return run.answer(name, attempt)
    return _combine(run.attempts, run.evidence)
