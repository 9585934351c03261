"""Word 97–2003 documents (.doc): read as the .docx they were saved from, and refused in one line
when they cannot be read (encrypted, Word 6.0/95, damaged, no Word document inside, no text).

The .doc files (tests/fixtures/import/doc/, its README) are .docx fixtures saved as .doc by
LibreOffice; the tests need only the committed files.
"""

from __future__ import annotations

import random
import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.importer import ImportRefused, draft
from generator.importer.cfb import Compound
from generator.importer.read import Grid, Hidden, read_path
from tests.test_import_fuzz import LIMIT, deadline

FIXTURES = Path(__file__).parent / "fixtures" / "import"
DOCS = FIXTURES / "doc"

#: The reports whose .doc reads into the very blocks of its .docx (the others differ where
#: LibreOffice wrote the .doc differently, or where the reader leaves something out: the README).
SAME = ["02-yunchuan-scjg-final-docx", "06-boxi-wlj-project-docx", "10-yuling-nyncj-projects-docx",
        "15-wuling-jyj-project-docx", "16-lianyu-cgj-narrative-docx", "19-qigang-zyy-dept-narrative-docx",
        "23-weiting-zjj-dept-eval-docx", "26-yudong-jyj-mixed-docx", "31-lichuan-ggzy-dept-eval-form-docx",
        "34-guiyan-zrzy-final-fund-yuan-docx", "35-baiyanghe-lcj-final-xinjiang-docx",
        "40-yunxi-cdc-final-hubei-2020-docx", "45-jinchuan-school-final-nested-docx",
        "52-leiwan-gxs-dept-eval-guangdong-docx", "55-yongchuan-wgtl-final-guangxi-tabs-docx",
        "69-pulan-rmyy-final-docx", "71-tiaochuan-mzj-project-docx", "85-yichuan-dx-final-docx",
        "90-chaxi-jwjw-final-docx", "109-tanxi-hws-project-docx"]
#: Read on every run; the others are slow.
QUICK = {"02-yunchuan-scjg-final-docx", "10-yuling-nyncj-projects-docx", "45-jinchuan-school-final-nested-docx",
         "71-tiaochuan-mzj-project-docx", "85-yichuan-dx-final-docx"}


def docx_of(name: str) -> Path:
    return next(p for p in FIXTURES.glob(f"*/{name}/*.docx") if p.parent.parent.name != "heldout20")


@pytest.mark.parametrize("name", [n if n in QUICK else pytest.param(n, marks=pytest.mark.slow) for n in SAME])
def test_a_doc_reads_as_the_docx_it_was_saved_from(name):
    """The same text and the same blocks: paragraphs, and tables cell by cell on the same grid
    (merged header cells, vertical merges, a table in a table read as what it holds)."""
    docx_text, docx_blocks = read_path(docx_of(name))
    doc_text, doc_blocks = read_path(DOCS / f"{name}.doc")
    assert doc_blocks == docx_blocks
    assert doc_text == docx_text


def _shape(blocks):
    """Blocks as what they hold, offsets left out, reviewers' comments (Hidden 批注 blocks) dropped."""
    out = []
    for b in blocks:
        if isinstance(b, Grid):
            out.append(tuple(tuple(c.text for c in row) for row in b.rows))
        elif not (isinstance(b, Hidden) and b.why.startswith("批注")):
            out.append((type(b).__name__, b.text))
    return out


def test_a_doc_reads_as_its_docx_but_for_the_reviewers_comments():
    """heldout19 111 keeps reviewers' comments (批注): the .docx reader keeps them aside after their
    paragraphs; the .doc reader does not read a .doc's annotations yet, and reads the rest the same."""
    name = "111-jingtang-lgj-dept-docx"
    docx_blocks = read_path(docx_of(name))[1]
    doc_blocks = read_path(DOCS / f"{name}.doc")[1]
    assert any(isinstance(b, Hidden) and b.why.startswith("批注") for b in docx_blocks)
    assert _shape(doc_blocks) == _shape(docx_blocks)


