"""A 决算's text on the year's totals told in parts: “本年收入中：一般公共预算财政拨款收入…；事业收入…”
lists sources of the year's income; the function classes a paragraph on one scope's spending lists
are that scope's."""

from __future__ import annotations

from generator.content.load import parse_report
from generator.importer import draft_text, strip_unplaced


def _draft(text: str, year: int = 2019):
    result = draft_text(text, year)
    return result, parse_report(strip_unplaced(result.yaml))


def test_the_years_income_in_parts_named_after_a_colon_are_its_sources():
    """“本年收入中：一般公共预算财政拨款收入…，占97.02%；事业收入…；其他收入…”: the sources of the
    year's income, their shares of it; not a scope's total with the other sources under it."""
    _, report = _draft("某局2019年部门决算\n三、部门决算收支情况说明\n（1）收入情况。2019年度本年收入合计1667.44万元。"
                       "本年收入中：一般公共预算财政拨款收入1617.74万元，占97.02%；事业收入46.50万元，占2.79%；"
                       "其他收入3.20万元，占0.19%。\n", 2019)
    (income,) = report.income
    assert income.scope == "部门全部资金"
    assert [(s.name, [str(x.value) for x in s.actual.statements]) for s in income.by_source] == [
        ("一般公共预算财政拨款收入", ["1617.74"]), ("事业收入", ["46.50"]), ("其他收入", ["3.20"])]


def test_the_classes_of_a_paragraph_on_one_scopes_spending_are_that_scopes():
    """“（3）财政拨款支出情况。…一般公共预算财政拨款支出1585.14万元…。按支出功能分类，社会保障和就业支出
    （类）139.96万元…”: the classes are of the 一般公共预算财政拨款 spending, not of all the funds'."""
    _, report = _draft("某局2019年部门决算\n三、部门决算收支情况说明\n"
                       "（2）支出情况。2019年度本年支出合计1634.84万元。\n（3）财政拨款支出情况。2019年度一般公共预算财政拨款支出1585.14万元。按支出功能分类，"
                       "社会保障和就业支出（类）139.96万元，农林水支出（类）1445.18万元。\n", 2019)
    spending = {a.scope: a for a in report.expenditure}
    assert not spending["部门全部资金"].by_function
    classes = spending["一般公共预算财政拨款"].by_function
    assert [c.name for c in classes] == ["社会保障和就业支出(类)", "农林水支出(类)"]
