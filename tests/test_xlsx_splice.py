"""Workbooks spliced from per-report compressed pieces (issue 18): crc32_combine, the ZIP
container, and the same cells as the old writer (tests/legacy_xlsx.py) made them."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from generator.outputs import xlsx

ROOT = Path(__file__).resolve().parent.parent


# --- crc32_combine ----------------------------------------------------------------------------------


def _reference_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine_ (1.2.11) as it is written there: the zero-bit operator squared again
    on every call, nothing kept."""
    def times(mat, vec):
        total, n = 0, 0
        while vec:
            if vec & 1:
                total ^= mat[n]
            vec >>= 1
            n += 1
        return total

    def square(mat):
        return [times(mat, mat[n]) for n in range(32)]

    if len2 <= 0:
        return crc1 ^ crc2 if len2 == 0 else crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = square(odd)
    odd = square(even)
    while True:
        even = square(odd)
        if len2 & 1:
            crc1 = times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = square(even)
        if len2 & 1:
            crc1 = times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _polynomial_combine(crc1: int, crc2: int, len2: int) -> int:
    """The same by another way: crc1 times x**(8 * len2) modulo the CRC polynomial (bit-reflected
    arithmetic, as zlib 1.2.12's multmodp and x2nmodp), x**n by squaring."""
    def multiply(a: int, b: int) -> int:
        m, p = 1 << 31, 0
        while True:
            if a & m:
                p ^= b
                if (a & (m - 1)) == 0:
                    return p
            m >>= 1
            b = (b >> 1) ^ 0xEDB88320 if b & 1 else b >> 1

    result, power, n = 1 << 31, 1 << 30, 8 * len2  # x**0, x**1
    while n:
        if n & 1:
            result = multiply(power, result)
        power = multiply(power, power)
        n >>= 1
    return multiply(result, crc1) ^ crc2


def test_crc32_combine_gives_the_crc_of_the_data_joined():
    rng = random.Random(18)
    lengths = [0, 1, 2, 3, 7, 8, 255, 256, 1000, 4096, 65_537, 300_001]
    for a_len in lengths:
        for b_len in lengths:
            a, b = rng.randbytes(a_len), rng.randbytes(b_len)
            assert xlsx.crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b), (a_len, b_len)
    # Many pieces in turn, as a sheet is put together.
    pieces = [rng.randbytes(rng.choice([0, 1, rng.randrange(1, 5000)])) for _ in range(300)]
    crc = 0
    for piece in pieces:
        crc = xlsx.crc32_combine(crc, zlib.crc32(piece), len(piece))
    assert crc == zlib.crc32(b"".join(pieces))


def test_crc32_combine_agrees_with_zlibs_method_at_any_length():
    rng = random.Random(4)
    big = [2**32 - 1, 2**32, 2**32 + 1, 5 * 2**30 + 12_345, 2**40 + 7, 2**63 + 2**33 + 5, 2**64 - 1]
    for len2 in [0, 1, 5, 1 << 20, *big, *(rng.randrange(2**64) for _ in range(20))]:
        crc1, crc2 = rng.randrange(2**32), rng.randrange(2**32)
        ours = xlsx.crc32_combine(crc1, crc2, len2)
        assert ours == _reference_combine(crc1, crc2, len2) == _polynomial_combine(crc1, crc2, len2), len2
    # Joining is associative, at lengths past 4 GiB too: (A+B)+C and A+(B+C).
    for _ in range(20):
        crcs = [rng.randrange(2**32) for _ in range(3)]
        lb, lc = rng.randrange(2**33, 2**36), rng.randrange(2**32, 2**35)
        left = xlsx.crc32_combine(xlsx.crc32_combine(crcs[0], crcs[1], lb), crcs[2], lc)
        right = xlsx.crc32_combine(crcs[0], xlsx.crc32_combine(crcs[1], crcs[2], lc), lb + lc)
        assert left == right
    # The CRC of 5 GiB of zeros, doubled up from one zero byte, against doubling by zlib's method.
    ours = theirs = zlib.crc32(b"\0")
    length = 1
    while length < 5 * 2**30:
        ours, theirs = xlsx.crc32_combine(ours, ours, length), _reference_combine(theirs, theirs, length)
        length *= 2
    assert ours == theirs
    assert xlsx.crc32_combine(zlib.crc32(b"\0" * 1024), zlib.crc32(b"\0" * 1024), 1024) == zlib.crc32(b"\0" * 2048)
    with pytest.raises(ValueError):
        xlsx.crc32_combine(0, 0, -1)


