"""Which row an amount is of: a template name, the paragraph's topic, the row just stated, a part of
the row it is listed under (其中、分别为、主要原因), or a project; otherwise nothing, with the reason.

`RowFinder` is mixed into the amount reader: it reads the reader's sentence and paragraph state
(the row stated last, the open part-lists, the section's row) and updates only the part-lists and
the paragraph's topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .context import Context, is_performance
from .labels import Label, parse
from .lexicon import SCOPES, Row, known_row, name_variants, scope_total
from .sources import listed_source, source_name
from .text import norm

if TYPE_CHECKING:  # the reader's state, which RowFinder reads
    from .amounts import ParaState, SentenceState

DEFAULT_SCOPE = "部门全部资金"
AREA_OF_STEP = {"income", "expenditure"}
BLOCKS = ("operating_costs", "assets", "procurement")
_BAD_NAME = re.compile(r"原因|比预算|比上年|[。；;]|由于|根据|按照|^实际")
PROJECTISH = re.compile(r"项目|专项")
_PROJECT_MONEY = re.compile(r"(该|本|此)?项目(的)?(经费|资金)?(年初|全年|调整后)?(预算|实际支出|支出|执行)?(数|额)?")
#: A project's money as planned or allocated (下达项目资金, 项目计划总投资, 项目总投资): its budget.
_PROJECT_PLAN = re.compile(r"(下达|批复|安排|分配)(的)?(该|本|此)?项目(资金|经费)(总额)?"
                           r"|(该|本|此)?项目(计划)?总投资(额)?|(该|本|此)?项目(资金)?计划(资金|投资)?(总额)?")
_SANGONG_RELATED = re.compile(r"(会议费|培训费)(支出)?")
#: A line of the part on 一般性支出, with the verb it is said with (开支会议费, 举办节庆、晚会、论坛、赛事活动开支费用).
_GENERAL_SPENDING = re.compile(r"(?:共|全年)?(?:开支|发生|支出|举办)?(?P<name>会议费|培训费"
                               r"|节庆[、，,]?晚会[、，,]?论坛[、，,]?赛事活动(?:开支)?(?:费用|经费))(?:支出)?")
#: The self-evaluation table's own words for its 年度资金总额 row's stages.
_EXECUTION_WORDS = re.compile(r"全年(预算|执行)数?|年度资金总额")
#: A function class as a report marks it (社会保障和就业支出（类）).
_CLASS = re.compile(r"(?P<name>.+?)[（(]类[）)]")
#: A name of spending (…补助支出（项）): never a source of income.
_SPENDING_NAME = re.compile(r"支出(?:[（(][类款项][）)])?$|[（(][类款项][）)]$")
#: A name that tells of money coming or going (年中追加…, 下达…), not of a part of a total.
_EVENT = re.compile(r"(?:年中|年初|年底|年末|当年)?(?:追加|下达|调增|调减|新增|收回|拨付|补拨)")
#: The words before a colon that make what follows parts of the year's total (本年收入中：…).
_WITHIN = re.compile(r"(?:本年|当年|全年)?(?P<what>收入|支出)(?:合计|总额)?中")
#: Words before an amount that say it is a sum or a spending and nothing of what of: no part's name.
_GENERIC = re.compile(r"(共|共计|合计|总计|计|累计)?(支出|开支|花费|金额|资金|费用|经费)?")


@dataclass
class Ref:
    """A row a statement was made about, with what later statements may inherit from it."""

    row: Row
    scope: str | None
    stage: str | None = None
    weak: bool = False
    value: str | None = None
    group: str | None = None  # the project group a listed row heads
    note: str | None = None  # how the row was inferred, for the reviewer

    @property
    def steps(self) -> tuple[str, ...]:
        area = self.row.area
        if area in AREA_OF_STEP:
            return (f"{area}={self.scope or DEFAULT_SCOPE}", *self.row.steps)
        if area == "projects":
            return ("projects=" + (self.group or self.row.name), *self.row.steps)
        return (area, *self.row.steps)


def _lexicon(name: str) -> tuple[Row | None, str]:
    """The template row a name stands for (trying the template name it ends with), and the name to write."""
    for n, variant in enumerate(name_variants(name)):
        row = known_row(variant)
        if row is not None and row.steps[0].startswith("by_function=") and len(row.steps) > 1:
            return row, row.name  # a 项 named down from its 类 and 款: the 项's own name
        if row is not None:
            # as written, but a template row with a note in brackets after it is that row
            # (上级补助收入（省、市妇联项目资金）, one entry with 上级补助收入 stated elsewhere)
            name = name if n == 0 or n == 1 and not name.rstrip().endswith(("）", ")")) else variant
            return _renamed(row, name), name
    return None, name


def _renamed(row: Row, name: str) -> Row:
    """The lexicon's row under the name as written, unless the lexicon gives the row its template name
    (货物 for 政府采购货物支出, 公用经费 for 日常公用经费), so that one row stated twice is one entry."""
    steps = list(row.steps)
    key, _, ident = steps[-1].partition("=")
    if ident and key != "by_function" and norm(ident) == norm(row.name):
        steps[-1] = f"{key}={name}"
    return Row(row.area, tuple(steps), name)


def _classification_path(name: str) -> bool:
    """A 项 named down from its 类 and 款 (社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位
    基本养老保险缴费支出（项）): a row's name however long."""
    row = known_row(name)
    return row is not None and row.steps[0].startswith("by_function=") and len(row.steps) > 1


