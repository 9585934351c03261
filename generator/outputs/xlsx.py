"""A small, fast, deterministic XLSX writer: sheets of text and numbers under a bold header row,
frozen and filtered.

openpyxl serialises each cell through an XML tree and takes about 15 µs a cell; the
download set of a province has tens of millions of cells. This writes the SpreadsheetML
directly (inline strings, no shared-string table), which Excel, WPS, LibreOffice and
openpyxl all read, with fixed zip timestamps so the same tables give the same bytes.

Rows carry no row or cell references, so the rows of one report's table are made and
compressed once, as a piece of DEFLATE of their own (`deflate`), when the report is built. A
sheet is then put together without compressing anything: its start, its parts' pieces as they
are and its end, one after another, with a CRC combined from theirs (`crc32_combine`); the zip
container is written here (`_Zip`) with each entry's CRC and sizes ahead of its data. Remaking a
year's workbook costs about the bytes written.
"""

from __future__ import annotations

import io
import re
import struct
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, BinaryIO, NamedTuple
from xml.sax.saxutils import escape

from ..content.numbers import decimal_text

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_CELL = 32767  # Excel's limit on the characters of one cell
_MEMO = 200_000  # distinct values whose cell XML is kept while a sheet is written


_NEEDS_ESCAPE = re.compile(r"[&<>]")


class Number(str):
    """A number as its exact decimal text (`12.30`, `-0.5`): a numeric cell holding that text,
    shown with as many decimal places as it has (12.30 shows 12.30, not 12.3). Excel, WPS and
    LibreOffice read the value as a double, so past 15 significant digits the cell is not the
    exact record: the CSVs are (the /data/ page says so)."""

    __slots__ = ()

    @property
    def places(self) -> int:
        point = self.find(".")
        return 0 if point < 0 else len(self) - point - 1


#: Number formats of numeric cells by decimal places: `#,##0`, `#,##0.0` … (Chinese finance
#: tables group thousands); cell style 2 + places, the header's bold being style 1.
MAX_PLACES = 15
_NUMBER_STYLE = 2


def _number_body(value: Number) -> str:
    return f' s="{_NUMBER_STYLE + min(value.places, MAX_PLACES)}"><v>{value}</v></c>'


def _text_body(text: str) -> str:
    """What follows `<c r="A1"` for a text cell: type, inline string, end of cell ("" if empty)."""
    if _INVALID_XML.search(text):
        text = _INVALID_XML.sub("", text)
    if len(text) > _MAX_CELL:
        text = text[:_MAX_CELL]
    if not text:
        return ""
    if _NEEDS_ESCAPE.search(text):
        text = escape(text)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() or "\n" in text else ""
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _body(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, Number):
        return _number_body(value)
    if isinstance(value, str):
        return _text_body(value)
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f"><v>{value}</v></c>"
    if isinstance(value, Decimal):  # exact decimals are text: a spreadsheet number is a float
        return _text_body(decimal_text(value))
    return _text_body(str(value))


#: An empty cell between others: with no `r` on cells, each cell is the next column, so an
#: empty one is written (a row's trailing empty cells are left out).
_EMPTY_CELL = "<c/>"


