"""A sheet saved as fixed-width text (Excel's 带格式文本文件（空格分隔）, *.prn, published as .txt):
every row one line, every cell padded to its column's width (a Chinese character two wide), numbers
to its right edge, text from its left, and nothing between two cells. An amount filling its column
runs straight into the next column's text (434.96一、一般公共服务支出), a code into its name
(207文化旅游体育与传媒支出), so the gaps of spaces a copied page's columns leave are no guide.

The columns are found from the numbers: a sheet's amounts, 行次 and codes end on its columns' right
edges, so the display columns where many of them end are the edges. Each line is then cut at the
edges, a cell for each column, as the sheet had them; and the rows read as a sheet's are (a row of
one cell a paragraph, runs of other rows a table). Every cell keeps its offset in the text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .read import Block, Cell, cell_blocks

#: A number as a sheet prints it (an amount, a 行次, a code, a rate).
_NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?%?")
#: An amount with its decimals, or a classification code.
_AMOUNT = re.compile(r"-?[0-9][0-9,]*\.[0-9]+%?|[0-9]{3,7}")


def _width(char: str) -> int:
    """A character's width in the export: its width in the Chinese code page Excel writes (“ and ”,
    of ambiguous width elsewhere, are two, as a Chinese character is)."""
    if char.isascii():
        return 1
    if unicodedata.east_asian_width(char) in "WFA":
        return 2
    try:
        return min(2, len(char.encode("gb18030")))
    except UnicodeEncodeError:
        return 1


def _runs(line: str) -> list[tuple[str, int, int, int]]:
    """The line's runs of characters apart by spaces, as (text, offset in the line, first display
    column, end display column); a number straight before other text is a run of its own."""
    out: list[tuple[str, int, int, int]] = []
    for match in re.finditer(r"[^ ]+", line):
        col = sum(_width(c) for c in line[:match.start()])
        text, at = match.group(), match.start()
        number = _NUMBER.match(text)
        if number and number.end() < len(text) and not re.match(r"[0-9.,%]", text[number.end()]):
            head, text = text[:number.end()], text[number.end():]
            out.append((head, at, col, col + len(head)))
            col, at = col + len(head), at + len(head)
        out.append((text, at, col, col + sum(_width(c) for c in text)))
    return out


def fixed_columns(text: str) -> list[int] | None:
    """The right edges of a fixed-width sheet's columns, in display columns, or None when the text
    is no such sheet: many numbers ending on a few edges, a number run straight into the next
    column's text there, and no run of text across an edge."""
    lines = text.split("\n")
    if any("\t" in line for line in lines) or len(lines) < 10:
        return None
    ends: Counter[int] = Counter()
    runs_of = [_runs(line.rstrip("\r")) for line in lines]
    numbers = 0
    for runs in runs_of:
        for run, _, _, end in runs:
            # amounts and codes stand right-aligned; a 栏次's or a header's number may be centred
            if _AMOUNT.fullmatch(run):
                ends[end] += 1
                numbers += 1
    if numbers < 20:
        return None
    edges = sorted(col for col, n in ends.items() if n >= 3)
    if len(edges) < 3:
        return None
    # columns of one width with no amount of their own (事业收入 with nothing in it): their edges
    # filled in at that width, to the end of the widest line
    steps = Counter(b - a for a, b in zip(edges, edges[1:]))
    step, seen = steps.most_common(1)[0]
    if seen >= 2 and step >= 4:
        widest = max(sum(_width(c) for c in line.rstrip("\r")) for line in lines)
        filled = [edges[0]]
        for edge in edges[1:]:
            if (edge - filled[-1]) % step == 0:
                filled += list(range(filled[-1] + step, edge, step))
            filled.append(edge)
        while filled[-1] + step < widest + step:
            filled.append(filled[-1] + step)
        # and leftwards, down to the first edge, where no run of text crosses (a wider name column
        # before them: the edge between it and the first column of amounts)
        regular = next(k for k in range(len(filled) - 1) if filled[k + 1] - filled[k] == step)
        edge = filled[regular] - step
        rows = [runs for runs in runs_of if len(runs) >= 2]  # (a title's or a note's line runs over as it will)
        while edge > filled[0] and all(not start < edge < end for runs in rows for _, _, start, end in runs):
            filled.insert(regular, edge)
            edge -= step
        edges = sorted(set(filled))
    glued = crossing = 0
    for runs in runs_of:
        for k, (run, _, start, end) in enumerate(runs):
            if _NUMBER.fullmatch(run) and any(start < edge < end for edge in edges):
                crossing += 1  # (text may cross an edge: a merged cell's, a title's; a number may not)
            if k and runs[k - 1][3] == start and start in edges:
                glued += 1
    if glued < 2 or crossing > 0.02 * numbers:
        return None
    return edges


