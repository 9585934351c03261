"""The importer drafts each seed report, and is judged against the hand-checked transcription.

How a draft is scored
---------------------

*Stated figures.* The numbers of a seed's source text that state figures are those
`tests.seeds.source_figures` finds (the project's own definition: list ordinals, dates, and
document numbers are not figures), counted per occurrence, less the numbers the hand
transcription keeps only inside text (a name such as “12345热线办”, a note) — i.e. an
occurrence counts when its number is the value of some figure of the hand YAML (an amount,
rate, count, score, indicator value, date part or index number).

*Right, wrong, unplaced, missing.* The importer reports, for every figure it writes, the
field path in the YAML and the span of the source text it came from; and, for every number
it could not place, its span in the `unplaced:` list. A stated figure is

- RIGHT when a figure placed from it has an equivalent place in the hand YAML (all of them
  do, if it was placed more than once),
- WRONG when a figure placed from it has none,
- UNPLACED when it is listed under `unplaced:`,
- MISSING otherwise.

Every placed figure is also checked on its own, whether or not its number is a stated
figure (a date part, say): none may be wrong.

*Equivalent place.* Both YAML files are reduced to facts (area, row, field, value) by
walking the validated models, so list order, nesting and scope do not matter but meaning
does:

- area: the top-level part — income, expenditure, sangong, projects, operating_costs,
  assets, procurement, performance, project_performance, staffing, organization,
  documents, or `stats` for every list of named counts (work_stats, and the `stats` of
  organization, 三公, projects and blocks);
- row: a row's name, normalised (no spaces or quotes, half-width brackets, “/” read as
  “及”); two names are the same row when equal or when one contains the other (“公用经费”,
  “日常公用经费”). Totals are the role `<total>` whatever they are called; a 三公 row is its
  field (reception, vehicles …); an indicator is its name; the 预算执行 row of the 自评表 is
  `<budget_execution>`. Parts (items), reasons (change_reasons) and top-level rows are all
  rows: where the hand put a part is not compared, its name is. The scope of funds is not
  compared either: the hand files the 基础数据表 under the scope of the text around it,
  which a program cannot know; row, stage and value together are specific enough;
- field: the stage (budget_initial, budget_full, budget, actual, prior) or relation
  (change, change_rate, share, execution_rate, variance, …), `count` for headcounts,
  target/actual/weight/score for indicators, the field name elsewhere;
- value: exact — money in yuan as a Decimal (848.4 万元 = 8484000), signed; percentages and
  scores as Decimals; text with blanks removed.

A work figure (`stats`) has no template name, so it matches a hand figure with the same
value and unit (平米 = 平方米) whose name shares a two-character word with it (“签收市政务热
线派发工单” / “签收市政务热线派发工单”, “12345热线工单增加至” / “12345热线工单”).

Run with `-s` to see the shares per seed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from build import main as build_main
from generator.content.figures import Figure
from generator.importer import draft_text, explain, import_report, strip_unplaced
from generator.importer.read import Grid, Para, read_text
from generator.content.load import parse_report
from generator.content.model import Headcount, Indicator, Stat, YearReport
from generator.content.problems import ContentError
from tests.seeds import CONTENT, NUMBER, SEEDS, figure_matches

# --- facts -------------------------------------------------------------------------------------------

MONEY_SCALE = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
AMOUNT_FIELDS = ("budget_initial", "budget_full", "budget", "actual", "prior", "change", "change_rate", "share",
                 "execution_rate", "variance", "variance_rate", "arrived", "arrival_rate", "score", "weight")
STAFF_FIELDS = ("authorized", "actual_start", "actual_end", "total_staff", "retired", "vehicles_authorized",
                "vehicles", "control_rate")
UNITS = {"平米": "平方米"}


@dataclass(frozen=True)
class Fact:
    area: str
    row: str
    field: str
    value: str
    unit: str = ""


def name_key(text: str) -> str:
    text = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")").replace("/", "及")
    return re.sub(r"[“”\"'‘’]", "", text)


def same_row(a: str, b: str) -> bool:
    if a.startswith("<") or b.startswith("<"):
        return a == b
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def figure_value(figure: Figure, index: int) -> str:
    statement = figure.statements[index]
    if figure.kind == "percent":
        return f"{statement.value.normalize()}%"
    return str(statement.base.normalize())


class Facts:
    """A year file's figures as facts, each with the path of the field that states it."""

    def __init__(self, report: YearReport) -> None:
        self.by_loc: dict[tuple[object, ...], Fact] = {}
        self.numbers: set[Decimal] = set()  # every number the figures state, as written
        self.walk(report)

    def add(self, loc: tuple[object, ...], fact: Fact, written: list[Decimal]) -> None:
        self.by_loc[loc] = fact
        self.numbers |= {abs(n).normalize() for n in written}

    def figure(self, loc, area: str, row: str, field: str, figure: Figure) -> None:
        for i, statement in enumerate(figure.statements):
            self.add((*loc, field, i), Fact(area, row, field, figure_value(figure, i)), [statement.value])

    def amounts(self, loc, area: str, row: str, obj: BaseModel) -> None:
        for field in AMOUNT_FIELDS:
            value = getattr(obj, field, None)
            if isinstance(value, Figure):
                self.figure(loc, area, row, field, value)

    def line(self, loc, area: str, line: BaseModel, row: str | None = None) -> None:
        row = row or name_key(line.name)
        self.amounts(loc, area, row, line)
        for key in ("items", "change_reasons"):
            for i, child in enumerate(getattr(line, key, ())):
                self.line((*loc, key, i), area, child)
        for i, stat in enumerate(getattr(line, "stats", ())):
            self.stat((*loc, "stats", i), stat)

    def stat(self, loc, stat: Stat) -> None:
        unit = UNITS.get(stat.unit or "", stat.unit or "")
        self.add((*loc, "value"), Fact("stats", name_key(stat.name), "value", str(stat.value.normalize()), unit),
                 [stat.value])
        for i, item in enumerate(stat.items):
            self.stat((*loc, "items", i), item)

    def headcount(self, loc, item: Headcount) -> None:
        fact = Fact("staffing", name_key(item.name), "count", str(item.count))
        self.add((*loc, "count"), fact, [Decimal(item.count)])
        for i, child in enumerate(item.items):
            self.headcount((*loc, "items", i), child)

    def walk(self, r: YearReport) -> None:
        for i, doc in enumerate(r.documents):
            for field in ("issuer", "index_no", "doc_no", "catalogue"):
                if getattr(doc, field):
                    text = getattr(doc, field)
                    self.add(("documents", i, field), Fact("documents", "", field, name_key(text)),
                             [Decimal(n) for n in NUMBER.findall(text)])
            for field in ("written", "published"):
                date = getattr(doc, field)
                if date:
                    self.add(("documents", i, field), Fact("documents", "", field, date.isoformat()),
                             [Decimal(date.year), Decimal(date.month), Decimal(date.day)])
            for j, number in enumerate(doc.supervision_index_nos):
                self.add(("documents", i, "supervision_index_nos", j), Fact("documents", "", "supervision", number),
                         [Decimal(number)])
        if r.organization:
            for field in ("internal_units_count", "subordinate_units_count"):
                if getattr(r.organization, field) is not None:
                    n = getattr(r.organization, field)
                    self.add(("organization", field), Fact("organization", "", field, str(n)), [Decimal(n)])
            for i, stat in enumerate(r.organization.stats):
                self.stat(("organization", "stats", i), stat)
        if r.staffing:
            s = r.staffing
            for field in STAFF_FIELDS:
                value = getattr(s, field)
                if isinstance(value, Figure):
                    self.figure(("staffing",), "staffing", "", field, value)
                elif value is not None:
                    self.add(("staffing", field), Fact("staffing", "", field, str(value)), [Decimal(value)])
            for key in ("authorized_items", "actual_items", "other_items", "retired_items"):
                for i, item in enumerate(getattr(s, key)):
                    self.headcount(("staffing", key, i), item)
        for area in ("income", "expenditure"):
            for i, account in enumerate(getattr(r, area)):
                loc = (area, i)
                if account.total:
                    self.line((*loc, "total"), area, account.total, "<total>")
                for key in ("by_source", "by_nature", "by_economic", "by_function", "related"):
                    for j, line in enumerate(getattr(account, key)):
                        self.line((*loc, key, j), area, line)
        if r.sangong:
            g = r.sangong
            for key in ("total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"):
                if getattr(g, key):
                    self.amounts(("sangong", key), "sangong", key, getattr(g, key))
            for i, line in enumerate(g.reception_items):
                self.line(("sangong", "reception_items", i), "sangong", line)
            for i, stat in enumerate(g.stats):
                self.stat(("sangong", "stats", i), stat)
        for i, group in enumerate(r.projects):
            if group.total:
                self.amounts(("projects", i, "total"), "projects", "<total>", group.total)
            for j, item in enumerate(group.items):
                self.line(("projects", i, "items", j), "projects", item)
        for area in ("operating_costs", "assets", "procurement"):
            block = getattr(r, area)
            if block is None:
                continue
            if block.total:
                self.amounts((area, "total"), area, "<total>", block.total)
            for key in ("items", "related"):
                for i, line in enumerate(getattr(block, key)):
                    self.line((area, key, i), area, line)
            for i, stat in enumerate(block.stats):
                self.stat((area, "stats", i), stat)
        if r.performance:
            self.performance(("performance",), "performance", r.performance)
        for i, p in enumerate(r.project_performance):
            self.performance(("project_performance", i), "project_performance", p)
        for i, stat in enumerate(r.work_stats):
            self.stat(("work_stats", i), stat)

    def performance(self, loc, area: str, p) -> None:
        for field in ("score", "total_weight", "indicators_weight", "evaluated_funds", "evaluated_funds_share"):
            value = getattr(p, field)
            if isinstance(value, Figure):
                self.figure(loc, area, "", field, value)
        if p.grade:
            self.add((*loc, "grade"), Fact(area, "", "grade", p.grade), [])
        if p.budget_execution:
            self.amounts((*loc, "budget_execution"), area, "<budget_execution>", p.budget_execution)
            for key in ("items", "by_nature"):  # the funding block's rows (按收入性质分 …) as lines of it
                for j, line in enumerate(getattr(p.budget_execution, key)):
                    self.line((*loc, "budget_execution", key, j), area, line)
        for i, w in enumerate(p.weights):
            self.figure((*loc, "weights", i), area, name_key(w.name), "weight", w.weight)
        for i, band in enumerate(p.grade_bands):
            for field in ("min", "max"):
                value = getattr(band, field)
                if value is not None:
                    self.add((*loc, "grade_bands", i, field), Fact(area, band.grade, field, str(value.normalize())),
                             [value])
        for i, ind in enumerate(p.indicators):
            self.indicator((*loc, "indicators", i), area, ind)

    def indicator(self, loc, area: str, ind: Indicator) -> None:
        row = name_key(ind.name)
        for field in ("target", "actual"):
            text = getattr(ind, field)
            if text:
                self.add((*loc, field), Fact(area, row, field, name_key(text)),
                         [Decimal(n) for n in NUMBER.findall(text)])
        for field in ("weight", "score"):
            value = getattr(ind, field)
            if isinstance(value, Figure):
                self.figure(loc, area, row, field, value)


