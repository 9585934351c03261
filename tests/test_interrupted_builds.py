"""A build killed at any moment leaves site/ as the complete previous build or the complete new one."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.seeds import CONTENT, ROOT
from tests.sitepages import leftovers

pytestmark = pytest.mark.slow

#: Named checkpoints in generator/engine/pipeline.py and generator/engine/write.py, in build order.
#: Departments are built in folder order; the edited one (zhongfang-zwfwzx) is the last, number 4.
KILL_POINTS = ["start", "tree-marked", "tree-synced", "department-0", "department-2", "department-4",
               "department-4-written", "departments", "data", "data-written", "pages", "index", "index-half",
               "index-written", "before-swap", "swap-exchanged", "after-swap"]
RANDOM_KILLS = 6


def tree_hash(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content: Path, out: Path, env: dict[str, str] | None = None, cached: bool = False
          ) -> subprocess.CompletedProcess:
    """build.py as a person runs it; `cached` keeps a build cache beside the site (as
    .cache/build is kept beside site/), otherwise every build starts without one."""
    cache = ["--cache", str(out.parent / "cache")] if cached else ["--no-cache"]
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out),
                           *cache], env={**os.environ, **(env or {})}, capture_output=True, text=True)


def edited(tmp: Path) -> tuple[Path, Path]:
    """Two versions of the content: as it is, and with one report's title and a figure changed."""
    old = tmp / "old" / "content"
    new = tmp / "new" / "content"
    shutil.copytree(CONTENT, old)
    shutil.copytree(CONTENT, new)
    year = new / "departments/zhongfang-zwfwzx/2020.yaml"
    text = year.read_text(encoding="utf-8").replace("部门整体支出绩效自评报告", "部门整体支出绩效自评报告（更正）", 1)
    year.write_text(text, encoding="utf-8")
    return old, new


class States(tuple):
    """(tmp, old, new, a, b): the two contents and the trees of their builds without a cache;
    `cached`, the tree of the new content's build with the old one's cache."""

    cached: dict[str, str]


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("interrupted")
    old, new = edited(tmp)
    assert build(old, tmp / "ref-old" / "site").returncode == 0
    assert build(new, tmp / "ref-new" / "site").returncode == 0
    a, b = tree_hash(tmp / "ref-old" / "site"), tree_hash(tmp / "ref-new" / "site")
    assert a != b
    # A cached rebuild adds a delta segment to the search index (tests/test_search_update.py):
    # the same site but for the index's files.
    cached = fresh_site(tmp, old, "ref-cached", cached=True)
    assert build(new, cached, cached=True).returncode == 0
    made = States((tmp, old, new, a, b))
    made.cached = tree_hash(cached)
    assert {k: v for k, v in made.cached.items() if not k.startswith("search/")} == \
        {k: v for k, v in b.items() if not k.startswith("search/")}
    return made


def fresh_site(tmp: Path, old: Path, name: str, cached: bool = False) -> Path:
    site = tmp / name / "site"
    assert build(old, site, cached=cached).returncode == 0
    return site


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_build_killed_at_a_checkpoint_leaves_a_whole_site(states, point):
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, f"kill-{point}")
    run = build(new, site, {"SITE_BUILD_KILL_AT": point})
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert tree_hash(site) in (a, b)
    # The next build clears what the killed one left and publishes the new site.
    assert build(new, site).returncode == 0
    assert tree_hash(site) == b
    assert leftovers(site.parent) == ["site"]


@pytest.mark.parametrize("point", ["department-4-written", "departments", "data", "data-written", "pages",
                                   "index-half", "before-swap", "after-swap"])
def test_a_killed_build_with_a_cache_leaves_a_whole_site_and_a_usable_cache(states, point):
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, f"cached-{point}", cached=True)
    b = states.cached
    run = build(new, site, {"SITE_BUILD_KILL_AT": point}, cached=True)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert tree_hash(site) in (a, b)
    done = build(new, site, cached=True)
    assert done.returncode == 0 and "个未改动，沿用其页面" in done.stdout
    assert tree_hash(site) == b
    assert leftovers(site.parent) == ["cache", "site"]


@pytest.mark.parametrize("point", ["department-3", "department-4-written"])
def test_a_kill_in_a_worker_process_leaves_a_whole_site(states, point):
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, f"worker-{point}")
    run = build(new, site, {"SITE_BUILD_KILL_AT": point, "SITE_BUILD_PARALLEL_FROM": "1"})
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert tree_hash(site) in (a, b)
    assert build(new, site, {"SITE_BUILD_PARALLEL_FROM": "1"}).returncode == 0
    assert tree_hash(site) == b


