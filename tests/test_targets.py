"""A build replaces its output and prunes its cache, so it refuses any folder it did not make.

Every case runs `build.py` as a person would, in a scratch copy of the project, and checks
that the folder named is byte for byte what it was. System folders are judged by the
function alone: a regression there must not be able to touch the machine.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engine import targets
from generator.engine.targets import TargetError, check_cache, check_output
from tests.seeds import CONTENT, ROOT

SLUG = "suining-xzspfwj"


def snapshot(path: Path) -> dict[str, str]:
    """Every file and folder below `path` (or the file itself) with its bytes' digest."""
    if path.is_file():
        return {".": hashlib.sha256(path.read_bytes()).hexdigest()}
    out = {}
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path).as_posix()
        out[rel] = hashlib.sha256(item.read_bytes()).hexdigest() if item.is_file() else "dir"
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the project: code, templates, the vendored plotly.js and the default content."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("generator", "templates", "vendor", "content"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "build.py", copy / "build.py")
    return copy


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "build.py"), *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}, timeout=300)


def refused(project: Path, target: Path, *args: str, command: str = "build", env=None) -> str:
    before = snapshot(target)
    done = run(project, command, "--content", str(project / "content"), *args, env=env)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert snapshot(target) == before
    assert not list(target.parent.glob(".site-staging-*"))
    return done.stderr


def test_output_naming_the_content_folder_is_refused_and_the_yaml_kept(project):
    message = refused(project, project / "content", "--out", str(project / "content"))
    assert "内容文件夹" in message


def test_output_naming_the_project_folder_is_refused(project):
    message = refused(project, project, "--out", str(project), "--no-cache")
    assert "本项目文件夹" in message


def test_output_naming_a_department_folder_is_refused(project):
    folder = project / "content" / "departments" / SLUG
    message = refused(project, folder, "--out", str(folder))
    assert "内容文件夹" in message


def test_output_inside_the_content_folder_is_refused_even_when_new(project):
    message = refused(project, project / "content", "--out", str(project / "content" / "site"))
    assert "内容文件夹" in message
    assert not (project / "content" / "site").exists()


def test_output_naming_an_existing_file_is_refused_and_the_file_kept(project, tmp_path):
    victim = tmp_path / "passwd"
    victim.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    message = refused(project, victim, "--out", str(victim))
    assert "是已有的文件" in message
    assert victim.read_text(encoding="utf-8").startswith("root:x:0:0")


def test_output_naming_a_folder_the_build_did_not_make_is_refused(project, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "年度报告.docx").write_bytes(b"PK\x03\x04 not really")
    message = refused(project, folder, "--out", str(folder))
    assert targets.SITE_MARKER in message


def test_output_that_is_a_link_is_refused(project, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "keep.txt").write_text("keep", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real)
    message = refused(project, real, "--out", str(link))
    assert "符号链接" in message


def test_output_naming_the_home_folder_is_refused(project, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("export A=1\n", encoding="utf-8")
    message = refused(project, home, "--out", str(home), "--no-cache", env={"HOME": str(home)})
    assert "主目录" in message


def test_serve_refuses_the_same_targets_before_building(project):
    message = refused(project, project / "content", "--out", str(project / "content"), command="serve")
    assert "内容文件夹" in message


@pytest.mark.parametrize("path", ["/", "/etc", "/usr", "/var", "/home", "/root", "/tmp", "/etc/nginx",
                                  "/usr/lib/python3", "/proc/self", "/boot/grub"])
def test_system_folders_are_never_a_target(path):
    with pytest.raises(TargetError, match="系统文件夹"):
        check_output(Path(path), None)
    with pytest.raises(TargetError, match="系统文件夹"):
        check_cache(Path(path), None, None)


def test_a_build_marks_its_output_and_rebuilds_into_it(project, tmp_path):
    out = tmp_path / "site"
    first = run(project, "build", "--content", str(project / "content"), "--out", str(out), "--no-search",
                "--cache", str(tmp_path / "cache"))
    assert first.returncode == 0, first.stderr
    assert (out / targets.SITE_MARKER).read_bytes() == targets.SITE_MARKER_TEXT
    assert (tmp_path / "cache" / targets.CACHE_MARKER).is_file()
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) & 0o077 == 0
    second = run(project, "build", "--content", str(project / "content"), "--out", str(out), "--no-search",
                 "--cache", str(tmp_path / "cache"))
    assert second.returncode == 0, second.stderr
    assert (out / "index.html").is_file()


def test_an_empty_existing_folder_is_taken(project, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    done = run(project, "build", "--content", str(project / "content"), "--out", str(out), "--no-search",
               "--no-cache")
    assert done.returncode == 0, done.stderr
    assert (out / targets.SITE_MARKER).is_file()


def test_cache_naming_the_content_folder_is_refused(project, tmp_path):
    message = refused(project, project / "content", "--out", str(tmp_path / "site"), "--cache",
                      str(project / "content"))
    assert "缓存文件夹" in message and "内容文件夹" in message
    assert not (tmp_path / "site").exists()


def test_cache_naming_a_folder_the_build_did_not_make_is_refused(project, tmp_path):
    folder = tmp_path / "mine"
    (folder / "department").mkdir(parents=True)
    (folder / "department" / "notes.pickle").write_bytes(b"mine")
    message = refused(project, folder, "--out", str(tmp_path / "site"), "--cache", str(folder))
    assert targets.CACHE_MARKER in message


def test_cache_inside_the_output_is_refused(project, tmp_path):
    out = tmp_path / "site"
    message = refused(project, project / "content", "--out", str(out), "--cache", str(out / "cache"))
    assert "重叠" in message


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_cache_writable_by_others_is_refused(project, tmp_path, mode):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(mode)
    message = refused(project, cache, "--out", str(tmp_path / "site"), "--cache", str(cache))
    assert "chmod go-w" in message
    assert not (tmp_path / "site").exists()


def test_cache_below_a_folder_others_can_write_is_refused(project, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # not sticky: anyone may rename the cache away and put their own
    message = refused(project, project / "content", "--out", str(tmp_path / "site"), "--cache",
                      str(shared / "cache"))
    assert "chmod go-w" in message and str(shared) in message


def test_cache_below_a_sticky_shared_folder_is_taken(project, tmp_path):
    shared = tmp_path / "sticky"
    shared.mkdir()
    shared.chmod(0o1777)
    done = run(project, "build", "--content", str(project / "content"), "--out", str(tmp_path / "site"),
               "--no-search", "--cache", str(shared / "cache"))
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_cache_owned_by_another_user_is_refused(project, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / targets.CACHE_MARKER).write_bytes(targets.CACHE_MARKER_TEXT)
    os.chown(cache, 65534, 65534)
    message = refused(project, cache, "--out", str(tmp_path / "site"), "--cache", str(cache))
    assert "不属于当前用户" in message
