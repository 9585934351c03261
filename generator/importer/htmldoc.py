"""A report saved as a web page: Word's 另存为网页 (often published under the name .doc), an
Excel sheet or a reporting system's export as HTML (often named .xls), or a page saved from a
government site (.htm, .html).

The page is read as a browser shows it: paragraphs and headings as paragraphs, each table as a
table with a cell for every column, a cell spanning columns or rows read as Excel reads a merged
range (its text in its first cell, the cells it covers empty). Its head, styles, scripts and
Word's conditional comments are left out, and so are Word's reviewers' comments (批注), kept apart
as ("c", text) items after the page's own; the text is decoded by the charset the page declares
(gb2312 read as GB18030, which holds it), else as a text file is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple, cast

#: Elements that break a paragraph, or a cell's text into lines.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
           "pre", "section", "article", "header", "footer", "center", "title", "caption", "hr"}
#: Elements whose text is no part of the page as shown.
_HIDDEN = {"head", "style", "script", "noscript", "template", "xml", "object"}
#: The most columns a cell may span (a report's widest table has a few dozen; a damaged page's
#: colspan="100000" would make a table of nothing); rows are bounded by the table's own.
MAX_SPAN = 100

#: A page's declared charset, in its first bytes.
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: What an HTML page starts with (after a byte-order mark, blanks and comments).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b",
                         re.I | re.S)


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are an HTML page's."""
    return _HTML_START.match(head) is not None


