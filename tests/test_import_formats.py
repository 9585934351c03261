"""The importer reads the files departments publish: Word, Excel and text PDFs as well as text.

The fixtures (tests/fixtures/import/, see its README) are reports written for these tests in
the layouts of ../shared/FORMATS.md, each with a key of every number it prints. How well the
drafts place them is scored by benchmarks/import_quality.py; here, that every report reads,
drafts and validates, and that what is read is what the file shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import parse_report
from generator.importer import draft, strip_unplaced
from generator.importer.read import Grid, Para, read_path

FIXTURES = Path(__file__).parent / "fixtures" / "import"
DEV = sorted(p for p in (FIXTURES / "dev").iterdir() if p.is_dir())


def report_of(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if p.name != "key.yaml")


def _check_draft(tmp_path: Path, source: Path, slug: str, year: int) -> tuple[list[str], str]:
    """Import `source` into a copy of the minimal site, name the department, take `unplaced:`
    out as a reviewer would, and run `build.py check`: its error lines, and all it said."""
    import shutil
    import subprocess
    import sys

    from generator.importer import import_report
    from tests.seeds import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    import_report(report_of(source), content, slug, year)
    folder = content / "departments" / slug
    (folder / "department.yaml").write_text('name: 测试局\nregion: "431221"\n', encoding="utf-8")
    year_file = folder / f"{year}.yaml"
    year_file.write_text(strip_unplaced(year_file.read_text(encoding="utf-8")), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content", str(content)],
                          capture_output=True, text=True)
    return [line for line in done.stdout.splitlines() if line.strip().startswith("错误")], done.stdout


@pytest.mark.parametrize("folder", DEV, ids=[p.name for p in DEV])
def test_every_development_report_reads_drafts_and_validates(folder):
    text, blocks = read_path(report_of(folder))
    assert text.strip() and blocks
    for block in blocks:  # every block points at its own text in the kept source
        if isinstance(block, Para):
            assert text[block.start:block.start + len(block.text)] == block.text
        else:
            for row in block.rows:
                for cell in row:
                    assert text[cell.start:cell.start + len(cell.text)] == cell.text
    result = draft(blocks, 2023)
    parse_report(strip_unplaced(result.yaml))  # the draft is a valid year file once `unplaced:` is dealt with


def test_an_excel_cell_reads_as_its_number_format_shows_it():
    """自评表.xlsx stores 0.9742 formatted 0.00% and 571.25 formatted 0.00: the importer reads
    97.42% and 571.25, as the sheet shows them, and the 项目资金 block as a table."""
    text, blocks = read_path(report_of(FIXTURES / "dev" / "05-qinghe-slj-project-xlsx"))
    grids = [b for b in blocks if isinstance(b, Grid)]
    cells = [c.text for g in grids for row in g.rows for c in row]
    assert "97.42%" in cells and "571.25" in cells and "520.00" in cells
    assert any(c.startswith("项目支出绩效自评表") or "项目支出绩效自评表" in c for c in [b.text for b in blocks
                                                                            if isinstance(b, Para)] + cells)
    # a merged range is read once, at its top-left cell
    assert cells.count("年度资金总额") == 1


def test_a_text_pdf_reads_its_ruled_tables_as_tables():
    text, blocks = read_path(report_of(FIXTURES / "dev" / "07-rongxi-fgj-sichuan-pdf"))
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert grids, "the 自评表 are ruled tables"
    header = [c.text for g in grids for row in g.rows for c in row]
    assert any("指标性质" in c for c in header) and any("权重" in c for c in header)
    assert "蓉溪县发展和改革局" in text


def test_import_of_an_excel_report_writes_a_draft_and_its_source(tmp_path):
    from generator.importer import import_report

    result = import_report(report_of(FIXTURES / "dev" / "05-qinghe-slj-project-xlsx"), tmp_path / "content",
                           "qinghe-slj", 2023)
    year, source = tmp_path / "content/departments/qinghe-slj/2023.yaml", tmp_path / "content/departments/qinghe-slj/2023.source.txt"
    assert year in result.written and source in result.written
    assert "571.25" in year.read_text(encoding="utf-8") and "97.42%" in source.read_text(encoding="utf-8")


def test_rows_pasted_from_a_spreadsheet_are_a_table_and_the_text_after_them_stays_text():
    """Excel rows pasted into a text file: a row a line, cells between tabs, a row whose first
    cell is empty starting with a tab. They are one table, and the narrative after them is read
    as narrative (it once became part of the table's last cell, and its figures were lost)."""
    from generator.importer.read import read_text

    text = ("收入支出决算总表\n"
            "项目\t行次\t金额\n"
            "一般公共预算财政拨款收入\t1\t2,650.00\n"
            "\t2\t\n"
            "本年收入合计\t3\t2,650.00\n"
            "二、收入支出决算总体情况说明\n"
            "2023年度收入总计2,650.00万元。\n")
    blocks = read_text(text)
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) == 1 and [[c.text for c in row] for row in grids[0].rows] == [
        ["项目", "行次", "金额"], ["一般公共预算财政拨款收入", "1", "2,650.00"], ["", "2", ""],
        ["本年收入合计", "3", "2,650.00"]]
    paragraphs = [b.text for b in blocks if isinstance(b, Para)]
    assert paragraphs == ["收入支出决算总表", "二、收入支出决算总体情况说明", "2023年度收入总计2,650.00万元。"]


