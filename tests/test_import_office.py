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


def test_a_reviewers_comments_in_word_are_kept_after_their_paragraph_and_none_of_their_numbers_placed(tmp_path):
    """审阅 › 批注 left in a published .docx: Word prints each comment in the margin beside the text
    it is anchored on. Its numbers (a target proposed, an amount asked about, a date to answer by)
    are not the report's: the comment is kept in the text after its paragraph, as text the draft
    lists and places nothing of."""
    import docx

    from generator.content.load import parse_report
    from generator.importer import draft, strip_unplaced
    from generator.importer.read import COMMENT, Hidden

    document = docx.Document()
    document.add_paragraph("中共某县委老干部局2024年度部门整体支出绩效自评报告")
    para = document.add_paragraph("2024年度本部门年初预算262.00万元，全年预算275.30万元，全年执行270.89万元，"
                                  "预算执行率98.40%。")
    document.add_comment(para.runs, text="9月份追加的7.40万元是否已全部支出？请于3月20日前回复。", author="张某某",
                         initials="ZMM")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "全年执行数"
    table.cell(1, 0).text, table.cell(1, 1).text = "项目支出", "108.62"
    document.add_comment(table.cell(1, 1).paragraphs[0].runs, text="与财务系统的112.40不一致。", author="绩效股")
    document.add_paragraph("经自评，本部门自评得分95.79分。")
    path = tmp_path / "自评报告.docx"
    document.save(path)
    text, blocks = read_path(path)
    notes = [b for b in blocks if isinstance(b, Hidden)]
    assert [(b.text, b.why) for b in notes] == [
        ("批注（张某某）：9月份追加的7.40万元是否已全部支出？请于3月20日前回复。", COMMENT),
        ("批注（绩效股）：与财务系统的112.40不一致。", COMMENT)]
    assert [type(b).__name__ for b in blocks] == ["Para", "Para", "Hidden", "Grid", "Hidden", "Para"]
    assert all(text[b.start:b.start + len(b.text)] == b.text for b in notes)
    assert not any("7.40" in b.text or "112.40" in b.text for b in blocks if isinstance(b, Para))
    result = draft(blocks, 2024)
    placed = strip_unplaced(result.yaml)
    assert "7.40" not in placed and "112.40" not in placed and "3月20日" not in placed
    parse_report(placed)


def test_a_word_web_pages_comments_are_kept_apart_and_their_marks_left_out(tmp_path):
    """Word's 另存为网页 (and its 单个文件网页) writes a comment as a mark in the text, `[ZMM1]` (the
    reviewer's initials and the comment's number), and the comment itself in a list at the end of
    the page: the mark is no part of the sentence, the comment no part of the report."""
    from generator.importer.read import COMMENT, Hidden

    page = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"></head><body>"
            "<div class=WordSection1><p class=MsoNormal>部门整体支出绩效自评报告</p>"
            "<p class=MsoNormal>全年执行270.89万元。<a class=msocomanchor id=\"_anchor_1\" href=\"#_msocom_1\" "
            "name=\"_msoanchor_1\">[ZMM1]</a><span class=MsoCommentReference>&nbsp;</span></p></div>"
            "<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff size=1>"
            "<![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id=\"_com_1\" "
            "class=msocomtxt><![endif]><div><![if !supportAnnotations]><a name=\"_msocom_1\"></a><![endif]>"
            "<p class=MsoCommentText><span class=MsoCommentReference><![if !supportAnnotations]>"
            "<a class=msocomoff href=\"#_msoanchor_1\">[ZMM1]</a><![endif]></span>追加的7.40万元是否已全部支出？</p>"
            "</div><![if !supportAnnotations]></div><![endif]></div></div></body></html>")
    path = tmp_path / "自评报告.htm"
    path.write_text(page, encoding="utf-8")
    _, blocks = read_path(path)
    assert [(type(b).__name__, b.text) for b in blocks] == [
        ("Para", "部门整体支出绩效自评报告"), ("Para", "全年执行270.89万元。"),
        ("Hidden", "批注：追加的7.40万元是否已全部支出？")]
    assert isinstance(blocks[-1], Hidden) and blocks[-1].why == COMMENT


