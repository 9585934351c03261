"""Grids: the 基础数据表 of the Hunan template, 部门决算 tables with a 栏次 row, and any other table.

The 基础数据表 gives, per row, figures in columns headed by year and stage (2022年决算数, 2023年
预算数, 2023年决算数): a template name (三公经费, 项目支出, 公用经费) is its own row, and the rows
numbered “1、” under it or listed after “其中：” are its parts. A 部门决算 table numbers its columns
in a 栏次 row, which tells which value is which even when a web page's layout ran the rows together.
The 绩效自评表 is read by selfeval.py. A number in any other table, or in a row or column these
readers do not know, is left unplaced with its row and column.
"""

from __future__ import annotations

import re

from .counts import stat_fields, stats_in
from .draft import Stmt
from .found import Found
from .lexicon import known_row
from .read import Cell, Grid
from .selfeval import LEVEL_SCORES, SelfEvaluation
from .sources import TOTALS, column_stage, listed_source, names_head
from .summary import ProjectSummary
from .tables_base import BLANKS, NUM, Value, label_of, unit_of, value_of, without_unit
from .text import norm, tokens


def _ungrouped(value: Value) -> Value:
    """An amount printed with thousands separators (1,020.00) as its digits, its place the same."""
    if re.fullmatch(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?%?", value.text):
        return Value(value.text.replace(",", ""), value.span)
    return value


#: A column of work done, in words (完成情况, 实际完成情况, 主要成效), not of what was aimed at.
_DONE_COLUMN = re.compile(r"完成情况|实际完成|完成内容|工作成效|主要成效|进展情况|实施情况")
_AIM_COLUMN = re.compile(r"目标|指标值|计划|预期")
#: A column of a project's spending (县统计资金支出情况, 实际支出, 资金支出金额): not its rate or progress.
_SPENT_COLUMN = re.compile(r"[^，,。；;]{0,8}?(实际)?支出(情况|数|金额|额)?")
#: A table of the department's units (单位名称 over its rows) and a column of their own scores.
_UNITS_HEAD = re.compile(r"(?:预算|所属)?单位(?:名称)?")
_UNIT_SCORE = re.compile(r"(?:自评|评价)?得分")
#: A cell that tells in words what was done, with a count in it (征集资料1280万字，编成资料长编).
_SENTENCE_CELL = re.compile(r"^(?=.*[\u4e00-\u9fff]{2,}[^，,；;。\s]{0,6}[0-9])(?=.*[0-9]+(?:\.[0-9]+)?[\u4e00-\u9fff])"
                            r"(?![≥≤>＜<＞=＝])[^\n]{8,}$")

_COLUMN_STAGES = {"年初预算数": "budget_initial", "预算数": "budget", "决算数": "actual", "执行数": "actual"}
#: A column of a stage table whose comparison the model holds no field for.
_UNREAD = "unread"
#: The columns of a table of the year's spending progress: what was spent by a point of the year,
#: its share of the year's budget (支出进度), and the share required by then (序时进度).
_PROGRESS_COLUMNS = ((re.compile(r"^累计(?:支出|执行|支付)(?:数|金额)?(?:[（(][^）)]*[）)])?$"), "spent_to_date"),
                     (re.compile(r"^(?:累计)?(?:支出|执行|支付)进度(?:率)?(?:[（(]%[）)])?$"), "rate"),
                     (re.compile(r"^序时进度(?:要求)?(?:[（(]%[）)])?$"), "required"))
_PROGRESS_COLUMN = re.compile("|".join(p.pattern for p, _ in _PROGRESS_COLUMNS))
#: A point of the year a row of that table stands for: the end of a quarter, of the half year, the year's end.
_PERIOD_ROW = re.compile(r"(?:截至)?(?:第?[一二三四1-4]季度末?|上半年(?:末)?|年末|全年|[0-9]{1,2}月(?:末|底)?)")
#: Stage columns named without a year.
_PLAIN_STAGES = {"年初预算数": "budget_initial", "全年预算数": "budget_full", "调整后预算数": "budget_full",
                 "调整预算数": "budget_full", "预算数": "budget",
                 "决算数": "actual", "本年决算数": "actual", "全年执行数": "actual",
                 "上年决算数": "prior", "上年数": "prior", "上年执行数": "prior"}


#: A row numbered as a part of the row above it (1、… / （1）…), and one numbered at the top (一、…).
_SUB_NUMBER = re.compile(r"^\s*(?:[0-9]+[、.．](?![0-9])|[（(][0-9]+[）)])")
_TOP_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]+、")


