from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from core import handlers


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

    calls = []
    with registered_handler(UserRegistered.TYPE, "tests.registration_consumer", calls.append):
        yield calls
