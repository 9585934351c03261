"""A project's money by source or level of government (Project.by_source).

A project funded from several levels states its money once per level: 中央财政资金, 省级财政资金,
市（州）级财政资金, 县级财政资金 (or 县级配套资金), and 其他资金 or 自筹资金 beside them, in a table
(项目名称 · 中央、省、市（州）、县级财政资金 · 资金计划 · 资金到位情况 · 到位率 · 到位时效, closed by 合计) or
in a sentence (下达项目资金1800.00万元，其中：中央1080.00万元，省级360.00万元……). Each level is a
line of the project's `by_source` at the stage its column or its words name; the 合计 is the
project's own money.
"""

from __future__ import annotations

import re

#: A source of a project's money: a level of government's funds (中央财政资金, 省级补助资金, 市（州）级,
#: 县级配套资金, 县（区）级财政资金, 乡镇资金) or another source (其他资金, 自筹资金, 群众自筹资金, 社会资金).
SOURCE = re.compile(
    r"(?:中央|省级?|(?:市|州|盟)(?:（州）|\(州\))?级?|县(?:（[市区]、?[区市]?）|\([市区]、?[区市]?\))?级?|区级?|乡镇级?)"
    r"(?:财政)?(?:补助|配套|专项|衔接|安排)?(?:资金|经费)?"
    r"|(?:其他|自筹|群众自筹|单位自筹|社会|社会投入|银行贷款|整合)(?:资金)?")
#: The words a source needs beyond its level's name when the words around it do not say it is one
#: (a list of the project's money, a column of sources): 县级 or 省级 alone names no money.
_FUNDS = re.compile(r"资金|经费|补助|配套")

#: A column of a table of the project's money by source, by its header (its unit aside): the stage.
_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((stage, re.compile(pattern)) for stage, pattern in (
    ("budget_initial", r"年初预算(数|金额)?"),
    ("budget_full", r"全年预算(数|金额)?|调整后预算(数|金额)?"),
    ("budget", r"资金计划|计划(资金|投资|金额|数)|预算(数|金额)|下达(资金|金额|数)"),
    ("arrival_rate", r"(资金)?到位率"),
    ("arrived", r"(资金)?到位(情况|数|资金|金额)|实际到位(数|资金|金额)?"),
    ("actual", r"(全年)?执行(数|金额)|实际支出(数|金额)?|(全年)?支出(数|金额)"),
    ("execution_rate", r"(预算)?执行率"),
))
_UNIT = re.compile(r"[（(](?:万元|元|%|％)[）)]$")
#: The row of a table of sources that is the project's own money.
TOTALS = ("合计", "小计", "总计", "项目资金", "资金总额", "总投资")
#: A column of the sources' names (中央、省、市（州）、县级财政资金; 资金来源; 资金性质).
_NAMES_HEAD = re.compile(r".*(资金来源|资金性质|来源|级次|层级).*|.*(中央|省).*(县|市).*(资金|财政).*")


#: A level of government alone (中央, 省级, 市（州）级, 县级), as a list after 其中 names a source short.
_LEVEL = (r"(?P<level>中央|省|(?:市|州|盟)(?:（州）|\(州\))?|县(?:（[市区]、?[区市]?）|\([市区]、?[区市]?\))?"
          r"|区|乡镇)级?")
_LEVEL_FUNDS = re.compile(_LEVEL + r"(?:财政)?(?:补助|配套|专项|衔接|安排)?(?:资金|经费)?")


def _level(name: str) -> str | None:
    match = _LEVEL_FUNDS.fullmatch(re.sub(r"\s+", "", name))
    return match.group("level").replace("(", "（").replace(")", "）") if match else None


def same_source(a: str, b: str) -> bool:
    """Whether two names of a project's sources are one: a level alone (中央, 县级) and that level's
    funds named in full (中央财政资金, 县级配套资金), as a report's text and its table name them."""
    level = _level(a)
    return level is not None and level == _level(b) and (re.fullmatch(_LEVEL, a) is not None
                                                           or re.fullmatch(_LEVEL, b) is not None)


def source_name(text: str) -> bool:
    """Whether `text` (a row's name, squeezed) names one source of a project's money by itself."""
    return bool(SOURCE.fullmatch(text)) and bool(_FUNDS.search(text) or text.startswith(("其他", "自筹")))


#: A level's funds for a purpose, as a list of the sources names them (中央水利发展资金, 省级农田建设补助资金).
_PURPOSE = re.compile(_LEVEL + r"(?:财政)?[\u4e00-\u9fff]{0,12}(?:资金|经费|补助|配套)")


def listed_source(text: str) -> bool:
    """Whether `text` names a source of the project's money in a list of its parts (其中：中央…，省级…):
    a source, a level alone or a level's funds for a purpose."""
    return bool(SOURCE.fullmatch(text) or _PURPOSE.fullmatch(text))


def column_stage(header: str) -> str | None:
    """The stage a column of a table of sources holds, by its header."""
    plain = _UNIT.sub("", header)
    return next((stage for stage, pattern in _COLUMNS if pattern.fullmatch(plain)), None)


def names_head(header: str) -> bool:
    return bool(_NAMES_HEAD.fullmatch(header))
