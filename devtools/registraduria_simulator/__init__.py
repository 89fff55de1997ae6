"""A local stand-in for the Registraduría's census lookup (the three fronts and a 2Captcha-compatible
solver), for tests, benches and `make run`. Dev-only: the product never imports it.

- `scenarios`: what each cédula answers (the scenario table and the default families);
- `server`: the fronts' HTTP port, their pages and API replies, hostile modes and the control API;
- `solver`: the reCAPTCHA token store, the solve-latency model and the HTTPS solver API;
- `plumbing`: request/reply values and the static assets;
- `python -m devtools.registraduria_simulator --port 8001`: serves it until stopped.
"""

from devtools.registraduria_simulator.scenarios import FRONTS, MODES, SCENARIOS, Scenario, scenario_for
from devtools.registraduria_simulator.server import Simulator

__all__ = ["FRONTS", "MODES", "SCENARIOS", "Scenario", "Simulator", "scenario_for"]
