"""Open data: the CSVs round-trip to the model's exact figures, the package validates, all files agree."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from decimal import Decimal

import pytest

from generator.content.figures import Figure
from generator.content.load import parse_report
from generator.content.model import Headcount, Stat
from generator.content.numbers import MONEY_UNITS
from tests.seeds import CONTENT, ROOT, SEEDS
from tests.sitepages import csv_sections, page_csvs, soup


def read_csv(path) -> list[dict[str, str]]:
    from tests.sitepages import csv_file

    raw = csv_file(path)
    assert raw.startswith("\ufeff".encode()), f"{path.name} has no BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def table(site, name: str) -> list[dict[str, str]]:
    """A year table's rows over every year (data/<year>/<name>.csv or .csv.zip, the latest year first)."""
    from tests.sitepages import year_csvs

    return [row for path in year_csvs(site, name) for row in read_csv(path)]


def as_text(cell: str) -> str:
    """A CSV text cell as the text it holds: the `'` written before a formula character dropped."""
    return cell[1:] if re.match(r"'+[=+\-@\t\r]", cell) else cell


def model_figures(value, path=()):
    """(field path, statement index, Decimal as stated, unit) for every number in a model value."""
    if isinstance(value, Figure):
        for n, s in enumerate(value.statements):
            yield (path if len(value.statements) == 1 else (*path, n)), n + 1, s.value, s.unit
    elif isinstance(value, Stat):
        yield path, 1, value.value, value.unit or ""
        for n, item in enumerate(value.items):
            yield from model_figures(item, (*path, "items", n))
    elif isinstance(value, Headcount):
        yield path, 1, Decimal(value.count), "人"
        for n, item in enumerate(value.items):
            yield from model_figures(item, (*path, "items", n))
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            if name in ("documents", "sections", "goals", "grade_bands", "problems", "measures"):
                continue
            child = getattr(value, name)
            if isinstance(child, int) and not isinstance(child, bool) and name != "year":
                yield (*path, name), 1, Decimal(child), ""
            else:
                yield from model_figures(child, (*path, name))
    elif isinstance(value, (list, tuple)):
        for n, item in enumerate(value):
            yield from model_figures(item, (*path, n))


def field_text(path) -> str:
    from generator.content.problems import field_path

    return field_path(path)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_figures_csv_round_trips_to_the_model_exactly(built_site, content, slug):
    entry = next(e for e in content.departments if e.slug == slug)
    rf = next(r for r in entry.reports if r.year == SEEDS[slug])
    rows = [r for r in table(built_site, "figures") if r["department"] == slug]
    # A figure row names its report by department and year; the report's row names its file.
    report = [r for r in table(built_site, "reports") if (r["department"], r["year"]) == (slug, str(rf.year))]
    assert len(report) == 1 and report[0]["file"] == rf.path
    assert {(r["department"], r["year"]) for r in rows} == {(slug, str(rf.year))}
    by_key = {(r["field"], int(r["statement"])): r for r in rows}
    expected = list(model_figures(rf.report))
    assert len(rows) == len(expected)
    for path, statement, value, unit in expected:
        row = by_key[(field_text(path), statement)]
        if unit in MONEY_UNITS:
            assert Decimal(row["amount_yuan"]) == value * MONEY_UNITS[unit]
            assert Decimal(row["amount_wan"]) == value * MONEY_UNITS[unit] / 10000
            assert row["value_type"] == "金额"
        else:
            assert Decimal(row["value"]) == value
        assert as_text(row["stated"]).startswith(str(value))
        assert int(row["line"]) >= 1


def test_the_report_csv_holds_that_report_rows(built_site):
    for slug, year in SEEDS.items():
        own = read_csv(built_site / f"departments/{slug}/{year}/figures.csv.zip")
        everything = [r for r in table(built_site, "figures") if r["department"] == slug]
        assert own == everything


def test_indicator_csv_holds_the_suining_table(built_site):
    rows = [r for r in table(built_site, "indicators") if r["department"] == "suining-xzspfwj"]
    assert len(rows) == 16
    assert (rows[-1]["level3"], rows[-1]["target"], rows[-1]["actual"], rows[-1]["weight"], rows[-1]["score"],
            rows[-1]["unmet"]) == ("12345群众满意度", "98.5%", "98.35%", "5", "4", "true")