def test_pieces_compressed_apart_are_one_stream():
    rng = random.Random(1)
    texts = [bytes(rng.choice(b"<row>abc</row>0123") for _ in range(rng.randrange(0, 20_000))) for _ in range(50)]
    pieces = [xlsx.deflate(t) for t in texts]
    assert all(xlsx.inflate(p) == t for p, t in zip(pieces, texts))
    stream = b"".join(p.data for p in pieces) + zlib.compressobj(1, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    inflater = zlib.decompressobj(-15)
    assert inflater.decompress(stream) == b"".join(texts) and inflater.eof and not inflater.unused_data
    total = xlsx.extent(pieces)
    assert total == (zlib.crc32(b"".join(texts)), sum(map(len, texts)), sum(len(p.data) for p in pieces))


# --- the workbook, against the old writer ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tables():
    from _pytest.monkeypatch import MonkeyPatch

    from generator.outputs import data
    from generator.checks import check_content
    from generator.content.load import load_content
    from tests.legacy_xlsx import capture

    with MonkeyPatch.context() as mp:
        made = capture(mp, data)
        content = load_content(ROOT / "content")
        return data.build_tables(content, check_content(content)), made


@pytest.fixture(scope="module")
def synth_tables(tmp_path_factory):
    import importlib.util
    import sys

    from _pytest.monkeypatch import MonkeyPatch

    from generator.outputs import data
    from generator.checks import check_content
    from generator.content.load import load_content
    from tests.legacy_xlsx import capture

    spec = importlib.util.spec_from_file_location("benchmarks_synth", ROOT / "benchmarks" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = synth
    spec.loader.exec_module(synth)
    folder = tmp_path_factory.mktemp("x60")
    synth.generate(60, folder, seed=1)
    with MonkeyPatch.context() as mp:
        made = capture(mp, data)
        content = load_content(folder / "content")
        return data.build_tables(content, check_content(content)), made


def _cells(raw: bytes, read_only: bool) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), read_only=read_only)
    # Cell for cell: value and type (a string cell, a number); trailing empty cells do not count.
    out = {}
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = [(c.value, c.data_type if c.value is not None else None) for c in row]
            while cells and cells[-1][0] is None:
                cells.pop()
            rows.append(cells)
        out[ws.title] = rows
    return out


def _same_as_legacy(tables, made, read_only: bool) -> dict[str, list[list]]:
    from generator.outputs import data
    from tests.legacy_xlsx import legacy_xlsx

    new, old = data.xlsx_bytes(tables, 1_600_000_000), legacy_xlsx(data, tables, 1_600_000_000, made)
    got, expected = _cells(new, read_only), _cells(old, read_only)
    assert list(got) == list(expected)
    for name in expected:
        assert len(got[name]) == len(expected[name]), name
        assert got[name] == expected[name], name
    with zipfile.ZipFile(io.BytesIO(old)) as a, zipfile.ZipFile(io.BytesIO(new)) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if not name.startswith("xl/worksheets/"):
                assert a.read(name) == b.read(name), name  # the small entries as they were
    return got


@pytest.mark.parametrize("read_only", [True, False])
def test_seed_workbooks_hold_the_cells_the_old_writer_wrote(seed_tables, read_only):
    tables, made = seed_tables
    for year in sorted(y for y in tables if y is not None):
        got = _same_as_legacy(tables[year], made, read_only)
        assert "全部数字" not in got  # the figures are the year's zipped CSV
        assert len(got["绩效指标"]) == tables[year].rows("indicators") + 1


@pytest.mark.parametrize("read_only", [True, False])
def test_synthetic_workbooks_hold_the_cells_the_old_writer_wrote(synth_tables, read_only):
    tables, made = synth_tables
    years = sorted(y for y in tables if y is not None)
    for year in years if read_only else years[-1:]:
        _same_as_legacy(tables[year], made, read_only)


