"""The politeness gate: turns spaced across concurrent workers, browser leases, breaker, Retry-After.

Concurrency tests use real concurrent database connections (one per thread); CI runs them on SQLite
and on PostgreSQL. The gate lives in the database, so what holds across threads with their own
connections holds across processes and machines.
"""

import itertools
import threading
import time
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from verification.models import EgressGate, SiteLease
from verification.registraduria import breaker_states
from verification.registraduria.politeness import (
    SUBMIT_MARGIN_SECONDS,
    Refusal,
    Turn,
    site_gate_reset,
    site_submit_reserve,
    site_turn_acquire,
    site_turn_release,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def gate_settings(settings):
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0.5
    settings.REGISTRADURIA_BROWSERS_PER_SITE = 1
    settings.REGISTRADURIA_BREAKER_THRESHOLD = 3
    settings.REGISTRADURIA_BREAKER_COOLDOWN_SECONDS = 60
    return settings


def _acquire(site="wsp", seconds=20.0):
    return site_turn_acquire(site=site, deadline=time.monotonic() + seconds)


def test_concurrent_workers_start_lookups_at_least_the_interval_apart():
    starts, began, errors = [], [], []
    barrier = threading.Barrier(4)

    def worker():
        try:
            barrier.wait()
            for _ in range(2):
                turn = _acquire()
                assert isinstance(turn, Turn), turn
                turn.wait()
                began.append((turn.starts_at.timestamp(), time.time()))
                starts.append(turn.starts_at.timestamp())
                time.sleep(0.05)  # the "lookup"
                site_turn_release(turn=turn, outcome="active", reason="ok")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    starts.sort()
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 8
    # The reserved starts are exactly the interval apart or more (the database orders them)...
    assert min(gaps) >= 0.5 - 1e-3, gaps
    # ...each worker waited for its own start before it began...
    assert all(now >= start - 1e-3 for start, now in began)
    # ...and a backlog runs at the limit, not below it.
    assert starts[-1] - starts[0] < 7 * 0.5 + 2.0


def test_a_worker_that_keeps_coming_back_does_not_starve_one_that_waits(gate_settings):
    """Turns go oldest request first: a busy worker's next request queues behind a waiting one."""
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0.2
    stop, errors, greedy_turns, patient_turn = threading.Event(), [], [], {}
    first_turn_taken = threading.Event()

    def greedy():
        try:
            while not stop.is_set():
                turn = _acquire()
                greedy_turns.append(time.monotonic())
                turn.wait()
                first_turn_taken.set()
                time.sleep(0.3)  # a lookup longer than the interval, then straight back for the next
                site_turn_release(turn=turn, outcome="active", reason="ok")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def patient():
        try:
            first_turn_taken.wait(10)
            patient_turn["asked"] = time.monotonic()
            turn = _acquire()
            patient_turn["granted"] = time.monotonic()
            site_turn_release(turn=turn, outcome="active", reason="ok")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=greedy), threading.Thread(target=patient)]
    for t in threads:
        t.start()
    threads[1].join(timeout=30)
    stop.set()
    threads[0].join(timeout=30)
    assert errors == []
    # The patient worker gets the very next turn: the greedy one, back for more while it waits,
    # is given none between its request and its grant (however long a loaded machine takes).
    assert set(patient_turn) == {"asked", "granted"}
    assert [t for t in greedy_turns if patient_turn["asked"] < t < patient_turn["granted"]] == []


