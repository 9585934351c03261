"""Text copied out of a PDF viewer: lines broken where the page's lines ended, page numbers and a
running head between pages, tables as columns aligned with spaces.

A reader who selects all in a PDF and pastes it into Notepad gets this. Its paragraphs are put
back together (a line runs on into the next unless it ends a sentence, or the next is indented,
numbered or a heading), page furniture (`- 7 -`, `第 7 页`, the running head after it) is kept as
its own paragraphs after the paragraph it interrupted, and a run of lines of two or more cells
apart by two or more spaces is a table. Its columns are where the cells of its rows of figures
stand on the page, measured in display width (a Chinese character is two columns wide, as the
PDF set them); a header cell over several columns goes into the first it covers, as a merged
cell of Word or Excel does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .read import TABLE_LINE, Block, _Writer
from .textforms import columns_at

#: A page number alone on its line.
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*[0-9]+\s*[-—–]|第\s*[0-9]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?)\s*$")
#: A line that ends a paragraph, or starts one (as the PDF reader has them).
_LINE_END = re.compile(r"[。；;：:！!？?]$")
_LINE_START = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十0-9]+）|\([一二三四五六七八九十0-9]+\)|"
                         r"[0-9]+[.、．](?![0-9])|第[一二三四五六七八九十]+部分|注[：:]|说明[：:]|附件|附表)")
_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")
_NUMBER = re.compile(r"^-?[0-9][0-9,]*(?:\.[0-9]+)?%?$")


def is_layout_text(text: str) -> bool:
    """Text pasted from a PDF: page numbers on lines of their own, or rows of cells aligned with
    spaces, and no tab-separated cells (a Word export or a spreadsheet paste)."""
    lines = text.split("\n")
    if any("\t" in line for line in lines):
        return False
    pages = sum(1 for line in lines if PAGE_NUMBER.match(line))
    rows = sum(1 for line in lines if _is_row(line) and any(_NUMBER.match(c[0]) for c in _cells(line)[1:]))
    return pages >= 2 or rows >= 5


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cells(line: str) -> list[tuple[str, int, int, int]]:
    """(text, offset, first display column, end display column) of each cell: runs of text apart
    by two or more spaces; an amount run into the next column's row name with no space between
    (a fixed-width export's 434.96一、一般公共服务支出: the amount right-aligned to its column's end,
    the name left-aligned from the next's start) is two cells."""
    out = []
    for match in re.finditer(r"[^ ]+(?: [^ ]+)*", line):
        text, at = match.group(), match.start()
        glued = _GLUED.match(text)
        if glued and _row_name(glued.group(2)):
            parts = [(glued.group(1), at), (glued.group(2), at + len(glued.group(1)))]
        else:
            parts = [(text, at)]
        for part, offset in parts:
            start = _width(line[:offset])
            out.append((part, offset, start, start + _width(part)))
    return out


#: An amount (with its decimals) and text straight after it.
_GLUED = re.compile(r"^(-?[0-9][0-9,]*\.[0-9]+)([^0-9.,%％ ].*)$")


def _row_name(text: str) -> bool:
    """Text that names a row of a table: numbered (一、…) or a template row's name."""
    from .lexicon import known_row

    return re.match(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]", text) is not None or \
        known_row(text) is not None


def _is_row(line: str) -> bool:
    return len(_cells(line)) >= 2


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000"))


def read_layout_text(text: str) -> tuple[str, list[Block]]:
    """The text put back together (paragraphs joined, tables in the tab layout) and its blocks."""
    lines = text.split("\n")
    heads = Counter(lines[i + 1].strip() for i, line in enumerate(lines[:-1])
                    if PAGE_NUMBER.match(line) and lines[i + 1].strip())
    furniture_heads = {h for h, n in heads.items() if n >= 2}
    # the page's left margin: the indent most lines have (a PDF tool may set every line in by it)
    indents = Counter(_indent(line) for line in lines if line.strip(" \u3000"))
    margin = min((n for n, c in indents.items() if c >= max(indents.values()) / 2), default=0)
    out = _Writer()
    located, at = [], 0  # each line with its offset in the text
    for line in lines:
        located.append((line, at))
        at += len(line) + 1
    paragraph: list[str] = []
    closed = True  # the open paragraph may not run on (a centred title, a heading)
    pending: list[str] = []  # page furniture met inside the open paragraph

    def close() -> None:
        nonlocal paragraph, closed
        if paragraph:
            out.paragraph("".join(paragraph))
        paragraph, closed = [], True
        for item in pending:
            out.paragraph(item)
        pending.clear()

    i = 0
    while i < len(lines):
        line = lines[i].lstrip("\f\v")  # pdftotext's page break before a page's first line
        stripped = line.strip(" \u3000")
        if not stripped:
            i += 1
            continue
        if PAGE_NUMBER.match(line) or stripped in furniture_heads:
            (pending if paragraph else []).append(stripped)
            if not paragraph:
                out.paragraph(stripped)
            i += 1
            continue
        if stripped == "序号" and (columns := columns_at(located, i)) is not None:
            # a table copied a column at a time (textforms.columns_at)
            grid, end = columns
            close()
            out.table([[c.text for c in row] for row in grid.rows])
            i = end
            continue
        if _is_row(line):
            end = _table_end(lines, i, furniture_heads)
            if not any(_NUMBER.match(c[0]) for k in range(i, end) for c in _cells(lines[k])[1:]) \
                    and sum(1 for c in _cells(line) if _VALUE_HEAD.search(c[0])) >= 2:
                end = _header_goes_on(lines, end, furniture_heads)
            if any(_NUMBER.match(c[0]) for k in range(i, end) for c in _cells(lines[k])[1:]):
                close()
                rows = _grid([row for row in lines[i:end] if row.strip(" \u3000")])
                while rows and any(rows[0]) and all(TABLE_LINE.match(text) for text in rows[0] if text):
                    out.paragraph("　".join(text for text in rows.pop(0) if text))  # (单位：… 金额单位：万元)
                out.table(rows)
                i = end
                continue
        if _spaced_row(stripped):
            # cells apart by one space each (pdftotext without -layout): a form's row, never run on
            # into a paragraph; its rows together are a table of as many cells as each has
            end = i
            while end < len(lines):
                if _spaced_row(lines[end].strip(" \u3000\f\v")):
                    end += 1
                    continue
                # a form's row of text between its rows of figures (年度总体目标 预期目标 实际完成情况
                # and the goals' text, 其他资金 with no amount): up to three lines, with the form's
                # rows going on after them
                gap = next((k for k in range(end + 1, min(end + 4, len(lines))) if _spaced_row(
                    lines[k].strip(" \u3000\f\v"))), None)
                if gap is None or any(not lines[k].strip() or PAGE_NUMBER.match(lines[k]) for k in range(end, gap)):
                    break
                end = gap
            close()
            out.table(_aligned([lines[k].strip(" \u3000\f\v").split(" ") for k in range(i, end)]))
            i = end
            continue
        indent = _indent(line) - margin
        # (a line of three cells or more set apart by columns of space is a form's row, its header or
        # its head lines: it neither runs on into the paragraph before nor takes the next line in)
        form_row = len(_cells(line)) >= 3
        joins = paragraph and not closed and not _LINE_END.search(paragraph[-1]) and indent < 2 \
            and not _LINE_START.match(stripped) and not form_row
        if joins:
            paragraph.append(stripped)
        else:
            close()
            paragraph = [stripped]
            centred = indent >= 8
            heading = _LINE_START.match(stripped) is not None and len(stripped) < 30 and not _LINE_END.search(stripped)
            closed = centred or heading and not re.search(r"[，,]", stripped) or form_row
        i += 1
    close()
    return out.text(), out.blocks


def _spaced_row(line: str) -> bool:
    """Three or more cells apart by single spaces, two of them numbers or the line a header of
    a form's money or indicator columns (年初预算数 全年预算数 …, 一级指标 二级指标 …)."""
    cells = line.split(" ")
    if len(cells) >= 2 and "" not in cells and re.search(r"(项目名称|主管部门|实施单位|部门名称|单位名称)$", cells[0]):
        return True  # a form's head: 项目名称 X, 主管部门 A 实施单位 B
    if len(cells) < 3 or "" in cells or any(re.search(r"[。；;，,]$", c) for c in cells):
        return False
    numbers = sum(1 for c in cells if re.match(r"^[-—≥≤<>＞＜]?[0-9][0-9,]*(?:\.[0-9]+)?", c))
    return numbers >= 2 or sum(1 for c in cells if re.search(r"(预算数|执行数|执行率|分值|得分|指标|目标)$", c)) >= 3


#: A header cell of a form's column of values (amounts, rates, targets, results, weights, scores).
_VALUE_HEAD = re.compile(r"(预算数|执行数|决算数|执行率|分值|权重|得分|指标值|完成值|完成情况|预期目标)$")
#: A header cell of a column of text after the values (why a target was missed, a note).
_TEXT_HEAD = re.compile(r"(原因|说明|备注|措施)")
#: A cell that is a value: a number (with a sign, a comparison, a % or a unit after it) or a dash.
_VALUE_CELL = re.compile(r"^(?:[-—≥≤<>＞＜=＝]?[0-9][0-9,]*(?:\.[0-9]+)?\S*|[—–/-])$")


def _aligned(rows: list[list[str]]) -> list[list[str]]:
    """A form's rows as pdftotext writes them without its layout (cells apart by one space, a
    blank cell and a cell merged down left out) set back under the header above them: a row
    shorter than its header has its values (as many as the header has columns of values, the
    last of them its last value cell) under the header's last columns of values, the text
    after them under the columns of text that end the header (偏差原因…), and its names in the
    last of the columns of names (a 三级指标 alone stands under 三级指标, its 一级 and 二级 merged
    above; a blank 年初预算数 leaves 上年结转资金 under 项目资金 and its amounts under 全年预算数 on)."""
    out: list[list[str]] = []
    header: list[str] | None = None
    for cells in rows:
        if sum(1 for c in cells if _VALUE_HEAD.search(c)) >= 3 and not any(_NUMBER.match(c) for c in cells):
            header = cells
            out.append(cells)
            continue
        if header is None or len(cells) >= len(header):
            out.append(cells)
            continue
        tail = 0
        while tail < len(header) and _TEXT_HEAD.search(header[len(header) - 1 - tail]):
            tail += 1
        values_end = len(header) - tail  # the header's columns of values end here
        values_start = values_end
        while values_start > 0 and _VALUE_HEAD.search(header[values_start - 1]):
            values_start -= 1
        last = max((n for n, c in enumerate(cells) if _VALUE_CELL.match(c)), default=None)
        if last is None or values_start == values_end:
            out.append(cells)
            continue
        count = min(values_end - values_start, last)  # one cell at least is a name
        names, values, after = cells[:last + 1 - count], cells[last + 1 - count:last + 1], cells[last + 1:]
        row = [""] * len(header)
        row[values_end - count:values_end] = values
        if len(names) == 1 and re.fullmatch(r"(总分|合计|总计|小计)", names[0]):
            row[0] = names[0]  # a total's row is named in the first column
        else:  # names right-aligned in the columns of names before the values
            start = max(values_start - len(names), 0)
            row[start:values_start] = names[len(names) - (values_start - start):]
        for n, text in enumerate(after):
            if values_end + n < len(row):
                row[values_end + n] = text
            else:
                row.append(text)
        out.append(row)
    return out


def _header_goes_on(lines: list[str], end: int, heads: set[str]) -> int:
    """Where a table ends whose header (rows of column names, no figure) stands a gap above its rows
    (a scan's header row taller than its text, a header cell's second line, （万元）, below it): past
    the gap, a line or two of one short cell and the rows of figures after them; `end` itself when
    no rows of figures follow within three lines."""
    k = end
    while k < len(lines) and k - end < 3 and (not lines[k].strip(" \u3000") or
                                               len(_cells(lines[k])) == 1 and len(lines[k].strip()) <= 8):
        k += 1
    if k == end or k >= len(lines) or not _is_row(lines[k]):
        return end
    after = _table_end(lines, k, heads)
    return after if any(_NUMBER.match(c[0]) for j in range(k, after) for c in _cells(lines[j])[1:]) else end


def _table_end(lines: list[str], i: int, heads: set[str]) -> int:
    """Where the table starting at line `i` ends: at a blank line, a page number, a note, or a line
    of one cell that is not a short label between its rows (合计 alone in an empty table)."""
    start = i
    while i < len(lines):
        line = lines[i]
        stripped = line.strip(" \u3000")
        if not stripped and start < i and i + 1 < len(lines) and len(_cells(lines[i + 1])) >= 3 \
                and _indent(lines[i + 1]) >= 8 and len(_cells(lines[i - 1])) >= 2:
            # (a blank line between two rows, the next set in from the margin under the columns, is
            # a scanned form's taller row, not the table's end)
            i += 1
            continue
        if not stripped or PAGE_NUMBER.match(line) or stripped in heads or _LINE_START.match(stripped) and \
                stripped.startswith(("注", "说明")):
            return i
        if not _is_row(line) and (len(stripped) > 12 or re.search(r"[。；，,]", stripped)) \
                and not (_indent(line) >= 40 and _is_row(next((n for n in lines[i + 1:i + 3] if n.strip()), ""))):
            # (a line of one cell far in from the margin, rows going on after it, is a text column's
            # cell wrapped onto a line of its own: 偏差原因 running on under its row)
            return i
        i += 1
    return i


def _union(spans: list[tuple[int, int, int]]) -> list[list]:
    """Spans that overlap as one column: [start, end, the rows that fill it]."""
    columns: list[list] = []
    for start, end, row in sorted(spans):
        if columns and start < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], end)
            columns[-1][2].add(row)
        else:
            columns.append([start, end, {row}])
    return columns


