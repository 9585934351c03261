"""A rebuild after one department changed adds a delta segment to the search index instead of
making it again: it writes the index's own two files, the delta's shards and documents, and
nothing of the main segment; and every query finds what a cold build's index finds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.engine.pipeline import build
from generator.engine.write import Trees
from tests.searchread import Site, assert_same_site_search, site_files

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
YEAR = "departments/tianxin-xzspfwj/2020"
OLD_WORD, NEW_WORD = "掷地有声", "蹄疾步稳巽坎离震"
WORDS = [OLD_WORD, NEW_WORD, "巽坎离震", "蹄疾", "（更正）", "绩效自评报告（更正）", "一件事一次办", "12345", "三公经费",
         "天心区部门整体支出绩效自评报告"]


def change(content: Path, old: str = OLD_WORD, new: str = NEW_WORD, corrected: bool = True) -> None:
    """One year file changed: its title corrected (or back), a word of its narrative (and of its
    original text) replaced by another."""
    year = content / f"{YEAR}.yaml"
    text = year.read_text(encoding="utf-8")
    title, fixed = "title: 天心区部门整体支出绩效自评报告}", "title: 天心区部门整体支出绩效自评报告（更正）}"
    text = text.replace(*((title, fixed) if corrected else (fixed, title)))
    year.write_text(text.replace(old, new), encoding="utf-8")
    source = content / f"{YEAR}.source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def shown_changes(site: Path) -> list[str]:
    """The paths the last build wrote anew (not kept as they were)."""
    trees = Trees(site)
    return trees.state(trees.shown()).changed


def inodes(site: Path, prefix: str) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in (site / prefix).rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The seed content built with a cache, then rebuilt after one year file changed; and the
    changed content built cold."""
    tmp = tmp_path_factory.mktemp("update")
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    site, cache = tmp / "site", tmp / "cache"
    build(content, site, cache_dir=cache)
    first = site_files(site)
    main = inodes(site, "search/s")
    docs = inodes(site, "search/d")
    change(content)
    result = build(content, site, cache_dir=cache)
    fresh = tmp / "fresh"
    build(content, fresh)
    return {"content": content, "site": site, "cache": cache, "fresh": fresh, "first": first, "main": main,
            "docs": docs, "result": result, "changed": shown_changes(site)}


def test_the_rebuild_writes_only_the_index_files_and_the_delta(sites):
    site = sites["site"]
    index = Site(site_files(site))
    delta = index.delta
    assert delta and delta["shards"] >= 1
    first = delta["first"]
    written = sorted(p for p in sites["changed"] if p.startswith("search/"))
    expected = sorted(["search/index.js", "search/sort.js", *(f"search/x/{k}.js" for k in range(delta["shards"])),
                       *(f"search/d/{n}.js" for n in range(first, index.index["documents"]))])
    assert written == expected
    # the department's own documents (its page and its report) are the delta, its main ones dead
    assert sorted(index.url(n) for n in range(first, index.index["documents"])) == [
        "departments/tianxin-xzspfwj/", f"{YEAR}/"]
    assert sorted(index.url(n) for n in delta["dead"]) == ["departments/tianxin-xzspfwj/", f"{YEAR}/"]
    # the main segment's shards and documents are the very files the first build wrote
    assert inodes(site, "search/s") == sites["main"]
    after = inodes(site, "search/d")
    assert all(after[p] == ino for p, ino in sites["docs"].items())
    assert sites["result"].searchable == len(index.live)


def test_every_query_finds_what_a_cold_index_finds(sites):
    assert_same_site_search(sites["site"], sites["fresh"], WORDS)
    index = Site(site_files(sites["site"]))
    assert index.search(NEW_WORD, checked=True) == [f"{YEAR}/"]
    assert index.search(OLD_WORD, checked=True) == []
    assert index.search(OLD_WORD) == []  # the dead document is not even a candidate


def test_the_rest_of_the_site_is_the_cold_build_s(sites):
    def outside_search(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and not p.relative_to(root).as_posix().startswith("search/")}

    assert outside_search(sites["site"]) == outside_search(sites["fresh"])


