"""The content model: what a department and each of its disclosure years can state.

Closed (unknown keys are errors), immutable, and faithful: totals, rates and changes are
kept as the report states them and never recomputed here; the checks compare them.
Every section is optional, because real reports differ. Field descriptions are Chinese:
they become the JSON Schema that editors show as people type.

Stages used throughout: budget_initial (年初预算), budget_full (全年预算, 调整后), budget (the
report does not say which), actual (决算数 or 执行数), prior (上年决算); adjustment (年中调整数) is
the change between budget_initial and budget_full as the report prints it. What each field is called
in Chinese, here and on pages, in the open data and in the checks, is in labels.py.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .figures import Count, Date, Flag, Money, Number, Omittable, Percent, Score, SignedMoney, Whole
from .labels import (
    COUNTS,
    FIGURES,
    PROGRESS_FIGURES,
    SANGONG,
    SECTIONS,
    STAGES as STAGES,  # kept here for code that reads the stages from the model
)
from .links import scheme_of, web_address_problem
from .messages import say

#: What `build.py import` writes where a reviewer must fill something in: never published.
PLACEHOLDER = "待填写"


def _not_placeholder(text: str) -> str:
    if PLACEHOLDER in text:
        raise PydanticCustomError("figure", "{message}", {
            "message": say("model.placeholder", text=repr(_clip(text))), "hint": say("model.placeholder.hint")})
    return text


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_placeholder)]


def _web_address(value: object) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("figure", "{message}", {
            "message": say("model.not_web_address", value=repr(value)), "hint": say("model.not_web_address.hint")})
    problem = web_address_problem(value, repr(_clip(value)))
    if problem is not None:
        raise PydanticCustomError("figure", "{message}", {"message": problem[0], "hint": problem[1]})
    return value


#: The address of a published page or attachment: http:// or https:// only (content/links.py),
#: since the report page links it.
WebAddress = Annotated[str, PlainValidator(_web_address),
                       WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+",
                                       "description": "http:// 或 https:// 网址"})]
Markdown = Annotated[str, Field(description="Markdown 文本（不允许 HTML）")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]


def _d(key: str) -> str:
    """The description of a row's figure, from the one table of labels."""
    return FIGURES[key].description


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)


# --- figures in tables ------------------------------------------------------------------


class Progress(Closed):
    """预算支出进度 at one point of the year: the money spent in a period (a quarter) or by its end,
    and how far that is through the year's budget, as a form's 分季度执行数 or a table of the year's
    progress (一季度末 · 累计支出 · 支出进度 · 序时进度要求) states it."""

    name: Text = Field(description="时段，照原文，如 一季度、一季度末、第一季度、年末")
    spent: Omittable[Money] = Field(None, description=PROGRESS_FIGURES["spent"].description)
    spent_to_date: Omittable[Money] = Field(None, description=PROGRESS_FIGURES["spent_to_date"].description)
    rate: Omittable[Percent] = Field(None, description=PROGRESS_FIGURES["rate"].description)
    required: Omittable[Percent] = Field(None, description=PROGRESS_FIGURES["required"].description)
    weight: Omittable[Score] = Field(None, description="该时段进度的分值，评分办法写明时")
    score: Omittable[Score] = Field(None, description="该时段进度的得分")


class Amounts(Closed):
    """A row's figures at each stage, with the changes and rates the report states for it."""

    budget_initial: Omittable[Money] = Field(None, description=_d("budget_initial"))
    adjustment: Omittable[SignedMoney] = Field(None, description=_d("adjustment"))
    budget_full: Omittable[Money] = Field(None, description=_d("budget_full"))
    budget: Omittable[Money] = Field(None, description=_d("budget"))
    actual: Omittable[Money] = Field(None, description=_d("actual"))
    prior: Omittable[Money] = Field(None, description=_d("prior"))
    change: Omittable[SignedMoney] = Field(None, description=_d("change"))
    change_rate: Omittable[Percent] = Field(None, description=_d("change_rate"))
    share: Omittable[Percent] = Field(None, description=_d("share"))
    share_of: Text | None = Field(None, description="占比的分母，照原文，如“总支出”")
    execution_rate: Omittable[Percent] = Field(None, description=_d("execution_rate"))
    variance: Omittable[SignedMoney] = Field(None, description=_d("variance"))
    variance_rate: Omittable[Percent] = Field(None, description=_d("variance_rate"))
    change_reasons: tuple[Line, ...] = Field((), description="原文列出的增减原因及各自金额")
    progress: tuple[Progress, ...] = Field((), description="预算支出进度：各季度（季度末）的支出与进度，按原文顺序")
    note: Markdown | None = Field(None, description="说明、原因")
    at: Text | None = Field(None, description="在原文中的位置")


