"""SQLite index b-trees laid out page by page, so that a year's database is spliced from its
reports' pages as its CSVs and workbook are from their rows (issue 18: a correction remakes a
report's pages, not a province's year).

The database's large tables (figures, indicators, findings) are WITHOUT ROWID tables keyed by
(department, year, seq), and their indexes lead with (department, year) too: every one of
those b-trees holds a report's entries side by side. Each report's entries are put into a
small database of their own by SQLite itself (`report_trees`), which encodes the records and
orders the entries; their leaf pages are taken from it as they are (a leaf page of an index
b-tree names no other page, so it is valid at any place in a file) with the entries between
them, and kept with the report's data. A year's database is then SQLite's own file for the
small tables, with each large b-tree's root page filled in (`Splice`): the reports' leaf pages
follow it unchanged, and only the pages above them, and the leaves of the entries no report's
run of pages holds, are written anew.

The SQLite file format: https://www.sqlite.org/fileformat2.html. A page here is 4,096 bytes
with no reserved bytes; an index b-tree page is a leaf (type 10) or interior (type 2); a cell
is (interior only: the left child's page number), the payload's size as a varint, as much of
the payload as the page keeps, and, if the rest overflows, the first overflow page's number.
An index b-tree is a B-tree, not a B+tree: an entry stands in one place, on a leaf or between
two children on an interior page.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .xlsx import EMPTY, PIECE_LEVEL, Deflated, deflate, inflate

PAGE = 4096
#: The payload an index b-tree page keeps in a cell, at most and at least (the rest overflows).
MAX_LOCAL = (PAGE - 12) * 64 // 255 - 23
MIN_LOCAL = (PAGE - 12) * 32 // 255 - 23
LEAF, INTERIOR = 0x0A, 0x02
_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")


def varint(n: int) -> bytes:
    """SQLite's variable-length integer: 7 bits a byte, high bit set on all but the last, a
    ninth byte of 8 bits."""
    if n < 0x80:
        return bytes((n,))
    if n > 0x00FFFFFFFFFFFFFF:
        out = [n & 0xFF]
        n >>= 8
        for _ in range(8):
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        return bytes(reversed(out))
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    return bytes(reversed(out))


def read_varint(data: bytes | memoryview, i: int) -> tuple[int, int]:
    """The varint at `i` and the offset after it."""
    n = 0
    for k in range(8):
        b = data[i + k]
        n = (n << 7) | (b & 0x7F)
        if b < 0x80:
            return n, i + k + 1
    return (n << 8) | data[i + 8], i + 9


def local_size(size: int) -> int:
    """How much of a payload of `size` bytes an index b-tree page keeps in its cell."""
    if size <= MAX_LOCAL:
        return size
    k = MIN_LOCAL + (size - MIN_LOCAL) % (PAGE - 4)
    return k if k <= MAX_LOCAL else MIN_LOCAL


def cell_size(payload: bytes) -> int:
    """The bytes a leaf cell of `payload` takes, its pointer not counted."""
    size = len(payload)
    local = local_size(size)
    return len(varint(size)) + local + (4 if local < size else 0)


# --- reading the b-trees of a small database SQLite made -------------------------------------


class _Reader:
    """Pages of a database's bytes (`database`: page 1 begins with the file's header) or of
    pages kept apart (not: page 1 is the first of them)."""

    def __init__(self, data: bytes, database: bool = True):
        self.data = data
        self.offset = 100 if database else 0

    def header(self, page: int) -> tuple[int, int, int, int]:
        """(type, cell count, where the cell pointers start, right-most child or 0)."""
        at = (page - 1) * PAGE + (self.offset if page == 1 else 0)
        kind = self.data[at]
        count = _U16.unpack_from(self.data, at + 3)[0]
        if kind in (INTERIOR, 0x05):
            return kind, count, at + 12, _U32.unpack_from(self.data, at + 8)[0]
        return kind, count, at + 8, 0

    def pointers(self, page: int) -> tuple[int, list[int]]:
        kind, count, start, _ = self.header(page)
        base = (page - 1) * PAGE
        return kind, [base + p for p in struct.unpack_from(f">{count}H", self.data, start)]

    def payload(self, at: int) -> bytes:
        """The whole payload of the index cell at `at` (after an interior cell's child), its
        overflow pages followed."""
        size, i = read_varint(self.data, at)
        local = local_size(size)
        if local == size:
            return self.data[i:i + size]
        parts = [self.data[i:i + local]]
        left = size - local
        page = _U32.unpack_from(self.data, i + local)[0]
        while left > 0:
            at = (page - 1) * PAGE
            take = min(left, PAGE - 4)
            parts.append(self.data[at + 4:at + 4 + take])
            left -= take
            page = _U32.unpack_from(self.data, at)[0]
        return b"".join(parts)

    def pages_of(self, root: int) -> list[int]:
        """Every page of a b-tree (a table's or an index's), its overflow pages not counted."""
        out = []
        todo = [root]
        while todo:
            page = todo.pop()
            out.append(page)
            kind, count, start, right = self.header(page)
            if kind in (INTERIOR, 0x05):
                base = (page - 1) * PAGE
                for p in struct.unpack_from(f">{count}H", self.data, start):
                    todo.append(_U32.unpack_from(self.data, base + p)[0])
                todo.append(right)
        return out

    def items(self, root: int) -> list[int | bytes]:
        """An index b-tree in order: its leaves' page numbers and the entries between them."""
        out: list[int | bytes] = []

        def walk(page: int) -> None:
            kind, count, start, right = self.header(page)
            if kind == LEAF:
                out.append(page)
                return
            base = (page - 1) * PAGE
            for p in struct.unpack_from(f">{count}H", self.data, start):
                walk(_U32.unpack_from(self.data, base + p)[0])
                out.append(self.payload(base + p + 4))
            walk(right)

        walk(root)
        return out

    def leaf_entries(self, page: int) -> list[bytes]:
        return [self.payload(at) for at in self.pointers(page)[1]]

    def page(self, page: int) -> bytes:
        return self.data[(page - 1) * PAGE:page * PAGE]


class TreePart(NamedTuple):
    """A report's entries of one b-tree: `leaves` pages kept as they are (`pages`, deflated),
    `between` the entries between them (one fewer), then `tail`, the entries after the last of
    them, which the year's database places (at least one: a report's run of pages is always
    followed by an entry, the separator before the next report's). A report whose entries are
    too few for a page of their own, or hold a payload that overflows (its overflow pages would
    name their places), has no pages: all its entries are its tail."""

    entries: int
    leaves: int
    between: tuple[bytes, ...]
    tail: tuple[bytes, ...]
    pages: Deflated


EMPTY_TREE = TreePart(0, 0, (), (), EMPTY)


def report_trees(data: bytes, roots: Sequence[int]) -> list[TreePart]:
    """The b-trees at `roots` of a small database's bytes (`sqlite3.Connection.serialize`) as
    TreeParts, in the order of `roots`."""
    reader = _Reader(data)
    used = set()
    for root in (1, *roots):
        used.update(reader.pages_of(root))
    overflowing = len(used) != len(data) // PAGE  # pages no b-tree holds overflow (nothing was deleted)
    out = []
    for root in roots:
        items = reader.items(root)
        leaves = [item for item in items if isinstance(item, int)]
        between = [item for item in items if isinstance(item, bytes)]
        entries = sum(reader.header(page)[1] for page in leaves) + len(between)
        if entries == 0:
            out.append(EMPTY_TREE)
            continue
        if entries < 2 or overflowing and _overflows(reader, items):
            out.append(_loose(reader, items, entries))
            continue
        # The last leaf gives up its last entry, the tail. If that leaf holds only it, the
        # leaf before gives up its last entry instead, to come between it and a new leaf of the
        # separator before the tail: x S e becomes [.. ] x [S] e.
        last = reader.leaf_entries(leaves[-1])
        if len(last) > 1:
            pages = [reader.page(page) for page in leaves[:-1]] + [leaf_page(last[:-1])]
        else:
            before = reader.leaf_entries(leaves[-2])
            if len(before) < 2:  # (entries of a quarter page each: placed like a tail's)
                out.append(_loose(reader, items, entries))
                continue
            pages = [reader.page(page) for page in leaves[:-2]] + [leaf_page(before[:-1]), leaf_page([between[-1]])]
            between[-1] = before[-1]
        out.append(TreePart(entries, len(pages), tuple(between), (last[-1],), deflate(b"".join(pages), PIECE_LEVEL)))
    return out


def _loose(reader: _Reader, items: list[int | bytes], entries: int) -> TreePart:
    """A tree's entries all as its tail, with no pages of its own (the year's database places them)."""
    return TreePart(entries, 0, (), tuple(_flatten(reader, items)), EMPTY)


def _overflows(reader: _Reader, items: list[int | bytes]) -> bool:
    for item in items:
        if isinstance(item, bytes):
            if len(item) > MAX_LOCAL:
                return True
            continue
        for at in reader.pointers(item)[1]:
            size, _ = read_varint(reader.data, at)
            if size > MAX_LOCAL:
                return True
    return False


def _flatten(reader: _Reader, items: list[int | bytes]) -> list[bytes]:
    out: list[bytes] = []
    for item in items:
        if isinstance(item, bytes):
            out.append(item)
        else:
            out += reader.leaf_entries(item)
    return out


def tree_entries(part: TreePart) -> list[bytes]:
    """All of a TreePart's entries in order (its pages read back)."""
    if not part.leaves:
        return list(part.tail)
    reader = _Reader(inflate(part.pages), database=False)
    out: list[bytes] = []
    for n in range(part.leaves):
        out += reader.leaf_entries(n + 1)
        if n < len(part.between):
            out.append(part.between[n])
    return out + list(part.tail)


# --- writing pages ---------------------------------------------------------------------------


def _cell(payload: bytes, overflow: Callable[[bytes], int] | None) -> bytes:
    size = len(payload)
    local = local_size(size)
    if local == size:
        return varint(size) + payload
    if overflow is None:
        raise ValueError("an overflowing payload needs its overflow pages")
    return varint(size) + payload[:local] + _U32.pack(overflow(payload[local:]))


def _page(kind: int, cells: Sequence[bytes], right: int = 0) -> bytes:
    """A page of `cells` in order: header, pointers, free space, then the cells from the end."""
    head = 12 if kind == INTERIOR else 8
    body = b"".join(cells)
    start = PAGE - len(body)
    if start < head + 2 * len(cells):
        raise ValueError("cells do not fit on a page")
    pointers = []
    at = start
    for cell in cells:
        pointers.append(at)
        at += len(cell)
    header = struct.pack(">BHHHB", kind, 0, len(cells), start if start < 65536 else 0, 0)
    if kind == INTERIOR:
        header += _U32.pack(right)
    top = header + struct.pack(f">{len(cells)}H", *pointers)
    return top + bytes(start - len(top)) + body


def leaf_page(payloads: Sequence[bytes], overflow: Callable[[bytes], int] | None = None) -> bytes:
    return _page(LEAF, [_cell(p, overflow) for p in payloads])


def _fits(sizes: int, count: int, head: int) -> bool:
    return head + sizes + 2 * count <= PAGE


# --- a year's b-tree from its reports' parts -------------------------------------------------


class Pages:
    """The pages written after the reports' pages: numbered from `first` as they are added."""

    def __init__(self, first: int):
        self.first = first
        self.pages: list[bytes] = []

    def add(self, page: bytes) -> int:
        self.pages.append(page)
        return self.first + len(self.pages) - 1

    def reserve(self) -> int:
        self.pages.append(b"")
        return self.first + len(self.pages) - 1

    def put(self, number: int, page: bytes) -> None:
        self.pages[number - self.first] = page

    def overflow(self, rest: bytes) -> int:
        """Overflow pages holding `rest`, chained; the first one's number."""
        chunks = [rest[i:i + PAGE - 4] for i in range(0, len(rest), PAGE - 4)]
        numbers = [self.reserve() for _ in chunks]
        for n, chunk in enumerate(chunks):
            following = numbers[n + 1] if n + 1 < len(chunks) else 0
            self.put(numbers[n], _U32.pack(following) + chunk + bytes(PAGE - 4 - len(chunk)))
        return numbers[0]


def uses_pages(parts: Sequence[TreePart]) -> list[bool]:
    """Which parts' pages a b-tree of these parts (in key order) takes as they are: the leaf
    level must alternate leaves and entries, beginning and ending with a leaf; a part's pages
    are followed by its tail, and the entries gathered between two parts' pages must be one (a
    separator) or be enough to leave one at each end with a leaf between (three or more). A part
    that cannot stand so has its entries placed like a tail's."""
    use = [p.leaves > 0 for p in parts]
    while True:
        failed = _place(parts, use)
        if failed is None:
            return use
        use[failed] = False


def _place(parts: Sequence[TreePart], use: Sequence[bool]) -> int | None:
    """The part whose pages cannot stand where they are, if any (see `uses_pages`)."""
    last = None  # None: nothing yet; True: a leaf; False: a separator
    pending = 0
    latest = None
    for n, part in enumerate(parts):
        if not use[n]:
            pending += part.entries
            continue
        if last is True:
            pending -= 1  # the separator after the leaf before
            last = False
        if pending == 1:
            return n
        last = True
        latest = n
        pending = len(part.tail)
    if last is True and pending == 1:
        return latest
    return None


def build_tree(parts: Sequence[TreePart], use: Sequence[bool], placed: Sequence[int], root: int,
               pages: Pages) -> bytes:
    """The b-tree of `parts` (in key order): the pages of the parts marked in `use`, the first
    of each at `placed` (its number in the file), others written to `pages`; returns the root
    page, which the caller puts at `root`."""
    # The leaf level: leaves (page numbers, or lists of entries still to be written) and the
    # separators between them.
    leaves: list[int | list[bytes]] = []
    separators: list[bytes] = []
    pending: list[bytes] = []

    def pack(entries: list[bytes]) -> None:
        """Entries into new leaves after a separator (or at the start), separators between them."""
        group: list[bytes] = []
        size = 0
        n = 0
        while n < len(entries):
            entry = entries[n]
            cost = cell_size(entry)
            if group and not _fits(size + cost, len(group) + 1, 8):
                if n == len(entries) - 1:  # a separator must be followed by a leaf
                    separators.append(group.pop())
                    leaves.append(group)
                    leaves.append([entry])
                    return
                leaves.append(group)
                separators.append(entry)
                group, size = [], 0
                n += 1
                continue
            group.append(entry)
            size += cost
            n += 1
        if group:
            leaves.append(group)

    last = None
    for n, part in enumerate(parts):
        if not use[n]:
            pending += tree_entries(part)
            continue
        if last is True:
            separators.append(pending.pop(0))
        if pending:
            pack(pending[:-1])
            separators.append(pending[-1])
        leaves.extend(range(placed[n], placed[n] + part.leaves))
        separators.extend(part.between)
        pending = list(part.tail)
        last = True
    if pending:
        if last is True:
            separators.append(pending.pop(0))
        pack(pending)
    if not leaves:
        return leaf_page([])
    assert len(separators) == len(leaves) - 1
    if len(leaves) == 1:
        only = leaves[0]
        assert isinstance(only, list)
        return leaf_page(only, pages.overflow)
    children = [leaf if isinstance(leaf, int) else pages.add(leaf_page(leaf, pages.overflow)) for leaf in leaves]
    # Interior levels, bottom up, until one page holds the rest: the root.
    while True:
        groups, promoted = _interior_groups(separators)
        if len(groups) == 1:
            return _interior(children, separators, pages)
        next_children = []
        at = 0
        for count in groups:
            next_children.append(pages.add(_interior(children[at:at + count + 1], separators[at:at + count], pages)))
            at += count + 1
        children = next_children
        separators = promoted


def _interior_groups(separators: Sequence[bytes]) -> tuple[list[int], list[bytes]]:
    """How many separators each interior page of a level holds (each page one child more), and
    the separators between the pages, promoted to the level above."""
    groups: list[int] = []
    promoted: list[bytes] = []
    n = 0
    while n < len(separators):
        size = count = 0
        while n < len(separators):
            cost = 4 + cell_size(separators[n])
            if count and not _fits(size + cost, count + 1, 12):
                break
            size += cost
            count += 1
            n += 1
        if n == len(separators):
            groups.append(count)
            break
        if n == len(separators) - 1:  # one separator left: it would leave a page of no cells
            n -= 1
            count -= 1
        groups.append(count)
        promoted.append(separators[n])
        n += 1
    return groups, promoted


def _interior(children: Sequence[int], separators: Sequence[bytes], pages: Pages) -> bytes:
    cells = [_U32.pack(child) + _cell(entry, pages.overflow) for child, entry in zip(children, separators)]
    return _page(INTERIOR, cells, children[-1])
