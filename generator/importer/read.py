"""Reading a report into blocks: paragraphs and grids, each tied to where it stands in the text.

Every input ends up in one representation. A `.txt` report is the text a Word export
leaves: paragraphs one per line, and tables as rows separated by a blank line, each cell
on its own line after a tab (a cell's later paragraphs follow on lines without a tab), or,
from some web pages, cells between lines of `|`. A `.docx` report is written out in that
same tab layout (that text becomes the year's `.source.txt`) while its tables are read
cell by cell, so both paths give the same blocks and every offset points into the text
that is kept beside the year file. An `.xlsx` workbook (sheet by sheet, a cell as its number
format shows it) and a text `.pdf` (its ruled tables found by pdfplumber, the lines outside
them as paragraphs) are written out the same way.
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..content.load import MAX_SOURCE_BYTES as MAX_TEXT_BYTES  # the kept text must load as the year's original text
from ..content.messages import Said, SaidError, say
from .htmldoc import looks_like_html
from .strict import transitional


@dataclass(frozen=True)
class Para:
    """One paragraph: its text and the offset of its first character in the source text."""

    text: str
    start: int


@dataclass(frozen=True)
class Cell:
    """One table cell; merged-away cells (vertical merges) are empty, as a Word export leaves them."""

    text: str
    start: int


@dataclass(frozen=True)
class Grid:
    """A table as rows of cells; rows may differ in length where cells span columns."""

    rows: tuple[tuple[Cell, ...], ...]
    start: int


@dataclass(frozen=True)
class Hidden:
    """Text the file holds but does not show (a hidden sheet): kept in the source, none of its
    numbers placed, each listed with `why`."""

    text: str
    start: int
    why: str


Block = Para | Grid | Hidden


class ImportRefused(SaidError, ValueError):
    """An import that cannot be done as asked: one line for the person at the terminal (a message of
    the catalogue, worded when shown), nothing written."""


#: The most a .docx may unpack to (text, styles and pictures together); a bigger one is refused unread.
MAX_DOCX_UNPACKED = 256 * 1024 * 1024


def shown(value: object, limit: int = 120) -> str:
    """A path or argument as a message quotes it: unprintable characters escaped, long ones cut."""
    text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(value))
    return text if len(text) <= limit else f"{text[:limit - 11]}…{text[-10:]}"


def read_path(path: Path) -> tuple[str, list[Block]]:
    """The source text to keep and its blocks, for a .txt, .docx, .doc, .xlsx, .xls or .pdf report;
    ImportRefused if it cannot be read."""
    name = shown(path)
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps", ".et") and _html_file(path):
        suffix = ".html"  # Word's 另存为网页 published under the name .doc: read as the page it is
    elif suffix in (".doc", ".wps", ".et") and _mht_file(path):
        suffix = ".mht"  # (and its 单个文件网页)
    elif suffix == ".wps" and _word_binary(path):
        suffix = ".doc"  # WPS 文字 saving a Word 97–2003 document under its own name
    if suffix in (".wps", ".et"):
        raise ImportRefused(say("import.old_format", name=name, suffix=shown(path.suffix),
                                target=".xlsx" if suffix == ".et" else ".docx"))
    if suffix not in READERS:
        raise ImportRefused(say("import.unsupported", name=name, suffix=shown(path.suffix)))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportRefused(say("import.missing", name=name)) from None
    except (OSError, ValueError) as err:  # a link loop, a name too long, a NUL in the name
        raise ImportRefused(say("import.cannot_read", name=name,
                                reason=shown(getattr(err, "strerror", None) or err))) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportRefused(say("import.is_folder", name=name))
    if not stat.S_ISREG(info.st_mode):  # a named pipe would block for ever, a device never end
        raise ImportRefused(say("import.not_regular", name=name))
    if info.st_size == 0:
        raise ImportRefused(say("import.empty", name=name))
    reader = READERS[suffix]
    if reader is not None:
        text, blocks = reader(path)
    else:
        _within(info.st_size, MAX_TEXT_BYTES, name)
        text = _decode(_read(path), name)
        from .gridtext import has_grid_tables, read_grid_text
        from .layout import is_layout_text, read_layout_text
        from .prntext import fixed_columns, read_fixed_width
        if has_grid_tables(text):  # a document converter's grid tables: cells wrapped over lines
            text, blocks = read_grid_text(text)
        elif (edges := fixed_columns(text)) is not None:  # a sheet saved as fixed-width text (.prn)
            blocks = read_fixed_width(text, edges)
        elif is_layout_text(text):  # pasted out of a PDF viewer: its lines put back together
            text, blocks = read_layout_text(text)
        else:
            blocks = read_text(text)
    text = text.translate(CONTROLS | RADICALS)
    if not text.strip():
        raise ImportRefused(say("import.no_text", name=name))
    blocks = [_folded(b) for b in blocks]
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise ImportRefused(say("import.text_too_big", name=name, size=size, limit=MAX_TEXT_BYTES))
    return text, blocks


#: Control characters in a report's text: a form feed (pdftotext's page break), a vertical tab
#: (a line break in a Word cell) or a line or paragraph separator a line break, the others a
#: space, one character for one so every offset holds, whatever the reader (a draft's YAML could
#: not hold them as they are).
CONTROLS = {c: " " for c in (*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))} | {
    0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}

#: The ideographs a PDF's text layer gives as radicals: a CJK font (思源黑体 / Noto Sans CJK, 苹方) draws
#: 一 and the radical ⼀, 门 and ⻔ with one glyph, and a producer that writes its ToUnicode table
#: from the font's character map takes the radical's code point (⼀般公共预算, 部⻔, 第 3 ⻚). A
#: Kangxi radical (U+2F00–U+2FD5) is its ideograph by Unicode's compatibility mapping (⼾ the 户
#: of simplified text, not 戶); of the CJK Radicals Supplement, those that are whole characters by
#: their Unicode names (C-SIMPLIFIED GATE 门 …). One character for one: offsets hold. Reports hold
#: no radicals of their own, so the page's text is what the reader sees.
RADICALS = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)} | {0x2F3E: "户"} | {
    ord(radical): ideograph for radical, ideograph in zip(
        "⺟⺠⻁⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "母民虎西见角贝车長长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟", strict=True)}

#: Full-width digits, percent sign and point (a scan's text layer, a typist's habit: ２０２３年, １００％)
#: read as their ASCII forms, one character for one, so every offset into the kept text still holds.
_FOLD = str.maketrans("０１２３４５６７８９％．", "0123456789%.") | CONTROLS | RADICALS


def _folded(block: Block) -> Block:
    if isinstance(block, Para):
        return Para(block.text.translate(_FOLD), block.start)
    if isinstance(block, Hidden):
        return Hidden(block.text.translate(_FOLD), block.start, block.why)
    return Grid(tuple(tuple(Cell(c.text.translate(_FOLD), c.start) for c in row) for row in block.rows), block.start)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ImportRefused(say("import.cannot_read", name=shown(path), reason=shown(err.strerror or err))) from None


def _decode(raw: bytes, name: str, declared: str | None = None) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM (Notepad's "Unicode"), or GBK/GB18030;
    first the codec a web page `declared`, where it has no BOM and that codec reads it."""
    text = _as_declared(raw, declared)
    if text is None and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused(say("import.broken_utf16", name=name)) from None
    elif text is None:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if b"\x00" in raw:
            raise ImportRefused(say("import.nul_bytes", name=name))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Text saved on Chinese Windows is often GBK; gb18030 reads GBK and GB2312 too. The kept
            # source text is written as UTF-8 whatever the input was.
            try:
                text = raw.decode("gb18030")
            except UnicodeDecodeError:
                raise ImportRefused(say("import.unknown_encoding", name=name)) from None
    if "\x00" in text:
        raise ImportRefused(say("import.nul_chars", name=name))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _as_declared(raw: bytes, declared: str | None) -> str | None:
    """`raw` in the codec a page declares, unless it has a BOM (which says otherwise) or that
    codec cannot read it."""
    if declared is None or raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        return raw.decode(declared)
    except UnicodeDecodeError:
        return None


# --- text -------------------------------------------------------------------------------------

_PIPES = re.compile(r"\|+")


def _lines(text: str) -> list[tuple[str, int]]:
    """The text's lines with their offsets; a spreadsheet cell of several lines, which Excel
    pastes in quotes ("项目资金⏎（万元）"), is kept on the line of its row."""
    from .csvtext import quoted_csv

    out, pos = [], 0
    physical = text.split("\n")
    tabbed = "\t" in text
    quoted = quoted_csv(text)
    i = 0
    while i < len(physical):
        line = physical[i]
        start = pos
        pos += len(line) + 1
        i += 1
        # an opening quote at a cell's start not closed on this line: the cell runs on (at most 20 lines);
        # so does a comma-separated record's field with a quote left open
        joined = 0
        while joined < 20 and i < len(physical) and (tabbed and _open_quote(line) or quoted and line.count('"') % 2):
            more = physical[i]
            line += "\n" + more
            pos += len(more) + 1
            i += 1
            joined += 1
        out.append((line, start))
    return out


def _open_quote(line: str) -> bool:
    """A row of tab-separated cells one of which opens a quote it does not close."""
    for cell in line.split("\t"):
        if cell.startswith('"') and (cell.count('"') % 2 == 1):
            return True
    return False


def read_text(text: str) -> list[Block]:
    """Split a report's text into paragraphs and grids."""
    from .csvtext import csv_at
    from .textforms import cards_at, columns_at

    lines = _lines(text)
    if _markdown(lines):
        lines = [(_unmark(line), start) for line, start in lines]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line, start = lines[i]
        if _MD_ROW.match(line) and i + 1 < len(lines) and _MD_RULE.match(lines[i + 1][0]):
            grid, i = _markdown_grid(lines, i)
            blocks.append(grid)
        elif _tsv_row(line):
            grid, i = _tsv_grid(lines, i)
            blocks.append(grid)
        elif (records := csv_at(lines, i)) is not None:
            found, i = records
            blocks.extend(found)
        elif line.startswith("\t"):
            grid, i = _tab_grid(lines, i)
            blocks.append(grid)
        elif _wide_row(line) and _wide_grid_at(lines, i):
            grid, i = _wide_grid(lines, i)
            blocks.append(grid)
        elif (cards := cards_at(lines, i)) is not None:
            grid, i = cards
            blocks.append(grid)
        elif (columns := columns_at(lines, i)) is not None:
            grid, i = columns
            blocks.append(grid)
        elif _PIPES.fullmatch(line.strip()) and blocks and isinstance(blocks[-1], Para):
            # A `|` line right after a paragraph: that paragraph was the table's first cell.
            first = blocks.pop()
            assert isinstance(first, Para)
            grid, i = _pipe_grid(lines, i, first)
            blocks.append(grid)
        else:
            if line.strip():
                blocks.append(Para(line, start))
            i += 1
    return [_repair(b) if isinstance(b, Grid) else b for b in blocks]


# A report converted to Markdown (pandoc, a Word-to-Markdown tool): `#` headings, `**bold**`,
# and tables as pipe rows under a `| --- |` rule, a cell's line break written `<br>`.
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$", re.S)
_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")
_MD_HEADING = re.compile(r"^(\s*#{1,6})\s")
_MD_BAR = re.compile(r"(?<!\\)\|")  # a cell's edge; `\|` is a bar in a cell's text
_MD_MARKS = re.compile(r"\*\*|__|<br\s*/?>")


def _markdown(lines: list[tuple[str, int]]) -> bool:
    """A text in Markdown: a pipe table under its rule, or two headings marked with `#`."""
    headings = sum(1 for line, _ in lines if _MD_HEADING.match(line))
    table = any(_MD_ROW.match(line) and n + 1 < len(lines) and _MD_RULE.match(lines[n + 1][0])
                for n, (line, _) in enumerate(lines))
    return table or headings >= 2


def _unmark(line: str) -> str:
    """A Markdown line with its marks blanked, each by as many spaces (a `<br>` by a line break and
    spaces), so every offset in it still points into the original text."""
    line = _MD_HEADING.sub(lambda m: " " * len(m.group(1)) + " ", line, count=1)
    return _MD_MARKS.sub(lambda m: ("\n" if m.group().startswith("<") else "") +
                         " " * (len(m.group()) - (1 if m.group().startswith("<") else 0)), line)


def _markdown_grid(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int]:
    """A pipe table: its header row, the rule under it (dropped), then its rows, to the first line
    that is no pipe row. A merged cell is written once and left empty where it covered."""
    start = lines[i][1]
    rows = []
    while i < len(lines) and _MD_ROW.match(lines[i][0]):
        line, pos = lines[i]
        if not _MD_RULE.match(line):
            bars = [m.start() for m in _MD_BAR.finditer(line)]  # a cell runs from one bar to the next
            rows.append(tuple(Cell(line[a + 1:b], pos + a + 1) for a, b in zip(bars, bars[1:])))
        i += 1
    return Grid(tuple(rows), start), i


def _tab_grid(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int]:
    """Rows end at a blank line; a line without a tab continues the cell above it."""
    rows: list[list[list]] = []  # each cell: [text, start]
    row: list[list] = []
    after_blank = False
    start = lines[i][1]
    while i < len(lines):
        line, pos = lines[i]
        if line.startswith("\t"):
            row.append([line[1:], pos + 1])
            after_blank = False
        elif not line.strip():
            if row:
                rows.append(row)
                row = []
            after_blank = True
        elif after_blank or not row:
            break  # text after a blank line: the table has ended
        else:
            row[-1][0] += "\n" + line
        i += 1
    if row:
        rows.append(row)
    return Grid(tuple(tuple(Cell(t, s) for t, s in r) for r in rows), start), i


