"""Problems found in content: one type, one format, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file, located as precisely as the file allows."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_path(loc: tuple[object, ...]) -> str:
    """Render a location tuple as `a.b[2].c`."""
    try:
        return _FIELD_PATHS[loc]
    except (KeyError, TypeError):
        pass
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    try:
        if len(_FIELD_PATHS) > 100_000:
            _FIELD_PATHS.clear()
        _FIELD_PATHS[loc] = out
    except TypeError:  # a part that cannot be hashed
        pass
    return out


#: field_path's results: every report of a layout asks for the same paths (`expenditure[0].total.actual`).
_FIELD_PATHS: dict[tuple[object, ...], str] = {}
