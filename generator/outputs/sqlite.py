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

Deterministic bytes: the database is made in a new file in a temporary folder, by the same
statements in the same order (one transaction, no journal), and SQLite writes the same
pages for them; nothing in the file records when or where it was made (the header holds the
SQLite version, which the build's key includes with every library's). It is zipped as it is
read back from that file (`xlsx.zip_file`: deflated, a fixed date), so the zip is the same
bytes too.
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
from typing import BinaryIO

from .data import TABLES, Column, TablePart, as_text
from .xlsx import zip_file

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


def sql_columns(columns: Sequence[Column]) -> list[tuple[str, str, Column]]:
    """(name, SQL type, column) of a table's database columns: each CSV column, and after a
    `number` column its exact text."""
    out = []
    for c in columns:
        out.append((c.name, SQL_TYPES[c.type], c))
        if c.type == "number":
            out.append((c.name + EXACT, "TEXT", c))
    return out


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


#: The tables whose key (TABLES) the content makes unique: a department's slug, a report's
#: department and year, a figure's field path and statement. An indicator's evaluation is named
#: by its project, and two projects of a year may share a name; a finding's subject may repeat
#: (two indicators of one name): those tables' keys are indexed, not enforced, so that such
#: content still builds (the rowid tells their rows apart).
UNIQUE_KEYS = frozenset({"departments", "reports", "figures"})


def _schema(name: str) -> list[str]:
    """CREATE TABLE for one of TABLES: types, NOT NULL on the key, the key, the foreign keys;
    and the index of a key not enforced."""
    _, _, columns, key = TABLES[name]
    lines = []
    for column, sql_type, c in sql_columns(columns):
        check = f" CHECK ({_quote(column)} IN (0, 1))" if c.type == "boolean" else ""
        lines.append(f"  {_quote(column)} {sql_type}{' NOT NULL' if column in key else ''}{check}")
    if name in UNIQUE_KEYS:
        lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, key))})")
    if name == "reports":
        lines.append('  FOREIGN KEY ("department") REFERENCES "departments" ("department")')
    elif name != "departments":
        lines.append('  FOREIGN KEY ("department", "year") REFERENCES "reports" ("department", "year")')
    statements = [f"CREATE TABLE {_quote(name)} (\n" + ",\n".join(lines) + "\n)"]
    if name not in UNIQUE_KEYS:
        statements.append(f"CREATE INDEX {_quote(name + '_key')} ON {_quote(name)} ({', '.join(map(_quote, key))})")
    return statements


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
    for column, sql_type, c in sql_columns(TABLES[name][2]):
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


class Database:
    """One year's database, made as its tables' parts come (`put`, in the order of the CSVs)
    and written into a file by `finish`."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="disclosures-sqlite-")
        self.path = os.path.join(self.folder, "year.sqlite")
        self.db = sqlite3.connect(self.path, isolation_level=None)
        for pragma in ("page_size = 4096", "journal_mode = OFF", "synchronous = OFF", "encoding = 'UTF-8'",
                       "auto_vacuum = NONE", "user_version = 1"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("BEGIN")
        for statement in _META:
            self.db.execute(statement)
        self.inserts = {}
        self.rows = {name: 0 for name in DATABASE_TABLES}
        for name in DATABASE_TABLES:
            for statement in _schema(name):
                self.db.execute(statement)
            names = [column for column, _, _ in sql_columns(TABLES[name][2])]
            self.inserts[name] = (f"INSERT INTO {_quote(name)} ({', '.join(map(_quote, names))}) "
                                  f"VALUES ({', '.join('?' * len(names))})")

    def put(self, name: str, part: TablePart) -> None:
        if not part.rows:
            return
        rows = csv.reader(io.StringIO(part.csv.decode("utf-8"), newline=""))
        self.db.executemany(self.inserts[name], map(_converter(name), rows))
        self.rows[name] += part.rows

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
                description += f"主键：{'、'.join(key)}" + ("。" if name in UNIQUE_KEYS else "（有索引，不强制唯一）。")
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
            self.db.close()
            with open(self.path, "rb") as f:
                zip_file(out, entry, f)
        finally:
            self.close()

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


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
