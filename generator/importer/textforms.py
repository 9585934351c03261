"""Tables in plain text that are laid out neither in rows nor in aligned columns: a mobile page's
table as cards of `header：value` lines, and a table a PDF tool drew a column at a time, which a
copy gives column after column. Each read as a `Grid` whose cells are the text's own lines (a
wrapped name the two lines with the break between them), so every offset holds."""

from __future__ import annotations

import re

from .read import Cell, Grid

# A wide table as a phone shows it: one card per row, each cell a line `header：value` under the
# last, the cards apart by blank lines (a county portal's mobile page copied to text).
_CARD_LINE = re.compile(r"^\s*(?P<key>[^：:\s。；;，,]{1,12}(?:[（(][^）)]{1,6}[）)])?)[：:][ \u3000]*"
                        r"(?P<value>[^。；;]{0,60})$")


def _card(lines: list[tuple[str, int]], i: int) -> list[tuple[str, int, str, int]]:
    """The card starting at line i: each line's header and value with their offsets; [] when the
    lines there are not a card (two lines at least, each `header：value`)."""
    out = []
    while i < len(lines) and (m := _CARD_LINE.match(lines[i][0])) is not None:
        line, pos = lines[i]
        out.append((m.group("key"), pos + m.start("key"), m.group("value").rstrip(), pos + m.start("value")))
        i += 1
    return out if len(out) >= 2 and (i == len(lines) or not lines[i][0].strip()) else []


def cards_at(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int] | None:
    """Cards at line i, if there: three cards at least, each opening with the same header, their
    headers mostly shared and some value a number. The table has a column for every header, in
    the order they first come, a row for every card; a header a card lacks is an empty cell."""
    if i and lines[i - 1][0].strip():
        return None
    cards: list[list[tuple[str, int, str, int]]] = []
    j = i
    while j < len(lines):
        card = _card(lines, j)
        if not card or cards and card[0][0] != cards[0][0][0]:
            break
        cards.append(card)
        j += len(card)
        while j < len(lines) and not lines[j][0].strip():
            j += 1
    if len(cards) < 3:
        return None
    headers: dict[str, tuple[str, int]] = {}
    for card in cards:
        for key, at, _, _ in card:
            headers.setdefault(key, (key, at))
    shared = sum(len(card) for card in cards) / (len(cards) * len(headers))
    numbers = any(re.fullmatch(r"[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?%?", value)
                  for card in cards for _, _, value, _ in card)
    if shared < 0.6 or not numbers:
        return None
    rows = [tuple(Cell(key, at) for key, at in headers.values())]
    for card in cards:
        values = {key: (value, at) for key, _, value, at in card}
        end = card[-1][3] + len(card[-1][2])
        rows.append(tuple(Cell(*values[key]) if key in values else Cell("", end) for key in headers))
    while j > i and not lines[j - 1][0].strip():
        j -= 1
    return Grid(tuple(rows), lines[i][1]), j


# A table copied column by column (a reporting system's PDF whose tool draws a table a column at a
# time, selected and pasted): 序号 then its numbers down to 合计, then each column's header and its
# cells, one a line, a long name wrapped over two.
_CELL_NUMBER = re.compile(r"^[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?[%％]?$|^[—–-]+$")
_SEQ_LINE = re.compile(r"^[0-9]{1,3}$")


def columns_at(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int] | None:
    """A table copied a column at a time starting at line i (its 序号 column first), if there:
    the row count from the 序号 column, then each column's cells under its header; a column of
    text with more lines than rows has its wrapped names joined (a line opening with a bracket,
    or after a line that ends no name, goes on the one before). None unless every column comes
    out with its rows and two columns at least hold figures."""
    if lines[i][0].strip() != "序号":
        return None
    j, seq = i + 1, []
    while j < len(lines) and _SEQ_LINE.match(lines[j][0].strip()):
        seq.append(j)
        j += 1
    n = len(seq)
    if n < 2 or [int(lines[k][0]) for k in seq] != list(range(1, n + 1)):
        return None
    total = j < len(lines) and lines[j][0].strip() in ("合计", "总计")
    rows = n + total
    columns: list[tuple[tuple[str, int], list[tuple[str, int]]]] = [(lines[i], [lines[k] for k in seq])]
    if total:
        columns[0][1].append(lines[j])
        j += 1

    def numeric_run(k: int, count: int) -> bool:
        return k + count <= len(lines) and all(_CELL_NUMBER.match(lines[m][0].strip()) for m in range(k, k + count))

    figures = 0
    while j < len(lines) and lines[j][0].strip() and not _CELL_NUMBER.match(lines[j][0].strip()):
        header = lines[j]
        if numeric_run(j + 1, rows):
            columns.append((header, lines[j + 1:j + 1 + rows]))
            figures += 1
            j += 1 + rows
            continue
        # a column of text: its lines up to the next header (a line over a run of figures) or a blank
        end = j + 1
        while end < len(lines) and lines[end][0].strip() and not numeric_run(end + 1, rows) \
                and not _CELL_NUMBER.match(lines[end][0].strip()):
            end += 1
        cells = _wrapped_joined(lines[j + 1:end], n, rows)
        if cells is None:
            break
        columns.append((header, cells))
        j = end
    if figures < 2:
        return None
    start = lines[i][1]
    grid_rows = [tuple(Cell(h[0].strip(), h[1]) for h, _ in columns)]
    for r in range(rows):
        row = []
        for _, cells in columns:
            # (a column of names has none for the 合计 row, whose label stands in the 序号 column)
            at = cells[r] if r < len(cells) else (cells[-1][0][:0], cells[-1][1] + len(cells[-1][0]))
            row.append(Cell(at[0].rstrip(), at[1]))
        grid_rows.append(tuple(row))
    return Grid(tuple(grid_rows), start), j


_NAME_END = re.compile(r"(项目|资金|经费|补贴|补助|奖补|工程|计划|专项|行动|活动|服务|建设|推广|培育|治理|保护|防治"
                       r"|统治|贴息)$")


def _wrapped_joined(cells: list[tuple[str, int]], n: int, rows: int) -> list[tuple[str, int]] | None:
    """A text column's lines as its n (or rows) cells: wrapped lines joined to the line before (one
    opening with a bracket first, then one after a line that ends no name), a joined cell's text
    the two lines with the line break between them, as the source holds them."""
    cells = [(t.rstrip(), at) for t, at in cells]
    want = rows if any(t.strip() in ("合计", "总计") for t, _ in cells) else n
    while len(cells) > want:
        k = next((m for m in range(1, len(cells)) if re.match(r"^[（(]", cells[m][0].strip())), None)
        if k is None:
            k = next((m for m in range(1, len(cells)) if not _NAME_END.search(cells[m - 1][0].strip())), None)
        if k is None:
            return None
        (a, at), (b, bt) = cells[k - 1], cells[k]
        cells[k - 1:k + 1] = [(a + "\n" + b, at)] if bt == at + len(a) + 1 else [(a + b, at)]
        if bt != at + len(a) + 1:
            return None  # (the two lines not next to each other in the source)
    return cells if len(cells) in (n, rows) else None
