"""The simulated solver's latency model: the distribution alone, then the 2Captcha exchange that uses it."""

import statistics
import time
from collections.abc import Callable

import pytest
import requests

from devtools.registraduria_simulator.__main__ import _arguments, main
from devtools.registraduria_simulator.scenarios import SITEKEY_WSP
from devtools.registraduria_simulator.server import Simulator
from devtools.registraduria_simulator.solver import DEFAULT_SOLVE_SEED, REALISTIC_MAX_SECONDS, SolveLatency

DRAWS = 20_000
FAST = 0.01  # the time scale of the tests that run a simulator: a 20 s median solve takes 0.2 s
HANG_GUARD_SECONDS = 60  # only so that a broken solver fails the test instead of hanging it


def _draws(latency: SolveLatency, count: int) -> list[tuple[float, bool]]:
    return [latency.draw() for _ in range(count)]


# --- the model -----------------------------------------------------------------------------------


def test_realistic_latencies_have_2captchas_median_p90_cap_and_unsolvable_share():
    draws = _draws(SolveLatency("realistic"), DRAWS)
    seconds = [latency for latency, _ in draws]
    deciles = statistics.quantiles(seconds, n=10)

    assert statistics.median(seconds) == pytest.approx(20, abs=1.5)
    assert deciles[8] == pytest.approx(40, abs=3)  # the p90
    assert max(seconds) <= REALISTIC_MAX_SECONDS
    assert min(seconds) > 0
    assert sum(not solvable for _, solvable in draws) / DRAWS == pytest.approx(0.03, abs=0.006)


def test_the_same_seed_draws_the_same_sequence_and_another_seed_does_not():
    first = _draws(SolveLatency("realistic", seed=11), 200)

    assert _draws(SolveLatency("realistic", seed=11), 200) == first
    assert _draws(SolveLatency("realistic", seed=12), 200) != first
    assert _draws(SolveLatency("realistic"), 200) == _draws(SolveLatency("realistic", seed=DEFAULT_SOLVE_SEED), 200)


def test_reseeding_restarts_the_sequence():
    latency = SolveLatency("realistic", seed=5)
    first = _draws(latency, 50)

    latency.reseed(5)

    assert _draws(latency, 50) == first


def test_fixed_latency_is_solve_seconds_and_always_solvable():
    assert _draws(SolveLatency("fixed", seconds=2.5), 100) == [(2.5, True)] * 100
    assert SolveLatency(seconds=1.0).draw() == (1.0, True)  # fixed is the default


def test_scale_multiplies_every_latency():
    slow = _draws(SolveLatency("realistic", seed=3), 500)
    fast = _draws(SolveLatency("realistic", seed=3, scale=0.1), 500)

    assert [solvable for _, solvable in fast] == [solvable for _, solvable in slow]
    assert [latency for latency, _ in fast] == pytest.approx([latency * 0.1 for latency, _ in slow])
    assert SolveLatency("fixed", seconds=2.0, scale=0.5).draw() == (1.0, True)


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError):
        SolveLatency("instant")


# --- in the simulator ----------------------------------------------------------------------------


def _wait_until(condition: Callable[[], bool], *, what: str) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def _submit(sim: Simulator) -> str:
    answer = requests.post(
        f"https://{sim.solver_server}/in.php",
        data={"key": "clave", "method": "userrecaptcha", "googlekey": SITEKEY_WSP, "pageurl": sim.wsp_url},
        verify=sim.ca_path,
        timeout=5,
    ).text
    assert answer.startswith("OK|"), answer
    return answer[3:]


def _result(sim: Simulator, job: str) -> str:
    return requests.get(
        f"https://{sim.solver_server}/res.php",
        params={"key": "clave", "action": "get", "id": job},
        verify=sim.ca_path,
        timeout=5,
    ).text


@pytest.fixture
def realistic_sim(tmp_path):
    simulator = Simulator(
        port=0, solver_port=0, ca_path=tmp_path / "ca.pem", solve_latency="realistic", solve_seed=7, solve_scale=FAST
    )
    with simulator:
        yield simulator


