"""Charts in a text PDF, as Word and WPS print them: shapes drawn and every label placed as text.

A text extractor reads a column chart's labels by their height on the page, the values above the
columns tallest first, mixed with the value axis's tick labels, then the categories and the
legend; a pie's data labels of several lines are read line by line across the page, two labels
at the same height run together (项目支出 人员经费 / 188.66万元 268.42万元). Read here as the chart
shows them instead: a column chart as a table (its categories across, a row for each series,
named by the legend, each value above its column), its tick labels kept apart as no figures; a
pie's data labels each as one line (公用经费46.18万元，9.18%). Only what the page draws and prints
is used: a chart whose columns cannot each be given a category and a series is left as it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A value label or a tick label: a number as a chart prints it.
_NUMBER = re.compile(r"[-−]?[0-9][0-9,]*(?:\.[0-9]+)?%?")
#: Why a tick label's number is no figure.
AXIS_TICKS = "图表坐标轴刻度，不是数据"

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class Chart:
    """A chart read: the area it covers on the page (its caption's line included), and what to
    write in its place, top to bottom: ("p", text) a paragraph, ("t", rows) a table, ("f", text)
    text kept as no figures (the tick labels)."""

    area: Box
    items: list[tuple[str, object]]


def _colour(obj: dict) -> tuple:
    colour = obj.get("non_stroking_color")
    if colour is None:
        return ()
    parts = colour if isinstance(colour, (list, tuple)) else (colour,)
    return tuple(round(float(c), 3) for c in parts)


def _centre(obj: dict) -> float:
    return (obj["x0"] + obj["x1"]) / 2


def _inside(obj: dict, box: Box) -> bool:
    x, y = _centre(obj), (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _phrases(words: list[dict], gap: float = 6.0) -> list[dict]:
    """Words on one line joined where they stand close (2022 年, a legend's name in two words)."""
    out: list[dict] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        last = out[-1] if out else None
        if last is not None and abs(last["top"] - word["top"]) < 2 and 0 <= word["x0"] - last["x1"] <= gap:
            space = " " if word["x0"] - last["x1"] > 2.5 else ""
            last.update(text=last["text"] + space + word["text"], x1=word["x1"],
                        bottom=max(last["bottom"], word["bottom"]))
        else:
            out.append(dict(word))
    return out


def column_charts(page, words: list[dict]) -> list[Chart]:
    """The page's column charts: filled rectangles standing on one baseline, two at least, each
    with a value label just above it and a category label below the baseline under it; their
    colours the series, each named by the legend's swatch of that colour."""
    rects = [r for r in page.rects if r.get("fill") and r["x1"] - r["x0"] >= 3]
    by_base: dict[int, list[dict]] = {}
    for rect in rects:
        if rect["bottom"] - rect["top"] >= 1 and rect["x1"] - rect["x0"] < page.width / 4:
            by_base.setdefault(round(rect["bottom"]), []).append(rect)
    charts = []
    for base, bars in by_base.items():
        if len(bars) < 2:
            continue
        chart = _column_chart(page, words, rects, float(base), sorted(bars, key=lambda r: r["x0"]))
        if chart is not None:
            charts.append(chart)
    return charts


def _column_chart(page, words: list[dict], rects: list[dict], base: float, bars: list[dict]) -> Chart | None:
    heights = sorted(b["bottom"] - b["top"] for b in bars)
    if heights[-1] - heights[0] < 1 or any(b["x0"] - a["x1"] < 1 for a, b in zip(bars, bars[1:])):
        return None  # (a table's shaded cells: as tall as each other, side by side)
    left, right = min(b["x0"] for b in bars), max(b["x1"] for b in bars)
    tallest = min(b["top"] for b in bars)
    span = right - left
    # the categories: the labels just under the baseline, under the columns
    categories = _phrases([w for w in words if base - 1 <= w["top"] <= base + 16
                           and left - span / 4 <= _centre(w) <= right + span / 4])
    if not categories or any(_NUMBER.fullmatch(c["text"]) for c in categories):
        return None
    # each column's value: a number just above it, over it
    values: dict[int, dict] = {}
    for n, bar in enumerate(bars):
        above = [w for w in words if _NUMBER.fullmatch(w["text"]) and bar["top"] - 16 <= w["bottom"] <= bar["top"] + 1
                 and bar["x0"] - 2 <= _centre(w) <= bar["x1"] + 2]
        if len(above) != 1:
            return None
        values[n] = above[0]
    # the series: the columns' colours, each named by the legend's swatch of that colour
    colours = list(dict.fromkeys(_colour(b) for b in bars))
    names: dict[tuple, dict] = {}
    for swatch in rects:
        if swatch in bars or swatch["x1"] - swatch["x0"] > 14 or swatch["bottom"] - swatch["top"] > 14:
            continue
        if _colour(swatch) not in colours or not (tallest - 60 <= swatch["top"] <= base + 60):
            continue
        middle = (swatch["top"] + swatch["bottom"]) / 2
        beside = _phrases([w for w in words if abs((w["top"] + w["bottom"]) / 2 - middle) < 5
                           and 0 <= w["x0"] - swatch["x1"] <= 12])
        if beside:
            names[_colour(swatch)] = beside[0]
    if len(colours) > 1 and set(names) != set(colours):
        return None  # (columns of several series with no legend to name them: left as read)
    # each column under the category label nearest its centre
    columns: dict[tuple[tuple, int], str] = {}
    for n, bar in enumerate(bars):
        nearest = min(range(len(categories)), key=lambda k: abs(_centre(categories[k]) - _centre(bar)))
        key = (_colour(bar), nearest)
        if key in columns:
            return None
        columns[key] = values[n]["text"]
    header = [""] + [c["text"] for c in categories]
    rows = [header]
    for colour in colours:
        name = names[colour]["text"] if colour in names else ""
        rows.append([name] + [columns.get((colour, k), "") for k in range(len(categories))])
    # the value axis: numbers in a column left of the columns, over the chart's height
    ticks = [w for w in words if _NUMBER.fullmatch(w["text"]) and w["x1"] <= left + 1
             and tallest - 40 <= w["top"] <= base + 6 and w["x0"] >= left - 80]
    if len(ticks) < 3 and set(names) != set(colours):
        return None  # (neither a value axis nor a legend: not known for a chart)
    used = list(values.values()) + categories + [n for n in names.values()] + ticks
    x0 = min(w["x0"] for w in used + bars) - 2
    x1 = max(w["x1"] for w in used + bars) + 2
    top = min(w["top"] for w in used + bars) - 2
    bottom = max(w["bottom"] for w in used + bars) + 2
    items: list[tuple[str, object]] = []
    caption = _caption(words, (x0, top, x1, bottom))
    if caption is not None:
        items.append(("p", caption["text"]))
        top, bottom = min(top, caption["top"] - 1), max(bottom, caption["bottom"] + 1)
        x0, x1 = min(x0, caption["x0"] - 1), max(x1, caption["x1"] + 1)
    items.append(("t", rows))
    if ticks:
        items.append(("f", " ".join(w["text"] for w in sorted(ticks, key=lambda w: w["top"]))))
    return Chart((x0, top, x1, bottom), items)


def _caption(words: list[dict], box: Box) -> dict | None:
    """The chart's caption (图1 …): the line just below the chart, or else just above it."""
    lines = _phrases([w for w in words if box[0] - 80 <= _centre(w) <= box[2] + 80
                      and (0 <= w["top"] - box[3] <= 24 or 0 <= box[1] - w["bottom"] <= 24)], gap=12)
    for line in sorted(lines, key=lambda w: (w["top"] < box[1], w["top"])):
        if re.match(r"图\s*[0-9一二三四五六七八九十]+", line["text"]):
            return line
    return None


def pie_charts(page, words: list[dict]) -> list[Chart]:
    """The page's pies: filled sectors (curves) about one centre, their data labels of a few lines
    each (name, amount, share) standing around them. Each label is read down its own lines and
    written as one line, the name first: 公用经费46.18万元，9.18%."""
    sectors = [c for c in page.curves if c.get("fill")]
    if len(sectors) < 2:
        return []
    x0, top = min(c["x0"] for c in sectors), min(c["top"] for c in sectors)
    x1, bottom = max(c["x1"] for c in sectors), max(c["bottom"] for c in sectors)
    if x1 - x0 < 40 or bottom - top < 40 or abs((x1 - x0) - (bottom - top)) > 0.25 * max(x1 - x0, bottom - top):
        return []  # (not round: some other drawing)
    near = [w for w in words if x0 - 160 <= _centre(w) <= x1 + 160 and top - 50 <= w["top"]
            and w["bottom"] <= bottom + 50]
    phrases = _phrases(near)
    labels: list[list[dict]] = []
    for phrase in sorted(phrases, key=lambda p: (p["top"], p["x0"])):
        under = next((label for label in labels if 0 <= phrase["top"] - label[-1]["bottom"] <= 6
                      and (abs(phrase["x0"] - label[-1]["x0"]) <= 3 or abs(phrase["x1"] - label[-1]["x1"]) <= 3)), None)
        if under is not None:
            under.append(phrase)
        else:
            labels.append([phrase])
    labels = [label for label in labels if len(label) >= 2 and not _NUMBER.fullmatch(label[0]["text"])
              and all(_NUMBER.search(line["text"]) for line in label[1:]) and len(label[0]["text"]) <= 16]
    if len(labels) < 2:
        return []
    used = [line for label in labels for line in label] + sectors
    area = (min(w["x0"] for w in used) - 1, min(w["top"] for w in used) - 1,
            max(w["x1"] for w in used) + 1, max(w["bottom"] for w in used) + 1)
    items: list[tuple[str, object]] = []
    for label in sorted(labels, key=lambda label: (label[0]["top"], label[0]["x0"])):
        items.append(("p", label[0]["text"] + "，".join(line["text"] for line in label[1:])))
    # (text inside the area that is no label's stays out of it: the area is the labels' and sectors' own)
    stray = [w for w in words if _inside(w, area) and not any(_inside(w, (p["x0"], p["top"], p["x1"], p["bottom"]))
                                                               for p in used if "text" in p)]
    if stray:
        return []
    return [Chart(area, items)]
