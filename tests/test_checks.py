"""数据核验 rules, each with hand-made cases that pass and fail at the edges of rounding."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.checks import check_content, check_report, findings, prior_report_checks
from generator.content.load import ReportFile, load_content, parse
from generator.content.model import YearReport
from tests.helpers import year_head
from tests.seeds import CONTENT, ROOT


def report(body: str, unit: str = "万元", kind: str = "绩效自评报告", year: int = 2020) -> ReportFile:
    text = year_head(unit, year, kind) + body
    model, marks, problems = parse(YearReport, text, "t.yaml")
    assert problems == [], problems
    return ReportFile(slug="t", year=year, report=model, path="t.yaml", marks=marks)


def results(body: str, rule: str, **kw) -> list:
    return [r for r in check_report(report(body, **kw)) if r.rule == rule]


def verdicts(body: str, rule: str, **kw) -> list:
    return [r.passed for r in results(body, rule, **kw)]


SPENDING = """expenditure:
  - total: {{name: 支出合计, actual: {total}}}
    by_nature:
      - {{name: 基本支出, actual: {a}}}
      - {{name: 项目支出, actual: {b}}}
"""


@pytest.mark.parametrize(("total", "a", "b", "ok"), [
    ("728.4", "180.5", "547.9", True),       # exact
    ("728.41", "180.5", "547.9", True),      # 0.01 off: within three half-cents
    ("728.42", "180.5", "547.9", False),     # 0.02 off: beyond
    ("728.4", "180.5", "548", False),        # 548 is 548.00: trailing zeros are not lost precision
])
def test_breakdown_must_add_up_to_its_total_within_rounding(total, a, b, ok):
    assert verdicts(SPENDING.format(total=total, a=a, b=b), "sum.breakdown") == [ok]


def test_a_wrong_total_is_reported_with_every_figure_and_its_line():
    [result] = results(SPENDING.format(total="730", a="180.5", b="547.9"), "sum.breakdown")
    assert result.passed is False
    assert result.message == "各项之和 728.4万元，所述合计 730万元，相差 1.6万元"
    assert [(t.label, t.stated, t.line) for t in result.terms] == [
        ("合计（决算/执行）", "730万元", 7), ("基本支出（决算/执行）", "180.5万元", 9),
        ("项目支出（决算/执行）", "547.9万元", 10)]


def test_yuan_amounts_compare_to_the_cent():
    body = SPENDING.format(total="6338977.18", a="1991283.82", b="4347693.36")
    assert verdicts(body, "sum.breakdown", unit="元") == [True]
    body = SPENDING.format(total="6338977.20", a="1991283.82", b="4347693.36")
    assert verdicts(body, "sum.breakdown", unit="元") == [False]


SOURCES = """income:
  - total: {{name: 收入总计, actual: 386.45}}
    by_source:
      - {{name: 一般公共预算财政拨款收入, actual: 374.25}}
      - {{name: 财政拨款收入, actual: 374.25}}
      - {{name: 上级补助收入, actual: {other}}}
"""


@pytest.mark.parametrize(("other", "ok"), [("12.20", True), ("13.20", False)])
def test_sources_listing_appropriations_whole_and_one_of_its_kinds_add_the_whole_once(other, ok):
    """A report whose text names 一般公共预算财政拨款收入 and whose table names 财政拨款收入 (the
    same money, and the whole of which the first is a kind): the sources add 财政拨款收入 once."""
    assert verdicts(SOURCES.format(other=other), "sum.breakdown") == [ok]


ITEMS = """income:
  - by_source:
      - name: 专项经费
        budget: {total}{partial}
        items:
          - {{name: 甲, budget: {a}}}
          - {{name: 乙, budget: {b}}}
"""


def test_items_must_add_up_unless_marked_partial():
    assert verdicts(ITEMS.format(total="197.05", a="100", b="91", partial=""), "sum.parts") == [False]
    partial = "\n        items_partial: true"
    assert verdicts(ITEMS.format(total="197.05", a="100", b="91", partial=partial), "sum.parts") == []
    assert verdicts(ITEMS.format(total="150", a="100", b="91", partial=partial), "sum.parts") == [False]


SHARE = """expenditure:
  - total: {{name: 支出合计, actual: 6338977.18}}
    by_nature:
      - {{name: 基本支出, actual: 1991283.82, share: {share}}}
      - {{name: 项目支出, actual: 4347693.36, share: 68.59%}}
"""


@pytest.mark.parametrize(("share", "ok"), [("31.41%", True), ("31.42%", False), ("31.4%", True), ("31%", True),
                                           ("32%", False)])
def test_stated_share_holds_within_its_own_precision(share, ok):
    assert verdicts(SHARE.format(share=share), "rate.share", unit="元")[0] is ok


PROCUREMENT_SHARES = """procurement:
  total: {{actual: 229.20}}
  related:
    - name: 授予中小企业合同金额
      actual: 212.60
      share: {sme}
      share_of: 政府采购支出总额
      items:
        - {{name: 授予小微企业合同金额, actual: 168.30, share: {micro}, share_of: 政府采购支出总额}}
      items_partial: true
"""


@pytest.mark.parametrize(("sme", "micro", "ok"), [("92.76%", "73.43%", [True, True]),
                                                  ("92.76%", "79.16%", [True, False]),
                                                  ("90.00%", "73.43%", [False, True])])
def test_a_share_of_the_procurement_total_is_of_that_total_however_deep_its_line(sme, micro, ok):
    """授予中小企业合同金额…占政府采购支出总额的92.76%，其中：授予小微企业合同金额…占政府采购支出总额的73.43%:
    both of the block's total (the 小微企业 line is listed under the 中小企业 one, not a share of it)."""
    assert verdicts(PROCUREMENT_SHARES.format(sme=sme, micro=micro), "rate.share") == ok


OPERATING_TABLE = """operating_costs:
  total: {{actual: {text}, change: -3.74, change_rate: -5.18%}}
tables:
  - label: 公开12表
    title: 机构运行经费支出、国有资产占用情况及政府采购支出信息表
    columns: [{{name: 数值}}]
    rows:
      - {{name: 一、机构运行经费支出, values: [68.42]}}
      - {{name: 二、国有资产占用情况, values: [~]}}
      - {{name: （一）政府采购支出合计, values: [229.20]}}
"""


@pytest.mark.parametrize(("text", "ok"), [("68.42", True), ("684.20", False)])
def test_the_operating_costs_the_text_states_are_the_row_of_them_a_table_prints(text, ok):
    """十二、机构运行经费支出决算情况说明 against 公开12表's 一、机构运行经费支出 (a point one place off is
    flagged, and so is its change: −3.74 on 684.20 is no −5.18%)."""
    assert verdicts(OPERATING_TABLE.format(text=text), "same.operating_costs_table") == [ok]
    assert verdicts(OPERATING_TABLE.format(text=text), "year.change_rate") == [ok]


