"""Charts a Word document draws (插入 › 图表): each a DrawingML chart part (`word/charts/chartN.xml`)
that an inline drawing in a paragraph names (`c:chart r:id`), with the workbook it was made from
embedded beside it.

The chart part keeps what the chart shows: its title, each series' name (`c:tx`), its categories
(`c:cat`) and its values (`c:val`) as the workbook held them (`c:strCache`, `c:numCache`), and
whether the values are printed as data labels (`c:dLbls` with `c:showVal`, in their own number
format or the source's). A chart is read as a table of its categories by series, as the PDF
reader reads a chart it finds drawn; values the chart does not print (no data labels) are kept
but not taken as figures.
"""

from __future__ import annotations

from collections.abc import Callable

from .xmlparts import parsed

_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: The chart kinds whose series are read (category charts and pies).
_KINDS = ("barChart", "bar3DChart", "lineChart", "line3DChart", "pieChart", "pie3DChart", "doughnutChart",
          "areaChart", "area3DChart", "radarChart")


def chart(data: bytes, formatted: Callable[[float, str], str]) -> tuple[str, list[list[str]], bool] | None:
    """The chart's title, its rows (a header of series names, then a row a category), and whether
    its values are printed (data labels); None for a chart of no kind read here."""
    try:
        root = parsed(data, "chart", ValueError, doctype=True)
    except ValueError:
        return None
    title = "".join(t.text or "" for t in root.iter(f"{_A}t") if _inside_title(root, t))
    plot = root.find(f"{_C}chart/{_C}plotArea")
    if plot is None:
        return None
    series = []
    shown = False
    for kind in _KINDS:
        for group in plot.findall(f"{_C}{kind}"):
            group_labels = _shows_values(group.find(f"{_C}dLbls"))
            for ser in group.findall(f"{_C}ser"):
                labels = ser.find(f"{_C}dLbls")
                shows = _shows_values(labels) if labels is not None else group_labels
                shown = shown or bool(shows)
                series.append((_name(ser), _points(ser.find(f"{_C}cat")), _values(ser, labels, formatted)))
    if not series:
        return None
    categories = max((cats for _, cats, _ in series), key=len)
    count = max(len(categories), max(len(values) for _, _, values in series))
    rows = [[""] + [name for name, _, _ in series]]
    for k in range(count):
        rows.append([categories[k] if k < len(categories) else ""] +
                    [values[k] if k < len(values) else "" for _, _, values in series])
    return title, rows, shown


def _inside_title(root, node) -> bool:
    title = root.find(f"{_C}chart/{_C}title")
    return title is not None and any(node is t for t in title.iter())


def _shows_values(labels) -> bool | None:
    if labels is None:
        return None
    show = labels.find(f"{_C}showVal")
    return show is not None and show.get("val", "1") in ("1", "true")


def _name(ser) -> str:
    tx = ser.find(f"{_C}tx")
    if tx is None:
        return ""
    return "".join(v.text or "" for v in tx.iter(f"{_C}v"))


def _points(node) -> list[str]:
    """A cache's points in order of their idx (a string cache or a number cache shown as General)."""
    if node is None:
        return []
    points = {}
    for pt in node.iter(f"{_C}pt"):
        try:
            points[int(pt.get("idx", "0"))] = pt.findtext(f"{_C}v") or ""
        except ValueError:
            continue
    return [points.get(k, "") for k in range(max(points) + 1)] if points else []


def _values(ser, labels, formatted: Callable[[float, str], str]) -> list[str]:
    cache = ser.find(f"{_C}val/{_C}numRef/{_C}numCache")
    if cache is None:
        cache = ser.find(f"{_C}val/{_C}numLit")
    if cache is None:
        return []
    source = cache.findtext(f"{_C}formatCode") or "General"
    own = labels.find(f"{_C}numFmt") if labels is not None else None
    shown_format = own.get("formatCode") if own is not None and own.get("sourceLinked") == "0" else source
    out = []
    for text in _points(cache):
        try:
            number = float(text)
        except ValueError:
            out.append(text)
            continue
        out.append(formatted(int(number) if number.is_integer() and "." not in text else number,
                             shown_format or "General"))
    return out
