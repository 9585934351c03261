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


#: A number and the unit a cell gives it where its column expects that kind of number: money in
#: 万元 or 元, a score in 分 (a cell typed “120.00万元”, or a number shown so by its format).
_WITH_UNIT = {"money": re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)\s*(万元|元)$"),
              "score": re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)\s*(分)$")}


def without_unit(value: Value, kind: str) -> tuple[Value, str | None]:
    """`value`'s number without the unit written after it, and that unit, where it is one of its
    kind (`_WITH_UNIT`); else `value` as it is and None."""
    pattern = _WITH_UNIT.get(kind)
    found = pattern.match(value.text) if pattern else None
    if found is None:
        return value, None
    number = found.group(1)
    return Value(number, (value.span[0], value.span[0] + len(number))), found.group(2)


#: A negative number as accounts print it in a table: in brackets, “(3.20)”, “（20.78%）”.
_BRACKETED = re.compile(r"^[(（]([0-9][0-9,]*(?:\.[0-9]+)?%?)[)）]$")


#: A negative number printed with the full-width minus or the minus sign (－36.50, −4.36%).
_MINUS = re.compile(r"^[－−]\s*([0-9][0-9,]*(?:\.[0-9]+)?%?)$")


def value_of(cell: Cell) -> Value | None:
    """A cell's text without padding, and where that text stands; a number in brackets, as
    accounts print a negative one, is that number with its minus sign (the span still the
    bracketed text)."""
    text = cell.text.strip(BLANKS + "\n")
    if not text:
        return None
    offset = cell.text.index(text)
    span = (cell.start + offset, cell.start + offset + len(text))
    bracketed = _BRACKETED.match(text) or _MINUS.match(text)
    if bracketed:
        return Value("-" + bracketed.group(1), span)
    return Value(text, span)


def unit_of(header: str) -> str | None:
    """The money unit a table states in a header cell: （万元）, 单位：元."""
    return "万元" if "万元" in header else "元" if re.search(r"[（(]元[）)]|单位[:：]\s*元", header) else None


def squeezed(text: str) -> str:
    """`text` with every space and line break taken out (a label as a cell or a line wraps it)."""
    return re.sub(r"\s+", "", text)


def label_of(cell: Cell) -> str:
    return squeezed(cell.text)
