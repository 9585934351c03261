"""How long a clerk waits: `build.py serve` over a corpus, a year file saved, the change on the page.

    .venv/bin/python benchmarks/serve_bench.py [--size 10000] [--edits 3]

Starts the server as a person does (its first build with the build cache in the work folder),
then saves a correction to one year file at a time and asks the server for that report's page
every 50 ms until it shows the correction (the page's own reload request is answered when the
rebuild ends, so the browser's reload follows at once). Prints each wait and the median. The corpus comes from benchmarks/synth.py, as in
build_bench.py.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from build_bench import corpus, median  # noqa: E402


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/serve-bench"))
    parser.add_argument("--out", type=Path, help="the site (default WORK/site); one built before makes the start quick")
    parser.add_argument("--cache", type=Path, help="its build cache (default WORK/cache)")
    args = parser.parse_args()
    content = corpus(args.size)
    args.work.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", "0", "--content", str(content),
                               "--out", str(args.out or args.work / "site"), "--cache", str(args.cache or args.work / "cache")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "SITE_LANG": "en"})  # the lines read below are the English ones
    waits = []
    files = sorted(content.glob("departments/*/[0-9][0-9][0-9][0-9].yaml"))
    try:
        started = time.perf_counter()
        base = None
        for line in server.stdout:
            print(line, end="", file=sys.stderr)
            found = re.search(r"at (http://[\d.]+:\d+/)", line)
            if found:
                base = found.group(1)
                break
        assert base, "the server did not start"
        print(f"first build and start: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for n in range(args.edits):
            year_file = files[(n * 7919) % len(files)]
            slug, year = year_file.parent.name, year_file.stem
            url = f"{base}departments/{slug}/{year}/"
            original = year_file.read_bytes()
            marker = f"（更正{n}）"
            try:
                year_file.write_text(original.decode("utf-8").replace("title: ", f"title: {marker}", 1), encoding="utf-8")
                saved = time.perf_counter()
                while marker not in page(url):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit(f"the correction to {year_file} did not show within 120 s")
                    time.sleep(0.05)
                waits.append(time.perf_counter() - saved)
                print(f"{year_file.relative_to(content)}: shown after {waits[-1]:.2f} s", file=sys.stderr)
            finally:
                year_file.write_bytes(original)
                time.sleep(0.2)
                deadline = time.perf_counter() + 120
                while marker in page(url) and time.perf_counter() < deadline:
                    time.sleep(0.05)
    finally:
        server.terminate()
        server.wait()
    print(f"N={args.size}: a saved correction shown after {', '.join(f'{w:.2f}' for w in waits)} s "
          f"(median {median(waits):.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