# A table typed in a phone or a web editor: a row a line, its cells apart by runs of full-width
# spaces (U+3000, padded to line up in a Chinese font), as a WeChat article copied to text has it.
_WIDE_GAP = re.compile(r"[ \u3000]*\u3000[ \u3000]*\u3000[ \u3000]*|\u3000? {2,}\u3000?")


def _wide_cells(line: str) -> list[tuple[str, int]]:
    """The cells of a line apart by wide gaps, each with its offset in the line."""
    body = line.rstrip(" \u3000")
    lead = len(body) - len(body.lstrip(" \u3000"))
    cells, at = [], lead
    for gap in _WIDE_GAP.finditer(body, lead):
        cells.append((body[at:gap.start()], at))
        at = gap.end()
    cells.append((body[at:], at))
    return [c for c in cells if c[0]]


def _wide_row(line: str) -> bool:
    """Two or more cells apart by full-width gaps, none of them a sentence."""
    cells = _wide_cells(line)
    return "\u3000" in line.strip(" \u3000") and len(cells) >= 2 \
        and not any(re.search(r"[。；;，,]", text) for text, _ in cells)


def _wide_grid_at(lines: list[tuple[str, int]], i: int) -> bool:
    """A run of such rows starting at line i, some cell after a row's first a number."""
    while i < len(lines) and _wide_row(lines[i][0]):
        if any(re.match(r"^[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?%?$", text) for text, _ in _wide_cells(lines[i][0])[1:]):
            return True
        i += 1
    return False


def _wide_grid(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int]:
    """The run of rows: each row its cells as typed (a label over two columns is one cell, as a
    merged cell of a Word export is written once)."""
    start = lines[i][1]
    rows = []
    while i < len(lines) and _wide_row(lines[i][0]):
        line, pos = lines[i]
        rows.append(tuple(Cell(text, pos + at) for text, at in _wide_cells(line)))
        i += 1
    return Grid(tuple(rows), start), i


def _tsv_row(line: str) -> bool:
    """A row pasted from a spreadsheet: its cells on one line, between tabs (the first may be
    empty, so the line may start with one). A line of the Word-export layout holds one cell
    after its leading tab."""
    return "\t" in line[1:] if line.startswith("\t") else "\t" in line.strip()


def _tsv_grid(lines: list[tuple[str, int]], i: int) -> tuple[Grid, int]:
    """Consecutive spreadsheet rows: one row a line, cells split at tabs; the first line without
    a tab between cells ends the table."""
    rows: list[tuple[Cell, ...]] = []
    start = lines[i][1]
    while i < len(lines) and (_tsv_row(lines[i][0]) or _tsv_single(lines, i)):
        line, pos = lines[i]
        cells, at = [], pos
        for text in line.split("\t"):
            if len(text) > 1 and text.startswith('"') and text.endswith('"'):
                cells.append(Cell(text[1:-1], at + 1))  # a cell of several lines, quoted by the paste
            else:
                cells.append(Cell(text, at))
            at += len(text) + 1
        rows.append(tuple(cells))
        i += 1
    # A row's empty cells at its end leave no tabs: each row is as wide as the widest.
    width = max(len(r) for r in rows)
    rows = [r + tuple(Cell("", r[-1].start + len(r[-1].text)) for _ in range(width - len(r))) for r in rows]
    return Grid(tuple(rows), start), i


def _tsv_single(lines: list[tuple[str, int]], i: int) -> bool:
    """A spreadsheet row with one cell after an empty first one (“\t其他资金：0.00”) inside a run
    of rows: more rows of several cells follow it before any blank line."""
    while i < len(lines) and lines[i][0].startswith("\t") and lines[i][0].strip() and not _tsv_row(lines[i][0]):
        i += 1
    return i < len(lines) and _tsv_row(lines[i][0])


def _pipe_grid(lines: list[tuple[str, int]], i: int, first: Para) -> tuple[Grid, int]:
    """Cells between `|` lines; a run of several `|` marks a row boundary (the layout keeps no more)."""
    rows: list[list[Cell]] = [[Cell(first.text, first.start)]]
    while i < len(lines):
        line, pos = lines[i]
        stripped = line.strip()
        if _PIPES.fullmatch(stripped):
            if len(stripped) > 1 and rows[-1]:
                rows.append([])
            i += 1
            continue
        # A content line belongs to the table only if a `|` line closes it.
        if i + 1 < len(lines) and _PIPES.fullmatch(lines[i + 1][0].strip()) and stripped:
            rows[-1].append(Cell(line, pos))
            i += 1
            continue
        break
    return Grid(tuple(tuple(r) for r in rows if r), first.start), i


_HEADER = re.compile(r"三级指标")


def _repair(grid: Grid) -> Grid:
    """Rejoin indicator rows a text export split at a cell's trailing empty paragraph.

    Such a cell prints as its text followed by a blank line, which reads as the end of a
    row. Below the header of a 绩效自评表 (the row naming 三级指标) every row has the
    header's number of cells, so a short row is joined with the rows after it while they fit.
    """
    rows = list(grid.rows)
    header = next((k for k, r in enumerate(rows) if any(_HEADER.search(c.text) for c in r)), None)
    if header is None:
        return grid
    width = len(rows[header])
    out = rows[:header + 1]
    k = header + 1
    while k < len(rows):
        row = list(rows[k])
        while len(row) < width and k + 1 < len(rows) and len(row) + len(rows[k + 1]) <= width:
            k += 1
            row += rows[k]
        out.append(tuple(row))
        k += 1
    return Grid(tuple(out), grid.start)


def _unstacked(blocks: list[Block]) -> list[Block]:
    return [unstacked(b) if isinstance(b, Grid) else b for b in blocks]


def unstacked(grid: Grid) -> Grid:
    """A table typed with several rows' values stacked in one row's cells, a line each (one row per
    二级 indicator, its 三级 in one cell a line apiece and their 分值, 指标值, 得分 the same way
    beside them): each line its own row, the n-th line of every stacked cell together, a cell of
    one line (the 一级 and 二级 merged down) on the first. Only where two cells or more hold as many
    lines, one of them a value on every line; each new cell keeps its offset."""
    out: list[tuple[Cell, ...]] = []
    changed = False
    for row in grid.rows:
        lines = [cell.text.split("\n") for cell in row]
        n = max((len(ls) for ls in lines), default=1)
        stacked = [k for k, ls in enumerate(lines) if len(ls) == n]
        valued = any(all(_NUMERIC.match(line.strip()) or re.match(r"^[≥≤<>＞＜=＝]?\s*[0-9]", line.strip())
                         for line in lines[k]) for k in stacked)
        if n < 2 or len(stacked) < 2 or not valued or any(1 < len(ls) < n for ls in lines):
            out.append(row)
            continue
        changed = True
        for i in range(n):
            cells = []
            for cell, ls in zip(row, lines, strict=True):
                if len(ls) == n:
                    at = cell.start + sum(len(line) + 1 for line in ls[:i])
                    cells.append(Cell(ls[i], at))
                else:
                    cells.append(cell if i == 0 else Cell("", cell.start + len(cell.text)))
            out.append(tuple(cells))
    return Grid(tuple(out), grid.start) if changed else grid


# --- Word -----------------------------------------------------------------------------------------


def read_docx(path: Path) -> tuple[str, list[Block]]:
    """Paragraphs and tables in document order, written out in the tab layout as they are read."""
    import docx  # python-docx; imported here so reading text needs no lxml
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .wordlists import ListNumbers

    name = shown(path)
    _check_package(path, name, say("import.kind.docx"), say("import.kind.docx.hint"))
    out = _Writer()
    try:
        document = docx.Document(_as_document(path))
        _unwrapped(document.element.body)
        hidden = _hidden_text(document)
        numbers = ListNumbers(document)  # the 一、 / （一） Word draws before a list's paragraphs
        comments = _comments(document)
        cells = 0
        tabbed: list[str] = []  # a table typed with tab stops: paragraphs of cells apart by tabs
        noted: list[str] = []  # the comments on those paragraphs, kept until their rows are written
        body = document._body
        for element in document.element.body.xpath("./w:p | ./w:tbl | ./w:altChunk"):
            if element.tag == _ALT_CHUNK:
                # content imported whole (导出Word as html-docx-js writes it): Word converts the
                # page it names into the document on opening; it is read where it stands
                _tabbed_rows(tabbed, out, noted)
                _alt_chunk(document, element, out, name)
                continue
            notes = _commented(element, comments)
            item = Paragraph(element, body) if element.tag == _PARAGRAPH else Table(element, body)
            if isinstance(item, Paragraph) and element.find(f".//{_MATH}") is not None:
                out.paragraph(_with_equations(element))  # (python-docx reads the runs alone)
                _notes(out, notes)
                continue
            if isinstance(item, Paragraph) and _TABBED.match(item.text):
                tabbed.append(item.text)
                noted += notes
                continue
            _tabbed_rows(tabbed, out, noted)
            if isinstance(item, Paragraph):
                if item._p in hidden and not item.text.strip():
                    out.furniture(hidden.pop(item._p), HIDDEN_TEXT)  # a paragraph hidden whole
                    _notes(out, notes)
                    continue
                out.paragraph(numbers.label(item) + item.text if item.text.strip() else item.text)
                _notes(out, notes)  # (Word prints them in the margin beside it)
                _text_boxes(item, out)
                _charts(document, item._p, out)
                embedded = _embedded_workbooks(document, item)
                for book in embedded:
                    # a table pasted as an Excel worksheet object (选择性粘贴 › Microsoft Excel 工作表 对象):
                    # Word shows a picture of it; its cells are the workbook embedded beside it
                    cells = _workbook(out, book, name, cells)
            elif isinstance(item, Table):
                _docx_table(item, out)
                _notes(out, notes)
            if item._element in hidden:
                out.furniture(hidden.pop(item._element), HIDDEN_TEXT)
        _tabbed_rows(tabbed, out, noted)
    except Exception as err:  # python-docx and lxml raise many kinds of error on a damaged package
        raise ImportRefused(say("import.bad_docx", name=name, reason=_reason(err))) from None
    return out.text(), _unstacked(out.blocks)


