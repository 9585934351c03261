"""Amounts and rates in sentences: which row, which stage, which relation.

A number is placed only when its row and stage are known: the row from a template name
(lexicon), from the paragraph's topic (“收入预算：…”), from the row stated just before it
(“…实际支出10.33万元”: the same row), or as a part of that row (其中、分别为); the stage
from the label, from the sentence or paragraph it stands in, or from the headings above.
An unmarked amount is read as 决算 only where that is what it means: in a 部门决算, or in
a self-evaluation sentence about spending that does not mention budgets at all, and then
only provisionally (it is dropped if the row has a different stated 决算 amount).
Everything else is left unplaced, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .context import Context
from .draft import Stmt
from .found import Found
from .labels import Label, parse
from .lexicon import FUNCTION_CODES, Row, mentions_budget
from .rows import AREA_OF_STEP, PROJECTISH, Ref, RowFinder
from .text import CHANGE_AGAIN, YEAR_CHANGE, Sentence, Token, clip, norm, signed

_STAGES = ("budget_initial", "budget_full", "budget", "actual", "prior")
#: Funds said to have arrived after their amount (“…1740.00万元全部到位”).
_ARRIVED_AFTER = re.compile(r"(已)?(全部|足额|全额)?到位")
_ACHIEVED = re.compile(r"投入|节约|减免|拨付|兑现|奖补|中标|追加|带动|争取")
_REASONS = re.compile(r"原因|主要为[：:]|主要是[：:]")
#: The share an amount is said to be of the year's spending, right after it (“…，占全年支出的50.54%”).
_SHARE_OF_SPENDING = re.compile(r"[，,]?占(?:全年|本年|当年|全部|部门)?(?:实际)?(?:总)?支出"
                                r"(?:总额|合计|总数|决算数?)?的?(?:比重|比例)?(?:为)?[0-9]")
#: A count of projects opening the list of them: “实施项目4个：”, “共4个项目，分别是：”.
_LIST_OPENS = re.compile(r"\s*(?:[，,]?(?:分别|具体)(?:是|为)|[，,]?包括)?[：:]")
#: What is left of a change's label when it names only what it is compared with (较2021年决算,
#: 比上年, 与上年相比, 同比): no row.
_COMPARED = re.compile(r"(较|比|同比|与|和)(上年|去年|上一?年度)?(相比|对比|比较)?")


@dataclass
class Pending:
    """A statement held until its sentence is read, since a list after it can change its row."""

    ref: Ref
    key: str
    stmt: Stmt
    weak: bool


@dataclass
class ParaState:
    """What a paragraph has established for the sentences after the first."""

    topic: Ref | None = None
    head: Ref | None = None  # the first row stated explicitly (not as a part)
    stage: str | None = None  # a stage set by a topic paragraph (“支出预算：2020年年初预算数…”)
    heads: int = 0
    income_total: bool = False
    income_scope: str | None = None  # the scope of the income total stated (政府性基金预算财政拨款 …)
    totals: set[str] = field(default_factory=set)  # the areas whose 合计 the paragraph has stated
    item_only: bool = False  # the paragraph so far is only a numbered item's name (2.公务接待费。)
    income_weak: list[Pending] = field(default_factory=list)  # an unmarked 收入 total, made sure by a 支出 after it
    pending: list[Pending] = field(default_factory=list)
    last: Ref | None = None  # the last row stated outside a part-list, for a “其中” opening the next sentence
    #: The row a numbered item of a list states first (“1.一般公共预算财政拨款收入986.41万元。较上年增加…”):
    #: what a change in a later sentence of the item, naming no row, is of.
    item: Ref | None = None
    #: The two totals the paragraph's last figure was said of (收入、支出总计均为…): what a change in a
    #: later sentence naming no row (与2022年度相比，增加…) is of, unless a row was stated since.
    pair: tuple[Ref, Ref] | None = None


def _enumerated(text: str, toks: list[Token]) -> dict[Token, str]:
    """“一般公共预算财政拨款收入、上级补助收入、其他收入分别为1888.02万元、40.00万元、6.30万元，分别占
    本年收入合计的97.61%、2.07%、0.33%”: each amount (and each share) with the label of its name,
    in order, as if written after it; nothing unless the names and the amounts are as many."""
    out: dict[Token, str] = {}
    for match in _ENUM.finditer(text):
        head = re.split(r"[，,；;。]", text[:match.start("names")])[-1]
        names = [n.strip() for n in re.split(r"[、和及与]", match.group("names")) if n.strip()]
        if len(names) < 2:
            continue
        prefix = "其中：" if re.search(r"其中[：:]?\s*$", head + (match.group("pre") or "")) else ""
        make: Callable[..., str]
        for kind in ("money", "percent"):
            if kind == "money":
                start = match.end()
                make = lambda n: n  # noqa: E731
            else:
                share = _ENUM_SHARE.search(text, match.end())
                if share is None:
                    break
                start, of = share.end(), share.group("of")
                make = lambda n, of=of: f"{n}占{of}的"  # noqa: E731
            run = [t for t in toks if t.start >= start and t.kind == kind][:len(names)]
            if len(run) != len(names) or any(re.search(r"[^、，,和及与\s]", text[a.end:b.start])
                                             for a, b in zip(run, run[1:])):
                continue
            for n, (token, name) in enumerate(zip(run, names)):
                out[token] = (prefix if n == 0 and kind == "money" else "、") + make(name)
    return out


_ENUM = re.compile(r"(?P<pre>其中[：:]?)?(?P<names>[^，,；;。：:]{2,80}?)分别(?:为|是)")
_ENUM_SHARE = re.compile(r"分别占(?P<of>[^，,；;。0-9]{1,20}?)的?(?=[0-9])")


#: A paragraph's first sentence that is only a numbered item's name (1.因公出国（境）费。).
_ITEM_OPENING = re.compile(r"^\s*(?:[0-9]+[.、．]|[（(][0-9一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)"
                           r"\s*(?P<name>[^。，,：:]{2,20})[。：:]?\s*$")
#: “…万元，全部为公务用车运行维护费，”: the amount is all of the row named.
_ALL_OF = re.compile(r"(?:全部为|全部是|均为|全部用于)(?P<name>[^，,；;。（(]{2,30})[，,]")
#: The funds a self-evaluation covers, named after the count of its projects (开展绩效自评，共涉及项目3个，资金…).
_EVALUATED_AFTER_COUNT = re.compile(r"自评[^。；;]*涉及(?:项目)?[0-9]+个(?:项目)?[，,、]\s*资金$")
#: The stages the funds evaluated may be said at, and what follows 涉及 to say so: 涉及全年预算资金,
#: 涉及年初预算数, 涉及调整后预算资金 (涉及资金 or 涉及预算资金 names none).
_EVALUATED_STAGES = ("budget_initial", "budget_full", "actual")
_EVALUATED_STAGE_WORDS = (("budget_initial", re.compile(r"年初(?:预算|批复)")),
                          ("budget_full", re.compile(r"全年预算|调整(?:后)?预算")))


def _evaluated_stage(clause: str) -> str | None:
    """The stage the funds evaluated are said at, from the words after the clause's last 涉及."""
    at = clause.rfind("涉及")
    words = clause[at:] if at >= 0 else clause[-12:]
    return next((stage for stage, pattern in _EVALUATED_STAGE_WORDS if pattern.search(words)), None)