def matches(fact: Fact, hand: list[Fact]) -> bool:
    for h in hand:
        if (h.area, h.field, h.value) != (fact.area, fact.field, fact.value):
            continue
        if fact.area == "stats":
            if h.unit == fact.unit and (same_row(h.row, fact.row) or bigrams(h.row) & bigrams(fact.row)):
                return True
        elif same_row(h.row, fact.row):
            return True
    return False


# --- scoring -----------------------------------------------------------------------------------------


def stated_figures(text: str, numbers: set[Decimal]) -> list[tuple[int, int, Decimal]]:
    """Occurrences of source figures (tests.seeds' rules) whose number a hand figure states."""
    out = []
    for match in figure_matches(text):
        value = Decimal(match.group()).normalize()
        if value in numbers:
            out.append((match.start(), match.end(), value))
    return out


@dataclass
class Score:
    stated: int
    right: int
    wrong: int
    unplaced: int
    missing: int
    wrong_placed: list[str]
    missing_items: list[str]

    def shares(self) -> tuple[float, float, float]:
        return self.right / self.stated, self.wrong / self.stated, self.unplaced / self.stated


def hand_report(slug: str) -> YearReport:
    path = CONTENT / "departments" / slug / f"{SEEDS[slug]}.yaml"
    return parse_report(path.read_bytes(), str(path))