class RowFinder:
    """Row resolution for AmountReader (see amounts.py for the state it reads)."""

    subjects: tuple[str, ...]
    para: ParaState
    section_row: Ref | None
    title_row: Ref | None
    para_rank: int | None
    project: str | None
    #: The projects a table before listed, by name: (their group, their name as listed).
    listed: dict[str, tuple[str, str]]

    def _row(self, label: Label, state: SentenceState, ctx: Context) -> tuple[Ref | None, str]:
        name = label.name
        scope = label.scope or ctx.scope
        if ctx.area == "sangong" and state.reception and _GENERIC.fullmatch(norm(name)):
            # “国内公务接待6批次，15人次，共计支出1.46万元”: the spending on that kind of reception
            return Ref(Row("sangong", (f"reception_items={state.reception}",), state.reception), None), ""
        execution = self._execution(label, ctx) if not state.projects_counted else None
        if execution is not None:
            return execution, ""
        if not norm(name) or norm(name) in ("支出", "收入", "其中"):
            return self._unnamed(label, state, ctx, scope)
        if self.project is not None and label.relation in ("arrived", "arrival_rate") and \
                re.fullmatch(r"(实际|累计|已)?(资金)?", norm(name)):
            # “截至2018年12月31日，实际到位资金372.00万元”: in a project's report, its funds received
            return self._the_project(), ""
        if self.project is not None and (source := self._source(name, label, state)) is not None:
            return source, ""
        if _BAD_NAME.search(name) or len(name) > 40 and not _classification_path(name):
            return None, "数字前的文字不像行名"
        within = _WITHIN.fullmatch(norm(label.topic)) if label.topic and not state.children else None
        if within:
            # “本年收入中：一般公共预算财政拨款收入…；事业收入…”: parts of the year's total named before the colon
            area = "income" if within.group("what") == "收入" else "expenditure"
            state.parents.append(Ref(Row(area, ("total",), within.group("what") + "合计"), label.scope or ctx.scope))
            state.children = True
        top = state.parents[-1] if state.children and state.parents else None
        if top is not None and top.row.area == "income" \
                and (top.row.is_total or top.row.steps[0].startswith("related=")) \
                and _spending_total(name) and not state.reasons:
            state.children = False  # “…其中本年收入…；财政拨款支出…”: spending is no part of an income total
            state.parents.clear()
        if label.scope is None and state.last is not None and state.last.scope and not state.children:
            scope = state.last.scope  # a scope named in the sentence carries on (…支出248.70万元，年末结转和结余…)
        if label.list_head and not state.children:
            # “项目支出包括A22.5万元，B16.8万元…”: the row named before the list word heads its parts
            head = self._known(label.list_head, scope, None, ctx)
            if head is not None:
                state.parents.append(head)
                state.children = True
                state.by_name = True
                state.head_named = True
        if label.listed and (above := state.last or self.para.last) is not None and not state.children:
            # “项目支出：667.9万元，分别为A120万元，…”: the row just stated heads a list of its parts.
            state.parents.append(above)
            state.children = True
            state.by_name = True
        parent = state.parents[-1] if state.children and state.parents else None
        if label.scope is None and parent is not None and parent.scope and parent.row.area == "expenditure" \
                and (parent.row.is_total or parent.row.steps[0].startswith("by_nature=")):
            # “一般公共预算财政拨款支出941.77万元，主要用于：A…；B…”: every item of the list is of that scope;
            # so are the parts of its 基本支出 (…基本支出1047.10万元，其中：人员经费…) under a heading naming
            # the scope shorter (六、一般公共预算基本支出决算情况说明)
            scope = parent.scope
        ref = self._known(name, scope, parent, ctx, label.stage)
        if ref is not None and label.scope is None and scope is None and parent is None \
                and ref.row.area == "expenditure" and ref.row.steps[0].startswith("by_function=") \
                and (head := self.para.head) is not None and head.row.area == "expenditure" and head.row.is_total \
                and head.scope not in (None, DEFAULT_SCOPE):
            # “一般公共预算财政拨款支出1585.14万元，…。按支出功能分类，社会保障和就业支出（类）139.96万元…”: the
            # classes a paragraph on one scope's spending lists are that scope's
            ref = replace(ref, scope=head.scope)
        if ref is not None:
            return ref, ""
        return self._part(name, label, state, parent, ctx)

    def _execution(self, label: Label, ctx: Context) -> Ref | None:
        """The self-evaluation's 年度资金总额, in its own words (全年预算数…，全年执行数…, 年度资金总额…)
        in a section on the self-evaluation: the row of its 预算执行 block, not the year's spending."""
        if not is_performance(ctx) or label.stage not in ("budget_initial", "budget_full", "actual"):
            return None
        bare = norm(label.name)
        if bare in ("年度资金总额", "资金总额", "年度资金") or not bare and _EXECUTION_WORDS.search(norm(label.raw)):
            root = f"project_performance={self.project}" if self.project else "performance"
            return Ref(Row(root, ("budget_execution",), "年度资金总额"), None)
        return None

    def _unnamed(self, label: Label, state: SentenceState, ctx: Context, scope: str | None) -> tuple[Ref | None, str]:
        """No row named: the topic, the row just stated, a bare 收入/支出 of a 收支 statement, or the section's row."""
        bare = norm(label.name)
        if label.topic:
            ref, why = self._topic(label, state, ctx, scope)
            if ref is not None or why:
                return ref, why
        top = state.parents[-1] if state.children and state.parents else None
        if bare == "支出" and top is not None and top.row.steps[0] == "related=支出总计":
            # “财政拨款支出总计…，其中本年支出1878.42万元”: that scope's year spending
            return Ref(Row("expenditure", ("total",), "支出合计"), top.scope), ""
        if bare == "支出" and ctx.area == "sangong" and not state.children and state.last is None:
            return Ref(Row("sangong", ("total",), "三公经费"), None), ""  # ““三公”经费全年支出1.86万元”
        if bare == "支出" and self.para.income_total:
            # “政府性基金预算财政拨款收入680.00万元，…；支出527.40万元”: the spending of the scope whose
            # income was just stated
            return Ref(Row("expenditure", ("total",), "支出合计"), label.scope or self.para.income_scope or scope), ""
        if bare in ("支出", "实际支出") and state.last is not None and not state.children \
                and state.last.stage in ("budget", "budget_full", "budget_initial") \
                and not re.search(r"[；;。]", label.raw):
            # ““三公”经费全年预算20.00万元，支出17.80万元，其中…”: what came of the budget just
            # stated, the same row's outturn (and so the stage of the parts listed after it)
            label.stage = "actual"
            return state.last, ""
        if bare == "支出" and re.search(r"(本|当)年度?支出(为|是|共)?$", label.raw):
            # “本年收入1,248.95万元，年初结转和结余37.50万元；本年支出1,262.33万元”: the year's spending,
            # as 本年收入 is the year's income
            return Ref(Row("expenditure", ("total",), "支出合计"), scope), ""
        if bare == "收入":
            parent = state.parents[-1] if state.children and state.parents else None
            if parent is not None and parent.row.steps[0] == "related=收入总计":
                scope = parent.scope  # “财政拨款收入总计…，其中本年收入…”: that scope's year income
            return Ref(Row("income", ("total",), "收入合计"), scope), ""
        if bare:
            return None, f"“{label.name}”所指不明"
        if state.children and state.parents and re.search(r"[；;]", label.raw) and label.stage:
            # “项目全年预算数680.00万元，其中中央资金…、县级资金100.00万元；全年执行652.30万元”: after the
            # list, a stage alone is of the row the list broke down
            head = state.parents[-1]
            state.children = False
            state.parents.clear()
            return head, ""
        if state.last is not None:
            return state.last, ""
        if self.para.topic is not None:
            return self.para.topic, ""
        if self.project is not None and label.stage and ctx.area in (None, "projects", "expenditure"):
            return self._the_project(), ""  # “全年预算数412.50万元” in a project's own report
        if self.section_row is not None and not state.children:
            return self.section_row, ""
        if self.title_row is not None and not state.children and label.stage and _ITEM_HEADING(self.title_row):
            return self.title_row, ""  # “1.因公出国（境）费” / “支出决算为48,620.00元”: the heading's row
        if ctx.area == "sangong":
            return Ref(Row("sangong", ("total",), "三公经费"), scope), ""
        return None, "原文未说明是哪一项的数"

    def _topic(self, label: Label, state: SentenceState, ctx: Context, scope: str | None) -> tuple[Ref | None, str]:
        """The text before a colon names the row: “收入预算：2020年年初预算数848.4万元”, “１、财政预算：216.24万元”."""
        topic = parse(label.topic, "money", self.subjects)
        bare = norm(topic.name) or re.sub(r"预算|决算", "", norm(label.topic))
        if bare in ("支出", "收入"):
            # A paragraph headed “支出预算：” or “收入预算：” is about the total.
            area = "expenditure" if bare == "支出" else "income"
            ref: Ref | None = Ref(Row(area, ("total",), bare + "合计"), topic.scope or scope)
            why = ""
        elif topic.name:
            topic.child, topic.listed = label.child, label.listed
            ref, why = self._row(topic, state, ctx)
        else:
            return None, ""
        if ref is not None:
            self.para.topic = ref
            if topic.stage and not label.stage:
                label.stage = topic.stage
        return ref, why

    def _known(self, name: str, scope: str | None, parent: Ref | None, ctx: Context,
               label_stage: str | None = None) -> Ref | None:
        written = name
        grand = re.fullmatch(r"(?P<scope>.*?)(?P<what>收入|支出)总计", norm(name))
        if grand and grand.group("scope") \
                and (grand.group("scope") == "财政拨款" or SCOPES.fullmatch(grand.group("scope"))):
            # “财政拨款收入总计40,464,048.44元”: that scope's 总计, beside its total
            area = "income" if grand.group("what") == "收入" else "expenditure"
            what = grand.group("what") + "总计"
            return Ref(Row(area, (f"related={what}",), what), grand.group("scope"))
        if label_stage and ctx.titles and "预算执行" in norm(ctx.titles[0]) and \
                re.fullmatch(r"(一般公共预算)?财政拨款(资金)?|财政资金|一般公共预算", norm(name)):
            # “（三）财政拨款预算执行 / 财政拨款年初预算2680.00万元，…全年预算…，实际支出…”: the spending
            # of those funds against their budget; the paragraph's unnamed stages are of it too
            ref = Ref(Row("expenditure", ("total",), name), norm(name))
            self.para.topic = ref
            return ref
        total = scope_total(name)
        if total is not None:
            if parent is not None and total[1] == "income" and parent.row.area == "income" \
                    and (parent.row.is_total or parent.row.steps[0] == "related=收入总计") \
                    and (parent.scope or "部门全部资金") == "部门全部资金":
                # “本年收入合计…，其中：一般公共预算财政拨款收入4823.02万元”: a source of that total
                # (or of the year's income within a 收入总计 whose list it is)
                return Ref(Row("income", (f"by_source={name}",), name), parent.scope)
            return Ref(Row(total[1], ("total",), name), total[0])
        row, name = _lexicon(name)
        if row is None:
            return None
        if parent is not None and parent.row.steps[0] in ("related=收入总计", "related=支出总计") \
                and row.area == parent.row.area:
            # “财政拨款收入总计256.90万元，其中本年收入244.50万元，年初结转和结余12.40万元”: that scope's
            return Ref(row, parent.scope)
        if parent is not None and parent.row.area == "expenditure" and not parent.row.is_total and row.area == "income":
            # “项目支出378.10万元，其中财政拨款安排248.70万元”: that spending by the source it was paid from
            child = self._child(parent, written)
            if child is not None:
                return child
        if row.is_total and row.area in AREA_OF_STEP and ("总计" in name and (
                row.area in self.para.totals or getattr(self, "kind", None) == "部门决算")
                or norm(name) in ("总收入", "总支出") and getattr(self, "kind", None) == "部门决算"):
            # “收入合计3862.45万元…另有年初结转和结余245.60万元，收入总计4108.05万元”: a 总计 after the
            # 合计 counts the carry-over too, as a 部门决算's 总计 always does (收入支出决算总表:
            # 本年收入合计 + 年初结转和结余 = 收入总计); it is kept beside the total. A 部门决算's
            # “总收入1080.21万元，其中本年收入1053.21万元” is its 收入总计 too.
            whole = name if "总计" in name else "收入总计" if row.area == "income" else "支出总计"
            return Ref(Row(row.area, (f"related={whole}",), name), scope)
        if parent is not None and (parent.row.area != row.area and parent.row.area in ("income", "projects")
                                   and not (parent.row.area == "income" and parent.row.is_total
                                            and row.steps[0].startswith("by_nature="))
                                   or parent.row.steps[0].startswith("by_function=")):
            # (基本支出 or 项目支出 after 收入合计 is no part of the income: a sentence of spending whose
            # total was not read leaves the income total as the row before)
            # A template name listed under another kind of row is a part of that row:
            # 工资福利支出 under 财政预算 (a source of income), 基本支出 under 一般公共服务(类).
            child = self._child(parent, name)
            if child is not None:
                return child
        if ctx.area in BLOCKS and row.area != ctx.area and not row.is_total:
            return Ref(Row(ctx.area, (f"items={name}",), name), None)
        return Ref(row, scope if row.area in AREA_OF_STEP else None)

    def _part(self, name: str, label: Label, state: SentenceState, parent: Ref | None,
              ctx: Context) -> tuple[Ref | None, str]:
        """A name the templates do not use: a part of the row it is listed under, a project, or nothing."""
        general = _GENERAL_SPENDING.fullmatch(norm(name))
        if general and any("一般性支出" in t for t in ctx.titles):
            # the part on 一般性支出 (Sichuan's template: 会议费, 培训费, 节庆、晚会、论坛、赛事活动费用),
            # which goes with 三公 as the spending kept down: beside 三公 (as 会议费 in the 三公 part),
            # each line on its own, whatever line was said before it
            plain = re.sub(r"开支", "", general.group("name"))
            return Ref(Row("sangong", (f"related={plain}",), plain), None), ""
        if parent is None:
            if ctx.area == "sangong" and _SANGONG_RELATED.fullmatch(norm(name)):
                # “会议费支出3.20万元” in the 三公 section (“三公”经费及会议费、培训费): beside 三公, not in it
                plain = re.sub(r"支出$", "", norm(name))
                return Ref(Row("sangong", (f"related={plain}",), plain), None), ""
            if ctx.area == "income" and not state.children and not _SPENDING_NAME.search(name):
                return Ref(Row("income", (f"by_source={name}",), name), ctx.scope), ""
            if ctx.area == "operating_costs":
                return Ref(Row("operating_costs", (f"items={name}",), name), None), ""
            procurement = ctx.area == "procurement" or state.last is not None and state.last.row.area == "procurement"
            kind = re.fullmatch(r"(?:采购)?(货物|工程|服务)(?:类)?(?:采购)?(?:支出)?", norm(name))
            if procurement and kind:
                # “政府采购支出总额126.40万元，货物38.60万元、服务87.80万元”: its kinds, named short
                return Ref(Row("procurement", (f"items={kind.group(1)}",), kind.group(1)), None), ""
            if procurement and re.fullmatch(r"授予中小企业(?:的)?合同(?:金额)?", norm(name)):
                return Ref(Row("procurement", ("related=授予中小企业合同金额",), "授予中小企业合同金额"), None), ""
            listed = self.listed.get(norm(name))
            if listed is not None:
                # “从自评情况看，医保基金监管专项经费执行率79.53%”: a project the summary table lists, its line
                return Ref(Row("projects", (f"items={listed[1]}",), listed[1]), None, group=listed[0]), ""
            project = self._project(name, label)
            if project is not None:
                return project, ""
            if state.projects_listed and label.stage is not None and self.project is None:
                # “2023年实施项目4个：A全年预算268.00万元，支出…；B全年预算…”: each name the list gives
                # with its money is one of the projects counted
                return Ref(Row("projects", (f"items={name}",), name), None, group="项目支出"), ""
            if self.title_row is not None and re.search(r"用于.*支出$", norm(name)) and not state.children:
                # “(一)基本支出情况：…用于保障正常运转的日常支出1991283.82元”: the section's row, described.
                return self.title_row, ""
            if self.title_row is not None and self.para_rank is not None:
                # A numbered paragraph under a heading that names a row (“（二）项目支出情况”) gives a part of it.
                parent = self.title_row
            else:
                return None, f"“{name}”不是模板中的行名，也不在某一行的“其中”之下"
        if state.by_name and parent.row.area == "expenditure" and PROJECTISH.search(parent.row.name) and \
                parent.row.steps[0].startswith("by_nature=") or parent.row.area == "projects" and parent.group is None:
            # The parts of 项目支出 listed by name are projects: the row heads a project group.
            state.listed = parent
            group = parent.row.name
            return Ref(Row("projects", (f"items={name}",), name), None, group=group), ""
        if label.scope and parent.row.steps[0].startswith("related=") and not name.startswith(label.scope):
            # “年末结转和结余…，其中：一般公共预算财政拨款结转44.70万元；政府性基金预算财政拨款结转…”:
            # each part named with its scope, as the report names it
            name = label.scope + name
        child = self._child(parent, name)
        if child is None:
            return None, f"“{name}”列在“{parent.row.name}”之下，但不知是哪一类"
        return child, ""

    def _project(self, name: str, label: Label) -> Ref | None:
        """Money of a project: in a project's self-evaluation, its 项目经费 at a stated stage; elsewhere a
        named 项目资金 total (its parts follow with 其中), or a named 经费 at a stated stage."""
        plain = norm(name)
        if self.project is not None:
            # “项目年初预算386.00万元”, “截至2023年12月31日，项目实际支出398.76万元”: the project's money
            core = re.sub(r"^.*[，,]", "", plain)
            if core == norm(self.project):
                return self._the_project()  # (the project named again: 中小企业发展专项资金：调整后预算…)
            if (label.stage or label.relation in ("arrived", "arrival_rate", "execution_rate", "variance")) \
                    and _PROJECT_MONEY.fullmatch(core):
                return self._the_project()
            if label.relation is None and label.stage is None and _PROJECT_PLAN.fullmatch(core):
                # “下达项目资金1800.00万元，其中：中央…”, “项目计划总投资380.00万元”: the money planned for it
                label.stage = "budget"
                return self._the_project()
            return None
        if re.match(r"^(该|此|本|各)", plain):
            return None
        if re.search(r"项目", plain) and re.search(r"(资金|经费|支出)$", plain):
            return Ref(Row("projects", ("total",), name), None, group=name)
        if label.stage and re.search(r"(经费|资金)$", plain) and len(plain) >= 4:
            return Ref(Row("projects", (f"items={name}",), name), None, group=name,
                       note="原文未列入项目清单，按“经费”之名记为项目，请核对")
        return None

    def _source(self, name: str, label: Label, state: SentenceState) -> Ref | None:
        """In a project's own report, one source of its money (中央财政资金, 县级配套资金) at a stage its
        words name or listed after 其中 under the project's money: a line of the project's `by_source`;
        so listed, a level alone (中央、省级、市（州）级、县级) or its funds for a purpose (中央水利发展资金)
        names one too."""
        written = re.sub(r"^其中[：:]?", "", name.strip()).strip()
        plain = norm(written)
        parent = state.parents[-1] if state.children and state.parents else None
        under = parent is not None and parent.row == self._the_project().row
        if not (under and listed_source(plain) or source_name(plain) and (label.stage or label.relation)):
            return None
        state.source_part = under or label.child
        steps = (f"items={self.project}", f"by_source={written}")
        return Ref(Row("projects", steps, written), None, group="项目支出")

    def _the_project(self) -> Ref:
        """The project a project's own report is about, as a line of its 项目支出."""
        assert self.project is not None
        return Ref(Row("projects", (f"items={self.project}",), self.project), None, group="项目支出")

    def _child(self, parent: Ref, name: str) -> Ref | None:
        """The row for a part named `name` of `parent`, where such parts have a place."""
        if _GENERIC.fullmatch(name):
            return None  # “共计支出1.46万元”: the words say only that it is a sum, not of what
        row, area = parent.row, parent.row.area
        if area in ("income", "expenditure") and _EVENT.match(name):
            return None  # “年中下达抗疫特别国债资金680.00万元”: money that came or went, not a part
        if area == "income":
            steps = (f"by_source={name}",) if row.is_total else (*row.steps, f"items={name}")
        elif area in ("operating_costs", "assets", "procurement") or area == "projects":
            steps = (f"items={name}",) if row.is_total else (*row.steps, f"items={name}")
        # (a function class listed under the 支出总计, …其中本年支出…；5.其他支出（类）64.80万元, is a
        # part of the year's spending by function, as the classes before it: below, not an item)
        elif area == "expenditure" and not row.is_total \
                and not (row.steps[0] == "related=支出总计" and _CLASS.fullmatch(name)):
            steps = (*row.steps, f"items={name}")
        elif area == "expenditure" and (known := known_row(name)) is not None and known.area == "expenditure" \
                and known.steps[0].startswith("by_function="):
            steps = known.steps  # a function class (社会保障和就业支出（类）) is a part by function
        elif area == "expenditure" and (cls := _CLASS.fullmatch(name)):
            # a function class the report marks as one (（类）): a part by function
            steps = (f"by_function={cls.group('name')}(类)",)
        elif area == "expenditure":
            # Parts of 支出合计 not named by the templates are still parts by nature (上缴上级支出 …).
            steps = (f"by_nature={name}",)
        elif area == "sangong" and row.steps == ("reception",):
            steps = (f"reception_items={name}",)
        else:
            return None
        return Ref(Row(area, steps, name), parent.scope, group=parent.group)

    def _reason(self, label: Label, parent: Ref, ctx: Context) -> tuple[Ref | None, str]:
        """A change listed under a row: of one of its parts, or one of the reasons for its change."""
        name = label.name
        if _BAD_NAME.search(name) or len(name) > 40:
            return None, "数字前的文字不像行名"
        if label.clauses > 1:
            return None, "增减原因的名称被逗号隔开，不能确定是哪一项"
        row, name = _lexicon(name)
        if ctx.area in BLOCKS and (row is None or row.area != ctx.area):
            return Ref(Row(ctx.area, (f"items={name}",), name), None), ""
        if row is not None:
            if row.area == parent.row.area and (parent.row.is_total or row.steps[:len(parent.row.steps)] ==
                                                 parent.row.steps):
                # 项目支出 under the total, 人员经费 under 基本支出: the change of that part.
                return Ref(row, parent.scope if row.area in AREA_OF_STEP else None), ""
            if row.area == parent.row.area:
                return None, f"原因“{name}”与所说明的“{parent.row.name}”不是同一种分类，不能确定归属"
        steps = (*parent.row.steps, f"change_reasons={name}")
        return Ref(Row(parent.row.area, steps, name), parent.scope, group=parent.group), ""


