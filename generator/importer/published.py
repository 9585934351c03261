"""The 决算 tables as published (公开01–09表 and their variants), read cell by cell into `tables:`.

A grid is such a table when a paragraph just before it names one: a table number (公开03表,
表三, 附表3) or a 决算 table's name (收入支出决算总表, 支出决算表, “三公”经费支出决算表 …).
Its columns are read from the rows above the first row of figures:

- a column of 科目编码 (or of 类, 款 and 项 written apart) gives each row its code;
- a column headed 行次 or 栏次, and a row of 栏次 numbers, hold no figures and are left out;
- a column of names (项目, 科目名称 …) starts a side: a 收入支出决算总表 prints 收入 on the left
  and 支出 on the right, each side its names and amounts; each side's rows are its own;
- every other column is a column of figures, named by the header cells above it joined with
  “ / ” (本年支出 / 基本支出), a header cell merged across columns naming each of them.

Every number of the table is so accounted for, as a figure, a code or a row or column number:
none is left unplaced, and none is guessed. The table's unit is the 单位 line above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import Leaf, Node, Seq, Stmt, Tree
from .read import Block, Cell, Grid, Hidden, Para
from .tables_base import BLANKS, squeezed
from .text import DECORATION

_LABEL = re.compile(r"^(?:公开\s*[0-9０-９]+\s*表|表\s*[一二三四五六七八九十0-9]+|附表\s*[0-9一二三四五六七八九十]+)")
_LABEL_IN = re.compile(r"(?:公开\s*[0-9０-９]+\s*表|附表\s*[0-9一二三四五六七八九十]+)(?=\s*\S)")
_TITLE = re.compile(r"(决算总表|决算表|决算明细表|经费支出决算表|经费支出情况表|运行经费情况表|占用情况表|使用情况表"
                    r"|支出信息表|决算[（(]按[^（()）]{1,8}分类[）)])")
_UNIT = re.compile(r"(?:金额)?单位[：:]\s*(万元|元)")
_NUMBER = re.compile(r"^-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$|^-?[0-9]+(?:\.[0-9]+)?$")
_PERCENT = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?[%％]$")
_DASHES = ("—", "——", "-", "－", "/", "／", "…")
_CODE_HEAD = re.compile(r"(科目)?编码|功能分类科目编码|^类$|^款$|^项$")
_SEQ_HEAD = re.compile(r"^(行次|栏次|序号)$")
_NAME_HEAD = re.compile(r"项目|科目名称|名称|收入|支出|科目")
#: The head of a column giving each row's unit (计量单位: 万元, 辆, 台（套）) beside one column of values.
_MEASURE_HEAD = re.compile(r"^(计量)?单位$")
_EMPTY = re.compile(r"无数据|空表|没有.{0,20}(收入|支出|经费)|未发生|不涉及")


@dataclass
class Found:
    """A table read: the model's fields, each cell with where it stands."""

    label: str | None
    title: str
    title_span: tuple[int, int]
    unit: str | None
    columns: list[str]
    rows: list[tuple[str | None, str, tuple[int, int], list[tuple[str | None, tuple[int, int]]]]]
    note: str | None = None
    statement: str | None = None
    scope: str | None = None  # 汇总 or 本级, as its 编制单位 line says
    grid_start: int = 0
    codes: list[tuple[int, int]] = field(default_factory=list)
    units: list[str | None] = field(default_factory=list)
    also: list[int] = field(default_factory=list)  # the starts of grids continuing it (a page break)
    #: Figures of the grid no row of the table holds (a count in a table of money): text, span,
    #: quote and why, for the reviewer.
    left: list[tuple[str, tuple[int, int], str, str]] = field(default_factory=list)


def continued(blocks: list[Block]) -> tuple[list[Block], dict[int, list[int]]]:
    """The blocks with each table a page break cut in two made one again: a grid with no title
    before it, only page numbers between it and the grid before, as wide as that grid and
    starting with a row of figures, continues it; so does a grid after only page numbers and
    the grid before's own title lines again, whose first rows repeat that grid's header rows
    (a spreadsheet printed with its title rows on every page), those rows left out. Also, by
    the start of each grid so made, the starts of the grids it absorbed."""
    out: list[Block] = []
    absorbed: dict[int, list[int]] = {}
    for block in blocks:
        if isinstance(block, Grid) and block.rows:
            k = len(out) - 1
            while k >= 0 and (isinstance(at := out[k], Hidden) or
                              isinstance(at, Para) and _PAGE_NUMBER.fullmatch(at.text.strip(BLANKS))):
                k -= 1  # (a running head is page furniture too)
            # the same table again on the next page, its title and header rows printed again
            # (a spreadsheet's print titles): only page numbers and that title between them
            j = len(out) - 1
            while j >= 0 and isinstance(out[j], (Para, Hidden)) and len(out) - j <= 5:
                j -= 1
            if j >= 0 and isinstance(again := out[j], Grid) and again.rows and j < len(out) - 1:
                titles = _titles_before(out, j)
                between = [squeezed(p.text) for p in out[j + 1:] if isinstance(p, Para)]
                if all(t in titles or _PAGE_NUMBER.fullmatch(t) for t in between) and any(t in titles for t in between):
                    head = _repeated_head(again, block)
                    if head:
                        out[j] = Grid(again.rows + block.rows[head:], again.start)
                        del out[j + 1:]
                        absorbed.setdefault(again.start, []).append(block.start)
                        continue
            previous = out[k] if k >= 0 else None
            first = [c.text.strip(BLANKS + "\n") for c in block.rows[0]]
            if k < len(out) - 1 and isinstance(previous, Grid) and previous.rows \
                    and len(block.rows[0]) == len(previous.rows[-1]) \
                    and any(_kind(t) in ("number", "percent") for t in first[1:]) \
                    and not any(_SEQ_HEAD.match(t.replace(" ", "")) or t in ("项目", "科目编码") for t in first):
                out[k] = Grid(previous.rows + block.rows, previous.start)
                absorbed.setdefault(previous.start, []).append(block.start)
                continue
            if k == len(out) - 1 and isinstance(previous, Grid) and _runs_on(previous, block):
                # rows of codes right under a table, narrower only by the empty columns the table's
                # last rows leave blank (a table without lines read as two where a gap fell)
                width = len(previous.rows[-1])
                pad = [Cell("", r[-1].start + len(r[-1].text)) for r in block.rows]
                out[k] = Grid(previous.rows + tuple(r + (p,) * (width - len(r)) for r, p in zip(block.rows, pad)),
                              previous.start)
                absorbed.setdefault(previous.start, []).append(block.start)
                continue
        out.append(block)
    return out, absorbed


