"""The login's proof of work in real Chromium: the vendored ALTCHA widget solves the server's
challenge under our Content-Security-Policy and the owner gets in (the person's login and the admin's).
"""

import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from accounts.throttle import login_pow_level, login_record_failure
from tests.e2e.test_live_ui import watch_problems
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fresh_counts():
    """No failure counts of 127.0.0.1 left by earlier tests: the database cache's table outlives the
    flush of a transactional test, and a higher count means a harder challenge than this test asks."""
    cache.clear()
    yield
    cache.clear()


CEDULA = "1023456789"
LIVE_SERVER_IP = "127.0.0.1"  # what the live server sees as the browser's address


def wait_for_solution(page) -> float:
    """Seconds until the widget put its solution in the form (the page's text on a timeout)."""
    started = time.monotonic()
    try:
        page.wait_for_function(
            "() => { const f = document.querySelector('input[name=altcha]'); return f && f.value.length > 0; }",
            timeout=120_000,
        )
    except Exception as exc:
        raise AssertionError(f"no solution in the form:\n{page.content()[:3000]}") from exc
    return time.monotonic() - started


@override_settings(LOGIN_THROTTLE_FREE_FAILURES=3)
def test_the_owner_gets_in_after_their_browser_solves_the_challenge(live_server, page):
    problems = watch_problems(page)
    UserFactory(cedula=CEDULA)
    for _ in range(3):
        login_record_failure(cedula=CEDULA, client_ip=LIVE_SERVER_IP)
    assert login_pow_level(cedula=CEDULA, client_ip=LIVE_SERVER_IP) == 1

    page.goto(f"{live_server.url}/ingresar/")
    page.get_by_label("Número de cédula").fill(CEDULA)
    page.get_by_label("Contraseña").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    page.get_by_text("comprobación automática").wait_for()
    seconds = wait_for_solution(page)
    print(f"level 1 solved in {seconds:.2f} s")
    page.get_by_label("Contraseña").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_url(f"{live_server.url}/")
    assert problems == []


@override_settings(LOGIN_THROTTLE_FREE_FAILURES=2, LOGIN_THROTTLE_NETWORK_FACTOR=2)
def test_the_admin_login_shows_the_networks_challenge_and_lets_staff_in(live_server, page, admin_user):
    problems = watch_problems(page)
    for n in range(4):
        login_record_failure(cedula=f"52{n:06d}", client_ip=LIVE_SERVER_IP)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    wait_for_solution(page)
    page.locator("#id_username").fill(admin_user.cedula)
    page.locator("#id_password").fill("clave-admin-2026")
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert problems == []
