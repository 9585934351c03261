"""The report's text as `sections`: titles in order, paragraphs as escaped Markdown.

Narrative is Markdown (CommonMark, raw HTML off), so characters Markdown would read as
markup are escaped: `[2015]8号` must not become a link, `*` emphasis, `<` a tag, and a
line starting `#`, `>`, `-`, `+` or `1. ` must not become a heading, quote or list.
Leading blanks are dropped (four spaces would make a code block). Tables are left out of
the text: their numbers are placed in fields or listed as unplaced.
"""

from __future__ import annotations

import re

from ..content.model import Section as SectionModel
from .draft import Leaf, Node, Seq, Stmt
from .read import Para
from .structure import Section

_INLINE = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>+=~|-])")
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])(?=\s|$)")


def markdown(text: str) -> str:
    """One paragraph of plain text as Markdown that renders as the same text."""
    text = text.replace("\t", " ").strip(" \u3000\xa0\n")
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def body(section: Section, skip: set[int]) -> str:
    paras = [markdown(b.text) for b in section.blocks if isinstance(b, Para) and b.start not in skip]
    return "\n\n".join(p for p in paras if p)


def sections(root: Section, skip: set[int]) -> Seq:
    """The section tree as the model's `sections` list; text before the first heading becomes 引言."""
    seq = Seq(SectionModel)
    intro = body(root, skip)
    if intro:
        seq.items.append(_node("（引言）", intro, Seq(SectionModel)))
    for child in root.children:
        seq.items.append(_section(child, skip))
    return seq


def _section(section: Section, skip: set[int]) -> Node:
    children = Seq(SectionModel)
    for child in section.children:
        children.items.append(_section(child, skip))
    return _node(section.title, body(section, skip), children)


def _node(title: str, text: str, children: Seq) -> Node:
    node = Node(SectionModel)
    node.fields["title"] = Leaf([Stmt(title, "text", "", (0, 0))], False)
    if text:
        node.fields["body"] = Leaf([Stmt(text + "\n", "markdown", "", (0, 0))], False)
    if children.items:
        node.fields["sections"] = children
    return node