SANGONG = """sangong:
  total: {{budget: 20.25, actual: 19.31, variance: 0.94}}
  reception: {{budget: 12.15, actual: 10.33, variance: 1.82, variance_rate: {reception_rate}}}
  vehicle_operation: {{budget: 8.1, actual: 8.98, variance: -0.88, variance_rate: {vehicle_rate}}}
"""


def test_saving_and_overspend_rates():
    body = SANGONG.format(reception_rate="15%", vehicle_rate="-10.9%")
    assert verdicts(body, "rate.variance_rate") == [True, True]
    assert verdicts(body, "rate.variance") == [True, True, True]
    body = SANGONG.format(reception_rate="14%", vehicle_rate="-1.1%")
    assert verdicts(body, "rate.variance_rate") == [False, False]


def test_sangong_total_is_its_sub_items():
    assert verdicts(SANGONG.format(reception_rate="15%", vehicle_rate="-10.9%"), "sum.sangong") == [True, True]
    body = "sangong:\n  total: {budget: 2.09}\n  reception: {budget: 0.95}\n  vehicles: {budget: 1.14}\n" \
           "  vehicle_purchase: {budget: 0}\n  vehicle_operation: {budget: 1.17}\n  overseas: {budget: 0}\n"
    assert verdicts(body, "sum.sangong") == [False, True]  # 公务用车 ≠ 购置 + 运行维护; 合计 holds


def test_a_rate_over_a_zero_base_is_left_unchecked_not_failed():
    body = "sangong:\n  total: {budget: 0, actual: 0, execution_rate: 0%}\n"
    [result] = results(body, "rate.zero_base")
    assert result.passed is None
    assert findings([result]) == []


def test_execution_rate():
    line = "expenditure:\n  - by_nature:\n      - {{name: 项目支出, budget_initial: 667.9, actual: 547.9, execution_rate: {r}}}\n"
    assert verdicts(line.format(r="82%"), "rate.execution") == [True]
    assert verdicts(line.format(r="80%"), "rate.execution") == [False]


BUDGET_EXECUTION = """performance:
  budget_execution:
    name: 年度资金总额
    budget_initial: 70.00
    adjustment: {total}
    budget_full: 100.00
    items:
      - {{name: 县级财政资金, budget_initial: 60.00, adjustment: {part}, budget_full: 40.00}}
"""


@pytest.mark.parametrize(("total", "part", "ok"), [
    ("30.00", "-20.00", [True, True]),       # 70 + 30 = 100; 60 − 20 = 40
    ("30.01", "-20.00", [True, True]),       # 0.01 off: within the three figures' half-cents
    ("30.02", "-20.00", [False, True]),      # 0.02 off: beyond
    ("30.00", "20.00", [True, True]),        # a cut printed without its sign (shown in red): agrees as a cut
    ("30.00", "10.00", [True, False]),       # neither an addition nor a cut of what the row states
])
def test_the_initial_budget_and_its_adjustment_make_the_full_years_budget(total, part, ok):
    assert verdicts(BUDGET_EXECUTION.format(total=total, part=part), "sum.adjustment") == ok


def test_an_adjustment_that_does_not_add_up_names_its_three_figures():
    [result, _] = results(BUDGET_EXECUTION.format(total="32.00", part="-20.00"), "sum.adjustment")
    assert result.passed is False
    assert result.message == "所述 32万元，全年预算数减年初预算数为 30万元，相差 2万元"
    assert [t.stated for t in result.terms] == ["32.00万元", "70.00万元", "100.00万元"]
    [_, cut] = results(BUDGET_EXECUTION.format(total="30.00", part="20.00"), "sum.adjustment")
    assert cut.passed is True and "未标负号" in cut.message


def test_no_adjustment_check_without_all_three_figures():
    body = "performance:\n  budget_execution: {name: 年度资金总额, budget_initial: 70, adjustment: 30, actual: 99}\n"
    assert verdicts(body, "sum.adjustment") == []


@pytest.mark.parametrize(("rate", "ok"), [("65.98%", True), ("65.97%", False), ("65.99%", False), ("66%", True),
                                         ("65%", False), ("66.0%", True)])
def test_a_projects_arrival_rate_is_what_arrived_of_its_budget(rate, ok):
    """隆阳's project: 6,589,070 元 budgeted, 4,347,693.36 元 arrived, 资金到位率 65.98% (65.9827…%),
    true to the places it is stated to and no further."""
    body = ("projects:\n  - name: 项目支出\n    items:\n      - {{name: 运行经费, budget: 6589070, "
            "arrived: 4347693.36, arrival_rate: {rate}}}\n").format(rate=rate)
    assert verdicts(body, "rate.arrival", unit="元") == [ok]


PROJECT_SOURCES = """projects:
  - name: 项目支出
    items:
      - name: 高标准农田建设项目
        budget: 1800.00
        arrived: 1776.00
        by_source:
          - {{name: 中央财政资金, budget: 1080.00, arrived: 1080.00}}
          - {{name: 省级财政资金, budget: 360.00, arrived: 360.00}}
          - {{name: 县级财政资金, budget: {county}, arrived: {county_arrived}, arrival_rate: {county_rate}}}
"""


def test_a_projects_sources_add_up_to_its_money_at_every_stage_arrivals_included():
    body = PROJECT_SOURCES.format(county="360.00", county_arrived="336.00", county_rate="93.33%")
    assert [(r.subject, r.passed) for r in results(body, "sum.parts")] == [
        ("项目支出·高标准农田建设项目（按资金来源）：预算", True),
        ("项目支出·高标准农田建设项目（按资金来源）：资金到位数", True)]
    assert verdicts(body, "rate.arrival") == [True]


def test_a_level_that_does_not_add_up_to_the_projects_money_is_flagged():
    body = PROJECT_SOURCES.format(county="240.00", county_arrived="216.00", county_rate="90.00%")
    [budget, arrived] = results(body, "sum.parts")
    assert (budget.passed, arrived.passed) == (False, False)
    assert budget.message == "各项之和 1680万元，所述合计 1800万元，相差 120万元"
    assert verdicts(PROJECT_SOURCES.format(county="360.00", county_arrived="336.00", county_rate="90.00%"),
                    "rate.arrival") == [False]  # the level's own rate, against its own figures


@pytest.mark.parametrize(("rate", "variance", "ok"), [
    ("96.41%", "13.36", True),    # 358.64 of the 372.00 received, 13.36 of them unspent (实际支出/到位资金)
    ("94.38%", "21.36", True),    # of the 380.00 budgeted
    ("95.00%", "15.00", False),   # of neither
])
def test_a_projects_execution_rate_and_balance_may_be_taken_on_the_funds_received(rate, variance, ok):
    body = ("projects:\n  - name: 项目支出\n    items:\n      - {name: 耕地保护与质量提升项目, budget: 380.00, "
            f"arrived: 372.00, actual: 358.64, execution_rate: {rate}, variance: {variance}}}\n")
    assert verdicts(body, "rate.execution") == [ok]
    assert verdicts(body, "rate.variance") == [ok]