def _spending_total(name: str) -> bool:
    """A name of spending as a whole (财政拨款支出, 本年支出合计), which no income total lists among its parts."""
    total = scope_total(name)
    if total is not None and total[1] == "expenditure":
        return True
    row = known_row(name)
    return row is not None and row.area == "expenditure" and row.is_total


def _ITEM_HEADING(ref: Ref) -> bool:
    """A heading that is one item and nothing more: a part of 三公 (1.因公出国（境）费) or a 项 named
    down from its 类 (1.城乡社区支出（类）…（项）); what an unnamed amount under it is of. (A heading
    such as （二）项目支出情况 introduces a discussion, whose amounts may be of anything in it.)"""
    steps = ref.row.steps
    return ref.row.area == "sangong" or steps[0].startswith("by_function=") and len(steps) > 1


def title_row(title: str, ctx: Context) -> Ref | None:
    """The row a heading is about: “(一)基本支出情况” → 基本支出, “1.因公出国（境）费” → that part
    of 三公, “1.城乡社区支出（类）城乡社区管理事务（款）行政运行（项）” → that 项."""
    text = re.sub(r"^[（(]?[一二三四五六七八九十0-9]+[）)、.．]?\s*", "", title.strip())
    text = re.sub(r"(的)?(决算)?(情况说明|情况|说明)$", "", text.rstrip("。：:；; "))
    row, name = _lexicon(text)
    if row is None or row.is_total or row.area not in (*AREA_OF_STEP, "sangong"):
        return None
    if row.area == "sangong" and ctx.area != "sangong":
        return None
    return Ref(row, ctx.scope if row.area in AREA_OF_STEP else None)
