"""Development server: serve the built site on loopback, rebuild on changes, reload the browser.

The reload script is injected by this server into the HTML it sends; the built files
themselves never contain it.
"""

from __future__ import annotations

import errno
import http.server
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from ..content.messages import language, t
from ..content.problems import ContentError
from ..department import memo
from .pipeline import TEMPLATES, build

RELOAD_JS = b"""(function () {
  // Asks for the state after the one shown (/__status?after=N); the server answers when a
  // rebuild has ended (or after 20 s with the same state). A new build reloads the page; a
  // failed rebuild shows its problems over the page, until a rebuild succeeds.
  var build = null, status = null, banner = null;
  function show(state) {
    if (banner !== null) { banner.remove(); banner = null; }
    if (!state.failed) { return; }
    banner = document.createElement("div");
    banner.id = "dev-build-errors";
    banner.setAttribute("role", "alert");
    banner.lang = state.lang;
    var s = banner.style;  // set through the DOM: a page's style-src 'self' would refuse a style attribute
    // At most half the window, so the page stays in sight on a phone too; the title and the close
    // button stay put while a long list scrolls under them.
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "2147483647";
    s.maxHeight = "50vh"; s.display = "flex"; s.flexDirection = "column"; s.boxSizing = "border-box";
    s.padding = "12px 16px"; s.background = "#fff4f4"; s.color = "#5c0000"; s.borderBottom = "4px solid #c00";
    s.boxShadow = "0 2px 12px rgba(0,0,0,.35)"; s.font = "15px/1.5 system-ui, sans-serif";
    var head = document.createElement("div");
    head.style.display = "flex"; head.style.alignItems = "flex-start"; head.style.gap = "12px";
    head.style.flex = "none";
    var close = document.createElement("button");
    close.type = "button"; close.textContent = state.close;
    close.style.flex = "none"; close.style.font = "inherit";
    close.addEventListener("click", function () { banner.remove(); banner = null; });
    var title = document.createElement("p");
    title.textContent = state.title;
    title.style.margin = "0"; title.style.flex = "1"; title.style.minWidth = "0"; title.style.fontWeight = "bold";
    var list = document.createElement("ol");
    list.style.margin = "8px 0 0"; list.style.paddingLeft = "2.5em";  // room for the numbers up to 200.
    list.style.overflow = "auto"; list.style.minHeight = "0"; list.style.overscrollBehavior = "contain";
    list.style.font = "13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    state.problems.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;  // text, never markup: what a content file wrote stays text
      item.style.whiteSpace = "pre-wrap"; item.style.overflowWrap = "anywhere";
      list.appendChild(item);
    });
    head.appendChild(title); head.appendChild(close);
    banner.appendChild(head); banner.appendChild(list);
    document.body.appendChild(banner);
  }
  function poll() {
    var url = status === null ? "/__status" : "/__status?after=" + encodeURIComponent(status);
    fetch(url, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (build !== null && state.build !== build) { window.location.reload(); return; }
      build = state.build;
      if (state.status !== status) { status = state.status; show(state); }
    }).catch(function () {}).finally(function () { setTimeout(poll, 100); });
  }
  poll();
})();
"""

#: The most problems the browser's banner lists (the terminal has them all).
BANNER_MAX = 200


class _State:
    def __init__(self) -> None:
        self.build_id = 0
        #: Counts every rebuild's end, failed or not: what the page's script waits on.
        self.status_id = 0
        #: The last rebuild's problems as the terminal shows them, and the banner's title; None after a good build.
        self.failure: tuple[str, list[str]] | None = None
        self.lock = threading.Condition()
        #: The path of site.yaml's base_url: the site is served under it too, as well as at
        #: `/`, so a page linking from it (the 404 page, at any missing URL) finds its styles.
        self.root = "/"

    def after(self, shown: str, timeout: float = 20.0) -> int:
        """The build id once it is another than `shown` (the page's), or after `timeout` s."""
        with self.lock:
            self.lock.wait_for(lambda: str(self.build_id) != shown, timeout)
            return self.build_id

    def status(self, shown: str | None, timeout: float = 20.0) -> bytes:
        """The state once a rebuild has ended since `shown` (at once without it), as JSON for the page."""
        with self.lock:
            if shown is not None:
                self.lock.wait_for(lambda: str(self.status_id) != shown, timeout)
            failure = self.failure
            state = {"build": self.build_id, "status": self.status_id, "failed": failure is not None,
                     "lang": language(), "close": t("serve.banner.close"),
                     "title": failure[0] if failure else "", "problems": failure[1][:BANNER_MAX] if failure else []}
        return json.dumps(state, ensure_ascii=False).encode("utf-8")

    def ended(self, failure: tuple[str, list[str]] | None) -> None:
        """A rebuild ended: well (None; a new build to show) or with its problems."""
        with self.lock:
            if failure is None:
                self.build_id += 1
            self.status_id += 1
            self.failure = failure
            self.lock.notify_all()


def _snapshot(folders: list[Path]) -> dict[str, int]:
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
        lines = [str(problem) for problem in err.problems]
        for line in lines:
            print(line, file=sys.stderr)
        print(t("serve.problems", count=len(lines)), file=sys.stderr)
        state.ended((t("serve.banner.problems", count=len(lines)), lines))
        return
    except Exception as err:  # a template error must not stop the server
        print(t("serve.failed", error=err), file=sys.stderr)
        state.ended((t("serve.banner.failed"), [f"{type(err).__name__}: {err}"]))
        return
    state.root = _site_root(content)
    state.ended(None)
    print(t("serve.rebuilt", pages=result.pages, seconds=time.perf_counter() - started), flush=True)


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
        print(t("serve.request_failed", kind=type(err).__name__, error=err), file=sys.stderr, flush=True)


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
            if route == "/__status":
                shown = urllib.parse.parse_qs(query).get("after")
                status = state.status(shown[0][:20] if shown else None)
                return self._send(200, "application/json; charset=utf-8", status, body)
            if route == "/__livereload.js":
                return self._send(200, "application/javascript", RELOAD_JS, body)
            data = None
            path: Path | None = None
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
            if data is None or path is None:  # (a file read has its path)
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
        reason = t("serve.port_range", port=port)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            reason = t("serve.port_in_use", port=port)
        elif err.errno == errno.EACCES:
            reason = t("serve.port_denied", port=port)
        elif isinstance(err, socket.gaierror) or err.errno == errno.EADDRNOTAVAIL:
            reason = t("serve.bad_host", host=repr(host), reason=err.strerror or err)
        else:
            reason = f"{err.strerror or err}"
    print(t("serve.cannot_listen", host=host, port=port, reason=reason), file=sys.stderr)
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
            print(t("serve.no_site"), file=sys.stderr)
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
        print(t("serve.serving", out=out, host=bound_host, port=bound_port), flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
