"""The importer reads Office files in the forms their programs save them: a workbook or a document
saved as Strict Open XML, a Word file with reviewers' comments, an OpenDocument spreadsheet, a
system's CSV export with no title. Each input is built here, small."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

from generator.importer.read import Grid, Para, read_path


def _as_strict(path: Path) -> None:
    """Rewrite an Office package as Excel and Word write it for 另存为 › Strict Open XML: every
    namespace and relationship type under purl.oclc.org (ISO/IEC 29500 Strict), the workbook or
    document marked conformance="strict"; the package's own names (relationships, core properties)
    as they were."""
    def strict(match: re.Match[bytes]) -> bytes:
        name = match.group(2).replace(b"extended-properties", b"extendedProperties") \
            .replace(b"custom-properties", b"customProperties")
        return b"http://purl.oclc.org/ooxml/" + match.group(1) + b"/" + name

    pattern = re.compile(rb"http://schemas\.openxmlformats\.org/(officeDocument|spreadsheetml|wordprocessingml"
                         rb"|drawingml)/2006/([A-Za-z/-]+)")
    with zipfile.ZipFile(path) as package:
        parts = [(member, package.read(member)) for member in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member, data in parts:
            if member.filename.endswith((".xml", ".rels")):
                data = pattern.sub(strict, data)
                data = re.sub(rb"<(workbook|w:document) ", rb'<\1 conformance="strict" ', data, count=1)
            out.writestr(member, data)


def test_a_workbook_saved_as_strict_open_xml_reads_as_the_same_workbook_saved_as_transitional(tmp_path):
    """openpyxl finds no sheets in a Strict workbook (its relationship types are not the ones it
    looks for): the importer reads it as its Transitional copy, cell for cell."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收入支出决算总表"
    sheet["A1"] = "收入支出决算总表"
    for row in (["项目", "决算数"], ["一般公共预算财政拨款收入", 1234.5], ["合计", 1234.5]):
        sheet.append(row)
    sheet["B3"].number_format = sheet["B4"].number_format = "#,##0.00"
    book.create_sheet("说明")["A1"] = "本单位无政府性基金预算财政拨款收入。"
    transitional = tmp_path / "决算公开表.xlsx"
    book.save(transitional)
    strict = tmp_path / "决算公开表（Strict）.xlsx"
    book.save(strict)
    _as_strict(strict)
    assert b"purl.oclc.org/ooxml/spreadsheetml/main" in zipfile.ZipFile(strict).read("xl/workbook.xml")
    with open(strict, "rb") as f, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ("File contains an invalid specification for 0")
        assert openpyxl.load_workbook(f).worksheets == []  # (what it reads without the importer's help)
    assert read_path(strict) == read_path(transitional)
    text, _ = read_path(strict)
    assert "1,234.50" in text and "本单位无政府性基金预算财政拨款收入。" in text


def test_a_word_document_saved_as_strict_open_xml_reads_as_the_same_document_saved_as_transitional(tmp_path):
    """python-docx finds no main document in a Strict .docx: it is read as its Transitional copy."""
    import docx

    document = docx.Document()
    document.add_heading("一、部门基本情况", level=1)
    document.add_paragraph("2024年度部门预算总额为270.89万元。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "全年执行数"
    table.cell(1, 0).text, table.cell(1, 1).text = "项目支出", "108.62"
    transitional = tmp_path / "自评报告.docx"
    document.save(transitional)
    strict = tmp_path / "自评报告（Strict）.docx"
    document.save(strict)
    _as_strict(strict)
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(strict).read("word/document.xml")
    assert read_path(strict) == read_path(transitional)
    _, blocks = read_path(strict)
    assert "2024年度部门预算总额为270.89万元。" in [b.text for b in blocks if isinstance(b, Para)]
    assert [[c.text for c in row] for b in blocks if isinstance(b, Grid) for row in b.rows] == [
        ["项目", "全年执行数"], ["项目支出", "108.62"]]

