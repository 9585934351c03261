#!/usr/bin/env python3
"""Search quality and cost over a synthetic corpus: precision, recall, counts, index cost, bytes.

    .venv/bin/python benchmarks/synth.py 10000 benchmarks/corpus-10000
    .venv/bin/python benchmarks/search_quality.py benchmarks/corpus-10000 [--engine own|pagefind|both]

Steps, each cached in CORPUS/ or OUT (default benchmarks/out-search-N):

1. records: the corpus is loaded and its search records made exactly as a build makes them
   (`generator.site.pages.search_records`), then kept in CORPUS/search-records.pkl.
2. index: the site's own index is built in a fresh process (time, peak memory of the process
   and of its forked helper, files and bytes). With `--engine pagefind` (needs
   `pip install 'pagefind[extended]==1.5.2'`) Pagefind indexes the same text as one page per
   part (report page, original text, department), as the site did before, through
   `pagefind_baseline.py`.
3. truth: for every query, the documents whose normalized text (NFKC, lower case) contains
   every space-separated term: an exact phrase match.
4. browser: the index is served over HTTP and every query run in headless Chromium, once in a
   fresh browser (a first query: every byte the search needs, search scripts included) and
   once after another query (a later query). Bytes are what the server sent, and that size
   gzipped at nginx's default level (deploy/nginx.conf turns gzip on).

Results: OUT/results.json and a Markdown table on stdout for benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Realistic queries for benchmarks/synth.py 10000 (seed 0): department and place names,
#: project names, budget terms, phrases of 2 to 8 characters, numbers, several terms.
QUERIES = [
    "三公经费", "公务接待费", "项目支出", "基本支出", "机关运行经费", "政府采购", "预算执行率",
    "数字城管", "生活垃圾分类", "一件事一次办", "电子政务外网", "放管服", "双减", "预算管理一体化",
    "跨省通办", "无证明城市", "智慧停车", "首席数据官", "数字人民币", "揭榜挂帅",
    "12345", "12345热线", "偏差原因",
    "福竹县财政局", "湘坪县政务服务中心", "川龙县城市管理局", "建花区民政局",
    "福竹县", "新疆维吾尔自治区", "望川市", "宝沙市",
    "安潭县学生营养改善计划资金", "中介服务超市", "政务公开工作经费", "家庭医生签约服务",
    "城管", "县", "数字城管 2021", "湘坪县 三公经费", "生活垃圾分类 满意度",
]

FIRST_PAGE = 10
GZIP_LEVEL = 1  # nginx's gzip_comp_level default


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- records and truth ---------------------------------------------------------------------------


def records_of(corpus: Path):
    cached = corpus / "search-records.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    from generator.content.load import load_content
    from generator.site.pages import search_records

    log("loading the corpus (once; cached in search-records.pkl)")
    records = search_records(load_content(corpus / "content"))
    cached.write_bytes(pickle.dumps(records, protocol=5))
    return records


def pages_of(records) -> list[dict]:
    """The records as one page per part, the unit Pagefind indexed before."""
    pages = []
    for r in records:
        for part in r.parts:
            title = r.title if part.url == r.url else f"{r.title}（{part.label}）"
            meta = {**r.meta, "type": part.label}
            filters = {**r.filters, "type": [part.label]}
            pages.append({"url": part.url, "title": title, "meta": meta, "filters": filters,
                          "sort": {k: str(v) if v is not None else "-1" for k, v in r.sort.items()},
                          "text": part.text})
    return pages


def truth(texts: list[str], query: str) -> set[int]:
    from generator.outputs.searchindex import normalize

    terms = normalize(query).split()
    return {i for i, text in enumerate(texts) if all(t in text for t in terms)}


# --- indexing --------------------------------------------------------------------------------------


def mem_available_mb() -> float:
    with open("/proc/meminfo") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("MemAvailable")) / 1024


def index_own(corpus: Path, out: Path | None) -> dict:
    """Build the own index in a fresh process and report its cost; with `out` None the files
    are made but not written, which times the indexer without the disk.

    Memory: the process's own peak (VmHWM), its helper's, and the machine's: the largest drop
    in available memory while it ran (records, both processes and the in-memory buffers they
    share, counted once).
    """
    sink = (f"out=Path({str(out)!r})\n"
            "def write(path,data):\n"
            "    p=out/path; p.parent.mkdir(parents=True,exist_ok=True); p.write_bytes(data); size[0]+=1; size[1]+=len(data)\n"
            ) if out else ("def write(path,data):\n"
                           "    size[0]+=1; size[1]+=len(data)\n")
    code = (
        "import os,pickle,resource,sys,time,json\n"
        f"sys.path.insert(0,{str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from generator.outputs.searchindex import build_index\n"
        f"records=pickle.loads(Path({str(corpus / 'search-records.pkl')!r}).read_bytes())\n"
        "def hwm():\n"
        "    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would show the parent's\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "base=hwm()\n"
        "size=[0,0]\n"
        + sink +
        "os.sync()\n"
        "t=time.perf_counter(); ix=build_index(records,write); t=time.perf_counter()-t\n"
        "print(json.dumps({'index_s':round(t,2),'records_mb':round(base/1024),"
        "'peak_mb':round(hwm()/1024),"
        "'helper_peak_mb':round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024),"
        "'documents':ix.documents,'shards':ix.shards,'grams':ix.grams,'files':size[0],'bytes':size[1]}))\n")
    if out:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
    os.sync()
    before = mem_available_mb()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    drop = 0.0
    while proc.poll() is None:
        drop = max(drop, before - mem_available_mb())
        time.sleep(0.05)
    stdout = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"indexing failed ({proc.returncode})")
    return {**json.loads(stdout), "machine_peak_mb": round(drop)}


def index_pagefind(records, out: Path) -> dict:
    pages = pages_of(records)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    source = out / "pages.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        for page in pages:
            f.write(json.dumps(page, ensure_ascii=False) + "\n")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pagefind_baseline.py"), str(source), str(out)],
                            check=True, capture_output=True, text=True)
    source.unlink()
    return json.loads(result.stdout)


# --- the browser -----------------------------------------------------------------------------------

OWN_PAGE = """<!doctype html><meta charset="utf-8"><title>bench</title>
<script src="search-engine.js"></script>
<script>
window.runQuery = async function (q) {
  const engine = await DisclosureSearch.open("./");
  const found = await engine.search(q, {}, null);
  const items = await found.load(0, %(page)d);
  return { total: found.total, ids: found.ids(), first: items.map(i => i.docUrl) };
};
</script>"""

PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>bench</title>
<script>
window.runQuery = async function (q) {
  const pagefind = await import("./pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  const found = await pagefind.search(q);
  const first = await Promise.all(found.results.slice(0, %(page)d).map(r => r.data()));
  await fetch("/__mark?all");
  // What the site did before to show exact counts: every candidate's text, checked for the terms.
  const all = await Promise.all(found.results.map(r => r.data()));
  const terms = q.normalize("NFKC").toLowerCase().split(/\\s+/).filter(Boolean);
  const exact = all.filter(d => terms.every(t => ((d.meta.title || "") + "\\n" + d.content).normalize("NFKC").toLowerCase().indexOf(t) >= 0));
  return { total: found.results.length, urls: all.map(d => d.url), exact: exact.length, first: first.map(d => d.url) };
};
</script>"""


