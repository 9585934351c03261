"""Memory of the cold search index build alone, per report: its peak against the number of reports.

    .venv/bin/python benchmarks/index_memory_bench.py [--corpus benchmarks/corpus-10000] [--sizes 1000 5000 10000]
                                                      [--work /tmp/index-memory-bench] [--workers N] [--keep]

Records are made once per corpus (every department's, as the build makes them, in two
processes) and kept under --work, one pickle a department, as the build's store keeps them.
For each size, the departments in folder order up to that many reports are indexed by a fresh
process that reads their records a department at a time in URL order, as the build's
`_Records` does, and writes the index files to a folder under --work. Reported:

- peak: the proportional set size of that process and its forked helper, summed, sampled
  from /proc whenever their resident size reaches a new high (as benchmarks/build_bench.py
  measures a build); and `maxrss`, the process's own getrusage peak resident size (its
  helper's separately), which counts the shared memory both map in each;
- base: the same process's resident size after its imports and before indexing;
- wall and CPU seconds (the process's and its helper's) of `build_index` alone;
- the index's version (a digest of every file it wrote but index.js) to compare builds.

The slope between sizes is the memory each further report costs.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def _records_of(folder: str) -> tuple[str, int, list]:
    from generator.content.load import load_department
    from generator.site.pages import department_records

    scope, regions = _SCOPE
    entry, problems = load_department(Path(folder), scope)
    if problems or entry is None:
        raise SystemExit(f"{folder}: {problems[:1]}")
    return entry.slug, len(entry.reports), department_records(entry, regions.get(entry.department.region))


_SCOPE = None


def prepare(corpus: Path, work: Path) -> list[tuple[str, int]]:
    """Every department's records pickled under work/records/, once: [(slug, reports)] in folder order."""
    listing = work / "departments.json"
    if listing.exists():
        return [tuple(x) for x in json.loads(listing.read_text())]
    global _SCOPE
    import multiprocessing

    from generator.content.load import load_scope
    from generator.content.regions import places

    scope = load_scope(corpus)
    _SCOPE = (scope, places(scope.content.regions))
    (work / "records").mkdir(parents=True, exist_ok=True)
    out = []
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for slug, reports, records in pool.imap(_records_of, [str(f) for f in scope.folders], chunksize=8):
            (work / "records" / f"{slug}.pickle").write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
            out.append((slug, reports))
    listing.write_text(json.dumps(out))
    print(f"records of {sum(r for _, r in out)} reports in {len(out)} departments made in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


class StoredRecords:
    """The records of some departments in URL order, read a department at a time (pipeline._Records)."""

    def __init__(self, folder: Path, slugs: list[str]):
        self.folder = folder
        order = []
        for slug in slugs:
            for n, record in enumerate(self._load(slug)):
                order.append((record.url, slug, n))
        order.sort()
        self.order = order
        self._slug: str | None = None
        self._records: list = []

    def _load(self, slug: str) -> list:
        return pickle.loads((self.folder / f"{slug}.pickle").read_bytes())

    def __len__(self) -> int:
        return len(self.order)

    def sources(self) -> list[tuple[str, str]]:
        return [(slug, "k0") for _, slug, _ in self.order]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        _, slug, n = self.order[i]
        if slug != self._slug:
            self._records = self._load(slug)
            self._slug = slug
        return self._records[n]


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def child(work: Path, slugs: list[str], out: Path, workers: int | None) -> None:
    """One index build in this process: prints a JSON line of what it measured."""
    import gc

    from generator.outputs.searchindex import build_index

    records = StoredRecords(work / "records", slugs)
    gc.collect()
    base = _rss_mb()
    out.mkdir(parents=True, exist_ok=True)
    made: set[str] = set()

    def write(path: str, data: bytes) -> None:
        target = out / path
        folder = str(target.parent)
        if folder not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        target.write_bytes(data)

    before = os.times()
    started = time.perf_counter()
    index = build_index(records, write, workers=workers, sources=records.sources())
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.user - before.user + after.system - before.system
           + after.children_user - before.children_user + after.children_system - before.children_system)
    print(json.dumps({"documents": index.documents, "shards": index.shards, "grams": index.grams,
                      "version": index.version, "wall": wall, "cpu": cpu, "base_mb": base,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "helper_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def measure(work: Path, slugs: list[str], out: Path, workers: int | None) -> dict:
    from build_bench import sample_peak

    args = [sys.executable, __file__, "--child", str(work), str(out), *(["--workers", str(workers)] if workers else [])]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    proc.stdin.write("\n".join(slugs))
    proc.stdin.close()
    stop = sample_peak(proc.pid)
    output = proc.stdout.read()
    proc.wait()
    peak = stop()
    if proc.returncode:
        raise SystemExit(f"index build failed ({proc.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_mb"] = peak
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus-10000")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/index-memory-bench"))
    parser.add_argument("--workers", type=int, default=None, help="index workers (default: the build's)")
    parser.add_argument("--keep", action="store_true", help="keep each size's index files under --work/out-N")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], sys.stdin.read().split(), args.child[1], args.workers)
        return 0
    corpus = args.corpus / "content" if (args.corpus / "content").is_dir() else args.corpus
    work = args.work / corpus.parent.name
    departments = prepare(corpus, work)
    rows = []
    for size in args.sizes:
        slugs, reports = [], 0
        for slug, count in departments:
            if reports >= size:
                break
            slugs.append(slug)
            reports += count
        out = work / f"out-{size}"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        got = measure(work, slugs, out, args.workers)
        if not args.keep:
            subprocess.run(["rm", "-rf", str(out)], check=True)
        got["reports"] = reports
        rows.append(got)
        print(f"{reports:>6} reports, {got['documents']:>6} documents, {got['shards']:>5} shards: "
              f"peak {got['peak_mb']:.0f} MB (PSS; maxrss {got['maxrss_mb']:.0f} MB, helper {got['helper_maxrss_mb']:.0f} MB, "
              f"base {got['base_mb']:.0f} MB), wall {got['wall']:.2f} s, CPU {got['cpu']:.2f} s, "
              f"version {got['version']}", flush=True)
    for a, b in zip(rows, rows[1:]):
        extra = b["reports"] - a["reports"]
        print(f"{a['reports']} -> {b['reports']} reports: "
              f"{(b['peak_mb'] - a['peak_mb']) * 1024 / extra:.1f} KB peak (PSS), "
              f"{(b['maxrss_mb'] - a['maxrss_mb']) * 1024 / extra:.1f} KB maxrss, "
              f"{(b['cpu'] - a['cpu']) * 1000 / extra:.2f} ms CPU per further report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
