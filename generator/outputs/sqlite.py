"""A year's tables as one SQLite database, for SQL and Datasette, published zipped
(`data/<year>/disclosures-<year>.sqlite.zip` holding `disclosures-<year>.sqlite`).

The same tables as the year's CSVs, rows in the same order (the rowid is the CSV's row), with
column types, the data package's primary and foreign keys, and two tables describing the
others, since SQLite keeps no comments on columns: `meta_tables` (each table's Chinese title,
description and rows) and `meta_columns` (each column's Chinese title, type, unit and
description), shaped after Datasette's metadata (`data/metadata.json` gives Datasette the same
descriptions, `datasette_metadata`).

Numbers: a `number` column is REAL (a double, to sort, compare and sum) beside a TEXT twin
`<column>_exact` holding the decimal exactly as the CSV writes it (`12.30`); an `integer`
column is INTEGER, a `boolean` column INTEGER 0 or 1. An empty cell is NULL.

The large tables (figures, indicators, findings: hundreds of thousands of rows a year in a
province) are WITHOUT ROWID tables keyed by (department, year, seq), `seq` numbering a report's
rows in the CSV's order, so that their rows read in the CSVs' order; each table's own key
(TABLES) is an index. Every b-tree of theirs holds a report's entries together, and a year's
database is spliced from its reports' pages (`btree`), which are made with the report's other
data and kept with it: a correction remakes that report's pages and the few pages above them,
not the year's hundreds of megabytes.

Deterministic bytes: the small tables are made in a new file in a temporary folder, and each
report's pages in a database of its own in memory, by the same statements in the same order
(one transaction, no journal), and SQLite writes the same pages for them; the pages spliced in
depend only on the reports' rows. Nothing in the file records when or where it was made (the
header holds the SQLite version, which the build's key includes with every library's). The zip
is compressed pieces joined (`xlsx.Entry`: deflated, a fixed date), so it is the same bytes too.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from typing import BinaryIO, NamedTuple

from .btree import PAGE, Pages, TreePart, build_tree, report_trees, uses_pages
from .data import TABLES, Column, TablePart, as_text
from .xlsx import Entry, deflate, extent

#: The tables of a year's database, parents first (each foreign key names a table made before it).
DATABASE_TABLES = ("departments", "reports", "figures", "indicators", "findings")
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
EXACT = "_exact"
UNITS = {"amount_yuan": "元", "amount_wan": "万元"}
NUMBER_NOTE = "（REAL：双精度浮点数，便于排序、比较与求和；精确值见 {exact} 列）"
EXACT_NOTE = "{name} 的精确小数文本，与 CSV 所写一致（如 12.30）"


def database_path(year: int) -> str:
    """Where a year's database is published: zipped (a database compresses to about a fifth),
    the zip holding one file, `database_file`."""
    return f"data/{year}/{database_file(year)}.zip"


def database_file(year: int) -> str:
    """The database's file, as its zip holds it: the year in its name, so several years opened
    in Datasette (which names a database by its file) or ATTACHed together keep apart."""
    return f"{database_name(year)}.sqlite"


def database_name(year: int) -> str:
    return f"disclosures-{year}"


#: The tables whose rows are many a report: WITHOUT ROWID tables keyed by (department, year,
#: seq), spliced from each report's pages (btree). Their own keys (TABLES) are indexes.
LARGE_TABLES = ("figures", "indicators", "findings")
SEQ = Column("seq", "行序", "integer", "在本报告中的行序（从 1 起），与 CSV 中本报告各行的次序相同")


def sql_columns(columns: Sequence[Column], name: str = "") -> list[tuple[str, str, Column]]:
    """(name, SQL type, column) of a table's database columns: each CSV column, and after a
    `number` column its exact text; in a large table, `seq` after `year`."""
    out = []
    for c in columns:
        out.append((c.name, SQL_TYPES[c.type], c))
        if c.type == "number":
            out.append((c.name + EXACT, "TEXT", c))
        if c.name == "year" and name in LARGE_TABLES:
            out.append((SEQ.name, "INTEGER", SEQ))
    return out


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


#: The tables whose key (TABLES) the content makes unique: a department's slug, a report's
#: department and year, a figure's field path and statement. An indicator's evaluation is named
#: by its project, and two projects of a year may share a name; a finding's subject may repeat
#: (two indicators of one name): those tables' keys are indexed, not enforced, so that such
#: content still builds (`seq` tells their rows apart).
UNIQUE_KEYS = frozenset({"departments", "reports", "figures"})


def primary_key(name: str) -> tuple[str, ...]:
    return ("department", "year", SEQ.name) if name in LARGE_TABLES else TABLES[name][3]


def _schema(name: str) -> list[str]:
    """CREATE TABLE for one of TABLES: types, NOT NULL on the keys, the primary key, the foreign
    keys; and the index of the table's own key where that is not the primary key."""
    _, _, columns, key = TABLES[name]
    pk = primary_key(name)
    lines = []
    for column, sql_type, c in sql_columns(columns, name):
        check = f" CHECK ({_quote(column)} IN (0, 1))" if c.type == "boolean" else ""
        lines.append(f"  {_quote(column)} {sql_type}{' NOT NULL' if column in key or column in pk else ''}{check}")
    lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, pk))})")
    if name == "reports":
        lines.append('  FOREIGN KEY ("department") REFERENCES "departments" ("department")')
    elif name != "departments":
        lines.append('  FOREIGN KEY ("department", "year") REFERENCES "reports" ("department", "year")')
    large = name in LARGE_TABLES
    table = f"CREATE TABLE {_quote(name)} (\n" + ",\n".join(lines) + "\n)"
    statements = [table + " WITHOUT ROWID" if large else table]
    if large:
        unique = "UNIQUE " if name in UNIQUE_KEYS else ""
        indexed = ", ".join(map(_quote, key))
        statements.append(f"CREATE {unique}INDEX {_quote(name + '_key')} ON {_quote(name)} ({indexed})")
    return statements


