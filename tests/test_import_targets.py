"""`build.py import` writes only where the loader would read: a slug-named folder inside --content.

The department must be a slug by the loader's own rule (the names the loader refuses as
folders are refused here too), the year within the range the loader accepts for a year file,
and every file written must lie inside --content with symbolic links followed. A refusal is
one line naming the argument, exit code 1, and nothing written anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build import main as build_main
from generator.content.load import REPORT_YEARS, is_slug
from tests.test_hostile_input import BAD_FOLDER_NAMES

REPORT = "中方县政务服务中心2020年度部门整体支出绩效自评报告\n一、部门基本情况\n本单位年度支出合计848.4万元。\n"


def snapshot(root: Path) -> dict[str, object]:
    """Every entry under root: a file's bytes, a link's target, or a folder."""
    out: dict[str, object] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            rel = str(path.relative_to(root))
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = "dir"
            else:
                out[rel] = path.read_bytes()
    return out


@pytest.fixture(autouse=True)
def report(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def run_import(tmp_path: Path, capsys, department: str, year: str, *extra: str, content: Path | None = None):
    report = tmp_path / "report.txt"
    content = content or tmp_path / "work" / "content"
    code = build_main(["import", str(report), f"--department={department}", f"--year={year}",
                       "--content", str(content), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str, argument: str, fragment: str) -> None:
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert argument in lines[0] and fragment in lines[0], lines[0]
    assert lines[0].isprintable(), lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("name", [*BAD_FOLDER_NAMES, "../../etc", "../x", "a/b", ".", "..", "", "Good Slug",
                                  "/tmp/elsewhere", "zhongfang-zwfwzx/../../../etc", "a\x00b"])
def test_a_department_the_loader_would_refuse_is_refused_and_nothing_written(tmp_path, capsys, name):
    if name.startswith("/"):
        name = str(tmp_path / "elsewhere")  # an absolute path: here, so a write would be seen
    (tmp_path / "work").mkdir()
    before = snapshot(tmp_path)
    code, _, err = run_import(tmp_path, capsys, name, "2020")
    assert_refused(code, err, "--department", "不是有效的部门标识")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["a", "zhongfang-zwfwzx", "a-1-b", "2020", "a" * 64])
def test_a_department_the_loader_accepts_is_imported(tmp_path, capsys, name):
    assert is_slug(name)
    code, out, err = run_import(tmp_path, capsys, name, "2020")
    assert code == 0, err
    assert (tmp_path / "work/content/departments" / name / "2020.yaml").is_file()


@pytest.mark.parametrize("year", ["-5", "0", "99", "1948", str(REPORT_YEARS[0] - 1), str(REPORT_YEARS[-1] + 1),
                                  "99999", "10000000000000000000000"])
def test_a_year_outside_the_loaders_range_is_refused_and_nothing_written(tmp_path, capsys, year):
    (tmp_path / "work").mkdir()
    before = snapshot(tmp_path)
    code, _, err = run_import(tmp_path, capsys, "demo-dept", year)
    assert_refused(code, err, "--year", f"{REPORT_YEARS[0]} 到 {REPORT_YEARS[-1]}")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("year", [REPORT_YEARS[0], 2023, REPORT_YEARS[-1]])
def test_a_year_within_the_range_is_imported(tmp_path, capsys, year):
    code, _, err = run_import(tmp_path, capsys, "demo-dept", str(year))
    assert code == 0, err
    assert f"year: {year}" in (tmp_path / f"work/content/departments/demo-dept/{year}.yaml").read_text("utf-8")


def _link_departments(content: Path, outside: Path) -> None:
    content.mkdir(parents=True)
    (content / "departments").symlink_to(outside, target_is_directory=True)


def _link_folder(content: Path, outside: Path) -> None:
    (content / "departments").mkdir(parents=True)
    (content / "departments/demo-dept").symlink_to(outside, target_is_directory=True)


def _link_file(name: str):
    def make(content: Path, outside: Path) -> None:
        folder = content / "departments/demo-dept"
        folder.mkdir(parents=True)
        (outside / name).write_text("outside\n", encoding="utf-8")
        (folder / name).symlink_to(outside / name)
    return make


def _dangling(name: str):
    def make(content: Path, outside: Path) -> None:
        folder = content / "departments/demo-dept"
        folder.mkdir(parents=True)
        (folder / name).symlink_to(outside / name)  # not there yet: writing would create it outside
    return make


@pytest.mark.parametrize("make", [_link_departments, _link_folder, _link_file("2020.yaml"),
                                  _link_file("2020.source.txt"), _dangling("2020.yaml"),
                                  _dangling("department.yaml")],
                         ids=["departments", "department-folder", "year-file", "source-file", "dangling-year-file",
                              "dangling-department-file"])
def test_symbolic_links_out_of_content_are_refused_and_nothing_written(tmp_path, capsys, make):
    content = tmp_path / "work/content"
    outside = tmp_path / "outside"
    outside.mkdir()
    make(content, outside)
    before = snapshot(tmp_path)
    code, _, err = run_import(tmp_path, capsys, "demo-dept", "2020", "--force", content=content)
    assert_refused(code, err, "--content", "之外")
    assert snapshot(tmp_path) == before


def test_links_that_stay_inside_content_are_followed(tmp_path, capsys):
    real = tmp_path / "real-content"
    (real / "departments/elsewhere").mkdir(parents=True)
    content = tmp_path / "content"
    content.symlink_to(real, target_is_directory=True)  # --content itself may be a link
    (real / "departments/demo-dept").symlink_to(real / "departments/elsewhere", target_is_directory=True)
    code, _, err = run_import(tmp_path, capsys, "demo-dept", "2020", content=content)
    assert code == 0, err
    assert (real / "departments/elsewhere/2020.yaml").is_file()


def test_a_content_folder_that_is_a_file_is_refused(tmp_path, capsys):
    content = tmp_path / "content"
    content.write_text("not a folder\n", encoding="utf-8")
    code, _, err = run_import(tmp_path, capsys, "demo-dept", "2020", content=content)
    assert_refused(code, err, "--content", "不是文件夹")
    assert content.read_text(encoding="utf-8") == "not a folder\n"
