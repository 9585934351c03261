"""Page contexts against their templates: each template reads exactly the keys its context type
declares (generator/site/contexts.py), only attributes those types have, and every context of
the default content is of its type."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from pathlib import Path

import pytest
import typing_extensions
from jinja2 import Environment, meta, nodes
from pydantic import BaseModel, ValidationError

from generator.content.load import load_content
from generator.engine.pipeline import TEMPLATES
from generator.outputs.render import Renderer
from generator.site import contexts
from generator.site.contexts import CONTEXTS, check_context
from generator.site.pages import plan
from tests.seeds import CONTENT

#: Names a template may test with `is defined` without a context declaring them: base.html
#: loads the chart script when a page has `charts`; _performance.html numbers a project's table
#: by the `loop` it is included in.
OPTIONAL = "defined"


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def env(content) -> Environment:
    return Renderer(TEMPLATES, content.site, {}).env


@pytest.fixture(scope="module")
def pages(content):
    return plan(content)


def _bound(ast: nodes.Template) -> set[str]:
    """Every name a template binds anywhere: set, for, with, macros and their parameters, imports."""
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names |= {m.name for m in ast.find_all(nodes.Macro)}
    for imported in ast.find_all(nodes.FromImport):
        names |= {n if isinstance(n, str) else n[1] for n in imported.names}
    names |= {imported.target for imported in ast.find_all(nodes.Import)}
    return names


def _optional(ast: nodes.Template) -> set[str]:
    return {t.node.name for t in ast.find_all(nodes.Test) if t.name == OPTIONAL and isinstance(t.node, nodes.Name)}


def template_reads(env: Environment, name: str, keys: frozenset[str], seen: set[str] | None = None
                   ) -> tuple[set[str], set[str], list[nodes.Template]]:
    """The names a template reads from its context (with the templates it includes and extends):
    those it needs, those it only tests with `is defined`, and the parsed templates.

    An included template sees the includer's variables too, so a name it reads that the
    includer binds somewhere is taken as the includer's, unless it is a context key (the
    include may stand where the key is not rebound: report.html's `indicator_rows`). So a key
    a template rebinds before every use is still counted as read: Jinja's scoping is not
    followed that far."""
    seen = set() if seen is None else seen
    if name in seen:
        return set(), set(), []
    seen.add(name)
    ast = env.parse(env.loader.get_source(env, name)[0])
    defined = _optional(ast)
    local = _bound(ast) - keys
    # What a page's blocks read of its top level (macros defined or imported, `set` outside a
    # block) Jinja reports as undeclared: taken as the template's own, as with an include.
    needed = set(meta.find_undeclared_variables(ast)) - local
    parsed = [ast]
    for node in ast.find_all((nodes.Include, nodes.Extends)):
        assert isinstance(node.template, nodes.Const), f"{name}: an included template's name must be written out"
        sub_needed, sub_defined, sub_parsed = template_reads(env, node.template.value, keys, seen)
        needed |= sub_needed - local
        defined |= sub_defined - local
        parsed += sub_parsed
    return needed, defined, parsed


def mismatches(env: Environment, template: str, declared: frozenset[str]) -> tuple[set[str], set[str]]:
    """(keys declared but never read, names read but neither declared nor global)."""
    needed, defined, _ = template_reads(env, template, declared)
    given = set(env.globals) | {"page"}
    unused = set(declared) - needed - defined
    undeclared = needed - declared - given - defined
    return unused, undeclared


def test_every_page_template_has_a_context_type(env):
    pages = {name for name in env.list_templates() if not name.startswith(("_", "static/")) and name != "base.html"}
    assert pages == set(CONTEXTS)


@pytest.mark.parametrize("template", sorted(CONTEXTS))
def test_each_template_reads_exactly_the_keys_its_context_declares(env, template):
    unused, undeclared = mismatches(env, template, contexts.CONTEXT_KEYS[template])
    assert not unused, f"{template} never reads {sorted(unused)}: drop them from its context"
    assert not undeclared, f"{template} reads {sorted(undeclared)}, which its context does not declare"


def test_a_key_a_template_never_reads_or_a_name_it_reads_undeclared_is_found(env):
    # source.html had `rf` in its context and never read it
    assert mismatches(env, "source.html", contexts.CONTEXT_KEYS["source.html"] | {"rf"}) == ({"rf"}, set())
    assert mismatches(env, "source.html", contexts.CONTEXT_KEYS["source.html"] - {"segments"}) == (set(), {"segments"})
    # a key read only by an included template counts (report.html → _checks.html)
    assert mismatches(env, "report.html", contexts.CONTEXT_KEYS["report.html"] - {"checks"}) == (set(), {"checks"})


def _attribute_owner(kind) -> type | None:
    """The class whose attributes a template reads of a value of type `kind`, if one (Optional
    unwrapped); None for containers and unions, whose attributes are not checked."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return _attribute_owner(args[0]) if len(args) == 1 else None
    return kind if isinstance(kind, type) else None


def _has(owner: type, attribute: str) -> bool:
    if typing_extensions.is_typeddict(owner):
        return attribute in owner.__annotations__  # Jinja reads a dict's key as an attribute
    if issubclass(owner, BaseModel) and attribute in owner.model_fields:
        return True
    if dataclasses.is_dataclass(owner) and attribute in {f.name for f in dataclasses.fields(owner)}:
        return True
    return hasattr(owner, attribute)


