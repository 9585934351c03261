"""The one table of labels: what each field of the content model is called in Chinese.

The model's field descriptions (the JSON Schema editors see), the headers of the tables on
pages, the measures and column descriptions of the open data and the terms of the 数据核验
all take their names from here, so a figure reads the same everywhere.

A label has one name, as a 决算 or 绩效自评 reader reads it. A signed figure whose name does not
say which way it goes (结余 may be negative: then it is 超支) is named with both directions in a
sentence, 结余（超支）额, and as a column header by what its sign means, 结余额（超支为负）:
both come from the same entry.

Nothing here imports presentation code: the checks read it too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """A field's name, the kind of value it holds, and the description an editor sees."""

    name: str
    #: money, signed (money that may be negative), percent, score or count
    kind: str
    description: str
    #: For a signed figure named with both directions: the name alone (结余额) and what a
    #: negative value is (超支).
    stem: str = ""
    negative: str = ""
    #: A shorter name where a page has little room (年末实有 beside a count).
    short: str = ""

    def heading(self, unit: str = "") -> str:
        """The label as a column header: the name, or the stem with what its sign means, and the unit.

        结余（超支）额 heads its column as 结余额（超支为负）, with a unit 结余额（元，超支为负）.
        """
        notes = [note for note in (unit, f"{self.negative}为负" if self.negative else "") if note]
        stem = self.stem or self.name
        return f"{stem}（{'，'.join(notes)}）" if notes else stem

    @property
    def brief(self) -> str:
        return self.short or self.name


def _signed(positive: str, negative: str, noun: str, kind: str, description: str) -> Label:
    return Label(f"{positive}（{negative}）{noun}", kind, description, stem=f"{positive}{noun}", negative=negative)


#: The stages a figure is stated at, in the order the model lists them.
STAGE_KEYS = ("budget_initial", "budget_full", "budget", "actual", "prior")

#: The figures of a row (Amounts, Line, Project, BudgetExecution) and of a self-evaluation.
FIGURES: dict[str, Label] = {
    "budget_initial": Label("年初预算", "money", "年初预算数"),
    "adjustment": Label("年中调整数", "signed", "年中追加（调减为负），照原文", stem="年中调整数", negative="调减"),
    "budget_full": Label("全年预算", "money", "全年预算数（调整后）"),
    "budget": Label("预算", "money", "预算数（原文未说明是年初还是全年）"),
    "actual": Label("决算/执行", "money", "决算数、全年执行数或实际支出"),
    "prior": Label("上年", "money", "上年决算数"),
    "arrived": Label("资金到位数", "money", "资金到位数"),
    "change": Label("增减额", "signed", "比上年增减额，减少为负"),
    "change_rate": Label("增减率", "percent", "比上年增减率，下降为负"),
    "share": Label("占比", "percent", "占上级合计的比例，照原文"),
    "execution_rate": Label("执行率", "percent", "预算执行率、完成率"),
    "arrival_rate": Label("资金到位率", "percent", "资金到位率"),
    "variance": _signed("结余", "超支", "额", "signed", "预算数减决算/执行数：结余为正，超支为负"),
    "variance_rate": _signed("结余", "超支", "率", "percent", "结余（超支）额 ÷ 预算数：结余为正，超支为负"),
    "score": Label("得分", "score", "得分"),
    "weight": Label("分值", "score", "分值"),
    "score_rate": Label("得分率", "percent", "得分 ÷ 分值，照原文"),
    "evaluated_funds": Label("自评涉及资金", "money", "开展自评涉及的资金"),
    "evaluated_funds_share": Label("涉及资金占比", "percent", "自评涉及资金占项目支出的比例"),
    "indicators_weight": Label("绩效指标分值", "score", "绩效指标合计分值，如 90"),
    "total_weight": Label("总分值", "score", "总分的分值，如 100"),
}

