"""Every chart's data equals the model's figures; charts draw in a real browser under a strict CSP."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from generator.site import charts
from generator.content.model import STAGES
from tests.browser import Console
from tests.seeds import CONTENT, SEEDS
from tests.sitepages import soup

STAGE_BY_NAME = {label: key for key, label in STAGES.items()}
WAN = Decimal(10000)


def page_charts(built_site, url):
    page = soup(built_site, url)
    out = {}
    for figure in page.select("figure.chart"):
        spec = page.find("script", id=f"{figure['id']}-spec")
        out[figure["id"]] = (json.loads(spec.string, parse_float=Decimal, parse_int=Decimal), figure)
    return out


def named_amounts(report):
    """Every row of the report that has a name, by name (a name may appear in several tables)."""
    found: dict[str, list] = {}

    def walk(value):
        name = getattr(value, "name", None)
        if name and hasattr(value, "actual"):
            found.setdefault(name, []).append(value)
        if hasattr(type(value), "model_fields"):
            for field in type(value).model_fields:
                walk(getattr(value, field))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(report)
    if report.sangong:
        for key, label in charts.SANGONG_ITEMS + (("vehicles", "公务用车购置及运行维护费"),):
            if getattr(report.sangong, key) is not None:
                found.setdefault(label, []).append(getattr(report.sangong, key))
    return found


def trace_points(trace):
    horizontal = trace.get("orientation") == "h"
    categories = trace["y"] if horizontal else trace["x"]
    values = trace["x"] if horizontal else trace["y"]
    return list(zip(categories, values))


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_report_chart_values_are_the_model_figures(built_site, content, slug):
    entry = next(e for e in content.departments if e.slug == slug)
    rf = next(r for r in entry.reports if r.year == SEEDS[slug])
    report = rf.report
    found = page_charts(built_site, f"departments/{slug}/{rf.year}/")
    assert found, "a seed report page has charts"
    rows = named_amounts(report)
    for chart_id, (spec, _) in found.items():
        for trace in spec["data"]:
            for category, value in trace_points(trace):
                if value is None:
                    continue
                if chart_id == "chart-income-expenditure":
                    account = charts._main_account(report.income if trace["name"] == "收入" else report.expenditure)
                    expected = getattr(account.total, STAGE_BY_NAME[category]).value
                    assert value * WAN == expected, (chart_id, trace["name"], category)
                elif chart_id == "chart-scores":
                    continue  # checked below
                else:
                    stage = STAGE_BY_NAME[trace["name"]]
                    candidates = {getattr(a, stage).value for a in rows.get(category, [])
                                  if getattr(a, stage, None) is not None}
                    assert value * WAN in candidates, (chart_id, category, trace["name"], value)


def test_score_chart_sums_the_indicator_table_by_first_level(built_site, content):
    entry = next(e for e in content.departments if e.slug == "suining-xzspfwj")
    perf = entry.reports[0].report.performance
    spec, _ = page_charts(built_site, "departments/suining-xzspfwj/2023/")["chart-scores"]
    weights = dict(trace_points(spec["data"][0]))
    scores = dict(trace_points(spec["data"][1]))
    for level1 in ("产出指标", "效益指标", "满意度指标"):
        rows = [i for i in perf.indicators if i.level1 == level1]
        assert weights[level1] == sum(i.weight.value for i in rows)
        assert scores[level1] == sum(i.score.value for i in rows)
    assert (weights["预算执行率"], scores["预算执行率"]) == (10, 10)
    assert scores["满意度指标"] == 9


def test_every_chart_has_a_data_table_and_a_summary(built_site):
    for url in ["departments/longyang-zwfwglj/2020/", "departments/suining-xzspfwj/", "years/2020/", ""]:
        for chart_id, (spec, figure) in page_charts(built_site, url).items():
            table = figure.find("table")
            assert table is not None and table.find("caption"), chart_id
            assert len(table.tbody.find_all("tr")) >= 1, chart_id
            assert figure.find(class_="chart-summary").get_text(strip=True), chart_id
            assert figure.name == "figure" and figure.figcaption.find(class_="chart-title").get_text(strip=True), chart_id


def test_chart_json_is_escaped_against_script_breakout():
    from generator.outputs.render import json_script

    text = str(json_script({"name": "</script><script>alert(1)</script>", "x": "<!--", "y": "\u2028"}))
    assert "</script" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"


def merged(base: dict, over: dict) -> dict:
    """A chart's layout as charts.js gives it to Plotly: the chart's own over the page's theme,
    objects merged key by key."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def test_modebar_offers_no_button_that_sends_data_away(built_site):
    page = soup(built_site, "departments/longyang-zwfwglj/2020/")
    themes = page.find_all("script", id="chart-theme")
    assert len(themes) == 1  # what every chart shares, once a page
    theme = json.loads(themes[0].string)
    assert theme["config"]["modeBarButtons"] == [["toImage"]]
    assert theme["config"]["displaylogo"] is False
    assert theme["layout"]["font"]["family"].startswith('"PingFang SC"')
    for chart_id, (spec, _) in page_charts(built_site, "departments/longyang-zwfwglj/2020/").items():
        assert set(spec) == {"data", "layout"}, chart_id
        assert "font" not in spec["layout"] and spec["layout"]["height"] > 0, chart_id
        full = merged(theme["layout"], spec["layout"])
        assert full["font"] == theme["layout"]["font"] and full["xaxis"] == spec["layout"]["xaxis"], chart_id


