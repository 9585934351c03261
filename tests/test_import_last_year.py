"""A self-evaluation's account of the year's spending against last year's (issue 19): “全年支出较上年的
812.46万元增加45.90万元，增长5.65%” after the budget's account is the execution block's 上年数, change and
rate; and the 上年数 it restates is held against the spending total's (same.execution_total)."""

from __future__ import annotations

import pytest
import yaml

from generator.importer import draft_text
from tests.test_checks import results

HEAD = "澹溪县某局2023年度部门整体支出绩效自评报告\n\n二、部门整体支出情况\n"
BUDGET = "2023年部门年初预算782.60万元，全年预算875.00万元。全年支出858.36万元，预算执行率98.10%。"


def execution(text: str) -> dict:
    tree = yaml.load(draft_text(HEAD + text + "\n", 2023).yaml.split("\nunplaced:")[0], Loader=yaml.BaseLoader)
    return {k: str(v) for k, v in tree["performance"]["budget_execution"].items() if k != "name"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年支出较上年的812.46万元增加45.90万元，增长5.65%，主要是阵地建设支出增加。",
     {"prior": "812.46", "change": "45.90", "change_rate": "5.65%"}),
    ("全年支出比上年减少12.30万元，下降1.41%。", {"change": "-12.30", "change_rate": "-1.41%"}),
    ("本年支出较上年度的870.66万元减少12.30万元。", {"prior": "870.66", "change": "-12.30"}),
])
def test_the_years_spending_against_last_years_goes_with_the_execution_block(sentence, expected):
    got = execution(BUDGET + sentence)
    assert got == {"budget_initial": "782.60", "budget_full": "875.00", "actual": "858.36",
                   "execution_rate": "98.10%", **expected}


def test_without_the_budgets_account_the_comparison_is_not_taken_for_it():
    """A sentence comparing spending with no account of the year's budget before it: whose spending
    is not certain, so nothing goes to the execution block."""
    draft = draft_text(HEAD + "全年支出较上年的812.46万元增加45.90万元，增长5.65%。\n", 2023)
    tree = yaml.load(draft.yaml.split("\nunplaced:")[0], Loader=yaml.BaseLoader)
    assert "budget_execution" not in (tree.get("performance") or {})


TOTALS = """performance:
  budget_execution: {{name: 年度资金总额, actual: 858.36, prior: {said}}}
expenditure:
  - total: {{name: 支出合计, actual: 858.36, prior: 821.46}}
"""


def test_last_years_spending_restated_in_the_text_must_be_the_totals():
    [actual, prior] = results(TOTALS.format(said="812.46"), "same.execution_total")
    assert actual.passed is True and actual.subject == "全年执行数与支出合计"
    assert prior.passed is False and prior.subject == "所述上年支出与支出合计上年数"
    assert prior.message == "自评报告所述上年支出 812.46万元，支出合计上年数 821.46万元，相差 9万元"
    [_, prior] = results(TOTALS.format(said="821.46"), "same.execution_total")
    assert prior.passed is True


SOURCES = """income:
  - total: {{name: 收入合计, actual: 860.42, prior: 818.50, change: 41.92}}
    by_source:
      - {{name: 财政拨款收入, actual: {part}, prior: {before}, change: 42.32}}
"""


def test_one_source_listed_below_its_total_is_not_held_to_the_totals_change():
    """收入合计 860.42 (+41.92) over 财政拨款收入 852.62 (+42.32): the one source is a part mentioned,
    and the others may have fallen; listed as all of it (the same amounts), its change must agree."""
    assert [r.passed for r in results(SOURCES.format(part="852.62", before="810.30"), "sum.change")] == []
    assert [r.passed for r in results(SOURCES.format(part="860.42", before="818.50"), "sum.change")] == [False]
