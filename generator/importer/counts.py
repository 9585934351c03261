"""Counts in sentences: staffing, organisation, scores, and the work figures reports list.

Staffing sentences (“人员核定编制18人，其中：事业编制18人，年初实有在职人员18人”) map
onto the staffing fields by their words; a part listed with 其中 or 含 goes under the
count before it. Other counts and rates become work figures (work_stats) named by the
words before them, or after them when the number comes first (“12个乡镇便民服务实体办事
大厅”); a count with no name is left unplaced.
"""

from __future__ import annotations

import re

from .context import Context, is_performance
from .draft import Stmt
from .found import Finding, Found
from .labels import parse
from .lexicon import SCOPES
from .staffing import PEOPLE, STAFF_SENTENCE, VEHICLE, Staffing, StaffState
from .structure import TOC_FIELD
from .text import CHANGE_AGAIN, COUNT, DOWN_WORDS, YEAR_CHANGE, Sentence, Token, clip, last_clause, norm, signed, tokens

#: A date line whose date was written without its separators (公开日期：2024919).
_RUN_DATE = re.compile(r"^\s*(?:公开|发布|印发|成文|填报|报送)日期[：:]\s*20[0-9]{2}[01]?[0-9][0-3]?[0-9]\s*$")
_GOAL_TITLE = re.compile(r"目标.{0,2}(设置|设定|设立)|年度目标|绩效目标[。.：:]?$")
_TARGET = re.compile(r"(做到|保证|确保|力争|争取|目标为?)")
_YEAR = re.compile(r"[0-9]{4}年(度|末|初)?|本年(度)?|当年|全年|今年(来)?|截[止至][0-9]+月[0-9]+日")
#: A score the work earned in an assessment by others (城区环境卫生综合测评得分): a result of the work.
_ASSESSED = re.compile(r"(测评|考核|考评|评比|检查|验收|抽查|暗访|评估|评议)(综合)?(总)?得分")
#: A project's name just before its score (其中基本公共卫生服务项目自评得分).
_NAMED_PROJECT_SCORE = re.compile(r"^\s*(?:其中|包括|另外|以及|和|及)?[:：]?\s*(?P<name>[^，,；;。：:\s]{2,40}?项目)"
                                  r"(?:的)?(?:绩效)?(?:自评|评价)?(?:总)?得分(?:为|是)?\s*$")
#: A score said with no subject of its own (…，自评得分95.6分).
_BARE_SCORE = re.compile(r"\s*(?:绩效)?(?:自评|评价)(?:总)?得分(?:为|是)?\s*")
#: A clause opening with a project as its subject (促消费专项资金项目全年发放消费券4轮).
_PROJECT_SUBJECT = re.compile(r"^\s*(?:其中)?\s*(?P<name>[^，,；;。：:\s]{2,40}?项目)(?![0-9个])")
#: Words of a clause whose subject is the department acting on a project (我局对…项目开展了绩效自评).
_AGENT = re.compile(r"^(?:我|本|该)|对(?!口|外)|开展|组织")
#: Words that make it no one project: 3个项目, 各项目, 本项目, 整体.
_NOT_A_PROJECT_NAME = re.compile(r"[0-9０-９]|^(?:本|该|此|各|每个|所有|全部|重点|其他|其余|上述|以上)"
                                 r"|个项目$|整体|部门|单位")
#: (a grade of one character, 优 / 良 / 中, only in quotes: 等级为“优”; not a count of the projects
#: graded so: 评价等级为“优”的3个)
_GRADE = re.compile(r"(?:绩效|等级|评价)(?:评价)?(?:等级)?为[“\"]?"
                    r"(?P<g>优秀|良好|合格|中等|较差|差|(?<=[“\"])[优良中](?=[”\"]))(?![”\"]?的)[”\"]?")


