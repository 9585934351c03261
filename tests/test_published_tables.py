"""The 决算 tables as published (`tables:`): loaded cell by cell as printed, refused with the
line and field when a row does not fit its columns, and shown on the report page."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from generator.content.load import parse_report
from generator.content.problems import ContentError
from tests.sitepages import soup

HEAD = "year: 2020\nunit: 万元\ndocuments:\n  - {kind: 部门决算, title: 测试县政务服务中心2020年度部门决算}\n"

TABLE = HEAD + """tables:
  - label: 公开03表
    title: 支出决算表
    columns:
      - name: 本年支出合计
      - name: 基本支出
      - name: 项目支出
      - {name: 比上年增减, unit: "%"}
    rows:
      - {name: 合计, values: [4878.17, 925.32, 3952.85, "-2.5"]}
      - {code: "2010101", name: 行政运行, values: [925.32, 925.32, ~, "—"]}
    note: 注：本表反映部门本年度各项支出情况。
  - label: 公开09表
    title: 国有资本经营预算财政拨款支出决算表
    columns: [{name: 本年支出 / 合计}]
    statement: 本部门没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。
"""


def test_a_published_table_loads_cell_by_cell_as_printed():
    report = parse_report(TABLE)
    spending, empty = report.tables
    assert (spending.label, spending.title) == ("公开03表", "支出决算表")
    assert [c.name for c in spending.columns] == ["本年支出合计", "基本支出", "项目支出", "比上年增减"]
    assert spending.columns[3].unit == "%"
    total, row = spending.rows
    assert total.values == (Decimal("4878.17"), Decimal("925.32"), Decimal("3952.85"), Decimal("-2.5"))
    assert str(total.values[0]) == "4878.17"  # the places as printed
    assert row.code == "2010101" and row.values[2] is None and row.values[3] == "—"
    assert empty.rows == () and "无数据" in empty.statement


@pytest.mark.parametrize("edit, where, says", [
    ("[925.32, 925.32, ~, \"—\"]", "tables[0].rows[1]", "3 values for 4 columns"),
    ("[925.32, 925.32, 一百, \"—\"]", "tables[0].rows[1].values[2]", "not a number"),
])
def test_a_row_that_does_not_fit_is_refused_with_its_line_and_field(edit, where, says):
    bad = TABLE.replace("[925.32, 925.32, ~, \"—\"]", edit.replace(", \"—\"]", "]") if "3 values" in says else edit)
    with pytest.raises(ContentError) as err:
        parse_report(bad)
    problem = err.value.problems[0]
    assert problem.field.startswith(where) and says in problem.message.text("en")
    assert problem.line == bad.split("\n").index(next(l for l in bad.split("\n") if "行政运行" in l)) + 1


def test_the_report_page_shows_the_tables_as_printed(tmp_path):
    from generator.engine.pipeline import build
    from tests.seeds import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + TABLE.split(HEAD, 1)[1], encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    page = soup(tmp_path / "site", "departments/demo-dept/2020/")
    section = page.find("section", attrs={"aria-labelledby": "published-tables"})
    tables = section.find_all("table")
    assert [t.caption.get_text(" ", strip=True) for t in tables] == [
        "公开03表 支出决算表 单位：万元 · 下载 CSV", "公开09表 国有资本经营预算财政拨款支出决算表 单位：万元"]
    head = [th.get_text(strip=True) for th in tables[0].thead.find_all("th")]
    assert head == ["科目编码", "项目", "本年支出合计", "基本支出", "项目支出", "比上年增减（%）"]
    cells = [[c.get_text() for c in tr.find_all(["td", "th"])] for tr in tables[0].tbody.find_all("tr")]
    assert cells == [["", "合计", "4878.17", "925.32", "3952.85", "-2.5"],
                     ["2010101", "行政运行", "925.32", "925.32", "", "—"]]
    assert "故本表无数据" in section.get_text() and "注：本表反映部门本年度各项支出情况。" in section.get_text()
    # the empty table keeps its columns and says it is empty, in one cell across them
    assert [c.get_text() for c in tables[1].tbody.find_all("td")] == ["本表无数据"]
    assert tables[1].tbody.td["colspan"] == "2"
    # and the printed table is in the page's tables.csv, as its own download gives it
    from generator.outputs.data import page_tables
    from generator.content.load import load_content
    from generator.site.pages import plan

    report = next(p for p in plan(load_content(content)) if p.url == "departments/demo-dept/2020/")
    csv = {t.id: t.csv for t in page_tables(report.context)}["pt-1"].decode("utf-8-sig")
    assert csv.splitlines() == ["科目编码,项目,本年支出合计,基本支出,项目支出,比上年增减（%）",
                                ",合计,4878.17,925.32,3952.85,-2.5", "2010101,行政运行,925.32,925.32,,—"]
    toc = page.find("nav", class_="toc")
    assert toc.find("a", href="#published-tables").get_text() == "决算公开表"


SPENDING_TABLE = """tables:
  - label: 公开03表
    title: 支出决算表
    columns:
      - name: 本年支出合计
      - name: 基本支出
      - {{name: 比上年增减率, unit: "%"}}
    rows:
      - {{name: 合计, values: [{total}, 60.00, "5.0"]}}
      - {{code: "201", name: 一般公共服务支出, values: [{cls}, 60.00, "9.9"]}}
      - {{code: "20101", name: 人大事务, values: [70.00, 60.00, "1.0"]}}
      - {{code: "2010101", name: 行政运行, values: [40.00, 40.00, ~]}}
      - {{code: "2010102", name: 一般行政管理事务, values: [30.00, 20.00, ~]}}
      - {{code: "20103", name: 政府办公厅（室）及相关机构事务, values: [30.00, ~, ~]}}
