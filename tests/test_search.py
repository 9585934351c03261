"""Search in a real browser: Pagefind over http under a strict CSP, and the file:// fallback."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from generator.load import load_content
from tests.browser import Console
from tests.seeds import CONTENT, SEEDS

pytestmark = pytest.mark.browser

ENGINES = ["pagefind", "fallback"]


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


@pytest.fixture
def searcher(browser, site_url, built_site):
    """Open the search page with a query on either engine; return the page and what it shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = Console(page)

    def search(engine: str, query: str = "", params: str = ""):
        base = site_url if engine == "pagefind" else built_site.as_uri() + "/"
        target = base + "search/" + ("" if engine == "pagefind" else "index.html") + f"?q={quote(query)}{params}"
        page.goto(target)
        page.wait_for_function("() => !/正在/.test(document.getElementById('search-status').textContent)")
        assert page.evaluate("document.documentElement.getAttribute('data-search-engine')") == engine
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


@pytest.mark.parametrize("engine", ENGINES)
def test_result_count_is_the_number_of_pages_holding_the_phrase(searcher, built_site, engine):
    text = (built_site / "search/fallback-index.js").read_text(encoding="utf-8")
    records = json.loads(text[text.index("=") + 1:].rstrip(";\n"))
    for phrase in ["一件事一次办", "电子政务外网", "12345"]:
        expected = sum(1 for r in records if phrase in r["title"] + "\n" + r["text"])
        status, results = searcher(engine, phrase)
        assert len(results) == expected, phrase
        assert status.startswith(f"找到 {expected} 条结果"), phrase


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
    searcher("pagefind", "三公经费")
    years = searcher.page.locator('fieldset[data-filter="year"] input').evaluate_all("els => els.map(e => e.value)")
    assert years == ["2023", "2020", "2016"]
    kinds = searcher.page.locator('fieldset[data-filter="kind"] input').evaluate_all("els => els.map(e => e.value)")
    assert kinds == sorted(kinds) and set(kinds) == {"部门决算", "绩效自评报告"}
    grades = searcher.page.locator('fieldset[data-filter="grade"] input').evaluate_all("els => els.map(e => e.value)")
    assert grades == ["优"]


def test_checking_a_filter_updates_results_and_url(searcher):
    searcher("pagefind", "三公经费")
    page = searcher.page
    page.locator('input[name="province"][value="云南省"]').check()
    page.wait_for_function("() => /province=/.test(location.search)")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 2")
    assert "保山市隆阳区政务服务管理局" in page.locator("#search-results").inner_text()


def test_sort_by_score_puts_the_highest_first(searcher):
    _, results = searcher("pagefind", "绩效", "&type=报告&sort=score:desc")
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
    searcher("pagefind", "三公经费")
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
    searcher("pagefind", "电子政务外网")
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
    searcher("pagefind")
    assert searcher.page.locator("label[for=search-q]").inner_text() == "搜索报告、部门和原文"


def test_about_page_says_which_engine_is_in_use(browser, site_url, built_site):
    page = browser.new_page()
    page.goto(site_url + "about/")
    assert page.locator("[data-search-engine-note]").inner_text() == "当前使用：Pagefind 静态索引。"
    page.goto(built_site.as_uri() + "/about/index.html")
    assert "备用索引" in page.locator("[data-search-engine-note]").inner_text()
    page.close()


def test_search_index_covers_reports_departments_and_original_texts(built_site):
    text = (built_site / "search/fallback-index.js").read_text(encoding="utf-8")
    records = json.loads(text[text.index("=") + 1:].rstrip(";\n"))
    kinds = {}
    for r in records:
        kinds.setdefault(r["filters"]["type"][0], set()).add(r["url"])
    assert len(kinds["报告"]) == len(SEEDS) and len(kinds["原文"]) == len(SEEDS) and len(kinds["部门"]) == len(SEEDS)
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["zh-cn"]["page_count"] == 3 * len(SEEDS)
