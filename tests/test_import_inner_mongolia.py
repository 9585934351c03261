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


def test_the_classes_after_按支出经济分类_are_parts_of_the_row_broken_down():
    """七、一般公共预算项目支出决算情况说明: the 经济分类 classes listed after “按支出经济分类” are parts of
    the 项目支出 just stated (their shares are of it), not the account's own breakdown by 经济分类."""
    _, report = _draft(
        "部门决算\n七、一般公共预算项目支出决算情况说明\n"
        "2022年度一般公共预算财政拨款项目支出651.40万元，按支出经济分类，商品和服务支出466.70万元，占71.65%，"
        "主要是专用材料费186.50万元；对个人和家庭的补助142.00万元，占21.80%，为发放给养殖户的肉牛良种补贴；"
        "资本性支出42.70万元，占6.56%，主要是购置农畜产品快速检测设备。\n")
    (account,) = report.expenditure
    assert account.scope == "一般公共预算财政拨款" and not account.by_economic
    (project,) = account.by_nature
    assert project.name == "项目支出" and _values(project.actual) == ["651.40"]
    assert [(i.name, _values(i.actual), _values(i.share)) for i in project.items] == [
        ("商品和服务支出", ["466.70"], ["71.65"]), ("对个人和家庭的补助", ["142.00"], ["21.80"]),
        ("资本性支出", ["42.70"], ["6.56"])]


def test_the_parts_of_a_scopes_basic_spending_are_of_that_scope_under_a_shorter_heading():
    """六、一般公共预算基本支出决算情况说明 over “一般公共预算财政拨款基本支出…，其中：人员经费…；公用经费…”:
    人员经费 and 公用经费 are parts of that 基本支出, not of an account the heading's words would name."""
    _, report = _draft(
        "部门决算\n六、一般公共预算基本支出决算情况说明\n"
        "2022年度一般公共预算财政拨款基本支出1047.10万元，其中：人员经费919.20万元，主要包括基本工资；"
        "公用经费127.90万元，主要包括办公费。\n")
    (account,) = report.expenditure
    assert account.scope == "一般公共预算财政拨款"
    (basic,) = account.by_nature
    assert [(i.name, _values(i.actual)) for i in basic.items] == [("人员经费", ["919.20"]), ("公用经费", ["127.90"])]
