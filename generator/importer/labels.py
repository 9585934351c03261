"""The words before a number: which row it is of, at which stage, and how it relates to the row.

In “2020年年初预算数848.4万元，其中，基本支出180.5万元，比去年增加28.09万元” each
number's label is the text since the number before it: “2020年年初预算数” (a stage, no
row: the row is the paragraph's topic), “，其中，基本支出” (a part of that row), “，比去年
增加” (a change of the row before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SCOPES, known_row, scope_total, stage_in
from .text import DECORATION, DOWN_WORDS, norm

_NUMBERING = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、"
                        r"|[（(][一二三四五六七八九十0-9０-９]+[）)]"
                        r"|[0-9０-９]{1,2}(?:[、．]|\.(?![0-9]))|[①-⑳])\s*")
_CHILD = re.compile(r"其中")
_LIST = re.compile(r"分别为|分别是|具体是|具体为|主要为|主要包括|包括|主要用于")
#: “项目支出651.40万元，按支出经济分类，商品和服务支出…”: the row before broken down by 经济分类.
_ECONOMIC = re.compile(r"按(?:支出)?经济分类(?:科目)?(?:看|划分|分)?")
_YEAR = re.compile(r"[0-9]{4}(?=年[初末](?:财政拨款)?结转)"  # (2020年初结转和结余: 年初 stays)
                   r"|[0-9]{4}年(度)?|本年(度)?|当年|[0-9]{4}年以来|[0-9]{1,2}月([0-9]{1,2}日)?(前|底|末)?")
_FILLER_END = re.compile(r"(为|是|达到|达|共计|合计为|总计为|约|了|已|共)+$")
_FILLER_START = re.compile(r"^(共|总共|累计|合计|仅|另有|另外|此外|还有|加上|使用|动用|另|及|和|与|以及|并|且|又|于"
                           r"|全年|当年|年内|到年底|截至年底|年底)+")
_SUBJECT = re.compile(r"我(中心|局|单位|部门|办|委|院|校|所|站|馆)|本(部门|单位|局|中心|院|校)|该(单位|部门)"
                      r"|^(全院|全校|全局)")

# (“同比上年度增加33.71万元”: 同比 before the year compared with, as 比 is)
_CHANGE = re.compile(r"(?:同比|比|较|与)?(?:上年|去年|上年度|同期|[0-9]{4}年)?(?:对比|相比|同比)?(?:绝对额)?"
                     r"(?P<word>增加|减少|增长|下降|压减|增幅为?|降幅为?|涨幅为?|增|减|↑|↓)了?$"
                     r"|(?:比|较)(?:上年|去年|上年度|同期|[0-9]{4}年)(?P<more>多|少)了?$")
#: (`｜` between an amount and a percent: a bar's label, 1,196.55万元｜95.80%, the share of the whole)
_SHARE = re.compile(r"占(?P<of>[^，,；;。]*?)的?(?:比重|比例)?$|^\s*[｜|]\s*$")
_EXECUTION = re.compile(r"(?:预算)?(?:完成率|执行率)(?:为|是|达到|达)?$|完成(?:年初|全年)?预算(?:的|数的)?$"
                        r"|(?:决算数?)?为(?:年初|全年|调整后)?预算数?的$")
_AGAINST_BUDGET = re.compile(r"(?:比|较|与)(?:年初|全年|调整后)?预算(?:数)?(?:相比|对比)?"
                             r"[，,]?(?:增加|减少|增长|下降|增|减)了?$")
_ARRIVAL = re.compile(r"到位率$")
_ARRIVED = re.compile(r"到位$|到位资金$")
_VARIANCE_PLUS = re.compile(r"(?:决算(?:数)?比预算(?:数)?(?:减少|少)|比预算节约|(?<![转和])结余|节约"
                            r"|没有花完的|未花完的|未支出的|尚未支出的)$")
_VARIANCE_MINUS = re.compile(r"超支$")
#: “年初预算486.20万元，年中追加62.40万元，全年预算548.60万元”: the change made during the year (a cut
#: negative); a name after the word (年中追加经济普查经费48.60万元) is the part added, not the whole's change.
_ADJUSTMENT = re.compile(r"(?:年中|年内)(?P<word>追加|调增|调减|追减|调整)(?:预算|资金)?(?:数|额)?(?:为|了|共|计)?$")
_VARIANCE_RATE = re.compile(r"(?P<word>结余率|超支率)$")
_EVALUATED = re.compile(r"涉及(?:全年|年初|调整后?)?(?:预算(?=资金))?(?:资金|预算)(?:数|总额|金额)?(?:共|为|合计)?$")
_SCORE = re.compile(r"(?:得分|评分|自评|自评分|自评总分|评价得分|绩效评价得分)(?:为)?$")


_PAIR = re.compile(r"(?P<scope>财政拨款)?(?:收支(?P<what3>总计)(?=比|较|与|均|各|同比)"
                   r"|(收入|收)(?:[、和与及](支出|支)(?P<what>总计|合计)(均|各)?"
                   r"|(?P<what1>总计|合计)[、和与及](支出|支)(?P=what1)|(支出)(?P<what2>总计)(?=比|较|与|均|各)))")


@dataclass
class Label:
    raw: str
    topic: str = ""  # text before a colon: “收入预算” in “收入预算：…”
    child: bool = False  # 其中: a part of the row before
    listed: bool = False  # 分别为, 主要用于 …: the first of a list of parts
    economic: bool = False  # 按支出经济分类: the parts of the row before by 经济分类 follow
    list_head: str = ""  # the row named before the list word, its parts listed after it (项目支出包括A…万元)
    # change, change_rate, share, execution_rate, arrival_rate, arrived, variance, variance_rate, adjustment,
    # evaluated, score
    relation: str | None = None
    sign: int = 1
    share_of: str | None = None
    stage: str | None = None
    name: str = ""  # the row's name as written (brackets and quotes kept)
    ambiguous: str | None = None  # why the label cannot be read safely
    scope: str | None = None  # a scope of funds named with the row
    clauses: int = 1  # how many comma-separated clauses the label had (the name is read from the last)
    # “收入、支出总计均为…”, “财政拨款收、支总计各增加…”: one figure said of both totals: (scope, 总计 or 合计)
    pair: tuple[str | None, str] | None = None


def parse(raw: str, kind: str, subjects: tuple[str, ...] = ()) -> Label:
    """Read the label of a number of the given kind (money, percent, count)."""
    label = Label(raw)
    # A label ends at the last semicolon: what stands before it was said of another figure.
    text = re.split(r"[；;]", raw.replace("\n", ""))[-1]
    text = DECORATION.sub("", re.sub(r"^[\s，,；;、：:）)]+", "", text))  # ▲本年收入合计: an editor's mark
    text = _NUMBERING.sub("", text)
    text = re.sub(r"^[（(]", "", text)
    if re.search(r"[：:]", text):
        head, _, text = re.split(r"([：:])(?!.*[：:])", text, maxsplit=1)
        label.topic = _clean(_NUMBERING.sub("", head), subjects)
        text = _NUMBERING.sub("", text)
    label.child = _CHILD.search(raw) is not None
    label.listed = _LIST.search(raw) is not None
    label.economic = _ECONOMIC.search(raw) is not None
    listing = _LIST.search(re.split(r"[，,]", text)[-1])
    if listing and not label.child:
        # “项目支出包括非公有制经济人士理想信念教育实践活动经费22.5万元，…”: a row named before the list
        # word, without an amount, and its first part after it
        clause = re.split(r"[，,]", text)[-1]
        head = _clean(clause[:listing.start()], subjects)
        if head and (known_row(head) is not None or scope_total(head) is not None):
            label.list_head = head
            text = text[:len(text) - len(clause)] + clause[listing.end():]
    text = _CHILD.sub("", _LIST.sub("", _ECONOMIC.sub("", text)))
    text = re.sub(r"^[\s，,；;、：:（(]+|[\s，,；;、：:（(]+$", "", text)
    # The row is named in the last clause: “…，其中，基本支出”, “与上年相比,本年资产总额”.
    text = re.sub(r"^(主要)?原因(是|为|在于)[：:]?", "", text)
    clauses = re.split(r"[，,]", text)
    label.clauses = len(clauses)
    text = clauses[-1].strip()
    pair = _PAIR.search(norm(text))
    if pair:  # 收入、支出总计均为…; 收入总计和支出总计比上年…; 财政拨款收入支出总计比上年…
        label.pair = (pair.group("scope"), pair.group("what") or pair.group("what1") or pair.group("what2")
                      or pair.group("what3"))
    elif re.search(r"(收入|收)[、和与及](支出|支)|(总计|合计)均(为|是)?$", text):
        # “收入、支出总计均为5033.52万元”: one amount said of two rows at once
        label.ambiguous = "原文一句同时说收入和支出（“均”），不能归于其中一行"
    _relation(label, text, kind)
    if label.relation is None:
        label.stage, text = stage_in(text)
        label.name = _clean(text, subjects)
        if label.stage and len(norm(label.name)) < 3 and label.name and known_row(label.name) is None \
                and norm(label.name) not in ("收入", "支出"):
            # “财政预算”: too little is left without the stage word to be a name; keep it whole.
            label.name = _clean(_unstage(raw, text), subjects)
            # “基本支出决算971.54万元”: the stage word after a known row's name (支出 is the row's)
            bare = re.sub(r"(决算|预算|执行)数?$", "", label.name)
            if bare != label.name and known_row(bare) is not None:
                label.name = bare
    else:
        label.name = _clean(stage_in(text[:_relation_start(text)])[1], subjects)
        if label.relation != "change" and norm(label.name) in ("资金", "预算", "项目", "经费"):
            label.name = ""  # “资金到位率”: the rate of the row just stated
    label.scope, label.name = _scope(label.name)
    return label


def _scope(name: str) -> tuple[str | None, str]:
    """A scope named before the row (“一般公共预算财政拨款“三公”经费”), unless the scope is the row itself."""
    match = SCOPES.match(norm(name))
    if not match:
        return None, name
    rest = re.sub(r"^[“”\s]+", "", name[len(match.group()):]) if name.startswith(match.group()) else ""
    if not rest or re.fullmatch(r"(收入|拨款|财政拨款|财政拨款收入|支出|支出合计|收入合计)", norm(rest)) \
            or norm(rest).startswith("(类)"):
        return None, name
    return match.group(), rest


def _unstage(raw: str, text: str) -> str:
    whole = re.sub(r"^[\s，,；;、：:]+", "", _NUMBERING.sub("", raw))
    whole = re.split(r"[：:](?!.*[：:])", whole)[-1]
    return _CHILD.sub("", _LIST.sub("", whole))


def _clean(text: str, subjects: tuple[str, ...]) -> str:
    text = _YEAR.sub("", text)
    for subject in subjects:
        text = text.replace(subject, "")
    text = _SUBJECT.sub("", text)
    text = re.sub(r"^[\s，,；;、：:）)]+|[\s，,；;、：:（(]+$", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _FILLER_END.sub("", _FILLER_START.sub("", text)).strip()
    return text


_RELATIONS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (_SHARE, "share", ("percent",)),
    (_EXECUTION, "execution_rate", ("percent",)),
    (_ARRIVAL, "arrival_rate", ("percent",)),
    (_VARIANCE_RATE, "variance_rate", ("percent",)),
    (_VARIANCE_PLUS, "variance", ("money",)),
    (_VARIANCE_MINUS, "variance", ("money",)),
    (_ADJUSTMENT, "adjustment", ("money",)),
    (_EVALUATED, "evaluated", ("money",)),
    (_ARRIVED, "arrived", ("money",)),
    (_CHANGE, "change", ("money", "percent")),
    (_SCORE, "score", ("count",)),
]


def _relation(label: Label, text: str, kind: str) -> None:
    for pattern, name, kinds in _RELATIONS:
        if kind not in kinds:
            continue
        match = pattern.search(text)
        if not match:
            continue
        label.relation = name
        if name == "share":
            label.share_of = (match.group("of") or "").strip() or None
        elif name == "variance":
            label.sign = -1 if pattern is _VARIANCE_MINUS else 1
        elif name == "adjustment":
            label.sign = -1 if match.group("word") in ("调减", "追减") else 1
        elif name == "variance_rate":
            label.sign = -1 if match.group("word") == "超支率" else 1
        elif name == "change":
            label.sign = -1 if (match.group("word") or match.group("more")) in DOWN_WORDS else 1
            if kind == "percent":
                label.relation = "change_rate"
            if _AGAINST_BUDGET.search(text):
                # “决算数比年初预算增加1477.20万元”: a change against the budget, not against last year
                label.ambiguous = "原文是与预算相比的增减，不是与上年相比"
            elif "增加" in text and "减少" in text:
                label.ambiguous = "原文同时写“增加”和“减少”"
            elif re.search(r"^(均|都|各|分别)(较|比|与)", text) and label.pair is None:
                # “收入总计…，支出总计…，均较2020年增加72.77万元”: one change said of the rows before
                label.ambiguous = "原文一句说几项均增减多少（“均”），不能归于其中一项"
            elif re.search(r"各(增加|减少|增长|下降|减)", text) and label.pair is None:
                label.ambiguous = "原文一句说几项各增减多少（“各”），不能归于其中一项"
        return


def _relation_start(text: str) -> int:
    """Where the relation words begin, so what stands before them can name the row."""
    for pattern, _, _ in _RELATIONS:
        match = pattern.search(text)
        if match:
            start = match.start()
            # “基本支出比上年增加”: the comparison words belong to the relation, not the name.
            head = re.search(r"(同比|比|较|与)(上年|去年|上年度|同期|[0-9]{4}年)?(对比|相比|同比)?$", text[:start])
            if head:
                start = head.start()
            return start
    return len(text)
