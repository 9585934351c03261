"""A report saved as a web page: Word's 另存为网页 (often published under the name .doc), an
Excel sheet or a reporting system's export as HTML (often named .xls), or a page saved from a
government site (.htm, .html).

The page is read as a browser shows it: paragraphs and headings as paragraphs, each table as a
table with a cell for every column, a cell spanning columns or rows read as Excel reads a merged
range (its text in its first cell, the cells it covers empty). Its head, styles, scripts and
Word's conditional comments are left out; the text is decoded by the charset the page declares
(gb2312 read as GB18030, which holds it), else as a text file is.
"""

from __future__ import annotations

import re
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

    # --- text -------------------------------------------------------------------------------------

    def _buffer(self) -> list[str] | None:
        if self.tables:
            cell = self.cells[-1]
            return cell[0] if cell is not None else None
        return self.text

    def handle_data(self, data: str) -> None:
        if self.hidden:
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
                    self.items.append(("p", line.strip()))
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
        if self.hidden:
            return
        if tag in _BLOCKS:
            if self.tables:
                self._break()
            else:
                self._paragraph()
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
        elif tag == "table" and self.tables:
            self._end_cell()
            rows = self.tables.pop()
            self.cells.pop()
            items = _table_items(rows)
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
        self.tables[-1][-1].append(_Cell(text.strip("\n"), colspan, rowspan, nested))
        self.cells[-1] = None

    def close(self) -> None:
        super().close()
        while self.tables:  # a page cut short: its open tables as far as they go
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
    return _headers_joined(page.items), page.excel


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