def test_one_browser_per_site_at_a_time(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    first = _acquire()
    assert isinstance(first, Turn)
    busy = site_turn_acquire(site="wsp", deadline=time.monotonic() + 0.6)
    assert isinstance(busy, Refusal) and busy.reason == "site_busy"
    assert isinstance(_acquire(site="consultacenso"), Turn)  # other sites are independent
    site_turn_release(turn=first, outcome="active", reason="ok")
    assert isinstance(_acquire(), Turn)


def test_a_dead_workers_lease_expires(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    assert isinstance(_acquire(), Turn)  # never released: its worker "died"
    SiteLease.objects.filter(site="wsp").update(held_until=timezone.now() - timedelta(seconds=1))
    assert isinstance(_acquire(), Turn)


def test_more_browsers_per_site_when_configured(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    gate_settings.REGISTRADURIA_BROWSERS_PER_SITE = 2
    assert isinstance(_acquire(), Turn)
    assert isinstance(_acquire(), Turn)
    assert isinstance(site_turn_acquire(site="wsp", deadline=time.monotonic() + 0.5), Refusal)


def test_breaker_opens_after_repeated_blocks_and_records_why(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    for _ in range(2):
        site_turn_release(turn=_acquire(), outcome="blocked", reason="waf_block")
    assert breaker_states()["wsp"]["state"] == "closed"
    assert breaker_states()["wsp"]["blocks_in_a_row"] == 2
    site_turn_release(turn=_acquire(), outcome="blocked", reason="waf_block")
    state = breaker_states()["wsp"]
    assert state["state"] == "open"
    assert state["breaker"]["reason"] == "waf_block"
    assert state["breaker"]["until"] > time.time() + 50
    refusal = _acquire()
    assert isinstance(refusal, Refusal) and refusal.reason == "breaker_open"
    assert refusal.retry_after is not None and 50 < refusal.retry_after <= 60


def test_errors_and_unsolved_captchas_do_not_trip_the_breaker(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    for reason in ("maintenance", "timeout", "server_error", "unrecognised_layout"):
        site_turn_release(turn=_acquire(), outcome="error", reason=reason)
    for _ in range(3):
        site_turn_release(turn=_acquire(), outcome="blocked", reason="captcha_unsolved")
    assert breaker_states()["wsp"]["state"] == "closed"


def test_after_the_cool_down_one_probe_decides(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    for _ in range(3):
        site_turn_release(turn=_acquire(), outcome="blocked", reason="waf_block")
    EgressGate.objects.filter(site="wsp").update(breaker_open_until=timezone.now() - timedelta(seconds=1))
    probe = _acquire()
    assert isinstance(probe, Turn)
    site_turn_release(turn=probe, outcome="blocked", reason="waf_block")  # still blocked: open again at once
    assert breaker_states()["wsp"]["state"] == "open"
    EgressGate.objects.filter(site="wsp").update(breaker_open_until=timezone.now() - timedelta(seconds=1))
    site_turn_release(turn=_acquire(), outcome="not_found", reason="ok")  # answered: closed
    closed = {"state": "closed", "breaker": None, "pause": None, "blocks_in_a_row": 0, "next_slot_at": None}
    state = breaker_states()["wsp"]
    assert {k: v for k, v in state.items() if k != "egresses"} | {"next_slot_at": None} == closed
    assert state["egresses"]["direct"] | {"next_slot_at": None} == closed


def test_retry_after_pauses_the_site_for_every_worker(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    site_turn_release(turn=_acquire(), outcome="error", reason="rate_limited", retry_after=30)
    state = breaker_states()["wsp"]
    assert state["state"] == "paused" and state["pause"]["reason"] == "rate_limited"
    refusal = _acquire()
    assert isinstance(refusal, Refusal) and refusal.reason == "site_paused"
    assert refusal.retry_after is not None and 25 < refusal.retry_after <= 30


def test_operator_reset_closes_the_breaker(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    for _ in range(3):
        site_turn_release(turn=_acquire(), outcome="blocked", reason="js_challenge")
    site_gate_reset(site="wsp")
    assert breaker_states()["wsp"]["state"] == "closed"
    assert isinstance(_acquire(), Turn)


def test_a_turn_beyond_the_deadline_is_refused_and_frees_its_lease(gate_settings):
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 30
    site_turn_release(turn=_acquire(), outcome="active", reason="ok")
    refusal = site_turn_acquire(site="wsp", deadline=time.monotonic() + 2)
    assert isinstance(refusal, Refusal) and refusal.reason == "site_busy"
    assert SiteLease.objects.filter(site="wsp", held_until__isnull=False).count() == 0


def test_a_start_that_slipped_pushes_the_next_one_back(gate_settings):
    """The site must never see two lookups closer than the interval, even when a browser was slow to
    send its first request after its reserved start."""
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 1.0
    first = _acquire()
    slipped = first.starts_at.timestamp() + 0.7  # the first request really went out 0.7 s late
    site_turn_release(turn=first, outcome="active", reason="ok", started_at=slipped)
    second = _acquire()
    assert second.starts_at.timestamp() >= slipped + 1.0 - 1e-3


def test_submissions_through_one_egress_are_reserved_the_interval_apart_while_both_are_on_the_site(
    gate_settings,
):
    """Two browsers on the site at once: the second page may load faster than the first, so each
    submission reserves its moment on the egress, the interval (and a margin) after the one before,
    whichever lookup it belongs to, and before the first has handed its turn back."""
    gate_settings.REGISTRADURIA_BROWSERS_PER_SITE = 2
    gate_settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 2.0
    first, second = _acquire(), _acquire()
    spacing = 2.0 + SUBMIT_MARGIN_SECONDS
    first_at = site_submit_reserve(turn=first)
    second_at = site_submit_reserve(turn=second)  # its page loaded first: it still waits
    assert second_at >= first_at + spacing - 1e-3
    # A lookup's own resubmission (after a reload) is not sooner than its own previous one allows.
    later = time.time() + 10
    assert site_submit_reserve(turn=first, not_before=later) >= later - 1e-3  # (microseconds in the row)
    assert site_submit_reserve(turn=second) >= later + spacing - 1e-3