#: A count of receptions of one kind (国内公务接待6批次，外事接待0批次): what the clause's spending is of.
_RECEPTION_KIND = re.compile(r"(?P<kind>国内|外事|国\(境\)外|境外)(公务)?接待(工作)?(共)?$")


def _by_economic(ref: Ref, whole: Ref) -> Ref:
    """A class of the 经济分类 (商品和服务支出 …) listed after “按支出经济分类” that broke down `whole`:
    a part of that row (项目支出 by 经济分类), or of its account's total when `whole` is the total;
    of the scope `whole` is of. Any other row is as it was read."""
    if ref.row.area != "expenditure" or len(ref.row.steps) != 1 or not ref.row.steps[0].startswith("by_economic="):
        return ref
    if whole.row.is_total:
        return replace(ref, scope=whole.scope)
    return replace(ref, row=Row("expenditure", (*whole.row.steps, f"items={ref.row.name}"), ref.row.name),
                   scope=whole.scope)


@dataclass
class SentenceState:
    last: Ref | None = None
    parents: list[Ref] = field(default_factory=list)  # 其中 opens a level, a closing bracket ends it
    children: bool = False
    stage: str | None = None
    listed: Ref | None = None  # a row whose parts are listed (分别为 …)
    pending: list[Pending] = field(default_factory=list)
    evaluated: bool = False
    evaluated_staged: bool = False  # the funds evaluated were given at a stage (涉及全年预算资金…)
    reasons: bool = False  # the parts listed are the reasons for a change of the row before
    by_name: bool = False  # the parts are listed one by one (分别为), not broken down (其中)
    reception: str | None = None  # the kind of 公务接待 the clause counts (国内公务接待6批次，…共计支出1.46万元)
    pair: tuple[Ref, Ref] | None = None  # the two totals a figure was said of (收入、支出总计均为…)
    bracket: Ref | None = None  # the row stated before an open bracket
    orphan_reasons: bool = False  # within the reasons of a change that was left unplaced
    projects_counted: bool = False  # the sentence counted projects before its amounts
    projects_listed: bool = False  # the count of projects opened a list (实施项目4个：A…；B…): its names are projects
    economic: Ref | None = None  # a row of spending broken down by 经济分类 (按支出经济分类，…)
    head_named: bool = False  # the row heading a list was named before the list word, without an amount
    source_part: bool = False  # the project's source last named was listed as a part of its money (其中…)


