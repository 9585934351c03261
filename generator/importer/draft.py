"""The draft year file as a tree, and its YAML text with a source comment on every figure.

The tree follows the content model (generator.content.model): each mapping knows its model class,
so keys come out in the model's order and a key the model does not have fails here, at
import time, rather than in the reviewer's editor. Lists of rows are keyed by name (by
scope for income and expenditure), so figures about one row stated in different
sentences land on the same row. The YAML is written by hand because it carries comments.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..content.figures import Figure
from ..content.model import Project, YearReport
from .sources import same_source
from .text import norm

# Lists whose entries are identified by something other than `name`.
_IDENTITY = {"income": "scope", "expenditure": "scope", "grade_bands": "grade"}


@dataclass
class Stmt:
    """One statement of a value: as written for the YAML, where it came from, and why it is here."""

    value: str
    kind: str  # money | percent | score | count | number | text | date
    quote: str
    span: tuple[int, int]
    at: str | None = None
    unit: str | None = None  # a money unit other than the file's
    note: str | None = None  # how the importer read it, when not plain
    also: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # the same value stated again


@dataclass
class Leaf:
    stmts: list[Stmt]
    listable: bool


@dataclass
class Node:
    model: type[BaseModel] | None
    fields: dict[str, Node | Seq | Leaf] = field(default_factory=dict)


@dataclass
class Seq:
    model: type[BaseModel] | None
    items: list[Node | Leaf] = field(default_factory=list)


@dataclass
class Placed:
    """A statement as written: its field path in the YAML (keys and list indexes) and its statement."""

    loc: tuple[object, ...]
    stmt: Stmt
    line: int  # index of the YAML line that writes it


class Conflict(Exception):
    """A single-valued field already holds a different value."""


# --- model introspection ---------------------------------------------------------------------------


def _sub_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    if model is None:
        return None
    info = model.model_fields.get(key)
    if info is None:
        raise KeyError(f"{model.__name__} has no field {key!r}")
    return _first_model(info.annotation)


def _first_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _is_figure(annotation) -> bool:
    if annotation is Figure:
        return True
    return any(_is_figure(arg) for arg in typing.get_args(annotation))


def _listable(model: type[BaseModel] | None, key: str) -> bool:
    # (a key the model lacks is written as it comes: the model refuses it, and the statement goes
    # to `unplaced` with the draft redone, as any other the model refuses)
    info = model.model_fields.get(key) if model is not None else None
    return info is not None and _is_figure(info.annotation)


# --- building --------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return norm(text).replace("/", "及")


class Tree:
    """The draft as it is assembled."""

    def __init__(self) -> None:
        self.root = Node(YearReport)

    def node(self, steps: typing.Sequence[str]) -> Node:
        """The mapping at `steps`, created on the way.

        A step is `key` (a mapping), `key=ident` (the list entry with that name or scope), `key+` (a new
        list entry) or `key-1` (the list's last entry).
        """
        here = self.root
        for step in steps:
            here = self._step(here, step)
        return here

    def _step(self, here: Node, step: str) -> Node:
        if step.endswith("+"):
            key = step[:-1]
            seq = self._seq(here, key)
            entry = Node(seq.model)
            seq.items.append(entry)
            return entry
        if step.endswith("-1"):
            last = self._seq(here, step[:-2]).items[-1]
            assert isinstance(last, Node)
            return last
        key, _, ident = step.partition("=")
        if not ident:
            child = here.fields.get(key)
            if child is None:
                child = here.fields[key] = Node(_sub_model(here.model, key))
            assert isinstance(child, Node)
            return child
        seq = self._seq(here, key)
        id_field = _IDENTITY.get(key, "name")
        for item in seq.items:
            if isinstance(item, Node) and _key(_text_of(item, id_field)) == _key(ident):
                return item
        if key == "by_source" and here.model is Project:
            # a project's source named short in the text and in full in its table (中央, 中央财政资金): one
            # line, under its full name
            for item in seq.items:
                if isinstance(item, Node) and same_source(known := _text_of(item, id_field), ident):
                    if len(ident) > len(known):
                        item.fields[id_field] = Leaf([Stmt(ident, "text", "", (0, 0))], False)
                    return item
        entry = Node(seq.model)
        entry.fields[id_field] = Leaf([Stmt(ident, "text", "", (0, 0))], False)
        seq.items.append(entry)
        return entry

    def _seq(self, here: Node, key: str) -> Seq:
        seq = here.fields.get(key)
        if seq is None:
            seq = here.fields[key] = Seq(_sub_model(here.model, key))
        assert isinstance(seq, Seq)
        return seq

    def put(self, steps: typing.Sequence[str], key: str, stmt: Stmt) -> None:
        """Add a statement of `key` at `steps`; a single-valued field takes a repeat as `also`, refuses a change."""
        here = self.node(steps)
        listable = _listable(here.model, key)
        leaf = here.fields.get(key)
        if leaf is None:
            here.fields[key] = Leaf([stmt], listable)
            return
        assert isinstance(leaf, Leaf)
        if listable:
            leaf.stmts.append(stmt)
        elif leaf.stmts[0].value == stmt.value:
            leaf.stmts[0].also.append((stmt.quote, stmt.span))
        else:
            raise Conflict(f"{key} is already {leaf.stmts[0].value}")

    def has(self, steps: typing.Sequence[str], key: str) -> bool:
        try:
            here = self._find(steps)
        except LookupError:
            return False
        return here is not None and key in here.fields

    def values(self, steps: typing.Sequence[str], key: str) -> list[str]:
        try:
            here = self._find(steps)
        except LookupError:
            return []
        leaf = here.fields.get(key) if here else None
        return [s.value for s in leaf.stmts] if isinstance(leaf, Leaf) else []

    def _find(self, steps: typing.Sequence[str]) -> Node | None:
        here: Node | None = self.root
        for step in steps:
            if here is None:
                return None
            key, _, ident = step.partition("=")
            child = here.fields.get(key)
            if child is None:
                return None
            if isinstance(child, Seq):
                id_field = _IDENTITY.get(key, "name")
                here = next((e for e in child.items if isinstance(e, Node)
                             and _key(_text_of(e, id_field)) == _key(ident)), None)
            else:
                here = child if isinstance(child, Node) else None
        return here


def _text_of(node: Node, key: str) -> str:
    leaf = node.fields.get(key)
    return leaf.stmts[0].value if isinstance(leaf, Leaf) and leaf.stmts else ""


# --- writing -----------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[\u3400-\u9fffA-Za-z（(“《【][^#:{}\[\],&*!|>'\"%@`\n\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*$")
#: Characters JSON leaves as they are that YAML reads as line breaks or refuses: escaped.
YAML_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029", 0xFEFF: "\\ufeff",
                 **{c: f"\\u{c:04x}" for c in range(0x7F, 0xA0) if c != 0x85}}
_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?%?$")


def scalar(text: str) -> str:
    """A YAML scalar for text: plain when it cannot be misread, otherwise double-quoted (JSON escapes)."""
    if _PLAIN.match(text) and not text.endswith(" ") and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False).translate(YAML_ESCAPES)


def _figure(stmt: Stmt) -> str:
    if stmt.kind in ("money", "percent", "score", "count", "number") and _NUMBER.match(stmt.value):
        return stmt.value  # the loader reads every scalar as text; the model parses it exactly
    return scalar(stmt.value)


def comment_of(stmt: Stmt) -> str:
    parts = []
    where = f"{stmt.at}：" if stmt.at else ""
    if stmt.quote:
        parts.append(f"{where}“{stmt.quote}”")
    for quote, _ in stmt.also:
        parts.append(f"又见“{quote}”")
    if stmt.note:
        parts.append(stmt.note)
    text = "；".join(parts).replace("\n", " ")
    return f"  # {text}" if text else ""


class Writer:
    """YAML text for a tree, recording the path of every statement written."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.placed: list[Placed] = []

    def mapping(self, node: Node, indent: int, loc: tuple[object, ...], first_prefix: str | None = None) -> None:
        pad = " " * indent
        keys = _ordered(node)
        for n, key in enumerate(keys):
            prefix = first_prefix if (n == 0 and first_prefix is not None) else pad
            self.entry(key, node.fields[key], prefix, indent, (*loc, key))

    def entry(self, key: str, value: Node | Seq | Leaf, prefix: str, indent: int, loc: tuple[object, ...]) -> None:
        if isinstance(value, Leaf):
            self.leaf(key, value, prefix, indent, loc)
        elif isinstance(value, Node):
            self.lines.append(f"{prefix}{key}:")
            self.mapping(value, indent + 2, loc)
        else:
            self.lines.append(f"{prefix}{key}:")
            for i, item in enumerate(value.items):
                if isinstance(item, Leaf):
                    stmt = item.stmts[0]
                    text = "~" if stmt.kind == "null" else scalar(stmt.value) if stmt.kind == "text" else _figure(stmt)
                    self.lines.append(f"{' ' * (indent + 2)}- {text}{comment_of(stmt)}")
                    self._record((*loc, i), stmt)
                else:
                    self.mapping(item, indent + 4, (*loc, i), first_prefix=" " * (indent + 2) + "- ")

    def leaf(self, key: str, leaf: Leaf, prefix: str, indent: int, loc: tuple[object, ...]) -> None:
        stmts = leaf.stmts
        if leaf.listable and len(stmts) > 1:
            self.lines.append(f"{prefix}{key}:")
            for i, stmt in enumerate(stmts):
                parts = [f"value: {_figure(stmt)}"]
                if stmt.unit:
                    parts.append(f"unit: {stmt.unit}")
                if stmt.at:
                    parts.append(f"at: {scalar(stmt.at)}")
                self.lines.append(f"{' ' * (indent + 2)}- {{{', '.join(parts)}}}" + comment_of(stmt))
                self._record((*loc, i), stmt)
            return
        stmt = stmts[0]
        if stmt.kind == "markdown":
            self._block(key, stmt.value, prefix, indent)
            return
        if stmt.unit:
            text = f"{{value: {_figure(stmt)}, unit: {stmt.unit}}}"
        elif stmt.kind == "text":
            text = scalar(stmt.value)
        else:
            text = _figure(stmt)
        self.lines.append(f"{prefix}{key}: {text}" + comment_of(stmt))
        if stmt.span != (0, 0):
            self._record((*loc, 0) if leaf.listable else loc, stmt)

    def _block(self, key: str, text: str, prefix: str, indent: int) -> None:
        if not text:
            self.lines.append(f'{prefix}{key}: ""')
            return
        self.lines.append(f"{prefix}{key}: |")
        for line in text.split("\n"):
            self.lines.append((" " * (indent + 2) + line) if line else "")

    def _record(self, loc: tuple[object, ...], stmt: Stmt) -> None:
        if stmt.span != (0, 0):
            self.placed.append(Placed(loc, stmt, len(self.lines) - 1))


def _ordered(node: Node) -> list[str]:
    """Identity first (name, scope), then the model's field order."""
    keys = list(node.fields)
    if node.model is None:
        return keys
    order = list(node.model.model_fields)
    first = [k for k in ("scope", "name", "grade", "kind") if k in keys and "level1" not in keys]
    # (a key the model lacks last: the model refuses it and the draft is redone without it)
    rest = sorted((k for k in keys if k not in first), key=lambda k: order.index(k) if k in order else len(order))
    return first + rest
