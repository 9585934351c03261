"""Load and validate all content: YAML files in, typed model out, or every problem at once.

Layout (see content/README.md):

    content/site.yaml
    content/regions.yaml
    content/departments/<slug>/department.yaml
    content/departments/<slug>/<year>.yaml
    content/departments/<slug>/<year>.source.txt

Parsing works on text (`parse_*`), so tests feed inline YAML; reading files is a thin
wrapper around it. Nothing here knows about HTML.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import annotated_types
from pydantic import BaseModel, ValidationError

from ..engine.cache import Cache
from . import yamlsafe
from .messages import Said, say
from .model import Department, Glossary, Regions, Site, YearReport
from .problems import ContentError, Problem, clip as _clip, field_path, printable as _escaped

M = TypeVar("M", bound=BaseModel)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 64
YEAR_FILE = re.compile(r"(?P<year>[0-9]{4})\.yaml")
SOURCE_FILE = re.compile(r"(?P<year>[0-9]{4})\.source\.txt")
MAX_SOURCE_BYTES = 4 * 1024 * 1024
#: Problems reported per file, first by line; the rest are counted. A file of 50,000 wrong
#: values would otherwise print 50,000 lines (and look up a "did you mean" for each).
MAX_PROBLEMS = 100


def is_slug(name: str) -> bool:
    """Whether `name` may name a department folder (and so its URL): lowercase ASCII letters, digits
    and single hyphens, at most MAX_SLUG characters."""
    return len(name) <= MAX_SLUG and SLUG.fullmatch(name) is not None


def _year_bounds() -> range:
    meta = YearReport.model_fields["year"].metadata
    low = next(m.ge for m in meta if isinstance(m, annotated_types.Ge))
    high = next(m.le for m in meta if isinstance(m, annotated_types.Le))
    assert isinstance(low, int) and isinstance(high, int)
    return range(low, high + 1)


#: The years a year file may be for: the model's bounds on `year:` (the file is named by those four digits).
REPORT_YEARS = _year_bounds()


@dataclass(frozen=True)
class ReportFile:
    """One department-year: the validated report, its file, and where each field was written."""

    slug: str
    year: int
    report: YearReport
    path: str
    marks: yamlsafe.Marks = field(repr=False, compare=False)
    source_path: str | None = None
    source_text: str | None = field(default=None, repr=False, compare=False)
    #: SHA-256 of the year file's and its original text's bytes: what the build cache keys on.
    digest: str = field(default="", repr=False, compare=False)

    def line_of(self, loc: tuple[object, ...]) -> int:
        return _mark_for(loc, self.marks)[0]


@dataclass(frozen=True)
class DepartmentEntry:
    slug: str
    department: Department
    path: str
    reports: tuple[ReportFile, ...]
    #: SHA-256 of department.yaml's bytes.
    digest: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class Content:
    root: Path
    site: Site
    regions: Regions
    departments: tuple[DepartmentEntry, ...]
    glossary: Glossary | None = None
    #: SHA-256 of site.yaml, regions.yaml and glossary.yaml (and the mark's image): what every page may show.
    digest: str = field(default="", repr=False, compare=False)
    #: The 党政机关网站标识 image site.yaml names, served from the site itself.
    mark_image: bytes | None = field(default=None, repr=False, compare=False)

    def reports(self) -> list[ReportFile]:
        return [r for d in self.departments for r in d.reports]


# --- text level -----------------------------------------------------------------------------


def parse(model: type[M], text: str | bytes, path: str, context: dict[str, Any] | None = None
          ) -> tuple[M | None, yamlsafe.Marks, list[Problem]]:
    """Parse and validate one content file's text; return the model or the problems."""
    try:
        if isinstance(text, bytes):
            text = yamlsafe.decode(text)
        # Keys that are not text (`2023:`, `null:`) are left out of `data` and reported with the rest.
        data, marks, key_problems = yamlsafe.read_all(text)
    except yamlsafe.YamlProblem as err:
        return None, {}, [_located(path, err.line, err.column, err.field, err.message, err.hint)]
    if data is None:
        return None, marks, [Problem(path, 1, 1, "", say("load.empty_file"), say("load.empty_file.hint"))]
    if not isinstance(data, dict):
        line, column = marks.get((), (1, 1))  # where the list or text starts, not the file's first line
        hint = say("load.not_mapping.list.hint") if isinstance(data, list) else say("load.not_mapping.hint")
        return None, marks, [_located(path, line, column, "", say("load.not_mapping", kind=_describe(data)), hint)]
    if model is YearReport:
        context = {**(context or {}), "unit": _declared_unit(data)}
    try:
        validated = model.model_validate(data, context=context)
    except ValidationError as err:
        return None, marks, _problems(err, marks, path, model, text, key_problems)
    if key_problems:
        return None, marks, _problems(None, marks, path, model, text, key_problems)
    return validated, marks, []