#: The main part of a Word file with macros (.docm) or a template (.dotx, .dotm): a document's
#: body all the same, which python-docx opens only under the document's own content type.
_OTHER_MAIN_TYPES = (b"application/vnd.ms-word.document.macroEnabled.main+xml",
                     b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                     b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


def _as_document(path: Path):
    """The package to open: the file, or (a .docm or a template) a copy in memory whose main part
    is declared a document's, so it reads as the document Word shows; a document saved as Strict
    Open XML as its Transitional copy (strict.py)."""
    strict = transitional(str(path), MAX_DOCX_UNPACKED)
    with zipfile.ZipFile(strict or path) as package:
        types = package.read("[Content_Types].xml")
        if not any(kind in types for kind in _OTHER_MAIN_TYPES):
            return strict or str(path)
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for member in package.infolist():
                data = package.read(member.filename)
                if member.filename == "[Content_Types].xml":
                    for kind in _OTHER_MAIN_TYPES:
                        data = data.replace(kind, b"application/vnd.openxmlformats-officedocument."
                                                  b"wordprocessingml.document.main+xml")
                out.writestr(member, data)
    copy.seek(0)
    return copy


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_TEXT_BOX = f"{_W}txbxContent"
_PARAGRAPH = f"{_W}p"
_ALT_CHUNK = f"{_W}altChunk"
_MATH = f"{_M}oMath"
_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _charts(document, paragraph, out: _Writer) -> None:
    """The charts drawn in a paragraph (wordcharts.py), after it: each its title and its table of
    categories by series; values the chart does not print kept, none of them figures."""
    from .wordcharts import chart

    for element in paragraph.iter(_CHART):
        part = document.part.related_parts.get(element.get(_RELATIONSHIP_ID))
        read = chart(getattr(part, "blob", b"") or b"", _formatted)
        if read is None:
            continue
        title, rows, shown = read
        if title.strip():
            out.paragraph(title.strip())
        if shown:
            out.table(rows)
        else:
            out.hidden(rows, "图表中未标注的数值：图表不显示这些数，不作为数据")


def _with_equations(paragraph) -> str:
    """A paragraph's text with its equations (插入 › 公式, Office Math) as Word shows them, written
    on one line: runs and the equations' text in order, a built-up fraction as numerator/denominator
    (实有在职人数/编制数×100%=30/32×100%=93.75%), a sub- or superscript after its base; deleted
    text, properties and hidden text left out."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag
        if tag in (f"{_W}del", f"{_W}rPr", f"{_W}pPr", f"{_M}rPr", f"{_M}ctrlPr", f"{_M}fPr", f"{_W}instrText"):
            return
        if tag in (f"{_W}t", f"{_M}t"):
            parts.append(node.text or "")
            return
        if tag == f"{_W}tab":
            parts.append("\t")
            return
        if tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
            return
        if tag == f"{_M}f":
            numerator, denominator = node.find(f"{_M}num"), node.find(f"{_M}den")
            for n, part in enumerate((numerator, denominator)):
                if n:
                    parts.append("/")
                if part is not None:
                    walk(part)
            return
        if tag == f"{_W}r" and (props := node.find(f"{_W}rPr")) is not None and props.find(f"{_W}vanish") is not None:
            return
        for child in node:
            walk(child)

    walk(paragraph)
    return "".join(parts)


def _alt_chunk(document, element, out: _Writer, name: str) -> None:
    """An imported chunk (`w:altChunk`): the part it names read as what it holds, a web page
    saved as one file (.mht), a web page or plain text, into the document's blocks where it stands."""
    part = document.part.related_parts.get(element.get(_RELATIONSHIP_ID))
    raw = getattr(part, "blob", None)
    if not isinstance(raw, bytes) or not raw.strip():
        return
    _within(len(raw), MAX_HTML_BYTES, name)
    if _MIME_HEAD.match(raw[:2048]):
        _page_into(out, _mht_page(raw, name), name)
    elif looks_like_html(raw[:1024]):
        from .htmldoc import charset_of
        _page_into(out, _decode(raw, name, charset_of(raw)), name)
    elif part.content_type.startswith("text/plain"):
        for block in read_text(_decode(raw, name)):
            if isinstance(block, Grid):
                out.table([[cell.text for cell in row] for row in block.rows])
            else:
                out.paragraph(block.text)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(paragraph, out: _Writer) -> None:
    """The text boxes anchored in a paragraph (插入 › 文本框: a cover's lines, a note, at times a
    table laid in a frame), read after it: their paragraphs and tables as the body's. python-docx
    reads the runs' own text only, and a text box stands inside a run's drawing. A box Word keeps
    twice, as a drawing and as its VML fallback for older readers, is read once."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for box in paragraph._p.iter(_TEXT_BOX):
        between = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph._p:
                break
            between.append(ancestor.tag)
        if _FALLBACK in between or _TEXT_BOX in between:
            continue  # (the VML copy; a box in a box, read with the paragraph it stands in)
        for child in box:
            if child.tag == qn("w:p"):
                inner = Paragraph(child, paragraph._parent)
                out.paragraph(inner.text)
                _text_boxes(inner, out)
            elif child.tag == qn("w:tbl"):
                _docx_table(Table(child, paragraph._parent), out)


_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _embedded_workbooks(document, paragraph) -> list:
    """The Excel workbooks embedded as objects in a paragraph (`o:OLEObject` over a part in
    word/embeddings/), each opened; an object of another kind, or one that does not open as a
    workbook (an Excel 97 object in an OLE package), is passed over."""
    import io

    import openpyxl

    books = []
    for ole in paragraph._p.iter(_OLE_OBJECT):
        rid = ole.get(_RELATIONSHIP)
        part = document.part.related_parts.get(rid) if rid else None
        if part is None or not str(part.partname).lower().endswith((".xlsx", ".xlsm")):
            continue
        try:
            blob = io.BytesIO(part.blob)
            books.append(openpyxl.load_workbook(transitional(blob, MAX_DOCX_UNPACKED) or blob, data_only=True))
        except Exception:  # a damaged object: the picture Word shows is all there is
            continue
    return books


#: The marks of a revision Word tracks and shows until it is accepted or rejected: a deletion
#: (struck through), text moved away, a change of a cell's or a paragraph's own.
_REVISION_MARKS = (b"<w:del ", b"<w:del>", b"<w:moveFrom ", b"<w:moveFrom>")


def unaccepted_revisions(path: Path) -> bool:
    """Whether a Word .docx holds tracked revisions not yet accepted: then its draft is of the text
    as it would read with every revision accepted (deleted text left out, inserted text in), and
    the clerk should be told so. False for any other file, or one that cannot be looked into."""
    if path.suffix.lower() != ".docx":
        return False
    try:
        with zipfile.ZipFile(path) as package, package.open("word/document.xml") as document:
            tail = b""
            while chunk := document.read(1 << 20):
                if any(mark in tail + chunk for mark in _REVISION_MARKS):
                    return True
                tail = chunk[-16:]
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False
    return False


HIDDEN_TEXT = "隐藏文字（Word 不显示、不打印的文字）中的数，不作为数据"
COMMENT = "批注（审阅者写在页边的意见，不是报告的正文）中的数，不作为数据"

_COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _comments(document) -> dict[str, list[str]]:
    """The reviewers' comments (审阅 › 批注, the comments part) by their id: each its author and its
    paragraphs, a line each. Word shows and prints them in the margin beside the text they are
    anchored on; what they say (a target proposed, a date to answer by, an amount asked about) is
    not the report's."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == _COMMENTS_TYPE and not rel.is_external), None)
    if part is None:
        return {}
    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    out: dict[str, list[str]] = {}
    for comment in root.iter(qn("w:comment")):
        lines = [text for p in comment.iter(qn("w:p")) if (text := Paragraph(p, document).text.strip())]
        if lines:
            author = (comment.get(qn("w:author")) or "").strip()
            out[comment.get(qn("w:id")) or ""] = [f"批注（{author}）：{lines[0]}" if author else f"批注：{lines[0]}",
                                                   *lines[1:]]
    return out


def _commented(element, comments: dict[str, list[str]]) -> list[str]:
    """The lines of the comments referenced in `element` (a paragraph or a table), in order."""
    if not comments:
        return []
    return [line for ref in element.iter(f"{_W}commentReference")
            for line in comments.get(ref.get(f"{_W}id") or "", [])]


def _notes(out: _Writer, lines: list[str]) -> None:
    """Comments kept in the text after what they are anchored on, their numbers none of the report's."""
    if lines:
        out.furniture("\n".join(lines), COMMENT)
        lines.clear()


def _hidden_text(document) -> dict:
    """Text formatted hidden (字体 › 隐藏, `w:vanish`: Word neither shows nor prints it, a template's
    instructions or last year's sentences a clerk hid instead of deleting) taken out of the body,
    in place: its runs removed, so a paragraph reads as Word shows it. Returns the hidden text by
    the body's paragraph or table it was in (a paragraph hidden whole is left empty), to be kept
    in the source as text the file holds but does not show."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    def hides(props) -> bool:
        if props is None:
            return False
        for tag in ("w:vanish", "w:specVanish"):
            mark = props.find(qn(tag))
            if mark is not None and mark.get(qn("w:val"), "true").lower() not in ("false", "0", "off"):
                return True
        return False

    styles = document.styles.element
    hidden_styles = {style.get(qn("w:styleId")) for style in styles.iter(qn("w:style"))
                     if hides(style.find(qn("w:rPr")))}
    body = document.element.body
    out: dict = {}
    gone_runs = []
    for run in body.iter(qn("w:r")):
        props = run.find(qn("w:rPr"))
        style = props.find(qn("w:rStyle")) if props is not None else None
        paragraph = run.getparent()
        while paragraph is not None and paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        p_style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if paragraph is not None else None
        direct = props.find(qn("w:vanish")) if props is not None else None
        if direct is not None or props is not None and props.find(qn("w:specVanish")) is not None:
            gone = hides(props)  # direct formatting wins over a style (w:val="false" shows it)
        else:
            gone = (style is not None and style.get(qn("w:val")) in hidden_styles
                    or p_style is not None and p_style.get(qn("w:val")) in hidden_styles)
        if gone:
            gone_runs.append(run)
    gone_ids = {id(run) for run in gone_runs}  # (runs hidden one after another are one text)
    for run in gone_runs:
        top = run
        while top.getparent() is not None and top.getparent() is not body:
            top = top.getparent()
        text = Run(run, document).text
        if top in out:
            out[top] += ("" if id(run.getprevious()) in gone_ids and out[top] and out[top][-1] != "\n" else "\n") + text
        elif text.strip():
            out[top] = text
    for run in gone_runs:
        run.getparent().remove(run)
    return {top: "\n".join(line.strip() for line in text.split("\n") if line.strip())
            for top, text in out.items() if text.strip()}


#: Elements that wrap a document's own content, by their content's element (None: their children,
#: their properties left out): content controls (a form's fields, a template's blanks filled in, at
#: the level of runs, paragraphs, table rows or cells), tracked insertions and moves, smart tags,
#: custom XML and simple fields (a table's =SUM(ABOVE) keeps its result as runs). python-docx reads
#: the runs and hyperlinks directly in a paragraph, the paragraphs and tables directly in the body
#: or a cell, the rows directly in a table: text inside any of these it would leave out.
_WRAPPERS = {"sdt": "sdtContent", "ins": None, "moveTo": None, "smartTag": None, "customXml": None,
             "fldSimple": None}
_WRAPPER_PROPERTIES = {"sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "rPr"}


def _unwrapped(body) -> None:
    """`body` with every wrapper of `_WRAPPERS` replaced by the content it wraps, in place: what
    Word shows, as plain runs, paragraphs, rows and cells."""
    from docx.oxml.ns import qn

    tags = {qn(f"w:{name}"): (qn(f"w:{inner}") if inner else None) for name, inner in _WRAPPERS.items()}
    properties = {qn(f"w:{name}") for name in _WRAPPER_PROPERTIES}
    for element in [e for e in body.iter(*tags)]:  # outermost first, each moved up into its parent
        parent = element.getparent()
        if parent is None:
            continue
        inner = tags[element.tag]
        holder = element.find(inner) if inner is not None else element
        children = [] if holder is None else [c for c in holder if c.tag not in properties]
        at = parent.index(element)
        parent.remove(element)
        for n, child in enumerate(children):
            parent.insert(at + n, child)


#: A paragraph of cells apart by tabs: two or more, none empty but the first.
_TABBED = re.compile(r"^[^\t\n]*(?:\t+[^\t\n]+)+\s*$")


def _tabbed_rows(lines: list[str], out: _Writer, notes: list[str]) -> None:
    """Paragraphs of cells apart by tab stops (a table typed with tabs, not made a Word table): two
    or more of them with a number among their cells are a table, one cell a tab; else paragraphs.
    The comments on them (`notes`) after them."""
    if len(lines) >= 2 and any(_NUMERIC.fullmatch(cell.strip()) for line in lines[1:] for cell in line.split("\t")[1:]):
        out.table(_tab_cells(lines))
    else:
        for line in lines:
            out.paragraph(line)
    lines.clear()
    _notes(out, notes)


def _tab_cells(lines: list[str]) -> list[list[str]]:
    """The cells of paragraphs typed with tab stops. Where one tab each parts the cells of nearly
    every line into as many (a table typed a tab per cell, its blank cells two tabs in a row:
    “三、国有资本经营预算财政拨款收入→3→→三、国防支出→30→”), each tab parts two cells and a blank
    cell stays in its column; else the tabs only align the text, and a run of them parts two cells."""
    single = [line.rstrip(" \r\n").split("\t") for line in lines]
    width, count = Counter(len(cells) for cells in single).most_common(1)[0]
    if width > 2 and count >= 0.8 * len(lines) and all(len(cells) <= width for cells in single):
        return [cells + [""] * (width - len(cells)) for cells in single]
    return [re.split(r"\t+", line.rstrip()) for line in lines]


def _docx_table(table, out: _Writer, depth: int = 0) -> None:
    """A table, or a layout table holding tables in its cells (as Word keeps a table pasted from
    a web page, and templates that frame each table with its title and notes): such a table is
    read as what it holds, cell by cell in reading order, its paragraphs as paragraphs and its
    tables as tables; python-docx's cell text would leave the inner tables out."""
    from docx.oxml.ns import qn
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    if depth > 5 or not table._tbl.findall(f".//{qn('w:tc')}/{qn('w:tbl')}"):
        out.table(_docx_rows(table))
        return
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            if _merged_down(tc):
                continue
            for item in _Cell(tc, table).iter_inner_content():
                if isinstance(item, Paragraph):
                    out.paragraph(item.text)
                elif isinstance(item, Table):
                    _docx_table(item, out, depth + 1)


def _merged_down(tc) -> bool:
    """A cell that is a vertical merge's lower part (the text stands in the part above)."""
    from docx.oxml.ns import qn

    tc_pr = tc.tcPr
    merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _docx_rows(table) -> list[list[str]]:
    """The table on its grid, as Word lays it out: a cell spanning columns has its text in its
    first column and leaves the others empty (as a merged range in Excel and a web page's colspan
    do), a vertical merge's lower parts are empty, columns a row skips at its start are empty."""
    from docx.table import _Cell

    rows = []
    for tr in table._tbl.tr_lst:
        row = [""] * min(max(tr.grid_before, 0), _MAX_GRID_SPAN)
        for tc in tr.tc_lst:
            cell = _Cell(tc, table)
            # Word keeps a cell's empty trailing paragraphs; they carry no text.
            text = "\n".join(p.text for p in cell.paragraphs).rstrip("\n")
            row.append("" if _merged_down(tc) else text)
            row += [""] * (min(max(tc.grid_span, 1), _MAX_GRID_SPAN) - 1)
        rows.append(row)
    return rows


#: The widest span taken from a Word table cell (w:gridSpan="100000" would make a table of nothing).
_MAX_GRID_SPAN = 64


class _Writer:
    """Builds the tab-layout text and its blocks together, so offsets are exact by construction."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        #: A ruled PDF table's shape (each row's top below the table's), by its block's index.
        self.shapes: dict[int, tuple[float, ...]] = {}

    def _put(self, text: str) -> int:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def paragraph(self, text: str) -> None:
        start = self._put(text + "\n")
        if text.strip():
            self.blocks.append(Para(text, start))

    def furniture(self, text: str, why: str) -> None:
        """A line of page furniture (a running head): kept in the text, its numbers listed with `why`."""
        start = self._put(text + "\n")
        if text.strip():
            self.blocks.append(Hidden(text, start, why))

    def table(self, rows: list[list[str]], shape: tuple[float, ...] | None = None) -> None:
        if shape is not None:
            self.shapes[len(self.blocks)] = shape
        grid_start = self.pos
        self.blocks.append(Grid(tuple(tuple(row) for row in self.cells(rows, padded=False)), grid_start))

    def cells(self, rows: list[list[str]], padded: bool = True) -> list[list[Cell]]:
        """Rows written out as a table's are, each cell at its offset (`padded`: each row as wide as
        the widest), no block made of them (`table` makes one; tables side by side on a sheet make
        their own)."""
        width = max((len(r) for r in rows), default=0) if padded else 0
        out = []
        for row in rows:
            cells = []
            for text in row + [""] * (width - len(row)):
                self._put("\t")
                cells.append(Cell(text, self._put(text)))
                self._put("\n")
            self._put("\n")
            out.append(cells)
        return out

    def hidden(self, rows: list[list[str]], why: str) -> None:
        """Rows the file holds but does not show, kept in the text as one Hidden block."""
        start = self.pos
        text = "".join("\t".join(row).rstrip("\t") + "\n" for row in rows if any(c.strip() for c in row))
        self._put(text + "\n")
        if text.strip():
            self.blocks.append(Hidden(text, start, why))

    def text(self) -> str:
        return "".join(self.parts)


#: The largest Word 97–2003 document read (as the largest .xls: its pictures are in the file too).
MAX_DOC_BYTES = 50_000_000


def read_doc(path: Path) -> tuple[str, list[Block]]:
    """A Word 97–2003 document (.doc, worddoc.py): paragraphs and tables in document order,
    written out in the tab layout as the .docx reader writes them (paragraphs of cells apart by
    tab stops a table too). Word and WPS also save other formats under the name .doc: a .docx or
    an RTF file is read as what it is (a web page read_path has turned to already). An encrypted
    document, a Word 6.0/95 one, a damaged one and a compound file that holds no Word document are
    refused, each in one line."""
    from .worddoc import DocEncrypted, DocError, DocTooOld, NotWord, items

    name = shown(path)
    size = path.stat().st_size
    _within(size, MAX_DOC_BYTES, name)
    data = _read(path)
    if data.startswith(b"PK\x03\x04"):
        return read_docx(path)  # a .docx under the old name
    if data.lstrip()[:5] == b"{\\rtf":
        return read_rtf(path)  # Word's 另存为 RTF under the name .doc
    try:
        read = items(data, MAX_TEXT_BYTES + 1)
    except DocEncrypted:
        raise ImportRefused(say("import.doc_encrypted", name=name)) from None
    except DocTooOld:
        raise ImportRefused(say("import.doc_word95", name=name)) from None
    except NotWord as err:
        if path.suffix.lower() == ".wps":  # (a WPS file of its own format: as before)
            raise ImportRefused(say("import.old_format", name=name, suffix=shown(path.suffix),
                                    target=".docx")) from None
        raise ImportRefused(say("import.bad_doc", name=name, reason=err.args[0])) from None
    except DocError as err:
        raise ImportRefused(say("import.bad_doc", name=name, reason=err.args[0])) from None
    out = _Writer()
    tabbed: list[str] = []
    for kind, item in read:
        if kind == "p" and _TABBED.match(str(item)):
            tabbed.append(str(item))
            continue
        _tabbed_rows(tabbed, out, [])
        if kind == "t":
            out.table(cast(list[list[str]], item))
        elif kind == "h":
            out.furniture(str(item), HIDDEN_TEXT)
        else:
            out.paragraph(str(item))
    _tabbed_rows(tabbed, out, [])
    return out.text(), _unstacked(out.blocks)


def _word_binary(path: Path) -> bool:
    """Whether a file is a compound file that holds a Word 97–2003 document (a WPS 文字 .wps often
    is); False for any other, or one that cannot be looked into."""
    from .cfb import SIGNATURE, CfbError, Compound

    try:
        if path.stat().st_size > MAX_DOC_BYTES:
            return False
        with open(path, "rb") as f:
            if f.read(8) != SIGNATURE:
                return False
            f.seek(0)
            word = Compound(f.read()).read("WordDocument")
    except (OSError, CfbError):
        return False
    return word is not None and word[:2] == b"\xec\xa5"


# --- Excel ----------------------------------------------------------------------------------------

#: The most cells read from a workbook (a 决算 workbook has a few thousand); a bigger one is refused.
MAX_XLSX_CELLS = 2_000_000
#: The largest .xls read (xlrd reads the whole file into memory).
MAX_XLS_BYTES = 50_000_000


def _sheet(out: _Writer, rows: list[list[str]], shown: bool, name: str) -> None:
    """A sheet's rows written out: a shown sheet's as its paragraphs and tables, a hidden one's (a
    form of last year the clerk copied in and hid) kept in the text, its numbers listed, none placed."""
    regions = _side_by_side(rows) if shown else []
    if len(regions) > 1:
        # the sheet's text as it prints, row by row across the regions; its blocks region by region
        laid = out.cells(rows)
        for a, b in regions:
            out.blocks.extend(cell_blocks([row[a:b] for row in laid]))
    elif shown:
        _sheet_blocks(out, rows)
    else:
        out.hidden(rows, f"隐藏工作表“{name}”中的数：工作簿不显示这张表，不作为数据")


def _side_by_side(rows: list[list[str]]) -> list[tuple[int, int]]:
    """A sheet's tables set side by side (表1 on the left, 表2 to its right past an empty column):
    the regions between columns empty from top to bottom, (first column, end), left first; a sheet
    without such a column is one region. A region must hold a table of its own (two columns at
    least, a number in it), else the columns stay together."""
    width = max((len(r) for r in rows), default=0)
    used = [any(k < len(r) and r[k].strip() for r in rows) for k in range(width)]
    regions: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if not used[k]:
            k += 1
            continue
        start = k
        while k < width and used[k]:
            k += 1
        regions.append((start, k))
    numbered = [any(_NUMERIC.fullmatch(c.strip()) for r in rows for c in r[a:b]) for a, b in regions]
    if len(regions) < 2 or any(b - a < 2 for a, b in regions) or not all(numbered):
        return [(0, width)]
    return regions


def read_xlsx(path: Path) -> tuple[str, list[Block]]:
    """Each sheet in order, its rows top to bottom, written out in the tab layout as they are read:
    a row whose only text is one cell (a title, 单位：万元, a note, whether or not merged across
    the table) is a paragraph, runs of other rows are a table. A cell reads as its number format
    shows it (`0.9742` formatted `0.00%` is 97.42%, `26500000` formatted `#,##0.00` is
    26,500,000.00); a merged range is its top-left cell, the cells it covers empty."""
    import openpyxl

    name = shown(path)
    _check_package(path, name, say("import.kind.xlsx"), say("import.kind.xlsx.hint"))
    try:
        # a file, not a name: openpyxl judges a name by its suffix (自评表.xls); a workbook saved as
        # Strict Open XML, which openpyxl reads as one with no sheets, as its Transitional copy
        with open(path, "rb") as f:
            package = transitional(f, MAX_DOCX_UNPACKED) or f
            book = openpyxl.load_workbook(package, data_only=True)
            formulas = None
            if _unsaved_formulas(package):
                formulas = openpyxl.load_workbook(package, data_only=False)
    except Exception as err:  # openpyxl, zipfile and lxml raise many kinds of error on a damaged package
        raise ImportRefused(say("import.bad_xlsx", name=name, reason=_reason(err))) from None
    out = _Writer()
    _workbook(out, book, name, formulas=formulas)
    return out.text(), out.blocks


def _unsaved_formulas(source: IO[bytes]) -> bool:
    """A workbook with formulas saved without their values (a system's export from a template)."""
    with zipfile.ZipFile(source) as package:
        for member in package.namelist():
            if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                data = package.read(member)
                if re.search(rb"(?:<f[ >][^<]*</f>|<f[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>", data):
                    return True
    return False


def _computed(sheet, formulas) -> dict[tuple[int, int], float | str]:
    """The values of the sheet's formulas that were saved without them, worked out (formulas.py):
    by (row, column), a number, or Excel's #DIV/0!; those it cannot work out left out."""
    from .formulas import Unknown, evaluate

    out: dict[tuple[int, int], float | str] = {}
    busy: set[tuple[int, int]] = set()

    def value(r: int, c: int):
        if (r, c) in out:
            return out[(r, c)]
        saved = sheet.cell(row=r, column=c).value
        if isinstance(saved, (int, float)) and not isinstance(saved, bool):
            return float(saved)
        written = formulas.cell(row=r, column=c).value
        if saved is not None or not isinstance(written, str) or not written.startswith("=") or (r, c) in busy \
                or len(busy) > 200:
            return None
        busy.add((r, c))
        try:
            result = evaluate(written[1:], lambda rr, cc: _as_number(value(rr, cc)))
            if abs(result) < 1e15:  # (not infinite, not a number: what no form holds)
                out[(r, c)] = result
        except ZeroDivisionError:
            out[(r, c)] = "#DIV/0!"
        except (Unknown, ValueError, OverflowError, RecursionError, TypeError):
            pass
        finally:
            busy.discard((r, c))
        return out.get((r, c))

    for row in formulas.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                value(cell.row, cell.column)
    return out


def _as_number(value) -> float | None:
    if value is None or isinstance(value, str):
        return None
    return float(value)


def _workbook(out: _Writer, book, name: str, cells: int = 0, formulas=None) -> int:
    """A workbook's sheets written out in order (`read_xlsx`); the cells read so far, with `cells`.
    (`formulas`: the workbook read for its formulas, when some were saved without their values.)"""
    # a hidden sheet (a form of last year the clerk copied in and hid) is no part of what the
    # workbook shows: left out, unless every sheet is hidden
    visible = [s for s in book.worksheets if s.sheet_state == "visible"] or book.worksheets
    for sheet in book.worksheets:
        covered = set()
        for merged in sheet.merged_cells.ranges:
            for at_row in range(merged.min_row, merged.max_row + 1):
                for at_col in range(merged.min_col, merged.max_col + 1):
                    if (at_row, at_col) != (merged.min_row, merged.min_col):
                        covered.add((at_row, at_col))
        rows: list[list[str]] = []
        for row in sheet.iter_rows():
            cells += len(row)
            if cells > MAX_XLSX_CELLS:
                raise ImportRefused(say("import.too_many_cells", name=name, limit=MAX_XLSX_CELLS))
            rows.append(["" if (c.row, c.column) in covered else _cell_text(c) for c in row])
        if formulas is not None and sheet.title in formulas.sheetnames:
            for (r, c), value in _computed(sheet, formulas[sheet.title]).items():
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) and not rows[r - 1][c - 1]:
                    shown = value if isinstance(value, str) else \
                        _formatted(value, sheet.cell(row=r, column=c).number_format or "General")
                    rows[r - 1][c - 1] = shown
        _sheet(out, rows, sheet in visible, sheet.title)
    return cells


