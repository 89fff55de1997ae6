"""Run public bot detectors (BotD, fpscanner, CreepJS, ...) in a browser and read their verdicts.

Each detector is a folder of static files (see tests/verification/registraduria/detectors/NOTICE.md)
whose page, once the detector has finished, writes one JSON object as the text of `#pm-result` and
then sets `<html data-pm-done="1">`. The result travels through the DOM, not through window
variables, so it can be read from a Playwright variant whose `page.evaluate` runs in an isolated
world (patchright): the runner only calls `goto`, `wait_for_selector`, `text_content` and `close`.
"""

import json
import mimetypes
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

DETECTORS: tuple[str, ...] = (
    "botd",
    "fpscanner",
    "fpscanner-0.1.5",
    "creepjs",
    "intoli",
    "detect-headless",
    "cat-n-mouse",
)

SEVERITIES = ("high", "medium", "low")

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool  # True: this check does not make the browser look like a bot, headless or a liar
    severity: str | None
    detail: str


@dataclass(frozen=True)
class DetectorResult:
    detector: str
    version: str
    checks: tuple[Check, ...]
    summary: dict[str, Any]
    error: str | None

    @property
    def passed(self) -> int:
        return sum(1 for check in self.checks if check.passed)

    @property
    def failed(self) -> int:
        return sum(1 for check in self.checks if not check.passed)

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.passed)


def _content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _handler_for(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == "/__headers":
                headers = {key.lower(): value for key, value in self.headers.items()}
                self._send(HTTPStatus.OK, json.dumps(headers).encode(), "application/json")
                return
            target = self._resolve(path)
            if target is None:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
            elif target.is_dir():
                # `/creepjs` -> `/creepjs/`, so that the page's relative URLs resolve inside its folder.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
            else:
                self._send(HTTPStatus.OK, target.read_bytes(), _content_type(target))

        def _resolve(self, path: str) -> Path | None:
            relative = path.lstrip("/")
            candidate = (root / relative).resolve()
            if candidate != root and root not in candidate.parents:
                return None
            if path.endswith("/"):
                candidate = candidate / "index.html"  # never a directory listing
            if candidate.is_dir():
                return candidate if (candidate / "index.html").is_file() else None
            return candidate if candidate.is_file() else None

        def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over plain HTTP on 127.0.0.1 (a secure context, so service workers run)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(Path(folder).resolve()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="detectors-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _failure(name: str, message: str) -> DetectorResult:
    return DetectorResult(detector=name, version="", checks=(), summary={}, error=message)


def _parse(name: str, text: str | None) -> DetectorResult:
    if not text:
        return _failure(name, "the page wrote no #pm-result")
    try:
        data = json.loads(text)
    except ValueError as exc:
        return _failure(name, f"#pm-result is not JSON: {exc}")
    if not isinstance(data, dict):
        return _failure(name, "#pm-result is not a JSON object")
    checks = []
    for raw in data.get("checks") or []:
        if not isinstance(raw, dict):
            continue
        severity = raw.get("severity")
        checks.append(
            Check(
                name=str(raw.get("name", "")),
                passed=bool(raw.get("passed")),
                severity=severity if severity in SEVERITIES else None,
                detail=str(raw.get("detail") or ""),
            )
        )
    summary = data.get("summary")
    error = data.get("error")
    return DetectorResult(
        detector=str(data.get("detector") or name),
        version=str(data.get("version") or ""),
        checks=tuple(checks),
        summary=summary if isinstance(summary, dict) else {},
        error=None if error is None else str(error),
    )


def run_detector(new_page: Callable[[], Any], base_url: str, name: str, *, timeout_ms: int = 60_000) -> DetectorResult:
    """One detector in a fresh page; any failure (timeout, crash, bad JSON) becomes `error`."""
    page = None
    try:
        page = new_page()
        page.goto(f"{base_url}/{name}/", timeout=timeout_ms)
        page.wait_for_selector("html[data-pm-done]", state="attached", timeout=timeout_ms)
        return _parse(name, page.text_content("#pm-result", timeout=timeout_ms))
    except Exception as exc:  # one detector's failure must not stop the others
        return _failure(name, f"{type(exc).__name__}: {exc}".splitlines()[0])
    finally:
        if page is not None:
            with suppress(Exception):  # the browser may already be gone
                page.close()


def run_detectors(
    new_page: Callable[[], Any],
    base_url: str,
    names: Iterable[str] = DETECTORS,
    *,
    timeout_ms: int = 60_000,
) -> list[DetectorResult]:
    """Run each detector page in its own page from `new_page()` (e.g. `context.new_page`)."""
    return [run_detector(new_page, base_url, name, timeout_ms=timeout_ms) for name in names]
