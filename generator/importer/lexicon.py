"""What the words of these reports mean: row names, stages, relations between figures.

A row name places a figure only when it is one of the names the 部门决算 and 绩效
自评 templates use (收入合计, 基本支出, 公务接待费 …); any other name is placed only as a
part of a named row stated just before it (其中、分别为), and otherwise left unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import norm


@dataclass(frozen=True)
class Row:
    """Where a named row goes: the area (top-level key) and its steps below it.

    A step is a mapping key (`total`, `reception`) or `list=name` for an entry of a list
    identified by its name (`by_nature=基本支出`).
    """

    area: str
    steps: tuple[str, ...]
    name: str = ""

    def child(self, list_key: str, name: str) -> Row:
        return Row(self.area, (*self.steps, f"{list_key}={name}"), name)

    @property
    def is_total(self) -> bool:
        return self.steps[-1:] == ("total",)


# Names are matched after norm(): no spaces, half-width brackets, no quotes.
_INCOME_TOTAL = re.compile(r"(本年)?(财政)?(收入(合计|总计)?|总收入)")
_EXPENDITURE_TOTAL = re.compile(r"(本年)?(支出(合计|总计)|总支出)")
_INCOME_SOURCES = re.compile(
    r"财政拨款(收入)?|一般公共预算(财政拨款)?(收入|拨款)?|政府性基金(预算)?(财政拨款)?(收入|拨款)?"
    r"|国有资本经营(预算)?(收入|拨款)?|上级补助收入|事业收入|(事业单位)?经营收入|附属单位(上)?缴(款)?收入"
    r"|其他收入|纳入专户管理的非税收入(拨款)?|其他资金")
_INCOME_RELATED = re.compile(r"年初(财政拨款)?结转和?结余|上年结转(和结余)?")
_NATURE = re.compile(r"(基本支出|项目支出)")
_EXPENDITURE_RELATED = re.compile(r"年末(财政拨款)?结转和?结余")
_BASIC_PARTS = re.compile(r"人员经费(支出)?|(日常)?公用经费(支出)?")
_ECONOMIC = re.compile(r"工资福利支出|(一般)?商品和服务支出|对个人和家庭(的)?补助(支出)?|(其他)?资本性支出")

# 政府收支分类科目“类”, for by_function rows written “一般公共服务(类)支出”.
FUNCTION_CODES: dict[str, str] = {
    "一般公共服务": "201", "外交": "202", "国防": "203", "公共安全": "204", "教育": "205",
    "科学技术": "206", "文化旅游体育与传媒": "207", "社会保障和就业": "208", "卫生健康": "210",
    "节能环保": "211", "城乡社区": "212", "农林水": "213", "交通运输": "214", "资源勘探信息等": "215",
    "商业服务业等": "216", "金融": "217", "援助其他地区": "219", "自然资源海洋气象等": "220",
    "住房保障": "221", "粮油物资储备": "222", "国有资本经营预算": "223", "灾害防治及应急管理": "224",
    "其他": "229", "债务还本": "231", "债务付息": "232", "抗疫特别国债安排": "234",
}
_FUNCTION = re.compile(r"(?P<name>[^()]{2,12})\(类\)(支出)?")
# A 项 (or 款) of the classification named down from its 类, as the 决算 template's (三) writes each
# one: “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”.
_FUNCTION_PATH = re.compile(  # (a name may hold a bracket of its own: 政府办公厅(室)及相关机构事务)
    r"(?P<cls>[^()]{2,16})\(类\)(?P<kuan>(?:[^()]|\((?![类款项]\))[^()]{1,4}\)){2,30})\(款\)"
    r"(?:(?P<xiang>(?:[^()]|\((?![类款项]\))[^()]{1,4}\)){2,36})\(项\))?")

_SANGONG: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"((一般公共预算)?财政拨款(安排的)?)?[“]?三公[”]?经费(全年)?(一般公共预算)?(财政拨款)?(支出)?(合计|总额)?"),
     "total"),
    (re.compile(r"因公出国\(境\)(经)?费(用)?(支出)?|出国经费"), "overseas"),
    (re.compile(r"公务用车购置(及|和)运行(维护)?(费|经费)(支出)?|公务用车购置和维护经费"), "vehicles"),
    (re.compile(r"(公务用车|公车)购置(费)?(支出)?"), "vehicle_purchase"),
    (re.compile(r"(公务用车|公车)运行(维护)?(费)?(支出)?"), "vehicle_operation"),
    (re.compile(r"公务接待(费)?(支出)?"), "reception"),
]
_RECEPTION_ITEMS = re.compile(r"(国内接待费|国\(境\)外接待费|外事接待费)(支出)?")

_BLOCKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(机关|机构)运行经费(支出)?"), "operating_costs"),  # (机构: the 2022 templates' name)
    (re.compile(r"资产总额"), "assets"),
    (re.compile(r"(部门)?政府采购(支出)?(总额)?|政府采购金额"), "procurement"),
]
_ASSET_ITEMS = re.compile(r"流动资产|固定资产|对外投资及有价证券|对外投资/有价证券|在建工程|无形资产|其他资产")
_PROCUREMENT_ITEMS = re.compile(r"政府采购(?P<kind>货物|工程|服务)支出")
_PROCUREMENT_RELATED = re.compile(r"授予中小企业合同金额")

# Scopes of funds, as the headings and sentences name them.
SCOPES = re.compile(r"一般公共预算(财政拨款)?|政府性基金预算(财政拨款)?|国有资本经营预算(财政拨款)?|社会保险基金预算")


def full(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.fullmatch(text) is not None


def income_row(name: str) -> Row | None:
    if full(_INCOME_TOTAL, name):
        return Row("income", ("total",), name)
    if full(_INCOME_SOURCES, name):
        return Row("income", (f"by_source={name}",), name)
    if full(_INCOME_RELATED, name):
        return Row("income", (f"related={name}",), name)
    return None


def expenditure_row(name: str) -> Row | None:
    if full(_EXPENDITURE_TOTAL, name):
        return Row("expenditure", ("total",), name)
    if full(_NATURE, name):
        return Row("expenditure", (f"by_nature={name}",), name)
    if full(_EXPENDITURE_RELATED, name):
        return Row("expenditure", (f"related={name}",), name)
    if full(_BASIC_PARTS, name):
        part = "人员经费" if "人员" in name else "公用经费"
        return Row("expenditure", ("by_nature=基本支出", f"items={part}"), name)
    if full(_ECONOMIC, name):
        return Row("expenditure", (f"by_economic={name}",), name)
    path = _FUNCTION_PATH.fullmatch(name)
    if path:
        steps = [f"by_function={path.group('cls')}(类)", f"items={path.group('kuan')}"]
        if path.group("xiang"):
            steps.append(f"items={path.group('xiang')}")
        return Row("expenditure", tuple(steps), path.group("xiang") or path.group("kuan"))
    plain = re.fullmatch(r"(?P<name>.{2,12}?)的?支出", name)  # (抗疫特别国债安排的支出)
    if plain and plain.group("name") in FUNCTION_CODES and plain.group("name") not in ("其他", "国有资本经营预算"):
        # “社会保障和就业支出1,473,245.76元” (the classification's own names): a class by function
        return Row("expenditure", (f"by_function={name}(类)",), name)
    match = _FUNCTION.fullmatch(name)
    if match and match.group("name") in FUNCTION_CODES:
        return Row("expenditure", (f"by_function={match.group('name')}(类)",), f"{match.group('name')}(类)")
    return None


def sangong_row(name: str) -> Row | None:
    for pattern, key in _SANGONG:
        if full(pattern, name):
            return Row("sangong", (key,), name)
    if full(_RECEPTION_ITEMS, name):
        return Row("sangong", (f"reception_items={re.sub('支出$', '', name)}",), name)
    return None


def block_row(name: str) -> Row | None:
    for pattern, area in _BLOCKS:
        if full(pattern, name):
            return Row(area, ("total",), name)
    if full(_ASSET_ITEMS, name):
        return Row("assets", (f"items={name.replace('/', '及')}",), name)
    match = _PROCUREMENT_ITEMS.fullmatch(name)
    if match:
        return Row("procurement", (f"items={match.group('kind')}",), match.group("kind"))
    if full(_PROCUREMENT_RELATED, name):
        return Row("procurement", (f"related={name}",), name)
    return None


def known_row(name: str) -> Row | None:
    """The row a template name stands for, or None for any other name."""
    name = norm(name)
    for find in (income_row, expenditure_row, sangong_row, block_row):
        row = find(name)
        if row is not None:
            return row
    return None


_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_SUBJECT_PREFIX = re.compile(r"^.*?(局|中心|单位|部门|医院|学校|院|校|所|站|馆)(?=.{2,})")


def name_variants(name: str) -> list[str]:
    """A name and the template name it may end with: “政务中心基本支出”, “办公费、水电费等公用经费”."""
    out = [name, _PARENS.sub("", name)]
    if "等" in name:
        out.append(name.rsplit("等", 1)[1])
    prefix = _SUBJECT_PREFIX.match(norm(name))
    if prefix:
        out.append(norm(name)[prefix.end():])
    return [n for n in out if n]


def scope_of(text: str) -> str | None:
    """The scope of funds a heading or sentence names, e.g. 一般公共预算财政拨款."""
    match = SCOPES.search(norm(text))
    return match.group() if match else None


def scope_total(name: str) -> tuple[str, str] | None:
    """`一般公共预算财政拨款支出` and the like: the total of a scope's spending (scope, kind)."""
    name = norm(name)
    if not name.endswith(("支出", "收入")):
        return None
    match = SCOPES.fullmatch(name[:-2])
    if match:
        return match.group(), ("expenditure" if name.endswith("支出") else "income")
    if name[:-2] == "财政拨款" and name.endswith("支出"):
        return "财政拨款", "expenditure"  # “财政拨款支出248.70万元”: all 财政拨款 together (公开04表's scope)
    return None


