"""The content model reads figures exactly as written and keeps every statement."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.content.load import parse_report
from generator.content.problems import ContentError
from tests.helpers import year_head



def report(body: str, unit: str = "万元"):
    return parse_report(year_head(unit) + body)


def test_money_is_exact_and_normalised_to_yuan():
    r = report("expenditure:\n  - total: {name: 合计, actual: 818.40}\n")
    figure = r.expenditure[0].total.actual
    assert figure.value == Decimal("8184000")
    assert str(figure.first.value) == "818.40"  # stated precision kept
    assert figure.first.step == Decimal("100")  # stated to 0.01 万元


def test_yuan_files_keep_cents_exactly():
    r = report("expenditure:\n  - total: {name: 合计, actual: 6338977.18}\n", unit="元")
    assert r.expenditure[0].total.actual.value == Decimal("6338977.18")


def test_a_figure_stated_twice_keeps_both_statements_with_places():
    r = report("expenditure:\n  - total:\n      name: 合计\n      actual:\n        - {value: 405.16, at: 正文}\n"
               "        - {value: 405.17, at: 附件1}\n")
    statements = r.expenditure[0].total.actual.statements
    assert [(s.value, s.at) for s in statements] == [(Decimal("405.16"), "正文"), (Decimal("405.17"), "附件1")]


def test_a_figure_may_carry_its_own_unit():
    r = report("expenditure:\n  - total: {name: 合计, actual: {value: 2, unit: 万元}}\n", unit="元")
    assert r.expenditure[0].total.actual.value == Decimal("20000")


def test_signed_changes_and_rates_are_kept_as_stated():
    r = report("expenditure:\n  - total: {name: 合计, change: -392408.27, change_rate: -16.46%}\n", unit="元")
    total = r.expenditure[0].total
    assert total.change.value == Decimal("-392408.27")
    assert total.change_rate.value == Decimal("-16.46")


@pytest.mark.parametrize("text", ["no", "on", "0x10", "1_000", "2020-01-01", "true"])
def test_yaml_1_1_surprises_stay_text(text):
    r = report(f"organization:\n  type: {text}\n")
    assert r.organization.type == text


def test_indicator_values_stay_text():
    r = report("performance:\n  indicators:\n    - {level1: 产出指标, name: 次数, target: 4次/年, actual: \"50\"}\n")
    row = r.performance.indicators[0]
    assert (row.target, row.actual) == ("4次/年", "50")


def test_numbers_written_without_quotes_are_read_as_their_text():
    # content/README.md: YAML types no scalar, so no number needs quotes to stay as written
    r = report("performance:\n  indicators:\n    - {level1: 产出指标, name: 次数, target: 158, actual: 15.50}\n")
    row = r.performance.indicators[0]
    assert (row.target, row.actual) == ("158", "15.50")
    # a figure field validates that text as a figure: its places kept, a leading zero refused
    total = report("expenditure:\n  - total: {name: 合计, actual: 12.50}\n").expenditure[0].total
    assert str(total.actual.statements[0].value) == "12.50"
    with pytest.raises(ContentError, match="0012.50"):
        report("expenditure:\n  - total: {name: 合计, actual: 0012.50}\n")


def test_all_problems_in_a_file_are_reported_together():
    with pytest.raises(ContentError) as err:
        report("staffing:\n  authorized: -1\n  vehicles: x\nexpenditure:\n  - total: {name: 合计, actual: 1,2}\n")
    assert len(err.value.problems) == 3
    assert [p.line for p in err.value.problems] == [7, 8, 10]


def test_committed_schemas_match_the_model(tmp_path):
    from generator.content.schema import write_schemas

    from tests.seeds import ROOT

    for path in write_schemas(tmp_path):
        committed = ROOT / "schema" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"schema/{path.name} is stale: run python build.py schema")


def test_every_content_file_names_its_schema():
    from tests.seeds import CONTENT

    for path in sorted(CONTENT.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "year" if path.stem.isdigit() else path.stem
        assert first.startswith("# yaml-language-server: $schema="), path
        assert first.endswith(f"schema/{kind}.schema.json"), path