def parse_report(text: str | bytes, path: str = "<text>") -> YearReport:
    """Parse one year file's text or raise ContentError: the entry point for tests and tools."""
    report, _, problems = parse(YearReport, text, path)
    if problems:
        raise ContentError(problems)
    assert report is not None
    return report


def _declared_unit(data: dict[str, Any]) -> str:
    unit = data.get("unit")
    # An invalid or missing unit is reported by the model; figures are read as 万元
    # meanwhile so they do not add spurious decimal-place errors.
    return unit if unit in ("元", "万元") else "万元"


def _mark_for(loc: tuple[object, ...], marks: yamlsafe.Marks) -> tuple[int, int]:
    for end in range(len(loc), -1, -1):
        mark = marks.get(tuple(loc[:end]))
        if mark is not None:
            return mark
    return 1, 1


def _all_field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        for sub in _models_in(info.annotation):
            names |= _all_field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += _models_in(arg)
    return out


_FIELD_NAMES: dict[type, list[str]] = {}


def _suggest(key: str, model: type[BaseModel]) -> Said:
    if re.fullmatch(r"[0-9][0-9.]*", key):
        # `{name: 合计, actual: 1,234.5}` splits at the comma into a field `234.5`.
        return say("hint.flow_comma")
    if len(key) > 64:
        return say("load.suggest.see_schema")
    names = _FIELD_NAMES.setdefault(model, sorted(_all_field_names(model)))
    if key in names:
        return say("load.suggest.elsewhere", name=key)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        return say("load.suggest.did_you_mean", name=close[0])
    return say("load.suggest.see_schema")


def _describe(value: Any) -> Said:
    """What a value the file wrote is, for a message: its kind, or the value itself, cut short."""
    if value is None:
        return say("kind.nothing")
    if isinstance(value, dict):
        return say("kind.mapping")
    if isinstance(value, list):
        return say("kind.list")
    return say("kind.value", value=_clip(repr(value), 60))


def _problems(err: ValidationError | None, marks: yamlsafe.Marks, path: str, model: type[BaseModel], text: str = "",
              key_problems: list[yamlsafe.YamlProblem] | tuple = ()) -> list[Problem]:
    errors = err.errors(include_url=False) if err is not None else []
    # A list whose entries failed also fails its length bound; the entries' errors say it all.
    failed_inside = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    located: list[tuple[tuple[int, int], Any]] = []  # pydantic's error details, or a YamlProblem
    for e in errors:
        # An error a model raises about one of its parts names the part (`at` in its context).
        e["loc"] = loc = (*e["loc"], *(e.get("ctx") or {}).get("at", ()))
        if e["type"] == "too_short" and loc in failed_inside:
            continue
        located.append((_mark_for(loc[:-1] if e["type"] == "missing" else loc, marks), e))
    located += [((k.line, k.column), k) for k in key_problems]
    # Only the first MAX_PROBLEMS by position are spelled out (stable: pydantic's order within a line).
    located.sort(key=lambda item: item[0])
    lines = text.split("\n")
    out = [_problem(e, where, path, model, lines) if isinstance(e, dict) else
           _located(path, e.line, e.column, e.field, e.message, e.hint) for where, e in located[:MAX_PROBLEMS]]
    if len(located) > MAX_PROBLEMS:
        (line, col), _ = located[MAX_PROBLEMS]
        out.append(Problem(path, line, col, "", say("load.more_problems", count=len(located) - MAX_PROBLEMS),
                           say("load.more_problems.hint", limit=MAX_PROBLEMS)))
    return out


