"""The live UI in real Chromium, served by a live server, with a real `qcluster` and `relay`.

The `..._real_scraper` tests run the product's own scraper in the workers (Playwright, Debian
Chromium, the 2Captcha client) against the Registraduría simulator; the others use the
deterministic stand-in `tests.fakes.lookup` (LIVE_UI_LOOKUP_BACKEND), which lets a test make the
"site" recover at will. The test process never looks anything up for the workers. Poll intervals
are shortened to one second for the run. Screenshots of every state land in `screenshots/` (git-ignored)
at a 390-px phone viewport and a desktop one.
"""

import os
import re

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from tests.factories import TEST_PASSWORD, UserFactory
from tests.processes import REPO_ROOT, VENV_BIN, database_env, product_env, running, running_qclusters, scraper_env
from tests.verification.helpers import drain_outbox, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = REPO_ROOT / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PERSON_PASSWORD = "clave-larga-2026"  # tests.verification.helpers.register's
BACKEND = os.environ.get("LIVE_UI_LOOKUP_BACKEND", "tests.fakes.lookup")
WAIT_MS = 60_000


@pytest.fixture
def fast_polls(settings):
    settings.VERIFICATION_POLL_PENDING_STEPS = ((3600, 1),)
    settings.VERIFICATION_POLL_FAILURE_SECONDS = 1
    settings.VERIFICATION_POLL_FAILURE_MIN_SECONDS = 1
    settings.VERIFICATION_CONSOLE_POLL_SECONDS = 1
    # In this process only the settled-state tests look anything up (drain_outbox): the stand-in.
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False


@pytest.fixture(scope="module")
def simulator(tmp_path_factory):
    from devtools.registraduria_simulator import Simulator

    sim = Simulator(
        port=0, solver_port=0, ca_path=tmp_path_factory.mktemp("sim") / "ca.pem", slow_seconds=4, solve_seconds=0.2
    ).start()
    yield sim
    sim.stop()


