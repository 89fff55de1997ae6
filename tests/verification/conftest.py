import pytest


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    """Service tests use the deterministic stand-in, not the browser."""
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False  # tests drive the relay and the consumers explicitly
