"""The built site: pages parsed, figures shown, links resolved, output deterministic and atomic."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.site import format as fmt
from generator.content.figures import Figure
from generator.content.load import load_content
from generator.content.model import Stat
from generator.engine.pipeline import build
from generator.content.problems import ContentError
from tests.seeds import CONTENT, ROOT, SEEDS
from tests.sitepages import html_files, internal_targets, leftovers, soup


def walk(value, found: list):
    """Every Figure and Stat in a model value."""
    if isinstance(value, Figure):
        found.append(value)
    elif isinstance(value, Stat):
        found.append(value)
        for item in value.items:
            walk(item, found)
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            walk(getattr(value, name), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            walk(item, found)
    return found


def test_every_page_kind_is_built(built_site):
    for path in ["index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "glossary/index.html",
                 "about/index.html", "years/index.html", "years/2020/index.html", "regions/index.html",
                 "regions/hunan/index.html", "regions/hunan/huaihua/index.html",
                 "regions/hunan/huaihua/zhongfang/index.html", "departments/index.html"]:
        assert (built_site / path).is_file(), path
    for slug, year in SEEDS.items():
        assert (built_site / f"departments/{slug}/index.html").is_file()
        assert (built_site / f"departments/{slug}/{year}/index.html").is_file()
        assert (built_site / f"departments/{slug}/{year}/source/index.html").is_file()


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_report_page_shows_every_figure_of_the_report(built_site, content, slug):
    entry = next(e for e in content.departments if e.slug == slug)
    rf = next(r for r in entry.reports if r.year == SEEDS[slug])
    page = soup(built_site, f"departments/{slug}/{rf.year}/")
    shown = {d["title"].removeprefix("原文：") for d in page.find_all("data", title=True)}
    values = {d.get("value") for d in page.find_all("data")}
    text = page.get_text(" ")
    missing = []
    for item in walk(rf.report, []):
        if isinstance(item, Figure):
            if fmt.stated_all(item) not in shown and fmt.stated_all(item) not in text:
                missing.append(fmt.stated_all(item))
        elif str(item.value) not in values:
            missing.append(f"{item.name} {item.value}")
    assert missing == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_money_is_shown_in_the_site_unit_with_the_exact_yuan_behind_it(built_site, content, slug):
    entry = next(e for e in content.departments if e.slug == slug)
    rf = next(r for r in entry.reports if r.year == SEEDS[slug])
    page = soup(built_site, f"departments/{slug}/{rf.year}/")
    money = [f for f in walk(rf.report, []) if isinstance(f, Figure) and f.kind == "money"]
    by_stated = {}
    for d in page.find_all("data"):
        by_stated.setdefault(d.get("title", "").removeprefix("原文："), set()).add((d.get("value"), d.get_text()))
    for figure in money:
        shown = by_stated.get(fmt.stated_all(figure))
        if shown is None:
            continue  # a change reason, shown as text
        assert (fmt.plain(figure.value), fmt.money(figure.value, "万元")) in shown


def test_money_formatting_uses_wan_yuan_two_decimals_and_separators():
    assert fmt.money(Decimal("6338977.18")) == "633.90"
    assert fmt.money(Decimal("123456789012")) == "12,345,678.90"
    assert fmt.money(Decimal("0.5")) == "0.00"
    assert fmt.money(Decimal("50")) == "0.01"  # half up
    assert fmt.money(Decimal("6338977.18"), "元") == "6,338,977.18"


def test_suining_indicator_table_has_sixteen_rows_with_merged_levels(built_site):
    page = soup(built_site, "departments/suining-xzspfwj/2023/")
    table = page.find("table", class_="indicators")
    rows = table.tbody.find_all("tr")
    assert len(rows) == 16
    level1 = [(th.get_text(" ", strip=True), th["rowspan"]) for th in table.tbody.find_all("th", class_="level1")]
    assert level1 == [("产出指标 50 分", "8"), ("效益指标 30 分", "6"), ("满意度指标 10 分", "2")]
    level2 = [(th.get_text(strip=True), th["rowspan"]) for th in table.tbody.find_all("th", class_="level2")]
    assert level2 == [("数量指标", "3"), ("质量指标", "2"), ("时效指标", "2"), ("成本指标", "1"),
                      ("经济效益指标", "1"), ("社会效益指标", "2"), ("生态效益指标", "1"), ("可持续影响指标", "2"),
                      ("服务对象满意度指标", "2")]
    weights = [r.find_all("td")[2].get_text(strip=True) for r in rows]
    scores = [r.find_all("td")[3].get_text(" ", strip=True) for r in rows]
    assert weights == ["10", "5", "10", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5"]
    assert scores[:15] == ["10", "5", "10", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5", "5"]
    last = rows[-1]
    assert "unmet" in last["class"] and "lost" in last["class"]
    assert "未达到指标值" in last.get_text() and "失 1 分" in last.get_text()
    assert table.tfoot.get_text(" ", strip=True) == "总分 100 99"


def test_report_page_carries_the_disclosure_header(built_site):
    page = soup(built_site, "departments/longyang-zwfwglj/2020/")
    meta = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
            for dt in page.select(".meta-grid dt")}
    assert meta["索引号"] == "01525687-7-/2021-0922001"
    assert meta["发布机构"] == "隆阳区财政局"
    assert meta["发布日期"] == "2021年9月22日"
    assert meta["报告类型"] == "部门决算"


def test_key_figures_show_stated_totals_with_their_stage(built_site):
    page = soup(built_site, "departments/zhongfang-zwfwzx/2020/")
    cards = {c.dt.get_text(strip=True): c.dd.get_text(" ", strip=True) for c in page.select(".cards .card")}
    assert cards["收入合计"] == "848.40 万元 决算/执行"
    assert cards["支出合计"] == "728.40 万元 决算/执行"
    assert cards["“三公”经费"] == "2.09 万元 预算"
    assert cards["绩效自评得分"] == "100 分"


def test_original_text_page_holds_the_source_verbatim(built_site, content):
    """Every line of the original is on its page, as text or in a table's cells, in order; only
    Word's bookmarks are left out."""
    for entry in content.departments:
        for rf in entry.reports:
            page = soup(built_site, f"departments/{entry.slug}/{rf.year}/source/")
            article = page.find("article", class_="source")
            shown = "".join(el.get_text() for el in article.find_all(["pre", "th", "td"])
                            if el.name == "pre" or "source-table" in el.find_parent("table")["class"])
            expected = re.sub(r"\[bookmark: [^\]]*\]", "", rf.source_text)
            # (a web copy's `|` lines are the table's rules, not its text)
            assert re.sub(r"[\s|]", "", shown) == re.sub(r"[\s|]", "", expected), rf.path
            assert "[bookmark:" not in page.get_text()
            if "\t" not in rf.source_text and "|" not in rf.source_text:  # no table: the text whole
                assert [pre.get_text() for pre in article.find_all("pre")] == [rf.source_text.strip("\n")]


