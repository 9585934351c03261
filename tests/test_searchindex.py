"""The search index itself: grams, postings and shards, read back as the search page reads them."""

from __future__ import annotations

import base64
import random
import re
import time

import pytest

from generator.outputs import searchindex
from generator.outputs.searchindex import (Layout, Record, RecordPart, build_index, fnv1a, normal_codes,
                                           normalize)
from tests.searchread import Site, assert_same_search, decode_postings, grams_of, loaded, terms_of


def record(n: int, text: str, title: str = "") -> Record:
    url = f"d/{n}/"
    return Record(url, title or f"文档{n}", {"type": "报告"}, {"type": ["报告"]}, {"year": 2020, "score": None},
                  (RecordPart(url, "报告", text),))


def build(records):
    files = {}
    build_index(records, files.__setitem__, workers=1)
    return files


def postings(files, gram: str, space: str = "b") -> set[int]:
    """The documents holding `gram`, decoded as search-engine.js decodes them."""
    index = loaded(files["search/index.js"])
    shard = loaded(files[f"search/s/{fnv1a([ord(c) for c in gram]) & (index['shards'] - 1)}.js"])
    found = shard[space].get(gram)
    if found is None:
        return set()
    return decode_postings(found, index["documents"])


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


def test_without_a_shared_lock_the_index_is_the_same(monkeypatch):
    rng = random.Random(5)
    records = [record(n, "".join(rng.choice("预算执行三公经费政务12345 ") for _ in range(40))) for n in range(2100)]
    expected = build(records)
    monkeypatch.setattr(searchindex, "_shared_lock", lambda: None)
    alone = {}
    build_index(records, alone.__setitem__, workers=2)
    assert alone == expected


def test_a_partition_sorted_in_many_batches_gives_the_same_index(monkeypatch):
    """The pairs spilled to disk are sorted and encoded a batch of first-character ranges at a
    time (searchindex.BATCH pairs); batches of a few pairs, so that every partition takes
    dozens, on one process and on two, give the bytes one batch gives."""
    rng = random.Random(9)
    alphabet = "预算执行三公经费政务绩效指标项目资金到位率12345abcXYZ "
    records = [record(n, "".join(rng.choice(alphabet) for _ in range(60))) for n in range(2100)]
    expected = build(records)
    monkeypatch.setattr(searchindex, "BATCH", 50)
    batches = searchindex._Spill.batches
    taken: list[int] = []

    def counted(spill, p):
        made = list(batches(spill, p))
        taken.append(len(made))
        return made

    monkeypatch.setattr(searchindex._Spill, "batches", counted)
    small = {}
    build_index(records, small.__setitem__, workers=1)
    assert small == expected
    assert len(taken) == searchindex.PARTITIONS and min(taken) >= 10
    small = {}
    build_index(records, small.__setitem__, workers=2)
    assert small == expected


def test_runs_end_where_the_script_splits_queries():
    """Python's whitespace and JavaScript's both end a run (the script splits on both)."""
    files = build([record(0, "a\x85b c\x1fd e\ufefff")])
    for term in ("a", "b", "c", "d", "e", "f"):
        assert query(files, term) == {0}
    assert query(files, "a\x85b") == set()  # the script never asks for it: it splits there
    assert not {g for g in grams("e\ufefff") if len(g) > 1}


# --- the delta segment: an update after some departments changed -------------------------------


def dept_record(slug: str, n: int, text: str, title: str = "", year: int | None = 2020, score=None) -> Record:
    url = f"departments/{slug}/{n}/" if n else f"departments/{slug}/"
    filters = {"type": ["报告" if n else "部门"], "department": [slug]}
    sort = {}
    if year is not None and n:
        filters["year"] = [str(year)]
        sort = {"score": score}
    return Record(url, title or f"{slug}报告{n}", {"type": "报告"}, filters, sort,
                  (RecordPart(url, "报告", text),))


def flatten(departments: dict[str, tuple[str, list[Record]]]):
    """Records in URL order and each one's (slug, key)."""
    pairs = sorted(((r, (slug, key)) for slug, (key, rs) in departments.items() for r in rs), key=lambda p: p[0].url)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def cold(departments):
    records, sources = flatten(departments)
    files = {}
    index = build_index(records, files.__setitem__, workers=1, sources=sources)
    return files, index.state


def updated(state, main_files, departments):
    """The files after update_index over `departments` (slug → (key, records)) from `state`."""
    keys = state.keys()
    changed = [(slug, key, rs) for slug, (key, rs) in sorted(departments.items()) if keys.get(slug) != key]
    removed = [slug for slug in keys if slug not in departments]
    files = {p: main_files[p] for p in state.paths}
    new_state = searchindex.update_index(state, changed, removed, files.__setitem__)
    return files, new_state


