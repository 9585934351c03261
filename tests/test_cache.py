"""The build cache: a cached rebuild makes exactly the site a fresh build makes, and skips
only what did not change."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.engine.cache import Cache
from generator.engine.pipeline import build
from tests.searchread import assert_same_site_search

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(site: Path, fresh: Path) -> None:
    """The site a cached rebuild made is the fresh build's: the same files, but for the search
    index, which a rebuild may extend with a delta segment (tests/test_search_update.py), and
    which then finds the same documents for every query."""
    def outside_search(root: Path) -> dict[str, bytes]:
        return {path: data for path, data in files(root).items() if not path.startswith("search/")}

    assert outside_search(site) == outside_search(fresh)
    assert_same_site_search(site, fresh)


def seeds_copy(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The seed content copied into `tmp_path`, and where its site and build cache go there."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content, tmp_path / "site", tmp_path / "cache"


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def correct_title(content: Path) -> None:
    year = content / "departments/tianxin-xzspfwj/2020.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace(
        "title: 天心区部门整体支出绩效自评报告}", "title: 天心区部门整体支出绩效自评报告（更正）}"), encoding="utf-8")


def test_a_cached_rebuild_after_a_change_equals_a_fresh_build(tmp_path):
    content, site, cache = seeds_copy(tmp_path)
    first = build(content, site, cache_dir=cache)
    assert first.reused == 0
    again = build(content, site, cache_dir=cache)
    assert again.reused == again.departments == 5  # every department's pages kept

    correct_title(content)
    before = inodes(site)
    result = build(content, site, cache_dir=cache)
    assert result.reused == 4
    build(content, tmp_path / "fresh")  # no cache at all
    assert_same_site(site, tmp_path / "fresh")
    assert "天心区部门整体支出绩效自评报告（更正）" in (site / "departments/tianxin-xzspfwj/2020/index.html").read_text(
        encoding="utf-8")
    after = inodes(site)
    kept = [p for p in after if p.startswith("departments/longyang-zwfwglj/")]
    assert kept and all(after[p] == before[p] for p in kept)


def test_kept_departments_and_pages_rendered_on_two_processes_make_the_same_site(tmp_path, monkeypatch):
    import generator.engine.executor as executor

    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    correct_title(content)
    monkeypatch.setattr(executor, "PARALLEL_FROM", 1)  # worker processes build what is not kept
    assert build(content, site, cache_dir=cache).reused == 4
    build(content, tmp_path / "fresh")
    assert_same_site(site, tmp_path / "fresh")


def test_a_kept_file_that_was_edited_by_hand_is_made_again(tmp_path):
    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    page = site / "departments/longyang-zwfwglj/2020/index.html"
    good = page.read_bytes()
    page.write_bytes(good + "<p>改过</p>".encode())
    result = build(content, site, cache_dir=cache)
    assert result.reused == 4
    assert page.read_bytes() == good


def test_site_wide_files_edited_or_removed_by_hand_are_made_again(tmp_path):
    """With nothing changed a rebuild keeps every site-wide file without making any, but not
    one that was edited or removed since: then the site-wide files are looked at again."""
    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    good = files(site)
    again = build(content, site, cache_dir=cache)
    assert again.rebuilt == [] and again.remade == [] and again.searchable > 0
    assert "site" in again.stages and "pages" not in again.stages  # one look at the whole
    assert files(site) == good
    (site / "years/2020/index.html").write_bytes("<p>改过</p>".encode())
    (site / "data/2020/figures.csv.zip").unlink()
    (site / "search/index.js").unlink()
    fixed = build(content, site, cache_dir=cache)
    assert fixed.rebuilt == [] and "pages" in fixed.stages
    assert files(site) == good


def test_a_template_change_makes_every_department_again(tmp_path):
    content, site, cache = seeds_copy(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    import generator.engine.pipeline as pipeline

    original = pipeline.TEMPLATES
    pipeline.TEMPLATES = templates
    try:
        build(content, site, cache_dir=cache)
        report = templates / "report.html"
        report.write_text(report.read_text(encoding="utf-8").replace("数据核验", "数据核对", 1), encoding="utf-8")
        result = build(content, site, cache_dir=cache)
    finally:
        pipeline.TEMPLATES = original
    assert result.reused == 0
    assert "数据核对" in (site / "departments/longyang-zwfwglj/2020/index.html").read_text(encoding="utf-8")


def test_the_cache_keeps_one_build_and_survives_damage(tmp_path):
    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    assert len(list((cache / "parse").iterdir())) == 3  # site, regions, glossary
    entries = sorted((cache / "department").iterdir())
    assert len(entries) == 5
    assert len(list((cache / "rows").iterdir())) == len(list((cache / "records").iterdir())) == 5
    assert len(list((cache / "seen").iterdir())) == 1  # what the build saw of every folder, with the memos
    for entry in [*entries, *(cache / "seen").iterdir()]:
        entry.write_bytes(b"not a pickle")  # damaged entries are misses, not errors
    correct_title(content)
    assert build(content, site, cache_dir=cache).reused == 0
    build(content, tmp_path / "fresh")
    assert_same_site(site, tmp_path / "fresh")
    assert len(list((cache / "department").iterdir())) == 5  # the entry of the old tianxin folder was pruned
    assert build(content, site, cache_dir=cache).reused == 5


def test_a_cache_key_covers_every_part():
    cache = Cache(None)
    from generator.engine.cache import key

    assert key("ab", "c") != key("a", "bc")
    assert cache.get_or_make("parse", ("x",), lambda: 42) == 42
    assert cache.get("parse", ("x",)) is None  # no folder: nothing is kept


def test_a_library_version_change_makes_every_department_again(tmp_path):
    """Any installed library may change the pages (markdown-it-py renders the narrative), so a
    cached rebuild after an upgrade must not keep the old pages."""
    import os
    import subprocess
    import sys

    libs = tmp_path / "libs"
    (libs / "markdown_it_py-9.9.0.dist-info").mkdir(parents=True)
    site, cache = tmp_path / "site", tmp_path / "cache"

    def run() -> str:
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(CONTENT), "--out", str(site),
                               "--cache", str(cache), "--no-search"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(libs)})
        assert done.returncode == 0, done.stderr
        return done.stdout

    run()
    assert "5 个部门中 5 个未改动" in run()
    (libs / "markdown_it_py-9.9.0.dist-info").rename(libs / "markdown_it_py-9.9.1.dist-info")
    assert "个未改动" not in run()


def site_pages(site: Path) -> set[str]:
    """The site-wide pages (not a department's, not data or search files)."""
    return {p for p in files(site) if not p.startswith(("departments/", "data/", "search/", "assets/"))
            and p.endswith((".html", ".xml", ".txt"))} | {"departments/index.html"}


def test_each_change_remakes_exactly_what_depends_on_it(tmp_path):
    """A department's change rebuilds that department and the site-wide pages and data files
    that show it; the templates, site.yaml or a library rebuild everything; a cached build
    stays the same as one from nothing after each."""
    content, site, cache = seeds_copy(tmp_path)
    first = build(content, site, cache_dir=cache)
    assert sorted(first.rebuilt) == sorted(p.name for p in (content / "departments").iterdir())
    assert set(first.remade) >= site_pages(site)
    again = build(content, site, cache_dir=cache)
    assert again.rebuilt == [] and again.remade == []

    # A corrected title (tianxin-xzspfwj 2020): its department, its year's page and data, the
    # home page and the feed (they show titles), the data page (a file's size changed).
    correct_title(content)
    one = build(content, site, cache_dir=cache)
    assert one.rebuilt == ["tianxin-xzspfwj"]
    assert sorted(one.remade) == ["data/2020/disclosures-2020.sqlite.zip", "data/2020/disclosures.xlsx",
                                  "data/2020/figures.csv.zip", "data/2020/findings.csv",
                                  "data/2020/indicators.csv.zip", "data/2020/reports.csv", "data/index.html",
                                  "feed.xml", "index.html", "years/2020/index.html"]
    build(content, tmp_path / "fresh-1", cache_dir=None)
    assert_same_site(site, tmp_path / "fresh-1")

    # site.yaml: every department and every page.
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("title: ", "title: 新", 1), encoding="utf-8")
    every = build(content, site, cache_dir=cache)
    assert len(every.rebuilt) == 5 and set(every.remade) >= site_pages(site)
    build(content, tmp_path / "fresh-2", cache_dir=None)
    assert_same_site(site, tmp_path / "fresh-2")


