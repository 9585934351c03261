"""The search index itself: grams, postings and shards, read back as the search page reads them."""

from __future__ import annotations

import base64
import json
import random
import re
import time

import pytest

from generator import searchindex
from generator.searchindex import Layout, Part, Record, build_index, fnv1a, normal_codes, normalize


def record(n: int, text: str, title: str = "") -> Record:
    url = f"d/{n}/"
    return Record(url, title or f"文档{n}", {"type": "报告"}, {"type": ["报告"]}, {"year": 2020, "score": None},
                  (Part(url, "报告", text),))


def build(records):
    files = {}
    build_index(records, files.__setitem__, workers=1)
    return files


def loaded(data: bytes):
    text = data.decode("utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


def postings(files, gram: str, space: str = "b") -> set[int]:
    """The documents holding `gram`, decoded as search-engine.js decodes them."""
    index = loaded(files["search/index.js"])
    shard = loaded(files[f"search/s/{fnv1a([ord(c) for c in gram]) & (index['shards'] - 1)}.js"])
    found = shard[space].get(gram)
    if found is None:
        return set()
    raw = base64.b64decode(found)
    if raw[0] == 1:
        return {i for i in range(index["documents"]) if raw[1 + i // 8] >> (i % 8) & 1}
    docs, doc, value, shift = set(), -1, 0, 0
    for byte in raw[1:]:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        doc += value
        docs.add(doc)
        value, shift = 0, 0
    return docs


def grams_of(files, term: str) -> list[str]:
    """The grams search-engine.js looks up for a term."""
    index = loaded(files["search/index.js"])
    longest, digits = index["grams"], index["digits"]
    chars = list(normalize(term))
    if len(chars) <= longest or (digits and re.fullmatch("[0-9]+", "".join(chars)) and len(chars) <= digits[1]):
        return ["".join(chars)]
    grams = ["".join(chars[i:i + longest]) for i in range(len(chars) - longest + 1)]
    for run in re.findall("[0-9]+", "".join(chars)) if digits else ():
        if len(run) >= digits[0]:
            size = min(len(run), digits[1])
            grams += [run[i:i + size] for i in range(len(run) - size + 1)]
    return grams


def query(files, term: str) -> set[int]:
    result = None
    for gram in grams_of(files, term):
        result = postings(files, gram) if result is None else result & postings(files, gram)
    return result or set()


def grams(text: str, others: tuple[str, ...] = ()) -> set[str]:
    layout = Layout.of([record(0, text), *(record(n + 1, o) for n, o in enumerate(others))])
    keys, _ = layout.keys_of_many([normal_codes(text)], long=True)
    return set(searchindex._texts(layout.code_points(keys)))


def test_grams_are_the_runs_of_up_to_four_characters_within_whitespace_runs():
    assert grams("数字城管 ab\n12") == {
        "数", "字", "城", "管", "数字", "字城", "城管", "数字城", "字城管", "数字城管", "a", "b", "ab", "1", "2", "12"}


def test_runs_of_five_to_eight_digits_are_grams_too():
    found = grams("热线12345678 9")
    assert {g for g in found if len(g) > 4} == {
        "12345", "23456", "34567", "45678", "123456", "234567", "345678", "1234567", "2345678", "12345678"}
    assert not {g for g in grams("1234 5678 12.345") if len(g) > 4}


def test_grams_are_normalized():
    assert grams("ＡＢ") == {"a", "b", "ab"}


@pytest.mark.parametrize("text", [
    "Ａ１２３４５６ ㈱公司", "ΟΔΟΣ ΣΟΦΟΣ", "café", "cafe\u0301 ", "한국어 \u1100\u1161\u11a8", "ﬁle ﷺ",
    "\u0627\u0653 x", "ｶﾞｷﾞ", "İstanbul", "预算执行率（％）：９８．５", "",
])
def test_the_fast_normalization_is_the_reference_one(text):
    assert normal_codes(text).tobytes() == normalize(text).encode("utf-32-le")


def test_the_fast_normalization_holds_for_random_mixed_text():
    rng = random.Random(11)
    pool = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x370, 0x400), *range(0x1100, 0x1200),
                             *range(0x3000, 0x3100), *range(0x4E00, 0x4E80), *range(0xAC00, 0xAC40), *range(0xFF00, 0xFFF0)]]
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        assert normal_codes(text).tobytes() == normalize(text).encode("utf-32-le"), text


def test_every_term_of_up_to_four_characters_finds_exactly_the_documents_holding_it():
    rng = random.Random(7)
    alphabet = "政务服务中心预算执行三公经费一二三12345"
    texts = ["".join(rng.choice(alphabet + " ") for _ in range(rng.randint(0, 60))) for _ in range(300)]
    files = build([record(n, t) for n, t in enumerate(texts)])
    normalized = [normalize(f"文档{n}\n{t}") for n, t in enumerate(texts)]
    checked = 0
    for _ in range(400):
        source = normalized[rng.randrange(len(normalized))]
        if len(source) < 4:
            continue
        start = rng.randrange(len(source) - 3)
        term = source[start:start + rng.randint(1, 4)]
        if any(ch.isspace() for ch in term):
            continue
        assert query(files, term) == {n for n, t in enumerate(normalized) if term in t}, term
        checked += 1
    assert checked > 200


