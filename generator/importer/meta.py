"""The document entry (kind, title, issuer, dates, index numbers) and the department's name."""

from __future__ import annotations

import re

from .draft import Stmt
from .found import Found
from .structure import Outline


def untitled(kind: str, file_name: str | None) -> Stmt:
    """The title of a report that has no title line: its file's name without the suffix (what the
    department published it as), else its kind; the comment says where it came from."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name or "").strip()
    if stem:
        return Stmt(stem, "text", "", (0, 0), note=f"原文没有标题行，标题取自文件名“{file_name}”，请按原文件核对")
    return Stmt(kind, "text", "", (0, 0), note="原文没有标题行，标题按报告类别填写，请改为原文件的名称")


def kind_of(title: str) -> str:
    if re.search(r"绩效.*(自评|评价).*报告|自评报告", title):
        return "绩效自评报告"
    if "决算" in title:
        return "部门决算"
    if "预算" in title:
        return "部门预算"
    return "绩效自评报告"


#: (a title set on two lines, the project's name and the genre, says 项目 twice: …建设项目 / 项目支出绩效自评报告)
_PROJECT_REPORT = re.compile(r"(?:[0-9]{4}年度?)?(?P<name>.{2,60}?项目)(?:项目)?(?:支出)?绩效(?:自评|评价)(?:报告)?")


#: A fund's own report: …局2023年度困难群众救助补助资金绩效自评报告, the fund named after the year.
_FUND_REPORT = re.compile(r".*?[0-9]{4}年度?(?P<name>[^0-9]{4,40}?(?:资金|经费))(?:支出)?绩效(?:自评|评价)(?:报告)?")
#: Words that name money in general, not one fund.
_NO_FUND = re.compile(r"(财政|预算|部门|专项|项目|财政专项|部门预算|项目支出)(资金|经费)")


def project_of_title(title: str) -> str | None:
    """The project a 项目支出绩效自评报告 is about, as its title names it (…建设项目支出绩效自评报告),
    or the fund a fund's report is about (…年度困难群众救助补助资金绩效自评报告)."""
    plain = re.sub(r"\s+", "", title)
    if "部门整体" in title:
        return None
    if (fund := _FUND_REPORT.fullmatch(plain)) is not None and not _NO_FUND.fullmatch(fund.group("name")):
        return fund.group("name")
    match = _PROJECT_REPORT.fullmatch(plain)
    if match is None or re.search(r"[0-9]{4}年度?项目$", match.group("name")):
        return None  # (…局2023年度项目支出绩效自评报告 names no project: its 项目名称 line does)
    return match.group("name")


_NAMED_PROJECT = re.compile(r"^\s*项目名称(?:\s*[：:]|[ \t\u3000]{2,}|\t)\s*"
                            r"(?P<name>[^\s　，,。；;：:]{2,40}?(?:项目|工程|计划|资金|经费))")


def project_of_lines(texts: list[str]) -> str | None:
    """The project a report names in a 项目名称： line near its top (a title that names none)."""
    for text in texts:
        match = _NAMED_PROJECT.match(text)
        if match:
            return match.group("name")
    return None


_REPORT_WORDS = re.compile(r"([0-9]{4}年度?|部门整体支出绩效(自评|评价)报告|整体支出绩效(自评|评价)报告"
                           r"|部门决算|部门预算"
                           r"|绩效自评报告|（[^（）]*）|\([^()]*\))")


#: The endings of a department's name: 局, 中心, 办公室 …, and the people's organisations and party
#: offices (妇联, 残联, 总工会, 红十字会, 团县委, 统战部, 党校, 供销合作社); a title may end in 处 too.
_DEPARTMENT_ENDS = "局|中心|办公室|委员会|院|所|站|馆|队|委|办|联|会|部|校|社"


def department_name(outline: Outline) -> str | None:
    """The department as the title or the header names it; None when neither names one clearly."""
    issuer = next((m.value for m in outline.meta if m.key == "issuer"), None)
    name = _REPORT_WORDS.sub("", outline.title).strip()
    if re.search(rf"({_DEPARTMENT_ENDS}|处)$", name):
        return name
    if issuer and re.search(rf"({_DEPARTMENT_ENDS})$", issuer) and "财政" not in issuer:
        return issuer
    return None


def subjects(name: str | None) -> tuple[str, ...]:
    """The department's name and its shorter forms, longest first.

    保山市隆阳区政务服务管理局 is also written 隆阳区政务服务管理局; both are dropped from labels. A
    department names itself by its level too: 璧川县妇联 writes 县妇联, 隆阳区政务服务管理局 区政务服务管理局.
    """
    if not name:
        return ()
    out = [name]
    for marker in ("市", "州", "县", "区"):
        index = name.find(marker)
        if 0 <= index < len(name) - 4:
            out.append(name[index + 1:])
        if 0 < index < len(name) - 2:
            out.append(name[index:])
    return tuple(sorted(set(out), key=len, reverse=True))


def document(outline: Outline, found: Found, file_name: str | None = None) -> None:
    """The published document with its header facts; every number in them keeps its place in the text.
    A report with no title line (a system's export of one table, a sheet of tables alone) is titled
    by its file's name (`file_name`) without the suffix, else by its kind, the draft's comment saying so."""
    title = outline.title
    steps = ("documents+",)
    found.add(steps, "kind", Stmt(kind_of(title), "text", "", (0, 0)))
    steps = ("documents-1",)
    found.add(steps, "title", Stmt(title, "text", "", (0, 0)) if title.strip() else untitled(kind_of(title), file_name))
    for meta in outline.meta:
        span = (meta.start, meta.start + len(meta.value))
        if meta.key == "supervision_index_no":
            found.add(("documents-1", "supervision_index_nos+"), "__value__",
                      Stmt(meta.value, "text", meta.value, span, at="文首/文末"))
            continue
        if meta.key in ("written", "published"):
            found.add(steps, meta.key, Stmt(meta.value, "date", meta.value, span, at="文首/文末"))
        elif meta.key:
            found.add(steps, meta.key, Stmt(meta.value, "text", meta.value, span, at="文首"))