def test_a_corrected_total_remakes_the_region_pages_that_add_it_up(tmp_path):
    """Region pages add up each report's 决算 spending and scores (their years table and charts):
    a corrected total remakes the pages of the regions above its department (and not the others),
    and the cached site is the fresh one."""
    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    year = content / "departments/zhongfang-zwfwzx/2020.yaml"
    text = year.read_text(encoding="utf-8")
    assert "actual: {value: 728.4, at: 三 部门整体支出绩效情况}" in text
    year.write_text(text.replace("actual: {value: 728.4, at: 三 部门整体支出绩效情况}",
                                 "actual: {value: 728.5, at: 三 部门整体支出绩效情况}"), encoding="utf-8")
    one = build(content, site, cache_dir=cache)
    regions = sorted(p for p in one.remade if p.startswith("regions/"))
    assert regions == ["regions/hunan/huaihua/index.html", "regions/hunan/huaihua/zhongfang/index.html",
                       "regions/hunan/index.html"]
    assert "728.50（1 个部门）" in (site / "regions/hunan/index.html").read_text(encoding="utf-8")
    build(content, tmp_path / "fresh", cache_dir=None)
    assert_same_site(site, tmp_path / "fresh")


def test_a_failed_build_leaves_the_site_and_undoes_what_it_wrote(tmp_path):
    """A content problem in one department fails the build after the others were built: the
    site stays the previous build, the tree being built is put back as it was (so the next
    build need not remake it), and the next good build equals one from nothing."""
    import json

    from generator.content.problems import ContentError

    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    shown = files(site)
    correct_title(content)  # tianxin-xzspfwj changes, and is written into the tree being built
    broken = content / "departments/zhongfang-zwfwzx/2020.yaml"
    good = broken.read_bytes()
    broken.write_bytes(good.replace(b"year: 2020", b"year: 2020x", 1))
    try:
        build(content, site, cache_dir=cache)
    except ContentError as err:
        assert any("zhongfang-zwfwzx/2020.yaml" in str(p) for p in err.problems)
    else:
        raise AssertionError("the build should have failed")
    assert files(site) == shown
    trees = tmp_path / ".site-trees-site"
    hidden = "b" if (site.resolve().name == "a") else "a"
    assert json.loads((trees / f"{hidden}.json").read_text())["complete"]  # put back, not left to be remade
    assert files(trees / hidden) == shown
    broken.write_bytes(good)
    result = build(content, site, cache_dir=cache)
    assert result.rebuilt == ["tianxin-xzspfwj"]
    build(content, tmp_path / "fresh", cache_dir=None)
    assert_same_site(site, tmp_path / "fresh")