def test_a_doc_table_keeps_its_merged_cells_on_the_grid():
    """dev 02's 公开03表: 项目 over 科目编码 | 科目名称, 本年支出 over 小计 | 基本 | 项目: a header
    cell spanning columns is followed by empty ones, every row as wide as the table's grid."""
    _, blocks = read_path(DOCS / "02-yunchuan-scjg-final-docx.doc")
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) >= 9
    header = next(g for g in grids if any(c.text == "本年支出合计" for c in g.rows[0]) or
                  any(c.text == "本年支出合计" for c in g.rows[1]))
    texts = [[c.text for c in row] for row in header.rows]
    assert any(row[:2] == ["项目", ""] for row in texts), texts[:3]


def test_a_doc_drafts_the_same_figures_as_its_docx():
    """The draft from a .doc is the draft from its .docx (dev 10: three projects' 自评表)."""
    name = "10-yuling-nyncj-projects-docx"
    docx = draft(read_path(docx_of(name))[1], 2023)
    doc = draft(read_path(DOCS / f"{name}.doc")[1], 2023)
    assert doc.yaml == docx.yaml


def test_a_real_word_97_file_reads():
    """olefile's sample, saved by Word itself (English, one paragraph, no table)."""
    text, blocks = read_path(DOCS / "olefile" / "test-ole-file.doc")
    assert text == "Test OLE file, saved as Word 97-2003 Document.\n"
    assert len(blocks) == 1


def test_a_docs_text_boxes_are_read_where_they_are_anchored():
    """heldout14 90: each 公开表 stands in a text box anchored in an empty paragraph after its
    title page; a .doc keeps the boxes' text in a story of its own after the main text. Each box's
    paragraphs and table are read after the paragraph holding its anchor, as the .docx reader
    reads a w:txbxContent; the empty frames LibreOffice writes beside each box add nothing."""
    text, blocks = read_path(DOCS / "90-chaxi-jwjw-final-docx.doc")
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) == 9
    lines = text.splitlines()
    part = lines.index("第二部分\u30002023年度部门决算表", 30)
    assert [line for line in lines[part + 1:part + 8] if line][:4] == ["收入支出决算总表", "公开01表",
                                                                        "部门：中共槎溪县纪律检查委员会", "单位：万元"]
    assert any(c.text == "2695.63" for row in grids[0].rows for c in row)


def _word_stream_at(data: bytes) -> int:
    """Where the WordDocument stream starts in the file (it is big enough to be in the regular sectors)."""
    compound = Compound(data)
    entry = compound.entries[compound.streams()["worddocument"]]
    return (entry[2] + 1) * compound.size


def _patched(tmp_path: Path, name: str, at: int, value: bytes, suffix: str = ".doc") -> Path:
    data = bytearray((DOCS / "06-boxi-wlj-project-docx.doc").read_bytes())
    start = _word_stream_at(bytes(data))
    data[start + at:start + at + len(value)] = value
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(bytes(data))
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_path(path)
    message = str(refused.value)
    assert "\n" not in message and path.name in message
    return message


def test_an_encrypted_doc_is_refused(tmp_path):
    data = (DOCS / "06-boxi-wlj-project-docx.doc").read_bytes()
    flags = struct.unpack_from("<H", data, _word_stream_at(data) + 0x0A)[0]
    path = _patched(tmp_path, "encrypted", 0x0A, struct.pack("<H", flags | 0x0100))
    assert "加密" in _refused(path)


def test_a_word_95_doc_is_refused(tmp_path):
    path = _patched(tmp_path, "word95", 2, struct.pack("<H", 104))  # Word 95's nFib
    assert "Word 6.0/95" in _refused(path)


def test_a_doc_without_text_is_refused():
    """LibreOffice saves an empty document of a .docx whose report is all one imported chunk (heldout16's 95)."""
    assert "没有文字" in _refused(DOCS / "95-qichuan-fy-final-docx.doc")