def test_department_series_marks_prior_year_figures(content):
    entry = next(e for e in content.departments if e.slug == "suining-xzspfwj")
    series = charts.department_series([rf.report for rf in entry.reports])
    sangong = series["sangong"]
    assert [(p.year, p.from_prior, p.figure.value) for p in sangong] == [
        (2022, True, Decimal("3300")), (2023, False, Decimal("15000"))]


def test_plotly_css_carries_the_base_rules():
    from generator.outputs import plotly_assets

    css = plotly_assets.stylesheet().decode()
    assert ".js-plotly-plot .plotly .main-svg{" in css
    assert ".js-plotly-plot .plotly .modebar{" in css


def test_every_chart_draws_with_a_trace_type_the_vendored_bundle_holds(built_site):
    """The site ships plotly.js's basic bundle (bar, pie, scatter), not the whole of plotly.js."""
    import re
    from pathlib import Path

    from generator.outputs import plotly_assets

    assert plotly_assets.version() == plotly_assets.VERSION
    used = set(re.findall(r'"type": "(\w+)"', Path(charts.__file__).read_text(encoding="utf-8")))
    assert used and used <= plotly_assets.TRACE_TYPES
    drawn = {trace.get("type", "scatter") for url in CHART_PAGES.values()
             for spec, _ in page_charts(built_site, url).values() for trace in spec["data"]}
    assert drawn and drawn <= plotly_assets.TRACE_TYPES, drawn


CHART_PAGES = {
    "report": "departments/longyang-zwfwglj/2020/",
    "report-performance": "departments/suining-xzspfwj/2023/",
    "department": "departments/suining-xzspfwj/",
    "year": "years/2020/",
    "home": "",
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", sorted(CHART_PAGES))
def test_each_page_type_draws_all_its_charts_under_strict_csp(browser, strict_site_url, built_site, kind):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = Console(page)
    page.goto(strict_site_url + CHART_PAGES[kind])
    expected = len(page_charts(built_site, CHART_PAGES[kind]))
    assert expected > 0
    plots = page.locator(".chart-plot")
    for i in range(plots.count()):
        plots.nth(i).scroll_into_view_if_needed()
        page.locator(".chart-plot").nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    page.wait_for_function(f"() => document.querySelectorAll('.chart-plot.drawn').length === {expected}", timeout=15000)
    assert page.locator(".chart-plot.drawn > .plot-container svg.main-svg").count() >= expected
    # Drawn with the site's shared layout (the page's chart-theme) under each chart's own.
    layouts = page.evaluate("""() => Array.from(document.querySelectorAll('.chart-plot.drawn')).map(el => ({
        font: el._fullLayout.font.family, paper: el._fullLayout.paper_bgcolor, height: el._fullLayout.height,
        logo: el._context.displaylogo}))""")
    assert len(layouts) == expected
    for drawn in layouts:
        assert drawn["font"].startswith('"PingFang SC"') and drawn["paper"] == "#ffffff", drawn
        assert drawn["logo"] is False and drawn["height"] >= 150, drawn
    assert console.errors == []
    context.close()


@pytest.mark.browser
def test_plotly_loads_only_when_a_chart_comes_near_the_viewport(browser, strict_site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 500})
    page.goto(strict_site_url + CHART_PAGES["report"])
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").is_visible()
    assert page.evaluate("typeof window.Plotly") == "undefined"
    page.locator(".chart-plot").first.scroll_into_view_if_needed()
    page.wait_for_function("() => typeof window.Plotly === 'object'", timeout=15000)
    page.close()


