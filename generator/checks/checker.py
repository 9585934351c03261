"""数据核验: rules that check a report's figures against each other.

Each rule has an id, a Chinese description and a severity. Each result names the figures
compared, with the file and line where each was stated, the value computed from them, the
difference and the tolerance. Comparisons respect the precision of the stated figures:

- money is taken as stated to at least 0.01 of its unit (reports drop trailing zeros:
  "8.1万元" is 8.10), so a sum of n parts may differ from its total by the parts' and the
  total's half-steps added up, no more;
- a stated rate carries the precision it is written with (15% is 14.5%–15.5%), widened by
  how far the rounding of the figures it is computed from can move it.

Nothing here corrects a figure: a rule only reports what does not agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import cast

from ..content.figures import Figure, Statement, stated as stated_text
from ..content.labels import BREAKDOWNS, COUNTS, SECTIONS, STAGE_KEYS
from ..content.load import Content, DepartmentEntry, ReportFile
from ..content.model import (
    SANGONG_LABELS,
    Account,
    Amounts,
    Block,
    Indicator,
    Line,
    Performance,
    Project,
    ProjectGroup,
    PublishedTable,
    SanGong,
    TableRow,
    YearReport,
    nature_line,
)
from ..content.numbers import MONEY_UNITS, plain, unmet
from ..content.problems import field_path
from .paths import LABELS, FieldPath, _describe_path, _figures, _find_path
from .results import CheckTerm, LazyTerms, Recipe, Result, _term

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

STANDARD_WEIGHTS = {"预算执行率": Decimal(10), "产出指标": Decimal(50), "效益指标": Decimal(30),
                    "满意度指标": Decimal(10)}
STANDARD_BANDS = ((Decimal(90), None, "优"), (Decimal(80), Decimal(90), "良"), (Decimal(60), Decimal(80), "中"),
                  (None, Decimal(60), "差"))
GRADE_WORDS = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "合格": "中", "一般": "中",
               "差": "差", "较差": "差", "不合格": "差"}
STAGES = STAGE_KEYS


# --- precision ---------------------------------------------------------------------------------


#: The days after approval within which a department's 预决算 are to be published (操作规程).
PUBLISH_DAYS = 20
#: A quarter as a progress point names it: 一季度, 第一季度 (its number the group).
_QUARTER = re.compile(r"第?([一二三四1-4])季度")
#: A share's stated base that is the account's total, whatever line the share stands under.
_WHOLE = re.compile(r"^(本年)?(总支出|总收入|支出合计|收入合计|支出总额|收入总额|全部支出|全部收入)$")


def half_step(statement: Statement) -> Decimal:
    """How far rounding may have moved a stated figure, in base units.

    Amounts and scores are taken as exact to at least 0.01 (reports drop trailing zeros);
    a rate is only as precise as it is written.
    """
    if statement.unit in MONEY_UNITS:
        return min(statement.step, MONEY_UNITS[statement.unit] * CENT) / 2
    if statement.unit == "分":
        return min(statement.step, CENT) / 2
    return statement.step / 2


def show_money(yuan: Decimal, unit: str) -> str:
    """An amount in the report's own unit, to the cent of that unit: 6.05万元."""
    scaled = (yuan / MONEY_UNITS[unit]).quantize(Decimal("0.000001"))
    return f"{plain(scaled)}{unit}"


def show_rate(value: Decimal, places: int = 2) -> str:
    return f"{plain(value.quantize(Decimal(1).scaleb(-places)))}%"


# --- the checker ---------------------------------------------------------------------------------


def cell_half_step(value: Decimal) -> Decimal:
    """How far rounding may have moved a 决算 table's cell: half its last place, 0.5 for a whole number."""
    return Decimal(1).scaleb(min(cast(int, value.as_tuple().exponent), 0)) / 2  # (a cell is finite)


#: A table's columns of the budget's execution, by the stage of 年度资金总额 each states (same.table_total).
_TABLE_STAGES = {"年初预算数": "budget_initial", "年初预算": "budget_initial", "全年预算数": "budget_full",
                 "全年预算": "budget_full", "调整后预算数": "budget_full", "全年执行数": "actual", "全年执行": "actual"}

#: A 三公 table's columns of the year's outturn (same.sangong_table): the group's words, and the
#: part of 三公 each column's last name is.
_OUTTURN = ("决算数", "本年决算数", "决算")
_SANGONG_PARTS = {"合计": "total", "“三公”经费合计": "total", "三公经费合计": "total",
                  "因公出国（境）费": "overseas", "因公出国(境)费": "overseas",
                  "公务用车购置费": "vehicle_purchase", "公务用车运行费": "vehicle_operation",
                  "公务用车运行维护费": "vehicle_operation", "公务接待费": "reception"}
_VEHICLES = ("公务用车购置及运行费", "公务用车购置及运行维护费")


def _rate_test(stated: Figure, num: Figure, den: Figure, base_offset: Decimal | None = None) \
        -> tuple[Decimal, Decimal, Decimal]:
    """A stated percentage against num ÷ den (den plus `base_offset`, whose rounding counts twice):
    the computed rate, the stated less it, and the tolerance of the three figures' rounding. The
    base must not be zero."""
    den_value = den.value if base_offset is None else den.value + base_offset
    computed = num.value / den_value * HUNDRED
    error_den = half_step(den.first) * (2 if base_offset is not None else 1)
    spread = HUNDRED * (half_step(num.first) + abs(num.value / den_value) * error_den) / abs(den_value)
    return computed, stated.first.value - computed, half_step(stated.first) + spread


def _difference_test(stated: Figure, minuend: Figure, subtrahend: Figure) -> tuple[Decimal, Decimal, Decimal]:
    """A stated difference against minuend − subtrahend: the computed difference, the stated less it,
    and the tolerance of the three figures' rounding."""
    computed = minuend.value - subtrahend.value
    tolerance = half_step(stated.first) + half_step(minuend.first) + half_step(subtrahend.first)
    return computed, stated.value - computed, tolerance


def _rate_fits(stated: Figure, num: Figure, den: Figure) -> bool:
    """Whether a stated rate is num ÷ den within the rounding of the three (as rate_check judges it)."""
    if den.value == 0:
        return False
    _, difference, tolerance = _rate_test(stated, num, den)
    return abs(difference) <= tolerance


def _difference_fits(stated: Figure, minuend: Figure, subtrahend: Figure) -> bool:
    """Whether a stated difference is minuend − subtrahend within their rounding (as difference_check judges it)."""
    _, difference, tolerance = _difference_test(stated, minuend, subtrahend)
    return abs(difference) <= tolerance


def _sangong_column(name: str) -> str | None:
    """The part of 三公 a 三公 table's column holds at the year's outturn (决算数 / 公务接待费 →
    reception; 决算数 / 公务用车购置及运行费 / 小计 → vehicles), or None."""
    parts = [p.replace(" ", "") for p in name.split("/")]
    if len(parts) < 2 or parts[0] not in _OUTTURN:
        return None
    rest = parts[1:]
    if rest[0] in _VEHICLES:
        return "vehicles" if rest[1:] in ([], ["小计"]) else _SANGONG_PARTS.get(rest[-1]) if len(rest) == 2 else None
    return _SANGONG_PARTS.get(rest[0]) if len(rest) == 1 else None


def _table_name(table: PublishedTable) -> str:
    """A published table as a finding names it: its label and title (公开07表 “三公”经费支出决算表)."""
    return (f"{table.label} " if table.label else "") + table.title


def _total_row(table: PublishedTable) -> tuple[int, TableRow] | None:
    """A published table's 合计 (or 总计) row without a code, and its place, or None."""
    return next(((n, row) for n, row in enumerate(table.rows)
                 if not row.code and row.name.replace(" ", "").replace("\u3000", "") in ("合计", "总计")), None)


#: A published table's row of the 机关运行经费 (机构运行经费, the 2022 templates' name), its ordinal
#: aside: 一、机构运行经费支出 (公开12表), 机关运行经费 (a 三公 table widened by it).
_OPERATING_ROW = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])?"
                            r"(?:行政参公单位)?(?:机关|机构)运行经费(?:支出)?(?:合计)?")


#: The totals of the lines numbered above them in a 决算 table (sum.lines).
_LINE_TOTALS = frozenset({"本年收入合计", "本年支出合计"})
#: A line numbered as the standard tables number their sources and classes: 一、 … 二十五、
_NUMBERED_LINE = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]")