def _runs_on(previous: Grid, block: Grid) -> bool:
    """`block` goes on with the rows of `previous`: its rows are 科目编码 rows with figures, no
    wider than `previous`, whose last rows are empty in the columns `block` lacks."""
    width = len(previous.rows[-1])
    if any(len(r) > width or len(r) < 3 for r in block.rows) or len(previous.rows) < 3:
        return False
    if not all(re.fullmatch(r"[0-9]{3,7}", r[0].text.strip(BLANKS)) and _kind(r[2].text) in ("number", "blank", "dash")
               for r in block.rows):
        return False
    narrow = min(len(r) for r in block.rows)
    return all(not c.text.strip(BLANKS + "\n") for r in previous.rows[-3:] for c in r[narrow:]) \
        and any(re.fullmatch(r"[0-9]{3,7}", r[0].text.strip(BLANKS)) for r in previous.rows[-3:])


#: A line break inside Chinese text in a cell: where the cell wrapped it (科目编 / 码).
_WRAP = re.compile(r"(?<=[\u3400-\u9fff（）“”])\n(?=[\u3400-\u9fff（）“”])")


def _joined(cell: Cell) -> Cell:
    """A cell whose Chinese text a narrow column wrapped over lines (科目编 / 码, 机关事业单位基本养老保 /
    险缴费支出), as one line again: a header or a name, not two. Only breaks between Chinese
    characters go, so a number in the cell keeps its place unless a break stood before it."""
    if "\n" not in cell.text or not _WRAP.search(cell.text):
        return cell
    return Cell(_WRAP.sub("", cell.text), cell.start)


def _titles_before(blocks: list[Block], k: int) -> set[str]:
    """The paragraphs (up to three) just before block k, spaces taken out: a table's title lines."""
    out = set()
    for block in reversed(blocks[max(k - 3, 0):k]):
        if not isinstance(block, Para):
            break
        out.add(squeezed(block.text))
    return out


def _repeated_head(first: Grid, again: Grid) -> int:
    """How many rows at the top of `again` repeat `first`'s header rows (its rows before the first
    row of figures, the same first cell and mostly the same others): 0 if they do not."""
    def figures(row) -> bool:
        return any(_kind(c.text.strip(BLANKS + "\n")) in ("number", "percent") for c in row[1:]) \
            and not _SEQ_HEAD.match(row[0].text.replace(" ", ""))

    head = 0
    while head < min(len(first.rows), len(again.rows)) and not figures(first.rows[head]):
        mine, theirs = first.rows[head], again.rows[head]
        if len(mine) != len(theirs) or squeezed(mine[0].text) != squeezed(theirs[0].text):
            return 0
        cells = [(squeezed(a.text), squeezed(b.text)) for a, b in zip(mine, theirs)
                 if a.text.strip() or b.text.strip()]
        if sum(1 for a, b in cells if a == b or a.startswith(b) or b.startswith(a)) < 0.7 * len(cells):
            return 0
        head += 1
    return head if head and head < len(again.rows) else 0


_PAGE_NUMBER = re.compile(r"第\s*[0-9]+\s*页(\s*[，,/]?\s*共\s*[0-9]+\s*页)?|[-—－]\s*[0-9]+\s*[-—－]|[0-9]+")


def tables(blocks: list[Block]) -> list[Found]:
    """Every published table among the blocks, in order (a table a page break cut in two, whole)."""
    out = []
    blocks, absorbed = continued(blocks)
    for k, block in enumerate(blocks):
        if not isinstance(block, Grid):
            continue
        title = _title_before(blocks, k)
        if title is None:
            by_unit = _by_unit(blocks, k, block)
            if by_unit is not None:
                out.append(by_unit)
            continue
        found = _read(block, *title)
        if found is None:
            # (a web page's table pasted as text: its header rows written without their spans)
            found = _read(block, title[0], title[1], title[2], title[3], respan=True)
        if found is None:
            found = _read_empty(block, *title) if _after(blocks, k, True)[1] else None
        if found is None:
            continue
        found.note, found.statement = _after(blocks, k, not found.rows)
        found.also = absorbed.get(block.start, [])
        found.scope = _scope_before(blocks, k)
        out.append(found)
    return out


def _title_before(blocks: list[Block], k: int):
    """(label, title, span, unit) from the paragraphs just before grid k (up to four)."""
    label = title = None
    span = (0, 0)
    unit = None
    for j in range(k - 1, max(-1, k - 5), -1):
        block = blocks[j]
        if not isinstance(block, Para):
            break
        text = DECORATION.sub("", block.text.strip(BLANKS))
        found_unit = _UNIT.search(text)
        if found_unit and unit is None:
            unit = found_unit.group(1)
        found_label = _LABEL.match(text)
        if found_label is None and (_TITLE.search(text) or found_unit) and len(text) <= 80:
            # (or the unit line: 编制单位：…公开03表金额单位：万元)
            # “附件：…部门决算公开表附表1 收入支出决算总表”: a PDF line run on from the attachment's heading
            found_label = _LABEL_IN.search(text)
        if found_label and label is None:
            label = re.sub(r"\s+", "", found_label.group())
            rest = text[found_label.end():].strip(BLANKS + "：:　")
            named = _TITLE.search(rest) if rest else None
            if named and title is None:
                # a PDF line may run on into 编制单位 and 单位: the title ends with the table's name
                title, span = rest[:named.end()], (block.start, block.start + len(block.text))
        elif _TITLE.search(text) and title is None and len(text) <= 60 and not found_unit:
            title, span = text, (block.start, block.start + len(block.text))
    if title is None:
        return None
    return label, _undoubled(title), span, unit


#: A table's ordinal line before its title (十二、…信息表), which a reader may join to the title line.
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")


