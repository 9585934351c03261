"""Screenshots of each page kind at phone and desktop width, for looking at what we build.

    .venv/bin/python scripts/shots.py [OUT_DIR]     (site/ must be built)
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "report-suining": "departments/suining-xzspfwj/2023/",
    "report-longyang": "departments/longyang-zwfwglj/2020/",
    "department": "departments/junshan-zwfwzx/",
    "year": "years/2020/",
    "region": "regions/hunan/",
    "source": "departments/zhongfang-zwfwzx/2020/source/",
    "glossary": "glossary/",
}
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    only = sys.argv[2:] or list(PAGES)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width in (360, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name in only:
                page.goto(base + PAGES[name])
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
            page.close()
        browser.close()
    server.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