def _plain_label(cell: Cell) -> str:
    """A row's name without its numbering (一、 1. （1）) or 其中, as `_money_rows` reads it."""
    return re.sub(rf"{_TOP_NUMBER.pattern}|{_SUB_NUMBER.pattern}|^其中[：:]", "", norm(cell.text.strip(BLANKS))
                  ).strip("“”\"")


def _named_indicators(rows) -> bool:
    """A 自评表 whose indicators are headed 指标名称 (the Chongqing form: 指标名称 · 计量单位 ·
    指标性质 · 年初指标值 · 调整指标值 · 全年完成值 · 得分系数 · 指标权重 · 指标得分)."""
    return any({"指标名称", "指标权重"} <= {label_of(c) for c in r} for r in rows)


def _known_money_row(label: str) -> bool:
    return known_row(label) is not None


class GridReader(SelfEvaluation, ProjectSummary):
    #: The grid comes right after another, only page furniture between them (the walker says).
    after_table = False

    def __init__(self, found: Found, year: int, at: str, kind: str = "") -> None:
        self.found = found
        self.year = year
        self.at = at
        self.kind = kind

    def grid(self, grid: Grid, at: str, unit: str | None = None) -> None:
        """Read a grid; `unit` is the money unit a line just above it states (单位：万元)."""
        self.at = at
        self.stated_unit = unit
        rows = list(grid.rows)
        first = rows[0] if rows else ()
        self.title = label_of(first[0]) if len(first) == 1 and first[0].text.strip() else "表格"
        if self.title != "表格":
            self.caption = self.title
        done: set[int] = set()
        header = getattr(self, "indicator_header", None)
        if self.after_table and header is not None and rows and len(rows[0]) == len(header) \
                and not any(label_of(c) in ("三级指标", "指标名称") for r in rows for c in r):
            # an indicator table a page break cut in two: the rows after the break under the same header
            rows = [header] + rows
            done = {k - 1 for k in self._self_evaluation(rows) if k > 0}
            rows = rows[1:]
        elif any("三级指标" in c.text for r in rows for c in r) or _named_indicators(rows) or _execution_block(rows):
            done |= self._self_evaluation(rows)
        if not done:
            done |= self._progress_table(rows)
        if not done:
            done |= self._summary(rows)
        if not done:
            done |= self._by_source(rows)
        done |= self._data_table(rows)
        done |= self._numbered_columns(rows)
        # what each column holds, by its header (the first row of several cells)
        heads = next(([label_of(c) for c in r] for r in rows if sum(1 for c in r if c.text.strip()) >= 2), [])
        for k, row in enumerate(rows):
            if k not in done:
                self._leftover(row, heads)

    # --- a project's money by source ---------------------------------------------------------------

    def _by_source(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        """A table of a project's money by source (项目名称 · 中央、省、市（州）、县级财政资金 · 资金计划 ·
        资金到位情况 · 到位率 · 到位时效): each source's row a line of the project's `by_source` at the
        stages its columns name, the 合计 the project's own; the project the one its 项目名称 cell
        names (carried down the rows it spans) or the one the report is about."""
        k = next((i for i, r in enumerate(rows) if sum(1 for c in r if column_stage(label_of(c))) >= 2), None)
        if k is None:
            return set()
        header = [label_of(c) for c in rows[k]]
        stages = {i: stage for i, h in enumerate(header) if (stage := column_stage(h))}
        first = min(stages)
        if first == 0:
            return set()
        named = next((i for i, h in enumerate(header[:first]) if re.fullmatch(r"(二级)?项目(名称)?", h)), None)
        lines: list[tuple[int, str | None, str]] = []  # each row: its index, its project, its source ('' the 合计)
        project = self.document_project
        for n in range(k + 1, len(rows)):
            row = rows[n]
            if len(row) != len(header):
                break
            if named is not None and label_of(row[named]):
                written = label_of(row[named])
                own = self.document_project
                same = own and re.sub("项目$", "", norm(own)) == re.sub("项目$", "", norm(written))
                project = own if same else written
            labels = [label_of(c) for i, c in enumerate(row[:first]) if i != named and label_of(c)]
            name = labels[-1] if labels else ""
            if name in TOTALS or not name and named is not None and label_of(row[named]) in TOTALS:
                lines.append((n, project, ""))
            elif listed_source(name):
                lines.append((n, project, name))
            else:
                return set()
        # (every project with two sources at least: a table of projects, one source a row, is a summary)
        projects = {p for _, p, _ in lines}
        if not lines or None in projects or any(sum(1 for _, p, s in lines if p == q and s) < 2 for q in projects) \
                or not (named is not None or any(names_head(h) for h in header[:first])):
            return set()
        unit = next((u for h in header if (u := unit_of(h))), None) or getattr(self, "stated_unit", None)
        for n, project, source in lines:
            steps: tuple[str, ...] = ("projects=项目支出", f"items={project}")
            if source:
                steps = (*steps, f"by_source={source}")
            for i, stage in stages.items():
                value = value_of(rows[n][i])
                if value is None or value.text in ("—", "——", "-", "－", "/", "／"):
                    continue
                where = f"{source or label_of(rows[n][first - 1])}｜{header[i]}"
                if stage.endswith("_rate"):
                    rate = value.text.replace("％", "%")
                    self._put(steps, stage, Value(rate if rate.endswith("%") else rate + "%", value.span),
                              "percent", where)
                else:
                    self._money(steps, stage, value, unit, where, self.title)
            for i, cell in enumerate(rows[n]):
                value = value_of(cell)
                if i in stages or i == named or value is None:
                    continue
                for token in tokens(value.text):  # (a column the model has no field for: 未到位数)
                    span = (value.span[0] + token.start, value.span[0] + token.end)
                    self.found.skip(value.text[token.start:token.end], span, f"{source}｜{header[i]}｜{value.text}",
                                    self.at, f"“{header[i]}”这一列不是年度文件中的字段")
        return {k, *(n for n, _, _ in lines)}
    # --- 预算支出进度情况表 ------------------------------------------------------------------------

    def _progress_table(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        """A table of the year's spending progress, a row a point of the year (一季度末 · 二季度末 ·
        三季度末 · 年末) and its columns what was spent by then and how far through the budget
        (累计支出 · 支出进度（%） · 序时进度要求（%））: the budget's progress, the department's (or,
        in a project's own report, the project's). A column no field holds (进度差异) is left over."""
        k = next((k for k, row in enumerate(rows[:3])
                  if sum(1 for c in row if _PROGRESS_COLUMN.match(label_of(c))) >= 2), None)
        if k is None:
            return set()
        header = [label_of(c) for c in rows[k]]
        columns = {i: key for i, h in enumerate(header) for pattern, key in _PROGRESS_COLUMNS
                   if pattern.match(h) and i}
        body = [j for j in range(k + 1, len(rows)) if any(c.text.strip() for c in rows[j])]
        if len(body) < 2 or not all(len(rows[j]) == len(header) and _PERIOD_ROW.fullmatch(label_of(rows[j][0]))
                                    for j in body):
            return set()
        unit = next((u for h in header if (u := unit_of(h))), None) or getattr(self, "stated_unit", None)
        root = f"project_performance={self.document_project}" if self.document_project else "performance"
        done = {k}
        for j in body:
            period = label_of(rows[j][0])
            for i, key in columns.items():
                value = value_of(rows[j][i])
                if value is None or not NUM.match(value.text.replace(",", "").rstrip("%％")):
                    continue
                steps = (root, "budget_execution", f"progress={period}")
                if key == "spent_to_date":
                    self._put(steps, key, value, "money", f"{period} {header[i]}", unit)
                else:
                    rate = value.text.rstrip("%％") + "%"
                    self._put(steps, key, Value(rate, value.span), "percent", f"{period} {header[i]}")
            self._leftover(tuple(c for i, c in enumerate(rows[j]) if i not in columns),
                           [h for i, h in enumerate(header) if i not in columns])
            done.add(j)
        return done

    # --- 基础数据表 ------------------------------------------------------------------------------

    def _data_table(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        done: set[int] = set()
        k = 0
        while k < len(rows):
            header = [label_of(c) for c in rows[k]]
            stages = self._column_stages(header)
            if stages:
                done.add(k)
                k = self._money_rows(rows, k + 1, stages, header, done)
                continue
            if header and header[0].startswith("财政供养人员"):
                done |= self._people(rows, k)
            k += 1
        return done

    def _column_stages(self, header: list[str]) -> dict[int, str]:
        out = {}
        for i, h in enumerate(header[1:], start=1):
            # A comparison with the year before (与上年对比): columns headed by the years alone,
            # then the change and its rate. This year's column is taken as 决算, marked 推定.
            plain = re.sub(r"[（(](万元|元|%|％)[）)]$", "", h)
            bare = re.fullmatch(r"(?P<y>[0-9]{4})年度?", plain)
            if bare and int(bare.group("y")) in (self.year, self.year - 1):
                # (this year's is 决算 when the table's title says so: …收入支出决算情况)
                this_year = "actual" if "决算" in (getattr(self, "caption", None) or "") else "actual~"
                out[i] = this_year if int(bare.group("y")) == self.year else "prior"
                continue
            if bare and self.year - 10 <= int(bare.group("y")) < self.year - 1 \
                    and any(re.fullmatch(rf"{y}年度?", h) for h in header for y in (self.year, self.year - 1)):
                # (a year before last beside them, 近三年: its column listed for review)
                out[i] = _UNREAD
                continue
            # a change on last year beside last year's column (增减额 beside a 预算数 and a 决算数 is
            # the one against the budget, which the model does not hold)
            on_last_year = "prior" in out.values() or plain.startswith("比上年")
            if plain in ("增减额", "增减", "比上年增减", "增减金额", "比上年增减额") and out and on_last_year:
                out[i] = "change"
                continue
            if plain in ("增减率", "增减幅度", "增长率", "比上年增减率", "增减比例") and out and on_last_year:
                out[i] = "change_rate"
                continue
            # the stages a table names without a year (预算数 · 决算数 · 上年决算数), and a share of the
            # total beside an amount (金额 · 占本年收入比重); 金额 alone is the year's in a 决算, 推定
            if plain in _PLAIN_STAGES:
                out[i] = _PLAIN_STAGES[plain]
                continue
            # the change between the 年初 and 全年 budgets (年中调整数), as printed; additions alone
            # (年中追加数) only when no column of cuts (年中调减数) stands beside them
            if re.fullmatch(r"(年中)?调整数|(年中)?追加数", plain) and out \
                    and ("调整" in plain or not any("调减" in other for other in header)):
                out[i] = "adjustment"
                continue
            if plain in ("金额", "本年金额") and self.kind == "部门决算":
                out[i] = "actual~"
                continue
            if re.fullmatch(r"占.{0,8}(比重|比例)|比重|占比", plain) and out:
                out[i] = "share"
                continue
            if re.fullmatch(r"(预算)?执行率|完成率", plain) and out:
                out[i] = "execution_rate"
                continue
            match = re.fullmatch(r"(?P<y>[0-9]{4})年(?P<w>年初预算数|预算数|决算数|执行数)", plain)
            if not match and len(out) >= 2 and re.search(r"增减|差额|差异|比.{0,6}(预算|上年)|率$", plain):
                # a comparison the model holds no field for (决算数比年初预算增减额 and its rate): its
                # cells listed for review, the table's other columns read
                out[i] = _UNREAD
                continue
            if not match:
                return {}
            year, word = int(match.group("y")), match.group("w")
            if year == self.year - 1 and word == "决算数":
                out[i] = "prior"
            elif year == self.year:
                out[i] = _COLUMN_STAGES[word]
            else:
                return {}
        return out

    def _money_rows(self, rows, k: int, stages: dict[int, str], header: list[str], done: set[int]) -> int:
        """Rows under a stage header: a template name is its own row; “1、…” under it and “其中：…” are its parts."""
        # the unit in the first header cell (项目（万元）) or in a stage's own (金额（万元）)
        unit = unit_of(header[0]) or next((u for i in stages if (u := unit_of(header[i]))), None) \
            or getattr(self, "stated_unit", None)
        # a table of the 三公 items: its 合计 is theirs
        # (one of spending rows or of income rows, 基本支出 · 项目支出: the year's total of that side)
        areas = {row.area for r in rows[k:] if r and (row := known_row(_plain_label(r[0]))) is not None}
        total_of = {"sangong": "sangong", "expenditure": "expenditure=部门全部资金",
                    "income": "income=部门全部资金"}.get(next(iter(areas))) if len(areas) == 1 else None
        parent: tuple[str, ...] | None = None  # the row “其中：” parts belong to
        group: tuple[str, ...] | None = None  # the row numbered parts belong to
        in_list = False
        while k < len(rows) and len(rows[k]) == len(header) and not self._column_stages([label_of(c) for c in rows[k]]):
            row = rows[k]
            raw = row[0].text.strip(BLANKS)
            label = re.sub(rf"{_TOP_NUMBER.pattern}|{_SUB_NUMBER.pattern}|^其中[：:]", "", norm(raw)).strip("“”\"")
            steps = self._row_steps(label, raw, parent, group, in_list)
            if steps is None and total_of and label in ("合计", "总计", "年度资金总额", "资金总额"):
                steps = (total_of, "total")  # (年度资金总额 over 基本支出 · 项目支出: a 预算执行 table's total)
            if norm(raw).startswith("其中"):
                in_list = True
                if parent is not None and parent[0].startswith(("income=", "expenditure=")):
                    # parts listed after 其中 are some of the row's, not all (checked as such)
                    self.found.add(parent, "items_partial", Stmt("true", "text", "", (0, 0)))
            elif _SUB_NUMBER.match(row[0].text):
                in_list, parent = False, steps
            elif steps is not None and not in_list and not (group and steps[:-1] == group) \
                    or _known_money_row(label):
                in_list, parent, group = False, steps, steps
            if steps is not None and len(steps) == 2 and steps[-1] == "total" and label \
                    and steps[0].startswith(("income=", "expenditure=")):
                # a total's own name as the table writes it (支出合计)
                self.found.add(steps, "name", Stmt(label, "text", "", (0, 0)))
            for i in stages:
                value = value_of(row[i])
                if value is None:
                    continue
                if stages[i] == _UNREAD:
                    self.found.skip(value.text, value.span, f"{raw}｜{header[i]}｜{value.text}", self.at,
                                    f"“{header[i]}”这一列不是年度文件中的字段，请核对后手工录入")
                elif steps is None:
                    self.found.skip(value.text, value.span, f"{raw}｜{header[i]}｜{value.text}", self.at,
                                    "表中这一行不知对应哪一项")
                elif stages[i] in ("change_rate", "share", "execution_rate"):
                    if value.text in ("—", "-", "－", "/"):
                        continue
                    rate = value.text if value.text.endswith(("%", "％")) else value.text + "%"
                    self._put(steps, stages[i], Value(rate.replace("％", "%"), value.span), "percent",
                              f"{raw.strip()}｜{header[i]}")
                elif stages[i] == "actual~":
                    self._money(steps, "actual", value, unit, f"{raw.strip()}｜{header[i]}", weak=True)
                else:
                    self._money(steps, stages[i], value, unit, f"{raw.strip()}｜{header[i]}")
            done.add(k)
            k += 1
        return k

    def _row_steps(self, label: str, raw: str, parent, group, in_list: bool) -> tuple[str, ...] | None:
        row = known_row(label)
        if row is not None and row.area in ("income", "expenditure"):
            return (f"{row.area}=部门全部资金", *row.steps)
        if row is not None:
            return (row.area, *row.steps)
        listed = norm(raw).startswith("其中") or in_list and not _SUB_NUMBER.match(raw)
        base = parent if listed else group if _SUB_NUMBER.match(raw) else None
        if base is None and group is not None and group[-1] == "by_nature=项目支出" and not _TOP_NUMBER.match(raw):
            base = group  # the projects named under 二、项目支出, unnumbered: its parts
        if base is not None and base[0].startswith(("expenditure", "income")) and label:
            return (*base, f"items={label}")
        return None

    def _people(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        header = [label_of(c) for c in rows[k]]
        if k + 1 >= len(rows) or len(rows[k + 1]) != len(header):
            return set()
        keys = {"编制数": "authorized", "实际在职人数": "actual_end", "控制率": "control_rate"}
        for h, cell in zip(header, rows[k + 1], strict=False):
            key = next((v for name, v in keys.items() if h.endswith(name)), None)
            value = value_of(cell)
            if key is None or value is None:
                continue
            kind = "percent" if key == "control_rate" else "count"
            self._put(("staffing",), key, value, kind, f"基础数据表 {h}")
        return {k, k + 1}

    # --- 决算 tables with a 栏次 row ------------------------------------------------------------------

    def _numbered_columns(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        """A 部门决算 table (国有资产占有使用情况表): headers, a 栏次 row numbering the columns 1…N, then
        rows of label, 行次 and N values. A web page's `|` layout may run these rows together; the
        栏次 numbers tell where each ends. Two header rows are read as one level of sub-columns."""
        k = next((i for i, r in enumerate(rows) if r and label_of(r[0]) == "栏次"), None)
        if k is None or k < 1:
            return set()
        cells = list(rows[k])
        n = 0
        while n + 1 < len(cells) and label_of(cells[n + 1]) == str(n + 1):
            n += 1
        leaves = self._leaves(rows[:k], n)
        unit = next((u for r in rows[:k] for c in r if (u := unit_of(c.text))), None)
        for cell in cells[1:n + 1]:
            value = value_of(cell)
            if value is not None:
                self.found.skip(value.text, value.span, f"栏次｜{value.text}", self.at, "栏次（列号），不是数据")
        data = cells[n + 1:]
        for start in range(0, len(data) - n - 1, n + 2):
            self._numbered_row(data[start:start + n + 2], leaves, unit)
        return {k}

    def _leaves(self, headers: list[tuple[Cell, ...]], n: int) -> list[tuple[str, str | None]] | None:
        """The N column names (with the column they are a sub-column of), or None when the headers do not add up."""
        rows = [[label_of(c) for c in r] for r in headers if len(r) > 1]
        if not rows:
            return None
        top = [h for h in rows[0] if h not in ("项目", "行次")]
        if len(top) == n:
            return [(h, None) for h in top]
        if len(rows) < 2:
            return None
        sub = rows[1]
        parents = [i for i, h in enumerate(top) if any(h in s and h != s for s in sub)]
        if len(parents) != 1 or len(top) - 1 + len(sub) != n:
            return None
        p = parents[0]
        spread = [(top[p] if s == "小计" else s, None if s == "小计" else top[p]) for s in sub]
        return [(h, None) for h in top[:p]] + spread + [(h, None) for h in top[p + 1:]]

    def _numbered_row(self, cells: list[Cell], leaves, unit: str | None) -> None:
        label = label_of(cells[0])
        line = value_of(cells[1])
        if line is not None and NUM.match(line.text):
            self.found.skip(line.text, line.span, f"{label}｜行次｜{line.text}", self.at, "行次（行号），不是数据")
        for i, cell in enumerate(cells[2:]):
            value = value_of(cell)
            if value is None:
                continue
            steps = self._leaf_steps(leaves[i]) if leaves and label == "合计" else None
            if steps is None or self.kind != "部门决算" or unit is None:
                self.found.skip(value.text, value.span, f"{label}｜第{i + 1}栏｜{value.text}", self.at,
                                "表格中这一格不知对应哪一项")
                continue
            self._money(steps, "actual", value, unit, f"{label}｜{leaves[i][0]}", self.title)

    def _leaf_steps(self, leaf: tuple[str, str | None]) -> tuple[str, ...] | None:
        name, parent = leaf
        if parent is not None:
            base = known_row(parent)
            if base is None or base.area != "assets":
                return None
            return (base.area, *base.steps, f"items={name}")
        row = known_row(name)
        if row is None or row.area != "assets":
            return None
        return (row.area, *row.steps)

    # --- other numbers ------------------------------------------------------------------------------

    def _leftover(self, row: tuple[Cell, ...], heads: list[str]) -> None:
        """A row of a table no reader knows: its numbers listed, each with why it stays unplaced."""
        label = label_of(row[0]) if row else ""
        for n, cell in enumerate(row):
            value = value_of(cell)
            if value is None:
                continue
            head = heads[n] if n < len(heads) else ""
            if n and _DONE_COLUMN.search(head) and not _AIM_COLUMN.search(head) and _SENTENCE_CELL.match(value.text):
                self._work_done(value, label)
                continue
            if n and self._project_spent(value, label, head):
                continue
            why = "表格中这一格不知对应哪一项"
            names = heads[1] if len(heads) > 1 and heads[0] == "序号" else heads[0] if heads else ""
            if n and _UNITS_HEAD.fullmatch(names) and _UNIT_SCORE.fullmatch(head):
                # 表2 所属单位整体支出绩效自评结果 (序号 · 单位名称 · 自评得分 · 自评等级): each unit's own score
                why = "所属单位各自的自评得分，不是本部门的；年度文件没有记各单位得分的字段"
            for token in tokens(value.text):
                if token.kind == "bare" and re.match(r"[\u3400-\u9fff]", value.text[token.end:token.end + 1]):
                    continue  # part of a name (“单价200万以上”, “12345热线”)
                span = (value.span[0] + token.start, value.span[0] + token.end)
                self.found.skip(value.text[token.start:token.end], span, f"{label[:20]}｜{value.text[:30]}", self.at,
                                why)

    def _project_spent(self, value: Value, label: str, head: str) -> bool:
        """A project's own report, a table of its spending (项目名称 · 县统计资金支出情况 · 支付进度 …) on
        the project's row: the one amount its spending column tells, in words or alone (截至2023年12月31日
        支出1743.62万元), is the project's actual spending, a statement beside the text's."""
        project = self.document_project
        plain = re.sub(r"[（(](万元|元)[）)]$", "", head.replace("\n", ""))
        if not project or not _SPENT_COLUMN.fullmatch(plain) or re.search(r"目标|指标值|计划|预期|预算", plain):
            return False
        name, own = re.sub("项目$", "", norm(label)), re.sub("项目$", "", norm(project))
        if not name or name != own:
            return False
        money = [t for t in tokens(value.text) if t.kind == "money"]
        if len(money) != 1:
            return False
        token = money[0]
        span = (value.span[0] + token.start, value.span[0] + token.end)
        stmt = Stmt(token.num, "money", f"{label[:20]}｜{head}：{value.text.replace(chr(10), '')[:40]}", span,
                    at=self.at, unit=token.unit)
        self.found.add(("projects=项目支出", f"items={project}"), "actual", stmt)
        return True

    def _work_done(self, value: Value, label: str) -> None:
        """A cell telling work done in words, in a table no reader knows (a stage's 完成情况: 征集资料
        1280万字，编成资料长编): each count a work figure named by its words, as in the text."""
        for token, name, why in stats_in(value.text, self.subjects):
            span = (value.span[0] + token.start, value.span[0] + token.end)
            if why:
                where = f"{label[:20]}｜{value.text[:30]}"
                self.found.skip(value.text[token.start:token.end], span, where, self.at, why)
                continue
            extra = stat_fields(name, "%" if token.kind == "percent" else token.unit, token.qualifier, self.at)
            stmt = Stmt(token.num, "number", value.text[max(0, token.start - 12):token.end + 12], span, at=self.at)
            self.found.add(("work_stats+",), "value", stmt)
            self.found.findings[-1].extra = extra

    # --- output ---------------------------------------------------------------------------------------

    def _put(self, steps: tuple[str, ...], key: str, value: Value, kind: str, where: str,
             unit: str | None = None) -> None:
        value, written = without_unit(value, kind)
        if written is not None and kind == "money":
            unit = written  # the cell's own unit before the table's
        value = _ungrouped(value)
        if kind in ("money", "score", "count") and not NUM.match(value.text) or \
                kind == "percent" and not value.text.endswith("%"):
            self.found.skip(value.text, value.span, value.text, self.at, f"{where}不是数字")
            return
        self.found.add(steps, key, Stmt(value.text, kind, f"{where}：{value.text}", value.span, at=self.at,
                                        unit=unit if kind == "money" else None))

    def _put_score(self, steps, key, number: str, value: Value, offset: int, where: str) -> None:
        span = (value.span[0] + offset, value.span[0] + offset + len(number))
        self.found.add(steps, key, Stmt(number, "score", value.text.replace("\n", ""), span, at=f"{self.at} {where}"))

    def _money(self, steps, stage: str, value: Value, unit: str | None, where: str, table: str = "基础数据表",
               weak: bool = False) -> None:
        value = _ungrouped(value)
        if not NUM.match(value.text) or value.text.endswith("%"):
            self.found.skip(value.text, value.span, where, self.at, "表中金额不是数字")
            return
        self.found.add(steps, stage, Stmt(value.text, "money", f"{table} {where}：{value.text}", value.span,
                                          at=self.at, unit=unit), weak=weak)


def _execution_block(rows: list[tuple[Cell, ...]]) -> bool:
    """A self-evaluation table's 年度资金总额 block (全年执行数 with its 分值 and 得分, or by 资金来源),
    or a table of each 一级指标's 分值 and 得分, even with no indicator rows in the same grid."""
    for row in rows:
        labels = [label_of(c) for c in row]
        if any(x.startswith("全年执行数") for x in labels) \
                and ({"分值", "得分"} <= set(labels) or labels[0] == "资金来源"):
            return True
        if labels[:1] == ["一级指标"] and "分值" in labels and set(labels) & set(LEVEL_SCORES):
            return True  # (得分, 自评得分, 指标得分 …)
    return False
