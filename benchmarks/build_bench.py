"""Build benchmarks at province scale: a synthetic corpus built whole, and rebuilt after one change.

    .venv/bin/python benchmarks/build_bench.py [--sizes 1000 10000] [--out benchmarks/out-build/results.md]
        [--repeat R] [--peer] [--variants search nosearch oneworker] [--corrections K]

For each size N it makes the corpus with benchmarks/synth.py (cached under
benchmarks/corpus-N/), then runs `build.py` as a person does, each in a fresh process:

- a full cold build with search and one without (no previous site, an empty build cache);
- with the first one's site and cache: a rebuild with nothing changed, and one after changing
  one year file, counting the files whose bytes changed.

It reports wall time, CPU time, peak memory (proportional set size of the build process and
its children, summed, sampled from /proc whenever their resident size reaches a new high), pages per second, output size and the
build's own per-stage times, and writes them with a description of the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    peak_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    files: int = 0
    size_mb: float = 0.0
    changed: int | None = None
    status: int = 0


def _tree(pid: int) -> list[int]:
    """A process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _memory_mb(pids: list[int], field: str) -> float:
    """`field` of /proc/<pid>/status (VmRSS) or /proc/<pid>/smaps_rollup (Pss), summed, in MB."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/{'smaps_rollup' if field == 'Pss:' else 'status'}") as f:
                for line in f:
                    if line.startswith(field):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total / 1024


def sample_peak(pid: int):
    """Sample the memory of process `pid` and its descendants together until the function
    returned is called, which gives the peak in MB.

    Proportional set size counts the pages a forked helper shares with the build once (RSS
    counts them in each), but reading it walks the page tables and holds the process's memory
    lock: it is read once a second, RSS every 50 ms. The peak is the PSS at the moment of the
    highest RSS."""
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        high, n = 0.0, 0
        while not done.is_set():
            pids = _tree(pid)
            rss = _memory_mb(pids, "VmRSS:")
            if rss > high or n % 20 == 0:
                high = max(high, rss)
                peak = max(peak, min(_memory_mb(pids, "Pss:"), high))
            n += 1
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()

    def stop() -> float:
        done.set()
        sampler.join()
        return peak

    return stop


def measure(label: str, args: list[str], env: dict[str, str] | None = None) -> Run:
    """build.py run as a person runs it, with its wall and CPU time and the peak memory of it
    and its workers together."""
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "SITE_LANG": "en", **(env or {})})
    stop = sample_peak(proc.pid)
    output = proc.communicate()[0]
    peak = stop()
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    run = Run(label, wall, cpu, peak, status=proc.returncode)
    match = re.search(r"built (\d+) pages, (\d+) files, ([\d.]+) MB into .* \((.*)\)", output)
    if match:
        run.pages, run.files, run.size_mb = int(match.group(1)), int(match.group(2)), float(match.group(3))
        run.stages = {name: float(sec) for name, sec in re.findall(r"(\w[\w-]*) ([\d.]+)s", match.group(4))}
    else:
        print(output[-2000:], file=sys.stderr)
    return run


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def corpus(n: int) -> Path:
    folder = HERE / f"corpus-{n}"
    if not (folder / "content").is_dir():
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), str(folder)], check=True)
    return folder / "content"


PEER = ROOT.parent / "shared" / "peers" / "run_peer.sh"


def peer(content: Path, work: Path) -> dict[str, Run]:
    """Hugo + Pagefind on the same corpus (../shared/peers/run_peer.sh): each step's wall, CPU, peak."""
    done = subprocess.run(["bash", str(PEER), str(content),
                           str(work / "peer")], capture_output=True, text=True)
    runs = {}
    for name, wall, user, system, peak in re.findall(
            r"(hugo|pagefind): wall ([\d.]+) s, cpu ([\d.]+)\+([\d.]+) s, peak (\d+) KB", done.stderr + done.stdout):
        runs[name] = Run(name, float(wall), float(user) + float(system), int(peak) / 1024, status=done.returncode)
    if len(runs) != 2:
        print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
    return runs


def median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


COLD = {"search": ("full build, search included (cold)", [], {}),
        "nosearch": ("full build without search (cold)", ["--no-search"], {}),
        "oneworker": ("full build without search (cold), one worker", ["--no-search"], {"SITE_BUILD_WORKERS": "1"})}