def _tables(folder: str):
    text, blocks = read_path(report_of(FIXTURES / "dev" / folder))
    result = draft(blocks, 2023)
    report = parse_report(strip_unplaced(result.yaml))  # the tables validate as drafted
    assert report.tables
    return report.tables


def test_the_nine_tables_of_a_workbook_are_drafted_cell_by_cell():
    tables = _tables("08-fengning-rsj-tables-xlsx")
    assert [t.label for t in tables][:3] == ["公开01表", "公开02表", "公开03表"]
    income = tables[1]
    assert income.title == "收入决算表"
    assert [c.name for c in income.columns][:3] == ["本年收入合计", "财政拨款收入", "上级补助收入"]
    total = income.rows[0]
    assert total.name == "合计" and total.code is None  # 合计 spans the 类/款/项 columns
    assert [str(v) for v in total.values[:4]] == ["1809.58", "1712.18", "35.00", "62.40"]  # places as printed
    coded = [r for r in income.rows if r.code]
    assert coded and all(len(r.code) in (3, 5, 7) for r in coded)  # 类/款/项 written together


def test_a_word_export_total_table_reads_both_sides():
    """公开01表 prints 收入 on the left and 支出 on the right, each with its own 项目 and 行次: the
    draft keeps each side's rows with its own column, the 行次 numbers left out."""
    total = _tables("01-qinghe-jtj-final-txt")[0]
    assert (total.label, total.title) == ("公开01表", "收入支出决算总表")
    assert [c.name for c in total.columns] == ["收入 / 金额", "支出 / 金额"]
    first = total.rows[0]
    assert first.name == "一、一般公共预算财政拨款收入" and str(first.values[0]) == "4823.02"
    assert first.values[1] is None


def test_a_planted_inconsistency_in_a_draft_is_found_and_nothing_else(tmp_path):
    """自评表.xlsx states 年度资金总额 全年执行数 571.25 with rows 543.25 and 30.00: once the rows
    by source are drafted, `check` finds that one inconsistency, and no false one."""
    errors, said = _check_draft(tmp_path, FIXTURES / "dev" / "05-qinghe-slj-project-xlsx", "qinghe-slj", 2023)
    assert len(errors) == 1, said
    assert "[sum.parts]" in errors[0] and "年度资金总额" in errors[0] and "相差 2万元" in errors[0]