def test_original_text_page_shows_the_sources_tables_as_tables(built_site):
    """绥宁's original is a Word export: its 基础数据表 and 绩效自评表, cell by cell."""
    page = soup(built_site, "departments/suining-xzspfwj/2023/source/")
    tables = page.select("article.source table.source-table")
    assert len(tables) == 2
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in tables[1].find_all("tr")]
    assert rows[0][:2] == ["单位名称", "绥宁县行政审批服务局"]
    assert ["", "年度资金总额", "340.34", "940.47", "940.47", "10", "100%", "10", ""] in rows
    assert ["", "", "", "12345群众满意度", "98.5%", "98.35%", "5", "4", ""] in rows
    assert rows[-1][:3] == ["总分", "100", "99"]
    assert all(len(r) == len(rows[0]) for r in rows)
    first = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in tables[0].find_all("tr")]
    assert first[0][:4] == ["财政供养人员情况（人）", "编制数", "2023年实际在职人数", "控制率"]
    assert ["公用经费", "387.83", "19.81", "405.16"] == first[[r[0] for r in first].index("公用经费")][:4]
    assert tables[0].caption.get_text() == "原文表格 1"
    # The text around the tables stays text, with the bookmark Word left dropped from its first line.
    assert page.select("article.source pre.original-text")[0].get_text().find("为进一步规范和加强预算资金管理") >= 0
    # 隆阳's original holds a table copied from a web page (cells between lines of |).
    longyang = soup(built_site, "departments/longyang-zwfwglj/2020/source/").select("table.source-table")
    assert len(longyang) == 1 and "5379607.65" in longyang[0].get_text()


def test_narrative_markdown_renders_without_stray_markup(built_site):
    for slug, year in SEEDS.items():
        page = soup(built_site, f"departments/{slug}/{year}/")
        narrative = page.find("section", class_="narrative")
        text = narrative.get_text()
        assert "**" not in text and "\\[" not in text and "\\" not in text, slug


def test_every_page_has_the_government_footer(built_site, content):
    site = content.site
    for path in html_files(built_site):
        footer = soup(built_site, str(path.relative_to(built_site))).find("footer").get_text(" ")
        for value in (site.organizer, site.site_code, site.icp, site.police_record):
            assert value in footer, path


def test_pages_need_no_inline_script_or_style(built_site):
    for path in html_files(built_site):
        page = soup(built_site, str(path.relative_to(built_site)))
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", path
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, (path, tag.name)
            assert not any(a.startswith("on") for a in tag.attrs), (path, tag.name)
        assert not page.find("style"), path


def test_no_external_requests_in_pages(built_site):
    for path in html_files(built_site):
        page = soup(built_site, str(path.relative_to(built_site)))
        for tag in page.find_all(["script", "link", "img", "iframe"]):
            ref = tag.get("src") or tag.get("href") or ""
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            assert not ref.startswith(("http:", "https:", "//")), (path, ref)


def test_every_internal_link_resolves(built_site):
    broken = []
    for page in html_files(built_site):
        for ref, target in internal_targets(built_site, page, forms=True):
            if not target.is_file():
                broken.append((str(page.relative_to(built_site)), ref))
    assert broken == []


def test_sitemap_and_feed_list_every_report(built_site, content):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    for slug, year in SEEDS.items():
        url = f"{content.site.base_url}departments/{slug}/{year}/"
        assert f"<loc>{url}</loc>" in sitemap
        assert f'<link href="{url}"/>' in feed
    assert "Sitemap: https://example.gov.cn/sitemap.xml" in (built_site / "robots.txt").read_text()


