"""`build.py serve`: serves the site on loopback, rebuilds on change, tells the browser to reload."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.seeds import CONTENT, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("poll", ["", "1"], ids=["inotify", "polling"])
def test_serve_rebuilds_on_content_change_and_signals_reload(tmp_path, poll):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content),
                             "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "SITE_SERVE_POLL": poll})
    try:
        assert wait_for(lambda: get(base + "__build") == "1")
        page = get(base + "departments/tianxin-xzspfwj/2020/")
        assert "/__livereload.js" in page
        assert "/__livereload.js" not in (tmp_path / "site/departments/tianxin-xzspfwj/2020/index.html").read_text()
        year_file = content / "departments/tianxin-xzspfwj/2020.yaml"
        year_file.write_text(year_file.read_text(encoding="utf-8").replace(
            "title: 天心区部门整体支出绩效自评报告", "title: 天心区部门整体支出绩效自评报告（修订）"), encoding="utf-8")
        # The page asks for the build after the one it shows: answered when the rebuild is done.
        assert get(base + "__build?after=1") == "2"
        assert get(base + "__build") == "2"
        assert "天心区部门整体支出绩效自评报告（修订）" in get(base + "departments/tianxin-xzspfwj/2020/")
        # A broken edit keeps the last good site served.
        year_file.write_text(year_file.read_text(encoding="utf-8").replace("unit: 万元", "unit: 千元"),
                             encoding="utf-8")
        time.sleep(2)
        assert get(base + "__build") == "2"
        assert "（修订）" in get(base + "departments/tianxin-xzspfwj/2020/")
        year_file.write_text(year_file.read_text(encoding="utf-8").replace("unit: 千元", "unit: 万元"),
                             encoding="utf-8")
        assert wait_for(lambda: get(base + "__build") == "3")
        # A new department folder, saved while serving: built and served, and watched from then on.
        shutil.copytree(content / "departments/tianxin-xzspfwj", content / "departments/tianxin-xzspfwj2")
        assert wait_for(lambda: "天心区" in get(base + "departments/tianxin-xzspfwj2/2020/"))
        copy = content / "departments/tianxin-xzspfwj2/2020.yaml"
        copy.write_text(copy.read_text(encoding="utf-8").replace("（修订）", "（再修订）"), encoding="utf-8")
        assert wait_for(lambda: "（再修订）" in get(base + "departments/tianxin-xzspfwj2/2020/"))
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "Traceback" not in output
    assert "unit: 此处不允许 '千元'" in output  # the terminal says why, in Chinese by default


def test_a_file_saved_while_the_first_build_runs_is_built_after_it(tmp_path, monkeypatch):
    """The server looks at the files before its first build, so a correction saved while that
    build runs (at 10,000 reports it takes seconds) is not taken as already built."""
    import threading

    from generator.engine import serve

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    year_file = content / "departments/tianxin-xzspfwj/2020.yaml"
    real = serve._rebuild
    builds = []

    def rebuild(*args, **kwargs):
        if not builds:  # the clerk saves while the first build runs
            year_file.write_text(year_file.read_text(encoding="utf-8").replace(
                "title: 天心区部门整体支出绩效自评报告", "title: 天心区部门整体支出绩效自评报告（修订）"), encoding="utf-8")
        builds.append(time.monotonic())
        real(*args, **kwargs)

    monkeypatch.setattr(serve, "_rebuild", rebuild)
    port = free_port()
    threading.Thread(target=serve.serve, args=(content, tmp_path / "site"), kwargs={
        "port": port, "cache_dir": tmp_path / "cache"}, daemon=True).start()
    assert wait_for(lambda: len(builds) >= 2)
    assert wait_for(lambda: "（修订）" in get(f"http://127.0.0.1:{port}/departments/tianxin-xzspfwj/2020/"))


@pytest.mark.browser
@pytest.mark.parametrize("base_path", ["/", "/yusuan/"])
def test_the_dev_server_404_page_is_styled_at_any_depth_and_leads_home(tmp_path, browser, base_path):
    """The 404 page links from the site's root (base_url's path): styled at any missing URL,
    its 返回首页 the real home page, under `build.py serve` as under nginx; a site whose
    base_url has a path is served under it too."""
    from tests.test_browser_pages import assert_styled_404_leads_home

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "base_url: https://example.gov.cn/", f"base_url: https://example.gov.cn{base_path}"), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content),
                             "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        server = f"http://127.0.0.1:{port}"
        assert wait_for(lambda: get(server + "/__build") == "1", 120)
        page = browser.new_page()
        for missing in ("departments/x/", "departments/suining-xzspfwj/1999/source/"):
            assert_styled_404_leads_home(page, server + base_path + missing, server + base_path)
        page.close()
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "Traceback" not in output


@pytest.mark.browser
def test_a_failed_rebuild_shows_its_problems_over_the_page_until_a_fix(tmp_path, browser):
    """The page a browser shows tells a failed rebuild's problems (in Chinese, each with its
    file:line:column, as text: what the file wrote is never markup), and goes back to normal when
    a fix is saved. A page opened while the content is broken shows them at once."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    year_file = content / "departments/tianxin-xzspfwj/2020.yaml"
    good = year_file.read_text(encoding="utf-8")
    assert good.splitlines()[2] == "unit: 万元"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content),
                             "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={k: v for k, v in os.environ.items() if k != "SITE_LANG"})
    try:
        assert wait_for(lambda: get(base + "__build") == "1", 120)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(base + "departments/tianxin-xzspfwj/2020/")
        page.wait_for_timeout(500)  # the script has asked for the state once
        assert page.locator("#dev-build-errors").count() == 0

        year_file.write_text(good.replace("unit: 万元", "unit: <b id=injected>千元</b>"), encoding="utf-8")
        banner = page.locator("#dev-build-errors")
        banner.wait_for(state="visible", timeout=60_000)
        text = banner.inner_text()
        assert "重新构建失败：内容中有 1 个问题" in text, text
        assert ("content/departments/tianxin-xzspfwj/2020.yaml:3:1: unit: 此处不允许 '<b id=injected>千元</b>'"
                " — 可选值：'元'、'万元'") in text, text
        assert page.locator("#injected").count() == 0  # shown as text, not made an element
        assert banner.get_attribute("role") == "alert"
        box = banner.bounding_box()
        assert box is not None and box["y"] == 0 and box["width"] >= page.viewport_size["width"] - 1
        assert page.url == base + "departments/tianxin-xzspfwj/2020/"  # the last good page, not reloaded
        assert "天心区" in page.title()

        other = browser.new_page()  # opened while the content is broken: told at once
        other.goto(base)
        other.locator("#dev-build-errors").wait_for(state="visible", timeout=10_000)
        other.close()

        year_file.write_text(good.replace("title: 天心区部门整体支出绩效自评报告", "title: 天心区部门整体支出绩效自评报告（修订）"),
                             encoding="utf-8")
        page.wait_for_function("document.title.includes('（修订）') || document.body.innerText.includes('（修订）')",
                               timeout=60_000)
        page.wait_for_timeout(500)
        assert page.locator("#dev-build-errors").count() == 0
        assert errors == []
        page.close()
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "Traceback" not in output
    assert "2020.yaml:3:1: unit: 此处不允许" in output
    assert "内容中有 1 个问题；仍在提供上一次构建的站点" in output


def test_the_state_the_page_asks_for_says_whether_the_last_rebuild_failed():
    """/__status: the build shown, the rebuild count and the last failure's problems, waiting
    for the next rebuild's end when asked for the state after one."""
    import json
    import threading

    from generator.engine.serve import _State

    state = _State()
    first = json.loads(state.status(None))
    assert (first["build"], first["status"], first["failed"], first["problems"]) == (0, 0, False, [])
    threading.Timer(0.2, state.ended, args=(("失败", ["a.yaml:1:1: x: 问题"]),)).start()
    failed = json.loads(state.status("0", timeout=10))
    assert (failed["build"], failed["status"], failed["failed"]) == (0, 1, True)
    assert (failed["title"], failed["problems"]) == ("失败", ["a.yaml:1:1: x: 问题"])
    state.ended(None)
    fixed = json.loads(state.status("1", timeout=10))
    assert (fixed["build"], fixed["status"], fixed["failed"], fixed["problems"]) == (1, 2, False, [])