def _numbering(row: list[tuple[str, int, int, int]]) -> bool:
    """A 栏次 row: its numbers are 1, 2, 3 … in order."""
    numbers = [c[0] for c in row if _NUMBER.match(c[0])]
    return len(numbers) >= 2 and numbers == [str(k) for k in range(1, len(numbers) + 1)] or \
        len(numbers) >= 2 and all(b.isdigit() and a.isdigit() and int(b) == int(a) + 1
                                  for a, b in zip(numbers, numbers[1:])) \
        and any(c[0] == "栏次" for c in row)


def _match(marks: list[tuple[int, int]], columns: list[list]) -> list[tuple[int | None, tuple[int, int]]]:
    """Each mark (a 栏次 number) with the column it stands over: an order-keeping match of as many
    marks as can be matched within 14 display columns, the nearest overall; None for the rest."""
    far = 14.0
    centre = [(a + b) / 2 for a, b in marks]
    middle = [(c[0] + c[1]) / 2 for c in columns]
    m, n = len(marks), len(columns)
    # best[i][j]: (matches, -distance) over the first i marks and j columns
    best = [[(0, 0.0)] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            options = [best[i - 1][j], best[i][j - 1]]
            gap = abs(centre[i - 1] - middle[j - 1])
            if gap <= far:
                matches, distance = best[i - 1][j - 1]
                options.append((matches + 1, distance - gap))
            best[i][j] = max(options)
    out: list[tuple[int | None, tuple[int, int]]] = []
    i, j = m, n
    while i > 0:
        gap = abs(centre[i - 1] - middle[j - 1]) if j > 0 else far + 1
        if j > 0 and gap <= far and best[i][j] == (best[i - 1][j - 1][0] + 1, best[i - 1][j - 1][1] - gap):
            out.append((j - 1, marks[i - 1]))
            i, j = i - 1, j - 1
        elif j > 0 and best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            out.append((None, marks[i - 1]))
            i -= 1
    return out[::-1]


def _nearest(start: int, end: int, columns: list[list]) -> int:
    """The column a cell overlaps most, or the nearest one to its left."""
    overlaps = [_overlap(start, end, c) for c in columns]
    if max(overlaps) > 0:
        return overlaps.index(max(overlaps))
    return max((j for j, c in enumerate(columns) if c[0] <= start), default=0)


def _heading(k: int, row: list[tuple[str, int, int, int]], columns: list[list], after: int) -> tuple[int, int]:
    """The column of a heading: the first of the run of columns it is centred over. The run holds
    every column the heading overlaps and none another heading of its row overlaps; of the runs
    nearest to centred (within 1.5 display columns of the nearest), the widest; and it starts after
    the columns of the heading before it (`after`). The first and last column of the run."""
    _, _, start, end = row[k]
    mine = [j for j, c in enumerate(columns) if _overlap(start, end, c)] or [_nearest(start, end, columns)]
    others = {j for m, (_, _, s0, e0) in enumerate(row) if m != k for j, c in enumerate(columns) if _overlap(s0, e0, c)}
    if others & set(mine) or mine[0] < after:
        j = max(_nearest(start, end, columns), min(after, len(columns) - 1))
        return j, j
    low = max([after] + [j + 1 for j in others if j < mine[0]])
    high = min((j - 1 for j in others if j > mine[-1]), default=len(columns) - 1)
    centre = (start + end) / 2
    runs = [(abs((columns[i][0] + columns[j][1]) / 2 - centre), i, j)
            for i in range(low, mine[0] + 1) for j in range(mine[-1], high + 1)]
    best = min(r[0] for r in runs)
    _, first, last = max((r for r in runs if r[0] <= best + 1.5), key=lambda r: (r[2] - r[1], -r[0]))
    return first, last


def _overlap(start: int, end: int, column: list) -> int:
    return max(0, min(end, column[1]) - max(start, column[0]))


#: The name of a table's total row.
_TOTAL = re.compile(r"(?:合\s*计|总\s*计|总\s*分|小\s*计)")


def _grid(lines: list[str]) -> list[list[str]]:
    """The rows of a table as cells by column.

    The columns are where its rows of figures have cells: first the numbers (figures, codes, 行次),
    whose places are surest, spans that overlap one column, and spans close together that no row
    fills both of one column (a 栏次 number set a little left of the figures under it); then the
    words of those rows that stand clear of the numbers; then a cell of the lowest heading row over no
    figure (an empty column). A cell of a row of figures goes to the column it overlaps most; a header cell
    to the first of the columns it is centred over (`_heading`), so a heading over several columns
    stands at the first, as a merged cell does."""
    rows = [_cells(line) for line in lines]
    figures = [n for n, r in enumerate(rows) if any(_NUMBER.match(c[0]) for c in r[1:])] or list(range(len(rows)))
    numbering = {n for n in figures if _numbering(rows[n])}
    numbers = _union([(c[2], c[3], n) for n in figures if n not in numbering for c in rows[n] if _NUMBER.match(c[0])])
    merged: list[list] = []
    for column in numbers:
        if merged and column[0] - merged[-1][1] <= 2 and not (merged[-1][2] & column[2]):
            merged[-1][1] = column[1]
            merged[-1][2] |= column[2]
        else:
            merged.append(column)
    # (a total's name is centred over the columns of names it spans, 合计 over 一级 · 二级 · 三级:
    # it would join them into one)
    words = _union([(c[2], c[3], n) for n in figures for c in rows[n]
                    if not _NUMBER.match(c[0]) and not any(_overlap(c[2], c[3], m) for m in merged)
                    and not (c is rows[n][0] and _TOTAL.fullmatch(c[0]))])
    # a 栏次 row numbers every column, an empty one too: its numbers are matched in order to the
    # columns of figures nearest them, and one matched to none is a column of its own
    for n in numbering:
        marks = [(start, end) for text, _, start, end in rows[n] if _NUMBER.match(text)]
        for k, mark in _match(marks, merged):
            if k is None:
                merged.append([mark[0], mark[1], {n}])
            else:
                merged[k][0], merged[k][1] = min(merged[k][0], mark[0]), max(merged[k][1], mark[1])
        merged.sort(key=lambda c: c[0])
    columns = merged + words
    first_figures = min(set(figures) - numbering, default=len(rows))
    lowest = max((n for n in range(first_figures) if n not in figures), default=None)
    if lowest is not None:  # (a heading higher up stands over several columns, between them)
        columns += [[start, end, set()] for _, _, start, end in rows[lowest]
                    if not any(_overlap(start, end, c) for c in columns)]
    columns = sorted(columns, key=lambda c: c[0])
    if lowest is not None:  # a column is as wide as its heading, for the headings above to centre on
        for _, _, start, end in rows[lowest]:
            over = [c for c in columns if _overlap(start, end, c)]
            if len(over) == 1:
                over[0][0], over[0][1] = min(over[0][0], start), max(over[0][1], end)
    first_figures = min(set(figures) - numbering, default=len(rows))
    placed: dict[int, list[int]] = {}
    for n, row in enumerate(rows):
        if n < first_figures and n not in figures:
            placed[n], after = [], 0
            for k in range(len(row)):  # left to right, each heading's columns after the one before's
                first, last = _heading(k, row, columns, after)
                placed[n].append(first)
                after = last + 1
        else:
            placed[n] = [_nearest(cell[2], cell[3], columns) for cell in row]
    out = []
    for n, row in enumerate(rows):
        cells = [""] * len(columns)
        for (text, _, _, _), k in zip(row, placed[n]):
            while cells[k] and k + 1 < len(cells) and not cells[k + 1]:
                k += 1
            cells[k] = f"{cells[k]} {text}".strip() if cells[k] else text
        first = next((j for j, t in enumerate(cells) if t), 0)
        if n in numbering and cells[first] == "栏次":  # over the code and name columns, as merged
            cells[0], cells[first] = cells[first], cells[0]
        out.append(cells)
    return out
