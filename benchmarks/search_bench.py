"""What search adds to a build: wall time of `build.py` with and without the index, and its size.

    .venv/bin/python benchmarks/search_bench.py [--content DIR] [--runs N]

Each build is a fresh `python build.py` process into an empty folder, as a person runs it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(content: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out), *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        times: dict[str, list[float]] = {"no search": [], "search": []}
        for _ in range(args.runs):
            times["no search"].append(run(args.content, out, "--no-search"))
            shutil.rmtree(out)
            times["search"].append(run(args.content, out))
            shutil.rmtree(out)
        run(args.content, out)
        files, total = size(out / "search")
    base = statistics.median(times["no search"])
    for name, values in times.items():
        median = statistics.median(values)
        extra = "" if name == "no search" else f"  (+{(median / base - 1) * 100:.0f}%)"
        print(f"{name:10} median {median:.3f} s over {len(values)} runs{extra}")
    print(f"search index: {files} files, {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
