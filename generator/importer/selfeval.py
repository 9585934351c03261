"""The 绩效自评表 of the Hunan template: the budget-execution block (年初预算数 / 全年预算数 / 全年执行数 /
分值 / 执行率 / 得分), the annual goals, and the indicator rows under the header naming 一级指标, 二级指标
and 三级指标. Merged 一级/二级 cells come out blank (a Word export leaves them so, and the .docx reader
reads a merge's lower parts so) and are carried down; “产出指标（50分）” gives the level's weight.

`SelfEvaluation` is mixed into GridReader, which supplies `found`, `at`, `_put` and `_put_score`.
"""

from __future__ import annotations

import re

from .draft import Stmt
from .found import Found
from .narrative import markdown
from .read import Cell
from .tables_base import NUM, Value, label_of, squeezed, unit_of, value_of, without_unit
from .text import tokens

#: A cell of the Hunan form's lists under 年度资金总额: “其中：一般公共预算：5089.11”, “其他资金：”.
_SIDE_CELL = re.compile(r"^(?:其中[：:]\s*)?(?P<name>[^：:0-9]{2,30})[：:]\s*(?P<value>-?[0-9][0-9,]*(?:\.[0-9]+)?)?$")
_SIDE_HEAD = re.compile(r"^按(收入|支出)性质分")
_SOURCE_HEADS = ("资金来源", "资金构成", "资金性质", "项目")
#: The columns of a form's 预算执行 block, by the words their headers begin with: the 10号 附件1
#: headers, the Sichuan form's (调整后预算数 · 预算执行数 · 预算执行率 · 权重), a city form's
#: 调整预算数（A） · 全年执行数（B） · 执行率（B/A） (its rate over the adjusted budget), and a multi-year
#: project's year columns (本年全年预算数 · 本年全年执行数 · 本年执行率; its 项目期总预算 and 累计执行数
#: have no place in the model and stay for the reviewer). A 年中调整数 (年中追加数) column between 年初预算数 and
#: 全年预算数 is the change between them, as printed.
_EXECUTION_COLUMNS = {"年初预算数": "budget_initial", "全年预算数": "budget_full", "全年执行数": "actual",
                      "分值": "weight", "执行率": "execution_rate", "得分": "score", "调整后预算数": "budget_full",
                      "预算执行数": "actual", "预算执行率": "execution_rate", "权重": "weight",
                      "调整预算数": "budget_full",
                      "本年全年预算数": "budget_full", "本年全年执行数": "actual", "本年执行率": "execution_rate",
                      "年初预算": "budget_initial", "年中调整数": "adjustment", "年中追加数": "adjustment",
                      "调整数": "adjustment", "年中调整": "adjustment", "年中追加": "adjustment"}


#: A column of the scoring rule (评分标准, 得分计算方法: 执行率×该指标分值 …): words, its numbers no figures,
#: and no 得分 column though its name begins so.
_RULE_HEAD = re.compile(r"(评分|得分|计分)(计算)?(标准|要点|细则|方法)|^计算方法")


def _execution_column(header: str) -> str | None:
    if _RULE_HEAD.search(header):
        return None
    return next((key for name, key in _EXECUTION_COLUMNS.items() if header.startswith(name)), None)


#: How a draft's comment names a level's weight and score.
_SCORE_WORDS = {"weight": "分值", "score": "得分"}
#: A 一级指标's score in a table of the levels' scores.
LEVEL_SCORES = ("得分", "自评得分", "指标得分", "评价得分")
#: A group of the funding block's rows, its label in a column of its own: 按资金来源分, 按支出性质分.
#: A row of a 预算执行 block by its name: the whole, a source or a kind of spending.
_FUNDS_ROW = re.compile(r"^(其中[：:]\s*)?\S{0,12}(资金|拨款|结转|收入|支出|经费|预算)(总额|合计)?$")
#: A row of it by the nature of its spending (基本支出, 项目支出), not by source.
_NATURE_ROW = re.compile(r"基本支出|项目支出|人员经费|公用经费")
_GROUP = re.compile(r"^按(?:资金来源|收入性质|支出性质|资金性质|经济分类)分?$")


#: A quarter as a column of the money block names it: 一季度, 第一季度.
_QUARTER = r"(?:第)?[一二三四1-4]季度"
#: A row of the money block under the quarters' columns giving each quarter's cumulative share of the
#: year's budget (累计支出进度 4.71% · 24.31% …): the block's progress rate by the end of each quarter.
_PROGRESS_ROW = re.compile(r"累计(?:支出|执行|支付)进度(?:[（(]%[）)])?|(?:支出|执行)进度(?:[（(]%[）)])?")


def _progress_column(header: str) -> str | None:
    """The quarter a money column holds the spending of, the quarter's own and not cumulative
    (分季度执行数 / 一季度, 第一季度执行数): the quarter as printed; None for any other column."""
    parent, _, sub = header.rpartition(" / ")
    if parent and re.fullmatch(_QUARTER, sub) and re.search(r"执行|支出|支付", parent) \
            and not re.search(r"累计|进度|预算", parent):
        return sub
    match = re.fullmatch(rf"({_QUARTER})(?:执行数|支出数?|实际支出|支付数?)(?:[（(]万元[）)])?", header)
    return match.group(1) if match else None


def _split_header(header: list[str], below: list[str]) -> list[str] | None:
    """A header whose merged heads stand over sub-heads in the row below (全年预算数 · 分季度执行数 ·
    全年执行数 over 一季度 · 二季度 · 三季度 · 四季度, the merge's other cells blank): each column named
    by its head and sub-head (分季度执行数 / 一季度). None when the row below is not such a row: a
    number in it, a sub-head under a column of its own, or nothing under a blank head."""
    if not any(below) or any(NUM.match(b.replace(",", "").rstrip("%％")) for b in below if b):
        return None
    out: list[str] = []
    parent = ""
    for i, (head, sub) in enumerate(zip(header, below, strict=True)):
        if head:
            parent = head
            if sub and i + 1 < len(header) and header[i + 1]:
                return None  # a sub-head under a head that spans one column: a row of data, not of heads
            out.append(f"{head} / {sub}" if sub else head)
        elif sub and parent:
            out.append(f"{parent} / {sub}")
        elif sub or not parent:
            return None
        else:
            out.append("")
    return out if any("/" in h for h in out) else None


