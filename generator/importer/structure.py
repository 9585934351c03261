"""The shape these reports share: a title and meta, then numbered headings with text under them.

Headings are numbered in a conventional hierarchy — 第一部分, 一、, （一）, 1、 or 1.,
（1）, ① — and a numbered line counts as a heading only when it is short and reads as a
title, not a sentence (“1、负责……；” is a list item of the text, not a heading). The
numbering style, not the number, gives the level, because reports misnumber (“4、 国有资本
经营预算支出情况” between 三、 and 六、) and skip levels.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .read import Block, Grid, Para

# Numbering styles from the outermost; the index is the rank.
_STYLES: list[re.Pattern[str]] = [
    re.compile(r"^第[一二三四五六七八九十]+部分\s*"),
    # (an article's sections, 01｜单位基本情况 or a graphic's badge 01 over its title, stand where 一、 does)
    re.compile(r"^(?:[一二三四五六七八九十]+、|[0-9]{2}\s*[｜|丨]\s*(?=\D)|[0-9]{2} (?=[\u4e00-\u9fff“]))\s*"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*"),
    re.compile(r"^[0-9０-９]{1,2}(?:[、．]|\.(?![0-9]))\s*"),
    re.compile(r"^[（(][0-9０-９]{1,2}[）)]\s*"),
    re.compile(r"^[①-⑳]\s*"),
]
_SENTENCE_MARKS = re.compile(r"[，,；;]")
_MAX_TITLE = 32
#: What a report's title names: its kind (部门决算, 绩效自评报告, 自评表 …).
_TITLE_WORDS = re.compile(r"决算|预算|绩效.{0,6}(?:自评|评价)|自评报告|自评表|评价报告")
#: The most lines of page chrome looked through for the title.
_CHROME_LINES = 40


@dataclass
class Section:
    """A heading and what stands under it until the next heading of its rank or above."""

    title: str
    rank: int
    start: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    def label(self) -> str:
        """The section's place in the report, e.g. 二（一）, 第三部分 二（一）1., for `at:` and comments."""
        parts = []
        node: Section | None = self
        while node is not None and node.rank >= 0:
            parts.append(_number_of(node.title) or node.title[:12])
            node = node.parent
        parts.reverse()
        out = ""
        for part in parts:
            part = part.rstrip("、")
            out += (" " if out and (part[:1].isdigit() or out.endswith("部分")) else "") + part
        return out

    def titles(self) -> list[str]:
        """This section's title and its ancestors', innermost first: the context of a figure."""
        out = []
        node: Section | None = self
        while node is not None:
            if node.title:
                out.append(node.title)
                if _ANNEX.match(node.title.strip()) and (named := node.document_title()):
                    out.insert(len(out) - 1, named)
            node = node.parent
        return out

    def document_title(self) -> str | None:
        """The title of the document an annex (附件1) is, on the line after its label
        (蓥溪县不动产登记中心2023年度单位整体支出绩效自评报告): what its figures are of."""
        first = next((b for b in self.blocks if isinstance(b, Para) and b.text.strip()), None)
        if first is None or first is not self.blocks[0]:
            return None
        text = first.text.strip()
        if len(text) > 40 or re.search(r"[。，,；;：:]", text) or not _TITLE_WORDS.search(text):
            return None
        return text

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Meta:
    """A document fact found in the header, with where it stands."""

    key: str
    value: str
    start: int


@dataclass
class Outline:
    """The report's title, its header facts, and its sections (the root holds the text before the first heading)."""

    title: str
    title_start: int
    meta: list[Meta]
    root: Section


_ANNEX = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*(?:[-－][0-9]+)?\s*[:：]?$")

#: The title of the project reports that follow the department's in one article (Hunan counties
#: publish 部门整体支出及项目支出绩效评价报告: the 部门整体 report, then a line 项目支出绩效评价报告 and
#: each project's report under it), a line of its own without numbering.
PROJECT_PART = re.compile(r"^[^，,。；;：:\s]{0,30}项目(?:支出)?绩效(?:自评|评价)报告$")


def numbering_rank(text: str) -> int | None:
    """The rank of the numbering a line starts with, heading or not."""
    stripped = text.strip()
    for rank, style in enumerate(_STYLES):
        if style.match(stripped):
            return rank
    return None


def heading_rank(text: str) -> int | None:
    """The rank of a numbered heading, or None when the line is text."""
    stripped = text.strip()
    if _ANNEX.match(stripped):
        return 1
    for rank, style in enumerate(_STYLES):
        match = style.match(stripped)
        if not match:
            continue
        rest = stripped[match.end():]
        if not rest or len(rest) > _MAX_TITLE or _SENTENCE_MARKS.search(rest.rstrip("；;，,")):
            return None
        if rest.endswith(("；", ";", "，", ",")) or re.search(r"[。！？].", rest):
            return None
        if rest.endswith("。") and len(rest) > 16:
            return None
        if re.search(r"[：:].", rest) and not re.search(r"[：:]\s*[0-9.]+\s*(万元|元)", rest):
            return None
        return rank
    return None


