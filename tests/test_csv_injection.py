"""Formula injection: text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`,
`-…`, `@…`) is written to every CSV of the site with a leading `'`, so Excel and WPS show it
as text; numeric columns are written as they were, negative amounts included; the XLSX holds
the text as it is, in string cells.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.engine.pipeline import build
from tests.seeds import rewritten_seeds

PAYLOADS = ['=HYPERLINK("https://evil.example/","点击")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "'=1+1"]
#: The keys whose values are text in every file they occur in, and their plain values: on a
#: line of their own (to the end of the line or a comment), or in a {flow: mapping}.
KEYS = r"\b(?:name|title|issuer|level1|level2|scope|deviation|note|result|short_name)"
BLOCK_VALUE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?)(?P<key>{KEYS}): (?P<value>[^\s{{\['\"|>&*!][^\n]*?)(?=\s+#|$)",
                         re.M)
FLOW_VALUE = re.compile(rf"(?P<lead>[{{,]\s*)(?P<key>{KEYS}): "
                        rf"(?P<value>[^\s{{\['\"|>&*!][^,{{}}\[\]\n#]*?)(?=\s*[,}}])")
#: Names the pages recognise (the charts of 基本支出 and 项目支出, the main scope of funds) stay.
KEEP = {"基本支出", "项目支出", "人员经费", "公用经费", "部门全部资金"}
DANGEROUS = tuple("=+-@\t\r")
ESCAPED = re.compile(r"''*[=+\-@\t\r]")
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def inject(text: str, given: dict[str, str]) -> str:
    """Each text value of a YAML file, on its own line as before, prefixed with a payload (the
    same one wherever the value recurs, so rows that group by name still group)."""
    def replace(match: re.Match) -> str:
        value = match["value"]
        if value in KEEP:
            return match[0]
        payload = given.setdefault(value, PAYLOADS[len(given) % len(PAYLOADS)])
        return f"{match['lead']}{match['key']}: {quoted(payload + value)}"

    # An explanation names its finding by the words of its check's subject, which the payloads
    # change: it would no longer find its finding (and would be a finding itself). Left out.
    text = re.sub(r"\n# 对数据核验发现的说明[^\n]*\nexplanations:\n(?:  .*\n?)*", "\n", text)
    text = FLOW_VALUE.sub(replace, BLOCK_VALUE.sub(replace, text))
    # Indicator values are text too: a numeric-looking text keeps its column a text column.
    return text.replace('target: "30", actual: "50"', 'target: "-30", actual: "+50"')


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csv-injection")
    given: dict[str, str] = {}
    content = rewritten_seeds(tmp, lambda text: inject(text, given))
    assert len(given) > 400
    load_content(content)  # still valid content, each value on its line as before
    out = tmp / "site"
    build(content, out)
    return out


def rows_of(path: Path) -> list[list[str]]:
    from tests.sitepages import csv_file

    return list(csv.reader(io.StringIO(csv_file(path).decode("utf-8-sig"), newline="")))


#: The columns of a report page's table CSVs that hold figures (their headers name the unit).
#: A page table's numeric column names its unit first in its closing brackets: 决算/执行（元）, 结余额（元，超支为负）.
PAGE_NUMERIC = re.compile(r".*（(?:元|%)(?:，[^（）]+)?）$|^(?:层级|数值|年份|分值|得分)$")


def column_types(site: Path, rel: str, header: list[str]) -> list[bool]:
    """For each column of a CSV: is it not text (by the data package, or by a table's header)?"""
    if rel.startswith("data/") or rel.endswith("/figures.csv.zip"):
        package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
        name = rel.rsplit("/", 1)[-1].removesuffix(".zip")[: -len(".csv")]
        fields = next(r for r in package["resources"] if r["name"].split("-")[0] == name)["schema"]["fields"]
        types = {f["name"]: f["type"] for f in fields}
        return [types[h] != "string" for h in header]
    if "#chart-" in rel:  # a chart's data table as the page shows it: formatted text
        return [False] * len(header)
    return [bool(PAGE_NUMERIC.match(h)) for h in header]


def csv_tables(site: Path) -> dict[str, list[list[str]]]:
    """Every CSV of the site by path, each table of a page's tables.csv as `…/tables.csv#<name>`."""
    from tests.sitepages import page_csvs

    out = {}
    for path in sorted([*site.rglob("*.csv"), *site.rglob("*.csv.zip")]):
        rel = path.relative_to(site).as_posix()
        if path.name == "tables.csv":
            folder = rel[: -len("tables.csv")]
            out.update({f"{rel}#{name}": rows for name, rows in page_csvs(site, folder).items()})
        else:
            out[rel] = rows_of(path)
    return out


def test_no_csv_cell_of_text_starts_a_formula_and_numbers_are_unchanged(hostile_site, built_site):
    hostile, built = csv_tables(hostile_site), csv_tables(built_site)
    assert sorted(hostile) == sorted(built)
    unescaped, changed_numbers, escaped = [], [], {}
    for rel, rows in hostile.items():
        clean = built[rel]
        numeric = column_types(hostile_site, rel, rows[0])
        assert len(rows) == len(clean), rel
        for row, before in zip(rows[1:], clean[1:]):
            for header, is_number, cell, was in zip(rows[0], numeric, row, before):
                if is_number:
                    if cell != was or (cell.startswith(DANGEROUS) and not NUMBER.fullmatch(cell)):
                        changed_numbers.append((rel, header, was, cell))
                elif cell.startswith(DANGEROUS):
                    unescaped.append((rel, header, cell))
                elif ESCAPED.match(cell):
                    kind = ("*/tables.csv" if "tables.csv#" in rel else "data/" + rel.rsplit("/", 1)[-1].removesuffix(".zip")
                            if rel.startswith("data/") else "*/figures.csv.zip")
                    escaped.setdefault(kind, set()).add(header)
    assert unescaped == []
    assert changed_numbers == []
    # The payloads reached every kind of CSV, in the columns of names, labels and text.
    assert {"item", "scope", "stated"} <= escaped["data/figures.csv"]
    assert {"item", "scope"} <= escaped["*/figures.csv.zip"]
    assert {"level1", "level2", "level3", "target", "actual"} <= escaped["data/indicators.csv"]
    assert {"department_name", "title", "issuer"} <= escaped["data/reports.csv"]
    assert "department_name" in escaped["data/departments.csv"]
    assert {"项目", "事项", "一级指标", "三级指标"} <= escaped["*/tables.csv"]


def test_negative_amounts_stay_numbers(hostile_site):
    from tests.sitepages import csv_file, year_csvs

    figures = [row for path in year_csvs(hostile_site, "figures")
               for row in csv.DictReader(io.StringIO(csv_file(path).decode("utf-8-sig"), newline=""))]
    negative = [r for r in figures if r["amount_yuan"].startswith("-")]
    assert negative and all(NUMBER.fullmatch(r["amount_yuan"]) for r in negative)
    assert "-87628.69" in {r["amount_yuan"] for r in negative}
    # The text column that shows the figure as stated is escaped like any other text.
    assert {r["stated"][:2] for r in negative} == {"'-"}
    from tests.sitepages import page_csvs

    tables = page_csvs(hostile_site, "departments/longyang-zwfwglj/2020/")
    by_nature = next(rows for name, rows in tables.items() if re.fullmatch(r"expenditure-\d+-by-nature", name))
    change = by_nature[0].index("增减额（元）")
    assert any(NUMBER.fullmatch(r[change]) and r[change].startswith("-") for r in by_nature[1:])


def test_an_escaped_cell_reads_back_to_the_text_by_dropping_one_quote(hostile_site):
    from tests.sitepages import year_csvs

    cells = {c for path in year_csvs(hostile_site, "indicators") for row in rows_of(path)[1:] for c in row}
    assert "'-30" in cells and "'+50" in cells
    # A text that already starts with a quote before a formula character gets one more quote.
    assert any(c.startswith("''=1+1") for c in cells)
    assert not any(c.startswith("'=1+1") for c in cells)


def test_the_datapackage_still_validates(hostile_site):
    from frictionless import validate

    report = validate(hostile_site / "data/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_xlsx_holds_formula_like_text_as_string_cells(hostile_site):
    from openpyxl import load_workbook

    books = [load_workbook(path) for path in sorted((hostile_site / "data").glob("*/disclosures.xlsx"))]
    assert len(books) == 3
    sheets = [ws for book in books for ws in book.worksheets]
    formula_like = [cell for ws in sheets for row in ws.iter_rows() for cell in row
                    if isinstance(cell.value, str) and cell.value.startswith(tuple(PAYLOADS))]
    assert len(formula_like) > 50  # names, titles, indicators, findings in every sheet
    assert {c.data_type for c in formula_like} == {"s"}
    # As written, with no quote: a string cell is never evaluated.
    assert any(c.value.startswith('=HYPERLINK("https://evil.example/","点击")') for c in formula_like)
    assert not any(cell.data_type == "f" for ws in sheets for row in ws.iter_rows() for cell in row)


def test_the_data_page_and_package_say_how_text_is_escaped(hostile_site):
    from tests.sitepages import soup

    page = soup(hostile_site, "data/").get_text()
    assert "单引号" in page and "=、+、-、@" in page
    package = json.loads((hostile_site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert "单引号" in package["description"]
    for resource in package["resources"]:
        for field in resource.get("schema", {}).get("fields", []):  # (a database is a file, not a table)
            assert ("单引号" in field["description"]) == (field["type"] == "string"), field["name"]


def test_every_formula_character_is_escaped_in_text_columns_only():
    from generator.outputs.data import Column, csv_bytes

    texts = ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "'=1", "''-1", "'文字", "a=1", "", "－1", "１"]
    columns = (Column("name", "名称", "string", ""), Column("amount", "金额", "number", ""))
    for written in (csv_bytes(columns, [{"name": t, "amount": "-12.50"} for t in texts]),
                    csv_bytes(["名称", "金额"], [{"名称": t, "金额": "-12.50"} for t in texts], numeric=["金额"])):
        rows = list(csv.reader(io.StringIO(written.decode("utf-8-sig"), newline="")))[1:]
        assert [r[0] for r in rows] == ["'=1+1", "'+1", "'-1", "'@A1", "'\t=1", "'\r=1", "''=1", "'''-1", "'文字", "a=1",
                                        "", "－1", "１"]
        assert {r[1] for r in rows} == {"-12.50"}


def test_sqlite_holds_formula_like_text_as_written(hostile_site, tmp_path):
    """The databases hold text as the model states it: no quote added (SQL runs no formulas)."""
    from tests.sitepages import database

    texts = []
    paths = sorted((hostile_site / "data").glob("*/disclosures-*.sqlite.zip"))
    assert len(paths) == 3
    for path in paths:
        db = database(path, tmp_path)
        for table in ("departments", "reports", "figures", "indicators", "findings"):
            texts += [v for row in db.execute(f"SELECT * FROM {table}") for v in row if isinstance(v, str)]
        db.close()
    formula_like = [t for t in texts if t.startswith(tuple(PAYLOADS))]
    assert len(formula_like) > 50
    assert any(t.startswith('=HYPERLINK("https://evil.example/","点击")') for t in formula_like)
    assert not any(t.startswith("'" + p) for t in texts for p in PAYLOADS if p)
