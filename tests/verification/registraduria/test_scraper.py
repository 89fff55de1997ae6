"""The real scraper (Playwright + Debian Chromium + the 2Captcha client) against the simulator.

Every scenario, on each front alone and with the configured failover order, ends in the right
classification; captcha `none`, failover, the shared rate limit, Retry-After and the breaker are
seen from the simulator's side (what reached the "site"), not only from the scraper's answer.
"""

import itertools
import time

import pytest

from devtools.registraduria_simulator import SCENARIOS
from devtools.registraduria_simulator.scenarios import SITEKEY_CENSO
from verification.lookup import FIELD_NAMES
from verification.registraduria import breaker_states, fronts, lookup, politeness

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FRONTS = ["wsp", "consultacenso", "infovotantes"]

# cédula -> (outcome, reason) every front must end in.
EXPECTED = {
    "1000000010": ("active", "ok"),
    "1000000011": ("active", "ok"),
    "1000000012": ("active", "ok"),
    "1000000013": ("active", "ok"),
    "1000000020": ("cancelled", "ok"),
    # One front alone cannot confirm a not-found: it stands, noted (confirmation is tested below).
    "1000000030": ("not_found", "not_found_unconfirmed"),
    "1000000031": ("cancelled", "ok"),
    "1000000040": ("blocked", "waf_block"),
    "1000000041": ("blocked", "captcha_rejected"),
    "1000000042": ("error", "nonce_expired"),
    "1000000043": ("active", "ok"),
    "1000000044": ("error", "upstream_timeout"),
    "1000000045": ("error", "server_error"),
    "1000000046": ("error", "maintenance"),
    "1000000047": ("error", "rate_limited"),
    "1000000048": ("error", "unrecognised_layout"),
    "1000000049": ("error", "timeout"),
    "1000000050": ("blocked", "js_challenge"),
}


# Where a front answers otherwise: the fronts disagree about this person.
EXPECTED_ON = {("1000000031", "wsp"): ("not_found", "not_found_unconfirmed")}


def test_every_simulator_scenario_has_an_expectation():
    assert set(EXPECTED) == set(SCENARIOS)


def _place_fields(cedula: str) -> dict:
    place = SCENARIOS[cedula].place
    assert place is not None
    return {
        "departamento": place.departamento,
        "municipio": place.municipio,
        "puesto": place.puesto,
        "direccion": place.direccion,
        "mesa": place.mesa,
        "zona": place.zona,
    }


@pytest.mark.parametrize("front", FRONTS)
@pytest.mark.parametrize("cedula", sorted(EXPECTED))
def test_each_front_classifies_each_scenario(simulator, settings, front, cedula):
    settings.REGISTRADURIA_FRONTS = [front]
    if cedula == "1000000049":  # the hang (8 s) outlasts a short page timeout
        settings.REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS = 4
    result = lookup(cedula, deadline_s=20)
    expected = EXPECTED_ON.get((cedula, front), EXPECTED[cedula])
    assert (result.outcome, result.reason) == expected, result.evidence
    assert result.site == front
    assert set(result.fields) == set(FIELD_NAMES)
    scenario = SCENARIOS[cedula]
    if result.outcome == "active":
        assert {k: result.fields[k] for k in _place_fields(cedula)} == _place_fields(cedula)
    if result.outcome == "cancelled":
        assert scenario.novelty is not None
        assert result.fields["novedad"].upper() == scenario.novelty.name.upper()
        assert result.fields["resolucion"] == scenario.novelty.resolution
        assert result.fields["fecha_novedad"] == scenario.novelty.date
    if cedula == "1000000047":
        assert result.retry_after == 30
    # The evidence is bounded and redacted: front, status, timing, classification; never the number.
    assert len(result.evidence) == 1
    assert set(result.evidence[0]) == {"front", "status", "ms", "outcome", "reason"}
    assert cedula not in repr(result.evidence)
    # Each lookup reached the simulated site exactly once (nonce_expired: the page's own reload).
    submissions = len(simulator.state()["lookups"][front])
    if cedula == "1000000042" and front == "wsp":
        assert submissions == 2
    else:
        assert submissions == 1