def test_realistic_solver_answers_tokens_or_unsolvable_over_2captchas_protocol(realistic_sim):
    # Enough jobs that the seeded sequence holds an unsolvable one; the simulator draws job k's outcome
    # from the same sequence, so which jobs fail is known beforehand.
    model = SolveLatency("realistic", seed=7, scale=FAST)
    expected: list[tuple[float, bool]] = []
    while not expected or expected[-1][1]:
        expected.append(model.draw())
    jobs = [_submit(realistic_sim) for _ in expected]
    answers: dict[str, str] = {}

    def all_answered() -> bool:
        for job in jobs:
            if job not in answers and (answer := _result(realistic_sim, job)) != "CAPCHA_NOT_READY":
                answers[job] = answer
        return len(answers) == len(jobs)

    _wait_until(all_answered, what="every job's answer")

    for job, (_, solvable) in zip(jobs, expected, strict=True):
        if solvable:
            assert answers[job].startswith("OK|03AFcWeA"), answers[job]
        else:
            assert answers[job] == "ERROR_CAPTCHA_UNSOLVABLE"
    counted = realistic_sim.state()["solver_jobs"]
    unsolvable = sum(not solvable for _, solvable in expected)
    assert (counted["submitted"], counted["delivered"], counted["unsolvable"]) == (
        len(jobs),
        len(jobs) - unsolvable,
        unsolvable,
    )
    assert sorted(counted["latencies"]) == pytest.approx(sorted(s for s, solvable in expected if solvable))
    assert len(realistic_sim.state()["solves"]) == len(jobs)  # the existing counter still counts submissions

    assert [_result(realistic_sim, job) for job in jobs] == [answers[job] for job in jobs]  # polling again repeats
    assert realistic_sim.state()["solver_jobs"] == counted  # and counts nothing new


def test_a_token_is_not_ready_before_its_drawn_latency(tmp_path):
    with Simulator(port=0, solver_port=0, ca_path=tmp_path / "ca.pem", solve_latency="realistic") as sim:
        job = _submit(sim)  # a full-scale solve: the first draw of the default seed, seconds away
        latency, _ = SolveLatency("realistic").draw()

        assert latency > 5  # far more than a poll takes
        assert _result(sim, job) == "CAPCHA_NOT_READY"
        assert sim.state()["solver_jobs"] == {"submitted": 1, "delivered": 0, "unsolvable": 0, "latencies": []}


def test_latency_settings_change_through_the_control_endpoint_and_reset(tmp_path):
    with Simulator(port=0, solver_port=0, ca_path=tmp_path / "ca.pem", solve_seconds=30) as sim:
        assert (sim.state()["solve_latency"], sim.solve_seconds) == ("fixed", 30.0)
        slow_job = _submit(sim)

        changed = requests.post(
            sim.control_url, json={"solve_latency": "realistic", "solve_seed": 9, "solve_scale": FAST}, timeout=5
        ).json()
        fast_job = _submit(sim)
        _wait_until(lambda: _result(sim, fast_job) != "CAPCHA_NOT_READY", what="the job submitted after the change")

        assert (changed["solve_latency"], changed["solve_seed"], changed["solve_scale"]) == ("realistic", 9, FAST)
        assert _result(sim, slow_job) == "CAPCHA_NOT_READY"  # a job keeps the latency it was given
        for bad in ({"solve_latency": "instant"}, {"solve_seed": "x"}, {"solve_scale": -1}, {"solve_seconds": True}):
            response = requests.post(sim.control_url, json=bad, timeout=5)
            assert response.status_code == 400
            assert "error" in response.json()
        sim.set_mode(solve_seconds=0)
        assert sim.solve_seconds == 0.0

        reset = sim.reset()
        assert (reset["solve_latency"], reset["solve_seconds"], reset["solve_scale"]) == ("fixed", 30.0, 1.0)
        assert reset["solver_jobs"] == {"submitted": 0, "delivered": 0, "unsolvable": 0, "latencies": []}


def test_out_of_range_constructor_values_are_refused():
    with pytest.raises(ValueError):
        Simulator(solve_latency="instant")
    with pytest.raises(ValueError):
        Simulator(solve_scale=-0.5)


def test_command_line_takes_the_latency_options(tmp_path, capsys):
    options = _arguments(["--solve-latency", "realistic", "--solve-seed", "4", "--solve-scale", "0.1"])
    defaults = _arguments([])

    assert (options.solve_latency, options.solve_seed, options.solve_scale) == ("realistic", 4, 0.1)
    assert (defaults.solve_latency, defaults.solve_seed, defaults.solve_scale) == ("fixed", DEFAULT_SOLVE_SEED, 1.0)
    assert defaults.solve_seconds == 1.0
    assert main(["--port", "0", "--ca-file", str(tmp_path / "ca.pem"), "--solve-scale", "-1"]) == 2
    assert "solve_scale" in capsys.readouterr().err
