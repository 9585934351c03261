"""The values of a workbook's formulas that were saved without them.

A system that writes a workbook from a template (a Java library filling the 一体化 system's
form) leaves the template's formulas in their cells without the values Excel saves beside them
(`<f>` and no `<v>`, the workbook set to calculate fully on load): Excel and WPS work them out as
they open it and show and print the results; a reader of saved values finds the cells empty.
The common formulas of such forms are worked out here as Excel does: numbers, references to
cells of the same sheet (A1, $B$7) and ranges of them (G8:G10), + − × ÷ ^ and comparisons,
SUM, ROUND, IF, MIN, MAX, ABS, AVERAGE and IFERROR. Anything else (another sheet, a function not
listed, a text) leaves the cell empty, as a reader that cannot tell must.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"\s*(?:(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)|(?P<range>\$?[A-Z]{1,3}\$?[0-9]{1,7}"
                    r":\$?[A-Z]{1,3}\$?[0-9]{1,7})|(?P<func>[A-Z][A-Z0-9.]*)\s*\(|(?P<ref>\$?[A-Z]{1,3}\$?[0-9]{1,7})"
                    r"|(?P<op><>|>=|<=|[-+*/^(),<>=%]))")
_FUNCTIONS = {"SUM", "ROUND", "IF", "MIN", "MAX", "ABS", "AVERAGE", "IFERROR"}


class Unknown(Exception):
    """A formula this module does not work out."""


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _cell(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})", ref)
    if m is None:
        raise Unknown(ref)
    return int(m.group(2)), column_number(m.group(1))


def evaluate(formula: str, value_of: Callable[[int, int], float | None]) -> float:
    """The value of `formula` (without its =), `value_of(row, column)` giving each cell's number
    (None for an empty cell, which counts as 0)."""
    text = formula.upper()
    tokens: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        m = _TOKEN.match(text, at)
        if m is None or m.end() == at:
            raise Unknown(formula)  # (what the tokens do not cover: another sheet, a text, a name)
        tokens.extend((kind, value) for kind, value in m.groupdict().items() if value is not None)
        at = m.end()
    parser = _Parser(tokens, value_of)
    result = parser.comparison()
    if parser.at != len(tokens):
        raise Unknown(formula)
    if isinstance(result, list):
        raise Unknown(formula)
    return result


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], value_of: Callable[[int, int], float | None]) -> None:
        self.tokens, self.value_of, self.at = tokens, value_of, 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, text: str) -> bool:
        if self.peek() == ("op", text):
            self.at += 1
            return True
        return False

    def comparison(self):
        left = self.additive()
        for op in ("<>", ">=", "<=", ">", "<", "="):
            if self.take(op):
                right = self.additive()
                a, b = _number(left), _number(right)
                return float({"<>": a != b, ">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b, "=": a == b}[op])
        return left

    def additive(self):
        value = self.term()
        while True:
            if self.take("+"):
                value = _number(value) + _number(self.term())
            elif self.take("-"):
                value = _number(value) - _number(self.term())
            else:
                return value

    def term(self):
        value = self.power()
        while True:
            if self.take("*"):
                value = _number(value) * _number(self.power())
            elif self.take("/"):
                divisor = _number(self.power())
                if divisor == 0:
                    raise ZeroDivisionError
                value = _number(value) / divisor
            else:
                return value

    def power(self):
        value = self.unary()
        while self.take("^"):
            value = _number(value) ** _number(self.unary())
        return value

    def unary(self):
        if self.take("-"):
            return -_number(self.unary())
        if self.take("+"):
            return _number(self.unary())
        value = self.primary()
        if self.take("%"):
            value = _number(value) / 100
        return value

    def primary(self):
        token = self.peek()
        if token is None:
            raise Unknown("end")
        kind, text = token
        self.at += 1
        if kind == "num":
            return float(text)
        if kind == "ref":
            return self.value_of(*_cell(text)) or 0.0
        if kind == "range":
            first, last = (_cell(part) for part in text.split(":"))
            if (last[0] - first[0] + 1) * (last[1] - first[1] + 1) > 10_000:
                raise Unknown(text)
            return [self.value_of(r, c) for r in range(first[0], last[0] + 1) for c in range(first[1], last[1] + 1)]
        if kind == "func":
            return self.function(text)
        if (kind, text) == ("op", "("):
            value = self.comparison()
            if not self.take(")"):
                raise Unknown(")")
            return value
        raise Unknown(text)

    def function(self, name: str):
        if name not in _FUNCTIONS:
            raise Unknown(name)
        arguments: list = []
        if not self.take(")"):
            while True:
                if name == "IFERROR" and not arguments:
                    start = self.at
                    try:
                        arguments.append(self.comparison())
                    except ZeroDivisionError:
                        depth = 0  # skip the failing argument: its value is the fallback's
                        self.at = start
                        while self.peek() is not None and not (depth == 0 and self.peek() == ("op", ",")):
                            kind, text = self.tokens[self.at]
                            depth += (kind == "func" or text == "(") - (text == ")")
                            self.at += 1
                        arguments.append(None)
                else:
                    arguments.append(self.comparison())
                if self.take(")"):
                    break
                if not self.take(","):
                    raise Unknown(",")
        values = [v for a in arguments for v in (a if isinstance(a, list) else [a])]
        numbers = [v for v in values if isinstance(v, (int, float))]
        if name == "SUM":
            return float(sum(numbers))
        if name == "AVERAGE":
            if not numbers:
                raise ZeroDivisionError
            return sum(numbers) / len(numbers)
        if name in ("MIN", "MAX"):
            return float((min if name == "MIN" else max)(numbers)) if numbers else 0.0
        if name == "ABS":
            return abs(_number(arguments[0]))
        if name == "ROUND":
            places = int(_number(arguments[1])) if len(arguments) > 1 else 0
            return _round(_number(arguments[0]), places)
        if name == "IF":
            condition = _number(arguments[0])
            chosen = arguments[1] if condition else (arguments[2] if len(arguments) > 2 else 0.0)
            return _number(chosen)
        if name == "IFERROR":
            return _number(arguments[0]) if arguments[0] is not None else _number(arguments[1])
        raise Unknown(name)


def _number(value) -> float:
    if value is None:
        return 0.0
    if isinstance(value, list):
        raise Unknown("range")
    return float(value)


def _round(value: float, places: int) -> float:
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