class Server:
    """A static server that records what it sends, per phase."""

    def __init__(self, root: Path):
        self.root = root
        self.sent: list[tuple[str, str, int]] = []
        self.phase = "load"
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = urllib.parse.urlparse(self.path).path
                if path == "/__mark":
                    server.phase = urllib.parse.urlparse(self.path).query
                    self.send_response(204)
                    self.end_headers()
                    return
                file = root / urllib.parse.unquote(path).lstrip("/")
                if file.is_file():
                    server.sent.append((server.phase, path, file.stat().st_size))
                return super().do_GET()

            def end_headers(self):
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[tuple[str, str, int]]:
        sent, self.sent = self.sent, []
        return sent


_gzipped: dict[str, int] = {}


def gzip_size(root: Path, path: str) -> int:
    if path not in _gzipped:
        _gzipped[path] = len(gzip.compress((root / path.lstrip("/")).read_bytes(), GZIP_LEVEL))
    return _gzipped[path]


def bytes_of(root: Path, sent, phases=None) -> tuple[int, int]:
    chosen = [s for s in sent if phases is None or s[0] in phases]
    return sum(s[2] for s in chosen), sum(gzip_size(root, s[1]) for s in chosen)


def run_browser(root: Path, engine: str, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    if engine == "own":
        shutil.copy(ROOT / "templates" / "static" / "search-engine.js", root / "search-engine.js")
    (root / "bench.html").write_text((OWN_PAGE if engine == "own" else PAGEFIND_PAGE) % {"page": FIRST_PAGE},
                                     encoding="utf-8")
    server = Server(root)
    url = f"http://127.0.0.1:{server.port}/bench.html"
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for i, query in enumerate(queries):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            loaded = [s for s in server.take() if s[1] != "/bench.html"]
            server.phase = "query"
            started = time.perf_counter()
            got = page.evaluate("q => window.runQuery(q)", query)
            elapsed = time.perf_counter() - started
            sent = server.take()
            first = bytes_of(root, loaded + [s for s in sent if s[0] == "query"])
            all_data = bytes_of(root, sent, {"all"})
            context.close()
            # A later query: a fresh browser that ran another query first.
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            page.evaluate("q => window.runQuery(q)", queries[(i + 1) % len(queries)])
            server.take()
            server.phase = "query"
            page.evaluate("q => window.runQuery(q)", query)
            later = bytes_of(root, server.take(), {"query"})
            context.close()
            row = {"query": query, "seconds": round(elapsed, 3), "first_raw": first[0], "first_gzip": first[1],
                   "later_raw": later[0], "later_gzip": later[1], **got}
            if engine == "pagefind":
                row["all_raw"], row["all_gzip"] = all_data
            out.append(row)
            log(f"{engine} {query}: {got.get('total')} results, first query {first[1] / 1024:.0f} KB gzipped")
        browser.close()
    server.httpd.shutdown()
    return out


# --- scoring -----------------------------------------------------------------------------------------


def score(rows: list[dict], truths: list[set[int]], key_of) -> list[dict]:
    scored = []
    for row, true in zip(rows, truths):
        shown = key_of(row)
        hits = len(shown & true)
        precision = hits / len(shown) if shown else (1.0 if not true else 0.0)
        recall = hits / len(true) if true else 1.0
        scored.append({**{k: v for k, v in row.items() if k not in ("ids", "urls")}, "true": len(true),
                       "shown": len(shown), "precision": round(precision, 4), "recall": round(recall, 4)})
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--engine", choices=("own", "pagefind", "both"), default="own")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--reuse-index", action="store_true", help="query the index already in OUT")
    parser.add_argument("--query", action="append", help="run only this query (repeatable; Pagefind's"
                        " exact-count check reads every candidate, minutes per common phrase)")
    args = parser.parse_args()
    queries = args.query or QUERIES
    records = records_of(args.corpus)
    out = args.out or ROOT / "benchmarks" / f"out-search-{len(records)}"
    from generator.outputs.searchindex import normalize

    results = {}
    engines = ("own", "pagefind") if args.engine == "both" else (args.engine,)
    for engine in engines:
        root = out / engine
        if args.reuse_index and (out / f"{engine}-index.json").exists():
            cost = json.loads((out / f"{engine}-index.json").read_text())
        else:
            log(f"indexing with {engine}")
            if engine == "own":
                cost = index_own(args.corpus, root)
                cost["without_disk"] = index_own(args.corpus, None)
            else:
                cost = index_pagefind(records, root)
            (out / f"{engine}-index.json").write_text(json.dumps(cost))
        log(json.dumps(cost))
        if engine == "own":
            texts = [normalize(r.text) for r in records]
            urls = None
        else:
            pages = pages_of(records)
            texts = [normalize(p["title"] + "\n" + p["text"]) for p in pages]
            urls = {"/" + p["url"]: i for i, p in enumerate(pages)}
            del pages
        truths = [truth(texts, q) for q in queries]
        del texts
        rows = run_browser(root, engine, queries)
        if engine == "own":
            scored = score(rows, truths, lambda row: set(row["ids"]))
        else:
            raw = score(rows, truths, lambda row: {urls[u] for u in row["urls"]})
            scored = [{**r, "exact": row["exact"]} for r, row in zip(raw, rows)]
        results[engine] = {"index": cost, "queries": scored}
        summarize(engine, cost, scored)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


def summarize(engine: str, cost: dict, rows: list[dict]) -> None:
    print(f"\n### {engine}\n")
    print(f"index: {cost}\n")
    print("| query | true | shown | precision | recall | first query KB (gzip) | later query KB (gzip) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['query']} | {r['true']} | {r['shown']} | {r['precision']:.3f} | {r['recall']:.3f} | "
              f"{r['first_gzip'] / 1024:.1f} | {r['later_gzip'] / 1024:.1f} |")
    print(f"\nmean precision {statistics.mean(r['precision'] for r in rows):.4f}, "
          f"mean recall {statistics.mean(r['recall'] for r in rows):.4f}, "
          f"counts equal to truth {sum(r['shown'] == r['true'] for r in rows)}/{len(rows)}, "
          f"first query gzip max {max(r['first_gzip'] for r in rows) / 1024:.1f} KB, "
          f"median {statistics.median(r['first_gzip'] for r in rows) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
