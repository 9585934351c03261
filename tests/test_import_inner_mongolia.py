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


def _grid(*rows: tuple[str, ...]) -> str:
    """A table in the tab layout of a Word export: a line a cell, a blank line after each row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def test_the_information_table_keeps_its_rows_of_money_and_leaves_its_counts_for_the_reviewer():
    """公开12表 机构运行经费支出、国有资产占用情况及政府采购支出信息表 (项目 · 行次 · 计量单位 · 数值):
    its title printed twice (the ordinal line and the title line, read as one) is its title once;
    the rows in 万元 are the table's, a section row without a value an empty one; a row counted in
    辆 or 台（套） is no cell of a table in 万元, its figure left unplaced with its unit."""
    text = ("部门决算\n第五部分　2022年度部门决算表\n"
            "十二、机构运行经费支出、国有资产占用情况及政府采购支出信息表机构运行经费支出、国有资产占用情况及政府采购支出信息表\n"
            "公开12表部门：某旗农牧局　单位：万元\n"
            + _grid(("项目", "行次", "计量单位", "数值"), ("栏次", "", "", "1"),
                    ("一、机构运行经费支出", "1", "万元", "68.42"), ("二、国有资产占用情况", "2", "", ""),
                    ("（一）车辆合计", "3", "辆", "6"), ("三、政府采购支出情况", "4", "", ""),
                    ("（一）政府采购支出合计", "5", "万元", "229.20"))
            + "注：本表反映部门本年度机构运行经费支出、年末国有资产占用情况和政府采购支出情况。\n")
    result, report = _draft(text)
    (table,) = report.tables
    assert (table.label, table.unit) == ("公开12表", "万元")
    assert table.title == "机构运行经费支出、国有资产占用情况及政府采购支出信息表"
    assert [c.name for c in table.columns] == ["数值"]
    assert [(r.name, [str(v) if v is not None else None for v in r.values]) for r in table.rows] == [
        ("一、机构运行经费支出", ["68.42"]), ("二、国有资产占用情况", [None]), ("三、政府采购支出情况", [None]),
        ("（一）政府采购支出合计", ["229.20"])]
    (left,) = [item for item in result.loose if item.text == "6"]
    assert "辆" in left.why and left.quote == "（一）车辆合计｜6辆"