class Rows:
    """Rows made into XML ahead, with no row or cell references (`r` is optional in
    SpreadsheetML: a row without it follows the one before, a cell without it the cell before),
    so a row's XML does not depend on where it goes: a table's rows are made and compressed
    once per report, and a sheet is put together from those pieces as they are."""

    def __init__(self) -> None:
        self._bodies: dict[tuple[type, object], str] = {}
        #: Per style, per column: the whole cell's XML (`<c/>` for an empty cell) of each text and
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
        while len(columns) < len(row):
            columns.append({})
        # Tables repeat their values (names, units, field labels): each distinct value is
        # escaped once, and its cell made once per column. Keys carry the type, so 1 and "1"
        # (and True and 1) stay apart.
        cells: list[Any] = [memo.get(value if type(value) is str else (type(value), value))
                            for memo, value in zip(columns, row)]  # (each None made a cell below)
        if None in cells:
            for n, (memo, value) in enumerate(zip(columns, row)):
                if cells[n] is None:
                    cells[n] = self._cell(memo, value, style)
        if cells and cells[-1] is _EMPTY_CELL:
            while cells and cells[-1] is _EMPTY_CELL:
                cells.pop()
        return f'<row>{"".join(cells)}</row>'

    def _cell(self, memo: dict[object, str], value: object, style: str) -> str:
        kind = type(value)
        if kind is str or kind is int or value is None:
            if self._cell_count > _MEMO:
                for column_memo in self._cells.values():
                    for m in column_memo:
                        m.clear()
                self._cell_count = 0
            text = _body(value)
            cell = memo[value if kind is str else (kind, value)] = f"<c{style}{text}" if text else _EMPTY_CELL
            self._cell_count += 1
            return cell
        # Any other value (a Number, a Decimal, a bool): its body kept by (type, value) for the
        # whole table (a Number's by its text: 12.30 and 12.3 are two cells).
        bodies = self._bodies
        k = (kind, value)
        body = bodies.get(k)
        if body is None:
            if len(bodies) > _MEMO:
                bodies.clear()
            body = bodies[k] = _body(value)
        return f"<c{style}{body}" if body else _EMPTY_CELL


# --- compressed pieces of a sheet ------------------------------------------------------------------


class Deflated(NamedTuple):
    """A piece of a sheet's XML compressed on its own: raw DEFLATE blocks (none marked final)
    ending on a byte boundary with the compressor's history dropped (Z_FULL_FLUSH), so pieces
    compressed apart, one after another, are one DEFLATE stream; with the CRC-32 and length of
    the XML it holds, so a sheet's CRC is combined from its pieces' (`crc32_combine`)."""

    data: bytes
    crc: int
    size: int


EMPTY = Deflated(b"", 0, 0)


#: The level the pieces of a download made with each report are compressed at: its lines of the year's
#: CSVs (and so its own figures.csv.zip) and its pages of the year's database. Level 6 took 2.4 ms of
#: a report's build for pieces 12% (CSV) and 8% (database) smaller than level 3's, which takes 1 ms.
PIECE_LEVEL = 3


def deflate(xml: bytes, level: int = 1) -> Deflated:
    """`xml` as a piece of a sheet (level 1, as the rest of the workbook), or of another entry."""
    if not xml:
        return EMPTY
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Deflated(compressor.compress(xml) + compressor.flush(zlib.Z_FULL_FLUSH), zlib.crc32(xml), len(xml))


def inflate(piece: Deflated) -> bytes:
    """The XML a piece holds."""
    return zlib.decompressobj(-15).decompress(piece.data) if piece.data else b""


def split_rows(xml: bytes) -> list[bytes]:
    """Rows made by `Rows.template`, one after another, apart again: `</row>` ends each row
    and nothing else (cell text has its `<` escaped)."""
    return [row + b"</row>" for row in xml.split(b"</row>")[:-1]]


# CRC-32 of pieces joined, from theirs: zlib's crc32_combine (the GF(2) matrix method). The
# CRC of A+B is the CRC of A run through len(B) zero bytes, xor the CRC of B; running a CRC
# through 2**k zero bytes is a linear map on its 32 bits, a 32×32 matrix over GF(2), the map
# for 2**(k-1) bytes squared. The maps are the same for every call, so each is made once and
# kept as four tables of 256 entries (one per byte of the CRC it is applied to).

_POLY = 0xEDB88320  # CRC-32, reflected


def _times(matrix: Sequence[int], vector: int) -> int:
    """matrix × vector over GF(2); the matrix as its 32 columns (column n: the image of bit n)."""
    total = 0
    n = 0
    while vector:
        if vector & 1:
            total ^= matrix[n]
        vector >>= 1
        n += 1
    return total


