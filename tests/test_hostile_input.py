"""Hostile content cannot crash or hang the loader.

Every case here is either refused with a clear `path:line:column:` problem or accepted as
content/README.md ("Reading rules") documents, within a few seconds and bounded memory,
and never with a Python traceback: YAML bombs and oddities, numbers, file and folder
names, symbolic links, property-based year files, and `build.py check` end to end.

The problems' words are matched in English (`--lang en`, SITE_LANG=en for `build.py check`):
what is refused, and where, is what these tests are about; the catalogue gives every
message in Chinese too (tests/test_messages.py, tests/invalid/ and the CLI tests check those).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import messages, yamlsafe
from generator.content.load import MAX_PROBLEMS, load_content, parse_report
from generator.content.problems import ContentError, Problem
from tests.helpers import HEAD
from tests.invalid_cases import MINIMAL, ROOT_DIR

#: Every single case, however hostile, is answered within this much CPU time. The worst files
#: take about 2 s alone and three times that on a loaded machine; a quadratic blow-up over
#: their millions of values would take hours, so a generous bound still catches one.
SECONDS = 20.0


# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def in_english():
    messages.set_language("en")
    yield
    messages.set_language(None)


def assert_clear(problem: Problem, path: str | None = None) -> None:
    """A problem a person can act on: a file, a line and column from 1, a printable message."""
    assert problem.path, problem
    if path is not None:
        assert problem.path == path, problem
    assert problem.line >= 1 and problem.column >= 1, problem
    assert str(problem.message).strip(), problem
    text = str(problem)
    assert text.startswith(f"{problem.path}:{problem.line}:{problem.column}: "), text
    assert text.isprintable(), text  # no control characters, escapes or surrogates reach a terminal
    assert len(text) < 1000, text[:200]
    assert "Traceback" not in text


def outcome(text: str | bytes, path: str = "x.yaml"):
    """Parse one year file's text: the report, or the problems; anything else fails, as does slowness."""
    started = time.process_time()
    try:
        report, problems = parse_report(text, path), []
    except ContentError as err:
        report, problems = None, err.problems
    elapsed = time.process_time() - started
    assert elapsed < SECONDS, f"took {elapsed:.1f}s"
    for problem in problems:
        assert_clear(problem, path)
    return report, problems


def refused(text: str | bytes, *fragments: str, line: int | None = None, column: int | None = None) -> Problem:
    """The first problem with `text`, which must mention every fragment (and sit at line:column if given)."""
    report, problems = outcome(text)
    assert report is None and problems, "accepted, but must be refused"
    first = problems[0]
    for fragment in fragments:
        assert fragment in str(first), f"{fragment!r} not in {first}"
    if line is not None:
        assert first.line == line, str(first)
    if column is not None:
        assert first.column == column, str(first)
    return first


def accepted(text: str | bytes):
    report, problems = outcome(text)
    assert not problems, "\n".join(map(str, problems))
    return report