def random_departments(rng, count=12, alphabet="政务服务中心预算执行三公经费一二三12345 "):
    out = {}
    for d in range(count):
        slug = f"dept{d:02d}"
        records = []
        for n in range(rng.randint(1, 5)):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
            title = "".join(rng.choice(alphabet.strip()) for _ in range(rng.randint(2, 6)))
            records.append(dept_record(slug, n, text, title, year=rng.choice([2016, 2020, 2023]),
                                       score=rng.choice([None, 60, 85, 100])))
        out[slug] = (f"k{d}", records)
    return out


def test_an_updated_index_answers_every_query_as_a_cold_index_of_the_same_documents():
    rng = random.Random(18)
    before = random_departments(rng)
    main_files, state = cold(before)
    after = dict(before)
    changed_records = [dept_record("dept03", 0, "新增的词语 电子政务外网 4347693", "改过的标题"),
                       dept_record("dept03", 2, "三公经费 98765432 执行", "另一篇", 2023, 90),
                       dept_record("dept03", 7, "公务用车运行维护费", "第七篇", 2016)]
    after["dept03"] = ("k3b", changed_records)
    del after["dept05"]
    after["dept99"] = ("k99", [dept_record("dept99", 0, "全新部门 一件事一次办"),
                               dept_record("dept99", 1, "一件事一次办 12345 热线", "全新报告", 2023, 100)])
    after["dept00a"] = ("k0a", [dept_record("dept00a", 0, "排在前面的新部门 政务服务")])
    files, new_state = updated(state, main_files, after)
    expected, _ = cold(after)
    incremental, reference = Site(files), Site(expected)
    assert new_state.delta is not None and new_state.delta.documents == 6
    assert len(incremental.live) == len(reference.live)
    assert sorted(map(incremental.url, incremental.live)) == sorted(map(reference.url, reference.live))
    # the main segment's files are untouched; the delta's documents follow the main ones
    assert {p for p in files if p.startswith("search/s/")} == {p for p in main_files if p.startswith("search/s/")}
    assert all(files[p] == main_files[p] for p in state.paths)
    words = ["新增的词语", "电子政务外网", "4347693", "98765432", "一件事一次办", "改过的标题", "全新部门", "12345",
             "dept05报告", "dept03报告1", "排在前面"]
    removed_text = [normalize(r.text) for r in before["dept05"][1] + before["dept03"][1]]
    words += [t[i:i + 4] for t in removed_text for i in range(0, max(len(t) - 4, 0), 7)]
    assert_same_search(incremental, reference, terms_of(expected, rng, words, every=4))
    assert incremental.search("新增的词语", checked=True) == ["departments/dept03/"]
    # the filters and sort keys over every number, dead documents set aside
    live_filters = {k: set(v["values"]) for k, v in incremental.index["filters"].items()}
    assert live_filters == {k: set(v["values"]) for k, v in reference.index["filters"].items()}
    assert "dept05" not in live_filters["department"]
    sort_i, sort_r = loaded(files["search/sort.js"]), loaded(expected["search/sort.js"])
    assert {incremental.url(n): sort_i["score"][n] for n in incremental.live} == \
        {reference.url(n): sort_r["score"][n] for n in reference.live}


def test_updates_are_cumulative_and_a_revert_gives_the_cold_files_back():
    rng = random.Random(4)
    before = random_departments(rng, count=8)
    main_files, state = cold(before)
    step1 = dict(before, dept01=("k1b", [dept_record("dept01", 0, "第一次修改 甲乙丙丁")]))
    files1, _ = updated(state, main_files, step1)
    step2 = dict(step1, dept02=("k2b", [dept_record("dept02", 0, "第二次修改 戊己庚辛")]))
    files2, state2 = updated(state, main_files, step2)  # always from the main segment
    assert state2.delta.documents == 2 and state2.delta.dead == len(before["dept01"][1]) + len(before["dept02"][1])
    expected, _ = cold(step2)
    assert_same_search(Site(files2), Site(expected), ["甲乙丙丁", "戊己庚辛", "第一次修改", "修改", "dept01报告1", "政务"])
    files3, state3 = updated(state, main_files, before)
    assert state3.delta is None
    assert files3 == main_files
    assert files1["search/index.js"] != files2["search/index.js"]


