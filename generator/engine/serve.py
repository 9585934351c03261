"""Development server: serve the built site on loopback, rebuild on changes, reload the browser.

The reload script is injected by this server into the HTML it sends; the built files
themselves never contain it.
"""

from __future__ import annotations

import errno
import http.server
import os
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from ..department import memo
from .pipeline import TEMPLATES, build
from ..content.problems import ContentError

RELOAD_JS = b"""(function () {
  // Asks for the build after the one shown; the server answers when it is done (or after
  // 20 s with the same one), so the page reloads as soon as a rebuild ends.
  var current = null;
  function poll() {
    var url = current === null ? "/__build" : "/__build?after=" + encodeURIComponent(current);
    fetch(url, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (id) {
      if (current !== null && id !== current) { window.location.reload(); }
      current = id;
    }).catch(function () {}).finally(function () { setTimeout(poll, 100); });
  }
  poll();
})();
"""


class _State:
    def __init__(self) -> None:
        self.build_id = 0
        self.lock = threading.Condition()
        #: The path of site.yaml's base_url: the site is served under it too, as well as at
        #: `/`, so a page linking from it (the 404 page, at any missing URL) finds its styles.
        self.root = "/"

    def after(self, shown: str, timeout: float = 20.0) -> int:
        """The build id once it is another than `shown` (the page's), or after `timeout` s."""
        with self.lock:
            self.lock.wait_for(lambda: str(self.build_id) != shown, timeout)
            return self.build_id


def _snapshot(folders: list[Path]) -> dict[str, float]:
    stamps = {}
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                try:
                    stamps[path] = os.stat(path).st_mtime_ns
                except OSError:  # removed meanwhile, or a broken link
                    continue
    return stamps


class _Notify:
    """Linux inotify on every folder under the watched ones: told of a change as it is saved,
    rather than looking at every file (at 10,000 reports, 23,000 files take 0.1 s to look at).
    Raises OSError on another system or past the user's limit of watches: the watch then looks."""

    # modify, attrib, close_write, moved_from, moved_to, create, delete, delete_self, move_self
    _MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    _CREATE, _ISDIR = 0x100, 0x40000000

    def __init__(self, folders: list[Path]):
        import ctypes

        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.paths: dict[int, str] = {}
        try:
            for folder in folders:
                self._add_tree(str(folder))
        except OSError:
            os.close(self.fd)
            raise

    def _add_tree(self, top: str) -> None:
        for root, _, _ in os.walk(top):
            wd = self.libc.inotify_add_watch(self.fd, os.fsencode(root), self._MASK)
            if wd < 0:
                raise OSError(f"inotify_add_watch {root}")
            self.paths[wd] = root

    def wait(self, timeout: float) -> bool:
        """Whether anything changed within `timeout` seconds; when something did, returns once
        the writes of the same save have come (50 ms without another)."""
        import select
        import struct

        changed = False
        while select.select([self.fd], [], [], 0.05 if changed else timeout)[0]:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                continue
            changed = True
            offset = 0
            while offset + 16 <= len(data):
                wd, mask, _, size = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16: offset + 16 + size].rstrip(b"\0")
                offset += 16 + size
                if mask & self._CREATE and mask & self._ISDIR and wd in self.paths:
                    try:  # a new folder (a new department): watched too
                        self._add_tree(os.path.join(self.paths[wd], os.fsdecode(name)))
                    except OSError:
                        pass
        return changed


def _rebuild(content: Path, out: Path, state: _State, search: bool, cache_dir: Path | None) -> None:
    started = time.perf_counter()
    try:
        result = build(content, out, search=search, cache_dir=cache_dir)
        memo.next_build()  # the memos this build read, kept for the next
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s); still serving the previous build", file=sys.stderr)
        return
    except Exception as err:  # a template error must not stop the server
        print(f"build failed: {err}; still serving the previous build", file=sys.stderr)
        return
    state.root = _site_root(content)
    with state.lock:
        state.build_id += 1
        state.lock.notify_all()
    print(f"rebuilt {result.pages} pages in {time.perf_counter() - started:.2f}s", flush=True)


def _site_root(content: Path) -> str:
    """The path site.yaml's base_url names (a build just read it, so it is valid), or `/`."""
    from ..content.load import parse
    from ..content.model import Site
    from ..outputs.render import site_root

    try:
        site, _, _ = parse(Site, (content / "site.yaml").read_bytes(), "site.yaml")
    except OSError:
        return "/"
    return site_root(site.base_url) if site is not None else "/"


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """One line instead of socketserver's traceback; nothing when the browser just went away."""
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError)):
            return
        print(f"request failed: {type(err).__name__}: {err}", file=sys.stderr, flush=True)


