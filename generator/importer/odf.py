"""OpenDocument text and spreadsheets (.odt, .ods): what LibreOffice, WPS and 永中 save in the
national office-format standard (GB/T 17968, ODF).

A package's `content.xml` holds the body. In a text document: headings (`text:h`) and paragraphs
(`text:p`), lists of them, sections, text boxes in frames, and tables (`table:table`) of rows of
cells, a cell spanning columns (`table:number-columns-spanned`) followed by that many less one
`table:covered-table-cell`s, header rows wrapped in `table:table-header-rows`. In a spreadsheet:
sheets (`table:table`) of rows of cells, runs of equal rows or cells written once with
`number-rows-repeated` / `number-columns-repeated` (a sheet's unused columns as one cell
repeated a thousand times), each cell's text as the sheet shows it in its `text:p`, a hidden row
`table:visibility="collapse"`. Spaces are `text:s` (`text:c` of them), tabs `text:tab`, line
breaks `text:line-break`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..content.messages import say
from .xmlparts import parsed

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#: The most cells of a sheet's row and rows of a sheet written out from repeats (a sheet's unused
#: area is written as one row or cell repeated to the sheet's end).
MAX_REPEAT = 2000


class OdfError(ValueError):
    """The package is no OpenDocument that can be read; the message says why."""


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def content(path: Path):
    """The document's body element (office:text or office:spreadsheet) and whether it is a sheet."""
    with zipfile.ZipFile(path) as package:
        try:
            data = package.read("content.xml")
        except KeyError:
            raise OdfError(say("import.why.missing_part", part="content.xml")) from None
    root = parsed(data, "content.xml", OdfError)  # (no ODF part declares a DTD)
    body = root.find(_q(_OFFICE, "body"))
    if body is None:
        raise OdfError(say("import.why.no_body"))
    for kind in ("text", "spreadsheet"):
        found = body.find(_q(_OFFICE, kind))
        if found is not None:
            return found, kind == "spreadsheet"
    raise OdfError(say("import.why.not_text_or_sheet"))


def text_of(element) -> str:
    """A paragraph's text as shown: spans, links and fields read through, `text:s` as its spaces,
    a tab as a tab would print (a space), a line break as one; notes and annotations left out."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag
            if tag == _q(_TEXT, "s"):
                parts.append(" " * min(int(child.get(_q(_TEXT, "c"), "1") or 1), 100))
            elif tag == _q(_TEXT, "tab"):
                parts.append(" ")
            elif tag == _q(_TEXT, "line-break"):
                parts.append("\n")
            elif tag in (_q(_TEXT, "note"), _q(_OFFICE, "annotation"), _q(_TEXT, "tracked-changes"),
                         _q(_DRAW, "frame")):
                pass  # (a frame's text box is read after its paragraph)
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def document_items(body) -> Iterator[tuple[str, object]]:
    """A text document's paragraphs ("p", text) and tables ("t", rows) in reading order."""
    for node in body:
        tag = node.tag
        if tag in (_q(_TEXT, "p"), _q(_TEXT, "h")):
            yield "p", text_of(node)
            for frame in node.iter(_q(_DRAW, "text-box")):  # a text box stands in its paragraph
                yield from document_items(frame)
        elif tag == _q(_TABLE, "table"):
            yield "t", _table_rows(node)
        elif tag in (_q(_TEXT, "list"), _q(_TEXT, "list-item"), _q(_TEXT, "list-header"), _q(_TEXT, "section"),
                     _q(_TEXT, "index-body"), _q(_TEXT, "table-of-content"), _q(_TEXT, "soft-page-break")):
            yield from document_items(node)


def _rows(table) -> Iterator:
    for node in table:
        if node.tag == _q(_TABLE, "table-row"):
            yield node
        elif node.tag in (_q(_TABLE, "table-header-rows"), _q(_TABLE, "table-rows"), _q(_TABLE, "table-row-group")):
            yield from _rows(node)


def _table_rows(table) -> list[list[str]]:
    """A text document's table: each cell's paragraphs one per line, a spanned cell's text in its
    first column, the columns it covers empty."""
    rows = []
    for row in _rows(table):
        cells = []
        for cell in row:
            if cell.tag == _q(_TABLE, "covered-table-cell"):
                cells.append("")
            elif cell.tag == _q(_TABLE, "table-cell"):
                nested = [r for t in cell.iter(_q(_TABLE, "table")) for r in _table_rows(t)]
                lines = [text_of(p) for p in cell.iter() if p.tag in (_q(_TEXT, "p"), _q(_TEXT, "h"))]
                cells.append("\n".join(line for line in lines if line.strip()) if not nested
                             else "\n".join("　".join(r) for r in nested))
        rows.append(cells)
    return rows


def sheets(body) -> Iterator[tuple[str, bool, list[list[str]]]]:
    """A spreadsheet's sheets: name, whether shown, and rows of cells as the sheet shows them,
    repeats written out (up to MAX_REPEAT, and not past the sheet's last cell with text), each row
    as wide as the widest."""
    for table in body.iter(_q(_TABLE, "table")):
        name = table.get(_q(_TABLE, "name"), "")
        rows: list[list[str]] = []
        for row in _rows(table):
            if row.get(_q(_TABLE, "visibility")) in ("collapse", "filter"):
                continue
            cells: list[str] = []
            for cell in row:
                if cell.tag not in (_q(_TABLE, "table-cell"), _q(_TABLE, "covered-table-cell")):
                    continue
                text = "\n".join(text_of(p) for p in cell.findall(_q(_TEXT, "p")))
                repeat = min(int(cell.get(_q(_TABLE, "number-columns-repeated"), "1") or 1), MAX_REPEAT)
                cells.extend([text if cell.tag == _q(_TABLE, "table-cell") else ""] * repeat)
            while cells and not cells[-1].strip():
                cells.pop()
            repeat = min(int(row.get(_q(_TABLE, "number-rows-repeated"), "1") or 1), MAX_REPEAT)
            rows.extend([list(cells) for _ in range(repeat)] if cells else [[]] * min(repeat, 2))
        while rows and not any(c.strip() for c in rows[-1]):
            rows.pop()
        # every row as wide as the sheet's widest, as a workbook's rows are read (openpyxl gives
        # each row the sheet's columns): a row's empty cells at its end are cells all the same
        # (the columns of a form's 分值 and 得分 the 当年财政拨款 row leaves blank)
        width = max((len(row) for row in rows), default=0)
        yield name, True, [row + [""] * (width - len(row)) for row in rows]
