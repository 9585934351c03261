"""Stated figures: numbers as a report states them, once or in several places.

A report often states one quantity twice (in the text and again in a table). The model
keeps every statement, each with where it was made, so the checks can compare them; the
first statement is the one pages show. Money keeps the number and unit as written, so
its precision is known, and converts to exact yuan on demand.

In YAML a figure is written as a bare number (in the file's unit), as a mapping
`{value: 0, unit: 万元, at: 附表3}`, or as a list of either for a figure stated several times.
A number field written empty (`~`, `null`, nothing or only a comment after the colon) is
refused, required or not: a blank cell is not a figure and is left out (`Omittable`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from .messages import Said, say
from .numbers import (
    MAX_YUAN,
    MONEY_UNITS,
    NumberProblem,
    check_places,
    decimal_text,
    parse_count,
    parse_decimal,
    parse_percent,
)


class _once:
    """A value worked out on first use and kept in the instance's `__dict__`, where later reads
    find it without calling anything, as with functools.cached_property, which before Python 3.12
    also takes a lock on each first read (a build makes about 400 first reads a report)."""

    def __init__(self, make):
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.make(instance)
        return value


@dataclass(frozen=True)
class Statement:
    """One statement of a figure: the number as written, its unit, and where it stands."""

    value: Decimal
    unit: str
    at: str | None = None

    def __getstate__(self) -> dict:
        """Pickled without the values worked out (`base`, `step`): a build keeps thousands of
        statements in its memos, and reads them all back when a page needs them."""
        return {"value": self.value, "unit": self.unit, "at": self.at}

    # Worked out once a statement (the checks ask for them again and again).
    @_once
    def base(self) -> Decimal:
        """Money in yuan; percentages and scores as they are."""
        return self.value * MONEY_UNITS.get(self.unit, Decimal(1))

    @_once
    def step(self) -> Decimal:
        """One unit of the last place written, in base units: 848.4 万元 is stated to 1000 yuan."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return Decimal(1).scaleb(min(exponent, 0)) * MONEY_UNITS.get(self.unit, Decimal(1))


def stated(statement: Statement) -> str:
    """A statement exactly as the report wrote it: `6338977.18元`, `31.41%`, `99分`."""
    return f"{decimal_text(statement.value)}{statement.unit}"


@dataclass(frozen=True)
class Figure:
    """A quantity with every statement of it the report makes; the first is the headline."""

    kind: str  # "money", "percent" or "score"
    statements: tuple[Statement, ...]

    @property
    def first(self) -> Statement:
        return self.statements[0]

    @property
    def value(self) -> Decimal:
        """The headline value in base units (yuan for money)."""
        return self.first.base


def _fail(error: NumberProblem) -> PydanticCustomError:
    return _refuse(error.message, error.hint)


def _refuse(message: Said | str, hint: Said | str) -> PydanticCustomError:
    """A value refused with the catalogue's words (load.py reads `message` and `hint` from the error)."""
    return PydanticCustomError("figure", "{message}", {"message": message, "hint": hint})


def _blank(required: bool) -> PydanticCustomError:
    """A number field written with no number: load.py words the problem from the line as written."""
    return PydanticCustomError("blank", "empty value", {"required": required})


def _not_blank(value: Any) -> Any:
    if value is None:
        raise _blank(required=False)
    return value


