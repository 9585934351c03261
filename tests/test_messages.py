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


def refusal(capsys, *args) -> tuple[int, str]:
    """build.main's exit code and its one line on stderr."""
    code, _, err = run_main(capsys, *args)
    [line] = err.strip().splitlines()
    return code, line


# A refused import (the report, the department, the suffix): (report name under tmp_path, --department,
# the Chinese words, the English words).
IMPORT_REFUSALS = [
    ("missing.txt", "demo-dept", "报告文件 {tmp}/missing.txt 不存在", "the report file {tmp}/missing.txt does not exist"),
    ("r.txt", "Bad Slug", "--department 'Bad Slug' 不是有效的部门标识：只能用小写英文字母、数字和单个连字符",
     "--department 'Bad Slug' is not a valid department slug: use lowercase ASCII letters, digits and single hyphens"),
    ("r.png", "demo-dept", "只能导入 .txt（及 .csv、.md）、.docx、.doc、.rtf、.xlsx、.xls、.odt、.ods、.pdf、.ofd、网页（.html、.mht）报告及其压缩包（.zip），{tmp}/r.png 是 .png 文件：请先另存为其中一种",
     "only .txt (and .csv, .md), .docx, .doc, .rtf, .xlsx, .xls, .odt, .ods, .pdf, .ofd and web page (.html, .mht) reports, and .zip archives of them, can be imported, and {tmp}/r.png is a .png"
     " file: save it as"
     " one of them first"),
]


@pytest.mark.parametrize("name, slug, chinese, english", IMPORT_REFUSALS)
def test_the_importers_refusals_are_chinese_by_default_and_english_when_asked(tmp_path, capsys, monkeypatch, name,
                                                                               slug, chinese, english):
    """One line saying why the importer will not draft: Chinese by default, English with --lang en or
    SITE_LANG=en (--lang zh wins over SITE_LANG); paths and arguments as given."""
    chinese, english = chinese.format(tmp=tmp_path), english.format(tmp=tmp_path)
    (tmp_path / "r.txt").write_text("部门整体支出绩效自评报告\n", encoding="utf-8")
    (tmp_path / "r.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    args = ["import", str(tmp_path / name), "--department", slug, "--year", "2020", "--content", str(tmp_path / "c")]
    code, line = refusal(capsys, *args)
    assert code == 1 and line.startswith(chinese), line
    code, line = refusal(capsys, *args, "--lang", "en")
    assert code == 1 and line.startswith(english), line
    assert not any("\u4e00" <= c <= "\u9fff" for c in line), line
    monkeypatch.setenv("SITE_LANG", "en")
    code, line = refusal(capsys, *args)
    assert code == 1 and line.startswith(english), line
    code, line = refusal(capsys, *args, "--lang", "zh")
    assert code == 1 and line.startswith(chinese), line
    assert not (tmp_path / "c").exists()


def test_the_lines_around_a_draft_follow_the_language(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("部门决算\n一、收入支出决算总表\n收入合计 100.00 万元\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "import", str(report), "--department", "demo-dept", "--year", "2020",
                            "--content", str(tmp_path / "content"))
    assert code == 0 and "已写入" in out and "待审核" in out
    code, out, _ = run_main(capsys, "import", str(report), "--department", "demo-dept", "--year", "2020",
                            "--content", str(tmp_path / "content"), "--force", "--lang", "en")
    assert code == 0 and "wrote" in out and "left under `unplaced:` for review" in out


def test_a_refused_output_folder_follows_the_language(tmp_path, capsys, monkeypatch):
    """build.py's refusal of --out (and the line after it) in the language asked for; nothing built."""
    out = tmp_path / "documents"
    out.mkdir()
    (out / "keep.txt").write_text("keep", encoding="utf-8")
    args = ["build", "--content", str(ROOT / "content"), "--out", str(out), "--cache", str(tmp_path / "cache")]
    code, _, err = run_main(capsys, *args)
    assert code == 2
    assert err.splitlines() == [
        f"输出文件夹 --out {out} 已存在且不是本程序生成的（缺少标记文件 .disclosure-site），构建会删除其中的文件，"
        "拒绝写入——请指定一个新的或空的文件夹；若确是本程序旧版本生成的，删除后重新构建 ",
        "未构建，没有改动任何文件"]
    english = [
        f"the output folder --out {out} exists and was not made by this program (it has no marker file"
        " .disclosure-site), and a build would delete the files in it; refusing to write there: name a new or"
        " empty folder, or, if an older version of this program made it, delete it and build again",
        "nothing was built; no file was changed"]
    code, _, err = run_main(capsys, *args, "--lang", "en")
    assert code == 2 and err.splitlines() == english
    monkeypatch.setenv("SITE_LANG", "en")
    code, _, err = run_main(capsys, *args)
    assert code == 2 and err.splitlines() == english
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"] and not (tmp_path / "cache").exists()


def test_a_refused_executor_follows_the_language(capsys):
    args = ["build", "--executor", "ray://10.0.0.5:10001"]
    code, line = refusal(capsys, *args)
    assert code == 2 and line == "--executor 须为 local 或 dask://主机:端口（如 dask://10.0.0.5:8786），不是 'ray://10.0.0.5:10001'"
    code, line = refusal(capsys, *args, "--lang", "en")
    assert code == 2 and line == ("--executor must be local or dask://HOST:PORT (e.g. dask://10.0.0.5:8786), not"
                                  " 'ray://10.0.0.5:10001'")


def test_a_refusal_keeps_its_message_and_is_worded_when_shown(tmp_path):
    """An ImportRefused, TargetError or ExecutorError carries a message of the catalogue, like a
    problem: worded in the current language when printed, in another on request, and the same
    after a trip through pickle."""
    from generator.engine.executor import ExecutorError, named
    from generator.engine.targets import TargetError, check_output
    from generator.importer import ImportRefused
    from generator.importer.read import read_path

    raised = []
    for make, kind in ((lambda: read_path(tmp_path / "none.txt"), ImportRefused),
                       (lambda: check_output(Path("/etc"), None), TargetError),
                       (lambda: named("ray://x"), ExecutorError)):
        with pytest.raises(kind) as caught:
            make()
        raised.append(caught.value)
    for err in raised:
        assert isinstance(err.message, messages.Said) and err.message.id in CATALOGUE
        zh, en = err.text("zh"), err.text("en")
        assert zh != en and any("\u4e00" <= c <= "\u9fff" for c in zh)
        assert str(err) == zh
        messages.set_language("en")
        assert str(err) == en == str(pickle.loads(pickle.dumps(err)))
        messages.set_language(None)
    assert isinstance(raised[0], ValueError)  # ImportRefused stays a ValueError for its callers


def test_refusals_are_raised_with_messages_of_the_catalogue():
    """No ImportRefused, TargetError or ExecutorError is raised with text of its own: every one is
    `say(…)`, so that --lang reaches it."""
    classes = {"ImportRefused", "TargetError", "ExecutorError"}
    own = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and getattr(node.exc.func, "id", None) in classes:
                [arg] = node.exc.args
                if not (isinstance(arg, (ast.Call, ast.IfExp)) and "say(" in ast.unparse(arg)):
                    own.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)}")
    assert own == []