def read_fixed_width(text: str, edges: list[int]) -> list[Block]:
    """The text's rows cut at the columns' edges and read as a sheet's rows."""
    pos = 0
    blocks: list[Block] = []
    pending: list[list[Cell]] = []

    def flush() -> None:
        blocks.extend(cell_blocks(pending, text))
        pending.clear()

    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        body = line.rstrip("\r")
        if not body.strip(" \u3000"):
            flush()  # (a blank line parts two of the sheet's tables)
            continue
        pending.append(_cut(body, start, edges))
    flush()
    return blocks


def _cut(line: str, offset: int, edges: list[int]) -> list[Cell]:
    """The line's cells, a cell for each column: a number in the column it ends in (numbers stand
    right-aligned), text in the column it starts in (text stands left-aligned, and a merged cell's
    runs on over the columns it covers); runs that fall in one column are one cell, as printed
    between them. Each cell at its offset in the text (an empty one at the line's end)."""
    columns: dict[int, list[tuple[int, int]]] = {}
    placed = _runs(line)
    header = not any(_NUMBER.fullmatch(piece) for piece, _, _, _ in placed)  # (a row of names alone)
    if header and len(placed) >= 2:  # (a title's or a note's line, a 单位： line, runs over as it will)
        placed = [part for run in placed
                  for part in (_filled(run, edges) if not re.search(r"[：:]", run[0]) else [run])]
    homes = [_column(first, edges) for _, _, first, _ in placed]
    floor = 0  # (a header's span starts after the one before it ends, and ends before the next's text)
    for n, (piece, start, first, end) in enumerate(placed):
        if _NUMBER.fullmatch(piece):
            column = _column(end - 1, edges)
            floor = column + 1
        elif not header and piece.replace(" ", "") != "栏次":
            column = homes[n]  # (a row's name stands left-aligned in its column)
        else:  # (a header's name, or 栏次, centred over its span)
            ceiling = homes[n + 1] - 1 if n + 1 < len(placed) else len(edges)
            column, floor = _centred(first, end, edges, max(0, min(floor, homes[n])), max(ceiling, homes[n]))
            floor += 1
        columns.setdefault(column, []).append((start, start + len(piece)))
    cells = [Cell("", offset + len(line)) for _ in range(len(edges) + 1)]
    for column, spans in columns.items():
        cells[column] = Cell(line[spans[0][0]:spans[-1][1]], offset + spans[0][0])
    return cells


def _filled(run: tuple[str, int, int, int], edges: list[int]) -> list[tuple[str, int, int, int]]:
    """A header's text that filled its column run straight into the next column's (公务用车购置费
    公务用车运行费, each cut to its column's width): cut at each edge it crosses, where the part
    before the edge starts at its column's left edge and fills it."""
    text, offset, first, end = run
    bounds = [0, *edges]
    out = []
    while True:
        column = _column(first, edges)
        right = edges[column] if column < len(edges) else None
        if right is None or end <= right or first != bounds[column]:
            out.append((text, offset, first, end))
            return out
        col, i = first, 0
        while i < len(text) and col < right:
            col += _width(text[i])
            i += 1
        if col != right or i >= len(text):
            out.append((text, offset, first, end))
            return out
        out.append((text[:i], offset, first, right))
        text, offset, first = text[i:], offset + i, right


def _centred(first: int, end: int, edges: list[int], floor: int, ceiling: int) -> tuple[int, int]:
    """The columns of a header's text: a header is centred over its cell, merged or not (项目 over
    the code and name columns, 本年支出 over 小计 · 基本支出 · 项目支出), so its text stands in the
    first column of the widest span of columns it is centred on, between `floor` and `ceiling`
    (the headers beside it). The span's first and last column."""
    home = _column(first, edges)
    bounds = [0, *edges, 10**9]
    centre = (first + end) / 2
    spans = [(abs((bounds[low] + bounds[high + 1]) / 2 - centre), high - low, low, high)
             for low in range(floor, home + 1) for high in range(_column(max(end - 1, first), edges), ceiling + 1)]
    near = [span for span in spans if span[0] <= 1.5]
    if not near:
        return home, home
    _, _, low, high = max(near, key=lambda span: (span[1], -span[0]))
    return low, high


def _column(col: int, edges: list[int]) -> int:
    """The column a display column falls in: the first whose right edge lies beyond it."""
    return next((k for k, edge in enumerate(edges) if col < edge), len(edges))
