"""`python -m devtools.registraduria_simulator`: serve the simulator until SIGTERM or Ctrl-C."""

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from devtools.registraduria_simulator import MODES, Simulator
from devtools.registraduria_simulator.solver import (
    DEFAULT_SOLVE_SEED,
    REALISTIC_MEDIAN_SECONDS,
    REALISTIC_P90_SECONDS,
    SOLVE_LATENCIES,
    UNSOLVABLE_SHARE,
)

REPO = Path(__file__).resolve().parents[2]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.registraduria_simulator",
        description="Serves the Registraduría simulator (three fronts + a 2Captcha-compatible solver) until stopped.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="the fronts' HTTP port (0: any free port)")
    parser.add_argument(
        "--solver-port", type=int, default=None, help="the solver's HTTPS port (default: --port + 1; 0: any)"
    )
    parser.add_argument("--ca-file", default=None, help="the CA file to write (default: var/simulator-ca.pem)")
    parser.add_argument("--mode", choices=MODES, default="normal")
    parser.add_argument("--slow-seconds", type=float, default=3.0)
    parser.add_argument("--hang-seconds", type=float, default=35.0)
    parser.add_argument(
        "--solve-seconds", type=float, default=1.0, help="seconds each captcha solve takes with --solve-latency fixed"
    )
    parser.add_argument(
        "--solve-latency",
        choices=SOLVE_LATENCIES,
        default="fixed",
        help="fixed: every solve takes --solve-seconds; realistic: like 2Captcha (median 20 s, p90 40 s, "
        "at most 150 s, 3%% unsolvable)",
    )
    parser.add_argument(
        "--solve-seed",
        type=int,
        default=DEFAULT_SOLVE_SEED,
        help="seeds the realistic latencies (the same seed draws the same solves)",
    )
    parser.add_argument(
        "--solve-scale", type=float, default=1.0, help="multiplies every solve latency (0.1: ten times faster)"
    )
    parser.add_argument("--solver-key", default="", help="the API key the solver accepts (empty: any)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    logging.basicConfig(level=logging.DEBUG if options.verbose else logging.INFO, format="%(levelname)s %(message)s")
    ca_file = Path(options.ca_file) if options.ca_file else REPO / "var" / "simulator-ca.pem"
    ca_file.parent.mkdir(parents=True, exist_ok=True)
    solver_port = options.port + 1 if options.solver_port is None and options.port else (options.solver_port or 0)
    try:
        simulator = _simulator(options, solver_port, ca_file.resolve())
    except ValueError as error:
        print(f"Opciones inválidas: {error}", file=sys.stderr)
        return 2
    # Handlers first: a SIGTERM that arrives as soon as the port answers must still stop it cleanly.
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        simulator.start()
    except OSError as error:
        print(f"No se pudo iniciar el simulador: {error}", file=sys.stderr)
        return 1
    try:
        simulator.set_mode(mode=options.mode)
        _print_banner(simulator, options)
        while not stop.wait(0.5):
            pass
    finally:
        simulator.stop()
    print("Simulador detenido.", flush=True)
    return 0


def _simulator(options: argparse.Namespace, solver_port: int, ca_path: Path) -> Simulator:
    """The simulator the options describe (ValueError on an out-of-range value)."""
    return Simulator(
        host=options.host,
        port=options.port,
        solver_port=solver_port,
        ca_path=ca_path,
        solver_key=options.solver_key,
        slow_seconds=options.slow_seconds,
        hang_seconds=options.hang_seconds,
        solve_seconds=options.solve_seconds,
        solve_latency=options.solve_latency,
        solve_seed=options.solve_seed,
        solve_scale=options.solve_scale,
    )


def _solve_latency_line(options: argparse.Namespace) -> str:
    scale = options.solve_scale
    if options.solve_latency == "fixed":
        return f"  latencia del solucionador: fija, {options.solve_seconds * scale:g} s por captcha"
    return (
        f"  latencia del solucionador: realista (mediana {REALISTIC_MEDIAN_SECONDS * scale:g} s, "
        f"p90 {REALISTIC_P90_SECONDS * scale:g} s, {UNSOLVABLE_SHARE:.0%} sin solución; semilla {options.solve_seed})"
    )


def _print_banner(simulator: Simulator, options: argparse.Namespace) -> None:
    key = "<la clave de --solver-key>" if options.solver_key else "cualquier-valor"
    lines = [
        f"Simulador de la Registraduría en marcha (modo {options.mode}).",
        f"  wsp:           {simulator.wsp_url}",
        f"  consultacenso: {simulator.consultacenso_url}",
        f"  infovotantes:  {simulator.infovotantes_url} (API {simulator.infovotantes_api_url})",
        f"  control:       {simulator.control_url}",
        f"  solucionador 2Captcha (HTTPS): {simulator.solver_server}, certificado de la CA en {simulator.ca_path}",
        _solve_latency_line(options),
        "",
        "Para que el portal consulte el simulador (make run ya lo hace), defina en su entorno (.env):",
        f"  REGISTRADURIA_SIMULATOR={simulator.base_url}",
        f"  CAPTCHA_SERVER={simulator.solver_server}",
        f"  CAPTCHA_CA_BUNDLE={simulator.ca_path}",
        f"  (la clave del solucionador: {key})",
        "Para consultar la Registraduría real: quite REGISTRADURIA_SIMULATOR (o use make run REGISTRADURIA=real)",
        "y defina CAPTCHA_PROVIDER=2captcha y CAPTCHA_API_KEY con una clave de 2Captcha.",
        "Ctrl-C (o SIGTERM) detiene el simulador.",
    ]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