def _problem(e: Any, where: tuple[int, int], path: str, model: type[BaseModel], lines: list[str]) -> Problem:
    """One pydantic error as a problem in the catalogue's words (`pydantic.<type>`)."""
    loc = tuple(e["loc"])
    kind = e["type"]
    line, col = where
    ctx = e.get("ctx") or {}
    value = e.get("input")
    hint: Said | str = ""
    if kind == "missing":
        message = say("pydantic.missing")
        hint = say("pydantic.missing.hint", name=loc[-1])
    elif kind == "extra_forbidden":
        message = say("pydantic.extra_forbidden", name=repr(_clip(str(loc[-1]), 60)))
        hint = _suggest(str(loc[-1]), model)
    elif kind == "figure":
        message, hint = ctx["message"], ctx.get("hint", "")
    elif kind == "blank":
        message, hint = _blank(lines[line - 1] if 0 < line <= len(lines) else "", col, ctx.get("required", False))
    elif kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        message = say("pydantic.literal_error", value=_describe(value))
        hint = say("pydantic.literal_error.hint", expected=expected, expected_zh=expected.replace(" or ", "、")
                   .replace(", ", "、"))
    elif kind == "string_type":
        message = say("pydantic.string_type", kind=_describe(value))
        hint = say("pydantic.string_type.hint")
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = say("pydantic.model_type", kind=_describe(value))
        hint = say("pydantic.model_type.hint")
    elif kind in ("tuple_type", "list_type"):
        message = say("pydantic.list_type", kind=_describe(value))
        hint = say("pydantic.list_type.hint")
    elif kind == "string_too_short":
        message = say("pydantic.string_too_short")
        hint = say("pydantic.string_too_short.hint")
    elif kind == "string_too_long":
        message = say("pydantic.string_too_long", limit=ctx.get("max_length", "?"))
    elif kind == "too_short":
        needed = ctx.get("min_length", 1)
        message = say("pydantic.too_short_one") if needed == 1 else say("pydantic.too_short", limit=needed)
        hint = say("pydantic.too_short.hint")
    elif kind == "too_long":
        message = say("pydantic.too_long", limit=ctx.get("max_length", "?"))
    elif kind == "string_pattern_mismatch":
        message = say("pydantic.string_pattern_mismatch", value=_describe(value))
        hint = _pattern_hint(str(loc[-1]), ctx.get("pattern", ""))
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message = say("pydantic.int_type", value=_describe(value))
        hint = say("pydantic.int_type.hint")
    elif kind in ("bool_type", "bool_parsing"):
        message = say("pydantic.bool_type", value=_describe(value))
        hint = say("figure.not_flag.hint")
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        message = say("pydantic.out_of_range", value=_describe(value))
        limit = next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), "?")
        hint = say(f"pydantic.{kind}.hint", limit=limit)
    else:  # a type the catalogue has no words for: pydantic's own, said to be such in Chinese
        message = say("pydantic.other", detail=e["msg"])
    return _located(path, line, col, field_path(loc), message, hint)