YOY = """expenditure:
  - total: {{name: 支出合计, actual: 6338977.18, change: {change}, change_rate: {rate}{prior}}}
"""


def test_year_on_year_change_and_rate_without_a_stated_prior():
    assert verdicts(YOY.format(change="900610.82", rate="16.56%", prior=""), "year.change_rate", unit="元") == [True]
    assert verdicts(YOY.format(change="900610.82", rate="16.65%", prior=""), "year.change_rate", unit="元") == [False]


def test_year_on_year_change_against_a_stated_prior():
    body = YOY.format(change="900610.82", rate="16.56%", prior=", prior: 5438366.36")
    assert verdicts(body, "year.change", unit="元") == [True]
    body = YOY.format(change="900610.80", rate="16.56%", prior=", prior: 5438366.36")
    assert verdicts(body, "year.change", unit="元") == [False]


def test_stated_reasons_must_add_up_to_the_change():
    body = "income:\n  - total:\n      name: 收入合计\n      change: 930064.67\n      change_reasons:\n" \
           "        - {name: 基本支出, change: -87628.69}\n        - {name: 项目经费, change: 1017693.36}\n"
    assert verdicts(body, "sum.reasons", unit="元") == [True]
    assert verdicts(body.replace("1017693.36", "1017693.46"), "sum.reasons", unit="元") == [False]


def test_a_figure_stated_twice_must_agree():
    body = ("expenditure:\n  - total:\n      name: 合计\n      actual:\n        - {value: 405.16, at: 正文}\n"
            "        - {value: 405.16, at: 附表}\n")
    assert verdicts(body, "same.restated") == [True]
    [result] = results(body.replace("405.16, at: 附表", "405.61, at: 附表"), "same.restated")
    assert result.passed is False
    assert result.message == "各处所述不同：405.16万元（正文）、405.61万元（附表）"
    assert [t.line for t in result.terms] == [10, 11]


PERF = """performance:
  score: {score}
  grade: {grade}
  weights:
    - {{name: 产出指标, weight: {w1}}}
  budget_execution: {{budget_full: 100, actual: 100, execution_rate: 100%, weight: 10, score: 10}}
  indicators_weight: 90
  total_weight: 100
  indicators:
    - {{level1: 产出指标, name: 甲, target: "30", actual: "50", weight: 50, score: 50}}
    - {{level1: 效益指标, name: 乙, target: 稳步提升, actual: 稳步提升, weight: 30, score: {s2}}}
    - {{level1: 满意度指标, name: 丙, target: 98.5%, actual: 98.35%, weight: 10, score: 9{dev}}}
"""


def perf(score="99", grade="优秀", w1="50", s2="30", dev=""):
    return PERF.format(score=score, grade=grade, w1=w1, s2=s2, dev=dev)


def test_performance_table_totals():
    assert verdicts(perf(), "perf.score_total") == [True]
    assert verdicts(perf(score="98"), "perf.score_total") == [False]
    assert verdicts(perf(), "perf.weight_total") == [True, True]
    assert verdicts(perf(), "perf.level1_weight") == [True]
    assert verdicts(perf(w1="40"), "perf.level1_weight") == [False]


PARTS = """performance:
  score: {score}
  total_weight: 100
  parts:
    - {{name: 部门整体支出绩效评价共性指标自评表（表1）, weight: 30, score: {s1}}}
    - {{name: 部门整体支出绩效评价个性指标自评表（表2）, weight: 70, score: 68.74}}
"""


def test_the_totals_of_a_forms_tables_make_its_whole():
    """A form printed as a 共性指标 table and a 个性指标 table, each with its 合计: each table's score
    is within its weight, and the tables' 合计 add up to the whole's score and 总分值."""
    assert verdicts(PARTS.format(score="97.24", s1="28.5"), "perf.score_total") == [True]
    assert verdicts(PARTS.format(score="97.24", s1="28.5"), "perf.weight_total") == [True]
    assert verdicts(PARTS.format(score="97.24", s1="28.5"), "perf.score_within_weight") == [True, True]
    assert verdicts(PARTS.format(score="96.24", s1="28.5"), "perf.score_total") == [False]
    assert verdicts(PARTS.format(score="99.24", s1="30.5"), "perf.score_within_weight") == [False, True]


FRAMED = """project_performance:
  - name: 平台升级改造项目
    score: {score}
    weights:
      - {{name: 预算执行率, score: 9.03}}
      - {{name: 产出指标, score: 46}}
      - {{name: 效益指标, score: 28.5}}
      - {{name: {last}, score: 9.5}}
"""


def test_the_scores_of_the_frames_four_levels_add_up_to_the_total_though_their_points_are_unstated():
    """A project's 预算执行率, 产出, 效益 and 满意度 scores with no 分值: the 10号 frame's four levels
    are all of them, so they add up to the total (37's “一网通办” project, 93.03 said as 94.03);
    levels by other names may be only some of them, and are not added up."""
    assert verdicts(FRAMED.format(score="93.03", last="满意度指标"), "perf.score_total") == [True]
    assert verdicts(FRAMED.format(score="94.03", last="满意度指标"), "perf.score_total") == [False]
    assert verdicts(FRAMED.format(score="93.05", last="满意度指标"), "perf.score_total") == [True]  # rounding
    assert verdicts(FRAMED.format(score="94.03", last="社会效益指标"), "perf.score_total") == []


RESCALED = """project_performance:
  - name: 科技成果转化项目
    kind: 项目支出
    score: {score}
    grade: {grade}
    total_weight: 100
    {rule}
    indicators:
      - {{level1: 项目管理, name: 项目预算执行率, target: ≥95%, actual: 94.57%, weight: 20, score: 19.91}}
      - {{level1: 项目产出, name: 技术培训农民, target: ≥1200人次, actual: 1086人次, weight: 45, score: 40.73}}
      - {{level1: 项目效益, name: 化肥使用量减少, target: —, actual: —, weight: 5, not_applicable: true}}
      - {{level1: 服务对象满意度, name: 示范户满意度, target: ≥90%, actual: 88.6%, weight: 30, score: 29.53}}
"""