def test_a_long_table_splits_over_sheets_as_before(synth_tables, monkeypatch):
    """Sheets of SHEET_ROWS rows each, cut inside parts where they must be (a part longer than
    a sheet is cut more than once), the same sheets and cells as the old writer's."""
    from generator.outputs import data

    tables, made = synth_tables
    year = max((y for y in tables if y is not None), key=lambda y: tables[y].rows("indicators"))
    part_rows = [p.rows for p in tables[year].parts("indicators")]
    assert len(part_rows) >= 3 and min(part_rows) > 7
    for size in (7, 60, part_rows[0], part_rows[0] + part_rows[1], sum(part_rows) - 1, sum(part_rows)):
        monkeypatch.setattr(data, "SHEET_ROWS", size)
        got = _same_as_legacy(tables[year], made, read_only=True)
        figures = [name for name in got if name.startswith("绩效指标")]
        assert len(figures) == -(-sum(part_rows) // size), size
        assert all(len(got[name]) <= size + 1 for name in got if name != data.README_SHEET)
        assert sum(len(got[name]) - 1 for name in figures) == sum(part_rows)


def test_an_empty_table_has_a_sheet_of_its_header(seed_tables):
    from generator.outputs import data

    tables, made = seed_tables
    year = min(y for y in tables if y is not None)
    empty = data.Tables(lambda name: [] if name == "findings" else tables[year].parts(name),
                        {**tables[year].counts, "findings": 0})
    got = _same_as_legacy(empty, made, read_only=True)
    assert got["数据核验发现"] == [[(c.title, "s") for c in data.TABLES["findings"][2]]]


def test_the_same_tables_give_the_same_bytes(seed_tables):
    from generator.outputs import data

    tables, _ = seed_tables
    year = max(y for y in tables if y is not None)
    assert data.xlsx_bytes(tables[year], 5) == data.xlsx_bytes(tables[year], 5)
    # Extents given (as a build gives them from its memos) or read from the parts: the same file.
    given = data.Tables(tables[year].parts, tables[year].counts,
                        lambda name: [data.part_extents(p) for p in tables[year].parts(name)])
    assert data.xlsx_bytes(given, 5) == data.xlsx_bytes(tables[year], 5)


def test_sheets_are_the_parts_pieces_as_they_are(seed_tables):
    """No row numbers in the sheets, and the parts' compressed bytes in the file unchanged."""
    from generator.outputs import data

    tables, _ = seed_tables
    year = max(y for y in tables if y is not None)
    raw = data.xlsx_bytes(tables[year], 0)
    for part in tables[year].parts("indicators"):
        if part.rows:
            assert part.sheet.data in raw
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        sheet = z.read("xl/worksheets/sheet4.xml")
    assert b"<row>" in sheet and b' r="' not in sheet


def _check_zip(raw: bytes, tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        assert z.testzip() is None
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) and i.compress_type == zipfile.ZIP_DEFLATED
                   for i in z.infolist())
    if shutil.which("unzip"):
        path = tmp_path / "book.xlsx"
        path.write_bytes(raw)
        result = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and "No errors detected" in result.stdout, result.stdout + result.stderr


def test_zip_tests_pass(seed_tables, tmp_path):
    from generator.outputs import data

    tables, _ = seed_tables
    for year in (y for y in tables if y is not None):
        _check_zip(data.xlsx_bytes(tables[year], 0), tmp_path)


def test_zip64_fields_where_sizes_and_offsets_are_large(seed_tables, tmp_path, monkeypatch):
    """ZIP64 fields (local headers, central directory, end records) written as for a workbook
    past 2 GiB, here by lowering the limit: zipfile, unzip and openpyxl read them."""
    from openpyxl import load_workbook

    from generator.outputs import data

    tables, made = seed_tables
    year = max(y for y in tables if y is not None)
    plain = data.xlsx_bytes(tables[year], 0)
    monkeypatch.setattr(xlsx, "_ZIP64_LIMIT", 300)
    raw = data.xlsx_bytes(tables[year], 0)
    assert b"PK\x06\x06" in raw and b"PK\x06\x07" in raw and len(raw) > len(plain)
    _check_zip(raw, tmp_path)
    with zipfile.ZipFile(io.BytesIO(raw)) as z, zipfile.ZipFile(io.BytesIO(plain)) as p:
        assert [z.read(n) for n in z.namelist()] == [p.read(n) for n in p.namelist()]
    assert _cells(raw, True) == _cells(plain, True)
    load_workbook(io.BytesIO(raw))


