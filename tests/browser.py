"""Headless Chromium (Debian's, driven by playwright) and a local server for the built site."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]

#: The Content-Security-Policy every page, the search page included, must work under.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"


def deploy_headers() -> dict[str, str]:
    """The security headers of deploy/security-headers.conf, as the tests serve them."""
    import re

    text = (Path(__file__).resolve().parent.parent / "deploy" / "security-headers.conf").read_text(encoding="utf-8")
    return dict(re.findall(r'^add_header ([\w-]+) "([^"]+)" always;$', text, flags=re.M))


class _Handler(http.server.SimpleHTTPRequestHandler):
    headers_out: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        return

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            page = Path(self.directory) / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)


@contextmanager
def serve(site: Path, csp: str = CSP, headers: dict[str, str] | None = None):
    sent = headers if headers is not None else {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff"}
    handler = type("Handler", (_Handler,), {"headers_out": sent,
                                            "extensions_map": {**_Handler.extensions_map,
                                                               ".js": "text/javascript", ".mjs": "text/javascript"}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


class Console:
    """Collects console errors, page errors and CSP violations of a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