@pytest.fixture
def workers(tmp_path, settings, fast_polls):
    """A real qcluster and relay against the test database; yields a function to start them."""

    def start(**extra: str):
        env = product_env(
            DJANGO_SETTINGS_MODULE="core.test_settings",
            VERIFICATION_LOOKUP_BACKEND=BACKEND,
            FAKE_LOOKUP_OVERRIDE_FILE=str(tmp_path / "override"),
            Q_WORKERS="2",
            Q_TIMEOUT="30",
            Q_RETRY="60",
            Q_POLL="0.1",
            RELAY_INTERVAL_SECONDS="0.2",
            **database_env(),
        )
        env.pop("REDIS_URL", None)
        env.update(extra)
        python = str(VENV_BIN / "python")
        return (
            running_qclusters(env=env, log_path=tmp_path / "q.log"),
            running([python, "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log"),
        )

    settings.RELAY_WAKE_ON_COMMIT = True
    return start


# htmx 4 runs in CI's SQLite pass only (one_pass): the browser is the same on either database, and
# the PostgreSQL pass stays short (issue: CI within 35 minutes).
@pytest.fixture(params=[2, pytest.param(4, marks=pytest.mark.one_pass)], ids=["htmx2", "htmx4"])
def htmx_major(request, settings):
    """Each live-UI test that takes this runs under both bundled htmx versions (HTMX_MAJOR)."""
    settings.HTMX_MAJOR = request.param
    return request.param


def watch_problems(page) -> list[str]:
    """Every Content-Security-Policy report and uncaught script error of `page` from now on."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    return problems


@pytest.fixture
def page_problems(page):
    return watch_problems(page)


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    original = page.viewport_size
    for label, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(original)


def log_in(page, base_url: str, cedula: str, password: str = PERSON_PASSWORD) -> None:
    page.goto(f"{base_url}/ingresar/")
    page.get_by_label("Número de cédula").fill(cedula)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_url(f"{base_url}/")


def open_confirmation_link(page, base_url: str, cedula: str) -> None:
    """After the registration form: the "check your mail" page, then the link of the mail (the
    workers' console backend prints it; its token is computed here, from the shared database)."""
    from accounts.models import User
    from tests.verification.helpers import confirmation_path

    page.wait_for_url(f"{base_url}/registro/revise-su-correo/")
    page.goto(f"{base_url}{confirmation_path(User.objects.get(cedula=cedula))}")
    page.wait_for_url(f"{base_url}/")


def _result_mails(smtp_server, to: str, *, count: int) -> list:
    """The result mails `to` got, once there are `count` of them (other mail — the confirmation link —
    goes to the same server)."""
    import time

    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        found = [m for m in list(smtp_server.messages) if m["To"] == to and "verificación" in m["Subject"]]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def badge(page):
    return page.locator("#verification-badge")


def count_requests(page, path: str) -> list:
    seen: list = []
    page.on("request", lambda request: seen.append(request.url) if path in request.url else None)
    return seen


@pytest.mark.e2e
def test_badge_turns_final_without_reload_and_polling_stops(live_server, page, workers, htmx_major, page_problems):
    cluster, relay = workers(FAKE_LOOKUP_DELAY="3")  # "Verificando…" stays observable for seconds
    with cluster, relay:
        polls = count_requests(page, "/verificacion/estado/")
        statuses: list[int] = []
        page.on("response", lambda r: statuses.append(r.status) if "/verificacion/estado/" in r.url else None)
        page.goto(f"{live_server.url}/registro/")
        page.get_by_label("Nombres").fill("Valentina")
        page.get_by_label("Apellidos").fill("Ospina Muñoz")
        page.get_by_label("Número de cédula").fill("1.098.765.430")
        page.get_by_label("Correo electrónico").fill("valentina@example.org")
        page.get_by_label("Contraseña", exact=True).fill(PERSON_PASSWORD)
        page.get_by_label("Repita la contraseña").fill(PERSON_PASSWORD)
        page.get_by_role("button", name="Crear cuenta").click()
        open_confirmation_link(page, live_server.url, "1098765430")
        page.evaluate("window.__notReloaded = 'sí'")

        expect(badge(page)).to_contain_text("Verificando…")
        expect(page.get_by_role("button", name="Actualizar")).to_be_disabled()
        expect(page.locator("[aria-live=polite]")).to_have_count(1)
        shoot(page, "home-pending")

        expect(badge(page)).to_have_attribute("data-state", "active", timeout=WAIT_MS)
        expect(badge(page)).to_contain_text("Habilitada para votar")
        expect(badge(page)).to_contain_text("I.E. MARCO FIDEL SUÁREZ")
        # The timeline followed the badge (its event), still without a reload.
        expect(page.locator("#verification-timeline")).to_contain_text("confirmó que su cédula está habilitada")
        expect(page.get_by_role("button", name="Actualizar")).to_be_enabled()
        assert page.evaluate("window.__notReloaded") == "sí"
        assert len(polls) >= 2  # it polled while pending
        assert statuses[-1] == 286

        # Polls stop growing after the final state: watch for several poll intervals (1 s here).
        after_final = len(polls)
        page.wait_for_timeout(4_000)
        assert len(polls) == after_final
        assert page.evaluate("window.__notReloaded") == "sí"
        assert page.evaluate("htmx.version").startswith(f"{htmx_major}.")
        assert page_problems == []
        shoot(page, "home-active")


@pytest.mark.parametrize(
    ("cedula", "state", "text"),
    [
        ("1023456782", "cancelled", "CANCELADA POR MUERTE"),
        ("1023456783", "not_found", "No encontramos su cédula en el censo"),
        ("1023456784", "error", "Lo intentaremos de nuevo automáticamente"),
        ("1023456785", "blocked", "No pudimos verificar por ahora"),
    ],
)
def test_home_in_each_state_looks_right_on_phone_and_desktop(live_server, page, fast_polls, cedula, state, text):
    register(cedula)
    drain_outbox()  # in this process, with the stand-in: no workers needed for a settled state
    log_in(page, live_server.url, cedula)
    expect(badge(page)).to_have_attribute("data-state", state)
    expect(badge(page)).to_contain_text(text)
    # Nothing overflows the phone's width.
    page.set_viewport_size(VIEWPORTS["phone"])
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    shoot(page, f"home-{state}")


@pytest.mark.e2e
def test_support_retries_a_blocked_record_and_the_persons_badge_updates(
    live_server, browser, page, workers, tmp_path, htmx_major, page_problems
):
    person = register("1023456786")  # captcha_unsolved: blocked, no automatic retry
    staff = UserFactory.create(is_staff=True, cedula="900000002")
    # A transactional test flushes the data migration's group: make it as migration 0002 does.
    soporte, _ = Group.objects.get_or_create(name="Soporte")
    soporte.permissions.add(Permission.objects.get(codename="retry_cedulainfo"))
    staff.groups.add(soporte)
    cluster, relay = workers()
    with cluster, relay:
        log_in(page, live_server.url, person.cedula)
        page.evaluate("window.__notReloaded = 'sí'")
        expect(badge(page)).to_have_attribute("data-state", "blocked", timeout=WAIT_MS)
        expect(badge(page)).to_contain_text("Nuestro equipo de soporte la revisará")

        support_context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
        console = support_context.new_page()
        console.set_default_timeout(15_000)
        console_problems = watch_problems(console)
        try:
            log_in(console, live_server.url, staff.cedula, TEST_PASSWORD)
            console.goto(f"{live_server.url}/verificacion/soporte/?status=blocked")
            row = console.locator("#console-list tbody tr").filter(has_text="•••••••786")
            expect(row).to_contain_text("captcha_unsolved")
            expect(console.locator("#console-list")).to_contain_text("fake")
            shoot(console, "console")
            record_id = row.get_attribute("id").removeprefix("record-")

            (tmp_path / "override").write_text("active")  # the site recovers
            row.get_by_role("checkbox").check()
            with console.expect_response(
                lambda r: "/verificacion/soporte/" in r.url and r.request.headers.get("hx-request")
            ):
                pass  # one list poll swaps the rows: the selection survives it
            expect(row.get_by_role("checkbox")).to_be_checked()
            console.get_by_label("Motivo del reintento").fill("captcha resuelto por soporte")
            console.get_by_role("button", name="Reintentar seleccionadas").click()
            expect(console.get_by_text("Reintento pedido para 1 verificación(es).")).to_be_visible()

            console.goto(f"{live_server.url}/verificacion/soporte/{record_id}/")
            record = console.locator("#console-record")
            expect(record).to_have_attribute("data-state", "active", timeout=WAIT_MS)
            expect(record).to_contain_text("Reintento por soporte")
            expect(record).to_contain_text("«captcha resuelto por soporte»")
            shoot(console, "console-record")
            assert console_problems == []
        finally:
            support_context.close()

        # The person's page, open all along, updated by itself.
        expect(badge(page)).to_have_attribute("data-state", "active", timeout=WAIT_MS)
        expect(page.locator("#verification-timeline")).to_contain_text("Nuestro equipo de soporte pidió una nueva")
        assert page.evaluate("window.__notReloaded") == "sí"
        assert page_problems == []


# The tab's visibility as the page reads it: headless Chromium always reports "visible", so the test
# stands in for the browser here (the product reads document.visibilityState and its event only).
VISIBILITY_SWITCH = """
Object.defineProperty(document, "visibilityState", {
  configurable: true, get: () => (window.__hidden ? "hidden" : "visible"),
});
window.__setHidden = (hidden) => {
  window.__hidden = hidden;
  document.dispatchEvent(new Event("visibilitychange"));
};
"""


def test_a_hidden_tab_sends_no_poll_and_asks_at_once_when_shown(
    live_server, page, fast_polls, htmx_major, page_problems
):
    register("1023456781")  # its record is still being opened: the badge polls every second
    page.context.add_init_script(VISIBILITY_SWITCH)
    polls = count_requests(page, "/verificacion/estado/")
    log_in(page, live_server.url, "1023456781")
    expect(badge(page)).to_have_attribute("data-state", "opening")
    with page.expect_request(lambda r: "/verificacion/estado/" in r.url, timeout=WAIT_MS):
        pass  # it polls while visible
    page.evaluate("window.__setHidden(true)")
    hidden_at = len(polls)
    page.wait_for_timeout(3_500)  # several poll intervals (1 s here)
    assert len(polls) == hidden_at
    with page.expect_request(lambda r: "/verificacion/estado/" in r.url, timeout=5_000):
        page.evaluate("window.__setHidden(false)")  # shown again: one poll at once, not after the interval
    assert page_problems == []


def test_an_expired_session_sends_the_page_to_login(live_server, page, fast_polls, htmx_major, page_problems):
    register("1023456787")
    log_in(page, live_server.url, "1023456787")
    expect(badge(page)).to_have_attribute("data-state", "opening")
    page.context.clear_cookies()  # the session is gone (expired, or logged out elsewhere)
    page.wait_for_url(f"{live_server.url}/ingresar/?next=/", timeout=WAIT_MS)
    expect(page.get_by_label("Número de cédula")).to_be_visible()
    assert page_problems == []


def test_actualizar_asks_again_without_a_reload(live_server, page, fast_polls, htmx_major, page_problems):
    register("1023456788")
    drain_outbox()
    log_in(page, live_server.url, "1023456788")
    expect(badge(page)).to_have_attribute("data-state", "active")
    page.evaluate("window.__notReloaded = 'sí'")
    with page.expect_response(lambda r: "/verificacion/actualizar/" in r.url) as answer:
        page.get_by_role("button", name="Actualizar").click()
    assert answer.value.status == 200  # the form's own CSRF token went with the htmx POST
    expect(badge(page)).to_contain_text("Verificando…")
    expect(page.get_by_text("Estamos verificando su cédula de nuevo.")).to_be_visible()
    expect(page.get_by_role("button", name="Actualizar")).to_be_disabled()
    drain_outbox()  # the lookup, in this process: the open page follows by polling
    expect(badge(page)).to_have_attribute("data-state", "active", timeout=WAIT_MS)
    expect(page.get_by_role("button", name="Actualizar")).to_be_enabled()
    assert page.evaluate("window.__notReloaded") == "sí"
    assert page_problems == []


def test_without_javascript_the_page_shows_the_state_and_actualizar_posts_back(live_server, browser, fast_polls):
    user = register("1023456780")
    drain_outbox()
    context = browser.new_context(java_script_enabled=False, locale="es-CO")
    try:
        page = context.new_page()
        log_in(page, live_server.url, user.cedula)
        expect(badge(page)).to_have_attribute("data-state", "active")
        page.get_by_role("button", name="Actualizar").click()
        page.wait_for_url(f"{live_server.url}/")
        expect(page.get_by_text("Estamos verificando su cédula de nuevo.")).to_be_visible()
        expect(badge(page)).to_contain_text("Verificando…")
        page.reload()
        expect(badge(page)).to_contain_text("Verificando…")
        drain_outbox()
        page.reload()
        expect(badge(page)).to_have_attribute("data-state", "active")
    finally:
        context.close()


@pytest.mark.e2e
def test_badge_turns_final_with_the_real_scraper(
    live_server, page, workers, simulator, tmp_path, smtp_server, settings
):
    """Registration → relay → qcluster → Chromium on the simulator's form → the badge, live: the
    position while pending, the final badge, and exactly one result mail at a real SMTP server (the
    workers send to it), also after the completion is delivered once more."""
    simulator.reset()
    cluster, relay = workers(**scraper_env(simulator), EMAIL_URL=f"smtp://127.0.0.1:{settings.EMAIL_PORT}")
    with cluster, relay:
        polls = count_requests(page, "/verificacion/estado/")
        page.goto(f"{live_server.url}/registro/")
        page.get_by_label("Nombres").fill("Camilo")
        page.get_by_label("Apellidos").fill("Rengifo Díaz")
        page.get_by_label("Número de cédula").fill("1.000.000.043")  # the simulator's slow answer
        page.get_by_label("Correo electrónico").fill("camilo@example.org")
        page.get_by_label("Contraseña", exact=True).fill(PERSON_PASSWORD)
        page.get_by_label("Repita la contraseña").fill(PERSON_PASSWORD)
        page.get_by_role("button", name="Crear cuenta").click()
        open_confirmation_link(page, live_server.url, "1000000043")
        page.evaluate("window.__notReloaded = 'sí'")
        expect(badge(page)).to_contain_text("Verificando…")
        expect(badge(page)).to_contain_text(re.compile(r"(No hay consultas|Hay \d+ consultas?) antes que la suya; "))

        expect(badge(page)).to_have_attribute("data-state", "active", timeout=WAIT_MS)
        expect(badge(page)).to_contain_text("CUNDINAMARCA")
        expect(badge(page)).to_contain_text("SOACHA")
        expect(badge(page)).to_contain_text("COLEGIO GENERAL SANTANDER")
        expect(page.locator("#verification-timeline")).to_contain_text("confirmó que su cédula está habilitada")
        after_final = len(polls)
        page.wait_for_timeout(4_000)
        assert len(polls) == after_final
        assert page.evaluate("window.__notReloaded") == "sí"
        assert len(simulator.state()["lookups"]["wsp"]) == 1  # one submission to the site
        shoot(page, "home-active-simulator")
        results = _result_mails(smtp_server, "camilo@example.org", count=1)
    (message,) = results
    assert message["Subject"].strip() == "Pagina-Madre: resultado de la verificación de su cédula •••••••043"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "está habilitada para votar" in text and f"{settings.SITE_URL}/" in text
    # The completion delivered once more (a worker that died before its inbox row committed): no mail.
    from core.event_store import to_envelope
    from core.handlers import get_handler
    from core.models import OutboxMessage as Delivery

    (delivery,) = Delivery.objects.filter(handler="verification.mail_result").select_related("event")
    get_handler("verification.mail_result").func(to_envelope(delivery.event))
    assert _result_mails(smtp_server, "camilo@example.org", count=1) == results
    # The raw cédula went to the Registraduría's form and nowhere else of ours: not in the workers'
    # and the relay's logs, the events, the outbox, the task queue or the task results.
    from django.core import serializers
    from django_q.models import OrmQ, Task

    from core.models import OutboxMessage, StoredEvent
    from verification.models import CedulaInfo, TransitionLog

    cedula = "1000000043"
    for log in ("q.log", "relay.log"):
        text = (tmp_path / log).read_text()
        assert "cedula_info" in text or "relay" in text  # the log is really there
        assert cedula not in text, log
    tables = (
        StoredEvent.objects.all(),
        OutboxMessage.objects.all(),
        OrmQ.objects.all(),
        Task.objects.all(),
        CedulaInfo.objects.all(),
        TransitionLog.objects.all(),
    )
    for rows in tables:  # lazy: each is read when serialised
        assert cedula not in serializers.serialize("json", rows), rows.model.__name__


@pytest.mark.e2e
def test_support_retries_a_waf_blocked_record_with_the_real_scraper(live_server, browser, page, workers, simulator):
    simulator.reset()
    simulator.set_mode(mode="all_waf")  # the site refuses us everywhere
    person = register("1000000013")
    staff = UserFactory.create(is_staff=True, cedula="900000003")
    soporte, _ = Group.objects.get_or_create(name="Soporte")
    soporte.permissions.add(Permission.objects.get(codename="retry_cedulainfo"))
    staff.groups.add(soporte)
    cluster, relay = workers(**scraper_env(simulator))
    with cluster, relay:
        log_in(page, live_server.url, person.cedula)
        page.evaluate("window.__notReloaded = 'sí'")
        expect(badge(page)).to_have_attribute("data-state", "blocked", timeout=WAIT_MS)
        expect(badge(page)).to_contain_text("No pudimos verificar por ahora")
        assert "waf" not in badge(page).inner_text().lower()  # no internals for the person

        simulator.set_mode(mode="normal")  # the block is lifted
        support_context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
        console = support_context.new_page()
        console.set_default_timeout(15_000)
        try:
            log_in(console, live_server.url, staff.cedula, TEST_PASSWORD)
            console.goto(f"{live_server.url}/verificacion/soporte/?status=blocked")
            row = console.locator("#console-list tbody tr").filter(has_text="•••••••013")
            expect(row).to_contain_text("waf_block")
            row.get_by_role("checkbox").check()
            console.get_by_label("Motivo del reintento").fill("bloqueo del WAF levantado")
            console.get_by_role("button", name="Reintentar seleccionadas").click()
            expect(console.get_by_text("Reintento pedido para 1 verificación(es).")).to_be_visible()
        finally:
            support_context.close()

        expect(badge(page)).to_have_attribute("data-state", "active", timeout=WAIT_MS)
        expect(badge(page)).to_contain_text("CALI")
        assert page.evaluate("window.__notReloaded") == "sí"
