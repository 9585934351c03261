"""Rendering: one Jinja2 environment (autoescape, StrictUndefined), built once, all templates
loaded before any content is rendered. Knows templates, nothing of YAML."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

try:
    from markupsafe import _escape_inner  # the escaping alone, without making a Markup (MarkupSafe 3)
except ImportError:  # pragma: no cover - another MarkupSafe
    def _escape_inner(s: str, /) -> str:
        return str(escape(s))

from ..checks import RULES, SEVERITY_LABELS
from ..content.figures import Figure
from ..content.labels import qualified
from ..content.model import Site
from ..content.numbers import decimal_text
from ..site import charts, format as fmt, markdown, views
from ..site.contexts import CHECK_TYPES, CONTEXT_KEYS, check_context
from ..site.pages import Page
from . import plotly_assets


def relative(from_path: str, target: str) -> str:
    """A link from the page at `from_path` to site-relative `target` ('' is the home page)."""
    here = posixpath.dirname(from_path)
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if target in ("", "/"):
        rel = posixpath.relpath(".", here or ".")
        return ("./" if rel == "." else rel + "/") + anchor
    rel = _relpath(target, here)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + anchor


def _relpath(target: str, here: str) -> str:
    """posixpath.relpath(target, here or "."), without making both absolute first (a page
    asks for some thirty links): site paths are relative and hold no `.` or `..` part, and for
    those it comes to the parts after the common ones. Any other path goes to relpath."""
    to = [part for part in target.split("/") if part]
    start = [part for part in here.split("/") if part]
    if target.startswith("/") or here.startswith("/") or _DOTS.intersection(to) or _DOTS.intersection(start):
        return posixpath.relpath(target, here or ".")
    common = 0
    for a, b in zip(start, to):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) if parts else "."


_DOTS = frozenset({".", ".."})


def json_script(data: Any) -> Markup:
    """JSON for a <script type="application/json"> block, safe against </script> and comments;
    numbers in digits (chart values are exact decimals)."""
    text = fmt.json_text(data)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


class _Unindented(FileSystemLoader):
    """Templates with each line's indentation dropped: a page is a tenth smaller, and looks
    the same (HTML collapses white space; the one <pre> holds a variable, which this leaves
    as it is). The templates keep their indentation for the people who edit them."""

    # A line's indentation after a line ending in a block tag is kept as one space: trim_blocks
    # drops that newline, and the indentation was then what stood between the two lines' text.
    _INDENT = re.compile(r"(%\})?\n[ \t]+")

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if template.endswith((".html", ".xml")):
            source = self._INDENT.sub(lambda m: "%}\n " if m.group(1) else "\n", source.lstrip(" \t"))
        return source, filename, uptodate


class _Generator(CodeGenerator):
    """Jinja's code generator, but each `{{ value }}` of an autoescaped template written by one
    call, `environment.shown(value)` (`shown`), instead of `escape(environment.finalize(value))`:
    two calls of Python and a Markup made for every value a page prints (some 2,000 a report
    page), where the page needs only the escaped text. Anything else is generated as Jinja does."""

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_pre(node, frame, finalize)
        self.write("environment.shown(")

    def _output_child_post(self, node, frame, finalize) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_post(node, frame, finalize)
        self.write(")")


class _Environment(Environment):
    code_generator_class = _Generator

    @staticmethod
    def shown(value: Any) -> str:
        return _shown(value)


class Renderer:
    def __init__(self, templates: Path, site: Site, assets: dict[str, str], compiled: Path | None = None):
        """`compiled` keeps the templates compiled between builds (the build cache's folder,
        writable by its owner alone: what it holds is loaded as code)."""
        self.site = site
        self.assets = assets
        self.env = _Environment(
            # (named apart from plain Jinja's: code made by `_Generator` calls `environment.shown`)
            bytecode_cache=FileSystemBytecodeCache(str(compiled), "__jinja2_shown_%s.cache")
            if compiled is not None else None,
            loader=_Unindented(str(templates)),
            autoescape=select_autoescape(["html", "xml", "txt"], default_for_string=True, default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # `{{ value }}` of a Decimal writes it in digits, never `1E-7`, like the `digits` filter.
            finalize=_finalize,
        )
        self.env.filters.update(
            money=self._money,
            stated=fmt.stated_all,
            stated_percent=fmt.stated_percent,
            score=fmt.score,
            cn_date=fmt.cn_date,
            number=fmt.number,
            markdown=lambda text: Markup(markdown.render(text or "")),
            markdown_inline=lambda text: Markup(markdown.render_inline(text or "")),
            json_script=json_script,
            agree=fmt.agree,
            stat_rows=views.stats_rows,
            yuan=fmt.plain,
            digits=decimal_text,
            cell=cell_html,
            cells=cells_html,
            source_cells=source_cells_html,
            rows=rows_html,
            headline_cells=headline_cells_html,
            qualified=qualified,
        )
        self.env.globals["published_table"] = published_table_html
        self.env.globals["budget_execution_rows"] = views.budget_execution_rows
        self.env.globals["progress_rows"] = views.progress_rows
        self.env.globals.update(url=_url, asset=self._asset, site=site, money_unit=site.money_unit,
                                plotly_inert_ids=plotly_assets.injected_style_ids(), chart_theme=charts.THEME,
                                severity_labels=SEVERITY_LABELS, check_rules=RULES)
        # Load every template up front: a template error stops the build before any content work.
        self.templates = {name: self.env.get_template(name) for name in self.env.list_templates()
                          if not name.startswith(("_", "static/"))}

    def _money(self, figure: Figure | None) -> str:
        if figure is None:
            return ""
        return fmt.money(figure.value, self.site.money_unit)

    @pass_context
    def _asset(self, context, name: str) -> str:
        return _url(context, "assets/" + self.assets[name])

    def render(self, page: Page, context: Mapping[str, Any] | None = None) -> bytes:
        """The page's bytes. Its context must have exactly the keys its template's type declares
        (generator/site/contexts.py), and with SITE_CHECK_CONTEXTS=1 values of their types."""
        context = page.context if context is None else context
        expected = CONTEXT_KEYS[page.template]
        if set(context) != expected:
            raise ValueError(f"{page.template} got context keys {sorted(context)}, expects {sorted(expected)}")
        if CHECK_TYPES:
            check_context(page.template, context)
        text = self.templates[page.template].render(page=page, **context)
        return text.encode("utf-8")


def _shown(value: Any) -> str:
    """A value as `{{ value }}` writes it, `escape(_finalize(value))`, as text (no Markup made)."""
    if type(value) is str:
        return _escape_inner(value) if "\r" not in value else str(escape(_finalize(value)))
    if isinstance(value, Decimal):
        return _escape_inner(decimal_text(value))
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


def cell_html(cell: views.Cell | None) -> Markup:
    """A figure as a page prints it: `<data value="exact" title="原文：as stated">shown</data>`,
    with a flag when its statements disagree; nothing for no figure. Made here, not by the
    template, for the tables (`cells`): a report page prints some 250 figures, and each of
    their fields written by the template cost three calls of Python."""
    if cell is None:
        return Markup("")
    stated = _shown(cell.stated)
    html = f'<data value="{_shown(cell.value)}" title="原文：{stated}">{_shown(cell.shown)}</data>'
    if not cell.agree:
        html += f'<span class="flag" role="note">原文各处不一致：{stated}</span>'
    return Markup(html)


def rows_html(rows: Iterable[Sequence[Any]]) -> Markup:
    """A data table's body rows, the first value of each its row header: a chart's table
    (a year's page at a province's size has three of 2,000 rows). Each row a line of its own
    with one space before it, as the template's lines after a block tag are written."""
    return Markup("".join([f' <tr><th scope="row">{_shown(row[0])}</th>'
                           + "".join([f"<td>{_shown(v)}</td>" for v in row[1:]]) + "</tr>\n" for row in rows]))