class CountReader(Staffing):
    #: The report's year (the pipeline sets it): a score said of another year is not this year's.
    year: int | None = None

    def __init__(self, found: Found, subjects: tuple[str, ...]) -> None:
        self.found = found
        self.subjects = subjects
        self.goal_text = False  # the paragraph read is drafted whole as a goal (pipeline._goal)
        #: Where the count of places a sentence lists ends (its noun included: 3个镇), for the count after it.
        self.places_end: int | None = None

    def sentence(self, sentence: Sentence, toks: list[Token], mine: list[Token], ctx: Context,
                 project: str | None) -> None:
        """Place the tokens in `mine` (those the amount reader left); `toks` are all of the sentence's numbers."""
        staffing = ctx.area == "staffing" or STAFF_SENTENCE.search(sentence.text) is not None and ctx.area != "sangong"
        state = StaffState()
        previous_end = 0
        self.consumed = 0
        self.places_end = None
        self.previous_name = ""
        self.previous_unit: str | None = None
        #: The work figures drafted in the sentence's current run of figures (事故7起、死亡4人), the
        #: run's last number, and whether that was a change of the last figure (…减少73.6万千瓦时，下降3.8%).
        self.run: list[tuple[Finding, Token]] = []
        self.run_end: Token | None = None
        self.changed = False
        #: The figures a change said 分别 of (同比分别下降12.5%和20%) still waiting for theirs.
        each: list[Finding] = []
        each_down = False
        goals = is_goal_section(ctx)
        before: Token | None = None
        for n, token in enumerate(toks):
            raw = sentence.text[max(previous_end, self.consumed):token.start]
            previous_end = token.end
            run = self.run if self.run and self.run_end is before else []
            self.run, changed, self.changed = run, self.changed and bool(run), False
            before = token
            if token not in mine:
                self.previous_name = ""
                each = []
                continue
            if each and re.fullmatch(r"\s*(?:和|、|及|与)\s*", raw) and \
                    self._change(sentence, token, each[0], each_down, ctx):
                each.pop(0)
                continue
            each = []
            change = YEAR_CHANGE.fullmatch(raw) or (CHANGE_AGAIN.fullmatch(raw) if changed else None)
            if change and run:
                down = change.group("word") in DOWN_WORDS
                if change.groupdict().get("each"):
                    # “事故7起、死亡4人，同比分别下降12.5%和20%”: one change each, in their order, as
                    # many changes as the figures listed
                    listed = _listed(sentence.text, run)
                    if len(listed) == 1 + _joined(sentence.text, toks[n:]) and \
                            self._change(sentence, token, listed[0], down, ctx):
                        each, each_down = listed[1:], down
                        continue
                elif self._change(sentence, token, run[-1][0], down, ctx):
                    self.run, self.run_end, self.changed = run, token, True
                    continue
            if token.kind == "bare" and re.search(r"(附件|附表)$", sentence.text[:token.start]):
                self._skip(sentence, token, ctx, "附件、附表的编号（多半不是数据）")
                continue
            field = TOC_FIELD.search(sentence.text)
            if field and token.start >= field.start():
                self._skip(sentence, token, ctx, "目录中的域代码（书签编号、页码），不是数据")
                continue
            if token.kind == "bare" and _RUN_DATE.match(sentence.text):
                self._skip(sentence, token, ctx, "日期（年月日连写），不是数据")
                continue
            if sentence.text[token.start - 1:token.start] == "第":
                self._skip(sentence, token, ctx, "序数（第N），不是数量")
                continue
            if token.unit == "分" and self._score(sentence, token, raw, ctx, project):
                continue
            if staffing and (token.unit in PEOPLE + VEHICLE or token.kind == "bare") and \
                    self._staff(sentence, token, raw, ctx, state):
                continue
            if token.unit == "个" and self._organization(sentence, token, raw, ctx):
                continue
            if goals and self.goal_text:
                continue  # (the paragraph is drafted whole as a goal: the number stands in its words)
            if goals:
                self._skip(sentence, token, ctx, "绩效目标中的目标值，不是完成数")
            elif token.kind in ("count", "percent") or token.kind == "bare" and _ends_sentence(sentence.text, token):
                self._stat(sentence, token, raw, ctx)
            else:
                self._skip(sentence, token, ctx, "没有单位的数字")
        grade = _GRADE.search(sentence.text)
        if grade and ctx.at is not None:
            start = sentence.start + grade.start("g")
            key_steps = ("project_performance=" + project,) if project else ("performance",)
            self.found.add(key_steps, "grade", Stmt(grade.group("g"), "text", clip(sentence.text, grade.start("g"),
                                                                                     grade.end("g")),
                                                     (start, start + len(grade.group("g"))), at=ctx.at))

    # --- scores --------------------------------------------------------------------------------

    def _score(self, sentence: Sentence, token: Token, raw: str, ctx: Context, project: str | None) -> bool:
        label = parse(raw, "count", self.subjects)
        if label.relation != "score" and re.search(r"[：:]\s*$", raw):
            label = parse(re.sub(r"[：:]\s*$", "", raw), "count", self.subjects)  # “自评总分：97.24分”
        if label.relation != "score":
            return False
        clause = re.split(r"[，,；;。（(]", raw)[-1]
        years = [int(y) for y in re.findall(r"([0-9]{4})年", clause)]
        if self.year and any(y != self.year for y in years) or re.search(r"上年|去年", clause):
            self._skip(sentence, token, ctx, "别的年度的得分，不是本年的")
            return True
        if _ASSESSED.search(clause) and not re.search(r"自评|绩效评价", clause):
            return False  # “城区环境卫生综合测评得分92.4分”: a result of the work, not the self-evaluation's
        if re.search(r"(预算执行率?|产出|效益|效果|满意度|成本|决策|过程|投入|管理|共性|特性|个性)(指标)?得分"
                     r"|(该|此|本|各)(项|一级)?(指标)得分|(该|此|本|各)项得分", clause):
            # “预算执行率得分9.2分”: a 一级 indicator's score, not the self-evaluation's
            self._skip(sentence, token, ctx, "一级指标的得分，不是自评总分")
            return True
        if project and re.search(r"部门整体|单位整体|整体支出", clause):
            project = None  # “我局2023年度部门整体支出绩效自评得分95.2分” in a project's report: the department's
        elif not project:
            # “其中基本公共卫生服务项目自评得分95.6分”: a project named just before its score is that
            # project's, not the department's
            named = _NAMED_PROJECT_SCORE.search(re.split(r"[，,；;。：:]", raw)[-1])
            if named is None and _BARE_SCORE.fullmatch(re.split(r"[，,；;。：:]", raw)[-1]):
                # “促消费专项资金项目全年发放消费券4轮，…，自评得分95.6分；”: the score said bare in the
                # clauses whose subject is a project named at the head of one of them is that project's
                segment = re.split(r"[；;。]", sentence.text[:token.start])[-1]
                if not re.search(r"部门整体|单位整体|整体支出", segment):
                    heads = [m for c in re.split(r"[，,：:]", segment) if (m := _PROJECT_SUBJECT.match(c))
                             and not _AGENT.search(m.group("name"))]
                    named = heads[-1] if heads else None
            if named and not _NOT_A_PROJECT_NAME.search(named.group("name")):
                project = named.group("name")
        steps = ("project_performance=" + project,) if project else ("performance",)
        self.found.add(steps, "score", self._stmt(sentence, token, ctx, token.num, "score"))
        return True

    # --- organisation -----------------------------------------------------------------------------

    def _organization(self, sentence: Sentence, token: Token, raw: str, ctx: Context) -> bool:
        clause = norm(_stat_name(last_clause(raw), self.subjects))
        clause = re.sub(r"^(我|本)(部门|局|单位|中心)", "", clause)
        after = norm(_words_after(sentence.text, token.end))
        stmt = self._stmt(sentence, token, ctx, token.num, "count")
        if re.fullmatch(r"内设(股室|机构|科室)?", clause) or (clause.endswith("设") and after.startswith("内设机构")):
            self.found.add(("organization",), "internal_units_count", stmt)
            return True
        if re.fullmatch(r"所属(事业)?单位", clause):
            self.found.add(("organization",), "subordinate_units_count", stmt)
            return True
        return False

    # --- work figures -----------------------------------------------------------------------------

    def _stat(self, sentence: Sentence, token: Token, raw: str, ctx: Context) -> None:
        part = re.split(r"[，,；;。：:]", sentence.text[:token.start])[-1]
        if _FORMULA.search(part):
            # a rate worked out in the text (在职人员控制率=实有在职人数/编制数×100%=30/32×100%=93.75%):
            # its ×100% no figure, its operands left to the reviewer, its result the rate it names
            if re.search(r"[×xX*]\s*$", part):
                self._skip(sentence, token, ctx, "公式中的常数")
                return
            if not part.rstrip().endswith(("=", "＝")):
                self._skip(sentence, token, ctx, "公式中的运算数，原文未单独说明是哪一项")
                return
            named = re.split(r"[=＝]", part)[0].strip()
            if token.kind == "percent" and named == "预算执行率" and is_performance(ctx):
                # the self-evaluation's own 预算执行率, worked out: its 预算执行's rate
                value = self._stmt(sentence, token, ctx, token.num + "%", "percent")
                self.found.add(("performance", "budget_execution"), "execution_rate", value)
                return
            if token.kind == "percent" and 2 <= len(named) <= 20 and not re.search(r"[0-9/×]", named):
                self.previous_name, self.previous_unit = named, token.unit
                value = self._stmt(sentence, token, ctx, token.num, "number")
                self.found.add(("work_stats+",), "value", value)
                self.found.findings[-1].extra = stat_fields(named, "%", token.qualifier, ctx.at)
                return
            self._skip(sentence, token, ctx, "公式的结果，原文未说明是哪一项")
            return
        clause = last_clause(raw)
        listed = _LISTED.search(clause)
        places = token.kind == "count" and (
            listed is not None and token.num.isdigit() and listed.group("names").count("、") + 1 == int(token.num)
            and len(_stat_name(_words_after(sentence.text, token.end), self.subjects)) < 2
            or self.places_end is not None and sentence.start + token.start == self.places_end)
        if places:
            # “在石桥、龙凤、永兴3个镇9个村实施…”: the count of the places the sentence lists, named by
            # one character (镇, 村), and the count of those within them right after it: where the work is
            # done, no count named (决策、过程、产出、效益4个一级指标 is named by the words after it)
            noun = re.match(r"[\u4e00-\u9fff]?", sentence.text[token.end:])
            self.consumed = token.end + (len(noun.group()) if noun else 0)  # (its noun: 镇)
            self.places_end = sentence.start + self.consumed
            self._skip(sentence, token, ctx, "所列地点或单位的个数，原文未说明是什么数")
            return
        self.places_end = None
        qualifier = token.qualifier
        if re.search(r"近$", clause):
            qualifier = "近"
        if (m := re.search(r"(超过|不少于|不低于|至少)$", clause)) is not None:
            qualifier = m.group()
        name = _stat_name(clause, self.subjects)
        if ctx.area == "sangong" and token.unit in ("批次", "人次", "批", "次") \
                and re.fullmatch(r"[，,\s]*(?:共|共计|全年|累计)?接待", clause):
            # “公务接待费0.42万元，…，共接待6批次38人次”: the receptions the 三公 part's 公务接待 paid for
            name = "公务接待"
        if not name and re.fullmatch(r"\s*(共|合计|总共|共计)\s*", clause) and self.previous_name:
            name = self.previous_name  # “事项4类共316项”: the same things, counted otherwise
        if token.kind == "count":
            # “12个乡镇便民服务实体办事大厅”: what is counted may follow the number.
            words = _words_after(sentence.text, token.end)
            after = _stat_name(words, self.subjects)
            if name in _VAGUE and after.startswith("的"):
                after = after[1:]  # “经过3个多月的建设”
            if len(after) >= 2 and not re.match(r"^(的|以上|左右|之|多|余)", after):
                name = f"{name}{after}" if name else after
                if words and sentence.text.startswith(words, token.end):
                    self.consumed = token.end + len(words)
        if not name and self.previous_name and token.kind == "count" and not clause.strip(" ，,、") \
                and not _words_after(sentence.text, token.end) and token.unit != self.previous_unit:
            name = self.previous_name  # “国内公务接待6批次，15人次”: the same things, counted otherwise
        if re.fullmatch(r"(为|达|达到|完成)?(计划|目标|年度目标|预期目标|计划任务)(任务)?的", name) \
                and self.previous_name:
            name = f"{self.previous_name}完成率"  # “…50.2公里，为计划的103.29%”: of the count before
        if re.search(r"由上年(的)?$|比上年(的)?$|上年为$", clause):
            # “普及率由上年的89.4%提高到92.3%”: last year's; what follows is this year's of the same
            named = _stat_name(re.sub(r"(由|比)?上年(的|为)?$", "", clause), self.subjects)
            # (“清运垃圾9420吨，比上年的8640吨”: of the count just before, in the same unit)
            before = self.previous_name if not named and token.unit == self.previous_unit else ""
            self.previous_name = named or before
            if self.year and self.previous_name and not _bad_stat(self.previous_name, token):
                # kept as last year's figure of the same thing (the stat's `year`)
                value = self._stmt(sentence, token, ctx, token.num, "number")
                extra = stat_fields(self.previous_name, "%" if token.kind == "percent" else token.unit,
                                    token.qualifier, ctx.at)
                extra["year"] = Stmt(str(self.year - 1), "number", "", (0, 0))
                self.found.add(("work_stats+",), "value", value)
                self.found.findings[-1].extra = extra
                return
            self._skip(sentence, token, ctx, "上年的数，不是本年的")
            return
        if re.fullmatch(r"(提高|增加|下降|降低|提升|减少|上升|梳理)?(至|到)", name) and self.previous_name:
            name = self.previous_name  # “覆盖率从13.13%提高至100%”: the same rate, after
        if 2 <= len(name) <= 3 and self.previous_name and len(self.previous_name) > len(name) \
                and raw.lstrip().startswith("、"):
            # “自评等级为优的10个、良的2个”: a list of like things, named once in full
            name = self.previous_name[:len(self.previous_name) - len(name)] + name
        if name in _DONE_VERBS and self.previous_name and token.unit == self.previous_unit \
                and raw.lstrip().startswith(("，", ",")):
            # “排查矛盾纠纷2,318件，化解2,262件”: what was done to the things just counted
            thing = _FOUND_VERB.sub("", re.sub(r"^(全年|年内|累计|共计|共)", "", self.previous_name))
            if len(thing) >= 2 and name not in thing and not re.search(r"[率数额量]$", thing):
                name = name + thing
        # “三季度末累计支出418.75万元，支出进度72.85%，比序时进度低2.15个百分点”: of the period the
        # part of the sentence opens with
        part = re.split(r"[；;。]", sentence.text[:token.start])[-1].lstrip(" ，,")
        part = re.sub(r"^[^，,]{0,12}看[，,]", "", part)  # (从支出进度看，一季度末…)
        if name and (period := _PERIOD.match(part)) is not None and not name.startswith(period.group()):
            name = period.group() + name
        if re.fullmatch(r"涉及(的)?项目", name) and re.search(r"绩效自评|开展自评", sentence.text[:token.start]):
            name = "绩效自评涉及项目"  # “开展绩效自评，共涉及项目3个”: the projects self-evaluated
        planned = _TARGET.search(clause) is not None or _planned(sentence.text, token)
        why = _bad_stat(name, token) or ("这是目标值，不是完成数" if planned else None)
        if why:
            self._skip(sentence, token, ctx, why)
            return
        self.previous_name, self.previous_unit = name, token.unit
        value = self._stmt(sentence, token, ctx, token.num, "number")
        # (text before the first heading has no place to name)
        extra = stat_fields(name, "%" if token.kind == "percent" else token.unit, qualifier, ctx.at)
        # a count told of the assets held (车辆10辆, 办公用房1200平方米) is the assets block's, so the
        # page shows it with them and the checks count the assets as disclosed
        self.found.add(("assets", "stats+") if ctx.area == "assets" else ("work_stats+",), "value", value)
        self.found.findings[-1].extra = extra
        self.run, self.run_end = [*self.run, (self.found.findings[-1], token)], token

    def _change(self, sentence: Sentence, token: Token, stat: Finding, down: bool, ctx: Context) -> bool:
        """A change on last year said right after a work figure, put beside it: a percent as its
        change_rate, an amount in its own unit (百分点 of a rate) as its change; signed, down negative."""
        unit = stat.extra["unit"].value if "unit" in stat.extra else None
        if token.kind == "percent":
            key, kind = "change_rate", "percent"
        elif token.kind == "count" and (token.unit in ("个百分点", "百分点") if unit == "%" else token.unit == unit):
            key, kind = "change", "number"
        else:
            return False
        if key in stat.extra or token.qualifier:
            return False
        value = signed(token.num, down)
        stmt = self._stmt(sentence, token, ctx, value + ("%" if kind == "percent" else ""), kind)
        stat.extra[key] = stmt
        return True

    def _stmt(self, sentence: Sentence, token: Token, ctx: Context, value: str, kind: str) -> Stmt:
        return Stmt(value, kind, clip(sentence.text, token.start, token.end),
                    (sentence.start + token.start, sentence.start + token.end), at=ctx.at)

    def _skip(self, sentence: Sentence, token: Token, ctx: Context, why: str) -> None:
        span = (sentence.start + token.start, sentence.start + token.end)
        self.found.skip(sentence.text[token.start:token.end], span,
                        clip(sentence.text, token.start, token.end), ctx.at, why)


