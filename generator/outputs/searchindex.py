"""The site's own full-text index: exact for Chinese phrases, static, and readable from file://.

Every searchable document (a report with its original text, or a department) is cut into
runs at whitespace, and every run of one to four characters within a run is a gram of that
document. A query term of up to four characters is looked up as one gram, so its result set
is exactly the documents containing it; a longer term is the documents that hold each of its
overlapping four-character grams. Digits say less per character than Chinese, and numbers
(budget codes, hotlines, years, amounts) are common queries: every run of five to eight
digits inside a run of digits is a gram as well, so a number of up to eight digits is exact
too. Titles have grams of their own, for ranking.

Output, all JavaScript so a site opened from disk can load it with <script> elements:

    search/index.js    the document count, shard count, gram lengths, filter columns
    search/sort.js     the sort keys
    search/s/<k>.js    shard k: {"b": {gram: postings}, "t": {title gram: postings}}
    search/d/<n>.js    document n: url, title, meta and text, for the result list

A gram lives in shard fnv1a(code points) mod S (the script computes the same); postings are
base64 of either LEB128 gaps between document numbers or a bitmap, whichever is shorter.

A later build that finds few documents changed adds a delta segment instead of making the
index again (`update_index`): the current documents of every department changed since the
main segment was built, numbered after the main ones,

    search/x/<k>.js    delta shard k, the same form, postings in the same numbering
    search/d/<n>.js    its documents, n from the main segment's count on

while the main documents of those departments (and of departments removed) are dead. index.js
and sort.js then cover every number, and index.js names the delta: its shard count, version,
dead documents, and where each of its documents stands among the main ones in URL order, so
that the script ranks exactly as over a cold index of the same documents. The script ORs a
gram's postings of both segments and clears the dead documents.

Building it: characters are numbered by the corpus's own alphabet (15 bits each, so four
and two flags fit a 64-bit key). Two processes extract documents a chunk at a time, taking
chunks from either end (this one writes the document files between its chunks, so it takes
fewer); the (gram, document) pairs go by hash partition into memory both can read, and each
partition is then sorted and encoded on its own, again on two processes. A corpus of more
than 32,767 distinct characters falls back to grams of up to three characters over raw code
points (21 bits each) and no digit grams; the index says which, and the script follows it.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import itertools
import json
import mmap
import multiprocessing
import os
import shutil
import struct
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from ..engine import parallel, progress
from ..engine.faults import checkpoint
from ..site.format import json_text

FORMAT = 2
#: Raw bytes of postings a shard aims at: a query reads one shard per gram.
SHARD_TARGET = 8192
#: Postings bytes per (gram, document) pair, for choosing the shard count before encoding.
BYTES_PER_PAIR = 0.6
#: The longest character gram, and the lengths of digit grams.
LEVELS = 4
DIGITS = (5, 8)
assert DIGITS[0] > LEVELS  # a digit gram is never a character gram's text
#: Bits of a character's number in a key: four characters and two flags fit 64 bits.
RANK_BITS = 15
_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619
_TITLE = np.uint64(1 << 63)
_DIGIT = np.uint64(1 << 62)
_ZERO = ord("0")
_CODE_POINTS = 0x110000
#: What ends a run: Python's whitespace and JavaScript's (U+FEFF), both (the script splits
#: queries on the same set).
_WHITESPACE = np.array([cp for cp in range(0x3001) if chr(cp).isspace()] + [0xFEFF], dtype=np.intp)


@dataclass(frozen=True)
class RecordPart:
    """One page a search record's text comes from: a report page, its original text, a department
    page (a result whose match is only in one part links to that part's page)."""

    url: str
    label: str
    text: str


@dataclass(frozen=True)
class Record:
    """One searchable document: a report (its page and original text) or a department."""

    url: str
    title: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, Any]
    parts: tuple[RecordPart, ...]

    @property
    def text(self) -> str:
        """What the index holds: the title and the text of every part."""
        return "\n".join([self.title, *(p.text for p in self.parts)])


def normalize(text: str) -> str:
    """The form both the index and the search page match on (the script does the same)."""
    return unicodedata.normalize("NFKC", text).lower()


def fnv1a(codes: Sequence[int]) -> int:
    h = _FNV_OFFSET
    for code in codes:
        h = ((h ^ code) * _FNV_PRIME) & 0xFFFFFFFF
    return h


# --- normalizing fast ---------------------------------------------------------------------------

_UNKNOWN, _UNSAFE = -2, -1
_alone: np.ndarray | None = None


def _normal_alone(cp: int) -> int:
    """What `normalize` makes of one character wherever it stands, or _UNSAFE.

    That holds when the result is one character and neither it nor the original combines
    with a neighbour (combining marks, Hangul jamo) or lowers by context (Σ at a word's end).
    """
    if 0xD800 <= cp < 0xE000:
        return _UNSAFE
    char = chr(cp)
    middle = unicodedata.normalize("NFKC", char)
    out = middle.lower()
    if len(out) != 1 or "\u03a3" in middle:
        return _UNSAFE
    for c in (char, out):
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Mc", "Me") or 0x1100 <= ord(c) < 0x1200:
            return _UNSAFE
    return ord(out)