# --- a web page --------------------------------------------------------------------------------------

#: The largest web page read (Word's pages carry their styles inline; the text is far smaller).
MAX_HTML_BYTES = 50_000_000


def _html_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return looks_like_html(f.read(1024))
    except OSError:
        return False


def _within(size: int, limit: int, name: str) -> None:
    """A file (or a part of one) of `size` bytes read only within `limit`; ImportRefused otherwise."""
    if size > limit:
        raise ImportRefused(say("import.too_big", name=name, size=size, limit=limit))


def _mht_file(path: Path) -> bool:
    """A page saved as one file, whatever its name: a MIME message."""
    try:
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError:
        return False
    return _MIME_HEAD.match(head) is not None


_MIME_HEAD = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:[A-Za-z-]+:[^\n]*\n)*?MIME-Version:", re.I)


def read_html(path: Path) -> tuple[str, list[Block]]:
    """A report saved as a web page (htmldoc.py): its paragraphs and tables in reading order,
    written out in the tab layout; an Excel sheet's page as `read_xlsx` reads a sheet (a row of
    one cell a paragraph)."""
    from .htmldoc import charset_of

    name = shown(path)
    _within(path.stat().st_size, MAX_HTML_BYTES, name)
    raw = _read(path)
    return _page_blocks(_decode(raw, name, charset_of(raw)), name)


def read_mht(path: Path) -> tuple[str, list[Block]]:
    """A page saved as one file (Word's and browsers' 单个文件网页, .mht): a MIME message whose
    HTML part is the page, its pictures and styles in parts beside it; the page read as a web
    page is."""
    name = shown(path)
    _within(path.stat().st_size, MAX_HTML_BYTES, name)
    return _page_blocks(_mht_page(_read(path), name), name)


def _mht_page(raw: bytes, name: str) -> str:
    """The text of the HTML part of a web archive (MIME multipart/related)."""
    import email
    import email.policy

    from .htmldoc import charset_of

    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes) or not payload.strip():
        raise ImportRefused(say("import.mht_no_page", name=name))
    return _decode(payload, name, part.get_content_charset() or charset_of(payload))


def _page_blocks(text: str, name: str) -> tuple[str, list[Block]]:
    from .pdfhtml import is_pdf_page, page_words

    if is_pdf_page(text) and any(pages := page_words(text)):
        # a PDF converted to a page of placed lines (pdf2htmlEX): read as the PDF's pages are
        return read_placed(pages)
    out = _Writer()
    _page_into(out, text, name)
    return out.text(), _unstacked(out.blocks)


def _page_into(out: _Writer, text: str, name: str) -> None:
    """A web page's paragraphs and tables written into `out`."""
    from .htmldoc import read_page

    try:
        items, excel = read_page(text)
    except Exception as err:  # html.parser on a page cut short or damaged
        raise ImportRefused(say("import.bad_html", name=name, reason=_reason(err))) from None
    _items_written(out, items, excel)


def _items_written(out: _Writer, items, sheet: bool = False) -> None:
    """A reader's items, ("p", a paragraph's text) and ("t", a table's rows), written into `out`,
    control characters as CONTROLS reads them; (`sheet`) a table as a sheet's rows are read. A
    reviewer's comment ("c") is kept as text none of whose numbers is the report's."""
    for kind, item in items:
        if kind == "t":
            rows = [[cell.translate(CONTROLS) for cell in row] for row in cast(list[list[str]], item)]
            if sheet:
                _sheet_blocks(out, rows)
            else:
                out.table(rows)
        elif kind == "c":
            out.furniture(str(item).translate(CONTROLS), COMMENT)
        else:
            out.paragraph(str(item).translate(CONTROLS))


