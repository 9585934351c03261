"""Each case in tests/invalid/ is refused with exactly the problems in its expected.txt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.invalid_cases import CASES, ROOT_DIR, case_names, materialise, problems_for


@pytest.mark.parametrize("case", case_names())
def test_invalid_case_gives_its_expected_problems(case, tmp_path):
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case} has no expected problems recorded"
    assert problems_for(case, tmp_path) == expected


def test_there_are_at_least_twenty_invalid_cases():
    assert len(case_names()) >= 20


def test_every_problem_names_file_line_and_column(tmp_path):
    for case in case_names():
        for line in problems_for(case, tmp_path / case):
            path, row, column, _ = line.split(":", 3)
            assert path.startswith("content/"), line
            assert int(row) >= 1 and int(column) >= 1, line


def test_check_command_prints_problems_and_exits_non_zero_without_traceback(tmp_path):
    content = materialise("every-problem-at-once", tmp_path)
    run = subprocess.run([sys.executable, str(ROOT_DIR / "build.py"), "check", "--content", str(content)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    expected = (CASES / "every-problem-at-once" / "expected.txt").read_text(encoding="utf-8").splitlines()
    for line in expected:
        assert line in run.stderr
    assert "4 problem(s) in content" in run.stderr


def test_check_json_lists_problems_for_machines(tmp_path):
    import json

    content = materialise("negative-amount", tmp_path)
    run = subprocess.run([sys.executable, str(ROOT_DIR / "build.py"), "check", "--json", "--content", str(content)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["ok"] is False
    [problem] = report["problems"]
    assert problem["line"] == 9
    assert problem["field"] == "expenditure[0].total.actual"
    assert "negative" in problem["message"]