class _LeaveOut:
    """Refuses an empty value in a field that may be left out, before `None` could stand for it,
    and takes null out of the field's JSON Schema, so editors flag `actual: ~` too. Not applied
    to a field left out: its default is not validated."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_not_blank, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        out = handler(schema)
        if "anyOf" in out:
            out["anyOf"] = [branch for branch in out["anyOf"] if branch != {"type": "null"}]
        return out


T = TypeVar("T")
#: A number field that may be left out but not written empty: `Omittable[Money] = Field(None, …)`.
Omittable = Annotated[T | None, _LeaveOut()]


_STATEMENT_KEYS = {"value", "unit", "at"}


def _statements(value: Any, read_one) -> tuple[Statement, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise _refuse(say("figure.empty_list"), say("figure.empty_list.hint"))
    out = []
    for item in items:
        at = None
        unit = None
        if isinstance(item, dict):
            extra = set(item) - _STATEMENT_KEYS
            if extra:
                raise _refuse(say("figure.unknown_key", key=repr(sorted(extra)[0])), say("figure.unknown_key.hint"))
            if "value" not in item:
                raise _refuse(say("figure.needs_value"), say("figure.needs_value.hint"))
            at = item.get("at")
            if at is not None and not isinstance(at, str):
                raise _refuse(say("figure.at_not_text"), say("figure.at_not_text.hint"))
            unit = item.get("unit")
            item = item["value"]
        elif isinstance(item, list):
            raise _refuse(say("figure.nested_list"), say("figure.nested_list.hint"))
        try:
            out.append(read_one(item, unit, at))
        except NumberProblem as err:
            raise _fail(err) from None
    return tuple(out)


def _money(signed: bool):
    def validate(value: Any, info: ValidationInfo) -> Figure:
        if isinstance(value, Figure):
            return value
        if value is None:
            raise _blank(required=True)
        file_unit = (info.context or {}).get("unit", "元")

        def one(item: Any, unit: str | None, at: str | None) -> Statement:
            unit = unit or file_unit
            if unit not in MONEY_UNITS:
                raise NumberProblem(say("figure.money_unit", unit=repr(unit)), say("figure.money_unit.hint"))
            number = parse_decimal(item, "amount")
            # is_signed, not < 0: `-0` is written as a negative amount and refused like one.
            if number.is_signed() and not signed:
                raise NumberProblem(say("figure.negative_amount", value=item), say("figure.negative_amount.hint"))
            check_places(number, unit)
            statement = Statement(number, unit, at)
            if abs(statement.base) >= MAX_YUAN:
                raise NumberProblem(say("figure.amount_too_big", value=item, unit=unit),
                                    say("figure.amount_too_big.hint"))
            return statement

        return Figure("money", _statements(value, one))

    return validate


def _percent(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if value is None:
        raise _blank(required=True)

    def one(item: Any, unit: str | None, at: str | None) -> Statement:
        if unit not in (None, "%"):
            raise NumberProblem(say("figure.percent_unit", unit=repr(unit)), say("hint.leave_unit_out"))
        return Statement(parse_percent(item), "%", at)

    return Figure("percent", _statements(value, one))


def _score(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if value is None:
        raise _blank(required=True)

    def one(item: Any, unit: str | None, at: str | None) -> Statement:
        if unit not in (None, "分"):
            raise NumberProblem(say("figure.score_unit", unit=repr(unit)), say("hint.leave_unit_out"))
        number = parse_decimal(item, "score")
        if number.is_signed():  # `-0` too
            raise NumberProblem(say("figure.negative_score", value=item), say("figure.negative_score.hint"))
        check_places(number, "分")
        return Statement(number, "分", at)

    return Figure("score", _statements(value, one))


def _dump(figure: Figure, info) -> Any:
    """Write a figure back in the form it is read from (exact decimals as strings)."""
    file_unit = (info.context or {}).get("unit") if info is not None else None
    default_unit = {"money": file_unit, "percent": "%", "score": "分"}[figure.kind]

    def one(statement: Statement) -> Any:
        text = decimal_text(statement.value) + ("%" if figure.kind == "percent" else "")
        if statement.at is None and statement.unit == default_unit:
            return text
        out: dict[str, str] = {"value": text}
        if statement.unit != default_unit:
            out["unit"] = statement.unit
        if statement.at is not None:
            out["at"] = statement.at
        return out

    items = [one(s) for s in figure.statements]
    return items[0] if len(items) == 1 else items


def _figure_schema(number: dict[str, Any], title: str) -> dict[str, Any]:
    statement = {
        "type": "object",
        "additionalProperties": False,
        "required": ["value"],
        "properties": {
            "value": number,
            "unit": {"type": "string", "description": "本数的单位，与文件单位不同时填写"},
            "at": {"type": "string", "description": "在原文中的位置，如“附表1”“第三部分 一”"},
        },
    }
    one = {"anyOf": [number, statement]}
    return {"description": title, "anyOf": [number, statement, {"type": "array", "minItems": 1, "items": one}]}


_NUMBER_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
_MONEY_NUMBER = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER_PATTERN}]}
_PERCENT_NUMBER = {"type": "string", "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?%$"}

Money = Annotated[
    Figure,
    PlainValidator(_money(signed=False)),
    PlainSerializer(_dump, when_used="always"),
    WithJsonSchema(_figure_schema(_MONEY_NUMBER, "金额（文件单位；不得为负）。同一数在原文多处出现时写成列表")),
]
SignedMoney = Annotated[
    Figure,
    PlainValidator(_money(signed=True)),
    PlainSerializer(_dump, when_used="always"),
    WithJsonSchema(_figure_schema(_MONEY_NUMBER, "增减额（文件单位；减少为负）")),
]
Percent = Annotated[
    Figure,
    PlainValidator(_percent),
    PlainSerializer(_dump, when_used="always"),
    WithJsonSchema(_figure_schema(_PERCENT_NUMBER, "百分比，照原文写，如 31.41%；下降为负")),
]
Score = Annotated[
    Figure,
    PlainValidator(_score),
    PlainSerializer(_dump, when_used="always"),
    WithJsonSchema(_figure_schema(_MONEY_NUMBER, "分值或得分")),
]


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value is None:
        raise _blank(required=True)
    try:
        return parse_count(value)
    except NumberProblem as err:
        raise _fail(err) from None


def _number(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if value is None:
        raise _blank(required=True)
    try:
        return parse_decimal(value, "number")
    except NumberProblem as err:
        raise _fail(err) from None


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _refuse(say("figure.not_date", value=repr(value)), say("figure.not_date.hint"))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _refuse(say("figure.not_real_date", value=repr(value)), say("figure.not_real_date.hint")) from None


Count = Annotated[
    int,
    PlainValidator(_count),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^(0|[1-9][0-9]*)$"}],
                    "description": "人数、个数等非负整数"}),
]
Number = Annotated[
    Decimal,
    PlainValidator(_number),
    PlainSerializer(lambda d: decimal_text(d), when_used="always"),
    WithJsonSchema(_MONEY_NUMBER),
]
Date = Annotated[
    dt.date,
    PlainValidator(_date),
    PlainSerializer(lambda d: d.isoformat(), when_used="always"),
    WithJsonSchema({"type": "string", "format": "date", "description": "日期，YYYY-MM-DD"}),
]


def _whole(value: Any) -> Any:
    """A year as plain digits before pydantic checks its range: `2_020`, `+2020`, ` 2020` and
    `2020.0`, which pydantic's lax int would take, are refused like any other number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value is None:
        raise _blank(required=True)
    try:
        return parse_count(value, "year")
    except NumberProblem as err:
        raise _fail(err) from None


def _flag(value: Any) -> Any:
    """true or false, nothing else: YAML 1.1's yes/no/on/off/y/n (and pydantic's 1/0/t/f) are refused."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise _refuse(say("figure.not_flag", value=repr(str(value)[:40])), say("figure.not_flag.hint"))


#: A whole number written as plain digits: Annotated[int, Field(ge=…), Whole] (the range, then this).
Whole = BeforeValidator(_whole)
#: A yes/no field: exactly `true` or `false`.
Flag = Annotated[bool, BeforeValidator(_flag)]
