"""The search index itself: grams, postings and shards, read back as the search page reads them."""

from __future__ import annotations

import base64
import json
import random

import pytest

from generator.searchindex import Part, Record, build_index, fnv1a, gram_keys, key_text, normalize


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


def query(files, term: str) -> set[int]:
    chars = list(normalize(term))
    grams = ["".join(chars)] if len(chars) <= 3 else ["".join(chars[i:i + 3]) for i in range(len(chars) - 2)]
    result = None
    for gram in grams:
        result = postings(files, gram) if result is None else result & postings(files, gram)
    return result or set()


def test_grams_are_the_characters_pairs_and_triples_within_runs():
    keys = {key_text(int(k)) for k in gram_keys("数字城管 ab\n12")}
    assert keys == {"数", "字", "城", "管", "数字", "字城", "城管", "数字城", "字城管", "a", "b", "ab", "1", "2", "12"}


def test_grams_are_normalized():
    assert {key_text(int(k)) for k in gram_keys("ＡＢ")} == {"a", "b", "ab"}


def test_every_term_of_up_to_three_characters_finds_exactly_the_documents_holding_it():
    rng = random.Random(7)
    alphabet = "政务服务中心预算执行三公经费一二三12345"
    texts = ["".join(rng.choice(alphabet + " ") for _ in range(rng.randint(0, 60))) for _ in range(300)]
    files = build([record(n, t) for n, t in enumerate(texts)])
    normalized = [normalize(f"文档{n}\n{t}") for n, t in enumerate(texts)]
    for _ in range(300):
        source = normalized[rng.randrange(len(normalized))]
        if len(source) < 3:
            continue
        start = rng.randrange(len(source) - 2)
        term = source[start:start + rng.randint(1, 3)]
        if any(ch.isspace() for ch in term):
            continue
        assert query(files, term) == {n for n, t in enumerate(normalized) if term in t}, term


def test_longer_terms_find_every_document_holding_them():
    rng = random.Random(8)
    alphabet = "政务服务中心预算执行"
    texts = ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(200)]
    files = build([record(n, t) for n, t in enumerate(texts)])
    for _ in range(100):
        source = texts[rng.randrange(len(texts))]
        start = rng.randrange(len(source) - 6)
        term = source[start:start + 6]
        assert query(files, term) >= {n for n, t in enumerate(texts) if term in t}


def test_dense_postings_are_bitmaps_and_sparse_ones_gaps():
    records = [record(n, "三公经费" if n % 2 else "政务") for n in range(2000)]
    files = build(records)
    assert query(files, "三公经费") == set(range(1, 2000, 2))
    assert query(files, "政务") == set(range(0, 2000, 2))
    index = loaded(files["search/index.js"])
    shard = loaded(files[f"search/s/{fnv1a([ord(c) for c in '三公经']) & (index['shards'] - 1)}.js"])
    assert base64.b64decode(shard["b"]["三公经"])[0] == 1
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


@pytest.mark.parametrize("text", ["", " \n\t", "a", "ab"])
def test_short_and_empty_texts_index_without_error(text):
    files = build([record(0, text)])
    assert loaded(files["search/index.js"])["documents"] == 1
