"""Draft a year file from a report's text or Word document (`python build.py import`).

    read       text or .docx → paragraphs and grids, with offsets into the kept text
    structure  title, header facts, numbered headings → sections
    context    what a section's headings imply (area, scope of funds, stage)
    labels     the words before a number → row name, stage, relation
    amounts    money and rates in sentences → rows of income, expenditure, 三公, projects …
    counts     staffing, organisation, scores, work figures
    tables     绩效自评表 and 基础数据表 grids
    pipeline   walk, settle into the draft tree, write
    draft      the tree and its YAML, with a source comment on every figure

The draft is for review: it places a figure only where its field and stage are certain and
lists every other number under `unplaced:`, a key the content model does not accept, so
`build.py check` fails until a reviewer has dealt with them and removed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .pipeline import Draft, draft, strip_unplaced
from .read import read_path, read_text

__all__ = ["Draft", "ImportResult", "draft", "draft_text", "import_report", "strip_unplaced", "explain"]

UNPLACED = "unplaced"
PLACEHOLDER_REGION = "000000"


@dataclass
class ImportResult:
    draft: Draft
    written: list[Path]


def draft_text(text: str, year: int) -> Draft:
    """A draft from a report's text (the tab layout of a Word export)."""
    return draft(read_text(text), year)


def import_report(report: Path, content: Path, slug: str, year: int, force: bool = False) -> ImportResult:
    """Write content/departments/<slug>/<year>.yaml and .source.txt (and department.yaml if missing)."""
    folder = content / "departments" / slug
    year_file = folder / f"{year}.yaml"
    source_file = folder / f"{year}.source.txt"
    existing = [p for p in (year_file, source_file) if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise FileExistsError(f"{names} already exists; pass --force to overwrite it")
    text, blocks = read_path(report)
    result = draft(blocks, year)
    folder.mkdir(parents=True, exist_ok=True)
    written = [year_file, source_file]
    year_file.write_text(result.yaml, encoding="utf-8")
    source_file.write_text(text, encoding="utf-8")
    department = folder / "department.yaml"
    if not department.exists():
        department.write_text(department_draft(result.department), encoding="utf-8")
        written.append(department)
    return ImportResult(result, written)


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
    notes = []
    for problem in problems:
        if problem.field == UNPLACED and "unknown field" in problem.message:
            notes.append(f"{problem.path}: `unplaced:` is the importer's list of numbers it could not place; "
                         "move what belongs into the file, then delete the whole `unplaced:` key.")
        elif problem.field == "region" and PLACEHOLDER_REGION in problem.message:
            notes.append(f"{problem.path}: region {PLACEHOLDER_REGION} is the importer's placeholder; "
                         "write the county's code from content/regions.yaml.")
    return notes
