"""Summary grids: one row a project (项目支出绩效自评结果汇总表), or one row for the department itself.

A finance bureau sums up its projects' self-evaluations in one sheet: 序号 · 项目名称 · the money
(年初预算数, 全年预算数, 全年执行数, under a spanning 预算执行情况（万元）) · 执行率 · 自评得分 ·
自评等级 · the results in words (主要绩效目标完成情况). Projects may stand under numbered group
rows (一、中央财政衔接资金项目), each group closed by 小计, the table by 合计.

The table becomes a project group named by its caption: each group row a project whose parts are
the projects under it and whose own figures are its 小计, the 合计 the group's total; a project's
score and grade are its own, the results its note, and the counts in them its `stats`, named by
their words as work figures are. A table of the same columns whose one row names a unit
(单位名称) is the department's own self-evaluation: its money the 预算执行, its score and grade
the report's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .counts import stat_fields, stats_in
from .draft import Stmt
from .found import Finding, Found
from .lexicon import known_row
from .read import Cell
from .structure import numbering_rank
from .tables_base import NUM, Value, label_of, unit_of, value_of

#: Each column's role, by its header (units in brackets aside).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((role, re.compile(pattern)) for role, pattern in (
    ("name", r"(项目|单位|部门|转移支付|专项资金|二级项目)名称|项目|二级项目"),
    # the budget system's tree (一级项目 · 二级项目): the 一级 a group of the 二级 projects
    ("group", r"一级项目(名称)?"),
    # a 一级指标's part of the score, its 分值 in the header (自评得分 › 产出（50分）)
    ("part", r"(预算执行率?|产出|效益|效果|满意度|成本)(指标)?[（(][0-9]+(\.[0-9]+)?分[）)]"),
    ("seq", r"序号"),
    ("budget_initial", r"年初预算(数|金额)?"),
    ("budget_full", r"全年预算(数|金额)?|调整后预算(数|金额)?|(分配|下达)(资金|金额|数)"),
    ("budget", r"预算(数|金额)"),
    ("actual", r"(全年)?执行(数|金额)|实际(支出|执行)(数|金额)?|(全年)?支出(数|金额)|决算数"),
    ("arrived", r"(实际)?到位(资金|数|金额)?|资金到位(数|金额)?"),
    ("adjustment", r"(年中|预算)?(调整|追加|调减|追减)(数|金额|额)?"),
    ("execution_rate", r"(预算|综合)?执行率|(资金)?支出率"),
    ("score", r"(自评|评价)?得分|自评分(数)?|(自评)?总分|总得分"),
    ("grade", r"(自评|评价)?等级"),
    ("results", r".*(目标|绩效)?完成情况|主要绩效.*|.*产出.*效[益果].*|主要(产出|成效|工作成效)"),
    ("count", r"[^0-9（(]{0,8}(户数|人数|人次|个数|次数|件数)"),
))
#: The unit a count column's header gives its numbers (保障户数: 户, 救助人次: 人次).
_COUNT_UNITS = {"户数": "户", "人数": "人", "人次": "人次", "个数": "个", "次数": "次", "件数": "件"}
_MONEY = ("budget_initial", "budget_full", "budget", "actual", "arrived")
#: The ranks (structure.numbering_rank) of a row's name numbered at the first level (一、基本支出)
#: and at the second (1.人员经费, （1）, （一）).
_TOP, _SECOND = 1, {2, 3, 4}
_TOTALS = ("小计", "合计", "总计")
#: The rows of a 三公 table.
_SANGONG = {"因公出国（境）费", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车购置费",
            "公务用车运行费", "公务用车运行维护费", "公务接待费"}
#: A cell that says nothing: a dash.
_DASHES = ("—", "——", "-", "－", "–", "/", "／")
_UNIT_SUFFIX = re.compile(r"[（(](万元|元|%|％|分)[）)]$")


#: A PivotTable's words for its fields: 求和项:年初预算数 (the sum of a column), 平均值项:自评得分, and
#: 行标签 over the rows' names in its compact layout.
_PIVOT = re.compile(r"^(?:求和项|平均值项|计数项|最大值项|最小值项|乘积项)[:：]\s*")


def _role(label: str) -> str | None:
    if label in ("行标签", "行标签（项目）"):
        return "name"
    plain = _UNIT_SUFFIX.sub("", _PIVOT.sub("", label))
    return next((role for role, pattern in _ROLES if pattern.fullmatch(plain)), None)


class _Header(NamedTuple):
    """A summary grid's columns: each role's, those of counts by project (保障户数, 救助人次), each
    column's header as the draft's comments name it (its unit aside), and the money unit; the
    columns of the score's parts (预算执行（10分） · 产出（50分） …), each with its 一级指标 and the
    header cell that gives its 分值."""

    roles: dict[str, int]
    counts: set[int]
    names: list[str]
    unit: str | None
    parts: dict[int, tuple[str, Cell]]


#: A score part's header: its 一级指标 and its 分值.
_PART = re.compile(r"(?P<name>预算执行率?|产出|效益|效果|满意度|成本)(?:指标)?[（(](?P<w>[0-9]+(?:\.[0-9]+)?)分[）)]")


def _part_name(label: str) -> str:
    """A score part's 一级指标 as the self-evaluations name it (预算执行 › 预算执行率, 产出 › 产出指标)."""
    match = _PART.match(label)
    name = match.group("name") if match else label  # (a part's header matches)
    return "预算执行率" if name.startswith("预算执行") else f"{name}指标"