def _square(matrix: Sequence[int]) -> list[int]:
    return [_times(matrix, column) for column in matrix]


def _tables(matrix: Sequence[int]) -> tuple[list[int], ...]:
    tables = []
    for shift in range(0, 32, 8):
        table = [0] * 256
        for b in range(1, 256):
            low = b & -b
            table[b] = table[b ^ low] ^ matrix[shift + low.bit_length() - 1]
        tables.append(table)
    return tuple(tables)


def _zero_operators() -> Iterator[tuple[list[int], tuple[list[int], ...]]]:
    """(matrix, tables) for 1, 2, 4, 8… zero bytes."""
    one_bit = [_POLY] + [1 << n for n in range(31)]  # the map of one zero bit
    matrix = _square(_square(_square(one_bit)))  # 2, 4, 8 bits: one byte
    while True:
        yield matrix, _tables(matrix)
        matrix = _square(matrix)


_OPERATORS: list[tuple[list[int], ...]] = []
_MAKE_OPERATORS = _zero_operators()


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of A+B from crc1 = crc32(A), crc2 = crc32(B) and length2 = len(B), any length
    (a few table look-ups per bit set in length2)."""
    if length2 < 0:
        raise ValueError("negative length")
    k = 0
    while length2:
        if length2 & 1:
            while len(_OPERATORS) <= k:
                _OPERATORS.append(next(_MAKE_OPERATORS)[1])
            t0, t1, t2, t3 = _OPERATORS[k]
            crc1 = t0[crc1 & 255] ^ t1[(crc1 >> 8) & 255] ^ t2[(crc1 >> 16) & 255] ^ t3[crc1 >> 24]
        length2 >>= 1
        k += 1
    return crc1 ^ crc2


class Extent(NamedTuple):
    """What a zip entry states up front of pieces joined: CRC-32, length, compressed length."""

    crc: int
    size: int
    packed: int


def extent(pieces: Iterable[Deflated]) -> Extent:
    """The extent of pieces joined, from their CRCs and lengths alone."""
    crc = size = packed = 0
    for piece in pieces:
        crc = crc32_combine(crc, piece.crc, piece.size)
        size += piece.size
        packed += len(piece.data)
    return Extent(crc, size, packed)


def joined(first: Extent, second: Extent) -> Extent:
    return Extent(crc32_combine(first.crc, second.crc, second.size), first.size + second.size,
                  first.packed + second.packed)


def column_letters(n: int) -> str:
    """The letters of the column numbered `n` from 0: A, B … Z, AA …"""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _filter_range(header: Sequence[object], rows: int) -> str:
    """The range the autofilter covers: the header and the sheet's rows, every column."""
    return f"A1:{column_letters(max(len(header), 1) - 1)}{rows + 1}"