@dataclass
class Checker:
    """Runs every rule over one report; collects results with their places."""

    rf: ReportFile
    results: list[Result] = field(default_factory=list)
    #: While the lines of an account or a block are walked: its total, which a line's share of
    #: the whole (占总支出的…, 占政府采购支出总额的…) is of; and the block's name (政府采购).
    account_total: tuple[Amounts, FieldPath] | None = None
    block_label: str | None = None
    #: The stages at which the funds evaluated, as stated, are a summary's 合计 less a project it
    #: counts twice (sum.duplicate says so; same.evaluated_total leaves them to it).
    evaluated_once: set[str] = field(default_factory=set)

    @property
    def report(self) -> YearReport:
        return self.rf.report

    @property
    def unit(self) -> str:
        return self.report.unit

    def term(self, label: str, figure: Figure, path: FieldPath, index: int = 0) -> Recipe:
        """A figure as a term of a check (`add` makes the CheckTerm, or LazyTerms for a check that passed)."""
        return label, figure, path, index

    def add(self, rule: str, passed: bool | None, subject: str, terms: Iterable[Recipe | CheckTerm] = (),
            computed: str = "", difference: str = "", tolerance: str = "", message: str = "") -> None:
        rf = self.rf
        if passed:
            made: tuple[CheckTerm, ...] | LazyTerms = LazyTerms(rf, tuple(terms))
        else:
            made = tuple(t if isinstance(t, CheckTerm) else _term(rf, t) for t in terms)
        self.results.append(Result(rule, passed, subject, made, computed, difference, tolerance, message,
                                   rf.slug, rf.year, rf.path))

    def same_amount(self, rule: str, subject: str, stated: Figure, other: Figure,
                    terms: list[Recipe | CheckTerm], message: str,
                    if_not: tuple[list[Recipe | CheckTerm], str] = ([], "")) -> None:
        """Two statements of one amount the same within both figures' rounding: the difference is
        `stated` less `other`; a message that differs says by how much, then what `if_not` adds."""
        difference = stated.value - other.value
        tolerance = half_step(stated.first) + half_step(other.first)
        passed = abs(difference) <= tolerance
        if not passed:
            terms = [*terms, *if_not[0]]
            message += f"，相差 {show_money(abs(difference), self.unit)}{if_not[1]}"
        self.add(rule, passed, subject, terms, difference=show_money(difference, self.unit),
                 tolerance=show_money(tolerance, self.unit), message=message)

    # --- sums ----------------------------------------------------------------------------------

    def sum_check(self, rule: str, subject: str, total: Amounts | None, total_path: FieldPath,
                  parts: Sequence[tuple[str, Amounts, FieldPath]], partial: bool = False,
                  stages: Iterable[str] = (*STAGES, "change"), lone: bool = False) -> None:
        """The parts' stated figures against the total's, stage by stage.

        The changes on the year before are compared under their own rule, sum.change, and only
        where every part states its change and the parts are all of the total: a change may be
        negative, so a sum over some parts says nothing about the total's. (sum.reasons, the
        stated reasons of a change against it, keeps its own rule.)
        """
        if total is None or not parts:
            return
        short = False  # the parts, all stated at a stage, fall short of the total: not all of it
        for stage in stages:
            total_figure = getattr(total, stage, None)
            if total_figure is None:
                continue
            stated = [(name, getattr(a, stage), path) for name, a, path in parts if getattr(a, stage, None) is not None]
            if not stated:
                continue
            complete = len(stated) == len(parts) and not partial
            signed = stage == "change"
            if signed and (not complete or short and lone):
                # (“收入合计 … 财政拨款收入 …” with its change: one part listed below the total is
                # a part mentioned, and its change may be more than the total's)
                continue
            rule_here = "sum.change" if signed and rule != "sum.reasons" else rule
            amount = sum((f.value for _, f, _ in stated), Decimal(0))
            tolerance = sum((half_step(f.first) for _, f, _ in stated), half_step(total_figure.first))
            difference = amount - total_figure.value
            short = short or complete and not signed and difference < -tolerance
            if not complete and difference <= tolerance:
                continue  # some parts are not stated (or only 其中 are listed): nothing to compare
            label = LABELS[stage]
            terms = [self.term(f"合计（{label}）", total_figure, (*total_path, stage))]
            terms += [self.term(f"{name}（{label}）", f, (*path, stage)) for name, f, path in stated]
            passed = abs(difference) <= tolerance
            if lone and not passed and difference < 0 and not signed:
                continue  # a breakdown's one line below its total: a part mentioned, not the breakdown
            parts_sum, total_is = ("各项之和", "合计")
            if rule_here == "sum.change":
                parts_sum, total_is = f"各项{label}之和", f"合计的{label}"
            if passed:
                message = f"{parts_sum} {show_money(amount, self.unit)} 与{total_is}相符"
            elif complete:
                message = (f"{parts_sum} {show_money(amount, self.unit)}，所述{total_is} "
                           f"{show_money(total_figure.value, self.unit)}，"
                           f"相差 {show_money(abs(difference), self.unit)}")
            else:
                message = (f"已列各项之和 {show_money(amount, self.unit)} 已超过所述合计 "
                           f"{show_money(total_figure.value, self.unit)}")
            self.add(rule_here, passed, f"{subject}：{label}", terms, show_money(amount, self.unit),
                     show_money(difference, self.unit), show_money(tolerance, self.unit), message)

    def line_sums(self, subject: str, line: Line, path: FieldPath) -> None:
        """A row against its own items, and its stated change against its stated reasons."""
        if line.items:
            self.sum_check("sum.parts", f"{subject}", line, path,
                           [(i.name, i, (*path, "items", n)) for n, i in enumerate(line.items)], line.items_partial)
        self.reasons_check(subject, line, path)

    def reasons_check(self, subject: str, amounts: Amounts, path: FieldPath) -> None:
        if amounts.change is None or not amounts.change_reasons:
            return
        stated = [(r.name, r, (*path, "change_reasons", n)) for n, r in enumerate(amounts.change_reasons)
                  if r.change is not None]
        if len(stated) != len(amounts.change_reasons):
            return
        self.sum_check("sum.reasons", f"{subject}增减原因", amounts, path, stated, stages=("change",))

    # --- rates ---------------------------------------------------------------------------------

    def rate_check(self, rule: str, subject: str, stated: Figure, stated_path: FieldPath,
                   numerator: tuple[str, Figure, FieldPath], denominator: tuple[str, Figure, FieldPath],
                   base_offset: Decimal | None = None) -> None:
        """A stated percentage against numerator ÷ denominator of stated figures."""
        num_label, num, num_path = numerator
        den_label, den, den_path = denominator
        den_value = den.value if base_offset is None else den.value + base_offset
        terms = [self.term(subject, stated, stated_path), self.term(num_label, num, num_path),
                 self.term(den_label, den, den_path)]
        if den_value == 0:
            self.add("rate.zero_base", None, subject, terms,
                     message=f"{den_label}为 0，{subject}（所述 {show_rate(stated.first.value)}）无法按所述数核对")
            return
        computed, difference, tolerance = _rate_test(stated, num, den, base_offset)
        passed = abs(difference) <= tolerance
        message = (f"所述 {show_rate(stated.first.value)}，按所述数计算为 {show_rate(computed)}"
                   + ("" if passed else f"，相差 {show_rate(abs(difference))}"))
        self.add(rule, passed, subject, terms, show_rate(computed), show_rate(difference), show_rate(tolerance),
                 message)

    def difference_check(self, rule: str, subject: str, stated: Figure, stated_path: FieldPath,
                         minuend: tuple[str, Figure, FieldPath], subtrahend: tuple[str, Figure, FieldPath]) -> None:
        """A stated difference (change, variance) against minuend − subtrahend."""
        computed, difference, tolerance = _difference_test(stated, minuend[1], subtrahend[1])
        passed = abs(difference) <= tolerance
        terms = [self.term(subject, stated, stated_path), self.term(minuend[0], minuend[1], minuend[2]),
                 self.term(subtrahend[0], subtrahend[1], subtrahend[2])]
        message = (f"所述 {show_money(stated.value, self.unit)}，按所述数计算为 {show_money(computed, self.unit)}"
                   + ("" if passed else f"，相差 {show_money(abs(difference), self.unit)}"))
        self.add(rule, passed, subject, terms, show_money(computed, self.unit), show_money(difference, self.unit),
                 show_money(tolerance, self.unit), message)

    def amounts_rates(self, subject: str, a: Amounts, path: FieldPath,
                      parent: tuple[Amounts, FieldPath] | None) -> None:
        """Every rate and difference a row states, against the row's own figures."""

        def own(key: str) -> tuple[str, Figure, FieldPath]:
            """A figure of the row as a term of a comparison: its name, the figure, its path."""
            return LABELS[key], getattr(a, key), (*path, key)

        budget_stage = next((s for s in ("budget_full", "budget", "budget_initial") if getattr(a, s) is not None), None)
        budget = own(budget_stage) if budget_stage else None
        actual = own("actual") if a.actual is not None else None
        arrived = getattr(a, "arrived", None)
        if a.execution_rate is not None and budget and actual:
            base = budget
            if arrived is not None and not _rate_fits(a.execution_rate, actual[1], budget[1]) \
                    and _rate_fits(a.execution_rate, actual[1], arrived):
                base = own("arrived")  # “预算执行率96.41%（实际支出/到位资金）”: a project's, on the funds received
            self.rate_check("rate.execution", f"{subject}{LABELS['execution_rate']}", a.execution_rate,
                            (*path, "execution_rate"), actual, base)
        arrival_rate = getattr(a, "arrival_rate", None)
        if arrival_rate is not None and arrived is not None and budget:
            self.rate_check("rate.arrival", f"{subject}{LABELS['arrival_rate']}", arrival_rate, (*path, "arrival_rate"),
                            own("arrived"), budget)
        self.adjustment_check(subject, a, path)
        self.progress_check(subject, a, path, budget, actual)
        if a.variance is not None and budget and actual:
            base = budget
            if arrived is not None and not _difference_fits(a.variance, budget[1], actual[1]) \
                    and _difference_fits(a.variance, arrived, actual[1]):
                base = own("arrived")  # “结余13.36万元”: what of the funds received was not spent
            self.difference_check("rate.variance", f"{subject}{LABELS['variance']}", a.variance, (*path, "variance"),
                                  base, actual)
        if a.variance_rate is not None and a.variance is not None and budget:
            self.rate_check("rate.variance_rate", f"{subject}{LABELS['variance_rate']}", a.variance_rate,
                            (*path, "variance_rate"), own("variance"), budget)
        if a.change is not None and a.prior is not None and actual:
            self.difference_check("year.change", f"{subject}比上年{LABELS['change']}", a.change, (*path, "change"),
                                  actual, own("prior"))
        if a.change_rate is not None and a.change is not None:
            change_rate = f"{subject}比上年{LABELS['change_rate']}"
            if a.prior is not None:
                self.rate_check("year.change_rate", change_rate, a.change_rate, (*path, "change_rate"), own("change"),
                                own("prior"))
            elif actual:
                # The prior-year figure is not stated: it is this year's less the stated change.
                self.rate_check("year.change_rate", change_rate, a.change_rate, (*path, "change_rate"), own("change"),
                                actual, base_offset=-a.change.value)
        if a.share is not None and (parent is not None or self.account_total is not None):
            self.share_check(subject, a, path, parent)

    def progress_check(self, subject: str, a: Amounts, path: FieldPath, budget: tuple[str, Figure, FieldPath] | None,
                       actual: tuple[str, Figure, FieldPath] | None) -> None:
        """The year's progress a row states (progress[]): each point's 支出进度 against its cumulative
        spending ÷ the year's budget (rate.progress), and the four quarters' own spending against the
        year's (sum.progress), when the row states all four quarters and its 全年执行数."""
        for n, point in enumerate(a.progress):
            at = (*path, "progress", n)
            if point.rate is not None and point.spent_to_date is not None and budget:
                self.rate_check("rate.progress", f"{subject}{point.name}支出进度", point.rate, (*at, "rate"),
                                (f"{point.name}累计支出", point.spent_to_date, (*at, "spent_to_date")), budget)
        quarters = [(n, p, q[1]) for n, p in enumerate(a.progress) if (q := _QUARTER.fullmatch(p.name))]
        if actual is None or len(quarters) != 4 or len({q for _, _, q in quarters}) != 4 \
                or any(p.spent is None for _, p, _ in quarters):
            return
        figures = [(p.name, p.spent, (*path, "progress", n, "spent")) for n, p, _ in quarters]
        total = sum((f.value for _, f, _ in figures if f is not None), Decimal(0))
        tolerance = half_step(actual[1].first) + sum((half_step(f.first) for _, f, _ in figures if f is not None),
                                                      Decimal(0))
        difference = actual[1].value - total
        passed = abs(difference) <= tolerance
        terms = [self.term(f"{subject}（{actual[0]}）", actual[1], actual[2])] + \
            [self.term(f"{subject}{name}支出", f, p) for name, f, p in figures if f is not None]
        message = (f"四个季度的支出合计 {show_money(total, self.unit)}，"
                   f"所述全年 {show_money(actual[1].value, self.unit)}"
                   + ("" if passed else f"，相差 {show_money(abs(difference), self.unit)}"))
        self.add("sum.progress", passed, f"{subject}分季度支出", terms, show_money(total, self.unit),
                 show_money(difference, self.unit), show_money(tolerance, self.unit), message)

    def adjustment_check(self, subject: str, a: Amounts, path: FieldPath) -> None:
        """年初预算数 + 年中调整数 = 全年预算数, when the row states all three (sum.adjustment).

        A cut printed without a sign (a sheet that shows it only in red, 红色为调减) reads as an
        addition: an unsigned adjustment that agrees as a cut passes, and the message says so."""
        if a.adjustment is None or a.budget_initial is None or a.budget_full is None:
            return
        adjustment, initial, full = a.adjustment, a.budget_initial, a.budget_full
        computed, difference, tolerance = _difference_test(adjustment, full, initial)
        passed = abs(difference) <= tolerance
        as_cut = not passed and adjustment.value > 0 and abs(adjustment.value + computed) <= tolerance
        terms = [self.term(f"{subject}（{LABELS['adjustment']}）", adjustment, (*path, "adjustment")),
                 self.term(f"{subject}（{LABELS['budget_initial']}）", initial, (*path, "budget_initial")),
                 self.term(f"{subject}（{LABELS['budget_full']}）", full, (*path, "budget_full"))]
        if as_cut:
            message = (f"全年预算数比年初预算数少 {show_money(-computed, self.unit)}，所述调整数未标负号"
                       "（调减或以颜色等标示），按调减相符")
        else:
            message = (f"所述 {show_money(adjustment.value, self.unit)}，全年预算数减年初预算数为 "
                       f"{show_money(computed, self.unit)}"
                       + ("" if passed else f"，相差 {show_money(abs(difference), self.unit)}"))
        self.add("sum.adjustment", passed or as_cut, f"{subject}{LABELS['adjustment']}", terms,
                 show_money(computed, self.unit), show_money(difference, self.unit), show_money(tolerance, self.unit),
                 message)

    def share_check(self, subject: str, a: Amounts, path: FieldPath, parent: tuple[Amounts, FieldPath] | None) -> None:
        assert a.share is not None  # (the caller's condition)
        whole_of = self.account_total
        of = (a.share_of or "").replace(" ", "")
        if self.block_label and of.startswith(self.block_label):
            of = of[len(self.block_label):]  # “授予小微企业合同金额…占政府采购支出总额的73.43%”: of the block's total
        if a.share_of and _WHOLE.search(of) and whole_of is not None and (parent is None or whole_of[1] != parent[1]):
            parent = whole_of  # “人员经费…占总支出的42.75%”: of the account's total, not of 基本支出
        if parent is None:
            return  # (a line beside the total, its share of something else)
        total, total_path = parent
        for stage in ("actual", "budget_full", "budget", "budget_initial"):
            part, whole = getattr(a, stage), getattr(total, stage)
            if part is not None and whole is not None:
                of = a.share_of or "合计"
                self.rate_check("rate.share", f"{subject}占{of}的比例", a.share, (*path, "share"),
                                (f"{subject}（{LABELS[stage]}）", part, (*path, stage)),
                                (f"{of}（{LABELS[stage]}）", whole, (*total_path, stage)))
                return

    # --- walking the report --------------------------------------------------------------------

    def walk_lines(self, subject: str, lines: tuple[Line, ...], path: FieldPath,
                   parent: tuple[Amounts, FieldPath] | None) -> None:
        for n, line in enumerate(lines):
            here = (*path, n)
            name = f"{subject}·{line.name}" if subject else line.name
            self.amounts_rates(name, line, here, parent)
            self.line_sums(name, line, here)
            self.walk_lines(name, line.items, (*here, "items"), (line, here))
            self.source_sums(name, line, here)

    def source_sums(self, subject: str, line: Line, path: FieldPath) -> None:
        """A project's money by source (中央、省级、县级财政资金…): each source's own rates, and the
        sources against the project's money at every stage they state, their arrivals included."""
        sources = getattr(line, "by_source", ())
        if not sources:
            return
        for n, source in enumerate(sources):
            self.amounts_rates(f"{subject}·{source.name}", source, (*path, "by_source", n), (line, path))
        self.sum_check("sum.parts", f"{subject}（按资金来源）", line, path,
                       [(s.name, s, (*path, "by_source", n)) for n, s in enumerate(sources)],
                       stages=(*STAGES, "arrived"))

    def accounts(self, kind: str, accounts: tuple[Account, ...]) -> None:
        label = SECTIONS[kind]
        for i, account in enumerate(accounts):
            base = (kind, i)
            subject = f"{label}（{account.scope}）"
            total = (account.total, (*base, "total")) if account.total is not None else None
            if account.total is not None:
                self.amounts_rates(f"{subject}合计", account.total, (*base, "total"), None)
                self.line_sums(f"{subject}合计", account.total, (*base, "total"))
            for key, dim in BREAKDOWNS.items():
                lines = getattr(account, key)
                if not lines:
                    continue
                # A breakdown of one line may be a part the report mentions rather than the whole
                # breakdown (“其中：基本支出…” alone): it is found only when it exceeds the total.
                if account.total is not None:
                    parts = [(line.name, line, (*base, key, n)) for n, line in enumerate(lines)]
                    if key == "by_source":
                        parts = _without_covered(parts)
                    self.sum_check("sum.breakdown", f"{subject}{dim}", account.total, (*base, "total"),
                                   parts, lone=len(parts) == 1)
                self.account_total = total
                self.walk_lines(subject, lines, (*base, key), total)
                self.account_total = None
            self.walk_lines(subject, account.related, (*base, "related"), None)

    def sangong(self, s: SanGong | None) -> None:
        if s is None:
            return
        base = ("sangong",)
        names = SANGONG_LABELS
        total = (s.total, (*base, "total")) if s.total is not None else None
        for key, name in names.items():
            a = getattr(s, key)
            if a is not None:
                self.amounts_rates(name, a, (*base, key), total if key != "total" else None)
                self.reasons_check(name, a, (*base, key))
        if s.vehicles is not None:
            self.sum_check("sum.sangong", names["vehicles"], s.vehicles, (*base, "vehicles"),
                           [(names[k], getattr(s, k), (*base, k)) for k in ("vehicle_purchase", "vehicle_operation")
                            if getattr(s, k) is not None],
                           partial=s.vehicle_purchase is None or s.vehicle_operation is None)
        vehicles = ("vehicles",) if s.vehicles is not None else ("vehicle_purchase", "vehicle_operation")
        parts = [(names[k], getattr(s, k), (*base, k)) for k in ("overseas", *vehicles, "reception")
                 if getattr(s, k) is not None]
        self.sum_check("sum.sangong", SECTIONS["sangong"], s.total, (*base, "total"), parts)
        if s.reception is not None and s.reception_items:
            self.sum_check("sum.parts", names["reception"], s.reception, (*base, "reception"),
                           [(i.name, i, (*base, "reception_items", n)) for n, i in enumerate(s.reception_items)])
        self.walk_lines(names["reception"], s.reception_items, (*base, "reception_items"),
                        (s.reception, (*base, "reception")) if s.reception is not None else None)
        self.walk_lines(SECTIONS["sangong"], s.related, (*base, "related"), None)

    def block(self, key: str, label: str, block: Block | None) -> None:
        if block is None:
            return
        base = (key,)
        total = (block.total, (*base, "total")) if block.total is not None else None
        if block.total is not None:
            self.amounts_rates(f"{label}合计", block.total, (*base, "total"), None)
            self.reasons_check(f"{label}合计", block.total, (*base, "total"))
            self.sum_check("sum.parts", label, block.total, (*base, "total"),
                           [(i.name, i, (*base, "items", n)) for n, i in enumerate(block.items)])
        # a line's share of the block's total (占政府采购支出总额的…) is of the total, however deep the line
        self.account_total, self.block_label = total, label
        self.walk_lines(label, block.items, (*base, "items"), total)
        self.walk_lines(label, block.related, (*base, "related"), None)
        self.account_total, self.block_label = None, None

    def projects(self, groups: tuple[ProjectGroup, ...]) -> None:
        for g, group in enumerate(groups):
            base = ("projects", g)
            total = (group.total, (*base, "total")) if group.total is not None else None
            parts = _project_parts(group.items, (*base, "items"))
            if group.total is not None:
                self.amounts_rates(f"{group.name}合计", group.total, (*base, "total"), None)
                self.sum_check("sum.parts", group.name, group.total, (*base, "total"),
                               [(p.name, p, path) for _, p, path in parts])
            self.duplicates(group, base, parts)
            self.walk_lines(group.name, group.items, (*base, "items"), total)
            self.project_grades(group.items, (*base, "items"))

    def duplicates(self, group: ProjectGroup, base: FieldPath,
                   parts: list[tuple[str, Project, FieldPath]]) -> None:
        """A project listed twice in one summary: the same name with the same money at every stage
        stated (the same 二级项目 filed under two 一级项目, a row copied). Its 合计 then counts it
        twice when it is the sum of the rows; said with the sum that counts it once, and the funds
        the report says were evaluated where they are that sum."""
        seen: dict[tuple[str, tuple[tuple[str, Decimal], ...]], list[tuple[str, Project, FieldPath]]] = {}
        for under, p, path in parts:
            money = tuple((stage, f.value) for stage in _PROJECT_MONEY if (f := getattr(p, stage)) is not None)
            if money:
                seen.setdefault((re.sub(r"\s+", "", p.name), money), []).append((under, p, path))
        for (_, money), twice in seen.items():
            if len(twice) < 2:
                continue
            first = twice[0][1]
            places = "、".join(under for under, _, _ in twice if under)
            figures = "，".join(f"{LABELS[stage]} {show_money(value, self.unit)}" for stage, value in money)
            message = (f"“{first.name}”列了 {len(twice)} 次" + (f"（{places}）" if places else "")
                       + f"，各处金额相同（{figures}）")
            terms: list[Recipe | CheckTerm] = [self.term(f"{under or first.name}·{p.name}（{LABELS[stage]}）",
                                                         getattr(p, stage), (*path, stage))
                                               for under, p, path in twice for stage, _ in money]
            extra = len(twice) - 1
            for stage, value in money:
                stated = getattr(group.total, stage, None) if group.total is not None else None
                figures_all = [getattr(p, stage) for _, p, _ in parts]
                if stated is None or any(f is None for f in figures_all):
                    continue
                whole = sum((f.value for f in figures_all), Decimal(0))
                tolerance = sum((half_step(f.first) for f in figures_all), half_step(stated.first))
                if abs(whole - stated.value) > tolerance:
                    continue  # (a 合计 that is not the rows' sum: sum.parts says so)
                once = whole - extra * value
                terms.append(self.term(f"合计（{LABELS[stage]}）", stated, (*base, "total", stage)))
                message += (f"；合计（{LABELS[stage]}）{show_money(stated.value, self.unit)} 把它计入了 "
                            f"{len(twice)} 次，只计一次为 {show_money(once, self.unit)}")
                funds, where, named = self.evaluated_at(stage)
                if funds is not None and abs(funds.value - once) <= tolerance:
                    terms.append(self.term(named, funds, where))
                    gap = "" if named.endswith("）") else " "
                    message += f"，与所述{named}{gap}{show_money(funds.value, self.unit)} 相符"
                    self.evaluated_once.add(stage)
            self.add("sum.duplicate", False, f"{group.name}·{first.name}", terms, message=message)

    def evaluated_at(self, stage: str) -> tuple[Figure | None, FieldPath, str]:
        """The funds evaluated at a stage, with their path and name: the stage's own figure where
        the report states them by stage (evaluated_execution), else the stage-less amount as the
        budget they are (evaluated_funds, at 全年预算 or 预算)."""
        perf = self.report.performance
        if perf is None:
            return None, (), ""
        if perf.evaluated_execution is not None:
            figure = getattr(perf.evaluated_execution, stage, None)
            named = f"{LABELS['evaluated_funds']}（{LABELS[stage]}）"
            return figure, ("performance", "evaluated_execution", stage), named
        if stage in ("budget_full", "budget"):
            return perf.evaluated_funds, ("performance", "evaluated_funds"), LABELS["evaluated_funds"]
        return None, (), ""

    def project_grades(self, items: tuple[Project, ...], base: FieldPath) -> None:
        """A project's stated grade against its score (a summary of projects' self-evaluations)."""
        for n, project in enumerate(items):
            self.grade(project, (*base, n), f"{SECTIONS['project_performance']}（{project.name}）")
            self.project_grades(project.items, (*base, n, "items"))

    # --- restatements ------------------------------------------------------------------------------

    def restatements(self) -> None:
        for path, figure in _figures(self.report, ()):
            if len(figure.statements) < 2:
                continue
            first = figure.statements[0]
            terms = [self.term(field_path(path), figure, path, i) for i in range(len(figure.statements))]
            tolerance = max(half_step(s) for s in figure.statements) * 2
            spread = max(abs(s.base - first.base) for s in figure.statements)
            passed = spread <= tolerance
            if passed:
                message = f"{len(terms)} 处所述一致"
            else:
                stated = "、".join(f"{stated_text(s)}（{s.at}）" if s.at else stated_text(s) for s in figure.statements)
                message = f"各处所述不同：{stated}"
            self.add("same.restated", passed, f"{_describe_path(self.report, path)}", terms, message=message)

    # --- performance ---------------------------------------------------------------------------

    def performance(self, perf: Performance | None, base: FieldPath) -> None:
        if perf is None:
            return
        label = SECTIONS["project_performance" if perf.kind == "项目支出" else "performance"]
        if perf.name:
            label = f"{label}（{perf.name}）"
        if perf.evaluated_execution is not None:  # (涉及全年预算资金…，全年执行…，执行率…)
            self.amounts_rates(f"{label}·{LABELS['evaluated_funds']}", perf.evaluated_execution,
                               (*base, "evaluated_execution"), None)
        if perf.budget_execution is not None:
            be = perf.budget_execution
            self.amounts_rates(f"{label}预算执行", be, (*base, "budget_execution"), None)
            for key, what in (("items", "按资金来源"), ("by_nature", "按支出性质")):
                lines = getattr(be, key)
                if not lines:
                    continue
                # 年度资金总额 against its rows by source (当年财政拨款, 上年结转资金 …) or by nature
                self.sum_check("sum.parts", f"{label}预算执行·{be.name or '资金总额'}·{what}", be,
                               (*base, "budget_execution"),
                               [(i.name, i, (*base, "budget_execution", key, n)) for n, i in enumerate(lines)],
                               stages=("budget_initial", "budget_full", "budget", "actual"))
                for n, line in enumerate(lines):
                    self.line_sums(f"{label}预算执行·{line.name}", line, (*base, "budget_execution", key, n))
                    self.adjustment_check(f"{label}预算执行·{line.name}", line, (*base, "budget_execution", key, n))
        rows = perf.indicators
        for n, ind in enumerate(rows):
            here = (*base, "indicators", n)
            if ind.weight is not None and ind.score is not None:
                passed = ind.score.value <= ind.weight.value
                self.add("perf.score_within_weight", passed, f"{label}·{ind.name}",
                         [self.term(LABELS["score"], ind.score, (*here, "score")),
                          self.term(LABELS["weight"], ind.weight, (*here, "weight"))],
                         message=f"得分 {plain(ind.score.value)}，分值 {plain(ind.weight.value)}")
            if ind.score_rate is not None and ind.score is not None and ind.weight is not None:
                self.rate_check("rate.score_rate", f"{label}·{ind.name}得分系数", ind.score_rate, (*here, "score_rate"),
                                ("得分", ind.score, (*here, "score")), ("分值", ind.weight, (*here, "weight")))
            missed = unmet(ind.target, ind.actual)
            if missed and ind.weight is not None and ind.score is not None:
                full = ind.score.value >= ind.weight.value
                self.add("perf.full_marks_missed", not full, f"{label}·{ind.name}",
                         [self.term(LABELS["score"], ind.score, (*here, "score")),
                          self.term(LABELS["weight"], ind.weight, (*here, "weight"))],
                         message=f"年度指标值 {ind.target}，实际完成值 {ind.actual}，得分 {plain(ind.score.value)}"
                                 f"（分值 {plain(ind.weight.value)}）" + ("，未扣分" if full else "，已扣分"))
            if missed:
                passed = bool(ind.deviation and ind.deviation.strip())
                terms = [self.term(LABELS["score"], ind.score, (*here, "score"))] if ind.score else []
                self.add("perf.deviation", passed, f"{label}·{ind.name}", terms,
                         message=f"年度指标值 {ind.target}，实际完成值 {ind.actual}"
                                 + ("，已说明偏差原因" if passed else "，未填写偏差原因"))
        self.performance_totals(perf, base, label)
        self.grade(perf, base, label)

    def performance_totals(self, perf: Performance, base: FieldPath, label: str) -> None:
        rows = [(n, i) for n, i in enumerate(perf.indicators)]
        be = perf.budget_execution
        # an indicator the form marks 不适用 is not scored: the total is the plain sum only where none is
        # (else the report's rule says what it is: rescaled to 100, perf.rescaled_total)
        applicable = [(n, i) for n, i in rows if not i.not_applicable]
        if perf.score is not None and applicable and all(i.score is not None for _, i in applicable):
            parts = [(i.name, i.score, (*base, "indicators", n, "score")) for n, i in applicable
                     if i.score is not None]
            if be is not None and be.score is not None:
                parts.insert(0, (be.name or "预算执行率", be.score, (*base, "budget_execution", "score")))
            if len(applicable) == len(rows):
                self.points_sum("perf.score_total", f"{label}总得分", perf.score, (*base, "score"), parts)
            elif perf.rescaled:
                self.rescaled_total(perf, base, label, applicable, parts)
        if rows and all(i.weight is not None for _, i in rows):
            weights = [(i.name, i.weight, (*base, "indicators", n, "weight")) for n, i in rows if i.weight is not None]
            if perf.indicators_weight is not None:
                self.points_sum("perf.weight_total", f"{label}{LABELS['indicators_weight']}", perf.indicators_weight,
                                (*base, "indicators_weight"), weights)
            if perf.total_weight is not None:
                all_weights = list(weights)
                if be is not None and be.weight is not None:
                    all_weights.insert(0, (be.name or "预算执行率", be.weight, (*base, "budget_execution", "weight")))
                self.points_sum("perf.weight_total", f"{label}{LABELS['total_weight']}", perf.total_weight,
                                (*base, "total_weight"), all_weights)
            for w, weight in enumerate(perf.weights):
                in_level = [(i.name, i.weight, (*base, "indicators", n, "weight")) for n, i in rows
                            if i.level1 == weight.name and i.weight is not None]
                if in_level and weight.weight is not None:
                    self.points_sum("perf.level1_weight", f"{label}·{weight.name}分值", weight.weight,
                                    (*base, "weights", w, "weight"), in_level)
                for v, sub in enumerate(weight.items):
                    in_sub = [(i.name, i.weight, (*base, "indicators", n, "weight")) for n, i in rows
                              if i.level1 == weight.name and i.level2 == sub.name and i.weight is not None]
                    if in_sub and sub.weight is not None:
                        self.points_sum("perf.level2_weight", f"{label}·{weight.name}·{sub.name}分值", sub.weight,
                                        (*base, "weights", w, "items", v, "weight"), in_sub)
        self.level_scores(perf, base, label)
        self.form_parts(perf, base, label)
        self.execution_scores(perf, base, label)
        stated: dict[str, tuple[Figure, int] | None] = {
            w.name: (w.weight, n) for n, w in enumerate(perf.weights) if w.weight is not None}
        if be is not None and be.weight is not None and "预算执行率" not in stated:
            stated["预算执行率"] = None
        for name, standard in STANDARD_WEIGHTS.items():
            if (weighed := stated.get(name)) is not None:
                given, n = weighed
                passed = given.value == standard
                self.add("perf.standard_weights", passed, f"{label}·{name}",
                         [self.term("所述分值", given, (*base, "weights", n, "weight"))],
                         message=f"所述 {plain(given.value)} 分，建议 {plain(standard)} 分")

    def form_parts(self, perf: Performance, base: FieldPath, label: str) -> None:
        """A form printed as several tables (共性指标 / 个性指标), each with its 合计: each table's score
        within its weight, and together the whole's score and, where stated, its 总分值."""
        parts = [(n, p) for n, p in enumerate(perf.parts)]
        for n, part in parts:
            if part.score is not None and part.weight is not None:
                self.add("perf.score_within_weight", part.score.value <= part.weight.value, f"{label}·{part.name}",
                         [self.term(LABELS["score"], part.score, (*base, "parts", n, "score")),
                          self.term("分值", part.weight, (*base, "parts", n, "weight"))],
                         message=f"得分 {plain(part.score.value)}，分值 {plain(part.weight.value)}")
        if len(parts) < 2:
            return
        if perf.score is not None and all(p.score is not None for _, p in parts):
            self.points_sum("perf.score_total", f"{label}总得分（各分表合计之和）", perf.score, (*base, "score"),
                            [(p.name, p.score, (*base, "parts", n, "score")) for n, p in parts if p.score is not None])
        if perf.total_weight is not None and all(p.weight is not None for _, p in parts):
            self.points_sum("perf.weight_total", f"{label}总分值（各分表合计之和）", perf.total_weight,
                            (*base, "total_weight"),
                            [(p.name, p.weight, (*base, "parts", n, "weight")) for n, p in parts
                             if p.weight is not None])

    def execution_scores(self, perf: Performance, base: FieldPath, label: str) -> None:
        """The score of 预算执行率 against the rate it scores (10号: 得分 = 执行率 × 分值, at most the
        分值), and the total score against what that rate allows the whole (every point the rate
        loses is lost from the total)."""
        be = perf.budget_execution
        if be is None:
            return
        here = (*base, "budget_execution")
        rate, rate_term = None, []
        if be.execution_rate is not None:
            rate = min(be.execution_rate.value, Decimal(100)) / 100
            rate_term = [self.term(LABELS["execution_rate"], be.execution_rate, (*here, "execution_rate"))]
        else:
            budget = be.budget_full or be.budget or be.budget_initial
            budget_key = "budget_full" if be.budget_full else "budget" if be.budget else "budget_initial"
            if budget is not None and be.actual is not None and budget.value > 0:
                rate = min(be.actual.value / budget.value, Decimal(1))
                rate_term = [self.term(LABELS[budget_key], budget, (*here, budget_key)),
                             self.term(LABELS["actual"], be.actual, (*here, "actual"))]
        if rate is None:
            return
        shown_rate = f"{plain((rate * 100).quantize(Decimal('0.01')))}%"
        if be.score is not None and be.weight is not None:
            allowed = rate * be.weight.value
            passed = be.score.value <= allowed + half_step(be.score.first)
            self.add("perf.execution_score", passed, f"{label}·预算执行率得分",
                     [self.term(LABELS["score"], be.score, (*here, "score")),
                      self.term(LABELS["weight"], be.weight, (*here, "weight")), *rate_term],
                     computed=plain(allowed.quantize(Decimal("0.01"))),
                     message=f"执行率 {shown_rate} × 分值 {plain(be.weight.value)} = "
                             f"{plain(allowed.quantize(Decimal('0.01')))}，所述得分 {plain(be.score.value)}")
        if perf.score is not None and rate < 1:
            weight = be.weight.value if be.weight is not None else Decimal(10)
            whole = perf.total_weight.value if perf.total_weight is not None else Decimal(100)
            ceiling = whole - (1 - rate) * weight
            passed = perf.score.value <= ceiling + half_step(perf.score.first)
            terms = [self.term(LABELS["score"], perf.score, (*base, "score")), *rate_term]
            if be.weight is not None:
                terms.append(self.term(LABELS["weight"], be.weight, (*here, "weight")))
            self.add("perf.score_vs_execution", passed, f"{label}总得分", terms,
                     computed=plain(ceiling.quantize(Decimal("0.01"))),
                     message=f"执行率 {shown_rate}，预算执行率分值 {plain(weight)}"
                             f"{'' if be.weight is not None else '（未述，按 10 分）'}，总得分至多 "
                             f"{plain(ceiling.quantize(Decimal('0.01')))}，所述 {plain(perf.score.value)}")

    def level_scores(self, perf: Performance, base: FieldPath, label: str) -> None:
        """The scores a report gives each 一级指标 (产出指标得分46.5分（满分50分）): each within its
        weight, and together the total score where the levels stated make up the whole."""
        for n, w in enumerate(perf.weights):
            if w.score is not None and w.weight is not None:
                self.add("perf.score_within_weight", w.score.value <= w.weight.value, f"{label}·{w.name}",
                         [self.term(LABELS["score"], w.score, (*base, "weights", n, "score")),
                          self.term("分值", w.weight, (*base, "weights", n, "weight"))],
                         message=f"得分 {plain(w.score.value)}，分值 {plain(w.weight.value)}")
                if w.score_rate is not None:
                    self.rate_check("rate.score_rate", f"{label}·{w.name}得分率", w.score_rate,
                                    (*base, "weights", n, "score_rate"),
                                    ("得分", w.score, (*base, "weights", n, "score")),
                                    ("分值", w.weight, (*base, "weights", n, "weight")))
        if perf.score_rate is not None and perf.score is not None and perf.total_weight is not None:
            self.rate_check("rate.score_rate", f"{label}总得分率", perf.score_rate, (*base, "score_rate"),
                            ("总得分", perf.score, (*base, "score")),
                            ("总分值", perf.total_weight, (*base, "total_weight")))
        whole = perf.total_weight.value if perf.total_weight is not None else Decimal(100)
        if perf.score is None or len(perf.weights) < 2 or any(w.score is None for w in perf.weights):
            return
        weighed = all(w.weight is not None for w in perf.weights) and \
            sum((w.weight.value for w in perf.weights if w.weight is not None), Decimal(0)) == whole
        # Without their 分值 the levels are all of them when they are the 财预〔2020〕10号 frame's:
        # 预算执行率, 产出, 效益 and 满意度 (成本 besides, from 财预〔2021〕101号), and nothing else.
        named = {re.sub(r"(指标|率)$", "", w.name) for w in perf.weights}
        framed = all(w.weight is None for w in perf.weights) and perf.total_weight is None and \
            {"预算执行", "产出", "效益", "满意度"} <= named <= {"预算执行", "产出", "效益", "满意度", "成本"}
        if not (weighed or framed):
            return
        self.points_sum("perf.score_total", f"{label}总得分（各一级指标得分之和）", perf.score, (*base, "score"),
                        [(w.name, w.score, (*base, "weights", n, "score")) for n, w in enumerate(perf.weights)
                         if w.score is not None])

    def rescaled_total(self, perf: Performance, base: FieldPath, label: str,
                       applicable: list[tuple[int, Indicator]], parts: list[tuple[str, Figure, FieldPath]]) -> None:
        """The total of a form whose rule rescales to 100 where an indicator does not apply (不适用：不考核，
        适用指标得分汇总后折算为百分制): the applicable scores' sum over the applicable 分值, times the
        whole (总分值, else 100); the grade the rescaled total falls in is said beside it."""
        be = perf.budget_execution
        weights = [(i.name, i.weight, (*base, "indicators", n, "weight")) for n, i in applicable
                   if i.weight is not None]
        if len(weights) < len(applicable) or perf.score is None:
            return
        if be is not None and be.score is not None:
            if be.weight is None:
                return
            weights.insert(0, (be.name or "预算执行率", be.weight, (*base, "budget_execution", "weight")))
        applicable_weight = sum((f.value for _, f, _ in weights), Decimal(0))
        if applicable_weight <= 0:
            return
        whole = perf.total_weight.value if perf.total_weight is not None else Decimal(100)
        scored = sum((f.value for _, f, _ in parts), Decimal(0))
        expected = scored / applicable_weight * whole
        tolerance = sum((half_step(f.first) for _, f, _ in parts), Decimal(0)) * whole / applicable_weight \
            + half_step(perf.score.first)
        passed = abs(expected - perf.score.value) <= tolerance
        shown = plain(expected.quantize(Decimal("0.01")))
        message = (f"有不适用的指标，报告说明按百分制折算：适用指标得分 {plain(scored)} ÷ 适用分值 "
                   f"{plain(applicable_weight)} × {plain(whole)} = {shown} 分，所述总得分 {plain(perf.score.value)} 分")
        if not passed:
            grade, _ = self.expected_grade(perf, expected)
            if grade is not None:
                message += f"；按折算后的得分，等级应为“{grade}”"
        terms = [self.term(LABELS["score"], perf.score, (*base, "score"))] + \
            [self.term(n, f, p) for n, f, p in parts] + [self.term(n, f, p) for n, f, p in weights]
        if perf.total_weight is not None:
            terms.append(self.term(LABELS["total_weight"], perf.total_weight, (*base, "total_weight")))
        self.add("perf.rescaled_total", passed, f"{label}总得分（折算为百分制）", terms, f"{shown}分",
                 f"{plain((expected - perf.score.value).quantize(Decimal('0.01')))}分", f"{plain(tolerance)}分",
                 message)

    def points_sum(self, rule: str, subject: str, total: Figure, total_path: FieldPath,
                   parts: Sequence[tuple[str, Figure, FieldPath]]) -> None:
        amount = sum((f.value for _, f, _ in parts), Decimal(0))
        tolerance = sum((half_step(f.first) for _, f, _ in parts), half_step(total.first))
        difference = amount - total.value
        passed = abs(difference) <= tolerance
        terms = [self.term(subject, total, total_path)] + [self.term(n, f, p) for n, f, p in parts]
        message = f"各项合计 {plain(amount)} 分，所述 {plain(total.value)} 分" + (
            "" if passed else f"，相差 {plain(abs(difference))} 分")
        self.add(rule, passed, subject, terms, f"{plain(amount)}分", f"{plain(difference)}分", f"{plain(tolerance)}分",
                 message)

    def expected_grade(self, perf: Performance | Project, score: Decimal) -> tuple[str | None, bool]:
        """The grade a score falls in: by the bands the report states (True), else by 财预〔2020〕10号's (False)."""
        # a project of a summary is graded by the bands the report states for its self-evaluations
        bands = perf.grade_bands if isinstance(perf, Performance) else \
            self.report.performance.grade_bands if self.report.performance is not None else ()
        if bands:
            band = next((b for b in bands
                         if (b.min is None or score >= b.min) and (b.max is None or score < b.max)), None)
            return (band.grade if band else None), True
        return next(g for lo, hi, g in STANDARD_BANDS if (lo is None or score >= lo) and (hi is None or score < hi)), \
            False

    def grade(self, perf: Performance | Project, base: FieldPath, label: str) -> None:
        if perf.score is None or not perf.grade:
            return
        score = perf.score.value
        expected, stated_bands = self.expected_grade(perf, score)
        if stated_bands:
            passed = expected is not None and expected == perf.grade.strip()
            source = "报告自述的分段"
        else:
            passed = GRADE_WORDS.get(perf.grade.strip()) == expected
            source = "财预〔2020〕10号的分段"
        self.add("perf.grade", passed, f"{label}等级", [self.term(LABELS["score"], perf.score, (*base, "score"))],
                 message=f"得分 {plain(score)}，所述等级“{perf.grade}”，按{source}应为“{expected or '（无对应分段）'}”")

    def execution_total(self) -> None:
        """The self-evaluation's 全年执行数 is the year's spending (支出合计's 决算数); the last year's
        spending a self-evaluation states beside it (全年支出较上年的…万元增加…) is the total's 上年数."""
        perf = self.report.performance
        be = perf.budget_execution if perf is not None else None
        if be is None:
            return
        for stage, own, subject, total_label in (
                ("actual", "自评表全年执行数", "全年执行数与支出合计", f"支出合计（{LABELS['actual']}）"),
                ("prior", "自评报告所述上年支出", "所述上年支出与支出合计上年数", "支出合计上年数")):
            executed = getattr(be, stage)
            for i, account in enumerate(self.report.expenditure):
                total = getattr(account.total, stage) if account.total is not None else None
                if executed is None or account.scope != "部门全部资金" or total is None:
                    continue
                terms: list[Recipe | CheckTerm] = [
                    self.term(own, executed, ("performance", "budget_execution", stage)),
                    self.term(total_label, total, ("expenditure", i, "total", stage))]
                self.same_amount("same.execution_total", subject, total, executed, terms,
                                 f"{own} {show_money(executed.value, self.unit)}，{total_label.split('（')[0]} "
                                 f"{show_money(total.value, self.unit)}")
                break

    def project_execution(self) -> None:
        """A project the report lists among its projects (its line, with its money) and the same
        project's own self-evaluation in the same report (项目支出绩效评价报告 after the 部门整体
        report): the money each states for it, at each stage both state, is the same."""
        lines: dict[str, list[tuple[Project, FieldPath]]] = {}

        def walk(items: tuple[Project, ...], base: FieldPath) -> None:
            for n, item in enumerate(items):
                lines.setdefault(_plain_name(item.name), []).append((item, (*base, n)))
                walk(item.items, (*base, n, "items"))

        for g, group in enumerate(self.report.projects):
            walk(group.items, ("projects", g, "items"))
        for p, perf in enumerate(self.report.project_performance):
            be = perf.budget_execution
            found = lines.get(_plain_name(perf.name or ""), []) if be is not None else []
            if be is None or len(found) != 1:
                continue  # (a name listed twice: which line is the project's is not sure)
            line, path = found[0]
            for stage in ("budget_initial", "budget_full", "actual"):
                own, listed = getattr(be, stage), getattr(line, stage)
                if own is None or listed is None:
                    continue
                terms: list[Recipe | CheckTerm] = [
                    self.term(f"项目清单所列{LABELS[stage]}", listed, (*path, stage)),
                    self.term(f"项目自评{LABELS[stage]}", own, ("project_performance", p, "budget_execution", stage))]
                self.same_amount("same.project_execution", f"{line.name}·{LABELS[stage]}", listed, own, terms,
                                 f"项目清单所列 {show_money(listed.value, self.unit)}，该项目自评 "
                                 f"{show_money(own.value, self.unit)}")

    def table_totals(self) -> None:
        """A table of the budget's execution the report prints of its own (表1 部门预算执行情况（分单位）,
        a row per budget unit under a 合计): its 合计 is the department's whole, which the
        self-evaluation states again as its 年度资金总额. At each stage a column of the table names
        (年初预算数, 全年预算数, 全年执行数) and the 年度资金总额 states, each statement of it the same
        as the 合计's cell. A table of projects (项目 in its title) is not the whole."""
        perf = self.report.performance
        if perf is None or perf.budget_execution is None:
            return
        be = perf.budget_execution
        for t, table in enumerate(self.report.tables):
            title = table.title.replace(" ", "")
            if "预算执行" not in title or "项目" in title:
                continue
            unit = table.unit or self.report.unit
            total = _total_row(table)
            if total is None:
                continue
            n, row = total
            where = _table_name(table)
            whole = be.name or "年度资金总额"
            for k, column in enumerate(table.columns):
                stage = _TABLE_STAGES.get(column.name.replace(" ", ""))
                stated = row.values[k]
                figure = getattr(be, stage) if stage else None
                if stage is None or figure is None or column.unit or not isinstance(stated, Decimal):
                    continue
                cell = stated * MONEY_UNITS[unit]
                tolerance = cell_half_step(stated) * MONEY_UNITS[unit]
                apart = [s for s in figure.statements if abs(s.base - cell) > tolerance + half_step(s)]
                terms: list[Recipe | CheckTerm] = [
                    self._cell_term(f"{row.name}（{column.name}）", t, n, k, stated, unit)]
                here = ("performance", "budget_execution", stage)
                terms += [self.term(f"{whole}（{LABELS[stage]}）", figure, here, i)
                          for i in range(len(figure.statements))]
                shown = show_money(cell, self.unit)
                if not apart:
                    message = f"合计 {shown}，与{whole}相符"
                else:
                    other = apart[0]
                    said = f"（{other.at}）" if other.at else ""
                    message = (f"合计 {shown}，{whole} {show_money(other.base, self.unit)}{said}，"
                               f"相差 {show_money(abs(other.base - cell), self.unit)}")
                self.add("same.table_total", not apart, f"{where}·合计·{column.name}", terms,
                         difference=show_money(apart[0].base - cell, self.unit) if apart else "",
                         tolerance=show_money(tolerance, self.unit), message=message)

    def sangong_table(self) -> None:
        """The 三公 the text states (sangong) against the 三公 table of the same report (公开07表 and the
        like), item by item at the year's outturn: its columns named in groups (决算数 / 合计, 决算数 /
        公务接待费 …), its one row the figures. The text speaks of the department: where the report
        prints its tables twice (汇总 and 本级), the 汇总 table is compared; where it prints one 三公
        table without a scope, that one; else none (which is the department's cannot be told)."""
        s = self.report.sangong
        if s is None:
            return
        tables = [(t, table) for t, table in enumerate(self.report.tables) if "三公" in table.title]
        scoped = [(t, table) for t, table in tables if table.scope]
        chosen = [(t, table) for t, table in scoped if table.scope == "汇总"] if scoped else tables
        if len(chosen) != 1 or len(chosen[0][1].rows) != 1:
            return
        t, table = chosen[0]
        unit = table.unit or self.report.unit
        where = _table_name(table) + (f"（{table.scope}）" if table.scope else "")
        row = table.rows[0]
        for k, column in enumerate(table.columns):
            key = _sangong_column(column.name)
            stated = row.values[k]
            amounts = getattr(s, key) if key else None
            figure = amounts.actual if amounts is not None else None
            if key is None or figure is None or column.unit or not isinstance(stated, Decimal):
                continue
            name = SANGONG_LABELS[key]
            self.text_against_cell("same.sangong_table", f"{name}·{where}", (f"{name}（正文）", figure,
                                   ("sangong", key, "actual")), f"{name}（{column.name}）", (t, 0, k), stated, unit)

    def text_against_cell(self, rule: str, subject: str, text_term: tuple[str, Figure, FieldPath], cell_label: str,
                          at: tuple[int, int, int], stated: Decimal, unit: str) -> None:
        """An amount the text states against the one cell of a published table (table, row, column
        `at`) that prints it, in the table's unit: the same within the text's rounding and the cell's."""
        label, figure, path = text_term
        scale = MONEY_UNITS[unit]
        cell = stated * scale
        text = figure.first
        tolerance = cell_half_step(stated) * scale + half_step(text)
        difference = text.base - cell
        passed = abs(difference) <= tolerance
        terms: list[Recipe | CheckTerm] = [self.term(label, figure, path),
                                           self._cell_term(cell_label, *at, stated, unit)]
        message = (f"正文 {show_money(text.base, self.unit)}，表中 {show_money(cell, self.unit)}"
                   + ("" if passed else f"，相差 {show_money(abs(difference), self.unit)}"))
        self.add(rule, passed, subject, terms, difference=show_money(difference, self.unit),
                 tolerance=show_money(tolerance, self.unit), message=message)

    def operating_costs_table(self) -> None:
        """The 机关运行经费 the text states (operating_costs, at the year's outturn) against the row of
        it a published table prints (公开12表 机构运行经费支出、国有资产占用情况及政府采购支出信息表:
        一、机构运行经费支出), in a column of money. Where the tables print it in more than one cell
        (汇总 and 本级, 预算数 and 决算数), which one the text states cannot be told: none is compared."""
        block = self.report.operating_costs
        figure = block.total.actual if block is not None and block.total is not None else None
        if figure is None:
            return
        cells = [(t, n, k, value) for t, table in enumerate(self.report.tables) for n, row in enumerate(table.rows)
                 if _OPERATING_ROW.fullmatch(row.name.replace(" ", "").replace("\u3000", ""))
                 for k, (column, value) in enumerate(zip(table.columns, row.values))
                 if isinstance(value, Decimal) and not column.unit]
        if len(cells) != 1:
            return
        t, n, k, stated = cells[0]
        table = self.report.tables[t]
        name = SECTIONS["operating_costs"]
        self.text_against_cell("same.operating_costs_table", f"{name}·{_table_name(table)}",
                               (f"{name}（正文）", figure, ("operating_costs", "total", "actual")),
                               f"{table.rows[n].name}（{table.columns[k].name}）", (t, n, k), stated,
                               table.unit or self.report.unit)

    def evaluated_total(self) -> None:
        """The funds evaluated as the report states them by stage (涉及全年预算资金…，全年执行…) and the
        合计 of its one summary of the projects evaluated: the same at each stage both state (年初预算
        with 年初预算, 全年预算 with 全年预算, 执行数 with 执行数). A stage where the 合计 counts a
        project twice and the funds stated count it once is sum.duplicate's."""
        perf = self.report.performance
        groups = [(g, group) for g, group in enumerate(self.report.projects) if group.total is not None]
        if perf is None or perf.evaluated_execution is None or len(groups) != 1:
            return
        g, group = groups[0]
        assert group.total is not None  # (as chosen)
        stated = perf.evaluated_execution
        for stage in ("budget_initial", "budget_full", "actual"):
            own, total = getattr(stated, stage), getattr(group.total, stage)
            if own is None or total is None or stage in self.evaluated_once:
                continue
            named = f"{LABELS['evaluated_funds']}（{LABELS[stage]}）"
            terms: list[Recipe | CheckTerm] = [
                self.term(f"所述{named}", own, ("performance", "evaluated_execution", stage)),
                self.term(f"{group.name}合计（{LABELS[stage]}）", total, ("projects", g, "total", stage))]
            # (a figure taken from the wrong column: the 合计 at another stage is the one stated)
            other = [s for s in ("budget_initial", "budget_full", "actual") if s != stage
                     and (f := getattr(group.total, s)) is not None
                     and abs(own.value - f.value) <= half_step(own.first) + half_step(f.first)]
            self.same_amount("same.evaluated_total", f"{LABELS['evaluated_funds']}·{LABELS[stage]}", own, total, terms,
                             f"所述{named}{show_money(own.value, self.unit)}，{group.name}合计（{LABELS[stage]}）"
                             f"{show_money(total.value, self.unit)}",
                             ([self.term(f"{group.name}合计（{LABELS[s]}）", getattr(group.total, s),
                                         ("projects", g, "total", s)) for s in other],
                              "".join(f"；与合计（{LABELS[s]}）相同" for s in other)))

    def evaluated_share(self) -> None:
        perf = self.report.performance
        if perf is None or perf.evaluated_funds_share is None:
            return
        funds_path: FieldPath = ("performance", "evaluated_funds")
        funds = perf.evaluated_funds
        if funds is None and perf.evaluated_execution is not None:
            # the funds stated by stage (涉及全年预算资金…): the budget they are, as the stage-less amount is
            stage = next((s for s in ("budget_full", "budget", "budget_initial")
                          if getattr(perf.evaluated_execution, s) is not None), None)
            if stage is not None:
                funds = getattr(perf.evaluated_execution, stage)
                funds_path = ("performance", "evaluated_execution", stage)
        if funds is None:
            return
        line, _ = nature_line(self.report, "项目支出")
        if line is None:
            return
        path = _find_path(self.report, line)
        candidates = [(s, getattr(line, s)) for s in ("budget_initial", "budget_full", "budget", "actual")
                      if getattr(line, s) is not None]
        if not candidates or path is None:
            return
        stated = perf.evaluated_funds_share
        computed = {LABELS[s]: funds.value / f.value * HUNDRED for s, f in candidates if f.value}
        terms = [self.term(LABELS["evaluated_funds_share"], stated, ("performance", "evaluated_funds_share")),
                 self.term(LABELS["evaluated_funds"], funds, funds_path)]
        terms += [self.term(f"项目支出（{LABELS[s]}）", f, (*path, s)) for s, f in candidates]
        # The template's sentence gives the share of 一般公共预算项目支出 (…占一般公共预算项目支出总额的100%):
        # that scope's 项目支出 where the department has other funds too, stated or left by its 基本支出.
        for i, account in enumerate(self.report.expenditure):
            if account.scope != "一般公共预算财政拨款" or account.total is None or account.total.actual is None:
                continue
            own = next((k for k, x in enumerate(account.by_nature) if x.name == "项目支出"), None)
            basic = next((k for k, x in enumerate(account.by_nature) if x.name == "基本支出"), None)
            if own is not None and (actual := account.by_nature[own].actual) is not None and actual.value:
                computed["一般公共预算项目支出"] = funds.value / actual.value * HUNDRED
                terms.append(self.term("一般公共预算项目支出", actual, ("expenditure", i, "by_nature", own, "actual")))
            elif basic is not None and (spent := account.by_nature[basic].actual) is not None \
                    and account.total.actual.value - spent.value > 0:
                rest = account.total.actual.value - spent.value
                computed["一般公共预算支出减基本支出"] = funds.value / rest * HUNDRED
                terms += [self.term("一般公共预算财政拨款支出", account.total.actual,
                                    ("expenditure", i, "total", "actual")),
                          self.term("其中基本支出", spent, ("expenditure", i, "by_nature", basic, "actual"))]
        tolerance = half_step(stated.first) + Decimal("0.5")
        passed = any(abs(stated.first.value - c) <= tolerance for c in computed.values())
        shown = "、".join(f"按{name}为 {show_rate(c)}" for name, c in computed.items())
        self.add("same.evaluated_share", passed, "自评涉及资金占项目支出的比例", terms,
                 message=f"所述 {show_rate(stated.first.value)}，{shown}")

    def staffing(self) -> None:
        staffing = self.report.staffing
        if staffing is None:
            return
        if staffing.actual_end is not None:
            total_line = self.rf.line_of(("staffing", "actual_end"))
            staff = COUNTS["actual_end"].name
            for n, h in enumerate(staffing.actual_items):
                passed = h.count <= staffing.actual_end
                self.add("sum.staff_part", passed, f"{staff}·{h.name}",
                         [CheckTerm(staff, f"{staffing.actual_end}人", Decimal(staffing.actual_end), total_line,
                                    "staffing.actual_end"),
                          CheckTerm(h.name, f"{h.count}人", Decimal(h.count),
                                    self.rf.line_of(("staffing", "actual_items", n)), f"staffing.actual_items[{n}]")],
                         message=f"{staff} {staffing.actual_end} 人，其中{h.name} {h.count} 人"
                                 + ("" if passed else f"，超过{staff}"))
        if staffing.authorized is None or not staffing.authorized_items:
            return
        total = sum(h.count for h in staffing.authorized_items)
        passed = total == staffing.authorized
        line = self.rf.line_of(("staffing", "authorized"))
        authorized = COUNTS["authorized"].name
        terms = [CheckTerm(authorized, f"{staffing.authorized}人", Decimal(staffing.authorized), line,
                           "staffing.authorized")]
        terms += [CheckTerm(h.name, f"{h.count}人", Decimal(h.count),
                            self.rf.line_of(("staffing", "authorized_items", n)), f"staffing.authorized_items[{n}]")
                  for n, h in enumerate(staffing.authorized_items)]
        self.add("sum.staff", passed, authorized, terms, f"{total}人", f"{total - staffing.authorized}人",
                 message=f"各类编制合计 {total} 人，所述{authorized} {staffing.authorized} 人")

    def completeness(self) -> None:
        if not any(d.kind == "部门决算" for d in self.report.documents):
            return
        r = self.report
        # a published 三公 table (公开07表 and the like) discloses them too, and their parts where
        # its columns or rows name them
        table = next((t for t in r.tables if "三公" in (t.title or "") and t.rows), None)
        named = " ".join([c.name for c in table.columns] + [row.name for row in table.rows]) if table else ""
        required = {
            SECTIONS["sangong"]: r.sangong is not None or table is not None,
            "“三公”经费分项（因公出国（境）、公务用车、公务接待）": r.sangong is not None and all(
                getattr(r.sangong, k) is not None for k in ("overseas", "reception"))
            and (r.sangong.vehicles is not None or r.sangong.vehicle_operation is not None)
            or all(word in named for word in ("因公出国", "公务用车", "公务接待")),
            SECTIONS["operating_costs"]: r.operating_costs is not None,
            SECTIONS["procurement"]: r.procurement is not None,
            SECTIONS["assets"]: r.assets is not None,
            "绩效自评": r.performance is not None or bool(r.project_performance),
        }
        for name, present in required.items():
            self.add("complete.final_accounts", present, f"部门决算公开：{name}",
                     message=f"已公开{name}" if present else f"部门决算未公开{name}")
        if r.sangong is not None and r.sangong.total is not None:
            zero = all(getattr(r.sangong.total, s) is None or getattr(r.sangong.total, s).value == 0 for s in STAGES)
            if zero:
                self.add("complete.empty_statement", bool(r.sangong.statement), "“三公”经费为零",
                         message="已说明为零的原因" if r.sangong.statement else "“三公”经费为零，但未说明原因")
        for account in r.expenditure:
            if account.total is None and not any(getattr(account, k) for k in
                                                 ("by_source", "by_nature", "by_economic", "by_function")):
                self.add("complete.empty_statement", bool(account.statement), f"支出（{account.scope}）",
                         message="已说明该口径无数据" if account.statement else "该口径既无数据也无说明")

    def run(self) -> list[Result]:
        r = self.report
        self.accounts("income", r.income)
        self.accounts("expenditure", r.expenditure)
        self.sangong(r.sangong)
        self.projects(r.projects)
        for key in ("operating_costs", "assets", "procurement"):
            self.block(key, SECTIONS[key], getattr(r, key))
        self.performance(r.performance, ("performance",))
        for n, perf in enumerate(r.project_performance):
            self.performance(perf, ("project_performance", n))
        self.published_tables()
        self.restatements()
        self.execution_total()
        self.project_execution()
        self.table_totals()
        self.sangong_table()
        self.operating_costs_table()
        self.evaluated_total()
        self.evaluated_share()
        self.staffing()
        self.completeness()
        self.timeliness()
        return self.results

    def timeliness(self) -> None:
        """Where a document states when it was approved and when published: within 20 days."""
        rf = self.rf
        for n, doc in enumerate(self.report.documents):
            if doc.approved is None or doc.published is None:
                continue
            days = (doc.published - doc.approved).days
            self.results.append(Result(
                "publish.timeliness", days <= PUBLISH_DAYS, f"{doc.title}：公开时限", (),
                computed=f"{days} 日", message=f"批复 {doc.approved.isoformat()}，发布 {doc.published.isoformat()}，"
                                               f"相隔 {days} 日（时限 {PUBLISH_DAYS} 日）",
                slug=rf.slug, year=rf.year, file=rf.path, at_line=rf.line_of(("documents", n, "published"))))


    def published_tables(self) -> None:
        """The 决算 tables as published (`tables:`): in each column of money, a 类 row the sum of
        its 款 rows, a 款 the sum of its 项 (by 科目编码), and a 合计 row the sum of the 类 rows. An
        empty cell is nothing spent; a column in % or a count is not summed."""
        for t, table in enumerate(self.report.tables):
            unit = table.unit or self.report.unit
            coded = [(n, row, row.code) for n, row in enumerate(table.rows) if row.code]
            for n, row, code in coded:
                children = [(m, r) for m, r, c in coded if len(c) == len(code) + 2 and c.startswith(code)]
                if children:
                    self._table_sum(t, table, unit, (n, row), children)
            total = _total_row(table)
            tops = [(n, row) for n, row, code in coded if len(code) == 3]
            if total is not None and tops:
                self._table_sum(t, table, unit, total, tops)
            if table.title.endswith("总表"):
                self._balance(t, table, unit)
            self._lines(t, table, unit)
            if "三公" in table.title:
                self._sangong_columns(t, table, unit)

    def _cell_term(self, label: str, t: int, n: int, k: int, value: Decimal, unit: str) -> CheckTerm:
        """A 决算 table's cell (table `t`, row `n`, column `k`) as a term of a check, in `unit`."""
        path = ("tables", t, "rows", n, "values", k)
        return CheckTerm(label, f"{plain(value)}{unit}", value * MONEY_UNITS[unit], self.rf.line_of(path),
                         field_path(path))

    def _sangong_columns(self, t: int, table: PublishedTable, unit: str) -> None:
        """A “三公” table's columns named in groups (决算数 / 合计, 决算数 / 因公出国（境）费, 决算数 /
        公务用车购置及运行费 / 小计 …): in each row, a 合计 or 小计 column is the sum of the columns
        beside it in its group, a sub-group by its own 小计 (or its columns where it has none). 会议费
        and 培训费 printed beside the 三公 items may be in the 合计 or not: either sum agrees. A table
        whose columns are not named in groups is left alone (which column is part of which cannot be told)."""
        paths = [tuple(part.strip() for part in c.name.split("/")) for c in table.columns]
        scale = MONEY_UNITS[unit]
        where = _table_name(table)
        for k, path in enumerate(paths):
            if len(path) < 2 or table.columns[k].unit or path[-1].replace(" ", "") not in ("合计", "小计"):
                continue
            prefix = path[:-1]
            parts: list[int] = []
            groups: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
            for j, other in enumerate(paths):
                if j == k or table.columns[j].unit or other[:len(prefix)] != prefix or len(other) <= len(prefix):
                    continue
                rest = other[len(prefix):]
                if len(rest) == 1:
                    parts.append(j)
                else:
                    groups.setdefault(rest[0], []).append((j, rest))
            for members in groups.values():
                own = [j for j, rest in members if len(rest) == 2 and rest[1].replace(" ", "") in ("合计", "小计")]
                parts += own[:1] or [j for j, rest in members if len(rest) == 2]
            if not parts:
                continue
            optional = {j for j in parts if paths[j][-1].replace(" ", "") in ("会议费", "培训费")}
            for n, row in enumerate(table.rows):
                stated = row.values[k]
                if not isinstance(stated, Decimal):
                    continue
                cells = [(j, v) for j in sorted(parts) if isinstance(v := row.values[j], Decimal)]
                if not cells:
                    continue
                sums = [sum((v for _, v in cells), Decimal(0)),
                        sum((v for j, v in cells if j not in optional), Decimal(0))]
                tolerance = sum((cell_half_step(v) for _, v in cells), cell_half_step(stated))
                amount = min(sums, key=lambda a: abs(a - stated))
                difference = amount - stated
                column = " / ".join(path)
                terms = [self._cell_term(f"{row.name}（{column}）", t, n, k, stated, unit)]
                terms += [self._cell_term(f"{row.name}（{' / '.join(paths[j])}）", t, n, j, v, unit) for j, v in cells]
                passed = abs(difference) <= tolerance
                shown = show_money(amount * scale, self.unit)
                message = (f"各分项之和 {shown} 与所述相符" if passed else
                           f"各分项之和 {shown}，所述 {show_money(stated * scale, self.unit)}，"
                           f"相差 {show_money(abs(difference) * scale, self.unit)}")
                self.add("sum.sangong", passed, f"{where}·{row.name}·{column}", terms, shown,
                         show_money(difference * scale, self.unit), show_money(tolerance * scale, self.unit), message)

    def _lines(self, t: int, table: PublishedTable, unit: str) -> None:
        """A 本年收入合计 or 本年支出合计 row (uncoded) is the sum of the lines numbered 一、二、… listed
        above it since the table's start or its last total (总计, 合计 …): the sources of income, or
        the classes or kinds of spending, as the standard tables print them. A line not numbered so
        (其中…, a carry-over) is not counted; neither is a table with no numbered line above the total."""
        start = 0
        for n, row in enumerate(table.rows):
            name = row.name.replace(" ", "").replace("\u3000", "")
            if row.code:
                continue
            if name in _LINE_TOTALS:
                lines = [(m, r) for m, r in enumerate(table.rows[start:n], start)
                         if not r.code and _NUMBERED_LINE.match(r.name.lstrip(" \u3000"))]
                if lines:
                    self._table_sum(t, table, unit, (n, row), lines, "sum.lines", "所列各项")
            if name.endswith(("合计", "总计")):
                start = n + 1

    def _balance(self, t: int, table: PublishedTable, unit: str) -> None:
        """A 收入支出决算总表 balances: its 总计 on the income side (the first of its 总计 rows, in
        its first column of money) equals the one on the spending side (the second, in its first
        column of money after the income side's)."""
        totals = [(n, row) for n, row in enumerate(table.rows)
                  if not row.code and row.name.replace(" ", "").replace("\u3000", "") == "总计"]
        if len(totals) != 2:
            return
        sides: list[tuple[int, int, Decimal]] = []
        for n, row in totals:
            found = next(((k, v) for k, v in enumerate(row.values)
                          if isinstance(v, Decimal) and not table.columns[k].unit), None)
            if found is None:
                return
            sides.append((n, *found))
        (n1, k1, income), (n2, k2, spending) = sides
        if k1 >= k2:
            return  # (the two 总计 not side by side as the template sets them)
        scale = MONEY_UNITS[unit]
        where = _table_name(table)
        difference = spending - income
        passed = difference == 0
        stated = show_money(income * scale, self.unit), show_money(spending * scale, self.unit)
        message = (f"收入总计与支出总计均为 {stated[0]}" if passed else
                   f"收入总计 {stated[0]}，支出总计 {stated[1]}，相差 {show_money(abs(difference) * scale, self.unit)}")
        self.add("sum.balance", passed, f"{where}·总计",
                 [self._cell_term(f"收入总计（{table.columns[k1].name}）", t, n1, k1, income, unit),
                  self._cell_term(f"支出总计（{table.columns[k2].name}）", t, n2, k2, spending, unit)],
                 show_money(spending * scale, self.unit), show_money(difference * scale, self.unit),
                 show_money(Decimal(0), self.unit), message)

    def _table_sum(self, t: int, table: PublishedTable, unit: str, parent: tuple[int, TableRow],
                   children: Sequence[tuple[int, TableRow]], rule: str = "sum.table", parts_name: str = "下级科目"
                   ) -> None:
        scale = MONEY_UNITS[unit]
        n, row = parent
        where = _table_name(table)
        for k, column in enumerate(table.columns):
            stated = row.values[k]
            if column.unit or not isinstance(stated, Decimal):
                continue
            parts = [(m, r, cell) for m, r in children if isinstance(cell := r.values[k], Decimal)]
            if not parts and stated == 0:
                continue
            amount = sum((v for _, _, v in parts), Decimal(0))
            tolerance = sum((cell_half_step(v) for _, _, v in parts), cell_half_step(stated))
            difference = amount - stated
            name = f"{row.code} {row.name}" if row.code else row.name
            terms = [self._cell_term(f"{name}（{column.name}）", t, n, k, stated, unit)]
            terms += [self._cell_term(f"{r.code} {r.name}（{column.name}）", t, m, k, v, unit) for m, r, v in parts]
            passed = abs(difference) <= tolerance
            message = (f"{parts_name}之和 {show_money(amount * scale, self.unit)} 与所述相符" if passed else
                       f"{parts_name}之和 {show_money(amount * scale, self.unit)}，"
                       f"所述 {show_money(stated * scale, self.unit)}，"
                       f"相差 {show_money(abs(difference) * scale, self.unit)}")
            self.add(rule, passed, f"{where}·{name}·{column.name}", terms, show_money(amount * scale, self.unit),
                     show_money(difference * scale, self.unit), show_money(tolerance * scale, self.unit), message)


