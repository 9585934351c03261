"""A PDF converted to a web page by pdf2htmlEX, as platforms serve reports for reading on line.

Such a page has no `<table>`: each text line of the PDF is a `<div class="t …">` placed by its
classes (`.x4{left:79.4px}`, `.y1f{bottom:618.35px}`), sized by a font class (`.fs2`) under a
transform (`.m0{transform:matrix(…)}`), the pieces of a line that stand apart on the page parted
by spacer spans (`<span class="_ _3"> </span>`, `._3{width:15.5px}`); the tables' ruling lines
are in each page's background picture, and the divs keep the PDF's drawing order, a wrapped
cell's second line before the next cell's first.

Each page is put back as the words a PDF reader finds on it, each piece of text where it stands
(its width taken from its font size: a Chinese character a full em, the rest half of one), and
read as a PDF page without ruling lines is (read.read_placed).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .layout import _width

#: pdf2htmlEX names itself in the page's head (and in a comment above it).
_MARK = re.compile(r"<meta[^>]{0,200}content=[\"']pdf2htmlEX|Created by pdf2htmlEX|<div[^>]{0,200}class=[\"']pf ", re.I)
_RULE = re.compile(r"\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\}")
_PROPERTY = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
_NUMBER = r"-?(?:[0-9]{1,7}(?:\.[0-9]*)?|\.[0-9]+)(?:e-?[0-9]{1,2})?"
_PIXELS = re.compile(rf"^({_NUMBER})(px|pt)?$")
_MATRIX = re.compile(rf"matrix\(\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})")


def is_pdf_page(text: str) -> bool:
    """A page pdf2htmlEX wrote: its mark, and text lines placed by class."""
    head = text[:200_000]
    return _MARK.search(head) is not None and re.search(r"<div[^>]{0,200}class=[\"']t m", text) is not None


def _rules(text: str) -> dict[str, dict[str, str]]:
    """Each class's properties, as the screen shows them (an `@media print` block, written after
    the screen's rules in points, is left out)."""
    rules: dict[str, dict[str, str]] = {}
    for style in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S | re.I):
        style = _without_print(style)
        for name, body in _RULE.findall(style):
            properties = rules.setdefault(name, {})
            for key, value in _PROPERTY.findall(body):
                properties.setdefault(key, value.strip())
    return rules


def _without_print(style: str) -> str:
    out, i = [], 0
    for match in re.finditer(r"@media\s+print\s*\{", style):
        if match.start() < i:
            continue
        out.append(style[i:match.start()])
        depth, j = 1, match.end()
        while j < len(style) and depth:
            depth += {"{": 1, "}": -1}.get(style[j], 0)
            j += 1
        i = j
    out.append(style[i:])
    return "".join(out)


def _pixels(value: str | None) -> float | None:
    match = _PIXELS.match(value or "")
    if match is None:
        return None
    number = float(match.group(1)) * (4 / 3 if match.group(2) == "pt" else 1)
    return number if abs(number) <= 20_000 else None  # (no page is wider: a damaged rule is no place)


#: Elements that have no end tag.
_VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "source"})


class _Piece:
    __slots__ = ("x", "y", "size", "text", "parted")

    def __init__(self, x: float, y: float, size: float, parted: bool) -> None:
        self.x, self.y, self.size, self.text, self.parted = x, y, size, "", parted


class _Reader(HTMLParser):
    """Each page's pieces of text: where each starts (x from the left, y from the bottom), its
    font size, and whether a spacer parted it from the piece before on its line."""

    def __init__(self, rules: dict[str, dict[str, str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.pages: list[list[_Piece]] = []
        self.line: list | None = None  # [depth, x, y, size, scale, pieces]
        self.depth = 0
        self.skip = 0  # inside <script>, <style>, <title>
        self.spacer: int | None = None  # the depth of the spacer span the parser is in

    def _value(self, classes: list[str], key: str) -> str | None:
        for name in reversed(classes):
            value = self.rules.get(name, {}).get(key)
            if value is not None:
                return value
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self.skip += 1
            return
        if tag in _VOID:
            return
        self.depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "pf" in classes:
            self.pages.append([])
        elif tag == "div" and "t" in classes and self.line is None:
            if not self.pages:
                self.pages.append([])
            matrix = _MATRIX.search(self._value(classes, "transform") or "")
            scale = min(abs(float(matrix.group(1))), 100.0) if matrix else 1.0
            x = _pixels(self._value(classes, "left")) or 0.0
            y = _pixels(self._value(classes, "bottom")) or 0.0
            size = min(max((_pixels(self._value(classes, "font-size")) or 16.0) * scale, 1.0), 500.0)
            piece = _Piece(x, y, size, parted=False)
            self.line = [self.depth, x, y, size, scale, [piece]]
        elif tag == "span" and self.line is not None and "_" in classes:
            _, x, y, size, scale, pieces = self.line
            width = _pixels(self._value(classes, "width")) or 0.0
            gap = (width + (_pixels(self._value(classes, "margin-left")) or 0.0)) * scale
            here = pieces[-1].x + _extent(pieces[-1].text, size) + gap
            if gap >= size * 0.5:  # a gap between cells, not a word space
                pieces.append(_Piece(here, y, size, parted=True))
            else:
                pieces[-1].text += " "
            self.spacer = self.depth
        elif tag == "span" and self.line is not None:
            font = _pixels(self._value(classes, "font-size"))
            if font is not None:
                self.line[3] = min(max(font * self.line[4], 1.0), 500.0)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:  # (<div/>: opened and closed)
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return  # (</br>: no element was opened)
        if tag in ("script", "style", "title"):
            self.skip = max(0, self.skip - 1)
            return
        if self.line is not None and self.depth == self.line[0]:
            self.pages[-1].extend(p for p in self.line[5] if p.text.strip())
            self.line = None
        if self.spacer == self.depth:
            self.spacer = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip or self.line is None or self.spacer is not None:
            return  # (a spacer's own space stands for the gap already measured)
        self.line[5][-1].text += data.replace("\n", " ")


def _extent(text: str, size: float) -> float:
    """How wide `text` stands at `size`: a Chinese character a full em, the rest half of one."""
    return _width(text) * size / 2


def page_words(page: str) -> list[list[dict]]:
    """Each page's pieces of text as a PDF reader's words: text, x0 and x1 across from the left,
    top and bottom down from the top (of a page taken as tall as the highest line needs)."""
    reader = _Reader(_rules(page))
    reader.feed(page)
    reader.close()
    pages = []
    for pieces in reader.pages:
        if not pieces:
            continue
        height = max(p.y + p.size for p in pieces) + 1
        pages.append([{"text": p.text.strip(), "x0": p.x, "x1": p.x + _extent(p.text.strip(), p.size),
                       "top": height - p.y - p.size, "bottom": height - p.y} for p in pieces])
    return pages