def _undoubled(title: str) -> str:
    """A title printed twice, as the ordinal line over a table and its title line (十二、机构运行经费…信息表 /
    机构运行经费…信息表), read as one line: the title once."""
    rest = _ORDINAL.sub("", title)
    half = len(rest) // 2
    if len(rest) % 2 == 0 and half >= 4 and rest[:half] == rest[half:]:
        return rest[:half]
    return title


#: The head of a column naming a department's budget units (单位名称, 预算单位).
_UNIT_HEAD = re.compile(r"(?:预算)?单位(?:名称)?")


def _by_unit(blocks: list[Block], k: int, grid: Grid) -> Found | None:
    """A report's own numbered table of the department broken down by its budget units (表1
    部门预算执行情况（分单位）: 单位名称 · 年初预算数 · 全年预算数 · 全年执行数 · 其中 基本支出 / 项目支出 ·
    执行率, a row per unit under a 合计): read cell by cell as a published table, its caption the
    label and title, for no field of the year file holds a unit's money. Only a grid whose first
    header cell names the units, headed by a caption numbered as a table (表1, 附表2), with every
    row holding a figure in columns of figures alone: a column of words (自评等级) or a row without
    figures leaves it to the other readers."""
    first = grid.rows[0][0].text.strip(BLANKS + "\n").replace(" ", "") if grid.rows[0] else ""
    if not _UNIT_HEAD.fullmatch(first):
        return None
    label = title = None
    span = (0, 0)
    unit = None
    for j in range(k - 1, max(-1, k - 4), -1):
        block = blocks[j]
        if not isinstance(block, Para):
            break
        text = DECORATION.sub("", block.text.strip(BLANKS))
        found_unit = _UNIT.fullmatch(text)
        if found_unit:
            unit = unit or found_unit.group(1)
            continue
        found_label = _LABEL.match(text)
        rest = text[found_label.end():].strip(BLANKS + "：:　") if found_label else ""
        if found_label and rest and len(text) <= 60:
            label, title, span = re.sub(r"\s+", "", found_label.group()), rest, (block.start, block.start + len(text))
        break
    if label is None or title is None:
        return None
    found = _read(grid, label, title, span, unit)
    if found is None or len(found.rows) < 2 or any(all(v is None for v, _ in values) for *_, values in found.rows):
        return None
    return found


#: The scope a 编制单位 line gives its table, when a report prints its tables twice (Hubei's
#: 决算公开表（汇总及本级）: 编制单位：…局（汇总） then 编制单位：…局（本级）).
_SCOPE = re.compile(r"编制单位\s*[：:][^：:]*?[（(](汇总|本级)[）)]")


def _scope_before(blocks: list[Block], k: int) -> str | None:
    """汇总 or 本级, as the 编制单位 line among the paragraphs just before grid k says (up to four)."""
    for j in range(k - 1, max(-1, k - 5), -1):
        block = blocks[j]
        if not isinstance(block, Para):
            break
        found = _SCOPE.search(block.text)
        if found:
            return found.group(1)
    return None


def _after(blocks: list[Block], k: int, empty: bool) -> tuple[str | None, str | None]:
    """The note (注：…) and, for a table without figures, the statement saying why."""
    note = statement = None
    after = [b for b in blocks[k + 1:k + 4] if not (isinstance(b, Para) and b.text.strip(BLANKS) in ("合计", "总计"))]
    for block in after[:2]:  # (an empty table's 合计 row, all its cells blank, is a line of its own)
        if not isinstance(block, Para):
            break
        text = block.text.strip(BLANKS)
        if text.startswith(("注：", "注:", "备注")) and note is None:
            note = text
        elif empty and _EMPTY.search(text) and statement is None:
            statement = text
        else:
            break
    return note, statement


def _kind(text: str) -> str:
    text = text.strip(BLANKS + "\n")
    if not text:
        return "blank"
    if text in _DASHES:
        return "dash"
    if _NUMBER.match(text):
        return "number"
    if _PERCENT.match(text):
        return "percent"
    return "text"


