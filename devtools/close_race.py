"""Reproduce, by chance, the hang behind issue 16: `page.close()` that never returns.

    .venv/bin/python -m devtools.close_race [--runs 40] [--routed]

A page whose script reloads it (the wsp page on an expired nonce, `{"reload": true}`) is closed the
moment the reload's response is let through. With the DevTools protocol logged (DEBUG=pw:protocol)
a hung run shows the mechanism: `Target.closeTarget` is answered `{"success": true}`, then the
reload's response arrives and the new document commits, and the target lives on: no
`Target.detachedFromTarget` ever comes, so Playwright's `page.close()` waits forever (the browser
thread is stuck until the host replaces it). It happens with and without a route on the page.

On this 2-core machine it hung within 40 iterations in 3 runs of 3 with every core busy, and in
none of 6 single iterations on an idle machine: a race, not a rule. The scraper no longer lets the
page see the reply (`fronts._submit` fetches it and aborts the page's request), so the page never
reloads under it and there is no navigation to race with the close.
Exit status 1 when a close did not return within --timeout seconds.
"""

import argparse
import sys
import threading
import time
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (
    b"<!doctype html><title>w</title><button id=b onclick=\"fetch('/',{method:'POST',body:'x'})"
    b'.then(r=>r.json()).then(j=>{if(j.reload) location.reload()})">go</button>'
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.close_race", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--routed", action="store_true", help="route the page's requests, as the scraper did")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--executable", default="/usr/lib/chromium/chromium")
    options = parser.parse_args(argv)
    release, arrived = threading.Event(), threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def handle_one_request(self) -> None:
            with suppress(BrokenPipeError, ConnectionResetError):  # the page went away under its request
                super().handle_one_request()

        def do_GET(self) -> None:
            if "r=1" in self.headers.get("Cookie", ""):  # the reload: held until the close
                arrived.set()
                release.wait(10)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"reload": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Set-Cookie", "r=1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    progress = {"run": 0}

    def drive() -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=options.executable, args=["--no-sandbox", "--disable-gpu"]
            )
            for run in range(1, options.runs + 1):
                progress["run"] = run
                release.clear()
                arrived.clear()
                context = browser.new_context()
                page = context.new_page()
                if options.routed:
                    page.route(url, lambda route: route.continue_())
                page.goto(url)
                page.click("#b", no_wait_after=True)
                while not arrived.is_set():
                    time.sleep(0.01)
                release.set()  # the reload's response goes out as the close goes in
                page.close()
                context.close()
            browser.close()

    thread = threading.Thread(target=drive, daemon=True)
    thread.start()
    thread.join(options.timeout)
    server.shutdown()
    if thread.is_alive():
        print(f"run {progress['run']}: page.close() did not return in {options.timeout:.0f} s")
        return 1
    print(f"{options.runs} closes returned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