def test_findings_csv_lists_the_check_findings(built_site):
    from tests.test_checks import SEED_FINDINGS

    rows = table(built_site, "findings")
    assert len(rows) == len(SEED_FINDINGS)
    assert {r["rule"] for r in rows} >= {"sum.parts", "rate.variance_rate"}
    assert all(r["explanation"].endswith("（网站内容审核，2026-12-06）") for r in rows)


def test_datapackage_passes_frictionless_validate(built_site):
    from frictionless import validate

    report = validate(built_site / "data/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert names == ["departments"] + [f"{t}-{y}" for y in (2023, 2020, 2016)
                                       for t in ("reports", "figures", "indicators", "findings", "database")]
    assert all(r["path"] == "/".join(reversed(r["name"].split("-"))) + ".csv" + (".zip" if r["name"].startswith(("figures", "indicators")) else "")
               for r in package["resources"][1:] if not r["name"].startswith("database"))
    database = next(r for r in package["resources"] if r["name"] == "database-2020")
    assert (database["path"], database["format"], database["mediatype"], database["compression"],
            database["innerpath"]) == ("2020/disclosures-2020.sqlite.zip", "sqlite", "application/vnd.sqlite3", "zip",
                                       "disclosures-2020.sqlite")
    assert database["bytes"] == (built_site / "data/2020/disclosures-2020.sqlite.zip").stat().st_size
    figures = next(r for r in package["resources"] if r["name"] == "figures-2020")
    assert (figures["compression"], figures["innerpath"]) == ("zip", "figures.csv")
    assert figures["bytes"] == (built_site / "data/2020/figures.csv.zip").stat().st_size
    assert figures["schema"]["primaryKey"] == ["department", "year", "field", "statement"]
    types = {f["name"]: f.get("columnType") for f in figures["schema"]["fields"]}
    assert types["amount_yuan"] == "value" and types["fiscal_year"] == "date:fiscal-year"


def test_xlsx_opens_and_matches_the_csvs(built_site):
    from openpyxl import load_workbook

    for year in (2016, 2020, 2023):
        book = load_workbook(built_site / f"data/{year}/disclosures.xlsx", read_only=True)
        # The figures are the year's CSV only (at a province's scale, many sheets' worth).
        assert book.sheetnames == ["字段说明", "部门", "报告", "绩效指标", "数据核验发现"]
        about = [list(r) for r in book["字段说明"].iter_rows(values_only=True)]
        assert about[0] == ["表", "列名", "字段（CSV 列名）", "类型", "说明"]
        assert {r[0] for r in about[1:]} == {"部门", "报告", "绩效指标", "数据核验发现", "全部数字", "（各表）"}
        assert [r for r in about if r[0] == "全部数字"][0][4].startswith("报告所述的全部数字见同一年度的 figures.csv.zip")
        check_book(book, built_site, year)


def check_book(book, built_site, year: int) -> None:
    from generator.outputs.data import TABLES

    reported = {r["department"] for r in read_csv(built_site / f"data/{year}/reports.csv")}
    for sheet, name in [("部门", "departments"), ("报告", "reports"), ("绩效指标", "indicators"),
                        ("数据核验发现", "findings")]:
        if name == "departments":  # the departments that report that year
            with (built_site / "data/departments.csv").open(encoding="utf-8-sig", newline="") as f:
                expected = [row for n, row in enumerate(csv.reader(f)) if n == 0 or row[0] in reported]
            assert len(expected) == len(reported) + 1
        else:
            from tests.sitepages import csv_file, year_csvs

            path = next(p for p in year_csvs(built_site, name) if p.parent.name == str(year))
            expected = list(csv.reader(io.StringIO(csv_file(path).decode("utf-8-sig"), newline="")))
        columns = TABLES[name][2]
        got = [list(row) for row in book[sheet].iter_rows(values_only=True)]
        # The header is Chinese, each column's title, the English names those of the CSV.
        assert expected[0] == [c.name for c in columns]
        assert got[0] == [c.title for c in columns], sheet
        assert len(got) == len(expected), sheet
        for row, csv_row in zip(got[1:], expected[1:]):
            for value, cell, c in zip(row, csv_row, columns):
                if c.type == "number" and cell:  # a numeric cell of the decimal the CSV writes
                    assert isinstance(value, (int, float)) and Decimal(str(value)) == Decimal(cell), (sheet, c.name)
                elif c.type == "integer" and cell:
                    assert value == int(cell), (sheet, c.name)
                else:  # the workbook holds text as it is; the CSV escapes what would start a formula
                    assert ("" if value is None else value) == (as_text(cell) if c.type == "string" else cell), (
                        sheet, c.name)


