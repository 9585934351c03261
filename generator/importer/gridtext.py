"""Grid tables as a document converter writes them (pandoc's `grid_tables`, reStructuredText):
a `+-----+` line between rows, `|` between cells, `+=====+` under the header; a cell's text wraps
inside its column over several lines; a merged cell is one wide cell, or runs down through the
line between rows (its segment of that line left out).

Columns line up in display width (a Chinese character takes two), so each line is read as
display cells first. The cells are found as docutils' GridTableParser finds them: from each
top-left corner, right along the top edge to a corner, down the right edge, back along the
bottom and up the left edge. The text is rewritten as its paragraphs and its tables in the tab
layout (`read._Writer`), so offsets into the kept text are exact."""

from __future__ import annotations

import re
import unicodedata

_BORDER = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")

#: Forms drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, light, heavy or double), as a
#: clerk's text file or an old reporting system prints them: read as a grid table whose corners,
#: edges and bars are these. Each takes two columns, as the Chinese font the file was drawn in
#: shows it, and so do the other characters of ambiguous width in such a table (the — of an empty
#: cell). A corner with an arm to its right draws its second half as an edge.
_BOX_RIGHT_ARM = set("┌└├┬┴┼┍┕┝┯┷┿╔╚╠╦╩╬╒╘╞╤╧╪╓╙╟╥╨╫┎┖┟┰┸╀┏┗┣┳┻╋")
_BOX_CORNERS = _BOX_RIGHT_ARM | set("┐┘┤┑┙┥╗╝╣╕╛╡╖╜╢┒┚┧┓┛┫")
_BOX_EDGES = set("─━═")
_BOX_BARS = set("│┃║")
_BOX_TOP = re.compile(r"^\s*[┌┏╔╒╓][─━═┬┳╦╤╥]+[┐┓╗╕╖]\s*$")
#: What a line of a box-drawn table starts with.
_BOX_LINE = _BOX_CORNERS | _BOX_BARS


def _starts(lines: list[str], i: int) -> str | None:
    """The kind of grid table starting at line i: "+" (a `+---+` border over a `|` line), "box" (a
    box's top edge over a │ line), else None."""
    if i + 1 >= len(lines):
        return None
    if _BORDER.match(lines[i]) and lines[i + 1].lstrip().startswith("|"):
        return "+"
    if _BOX_TOP.match(lines[i]) and lines[i + 1].lstrip()[:1] in _BOX_BARS:
        return "box"
    return None


def has_grid_tables(text: str) -> bool:
    """A border line with a `|` line after it, at least once (or a box drawn with box-drawing
    characters: its top edge with a │ line after it)."""
    lines = text.split("\n")
    return any(_starts(lines, i) for i in range(len(lines)))


def _display(line: str, boxed: bool = False) -> list[str]:
    """A line as display cells: a wide character, then an empty cell for its second half. In a
    box-drawn table the box characters read as a `+-----+` table's (`_BOX_CORNERS`)."""
    out: list[str] = []
    for ch in line.rstrip():
        if boxed and ch in _BOX_CORNERS:
            out += ["+", "-" if ch in _BOX_RIGHT_ARM else " "]
        elif boxed and ch in _BOX_EDGES:
            out += ["-", "-"]
        elif boxed and ch in _BOX_BARS:
            out += ["|", " "]
        else:
            out.append(ch)
            if _wide(ch) or boxed and unicodedata.east_asian_width(ch) == "A":
                out.append("")
    return out


#: Characters looked at to find a table's cells, at most: a block of corners and bars that is no
#: table (hostile or broken input) is given up on, read as text, rather than scanned for long.
MAX_STEPS = 2_000_000


class _TooMuch(Exception):
    pass


class _Block:
    def __init__(self, lines: list[str], boxed: bool = False):
        self.steps = 0
        self.rows = [_display(line, boxed) for line in lines]
        self.height = len(self.rows)
        self.width = max(len(r) for r in self.rows)
        for r in self.rows:
            r.extend(" " * (self.width - len(r)))

    def at(self, row: int, col: int) -> str:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _TooMuch
        return self.rows[row][col]

    def cells(self) -> list[tuple[int, int, int, int]]:
        """(top, left, bottom, right) of every cell, by its corners."""
        found = []
        todo = [(0, self.rows[0].index("+"))]
        seen = set()
        while todo:
            top, left = todo.pop(0)
            if (top, left) in seen or top >= self.height - 1 or left >= self.width - 1:
                continue
            seen.add((top, left))
            if self.at(top, left) != "+":
                continue
            box = self._scan_right(top, left)
            if box is None:
                continue
            bottom, right = box
            found.append((top, left, bottom, right))
            todo += [(top, right), (bottom, left)]
        return found

    def _scan_right(self, top: int, left: int) -> tuple[int, int] | None:
        for col in range(left + 1, self.width):
            ch = self.at(top, col)
            if ch == "+":
                bottom = self._scan_down(top, left, col)
                if bottom is not None:
                    return bottom, col
            elif ch not in "-=":
                return None
        return None

    def _scan_down(self, top: int, left: int, right: int) -> int | None:
        for row in range(top + 1, self.height):
            ch = self.at(row, right)
            if ch == "+":
                if self._scan_left(top, left, row, right):
                    return row
            elif ch != "|":
                return None
        return None

    def _scan_left(self, top: int, left: int, bottom: int, right: int) -> bool:
        for col in range(right - 1, left, -1):
            if self.at(bottom, col) not in "-=+":
                return False
        if self.at(bottom, left) != "+":
            return False
        return all(self.at(row, left) in "+|" for row in range(bottom - 1, top, -1))

    def text(self, top: int, left: int, bottom: int, right: int) -> str:
        parts: list[str] = []
        for row in range(top + 1, bottom):
            # Full-width spaces leading a name are its indent (行政运行 under its 款): kept.
            piece = "".join(self.rows[row][left + 1:right]).rstrip().lstrip(" ")
            if not piece:
                continue
            if parts and not (_wide(parts[-1][-1]) or _wide(piece[0])):
                parts.append(" ")
            parts.append(piece)
        return "".join(parts)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def grid_rows(lines: list[str], boxed: bool = False) -> list[list[str]]:
    """A grid table's rows of cells, a merged cell's text in its first row and column, the
    places it covers empty."""
    block = _Block(lines, boxed)
    try:
        cells = block.cells()
    except _TooMuch:
        return []
    if not cells:
        return []
    tops = sorted({c[0] for c in cells} | {c[2] for c in cells})
    lefts = sorted({c[1] for c in cells} | {c[3] for c in cells})
    row_of = {v: n for n, v in enumerate(tops)}
    col_of = {v: n for n, v in enumerate(lefts)}
    rows = [[""] * (len(lefts) - 1) for _ in range(len(tops) - 1)]
    for top, left, bottom, right in cells:
        rows[row_of[top]][col_of[left]] = block.text(top, left, bottom, right)
    return rows


def read_grid_text(text: str) -> tuple[str, list]:
    """The text rewritten as its paragraphs (a line each) and its grid tables (the tab layout),
    with their blocks."""
    from .read import _Writer

    out = _Writer()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = _starts(lines, i)
        if kind is not None:
            # the table's lines: each starts with a corner or a bar of its kind
            starts = ("+", "|") if kind == "+" else _BOX_LINE
            j = i
            while j < len(lines) and lines[j].strip()[:1] in starts:
                j += 1
            rows = grid_rows([row.strip() for row in lines[i:j]], boxed=kind == "box")
            if rows:
                out.table(rows)
                i = j
                continue
        out.paragraph(line.rstrip("\r"))
        i += 1
    return out.text(), out.blocks
