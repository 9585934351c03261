"""Table-driven normalisers for the numbers content states: amounts, percentages, counts, scores.

Every number is read from the text written in the YAML file, never through float.
What is written is kept (Decimal keeps trailing zeros, so 818.40 stays 818.40 and
its stated precision is known); money is scaled to yuan only when asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

#: Money units a content file may declare, and what one of each is in yuan.
MONEY_UNITS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}

#: The most decimal places a figure may carry in each unit (down to 0.01 yuan).
MAX_PLACES: dict[str, int] = {"元": 2, "万元": 6, "亿元": 10, "%": 4, "分": 2}

_DECIMAL = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_INTEGER = re.compile(r"(?:0|[1-9][0-9]*)")
_FULLWIDTH = re.compile(r"[０-９．，％－＋]")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class NumberProblem(ValueError):
    """A number written in a way the content model does not accept."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


def _diagnose(text: str, what: str) -> NumberProblem:
    """Explain why `text` is not a plain number, naming the usual slips."""
    stripped = text.strip()
    lowered = stripped.lower().lstrip("+-")
    if _FULLWIDTH.search(stripped):
        return NumberProblem(f"{text!r} uses full-width characters", "write ASCII digits, e.g. 12.5")
    if lowered in {"nan", ".nan", "inf", ".inf", "infinity"}:
        return NumberProblem(f"{text!r} is not a number", f"write the {what} as digits")
    if _GROUPED.fullmatch(stripped):
        return NumberProblem(f"{text!r} has thousands separators", f"write it without commas: {stripped.replace(',', '')}")
    if re.fullmatch(r"[+-]?[0-9.]+\s*(万元|元|亿元|万|亿)", stripped):
        return NumberProblem(f"{text!r} carries a unit", "write the number alone; the unit comes from the file's `unit:`"
                             " or the figure's own `unit:`")
    if re.fullmatch(r"[+-]?[0-9.]+[eE][+-]?[0-9]+", stripped):
        return NumberProblem(f"{text!r} is in exponent notation", "write the number out in digits")
    if "_" in stripped or lowered.startswith(("0x", "0o", "0b")):
        return NumberProblem(f"{text!r} is not a plain decimal number", "write decimal digits only, e.g. 1000")
    if stripped != text:
        return NumberProblem(f"{text!r} has surrounding spaces", "remove the spaces")
    if re.fullmatch(r"[+-]?0[0-9]+(\.[0-9]+)?", stripped):
        return NumberProblem(f"{text!r} has a leading zero", "write it without leading zeros")
    return NumberProblem(f"{text!r} is not a number", f"write the {what} as digits, e.g. 12.5")


def parse_decimal(text: object, what: str = "amount") -> Decimal:
    """A signed decimal number from its written text, exactly."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise NumberProblem(f"expected a number, got {_kind(text)}", f"write the {what} as digits")
    text = str(text)
    if not _DECIMAL.fullmatch(text):
        raise _diagnose(text, what)
    return Decimal(text)


def parse_count(text: object, what: str = "count") -> int:
    """A non-negative whole number: headcounts, vehicles, units."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise NumberProblem(f"expected a whole number, got {_kind(text)}", f"write the {what} as digits")
    text = str(text)
    if _INTEGER.fullmatch(text):
        return int(text)
    if re.fullmatch(r"-[0-9]+", text):
        raise NumberProblem(f"{text!r} is negative", f"a {what} cannot be below zero")
    if _DECIMAL.fullmatch(text):
        raise NumberProblem(f"{text!r} is not a whole number", f"a {what} is a whole number")
    if re.fullmatch(r"[0-9]+\s*\S+", text):
        raise NumberProblem(f"{text!r} carries a unit", "write the number alone")
    raise _diagnose(text, what)


def parse_percent(text: object) -> Decimal:
    """A percentage as written with its sign: `31.41%` gives Decimal('31.41')."""
    if isinstance(text, bool) or not isinstance(text, str):
        raise NumberProblem(f"expected a percentage like 12.5%, got {_kind(text)}", "write the number followed by %")
    if not text.endswith("%"):
        raise NumberProblem(f"{text!r} has no % sign", f"write it as {text}% if it is a percentage")
    value = parse_decimal(text[:-1], "percentage")
    check_places(value, "%")
    return value


def check_places(value: Decimal, unit: str) -> None:
    places = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0  # type: ignore[operator]
    limit = MAX_PLACES[unit]
    if places > limit:
        raise NumberProblem(f"{value} has {places} decimal places, more than {unit} allows ({limit})",
                            "check the figure against the source")


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


@dataclass(frozen=True)
class Quantity:
    """A measured value as an indicator states it: `98.5%`, `4次/年`, `≥95%`, or text only."""

    text: str
    number: Decimal | None
    unit: str
    comparator: str  # '', '≥', '≤', '>', '<', '='


_QUANTITY = re.compile(r"\s*(?P<cmp>≥|≤|>=|<=|>|<|＞|＜|=)?\s*(?P<num>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>[^0-9\s].*)?\s*")
_COMPARATORS = {">=": "≥", "<=": "≤", "＞": ">", "＜": "<"}


def parse_quantity(text: str) -> Quantity:
    """Split an indicator value into comparator, number and unit where it has them."""
    match = _QUANTITY.fullmatch(text.replace("\u3000", " "))
    if not match:
        return Quantity(text, None, "", "")
    cmp = match.group("cmp") or ""
    return Quantity(text, Decimal(match.group("num")), (match.group("unit") or "").strip(), _COMPARATORS.get(cmp, cmp))
