"""Login throttling without lock-outs (accounts/throttle.py), for the person's login and the admin's.

Failures count per (cédula, network) and per network; past the allowance the next attempt must bring
a proof of work whose level grows with the failures. The owner who knows their password always gets
in; a stranger on another network cannot slow them down at all.
"""

import html
import json
import re

import pytest
from altcha import Challenge, Payload, solve_challenge
from django.urls import reverse

from accounts.throttle import client_network, login_pow_level
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

VICTIM = "1023456789"
ATTACKER_NET = "203.0.113.7"
VICTIM_NET = "198.51.100.20"
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def cheap_work(settings):
    settings.POW_BASE_COUNTER = 5  # the tests solve in Python; the level arithmetic is what they check
    settings.LOGIN_THROTTLE_FREE_FAILURES = 3
    settings.LOGIN_THROTTLE_NETWORK_FACTOR = 4


def challenge_in(body: str) -> str | None:
    found = re.search(r'data-pow-challenge="([^"]+)"', body)
    return html.unescape(found.group(1)) if found else None


def solved(challenge_json: str) -> str:
    challenge = Challenge.from_dict(json.loads(challenge_json))
    solution = solve_challenge(challenge)
    assert solution is not None
    return Payload(challenge, solution).to_base64()


def level_of(challenge_json: str) -> int:
    return int(json.loads(challenge_json)["parameters"]["data"]["level"])


def fail(client, cedula: str, ip: str, times: int, url: str = LOGIN, field: str = "cedula") -> None:
    """`times` wrong passwords, each paying the work asked for (an attempt without it is not even
    checked, so it does not count)."""
    for _ in range(times):
        data = {field: cedula, "password": "mala"}
        response = client.post(url, data, REMOTE_ADDR=ip)
        challenge = challenge_in(response.content.decode())
        if challenge is not None and "comprobación automática" in response.content.decode():
            client.post(url, {**data, "altcha": solved(challenge)}, REMOTE_ADDR=ip)


def test_networks_are_ipv4_24_and_ipv6_64():
    assert client_network("203.0.113.7") == "203.0.113.0/24"
    assert client_network("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert client_network("::ffff:203.0.113.7") == "203.0.113.0/24"
    assert client_network("no es una dirección") == "unknown"


def test_failures_past_the_allowance_ask_for_work_and_the_owner_gets_in_with_it(client):
    UserFactory(cedula=VICTIM)
    fail(client, VICTIM, ATTACKER_NET, 3)
    # The right password without the work: not checked, not refused for good either.
    response = client.post(LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD}, REMOTE_ADDR=ATTACKER_NET)
    assert response.status_code == 429
    assert "comprobación automática" in response.content.decode()
    assert "_auth_user_id" not in client.session
    challenge = challenge_in(response.content.decode())
    assert challenge is not None and level_of(challenge) == 1
    response = client.post(
        LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD, "altcha": solved(challenge)}, REMOTE_ADDR=ATTACKER_NET
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_each_further_failure_raises_the_level_up_to_the_cap(client, settings):
    settings.POW_MAX_LEVEL = 4
    UserFactory(cedula=VICTIM)
    levels = []
    for _ in range(8):
        fail(client, VICTIM, ATTACKER_NET, 1)
        levels.append(login_pow_level(cedula=VICTIM, client_ip=ATTACKER_NET))
    assert levels == [0, 0, 1, 2, 3, 4, 4, 4]


def test_a_wrong_password_with_valid_work_still_counts(client):
    UserFactory(cedula=VICTIM)
    fail(client, VICTIM, ATTACKER_NET, 3)
    response = client.post(LOGIN, {"cedula": VICTIM, "password": "mala"}, REMOTE_ADDR=ATTACKER_NET)
    challenge = challenge_in(response.content.decode())
    assert challenge is not None
    client.post(LOGIN, {"cedula": VICTIM, "password": "mala", "altcha": solved(challenge)}, REMOTE_ADDR=ATTACKER_NET)
    assert login_pow_level(cedula=VICTIM, client_ip=ATTACKER_NET) == 2