def _listed(text: str, run: list[tuple[Finding, Token]]) -> list[Finding]:
    """The work figures a 分别 speaks of: those of the run listed one after another, with only a
    、 (or 和, 及) and each one's name between them (事故7起、死亡4人)."""
    out = [run[-1][0]]
    for (finding, token), (_, after) in zip(reversed(run[:-1]), reversed(run[1:])):
        if re.search(r"[，,；;。：:]", text[token.end:after.start]) or \
                not re.match(r"\s*[、和及]", text[token.end:after.start]):
            break
        out.insert(0, finding)
    return out


def _joined(text: str, toks: list[Token]) -> int:
    """How many numbers follow the first of `toks`, each joined to the one before by 和, 、, 及 or 与."""
    count = 0
    for first, second in zip(toks, toks[1:]):
        if not re.fullmatch(r"\s*(?:和|、|及|与)\s*", text[first.end:second.start]):
            break
        count += 1
    return count


def is_goal_section(ctx: Context) -> bool:
    """A section that sets out the year's goals (绩效目标, 年度目标, 目标设定): its numbers are targets."""
    return any(_GOAL_TITLE.search(t) for t in ctx.titles[:1])


def _planned(text: str, token: Token) -> bool:
    """A count the sentence gives as the plan or the goal: after 计划 / 预期 / 目标 with nothing done
    said between (“2023年计划运营助餐点40个，其中社区长者食堂12个”), or followed by 的目标
    (“略低于90%的目标”); not a rate of the plan (完成计划的103%)."""
    if re.match(r"\s*(的)?(目标|预期|计划)(值|数)?(?![完实])", text[token.end:]):
        return True
    before = re.split(r"[；;。]", text[:token.start])[-1]
    plans = list(re.finditer(r"计划|预期|目标", before))
    if not plans or re.match(r"的|数|完成|任务", before[plans[-1].end():]):
        return False
    after = before[plans[-1].end():]
    if re.search(r"[，,]", after) and not re.search(r"[，,]\s*其中[：:]?[^，,]*$", after):
        return False  # (the plan in a clause before, the count in one of its own that is no part of it)
    lead = before[max(0, plans[-1].start() - 8):plans[-1].start()]
    return not re.search(r"实际|完成|达到|实现|共|累计|已|超", after) \
        and not re.search(r"完成|实现|达到|超过|对照|围绕|按照", lead)