def test_the_feed_carries_the_latest_reports(content, monkeypatch):
    from generator.site import pages

    def feed():
        page = next(p for p in pages.plan(content) if p.path == "feed.xml")
        return [(h.slug, h.year, h.date) for h in page.context["entries"]]

    every = feed()
    assert len(every) == len(SEEDS) == 5
    assert [d for _, _, d in every] == sorted((d for _, _, d in every), reverse=True)
    monkeypatch.setattr(pages, "FEED_ENTRIES", 2)
    assert feed() == every[:2]


def test_year_page_compares_every_department_of_that_year(built_site):
    page = soup(built_site, "years/2020/")
    names = [th.get_text(strip=True) for th in page.select("table.compare tbody th")]
    assert names == ["保山市隆阳区政务服务管理局", "长沙市天心区行政审批服务局", "中方县政务服务中心"]


def test_region_pages_nest_province_city_county(built_site):
    county = soup(built_site, "regions/hunan/huaihua/zhongfang/")
    assert [a.get_text() for a in county.select(".crumbs a")] == ["首页", "地区", "湖南省", "怀化市"]
    assert county.find("a", string="中方县政务服务中心")
    province = soup(built_site, "regions/hunan/")
    assert len(province.select("#region-departments-table tbody tr")) == 4


def hash_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_give_identical_files(tmp_path):
    build(CONTENT, tmp_path / "a")
    build(CONTENT, tmp_path / "b")
    assert hash_tree(tmp_path / "a") == hash_tree(tmp_path / "b")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    site = tmp_path / "site"
    build(CONTENT, site)
    before = hash_tree(site)
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    year_file = broken / "departments/zhongfang-zwfwzx/2020.yaml"
    year_file.write_text(year_file.read_text(encoding="utf-8").replace("unit: 万元", "unit: 千元"), encoding="utf-8")
    with pytest.raises(ContentError):
        build(broken, site)
    assert hash_tree(site) == before
    assert leftovers(tmp_path) == ["content", "site"]  # no staging left


def test_a_rebuild_replaces_the_site_whole(tmp_path):
    site = tmp_path / "site"
    build(CONTENT, site)
    (site / "stale.html").write_text("left over", encoding="utf-8")
    build(CONTENT, site)
    assert not (site / "stale.html").exists()
    assert leftovers(tmp_path) == ["site"]


def test_each_template_gets_exactly_its_documented_context(content):
    from generator.site.contexts import CONTEXT_KEYS
    from generator.site.pages import plan

    for page in plan(content):
        assert set(page.context) == CONTEXT_KEYS[page.template], page.path


def test_build_command_builds_and_reports(tmp_path):
    import subprocess
    import sys

    command = [sys.executable, str(ROOT / "build.py"), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "已构建" in run.stdout
    assert (tmp_path / "out" / "index.html").is_file()
    again = subprocess.run(command, capture_output=True, text=True)
    assert "0 个文件为新增或改动；5 个部门中 5 个未改动，沿用其页面" in again.stdout


def test_report_page_shows_its_checks_with_the_figures_side_by_side(built_site):
    page = soup(built_site, "departments/junshan-zwfwzx/2016/")
    panel = page.find("section", id="checks")
    findings = panel.find_all("article", class_="finding")
    assert [f.h3.get_text(" ", strip=True) for f in findings] == [
        "错误 收入（部门全部资金）·财政预算·专项经费：预算", "错误 公务用车运行维护费结余（超支）率"]
    first = findings[0]
    assert first.find(class_="finding-message").get_text() == "各项之和 191万元，所述合计 197.05万元，相差 6.05万元"
    cells = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in first.tbody.find_all("tr")]
    assert cells[0] == ["合计（预算）", "197.05万元", "—", "2016.yaml 第65行"]
    assert len(cells) == 14
    assert "本报告共核对 17 项：相符 15 项，不一致 2 项" in panel.get_text()
    assert page.find("a", class_="button warn", href="#checks").get_text(strip=True) == "数据核验：2 处不一致"


def test_checks_page_lists_every_finding(built_site):
    page = soup(built_site, "checks/")
    rows = page.select("#findings-table tbody tr")
    from tests.test_checks import SEED_FINDINGS

    assert len(rows) == len(SEED_FINDINGS)
    assert {r["data-rule"] for r in rows} >= {"sum.parts", "rate.variance_rate", "same.execution_total"}
    assert all("单位说明：" in r.get_text() for r in rows)  # every seed finding is explained, beside it
    assert page.find("a", href="../departments/junshan-zwfwzx/2016/#checks")


def test_a_rebuild_after_one_change_rewrites_only_the_files_it_affects(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build(content, site)
    before = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    assert build(content, site).unchanged == len(before)  # nothing new: every file is the same inode
    year = content / "departments/tianxin-xzspfwj/2020.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace(
        "title: 天心区部门整体支出绩效自评报告}", "title: 天心区部门整体支出绩效自评报告（更正）}"), encoding="utf-8")
    build(content, site)
    new = sorted(p for p, ino in ((p.relative_to(site).as_posix(), p.stat().st_ino) for p in site.rglob("*")
                                  if p.is_file()) if before.get(p) != ino)
    assert "departments/tianxin-xzspfwj/2020/index.html" in new
    assert "departments/tianxin-xzspfwj/index.html" in new
    assert "departments/suining-xzspfwj/2023/index.html" not in new
    assert not any(p.startswith("departments/longyang-zwfwglj/") for p in new)
    assert len(new) < 40


