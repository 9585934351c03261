"""From blocks to a draft: walk the sections in order, hand each sentence and grid to the readers,
then settle what they found into the tree, and write it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from . import published
from .amounts import AmountReader
from .context import Context, area_of, context_of, is_performance
from .counts import CountReader, glued, is_goal_section
from .draft import Leaf, Node, Placed, Seq, Stmt, Tree, Writer
from .found import Found, Loose
from .lexicon import known_row
from .meta import department_name, document, kind_of, project_of_lines, project_of_title, subjects
from .narrative import markdown, sections
from .performance import budget, progress, quarter_scores, rules
from .read import PAGE_FURNITURE, Block, Grid, Hidden, Para
from .restated import Restated
from .rows import title_row
from .selfeval import RESCALING
from .settle import file_unit, settle
from .structure import PROJECT_PART, Outline, Section, numbering_rank, outline
from .tables import GridReader
from .text import DECORATION, Sentence, Token, clip, norm, sentences, threshold, tokens


@dataclass
class Draft:
    """A drafted year file: its YAML, the figures it placed (with their paths) and those it could not."""

    yaml: str
    unit: str
    placed: list[Placed]
    loose: list[Loose]
    department: str | None
    kind: str


def draft(blocks: list[Block], year: int, file_name: str | None = None) -> Draft:
    """Draft the year file; a statement the content model refuses is moved to `unplaced` and the draft redone,
    so the draft always validates once `unplaced` is removed. (`file_name`: the report's file, whose
    name is the document's title when the report has no title line.)"""
    # A table's rows with no cell hold nothing, and the readers of tables take a row to have one.
    blocks = [Grid(tuple(row for row in b.rows if row), b.start) if isinstance(b, Grid) and not all(b.rows) else b
              for b in blocks]
    blocks = [b for b in blocks if not isinstance(b, Grid) or b.rows]
    refused: set[tuple[int, int]] = set()
    while True:
        result = _draft(blocks, year, refused, file_name)
        more = _refused_by_model(result)
        if not more or more <= refused:
            return result
        refused |= more


def _extent(grid: Grid) -> tuple[int, int]:
    """Where a table stands in the text: from its start to its last cell's end."""
    end = max((cell.start + len(cell.text) for row in grid.rows for cell in row), default=grid.start)
    return grid.start, end + 1


def _draft(blocks: list[Block], year: int, refused: set[tuple[int, int]], file_name: str | None) -> Draft:
    doc = outline(blocks)
    kind = kind_of(doc.title)
    name = department_name(doc)
    found = Found()
    document(doc, found, file_name)
    published_tables = published.tables(blocks)
    walker = _Walker(found, year, kind, subjects(name))
    # read whole as published tables, continuations over a page break included
    walker.skip = {t.grid_start for t in published_tables} | {s for t in published_tables for s in t.also}
    walker.title = _caption(Para(doc.title, 0)) if doc.title else None
    walker.title_text = doc.title or ""
    # a project's own report: its money is the project's (named by the title, or by a 项目名称 line)
    walker.project = project_of_title(doc.title) or (
        project_of_lines([b.text for b in blocks[:12] if isinstance(b, Para)])
        if re.search(r"项目.*绩效(自评|评价)", doc.title or "") else None)
    walker.run(doc.root)
    walker.restated.resolve(found)
    for table in published_tables:
        for text, span, quote, why in table.left:
            found.skip(text, span, quote, table.label or table.title, why)
    tree = Tree()
    unit = file_unit(found)
    settle(found, tree, unit, refused, [_extent(b) for b in blocks if isinstance(b, Grid)])
    _partial_lists(tree.root)
    published.put(tree, published_tables)
    _organization_names(doc, tree)
    skip = {doc.title_start} | {b.start for b in blocks if isinstance(b, Para) and _is_meta(b, doc)}
    narrative = sections(doc.root, skip)
    if narrative.items:  # a file of tables alone has no text to keep
        tree.root.fields["sections"] = narrative
    writer = Writer()
    _write(writer, tree, year, unit, found.loose)
    return Draft("\n".join(writer.lines) + "\n", unit, writer.placed, found.loose, name, kind)


def _refused_by_model(result: Draft) -> set[tuple[int, int]]:
    """The spans of statements at the fields the content model finds fault with."""
    from ..content.load import parse
    from ..content.model import YearReport
    from ..content.problems import field_path

    _, _, problems = parse(YearReport, strip_unplaced(result.yaml), "<draft>")
    bad = {p.field for p in problems}
    return {placed.stmt.span for placed in result.placed
            if any(field_path(placed.loc) == f or field_path(placed.loc).startswith((f + ".", f + "[")) for f in bad)}


def _is_meta(block: Para, doc: Outline) -> bool:
    return any(block.start <= m.start < block.start + len(block.text) + 1 for m in doc.meta)


# --- walking ---------------------------------------------------------------------------------------


#: A paragraph that opens by naming a project (（一）XX项目：…): its figures are that project's.
_PROJECT_LEAD = re.compile(r"^(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])?\s*"
                           r"(?P<name>[^：:，,。；;（(]{4,40}?(?:项目|计划|工程|专项)"
                           # (a fund named with its money: 中小企业发展专项资金：调整后预算…，支出…)
                           r"|[^：:，,。；;（(]{4,40}?(?:经费|资金)(?=[：:][^，,。；;]{0,12}预算))[：:]"
                           # “政务云平台运维服务经费自评得分97.04分，其中：…”: a project's score, its name first
                           r"|^(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])?\s*"
                           r"(?P<scored>[^：:，,。；;]{4,40}?(?:项目|计划|工程|专项|经费|资金))(?:的)?(?:绩效)?自评得分")

#: A heading naming a project, under the title of the project reports (（一）光彩事业及商会建设经费).
_PROJECT_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])\s*"
                              r"(?P<name>[^，,。；;：:]{2,40}?(?:项目|经费|资金|工程|专项|计划|补助|补贴))[。.]?$")