def tree(tmp_path: Path) -> Path:
    """A copy of the minimal valid content, as tests/invalid_cases.materialise makes it."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    return content


def dept(content: Path) -> Path:
    return content / "departments" / "demo-dept"


def load_outcome(content: Path) -> list[Problem]:
    """Load a content tree: [] when it loads, else its problems (each clear); nothing else may happen."""
    started = time.process_time()
    try:
        load_content(content)
        problems: list[Problem] = []
    except ContentError as err:
        problems = err.problems
    assert time.process_time() - started < SECONDS
    for problem in problems:
        assert_clear(problem)
        assert problem.path.startswith("content"), problem
    return problems


def load_refused(content: Path, where: str, *fragments: str) -> Problem:
    problems = load_outcome(content)
    assert problems, "accepted, but must be refused"
    matching = [p for p in problems if p.path == where and all(f in str(p.message) for f in fragments)]
    assert matching, f"no problem at {where} saying {fragments}: " + "; ".join(map(str, problems))
    return matching[0]


MEMORY_LIMIT = 768 * 1024 * 1024  # address space for a `build.py check` run; real content needs < 200 MB


def check(content: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`build.py check` in a subprocess, with its address space capped and a time limit."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    run = subprocess.run([sys.executable, str(ROOT_DIR / "build.py"), "check", *args, "--content", str(content)],
                         capture_output=True, cwd=content.parent, timeout=timeout, preexec_fn=limit,
                         env={**os.environ, "SITE_LANG": "en"})
    stderr = run.stderr.decode("utf-8")  # strict: the output is UTF-8, whatever the file names
    stdout = run.stdout.decode("utf-8")
    assert "Traceback" not in stderr + stdout, stderr
    assert "MemoryError" not in stderr + stdout, stderr
    return subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr)


def total(value: str, field: str = "actual") -> str:
    """A year file whose expenditure total states `field: value` (block style, at line 9, column 7)."""
    return HEAD + f"expenditure:\n  - total:\n      name: 合计\n      {field}: {value}\n"


# --- hostile YAML -------------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
MERGE_BOMB = "a: &a {x: 1, y: 2}\n" + "".join(
    f"m{i}: &m{i} {{<<: [{', '.join(['*a'] + [f'*m{j}' for j in range(i)])}]}}\n" for i in range(12))

# (id, text or bytes, line, column, fragments of the first problem)
REFUSED_YAML = [
    ("billion-laughs", BILLION_LAUGHS, 1, 4, ["anchor &a is not allowed"]),
    ("merge-key-bomb", MERGE_BOMB, 1, 4, ["anchor &a is not allowed"]),
    ("alias-without-anchor", HEAD + "organization: *x\n", 6, 15, ["alias *x is not allowed"]),
    ("merge-key-flow", HEAD + "staffing: {<<: {authorized: 1}}\n", 6, 12, ["merge key << is not allowed"]),
    ("merge-key-block", HEAD + "<<:\n  organization: {type: x}\n", 6, 1, ["merge key << is not allowed"]),
    ("duplicate-key", HEAD + "year: 2021\n", 6, 1, ["duplicate key 'year' (first at line 1)"]),
    ("duplicate-key-quoted", HEAD + "'unit': 元\n", 6, 1, ["duplicate key 'unit' (first at line 2)"]),
    ("duplicate-key-flow", HEAD + "staffing: {authorized: 1, authorized: 2}\n", 6, 27, ["duplicate key 'authorized'"]),
    ("duplicate-key-nested", HEAD + "organization:\n  type: a\n  type: b\n", 8, 3, ["duplicate key 'type'"]),
    ("python-apply-tag", HEAD + "organization:\n  type: !!python/object/apply:os.system ['echo pwned']\n", 7, 9,
     ["tag !!python/object/apply:os.system is not allowed"]),
    ("python-name-tag", HEAD + "organization:\n  type: !!python/name:os.system\n", 7, 9,
     ["tag !!python/name:os.system"]),
    ("custom-tag", HEAD + "organization:\n  type: !foo bar\n", 7, 9, ["tag !foo is not allowed"]),
    ("str-tag", HEAD + "organization:\n  type: !!str 1\n", 7, 9, ["tag !!str is not allowed"]),
    ("verbatim-tag", HEAD + "organization:\n  type: !<tag:yaml.org,2002:str> x\n", 7, 9, ["tag !!str"]),
    ("bare-tag", HEAD + "organization:\n  type: ! x\n", 7, 9, ["tag ! is not allowed"]),
    ("tag-on-mapping", HEAD + "organization: !foo\n  type: x\n", 6, 15, ["tag !foo is not allowed"]),
    ("tag-on-key", HEAD + "!!str year2: 1\n", 6, 1, ["tag !!str is not allowed"]),
    ("tag-directive", "%TAG !e! tag:example.com,2000:\n---\n" + HEAD + "organization: !e!x {type: x}\n", 8, 15,
     ["tag tag:example.com,2000:x is not allowed"]),
    ("tab-indentation", HEAD + "staffing:\n\tauthorized: 1\n", 7, 1, ["tab character", "indent with spaces"]),
    ("control-character", HEAD + "organization:\n  type: a\x07b\n", 7, 10, ["control character U+0007"]),
    ("nul-character", HEAD + "organization:\n  type: a\x00b\n", 7, 10, ["control character U+0000"]),
    ("delete-character", HEAD + "organization:\n  type: a\x7fb\n", 7, 10, ["control character U+007F"]),
    ("c1-character", HEAD + "organization:\n  type: a\x9bb\n", 7, 10, ["control character U+009B"]),
    ("noncharacter", HEAD + "organization:\n  type: a\ufffeb\n", 7, 10, ["control character U+FFFE"]),
    ("escaped-nul", HEAD + 'organization:\n  type: "a\\0b"\n', 7, 9,
     ["control character U+0000 is not allowed in text"]),
    ("escaped-bell", HEAD + 'organization:\n  type: "a\\x07b"\n', 7, 9, ["control character U+0007"]),
    ("escaped-escape", HEAD + 'organization:\n  type: "\\e[2Jx"\n', 7, 9, ["control character U+001B"]),
    ("escaped-c1", HEAD + 'organization:\n  type: "a\\x9bb"\n', 7, 9, ["control character U+009B"]),
    ("escaped-nel", HEAD + 'organization:\n  type: "a\\Nb"\n', 7, 9, ["control character U+0085"]),
    ("escaped-line-separator", HEAD + 'organization:\n  type: "a\\Lb"\n', 7, 9, ["control character U+2028"]),
    ("escaped-in-key", HEAD + '"a\\x07": 1\n', 6, 1, ["control character U+0007"]),
    ("line-separator", HEAD + "organization:\n  type: a\u2028b\n", 7, 10, ["line separator U+2028"]),
    ("paragraph-separator", HEAD + "organization:\n  type: a\u2029b\n", 7, 10, ["line separator U+2029"]),
    ("next-line", HEAD + "# a\x85b\norganization:\n  type: x\n", 6, 4, ["line separator U+0085"]),
    ("encoded-surrogate", (HEAD + "organization:\n  type: a").encode() + b"\xed\xa0\x80\n", 7, 10,
     ["byte 0xed is not valid UTF-8"]),
    ("escaped-surrogate", HEAD + 'organization:\n  type: "a\\ud800b"\n', 7, 13,
     ["invalid Unicode character escape", "no surrogate halves"]),
    ("escaped-surrogate-pair", HEAD + 'organization:\n  type: "\\ud83d\\ude00"\n', 7, 12, ["escape"]),
    ("escaped-surrogate-key", HEAD + '"\\udc00": 1\n', 6, 4, ["escape"]),
    ("escape-beyond-unicode", HEAD + 'organization:\n  type: "\\U00110000"\n', 7, 12, ["escape"]),
    ("lone-surrogate-text", HEAD + "organization:\n  type: a\ud800b\n", 7, 10, ["lone surrogate U+D800"]),
    ("deep-flow-sequence", HEAD + "x: " + "[" * 5000 + "]" * 5000 + "\n", 6, 44, ["nesting deeper than 40 levels"]),
    ("deep-unclosed-sequence", "[" * 100_000, 1, 42, ["nesting deeper than 40 levels"]),
    ("deep-flow-mapping", "{a: " * 20_000, 1, 165, ["nesting deeper than 40 levels"]),
    ("deep-block-mapping", "".join(" " * i + f"k{i}:\n" for i in range(3000)), 42, 42, ["nesting deeper"]),
    ("deep-block-sequence", "".join(" " * i + "-\n" for i in range(3000)), 42, 42, ["nesting deeper"]),
    ("two-documents", HEAD + "---\n" + HEAD, 6, 1, ["more than one YAML document"]),
    ("document-end-then-another", HEAD + "...\n---\nyear: 2020\n", 7, 1, ["more than one YAML document"]),
    ("many-documents", "---\na: 1\n" * 10_000, 3, 1, ["more than one YAML document"]),
    ("empty", "", 1, 1, ["file is empty"]),
    ("empty-bytes", b"", 1, 1, ["file is empty"]),
    ("only-spaces", "   \n\n  \n", 1, 1, ["file is empty"]),
    ("only-comment", "# 说明\n", 1, 1, ["file is empty"]),
    ("only-document-marker", "---\n", 1, 1, ["file is empty"]),
    ("only-null", "~\n", 1, 1, ["file is empty"]),
    ("only-bom", b"\xef\xbb\xbf", 1, 1, ["file is empty"]),
    ("top-level-list", "- year: 2020\n", 1, 1, ["mapping of fields at the top level, got a list"]),
    ("top-level-list-after-comments", "# 说明\n\n- year: 2020\n", 3, 1, ["top level, got a list", "without `- `"]),
    ("top-level-list-after-marker", "--- # 说明\n  - year: 2020\n", 2, 3, ["top level, got a list"]),
    ("top-level-flow-list", "\n[year, 2020]\n", 2, 1, ["top level, got a list"]),
    ("top-level-text", "2020\n", 1, 1, ["mapping of fields at the top level"]),
    ("top-level-text-after-comments", "# 说明\n  2020\n", 2, 3, ["mapping of fields at the top level, got '2020'"]),
    ("number-key", HEAD + "2023: x\n", 6, 1, ["key 2023 is read as a number, not as text", '("2023":)']),
    ("number-key-nested", HEAD + "staffing:\n  authorized: 1\n  2023:\n    x: 1\n", 8, 3, ["staffing: key 2023"]),
    ("number-key-in-flow", HEAD + "staffing: {authorized: 1, 2023: 5}\n", 6, 27, ["key 2023 is read as a number"]),
    ("number-key-in-figure", HEAD + "expenditure:\n  - total:\n      name: x\n      actual:\n        value: 1\n"
     "        2023: 2\n", 11, 9, ["expenditure[0].total.actual: key 2023"]),
    ("decimal-key", HEAD + "1.5: x\n", 6, 1, ["key 1.5 is read as a number"]),
    ("exponent-key", HEAD + "1e3: x\n", 6, 1, ["key 1e3 is read as a number"]),
    ("octal-key", HEAD + "0o17: x\n", 6, 1, ["key 0o17 is read as a number"]),
    ("hex-key", HEAD + "0x10: x\n", 6, 1, ["key 0x10 is read as a number"]),
    ("null-key", HEAD + "null: x\n", 6, 1, ["key null is read as null", "field name before the colon"]),
    ("tilde-key", HEAD + "staffing:\n  ~: 1\n", 7, 3, ["staffing: key ~ is read as null"]),
    ("empty-key", HEAD + "? \n: x\n", 6, 2, ["empty key"]),
    ("yes-key", HEAD + "yes: 1\n", 6, 1, ["key yes is read as true or false"]),
    ("date-key", HEAD + "2020-01-01: 1\n", 6, 1, ["key 2020-01-01 is read as a date"]),
    ("complex-key", HEAD + "? [a, b]\n: 1\n", 6, 3, ["a key must be plain text"]),
    ("mapping-key", HEAD + "{a: 1}: 2\n", 6, 1, ["a key must be plain text"]),
    ("utf16-with-bom", HEAD.encode("utf-16"), 1, 1, ["file is UTF-16, not UTF-8"]),
    ("utf16-big-endian-with-bom", b"\xfe\xff" + HEAD.encode("utf-16-be"), 1, 1, ["file is UTF-16"]),
    ("utf16-without-bom", HEAD.encode("utf-16-le"), 1, 1, ["looks like UTF-16"]),
    ("utf16-big-endian-without-bom", HEAD.encode("utf-16-be"), 1, 1, ["looks like UTF-16"]),
    ("utf32", HEAD.encode("utf-32"), 1, 1, ["file is UTF-32, not UTF-8"]),
    ("gbk", HEAD.encode("gbk"), 2, 7, ["byte 0xcd is not valid UTF-8", "GBK"]),
    ("gb18030", ("# 说明\n" + HEAD).encode("gb18030"), 1, 5, ["is not valid UTF-8"]),
    ("latin-1", "# café\n".encode("latin-1") + HEAD.encode(), 1, 6, ["byte 0xe9 is not valid UTF-8"]),
    ("unclosed-quote", HEAD + 'organization:\n  type: "abc\n', 8, 1, ["invalid YAML"]),
    ("unclosed-flow", HEAD + "staffing: {authorized: 1\n", 7, 1, ["invalid YAML"]),
    ("colon-in-plain-text", HEAD + "organization:\n  type: a: b\n", 7, 10, ["invalid YAML", "quote text"]),
    ("overlong-implicit-key", HEAD + "k" * 2000 + ": 1\n", 6, 2001, ["invalid YAML"]),
]


@pytest.mark.parametrize("text, line, column, fragments", [c[1:] for c in REFUSED_YAML],
                         ids=[c[0] for c in REFUSED_YAML])
def test_hostile_yaml_is_refused_at_its_line(text, line, column, fragments):
    refused(text, *fragments, line=line, column=column)


def test_a_refused_yaml_file_gives_exactly_one_problem():
    for name, text, *_ in REFUSED_YAML:
        _, problems = outcome(text)
        assert len(problems) == 1, (name, [str(p) for p in problems])


# Accepted, as the reading rules say.
ACCEPTED_YAML = [
    ("utf8-bom-bytes", b"\xef\xbb\xbf" + HEAD.encode()),
    ("utf8-bom-text", "\ufeff" + HEAD),
    ("yaml-directive", "%YAML 1.1\n---\n" + HEAD),
    ("document-start-and-end", "---\n" + HEAD + "...\n"),
    ("tab-after-colon", HEAD + "staffing:\n  authorized:\t1\n"),
    ("tab-inside-text", HEAD + "organization:\n  type: a\tb\n"),
    ("escaped-tab-and-newline", HEAD + 'organization:\n  type: "a\\tb\\nc"\n'),
    ("crlf-line-ends", HEAD.replace("\n", "\r\n")),
    ("astral-characters", HEAD + "organization:\n  type: 𠀀😀\n"),
    ("quoted-merge-key-is-just-a-name", HEAD + "organization: {type: '<<'}\n"),
    ("number-like-text-value", HEAD + "organization: {type: '2023', note: yes}\n"),
    ("nested-sections", HEAD + "sections:\n" + "".join(
        "  " * (2 * i + 1) + f"- title: t{i}\n" + "  " * (2 * i + 2) + "sections:\n" for i in range(9))
        + "  " * 19 + "- title: end\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in ACCEPTED_YAML], ids=[c[0] for c in ACCEPTED_YAML])
def test_yaml_the_rules_allow_is_accepted(text):
    accepted(text)


def test_nesting_stops_at_forty_levels():
    depth = yamlsafe.MAX_DEPTH  # the top-level mapping is level 0
    data, _ = yamlsafe.read("x: " + "[" * depth + "]" * depth)
    expected: list = []
    for _ in range(depth - 1):
        expected = [expected]
    assert data == {"x": expected}
    with pytest.raises(yamlsafe.YamlProblem, match="nesting deeper than 40 levels"):
        yamlsafe.read("x: " + "[" * (depth + 1) + "]" * (depth + 1))


def test_values_stop_at_the_limit():
    yamlsafe.read("[" + ",".join(["0"] * (yamlsafe.MAX_NODES - 1)) + "]")
    with pytest.raises(yamlsafe.YamlProblem, match="more than 50,000 values"):
        yamlsafe.read("[" + ",".join(["0"] * yamlsafe.MAX_NODES) + "]")


def test_text_escapes_and_tabs_are_kept_as_written():
    report = accepted(HEAD + 'organization:\n  type: "a\\tb\\nc"\n  note: x\ty\n')
    assert report.organization.type == "a\tb\nc"
    assert report.organization.note == "x\ty"


# --- YAML 1.1 surprises: text where text is expected, refused where a number is ------------------

SURPRISES = ["no", "No", "NO", "off", "on", "yes", "y", "n", "true", "False", "0x10", "0o17", "0b101", "1_000",
             "2020-01-01", "2001-12-14t21:59:43.10-05:00", "12:30:00", "1e3", ".inf", "-.inf", ".NaN", "+5", "0005",
             "=", "<<<"]


@pytest.mark.parametrize("text", SURPRISES)
def test_yaml_1_1_surprises_are_text_in_text_fields(text):
    report = accepted(HEAD + f"organization:\n  type: {text}\nperformance:\n  indicators:\n"
                      f"    - {{level1: 产出指标, name: 次数, target: {text}, actual: {text}}}\n")
    assert report.organization.type == text
    assert (report.performance.indicators[0].target, report.performance.indicators[0].actual) == (text, text)
    department = parse_department(f"name: 测试\nregion: \"431221\"\nfounded: {text}\n")
    assert department.founded == text


def parse_department(text: str):
    from generator.content.load import parse
    from generator.content.model import Department

    department, _, problems = parse(Department, text, "department.yaml")
    assert not problems, problems
    return department


@pytest.mark.parametrize("text, hint", [
    ("no", "not a number"), ("on", "not a number"), ("true", "not a number"),
    ("0x10", "not a plain decimal number"), ("1_000", "not a plain decimal number"),
    ("2020-01-01", "is a date, not a number"), ("1e3", "exponent notation"), ("+5", "plus sign"),
    ("0005", "leading zero"), (".inf", "not a number"),
])
def test_yaml_1_1_surprises_are_refused_with_a_hint_where_a_number_is_expected(text, hint):
    problem = refused(total(text), hint, line=9, column=7)
    assert problem.field == "expenditure[0].total.actual" and problem.hint
    problem = refused(HEAD + f"staffing:\n  authorized: {text}\n", hint, line=7, column=3)
    assert problem.field == "staffing.authorized" and problem.hint
    problem = refused(HEAD.replace("year: 2020", f"year: {text}"), hint, line=1, column=1)
    assert problem.field == "year" and problem.hint


@pytest.mark.parametrize("text", ["no", "yes", "on", "off", "y", "n", "1", "0", "True", "FALSE", "t", "f"])
def test_yes_no_fields_take_only_true_or_false(text):
    problem = refused(total(text, "items_partial"), "is not true or false", "write true or false", line=9)
    assert problem.field == "expenditure[0].total.items_partial"


def test_true_and_false_are_yes_and_no():
    assert accepted(total("true", "items_partial")).expenditure[0].total.items_partial is True
    assert accepted(total("false", "items_partial")).expenditure[0].total.items_partial is False


@pytest.mark.parametrize("text, fragment", [
    ("2_020", "not a plain decimal number"), ("+2020", "plus sign"), ("2020.0", "not a whole number"),
    ("0x7e4", "not a plain decimal number"), ("'２０２０'", "full-width"), ("'2020 '", "surrounding spaces"),
    ("1989", "out of range"), ("2101", "out of range"), ("-2020", "negative"), ("9" * 400, "more than 15"),
])
def test_years_are_plain_digits(text, fragment):
    refused(HEAD.replace("year: 2020", f"year: {text}"), fragment, line=1, column=1)
    if text != "1989":  # a stat's year may go back to 1949
        refused(HEAD + f"work_stats:\n  - {{name: a, value: 1, year: {text}}}\n", fragment, line=7)


def test_dates_are_refused_where_a_date_must_be_real_and_text_elsewhere():
    head = HEAD.replace("title: 测试\n", "title: 测试\n    written: {}\n")
    assert str(accepted(head.format("2020-02-29")).documents[0].written) == "2020-02-29"
    assert str(accepted(head.format("9999-12-31")).documents[0].written) == "9999-12-31"
    for text, fragment in [("2021-02-29", "not a real date"), ("0000-01-01", "not a real date"),
                           ("2020-1-1", "is not a date"), ("2020/01/01", "is not a date"),
                           ("2020-01-01T00:00:00", "is not a date"), ("'２０２０-01-01'", "is not a date")]:
        refused(head.format(text), fragment, "YYYY-MM-DD" if "real" not in fragment else "", line=6, column=5)


# --- numbers ------------------------------------------------------------------------------------

REFUSED_AMOUNTS = [
    ("NaN", "is not a number"), (".nan", "is not a number"), (".NaN", "is not a number"),
    (".inf", "is not a number"), ("-.inf", "is not a number"), ("infinity", "is not a number"),
    ("-Infinity", "is not a number"), ("inf", "is not a number"),
    ("1e308", "exponent notation"), ("1E3", "exponent notation"), ("1e-3", "exponent notation"),
    ("1,234.5", "thousands separators"), ("12万元", "carries a unit"), ("12 元", "carries a unit"),
    ("１２", "full-width"), ("12．5", "full-width"), ("'1２'", "full-width"),
    ("848.4000001", "7 decimal places, more than 万元 allows (6)"),
    ("1" + "0" * 400, "401 digits before the point, more than 15"),
    ("9" * 16, "16 digits before the point"),
    ("0." + "0" * 400 + "1", "401 decimal places"),
    ("+5", "plus sign"), ("+0", "plus sign"), (".5", "write it as 0.5"), ("-.5", "write it as -0.5"),
    ("5.", "write it as 5"), ("0005", "leading zero"), ("00.5", "leading zero"),
    ("-5", "is negative"), ("-0", "is negative"), ("-0.00", "is negative"),
    ("0x10", "not a plain decimal"), ("1_000", "not a plain decimal"),
    ("'١٢'", "is not a number"), ("'𝟏𝟐'", "is not a number"), ("'1 '", "surrounding spaces"),
    ("'\u00a01'", "surrounding spaces"), ('"12\\n"', "surrounding spaces"),
    ("'-'", "is not a number"), ("'--5'", "is not a number"), ("1.2.3", "is not a number"),
    ("''", "is not a number"), ("5%", "is not a number"), ("[]", "an empty list states no figure"),
    ("{}", "needs `value:`"), ("[[1]]", "cannot nest lists"), ("{value: 1, cents: 2}", "unknown key 'cents'"),
    ("{value: 1, unit: 千元}", "unknown money unit"), ("{value: 1, at: [a]}", "`at:` must be text"),
    ("100000000000", "more than 1000万亿元"), ("{value: 10000000, unit: 亿元}", "more than 1000万亿元"),
]


@pytest.mark.parametrize("text, fragment", REFUSED_AMOUNTS)
def test_amounts_written_wrongly_are_refused_with_a_hint(text, fragment):
    problem = refused(total(text), fragment, line=9, column=7)
    assert problem.field == "expenditure[0].total.actual"
    assert problem.hint, problem


def test_a_comma_inside_a_flow_mapping_gets_the_thousands_hint():
    problem = refused(HEAD + "expenditure:\n  - total: {name: 合计, actual: 1,234.5}\n", "key 234.5 is read as a number",
                      "thousands separators", line=7, column=33)
    assert "1234.5" in str(problem.hint)


@pytest.mark.parametrize("text, unit, value, exponent", [
    ("0", "万元", "0", 0), ("0.5", "万元", "5000.0", -1), ("818.40", "万元", "8184000.00", -2),
    ("1.000000", "万元", "10000.000000", -6), ("6338977.18", "元", "6338977.18", -2),
    ("999999999999999.99", "元", "999999999999999.99", -2), ("99999999999.999999", "万元", "999999999999999.990000", -6),
    ("'12'", "万元", "120000", 0), ("[1, {value: 1.0, at: 附表1}]", "万元", "10000", 0),
    ("{value: 2, unit: 元}", "万元", "2", 0), ("{value: 0.0000000001, unit: 亿元}", "元", "0.0100000000", -10),
])
def test_amounts_are_exact_decimals_normalised_to_yuan(text, unit, value, exponent):
    figure = accepted(total(text).replace("unit: 万元", f"unit: {unit}")).expenditure[0].total.actual
    assert figure.value == Decimal(value) and str(figure.value) == value
    assert figure.first.value.as_tuple().exponent == exponent  # stated precision kept


@pytest.mark.parametrize("field", ["change", "variance"])
@pytest.mark.parametrize("text, value", [("-5", "-50000"), ("-0", "-0"), ("-392408.27", "-3924082700.00"),
                                         ("5", "50000")])
def test_signed_fields_take_negative_amounts(field, text, value):
    figure = getattr(accepted(total(text, field)).expenditure[0].total, field)
    assert str(figure.value) == value


@pytest.mark.parametrize("field", ["change", "variance"])
@pytest.mark.parametrize("text, fragment", [("-.inf", "not a number"), ("-1e3", "exponent"), ("-0005", "leading zero"),
                                            ("+5", "plus sign"), ("-" + "9" * 100, "more than 15"),
                                            ("-100000000000", "1000万亿元"), ("-1,234", "thousands")])
def test_signed_fields_refuse_what_amounts_refuse(field, text, fragment):
    refused(total(text, field), fragment, line=9, column=7)


@pytest.mark.parametrize("text, value", [("31.41%", "31.41"), ("-16.46%", "-16.46"), ("0%", "0"), ("-0%", "-0"),
                                         ("100.0000%", "100.0000"), ("999999999999999.9999%", "999999999999999.9999")])
def test_percentages_keep_their_sign_and_places(text, value):
    figure = accepted(total(text, "change_rate")).expenditure[0].total.change_rate
    assert str(figure.first.value) == value


@pytest.mark.parametrize("text, fragment", [
    ("'5'", "has no % sign"), ("'-5'", "has no % sign"), ("'+5%'", "plus sign"), ("'5 %'", "surrounding spaces"),
    ("'５%'", "full-width"), ("'5％'", "full-width"), ("'NaN%'", "not a number"), ("'.inf%'", "not a number"),
    ("'1e3%'", "exponent"), ("'100.00001%'", "5 decimal places, more than % allows (4)"), ("'.5%'", "0.5"),
    ("'%'", "not a number"), ("'1" + "0" * 100 + "%'", "more than 15"), ("'5%%'", "not a number"),
])
def test_percentages_written_wrongly_are_refused(text, fragment):
    refused(total(text, "execution_rate"), fragment, line=9, column=7)


@pytest.mark.parametrize("text, fragment", [
    ("18人", "carries a unit"), ("'18 人'", "carries a unit"), ("-1", "is negative"), ("-0", "is negative"),
    ("5.0", "not a whole number"), ("0x10", "not a plain decimal"), ("1_000", "not a plain decimal"),
    ("05", "leading zero"), ("+5", "plus sign"), ("1e3", "exponent"), ("１８", "full-width"),
    ("9" * 400, "400 digits before the point"), ("9" * 5000, "5000 digits"), ("yes", "not a number"),
    ("2020-01-01", "is a date"), ("NaN", "not a number"), ("[]", "expected a whole number"),
])
def test_counts_written_wrongly_are_refused(text, fragment):
    problem = refused(HEAD + f"staffing:\n  authorized: {text}\n", fragment, line=7, column=3)
    assert problem.field == "staffing.authorized"


@pytest.mark.parametrize("text, fragment", [("-0", "is negative"), ("-1", "is negative"),
                                            ("99.555", "3 decimal places"), ("'99.5分'", "not a number"),
                                            ("+99", "plus sign"), ("9" * 16, "more than 15")])
def test_scores_written_wrongly_are_refused(text, fragment):
    refused(HEAD + f"performance:\n  score: {text}\n", fragment, line=7, column=3)


def test_plain_numbers_allow_ten_places_and_a_sign_but_no_more():
    report = accepted(HEAD + "work_stats:\n  - {name: a, value: 0.0000000001}\n  - {name: b, value: -5}\n")
    assert [str(s.value) for s in report.work_stats] == ["1E-10", "-5"]
    refused(HEAD + "work_stats:\n  - {name: a, value: 0.00000000001}\n", "11 decimal places, more than 10", line=7)


# --- bounds: size, values, problems, time, memory ----------------------------------------------------


def test_tens_of_megabytes_are_refused_by_the_size_limit_quickly():
    started = time.process_time()
    refused(b"a: " + b"x" * (40 * 1024 * 1024), "over the limit of 8,388,608", line=1, column=1)
    refused("a: " + "字" * (20 * 1024 * 1024), "over the limit", line=1, column=1)  # text handed over as str
    assert time.process_time() - started < 2


def test_a_file_of_more_values_than_the_limit_is_refused_at_the_value_past_it():
    problem = refused(HEAD + "work_stats: [" + ", ".join(["0"] * 2_000_000) + "]\n",
                      f"more than {yamlsafe.MAX_NODES:,} values", line=6)
    assert problem.column > 1


def test_a_file_with_thousands_of_problems_lists_the_first_hundred_and_counts_the_rest():
    text = HEAD + "".join(f"k{i}: 1\n" for i in range(20_000))  # 20,000 unknown fields, each would want a hint
    _, problems = outcome(text)
    assert len(problems) == MAX_PROBLEMS + 1
    assert [p.line for p in problems[:3]] == [6, 7, 8]
    assert str(problems[-1].message) == f"{20_000 - MAX_PROBLEMS:,} more problems in this file are not shown"
    assert problems[-1].line == 6 + MAX_PROBLEMS


WORST_FILES = {  # made when the test runs, not at collection
    "long-scalar": lambda: HEAD + "organization:\n  type: " + "字" * 2_500_000 + "\n",
    "flow-list": lambda: HEAD + "work_stats: [" + ",".join(["0"] * 3_000_000) + "]\n",
    "wrong-values": lambda: HEAD + "work_stats:\n" + "  - {name: a, value: x}\n" * 9_000,
    "unknown-keys": lambda: HEAD + "".join(f"key_{i}: {i}\n" for i in range(24_000)),
    "huge-numbers": lambda: HEAD + "work_stats:\n" + f"  - {{name: a, value: {'9' * 2000}}}\n" * 3000,
    "deep-and-wide": lambda: HEAD + "x: " + "[" * 30 + ",".join(["[]"] * 1_000_000) + "]" * 30 + "\n",
}


@pytest.mark.parametrize("name", WORST_FILES)
def test_worst_files_within_the_size_limit_cost_bounded_time_and_memory(name):
    text = WORST_FILES[name]()
    assert len(text.encode()) <= yamlsafe.MAX_BYTES
    tracemalloc.start()
    try:
        started = time.process_time()
        _, problems = outcome(text)
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < SECONDS
    assert peak < 200 * 1024 * 1024, f"{name}: peak {peak / 1e6:.0f} MB"
    if name != "long-scalar":  # 7.5 MB of text in one field is allowed, if unwise
        assert problems


# --- file and folder names, symbolic links, special files ---------------------------------------

BAD_FOLDER_NAMES = ["..evil", "...", "a..b", "%2e%2e", "%2e%2e%2fetc", "a\\b", "..\\..\\x", "dеmo-dept",  # Cyrillic е
                    "ｄemo", "demo dept", "demo ", " demo", "Demo", "demo_dept", "demo--dept", "-demo", "demo-",
                    "demo\nx", "demo\x1b[2J", "demo\u202e", "a" * 65]


@pytest.mark.parametrize("name", BAD_FOLDER_NAMES)
def test_department_folder_names_that_are_not_slugs_are_refused(tmp_path, name):
    content = tree(tmp_path)
    shutil.copytree(dept(content), content / "departments" / name)
    problem = load_refused(content, f"content/departments/{name}" if name.isprintable() else problem_path(name),
                           "is not a valid slug")
    assert str(problem.hint).startswith("use lowercase ASCII letters")


def problem_path(name: str) -> str:
    escaped = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)
    return f"content/departments/{escaped}"


BAD_FILE_NAMES = ["..2020.yaml", "..\\2020.yaml", "2021 .yaml", " 2021.yaml", "２０２１.yaml", "%2e%2e.yaml",
                  "2021.YAML", "2021.yml", "2021.yaml.bak", "20210.yaml", "2021.source.txt.txt", "a\\..\\2021.yaml",
                  "2021.yaml\n"]


@pytest.mark.parametrize("name", BAD_FILE_NAMES)
def test_unexpected_file_names_in_a_department_folder_are_refused(tmp_path, name):
    content = tree(tmp_path)
    shutil.copyfile(dept(content) / "2020.yaml", dept(content) / name)
    where = f"content/departments/demo-dept/{name}".replace("\n", "\\n")
    load_refused(content, where, "unexpected file")


def test_names_that_are_not_utf8_are_refused_and_shown_escaped(tmp_path):
    content = tree(tmp_path)
    departments = os.fsencode(content / "departments")
    try:
        shutil.copytree(dept(content), os.fsdecode(departments + b"/dem\xff"))
        shutil.copyfile(dept(content) / "2020.yaml", os.fsdecode(os.fsencode(dept(content)) + b"/20\xff.yaml"))
    except (OSError, UnicodeError):
        pytest.skip("the file system does not take names that are not UTF-8")
    problems = load_outcome(content)
    assert any(p.path == "content/departments/dem\\udcff"
               and str(p.message) == "folder name 'dem\\udcff' is not a valid slug" for p in problems), problems
    assert any(p.path == "content/departments/demo-dept/20\\udcff.yaml" for p in problems)
    run = check(content, "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert {p["path"] for p in report["problems"]} >= {"content/departments/dem\\udcff"}


def test_system_and_editor_files_starting_with_a_dot_are_ignored(tmp_path):
    content = tree(tmp_path)
    (content / "departments" / ".DS_Store").write_bytes(b"\x00\x01binary")
    (content / "departments" / ".git").mkdir()
    (content / "departments" / ".git" / "department.yaml").write_text("[broken", encoding="utf-8")
    (dept(content) / ".2020.yaml.swp").write_bytes(b"\xff\xfe")
    (dept(content) / "._2020.yaml").write_bytes(b"\x00")
    assert load_outcome(content) == []


def outside(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def year_text(content: Path, year: int = 2020) -> str:
    return (dept(content) / "2020.yaml").read_text(encoding="utf-8").replace("year: 2020", f"year: {year}")


def link_year_absolute(tmp_path, content):
    os.symlink(outside(tmp_path, "secret.yaml", year_text(content, 2021)), dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml"


def link_year_relative(tmp_path, content):
    outside(tmp_path, "secret.yaml", year_text(content, 2021))
    os.symlink("../../../elsewhere/secret.yaml", dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml"


def link_year_through_a_link_inside(tmp_path, content):
    os.symlink(outside(tmp_path, "secret.yaml", year_text(content, 2021)), content / "hop.yaml")
    os.symlink("../../hop.yaml", dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml"


def link_year_to_dev_zero(tmp_path, content):
    os.symlink("/dev/zero", dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml"


def link_source_to_passwd(tmp_path, content):
    (dept(content) / "2020.source.txt").unlink()
    os.symlink("/etc/passwd", dept(content) / "2020.source.txt")
    return "content/departments/demo-dept/2020.source.txt"


def link_department_absolute(tmp_path, content):
    shutil.copytree(dept(content), tmp_path / "elsewhere-dept")
    os.symlink(tmp_path / "elsewhere-dept", content / "departments" / "other-dept")
    return "content/departments/other-dept"


def link_department_relative(tmp_path, content):
    shutil.copytree(dept(content), tmp_path / "elsewhere-dept")
    os.symlink("../../elsewhere-dept", content / "departments" / "other-dept")
    return "content/departments/other-dept"


def link_departments_folder(tmp_path, content):
    shutil.move(content / "departments", tmp_path / "elsewhere-departments")
    os.symlink(tmp_path / "elsewhere-departments", content / "departments")
    return "content/departments"


def link_site(tmp_path, content):
    target = outside(tmp_path, "site.yaml", (content / "site.yaml").read_text(encoding="utf-8"))
    (content / "site.yaml").unlink()
    os.symlink(target, content / "site.yaml")
    return "content/site.yaml"


def link_regions(tmp_path, content):
    target = outside(tmp_path, "regions.yaml", (content / "regions.yaml").read_text(encoding="utf-8"))
    (content / "regions.yaml").unlink()
    os.symlink(target, content / "regions.yaml")
    return "content/regions.yaml"


def link_department_yaml(tmp_path, content):
    target = outside(tmp_path, "department.yaml", (dept(content) / "department.yaml").read_text(encoding="utf-8"))
    (dept(content) / "department.yaml").unlink()
    os.symlink(target, dept(content) / "department.yaml")
    return "content/departments/demo-dept/department.yaml"


OUTWARD_LINKS = [link_year_absolute, link_year_relative, link_year_through_a_link_inside, link_year_to_dev_zero,
                 link_source_to_passwd, link_department_absolute, link_department_relative, link_departments_folder,
                 link_site, link_regions, link_department_yaml]


@pytest.mark.parametrize("make", OUTWARD_LINKS, ids=[f.__name__ for f in OUTWARD_LINKS])
def test_symbolic_links_out_of_content_are_refused(tmp_path, make):
    content = tree(tmp_path)
    where = make(tmp_path, content)
    load_refused(content, where, "symbolic link points outside content/")
    assert len(load_outcome(content)) == 1  # and nothing else follows from it (no bogus region problem)


def test_symbolic_links_inside_content_are_followed(tmp_path):
    content = tree(tmp_path)
    shutil.move(dept(content), content / "store")
    os.symlink("../store", content / "departments" / "demo-dept")
    assert load_outcome(content) == []
    os.symlink("2020.yaml", content / "store" / "2021.yaml")  # read, and found to state 2020
    load_refused(content, "content/departments/demo-dept/2021.yaml", "year 2020 does not match the file name")


def make_broken_link(content):
    os.symlink("nothing-here.yaml", dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml", "cannot read the file: No such file or directory"


def make_broken_source_link(content):
    (dept(content) / "2020.source.txt").unlink()
    os.symlink("nothing-here.txt", dept(content) / "2020.source.txt")
    return "content/departments/demo-dept/2020.source.txt", "cannot read the file"


def make_link_loop(content):
    os.symlink("2021.yaml", dept(content) / "2021.yaml")
    return "content/departments/demo-dept/2021.yaml", "cannot read the file"


def make_folder_as_year(content):
    (dept(content) / "2021.yaml").mkdir()
    return "content/departments/demo-dept/2021.yaml", "not a regular file"


def make_folder_as_site(content):
    (content / "site.yaml").unlink()
    (content / "site.yaml").mkdir()
    return "content/site.yaml", "not a regular file"


def make_folder_as_source(content):
    (dept(content) / "2020.source.txt").unlink()
    (dept(content) / "2020.source.txt").mkdir()
    return "content/departments/demo-dept/2020.source.txt", "not a regular file"


def make_pipe_as_year(content):
    os.mkfifo(dept(content) / "2021.yaml")  # reading it would block for ever
    return "content/departments/demo-dept/2021.yaml", "not a regular file"


def make_file_as_department(content):
    (content / "departments" / "notes.txt").write_text("x", encoding="utf-8")
    return "content/departments/notes.txt", "not a department folder"


def make_huge_year(content):
    with open(dept(content) / "2020.yaml", "ab") as handle:
        handle.truncate(40 * 1024 * 1024)
    return "content/departments/demo-dept/2020.yaml", "over the limit of 8,388,608"


def make_huge_source(content):
    (dept(content) / "2020.source.txt").write_bytes(b"x" * (5 * 1024 * 1024))
    return "content/departments/demo-dept/2020.source.txt", "over the limit of 4,194,304"


def make_gbk_source(content):
    (dept(content) / "2020.source.txt").write_bytes("原文".encode("gbk"))
    return "content/departments/demo-dept/2020.source.txt", "is not valid UTF-8"


SPECIAL_FILES = [make_broken_link, make_broken_source_link, make_link_loop, make_folder_as_year, make_folder_as_site,
                 make_folder_as_source, make_pipe_as_year, make_file_as_department, make_huge_year, make_huge_source,
                 make_gbk_source]


@pytest.mark.parametrize("make", SPECIAL_FILES, ids=[f.__name__ for f in SPECIAL_FILES])
def test_special_and_oversized_files_are_refused_without_reading_them(tmp_path, make):
    content = tree(tmp_path)
    where, fragment = make(content)
    load_refused(content, where, fragment)


# --- property-based: generated year files ---------------------------------------------------------

TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                           exclude_characters="\x85\u2028\u2029\ufffe\uffff")
NASTY_TEXTS = ["<script>alert(1)</script>", "{{ 7 * 7 }}", "{% raw %}", "../../etc/passwd", "[x](javascript:alert(1))",
               "<img src=x onerror=alert(1)>", "]]>", "&amp;", "\u202e反向", "\ufeff", "no", "on", "0x10", "1_000",
               "2020-01-01", "null", "~", "- a", "# 标题", "| a | b |", "=", "1,234.5", " ", "、", "'", '"', "\\"]
texts = st.one_of(st.text(TEXT_CHARS, min_size=1, max_size=12), st.sampled_from(NASTY_TEXTS))
# Up to the documented bounds: 99999999999.99 万元 is just under 1000万亿元, 15 digits before the point.
BIGGEST = Decimal("99999999999.99")
money = st.one_of(st.decimals(min_value=0, max_value=1000, places=2),
                  st.decimals(min_value=0, max_value=BIGGEST, places=2)).map(lambda d: format(d.copy_abs(), "f"))
signed_money = st.decimals(min_value=-BIGGEST, max_value=BIGGEST, places=2).map(lambda d: format(d, "f"))
percents = st.one_of(st.decimals(min_value=-200, max_value=200, places=2),
                     st.decimals(min_value=-10**15 + 1, max_value=10**15 - 1, places=4)).map(lambda d: f"{d:f}%")
counts = st.integers(0, 10**15 - 1).map(str)
scores = st.decimals(min_value=0, max_value=10**15 - 1, places=2).map(lambda d: format(d.copy_abs(), "f"))
numbers = st.decimals(min_value=-10**15 + 1, max_value=10**15 - 1, places=4).map(lambda d: format(d, "f"))
dates = st.dates().map(lambda d: d.isoformat())


def stated(number):
    """A figure in any of its three written forms."""
    one = st.one_of(number, st.fixed_dictionaries({"value": number}, optional={"at": texts}))
    return st.one_of(one, st.lists(one, min_size=1, max_size=2))


amount_fields = {"budget_initial": stated(money), "budget_full": stated(money), "actual": stated(money),
                 "prior": stated(money), "change": stated(signed_money), "change_rate": percents,
                 "execution_rate": percents, "share": percents, "variance": signed_money, "note": texts, "at": texts}
plain_line = st.fixed_dictionaries({"name": texts}, optional={
    **amount_fields, "code": st.from_regex(r"[0-9]{3,7}", fullmatch=True),
    "items_partial": st.sampled_from(["true", "false"])})
lines = st.fixed_dictionaries({"name": texts}, optional={**amount_fields, "items": st.lists(plain_line, max_size=3)})
amounts = st.fixed_dictionaries({}, optional=amount_fields)
accounts = st.fixed_dictionaries({}, optional={
    "scope": texts, "total": lines, "by_source": st.lists(lines, max_size=3), "by_nature": st.lists(lines, max_size=3),
    "by_economic": st.lists(plain_line, max_size=3), "by_function": st.lists(plain_line, max_size=3),
    "related": st.lists(plain_line, max_size=2), "statement": texts})
stats = st.fixed_dictionaries({"name": texts, "value": numbers}, optional={"unit": texts, "qualifier": texts,
                                                                          "year": st.integers(1949, 2100).map(str)})
indicators = st.fixed_dictionaries({"level1": texts, "name": texts}, optional={
    "level2": texts, "target": texts, "actual": texts, "weight": scores, "score": scores, "deviation": texts})
performance = st.fixed_dictionaries({}, optional={
    "score": stated(scores), "grade": texts, "indicators": st.lists(indicators, max_size=4),
    "weights": st.lists(st.fixed_dictionaries({"name": texts, "weight": scores}), max_size=3),
    "goals": st.lists(st.fixed_dictionaries({"target": texts}, optional={"result": texts}), max_size=2),
    "budget_execution": st.fixed_dictionaries({}, optional={**amount_fields, "name": texts, "weight": scores,
                                                            "score": scores})})
documents = st.fixed_dictionaries({"kind": st.sampled_from(["绩效自评报告", "部门决算", "部门预算"]), "title": texts},
                                  optional={"issuer": texts, "written": dates, "published": dates, "doc_no": texts})
sections = st.fixed_dictionaries({"title": texts}, optional={
    "body": texts, "sections": st.lists(st.fixed_dictionaries({"title": texts, "body": texts}), max_size=2)})
year_files = st.fixed_dictionaries({
    "year": st.integers(1990, 2100).map(str), "unit": st.sampled_from(["元", "万元"]),
    "documents": st.lists(documents, min_size=1, max_size=2)}, optional={
    "organization": st.fixed_dictionaries({}, optional={"type": texts, "internal_units_count": counts,
                                                        "internal_units": st.lists(texts, max_size=3)}),
    "staffing": st.fixed_dictionaries({}, optional={"authorized": counts, "actual_start": counts,
                                                    "actual_end": counts, "vehicles": counts}),
    "income": st.lists(accounts, max_size=2), "expenditure": st.lists(accounts, max_size=2),
    "sangong": st.fixed_dictionaries({}, optional={"total": amounts, "reception": amounts, "vehicles": amounts}),
    "projects": st.lists(st.fixed_dictionaries({"name": texts}, optional={"total": amounts,
                                                                           "items": st.lists(lines, max_size=3)}),
                         max_size=2),
    "assets": st.fixed_dictionaries({}, optional={"as_of": dates, "total": amounts,
                                                  "items": st.lists(lines, max_size=3)}),
    "performance": performance, "work_stats": st.lists(stats, max_size=3), "sections": st.lists(sections, max_size=3),
    "problems": st.lists(texts, max_size=2), "measures": st.lists(texts, max_size=2)})


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]  # examples build a site; that is the point


def dump(data: dict) -> str:
    # Every scalar is a str; safe_dump quotes what YAML would read as anything else.
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def write_year(content: Path, text: str | bytes, year: str) -> Path:
    folder = dept(content)
    for old in folder.glob("*.yaml"):
        if old.name != "department.yaml":
            old.unlink()
    (folder / "2020.source.txt").unlink(missing_ok=True)
    path = folder / f"{year}.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.slow  # 40 sites built: about 8 s
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=SLOW)
@given(data=year_files)
def test_generated_valid_year_files_load_and_build(data):
    from generator.engine.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        content = tree(Path(tmp))
        write_year(content, dump(data), data["year"])
        assert load_outcome(content) == []
        build(content, Path(tmp) / "site", search=False)
        assert (Path(tmp) / "site" / "index.html").is_file()


BAD_NUMBERS = ["NaN", ".inf", "-.inf", "1e3", "1,234.5", "12万元", "１２", "+5", ".5", "5.", "0005", "0x10", "1_000",
               "no", "2020-01-01", "1" + "0" * 200, "0.0000001", "'5 '", "[]", "{}", "-0"]
TEXT_MUTATIONS = [
    ("anchor", lambda t: t + "extra: &a 1\n"),
    ("alias", lambda t: t + "extra: *a\n"),
    ("tag", lambda t: t + "extra: !!python/object/apply:os.system [ls]\n"),
    ("duplicate", lambda t: t + "unit: 元\n"),
    ("tab", lambda t: t + "organization:\n\ttype: x\n"),
    ("control", lambda t: t + "extra: a\x07b\n"),
    ("escape", lambda t: t + 'extra: "a\\x1bb"\n'),
    ("separator", lambda t: t + "# a\u2028b\n"),
    ("second-document", lambda t: t + "---\nyear: 2020\n"),
    ("unclosed", lambda t: t + "extra: [1, 2\n"),
    ("deep", lambda t: t + "extra: " + "[" * 60 + "]" * 60 + "\n"),
    ("utf16", lambda t: t.encode("utf-16")),
    ("gbk", lambda t: t.encode("gbk", errors="replace")),  # every kind of report starts with a GBK lead byte
    ("surrogate-bytes", lambda t: t.encode() + b"extra: \xed\xa0\x80\n"),
    ("truncated-utf8", lambda t: t.encode() + "extra: 部".encode()[:-1] + b"\n"),
]


@st.composite
def invalid_year_files(draw):
    """A valid year file with one thing made wrong: a field, a key, or the text itself."""
    data = draw(year_files)
    year = data["year"]
    kind = draw(st.sampled_from(["amount", "signed", "percent", "count", "year", "unknown-key", "missing",
                                 "wrong-type", "file-name", "text"]))
    bad = draw(st.sampled_from(BAD_NUMBERS))
    if kind == "signed" and bad == "-0":
        bad = "+3"  # -0 is a fine change
    if kind == "percent":
        bad = ("+3" if bad == "-0" else bad.strip("'")) + draw(st.sampled_from(["", "%"]))
    slot = "BAD_VALUE_HERE"  # replaced by the bad text as written, unquoted, after dumping
    if kind == "amount":
        data["expenditure"] = [{"total": {"name": "合计", "actual": slot}}]
    elif kind == "signed":
        data["expenditure"] = [{"total": {"name": "合计", "change": slot}}]
    elif kind == "percent":
        data["income"] = [{"total": {"name": "合计", "change_rate": slot}}]
    elif kind == "count":
        data["staffing"] = {"authorized": slot}
    elif kind == "year":
        data["year"] = draw(st.sampled_from(["2_020", "+2020", "2020.0", "1989", "MMXX", "２０２０"]))
    elif kind == "unknown-key":
        data[draw(st.sampled_from(["budget_inital", "yaer", "expenditures", "备注"]))] = draw(texts)
    elif kind == "missing":
        del data[draw(st.sampled_from(["year", "unit", "documents"]))]
    elif kind == "wrong-type":
        data[draw(st.sampled_from(["documents", "income", "work_stats"]))] = draw(texts)
    elif kind == "file-name":
        year = str(int(year) + 1)
    text: str | bytes = dump(data).replace(slot, bad)
    if kind == "text":
        text = draw(st.sampled_from(TEXT_MUTATIONS))[1](text)
    return text, year


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=SLOW)
@given(case=invalid_year_files())
def test_generated_invalid_year_files_are_refused_with_clear_problems(case):
    text, year = case
    with tempfile.TemporaryDirectory() as tmp:
        content = tree(Path(tmp))
        path = write_year(content, text, year)
        try:
            load_content(content)
        except ContentError as err:
            problems = err.problems
        else:
            pytest.fail(f"accepted:\n{text[:2000]!r}")
        assert problems
        for problem in problems:
            assert_clear(problem)
        assert any(p.path == f"content/departments/demo-dept/{path.name}" for p in problems)


@settings(max_examples=150, deadline=None, database=None)
@given(text=st.one_of(st.text(max_size=300), st.binary(max_size=300),
                      st.lists(st.sampled_from(["year: 2020\n", "unit: 万元\n", "documents:\n", "  - kind: 部门决算\n",
                                                "    title: t\n", "  ", "- ", "[", "]", "{", "}", ": ", ", ", "&a ",
                                                "*a ", "!x ", "<<: ", "'", '"', "\\u", "\t", "\n", "---\n", "#",
                                                "0x10", "1e3", "-", "..."]), max_size=40).map("".join)))
def test_arbitrary_text_is_answered_with_a_report_or_problems(text):
    outcome(text)


# --- end to end: `build.py check` prints problems, never a traceback --------------------------------


@pytest.mark.parametrize("name, make, where", [
    ("billion-laughs", lambda c: write_year(c, BILLION_LAUGHS, "2020"), "2020.yaml:1:4: anchor &a is not allowed"),
    ("python-tag", lambda c: write_year(c, HEAD + "organization: !!python/object/apply:os.system [ls]\n", "2020"),
     "2020.yaml:6:15: tag !!python/object/apply:os.system is not allowed"),
    ("huge-file", make_huge_year, "2020.yaml:1:1: file is 41,943,040 bytes, over the limit"),
    ("pipe", make_pipe_as_year, "2021.yaml:1:1: not a regular file"),
    ("too-many-values", lambda c: write_year(c, HEAD + "work_stats: [" + "0," * 3_000_000 + "]\n", "2020"),
     f"2020.yaml:6:99986: more than {yamlsafe.MAX_NODES:,} values in one file"),
    ("escaped-surrogate", lambda c: write_year(c, HEAD + 'organization: {type: "\\ud800"}\n', "2020"),
     "2020.yaml:6:25: invalid YAML: found invalid Unicode character escape code"),
    ("huge-number", lambda c: write_year(c, total("9" * 500), "2020"), "more than 15"),
])
def test_check_command_reports_hostile_content_without_a_traceback(tmp_path, name, make, where):
    content = tree(tmp_path)
    make(content)
    started = time.perf_counter()
    run = check(content)
    assert time.perf_counter() - started < 30
    assert run.returncode == 1, run.stderr
    assert where in run.stderr
    assert "problem(s) in content" in run.stderr


def test_check_command_reports_outward_links_and_odd_names_as_json(tmp_path):
    content = tree(tmp_path)
    link_departments_folder(tmp_path, content)
    link_site(tmp_path, content)
    (content / "regions.yaml").unlink()
    (content / "regions.yaml").mkdir()
    run = check(content, "--json")
    assert run.returncode == 1
    problems = json.loads(run.stdout)["problems"]
    assert [(p["path"], p["message"]) for p in problems] == [
        ("content/departments", "symbolic link points outside content/"),
        ("content/regions.yaml", "not a regular file"),
        ("content/site.yaml", "symbolic link points outside content/")]
    assert all(p["line"] == 1 and p["column"] == 1 and p["hint"] for p in problems)


def test_check_still_passes_on_the_real_content():
    run = subprocess.run([sys.executable, str(ROOT_DIR / "build.py"), "check"], capture_output=True, text=True,
                         cwd=ROOT_DIR, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