def _widened(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """A two-row header whose spanning cell (自评得分 over 预算执行 · 产出 · … · 总分) is written once
    and the columns it covers not at all, as Word saves a table as text: the top row widened so
    each cell stands over its columns, the spanning one followed by empty cells. The row below
    names the covered columns in one run, blank under the cells that span both rows."""
    for k in range(min(3, len(rows) - 1)):
        top, sub = rows[k], rows[k + 1]
        named = [i for i, c in enumerate(sub) if label_of(c)]
        if len(top) >= len(sub) or len(named) < 2 or named != list(range(named[0], named[-1] + 1)):
            continue
        first, extra = named[0], named[-1] - named[0]
        if first >= len(top) or not label_of(top[first]) or len(top) + extra != len(sub):
            continue
        pad = tuple(Cell("", top[first].start) for _ in range(extra))
        return [*rows[:k], (*top[:first + 1], *pad, *top[first + 1:]), *rows[k + 1:]]
    return rows


def _summed_groups(rows, data: list[int], roles: dict[str, int]) -> set[int]:
    """The rows that head groups only by their sums (a PivotTable's compact layout: each 资金来源's
    row of subtotals in the column of names, its projects on the rows under it): a row whose every
    amount is the sum of the rows after it down to the next such row (or the total). Every row but
    the total must fall in a group, and there must be two groups at least, or there are none."""
    from decimal import Decimal, InvalidOperation

    money = [roles[m] for m in _MONEY if m in roles]
    if not money:
        return set()

    def amounts(r: int) -> list[Decimal] | None:
        out = []
        for i in money:
            value = value_of(rows[r][i]) if i < len(rows[r]) else None
            try:
                out.append(Decimal(value.text.replace(",", "")) if value is not None and NUM.match(
                    value.text.replace(",", "")) else Decimal(0))
            except InvalidOperation:
                return None
        return out

    body = [r for r in data if label_of(rows[r][roles["name"]]) not in _TOTALS
            and rows[r] and label_of(rows[r][0]) not in _TOTALS] if "name" in roles else []
    groups: set[int] = set()
    n = 0
    while n < len(body):
        head = amounts(body[n])
        if head is None or not any(head):
            return set()
        sums = [Decimal(0)] * len(money)
        end = n + 1
        while end < len(body):
            more = amounts(body[end])
            if more is None:
                return set()
            sums = [a + b for a, b in zip(sums, more)]
            end += 1
            if sums == head:
                break
        if sums != head or end == n + 1:
            return set()
        groups.add(body[n])
        n = end
    return groups if len(groups) >= 2 else set()


#: A column headed by a year or a stage (2023年, 2024年预算数, 上年数): a table of stages, not of projects.
_STAGE_HEAD = re.compile(r"(?:[0-9]{4}年度?|上年|本年|当年)(?:预算|决算|执行|实际)?(?:数|金额|额)?")


def _turned(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]] | None:
    """A summary grid turned round, its rows read as columns: the measures (年初预算数, 全年执行数,
    执行率, 自评得分 …) down the first column under a corner naming the projects (项目, 项目名称), a
    project a column across the top (and a 合计). None when the grid is not one: its rows unequal,
    fewer than two measures of money, rate or score down the side, or a head that is no project's
    name (a number, a measure's own word, a year or a stage)."""
    if len(rows) < 3 or len({len(r) for r in rows}) != 1 or len(rows[0]) < 3:
        return None
    if label_of(rows[0][0]) and _role(label_of(rows[0][0])) != "name":
        return None
    side = {_role(label_of(r[0])) for r in rows[1:]}
    if len(side & {"score", "execution_rate", *_MONEY}) < 2:
        return None
    heads = [label_of(c) for c in rows[0][1:]]
    if any(not h or NUM.match(h.replace(",", "")) or _role(h) is not None or _STAGE_HEAD.fullmatch(h)
           for h in heads):
        return None
    return [tuple(r[i] for r in rows) for i in range(len(rows[0]))]