# --- across reports ------------------------------------------------------------------------------


def _plain_name(name: str) -> str:
    """A project's name as two statements of it are compared: spaces and quotation marks aside."""
    return re.sub(r"[\s“”\"'‘’「」]", "", name)


#: The money of a project in a summary, by which a row listed twice is told (sum.duplicate).
_PROJECT_MONEY = ("budget_initial", "budget_full", "budget", "actual")


def _project_parts(items: tuple[Project, ...], path: FieldPath,
                   under: str = "") -> list[tuple[str, Project, FieldPath]]:
    """The rows a summary's 合计 adds up: each project with money of its own, and for a project
    with none (a 一级项目 over its 二级, a group row without 小计) the projects under it, each with
    the name of the project it stands under."""
    out: list[tuple[str, Project, FieldPath]] = []
    for n, p in enumerate(items):
        here = (*path, n)
        if p.items and all(getattr(p, stage) is None for stage in _PROJECT_MONEY):
            out += _project_parts(p.items, (*here, "items"), p.name)
        else:
            out.append((under, p, here))
    return out


def _line_index(report: YearReport) -> dict[tuple[str, ...], tuple[Amounts, FieldPath]]:
    out: dict[tuple[str, ...], tuple[Amounts, FieldPath]] = {}
    for kind in ("income", "expenditure"):
        for i, account in enumerate(getattr(report, kind)):
            if account.total is not None:
                out[(kind, account.scope, "total")] = (account.total, (kind, i, "total"))
            for key in ("by_source", "by_nature", "by_economic", "by_function"):
                _index_lines(out, (kind, account.scope, key), getattr(account, key), (), (kind, i, key))
    if report.sangong is not None:
        for key in ("total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"):
            a = getattr(report.sangong, key)
            if a is not None:
                out[("sangong", key)] = (a, ("sangong", key))
    if report.operating_costs is not None and report.operating_costs.total is not None:
        out[("operating_costs", "total")] = (report.operating_costs.total, ("operating_costs", "total"))
    return out


