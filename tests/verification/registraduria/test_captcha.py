"""Every reply shape of the captcha service ends bounded and classified.

The product's 2Captcha client (the provider's official library, our transport) against the
simulator's solver turned faulty (`solver_fault`): an HTML error page, an empty body, JSON where the
protocol is text, garbage, HTTP 500, a hang past the request timeout, a job that is never ready.
Each solve ends in one machine reason with one submission at most (nothing loops, nothing spends
twice); a lookup whose solve fails never reaches the site and never pays for a second solve.
"""

import pytest

from devtools.registraduria_simulator.scenarios import SITEKEY_WSP
from verification.registraduria import captcha, fronts, lookup
from verification.registraduria.captcha import CaptchaUnsolved, get_solver

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHAPES = {
    "html": "captcha_service_error",
    "empty": "captcha_service_error",
    "json_for_text": "captcha_service_error",
    "garbage": "captcha_service_error",
    "http_500": "captcha_service_unreachable",
    "hang": "captcha_service_unreachable",
    "not_ready_forever": "captcha_timeout",
}


def _in_php_requests(simulator) -> int:
    return sum(1 for path, _ in simulator.state()["solver_requests"] if path == "/in.php")


@pytest.mark.parametrize(("fault", "reason"), SHAPES.items())
def test_each_reply_shape_of_the_service_ends_in_one_reason(simulator, settings, monkeypatch, fault, reason):
    monkeypatch.setattr(captcha, "REQUEST_TIMEOUT_SECONDS", 1)  # the hang outlasts one request
    simulator.set_mode(solver_fault=fault, hang_seconds=3)
    with pytest.raises(CaptchaUnsolved) as unsolved:
        get_solver().solve(sitekey=SITEKEY_WSP, page_url=simulator.wsp_url, timeout=3)
    assert unsolved.value.reason == reason
    requests = simulator.state()["solver_requests"]
    if fault == "not_ready_forever":
        # The job was taken once (in.php is served normally), then polled until the timeout, no more.
        assert len(simulator.state()["solves"]) == 1
        assert 1 <= len(requests) <= 4, requests
    else:
        assert _in_php_requests(simulator) == 1, requests


@pytest.mark.parametrize("fault", ["garbage", "http_500", "json_for_text"])
def test_a_lookup_whose_solve_fails_never_reaches_the_site_nor_pays_twice(simulator, settings, fault):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso", "infovotantes"]
    fronts.KNOWN_SITEKEYS["wsp"] = SITEKEY_WSP  # solved ahead of the turn (the presolve path)
    simulator.set_mode(solver_fault=fault)
    result = lookup("1000000013", deadline_s=20)
    assert (result.outcome, result.reason) == ("error", SHAPES[fault])
    assert [(e["front"], e["reason"]) for e in result.evidence] == [("wsp", SHAPES[fault])]
    assert _in_php_requests(simulator) == 1
    assert all(times == [] for times in simulator.state()["pages"].values())  # no page was even loaded


def test_a_solve_inside_the_turn_that_fails_stops_the_lookup(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    fronts.KNOWN_SITEKEYS.clear()  # the sitekey is learnt from the page: solved inside the turn
    simulator.set_mode(solver_fault="html")
    result = lookup("1000000013", deadline_s=20)
    assert (result.outcome, result.reason) == ("error", "captcha_service_error")
    assert [e["front"] for e in result.evidence] == ["wsp"]  # the next front would only pay again
    assert _in_php_requests(simulator) == 1
    assert simulator.state()["lookups"]["wsp"] == []  # nothing submitted without a token


@pytest.mark.parametrize(("fault", "reason"), SHAPES.items())
@pytest.mark.django_db(transaction=True)
def test_the_pipeline_ends_every_reply_shape_classified_backs_off_and_probes_one_at_a_time(
    simulator, settings, monkeypatch, fault, reason
):
    """Twelve people waiting and a service that answers nonsense: the pipeline's first round fails
    classified, then it backs off; after the backoff it probes with one solve, not a new round; the
    people waiting end in a classified error, nothing is left solving, no token is made up."""
    import time
    import uuid

    from verification.models import CaptchaPipelineState, CaptchaSolve, CedulaInfo
    from verification.models import CaptchaSolveStatus as Status
    from verification.registraduria import tokens
    from verification.registraduria.pipeline import CaptchaPipeline

    monkeypatch.setattr(captcha, "REQUEST_TIMEOUT_SECONDS", 1)
    settings.CAPTCHA_TIMEOUT_SECONDS = 3
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 5
    simulator.set_mode(solver_fault=fault, hang_seconds=3)
    tokens.site_captcha_learn(site="wsp", sitekey=SITEKEY_WSP, page_url=simulator.wsp_url)
    for _ in range(12):
        CedulaInfo.objects.create(request_id=uuid.uuid4())
    pipeline = CaptchaPipeline(tick=0.05)

    def settled() -> bool:
        return not CaptchaSolve.objects.filter(status=Status.SOLVING).exists()

    def wait(condition, what: str) -> None:
        end = time.monotonic() + 60
        while not condition():
            assert time.monotonic() < end, what
            time.sleep(0.05)

    try:
        first = pipeline.tick_once()
        assert first is not None and 0 < first.start <= 12
        wait(settled, "the first round to come back")
        failed = list(CaptchaSolve.objects.values_list("status", "reason"))
        assert {status for status, _ in failed} == {Status.FAILED} and len(failed) == first.start
        # (A burst of requests with a 1 s timeout may see a reply cut: that is "unreachable", classified.)
        assert reason in {r for _, r in failed} <= {reason, "captcha_service_unreachable"}
        assert CaptchaPipelineState.objects.get().failures_in_a_row == 1  # one round, one failure
        assert pipeline.tick_once() is None  # backing off: nothing new is spent
        with pytest.raises(CaptchaUnsolved) as waiting:
            tokens.captcha_token_take(site="wsp", until=time.monotonic() + 30)
        assert waiting.value.reason in {reason, "captcha_service_unreachable"}  # classified, at once

        CaptchaPipelineState.objects.update(backoff_until=None)  # the backoff ran out
        probe = pipeline.tick_once()
        assert probe is not None and probe.start == 1  # one probe, not a new round
        wait(settled, "the probe to come back")
        assert pipeline.tick_once() is None  # the probe failed: backing off again
        assert pipeline.started == first.start + 1
    finally:
        pipeline.stop()
        tokens.captcha_pipeline_resign(holder=pipeline.holder)
    assert not CaptchaSolve.objects.filter(status__in=[Status.READY, Status.USED]).exists()
    if fault != "not_ready_forever":  # that one's jobs are taken, then never answered
        # Never more submissions than solves started (no retry loop); on a loaded machine a request
        # cut by the 1 s timeout may never have reached the service at all.
        assert 1 <= _in_php_requests(simulator) <= first.start + 1
