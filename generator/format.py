"""How figures read on a page: money in the site's unit, rates and dates in Chinese."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from .figures import Figure, Statement
from .numbers import MONEY_UNITS

CENT = Decimal("0.01")


def money(yuan: Decimal, unit: str = "万元", places: int = 2) -> str:
    """`6338977.18` yuan in 万元: `633.90`; thousands separated, rounded half up."""
    scaled = yuan / MONEY_UNITS[unit]
    quantum = Decimal(1).scaleb(-places)
    return f"{scaled.quantize(quantum, rounding=ROUND_HALF_UP):,}"


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 8484000.0 → 8484000, 6338977.18 stays."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def stated(statement: Statement) -> str:
    """A statement exactly as the report wrote it: `6338977.18元`, `31.41%`, `99分`."""
    return f"{statement.value}{statement.unit}"


def stated_all(figure: Figure) -> str:
    """Every statement of a figure, with its place: for titles and the 原文数值 view."""
    parts = []
    for s in figure.statements:
        parts.append(f"{stated(s)}（{s.at}）" if s.at else stated(s))
    return "；".join(parts)


def stated_percent(figure: Figure) -> str:
    """A stated rate as written (31.41% stays 31.41%)."""
    return f"{figure.first.value}%"


def number(value: Decimal | int) -> str:
    """A count or stated value with thousands separators, its decimals as written."""
    return f"{value:,}"


def score(figure: Figure) -> str:
    return f"{figure.first.value}"


def cn_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def agree(figure: Figure) -> bool:
    """Whether every statement of a figure gives the same amount."""
    first = figure.statements[0].base
    return all(s.base == first for s in figure.statements[1:])