_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def test_an_opendocument_spreadsheets_rows_are_as_wide_as_its_sheet_as_a_workbooks_are(tmp_path):
    """A 10号 form saved as .ods (信创 office suites' default): a row ends at its last cell with text
    (其中：当年财政拨款 leaves 分值 and 得分 blank), where openpyxl gives every row of an .xlsx the
    sheet's width. Read row for row as the same form saved as .xlsx, its funding block drafts the same."""
    import openpyxl

    from generator.content.load import parse_report
    from generator.importer import draft, strip_unplaced

    rows = [["项目支出绩效自评表"], ["（2025年度）"],
            ["项目名称", "内河航道养护项目"],
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "180.00", "198.50", "191.84", "10", "96.64%", "9.66"],
            ["", "其中：当年财政拨款", "180.00", "186.00", "179.34", "", "96.42%"],
            ["", "上年结转资金", "0.00", "12.50", "12.50", "", "100.00%"],
            ["", "其他资金"]]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    xlsx = tmp_path / "项目支出绩效自评表.xlsx"
    book.save(xlsx)

    def cell(text: str) -> str:
        return f"<table:table-cell><text:p>{text}</text:p></table:table-cell>" if text else "<table:table-cell/>"

    body = "".join(f"<table:table-row>{''.join(cell(c) for c in row)}"
                   '<table:table-cell table:number-columns-repeated="1016"/></table:table-row>' for row in rows)
    ods = tmp_path / "项目支出绩效自评表.ods"
    with zipfile.ZipFile(ods, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
                         f'<office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table>'
                         "</office:spreadsheet></office:body></office:document-content>")
    assert read_path(ods) == read_path(xlsx)
    project, = parse_report(strip_unplaced(draft(read_path(ods)[1], 2025).yaml)).project_performance
    execution = project.budget_execution
    assert [str(s.value) for s in execution.actual.statements] == ["191.84"]
    assert [str(s.value) for s in execution.score.statements] == ["9.66"]


def test_a_report_with_no_title_line_is_titled_by_its_files_name_and_the_draft_says_so(tmp_path):
    """The 一体化 system's CSV export is one header row and its rows: no title line. The document's
    title is then the file's name without its suffix (what the department published it as), never
    empty (the year file would not check), and the draft's comment says where it came from."""
    from generator.content.load import parse_report
    from generator.importer import draft, import_report, strip_unplaced

    csv = ('"序号","项目名称","全年预算数（万元）","全年执行数（万元）","执行率","自评得分"\r\n'
           '"1","全民健身工程设施维护","86.00","83.42","97.00%","96.50"\r\n'
           '"2","县第十届运动会","1,132.50","1,128.64","99.66%","95.20"\r\n')
    path = tmp_path / "项目支出绩效自评结果.csv"
    path.write_bytes(csv.encode("gbk"))
    import_report(path, tmp_path / "content", "yupu-tyzx", 2022)
    year = (tmp_path / "content/departments/yupu-tyzx/2022.yaml").read_text(encoding="utf-8")
    assert "title: 项目支出绩效自评结果  # 原文没有标题行，标题取自文件名“项目支出绩效自评结果.csv”" in year
    assert parse_report(strip_unplaced(year)).documents[0].title == "项目支出绩效自评结果"
    _, blocks = read_path(path)
    (document,) = parse_report(strip_unplaced(draft(blocks, 2022).yaml)).documents  # (no file named)
    assert document.title == "绩效自评报告"


def test_a_strict_package_is_copied_only_within_the_unpacked_size_limit(tmp_path):
    """The Transitional copy is made in memory: a package that unpacks to more than the limit is
    not copied (the reader refuses it, or passes over an embedded one, as before)."""
    import openpyxl

    from generator.importer.strict import transitional

    path = tmp_path / "决算公开表.xlsx"
    openpyxl.Workbook().save(path)
    _as_strict(path)
    unpacked = sum(member.file_size for member in zipfile.ZipFile(path).infolist())
    copy = transitional(str(path), unpacked)
    assert copy is not None and b"purl.oclc.org" not in zipfile.ZipFile(copy).read("xl/workbook.xml")
    assert transitional(str(path), unpacked - 1) is None