@pytest.mark.parametrize("data, words", [
    (b"\xd0\xcf\x11\xe0", "不是 OLE2 复合文档"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "复合文档已损坏"),
    (b"\x00" * 600, "不是 OLE2 复合文档"),
])
def test_a_damaged_doc_is_refused(tmp_path, data, words):
    path = tmp_path / "r.doc"
    path.write_bytes(data)
    assert words in _refused(path)


def test_a_compound_file_of_another_program_is_refused(tmp_path):
    """An Excel 97–2003 workbook under the name .doc: no Word document in it; under the name .wps (a
    WPS file of its own format looks so) as an old format, as before."""
    workbook = FIXTURES / "formats" / "05-project.xls"
    shutil.copyfile(workbook, tmp_path / "r.doc")
    assert "没有 Word 文档" in _refused(tmp_path / "r.doc")
    shutil.copyfile(workbook, tmp_path / "r.wps")
    assert "旧版 .wps" in _refused(tmp_path / "r.wps")
    shutil.copyfile(workbook, tmp_path / "r.et")
    assert "旧版 .et" in _refused(tmp_path / "r.et")


def test_a_wps_file_that_is_a_word_document_reads(tmp_path):
    """WPS 文字 saves Word 97–2003 documents under the name .wps: read as the .doc they are."""
    source = DOCS / "06-boxi-wlj-project-docx.doc"
    shutil.copyfile(source, tmp_path / "r.wps")
    assert read_path(tmp_path / "r.wps") == read_path(source)


def test_other_formats_under_the_name_doc_read_as_what_they_are(tmp_path):
    """A .docx and an RTF file saved under the name .doc (Word and WPS both do so)."""
    docx = docx_of("06-boxi-wlj-project-docx")
    shutil.copyfile(docx, tmp_path / "r.doc")
    assert read_path(tmp_path / "r.doc") == read_path(docx)
    (tmp_path / "t.doc").write_bytes(b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 \\'ca\\'d5\\'c8\\'eb 848.4\\par}")
    assert "848.4" in read_path(tmp_path / "t.doc")[0]


def damaged(data: bytes, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out = [data[:rng.randrange(1, len(data))] for _ in range(3)]
    for _ in range(6):
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 32)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        out.append(bytes(flipped))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["06-boxi-wlj-project-docx.doc", "45-jinchuan-school-final-nested-docx.doc",
                        "olefile/test-ole-file.doc"]),
       st.integers(min_value=0, max_value=2**32 - 1))
def test_a_cut_or_corrupted_doc_is_read_or_refused_in_one_line(tmp_path_factory, name, seed):
    """Cut at random points, bytes overwritten at random places: read, or refused in one line,
    never a traceback or a hang."""
    folder = tmp_path_factory.mktemp("doc")
    for n, data in enumerate(damaged((DOCS / name).read_bytes(), seed)):
        path = folder / f"{n}.doc"
        path.write_bytes(data)
        try:
            with deadline(LIMIT):
                _, blocks = read_path(path)
                draft(blocks, 2023)
        except ImportRefused as refused:
            assert "\n" not in str(refused)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1), st.binary(min_size=1, max_size=64))
def test_any_bytes_in_a_docs_structures_are_read_or_refused(tmp_path_factory, at, run):
    """Bytes written over the FIB, the piece table, the paragraph properties or the directory of a
    real .doc (where a damaged file does harm): read or refused in one line, within the time limit."""
    data = bytearray((DOCS / "06-boxi-wlj-project-docx.doc").read_bytes())
    compound = Compound(bytes(data))
    word = _word_stream_at(bytes(data))
    table = compound.entries[compound.streams()["1table"]]
    places = [word + at % 1024, (table[2] + 1) * compound.size + at % table[3], at % len(data), 512 + at % 1024]
    start = places[at % len(places)]
    data[start:start + len(run)] = run
    path = tmp_path_factory.mktemp("doc") / "r.doc"
    path.write_bytes(bytes(data))
    try:
        with deadline(LIMIT):
            read_path(path)
    except ImportRefused as refused:
        assert "\n" not in str(refused)
