"""What both table readers need: a cell's value and where it stands, a header's label and money unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .read import Cell

NUM = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?%?$")
BLANKS = " \t\u3000\xa0"


@dataclass
class Value:
    text: str
    span: tuple[int, int]


def value_of(cell: Cell) -> Value | None:
    """A cell's text without padding, and where that text stands."""
    text = cell.text.strip(BLANKS + "\n")
    if not text:
        return None
    offset = cell.text.index(text)
    return Value(text, (cell.start + offset, cell.start + offset + len(text)))


def unit_of(header: str) -> str | None:
    """The money unit a table states in a header cell: （万元）, 单位：元."""
    return "万元" if "万元" in header else "元" if re.search(r"[（(]元[）)]|单位[:：]\s*元", header) else None


def label_of(cell: Cell) -> str:
    return re.sub(r"\s+", "", cell.text.strip(BLANKS))
