"""Reading built pages: parse, resolve links, collect figures shown."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url
    if url.endswith("/") or url == "":
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def internal_targets(site: Path, page: Path, forms: bool = False) -> list[tuple[str, Path]]:
    """Every href/src on a page that points inside the site, resolved to a file path."""
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    here = page.parent.relative_to(site).as_posix()
    out = []
    for tag in doc.find_all(["a", "link", "script", "img", "form"] if forms else ["a", "link", "script", "img"]):
        ref = tag.get("href") or tag.get("src") or tag.get("action")
        if not ref:
            continue
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or ref.startswith("#"):
            continue
        # A link from the site's root (the 404 page's): the default content's base_url is a host's root.
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path)).lstrip("/") or ".")
        path = site / target
        if ref.split("#")[0].endswith("/") or path.is_dir():
            path = path / "index.html"
        out.append((ref, path))
    return out


def leftovers(folder: Path) -> list[str]:
    """What a build left beside its site, once the detached removal of the replaced site is done."""
    import time

    deadline = time.monotonic() + 20
    while any(p.name.startswith(".site-old-") for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        if name.startswith(".site-trees-"):  # the two trees behind a site link (generator/engine/write.py)
            trees = folder / name
            assert (folder / name[len(".site-trees-"):]).is_symlink(), name
            inside = sorted(p.name for p in trees.iterdir())
            assert set(inside) <= {".disclosure-trees", "a", "a.json", "b", "b.json"}, inside
            for tree in ("a", "b"):  # no temporary file left in either tree
                if (trees / tree).is_dir():
                    assert not [p for p in (trees / tree).rglob(".*") if p.name != ".disclosure-site"], tree
    return [n for n in names if not n.startswith(".site-trees-")]


def csv_sections(raw: bytes) -> list[tuple[str, list[list[str]]]]:
    """The tables of a page's tables.csv, in order: (caption, rows, the header first). Each is its
    caption on a line, its CSV, and a blank line; no row of a table is empty (csv writes `""`)."""
    import csv
    import io

    sections: list[tuple[str, list[list[str]]]] = []
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")):
        if row:
            rows.append(row)
            continue
        [caption], *table = rows
        sections.append((caption, table))
        rows = []
    assert rows == [], "tables.csv ends with a blank line"
    return sections


def page_csvs(site: Path, url: str) -> dict[str, list[list[str]]]:
    """Each table's CSV in the tables.csv beside the page at `url`, by the name its 下载 CSV link
    gives (`data-csv-file`): the file holds the page's tables in the order of their links."""
    names = [a["data-csv-file"] for a in soup(site, url).select("a[data-csv-file]")]
    sections = csv_sections((site / url / "tables.csv").read_bytes())
    assert len(names) == len(sections) == len(set(names)), (url, len(names), len(sections))
    return {name: rows for name, (_, rows) in zip(names, sections)}


def csv_file(path: Path) -> bytes:
    """A published CSV's bytes: the file, or for a zipped one (`figures.csv.zip`) the one CSV
    its zip holds, named as the file less `.zip`."""
    if path.name.endswith(".csv.zip"):
        import zipfile

        with zipfile.ZipFile(path) as z:
            assert z.namelist() == [path.name[: -len(".zip")]], z.namelist()
            assert z.testzip() is None
            return z.read(path.name[: -len(".zip")])
    return path.read_bytes()


def year_csvs(site: Path, name: str) -> list[Path]:
    """data/<year>/<name>.csv or .csv.zip of every year, the latest year first."""
    return sorted([*(site / "data").glob(f"*/{name}.csv"), *(site / "data").glob(f"*/{name}.csv.zip")], reverse=True)


def database(path: Path, folder: Path):
    """A published database (`data/<year>/disclosures-<year>.sqlite.zip`) opened read-only: the
    one file its zip holds, deflated and named as the zip less `.zip`, extracted into `folder`
    (a test's temporary folder)."""
    import sqlite3
    import zipfile

    name = path.name.removesuffix(".zip")
    assert name.endswith(".sqlite"), path
    with zipfile.ZipFile(path) as z:
        assert z.namelist() == [name], z.namelist()
        assert z.getinfo(name).compress_type == zipfile.ZIP_DEFLATED
        assert z.testzip() is None
        target = Path(folder) / path.parent.name / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with z.open(name) as entry, open(target, "wb") as out:
            while chunk := entry.read(1 << 20):
                out.write(chunk)
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True)