#: The b-trees of the large tables, in the order a report's are kept (ReportRows.trees).
TREES = tuple(tree for name in LARGE_TABLES for tree in (name, name + "_key"))

_META = (
    "CREATE TABLE meta_tables (\n  name TEXT NOT NULL PRIMARY KEY,\n  title TEXT NOT NULL,\n"
    "  description TEXT NOT NULL,\n  rows INTEGER NOT NULL\n)",
    "CREATE TABLE meta_columns (\n  table_name TEXT NOT NULL REFERENCES meta_tables (name),\n"
    "  name TEXT NOT NULL,\n  position INTEGER NOT NULL,\n  title TEXT NOT NULL,\n  type TEXT NOT NULL,\n"
    "  unit TEXT,\n  description TEXT NOT NULL,\n  PRIMARY KEY (table_name, name)\n)",
)
META_TABLES_TITLE = "表的说明"
META_COLUMNS_TITLE = "列的说明"


def column_descriptions(name: str) -> list[tuple[str, str, str, str | None, str]]:
    """(column, Chinese title, SQL type, unit, description) of each database column of a table."""
    out = []
    for column, sql_type, c in sql_columns(TABLES[name][2], name):
        if column.endswith(EXACT) and c.type == "number":
            out.append((column, f"{c.title}（精确）", sql_type, UNITS.get(c.name), EXACT_NOTE.format(name=c.name)))
        else:
            note = NUMBER_NOTE.format(exact=c.name + EXACT) if c.type == "number" else (
                "（1 为是，0 为否）" if c.type == "boolean" else "")
            out.append((column, c.title, sql_type, UNITS.get(c.name), c.description + note))
    return out


