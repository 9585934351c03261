"""Problems found in content: one type, one format, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Said, text_of


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file, located as precisely as the file allows.

    `message` and `hint` are messages of the catalogue (`messages.say(…)`), worded when the
    problem is shown, in the language asked for; plain text stays as it is."""

    path: str
    line: int
    column: int
    field: str
    message: Said | str
    hint: Said | str = ""

    def text(self, lang: str | None = None) -> str:
        """`file:line:column: field: problem — hint`, in `lang` or the current language."""
        where = f"{self.path}:{self.line}:{self.column}"
        message = printable(clip(text_of(self.message, lang)))
        text = f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"
        hint = printable(text_of(self.hint, lang))
        return f"{text} — {hint}" if hint else text

    def __str__(self) -> str:
        return self.text()

    @property
    def code(self) -> str:
        """The message's id in the catalogue (`number.negative`), or "" for plain text."""
        return self.message.id if isinstance(self.message, Said) else ""

    def _key(self) -> tuple[str, int, int, str, str, str]:
        # Sorted by place, then by the English words: the same order whatever the language shown.
        return (self.path, self.line, self.column, self.field, text_of(self.message, "en"), text_of(self.hint, "en"))

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def as_dict(self, lang: str | None = None) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "code": self.code,
            "message": printable(clip(text_of(self.message, lang))),
            "hint": printable(text_of(self.hint, lang)),
        }


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def clip(text: str, limit: int = 300) -> str:
    """Keep a message readable when it quotes something huge the file wrote."""
    return text if len(text) <= limit else f"{text[:limit - 20]}…{text[-10:]}"


def printable(text: str) -> str:
    """`text` with its tabs, newlines and other unprintable characters escaped, so what a file
    wrote cannot garble a terminal or a log."""
    return text if text.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


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