def _sheet_ends(header: Sequence[object], rows: int = 0, widths: Sequence[int] = ()) -> tuple[Deflated, Deflated]:
    """The pieces around a sheet's `rows` rows: its start (the header row bold and frozen, the
    columns `widths` wide, in characters), and its end (an autofilter over the header and the
    rows), which ends the DEFLATE stream (a last block)."""
    cols = "".join(f'<col min="{n + 1}" max="{n + 1}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths) if w)
    head = deflate(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   b'<sheetViews><sheetView workbookViewId="0">'
                   b'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                   b'</sheetView></sheetViews>'
                   + (f"<cols>{cols}</cols>".encode("ascii") if cols else b"") + b"<sheetData>"
                   + Rows().template(header, ' s="1"'))
    tail = f'</sheetData><autoFilter ref="{_filter_range(header, rows)}"/></worksheet>'.encode("ascii")
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    return head, Deflated(compressor.compress(tail) + compressor.flush(zlib.Z_FINISH), zlib.crc32(tail), len(tail))


class Sheet(NamedTuple):
    """A sheet of `workbook`: its name, its header (bold, frozen, filtered), its rows as pieces
    made by `deflate` from rows made by `Rows.template` (taken as the sheet is written), the
    extent of those pieces joined (`extent`), which the zip entry states ahead of them, how many
    rows they hold (the autofilter's range) and its columns' widths (none: the reader's default)."""

    name: str
    header: Sequence[object]
    pieces: Iterable[Deflated]
    extent: Extent
    rows: int = 0
    widths: Sequence[int] = ()


class Layout(NamedTuple):
    """What `Book` lays out a sheet from, ahead of its rows: as `Sheet`, less the pieces."""

    name: str
    header: Sequence[object]
    extent: Extent
    rows: int = 0
    widths: Sequence[int] = ()


def sheet_of(name: str, header: Sequence[object], rows: Sequence[bytes], widths: Sequence[int] = ()) -> Sheet:
    """A (small) sheet from rows made by `Rows.template`, compressed here as one piece."""
    piece = deflate(b"".join(rows))
    return Sheet(name, header, [piece], extent([piece]), len(rows), widths)


_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>'
                  '<Override PartName="/xl/workbook.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                  '<Override PartName="/xl/styles.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                  '<Override PartName="/docProps/core.xml" '
                  'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                  '{sheets}</Types>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
              'core-properties" Target="docProps/core.xml"/></Relationships>')
#: A number format for each count of decimal places a Number may have (custom formats start at id
#: 164), and a cell style for each after the plain and the bold ones.
_NUMBER_FORMATS = "".join(f'<numFmt numFmtId="{164 + k}" formatCode="#,##0{"." + "0" * k if k else ""}"/>'
                          for k in range(MAX_PLACES + 1))
_NUMBER_XFS = "".join(f'<xf numFmtId="{164 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      for k in range(MAX_PLACES + 1))
_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<numFmts count="{MAX_PLACES + 1}">{_NUMBER_FORMATS}</numFmts>'
           '<fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
           '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           f'<cellXfs count="{_NUMBER_STYLE + MAX_PLACES + 1}">'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           f'{_NUMBER_XFS}</cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def workbook(sheets: Sequence[Sheet], title: str, created: str, out: BinaryIO | None = None) -> bytes | None:
    """An XLSX of `sheets`; each header is bold, frozen and filtered.

    `created` is the W3CDTF timestamp written as the document's created and modified time.
    Written into the binary file `out` (nothing returned), or returned as bytes. A sheet's
    pieces are written as they are: the cost is that of the bytes, not of compressing them.
    """
    buffer = io.BytesIO()
    into = out if out is not None else buffer
    book = Book(into, [Layout(s.name, s.header, s.extent, s.rows, s.widths) for s in sheets], title, created)
    for n, sheet in enumerate(sheets):
        for piece in sheet.pieces:
            book.put(n, piece)
    book.finish()
    return None if out is not None else buffer.getvalue()


def _package(names: Sequence[str], title: str, created: str, filters: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The workbook's small entries, in order, for sheets named `names` (31 characters at most):
    what tells a reader the package's parts, its title and its sheets, and the styles.
    `filters` are the sheets' autofilter ranges, named as Excel names them (_FilterDatabase)."""
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(quoted_sheet(n))}!{_absolute(f)}</definedName>" for i, (n, f) in enumerate(zip(names, filters)))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(len(names)))
    return [
        ("[Content_Types].xml", _CONTENT_TYPES.format(sheets=overrides)),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/core.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
         'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(title)}</dc:creator>'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
         f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook '
         'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
         + "".join(f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names))
         + "</sheets>" + (f"<definedNames>{defined}</definedNames>" if defined else "") + "</workbook>"),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names)))
         + f'<Relationship Id="rId{len(names) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/styles" Target="styles.xml"/></Relationships>'),
        ("xl/styles.xml", _STYLES),
    ]


