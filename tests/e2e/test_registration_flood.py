"""A registration flood from one address, against the real stack (gunicorn, both Django-Q2 clusters,
the relay) with the product's own limits: at most the network's free registrations get in (the rest
are asked for a proof of work the flood does not pay), no lookup is queued for an unconfirmed account,
and a real person on another network who registers during the flood is looked up with nothing ahead.

The probe this answers (issue 13): one address, 60 s, two threads, 252 registrations accepted, 252
lookups queued, and a real person waited 1,232 s. Here the flood is a few hundred requests, bounded.
"""

import threading
import time

import pytest
import requests
from requests.adapters import HTTPAdapter

from accounts.models import User
from core.models import OutboxMessage
from tests.processes import (
    VENV_BIN,
    confirm_over_http,
    database_env,
    free_port,
    post_registration,
    product_env,
    running,
    running_qclusters,
    wait_for_port,
)
from verification.models import CedulaInfo
from verification.states import CedulaStatus as S

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FLOOD_REQUESTS = 300
FLOOD_THREADS = 2
FREE_PER_NETWORK = 5  # the product's default (ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK)
PERSON_ADDRESS = "127.0.1.7"  # loopback, but another /24 than the flood's 127.0.0.1
LOOKUP_SECONDS = "1"  # the stand-in lookup's duration
HANG_GUARD_SECONDS = 120  # only a hang fails on time; the figures are printed
PASSWORD = "una-clave-larga-2026"


class SourceAddressAdapter(HTTPAdapter):
    """Connections from a chosen local address (the web server sees it as REMOTE_ADDR)."""

    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        return super().init_poolmanager(*args, **kwargs)


def _session(source: str | None = None) -> requests.Session:
    session = requests.Session()
    if source:
        session.mount("http://", SourceAddressAdapter(source))
    return session


def test_a_flood_from_one_address_gets_its_free_share_and_a_real_person_waits_for_nobody(tmp_path):
    port = free_port()
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        FAKE_LOOKUP_DELAY=LOOKUP_SECONDS,
        Q_POLL="0.1",
        RELAY_INTERVAL_SECONDS="0.2",
        # The product's limits, not the load tests' (tests/processes.py lifts them for those).
        ACCOUNTS_REGISTRATIONS_PER_ADDRESS="20",
        ACCOUNTS_REGISTRATIONS_PER_NETWORK="60",
        ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK=str(FREE_PER_NETWORK),
        **database_env(),
    )
    env.pop("REDIS_URL", None)
    web = [str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{port}", "--threads", "8"]
    python = str(VENV_BIN / "python")
    with (
        running(web, env=env, log_path=tmp_path / "web.log") as web_proc,
        running_qclusters(env=env, log_path=tmp_path / "q.log"),
        running([python, "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log"),
    ):
        wait_for_port(port, timeout=60, proc=web_proc)
        base_url = f"http://127.0.0.1:{port}"
        answers: list[int] = []
        lock = threading.Lock()
        started = threading.Event()

        def flood(offset: int) -> None:
            session = _session()
            for n in range(offset, FLOOD_REQUESTS, FLOOD_THREADS):
                response = post_registration(session, base_url, f"1070{n:06d}", password=PASSWORD, timeout=30)
                with lock:
                    answers.append(response.status_code)
                started.set()

        threads = [threading.Thread(target=flood, args=(k,)) for k in range(FLOOD_THREADS)]
        for t in threads:
            t.start()
        started.wait(timeout=60)

        # A real person, on another network, registers and confirms while the flood goes on.
        person_cedula = "1080000010"
        person = _session(PERSON_ADDRESS)
        registered_at = time.monotonic()
        assert post_registration(person, base_url, person_cedula, password=PASSWORD).status_code == 302
        assert confirm_over_http(person, base_url, person_cedula).status_code == 302
        flood_running = any(t.is_alive() for t in threads)
        info = None
        while time.monotonic() - registered_at < HANG_GUARD_SECONDS:
            info = CedulaInfo.objects.filter(user__cedula=person_cedula).first()
            if info is not None and info.status != S.PENDING:
                break
            time.sleep(0.2)
        waited = time.monotonic() - registered_at
        for t in threads:
            t.join(timeout=HANG_GUARD_SECONDS)

    assert info is not None and info.status == S.ACTIVE, info
    accepted = answers.count(302)
    flood_accounts = User.objects.filter(cedula__startswith="1070")
    print(
        f"\nflood: {len(answers)} registrations in {FLOOD_THREADS} threads, {accepted} accepted,"
        f" {answers.count(429)} asked for a proof of work; the person (flood still running: {flood_running})"
        f" was looked up {waited:.1f} s after registering (lookup {LOOKUP_SECONDS} s)"
    )
    assert len(answers) == FLOOD_REQUESTS
    assert accepted == flood_accounts.count() <= FREE_PER_NETWORK
    assert set(answers) <= {302, 429}
    # Nothing is looked up for an unconfirmed account: the only lookup asked for is the person's.
    assert not CedulaInfo.objects.filter(user__in=flood_accounts).exists()
    assert all(user.awaits_email_confirmation for user in flood_accounts)
    assert OutboxMessage.objects.filter(handler="verification.run_lookup").count() == 1
    assert " 500 " not in (tmp_path / "web.log").read_text()
