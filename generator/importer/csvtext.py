"""Comma-separated text: a reporting system's list exported as CSV and posted as it came (每个字段加
引号，逗号分隔). Its amounts carry thousands separators (`"1,286,400.00"`), so a line split at
commas cuts every amount: the fields are read as CSV reads them, a quoted field whole, a field's
line breaks inside its quotes kept in the field. Each field is a `Cell` at its own offset (inside
its quotes), so every offset holds; a doubled quote inside a field stays doubled in its text."""

from __future__ import annotations

import re

from .read import Block, Cell, cell_blocks

#: One field: quoted (a doubled quote inside), or bare (no comma, quote or line break).
_FIELD = re.compile(r'"(?P<quoted>(?:[^"]|"")*)"|(?P<bare>[^",\n]*)')
#: A fragment a bare comma cut from an amount with thousands separators (`1,286,400.00` → 286).
_CUT_AMOUNT = re.compile(r"^[0-9]{3}(?:\.[0-9]+)?")


def quoted_csv(text: str) -> bool:
    """Text with a line of comma-separated quoted fields (`"序号","项目名称",…`): its lines are
    records, and a quote left open at a line's end runs the field on over the next line."""
    return re.search(r'^\ufeff?"[^"\n]*","', text, re.M) is not None


def _record(line: str, start: int) -> tuple[list[Cell], bool] | None:
    """The fields of a line that is a CSV record throughout, each a `Cell`, and whether it quotes
    any; None when the line is no record."""
    cells: list[Cell] = []
    quoted = False
    at = 0
    while True:
        m = _FIELD.match(line, at)
        if m is None:
            return None
        if m.group("quoted") is not None:
            quoted = True
            cells.append(Cell(m.group("quoted"), start + m.start("quoted")))
        else:
            cells.append(Cell(m.group("bare"), start + m.start("bare")))
        at = m.end()
        if not line[at:].strip(" \r"):
            return cells, quoted
        if line[at] != ",":
            return None
        at += 1


def csv_at(lines: list[tuple[str, int]], i: int) -> tuple[list[Block], int] | None:
    """Comma-separated records at line i, if there: two or more lines in a row, each a record of
    as many fields, three at least, one of them quoting a field, and no field a sentence or, in
    a record with no quotes, starting with a fragment of a cut amount (prose with ASCII commas,
    `支出0元,共安排…`, `1,200元`, is no record). As a sheet reads: a record whose only text is one
    field is a paragraph (the title, a note), a run of other records a table."""
    records: list[list[Cell]] = []
    any_quoted = False
    j = i
    while j < len(lines):
        line, start = lines[j]
        line = line.lstrip("\ufeff")
        start += len(lines[j][0]) - len(line)
        record = _record(line, start) if "\t" not in line else None
        if record is None or len(record[0]) < 3 or records and len(record[0]) != len(records[0]):
            break
        cells, quoted = record
        if any(re.search(r"[。；;！？]", c.text) for c in cells if not quoted):
            break
        if not quoted and any(_CUT_AMOUNT.match(c.text) and k and re.search(r"[0-9]$", cells[k - 1].text)
                                            for k, c in enumerate(cells)):
            break
        records.append(cells)
        any_quoted = any_quoted or quoted
        j += 1
    if len(records) < 2 or not any_quoted:
        return None
    return cell_blocks(records), j