def _number_of(title: str) -> str:
    for style in _STYLES:
        match = style.match(title)
        if match:
            return match.group().strip().rstrip("｜|丨").strip()
    return ""


# --- header ----------------------------------------------------------------------------------

_META_KEYS = {
    "索引号": "index_no", "发文机构": "issuer", "发布机构": "issuer", "公开目录": "catalogue",
    "文号": "doc_no", "日期": "published", "发布日期": "published", "成文日期": "written",
    "浏览量": "", "来源": "",
}
_SUPERVISION = re.compile(r"^监督索引号\s*([0-9A-Za-z-]+)\s*$")
_DATE_LINE = re.compile(r"^\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日\s*$")
_CN_DATE = re.compile(r"^\s*([〇零O○一二三四五六七八九]{4})年"
                      r"([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_TOC = re.compile(r"^\s*目\s*录\s*$")


#: The field a Word file's 目录 pasted as text leaves at the end of each line (“第一部分　单位概况
#: PAGEREF _Toc25831 h 3”, its backslashes lost): the bookmark's number and the page number.
TOC_FIELD = re.compile(r"\s*PAGEREF\s+\\?_Toc(?P<mark>[0-9]+)\s+\\?h\s*(?P<page>[0-9]+)?\s*$")


def toc_entry(text: str) -> str:
    """A line of a table of contents as the heading it lists: without a PAGEREF field after it."""
    return TOC_FIELD.sub("", text.strip())


def outline(blocks: list[Block]) -> Outline:
    """Title, meta and the section tree of a report."""
    paras = [(k, b) for k, b in enumerate(blocks) if isinstance(b, Para)]
    title, title_start, used = _title(paras)
    meta, used = _header_meta(blocks, used)
    trailing, tail = _trailing_meta(blocks, used)
    meta += trailing
    used = used | tail
    headings = _headings(blocks, used)
    root = Section("", -1, 0)
    stack = [root]
    toc_titles: set[str] = set()
    in_toc = False
    headed = False  # a numbered heading has begun the body
    for k, block in enumerate(blocks):
        if k in used:
            continue
        if isinstance(block, Para):
            if _TOC.match(block.text):
                in_toc = True
                toc = Section(block.text.strip(), 0, block.start, parent=root)
                root.children.append(toc)
                stack = [root, toc]
                continue
            rank = headings.get(k)
            if in_toc:
                # A table of contents lists the headings that follow; it ends where one repeats
                # (its lines' page numbers, and the PAGEREF fields a Word file pasted as text leaves, aside).
                key = toc_entry(block.text)
                if key not in toc_titles:
                    toc_titles.add(key)
                    stack[-1].blocks.append(block)
                    continue
                in_toc = False
                stack = [root]
            if rank is None and headed and PROJECT_PART.match(block.text.strip()):
                # the project reports after the department's: a part of its own, as 第二部分 would be
                rank = 0
            if rank is not None:
                headed = True
                while len(stack) > 1 and stack[-1].rank >= rank:
                    stack.pop()
                section = Section(block.text.strip(), rank, block.start, parent=stack[-1])
                stack[-1].children.append(section)
                stack.append(section)
                continue
        stack[-1].blocks.append(block)
    return Outline(title, title_start, meta, root)


def _headings(blocks: list[Block], used: set[int]) -> dict[int, int]:
    """Heading candidates, less those whose siblings are text.

    Numbered items of one list are all text or all headings: “9、承办……工作。” is short, but it
    ends a list of long duties, so it is a duty too.
    """
    paras = [(k, b) for k, b in enumerate(blocks) if isinstance(b, Para) and k not in used]
    candidates = {k: heading_rank(toc_entry(b.text)) for k, b in paras}  # (a 目录's line as its heading)
    numbered = {k: numbering_rank(b.text) for k, b in paras}
    order = [k for k, _ in paras]
    out = {}
    for n, k in enumerate(order):
        rank = candidates[k]
        if rank is None:
            continue
        number = numbered[k]
        if number is None or not _has_text_sibling(order, n, number, candidates, numbered):
            out[k] = rank
    return out


def _has_text_sibling(order: list[int], n: int, rank: int, candidates: dict[int, int | None],
                      numbered: dict[int, int | None]) -> bool:
    for step in (-1, 1):
        m = n + step
        while 0 <= m < len(order):
            k = order[m]
            outer = candidates[k]
            if outer is not None and outer < rank:
                break
            if numbered[k] == rank and candidates[k] is None:
                return True
            m += step
    return False


def _title(paras: list[tuple[int, Para]]) -> tuple[str, int, set[int]]:
    """The first line, joined with the next when a title was broken over two lines."""
    if not paras:
        return "", 0, set()
    if not _TITLE_WORDS.search(paras[0][1].text) and not (len(paras) > 1 and _title_goes_on(paras[0][1].text.strip(),
                                                                                           paras[1][1].text.strip())):
        # a page saved from a government site opens with its chrome (欢迎访问…门户网站, the
        # breadcrumb, the 信息公开 table): the title is the first line naming a report
        titled = next((n for n, (_, p) in enumerate(paras[:_CHROME_LINES]) if _TITLE_WORDS.search(p.text)
                       and len(p.text.strip()) <= _MAX_TITLE + 8 and heading_rank(p.text.strip()) is None
                       and not re.search(r"[。；;！!]|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]\s*(?:万元|亿元|元|%)",
                                         p.text)), None)
        if titled:
            paras = paras[titled:]
    k, first = paras[0]
    title = first.text.strip()
    used = {k}
    if len(paras) > 1:
        k2, second = paras[1]
        nxt = second.text.strip()
        if _title_goes_on(title, nxt):
            title += nxt
            used.add(k2)
    return title, first.start, used


def _title_goes_on(title: str, nxt: str) -> bool:
    """A title broken over two lines: the second ends it (…项目 / 绩效自评报告)."""
    return (not title.endswith(("报告", "决算", "预算")) and nxt.endswith(("报告", "决算", "预算"))
            and len(nxt) <= _MAX_TITLE and heading_rank(nxt) is None)


def _header_meta(blocks: list[Block], used: set[int]) -> tuple[list[Meta], set[int]]:
    """Facts between the title and the first heading: issuer in brackets, a date, `- key` / `- value` pairs."""
    meta: list[Meta] = []
    used = set(used)
    start = max(used) + 1 if used else 0
    pending: str | None = None
    for k in range(start, min(start + 30, len(blocks))):
        block = blocks[k]
        if not isinstance(block, Para):
            break
        text = block.text.strip()
        if heading_rank(text) is not None or _TOC.match(text):
            break
        item = text[1:].strip() if text.startswith("- ") or text == "-" else None
        bracket = re.fullmatch(r"[（(]([^（）()]{2,30})[）)]", text)
        date = _date_of(text)
        supervision = _SUPERVISION.match(text)
        if item is not None:
            key = item.replace(" ", "")
            if key in _META_KEYS:
                pending = _META_KEYS[key]
            elif pending:
                value_start = block.start + block.text.index(item)
                meta.append(Meta(pending, item, value_start))
                pending = None
            used.add(k)
        elif bracket and k == start and not re.fullmatch(r"[0-9]{4}\s*年度?", bracket.group(1).strip()):
            # （2023年度） under a form's title is its year, not who issued it
            meta.append(Meta("issuer", bracket.group(1), block.start + block.text.index(bracket.group(1))))
            used.add(k)
        elif date:
            meta.append(Meta("written", date, block.start))
            used.add(k)
        elif supervision:
            number = supervision.group(1)
            meta.append(Meta("supervision_index_no", number, block.start + block.text.index(number)))
            used.add(k)
        elif text == _title_text(blocks, used):
            used.add(k)  # the title repeated below the header
        else:
            break
    return meta, used


def _title_text(blocks: list[Block], used: set[int]) -> str:
    first = min(used)
    block = blocks[first]
    return block.text.strip() if isinstance(block, Para) else ""


def _trailing_meta(blocks: list[Block], used: set[int]) -> tuple[list[Meta], set[int]]:
    """A signature date or a second 监督索引号 at the very end, and the blocks they take."""
    out: list[Meta] = []
    taken: set[int] = set()
    for k in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        block = blocks[k]
        if not isinstance(block, Para) or k in used:
            continue
        text = block.text.strip()
        date = _date_of(text)
        supervision = _SUPERVISION.match(text)
        if date:
            out.append(Meta("written", date, block.start))
        elif supervision:
            out.append(Meta("supervision_index_no", supervision.group(1),
                            block.start + block.text.index(supervision.group(1))))
            taken.add(k)
    return out, taken


_CN_DIGITS = {"〇": 0, "零": 0, "O": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int:
    """一 … 三十一 as written in dates."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def _date_of(text: str) -> str | None:
    """A whole-line date, as YYYY-MM-DD, when it is a real date."""
    match = _DATE_LINE.match(text)
    if match:
        y, m, d = (int(g) for g in match.groups())
    else:
        match = _CN_DATE.match(text)
        if not match:
            return None
        y = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        m, d = _cn_number(match.group(2)), _cn_number(match.group(3))
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def grids_of(section: Section) -> list[Grid]:
    return [b for b in section.blocks if isinstance(b, Grid)]
