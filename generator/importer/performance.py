"""Sentences of the 自评 templates that carry the scoring rules: weights, total, grade bands.

“分值设定100分，其中预算执行率10分、产出指标50分、效益指标30分、满意度指标10分” and
“综合评价等级分为优秀（大于90分）、良好（80-90分）、较差（60-80分）、差（小于60分）”.
These numbers are claimed here so the other readers do not take them for work figures.
"""

from __future__ import annotations

import re

from .draft import Stmt
from .found import Found
from .text import DOWN_WORDS, Sentence, clip, signed

_TOTAL = re.compile(r"分值设定(?P<n>[0-9]+)分")
_WEIGHT = re.compile(r"(?P<name>预算执行率|产出指标|效益指标|满意度指标)(?P<n>[0-9]+)分")
_BANDS = re.compile(r"等级分为")
# “其中：预算执行率得分9.2分（满分10分），产出指标得分46.5分（满分50分）…” (or 产出指标得50分):
# each 一级指标's score.
_LEVEL_SCORE = re.compile(r"(?P<name>预算执行率?|产出指标|效益指标|满意度指标|成本指标|决策指标|过程指标)"
                          r"(?:的)?得分?(?:为)?"
                          r"(?P<n>[0-9]+(?:\.[0-9]+)?)分(?:\s*[（(](?:满分|分值|权重)(?:为)?(?P<w>[0-9]+(?:\.[0-9]+)?)分[）)])?"
                          r"(?:[，,]\s*得分率(?:为)?(?P<r>[0-9]+(?:\.[0-9]+)?)[%％])?")
# “其中：投入19.50分（分值20分），过程29.92分（满分30分）…”: any 一级指标 named with its score and,
# in brackets, its full marks (the brackets are what say it is a level's score and not a count).
_NAMED_LEVEL = re.compile(r"(?:^|[：:，,；;、])(?P<name>[\u4e00-\u9fa5]{2,8}?)(?:指标)?(?:的)?(?:得分)?(?:为)?"
                          r"(?P<n>[0-9]+(?:\.[0-9]+)?)分\s*[（(](?:满分|分值|权重)(?:为)?(?P<w>[0-9]+(?:\.[0-9]+)?)分[）)]")
# “经自评，…自评得分95.79分，等级为“优”。其中预算执行9.84分，产出指标50分，…”: the 一级指标 named
# with bare points right after the total score is stated, their parts of it (not 分值设定's weights).
_BARE_LEVEL = re.compile(r"(?P<name>预算执行率?|产出指标|效益指标|满意度指标|成本指标|决策指标|过程指标)(?:为)?"
                         r"(?P<n>[0-9]+(?:\.[0-9]+)?)分(?!\s*[（(])")
_SCORED_THEN = re.compile(r"得分(?:为)?[0-9]+(?:\.[0-9]+)?分[^。；;]{0,20}[。；;，,]?\s*其中[：:，,]?\s*$")
_BAND = re.compile(r"(?P<grade>优秀|良好|合格|中等|中|较差|差)\s*[（(](?P<text>[^（）()]*?)[）)]")
_RANGE = re.compile(r"^(?P<a>[0-9]+)\s*[-－—~～至]\s*(?P<b>[0-9]+)分$")
_MIN = re.compile(r"^(?:大于|高于|超过)(?:等于)?(?P<a>[0-9]+)分(?:以上)?$|^(?P<b>[0-9]+)分(?:\(含\))?以上$")
_MAX = re.compile(r"^(?:小于|低于|不足)(?P<a>[0-9]+)分$|^(?P<b>[0-9]+)分以下$")