def _words_after(text: str, end: int) -> str:
    """The words after a number up to the next break or number, with a bracket right after them (“村（社区）”);
    a count right after the number is passed over (“8省15市签订了合作协议”: what both counts are of)."""
    rest = text[end:]
    skip = re.match(r"[0-9]+(?:\.[0-9]+)?(?:" + COUNT + r")", rest)
    if skip:
        rest = rest[skip.end():]
    if re.match(r"(和|及|与|或)", rest):
        return ""  # “134项和审批直报11项”: the words after belong to the next count
    match = re.match(r"[^，,；;：:。、（(）)0-9]+(?:[（(][^（）()0-9]*[）)])?", rest)
    return match.group() if match else ""


def glued(text: str, token: Token) -> bool:
    """A bare number written into a word (“12345热线”, “5G”, “24小时”): part of a name, not a figure."""
    after = text[token.end:token.end + 1]
    before = text[token.start - 1:token.start] if token.start else ""
    return bool(re.match(r"[\u3400-\u9fffA-Za-z“”\"]", after)) or before in ("“", '"')


def _ends_sentence(text: str, token: Token) -> bool:
    return re.match(r"\s*([。；;！!]|$)", text[token.end:]) is not None and \
        re.search(r"(量|数|率|值|额)$", text[:token.start]) is not None