"""


@pytest.mark.parametrize("total, cls, failed", [
    ("100.00", "100.00", []),                                      # every level adds up
    ("100.00", "100.01", []),                                      # within the half cents of three figures
    ("100.00", "110.00", ["201 一般公共服务支出", "合计"]),           # a 类 10.00 more than its 款
])
def test_the_levels_of_a_published_table_add_up(total, cls, failed):
    from tests.test_checks import results

    found = results(SPENDING_TABLE.format(total=total, cls=cls), "sum.table")
    made = {r.subject for r in found}
    # 类 = 款 + 款 and 款 = 项 + 项 in the money columns; 合计 = 类; the % column is not summed;
    # an empty cell is nothing (20103's 基本支出)
    assert "公开03表 支出决算表·201 一般公共服务支出·本年支出合计" in made
    assert "公开03表 支出决算表·20101 人大事务·基本支出" in made
    assert not any("比上年增减率" in s for s in made)
    wrong = [r for r in found if r.passed is False]
    assert sorted(r.subject.split("·")[1] for r in wrong) == sorted(failed)
    for r in wrong:
        assert r.terms[0].line > 0 and r.terms[0].path.startswith("tables[0].rows[")
        if "201" in r.subject:
            assert "相差 10万元" in r.message


TOTAL_TABLE = """
tables:
  - label: 公开01表
    title: 收入支出决算总表
    columns:
      - name: 收入 / 金额
      - name: 支出 / 金额
    rows:
      - {{name: 本年收入合计, values: [1053.21, ~]}}
      - {{name: 年初结转和结余, values: [27.00, ~]}}
      - {{name: 总计, values: [1080.21, ~]}}
      - {{name: 本年支出合计, values: [~, 1061.51]}}
      - {{name: 年末结转和结余, values: [~, 18.70]}}
      - {{name: 总计, values: [~, {spent}]}}
