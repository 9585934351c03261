"""Small helpers the tests share (fixtures are in conftest.py)."""

from __future__ import annotations


def year_head(unit: str = "万元", year: int = 2020, kind: str = "部门决算", title: str = "测试") -> str:
    """The five lines a year file opens with (its year, unit and one document), for tests that
    write the rest of the file inline: the body they add starts on line 6, which is what their
    expected problem lines count from."""
    return f"year: {year}\nunit: {unit}\ndocuments:\n  - kind: {kind}\n    title: {title}\n"


#: The head of a 2020 部门决算 in 万元, the year file most tests write.
HEAD = year_head()
