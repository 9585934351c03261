"""Search: the Pagefind index and the fallback index, both from one record per searchable page.

A record is what a reader finds on a page (report, department, original text), built
from the model: its text without navigation, footers or chart tables, and its title, meta,
filters and sort keys set explicitly. Pagefind's binary runs as a service beside the build
from its first step, so its start-up (the Chinese segmenter among it) overlaps the imports;
it is given every record as soon as the page plan exists and writes the index while the
pages render. The small client here speaks the service protocol directly (base64 JSON
messages separated by commas) without the polling delay of the PyPI wrapper.

The fallback index serves a site opened from disk, where Pagefind cannot load: the same
records, searched by our own script.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .figures import Figure

#: The score bands of 财预〔2020〕10号 used for the 自评等级 filter.
GRADE_BANDS = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


def grade_band(score: Decimal | None) -> str | None:
    if score is None:
        return None
    for floor, grade in GRADE_BANDS:
        if score >= floor:
            return grade
    return "差"


class SearchError(Exception):
    pass


def pagefind_binary() -> Path:
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError as err:  # pragma: no cover - the pinned requirement installs it
        raise SearchError("pagefind[extended] is not installed: run bash scripts/setup") from err
    return Path(get_executable())


def search_engine_version() -> str:
    from importlib.metadata import version

    return version("pagefind-bin-extended")


class PagefindService:
    """A synchronous client for `pagefind_extended --service`."""

    def __init__(self, binary: Path | None = None):
        self.proc = subprocess.Popen([str(binary or pagefind_binary()), "--service"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._next = 0
        self._pending: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        buffer = b""
        while True:
            chunk = self.proc.stdout.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            while b"," in buffer:
                message, buffer = buffer.split(b",", 1)
                response = json.loads(base64.b64decode(message))
                with self._lock:
                    future = self._pending.pop(response.get("message_id"), None)
                if future is not None:
                    future.set_result(response["payload"])
        with self._lock:
            for future in self._pending.values():
                future.set_exception(SearchError("the Pagefind service stopped unexpectedly"))
            self._pending.clear()

    def send(self, payload: dict[str, Any]) -> Future:
        future: Future = Future()
        with self._lock:
            self._next += 1
            message_id = self._next
            self._pending[message_id] = future
        data = base64.b64encode(json.dumps({"message_id": message_id, "payload": payload},
                                           ensure_ascii=False).encode("utf-8"))
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(data + b",")
            self.proc.stdin.flush()
        except BrokenPipeError as err:
            raise SearchError("the Pagefind service is not running") from err
        return future

    @staticmethod
    def result(future: Future, timeout: float | None = None) -> dict[str, Any]:
        payload = future.result(timeout=timeout)
        if payload.get("type") == "Error":
            raise SearchError(f"Pagefind: {payload.get('message')}")
        return payload

    def close(self) -> None:
        if self.proc.stdin and not self.proc.stdin.closed:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)


@dataclass
class Indexer:
    """Feeds rendered pages to a Pagefind index and writes it."""

    service: PagefindService = field(default_factory=PagefindService)
    index_id: Future | None = None
    added: list[Future] = field(default_factory=list)
    writing: Future | None = None
    writing_to: Path | None = None

    def __post_init__(self) -> None:
        self.index_id = self.service.send({"type": "NewIndex", "config": {"keep_index_url": False}})
        # The Chinese segmenter loads on the first Chinese page Pagefind sees, which takes a
        # while: a throwaway index gets a few words at once, so that runs during loading.
        warm = self.service.send({"type": "NewIndex", "config": {}})
        self._warm = warm
        threading.Thread(target=self._warm_up, daemon=True).start()

    def _warm_up(self) -> None:
        try:
            index = PagefindService.result(self._warm, timeout=60)["index_id"]
            self.service.send({"type": "AddFile", "index_id": index, "file_path": "warm-up.html", "url": None,
                               "file_contents": '<html lang="zh-CN"><body><main>部门预算绩效公开</main></body></html>'})
        except Exception:  # the real index reports any failure of the service
            pass

    def _index(self) -> int:
        assert self.index_id is not None
        return PagefindService.result(self.index_id, timeout=60)["index_id"]

    def add(self, record: Record) -> None:
        """Index one page from its record: the text a reader finds on it, with meta, filters, sort keys."""
        self.added.append(self.service.send({
            "type": "AddRecord", "index_id": self._index(), "url": "/" + record.url, "content": record.text,
            "language": "zh-cn", "meta": {"title": record.title, **record.meta}, "filters": record.filters,
            "sort": record.sort}))

    def start_writing(self, output: Path) -> None:
        """Ask for the index to be written to `output`; the service does it after every page sent."""
        self.writing_to = output
        self.writing = self.service.send({"type": "WriteFiles", "index_id": self._index(), "output_path": str(output)})

    def finish(self) -> int:
        """Wait for the index to be written; return the number of pages indexed."""
        pages = sum(1 for future in self.added
                    if PagefindService.result(future, timeout=600).get("page_word_count") is not None)
        PagefindService.result(self.writing, timeout=600)
        canonicalize(Path(self.writing_to))
        return pages

    def close(self) -> None:
        self.service.close()

    def abandon(self) -> None:
        """Stop the service without waiting for the pages it was given."""
        self.service.proc.kill()
        self.service.close()


# --- the fallback index -----------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One searchable page, as the fallback search sees it."""

    url: str
    title: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    text: str


