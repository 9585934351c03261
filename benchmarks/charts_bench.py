"""Time to build the chart specs (figure JSON) of N reports, as the build does.

    .venv/bin/python benchmarks/charts_bench.py [N] [--content DIR]

By default the five seed reports are cycled to N = 10,000; pass --content to use a corpus
(for instance one made by benchmarks/synth.py). Prints seconds in all and per report.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.site import charts  # noqa: E402
from generator.content.load import load_content  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    reports = [rf.report for rf in load_content(args.content).reports()]
    batch = [reports[i % len(reports)] for i in range(args.n)]
    started = time.perf_counter()
    cpu = time.process_time()
    specs = 0
    size = 0
    for report in batch:
        for chart in charts.report_charts(report, "万元"):
            specs += 1
            size += len(json.dumps(chart.figure, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"{args.n:,} reports ({len(reports)} distinct), {specs:,} chart specs, {size / 1e6:.1f} MB of JSON")
    print(f"wall {wall:.2f} s, cpu {cpu:.2f} s, {wall / args.n * 1000:.3f} ms per report (specs and JSON encoding)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