def test_a_year_file_rewritten_with_its_old_size_and_time_is_still_seen(tmp_path):
    """Unchanged folders are recognised by their files' names, sizes, times and inodes, not
    read; a file rewritten in place with the same size and its old modification time still
    differs in its change time, so its department is built again."""
    import os

    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    year = content / "departments/tianxin-xzspfwj/2020.yaml"
    before = year.stat()
    text = year.read_text(encoding="utf-8")
    changed = text.replace("天心区部门整体支出绩效自评报告}", "天心区部门整体支出绩效自评报吿}", 1)  # same length
    assert changed != text and len(changed.encode()) == len(text.encode())
    year.write_text(changed, encoding="utf-8")
    os.utime(year, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert year.stat().st_size == before.st_size and year.stat().st_mtime_ns == before.st_mtime_ns
    result = build(content, site, cache_dir=cache)
    assert result.rebuilt == ["tianxin-xzspfwj"]
    assert "自评报吿" in (site / "departments/tianxin-xzspfwj/2020/index.html").read_text(encoding="utf-8")


def test_kept_memos_travel_to_the_workers_that_make_the_years_data(tmp_path, monkeypatch):
    """A department kept at one look holds its memo pickled (memo.Kept): sent to the
    worker processes that make the years' data files (at a province's size), it arrives whole;
    the site they make is the one a build from nothing makes."""
    import pickle

    from generator.department import memo as kept_memos
    from generator.engine import pipeline

    monkeypatch.setattr(kept_memos, "KEEP_UNPICKLED", False)
    kept_memos._UNPICKLED_NOW.clear()
    content, site, cache = seeds_copy(tmp_path)
    build(content, site, cache_dir=cache)
    monkeypatch.setattr(pipeline, "YEARS_ON_WORKERS_FROM", 1)
    monkeypatch.setattr(pipeline.executor, "PARALLEL_FROM", 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # every year's data files made again
    again = build(content, site, cache_dir=cache)
    assert again.rebuilt == [] and any(p.startswith("data/") for p in again.remade)
    build(content, tmp_path / "fresh", cache_dir=None)
    assert_same_site(site, tmp_path / "fresh")

    kept = [pickle.loads(p.read_bytes()) for p in (cache / "seen").glob("*.pickle")]
    name, (signature, key, at_hand, *pickled) = next(iter(kept[0].items()))
    memo = kept_memos.Kept(at_hand, tuple(pickled))
    copy = pickle.loads(pickle.dumps(memo))
    assert (copy.files, copy.slug, copy.years, copy.findings, copy.searchable, copy.data) == at_hand
    assert copy.data == kept_memos.data_keys(memo.summary) and copy.data["row"] == memo.summary.digests["row"]
    assert copy.summary == memo.summary and copy.rows == memo.rows
    assert not kept_memos._UNPICKLED_NOW  # kept across builds by serve alone


def test_a_statement_pickles_without_what_it_worked_out():
    """A statement's base and step are worked out once (the checks ask for them often) but not
    kept in the store: a build's memos hold thousands of statements."""
    import pickle
    from decimal import Decimal

    from generator.content.figures import Statement

    statement = Statement(Decimal("848.40"), "万元", "附件1")
    assert (statement.base, statement.step) == (Decimal("8484000.0000"), Decimal("100.00"))
    raw = pickle.dumps(statement)
    copy = pickle.loads(raw)
    assert copy == statement and hash(copy) == hash(statement)
    assert set(vars(copy)) == {"value", "unit", "at"}
    assert (copy.base, copy.step) == (statement.base, statement.step)
    assert len(raw) < len(pickle.dumps(vars(statement)))


def test_no_build_imports_the_packages_its_cache_key_leaves_out(tmp_path):
    """The store's key leaves the importer's code out (a change to it keeps a province's built
    departments): that holds only while no build, serve's included, imports it."""
    import subprocess
    import sys

    from generator.engine.cache import BUILD_NEVER_IMPORTS

    probe = (  # build.py ends its process with os._exit once the site is written: report the modules then
        "import os, runpy, sys\n"
        "real_exit = os._exit\n"
        "def report(code):\n"
        "    print(sorted(m for m in sys.modules if m.startswith('generator.')), flush=True)\n"
        "    real_exit(code)\n"
        "os._exit = report\n"
        f"sys.argv = ['build.py', 'build', '--content', {str(CONTENT)!r}, '--out', {str(tmp_path / 'site')!r},"
        f" '--cache', {str(tmp_path / 'cache')!r}]\n"
        "try:\n"
        f"    runpy.run_path({str(ROOT / 'build.py')!r}, run_name='__main__')\n"
        "except SystemExit as end:\n"
        "    report(end.code or 0)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    imported = done.stdout.strip().splitlines()[-1]
    assert "generator.engine.pipeline" in imported
    for package in BUILD_NEVER_IMPORTS:
        assert f"generator.{package}" not in imported
