"""Departments built on a Dask cluster give the site the local build gives, byte for byte.

A two-worker cluster on 127.0.0.1 (`distributed.LocalCluster`, one thread per worker) whose
workers are spawned processes, not forked from the tests: they have nothing of the build but
the `Job`'s paths, so each one makes the scope itself and looks up the tree's files on disk.
Built with it: the seed content and a 40-report synthetic corpus, each compared file by file
with the local build; a rebuild through the cluster with the store of an earlier one after a
year file changed, compared with a fresh local build of the changed content; a department
that raises on a worker, which fails the build and leaves the old site as it was; and
`build.py --executor` with a bad address or a scheduler nobody answers, refused in one line.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.department import build as department
from generator.engine import executor
from generator.engine.pipeline import build
from tests.searchread import assert_same_site_search
from tests.seeds import CONTENT, ROOT
from tests.test_cli_errors import assert_clean, run_here

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """A two-worker cluster on this machine only: the scheduler address as `build.py --executor` takes it."""
    import dask

    assert dask.config.get("distributed.worker.multiprocessing-method") == "spawn"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_port=0, dashboard_address=None, silence_logs=logging.ERROR) as made:
        with distributed.Client(made, set_as_default=False) as client:
            yield made.scheduler_address.replace("tcp://", "dask://"), client


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path, its bytes."""
    root = site.resolve()
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def assert_same(a: Path, b: Path) -> None:
    left, right = files(a), files(b)
    assert sorted(left) == sorted(right)
    differ = [path for path in left if left[path] != right[path]]
    assert not differ, differ[:10]


def assert_same_outside_search(a: Path, b: Path) -> None:
    """The same files but for the search index, which a cached rebuild extends with a delta
    segment that finds the same documents (tests/test_search_update.py)."""
    left, right = ({k: v for k, v in files(root).items() if not k.startswith("search/")} for root in (a, b))
    assert sorted(left) == sorted(right)
    assert [path for path in left if left[path] != right[path]] == []


def scopes(client) -> dict[str, int]:
    """How many builds' scopes each worker holds, made there (a forked worker would have the tests')."""
    return client.run(lambda: len(department._made))


def test_the_seed_content_on_two_spawned_workers_is_the_local_build(tmp_path, cluster):
    address, client = cluster
    build(CONTENT, tmp_path / "local" / "site")
    assert department._made  # this process made the local build's scope...
    client.run(lambda: department._made.clear())
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    assert not any(scopes(client).values())  # ...and spawned workers start without it
    proc = run_here("build", "--content", str(CONTENT), "--out", str(tmp_path / "dask" / "site"),
                    "--cache", str(tmp_path / "cache"), "--executor", address)
    assert "已构建" in assert_clean(proc, 0)
    assert any(scopes(client).values())  # made by the workers themselves from the Job's paths
    assert_same(tmp_path / "local" / "site", tmp_path / "dask" / "site")


def synth(tmp_path: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synth.py"), "40", str(tmp_path / "corpus")],
                   check=True, capture_output=True)
    return tmp_path / "corpus" / "content"


def test_a_synthetic_corpus_and_a_cached_rebuild_through_dask_are_the_local_builds(tmp_path, cluster):
    address, client = cluster
    content = synth(tmp_path)
    local, remote, cache = tmp_path / "local" / "site", tmp_path / "dask" / "site", tmp_path / "cache"
    build(content, local)
    made = build(content, remote, cache_dir=cache, executor=executor.Dask(address))
    assert made.departments == len(list((content / "departments").iterdir())) > 5
    ran = client.run(lambda: sorted(department._made))  # both workers built departments
    assert all(ran.values())
    assert_same(local, remote)

    # One year file changed: the rebuild through the cluster keeps every other department's
    # pages (its workers find them on disk, as the store says they were written) and makes
    # the site the local build makes from nothing.
    changed = sorted((content / "departments").iterdir())[3]
    year = sorted(changed.glob("*.yaml"))[-2]
    lines = year.read_text(encoding="utf-8").splitlines(keepends=True)
    body = next(n for n, line in enumerate(lines) if line.strip() == "body: |") + 1  # a narrative's first line
    lines[body] = lines[body].rstrip("\n") + "（本年修订）\n"
    year.write_text("".join(lines), encoding="utf-8")
    again = build(content, remote, cache_dir=cache, executor=executor.Dask(address))
    assert again.reused == again.departments - 1
    assert 0 < again.files - again.unchanged < again.files // 4
    fresh = tmp_path / "fresh" / "site"
    build(content, fresh)
    # The same files but for the search index, which the rebuild extends with a delta segment
    # that finds the same documents (tests/test_search_update.py).
    assert_same_outside_search(fresh, remote)
    assert_same_site_search(remote, fresh)
    assert files(fresh) != files(local)