HEADLINE_KEYS = ("income", "expenditure", "basic", "project", "sangong")


def headline_cells_html(h: Any) -> Markup:
    """A report's headline row in a comparison table (a year's page at a province's size has
    2,000 of them; a department's page one a year), after its row header: a cell for each
    headline figure with its stage, the 预算执行率 with what it is the rate of, the staff count
    and the self-evaluation score with its grade.
    Each cell a line of its own, `data-sort` holding the exact value the table sorts by."""
    out = []
    for key in HEADLINE_KEYS:
        c = h.cells[key]
        if c:
            out.append(f'<td class="num" data-sort="{_shown(c.value)}">{cell_html(c)}'
                       f'<span class="stage">{_shown(h.figures[key][1])}</span></td>\n')
        else:
            out.append('<td class="num" data-sort=""><span class="none">—</span></td>\n')
    c = h.rate_cell
    if c:
        out.append(f'<td class="num" data-sort="{_shown(c.value)}">{cell_html(c)}'
                   f'<span class="stage">{_shown(h.rate_of)}</span></td>\n')
    else:
        out.append('<td class="num" data-sort="">—</td>\n')
    if h.staff is not None:
        out.append(f'<td class="num" data-sort="{_shown(h.staff)}">{_shown(h.staff)}'
                   f'<span class="stage">{_shown(h.staff_label)}</span></td>\n')
    else:
        out.append('<td class="num" data-sort="">—</td>\n')
    c = h.score_cell
    if c:
        grade = f'<span class="stage">{_shown(h.grade)}</span>' if h.grade else ""
        out.append(f'<td class="num" data-sort="{_shown(c.value)}">{cell_html(c)}{grade}</td>\n')
    else:
        out.append('<td class="num" data-sort="">—</td>\n')
    return Markup("".join(out))


