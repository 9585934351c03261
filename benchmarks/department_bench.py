"""CPU per report of the department function alone (generator/department/build.py build_department),
in this process, with nothing kept from one run to the next: every department of a corpus
built from nothing into a fresh tree and a fresh store, `--repeat` times. Prints the median
CPU time per report and, with `--profile`, where it goes (py-spy is not needed: cProfile
over one more run, whose own overhead inflates call-heavy code).

    .venv/bin/python benchmarks/department_bench.py CONTENT_DIR [--repeat 5] [--no-search] [--profile]

`benchmarks/synth.py 200 DIR` makes a corpus of about 200 reports.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_once(content: Path, search: bool) -> tuple[float, int]:
    from generator import department
    from generator.engine.cache import Cache
    from generator.department import Job
    from generator.engine.pipeline import build_scope
    from generator.engine.write import Output

    work = Path(tempfile.mkdtemp(prefix="dept-bench-"))
    try:
        store = Cache(work / "store")
        job = Job(str(content), str(work / "tree"), str(store.folder), search, False, "bench")
        site = build_scope(content, job, store)
        existing: set[str] = set()
        folders = sorted(p for p in (content / "departments").iterdir() if p.is_dir())
        gc.collect()
        started = time.process_time()
        reports = 0
        for n, folder in enumerate(folders):
            outcome = department.build_department(folder, site, Output(work / "tree", existing, shared=True), store, n)
            if outcome.problems:
                raise SystemExit(f"{folder.name}: {outcome.problems[0]}")
            reports += len(outcome.memo.summary.heads)
        return time.process_time() - started, reports
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    content = args.content.resolve()
    if (content / "content").is_dir():
        content = content / "content"
    run_once(content, not args.no_search)  # imports, compiled templates, first-use costs
    times = []
    reports = 0
    for _ in range(args.repeat):
        spent, reports = run_once(content, not args.no_search)
        times.append(spent)
    per = [t / reports * 1000 for t in times]
    print(f"{reports} reports: {statistics.median(per):.2f} ms CPU per report (median of {args.repeat}: "
          + ", ".join(f"{p:.2f}" for p in per) + ")")
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        run_once(content, not args.no_search)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