@pytest.mark.skipif(not shutil.which("soffice") and not shutil.which("libreoffice"), reason="no LibreOffice")
def test_libreoffice_reads_the_same_cells(seed_tables, tmp_path):
    """LibreOffice (headless) converts the spliced sheets and the old writer's to the same CSV."""
    from generator.outputs import data
    from tests.legacy_xlsx import legacy_xlsx

    tables, made = seed_tables
    year = max(y for y in tables if y is not None)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    out = {}
    for name, raw in (("new", data.xlsx_bytes(tables[year], 0)), ("old", legacy_xlsx(data, tables[year], 0, made))):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "book.xlsx").write_bytes(raw)
        # Every sheet, UTF-8 (filter option 76; sheet -1: one CSV per sheet).
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", str(folder), str(folder / "book.xlsx")],
                       check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
        out[name] = {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}
    assert len(out["new"]) == 5
    assert out["new"] == out["old"]


def test_a_years_files_in_one_pass_are_each_tables_own(seed_tables):
    """year_data writes the CSVs and the workbook in one pass over the parts, reading each
    department's parts once: the same bytes as each made on its own."""
    from generator.outputs import data

    tables, _ = seed_tables
    year = max(y for y in tables if y is not None)
    reads: dict[str, int] = {}

    def parts(name):
        for part in tables[year].parts(name):
            reads[name] = reads.get(name, 0) + 1
            yield part

    counted = data.Tables(parts, tables[year].counts)
    files = data.MemoryFiles()
    downloads = data.year_data(year, counted, 7, files)
    for name in data.YEAR_TABLES:
        if name in data.ZIPPED_TABLES:
            with zipfile.ZipFile(io.BytesIO(files.files[f"data/{year}/{name}.csv.zip"])) as z:
                assert z.testzip() is None and z.namelist() == [f"{name}.csv"]
                assert z.read(f"{name}.csv") == b"".join(tables[year].csv(name))
        else:
            assert files.files[f"data/{year}/{name}.csv"] == b"".join(tables[year].csv(name))
    assert files.files[f"data/{year}/disclosures.xlsx"] == data.xlsx_bytes(tables[year], 7)
    assert [d.path for d in downloads] == [f"data/{year}/{n}.csv.zip" if n in ("figures", "indicators") else f"data/{year}/{n}.csv"
                                           for n in data.YEAR_TABLES] + [f"data/{year}/disclosures.xlsx",
                                                                         f"data/{year}/disclosures-{year}.sqlite.zip"]
    # Once for each entry's extents (no build's memos here: a zipped CSV's, a sheet's), once for
    # every file together (the database's rows too).
    assert reads == {name: (1 + (name in data.ZIPPED_TABLES) + (name in data.WORKBOOK_TABLES))
                     * len(list(tables[year].parts(name))) for name in data.TABLES} | {
        data.DATABASE_PART: len(list(tables[year].parts("reports")))}  # each report's pages, once


def test_a_zipped_csv_is_its_pieces_as_they_are(tmp_path):
    """xlsx.Entry: a zip of one file made of pieces compressed apart (the figures of each
    report), read back by zipfile and unzip as the text joined; an extent that does not match
    the pieces is refused."""
    import random

    rng = random.Random(7)
    texts = [("".join(rng.choice("部门支出0123456789,.\r\n") for _ in range(rng.randrange(0, 3000)))).encode()
             for _ in range(40)]
    pieces = [xlsx.deflate(t, 6) for t in texts]
    head = xlsx.deflate("\ufeffa,b\r\n".encode(), 6)
    out = io.BytesIO()
    entry = xlsx.Entry(out, "figures.csv", head, xlsx.extent(pieces))
    for piece in pieces:
        entry.put(piece)
    entry.finish()
    raw = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        assert z.namelist() == ["figures.csv"]
        assert z.read("figures.csv") == "\ufeffa,b\r\n".encode() + b"".join(texts)
    _check_zip(raw, tmp_path)
    assert all(p.data in raw for p in pieces if p.data)
    short = xlsx.Entry(io.BytesIO(), "figures.csv", head, xlsx.extent(pieces))
    for piece in pieces[:-2]:
        short.put(piece)
    with pytest.raises(ValueError):
        short.finish()
    over = xlsx.Entry(io.BytesIO(), "figures.csv", head, xlsx.extent(pieces[:1]))
    over.put(pieces[0])
    with pytest.raises(ValueError):
        over.put(pieces[1])