def normal_codes(text: str) -> np.ndarray:
    """The code points of normalize(text) as uint32: character by character from a table
    where that gives the same (nearly all text, and many times faster), else whole."""
    global _alone
    if _alone is None:
        _alone = np.full(_CODE_POINTS, _UNKNOWN, dtype=np.int32)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = _alone[codes]
    unknown = mapped == _UNKNOWN
    if unknown.any():
        # (a set, not np.unique: that imports numpy.ma, a tenth of a correction's imports)
        for cp in sorted(set(codes[unknown].tolist())):
            _alone[cp] = _normal_alone(cp)
        mapped = _alone[codes]
    if (mapped < 0).any():
        return np.frombuffer(normalize(text).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return mapped.astype(np.uint32)


# --- grams as keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How grams become 64-bit keys.

    Characters are numbered 1.. (`number`, 0 for whitespace), `bits` each; a gram of j
    characters is their numbers in j fields, first character highest, so grams of different
    lengths never share a key. A digit gram has bit 62 set and a digit + 1 in each four bits.
    Titles' grams have bit 63 set.

    `ranges` orders grams coarsely, as their text sorts: a gram's range is that of its first
    character's number, and the ranges of the characters used rise with their code points
    (an ASCII character has one of its own, the others share RANGES - 128 or more evenly).
    """

    number: np.ndarray    # code point -> its number (uint64), 0 for whitespace
    alphabet: np.ndarray  # number -> code point (uint32); alphabet[0] is 0
    bits: int
    levels: int
    digits: bool
    ranges: np.ndarray    # number -> range (uint16)

    @classmethod
    def of(cls, records: Sequence[Record]) -> Layout:
        """Numbers for the characters `records` use, or code points when they use too many."""
        seen = np.zeros(_CODE_POINTS, dtype=bool)
        for record in records:
            seen[normal_codes(record.text)] = True
        seen[_WHITESPACE] = False
        seen[0] = False
        used = np.flatnonzero(seen)
        ranges = _ranges(used)
        if len(used) < 1 << RANK_BITS:
            number = np.zeros(_CODE_POINTS, dtype=np.uint64)
            number[used] = np.arange(1, len(used) + 1, dtype=np.uint64)
            return cls(number, np.concatenate(([0], used)).astype(np.uint32), RANK_BITS, LEVELS, True,
                       np.concatenate(([0], ranges)).astype(np.uint16))
        number = np.arange(_CODE_POINTS, dtype=np.uint64)
        number[_WHITESPACE] = 0
        by_code_point = np.zeros(_CODE_POINTS, dtype=np.uint16)
        by_code_point[used] = ranges
        return cls(number, np.arange(_CODE_POINTS, dtype=np.uint32), 21, 3, False, by_code_point)

    def first_numbers(self, keys: np.ndarray) -> np.ndarray:
        """The number of each key's first character (a digit gram's: its first digit's)."""
        first = keys & ~_TITLE
        field = np.uint64(1 << self.bits)
        for _ in range(1, self.levels):  # a j-character gram fills its lowest j fields
            np.right_shift(first, np.uint64(self.bits), out=first, where=first >= field)
        if self.digits:
            digit = np.flatnonzero(keys & _DIGIT)
            if len(digit):
                value = keys[digit] & np.uint64(0xFFFFFFFF)
                place = np.full(len(digit), 4 * (DIGITS[0] - 1), dtype=np.uint64)
                for j in range(DIGITS[0], DIGITS[1]):
                    place += np.uint64(4) * (value >= np.uint64(1 << (4 * j)))
                first[digit] = self.number[(value >> place) + np.uint64(_ZERO - 1)]
        return first

    def keys_of_many(self, texts: Sequence[np.ndarray], long: bool) -> tuple[np.ndarray, np.ndarray]:
        """The gram keys of many texts' code points at once: (keys, which text), by text.

        Long texts (a document's) take their character grams one by one, which sorts less;
        short ones (titles) and everyone's digit grams are taken in one pass.
        """
        if long:
            per_text = [self._char_keys(codes) for codes in texts]
            keys = [np.concatenate(per_text)] if per_text else [np.zeros(0, dtype=np.uint64)]
            owners = [np.repeat(np.arange(len(texts), dtype=np.int64), [len(k) for k in per_text])]
            del per_text  # a chunk's keys are held once, not twice, while its digit grams are taken
        else:
            chars, owner = self._short_char_keys(texts)
            keys, owners = [chars], [owner]
        if self.digits:
            digits, owner = _digit_keys(texts)
            keys.append(digits)
            owners.append(owner)
        return np.concatenate(keys), np.concatenate(owners)

    def _short_char_keys(self, texts: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        if not texts:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        codes, owner = _joined(texts)
        window, length = self._windows(codes)
        key_parts, owner_parts = [], []
        for j in range(1, self.levels + 1):
            at = length >= j
            key_parts.append(window[at] >> np.uint64(self.bits * (self.levels - j)))
            owner_parts.append(owner[at])
        keys, owner = np.concatenate(key_parts), np.concatenate(owner_parts)
        order = np.lexsort((keys, owner))
        keys, owner = keys[order], owner[order]
        keep = np.ones(len(keys), dtype=bool)
        keep[1:] = (keys[1:] != keys[:-1]) | (owner[1:] != owner[:-1])
        return keys[keep], owner[keep]

    def _windows(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return _windows(np.concatenate((self.number[codes], np.zeros(self.levels - 1, dtype=np.uint64))),
                        self.levels, self.bits)

    def _char_keys(self, codes: np.ndarray) -> np.ndarray:
        """Every start in a run takes the next `levels` characters (fewer at the run's end);
        the shorter grams are the prefixes of those windows, taken after sorting, by shifting."""
        window, length = self._windows(codes)
        windows = _distinct(np.sort(window[length > 0]))
        field = np.uint64((1 << self.bits) - 1)
        out = []
        for j in range(1, self.levels + 1):
            grams = windows >> np.uint64(self.bits * (self.levels - j))
            out.append(_distinct(grams[(grams & field) != 0]))
        return np.concatenate(out)

    def code_points(self, keys: np.ndarray) -> np.ndarray:
        """Each key's gram as a row of code points, zeros after its end."""
        keys = keys & ~_TITLE
        digit = (keys & _DIGIT) != 0 if self.digits else np.zeros(len(keys), dtype=bool)
        width = max(self.levels, DIGITS[1] if self.digits else 0)
        codes = np.zeros((len(keys), width), dtype=np.uint32)
        field = np.uint64((1 << self.bits) - 1)
        for i, level in enumerate(reversed(range(self.levels))):
            codes[:, i] = np.where(digit, 0,
                                   self.alphabet[np.where(digit, 0, (keys >> np.uint64(self.bits * level)) & field)])
        if digit.any():
            for i, place in enumerate(reversed(range(DIGITS[1]))):
                value = (keys >> np.uint64(4 * place)) & np.uint64(15)
                codes[:, i] = np.where(digit, np.where(value != 0, value + _ZERO - 1, 0), codes[:, i])
        return np.ascontiguousarray(np.take_along_axis(codes, np.argsort(codes == 0, axis=1, kind="stable"), axis=1))


def _ranges(used: np.ndarray) -> np.ndarray:
    """The range of each of the characters `used` (code points, sorted): see Layout."""
    ascii_count = int(np.searchsorted(used, 128))
    place = np.arange(len(used), dtype=np.int64)
    others = max(1, len(used) - ascii_count)
    shared = ascii_count + (place - ascii_count) * (RANGES - ascii_count) // others
    return np.where(place < ascii_count, place, shared).astype(np.uint16)


def _texts(codes: np.ndarray) -> list[str]:
    """Rows of code points (zeros after the end) as strings."""
    return codes.view(f"<U{codes.shape[1]}").ravel().tolist()


def _fnv1a_rows(codes: np.ndarray) -> np.ndarray:
    """fnv1a over each row of code points up to its first zero, vectorised (uint32 arithmetic
    wraps as in the script)."""
    h = np.full(len(codes), _FNV_OFFSET, dtype=np.uint32)
    for column in codes.T:
        h = np.where(column != 0, (h ^ column) * np.uint32(_FNV_PRIME), h)
    return h


def _windows(values: np.ndarray, width: int, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """For every position of `values` (a 0 ends a run, and `width - 1` zeros end the array):
    the next `width` values as one key of `bits` each, cut at the run's end, and how many
    values that is."""
    n = len(values) - (width - 1)
    filled = values != 0
    run = filled[:n].copy()
    length = run.astype(np.int8)
    window = values[:n].copy()
    for k in range(1, width):
        run &= filled[k:n + k]
        length += run
        window = (window << np.uint64(bits)) | values[k:n + k]
    keep = np.array([((1 << (bits * j)) - 1) << (bits * (width - j)) for j in range(width + 1)], dtype=np.uint64)
    return window & keep[length], length


def _joined(texts: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' code points one after another, a 0 after each, and which text each is from."""
    codes, ends = _joined_codes(texts)
    return codes, np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(ends, prepend=0))


def _joined_codes(texts: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' code points one after another, a 0 after each, and where each text's 0 ends."""
    sizes = np.array([len(t) + 1 for t in texts], dtype=np.int64)
    codes = np.zeros(int(sizes.sum()), dtype=np.uint32)
    ends = np.cumsum(sizes)
    for text, end in zip(texts, ends.tolist()):
        codes[end - 1 - len(text):end - 1] = text
    return codes, ends


def _digit_keys(texts: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every run of five to eight digits within a run of digits, as keys: (keys, which text),
    by text and then key."""
    shortest, longest = DIGITS
    nothing = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    if not texts:
        return nothing
    codes, ends = _joined_codes(texts)
    at = np.flatnonzero((codes >= _ZERO) & (codes <= _ZERO + 9))
    if len(at) < shortest:
        return nothing
    digit_codes = codes[at]
    del codes  # a chunk's text is large; its digits are few
    breaks = np.concatenate(([0], np.cumsum(np.diff(at) != 1)))
    digits = np.zeros(len(at) + int(breaks[-1]) + longest, dtype=np.uint64)
    digits[np.arange(len(at)) + breaks] = digit_codes - (_ZERO - 1)  # 1..10, runs apart by a 0
    owners = np.zeros(len(digits), dtype=np.int64)
    owners[np.arange(len(at)) + breaks] = np.searchsorted(ends, at, side="right")  # the text each is in
    window, length = _windows(digits, longest, 4)
    starts = length >= shortest
    if not starts.any():
        return nothing
    window, length, owners = window[starts], length[starts], owners[:len(starts)][starts]
    keys = []
    for j in range(shortest, longest + 1):
        at_least = length >= j
        # a digit gram is under 2**32 and a text's number under 2**31: both sort as one value
        keys.append((owners[at_least].astype(np.uint64) << np.uint64(32))
                    | (window[at_least] >> np.uint64(4 * (longest - j))))
    both = _distinct(np.sort(np.concatenate(keys)))
    return (both & np.uint64(0xFFFFFFFF)) | _DIGIT, (both >> np.uint64(32)).astype(np.int64)


def _distinct(sorted_keys: np.ndarray) -> np.ndarray:
    if len(sorted_keys) == 0:
        return sorted_keys
    keep = np.empty(len(sorted_keys), dtype=bool)
    keep[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=keep[1:])
    return sorted_keys[keep]


# --- extracting and inverting ---------------------------------------------------------------------

#: Documents per chunk of extracted grams, and partitions of the (gram, document) pairs by a
#: hash of the gram: a shard's grams are written partition by partition.
CHUNK = 256
PARTITIONS = 16
_PARTITION_SHIFT = np.uint64(64 - (PARTITIONS - 1).bit_length())
assert PARTITIONS & (PARTITIONS - 1) == 0 and PARTITIONS <= 256
assert CHUNK <= 256  # a document's place in its chunk is one byte
#: Ranges of a gram's first character (Layout.ranges), and the pairs a partition is sorted
#: and encoded at a time (whole ranges, so more where one range has more): together they
#: bound the memory the inversion needs, whatever the number of documents.
RANGES = 256
BATCH = 1 << 19
assert PARTITIONS * RANGES <= 1 << 16 and RANGES > 128


@dataclass
class _Chunk:
    """One chunk of documents as a worker extracted it into its file: at `offset`, the keys of
    every (partition, range) bucket one after another, then each key's document (its place in
    the chunk, one byte) in the same order; `counts` is how many keys each bucket has."""

    number: int
    worker: int
    offset: int
    counts: np.ndarray  # uint32, PARTITIONS × RANGES

    def span(self, first: int, end: int) -> tuple[int, int]:
        """Where buckets first..end-1 lie: (the index of their first key, how many keys)."""
        return int(self.counts[:first].sum()), int(self.counts[first:end].sum())


class _Claims:
    """Chunks handed out to two workers as they go: this process takes them from the front,
    the other from the back, so whichever has other work too (writing the document files)
    simply ends up with fewer."""

    def __init__(self, chunks: int, lock) -> None:
        self.shared = mmap.mmap(-1, 16)  # anonymous and shared with a forked process
        struct.pack_into("qq", self.shared, 0, 0, chunks)
        self.lock = lock

    def take(self, front: bool) -> int | None:
        # held for a few microseconds: a wait this long means the other process died holding it
        if not self.lock.acquire(timeout=CLAIM_TIMEOUT):
            raise RuntimeError("the other indexing process stopped")
        try:
            first, end = struct.unpack_from("qq", self.shared)
            if first >= end:
                return None
            taken = first if front else end - 1
            struct.pack_into("qq", self.shared, 0, first + front, end - (not front))
            return taken
        finally:
            self.lock.release()


class _Spill:
    """The (gram key, document) pairs on disk, in a temporary folder: a file per worker, which
    it extracts chunks of documents into, and a file per partition, which its encoded grams
    go to. Memory holds one chunk's pairs, or one batch's, at a time.

    In a chunk, pairs are in buckets by partition and by the range of the gram's first
    character; a partition is read back a batch of consecutive ranges at a time, chunk by
    chunk, so in document order. As ranges rise with the text of their grams, a shard's grams
    of one partition, sorted by text, are those of its batches one after another.
    """

    def __init__(self, layout: Layout, n_docs: int, workers: int, lock) -> None:
        self.layout = layout
        self.n_docs = n_docs
        self.claims = _Claims((n_docs + CHUNK - 1) // CHUNK, lock)
        self.folder = tempfile.mkdtemp(prefix="search-index-")
        self.files = [open(os.path.join(self.folder, f"pairs-{w}"), "w+b") for w in range(workers)]
        self.chunks: list[_Chunk] = []  # in document order

    def extract(self, worker: int, records: Sequence[Record], tick: Callable[[int], None],
                between: Callable[[], object] = lambda: None) -> list[_Chunk]:
        """Take chunks until none are left (worker 0 from the front, calling `between` before
        each), extracting each into the worker's file."""
        out = self.files[worker]
        done: list[_Chunk] = []
        offset = 0
        while True:
            if worker == 0:
                between()
            number = self.claims.take(front=worker == 0)
            if number is None:
                break
            chunk = records[number * CHUNK:min((number + 1) * CHUNK, self.n_docs)]
            body, body_doc = self.layout.keys_of_many([normal_codes(r.text) for r in chunk], long=True)
            title, title_doc = self.layout.keys_of_many([normal_codes(r.title) for r in chunk], long=False)
            keys = np.concatenate((body, title | _TITLE))
            docs = np.concatenate((body_doc, title_doc)).astype(np.uint8)
            del body, body_doc, title, title_doc
            bucket = _partition(keys).astype(np.uint16) * np.uint16(RANGES) \
                + self.layout.ranges[self.layout.first_numbers(keys)]
            # stable: a key's documents stay in order (each kind of key comes by document)
            order = np.argsort(bucket, kind="stable")
            counts = np.bincount(bucket, minlength=PARTITIONS * RANGES).astype(np.uint32)
            del bucket
            # written from the array itself, no copy as bytes (an array is a buffer: numpy's stubs
            # do not say so in typeshed's terms)
            out.write(keys[order])  # type: ignore[arg-type]
            out.write(docs[order])  # type: ignore[arg-type]
            done.append(_Chunk(number, worker, offset, counts))
            offset += 9 * len(keys)
            tick(len(chunk))
        out.flush()
        return done

    def open(self, extracted: list[list[_Chunk]]) -> int:
        """Take every worker's chunks; the number of pairs."""
        self.chunks = sorted((c for chunks in extracted for c in chunks), key=lambda c: c.number)
        return sum(int(c.counts.sum()) for c in self.chunks)

    def batches(self, p: int) -> list[tuple[int, int]]:
        """Partition p's buckets as batches of consecutive ranges (first, end) of about BATCH pairs."""
        sizes = np.zeros(RANGES, dtype=np.int64)
        for c in self.chunks:
            sizes += c.counts[p * RANGES:(p + 1) * RANGES]
        out, first, held = [], 0, 0
        for r, size in enumerate(sizes.tolist()):
            if held and held + size > BATCH:
                out.append((first, r))
                first, held = r, 0
            held += size
        if held:
            out.append((first, RANGES))
        return out

    def batch(self, p: int, first: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of partition p's ranges first..end-1, sorted by key and then document."""
        spans = [(c, *c.span(p * RANGES + first, p * RANGES + end)) for c in self.chunks]
        total = sum(count for _, _, count in spans)
        keys = np.empty(total, dtype=np.uint64)
        docs = np.empty(total, dtype=np.uint32)
        at = 0
        for c, start, count in spans:
            if not count:
                continue
            fd = self.files[c.worker].fileno()
            keys[at:at + count] = np.frombuffer(_read(fd, 8 * count, c.offset + 8 * start), dtype=np.uint64)
            pairs = int(c.counts.sum())
            docs[at:at + count] = np.frombuffer(_read(fd, count, c.offset + 8 * pairs + start), dtype=np.uint8)
            docs[at:at + count] += c.number * CHUNK
            at += count
        order = np.argsort(keys, kind="stable")  # documents were read in order: they stay so
        return keys[order], docs[order]

    def part(self, p: int) -> str:
        """The file partition p's encoded grams go to."""
        return os.path.join(self.folder, f"part-{p}")

    def close(self) -> None:
        for file in self.files:
            file.close()
        self.claims.shared.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _read(fd: int, size: int, offset: int) -> bytes:
    data = os.pread(fd, size, offset)
    while len(data) < size:  # a read of more than the system gives at once
        more = os.pread(fd, size - len(data), offset + len(data))
        if not more:
            raise OSError(f"the search index's temporary file ends early at {offset + len(data)}")
        data += more
    return data


def _shared_lock():
    """A lock two forked processes share, or None where the system has none (no /dev/shm)."""
    try:
        return multiprocessing.Lock()
    except (ImportError, OSError):
        return None


def _partition(keys: np.ndarray) -> np.ndarray:
    """A partition for each key: the top bits of a multiplicative hash (cheap: it is done for
    every pair; which shard a gram goes to is decided once per gram, when encoding)."""
    hashed = keys * np.uint64(0x9E3779B97F4A7C15)
    hashed >>= _PARTITION_SHIFT
    return hashed.astype(np.uint8)


def _varints(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """LEB128 gaps for every group of equal keys: (bytes, byte offset of each group, group starts)."""
    n = len(keys)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if n else np.zeros(0, dtype=np.int64)
    gaps = docs.astype(np.int64) + 1
    if n:
        gaps[1:] -= docs[:-1].astype(np.int64) + 1
        gaps[starts] = docs[starts].astype(np.int64) + 1
    sizes = np.ones(n, dtype=np.int64)
    for limit in (1 << 7, 1 << 14, 1 << 21, 1 << 28):
        sizes += gaps >= limit
    ends = np.cumsum(sizes)
    out = np.zeros(int(ends[-1]) if n else 0, dtype=np.uint8)
    begin = ends - sizes
    remaining = gaps.copy()
    for byte in range(5):
        live = sizes > byte
        value = (remaining[live] & 0x7F) | np.where(sizes[live] > byte + 1, 0x80, 0)
        out[begin[live] + byte] = value.astype(np.uint8)
        remaining >>= 7
    group_offsets = np.concatenate((begin[starts], [len(out)])) if n else np.zeros(1, dtype=np.int64)
    return out, group_offsets, np.concatenate((starts, [n]))


def _encode(spill: _Spill, p: int, shards: int, n_docs: int) -> tuple[np.ndarray, int]:
    """Partition p's part of each shard, as the inside of the shard's two JSON objects
    ("gram":"postings",... for body and for title grams), written shard by shard to the
    partition's file: the length of each shard's two parts there, and how many grams."""
    pieces: dict[int, tuple[list[bytes], list[bytes]]] = {}
    grams = 0
    for first, end in spill.batches(p):
        keys, docs = spill.batch(p, first, end)
        encoded, count = _encode_pairs(spill.layout, keys, docs, shards, n_docs)
        del keys, docs
        grams += count
        for k, (body, title) in encoded.items():
            held = pieces.get(k)
            if held is None:
                held = pieces[k] = ([], [])
            if body:
                held[0].append(body)
            if title:
                held[1].append(title)
    lengths = np.zeros((shards, 2), dtype=np.int64)
    with open(spill.part(p), "wb") as out:
        for k in sorted(pieces):
            body, title = (b",".join(held) for held in pieces.pop(k))
            out.write(body)
            out.write(title)
            lengths[k] = len(body), len(title)
    return lengths, grams


def _encode_pairs(layout: Layout, keys: np.ndarray, docs: np.ndarray, shards: int,
                  n_docs: int) -> tuple[dict[int, tuple[bytes, bytes]], int]:
    """(gram key, document) pairs sorted by key and then document, as `_encode` gives them."""
    data, offsets, bounds = _varints(keys, docs)
    group_keys = keys[bounds[:-1]]
    codes = layout.code_points(group_keys)
    shard_of = (_fnv1a_rows(codes) & np.uint32(shards - 1)).tolist()
    texts = _texts(codes)
    titles = (group_keys >> np.uint64(63)).tolist()
    contents: dict[int, tuple[dict[str, str], dict[str, str]]] = {}
    bitmap_size = (n_docs + 7) // 8
    raw = data.tobytes()
    offset_list, bound_list = offsets.tolist(), bounds.tolist()
    for i, text in enumerate(texts):
        start, end = offset_list[i], offset_list[i + 1]
        if end - start > bitmap_size:
            bits = np.zeros(bitmap_size * 8, dtype=bool)
            bits[docs[bound_list[i]:bound_list[i + 1]]] = True
            payload = b"\x01" + np.packbits(bits, bitorder="little").tobytes()
        else:
            payload = b"\x00" + raw[start:end]
        shard = contents.get(shard_of[i])
        if shard is None:
            shard = contents[shard_of[i]] = ({}, {})
        shard[titles[i]][text] = base64.b64encode(payload).decode("ascii")
    return {k: (_members(body), _members(title)) for k, (body, title) in contents.items()}, len(texts)


def _members(grams: dict[str, str]) -> bytes:
    return json.dumps(grams, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()[1:-1]


@dataclass
class IndexState:
    """What a later build needs to add to this index rather than make it again (picklable):
    the main segment as `build_index` wrote it, document by document.

    `paths` are the main segment's files (its shards and documents), which an update leaves
    as they are; search/index.js and search/sort.js are written again by every update.
    """

    version: str
    documents: int
    shards: int
    levels: int
    digits: bool
    #: The characters the main segment's documents use (code points, sorted).
    alphabet: np.ndarray
    #: Each main document's URL, filters and sort values, and the department it came from.
    urls: list[str]
    filters: list[dict[str, list[str]]]
    sort: list[dict[str, Any]]
    owners: list[int]  # an index into `departments`
    #: (slug, key) of every department whose documents the main segment holds.
    departments: list[tuple[str, str]]
    paths: list[str]
    #: The delta segment the last update wrote, if any.
    delta: Delta | None = None

    def keys(self) -> dict[str, str]:
        return dict(self.departments)


@dataclass(frozen=True)
class Delta:
    """What an update wrote beside the main segment."""

    documents: int   # new documents, numbered from the main segment's count on
    dead: int        # main documents no longer in the index
    shards: int
    version: str
    paths: tuple[str, ...]


@dataclass
class Index:
    """What was written: counts for the build summary and the benchmark."""

    documents: int
    shards: int
    grams: int
    version: str
    state: IndexState | None = None


class ColdBuildNeeded(Exception):
    """The update cannot be made exactly as a cold build would index the same documents."""


def delta_limit(main_documents: int) -> int:
    """The most documents a delta segment holds before a cold build is cheaper and leaner."""
    return max(DELTA_MIN, main_documents * DELTA_SHARE // 100)


#: A delta holds up to this many documents, or this percentage of the main segment's.
DELTA_MIN = 500
DELTA_SHARE = 5


def _script(name: str, data: Any) -> bytes:
    # json_text writes numbers in digits, exactly: a score sorts by its stated value.
    text = json_text(data)
    return f"DisclosureSearch.register({json.dumps(name)},{text});\n".encode()


def _sort_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value if value != value.to_integral_value() else int(value)
    return value


#: Below this many documents one process indexes faster than two.
PARALLEL_FROM = 2000
#: Seconds to wait for the lock on the chunk counter before deciding the other process died.
CLAIM_TIMEOUT = 60


def build_index(records: Sequence[Record], write: Callable[[str, bytes], None], workers: int | None = None,
                sources: Sequence[tuple[str, str]] | None = None) -> Index:
    """Write the index of `records` (document n is records[n]) through `write(path, bytes)`.

    `sources` names the department (slug, key) each record came from; the Index's `state`
    then lets `update_index` add to this index later.
    """
    n_docs = len(records)
    workers = workers if workers is not None else parallel.workers()
    lock = _shared_lock() if workers >= 2 and n_docs >= PARALLEL_FROM else None
    two = lock is not None
    layout = Layout.of(records)
    digest = hashlib.sha256()
    spill = _Spill(layout, n_docs, 2 if two else 1, lock or threading.Lock())
    try:
        main = os.getpid()
        with progress.stage("index", 2 * n_docs, "doc") as tick:
            unwritten = iter(enumerate(records))

            def write_documents(count: int | None = CHUNK) -> None:
                # this process writes the documents' files too: a chunk's worth between chunks, the rest after
                for n, record in itertools.islice(unwritten, count):
                    _emit(write, digest, f"search/d/{n}.js", _document(n, record))
                    tick(1)

            def extract(worker: int) -> list[_Chunk]:
                # the other process's progress is counted when it is done
                chunks = spill.extract(worker, records, tick if os.getpid() == main else (lambda n: None),
                                       write_documents)
                if worker == 0:
                    write_documents(None)
                return chunks

            extracted = parallel.fork_map(range(2 if two else 1), extract, min_items=2)
            if two:
                tick(sum(len(records[c.number * CHUNK:(c.number + 1) * CHUNK]) for c in extracted[1]))
            pairs = spill.open(extracted)
        shards = PARTITIONS
        while shards * SHARD_TARGET < pairs * BYTES_PER_PAIR and shards < (1 << 16):
            shards *= 2
        encoded = parallel.fork_map(range(PARTITIONS), lambda p: _encode(spill, p, shards, n_docs),
                                    min_items=2 if two else PARTITIONS + 1)
        grams = sum(count for _, count in encoded)
        paths = [f"search/d/{n}.js" for n in range(n_docs)]
        parts = [open(spill.part(p), "rb") for p in range(PARTITIONS)]
        try:
            lengths = np.stack([part_lengths for part_lengths, _ in encoded], axis=1)  # shard × partition × 2
            for k in range(shards):
                paths.append(f"search/s/{k}.js")
                bodies, titles = [], []
                for part, (body, title) in zip(parts, lengths[k].tolist()):
                    if body:
                        bodies.append(part.read(body))
                    if title:
                        titles.append(part.read(title))
                _emit(write, digest, f"search/s/{k}.js", b'DisclosureSearch.register("s%d",{"b":{%s},"t":{%s}});\n'
                      % (k, b",".join(bodies), b",".join(titles)))
                if k == shards // 2:
                    checkpoint("index-half")
        finally:
            for part in parts:
                part.close()
    finally:
        spill.close()
    rows = [(r.url, r.filters, r.sort) for r in records]
    filters, sort = [row[1] for row in rows], [row[2] for row in rows]
    _emit(write, digest, "search/sort.js", _script("sort", _sort_columns(sort)))
    version = digest.hexdigest()[:16]
    write("search/index.js", _index_script(version, n_docs, shards, layout.levels, layout.digits, filters))
    state = None
    if sources is not None:
        departments: dict[tuple[str, str], int] = {}
        owners = [departments.setdefault((slug, at), len(departments)) for slug, at in sources]
        state = IndexState(version, n_docs, shards, layout.levels, layout.digits,
                           layout.alphabet[1:].copy() if layout.digits else np.zeros(0, dtype=np.uint32),
                           [row[0] for row in rows], filters, sort, owners, list(departments), paths)
    return Index(n_docs, shards, grams, version, state)


def _index_script(version: str, documents: int, shards: int, levels: int, digits: bool,
                  filters: Sequence[dict[str, list[str]]], delta: dict | None = None) -> bytes:
    data = {"format": FORMAT, "version": version, "documents": documents, "shards": shards,
            "grams": levels, "digits": list(DIGITS) if digits else None, "filters": _filter_columns(filters)}
    if delta is not None:
        data["delta"] = delta
    return _script("index", data)


def update_index(state: IndexState, departments: Sequence[tuple[str, str, Sequence[Record]]],
                 removed: Sequence[str], write: Callable[[str, bytes], None]) -> IndexState:
    """Bring the index `state` describes up to date without touching its main segment.

    `departments` are (slug, key, records) of every department whose key is not the one the
    main segment was built from, new ones included; `removed` the slugs of departments gone.
    Their main documents become dead, and their current records are the delta segment:
    documents numbered from the main count on in URL order (search/d/<n>.js), their grams
    in shards of their own (search/x/<k>.js) with postings in the same numbering. The delta
    is made from those departments' records alone each time, so it never depends on an
    earlier update. search/index.js (filters over every number, and the delta: its shards,
    version, dead documents and where its documents stand among the main ones in URL order)
    and search/sort.js are written again.

    Raises ColdBuildNeeded, having written nothing, when the result would not be exactly what
    a cold build indexes (the main segment's numbering of characters cannot take the new
    ones): the caller builds the index anew.
    """
    n_main = state.documents
    if not state.digits or state.levels != LEVELS:
        raise ColdBuildNeeded("the main segment has the fallback layout")
    if any(a > b for a, b in zip(state.urls, state.urls[1:])):
        raise ColdBuildNeeded("the main segment's documents are not in URL order")
    changed = {slug for slug, _, _ in departments} | set(removed)
    slugs = [slug in changed for slug, _ in state.departments]
    dead = [n for n, owner in enumerate(state.owners) if slugs[owner]]
    records = sorted((r for _, _, rs in departments for r in rs), key=lambda r: r.url)
    layout = Layout.of(records) if records else None
    if layout is not None:
        # (a set, not np.union1d: that imports numpy.ma, a twentieth of a correction's time)
        if not layout.digits or len(set(state.alphabet.tolist()) | set(layout.alphabet[1:].tolist())) >= 1 << RANK_BITS:
            raise ColdBuildNeeded("too many distinct characters")
    # Every check passed: from here on the update is written.
    digest = hashlib.sha256(state.version.encode())
    m = len(records)
    paths: list[str] = []
    shards = 0
    if layout is not None:
        body, body_doc = layout.keys_of_many([normal_codes(r.text) for r in records], long=True)
        title, title_doc = layout.keys_of_many([normal_codes(r.title) for r in records], long=False)
        keys = np.concatenate((body, title | _TITLE))
        docs = (np.concatenate((body_doc, title_doc)) + n_main).astype(np.uint32)
        order = np.lexsort((docs, keys))
        keys, docs = keys[order], docs[order]
        shards = 1
        while shards * SHARD_TARGET < len(keys) * BYTES_PER_PAIR and shards < (1 << 16):
            shards *= 2
        encoded, _ = _encode_pairs(layout, keys, docs, shards, n_main + m)
        for j, record in enumerate(records):
            path = f"search/d/{n_main + j}.js"
            _emit(write, digest, path, _document(n_main + j, record))
            paths.append(path)
        for k in range(shards):
            body_members, title_members = encoded.get(k, (b"", b""))
            path = f"search/x/{k}.js"
            _emit(write, digest, path, b'DisclosureSearch.register("x%d",{"b":{%s},"t":{%s}});\n'
                  % (k, body_members, title_members))
            paths.append(path)
    gone = set(dead)
    filters = [{} if n in gone else f for n, f in enumerate(state.filters)] + [r.filters for r in records]
    sort = [{} if n in gone else v for n, v in enumerate(state.sort)] + [r.sort for r in records]
    sort_script = _script("sort", _sort_columns(sort))
    if not m and not dead:  # nothing changed since the main segment: its own index.js and sort.js
        write("search/sort.js", sort_script)
        write("search/index.js", _index_script(state.version, n_main, state.shards, state.levels, state.digits,
                                               filters))
        return dataclasses.replace(state, delta=None)
    _emit(write, digest, "search/sort.js", sort_script)
    version = digest.hexdigest()[:16]
    at = [bisect.bisect_left(state.urls, r.url) for r in records]
    write("search/index.js", _index_script(state.version, n_main + m, state.shards, state.levels, state.digits,
                                           filters, {"first": n_main, "shards": shards, "version": version,
                                                     "dead": dead, "at": at}))
    return dataclasses.replace(state, delta=Delta(m, len(dead), shards, version, tuple(paths)))


def _document(n: int, record: Record) -> bytes:
    return _script(f"d{n}", {"url": record.url, "title": record.title, "meta": record.meta,
                              "parts": [{"url": p.url, "label": p.label, "text": p.text} for p in record.parts]})


def _emit(write: Callable[[str, bytes], None], digest, path: str, data: bytes) -> None:
    digest.update(path.encode() + b"\0" + data)
    write(path, data)


def _filter_columns(filters: Sequence[dict[str, list[str]]]) -> dict[str, dict[str, list]]:
    """For each filter key: its values, the distinct value sets, and each document's set."""
    keys = sorted({k for f in filters for k in f})
    columns: dict[str, dict[str, list]] = {}
    for key in keys:
        values = sorted({v for f in filters for v in f.get(key, ())})
        position = {v: i for i, v in enumerate(values)}
        sets: list[list[int]] = []
        seen: dict[tuple[int, ...], int] = {}
        known: dict[tuple[str, ...], int] = {}  # the same values as a document before: its set
        column = []
        for chosen_values in filters:
            named = tuple(chosen_values.get(key, ()))
            found = known.get(named)
            if found is None:
                chosen = tuple(sorted(position[v] for v in named))
                if chosen not in seen:
                    seen[chosen] = len(sets)
                    sets.append(list(chosen))
                found = known[named] = seen[chosen]
            column.append(found)
        columns[key] = {"values": values, "sets": sets, "docs": column}
    return columns


def _sort_columns(sort: Sequence[dict[str, Any]]) -> dict[str, list]:
    keys = sorted({k for values in sort for k in values})
    return {key: [_sort_value(values.get(key)) for values in sort] for key in keys}
