"""Where a figure stands in a report: every figure with its path, a figure's path found, and a
reader's name for the figure at a path."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from ..content.figures import Figure
from ..content.labels import COUNTS, FIGURES, SECTIONS
from ..content.model import YearReport
from ..content.yamlsafe import FieldPath

#: What each figure is called in a check's terms and subjects: 决算/执行, 结余（超支）额 (labels.FIGURES).
LABELS = {key: label.name for key, label in FIGURES.items()}

def _figures(value, path: FieldPath) -> list[tuple[FieldPath, Figure]]:
    """Every figure under `value` with its path, in the model's order."""
    out: list[tuple[FieldPath, Figure]] = []
    _walk_figures(value, path, out.append)
    return out


#: What cannot hold a figure: looked at no further.
_LEAVES = frozenset({str, int, float, bool, type(None), Decimal, dt.date})
#: A model type's fields, by type.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _walk_figures(value, path: FieldPath, put) -> None:
    cls = type(value)
    if cls in _LEAVES:
        return
    if isinstance(value, Figure):
        put((path, value))
        return
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(getattr(cls, "model_fields", ()))
    if fields:
        for name in fields:
            child = getattr(value, name)
            if type(child) not in _LEAVES:
                _walk_figures(child, (*path, name), put)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if type(item) not in _LEAVES:
                _walk_figures(item, (*path, i), put)


def _find_path(value, target, path: FieldPath = ()) -> FieldPath | None:
    if value is target:
        return path
    if hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            found = _find_path(getattr(value, name), target, (*path, name))
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            found = _find_path(item, target, (*path, i))
            if found is not None:
                return found
    return None


#: Every figure's name, for a figure named by its path (a restated one).
FIELD_LABELS = {**{key: label.name for key, label in COUNTS.items()}, **LABELS}


def _describe_path(report: YearReport, path: FieldPath) -> str:
    """A reader's name for the figure at `path`: the row names on the way and the figure's kind."""
    names: list[str] = []
    value: Any = report
    for part in path[:-1]:
        value = value[part] if isinstance(part, int) else getattr(value, cast(str, part))
        name = getattr(value, "name", None) or getattr(value, "scope", None)
        if isinstance(name, str) and (not names or names[-1] != name):
            names.append(name)
    top = SECTIONS.get(str(path[0]), "")
    label = FIELD_LABELS.get(str(path[-1]), str(path[-1]))
    return "·".join([p for p in [top, *names] if p]) + f"（{label}）"