def _handler(out: Path, state: _State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(out), **kwargs)

        def log_message(self, format, *args):  # quiet: one line per rebuild is enough
            return

        def do_GET(self):
            self._respond(body=True)

        def do_HEAD(self):
            self._respond(body=False)

        def _not_allowed(self):
            self.send_response(405)
            self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_CONNECT = do_TRACE = _not_allowed

        def _respond(self, body: bool):
            route, _, query = self.path.partition("?")
            route = route.partition("#")[0]
            root = state.root
            if root != "/" and route == root[:-1]:
                return self._redirect(root + (f"?{query}" if query else ""))
            if root != "/" and route.startswith(root):  # the site under base_url's path
                self.path = self.path[len(root) - 1:]
                route = route[len(root) - 1:]
            if route == "/__build":
                shown = urllib.parse.parse_qs(query).get("after")
                build_id = state.after(shown[0][:20]) if shown else state.build_id
                return self._send(200, "text/plain", str(build_id).encode(), body)
            if route == "/__livereload.js":
                return self._send(200, "application/javascript", RELOAD_JS, body)
            data = None
            try:
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    if not route.endswith("/"):  # as a web server does, so relative links resolve
                        return self._redirect(root + route.lstrip("/") + "/" + (f"?{query}" if query else ""))
                    path = path / "index.html"
                elif route.endswith("/"):  # a file named as a folder
                    path = None
                if path is not None and path.is_file():
                    data = path.read_bytes()
            except (OSError, ValueError):  # a name too long, a NUL byte, a surrogate: no such file
                pass
            if data is None:
                page = out / "404.html"
                data = page.read_bytes() if page.is_file() else b"404 Not Found\n"
                return self._send(404, "text/html; charset=utf-8", data, body)
            if path.suffix == ".html":
                data = data.replace(b"</body>", b'<script src="/__livereload.js"></script></body>', 1)
                return self._send(200, "text/html; charset=utf-8", data, body)
            return self._send(200, self.guess_type(str(path)), data, body)

        def _redirect(self, location: str):
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status: int, kind: str, data: bytes, body: bool = True):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


def _listen(host: str, port: int, handler) -> _Server | None:
    """The server bound to host:port, or None after saying in one line why it cannot be."""
    try:
        return _Server((host, port), handler)
    except OverflowError:
        reason = f"端口 {port} 超出范围：须在 0 到 65535 之间"
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            reason = f"端口 {port} 已被占用：换一个端口（--port），或先停止占用它的程序"
        elif err.errno == errno.EACCES:
            reason = f"没有权限使用端口 {port}：1024 以下的端口需要管理员权限，换一个端口（--port）"
        elif isinstance(err, socket.gaierror) or err.errno == errno.EADDRNOTAVAIL:
            reason = f"--host {host!r} 不是本机可用的地址：{err.strerror or err}"
        else:
            reason = f"{err.strerror or err}"
    print(f"无法在 {host}:{port} 上提供服务：{reason}", file=sys.stderr)
    return None


def serve(content: Path, out: Path, host: str = "127.0.0.1", port: int = 8000, search: bool = True,
          cache_dir: Path | None = None) -> int:
    state = _State()
    memo.KEEP_UNPICKLED = True  # the memos a build read, kept for the next
    # Bound before building, so a port in use is said at once rather than after a build.
    server = _listen(host, port, _handler(out.parent.resolve() / out.name, state))
    if server is None:
        return 1
    try:
        watched = [content, TEMPLATES]
        # Watched before the first build, so a file saved while it runs is built right after it.
        try:
            # SITE_SERVE_POLL=1 looks instead: inotify is not told of changes made on another
            # machine to a network filesystem (NFS, SMB) holding the content.
            notify = (_Notify(watched) if sys.platform.startswith("linux") and not os.environ.get("SITE_SERVE_POLL")
                      else None)
        except OSError:
            notify = None
        first = _snapshot(watched) if notify is None else {}
        _rebuild(content, out, state, search, cache_dir)
        if not out.exists():
            print("no site to serve: fix the problems above and run again", file=sys.stderr)
            return 1

        def watch() -> None:
            if notify is not None:
                while True:
                    if notify.wait(3600):
                        _rebuild(content, out, state, search, cache_dir)
            before = first
            looked = 0.0
            while True:
                # Every 0.2 s, or less often where looking costs more (at 10,000 reports a look
                # at 23,000 files takes about 0.1 s): the watch keeps under a third of a core.
                time.sleep(max(0.2, 2 * looked))
                started = time.perf_counter()
                now = _snapshot(watched)
                looked = time.perf_counter() - started
                if now != before:
                    before = now
                    _rebuild(content, out, state, search, cache_dir)

        threading.Thread(target=watch, daemon=True).start()
        bound_host, bound_port = server.server_address[:2]
        print(f"serving {out} at http://{bound_host}:{bound_port}/ — rebuilding on changes in content/ and templates/"
              " (Ctrl-C stops)", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