class Line(Amounts):
    """A named row: an item of income or expenditure, with its parts."""

    name: Text = Field(description="名称，照原文")
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{3,7}$")] | None = Field(
        None, description="政府收支分类科目编码，如 201（一般公共服务支出）")
    items: tuple[Line, ...] = Field((), description="其中各项")
    items_partial: Flag = Field(False, description="其中各项只列出了部分构成（原文“其中”），合计不必等于各项之和")


class Account(Closed):
    """Income or expenditure for one scope of funds, broken down the ways the report does."""

    scope: Text = Field("部门全部资金", description="口径，如 部门全部资金、一般公共预算财政拨款、政府性基金预算")
    total: Line | None = Field(None, description="合计")
    by_source: tuple[Line, ...] = Field((), description="按资金来源（收入性质）")
    by_nature: tuple[Line, ...] = Field((), description="按支出性质：基本支出（人员经费、公用经费）、项目支出")
    by_economic: tuple[Line, ...] = Field((), description="按经济分类：工资福利、商品和服务、"
                                          "对个人和家庭的补助、资本性支出")
    by_function: tuple[Line, ...] = Field((), description="按功能分类（政府收支分类“类”）")
    related: tuple[Line, ...] = Field((), description="相关但不计入合计的数，如年初结转和结余")
    statement: Markdown | None = Field(None, description="原文对该口径的说明，如“无国有资本经营预算支出”")
    at: Text | None = None


class SanGong(Closed):
    """三公经费: 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费."""

    scope: Text | None = Field(None, description="口径，如 一般公共预算财政拨款")
    total: Amounts | None = Field(None, description=SANGONG["total"].description)
    overseas: Amounts | None = Field(None, description=SANGONG["overseas"].description)
    vehicles: Amounts | None = Field(None, description=SANGONG["vehicles"].description)
    vehicle_purchase: Amounts | None = Field(None, description=SANGONG["vehicle_purchase"].description)
    vehicle_operation: Amounts | None = Field(None, description=SANGONG["vehicle_operation"].description)
    reception: Amounts | None = Field(None, description=SANGONG["reception"].description)
    reception_items: tuple[Line, ...] = Field((), description="公务接待费其中各项，如国内接待费、国（境）外接待费")
    related: tuple[Line, ...] = Field((), description="与三公经费一并公开、不计入三公经费的数，如会议费、培训费")
    stats: tuple[Stat, ...] = Field((), description="团组、人次、车辆、批次等")
    statement: Markdown | None = Field(None, description="原文说明，如无三公经费的说明")
    at: Text | None = None


#: The 三公经费 entries, by field, with the names reports give them.
SANGONG_LABELS: dict[str, str] = {key: label.name for key, label in SANGONG.items()}


class Block(Closed):
    """A stated total with its parts: 机关运行经费, 国有资产, 政府采购."""

    as_of: Date | None = Field(None, description="截至日期（资产）")
    total: Amounts | None = Field(None, description="合计")
    items: tuple[Line, ...] = Field((), description="构成")
    related: tuple[Line, ...] = Field((), description="相关但不计入合计的数")
    stats: tuple[Stat, ...] = Field((), description="面积、数量等")
    statement: Markdown | None = None
    at: Text | None = None


class Funds(Line):
    """Money that arrives: a project's, or one source's part of it (中央财政资金, 县级配套资金)."""

    arrived: Omittable[Money] = Field(None, description=_d("arrived"))
    arrival_rate: Omittable[Percent] = Field(None, description=_d("arrival_rate"))


class Project(Funds):
    """A project (项目) with its money, arrival of funds and results."""

    by_source: tuple[Funds, ...] = Field((), description="项目资金按来源或层级：中央、省级、市（州）级、县级财政资金，"
                                         "其他资金……；各来源之和即项目资金")
    score: Omittable[Score] = Field(None, description="项目绩效自评得分")
    grade: Text | None = Field(None, description="项目绩效自评等级，照原文，如 优")
    stats: tuple[Stat, ...] = Field((), description="项目产出、中标价等其他数")
    items: tuple[Project, ...] = Field((), description="子项目或构成")