def _index_lines(out: dict, head: tuple[str, ...], lines: tuple[Line, ...], names: tuple[str, ...],
                 path: FieldPath) -> None:
    """Each line under `head` and the names of the lines above it. (A function of its own: one
    nested in _line_index would hold itself, and so the report, in a reference cycle.)"""
    for n, line in enumerate(lines):
        here = (*path, n)
        out[(*head, *names, line.name)] = (line, here)
        _index_lines(out, head, line.items, (*names, line.name), (*here, "items"))


def prior_report_checks(current: ReportFile, previous: ReportFile) -> list[Result]:
    """This year's stated prior-year figures against last year's report."""
    checker = Checker(current)
    now, before = _line_index(current.report), _line_index(previous.report)
    for key, (line, path) in sorted(now.items(), key=lambda kv: kv[0]):
        if line.prior is None or key not in before:
            continue
        old, old_path = before[key]
        if old.actual is None:
            continue
        tolerance = half_step(line.prior.first) + half_step(old.actual.first)
        difference = line.prior.value - old.actual.value
        passed = abs(difference) <= tolerance
        prior_term = checker.term(f"{current.year}年报告所述上年数", line.prior, (*path, "prior"))
        old_term = CheckTerm(f"{previous.year}年报告{LABELS['actual']}数",
                        f"{plain(old.actual.first.value)}{old.actual.first.unit}", old.actual.value,
                        previous.line_of((*old_path, "actual")), f"{previous.path}")
        checker.add("year.prior_report", passed, _describe_path(current.report, (*path, "prior")),
                    [prior_term, old_term], difference=show_money(difference, current.report.unit),
                    tolerance=show_money(tolerance, current.report.unit),
                    message=f"{current.year}年报告所述上年数 {show_money(line.prior.value, current.report.unit)}，"
                            f"{previous.year}年报告{LABELS['actual']}数 "
                            f"{show_money(old.actual.value, current.report.unit)}")
    for key, (line, path) in sorted(now.items(), key=lambda kv: kv[0]):
        if key not in before or line.actual is None:
            continue
        old, old_path = before[key]
        if old.actual is None:
            continue
        old_term = CheckTerm(f"{previous.year}年报告{LABELS['actual']}数",
                        f"{plain(old.actual.first.value)}{old.actual.first.unit}", old.actual.value,
                        previous.line_of((*old_path, "actual")), f"{previous.path}")
        subject = _describe_path(current.report, (*path, "actual"))
        _two_reports(checker, current, line, path, old, old_term, subject)
    return checker.results