def quoted_sheet(name: str) -> str:
    """A sheet's name as a formula names it: in quotes, a quote in it doubled."""
    return "'" + name.replace("'", "''") + "'"


def _absolute(cells: str) -> str:
    """`A1:E7` as `$A$1:$E$7`."""
    return ":".join(re.sub(r"([A-Z]+)([0-9]+)", r"$\1$\2", c) for c in cells.split(":"))


class Book:
    """A workbook laid out ahead: everything but its sheets' rows is written when it is made,
    in the places the sheets' extents give, and each sheet's pieces are then written into the
    room left for them (`put`), in order within a sheet but in any order between sheets. So the
    rows of every table can be taken from one pass over the departments.

    `out` must be a seekable binary file; `finish` checks every sheet was filled exactly and
    leaves `out` at the workbook's end."""

    def __init__(self, out: BinaryIO, sheets: Sequence[Layout], title: str, created: str):
        self.out = out
        self.base = out.tell()
        names = [sheet.name[:31] for sheet in sheets]
        z = _Zip(out)
        for path, text in _package(names, title, created, [_filter_range(s.header, s.rows) for s in sheets]):
            z.put(path, text)
        #: Where each sheet's rows go, and where they end.
        self.cursors: list[int] = []
        self.ends: list[int] = []
        for i, (_, header, rows, count, widths) in enumerate(sheets):
            head, tail = _sheet_ends(header, count, widths)
            whole = joined(joined(extent([head]), rows), extent([tail]))
            z.begin(f"xl/worksheets/sheet{i + 1}.xml", whole)
            z.write(head.data)
            self.cursors.append(z.offset)
            z.skip(rows.packed)
            self.ends.append(z.offset)
            z.write(tail.data)
        z.close()
        self.size = z.offset

    def put(self, sheet: int, piece: Deflated) -> None:
        """The next piece of the sheet numbered `sheet` (from 0, in the order given)."""
        if not piece.data:
            return
        cursor = self.cursors[sheet]
        if cursor + len(piece.data) > self.ends[sheet]:
            raise ValueError(f"sheet {sheet + 1}: more rows than its extent states")
        self.out.seek(self.base + cursor)
        self.out.write(piece.data)
        self.cursors[sheet] = cursor + len(piece.data)

    def finish(self) -> None:
        for n, (cursor, end) in enumerate(zip(self.cursors, self.ends)):
            if cursor != end:
                raise ValueError(f"sheet {n + 1}: {end - cursor} bytes of rows missing")
        self.out.seek(self.base + self.size)


# --- the zip container -----------------------------------------------------------------------------
#
# Written here rather than by zipfile, whose entries are compressed as they are written: a
# sheet's entry is its pieces, already compressed, with its CRC and sizes known before them (in
# the local header; no data descriptor). Every entry: deflated, dated 1980-01-01 00:00 (the
# same tables give the same bytes), made on Unix with mode 0644, as zipfile wrote them. ZIP64
# fields where a size or offset passes 2 GiB - 1 (zipfile's limit: some readers take these
# fields as signed), and a ZIP64 end record when the entries or the directory need one.

_ZIP64_LIMIT = (1 << 31) - 1
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_ATTRIBUTES = 0o644 << 16
_UNIX = 3


