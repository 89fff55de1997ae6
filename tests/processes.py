"""Start the product's real processes for end-to-end tests, and stop them without leaving orphans."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


# The load and fault tests register hundreds of people from one loopback address: the registration
# limits per address and network (and the proof of work past the free ones) are out of their way
# unless a test sets them (the flood test does).
UNLIMITED_REGISTRATIONS = {
    "ACCOUNTS_REGISTRATIONS_PER_ADDRESS": "1000000",
    "ACCOUNTS_REGISTRATIONS_PER_NETWORK": "1000000",
    "ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK": "1000000",
}


def product_env(**overrides: str) -> dict[str, str]:
    """Environment for a product process: the test run's own, plus overrides."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
    for name, value in UNLIMITED_REGISTRATIONS.items():
        env.setdefault(name, value)
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def pid_alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@contextmanager
def running(cmd: list[str], *, env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen]:
    """Run `cmd` in its own process group; on exit SIGTERM it, then SIGKILL the whole group."""
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                with suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=15)
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@contextmanager
def running_qclusters(*, env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen]:
    """The Django-Q2 clusters the Procfile runs: the default one (yielded) and the lookups lane's
    (`Q_CLUSTER_NAME=lookups`, logging next to `log_path`). With Q_LOOKUP_CLUSTER empty in `env` the
    default cluster runs lookups too, and only it starts."""
    python = str(VENV_BIN / "python")
    lane = env.get("Q_LOOKUP_CLUSTER", "lookups")
    with ExitStack() as stack:
        default = stack.enter_context(running([python, "manage.py", "qcluster"], env=env, log_path=log_path))
        if lane:
            lookups_log = log_path.with_name(f"{log_path.stem}-lookups{log_path.suffix}")
            stack.enter_context(
                running([python, "manage.py", "qcluster"], env={**env, "Q_CLUSTER_NAME": lane}, log_path=lookups_log)
            )
        yield default


def database_env() -> dict[str, str]:
    """Point a child process at the database the current test uses (the test database)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return {"SQLITE_PATH": str(settings_dict["NAME"]), "DATABASE_URL": ""}
    user = settings_dict.get("USER") or "postgres"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return {"DATABASE_URL": f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"}


def scraper_env(simulator, **overrides: str) -> dict[str, str]:
    """Environment that points a product process's real scraper at an in-process simulator
    (`devtools.registraduria_simulator.Simulator`), with the test run's politeness settings."""
    env = {
        "VERIFICATION_LOOKUP_BACKEND": "verification.registraduria.lookup",
        "REGISTRADURIA_WSP_URL": simulator.wsp_url,
        "REGISTRADURIA_CONSULTACENSO_URL": simulator.consultacenso_url,
        "REGISTRADURIA_INFOVOTANTES_URL": simulator.infovotantes_url,
        "REGISTRADURIA_INFOVOTANTES_API_URL": simulator.infovotantes_api_url,
        "CAPTCHA_PROVIDER": "2captcha",
        "CAPTCHA_API_KEY": simulator.solver_key or "clave-de-prueba",
        "CAPTCHA_SERVER": simulator.solver_server,
        "CAPTCHA_CA_BUNDLE": str(simulator.ca_path),
        "CAPTCHA_POLL_SECONDS": "1",
        "REGISTRADURIA_MIN_INTERVAL_SECONDS": "0.5",
        "REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS": "10",
        # Below the tests' Q_TIMEOUT (30 s) and outbox leases: see verification/checks.py.
        "VERIFICATION_LOOKUP_DEADLINE_SECONDS": "20",
    }
    env.update(overrides)
    return env


def registration_csrf_token(session: requests.Session, base_url: str, *, timeout: float = 60) -> str:
    form = session.get(f"{base_url}/registro/", timeout=timeout)
    form.raise_for_status()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert match is not None, form.text[:300]
    return match.group(1)


def post_registration(
    session: requests.Session,
    base_url: str,
    cedula: str,
    *,
    password: str = "una-clave-larga-2026",
    apellidos: str = "De Prueba",
    timeout: float = 60,
    csrf_token: str | None = None,
) -> requests.Response:
    """POST the registration form with the Referer a browser sends (after a GET of the form for its
    CSRF token, unless `csrf_token` is given); the answer unfollowed (a 302 to "revise su correo"
    when accepted)."""
    if csrf_token is None:
        csrf_token = registration_csrf_token(session, base_url, timeout=timeout)
    return session.post(
        f"{base_url}/registro/",
        data={
            "csrfmiddlewaretoken": csrf_token,
            "nombres": "Persona",
            "apellidos": apellidos,
            "cedula": cedula,
            "email": f"{cedula}@example.org",
            "password1": password,
            "password2": password,
        },
        headers={"Referer": f"{base_url}/registro/"},
        allow_redirects=False,
        timeout=timeout,
    )


def register_over_http(
    base_url: str, cedula: str, *, password: str = "una-clave-larga-2026", apellidos: str = "De Prueba"
) -> tuple[requests.Session, requests.Response]:
    """Register a person through the real registration form of a running web server, then open the
    confirmation link mailed to them (computed here, as the mail shows it; the test must share the
    server's database). The answer is the confirmation's: a 302 to the home page, with the session
    logged in; or the registration's own when that was refused."""
    session = requests.Session()
    response = post_registration(session, base_url, cedula, password=password, apellidos=apellidos)
    if response.status_code != 302 or not response.headers.get("Location", "").endswith("/registro/revise-su-correo/"):
        return session, response
    return session, confirm_over_http(session, base_url, cedula)


def confirm_over_http(
    session: requests.Session, base_url: str, cedula: str, *, account: tuple[int, str] | None = None
) -> requests.Response:
    """Open the person's confirmation link with their session (302 to the home page, logged in).
    `account`: their (id, e-mail) when the server's database is not this test's."""
    from django.db import connection

    from accounts.models import User
    from tests.verification.helpers import confirmation_path_for

    if account is None:
        user = User.objects.get(cedula=cedula)
        account = (user.pk, user.email)
        if threading.current_thread() is not threading.main_thread():
            connection.close()  # a registering thread's own connection: no test database teardown waits on it
    path = confirmation_path_for(user_id=account[0], email=account[1])
    return session.get(f"{base_url}{path}", allow_redirects=False, timeout=60)