_VAGUE = {"经过", "包含", "包含有", "完成", "实现", "达到", "共有", "有", "累计", "新增", "增加", "减少", "全年",
          "截至目前", "目前", "其中", "合计", "共", "总共",
          # a word that says only that a value was reached, not of what (“实际99.6%”, “受众1.2万人次”)
          "实际", "实际为", "实际完成", "受众", "接待", "办结"}


#: A rate worked out in words: a name, =, and a quotient or product (A/B×100%, (本年−上年)/上年×100%).
_FORMULA = re.compile(r"[=＝][^=＝]*[/÷×]|[/÷][^=＝]*[×][0-9]")

#: Verbs of what was done to things counted just before (排查矛盾纠纷…，化解…).
_DONE_VERBS = {"化解", "调解", "办结", "处理", "解决", "整改", "查处", "处置", "核查", "答复", "回复", "审结", "执结",
               "销号", "修复", "结案", "受理", "验收"}


#: Verbs of finding or taking in the things then dealt with (排查矛盾纠纷, 受理投诉).
_FOUND_VERB = re.compile(r"^(排查|摸排|受理|收到|接收|接到|承办|走访|检查|抽检|登记|调处|发现|立案|收集|征集|梳理|办理"
                         r"|交办|上报|核实|开展|组织)")