def _fail(name: str) -> None:
    """On a worker: building department `name` raises, as a bug in the generator would."""
    real = getattr(department.build_department, "real", department.build_department)

    def broken(folder, *args, **kwargs):
        if folder.name == name:
            raise RuntimeError(f"injected failure in {folder.name}")
        return real(folder, *args, **kwargs)

    broken.real = real
    department.build_department = broken


def _mend() -> None:
    department.build_department = getattr(department.build_department, "real", department.build_department)


def test_a_department_that_raises_on_a_worker_fails_the_build_and_keeps_the_old_site(tmp_path, cluster):
    address, client = cluster
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build(content, site, cache_dir=tmp_path / "cache", executor=executor.Dask(address))
    before, shown = files(site), os.readlink(site)
    names = sorted(p.name for p in (content / "departments").iterdir())
    for name in (names[0], names[-1]):  # both go to the workers (unchanged folders are kept without them)
        (content / "departments" / name / "department.yaml").open("a", encoding="utf-8").write("\n# edited\n")
    client.run(_fail, names[-1])
    try:
        with pytest.raises(RuntimeError, match=f"injected failure in {names[-1]}"):
            build(content, site, cache_dir=tmp_path / "cache", executor=executor.Dask(address))
        proc = run_here("build", "--content", str(content), "--out", str(site), "--cache", str(tmp_path / "cache"),
                        "--executor", address)
        assert_clean(proc, 2, "injected failure", lines=2)
    finally:
        client.run(_mend)
    assert os.readlink(site) == shown
    assert files(site) == before
    # The cluster is fine afterwards, and the next build mends the tree the failed one left.
    build(content, site, cache_dir=tmp_path / "cache", executor=executor.Dask(address))
    fresh = tmp_path / "fresh"
    build(content, fresh)
    assert_same_outside_search(fresh, site)
    assert_same_site_search(site, fresh)


def _other_code(other: bool) -> None:
    """On a worker: pretend to run another generator (or stop pretending)."""
    from generator.engine import cache

    real = getattr(cache.code_version, "real", cache.code_version)
    if other:
        cache.code_version = lambda: "another version"
        cache.code_version.real = real
    else:
        cache.code_version = real


def test_workers_with_other_code_are_refused_before_anything_is_touched(tmp_path, cluster):
    address, client = cluster
    site = tmp_path / "site"
    build(CONTENT, site)
    before, shown = files(site), os.readlink(site)
    client.run(_other_code, True)
    try:
        proc = run_here("build", "--content", str(CONTENT), "--out", str(site), "--executor", address)
    finally:
        client.run(_other_code, False)
    assert_clean(proc, 2, "代码或库版本不同", lines=1)
    assert os.readlink(site) == shown
    assert files(site) == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("address, fragment", [
    ("dask://", "dask://主机:端口"),
    ("dask://127.0.0.1", "dask://主机:端口"),
    ("dask://127.0.0.1:99999", "dask://主机:端口"),
    ("dask://host name:8786", "dask://主机:端口"),
    ("tcp://127.0.0.1:8786", "local 或 dask://"),
    ("ray://127.0.0.1:10001", "local 或 dask://"),
    ("unreachable", "无法连接 Dask 调度器"),
])
def test_a_bad_or_unreachable_scheduler_is_refused_in_one_line(tmp_path, monkeypatch, address, fragment):
    site = tmp_path / "site"
    build(CONTENT, site)
    before, shown = files(site), os.readlink(site)
    monkeypatch.setattr(executor, "CONNECT_TIMEOUT", 1.0)
    if address == "unreachable":
        address = f"dask://127.0.0.1:{_free_port()}"
    proc = run_here("build", "--content", str(CONTENT), "--out", str(site), "--executor", address)
    assert_clean(proc, 2, fragment, lines=1)
    assert os.readlink(site) == shown
    assert files(site) == before


def test_a_worker_that_does_not_see_the_builds_folders_says_so(tmp_path):
    job = department.Job(str(tmp_path / "elsewhere" / "content"), str(tmp_path), str(tmp_path / "store"), True, True,
                         "test")
    with pytest.raises(FileNotFoundError, match="same paths"):
        department.run(job, (0, "any"))
