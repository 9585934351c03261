"""Development server: serve the built site on loopback, rebuild on changes, reload the browser.

The reload script is injected by this server into the HTML it sends; the built files
themselves never contain it.
"""

from __future__ import annotations

import http.server
import os
import sys
import threading
import time
from pathlib import Path

from .pipeline import TEMPLATES, build
from .problems import ContentError

RELOAD_JS = b"""(function () {
  var current = null;
  function poll() {
    fetch("/__build", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (id) {
      if (current !== null && id !== current) { window.location.reload(); }
      current = id;
    }).catch(function () {}).finally(function () { setTimeout(poll, 800); });
  }
  poll();
})();
"""


class _State:
    def __init__(self) -> None:
        self.build_id = 0
        self.lock = threading.Lock()


def _snapshot(folders: list[Path]) -> dict[str, float]:
    stamps = {}
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                try:
                    stamps[path] = os.stat(path).st_mtime_ns
                except FileNotFoundError:
                    continue
    return stamps


def _rebuild(content: Path, out: Path, state: _State, search: bool, cache_dir: Path | None) -> None:
    started = time.perf_counter()
    try:
        result = build(content, out, search=search, cache_dir=cache_dir)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s); still serving the previous build", file=sys.stderr)
        return
    except Exception as err:  # a template error must not stop the server
        print(f"build failed: {err}; still serving the previous build", file=sys.stderr)
        return
    with state.lock:
        state.build_id += 1
    print(f"rebuilt {result.pages} pages in {time.perf_counter() - started:.2f}s", flush=True)


def _handler(out: Path, state: _State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(out), **kwargs)

        def log_message(self, format, *args):  # quiet: one line per rebuild is enough
            return

        def do_GET(self):
            if self.path == "/__build":
                body = str(state.build_id).encode()
                return self._send(200, "text/plain", body)
            if self.path == "/__livereload.js":
                return self._send(200, "application/javascript", RELOAD_JS)
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                body = path.read_bytes().replace(b"</body>", b'<script src="/__livereload.js"></script></body>', 1)
                return self._send(200, "text/html; charset=utf-8", body)
            if not path.exists() and (out / "404.html").is_file():
                return self._send(404, "text/html; charset=utf-8", (out / "404.html").read_bytes())
            return super().do_GET()

        def _send(self, status: int, kind: str, body: bytes):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(content: Path, out: Path, host: str = "127.0.0.1", port: int = 8000, search: bool = True,
          cache_dir: Path | None = None) -> int:
    state = _State()
    _rebuild(content, out, state, search, cache_dir)
    if not out.exists():
        print("no site to serve: fix the problems above and run again", file=sys.stderr)
        return 1
    watched = [content, TEMPLATES]

    def watch() -> None:
        before = _snapshot(watched)
        while True:
            time.sleep(0.5)
            now = _snapshot(watched)
            if now != before:
                before = now
                _rebuild(content, out, state, search, cache_dir)

    threading.Thread(target=watch, daemon=True).start()
    server = http.server.ThreadingHTTPServer((host, port), _handler(out.resolve(), state))
    print(f"serving {out} at http://{host}:{port}/ — rebuilding on changes in content/ and templates/ (Ctrl-C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