def test_captcha_provider_none_ends_blocked_without_submitting(simulator, settings):
    settings.CAPTCHA_PROVIDER = "none"
    result = lookup("1000000010", deadline_s=20)
    assert (result.outcome, result.reason) == ("blocked", "captcha_unsolved")
    assert all(not times for times in simulator.state()["lookups"].values())
    assert breaker_states()["wsp"]["state"] == "closed"  # not the site's fault: no breaker


def test_a_front_that_is_down_hands_over_to_the_next(simulator):
    simulator.set_mode(down=["wsp"])
    result = lookup("1000000013", deadline_s=30)
    assert (result.outcome, result.site) == ("active", "consultacenso")
    assert [(e["front"], e["outcome"], e["reason"]) for e in result.evidence] == [
        ("wsp", "error", "maintenance"),
        ("consultacenso", "active", "ok"),
    ]
    assert result.evidence[0]["status"] == 503


def test_all_fronts_down_is_an_error_with_every_attempt_in_evidence(simulator):
    simulator.set_mode(mode="all_503")
    result = lookup("1000000013", deadline_s=30)
    assert (result.outcome, result.reason) == ("error", "maintenance")
    assert [e["front"] for e in result.evidence] == FRONTS


def test_a_block_wins_over_errors_when_no_front_answers(simulator):
    simulator.set_mode(down=["consultacenso", "infovotantes"])
    result = lookup("1000000040", deadline_s=30)
    assert (result.outcome, result.reason, result.site) == ("blocked", "waf_block", "wsp")


def test_lookups_on_one_site_keep_the_configured_spacing(simulator, settings):
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 2.0
    for cedula in ("1000000010", "1000000013", "1000000030", "1000000011"):
        assert lookup(cedula, deadline_s=20).outcome in ("active", "not_found")
    # A lookup starts with its page load: those are what the turns space out. The turns themselves
    # are exact; the page's request reaches the site a little after its turn, by a delay that varies
    # (tens of ms with Playwright on an idle machine; up to about 0.3 s seen with patchright, which
    # intercepts the page's document request, beside a full CI run), so the gaps are allowed half a
    # second less than the interval. Back to back, without turns, they are about 0.1 s. The
    # submissions, the lookups proper, are spaced exactly (the next test). The first lookup warms
    # the browser and is left out.
    times = simulator.state()["pages"]["wsp"][1:]
    assert len(times) == 3
    assert all(b - a >= 1.5 for a, b in itertools.pairwise(times)), times


def test_submissions_keep_the_spacing_too_when_a_page_loads_faster_than_the_one_before(simulator, settings):
    """The site limits queries. The first lookup solves its captcha inside its turn (the sitekey is
    not known yet), so its submission comes late after its page; the second has its token in hand and
    would submit at once: it waits until the first's submission is the interval behind."""
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    # The site refuses queries closer than 2.0 s as it sees them arrive. The reservation is made just
    # before the browser sends the submission, and on a loaded machine one submission's trip through
    # Chromium took over 50 ms more than the next one's (a CI run): 0.25 s of slack for that trip.
    # Without the wait, the second submission would come about 1 s after the first and be refused.
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 2.25
    fronts.KNOWN_SITEKEYS.clear()
    simulator.set_mode(solve_seconds=1.5, client_interval_seconds=2.0)  # the site refuses closer queries
    first = lookup("1000000010", deadline_s=30)
    assert first.outcome == "active", first
    simulator.set_mode(solve_seconds=0)  # the next tokens come at once, before the turn
    for cedula in ("1000000013", "1000000011"):
        result = lookup(cedula, deadline_s=30)
        assert result.outcome == "active", (result, simulator.state()["clients"])
    state = simulator.state()
    queries, pages = state["lookups"]["wsp"], state["pages"]["wsp"]
    assert queries[0] - pages[0] > 1.4  # the first solved inside its turn
    assert all(b - a >= 2.0 for a, b in itertools.pairwise(queries)), queries
    assert state["clients"]["127.0.0.1"]["refused"] == 0
    # The simulator counts the lookups per cédula too (the kill drill checks them): each one once.
    assert {cedula: len(times) for cedula, times in state["wsp_cedulas"].items()} == dict.fromkeys(
        ("1000000010", "1000000013", "1000000011"), 1
    )