class _Zip:
    def __init__(self, out: BinaryIO):
        self.out = out
        self.offset = 0
        self.directory: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.offset += len(data)

    def put(self, name: str, text: str) -> None:
        """A small entry, compressed whole."""
        data = text.encode("utf-8")
        compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        self.begin(name, Extent(zlib.crc32(data), len(data), len(packed)))
        self.write(packed)

    def skip(self, count: int) -> None:
        """Leave room for `count` bytes of the entry begun, written later."""
        self.out.seek(count, io.SEEK_CUR)
        self.offset += count

    def begin(self, name: str, extent: Extent) -> None:
        """An entry of `extent`: its local header here; its compressed bytes follow (`write`, `skip`)."""
        encoded = name.encode("ascii")
        offset = self.offset
        big = extent.size > _ZIP64_LIMIT or extent.packed > _ZIP64_LIMIT
        version = 45 if big else 20
        extra = struct.pack("<HHQQ", 1, 16, extent.size, extent.packed) if big else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (extent.packed, extent.size)
        self.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", version, 0, 0, zlib.DEFLATED, _DOS_TIME, _DOS_DATE,
                               extent.crc, *sizes, len(encoded), len(extra)) + encoded + extra)
        # The central directory's ZIP64 field holds the values whose own fields read 0xFFFFFFFF:
        # both sizes if either is large (as zipfile does, and the local header), the offset if it is.
        fields = [extent.size, extent.packed] if big else []
        if offset > _ZIP64_LIMIT:
            fields.append(offset)
        extra = struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
        version = 45 if fields else 20
        self.directory.append(struct.pack(
            "<4s4B4HL2L5H2L", b"PK\x01\x02", version, _UNIX, version, 0, 0, zlib.DEFLATED, _DOS_TIME, _DOS_DATE,
            extent.crc, *sizes, len(encoded), len(extra), 0, 0, 0, _ATTRIBUTES,
            0xFFFFFFFF if offset > _ZIP64_LIMIT else offset) + encoded + extra)

    def close(self) -> None:
        start = self.offset
        for record in self.directory:
            self.write(record)
        size = self.offset - start
        count = len(self.directory)
        if count >= 0xFFFF or size > _ZIP64_LIMIT or start > _ZIP64_LIMIT:
            end64 = self.offset
            self.write(struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, start))
            self.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, end64, 1))
            count, size, start = min(count, 0xFFFF), min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF)
        self.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, size, start, 0))


# --- a zip of one file --------------------------------------------------------------------------

#: The end of a DEFLATE stream of pieces: an empty last block.
_LAST = Deflated(zlib.compressobj(1, zlib.DEFLATED, -15).flush(zlib.Z_FINISH), 0, 0)


class Entry:
    """A zip holding one file, made of compressed pieces like a sheet: `head` (compressed
    already), then the pieces given to `put`, in order, whose extent joined is `body`, then the
    stream's end. Everything is written as it comes (the local header states the whole CRC and
    sizes, worked out from the extents); `finish` checks the pieces filled `body` exactly and
    writes the directory. `out` need not be seekable."""

    def __init__(self, out: BinaryIO, name: str, head: Deflated, body: Extent):
        self.zip = _Zip(out)
        self.zip.begin(name, joined(joined(extent([head]), body), extent([_LAST])))
        self.zip.write(head.data)
        self.left = body.packed

    def put(self, piece: Deflated) -> None:
        if len(piece.data) > self.left:
            raise ValueError("more pieces than the entry's extent states")
        self.zip.write(piece.data)
        self.left -= len(piece.data)

    def finish(self) -> None:
        if self.left:
            raise ValueError(f"{self.left} bytes of the entry missing")
        self.zip.write(_LAST.data)
        self.zip.close()


def zip_file(out: BinaryIO, name: str, source: BinaryIO, level: int = 6) -> None:
    """A zip holding one file, `name`, of the bytes read from `source` (a year's database, which
    a province's makes hundreds of megabytes): read, compressed at `level` and written a
    megabyte at a time, never held whole. The entry states its CRC and sizes ahead of its data,
    as every zip of the site does, so the compressed bytes wait in a temporary file until they
    are known. The same bytes and zlib give the same zip (its date is fixed, as the others').
    `out` need not be seekable."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc = size = 0
    with tempfile.TemporaryFile() as packed:
        while chunk := source.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
            packed.write(compressor.compress(chunk))
        packed.write(compressor.flush())
        z = _Zip(out)
        z.begin(name, Extent(crc, size, packed.tell()))
        packed.seek(0)
        while chunk := packed.read(1 << 20):
            z.write(chunk)
        z.close()
