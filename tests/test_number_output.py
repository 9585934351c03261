"""Every number the loader accepts is published in plain digits and keeps its value.

Python writes some decimals in exponent notation (`str(Decimal("0.0000001"))` is `1E-7`,
`str(Decimal("0.0000000"))` is `0E-7`, a float 0.000001 is `1e-06` in JSON). A year file may
state such numbers: counts and rates up to 10 decimal places, amounts in 亿元 down to
0.01 元. Generated year files put numbers from the whole accepted space into every kind
of number field; the built site must show each in digits on the report page, and carry
it with the same value into data.json (valid against schema/year.schema.json), both
figures CSVs, the page's tables.csv, the workbook and the search documents, and no
output file may hold exponent notation anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.content.load import parse_report
from tests.invalid_cases import MINIMAL, ROOT_DIR
from tests.sitepages import page_csvs, soup

#: Exponent notation as Python writes it: `1E-7`, `1E+2`, `0E-10`, `1e-06`, `1e+16`. The sign
#: is always there, so hashed asset names such as `6e15` do not match.
EXPONENT = re.compile(r"[0-9][eE][-+][0-9]")
UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
DEPT = "demo-dept"
DIGITS = st.sampled_from("0000001259")  # zeros first: they are what makes an exponent


@st.composite
def written(draw, places: int, whole_digits: int = 15, signed: bool = False) -> str:
    """A number as the loader accepts it (numbers.parse_decimal): no leading zeros, digits on
    both sides of a point, at most `whole_digits` before it and `places` after it."""
    whole = draw(st.one_of(st.just("0"), st.integers(1, 10 ** whole_digits - 1).map(str)))
    count = draw(st.integers(0, places))
    fraction = "".join(draw(st.lists(DIGITS, min_size=count, max_size=count)))
    sign = "-" if signed and draw(st.booleans()) else ""
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


# The accepted space of each kind of number field (content/README.md, "Reading rules").
numbers = written(10, signed=True)                        # Stat.value, GradeBand.min/max
yi = written(10, whole_digits=7)                          # an amount in 亿元: below 1000万亿元
wan = written(6, whole_digits=11)                         # an amount in 万元
signed_wan = written(6, whole_digits=11, signed=True)     # change, variance
percents = written(4, signed=True)                        # rates, with %
scores = written(2)                                       # scores and weights
counts = st.integers(0, 10 ** 15 - 1).map(str)            # head counts

cases = st.fixed_dictionaries({
    "stats": st.lists(numbers, min_size=1, max_size=4),
    "band_min": numbers, "band_max": numbers,
    "actual_yi": yi, "budget_wan": wan, "change": signed_wan, "rate": percents,
    "score": scores, "weight": scores, "indicator_score": scores, "authorized": counts,
})

CLASSIC = {"stats": ["0.0000001", "0.0000000", "-0.00000010", "123456789012345.1234567890"],
           "band_min": "0.0000001", "band_max": "100", "actual_yi": "0.0000000001", "budget_wan": "0.000000",
           "change": "-0.000001", "rate": "0.0001", "score": "0.01", "weight": "0.00", "indicator_score": "0",
           "authorized": "0"}
ZEROS = {**CLASSIC, "stats": ["0.0000000000", "-0"], "actual_yi": "0.0000000000", "band_min": "-0.0000000001"}


def year_file(case: dict) -> str:
    data = {
        "year": "2020", "unit": "万元",
        "documents": [{"kind": "绩效自评报告", "title": "测试县政务服务中心2020年度部门整体支出绩效自评报告"}],
        "staffing": {"authorized": case["authorized"]},
        "expenditure": [{"total": {"name": "支出合计", "budget_initial": case["budget_wan"],
                                   "actual": {"value": case["actual_yi"], "unit": "亿元"},
                                   "change": case["change"], "execution_rate": f"{case['rate']}%"}}],
        "performance": {
            "score": case["score"],
            "grade_bands": [{"grade": "优秀", "min": case["band_min"], "max": case["band_max"]}],
            "indicators": [{"level1": "产出指标", "name": "办件量", "weight": case["weight"],
                            "score": case["indicator_score"]}],
        },
        "work_stats": [{"name": f"工作数{n + 1}", "value": v, "unit": "项"} for n, v in enumerate(case["stats"])],
    }
    # Every scalar is a str; safe_dump quotes what YAML would read as anything else (none here).
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def expected(case: dict) -> dict[str, tuple[str, str, Decimal]]:
    """Field path → (as written, its unit, its value in base units: yuan for amounts)."""
    out = {"staffing.authorized": (case["authorized"], "人", Decimal(case["authorized"])),
           "expenditure[0].total.budget_initial": (case["budget_wan"], "万元", Decimal(case["budget_wan"]) * UNITS["万元"]),
           "expenditure[0].total.actual": (case["actual_yi"], "亿元", Decimal(case["actual_yi"]) * UNITS["亿元"]),
           "expenditure[0].total.change": (case["change"], "万元", Decimal(case["change"]) * UNITS["万元"]),
           "expenditure[0].total.execution_rate": (case["rate"], "%", Decimal(case["rate"])),
           "performance.score": (case["score"], "分", Decimal(case["score"]))}
    for n, v in enumerate(case["stats"]):
        out[f"work_stats[{n}]"] = (v, "项", Decimal(v))
    return out


def output_texts(site: Path):
    """(name, text) of every file the site publishes but its code and the search index's
    gram shards, main and delta (whose encoded postings are not numbers), and of every part of the workbook
    and of the zipped CSVs, and the text of every table of the zipped databases."""
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith(("assets/", "search/s/", "search/x/")):
            continue
        if path.name.endswith(".sqlite.zip"):  # its text, the exact decimals included (a REAL is a double)
            import tempfile

            from tests.sitepages import database

            with tempfile.TemporaryDirectory() as folder:
                db = database(path, Path(folder))
                for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                    rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
                    yield f"{rel}:{table}", "\n".join(v for row in rows for v in row if isinstance(v, str))
                db.close()
        elif path.suffix in (".xlsx", ".zip"):
            with zipfile.ZipFile(path) as book:
                for name in book.namelist():
                    yield f"{rel}:{name}", book.read(name).decode("utf-8")
        else:
            yield rel, path.read_text(encoding="utf-8")


def read_csv(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def script_json(text: str):
    """The data of a `DisclosureSearch.register(name, data);` script, numbers as exact decimals."""
    body = text[text.index(",") + 1:text.rindex(")")]
    return json.loads(body, parse_float=Decimal, parse_int=Decimal)


def check_site(site: Path, case: dict, source: str) -> None:
    # 1. Nothing published holds exponent notation.
    for name, text in output_texts(site):
        found = EXPONENT.search(text)
        assert found is None, f"{name}: …{text[max(found.start() - 60, 0):found.end() + 30]}…"

    numbers = expected(case)
    report_dir = site / "departments" / DEPT / "2020"

    # 2. data.json validates against the schema and holds each number exactly as written.
    import jsonschema

    data = json.loads((report_dir / "data.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT_DIR / "schema" / "year.schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == [], [e.message for e in errors[:3]]
    assert parse_report(json.dumps(data, ensure_ascii=False)) == parse_report(source)
    assert [s["value"] for s in data["work_stats"]] == case["stats"]
    band = data["performance"]["grade_bands"][0]
    assert (band["min"], band["max"]) == (case["band_min"], case["band_max"])
    total = data["expenditure"][0]["total"]
    assert total["actual"] == {"value": case["actual_yi"], "unit": "亿元"}
    assert (total["budget_initial"], total["change"], total["execution_rate"]) == (
        case["budget_wan"], case["change"], f"{case['rate']}%")
    indicator = data["performance"]["indicators"][0]
    assert (data["performance"]["score"], indicator["weight"], indicator["score"]) == (
        case["score"], case["weight"], case["indicator_score"])

    # 3. Both figures CSVs: stated as written, the same value; the workbook's indicator sheet
    # holds the indicator's weight and score, the same as its CSV.
    from tests.sitepages import csv_file

    site_rows = read_csv(csv_file(site / "data" / "2020" / "figures.csv.zip"))
    own_rows = read_csv(csv_file(report_dir / "figures.csv.zip"))
    assert own_rows == site_rows
    import openpyxl

    workbook = openpyxl.load_workbook(site / "data" / "2020" / "disclosures.xlsx", read_only=True)
    sheet = [list(r) for r in workbook["绩效指标"].iter_rows(values_only=True)]
    # The sheet's header is each column's Chinese title; its numbers are numeric cells (doubles).
    from generator.outputs.data import TABLES

    names = {c.title: c.name for c in TABLES["indicators"][2]}
    sheet_rows = [dict(zip(map(names.get, sheet[0]), row)) for row in sheet[1:]]
    assert (sheet_rows[0]["weight"], sheet_rows[0]["score"]) == (
        float(case["weight"]), float(case["indicator_score"]))
    indicator_rows = read_csv(csv_file(site / "data" / "2020" / "indicators.csv.zip"))
    assert [(float(r["weight"]), float(r["score"])) for r in indicator_rows] == [
        (r["weight"], r["score"]) for r in sheet_rows]
    # A spreadsheet reads a double; the cell holds the decimal exactly as the CSV writes it.
    with zipfile.ZipFile(site / "data" / "2020" / "disclosures.xlsx") as book:
        xml = book.read("xl/worksheets/sheet4.xml").decode("utf-8")
    for r in indicator_rows:
        assert f"<v>{r['weight']}</v>" in xml and f"<v>{r['score']}</v>" in xml
    from generator.outputs.data import csv_text

    # The CSV writes a stated text such as -0.5万元 with a `'` before it (CSV injection).
    for rows, as_held in ((site_rows, csv_text),):
        by_field = {r["field"]: r for r in rows}
        for field, (text, unit, value) in numbers.items():
            row = by_field[field]
            assert row["stated"] == as_held(f"{text}{unit}"), (field, row["stated"])
            amount = row["amount_yuan"] if unit in UNITS else row["value"]
            assert Decimal(amount) == value, (field, amount, value)
            if unit in UNITS:
                assert Decimal(row["amount_wan"]) * UNITS["万元"] == value, (field, row["amount_wan"])

    # 4. The report page shows each count in digits and carries each figure's exact value.
    page = soup(site, f"departments/{DEPT}/2020/")
    shown = page.select("#work-stats-table tbody data")
    assert [Decimal(d["value"]) for d in shown] == [Decimal(v) for v in case["stats"]]
    assert [d.get_text().replace(",", "") for d in shown] == [f"{v}项" for v in case["stats"]]
    stated = {d["title"].removeprefix("原文："): d["value"] for d in page.select('data[title^="原文："]')}
    for field in ("expenditure[0].total.actual", "expenditure[0].total.budget_initial",
                  "expenditure[0].total.change"):
        text, unit, value = numbers[field]
        assert Decimal(stated[f"{text}{unit}"]) == value, field
    assert Decimal(stated[f"{case['rate']}%"]) == Decimal(case["rate"])
    bands = page.select_one("p.bands").get_text()
    assert f"优秀（{case['band_min']}分及以上）" in bands, bands

    # 5. The page's table CSVs (all in tables.csv; each made in the browser from the table is
    # tested against the same reference in tests/test_browser_csv.py).
    tables = {name: [dict(zip(rows[0], row)) for row in rows[1:]]
              for name, rows in page_csvs(site, f"departments/{DEPT}/2020/").items()}
    stats_csv = tables["work-stats-table"]
    assert [Decimal(r["数值"]) for r in stats_csv] == [Decimal(v) for v in case["stats"]]
    [total_row] = tables["expenditure-1-total"]
    assert Decimal(total_row["决算/执行（元）"]) == numbers["expenditure[0].total.actual"][2]
    assert Decimal(total_row["增减额（元）"]) == numbers["expenditure[0].total.change"][2]
    assert Decimal(total_row["执行率（%）"]) == Decimal(case["rate"])

    # 6. The search document holds each figure as stated; the score sorts by its exact value.
    documents = [script_json(p.read_text(encoding="utf-8")) for p in sorted((site / "search" / "d").glob("*.js"))]
    [report_doc] = [d for d in documents if d["url"] == f"departments/{DEPT}/2020/"]
    text = json.dumps(report_doc, ensure_ascii=False)
    for field in ("expenditure[0].total.actual", "expenditure[0].total.budget_initial", "performance.score"):
        written_text, unit, _ = numbers[field]
        assert f"{written_text}{unit}" in text, field
    assert report_doc["meta"]["score"] == case["score"]
    sort = script_json((site / "search" / "sort.js").read_text(encoding="utf-8"))
    assert Decimal(case["score"]) in sort["score"]


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@example(case=CLASSIC)
@example(case=ZEROS)
@given(case=cases)
def test_accepted_numbers_are_published_in_digits_with_their_value(case):
    from generator.engine.pipeline import build

    source = year_file(case)
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        import shutil

        shutil.copytree(MINIMAL, content)
        (content / "departments" / DEPT / "2020.yaml").write_text(source, encoding="utf-8")
        build(content, Path(tmp) / "site")
        check_site(Path(tmp) / "site", case, source)