def score(slug: str, text: str, result) -> Score:
    hand = Facts(hand_report(slug))
    hand_facts = list(hand.by_loc.values())
    mine = Facts(parse_report(strip_unplaced(result.yaml)))
    verdicts: list[tuple[tuple[int, int], bool, str]] = []
    wrong_placed = []
    for placed in result.placed:
        if placed.stmt.kind == "text" and placed.loc not in mine.by_loc:
            continue  # words kept whole with their numbers (a 年度总体目标 as the table prints it)
        fact = mine.by_loc[placed.loc]  # every other recorded statement is a figure of the draft
        ok = matches(fact, hand_facts)
        verdicts.append((placed.stmt.span, ok, f"{fact} ← {placed.stmt.quote}"))
        for quote, span in placed.stmt.also:
            verdicts.append((span, ok, f"{fact} ← {quote}"))
        if not ok:
            wrong_placed.append(f"{fact} ← {placed.stmt.quote}")
    loose = [item.span for item in result.loose]
    right = wrong = unplaced = missing = 0
    missing_items = []
    stated = stated_figures(text, hand.numbers)
    for start, end, value in stated:
        mine_here = [ok for span, ok, _ in verdicts if span[0] <= start and end <= span[1]]
        if mine_here:
            if all(mine_here):
                right += 1
            else:
                wrong += 1
        elif any(s <= start and end <= e for s, e in loose):
            unplaced += 1
        else:
            missing += 1
            missing_items.append(f"{value} @ {text[max(0, start - 15):end + 6]!r}")
    return Score(len(stated), right, wrong, unplaced, missing, wrong_placed, missing_items)


