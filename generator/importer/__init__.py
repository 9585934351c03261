"""Draft a year file from a report's text, Word, Excel or PDF file (`python build.py import`).

    read       text, .docx, .xlsx, .xls or text .pdf → paragraphs and grids, with offsets into the kept text
    structure  title, header facts, numbered headings → sections
    context    what a section's headings imply (area, scope of funds, stage)
    labels     the words before a number → row name, stage, relation
    amounts    money and rates in sentences → rows of income, expenditure, 三公, projects …
    counts     staffing, organisation, scores, work figures
    tables     绩效自评表 and 基础数据表 grids
    published  the 决算 tables as published (公开01–09表 …), cell by cell into `tables:`
    review     the clerk's review page of a draft (`import --review FILE`)
    pipeline   walk, settle into the draft tree, write
    draft      the tree and its YAML, with a source comment on every figure

The draft is for review: it places a figure only where its field and stage are certain and
lists every other number under `unplaced:`, a key the content model does not accept, so
`build.py check` fails until a reviewer has dealt with them and removed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.load import MAX_SLUG, REPORT_YEARS, is_slug
from ..content.messages import say
from .pipeline import Draft, draft, strip_unplaced
from .read import CONTROLS, ImportRefused, read_path, read_text, shown, unaccepted_revisions

__all__ = ["Draft", "ImportRefused", "ImportResult", "draft", "draft_text", "import_report", "strip_unplaced",
           "explain"]

UNPLACED = "unplaced"
PLACEHOLDER_REGION = "000000"


@dataclass
class ImportResult:
    draft: Draft
    written: list[Path]
    #: The report is a Word file with tracked revisions not yet accepted (read as if accepted).
    revisions: bool = False


def draft_text(text: str, year: int) -> Draft:
    """A draft from a report's text (the tab layout of a Word export)."""
    return draft(read_text(text.translate(CONTROLS)), year)


def import_report(report: Path, content: Path, slug: str, year: int, force: bool = False) -> ImportResult:
    """Write content/departments/<slug>/<year>.yaml and .source.txt (and department.yaml if missing).

    The slug and year are held to the loader's rules and every file written must lie inside
    `content`, symbolic links followed; otherwise, or if the report cannot be read, ImportRefused
    says why in one line and nothing is written.
    """
    folder, year_file, source_file, department = _targets(content, slug, year)
    existing = [p for p in (year_file, source_file) if p.exists()]
    if existing and not force:
        names = [shown(p) for p in existing]
        raise ImportRefused(say("import.exists", path=names[0]) if len(names) == 1
                            else say("import.exists_both", first=names[0], second=names[1]))
    text, blocks = read_path(report)
    result = draft(blocks, year, shown(report.name))
    written = [year_file, source_file]
    files = {year_file: result.yaml, source_file: text}
    if not department.exists():
        files[department] = department_draft(result.department)
        written.append(department)
    target = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, body in files.items():
            target.write_text(body, encoding="utf-8")
    except OSError as err:
        raise ImportRefused(say("import.cannot_write", path=shown(target), reason=shown(err.strerror or err))) from None
    return ImportResult(result, written, unaccepted_revisions(report))


def _targets(content: Path, slug: str, year: int) -> tuple[Path, Path, Path, Path]:
    """The department folder and the three files an import may write, each checked to lie inside `content`."""
    if not is_slug(slug):
        raise ImportRefused(say("import.bad_department", slug=shown(repr(slug)), limit=MAX_SLUG))
    if year not in REPORT_YEARS:
        raise ImportRefused(say("import.bad_year", year=year, first=REPORT_YEARS[0], last=REPORT_YEARS[-1]))
    if content.exists() and not content.is_dir():
        raise ImportRefused(say("import.content_not_folder", path=shown(content)))
    folder = content / "departments" / slug
    paths = (folder, folder / f"{year}.yaml", folder / f"{year}.source.txt", folder / "department.yaml")
    try:
        root = content.resolve()
        for path in paths:
            resolved = path.resolve()
            if not resolved.is_relative_to(root):
                raise ImportRefused(say("import.link_outside", path=shown(path), resolved=shown(resolved)))
            if path is not folder and path.exists() and not path.is_file():
                raise ImportRefused(say("import.not_regular_target", path=shown(path)))
    except (OSError, RuntimeError) as err:  # a link loop
        reason = shown(getattr(err, "strerror", None) or err)
        raise ImportRefused(say("import.cannot_place", path=shown(folder), reason=reason)) from None
    if folder.exists() and not folder.is_dir():
        raise ImportRefused(say("import.not_folder", path=shown(folder)))
    return paths


def department_draft(name: str | None) -> str:
    """A minimal department.yaml: the name as the report gives it, the region left for the reviewer."""
    shown = name or "待填写：部门全称"
    return (
        "# yaml-language-server: $schema=../../../schema/department.schema.json\n"
        "# 导入草稿：部门名称取自报告标题或落款，请核对。\n"
        f"name: {shown}\n"
        "# 待填写：所在县（区）的六位行政区划代码（须在 content/regions.yaml 中），再删去本行注释。\n"
        f'region: "{PLACEHOLDER_REGION}"\n'
    )


def explain(problems) -> list[str]:
    """Notes for `build.py check` on problems an import draft causes on purpose."""
    from ..content.messages import t

    notes = []
    for problem in problems:
        if problem.field == UNPLACED and problem.code == "pydantic.extra_forbidden":
            notes.append(t("import.note.unplaced", path=problem.path))
        elif problem.field == "region" and problem.code == "load.region_unknown" \
                and dict(problem.message.params).get("code") == PLACEHOLDER_REGION:
            notes.append(t("import.note.region", path=problem.path, code=PLACEHOLDER_REGION))
    return notes
