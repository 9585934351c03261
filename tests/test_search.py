"""Search in a real browser, served over http under a strict CSP and opened from disk (file://).

Both ways read the same static index with the same script; counts are checked against an
exact phrase match over the indexed text.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from generator.outputs.searchindex import normalize
from tests.browser import Console
from tests.seeds import SEEDS

pytestmark = pytest.mark.browser

ENGINES = ["http", "file"]


@pytest.fixture
def searcher(browser, site_url, built_site):
    """Open the search page with a query on either engine; return the page and what it shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = Console(page)

    def search(engine: str, query: str = "", params: str = ""):
        base = site_url if engine == "http" else built_site.as_uri() + "/"
        target = base + "search/" + ("" if engine == "http" else "index.html") + f"?q={quote(query)}{params}"
        page.goto(target)
        page.wait_for_function("() => !/正在/.test(document.getElementById('search-status').textContent)")
        assert page.evaluate("document.documentElement.getAttribute('data-search-engine')") == "static"
        items = page.locator("#search-results li")
        return page.locator("#search-status").inner_text(), [
            (items.nth(i).locator("a").inner_text(), items.nth(i).locator(".result-meta").inner_text())
            for i in range(items.count())]

    search.page = page
    search.console = console
    yield search
    assert console.errors == []
    context.close()


def departments_in(results):
    return {meta.split(" · ")[1] for _, meta in results}


def names_stating(content, phrase):
    return {e.department.name for e in content.departments for rf in e.reports if phrase in (rf.source_text or "")}


@pytest.mark.parametrize("engine", ENGINES)
def test_sangong_finds_every_report_that_states_it(searcher, content, engine):
    status, results = searcher(engine, "三公经费")
    expected = names_stating(content, "三公经费")
    assert len(expected) == 4
    reports = {meta.split(" · ")[1] for _, meta in results if meta.startswith("报告")}
    assert reports == expected
    assert status.startswith(f"找到 {len(results)} 条结果")


@pytest.mark.parametrize("engine", ENGINES)
def test_e_government_network_finds_junshan_and_zhongfang(searcher, engine):
    _, results = searcher(engine, "电子政务外网")
    found = departments_in(results)
    assert {"岳阳市君山区人民政府政务服务中心", "中方县政务服务中心"} <= found


@pytest.mark.parametrize("engine", ENGINES)
def test_one_thing_once_finds_zhongfang_suining_and_tianxin(searcher, engine):
    _, results = searcher(engine, "一件事一次办")
    assert departments_in(results) == {"中方县政务服务中心", "绥宁县行政审批服务局", "长沙市天心区行政审批服务局"}


def indexed(built_site):
    """Every document of the index, as its fragment holds it (document n is search/d/n.js)."""
    docs = []
    for path in sorted((built_site / "search/d").glob("*.js"), key=lambda p: int(p.stem)):
        text = path.read_text(encoding="utf-8")
        docs.append(json.loads(text[text.index(",") + 1:text.rindex(")")]))
    return docs


def holding(docs, query):
    terms = normalize(query).split()
    texts = [normalize("\n".join([d["title"], *(p["text"] for p in d["parts"])])) for d in docs]
    return [d for d, t in zip(docs, texts) if all(term in t for term in terms)]


PHRASES = ["一件事一次办", "电子政务外网", "12345", "三公经费", "政务服务", "县", "满意度 12345", "预算执行率",
           "中方县政务服务中心", "绥宁", "公务用车运行维护费", "不存在的词", "4347693", "47693.36", "2485090元"]


@pytest.mark.parametrize("engine", ENGINES)
def test_result_count_is_the_number_of_documents_holding_the_phrase(searcher, built_site, engine):
    docs = indexed(built_site)
    for phrase in PHRASES:
        expected = holding(docs, phrase)
        status, results = searcher(engine, phrase)
        assert len(results) == min(len(expected), 10), phrase
        if expected:
            assert status.startswith(f"找到 {len(expected)} 条结果"), phrase
            assert {t for t, _ in results} <= {d["title"] for d in expected}, phrase