#: The signature of an OLE2 compound file (an Excel 97–2003 .xls workbook).
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def read_xls(path: Path) -> tuple[str, list[Block]]:
    """An Excel 97–2003 workbook (.xls), read as `read_xlsx` reads a .xlsx: each sheet in order,
    a cell as its number format shows it, a merged range as its top-left cell. Reporting systems
    often save a .xlsx, or an HTML page, under the name .xls: the first is read as what it is, the
    second refused with what to do."""
    import xlrd

    name = shown(path)
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(b"PK"):
        return read_xlsx(path)  # a .xlsx workbook under an old name
    from .xmlsheet import is_spreadsheet
    if is_spreadsheet(head):
        return read_spreadsheetml(path)  # a system's XML Spreadsheet 2003 export under the name .xls
    if looks_like_html(head):
        return read_html(path)  # a sheet saved as a web page, or a reporting system's export
    if not head.startswith(_OLE2):
        what = say("import.kind.html" if re.search(rb"<(html|table|\?xml|!doctype)", head.lower())
                   else "import.kind.workbook")
        raise ImportRefused(say("import.xls_not_xls", name=name, what=what))
    if path.stat().st_size > MAX_XLS_BYTES:
        raise ImportRefused(say("import.xls_too_big", name=name, size=path.stat().st_size, limit=MAX_XLS_BYTES))
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, logfile=_Quiet())
    except Exception as err:  # xlrd and its OLE2 reader raise many kinds of error on a damaged file
        raise ImportRefused(say("import.bad_xls", name=name, reason=_reason(err))) from None
    out = _Writer()
    cells = 0
    try:
        visible = [s for s in book.sheets() if not s.visibility] or book.sheets()
        for sheet in book.sheets():
            covered = {(r, c) for rlo, rhi, clo, chi in sheet.merged_cells
                       for r in range(rlo, rhi) for c in range(clo, chi) if (r, c) != (rlo, clo)}
            cells += sheet.nrows * sheet.ncols
            if cells > MAX_XLSX_CELLS:
                raise ImportRefused(say("import.too_many_cells", name=name, limit=MAX_XLSX_CELLS))
            rows = [["" if (r, c) in covered else _xls_text(book, sheet.cell(r, c)) for c in range(sheet.ncols)]
                    for r in range(sheet.nrows)]
            _sheet(out, rows, sheet in visible, sheet.name)
    except ImportRefused:
        raise
    except Exception as err:
        raise ImportRefused(say("import.bad_xls", name=name, reason=_reason(err))) from None
    return out.text(), out.blocks


def read_spreadsheetml(path: Path) -> tuple[str, list[Block]]:
    """An XML Spreadsheet 2003 workbook (xmlsheet.py), read as `read_xlsx` reads a .xlsx."""
    from .xmlsheet import SheetError, is_spreadsheet, sheets

    name = shown(path)
    size = path.stat().st_size
    if size > MAX_XLS_BYTES:
        raise ImportRefused(say("import.xls_too_big", name=name, size=size, limit=MAX_XLS_BYTES))
    data = _read(path)
    if not is_spreadsheet(data[:4096]):
        raise ImportRefused(say("import.unsupported", name=name, suffix=shown(path.suffix)))
    out = _Writer()
    cells = 0
    try:
        read = list(sheets(data, _formatted))
        shown_any = any(visible for _, visible, _ in read)
        for title, visible, rows in read:
            cells += sum(len(row) for row in rows)
            if cells > MAX_XLSX_CELLS:
                raise ImportRefused(say("import.too_many_cells", name=name, limit=MAX_XLSX_CELLS))
            _sheet(out, rows, visible or not shown_any, title)
    except SheetError as err:
        raise ImportRefused(say("import.bad_xls", name=name, reason=err.args[0])) from None
    return out.text(), out.blocks


class _Quiet:
    """A log file for xlrd that keeps its warnings off the user's terminal."""

    def write(self, text: str) -> int:
        return len(text)


def _xls_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
    fmt = book.format_map.get(xf.format_key) if xf is not None else None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return ""
        return _date_shown(moment, fmt.format_str if fmt is not None else "")
    value = cell.value
    number = int(value) if float(value).is_integer() and abs(value) < 1e15 else value
    return _formatted(number, fmt.format_str if fmt is not None else "General")


def _sheet_blocks(out: _Writer, rows: list[list[str]]) -> None:
    width = max((max((k + 1 for k, t in enumerate(r) if t.strip()), default=0) for r in rows), default=0)
    for table, part in sheet_parts(rows):
        if table:
            out.table(_own_width([rows[n][:width] for n in part]))
        else:
            out.paragraph(next(t for t in rows[part[0]] if t.strip()).strip())


def sheet_parts(rows: list[list[str]]) -> list[tuple[bool, list[int]]]:
    """A sheet's rows parted as a sheet reads: a row whose only text is one cell (a title,
    单位：万元, a note) a paragraph, runs of other rows a table; each part a table or not, and
    its rows' indices. Empty rows are in no part."""
    parts: list[tuple[bool, list[int]]] = []
    table: list[int] = []
    for n, row in enumerate(rows):
        filled = [t for t in row if t.strip()]
        if len(filled) >= 2 or (table and filled and not row[0].strip()) or \
                (table and len(filled) == 1 and _group_row(row[0], rows[n + 1:])):
            # (a row of a table with one cell filled away from its first column — 九、社会保险基金支出 on
            # the 支出 side of a 收入支出决算总表 with no amount — is still a row of that table, and so
            # is a numbered group row between its rows: 一、中央财政衔接资金项目 over the projects it heads)
            table.append(n)
            continue
        if table:
            parts.append((True, table))
            table = []
        if filled:
            parts.append((False, [n]))
    if table:
        parts.append((True, table))
    return parts


def cell_blocks(rows: list[list[Cell]], text: str | None = None) -> list[Block]:
    """Rows of cells, each at its offset in the source, read as a sheet's rows are (`sheet_parts`):
    a row whose only text is one cell a paragraph, runs of other rows a table, each table with its
    own columns only (those it fills: not a wider table's stacked above, nor a merged cell's
    second). With the source `text`, a table's first rows that name its body and unit (单位：…
    金额单位：万元) are a paragraph each, as printed between their first and last cell."""
    blocks: list[Block] = []
    for table, part in sheet_parts([[c.text for c in row] for row in rows]):
        while text is not None and table and part and all(TABLE_LINE.match(c.text) for c in rows[part[0]] if c.text):
            filled = [c for c in rows[part.pop(0)] if c.text]
            blocks.append(Para(text[filled[0].start:filled[-1].start + len(filled[-1].text)], filled[0].start))
        if table and part:
            width = max(len(rows[n]) for n in part)
            used = [k for k in range(width) if any(k < len(rows[n]) and rows[n][k].text.strip() for n in part)]
            grid = tuple(tuple(rows[n][k] for k in used) for n in part)
            blocks.append(Grid(grid, min(c.start for row in grid for c in row)))
        elif not table:
            cell = next(c for c in rows[part[0]] if c.text.strip())
            blocks.append(Para(cell.text.strip(), cell.start + len(cell.text) - len(cell.text.lstrip())))
    return blocks


#: A group row's numbering: 一、 （一） 1、
_GROUP_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+、)")


def _group_row(text: str, following: list[list[str]]) -> bool:
    """A numbered heading alone on its row, inside a table: the next row with text is another row
    of several cells, and the heading names no table (a title of the next table stacked below
    names one: 表, 情况表)."""
    if not _GROUP_NUMBERING.match(text) or "表" in text or re.search(r"单位[：:]", text):
        return False
    for row in following:
        filled = [t for t in row if t.strip()]
        if filled:
            return len(filled) >= 2
    return False


def _own_width(table: list[list[str]]) -> list[list[str]]:
    """A table of a sheet as wide as its own filled columns (tables stacked on one sheet are
    each narrower than the sheet)."""
    width = max((max((k + 1 for k, t in enumerate(r) if t.strip()), default=0) for r in table), default=0)
    return [r[:width] for r in table]


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return _formatted(value, cell.number_format or "General")
    if hasattr(value, "isoformat"):  # a date or time
        if hasattr(value, "year") and hasattr(value, "hour"):
            return _date_shown(value, cell.number_format or "")
        return value.isoformat()[:10] if hasattr(value, "year") else value.isoformat()
    return str(value)


def _date_shown(moment, number_format: str) -> str:
    """A date cell as its date format shows it (`yyyy"年"m"月"d"日"` → 2021年9月18日, `yyyy/m/d` →
    2021/9/18): the year, month, day and time codes filled in, quoted and escaped text as it
    stands. A format this does not cover (weekday and month names, Chinese numerals, AM/PM) or
    none: the date in ISO form, and its time when it has one."""
    iso = moment.date().isoformat() if not (moment.hour or moment.minute or moment.second) \
        else moment.isoformat(sep=" ", timespec="seconds")
    section = number_format.split(";")[0]
    if not re.search(r"[yYdD]|[mM]", section) or re.search(r"DBNum|AM/PM|A/P", section, re.I):
        return iso
    parts: list[str] = []
    codes: list[str] = []  # the date codes met so far (an m after h, or before s, is minutes)
    i = 0
    while i < len(section):
        char = section[i]
        if char == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            parts.append(section[i + 1:end])
            i = end + 1
        elif char == "\\":
            parts.append(section[i + 1:i + 2])
            i += 2
        elif char == "[":
            end = section.find("]", i + 1)
            i = len(section) if end < 0 else end + 1
        elif char.lower() in "ymdhs":
            run = len(re.match(rf"{char}+", section[i:], re.I).group())  # type: ignore[union-attr]
            code = char.lower()
            if code == "m" and (codes[-1:] == ["h"] or re.match(r"[^ymdhs]*s", section[i + run:], re.I)):
                code = "n"  # minutes
            if run > {"y": 4, "m": 2, "d": 2, "h": 2, "n": 2, "s": 2}[code]:
                return iso  # (a month's or a weekday's name)
            number = {"y": moment.year if run > 2 else moment.year % 100, "m": moment.month, "d": moment.day,
                      "h": moment.hour, "n": moment.minute, "s": moment.second}[code]
            parts.append(str(number).zfill(2 if run >= 2 else 1))
            codes.append(code)
            i += run
        else:
            parts.append(char)
            i += 1
    return "".join(parts)


_PLACES = re.compile(r"\.([0#]+)")


def _formatted(value: int | float, number_format: str) -> str:
    """A number as Excel shows it under the common number formats (General, 0, 0.00, #,##0.00,
    0.00%, with or without a thousands separator), with the text a format adds around it
    (0.00"万元", 0"件", 0.0"分", \\元; colours and spacing aside) and a negative number in the
    format's second section where it has one (#,##0.00;(#,##0.00)); any other format as General."""
    from decimal import ROUND_HALF_UP, Decimal

    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    sections = number_format.split(";")
    negative = number < 0 and len(sections) > 1 and sections[1].strip() != ""
    zero = number == 0 and len(sections) > 2
    section = sections[2] if zero else sections[1] if negative else sections[0]
    if negative:
        number = -number
    general = "General" in section or section.strip() in ("@", "")
    shifted = None if general else _literal_digits(section, number)
    if shifted is not None:  # 0!.0, (amounts typed in 元, shown in 万元), 000-0000
        return ("-" if number < 0 and not negative else "") + shifted
    before, pattern, after = _format_parts(section.replace("General", "#").replace("@", ""))
    if zero and not any(c in pattern for c in "0#?"):  # 0.00;-0.00;"-": a zero shown as a dash
        return before + after
    if general or not any(c in pattern for c in "0#?"):  # General, with any text around it
        text = format(number.normalize(), "f")
        return before + (text[:-2] if text.endswith(".0") else text) + after
    percent = "%" in pattern or "%" in after
    if percent:
        number *= 100
    places = _PLACES.search(pattern)
    digits = len(places.group(1)) if places else 0
    number = number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = format(number, ",f" if "," in pattern else "f")
    return before + text + ("%" if "%" in pattern else "") + after