class ProjectSummary:
    found: Found
    at: str
    stated_unit: str | None
    #: The line just above the table, when it reads as its caption; the document's subjects.
    caption: str | None = None
    subjects: tuple[str, ...] = ()
    #: The project_performance a row's parts of its score go to (its path: 一级 / 二级).
    evaluation: str = ""
    #: The projects the summaries read so far list, by name (the text may speak of them after).
    listed: tuple[str, ...] = ()

    def _summary(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        rows = _widened(rows)
        found = self._header(rows)
        if found is None and (turned := _turned(rows)) is not None and (found := self._header(turned)) is not None:
            # the summary turned round (a project a column, the measures down the side): read as the
            # row-per-project one it is the transpose of, every cell of it then read
            self._read_summary(turned, found)
            return set(range(len(rows)))
        if found is None:
            return set()
        return self._read_summary(rows, found)

    def _read_summary(self, rows: list[tuple[Cell, ...]], found: tuple[int, int, _Header]) -> set[int]:
        k, depth, header = found
        roles = header.roles
        if "三公" in (self.caption or "") or any(
                re.sub(r"^[0-9]+[.、．]|^其中[：:]", "", label_of(r[0])) in _SANGONG for r in rows[k + depth:] if r):
            return set()  # the 三公 table (项目 · 预算数 · 决算数): its rows are no projects
        width = len(rows[k])
        # a 合计 written once over the cells it spans (序号 and 名称, or 一级 and 二级 项目): the
        # cells it covers put back after it
        rows = [(*r[:lead + 1], *[Cell("", r[lead].start)] * (width - len(r)), *r[lead + 1:])
                if 0 < len(r) < width and (lead := next((j for j, c in enumerate(r[:2]) if label_of(c)), -1)) >= 0
                and label_of(r[lead]) in _TOTALS else r for r in rows]
        data = [r for r in range(k + depth, len(rows))]
        named = [r for r in data if self._cell(rows[r], roles, "name") and
                 self._cell(rows[r], roles, "name") not in _TOTALS]
        unit_row = roles.get("name") is not None and \
            re.fullmatch(r"(单位|部门)名称", _UNIT_SUFFIX.sub("", label_of(rows[k][roles["name"]])) or "")
        if unit_row and len(named) == 1:
            self._department(rows[named[0]], header)
            return set(range(k, len(rows)))
        names = [re.sub(r"^[一二三四五六七八九十]+、|^[0-9]+[.、．]|^其中[：:]", "", label_of(rows[r][roles["name"]]))
                 for r in data if roles["name"] < len(rows[r])]
        names = [n for n in names if n]
        if names and sum(1 for n in names if (known := known_row(n)) is not None
                         and known.area in ("income", "expenditure")) * 2 >= len(names):
            return set()  # the budget by its spending rows (支出合计, 基本支出, 项目支出 …): no projects
        title = self.caption or "项目支出绩效自评结果"
        outer = f"projects={title}"
        group: str | None = None
        # rows numbered in two levels (一、… then 1.… under it): the first level the groups
        ranks = {numbering_rank(self._cell(rows[r], roles, "name")) for r in data}
        nested = _TOP in ranks and bool(ranks & _SECOND)
        summed = {} if nested else _summed_groups(rows, data, roles)
        done = set(range(k, k + depth))
        for r in data:
            row = rows[r]
            filled = [c for c in row if c.text.strip()]
            name = self._cell(row, roles, "name")
            first = label_of(filled[0]) if filled else ""
            if (upper := self._cell(row, roles, "group")) and upper not in _TOTALS:
                group = upper  # a 一级项目, written on its first 二级's row (merged down over the others)
            if r in summed:
                # a PivotTable's group (资金来源) in the column of names, its subtotals its own
                group = name
                self._row(row, header, (outer, f"items={group}"), name, project=False)
                done.add(r)
                continue
            if len(filled) == 1 and first not in _TOTALS and not NUM.match(first) and name != first:
                group = filled[0].text.strip()
                done.add(r)
                continue
            total = next((t for t in _TOTALS if t in (name, self._cell(row, roles, "seq"), first)), None)
            if name and nested and numbering_rank(name) == _TOP:
                # 一、基本支出 with its own money, then 1.人员经费 … under it: a group and its figures
                group = name
                steps: tuple[str, ...] = (outer, f"items={group}")
                self._row(row, header, steps, name, project=False)
                done.add(r)
                continue
            if total == "小计" and group:
                steps = (outer, f"items={group}")
            elif total:
                steps = (outer, "total")
            elif name:
                steps = (outer, f"items={group}", f"items={name}") if group else (outer, f"items={name}")
            else:
                continue
            # a project's own self-evaluation, for the parts of its score: named by its path in
            # the budget system's tree (the same 二级 may stand under two 一级)
            self.evaluation = f"{group} / {name}" if group and "group" in roles else name
            if name and not total:
                self.listed = (*self.listed, name)
            self._row(row, header, steps, name or total or "", project=not total)
            done.add(r)
        return done

    def _header(self, rows) -> tuple[int, int, _Header] | None:
        """(header row, header depth, its columns) of a summary grid, if it is one."""
        for k, row in enumerate(rows[:4]):
            labels = [label_of(c) for c in row]
            top = {i: _role(x) for i, x in enumerate(labels) if x}
            if "name" not in top.values() \
                    or not (set(top.values()) & {"seq", "score", "grade", "execution_rate", *_MONEY}):
                continue
            below = [label_of(c) for c in rows[k + 1]] if k + 1 < len(rows) else []
            sub = {i: _role(x) for i, x in enumerate(below) if x}
            # a second header row: sub-columns under a spanning one (预算执行情况（万元）: 年初预算数 …)
            depth = 2 if sub and all(sub.values()) and all(
                v is None or not NUM.match(v.text) for v in map(value_of, rows[k + 1])) else 1
            roles: dict[str, int] = {}
            counts: set[int] = set()
            parts: dict[int, tuple[str, Cell]] = {}
            leaves: list[str] = []
            for i, label in enumerate(labels):
                under = depth == 2 and i < len(below) and bool(below[i])
                leaf = below[i] if under else label
                leaves.append(_UNIT_SUFFIX.sub("", leaf))
                role = _role(leaf) if leaf else None
                if role == "count":
                    counts.add(i)
                elif role == "part":
                    parts[i] = (_part_name(leaf), rows[k + 1][i] if under else row[i])
                elif role is not None:
                    roles.setdefault(role, i)
            if "name" not in roles or len(set(roles) & {"score", "execution_rate", *_MONEY}) < 2:
                continue
            headers = labels + (below if depth == 2 else [])
            unit = next((u for h in headers if (u := unit_of(h))), None) or self.stated_unit
            return k, depth, _Header(roles, counts, leaves, unit, parts)
        return None

    @staticmethod
    def _cell(row, roles: dict[str, int], role: str) -> str:
        i = roles.get(role)
        return label_of(row[i]) if i is not None and i < len(row) else ""

    def _row(self, row, columns: _Header, steps: tuple[str, ...], name: str, project: bool) -> None:
        roles, unit = columns.roles, columns.unit
        where = name[:24]
        for i in sorted(columns.counts):
            header = columns.names[i]
            # a count by project (保障户数, 救助人次): one of the project's stats, named by its column
            value = value_of(row[i]) if i < len(row) else None
            if value is None or not NUM.match(value.text.replace(",", "")):
                continue
            if not project:
                self.found.skip(value.text, value.span, f"{where}｜{header}｜{value.text}", self.at,
                                "合计或分组行的数量，年度文件没有对应的字段")
                continue
            counted = next((u for end, u in _COUNT_UNITS.items() if header.endswith(end)), None)
            extra = stat_fields(header, counted, None, None)
            stmt = Stmt(value.text.replace(",", ""), "number", f"{where}｜{header}：{value.text}", value.span,
                        at=self.at)
            self.found.findings.append(Finding((*steps, "stats+"), "value", stmt, extra=extra))
        for i, (part, head) in columns.parts.items():
            # a part of the score (预算执行（10分） · 产出（50分） …): the 一级指标's score in the
            # project's own self-evaluation, beside the 分值 its header gives
            value = value_of(row[i]) if i < len(row) else None
            if value is None or value.text in _DASHES:
                continue
            if not project:
                self.found.skip(value.text, value.span, f"{where}｜{columns.names[i]}｜{value.text}", self.at,
                                "合计或分组行的分项得分，年度文件没有对应的字段")
                continue
            own = (f"project_performance={self.evaluation}", f"weights={part}")
            self._put(own, "score", value, "score", f"{where}｜{columns.names[i]}")
            weight = _PART.match(label_of(head))
            if weight is not None and (held := value_of(head)) is not None:
                offset = held.text.find(weight.group("w"))
                start = held.span[0] + offset
                self.found.add(own, "weight", Stmt(weight.group("w"), "score", f"{columns.names[i]}（表头）",
                                                   (start, start + len(weight.group("w"))), at=self.at))
        if columns.parts and project and "score" in roles and (total := value_of(row[roles["score"]])) is not None \
                and NUM.match(total.text):
            # (the total of the parts, the project's score, its self-evaluation's too)
            self._put((f"project_performance={self.evaluation}",), "score", total, "score", f"{where}｜总分")
        for i, cell in enumerate(row):
            # a column the summary has no field for: its numbers listed, not lost
            if i not in roles.values() and i not in columns.counts and i not in columns.parts \
                    and (other := value_of(cell)) is not None and NUM.match(other.text):
                self.found.skip(other.text, other.span, f"{where}｜{other.text}", self.at,
                                "汇总表中这一列没有对应的字段")
        for role, i in roles.items():
            if i >= len(row):
                continue
            value = value_of(row[i])
            if value is None or value.text in _DASHES:
                continue  # (a dash: the cell says nothing, as a 合计 where a total means nothing)
            if role == "seq":
                if NUM.match(value.text):
                    self.found.skip(value.text, value.span, f"{where}｜序号｜{value.text}", self.at, "序号，不是数据")
            elif role == "adjustment":
                # the change made during the year (年中调整数), as printed: a cut shown only by colour
                # (红色为调减) keeps no sign in the text, which the checks allow for
                plain = Value(value.text.replace(",", ""), value.span)
                self._money(steps, "adjustment", plain, unit, f"{where}｜{columns.names[i]}", self.caption or "汇总表")
            elif role == "arrived" and not project:
                self.found.skip(value.text, value.span, f"{where}｜{value.text}", self.at,
                                "合计或分组行的到位资金，年度文件没有对应的字段")
            elif role in _MONEY:
                # (a table that states no unit: its amounts are read in the unit the same amounts are
                # stated in elsewhere in the report, if they are, when the draft is settled)
                plain = Value(value.text.replace(",", ""), value.span)  # 1,960.00 as a thousands format shows it
                self._money(steps, role, plain, unit, f"{where}｜{columns.names[i]}", self.caption or "汇总表")
            elif role == "execution_rate":
                self._put(steps, "execution_rate", Value(value.text.replace("％", "%"), value.span), "percent",
                          f"{where}｜执行率")
            elif role == "score":
                self._put(steps, "score", value, "score", f"{where}｜得分")
            elif role == "grade" and project and not NUM.match(value.text):
                self.found.add(steps, "grade", Stmt(value.text, "text", f"{where}｜等级：{value.text}", value.span,
                                                    at=self.at))
            elif role == "results" and project:
                self._results(steps, value)

    def _results(self, steps: tuple[str, ...], value: Value) -> None:
        """The results in words: the text as the project's note, each count in it one of its `stats`."""
        self.found.add(steps, "note", Stmt(value.text, "text", value.text[:40], (0, 0), at=self.at))
        text = value.text
        for token, name, why in stats_in(text, self.subjects):
            span = (value.span[0] + token.start, value.span[0] + token.end)
            if why:
                self.found.skip(text[token.start:token.end], span, text[:40], self.at, why)
                continue
            extra = stat_fields(name, "%" if token.kind == "percent" else token.unit, token.qualifier, None)
            stmt = Stmt(token.num, "number", text[max(0, token.start - 12):token.end + 12], span, at=self.at)
            self.found.findings.append(Finding((*steps, "stats+"), "value", stmt, extra=extra))

    def _department(self, row, columns: _Header) -> None:
        """The one row naming the unit: the department's own self-evaluation."""
        roles, unit = columns.roles, columns.unit
        for role, i in roles.items():
            value = value_of(row[i]) if i < len(row) else None
            if value is None or role == "name":
                continue
            if role in _MONEY and unit is not None:
                self._money(("performance", "budget_execution"), role, value, unit,
                            f"{label_of(row[roles['name']])}｜{columns.names[i]}",
                            self.caption or "汇总表")
            elif role == "execution_rate":
                self._put(("performance", "budget_execution"), "execution_rate",
                          Value(value.text.replace("％", "%"), value.span), "percent", "执行率")
            elif role == "score":
                self._put(("performance",), "score", value, "score", "自评得分")
            elif role == "grade" and not NUM.match(value.text):
                self.found.add(("performance",), "grade", Stmt(value.text, "text", f"等级：{value.text}", value.span,
                                                                 at=self.at))
            else:
                self.found.skip(value.text, value.span, value.text, self.at, "表格中这一格不知对应哪一项")

    # provided by the grid reader
    def _put(self, steps, key, value, kind, where, unit=None) -> None:  # pragma: no cover
        raise NotImplementedError

    def _money(self, steps, stage, value, unit, where, table="基础数据表", weak=False) -> None:  # pragma: no cover
        raise NotImplementedError