@pytest.mark.parametrize("score, grade, rule, ok", [
    ("94.92", "优", "rescaled: true", True),    # 90.17 ÷ 95 × 100 = 94.916
    ("94.91", "优", "rescaled: true", True),    # within the parts' rounding
    ("90.17", "优", "rescaled: true", False),   # the plain sum, though the report says it rescales
    ("90.17", "优", "", None),                  # no rule stated: the report's own sum is not judged
])
def test_a_total_rescaled_to_100_where_an_indicator_does_not_apply(score, grade, rule, ok):
    """An indicator marked 不适用 is not scored; where the report says the applicable scores are
    rescaled to 100 (折算为百分制), the total is their sum over the applicable 分值 × 100."""
    body = RESCALED.format(score=score, grade=grade, rule=rule)
    assert verdicts(body, "perf.rescaled_total") == ([] if ok is None else [ok])
    assert verdicts(body, "perf.score_total") == []  # not the plain sum of every row
    assert verdicts(body, "perf.weight_total") == [True]  # the 分值 of the one not applying still count


def test_a_plain_sum_graded_by_its_bands_is_told_the_grade_of_the_rescaled_total():
    [result] = results(RESCALED.format(score="85.00", grade="良", rule="rescaled: true").replace(
        "score: 29.53", "score: 24.36"), "perf.rescaled_total")
    assert result.passed is False
    assert result.message == ("有不适用的指标，报告说明按百分制折算：适用指标得分 85 ÷ 适用分值 95 × 100 = 89.47 分，"
                              "所述总得分 85 分；按折算后的得分，等级应为“良”")
    [result] = results(RESCALED.format(score="90.17", grade="优", rule="rescaled: true"), "perf.rescaled_total")
    assert result.message.endswith("所述总得分 90.17 分；按折算后的得分，等级应为“优”")
    assert verdicts(RESCALED.format(score="90.17", grade="优", rule="rescaled: true"), "perf.grade") == [True]


LEVEL2 = """performance:
  weights:
    - {name: 执行, weight: 35, items: [{name: 预算执行, weight: 18}, {name: 资产管理, weight: {assets}}]}
  indicators:
    - {level1: 执行, level2: 预算执行, name: 预算执行率, weight: 10, score: 10}
    - {level1: 执行, level2: 预算执行, name: 结转结余率, weight: 8, score: 8}
    - {level1: 执行, level2: 资产管理, name: 资产管理制度健全性, weight: 2, score: 2}
    - {level1: 执行, level2: 资产管理, name: 资产管理安全性, weight: 3, score: 3}
    - {level1: 执行, level2: 资产管理, name: 固定资产利用率, weight: 3, score: 3}
"""


def test_a_second_level_weight_is_the_sum_of_its_indicators_weights():
    """A 二级指标 whose 分值 its name carries (资产管理（10分）) against its 三级指标's 分值 (2 + 3 + 3):
    the 一级 total may still hold while the 二级 does not."""
    assert verdicts(LEVEL2.replace("{assets}", "17"), "perf.level1_weight") == [False]
    assert verdicts(LEVEL2.replace("{assets}", "8"), "perf.level2_weight") == [True, True]
    [first, second] = results(LEVEL2.replace("{assets}", "10"), "perf.level2_weight")
    assert first.passed and not second.passed and "资产管理" in second.subject
    assert results(LEVEL2.replace("{assets}", "10"), "perf.level2_weight")[1].severity == "error"


SCORE_RATE = """performance:
  score: 86.5
  score_rate: {total}
  total_weight: 100
  weights:
    - {{name: 决策, weight: 15, score: 12.5, score_rate: {rate}}}
"""


def test_a_stated_score_rate_is_the_score_over_its_weight():
    """得分率 as a report states it (决策 12.5 of 15: 83.33%; the total 86.5 of 100: 86.50%), to its
    last place written."""
    assert verdicts(SCORE_RATE.format(rate="83.33%", total="86.50%"), "rate.score_rate") == [True, True]
    assert verdicts(SCORE_RATE.format(rate="83.3%", total="86.5%"), "rate.score_rate") == [True, True]
    assert verdicts(SCORE_RATE.format(rate="85.33%", total="86.50%"), "rate.score_rate") == [False, True]
    assert verdicts(SCORE_RATE.format(rate="83.33%", total="85.60%"), "rate.score_rate") == [True, False]


def test_an_indicator_s_score_coefficient_is_its_score_over_its_weight():
    """The Chongqing form's 得分系数（%）: 4.84 of 6 is 80.65%, not 86.65%."""
    body = """performance:
  indicators:
    - {{level1: 过程, name: 结转结余率, target: ≤5%, target_initial: ≤5%, actual: 6.2%, weight: 6, score: 4.84,
       score_rate: {rate}}}
"""
    assert verdicts(body.format(rate="80.65%"), "rate.score_rate") == [True]
    assert verdicts(body.format(rate="86.65%"), "rate.score_rate") == [False]


def test_score_may_not_exceed_weight():
    assert verdicts(perf(s2="31", score="100"), "perf.score_within_weight") == [True, False, True]


def test_weights_are_compared_with_the_standard_of_2020_10():
    assert verdicts(perf(), "perf.standard_weights") == [True]
    [result] = results(perf(w1="40"), "perf.standard_weights")
    assert result.passed is False and result.severity == "warning"


@pytest.mark.parametrize(("score", "grade", "ok"), [("99", "优秀", True), ("90", "优", True), ("89.5", "优秀", False),
                                                    ("85", "良好", True), ("59", "中", False)])
def test_grade_follows_the_standard_score_bands(score, grade, ok):
    assert verdicts(perf(score=score, grade=grade), "perf.grade") == [ok]


def test_grade_follows_the_report_own_bands_where_stated():
    body = perf(score="75", grade="较差") + "  grade_bands:\n    - {grade: 优秀, min: 90}\n" \
        "    - {grade: 良好, min: 80, max: 90}\n    - {grade: 较差, min: 60, max: 80}\n    - {grade: 差, max: 60}\n"
    assert verdicts(body, "perf.grade") == [True]
    assert verdicts(body.replace("grade: 较差\n", "grade: 良好\n", 1), "perf.grade") == [False]


def test_a_target_not_met_needs_a_reason():
    assert verdicts(perf(), "perf.deviation") == [False]
    assert verdicts(perf(dev=", deviation: 群众对热线回访时效要求提高"), "perf.deviation") == [True]


@pytest.mark.parametrize("target, actual, score, ok", [
    ("≥59种", "50种", "10", False),      # changed to miss its target, left at full marks
    ("≥59种", "50种", "8.47", True),     # scored in proportion
    ("≥59种", "59种", "10", None),       # met: nothing to say
    ("≤3年", "4年", "10", False),        # a ceiling overrun
    ("100%", "99.99%", "10", False),     # missed by the last digit
    ("稳步提升", "稳步提升", "10", None),  # qualitative, met
    ("健全完善", "基本完善", "10", False),  # qualitative, only partly met, full marks
    ("健全完善", "基本完善", "8.5", True),
    ("达成年度指标", "部分达成", "10", False),
    ("基本完成", "基本完成", "10", None),   # the target itself says 基本
])
def test_full_marks_on_a_missed_target_are_an_error(target, actual, score, ok):
    body = ("performance:\n  indicators:\n"
            f"    - {{level1: 产出指标, name: 种类, target: \"{target}\", actual: \"{actual}\", weight: 10, score: {score}}}\n")
    assert verdicts(body, "perf.full_marks_missed") == ([] if ok is None else [ok])