def test_a_table_longer_than_a_sheet_continues_on_the_next(content, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    from generator.outputs import data
    from generator.checks import check_content

    tables = data.build_tables(content, check_content(content))[2023]  # 16 indicator rows, 2 findings
    rows = list(csv.DictReader(io.StringIO(b"".join(tables.csv("indicators")).decode("utf-8-sig"), newline="")))
    monkeypatch.setattr(data, "SHEET_ROWS", len(rows) // 2 + 1)
    (tmp_path / "book.xlsx").write_bytes(data.xlsx_bytes(tables, 0))
    book = load_workbook(tmp_path / "book.xlsx", read_only=True)
    assert book.sheetnames == ["字段说明", "部门", "报告", "绩效指标 (1)", "绩效指标 (2)", "数据核验发现"]
    first, second = ([list(r) for r in book[name].iter_rows(values_only=True)]
                     for name in ("绩效指标 (1)", "绩效指标 (2)"))
    assert first[0] == second[0] == [c.title for c in data.TABLES["indicators"][2]]  # each has the header
    assert len(first) - 1 + len(second) - 1 == len(rows)
    assert second[-1][first[0].index("三级指标")] == rows[-1]["level3"]
    assert second[-1][first[0].index("行号")] == int(rows[-1]["line"])


def test_report_json_validates_against_the_schema_and_reloads_exactly(built_site, content):
    import jsonschema

    schema = json.loads((ROOT / "schema/year.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for entry in content.departments:
        for rf in entry.reports:
            data = json.loads((built_site / f"departments/{entry.slug}/{rf.year}/data.json").read_text("utf-8"))
            errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
            assert errors == [], errors[:3]
            assert parse_report(json.dumps(data, ensure_ascii=False)) == rf.report


def test_source_yaml_is_the_content_file(built_site, content):
    for entry in content.departments:
        for rf in entry.reports:
            served = (built_site / f"departments/{entry.slug}/{rf.year}/source.yaml").read_bytes()
            assert served == (CONTENT.parent / rf.path).read_bytes()


TRICKY_TEXT = 'a "quoted" \\ back\tslash\r\nline </script> \ufffd 😀 \u00a0 中文'


def test_report_json_holds_the_bytes_json_dumps_wrote_of_the_model(content):
    """data.json is written by pydantic's serializer; its bytes are those json.dumps wrote from
    model_dump (compact, UTF-8 unescaped), text with quotes, escapes and astral characters included."""
    from types import SimpleNamespace

    from generator.outputs.data import report_json

    def reference(report) -> bytes:
        data = report.model_dump(mode="json", exclude_defaults=True, by_alias=True, context={"unit": report.unit})
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    for rf in content.reports():
        assert report_json(rf) == reference(rf.report), rf.path
        documents = tuple(d.model_copy(update={"title": TRICKY_TEXT}) for d in rf.report.documents)
        tricky = rf.report.model_copy(update={"documents": documents, "problems": (TRICKY_TEXT, "")})
        assert report_json(SimpleNamespace(report=tricky)) == reference(tricky), rf.path


def test_every_report_table_has_its_csv(built_site):
    page = soup(built_site, "departments/longyang-zwfwglj/2020/")
    links = page.find_all("a", string="下载 CSV")
    assert len(links) >= 12
    assert {a["href"] for a in links} == {"tables.csv"}
    tables = page_csvs(built_site, "departments/longyang-zwfwglj/2020/")
    assert sorted(tables) == sorted(a["data-csv-file"] for a in links)
    assert all(len(rows) > 1 for rows in tables.values())
    header, total = tables["expenditure-1-by-nature"][:2]
    by_nature = dict(zip(header, total))
    assert by_nature["项目"] == "支出合计" and by_nature["决算/执行（元）"] == "6338977.18"


def test_tables_csv_holds_each_table_of_the_page_under_its_caption(built_site, content):
    """tables.csv: each table of the page, in the page's order, after a line with its caption as
    the page shows it, its CSV as the generator's reference writes it, then a blank line."""
    from generator.outputs import data
    from generator.site.pages import plan

    pages = {p.url: p for p in plan(content)}
    checked = 0
    for url in [f"departments/{slug}/{year}/" for slug, year in sorted(SEEDS.items())] + [
            "departments/suining-xzspfwj/", "years/2020/", ""]:
        page = soup(built_site, url)
        context = pages[url].context
        expected = (data.page_tables(context) if url.count("/") == 3 else
                    [data.chart_table(c) for c in context["charts"]])
        raw = (built_site / url / "tables.csv").read_bytes()
        assert raw == data.tables_csv(expected)
        assert raw.startswith("\ufeff".encode()) and raw.count("\ufeff".encode()) == 1
        links = page.select("a[data-csv-file]")
        assert [a["data-csv-file"] for a in links] == [t.id for t in expected]
        for link, (caption, rows), table in zip(links, csv_sections(raw), expected):
            shown = link.find_parent("caption")
            heading = link.find_previous("h3")
            shown.find("span", class_="unit").extract()
            own = caption.removeprefix(heading.get_text() + "：") if heading and "项目支出绩效自评" in caption else caption
            assert own == shown.get_text(), (url, caption)
            assert rows == list(csv.reader(io.StringIO(table.csv.decode("utf-8-sig"), newline="")))
            checked += 1
    assert checked >= 75  # (a department with one year draws no trend chart, so has no chart table)


def test_data_page_lists_every_download_with_size_rows_and_columns(built_site):
    page = soup(built_site, "data/")
    rows = page.select("table.downloads tbody tr")
    files = [r.find("a")["href"] for r in rows]
    assert files == ["departments.csv", *(f"{year}/{name}" for year in (2023, 2020, 2016)
                                          for name in ("reports.csv", "figures.csv.zip", "indicators.csv.zip", "findings.csv",
                                                       "disclosures.xlsx", f"disclosures-{year}.sqlite.zip")),
                     "datapackage.json", "metadata.json"]
    assert files[8] == "2020/figures.csv.zip"
    figures = rows[8].find_all("td")
    assert figures[0].get_text(strip=True) == "CSV（ZIP 压缩）"
    assert figures[-1].get_text(strip=True) == f"{len(read_csv(built_site / 'data/2020/figures.csv.zip')):,}"
    assert "KB" in figures[-2].get_text()
    assert any("amount_yuan" in d.get_text() for d in page.select("details.columns"))
    database = rows[12].find_all("td")
    assert rows[12].find("a")["href"] == "2020/disclosures-2020.sqlite.zip"
    assert database[0].get_text(strip=True) == "SQLite（ZIP 压缩）"
    assert "解压即得 disclosures-2020.sqlite" in database[1].get_text()
    assert "unzip 2023/disclosures-2023.sqlite.zip && datasette disclosures-2023.sqlite -m metadata.json" in (
        rows[-1].find_all("td")[1].get_text())
    assert "unzip 2023/disclosures-2023.sqlite.zip && datasette disclosures-2023.sqlite" in page.select_one(
        "#xlsx-sqlite").get_text()


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_table_on_a_report_page_links_its_csv(built_site, slug):
    page = soup(built_site, f"departments/{slug}/{SEEDS[slug]}/")
    tables = page.select("main table")
    assert tables
    for table in tables:
        if "finding-figures" in (table.get("class") or []):
            continue  # a finding's figures, listed in findings.csv
        link = table.caption.find("a", string="下载 CSV") if table.caption else None
        assert link is not None, table.caption.get_text() if table.caption else table
        assert link["href"] == "tables.csv" and page_csvs(built_site, f"departments/{slug}/{SEEDS[slug]}/")[
            link["data-csv-file"]]


# --- issue 21: a workbook Chinese users can use, and the tables as SQLite ---------------------------


def test_every_sheet_has_chinese_headers_a_frozen_header_row_and_an_autofilter(built_site):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from generator.outputs.data import TABLES, WORKBOOK_TABLES

    titles = {TABLES[name][0]: [c.title for c in TABLES[name][2]] for name in WORKBOOK_TABLES}
    for year in (2016, 2020, 2023):
        book = load_workbook(built_site / f"data/{year}/disclosures.xlsx")
        for ws in book.worksheets:
            header = [c.value for c in ws[1]]
            assert header == titles.get(ws.title, ["表", "列名", "字段（CSV 列名）", "类型", "说明"]), ws.title
            assert all(re.search(r"[\u4e00-\u9fff]", h) for h in header), header
            assert all(c.font.b for c in ws[1])
            assert ws.freeze_panes == "A2", ws.title
            assert ws.auto_filter.ref == f"A1:{get_column_letter(len(header))}{ws.max_row}", ws.title
        # The dictionary sheet pairs each Chinese header with its English name in the CSVs.
        pairs = {(r[0], r[1], r[2]) for r in book["字段说明"].iter_rows(min_row=2, values_only=True)}
        assert ("报告", "自评得分", "score") in pairs and ("绩效指标", "三级指标", "level3") in pairs


def test_decimal_columns_are_numeric_cells_shown_to_their_stated_places(built_site):
    from openpyxl import load_workbook

    book = load_workbook(built_site / "data/2023/disclosures.xlsx")
    ws = book["绩效指标"]
    header = [c.value for c in ws[1]]
    last = [c for c in ws[ws.max_row]]
    weight, score = last[header.index("分值")], last[header.index("得分")]
    assert (weight.value, weight.data_type, weight.number_format) == (5, "n", "#,##0")
    assert (score.value, score.data_type, score.number_format) == (4, "n", "#,##0")
    assert last[header.index("行号")].data_type == "n"  # whole numbers too
    assert last[header.index("年度指标值")].data_type == "s"  # stated text stays text


def test_a_figure_stated_as_12_30_shows_12_30(tmp_path):
    """The cell holds the decimal text as written, formatted to its places: Excel shows 12.30."""
    from openpyxl import load_workbook

    from generator.outputs import data, xlsx

    columns = data.TABLES["indicators"][2]
    row = {c.name: "" for c in columns} | {"department": "d", "year": 2023, "evaluation": "部门整体支出", "row": 1,
                                           "level3": "x", "weight": "12.30", "score": "0.0000001", "line": 3}
    part = data.table_part(columns, [row])
    sheet = xlsx.sheet_of("绩效指标", data.sheet_header(columns), part.xlsx_rows())
    (tmp_path / "b.xlsx").write_bytes(xlsx.workbook([sheet], "t", "2024-01-01T00:00:00Z"))
    cells = {c.column: c for c in load_workbook(tmp_path / "b.xlsx").active[2]}
    weight, score = cells[[c.name for c in columns].index("weight") + 1], cells[[c.name for c in columns].index("score") + 1]
    assert (weight.value, weight.number_format) == (12.3, "#,##0.00")
    assert (score.value, score.number_format) == (1e-7, "#,##0.0000000")
    with zipfile.ZipFile(tmp_path / "b.xlsx") as z:  # the value as its exact text
        assert b"<v>12.30</v>" in z.read("xl/worksheets/sheet1.xml")


def test_reports_csv_and_sheet_carry_the_self_evaluation_score_and_grade(built_site):
    from openpyxl import load_workbook

    rows = {r["department"]: r for r in table(built_site, "reports")}
    suining = rows["suining-xzspfwj"]
    assert (suining["score"], suining["grade"], suining["grade_band"]) == ("99", "优秀", "优")
    assert (rows["tianxin-xzspfwj"]["score"], rows["tianxin-xzspfwj"]["grade"]) == ("", "")
    sheet = list(load_workbook(built_site / "data/2023/disclosures.xlsx")["报告"].iter_rows(values_only=True))
    shown = dict(zip(sheet[0], sheet[1]))
    assert (shown["自评得分"], shown["等级"], shown["得分档次"]) == (99, "优秀", "优")


def _database(site, year: int, folder):
    """A year's database, extracted from its zip (one deflated entry, `disclosures-<year>.sqlite`) into `folder`."""
    from tests.sitepages import database

    return database(site / f"data/{year}/disclosures-{year}.sqlite.zip", folder)


def test_each_years_sqlite_database_holds_its_csvs_with_types_keys_and_descriptions(built_site, tmp_path):
    from generator.outputs.data import TABLES

    for year in (2016, 2020, 2023):
        db = _database(built_site, year, tmp_path)
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names == {"departments", "reports", "figures", "indicators", "findings", "meta_tables", "meta_columns"}
        for name in ("reports", "figures", "indicators", "findings"):
            from tests.sitepages import year_csvs

            csv_rows = read_csv(next(p for p in year_csvs(built_site, name) if p.parent.name == str(year)))
            order = "rowid" if name == "reports" else "department, year, seq"  # seq: the CSV's order
            db_rows = db.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
            columns = [d[0] for d in db.execute(f"SELECT * FROM {name} LIMIT 0").description]
            assert len(db_rows) == len(csv_rows), (year, name)
            for got, expected in zip(db_rows, csv_rows):
                got = dict(zip(columns, got))
                for c in TABLES[name][2]:
                    cell = expected[c.name]
                    if c.type == "number":  # REAL to sort and sum, and the exact text beside it
                        assert got[c.name + "_exact"] == (cell or None) and got[c.name] == (float(cell) if cell else None)
                    elif c.type == "integer":
                        assert got[c.name] == (int(cell) if cell else None)
                    elif c.type == "boolean":
                        assert got[c.name] == {"true": 1, "false": 0}[cell]
                    else:
                        assert got[c.name] == (as_text(cell) or None), (name, c.name)
        # Types, keys and foreign keys as declared, every one satisfied.
        info = {r[1]: (r[2], r[5]) for r in db.execute("PRAGMA table_info(figures)")}
        assert info["amount_yuan"] == ("REAL", 0) and info["amount_yuan_exact"] == ("TEXT", 0)
        assert info["seq"] == ("INTEGER", 3) and info["department"] == ("TEXT", 1)
        assert [r[2] for r in db.execute("PRAGMA index_info(figures_key)")] == ["department", "year", "field", "statement"]
        assert db.execute("PRAGMA index_list(figures)").fetchall()[0][1:3] == ("figures_key", 1)  # unique
        assert [r[2:5] for r in db.execute("PRAGMA foreign_key_list(figures)")] == [
            ("reports", "department", "department"), ("reports", "year", "year")]
        assert [r[2:4] for r in db.execute("PRAGMA foreign_key_list(reports)")] == [("departments", "department")]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Every column of every table described, in Chinese.
        described = {(t, c) for t, c in db.execute("SELECT table_name, name FROM meta_columns")}
        for name in names:
            assert {(name, r[1]) for r in db.execute(f"PRAGMA table_info({name})")} <= described, name
        title, unit = db.execute("SELECT title, unit FROM meta_columns WHERE table_name = 'figures' "
                                 "AND name = 'amount_yuan'").fetchone()
        assert (title, unit) == ("金额（元）", "元")
        counts = dict(db.execute("SELECT name, rows FROM meta_tables"))
        assert counts["figures"] == db.execute("SELECT count(*) FROM figures").fetchone()[0]


def test_sql_over_the_database_gives_the_reports_figures(built_site, tmp_path):
    """A researcher's query: the exact 决算 total of 隆阳 2020's expenditure, and scores by grade."""
    db = _database(built_site, 2020, tmp_path)
    (exact,) = db.execute("SELECT amount_yuan_exact FROM figures WHERE department = 'longyang-zwfwglj' "
                          "AND field = 'expenditure[0].total.actual[0]' AND statement = 1").fetchone()
    assert exact == "6338977.18"
    total = sum(Decimal(v) for (v,) in db.execute("SELECT amount_yuan_exact FROM figures JOIN reports USING "
                                                  "(department, year) WHERE reports.grade_band = '优' "
                                                  "AND amount_yuan_exact IS NOT NULL"))
    assert total == sum(Decimal(r["amount_yuan"]) for r in table(built_site, "figures")
                        if r["year"] == "2020" and r["amount_yuan"] and r["department"] in
                        {p["department"] for p in table(built_site, "reports") if p["grade_band"] == "优"})


def test_the_sqlite_database_is_the_same_bytes_from_the_same_tables(content):
    """The zipped database: one entry, `disclosures-2020.sqlite`, deflated, dated as the site's
    other zips; the same zip bytes, and the same database bytes, from two builds."""
    from generator.checks import check_content
    from generator.outputs import data

    tables = data.build_tables(content, check_content(content))[2020]
    made = []
    for _ in range(2):
        files = data.MemoryFiles()
        data.year_data(2020, tables, 0, files)
        made.append(files.files["data/2020/disclosures-2020.sqlite.zip"])
    assert made[0] == made[1]
    with zipfile.ZipFile(io.BytesIO(made[0])) as z:
        [info] = z.infolist()
        assert info.filename == "disclosures-2020.sqlite"
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size < info.file_size / 2
        with zipfile.ZipFile(io.BytesIO(files.files["data/2020/figures.csv.zip"])) as figures:
            assert info.date_time == figures.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
        assert z.testzip() is None
        database = z.read(info)
    assert database.startswith(b"SQLite format 3\0")


def test_datasette_metadata_describes_every_database_column(built_site):
    from generator.outputs.sqlite import column_descriptions

    metadata = json.loads((built_site / "data/metadata.json").read_text(encoding="utf-8"))
    assert sorted(metadata["databases"]) == ["disclosures-2016", "disclosures-2020", "disclosures-2023"]
    figures = metadata["databases"]["disclosures-2020"]["tables"]["figures"]
    assert figures["title"] == "全部数字"
    assert [c for c, *_ in column_descriptions("figures")] == list(figures["columns"])
    assert figures["columns"]["amount_yuan"].startswith("金额（元）：")


def test_the_funds_evaluated_by_stage_are_figures_of_the_self_evaluation_named_so():
    """performance.evaluated_execution: a row per stage, its item 自评涉及资金 (the block carries no name)."""
    from generator.content.load import ReportFile, load_content, parse
    from generator.content.model import YearReport
    from generator.outputs.data import figure_rows
    from tests.helpers import year_head

    entry = load_content(CONTENT).departments[0]
    text = year_head("元", 2024, "绩效自评报告") + (
        "performance:\n  evaluated_execution: {budget_full: 44010000.00, actual: 45715236.40, execution_rate: 99.19%}\n")
    model, marks, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    rows = [(r["section"], r["item"], r["measure"], r["stated"], r["field"])
            for r in figure_rows(entry, ReportFile(slug="t", year=2024, report=model, path="t.yaml", marks=marks))]
    assert rows == [
        ("部门整体支出绩效自评", "自评涉及资金", "全年预算", "44010000.00元", "performance.evaluated_execution.budget_full"),
        ("部门整体支出绩效自评", "自评涉及资金", "决算/执行", "45715236.40元", "performance.evaluated_execution.actual"),
        ("部门整体支出绩效自评", "自评涉及资金", "执行率", "99.19%", "performance.evaluated_execution.execution_rate")]


def test_the_years_adjustment_is_a_figure_of_the_budget_execution_and_a_column_of_its_table():
    """年中调整数: a figure row named with what its sign means, and a column of the 预算执行 table's CSV
    (only where a row states it), a cut negative."""
    from generator.content.load import ReportFile, load_content, parse
    from generator.content.model import YearReport
    from generator.outputs.data import budget_execution_csv, figure_rows
    from tests.helpers import year_head

    entry = load_content(CONTENT).departments[0]
    text = year_head("万元", 2024, "绩效自评报告") + (
        "performance:\n  budget_execution:\n    name: 年度资金总额\n"
        "    budget_initial: 70.00\n    adjustment: 30.00\n    budget_full: 100.00\n"
        "    items:\n      - {name: 县级财政资金, budget_initial: 60.00, adjustment: -20.00, budget_full: 40.00}\n")
    model, marks, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    rows = [(r["item"], r["measure"], r["stated"], r["amount_yuan"])
            for r in figure_rows(entry, ReportFile(slug="t", year=2024, report=model, path="t.yaml", marks=marks))
            if r["field"].endswith("adjustment")]
    assert rows == [("年度资金总额", "年中调整数（调减为负）", "30.00万元", "300000"),
                    ("年度资金总额 / 县级财政资金", "年中调整数（调减为负）", "-20.00万元", "-200000")]
    lines = budget_execution_csv(model.performance.budget_execution).decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:4] == ["项目", "年初预算数（元）", "年中调整数（元，调减为负）", "全年预算数（元）"]
    assert lines[2].split(",")[:4] == ["县级财政资金", "600000", "-200000", "400000"]
    plain = YearReport.model_validate({**model.model_dump(), "performance": {"budget_execution": {
        "name": "年度资金总额", "budget_initial": "70.00", "budget_full": "100.00"}}})
    assert "年中调整数" not in budget_execution_csv(plain.performance.budget_execution).decode("utf-8-sig")