class ProjectGroup(Closed):
    """A list of projects as the report gives it, with its stated total."""

    name: Text = Field(description="名称，如 项目支出、专项经费")
    total: Amounts | None = Field(None, description="原文所述合计")
    items: tuple[Project, ...] = Field((), description="各项目")
    note: Markdown | None = None
    at: Text | None = None


# --- counts --------------------------------------------------------------------------------


class Stat(Closed):
    """A named count or rate the report states: 工单6184件, 好评率100%, 159个大厅."""

    name: Text
    value: Number = Field(description="数值，照原文")
    unit: Text | None = Field(None, description="单位，如 件、人次、%、万元")
    qualifier: Text | None = Field(None, description="约数说明：近、余、多、以上、超过")
    year: Omittable[Annotated[int, Field(ge=1949, le=2100), Whole]] = Field(
        None, description="该数所属年份（非本年时）")
    change: Omittable[Number] = Field(
        None, description="比上年增减，照原文，减少为负；单位同本数，本数是率（%）时为百分点")
    change_rate: Omittable[Percent] = Field(None, description="比上年增减率，照原文，下降为负")
    note: Markdown | None = None
    at: Text | None = None
    items: tuple[Stat, ...] = Field((), description="其中各项")


class Headcount(Closed):
    name: Text
    count: Count
    note: Text | None = None
    items: tuple[Headcount, ...] = ()


class Staffing(Closed):
    """人员编制与实有人数, and vehicles."""

    authorized: Omittable[Count] = Field(None, description=COUNTS["authorized"].description)
    authorized_items: tuple[Headcount, ...] = Field((), description="编制按类别：行政编制、事业编制……")
    actual_start: Omittable[Count] = Field(None, description=COUNTS["actual_start"].description)
    actual_end: Omittable[Count] = Field(None, description=COUNTS["actual_end"].description)
    actual_items: tuple[Headcount, ...] = Field((), description="实有人员按类别")
    total_staff: Omittable[Count] = Field(None, description=COUNTS["total_staff"].description)
    other_items: tuple[Headcount, ...] = Field((), description="编外、借调、聘用、派遣、领导职数等")
    retired: Omittable[Count] = Field(None, description=COUNTS["retired"].description)
    retired_items: tuple[Headcount, ...] = Field((), description="离休、退休")
    vehicles_authorized: Omittable[Count] = Field(None, description=COUNTS["vehicles_authorized"].description)
    vehicles: Omittable[Count] = Field(None, description=COUNTS["vehicles"].description)
    control_rate: Omittable[Percent] = Field(None, description=COUNTS["control_rate"].description)
    note: Markdown | None = None
    at: Text | None = None


class Organization(Closed):
    """Organisation as stated that year."""

    type: Text | None = Field(None, description="单位性质与级别，如 正科级全额拨款事业单位")
    internal_units_count: Omittable[Count] = Field(None, description=COUNTS["internal_units_count"].description)
    internal_units: tuple[Text, ...] = Field((), description="内设机构")
    subordinate_units_count: Omittable[Count] = Field(None, description=COUNTS["subordinate_units_count"].description)
    subordinate_units: tuple[Text, ...] = Field((), description="所属单位")
    stats: tuple[Stat, ...] = Field((), description="其他数，如决算编报单位数")
    note: Markdown | None = None


# --- performance ----------------------------------------------------------------------------


class Indicator(Closed):
    """One row of the 绩效自评表."""

    level1: Text = Field(description="一级指标，如 产出指标")
    level2: Text | None = Field(None, description="二级指标，如 数量指标")
    name: Text = Field(description="三级指标")
    target: Text | None = Field(None, description="年度指标值，照原文，如 98%、4次/年、稳步提升")
    target_initial: Text | None = Field(None, description="年初指标值，年中调整过时（年度指标值为调整后的），照原文")
    actual: Text | None = Field(None, description="实际完成值，照原文")
    prior: Text | None = Field(None, description="上年完成值，自评表在本年完成值旁另列上年的时，照原文")
    weight: Omittable[Score] = Field(None, description="分值")
    score: Omittable[Score] = Field(None, description="得分")
    score_rate: Omittable[Percent] = Field(None, description="得分系数或得分率（得分 ÷ 分值），表中写明时")
    not_applicable: Flag = Field(False, description="自评表标明该指标不适用（得分栏写“不适用”）：不考核，没有得分")
    deviation: Markdown | None = Field(None, description="偏差原因分析及改进措施")
    note: Text | None = None


