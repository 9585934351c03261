"""The message catalogue (generator/content/messages.py): every message in Chinese and English,
Chinese by default, English with `--lang en` (or SITE_LANG=en); problems worded when shown."""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from generator.content import messages
from generator.content.load import parse_report
from generator.content.messages import CATALOGUE, render, say
from generator.content.problems import ContentError
from tests.helpers import HEAD

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def default_language(monkeypatch):
    monkeypatch.delenv("SITE_LANG", raising=False)
    yield
    messages.set_language(None)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_and_formats_with_its_parameters():
    for message_id, (zh, en) in CATALOGUE.items():
        assert zh.strip() and en.strip(), message_id
        params = {name: 1 for name in fields(zh) | fields(en)}
        for lang in messages.LANGUAGES:
            assert render(message_id, lang, params), message_id
        words = "".join(literal for literal, _, _, _ in string.Formatter().parse(zh) if literal.strip("（）；，：%() "))
        if words and message_id != "argparse.%(prog)s: error: %(message)s\n":
            # The Chinese is Chinese (a CJK character in it), not the English left in place.
            assert any("\u4e00" <= c <= "\u9fff" for c in zh), (message_id, zh)


def test_every_message_the_code_names_is_in_the_catalogue():
    named = set()
    for path in [ROOT / "build.py", *sorted((ROOT / "generator").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("say", "t") and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                named.add((path.name, node.args[0].value))
    assert len(named) > 150
    assert [(file, message_id) for file, message_id in sorted(named) if message_id not in CATALOGUE] == []


def problems_of(text: str) -> list:
    with pytest.raises(ContentError) as raised:
        parse_report(text, "content/departments/demo-dept/2020.yaml")
    return raised.value.problems


def test_pydantic_errors_come_out_in_chinese_and_in_english_when_asked():
    text = HEAD + "staffing:\n  authorised: 3\norganization:\n  type: [a, b]\nexpenditure:\n  - total:\n      actual: 1\n"
    problems = problems_of(text)
    chinese = [str(p) for p in problems]
    assert chinese == [
        "content/departments/demo-dept/2020.yaml:7:3: staffing.authorised: 未知字段 'authorised' — 是否应为 `authorized`？",
        "content/departments/demo-dept/2020.yaml:9:3: organization.type: 应为文本，实际是列表"
        " — 把文本写在同一行；含有 `: ` 时加引号",
        "content/departments/demo-dept/2020.yaml:11:5: expenditure[0].total.name: 缺少必填字段 — 添加 `name:`",
    ]
    messages.set_language("en")
    assert [str(p) for p in problems] == [
        "content/departments/demo-dept/2020.yaml:7:3: staffing.authorised: unknown field 'authorised'"
        " — did you mean `authorized`?",
        "content/departments/demo-dept/2020.yaml:9:3: organization.type: expected text, got a list"
        " — write the text on the same line, quoted if it contains `: `",
        "content/departments/demo-dept/2020.yaml:11:5: expenditure[0].total.name: required field is missing"
        " — add `name:`",
    ]
    # Asked for explicitly, whatever the current language.
    assert [p.text("zh") for p in problems] == chinese


@pytest.mark.parametrize("body, chinese", [
    ("unit: 千元\n", "unit: 此处不允许 '千元' — 可选值：'元'、'万元'"),
    ("year: 1800\n", "year: 1800 超出范围 — 须大于或等于 1990"),
    ("documents:\n  - kind: 部门决算\n    title: 测试\n    original_url: ftp://x.gov.cn/a.pdf\n",
     "documents[0].original_url: 'ftp://x.gov.cn/a.pdf' 被拒绝：其协议为 ftp:，只发布 http:// 和 https:// 地址"),
])
def test_the_models_own_rules_are_in_chinese(body, chinese):
    head = {"unit: 千元\n": HEAD.replace("unit: 万元\n", body), "year: 1800\n": HEAD.replace("year: 2020\n", body)}
    text = head.get(body) or HEAD.replace("documents:\n  - kind: 部门决算\n    title: 测试\n", body)
    [problem] = problems_of(text)
    assert chinese in str(problem), str(problem)


def test_a_problem_is_worded_when_shown_not_when_found():
    """A problem found in a worker process, or kept in the build's store, is the same value in
    any language: its message is an id and parameters."""
    [problem] = problems_of(HEAD + "staffing:\n  authorized: -1\n")
    assert problem.code == "number.negative"
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem
    assert again.text("zh").endswith("staffing.authorized: '-1' 是负数 — 数量不能小于零")
    assert again.text("en").endswith("staffing.authorized: '-1' is negative — a count cannot be below zero")


def test_problems_sort_the_same_in_every_language():
    problems = problems_of(HEAD + "staffing:\n  authorized: -1\n  x: 1\n  y: 2\n")
    messages.set_language("zh")
    in_chinese = ContentError(list(reversed(problems))).problems
    messages.set_language("en")
    assert ContentError(list(reversed(problems))).problems == in_chinese


def test_what_a_file_wrote_is_escaped_in_every_language():
    [problem] = problems_of(HEAD + "staffing:\n  authorized: \"1\\t2\"\n")
    for lang in messages.LANGUAGES:
        assert problem.text(lang).isprintable(), problem.text(lang)


def test_site_lang_is_read_as_a_language():
    assert messages.language_of("en_US.UTF-8") == "en"
    assert messages.language_of("zh-CN") == "zh"
    assert messages.language_of("english") is None
    assert messages.language_of("") is None


def test_a_message_the_catalogue_lacks_is_a_bug_said_at_once():
    with pytest.raises(KeyError):
        say("no.such.message")


# --- the command line --------------------------------------------------------------------------------------------


def run_main(capsys, *args):
    import build

    try:
        code = build.main(list(args))
    except SystemExit as exit:
        code = exit.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_help_is_in_chinese_by_default_and_in_english_with_lang_en(capsys):
    code, out, _ = run_main(capsys, "check", "--help")
    assert code == 0
    assert "用法：" in out and "校验全部内容" in out and "消息的语言" in out and "显示本帮助并退出" in out
    code, out, _ = run_main(capsys, "check", "--help", "--lang", "en")
    assert code == 0
    assert "usage:" in out and "validate all content" in out and "show this help message and exit" in out


def test_usage_errors_follow_the_language(capsys):
    code, _, err = run_main(capsys, "import", "r.txt", "--department", "demo-dept")
    assert code == 2 and "build.py import：错误：缺少必需的参数：--year" in err
    code, _, err = run_main(capsys, "import", "r.txt", "--department", "demo-dept", "--lang", "en")
    assert code == 2 and "build.py import: error: the following arguments are required: --year" in err


def test_the_importers_refusals_stay_chinese(tmp_path, capsys):
    """The importer says why it refuses in Chinese (its readers are the clerks who import), in
    one line; the lines around a draft follow --lang."""
    code, _, err = run_main(capsys, "import", str(tmp_path / "missing.txt"), "--department", "demo-dept",
                            "--year", "2020", "--content", str(tmp_path / "content"))
    assert code == 1
    [line] = err.strip().splitlines()
    assert any("\u4e00" <= c <= "\u9fff" for c in line), line
    code, _, err = run_main(capsys, "import", str(tmp_path / "r.txt"), "--department", "Bad Slug",
                            "--year", "2020", "--content", str(tmp_path / "content"))
    assert code == 1 and "不是有效的部门标识" in err
    report = tmp_path / "r.txt"
    report.write_text("部门决算\n一、收入支出决算总表\n收入合计 100.00 万元\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "import", str(report), "--department", "demo-dept", "--year", "2020",
                            "--content", str(tmp_path / "content"))
    assert code == 0 and "已写入" in out and "待审核" in out
    code, out, _ = run_main(capsys, "import", str(report), "--department", "demo-dept", "--year", "2020",
                            "--content", str(tmp_path / "content"), "--force", "--lang", "en")
    assert code == 0 and "wrote" in out and "left under `unplaced:` for review" in out