#: A count named by a grade alone (其中“优”5个、良1个, “良”的1个: the projects evaluated, by their grade).
_GRADED = re.compile(r"^[“\"‘']?(优秀|良好|优|良|中|差|合格|不合格|较好|一般)[”\"’']?(?:等级|等次|等)?的?$")


def stat_fields(name: str, unit: str | None, qualifier: str | None, at: str | None) -> dict[str, Stmt]:
    """A work figure's fields beside its value, those stated: its name, unit, qualifier and place.
    A count named by a grade alone is named for what it counts (优5个: 等级为优的项目)."""
    if (graded := _GRADED.match(name)) is not None and unit in (None, "个", "项", "家"):
        name = f"等级为{graded.group(1)}的{'单位' if unit == '家' else '项目'}"
    fields = {"name": name, "unit": unit, "qualifier": qualifier, "at": at}
    return {key: Stmt(text, "text", "", (0, 0)) for key, text in fields.items() if text}


def stats_in(text: str, subjects: tuple[str, ...]) -> list[tuple[Token, str, str | None]]:
    """The counts of a text in a table's cell (a project's results, a stage's work done: 征集资料1280万字，
    编成资料长编), each with its name from the words around it, or the reason it is no work figure:
    (token, name, why). Money without words, numbers glued to names and plans are passed over."""
    out: list[tuple[Token, str, str | None]] = []
    previous = 0
    for token in tokens(text):
        raw = text[previous:token.start]
        previous = token.end
        if token.kind == "bare" and glued(text, token):
            continue
        name = _stat_name(last_clause(raw), subjects)
        if token.kind in ("count", "money"):
            after = _stat_name(_words_after(text, token.end), subjects)
            if len(after) >= 2 and not re.match(r"^(的|以上|左右|之|多|余)", after):
                name = f"{name}{after}" if name else after
        why = _bad_stat(name, token) if token.kind != "money" or name else "数字前后没有说明是什么数"
        if not why and _planned(text, token):
            why = "这是目标值，不是完成数"  # (“建成智慧教室46间，计划52间”)
        if not why and token.kind == "bare":
            why = "没有单位的数字"
        out.append((token, name, why))
    return out


