"""The XLSX writer as it was before sheets were spliced from compressed pieces (issue 18),
kept as the reference the spliced workbooks are compared with cell for cell: every cell and
row numbered (`r`), each sheet compressed whole by zipfile. `legacy_xlsx` makes a workbook of
a `data.Tables` the old way, from the rows `table_part` was given (see `capture`).

The code below the first line of `--- legacy ---` is generator/outputs/xlsx.py as it was, unchanged,
but for what the new writer kept as it was (each cell's XML, the package's small entries), which
it imports from there. Issue 21 gave the sheets Chinese headers, numeric cells for decimal
columns and an autofilter (named in workbook.xml): `capture` and `legacy_xlsx` make the same
cells and name the same ranges, so the comparison stays one of splicing alone."""

from __future__ import annotations

import datetime as dt
import itertools as _itertools
from typing import Any


def capture(monkeypatch, data) -> dict[int, tuple[Any, list[bytes]]]:
    """Make `data.values_part` (which every table part goes through) also keep, for each part it
    makes, the rows as the old writer made them: id(part) → (part, rows)."""
    made: dict[int, tuple[Any, list[bytes]]] = {}
    original = data.values_part
    old = Rows()

    def values_part(columns, values, xlsx=None, sheet=True):
        part = original(columns, values, xlsx, sheet)
        templates = []
        for cells in values:
            cells = [int(v) if c.type == "integer" and v != "" else Number(v) if c.type == "number" and v != "" else v
                     for v, c in zip(cells, columns)]
            templates.append(old.template(cells))
        made[id(part)] = (part, templates)
        return part

    monkeypatch.setattr(data, "values_part", values_part)
    return made


def legacy_xlsx(data, tables, epoch: int, made) -> bytes:
    """The workbook of `tables` as the old `write_xlsx` made it."""
    readme = data.readme_rows()
    rows = Rows()
    sheets = [(data.README_SHEET, data.README_HEADER, [rows.template(r) for r in readme])]
    filters = [_filter_range(data.README_HEADER, len(readme))]
    for name in data.WORKBOOK_TABLES:
        title, _, columns, _ = data.TABLES[name]
        count = tables.rows(name)
        sheet_count = max((count + data.SHEET_ROWS - 1) // data.SHEET_ROWS, 1)
        rows_of = (row for part in tables.parts(name) for row in made[id(part)][1])
        for n in range(sheet_count):
            header = data.sheet_header(columns)
            sheets.append((title if sheet_count == 1 else f"{title} ({n + 1})", header,
                           _itertools.islice(rows_of, data.SHEET_ROWS)))
            filters.append(_filter_range(header, min(data.SHEET_ROWS, count - n * data.SHEET_ROWS)))
    created = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return workbook(sheets, "部门预算绩效公开平台", created, filters=filters)


# --- legacy ---
import io
import zipfile
from typing import BinaryIO, Iterable, Iterator, Sequence

from generator.outputs.xlsx import _MEMO, Number, _body, _filter_range, _package


def _column(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Rows:
    """Rows made into XML ahead, with a NUL where each row's number goes: a table's rows can be
    made once per report, cached, and numbered when the sheet is put together."""

    def __init__(self) -> None:
        self._bodies: dict[tuple[type, object], str] = {}
        self._letters: list[str] = []
        #: Per style, per column: the whole cell's XML ("" for an empty cell) of each text and
        #: whole number seen there, keyed by the text itself or by (int, number).
        self._cells: dict[str, list[dict[object, str]]] = {}
        self._cell_count = 0

    def template(self, row: Sequence[object], style: str = "") -> bytes:
        return self._row_text(row, style).encode("utf-8")

    def _row_text(self, row: Sequence[object], style: str = "") -> str:
        """What `template` encodes: the row's XML as text."""
        columns = self._cells.get(style)
        if columns is None:
            columns = self._cells[style] = []
        letters = self._letters
        while len(columns) < len(row):
            if len(letters) == len(columns):
                letters.append(_column(len(letters)))
            columns.append({})
        # Tables repeat their values (names, units, field labels): each distinct value is
        # escaped once, and its cell made once per column. Keys carry the type, so 1 and "1"
        # (and True and 1) stay apart.
        cells = [memo.get(value if type(value) is str else (type(value), value)) for memo, value in zip(columns, row)]
        if None in cells:
            for n, (memo, value) in enumerate(zip(columns, row)):
                if cells[n] is None:
                    cells[n] = self._cell(memo, letters[n], value, style)
        return f'<row r="\0">{"".join(cells)}</row>'

    def _cell(self, memo: dict[object, str], letter: str, value: object, style: str) -> str:
        kind = type(value)
        if kind is str or kind is int or value is None:
            if self._cell_count > _MEMO:
                for column_memo in self._cells.values():
                    for m in column_memo:
                        m.clear()
                self._cell_count = 0
            body = _body(value)
            cell = memo[value if kind is str else (kind, value)] = f'<c r="{letter}\0"{style}{body}' if body else ""
            self._cell_count += 1
            return cell
        # Any other value (a Decimal, a bool) as before: its body kept by (type, value) for the
        # whole table.
        bodies = self._bodies
        k = (kind, value)
        body = bodies.get(k)
        if body is None:
            if len(bodies) > _MEMO:
                bodies.clear()
            body = bodies[k] = _body(value)
        return f'<c r="{letter}\0"{style}{body}' if body else ""


def _sheet_xml(header: Sequence[object], rows: Iterable[bytes]) -> Iterator[bytes]:
    """A sheet of a bold, frozen header row and rows made by `Rows.template`, in pieces."""
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
           b' state="frozen"/></sheetView></sheetViews><sheetData>'
           + Rows().template(header, ' s="1"').replace(b"\0", b"1"))
    batch = []
    for n, row in enumerate(rows, start=2):
        batch.append(row.replace(b"\0", b"%d" % n))
        if len(batch) == 4096:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch) + b"</sheetData></worksheet>"


def workbook(sheets: Sequence[tuple[str, Sequence[object], Iterable[bytes]]], title: str, created: str,
             out: BinaryIO | None = None, filters: Sequence[str] = ()) -> bytes | None:
    """An XLSX of (sheet name, header, rows made by `Rows.template`); each header is bold and frozen.

    `created` is the W3CDTF timestamp written as the document's created and modified time.
    Written into the binary file `out` (nothing returned), or returned as bytes.
    """
    into = out if out is not None else io.BytesIO()
    names = [name[:31] for name, _, _ in sheets]
    # Level 1: these sheets are large and repetitive; speed matters more than the last few per cent.
    with zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        def put(path: str, data: bytes | str) -> None:
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=1)

        for path, text in _package(names, title, created, filters):
            put(path, text)
        for i, (_, header, rows) in enumerate(sheets):
            # Written as it is made: a province's figures sheet is hundreds of megabytes of XML.
            info = zipfile.ZipInfo(f"xl/worksheets/sheet{i + 1}.xml", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 1)  # 3.13 / 3.11
            with z.open(info, "w", force_zip64=True) as sheet:
                for piece in _sheet_xml(header, rows):
                    sheet.write(piece)
    return None if out is not None else into.getvalue()