def fallback_script(records: list[Record]) -> bytes:
    """The fallback index as a script (file:// pages can load scripts, not fetch JSON)."""
    data = [{"url": r.url, "title": r.title, "meta": r.meta, "filters": r.filters, "sort": r.sort, "text": r.text}
            for r in sorted(records, key=lambda r: r.url)]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("</", "<\\/")
    return f"window.DISCLOSURE_SEARCH_INDEX={text};\n".encode("utf-8")


@dataclass(frozen=True)
class SearchInfo:
    """What a searchable page tells the index besides its text: meta, filters, sort keys."""

    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


#: Filter keys and their labels on the search page, in display order.
FILTERS = (("type", "页面"), ("year", "年度"), ("province", "省"), ("city", "市"), ("county", "县（区）"),
           ("department", "部门"), ("kind", "报告类型"), ("grade", "自评等级"))


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def _markdown_text(text: str) -> str:
    """Markdown source as plain text for the fallback index (escapes dropped)."""
    return _ESCAPED.sub(r"\1", text)


def report_text(report, department) -> str:
    """The text of a report page as the fallback index holds it."""
    from .model import Section

    parts: list[str] = [d.title for d in report.documents] + [department.name]

    def walk(value) -> None:
        if isinstance(value, Figure):
            parts.append(" ".join(f"{s.value}{s.unit}" for s in value.statements))
            return
        if isinstance(value, Section):
            parts.append(value.title)
            parts.append(_markdown_text(value.body))
            for sub in value.sections:
                walk(sub)
            return
        if isinstance(value, str):
            parts.append(_markdown_text(value))
            return
        if hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(report)
    return "\n".join(p for p in parts if p)


def department_text(department) -> str:
    parts = [department.name, department.short_name or "", *department.aliases, department.level or "",
             department.type or "", department.founded or "", *map(_markdown_text, department.functions),
             *department.internal_units, *(f"{h.date} {h.event}" for h in department.history)]
    return "\n".join(p for p in parts if p)


# --- deterministic Pagefind output -------------------------------------------------------------

_SIGNATURE = b"pagefind_dcd"
CANONICAL_FORMAT = "1.5.2"  # the Pagefind version whose output layout canonicalize() knows


def _read_pf(path: Path):
    import gzip

    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchError(f"unexpected Pagefind file format: {path.name}")
    return cbor2.loads(data[len(_SIGNATURE):])


def _pf_bytes(value) -> bytes:
    import gzip

    import cbor2

    return gzip.compress(_SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def canonicalize(output: Path) -> None:
    """Make Pagefind's output depend on its input alone.

    Pagefind writes each filter's values in hash-map order, which changes from run to run,
    and names files by their content. Values are sorted here, the filter files and the meta
    file renamed by the hash of their sorted content, and the references to them rewritten,
    so the same pages always give the same bytes.
    """
    import hashlib

    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != CANONICAL_FORMAT:
        raise SearchError(f"Pagefind {entry.get('version')} output: its file layout is only known for "
                          f"{CANONICAL_FORMAT}; check generator/search.py canonicalize() before upgrading")
    for language, info in sorted(entry["languages"].items()):
        meta_path = output / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_pf(meta_path)
        renamed = []
        for key, old in meta[3]:
            path = output / "filter" / f"{old}.pf_filter"
            name, values = _read_pf(path)
            data = _pf_bytes([name, sorted(values, key=lambda v: v[0])])
            new = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
            path.unlink()
            (output / "filter" / f"{new}.pf_filter").write_bytes(data)
            renamed.append([key, new])
        meta[3] = sorted(renamed)
        meta[4] = sorted(meta[4], key=lambda item: item[0])  # sort keys, also in hash-map order
        data = _pf_bytes(meta)
        new_meta = f"{language}_{hashlib.sha256(data).hexdigest()[:13]}"
        meta_path.unlink()
        (output / f"pagefind.{new_meta}.pf_meta").write_bytes(data)
        info["hash"] = new_meta
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