def _literal_digits(section: str, number) -> str | None:
    """A number under a format that sets literal text among its digit placeholders, as Excel
    shows it: the number scaled down a thousand for each comma after the last placeholder, rounded
    to a whole, its digits filled into the placeholders from the right with the literals between
    them in place (`0!.0,`: 684000 is 68.4; `000-0000`). None for any other format (one with a
    decimal point or a percent of its own, or no literal between placeholders)."""
    from decimal import ROUND_HALF_UP, Decimal

    tokens: list[tuple[str, str]] = []  # ("d", placeholder), ("l", literal), (",", ",")
    for placeholder, text in _format_tokens(section, escapes="\\!"):
        if not placeholder:
            tokens.append(("l", text))
        elif text in ".%":
            return None
        else:
            tokens.append(("," if text == "," else "d", text))
    digits = [n for n, (kind, _) in enumerate(tokens) if kind == "d"]
    if not digits:
        return None
    inner = tokens[digits[0]:digits[-1] + 1]
    if not any(kind == "l" for kind, _ in inner) or any(kind == "," for kind, _ in inner):
        return None
    scale = 0
    n = digits[-1] + 1
    while n < len(tokens) and tokens[n][0] == ",":
        scale += 1
        n += 1
    value = (abs(number) / (Decimal(1000) ** scale)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    left = str(value) if value else ""
    out: list[str] = []
    for kind, text in reversed(inner):
        if kind == "l":
            out.append(text)
        elif left:
            out.append(left[-1])
            left = left[:-1]
        else:
            out.append("0" if text == "0" else " " if text == "?" else "")
    lead = "".join(t for k, t in tokens[:digits[0]] if k == "l")
    tail = "".join(t for k, t in tokens[n:] if k == "l")
    return lead + left + "".join(reversed(out)).strip() + tail


def _format_tokens(section: str, escapes: str = "\\") -> list[tuple[bool, str]]:
    """A number format's section as its parts, in order: (True, c) for a character of a number's
    pattern (0 # ? . , %), (False, text) for text shown as it stands (quoted text, a character
    after an escape, any other character); [colours] and [$locales], _ spacing and * fills left out."""
    out: list[tuple[bool, str]] = []
    i = 0
    while i < len(section):
        char = section[i]
        if char == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append((False, section[i + 1:end]))
            i = end + 1
        elif char in escapes:
            out.append((False, section[i + 1:i + 2]))
            i += 2
        elif char == "[":
            end = section.find("]", i + 1)
            i = len(section) if end < 0 else end + 1
        elif char in "_*":
            i += 2
        else:
            out.append((char in "0#?.,%", char))
            i += 1
    return out


def _format_parts(section: str) -> tuple[str, str, str]:
    """A number format's section as the text before the number, the number's own pattern and
    the text after it (`_format_tokens`; a pattern character after the text that follows the
    number is text too)."""
    before: list[str] = []
    pattern: list[str] = []
    after: list[str] = []
    for placeholder, text in _format_tokens(section):
        if placeholder and not after:
            pattern.append(text)
        else:
            (after if pattern else before).append(text)
    return "".join(before), "".join(pattern), "".join(after)


def _check_package(path: Path, name: str, what: Said, hint: Said) -> None:
    """A zip package (.docx, .xlsx) within the size limit when unpacked; ImportRefused otherwise."""
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(member.file_size for member in package.infolist())
    except (zipfile.BadZipFile, EOFError, NotImplementedError, UnicodeDecodeError):  # (a damaged header)
        raise ImportRefused(say("import.not_zip", name=name, what=what, hint=hint)) from None
    except OSError as err:
        raise ImportRefused(say("import.cannot_read", name=name, reason=shown(err.strerror or err))) from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise ImportRefused(say("import.unpacks_too_big", name=name, size=unpacked, limit=MAX_DOCX_UNPACKED))


def _reason(err: BaseException) -> str:
    return shown(str(err).splitlines()[0] if str(err).strip() else type(err).__name__)


# --- PDF ------------------------------------------------------------------------------------------

#: The most pages read from a PDF (a 决算 runs to a few dozen); a longer one is refused unread.
MAX_PDF_PAGES = 500


def read_pdf(path: Path) -> tuple[str, list[Block]]:
    """A text PDF page by page: its ruled tables as tables, the lines of text outside them as
    paragraphs, in the order they stand on the page, written out in the tab layout. A PDF of
    scanned pages has no text to read: it is refused with that reason."""
    import pdfplumber

    name = shown(path)
    with open(path, "rb") as f:
        if not f.read(1024).lstrip().startswith(b"%PDF"):
            raise ImportRefused(say("import.pdf_no_header", name=name))
    out = _Writer()
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ImportRefused(say("import.pdf_too_long", name=name, pages=len(pdf.pages), limit=MAX_PDF_PAGES))
            read: list[list[tuple]] = []
            for page in pdf.pages:
                recorder = _Recorder()
                # a character drawn twice where it stands, in the same font (a printer's bold
                # without a bold face: the glyphs again a fraction of a point to the right) is
                # one character on the page
                _pdf_page(recorder, _radicals_folded(page.dedupe_chars()))  # type: ignore[arg-type]
                read.append(recorder.items)
                page.close()
            _pages_written(out, read)
    except ImportRefused:
        raise
    except Exception as err:  # pdfminer raises many kinds of error on a damaged file
        raise ImportRefused(say("import.bad_pdf", name=name, reason=_reason(err))) from None
    if not out.text().strip():
        raise ImportRefused(say("import.pdf_no_text", name=name))
    return out.text(), out.blocks


def _pages_written(out: _Writer, read: list[list[tuple]], unruled: bool = False) -> None:
    """A document's pages, each as read (`_Recorder.items`), written out: running heads marked,
    sentences a page break cut joined, a table printed over pages side by side put together;
    (`unruled`: pages read without ruling lines) a table a page break cut joined over it."""
    _running_heads(read)
    if unruled:
        _tables_across_pages(read)
    _sentences_across_pages(read)
    pages = []  # each page's first block and the one after its last
    for items in read:
        first = len(out.blocks)
        for item in items:
            if item[0] == "p":
                out.paragraph(item[1])
            elif item[0] == "h":
                out.furniture(item[1], RUNNING_HEAD)
            elif item[0] == "f":
                out.furniture(item[1], item[2])
            else:
                out.table(*item[1:])
        pages.append((first, len(out.blocks)))
    _columns_rejoined(out, pages)


def read_placed(pages: list[list[dict]]) -> tuple[str, list[Block]]:
    """A document given as each page's words where they stand (text, x0, x1, top, bottom), with no
    ruling lines to go by (a PDF converted to placed text): each page read as a PDF page of
    words aligned in columns is."""
    read = []
    for words in pages:
        recorder = _Recorder()
        _pdf_layout_page(recorder, words, _word_rows(words, 0.0), placed=True)  # type: ignore[arg-type]
        read.append(recorder.items)
    out = _Writer()
    _pages_written(out, read, unruled=True)
    return out.text(), out.blocks


def _tables_across_pages(pages: list[list[tuple]]) -> None:
    """A table a page break cut, its rows going on at the top of the next page without its header
    (no ruling lines to tell): the rows joined to the table, the page number left after it. The
    last item of a page but its furniture is a table, the next page's first a table as wide whose
    first row holds a figure."""
    for n in range(len(pages) - 1):
        page, after = pages[n], pages[n + 1]
        tail = len(page) - 1
        while tail >= 0 and _furniture(page[tail]):
            tail -= 1
        head = 0
        while head < len(after) and _furniture(after[head]):
            head += 1
        if tail < 0 or head >= len(after) or page[tail][0] != "t" or after[head][0] != "t":
            continue
        rows, more = page[tail][1], after[head][1]
        if rows and more and len(rows[0]) == len(more[0]) and any(_NUMERIC.fullmatch(c.strip()) for c in more[0]):
            page[tail] = ("t", rows + more, None)
            del after[head]


def _radicals_folded(page):
    """The page with its characters that are radicals standing for ideographs (RADICALS) read as
    the ideographs, before lines are joined into paragraphs (（⼆）… is a heading as （二）… is)."""
    for char in page.chars:
        text = char.get("text", "")
        if text and "\u2e80" <= text[0] <= "\u2fdf":
            char["text"] = text.translate(RADICALS)
    return page


class _Recorder:
    """A page's paragraphs and tables as read, to be written out once every page is read."""

    def __init__(self) -> None:
        self.items: list[tuple] = []

    def paragraph(self, text: str) -> None:
        self.items.append(("p", text))

    def furniture(self, text: str, why: str) -> None:
        self.items.append(("f", text, why))

    def table(self, rows: list[list[str]], shape: tuple[float, ...] | None = None) -> None:
        self.items.append(("t", rows, shape))


#: Why a running head's numbers are no figures.
RUNNING_HEAD = "页眉（每页重复的标题），不是数据"


def _running_heads(pages: list[list[tuple]]) -> None:
    """A running head: the line a word processor prints at the top of every page (the report's title
    with its year, above a rule). Standing between the rows of a table a page break cut, or inside
    a sentence, it is page furniture, not a paragraph: marked ("h") so the table and the sentence
    are joined across it, its numbers listed, none placed. A line at the top of every page, or of
    three pages at least and most of them; so too a line at the foot of them, its numbers aside."""
    if len(pages) < 2:
        return

    def repeated(lines: Counter) -> set[str]:
        return {text for text, n in lines.items() if text and (n == len(pages) or n >= 3 and n * 5 >= len(pages) * 3)}

    tops = Counter(items[0][1].strip() for items in pages if items and items[0][0] == "p")
    heads = repeated(tops)
    firsts = [items[0][1].strip() for items in pages if items and items[0][0] == "p"]
    shortest = min(firsts, key=len) if len(firsts) == len(pages) else ""
    if not heads and len(shortest) >= 8 and all(t.startswith(shortest) for t in firsts):
        # the head on the line the page's own first words stand on too (…_棣川县人民政府 | 棣川县人民政府)
        heads = {shortest}
        for items in pages:
            if items[0][1].strip() != shortest:
                items[0:1] = [("p", shortest), ("p", items[0][1].strip()[len(shortest):].strip())]
    # and a running foot: the line at the foot of every page but for its page number (a browser's
    # print of the page's address and n/m); page numbers alone are left as they are

    def unnumbered(item: tuple) -> str:
        return re.sub(r"[0-9]+", "#", item[1].strip())

    foot = Counter(unnumbered(items[-1]) for items in pages
                   if items and items[-1][0] == "p" and not PAGE_FURNITURE.match(items[-1][1].strip()))
    feet = {text for text in repeated(foot) if len(text) >= 8}
    for items in pages:
        if items and items[0][0] == "p" and items[0][1].strip() in heads:
            items[0] = ("h", items[0][1])
        if items and items[-1][0] == "p" and unnumbered(items[-1]) in feet:
            items[-1] = ("h", items[-1][1])


def _sentences_across_pages(pages: list[list[tuple]]) -> None:
    """A paragraph a page break cut (…绩效自评得 / - 1 - / 分94.2分…) joined again: the last
    paragraph of a page that ends no sentence, and the first of the next page that starts no
    heading, item or note, are one; the page number between them is kept after it."""
    for n in range(len(pages) - 1):
        page, after = pages[n], pages[n + 1]
        tail = len(page) - 1  # (the page numbers after it stay where they are)
        while tail >= 0 and _furniture(page[tail]):
            tail -= 1
        head = 0
        while head < len(after) and _furniture(after[head]):
            head += 1
        if tail < 0 or head >= len(after) or page[tail][0] != "p" or after[head][0] != "p":
            continue
        last, first = page[tail][1].strip(), after[head][1].strip()
        if _LINE_END.search(last) or _LINE_START.match(first) or len(last) < 30 \
                or re.search(r"[0-9][0-9.,]*\s+[0-9][0-9.,]*\s+[0-9]", last) or re.search(r"表$|单位[：:]", first):
            continue  # (a short line is a title or a heading, a line of numbers a table's row, not a
            # broken paragraph; nor does a table's title go on a paragraph)
        page[tail] = ("p", page[tail][1].rstrip() + first)
        del after[head]


def _furniture(item: tuple) -> bool:
    """A page's item that is page furniture: a running head or foot, or a page number alone."""
    return item[0] == "h" or item[0] == "p" and PAGE_FURNITURE.match(item[1].strip()) is not None


#: Page furniture: a page number alone on its line (between two parts of a table, or two of a paragraph).
PAGE_FURNITURE = re.compile(r"^(?:[-—–]\s*[0-9]+\s*[-—–]|第\s*[0-9]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?|[0-9]+)$")


#: A line that ends a paragraph (a sentence, a list item's colon) or starts one (a heading, a
#: numbered item, a note, a page number).
_LINE_END = re.compile(r"[。；;：:！!？?]$")
_LINE_START = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十0-9]+）|\([一二三四五六七八九十0-9]+\)|"
                         r"[0-9]+[.、．](?![0-9])|第[一二三四五六七八九十]+部分|注[：:]|[-—]\s*[0-9]+\s*[-—]$|第\s*[0-9]+\s*页)")


def _paragraphs(lines: list[tuple[float, str]], table_tops: list[float],
                short: set[int] = frozenset()) -> list[tuple[float, str]]:  # type: ignore[assignment]
    """A PDF's lines of text joined into the paragraphs they were set from: a line runs on into
    the next unless it ends a sentence or the next starts a heading, an item or a note, or a
    table stands between them (a sentence broken at 支出决算为 / 4.36万元 is one sentence), or it
    stands apart from both margins (`short`: a centred title)."""
    out: list[tuple[float, str]] = []
    ended = True
    for n, (top, text) in enumerate(lines):
        previous = out[-1][1].strip() if out else ""
        heading = _LINE_START.match(previous) is not None and len(previous) < 30  # a short numbered line
        if out and not ended and not _LINE_END.search(previous) and not _LINE_START.match(text) and not heading \
                and not any(out[-1][0] < t < top for t in table_tops):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((top, text))
        ended = n in short
    return out


