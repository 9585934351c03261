from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once from content/, for tests that read pages."""
    from generator.engine.pipeline import build

    out = tmp_path_factory.mktemp("built") / "site"
    build(ROOT / "content", out)
    return out


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    from tests.browser import CSP, serve

    with serve(built_site, CSP) as url:
        yield url


@pytest.fixture(scope="session")
def strict_site_url(built_site):
    """The site served under the strict policy (the same as site_url's, kept for the tests that name it)."""
    from tests.browser import CSP, serve

    with serve(built_site, CSP) as url:
        yield url


#: Reports in the demo site the tests build: enough that its busiest years have more
#: departments than a year's page draws bar by bar (charts.YEAR_CHART_MAX).
DEMO_REPORTS = 300


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """`build.py demo` once, without search: the folder holding its `content/` and `site/`."""
    from build import main

    folder = tmp_path_factory.mktemp("demo") / "demo"
    assert main(["demo", "--reports", str(DEMO_REPORTS), "--dir", str(folder), "--no-serve", "--no-search"]) == 0
    return folder


@pytest.fixture(scope="session")
def content():
    """The seed content of content/, loaded once for every test that reads the model (it is
    frozen: dataclasses and pydantic models that no test can change)."""
    from generator.content.load import load_content
    from tests.seeds import CONTENT

    return load_content(CONTENT)