# After a key at the start of `rest`: plain, or quoted, then the colon.
_AFTER_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\s][^:]*?)\s*:(?:\s+(?P<value>.*))?$""")


def _blank(line: str, column: int, required: bool) -> tuple[Said, Said]:
    """The problem with a number field written empty, in the words of what was written after its
    key (the key stands at `column` of `line`): nothing, `~`, `null`, or a comment such as `#12`."""
    found = _AFTER_KEY.match(line[column - 1:].rstrip("\r"))
    after = (found.group("value") or "").strip() if found else ""
    if after.startswith("#"):
        message = say("load.blank_comment", after=_clip(after, 40))
        hint = say("load.blank_comment.required.hint" if required else "load.blank_comment.hint")
        return message, hint
    head = re.match(r"[^\s,}\]#]*", after)  # `~, name: x}` in a flow mapping
    assert head is not None  # (it matches any text, if only its empty start)
    written = head.group()
    message = say("load.blank_null", written=_clip(written, 40)) if written else say("load.blank")
    if required:
        return message, say("load.blank.required.hint")
    return message, say("load.blank.hint")


def _located(path: str, line: int, column: int, field: str, message: Said | str, hint: Said | str) -> Problem:
    """A problem whose text is safe to print: the field path the file wrote is cut to a readable
    length and its unprintable characters escaped (the message and hint are, when worded)."""
    return Problem(path, line, column, _escaped(_clip(field)), message, hint)


def _pattern_hint(name: str, pattern: str) -> Said:
    if name in ("region", "code") and "6" in pattern:
        return say("pydantic.pattern.region.hint")
    if name == "code":
        return say("pydantic.pattern.code.hint")
    if name == "slug":
        return say("pydantic.pattern.slug.hint")
    if name == "base_url":
        return say("pydantic.pattern.base_url.hint")
    return say("pydantic.pattern.hint", pattern=pattern)


# --- file level -----------------------------------------------------------------------------


def _rel(path: Path, root: Path) -> str:
    """The path as problems show it, `content/departments/…`; names below the content folder
    that cannot be printed (newlines, escape sequences, bytes that are not UTF-8) are escaped,
    so a hostile file name cannot garble the terminal or the --json output."""
    try:
        below = path.relative_to(root)
    except ValueError:
        return str(path)
    shown = "/".join(part if part.isprintable() else _escaped(part) for part in below.parts)
    return f"{root.name}/{shown}" if shown else root.name


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, every symbolic link along it followed, lies inside `root`."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
    except (OSError, RuntimeError):  # a link loop: reading it fails and says so
        return True


def _read_bytes(path: Path, root: Path, problems: list[Problem], limit: int) -> bytes | None:
    """A content file's bytes, or a problem: never a traceback, never an unbounded read."""
    rel = _rel(path, root)
    try:
        info = path.stat()
    except OSError as err:  # a broken or looping symbolic link, a file that cannot be opened
        problems.append(Problem(rel, 1, 1, "", say("load.cannot_read", reason=err.strerror or str(err)),
                                say("load.cannot_read.link.hint")))
        return None
    if not _inside(path, root):  # the file or a folder above it links out of content/
        problems.append(Problem(rel, 1, 1, "", say("load.link_outside"), say("load.link_outside.hint")))
        return None
    if not stat.S_ISREG(info.st_mode):  # a folder, a named pipe (would block for ever), a device
        problems.append(Problem(rel, 1, 1, "", say("load.not_regular"), say("load.not_regular.hint")))
        return None
    if info.st_size > limit:
        problems.append(Problem(rel, 1, 1, "", say("yaml.too_big", size=info.st_size, limit=limit),
                                say("hint.split_content")))
        return None
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # bounded even if the file grows meanwhile
    except OSError as err:
        problems.append(Problem(rel, 1, 1, "", say("load.cannot_read", reason=err.strerror or str(err)),
                                say("hint.check_permissions")))
        return None
    if len(raw) > limit:
        problems.append(Problem(rel, 1, 1, "", say("load.over_limit", limit=limit), say("hint.split_content")))
        return None
    return raw