def test_a_department_removed_without_anything_added_leaves_no_delta_shards():
    rng = random.Random(6)
    before = random_departments(rng, count=5)
    main_files, state = cold(before)
    after = {k: v for k, v in before.items() if k != "dept02"}
    files, new_state = updated(state, main_files, after)
    assert new_state.delta.shards == 0 and not any(p.startswith("search/x/") for p in files)
    expected, _ = cold(after)
    assert_same_search(Site(files), Site(expected), ["dept02", "dept02报告1", "政务", "预算执行", "dept01"])
    # a filter-only listing (no query) holds the live documents alone
    assert sorted(Site(files).search("")) == sorted(Site(expected).search(""))


def test_an_update_that_needs_new_character_numbers_beyond_the_limit_asks_for_a_cold_build(monkeypatch):
    monkeypatch.setattr(searchindex, "RANK_BITS", 4)  # 15 characters at most
    before = {"a": ("k1", [dept_record("a", 0, "预算执行", "甲")])}
    main_files, state = cold(before)
    after = {"a": ("k2", [dept_record("a", 0, "三公经费支出情况说明书", "乙")])}
    written = {}
    with pytest.raises(searchindex.ColdBuildNeeded):
        searchindex.update_index(state, [("a", "k2", after["a"][1])], [], written.__setitem__)
    assert written == {}


def test_the_delta_limit_is_five_percent_or_five_hundred_documents():
    assert searchindex.delta_limit(1000) == 500
    assert searchindex.delta_limit(100_000) == 5000


def reference_grams(text: str) -> set[str]:
    """The grams of a text, in plain Python from the description in generator/outputs/searchindex.py."""
    normal = normalize(text)
    runs = re.split("[" + "".join(re.escape(chr(c)) for c in searchindex._WHITESPACE.tolist()) + "\x00]+", normal)
    out = {run[i:i + j] for run in runs for i in range(len(run)) for j in range(1, LEVELS + 1) if i + j <= len(run)}
    for digits in re.findall("[0-9]+", normal):
        out |= {digits[i:i + j] for i in range(len(digits)) for j in range(5, 9) if i + j <= len(digits)}
    return out


LEVELS = searchindex.LEVELS


def all_grams(files, delta: bool) -> dict[int, tuple[set[str], set[str]]]:
    """Every document's body and title grams, read from every shard of one segment."""
    index = loaded(files["search/index.js"])
    count = index["delta"]["shards"] if delta else index["shards"]
    site = Site(files)
    out: dict[int, tuple[set[str], set[str]]] = {}
    for k in range(count):
        shard = loaded(files[f"search/{'x' if delta else 's'}/{k}.js"])
        for space, which in (("b", 0), ("t", 1)):
            for gram, posting in shard[space].items():
                for doc in site._decode(posting):
                    out.setdefault(doc, (set(), set()))[which].add(gram)
    return out


TRICKY = ["Ａ１２３４５６ ㈱公司", "ΟΔΟΣ ΣΟΦΟΣ", "café cafe\u0301 ", "한국어 \u1100\u1161\u11a8", "ﬁle ﷺ",
          "\u0627\u0653 x", "ｶﾞｷﾞ", "İstanbul", "预算执行率（％）：９８．５", "", "a\x85b c\x1fd e\ufefff g\x00h",
          "热线12345678901 ０７３１－１２３４５", "𠀀𠀁𠀂𠀃𠀄 emoji😀😀", "\u3000全角空格\u3000分开", "2485090元 47693.36",
          "ＡＢＣ abc ABC", "x" * 3, "1" * 20]


def test_the_delta_holds_exactly_the_grams_the_main_builder_makes_for_the_same_records():
    rng = random.Random(12)
    pool = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x1100, 0x1200), *range(0x3000, 0x3040),
                             *range(0x4E00, 0x4E40), *range(0xFF00, 0xFF60), 0x85, 0x1C, 0xFEFF, 0]] + list("0123456789" * 8)
    texts = TRICKY + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 60))) for _ in range(150)]
    titles = TRICKY[::-1] + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(150)]
    records = [dept_record("t", n + 1, text, title or "-") for n, (text, title) in enumerate(zip(texts, titles))]
    main_files, _ = cold({"t": ("k", records)})
    base_files, state = cold({"a": ("ka", [dept_record("a", 0, "起点")])})
    files, new_state = updated(state, base_files, {"a": ("ka", [dept_record("a", 0, "起点")]), "t": ("k", records)})
    assert new_state.delta.documents == len(records)
    main, delta = all_grams(main_files, False), all_grams(files, True)
    main_site, delta_site = Site(main_files), Site(files)
    by_url = {main_site.url(n): grams for n, grams in main.items()}
    assert {delta_site.url(n): grams for n, grams in delta.items()} == by_url
    for record in records:
        body, title = by_url.get(record.url, (set(), set()))
        assert body == reference_grams(record.text), record.url
        assert title == reference_grams(record.title), record.url
