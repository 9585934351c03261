"""Table-driven normalisers for the numbers content states: amounts, percentages, counts, scores.

Every number is read from the text written in the YAML file, never through float.
What is written is kept (Decimal keeps trailing zeros, so 818.40 stays 818.40 and
its stated precision is known); money is scaled to yuan only when asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .messages import Said, say

#: Money units a content file may declare, and what one of each is in yuan.
MONEY_UNITS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}

#: The most decimal places a figure may carry in each unit (down to 0.01 yuan).
MAX_PLACES: dict[str, int] = {"元": 2, "万元": 6, "亿元": 10, "%": 4, "分": 2}

#: Bounds on any number as written, whatever its field: at most 15 digits before the point
#: and 10 after. 25 significant digits fit Decimal's default 28-digit precision, so sums,
#: rates and the rounding on pages stay exact and never raise InvalidOperation; a number of
#: hundreds of digits is a slip, not a figure.
MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 10

#: The largest amount any statement may come to, in yuan (1000万亿元, some thirty times
#: China's whole annual budget), so that a figure in 亿元 cannot overflow the same bound.
MAX_YUAN = Decimal(10) ** 15

# A plain decimal: an optional minus sign (never a plus), no leading zeros, digits on both
# sides of the point.
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_INTEGER = re.compile(r"(?:0|[1-9][0-9]*)")
_FULLWIDTH = re.compile(r"[０-９．，％－＋]")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class NumberProblem(ValueError):
    """A number written in a way the content model does not accept: what is wrong, and a hint."""

    def __init__(self, message: Said | str, hint: Said | str = ""):
        super().__init__(str(message))
        self.message = message
        self.hint = hint


def _specific(text: str, what: str) -> NumberProblem | None:
    """Name the usual slip in `text`, if it is one of them (`what` the number is: `amount`, `score`…)."""
    stripped = text.strip()
    lowered = stripped.lower().lstrip("+-")
    q = _q(text)
    if _FULLWIDTH.search(stripped):
        return NumberProblem(say("number.fullwidth", text=q), say("number.fullwidth.hint"))
    if lowered in {"nan", ".nan", "inf", ".inf", "infinity"}:
        return NumberProblem(say("number.not_a_number", text=q), say("number.as_digits.hint", what=_what(what)))
    if _GROUPED.fullmatch(stripped):
        return NumberProblem(say("number.thousands", text=q),
                             say("number.thousands.hint", plain=stripped.replace(",", "")))
    if re.fullmatch(r"[+-]?[0-9.]+\s*(万元|元|亿元|万|亿)", stripped):
        return NumberProblem(say("number.unit", text=q), say("number.unit.hint"))
    if re.fullmatch(r"[+-]?[0-9.]+[eE][+-]?[0-9]+", stripped):
        return NumberProblem(say("number.exponent", text=q), say("number.exponent.hint"))
    if "_" in stripped or lowered.startswith(("0x", "0o", "0b")):
        return NumberProblem(say("number.not_plain", text=q), say("number.not_plain.hint"))
    if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", stripped):
        return NumberProblem(say("number.date", text=q), say("number.as_digits.hint", what=_what(what)))
    if stripped != text:
        return NumberProblem(say("number.spaces", text=q), say("number.spaces.hint"))
    if re.fullmatch(r"\+[0-9.]+", stripped):
        # `+5` is read by YAML 1.1 and by float() alike; content writes a sign only for a decrease.
        return NumberProblem(say("number.plus", text=q), say("number.plus.hint", plain=stripped[1:]))
    if re.fullmatch(r"-?\.[0-9]+", stripped):
        return NumberProblem(say("number.no_leading_digit", text=q),
                             say("number.write_as.hint", plain=stripped.replace(".", "0.", 1)))
    if re.fullmatch(r"-?[0-9]+\.", stripped):
        return NumberProblem(say("number.trailing_point", text=q), say("number.write_as.hint", plain=stripped[:-1]))
    if re.fullmatch(r"-?0[0-9]+(\.[0-9]+)?", stripped):
        return NumberProblem(say("number.leading_zero", text=q), say("number.leading_zero.hint"))
    return None


def _what(what: str) -> Said:
    """What a number is (`amount`, `score`, `year`…), as the messages name it."""
    return say(f"what.{what}")


def _diagnose(text: str, what: str, example: str = "12.5") -> NumberProblem:
    """Explain why `text` is not a plain number, naming the usual slips."""
    return _specific(text, what) or NumberProblem(say("number.not_a_number", text=_q(text)),
                                                  say("number.as_digits_eg.hint", what=_what(what), example=example))


def _check_size(text: str) -> None:
    """Refuse numbers too long to be a figure (see MAX_INTEGER_DIGITS)."""
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(whole) > MAX_INTEGER_DIGITS:
        raise NumberProblem(say("number.integer_digits", text=_q(text), digits=len(whole), limit=MAX_INTEGER_DIGITS),
                            say("hint.check_source"))
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise NumberProblem(say("number.fraction_digits", text=_q(text), digits=len(fraction),
                                limit=MAX_FRACTION_DIGITS), say("hint.check_source"))


def _q(text: str) -> str:
    """`text` quoted for a message, cut short if it is long."""
    return repr(text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}")


def parse_decimal(text: object, what: str = "amount") -> Decimal:
    """A signed decimal number from its written text, exactly."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise NumberProblem(say("number.expected", kind=_kind(text)), say("number.as_digits.hint", what=_what(what)))
    text = str(text)
    if not _DECIMAL.fullmatch(text):
        raise _diagnose(text, what)
    _check_size(text)
    return Decimal(text)