def test_every_number_of_up_to_eight_digits_finds_exactly_the_documents_holding_it():
    rng = random.Random(9)
    texts = [" ".join("".join(rng.choice("0123") for _ in range(rng.randint(1, 12))) for _ in range(6)) for _ in range(300)]
    files = build([record(n, t) for n, t in enumerate(texts)])
    for _ in range(300):
        source = rng.choice(texts).split()
        run = rng.choice(source)
        if len(run) < 5:
            continue
        start = rng.randrange(len(run) - 4)
        term = run[start:start + rng.randint(5, 8)]
        assert query(files, term) == {n for n, t in enumerate(texts) if term in t}, term


def test_longer_terms_find_every_document_holding_them():
    rng = random.Random(8)
    alphabet = "政务服务中心预算执行"
    texts = ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(200)]
    files = build([record(n, t) for n, t in enumerate(texts)])
    for _ in range(100):
        source = texts[rng.randrange(len(texts))]
        start = rng.randrange(len(source) - 8)
        term = source[start:start + rng.randint(5, 8)]
        assert query(files, term) >= {n for n, t in enumerate(texts) if term in t}


def test_dense_postings_are_bitmaps_and_sparse_ones_gaps():
    records = [record(n, "三公经费" if n % 2 else "政务") for n in range(2000)]
    files = build(records)
    assert query(files, "三公经费") == set(range(1, 2000, 2))
    assert query(files, "政务") == set(range(0, 2000, 2))
    index = loaded(files["search/index.js"])
    shard = loaded(files[f"search/s/{fnv1a([ord(c) for c in '三公经费']) & (index['shards'] - 1)}.js"])
    assert base64.b64decode(shard["b"]["三公经费"])[0] == 1
    assert query(files, "文档1999") == {1999}


def test_titles_have_their_own_grams():
    files = build([record(0, "正文", "中方县政务服务中心"), record(1, "中方县政务服务中心", "其他")])
    assert postings(files, "中方县", "t") == {0}
    assert postings(files, "中方县") == {0, 1}


def test_the_same_records_give_the_same_bytes_on_one_or_two_processes():
    rng = random.Random(3)
    records = [record(n, "".join(rng.choice("预算执行三公经费政务 ") for _ in range(50))) for n in range(2500)]
    one = build(records)
    two = {}
    build_index(records, two.__setitem__, workers=2)
    assert one == two
    assert one == build(records)
    # A slow disk leaves this process (which writes the files) fewer chunks: the same bytes.
    slow = {}

    def write_slowly(path, data):
        time.sleep(0.0005)
        slow[path] = data

    build_index(records, write_slowly, workers=2)
    assert slow == one


@pytest.mark.parametrize("text", ["", " \n\t", "a", "ab"])
def test_short_and_empty_texts_index_without_error(text):
    files = build([record(0, text)])
    assert loaded(files["search/index.js"])["documents"] == 1


def test_a_corpus_of_too_many_distinct_characters_falls_back_to_triples_of_code_points(monkeypatch):
    monkeypatch.setattr(searchindex, "RANK_BITS", 4)  # 15 characters at most
    texts = ["预算执行率达到百分之九十八点五", "执行率预算", "三公经费支出预算执行情况12345"]
    files = build([record(n, t) for n, t in enumerate(texts)])
    index = loaded(files["search/index.js"])
    assert (index["grams"], index["digits"]) == (3, None)
    assert grams_of(files, "预算执行") == ["预算执", "算执行"]
    assert query(files, "算执行") == {0, 2}
    assert query(files, "预算执行") == {0, 2}
    assert query(files, "12345") == {2}


def test_without_memory_files_or_a_shared_lock_the_index_is_the_same(monkeypatch):
    rng = random.Random(5)
    records = [record(n, "".join(rng.choice("预算执行三公经费政务12345 ") for _ in range(40))) for n in range(2100)]
    expected = build(records)

    def no_memfd(*args):
        raise OSError("not here")

    monkeypatch.setattr(searchindex.os, "memfd_create", no_memfd)
    on_disk = {}
    build_index(records, on_disk.__setitem__, workers=2)
    assert on_disk == expected
    monkeypatch.setattr(searchindex, "_shared_lock", lambda: None)
    alone = {}
    build_index(records, alone.__setitem__, workers=2)
    assert alone == expected


def test_runs_end_where_the_script_splits_queries():
    """Python's whitespace and JavaScript's both end a run (the script splits on both)."""
    files = build([record(0, "a\x85b c\x1fd e\ufefff")])
    for term in ("a", "b", "c", "d", "e", "f"):
        assert query(files, term) == {0}
    assert query(files, "a\x85b") == set()  # the script never asks for it: it splits there
    assert not {g for g in grams("e\ufefff") if len(g) > 1}