@functools.cache
def _converter(name: str) -> Callable[[list[str]], tuple]:
    """A function from a row of the table's CSV cells to the database's values: an empty cell
    NULL; a text cell as it reads (`as_text`); an integer or boolean column a number; a number
    column a double and, beside it, its exact text. Written out once per table as one
    expression: a year's tables are hundreds of thousands of rows, and a function call per cell
    cost as much as SQLite's own work on them."""
    values = []
    for i, c in enumerate(TABLES[name][2]):
        v = f"r[{i}]"
        if c.type == "string":
            values.append(f"((_text({v}) if {v}[0] == \"'\" else {v}) if {v} else None)")
        elif c.type == "integer":
            values.append(f"(int({v}) if {v} else None)")
        elif c.type == "boolean":
            values.append(f"((1 if {v} == 'true' else 0) if {v} else None)")
        else:
            values.append(f"(float({v}) if {v} else None), ({v} or None)")
    # eval (bandit's S307, a rule not selected here) of an expression made above from the column types alone
    return eval(f"lambda r: ({', '.join(values)},)", {"_text": as_text, "int": int, "float": float})


@functools.cache
def _raw_converter(name: str) -> Callable[[list], tuple]:
    """`_converter` of a row's values as made (`data.row_values`), before the CSV writer: each
    value is the cell `str(value)` would write (None and "" an empty one; a text cell without the
    `'` the CSV adds before what a spreadsheet would run), so the database gets the same values."""
    values = []
    for i, c in enumerate(TABLES[name][2]):
        v = f"r[{i}]"
        empty = f"({v} is None or {v} == '')"
        if c.type == "string":
            values.append(f"(None if {empty} else {v} if type({v}) is str else str({v}))")
        elif c.type == "integer":
            values.append(f"(None if {empty} else int({v}))")
        elif c.type == "boolean":
            values.append(f"(None if {empty} else 1 if str({v}) == 'true' else 0)")
        else:
            values.append(f"(None if {empty} else float({v})), (None if {empty} else str({v}))")
    # eval (bandit's S307, a rule not selected here) of an expression made above from the column types alone
    return eval(f"lambda r: ({', '.join(values)},)", {"int": int, "float": float, "str": str, "type": type})


@functools.cache
def _insert(name: str) -> str:
    """INSERT of a row as `_converter` makes it, a large table's `seq` after it."""
    names = [column for column, _, _ in sql_columns(TABLES[name][2])]
    if name in LARGE_TABLES:
        names.append(SEQ.name)
    return f"INSERT INTO {_quote(name)} ({', '.join(map(_quote, names))}) VALUES ({', '.join('?' * len(names))})"


def _rows(name: str, part: TablePart):
    return map(_converter(name), csv.reader(io.StringIO(part.csv.decode("utf-8"), newline="")))


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("page_size = 4096", "journal_mode = OFF", "synchronous = OFF", "encoding = 'UTF-8'",
                   "auto_vacuum = NONE", "user_version = 1"):
        db.execute(f"PRAGMA {pragma}")
    return db


def _roots(db: sqlite3.Connection) -> list[int]:
    found = dict(db.execute("SELECT name, rootpage FROM sqlite_schema"))
    return [found[tree] for tree in TREES]


@functools.cache
def _empty_report_database() -> bytes:
    """An empty database of the large tables, as `report_rows` begins each report's."""
    db = _connect(":memory:")
    for name in LARGE_TABLES:
        for statement in _schema(name):
            db.execute(statement)
    data = db.serialize()
    db.close()
    return data


class ReportRows(NamedTuple):
    """A report's rows of the large tables, as pages and entries of their b-trees (btree.TreePart,
    in TREES order), made with the report's other data and kept with it: a year's database is
    spliced from them (`Database`)."""

    department: str
    rows: dict[str, int]
    trees: tuple[TreePart, ...]


