"""The five seed reports are transcribed completely and load with their exact figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.seeds import SEEDS, source_figures, source_typed_figures, structured_numbers, typed_numbers


def report_of(content, slug):
    entry = next(e for e in content.departments if e.slug == slug)
    return entry, next(rf for rf in entry.reports if rf.year == SEEDS[slug])


def test_all_five_seeds_are_in_content_with_their_original_text(content):
    assert {e.slug for e in content.departments} >= set(SEEDS)
    for slug, year in SEEDS.items():
        _, rf = report_of(content, slug)
        assert rf.year == year
        assert rf.source_text and len(rf.source_text) > 2000


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_number_the_source_states_is_in_a_structured_field(content, slug):
    entry, rf = report_of(content, slug)
    have = structured_numbers(rf.report) | structured_numbers(entry.department)
    missing = [(str(n), ctx) for n, ctx in source_figures(rf.source_text) if n not in have]
    assert missing == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_money_and_percent_figure_is_stated_as_money_or_percent(content, slug):
    _, rf = report_of(content, slug)
    typed = typed_numbers(rf.report)
    missing = [(kind, str(n), ctx) for kind, n, ctx in source_typed_figures(rf.source_text) if n not in typed[kind]]
    assert missing == []


def yuan(text: str) -> Decimal:
    return Decimal(text)


def test_zhongfang_2020_key_figures(content):
    _, rf = report_of(content, "zhongfang-zwfwzx")
    r = rf.report
    assert r.unit == "万元"
    [income] = r.income
    assert income.total.budget_initial.value == yuan("8484000")
    assert income.total.change.value == yuan("3966000")
    spending = r.expenditure[0]
    assert spending.total.actual.value == yuan("7284000")
    basic, project = spending.by_nature
    assert (basic.name, basic.budget_initial.value) == ("基本支出", yuan("1805000"))
    assert project.actual.value == yuan("5479000")
    assert project.execution_rate.value == Decimal("82")
    assert r.sangong.total.budget.value == yuan("20900")
    assert r.sangong.reception.budget.value == yuan("9500")
    assert [p.budget_initial.value for p in r.projects[0].items] == [
        yuan(v) for v in ("1200000", "520000", "2600000", "433000", "1130000", "596000", "200000")]
    assert str(r.performance.evaluated_funds.first.value) == "818.40"
    assert r.performance.score.value == 100


def test_junshan_2016_keeps_the_figures_that_do_not_add_up(content):
    _, rf = report_of(content, "junshan-zwfwzx")
    r = rf.report
    fiscal = r.income[0].by_source[0]
    special = next(i for i in fiscal.items if i.name == "专项经费")
    assert special.budget.value == yuan("1970500")  # stated 197.05
    assert sum(i.budget.value for i in special.items) == yuan("1910000")  # its items give 191
    assert r.sangong.vehicle_operation.variance_rate.value == Decimal("-1.1")  # stated 1.1%, as written
    assert r.sangong.total.actual.value == yuan("193100")
    assert r.performance.score.value == 97


def test_suining_2023_indicator_table_has_sixteen_rows(content):
    _, rf = report_of(content, "suining-xzspfwj")
    perf = rf.report.performance
    assert len(perf.indicators) == 16
    assert sum(i.weight.value for i in perf.indicators) == 90
    assert sum(i.score.value for i in perf.indicators) == 89
    last = perf.indicators[-1]
    assert (last.name, last.target, last.actual, last.weight.value, last.score.value) == (
        "12345群众满意度", "98.5%", "98.35%", 5, 4)
    assert [s.value for s in perf.score.statements] == [99, 99]
    assert perf.budget_execution.budget_full.value == yuan("9404700")


def test_longyang_2020_amounts_are_exact_yuan(content):
    _, rf = report_of(content, "longyang-zwfwglj")
    r = rf.report
    assert r.unit == "元"
    assert r.income[0].total.actual.value == yuan("6442713.85")
    spending = r.expenditure[0]
    assert spending.total.actual.value == yuan("6338977.18")
    assert spending.total.change_rate.value == Decimal("16.56")
    basic = spending.by_nature[0]
    assert basic.actual.value == yuan("1991283.82")
    assert basic.change.value == yuan("-392408.27")
    assert r.operating_costs.total.actual.value == yuan("122645.05")
    assert r.assets.total.actual.value == yuan("5379607.65")
    assert r.procurement.total.actual.value == yuan("5100")


def test_tianxin_2020_basic_expenditure(content):
    _, rf = report_of(content, "tianxin-xzspfwj")
    basic = rf.report.expenditure[0].by_nature[0]
    assert basic.actual.value == yuan("5430200")
    assert [i.actual.value for i in basic.items] == [yuan("5149800"), yuan("280400")]
