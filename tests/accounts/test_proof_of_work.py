"""The self-hosted proof of work: signed, levelled, bound to its form, accepted once."""

import base64
import json

import pytest
from altcha import Challenge, Payload, solve_challenge

from accounts.proof_of_work import pow_challenge_create, pow_solution_level

pytestmark = pytest.mark.django_db  # the used-solution marks live in the (database) cache


def solve(challenge_json: str) -> str:
    challenge = Challenge.from_dict(json.loads(challenge_json))
    solution = solve_challenge(challenge)
    assert solution is not None
    return Payload(challenge, solution).to_base64()


def test_a_solved_challenge_gives_its_level_once():
    payload = solve(pow_challenge_create(level=2, purpose="login"))
    assert pow_solution_level(payload=payload, purpose="login") == 2
    assert pow_solution_level(payload=payload, purpose="login") == 0  # a replay is worth nothing


def test_each_level_doubles_the_counter_range(settings):
    settings.POW_BASE_COUNTER = 10
    for level in (1, 2, 3):
        counters = []
        for _ in range(5):
            challenge = Challenge.from_dict(json.loads(pow_challenge_create(level=level, purpose="login")))
            solution = solve_challenge(challenge)
            assert solution is not None
            counters.append(solution.counter)
        assert all(10 * 2 ** (level - 1) <= c < 10 * 2**level for c in counters), (level, counters)


def test_levels_are_capped(settings):
    settings.POW_MAX_LEVEL = 2
    settings.POW_BASE_COUNTER = 10
    challenge = json.loads(pow_challenge_create(level=50, purpose="login"))
    assert challenge["parameters"]["data"]["level"] == 2


def test_a_solution_for_another_form_is_worth_nothing():
    payload = solve(pow_challenge_create(level=1, purpose="registro"))
    assert pow_solution_level(payload=payload, purpose="login") == 0


def test_a_forged_level_breaks_the_signature():
    payload = solve(pow_challenge_create(level=1, purpose="login"))
    data = json.loads(base64.b64decode(payload))
    data["challenge"]["parameters"]["data"]["level"] = 6
    forged = base64.b64encode(json.dumps(data).encode()).decode()
    assert pow_solution_level(payload=forged, purpose="login") == 0


def test_a_wrong_key_is_refused():
    # The proof is the derived key (a KDF output only the right counter gives); the server checks
    # it with one HMAC.
    challenge = Challenge.from_dict(json.loads(pow_challenge_create(level=1, purpose="login")))
    solution = solve_challenge(challenge)
    assert solution is not None
    solution.derived_key = ("0" if solution.derived_key[0] != "0" else "1") + solution.derived_key[1:]
    assert pow_solution_level(payload=Payload(challenge, solution).to_base64(), purpose="login") == 0


def test_an_expired_challenge_is_refused(time_machine, settings):
    time_machine.move_to("2026-12-01 10:00:00+00:00", tick=False)
    payload = solve(pow_challenge_create(level=1, purpose="login"))
    time_machine.shift(settings.POW_EXPIRES_SECONDS + 1)
    assert pow_solution_level(payload=payload, purpose="login") == 0


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "no es base64 ###",
        base64.b64encode(b"[]").decode(),
        base64.b64encode(b'{"challenge": 1}').decode(),
        "x" * 9000,
    ],
)
def test_garbage_is_worth_nothing_and_never_raises(payload):
    assert pow_solution_level(payload=payload, purpose="login") == 0
