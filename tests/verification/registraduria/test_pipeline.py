"""The captcha token pipeline: solves sized by Little's law from the measured latency, the rate limit
and the backlog, never beyond the work waiting; tokens used oldest first within their lifetime or
booked as wasted; the service's failures back it off; the daily budget pauses it; one leader."""

import os
import signal
import threading
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from devtools.registraduria_simulator.scenarios import SITEKEYS
from tests.processes import VENV_BIN, database_env, product_env, running, scraper_env
from verification.lookup import current_request_id, for_request
from verification.models import CaptchaPipelineState, CaptchaSolve, CedulaInfo
from verification.models import CaptchaSolveStatus as Status
from verification.registraduria import lookup, tokens
from verification.registraduria.captcha import CaptchaSolver, CaptchaUnsolved
from verification.registraduria.pipeline import CaptchaPipeline

SITEKEY = "6Lc-sitekey-de-prueba"


@pytest.fixture
def pipeline_settings(settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 5.0
    settings.CAPTCHA_EXPECTED_SOLVE_SECONDS = 20.0
    settings.CAPTCHA_READY_TARGET = 2
    settings.CAPTCHA_MAX_IN_FLIGHT = 16
    settings.CAPTCHA_DAILY_BUDGET = 0
    settings.CAPTCHA_PIPELINE = True
    return settings


def _pending(n: int) -> list[CedulaInfo]:
    return [CedulaInfo.objects.create(request_id=uuid.uuid4()) for _ in range(n)]


def _learn(site: str = "wsp") -> None:
    tokens.site_captcha_learn(site=site, sitekey=SITEKEY, page_url=f"https://{site}.example/")


def _solves(status: str, n: int, *, seconds: float = 20.0, site: str = "wsp", age: float = 1.0) -> None:
    now = timezone.now()
    for _ in range(n):
        CaptchaSolve.objects.create(
            site=site,
            sitekey=SITEKEY,
            page_url="https://wsp.example/",
            origin="pipeline",
            status=status,
            requested_at=now - timedelta(seconds=age + seconds),
            solved_at=None if status in (Status.SOLVING, Status.FAILED) else now - timedelta(seconds=age),
            seconds=None if status == Status.SOLVING else seconds,
            token="03AF" + uuid.uuid4().hex,
            reason="captcha_unsolvable" if status == Status.FAILED else "",
        )


def _plan() -> tokens.SolvePlan:
    plan = tokens.captcha_pipeline_plan()
    assert plan is not None
    return plan


def _take() -> tokens.PoolToken:
    taken = tokens.captcha_token_take(site="wsp", until=0)
    assert taken is not None
    return taken


def _beat(holder: str = "lider") -> None:
    assert tokens.captcha_pipeline_heartbeat(holder=holder)


@pytest.mark.django_db
def test_solves_in_flight_follow_littles_law_and_never_exceed_the_work_waiting(pipeline_settings):
    assert tokens.captcha_pipeline_plan() is None  # no sitekey known yet: nothing to solve for
    _learn()
    _pending(30)
    plan = _plan()
    # 1 turn / 5 s x 20 s a solve = 4 in flight to feed every turn, + 2 ready.
    assert (plan.site, plan.waiting, plan.target, plan.start) == ("wsp", 30, 6, 6)
    _solves(Status.SOLVING, 4)
    _solves(Status.READY, 1)
    assert _plan().start == 1
    # Fewer people waiting than the rate could use: no more solves than people.
    CedulaInfo.objects.all().delete()
    CaptchaSolve.objects.all().delete()
    _pending(3)
    assert _plan().start == 3
    # A waiting person whose lookup already took a token needs no other.
    first = CedulaInfo.objects.earliest("id")
    _solves(Status.USED, 1)
    CaptchaSolve.objects.filter(status=Status.USED).update(request_id=first.request_id, used_at=timezone.now())
    assert _plan().waiting == 2


@pytest.mark.django_db
def test_measured_latency_and_unsolvable_captchas_raise_the_target(pipeline_settings):
    _learn()
    _pending(100)
    _solves(Status.USED, 8, seconds=40.0)
    _solves(Status.FAILED, 2, seconds=40.0)  # 80% solved
    plan = _plan()
    assert plan.latency_s == pytest.approx(40.0)
    assert plan.success == pytest.approx(0.8)
    assert plan.target == 10 + 2  # ceil(0.2 x 40 / 0.8) + ready


@pytest.mark.django_db
def test_a_site_that_refuses_lookups_gets_no_solves(pipeline_settings):
    from verification.models import EgressGate

    _learn("wsp")
    _pending(10)
    EgressGate.objects.create(site="wsp", breaker_open_until=timezone.now() + timedelta(minutes=5))
    assert tokens.captcha_pipeline_plan() is None  # consultacenso's sitekey is not known
    _learn("consultacenso")
    assert _plan().site == "consultacenso"


@pytest.mark.django_db
def test_tokens_are_taken_oldest_first_within_their_lifetime_and_old_ones_are_wasted(pipeline_settings):
    _learn()
    _beat()
    _solves(Status.READY, 1, age=100.0)  # past lifetime - margin (110 - 30)
    _solves(Status.READY, 1, age=50.0)
    _solves(Status.READY, 1, age=10.0)
    request_id = str(uuid.uuid4())
    with for_request(request_id):
        assert current_request_id() == request_id
        taken = _take()
    row = CaptchaSolve.objects.get(pk=taken.solve_id)
    assert (row.status, str(row.request_id)) == (Status.USED, request_id)
    assert row.solved_at is not None
    assert row.solved_at < timezone.now() - timedelta(seconds=45)  # the 50 s old one
    assert tokens.captcha_tokens_expire() == 1
    assert CaptchaSolve.objects.filter(status=Status.WASTED, reason="expired").count() == 1
    # A token the lookup never submitted (its page failed first) goes back while it is young.
    tokens.captcha_token_settle(taken, submitted=False)
    assert CaptchaSolve.objects.get(pk=taken.solve_id).status == Status.READY


@pytest.mark.django_db
def test_without_a_live_pipeline_the_lookup_solves_for_itself(pipeline_settings):
    _learn()
    assert tokens.captcha_token_take(site="wsp", until=0) is None  # no pipeline ever ran
    _beat()
    with pytest.raises(CaptchaUnsolved) as waited:
        tokens.captcha_token_take(site="wsp", until=0)
    assert waited.value.reason == "captcha_timeout"  # alive, but nothing came in time
    with time_machine.travel(timezone.now() + timedelta(seconds=tokens.PIPELINE_STALE_SECONDS + 1)):
        assert tokens.captcha_token_take(site="wsp", until=0) is None  # its heartbeat went stale


@pytest.mark.django_db
def test_service_failures_back_the_pipeline_off_and_waiting_lookups_end_classified(pipeline_settings):
    _learn()
    _pending(10)
    _beat()
    plan = _plan()
    solve_id = tokens.captcha_solve_begin(plan, holder="lider")
    tokens.captcha_solve_finish(solve_id=solve_id, token=None, reason="captcha_service_error", seconds=1.0)
    assert tokens.captcha_pipeline_plan() is None  # backing off: nothing new is spent
    with pytest.raises(CaptchaUnsolved) as failed:
        tokens.captcha_token_take(site="wsp", until=10**9)
    assert failed.value.reason == "captcha_service_error"
    state = CaptchaPipelineState.objects.get()
    assert state.backoff_until is not None
    first_pause = state.backoff_until - timezone.now()
    # More failures of the same round count once; the probe after the backoff that fails again doubles it.
    solve_id = tokens.captcha_solve_begin(plan, holder="lider")
    tokens.captcha_solve_finish(solve_id=solve_id, token=None, reason="captcha_service_error", seconds=1.0)
    state.refresh_from_db()
    assert state.failures_in_a_row == 1
    CaptchaPipelineState.objects.update(backoff_until=timezone.now())
    assert _plan().start == 1  # one probe, not a round
    solve_id = tokens.captcha_solve_begin(plan, holder="lider")
    tokens.captcha_solve_finish(solve_id=solve_id, token=None, reason="captcha_service_unreachable", seconds=1.0)
    state.refresh_from_db()
    assert state.failures_in_a_row == 2
    assert state.backoff_until is not None
    assert state.backoff_until - timezone.now() > first_pause  # doubling
    # An unsolvable captcha is not the service failing; an answer ends the backoff.
    solve_id = tokens.captcha_solve_begin(plan, holder="lider")
    tokens.captcha_solve_finish(solve_id=solve_id, token="03AFok", reason="", seconds=1.0)
    state.refresh_from_db()
    assert (state.failures_in_a_row, state.backoff_until) == (0, None)
    solve_id = tokens.captcha_solve_begin(plan, holder="lider")
    tokens.captcha_solve_finish(solve_id=solve_id, token=None, reason="captcha_unsolvable", seconds=1.0)
    assert tokens.captcha_pipeline_plan() is not None


@pytest.mark.django_db
def test_the_daily_budget_pauses_new_solves_and_tells_staff(pipeline_settings, caplog):
    pipeline_settings.CAPTCHA_DAILY_BUDGET = 4
    _learn()
    _pending(30)
    _beat()
    assert _plan().start == 4
    _solves(Status.USED, 3)
    _solves(Status.FAILED, 5)  # failed solves are not paid for
    assert _plan().start == 1
    _solves(Status.SOLVING, 1)
    assert _plan().start == 0
    assert "budget" in caplog.text
    with pytest.raises(CaptchaUnsolved) as paused:
        tokens.captcha_token_take(site="wsp", until=10**9)
    assert paused.value.reason == "captcha_budget_exhausted"
    spend = tokens.captcha_spend()
    assert (spend["paid"], spend["failed"], spend["budget_left"], spend["paused"]) == (4, 5, 0, 1)
    pipeline_settings.CAPTCHA_DAILY_BUDGET = 10  # raised: solving resumes
    assert _plan().start > 0
    assert 0 < tokens.budget_renews_in() <= 86400


@pytest.mark.django_db
def test_one_pipeline_leads_and_a_successor_adopts_the_solves_the_service_accepted(pipeline_settings):
    _learn()
    assert tokens.captcha_pipeline_heartbeat(holder="a")
    assert not tokens.captcha_pipeline_heartbeat(holder="b")  # stands by
    _solves(Status.SOLVING, 4)
    accepted, unsent, too_old, sent = list(CaptchaSolve.objects.order_by("pk"))
    CaptchaSolve.objects.update(holder="a")
    tokens.captcha_solve_submitted(solve_id=accepted.pk, job_id="job-1")
    tokens.captcha_solve_submitted(solve_id=too_old.pk, job_id="job-3")
    tokens.captcha_solve_submitted(solve_id=sent.pk, job_id="job-4")
    CaptchaSolve.objects.filter(pk=too_old.pk).update(
        requested_at=timezone.now() - timedelta(seconds=pipeline_settings.CAPTCHA_TIMEOUT_SECONDS + 1)
    )
    with time_machine.travel(timezone.now() + timedelta(seconds=tokens.PIPELINE_STALE_SECONDS + 1)):
        assert tokens.captcha_pipeline_heartbeat(holder="b")
    # Accepted by the service and within its limit: the successor fetches them (already paid for).
    assert sorted((a.solve_id, a.job_id) for a in tokens.captcha_solves_adopted(holder="b")) == [
        (accepted.pk, "job-1"),
        (sent.pk, "job-4"),
    ]
    # Never accepted (no job id) or past the service's limit: their answers are lost.
    lost = CaptchaSolve.objects.filter(status=Status.WASTED, reason="pipeline_lost")
    assert sorted(lost.values_list("pk", flat=True)) == [unsent.pk, too_old.pk]


@pytest.mark.django_db
def test_a_stopping_pipeline_leaves_its_accepted_solves_to_the_next_leader(pipeline_settings):
    _learn()
    _beat("a")
    _solves(Status.SOLVING, 2)
    accepted, unsent = list(CaptchaSolve.objects.order_by("pk"))
    CaptchaSolve.objects.update(holder="a")
    tokens.captcha_solve_submitted(solve_id=accepted.pk, job_id="job-1")
    tokens.captcha_pipeline_resign(holder="a")
    assert CaptchaSolve.objects.get(pk=unsent.pk).reason == "pipeline_stopped"
    _beat("b")  # at once: the leader resigned
    assert [a.solve_id for a in tokens.captcha_solves_adopted(holder="b")] == [accepted.pk]


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_a_pipeline_killed_mid_solve_leaves_its_paid_solves_to_its_successor(simulator_server, tmp_path):
    """SIGKILL of the pipeline process while the service solves: the next pipeline fetches those
    answers from the service (the jobs were paid for) instead of buying them again."""
    sim = simulator_server
    sim.reset()
    sim.set_mode(solve_seconds=6.0)
    tokens.site_captcha_learn(site="wsp", sitekey=SITEKEYS["wsp"], page_url=sim.wsp_url)
    _pending(2)
    env = scraper_env(
        sim,
        **database_env(),
        REGISTRADURIA_FRONTS="wsp",
        REGISTRADURIA_MIN_INTERVAL_SECONDS="5",
        CAPTCHA_READY_TARGET="0",
        CAPTCHA_EXPECTED_SOLVE_SECONDS="20",
        DJANGO_SETTINGS_MODULE="core.test_settings",
    )
    env = {**product_env(), **env}
    command = [str(VENV_BIN / "python"), "manage.py", "captcha_pipeline"]
    accepted = CaptchaSolve.objects.filter(status=Status.SOLVING).exclude(job_id="")
    with running(command, env=env, log_path=tmp_path / "first.log") as first:
        _wait(lambda: accepted.count() == 2, "two solves accepted by the service")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    assert sim.state()["solver_jobs"]["submitted"] == 2
    with running(command, env=env, log_path=tmp_path / "second.log"):
        _wait(lambda: CaptchaSolve.objects.filter(status=Status.READY).count() == 2, "both answers fetched")
    assert sim.state()["solver_jobs"]["submitted"] == 2  # nothing bought twice
    assert list(CaptchaSolve.objects.values_list("status", "reason")) == [(Status.READY, "")] * 2


class _CountingSolver(CaptchaSolver):
    """A stand-in for the captcha service (outside our system), answering at once."""

    calls: list[str]

    def solve(self, *, sitekey: str, page_url: str, timeout: float, on_submitted=None) -> str:
        self.calls.append(sitekey)
        return "03AF" + uuid.uuid4().hex


@pytest.mark.django_db(transaction=True)
def test_the_pipeline_process_keeps_the_pool_filled_for_the_waiting_work(pipeline_settings):
    _learn()
    _pending(3)
    solver = _CountingSolver(name="fake")
    object.__setattr__(solver, "calls", [])
    pipeline = CaptchaPipeline(solver=solver, tick=0.05)
    thread = threading.Thread(target=pipeline.run, daemon=True)
    thread.start()
    try:
        _wait(lambda: CaptchaSolve.objects.filter(status=Status.READY).count() == 3, "3 ready tokens")
        ticks = 20  # and then some ticks more, with nobody else waiting
        _wait(lambda: CaptchaPipelineState.objects.filter(holder=pipeline.holder).exists(), "a heartbeat")
        for _ in range(ticks):
            assert pipeline.tick_once() is not None
    finally:
        pipeline.stop()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert pipeline.started == 3  # one per person waiting, however many ticks passed
    assert len(solver.calls) == 3


def _wait(condition, what: str, timeout: float = 60.0) -> None:
    import time

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _lookup_with_a_running_pipeline(cedula: str, info: CedulaInfo):
    """The real scraper's lookup for `info`'s request while a real pipeline runs in a thread."""
    pipeline = CaptchaPipeline(tick=0.1)
    thread = threading.Thread(target=pipeline.run, daemon=True)
    thread.start()
    try:
        _wait(lambda: CaptchaPipelineState.objects.filter(holder=pipeline.holder).exists(), "the pipeline to lead")
        with for_request(str(info.request_id)):
            return lookup(cedula, deadline_s=40)
    finally:
        pipeline.stop()
        thread.join(timeout=30)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_lookup_submits_the_pipelines_token_solved_before_its_page_loaded(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    simulator.set_mode(solve_seconds=1.0)
    tokens.site_captcha_learn(site="wsp", sitekey=SITEKEYS["wsp"], page_url=simulator.wsp_url)
    (info,) = _pending(1)
    result = _lookup_with_a_running_pipeline("1000000013", info)
    assert (result.outcome, result.reason) == ("active", "ok")
    used = CaptchaSolve.objects.get(status=Status.USED)
    assert (used.origin, used.request_id) == ("pipeline", info.request_id)
    state = simulator.state()
    assert len(state["solves"]) == 1, list(CaptchaSolve.objects.values_list("origin", "status", "reason", "request_id"))
    assert len(state["pages"]["wsp"]) == 1
    assert state["solves"][0] < state["pages"]["wsp"][0]  # solved ahead, apart from the browser


@pytest.mark.django_db
def test_a_lookup_on_a_front_the_pipeline_does_not_feed_solves_for_itself(pipeline_settings):
    """A failover or a not-found confirmation on the second front must not wait for tokens that the
    pipeline, feeding the first front, will never make."""
    _learn("wsp")
    _learn("consultacenso")
    _beat()
    assert tokens.captcha_token_take(site="consultacenso", until=10**9) is None  # at once, not a wait
    with pytest.raises(CaptchaUnsolved):
        tokens.captcha_token_take(site="wsp", until=0)  # the one it feeds: waits for its tokens


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_not_found_is_confirmed_on_the_second_front_while_the_pipeline_feeds_the_first(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    tokens.site_captcha_learn(site="wsp", sitekey=SITEKEYS["wsp"], page_url=simulator.wsp_url)
    tokens.site_captcha_learn(
        site="consultacenso", sitekey=SITEKEYS["consultacenso"], page_url=simulator.consultacenso_url
    )
    (info,) = _pending(1)
    result = _lookup_with_a_running_pipeline("1000000030", info)
    assert (result.outcome, result.reason) == ("not_found", "not_found_confirmed")
    origins = sorted(CaptchaSolve.objects.filter(status=Status.USED).values_list("site", "origin"))
    assert origins == [("consultacenso", "inline"), ("wsp", "pipeline")]


@pytest.mark.django_db
def test_a_pipeline_switched_off_pays_for_nothing(pipeline_settings):
    """CAPTCHA_PIPELINE false: lookups solve for themselves, so a pipeline process left running in the
    Procfile must not buy tokens nobody will take."""
    pipeline_settings.CAPTCHA_PIPELINE = False
    _learn()
    _pending(10)
    solver = _CountingSolver(name="fake")
    object.__setattr__(solver, "calls", [])
    pipeline = CaptchaPipeline(solver=solver, tick=0.05)
    assert pipeline.tick_once() is None
    assert (pipeline.started, CaptchaSolve.objects.count()) == (0, 0)
    assert solver.calls == []
    assert _plan().start > 0  # switched on, the same state would start solves
