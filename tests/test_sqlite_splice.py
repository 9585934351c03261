"""A year's SQLite database spliced from its reports' pages (generator/outputs/btree.py) is a
valid database holding exactly the rows SQLite itself would hold, whatever the reports' sizes:
none, one, a few, pages of them, and rows long enough to overflow a page."""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile

import pytest

from generator.outputs import sqlite as db_module
from generator.outputs.data import TABLES, row_values, table_part, values_part
from generator.outputs.sqlite import LARGE_TABLES, Database, report_rows


def _text(rng: random.Random, longest: int) -> str:
    n = longest if rng.random() < 0.01 else rng.choice([0, 1, 3, 8, 20, 40])
    return "".join(rng.choice("预算决算收入支出项目经费abc123") for _ in range(n))


def _rows(rng: random.Random, name: str, department: str, year: int, count: int, longest: int) -> list[dict]:
    rows = []
    for n in range(count):
        row: dict[str, str] = {}
        for c in TABLES[name][2]:
            if c.type == "string":
                row[c.name] = _text(rng, longest)
            elif c.type == "integer":
                row[c.name] = rng.choice(["", str(rng.randrange(0, 10**6))])
            elif c.type == "boolean":
                row[c.name] = rng.choice(["", "true", "false"])
            else:
                row[c.name] = rng.choice(["", "12.30", "-0.5", "1234567.89"])
        row.update(department=department, year=str(year))
        for key in TABLES[name][3][2:]:  # a key's columns are never empty
            row[key] = row[key] or str(n)
        if name == "figures":
            row.update(field=f"f[{n}]", statement="1")
        rows.append(row)
    return rows


def _year(rng: random.Random, sizes: list[tuple[str, dict[str, int]]], longest: int = 60, year: int = 2023):
    """Parts of a year: (department, {table: rows}) → (department, the parts each report gives,
    its rows of the large tables as made)."""
    reports = []
    for department, counts in sizes:
        values = {name: row_values(TABLES[name][2], _rows(rng, name, department, year, counts.get(name, 0), longest))
                  for name in LARGE_TABLES}
        parts = {name: values_part(TABLES[name][2], values[name]) for name in LARGE_TABLES}
        parts["reports"] = table_part(TABLES["reports"][2], [{"department": department, "year": str(year)}])
        parts["departments"] = table_part(TABLES["departments"][2], [{"department": department}])
        reports.append((department, parts, values))
    return reports


def _spliced(reports, tmp_path) -> sqlite3.Connection:
    database = Database()
    for department, parts, values in reports:
        database.put("departments", parts["departments"])
        database.put("reports", parts["reports"])
        database.add(report_rows(department, values))
    out = io.BytesIO()
    database.finish(out, "year.sqlite")
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        assert z.testzip() is None
        path = tmp_path / "year.sqlite"
        path.write_bytes(z.read("year.sqlite"))
    return sqlite3.connect(path)


def _reference(reports) -> sqlite3.Connection:
    """The same rows put into the same schema by SQLite alone."""
    db = sqlite3.connect(":memory:")
    for name in db_module.DATABASE_TABLES:
        for statement in db_module._schema(name):
            db.execute(statement)
    for _, parts, _ in sorted(reports, key=lambda report: report[0]):
        for name in ("departments", "reports", *LARGE_TABLES):
            rows = list(db_module._rows(name, parts[name])) if parts[name].rows else []
            if name in LARGE_TABLES:
                rows = [row + (n,) for n, row in enumerate(rows, 1)]
            db.executemany(db_module._insert(name), rows)
    return db


def _same(spliced: sqlite3.Connection, reference: sqlite3.Connection) -> None:
    assert spliced.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert spliced.execute("PRAGMA foreign_key_check").fetchall() == []
    for name in LARGE_TABLES:
        order = "department, year, seq"
        assert (spliced.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
                == reference.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()), name
        # A scan of the table and of its index (no ORDER BY: the b-trees' own order) agrees.
        key = ", ".join(TABLES[name][3])
        assert (spliced.execute(f"SELECT {key}, seq FROM {name} INDEXED BY {name}_key").fetchall()
                == reference.execute(f"SELECT {key}, seq FROM {name} INDEXED BY {name}_key").fetchall())
        assert (spliced.execute(f"SELECT * FROM {name}").fetchall()
                == reference.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall())