def published_table_html(table: Any, n: int, file_unit: str) -> Markup:
    """A 决算 table as published (model.PublishedTable), cell by cell as printed: numbers as
    stated in the table's unit (or its column's), a dash as printed, an empty cell empty."""
    unit = table.unit or file_unit
    coded = any(row.code for row in table.rows)
    caption = " ".join(_shown(v) for v in (table.label, table.title) if v)
    if table.scope:  # (a report printing its tables twice: the department's 汇总 and the 本级)
        caption += f"（{_shown(table.scope)}）"
    head = "".join(f'<th scope="col" class="num">{_shown(c.name)}'
                   + (f'<span class="unit">（{_shown(c.unit)}）</span>' if c.unit else "") + "</th>"
                   for c in table.columns)
    rows = []
    for row in table.rows:
        cells = "".join(f'<td class="num">{_published_cell(v)}</td>' for v in row.values)
        code = f'<td class="code">{_shown(row.code or "")}</td>' if coded else ""
        rows.append(f'<tr>{code}<th scope="row">{_shown(row.name)}</th>{cells}</tr>\n')
    if not rows:  # a table the report prints empty (本表无数据): its columns, and that it is empty
        rows.append(f'<tr><td class="empty" colspan="{len(table.columns) + 1 + coded}">本表无数据</td></tr>\n')
    body = "".join(rows)
    code_head = '<th scope="col">科目编码</th>' if coded else ""
    download = f' · <a href="tables.csv" download data-csv-file="pt-{n}">下载 CSV</a>' if table.rows else ""
    parts = [f'<div class="table-wrap" role="region" aria-labelledby="pt-{n}" tabindex="0">\n'
             f'<table class="published{" coded" if coded else ""}">\n'
             f'<caption id="pt-{n}">{caption}<span class="unit">单位：{_shown(unit)}{download}</span></caption>\n'
             f'<thead><tr>{code_head}<th scope="col" class="rowhead">项目</th>{head}</tr></thead>\n'
             f'<tbody>\n{body}</tbody>\n</table>\n</div>\n']
    if table.statement:
        parts.append(f'<p class="table-statement">{_shown(table.statement)}</p>\n')
    if table.note:
        parts.append(f'<p class="table-note">{_shown(table.note)}</p>\n')
    return Markup("".join(parts))


def _published_cell(value: Any) -> str:
    """A published table's cell: a number as printed, marked as a number for the CSV; a dash as printed."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f'<data value="{decimal_text(value)}">{_shown(value)}</data>'
    return _shown(value)


def source_cells_html(cells: Iterable[str], header: bool = False) -> Markup:
    """A row of an original table (原文 page): each cell's lines (its paragraphs in the original)
    apart by <br>, in a <th scope="col"> for the header row, else a <td>."""
    open_tag, close_tag = ('<th scope="col">', "</th>") if header else ("<td>", "</td>")
    return Markup("".join([open_tag + "<br>".join([_escape_inner(line) for line in cell.split("\n")]) + close_tag
                           for cell in cells]))


def cells_html(cells: Iterable[views.Cell | None]) -> Markup:
    """A figure table row's cells, each in a <td> (`cell_html`)."""
    return Markup("".join([f"<td>{cell_html(c)}</td>" for c in cells]))


def _finalize(value: Any) -> Any:
    if type(value) is str and "\r" in value:
        # An HTML (or XML) parser reads a carriage return in text or an attribute as a line feed;
        # written as a character reference it stays one, so a table's CSV made from the page
        # (static/table-csv.js) holds the text as stated.
        return Markup(str(escape(value)).replace("\r", "&#13;"))
    return decimal_text(value) if isinstance(value, Decimal) else value


@pass_context
def _url(context, target: str) -> str:
    page = context["page"]
    if page.rooted:
        return site_root(context["site"].base_url) + target
    return relative(page.path, target)


def site_root(base_url: str) -> str:
    """The path the site is served under, from its address: `/` for https://example.gov.cn/,
    `/yusuan/` for https://example.gov.cn/yusuan/ (base_url ends with a slash)."""
    return urllib.parse.urlsplit(base_url).path or "/"