@pytest.mark.parametrize("template", sorted(CONTEXTS))
def test_each_attribute_a_template_reads_of_a_key_exists_on_its_type(env, template):
    declared = typing.get_type_hints(CONTEXTS[template])
    _, _, parsed = template_reads(env, template, frozenset(declared))
    missing = []
    for ast in parsed:
        rebound = _bound(ast) & set(declared)  # a key's name reused for a loop variable is not the key
        for node in ast.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name in declared and node.node.name not in rebound:
                owner = _attribute_owner(declared[node.node.name])
                if owner is not None and not _has(owner, node.attr):
                    missing.append(f"{node.node.name}.{node.attr} ({owner.__name__}), line {node.lineno}")
    assert not missing, f"{template} reads attributes its context's types do not have: {missing}"


def test_every_context_of_the_default_content_is_of_its_type(pages):
    assert {p.template for p in pages} >= set(CONTEXTS) - {"contact.html"}
    for page in pages:
        check_context(page.template, page.context)


def _context(pages, template: str) -> dict:
    return dict(next(p for p in pages if p.template == template).context)


@pytest.mark.parametrize("template, key, wrong", [
    ("year.html", "year", "2023"),  # a year as text
    ("year.html", "years", (2023, 2020)),  # a tuple for a list
    ("report.html", "checks", []),  # a list for the check panel
    ("report.html", "rf", None),  # None for a report file
    ("home.html", "counts", {"departments": 5, "reports": 6}),  # a count left out
    ("feed.xml", "updated", "2024-01-01"),  # a date as text
    ("region.html", "members", [{"slug": "x"}]),  # a row without its fields
])
def test_a_value_of_the_wrong_type_is_refused(pages, template, key, wrong):
    context = _context(pages, template)
    check_context(template, context)
    context[key] = wrong
    with pytest.raises(ValidationError):
        check_context(template, context)


def test_a_wrong_key_is_refused_by_the_type_and_by_the_renderer(pages, content):
    renderer = Renderer(TEMPLATES, content.site, {"site.css": "site.css"})
    page = next(p for p in pages if p.template == "source.html")
    extra = {**page.context, "rf": None}
    missing = {k: v for k, v in page.context.items() if k != "segments"}
    for wrong in (extra, missing):
        with pytest.raises(ValidationError):
            check_context(page.template, wrong)
        with pytest.raises(ValueError, match="context keys"):
            renderer.render(page, wrong)


def test_the_renderer_checks_types_when_asked(pages, content, monkeypatch):
    renderer = Renderer(TEMPLATES, content.site, {})
    page = next(p for p in pages if p.template == "feed.xml")
    wrong = {**page.context, "entries": tuple(page.context["entries"])}  # a tuple for a list
    renderer.render(page, wrong)  # the keys are right; the types are checked only when asked
    monkeypatch.setattr("generator.outputs.render.CHECK_TYPES", True)
    with pytest.raises(ValidationError):
        renderer.render(page, wrong)


def test_templates_are_found_where_the_build_reads_them():
    assert Path(TEMPLATES, "report.html").is_file()


def test_the_performance_part_shows_the_funds_evaluated_at_the_stages_the_report_states(env):
    """自评涉及资金 stated by stage (涉及全年预算资金…，全年执行…，执行率…): each stage the report gives, named."""
    from generator.content.load import parse
    from generator.content.model import YearReport
    from tests.helpers import year_head

    text = year_head("元", 2024, "绩效自评报告") + (
        "performance:\n  evaluated_execution: {budget_full: 44010000.00, actual: 45715236.40, execution_rate: 99.19%}\n")
    model, _, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    html = env.get_template("_performance.html").render(perf=model.performance, money_unit="万元", indicator_rows=[])
    shown = re.sub(r"<[^>]+>", "", html)
    assert "自评涉及资金全年预算 4,401.00 万元，执行数 4,571.52 万元，执行率 99.19%" in shown
    assert "年初预算" not in shown


def test_the_budget_execution_table_shows_the_years_adjustment_only_where_a_row_states_it(env):
    """年中调整数 between 年初预算数 and 全年预算数, a cut negative; no such column where no row states one."""
    from generator.content.load import parse
    from generator.content.model import YearReport
    from tests.helpers import year_head

    head = year_head("万元", 2024, "绩效自评报告") + "performance:\n  budget_execution:\n    name: 年度资金总额\n"
    stated = head + ("    budget_initial: 70.00\n    adjustment: 30.00\n    budget_full: 100.00\n"
                     "    items:\n      - {name: 县级财政资金, budget_initial: 60.00, adjustment: -20.00, budget_full: 40.00}\n")
    model, _, problems = parse(YearReport, stated, "t.yaml")
    assert problems == []
    html = env.get_template("_performance.html").render(perf=model.performance, money_unit="万元", indicator_rows=[],
                                                        indicator_csv="x")
    headers = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', html)
    assert headers[:4] == ["项目", "年初预算数", "年中调整数", "全年预算数"]
    assert 'data-csv="年中调整数（元，调减为负）"' in html
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r'<td class="num">(.*?)</td>', html)]
    assert cells[:3] == ["70.00", "30.00", "100.00"] and "-20.00" in cells
    plain, _, problems = parse(YearReport, head + "    budget_initial: 70.00\n    budget_full: 100.00\n", "t.yaml")
    assert problems == []
    html = env.get_template("_performance.html").render(perf=plain.performance, money_unit="万元", indicator_rows=[],
                                                        indicator_csv="x")
    assert "年中调整数" not in html