def test_a_first_build_killed_while_mirroring_its_tree_leaves_it_whole(states):
    """A first build publishes its tree, then links the other tree to it for the next build: a
    kill there leaves the new site whole, and the next build remakes the other tree."""
    tmp, old, new, a, b = states
    site = tmp / "mirror" / "site"
    run = build(new, site, {"SITE_BUILD_KILL_AT": "mirrored"})
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert tree_hash(site) == b
    assert build(old, site).returncode == 0
    assert tree_hash(site) == a
    assert build(new, site).returncode == 0
    assert tree_hash(site) == b
    assert leftovers(site.parent) == ["site"]


@pytest.mark.parametrize("seed", range(RANDOM_KILLS))
def test_a_build_killed_at_a_random_moment_leaves_a_whole_site(states, seed):
    tmp, old, new, a, b = states
    cached = seed % 2 == 1  # half of them with a build cache
    if cached:
        b = states.cached
    site = fresh_site(tmp, old, f"random-{seed}", cached)
    delay = random.Random(seed).uniform(0.05, 1.2)
    cache = ["--cache", str(site.parent / "cache")] if cached else ["--no-cache"]
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(new), "--out", str(site),
                             *cache], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert tree_hash(site) in (a, b)
    assert build(new, site, cached=cached).returncode == 0
    assert tree_hash(site) == b


def legacy_site(tmp: Path, old: Path, name: str) -> Path:
    """A site folder as builds of earlier versions left it: a real folder, not a link."""
    built = fresh_site(tmp, old, f"{name}-built")
    site = tmp / name / "site"
    site.parent.mkdir(parents=True)
    shutil.copytree(built, site)  # follows the link: the files of the shown tree
    assert not site.is_symlink()
    return site


@pytest.mark.parametrize("exchange", [True, False])
def test_a_site_folder_of_an_earlier_version_becomes_the_link_whole(states, exchange):
    tmp, old, new, a, b = states
    site = legacy_site(tmp, old, f"legacy-{exchange}")
    env = {} if exchange else {"SITE_BUILD_NO_EXCHANGE": "1"}
    assert build(new, site, env).returncode == 0
    assert site.is_symlink() and tree_hash(site) == b
    assert leftovers(site.parent) == ["site"]


def test_without_atomic_exchange_the_next_build_restores_an_interrupted_swap(states):
    tmp, old, new, a, b = states
    site = legacy_site(tmp, old, "no-exchange")
    run = build(new, site, {"SITE_BUILD_KILL_AT": "swap-between-renames", "SITE_BUILD_NO_EXCHANGE": "1"})
    assert run.returncode == -signal.SIGKILL
    # Between the two renames site/ is briefly absent; the previous build waits beside it.
    assert not site.exists()
    from generator.engine.write import recover

    recover(site)
    assert tree_hash(site) == a
    assert build(new, site, {"SITE_BUILD_NO_EXCHANGE": "1"}).returncode == 0
    assert tree_hash(site) == b


def test_builds_in_turn_keep_both_trees_right(states):
    """Each build brings the hidden tree up to date from the shown one's changes: build after
    build, in both directions and with nothing changed, the site is what a fresh build makes."""
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, "in-turn")
    for content, expected in ((new, b), (old, a), (old, a), (new, b), (old, a)):
        assert build(content, site).returncode == 0
        assert tree_hash(site) == expected
    assert leftovers(site.parent) == ["site"]


def test_a_rebuild_writes_only_what_changed_and_shares_the_rest(states):
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, "shared")
    assert build(new, site).returncode == 0  # both trees exist from here on
    assert build(old, site).returncode == 0
    shown = site.resolve()
    before = {p: (shown / p).stat().st_ino for p in a}
    assert build(new, site).returncode == 0
    hidden = site.resolve()
    assert hidden != shown
    after = {p: (hidden / p).stat().st_ino for p in b}
    changed = sorted(p for p in b if p not in a or a[p] != b[p])
    kept = [p for p in b if p in before and before[p] == after[p]]
    assert changed and len(changed) < len(b) / 4
    assert sorted(set(b) - set(kept)) == changed  # every unchanged file is the shown tree's own


def test_rendering_on_two_processes_gives_the_same_site(states, tmp_path):
    _, _, new, _, b = states
    assert build(new, tmp_path / "site", {"SITE_BUILD_PARALLEL_FROM": "1"}).returncode == 0
    assert tree_hash(tmp_path / "site") == b


def test_two_clean_builds_in_different_folders_and_hash_seeds_are_identical(tmp_path):
    outs = []
    for n, seed in enumerate(("1", "4242")):
        work = tmp_path / f"work{n}"
        shutil.copytree(CONTENT, work / "content")
        out = work / "public" / "site"
        run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", "content", "--out", str(out)],
                             cwd=work, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outs.append(tree_hash(out))
    assert outs[0] == outs[1]
    assert any(path.startswith("search/s/") for path in outs[0])  # the search index included


