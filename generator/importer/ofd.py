"""OFD (GB/T 33190, 电子文件存储与交换格式 版式文档): the fixed-layout format of Chinese
government documents, as 数科 / 福昕 / 永中 readers show them and as platforms publish them.

An OFD file is a zip package: `OFD.xml` names each document's root (`DocRoot`, such as
`Doc_0/Document.xml`); the document lists its pages (`Pages/Page/@BaseLoc`) and the template
pages they draw on (`CommonData/TemplatePage`); each page's `Content.xml` holds layers of objects,
text among them: a `TextObject` with its `Boundary` (x y w h, in millimetres from the page's top
left), an optional `CTM` (a b c d e f, from the object's space to the boundary's), a font `Size`,
and `TextCode`s, each the text drawn from (`X`, `Y`: the first glyph's baseline, in the object's
space) with the advances between glyphs (`DeltaX`, `DeltaY`: numbers, `g n d` for n advances of
d). Producers write a line as one object, a word as one, or each character as one. A table's
ruling lines are `PathObject`s, not read here.

Each page's characters are put where the page shows them, gathered into words as a PDF reader
gathers them (a gap wider than about half a character ends one), and the pages are read as a
PDF's pages of words without ruling lines are (read.read_placed).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from ..content.messages import say
from .layout import _width
from .xmlparts import parsed

#: The most pages read (as for a PDF).
MAX_PAGES = 500
#: Points in a millimetre: the words are measured in points, as a PDF's are.
_PT = 72 / 25.4
_NUMBER = re.compile(r"-?(?:[0-9]{1,9}(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]-?[0-9]{1,2})?")


class OfdError(ValueError):
    """The package is no OFD document that can be read; the message says why."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _find(element, *path: str):
    for name in path:
        found = _children(element, name) if element is not None else []
        element = found[0] if found else None
    return element


def _numbers(text: str | None) -> list[float]:
    values = []
    for match in _NUMBER.finditer(text or ""):
        value = float(match.group())
        values.append(value if abs(value) <= 1e5 else 0.0)  # (no page is so large: a damaged number)
    return values


def _deltas(text: str | None) -> list[float]:
    """DeltaX / DeltaY written out: `g 3 3.175` is three advances of 3.175."""
    parts = (text or "").split()
    out: list[float] = []
    k = 0
    while k < len(parts) and len(out) < 100_000:
        if parts[k] == "g" and k + 2 < len(parts):
            count = _numbers(parts[k + 1])
            value = _numbers(parts[k + 2])
            out.extend([value[0] if value else 0.0] * min(int(count[0]) if count else 0, 100_000))
            k += 3
        else:
            value = _numbers(parts[k])
            out.append(value[0] if value else 0.0)
            k += 1
    return out


class _Package:
    def __init__(self, package: zipfile.ZipFile) -> None:
        self.package = package
        self.names = {name.lstrip("/"): name for name in package.namelist()}

    def xml(self, path: str):
        name = self.names.get(posixpath.normpath(path.lstrip("/")))
        if name is None:
            raise OfdError(say("import.why.missing_part", part=path))
        return parsed(self.package.read(name), path, OfdError)  # (no OFD part declares a DTD)

    def has(self, path: str) -> bool:
        return posixpath.normpath(path.lstrip("/")) in self.names