# --- stages -----------------------------------------------------------------------------------

# Longest first: the first pattern found in a label gives the stage.
STAGE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"年初预算(数)?"), "budget_initial"),
    (re.compile(r"(全年|调整后|调整)预算(数)?"), "budget_full"),
    (re.compile(r"(?<!加)(上年(?!初|结转|结余)|上一年|去年)(决算)?(数)?"), "prior"),  # (not 加上年初结转: 加上 + 年初;
    # not 上年结转资金, the money carried over: this year's funds)
    # (“基本支出执行162.27万元”: 执行 right after the name of spending or of funds is what was spent;
    # not its 执行率, 执行进度, 执行情况)
    (re.compile(r"(支出)?决算(数)?|实际(支出|使用|开支|执行)|(全年)?执行数|全年执行(?!率)"
                r"|(?:(?<=支出)|(?<=经费)|(?<=资金))执行(?![率进情])"), "actual"),
    # (“财政拨款安排248.70万元”, “事业收入安排的支出”: spending paid from a source, not a budget)
    (re.compile(r"(支出)?预算(数|总额)?|(?<!收入)(?<!拨款)(?<!资金)安排"), "budget"),
]


def stage_in(label: str) -> tuple[str | None, str]:
    """The stage a label names and the label without it; scope names (一般公共预算) are not stages."""
    masked = SCOPES.sub(lambda m: "#" * len(m.group()), label)
    # Words of a function class name (“抗疫特别国债安排(类)”) are not stage words.
    masked = re.sub(r"[^，,；;:：#]{1,12}[（(]类[）)]", lambda m: "#" * len(m.group()), masked)
    for pattern, stage in STAGE_WORDS:
        match = pattern.search(masked)
        if match:
            return stage, label[:match.start()] + label[match.end():]
    return None, label


def mentions_budget(text: str) -> bool:
    """Whether a text speaks of budgets or execution at all (then an unmarked amount is not sure to be actual)."""
    masked = SCOPES.sub("", norm(text))
    return re.search(r"预算|决算|执行|完成率", masked) is not None
