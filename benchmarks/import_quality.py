"""How well `build.py import` drafts reports it was not written for (issue 19).

    .venv/bin/python benchmarks/import_quality.py                # the development fixtures
    .venv/bin/python benchmarks/import_quality.py --heldout      # the held-out ones: score only at the end
    .venv/bin/python benchmarks/import_quality.py --show 01      # every figure of one report and its verdict

Each fixture under tests/fixtures/import/{dev,heldout}/ is a report as a department publishes
it (.txt, .docx, .xlsx or .pdf) and a key of every number it prints (its README says how the
key is written). The report goes through the importer as `build.py import` reads it; each
stated figure of the key is then found in the text the importer keeps (the n-th time its
printed value occurs, numbers found as the key's own tokenizer finds them; the numbers a tracked
deletion holds, which the key lists as 修订删除, are not in the final text the importer reads) and is

- RIGHT when a figure the draft places from it means what the key says it means (below),
- WRONG when the draft places it with another meaning,
- UNPLACED when the draft lists it under `unplaced:`,
- MISSING otherwise (the file could not be read, or the number was passed over).

A number the key says is not a figure (科目编码, 行次, a threshold in a name …) that the draft
places is counted as WRONG too (`not-figures placed`).

A work statistic (`work_stats:`, a count the report names in its own words) means what the
key says when its name and the key's row share a run of three characters (two for a short
row) and the key's column is the count itself, not a target, weight, score, share or change.

What a placed figure means is read from the draft: the name of the row it sits on (the
`name` of its line, project or indicator path, or its field's Chinese label) and its stage or
column (`actual` 决算数/执行数, `budget_initial` 年初预算数 …). It means what the key says when
the row names agree (ordinals, 科目编码 and spaces aside; one may contain the other) and the
stage is one the key's column names, and it is filed where the key's table belongs: a figure of
a project's 自评表 under that project's self-evaluation (`project_performance`, the project's
name agreeing), not the department's. In a table of many projects' forms, a key row naming a project (its `project` the same) is
that project's own: its 预算执行 分值 and 得分 and its total score mean it. A key row 项目资金 (in a project's own report) is the
draft's line for that project, and in such a report (key kind project_self_evaluation) so is a
table's 合计 (the project's money by source, summed), and a narrative
figure may stand with the project's self-evaluation. A count among a project's `stats` (the results of
a summary sheet's row) is judged as a work statistic is, against the last part of the key's row, and
must stand under the project the key's row names first. A project group's `total` is the key's row
合计 (or 总计). A key row naming the department itself (the key's `department`) is the department's
own self-evaluation: a `performance` field whose stage or name the key's column words. The
department's 预算执行 named 年度资金总额 is also the key's row 部门预算 or 部门整体支出, and the row 合计 (支出合计) of a
table of the budget's execution or of a part on the self-evaluation (预算绩效自评情况: 全年预算…，全年执行…) or on the
department's spending as a whole (部门整体支出情况). A number inside a goal's text (the form's 年度总体目标 cell,
drafted whole as `goals[].target` or `.result`) means what the key says when the key's column is
that cell's (预期目标, 实际完成情况), whatever indicator the key names it by. A key that writes a
table with its stages as rows and its items as columns (a chart's series as rows) is read the
other way round as well. A point of the year's spending progress (`progress`) means the key's row
naming its period (一季度末) under a column of what it is (累计支出, 支出进度, 序时进度要求), or the key's
column naming it (分季度执行数 / 一季度, 第一季度执行数) on the row whose progress it is, or, for the
rate, on the row 累计支出进度; its score, the key's row 一季度进度 under 得分. The comparison is
deliberately plain; its verdicts on a
report are printed with `--show`, to be read, not trusted blindly.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(FIXTURES))

from fixturelib.model import tokens  # noqa: E402  (the key's own tokenizer)

from generator.importer import ImportRefused, draft  # noqa: E402
from generator.importer.read import read_path  # noqa: E402

#: The key's column words each draft field stands for.
STAGES = {
    "actual": ("决算", "执行数", "金额", "实际", "完成值", "本年", "合计", "小计", "支出", "收入", "年末数"),
    "budget_initial": ("年初预算",),
    "adjustment": ("年中调整", "年中追加", "年中调减", "调整数", "追加数"),
    "budget_full": ("全年预算", "调整后预算", "调整预算", "批复", "分配资金"),
    "budget": ("预算数", "预算", "资金计划"),
    "prior": ("上年", "2022年", "2021年", "2020年", "2019年", "2016年"),
    "change": ("增减额", "增减", "增加", "减少"),
    "change_rate": ("增减率", "增长", "下降"),
    "share": ("占", "比例", "比重"),
    "execution_rate": ("执行率", "支出率", "完成预算", "完成年初预算"),
    "score_rate": ("得分率", "得分系数"),
    "target_initial": ("年初指标值", "年初目标"),
    "target": ("指标值", "年度指标值", "目标值", "预期", "目标设定", "年初设定目标", "计划目标"),
    "result": ("实际完成", "完成情况"),
    "weight": ("分值", "权重", "满分"),
    "score": ("得分", "总分", "分数"),
    "value": ("数量", "完成值", "实际完成", "决算数", "年末数", "数"),
    "count": ("数量", "人数", "编制", "实有", "数"),
}
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．]|其中[:：]?)\s*")
_CODE = re.compile(r"^[0-9]{3,7}\s*")


def norm(name: str) -> str:
    name = name.strip()
    for _ in range(3):
        name = _ORDINAL.sub("", _CODE.sub("", name)).strip()
    return re.sub(r"[\s“”\"'：:（）()、，,]", "", name)


@dataclass
class Score:
    report: str
    stated: int = 0
    right: int = 0
    wrong: int = 0
    unplaced: int = 0
    missing: int = 0
    nonfigures_placed: int = 0
    refused: str = ""
    lines: list[str] = field(default_factory=list)

    def share(self, n: int) -> str:
        return f"{n / self.stated:.0%}" if self.stated else "–"


def report_file(folder: Path) -> Path:
    files = [p for p in folder.iterdir() if p.name != "key.yaml"]
    assert len(files) == 1, files
    return files[0]


def _meaning(loc: tuple, tree: object) -> tuple[str, str]:
    """(row name, field) of a placed figure: the nearest `name` (or indicator path) on its way."""
    node, names = tree, []
    for step in loc[:-1]:
        node = node[step] if isinstance(node, (list, dict)) else None
        if isinstance(node, dict):
            if "level1" in node or "level2" in node:
                names.append(" / ".join(str(node.get(k) or "") for k in ("level1", "level2", "name")))
            elif "name" in node:
                names.append(str(node["name"]))
            elif "scope" in node:  # an account: its scope goes before its lines' names
                names.append("scope:" + str(node["scope"]))
    last = loc[-1]
    if "goals" in loc:  # a 年度总体目标 kept as the table words it, its numbers with it
        return GOAL_ROW, str(last)
    field_at = len(loc) - 1
    if isinstance(last, int):  # a listed statement of the field before it
        field_at = max(k for k, s in enumerate(loc) if isinstance(s, str))
        last = loc[field_at]
    if "progress" in loc:  # a point of the year's progress: its period, and the row it is the progress of
        owner = names[-2] if len(names) >= 2 else "年度资金总额"
        return f"progress:{owner}:{names[-1] if names else ''}", str(last)
    if "budget_execution" in loc and last in ("weight", "score") and "items" not in loc:
        # the 预算执行 block's own weight and score are those of 预算执行(率) as a 一级 item
        node = tree
        for step in loc[:loc.index("budget_execution") + 1]:
            node = node[step]
        return f"{node.get('name') or '年度资金总额'}§预算执行情况§预算执行率", str(last)
    if loc[:2] == ("performance", "parts") and last in ("weight", "score"):
        return "part:" + names[-1], str(last)  # one table of a form in several: its 合计
    if loc[:2] == ("performance", "evaluated_execution"):
        return "evaluated_execution", str(last)  # the funds evaluated, at the stage the report says
    if loc[:field_at] in (("performance",), ("project_performance", loc[1] if len(loc) > 1 else None),
                          ("staffing",), ("organization",)):
        return str(last), str(last)  # a field of the self-evaluation itself: its score, its total …
    if loc[0] == "sangong" and len(loc) > 2 and loc[1] in SANGONG_ROWS:
        return f"sangong.{loc[1]}", str(last)
    if loc[0] in BLOCK_ROWS and len(loc) > 1 and loc[1] == "total":
        return f"block.{loc[0]}", str(last)
    if loc[:2] == ("performance", "budget_execution") and len(loc) == 4 and names[-1:] == ["年度资金总额"]:
        return "年度资金总额§部门预算§部门整体支出", str(last)  # the department's funds for the year, by any name
    if len(names) >= 2 and names[-2].startswith("scope:"):
        return names[-1] + "§" + names[-2][6:] + names[-1], str(last)  # the name, or scope and name
    names = [n for n in names if not n.startswith("scope:")]
    return (names[-1] if names else str(loc[-2] if len(loc) > 1 else loc[0])), str(last)


#: Fields placed outside any named row, and the row words of the key they stand for.
FIELD_ROWS = {"score": ("总分", "得分", "自评", "综合", "合计"), "total_weight": ("总分", "满分", "合计"),
              "score_rate": ("总分", "合计", "综合"),
              "indicators_weight": ("绩效指标", "指标"), "grade": ("等级",),
              "authorized": ("编制",), "actual_end": ("实有", "在职"), "actual_start": ("实有",), "retired": ("离退休",),
              "control_rate": ("控制率",),
              "internal_units_count": ("内设",), "subordinate_units_count": ("所属", "下属"),
              "vehicles": ("车辆", "公务用车"), "total_staff": ("人员",),
              "evaluated_funds": ("绩效自评", "自评的项目资金", "涉及资金"),
              "evaluated_funds_share": ("绩效自评", "涉及资金")}
#: The blocks whose total carries no name: the words of the key's row for it.
#: (机构运行经费: the 2022 决算 templates' name for 机关运行经费.)
BLOCK_ROWS = {"operating_costs": ("机关运行经费", "机构运行经费"), "procurement": ("政府采购",), "assets": ("资产",)}
#: The parts of 三公经费 (sangong.*), which carry no name of their own.
SANGONG_ROWS = {"total": ("三公", "合计"), "overseas": ("因公出国", "出国经费", "出国（境）"),
                "vehicles": ("公务用车购置及运行", "公务用车购置和运行", "公务用车购置和维护", "公务用车购置及维护"),
                "vehicle_purchase": ("公务用车购置", "公车购置", "车辆购置"),
                "vehicle_operation": ("公务用车运行", "公车运行", "车辆运行"),
                "reception": ("公务接待",)}
#: Staffing counts, whose measure a table may name in its column (a row 人数, a column 编制数).
STAFF_FIELDS = ("authorized", "actual_end", "actual_start", "retired", "control_rate")
#: Where a draft keeps the numbers of a date, the report's year or a text (an indicator's target
#: 2023年12月前完工): the key counts the numbers inside them as not figures.
DATE_FIELDS = ("documents", "year", "text")


def _table_means(loc: tuple, tree: dict, where: dict) -> bool:
    """A cell of a published table: the same table (its number or title in the key's part), row
    (name, code aside) and column (header path)."""
    table = tree["tables"][loc[1]]
    row = table["rows"][loc[3]]
    column = table["columns"][loc[5]]["name"]
    part = str(where.get("part", ""))
    # (a title's year is no part of which table it is: 2023年度支出决算（按功能分类）)
    names = [norm(re.sub(r"^[0-9]{4}年度?", "", str(table.get(k) or ""))) for k in ("label", "title")]
    same_table = any(name and name in norm(part) for name in names)
    key_row, mine = norm(str(where.get("row", ""))), norm(str(row.get("name", "")))
    same_row = bool(mine) and (mine == key_row or key_row.endswith(mine) or mine.endswith(key_row)
                               # a table's one unlabelled row, named by the table's title
                               or (len(table["rows"]) == 1 and mine.startswith(key_row)))
    key_col, col = norm(str(where.get("column", ""))), norm(str(column))
    same_col = bool(col) and (col == key_col or key_col.endswith(col) or col.endswith(key_col))
    return same_table and same_row and same_col


#: The draft's row for a goal's text (goals[].target / result), by any of the forms' names.
GOAL_ROW = "年度总体目标§年度目标完成情况§年度目标§年度绩效目标"


def _transposed(where: dict) -> dict:
    """A key written with the stages as rows and the items as columns (a chart's series as its rows:
    row 年初预算数, column 基本支出) read the other way round; the same where, if it is not."""
    row, column = str(where.get("row", "")), str(where.get("column", ""))
    stage_words = [w for words in STAGES.values() for w in words if len(w) >= 3]
    if any(w in row for w in stage_words) and not any(w in column for w in stage_words):
        return {**where, "row": column, "column": row}
    return where


#: The key's words for the fields of a point of the year's progress (progress[]).
PROGRESS_WORDS = {"spent": ("执行数", "支出", "支付"), "spent_to_date": ("累计支出", "累计执行", "累计支付"),
                  "rate": ("支出进度", "执行进度", "支付进度"), "required": ("序时进度",),
                  "weight": ("分值",), "score": ("得分",)}
#: A whole's row as a key names it: the block's total.
WHOLE_ROWS = ("合计", "总计", "资金总额", "年度资金总额", "项目资金", "部门预算")


def _progress_means(row: str, stage: str, where: dict) -> bool:
    """A point of the year's progress (progress:<row>:<period>): the key's row the period (一季度末)
    and its column the field (累计支出, 支出进度, 序时进度要求); or the key's column the period (分季度执行数 /
    一季度, 第一季度执行数) and its row the row whose progress it is (合计, a source) or, for the rate, the
    row of the cumulative progress (累计支出进度); or the key's row the period's progress (一季度进度) and
    its column 得分 or 分值."""
    _, owner, period = row.split(":", 2)
    words = PROGRESS_WORDS.get(stage, ())
    key_row, key_col = norm(str(where.get("row", ""))), norm(str(where.get("column", "")))
    if not period or not key_row:
        return False
    period = norm(period)
    if key_row == period:
        return any(w in key_col for w in words)
    if key_row == period + "进度" or key_row == period.removesuffix("末") + "进度":
        return stage in ("score", "weight") and any(w in key_col for w in words)
    column_period = norm(str(where.get("column", "")).split("/")[-1])
    if not (column_period == period or key_col.startswith(period) or key_col.startswith("第" + period)
            or period.startswith("第") and key_col.startswith(period[1:])):
        return False
    if stage == "rate":
        return any(w in key_row for w in words)
    mine = norm(owner)
    same = mine == key_row or (mine in WHOLE_ROWS and key_row in WHOLE_ROWS)
    return stage == "spent" and same and (any(w in key_col for w in words) or column_period == period)


def _means(row: str, stage: str, where: dict) -> bool:
    if row.startswith("progress:"):
        return _progress_means(row, stage, where)
    if row == GOAL_ROW and stage in ("target", "result") and \
            any(w in str(where.get("column", "")) for w in STAGES[stage]):
        return True  # a number in the goal's text: one cell of the form, whatever indicator the key names it by
    if row == "年度资金总额§部门预算§部门整体支出" and norm(str(where.get("row", ""))) in ("合计", "支出合计") \
            and re.search("预算执行|预算收支|预算支出|绩效自评|整体支出", str(where.get("part", ""))):
        row = norm(str(where.get("row", "")))  # the total of a table of the budget's execution is the whole
    if "§" in row:
        return any(_means(alternative, stage, where) for alternative in row.split("§"))
    key_row, key_col = norm(str(where.get("row", ""))), str(where.get("column", ""))
    if row.startswith("part:"):  # a table's 合计: the key's 合计 row in the part that table is
        title, part = norm(row[5:]), norm(str(where.get("part", "")))
        words = STAGES.get(stage)
        return key_row in ("合计", "小计", "总计") and bool(part) and (part in title or title in part) \
            and (words is None or any(w in key_col for w in words))
    if row == "evaluated_execution":  # the key's row for the funds evaluated, its column the stage
        words = STAGES.get(stage)
        return (any(w in key_row for w in FIELD_ROWS["evaluated_funds"])
                and (words is None or any(w in key_col for w in words)))
    if row in FIELD_ROWS:  # the key's row must name it (a 一级 indicator's 得分 is not the total score)
        return any(w in key_row + (norm(key_col) if row in STAFF_FIELDS else "") for w in FIELD_ROWS[row])
    kind, _, part = row.partition(".")
    if kind in ("block", "sangong"):  # a part without a name of its own (_meaning): the key's words for it
        words = STAGES.get(stage)
        return (any(w in key_row for w in (BLOCK_ROWS if kind == "block" else SANGONG_ROWS)[part])
                and (words is None or any(w in key_col for w in words)))
    mine = norm(row)
    if not mine or not key_row:
        return False
    parts = [norm(p) for p in str(where.get("row", "")).split("/")]
    same_row = mine == key_row or mine in key_row or key_row in mine or mine in parts or (parts and parts[-1] in mine)
    if not same_row:
        return False
    words = STAGES.get(stage)
    return words is None or any(w in key_col for w in words) or (stage == "actual" and not key_col)


#: A key's row for the money of the project a project's own report is about.
PROJECT_MONEY = ("项目资金", "项目经费", "项目", "项目支出", "资金总额", "年度资金总额")


def _project_means(loc: tuple, stage: str, where: dict, kind: str = "") -> bool:
    """A key row 项目资金 (the money of the report's project) and a figure on the draft's line for
    that project itself (projects.<group>.items.<n>.<stage>), at a stage the key's column names; in a
    project's own report, a table's 合计 (of the project's money by source) is the project's too."""
    # (项目实际支出: the project's money, named with its stage)
    row = norm(str(where.get("row", "")))
    own_total = kind == "project_self_evaluation" and row in ("合计", "总计")
    if not (loc[0] == "projects" and len(loc) in (5, 6) and loc[2] == "items") or \
            row.replace("实际", "") not in PROJECT_MONEY and not own_total:
        return False
    words = STAGES.get(stage)
    return words is None or any(w in str(where.get("column", "")) for w in words)


def _project_row_means(loc: tuple, stage: str, tree: dict, where: dict) -> bool:
    """A table of many projects' forms, a row a project: the key's row naming the project (and its
    `project` the same) is that project's own, so a field of its self-evaluation (its 预算执行's
    分值 and 得分, its 项目自评得分) means it when the key's column names the stage."""
    if loc[0] != "project_performance" or "indicators" in loc or "items" in loc:
        return False
    # (a project named in prose with the word 项目 after it, 肉牛良种补贴及畜牧业发展项目自评得分…, is the
    # project the key names without it)
    name = re.sub("项目$", "", norm(str(tree["project_performance"][loc[1]].get("name", ""))))
    if not name or re.sub("项目$", "", norm(str(where.get("row", "")))) != name \
            or re.sub("项目$", "", norm(str(where.get("project", name)))) != name:
        return False
    words = STAGES.get(stage)
    return words is not None and any(w in str(where.get("column", "")) for w in words)


def _project_stat_means(loc: tuple, name: str, stage: str, tree: dict, where: dict) -> bool:
    """A count among a project's `stats`: a work statistic of the project the key's row names first
    (or, in a table of counts by project, a row the project and its column what is counted; or, the
    key's column the project's results in words, 主要绩效目标完成情况, any count of that project)."""
    parts = [p.strip() for p in str(where.get("row", "")).split("/")]
    results = len(parts) < 2 and re.search(r"完成情况|主要产出|主要成效|产出.*效益", str(where.get("column", "")))
    if len(parts) < 2:
        column = str(where.get("column", ""))
        parts, where = [parts[0], column], {**where, "column": column}
    node: object = tree
    for step in loc[:loc.index("stats")]:
        node = node[step]  # type: ignore[index]
    project = norm(str(node.get("name", ""))) if isinstance(node, dict) else ""
    owner = norm(parts[0])
    if not project or not (project in owner or owner in project):
        return False
    if results:
        return True  # a count in the project's results in words, which the key does not name
    return _stat_means(name, {**where, "row": parts[-1]}, stage)


def _group_total_means(loc: tuple, stage: str, where: dict) -> bool:
    """A project group's stated total (projects.<n>.total) and the key's row 合计."""
    if not (loc[0] == "projects" and len(loc) >= 4 and loc[2] == "total"):
        return False
    if norm(str(where.get("row", ""))) not in ("合计", "总计"):
        return False
    words = STAGES.get(stage)
    return words is None or any(w in str(where.get("column", "")) for w in words)


def _own_means(loc: tuple, stage: str, where: dict, department: str) -> bool:
    """A key row naming the department itself: a field of the department's own self-evaluation."""
    if loc[0] != "performance" or not department or norm(str(where.get("row", ""))) != norm(department):
        return False
    words = STAGES.get(stage)
    return words is not None and any(w in str(where.get("column", "")) for w in words)


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters two names share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


#: The key's columns a work statistic's change on last year means: its change (in its own unit, or
#: in 百分点 of a rate) and its change rate.
STAT_CHANGE_COLUMNS = {"change": ("比上年增减", "比上年增减额"), "change_rate": ("比上年增减率",)}


def _stat_means(name: str, where: dict, stage: str = "value") -> bool:
    """A work statistic (a named count): its name shares a run of three characters with the key's
    row (two for a row of four or fewer; of a row written `stage / count`, its last part), and the
    key's column is the count itself, not its target, weight, score, share or change; its stated
    change (`change`, `change_rate`) is the key's column 比上年增减 (…额) or 比上年增减率, and only that."""
    # (a row of a table's row: 初稿编写 / 初稿, the stage and the count of it, judged by the last part)
    key_row, key_col = norm(str(where.get("row", "")).split(" / ")[-1]), str(where.get("column", ""))
    if stage in STAT_CHANGE_COLUMNS:
        if norm(key_col) not in STAT_CHANGE_COLUMNS[stage]:
            return False
    elif re.search(r"分值|得分|权重|比例|占|增减|指标值|目标(?!完成)|比上年", key_col):
        return False
    need = 2 if len(key_row) <= 4 else 3
    return _common(norm(name), key_row) >= need


def _area(loc: tuple, where: dict, tree: dict, kind: str = "") -> bool:
    """A figure of a project's 自评表 belongs to that project's self-evaluation (its name as the
    key gives it), not to the department's; one of the department's, not to a project's."""
    project = where.get("project")
    if project:
        if loc[0] != "project_performance":
            return False
        name = str((tree.get("project_performance") or [{}])[loc[1]].get("name") or "")
        return bool(name) and (norm(name) in norm(project) or norm(project) in norm(name))
    if kind == "project_self_evaluation":  # a project's own report: its narrative is the project's
        return True
    return loc[0] != "project_performance" or "项目" in str(where.get("part", "")) + str(where.get("row", ""))


#: A key's reason for a number only a tracked deletion holds.
DELETED = "修订删除"


def score(folder: Path, show: bool = False) -> Score:
    key = yaml.safe_load((folder / "key.yaml").read_text(encoding="utf-8"))
    out = Score(folder.name)
    figures = key.get("figures") or []
    out.stated = len(figures)
    try:
        text, blocks = read_path(report_file(folder))
    except ImportRefused as err:
        out.refused = str(err)
        out.missing = out.stated
        return out
    result = draft(blocks, int(key["year"]))
    try:
        tree = yaml.safe_load(result.yaml.split("\nunplaced:")[0]) or {}
    except yaml.YAMLError as err:  # a draft that does not load is no draft: every figure missing
        out.refused = f"draft does not load: {str(err).splitlines()[0]}"
        out.missing = out.stated
        return out
    spans = []
    for placed in result.placed:
        row, stage = _meaning(placed.loc, tree)
        loc = placed.loc if placed.stmt.kind not in ("text", "date") else ("text", *placed.loc)
        spans.append((placed.stmt.span, row, stage, loc))
        for _, span in placed.stmt.also:
            spans.append((span, row, stage, loc))
    loose = [item.span for item in result.loose]
    seen: dict[str, int] = {}
    where_of: dict[tuple[str, int], tuple[int, int]] = {}
    for start, end, value in tokens(text):
        seen[value] = seen.get(value, 0) + 1
        where_of[(value, seen[value])] = (start, end)
    year = int(key["year"])
    # the numbers a tracked deletion holds (修订删除) are no part of the final text the importer
    # reads: an occurrence after them is that many fewer in the kept text
    deleted: dict[str, list[int]] = {}
    for entry in key.get("not_figures") or []:
        if entry.get("why") == DELETED:
            deleted.setdefault(str(entry["value"]), []).extend(int(n) for n in entry.get("occurrences", [1]))

    def kept(value: str, n: int) -> int:
        """The n-th occurrence of a value in the printed file, as counted in the kept text."""
        return n - sum(1 for d in deleted.get(value, []) if d < n)

    for figure in figures:
        value, n = str(figure["value"]), int(figure.get("occurrence", 1))
        n = kept(value, n)
        # a column headed by the year alone (与上年对比: 2023年 | 2022年) is this year's or last year's
        # (its unit in brackets aside: 2023年（万元）)
        column = re.sub(r"[（(](?:万元|元)[）)]$", "", str(figure["where"].get("column", "")))
        if re.fullmatch(rf"{year}年度?", column) or re.fullmatch(rf"{year - 1}年度?", column):
            figure = {**figure, "where": {**figure["where"],
                                          "column": "本年" if column.startswith(str(year)) else "上年"}}
        at = where_of.get((value, n))
        verdict = "missing"
        mine = []
        if at is not None:
            mine = [(row, stage, loc[1:] if loc[0] == "text" else loc) for (s, e), row, stage, loc in spans
                    if s <= at[0] and at[1] <= e]
            if mine:
                verdict = "right" if any(
                    _table_means(loc, tree, figure["where"]) if loc[0] == "tables" else
                    _stat_means(row, figure["where"], stage) if loc[0] == "work_stats" or loc[:2] == ("assets", "stats") else
                    _project_stat_means(loc, row, stage, tree, figure["where"]) if "stats" in loc[:-1] and loc[0] == "projects" else
                    _group_total_means(loc, stage, figure["where"]) or
                    _own_means(loc, stage, figure["where"], str(key.get("department", ""))) or
                    _project_means(loc, stage, figure["where"], str(key.get("kind", ""))) or
                    _project_row_means(loc, stage, tree, figure["where"]) or
                    (_means(row, stage, figure["where"]) or _means(row, stage, _transposed(figure["where"])))
                    and _area(loc, figure["where"], tree, str(key.get("kind", "")))
                    for row, stage, loc in mine) else "wrong"
            elif any(s <= at[0] and at[1] <= e for s, e in loose):
                verdict = "unplaced"
        setattr(out, verdict, getattr(out, verdict) + 1)
        if show:
            got = "; ".join(f"{'.'.join(map(str, loc))} ({row})" for row, _, loc in mine)
            out.lines.append(f"{verdict:8} {value:>14} {figure['where']} {('← ' + got) if got else ''}")
    for entry in key.get("not_figures") or []:
        if entry.get("why") == DELETED:
            continue
        for n in entry.get("occurrences", [1]):
            n = kept(str(entry["value"]), int(n))
            at = where_of.get((str(entry["value"]), n))
            if at and any(s <= at[0] and at[1] <= e for (s, e), _, _, loc in spans if loc[0] not in DATE_FIELDS):
                out.nonfigures_placed += 1
                if show:
                    out.lines.append(f"not-fig  {entry['value']:>14} ({entry.get('why')}) placed")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heldout", action="store_true", help="score the held-out fixtures (only at the end)")
    sets = [f"heldout{n}" for n in range(2, 25)]
    for name in sets:
        parser.add_argument(f"--{name}", action="store_true", help=f"score the sealed set {name}/ (only at the end)")
    parser.add_argument("--show", help="print every figure's verdict for the fixtures whose name starts so")
    args = parser.parse_args()
    chosen = [name for name in sets if getattr(args, name)] or (["heldout"] if args.heldout else ["dev"])
    folder = FIXTURES / chosen[-1]
    if not folder.is_dir():
        parser.error(f"no fixture set {folder.name}/")
    scores = []
    for report in sorted(p for p in folder.iterdir() if p.is_dir()):
        show = bool(args.show) and report.name.startswith(args.show)
        scores.append(score(report, show))
        for line in scores[-1].lines:
            print(line)
    print("\n| report | stated | right | wrong | unplaced | missing | not-figures placed |\n|---|---:|---:|---:|---:|---:|---:|")
    total = Score("all")
    for s in scores:
        print(f"| {s.report} | {s.stated} | {s.share(s.right)} | {s.share(s.wrong)} | {s.share(s.unplaced)} | "
              f"{s.share(s.missing)} | {s.nonfigures_placed} |" + (f" refused: {s.refused}" if s.refused else ""))
        for name in ("stated", "right", "wrong", "unplaced", "missing", "nonfigures_placed"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    print(f"| **all** | {total.stated} | {total.share(total.right)} | {total.share(total.wrong)} | "
          f"{total.share(total.unplaced)} | {total.share(total.missing)} | {total.nonfigures_placed} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