@pytest.mark.parametrize("rate, score, ok", [
    ("86.58%", "8.66", True),   # 86.58% × 10 = 8.658: 8.66 within its own rounding
    ("86.58%", "8.67", False),
    ("86.58%", "10", False),    # full marks for 86.58%
    ("100.00%", "10", True),
    ("103.2%", "10", True),     # over 100%: at most the 分值
])
def test_the_execution_score_is_the_rate_times_the_weight(rate, score, ok):
    body = f"performance:\n  budget_execution: {{name: 年度资金总额, execution_rate: {rate}, weight: 10, score: {score}}}\n"
    assert verdicts(body, "perf.execution_score") == [ok]


@pytest.mark.parametrize("score, weight, ok", [
    ("100", "", False),        # 65.98% executed, full marks: at most 100 - 0.3402 × 10 = 96.6
    ("96.6", "", True),
    ("96.61", "", False),
    ("98", "weight: 5, ", True),   # a 5-point execution weight allows 98.3
])
def test_a_total_score_cannot_exceed_what_the_execution_allows(score, weight, ok):
    body = (f"project_performance:\n  - kind: 项目支出\n    name: 运行经费\n    score: {score}\n"
            f"    budget_execution: {{{weight}budget: 6589070, actual: 4347693.36}}\n")
    assert verdicts(body, "perf.score_vs_execution", unit="元") == [ok]


def test_final_accounts_disclose_sangong_in_their_published_table_too():
    """A 决算公开表 of the nine tables alone: its 公开07表 discloses the 三公 and, its columns naming
    them, their parts, though no narrative states them."""
    body = ("tables:\n  - label: 公开07表\n    title: 一般公共预算财政拨款“三公”经费支出决算表\n    columns:\n"
            "      - name: 决算数 / 合计\n      - name: 决算数 / 因公出国（境）费\n"
            "      - name: 决算数 / 公务用车购置及运行费\n      - name: 决算数 / 公务接待费\n"
            "    rows:\n      - name: “三公”经费\n        values: [50.12, 0.00, 46.26, 3.86]\n")
    found = {r.subject: r.passed for r in results(body, "complete.final_accounts", kind="部门决算")}
    assert found["部门决算公开：“三公”经费"] is True
    assert found["部门决算公开：“三公”经费分项（因公出国（境）、公务用车、公务接待）"] is True
    assert found["部门决算公开：机关运行经费"] is False


def test_final_accounts_must_disclose_the_required_parts():
    body = "sangong:\n  total: {actual: 0}\n  statement: 本单位无“三公”经费。\n"
    found = {r.subject: r.passed for r in results(body, "complete.final_accounts", kind="部门决算")}
    assert found["部门决算公开：“三公”经费"] is True
    assert found["部门决算公开：机关运行经费"] is False
    assert found["部门决算公开：政府采购"] is False
    assert verdicts(body, "complete.final_accounts", kind="绩效自评报告") == []
    assert verdicts(body, "complete.empty_statement", kind="部门决算") == [True]


def test_staff_counts():
    body = "staffing:\n  authorized: 16\n  authorized_items:\n    - {name: 行政编制, count: 6}\n" \
           "    - {name: 事业编制, count: 10}\n  actual_end: 12\n  actual_items:\n    - {name: 编外, count: 17}\n"
    assert verdicts(body, "sum.staff") == [True]
    assert verdicts(body.replace("count: 10", "count: 9"), "sum.staff") == [False]
    assert verdicts(body, "sum.staff_part") == [False]


@pytest.mark.parametrize("change, rate, ok", [
    ("-63.7", "-11.82%", [True, True]),     # as the two reports have it
    ("63.7", "11.82%", [False, False]),     # stated as an increase: the files say it fell
    ("-63.7", "-1.18%", [True, False]),     # a rate a decimal place off
    ("-63.69", "-11.8%", [True, True]),     # within the rounding of what is stated (amounts to the cent)
])
def test_a_stated_change_is_checked_against_last_years_report(change, rate, ok):
    last = report("sangong:\n  total: {actual: 538.9}\n", year=2022)
    this = report(f"sangong:\n  total: {{actual: 475.2, change: {change}, change_rate: {rate}}}\n", year=2023)
    found = [r.passed for r in prior_report_checks(this, last) if r.rule == "year.change_reports"]
    assert found == ok


def test_an_amount_a_thousand_times_last_years_is_flagged_as_a_unit_slip():
    last = report("expenditure:\n  - total: {name: 支出合计, actual: 4007.72}\n", year=2022)  # 万元
    slipped = report("expenditure:\n  - total: {name: 支出合计, actual: 40077248.44}\n", year=2023)  # 元 written as 万元
    assert [r.passed for r in prior_report_checks(slipped, last) if r.rule == "year.scale"] == [False]
    grown = report("expenditure:\n  - total: {name: 支出合计, actual: 40077.25}\n", year=2023)  # tenfold: a real change
    assert [r for r in prior_report_checks(grown, last) if r.rule == "year.scale"] == []


def test_prior_year_figures_agree_with_the_prior_year_report():
    last = report("expenditure:\n  - total: {name: 支出合计, actual: 5438366.36}\n", unit="元", year=2019)
    this = report("expenditure:\n  - total: {name: 支出合计, actual: 6338977.18, prior: 5438366.36}\n", unit="元")
    [result] = prior_report_checks(this, last)
    assert result.passed is True
    wrong = report("expenditure:\n  - total: {name: 支出合计, actual: 6338977.18, prior: 5438366.63}\n", unit="元")
    [result] = prior_report_checks(wrong, last)
    assert result.passed is False
    assert result.terms[1].label == "2019年报告决算/执行数"


CHANGES = """expenditure:
  - total: {{name: 支出合计, actual: 728.4, change: {total}}}
    by_nature:
      - {{name: 基本支出, actual: 180.5, change: {a}}}
      - {{name: 项目支出, actual: 547.9{b}}}
"""


@pytest.mark.parametrize(("total", "a", "b", "ok"), [
    ("-12.3", "-20.5", ", change: 8.2", True),      # a fall and a rise that add up to the total's change
    ("-12.31", "-20.5", ", change: 8.2", True),     # 0.01 off: within three half-cents
    ("-12.32", "-20.5", ", change: 8.2", False),    # 0.02 off: beyond
    ("12.3", "-20.5", ", change: 8.2", False),      # the sign of the total's change is wrong
])
def test_the_parts_changes_must_add_up_to_the_totals_change(total, a, b, ok):
    assert verdicts(CHANGES.format(total=total, a=a, b=b), "sum.change") == [ok]
    # the stages are compared under their own rule as before, the change only under sum.change
    assert verdicts(CHANGES.format(total=total, a=a, b=b), "sum.breakdown") == [True]


