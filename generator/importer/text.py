"""Text helpers: normalised names, sentences with offsets, and the numbers a sentence states."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"“": "", "”": "", "‘": "", "’": "", '"': "", "'": "", "（": "(", "）": ")",
                         "：": ":", "，": ",", "；": ";", "　": "", "〔": "[", "〕": "]"})


def norm(text: str) -> str:
    """A name for matching: no spaces or quotes, half-width brackets and punctuation."""
    return re.sub(r"\s+", "", text.translate(_QUOTES))


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph (up to 。！？) with the offset of its first character."""

    text: str
    start: int


_END = re.compile(r"[。！？!?]+")


def sentences(text: str, start: int, ends: re.Pattern[str] = _END) -> list[Sentence]:
    """The text's sentences (or its pieces up to each match of `ends`), blank ones left out."""
    out = []
    pos = 0
    for match in ends.finditer(text):
        piece = text[pos:match.end()]
        if piece.strip():
            out.append(Sentence(piece, start + pos))
        pos = match.end()
    if text[pos:].strip():
        out.append(Sentence(text[pos:], start + pos))
    return out


#: The marks an editor sets before a caption or a line (■ 收入决算构成, ▲本年收入…).
DECORATION = re.compile(r"^[■□▲△▼▽◆◇●○◎★☆►▶▷※•·]+[ \u3000]*")


# --- numbers ---------------------------------------------------------------------------------

COUNT_UNITS = ("万人次", "万件", "万人", "万次", "万条", "万户", "万亩", "万吨", "万头", "万株", "万平方米", "公顷",
               "万字", "万册", "万份", "万张", "万个",  # (志书180万字, 印刷2万册: counts, not 万元)
               "亩", "吨", "头", "株", "千米", "个百分点", "百分点", "台次", "场次", "天", "人次", "批次",
               "平方米", "平米", "公里", "个月", "家次", "户次", "件次", "车次", "架次", "班次", "课时", "学时",
               "个", "件", "项", "人", "名", "次", "家", "台", "辆", "宗", "条", "类", "种", "户", "所",
               "处", "场", "篇", "期", "份", "套", "座", "间", "张", "本", "册", "位", "分", "省", "市",
               # cases and things counted one by one (接报警情28640起, 病例12例, 无人机3架)
               "起", "例", "只", "支", "架", "艘", "栋", "幢", "棵", "部", "块")
COUNT = "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
# A number as printed, thousands separators included (26,500,000.00): its digits are the figure.
NUMBER = r"(?<![0-9.,])(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?)"
TOKEN = re.compile(
    NUMBER + r"\s*(?:"
    r"(?P<pct>[%％])"
    r"|(?P<money>亿元|万元|元|万(?![件人次条户亩吨头株平字册份张个0-9]))"
    r"|(?P<approx>余|多)?(?P<count>" + COUNT + r")(?P<after>以上|余|多)?"
    r")?")
# Numbers that are not figures (as tests/seeds.py has it): ordinals, dates, document numbers.
_NOT_AFTER = re.compile(r"^(?:、|\.(?![0-9])|[年月日号〕\]］]|[-－/][0-9])")
#: A minus sign printed before a number: the minus or the full-width one, or a hyphen after a word
#: or a mark (增长-12.40%, 为-3.5%), not one between digits or letters (2023-2025, A-3).
_SIGNED = re.compile(r"(?:^|[^0-9A-Za-z])[−－]$|(?:^|[^0-9A-Za-z.\-/])-$")
#: What numbers a table or attachment (表2 部门整体支出…, 附件3 支出决算表): the number is no count of what follows.
_NUMBERED = re.compile(r"(?:表|附件|图)\s*$")
_NOT_BEFORE = re.compile(r"(?:[（(〔\[［]|科目代码|[0-9][-－/])$")


@dataclass(frozen=True)
class Token:
    """A number with what follows it: a money unit, %, a count unit, or nothing."""

    num: str
    kind: str  # money | percent | count | bare
    unit: str
    start: int  # offset in the sentence
    end: int
    qualifier: str | None = None
    #: Right after an open bracket (比年初预算（120.00万元）多出…): said in passing, not read as a row's
    bracketed: bool = False


