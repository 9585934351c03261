"""Page weight and stability on a phone, as a browser loads the pages: a report's first view
before its charts stays small, and the search page's results do not shift what is on screen.
(Lighthouse scores are a benchmark, benchmarks/lighthouse.py, not a test.)"""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def test_a_report_page_first_view_before_charts_is_under_50_kb_gzipped(phone, strict_site_url, built_site):
    requested = []
    phone.on("request", lambda r: requested.append(urlsplit(r.url).path))
    phone.goto(strict_site_url + "departments/suining-xzspfwj/2023/")
    phone.wait_for_load_state("networkidle")
    first = [p for p in requested if not re.search(r"/assets/plotly\.[0-9a-f]+\.js$", p)]
    assert any("/assets/site." in p for p in first)
    files = [built_site / (p.lstrip("/") + ("index.html" if p.endswith("/") else "")) for p in first]
    # gzip at level 1, nginx's default (deploy/nginx.conf turns gzip on)
    sent = sum(len(gzip.compress(f.read_bytes(), 1)) for f in files)
    assert sent < 50 * 1024, [(f.name, len(gzip.compress(f.read_bytes(), 1))) for f in files]


SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def test_search_results_arrive_without_shifting_the_page_on_a_phone(phone, strict_site_url):
    requested = []
    phone.on("request", lambda r: requested.append(urlsplit(r.url).path))
    phone.goto(strict_site_url + "search/?q=12345")
    phone.locator("#search-results li").first.wait_for()
    assert phone.evaluate(SHIFTS) < 0.01
    # The index's table of contents comes with the page (preloaded), and once.
    assert requested.count("/search/index.js") == 1
