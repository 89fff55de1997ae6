"""Request and reply values of the simulator, its static assets and body parsing."""

import email.parser
import email.policy
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs

logger = logging.getLogger(__name__)

ASSETS_DIR = Path(__file__).with_name("assets")


# --- Replies -------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    client: str = ""  # the client's address, as the site sees it (a proxy's, behind one)

    @property
    def cookies(self) -> dict[str, str]:
        cookies: dict[str, str] = {}
        for chunk in self.headers.get("cookie", "").split(";"):
            name, sep, value = chunk.strip().partition("=")
            if sep and name:
                cookies.setdefault(name, value.strip().strip('"'))
        return cookies


class _Dropped(Exception):
    """The simulator is stopping while a reply is held: close the connection without answering."""


def _asset(name: str) -> str:
    return (ASSETS_DIR / name).read_text(encoding="utf-8")


def _json(status: int, payload, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    # ensure_ascii (the default) writes accents as \u escapes, as PHP's json_encode does.
    return Reply(status, json.dumps(payload).encode(), "application/json", headers)


def _html(status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, text.encode("utf-8"), "text/html; charset=utf-8", headers)


def _text(status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, text.encode("utf-8"), "text/plain; charset=utf-8", headers)


def _redirect(location: str) -> Reply:
    return Reply(HTTPStatus.MOVED_PERMANENTLY, b"", "text/html; charset=utf-8", (("Location", location),))


def _form_fields(request: Request) -> dict[str, str]:
    """Fields of a multipart or url-encoded body (first value of each); {} when unreadable."""
    content_type = request.headers.get("content-type", "")
    try:
        if content_type.lower().startswith("multipart/form-data"):
            head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
            fields: dict[str, str] = {}
            if message.is_multipart():
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    if name and part.get_filename() is None:
                        payload = part.get_payload(decode=True) or b""
                        assert isinstance(payload, bytes)  # decode=True on a part that is not multipart
                        # An RFC 2231-encoded name comes back as a tuple and is kept as that key.
                        fields.setdefault(name, payload.decode(part.get_content_charset() or "utf-8", "replace"))  # type: ignore[arg-type]
            return fields
        pairs = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {name: values[0] for name, values in pairs.items()}
    except Exception:  # a malformed body is the client's problem: treat it as empty
        logger.debug("unreadable form body", exc_info=True)
        return {}


def _json_body(request: Request) -> dict | None:
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None
