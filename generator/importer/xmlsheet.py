"""XML Spreadsheet 2003 (SpreadsheetML): the workbook as one XML file, which reporting systems
(the 预算管理一体化 system's 导出Excel among them) write and often publish under the name .xls.

A `<Workbook>` holds `<Styles>` (each `<Style ss:ID>` with its `<NumberFormat ss:Format>`, a
format string or a name: Fixed, Standard, Percent …) and a `<Worksheet ss:Name>` per sheet, its
`<Table>` of `<Row>`s of `<Cell>`s, each with its `<Data ss:Type>` (Number, String, DateTime,
Boolean, Error). A row or cell may name its place (`ss:Index`, 1-based) where the ones before it
are not written; a merged area is written once, in its first cell, with `ss:MergeAcross` (the
columns it covers to its right) and `ss:MergeDown` (the rows below), the cells it covers not
written at all. A hidden sheet says so in its `<WorksheetOptions>` (`<Visible>SheetHidden`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.messages import say
from .xmlparts import parsed

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"
#: The named number formats and the format strings they stand for.
_NAMED = {"General": "General", "General Number": "General", "Fixed": "0.00", "Standard": "#,##0.00",
          "Percent": "0.00%", "Currency": "#,##0.00", "Euro Currency": "#,##0.00", "Scientific": "General",
          "0": "0", "0.00": "0.00"}
#: The most columns and rows a sheet is read to (a damaged index would ask for millions).
MAX_COLUMNS, MAX_ROWS = 1000, 100_000


class SheetError(ValueError):
    """The file is no XML Spreadsheet that can be read; the message says why."""


def is_spreadsheet(head: bytes) -> bool:
    """The start of an XML Spreadsheet 2003 file."""
    return b"urn:schemas-microsoft-com:office:spreadsheet" in head and b"<Workbook" in head


def sheets(data: bytes, formatted) -> Iterator[tuple[str, bool, list[list[str]]]]:
    """Each sheet's name, whether it is shown, and its rows of cells as the sheet shows them
    (`formatted(value, format)` shows a number under a format string)."""
    root = parsed(data, "XML", SheetError, doctype=True)
    formats: dict[str, str] = {}
    for style in root.iter(f"{_SS}Style"):
        number = style.find(f"{_SS}NumberFormat")
        shown = number.get(f"{_SS}Format") if number is not None else None
        if shown:
            formats[style.get(f"{_SS}ID", "")] = _NAMED.get(shown, shown)
    for sheet in root.iter(f"{_SS}Worksheet"):
        name = sheet.get(f"{_SS}Name", "")
        options = sheet.find(f"{_X}WorksheetOptions")
        visible = options is None or (options.findtext(f"{_X}Visible") or "").strip() not in (
            "SheetHidden", "SheetVeryHidden")
        table = sheet.find(f"{_SS}Table")
        yield name, visible, _rows(table, formats, formatted) if table is not None else []


def _index(element, current: int) -> int:
    """The 0-based place an element names (ss:Index), or the one after the last."""
    given = element.get(f"{_SS}Index")
    if given is None:
        return current
    try:
        place = int(given) - 1
    except ValueError:
        raise SheetError(say("import.why.bad_index", value=given)) from None
    if not 0 <= place:
        raise SheetError(say("import.why.bad_index", value=given))
    return place


def _rows(table, formats: dict[str, str], formatted) -> list[list[str]]:
    grid: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    r = 0
    for row in table.iter(f"{_SS}Row"):
        r = _index(row, r)
        if r >= MAX_ROWS:
            raise SheetError(say("import.why.too_many_rows", limit=MAX_ROWS))
        hidden = row.get(f"{_SS}Hidden") == "1"
        c = 0
        for cell in row.iter(f"{_SS}Cell"):
            c = _index(cell, c)
            while (r, c) in covered and cell.get(f"{_SS}Index") is None:
                c += 1  # (a cell after a merged area from above, its place not named)
            if c >= MAX_COLUMNS:
                raise SheetError(say("import.why.too_many_columns", limit=MAX_COLUMNS))
            across = _span(cell.get(f"{_SS}MergeAcross"))
            down = _span(cell.get(f"{_SS}MergeDown"))
            if not hidden:
                grid[(r, c)] = _text(cell, formats, formatted)
            for dr in range(down + 1):
                for dc in range(across + 1):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
            c += across + 1
        r += 1
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(value: str | None) -> int:
    try:
        return max(0, min(int(value or 0), MAX_COLUMNS))
    except ValueError:
        return 0


def _text(cell, formats: dict[str, str], formatted) -> str:
    data = cell.find(f"{_SS}Data")
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            value = float(text)
        except ValueError:
            return text.strip()
        number = int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value
        return formatted(number, formats.get(cell.get(f"{_SS}StyleID", ""), "General"))
    if kind == "Boolean":
        return "是" if text.strip() in ("1", "true", "TRUE") else "否"
    if kind == "DateTime":
        return text[:10]
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
