"""The egress pool: REGISTRADURIA_EGRESS parsed loudly, turns spread over the egresses with each one's
own spacing, breaker and pause, and real lookups going out through real forward proxies on loopback
(`devtools.egress_proxy`), each from its own source address, against a simulator that limits and
blocks per client address."""

import time
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from devtools.egress_proxy import ForwardProxy
from verification.models import EgressGate
from verification.ops.operations import prometheus_metrics
from verification.registraduria import breaker_states, egress, lookup, politeness
from verification.registraduria.politeness import Refusal, Turn, site_turn_acquire, site_turn_release
from verification.registraduria.tokens import captcha_pipeline_plan
from verification.selectors import verification_breaker_states

EGRESSES = ["direct", "http://127.0.0.1:3101", "http://usuario:s%40creta@proxy.example:8080"]


def test_entries_are_parsed_into_labels_that_never_show_credentials():
    direct, plain, secret = (egress.parse(entry) for entry in EGRESSES)
    assert (direct.label, direct.proxy) == ("direct", None)
    assert (plain.label, plain.proxy) == ("127.0.0.1:3101", {"server": "http://127.0.0.1:3101"})
    assert secret.label == "proxy.example:8080"
    assert secret.proxy == {"server": "http://proxy.example:8080", "username": "usuario", "password": "s@creta"}
    assert egress.parse("socks5://10.0.0.7:1080").proxy == {"server": "socks5://10.0.0.7:1080"}


@pytest.mark.parametrize(
    "entry",
    [
        "proxy.example:8080",  # no scheme: ambiguous, refused
        "ftp://proxy.example:21",
        "http://proxy.example",  # no port
        "http://usuario:clave@proxy.example:99999",
        "http://proxy.example:8080/ruta",
        "socks5://usuario:clave@proxy.example:1080",  # Chromium cannot authenticate to SOCKS
    ],
)
def test_a_bad_entry_fails_loudly_without_its_password(entry):
    with pytest.raises(ImproperlyConfigured) as error:
        egress.parse(entry)
    assert "REGISTRADURIA_EGRESS" in str(error.value) and "clave" not in str(error.value)


def test_an_egress_listed_twice_is_refused(settings):
    settings.REGISTRADURIA_EGRESS = ["direct", "http://127.0.0.1:3101", "http://u:p@127.0.0.1:3101"]
    with pytest.raises(ImproperlyConfigured, match=r"127\.0\.0\.1:3101 more than once"):
        egress.pool()
    settings.REGISTRADURIA_EGRESS = []
    assert egress.labels() == ["direct"]


@pytest.fixture
def three_egresses(settings):
    settings.REGISTRADURIA_EGRESS = EGRESSES
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 30
    settings.REGISTRADURIA_BROWSERS_PER_SITE = 1
    settings.REGISTRADURIA_BREAKER_THRESHOLD = 1
    settings.REGISTRADURIA_BREAKER_COOLDOWN_SECONDS = 600
    settings.REGISTRADURIA_EGRESS_COOLDOWN_SECONDS = 45
    return egress.labels()


def _acquire(seconds: float = 2.0):
    return site_turn_acquire(site="wsp", deadline=time.monotonic() + seconds)


@pytest.mark.django_db(transaction=True)
def test_each_egress_gives_a_turn_per_interval_and_keeps_its_own_spacing(three_egresses):
    turns = [_acquire() for _ in range(3)]
    assert all(isinstance(turn, Turn) for turn in turns), turns
    assert sorted(turn.egress for turn in turns) == sorted(three_egresses)  # three at once, one per egress
    now = timezone.now()
    assert all(turn.starts_at <= now for turn in turns)
    assert {turn.egress: turn.proxy for turn in turns}["proxy.example:8080"]["username"] == "usuario"
    for turn in turns:
        site_turn_release(turn=turn, outcome="active", reason="ok")
    busy = _acquire(seconds=1.0)  # every egress's next start is 30 s away
    assert isinstance(busy, Refusal) and busy.reason == "site_busy"
    assert busy.retry_after is not None and 25 < busy.retry_after <= 30
    assert captcha_pipeline_plan() is None  # no sitekey known: nothing to solve, whatever the egresses