"""


@pytest.mark.parametrize("spent, passed", [("1080.21", True), ("1080.12", False)])
def test_a_total_table_balances_its_two_sides(spent, passed):
    """收入支出决算总表: the 总计 of the income side equals the 总计 of the spending side (two
    digits swapped on one side are found, with both cells' lines)."""
    from tests.test_checks import results

    (found,) = results(TOTAL_TABLE.format(spent=spent), "sum.balance")
    assert found.passed is passed and found.subject == "公开01表 收入支出决算总表·总计"
    if not passed:
        assert "收入总计 1080.21万元，支出总计 1080.12万元，相差 0.09万元" in found.message
        assert [t.path for t in found.terms] == ["tables[0].rows[2].values[0]", "tables[0].rows[5].values[1]"]


LINES_TABLE = """
tables:
  - label: 公开01表
    title: 收入支出决算总表
    columns:
      - name: 收入 / 金额
      - name: 支出 / 金额
    rows:
      - {{name: 一、一般公共预算财政拨款收入, values: [415.14, ~]}}
      - {{name: 二、政府性基金预算财政拨款收入, values: [~, ~]}}
      - {{name: 三、其他收入, values: [2.40, ~]}}
      - {{name: 其中：利息收入, values: [1.00, ~]}}
      - {{name: 本年收入合计, values: [{income}, ~]}}
      - {{name: 年初结转和结余, values: [8.40, ~]}}
      - {{name: 总计, values: [425.94, ~]}}
      - {{name: 一、一般公共服务支出, values: [~, 358.52]}}
      - {{name: 二、社会保障和就业支出, values: [~, 33.85]}}
      - {{name: 本年支出合计, values: [~, 392.37]}}
      - {{name: 年末结转和结余, values: [~, 33.57]}}
      - {{name: 总计, values: [~, 425.94]}}
"""


@pytest.mark.parametrize("income, passed", [("417.54", True), ("427.54", False)])
def test_a_years_total_is_the_sum_of_the_numbered_lines_above_it(income, passed):
    """本年收入合计 is the sum of the income lines numbered 一、二、… above it (其中 lines not
    counted), 本年支出合计 of the classes above it since the income side's 总计; a total 10.00 more
    than its lines is found, with the total's line."""
    from tests.test_checks import results

    found = {r.subject: r for r in results(LINES_TABLE.format(income=income), "sum.lines")}
    assert set(found) == {"公开01表 收入支出决算总表·本年收入合计·收入 / 金额",
                          "公开01表 收入支出决算总表·本年支出合计·支出 / 金额"}
    assert found["公开01表 收入支出决算总表·本年支出合计·支出 / 金额"].passed is True
    income_total = found["公开01表 收入支出决算总表·本年收入合计·收入 / 金额"]
    assert income_total.passed is passed
    assert [t.path for t in income_total.terms] == [
        "tables[0].rows[4].values[0]", "tables[0].rows[0].values[0]", "tables[0].rows[2].values[0]"]
    if not passed:
        assert "所列各项之和 417.54万元，所述 427.54万元，相差 10万元" in income_total.message


SANGONG_TABLE = """
tables:
  - label: 公开07表
    title: 一般公共预算财政拨款“三公”经费支出决算表
    columns:
      - name: 决算数 / 合计
      - name: 决算数 / 因公出国（境）费
      - name: 决算数 / 公务用车购置及运行费 / 小计
      - name: 决算数 / 公务用车购置及运行费 / 公务用车购置费
      - name: 决算数 / 公务用车购置及运行费 / 公务用车运行费
      - name: 决算数 / 公务接待费
      - name: 决算数 / 会议费
    rows:
      - {{name: “三公”经费, values: [{total}, 0.00, 1.86, 0.00, 1.86, {reception}, 2.00]}}
"""


@pytest.mark.parametrize("total, reception, passed", [
    ("3.18", "1.32", True),    # the three items; 会议费 beside them, not in the 合计
    ("5.18", "1.32", True),    # 会议费 counted in the 合计
    ("3.18", "1.62", False),   # 公务接待费 0.30 more than the 合计 allows
])
def test_a_sangong_tables_total_column_is_the_sum_of_its_items(total, reception, passed):
    """公开07表 with its columns in groups: 决算数 / 合计 is 因公出国（境）费 + the 公务用车 小计 + 公务接待费
    (会议费 either way), and the 小计 is 购置费 + 运行费."""
    from tests.test_checks import results

    found = {r.subject.split("·")[-1]: r for r in results(SANGONG_TABLE.format(total=total, reception=reception),
                                                          "sum.sangong")}
    assert set(found) == {"决算数 / 合计", "决算数 / 公务用车购置及运行费 / 小计"}
    assert found["决算数 / 公务用车购置及运行费 / 小计"].passed is True
    assert found["决算数 / 合计"].passed is passed
    if not passed:
        assert "各分项之和 3.48万元，所述 3.18万元，相差 0.3万元" in found["决算数 / 合计"].message
        assert found["决算数 / 合计"].terms[0].path == "tables[0].rows[0].values[0]"
