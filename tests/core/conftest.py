from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from core import handlers
from core.events import EventEnvelope


@contextmanager
def registered_handler(event_type: str, name: str, func: Callable, *, transactional: bool = True) -> Iterator[None]:
    """Register a consumer for the duration of a test only (the registry is process-global)."""
    handlers.handler(event_type, name=name, transactional=transactional)(func)
    try:
        yield
    finally:
        handlers._HANDLERS.pop(name, None)


@pytest.fixture
def registration_consumer():
    """A consumer of UserRegistered (the product's own consumers live in verification/), recording calls."""
    from accounts.events import UserRegistered

    calls: list[EventEnvelope] = []
    with registered_handler(UserRegistered.TYPE, "tests.registration_consumer", calls.append):
        yield calls


@pytest.fixture(scope="session")
def kernel_templates(tmp_path_factory):
    from tests.core.kernel_stack import Templates

    templates = Templates(tmp_path_factory.mktemp("kernel-templates"))
    yield templates
    templates.cleanup()


def suite_backend() -> str:
    """The database the suite itself runs on: the no-loss tests follow it."""
    import os

    return "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


@pytest.fixture
def stack_factory(kernel_templates, tmp_path):
    """`stack_factory("sqlite" | "postgres")` → a KernelStack whose processes stop at teardown."""
    from contextlib import ExitStack

    from tests.core.kernel_stack import kernel_stack

    with ExitStack() as exits:

        def make(backend: str):
            if backend == "postgres":
                from tests.services import require_postgres

                require_postgres()
            return exits.enter_context(kernel_stack(backend, kernel_templates, tmp_path))

        yield make
