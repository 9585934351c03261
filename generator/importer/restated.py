"""A self-evaluation's scores told in the text, section by 一级指标, restating its form.

A 部门整体支出绩效自评报告 on the 53号 frame often tells each indicator's result in a section per
一级指标 before it appends the form (自评表) itself:

    （一）投入情况（20分）
    …绩效目标合理性、绩效指标明确性各得3分、3分。…在职人员控制率=30/32×100%=93.75%，得4分；…
    （二）过程情况（30分）
    预算完成率97.34%，得5.84分；…

The heading's points are the 一级's 分值, each clause ending “得N分” an indicator's 得分, and the
rate or count it states just before, that indicator's 实际完成值. These restate the form's rows:
they are drafted as further statements of the form's figures (so the checks compare the two),
only where a clause names exactly one of the form's indicators under that 一级 (or lists several
before 各得, one score each), and the 一级 is one of the form's. A score that names no indicator of
the form, or one it lists twice, is listed as unplaced: the text alone does not say which row it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import Stmt
from .found import Found
from .text import Sentence, clip, norm, tokens

#: A section heading naming a 一级指标 with its 分值: （一）投入情况（20分）.
_LEVEL_HEADING = re.compile(r"^\s*（[一二三四五六七八九十]+）\s*(?P<name>[\u4e00-\u9fa5]{2,8}?)(?:情况)?"
                            r"\s*[（(](?P<w>[0-9]+(?:\.[0-9]+)?)分[）)]\s*$")
#: A clause's score at its end: …，得4分 / 按完成比例得7.99分.
_SCORED = re.compile(r"得(?P<s>[0-9]+(?:\.[0-9]+)?)分$")
#: Several indicators scored together, one score each: 绩效目标合理性、绩效指标明确性各得3分、3分.
_EACH = re.compile(r"(?P<names>[^，,。；;：:]+?)各得(?P<scores>[0-9]+(?:\.[0-9]+)?分(?:、[0-9]+(?:\.[0-9]+)?分)*)$")
#: Where a clause ends.
_CLAUSE = re.compile(r"[；;。]")
#: The number in a score (3分 → 3).
_POINTS = re.compile(r"[0-9]+(?:\.[0-9]+)?")

#: The measure word ending a count's indicator name (天数, 人数, 次数): the count is said with its unit alone.
_MEASURE = re.compile(r"(?<=[天人次个户件项场家])数$")

_UNSURE = "按一级指标分述的得分，未能确定是自评表中哪一项指标的"


@dataclass
class _Claim:
    """A score the text gives under a 一级 heading: the clause (and the names listed before 各得)."""

    level1: str
    clause: str
    clause_start: int
    name: str | None  # the indicator named before 各得, or None: the clause names it
    stmt: Stmt


@dataclass
class _Row:
    """An indicator of the form, as its reader found it."""

    level1: str
    name: str
    fields: dict[str, Stmt] = field(default_factory=dict)


@dataclass
class Restated:
    """Collects, while the text is read, the scores stated section by 一级; `resolve` places them
    once the form has been read."""

    level1: str | None = None
    weights: list[tuple[str, Stmt]] = field(default_factory=list)
    claims: list[_Claim] = field(default_factory=list)

    def heading(self, title: str, start: int, at: str) -> str | None:
        """The 一级 a section's heading names with its 分值 (投入 of （一）投入情况（20分）), or None."""
        match = _LEVEL_HEADING.match(title)
        if match is None:
            return None
        name = match.group("name")
        self.weights.append((name, Stmt(match.group("w"), "score", clip(title, match.start("w"), match.end("w")),
                                        (start + match.start("w"), start + match.end("w")), at=at)))
        return name

    def sentence(self, sentence: Sentence, at: str) -> set[int]:
        """The scores a sentence under a 一级 heading states clause by clause: kept for `resolve`; the
        offsets of their numbers (no other reader takes them)."""
        if self.level1 is None:
            return set()
        taken: set[int] = set()
        pos = 0
        pieces = [(m.start(), m.end()) for m in _CLAUSE.finditer(sentence.text)] + [(len(sentence.text),) * 2]
        for end, after in pieces:
            clause = sentence.text[pos:end].strip()
            lead = len(sentence.text[pos:end]) - len(sentence.text[pos:end].lstrip())
            start = sentence.start + pos + lead
            pos = after
            if (each := _EACH.search(clause)) is not None:
                names = [n.strip() for n in re.split(r"[、，,]", each.group("names").rsplit("，", 1)[-1]) if n.strip()]
                scores = list(_POINTS.finditer(each.group("scores")))
                if len(names) != len(scores):
                    continue
                base = each.start("scores")
                for name, score in zip(names, scores, strict=True):
                    self._claim(clause, start, name, base + score.start(), base + score.end(), at, taken)
            elif (scored := _SCORED.search(clause)) is not None:
                self._claim(clause, start, None, scored.start("s"), scored.end("s"), at, taken)
        return taken

    def _claim(self, clause: str, start: int, name: str | None, a: int, b: int, at: str, taken: set[int]) -> None:
        assert self.level1 is not None
        stmt = Stmt(clause[a:b], "score", clip(clause, a, b), (start + a, start + b), at=at)
        self.claims.append(_Claim(self.level1, clause, start, name, stmt))
        taken.add(start + a)

    def resolve(self, found: Found) -> None:
        """Each score kept, as a further statement of the form's indicator it names; the heading's
        points, of the form's 一级 of that name; the rest unplaced."""
        rows = _form_rows(found)
        levels = {norm(f.steps[1].partition("=")[2]) for f in found.findings
                  if len(f.steps) == 2 and f.steps[0] == "performance" and f.steps[1].startswith("weights=")
                  and f.key == "weight"}
        said = {norm(level) for level, _ in self.weights if norm(level) in levels}
        for level, stmt in self.weights:
            if norm(level) in said:
                found.add(("performance", f"weights={level}"), "weight", stmt)
        for claim in self.claims:
            row = _row_of(claim, rows) if norm(claim.level1) in said else None
            if row is None:
                found.skip(claim.stmt.value + "分", claim.stmt.span, claim.stmt.quote, claim.stmt.at or "", _UNSURE)
                continue
            found.add(("performance", f"indicators={row.name}"), "score", claim.stmt)
            if claim.name is None:
                _actual(found, claim, row)