def test_a_change_that_does_not_add_up_names_every_change_with_its_file_and_line():
    [result] = results(CHANGES.format(total="-10", a="-20.5", b=", change: 8.2"), "sum.change")
    assert result.passed is False and result.severity == "error"
    assert result.subject == "支出（部门全部资金）按支出性质：增减额"
    assert result.message == "各项增减额之和 -12.3万元，所述合计的增减额 -10万元，相差 2.3万元"
    assert result.file == "t.yaml" and result.line == 7
    assert [(t.label, t.stated, t.line, t.path) for t in result.terms] == [
        ("合计（增减额）", "-10万元", 7, "expenditure[0].total.change"),
        ("基本支出（增减额）", "-20.5万元", 9, "expenditure[0].by_nature[0].change"),
        ("项目支出（增减额）", "8.2万元", 10, "expenditure[0].by_nature[1].change")]


def test_no_change_sum_where_a_part_or_the_total_states_no_change():
    # a part without its change: the others' sum, which may be more or less than the total's, says nothing
    assert verdicts(CHANGES.format(total="-10", a="-20.5", b=""), "sum.change") == []
    assert verdicts(CHANGES.format(total="100", a="-20.5", b=""), "sum.change") == []
    no_total = "expenditure:\n  - by_nature:\n      - {name: 基本支出, change: -1}\n      - {name: 项目支出, change: 2}\n"
    assert verdicts(no_total, "sum.change") == []
    # 其中 items are some of the total: their changes need not add up to its change
    partial = """income:
  - by_source:
      - name: 专项经费
        budget: 200
        change: 5
        items_partial: true
        items:
          - {name: 甲, budget: 100, change: 9}
          - {name: 乙, budget: 91, change: 1}
"""
    assert verdicts(partial, "sum.change") == []
    assert verdicts(partial.replace("        items_partial: true\n", ""), "sum.change") == [False]


def test_sangong_and_block_changes_add_up():
    body = """sangong:
  total: {actual: 10, change: -3}
  overseas: {actual: 0, change: 0}
  vehicles: {actual: 6, change: -1}
  reception: {actual: 4, change: -2}
operating_costs:
  total: {actual: 30, change: 5}
  items:
    - {name: 办公费, actual: 10, change: 2}
    - {name: 劳务费, actual: 20, change: 2}
"""
    found = {r.subject: r.passed for r in results(body, "sum.change")}
    assert found == {"“三公”经费：增减额": True, "机关运行经费：增减额": False}


def test_the_change_reasons_keep_their_own_rule():
    body = """expenditure:
  - total: {name: 支出合计, actual: 100, change: 10}
    by_nature:
      - name: 项目支出
        actual: 100
        change: 10
        change_reasons:
          - {name: 新增项目, change: 12}
          - {name: 项目完成, change: -2}
"""
    assert verdicts(body, "sum.reasons") == [True]
    assert verdicts(body, "sum.change") == [True]


def _imports(package: Path, module: str) -> tuple[set[str], set[str]]:
    """What `module` (dotted, within `package`: "checks", "content.model") imports, directly or
    through the package's other modules: those modules, and the top-level names of the packages
    from outside."""
    import ast

    def file_of(name: str) -> Path | None:
        path = package.joinpath(*name.split("."))
        return next((f for f in (path.with_suffix(".py"), path / "__init__.py") if f.is_file()), None)

    inside: set[str] = set()
    outside: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in inside:
            continue
        inside.add(name)
        source = file_of(name)
        here = name.split(".") if source.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = ".".join([*here[: len(here) - node.level + 1], *filter(None, [node.module])])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "generator":
                base = node.module.removeprefix("generator").lstrip(".")
            elif isinstance(node, ast.ImportFrom):
                outside.add((node.module or "").split(".")[0])
                continue
            elif isinstance(node, ast.Import):
                todo += [a.name.removeprefix("generator.") for a in node.names if a.name.startswith("generator.")]
                outside |= {a.name.split(".")[0] for a in node.names if a.name.split(".")[0] != "generator"}
                continue
            else:
                continue
            # `from X import y`: X, and y when it is a module of X
            for target in [base, *(f"{base}.{a.name}".lstrip(".") for a in node.names)]:
                if target and file_of(target) is not None:
                    todo.append(target)
    return inside - {module}, outside


def test_checks_import_no_presentation_code():
    """The checks work on the content model: the site's views, page formatting, charts and pages,
    the outputs rendered from them, and the templates are not theirs."""
    inside, outside = _imports(ROOT / "generator", "checks")
    assert {"checks.checker", "checks.results", "checks.paths", "content.labels", "content.model", "content.figures",
            "content.numbers"} <= inside
    presentation = sorted(name for name in inside if name.split(".")[0] in ("site", "outputs", "templates"))
    assert not presentation, presentation
    assert not outside & {"jinja2", "markupsafe", "plotly"}, sorted(outside)


# --- the seeds -------------------------------------------------------------------------------------

#: Every real discrepancy in the five seed reports, verified against their source text
#: (`<year>.source.txt` beside each year file), which each is quoted from.
SEED_FINDINGS = {
    # 2016 第69行：“（3）专项经费197.05万元，具体是：政务公开检查运行经费5万元、宣传印刷5万元及《政府公报》
    # 编辑5万元；……门户网站维护18万元。”：所列十三项相加为191万元
    ("junshan-zwfwzx", "sum.parts", "收入（部门全部资金）·财政预算·专项经费：预算"),
    # 2016 第96行：“公务用车运行维护费预算8.1万元，实际使用8.98万元，超支0.88万元，超支率1.1%”：
    # 0.88 ÷ 8.1 = 10.86%
    ("junshan-zwfwzx", "rate.variance_rate", "公务用车运行维护费结余（超支）率"),
    # 2023 自评表 年度资金总额：全年执行数“940.47”，其下“按收入性质分：940.47”“按支出性质分：942.94”
    ("suining-xzspfwj", "same.execution_total", "全年执行数与支出合计"),
    # 2023 自评表：“12345群众满意度 | 98.5% | 98.35% | 5 | 4”，偏差原因一栏空白
    ("suining-xzspfwj", "perf.deviation", "部门整体支出绩效自评·12345群众满意度"),
    # 2020 第5行：“在职人数12人,其中:在岗人数12人；政府雇员0人；专业技术人员0人；编外长期聘用人员17人”
    ("tianxin-xzspfwj", "sum.staff_part", "年末实有在职人数·编外长期聘用人员"),
    # 2020 第58行：“共涉及资金818.40万元，占一般公共预算项目支出总额的100%”，而项目支出预算667.9万元、
    # 决算547.9万元
    ("zhongfang-zwfwzx", "same.evaluated_share", "自评涉及资金占项目支出的比例"),
    # 第四部分 四（一）：“安排…项目经费6589070元，于2020年12月到位4347693.36元，资金到位率65.98%”，
    # “共计4347693.36元于2020年12月31日前基本执行完毕”，而 6.“自评得分100分”
    ("longyang-zwfwglj", "perf.score_vs_execution", "项目支出绩效自评（2020年政务中心公共资源交易中心运行经费）总得分"),
}


