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
    assert "内容中有 4 个问题" in run.stderr


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
    assert problem["message"] == "金额 -728.4 是负数"
    assert problem["code"] == "figure.negative_amount"  # the message's id, the same in every language


def _check(content, *args, env=None):
    import os

    return subprocess.run([sys.executable, str(ROOT_DIR / "build.py"), "check", *args, "--content", str(content)],
                          capture_output=True, text=True, cwd=content.parent,
                          env={k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None})


#: every-problem-at-once, as `check` words it in English (`--lang en`); the Chinese is its expected.txt.
EVERY_PROBLEM_IN_ENGLISH = [
    "content/departments/demo-dept/2020.yaml:7:3: staffing.authorized: '-1' is negative — a count cannot be below zero",
    "content/departments/demo-dept/2020.yaml:11:7: expenditure[0].total.actual: '12万元' carries a unit — write the"
    " number alone; the unit comes from the file's `unit:` or the figure's own `unit:`",
    "content/departments/demo-dept/2020.yaml:12:7: expenditure[0].total.share: '5' has no % sign — write it as 5% if it"
    " is a percentage",
    "content/departments/demo-dept/department.yaml:3:1: founded: expected text, got a list — write the text on the same"
    " line, quoted if it contains `: `",
    "4 problem(s) in content; nothing was built.",
]


def test_check_speaks_chinese_by_default_and_english_with_lang_en(tmp_path):
    content = materialise("every-problem-at-once", tmp_path)
    chinese = (CASES / "every-problem-at-once" / "expected.txt").read_text(encoding="utf-8").splitlines()
    default = _check(content, env={"SITE_LANG": None})
    assert default.returncode == 1
    assert default.stderr.splitlines() == chinese + ["内容中有 4 个问题，未构建任何内容。"]
    english = _check(content, "--lang", "en", env={"SITE_LANG": None})
    assert english.returncode == 1
    assert english.stderr.splitlines() == EVERY_PROBLEM_IN_ENGLISH
    # The same problems, in the same order, at the same places: only the words differ.
    assert [line.split(": ")[0] for line in default.stderr.splitlines()[:4]] == \
        [line.split(": ")[0] for line in english.stderr.splitlines()[:4]]


def test_site_lang_sets_the_default_language_and_lang_overrides_it(tmp_path):
    content = materialise("every-problem-at-once", tmp_path)
    assert _check(content, env={"SITE_LANG": "en"}).stderr.splitlines() == EVERY_PROBLEM_IN_ENGLISH
    assert _check(content, env={"SITE_LANG": "en_US.UTF-8"}).stderr.splitlines() == EVERY_PROBLEM_IN_ENGLISH
    assert "内容中有 4 个问题" in _check(content, "--lang", "zh", env={"SITE_LANG": "en"}).stderr
    refused = _check(content, env={"SITE_LANG": "fr"})
    assert refused.returncode == 2
    assert refused.stderr.strip() == "环境变量 SITE_LANG=fr 不是可用的语言：须为 zh 或 en"


def test_check_json_words_messages_in_the_language_asked(tmp_path):
    import json

    content = materialise("unknown-key", tmp_path)
    [zh] = json.loads(_check(content, "--json", env={"SITE_LANG": None}).stdout)["problems"]
    [en] = json.loads(_check(content, "--json", "--lang", "en", env={"SITE_LANG": None}).stdout)["problems"]
    assert (zh["message"], zh["hint"]) == ("未知字段 'budget_inital'", "是否应为 `budget_initial`？")
    assert (en["message"], en["hint"]) == ("unknown field 'budget_inital'", "did you mean `budget_initial`?")
    assert zh["code"] == en["code"] == "pydantic.extra_forbidden"
    assert {k: v for k, v in zh.items() if k not in ("message", "hint")} == \
        {k: v for k, v in en.items() if k not in ("message", "hint")}
