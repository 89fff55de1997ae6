"""reCAPTCHA v2 solving for the fronts: a small interface, a 2Captcha-compatible provider and `none`.

The provider's official client (2captcha-python) does the protocol: submit to in.php, poll res.php,
parse its answers and errors. We only replace its transport: the client's own calls carry no request
timeout (a hung solver would hang the worker past its deadline) and cannot trust an extra CA (the
simulator's solver, which speaks HTTPS because the client always does).
"""

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests
from django.conf import settings
from twocaptcha import TwoCaptcha
from twocaptcha.api import ApiClient, ApiException, NetworkException
from twocaptcha.exceptions import solver as solver_errors

logger = logging.getLogger(__name__)

REQUEST_TIMEOUT_SECONDS = 15


class CaptchaUnsolved(Exception):
    """No token: no provider, the provider refused, or it ran out of time. `reason` is machine-readable."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CaptchaSolver:
    """Turns (sitekey, page URL) into a reCAPTCHA v2 token, within `timeout` seconds."""

    name: str

    def solve(
        self, *, sitekey: str, page_url: str, timeout: float, on_submitted: Callable[[str], None] | None = None
    ) -> str:
        """A token. `on_submitted` gets the service's job id as soon as the service accepts the job:
        a job outlives the process that submitted it, and `wait` can fetch its answer later."""
        raise CaptchaUnsolved("captcha_unsolved")

    def wait(self, job_id: str, *, timeout: float) -> tuple[str, bool]:
        """The token of a job submitted earlier (perhaps by a process that died), polled for up to
        `timeout` seconds, and whether it was already solved at the first poll."""
        raise CaptchaUnsolved("captcha_unsolved")


class _TimedApiClient(ApiClient):
    """2captcha-python's transport with a timeout on every request and an optional CA bundle."""

    def __init__(self, post_url: str, *, verify: str | bool):
        super().__init__(post_url=post_url)
        self._session = requests.Session()
        # Per request, not on the session: requests lets REQUESTS_CA_BUNDLE override a session's verify.
        self._verify = verify

    def _text(self, method: str, path: str, **kwargs) -> str:
        try:
            resp = self._session.request(
                method,
                f"https://{self.post_url}/{path}",
                timeout=REQUEST_TIMEOUT_SECONDS,
                verify=self._verify,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise NetworkException(exc) from exc
        if resp.status_code != 200:
            raise NetworkException(f"bad response: {resp.status_code}")
        text = resp.content.decode("utf-8", errors="replace")
        if "ERROR" in text:
            raise ApiException(text)
        return text

    def in_(self, files=None, **kwargs):
        return self._text("POST", "in.php", data=kwargs)

    def res(self, **kwargs):
        return self._text("GET", "res.php", params=kwargs)


@dataclass(frozen=True)
class TwoCaptchaSolver(CaptchaSolver):
    api_key: str
    server: str
    ca_bundle: str = ""
    poll_seconds: int = 5

    def _client(self, timeout: float) -> TwoCaptcha:
        client = TwoCaptcha(
            self.api_key, server=self.server, pollingInterval=self.poll_seconds, recaptchaTimeout=timeout
        )
        client.api_client = _TimedApiClient(self.server, verify=self.ca_bundle or True)
        return client

    def solve(
        self, *, sitekey: str, page_url: str, timeout: float, on_submitted: Callable[[str], None] | None = None
    ) -> str:
        timeout = min(timeout, settings.CAPTCHA_TIMEOUT_SECONDS)
        if timeout < 1:
            raise CaptchaUnsolved("captcha_timeout")
        started = time.monotonic()
        # The same job the client's recaptcha() sends, in two steps so the job id can be kept.
        try:
            job_id = self._client(timeout).send(
                googlekey=sitekey, url=page_url, method="userrecaptcha", version="v2", enterprise=0
            )
        except Exception as exc:  # every reply of the service, expected or not, ends classified here
            raise CaptchaUnsolved(_unsolved_reason(exc)) from None
        if not isinstance(job_id, str) or not job_id.strip() or len(job_id) > 64:
            logger.warning("captcha service gave no job id (%r)", str(job_id)[:40])
            raise CaptchaUnsolved("captcha_service_error")
        if on_submitted is not None:
            on_submitted(job_id)
        code, _ = self._result(job_id, timeout=timeout - (time.monotonic() - started), peek=False)
        logger.info("captcha solved in %.1f s", time.monotonic() - started)
        return code

    def wait(self, job_id: str, *, timeout: float) -> tuple[str, bool]:
        return self._result(job_id, timeout=timeout, peek=True)

    def _result(self, job_id: str, *, timeout: float, peek: bool) -> tuple[str, bool]:
        """Poll res.php for the job (`peek`: ask once at once, to learn whether it was already solved)."""
        timeout = min(timeout, settings.CAPTCHA_TIMEOUT_SECONDS)
        if timeout < 1:
            raise CaptchaUnsolved("captcha_timeout")
        client = self._client(timeout)
        at_once = False
        try:
            code = None
            if peek:
                with contextlib.suppress(solver_errors.NetworkException):  # the client's "not ready yet"
                    code = client.get_result(job_id)
                    at_once = True
            if code is None:
                code = client.wait_result(job_id, timeout, self.poll_seconds)
        except Exception as exc:  # every reply of the service, expected or not, ends classified here
            raise CaptchaUnsolved(_unsolved_reason(exc)) from None
        if not isinstance(code, str) or not code.strip():
            logger.warning("captcha service gave no token (%s)", type(code).__name__)
            raise CaptchaUnsolved("captcha_service_error")
        return code, at_once


def _unsolved_reason(exc: Exception) -> str:
    """The machine reason for a failed solve. The client raises two families of classes with the same
    names (`twocaptcha.api` for the transport, `twocaptcha.exceptions.solver` for the protocol: "cannot
    recognize response", a JSON reply where text was expected…); anything else it lets through (a
    malformed JSON reply, a bug) is an error of the service too. All of them are transient errors
    with backoff: never an escaped exception, never a retry loop that spends."""
    if isinstance(exc, solver_errors.TimeoutException):
        return "captcha_timeout"
    if "ERROR_CAPTCHA_UNSOLVABLE" in str(exc):
        return "captcha_unsolvable"  # the workers could not solve this one (not charged): not the service failing
    if isinstance(exc, NetworkException | solver_errors.NetworkException):
        return "captcha_service_unreachable"
    logger.warning("captcha service error: %s: %s", type(exc).__name__, " ".join(str(exc).split())[:80])
    return "captcha_service_error"


def get_solver() -> CaptchaSolver:
    if settings.CAPTCHA_PROVIDER == "2captcha":
        return TwoCaptchaSolver(
            name="2captcha",
            api_key=settings.CAPTCHA_API_KEY,
            server=settings.CAPTCHA_SERVER,
            ca_bundle=settings.CAPTCHA_CA_BUNDLE,
            poll_seconds=settings.CAPTCHA_POLL_SECONDS,
        )
    return CaptchaSolver(name="none")
