"""A project's money by source (Project.by_source) on the report page and in its downloads."""

from __future__ import annotations

PROJECT = """projects:
  - name: 项目支出
    items:
      - name: 高标准农田建设项目
        budget: 1800.00
        arrived: 1776.00
        by_source:
          - {name: 中央财政资金, budget: 1080.00, arrived: 1080.00, arrival_rate: 100.00%}
          - {name: 县级财政资金, budget: 720.00, arrived: 696.00, arrival_rate: 96.67%}
"""


def test_the_report_page_shows_a_projects_sources_under_it_and_its_csv_gives_them(tmp_path):
    import shutil

    from generator.content.load import load_content
    from generator.engine.pipeline import build
    from generator.outputs.data import page_tables
    from generator.site.pages import plan
    from tests.seeds import ROOT
    from tests.sitepages import soup

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    year = content / "departments" / "demo-dept" / "2020.yaml"
    year.write_text(year.read_text(encoding="utf-8") + PROJECT, encoding="utf-8")
    build(content, tmp_path / "site", search=False)
    page = soup(tmp_path / "site", "departments/demo-dept/2020/")
    section = page.find("section", attrs={"aria-labelledby": "projects-section"})
    table = next(t for t in section.find_all("table") if "按资金来源" in t.caption.get_text())
    head = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert head[1:] == ["预算", "资金到位数", "资金到位率"]
    rows = [[c.get_text(strip=True) for c in tr.find_all(["td", "th"])] for tr in table.tbody.find_all("tr")]
    assert [r[0] for r in rows] == ["高标准农田建设项目", "中央财政资金", "县级财政资金"]
    assert rows[2][1:] == ["720.00", "696.00", "96.67%"]
    report = next(p for p in plan(load_content(content)) if p.url == "departments/demo-dept/2020/")
    csv = {t.id: t.csv for t in page_tables(report.context)}["projects-1-sources-1"].decode("utf-8-sig")
    assert csv.splitlines()[-1] == "县级财政资金,1,7200000,6960000,96.67"