def _project_part(section: Section) -> bool:
    """The part of an article holding the project reports that follow the department's: a section
    right under the root titled so (项目支出绩效评价报告, numbered or not)."""
    return section.parent is not None and section.parent.rank < 0 \
        and PROJECT_PART.match(_unnumbered(section.title)) is not None


def _unnumbered(title: str) -> str:
    return _PART_NUMBER.sub("", title.strip())


_PART_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、"
                          r"|[（(][一二三四五六七八九十]+[）)])\s*")


#: Money in general, not one project's.
_GENERIC_FUNDS = re.compile(r"(?:该|本)?(?:项目|专项|财政|预算)(?:资金|经费)")

#: A paragraph opening with a project's name and its rate or score (…治理项目执行率89.26%，…).
_LISTED_LEAD = re.compile(r"^(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])?\s*"
                          r"(?P<name>[^：:，,。；;（(]{2,40}?)(?:的)?(?:预算执行率|执行率|(?:绩效)?自评得分)")

#: A paragraph opening with its topic (国有资产：…, “三公”经费：…).
_TOPIC = re.compile(r"^(?P<t>[^：:，,。；;（(]{2,14})[：:]")

#: Words saying an item has nothing to state: it does not apply, did not happen, there is none.
_NOTHING_TO_STATE = re.compile(r"不适用|不涉及|未发生|无此(项|类)|没有(发生|安排|产生)"
                               r"|无(政府采购|(机关|机构)运行经费|国有资产)"
                               # (本单位为公益一类事业单位，不属于机关运行经费统计范围)
                               r"|不属于[^，,。；;]{0,16}(统计|核算|公开)?范围")

#: A table's money unit stated on a line above it (单位：万元, 金额单位：元, （单位：万元）).
#: The title of one table of a self-evaluation form in several: the 53号 frame's 共性指标 table and its
#: 个性指标 (特性指标) table, each with a 合计 of its own.
_FORM_PART = re.compile(r"(?:共性|个性|特性)指标[^，,。；;：:]{0,12}表")
_UNIT_LINE = re.compile(r"(?:金额)?单位[：:]\s*(万元|元)(?=[\s\u3000）)]|$)")

#: A title that says the table goes on (项目支出绩效自评表（续）, 续表, 续上表).
_CONTINUED = re.compile(r".*[（(]续(表)?[）)]$|^续(上)?表")
#: A paragraph that is a table's note or the form's instructions.
_INSTRUCTIONS = re.compile(r"^(注[：:]|填表说明|填报说明|备注[：:]|说明[：:])")
#: The 决算 templates' note under a table: what the table shows (注：本表反映部门本年度…情况。).
_TEMPLATE_NOTE = re.compile(r"^注\s*[：:]\s*本表反映")