def parse_count(text: object, what: str = "count") -> int:
    """A non-negative whole number: headcounts, vehicles, units."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise NumberProblem(say("number.expected_whole", kind=_kind(text)),
                            say("number.as_digits.hint", what=_what(what)))
    text = str(text)
    if _INTEGER.fullmatch(text):
        _check_size(text)
        return int(text)
    if re.fullmatch(r"-[0-9]+", text):
        raise NumberProblem(say("number.negative", text=_q(text)), say("number.negative.hint", what=_what(what)))
    if _DECIMAL.fullmatch(text):
        raise NumberProblem(say("number.not_whole", text=_q(text)), say("number.not_whole.hint", what=_what(what)))
    # The named slips first: `0x10`, `1_000`, `05` or `1e3` do not "carry a unit".
    specific = _specific(text, what)
    if specific is not None:
        raise specific
    if re.fullmatch(r"[0-9]+\s*\S+", text):
        raise NumberProblem(say("number.unit", text=_q(text)), say("number.unit_count.hint"))
    raise _diagnose(text, what, "2020" if what == "year" else "18")


def parse_percent(text: object) -> Decimal:
    """A percentage as written with its sign: `31.41%` gives Decimal('31.41')."""
    if isinstance(text, bool) or not isinstance(text, str):
        raise NumberProblem(say("number.expected_percent", kind=_kind(text)), say("number.expected_percent.hint"))
    if not text.endswith("%"):
        if _FULLWIDTH.search(text):  # `5％`: a full-width sign is not a missing one
            raise NumberProblem(say("number.fullwidth", text=_q(text)), say("number.fullwidth_percent.hint"))
        raise NumberProblem(say("number.no_percent_sign", text=_q(text)),
                            say("number.no_percent_sign.hint", plain=_q(text)[1:-1]))
    value = parse_decimal(text[:-1], "percentage")
    check_places(value, "%")
    return value


def check_places(value: Decimal, unit: str) -> None:
    places = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0  # type: ignore[operator]
    limit = MAX_PLACES[unit]
    if places > limit:
        raise NumberProblem(say("number.places", number=decimal_text(value), places=places, unit=unit, limit=limit),
                            say("hint.check_source"))


def decimal_text(value: Decimal | int, grouped: bool = False) -> str:
    """A number in plain digits, every digit kept, never in exponent notation: the one way any
    output (pages, CSV, XLSX, JSON, search text, messages) writes a number.

    `str()` and `f"{…}"` of a Decimal switch to exponents for small numbers and for the results of
    `normalize()` and some arithmetic: `1E-7`, `0E-7`, `1E+2`. Here 0.0000001 stays 0.0000001,
    818.40 stays 818.40 (parse_decimal(decimal_text(d)) gives d back, digits and all) and
    Decimal("1E+2") is 100. `grouped` separates thousands: 6,338,977.18.
    """
    if isinstance(value, int):
        return f"{value:,}" if grouped else str(int(value))
    if not value.is_finite():
        raise ValueError(f"{value} is not a number to publish")
    if not grouped:
        text = str(value)  # plain digits unless an exponent is needed, and half the cost of format()
        return text if "E" not in text else format(value, "f")
    return format(value, ",f")


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 8484000.0 → 8484000, 6338977.18 stays."""
    text = decimal_text(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _kind(value: object) -> Said:
    if value is None:
        return say("kind.nothing")
    if isinstance(value, dict):
        return say("kind.mapping")
    if isinstance(value, list):
        return say("kind.list")
    return say("kind.value", value=type(value).__name__)


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


#: What an actual says when a qualitative target was only partly met (基本完善 for 健全完善,
#: 部分达成 for 达成年度指标, 未完成): the tiers the Sichuan form names, and their everyday kin.
_SHORT_OF = re.compile(r"^(部分|基本|尚未|未(?:完成|达成|达到|实现|完全|全部)|没有(?:完成|达成|达到)|不够|有待|较差)")


def unmet(target: str | None, actual: str | None) -> bool:
    """Whether an actual falls short of its target: a number short of a numeric target in the
    same unit, or a qualitative actual that says it was only partly met (基本完善 against 健全完善,
    部分达成, 未完成) where the target does not say so itself."""
    if not target or not actual:
        return False
    shortfall = _SHORT_OF.match(actual.strip())
    if shortfall and not target.strip().startswith(shortfall.group(1)) and not re.search(r"[0-9]", actual):
        return True
    t, a = parse_quantity(target), parse_quantity(actual)
    if t.number is None or a.number is None:
        return False
    t_unit, a_unit = t.unit.split("/")[0], a.unit.split("/")[0]
    if t_unit != a_unit and not (t_unit.startswith(a_unit) or a_unit.startswith(t_unit)):
        return False
    if t.comparator in ("≤", "<"):
        return a.number > t.number if t.comparator == "≤" else a.number >= t.number
    if t.comparator == ">":
        return a.number <= t.number
    return a.number < t.number
