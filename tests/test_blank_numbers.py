"""A number field written with no number is refused at its line, never dropped in silence.

YAML reads `actual: ~`, `actual: null`, `actual:` and `actual: #12` (a comment) alike as
nothing. A report's blank cell is written by leaving the field out (content/README.md), so
every number field of the model, required or not, refuses an empty value with a problem at
its own line and column that says so, and the schema editors use refuses it as well. The
fields are found by walking the model, so a field added later is covered too.
"""

from __future__ import annotations

import json
import re
import typing
from decimal import Decimal

import pytest
import yaml
from pydantic import BaseModel

from generator.content import figures
from generator.content.load import parse_report
from generator.content.model import YearReport
from generator.content.problems import ContentError
from tests.invalid_cases import ROOT_DIR

PLACEHOLDER = "BLANKVALUE"
#: What YAML reads as an empty value, as a person may write it after `field:`.
BLANKS = {"tilde": "~", "null": "null", "Null": "Null", "empty": "", "comment": "#12", "spaced comment": "# 12 万元"}


def _parts(annotation) -> list:
    """The types an annotation is made of, Annotated, unions and tuples opened up."""
    out = [annotation]
    for arg in typing.get_args(annotation):
        if not isinstance(arg, (str, int, float, bool, type(None))) or isinstance(arg, type):
            out += _parts(arg)
    return out


def _metadata(annotation) -> list:
    out = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        if not isinstance(arg, (str, int, float, bool)) or isinstance(arg, type):
            out += _metadata(arg)
    return out


def is_number(info) -> bool:
    """Whether a field holds a number: a figure (money, rate, score), a Decimal or a whole number."""
    types = _parts(info.annotation)
    return any(t in (figures.Figure, Decimal, int) for t in types) and bool not in types


def is_percent(info) -> bool:
    return any(getattr(m, "func", None) is figures._percent for m in _metadata(info.annotation) + info.metadata)


def models_in(annotation) -> list[type[BaseModel]]:
    return [t for t in _parts(annotation) if isinstance(t, type) and issubclass(t, BaseModel)]


def is_list(info) -> bool:
    return any(typing.get_origin(t) is tuple for t in _parts(info.annotation))


def sample(model: type[BaseModel]) -> dict:
    """The model's required fields, each with a value it accepts."""
    return {name: sample_value(info) for name, info in model.model_fields.items() if info.is_required()}


def sample_value(info):
    if is_number(info):
        return "20%" if is_percent(info) else 2020
    literal = [t for t in _parts(info.annotation) if typing.get_origin(t) is typing.Literal]
    if literal:
        return typing.get_args(literal[0])[-1]
    inner = models_in(info.annotation)
    if inner:
        return [sample(inner[0])] if is_list(info) else sample(inner[0])
    return "测试"


def number_fields() -> list[tuple[tuple, type[BaseModel], str]]:
    """(path to a model, the model, a number field of it) for every number field reachable from
    YearReport, each model reached by its first path (lists entered at their first entry)."""
    paths: dict[type[BaseModel], tuple] = {YearReport: ()}
    queue = [YearReport]
    while queue:
        model = queue.pop(0)
        for name, info in model.model_fields.items():
            for inner in models_in(info.annotation):
                if inner not in paths:
                    paths[inner] = (*paths[model], name, *((0,) if is_list(info) else ()))
                    queue.append(inner)
    return [(path, model, name) for model, path in paths.items()
            for name, info in model.model_fields.items() if is_number(info)]


FIELDS = number_fields()


def year_document(path: tuple, field: str) -> dict:
    """A valid year file with `field` at `path` set to the placeholder."""
    root = sample(YearReport)
    node, model = root, YearReport
    for step in path:
        if isinstance(step, int):
            continue
        info = model.model_fields[step]
        model = models_in(info.annotation)[0]
        child = sample(model)
        if step in node and isinstance(node[step], list):
            node[step][0] = child
        elif step in node and isinstance(node[step], dict):
            child = node[step]
        else:
            node[step] = [child] if is_list(info) else child
        node = child
    node[field] = PLACEHOLDER
    return root


def test_the_walk_finds_the_number_fields_of_every_part_of_the_model():
    found = {(model.__name__, name) for _, model, name in FIELDS}
    assert len(found) >= 30
    for expected in [("Line", "actual"), ("Amounts", "change_rate"), ("Stat", "value"), ("Stat", "year"),
                     ("GradeBand", "min"), ("Staffing", "vehicles"), ("Organization", "internal_units_count"),
                     ("Project", "arrival_rate"), ("Indicator", "score"), ("Weight", "weight"),
                     ("Headcount", "count"), ("Performance", "evaluated_funds"), ("YearReport", "year")]:
        assert expected in found


@pytest.mark.parametrize("form", BLANKS)
@pytest.mark.parametrize("path, model, field", FIELDS, ids=[f"{m.__name__}.{f}" for _, m, f in FIELDS])
def test_an_empty_number_field_is_refused_at_its_line(path, model, field, form):
    data = year_document(path, field)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    assert PLACEHOLDER in text
    lines = text.splitlines()
    [row] = [n for n, line in enumerate(lines) if PLACEHOLDER in line]
    column = re.search(rf"(?<![\w]){field}:", lines[row]).start() + 1
    written = BLANKS[form]
    text = text.replace(f" {PLACEHOLDER}", f" {written}" if written else "")
    with pytest.raises(ContentError) as raised:
        parse_report(text, "x.yaml")
    problems = raised.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    [problem] = problems
    assert (problem.line, problem.column) == (row + 1, column), (str(problem), text)
    assert problem.field.endswith(field), str(problem)
    message, hint = str(problem.message), str(problem.hint)  # in Chinese, the default
    assert message.startswith("值为空"), str(problem)
    if form.endswith("comment"):
        assert f"`{written}` 是注释" in message, str(problem)
    required = model.model_fields[field].is_required()
    assert ("删去此字段" in hint) != required, str(problem)


def test_the_schema_refuses_an_empty_number_field_too():
    import jsonschema

    schema = json.loads((ROOT_DIR / "schema" / "year.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path, model, field in FIELDS:
        data = year_document(path, field)
        text = json.dumps(data, ensure_ascii=False).replace(f'"{PLACEHOLDER}"', "null")
        assert list(validator.iter_errors(json.loads(text))), f"{model.__name__}.{field}: null passes the schema"
        info = model.model_fields[field]
        sample = '"20%"' if is_percent(info) else "2020"
        if any(typing.get_origin(t) is tuple for t in _parts(info.annotation)):  # a row of table cells
            sample = f"[{sample}]"
        filled = json.loads(text.replace("null", sample))
        assert list(validator.iter_errors(filled)) == [], f"{model.__name__}.{field}: the sample is not valid"