def _resolve(base: str, location: str) -> str:
    """A location in the package: absolute from the package's root, or relative to `base`'s folder."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


def pages(path: Path) -> list[tuple[list[tuple[float, float, float, str]], list[dict]]]:
    """Each page's characters, (x, baseline y, size, character) in points from the top left, and
    the straight lines it draws (its tables' ruling) as a PDF reader's edges: x0, x1, top, bottom
    in points, orientation h or v."""
    with zipfile.ZipFile(path) as archive:
        package = _Package(archive)
        root = package.xml("OFD.xml")
        body = _find(root, "DocBody")
        doc_root = _find(body, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise OfdError(say("import.why.no_doc_root"))
        document_path = _resolve("OFD.xml", doc_root.text or "")
        document = package.xml(document_path)
        templates = {}
        common = _find(document, "CommonData")
        for template in _children(common, "TemplatePage") if common is not None else []:
            if template.get("BaseLoc"):
                templates[template.get("ID")] = _resolve(document_path, template.get("BaseLoc", ""))
        pages_element = _find(document, "Pages")
        pages = _children(pages_element, "Page") if pages_element is not None else []
        if len(pages) > MAX_PAGES:
            raise OfdError(say("import.why.too_many_pages", pages=len(pages), limit=MAX_PAGES))
        out = []
        for page in pages:
            location = _resolve(document_path, page.get("BaseLoc", ""))
            content = package.xml(location)
            chars: list[tuple[float, float, float, str]] = []
            edges: list[dict] = []
            for template in _children(content, "Template"):  # the page's running head and foot
                where = templates.get(template.get("TemplateID"))
                if where and package.has(where):
                    _text_objects(package.xml(where), chars)
            _text_objects(content, chars)
            _path_objects(content, edges)
            out.append((chars, edges))
        return out


def _path_objects(content, edges: list[dict]) -> None:
    """The straight horizontal and vertical strokes of the page's paths (M x y, L x y, C), placed as
    text objects are (Boundary, CTM), as edges."""
    for element in content.iter():
        if _local(element.tag) != "PathObject" or element.get("Stroke") == "false":
            continue
        box = _numbers(element.get("Boundary"))
        left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        ctm = _numbers(element.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        data = _find(element, "AbbreviatedData")
        words = (data.text or "").split() if data is not None else []
        start = point = None
        k = 0
        while k < len(words) and len(edges) < 50_000:
            op = words[k]
            if op in ("M", "L") and k + 2 < len(words) + 1:
                xy = _numbers(" ".join(words[k + 1:k + 3]))
                k += 3
                if len(xy) != 2:
                    continue
                here = ((a * xy[0] + c * xy[1] + e + left) * _PT, (b * xy[0] + d * xy[1] + f + top) * _PT)
                if op == "L" and point is not None:
                    _edge(point, here, edges)
                if op == "M":
                    start = here
                point = here
            elif op == "C":
                if point is not None and start is not None:
                    _edge(point, start, edges)
                point = start
                k += 1
            else:
                k += 1  # (curves and arcs: no ruling)


def _edge(p: tuple[float, float], q: tuple[float, float], edges: list[dict]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.5 and abs(x0 - x1) > 1:
        edges.append({"x0": min(x0, x1), "x1": max(x0, x1), "top": y0, "bottom": y0, "width": abs(x1 - x0),
                      "height": 0.0, "orientation": "h"})
    elif abs(x0 - x1) < 0.5 and abs(y0 - y1) > 1:
        edges.append({"x0": x0, "x1": x0, "top": min(y0, y1), "bottom": max(y0, y1), "width": 0.0,
                      "height": abs(y1 - y0), "orientation": "v"})


def _text_objects(content, chars: list[tuple[float, float, float, str]]) -> None:
    for element in content.iter():
        if _local(element.tag) != "TextObject":
            continue
        box = _numbers(element.get("Boundary"))
        left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        ctm = _numbers(element.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        size_given = _numbers(element.get("Size"))
        size = size_given[0] if size_given else 3.5
        scale = (abs(a * d - b * c) ** 0.5) or 1.0
        shown_size = min(max(size * scale, 0.5), 200.0)
        x = y = 0.0
        for code in _children(element, "TextCode"):
            text = "".join(code.itertext())
            if code.get("X") is not None:
                x = (_numbers(code.get("X")) or [0.0])[0]
            if code.get("Y") is not None:
                y = (_numbers(code.get("Y")) or [0.0])[0]
            dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
            for n, char in enumerate(text):
                if char.strip():
                    px, py = a * x + c * y + e + left, b * x + d * y + f + top
                    chars.append((px * _PT, py * _PT, shown_size * _PT, char))
                if n < len(text) - 1:
                    x += dx[n] if n < len(dx) else _advance(char, size)
                    y += dy[n] if n < len(dy) else 0.0


def _advance(char: str, size: float) -> float:
    """How far a character moves the pen at `size`: a Chinese character a full em, the rest half."""
    return _width(char) * size / 2


def page_words(chars: list[tuple[float, float, float, str]]) -> list[dict]:
    """A page's characters as words: on one baseline (within a third of their size), left to
    right, a word ending where the gap to the next character is wider than half of one."""
    words: list[dict] = []
    for line in _lines(chars):
        word: list[tuple[float, float, float, str]] = []
        for char in line:
            if word:
                last = word[-1]
                end = last[0] + _advance(last[3], last[2])
                if char[0] - end > 0.5 * min(last[2], char[2]) or char[0] < last[0] - 0.1:
                    words.append(_word(word))
                    word = []
            word.append(char)
        if word:
            words.append(_word(word))
    return words


def _lines(chars: list[tuple[float, float, float, str]]) -> list[list[tuple[float, float, float, str]]]:
    lines: list[list[tuple[float, float, float, str]]] = []
    for char in sorted(chars, key=lambda ch: (ch[1], ch[0])):
        if lines and abs(lines[-1][0][1] - char[1]) <= min(lines[-1][0][2], char[2]) / 3:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda ch: ch[0]) for line in lines]


def _word(chars: list[tuple[float, float, float, str]]) -> dict:
    size = max(ch[2] for ch in chars)
    baseline = sum(ch[1] for ch in chars) / len(chars)
    last = chars[-1]
    return {"text": "".join(ch[3] for ch in chars), "x0": chars[0][0], "x1": last[0] + _advance(last[3], last[2]),
            "top": baseline - size * 0.88, "bottom": baseline + size * 0.12}
