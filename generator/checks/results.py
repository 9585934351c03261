"""What a check is and what it gives: the rules (`RULES`, each with its severity), and each
comparison's `Result` with the `CheckTerm`s (figures) it compared."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..content.figures import Figure, stated as stated_text
from ..content.labels import COUNTS, FIGURES
from ..content.load import ReportFile
from ..content.model import Explanation
from ..content.numbers import decimal_text
from ..content.problems import field_path
from .paths import FieldPath

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    group: str


RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("sum.parts", "各项之和等于所述合计", ERROR, "合计"),
    Rule("sum.breakdown", "各分类（来源、性质、经济分类、功能分类）之和等于合计", ERROR, "合计"),
    Rule("sum.change", f"各项{FIGURES['change'].name}之和等于合计的{FIGURES['change'].name}", ERROR, "合计"),
    Rule("sum.reasons", f"所列增减原因的金额之和等于{FIGURES['change'].name}", ERROR, "合计"),
    Rule("sum.table", "决算公开表中上级科目等于所属下级科目之和（类 = 各款，款 = 各项，合计 = 各类）", ERROR, "合计"),
    Rule("sum.balance", "收入支出决算总表的收入总计等于支出总计", ERROR, "合计"),
    Rule("sum.adjustment", f"{FIGURES['budget_initial'].name}数加{FIGURES['adjustment'].name}等于"
                           f"{FIGURES['budget_full'].name}数（三数均述时）", ERROR, "合计"),
    Rule("sum.progress", "四个季度的当期支出之和等于全年执行数（四季均述时）", ERROR, "合计"),
    Rule("sum.lines", "决算公开表中本年收入合计、本年支出合计等于其上所列各项（一、二、三……）之和", ERROR, "合计"),
    Rule("sum.sangong", "“三公”经费合计等于各分项之和（公务用车 = 购置 + 运行维护）", ERROR, "合计"),
    Rule("sum.duplicate", "汇总表中同一项目只列一次（同名且各阶段金额相同的两行多为重复填报，合计随之重复计入）",
         WARNING, "合计"),
    Rule("sum.staff", f"{COUNTS['authorized'].name}等于各类编制之和", ERROR, "合计"),
    Rule("sum.staff_part", f"“其中”所列人数不超过{COUNTS['actual_end'].name}", WARNING, "合计"),
    Rule("rate.share", "所述占比与按所述数计算的占比一致", ERROR, "比率"),
    Rule("rate.progress", "所述支出进度与截至该时段末的累计支出 ÷ 全年预算数一致", ERROR, "比率"),
    Rule("rate.execution", f"所述{FIGURES['execution_rate'].name}（完成率）与{FIGURES['actual'].name}数 ÷ 预算数一致"
         f"（项目按到位资金计算的，÷ {FIGURES['arrived'].name}）", ERROR, "比率"),
    Rule("rate.arrival", f"所述{FIGURES['arrival_rate'].name}与{FIGURES['arrived'].name} ÷ 预算数一致", ERROR, "比率"),
    Rule("rate.score_rate", "所述得分率与得分 ÷ 分值一致", ERROR, "绩效自评表"),
    Rule("rate.variance", f"所述{FIGURES['variance'].name}等于预算数减{FIGURES['actual'].name}数"
         f"（项目按到位资金计算的，{FIGURES['arrived'].name}减{FIGURES['actual'].name}数）", ERROR, "比率"),
    Rule("rate.variance_rate", f"所述{FIGURES['variance_rate'].name}与{FIGURES['variance'].name} ÷ 预算数一致", ERROR,
         "比率"),
    Rule("rate.zero_base", "比率的分母为 0，无法核对", INFO, "比率"),
    Rule("year.change", f"所述{FIGURES['change'].name}等于本年数减上年数", ERROR, "年度"),
    Rule("year.change_rate", f"所述{FIGURES['change_rate'].name}与{FIGURES['change'].name} ÷ 上年数一致", ERROR,
         "年度"),
    Rule("year.prior_report", f"本年报告所述上年数与上年报告的{FIGURES['actual'].name}数一致", ERROR, "年度"),
    Rule("year.change_reports", f"本年报告所述{FIGURES['change'].name}、{FIGURES['change_rate'].name}（含增减方向）"
                                f"与两年报告的{FIGURES['actual'].name}数一致", ERROR, "年度"),
    Rule("year.scale", "金额与上年报告同一项的量级相符（相差千倍以上多为万元、元混用）", WARNING, "年度"),
    Rule("same.restated", "同一数字在报告中多处出现时各处一致", ERROR, "一数多处"),
    Rule("same.execution_total", "自评的全年执行数（及所述上年支出）与支出合计一致", ERROR, "一数多处"),
    Rule("same.project_execution", "项目清单所列项目的预算数、执行数与同一报告中该项目自评所述一致", ERROR, "一数多处"),
    Rule("same.table_total", "报告所列预算执行表（如分单位表）的合计与自评的年度资金总额一致", ERROR, "一数多处"),
    Rule("same.sangong_table", "正文所述“三公”经费决算数与“三公”经费支出决算表（两套表时为部门汇总表）一致", ERROR,
         "一数多处"),
    Rule("same.operating_costs_table", "正文所述机关运行经费（机构运行经费）与决算公开表中该行的数一致", ERROR,
         "一数多处"),
    Rule("same.evaluated_total", "所述自评涉及资金（年初预算、全年预算、执行数）与自评项目汇总表的合计逐项一致", ERROR,
         "一数多处"),
    Rule("same.evaluated_share", "自评涉及资金占项目支出的比例与所述一致", WARNING, "一数多处"),
    Rule("perf.score_within_weight", "各指标得分不超过其分值", ERROR, "绩效自评表"),
    Rule("perf.score_total", "各项得分之和等于所述总得分", ERROR, "绩效自评表"),
    Rule("perf.weight_total", "各项分值之和等于所述总分值（通常为 100）", ERROR, "绩效自评表"),
    Rule("perf.rescaled_total",
         "有不适用的指标且报告说明按百分制折算时，总得分 = 适用指标得分之和 ÷ 适用指标分值之和 × 总分值", ERROR,
         "绩效自评表"),
    Rule("perf.level1_weight", "各一级指标下的分值之和等于所述该一级指标的分值", ERROR, "绩效自评表"),
    Rule("perf.level2_weight", "各二级指标下的三级指标分值之和等于所述该二级指标的分值", ERROR, "绩效自评表"),
    Rule("perf.standard_weights",
         "一级指标分值与财预〔2020〕10号的建议分值一致（预算执行率10、产出50、效益30、满意度10）",
         WARNING, "绩效自评表"),
    Rule("perf.grade",
         "等级与得分所在的分数段一致（报告自述的分段，未述时按财预〔2020〕10号：优≥90、良80–90、中60–80、差<60）",
         ERROR, "绩效自评表"),
    Rule("perf.deviation", "未达到年度指标值的指标写明偏差原因", WARNING, "绩效自评表"),
    Rule("perf.full_marks_missed", "未达到年度指标值的指标不得满分（财预〔2020〕10号：未完成的按完成比例扣分）", ERROR,
         "绩效自评表"),
    Rule("perf.execution_score",
         "预算执行率得分不超过 执行率 × 分值（财预〔2020〕10号附件1 填表说明；各地另有规定的以其为准）",
         WARNING, "绩效自评表"),
    Rule("perf.score_vs_execution", "总得分不超过预算执行率所允许的上限：100 − (1 − 执行率) × 预算执行率分值"
                                    "（分值未述时按财预〔2020〕10号的 10 分）", WARNING, "绩效自评表"),
    Rule("complete.final_accounts", "部门决算公开了“三公”经费（含分项）、机关运行经费、政府采购、国有资产和绩效自评",
         WARNING, "完整性"),
    Rule("complete.empty_statement", "为零或空缺的部分附有说明", INFO, "完整性"),
    Rule("publish.timeliness",
         "部门预决算在财政部门批复后 20 日内公开（《地方预决算公开操作规程》；以所述批复日期与发布日期计）",
         WARNING, "完整性"),
    Rule("explain.unused", "单位说明所指的核对项存在且不一致（规则编号与核对内容照 build.py check 所列）", WARNING,
         "单位说明"),
)}


@dataclass(frozen=True)
class CheckTerm:
    """One figure in a comparison: what it is, its value as stated, and where it stands."""

    label: str
    stated: str
    value: Decimal
    line: int
    path: str
    at: str = ""


#: A term as a check names it: its label, the figure, the figure's path and which statement.
Recipe = tuple[str, Figure, FieldPath, int]


def _term(rf: ReportFile, recipe: Recipe) -> CheckTerm:
    label, figure, path, index = recipe
    statement = figure.statements[index]
    where = (*path, index) if len(figure.statements) > 1 else path
    return CheckTerm(label, stated_text(statement), statement.base, rf.line_of(where), field_path(where),
                statement.at or "")


class LazyTerms:
    """The terms of a check that passed, made when first asked for. A report's checks name
    some 400 figures, nearly all in checks that pass, whose terms no page or file shows (the
    page lists a passed check by its subject and message): making each one's text, line and
    field path took two fifths of the checks' time. Compares, hashes, prints and pickles as
    the tuple of terms (unpickled, it is that tuple)."""

    __slots__ = ("_rf", "_recipes", "_made")

    def __init__(self, rf: ReportFile, recipes: tuple[Recipe | CheckTerm, ...]):
        self._rf: ReportFile | None = rf
        self._recipes = recipes
        self._made: tuple[CheckTerm, ...] | None = None

    def made(self) -> tuple[CheckTerm, ...]:
        if self._made is None:
            rf = self._rf
            assert rf is not None
            self._made = tuple(r if isinstance(r, CheckTerm) else _term(rf, r) for r in self._recipes)
            self._rf = None
        return self._made

    def __len__(self) -> int:
        return len(self._recipes)

    def __bool__(self) -> bool:
        return bool(self._recipes)

    def __iter__(self):
        return iter(self.made())

    def __getitem__(self, index):
        return self.made()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTerms):
            other = other.made()
        return self.made() == other

    def __hash__(self) -> int:
        return hash(self.made())

    def __repr__(self) -> str:
        return repr(self.made())

    def __reduce__(self):
        return tuple, (self.made(),)


@dataclass(frozen=True)
class Result:
    """One comparison: passed, failed, or (passed None) not possible, with why."""

    rule: str
    passed: bool | None
    subject: str
    #: A tuple, or for a check that passed LazyTerms (the same terms, made when asked for).
    terms: tuple[CheckTerm, ...] | LazyTerms = ()
    computed: str = ""
    difference: str = ""
    tolerance: str = ""
    message: str = ""
    slug: str = ""
    year: int = 0
    file: str = ""
    #: What the department or a reviewer says of this finding (the year file's `explanations`).
    explanation: Explanation | None = None
    #: Where a result without figures points (an explanation that matches nothing).
    at_line: int = 0

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    @property
    def line(self) -> int:
        """Where the figure under check stands: the first term is always the stated one."""
        return self.terms[0].line if self.terms else (self.at_line or 1)

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule, "severity": self.severity, "title": RULES[self.rule].title, "passed": self.passed,
            "department": self.slug, "year": self.year, "file": self.file, "line": self.line,
            "subject": self.subject, "message": self.message, "computed": self.computed,
            "difference": self.difference, "tolerance": self.tolerance,
            "figures": [{"label": t.label, "stated": t.stated, "value": decimal_text(t.value), "line": t.line,
                         "field": t.path, "at": t.at} for t in self.terms],
            "explanation": None if self.explanation is None else {
                "text": self.explanation.text, "by": self.explanation.by,
                "date": self.explanation.date.isoformat() if self.explanation.date else None},
        }


def explained_by(e: Explanation) -> str:
    """Who gave an explanation and when, as shown beside it: “网站内容审核，2026-12-06”."""
    return "，".join(v for v in (e.by, e.date.isoformat() if e.date else None) if v)


def unexplained(results: Iterable[Result]) -> list[Result]:
    """The errors and warnings among the findings that no explanation answers: what `check --strict` fails on."""
    return [r for r in findings(results) if r.severity in (ERROR, WARNING) and r.explanation is None]


def findings(results: Iterable[Result]) -> list[Result]:
    """The results that did not pass, most severe first, then in file order."""
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted((r for r in results if r.passed is False),
                  key=lambda r: (order[r.severity], r.line, r.rule, r.subject))