class _Walker:
    def __init__(self, found: Found, year: int, kind: str, names: tuple[str, ...]) -> None:
        self.found = found
        self.kind = kind
        self.amounts = AmountReader(found, names, kind)
        self.counts = CountReader(found, names)
        self.counts.year = year  # a score said of another year is not this year's
        self.amounts.year = year  # an amount said of last year is last year's
        self.grids = GridReader(found, year, "", kind)
        self.grids.subjects = names
        self.skip: set[int] = set()
        self.project: str | None = None
        self.own_report = False  # within a project's own report, one of several after the department's
        self.instructions = False  # within the form's instructions (填表说明 and its items)
        self.title: str | None = None  # the document's title, when it reads as a table's (…汇总表)
        self.title_text = ""  # the document's title as written
        self.grids_seen = False
        self.frame: list[str] = []  # the 一级 and 二级 of a scoring frame told in the text (_frame)
        self.rescaling: Para | None = None  # a rescaling rule told before any form (the next form's)
        self.restated = Restated()  # the scores told section by 一级 (（一）投入情况（20分）…，得4分)

    def run(self, root: Section) -> None:
        self._section(root)

    def _section(self, section: Section) -> None:
        ctx = context_of(section, self.kind)
        project = self._project_name(section)
        previous, previous_own = self.project, self.own_report
        if project:
            self.project = project
            self.own_report = self._in_project_part(section)
        self.amounts.project = self.project
        self.grids.document_project = self.project
        self.amounts.section()
        previous_level = self.restated.level1
        if section.rank >= 0 and self.kind == "绩效自评报告" and not self.project:
            self.restated.level1 = self.restated.heading(section.title, section.start, ctx.at) or previous_level
        if section.rank >= 0 and section.parent is not None:
            # A heading stating an amount (“（一）财政预算收入：511.4万元”) is read in its parent's
            # context, and its row heads the section.
            parent_ctx = context_of(section.parent, self.kind)
            self._paragraph(Para(section.title, section.start), parent_ctx, heading=True)
            self.amounts.section_row = self.amounts.para.head
            self.amounts.title_row = title_row(section.title, ctx)
            self.amounts.list_parent = self.amounts.para.head
            self.amounts.list_rank = section.rank
        last_block: Block | None = None
        self.instructions = False
        furniture_only = False  # only page numbers and running heads since the last table
        after_grid = False  # only a table's notes and page furniture since the last table
        stacked_unit: str | None = None  # the money unit of the table just before
        paras_since_grid: list[Para] = []  # the paragraphs since the last table
        for block in section.blocks:
            if isinstance(block, Para) and re.fullmatch(r"(填表说明|填报说明)[：:]?", block.text.strip()):
                self.instructions = True  # the numbered items after it are the form's instructions
            elif isinstance(block, Grid):
                self.instructions = False
            if isinstance(block, Hidden):
                # (a hidden sheet: its numbers listed, none placed)
                for t in tokens(block.text):
                    self._list(block.text, block.start, t, ctx, block.why)
            elif isinstance(block, Grid):
                if block.start not in self.skip:
                    # a form goes on in a table right after it, or after only its notes (注：… in a row of
                    # their own between two parts of a sheet) and page furniture
                    self.grids.continuing = self.grids.last_project if after_grid else None
                    # a 单位：万元 line just above a table gives its money unit
                    # (tables stacked one under another, as on one sheet, share the line above the first)
                    # (or a line or two above it, its caption between: 金额单位：万元 / 表1 … / the table)
                    above = [last_block] if isinstance(last_block, Para) else []
                    stated = next((m for p in above + paras_since_grid[-3:][::-1] if (m := _UNIT_LINE.search(p.text))),
                                  None)
                    if stated is None and not self.grids_seen:
                        # (the first table's unit on the title's own line: 汇总表 填报单位：… 单位：万元)
                        stated = _UNIT_LINE.search(self.title_text)
                    unit = stated.group(1) if stated else stacked_unit if isinstance(last_block, Grid) else None
                    self.grids.after_table = isinstance(last_block, Grid) or furniture_only
                    caption = _caption(last_block)
                    if caption is None and isinstance(last_block, Para) and len(paras_since_grid) >= 2 \
                            and _UNIT_LINE.fullmatch(last_block.text.strip()):
                        caption = _caption(paras_since_grid[-2])  # (表1 … on its line, 单位：万元 on the next)
                    self.grids.caption = caption or (self.title if not self.grids_seen else None)
                    # a table of a form printed as several (…共性指标自评表（表1）, …个性指标自评表（表2）):
                    # its title, on a line of the few since the table before (or the document's, for the first)
                    part = next((p.text.strip() for p in paras_since_grid[-4:][::-1] if _FORM_PART.search(p.text)),
                                None)
                    if part is None and not self.grids_seen and _FORM_PART.search(self.title_text):
                        part = self.title_text.strip()
                    self.grids.form_part = part
                    self.grids_seen = True
                    forms = self.grids.forms_read
                    self.grids.grid(block, ctx.at, unit)
                    if self.rescaling is not None and self.grids.forms_read > forms:
                        self.grids.rescaling_rule(self.rescaling.text, self.rescaling.start)
                        self.rescaling = None
                    self._listed()
                    self._conclusions(block, ctx)
                    stacked_unit = unit
                else:
                    self._conclusions(block, ctx)  # (a 公开NN表 read as published: its note, if it is in a row)
                paras_since_grid = []
            else:
                self._paragraph(block, ctx)
                if isinstance(block, Para):
                    paras_since_grid.append(block)
            if isinstance(block, Hidden):
                continue  # (page furniture and hidden sheets: the blocks around them are read as if next to each other)
            furniture_only = isinstance(block, Grid) or furniture_only and isinstance(block, Para) and \
                PAGE_FURNITURE.match(block.text.strip()) is not None
            after_grid = isinstance(block, Grid) or after_grid and isinstance(block, Para) and \
                any(p.match(block.text.strip()) is not None for p in (PAGE_FURNITURE, _INSTRUCTIONS, _CONTINUED))
            last_block = block
        self._nothing_to_state(section, ctx)
        for child in section.children:
            self._section(child)
        self.project, self.own_report = previous, previous_own
        self.amounts.project = previous
        self.restated.level1 = previous_level

    def _listed(self) -> None:
        """The projects a summary table listed (projects=… / items=…), so that the text after it
        names them as the lines they are: each name once, a name listed twice by no one."""
        names: dict[str, set[tuple[str, str]]] = {}
        for f in self.found.findings:
            if len(f.steps) == 2 and f.steps[0].startswith("projects=") and f.steps[1].startswith("items="):
                name = f.steps[1].partition("=")[2]
                names.setdefault(norm(name), set()).add((f.steps[0].partition("=")[2], name))
        self.amounts.listed = {n: next(iter(where)) for n, where in names.items() if len(where) == 1}

    def _nothing_to_state(self, section: Section, ctx: Context) -> None:
        """A section of 机关运行经费, 政府采购 or 国有资产 that says in words, without a figure, that
        there is nothing to state (本院为事业单位，不适用机关运行经费): its statement, so the draft
        discloses the item as the report does."""
        if ctx.area not in ("operating_costs", "procurement", "assets") or section.children:
            return
        paras = [b for b in section.blocks if isinstance(b, Para) and b.text.strip()]
        said = "".join(b.text.strip() for b in paras)
        if not paras or len(said) > 200 or any(isinstance(b, Grid) for b in section.blocks) \
                or re.search(r"[0-9０-９]", said) or not _NOTHING_TO_STATE.search(said):
            return
        first = paras[0]
        self.found.add((ctx.area,), "statement", Stmt(said, "text", clip(said, 0, min(len(said), 40)),
                                                      (first.start, first.start + len(first.text)), at=ctx.at))

    def _conclusions(self, grid: Grid, ctx: Context) -> None:
        """A form's conclusion written as sentences in a cell beside its label (四、部门自评结论 |
        经自评，…得分95.60分…全年批复预算…元，预算执行率97.64%。), or a table's note in its last row,
        that the table readers passed over: read as a paragraph of the report, its score and budget
        as the narrative's."""
        for row in grid.rows:
            filled = [c for c in row if c.text.strip()]
            if len(filled) == 1 and _INSTRUCTIONS.match(filled[0].text.strip()) and re.search(r"[0-9]", filled[0].text):
                cell = filled[0]  # the table's note, in a row of its own at its foot (注：…公务接待费3.18万元…)
            elif len(filled) != 2 or not _CONCLUSION_LABEL.search(filled[0].text) or not _sentences(filled[1].text):
                continue
            else:
                cell = filled[1]
            span = (cell.start, cell.start + len(cell.text))
            if any(span[0] <= f.stmt.span[0] < span[1] for f in self.found.findings) or \
                    any(span[0] <= x.span[0] < span[1] for x in self.found.loose):
                continue  # a table reader took its numbers
            self._paragraph(Para(cell.text, cell.start), ctx)

    def _frame(self, para: Para, ctx: Context) -> set[int]:
        """A scoring frame told in the text, level by level, each with its 分值 and score:
        （一）投入情况（20分），得19.5分 / 1.目标设定（6分），得5.5分 / （1）绩效目标合理性（3分）。…，得3分。
        A 一级 is a weight of the self-evaluation, a 二级 a part of it, a 三级 an indicator under
        both; the offsets of the numbers taken. A 二级 or 三级 line is read so only under a 一级."""
        match = _FRAME.match(para.text)
        if match is None:
            return set()
        numbering = match.group("num")
        level = 1 if re.fullmatch(r"（[一二三四五六七八九十]+）", numbering) else \
            3 if re.fullmatch(r"[（(][0-9]+[）)]", numbering) else 2
        scored = _FRAME_SCORE.search(para.text[match.end():] if level < 3 else para.text)
        if level == 1 and scored is None:
            return set()  # a heading with points in brackets but no score: not surely a frame
        if level > 1 and not self.frame:
            return set()
        name = re.sub(r"情况$", "", match.group("name").strip())
        if level == 1:
            self.frame = [name]
            steps: tuple[str, ...] = ("performance", f"weights={name}")
        elif level == 2:
            self.frame = [self.frame[0], name]
            steps = ("performance", f"weights={self.frame[0]}", f"items={name}")
        else:
            steps = ("performance", "indicators+")
        taken: set[int] = set()
        values = [("weight", match.start("w"), match.group("w"))]
        if scored is not None:
            at = (match.end() if level < 3 else 0) + scored.start("s")
            values.append(("score", at, scored.group("s")))
        first = True
        for key, start, text in values:
            stmt = Stmt(text, "score", clip(para.text, start, start + len(text)),
                        (para.start + start, para.start + start + len(text)), at=ctx.at)
            if level == 3 and not first:
                self.found.add(("performance", "indicators-1"), key, stmt)
            else:
                self.found.add(steps, key, stmt)
                if level == 3:
                    extra = {"level1": Stmt(self.frame[0], "text", "", (0, 0)),
                             "name": Stmt(name, "text", "", (0, 0))}
                    if len(self.frame) > 1:
                        extra["level2"] = Stmt(self.frame[1], "text", "", (0, 0))
                    self.found.findings[-1].extra = extra
            first = False
            taken.add(para.start + start)
        return taken

    def _project_name(self, section: Section) -> str | None:
        if _project_part(section):
            return project_of_title(_unnumbered(section.title))  # (…项目绩效自评报告: the part is that project's)
        if section.parent is not None and _project_part(section.parent):
            heading = _PROJECT_HEADING.match(section.title.strip())
            if heading and not _GENERIC_FUNDS.fullmatch(heading.group("name")):
                return heading.group("name")  # “（一）光彩事业及商会建设经费”: that project's report
            return None
        if not re.search(r"项目.*(绩效|自评)", section.title):
            return None
        for node in section.walk():
            if node.title.endswith("项目名称"):
                first = next((b for b in node.blocks if isinstance(b, Para)), None)
                if first is not None:
                    return first.text.strip()
        return None

    @staticmethod
    def _in_project_part(section: Section) -> bool:
        """A section of the project reports that follow the department's in one article: the part
        (项目支出绩效评价报告) itself or a block right under it."""
        return _project_part(section) or section.parent is not None and _project_part(section.parent)

    def _paragraph(self, para: Para, ctx: Context, heading: bool = False) -> None:
        if not heading and RESCALING.search(para.text):
            # the form's note or instruction: an indicator that does not apply is not scored and the
            # applicable scores are rescaled to 100 (of the form read last, or of the next one)
            if self.grids.forms_read:
                self.grids.rescaling_rule(para.text, para.start)
            else:
                self.rescaling = para
        topic = _TOPIC.match(DECORATION.sub("", para.text.strip())) if not heading else None
        area = area_of(topic.group("t")) if topic else None
        if area in ("sangong", "operating_costs", "assets", "procurement") and area != ctx.area:
            # “◆国有资产：截至…共有车辆2辆…” under 其他重要事项: the paragraph's topic is its area
            ctx = replace(ctx, area=area)
        named = _PROJECT_LEAD.match(para.text.strip()) if not heading and ctx.kind != "部门决算" or \
            not heading and is_performance(ctx) else None
        if named and (named.group("name") or "") and known_row(named.group("name")) is not None:
            named = None  # (公用经费：… is the template's row, not a project)
        lead = None if named or heading or self.project else self._listed_lead(para.text)
        if lead:
            # “（二）电信网络诈骗打击治理项目执行率89.26%，产出指标得分46.5分…”: of that project
            self.project = self.amounts.project = lead
            try:
                self._paragraph(para, ctx, heading)
            finally:
                self.project = self.amounts.project = None
            return
        if named and not self.project:
            # “（一）峪东县2023年…能力提升项目：全年预算数1,460.00万元，…自评得分98.94分”: of that project
            self.project = self.amounts.project = named.group("name") or named.group("scored")
            try:
                self._paragraph(para, ctx, heading)
            finally:
                self.project = self.amounts.project = None
            return
        rank = numbering_rank(para.text)
        if not heading:
            self.amounts.paragraph(rank)
        else:
            self.amounts.para = type(self.amounts.para)()
        if _INSTRUCTIONS.match(para.text.strip()) or any(_INSTRUCTIONS.match(t.strip()) for t in ctx.titles) \
                or self.instructions:
            # a table's note or the form's instructions (注：1.预算执行率得分=执行率×10，最高不超过10分):
            # their numbers are the rules of the form, not figures of the report; but a note that gives
            # the form's 预算执行 score by quarter (本项目预算执行得分6.80分，其中一季度0.38分…) gives that form's,
            # and a 决算 table's note may go on after the template's sentence (注：本表反映…情况。) with the
            # department's own: its counts (公务用车保有量3辆，国内公务接待24批次、168人次) are the report's,
            # read as its text's; its amounts restate the table's cells and are listed as before.
            last = self.grids.last_project
            root = f"project_performance={last}" if last else "performance"
            own = ctx.kind == "部门决算" and _TEMPLATE_NOTE.match(para.text.strip()) is not None
            for n, sentence in enumerate(sentences(para.text, para.start)):
                scored = quarter_scores(sentence, self.found, ctx.at, root)
                counted = [t for t in tokens(sentence.text) if t.kind == "count" and not t.bracketed] \
                    if own and n else []
                if counted:
                    self.counts.sentence(sentence, counted, counted, ctx, self.project)
                for t in tokens(sentence.text):
                    if sentence.start + t.start in scored or t in counted:
                        continue
                    self.found.skip(sentence.text[t.start:t.end], (sentence.start + t.start, sentence.start + t.end),
                                    clip(sentence.text, t.start, t.end), ctx.at, "表注、填表说明中的数，不是数据")
            return
        self.counts.goal_text = self._goal(para, ctx)
        framed = self._frame(para, ctx) if self.kind == "绩效自评报告" and not self.project else set()
        listed = not self.project and _PROJECTS_EVALUATED.search(para.text) is not None
        for sentence in sentences(para.text, para.start):
            clauses = sentences(sentence.text, sentence.start, _CLAUSE_END) if listed else []
            if not any(_PROJECT_CLAUSE.search(c.text) for c in clauses):
                self._sentence(sentence, ctx, framed, para.text)
                continue
            # “对3个项目开展了绩效自评，其中：A全年预算…，自评得分98.5分；B全年预算…”: each clause
            # naming a project before its budget and its score is that project's
            for clause in clauses:
                named = _PROJECT_CLAUSE.search(clause.text)
                self.project = self.amounts.project = named.group("name") if named else None
                try:
                    self._sentence(clause, ctx, framed, para.text)
                finally:
                    self.project = self.amounts.project = None
        if not heading:
            self.amounts.end_paragraph(para.text, rank)
        else:
            self.amounts.flush()

    def _listed_lead(self, text: str) -> str | None:
        """A paragraph that opens with a project a summary above lists, its rate or score next
        (电信网络诈骗打击治理项目执行率89.26%，…), and names no other listed project: that project, as
        the paragraph names it."""
        lead = _LISTED_LEAD.match(text.strip())
        listed = {re.sub(r"\s+", "", n) for n in self.grids.listed}
        if not lead or not listed:
            return None
        name = re.sub(r"\s+", "", lead.group("name"))
        if name.removesuffix("项目") not in listed and name not in listed:
            return None
        plain = re.sub(r"\s+", "", text)
        others = {n for n in listed if n in plain and n not in name}
        return None if others else lead.group("name").strip()

    def _goal(self, para: Para, ctx: Context) -> bool:
        """A paragraph of the section that sets out the year's goals (项目绩效目标, 部门整体绩效目标) in a
        self-evaluation: drafted whole as a goal, its numbers standing in its words (项目计划新建及改造
        农村供水管网48.6公里，…受益群众满意度不低于90%), as a form's 年度总体目标 is."""
        if not (is_goal_section(ctx) and (self.kind == "绩效自评报告" or self.project or is_performance(ctx))):
            return False
        if not any(t.kind != "bare" for t in tokens(para.text)):
            return False
        root = f"project_performance={self.project}" if self.project else "performance"
        self.found.add((root, "goals+"), "target",
                       Stmt(markdown(para.text.strip()), "text", clip(para.text, 0, min(len(para.text), 40)),
                            (para.start, para.start + len(para.text)), at=ctx.at))
        return True

    def _sentence(self, sentence: Sentence, ctx: Context, framed: set[int], paragraph: str) -> None:
        taken = rules(sentence, self.found, ctx.at,
                      f"project_performance={self.project}" if self.project else "performance", paragraph) | framed
        if self.kind == "绩效自评报告" and not self.project:
            taken |= self.restated.sentence(sentence, ctx.at)
            taken |= budget(sentence, self.found, ctx.at, paragraph)
            taken |= progress(sentence, self.found, ctx.at)
        elif self.own_report and self.project:
            # a project's own report after the department's: its budget and spending are its self-evaluation's
            taken |= budget(sentence, self.found, ctx.at, paragraph, f"project_performance={self.project}")
            taken |= progress(sentence, self.found, ctx.at, f"project_performance={self.project}")
        toks = []
        for t in tokens(sentence.text):
            if sentence.start + t.start in taken:
                continue
            if t.bracketed:
                # an amount or a rate in brackets right after the words it belongs to: listed, since
                # what it is of (the budget compared, last year's rate) the words around it must say
                self._list(sentence.text, sentence.start, t, ctx, "括号中的数，未能确定是哪一项的")
                continue
            if t.kind == "bare" and glued(sentence.text, t):
                # listed, not dropped: a clerk sees it and can tell a name from a figure in a unit
                # the importer does not know
                self._list(sentence.text, sentence.start, t, ctx,
                           "数字与文字相连，像是名称的一部分（如 12345热线、5G）")
                continue
            if threshold(sentence.text, t):
                self._list(sentence.text, sentence.start, t, ctx, "名称中的价格门槛（…以上），不是数据")
                continue
            toks.append(t)
        rest = self.amounts.sentence(sentence, toks, ctx)
        self.counts.sentence(sentence, toks, rest, ctx, self.project)

    def _list(self, text: str, start: int, t: Token, ctx: Context, why: str) -> None:
        """Token `t` of `text` (which starts at `start` in the source) listed under `unplaced:`."""
        self.found.skip(text[t.start:t.end], (start + t.start, start + t.end), clip(text, t.start, t.end), ctx.at, why)