def _list(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """A folder's entries by name, or a problem if it cannot be listed."""
    try:
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        problems.append(Problem(_rel(folder, root), 1, 1, "", say("load.cannot_list", reason=err.strerror or str(err)),
                                say("hint.check_permissions")))
        return []


def _ignored(name: str) -> bool:
    """System and editor files (.DS_Store, .git, .2020.yaml.swp) are skipped; `..x` is not one."""
    return name.startswith(".") and not name.startswith("..")


def _load_file(model: type[M], path: Path, root: Path, problems: list[Problem], cache: Cache,
               context: dict[str, Any] | None = None) -> tuple[M | None, yamlsafe.Marks, bytes | None]:
    """The model of one file (None when it has problems), where each field was written, its bytes."""
    rel = _rel(path, root)
    if not path.exists() and not path.is_symlink():  # a broken link is reported by _read_bytes
        problems.append(Problem(rel, 1, 1, "", say("load.missing_file"), say("load.missing_file.hint")))
        return None, {}, None
    raw = _read_bytes(path, root, problems, yamlsafe.MAX_BYTES)
    if raw is None:
        return None, {}, None
    result, marks, found = cache.get_or_make("parse", (model.__name__, rel, repr(context), raw),
                                             lambda: parse(model, raw, rel, context))
    problems.extend(found)
    return result, marks, raw


def _region_codes(regions: Regions) -> dict[str, int]:
    """Every region code with its depth (0 province, 1 city, 2 county)."""
    out: dict[str, int] = {}

    def walk(items, depth):
        for region in items:
            out[region.code] = depth
            walk(region.children, depth + 1)

    walk(regions.regions, 0)
    return out


@dataclass(frozen=True)
class Scope:
    """The site-wide files every department is built with: the content with no departments
    (site, regions, glossary and their digest), the region codes by depth, the department
    folders to build, and the problems found so far. `codes` is None when regions.yaml failed."""

    root: Path
    content: Content | None
    codes: dict[str, int] | None
    folders: tuple[Path, ...]
    problems: tuple[Problem, ...]


def load_scope(root: Path | str, cache: Cache | None = None) -> Scope:
    """Read site.yaml, regions.yaml and glossary.yaml, and list the department folders."""
    root = Path(root)
    cache = cache or Cache(None)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(str(root), 1, 1, "", say("load.no_content"), say("load.no_content.hint"))])
    site, site_marks, site_raw = _load_file(Site, root / "site.yaml", root, problems, cache)
    regions, region_marks, regions_raw = _load_file(Regions, root / "regions.yaml", root, problems, cache)
    glossary: Glossary | None = None
    glossary_raw: bytes | None = b""
    if (root / "glossary.yaml").exists():
        glossary, _, glossary_raw = _load_file(Glossary, root / "glossary.yaml", root, problems, cache)
    codes = _region_codes(regions) if regions else None  # None: regions.yaml failed, its problems say so
    if regions:
        _check_regions(regions, region_marks, _rel(root / "regions.yaml", root), problems)
    folders: list[Path] = []
    dept_root = root / "departments"
    if not dept_root.is_dir():
        problems.append(Problem(_rel(dept_root, root), 1, 1, "", say("load.no_departments"),
                                say("load.no_departments.hint")))
    elif not _inside(dept_root, root):
        problems.append(Problem(_rel(dept_root, root), 1, 1, "", say("load.link_outside"),
                                say("load.link_outside.departments.hint")))
    else:
        folders = [f for f in _list(dept_root, root, problems) if not _ignored(f.name)]
    mark = _mark_image(site, site_marks, root, problems) if site is not None and site.government_mark else None
    content = None
    if site is not None and regions is not None:
        digest = hashlib.sha256()
        for raw in (site_raw, regions_raw, glossary_raw, mark):
            digest.update(len(raw or b"").to_bytes(8, "little") + (raw or b""))
        content = Content(root=root, site=site, regions=regions, departments=(), glossary=glossary,
                          digest=digest.hexdigest(), mark_image=mark)
    return Scope(root, content, codes, tuple(folders), tuple(problems))


#: The largest 党政机关标识 image read (the issued images are a few kilobytes).
MAX_MARK_BYTES = 512 * 1024


def _mark_image(site: Site, marks: yamlsafe.Marks, root: Path, problems: list[Problem]) -> bytes | None:
    """The bytes of site.yaml's government_mark.image, a file in content/; or a problem."""
    assert site.government_mark is not None
    image = site.government_mark.image
    path = root / image
    if not path.exists() and not path.is_symlink():
        line, column = marks.get(("government_mark", "image"), (1, 1))
        problems.append(Problem(_rel(root / "site.yaml", root), line, column, "government_mark.image",
                                say("load.mark_missing", path=image),
                                say("load.mark_missing.hint")))
        return None
    return _read_bytes(path, root, problems, MAX_MARK_BYTES)


def load_department(folder: Path, scope: Scope, cache: Cache | None = None
                    ) -> tuple[DepartmentEntry | None, list[Problem]]:
    """One department folder's files, validated: the entry, or the problems (or both empty for
    a folder that is skipped)."""
    problems: list[Problem] = []
    return _load_department(folder, scope.root, scope.codes, problems, cache or Cache(None)), problems


def load_content(root: Path | str) -> Content:
    """Load every file under `root` at once; raise ContentError naming every problem found.
    (A build loads one department at a time, generator/department/build.py; this is for tools and tests.)"""
    scope = load_scope(root)
    problems = list(scope.problems)
    departments = []
    for folder in scope.folders:
        entry, found = load_department(folder, scope)
        problems.extend(found)
        if entry is not None:
            departments.append(entry)
    if problems:
        raise ContentError(problems)
    assert scope.content is not None
    return replace(scope.content, departments=tuple(departments))


