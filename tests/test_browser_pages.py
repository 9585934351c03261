"""What only a browser shows: pages load clean under a strict CSP, pass axe, work by keyboard."""

from __future__ import annotations

import pytest

from tests.browser import Console

pytestmark = pytest.mark.browser

PAGE_KINDS = {
    "home": "",
    "report": "departments/suining-xzspfwj/2023/",
    "report-yuan": "departments/longyang-zwfwglj/2020/",
    "source": "departments/zhongfang-zwfwzx/2020/source/",
    "department": "departments/junshan-zwfwzx/",
    "departments": "departments/",
    "year": "years/2020/",
    "years": "years/",
    "region": "regions/hunan/huaihua/",
    "regions": "regions/",
    "glossary": "glossary/",
    "about": "about/",
    "checks": "checks/",
    "search": "search/",
}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_page_loads_without_console_errors_under_strict_csp(page, strict_site_url, kind):
    console = Console(page)
    response = page.goto(strict_site_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    assert console.errors == []


def test_missing_page_gets_the_404_page(page, strict_site_url):
    response = page.goto(strict_site_url + "departments/no-such-department/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "页面未找到"


def assert_styled_404_leads_home(page, url: str, home: str) -> None:
    """The 404 page at `url` has the site's styles and scripts, and 返回首页 goes to `home`."""
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 and r.request.resource_type != "document"
            else None)
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    # Styled: the masthead has the site's colours and the navigation is a row, not a list.
    assert page.evaluate("getComputedStyle(document.querySelector('.masthead')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.querySelector('.mainnav ul')).listStyleType") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.skip')).position") == "absolute"
    page.get_by_role("link", name="返回首页").click()
    page.wait_for_load_state()
    assert page.url == home
    assert page.locator("main h1").count() == 0 or page.locator("main h1").inner_text() != "页面未找到"
    assert missing == []


@pytest.mark.parametrize("missing", ["departments/x/", "departments/suining-xzspfwj/1999/source/", "a/b/c/d/e",
                                     "nothing.html"])
def test_the_404_page_is_styled_at_any_depth_and_leads_home(page, strict_site_url, missing):
    assert_styled_404_leads_home(page, strict_site_url + missing, strict_site_url)


@pytest.mark.parametrize("kind", ["home", "report", "report-yuan", "department", "year", "checks", "search"])
def test_axe_finds_no_serious_or_critical_violations(page, strict_site_url, kind):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(strict_site_url + PAGE_KINDS[kind])
    plots = page.locator(".chart-plot")
    for i in range(plots.count()):  # check the page as a reader sees it, charts drawn
        plots.nth(i).scroll_into_view_if_needed()
        plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_large_text_mode_is_keyboard_operable_and_persists(page, strict_site_url):
    page.goto(strict_site_url)
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.focus("[data-textsize]")
    page.keyboard.press("Enter")
    assert page.get_attribute("[data-textsize]", "aria-pressed") == "true"
    page.goto(strict_site_url + PAGE_KINDS["report"])
    larger = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert larger > size
    assert page.get_attribute("[data-textsize]", "aria-pressed") == "true"


def test_year_table_sorts_by_keyboard(page, strict_site_url):
    page.goto(strict_site_url + PAGE_KINDS["year"])
    header = page.locator("table.sortable thead th button", has_text="支出合计")
    header.focus()
    page.keyboard.press("Enter")
    first = page.locator("table.sortable tbody tr").first.locator("th").inner_text()
    page.keyboard.press("Enter")
    first_desc = page.locator("table.sortable tbody tr").first.locator("th").inner_text()
    assert first != first_desc
    assert page.locator("table.sortable thead th[aria-sort]").count() == 1


def test_stated_values_toggle_shows_the_report_own_figures(page, strict_site_url):
    page.goto(strict_site_url + PAGE_KINDS["report-yuan"])
    cell = page.locator("#expenditure-1-by-nature tr.total data").first
    assert cell.inner_text() == "633.90"
    page.click("[data-toggle-stated]")
    assert cell.inner_text() == "6338977.18元；6338977.18元（第四部分 四（二）1（3））" or "6338977.18元" in cell.inner_text()
    page.click("[data-toggle-stated]")
    assert cell.inner_text() == "633.90"


def test_skip_link_moves_focus_to_main_content(page, strict_site_url):
    page.goto(strict_site_url + PAGE_KINDS["report"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_fit_the_viewport_without_horizontal_scroll(browser, strict_site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for url in PAGE_KINDS.values():
        page.goto(strict_site_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, width, overflow)
    context.close()


def test_report_prints_without_navigation(page, strict_site_url):
    page.goto(strict_site_url + PAGE_KINDS["report"])
    page.emulate_media(media="print")
    assert page.locator(".mainnav").is_hidden()
    assert page.locator(".search-box").is_hidden()
    assert page.locator("table.indicators").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


@pytest.mark.parametrize("width", [360, 1280])
def test_a_printed_chart_covers_nothing_after_it(browser, strict_site_url, width):
    """Printing lays the page out at the paper's width, and a responsive chart is redrawn to
    its box: the box must keep the chart's height, or the drawing (its own height) covers the
    next table's caption."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(strict_site_url + PAGE_KINDS["report"])
    plots = page.locator(".chart-plot")
    assert plots.count() >= 2
    for i in range(plots.count()):
        plots.nth(i).scroll_into_view_if_needed()
        plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the print margins, at 96 dpi
    page.wait_for_timeout(600)  # plotly's resize
    overlaps = page.evaluate("""() => [...document.querySelectorAll('.chart')].flatMap(chart => {
      const box = chart.getBoundingClientRect();
      const drawn = [...chart.querySelectorAll('svg.main-svg')].map(s => s.getBoundingClientRect());
      const next = chart.nextElementSibling ? chart.nextElementSibling.getBoundingClientRect() : null;
      return drawn.filter(r => r.bottom > box.bottom + 1 || r.right > box.right + 1 || (next && r.bottom > next.top + 1))
                  .map(r => [chart.querySelector('.chart-title').textContent, r.bottom, box.bottom, next && next.top]);
    })""")
    assert overlaps == []
    assert page.pdf(format="A4")[:4] == b"%PDF"
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_page_index_keeps_each_number_with_its_entry(browser, strict_site_url, width):
    """隆阳's index has ten entries: each number is inside its entry, apart from the one before
    (not “9. 数据核验10. 问题与改进”)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(strict_site_url + PAGE_KINDS["report-yuan"])
    boxes = page.locator(".toc li").evaluate_all("""els => els.map(li => {
      const r = li.getBoundingClientRect(), a = li.querySelector('a').getBoundingClientRect();
      return {left: r.left, right: r.right, top: r.top, link: a.left};
    })""")
    assert len(boxes) >= 10
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.toc li')).fontSize)")
    for before, box in zip(boxes, boxes[1:]):
        assert box["link"] - box["left"] >= size  # the number (“10. ”) is within the entry's box
        if box["top"] == before["top"]:
            assert box["left"] >= before["right"] + size / 2
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_home_page_s_report_lines_are_text_not_boxes(browser, strict_site_url, width):
    """The line under each 最新公开 entry (department, year, kind, figures) is plain small text:
    it took the report page's 信息公开 box (class `meta`), a bordered frame like an input."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(strict_site_url)
    lines = page.locator(".latest li > span").evaluate_all("""els => els.map(e => {
      const s = getComputedStyle(e);
      return [s.borderTopWidth, s.borderLeftWidth, s.borderRadius, s.display, s.marginTop];
    })""")
    assert len(lines) == 5
    assert all(line == ["0px", "0px", "0px", "block", "0px"] for line in lines), lines
    page.close()


def test_checks_page_filters_findings_by_department(page, strict_site_url):
    page.goto(strict_site_url + PAGE_KINDS["checks"])
    rows = page.locator("#findings-table tbody tr")
    total = rows.count()
    page.select_option("select[name=department]", "岳阳市君山区人民政府政务服务中心")
    visible = page.locator("#findings-table tbody tr:not([hidden])")
    assert visible.count() == 2 < total
    assert page.locator(".filter-count").inner_text() == "显示 2 项"
    page.select_option("select[name=department]", "")
    assert page.locator("#findings-table tbody tr:not([hidden])").count() == total


def test_no_page_kind_violates_the_deploy_csp(browser, built_site):
    from tests.browser import deploy_headers, serve

    headers = deploy_headers()
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    with serve(built_site, headers=headers) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "(window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + "
                             "e.blockedURI))")
        console = Console(page)
        for kind, path in sorted(PAGE_KINDS.items()):
            response = page.goto(url + path + ("?q=三公经费" if kind == "search" else ""))
            assert response.headers["x-content-type-options"] == "nosniff"
            plots = page.locator(".chart-plot")
            for i in range(plots.count()):
                plots.nth(i).scroll_into_view_if_needed()
                plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
            if kind == "search":
                page.wait_for_function("() => /找到/.test(document.getElementById('search-status').textContent)")
            assert page.evaluate("window.__violations || []") == [], kind
        assert console.errors == []
        context.close()


def test_the_year_page_table_filters_by_region_and_grade(browser, strict_site_url):
    """A year's comparison table narrows to one region or one grade in the browser (and shows every row without script)."""
    page = browser.new_page()
    page.goto(strict_site_url + "years/2020/")
    rows = page.locator("#year-table tbody tr")
    total = rows.count()
    assert total >= 2
    options = page.locator("select[name=region] option").all_inner_texts()[1:]
    page.select_option("select[name=region]", options[0])
    shown = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(shown) < total
    assert all(r.get_attribute("data-region") == options[0] for r in shown)
    assert page.locator(".filter-count").inner_text() == f"显示 {len(shown)} 项"
    page.close()


@pytest.mark.parametrize("url", ["departments/suining-xzspfwj/2023/", "departments/zhongfang-zwfwzx/2020/"])
def test_the_original_figures_in_the_cards_show_once_with_their_own_unit(browser, strict_site_url, url):
    """显示原文数值 swaps each card's figure for the report's own text: its unit once (not
    “940.47万元 万元”), its first statement without where it stands, inside the card."""
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(strict_site_url + url)
    page.click("[data-toggle-stated]")
    for card in page.locator("dl.cards .card").all():
        text = card.locator("dd").inner_text()
        assert "万元 万元" not in text and "元 万元" not in text, text
        assert "（" not in text.split("\n")[0], text
        assert card.evaluate("c => c.scrollWidth <= c.clientWidth + 1"), text
    page.click("[data-toggle-stated]")
    assert "万元" in page.locator("dl.cards .card dd").first.inner_text()  # the site's unit is back
    page.close()