#: A paragraph telling of the projects evaluated (对3个项目开展了绩效自评), and in it a clause that
#: names one before its budget and its score (其中：义务教育学校公用经费全年预算…，自评得分98.5分).
_PROJECTS_EVALUATED = re.compile(r"[0-9一二三四五六七八九十]+个(?:重点)?项目[^。]{0,20}(?:绩效)?(?:自评|评价)")
_PROJECT_CLAUSE = re.compile(r"(?:^|[：:，,；;])\s*(?P<name>[^：:，,；;。、]{4,40}?)(?:项目)?"
                             r"(?:全年预算|年初预算|预算数)[^；;。]*?自评得分[0-9]")


#: Where a sentence's clauses end.
_CLAUSE_END = re.compile(r"[；;]")


#: A line of a scoring frame told in the text: its numbering, its name and its 分值 in brackets.
_FRAME = re.compile(r"^\s*(?P<num>（[一二三四五六七八九十]+）|[0-9]+[.、．]|[（(][0-9]+[）)])\s*"
                    r"(?P<name>[^（()，,。；;：:\s]{2,24}?)[（(](?P<w>[0-9]+(?:\.[0-9]+)?)分[）)]")
#: Its score: 得19.5分, the last said in the line (a 三级's at the end of its paragraph).
_FRAME_SCORE = re.compile(r"得(?P<s>[0-9]+(?:\.[0-9]+)?)分[。．.]?\s*$")