def _read(grid: Grid, label: str | None, title: str, span: tuple[int, int], unit: str | None,
          respan: bool = False) -> Found | None:
    """The table in `grid`; with `respan`, read as a copy that wrote its header rows' cells packed to
    each row's start, every row padded to the widest (a web page's table pasted as text): the
    header laid back over the columns first (see `_respan`)."""
    rows = [list(r) for r in grid.rows]
    width = max((len(r) for r in rows), default=0)
    if width < 2:
        return None
    rows = [[_joined(c) for c in r] for r in rows]
    raw = [[c.text.strip(BLANKS + "\n") for c in r] for r in rows]
    # The header is the rows above the first row holding a figure beside a name.
    first = next((i for i, r in enumerate(raw)
                  if any(_kind(t) in ("number", "percent") for t in r[1:])
                  and any(_kind(t) == "text" for t in r)
                  and not _SEQ_HEAD.match(r[0].replace(" ", ""))), None)
    if first is None:
        return _read_unlabelled(grid, rows, raw, width, label, title, span, unit)
    # A spreadsheet paste pads every row to the widest: the blank cell at the end of a header row
    # 项目 (over the code and name columns, so a cell short, as Word's is) is none of its own.
    codes = any(r and r[0].replace(" ", "") == "科目编码" for r in raw[:first])
    for i in range(first):
        if codes and raw[i][:1] == ["项目"] and len(raw[i]) == width and not raw[i][-1] and all(raw[i][:-1]):
            rows[i].pop()
            raw[i].pop()
    for i in range(first, len(raw)):
        # so is the blank at the end of a 合计 row written across the code and name columns (合计 | 1945.31 …)
        if codes and raw[i][:1] in (["合计"], ["总计"]) and len(raw[i]) == width and not raw[i][-1] \
                and _kind(raw[i][1]) in ("number", "percent"):
            rows[i].pop()
            raw[i].pop()
    # A copy that pads every row to the widest (a web page's table pasted as text) leaves a merged
    # header written once at the row's start (收入 | 支出 | | | |): over a row of headings that repeats
    # as many times as it has cells (项目 行次 金额 项目 行次 金额), each heads one repeat.
    for i in range(first - 1):
        k = len(raw[i]) - next((n for n, t in enumerate(reversed(raw[i])) if t), len(raw[i]))
        below = raw[i + 1]
        repeats = bool(k) and len(below) == width and all(below) \
            and all(below[j] == below[j % (width // k)] for j in range(width))
        if 2 <= k < width == len(raw[i]) and width % k == 0 and all(raw[i][:k]) and not any(raw[i][k:]) and repeats:
            period = width // k
            rows[i] = [c for cell in rows[i][:k] for c in [cell] + [Cell("", cell.start)] * (period - 1)]
            raw[i] = [c.text.strip(BLANKS + "\n") for c in rows[i]]
    if respan and not _respan(rows, raw, first, width, codes):
        return None
    # A Word export writes a merged cell once, so a row may be short. A short header row's cells
    # span the columns evenly when they can (收入 | 支出 over two sides of three); a short row of
    # figures is short at its start (合计 written across the code and name columns): its cells
    # after the first are the last ones.
    # Columns holding numbers in the full rows of figures: a short header row with one cell more
    # than those is a name (项目, merged over the code and name columns) and one heading each.
    full = [r for r in raw[first:] if len(r) == width]
    numeric = sum(1 for j in range(width)
                  if all(_kind(r[j]) in ("number", "percent", "dash", "blank") for r in full)
                  and not (any(r[j] for r in full) and all(re.fullmatch(r"[0-9]{1,7}", r[j]) for r in full if r[j])))
    heads = [r for r in raw[:first] if r and r[0].replace(" ", "") != "栏次"]
    if len(heads) >= 2 and len(heads[-2]) == width and 2 <= len(heads[-1]) < width \
            and width - 1 + len(heads[-1]) > max(len(r) for r in raw[first:]):
        # a header cell over several sub-columns (固定资产 over 小计, 房屋构筑物, 车辆 …) in a table whose
        # rows of figures are no wider than the header above them: a copy that dropped its empty
        # cells (a web page's table); which figure stands in which column cannot be told
        return None
    short = {i: list(rows[i]) for i in range(first, len(rows)) if 0 < len(rows[i]) < width}
    uncertain = _align(rows, first, width, numeric)
    texts = [[c.text.strip(BLANKS + "\n") for c in r] for r in rows]
    # A 栏次 row numbers the columns: neither header nor figures.
    header = [h for i, h in enumerate(texts[:first]) if h[0].replace(" ", "") != "栏次" and i not in uncertain]
    body = texts[first:]
    kinds = _column_kinds(header, body, width)
    if kinds is None:
        return None
    paths = _paths(header, width)
    sides = _sides(kinds)
    for i, cells in short.items():
        laid = _by_sides(cells, sides, paths, width)
        if laid is not None:
            rows[i] = laid
            body[i - first] = [c.text.strip(BLANKS + "\n") for c in laid]
    columns: list[str] = []
    units: list[str | None] = []
    column_of: dict[int, int] = {}
    side_of = {j: n for n, (_, _, values) in enumerate(sides) for j in values}
    for j, kind in enumerate(kinds):
        if kind == "value":
            if not paths[j] or any(_kind(part) in ("number", "percent") for part in paths[j].split(" / ")):
                return None  # a column without a name of its own: nothing placed by guesswork
            if paths[j] in columns:
                other = columns.index(paths[j])
                if any(side_of.get(k) == side_of.get(j) for k, c in column_of.items() if c == other):
                    return None  # two columns of one side with one name: nothing placed by guesswork
                column_of[j] = other  # a list continued in a second group of columns (公用经费 …)
                continue
            column_of[j] = len(columns)
            columns.append(paths[j])
            units.append("%" if any(_kind(r[j]) == "percent" for r in body) else None)
    if not columns:
        return None
    value_cols = [j for j, kind in enumerate(kinds) if kind == "value"]
    if any(_kind(r[j]) == "text" for r in body if r[0].replace(" ", "") != "栏次" for j in value_cols):
        return None  # a row out of line with the columns: read as any other table, nothing guessed
    found = Found(label, title, span, unit, columns, [], grid_start=grid.start, units=units)
    measures = [j for j, kind in enumerate(kinds) if kind == "measure"]
    for name_col, code_cols, value_cols in sides:
        for i, r in enumerate(body, start=first):
            if r[0].replace(" ", "") in ("栏次",) or all(r[j] == "" for j in [name_col, *value_cols]):
                continue
            measure = next((r[j] for j in measures if r[j]), None)
            if measure is not None and measure != unit and any(r[j] for j in value_cols):
                # a row counted in a unit of its own (车辆 in 辆, 设备 in 台（套）) in a table of money
                # (机构运行经费支出、国有资产占用情况及政府采购支出信息表): no cell of the model holds a
                # count in a table in 万元; its figures are left for the reviewer
                for j in value_cols:
                    if r[j]:
                        start = rows[i][j].start + rows[i][j].text.index(r[j])
                        found.left.append((r[j], (start, start + len(r[j])), f"{r[name_col]}｜{r[j]}{measure}",
                                           f"公开表中计量单位为“{measure}”的行（表的金额单位为{unit or '未注明'}），"
                                           "表格只按金额单位记数，请核对"))
                continue
            cells = rows[i]
            name = r[name_col]
            code = "".join(r[j] for j in code_cols).replace(" ", "") or None
            if code is not None and not re.fullmatch(r"[0-9]{3,7}", code):
                name, code = (f"{code} {name}".strip() if code else name), None
            if not name:
                if not any(r[j] for j in value_cols):
                    continue
                # A label written across the sides to its left (公用经费合计 merged over the
                # columns of a list continued in a second group): the nearest text there whose
                # own side has no figure in this row.
                name = next((r[j] for j in range(name_col - 1, -1, -1)
                             if kinds[j] in ("name", "code") and _kind(r[j]) == "text"
                             and not any(r[v] for side in sides if j in (side[0], *side[1]) for v in side[2])),
                            "")
                if not name:
                    return None  # figures without a row name: nothing placed by guesswork
            values: list[tuple[str | None, tuple[int, int]]] = [(None, (0, 0))] * len(columns)
            for j in value_cols:
                text = r[j]
                if not text:
                    continue
                start = cells[j].start + cells[j].text.index(text)
                values[column_of[j]] = (text, (start, start + len(text)))
            start = cells[name_col].start + max(cells[name_col].text.find(name), 0)
            found.rows.append((code, name, (start, start + len(name)), values))
            for j in code_cols:
                if r[j]:
                    found.codes.append((cells[j].start, cells[j].start + len(cells[j].text)))
    return found


def _respan(rows: list[list[Cell]], raw: list[list[str]], first: int, width: int, codes: bool) -> bool:
    """The header rows of a copy that wrote each row's cells packed to its start and padded every
    row to the widest (a web page's table pasted as text), laid back over the columns (in place);
    False unless the grid is such a copy and its header can be so laid.

    - a 栏次 row numbering its columns from the cell after 栏次 in a table of 科目编码 and 科目名称
      has 栏次 written over both, its last cell only padding; so has each 合计 or 总计 row merged
      the same way (合计 | | 180.00 … |, with the first column of figures blank);
    - a row of names over a row repeating as often as it has cells or more (人员经费 | 公用经费
      over three repeats of 科目编码 · 科目名称 · 决算数): each name heads one repeat, the last the
      repeats left, as the 基本支出 table prints them;
    - the other header rows by `_unpacked`, against the columns' kinds as the rows of figures
      show them.

    Also, in a grid as wide in every row, a group's head printed inside the group rather than
    over its first column (a PDF's heading centred over columns a page break cut off) goes to the
    start of the repeat of names under it."""
    if any(len(r) != width for r in raw):
        return False
    numbering = next((i for i in range(first) if raw[i][0].replace(" ", "") == "栏次"), None)
    if codes and numbering is not None and raw[numbering][1] == "1" and not raw[numbering][-1]:
        for i in [numbering, *range(first, len(raw))]:
            if i == numbering or raw[i][0].replace(" ", "") in ("合计", "总计") and not raw[i][-1]:
                rows[i].pop()
                raw[i].pop()
    heads = [i for i in range(first) if raw[i][0].replace(" ", "") != "栏次"]
    body = [r for r in raw[first:] if len(r) == width and not r[0].replace(" ", "").endswith(("合计", "总计"))]
    kinds = _column_kinds([], body, width)
    if kinds is None:
        return False
    moved = False
    for i, below in zip(heads, heads[1:]):
        # heads of groups of columns whose names repeat below (预算数 | 决算数 over “三公”经费合计 ·
        # 因公出国（境）费 · … twice), a head printed inside its group, not over its first column
        # (centred over columns a page break cut off): each head goes to the start of its repeat
        names = [j for j, t in enumerate(raw[below]) if t and kinds[j] == "value"]
        repeats = [j for j in names if raw[below][j] == raw[below][names[0]]] if names else []
        over = [j for j in range(repeats[0], width) if raw[i][j]] if repeats else []
        if len(repeats) < 2 or len(over) != len(repeats) or over == repeats \
                or not all(a <= h < b for h, a, b in zip(over, repeats, [*repeats[1:], width])):
            continue
        cells = [rows[i][h] for h in over]
        for h in over:
            rows[i][h] = Cell("", rows[i][h].start)
        for cell, a in zip(cells, repeats):
            rows[i][a] = cell
        raw[i] = [c.text.strip(BLANKS + "\n") for c in rows[i]]
        moved = True
    packed = {i: next((n for n, t in enumerate(raw[i]) if not t), width) for i in heads}
    if any(any(raw[i][packed[i]:]) for i in heads) or all(n == width for n in packed.values()):
        return moved
    for i, below in zip(heads, heads[1:]):
        k = packed[i]
        if packed[below] != width or not 2 <= k < width:
            continue
        period = next(p for p in range(1, width + 1)
                      if width % p == 0 and all(raw[below][j] == raw[below][j % p] for j in range(width)))
        if k < width // period and any(_NAMES_HEAD.fullmatch(t) for t in raw[below][:period]):
            rows[i] = [rows[i][j // period] if j % period == 0 and j // period < k else Cell("", rows[i][0].start)
                       for j in range(width)]
            raw[i] = [c.text.strip(BLANKS + "\n") for c in rows[i]]
            packed[i] = width
    for i in range(first, len(raw)):
        # a row of labels and amounts written across the columns (人员经费合计 | 901.49 | 公用经费合计 |
        # 180.82 | | …): a figure in a column of names; its padding goes, to be laid as a short row
        if any(kinds[j] == "name" and _kind(t) in ("number", "percent") for j, t in enumerate(raw[i])) \
                and not any(raw[i][next((n for n, t in enumerate(raw[i]) if not t), width):]):
            end = next(n for n, t in enumerate(raw[i]) if not t) if "" in raw[i] else width
            del rows[i][end:], raw[i][end:]
    if all(packed[i] == width for i in heads):
        return True
    laid = _unpacked([rows[i][:packed[i]] for i in heads], kinds, width)
    if laid is None:
        return False
    for i, row in zip(heads, laid):
        rows[i] = row
        raw[i] = [c.text.strip(BLANKS + "\n") for c in row]
    return True


#: A header cell naming the rows' column itself (项目 over 科目编码 and 科目名称, or 科目名称 alone).
_NAMES_HEAD = re.compile(r"项目|项目名称|科目名称|科目|名称")


def _unpacked(heads: list[list[Cell]], kinds: list[str], width: int) -> list[list[Cell]] | None:
    """Header rows a copy wrote without their spans, each row's cells packed to its start (a web
    page's table pasted as text, every row padded to the widest), laid back over the columns: the
    one layout in which each row's cells split the columns of the cells above them that have
    cells below, a cell with none below heads a column of its own kind (行次 a column of row
    numbers, 科目编码 one of codes, 项目 or 科目名称 the names, 项目 also over the codes before them,
    any other name one column of figures), and a cell over a side's names spans whole sides
    (收入 over 项目 · 行次 · 金额). Where several layouts fit, the one whose cells share most words
    with the cells under them (本年支出 over 小计 · 基本支出 · 项目支出); None if none fits or two fit
    equally."""
    # a side starts at its first column of codes or names
    side_starts = {j for j, kind in enumerate(kinds) if kind in ("code", "name") and (j == 0 or kinds[j - 1] != "code")}
    side_ends = {j - 1 for j in side_starts if j} | {width - 1}

    def leaf(text: str, lo: int, hi: int) -> bool:
        text = re.sub(r"\s+", "", text)
        if _SEQ_HEAD.match(text):
            return hi - lo == 1 and kinds[lo] == "seq"
        if _CODE_HEAD.search(text):
            return hi - lo == 1 and kinds[lo] == "code"
        if _NAMES_HEAD.fullmatch(text):
            return kinds[hi - 1] == "name" and all(kinds[j] == "code" for j in range(lo, hi - 1))
        return hi - lo == 1 and kinds[lo] == "value"

    def parent(lo: int, hi: int) -> bool:
        if all(kinds[j] in ("code", "name") for j in range(lo, hi)):
            return True
        if any(kinds[j] == "name" for j in range(lo, hi)):
            return lo in side_starts and hi - 1 in side_ends
        return True

    texts = [[c.text.strip(BLANKS + "\n") for c in row] for row in heads]
    solutions: list[tuple[int, list[list[tuple[int, int]]]]] = []

    def place(level: int, parents: list[tuple[int, int]], laid: list[list[tuple[int, int]]]) -> None:
        if len(solutions) > 50:
            return
        if level == len(heads):
            if not parents:
                score = 0
                for n in range(len(laid) - 1):
                    for k, (lo, hi) in enumerate(laid[n]):
                        for m, (a, b) in enumerate(laid[n + 1]):
                            if lo <= a and b <= hi:
                                run = _common_run(texts[n][k], texts[n + 1][m])
                                score += run if run >= 2 else 0
                solutions.append((score, [list(row) for row in laid]))
            return
        row = texts[level]
        last = level == len(heads) - 1

        def cells(k: int, p: int, at: int, spans: list[tuple[int, int]]) -> None:
            if k == len(row):
                if p == len(parents):
                    choose(0, spans, [])
                return
            if p >= len(parents):
                return
            hi = parents[p][1]
            for end in range(at + 1, hi + 1):
                nxt_p, nxt_at = (p + 1, parents[p + 1][0] if p + 1 < len(parents) else 0) if end == hi else (p, end)
                cells(k + 1, nxt_p, nxt_at, spans + [(at, end)])

        def choose(k: int, spans: list[tuple[int, int]], below: list[tuple[int, int]]) -> None:
            if k == len(spans):
                place(level + 1, below, laid + [spans])
                return
            lo, hi = spans[k]
            if leaf(row[k], lo, hi):
                choose(k + 1, spans, below)
            if not last and parent(lo, hi):
                choose(k + 1, spans, below + [(lo, hi)])

        if parents:
            cells(0, 0, parents[0][0], [])

    place(0, [(0, width)], [])
    if not solutions or len(solutions) > 50:  # (none, or too many to tell: nothing guessed)
        return None
    best = max(score for score, _ in solutions)
    top = [laid for score, laid in solutions if score == best]
    if len(top) > 1:
        return None
    out = []
    for row, spans in zip(heads, top[0]):
        cells_out = [Cell("", row[0].start)] * width
        for cell, (lo, _) in zip(row, spans):
            cells_out[lo] = cell
        out.append(cells_out)
    return out


def _align(rows: list[list[Cell]], first: int, width: int, numeric: int) -> set[int]:
    """Short rows made as wide as the table (in place): the header rows above `first` and the
    rows of figures below; the header rows whose columns cannot be told are returned."""
    uncertain: set[int] = set()
    for i in range(len(rows) - 1, -1, -1):  # bottom up: a header row is read against the one below
        r = rows[i]
        missing = width - len(r)
        if not missing or not r:
            continue
        pad = [Cell("", r[0].start + len(r[0].text))] * missing
        below = rows[i + 1] if i + 1 < first and len(rows[i + 1]) == width and i + 1 not in uncertain else None
        spread = _spread(r, below, width) if below is not None else None
        if i >= first or r[0].text.strip() == "栏次":
            rows[i] = [r[0]] + pad + r[1:]
        elif spread is not None:
            rows[i] = spread
        elif len(r) - 1 == numeric:
            rows[i] = [r[0]] + pad + r[1:]
        elif len(r) >= 2 and width % len(r) == 0:
            step = width // len(r)
            rows[i] = [Cell(r[k // step].text if k % step == 0 else "", r[k // step].start) for k in range(width)]
        else:
            uncertain.add(i)  # which columns its cells head cannot be told: left out of the names
            rows[i] = r + pad
    return uncertain


def _by_sides(cells: list[Cell], sides: list[tuple[int, list[int], list[int]]], paths: list[str],
              width: int) -> list[Cell] | None:
    """A short row of figures that is a label and its amount for each list in turn (人员经费合计 |
    815.68 | 公用经费合计 | 109.64, each label merged across its list's code and name columns), laid
    into those lists: a list is a side, or sides in a row whose column of figures has one name
    (公用经费 continued in a second group of columns); its label goes to its first name column, its
    amount to its last column of figures. None unless the row is exactly that and each side has
    one column of figures."""
    if len(sides) < 2 or any(len(values) != 1 for _, _, values in sides):
        return None
    groups: list[list[tuple[int, list[int], list[int]]]] = []
    for side in sides:
        if groups and paths[groups[-1][-1][2][0]] == paths[side[2][0]] and paths[side[2][0]] != paths[sides[0][2][0]]:
            groups[-1].append(side)
        else:
            groups.append([side])
    if len(cells) // 2 < len(groups) and len({paths[v[0]] for _, _, v in sides}) == 1:
        # The lists' own names were lost with a merged header (人员经费 | 公用经费 over three
        # sides): as the 基本支出 table prints them, the last list runs on over the sides left.
        groups = [[side] for side in sides[:len(cells) // 2 - 1]] + [list(sides[len(cells) // 2 - 1:])]
    texts = [c.text.strip(BLANKS + "\n") for c in cells]
    if len(cells) != 2 * len(groups) or any(
            _kind(texts[2 * n]) != "text" or _kind(texts[2 * n + 1]) not in ("number", "percent", "dash", "blank")
            for n in range(len(groups))):
        return None
    out = [Cell("", cells[0].start)] * width
    for n, group in enumerate(groups):
        out[group[0][0]], out[group[-1][2][0]] = cells[2 * n], cells[2 * n + 1]
    return out


def _spread(r: list[Cell], below: list[Cell], width: int) -> list[Cell] | None:
    """A short header row laid over the full row below it: a cell over an empty one heads that
    one column (the column's header runs down through it), a cell over names heads the run of
    names beneath it (公务用车购置及运行费 over 小计, 公务用车购置费, 公务用车运行费); None unless that
    accounts for exactly the row's width."""
    out: list[Cell] = []
    j = 0
    for cell in r:
        if j >= width:
            return None
        span = 1
        if below[j].text.strip():
            while j + span < width and below[j + span].text.strip():
                span += 1
        out += [cell] + [Cell("", cell.start)] * (span - 1)
        j += span
    if j != width:
        return None
    # each cell's text stands over every column of its span
    filled, current = [], None
    for k, cell in enumerate(out):
        if cell.text.strip():
            current = cell
        filled.append(cell if cell.text.strip() or current is None or not below[k].text.strip() else
                      Cell(current.text, cell.start))
    return filled


def _read_empty(grid: Grid, label: str | None, title: str, span: tuple[int, int], unit: str | None) -> Found | None:
    """A table printed without figures (its 说明 says so: 本表为空表, 故本表无数据): its columns as its
    header names them, and no rows. Its rows of names alone (合计, or 类 names with empty cells)
    hold nothing to transcribe. None if any cell holds a number that is not a 栏次."""
    rows = [list(r) for r in grid.rows]
    width = max((len(r) for r in rows), default=0)
    raw = [[c.text.strip(BLANKS + "\n") for c in r] for r in rows]
    if width < 2 or any(_kind(t) in ("number", "percent") for r in raw if r and r[0].replace(" ", "") != "栏次"
                        for t in r):
        return None
    header_rows = [i for i, r in enumerate(raw) if r and r[0].replace(" ", "") not in ("栏次", "合计", "总计")]
    last = max(header_rows, default=-1)
    if last < 0:
        return None
    uncertain = _align(rows, last + 1, width, 0)
    header = [[c.text.strip(BLANKS + "\n") for c in rows[i]] for i in range(last + 1)
              if i not in uncertain and raw[i][0].replace(" ", "") != "栏次"]
    paths = _paths(header, width)
    columns = [p for p in paths if p and not _CODE_HEAD.search(p.split(" / ")[-1])
               and not _SEQ_HEAD.match(p.split(" / ")[-1]) and not _NAME_HEAD.fullmatch(p.split(" / ")[-1])
               and p.split(" / ")[-1] not in ("项目",)]
    if not columns or len(set(columns)) < len(columns):
        return None
    return Found(label, title, span, unit, columns, [], grid_start=grid.start, units=[None] * len(columns))


def _read_unlabelled(grid: Grid, rows: list[list[Cell]], raw: list[list[str]], width: int, label: str | None,
                     title: str, span: tuple[int, int], unit: str | None) -> Found | None:
    """A table of one row of figures and no row label (a 三公 table printed as twelve amounts
    under their headers): that row is what the table's title names (“三公”经费 of
    一般公共预算财政拨款“三公”经费支出决算表). Refused unless there is exactly one such row."""
    numeric_rows = [i for i, r in enumerate(raw) if r and all(_kind(t) in ("number", "percent", "dash", "blank")
                                                               for t in r) and any(_kind(t) == "number" for t in r)]
    sequence = [i for i in numeric_rows if [t for t in raw[i] if t] == [str(n) for n in range(1, len(raw[i]) + 1)]]
    data = [i for i in numeric_rows if i not in sequence]
    subject = _subject(title)
    last = len(raw) - 1
    while last > 0 and raw[last] and _NOTE.match(raw[last][0]) and not any(raw[last][1:]):
        last -= 1  # (the table's note in a row of its own under the figures, inside the frame)
    if len(data) != 1 or data[0] != last or subject is None or len(raw[data[0]]) != width:
        return None
    first = min([*sequence, *data])
    respanned = _respanned([raw[i] for i in range(first)], width)
    if respanned is not None:
        header = respanned
    else:
        uncertain = _align(rows, first, width, width)
        header = [[c.text.strip(BLANKS + "\n") for c in rows[i]] for i in range(first) if i not in uncertain]
    paths = _paths(header, width)
    if any(not p or any(_kind(part) in ("number", "percent") for part in p.split(" / ")) for p in paths) \
            or len(set(paths)) < width:
        return None
    cells = rows[data[0]]
    values: list[tuple[str | None, tuple[int, int]]] = []
    for cell in cells:
        text = cell.text.strip(BLANKS + "\n")
        values.append((text, (cell.start + cell.text.index(text), cell.start + cell.text.index(text) + len(text)))
                      if text else (None, (0, 0)))
    units = ["%" if _kind(t) == "percent" else None for t in raw[data[0]]]
    found = Found(label, title, span, unit, paths, [(None, subject, (0, 0), values)], grid_start=grid.start,
                  units=units)
    return found


def _respanned(header: list[list[str]], width: int) -> list[list[str]] | None:
    """Header rows a copy wrote without their spans, each row's names packed to its start and fewer
    than the columns (a web page's table copied as text): laid back over the columns where the
    layout tells. The top row's names split the columns evenly (预算数 | 决算数 over six each); each
    lower row repeats the same names under each of them; a name of the middle row heads the names
    of the row below when it shares words with them (公务用车购置及运行费 over 小计 · 公务用车购置费 ·
    公务用车运行费), the rest stand alone. None when the rows do not fit so."""
    rows = [[text for text in row if text] for row in header]
    if not 2 <= len(rows) <= 3 or any(len(row) >= width or not row for row in rows):
        return None
    groups = len(rows[0])
    if width % groups or any(len(row) % groups for row in rows[1:]):
        return None
    per = width // groups
    parts = [row[: len(row) // groups] for row in rows[1:]]
    if any(row != part * groups for row, part in zip(rows[1:], parts)):
        return None
    middle = parts[0]
    lower = parts[1] if len(parts) > 1 else []
    spans: list[tuple[str, int, list[str]]]
    if not lower:
        if len(middle) != per:
            return None
        spans = [(name, 1, []) for name in middle]
    else:
        heads = len(middle) + len(lower) - per  # the middle row's names over names of the row below
        if heads != 1:
            return None

        def shared(name: str) -> int:  # the words it shares with the names below it
            return sum(run for below in lower if (run := _common_run(name, below)) >= 2)

        ranked = sorted(range(len(middle)), key=lambda k: -shared(middle[k]))
        head = ranked[0]
        if shared(middle[head]) < 4 or len(ranked) > 1 and shared(middle[ranked[1]]) * 2 > shared(middle[head]):
            return None  # (no name, or no one name, plainly over them)
        spans = [(name, len(lower) if k == head else 1, lower if k == head else []) for k, name in enumerate(middle)]
    out = [[""] * width for _ in rows]
    for g in range(groups):
        at = g * per
        out[0][at] = rows[0][g]
        for name, span, below in spans:
            out[1][at] = name
            for n, child in enumerate(below):
                out[2][at + n] = child
            at += span
    return out


def _common_run(a: str, b: str) -> int:
    """The length of the longest run of characters two names share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


#: A table's note or explanation written in a row of the table.
_NOTE = re.compile(r"^(?:注|说明|备注)\s*[0-9１-９]?\s*[：:.．、]")
_SUBJECT = re.compile(r"^(?:(?:一般公共预算)?财政拨款)?(?P<subject>.+?)(?:支出)?(?:决算|情况)表$")


def _subject(title: str) -> str | None:
    match = _SUBJECT.match(re.sub(r"\s+", "", title))
    return match.group("subject") if match else None


def _column_kinds(header: list[list[str]], body: list[list[str]], width: int) -> list[str] | None:
    """Each column's role: code, seq (行次/栏次), name or value; None if the grid is not such a table."""
    kinds: list[str] = []
    for j in range(width):
        heads = [h[j].replace(" ", "") for h in header if h[j].strip()]
        head = heads[-1] if heads else ""
        cells = [r[j] for r in body if r[j]]
        numbers = sum(1 for t in cells if _kind(t) in ("number", "percent", "dash"))
        if _MEASURE_HEAD.match(head) and cells and all(_kind(t) == "text" for t in cells):
            kinds.append("measure")  # each row's unit (计量单位: 万元, 辆), of the figures beside it
        elif _SEQ_HEAD.search(head) or (head == "" and cells and all(re.fullmatch(r"[0-9]{1,3}", t) for t in cells)
                                       and [int(t) for t in cells] == sorted(int(t) for t in cells)
                                       and j > 0 and kinds and kinds[-1] == "name"):
            kinds.append("seq")
        elif _CODE_HEAD.search(head) or (cells and all(re.fullmatch(r"[0-9]{2,7}", t) for t in cells)
                                         and j + 1 < width and not head):
            kinds.append("code")
        elif cells and numbers < len(cells) / 2:
            kinds.append("name")
        elif not cells and (_NAME_HEAD.fullmatch(head) or j == 0):
            kinds.append("name")
        else:
            kinds.append("value")
    if "name" not in kinds:
        return None
    return kinds


def _sides(kinds: list[str]) -> list[tuple[int, list[int], list[int]]]:
    """(name column, code columns, value columns) of each side, left to right."""
    sides: list[tuple[int, list[int], list[int]]] = []
    codes: list[int] = []
    for j, kind in enumerate(kinds):
        if kind == "code":
            codes.append(j)
        elif kind == "name":
            if sides and not sides[-1][2] and not codes and j > 0 and kinds[j - 1] == "name":
                # a second column of words right after the names (项目名称 | 项目单位): an attribute
                # of the row, not another side; the row is named by the first
                continue
            sides.append((j, codes, []))
            codes = []
        elif kind == "value" and sides:
            sides[-1][2].append(j)
    return sides


def _paths(header: list[list[str]], width: int) -> list[str]:
    """Each column's header cells top to bottom joined with “ / ”; a cell followed by empty ones
    in its row (merged across) names those columns too, unless a lower row starts a name there."""
    filled = []
    for n, h in enumerate(header):
        row = list(h)
        named_below = [any(lower[j] for lower in header[n + 1:]) for j in range(width)]
        for j in range(1, width):
            # carried right over a column only where a lower header cell names a part of it
            if not row[j] and row[j - 1] and named_below[j]:
                row[j] = row[j - 1]
        filled.append(row)
    paths = []
    for j in range(width):
        parts: list[str] = []
        for row in filled:
            text = re.sub(r"\s+", "", row[j])
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        paths.append(" / ".join(parts))
    return paths


def put(tree: Tree, found: list[Found]) -> None:
    """The tables into the draft, each cell a statement quoting itself."""
    if not found:
        return
    seq = tree.root.fields.setdefault("tables", Seq(None))
    assert isinstance(seq, Seq)
    for table in found:
        node = Node(None)
        if table.label:
            node.fields["label"] = Leaf([Stmt(table.label, "text", "", (0, 0))], False)
        node.fields["title"] = Leaf([Stmt(table.title, "text", "", (0, 0))], False)
        if table.scope:
            node.fields["scope"] = Leaf([Stmt(table.scope, "text", "", (0, 0))], False)
        if table.unit:
            node.fields["unit"] = Leaf([Stmt(table.unit, "text", "", (0, 0))], False)
        columns = Seq(None)
        for name, unit in zip(table.columns, table.units or [None] * len(table.columns)):
            column = Node(None, {"name": Leaf([Stmt(name, "text", "", (0, 0))], False)})
            if unit:
                column.fields["unit"] = Leaf([Stmt(unit, "text", "", (0, 0))], False)
            columns.items.append(column)
        node.fields["columns"] = columns
        rows = Seq(None)
        for code, name, _, values in table.rows:
            row = Node(None)
            if code:
                row.fields["code"] = Leaf([Stmt(code, "text", "", (0, 0))], False)
            row.fields["name"] = Leaf([Stmt(name, "text", "", (0, 0))], False)
            cells = Seq(None)
            for text, span in values:
                if text is None:
                    cells.items.append(Leaf([Stmt("~", "null", "", (0, 0))], False))
                elif text in _DASHES:
                    cells.items.append(Leaf([Stmt(text, "text", "", (0, 0))], False))
                else:
                    cells.items.append(Leaf([Stmt(text.replace(",", "").rstrip("%％"), "number",
                                                  f"{name}：{text}", span)], False))
            row.fields["values"] = cells
            rows.items.append(row)
        if rows.items:
            node.fields["rows"] = rows
        if table.note:
            node.fields["note"] = Leaf([Stmt(table.note, "text", "", (0, 0))], False)
        if table.statement:
            node.fields["statement"] = Leaf([Stmt(table.statement, "text", "", (0, 0))], False)
        seq.items.append(node)