def test_the_review_page_marks_every_number_by_where_it_went(tmp_path):
    """`import --review FILE`: the report's text with each number placed (linked to its line of
    the draft), unplaced (with the reason) or not recorded, beside the draft and its 数据核验."""
    import shutil
    import subprocess
    import sys

    from bs4 import BeautifulSoup

    from tests.seeds import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    report = tmp_path / "report.txt"
    report.write_text("青禾县测试局2023年度部门整体支出绩效自评报告\n一、部门收支情况\n"
                      "2023年度收入合计1,234.50万元。另有<script>alert(1)</script>数字17项，各增加5.00万元。\n",
                      encoding="utf-8")
    review = tmp_path / "review" / "r.html"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import", str(report), "--department", "demo-two",
                           "--year", "2023", "--content", str(content), "--review", str(review)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    page = BeautifulSoup(review.read_text(encoding="utf-8"), "html.parser")
    assert page.find("script") is None  # the report's text is shown, never run
    placed = {a.get_text() for a in page.select("pre.source a.placed")}
    assert "1,234.50万元（已放置）" in placed
    line = page.select_one("pre.source a.placed")["href"]
    assert page.select_one(f"pre.draft {line}") is not None and "1234.5" in page.select_one(f"pre.draft {line}").get_text()
    unplaced = page.select("pre.source mark.unplaced")
    assert any("5.00" in m.get_text() and "各" in m["title"] for m in unplaced)  # with the importer's reason
    assert "（已放置）" in page.select_one("pre.source a.placed").get_text()  # said in words, not colour alone

    inside = subprocess.run([sys.executable, str(ROOT / "build.py"), "import", str(report), "--department", "demo-three",
                             "--year", "2023", "--content", str(content), "--review", str(content / "r.html")],
                            capture_output=True, text=True)
    assert inside.returncode == 1 and "不能写在 --content 之内" in inside.stderr and "Traceback" not in inside.stderr


@pytest.mark.parametrize("folder", ["01-qinghe-jtj-final-txt", "04-heting-mzj-final-tsv-txt", "06-boxi-wlj-project-docx",
                                    "07-rongxi-fgj-sichuan-pdf", "09-chengshui-gtj-2017-pdf"])
def test_a_draft_of_a_consistent_report_raises_no_false_error(tmp_path, folder):
    """These reports are consistent (their keys plant nothing): checking their drafts must find
    no error, or the clerk is sent after inconsistencies the importer made itself."""
    import yaml

    source = FIXTURES / "dev" / folder
    key = yaml.safe_load((source / "key.yaml").read_text(encoding="utf-8"))
    assert not key.get("planted")
    errors, said = _check_draft(tmp_path, source, "test-dept", int(key["year"]))
    assert errors == [], said


def test_a_planted_table_total_that_does_not_add_up_is_found_in_the_draft(tmp_path):
    """02's 公开03表 prints 类 201's 本年支出合计 10.00 more than its 款: once the table is drafted
    cell by cell, `check` finds it (and the 合计 row it throws out), and nothing else."""
    errors, said = _check_draft(tmp_path, FIXTURES / "dev" / "02-yunchuan-scjg-final-docx", "yunchuan-scjg", 2022)
    assert len(errors) == 2 and all("[sum.table]" in e and "公开03表" in e for e in errors), said
    assert any("201 一般公共服务支出" in e for e in errors)


def test_a_chongqing_indicator_table_is_read_by_its_own_headers():
    """The Chongqing 部门整体绩效自评表 (FORMATS.md §1.1) heads its indicators 指标名称 · 计量单位 ·
    指标性质 · 年初指标值 · 调整指标值 · 全年完成值 · 得分系数 · 指标权重 · 指标得分 · 是否核心指标:
    the adjusted target where there is one, else the initial; 得分系数 has no place and stays
    unplaced."""
    from generator.importer import draft_text

    header = ["一级指标", "二级指标", "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值",
              "得分系数（%）", "指标权重", "指标得分", "是否核心指标"]
    rows = [header,
            ["产出", "数量指标", "参保人数", "万人", "定量", "52", "53", "53.4", "100", "10", "10", "是"],
            ["", "质量指标", "基金结余率", "%", "定量", "≤20", "", "18.6", "100", "5", "5", "否"]]
    text = "某区医疗保障局2023年度部门整体绩效自评表\n" + "".join(
        "".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows) + "自评总分：98\n"
    result = draft_text(text, 2023)
    report = parse_report(strip_unplaced(result.yaml))
    first, second = report.performance.indicators
    assert (first.name, first.target, first.actual) == ("参保人数", "53万人", "53.4万人")
    assert str(first.weight.first.value) == "10" and str(first.score.first.value) == "10"
    assert second.target == "≤20%" and second.actual == "18.6%"  # no adjusted target: the initial
    assert any(item.text == "100" for item in result.loose)  # 得分系数, left for the reviewer
