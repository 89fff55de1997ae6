"""Every real answer shape of the corpus, through the whole product, to the person's badge.

For each front, the real stack (gunicorn, a `qcluster` whose workers run the product's scraper in
Debian Chromium, the relay) against the simulator replaying the corpus (each saved answer has a
cédula of its own: devtools/registraduria_simulator/corpus.py). A person registers over HTTP for each
answer; the test waits until no record is pending, then checks each record's final state and reason
and what the person's badge shows: the state, and every field under its label, nothing else.
"""

import shutil
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup, Tag
from django.conf import settings

from devtools.registraduria_simulator import Simulator
from devtools.registraduria_simulator.corpus import corpus_answers
from tests.processes import (
    VENV_BIN,
    database_env,
    free_port,
    product_env,
    register_over_http,
    running,
    running_qclusters,
    scraper_env,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # What is read from an answer does not depend on the database (the scale-out and fault tests cover
    # PostgreSQL's stack): on SQLite only, to keep CI's two passes within their time.
    pytest.mark.skipif(
        "postgresql" in settings.DATABASES["default"]["ENGINE"], reason="the corpus stack runs on SQLite only"
    ),
]

PASSWORD = "una-clave-larga-2026"
# The badge's labels (templates/verification/panel.html) and the fields under them.
LABELS = {
    "Departamento": "departamento",
    "Municipio": "municipio",
    "Zona": "zona",
    "Puesto": "puesto",
    "Dirección": "direccion",
    "Mesa": "mesa",
    "Novedad": "novedad",
    "Resolución": "resolucion",
    "Fecha": "fecha_novedad",
}
# Shown always ("—" when empty), and shown only with a value.
ALWAYS = {"active": ("departamento", "municipio", "puesto", "direccion", "mesa"), "cancelled": ("novedad",)}
OPTIONAL = {"active": ("zona",), "cancelled": ("resolucion", "fecha_novedad")}
SETTLE_SECONDS = 600  # a generous bound for ~40 lookups on a loaded machine; the wait ends on the condition


@pytest.fixture(scope="module")
def simulator(tmp_path_factory):
    sim = Simulator(port=0, solver_port=0, ca_path=tmp_path_factory.mktemp("sim") / "ca.pem", solve_seconds=0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def short_tmpdir():
    # Chromium's profile socket must fit in 108 bytes: pytest's tmp_path is too deep for it.
    path = Path(tempfile.mkdtemp(prefix="pm-corpus-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _start_stack(stack: ExitStack, *, simulator, front: str, tmp_path: Path, tmpdir: Path) -> str:
    port = free_port()
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        Q_WORKERS="2",
        Q_TIMEOUT="90",
        Q_RETRY="120",
        Q_POLL="0.1",
        RELAY_INTERVAL_SECONDS="0.2",
        TMPDIR=str(tmpdir),
        **database_env(),
        **scraper_env(
            simulator,
            REGISTRADURIA_FRONTS=front,
            REGISTRADURIA_MIN_INTERVAL_SECONDS="0",
            REGISTRADURIA_BROWSERS_PER_SITE="2",
            # The first lookups launch Chromium while the other xdist worker runs browsers too (CI
            # measured 15 s for one): the scraper_env's 20 s left the in-turn solve no time, and
            # a right answer ended as captcha_timeout. Each answer here must come from the site.
            VERIFICATION_LOOKUP_DEADLINE_SECONDS="60",
            # Blocks in a row are the corpus's point here, not a reason to stop asking the site.
            REGISTRADURIA_BREAKER_THRESHOLD="1000",
            # A failed check rests where it ended for the whole test (no automatic retry).
            VERIFICATION_RETRY_BASE_SECONDS="3600",
            VERIFICATION_RETRY_MAX_SECONDS="3600",
            VERIFICATION_BLOCKED_COOLDOWN_SECONDS="3600",
        ),
    )
    env.pop("REDIS_URL", None)
    python = str(VENV_BIN / "python")
    web = [str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    stack.enter_context(running(web, env=env, log_path=tmp_path / "web.log"))
    stack.enter_context(running_qclusters(env=env, log_path=tmp_path / "q.log"))
    stack.enter_context(running([python, "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log"))
    base_url = f"http://127.0.0.1:{port}"
    _wait(lambda: _answers(f"{base_url}/registro/"), what="the web server", timeout=60)
    return base_url


def _answers(url: str) -> bool:
    """Whether the web server answers 200 yet: refused, reset or too slow (still booting on a loaded
    machine) all mean not yet; `_wait` bounds the whole."""
    try:
        return requests.get(url, timeout=5).status_code == 200
    except (requests.ConnectionError, requests.Timeout):
        return False


def _wait(condition, *, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def _register(base_url: str, cedula: str) -> requests.Session:
    session, response = register_over_http(base_url, cedula, password=PASSWORD, apellidos="Del Corpus")
    assert response.status_code == 302, response.text[:500]
    return session


def _expected_badge(outcome: str, fields: dict[str, str]) -> dict[str, str]:
    shown = {name: fields.get(name) or "—" for name in ALWAYS.get(outcome, ())}
    return shown | {name: fields[name] for name in OPTIONAL.get(outcome, ()) if fields.get(name)}


def _badge(session: requests.Session, base_url: str) -> tuple[str, dict[str, str]]:
    page = BeautifulSoup(session.get(f"{base_url}/", timeout=30).text, "html.parser")
    badge = page.find(id="verification-badge")
    assert isinstance(badge, Tag)
    facts = {}
    for row in badge.select("dl.facts > div"):
        term, value = row.dt, row.dd
        assert term is not None and value is not None
        facts[LABELS[term.get_text(strip=True)]] = " ".join(value.get_text().split())
    state = badge["data-state"]
    assert isinstance(state, str)
    return state, facts


@pytest.mark.parametrize("front", ["wsp", "consultacenso", "infovotantes"])
def test_each_corpus_answer_reaches_the_right_state_and_badge(front, simulator, tmp_path, short_tmpdir):
    from verification.models import CedulaInfo

    answers = [answer for answer in corpus_answers().values() if answer.front == front]
    assert answers
    simulator.reset()
    with ExitStack() as stack:
        base_url = _start_stack(stack, simulator=simulator, front=front, tmp_path=tmp_path, tmpdir=short_tmpdir)
        sessions = {answer.cedula: _register(base_url, answer.cedula) for answer in answers}
        _wait(
            lambda: (
                CedulaInfo.objects.count() == len(answers) and not CedulaInfo.objects.filter(status="pending").exists()
            ),
            what="every check to end",
            timeout=SETTLE_SECONDS,
        )
        wrong = []
        for answer in answers:
            info = CedulaInfo.objects.get(user__cedula=answer.cedula)
            # One front alone cannot confirm a not-found: it stands, noted as unconfirmed.
            reason = "not_found_unconfirmed" if answer.outcome == "not_found" else answer.reason
            state, facts = _badge(sessions[answer.cedula], base_url)
            expected_facts = _expected_badge(answer.outcome, answer.expected_fields)
            got = (info.status, info.reason, state, facts)
            if got != (answer.outcome, reason, answer.outcome, expected_facts):
                wrong.append(f"{answer.file}: got {got}, expected {(answer.outcome, reason, expected_facts)}")
        assert not wrong, "\n".join(wrong)