@pytest.mark.django_db(transaction=True)
def test_a_blocked_egress_rests_while_the_others_go_on(three_egresses):
    first = _acquire()
    site_turn_release(turn=first, outcome="blocked", reason="waf_block")  # threshold 1: its breaker opens
    failed = _acquire()
    assert failed.egress != first.egress
    site_turn_release(turn=failed, outcome="error", reason=politeness.EGRESS_REASON)  # its proxy is down
    assert politeness.site_refusal(site="wsp") is None  # one egress still takes lookups
    assert politeness.site_open_egresses(site="wsp") == 1
    report = breaker_states()["wsp"]
    assert report["state"] == "closed"
    assert report["egresses"][first.egress]["state"] == "open"
    assert report["egresses"][first.egress]["breaker"]["reason"] == "waf_block"
    assert report["egresses"][failed.egress]["pause"]["reason"] == politeness.EGRESS_REASON
    assert 40 < report["egresses"][failed.egress]["pause"]["until"] - time.time() <= 45
    metrics = prometheus_metrics()
    assert f'pagina_madre_egress_state{{site="wsp",egress="{first.egress}",state="open"}} 1' in metrics
    assert f'pagina_madre_egress_state{{site="wsp",egress="{failed.egress}",state="paused"}} 1' in metrics
    assert 'pagina_madre_breaker_open{site="wsp"} 0' in metrics  # the site itself still takes lookups
    (console,) = [b for b in verification_breaker_states(known_sites=["wsp"]) if b.site == "wsp"]
    assert console.state == "cerrado" and "1 de 3 salidas disponibles" in console.detail
    assert f"{first.egress}: abierto (waf_block" in console.detail

    last = _acquire()
    assert isinstance(last, Turn) and last.egress not in (first.egress, failed.egress)
    site_turn_release(turn=last, outcome="blocked", reason="captcha_rejected")
    # Every egress refuses now: the site does, with the refusal that ends first (the pause, 45 s).
    refusal = politeness.site_refusal(site="wsp")
    assert refusal is not None and refusal.reason == "site_paused"
    assert refusal.retry_after is not None and 40 < refusal.retry_after <= 45
    assert breaker_states()["wsp"]["state"] == "paused"
    assert isinstance(_acquire(), Refusal)
    politeness.site_gate_reset(site="wsp")  # the operator's reset covers every egress
    assert politeness.site_open_egresses(site="wsp") == 3


@pytest.mark.django_db(transaction=True)
def test_an_egress_taken_out_of_the_setting_gets_no_turns(three_egresses, settings):
    EgressGate.objects.create(site="wsp", egress="old-proxy:3128", paused_until=timezone.now() - timedelta(1))
    settings.REGISTRADURIA_EGRESS = ["direct"]
    turn = _acquire()
    assert isinstance(turn, Turn) and turn.egress == "direct"
    assert list(breaker_states()["wsp"]["egresses"]) == ["direct"]
    assert isinstance(_acquire(seconds=0.5), Refusal)


@pytest.fixture
def proxies():
    """Three forward proxies, the site seeing each from its own address; the third asks for credentials."""
    started = [
        ForwardProxy(source="127.0.0.2").start(),
        ForwardProxy(source="127.0.0.3").start(),
        ForwardProxy(source="127.0.0.4", user="usuario", password="clave-proxy").start(),
    ]
    yield started
    for proxy in started:
        proxy.stop()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_lookups_go_out_through_every_egress_at_the_sites_limit_for_each(simulator, settings, proxies):
    settings.REGISTRADURIA_EGRESS = [proxy.url for proxy in proxies]
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 2
    # The site's own limit: an address that comes back sooner than 2 s is refused (429).
    simulator.set_mode(client_interval_seconds=2)
    results = [lookup("1000000001", deadline_s=60) for _ in range(6)]
    assert [r.outcome for r in results] == ["active"] * 6, [(r.outcome, r.reason) for r in results]
    clients = simulator.state()["clients"]
    assert set(clients) == {"127.0.0.2", "127.0.0.3", "127.0.0.4"}  # the site never saw our own address
    assert all(len(seen["lookups"]) == 2 and seen["refused"] == 0 for seen in clients.values()), clients
    assert all(proxy.requests > 0 for proxy in proxies)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_egress_the_site_blocks_rests_and_one_whose_proxy_is_down_too(simulator, settings, proxies):
    down = ForwardProxy(source="127.0.0.5").start()
    down.stop()  # its port refuses connections now
    blocked, good = proxies[0], proxies[1]
    settings.REGISTRADURIA_EGRESS = [down.url, blocked.url, good.url]
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    settings.REGISTRADURIA_CONFIRM_NOT_FOUND = False
    settings.REGISTRADURIA_BREAKER_THRESHOLD = 1
    settings.REGISTRADURIA_BREAKER_COOLDOWN_SECONDS = 600
    settings.REGISTRADURIA_EGRESS_COOLDOWN_SECONDS = 600
    simulator.set_mode(blocked_clients=["127.0.0.2"])
    results = [lookup("1000000001", deadline_s=60) for _ in range(5)]
    reasons = [(r.outcome, r.reason) for r in results]
    # Turns spread over the pool: the egress whose proxy is down fails once and rests, the blocked one
    # is blocked once and its breaker opens, and the good one answers every lookup after.
    assert sorted(reasons[:3]) == [("active", "ok"), ("blocked", "waf_block"), ("error", politeness.EGRESS_REASON)]
    assert reasons[3:] == [("active", "ok")] * 2, reasons
    egresses = breaker_states()["wsp"]["egresses"]
    label = {proxy.url: egress.parse(proxy.url).label for proxy in (down, blocked, good)}
    assert egresses[label[down.url]]["pause"]["reason"] == politeness.EGRESS_REASON
    assert egresses[label[blocked.url]]["breaker"]["reason"] == "waf_block"
    assert egresses[label[good.url]]["state"] == "closed"
    clients = simulator.state()["clients"]
    assert len(clients["127.0.0.2"]["pages"]) == 1  # the blocked egress was not sent again
    assert len(clients["127.0.0.3"]["lookups"]) == 3
    assert "127.0.0.5" not in clients and "127.0.0.1" not in clients
