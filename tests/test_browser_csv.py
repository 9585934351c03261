"""Each table's 下载 CSV, made in the browser from the table (templates/static/table-csv.js), holds
exactly the bytes of the generator's reference for that table (generator/outputs/data.py page_tables,
chart_table); without scripts the link gives tables.csv, every table of the page in one file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.outputs import data
from generator.content.load import load_content
from generator.site.pages import plan
from generator.engine.pipeline import build
from tests.browser import CSP, Console, serve
from tests.seeds import CONTENT, SEEDS, rewritten_seeds

pytestmark = pytest.mark.browser

#: Text a CSV must quote, escape or keep exactly: commas, quotes, line breaks (a carriage return
#: too, which an HTML parser would read as a line feed), formula characters, spaces at the ends.
TRICKY = ['=1+1,"引号"\r\n换行', "\r=回车", "- 前后空格 ", "@\t制表", "'=单引号", '逗号,与"引号"', "<b>标签</b>&amp;"]


def references(content_dir: Path) -> dict[str, dict[str, bytes]]:
    """Page URL → table id → the reference CSV, for every page with 下载 CSV links."""
    out = {}
    for page in plan(load_content(content_dir)):
        if page.template == "report.html":
            tables = data.page_tables(page.context)
        elif page.template in ("department.html", "year.html", "home.html"):
            tables = [data.chart_table(c) for c in page.context["charts"]]
        else:
            continue
        if tables:
            out[page.url] = {t.id: t.csv for t in tables}
    return out


def downloads(page, url: str) -> dict[str, bytes]:
    """Every table's 下载 CSV of the page at `url`, clicked in turn: table id → bytes downloaded."""
    page.goto(url)
    plots = page.locator(".chart-plot")
    for i in range(plots.count()):  # charts drawn first, so that nothing moves under the pointer
        plots.nth(i).scroll_into_view_if_needed()
        plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    got = {}
    links = page.locator("a[data-csv-file]")
    for i in range(links.count()):
        link = links.nth(i)
        name = link.get_attribute("data-csv-file")
        assert link.get_attribute("href") == "tables.csv"
        collapsed = link.evaluate("a => (a.closest('.chart-table.collapsed') || {}).id || ''")
        if collapsed:  # a chart's data table, shown as a reader shows it
            page.click(f"button[aria-controls='{collapsed}']")
        download = click_to_download(page, link)
        assert download.suggested_filename == f"{name}.csv"
        assert name not in got, name
        got[name] = Path(download.path()).read_bytes()
    return got


def click_to_download(page, link):
    """The download a click on `link` starts. Headless Chromium now and then reports no download
    for one of many in a row from a page (every tenth or twentieth, links to files on the server
    too), so a click with no download is made again, twice at most."""
    for attempt in range(3):
        try:
            with page.expect_download(timeout=5000 if attempt < 2 else 30000) as info:
                link.click()
            return info.value
        except PlaywrightTimeout:
            if attempt == 2:
                raise


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def seed_references():
    return references(CONTENT)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_each_table_download_is_the_reference_csv(page, strict_site_url, seed_references, slug):
    console = Console(page)
    url = f"departments/{slug}/{SEEDS[slug]}/"
    got = downloads(page, strict_site_url + url)
    expected = seed_references[url]
    assert len(expected) >= 5
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], name
    assert console.errors == []


@pytest.mark.parametrize("url", ["departments/suining-xzspfwj/", "years/2020/", ""])
def test_chart_table_downloads_of_other_pages_are_the_reference(page, strict_site_url, seed_references, url):
    got = downloads(page, strict_site_url + url)
    assert got and got == seed_references[url]


def test_a_table_downloads_by_keyboard(page, strict_site_url, seed_references):
    url = "departments/longyang-zwfwglj/2020/"
    page.goto(strict_site_url + url)
    link = page.locator("a[data-csv-file='expenditure-1-by-nature']")
    link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert Path(info.value.path()).read_bytes() == seed_references[url]["expenditure-1-by-nature"]


def test_a_table_downloads_from_disk(page, built_site, seed_references):
    url = "departments/suining-xzspfwj/2023/"
    page.goto((built_site / url / "index.html").as_uri())
    link = page.locator("a[data-csv-file='indicators']")
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes() == seed_references[url]["indicators"]


def test_without_scripts_the_link_gives_every_table_of_the_page(browser, built_site, seed_references):
    url = "departments/suining-xzspfwj/2023/"
    with serve(built_site, CSP) as base:
        context = browser.new_context(java_script_enabled=False, accept_downloads=True)
        page = context.new_page()
        page.goto(base + url)
        download = click_to_download(page, page.locator("a[data-csv-file='indicators']"))
        assert download.suggested_filename == "tables.csv"
        assert Path(download.path()).read_bytes() == (built_site / url / "tables.csv").read_bytes()
        context.close()
    combined = (built_site / url / "tables.csv").read_bytes()
    for csv in seed_references[url].values():
        assert csv.removeprefix("\ufeff".encode()) in combined


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """The seeds with names, notes, scopes, deviations and goals' results made hard to write as CSV."""
    from tests.test_csv_injection import BLOCK_VALUE, FLOW_VALUE, KEEP

    tmp = tmp_path_factory.mktemp("csv-tricky")
    given: dict[str, str] = {}

    def replace(match):
        value = match["value"]
        if value in KEEP:
            return match[0]
        payload = given.setdefault(value, TRICKY[len(given) % len(TRICKY)])
        return f"{match['lead']}{match['key']}: {json.dumps(payload + value, ensure_ascii=False)}"

    content = rewritten_seeds(tmp, lambda text: FLOW_VALUE.sub(replace, BLOCK_VALUE.sub(replace, text)))
    assert len(given) > 400
    build(content, tmp / "site")
    return tmp / "site", references(content)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_tricky_text_downloads_as_the_reference_csv(page, tricky, slug):
    site, expected = tricky
    url = f"departments/{slug}/{SEEDS[slug]}/"
    with serve(site, CSP) as base:
        got = downloads(page, base + url)
    assert sorted(got) == sorted(expected[url])
    assert any(b"\r\n\xe6\x8d\xa2\xe8\xa1\x8c" in csv for csv in got.values())  # a quoted CR LF (换行)
    for name in expected[url]:
        assert got[name] == expected[url][name], name


def test_a_published_tables_download_is_the_reference_csv(page, tmp_path):
    """A 决算 table as printed (`tables:`): its 下载 CSV made in the browser from its cells is the
    generator's reference, numbers as numbers, a dash as printed, an empty cell empty."""
    import shutil

    from tests.seeds import ROOT
    from tests.test_published_tables import HEAD, TABLE

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + TABLE.split(HEAD, 1)[1], encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    expected = references(content)["departments/demo-dept/2020/"]
    with serve(tmp_path / "site", CSP) as url:
        got = downloads(page, url + "departments/demo-dept/2020/")
    assert got["pt-1"] == expected["pt-1"]
    assert "pt-2" not in got  # the empty table has nothing to download
