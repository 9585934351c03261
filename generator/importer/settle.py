"""Settle what the readers found into the draft tree: choose the file's unit, refuse what cannot stand
(an amount with more decimals than its unit allows, an unmarked amount read as 决算 where the row has
another stated 决算 amount), and put the rest in place, each refusal going to `unplaced` with its reason."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .draft import Conflict, Leaf, Seq, Stmt, Tree
from .found import Finding, Found, Loose

_PLACES = {"元": 2, "万元": 6, "亿元": 10}
_SCALE = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
_REFUSED = "内容模型不接受这样写（如小数位数、格式），已退回，请核对"
WEAK_NOTE = "原文未写“决算”“实际”等字样，按支出情况的叙述推定为决算数，请核对"


def file_unit(found: Found) -> str:
    """The file's unit: the money unit most statements use (元 or 万元)."""
    units = Counter(f.stmt.unit for f in found.findings if f.stmt.kind == "money" and f.stmt.unit in ("元", "万元"))
    return units.most_common(1)[0][0] if units else "万元"


def settle(found: Found, tree: Tree, unit: str, refused: set[tuple[int, int]],
           tables: list[tuple[int, int]]) -> None:
    """Put every finding in place, or in `found.loose` with the reason it cannot stand. `tables`:
    where each table of the file stands (the span of its text)."""
    _units_by_match(found, tables)
    _evaluations_by_path(found)
    strong_actual: dict[tuple[str, ...], set[str]] = {}
    weak_actual: dict[tuple[str, ...], set[str]] = {}
    for f in found.findings:
        if f.key == "actual" and f.stmt.kind == "money" and f.stmt.unit:
            (weak_actual if f.weak else strong_actual).setdefault(f.steps, set()).add(_yuan(f.stmt, unit))
    for steps, values in weak_actual.items():
        if len(values) > 1:
            # Two unmarked amounts of one row that differ cannot both be its 决算数.
            strong_actual.setdefault(steps, set()).update(values)
    for f in found.findings:
        why = _REFUSED if f.stmt.span in refused else _refuse(f, unit, strong_actual)
        if why:
            _loosen(found, f, why)
            continue
        _apply(tree, f, unit, found)


def _evaluations_by_path(found: Found) -> None:
    """A project the text names by its own name (民警教育培训项目自评得分84.46分) whose summary keeps
    it under its 一级项目 (队伍建设及保障 / 民警教育培训): the text's figures of its self-evaluation
    are that one's, when one project of the summary ends so (with or without 项目); a name that
    stands under two 一级 is left as it is."""
    root = "project_performance="
    paths = {f.steps[0][len(root):] for f in found.findings if f.steps and f.steps[0].startswith(root)
             and " / " in f.steps[0]}
    if not paths:
        return
    for f in found.findings:
        if not f.steps or not f.steps[0].startswith(root) or " / " in f.steps[0]:
            continue
        said = "".join(f.steps[0][len(root):].split())
        names = (said, said.removesuffix("项目"))
        ends = {path for path in paths if "".join(path.rsplit(" / ", 1)[-1].split()) in names}
        if len(ends) == 1:
            f.steps = (root + ends.pop(), *f.steps[1:])


def _units_by_match(found: Found, tables: list[tuple[int, int]]) -> None:
    """A table that names no money unit (a graphic's small table, a web page's) takes the unit the
    file states its amounts in elsewhere, when its amounts are stated there: its 合计 21.36 is
    the text's “三公”经费决算数21.36万元. Only a non-zero amount of three digits or more counts as
    stated, and only when every one found names the same unit; the reading is noted for review."""
    stated: dict[Decimal, set[str]] = {}
    for f in found.findings:
        if f.stmt.kind == "money" and f.stmt.unit:
            stated.setdefault(Decimal(f.stmt.value), set()).add(f.stmt.unit)
    unitless: dict[int, list[Stmt]] = {}
    for f in found.findings:
        if f.stmt.kind == "money" and f.stmt.unit is None:
            table = next((n for n, (start, end) in enumerate(tables) if start <= f.stmt.span[0] < end), None)
            if table is not None:
                unitless.setdefault(table, []).append(f.stmt)
    for stmts in unitless.values():
        units: set[str] = set()
        for stmt in stmts:
            amount = Decimal(stmt.value)
            if amount and len(stmt.value.replace(".", "").lstrip("-0")) >= 3:
                units |= stated.get(amount, set())
        if len(units) == 1:
            (named,) = units
            for stmt in stmts:
                stmt.unit = named
                stmt.note = f"表格未注明金额单位，其中的数与文中以{named}所述的相同，按{named}读，请核对"


def _refuse(f: Finding, unit: str, strong_actual: dict[tuple[str, ...], set[str]]) -> str | None:
    stmt = f.stmt
    if stmt.kind == "money" and stmt.unit is None:
        return "表格未注明金额单位"
    if stmt.kind == "money" and _places(stmt.value) > _PLACES.get(stmt.unit or unit, 2):
        return f"小数位数超过{stmt.unit or unit}允许的位数"
    if f.weak and f.key == "actual":
        others = strong_actual.get(f.steps, set()) - {_yuan(stmt, unit)}
        if others:
            return "原文未写明阶段；同一行另有不同的决算数，故不能推定为决算"
    return None


def _places(value: str) -> int:
    number = value.rstrip("%").lstrip("-")
    return len(number.split(".")[1]) if "." in number else 0


def _yuan(stmt: Stmt, unit: str) -> str:
    return str((Decimal(stmt.value) * _SCALE[stmt.unit or unit]).normalize())


def _apply(tree: Tree, f: Finding, unit: str, found: Found) -> None:
    stmt = f.stmt
    if stmt.kind == "money" and stmt.unit == unit:
        stmt.unit = None
    if f.weak:
        stmt.note = WEAK_NOTE
    if f.steps and f.steps[-1].startswith("project_performance="):
        node = tree.node(f.steps)
        if "kind" not in node.fields:
            node.fields["kind"] = Leaf([Stmt("项目支出", "text", "", (0, 0))], False)
    if f.key == "__value__":
        *parent, last = f.steps
        node = tree.node(parent)
        seq = node.fields.setdefault(last.rstrip("+"), Seq(None))
        assert isinstance(seq, Seq)
        seq.items.append(Leaf([stmt], False))
        return
    try:
        tree.put(f.steps, f.key, stmt)
        if f.extra:
            here = tree.node(_last_entry(f.steps))
            for key, extra in f.extra.items():
                if key not in here.fields:
                    tree.put(_last_entry(f.steps), key, extra)
    except Conflict as err:
        _loosen(found, f, f"与同一处已写的数不同（{err}）")


def _last_entry(steps: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s[:-1] + "-1" if s.endswith("+") else s for s in steps)


def _loosen(found: Found, f: Finding, why: str) -> None:
    """The finding listed under `unplaced`, and with it any number written beside it (a work figure's change)."""
    for stmt in (f.stmt, *f.extra.values()):
        if stmt.span == (0, 0):
            continue
        text = stmt.value + (stmt.unit or "")
        found.loose.append(Loose(text, stmt.span, stmt.quote, stmt.at or "", why))
