"""Structured logs that follow one person's request from registration to the final transition.

The correlation id of the events being written or handled is kept in a context variable and added
to every log record (`%(correlation_id)s`); with LOG_FORMAT=json each record is one JSON object.
"""

import contextvars
import json
import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest, HttpResponse

_correlation: contextvars.ContextVar[str] = contextvars.ContextVar("correlation_id", default="-")


def bind_correlation(correlation_id: uuid.UUID | str | None) -> None:
    _correlation.set(str(correlation_id) if correlation_id else "-")


@contextmanager
def fresh_correlation() -> Iterator[None]:
    """No correlation id inside (until something binds one), and the previous one back after: a
    request or task never logs under the id its thread or process handled before."""
    token = _correlation.set("-")
    try:
        yield
    finally:
        _correlation.reset(token)


class CorrelationMiddleware:
    """Every request starts without a correlation id (first in MIDDLEWARE, so every log line of the
    request, Django's own CSRF and access warnings included, carries this request's id or none)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with fresh_correlation():
            return self.get_response(request)


def install_record_factory() -> None:
    """Give every log record (ours and libraries') a `correlation_id` attribute."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "adds_correlation", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.correlation_id = _correlation.get()
        return record

    factory.adds_correlation = True  # type: ignore[attr-defined]  # a marker on the function, read back above
    logging.setLogRecordFactory(factory)


class PlainFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "correlation_id"):  # records made before the factory was installed
            record.correlation_id = _correlation.get()
        return super().format(record)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "correlation_id": getattr(record, "correlation_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