def test_retry_after_pauses_the_site_and_the_next_front_answers(simulator):
    first = lookup("1000000047", deadline_s=30)  # 429 everywhere for this cédula
    assert (first.outcome, first.reason, first.retry_after) == ("error", "rate_limited", 30)
    assert breaker_states()["wsp"]["state"] == "paused"
    second = lookup("1000000013", deadline_s=20)
    # wsp, consultacenso and infovotantes all asked us to wait: nobody is asked again meanwhile.
    assert (second.outcome, second.reason) == ("error", "site_paused")
    assert sum(len(t) for t in simulator.state()["lookups"].values()) == 3


def test_repeated_blocks_open_the_breaker_and_stop_the_traffic(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    for _ in range(settings.REGISTRADURIA_BREAKER_THRESHOLD):
        assert lookup("1000000040", deadline_s=20).reason == "waf_block"
    state = breaker_states()["wsp"]
    assert state["state"] == "open" and state["breaker"]["reason"] == "waf_block"
    result = lookup("1000000010", deadline_s=20)
    assert (result.outcome, result.reason) == ("blocked", "breaker_open")
    assert result.retry_after > 0
    assert len(simulator.state()["lookups"]["wsp"]) == settings.REGISTRADURIA_BREAKER_THRESHOLD


def test_a_hung_site_ends_within_the_deadline_and_hands_over(simulator, settings):
    settings.REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS = 4
    started = time.monotonic()
    result = lookup("1000000049", deadline_s=30)  # every front holds this answer 8 s; timeout 4 s
    assert (result.outcome, result.reason) == ("error", "timeout")
    assert time.monotonic() - started < 30
    assert [e["front"] for e in result.evidence] == FRONTS


def test_a_default_headless_browser_is_blocked_by_the_waf(simulator, page):
    """The simulator's WAF is real enough to need the profile: a plain headless Chromium is refused."""
    response = page.goto(simulator.wsp_url)
    assert response.status == 500
    assert "evento de seguridad" in page.inner_text("body")


def test_the_captcha_is_solved_before_the_turn_once_the_sitekey_is_known(simulator, settings):
    """A real solver takes 10 to 40 s: solved inside the turn, it would hold the site's only browser slot."""
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    fronts.KNOWN_SITEKEYS.clear()
    assert lookup("1000000013", deadline_s=20).outcome == "active"  # learns the sitekey (solves in turn)
    assert lookup("1000000030", deadline_s=20).outcome == "not_found"
    state = simulator.state()
    solves, pages = state["solves"], state["pages"]["wsp"]
    assert len(solves) == len(pages) == 2
    assert pages[0] < solves[0]  # first lookup: page, then solve
    assert solves[1] < pages[1]  # second: solved ahead, then the page


@pytest.mark.parametrize("stale", ["old_token", "other_sitekey"])
def test_a_presolved_token_that_no_longer_fits_is_not_used(simulator, settings, monkeypatch, stale):
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    assert lookup("1000000013", deadline_s=20).outcome == "active"
    if stale == "old_token":
        settings.CAPTCHA_TOKEN_LIFETIME_SECONDS = 10.0  # every token is too old to submit
    else:
        # A sitekey the page no longer carries (the solver still solves for it: another front's key).
        monkeypatch.setitem(fronts.KNOWN_SITEKEYS, "wsp", SITEKEY_CENSO)
    result = lookup("1000000030", deadline_s=20)
    assert (result.outcome, result.reason) == ("not_found", "not_found_unconfirmed")  # solved again inside the turn
    assert len(simulator.state()["lookups"]["wsp"]) == 2


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        ("CAPTCHA_API_KEY", "clave-equivocada", "captcha_service_error"),  # the solver says ERROR_WRONG_USER_KEY
        ("CAPTCHA_SERVER", "127.0.0.1:9", "captcha_service_unreachable"),  # nobody listens there
    ],
)
def test_a_failing_solver_is_a_transient_error_and_nothing_is_submitted(simulator, settings, setting, value, reason):
    settings.REGISTRADURIA_FRONTS = ["wsp"]
    fronts.KNOWN_SITEKEYS.clear()
    setattr(settings, setting, value)
    result = lookup("1000000013", deadline_s=20)
    assert (result.outcome, result.reason) == ("error", reason)
    assert simulator.state()["lookups"]["wsp"] == []
    assert breaker_states()["wsp"]["state"] == "closed"


