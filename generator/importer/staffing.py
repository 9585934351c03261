"""Staffing sentences: 编制, 实有人数, 离退休, 车辆, and the parts listed with 其中 or 含.

“人员核定编制18人，其中：事业编制18人，年初实有在职人员18人，年末实有在职人员18人” maps onto
the staffing fields by their words; a part listed with 其中 or 含 goes under the count before it,
except that staff outside the establishment (借调, 聘用, 派遣, 编外) are never parts of 编制.

`Staffing` is mixed into CountReader, which supplies `found`, `subjects` and `_stmt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import Context
from .draft import Stmt
from .found import Found
from .text import Sentence, Token, last_clause, norm

_YEAR = re.compile(r"[0-9]{4}年(度|末|初)?|本年(度)?|当年|全年|今年(来)?")
STAFF_SENTENCE = re.compile(r"编制|在职|退休|离休|车辆")
PEOPLE = ("人", "名")
VEHICLE = ("辆", "台")

_FIELDS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"年初实有在职(人员|人数)?"), "actual_start", PEOPLE),
    (re.compile(r"(年末)?(实有在职|实际在职|实有在编|实有在职在编|在编实有)(人员|人数|职工)?|(年末)?在职(人数|人员|职工)"),
     "actual_end", PEOPLE),
    (re.compile(r"离退休(人员|人数)"), "retired", PEOPLE),
    (re.compile(r"(共计|合计)工作人员|工作人员(共计|合计)"), "total_staff", PEOPLE),
    (re.compile(r"(实有)?车辆编制(数)?"), "vehicles_authorized", VEHICLE),
    (re.compile(r"(现有|实有|在编实有)车辆"), "vehicles", VEHICLE),
    (re.compile(r"(年末|年初)?((人员)?(核定)?(人员)?编制(数)?|共有编制|实有人员编制|核定编制)"), "authorized",
     PEOPLE + ("",)),
]
_AUTHORIZED_ITEM = re.compile(r"(核定)?(财政全额拨款)?"
                              r"(?P<n>(行政|事业|工勤|行政工勤|参公管理事业|参照公务员法管理的?事业)编制)")
#: A kind of 编制 named anywhere in a sentence (another kind than the one just counted, if any).
_AUTHORIZED_KIND = re.compile(r"(行政|事业|工勤|参公|参照公务员法管理)[^，,。；;]{0,8}编制"
                              r"|编制[^，,。；;]{0,4}(行政|事业|工勤)")
_ACTUAL_ITEM = re.compile(r"在职在编实有(?P<n>\S+?人员)")
_RETIRED_ITEM = re.compile(r"(?P<n>(离休|退休)(人员|人数)?)")
_OTHER = re.compile(r"借调|聘用|派遣|编外|临聘|劳务")
_ITEM_LISTS = {"authorized": "authorized_items", "actual_end": "actual_items", "actual_start": "actual_items",
               "retired": "retired_items"}

@dataclass
class StaffState:
    """Where a part-list in a staffing sentence goes: under a field, or under a listed headcount."""

    parent: tuple[str, ...] | None = None  # steps of a headcount entry whose parts follow
    parent_field: str | None = None  # a field whose parts follow (authorized → authorized_items)
    last: tuple[str, ...] | None = None
    last_field: str | None = None
    last_list: str | None = None
    nested: list[tuple[tuple[str, ...] | None, str | None, str | None]] = field(default_factory=list)



class Staffing:
    found: Found
    subjects: tuple[str, ...]

    def _stmt(self, sentence: Sentence, token: Token, ctx: Context, value: str, kind: str) -> Stmt:
        raise NotImplementedError

    def _staff(self, sentence: Sentence, token: Token, raw: str, ctx: Context, state: StaffState) -> bool:
        clause = last_clause(raw)
        # a part-list opens with 其中 or 含, or with a bracket right after the count (在职人员63人（行政38人、…）)
        opens = re.search(r"其中|[（(]含|^含|^\s*[（(]", raw) is not None
        closes = re.search(r"[）)]", raw) is not None
        if closes and state.nested:
            # the list before the bracket goes on: “行政人员11人(含工勤人员3人),事业人员8人”; one the
            # bracket began ends with it: “（其中行政编制9名、事业编制5名），年末实有在编人员13名”
            state.parent, state.parent_field, state.last_list = state.nested.pop()
        name = norm(_YEAR.sub("", re.sub(r"^[（(]?(其中|含)[：:]?", "", clause))).lstrip("、，,；;(（")
        for subject in self.subjects:
            name = name.replace(norm(subject), "")
        name = re.sub(r"^(我部门|我局|我单位|本部门|本单位|本局|部门|单位)", "", name)
        if opens:
            state.nested.append((state.parent, state.parent_field, state.last_list))
            state.parent, state.parent_field = state.last, state.last_field
        stmt = self._stmt(sentence, token, ctx, token.num, "count")
        for pattern, key, units in _FIELDS:
            if pattern.fullmatch(name) and token.unit in units + (("",) if token.kind == "bare" else ()):
                if key == "authorized" and _AUTHORIZED_ITEM.fullmatch(name) and not state.parent_field:
                    break
                self._field(key, stmt, state)
                return True
        if not opens and state.parent is None and state.parent_field is None and _AUTHORIZED_ITEM.fullmatch(name) \
                and not _AUTHORIZED_KIND.search(sentence.text[token.end:]) \
                and not _AUTHORIZED_KIND.search(sentence.text[:max(0, token.start - len(clause))]):
            # “核定事业编制34人” with no other kind in the sentence: the unit's whole 编制, all of that kind
            self.found.add(("staffing",), "authorized", self._stmt(sentence, token, ctx, token.num, "count"))
        return self._headcount(name, stmt, state)

    def _field(self, key: str, stmt: Stmt, state: StaffState) -> None:
        self.found.add(("staffing",), key, stmt)
        state.last, state.last_field, state.last_list = None, key, None
        state.parent, state.parent_field = None, None
        state.nested.clear()

    def _headcount(self, name: str, stmt: Stmt, state: StaffState) -> bool:
        if not name or len(name) > 20:
            return False
        other = _OTHER.search(name) is not None
        if state.parent is not None and not (other and "authorized" in state.parent[-1]):
            steps = (*state.parent, f"items={name}")
        elif state.parent_field in _ITEM_LISTS and not (other and state.parent_field == "authorized"):
            steps = ("staffing", f"{_ITEM_LISTS[state.parent_field]}={name}")
        elif (match := _AUTHORIZED_ITEM.fullmatch(name)) is not None:
            steps = ("staffing", f"authorized_items={match.group('n')}")
        elif (match := _ACTUAL_ITEM.fullmatch(name)) is not None:
            steps = ("staffing", f"actual_items={match.group('n')}")
        elif _RETIRED_ITEM.fullmatch(name):
            steps = ("staffing", f"retired_items={name}")
        elif other:
            steps = ("staffing", f"other_items={name}")
        elif state.last_list is not None:
            # “在职在编实有行政人员11人(…),事业人员8人”: the next entry of the list just written.
            steps = ("staffing", f"{state.last_list}={name}")
        else:
            return False
        self.found.add(steps, "count", stmt)
        if len(steps) == 2:
            state.last_list = steps[1].partition("=")[0]
        state.last, state.last_field = steps, None
        return True