#: The label of a form's row of conclusions: 自评结论, 部门自评结论, 评价结论, 总体评价结论.
_CONCLUSION_LABEL = re.compile(r"(自评|评价)结论|总体评价|自评情况")


def _sentences(text: str) -> bool:
    """Running text: sentences, not a table's cell value."""
    text = text.strip()
    return len(text) >= 30 and "。" in text and text.count("，") >= 2


def _caption(block: Block | None) -> str | None:
    """The line right above a table when it reads as the table's title (…汇总表, …自评结果), not a sentence."""
    if not isinstance(block, Para):
        return None
    text = DECORATION.sub("", block.text.strip())
    # the unit set after the title on its line (■ “三公”经费支出情况　单位：万元)
    text = re.sub(r"[ \u3000]+(?:金额)?单位[：:]\s*(?:万元|元)$|[（(](?:金额)?单位[：:]\s*(?:万元|元)[）)]$", "",
                  text).strip(" \u3000")
    text = re.sub(r"^附(?:表|件)[0-9０-９一二三四五六七八九十]*[：:．.、]?\s*", "", text)  # 附表：…情况
    if len(text) > 60 or re.search(r"[。；;，,：:]", text) or not re.search(r"表|结果|情况|清单|明细", text):
        return None
    return text


def _partial_lists(node: Node) -> None:
    """A line with a single part under it (“其中：授予小微企业合同金额836.50万元”) lists only part
    of it: `items_partial`, so the checks do not take the one part for the whole."""
    for value in node.fields.values():
        children = value.items if isinstance(value, Seq) else [value] if isinstance(value, Node) else []
        for child in children:
            if isinstance(child, Node):
                _partial_lists(child)
    items = node.fields.get("items")
    if isinstance(items, Seq) and len(items.items) == 1 and node.model is not None \
            and "items_partial" in node.model.model_fields and "items_partial" not in node.fields:
        node.fields["items_partial"] = Leaf([Stmt("true", "text", "", (0, 0))], False)


