"""`make run`'s process set (the Procfile under honcho) serves the product, and one Ctrl-C stops it all.

A person registers, logs out, logs in and sees the home page, in real Chromium; the check of their
cédula goes through the real scraper (a real Chromium in the worker) against the simulator that the
same process set started, and the badge shows the census's answer.
"""

import re
import signal
import time

import pytest
from playwright.sync_api import ConsoleMessage

from tests.processes import (
    REPO_ROOT,
    VENV_BIN,
    descendants,
    free_port,
    manage,
    pid_alive,
    product_env,
    running,
    wait_for_port,
)

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.one_pass]  # the embedded default (SQLite)


@pytest.fixture
def stack(tmp_path):
    port, simulator_port = free_port(), free_port()
    while port in (simulator_port, simulator_port + 1):  # the solver listens on the next port
        simulator_port = free_port()
    # What `make run` sets (Makefile RUN_ENV), on free ports.
    env = product_env(
        SQLITE_PATH=str(tmp_path / "run.sqlite3"),
        WEB_BIND=f"127.0.0.1:{port}",
        SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SETTINGS_MODULE="core.settings",
        SIMULATOR_PORT=str(simulator_port),
        REGISTRADURIA_SIMULATOR=f"http://127.0.0.1:{simulator_port}",
    )
    env.pop("DATABASE_URL", None)  # this test is about the embedded default
    env.pop("REDIS_URL", None)
    manage("migrate", "--noinput", env=env)
    manage("createcachetable", env=env)
    cmd = [str(VENV_BIN / "honcho"), "start", "-f", str(REPO_ROOT / "Procfile")]
    with running(cmd, env=env, log_path=tmp_path / "honcho.log") as proc:
        wait_for_port(port, timeout=60, proc=proc)
        yield proc, f"http://127.0.0.1:{port}", tmp_path / "honcho.log"


def _wait_for_link(log_path, prefix: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(re.escape(prefix) + r"\S+/", log_path.read_text(errors="replace"))
        if found:
            return found.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation link in the terminal output:\n{log_path.read_text()[-2000:]}")


def test_person_registers_logs_in_and_sees_home(stack, page):
    proc, base_url, log_path = stack
    csp_violations: list[str] = []

    def note_csp_violation(msg: ConsoleMessage) -> None:
        if "Content Security Policy" in msg.text:
            csp_violations.append(msg.text)

    page.on("console", note_csp_violation)
    page.goto(f"{base_url}/registro/")
    assert page.locator("h1").inner_text() == "Crear cuenta"
    page.get_by_label("Nombres").fill("Valentina")
    page.get_by_label("Apellidos").fill("Ospina Muñoz")
    page.get_by_label("Número de cédula").fill("1.098.765.432")
    page.get_by_label("Correo electrónico").fill("valentina@example.org")
    page.get_by_label("Contraseña", exact=True).fill("una-clave-larga-2026")
    page.get_by_label("Repita la contraseña").fill("una-clave-larga-2026")
    page.get_by_role("button", name="Crear cuenta").click()
    page.wait_for_url(f"{base_url}/registro/revise-su-correo/")
    assert page.locator("h1").inner_text() == "Revise su correo"
    # The confirmation mail is printed in the terminal (the console backend of `make run`): the
    # newcomer opens its link from there.
    link = _wait_for_link(log_path, f"{base_url}/correo/confirmar/")
    page.goto(link)
    page.wait_for_url(f"{base_url}/")
    assert "Hola, Valentina" in page.locator("h1").inner_text()

    page.get_by_role("button", name="Cerrar sesión").click()
    page.wait_for_url(f"{base_url}/ingresar/")
    page.get_by_label("Número de cédula").fill("1098765432")
    page.get_by_label("Contraseña").fill("una-clave-larga-2026")
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_url(f"{base_url}/")
    assert "Hola, Valentina" in page.locator("h1").inner_text()
    assert "•••••••432" in page.content()
    # The simulator's census has this document cancelled; the badge gets there by itself.
    page.wait_for_selector('#verification-badge[data-state="cancelled"]', timeout=60_000)
    assert "CANCELADA POR MUERTE" in page.locator("#verification-badge").inner_text().upper()

    # htmx and our pages run under the Content-Security-Policy without a single violation.
    assert page.evaluate("typeof htmx") == "object"
    assert csp_violations == []
    # The htmx script came from our own server.
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert scripts and all(s.startswith(base_url) for s in scripts)

    # One Ctrl-C (SIGINT to honcho, as a terminal sends it) stops every process.
    children = descendants(proc.pid)
    assert len(children) >= 2  # at least the web server and the Django-Q2 cluster
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(pid_alive(p) for p in children):
        time.sleep(0.2)
    assert not [p for p in children if pid_alive(p)], log_path.read_text()[-2000:]
