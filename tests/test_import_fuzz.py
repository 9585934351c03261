"""No input makes the importer fail with a traceback or hang: damaged Word, Excel and PDF files
are refused in one line, and any text drafts.

The damaged files are the development fixtures (tests/fixtures/import/dev/) cut short at many
points and with bytes overwritten; the texts come from hypothesis, built from what reports are
made of (digits, CJK, tabs, pipes, 单位 lines, table titles, units).
"""

from __future__ import annotations

import random
import signal
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer import ImportRefused, draft
from generator.importer.read import read_path, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "import" / "dev"
BINARY = sorted([p for folder in FIXTURES.iterdir() for p in folder.iterdir()
                 if p.suffix in (".docx", ".xlsx", ".pdf")] + [FIXTURES.parent / "formats" / "05-project.xls"])
#: Seconds one damaged file may take to be read or refused.
LIMIT = 20


@contextmanager
def deadline(seconds: int):
    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def damaged(data: bytes, seed: int) -> list[tuple[str, bytes]]:
    """The file cut short at eight points, and with runs of bytes overwritten at eight places."""
    rng = random.Random(seed)
    out = [(f"cut at {n}/8", data[: len(data) * n // 8]) for n in range(1, 8)]
    out.append(("cut one byte short", data[:-1]))
    for k in range(8):
        at = rng.randrange(len(data))
        run = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        out.append((f"overwritten at {at}", data[:at] + run + data[at + len(run):]))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("source", BINARY, ids=[p.parent.name + p.suffix for p in BINARY])
def test_a_damaged_file_is_read_or_refused_in_one_line(tmp_path, source):
    data = source.read_bytes()
    for n, (how, bytes_) in enumerate(damaged(data, seed=len(data))):
        path = tmp_path / f"{n}{source.suffix}"
        path.write_bytes(bytes_)
        try:
            with deadline(LIMIT):
                text, blocks = read_path(path)
                draft(blocks, 2023)
        except ImportRefused as refused:
            message = str(refused)
            assert message and "\n" not in message and "Traceback" not in message, (how, message)
        except Exception as err:  # anything else is a traceback for the person at the terminal
            raise AssertionError(f"{source.name} {how}: {type(err).__name__}: {err}") from err


def _other_formats(folder: Path) -> list[Path]:
    """A small report in each format read without a fixture of its own: OFD, .odt, .ods, .rtf and
    a PDF converted to a web page (written as their tests in test_import_formats write them)."""
    from tests.test_import_formats import _odf, _ofd, _ofd_text, _pdf2html, _rtf_gbk

    rows = [("项目", "年初预算数", "全年预算数"), ("支出合计", "486.20", "558.60"), ("基本支出", "318.60", "326.80")]
    ruling = ['<ofd:PathObject ID="7" Boundary="20 55 60 8"><ofd:AbbreviatedData>M 0 0 L 60 0 L 60 8 L 0 8 C'
              "</ofd:AbbreviatedData></ofd:PathObject>", '<ofd:PathObject ID="8" Boundary="80 55 60 8">'
              "<ofd:AbbreviatedData>M 0 0 L 60 0 L 60 8 L 0 8 C</ofd:AbbreviatedData></ofd:PathObject>"]
    ofd = _ofd(folder / "s.ofd", [[*ruling, _ofd_text(25, 40, "一、部门整体支出情况"),
                                   *(_ofd_text(x, 60 + 8 * n, cell, 3.2, each=n == 1, ctm=n == 2)
                                     for n, row in enumerate(rows) for x, cell in zip((25, 70, 110), row))]],
               template=_ofd_text(80, 12, "某县某局2023年度部门决算"))
    cells = "".join("<table:table-row>" + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>"
                                                  for c in row) + "</table:table-row>" for row in rows)
    odt = _odf(folder / "s.odt", f"<text:h>一、部门整体支出情况</text:h><table:table>{cells}</table:table>", "text")
    ods = _odf(folder / "s.ods", f'<table:table table:name="表1">{cells}</table:table>', "spreadsheet")
    rtf = folder / "s.rtf"
    rtf.write_bytes(("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 x;}}\\pard " + _rtf_gbk("一、部门整体支出情况")
                     + "\\par " + "".join("\\trowd\\cellx2000\\cellx4000\\cellx6000\\pard\\intbl "
                                          + "".join(_rtf_gbk(c) + "\\cell " for c in row) + "\\row " for row in rows)
                     + "}").encode("ascii"))
    page = "".join(f'<div class="t m0 x1 y{n} fs0">' + '<span class="_ _1"> </span>'.join(row) + "</div>"
                   for n, row in enumerate(rows))
    html = folder / "s.html"
    html.write_text(_pdf2html([page], "._1{width:40px;}.x1{left:60px;}.y0{bottom:700px;}.y1{bottom:680px;}"
                                      ".y2{bottom:660px;}"), encoding="utf-8")
    sheet = folder / "s.xls"
    sheet.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                     'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表1"><Table>'
                     + "".join("<Row>" + "".join(f'<Cell ss:MergeAcross="{n % 2}"><Data ss:Type="String">{c}</Data></Cell>'
                                                for n, c in enumerate(row)) + "</Row>" for row in rows)
                     + "</Table></Worksheet></Workbook>", encoding="utf-8")
    bundle = folder / "s.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("说明.rtf", rtf.read_bytes())
        archive.writestr("表.xls", sheet.read_bytes())
    return [ofd, odt, ods, rtf, html, sheet, bundle]


@pytest.mark.slow
def test_damaged_files_of_the_other_formats_are_read_or_refused_in_one_line(tmp_path):
    for source in _other_formats(tmp_path):
        data = source.read_bytes()
        for n, (how, bytes_) in enumerate(damaged(data, seed=len(data))):
            path = tmp_path / f"{n}{source.suffix}"
            path.write_bytes(bytes_)
            try:
                with deadline(LIMIT):
                    _, blocks = read_path(path)
                    draft(blocks, 2023)
            except ImportRefused as refused:
                message = str(refused)
                assert message and "\n" not in message and "Traceback" not in message, (how, message)
            except Exception as err:  # anything else is a traceback for the person at the terminal
                raise AssertionError(f"{source.name} {how}: {type(err).__name__}: {err}") from err


REPORT_PIECES = st.sampled_from([
    "收入支出决算总表", "公开01表", "表三", "附表2", "单位：万元", "金额单位：元", "部门：某县某局", "注：本表反映",
    "项目", "行次", "栏次", "科目编码", "科目名称", "合计", "本年收入合计", "基本支出", "项目支出", "“三公”经费",
    "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分", "三级指标", "年度指标值", "实际完成值",
    "项目名称", "其中：", "与上年对比情况", "各增加", "共计支出", "满分", "（一）", "一、", "1.", "≥", "%", "％",
    "万元", "元", "人次", "辆", "起", "—", "/", "~", "|", "||", "\t", "\t\t", "\n", "\n\n", " ", "　", "，", "。",
    "：", "；", "0", "0.00", "12.5", "2023", "2,650.00", "26,500,000.00", "-16.46", "100.00%", "2010101", "208",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(REPORT_PIECES, max_size=120).map("".join))
def test_any_text_of_report_pieces_drafts_without_error(text):
    with deadline(LIMIT):
        result = draft(read_text(text), 2023)
    assert result.yaml.startswith("# yaml-language-server")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_at_all_drafts_without_error(text):
    with deadline(LIMIT):
        draft(read_text(text.replace("\r", "\n")), 2023)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="+-=| 　收入12.3\t", max_size=60), min_size=1, max_size=40))