def rules(sentence: Sentence, found: Found, at: str, root: str = "performance", paragraph: str = "") -> set[int]:
    """Place the scoring rules a sentence states, and the scores of the 一级指标 (of the department's
    self-evaluation or, with `root`, a project's); return the offsets of the numbers taken. (`paragraph`:
    the text of the paragraph the sentence is of, for what was said before it.)"""
    taken: set[int] = set()
    text = sentence.text
    total = _TOTAL.search(text)
    if total:
        _put(found, ("performance",), "total_weight", sentence, total, "n", at, taken)
        for match in _WEIGHT.finditer(text, total.end()):
            _put(found, ("performance", f"weights={match.group('name')}"), "weight", sentence, match, "n", at, taken)
    else:
        bare = list(_BARE_LEVEL.finditer(text))
        lead = paragraph[:paragraph.find(text)] if text in paragraph else ""
        if len(bare) >= 2 and _SCORED_THEN.search(lead + text[:bare[0].start()]):
            for match in bare:
                name = "预算执行率" if match.group("name").startswith("预算执行") else match.group("name")
                _put(found, _level_steps(found, root, name, text[:match.start()]), "score", sentence, match, "n",
                     at, taken)
    for match in _LEVEL_SCORE.finditer(text):
        name = "预算执行率" if match.group("name").startswith("预算执行") else match.group("name")
        steps = _level_steps(found, root, name, text[:match.start()])
        _put(found, steps, "score", sentence, match, "n", at, taken)
        if match.group("w"):
            _put(found, steps, "weight", sentence, match, "w", at, taken)
        if match.group("r"):
            start, end = match.start("r"), match.end("r")
            found.add(steps, "score_rate",
                      Stmt(match.group("r") + "%", "percent", clip(sentence.text, start, end),
                           (sentence.start + start, sentence.start + end), at=at))
            taken.add(sentence.start + start)
    for match in _NAMED_LEVEL.finditer(text):
        name = match.group("name")
        if sentence.start + match.start("n") in taken or re.search(r"总|自评|合计|满分", name):
            continue
        steps = _level_steps(found, root, name, text[:match.start()])
        _put(found, steps, "score", sentence, match, "n", at, taken)
        _put(found, steps, "weight", sentence, match, "w", at, taken)
    if _BANDS.search(text):
        for match in _BAND.finditer(text):
            _band(found, sentence, match, at, taken)
    return taken | quarter_scores(sentence, found, at, root, taken)


def quarter_scores(sentence: Sentence, found: Found, at: str, root: str = "performance",
                   taken: set[int] | None = None) -> set[int]:
    """预算执行得分6.80分，其中一季度0.38分、二季度0.97分…: the 预算执行 score given in parts by quarter,
    each quarter's part the score of its progress; the offsets of the numbers taken."""
    out: set[int] = set()
    scored = _QUARTERS_SCORED.search(sentence.text)
    if scored is None:
        return out
    for match in _QUARTER_SCORE.finditer(sentence.text, scored.end()):
        if sentence.start + match.start("n") not in (taken or set()):
            _put(found, (root, "budget_execution", f"progress={match.group('p')}"), "score", sentence, match, "n",
                 at, out)
    return out


#: A sentence that gives the 预算执行 score in parts by quarter (预算执行得分6.80分，其中一季度0.38分、…).
_QUARTERS_SCORED = re.compile(r"预算执行(?:得分|[^，,。；;0-9]{0,6}得)[0-9]+(?:\.[0-9]+)?分[，,]?(?=其中)")
#: A quarter's part of it: 一季度0.38分, 二季度进度得分0.97分.
_QUARTER_SCORE = re.compile(r"(?:^|[、，,；;：:]|其中)\s*(?P<p>第?[一二三四]季度末?)(?:支出)?(?:进度)?(?:得分)?"
                            r"(?P<n>[0-9]+(?:\.[0-9]+)?)分")


def _level_steps(found: Found, root: str, name: str, before: str) -> tuple[str, ...]:
    """Where a level's score told in the text goes: under the 一级 of a scoring table that already
    lists it as a 二级 (目标设定指标得分5.5分 → 投入 › 目标设定; 履职效益指标得分… → 效果 › 履职效益),
    else a level of its own."""
    said = re.sub(r"指标$", "", name)
    for finding in found.findings:
        steps = finding.steps
        if len(steps) == 3 and steps[0] == root and steps[1].startswith("weights=") and steps[2].startswith("items="):
            part = steps[2].removeprefix("items=")
            if part == said or len(part) > len(said) and part.endswith(said) and before.endswith(part[:-len(said)]):
                return steps
    return (root, f"weights={name}")


_NUM = r"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)"
#: A self-evaluation's account of the year's budget in words (部门预算收支情况): “年初预算386.40万元，
#: 年中追加…48.60万元，全年预算435.00万元……全年实际支出421.37万元，预算执行率96.87%”.
_BUDGET = (
    ("budget_initial", re.compile(r"年初预算(?:数|资金|安排)?(?:为|共计|合计)?" + _NUM + r"(?P<u>万元|元)")),
    # (the change made during the year, named alone before its amount; a cut negative)
    ("adjustment", re.compile(r"年中(?P<w>追加|调增|调减|调整)(?:预算|资金)?(?:数)?(?:为|共计|合计|了)?"
                              + _NUM + r"(?P<u>万元|元)")),
    ("budget_full", re.compile(r"(?:(?:全年|调整后|调整)预算|(?:全年)?批复预算)(?:数|资金)?(?:为|共计|合计)?"
                               + _NUM + r"(?P<u>万元|元)")),
    ("actual", re.compile(r"(?:全年支出|(?:全年)?(?:实际支出|实际执行|执行数|支出决算数|执行))"
                          r"(?:资金|金额)?(?:为|共计|合计)?"
                          + _NUM + r"(?P<u>万元|元)")),
    ("execution_rate", re.compile(r"预算执行率(?:为|达|达到)?" + _NUM + r"[%％]")),
)