def test_the_seeds_give_exactly_their_real_discrepancies():
    by_report = check_content(load_content(CONTENT))
    found = {(r.slug, r.rule, r.subject) for rs in by_report.values() for r in findings(rs)}
    assert found == SEED_FINDINGS


def test_the_seeds_stated_changes_add_up():
    """Only 龙阳 2020 states the change of every part of a total; each of those sums holds."""
    by_report = check_content(load_content(CONTENT))
    found = {(slug, r.subject): r.passed for (slug, _), rs in by_report.items() for r in rs if r.rule == "sum.change"}
    assert found == {
        ("longyang-zwfwglj", "支出（部门全部资金）·基本支出：增减额"): True,
        ("longyang-zwfwglj", "支出（一般公共预算财政拨款）按支出性质：增减额"): True,
        ("longyang-zwfwglj", "支出（一般公共预算财政拨款）·基本支出：增减额"): True,
        ("longyang-zwfwglj", "机关运行经费：增减额"): True,
    }


def test_check_strict_passes_explained_findings_and_fails_unexplained_ones(tmp_path):
    """The seeds' real discrepancies each carry an explanation (they are in the source text):
    `check --strict` passes them and lists them with it. Take one explanation away and strict
    fails (exit 3) on that finding alone; an explanation naming no finding is itself a warning."""
    import shutil

    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--json", "--strict"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    report_json = json.loads(run.stdout)
    assert len(report_json["findings"]) == len(SEED_FINDINGS)
    assert all(f["explanation"] and f["explanation"]["by"] == "网站内容审核" for f in report_json["findings"])
    first = report_json["findings"][0]
    assert first["file"].startswith("content/departments/") and first["line"] > 1
    plain = subprocess.run([sys.executable, str(ROOT / "build.py"), "check"], capture_output=True, text=True)
    assert plain.returncode == 0
    assert "content/departments/junshan-zwfwzx/2016.yaml:65" in plain.stdout and "单位说明（网站内容审核" in plain.stdout

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    year = content / "departments" / "tianxin-xzspfwj" / "2020.yaml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("  - rule: sum.staff_part\n", "  - rule: sum.staff\n")  # names a check that passed
    year.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--json", "--strict", "--content",
                          str(content)], capture_output=True, text=True)
    assert run.returncode == 3
    unexplained = [(f["rule"], f["department"]) for f in json.loads(run.stdout)["findings"] if not f["explanation"]]
    assert sorted(unexplained) == [("explain.unused", "tianxin-xzspfwj"), ("sum.staff_part", "tianxin-xzspfwj")]
    stale = next(f for f in json.loads(run.stdout)["findings"] if f["rule"] == "explain.unused")
    assert stale["line"] == text.splitlines().index("  - rule: sum.staff") + 1


@pytest.mark.parametrize("approved, published, ok", [
    ("2024-08-01", "2024-08-21", True),    # the 20th day
    ("2024-08-01", "2024-08-22", False),
    (None, "2024-08-22", None),            # no approval date stated: nothing to check
])
def test_a_report_is_published_within_20_days_of_its_approval(approved, published, ok):
    text = (f"year: 2023\nunit: 万元\ndocuments:\n  - {{kind: 部门决算, title: 某局2023年度部门决算, "
            f"published: {published}" + (f", approved: {approved}" if approved else "") + "}\n")
    model, marks, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    found = [r for r in check_report(ReportFile(slug="t", year=2023, report=model, path="t.yaml", marks=marks))
             if r.rule == "publish.timeliness"]
    assert [r.passed for r in found] == ([] if ok is None else [ok])
    if found:
        assert found[0].line == 4 and "相隔" in found[0].message


EVALUATED = """expenditure:
  - total: {{name: 支出合计, actual: 1030.93}}
    by_nature:
      - {{name: 基本支出, actual: 772.43}}
      - {{name: 项目支出, actual: 258.50}}
{scoped}performance:
  evaluated_funds: 231.10
  evaluated_funds_share: {share}
"""
GENERAL_BUDGET = """  - scope: 一般公共预算财政拨款
    total: {name: 一般公共预算财政拨款支出, actual: 939.33}
    by_nature:
      - {name: 基本支出, actual: 708.23}
"""


@pytest.mark.parametrize(("scoped", "share", "ok"), [
    (GENERAL_BUDGET, "100%", True),    # of 一般公共预算项目支出: its spending less its 基本支出 (231.10)
    (GENERAL_BUDGET, "89.4%", True),   # of the department's 项目支出
    (GENERAL_BUDGET, "95%", False),    # of neither
    ("", "100%", False),               # the scope's 项目支出 not stated: only the department's to compare
], ids=["general-budget", "department", "neither", "unscoped"])
def test_the_evaluated_share_may_be_of_the_general_budgets_project_spending(scoped, share, ok):
    assert verdicts(EVALUATED.format(scoped=scoped, share=share), "same.evaluated_share", kind="部门决算") == [ok]


TREE = """performance:
  evaluated_funds: {funds}
projects:
  - name: 项目支出绩效自评结果汇总表
    total: {{budget_full: {total}, actual: {total_actual}}}
    items:
      - name: 治安管理
        items:
          - {{name: 视频监控运维, budget_full: 268.00, actual: 261.30}}
          - {{name: 户籍办理, budget_full: 18.50, actual: 18.12}}
      - name: 信息化
        items:
          - {{name: 视频监控运维, budget_full: {again}, actual: 261.30}}
"""


def test_a_summary_tree_is_added_up_over_the_projects_under_each_first_level_one():
    """A 一级项目 with no money of its own stands for its 二级 projects in the 合计's sum."""
    body = TREE.format(funds="286.50", total="554.50", total_actual="540.72", again="268.00")
    assert verdicts(body, "sum.parts") == [True, True]
    body = TREE.format(funds="286.50", total="560.00", total_actual="540.72", again="268.00")
    assert verdicts(body, "sum.parts") == [False, True]