#: Two years' amounts of one row this many times apart are taken for a 万元/元 slip.
SCALE_SLIP = Decimal(500)


def _two_reports(checker: Checker, current: ReportFile, line: Amounts, path: FieldPath, old: Amounts,
                 old_term: CheckTerm, subject: str) -> None:
    """A row's stated change and rate against this year's and last year's reports' amounts, and
    the two amounts' scale (a whole file switched between 万元 and 元 passes every check within it)."""
    assert line.actual is not None and old.actual is not None  # (the caller's condition)
    unit = current.report.unit
    now_term = checker.term(f"{current.year}年{LABELS['actual']}数", line.actual, (*path, "actual"))
    difference = line.actual.value - old.actual.value
    if line.change is not None and line.prior is None:  # (with a stated prior, year.change compares within the file)
        tolerance = half_step(line.change.first) + half_step(line.actual.first) + half_step(old.actual.first)
        off = line.change.value - difference
        checker.add("year.change_reports", abs(off) <= tolerance, f"{subject}：{LABELS['change']}",
                    [checker.term(LABELS["change"], line.change, (*path, "change")), now_term, old_term],
                    computed=show_money(difference, unit), difference=show_money(off, unit),
                    tolerance=show_money(tolerance, unit),
                    message=f"所述{LABELS['change']} {show_money(line.change.value, unit)}，两年报告之差 "
                            f"{show_money(difference, unit)}")
    if line.change_rate is not None and line.prior is None and old.actual.value:
        computed = difference / old.actual.value * 100
        # the rate's own rounding, and what the two amounts' rounding can move the computed rate
        spread = (half_step(line.actual.first) + half_step(old.actual.first)) * 100 / abs(old.actual.value)
        tolerance = half_step(line.change_rate.first) + spread
        off = line.change_rate.value - computed
        checker.add("year.change_reports", abs(off) <= tolerance, f"{subject}：{LABELS['change_rate']}",
                    [checker.term(LABELS["change_rate"], line.change_rate, (*path, "change_rate")), now_term, old_term],
                    computed=f"{plain(computed.quantize(Decimal('0.01')))}%",
                    message=f"所述 {plain(line.change_rate.value)}%，按两年报告计算为 "
                            f"{plain(computed.quantize(Decimal('0.01')))}%")
    small, large = sorted((abs(line.actual.value), abs(old.actual.value)))
    if small > 0 and large / small >= SCALE_SLIP:
        checker.add("year.scale", False, subject, [now_term, old_term],
                    message=f"{current.year}年 {show_money(line.actual.value, unit)}，上年报告 "
                            f"{show_money(old.actual.value, unit)}，"
                            f"相差约 {plain((large / small).quantize(Decimal(1)))} 倍："
                            "请核对两年的金额单位（万元、元）")