def test_broken_grid_tables_read_without_error(lines):
    """Corners, bars and rules in any order: read as a table or as text, never an error or a hang."""
    from generator.importer.gridtext import read_grid_text

    text = "+--+--+\n|  |  |\n" + "\n".join(lines)
    kept, blocks = read_grid_text(text)
    assert isinstance(kept, str)


HTML_PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "</head>", "<body>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>",
    "<th>", "<td colspan=3>", "<td rowspan=99999>", "<td colspan=x>", "<td rowspan=-2>", "<p>", "</p>", "<br>",
    "<style>", "</style>", "<script>", "<!--", "-->", "<![endif]-->", "&nbsp;", "&#x0;", "&#12;", "&amp", "<o:p>",
    "收入合计", "848.4", "万元", "项目", "公开01表", "\n", "\x0c", "<", ">", "\"", "'",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_PIECES, max_size=150).map("".join))
def test_any_web_page_of_report_pieces_reads_or_is_refused_in_one_line(text):
    """A page cut short, tags left open, spans of nonsense or of a hundred thousand rows, control
    characters: read as a page or refused in one line, never a traceback or a hang."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.doc"
        path.write_text("<html>" + text, encoding="utf-8")
        try:
            with deadline(LIMIT):
                _, blocks = read_path(path)
                draft(blocks, 2023)
        except ImportRefused as refused:
            assert "\n" not in str(refused)


PDF_PAGE_PIECES = st.sampled_from([
    '<div class="pf w0 h0">', '<div class="t m0 x1 y1 fs0">', '<div class="t m1 x2 y2 fs1">', '<div class="t x3">',
    '<span class="_ _1"> </span>', '<span class="_ _2"></span>', '<span class="fs1">', "</span>", "</div>",
    "<style>", "</style>", ".x1{left:", ".y1{bottom:", ".fs0{font-size:", "._1{width:", ".m1{transform:matrix(",
    "0.25,0,0,0.25,0,0)", "1e99", "-3", "nan", "12.5", "px;}", "pt;}", "}", "@media print{", "收入合计", "848.4",
    "项目", "三级指标", "分）", "\n", " ",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PDF_PAGE_PIECES, max_size=150).map("".join))
def test_any_page_of_placed_lines_reads_or_is_refused_in_one_line(text):
    """A page as pdf2htmlEX writes a PDF, of pieces in any order and any numbers in its rules."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.html"
        path.write_text('<html><meta name="generator" content="pdf2htmlEX"/>' + text, encoding="utf-8")
        try:
            with deadline(LIMIT):
                _, blocks = read_path(path)
                draft(blocks, 2023)
        except ImportRefused as refused:
            assert "\n" not in str(refused)


def test_a_huge_block_of_corners_is_given_up_on_not_scanned_for_ever():
    from generator.importer.gridtext import read_grid_text

    text = "+--+--+\n|  |  |\n" + "\n".join(["+" * 400] * 400)
    with deadline(60):
        kept, blocks = read_grid_text(text)
    assert kept and blocks


def test_control_characters_in_a_text_file_give_a_draft_that_loads(tmp_path):
    """pdftotext's form feed between pages, a vertical tab, C1 controls, line and paragraph
    separators: the kept text reads them as breaks or spaces, and the draft's YAML escapes what
    it keeps, so the draft loads (a form feed once made every draft of such a file unreadable)."""
    import yaml

    from generator.importer import draft_text

    text = ("\x0c一、部门预算执行情况\n2023年收入合计1234.56万元\x0b，支出合计1200.00万元。\n"
            "\x0c二、项目\x85情况\u2028项目名称：农村\x1f公路养护\u2029项目，全年预算100.00万元。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    kept, blocks = read_path(path)
    assert "\x0c" not in kept and "\x0b" not in kept and len(kept) == len(text)
    result = draft_text(text, 2023)
    loaded = yaml.safe_load(result.yaml)
    assert loaded is not None
