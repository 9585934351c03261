"""The Inner Mongolia 2022 决算 skeleton: fifteen sections of 情况说明 (七、一般公共预算项目支出 by
经济分类, 十二、机构运行经费 as the 2022 templates name 机关运行经费, 十三、政府采购 with its 中小企业 and
小微企业 shares) and the twelve tables."""

from __future__ import annotations

from generator.content.load import parse_report
from generator.importer import draft_text, strip_unplaced


def _draft(text: str, year: int = 2022):
    result = draft_text(text, year)
    return result, parse_report(strip_unplaced(result.yaml))


def _values(figure) -> list[str]:
    return [str(s.value) for s in figure.statements] if figure is not None else []


def test_the_2022_name_机构运行经费_is_the_operating_costs():
    """十二、机构运行经费支出决算情况说明: the 2022 templates' name for 机关运行经费; its figure, change
    and rate are the operating costs' (where a check sets the change against the figure)."""
    _, report = _draft(
        "部门决算\n十二、机构运行经费支出决算情况说明\n"
        "2022年度本部门机构运行经费支出68.42万元，比上年减少3.74万元，下降5.18%。主要原因是压减办公和差旅开支。\n")
    total = report.operating_costs.total
    assert (_values(total.actual), _values(total.change), _values(total.change_rate)) == (
        ["68.42"], ["-3.74"], ["-5.18"])


def test_a_section_saying_the_机构运行经费_does_not_apply_is_the_operating_costs_statement():
    _, report = _draft("部门决算\n十二、机构运行经费支出决算情况说明\n"
                       "本单位为公益一类事业单位，不属于机构运行经费统计范围。\n")
    assert report.operating_costs.statement == "本单位为公益一类事业单位，不属于机构运行经费统计范围。"
