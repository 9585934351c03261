"""The government-site conventions of the page footer (FORMATS.md §3.1), configured in site.yaml:
ICP and 公安 record numbers linked to their registries, the 党政机关网站标识, 网站地图 and 联系我们
pages, a 我要纠错 link; a piece site.yaml leaves out is not shown."""

from __future__ import annotations

import base64
import posixpath
import shutil
from pathlib import Path

import pytest

from tests.seeds import CONTENT, SEEDS
from tests.sitepages import soup

#: A 1×1 PNG, standing in for the image the 编制部门 issues.
MARK = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
MARK_URL = "https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D4E5F"
CORRECTION = "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteNum.action?site_code=4305000001"
EXTRA = f"""
government_mark:
  image: assets/dzjg.png
  url: {MARK_URL}
correction_url: {CORRECTION}
"""
PAGES = ["index.html", f"departments/suining-xzspfwj/{SEEDS['suining-xzspfwj']}/index.html", "checks/index.html",
         "404.html", "search/index.html"]


@pytest.fixture(scope="module")
def gov_site(tmp_path_factory) -> Path:
    """The seed content with every convention configured: the site.yaml of content/ (ICP, 公安,
    网站标识码, contact) and a mark and a 纠错 address."""
    from generator.engine.pipeline import build

    folder = tmp_path_factory.mktemp("gov")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    (content / "assets").mkdir()
    (content / "assets" / "dzjg.png").write_bytes(MARK)
    build(content, folder / "site", search=False)
    return folder / "site"


def footer(site: Path, page: str):
    url = page[: -len("index.html")] if page.endswith("index.html") else page
    return soup(site, url).find("footer")


def target(site: Path, page: str, href: str) -> Path:
    """The file a relative (or, on the 404 page, root-relative) link leads to."""
    href = href.split("#")[0]
    path = href.lstrip("/") if href.startswith("/") else posixpath.join(posixpath.dirname(page), href)
    out = site / posixpath.normpath(path or ".")
    return out / "index.html" if out.is_dir() else out


@pytest.mark.parametrize("page", PAGES)
def test_the_record_numbers_link_to_their_registries(gov_site, page):
    links = {a.get_text(strip=True): a["href"] for a in footer(gov_site, page).select(".registration a")}
    assert links == {"示ICP备00000000号": "https://beian.miit.gov.cn/",
                     "示公网安备00000000000000号":
                         "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=00000000000000"}
    assert "网站标识码：0000000000" in footer(gov_site, page).select_one(".registration").get_text()


@pytest.mark.parametrize("page", PAGES)
def test_the_mark_sits_at_the_bottom_linked_to_its_page_and_served_by_the_site(gov_site, page):
    foot = footer(gov_site, page)
    mark = foot.select_one(".government-mark a")
    assert mark["href"] == MARK_URL
    img = mark.find("img")
    assert img["alt"] == "党政机关网站标识"
    assert not img["src"].startswith(("http:", "https:", "//"))
    assert target(gov_site, page, img["src"]).read_bytes() == MARK
    assert foot.find_all("p")[-1] is mark.parent  # the footer's last line


@pytest.mark.parametrize("page", PAGES)
def test_the_footer_links_the_sitemap_contact_and_correction(gov_site, page):
    links = {a.get_text(strip=True): a["href"] for a in footer(gov_site, page).select(".fineprint a")}
    assert links["我要纠错"] == CORRECTION
    assert target(gov_site, page, links["网站地图"]) == gov_site / "sitemap/index.html"
    assert target(gov_site, page, links["联系我们"]) == gov_site / "contact/index.html"
    assert target(gov_site, page, links["网站地图"]).is_file() and target(gov_site, page, links["联系我们"]).is_file()


def test_the_sitemap_page_lists_every_section_year_department_and_report(gov_site):
    page = soup(gov_site, "sitemap/")
    assert page.find("h1").get_text() == "网站地图"
    hrefs = {a["href"] for a in page.find("main").find_all("a")}
    for section in ["../regions/", "../years/", "../departments/", "../checks/", "../data/", "../glossary/",
                    "../search/", "../about/", "../contact/"]:
        assert section in hrefs, section
    for slug, year in SEEDS.items():
        assert f"../departments/{slug}/" in hrefs and f"../departments/{slug}/{year}/" in hrefs
        assert f"../years/{year}/" in hrefs
    for href in hrefs:
        assert target(gov_site, "sitemap/index.html", href).is_file(), href


def test_the_contact_page_gives_the_organizer_and_how_to_reach_it(gov_site):
    page = soup(gov_site, "contact/")
    facts = {dt.get_text(): dd.get_text(strip=True) for dt, dd in zip(page.select("dl.facts dt"), page.select("dl.facts dd"))}
    assert facts == {"主办单位": "示例县财政局（示例，部署时替换）", "地址": "示例县人民路1号（示例）",
                     "电话": "0000-0000000", "邮箱": "gongkai@example.gov.cn", "网站标识码": "0000000000"}
    assert page.find("a", string="我要纠错")["href"] == CORRECTION


def test_pieces_site_yaml_leaves_out_are_not_shown(built_site):
    """content/ names no mark and no 纠错 address: neither shows."""
    for page in PAGES:
        foot = footer(built_site, page)
        assert foot.select(".government-mark") == []
        assert "我要纠错" not in foot.get_text()
    assert not list((built_site / "assets").glob("government-mark*"))


def test_a_site_without_contact_has_no_contact_page_nor_link(tmp_path):
    from generator.engine.pipeline import build

    minimal = Path(__file__).resolve().parent / "fixtures" / "minimal"
    build(minimal, tmp_path / "site", search=False)
    assert not (tmp_path / "site" / "contact").exists()
    foot = footer(tmp_path / "site", "index.html")
    assert "联系我们" not in foot.get_text() and foot.select(".registration a") == []
    assert (tmp_path / "site" / "sitemap" / "index.html").is_file()


def test_a_police_record_without_its_number_is_shown_unlinked():
    from generator.content.model import Site

    base = {"title": "站", "base_url": "https://example.gov.cn/", "organizer": "单位"}
    assert Site.model_validate({**base, "police_record": "湘公网安备 43052702000123号"}).police_record_code == "43052702000123"
    assert Site.model_validate({**base, "police_record": "湘公网安备（办理中）"}).police_record_code is None
