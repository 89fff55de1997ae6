"""The egress pool: the ways out to the Registraduría (REGISTRADURIA_EGRESS).

The site allows one lookup per REGISTRADURIA_MIN_INTERVAL_SECONDS per client address. Each egress is
one address the site sees: `direct` (this machine's own) or a forward proxy (`http://`, `https://`
or `socks5://`, with `user:password@` when it asks for them). A lookup's browser context goes out
through one egress for its whole life, and the politeness state (turns, browser leases, breaker,
Retry-After) is kept per (site, egress): a blocked egress rests while the others go on.

An egress is named by its label: `direct`, or the proxy's `host:port` (never its credentials, which
stay out of the database, the logs and the console).
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DIRECT = "direct"
PROXY_SCHEMES = ("http", "https", "socks5")


@dataclass(frozen=True)
class Egress:
    label: str
    server: str = ""  # scheme://host:port ("" for direct)
    username: str = ""
    password: str = ""

    @property
    def proxy(self) -> dict[str, str] | None:
        """Playwright's `proxy` option for a browser context through this egress (None: direct)."""
        if not self.server:
            return None
        proxy = {"server": self.server}
        if self.username:
            proxy |= {"username": self.username, "password": self.password}
        return proxy


def parse(entry: str) -> Egress:
    """One REGISTRADURIA_EGRESS entry. Raises ImproperlyConfigured, naming the entry without its
    credentials, when it is neither `direct` nor a proxy URL with a host and a port."""
    entry = entry.strip()
    if entry == DIRECT:
        return Egress(DIRECT)
    parts = urlsplit(entry)
    shown = f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if _port(parts) else "")
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname or not _port(parts):
        raise ImproperlyConfigured(
            f"REGISTRADURIA_EGRESS: {shown!r} is not 'direct' nor a proxy URL "
            f"({'/'.join(PROXY_SCHEMES)}://[user:password@]host:port)"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"REGISTRADURIA_EGRESS: {shown!r} must not have a path or a query")
    if parts.username and parts.scheme == "socks5":
        # Chromium cannot authenticate to a SOCKS proxy (Playwright refuses the context).
        raise ImproperlyConfigured(f"REGISTRADURIA_EGRESS: {shown!r}: Chromium has no SOCKS5 authentication")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return Egress(
        label=f"{host}:{parts.port}",
        server=f"{parts.scheme}://{host}:{parts.port}",
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def _port(parts) -> int | None:
    try:
        return parts.port
    except ValueError:
        return None


@cache
def _pool(entries: tuple[str, ...]) -> tuple[Egress, ...]:
    pool = tuple(parse(entry) for entry in entries if entry.strip()) or (Egress(DIRECT),)
    labels = [egress.label for egress in pool]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ImproperlyConfigured(f"REGISTRADURIA_EGRESS lists {', '.join(duplicates)} more than once")
    return pool


def pool() -> tuple[Egress, ...]:
    """The configured egresses, in order (at least `direct`)."""
    return _pool(tuple(settings.REGISTRADURIA_EGRESS))


def labels() -> list[str]:
    return [egress.label for egress in pool()]


def by_label(label: str) -> Egress:
    for egress in pool():
        if egress.label == label:
            return egress
    raise KeyError(label)