def test_a_second_change_and_a_revert(sites, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(sites["content"], content)
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(sites["cache"], cache)
    build(content, site, cache_dir=cache)  # a new site from a cache: its index is built cold
    cold_files = site_files(site)
    zhongfang = content / "departments/zhongfang-zwfwzx/department.yaml"
    zhongfang.write_text(zhongfang.read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8")
    change(content, NEW_WORD, "坎离", corrected=False)
    build(content, site, cache_dir=cache)
    fresh = tmp_path / "fresh"
    build(content, fresh)
    assert_same_site_search(site, fresh, [*WORDS, "坎离"])
    # back to the content the main segment was built from: the cold build's files again
    change(content, "坎离", NEW_WORD, corrected=True)
    zhongfang.write_text(zhongfang.read_text(encoding="utf-8").replace("\n# 注释\n", ""), encoding="utf-8")
    build(content, site, cache_dir=cache)
    assert site_files(site) == cold_files


def test_a_main_segment_file_edited_by_hand_makes_the_index_cold(sites, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache_dir=cache)
    shard = site / "search/s/0.js"
    shard.write_bytes(shard.read_bytes() + b"\n")
    change(content)
    build(content, site, cache_dir=cache)
    assert "delta" not in Site(site_files(site)).index
    assert site_files(site) == site_files(sites["fresh"])


def browser_results(browser, base: str, page_path: str, query: str):
    """What the search page at `base` lists for a query: (status, [(title, link under base)])."""
    from urllib.parse import quote

    from tests.browser import Console

    context = browser.new_context()
    page = context.new_page()
    console = Console(page)
    try:
        page.goto(base + page_path + f"?q={quote(query)}")
        page.wait_for_function("() => !/正在/.test(document.getElementById('search-status').textContent)")
        links = page.locator("#search-results a.result-title")
        found = links.evaluate_all("els => els.map(a => [a.textContent, a.href])")
        status = page.locator("#search-status").inner_text()
        assert console.errors == []
        return status, [(title, href.removeprefix(base)) for title, href in found]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("engine", ["http", "file"])
def test_the_search_page_finds_the_new_word_and_not_the_removed_one(sites, browser, engine):
    from tests.browser import CSP, serve

    site, fresh = sites["site"], sites["fresh"]
    assert "delta" in Site(site_files(site)).index
    with serve(site, CSP) as url, serve(fresh, CSP) as fresh_url:
        def listing(root: Path, served: str, query: str):
            if engine == "http":
                return browser_results(browser, served, "search/", query)
            return browser_results(browser, root.resolve().as_uri() + "/", "search/index.html", query)

        status, found = listing(site, url, NEW_WORD)
        assert status.startswith("找到 1 条结果")
        assert [(title, link.split("#")[0].removesuffix("index.html")) for title, link in found] == [
            ("天心区部门整体支出绩效自评报告（更正）", f"{YEAR}/")]
        status, found = listing(site, url, OLD_WORD)
        assert found == [] and status.startswith("没有找到")
        # every other query lists what the cold build's page lists, in the same order
        for query in ["一件事一次办", "天心区", "12345", "绩效自评报告（更正）", "政务服务", "县", "蹄疾"]:
            assert listing(site, url, query) == listing(fresh, fresh_url, query), query


def test_a_removed_department_and_a_delta_too_large_for_the_limit(tmp_path, monkeypatch):
    from generator.outputs import searchindex

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(content, site, cache_dir=cache)
    shutil.rmtree(content / "departments/junshan-zwfwzx")
    build(content, site, cache_dir=cache)
    index = Site(site_files(site))
    assert index.delta and index.delta["shards"] == 0 and len(index.delta["dead"]) == 2
    fresh = tmp_path / "fresh"
    build(content, fresh)
    assert_same_site_search(site, fresh, ["君山", "岳阳市君山区人民政府政务服务中心", "电子政务外网"])
    assert Site(site_files(site)).search("君山") == []
    # past the limit the index is made anew: no delta
    monkeypatch.setattr(searchindex, "DELTA_MIN", 0)
    monkeypatch.setattr(searchindex, "DELTA_SHARE", 0)
    change(content)
    build(content, site, cache_dir=cache)
    fresh2 = tmp_path / "fresh2"
    build(content, fresh2)
    assert site_files(site) == site_files(fresh2)