def _bad_stat(name: str, token: Token) -> str | None:
    """Why a count cannot be a work figure: no name, a name that is only a verb, or one about budgets."""
    if _GRADED.match(name):
        return None  # (其中优8个: the items of that grade, named so by stat_fields)
    if not name or len(name) < 2:
        return "数字前后没有说明是什么数"
    if name in _VAGUE or re.sub(r"(的|了)$", "", name) in _VAGUE:
        return "数字前后没有说明是什么数"
    if re.search(r"预算|经费|资金", SCOPES.sub("", name)) and not name.endswith("率"):
        return "像是预算或经费的数，但不知是哪一项"
    if re.search(r"满分|分值|得分|总分|权重", name) and not _ASSESSED.search(name):
        return "绩效评分的分值或得分，不是工作数"
    if re.search(r"为(优|良|中|差|合格|优秀|良好)$|^含[）)]", name):
        return "等级划分的分数线，不是数据"
    if re.search(r"(比|较|同比)上年|(提高|提升|增加|增长|下降|降低|减少)(了)?(百分点)?$"
                 r"|^(高于|低于|超过|不低于)", name):
        return "增减或比较的数，不是数量本身"
    return None


#: Names listed before their count (在石桥、龙凤、永兴3个镇; 覆盖城东、城西2个村): two to four characters each.
_LISTED = re.compile(r"(?:^|在|对|向|覆盖|涉及|包括|包含|位于)"
                     r"(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+)(?:等)?$")