@pytest.mark.parametrize("engine", ENGINES)
def test_year_filter_leaves_only_that_year(searcher, engine):
    _, everything = searcher(engine, "三公经费")
    _, results = searcher(engine, "三公经费", "&year=2020")
    assert results and len(results) < len(everything)
    assert all("2020年度" in meta for _, meta in results)
    assert searcher.page.locator('input[name="year"][value="2020"]').is_checked()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_query_with_no_match_shows_a_clear_empty_state(searcher, engine):
    status, results = searcher(engine, "完全不存在的词语")
    assert results == []
    assert status == "没有找到包含“完全不存在的词语”的内容。请换个词语，或减少筛选条件。"


@pytest.mark.parametrize("engine", ENGINES)
def test_matches_are_highlighted_in_excerpts(searcher, engine):
    searcher(engine, "电子政务外网")
    marks = searcher.page.locator("#search-results mark").all_inner_texts()
    assert marks and all(m.replace(" ", "") in "电子政务外网" or "电子政务外网" in m for m in marks)


def test_filters_offer_one_element_per_value(searcher):
    searcher("http", "三公经费")
    years = searcher.page.locator('fieldset[data-filter="year"] input').evaluate_all("els => els.map(e => e.value)")
    assert years == ["2023", "2020", "2016"]
    kinds = searcher.page.locator('fieldset[data-filter="kind"] input').evaluate_all("els => els.map(e => e.value)")
    assert kinds == sorted(kinds) and set(kinds) == {"部门决算", "绩效自评报告"}
    grades = searcher.page.locator('fieldset[data-filter="grade"] input').evaluate_all("els => els.map(e => e.value)")
    assert grades == ["优"]


def test_checking_a_filter_updates_results_and_url(searcher, built_site):
    searcher("http", "三公经费")
    page = searcher.page
    expected = [d for d in holding(indexed(built_site), "三公经费") if d["meta"]["region"].startswith("云南省")]
    assert expected
    page.locator('input[name="province"][value="云南省"]').check()
    page.wait_for_function("() => /province=/.test(location.search)")
    page.wait_for_function(f"() => /找到 {len(expected)} 条/.test(document.getElementById('search-status').textContent)")
    assert page.locator("#search-results li").count() == len(expected)
    assert "保山市隆阳区政务服务管理局" in page.locator("#search-results").inner_text()


def test_sort_by_score_puts_the_highest_first(searcher):
    _, results = searcher("http", "绩效", "&type=报告&sort=score:desc")
    page = searcher.page
    scores = [s for s in page.locator("#search-results li").all_inner_texts()]
    assert results
    assert page.locator("#search-sort").input_value() == "score:desc"
    first_department = results[0][1].split(" · ")[1]
    assert first_department in {"中方县政务服务中心", "保山市隆阳区政务服务管理局"}  # both scored 100
    assert results[-1][1].split(" · ")[1] == "长沙市天心区行政审批服务局"  # states no score
    assert scores


def test_query_lives_in_the_url_and_back_returns_to_it(searcher):
    page = searcher.page
    searcher("http", "三公经费")
    page.fill("#search-q", "电子政务外网")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /电子政务外网/.test(document.getElementById('search-status').textContent)")
    assert "q=%E7%94%B5" in page.url
    page.go_back()
    page.wait_for_function("() => /三公经费/.test(document.getElementById('search-status').textContent)")
    assert page.locator("#search-q").input_value() == "三公经费"


def test_header_search_box_leads_to_the_search_page(searcher, site_url):
    page = searcher.page
    page.goto(site_url + "departments/suining-xzspfwj/2023/")
    page.fill("#site-q", "一件事一次办")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    page.wait_for_function("() => /找到/.test(document.getElementById('search-status').textContent)")
    assert "一件事一次办" in page.locator("#search-status").inner_text()


def test_results_are_reachable_by_keyboard(searcher):
    page = searcher.page
    searcher("http", "电子政务外网")
    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.textContent")
    assert first != second
    assert page.evaluate("document.activeElement.className") == "result-title"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/departments/"))


