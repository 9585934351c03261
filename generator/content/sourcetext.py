"""A report's original text (`YEAR.source.txt`) as the 原文 page shows it: its paragraphs as
written, its tables as tables, and the marks a Word export leaves that are not the report's.

The text is what `build.py import` keeps, or what a clerk saved from Word: paragraphs one a
line; a table in Word's text layout (rows separated by a blank line, each cell on its own line
after a tab, a cell's later paragraphs on lines without one), pasted from a spreadsheet (a row
a line, cells between tabs), or copied from a web page (cells between lines of `|`). These are
the layouts the importer reads (generator/importer/read.py `read_text`, whose rules are
followed here line for line); this module is the part of it the site needs, kept in
`content/` so that the pages need not import the importer.

Only the tables are read; the text around them is shown as it stands, every line kept. A
run of lines that reads as a table of one column or one row is left as text: a paragraph
that happens to start with a tab is not a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What a Word export writes that the report does not say: bookmarks (`[bookmark: _GoBack]`,
#: Word's mark of where the cursor last was, is the common one), at any place in a line.
WORD_ARTEFACTS = re.compile(r"\[bookmark: [^\]\n]*\]")


def clean(text: str) -> str:
    """The text without Word's artefacts (WORD_ARTEFACTS); nothing else is changed."""
    return WORD_ARTEFACTS.sub("", text) if "[bookmark: " in text else text


@dataclass(frozen=True)
class Text:
    """Lines of the original between tables, as they stand (line breaks kept)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table of the original: rows of cells' text (a cell's lines joined by line breaks),
    every row as wide as the widest (a row cut short by merged cells padded with empty cells)."""

    rows: tuple[tuple[str, ...], ...]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


Segment = Text | Table

_PIPES = re.compile(r"\|+")
_HEADER = re.compile(r"三级指标")


def segments(text: str) -> list[Segment]:
    """The original, cleaned, as text and tables in the order they stand."""
    lines = clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Segment] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            joined = "\n".join(plain).strip("\n")
            if joined.strip():
                out.append(Text(joined))
            plain.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if _tsv_row(line):
            rows, end = _tsv_grid(lines, i)
        elif line.startswith("\t"):
            rows, end = _tab_grid(lines, i)
        elif _PIPES.fullmatch(line.strip()) and plain and plain[-1].strip():
            # A `|` line right after a paragraph: that paragraph was the table's first cell.
            rows, end = _pipe_grid(lines, i, plain[-1])
            if _is_table(rows):
                plain.pop()
        else:
            plain.append(line)
            i += 1
            continue
        if _is_table(rows):
            flush()
            out.append(_rectangular(_repair(rows)))
        else:
            plain.extend(lines[i:end])
        i = end
    flush()
    return out


def _is_table(rows: list[list[str]]) -> bool:
    """Two rows or more, one of them of two cells or more, and some cell not empty."""
    return (len(rows) >= 2 and max(len(r) for r in rows) >= 2
            and any(cell.strip() for row in rows for cell in row))


def _rectangular(rows: list[list[str]]) -> Table:
    width = max(len(r) for r in rows)
    return Table(tuple(tuple(cell.strip() for cell in row) + ("",) * (width - len(row)) for row in rows))


def _tab_grid(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Word's text layout: rows end at a blank line; a line without a tab continues the cell above it."""
    rows: list[list[str]] = []
    row: list[str] = []
    after_blank = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            row.append(line[1:])
            after_blank = False
        elif not line.strip():
            if row:
                rows.append(row)
                row = []
            after_blank = True
        elif after_blank or not row:
            break  # text after a blank line: the table has ended
        else:
            row[-1] += "\n" + line
        i += 1
    if row:
        rows.append(row)
    return rows, i


def _tsv_row(line: str) -> bool:
    """A row pasted from a spreadsheet: its cells on one line, between tabs (the first may be
    empty, so the line may start with one). A line of Word's layout holds one cell after its tab."""
    return "\t" in line[1:] if line.startswith("\t") else "\t" in line.strip()


def _tsv_single(lines: list[str], i: int) -> bool:
    """A spreadsheet row with one cell after an empty first one inside a run of rows: more rows
    of several cells follow it before any blank line."""
    while i < len(lines) and lines[i].startswith("\t") and lines[i].strip() and not _tsv_row(lines[i]):
        i += 1
    return i < len(lines) and _tsv_row(lines[i])


def _tsv_grid(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Consecutive spreadsheet rows, cells split at tabs; a line without a tab between cells ends the table."""
    rows: list[list[str]] = []
    while i < len(lines) and (_tsv_row(lines[i]) or _tsv_single(lines, i)):
        rows.append(lines[i].split("\t"))
        i += 1
    return rows, i


def _pipe_grid(lines: list[str], i: int, first: str) -> tuple[list[list[str]], int]:
    """Cells between `|` lines; a run of several `|` marks a row boundary."""
    rows: list[list[str]] = [[first]]
    while i < len(lines):
        stripped = lines[i].strip()
        if _PIPES.fullmatch(stripped):
            if len(stripped) > 1 and rows[-1]:
                rows.append([])
            i += 1
            continue
        # A content line belongs to the table only if a `|` line closes it.
        if i + 1 < len(lines) and _PIPES.fullmatch(lines[i + 1].strip()) and stripped:
            rows[-1].append(lines[i])
            i += 1
            continue
        break
    return [r for r in rows if r], i


def _repair(rows: list[list[str]]) -> list[list[str]]:
    """Rejoin the rows of a 绩效自评表 that a text export split at a cell's trailing empty
    paragraph: below the header naming 三级指标 every row has the header's cells, so a short
    row is joined with the rows after it while they fit."""
    header = next((k for k, r in enumerate(rows) if any(_HEADER.search(c) for c in r)), None)
    if header is None:
        return rows
    width = len(rows[header])
    out = rows[:header + 1]
    k = header + 1
    while k < len(rows):
        row = list(rows[k])
        while len(row) < width and k + 1 < len(rows) and len(row) + len(rows[k + 1]) <= width:
            k += 1
            row += rows[k]
        out.append(row)
        k += 1
    return out