#: The 三公经费 entries, by field, with the names reports give them.
SANGONG: dict[str, Label] = {
    "total": Label("“三公”经费合计", "money", "“三公”经费合计"),
    "overseas": Label("因公出国（境）费", "money", "因公出国（境）费"),
    "vehicles": Label("公务用车购置及运行维护费", "money", "公务用车购置及运行维护费"),
    "vehicle_purchase": Label("公务用车购置费", "money", "其中：公务用车购置费"),
    "vehicle_operation": Label("公务用车运行维护费", "money", "其中：公务用车运行维护费"),
    "reception": Label("公务接待费", "money", "公务接待费"),
}

#: The counts of Staffing and Organization.
COUNTS: dict[str, Label] = {
    "authorized": Label("编制数", "count", "编制数（核定编制）", short="编制"),
    "actual_start": Label("年初实有在职人数", "count", "年初实有在职人数", short="年初实有"),
    "actual_end": Label("年末实有在职人数", "count", "年末实有在职人数（或在职人数）", short="年末实有"),
    "total_staff": Label("共计工作人员", "count", "共计工作人员（含编外）", short="工作人员"),
    "retired": Label("离退休人数", "count", "离退休人数"),
    "vehicles_authorized": Label("车辆编制数", "count", "车辆编制数"),
    "vehicles": Label("实有车辆数", "count", "实有车辆数"),
    "control_rate": Label("编制控制率", "percent", "编制控制率"),
    "internal_units_count": Label("内设机构数", "count", "内设机构数"),
    "subordinate_units_count": Label("所属单位数", "count", "所属单位数"),
}

#: The figures of a point of the year's progress (Progress, under a row's `progress`).
PROGRESS_FIGURES: dict[str, Label] = {
    "spent": Label("当期支出", "money", "该时段内的支出（当期执行数，如 分季度执行数 的一季度）"),
    "spent_to_date": Label("累计支出", "money", "截至该时段末的累计支出"),
    "rate": Label("支出进度", "percent", "支出进度（截至该时段末的累计支出占全年预算数的比例）"),
    "required": Label("序时进度要求", "percent", "序时进度要求（如 一季度末 25%）"),
}

#: The parts of a year's report (YearReport's fields).
SECTIONS: dict[str, str] = {
    "income": "收入", "expenditure": "支出", "sangong": "“三公”经费", "projects": "项目",
    "operating_costs": "机关运行经费", "assets": "国有资产占用", "procurement": "政府采购",
    "performance": "部门整体支出绩效自评", "project_performance": "项目支出绩效自评",
    "staffing": "人员", "organization": "机构", "work_stats": "工作数据",
}

#: The breakdowns of an account (Account's fields), in the order tables show them.
BREAKDOWNS: dict[str, str] = {
    "by_source": "按资金来源", "by_nature": "按支出性质", "by_economic": "按经济分类", "by_function": "按功能分类",
}


#: The stages by field with their names: budget_initial 年初预算 …
STAGES: dict[str, str] = {key: FIGURES[key].name for key in STAGE_KEYS}


#: Where a count's qualifier stands, as Chinese writes it: before the number (近800件, 约3成,
#: 至少4次, 超过60%), between the number and its measure word (700余次, 76多家, 3个多月), or after
#: the unit (60%以上, 500人左右).
_QUALIFIER_BEFORE = frozenset({"近", "约", "至少", "超过", "逾", "达", "不少于", "不足", "不到", "多达"})
_QUALIFIER_BETWEEN = frozenset({"余", "多"})


def qualified(number: str, unit: str | None, qualifier: str | None) -> str:
    """A count as the report says it, its qualifier in its place: 700余次, 3个多月, 近800件, 60%以上."""
    unit = unit or ""
    if not qualifier:
        return f"{number}{unit}"
    if qualifier in _QUALIFIER_BEFORE:
        return f"{qualifier}{number}{unit}"
    if qualifier in _QUALIFIER_BETWEEN and unit not in ("%", "‰"):
        if len(unit) > 1 and unit[0] == "个":  # 3个多月, not 3多个月
            return f"{number}个{qualifier}{unit[1:]}"
        return f"{number}{qualifier}{unit}"
    return f"{number}{unit}{qualifier}"
