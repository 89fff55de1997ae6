"""Forward proxies on loopback, each going out from its own source address (dev and tests only).

The product's egress pool (REGISTRADURIA_EGRESS) sends each lookup's browser through one proxy; the
site limits and blocks per client address. On one machine, `127.0.0.x` addresses stand in for
several egress IPs: a proxy bound to source 127.0.0.3 makes every request it forwards reach the
simulator from 127.0.0.3, so the simulator's per-client policy sees three clients.

    proxy = ForwardProxy(source="127.0.0.3").start()     # or `with ForwardProxy(...) as proxy:`
    proxy.url            # http://127.0.0.1:PORT  (an entry for REGISTRADURIA_EGRESS)
    proxy.requests       # requests forwarded so far
    proxy.stop()

    python -m devtools.egress_proxy --source 127.0.0.2 --port 3128 [--user u --password p]

It forwards plain HTTP requests in absolute form (one per connection) and tunnels CONNECT; with a
user and password it asks for Basic proxy authentication (407) like a commercial proxy does.
"""

import argparse
import base64
import binascii
import hmac
import logging
import select
import socket
import socketserver
import threading
from contextlib import suppress
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024
CONNECT_TIMEOUT = 10.0
IDLE_TIMEOUT = 60.0


class _Closed(Exception):
    pass


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    """The request's head (up to the blank line) and whatever body bytes came with it."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        data += chunk
        if len(data) > MAX_HEAD_BYTES:
            raise _Closed
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until either side closes or both are idle for IDLE_TIMEOUT."""
    sockets = [a, b]
    while True:
        readable, _, _ = select.select(sockets, [], [], IDLE_TIMEOUT)
        if not readable:
            return
        for sock in readable:
            try:
                chunk = sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            (b if sock is a else a).sendall(chunk)


class _Handler(socketserver.BaseRequestHandler):
    server: "_Server"

    def handle(self) -> None:
        client: socket.socket = self.request
        client.settimeout(IDLE_TIMEOUT)
        try:
            head, rest = _read_head(client)
        except (_Closed, OSError):
            return
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            client.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        method, target, version = parts
        headers = [line for line in lines[1:] if line]
        if not self.server.proxy.authorised(headers):
            client.sendall(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="egress"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
            )
            return
        if method == "CONNECT":
            host, _, port = target.rpartition(":")
            upstream = self._connect(host, port)
            if upstream is None:
                return
            with upstream:
                client.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                self.server.proxy.count()
                _pipe(client, upstream)
            return
        url = urlsplit(target)
        if url.scheme != "http" or not url.hostname:
            client.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        upstream = self._connect(url.hostname, str(url.port or 80))
        if upstream is None:
            return
        path = url.path or "/"
        if url.query:
            path += "?" + url.query
        kept = [h for h in headers if not h.lower().startswith(("proxy-", "connection:", "keep-alive:"))]
        forwarded = "\r\n".join([f"{method} {path} {version}", *kept, "Connection: close", "", ""])
        with upstream:
            upstream.sendall(forwarded.encode("latin-1") + rest)
            self.server.proxy.count()
            _pipe(client, upstream)

    def _connect(self, host: str, port: str) -> socket.socket | None:
        try:
            return socket.create_connection(
                (host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT, source_address=(self.server.proxy.source, 0)
            )
        except (OSError, ValueError):
            with suppress(OSError):
                self.request.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return None


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, proxy: "ForwardProxy"):
        self.proxy = proxy
        super().__init__(address, _Handler)


class ForwardProxy:
    """One forward proxy listening on `host:port` (0: a free port) whose upstream connections go out
    from `source`. With `user`, clients must authenticate (Basic)."""

    def __init__(self, *, source: str, host: str = "127.0.0.1", port: int = 0, user: str = "", password: str = ""):
        self.source = source
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.requests = 0
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The proxy's URL for REGISTRADURIA_EGRESS (with its credentials, when it has them)."""
        auth = f"{self.user}:{self.password}@" if self.user else ""
        return f"http://{auth}{self.host}:{self.port}"

    def count(self) -> None:
        with self._lock:
            self.requests += 1

    def authorised(self, headers: list[str]) -> bool:
        if not self.user:
            return True
        expected = f"{self.user}:{self.password}".encode()
        for header in headers:
            name, _, value = header.partition(":")
            scheme, _, encoded = value.strip().partition(" ")
            if name.strip().lower() == "proxy-authorization" and scheme.lower() == "basic":
                with suppress(binascii.Error, ValueError):
                    return hmac.compare_digest(base64.b64decode(encoded.strip(), validate=True), expected)
        return False

    def start(self) -> "ForwardProxy":
        self._server = _Server((self.host, self.port), self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, name=f"proxy-{self.source}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "ForwardProxy":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A forward proxy whose requests leave from --source.")
    parser.add_argument("--source", required=True, help="source address of forwarded requests (e.g. 127.0.0.2)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3128)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    args = parser.parse_args(argv)
    proxy = ForwardProxy(source=args.source, host=args.host, port=args.port, user=args.user, password=args.password)
    proxy.start()
    shown = f"http://{proxy.host}:{proxy.port}" + (" (Basic authentication)" if proxy.user else "")
    print(f"proxy {shown} → from {proxy.source}", flush=True)
    assert proxy._thread is not None
    with suppress(KeyboardInterrupt):
        proxy._thread.join()


if __name__ == "__main__":
    main()
