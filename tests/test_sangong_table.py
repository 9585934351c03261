"""A 决算 that prints its tables twice, the department's (汇总) and the 局机关's own (本级): each
table keeps the scope its 编制单位 line gives it, and the 三公 the text states is compared with the
department's 三公 table (same.sangong_table)."""

from __future__ import annotations

import pytest

from generator.content.load import parse_report
from generator.importer import draft_text, strip_unplaced


def _grid(*rows: tuple[str, ...]) -> str:
    """A table in the tab layout of a Word export: a line a cell, a blank line after each row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def _sangong_table(scope: str, figures: tuple[str, ...]) -> str:
    return (f"7、财政拨款“三公”经费支出决算表\n公开07表\n编制单位：某县水利局（{scope}）　　金额单位：万元\n"
            + _grid(("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
                    ("合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费",
                     "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"),
                    ("", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费",
                     "公务用车运行费", ""),
                    ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
                    figures))


DEPARTMENT = ("18.00", "0.00", "13.00", "0.00", "13.00", "5.00", "15.54", "0.00", "11.36", "0.00", "11.36", "4.18")
OWN = ("13.00", "0.00", "9.00", "0.00", "9.00", "4.00", "11.68", "0.00", "8.42", "0.00", "8.42", "3.26")


def _report(total: str, operation: str, reception: str) -> str:
    return ("某县水利局2019年部门决算\n三、2019年部门决算收支情况说明\n2、关于“三公”经费支出说明\n"
            f"本部门2019年度“三公”经费财政拨款支出决算{total}万元。其中：因公出国（境）费0万元；公务用车购置费0万元；"
            f"公务用车运行维护费{operation}万元；公务接待费{reception}万元。\n"
            "五、2019年部门决算公开表（汇总及本级）\n（一）某县水利局汇总\n" + _sangong_table("汇总", DEPARTMENT)
            + "（二）某县水利局本级\n" + _sangong_table("本级", OWN))


def test_each_set_of_tables_keeps_the_scope_its_compiler_line_gives():
    report = parse_report(strip_unplaced(draft_text(_report("15.54", "11.36", "4.18"), 2019).yaml))
    assert [(t.label, t.scope) for t in report.tables] == [("公开07表", "汇总"), ("公开07表", "本级")]
    assert [str(v) for v in report.tables[1].rows[0].values][6:] == list(OWN[6:])


def _checked(text: str) -> list:
    from generator.checks.checker import check_report
    from generator.content.load import ReportFile, parse
    from generator.content.model import YearReport

    model, marks, problems = parse(YearReport, strip_unplaced(draft_text(text, 2019).yaml), "t.yaml")
    assert problems == [], problems
    rf = ReportFile(slug="t", year=2019, report=model, path="t.yaml", marks=marks)
    return [r for r in check_report(rf) if r.rule == "same.sangong_table"]


@pytest.mark.parametrize("figures, failed", [
    (("15.54", "11.36", "4.18"), []),  # the text gives the department's, as the 汇总 table does
    # the text gives the 本级 table's: against the department's, the total and two items differ
    (("11.68", "8.42", "3.26"), ["“三公”经费合计", "公务用车运行维护费", "公务接待费"]),
])
def test_the_texts_sangong_is_compared_with_the_departments_table(figures, failed):
    found = _checked(_report(*figures))
    assert found and all("（汇总）" in r.subject for r in found)
    assert [r.subject.split("·")[0] for r in found if r.passed is False] == failed
    for r in found:
        if r.passed is False:
            assert r.terms[1].path.startswith("tables[0].rows[0]")


def test_two_sangong_tables_of_no_stated_scope_are_not_compared():
    """Which of two unscoped 三公 tables is the department's cannot be told: nothing compared."""
    text = _report("11.68", "8.42", "3.26").replace("（汇总）", "").replace("（本级）", "")
    assert _checked(text) == []


def test_a_reports_one_sangong_table_is_compared_with_its_text():
    text = _report("11.68", "8.42", "3.26")
    text = text[:text.index("（二）某县水利局本级")]
    found = _checked(text.replace("（汇总）", ""))
    assert [r.passed for r in found][:1] == [False] and "相差 3.86万元" in found[0].message