def _organization_names(doc: Outline, tree: Tree) -> None:
    """内设机构 and 所属单位 names listed after “分别是：” or “具体有：”."""
    for section in doc.root.walk():
        for block in section.blocks:
            if not isinstance(block, Para):
                continue
            for key, pattern in (("internal_units", r"内设[^，。；]*?(?:分别是|具体有|分别为)[：:](?P<list>[^。]+)"),
                                 ("subordinate_units", r"所属(?:事业)?单位(?:分别是|为)[：:](?P<list>[^。]+)")):
                match = re.search(pattern, block.text)
                if match and key not in tree.node(("organization",)).fields:
                    names = [n.strip() for n in re.split(r"[、，,]|和(?=[^和]*$)", match.group("list")) if n.strip()]
                    seq = Seq(None, [Leaf([Stmt(n, "text", "", (0, 0))], False) for n in names])
                    tree.node(("organization",)).fields[key] = seq


# --- writing -----------------------------------------------------------------------------------------


def _write(writer: Writer, tree: Tree, year: int, unit: str, loose: list[Loose]) -> None:
    writer.lines += [
        "# yaml-language-server: $schema=../../../schema/year.schema.json",
        "# 导入草稿：由 build.py import 从原文生成，发布前须逐项核对。每个数后的注释是它在原文中的出处；",
        "# 标有“推定”的数，原文未直接写明阶段。原文中无法确定归属的数列在文末 unplaced 中。",
        f"year: {year}  # 报告年度：由 import --year 给出",
        f"unit: {unit}  # 原文金额多以{unit}表述；以其他单位表述的数各自写明 unit",
    ]
    root = tree.root
    root.fields.pop("year", None)
    root.fields.pop("unit", None)
    writer.mapping(root, 0, ())
    _write_loose(writer, loose)


def _write_loose(writer: Writer, loose: list[Loose]) -> None:
    if not loose:
        return
    writer.lines += [
        "",
        "# ──────────────────────────────────────────────────────────────────────────────",
        "# unplaced：导入程序不能确定字段或阶段的数（宁缺勿错）。请逐条核对原文，把该记的数写到上文",
        "# 相应位置，然后删除整个 unplaced 键。内容模型没有这个键，删除之前 build.py check 会报错。",
        "unplaced:",
    ]
    for item in sorted(loose, key=lambda x: x.span):
        fields = ", ".join(f"{key}: {_q(getattr(item, attr))}" for key, attr in
                           (("text", "text"), ("at", "at"), ("source", "quote"), ("why", "why")))
        writer.lines.append(f"  - {{{fields}}}")


def _q(text: str) -> str:
    from .draft import YAML_ESCAPES

    return json.dumps(text, ensure_ascii=False).translate(YAML_ESCAPES)


def strip_unplaced(yaml_text: str) -> str:
    """The draft without its `unplaced:` list: what remains once a reviewer has dealt with it."""
    out = []
    skipping = False
    for line in yaml_text.split("\n"):
        if line.startswith("unplaced:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)