def tokens(text: str) -> list[Token]:
    out = []
    for match in TOKEN.finditer(text):
        if _NOT_AFTER.search(text[match.end("num"):match.end("num") + 2]):
            continue
        bracketed = (match.group("pct") or match.group("money")) and match.start() > 0 \
            and text[match.start() - 1] in "（("
        if _NOT_BEFORE.search(text[max(0, match.start() - 4):match.start()]) and not bracketed:
            continue
        if not text[:match.start()].strip() and text[match.end("num"):match.end("num") + 1] in ("｜", "|", "丨"):
            continue  # an article's section number (01｜单位基本情况)
        num = match.group("num").replace(",", "")
        start = match.start()
        if (match.group("pct") or match.group("money")) and _SIGNED.search(text[max(0, start - 2):start]):
            num, start = "-" + num, start - 1  # “变动率为−18.12%”: a sign printed before the number
        if match.group("pct"):
            out.append(Token(num, "percent", "%", start, match.end(), bracketed=bool(bracketed)))
        elif match.group("money"):
            unit = match.group("money")
            out.append(Token(num, "money", "万元" if unit == "万" else unit, start, match.end(),
                             bracketed=bool(bracketed)))
        elif match.group("count") and not _NUMBERED.search(text[max(0, match.start() - 3):match.start()]):
            qualifier = match.group("approx") or match.group("after")
            unit, end = match.group("count"), match.end()
            if unit == "个" and match.group("after") in ("多", "余") and text[end:end + 1] == "月":
                unit, end = "个月", end + 1  # “3个多月”
            out.append(Token(num, "count", unit, match.start(), end, qualifier))
        else:
            out.append(Token(num, "bare", "", match.start("num"), match.end("num")))
    return out


_THRESHOLD_BEFORE = re.compile(r"(单价|单台价值|单台（套）价值|单台\(套\)价值|单位价值|价值|原值)(在)?\s*[≥＞>]?\s*$")
_THRESHOLD_AFTER = re.compile(r"^\s*([（(]含[）)])?\s*(及)?(以上|以下)")


def threshold(text: str, token: Token) -> bool:
    """A threshold inside a name: a price (单价50万元（含）以上通用设备, 单台价值≥100万元设备), or a
    size or age that a name goes on after (日供水1000吨以上规模化水厂, 65岁以上老人). Not a figure.
    (“受益群众15万人次以上，” ends its clause there: a figure with its qualifier.)"""
    before, after = text[:token.start], text[token.end:]
    if _THRESHOLD_BEFORE.search(before):
        return bool(_THRESHOLD_AFTER.match(after)) or bool(re.search(r"[≥＞>]\s*$", before))
    if text[token.start:token.end].endswith(("以上", "以下")):  # the count's own qualifier (1000吨以上)
        after = text[token.end - 2:]
    named = re.match(r"^(岁|周岁)?\s*([（(]含[）)])?\s*(及)?(以上|以下)(?P<next>.)", after)
    return named is not None and re.match(r"[\u4e00-\u9fff]", named.group("next")) is not None \
        and named.group("next") not in "的者"


_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")

#: The words between a figure and its change on last year, and nothing else: “，较上年增长”,
#: “，同比下降”, “，与上年相比提高”, “，比上年同期分别减少” (`each`: of the figures listed before).
YEAR_CHANGE = re.compile(r"\s*[，,]\s*(?:与(?:上年|去年|上年度)(?:同期)?相比[，,]?|同比(?:上年)?"
                         r"|(?:比|较)(?:上年|去年|上年度)(?:同期)?)\s*(?P<each>分别)?"
                         r"(?P<word>增长|增加|提高|提升|上升|下降|减少|降低|下滑)了?\s*")
#: The words of a change said right after another change of the same figure (…减少73.6万千瓦时，下降3.8%).
CHANGE_AGAIN = re.compile(r"\s*[，,]\s*(?P<word>增长|增加|提高|提升|上升|下降|减少|降低|下滑)了?\s*")
#: The words of a change that say it is down (减少5.00, 下降3.8%, 降幅为…, 少…, ↓).
DOWN_WORDS = ("减少", "下降", "减", "压减", "降幅", "降幅为", "少", "↓", "降低", "下滑")


def signed(number: str, down: bool) -> str:
    """A change as its words and its printed sign say together: 增加5.00 is 5.00, 减少5.00 is
    -5.00, and 减少-62.49 (a decrease of minus 62.49, as a template's formula prints an increase)
    is 62.49; zero is unsigned."""
    if number.strip("-0.") == "":
        return number.lstrip("-")
    if not down:
        return number
    return number[1:] if number.startswith("-") else "-" + number


def last_clause(raw: str) -> str:
    """The words after the last comma, semicolon or colon: what names the number that follows."""
    return _CLAUSE_BREAK.split(raw)[-1].strip()


def clip(text: str, start: int, end: int, width: int = 36) -> str:
    """The part of a sentence around [start, end), for a comment a reviewer reads at a glance."""
    text = text.replace("\n", " ").replace("\t", " ")
    left = max(0, start - width)
    right = min(len(text), end + width // 2)
    out = text[left:right].strip()
    return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")