def _check_regions(regions: Regions, marks: yamlsafe.Marks, rel: str, problems: list[Problem]) -> None:
    seen: dict[str, tuple[object, ...]] = {}

    def walk(items, loc):
        for i, region in enumerate(items):
            here = (*loc, i)
            if region.code in seen:
                line, col = _mark_for((*here, "code"), marks)
                problems.append(Problem(rel, line, col, field_path((*here, "code")),
                                        say("load.duplicate_region", code=region.code),
                                        say("load.duplicate_region.hint")))
            seen[region.code] = here
            walk(region.children, (*here, "children"))

    walk(regions.regions, ("regions",))


def _load_department(folder: Path, root: Path, codes: dict[str, int] | None,
                     problems: list[Problem], cache: Cache) -> DepartmentEntry | None:
    rel = _rel(folder, root)
    if _ignored(folder.name):
        return None
    if not _inside(folder, root):
        problems.append(Problem(rel, 1, 1, "", say("load.link_outside"), say("load.link_outside.folder.hint")))
        return None
    if not folder.is_dir():
        problems.append(Problem(rel, 1, 1, "", say("load.not_department_folder"),
                                say("load.not_department_folder.hint")))
        return None
    if not is_slug(folder.name):
        problems.append(Problem(rel, 1, 1, "", say("load.bad_slug", name=repr(_clip(folder.name, 80))),
                                say("load.bad_slug.hint")))
        return None
    department, marks, department_raw = _load_file(Department, folder / "department.yaml", root, problems, cache)
    if department is None or codes is None:
        pass
    elif department.region not in codes:
        line, col = _mark_for(("region",), marks)
        problems.append(Problem(_rel(folder / "department.yaml", root), line, col, "region",
                                say("load.region_unknown", code=department.region), say("load.region_unknown.hint")))
    elif codes[department.region] != 2:
        line, col = _mark_for(("region",), marks)
        problems.append(Problem(_rel(folder / "department.yaml", root), line, col, "region",
                                say("load.region_not_county", code=department.region),
                                say("load.region_not_county.hint")))

    reports = []
    sources = {}
    entries = _list(folder, root, problems)
    for path in entries:
        name = path.name
        if name == "department.yaml" or _ignored(name):
            continue
        if YEAR_FILE.fullmatch(name):
            continue
        match = SOURCE_FILE.fullmatch(name)
        if match:
            sources[int(match.group("year"))] = path
            continue
        problems.append(Problem(_rel(path, root), 1, 1, "", say("load.unexpected_file", name=repr(_clip(name, 80))),
                                say("load.unexpected_file.hint")))
    for path in entries:
        match = YEAR_FILE.fullmatch(path.name)
        if not match:
            continue
        report = _load_year(path, root, int(match.group("year")), sources.pop(int(match.group("year")), None),
                            folder.name, problems, cache)
        if report is not None:
            reports.append(report)
    for year, path in sorted(sources.items()):
        problems.append(Problem(_rel(path, root), 1, 1, "", say("load.orphan_source", year=year),
                                say("load.orphan_source.hint", year=year)))
    if department is None:
        return None
    return DepartmentEntry(slug=folder.name, department=department, path=_rel(folder / "department.yaml", root),
                           reports=tuple(reports), digest=hashlib.sha256(department_raw or b"").hexdigest())


def _load_year(path: Path, root: Path, year: int, source: Path | None, slug: str,
               problems: list[Problem], cache: Cache) -> ReportFile | None:
    rel = _rel(path, root)
    report, marks, raw = _load_file(YearReport, path, root, problems, cache)
    source_text = None
    digest = hashlib.sha256(rel.encode() + b"\0")
    digest.update(raw or b"")
    if source is not None:
        raw = _read_bytes(source, root, problems, MAX_SOURCE_BYTES)
        if raw is not None:
            digest.update(b"\0source\0" + raw)
            try:
                source_text = yamlsafe.decode(raw)
            except yamlsafe.YamlProblem as err:
                problems.append(Problem(_rel(source, root), err.line, err.column, "", err.message, err.hint))
    if report is None:
        return None
    if report.year != year:
        line, col = _mark_for(("year",), marks)
        problems.append(Problem(rel, line, col, "year", say("load.year_mismatch", year=report.year, name=path.name),
                                say("load.year_mismatch.hint", year=report.year)))
        return None
    return ReportFile(slug=slug, year=year, report=report, path=rel, marks=marks,
                      source_path=_rel(source, root) if source else None, source_text=source_text,
                      digest=digest.hexdigest())
