#!/usr/bin/env python3
"""Time remaking one year's site-wide data files (`data.year_data`): its CSVs and its workbook.

    .venv/bin/python benchmarks/year_data_bench.py CONTENT_DIR [--runs 3] [--year Y]

Loads and checks the content once, builds the tables in memory (`data.build_tables`), then
writes the year with the most reports (or `--year`) into a fresh folder `--runs` times through
generator/engine/write.py's `Output`, as a build does, one process. Prints each run, the median and
the files' sizes. (In a build the parts are read from its store; see the rebuild timings in
benchmarks/results.md.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.outputs import data  # noqa: E402
from generator.checks import check_content  # noqa: E402
from generator.content.load import load_content  # noqa: E402
from generator.engine.write import Output  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int)
    args = parser.parse_args()
    start = time.perf_counter()
    content = load_content(args.content)
    tables = data.build_tables(content, check_content(content))
    year = args.year or max((y for y in tables if y is not None), key=lambda y: tables[y].rows("reports"))
    print(f"loaded, checked and tabled in {time.perf_counter() - start:.1f} s; year {year}: "
          f"{tables[year].rows('reports')} reports, {tables[year].rows('figures')} figure rows")
    runs = []
    for n in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            downloads = data.year_data(year, tables[year], 0, Output(Path(folder)))
            runs.append(time.perf_counter() - start)
            print(f"run {n + 1}: {runs[-1]:.2f} s")
    print(f"median {statistics.median(runs):.2f} s")
    for d in downloads:
        print(f"  {d.path}: {d.size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