def bench(n: int, work: Path, repeat: int = 1, with_peer: bool = False,
          variants: tuple[str, ...] = ("search", "nosearch", "oneworker"), corrections: int = 0) -> list[Run]:
    """In turn, `repeat` times: a cold build with search, one without (no previous site, an
    empty build cache), and with the peer's build on the same corpus; then, with the first
    one's site and cache, a rebuild with nothing changed and one after a correction, the
    correction undone, and `corrections` more of both. Medians."""
    content = corpus(n)
    rounds: dict[str, list[Run]] = {}
    for _ in range(repeat):
        for variant in ["search", *(v for v in variants if v != "search")]:
            label, extra, env = COLD[variant]
            folder = work / f"site-{n}-{len(rounds.get(label, []))}-{variant}"
            shutil.rmtree(folder, ignore_errors=True)
            run = measure(label, ["--content", str(content), "--out", str(folder / "site"),
                                  "--cache", str(folder / "cache"), *extra], env)
            rounds.setdefault(label, []).append(run)
            if label.startswith("full build, search"):
                cold_folder = folder
        if with_peer:
            for name, run in peer(content, work).items():
                rounds.setdefault(f"peer: {name}", []).append(run)
        args = ["--content", str(content), "--out", str(cold_folder / "site"), "--cache", str(cold_folder / "cache")]
        rounds.setdefault("rebuild, nothing changed", []).append(measure("rebuild, nothing changed", args))
        before = hashes(cold_folder / "site")
        year_file = sorted(content.glob("departments/*/[0-9][0-9][0-9][0-9].yaml"))[-1]
        original = year_file.read_bytes()
        try:
            text = original.decode("utf-8")
            year_file.write_text(text.replace("title: ", "title: （更正）", 1), encoding="utf-8")
            rebuild = measure("rebuild after changing one year file", args)
        finally:
            year_file.write_bytes(original)
        after = hashes(cold_folder / "site")
        changed = sorted(k for k in after if before.get(k) != after[k]) + sorted(k for k in before if k not in after)
        rebuild.changed = len(changed)
        print(f"N={n}: one year file changed ({year_file.relative_to(content)}): {len(changed)} files written: "
              + ", ".join(changed), file=sys.stderr)
        rounds.setdefault("rebuild after changing one year file", []).append(rebuild)
        # the corrected file put back, for the next round: a build after one changed file too
        series = [rebuild, measure("restore", args)]
        corrected = original.decode("utf-8").replace("title: ", "title: （更正）", 1)
        for _ in range(corrections):  # more corrections, each put back: a series to take the median of
            try:
                year_file.write_text(corrected, encoding="utf-8")
                series.append(measure("correction", args))
            finally:
                year_file.write_bytes(original)
            series.append(measure("restore", args))
        rounds.setdefault("one year file changed, every correction and its undoing", []).extend(series)
    runs = []
    for label, got in rounds.items():
        best = Run(label, median([r.wall for r in got]), median([r.cpu for r in got]), median([r.peak_mb for r in got]),
                   got[0].stages, got[0].pages, got[0].files, got[0].size_mb, got[0].changed, max(r.status for r in got))
        best.label = f"{label} (median of {len(got)})" if len(got) > 1 else label
        runs.append(best)
        print(f"N={n}: {label}: walls {[round(r.wall, 1) for r in got]}, cpus {[round(r.cpu, 1) for r in got]}, "
              f"peaks {[round(r.peak_mb) for r in got]}", file=sys.stderr)
    return runs


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores ({cpu}), {mem / 1024 / 1024:.0f} GiB memory, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def table(results: dict[int, list[Run]]) -> str:
    lines = ["| N | run | wall s | CPU s | peak MB | pages | pages/s | output MB | files changed | stages (s) |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n, runs in results.items():
        for r in runs:
            rate = f"{r.pages / r.wall:.0f}" if r.pages else ""
            stages = ", ".join(f"{k} {v:.1f}" for k, v in r.stages.items())
            changed = "" if r.changed is None else str(r.changed)
            lines.append(f"| {n:,} | {r.label} | {r.wall:.1f} | {r.cpu:.1f} | {r.peak_mb:.0f} | {r.pages:,} | {rate} | "
                         f"{r.size_mb:.0f} | {changed} | {stages} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=HERE / "out-build" / "results.md",
                        help="the table, for benchmarks/results.md (which holds the analysis too)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/build-bench"))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build, in turn; medians are reported")
    parser.add_argument("--peer", action="store_true", help="run Hugo + Pagefind (../shared/peers) in turn with the builds")
    parser.add_argument("--variants", nargs="*", default=list(COLD), choices=list(COLD),
                        help="cold builds to run besides the one with search")
    parser.add_argument("--corrections", type=int, default=0,
                        help="after each round's correction and its undoing, this many more of both (for a median)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = {n: bench(n, args.work, args.repeat, args.peer, tuple(args.variants), args.corrections)
               for n in args.sizes}
    text = table(results)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# Build benchmark\n\nMachine: {machine()}.\n\n{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