# --- A not-found is confirmed on a second front ---------------------------------------------------


def test_a_not_found_confirmed_by_a_second_front_is_final(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso", "infovotantes"]
    result = lookup("1000000030", deadline_s=30)
    assert (result.outcome, result.reason, result.site) == ("not_found", "not_found_confirmed", "wsp")
    assert [(e["front"], e["outcome"], e.get("role")) for e in result.evidence] == [
        ("wsp", "not_found", None),
        ("consultacenso", "not_found", "confirmation"),
    ]
    lookups = simulator.state()["lookups"]
    assert (len(lookups["wsp"]), len(lookups["consultacenso"]), len(lookups["infovotantes"])) == (1, 1, 0)


def test_a_second_front_that_knows_the_person_wins_and_the_disagreement_is_kept(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    result = lookup("1000000031", deadline_s=30)
    assert (result.outcome, result.reason, result.site) == ("cancelled", "not_found_contradicted", "consultacenso")
    assert result.fields["novedad"] == "CANCELADA POR MUERTE"
    assert [(e["front"], e["outcome"]) for e in result.evidence] == [
        ("wsp", "not_found"),
        ("consultacenso", "cancelled"),
    ]


def test_a_second_front_that_fails_leaves_the_first_answer_noted(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    simulator.set_mode(down=["consultacenso"])
    result = lookup("1000000030", deadline_s=30)
    assert (result.outcome, result.reason, result.site) == ("not_found", "not_found_unconfirmed", "wsp")
    assert [(e["front"], e["outcome"]) for e in result.evidence] == [("wsp", "not_found"), ("consultacenso", "error")]


def test_a_blocked_second_front_is_not_asked(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    for _ in range(settings.REGISTRADURIA_BREAKER_THRESHOLD):  # three blocks open consultacenso's breaker
        turn = politeness.site_turn_acquire(site="consultacenso", deadline=time.monotonic() + 30)
        assert isinstance(turn, politeness.Turn)
        politeness.site_turn_release(
            turn=turn, outcome="blocked", reason="waf_block", retry_after=None, started_at=None
        )
    assert politeness.site_refusal(site="consultacenso") is not None
    result = lookup("1000000030", deadline_s=30)
    assert (result.outcome, result.reason) == ("not_found", "not_found_unconfirmed")
    assert [e["front"] for e in result.evidence] == ["wsp"]
    assert simulator.state()["lookups"]["consultacenso"] == []


def test_confirmation_can_be_switched_off(simulator, settings):
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    settings.REGISTRADURIA_CONFIRM_NOT_FOUND = False
    result = lookup("1000000030", deadline_s=30)
    assert (result.outcome, result.reason) == ("not_found", "ok")
    assert simulator.state()["lookups"]["consultacenso"] == []


# --- The wsp page's own reload on an expired nonce -------------------------------------------------


def test_an_expired_nonce_never_lets_the_page_navigate_under_the_scraper(simulator, settings):
    """An expired nonce on wsp, with slow page loads: the reply comes back classified, the retry runs
    on a fresh page, and no browser is replaced. (The race behind the hang seen in CI: the page
    reloading itself on `{"reload": true}` while the scraper closed it; the reply is now kept from
    the page, so it never reloads. Holding page loads does not by itself reproduce the hang: its
    window is the reload's commit.)"""
    from verification.registraduria.browser import HOST

    settings.REGISTRADURIA_FRONTS = ["wsp"]
    simulator.set_mode(wsp_reload_hold_seconds=2)  # a slow server widens any window a reload would open
    replaced = HOST.replaced_stuck
    result = lookup("1000000042", deadline_s=40)
    assert (result.outcome, result.reason) == ("error", "nonce_expired"), result.evidence
    assert HOST.replaced_stuck == replaced
    state = simulator.state()
    assert (len(state["pages"]["wsp"]), len(state["lookups"]["wsp"])) == (2, 2)