class Weight(Closed):
    name: Text = Field(description="一级指标或预算执行率")
    weight: Omittable[Score] = Field(None, description="分值（满分）")
    score: Omittable[Score] = Field(None, description="该一级指标的得分，报告另行说明时")
    score_rate: Omittable[Percent] = Field(None, description=_d("score_rate"))
    items: tuple[Weight, ...] = Field((), description="其下各二级指标的分值，自评表写明时（如 目标任务（15分））")


class FormPart(Closed):
    """One table of a self-evaluation form printed as several (the 53号 frame's 共性指标 table and
    个性指标 table): its 合计, a subtotal of the whole's score and weight."""

    name: Text = Field(description="分表的标题，照原文，如 部门整体支出绩效评价共性指标自评表（表1）")
    weight: Omittable[Score] = Field(None, description="该表合计的分值")
    score: Omittable[Score] = Field(None, description="该表合计的得分")


class GradeBand(Closed):
    grade: Text = Field(description="等级，如 优秀")
    min: Omittable[Number] = Field(None, description="下限（含）")
    max: Omittable[Number] = Field(None, description="上限（不含）")
    text: Text | None = Field(None, description="原文表述，如 大于90分")


class Goal(Closed):
    target: Markdown = Field(description="年初目标")
    result: Markdown | None = Field(None, description="实际完成情况")


class BudgetExecution(Amounts):
    """The 预算执行率 row of the self-evaluation table."""

    name: Text | None = Field(None, description="名称，如 年度资金总额")
    weight: Omittable[Score] = Field(None, description="分值")
    score: Omittable[Score] = Field(None, description="得分")
    items: tuple[Line, ...] = Field((), description="资金来源各行，如 其中：当年财政拨款、上年结转资金、其他资金；"
                                    "表中另列“按收入性质分：合计”时，写成一行，各来源在其 items 下")
    by_nature: tuple[Line, ...] = Field((), description="按支出性质分各行"
                                        "（如湖南自评表的“按支出性质分”：基本支出、项目支出），写法同 items")


class Performance(Closed):
    """A performance self-evaluation: of the whole department or of one project."""

    kind: Literal["部门整体支出", "项目支出"] = "部门整体支出"
    name: Text | None = Field(None, description="项目名称（项目支出绩效时）")
    score: Omittable[Score] = Field(None, description="自评得分；正文与表中各出现一次时写成列表")
    score_rate: Omittable[Percent] = Field(None, description="总得分率（得分 ÷ 总分值），报告写明时")
    grade: Text | None = Field(None, description="等级，照原文，如 优秀")
    grade_bands: tuple[GradeBand, ...] = Field((), description="报告自己说明的等级划分")
    weights: tuple[Weight, ...] = Field((), description="报告说明的各一级指标分值")
    budget_execution: BudgetExecution | None = None
    goals: tuple[Goal, ...] = ()
    indicators_weight: Omittable[Score] = Field(None, description=_d("indicators_weight"))
    indicators: tuple[Indicator, ...] = Field((), description="绩效自评表各行，按原文顺序")
    total_weight: Omittable[Score] = Field(None, description=_d("total_weight"))
    parts: tuple[FormPart, ...] = Field((), description="自评表分为几张表（共性指标表、个性指标表）时，各表的合计")
    rescaled: Flag = Field(False, description="报告说明不适用的指标不考核、适用指标得分汇总后折算为百分制"
                           "（总得分 = 适用指标得分之和 ÷ 适用指标分值之和 × 总分值）")
    evaluated_funds: Omittable[Money] = Field(None, description=_d("evaluated_funds"))
    evaluated_funds_share: Omittable[Percent] = Field(None, description=_d("evaluated_funds_share"))
    evaluated_execution: Amounts | None = Field(
        None, description="自评涉及资金按阶段照原文记（原文写明阶段时），如“涉及全年预算资金1,325.50万元，全年执行"
                          "1,290.15万元，执行率97.33%”：budget_full、actual、execution_rate；未写明阶段的"
                          "“涉及资金X万元”记在 evaluated_funds")
    note: Markdown | None = None
    at: Text | None = None


# --- narrative and documents ------------------------------------------------------------------