def _form_rows(found: Found) -> list[_Row]:
    """The department's indicators the form's reader found, each with the fields it gave them."""
    rows: list[_Row] = []
    for f in found.findings:
        if f.steps == ("performance", "indicators+") and "name" in f.extra:
            level1 = f.extra["level1"].value if "level1" in f.extra else ""
            rows.append(_Row(level1, f.extra["name"].value))
        elif f.steps != ("performance", "indicators-1") or not rows:
            continue
        rows[-1].fields.setdefault(f.key, f.stmt)
    return rows


def _row_of(claim: _Claim, rows: list[_Row]) -> _Row | None:
    """The one indicator of the form the claim names under its 一级: the name listed before 各得,
    or the one name of the 一级's indicators the clause holds (its numbers aside: 群众文化活动136场次
    names 群众文化活动场次, 场馆免费开放306天 场馆免费开放天数), a name inside another's not
    counted; None when not exactly one, or when the form lists that name twice."""
    level = norm(claim.level1)
    mine = [r for r in rows if norm(re.sub(r"[（(][0-9.]+分[）)]$", "", r.level1)) == level]
    if claim.name is not None:
        named = [r for r in mine if norm(r.name) == norm(claim.name)]
    else:
        clause = norm(claim.clause)
        bare = norm(re.sub(r"[0-9][0-9,]*(?:\.[0-9]+)?", "", claim.clause))
        # (a count's indicator named by its measure, 场馆免费开放天数, is told with the count: 开放306天)
        named = [r for r in mine if any(n in clause or n in bare
                                        for n, least in ((norm(r.name), 3), (norm(_MEASURE.sub("", r.name)), 4))
                                        if len(n) >= least)]
        named = [r for r in named if not any(norm(r.name) != norm(o.name) and norm(r.name) in norm(o.name)
                                             for o in named)]
    if len(named) != 1 or sum(1 for r in rows if norm(r.name) == norm(named[0].name)) != 1:
        return None
    return named[0]


def _actual(found: Found, claim: _Claim, row: _Row) -> None:
    """The indicator's 实际完成值 as the clause states it (the last of its numbers printed as the
    form prints that value, 3,460人次 for 3460人次), when no other field than a work figure or the
    unplaced list holds it: a further statement of the form's."""
    stated = row.fields.get("actual")
    if stated is None or not re.search(r"[0-9]", stated.value):
        return
    want = norm(stated.value.replace(",", ""))
    hits = [t for t in tokens(claim.clause) if norm(claim.clause[t.start:t.end].replace(",", "")) == want]
    if not hits:
        return
    t = hits[-1]
    span = (claim.clause_start + t.start, claim.clause_start + t.end)
    held = [f for f in found.findings if span[0] <= f.stmt.span[0] < span[1]]
    if any(not f.steps or not f.steps[0].startswith("work_stats") for f in held):
        return
    found.findings[:] = [f for f in found.findings if not span[0] <= f.stmt.span[0] < span[1]]
    found.loose[:] = [x for x in found.loose if not span[0] <= x.span[0] < span[1]]
    found.add(("performance", f"indicators={row.name}"), "actual",
              Stmt(stated.value, "text", clip(claim.clause, t.start, t.end), span, at=claim.stmt.at))
