"""The fixture site built whole and compared file by file with tests/golden-site/ (tests/golden_site.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.content.model import Department, Site, YearReport
from tests.golden_site import CONTENT, GOLDEN, build_fixture, differences, golden_files

#: A page of each kind in the fixture site, by its template (every template of templates/ but
#: the partials, `_*.html`, the layout every page extends, `base.html`, and the static files).
PAGE_KINDS = {
    "home.html": "index.html",
    "departments.html": "departments/index.html",
    "department.html": "departments/qinghe-czj/index.html",
    "report.html": "departments/qinghe-czj/2023/index.html",
    "source.html": "departments/qinghe-czj/2023/source/index.html",
    "year.html": "years/2023/index.html",
    "years.html": "years/index.html",
    "region.html": "regions/shili/qingheshi/qinghe/index.html",
    "regions.html": "regions/index.html",
    "checks.html": "checks/index.html",
    "data.html": "data/index.html",
    "glossary.html": "glossary/index.html",
    "about.html": "about/index.html",
    "search.html": "search/index.html",
    "sitemap.html": "sitemap/index.html",
    "contact.html": "contact/index.html",
    "404.html": "404.html",
    "feed.xml": "feed.xml",
    "sitemap.xml": "sitemap.xml",
    "robots.txt": "robots.txt",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    return build_fixture(tmp_path_factory.mktemp("golden-site"))


def test_the_fixture_site_builds_to_the_golden_tree(built):
    assert GOLDEN.is_dir(), "no tests/golden-site/: run `.venv/bin/python -m tests.golden_site` and review what it wrote"
    found = differences(built, golden_files())
    if found:
        pytest.fail(found, pytrace=False)


def test_the_golden_tree_holds_a_page_of_every_kind(built):
    from generator.engine.pipeline import TEMPLATES

    kinds = {p.name for p in TEMPLATES.iterdir() if p.is_file() and not p.name.startswith("_")} - {"base.html"}
    assert set(PAGE_KINDS) == kinds, "a page kind was added or removed: give the fixture site a page of it"
    assert [path for path in PAGE_KINDS.values() if path not in built] == []
    # The cross-report pages have something to compare: two years of a department, two regions.
    assert {"departments/qinghe-czj/2022/index.html", "years/2022/index.html",
            "regions/shili/qingheshi/baishi/index.html"} <= built.keys()


def test_the_fixture_content_fills_every_section_of_the_model():
    content = load_content(CONTENT)
    reports = [rf.report for entry in content.departments for rf in entry.reports]
    stated = set().union(*(report.model_fields_set for report in reports))
    assert set(YearReport.model_fields) - stated == set(), "give the fixture a year file section it lacks"
    described = set().union(*(entry.department.model_fields_set for entry in content.departments))
    assert set(Department.model_fields) - described == set()
    assert set(Site.model_fields) - content.site.model_fields_set == set()
    assert content.glossary is not None and content.glossary.terms
    years = {(entry.slug, rf.year) for entry in content.departments for rf in entry.reports}
    assert {("qinghe-czj", 2022), ("qinghe-czj", 2023)} <= years  # year on year
    performance = [r.performance for r in reports if r.performance]
    assert any(w.items for p in performance for w in p.weights)  # 二级指标 分值
    explained = [r for r in reports if r.explanations]
    assert explained, "the fixture should explain one of its findings"


def test_a_one_character_change_in_a_template_fails_with_the_file_and_line(built, tmp_path, monkeypatch):
    """The comparison is real: a template changed by one character is caught, and the message
    names the page and its first differing line."""
    from generator.engine import pipeline

    templates = tmp_path / "templates"
    shutil.copytree(pipeline.TEMPLATES, templates)
    about = templates / "about.html"
    text = about.read_text(encoding="utf-8")
    assert "关于本站" in text
    about.write_text(text.replace("关于本站", "关于本站。", 1), encoding="utf-8")
    monkeypatch.setattr(pipeline, "TEMPLATES", templates)
    changed = build_fixture(tmp_path / "out")
    found = differences(changed, built)
    assert "first difference: about/index.html, line " in found
    assert "+" in found and "关于本站。" in found


def test_the_golden_tree_holds_no_hashed_asset_name():
    names = [path for path in golden_files() if Path(path).parts[0] == "assets" and ".HASH" not in path]
    assert names == []
