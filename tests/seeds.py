"""What the seed reports are and where their transcriptions live."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from generator.content.figures import Figure

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEEDS = {  # slug, year
    "zhongfang-zwfwzx": 2020,
    "junshan-zwfwzx": 2016,
    "suining-xzspfwj": 2023,
    "longyang-zwfwglj": 2020,
    "tianxin-xzspfwj": 2020,
}
NARRATIVE_KEYS = {"sections", "problems", "measures", "note", "statement", "functions", "definition", "body"}
NUMBER = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?")


def rewritten_seeds(folder: Path, rewrite: Callable[[str], str]) -> Path:
    """A copy of the seed content at `folder/content`, every YAML file under departments/ rewritten."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    for path in sorted((content / "departments").rglob("*.yaml")):
        path.write_text(rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")
    return content


def numbers_in(text: str) -> list[Decimal]:
    return [Decimal(n) for n in NUMBER.findall(text)]


def structured_numbers(value, key: str | None = None) -> set[Decimal]:
    """Every number a model value states outside narrative text, normalised (818.40 == 818.4)."""
    out: set[Decimal] = set()
    if key in NARRATIVE_KEYS:
        return out
    if isinstance(value, Figure):
        return {abs(s.value).normalize() for s in value.statements}
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            out |= structured_numbers(getattr(value, name), name)
    elif isinstance(value, (list, tuple)):
        for item in value:
            out |= structured_numbers(item, key)
    elif isinstance(value, Decimal):
        out.add(abs(value).normalize())
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        out.add(Decimal(value))
    elif isinstance(value, str):
        out |= {n.normalize() for n in numbers_in(value)}
    elif hasattr(value, "year") and hasattr(value, "month"):
        out |= {Decimal(value.year), Decimal(value.month), Decimal(value.day)}
    return out


# A number in the source is a figure unless its context marks it as something else:
# a list ordinal (1、 2. （3） ⑤), part of a date (2019年, 3月, 19日), of a document number
# (〔2017〕170号, [2015]8号) or of a classification code (科目代码2080501).
_NOT_FIGURE = [
    re.compile(r"^(?:、|\.(?![0-9]))"),      # after: 1、  2.
    re.compile(r"^[年月日]"),                 # after: a date part
    re.compile(r"^[〕\]］]"),                 # after: inside a bracketed document year
    re.compile(r"^号"),                      # after: a document serial number
]
_NOT_FIGURE_BEFORE = [
    re.compile(r"[（(]$"),                   # before: （6）
    re.compile(r"科目代码$"),
]


def figure_matches(text: str):
    """The matches of the numbers in a source text that state figures."""
    for match in NUMBER.finditer(text):
        after = text[match.end():match.end() + 2]
        before = text[max(0, match.start() - 4):match.start()]
        if not any(p.search(after) for p in _NOT_FIGURE) and not any(p.search(before) for p in _NOT_FIGURE_BEFORE):
            yield match


def source_figures(text: str) -> list[tuple[Decimal, str]]:
    """The numbers of a source text that state figures, each with a little context."""
    return [(Decimal(m.group()).normalize(), text[max(0, m.start() - 14):m.end() + 8].replace("\n", " "))
            for m in figure_matches(text)]


def typed_numbers(value, out: dict[str, set[Decimal]] | None = None, key: str | None = None) -> dict[str, set[Decimal]]:
    """Money and percentage values a model states, by kind, for a stricter match than any number."""
    out = out if out is not None else {"money": set(), "percent": set()}
    if key in NARRATIVE_KEYS:
        return out
    if isinstance(value, Figure):
        kind = {"money": "money", "percent": "percent"}.get(value.kind)
        if kind:
            out[kind] |= {abs(s.value).normalize() for s in value.statements}
        return out
    if isinstance(value, BaseModel):
        unit = getattr(value, "unit", None)
        number = getattr(value, "value", None)
        if isinstance(number, Decimal) and isinstance(unit, str):  # a Stat with its own unit
            if "元" in unit or unit in ("万", "亿"):
                out["money"].add(abs(number).normalize())
            if unit == "%":
                out["percent"].add(abs(number).normalize())
        for name in type(value).model_fields:
            typed_numbers(getattr(value, name), out, name)
        if type(value).__name__ in ("Indicator", "Goal"):
            for text in (value.target or "", getattr(value, "actual", None) or getattr(value, "result", None) or ""):
                for match in re.finditer(r"([0-9]+(?:\.[0-9]+)?)%", text):
                    out["percent"].add(Decimal(match.group(1)).normalize())
    elif isinstance(value, (list, tuple)):
        for item in value:
            typed_numbers(item, out, key)
    return out


_MONEY_AFTER = re.compile(r"^(?:万元|元|万(?![人件次条户个项家台辆余平]))")


def source_typed_figures(text: str) -> list[tuple[str, Decimal, str]]:
    """Source figures that carry a money unit or a % sign."""
    out = []
    for match in NUMBER.finditer(text):
        after = text[match.end():match.end() + 3]
        kind = "money" if _MONEY_AFTER.search(after) else "percent" if after.startswith("%") else None
        if kind and text[max(0, match.start() - 2):match.start()] != "单价":  # 单价200万以上: a class name
            context = text[max(0, match.start() - 14):match.end() + 8].replace("\n", " ")
            out.append((kind, Decimal(match.group()).normalize(), context))
    return out