def _columns_rejoined(out: _Writer, pages: list[tuple[int, int]]) -> None:
    """A table too wide for its page put back together in `out.blocks` (the text stays as printed).

    A spreadsheet printed “down, then over” sets the first columns of every row on pages p…p+k-1
    and the remaining columns of the same rows on pages p+k…p+2k-1. Such a page's table has as
    many rows as its counterpart's, each at the same height, and does not repeat its row labels:
    each row of the first pages' tables is joined with the same row of the later pages', in the
    first table's place; the kept text stays in the order the file prints it, so each cell still
    points to where it stands there."""
    tables = [[n for n in range(first, end) if isinstance(out.blocks[n], Grid)] for first, end in pages]
    joined: dict[int, int] = {}  # a left part's block → its right part's
    p = 0
    while p < len(pages):
        for k in range(1, (len(pages) - p) // 2 + 1):
            if all(_continues_across(out, tables[p + i], tables[p + k + i]) for i in range(k)):
                joined.update((tables[p + i][0], tables[p + k + i][0]) for i in range(k))
                p += 2 * k
                break
        else:
            p += 1
    if not joined:
        return
    blocks: list[Block] = []
    for n, block in enumerate(out.blocks):
        if n in joined.values():
            continue
        if n in joined:
            right = out.blocks[joined[n]]
            assert isinstance(block, Grid) and isinstance(right, Grid)
            block = Grid(tuple(left + more for left, more in zip(block.rows, right.rows, strict=True)), block.start)
        blocks.append(block)
    out.blocks = blocks


def _continues_across(out: _Writer, left: list[int], right: list[int]) -> bool:
    """One ruled table on each page, of three rows or more, the rows alike in number and height,
    and the right one's first column not the left one's row labels (two forms alike)."""
    if len(left) != 1 or len(right) != 1:
        return False
    shape = out.shapes.get(left[0])
    if shape is None or len(shape) < 3 or shape != out.shapes.get(right[0]):
        return False
    rows, more = out.blocks[left[0]].rows, out.blocks[right[0]].rows  # type: ignore[union-attr]
    labels = [row[0].text for row in rows if row and row[0].text]
    repeated = sum(1 for row, other in zip(rows, more)
                   if row and other and row[0].text and row[0].text == other[0].text)
    return repeated <= len(labels) // 2


def _pdf_page(out: _Writer, page) -> None:
    from .pdfcharts import AXIS_TICKS, column_charts, pie_charts

    words = None
    charts = []
    if any(r.get("fill") for r in page.rects) or any(c.get("fill") for c in page.curves):
        # (a chart's columns and sectors are filled shapes: a page with none has no chart)
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        charts = column_charts(page, words) + pie_charts(page, words)
    if charts:  # read as charts; the rest of the page as if they were not there
        areas = [chart.area for chart in charts]
        page = page.filter(lambda obj: not any(x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and
                                               top <= (obj["top"] + obj["bottom"]) / 2 <= bottom
                                               for x0, top, x1, bottom in areas))
    tables = page.find_tables()
    if not tables:
        if words is None or charts:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        word_rows = _word_rows(words, _turn(words))
        if _unruled_table(word_rows):
            _pdf_layout_page(out, words, word_rows)
            return
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, int, object]] = []
    lines = page.filter(outside).extract_text_lines(keep_blank_chars=False)
    # A line set apart from both margins (a centred title) is a paragraph of its own; a ragged
    # right edge alone says nothing (a PDF wraps short of the margin as often as not).
    left = min((line["x0"] for line in lines), default=0.0)
    right = max((line["x1"] for line in lines), default=0.0)

    def apart(line) -> bool:
        char = (line["x1"] - line["x0"]) / max(len(line["text"]), 1)
        return line["x0"] - left > 3 * char and right - line["x1"] > 3 * char

    split = _column_split(page.width, lines) if not tables else None
    if split is not None:
        # a page set in two columns (a 公报's reprint): the lines across the page above them,
        # the left column down, the right column down, the lines across below them
        ordered = _columns_read(lines, split)
        for _, text in _paragraphs([(top, text) for top, text, _ in ordered], [],
                                   {n for n, (_, _, across) in enumerate(ordered) if across}):
            out.paragraph(text)
        return
    short = {n for n, line in enumerate(lines) if apart(line)}
    for top, text in _paragraphs([(line["top"], line["text"]) for line in lines], [t.bbox[1] for t in tables], short):
        items.append((top, 0, text))
    for table in tables:
        rows = [["" if c is None else c.strip() for c in row] for row in table.extract()]
        shape = tuple(round(row.bbox[1] - table.bbox[1]) for row in table.rows)
        items.append((table.bbox[1], 1, (rows, shape)))
    for chart in charts:
        for n, (what, item) in enumerate(chart.items):
            placed = (item, None) if what == "t" else item
            items.append((chart.area[1] + n / 1000, {"p": 0, "t": 1, "f": 2}[what], placed))
    for _, order, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if order == 2:
            out.furniture(item, AXIS_TICKS)  # type: ignore[arg-type]
        elif order:
            out.table(*item)  # type: ignore[misc]
        else:
            out.paragraph(item)  # type: ignore[arg-type]


