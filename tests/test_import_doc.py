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

from generator.importer import ImportRefused, draft, worddoc
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


def _stream_write(data: bytearray, name: str, at: int, value: bytes) -> None:
    """Bytes of a stream in the regular sectors of a compound file overwritten in place."""
    compound = Compound(bytes(data))
    start = compound.entries[compound.streams()[name]][2]
    chain = compound._chain(start, compound.fat, compound.sectors)
    for k, byte in enumerate(value):
        sector, offset = divmod(at + k, compound.size)
        data[(chain[sector] + 1) * compound.size + offset] = byte


def _relabelled(lvl: bytes, nfc: int, text: str, places: list[int]) -> bytes:
    """An LVL of a list ([MS-DOC] LVLF, its properties, its number text) with another number format
    and number text (`places`: the 1-based places of its placeholders)."""
    properties = 28 + lvl[24] + lvl[25]
    head = lvl[:4] + bytes([nfc]) + lvl[5:6] + bytes(places).ljust(9, b"\0") + lvl[15:properties]
    return head + struct.pack("<H", len(text)) + text.encode("utf-16-le")


def _76_with_chinese_numbers(tmp_path: Path) -> Path:
    """heldout12 76 as a .doc whose headings' list numbers as the .docx's: LibreOffice took the
    .docx's list for its first w:num of the id the headings name (the id is given twice) and wrote
    1. at both levels; here that list's first levels are 一、 and （一） in Chinese counting, as
    Word writes such a list (the bytes after them as long as before)."""
    data = bytearray((DOCS / "76-qinchuan-zgh-dept-docx.doc").read_bytes())
    compound = Compound(bytes(data))
    word = compound.read("WordDocument")
    table = compound.read("1Table")
    assert word is not None and table is not None
    csw, = struct.unpack_from("<H", word, 32)
    cslw, = struct.unpack_from("<H", word, 34 + 2 * csw)
    fclcb = 34 + 2 * csw + 2 + 4 * cslw + 2
    fc, = struct.unpack_from("<I", word, fclcb + 8 * 73)
    count, = struct.unpack_from("<h", table, fc)
    assert count == 7
    at = fc + 2 + 28 * count
    for _ in range(5 * 9):  # the LVLs of the first five lists
        at = worddoc._level(table, at)[1]
    levels = []
    for _ in range(3):
        end = worddoc._level(table, at)[1]
        levels.append(table[at:end])
        at = end
    assert [lvl[4] for lvl in levels] == [0, 0, 0] and [lvl[-4:] for lvl in levels] == [b"\0\0.\0", b"\1\0.\0",
                                                                                       b"\2\0.\0"]
    new = (_relabelled(levels[0], 37, "\x00、", [1]) + _relabelled(levels[1], 37, "（\x01）", [2]) +
           _relabelled(levels[2], 0, "\x02", [1]))
    assert len(new) == sum(map(len, levels))
    _stream_write(data, "1table", at - len(new), new)
    path = tmp_path / "76.doc"
    path.write_bytes(bytes(data))
    return path


def test_a_docs_list_numbers_are_drawn_as_its_lists_say():
    """heldout12 76's headings are paragraphs of a Word list (sprmPIlfo, sprmPIlvl), their numbers
    not in their text. As LibreOffice saved it, the list draws %1. at level 0 and %2. at level 1:
    counted per level, the second level starting again under each heading of the first."""
    lines = read_path(DOCS / "76-qinchuan-zgh-dept-docx.doc")[0].splitlines()
    numbered = [line for line in lines if line[:2] in {f"{n}." for n in range(1, 10)}]
    assert numbered[:6] == ["1.部门（单位）基本情况", "1.部门职能", "2.机构和人员情况", "3.部门预算收支情况",
                            "2.部门整体支出绩效目标", "3.绩效自评工作开展情况"]
    assert "1.投入情况分析" in numbered and "6.存在的问题及改进措施" in numbered


def test_a_docs_list_in_chinese_counting_reads_as_the_docx(tmp_path):
    """With its list's levels 一、 and （一） (Chinese counting, nfc 37), 76 reads as its .docx: the
    numbers the .docx reader draws from numbering.xml, the same blocks."""
    docx_text, docx_blocks = read_path(docx_of("76-qinchuan-zgh-dept-docx"))
    assert "一、部门（单位）基本情况\n（一）部门职能\n" in docx_text and "六、存在的问题及改进措施" in docx_text
    doc_text, doc_blocks = read_path(_76_with_chinese_numbers(tmp_path))
    assert doc_text == docx_text
    assert doc_blocks == docx_blocks


def _list_level(nfc: int, text: str, places: list[int], info: int = 0, restart_limit: int = 0) -> bytes:
    """An LVL: LVLF (starting at 1, no properties) and its number text."""
    lvlf = struct.pack("<iBB9sB", 1, nfc, info, bytes(places).ljust(9, b"\0"), 0) + bytes(8)
    return lvlf + bytes([0, 0, restart_limit, 0]) + struct.pack("<H", len(text)) + text.encode("utf-16-le")


def test_a_docs_lists_count_as_word_counts():
    """[MS-DOC] lists read from their bytes: 一、 / （一） in Chinese counting, a third level of
    1. that never restarts (fNoRestart, ilvlRestartLim 0), a bullet level drawing nothing, and a
    second instance of the list (LFO) whose start override (fStartAt) restarts it at 五、."""
    levels = [_list_level(37, "\x00、", [1]), _list_level(37, "（\x01）", [2]), _list_level(0, "\x02.", [1], 0x08),
              _list_level(23, "\uf0b7", [])] + [_list_level(0, f"{chr(k)}.", [1]) for k in range(4, 9)]
    lists = struct.pack("<hiI18sBB", 1, 77, 0, bytes(18), 0, 0)
    instances = (struct.pack("<IiiiBBBB", 2, 77, 0, 0, 0, 0, 0, 0) + struct.pack("<iiiBBBB", 77, 0, 0, 1, 0, 0, 0) +
                 struct.pack("<I", 0) + struct.pack("<IiI", 0, 5, 0x10))
    word_lists = worddoc._Lists(lists + b"".join(levels), lists, 0, instances)

    def label(ilfo: int, level: int) -> str:
        return word_lists.label([(0x460B, struct.pack("<h", ilfo)), (0x260A, bytes([level]))])

    drawn = [label(1, 0), label(1, 1), label(1, 2), label(1, 1), label(1, 2), label(1, 3), label(1, 0), label(1, 1),
             label(1, 2), label(2, 0), label(2, 0), label(0, 0), label(3, 0)]
    assert drawn == ["一、", "（一）", "1.", "（二）", "2.", "", "二、", "（一）", "3.", "五、", "六、", "", ""]


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
