"""The three Registraduría front ends, as adapters with one shape: `run(context, cedula, solver, budget)`.

Each drives the real page flow in a fresh browser context (the caller owns and closes it) and returns
an `Attempt`: the classification of the body the site answered (never its HTTP status alone), the
status, and the Retry-After the site asked for. They run in the browser thread: no ORM here.
"""

import json
import time
from dataclasses import dataclass, replace

from django.conf import settings

from verification.lookup import LookupResult
from verification.registraduria import politeness
from verification.registraduria.browser import call_in_caller, new_page
from verification.registraduria.captcha import CaptchaSolver, CaptchaUnsolved
from verification.registraduria.parser import classify

SITEKEY = "div.g-recaptcha[data-sitekey]"
CAPTCHA_ANSWER = "#g-recaptcha-response"


@dataclass(frozen=True)
class Attempt:
    result: LookupResult
    http_status: int | None = None
    retry_after: float | None = None


class Budget:
    """What is left of this front's time, as Playwright timeouts (milliseconds), and the politeness
    turn whose start the first request waits for."""

    def __init__(self, deadline: float, turn=None, presolved=None):
        self.deadline = deadline
        self.turn = turn
        self.presolved = presolved
        # What the browser thread saw, for the worker thread to book (no ORM here): the page's
        # (sitekey, url), and each solve made inside the turn (sitekey, url, seconds, failure reason).
        self.seen_captcha: tuple[str, str] | None = None
        self.inline_solves: list[tuple[str, str, float, str]] = []

        self.first_request_at: float | None = None  # time.time() of the lookup's first request
        self.submitted_at: float | None = None  # time.time() of its last submission (the query)

    def wait_for_turn(self) -> None:
        if self.turn is not None:
            self.turn.wait()
        if self.first_request_at is None:
            self.first_request_at = time.time()

    def wait_to_submit(self) -> None:
        """Wait, right before a submission goes out, for the moment reserved for it on the turn's
        egress (`site_submit_reserve`): after the previous submission through it (another lookup's, or
        this lookup's own before a reload) plus the interval."""
        interval = settings.REGISTRADURIA_MIN_INTERVAL_SECONDS
        own = self.submitted_at + interval if self.submitted_at is not None else None
        at = own
        if self.turn is not None:
            at = call_in_caller(
                politeness.site_submit_reserve, timeout=max(self.seconds(), 1.0), turn=self.turn, not_before=own
            )
        wait = (at or 0.0) - time.time()
        if wait > 0:
            time.sleep(min(wait, self.seconds()))

    def submitting(self) -> None:
        """The submission goes out now."""
        self.submitted_at = time.time()

    def seconds(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def ms(self, cap_seconds: float | None = None) -> float:
        cap = settings.REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS if cap_seconds is None else cap_seconds
        return max(1.0, min(self.seconds(), cap) * 1000)


def _retry_after(headers: dict) -> float | None:
    value = (headers or {}).get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare here; the breaker's cool-down still applies


def _attempt(body: str, *, status: int | None, headers: dict | None, front: str) -> Attempt:
    result = classify(body, http_status=status, front=front)
    retry_after = _retry_after(headers or {})
    if retry_after is not None:
        result = replace(result, retry_after=retry_after)
    return Attempt(result=result, http_status=status, retry_after=retry_after)


def _load(page, url: str, *, front: str, ready: str, budget: Budget) -> Attempt | None:
    """Open the front's page; an Attempt when it is not the page we expect (WAF, maintenance, …)."""
    budget.wait_for_turn()
    response = page.goto(url, wait_until="domcontentloaded", timeout=budget.ms())
    status = response.status if response else None
    if page.locator(ready).count() == 0:
        body = page.content()
        return _attempt(body, status=status, headers=response.headers if response else None, front=front)
    return None


# The sitekey each front's page carried last time (this process; the database keeps it for every
# process: SiteGate.sitekey): it lets the next lookup have its token before it takes its turn.
KNOWN_SITEKEYS: dict[str, str] = {}


def token_max_age_seconds() -> float:
    """A token older than this is not submitted: reCAPTCHA tokens live about two minutes."""
    return settings.CAPTCHA_TOKEN_LIFETIME_SECONDS - 10.0


@dataclass(frozen=True)
class PresolvedToken:
    sitekey: str
    token: str
    solved_at: float  # time.monotonic()
    solve_id: int | None = None  # the pool's row, when the captcha pipeline solved it


def _captcha_token(page, *, front: str, solver: CaptchaSolver, budget: Budget) -> str | None:
    """The token for the page's reCAPTCHA (presolved when it fits, else solved now). None: the page
    carries no captcha."""
    widget = page.locator(SITEKEY)
    if widget.count() == 0:
        return None
    sitekey = widget.first.get_attribute("data-sitekey") or ""
    KNOWN_SITEKEYS[front] = sitekey
    budget.seen_captcha = (sitekey, page.url)
    ready = budget.presolved
    if ready is not None and ready.sitekey == sitekey and time.monotonic() - ready.solved_at < token_max_age_seconds():
        budget.presolved = None  # a token is good for one submission only
        return ready.token
    started = time.monotonic()
    try:
        token = solver.solve(sitekey=sitekey, page_url=page.url, timeout=budget.seconds() - 5)
    except CaptchaUnsolved as exc:
        budget.inline_solves.append((sitekey, page.url, time.monotonic() - started, exc.reason))
        raise
    budget.inline_solves.append((sitekey, page.url, time.monotonic() - started, ""))
    return token


def _put_captcha_answer(page, token: str | None, *, budget: Budget) -> None:
    if token is None:
        return
    page.wait_for_selector(CAPTCHA_ANSWER, state="attached", timeout=budget.ms())
    page.eval_on_selector(CAPTCHA_ANSWER, "(el, token) => { el.value = token; }", token)


def _submit(page, *, url, trigger, budget: Budget, front: str) -> Attempt:
    """Run `trigger()` (the click that makes the page post its form) and classify the site's answer.

    The POST to `url` is fetched by us (the site sees the page's own request) and its reply is kept
    from the page: we classify the body ourselves, and a page that reacted to it could navigate away
    under us. The wsp page reloads itself at once on an expired nonce; closing a page while that
    reload (routed through here) was committing made `page.close()` never return — the browser
    thread stuck for 30 s and the browser replaced (a flake seen in CI). A page that never gets the
    reply never navigates: the retry opens a fresh page, as the reload would have.
    """
    captured: dict = {}

    def handle(route):
        if route.request.method != "POST":
            route.continue_()
            return
        try:
            # Here, as the request goes out (the page's script sends it some time after the click).
            budget.wait_to_submit()
            budget.submitting()
            response = route.fetch(timeout=budget.ms())
            captured["reply"] = (response.status, response.headers, response.text())
        except Exception as exc:  # raised again below, in the caller's flow
            captured["error"] = exc
        route.abort("aborted")

    page.route(url, handle)
    trigger()
    while not captured and budget.seconds() > 0:
        page.wait_for_timeout(50)  # lets Playwright run the route handler; bounded by the budget
    if "error" in captured:
        raise captured["error"]
    if "reply" not in captured:
        raise TimeoutError("the site did not answer the submission in time")
    status, headers, body = captured["reply"]
    return _attempt(body, status=status, headers=headers, front=front)


def unsolved(exc: CaptchaUnsolved, front: str) -> Attempt:
    """No token. Without a solver the lookup is blocked until a person acts (`captcha_unsolved`); a
    solver that failed or ran out of time is a transient error, retried with backoff like any other."""
    outcome = "blocked" if exc.reason == "captcha_unsolved" else "error"
    return Attempt(result=LookupResult(outcome, reason=exc.reason, site=front))


class WspFront:
    """`wsp…/censo/consultar/`: a form whose submit is an XHR to the same URL answering JSON."""

    name = "wsp"

    @property
    def url(self) -> str:
        return settings.REGISTRADURIA_WSP_URL

    def run(self, context, *, cedula: str, solver: CaptchaSolver, budget: Budget) -> Attempt:
        page = new_page(context)
        attempt = self._load_and_submit(page, cedula=cedula, solver=solver, budget=budget)
        if attempt.result.reason == "nonce_expired" and budget.seconds() > 5:
            # The real page reloads itself on an expired nonce; we start again once, on a fresh page
            # (the old one is busy with its own reload).
            page.close()
            attempt = self._load_and_submit(new_page(context), cedula=cedula, solver=solver, budget=budget)
        return attempt

    def _load_and_submit(self, page, *, cedula, solver, budget) -> Attempt:
        loaded = _load(page, self.url, front=self.name, ready="form#form input#nuip", budget=budget)
        if loaded is not None:
            return loaded
        try:
            token = _captcha_token(page, front=self.name, solver=solver, budget=budget)
        except CaptchaUnsolved as exc:
            return unsolved(exc, self.name)
        page.fill("#nuip", cedula)
        if page.locator('#tipo option[value="-1"]').count():
            page.select_option("#tipo", "-1")
        _put_captcha_answer(page, token, budget=budget)
        return _submit(page, url=self.url, trigger=lambda: page.click("#enviar"), budget=budget, front=self.name)


class ConsultaCensoFront:
    """`consultacenso…`: a form whose script posts JSON to `back/api/consulta`."""

    name = "consultacenso"

    @property
    def url(self) -> str:
        return settings.REGISTRADURIA_CONSULTACENSO_URL

    def run(self, context, *, cedula: str, solver: CaptchaSolver, budget: Budget) -> Attempt:
        page = new_page(context)
        loaded = _load(page, self.url, front=self.name, ready="form#consultaForm #documento", budget=budget)
        if loaded is not None:
            return loaded
        try:
            token = _captcha_token(page, front=self.name, solver=solver, budget=budget)
        except CaptchaUnsolved as exc:
            return unsolved(exc, self.name)
        page.fill("#documento", cedula)
        # The elections list comes from the page's own call to back/api/elecciones.
        page.wait_for_selector('#eleccion option[value="0"]', state="attached", timeout=budget.ms())
        page.select_option("#eleccion", "0")
        _put_captcha_answer(page, token, budget=budget)
        return _submit(
            page, url="**/back/api/consulta", trigger=lambda: page.click("#submitBtn"), budget=budget, front=self.name
        )


# The single-page app's own call, made from the page so it carries the page's origin, cookies and
# client hints, exactly as the app's script would.
_INFOVOTANTES_FETCH = """async ([url, token, body, timeoutMs]) => {
  const r = await fetch(url, {method: "POST", headers: {"Authorization": "Bearer " + token,
    "Content-Type": "application/json", "Accept": "application/json"}, body: body,
    signal: AbortSignal.timeout(timeoutMs)});
  return {status: r.status, retryAfter: r.headers.get("retry-after"), text: await r.text()};
}"""


class InfovotantesFront:
    """The sibling front's single-page app and its Infovotantes JSON API (Bearer captcha token)."""

    name = "infovotantes"

    @property
    def url(self) -> str:
        return settings.REGISTRADURIA_INFOVOTANTES_URL

    def run(self, context, *, cedula: str, solver: CaptchaSolver, budget: Budget) -> Attempt:
        page = new_page(context)
        loaded = _load(page, self.url, front=self.name, ready=SITEKEY, budget=budget)
        if loaded is not None:
            return loaded
        try:
            token = _captcha_token(page, front=self.name, solver=solver, budget=budget)
        except CaptchaUnsolved as exc:
            return unsolved(exc, self.name)
        body = json.dumps(
            {
                "identification": cedula,
                "identification_type": "CC",
                "election_code": settings.REGISTRADURIA_INFOVOTANTES_ELECTION_CODE,
                "module": "polling_place",
                "platform": "web",
            }
        )
        url = settings.REGISTRADURIA_INFOVOTANTES_API_URL.rstrip("/") + "/citizen/get-information"
        budget.wait_to_submit()
        budget.submitting()
        reply = page.evaluate(_INFOVOTANTES_FETCH, [url, token or "", body, budget.ms()])
        headers = {"retry-after": reply["retryAfter"]} if reply.get("retryAfter") else {}
        return _attempt(reply["text"], status=reply["status"], headers=headers, front=self.name)


FRONTS = {front.name: front for front in (WspFront(), ConsultaCensoFront(), InfovotantesFront())}
