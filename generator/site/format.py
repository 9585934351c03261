"""How figures read on a page: money in the site's unit, rates and dates in Chinese.

Every number is written through numbers.decimal_text: plain digits, never an exponent.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..content.figures import Figure, stated
from ..content.numbers import (
    MONEY_UNITS,
    decimal_text,
    plain as plain,  # with `stated`, defined beside the numbers: the checks use them too
)

CENT = Decimal("0.01")


def money(yuan: Decimal, unit: str = "万元", places: int = 2) -> str:
    """`6338977.18` yuan in 万元: `633.90`; thousands separated, rounded half up."""
    scaled = yuan / MONEY_UNITS[unit]
    quantum = Decimal(1).scaleb(-places)
    return decimal_text(scaled.quantize(quantum, rounding=ROUND_HALF_UP), grouped=True)


def stated_all(figure: Figure) -> str:
    """Every statement of a figure, with its place: for titles and the 原文数值 view."""
    parts = []
    for s in figure.statements:
        parts.append(f"{stated(s)}（{s.at}）" if s.at else stated(s))
    return "；".join(parts)


def stated_percent(figure: Figure) -> str:
    """A stated rate as written (31.41% stays 31.41%)."""
    return f"{decimal_text(figure.first.value)}%"


def number(value: Decimal | int) -> str:
    """A count or stated value with thousands separators, its decimals as written."""
    return decimal_text(value, grouped=True)


def score(figure: Figure) -> str:
    return decimal_text(figure.first.value)


def cn_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def agree(figure: Figure) -> bool:
    """Whether every statement of a figure gives the same amount."""
    first = figure.statements[0].base
    return all(s.base == first for s in figure.statements[1:])


_encode_text = json.encoder.encode_basestring  # what json.dumps(text, ensure_ascii=False) writes
#: `"key":` for keys seen before: charts repeat a few dozen keys thousands of times.
_KEYS: dict[str, str] = {}


def json_text(data: Any) -> str:
    """Compact JSON with keys sorted, as json.dumps(…, sort_keys=True, separators=(",", ":")),
    but numbers are written in digits: a Decimal exactly (0.000001, never 1e-06), a float by
    its shortest form (0.25). json.dumps writes small and large floats with an exponent and
    cannot write a Decimal at all."""
    parts: list[str] = []
    append = parts.append

    def put(value: Any) -> None:
        # The usual types by exact type first; any other through the general checks below.
        kind = type(value)
        if kind is str:
            append(_encode_text(value))
        elif kind is dict:
            append("{")
            first = True
            for key in sorted(value):
                head = _KEYS.get(key) if type(key) is str else None
                if head is None:
                    if not isinstance(key, str):
                        raise TypeError(f"JSON keys are text, not {type(key).__name__}")
                    head = _encode_text(key) + ":"
                    if type(key) is str:
                        if len(_KEYS) > 4096:
                            _KEYS.clear()
                        _KEYS[key] = head
                append(head if first else "," + head)
                first = False
                put(value[key])
            append("}")
        elif (kind is list or kind is tuple) and all(type(item) is int or item is None for item in value):
            # long columns of numbers (the search index's): the same text, written at once
            append("[" + ",".join("null" if item is None else str(item) for item in value) + "]")
        elif kind is list or kind is tuple:
            append("[")
            first = True
            for item in value:
                if not first:
                    append(",")
                first = False
                item_kind = type(item)
                if item_kind is Decimal:
                    append(decimal_text(item))
                elif item_kind is str:
                    append(_encode_text(item))
                else:
                    put(item)
            append("]")
        elif kind is Decimal:
            append(decimal_text(value))
        elif kind is int:
            append(str(value))
        elif value is None:
            append("null")
        elif value is True or value is False:
            append("true" if value else "false")
        elif isinstance(value, str):
            append(_encode_text(value))
        elif isinstance(value, int):
            append(str(int(value)))
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"{value} is not a JSON number")
            append(decimal_text(Decimal(repr(value))))
        elif isinstance(value, Decimal):
            append(decimal_text(value))
        elif isinstance(value, dict):
            append("{")
            for n, key in enumerate(sorted(value)):
                if not isinstance(key, str):
                    raise TypeError(f"JSON keys are text, not {type(key).__name__}")
                append(("," if n else "") + _encode_text(key) + ":")
                put(value[key])
            append("}")
        elif isinstance(value, (list, tuple)):
            append("[")
            for n, item in enumerate(value):
                if n:
                    append(",")
                put(item)
            append("]")
        else:
            raise TypeError(f"{type(value).__name__} is not JSON")

    put(data)
    return "".join(parts)