class Section(Closed):
    title: Text
    body: Markdown = ""
    sections: tuple[Section, ...] = ()


ReportKind = Literal["绩效自评报告", "部门决算", "部门预算"]


class Document(Closed):
    """One published document: its kind and the government-information meta it carries."""

    kind: ReportKind = Field(description="报告类型")
    title: Text = Field(description="标题，照原文")
    issuer: Text | None = Field(None, description="发布机构 / 发文机构")
    written: Date | None = Field(None, description="成文日期")
    approved: Date | None = Field(None, description="财政部门批复日期（预决算），公开时限从此起算")
    published: Date | None = Field(None, description="发布日期")
    index_no: Text | None = Field(None, description="索引号")
    doc_no: Text | None = Field(None, description="文号")
    catalogue: Text | None = Field(None, description="公开目录")
    supervision_index_nos: tuple[Text, ...] = Field((), description="监督索引号")
    source: Text | None = Field(None, description="来源说明")
    original_url: WebAddress | None = Field(
        None, description="原始公开地址：发布原文的网页或附件的网址，只收 http:// 或 https://，照浏览器地址栏所示")
    retrieved: Date | None = Field(None, description="采集日期：从原始公开地址取得原文的日期")


#: What a blank cell of a published table may be printed as, besides nothing: kept as printed.
TABLE_DASHES = ("—", "——", "-", "－", "/", "／", "…")


def _table_cell(value: object) -> object:
    if value is None or (isinstance(value, str) and value.strip() in TABLE_DASHES):
        return value.strip() if isinstance(value, str) else None
    from .figures import _number

    return _number(value)


def _values_given(value: object) -> object:
    """A row's values written empty (`values: ~`): refused as any number field is (figures._blank)."""
    if value is None:
        from .figures import _blank

        raise _blank(required=True)
    return value


#: A cell of a published table: a number as printed (in the table's or its column's unit), a
#: dash as printed, or null for an empty cell.
TableCell = Annotated[Decimal | str | None, BeforeValidator(_table_cell),
                      WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}]})]


class TableColumn(Closed):
    """A column of a published table."""

    name: Text = Field(description="列名，表头自上而下以“ / ”连接，照原文，如 本年支出 / 基本支出")
    unit: Text | None = Field(None, description="本列的单位，与表的金额单位不同时写，如 %、个、辆、人次")


class TableRow(Closed):
    """A row of a published table: its 科目编码 and name, and a value for each column."""

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{3,7}$")] | None = Field(
        None, description="科目编码（类、款、项分列时连写），照原文")
    name: Text = Field(description="科目名称或项目，照原文，如 一般公共服务支出、合计")
    values: Annotated[tuple[TableCell, ...], BeforeValidator(_values_given)] = Field(
        description="各列的数，与 columns 逐一对应；空格写 ~，破折号等照原文")


class PublishedTable(Closed):
    """A table of the 决算 as published (公开01–09表 and their variants), cell by cell as printed:
    the tables are the disclosure's core, and the narrative cites them."""

    label: Text | None = Field(None, description="表号，照原文，如 公开01表、表一、附表1")
    title: Text = Field(description="表名，照原文，如 收入支出决算总表")
    scope: Text | None = Field(None, description="编制范围，照编制单位行所注，如 汇总、本级："
                               "一份报告公开部门汇总表和本级表两套时写")
    unit: Literal["元", "万元"] | None = Field(None, description="本表金额的单位，与本文件的 unit 不同时写")
    columns: Annotated[tuple[TableColumn, ...], Field(min_length=1)] = Field(description="数值列（行次、栏次不计）")
    rows: tuple[TableRow, ...] = Field((), description="各行，按原文顺序")
    note: Markdown | None = Field(None, description="表注，如“注：本表反映部门本年度……”")
    statement: Markdown | None = Field(None, description="空表的说明，如“本部门没有政府性基金收入……故本表无数据”")
    at: Text | None = None

    @model_validator(mode="after")
    def _widths(self) -> PublishedTable:
        for n, row in enumerate(self.rows):
            if len(row.values) != len(self.columns):
                raise PydanticCustomError("figure", "{message}", {
                    "message": say("model.cells", values=len(row.values), columns=len(self.columns)),
                    "at": ("rows", n, "values"), "hint": say("model.cells.hint")})
        return self


