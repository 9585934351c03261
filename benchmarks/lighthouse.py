"""Lighthouse scores and page weights of the home page, a report page and a search, served by nginx
with the project's own configuration (deploy/nginx.conf: gzip on, the security headers).

    mkdir -p /tmp/lh && (cd /tmp/lh && npm i lighthouse@12)
    CHROME_PATH=/usr/bin/chromium .venv/bin/python benchmarks/lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse

Lighthouse runs with its default settings (mobile: a Moto G Power's screen, simulated slow 4G and
4x CPU slowdown), headless; each page `--runs` times (3 by default) and each figure is the
median. A benchmark, not a test: the scores move with the machine's load. "First view" is what
the page downloads before its charts: every request but plotly.js, which charts.js fetches when a
chart nears the viewport; "plotly.js" is that bundle's size as sent (gzipped).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "report (绥宁 2023)": "departments/suining-xzspfwj/2023/",
    "search ?q=12345": "search/?q=12345",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(site: Path, work: Path) -> tuple[subprocess.Popen, str]:
    """nginx on a loopback port with deploy/nginx.conf's server block, as tests/test_deploy.py runs it."""
    (work / "snippets").mkdir()
    shutil.copy(ROOT / "deploy/security-headers.conf", work / "snippets/security-headers.conf")
    port = free_port()
    server = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    server = re.sub(r"listen 80;\n\s*listen \[::\]:80;", f"listen 127.0.0.1:{port};", server)
    server = server.replace("root /var/www/disclosure-site;", f"root {site.resolve()};")
    user = "user root;\n" if os.getuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}pid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {work}/body;\n proxy_temp_path {work}/proxy;\n"
        f" fastcgi_temp_path {work}/fastcgi;\n uwsgi_temp_path {work}/uwsgi;\n scgi_temp_path {work}/scgi;\n"
        f"{server}\n}}\n", encoding="utf-8")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    proc = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return proc, base


def sent_size(url: str) -> int:
    """The bytes nginx sends for `url` to a browser that takes gzip."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(response.read())


def run_lighthouse(lighthouse: str, url: str, out: Path) -> dict:
    subprocess.run([lighthouse, url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                   check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")})
    report = json.loads(out.read_text(encoding="utf-8"))
    requests = report["audits"]["network-requests"]["details"]["items"]
    plotly = [r for r in requests if re.search(r"/assets/plotly\.[0-9a-f]+\.js$", r["url"])]
    return {
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "total": sum(r.get("transferSize", 0) for r in requests),
        "first_view": sum(r.get("transferSize", 0) for r in requests if r not in plotly),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build content/ into a temporary folder)")
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse") or "lighthouse")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = args.site
        if site is None:
            sys.path.insert(0, str(ROOT))
            from generator.engine.pipeline import build

            site = work / "site"
            build(ROOT / "content", site)
        (work / "nginx").mkdir()
        proc, base = start_nginx(site, work / "nginx")
        try:
            rows = {}
            bundle = next((site / "assets").glob("plotly.*.js"))
            plotly = (bundle.name, bundle.stat().st_size, sent_size(base + f"assets/{bundle.name}"))
            for name, path in PAGES.items():
                runs = [run_lighthouse(args.lighthouse, base + path, work / f"lh-{i}.json") for i in range(args.runs)]
                rows[name] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(f"{name}: " + ", ".join(f"{r['performance']:.2f}/{r['lcp']:.1f}s" for r in runs), file=sys.stderr)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"Lighthouse 12, mobile defaults, headless Chromium; median of {args.runs} runs; KB = 1,024 bytes as sent.\n")
    print("| page | performance | accessibility | best practices | SEO | LCP | first view |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in rows.items():
        print(f"| {name} | {r['performance']:.2f} | {r['accessibility']:.2f} | {r['best-practices']:.2f} | {r['seo']:.2f} "
              f"| {r['lcp']:.1f} s | {r['first_view'] / 1024:.1f} KB |")
    print(f"\nplotly.js ({plotly[0]}, fetched when a chart nears the viewport): "
          f"{plotly[1] / 1024:,.0f} KB, {plotly[2] / 1024:,.0f} KB gzipped as sent.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