def test_a_department_with_two_years_shows_its_changes_computed_and_labelled(tmp_path):
    """With last year's file beside this year's, the report page compares the headline figures
    (changes computed from the two files' figures, said so, never in place of a stated one), the
    department page tabulates them and draws its trend charts; with one year there is no trend chart."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    folder = content / "departments" / "demo-dept"
    (folder / "2019.yaml").write_text(
        "year: 2019\nunit: 万元\ndocuments:\n  - {kind: 绩效自评报告, title: 测试县政务服务中心2019年度部门整体支出绩效自评报告}\n"
        "expenditure:\n  - total: {name: 支出合计, actual: 800.0}\n    by_nature:\n"
        "      - {name: 基本支出, actual: 200.5}\n      - {name: 项目支出, actual: 599.5}\n", encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    report = soup(tmp_path / "site", "departments/demo-dept/2020/")
    table = report.find("table", class_="year-changes")
    rows = {tr.th.get_text(): [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")}
    assert rows["支出合计"][2:] == ["-71.60 万元", "-8.95%"]  # 728.4 − 800.0, of 800.0
    assert "2019年报告" in rows["支出合计"][1]
    assert "计算" in table.caption.get_text()
    dept = soup(tmp_path / "site", "departments/demo-dept/")
    assert dept.find(id="chart-dept-totals") is not None  # two years: a trend
    assert [th.get_text() for th in dept.find("table", class_="year-changes").tbody.find_all("th")][:2] == ["2020", "支出合计"]
    single = soup(tmp_path / "site", "departments/demo-dept/2019/")
    assert single.find("table", class_="year-changes") is None  # nothing before 2019


def test_a_department_with_one_year_draws_no_trend_chart(built_site):
    page = soup(built_site, "departments/zhongfang-zwfwzx/")
    assert page.find(id="chart-dept-totals") is None and page.find("table", class_="compare") is not None


def test_every_report_page_title_names_its_department_and_year(built_site, content):
    for entry in content.departments:
        for rf in entry.reports:
            title = soup(built_site, f"departments/{entry.slug}/{rf.year}/").title.get_text()
            assert entry.department.name in title and str(rf.year) in title, title


def test_the_home_totals_add_the_stated_actuals_and_leave_out_years_without_any(content):
    """The home page's totals by year add each department's stated 决算/执行 totals (they once
    matched no stage label and drew every year as 0.00 万元（0 个部门）); a year where no
    department states one (2016: a budget only) is no bar of 0."""
    from generator.site import charts
    from generator.site.pages import headline

    by_year: dict = {}
    for entry in content.departments:
        for rf in entry.reports:
            by_year.setdefault(rf.year, []).append(headline(entry, rf, "万元"))
    chart = charts.home_chart(by_year, "万元")
    assert [row[0] for row in chart.rows] == ["2020", "2023"]
    assert chart.rows[0][2] == "1,362.30（2 个部门）"


def test_a_region_page_sums_up_its_years_and_compares_its_sub_regions(built_site):
    """湖南 holds four of the seed departments in three cities: its page gives each year's reports,
    spending added up over the departments that state a 决算 total, the average score, the
    grades and the findings, and a sortable comparison of its cities."""
    page = soup(built_site, "regions/hunan/")
    years = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
             for tr in page.find(id="region-years-caption").find_parent("table").tbody.find_all("tr")}
    assert set(years) == {"2023", "2020", "2016"}
    assert years["2020"][0] == "2" and years["2020"][1] == "728.40（1 个部门）"
    assert years["2016"][1] == "—"  # a budget only: nothing added as 决算
    compare = page.find(id="sub-regions-caption").find_parent("table")
    assert "sortable" in compare["class"]
    cities = [tr.th.get_text(strip=True) for tr in compare.tbody.find_all("tr")]
    assert len(cities) >= 3 and all(tr.find("a") for tr in compare.tbody.find_all("tr"))


def test_the_regions_page_is_a_tree_of_regions_not_the_department_list(built_site):
    regions = soup(built_site, "regions/")
    assert not regions.select('a[href*="departments/"][href$="/"]:not([href$="departments/"])')
    nodes = regions.select("li.region-node")
    assert nodes and all(n.find("a")["href"].startswith("hunan/") or n.find("a")["href"].startswith("yunnan/")
                         for n in nodes)
    hunan = next(n for n in nodes if n.find("a").get_text() == "湖南省")
    assert "4 个部门" in hunan.find("span", class_="count").get_text()
    assert hunan.select("ul.region-tree li.region-node")  # its cities under it
    departments = soup(built_site, "departments/")
    assert departments.select("ul.dept-list a")  # the department list is on /departments/


@pytest.mark.slow  # the demo site: 300 reports built, about 15 s
def test_the_demo_site_shows_the_pages_that_read_across_years_and_regions(demo_site):
    """`build.py demo` builds a synthetic multi-year province with every page marked 虚构示例数据:
    departments with several years get their trend charts and year-on-year tables, regions their
    years and sub-regions, years their filterable comparison."""
    from build import DEMO_NOTICE

    site = demo_site / "site"
    pages = list(site.rglob("index.html"))
    assert len(pages) > 60
    assert all(DEMO_NOTICE in p.read_text(encoding="utf-8") for p in pages)
    multi = [p for p in site.glob("departments/*/index.html") if len(list(p.parent.glob("*/index.html"))) >= 2]
    assert multi
    dept = soup(site, multi[0].parent.relative_to(site).as_posix() + "/")
    assert dept.find(id="chart-dept-totals") is not None and dept.find("table", class_="year-changes") is not None
    province = next(p for p in site.glob("regions/*/index.html"))
    region = soup(site, province.parent.relative_to(site).as_posix() + "/")
    assert len(region.find(id="region-years-caption").find_parent("table").tbody.find_all("tr")) >= 2
    year = soup(site, "years/2021/")
    assert len(year.select("#year-table tbody tr")) >= 2 and year.find("form", class_="table-filters")


@pytest.fixture(scope="module")
def demo(demo_site):
    """The demo site and each report's headline as the model gives it (pages.headline), by year."""
    from generator.site.pages import headline

    loaded = load_content(demo_site / "content")
    by_year: dict[int, list] = {}
    for entry in loaded.departments:
        for rf in entry.reports:
            by_year.setdefault(rf.year, []).append(headline(entry, rf, loaded.site.money_unit))
    return demo_site / "site", loaded, by_year