#: The year's spending against last year's, said after the budget's account (…全年支出858.36万元，预算执行率
#: 98.10%。全年支出较上年的812.46万元增加45.90万元，增长5.65%): last year's amount, the change and its rate.
_ON_LAST_YEAR = re.compile(
    r"(?:全年|本年|当年|本年度)(?:实际)?支出(?:总额)?(?:较|比)(?:上年|去年|上年度)(?:同期)?的?"
    r"(?:(?P<prior>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<pu>万元|元))?[，,]?"
    r"(?P<w>增加|减少|增长|下降)(?P<change>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<u>万元|元)"
    r"(?:[，,](?:同比)?(?P<w2>增长|下降|增幅为?|降幅为?)(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％])?")

#: The subject of a sentence about one item's budget (三公, 机关运行经费, 政府采购, a project).
_ITEM_SUBJECT = re.compile(r"三公|(机关|机构)运行经费|政府采购|项目|专项|会议费|培训费")

#: A budget of one scope of funds only (财政拨款年初预算…): not the department's whole.
_SCOPED = re.compile(r"(财政拨款|一般公共预算|政府性基金|专项资金|项目资金|专户)"
                     r"[^，,。；;]{0,6}(年初预算|全年预算|调整后预算)")


def budget(sentence: Sentence, found: Found, at: str, paragraph: str = "", root: str = "performance") -> set[int]:
    """The department's budget and what came of it, as a self-evaluation tells it in words: its
    预算执行 (年初预算, 全年预算, 实际支出, 预算执行率); the offsets of the numbers taken. Only a
    sentence that names two of them at least, so a lone 预算 of some item is not taken for it, and
    not in a paragraph about one scope of funds (a hospital's 财政拨款 is not its whole spending).
    With `root` (project_performance=<name>), a project's own report's, of that project."""
    if _SCOPED.search(paragraph or sentence.text):
        return set()
    matches = [(key, m) for key, pattern in _BUDGET for m in [pattern.search(sentence.text)] if m
               # (年中追加…、调减…: additions and cuts each stated, the change only their net)
               if key != "adjustment" or not (re.search(r"追加|调增", sentence.text)
                                              and re.search(r"调减|核减|收回|追减", sentence.text))]
    if len(matches) < 2:
        return _on_last_year(sentence, found, at, root)
    head = sentence.text[:min(m.start() for _, m in matches)]
    if root == "performance" and _ITEM_SUBJECT.search(head):
        return set()  # “三公”经费全年预算…，实际支出…: an item's budget, not the department's
    taken: set[int] = set()
    found.add((root, "budget_execution"), "name", Stmt("年度资金总额", "text", "", (0, 0)))
    for key, match in matches:
        start, end = match.start("n"), match.end("n")
        value = match.group("n").replace(",", "") + ("%" if key == "execution_rate" else "")
        if key == "adjustment":
            value = signed(value, match.group("w") == "调减")
        kind = "percent" if key == "execution_rate" else "money"
        found.add((root, "budget_execution"), key,
                  Stmt(value, kind, clip(sentence.text, start, end), (sentence.start + start, sentence.start + end),
                       at=at, unit=None if kind == "percent" else match.group("u")))
        taken.add(sentence.start + start)
    return taken


#: The spending by the end of a quarter told in words, with its 支出进度 in the same clause:
#: 一季度末累计支出118.26万元，支出进度20.57%. The amount is spent to date: the period is a quarter's
#: end (一季度末), or the words say 累计 (截至二季度累计支出…); a quarter's spending without either
#: may be the quarter's own and is not taken.
_PROGRESS_SAID = re.compile(
    r"(?P<p>(?:第)?[一二三四]季度末|上半年末?)(?P<c>累计)?(?:实际)?(?:支出|执行|支付)(?:资金)?"
    r"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<u>万元|元|亿元)[，,](?:累计)?(?:支出|执行|支付)进度(?:为|达到?|是)?"
    r"(?P<r>[0-9]+(?:\.[0-9]+)?)[%％]")
#: Each quarter's own spending in one sentence: 第一至第四季度分别支出3,086.20万元、3,214.60万元、….
_QUARTERS_SAID = re.compile(
    r"第?一至第?四季度(?:分别)?(?:实际)?(?:支出|执行|拨付|支付)(?:资金)?(?:分别)?(?:为|是)?"
    r"(?P<list>[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|亿元)?(?:[、，,][0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|亿元)?){3})")
_QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


def progress(sentence: Sentence, found: Found, at: str, root: str = "performance") -> set[int]:
    """The year's spending progress as a self-evaluation tells it (see _PROGRESS_SAID, _QUARTERS_SAID):
    the 预算执行's progress at each point said; the offsets of the numbers taken."""
    taken: set[int] = set()
    text = sentence.text

    def put(period: str, key: str, value: str, kind: str, start: int, end: int, unit: str | None) -> None:
        found.add((root, "budget_execution", f"progress={period}"), key,
                  Stmt(value, kind, clip(text, start, end), (sentence.start + start, sentence.start + end), at=at,
                       unit=unit))
        taken.add(sentence.start + start)

    for match in _PROGRESS_SAID.finditer(text):
        period = match.group("p")
        if not period.endswith("末") and match.group("c") is None:
            continue
        put(period, "spent_to_date", match.group("n").replace(",", ""), "money", match.start("n"), match.end("n"),
            match.group("u"))
        put(period, "rate", match.group("r") + "%", "percent", match.start("r"), match.end("r"), None)
    quarters = _QUARTERS_SAID.search(text)
    if quarters is not None:
        amounts = list(re.finditer(r"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<u>万元|元|亿元)?", quarters.group("list")))
        unit = amounts[-1].group("u")
        if len(amounts) == 4 and unit and all(a.group("u") in (None, unit) for a in amounts):
            base = quarters.start("list")
            for period, amount in zip(_QUARTER_NAMES, amounts, strict=True):
                put(period, "spent", amount.group("n").replace(",", ""), "money", base + amount.start("n"),
                    base + amount.end("n"), unit)
    return taken


def _on_last_year(sentence: Sentence, found: Found, at: str, root: str) -> set[int]:
    """Last year's spending and the change on it, in the sentence that opens with the year's spending
    compared (全年支出较上年…), once the budget's account has stated the year's spending: the same
    row's. Anything else in the sentence is left to the amounts' reader."""
    match = _ON_LAST_YEAR.match(sentence.text.lstrip())
    if match is None or not any(f.steps == (root, "budget_execution") and f.key == "actual" for f in found.findings):
        return set()
    offset = len(sentence.text) - len(sentence.text.lstrip())
    down = match.group("w") in DOWN_WORDS
    taken: set[int] = set()
    for key, group, unit in (("prior", "prior", "pu"), ("change", "change", "u"), ("change_rate", "rate", None)):
        if match.group(group) is None:
            continue
        start, end = offset + match.start(group), offset + match.end(group)
        value = match.group(group).replace(",", "")
        if key == "change_rate":
            value = signed(value, match.group("w2") in DOWN_WORDS) + "%"
        elif key == "change":
            value = signed(value, down)
        kind = "percent" if key == "change_rate" else "money"
        found.add((root, "budget_execution"), key,
                  Stmt(value, kind, clip(sentence.text, start, end), (sentence.start + start, sentence.start + end),
                       at=at, unit=match.group(unit) if unit else None))
        taken.add(sentence.start + start)
    return taken


def _put(found: Found, steps: tuple[str, ...], key: str, sentence: Sentence, match: re.Match[str], group: str,
         at: str, taken: set[int]) -> None:
    start, end = match.start(group), match.end(group)
    found.add(steps, key, Stmt(match.group(group), "score", clip(sentence.text, start, end),
                               (sentence.start + start, sentence.start + end), at=at))
    taken.add(sentence.start + start)


def _band(found: Found, sentence: Sentence, match: re.Match[str], at: str, taken: set[int]) -> None:
    text = re.sub(r"\s+", "", match.group("text"))
    inner = match.start("text") + (len(match.group("text")) - len(match.group("text").lstrip()))
    steps = ("performance", f"grade_bands={match.group('grade')}")
    bounds: list[tuple[str, str]] = []
    if (m := _RANGE.match(text)):
        bounds = [("min", m.group("a")), ("max", m.group("b"))]
    elif (m := _MIN.match(text)):
        bounds = [("min", m.group("a") or m.group("b"))]
    elif (m := _MAX.match(text)):
        bounds = [("max", m.group("a") or m.group("b"))]
    if not bounds:
        return
    found.add(steps, "text", Stmt(text, "text", "", (0, 0)))
    cursor = inner
    for key, number in bounds:
        start = sentence.text.index(number, cursor)
        cursor = start + len(number)
        found.add(steps, key, Stmt(number, "number", clip(sentence.text, start, cursor),
                                   (sentence.start + start, sentence.start + cursor), at=at))
        taken.add(sentence.start + start)
