"""The site's own full-text index: exact for Chinese phrases, static, and readable from file://.

Every searchable document (a report with its original text, or a department) is cut into
runs at whitespace, and every character, pair and triple of characters in a run is a gram
of that document. A query term of up to three characters is looked up as one gram, so its
result set is exactly the documents containing it; a longer term is the documents that hold
each of its overlapping triples, which on the benchmark corpus is the same set (a document
shown is checked against its text as well). Titles have grams of their own, for ranking.

Output, all JavaScript so a site opened from disk can load it with <script> elements:

    search/index.js    the document count, shard count, filter columns and sort keys
    search/s/<k>.js    shard k: {"b": {gram: postings}, "t": {title gram: postings}}
    search/d/<n>.js    document n: url, title, meta and text, for the result list

A gram lives in shard fnv1a(code points) mod S (the script computes the same); postings are
base64 of either LEB128 gaps between document numbers or a bitmap, whichever is shorter.
Grams are extracted and inverted with numpy, on two processes when there are many documents.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from . import progress
from .faults import checkpoint

FORMAT = 1
#: Raw bytes of postings a shard aims at: a query reads one shard per gram.
SHARD_TARGET = 8192
#: Postings bytes per (gram, document) pair, for choosing the shard count before encoding.
BYTES_PER_PAIR = 0.6
_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619
_BITS = 21  # a code point fits in 21 bits, so a triple fits in 63
_MASK = (1 << _BITS) - 1
_TITLE = np.uint64(1 << 63)


@dataclass(frozen=True)
class Part:
    """One page a document's text comes from: a report page, its original text, a department page."""

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
    parts: tuple[Part, ...]

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


_SPACE = np.array([chr(i).isspace() for i in range(0x3001)], dtype=bool)


