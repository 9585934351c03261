"""A department's result as the build's store keeps it between builds (`Memo`), and as a
build holds every department's from the seen file (`Kept`: read, unpickled only when asked)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from ..outputs.xlsx import Extent
from ..site.pages import Summary


@dataclass
class Memo:
    """A department's result as the store keeps it between builds (its rows and records are
    stored beside it under the same key, and read only when the site-wide files are remade)."""

    summary: Summary
    #: Every file written under departments/<slug>/: path → (inode, size, mtime) as written.
    files: dict[str, tuple[int, int, int]]
    #: Rows the department adds to each site-wide table: (None, "departments"), (year, table name).
    rows: dict[tuple[int | None, str], int]
    #: The URLs of its search records, in their order.
    records: tuple[str, ...]
    #: The extents (xlsx.Extent) of each of those parts' CSV lines and sheet rows, by the same
    #: keys: what a year's zipped CSVs and workbook state of their entries before reading the parts.
    #: Kept as six plain integers (`extents_of` makes them the two extents again): a build that
    #: changed one department reads back these of every department reporting that year, and
    #: plain tuples unpickle without a call each.
    extents: dict[tuple[int | None, str], tuple[int, ...]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.summary.slug

    @property
    def years(self) -> tuple[int, ...]:
        return self.summary.years

    @property
    def findings(self) -> int:
        return len(self.summary.findings)

    @property
    def searchable(self) -> int:
        return len(self.records)

    @property
    def data(self) -> dict:
        """What the site-wide data files are keyed on (`data_keys`)."""
        return data_keys(self.summary)

    def at_hand(self) -> tuple:
        """What a build needs of the memo for every department, changed or not (`Kept`), beside
        it pickled: its files' stamps, slug, years, findings and search records counted, and
        what the data files are keyed on (so the process making them needs no summary)."""
        return self.files, self.slug, self.years, self.findings, self.searchable, self.data

    def pickled(self) -> tuple[bytes, bytes]:
        """The memo as `Kept` holds it: its summary, and its rows, records and extents, each
        pickled on its own (a build that changed one department reads every summary, but the
        rest only of the departments whose year it remakes)."""
        return (pickle.dumps(self.summary, protocol=pickle.HIGHEST_PROTOCOL),
                pickle.dumps((self.rows, self.records, self.extents), protocol=pickle.HIGHEST_PROTOCOL))


class Kept:
    """A memo as the seen file keeps it: what a build with nothing changed asks of it (its
    files' stamps, slug, years, findings) at hand, the rest unpickled when first asked for
    (`Memo.pickled`: the summary, and the rows, records and extents, each on its own). At
    10,000 reports unpickling every memo took half a second, and a build that changed
    nothing needs none of it."""

    __slots__ = ("files", "slug", "years", "findings", "searchable", "data", "_pickled", "_summary", "_rest")

    def __init__(self, at_hand: tuple, pickled: tuple[bytes, bytes]):
        self.files, self.slug, self.years, self.findings, self.searchable, self.data = at_hand
        self._pickled = pickled
        self._summary: Summary | None = None
        self._rest: tuple | None = None

    @property
    def summary(self) -> Summary:
        if self._summary is None:
            self._summary = _unpickled(self._pickled[0])
        return self._summary

    def _parts(self) -> tuple:
        if self._rest is None:
            self._rest = _unpickled(self._pickled[1])
        return self._rest

    @property
    def rows(self) -> dict:
        return self._parts()[0]

    @property
    def records(self) -> tuple[str, ...]:
        return self._parts()[1]

    @property
    def extents(self) -> dict:
        return self._parts()[2]

    def at_hand(self) -> tuple:
        return self.files, self.slug, self.years, self.findings, self.searchable, self.data

    def pickled(self) -> tuple[bytes, bytes]:
        return self._pickled

    def __reduce__(self):  # to and from a worker: as the seen file holds it
        return Kept, (self.at_hand(), self._pickled)


def data_keys(summary: Summary) -> dict:
    """What the site-wide data files are made from, of one department: the digests of its
    departments row (`row`) and of each year's rows (`rows:<year>`), and the date each report
    was published (`date:<year>`, which dates the year's zipped entries)."""
    out: dict[str, object] = {name: value for name, value in summary.digests.items()
                              if name == "row" or name.startswith("rows:")}
    out.update((f"date:{h.year}", h.date) for h in summary.heads)
    return out


def extents_of(plain: tuple[int, ...]) -> tuple[Extent, Extent]:
    """A part's two extents as `Memo.extents` keeps them (six integers), made extents again."""
    return Extent(*plain[:3]), Extent(*plain[3:])


def _plain(extents: tuple[Extent, Extent]) -> tuple[int, ...]:
    return (*extents[0], *extents[1])


def _unpickled(pickled: bytes):
    """`pickled` unpickled, or as the last build of this process unpickled it (`KEEP_UNPICKLED`)."""
    value = _UNPICKLED.get(pickled)
    if value is None:
        value = pickle.loads(pickled)
    if KEEP_UNPICKLED:
        _UNPICKLED_NOW[pickled] = value
    return value


#: The parts of memos unpickled by the last build, by their pickled bytes, and by this one: a
#: process that builds again and again (`serve`, which sets KEEP_UNPICKLED) unpickles only
#: those that changed since; any other keeps none.
KEEP_UNPICKLED = False
_UNPICKLED: dict[bytes, object] = {}
_UNPICKLED_NOW: dict[bytes, object] = {}


def next_build() -> None:
    """Keep the memos the build that ended unpickled, for the next one (and only those)."""
    global _UNPICKLED, _UNPICKLED_NOW
    _UNPICKLED, _UNPICKLED_NOW = _UNPICKLED_NOW, {}