_STAT_START = re.compile(r"^(其中|共有(?!效)|现有|拥有|共|总共|累计|合计|仅|另|并|且|又|已|均|达|由|目前|截至目前"
                         r"|[一二三四五六七八九]是)+")
_STAT_END = re.compile(r"(为|是|达到|达|共计|总共|共|约|了|就达|近|超过|不少于|不低于|至少|均为|分别为|和|与|从)+$")


#: A part of the year a part of a sentence opens with: 一季度末, 上半年, 前三季度, 6月底.
_PERIOD = re.compile(r"^(?:第?[一二三四]季度末?|上半年|下半年|前三季度"
                     r"|(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月(?:末|底))(?=累计|共|已|完成|支出|实现)")


def _stat_name(text: str, subjects: tuple[str, ...]) -> str:
    text = _YEAR.sub("", text.replace("\n", ""))
    text = re.sub(r"^[\s、，,（(]+(其中)?|^(和|及|与|或)(?=.{2,})|^我(县|区|市)", "", text)
    for subject in subjects:
        text = text.replace(subject, "")
    text = re.sub(r"^(?:我|本)(?:部门|局|单位|中心|院|委|办|所|站|馆|队|校)", "", text.strip())
    previous = None
    while previous != text:
        previous = text
        text = _STAT_END.sub("", _STAT_START.sub("", text)).strip()
    return text