def test_a_project_listed_twice_with_the_same_money_is_found_with_the_total_that_counts_it_twice():
    [result] = results(TREE.format(funds="286.50", total="554.50", total_actual="540.72", again="268.00"),
                       "sum.duplicate")
    assert result.passed is False
    assert result.subject == "项目支出绩效自评结果汇总表·视频监控运维"
    assert result.message == (
        "“视频监控运维”列了 2 次（治安管理、信息化），各处金额相同（全年预算 268万元，决算/执行 261.3万元）；"
        "合计（全年预算）554.5万元 把它计入了 2 次，只计一次为 286.5万元，与所述自评涉及资金 286.5万元 相符；"
        "合计（决算/执行）540.72万元 把它计入了 2 次，只计一次为 279.42万元")
    assert [t.label for t in result.terms][:2] == ["治安管理·视频监控运维（全年预算）",
                                                   "治安管理·视频监控运维（决算/执行）"]


def test_a_project_listed_twice_is_said_with_the_funds_evaluated_at_each_stage_they_agree_at():
    """The funds evaluated stated by stage (evaluated_execution): each stage the once-counted sum is,
    named with its stage; same.evaluated_total leaves those stages to sum.duplicate."""
    body = TREE.format(funds="286.50", total="554.50", total_actual="540.72", again="268.00").replace(
        "  evaluated_funds: 286.50", "  evaluated_execution: {budget_full: 286.50, actual: 279.42}")
    [result] = results(body, "sum.duplicate")
    assert "只计一次为 286.5万元，与所述自评涉及资金（全年预算）286.5万元 相符" in result.message
    assert "只计一次为 279.42万元，与所述自评涉及资金（决算/执行）279.42万元 相符" in result.message
    assert results(body, "same.evaluated_total") == []


def test_two_projects_of_one_name_with_other_money_are_no_duplicate():
    assert results(TREE.format(funds="286.50", total="554.00", total_actual="540.72", again="267.50"),
                   "sum.duplicate") == []


EVALUATED_STAGES = """performance:
  evaluated_execution: {{{funds}}}
projects:
  - name: 表1 项目支出绩效自评结果
    total: {{budget_initial: 44010000.00, budget_full: 46090000.00, actual: 45715236.40}}
    items:
      - {{name: 城乡医疗救助资金, budget_initial: 4200000.00, budget_full: 5360000.00, actual: 5127386.40}}
      - {{name: 医保基金监管专项经费, budget_initial: 39810000.00, budget_full: 40730000.00, actual: 40587850.00}}
"""


def test_the_funds_evaluated_by_stage_are_the_summarys_total_at_each_stage():
    """涉及全年预算数…，全年执行数…: each stage against the summary's 合计 at the same stage."""
    body = EVALUATED_STAGES.format(funds="budget_full: 46090000.00, actual: 45715236.40")
    assert verdicts(body, "same.evaluated_total", unit="元") == [True, True]
    body = EVALUATED_STAGES.format(funds="budget_full: 46090000.01, actual: 45715236.40")  # within rounding
    assert verdicts(body, "same.evaluated_total", unit="元") == [True, True]
    body = EVALUATED_STAGES.format(funds="budget_full: 46090000.02, actual: 45715236.40")
    assert verdicts(body, "same.evaluated_total", unit="元") == [False, True]


def test_a_total_at_another_stage_called_the_full_years_budget_is_found_with_both_figures():
    """heldout20 118: the 合计's 年初预算数 called the 全年预算数, and the rate the same sentence takes over
    the 全年预算数."""
    body = EVALUATED_STAGES.format(funds="budget_full: 44010000.00, actual: 45715236.40, execution_rate: 99.19%")
    [total, actual] = results(body, "same.evaluated_total", unit="元")
    assert (total.passed, actual.passed) == (False, True)
    assert total.subject == "自评涉及资金·全年预算"
    assert total.message == ("所述自评涉及资金（全年预算）44010000元，表1 项目支出绩效自评结果合计（全年预算）46090000元，"
                             "相差 2080000元；与合计（年初预算）相同")
    assert [t.label for t in total.terms] == ["所述自评涉及资金（全年预算）", "表1 项目支出绩效自评结果合计（全年预算）",
                                              "表1 项目支出绩效自评结果合计（年初预算）"]
    [rate] = results(body, "rate.execution", unit="元")
    assert rate.passed is False and "按所述数计算为 103.87%" in rate.message
    body = EVALUATED_STAGES.format(funds="budget_full: 46090000.00, actual: 45715236.40, execution_rate: 99.19%")
    assert verdicts(body, "rate.execution", unit="元") == [True]


def test_the_funds_evaluated_are_compared_only_with_the_one_summary_of_projects():
    """Two summaries with a 合计 each (two scopes, two years): which is the projects evaluated is not sure."""
    body = EVALUATED_STAGES.format(funds="budget_full: 44010000.00") + """  - name: 另一表
    total: {budget_full: 100.00}
"""
    assert results(body, "same.evaluated_total", unit="元") == []


def test_the_evaluated_share_takes_the_funds_budget_where_they_are_stated_by_stage():
    body = EVALUATED.format(scoped="", share="89.4%").replace("  evaluated_funds: 231.10",
                                                             "  evaluated_execution: {budget_full: 231.10, actual: 230.00}")
    assert verdicts(body, "same.evaluated_share", kind="部门决算") == [True]
    body = EVALUATED.format(scoped="", share="95%").replace("  evaluated_funds: 231.10",
                                                           "  evaluated_execution: {budget_full: 231.10}")
    assert verdicts(body, "same.evaluated_share", kind="部门决算") == [False]


PROGRESS = """performance:
  budget_execution:
    name: 年度资金总额
    budget_full: 100.00
    actual: 96.00
    progress:
      - {{name: 一季度, spent: 10.00, spent_to_date: 10.00, rate: {rate}}}
      - {{name: 二季度, spent: 20.00}}
      - {{name: 三季度, spent: {third}}}
      - {{name: 四季度, spent: 36.00}}
"""


@pytest.mark.parametrize(("rate", "ok"), [("10.00%", [True]), ("10.01%", [True]), ("10.50%", [False])])
def test_a_stated_progress_rate_is_its_spending_to_date_over_the_years_budget(rate, ok):
    assert verdicts(PROGRESS.format(rate=rate, third="30.00"), "rate.progress") == ok


def test_the_four_quarters_spending_adds_up_to_the_years():
    assert verdicts(PROGRESS.format(rate="10.00%", third="30.00"), "sum.progress") == [True]
    [result] = results(PROGRESS.format(rate="10.00%", third="30.90"), "sum.progress")
    assert result.passed is False
    assert result.message == "四个季度的支出合计 96.9万元，所述全年 96万元，相差 0.9万元"
    assert len(result.terms) == 5


def test_no_quarters_sum_without_all_four_quarters():
    body = PROGRESS.format(rate="10.00%", third="30.00").replace("      - {name: 四季度, spent: 36.00}\n", "")
    assert verdicts(body, "sum.progress") == []
