"""Script injection: hostile text in every text field of a report, its department and the site
is shown as text on every page, in chart hover labels and in search results, and never runs.

The site is served without a Content-Security-Policy here, so what is proved is the escaping
itself; the CSP is a second wall (tests/test_browser_pages.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.content import yamlsafe
from generator.content.load import load_content
from generator.engine.pipeline import build
from tests.seeds import CONTENT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS = [line for line in (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
#: Keys whose values are free text in some file of the content (numbers, dates, enums and codes are not).
TEXT_KEYS = {"name", "title", "issuer", "index_no", "doc_no", "catalogue", "source", "note", "at", "statement",
             "body", "target", "actual", "deviation", "level1", "level2", "grade", "text", "scope", "share_of",
             "type", "qualifier", "short_name", "level", "founded", "event", "date", "definition", "term", "subtitle",
             "organizer", "address", "phone", "email", "icp", "police_record", "site_code", "description", "result"}
TEXT_LISTS = {"problems", "measures", "functions", "internal_units", "subordinate_units", "aliases",
              "supervision_index_nos"}
INJECTED = ["departments/suining-xzspfwj/2023.yaml", "departments/suining-xzspfwj/department.yaml",
            "departments/longyang-zwfwglj/2020.yaml", "departments/longyang-zwfwglj/department.yaml",
            "site.yaml", "glossary.yaml"]


class Injector:
    def __init__(self) -> None:
        self.n = 0
        self.fields: set[str] = set()

    def next(self, key: str) -> str:
        payload = PAYLOADS[self.n % len(PAYLOADS)]
        self.n += 1
        self.fields.add(key)
        return payload

    def walk(self, value, key: str = "", within: str = ""):
        if isinstance(value, dict):
            return {k: self.walk(v, k, key if isinstance(value, dict) and key else within) for k, v in value.items()}
        if isinstance(value, list):
            if key in TEXT_LISTS:
                return [self.next(key) if isinstance(v, str) else self.walk(v, key, key) for v in value]
            return [self.walk(v, key, key) for v in value]
        # `actual` and `target` are text in indicator rows and goals, amounts everywhere else.
        if key in ("actual", "target") and within not in ("indicators", "goals"):
            return value
        if key == "date" and within == "explanations":  # a date there, text only in a history's events
            return value
        if isinstance(value, str) and key in TEXT_KEYS:
            return self.next(key)
        return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xss")
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    injector = Injector()
    for rel in INJECTED:
        path = content / rel
        data, _ = yamlsafe.read(path.read_text(encoding="utf-8"))
        hostile = injector.walk(data)
        if rel == "site.yaml":
            hostile["base_url"] = data["base_url"]
        path.write_text(yaml.safe_dump(hostile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_content(content)  # hostile text is still valid content
    out = tmp / "site"
    build(content, out)
    return out, injector


def test_the_corpus_is_large_and_every_payload_is_placed(hostile_site):
    _, injector = hostile_site
    assert len(PAYLOADS) >= 60
    assert injector.n >= len(PAYLOADS)
    assert {"name", "title", "body", "level1", "target", "actual", "note", "organizer"} <= injector.fields


DOM_AUDIT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name) &&
          /^(javascript|vbscript|data):/.test(value)) bad.push(el.tagName + ' ' + name + '=' + attr.value);
      // plotly.js styles its own chart elements through the CSSOM, which shows as style attributes.
      if (name === 'style' && !el.closest('.chart-plot, #js-plotly-tester')) bad.push(el.tagName + ' style');
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'base', 'marquee', 'video', 'audio'].includes(tag)) bad.push(tag);
    if (tag === 'meta' && el.getAttribute('http-equiv')) bad.push('meta refresh');
    if (tag === 'script' && !el.src && el.type !== 'application/json') bad.push('inline script');
  }
  return bad;
}"""


def visit(page, url: str) -> list[str]:
    page.goto(url)
    plots = page.locator(".chart-plot")
    for i in range(plots.count()):
        plots.nth(i).scroll_into_view_if_needed()
        plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    return page.evaluate(DOM_AUDIT)


@pytest.fixture(scope="module")
def served(hostile_site):
    from tests.browser import serve

    site, _ = hostile_site
    with serve(site, headers={}) as url:  # no CSP: the escaping alone must hold
        yield site, url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def test_no_page_runs_injected_script_or_carries_a_handler(served, page):
    site, url = served
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) >= 40
    problems = {}
    for rel in pages:
        found = visit(page, url + rel)
        if found:
            problems[rel] = found
        assert page.evaluate("window.__pwned") is None, rel
    assert problems == {}
    assert page.dialogs == []


def test_hostile_text_shows_as_text(served, page):
    _, url = served
    page.goto(url + "departments/suining-xzspfwj/2023/")
    text = page.locator("main").inner_text()
    shown = [p for p in PAYLOADS if p.strip() in text]
    assert "<script>alert(1)</script>" in text
    assert len(shown) > 20
    assert page.dialogs == []


def test_chart_hover_labels_show_hostile_names_as_text(served, page):
    _, url = served
    visit(page, url + "departments/suining-xzspfwj/2023/")
    bars = page.locator("#chart-expenditure-by-nature g.point path, #chart-basic-composition g.point path")
    hovered = 0
    for i in range(min(bars.count(), 4)):
        bars.nth(i).scroll_into_view_if_needed()
        box = bars.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator(".hoverlayer .hovertext").first.wait_for(timeout=5000)
        hovered += 1
        assert page.evaluate(DOM_AUDIT) == []
    assert hovered
    assert page.dialogs == []


def test_search_results_show_hostile_text_as_text(served, page):
    site, url = served
    for engine_url in (url + "search/?q=alert", site.as_uri() + "/search/index.html?q=alert"):
        page.goto(engine_url)
        page.wait_for_function("() => /找到|没有/.test(document.getElementById('search-status').textContent)")
        assert page.locator("#search-results li").count() > 0
        assert page.evaluate(DOM_AUDIT) == []
        titles = page.locator("#search-results .result-title").all_inner_texts()
        assert any("<" in t or "alert" in t for t in titles)
    assert page.dialogs == []