def charset_of(raw: bytes) -> str | None:
    """The Python codec of the charset a page declares in its first 4 KB, or None."""
    found = _CHARSET.search(raw[:4096])
    if found is None:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"):
        return "gb18030"
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class _Page(HTMLParser):
    """The page's items in reading order: ("p", text) for a paragraph, ("t", rows) for a table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, object]] = []
        self.hidden = 0  # depth inside elements whose text is not shown
        self.text: list[str] = []  # the paragraph being read, outside any table
        #: Tables being read, innermost last: each its rows, a row its cells.
        self.tables: list[list[list[_Cell]]] = []
        #: The cell being read in each open table (its text so far, its spans, the tables inside it), or
        #: None between cells.
        self.cells: list[tuple[list[str], int, int, list[list[Item]]] | None] = []
        self.excel = False  # an Excel sheet saved as a page (rows of one cell are its paragraphs)
        self.divs = 0  # <div>s open
        #: Tables laid out as CSS grids being read, innermost last.
        self.grids: list[_GridFrame] = []
        #: The item each open box (<section>, <div>) began at, innermost last (-1 inside a table).
        self.boxes: list[int] = []
        #: The <div> level of Word's list of comments (批注) being read, or None outside it.
        self.comments: int | None = None
        self.marker = 0  # inside a comment's mark ([ZMM1], an anchor of class msocomanchor / msocomoff)

    # --- text -------------------------------------------------------------------------------------

    def _buffer(self) -> list[str] | None:
        if self.tables:
            cell = self.cells[-1]
            return cell[0] if cell is not None else None
        return self.text

    def handle_data(self, data: str) -> None:
        if self.hidden or self.marker:
            return
        buffer = self._buffer()
        if buffer is not None:
            # white space holding a line break of the source is a segment break: it is marked, and
            # dropped between two Chinese characters (as CSS Text lays it out: an editor's page breaks
            # its source lines inside sentences, 生\n活补助), else read as a space
            data = re.sub(r"[ \t\r\f]*\n[ \t\r\n\f]*", _SEGMENT_BREAK, data.replace("\xa0", " "))
            buffer.append(re.sub(r"[ \t\r\f]+", " ", data))

    def _break(self) -> None:
        buffer = self._buffer()
        if buffer is not None:
            buffer.append("\n")

    def _paragraph(self) -> None:
        if not self.tables and self.text:
            for line in _unbroken("".join(self.text)).split("\n"):
                if line.strip():
                    self.items.append(("c", f"批注：{line.strip()}") if self.comments is not None
                                      else ("p", line.strip()))
            self.text = []

    # --- tags -------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and any(k == "content" and v and "excel" in v.lower() for k, v in attrs):
            self.excel = True  # <meta name=ProgId content=Excel.Sheet>
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "a" and _COMMENT_MARK.search(dict(attrs).get("class") or ""):
            self.marker += 1  # (Word's mark of a comment, in the text and before the comment)
            return
        if tag in _BOXES:
            if not self.tables:
                self._paragraph()
            self.boxes.append(-1 if self.tables else len(self.items))
        if tag == "div":
            self.divs += 1
            style = re.sub(r"\s+", " ", (dict(attrs).get("style") or "").lower())
            if self.comments is None and re.search(r"mso-element\s*:\s*comment-list", style):
                self.comments = self.divs  # Word's comments, printed in the margin: none of the page's text
            frame = self._grid()
            if frame is not None and self.divs == frame.level + 1:
                # a cell of a table laid out as a CSS grid: its spans as its style gives them
                self._end_cell()
                self.cells[-1] = ([], _grid_span(style, "grid-column"), _grid_span(style, "grid-row"), [])
                return
            columns = _grid_columns(style)
            if columns is not None:
                self._paragraph()
                if self.tables and self.cells[-1] is not None:
                    self.cells[-1][0].append(f"\n{_NESTED}\n")
                self.tables.append([])
                self.cells.append(None)
                self.grids.append(_GridFrame(self.divs, len(self.tables), columns))
                return
        if tag == "br":
            self._break()
        elif tag in _BLOCKS:
            if self.tables:
                self._break()
            else:
                self._paragraph()
        elif tag == "table":
            self._paragraph()
            if self.tables and self.cells[-1] is not None:
                self.cells[-1][0].append(f"\n{_NESTED}\n")  # where the table inside the cell stands
            self.tables.append([])
            self.cells.append(None)
        elif tag == "tr" and self.tables:
            self._end_cell()
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
            if not self.tables[-1]:
                self.tables[-1].append([])
            spans = dict(attrs)
            self.cells[-1] = ([], _span(spans.get("colspan")), _span(spans.get("rowspan")), [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.hidden:
            self._break()
        elif tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
            return
        if tag == "a" and self.marker:
            self.marker -= 1
            return
        if tag in _BOXES and not self.hidden:
            if not self.tables:
                self._paragraph()
            start = self.boxes.pop() if self.boxes else -1
            if start >= 0 and not self.tables:
                _card(self.items, start)
        if tag == "div" and not self.hidden:
            frame = self._grid()
            level, self.divs = self.divs, max(self.divs - 1, 0)
            if level == self.comments:
                self._paragraph()
                self.comments = None
            if frame is not None:
                if level == frame.level + 1:
                    self._end_cell()
                    return
                if level == frame.level:
                    self._end_cell()
                    self.grids.pop()
                    self.tables.pop()
                    self.cells.pop()
                    rows = _placed(frame.cells, frame.columns)
                    if any(len(c.text) > 300 or c.text.count("\n") >= 3 for c in frame.cells):
                        self._put_items(_flow(rows))  # a grid laying out the page (a sidebar and the article)
                    else:
                        self._put_table(rows)
                    return
        if self.hidden:
            return
        if tag in _BLOCKS:
            if self.tables:
                self._break()
            else:
                self._paragraph()
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
        elif tag == "table" and self.tables and self._grid() is None:
            self._end_cell()
            rows = self.tables.pop()
            self.cells.pop()
            self._put_table(rows)

    def _grid(self) -> _GridFrame | None:
        """The CSS grid being read, when the innermost open table is one."""
        frame = self.grids[-1] if self.grids else None
        return frame if frame is not None and len(self.tables) == frame.tables else None

    def _put_table(self, rows: list[list[_Cell]]) -> None:
        self._put_items(_table_items(rows))

    def _put_items(self, items: list[Item]) -> None:
        outer = self.cells[-1] if self.cells else None
        if outer is not None:
            outer[3].append(items)  # a table inside a cell: read with the table around it
        else:
            self.items.extend(items)

    def _end_cell(self) -> None:
        cell = self.cells[-1] if self.cells else None
        if cell is None:
            return
        parts, colspan, rowspan, nested = cell
        text = "\n".join(line.strip() for line in _unbroken("".join(parts)).split("\n"))
        done = _Cell(text.strip("\n"), colspan, rowspan, nested)
        if (frame := self._grid()) is not None:
            frame.cells.append(done)  # (placed when the grid ends)
        else:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append(done)
        self.cells[-1] = None

    def close(self) -> None:
        super().close()
        self.hidden = 0  # (a page cut short inside a script)
        while self.tables:  # a page cut short: its open tables as far as they go
            if (frame := self._grid()) is not None:
                self.divs = frame.level  # (its cells' <div>s closed with it)
                self.handle_endtag("div")
            else:
                self.handle_endtag("table")
        self._paragraph()


#: A line break of the page's source inside text (a private-use character no page shows).
_SEGMENT_BREAK = "\ue000"
#: Where a table inside a cell stands in the cell's text (another such character).
_NESTED = "\ue001"

#: An item of the page: ("p", text) or ("t", rows of cells' texts).
Item = tuple[str, object]


class _Cell(NamedTuple):
    text: str
    colspan: int
    rowspan: int
    #: The tables inside the cell, in order, each as the items it reads as.
    nested: list[list[Item]]


@dataclass
class _GridFrame:
    """A table laid out as a CSS grid (`display:grid; grid-template-columns: …`, a site editor's
    table of <div>s): the depth of its <div>, how many tables are open with it, its columns, and
    its cells in reading order."""

    level: int
    tables: int
    columns: int
    cells: list[_Cell] = field(default_factory=list)


def _grid_columns(style: str) -> int | None:
    """The number of columns a `grid-template-columns` style sets (a track a column, repeat(n, …)
    n of them); None for none, or for a single column (a layout, not a table)."""
    found = re.search(r"grid-template-columns\s*:\s*([^;]+)", style)
    if found is None:
        return None
    tracks, depth, current = [], 0, ""
    template = found.group(1)
    for char in template:
        depth += char == "("
        depth -= char == ")"
        current += char
        if char == ")" and depth == 0 or char in " " and depth == 0:
            tracks.append(current)
            current = ""
    tracks.append(current)
    count = 0
    for track in (t for t in tracks if t.strip()):
        repeat = re.match(r"\s*repeat\(\s*([0-9]+)\s*,", track)
        count += min(int(repeat.group(1)), MAX_SPAN) if repeat else 1
    return count if 2 <= count <= MAX_SPAN else None


def _grid_span(style: str, prop: str) -> int:
    found = re.search(rf"{prop}\s*:\s*(?:[0-9]+\s*/\s*)?span\s*([0-9]+)", style)
    return _span(found.group(1)) if found else 1


def _placed(cells: list[_Cell], columns: int) -> list[list[_Cell]]:
    """A CSS grid's cells in rows, as its auto-placement lays them out: each in the next place
    its columns fit, left to right, a row down when they do not, the places a cell spanning rows
    covers skipped."""
    taken: set[tuple[int, int]] = set()
    rows: list[list[_Cell]] = []
    r = c = 0
    for cell in cells:
        span = min(cell.colspan, columns)
        while c + span > columns or any((r, c + k) in taken for k in range(span)):
            c += 1
            if c + span > columns:
                r, c = r + 1, 0
        for dr in range(cell.rowspan):
            for k in range(span):
                taken.add((r + dr, c + k))
        while len(rows) <= r:
            rows.append([])
        rows[r].append(cell._replace(colspan=span))
        c += span
    return rows


def _table_items(rows: list[list[_Cell]]) -> list[Item]:
    """A table as the page's items. A table of data is one table. A table that holds tables is
    either a table of data with a part set as a table of its own in a row it spans (a form's 绩效指标
    block in one cell across the form: its rows read in that row's place), or a table laid out for
    the page (a site's columns, an editor's one-cell frame around a form): each cell's text and
    tables read in order, as a browser shows them, a column after another."""
    grid = _grid(rows)
    if not any(cell.nested for row in rows for cell in row):
        return [("t", grid)] if any(any(c.strip() for c in row) for row in grid) else []
    width = max((len(r) for r in grid), default=0)

    def spliced(row: list[_Cell]) -> bool:
        # a row of one cell across the table, holding tables of data and no text of its own
        return len(row) == 1 and row[0].colspan >= width and bool(row[0].nested) \
            and not row[0].text.replace(_NESTED, "").strip() \
            and all(kind == "t" for items in row[0].nested for kind, _ in items)

    nested_rows = [r for r, row in enumerate(rows) if any(cell.nested for cell in row)]
    if width > 1 and len(nested_rows) < len(rows) and all(spliced(rows[r]) for r in nested_rows):
        out: list[list[str]] = []
        for r, line in enumerate(grid):
            if r not in nested_rows:
                out.append(line)
                continue
            for items in rows[r][0].nested:
                for _, inner in items:
                    out += [list(x) + [""] * (width - len(x)) for x in cast(list[list[str]], inner)]
        return [("t", out)]
    return _flow(rows)


def _flow(rows: list[list[_Cell]]) -> list[Item]:
    """A layout's cells read in order, as a browser shows them: each one's lines as paragraphs and
    its tables in their places."""
    flow: list[Item] = []
    for row in rows:
        for cell in row:
            pieces = cell.text.split(_NESTED)
            for n, piece in enumerate(pieces):
                flow += [("p", line.strip()) for line in piece.split("\n") if line.strip()]
                if n < len(cell.nested):
                    flow += cell.nested[n]
    return flow
_WIDE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"


def _unbroken(text: str) -> str:
    """Text with its source line breaks laid out: none between two Chinese characters or marks
    (生 / 活补助 is 生活补助), a space elsewhere, white space around them read as one."""
    text = re.sub(rf"(?<=[{_WIDE}]) *{_SEGMENT_BREAK}[ {_SEGMENT_BREAK}]*(?=[{_WIDE}])", "", text)
    return re.sub(rf" *{_SEGMENT_BREAK}[ {_SEGMENT_BREAK}]*", " ", text)


def _span(value: str | None) -> int:
    try:
        return min(max(int(str(value).strip()), 1), MAX_SPAN)
    except ValueError:
        return 1


def _grid(rows: list[list[_Cell]]) -> list[list[str]]:
    """Rows of cells with spans laid out on the table's grid: a cell spanning columns or rows has
    its text in its first place and leaves the others empty, as a merged range in Excel does."""
    taken: dict[tuple[int, int], bool] = {}
    out: list[list[str]] = []
    for r, row in enumerate(rows):
        line: list[str] = []
        column = 0
        for text, colspan, rowspan, _ in row:
            text = text.replace(_NESTED, "").strip("\n")
            while taken.get((r, column)):
                column += 1
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    taken[(r + dr, column + dc)] = True
            while len(line) < column + colspan:
                line.append("")
            line[column] = text
            column += colspan
        width = max((c + 1 for (rr, c) in taken if rr == r), default=0)
        line += [""] * (width - len(line))
        out.append(line)
    return out


def read_page(text: str) -> tuple[list[tuple[str, object]], bool]:
    """The page's paragraphs and tables in reading order, and whether it is an Excel sheet."""
    page = _Page()
    page.feed(text)
    page.close()
    return _headers_joined(_figures_labelled(page.items)), page.excel


#: The class of Word's mark of a comment (批注): its anchor in the text (msocomanchor) and its link
#: back before the comment (msocomoff), `[ZMM1]` (the reviewer's initials and the comment's number).
_COMMENT_MARK = re.compile(r"\bmsocom(?:anchor|off)\b", re.I)
#: Boxes an editor's graphic lays a card out in.
_BOXES = {"section", "div", "article"}
#: A figure set on a line of its own, as a card or a bar shows it: an amount with its unit, a
#: score, a count (`1,286.45万元`, `95.6分`, `4辆`, `1,196.55万元｜95.80%`); not a bare whole
#: number (a section's badge 01, a year).
_VALUE = re.compile(r"[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:[^\s0-9，,。；;：:、｜|（(]{1,4})"
                    r"(?:\s*[｜|]\s*[0-9]+(?:\.[0-9]+)?%)?|[-−－]?[0-9][0-9,]*\.[0-9]+")
#: A label a card or a bar names its figure with: short words, no sentence.
_LABEL = re.compile(r"(?=.*[\u4e00-\u9fff].*[\u4e00-\u9fff])[^。；;：:]{2,30}")


def _value(text: str) -> bool:
    return _VALUE.fullmatch(text) is not None


def _label(text: str) -> bool:
    return _LABEL.fullmatch(text) is not None and not _value(text) and not re.search(r"[0-9]", text[-1])


def _card(items: list[Item], start: int) -> None:
    """A card of an editor's graphic (秀米, 135 and the like: a box of a few short lines, a big
    figure and the words that name it), in place: its lines made one paragraph that reads as a
    sentence does, the label first, then the figures, then the rest (同比↑6.31%, 占62.28%):
    `1,286.45万元` / `收入总计` / `同比↑6.31%` is read as 收入总计1,286.45万元，同比↑6.31%. A box
    of anything else is left as it is."""
    group = items[start:]
    if not 2 <= len(group) <= 5 or any(kind != "p" for kind, _ in group):
        return
    texts = [str(text) for _, text in group]
    if len(texts) == 2 and re.fullmatch(r"[0-9]{2}", texts[0]) and _label(texts[1]) and len(texts[1]) <= 20:
        items[start:] = [("p", f"{texts[0]} {texts[1]}")]  # a section's badge over its title: 01 收支总体情况
        return
    if any(len(text) > 40 or text.endswith(("。", "；", ";")) for text in texts):
        return
    values = [k for k, text in enumerate(texts) if _value(text)]
    label = next((k for k, text in enumerate(texts) if k not in values), None)
    if not values or label is None or not _label(texts[label]) or label > values[0] + 1:
        return
    rest = [k for k in range(len(texts)) if k != label and k not in values]
    if any(k < values[-1] for k in rest) or re.search(r"[0-9]\s*(?:万元|元|亿元|%)", texts[label]):
        return  # (a box of cards and bars: the figures of several labels)
    items[start:] = [("p", texts[label] + "，".join(texts[k] for k in values + rest))]


def _figures_labelled(items: list[Item]) -> list[Item]:
    """A figure left on a line of its own by a graphic's layout, joined with the label that names
    it: a bar's (`一般公共预算财政拨款收入` / `1,196.55万元｜95.80%`, the label above its bar) with
    the line before; another's with the line after when that is a label (a ring's score above
    the words under it), else with the line before."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        kind, item = items[i]
        text = str(item)
        if kind == "p" and _value(text):
            after = items[i + 1] if i + 1 < len(items) else None
            before = out[-1] if out else None
            if after is not None and after[0] == "p" and _label(str(after[1])) and not re.search(r"[｜|]", text):
                out.append(("p", str(after[1]) + text))
                i += 2
                continue
            if before is not None and before[0] == "p" and _label(str(before[1])):
                out[-1] = ("p", str(before[1]) + text)
                i += 1
                continue
        out.append((kind, item))
        i += 1
    return out


_FIGURE = re.compile(r"^[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?%?$")


def _headers_joined(items: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """A web application's tables (el-table and the like) set a table's header rows in one
    `<table>` and its body rows in another, right after it: a table of words alone followed at
    once by a table as wide (or one column narrower, the header's last column an empty gutter
    for the scroll bar) is one table."""
    out: list[tuple[str, object]] = []
    for kind, item in items:
        if kind == "t" and out and out[-1][0] == "t":
            head = cast(list[list[str]], out[-1][1])
            body = cast(list[list[str]], item)
            width = max((len(r) for r in head), default=0)
            body_width = max((len(r) for r in body), default=0)
            words_only = not any(_FIGURE.match(c.strip()) for r in head for c in r)
            gutter = width == body_width + 1 and all(len(r) < width or not r[-1].strip() for r in head)
            if head and body and words_only and len(head) <= 4 and (width == body_width or gutter):
                trimmed = [r[:body_width] for r in head] if gutter else head
                out[-1] = ("t", trimmed + body)
                continue
        out.append((kind, item))
    return out