def test_search_page_has_a_real_label(searcher):
    searcher("http")
    assert searcher.page.locator("label[for=search-q]").inner_text() == "搜索报告、部门和原文"


def test_a_match_only_in_the_original_text_links_to_it(searcher, built_site):
    docs = indexed(built_site)
    report = next(d for d in docs if len(d["parts"]) == 2)
    page_text, source_text = (normalize(p["text"]) for p in report["parts"])
    # A phrase of the original text that the report page does not hold.
    phrase = next(source_text[i:i + 6] for i in range(len(source_text) - 6)
                  if source_text[i:i + 6].strip() == source_text[i:i + 6] and source_text[i:i + 6] not in page_text
                  and all("\u4e00" <= ch <= "\u9fff" for ch in source_text[i:i + 6]))
    searcher("http", phrase)
    links = searcher.page.locator("#search-results a.result-title")
    hrefs = links.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith(report["parts"][1]["url"]) for h in hrefs), (phrase, hrefs)
    assert "匹配内容在报告原文中" in searcher.page.locator("#search-results").inner_text()


def test_the_index_holds_one_document_per_report_and_per_department(built_site):
    docs = indexed(built_site)
    kinds = {}
    for d in docs:
        kinds.setdefault(d["meta"]["type"], []).append(d)
    assert len(kinds["报告"]) == len(SEEDS) and len(kinds["部门"]) == len(SEEDS)
    assert all([p["label"] for p in d["parts"]] == ["报告", "原文"] for d in kinds["报告"])
    index = (built_site / "search/index.js").read_text(encoding="utf-8")
    assert json.loads(index[index.index(",") + 1:index.rindex(")")])["documents"] == len(docs)


def facet_total(page) -> int:
    """The documents the 页面 filter counts (each document is one page kind)."""
    counts = page.locator('fieldset[data-filter="type"] .count').all_inner_texts()
    return sum(int(c.strip("()")) for c in counts)


@pytest.mark.parametrize("engine", ENGINES)
def test_filter_counts_agree_with_the_results_once_checked_against_the_text(searcher, built_site, engine):
    """A long term's grams can all be in a document without the term (848.40: 848.4 and 40
    apart): the results drop it, and the filters do not count it either."""
    docs = indexed(built_site)
    status, results = searcher(engine, "848.40")
    assert results == [] and holding(docs, "848.40") == []
    assert status.startswith("没有找到包含“848.40”的内容")
    assert facet_total(searcher.page) == 0
    for phrase in PHRASES:
        status, results = searcher(engine, phrase)
        assert facet_total(searcher.page) == len(holding(docs, phrase)), phrase


@pytest.mark.parametrize("query", ["项", "天心", "专项资金", "一件事一次办"])
def test_every_excerpt_marks_a_hit_even_where_normalizing_changes_the_length(searcher, query):
    """天心's report holds ⑴ (NFKC “(1)”): its excerpt was taken from the start, without a hit."""
    searcher("http", query)
    items = searcher.page.locator("#search-results li")
    assert items.count()
    for i in range(items.count()):
        marks = items.nth(i).locator(".result-excerpt mark").all_inner_texts()
        assert marks and all(normalize(m) == query for m in marks), (query, items.nth(i).inner_text())


def test_a_work_statistic_reads_as_the_report_says_it(searcher, content):
    """A 工作统计 is one line of the index, name, number and unit as the report says them
    (“跨省通办事项58项”), not its parts apart with where it stands (“…项 项 六（三）…”)."""
    from generator.site.search import report_text

    entry = next(e for e in content.departments if e.slug == "suining-xzspfwj")
    text = report_text(next(rf for rf in entry.reports if rf.year == 2023).report, entry.department)
    assert "跨省通办事项58项" in text.splitlines()
    assert "“绥宁产业开发区”在市一体化平台引用的业务办理项31项" in text.splitlines()
    assert "六（三）" not in text.splitlines()
    searcher("http", "跨省通办事项")
    excerpt = searcher.page.locator("#search-results .result-excerpt").first.inner_text()
    assert "跨省通办事项58项" in excerpt and " 项 " not in excerpt, excerpt