def _codes(text: str) -> np.ndarray:
    """Code points of `text` as uint64, whitespace as 0, two zeros appended."""
    codes = np.frombuffer((normalize(text) + "\0\0").encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    low = codes < len(_SPACE)
    codes[low & _SPACE[np.minimum(codes, len(_SPACE) - 1).astype(np.intp)]] = 0
    return codes


def gram_keys(text: str) -> np.ndarray:
    """The sorted distinct grams of `text` as integer keys.

    A triple (a, b, c) is a << 42 | b << 21 | c, a pair a << 21 | b, a character a; as no
    code point in a run is 0, the three kinds never collide. Every position starts a triple
    (padded with the zeros after it), so the pairs and characters come out of the sorted
    triples by shifting, without sorting again.
    """
    c = _codes(text)
    starts = c[:-2] != 0
    triples = np.unique(((c[:-2] << 42) | (c[1:-1] << 21) | c[2:])[starts])
    singles = _distinct(triples >> np.uint64(42))
    pairs = triples >> np.uint64(_BITS)
    pairs = _distinct(pairs[(pairs & np.uint64(_MASK)) != 0])
    whole = triples[((triples >> np.uint64(_BITS)) & np.uint64(_MASK) != 0) & ((triples & np.uint64(_MASK)) != 0)]
    return np.concatenate((singles, pairs, whole))


def _distinct(sorted_keys: np.ndarray) -> np.ndarray:
    if len(sorted_keys) == 0:
        return sorted_keys
    keep = np.empty(len(sorted_keys), dtype=bool)
    keep[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=keep[1:])
    return sorted_keys[keep]


def key_text(key: int) -> str:
    key &= (1 << 63) - 1
    codes = [(key >> 42) & _MASK, (key >> _BITS) & _MASK, key & _MASK]
    return "".join(chr(c) for c in codes if c)


def _key_hash(keys: np.ndarray) -> np.ndarray:
    """fnv1a over each key's code points, vectorised (uint32 arithmetic wraps as in the script)."""
    keys = keys & np.uint64((1 << 63) - 1)
    h = np.full(len(keys), _FNV_OFFSET, dtype=np.uint32)
    for shift in (42, _BITS, 0):
        code = ((keys >> np.uint64(shift)) & np.uint64(_MASK)).astype(np.uint32)
        mixed = (h ^ code) * np.uint32(_FNV_PRIME)
        h = np.where(code != 0, mixed, h)
    return h


#: Documents per chunk of extracted grams, and partitions of the shards inverted one at a time:
#: together they bound the memory the inversion needs besides the (key, document) pairs.
CHUNK = 256
PARTITIONS = 16


class _Pairs:
    """Every document's (gram key, document) pairs, bucketed by the low bits of the key's hash."""

    def __init__(self) -> None:
        self.keys: list[list[np.ndarray]] = [[] for _ in range(PARTITIONS)]
        self.docs: list[list[np.ndarray]] = [[] for _ in range(PARTITIONS)]
        self.total = 0

    def add(self, first_doc: int, per_doc: list[np.ndarray]) -> None:
        if not per_doc:
            return
        keys = np.concatenate(per_doc)
        docs = np.repeat(np.arange(first_doc, first_doc + len(per_doc), dtype=np.uint32), [len(k) for k in per_doc])
        part = (_key_hash(keys) & np.uint32(PARTITIONS - 1)).astype(np.uint8)
        order = np.argsort(part, kind="stable")
        bounds = np.searchsorted(part[order], np.arange(PARTITIONS + 1))
        keys, docs = keys[order], docs[order]
        for p in range(PARTITIONS):
            if bounds[p + 1] > bounds[p]:
                self.keys[p].append(keys[bounds[p]:bounds[p + 1]])
                self.docs[p].append(docs[bounds[p]:bounds[p + 1]])
        self.total += len(keys)

    def partition(self, p: int) -> tuple[np.ndarray, np.ndarray]:
        """Partition p's pairs sorted by key and then document, releasing the buckets."""
        keys = np.concatenate(self.keys[p]) if self.keys[p] else np.zeros(0, dtype=np.uint64)
        docs = np.concatenate(self.docs[p]) if self.docs[p] else np.zeros(0, dtype=np.uint32)
        self.keys[p], self.docs[p] = [], []
        order = np.argsort(keys, kind="stable")  # documents were added in order: they stay so
        return keys[order], docs[order]


def _doc_keys(record: Record) -> np.ndarray:
    return np.concatenate((gram_keys(record.text), gram_keys(record.title) | _TITLE))


def _chunks(records: Sequence[Record], start: int, stop: int):
    for first in range(start, stop, CHUNK):
        yield first, [_doc_keys(r) for r in records[first:min(first + CHUNK, stop)]]


def _extract(records: Sequence[Record], workers: int) -> _Pairs:
    """The pairs of every document; with two workers a forked process does the second half."""
    pairs = _Pairs()
    n = len(records)
    if workers < 2 or n < 2000 or not hasattr(os, "fork"):
        with progress.stage("index", n, "doc") as tick:
            for first, per_doc in _chunks(records, 0, n):
                pairs.add(first, per_doc)
                tick(len(per_doc))
        return pairs
    middle = n // 2
    with tempfile.TemporaryFile() as spill:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child, measured by the benchmark
            code = 1
            try:
                for _, per_doc in _chunks(records, middle, n):
                    spill.write(np.array([len(k) for k in per_doc], dtype=np.int64).tobytes())
                    for k in per_doc:
                        spill.write(k.tobytes())
                spill.flush()
                code = 0
            finally:
                os._exit(code)
        with progress.stage("index", n, "doc") as tick:  # the other half runs alongside
            for first, per_doc in _chunks(records, 0, middle):
                pairs.add(first, per_doc)
                tick(2 * len(per_doc))
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise RuntimeError("the second indexing process failed")
        spill.seek(0)
        for first in range(middle, n, CHUNK):
            count = min(CHUNK, n - first)
            lengths = np.frombuffer(spill.read(8 * count), dtype=np.int64)
            flat = np.frombuffer(spill.read(8 * int(lengths.sum())), dtype=np.uint64)
            pairs.add(first, np.split(flat, np.cumsum(lengths)[:-1]))
    return pairs


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


@dataclass
class Index:
    """What was written: counts for the build summary and the benchmark."""

    documents: int
    shards: int
    grams: int
    version: str


def _script(name: str, data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"DisclosureSearch.register({json.dumps(name)},{text});\n".encode()


def _sort_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def build_index(records: Sequence[Record], write: Callable[[str, bytes], None], workers: int | None = None) -> Index:
    """Write the index of `records` (document n is records[n]) through `write(path, bytes)`."""
    workers = workers if workers is not None else min(os.cpu_count() or 1, 2)
    n_docs = len(records)
    pairs = _extract(records, workers)
    shards = PARTITIONS
    while shards * SHARD_TARGET < pairs.total * BYTES_PER_PAIR and shards < (1 << 16):
        shards *= 2
    bitmap_size = (n_docs + 7) // 8
    digest = hashlib.sha256()
    grams = 0
    for p in range(PARTITIONS):
        keys, docs = pairs.partition(p)
        data, offsets, bounds = _varints(keys, docs)
        group_keys = keys[bounds[:-1]]
        shard_of = (_key_hash(group_keys) & np.uint32(shards - 1)).tolist()
        contents: dict[int, dict[str, dict[str, str]]] = {k: {"b": {}, "t": {}} for k in range(p, shards, PARTITIONS)}
        raw = data.tobytes()
        offset_list, bound_list = offsets.tolist(), bounds.tolist()
        for i, key in enumerate(group_keys.tolist()):
            start, end = offset_list[i], offset_list[i + 1]
            if end - start > bitmap_size:
                bits = np.zeros(bitmap_size * 8, dtype=bool)
                bits[docs[bound_list[i]:bound_list[i + 1]]] = True
                payload = b"\x01" + np.packbits(bits, bitorder="little").tobytes()
            else:
                payload = b"\x00" + raw[start:end]
            contents[shard_of[i]]["t" if key >> 63 else "b"][key_text(key)] = base64.b64encode(payload).decode("ascii")
        grams += len(group_keys)
        del keys, docs, data, raw
        for k, content in sorted(contents.items()):
            _emit(write, digest, f"search/s/{k}.js", _script(f"s{k}", content))
        if p == PARTITIONS // 2:
            checkpoint("index-half")
    for n, record in enumerate(records):
        _emit(write, digest, f"search/d/{n}.js", _script(f"d{n}", {
            "url": record.url, "title": record.title, "meta": record.meta,
            "parts": [{"url": p.url, "label": p.label, "text": p.text} for p in record.parts]}))
    _emit(write, digest, "search/sort.js", _script("sort", _sort_columns(records)))
    version = digest.hexdigest()[:16]
    write("search/index.js", _script("index", {
        "format": FORMAT, "version": version, "documents": n_docs, "shards": shards,
        "filters": _filter_columns(records)}))
    return Index(n_docs, shards, grams, version)


def _emit(write: Callable[[str, bytes], None], digest, path: str, data: bytes) -> None:
    digest.update(path.encode() + b"\0" + data)
    write(path, data)


def _filter_columns(records: Sequence[Record]) -> dict[str, dict[str, list]]:
    """For each filter key: its values, the distinct value sets, and each document's set."""
    keys = sorted({k for r in records for k in r.filters})
    columns = {}
    for key in keys:
        values = sorted({v for r in records for v in r.filters.get(key, ())})
        position = {v: i for i, v in enumerate(values)}
        sets: list[list[int]] = []
        seen: dict[tuple[int, ...], int] = {}
        column = []
        for record in records:
            chosen = tuple(sorted(position[v] for v in record.filters.get(key, ())))
            if chosen not in seen:
                seen[chosen] = len(sets)
                sets.append(list(chosen))
            column.append(seen[chosen])
        columns[key] = {"values": values, "sets": sets, "docs": column}
    return columns


def _sort_columns(records: Sequence[Record]) -> dict[str, list]:
    keys = sorted({k for r in records for k in r.sort})
    return {key: [_sort_value(r.sort.get(key)) for r in records] for key in keys}