def test_every_written_path_stays_inside_the_site(tmp_path):
    """The writer refuses a path that could leave the site or name a folder: absolute paths,
    `.` and `..` parts, empty parts, backslashes, NUL; it writes the others where they say."""
    from generator.engine.write import Output, OutputError, safe_join

    for bad in ["", "/etc/passwd", "../x", "a/../../x", "a/..", "./a", "a/./b", "a//b", "a/", "a\\b", "a\x00b", ".",
                ".."]:
        with pytest.raises(OutputError):
            safe_join(tmp_path, bad)
        with pytest.raises(OutputError):
            Output(tmp_path / "site").write(bad, b"x")
    assert safe_join(tmp_path, "a/.b/c..d/...") == tmp_path / "a" / ".b" / "c..d" / "..."
    out = Output(tmp_path / "site")
    out.write("departments/x/2020/index.html", b"<p>1</p>")
    out.write("departments/x/2021/index.html", b"<p>2</p>")
    assert (tmp_path / "site/departments/x/2020/index.html").read_bytes() == b"<p>1</p>"
    assert sorted(out.changed) == ["departments/x/2020/index.html", "departments/x/2021/index.html"]
    with pytest.raises(OutputError):
        out.write("departments/x/2020/index.html", b"again")  # one output per path
    # A stray file where a new path goes (left by hand or by a killed build) is written over.
    (tmp_path / "site/stray.txt").write_bytes(b"old")
    out.write("stray.txt", b"new")
    assert (tmp_path / "site/stray.txt").read_bytes() == b"new"
    st = (tmp_path / "site/stray.txt").stat()
    assert out.stamps["stray.txt"] == (st.st_ino, st.st_size, st.st_mtime_ns)


def marked(marker: str) -> list[int]:
    """The processes whose environment holds `marker` (a build's, and what it forked)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() + b"=" in (proc / "environ").read_bytes():
                    found.append(int(proc.name))
            except OSError:  # gone meanwhile, or not ours
                continue
    return found


def running(pid: int) -> bool:
    """Whether process `pid` exists and has not ended (a zombie has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def eventually(predicate, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads processes from /proc")
def test_a_killed_build_leaves_no_process_behind_and_the_next_removes_its_temporary_files(states, tmp_path):
    """A worker kills the build mid-way: the other worker dies with it, and the folder of its
    temporary files (its store, the search index's pairs, the SQLite database being made) is
    left under TMPDIR until the next build, which removes it."""
    tmp, old, new, a, b = states
    site = fresh_site(tmp, old, "orphans")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    marker = f"SITE_BUILD_TEST_{os.getpid()}"
    env = {"TMPDIR": str(scratch), "SITE_BUILD_PARALLEL_FROM": "1", marker: "1"}
    run = build(new, site, {**env, "SITE_BUILD_KILL_AT": "department-2"})
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert eventually(lambda: not marked(marker)), marked(marker)
    assert tree_hash(site) in (a, b)
    left = [p.name for p in scratch.iterdir()]
    assert len(left) == 1 and left[0].startswith("disclosure-build-"), left
    assert build(new, site, env).returncode == 0
    assert list(scratch.iterdir()) == []
    assert tree_hash(site) == b
    assert leftovers(site.parent) == ["site"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="splits work over two processes only on two cores")
def test_the_second_process_of_split_work_dies_with_the_build(tmp_path):
    """The search index's extraction and encoding fork a second process (fork_map): killed
    with the build, not left running on its share."""
    script = ("import os, sys, time\n"
              f"sys.path.insert(0, {str(ROOT)!r})\n"
              "from generator.engine import parallel\n"
              "parallel.fork_map(list(range(4)), lambda i: time.sleep(60), min_items=2)\n")
    proc = subprocess.Popen([sys.executable, "-c", script])

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == proc.pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
        return found

    try:
        assert eventually(lambda: bool(children()))
        second = children()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    gone = eventually(lambda: not any(running(pid) for pid in second), 5)
    for pid in second:  # clean up after a failure
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    assert gone


def test_a_running_build_s_temporary_folder_is_not_swept(tmp_path, monkeypatch):
    """Only the folders of builds that are gone are removed: a running build holds a lock on its own."""
    import tempfile

    from generator.engine import scratch

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    space = scratch.open_scratch()
    try:
        assert space is not None and space.folder.parent == tmp_path
        (space.folder / "pairs-0").write_bytes(b"x")
        swept = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "from pathlib import Path; from generator.engine.scratch import sweep; "
                                "print(sweep(Path(sys.argv[2])))", str(ROOT), str(tmp_path)],
                               capture_output=True, text=True, check=True)
        assert swept.stdout.strip() == "[]" and (space.folder / "pairs-0").exists()
        assert tempfile.gettempdir() == str(space.folder)
    finally:
        space.close()
    assert tempfile.gettempdir() == str(tmp_path) and list(tmp_path.iterdir()) == []