class Explanation(Closed):
    """What a department or a reviewer says of one 数据核验 finding: shown beside it as 单位说明;
    `check --strict` passes a finding so explained. The finding is named as `build.py check`
    prints it: its rule and its subject."""

    rule: Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_]+$")] = Field(
        description="核对规则编号，照 build.py check 所列，如 same.execution_total")
    subject: Text = Field(description="核对内容，照 build.py check 所列（方括号中规则编号之后、冒号之前的文字）")
    text: Markdown = Field(description="说明：原文为何如此，或已如何处理")
    by: Text | None = Field(None, description="说明人，如 单位财务股、网站内容审核")
    date: Date | None = Field(None, description="说明日期")


class YearReport(Closed):
    """Everything one department's disclosures for one year state."""

    year: Annotated[int, Field(ge=1990, le=2100), Whole] = Field(description="报告年度")
    unit: Literal["元", "万元"] = Field(description="本文件金额的单位")
    documents: Annotated[tuple[Document, ...], Field(min_length=1)]
    organization: Organization | None = None
    staffing: Staffing | None = None
    income: tuple[Account, ...] = Field((), description="收入，按口径")
    expenditure: tuple[Account, ...] = Field((), description="支出，按口径")
    sangong: SanGong | None = Field(None, description=SECTIONS["sangong"])
    projects: tuple[ProjectGroup, ...] = Field((), description="项目")
    operating_costs: Block | None = Field(None, description=SECTIONS["operating_costs"])
    assets: Block | None = Field(None, description=SECTIONS["assets"])
    procurement: Block | None = Field(None, description=SECTIONS["procurement"])
    performance: Performance | None = Field(None, description=SECTIONS["performance"])
    project_performance: tuple[Performance, ...] = Field((), description=SECTIONS["project_performance"])
    tables: tuple[PublishedTable, ...] = Field((), description="决算公开表，逐表逐格照原文")
    work_stats: tuple[Stat, ...] = Field((), description=SECTIONS["work_stats"])
    sections: tuple[Section, ...] = Field((), description="正文各部分，按原文顺序")
    problems: tuple[Markdown, ...] = Field((), description="存在的问题")
    measures: tuple[Markdown, ...] = Field((), description="改进措施")
    explanations: tuple[Explanation, ...] = Field((), description="对数据核验发现的说明（单位说明、审核说明）")


# --- departments, regions, site ---------------------------------------------------------------


class HistoryEvent(Closed):
    date: Text = Field(description="时间，照原文，如 2019年3月")
    event: Text


class Department(Closed):
    name: Text = Field(description="部门全称")
    short_name: Text | None = Field(None, description="简称")
    aliases: tuple[Text, ...] = Field((), description="曾用名、其他名称")
    region: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] = Field(
        description="所在县（区）的行政区划代码，须在 regions.yaml 中")
    level: Text | None = Field(None, description="级别，如 正科级")
    type: Text | None = Field(None, description="单位类型，如 行政单位、全额拨款事业单位")
    founded: Text | None = Field(None, description="成立时间，照原文")
    functions: tuple[Markdown, ...] = Field((), description="主要职能")
    internal_units: tuple[Text, ...] = Field((), description="内设机构")
    history: tuple[HistoryEvent, ...] = Field((), description="沿革：成立、合并、更名")


class Region(Closed):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] = Field(description="行政区划代码")
    name: Text
    slug: Slug = Field(description="URL 中的拼音名")
    children: tuple[Region, ...] = ()


class Regions(Closed):
    regions: tuple[Region, ...]


class Term(Closed):
    term: Text = Field(description="名词")
    definition: Markdown = Field(description="解释，照报告原文")
    source: Text | None = Field(None, description="出处，如某报告的“名词解释”")


class Glossary(Closed):
    terms: tuple[Term, ...]


class Contact(Closed):
    address: Text | None = None
    phone: Text | None = None
    email: Text | None = None


def _link_address(value: object) -> str:
    """An address a page links to: a web page (http/https), or mailto: and an address."""
    if isinstance(value, str) and scheme_of(value) == "mailto:":
        if "@" not in value or any(ch.isspace() or ord(ch) < 32 for ch in value):
            raise PydanticCustomError("figure", "{message}", {
                "message": say("model.mailto", value=repr(_clip(value))), "hint": say("model.mailto.hint")})
        return value
    scheme = scheme_of(value) if isinstance(value, str) else None
    if isinstance(value, str) and scheme is not None and scheme not in ("http:", "https:"):
        raise PydanticCustomError("figure", "{message}", {
            "message": say("model.link_scheme", value=repr(_clip(value)), scheme=scheme),
            "hint": say("model.link_scheme.hint")})
    return _web_address(value)