def report_rows(department: str, values: dict[str, list[list]]) -> ReportRows:
    """A report's ReportRows from its rows of the large tables as made (`data.row_values`, each
    value taken as the CSV cell it is written as, `_raw_converter`): put, in the CSVs' order,
    numbered by `seq`, into a database of their own, whose b-trees SQLite orders and encodes."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.deserialize(_empty_report_database())
        db.execute("BEGIN")
        for name in LARGE_TABLES:
            if values[name]:
                rows = map(_raw_converter(name), values[name])
                db.executemany(_insert(name), (row + (n,) for n, row in enumerate(rows, 1)))
        db.execute("COMMIT")
        trees = report_trees(db.serialize(), _roots(db))
    finally:
        db.close()
    return ReportRows(department, {name: len(values[name]) for name in LARGE_TABLES}, tuple(trees))


class Database:
    """One year's database: its small tables (departments, reports) made by SQLite as their
    parts come (`put`), the reports' rows of the large tables given as ReportRows (`add`), all
    written into a zip by `finish`."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="disclosures-sqlite-")
        self.path = os.path.join(self.folder, "year.sqlite")
        self.db = _connect(self.path)
        self.db.execute("BEGIN")
        for statement in _META:
            self.db.execute(statement)
        self.rows = {name: 0 for name in DATABASE_TABLES}
        for name in DATABASE_TABLES:
            for statement in _schema(name):
                self.db.execute(statement)
        self.reports: list[ReportRows] = []

    def put(self, name: str, part: TablePart) -> None:
        if not part.rows or name in LARGE_TABLES:
            return
        self.db.executemany(_insert(name), _rows(name, part))
        self.rows[name] += part.rows

    def add(self, report: ReportRows) -> None:
        self.reports.append(report)
        for name, count in report.rows.items():
            self.rows[name] += count

    def finish(self, out: BinaryIO, entry: str) -> None:
        """The descriptions, then the file zipped into `out` as its one entry, named `entry`
        (`xlsx.zip_file`); the temporary folder removed."""
        try:
            meta = [("meta_tables", META_TABLES_TITLE,
                     "本库各表的中文名、说明与行数（SQLite 没有表和列的注释，故以表记之）。", 0),
                    ("meta_columns", META_COLUMNS_TITLE, "本库各列的中文名、类型、单位与说明。", 0)]
            for name in DATABASE_TABLES:
                title, description, _, key = TABLES[name]
                if name == "departments":
                    description += "（本库只列本年度有报告的部门）"
                if name in LARGE_TABLES:
                    description += (f"主键：{'、'.join(primary_key(name))}；按 {'、'.join(key)} 有索引"
                                    + ("（唯一）。" if name in UNIQUE_KEYS else "（不强制唯一）。"))
                else:
                    description += f"主键：{'、'.join(key)}。"
                meta.append((name, title, description, self.rows[name]))
            columns = [(name, column, n + 1, title, sql_type, unit, description)
                       for name in DATABASE_TABLES
                       for n, (column, title, sql_type, unit, description) in enumerate(column_descriptions(name))]
            columns += [(table, column, n + 1, title, sql_type, None, description)
                        for table, described in META_DESCRIPTIONS.items()
                        for n, (column, title, sql_type, description) in enumerate(described)]
            counts = {"meta_tables": len(meta), "meta_columns": len(columns)}
            meta = [(name, title, description, counts.get(name, rows)) for name, title, description, rows in meta]
            self.db.executemany("INSERT INTO meta_tables VALUES (?, ?, ?, ?)", meta)
            self.db.executemany("INSERT INTO meta_columns VALUES (?, ?, ?, ?, ?, ?, ?)", columns)
            self.db.execute("COMMIT")
            roots = _roots(self.db)
            self.db.close()
            with open(self.path, "rb") as f:
                head = f.read()
            _splice(out, entry, head, roots, self.reports)
        finally:
            self.close()

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _splice(out: BinaryIO, entry: str, head: bytes, roots: Sequence[int], reports: Sequence[ReportRows]) -> None:
    """The year's database zipped into `out`: SQLite's file of the small tables (`head`), whose
    large b-trees' root pages (`roots`, in TREES order) are filled in here; then each report's
    pages as it keeps them, compressed already; then the pages made here (the leaves of the
    entries no report's pages hold, the interior pages, overflow pages)."""
    reports = sorted(reports, key=lambda r: r.department.encode("utf-8"))  # the b-trees' order
    first = len(head) // PAGE + 1
    uses = [uses_pages([r.trees[t] for r in reports]) for t in range(len(TREES))]
    placed: list[list[int]] = [[0] * len(reports) for _ in TREES]
    pieces = []
    page = first
    for n, report in enumerate(reports):
        for t, tree in enumerate(report.trees):
            if uses[t][n]:
                placed[t][n] = page
                page += tree.leaves
                pieces.append(tree.pages)
    made = Pages(page)
    pages = bytearray(head)
    for t, root in enumerate(roots):
        top = build_tree([r.trees[t] for r in reports], uses[t], placed[t], root, made)
        pages[(root - 1) * PAGE:root * PAGE] = top
    total = made.first + len(made.pages) - 1
    pages[28:32] = total.to_bytes(4, "big")  # the database's size in pages, in its header
    # level 1: at 10,000 reports these are 7 MB a year (each report's last leaf of each tree,
    # the interior pages), which level 6 took 0.12 s after a correction to make 15% smaller
    pieces.append(deflate(b"".join(made.pages), 1))
    start = deflate(bytes(pages), 6)
    zipped = Entry(out, entry, start, extent(pieces))
    for piece in pieces:
        zipped.put(piece)
    zipped.finish()


