"""What only a browser shows of the pages that read across reports, on the demo site: charts
drawn under the strict policy, and tables that read on a phone without scrolling sideways."""

from __future__ import annotations

import pytest

from tests.browser import CSP, Console, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # the demo site: 300 reports built, about 15 s


@pytest.fixture(scope="module")
def demo_url(demo_site):
    with serve(demo_site / "site", CSP) as url:
        yield url


def first(demo_site, pattern: str) -> str:
    """The URL of the first page matching `pattern` (a glob under the site)."""
    site = demo_site / "site"
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob(pattern))[0]


def busiest_year(demo_site) -> str:
    """The year of the most reports (the most rows in its page's table)."""
    site = demo_site / "site"
    return max((p.parent.name for p in site.glob("years/*/index.html")),
               key=lambda y: ((site / "years" / y / "index.html").read_text(encoding="utf-8").count("<tr data-region"), y))


def test_region_and_year_charts_draw_and_their_tables_read_at_phone_width(browser, demo_site, demo_url):
    """At 360 px a city's page and a busy year's page draw every chart with no console error, the
    page never scrolls sideways, and the top and bottom lists fit the screen."""
    city = first(demo_site, "regions/*/*/index.html")
    year = f"years/{busiest_year(demo_site)}/"
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    console = Console(page)
    for url, charts in ((city, ("chart-region-totals", "chart-region-grades", "chart-region-sub-regions")),
                        (year, ("chart-year-score", "chart-year-rate"))):
        page.goto(demo_url + url)
        for id in charts:
            plot = page.locator(f"#{id} .chart-plot")
            plot.scroll_into_view_if_needed()
            plot.locator("svg.main-svg").first.wait_for(timeout=15000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
    for table in page.locator("table.ranking").all():
        assert table.evaluate("t => t.getBoundingClientRect().width <= t.parentElement.clientWidth + 1")
    assert page.locator("table.ranking").count() == 3
    assert console.errors == []
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_year_on_year_tables_read_without_scrolling_sideways_on_a_phone(browser, demo_site, demo_url, width):
    """The 与上年比较 of a report and the 历年增减 of a department: on a phone a block per figure
    with each value under its column's name, no wider than the screen; on a desktop a table."""
    site = demo_site / "site"
    dept = next(p.parent for p in sorted(site.glob("departments/*/index.html"))
                if len(list(p.parent.glob("*/index.html"))) >= 3)
    report = sorted(d.name for d in dept.iterdir() if d.is_dir())[-1]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for url in (f"departments/{dept.name}/{report}/", f"departments/{dept.name}/"):
        page.goto(demo_url + url)
        table = page.locator("table.year-changes")
        table.scroll_into_view_if_needed()
        wrap = table.locator("xpath=..")
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1"), url
        header = page.locator("table.year-changes thead").evaluate("h => h.getBoundingClientRect().height")
        label = page.locator("table.year-changes td").first.evaluate(
            "td => getComputedStyle(td, '::before').content")
        if width == 360:
            assert header <= 1 and "年" in label, url  # 2023年, 本年, 上年: the column's name
        else:
            assert header > 10 and label in ("none", "normal"), url
    context.close()