def seed_text(slug: str) -> str:
    return (CONTENT / "departments" / slug / f"{SEEDS[slug]}.source.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drafts():
    return {slug: draft_text(seed_text(slug), SEEDS[slug]) for slug in SEEDS}


# --- tests -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_seed_draft_is_right_where_it_places_and_places_nine_in_ten(drafts, slug):
    result = score(slug, seed_text(slug), drafts[slug])
    right, wrong, unplaced = result.shares()
    print(f"\n{slug}: {result.stated} stated figures — right {right:.1%}, wrong {wrong:.1%}, "
          f"unplaced {unplaced:.1%}, missing {result.missing / result.stated:.1%}")
    assert result.wrong_placed == []
    assert result.wrong == 0
    assert right >= 0.9, (result.missing_items, result.unplaced)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_draft_without_unplaced_validates(drafts, slug):
    text = drafts[slug].yaml
    assert "\nunplaced:" in text
    parse_report(strip_unplaced(text))
    with pytest.raises(ContentError) as err:
        parse_report(text)
    assert [p.field for p in err.value.problems] == ["unplaced"]
    assert "unplaced" in explain(err.value.problems)[0]


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_placed_figure_has_a_source_comment(drafts, slug):
    lines = drafts[slug].yaml.split("\n")
    for placed in drafts[slug].placed:
        line = lines[placed.line]
        assert "  # " in line and placed.stmt.quote and placed.stmt.quote in line, line
    # And no number is written without one (year and unit say where they come from too).
    body = lines[:lines.index("unplaced:")] if "unplaced:" in lines else lines
    numbers = [line for line in body if re.search(r"(:|- ) ?\{?(value: )?-?[0-9][0-9.]*%?(,|\}|\s*$|\s+#)", line)]
    assert numbers
    assert [line for line in numbers if "  # " not in line] == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_unplaced_number_says_where_and_why(drafts, slug):
    data = yaml.safe_load(drafts[slug].yaml)
    for item in data.get("unplaced", []):
        assert set(item) == {"text", "at", "source", "why"} and item["why"] and item["source"]


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_sections_keep_the_text_and_render_as_written(drafts, slug):
    """Every paragraph of the source is in `sections` (titles or bodies), in order, and its Markdown
    renders back to exactly its text: `[2015]8号` stays text, a leading `- ` or `1. ` is not a list."""
    import html

    from generator.site.markdown import render

    report = parse_report(strip_unplaced(drafts[slug].yaml))

    def walk(sections):
        for section in sections:
            if section.title != "（引言）":  # the one title the importer adds, for text before the first heading
                yield section.title
            for paragraph in (section.body or "").split("\n\n"):
                if paragraph.strip():
                    rendered = render(paragraph).strip()
                    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
                    yield html.unescape(rendered[3:-4])
            yield from walk(section.sections)

    written = list(walk(report.sections))
    text = seed_text(slug)
    position = 0
    for line in written:
        found = text.find(line, position)
        assert found >= 0, line
        position = found
    # Nothing of the narrative is lost: what is not in `sections` is the header (title, meta) or a
    # signature line at the very end, which went into `documents`.
    paragraphs = [b.text.strip(" \u3000\xa0") for b in read_text(text) if isinstance(b, Para)]
    first = paragraphs.index(written[0]) if written[0] in paragraphs else paragraphs.index(written[1])
    lost = [p for k, p in enumerate(paragraphs) if p not in set(written) and first <= k < len(paragraphs) - 1]
    assert lost == []


def test_import_writes_the_files_and_refuses_to_overwrite(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(seed_text("zhongfang-zwfwzx"), encoding="utf-8")
    content = tmp_path / "content"
    argv = ["import", str(report), "--department", "zhongfang-test", "--year", "2020", "--content", str(content)]
    assert build_main(argv) == 0
    folder = content / "departments" / "zhongfang-test"
    assert (folder / "2020.source.txt").read_text(encoding="utf-8") == seed_text("zhongfang-zwfwzx")
    assert "name: 中方县政务服务中心" in (folder / "department.yaml").read_text(encoding="utf-8")
    first = (folder / "2020.yaml").read_text(encoding="utf-8")
    (folder / "2020.yaml").write_text("# reviewed\n" + first, encoding="utf-8")
    assert build_main(argv) == 1
    year_file, source_file = folder / "2020.yaml", folder / "2020.source.txt"
    assert capsys.readouterr().err == f"{year_file}、{source_file} 已存在；要覆盖请加 --force\n"
    assert build_main([*argv, "--lang", "en"]) == 1
    assert capsys.readouterr().err == f"{year_file} and {source_file} already exist; add --force to overwrite them\n"
    assert (folder / "2020.yaml").read_text(encoding="utf-8").startswith("# reviewed")
    assert build_main([*argv, "--force"]) == 0
    assert (folder / "2020.yaml").read_text(encoding="utf-8") == first


def test_check_explains_the_unplaced_key(tmp_path, capsys):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    report = tmp_path / "report.txt"
    report.write_text(seed_text("tianxin-xzspfwj"), encoding="utf-8")
    folder = content / "departments" / "tianxin-xzspfwj"
    (folder / "2020.yaml").unlink()
    (folder / "2020.source.txt").unlink()
    assert build_main(["import", str(report), "--department", "tianxin-xzspfwj", "--year", "2020",
                       "--content", str(content)]) == 0
    capsys.readouterr()
    assert build_main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "unplaced: 未知字段 'unplaced'" in err and "再删去整个 `unplaced:` 键" in err
    assert "`unplaced:` 是导入程序列出的未能放置的数" in err
    assert build_main(["check", "--lang", "en", "--content", str(content)]) == 1
    assert "`unplaced:` is the importer's list" in capsys.readouterr().err
    path = folder / "2020.yaml"
    path.write_text(strip_unplaced(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert build_main(["check", "--content", str(content)]) == 0


# --- Word --------------------------------------------------------------------------------------------------


def seed_docx(text: str, path: Path) -> None:
    """A Word document with the seed's paragraphs and tables; in the 自评表 the blank 一级/二级 cells under a
    filled one are real vertical merges. A short row of the text export stays short: its cells and then the
    grid columns it leaves out (w:gridAfter), for which of its cells span what the export does not say."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for block in read_text(text):
        if isinstance(block, Para):
            document.add_paragraph(block.text)
            continue
        assert isinstance(block, Grid)
        width = max(len(r) for r in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell.text
        header = next((r for r, row in enumerate(block.rows) if any(c.text == "三级指标" for c in row)), None)
        if header is not None:
            for col in (1, 2):
                _merge_down(table, block, header, col)
        for r, row in enumerate(block.rows):
            if len(row) < width:
                tr = table.rows[r]._tr
                for tc in tr.tc_lst[len(row):]:
                    tr.remove(tc)
                after = OxmlElement("w:gridAfter")
                after.set(qn("w:val"), str(width - len(row)))
                tr.get_or_add_trPr().append(after)
    document.save(str(path))


def _merge_down(table, block: Grid, header: int, col: int) -> None:
    """Merge each filled 一级/二级 cell with the blank cells below it (the export shows merged cells blank)."""
    width = len(block.rows[header])
    rows = [r for r in range(header + 1, len(block.rows)) if len(block.rows[r]) == width]
    top = None
    for r in rows:
        if block.rows[r][col].text.strip():
            top = r
        elif top is not None and any(c.text.strip() for c in block.rows[r]):
            table.cell(top, col).merge(table.cell(r, col))
            table.cell(top, col).text = block.rows[top][col].text


@pytest.mark.parametrize("slug", ["suining-xzspfwj", "zhongfang-zwfwzx"])
def test_docx_import_gives_the_same_draft(tmp_path, drafts, slug):
    path = tmp_path / f"{slug}.docx"
    seed_docx(seed_text(slug), path)
    content = tmp_path / "content"
    result = import_report(path, content, slug, SEEDS[slug])
    source = (content / "departments" / slug / f"{SEEDS[slug]}.source.txt").read_text(encoding="utf-8")
    from_docx = score(slug, source, result.draft)
    from_text = score(slug, seed_text(slug), drafts[slug])
    assert (from_docx.stated, from_docx.right, from_docx.wrong, from_docx.unplaced) == (
        from_text.stated, from_text.right, from_text.wrong, from_text.unplaced)
    facts = lambda d: sorted(str(Facts(parse_report(strip_unplaced(d.yaml))).by_loc[p.loc])  # noqa: E731
                             for p in d.placed if p.stmt.kind != "text")
    assert facts(result.draft) == facts(drafts[slug])


def test_a_word_file_with_revisions_not_yet_accepted_is_drafted_as_accepted_and_the_clerk_told(tmp_path, capsys):
    """A .docx published with tracked changes left in: the draft is of the text with every
    revision accepted (the deleted figure gone, the inserted one in), and the import says so in
    one line, so the clerk checks the draft against the final document."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("项目支出绩效自评报告")
    paragraph = document.add_paragraph("经自评，该项目自评得分")
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>98.50</w:delText>'
                                  '</w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>97.30</w:t></w:r></w:ins>'))
    paragraph.add_run("分。")
    report = tmp_path / "自评报告.docx"
    document.save(str(report))
    content = tmp_path / "content"
    argv = ["import", str(report), "--department", "revisions-test", "--year", "2023", "--content", str(content)]
    assert build_main(argv) == 0
    out = capsys.readouterr().out
    assert f"注意：{report} 含未接受的修订" in out
    source = (content / "departments" / "revisions-test" / "2023.source.txt").read_text(encoding="utf-8")
    assert "自评得分97.30分" in source and "98.50" not in source
    plain = tmp_path / "定稿.docx"
    clean = docx.Document()
    clean.add_paragraph("经自评，该项目自评得分97.30分。")
    clean.save(str(plain))
    assert build_main(["import", str(plain), "--department", "clean-test", "--year", "2023", "--content",
                       str(content)]) == 0
    assert "修订" not in capsys.readouterr().out
