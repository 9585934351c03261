"""deploy/: the nginx configuration is valid, and serves the built site with its headers."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.seeds import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    """nginx running deploy/nginx.conf on a loopback port, serving the built site."""
    work = tmp_path_factory.mktemp("nginx")
    (work / "snippets").mkdir()
    shutil.copy(ROOT / "deploy/security-headers.conf", work / "snippets/security-headers.conf")
    port = free_port()
    server = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    server = re.sub(r"listen 80;\n\s*listen \[::\]:80;", f"listen 127.0.0.1:{port};", server)
    server = server.replace("root /var/www/disclosure-site;", f"root {built_site};")
    # Run as root (the test machine's user), workers reading the pytest temp folder need the same user.
    user = "user root;\n" if os.getuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}pid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {work}/body;\n proxy_temp_path {work}/proxy;\n"
        f" fastcgi_temp_path {work}/fastcgi;\n uwsgi_temp_path {work}/uwsgi;\n scgi_temp_path {work}/scgi;\n"
        f"{server}\n}}\n", encoding="utf-8")
    conf = str(work / "nginx.conf")
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", conf], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-p", str(work), "-c", conf, "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_pages_carry_the_security_headers(nginx):
    from tests.browser import deploy_headers

    for path in ["", "departments/suining-xzspfwj/2023/", "data/", "search/", "checks/"]:
        status, headers, _ = get(nginx + path)
        assert status == 200, path
        for name, value in deploy_headers().items():
            assert headers[name] == value, (path, name)
        assert headers["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year(nginx, built_site):
    asset = next((built_site / "assets").glob("site.*.css")).name
    status, headers, _ = get(nginx + f"assets/{asset}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    # The search index keeps its file names from build to build: always revalidated.
    assert get(nginx + "search/index.js")[1]["Cache-Control"] == "no-cache"
    assert get(nginx + "search/s/0.js")[1]["Cache-Control"] == "no-cache"


def test_missing_paths_get_the_404_page(nginx):
    status, headers, body = get(nginx + "departments/nowhere/")
    assert status == 404
    assert "页面未找到" in body.decode("utf-8")


def test_downloads_have_their_types(nginx):
    assert get(nginx + "data/2020/reports.csv")[1]["Content-Type"].startswith("text/csv")
    assert get(nginx + "data/2020/figures.csv.zip")[1]["Content-Type"] == "application/zip"
    assert get(nginx + "departments/suining-xzspfwj/2023/figures.csv.zip")[1]["Content-Type"] == "application/zip"
    assert get(nginx + "departments/suining-xzspfwj/2023/tables.csv")[1]["Content-Type"].startswith("text/csv")
    assert get(nginx + "departments/suining-xzspfwj/2023/source.yaml")[1]["Content-Type"].startswith("text/yaml")
    assert "spreadsheetml" in get(nginx + "data/2020/disclosures.xlsx")[1]["Content-Type"]


@pytest.mark.browser
def test_search_works_through_nginx_with_its_csp(browser, nginx):
    from tests.browser import Console

    page = browser.new_page()
    console = Console(page)
    page.goto(nginx + "search/?q=一件事一次办")
    page.wait_for_function("() => /找到/.test(document.getElementById('search-status').textContent)")
    assert page.evaluate("document.documentElement.getAttribute('data-search-engine')") == "static"
    assert console.errors == []
    page.close()


@pytest.mark.browser
def test_the_404_page_through_nginx_is_styled_at_any_depth_and_leads_home(browser, nginx):
    """As the issue found it: deploy/nginx.conf answers a nested missing URL with 404.html, whose
    styles (under the deploy CSP) and 返回首页 are from the site's root."""
    from tests.test_browser_pages import assert_styled_404_leads_home

    page = browser.new_page()
    for missing in ("departments/x/", "departments/suining-xzspfwj/2023/nothing/", "a/b/c"):
        assert_styled_404_leads_home(page, nginx + missing, nginx)
    page.close()


def test_the_readme_search_example_finds_what_it_says_in_the_default_content(built_site):
    """README's example term finds the reports it names (数字城管, the example before, found none)."""
    from tests.test_search import holding, indexed

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"Terms match exactly: (\S+) finds the (\w+) reports\s+holding", text)
    assert example, "README's search example is gone"
    found = [d for d in holding(indexed(built_site), example.group(1)) if d["meta"]["type"] == "报告"]
    assert len(found) == {"three": 3}[example.group(2)]
    both = re.search(r"space-separated terms must all\s+be present \(([^)]+)\)", text).group(1)
    assert holding(indexed(built_site), both)