@pytest.mark.parametrize("seed", range(6))
def test_a_spliced_database_holds_what_sqlite_would_hold(seed, tmp_path):
    rng = random.Random(seed)
    counts = [0, 0, 1, 1, 2, 3, 5, 30, 80, 400]
    sizes = []
    for n in range(rng.randrange(1, 40)):
        sizes.append((f"d{rng.randrange(10**6):06d}-{n}", {name: rng.choice(counts) for name in LARGE_TABLES}))
    longest = (60, 1500, 9000)[seed % 3]  # 1500 and 9000: payloads overflowing one page and several
    reports = _year(rng, sizes, longest)
    rng.shuffle(reports)
    _same(_spliced(reports, tmp_path), _reference(reports))


@pytest.mark.parametrize("pattern", [
    [1], [2], [1, 1], [1, 400], [400, 1], [400, 1, 400], [400, 2, 400], [400, 3, 400], [400, 400],
    [1, 1, 400, 1, 1], [0, 400, 0], [26, 27, 28, 400, 1], [1200, 1, 1200, 2, 1200],
])
def test_reports_of_every_size_next_to_each_other(pattern, tmp_path):
    """The leaf level must alternate leaves and entries: a report of one row, or of a page and
    one row, between reports of many pages."""
    rng = random.Random(len(pattern))
    sizes = [(f"d{n:03d}", {"figures": count, "indicators": count, "findings": count}) for n, count in enumerate(pattern)]
    reports = _year(rng, sizes, 30)
    _same(_spliced(reports, tmp_path), _reference(reports))


def test_a_changed_report_changes_only_its_own_pages(tmp_path):
    """The same reports give the same bytes; one report's rows changed give the same bytes as
    the year made from nothing with that change."""
    rng = random.Random(7)
    sizes = [(f"d{n:03d}", {"figures": 300, "indicators": 40, "findings": 2}) for n in range(12)]
    reports = _year(rng, sizes, 40)
    first = io.BytesIO()
    again = io.BytesIO()
    for out in (first, again):
        database = Database()
        for department, parts, values in reports:
            database.put("reports", parts["reports"])
            database.add(report_rows(department, values))
        database.finish(out, "year.sqlite")
    assert first.getvalue() == again.getvalue()


def test_rows_as_made_give_the_database_what_their_csv_gives():
    """A report's rows go into its database as made (`_raw_converter`), not read back from its
    CSV lines: each value must come out as the CSV cell it is written as would (text a
    spreadsheet would run, written with a `'` before it in the CSV, as it is; numbers and their
    exact text; integers; flags; empty cells and None as NULL)."""
    import csv

    from generator.outputs.data import _csv_lines, _text_columns
    from decimal import Decimal

    tricky = ["", None, "=1+1", "-5", "+3", "@sum", "'quoted", "预算", "12.30", 7, Decimal("1E+2"), "a\r\nb"]
    rng = random.Random(7)
    for name in LARGE_TABLES:
        columns = TABLES[name][2]
        rows = []
        for _ in range(300):
            row = {}
            for c in columns:
                if c.type == "string":
                    row[c.name] = rng.choice(tricky)
                elif c.type == "integer":
                    row[c.name] = rng.choice(["", None, 0, 42, "17"])
                elif c.type == "boolean":
                    row[c.name] = rng.choice(["", "true", "false"])
                else:
                    row[c.name] = rng.choice(["", None, "12.30", "-0.5", Decimal("3.10"), 4])
            rows.append(row)
        values = row_values(columns, rows)
        text = _csv_lines(_text_columns(columns), values)
        from_csv = [db_module._converter(name)(cells) for cells in csv.reader(io.StringIO(text, newline=""))]
        as_made = [db_module._raw_converter(name)(cells) for cells in values]
        assert as_made == from_csv
        assert all(type(a) is type(b) for x, y in zip(as_made, from_csv) for a, b in zip(x, y))
