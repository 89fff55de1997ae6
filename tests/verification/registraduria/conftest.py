import pytest

from devtools.registraduria_simulator import Simulator


@pytest.fixture(scope="session")
def simulator_server(tmp_path_factory):
    """The Registraduría simulator (all three fronts and the 2Captcha-compatible solver), in-process."""
    sim = Simulator(
        port=0,
        solver_port=0,
        ca_path=tmp_path_factory.mktemp("simulator") / "ca.pem",
        solver_key="clave-de-prueba",
        slow_seconds=1.5,
        hang_seconds=8.0,
        solve_seconds=0.0,
    ).start()
    yield sim
    sim.stop()


@pytest.fixture(scope="session")
def scraper_browser():
    """The scraper's own per-process browser, closed when the session ends."""
    from verification.registraduria.browser import HOST

    yield HOST
    HOST.shutdown()


@pytest.fixture
def simulator(simulator_server, scraper_browser, settings):
    """The scraper pointed at a freshly reset simulator, with politeness made fast for tests."""
    simulator_server.reset()
    settings.REGISTRADURIA_WSP_URL = simulator_server.wsp_url
    settings.REGISTRADURIA_CONSULTACENSO_URL = simulator_server.consultacenso_url
    settings.REGISTRADURIA_INFOVOTANTES_URL = simulator_server.infovotantes_url
    settings.REGISTRADURIA_INFOVOTANTES_API_URL = simulator_server.infovotantes_api_url
    settings.CAPTCHA_PROVIDER = "2captcha"
    settings.CAPTCHA_API_KEY = "clave-de-prueba"
    settings.CAPTCHA_SERVER = simulator_server.solver_server
    settings.CAPTCHA_CA_BUNDLE = str(simulator_server.ca_path)
    settings.CAPTCHA_POLL_SECONDS = 1
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 0
    # Generous: a loaded machine must not turn a slow page into a timeout (the hang test sets its own).
    settings.REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS = 15
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso", "infovotantes"]
    return simulator_server