#: 财政拨款收入 as a whole, and the kinds of 财政拨款 it is made of.
_APPROPRIATION = re.compile(r"^(其中[：:])?财政拨款(收入)?$")
_APPROPRIATION_KIND = re.compile(r"^(其中[：:])?(一般公共预算|政府性基金预算?|国有资本经营预算?)(财政)?拨款(收入)?$")


def _without_covered(parts: list) -> list:
    """Sources by name, without the kinds of 财政拨款 where 财政拨款收入 itself is listed too (a
    report that states 财政拨款收入 in a table and 一般公共预算财政拨款收入 in its text lists one
    sum twice: the whole is added, its kinds are in it)."""
    if not any(_APPROPRIATION.match(name.replace(" ", "")) for name, _, _ in parts):
        return parts
    return [part for part in parts if not _APPROPRIATION_KIND.match(part[0].replace(" ", ""))]


def check_report(rf: ReportFile) -> list[Result]:
    return Checker(rf).run()


def check_department(entry: DepartmentEntry) -> dict[tuple[str, int], list[Result]]:
    """Every rule over each report of one department, the year before's report included, by
    (department slug, year): what a build checks, a department at a time (generator/department/build.py)."""
    by_year = {rf.year: rf for rf in entry.reports}
    return {(entry.slug, rf.year): _check_all(rf, by_year.get(rf.year - 1)) for rf in entry.reports}