def _column_split(width: float, lines: list[dict]) -> float | None:
    """Where a page set in two columns splits (the right column's left edge), or None: most of
    its lines have a gap of a few characters in the middle third of the page, after which the
    right column's text starts at the same place (give or take an indent)."""
    starts = []
    for line in lines:
        chars = sorted(line["chars"], key=lambda c: c["x0"])
        gaps = [(b["x0"] - a["x1"], b["x0"]) for a, b in zip(chars, chars[1:])
                if width * 0.3 < (a["x1"] + b["x0"]) / 2 < width * 0.7]
        if gaps and (best := max(gaps))[0] >= 8:
            starts.append(best[1])
    if len(starts) < 6 or len(starts) < 0.5 * len(lines):
        return None
    starts.sort()
    edge = starts[len(starts) // 10]  # (an indented first line starts further in)
    near = sum(1 for x in starts if edge - 1 <= x <= edge + 30)
    return edge - 1 if near >= 0.8 * len(starts) else None


def _columns_read(lines: list[dict], split: float) -> list[tuple[float, str, bool]]:
    """The lines of a two-column page in reading order, as (top, text, set across the page)."""
    across_top: list[tuple[float, str, bool]] = []
    left: list[tuple[float, str, bool]] = []
    right: list[tuple[float, str, bool]] = []
    across_bottom: list[tuple[float, str, bool]] = []
    seen_columns = False
    for line in lines:
        chars = sorted(line["chars"], key=lambda c: c["x0"])
        spans = any(c["x0"] < split - 2 < c["x1"] or c["x0"] < split < c["x1"] for c in chars)
        left_text = "".join(c["text"] for c in chars if c["x0"] < split).strip()
        right_text = "".join(c["text"] for c in chars if c["x0"] >= split).strip()
        if spans or (left_text and right_text and chars[0]["x0"] > split * 0.5):
            (across_bottom if seen_columns else across_top).append((line["top"], line["text"], True))
            continue
        seen_columns = True
        if left_text:
            left.append((line["top"], left_text, False))
        if right_text:
            right.append((line["top"], right_text, False))
    return across_top + left + right + across_bottom


# --- a PDF page whose tables have no lines ---------------------------------------------------------
#
# A form printed without its grid (from Excel, gridlines off) or scanned and OCR'd (its grid only
# in the image, the words in an invisible text layer, turned as the paper lay on the glass):
# pdfplumber finds no table. Its words are set out as text aligned with spaces, as a PDF viewer's
# copy would be (layout.py reads that), after the page's turn is taken out: each word where it
# stands, in columns of half a Chinese character, two spaces at least between words apart.

#: A number as a table prints it (its start, or all of a cell with `fullmatch`).
_NUMERIC = re.compile(r"[-—]?[0-9][0-9,]*(?:\.[0-9]+)?[%％]?")


def _unruled_table(rows: list[list[dict]]) -> bool:
    """Words standing in rows of several apart (`_word_rows`), numbers among them, on five rows or more."""
    tabular = sum(1 for row in rows if len(row) >= 3 and any(_NUMERIC.match(w["text"]) for w in row[1:]))
    return tabular >= 5


def _turn(words: list[dict]) -> float:
    """The page's turn as a slope (down per point across), by which the words' rows line up best:
    of slopes within ±1.5°, the one whose words' middles, taken back by it, stack the highest."""
    if len(words) < 20:
        return 0.0
    middles = [((w["top"] + w["bottom"]) / 2, (w["x0"] + w["x1"]) / 2) for w in words]
    best, best_score = 0.0, -1
    for step in range(-30, 31):
        slope = step * 0.0008726  # 0.05° a step
        bins = Counter(round(y - slope * x) for y, x in middles)
        score = sum(n * n for n in bins.values())
        if score > best_score or (score == best_score and abs(slope) < abs(best)):
            best, best_score = slope, score
    return best


def _word_rows(words: list[dict], slope: float) -> list[list[dict]]:
    """The words in rows, top to bottom, each row left to right, the page's turn taken out."""
    placed = sorted(({**w, "y": (w["top"] + w["bottom"]) / 2 - slope * (w["x0"] + w["x1"]) / 2} for w in words),
                    key=lambda w: w["y"])
    rows: list[list[dict]] = []
    for w in placed:
        height = max(w["bottom"] - w["top"], 1.0)
        if rows and abs(w["y"] - sum(x["y"] for x in rows[-1]) / len(rows[-1])) < height * 0.3:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


#: A line above a table naming the body it is of or its unit (编制单位：…, 金额单位：万元): no row of it.
TABLE_LINE = re.compile(r"^(?:编制单位|填报单位|部门|单位|金额单位)[（(]?[^：:]{0,4}[：:]")


def _continued(rows: list[list[dict]], longest: int = 8, chained: bool = True) -> dict[int, tuple[int, list[int]]]:
    """The lines that carry on cells of the row above (本年收入合 over 计, 全年预算 over 数, a long
    三级指标 or 偏差原因 over two or three lines): a line closer under the row above than rows stand
    apart, of short words only, none a number of its own, each under a word of that row. Each such
    line's index with the row it carries on (the first line of it) and, for each of its words, the
    word of that row it goes on. (`longest`: the most characters of a word carried on; `chained`:
    a line may carry on from a line carried on itself, a cell of three lines.)"""
    if len(rows) < 4:
        return {}
    tops = [min(w["y"] for w in row) for row in rows]
    pitches = sorted(b - a for a, b in zip(tops, tops[1:]))
    pitch = pitches[len(pitches) // 2]
    out: dict[int, tuple[int, list[int]]] = {}
    root, last_top = 0, tops[0]
    for n in range(1, len(rows)):
        row, top, above = rows[n], tops[n], rows[root]
        homes = []
        if top - last_top < 0.85 * pitch and all(len(w["text"]) <= longest and not _NUMERIC.fullmatch(w["text"])
                                                 and not re.fullmatch(r"[-—/／]+", w["text"]) for w in row):
            for w in row:
                overlaps = [(min(w["x1"], a["x1"]) - max(w["x0"], a["x0"]), k) for k, a in enumerate(above)]
                best = max(overlaps, default=(0.0, -1))
                homes.append(best[1] if best[0] > 0 else None)
        if homes and all(h is not None for h in homes):
            out[n] = (root, cast(list[int], homes))
            if chained:
                last_top = top
            continue
        root, last_top = n, top
    return out


def _pdf_layout_page(out: _Writer, words: list[dict], rows: list[list[dict]], placed: bool = False) -> None:
    """A page of words in rows (`_word_rows`) with no ruling lines, read as text laid out in its
    columns. The lines that carry on cells of the row above (`_continued`) are joined to them: on a
    PDF page before the columns are found, the joined text standing in the first line's place (a
    scan's skewed columns are found as before); on a page of `placed` text (a PDF converted to a web
    page) after, so that a long cell wrapped over lines does not push the cells beside it along."""
    if not placed:
        carried = _continued(rows, longest=6, chained=False)
        joined = [dict(w) for w in words]  # (copies: the words stay as they were read)
        rows = [[dict(w) for w in row] for row in rows]
        for n, (root, homes) in carried.items():
            for w, h in zip(rows[n], homes):
                rows[root][h]["text"] += w["text"]
        rows = [row for n, row in enumerate(rows) if n not in carried]
        blocks, texts, _ = _laid_out(joined, rows, {})
    else:
        carried = _continued(rows)
        blocks, texts, unplaced = _laid_out(words, rows, carried)
        if unplaced:  # a line under no table's cell (a paragraph's last words) read as it stands
            blocks, texts, _ = _laid_out(words, rows, {n: v for n, v in carried.items() if n not in unplaced})
    items: list[str | list[list[str]]] = []
    for b, block in enumerate(blocks):
        if isinstance(block, Grid):
            rows_read = texts[b]
            # the line above the table (部门：… 单位：万元) is no row of it
            while rows_read and all(TABLE_LINE.match(text) for text in rows_read[0] if text) and any(rows_read[0]):
                items.append("　".join(text for text in rows_read.pop(0) if text))
            if rows_read and items and isinstance(items[-1], list) and len(items[-1][-1]) == len(rows_read[0]):
                items[-1].extend(rows_read)  # one table, its rows set a little further apart (a gap is no end)
            elif rows_read:
                items.append(rows_read)
        else:
            items.append(block.text)
    for item in items:
        if isinstance(item, list):
            out.table(_columns_paired(_headers_over_numbers(_wrapped_cells(item))))
        else:
            out.paragraph(item)


def _laid_out(words: list[dict], rows: list[list[dict]], carried: dict[int, tuple[int, list[int]]]) \
        -> tuple[list[Block], dict[int, list[list[str]]], set[int]]:
    """A page's rows of words written out as text in the columns they stand in and read as such
    (layout.py): its blocks, each table's cells as text, the lines that carry on cells above
    (`carried`, left out of the text) written into those cells; and those of them whose row above
    is no table's (to be read again as lines of their own)."""
    from .layout import _width, read_layout_text

    # half a Chinese character of the tables' text (rows of three words or more), or of the
    # page's when it has none: one column of text
    sizes = sorted(w["bottom"] - w["top"] for row in rows if len(row) >= 3 for w in row) \
        or sorted(w["bottom"] - w["top"] for w in words)
    unit = max(sizes[len(sizes) // 2] / 2, 1.0)
    left = min(w["x0"] for w in words)
    lines = []
    previous_bottom = None
    for n, row in enumerate(rows):
        if n in carried:  # (written into the cells it carries on once the table is read)
            previous_bottom = max(w["bottom"] for w in row)
            continue
        top = min(w["top"] for w in row)
        if previous_bottom is not None and top - previous_bottom > 1.5 * unit * 2:
            lines.append("")  # a gap of more than a line: a blank line, as between paragraphs
        previous_bottom = max(w["bottom"] for w in row)
        line = ""
        width = 0  # the line's display width so far
        for w in row:
            gap = int(round((w["x0"] - left) / unit)) - width
            space = gap if gap >= 2 else (2 if line else 0)
            line += " " * space + w["text"]
            width += space + _width(w["text"])
        lines.append(line)
    _, blocks = read_layout_text("\n".join(lines))
    grids = [(b, block) for b, block in enumerate(blocks) if isinstance(block, Grid)]
    texts = {b: [[cell.text for cell in row] for row in grid.rows] for b, grid in grids}
    places = [(b, i) for b, grid in grids for i in range(len(grid.rows))]
    unplaced = set()
    after = 0  # rows are found in order: the row a line carries on is no earlier than the last one's
    for n, (root, homes) in sorted(carried.items()):
        # the line's words each go on the cell of the row above they stand under: the table's row
        # holding all that row's words, the cell holding the word
        words_above = [w["text"] for w in rows[root]]
        found = None
        for m in range(after, len(places)):
            b, i = places[m]
            cells = texts[b][i]
            homes_found = [next((k for k, cell in enumerate(cells) if word in cell), None) for word in words_above]
            if all(k is not None for k in homes_found):
                found, after = (b, i, homes_found), m
                break
        if found is None:
            unplaced.add(n)
            continue
        b, i, homes_found = found
        for w, h in zip(rows[n], homes):
            texts[b][i][cast(int, homes_found[h])] += w["text"]
    return blocks, texts, unplaced

def _wrapped_cells(rows: list[list[str]]) -> list[list[str]]:
    """A table read from words with a cell's text wrapped onto a line of its own (公务用车运行维护 /
    费): a row of one short piece of text, its other cells blank, under a row whose cell in that
    column holds text, is the end of that cell."""
    out: list[list[str]] = []
    for row in rows:
        filled = [k for k, text in enumerate(row) if text.strip()]
        if out and len(filled) == 1 and len(row[filled[0]].strip()) <= 4 and not _NUMERIC.match(row[filled[0]]) \
                and len(out[-1]) > filled[0] and out[-1][filled[0]].strip() \
                and not _NUMERIC.fullmatch(out[-1][filled[0]].strip()):
            out[-1] = [*out[-1][:filled[0]], out[-1][filled[0]] + row[filled[0]].strip(), *out[-1][filled[0] + 1:]]
            continue
        out.append(list(row))
    return out


def _columns_paired(rows: list[list[str]]) -> list[list[str]]:
    """A table read from words whose header names stand a little off the figures under them (分值
    set left of its column on a scan turned as it lay): a column named in the header and empty
    below, beside one with figures below and no name, is one column; no row fills both."""
    out = [list(row) + [""] * (max(map(len, rows)) - len(row)) for row in rows]
    figures = [any(_NUMERIC.fullmatch(c.strip()) for c in row) for row in out]
    k = 0
    while out and k + 1 < len(out[0]):
        both = any(row[k].strip() and row[k + 1].strip() for row in out)
        named = [n for n, row in enumerate(out) if row[k].strip()]
        under = [n for n, row in enumerate(out) if row[k + 1].strip()]
        if not both and named and under and not any(figures[n] for n in named) and \
                all(figures[n] for n in under) and max(named) < min(under):
            for row in out:
                row[k] = row[k] or row[k + 1]
                del row[k + 1]
            continue
        k += 1
    return out


def _headers_over_numbers(rows: list[list[str]]) -> list[list[str]]:
    """A table read from words whose 栏次 row numbers its columns 1…n: the header rows above it
    with their names dealt out over those columns in order, where the names stand in as many
    cells as there are columns but not one to a column (a name wider than its column set over
    the next, “附属单位上缴收入 其他收入” in one cell and a blank beside 事业收入)."""
    at = next((n for n, row in enumerate(rows) if row and row[0].replace(" ", "") == "栏次"), None)
    if at is None or at == 0:
        return rows
    numbered = [k for k, text in enumerate(rows[at]) if re.fullmatch(r"[0-9]+", text.strip())]
    if len(numbered) < 2 or [int(rows[at][k]) for k in numbered] != list(range(1, len(numbered) + 1)):
        return rows
    first = numbered[0]
    out = [list(row) for row in rows]
    for row in out[:at]:
        if len(row) <= numbered[-1]:
            continue
        names = [part for cell in row[first:] for part in cell.split(" ") if part.strip()]
        cells = [row[k] for k in numbered]
        if len(names) != len(numbered) or cells == names or any(len(name) < 2 for name in names):
            continue
        for k in range(first, len(row)):
            row[k] = ""
        for k, name in zip(numbered, names, strict=True):
            row[k] = name
    return out


def read_ofd(path: Path) -> tuple[str, list[Block]]:
    """An OFD 版式文档 (ofd.py): each page's words where they stand, its tables by their ruling
    where it draws them, read as a PDF's pages are."""
    from .ofd import OfdError, page_words, pages

    name = shown(path)
    _check_package(path, name, say("import.kind.ofd"), say("import.kind.ofd.hint"))
    try:
        read = [(words, edges) for words, edges in ((page_words(chars), edges) for chars, edges in pages(path))
                if words]
    except OfdError as err:
        raise ImportRefused(say("import.bad_ofd", name=name, reason=err.args[0])) from None
    except Exception as err:  # zipfile and the XML parser raise many kinds of error on a damaged package
        raise ImportRefused(say("import.bad_ofd", name=name, reason=_reason(err))) from None
    if not read:
        raise ImportRefused(say("import.ofd_no_text", name=name))
    if not any(edges for _, edges in read):
        return read_placed([words for words, _ in read])
    recorded = []
    for words, edges in read:
        recorder = _Recorder()
        if not _ruled_page(recorder, words, edges):
            _pdf_layout_page(recorder, words, _word_rows(words, 0.0), placed=True)  # type: ignore[arg-type]
        recorded.append(recorder.items)
    out = _Writer()
    _pages_written(out, recorded)
    return out.text(), out.blocks


def _ruled_page(out: _Recorder, words: list[dict], edges: list[dict]) -> bool:
    """A page of placed words with the ruling it draws: its tables found from the ruling as a PDF
    reader finds them (pdfplumber's edges → intersections → cells → tables), each cell the words
    whose middles it holds, a merged cell's text in its first column and row; the words outside the
    tables its lines of text, joined into paragraphs. False when the ruling makes no table."""
    from pdfplumber import table as tables_of

    merged = tables_of.merge_edges(edges, 3, 3, 3, 3)
    cells = tables_of.intersections_to_cells(tables_of.edges_to_intersections(merged, 3, 3))
    found = [t for t in tables_of.cells_to_tables(cells) if len(t) >= 2]
    if not found:
        return False
    items: list[tuple[float, int, object]] = []
    taken: set[int] = set()
    for table in found:
        xs = sorted({round(c[0], 1) for c in table} | {round(c[2], 1) for c in table})
        ys = sorted({round(c[1], 1) for c in table} | {round(c[3], 1) for c in table})
        grid = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        for x0, top, x1, bottom in table:
            inside = [(n, w) for n, w in enumerate(words) if n not in taken
                      and x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
            lines: list[list[dict]] = []
            for n, w in sorted(inside, key=lambda item: (item[1]["top"], item[1]["x0"])):
                taken.add(n)
                if lines and abs(lines[-1][0]["top"] - w["top"]) < (w["bottom"] - w["top"]) * 0.5:
                    lines[-1].append(w)
                else:
                    lines.append([w])
            text = "\n".join(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in lines)
            row = _nearest_index(ys, top)
            column = _nearest_index(xs, x0)
            if row < len(grid) and column < len(grid[row]):
                grid[row][column] = text
        rows = [row for row in grid if any(row)]
        box_top = min(c[1] for c in table)
        shape = tuple(round(ys[n] - box_top) for n in range(len(ys) - 1) if any(grid[n]))
        items.append((box_top, 1, (rows, shape)))
    outside = [w for n, w in enumerate(words) if n not in taken]
    word_rows = _word_rows(outside, 0.0) if outside else []
    text_lines = [(min(w["top"] for w in row), " ".join(w["text"] for w in row)) for row in word_rows]
    left = min((w["x0"] for w in outside), default=0.0)
    short = {n for n, row in enumerate(word_rows) if row[0]["x0"] - left > 60}
    for top, text in _paragraphs(text_lines, [min(c[1] for c in t) for t in found], short):
        items.append((top, 0, text))
    for _, order, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if order:
            out.table(*item)  # type: ignore[misc]
        else:
            out.paragraph(item)  # type: ignore[arg-type]
    return True


def _nearest_index(values: list[float], value: float) -> int:
    return min(range(len(values)), key=lambda k: abs(values[k] - value))


def read_odf(path: Path) -> tuple[str, list[Block]]:
    """An OpenDocument text (.odt) or spreadsheet (.ods) (odf.py): a text's paragraphs and tables
    in reading order, a spreadsheet's sheets as a workbook's are read."""
    from .odf import OdfError, content, document_items, sheets

    name = shown(path)
    _check_package(path, name, say("import.kind.odf"), say("import.kind.odf.hint"))
    out = _Writer()
    try:
        body, spreadsheet = content(path)
        if spreadsheet:
            cells = 0
            for title, visible, rows in sheets(body):
                cells += sum(len(row) for row in rows)
                if cells > MAX_XLSX_CELLS:
                    raise ImportRefused(say("import.too_many_cells", name=name, limit=MAX_XLSX_CELLS))
                _sheet(out, rows, visible, title)
        else:
            _items_written(out, document_items(body))
    except ImportRefused:
        raise
    except OdfError as err:
        raise ImportRefused(say("import.bad_odf", name=name, reason=err.args[0])) from None
    except Exception as err:  # zipfile and the XML parser raise many kinds of error on a damaged package
        raise ImportRefused(say("import.bad_odf", name=name, reason=_reason(err))) from None
    return out.text(), _unstacked(out.blocks)


def read_rtf(path: Path) -> tuple[str, list[Block]]:
    """A Rich Text Format file (rtf.py): its paragraphs and tables in reading order."""
    from .rtf import RtfError, items

    name = shown(path)
    _within(path.stat().st_size, MAX_HTML_BYTES, name)
    try:
        read = items(_read(path))
    except RtfError as err:
        raise ImportRefused(say("import.bad_rtf", name=name, reason=err.args[0])) from None
    out = _Writer()
    _items_written(out, read)
    return out.text(), _unstacked(out.blocks)


#: The most files read from a .zip, and the most bytes they may unpack to.
MAX_ZIP_MEMBERS, MAX_ZIP_UNPACKED = 50, 200_000_000


def read_zip(path: Path) -> tuple[str, list[Block]]:
    """A .zip of a report's files (附件打包下载: the 说明 as Word, the tables as a workbook): each
    file it holds that can be read, in the order the archive lists them, one after another; names
    written in GBK by Windows' 压缩(zipped)文件夹 (the UTF-8 flag clear) read as GBK. Folders,
    archives inside it and files of other kinds are passed over; a file that cannot be read is
    passed over too, unless none can be."""
    import tempfile

    name = shown(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > MAX_ZIP_UNPACKED:
                raise ImportRefused(say("import.unpacks_too_big", name=name,
                                        size=sum(m.file_size for m in members), limit=MAX_ZIP_UNPACKED))
            readable = [(m, _member_name(m)) for m in members]
            readable = [(m, n) for m, n in readable if Path(n).suffix.lower() in READERS and Path(n).suffix
                        and not Path(n).name.startswith((".", "~$")) and "__MACOSX" not in n][:MAX_ZIP_MEMBERS]
            parts: list[str] = []
            blocks: list[Block] = []
            at = 0
            refused: ImportRefused | None = None
            with tempfile.TemporaryDirectory(prefix="disclosures-zip-") as folder:
                for member, member_name in readable:
                    target = Path(folder) / f"{len(parts)}{Path(member_name).suffix.lower()}"
                    target.write_bytes(archive.read(member))
                    try:
                        text, read = read_path(target)
                    except ImportRefused as err:
                        refused = refused or err
                        continue
                    blocks.extend(_shifted(block, at) for block in read)
                    parts.append(text if text.endswith("\n") else text + "\n")
                    at += len(parts[-1])
    except ImportRefused:
        raise
    except OSError as err:
        raise ImportRefused(say("import.cannot_read", name=name, reason=_reason(err))) from None
    except Exception:  # zipfile and zlib raise many kinds of error on a damaged archive (an encrypted one too)
        raise ImportRefused(say("import.not_zip", name=name, what=say("import.kind.zip"),
                                hint=say("import.kind.zip.hint"))) from None
    if not parts:
        raise refused or ImportRefused(say("import.zip_nothing", name=name))
    return "".join(parts), blocks


def _member_name(member: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: without the UTF-8 flag, zipfile reads the bytes as
    code page 437; a Chinese Windows wrote them in GBK."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _shifted(block: Block, by: int) -> Block:
    if isinstance(block, Para):
        return Para(block.text, block.start + by)
    if isinstance(block, Hidden):
        return Hidden(block.text, block.start + by, block.why)
    return Grid(tuple(tuple(Cell(c.text, c.start + by) for c in row) for row in block.rows), block.start + by)


#: The reader of each kind of file by its suffix; None: text, decoded as read_path does.
READERS = {".docx": read_docx, ".docm": read_docx, ".dotx": read_docx, ".dotm": read_docx, ".doc": read_doc,
           ".xlsx": read_xlsx, ".xlsm": read_xlsx, ".xltx": read_xlsx, ".xltm": read_xlsx, ".xls": read_xls,
           ".pdf": read_pdf,
           ".html": read_html, ".htm": read_html, ".mht": read_mht, ".mhtml": read_mht, ".ofd": read_ofd,
           ".odt": read_odf, ".ods": read_odf, ".rtf": read_rtf, ".xml": read_spreadsheetml, ".zip": read_zip,
           # text: a system's export (.csv, .tsv), a report converted to Markdown (.md)
           ".txt": None, ".text": None, ".csv": None, ".tsv": None, ".md": None, "": None}
