"""The numbers Word draws before list paragraphs.

A clerk's heading 一、部门（单位）基本情况 is often not typed: the paragraph belongs to a multilevel
list (`w:numPr` in the paragraph or its style) and Word draws 一、 / （一） / 1. from the list's
definition in `numbering.xml`. The text of the paragraph lacks it, and with it the outline the
report's numbering gives. `ListNumbers` counts the lists as Word does and gives each paragraph
the label Word shows: a counter per abstract list and level, deeper levels restarting when a
level above moves on, a `startOverride` restarting its list where it is first used; the number
formats a report uses (decimal, full-width, Chinese counting, circled, letters, roman), bullets
none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_DIGITS = "零一二三四五六七八九"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes it)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + _DIGITS[rest]) if rest < 10 else \
            (_DIGITS[1] + _chinese(rest) if rest < 20 else _chinese(rest))
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def formatted(n: int, fmt: str) -> str | None:
    """The number n in a list's number format; None for a bullet or a format drawing no number."""
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        if fmt == "chineseLegalSimplified":
            return _chinese(n).translate(str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰"))
        if fmt == "ideographDigital":
            return "".join(_DIGITS[int(d)] for d in str(n))
        return _chinese(n)
    if fmt in ("ideographTraditional",):
        return _TRADITIONAL[(n - 1) % 10] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 0 < n <= 20 else str(n)
    if fmt in ("decimalEnclosedParen",):
        return f"({n})"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return None  # bullet, none, and formats no report uses


def qn(tag: str) -> str:
    """A WordprocessingML name in Clark notation (python-docx's; imported when first asked, so that
    the .doc reader, which shares `formatted`, needs no lxml)."""
    from docx.oxml.ns import qn as clark

    return clark(tag)


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class ListCounters:
    """Word's list counters, for the .docx reader and the .doc reader alike: one per list and level.
    A list instance's start overrides set its list's counters where the instance is first used; a
    level moves on by one from its start; each deeper level restarts then, but for one whose restart
    limit (lvlRestart, ilvlRestartLim) lies above the level that moved."""

    def __init__(self) -> None:
        self.counters: dict[Any, dict[int, int]] = {}
        self.started: set[Any] = set()

    def step(self, list_id: Any, instance: Any, level: int, start: int, overrides: dict[int, int],
             restart: Callable[[int], int | None]) -> dict[int, int]:
        """Move `level` of `list_id` on (its first number `start`), as a paragraph of `instance`
        does: the list's counters by level after it. `restart(deeper)` is a deeper level's limit."""
        counters = self.counters.setdefault(list_id, {})
        if instance not in self.started:
            self.started.add(instance)
            for lvl, first in overrides.items():
                counters[lvl] = first - 1
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            limit = restart(deeper)
            if limit is None or limit > level:
                del counters[deeper]
        return counters


class ListNumbers:
    """The labels of a document's list paragraphs, read in document order."""

    def __init__(self, document: Any) -> None:
        #: Each abstract list's levels: level → (start, format, text, restart after level).
        self.levels: dict[str, dict[int, tuple[int, str, str, int | None]]] = {}
        #: Each list instance's abstract list and its start overrides by level.
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters = ListCounters()
        self.styles: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in numbering.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[int, str, str, int | None]] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                restart = _val(lvl, "w:lvlRestart")
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(_val(lvl, "w:start") or 1), _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "",
                    int(restart) if restart is not None and restart.isdigit() else None)
            self.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in numbering.findall(qn("w:num")):
            overrides = {int(o.get(qn("w:ilvl"), "0")): int(start)
                         for o in num.findall(qn("w:lvlOverride")) if (start := _val(o, "w:startOverride"))}
            self.instances[num.get(qn("w:numId"), "")] = (_val(num, "w:abstractNumId") or "", overrides)
        for style in document.styles.element.findall(qn("w:style")):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None and (num_id := _val(num_pr, "w:numId")):
                self.styles[style.get(qn("w:styleId"), "")] = (num_id, int(_val(num_pr, "w:ilvl") or 0))

    def label(self, paragraph: Any) -> str:
        """The label Word draws before the paragraph ("" for none), the lists' counters moved on."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id: str | None = None
        level = 0
        if num_pr is not None:
            num_id, level = _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl") or 0)
        elif p_pr is not None and (style := _val(p_pr, "w:pStyle")) in self.styles:
            num_id, level = self.styles[style]
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        abstract, overrides = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels or levels[level][1] in ("bullet", "none"):
            return ""
        counters = self.counters.step(abstract, num_id, level, levels[level][0], overrides,
                                      lambda deeper: levels.get(deeper, (0, "", "", None))[3])
        text = levels[level][2]
        missing = False

        def number(match: re.Match[str]) -> str:
            nonlocal missing
            k = int(match.group(1)) - 1
            first, fmt = levels.get(k, (1, "decimal", "", None))[:2]
            shown = formatted(counters.get(k, first), fmt)
            if shown is None:
                missing = True
                return ""
            return shown

        label = re.sub(r"%([1-9])", number, text)
        return "" if missing or not label.strip() else label