META_DESCRIPTIONS = {
    "meta_tables": [("name", "表", "TEXT", "表名"), ("title", "中文名", "TEXT", "表的中文名"),
                    ("description", "说明", "TEXT", "表的说明"), ("rows", "行数", "INTEGER", "表的行数")],
    "meta_columns": [("table_name", "表", "TEXT", "列所在的表"), ("name", "列", "TEXT", "列名"),
                     ("position", "列序", "INTEGER", "列在表中的位置（从 1 起）"),
                     ("title", "中文名", "TEXT", "列的中文名"),
                     ("type", "类型", "TEXT", "SQLite 类型：TEXT、INTEGER 或 REAL"),
                     ("unit", "单位", "TEXT", "金额的单位（元、万元），其他为空"),
                     ("description", "说明", "TEXT", "列的说明")],
}


def datasette_metadata(years: Sequence[int], base_url: str) -> bytes:
    """Datasette's metadata.json for the years' databases: each table's title and description,
    each column's (the databases unzipped: `datasette disclosures-*.sqlite -m data/metadata.json`)."""
    tables = {}
    for name in DATABASE_TABLES:
        title, description, _, _ = TABLES[name]
        described = column_descriptions(name)
        # Units are in the descriptions: Datasette's `units` are Pint's, which has no 元.
        tables[name] = {"title": title, "description": description,
                        "columns": {column: f"{title_}：{text}" + (f"（单位：{unit}）" if unit else "")
                                    for column, title_, _, unit, text in described}}
    for name, meta_described in META_DESCRIPTIONS.items():
        tables[name] = {"title": META_TABLES_TITLE if name == "meta_tables" else META_COLUMNS_TITLE,
                        "columns": {column: f"{title}：{text}" for column, title, _, text in meta_described}}
    metadata = {
        "title": "部门决算与绩效自评报告数据",
        "description": "各部门公开报告所述的全部数字、绩效指标与数据核验结果，每年度一个库。数字照原文录入，不作更正。",
        "license": "政府信息公开，可自由使用，请注明来源",
        "source": "部门预算绩效公开平台",
        "source_url": base_url,
        "databases": {database_name(year): {"title": f"{year}年度", "tables": tables} for year in years},
    }
    return (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
