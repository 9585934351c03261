"""Narrative Markdown cannot make a page fetch anything from outside the site: a report page,
its department page, the glossary and the about page, opened from disk with no
Content-Security-Policy, request only files inside the site folder, whatever images and
links their narrative holds.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from generator.content import yamlsafe
from generator.engine.pipeline import build
from tests.seeds import CONTENT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Images and links to other hosts in every form Markdown has, and relative images that
#: would resolve outside the site folder when the page is opened from disk.
OFFSITE = "\n\n".join([
    "内联图片：![外部图片](https://evil.example/inline.png)",
    "大写协议：![大写](HTTPS://EVIL.EXAMPLE/upper.png \"标题\")",
    "无替代文本：![](http://evil.example/empty-alt.png)",
    "协议相对：![协议相对](//evil.example/protocol-relative.png)",
    "数据地址：![数据](data:image/svg+xml;base64,PHN2Zy8+)",
    "引用式：![引用式图片][pic] 与 [引用式链接][pic]",
    "链接中的图片：[![嵌套图片](https://evil.example/nested.png)](https://evil.example/nested)",
    "根相对：![根相对](/root-relative.png)",
    "上级目录：![上级](../../../../../../../../up.png)",
    "相对：![相对](relative.png)",
    "尖括号地址：![尖括号](<https://evil.example/angle bracket.png>)",
    "自动链接：<https://evil.example/autolink> 与 <someone@evil.example>",
    "普通链接：[外部链接](https://evil.example/link)",
    "[pic]: https://evil.example/reference.png",
])


@pytest.fixture(scope="module")
def offsite_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offsite")
    content = tmp / "content"
    shutil.copytree(CONTENT, content)

    def edit(rel, change):
        path = content / rel
        data, _ = yamlsafe.read(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def report(data):
        data["sections"].append({"title": "外部图片", "body": OFFSITE})
        data["problems"] = [*data.get("problems", []), OFFSITE]
        data["measures"] = [*data.get("measures", []), OFFSITE]

    edit("departments/suining-xzspfwj/2023.yaml", report)
    edit("departments/suining-xzspfwj/department.yaml",
         lambda d: d.__setitem__("functions", [*d.get("functions", []), OFFSITE]))
    edit("glossary.yaml", lambda d: d["terms"][0].__setitem__("definition", OFFSITE))
    edit("site.yaml", lambda d: d.__setitem__("description", OFFSITE))
    out = tmp / "site"
    build(content, out)
    return out


PAGES = ["departments/suining-xzspfwj/2023/index.html", "departments/suining-xzspfwj/index.html",
         "glossary/index.html", "about/index.html"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_opened_from_disk_requests_nothing_outside_the_site(browser, offsite_site, path):
    site = offsite_site.resolve()
    assert "evil.example" in (site / path).read_text(encoding="utf-8")  # the narrative is on the page
    inside = site.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    context.route("**/*", lambda route: route.abort() if route.request.url.startswith(("http:", "https:"))
                  else route.continue_())
    page.goto(inside + path)
    page.wait_for_load_state("networkidle")
    # Scroll through the page so anything loaded on approach (the charts) is loaded too.
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 900, 900):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    images = page.evaluate("[...document.images].map(i => i.src)")
    context.close()

    assert any(r.startswith(inside) for r in requests)  # the page's own assets were seen
    outside = [r for r in requests if not r.startswith(inside)]
    assert outside == []
    assert [i for i in images if not i.startswith(inside)] == []


def test_offsite_images_show_as_links_with_their_alt_text(offsite_site):
    from tests.sitepages import soup

    narrative = soup(offsite_site, "departments/suining-xzspfwj/2023/").find("section", class_="narrative")
    assert narrative.find("img") is None
    links = {a.get_text(): a["href"] for a in narrative.find_all("a")}
    assert links["外部图片"] == "https://evil.example/inline.png"
    assert links["引用式图片"] == "https://evil.example/reference.png"
    assert links["http://evil.example/empty-alt.png"] == "http://evil.example/empty-alt.png"
    assert links["嵌套图片"] == "https://evil.example/nested"  # the image inside a link is the link's text
    assert "https://evil.example/autolink" in links