@pytest.mark.browser
def test_plotly_is_not_loaded_on_pages_without_charts(browser, strict_site_url):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(strict_site_url + "glossary/")
    page.wait_for_load_state("networkidle")
    assert not any("plotly" in url or "charts." in url for url in requests)
    page.close()


@pytest.mark.browser
def test_chart_data_table_is_shown_on_request(browser, strict_site_url):
    page = browser.new_page()
    page.goto(strict_site_url + CHART_PAGES["report-performance"])
    button = page.locator("#chart-scores .chart-toggle")
    table = page.locator("#chart-scores-table")
    assert button.get_attribute("aria-expanded") == "false"
    assert table.locator("tbody tr").count() == 4  # present for screen readers while collapsed
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert table.is_visible() and table.bounding_box()["height"] > 50
    page.close()


@pytest.mark.browser
def test_hover_shows_wan_yuan_with_separators(browser, strict_site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(strict_site_url + CHART_PAGES["report"])
    plot = page.locator("#chart-income-expenditure .chart-plot")
    plot.scroll_into_view_if_needed()
    plot.locator("svg.main-svg").first.wait_for()
    box = plot.locator("g.point path").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator(".hoverlayer .hovertext").first.wait_for()
    assert "644.27 万元" in page.locator(".hoverlayer").text_content()
    page.close()


def _headlines(n: int):
    """`n` reports of one year as the year page holds them, with amounts, staff and scores."""
    import datetime as dt

    from generator.site.pages import Headline

    out = []
    for i in range(n):
        yuan = Decimal(1_000_000 + 10_000 * i)
        out.append(Headline(f"d{i:03d}", f"第{i:03d}局", 2023, "报告", ("决算",), None, dt.date(2024, 9, 1),
                            {"income": (None, ""), "expenditure": (yuan, "决算"), "basic": (None, ""),
                             "project": (None, ""), "sangong": (Decimal(1000 + i), "决算")},
                            10, "编制", Decimal(100) - Decimal(i) / 2, None, {}, None))
    return out


def test_a_small_year_compares_every_department_bar_by_bar():
    made = {c.id: c for c in charts.year_charts(_headlines(charts.YEAR_CHART_MAX), "万元")}
    assert len(made["chart-year-expenditure"].rows) == charts.YEAR_CHART_MAX
    assert made["chart-year-expenditure"].title == "各部门支出合计"
    assert len(made["chart-year-score"].rows) == charts.YEAR_CHART_MAX  # a bar a department


def test_a_province_year_charts_the_largest_and_the_spread_of_scores():
    """A province's year has thousands of reports: a chart of every one is unreadable and weighs
    megabytes. The amount charts show the largest YEAR_CHART_MAX, saying so; the scores, how
    many fall in each band; the page's table keeps every department."""
    rows = _headlines(100)
    made = {c.id: c for c in charts.year_charts(rows, "万元")}
    spending = made["chart-year-expenditure"]
    assert spending.title == f"支出合计最高的{charts.YEAR_CHART_MAX}个部门"
    assert spending.summary.startswith(f"共 100 个部门，图中为最高的 {charts.YEAR_CHART_MAX} 个")
    assert spending.summary.count("局") == charts.SUMMARY_NAMES  # the summary a line; the table has them all
    assert [r[0] for r in spending.rows] == [f"第{i:03d}局" for i in range(99, 99 - charts.YEAR_CHART_MAX, -1)]
    assert spending.rows[0][2] == "199.00"  # 1,990,000 元 in 万元
    assert len(spending.figure["data"][0]["y"]) == charts.YEAR_CHART_MAX
    assert made["chart-year-per-staff"].title.startswith(f"人均支出最高的{charts.YEAR_CHART_MAX}个部门")
    bands = made["chart-year-score"]
    assert bands.title == "绩效自评得分分布"
    # scores 100, 99.5 … 50.5: 1 at 100, 10 in [95, 100), 10 in [90, 95), 20 in [80, 90), 40 in [60, 80), 19 below
    assert bands.rows == (("100分", "1"), ("95分至100分", "10"), ("90分至95分", "10"), ("80分至90分", "20"),
                          ("60分至80分", "40"), ("60分以下", "19"))
    assert sum(int(n) for _, n in bands.rows) == 100
    assert bands.summary.startswith("共 100 个部门；")


def _with(head, **changes):
    """A headline with other figures; a score or rate given comes with its cell, as stated."""
    import dataclasses

    from generator.content.numbers import decimal_text
    from generator.site.views import Cell

    for key, cell, suffix in (("score", "score_cell", ""), ("rate", "rate_cell", "%")):
        if key in changes:
            value = changes[key]
            changes[cell] = None if value is None else Cell(decimal_text(value), decimal_text(value) + suffix,
                                                            decimal_text(value) + suffix, True)
    return dataclasses.replace(head, **changes)


def test_a_province_year_spreads_the_execution_rates_over_the_reports_stating_one():
    """Past YEAR_CHART_MAX rates the year page draws how many departments fall in each band of
    预算执行率, counted over the reports that state one, and says how many do."""
    rows = [_with(h, rate=Decimal(100) - Decimal(i) / 4 if i % 10 else None) for i, h in enumerate(_headlines(100))]
    made = {c.id: c for c in charts.year_charts(rows, "万元")}
    bands = made["chart-year-rate"]
    assert bands.summary.startswith("100 个部门中 90 个列明预算执行率；")
    # rates 99.75 … 75.25 (every tenth unstated): 90 in all, none at 100, 18 in [95, 100), 20 in [90, 95) …
    assert dict(bands.rows) == {"100%及以上": "0", "95%至100%": "18", "90%至95%": "18", "80%至90%": "36",
                                "60%至80%": "18", "60%以下": "0"}
    assert "chart-year-rate" not in {c.id for c in charts.year_charts(rows[:charts.YEAR_CHART_MAX], "万元")}


def test_a_year_lists_its_highest_and_lowest_over_the_reports_that_state_them():
    """The top and bottom lists of a year's page: the 10 highest and lowest scores and the 10
    lowest 预算执行率, over the reports that state each (unstated ones are neither top nor
    bottom), tied values sharing a place, and the ties left out at the cut counted."""
    from generator.site import views

    rows = [_with(h, score=h.score) for h in _headlines(40)]  # scores 100, 99.5 … 80.5
    rows[0] = _with(rows[0], score=None)  # 第000局 states no score
    rows[39] = _with(rows[39], score=None)
    rows[2] = _with(rows[2], score=Decimal("99.5"))  # ties 第001局
    rows = [_with(h, rate=Decimal(90) + i % 7 if i < 35 else None) for i, h in enumerate(rows)]
    made = {r.id: r for r in views.year_rankings(rows, charts.YEAR_CHART_MAX)}
    high, low, rate = made["rank-score-high"], made["rank-score-low"], made["rank-rate-low"]
    assert (high.stated, high.total) == (38, 40)
    assert [(e.rank, e.head.name, e.cell.shown) for e in high.rows[:3]] == [
        (1, "第001局", "99.5"), (1, "第002局", "99.5"), (3, "第003局", "98.5")]
    assert len(high.rows) == views.RANKING_SIZE and high.caption == "自评得分最高的 10 个部门"
    assert [e.head.name for e in low.rows][:2] == ["第038局", "第037局"]  # 第039局 states none
    assert low.rank_label == "倒数名次" and low.caption == "自评得分最低的 10 个部门"
    # rates 90 … 96 in turn over 35 reports: five at 90, five at 91, so the tenth ties five more
    assert (rate.stated, rate.total) == (35, 40)
    assert [e.cell.shown for e in rate.rows] == ["90%"] * 5 + ["91%"] * 5
    assert [e.rank for e in rate.rows] == [1] * 5 + [6] * 5
    assert rate.ties == ""
    tied = views.year_rankings(rows, charts.YEAR_CHART_MAX, size=7)
    assert {r.id: r.ties for r in tied}["rank-rate-low"] == "另有 3 个部门同为 91%，未列出（见全部部门表）"
    assert views.year_rankings(rows[:charts.YEAR_CHART_MAX], charts.YEAR_CHART_MAX) == []  # a bar each instead


def _summary(slug: str, region: str, heads, findings=()):
    from generator.site.pages import Summary

    return Summary(slug, slug, region, tuple(heads), tuple(findings), {}, 0)


def test_region_charts_add_up_each_year_and_compare_sub_regions_in_one_year():
    """A region's totals by year add the stated 决算 spending (a year with none is no bar), its
    grades are counted by band year by year over the scored reports, and its sub-regions are
    compared in the year most of its reports are for, each bar saying over how many departments."""
    from generator.content.regions import places
    from generator.content.load import load_content as load

    regions = places(load(CONTENT).regions)
    county_a, county_b = "430103", "430527"
    heads = _headlines(6)

    def at(h, year, spent, score, stage="决算/执行"):
        return _with(h, year=year, score=score, figures={**h.figures, "expenditure": (spent, stage)})

    a = _summary("a", county_a, [at(heads[0], 2021, Decimal(1_000_000), Decimal(98)),
                                 at(heads[1], 2022, Decimal(2_000_000), Decimal(85))])
    b = _summary("b", county_b, [at(heads[2], 2022, Decimal(3_000_000), None),
                                 at(heads[3], 2023, Decimal(500_000), Decimal(100), stage="预算")])
    c = _summary("c", county_b, [at(heads[4], 2022, Decimal(250_000), Decimal("59.5"))])
    place_a, place_b = regions.get(county_a), regions.get(county_b)
    if place_a is None or place_b is None:
        pytest.skip("the seed regions have changed")
    made = {ch.id: ch for ch in charts.region_charts([a, b, c], [place_a, place_b],
                                                     {county_a: [a], county_b: [b, c]}, "万元")}
    totals = made["chart-region-totals"]
    assert totals.rows == (("2021", "100.00（1 个部门）"), ("2022", "525.00（3 个部门）"))  # 2023: a budget only
    grades = made["chart-region-grades"]
    assert grades.columns == ("年度", "优（100分）", "优（95分至100分）", "良（80分至90分）", "差（60分以下）", "列明得分的报告")
    assert grades.rows == (("2021", "0", "1", "0", "0", "1"), ("2022", "0", "0", "1", "1", "2"),
                           ("2023", "1", "0", "0", "0", "1"))
    assert grades.summary == ("2021—2023年共 4 份报告列明得分：优（100分） 1 份、优（95分至100分） 1 份、"
                              "良（80分至90分） 1 份、差（60分以下） 1 份；各年见数据表")
    sub = made["chart-region-sub-regions"]
    assert sub.title.startswith("2022年")
    assert {r[0]: r[1:] for r in sub.rows} == {place_a.region.name: ("1", "1", "200.00"),
                                               place_b.region.name: ("2", "2", "325.00")}
    assert sub.figure["data"][0]["x"] == [Decimal(325), Decimal(200)]  # the larger first


def test_a_wrapped_axis_label_keeps_its_brackets_together(browser, strict_site_url, built_site):
    """隆阳's 功能分类 names end in “(类)”: a name too long for a phone's line breaks before the
    bracket, and no line of a label is a lone “)” (it read “社会保障和就业(类” / “)”)."""
    url = "departments/longyang-zwfwglj/2020/"
    ticks = [t for spec, _ in page_charts(built_site, url).values()
             for t in spec["layout"].get("yaxis", {}).get("ticktext", [])]
    assert any("(类)" in t for t in ticks)
    lines = [line for t in ticks for line in t.split("<br>")]
    assert all(line[0] not in ")）、，。" for line in lines), lines
    assert all(line.count("(") == line.count(")") for line in lines), lines
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(strict_site_url + url)
    plots = page.locator(".chart-plot")
    for i in range(plots.count()):
        plots.nth(i).scroll_into_view_if_needed()
        plots.nth(i).locator("svg.main-svg").first.wait_for(timeout=15000)
    drawn = page.locator("g.ytick text").evaluate_all(
        "els => els.flatMap(t => t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')].map(s => s.textContent) : [t.textContent])")
    assert "社会保障和就业" in drawn and "(类)" in drawn
    assert all(line and line[0] not in ")）" for line in drawn), drawn
    page.close()