def shown_value(cell) -> Decimal:
    return Decimal(cell.find("data")["value"])


def chart_table(page, id: str) -> tuple[list[str], list[list[str]]]:
    """A chart's data table: its header and each row's cells as shown."""
    table = page.find(id=f"{id}-table").table
    return ([th.get_text() for th in table.thead.find_all("th")],
            [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")])


@pytest.mark.slow  # the demo site: 300 reports built, about 15 s
def test_a_busy_demo_year_lists_its_highest_and_lowest_over_the_reports_that_state_them(demo):
    """A year of more departments than a chart draws bar by bar shows its 10 highest and lowest
    自评得分 and lowest 预算执行率 beside the distributions, each list over the reports that
    state the figure and saying how many do; the values shown are the reports' own."""
    from generator.site.charts import YEAR_CHART_MAX

    site, _, by_year = demo
    year = max(by_year, key=lambda y: (len(by_year[y]), y))
    heads = by_year[year]
    assert len(heads) > YEAR_CHART_MAX
    page = soup(site, f"years/{year}/")
    scored = [h for h in heads if h.score is not None]
    rated = [h for h in heads if h.rate is not None]
    lede = page.find("p", class_="lede").get_text()
    assert f"共 {len(heads)} 个部门" in lede and f"{len(scored)} 个列明绩效自评得分" in lede
    assert f"{len(rated)} 个列明预算执行率" in lede

    def listed(id: str) -> list[tuple[int, str, Decimal]]:
        table = page.find("table", id=id)
        rows = [(int(tr.td.get_text()), tr.th.a.get_text(), shown_value(tr.find_all("td")[1]))
                for tr in table.tbody.find_all("tr")]
        for tr in table.tbody.find_all("tr"):  # each links to the report it names
            slug = tr.th.a["href"].split("/")[-3]
            assert any(h.slug == slug and h.name == tr.th.a.get_text() for h in heads)
        return rows

    for id, stated, value, lowest, caption, counted in (
            ("rank-score-high", scored, lambda h: h.score, False, "自评得分最高的 10 个部门", "列明自评得分"),
            ("rank-score-low", scored, lambda h: h.score, True, "自评得分最低的 10 个部门", "列明自评得分"),
            ("rank-rate-low", rated, lambda h: h.rate, True, "预算执行率最低的 10 个部门", "列明预算执行率")):
        expected = sorted(stated, key=lambda h: (value(h) if lowest else -value(h), h.name, h.slug))[:10]
        rows = listed(id)
        assert [(name, v) for _, name, v in rows] == [(h.name, value(h)) for h in expected], id
        ranks = [r for r, _, _ in rows]
        assert ranks[0] == 1 and ranks == sorted(ranks)
        assert all(r == i + 1 or rows[i][2] == rows[i - 1][2] for i, (r, _, _) in enumerate(rows))  # ties share
        head = page.find(id=f"{id}-caption")
        assert head.contents[0] == caption
        assert head.find("span", class_="unit").get_text() == f"{len(heads)} 个部门中 {len(stated)} 个{counted}"
    # the distributions beside them, each over the same reports
    for id, stated in (("chart-year-score", scored), ("chart-year-rate", rated)):
        _, rows = chart_table(page, id)
        assert sum(int(n) for _, n in rows) == len(stated), id
    _, rows = chart_table(page, "chart-year-rate")
    assert int(dict(rows)["100%及以上"]) == sum(1 for h in rated if h.rate >= 100)
    # the rankings come first, then the whole table, which has the rate to sort by
    order = [e.get("id") for e in page.select("#year-rankings, #year-charts, #year-table")]
    assert order == ["year-rankings", "year-charts", "year-table"]
    header = [th.get_text(strip=True) for th in page.select("#year-table thead th")]
    assert "预算执行率" in header


def test_a_quiet_year_has_no_lists_but_its_bars(demo):
    """A year of few departments draws a bar each and lists nothing: the lists would repeat them."""
    from generator.site.charts import YEAR_CHART_MAX

    site, _, by_year = demo
    year = min(by_year, key=lambda y: (len(by_year[y]), y))
    assert len(by_year[year]) <= YEAR_CHART_MAX
    page = soup(site, f"years/{year}/")
    assert page.find(id="year-rankings") is None and page.find("table", class_="ranking") is None


def region_with_sub_regions(site: Path, loaded) -> tuple[str, object, list]:
    """The demo's first region whose sub-regions are at least two with reports: its URL, its
    place and the summaries of each sub-region's departments."""
    from generator.content.regions import places

    regions = places(loaded.regions)
    for code, place in sorted(regions.items()):
        kids = [regions[c.code] for c in place.region.children]
        under = {k.region.code: [e for e in loaded.departments if e.department.region in regions
                                 and k.region.code in {p.code for p in regions[e.department.region].lineage}]
                 for k in kids}
        if sum(1 for k in kids if under[k.region.code]) >= 2:
            return place.url, place, [(k, under[k.region.code]) for k in kids]
    raise AssertionError("no region of the demo has two sub-regions with reports")


def test_a_demo_region_charts_its_years_grades_and_sub_regions_with_their_tables(demo):
    """A region page draws its totals by year, its grades by year and its sub-regions side by
    side, each chart with its data table and in the page's tables.csv; the figures are the
    reports' stated 决算 spending and scores, added up."""
    from generator.content.numbers import MONEY_UNITS
    from generator.site import charts
    from generator.site import format as fmt
    from generator.site.search import grade_band

    site, loaded, _ = demo
    unit = loaded.site.money_unit
    url, place, kids = region_with_sub_regions(site, loaded)
    page = soup(site, url)
    heads = [h for _, entries in kids for e in entries for h in by_entry(e, unit)]
    years = sorted({h.year for h in heads})

    # totals by year: the same sums as the years table, a year left out where nothing is stated
    _, rows = chart_table(page, "chart-region-totals")
    spent = {}
    for year in years:
        stated = [h.figures["expenditure"][0] for h in heads
                  if h.year == year and h.figures["expenditure"][1] == "决算/执行"]
        if stated:
            spent[str(year)] = f"{fmt.money(sum(stated, Decimal(0)), unit)}（{len(stated)} 个部门）"
    assert dict((r[0], r[1]) for r in rows) == spent
    table = {tr.th.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True)
             for tr in page.find(id="region-years-caption").find_parent("table").tbody.find_all("tr")}
    assert all(table[y] == v for y, v in spent.items())
    spec = json.loads(page.find("script", id="chart-region-totals-spec").string)
    assert [Decimal(str(v)).quantize(Decimal("0.01")) for v in spec["data"][0]["y"]] == [
        Decimal(v.split("（")[0].replace(",", "")) for v in spent.values()]

    # grades by year: each band's count of scored reports, the last column their number
    header, rows = chart_table(page, "chart-region-grades")
    for row in rows:
        scores = [h.score for h in heads if h.year == int(row[0]) and h.score is not None]
        assert int(row[-1]) == len(scores)
        for label, n in zip(header[1:-1], row[1:-1]):
            band = next(i for i, (_, name) in enumerate(charts.SCORE_BANDS) if label.endswith(f"（{name}）"))
            assert label.startswith(grade_band(charts.SCORE_BANDS[band][0] or Decimal(0)))
            assert int(n) == sum(1 for s in scores if charts.band_of(s, charts.SCORE_BANDS) == band)
    assert {r[0] for r in rows} == {str(y) for y in years if any(h.year == y and h.score is not None for h in heads)}

    # the sub-regions in one year: the year most of the region's reports are for
    header, rows = chart_table(page, "chart-region-sub-regions")
    counts = {y: sum(1 for h in heads if h.year == y) for y in years}
    year = max(counts, key=lambda y: (counts[y], y))
    assert header[1] == f"{year}年报告数"
    expected = []
    for kid, entries in kids:
        of_year = [h for e in entries for h in by_entry(e, unit) if h.year == year]
        stated = [h.figures["expenditure"][0] for h in of_year if h.figures["expenditure"][1] == "决算/执行"]
        expected.append([kid.region.name, str(len(of_year)), str(len(stated)),
                         fmt.money(sum(stated, Decimal(0)), unit) if stated else "—"])
    assert rows == expected
    bars = json.loads(page.find("script", id="chart-region-sub-regions-spec").string)["data"][0]
    drawn = dict(zip(bars["y"], bars["x"]))
    for name, _, n, total in expected:
        if n != "0":
            assert fmt.money(Decimal(str(drawn[name])) * MONEY_UNITS[unit], unit) == total

    # its departments side by side, each with its latest report's figures
    members = {e.slug: e for _, entries in kids for e in entries}
    rows = page.select("#region-departments-table tbody tr")
    assert len(rows) == len(members) and "sortable" in page.find(id="region-departments-table")["class"]
    for tr in rows:
        entry = members[tr.th.a["href"].split("/")[-2]]
        latest = by_entry(entry, unit)[-1]
        cells = tr.find_all("td")
        assert [a.get_text() for a in tr.th.select(".years a")] == [str(rf.year) for rf in entry.reports]
        assert cells[0].get_text() == str(latest.year)
        assert shown_value(cells[1]) == latest.figures["expenditure"][0]
        assert shown_value(cells[3]) == latest.score

    # every chart table is in the page's tables.csv, after its caption
    tables = (site / url / "tables.csv").read_text(encoding="utf-8-sig")
    for figure in page.select("figure.chart"):
        assert figure.find("span", class_="chart-title").get_text() + "：数据表" in tables


def by_entry(entry, unit: str) -> list:
    from generator.site.pages import headline

    return [headline(entry, rf, unit) for rf in entry.reports]


def test_the_year_on_year_tables_name_each_value_for_a_phone(demo):
    """On a phone the 与上年比较 and 历年增减 tables stack (site.css): each value names its column."""
    site, loaded, _ = demo
    entry = next(e for e in loaded.departments if len(e.reports) >= 3)
    report = soup(site, f"departments/{entry.slug}/{entry.reports[-1].year}/")
    year = entry.reports[-1].year
    for tr in report.select("table.year-changes tbody tr"):
        assert [td["data-label"] for td in tr.find_all("td")] == [f"{year}年", f"{year - 1}年", "增减额（计算）",
                                                                   "增减率（计算）"]
    dept = soup(site, f"departments/{entry.slug}/")
    rows = dept.select("table.year-changes tbody tr")
    assert rows and all(tr.find("th", class_="year").get_text() == tr.find("th", attrs={"data-year": True})["data-year"]
                        for tr in rows)


def test_a_count_stated_only_by_its_parts_shows_their_sum_said_to_be_one(built_site):
    """绥宁 states its 退休 and 离休 but not their total: the line was “离退休 （…）”."""
    def facts(url):
        return {div.dt.get_text(): div.dd.get_text() for div in soup(built_site, url).select("dl.facts > div")}

    assert facts("departments/suining-xzspfwj/2023/")["离退休"] == "2 人（各项相加，原文未列合计）：退休人员 2 人；离休人员 0 人"
    assert facts("departments/suining-xzspfwj/2023/")["编制"] == "16 人（行政编制 6 人；事业编制 10 人）"
    assert facts("departments/tianxin-xzspfwj/2020/")["离退休"] == "2 人（离休人员 0 人；退休人员 2 人）"


def test_a_documents_original_address_and_retrieval_date_show_on_its_pages(tmp_path):
    """A year file giving where its original was published and when it was taken: the report
    page shows 原始公开地址 as a link and 采集日期, the 原文 page names them, reports.csv carries them."""
    import csv
    import io

    from generator.engine.pipeline import build

    address = "https://www.example.gov.cn/zwgk/2024/jxzp.html?id=7&from=list"
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    year_file = content / "departments/suining-xzspfwj/2023.yaml"
    text = year_file.read_text(encoding="utf-8")
    assert "original_url" not in text  # the seeds state no address: none is invented
    year_file.write_text(text.replace("    written: 2024-02-28\n", "    written: 2024-02-28\n"
                                      f"    original_url: {address}\n    retrieved: 2024-03-05\n", 1), encoding="utf-8")
    build(content, tmp_path / "site")
    page = soup(tmp_path / "site", "departments/suining-xzspfwj/2023/")
    meta = {div.dt.get_text(): div.dd for div in page.select("section.meta .meta-grid > div")}
    link = meta["原始公开地址"].find("a")
    assert link["href"] == address and link.get_text() == address
    assert set(link["rel"]) >= {"external", "noopener", "noreferrer"}
    assert meta["采集日期"].get_text() == "2024年3月5日"
    source = soup(tmp_path / "site", "departments/suining-xzspfwj/2023/source/")
    assert source.select_one("article.source a.original-url")["href"] == address
    assert "采集日期2024年3月5日" in source.select_one("article.source dl.original-source").get_text("", strip=True)
    # A report without an address shows neither line.
    other = soup(tmp_path / "site", "departments/zhongfang-zwfwzx/2020/")
    assert "原始公开地址" not in other.get_text() and "采集日期" not in other.get_text()
    with (tmp_path / "site/data/2023/reports.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(io.StringIO(f.read())))
    assert (row["original_url"], row["retrieved"]) == (address, "2024-03-05")


def test_a_counts_qualifier_stands_where_chinese_puts_it(built_site):
    """君山 2016 says 现场处理工单1200余次, 建设时间3个多月, 每天巡查至少4次: the work figures'
    table and the search text write them so, not 1200次余 or 4次至少."""
    from tests.sitepages import soup

    from generator.content.labels import qualified

    page = soup(built_site, "departments/junshan-zwfwzx/2016/")
    shown = {td.get_text() for td in page.select("table.stats td.num")}
    assert {"1,200余次", "3个多月", "至少4次"} <= shown or {"1200余次", "3个多月", "至少4次"} <= shown, shown
    assert not any(re.search(r"\d(次|个月)(余|多|至少)$", s) for s in shown)
    assert (qualified("90", "%", "以上"), qualified("800", "件", "近"), qualified("76", "家", "多")) == \
        ("90%以上", "近800件", "76多家")


def test_an_indicators_prior_year_result_and_one_not_applying_are_shown(tmp_path):
    """A form that sets last year's result beside the year's (上年完成值 | 本年完成值): the page shows
    it under the 实际完成值, marked 上年; a row without one shows none. An indicator marked 不适用 says
    so in its 得分 cell, and a total rescaled to 100 says so under it."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + (
        "performance:\n"
        "  indicators:\n"
        "    - {level1: 产出指标, level2: 数量指标, name: 农村户厕改造, target: ≥300户, prior: 412户, actual: 286户,"
        " weight: 8, score: 7.63}\n"
        "    - {level1: 产出指标, level2: 质量指标, name: 达标村比例, target: ≥90%, actual: 93.8%, weight: 7, score: 7}\n"
        "    - {level1: 效益指标, name: 化肥使用量减少, target: —, actual: —, weight: 5, not_applicable: true}\n"
        "  total_weight: 20\n  score: 15.66\n  rescaled: true\n"),
        encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    table = soup(tmp_path / "site", "departments/demo-dept/2020/").find("table", class_="indicators")
    first, second, third = (tr.find("td", attrs={"data-label": "实际完成值"}) for tr in table.tbody.find_all("tr"))
    assert first.get_text(" ", strip=True) == "286户 未达到指标值 上年 412户"
    assert first.find("span", class_="row-note").get_text() == "上年 412户"
    assert second.get_text(" ", strip=True) == "93.8%" and second.find("span", class_="row-note") is None
    scores = [tr.find("td", attrs={"data-label": "得分"}).get_text(" ", strip=True) for tr in table.tbody.find_all("tr")]
    assert scores == ["7.63 失 0.37 分", "7", "不适用，不考核"]
    assert table.tfoot.get_text(" ", strip=True) == "总分 20 15.66 适用指标得分折算为百分制"


def test_a_form_in_several_tables_shows_each_tables_total_above_the_whole(tmp_path):
    """A form printed as a 共性指标 table and a 个性指标 table (performance.parts): each table's
    合计 stands in the indicator table's foot, named by its table, above the whole's 总分."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + (
        "performance:\n"
        "  indicators:\n"
        "    - {level1: 投入, level2: 预算配置, name: 在职人员控制率, target: ≤100%, actual: 96%, weight: 30, score: 28.5}\n"
        "    - {level1: 产出, level2: 数量指标, name: 游客接待量, target: ≥80万人次, actual: 86万人次, weight: 70,"
        " score: 68.74}\n"
        "  parts:\n"
        "    - {name: 部门整体支出绩效评价共性指标自评表（表1）, weight: 30, score: 28.5}\n"
        "    - {name: 部门整体支出绩效评价个性指标自评表（表2）, weight: 70, score: 68.74}\n"
        "  score: 97.24\n"),
        encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    table = soup(tmp_path / "site", "departments/demo-dept/2020/").find("table", class_="indicators")
    rows = [tr.get_text(" ", strip=True) for tr in table.tfoot.find_all("tr")]
    assert rows == ["部门整体支出绩效评价共性指标自评表（表1） 合计 30 28.5",
                    "部门整体支出绩效评价个性指标自评表（表2） 合计 70 68.74", "总分 97.24"]


def test_a_counts_change_on_last_year_is_shown_and_downloaded(tmp_path):
    """A work figure with its stated change on last year (门诊急诊21.36万人次，较上年增长9.4%; 资产负债率
    38.6%，较上年下降2.1个百分点): the table of work figures shows the change in the count's unit (百分点
    of a rate) and the change rate, signed as stated; its CSV holds them in their own columns."""
    from tests.sitepages import page_csvs

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + (
        "work_stats:\n"
        "  - {name: 门诊急诊, value: 21.36, unit: 万人次, change_rate: 9.4%}\n"
        "  - {name: 资产负债率, value: 38.6, unit: \"%\", change: -2.1}\n"
        "  - {name: 出院患者, value: 11826, unit: 人次}\n"), encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    table = soup(tmp_path / "site", "departments/demo-dept/2020/").find("table", id="work-stats-table")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")][:3] for tr in table.tbody.find_all("tr")]
    assert rows == [["21.36万人次", "", "9.4%"], ["38.6%", "-2.1个百分点", ""], ["11,826人次", "", ""]]
    header, *lines = page_csvs(tmp_path / "site", "departments/demo-dept/2020/")["work-stats-table"]
    got = [dict(zip(header, line)) for line in lines]
    assert [(r["比上年增减"], r["增减单位"], r["比上年增减率（%）"]) for r in got] == [
        ("", "", "9.4"), ("-2.1", "个百分点", ""), ("", "", "")]


def test_counts_without_a_change_keep_the_table_without_its_columns(tmp_path):
    """No work figure states a change: the table has no change columns, on the page or in its CSV."""
    from tests.sitepages import page_csvs

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + "work_stats:\n  - {name: 出院患者, value: 11826, unit: 人次}\n",
                    encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    table = soup(tmp_path / "site", "departments/demo-dept/2020/").find("table", id="work-stats-table")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["事项", "数值", "说明"]
    header = page_csvs(tmp_path / "site", "departments/demo-dept/2020/")["work-stats-table"][0]
    assert header == ["事项", "层级", "数值", "单位", "约数说明", "年份", "说明"]
