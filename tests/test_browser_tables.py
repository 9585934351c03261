"""Tables on a phone, measured in Chromium: every column at least six characters wide, a wide
table scrolling in its frame under a visible cue with its row names held, the 绩效自评表 and
the 核验发现 reflowed into one block per row."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}

PAGES = [
    "",
    "departments/suining-xzspfwj/2023/",
    "departments/longyang-zwfwglj/2020/",
    "departments/zhongfang-zwfwzx/2020/",
    "departments/junshan-zwfwzx/2016/",
    "departments/tianxin-xzspfwj/2020/",
    "departments/junshan-zwfwzx/",
    "years/2020/",
    "regions/hunan/huaihua/",
    "checks/",
    "data/",
]

# Each shown table of the page: whether it is stacked (its cells are blocks), and each of its
# cells (colspan 1) narrower than six times its font size, the width of six Chinese characters.
MEASURE = """() => Array.from(document.querySelectorAll("main table"))
  .filter(t => !t.closest(".chart-table.collapsed") && t.checkVisibility())
  .map(t => {
    const wrap = t.closest(".table-wrap");
    const cells = Array.from(t.querySelectorAll("tbody th, tbody td, thead th, tfoot th, tfoot td"))
      .filter(c => c.colSpan === 1 && c.checkVisibility());
    const stacked = cells.length > 0 && cells.filter(c => !c.closest("thead"))
      .every(c => getComputedStyle(c).display === "block");
    const narrow = stacked ? [] : cells.map(c => [c.textContent.trim().slice(0, 10), c.getBoundingClientRect().width,
                                                  6 * parseFloat(getComputedStyle(c).fontSize)])
                                       .filter(([, w, min]) => w + 0.5 < min);
    return {table: (t.id || t.className), stacked, narrow,
            overflows: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : false};
  })"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_table_column_is_narrower_than_six_characters_at_360px(phone, strict_site_url, path):
    phone.goto(strict_site_url + path)
    phone.wait_for_load_state("networkidle")
    tables = phone.evaluate(MEASURE)
    if path:  # the home page shows no table but a chart's, folded away
        assert tables, "no table measured"
    assert [(t["table"], t["narrow"]) for t in tables if t["narrow"]] == []
    # A stacked table fits its frame; the others may scroll in it, never the page.
    assert [t["table"] for t in tables if t["stacked"] and t["overflows"]] == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


CUE = """w => { const s = getComputedStyle(w, "::before");
  return s.display !== "none" && s.visibility === "visible" && s.content.includes("滑动") ? s.content : null; }"""


def test_a_wide_table_shows_a_scroll_cue_and_keeps_its_row_names_and_caption_in_view(phone, strict_site_url):
    phone.goto(strict_site_url + "departments/suining-xzspfwj/2023/")
    wrap = phone.locator(".table-wrap:has(> #sangong)")
    wrap.scroll_into_view_if_needed()
    # (expect polls from outside the page: a wait_for_function string would be eval'd in it, which the
    # site's Content-Security-Policy refuses)
    expect(wrap).to_have_class(re.compile(r"\boverflows\b"))
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")
    assert wrap.evaluate(CUE)
    # The cue itself is on screen: the frame's first line, its own left edge at the frame's.
    left = wrap.evaluate("w => w.getBoundingClientRect().left + w.clientLeft")
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    expect(wrap).to_have_class(re.compile(r"\bscrolled\b"))
    held = wrap.evaluate("""w => [w.querySelector('thead th').getBoundingClientRect().left,
                                  w.querySelector('tbody th[scope=row]').getBoundingClientRect().left,
                                  w.querySelector('caption').getBoundingClientRect().left]""")
    assert all(abs(x - left) < 1 for x in held), (held, left)
    # A table that fits has no cue.
    fits = phone.locator(".table-wrap:has(> #income-1-by-source)")
    assert not fits.evaluate("w => w.scrollWidth > w.clientWidth")
    assert fits.evaluate(CUE) is None


def test_no_cue_on_a_wide_screen_where_the_table_fits(page_1280, strict_site_url):
    page_1280.goto(strict_site_url + "departments/suining-xzspfwj/2023/")
    page_1280.wait_for_load_state("networkidle")
    assert page_1280.locator(".table-wrap:has(> #sangong)").evaluate(CUE) is None


@pytest.fixture
def page_1280(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_the_indicator_table_reflows_into_one_block_per_indicator_on_a_phone(phone, page_1280, strict_site_url):
    url = strict_site_url + "departments/suining-xzspfwj/2023/"
    phone.goto(url)
    table = phone.locator("table.indicators").first
    rows = table.evaluate("""t => Array.from(t.tBodies[0].rows).map(r => ({
      display: getComputedStyle(r).display,
      name: r.querySelector('th.level3').textContent,
      labels: Array.from(r.querySelectorAll('td')).filter(c => c.checkVisibility())
                   .map(c => getComputedStyle(c, '::before').content)}))""")
    assert rows and all(r["display"] == "block" for r in rows)
    first = rows[0]
    assert first["name"] == "组织开展“政务公开日”主题活动"
    assert first["labels"] == ['"年度指标值："', '"实际完成值："', '"分值："', '"得分："']
    assert table.evaluate("t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth")
    # On a wide screen it is the table it is.
    page_1280.goto(url)
    assert page_1280.locator("table.indicators").first.evaluate(
        "t => getComputedStyle(t).display + ' ' + getComputedStyle(t.tBodies[0].rows[0]).display") == "table table-row"


def test_the_checks_findings_reflow_with_the_subject_first_on_a_phone(phone, strict_site_url):
    phone.goto(strict_site_url + "checks/")
    row = phone.locator("#findings-table tbody tr").first
    order = row.evaluate("""r => Array.from(r.children).filter(c => c.checkVisibility())
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top
                   || a.getBoundingClientRect().left - b.getBoundingClientRect().left)
      .map(c => c.tagName + (c.dataset.label || ''))""")
    assert order[0] == "TH"
    assert order[1:] == ["TD部门", "TD年度", "TD程度", "TD说明", "TD数据文件"]
