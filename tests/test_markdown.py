"""The narrative renderer: images are never rendered as images, wherever they point."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.site.markdown import render, render_inline


def parsed(text: str) -> BeautifulSoup:
    return BeautifulSoup(render(text), "html.parser")


@pytest.mark.parametrize("source, href, text", [
    ("![外部图片](https://evil.example/t.png)", "https://evil.example/t.png", "外部图片"),
    ("![大写](HTTPS://EVIL.EXAMPLE/t.png)", "HTTPS://EVIL.EXAMPLE/t.png", "大写"),
    ("![引用式][pic]\n\n[pic]: https://evil.example/r.png", "https://evil.example/r.png", "引用式"),
    ("![引用式][]\n\n[引用式]: http://evil.example/c.png", "http://evil.example/c.png", "引用式"),
    ("![尖括号](<https://evil.example/a b.png>)", "https://evil.example/a%20b.png", "尖括号"),
    ("![根相对](/t.png)", "/t.png", "根相对"),
    ("![上级](../../../../t.png)", "../../../../t.png", "上级"),
    ("![相对](t.png)", "t.png", "相对"),
    ("![**加粗** 与 [链接](http://a.example/)](https://evil.example/t.png)", "https://evil.example/t.png",
     "加粗 与 链接"),
])
def test_an_image_renders_as_a_link_showing_its_alt_text(source, href, text):
    page = parsed(source)
    assert page.find("img") is None
    links = page.find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [(href, text)]


def test_an_image_without_alt_text_shows_its_address():
    page = parsed('![](https://evil.example/t.png?a=1&b="2")')
    assert page.find("img") is None
    assert page.a.get_text() == 'https://evil.example/t.png?a=1&b="2"'


def test_an_image_keeps_its_title_and_its_text_is_escaped():
    page = parsed('![<script>alert(1)</script>](https://evil.example/t.png "标题<b>")')
    assert page.find("script") is None and page.find("b") is None
    assert page.a.get_text() == "<script>alert(1)</script>"
    assert page.a["title"] == "标题<b>"


def test_an_image_inside_a_link_is_the_link_text():
    page = parsed("[![嵌套](https://evil.example/n.png) 说明](https://evil.example/)")
    assert page.find("img") is None
    assert [(a["href"], a.get_text()) for a in page.find_all("a")] == [("https://evil.example/", "嵌套 说明")]


@pytest.mark.parametrize("source", [
    "![协议相对](//evil.example/t.png)",
    "![数据](data:image/png;base64,iVBORw0KGgo=)",
    "![脚本](javascript:alert(1))",
    "![文件](file:///etc/passwd)",
    "![引用](//evil.example/t.png 'x')",
])
def test_an_image_with_a_refused_address_stays_text(source):
    page = parsed(source)
    assert page.find("img") is None and page.find("a") is None
    assert page.get_text().strip() == source


def test_inline_rendering_has_no_images_either():
    html = render_inline("文字 ![图](https://evil.example/t.png) 文字")
    assert "<img" not in html
    assert html == '文字 <a href="https://evil.example/t.png">图</a> 文字'


def test_links_and_autolinks_stay_links():
    page = parsed("[链接](https://a.example/l) <https://a.example/auto> <someone@a.example>")
    assert [a["href"] for a in page.find_all("a")] == ["https://a.example/l", "https://a.example/auto",
                                                        "mailto:someone@a.example"]