class AmountReader(RowFinder):
    """Reads money and percentage tokens of sentences in order, keeping the state between them."""

    def __init__(self, found: Found, subjects: tuple[str, ...], kind: str) -> None:
        self.found = found
        self.subjects = subjects
        self.kind = kind
        self.para = ParaState()
        self.list_parent: Ref | None = None  # a paragraph ending with “其中：” heads the numbered ones after it
        self.list_rank: int | None = None
        self.section_row: Ref | None = None  # the row a heading states an amount of
        self.title_row: Ref | None = None  # the row a heading names (“（一）基本支出情况”)
        self.para_rank: int | None = None
        self.project: str | None = None  # the project a 项目支出绩效自评 section is about
        self.stated: dict[tuple[str, str], str] = {}  # (row name, value) → stage, for list heads restating a row
        self.listed: dict[str, tuple[str, str]] = {}  # a project a table listed: its name → (its group, its name)

    # --- paragraphs ---------------------------------------------------------------------------

    def paragraph(self, rank: int | None) -> None:
        """A new paragraph; `rank` is its numbering rank, which decides whether it is an item of the list before."""
        carried = self.para.topic if self.para.item_only else None
        self.para = ParaState()
        if carried is not None:  # “2.公务接待费。” as a line of its own: what the next paragraph is about
            self.para.topic = carried
        self.para_rank = rank
        if self.list_parent is not None and (rank is None or (self.list_rank is not None and rank <= self.list_rank)):
            self.list_parent = None

    def end_paragraph(self, text: str, rank: int | None) -> None:
        """Write the paragraph's statements; a paragraph ending with a colon opens a list of the row it named."""
        head = self.para.head
        # the stages the head row was stated at in the paragraph (预算为10.10万元，决算为8.52万元):
        # two or more, and the list after it (具体情况如下：) names its items' own or none
        stages = {item.key for item in self.para.pending if head is not None and item.ref.row == head.row
                  and item.key in _STAGES}
        self.flush()
        if re.search(r"[：:]\s*$", text) and head is not None:
            self.list_parent = replace(head, stage=None) if len(stages) > 1 else head
            self.list_rank = rank

    def section(self) -> None:
        self.list_parent = None
        self.section_row = None
        self.title_row = None
        self.para = ParaState()

    # --- sentences ----------------------------------------------------------------------------

    def sentence(self, sentence: Sentence, toks: list[Token], ctx: Context) -> list[Token]:
        """Place the money and percentage tokens of a sentence; return the tokens left for others."""
        opening = _ITEM_OPENING.match(sentence.text)
        if opening and not toks and self.para.topic is None:
            # “1.因公出国（境）费。全年未安排…，支出决算为0.00万元。”: the item the paragraph is about
            found = self._known(opening.group("name"), ctx.scope, None, ctx)
            if found is not None and found.row.area == (ctx.area or found.row.area):
                self.para.topic = found
                self.para.item_only = True
        state = SentenceState()
        if self.list_parent is not None:
            state.parents.append(self.list_parent)
            state.children = True

        rest: list[Token] = []
        previous_end = 0
        budget_words = mentions_budget(sentence.text) or ctx.budget_words
        named = _enumerated(sentence.text, toks)
        before: Token | None = None
        for token in toks:
            raw = sentence.text[previous_end:token.start]
            previous_end = token.end
            counted = before is not None and rest[-1:] == [before]  # (the number before is left to others)
            before = token
            if token in named:
                raw = named[token]
            if token.kind not in ("money", "percent"):
                rest.append(token)
                self._note_words(raw, token, state)
                if state.projects_counted and token.unit in ("个", "项") \
                        and _LIST_OPENS.match(sentence.text, token.end):
                    state.projects_listed = True
                continue
            if token.kind == "money" and _ARRIVED_AFTER.match(sentence.text, token.end):
                # “三级财政资金1740.00万元全部到位”: funds received, said after the amount; not a stage
                self._skip(sentence, token, ctx, "数后写“到位”：是到位资金，不知是哪一项的")
                continue
            if _REASONS.search(raw) and state.last is None and not state.reasons:
                # “增加798.44万元（which row's, unsure），主要原因是年中追加…864.20万元”: the reasons of a
                # change nobody could place are no rows either, up to the clause's end
                state.orphan_reasons = True
            elif re.search(r"[；;。]", raw):
                state.orphan_reasons = False
            if state.orphan_reasons:
                self._skip(sentence, token, ctx, "增减原因中的数，所说明的增减未能确定是哪一项的")
                continue
            self._reasons(raw, state)
            label = parse(raw, token.kind, self.subjects)
            if token.kind == "money" and label.relation is None and norm(label.name) == "资金" \
                    and _EVALUATED_AFTER_COUNT.search(sentence.text[:token.start]):
                label.relation, label.name = "evaluated", ""  # “…开展绩效自评，共涉及项目3个，资金413.74万元”
            self._brackets(raw, state)
            if token.kind == "percent" and (label.relation is None or counted and label.relation == "change_rate"
                                            and (YEAR_CHANGE.fullmatch(raw) or CHANGE_AGAIN.fullmatch(raw))):
                # (“门诊急诊21.36万人次，较上年增长9.4%”: the change of the count before, not of an amount)
                rest.append(token)
                continue
            self._token(sentence, token, label, state, ctx, budget_words)
        self._finish(state)
        return rest

    def _note_words(self, raw: str, token: Token, state: SentenceState) -> None:
        reception = _RECEPTION_KIND.search(norm(raw))
        if reception:
            state.reception = ("外事接待费" if reception.group("kind") in ("外事", "国(境)外", "境外")
                               else "国内公务接待费")
        if "其中" in raw and state.last is not None:
            state.parents.append(state.last)
            state.children = True
        label = parse(raw, "money", self.subjects)
        if token.unit in ("个", "项") and re.search(r"项目$", norm(label.name)):
            state.projects_counted = True  # “纳入绩效自评的项目10个，全年预算数合计…”: the projects' money follows
        if token.unit in ("个", "项") and label.stage and PROJECTISH.search(label.name):
            # “业务工作项目经费年初预算4个，主要为……”: a count of projects, listed with their amounts next.
            name = label.name
            state.last = Ref(Row("projects", ("total",), name), None, stage=label.stage, group=name)

    def _reasons(self, raw: str, state: SentenceState) -> None:
        """“…减少392408.27元,下降16.46%,主要原因分析:1.工资福利支出减少…”: what follows explains the row before."""
        if _REASONS.search(raw) and state.last is not None:
            state.parents.append(state.last)
            state.children = True
            state.reasons = True

    def _brackets(self, raw: str, state: SentenceState) -> None:
        """A bracket closed before this label ends the part-list the bracket opened."""
        # “基本支出1186.54万元（人员经费…，公用经费154.36万元），占30.03％”: after the bracket the
        # sentence speaks again of the row stated before it.
        if re.search(r"[）)]", raw):
            if len(state.parents) > 1:
                state.last = state.parents.pop()
            elif state.bracket is not None:
                state.last = state.bracket
            state.bracket = None
        if re.search(r"[（(][^）)]*$", raw):
            state.bracket = state.last

    year: int | None = None

    def _token(self, sentence: Sentence, token: Token, label: Label, state: SentenceState,
               ctx: Context, budget_words: bool) -> None:
        self.para.item_only = False
        clause = re.split(r"[，,；;。]", label.raw)[-1]
        if self.year and label.relation is None and label.stage in (None, "actual") \
                and re.search(rf"(?<![0-9]){self.year - 1}年", clause):
            label.stage = "prior"  # “2021年“三公”经费支出决算52.40万元” in a report on 2022
        whole = _ALL_OF.search(label.raw)
        if whole and state.last is not None and not label.name:
            # “公务用车购置及运行维护费4.86万元，全部为公务用车运行维护费，比上年减少0.48万元”: what
            # follows is said of the row the amount is all of
            named = self._known(whole.group("name"), state.last.scope, None, ctx)
            if named is not None and named.row.area == state.last.row.area:
                state.last = named
        if state.pair is None and state.last is None and self.para.pair is not None and not label.name \
                and label.relation in ("change", "change_rate"):
            state.pair = self.para.pair
        if label.pair is not None or state.pair is not None and not label.name and \
                label.relation in ("change", "change_rate"):
            self._pair(sentence, token, label, state, ctx)
            return
        if label.ambiguous:
            self._skip(sentence, token, ctx, label.ambiguous)
            state.last = None
            return
        if state.evaluated_staged and not norm(label.name) and (
                label.relation is None and label.stage in _EVALUATED_STAGES or label.relation == "execution_rate"):
            # “…涉及全年预算资金…元，全年执行…元，执行率…%”: the funds evaluated, stage by stage
            key = label.relation or label.stage or ""
            value = token.num + ("%" if token.kind == "percent" else "")
            self.found.add(("performance", "evaluated_execution"), key, self._stmt(sentence, token, ctx, value))
            return
        if state.evaluated and not norm(label.name) and label.relation in (None, "execution_rate") \
                and (label.stage == "actual" or label.relation):
            # “…开展了绩效自评，涉及全年预算资金…元，全年执行…元，执行率…%”: how the funds evaluated
            # were spent, which the year file holds no field for (the projects' own are their lines')
            self._skip(sentence, token, ctx, "自评涉及资金的执行数或执行率，年度文件没有对应的字段")
            return
        if label.relation:
            self._relation(sentence, token, label, state, ctx)
            return
        if label.economic:
            above = state.last or self.para.last
            if above is not None and above.row.area == "expenditure" and not above.row.steps[-1].startswith(
                    ("by_economic=", "items=")):
                state.economic = above
        if label.child:
            parent = state.last or self.para.last
            if parent is not None and not (state.parents and state.parents[-1] is parent):
                state.parents.append(parent)
                state.children = True
        if not norm(label.name) or norm(label.name) in ("支出", "收入"):
            clause = re.split(r"[（(；;。]", sentence.text[:token.start])[-1]
            if re.match(r"\s*(上年|去年|上一年)", clause):
                # “本年未购置公务用车（上年购置采样车1辆，支出18.50万元）”: last year's, of what is not said
                self._skip(sentence, token, ctx, "上年的数，原文未说明是哪一项")
                state.last = None
                return
        ref, why = self._row(label, state, ctx)
        if ref is not None and state.economic is not None:
            ref = _by_economic(ref, state.economic)
        if ref is None:
            if not self._money_stat(sentence, token, label, ctx):
                self._skip(sentence, token, ctx, why)
            state.last = None
            return
        stage, weak, why = self._stage(label, ref, state, ctx, budget_words, sentence.text[token.end:])
        before = sentence.text[:token.start]
        if label.stage and before.count("（") + before.count("(") <= before.count("）") + before.count(")"):
            # (a stage said inside brackets, 公用经费96.18万元（公用经费预算98.00万元）, is the bracket's own:
            # the clauses after it keep the sentence's)
            state.stage = label.stage
        if stage is None:
            state.last = ref
            self._skip(sentence, token, ctx, why)
            return
        ref = replace(ref, stage=stage, weak=weak, value=token.num)
        self._remember(ref, label, state)
        self._hold(state, ref, stage, self._stmt(sentence, token, ctx, token.num), weak)
        if weak and ref.row.area == "income" and ref.row.is_total:
            self.para.income_weak.append(state.pending[-1])

    def _pair(self, sentence: Sentence, token: Token, label: Label, state: SentenceState, ctx: Context) -> None:
        """One figure said of the income and the spending total at once (the 决算 template's
        “收入、支出总计均为5033.52万元。…收、支总计各增加521.16万元，增长11.55%”): both get it.
        A 总计 (the year's income with the carry-over from the year before, and the spending with
        the carry-over to the next) is not the year's 合计: it is kept beside the total (related)."""
        if label.pair is not None:
            scope_word, what = label.pair
            scope = "财政拨款" if scope_word else ctx.scope
            if what == "合计":
                rows = (Row("income", ("total",), "收入合计"), Row("expenditure", ("total",), "支出合计"))
            else:
                rows = (Row("income", ("related=收入总计",), "收入总计"),
                        Row("expenditure", ("related=支出总计",), "支出总计"))
            state.pair = self.para.pair = (Ref(rows[0], scope), Ref(rows[1], scope))
        assert state.pair is not None
        if label.relation is None:
            key = label.stage or ctx.stage or ("actual" if self.kind == "部门决算" else None)
            if key is None:
                self._skip(sentence, token, ctx, "原文未说明是预算数还是决算数")
                return
            value = token.num
        elif label.relation in ("change", "change_rate"):
            key = "change_rate" if token.kind == "percent" else "change"
            value = signed(token.num, label.sign < 0)
            value += "%" if token.kind == "percent" else ""
        else:
            self._skip(sentence, token, ctx, "原文一句同时说收入和支出，这个比率不知是哪一项的")
            return
        for ref in state.pair:
            self._hold(state, replace(ref, stage=key if key in _STAGES else None), key,
                       self._stmt(sentence, token, ctx, value), False)
        state.last = None

    def _money_stat(self, sentence: Sentence, token: Token, label: Label, ctx: Context) -> bool:
        """An amount a work report gives as an achievement (投入2400万, 节约资金1701.51万元) is a work figure."""
        clause = re.split(r"[，,；;：:。]", sentence.text[:token.start])[-1]
        head = re.match(r"[^，,；;：:。、0-9]*", sentence.text[token.end:])
        assert head is not None  # (it matches any text, if only its empty start)
        after = head.group()
        if not (_ACHIEVED.search(clause + after) or ctx.area == "assets") or mentions_budget(clause + after) \
                or re.search(r"追加|追减|调增|调减|调整|结转", clause + after):
            return False  # money added to or moved within a budget is a budget figure, not an achievement
        name = re.sub(r"^(共|累计|其中|并|又|后|实现)+|(为|达|共计|了|以)+$", "", clause).strip()
        name = re.sub(r"^[0-9]{4}年(度)?(以来)?", "", name)
        for subject in self.subjects:
            name = name.replace(subject, "")
        if len(norm(name)) <= 2 or not _ACHIEVED.search(name) and ctx.area != "assets":
            name = f"{name}{after}"
        if re.search(r"项目|经费|支出|预算|工资", name):
            return False
        if len(norm(name)) < 2:
            return False
        stmt = self._stmt(sentence, token, ctx, token.num)
        stmt.kind, stmt.unit = "number", None
        self.found.add(("work_stats+",), "value", stmt)
        self.found.findings[-1].extra = {"name": Stmt(name, "text", "", (0, 0)),
                                         "unit": Stmt(token.unit, "text", "", (0, 0))}
        if ctx.at:
            self.found.findings[-1].extra["at"] = Stmt(ctx.at, "text", "", (0, 0))
        return True

    def _remember(self, ref: Ref, label: Label, state: SentenceState) -> None:
        state.last = ref
        self.para.pair = None
        if state.children and self.list_parent is not None and self.para_rank is not None \
                and self.para.item is None and not self.para.heads and state.parents == [self.list_parent]:
            self.para.item = ref
        if state.children or label.child:
            return
        if self.para.head is None:
            self.para.head = ref
        self.para.heads += 1
        self.para.last = ref
        if ref.row.area == "income" and ref.row.is_total:
            self.para.income_total = True
            self.para.income_scope = ref.scope
        if ref.row.is_total:
            self.para.totals.add(ref.row.area)
        if self.para.topic is not None and self.para.stage is None and ref.stage:
            self.para.stage = ref.stage

    # --- stages ---------------------------------------------------------------------------------

    def _stage(self, label: Label, ref: Ref, state: SentenceState, ctx: Context,
               budget_words: bool, after: str = "") -> tuple[str | None, bool, str]:
        """The stage and whether it is only provisional; or None and why not. `after` is the text
        after the amount."""
        if label.stage:
            return label.stage, False, ""
        parent = state.parents[-1] if state.children and state.parents else None
        if parent is not None and parent.stage and ref is not parent:
            return parent.stage, parent.weak, ""
        if state.stage:
            return state.stage, False, ""
        if ref is state.last and ref.stage:
            return ref.stage, ref.weak, ""
        if self.para.stage:
            return self.para.stage, False, ""
        if ctx.stage:
            return ctx.stage, False, ""
        if self.kind == "部门决算":
            return "actual", False, ""
        if self.para.income_total and ref.row.area == "expenditure" and ref.row.is_total and not budget_words:
            # “收入总计848.4万元，支出728.4万元”: the year's income and spending, as they came out.
            for pending in self.para.income_weak:
                pending.weak = False
            return "actual", False, ""
        if ref.row.area in ("income", "expenditure", "projects", "sangong") and not budget_words:
            return "actual", True, ""
        if ref.row.area == "assets":
            return "actual", False, ""  # assets are what is held at the year's end, never a budget
        if ref.row.area in ("expenditure", "projects") and _SHARE_OF_SPENDING.match(after):
            # “基本支出652.18万元，占全年支出的50.54%”: a share of the year's spending is of what was spent
            return "actual", True, ""
        return None, False, "原文未说明是预算数还是决算数"

    # --- relations ------------------------------------------------------------------------------

    def _relation(self, sentence: Sentence, token: Token, label: Label, state: SentenceState, ctx: Context) -> None:
        if label.relation == "evaluated" and re.search(r"重点(绩效)?评价", sentence.text[:token.start]):
            self._skip(sentence, token, ctx, "重点评价的项目涉及的资金，不是自评涉及资金总额")
            return
        clause = re.split(r"[；;。]", sentence.text[:token.start])[-1]
        if label.relation == "adjustment" and re.search(r"追加|调增", sentence.text) \
                and re.search(r"调减|核减|收回|追减", sentence.text):
            # “年中追加1360.00万元、调减268.20万元”: additions and cuts each stated, the change only their net
            self._skip(sentence, token, ctx, "原文分列年中追加和调减，年中调整数是二者相抵的净额，请核对后手工录入")
            return
        if label.relation == "evaluated" and re.search(r"政府性基金|国有资本经营|财政专户|单位资金|其他资金", clause):
            # “…对政府性基金安排的2个项目开展绩效自评，涉及资金5144.40万元”: the funds of another scope
            self._skip(sentence, token, ctx, "另一资金口径的自评涉及资金（模型只记一般公共预算的）")
            return
        if label.relation == "evaluated":
            # “开展绩效自评，共涉及资金818.40万元，占……的100%”: the funds the self-evaluation covers;
            # said at a stage (涉及全年预算资金…元，全年执行…元), the funds at their stages.
            stage = _evaluated_stage(clause)
            stmt = self._stmt(sentence, token, ctx, token.num)
            if stage is None:
                self.found.add(("performance",), "evaluated_funds", stmt)
            else:
                self.found.add(("performance", "evaluated_execution"), stage, stmt)
            state.last = None
            state.evaluated = True
            state.evaluated_staged = stage is not None
            return
        if label.relation == "share" and state.evaluated and not label.name and label.share_of \
                and "项目" not in label.share_of:
            # “…资金413.74万元，占一般公共预算财政拨款支出总额的81.14%”: a share of all the spending, which
            # the self-evaluation's share (of 项目支出) is not
            self._skip(sentence, token, ctx, f"自评涉及资金占{label.share_of}的比例，不是占项目支出的比例")
            state.evaluated = False
            return
        if label.relation == "share" and state.evaluated and not label.name:
            self.found.add(("performance",), "evaluated_funds_share", self._stmt(sentence, token, ctx, token.num + "%"))
            return
        subject, why = self._subject(label, state, ctx)
        if subject is None:
            if label.relation != "variance" or not self._money_stat(sentence, token, label, ctx):
                self._skip(sentence, token, ctx, why)
            state.last = None
            return
        if label.name and not state.children:
            self.para.head = self.para.head or subject
            self.para.last = subject
        key = {"share": "share", "change": "change", "change_rate": "change_rate", "arrived": "arrived",
               "execution_rate": "execution_rate", "arrival_rate": "arrival_rate",
               "variance": "variance", "variance_rate": "variance_rate",
               "adjustment": "adjustment"}[label.relation or ""]
        if key in ("arrival_rate", "arrived") and (subject.row.area != "projects" or subject.row.is_total):
            self._skip(sentence, token, ctx, "资金到位数只记在项目上")
            return
        value = signed(token.num, label.sign < 0)
        if token.kind == "percent":
            value += "%"
        stmt = self._stmt(sentence, token, ctx, value)
        self._hold(state, subject, key, stmt, subject.weak and key == "execution_rate")
        if key == "share" and label.share_of:
            share_of = Stmt(label.share_of, "text", "", (0, 0))
            state.pending.append(Pending(subject, "share_of", share_of, False))
        state.last = subject

    def _subject(self, label: Label, state: SentenceState, ctx: Context) -> tuple[Ref | None, str]:
        if label.relation in ("change", "change_rate") and _COMPARED.fullmatch(norm(label.name)):
            label.name = ""  # “较2021年决算增加68.05万元”: a change of what was just stated, not of a row “较”
        if label.name and label.relation == "change" and state.children and state.parents:
            return self._reason(label, state.parents[-1], ctx)
        if label.name:
            ref, why = self._row(label, state, ctx)
            return ref, why
        if label.relation in ("share", "execution_rate", "variance_rate", "change_rate", "arrival_rate", "arrived"):
            if state.last is not None and state.source_part and label.relation in ("arrival_rate", "execution_rate") \
                    and state.last.row.area == "projects" and state.last.row.steps[-1].startswith("by_source="):
                # “实际到位资金372.00万元，其中县级配套资金到位22.00万元，资金到位率97.89%”: the project's or
                # the source's, the words do not say
                return None, "比率紧跟在“其中”的一项资金来源之后，不能确定是该来源的还是项目资金的"
            if state.last is not None:
                return state.last, ""
            return None, "不知是哪一项的比率"
        if state.last is not None:
            if state.children and state.parents and state.parents[0].row.steps[0] in (
                    "related=收入总计", "related=支出总计") and state.last.row.is_total:
                return state.last, ""  # “总收入…，其中本年收入…，较上年增加…”: the year's, as a 总计 is not compared
            if state.children and state.last is not (state.parents[0] if state.parents else None):
                head = state.parents[0] if state.parents else None
                key = "change_rate" if label.relation == "change_rate" else "change"
                if head is not None and any(item.ref.row == head.row and item.key == key
                                            for item in (*self.para.pending, *state.pending)):
                    # “收入…，同比上年度增加34.31万元…。其中：财政拨款收入…，同比上年度增加33.71万元”:
                    # the total's change was stated already, so this one is the part's
                    return state.last, ""
                return None, "增减数紧跟在“其中”的一项之后，不能确定是该项还是合计的增减"
            return state.last, ""
        if self.para.heads == 1 and self.para.head is not None:
            return self.para.head, ""
        if self.para.heads == 0 and self.para.item is not None and label.relation == "change":
            return self.para.item, ""
        if self.para.topic is not None and label.relation in ("variance", "execution_rate", "adjustment"):
            return self.para.topic, ""  # “没有花完的68.57万元…”: of the paragraph's row
        if self.para.heads == 0 and self.title_row is not None:
            return self.title_row, ""
        return None, "原文未说明是哪一项的增减"

    # --- output -----------------------------------------------------------------------------------

    def _hold(self, state: SentenceState, ref: Ref, key: str, stmt: Stmt, weak: bool) -> None:
        if ref.note:
            stmt.note = ref.note
        state.pending.append(Pending(ref, key, stmt, weak))

    def _finish(self, state: SentenceState) -> None:
        """Settle the sentence's statements: a row whose parts were listed as projects heads a project group."""
        group = state.listed
        for item in state.pending:
            ref = item.ref
            if group is not None and ref is group and item.key not in ("share_of",):
                stage = self._head_stage(ref)
                if stage is None:
                    self._skip_stmt(item, "项目清单的合计未说明阶段")
                    continue
                name = group.group or group.row.name
                target = Ref(Row("projects", ("total",), name), None, group=name)
                key = stage if item.key in _STAGES else item.key
                self.para.pending.append(Pending(target, key, item.stmt, False))
                continue
            if ref.group is not None and group is not None and item.key in _STAGES:
                stage = self._head_stage(group)
                if stage is None and state.head_named:
                    # (项目支出包括A…万元: the list's head named without an amount, each part at its own stage)
                    self.para.pending.append(item)
                    continue
                if stage is None:
                    self._skip_stmt(item, "项目清单未说明阶段")
                    continue
                self.para.pending.append(Pending(ref, stage, item.stmt, False))
                continue
            self.para.pending.append(item)

    def flush(self) -> None:
        """Hand the paragraph's statements on; remember what each row was stated at, for list heads restating it."""
        for item in self.para.pending:
            ref = item.ref
            extra = {}
            if ref.row.is_total and ref.row.area in AREA_OF_STEP or ref.row.steps == ("budget_execution",):
                extra["name"] = Stmt(ref.row.name, "text", "", (0, 0))
            key, _, ident = ref.row.steps[-1].partition("=")
            klass = ident.removesuffix("(类)").removesuffix("支出")
            if key == "by_function" and klass in FUNCTION_CODES:
                extra["code"] = Stmt(FUNCTION_CODES[klass], "text", "", (0, 0))
            self.found.add(ref.steps, item.key, item.stmt, item.weak)
            self.found.findings[-1].extra = extra
            if item.key in _STAGES and not item.weak:
                self.stated[(norm(ref.row.name), item.stmt.value)] = item.key
        self.para.pending = []

    def _head_stage(self, group: Ref) -> str | None:
        """A listed row's stage: as stated, or — when it restates a row already stated — that statement's stage."""
        if group.stage and not group.weak:
            return group.stage
        if group.value is not None:
            return self.stated.get((norm(group.row.name), group.value))
        return None

    def _stmt(self, sentence: Sentence, token: Token, ctx: Context, value: str) -> Stmt:
        unit = token.unit if token.kind == "money" else None
        return Stmt(value, "money" if token.kind == "money" else "percent",
                    clip(sentence.text, token.start, token.end),
                    (sentence.start + token.start, sentence.start + token.end),
                    at=ctx.at, unit=unit)

    def _skip(self, sentence: Sentence, token: Token, ctx: Context, why: str) -> None:
        text = sentence.text[token.start:token.end]
        self.found.skip(text, (sentence.start + token.start, sentence.start + token.end),
                        clip(sentence.text, token.start, token.end), ctx.at, why)

    def _skip_stmt(self, item: Pending, why: str) -> None:
        stmt = item.stmt
        self.found.skip(stmt.value + (stmt.unit or ""), stmt.span, stmt.quote, stmt.at or "", why)
