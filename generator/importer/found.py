"""What the recognisers hand on: figures with their place, and figures they could not place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .draft import Stmt


@dataclass
class Finding:
    """A statement for the field `key` of the mapping at `steps` (see draft.Tree.node)."""

    steps: tuple[str, ...]
    key: str
    stmt: Stmt
    # The stage was inferred by default (an unmarked amount read as 决算); such a finding is
    # dropped when the same row has a stated actual of another value.
    weak: bool = False
    # Fields written beside `key` in the same (new) list entry: a work figure's name and unit.
    extra: dict[str, Stmt] = field(default_factory=dict)


@dataclass
class Loose:
    """A number the importer could not place, with where it stands and why."""

    text: str
    span: tuple[int, int]
    quote: str
    at: str
    why: str


@dataclass
class Found:
    findings: list[Finding] = field(default_factory=list)
    loose: list[Loose] = field(default_factory=list)

    def add(self, steps: tuple[str, ...], key: str, stmt: Stmt, weak: bool = False) -> None:
        self.findings.append(Finding(tuple(steps), key, stmt, weak))

    def skip(self, text: str, span: tuple[int, int], quote: str, at: str, why: str) -> None:
        self.loose.append(Loose(text, span, quote, at, why))