def test_work_of_a_lower_level_or_used_twice_is_not_enough(client):
    UserFactory(cedula=VICTIM)
    fail(client, VICTIM, ATTACKER_NET, 3)
    response = client.post(LOGIN, {"cedula": VICTIM, "password": "mala"}, REMOTE_ADDR=ATTACKER_NET)
    first = solved(challenge_in(response.content.decode()) or "")
    client.post(LOGIN, {"cedula": VICTIM, "password": "mala", "altcha": first}, REMOTE_ADDR=ATTACKER_NET)  # level 2 now
    response = client.post(
        LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD, "altcha": first}, REMOTE_ADDR=ATTACKER_NET
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_stranger_on_another_network_cannot_slow_the_owner_down(client):
    UserFactory(cedula=VICTIM)
    fail(client, VICTIM, ATTACKER_NET, 50)
    assert login_pow_level(cedula=VICTIM, client_ip=VICTIM_NET) == 0
    page = client.get(LOGIN, REMOTE_ADDR=VICTIM_NET)
    assert challenge_in(page.content.decode()) is None
    response = client.post(LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD}, REMOTE_ADDR=VICTIM_NET)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_failures_across_cedulas_on_the_owners_network_ask_for_work_never_refuse(client, settings):
    UserFactory(cedula=VICTIM)
    neighbour = "198.51.100.99"  # same /24 as the victim: an office, a carrier's NAT
    for n in range(30):
        fail(client, f"52{n:06d}", neighbour, 1)
    # The victim never failed; the form asks for the network's work before anything is typed.
    page = client.get(LOGIN, REMOTE_ADDR=VICTIM_NET)
    challenge = challenge_in(page.content.decode())
    assert challenge is not None
    assert level_of(challenge) == settings.POW_MAX_LEVEL
    response = client.post(
        LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD, "altcha": solved(challenge)}, REMOTE_ADDR=VICTIM_NET
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_success_clears_the_owners_pair_but_not_the_network(client):
    UserFactory(cedula=VICTIM)
    fail(client, VICTIM, VICTIM_NET, 3)
    response = client.post(LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD}, REMOTE_ADDR=VICTIM_NET)
    challenge = challenge_in(response.content.decode()) or ""
    client.post(
        LOGIN, {"cedula": VICTIM, "password": TEST_PASSWORD, "altcha": solved(challenge)}, REMOTE_ADDR=VICTIM_NET
    )
    assert "_auth_user_id" in client.session
    assert login_pow_level(cedula=VICTIM, client_ip=VICTIM_NET) == 0


ADMIN_LOGIN = reverse("admin:login")


def test_the_admin_login_counts_failures_and_asks_for_work(client, admin_user):
    fail(client, admin_user.cedula, ATTACKER_NET, 30, url=ADMIN_LOGIN, field="username")
    assert login_pow_level(cedula=admin_user.cedula, client_ip=ATTACKER_NET) > 0
    data = {"username": admin_user.cedula, "password": "clave-admin-2026", "next": "/admin/"}
    response = client.post(ADMIN_LOGIN, data, REMOTE_ADDR=ATTACKER_NET)
    body = response.content.decode()
    assert "comprobación automática" in body
    assert "_auth_user_id" not in client.session
    challenge = challenge_in(body)
    assert challenge is not None
    response = client.post(ADMIN_LOGIN, {**data, "altcha": solved(challenge)}, REMOTE_ADDR=ATTACKER_NET)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_admin_login_page_shows_the_networks_challenge(client, admin_user):
    assert challenge_in(client.get(ADMIN_LOGIN, REMOTE_ADDR=ATTACKER_NET).content.decode()) is None
    for n in range(12):
        fail(client, f"52{n:06d}", ATTACKER_NET, 1, url=ADMIN_LOGIN, field="username")
    assert challenge_in(client.get(ADMIN_LOGIN, REMOTE_ADDR=ATTACKER_NET).content.decode()) is not None


def test_the_admin_still_refuses_a_person_without_staff_rights(client):
    UserFactory(cedula=VICTIM)
    response = client.post(ADMIN_LOGIN, {"username": VICTIM, "password": TEST_PASSWORD}, REMOTE_ADDR=VICTIM_NET)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