def _paired_header(header: list[str], below: list[str]) -> tuple[list[str], dict[str, int]] | None:
    """A header whose levels each head two columns, 指标 and 分值 (一级指标 | 二级指标 | 三级指标 over
    指标 分值 指标 分值 指标 分值, then 评分标准, 得分 …): the columns' names, the 三级 weight as 分值,
    and where each upper level's 分值 stands. None for any other header."""
    pairs = [j for j in range(len(below) - 1) if below[j] == "指标" and below[j + 1] == "分值"]
    names = [h for h in header if h]
    if not pairs or len(below) != len(names) + len(pairs) or not {"三级指标"} <= set(names):
        return None
    out: list[str] = []
    weights: dict[str, int] = {}
    for name in names:
        if len(out) in pairs and name.endswith("指标"):
            out += [name, "分值" if name == "三级指标" else f"{name}分值"]
            if name != "三级指标":
                weights[name] = len(out) - 1
        else:
            out.append(name)
    return (out, weights) if len(out) == len(below) else None


class SelfEvaluation:
    found: Found
    at: str
    #: Where the table's figures go: the department's self-evaluation, or a project's
    #: (`project_performance=<name>`) when the table names its project (项目名称).
    _root: str = "performance"
    #: The project of the form a grid right before this one belongs to (the walker says when it is right before).
    continuing: str | None = None
    last_project: str | None = None
    #: How many self-evaluation forms have been read (a rule stated before the first waits for it).
    forms_read: int = 0
    indicator_header: tuple[Cell, ...] | None = None
    #: The project a project's own report is about (its title names it): its forms are that project's.
    document_project: str | None = None
    #: The title of the table being read when it is one of a form's several (共性指标 / 个性指标 tables):
    #: its 合计 is that table's subtotal, not the whole's total.
    form_part: str | None = None

    def _put(self, steps: tuple[str, ...], key: str, value: Value, kind: str, where: str,
             unit: str | None = None) -> None:
        raise NotImplementedError

    def _put_score(self, steps: tuple[str, ...], key: str, number: str, value: Value, offset: int,
                   where: str) -> None:
        raise NotImplementedError

    def _leftover(self, row: tuple[Cell, ...], heads: list[str]) -> None:
        raise NotImplementedError

    def _rule_numbers(self, rule: Value) -> None:
        """The numbers of a scoring rule's cell (每少1项扣0.5分): the form's rule, not data."""
        for number in re.finditer(r"[0-9]+(?:\.[0-9]+)?", rule.text):
            start = rule.span[0] + number.start()
            self.found.skip(number.group(), (start, start + len(number.group())), rule.text[:24], self.at,
                            "评分标准中的数，不是数据")

    def _self_evaluation(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        done: set[int] = set()
        # a project's form that a page break cut in two: the second table, without 项目名称, is the same project's
        project = _project_of(rows) or self.continuing or self.document_project
        self.last_project = project
        self._root = f"project_performance={project}" if project else "performance"
        self.forms_read += 1
        done |= self._project_code(rows)
        for k, row in enumerate(rows):
            labels = [label_of(c) for c in row]
            if k in done:
                continue
            if "三级指标" in labels and any(x.startswith("全年执行数") for x in labels) and k \
                    and "项目名称" in [label_of(c) for c in rows[k - 1]]:
                done |= self._projects_table(rows, k)
            elif "年初预算数" in labels or any(x.startswith(("全年执行数", "本年全年执行数")) for x in labels) \
                    or {"年初预算", "预算执行数"} <= set(labels):
                done |= self._execution(rows, k)
            elif labels[:1] in (["年度总体目标"], ["年度目标完成情况"], ["年度绩效目标"]) or "年初目标设定" in labels \
                    or {"预期目标", "实际完成目标"} <= set(labels) or {"计划目标", "实际完成情况"} <= set(labels) \
                    or {"项目年度目标", "年度目标完成情况"} <= set(labels):
                done |= self._goals(rows, k)
            elif "任务名称" in labels and any(x.startswith(("批复金额", "实际支出金额")) for x in labels):
                done |= self._tasks(rows, k)
            elif "三级指标" in labels or {"指标名称", "指标权重"} <= set(labels):
                done |= self._indicators(rows, k)
            elif labels[:1] == ["一级指标"] and "分值" in labels and set(labels) & set(LEVEL_SCORES):
                done |= self._level_scores(rows, k)
            elif self._head_score(row):
                done.add(k)
        return done

    def _head_score(self, row: tuple[Cell, ...]) -> bool:
        """A form's head giving its total score among the project's particulars (实施单位 | … | 自评得分 |
        96.13 | 财政审核评分 | …), a label and its value side by side: the self-evaluation's score. A
        score the finance bureau gives beside it (财政审核评分) is not the unit's and is listed; so
        is any other number of the row. False when the row has no such label with a number after it."""
        labels = [label_of(c) for c in row]
        at = next((i for i, x in enumerate(labels) if x in _HEAD_SCORE), None)
        following = next((i for i in range(at + 1, len(row)) if labels[i]), None) if at is not None else None
        if at is None or following is None:
            return False
        value = value_of(row[following])
        if value is None or not NUM.match(without_unit(value, "score")[0].text):
            return False
        self._put((self._root,), "score", value, "score", f"自评表 {labels[at]}")
        rest = list(row)
        rest[following] = Cell("", row[following].start)
        for i, label in enumerate(labels):
            after = next((j for j in range(i + 1, len(row)) if labels[j]), None)
            if _REVIEW_SCORE.fullmatch(label) and after is not None and (other := value_of(row[after])) is not None \
                    and NUM.match(without_unit(other, "score")[0].text):
                self.found.skip(other.text, other.span, f"{label}｜{other.text}", self.at,
                                "财政部门的审核评分，不是单位的自评得分")
                rest[after] = Cell("", row[after].start)
        self._leftover(tuple(rest), [])
        return True

    def _project_code(self, rows: list[tuple[Cell, ...]]) -> set[int]:
        """The 项目名称 row whose name follows the project's code (_PROJECT_CODE): the code's numbers
        are no figures, and the row is read."""
        for k, row in enumerate(rows[:4]):
            for n, cell in enumerate(row):
                if not _PROJECT_LABEL.fullmatch(label_of(cell)):
                    continue
                value = next((v for c in row[n + 1:] if (v := value_of(c)) is not None), None)
                code = _PROJECT_CODE.match(value.text) if value is not None else None
                if value is None or code is None:
                    return set()
                for token in tokens(value.text[:code.end()]):
                    span = (value.span[0] + token.start, value.span[0] + token.end)
                    self.found.skip(value.text[token.start:token.end], span, f"项目名称｜{value.text[:30]}", self.at,
                                    "项目名称前的项目编码，不是数据")
                return {k}
        return set()

    def _projects_table(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        """Many projects' forms in one table, a project a block of rows: 序号 · 项目名称 · 预算执行情况
        (全年预算数 · 全年执行数 · 执行率 · 分值 · 得分) · 绩效指标 (一级 · 二级 · 三级 · 年度指标值 ·
        实际完成值 · 分值 · 得分 · 偏差原因) · 项目自评得分 · 自评等级, the header in two rows, a
        project's name, money, score and grade on its first row and merged down the others. Each
        block is that project's evaluation."""
        above = [label_of(c) for c in rows[k - 1]]
        below = [label_of(c) for c in rows[k]]
        header = [h or (above[i] if i < len(above) else "") for i, h in enumerate(below)]
        levels = header.index("一级指标") if "一级指标" in header else header.index("三级指标")
        name_col = header.index("三级指标")
        project_col = header.index("项目名称")
        budget = {i: key for i, h in enumerate(header[:levels]) if (key := _execution_column(h))}
        unit = next((u for h in above if (u := unit_of(h))), None) or getattr(self, "stated_unit", None)
        cols: dict[str, int] = {name: header.index(name) for name in ("一级指标", "二级指标", "三级指标")
                                if name in header}
        for names, key in ((("年度指标值", "指标值"), "target"), (("实际完成值", "完成值"), "actual"),
                           (("分值", "指标分值", "权重"), "weight"), (("得分", "指标得分"), "score")):
            index = next((i for i, h in enumerate(header) if i > name_col and h in names), None)
            if index is not None:
                cols[key] = index
        deviation = next((i for i, h in enumerate(header) if h.startswith(("偏差", "未完成原因"))), None)
        total_col = next((i for i, h in enumerate(header) if i > name_col and i not in cols.values()
                          and re.fullmatch(r"(项目)?(自评)?(总)?得分", h) and h != "得分"), None)
        grade_col = next((i for i, h in enumerate(header) if i > name_col and re.search(r"等级", h)), None)
        seq_col = next((i for i, h in enumerate(header) if h in ("序号", "编号")), None)
        skip = {project_col, seq_col, total_col, grade_col, *budget}
        done = {k - 1, k}
        root = self._root
        project: str | None = None
        level1 = level2 = ""
        for j in range(k + 1, len(rows)):
            row = rows[j]
            if len(row) != len(header) or label_of(row[0]) in ("总分", "合计", "总计"):
                break
            named = value_of(row[project_col])
            if named is not None:
                project, level1, level2 = re.sub(r"\s+", "", named.text), "", ""
                self._root = f"project_performance={project}"
                for i, key in budget.items():
                    value = value_of(row[i])
                    if value is not None and NUM.match(value.text.replace(",", "")):
                        kind = "percent" if key == "execution_rate" else "score" if key in ("weight", "score") \
                            else "money"
                        self._put((self._root, "budget_execution"), key, value, kind, f"自评表 {header[i]}", unit)
                if total_col is not None and (value := value_of(row[total_col])) is not None \
                        and NUM.match(value.text):
                    self._put((self._root,), "score", value, "score", f"自评表 {header[total_col]}")
                if grade_col is not None and (value := value_of(row[grade_col])) is not None:
                    grade = Stmt(value.text.strip(), "text", f"自评表 {header[grade_col]}", value.span, at=self.at)
                    self.found.add((self._root,), "grade", grade)
            if project is None:
                break
            if seq_col is not None and (value := value_of(row[seq_col])) is not None:
                self.found.skip(value.text, value.span, f"序号 {value.text}", self.at, "序号，不是数据")
            if "一级指标" in cols:
                level1 = self._level(row[cols["一级指标"]], level1, "weights")
            if "二级指标" in cols and value_of(row[cols["二级指标"]]) is not None:
                level2 = self._level(row[cols["二级指标"]], level2, "weights", under=level1 or None)
            self._indicator(row, cols, deviation, level1, level2, skip=skip)
            done.add(j)
        self._root = root
        return done

    def _tasks(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        """The Yunnan form's 部门年度重点工作任务: 任务名称 · 项目 · 主要内容 · 批复金额 · 实际支出金额 ·
        预算执行率, a task merged down over its projects. A project group named by the block: each
        task a project whose parts are its projects, each with its approved amount (the year's
        budget), its spending and its rate. The rows run to the next numbered part of the form."""
        header = [label_of(c) for c in rows[k]]
        task_col = header.index("任务名称")
        project_col = next((i for i, h in enumerate(header) if h in ("项目", "项目名称")), None)
        keys = {"批复金额": "budget_full", "实际支出金额": "actual", "预算执行率": "execution_rate",
                "执行率": "execution_rate"}
        columns = {i: next((v for name, v in keys.items() if h.startswith(name)), None) for i, h in enumerate(header)}
        unit = next((u for h in header if (u := unit_of(h))), None) or getattr(self, "stated_unit", None)
        group = "部门年度重点工作任务"
        done = {k}
        task: str | None = None
        for j in range(k + 1, len(rows)):
            row = rows[j]
            filled = [c for c in row if c.text.strip()]
            if not filled or len(filled) == 1 and re.match(r"^\s*[一二三四五六七八九十]+、", filled[0].text):
                break  # the next part of the form
            if len(row) != len(header):
                break
            named = value_of(row[task_col])
            if named is not None:
                task = re.sub(r"\s+", "", named.text)
            project = value_of(row[project_col]) if project_col is not None else None
            if task is None:
                break
            steps: tuple[str, ...] = (f"projects={group}", f"items={task}")
            if project is not None:
                project_name = re.sub(r"\s+", "", project.text)
                steps = (*steps, f"items={project_name}")
            for i, key in columns.items():
                value = value_of(row[i]) if key else None
                if value is None or key is None or not NUM.match(value.text.replace(",", "").rstrip("%％")):
                    continue
                kind = "percent" if key == "execution_rate" else "money"
                plain = Value(value.text.replace(",", ""), value.span)  # 350,000.00 as #,##0.00 shows it
                self._put(steps, key, plain, kind, f"重点工作任务 {header[i]}", unit)
            done.add(j)
        return done

    def _execution(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        header = [label_of(c) for c in rows[k]]
        if k + 1 >= len(rows) or len(rows[k + 1]) != len(header):
            return set()
        top = k
        if (split := _split_header(header, [label_of(c) for c in rows[k + 1]])) is not None:
            # a column head over columns of its own (分季度执行数 over 一季度 … 四季度): the rows begin a row lower
            header, k = split, k + 1
            if k + 1 >= len(rows) or len(rows[k + 1]) != len(header):
                return set()
        columns = [_execution_column(h) for h in header]  # (_EXECUTION_COLUMNS)
        unit = unit_of(header[0]) or getattr(self, "stated_unit", None)  # or the 单位：万元 line above the table
        first = value_of(rows[k][0])
        weight = re.search(r"[（(]([0-9]+(?:\.[0-9]+)?)\s*分[）)]", first.text) if first else None
        if first and weight:  # “预算执行情况（万元）（10分）”: the block's weight, in its header
            self._put_score((self._root, "budget_execution"), "weight", weight.group(1), first, weight.start(1),
                            "自评表表头")
        for n, key in enumerate(columns):
            # or in the 分值 column's own head (分值（10分）) over the row that prints it again
            head = value_of(rows[top][n]) if key == "weight" and 0 < n < len(rows[top]) else None
            if head is not None and (weight := re.search(r"[（(]([0-9]+(?:\.[0-9]+)?)\s*分[）)]", head.text)):
                self._put_score((self._root, "budget_execution"), "weight", weight.group(1), head, weight.start(1),
                                "自评表表头")
        data = rows[k + 1]
        # the rows named in the block's own first column (年度预算执行情况（万元） over 年度资金总额,
        # 其中：基本支出, 项目支出), not in a blank or 资金来源 column beside it
        named_first = bool(header[0]) and header[0] not in _SOURCE_HEADS and columns[0] is None \
            and (first_name := value_of(data[0])) is not None and _FUNDS_ROW.match(first_name.text.strip()) is not None
        # or in a column headed by what the rows hold (the Sichuan 一体化 form's 年度预算数（万元） over 总额,
        # 其中：财政资金, 财政专户管理资金 …): the data row's first words, before any of its amounts
        lead = next((n for n, c in enumerate(data) if value_of(c) is not None), None)
        named_at = lead if lead is not None and not named_first and header[lead] not in ("", *_SOURCE_HEADS) \
            and columns[lead] is None and unit_of(header[lead]) is not None \
            and not NUM.match(value_of(data[lead]).text.replace(",", "")) else None  # type: ignore[union-attr]
        if named_at is not None and unit is None:
            unit = unit_of(header[named_at])
        for n, (h, key, cell) in enumerate(zip(header, columns, data, strict=False)):
            value = value_of(cell)
            if value is None:
                continue
            if key is None and _RULE_HEAD.search(h):
                self._rule_numbers(value)
                continue
            if key is None and (period := _progress_column(h)) is not None:
                # a quarter's spending (分季度执行数 / 一季度): the block's progress in that quarter
                self._put((self._root, "budget_execution", f"progress={period}"), "spent", value, "money",
                          f"自评表 {h}", unit)
                continue
            if key is None:
                if not NUM.match(value.text) and (not h or h in _SOURCE_HEADS or n == 0 and named_first
                                                  or n == named_at):
                    self.found.add((self._root, "budget_execution"), "name", Stmt(value.text, "text", "", (0, 0)))
                elif NUM.match(value.text.replace(",", "")):
                    self.found.skip(value.text, value.span, f"{h}：{value.text}", self.at, _NO_COLUMN.format(h))
                continue
            kind = "percent" if key == "execution_rate" else "score" if key in ("weight", "score") else "money"
            self._put((self._root, "budget_execution"), key, value, kind, f"自评表 {h}", unit)
        done = {top, k, k + 1}
        if k + 2 < len(rows) and _SIDE_HEAD.match(next((v.text for c in rows[k + 2] if (v := value_of(c))), "")):
            return done | self._sides(rows, k + 2, len(header), unit)
        # The rows by source under it (其中：当年财政拨款, 上年结转资金, 其他资金; 财政资金, 单位资金 …),
        # their first cell empty (the block's label runs down through it), their amounts and rate;
        # or in groups, each group's label beside its first row and running down the others
        # (按资金来源分 | 财政拨款资金 …, 按支出性质分 | 基本支出 …): a group by 支出性质 is by nature.
        group: str | None = None
        for j in range(k + 2, len(rows)):
            row = rows[j]
            if named_first:
                label = value_of(row[0]) if len(row) == len(header) else None
                if label is None or not _FUNDS_ROW.match(label.text.strip()):
                    break
                names = [label]
            elif len(row) != len(header) or (value_of(row[0]) is not None and header[0] not in _SOURCE_HEADS
                                             and not _GROUP.match(value_of(row[0]).text.strip())):  # type: ignore[union-attr]
                break
            else:
                # the rows' names stand in the columns the header leaves blank or heads 资金来源
                # (or in the column that names the data row)
                names = [v for v in (value_of(c) for n, (c, h) in enumerate(zip(row, header))
                                     if not h or h in _SOURCE_HEADS or n == named_at) if v is not None]
            if len(names) == 2 and _GROUP.match(names[0].text.strip()):
                group = names[0].text.strip()
                names = names[1:]
            if len(names) != 1 or NUM.match(names[0].text):
                break
            name = re.sub(r"^其中[：:]\s*", "", names[0].text.strip())
            if _PROGRESS_ROW.fullmatch(name) and any(_progress_column(h) for h in header):
                # 累计支出进度 under the quarters: the whole's cumulative share of its budget by each quarter's end
                for h, cell in zip(header, row, strict=False):
                    period = _progress_column(h)
                    value = value_of(cell)
                    if period is not None and value is not None and NUM.match(value.text.rstrip("%％")):
                        self._put((self._root, "budget_execution", f"progress={period}"), "rate", value, "percent",
                                  f"自评表 {name} {h}")
                done.add(j)
                continue
            side = "by_nature" if group and "支出" in group or _NATURE_ROW.fullmatch(name) else "items"
            for h, key, cell in zip(header, columns, row, strict=False):
                value = value_of(cell)
                if value is not None and key not in (None, "weight", "score", "execution_rate"):
                    value, written = without_unit(value, "money")  # “120.00万元”
                    if written is not None:
                        self._put((self._root, "budget_execution", f"{side}={name}"), key, value, "money",
                                  f"自评表 {name} {h}", written)
                        continue
                if value is None or not NUM.match(value.text.replace(",", "")):
                    continue
                if key is None and (period := _progress_column(h)) is not None:
                    self._put((self._root, "budget_execution", f"{side}={name}", f"progress={period}"), "spent",
                              value, "money", f"自评表 {name} {h}", unit)
                    continue
                if key is None:
                    self.found.skip(value.text, value.span, f"{name} {h}：{value.text}", self.at, _NO_COLUMN.format(h))
                    continue
                if key in ("weight", "score"):
                    # a row's own 分值 and 得分 (the Guizhou form scores 基本支出 and 项目支出 each): no field
                    # holds them, the block's are the 年度资金总额 row's; left for the reviewer
                    self.found.skip(value.text, value.span, f"{name} {h}：{value.text}", self.at,
                                    "资金来源各行的分值、得分（模型只记资金总额一行的）")
                    continue
                kind = "percent" if key == "execution_rate" else "money"
                self._put((self._root, "budget_execution", f"{side}={name}"), key, value, kind,
                          f"自评表 {name} {h}", unit)
            done.add(j)
        return done

    def _sides(self, rows: list[tuple[Cell, ...]], start: int, width: int, unit: str | None) -> set[int]:
        """The Hunan form's two lists under 年度资金总额, each cell a name and its amount
        (按收入性质分：5288.57 | 按支出性质分：5288.57, 其中：一般公共预算：5089.11 | 其中：基本支出：374.74 …):
        the left list by source (items), the right one by nature (by_nature), each headed by its
        total. The amounts are of 全年执行数, as the form's 年度资金总额 row is filled from them."""
        done: set[int] = set()
        right: int | None = None
        heads: dict[str, str] = {}
        for j in range(start, len(rows)):
            row = rows[j]
            if len(row) != width or value_of(row[0]) is not None:
                break
            cells = [(i, v, _SIDE_CELL.match(v.text)) for i, c in enumerate(row) if (v := value_of(c)) is not None]
            if not cells or any(m is None for _, _, m in cells):
                break
            for i, value, match in cells:
                assert match is not None
                name = match.group("name").strip()
                if _SIDE_HEAD.match(name) and "支出" in name:
                    right = i
                side = "by_nature" if right is not None and i >= right else "items"
                if _SIDE_HEAD.match(name):
                    heads[side] = name
                    steps: tuple[str, ...] = (self._root, "budget_execution", f"{side}={name}")
                elif side in heads:
                    steps = (self._root, "budget_execution", f"{side}={heads[side]}", f"items={name}")
                else:
                    steps = (self._root, "budget_execution", f"{side}={name}")
                if match.group("value") is None:
                    continue  # a row the form lists without an amount (纳入专户管理的非税收入拨款：)
                offset = match.start("value")
                figure = Value(match.group("value"), (value.span[0] + offset, value.span[0] + match.end("value")))
                self._put(steps, "actual", figure, "money", f"自评表 {name}", unit)
            done.add(j)
        return done

    def _level_scores(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        """A table of each 一级指标's 分值 and 得分 (一级指标 | 分值 | 得分 | 得分率), its 合计 the total."""
        header = [label_of(c) for c in rows[k]]
        weight, score = header.index("分值"), next(header.index(h) for h in LEVEL_SCORES if h in header)
        rate = header.index("得分率") if "得分率" in header else None
        # scored at the 二级 level (一级指标 | 二级指标 | 分值 | 自评得分 | …): a 一级 merged down over
        # its 二级 rows, each 二级 a part of it with its own 分值 and 得分
        second = header.index("二级指标") if "二级指标" in header[1:2] else None
        # the 三级 named in words beside a 二级's score (评价要点（三级指标）), and the facts the score
        # rests on (完成情况及扣分原因): a 三级's value said right after its name is its 实际完成值
        points = next((i for i, h in enumerate(header) if re.search(r"评价要点|三级指标", h)), None)
        facts = next((i for i, h in enumerate(header) if "完成情况" in h), None)
        done = {k}
        level = ""
        for j in range(k + 1, len(rows)):
            row = rows[j]
            if len(row) != len(header):
                break
            name = value_of(row[0])
            if name is None and not (second is not None and level and value_of(row[second]) is not None):
                break
            level = re.sub(r"\s+", "", name.text) if name is not None else level
            total = level in ("合计", "总分", "总计")
            part = re.sub(r"\s+", "", label_of(row[second])) if second is not None and not total else ""
            steps: tuple[str, ...] = (self._root, f"weights={level}", f"items={part}") if part \
                else (self._root, f"weights={level}")
            where = f"评分汇总表 {level}" + (f" {part}" if part else "")
            taken = self._named_facts(row[points], row[facts], level, part) \
                if part and points is not None and facts is not None else set()
            for col, cell in enumerate(row):
                if col not in (0, second, weight, score, rate) and (other := value_of(cell)) is not None \
                        and re.search(r"[0-9]", other.text):
                    said = [(other.text[t.start:t.end], (other.span[0] + t.start, other.span[0] + t.end))
                            for t in (tokens(other.text) if len(other.text) > 12 else [])]
                    for text, span in said or [(other.text, other.span)]:
                        if span[0] in taken:
                            continue
                        self.found.skip(text, span, f"{level}｜{text}", self.at,
                                        f"评分汇总表“{header[col]}”列，模型没有对应的字段")
            for col, key in ((weight, "weight"), (score, "score")):
                value = value_of(row[col])
                if value is None:
                    continue
                if total:
                    self._put((self._root,), "total_weight" if key == "weight" else "score", value, "score", where)
                else:
                    self._put(steps, key, value, "score", where)
            if rate is not None and (value := value_of(row[rate])) is not None:
                steps = (self._root,) if total else steps
                self._put(steps, "score_rate", Value(value.text.replace("％", "%"), value.span), "percent",
                          f"评分汇总表 {level} 得分率")
            done.add(j)
        return done

    def _named_facts(self, points: Cell, facts: Cell, level: str, part: str) -> set[int]:
        """The 三级 a row names in words (在职人员控制率、“三公经费”变动率、重点支出安排率) whose value
        its facts state right after the name (在职人员控制率91.67%（…）；“三公经费”变动率−18.12%):
        each an indicator of the 二级 with that 实际完成值; the offsets of the values taken."""
        names = [n.strip(" \u3000") for n in re.split(r"[、，,；;。]", points.text.replace("\n", "")) if n.strip()]
        # the facts without the line breaks the cell wrapped them at, each offset kept
        kept = [(n, c) for n, c in enumerate(facts.text) if c != "\n"]
        joined = "".join(c for _, c in kept)
        taken: set[int] = set()
        for name in names:
            if len(name) < 3:
                continue
            said = re.search(re.escape(name).replace("“", "“?").replace("”", "”?") +
                             r"[”\"]?(?:为|达到|达)?\s*(?P<v>[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?[%％]?)", joined)
            if said is None:
                continue
            start = facts.start + kept[said.start("v")][0]
            end = facts.start + kept[said.end("v") - 1][0] + 1
            text = said.group("v")  # as printed (照原文), its sign included
            self.found.add((self._root, "indicators+"), "actual",
                           Stmt(text, "text", f"{name[:16]}｜{said.group('v')}", (start, end), at=f"{self.at} 评分表"))
            self.found.findings[-1].extra = {"level1": Stmt(level, "text", "", (0, 0)),
                                             "level2": Stmt(part, "text", "", (0, 0)),
                                             "name": Stmt(name, "text", "", (0, 0))}
            taken.add(start)
        return taken

    def _goals(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        done = {k}
        head = [v for c in rows[k] if (v := value_of(c)) is not None]
        if len(head) == 3 and squeezed(head[1].text) in ("预期目标", "年度目标", "计划目标", "绩效目标") \
                and not re.match(r"(全年)?实际完成", head[2].text.strip()):
            # the goals told row by row, each beside its label (年度总体目标 | 预期目标 | … and under it
            # | 实际完成情况 | …)
            target, result = head[2], None
            after = [v for c in rows[k + 1] if (v := value_of(c)) is not None] if k + 1 < len(rows) else []
            if len(after) == 2 and squeezed(after[0].text).startswith("实际完成"):
                result = after[1]
                done.add(k + 1)
            self.found.add((self._root, "goals+"), "target",
                           Stmt(markdown(target.text), "text", "自评表 年度总体目标", target.span, at=self.at))
            if result is not None:
                self.found.findings[-1].extra = {
                    "result": Stmt(markdown(result.text), "text", "自评表 全年实际完成情况", result.span, at=self.at)}
            return done
        # the Sichuan 一体化 form's goals under 项目年度目标, beside the label of the block (项目基本情况 |
        # 1.项目年度目标完成情况), which goes on with a row of its own (2.项目实施内容及过程概述 | …)
        labels = [label_of(c) for c in rows[k]]
        column = labels.index("项目年度目标") if "项目年度目标" in labels else None
        for j in range(k + 1, len(rows)):
            texts = [value_of(c) for c in rows[j]]
            filled = [v for v in texts if v is not None]
            if len(filled) < 1 or len(filled) > 2 or any(label_of(c) in ("一级指标",) for c in rows[j]):
                break
            if any("指标" in label_of(c) for c in rows[j][:1]):
                break
            if column is not None and texts.index(filled[0]) != column:
                break
            target = filled[0]
            # the goal's words, numbers and all, as the table prints them: each keeps its place in the source
            self.found.add((self._root, "goals+"), "target",
                           Stmt(markdown(target.text), "text", "自评表 年度总体目标", target.span, at=self.at))
            if len(filled) > 1:
                self.found.findings[-1].extra = {"result": Stmt(markdown(filled[1].text), "text",
                                                                "自评表 全年实际完成情况",
                                                                filled[1].span, at=self.at)}
            done.add(j)
        return done

    def _indicators(self, rows: list[tuple[Cell, ...]], k: int) -> set[int]:
        self.indicator_header = rows[k]  # for the rest of the table after a page break
        header = [label_of(c) for c in rows[k]]
        paired = _paired_header(header, [label_of(c) for c in rows[k + 1]] if k + 1 < len(rows) else [])
        level_weights: dict[str, int] = {}
        if paired is not None:
            # the evaluation frame (财预〔2020〕10号 附件2): each level's 指标 and 分值 side by side under
            # its name, then 评分标准 (the rule, its numbers no figures), 得分 and 评分说明
            header, level_weights = paired
            k += 1
        cols: dict[str, int] = {name: header.index(name) for name in ("一级指标", "二级指标", "三级指标")
                                if name in header}
        if "三级指标" not in cols and "指标名称" in header:
            cols["三级指标"] = header.index("指标名称")  # the Chongqing form names each indicator so
        # The 10号 附件1 headers first, then the Sichuan/Yunnan forms' (指标值 with 指标性质 and
        # 度量单位 in columns of their own, 完成值, 权重, 未完成原因分析).
        # The Chongqing form's adjusted target (调整指标值) is the year's target where it is given;
        # its 年初指标值 then stays in the source for the reviewer.
        # (and the words other provinces' forms use for the same columns: 年度目标值, 计划值, 实际值, 标准分 …;
        # a city form's 参考分值 · 指标值（A） · 全年实际值（B）, its A and B what 得分 compares)
        for names, key in ((("年度指标值", "调整指标值", "指标值", "年初指标值", "年度目标值", "绩效目标值", "目标值",
                             "计划值", "预期值"), "target"),
                           (("实际完成值", "全年实际完成值", "全年完成值", "本年实际完成值", "本年完成值", "完成值",
                             "实际完成数", "实际值", "全年实际值", "本年实际值"), "actual"),
                           # a form that sets last year's result beside the year's (上年完成值 | 本年完成值)
                           (("上年完成值", "上年实际完成值", "上年度完成值", "上年实际值"), "prior"),
                           (("分值", "指标分值", "指标权重", "权重", "标准分", "参考分值"), "weight"),
                           (("指标得分", "得分", "自评得分", "评价得分", "实际得分"), "score")):
            index = next((i for name in names for i, h in enumerate(header)
                          if h.startswith(name) and not _RULE_HEAD.search(h)), None)
            if index is not None:
                cols[key] = index
        if "年初指标值" in header and cols.get("target") != header.index("年初指标值"):
            cols["target_initial"] = header.index("年初指标值")  # the target where none was adjusted
        rate_col = next((i for i, h in enumerate(header) if re.match(r"得分(系数|率)", h)), None)
        if rate_col is not None:
            cols["score_rate"] = rate_col
        for name, key in (("指标性质", "sense"), ("度量单位", "unit"), ("计量单位", "unit")):
            # (a 指标性质 of 定量/定性 is no sign for the target: only =, ≥, ≤ … are written before it)
            if name in header:
                cols[key] = header.index(name)
        deviation = next((i for i, h in enumerate(header)
                          if h.startswith(("偏差", "未完成原因", "评分说明", "扣分原因", "扣分理由", "扣分说明"))),
                         None)
        rule_col = next((i for i, h in enumerate(header) if _RULE_HEAD.search(h)), None)
        # an upper level's 分值 and 得分 in columns of their own (the paired frame's, or 二级指标分值 ·
        # 二级指标得分 merged down over its 三级 rows): written once, on the row where the level begins
        upper = {col: (level, "weight") for level, col in level_weights.items()}
        upper |= {i: (m.group(1), "weight" if m.group(2) == "分值" else "score") for i, h in enumerate(header)
                  if (m := re.fullmatch(r"(一级指标|二级指标)(分值|得分)", h)) and m.group(1) in cols
                  and i not in upper}
        first = value_of(rows[k][0])
        if first and (m := re.search(r"指标[（(]([0-9]+)分[）)]", first.text)):
            self._put_score((self._root,), "indicators_weight", m.group(1), first, m.start(1), "自评表表头")
        done = {k}
        level1 = level2 = ""
        for j in range(k + 1, len(rows)):
            row = rows[j]
            labels = [label_of(c) for c in row]
            # (the total's name in the first column, or centred over the columns of names, read
            # into one of them)
            named = next((i for i, x in enumerate(labels[:3]) if x), 0)
            if labels and labels[named] in ("总分", "合计", "总计", "自评总分", "总得分"):
                self._total(row[named:])
                done.add(j)
                for after in rows[j + 1:]:
                    # the form's note in a row of the table under the total (注：…不适用…折算为百分制)
                    for cell in after:
                        self.rescaling_rule(cell.text, cell.start)
                break
            if "小计" in labels[:4]:
                # a 一级's subtotal (产出指标小计 | 50 | 49.39): its 分值 and 得分, in that order
                numbers = [v for c in row if (v := value_of(c)) is not None and NUM.match(v.text)]
                if level1 and len(numbers) == 2:
                    steps = (self._root, f"weights={level1}")
                    self._put(steps, "weight", numbers[0], "score", f"自评表 {level1}小计 分值")
                    self._put(steps, "score", numbers[1], "score", f"自评表 {level1}小计 得分")
                done.add(j)
                continue
            if len(row) != len(header):
                break
            done.add(j)
            if not any(labels):
                continue
            level1 = self._level(row[cols["一级指标"]], level1, "weights") if "一级指标" in cols else level1
            if "二级指标" in cols:  # its 分值 written in its name (目标任务（15分）): under its 一级's
                level2 = self._level(row[cols["二级指标"]], level2, "weights", under=level1 or None)
            for col, (level, key) in upper.items():
                # a level's 分值 (or 得分) stands once, beside its name where the level begins
                value = value_of(row[col])
                if value is None:
                    continue
                begins = value_of(row[cols[level]]) is not None
                if begins and level == "一级指标":
                    self._put((self._root, f"weights={level1}"), key, value, "score",
                              f"自评表 {level1} {_SCORE_WORDS[key]}")
                elif begins and level == "二级指标" and level1 and level2:
                    self._put((self._root, f"weights={level1}", f"items={level2}"), key, value, "score",
                              f"自评表 {level2} {_SCORE_WORDS[key]}")
                else:
                    self.found.skip(value.text, value.span, f"{level2}｜{value.text}", self.at,
                                    "这一级指标的分值（模型只记一级、二级指标的分值）")
            if rule_col is not None and (rule := value_of(row[rule_col])) is not None:
                self._rule_numbers(rule)
            project_col = header.index("项目名称") if "项目名称" in header else None
            if project_col is not None and value_of(row[project_col]) is not None:
                # a flat export of many projects' indicators: each row names its project
                root = self._root
                self._root = f"project_performance={label_of(row[project_col])}"
                self._indicator(row, cols, deviation, level1, level2,
                                skip={rule_col, project_col, *upper})
                self._root = root
            else:
                self._indicator(row, cols, deviation, level1, level2,
                                skip={rule_col, *upper})
        return done

    def _level(self, cell: Cell, current: str, weights_key: str, under: str | None = None) -> str:
        """A level's name, and its 分值 where the name carries it (部门决策（25分）): a 一级's among the
        weights, a 二级's (`under` its 一级) among that 一级's items."""
        value = value_of(cell)
        if value is None:
            return current
        match = re.match(r"(?P<name>.+?)[（(](?P<w>[0-9]+(?:\.[0-9]+)?)分[）)]$", re.sub(r"\s+", "", value.text))
        if not match:
            return re.sub(r"\s+", "", value.text)
        name = match.group("name")
        offset = value.text.index(match.group("w"))
        start = value.span[0] + offset
        stmt = Stmt(match.group("w"), "score", value.text, (start, start + len(match.group("w"))),
                    at=f"{self.at} 自评表表头")
        steps = (self._root, f"weights={under}", f"items={name}") if under else (self._root, f"weights={name}")
        self.found.add(steps, "weight", stmt)
        return name

    def _indicator(self, row: tuple[Cell, ...], cols: dict[str, int], deviation: int | None,
                   level1: str, level2: str, skip: set[int | None] = frozenset()) -> None:  # type: ignore[assignment]
        name = value_of(row[cols["三级指标"]]) if "三级指标" in cols else None
        if name is None:
            for cell in row:
                if (v := value_of(cell)) is not None:
                    self.found.skip(v.text, v.span, v.text, self.at, "自评表中没有指标名称的一行")
            return
        known = set(cols.values()) | ({deviation} if deviation is not None else set()) \
            | {j for j in skip if j is not None}
        if _PLACEHOLDER.fullmatch(squeezed(name.text)) and all(
                j == cols["三级指标"] or (v := value_of(cell)) is None or v.text in _NOT_FILLED
                for j, cell in enumerate(row) if j not in (cols.get("一级指标"), cols.get("二级指标"))):
            return  # the template's 指标1：, left as it came (nothing or / in its cells): no indicator
        for j, cell in enumerate(row):
            # a column the model has no field for (得分系数 …): its numbers are listed, not lost
            if j not in known and (v := value_of(cell)) is not None and re.search(r"[0-9]", v.text):
                self.found.skip(v.text, v.span, f"{name.text[:16]}｜{v.text}", self.at, "自评表中这一列没有对应的字段")
        steps = (self._root, "indicators+")
        extra = {"level1": Stmt(level1 or "未填", "text", "", (0, 0)),
                 "name": Stmt(re.sub(r"\s+$", "", name.text.replace("\n", "")), "text", "", (0, 0))}
        if level2:
            extra["level2"] = Stmt(level2, "text", "", (0, 0))
        first = True
        pending: list[tuple[str, Stmt]] = []  # fields written once the row's entry exists
        for key in ("target", "actual", "prior", "weight", "score", "score_rate"):
            if key not in cols:
                continue
            if key == "score_rate":
                rate = value_of(row[cols[key]])
                if rate is not None and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?[%％]?", rate.text):
                    text = rate.text.rstrip("%％") + "%"
                    pending.append(("score_rate", Stmt(text, "percent", f"{name.text[:16]}｜得分系数 {text}",
                                                       rate.span, at=f"{self.at} 自评表")))
                continue
            value = value_of(row[cols[key]])
            if value is None and key == "target" and "target_initial" in cols:
                value = value_of(row[cols["target_initial"]])
            elif key == "target" and "target_initial" in cols and (initial := value_of(row[cols["target_initial"]])) \
                    and cols["target_initial"] != cols["target"]:
                # the target as first set, where an adjusted one is the year's: kept beside it
                text = initial.text + (unit.text if "unit" in cols and (unit := value_of(row[cols["unit"]])) else "")
                pending.append(("target_initial", Stmt(text, "text", f"{name.text[:16]}｜年初指标值 {text}",
                                                       initial.span, at=f"{self.at} 自评表")))
            if value is None:
                continue
            kind = "score" if key in ("weight", "score") else "text"
            if kind == "score":
                value, _ = without_unit(value, kind)  # “10分”
            if key == "score" and NOT_APPLICABLE.fullmatch(squeezed(value.text)):
                # an indicator the form marks as not applying (得分 不适用): not scored, its 分值 kept
                pending.append(("not_applicable", Stmt("true", "text", f"{name.text[:16]}｜{value.text}",
                                                       value.span, at=f"{self.at} 自评表")))
                continue
            if kind == "score" and not NUM.match(value.text):
                self.found.skip(value.text, value.span, value.text, self.at, f"自评表“{name.text}”的{key}不是数字")
                continue
            text = value.text
            if key in ("target", "actual", "prior") and "unit" in cols \
                    and (unit := value_of(row[cols["unit"]])) is not None \
                    and re.search(r"[0-9]", text) and unit.text not in ("/", "-", "—", "无"):
                # 3500 and 吨 in columns of their own: “3500吨”, as the form reads (a value in words,
                # 完成 or 有效保障, has no unit, and “/” says the row has none)
                text += unit.text
            if key == "target" and "sense" in cols and (sense := value_of(row[cols["sense"]])) is not None \
                    and sense.text in ("≥", "≤", "=", ">", "<", "＝"):
                text = sense.text + text
            stmt = Stmt(text, kind, f"{name.text[:16]}｜{text}", value.span, at=f"{self.at} 自评表")
            if first:
                self.found.add(steps, key, stmt)
                self.found.findings[-1].extra = extra
                first = False
            else:
                self.found.add((self._root, "indicators-1"), key, stmt)
        for key, stmt in pending if not first else ():
            self.found.add((self._root, "indicators-1"), key, stmt)
        if deviation is not None and (dev := value_of(row[deviation])) is not None and not first:
            self.found.add((self._root, "indicators-1"), "deviation", Stmt(markdown(dev.text), "text", "", (0, 0)))
            for number in re.finditer(r"[0-9]+(?:[.,][0-9]+)*", dev.text):
                # kept in the explanation's words; listed so the reviewer sees each figure said there
                start = dev.span[0] + number.start()
                self.found.skip(number.group(), (start, start + len(number.group())), dev.text[:24], self.at,
                                "说明文字中的数（已随文字保留在该指标的说明中）")

    def _total(self, row: tuple[Cell, ...]) -> None:
        values = [without_unit(v, "score")[0] for v in (value_of(c) for c in row[1:]) if v is not None]
        if len(values) >= 2 and all(NUM.match(v.text) for v in values[:2]) and self.form_part is not None:
            # the 合计 of one table of a form in several: that table's subtotal (共性指标 30 of 100)
            steps = (self._root, f"parts={self.form_part}")
            self._put(steps, "weight", values[0], "score", "自评表 合计")
            self._put(steps, "score", values[1], "score", "自评表 合计")
            return
        if len(values) >= 2 and all(NUM.match(v.text) for v in values[:2]):
            self._put((self._root,), "total_weight", values[0], "score", "自评表 总分")
            self._put((self._root,), "score", values[1], "score", "自评表 总分")
            # the grade in the cell after the score (优, 自评等级：良)
            grade = _ROW_GRADE.fullmatch(squeezed(values[2].text)) if len(values) > 2 else None
            if grade is not None:
                self.found.add((self._root,), "grade", Stmt(grade.group("g"), "text", f"自评表 总分｜{values[2].text}",
                                                            values[2].span, at=self.at))

    def rescaling_rule(self, text: str, start: int, root: str | None = None) -> bool:
        """A note or instruction saying that an indicator which does not apply is not scored and the
        applicable scores are rescaled to 100 (不适用…不考核…适用指标得分汇总后折算为百分制): the
        self-evaluation's `rescaled` (of `root`, else of the form read last). True when the text says so."""
        match = RESCALING.search(text)
        if match is None:
            return False
        self.found.add((root or self._root,), "rescaled",
                       Stmt("true", "text", text[max(0, match.start() - 8):match.end() + 4], (0, 0), at=self.at))
        return True


#: A form head's label for the total score (自评得分 | 96.13 among the project's particulars).
_HEAD_SCORE = ("自评得分", "项目自评得分", "自评总分", "自评总得分")
#: A score the finance bureau gives the form beside the unit's own (财政审核评分): not the self-evaluation's.
_REVIEW_SCORE = re.compile(r"(财政)?(审核|复核|评审|核定)(评分|得分)")

#: A template's placeholder for an indicator (指标1：, 指标2：), and what a cell left unfilled holds.
_PLACEHOLDER = re.compile(r"指标[0-9一二三四五六七八九十]+[：:]?")
#: A score cell saying the indicator does not apply (不适用, 不考核): it is not scored.
NOT_APPLICABLE = re.compile(r"[（(]?(不适用|不考核|不予考核|不涉及)[）)]?")
#: A form's rule that rescales the applicable scores to 100 where an indicator does not apply
#: (“不适用……不予考核，总分按适用指标得分汇总后折算为百分制”; “对于不适用评价对象的指标，不考核该指标，
#: 用适用指标得分汇总后按百分制对该项目折算计分”).
RESCALING = re.compile(r"不适用.{0,40}?(折算|换算|折合).{0,10}?(百分制|100分)"
                       r"|不适用.{0,40}?(百分制|100分制).{0,8}?(折算|换算|折合|计分)")
#: The grade written in the total row after the score: 优, 良好, 自评等级：良.
_ROW_GRADE = re.compile(r"(?:(?:自评|评价|绩效)?等级[：:]?)?(?P<g>优秀|良好|合格|不合格|中等|较差|一般|优|良|中|差)")
_NOT_FILLED = ("/", "／", "—", "-", "－", "——", "无")

#: Why a number of the funding block stays for the reviewer: its column has no field (项目期总预算,
#: 累计执行数 of a multi-year project).
_NO_COLUMN = "自评表“{}”一栏在内容模型中没有对应字段"

#: The label of a form's row naming its project: 项目名称, 转移支付（项目）名称, 转移支付名称.
_PROJECT_LABEL = re.compile(r"(项目|转移支付[（(]项目[）)]|转移支付|专项资金)名称[：:]?")
#: A project's code in a budget system, written before its name: long, of digits with letters among them.
_PROJECT_CODE = re.compile(r"^(?=[0-9A-Za-z]*[0-9]{8})[0-9]+[A-Za-z][0-9A-Za-z]{8,}\s*[-－—–]\s*(?=\S)")


def _project_of(rows: list[tuple[Cell, ...]]) -> str | None:
    """The project a 项目支出绩效自评表 names in its 项目名称 row (the first text after the label);
    a 转移支付 form names its transfer so (转移支付（项目）名称)."""
    for row in rows[:4]:
        labels = [label_of(c) for c in row]
        for k, label in enumerate(labels):
            if _PROJECT_LABEL.fullmatch(label.replace(" ", "")):
                name = next((c.text.strip() for c in row[k + 1:] if c.text.strip()), "")
                # the project's code in the budget system before its name (Sichuan's 一体化 system:
                # 51092323R000004120168-工资性支出): the name is the project's, the code no figure
                return _PROJECT_CODE.sub("", name) or None
    return None