def check_content(content: Content) -> dict[tuple[str, int], list[Result]]:
    """Every rule over every report of a whole loaded content (tools and tests)."""
    return {key: results for entry in content.departments for key, results in check_department(entry).items()}


def _check_all(rf: ReportFile, previous: ReportFile | None) -> list[Result]:
    results = check_report(rf)
    if previous is not None:
        results += prior_report_checks(rf, previous)
    return explained(rf, results)


def explained(rf: ReportFile, results: list[Result]) -> list[Result]:
    """The results with the report's explanations beside the findings they name (by rule and
    subject), and a finding of its own for each explanation that names no finding: one that
    names a check that passed, was renamed or does not exist is stale, and must not pass a
    finding it was not written for."""
    notes = {(e.rule, e.subject): (n, e) for n, e in enumerate(rf.report.explanations)}
    used: set[tuple[str, str]] = set()
    out = []
    for r in results:
        key = (r.rule, r.subject)
        if r.passed is False and key in notes:
            used.add(key)
            r = replace(r, explanation=notes[key][1])
        out.append(r)
    for key, (n, e) in notes.items():
        if key in used:
            continue
        out.append(Result("explain.unused", False, f"单位说明（{e.rule}）{e.subject}", (), message=(
            "说明所指的核对项没有不一致之处：核对项已相符、名称已变或不存在；"
            "请照 build.py check 所列的规则编号与核对内容填写，或删去这条说明"),
            slug=rf.slug, year=rf.year, file=rf.path, at_line=rf.line_of(("explanations", n))))
    return out