#: An address a link in the page's frame points to (我要纠错): http://, https:// or mailto:, the
#: schemes content/links.py lets a link use; javascript: and the rest are refused.
LinkAddress = Annotated[str, PlainValidator(_link_address),
                        WithJsonSchema({"type": "string", "pattern": "^([Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+|[Mm][Aa][Ii][Ll][Tt][Oo]:\\S+@\\S+)",
                                        "description": "http://、https:// 网址或 mailto: 邮箱"})]

#: The image types a mark may be (served from the site itself, at the path's hash).
IMAGE_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif", ".jpg": "image/jpeg",
               ".jpeg": "image/jpeg"}


_CONTENT_IMAGE = r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\.(?:png|svg|gif|jpe?g)$"


def _content_image(value: object) -> str:
    if not isinstance(value, str) or not re.match(_CONTENT_IMAGE, value):
        raise PydanticCustomError("figure", "{message}", {
            "message": say("model.content_image", value=repr(_clip(str(value)))),
            "hint": say("model.content_image.hint")})
    return value


#: An image file in content/, by its path from there (letters, digits, _ - . and /; no `..`).
ContentImage = Annotated[str, PlainValidator(_content_image),
                         WithJsonSchema({"type": "string", "pattern": _CONTENT_IMAGE,
                                         "description": "content/ 下的图片文件路径"})]


class GovernmentMark(Closed):
    """The 党政机关网站标识 that the 编制部门 issues a government site: its image, kept in content/
    and served by the site itself (never the issuer's script), linked to the issuer's page for it."""
    image: ContentImage = Field(
        description="标识图片，content/ 下的相对路径，如 assets/dzjg.png（PNG、SVG、GIF 或 JPEG，至多 512 KB）")
    url: WebAddress = Field(description="标识的核验页面，发证时给出，如 https://bszs.conac.cn/sitename?method=show&id=…")

    @property
    def suffix(self) -> str:
        return "." + self.image.rsplit(".", 1)[1].lower()


_RECORD_CODE = re.compile(r"\d{10,}")


class Site(Closed):
    title: Text = Field(description="网站名称")
    subtitle: Text | None = None
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+/$")] = Field(
        description="网站根地址，以 / 结尾")
    organizer: Text = Field(description="主办单位")
    contact: Contact | None = None
    site_code: Text | None = Field(None, description="网站标识码")
    icp: Text | None = Field(None, description="ICP 备案号，如 湘ICP备12345678号；页脚链接到 beian.miit.gov.cn")
    police_record: Text | None = Field(
        None, description="公安机关备案号，如 湘公网安备 43052702000123号；页脚按其中的备案编号链接到 www.beian.gov.cn")
    government_mark: GovernmentMark | None = Field(None, description="党政机关网站标识；不填则不显示")
    correction_url: LinkAddress | None = Field(
        None, description="“我要纠错”链接的地址（如全国政府网站纠错页面，或 mailto: 邮箱）；不填则不显示")
    money_unit: Literal["元", "万元"] = Field("万元", description="页面显示金额的单位")
    description: Markdown | None = Field(None, description="关于本站")
    notice: Text | None = Field(None, description="每页顶部的提示，如示例站的“虚构示例数据”")

    @property
    def police_record_code(self) -> str | None:
        """The record number in `police_record`, which the 公安 registry's page is looked up by."""
        found = _RECORD_CODE.search(self.police_record) if self.police_record else None
        return found.group(0) if found else None


# Forward references resolved here, in this module's namespace. (Left to the first use, with
# the validators deferred, one draft of the importer read its change reasons differently:
# tests/test_import.py. The other models' validators are built on first use.)
for _model in (Amounts, Line, Account, SanGong, Block, Funds, Project, ProjectGroup, Stat, Headcount, Section, Region,
               Performance, BudgetExecution):
    _model.model_rebuild()


def nature_line(report: YearReport, name: str) -> tuple[Line | None, str]:
    """The 基本支出 or 项目支出 line of the broadest scope that states it."""
    ordered = sorted(report.expenditure, key=lambda a: a.scope != "部门全部资金")
    for account in ordered:
        for line in account.by_nature:
            if line.name == name:
                return line, account.scope
    return None, ""
