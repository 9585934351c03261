"""The search this project used before its own index: Pagefind 1.5.2 (extended), for comparison.

    .venv/bin/pip install 'pagefind[extended]==1.5.2'
    .venv/bin/python benchmarks/pagefind_baseline.py RECORDS.jsonl.gz OUT_DIR

Indexes the same records as the site's search (one per report page, original-text page and
department page, as the build made them before the site's own index replaced Pagefind)
through Pagefind's service API (`AddRecord`), writes the index to OUT_DIR/pagefind and prints
the indexing time and the service's peak memory as JSON. `search_quality.py` then queries it
in Chromium.
"""

from __future__ import annotations

import base64
import gzip
import json
import resource
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any


class Service:
    """A small client for `pagefind_extended --service` (base64 JSON messages separated by commas)."""

    def __init__(self) -> None:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]

        self.proc = subprocess.Popen([get_executable(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self._next = 0
        self._pending: dict[int, Future] = {}
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        while chunk := self.proc.stdout.read1(1 << 16):
            buffer += chunk
            while b"," in buffer:
                message, buffer = buffer.split(b",", 1)
                response = json.loads(base64.b64decode(message))
                with self._lock:
                    future = self._pending.pop(response.get("message_id"), None)
                if future is not None:
                    future.set_result(response["payload"])

    def send(self, payload: dict[str, Any]) -> Future:
        future: Future = Future()
        with self._lock:
            self._next += 1
            self._pending[self._next] = future
            message = {"message_id": self._next, "payload": payload}
        self.proc.stdin.write(base64.b64encode(json.dumps(message, ensure_ascii=False).encode()) + b",")
        self.proc.stdin.flush()
        return future


def main() -> None:
    records_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    records = [json.loads(line) for line in gzip.open(records_path, "rt", encoding="utf-8")]
    started = time.perf_counter()
    service = Service()
    index = service.send({"type": "NewIndex", "config": {"keep_index_url": False}}).result()["index_id"]
    added = [service.send({"type": "AddRecord", "index_id": index, "url": "/" + r["url"], "content": r["text"],
                           "language": "zh-cn", "meta": {"title": r["title"], **r["meta"]}, "filters": r["filters"],
                           "sort": {k: v if v is not None else "-1" for k, v in r["sort"].items()}})
             for r in records]
    for future in added:
        future.result()
    written = service.send({"type": "WriteFiles", "index_id": index, "output_path": str(out / "pagefind")}).result()
    if written.get("type") == "Error":
        raise SystemExit(written)
    elapsed = time.perf_counter() - started
    service.proc.stdin.close()
    service.proc.wait()
    files = [p for p in (out / "pagefind").rglob("*") if p.is_file()]
    print(json.dumps({"engine": "pagefind 1.5.2 extended", "records": len(records), "index_s": round(elapsed, 2),
                      "peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                      "files": len(files), "bytes": sum(p.stat().st_size for p in files)}))


if __name__ == "__main__":
    main()
