"""The 原文 page in a browser: the original's tables pass axe, scroll in their frame on a phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SOURCE = "departments/suining-xzspfwj/2023/source/"


def test_the_original_s_tables_pass_axe_and_fit_a_phone(browser, strict_site_url):
    from axe_playwright_python.sync_playwright import Axe

    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(strict_site_url + SOURCE)
        assert page.locator("table.source-table").count() == 2
        # The page itself never scrolls sideways: a wide table scrolls in its frame.
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        # A cell's paragraphs stay apart (line breaks), as in the original.
        assert page.locator("table.source-table td br").count() >= 1
        results = Axe().run(page)
        bad = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
        assert bad == [], width
        context.close()
