"""Reading the search index as the search page does, in Python: a port of search-engine.js's
query over the main segment and the delta (grams, postings of both segments, dead documents,
ranking, the text check), for comparing an updated index with a cold one."""

from __future__ import annotations

import base64
import functools
import json
import random
import re
from pathlib import Path

from generator.outputs.searchindex import fnv1a, normalize


def decode_postings(found: str, documents: int) -> set[int]:
    """The documents of a gram's postings, decoded as search-engine.js decodes them: a bitmap, or
    LEB128 gaps between document numbers."""
    raw = base64.b64decode(found)
    if raw[0] == 1:
        return {i for i in range(documents) if i // 8 < len(raw) - 1 and raw[1 + i // 8] >> (i % 8) & 1}
    docs, doc, value, shift = set(), -1, 0, 0
    for byte in raw[1:]:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        doc += value
        docs.add(doc)
        value, shift = 0, 0
    return docs


def loaded(data: bytes):
    text = data.decode("utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


def grams_of(files, term: str) -> list[str]:
    """The grams search-engine.js looks up for a term."""
    index = loaded(files["search/index.js"])
    longest, digits = index["grams"], index["digits"]
    chars = list(normalize(term))
    if len(chars) <= longest or (digits and re.fullmatch("[0-9]+", "".join(chars)) and len(chars) <= digits[1]):
        return ["".join(chars)]
    grams = ["".join(chars[i:i + longest]) for i in range(len(chars) - longest + 1)]
    for run in re.findall("[0-9]+", "".join(chars)) if digits else ():
        if len(run) >= digits[0]:
            size = min(len(run), digits[1])
            grams += [run[i:i + size] for i in range(len(run) - size + 1)]
    return grams


class Site:
    """The index files as the search page reads them, main segment and delta, in Python: a
    port of search-engine.js's query (grams, postings of both segments, dead documents,
    ranking) for comparing an updated index with a cold one."""

    def __init__(self, files):
        self.files = files
        self.index = loaded(files["search/index.js"])
        self.delta = self.index.get("delta")
        self.first = self.delta["first"] if self.delta else self.index["documents"]
        self.dead = set(self.delta["dead"]) if self.delta else set()
        self.live = [n for n in range(self.index["documents"]) if n not in self.dead]

    def _decode(self, found) -> set[int]:
        return decode_postings(found, self.index["documents"])

    def shard(self, gram: str, delta: bool) -> dict:
        count = self.delta["shards"] if delta else self.index["shards"]
        return self.read(f"search/{'x' if delta else 's'}/{fnv1a([ord(c) for c in gram]) & (count - 1)}.js")

    @functools.cache
    def read(self, path: str):
        return loaded(self.files[path])

    def postings(self, gram: str, space: str = "b") -> set[int]:
        found = set()
        for delta in (False, True) if self.delta and self.delta["shards"] else (False,):
            posting = self.shard(gram, delta)[space].get(gram)
            if posting is not None:
                found |= self._decode(posting)
        return found

    @functools.cache
    def document(self, n: int) -> dict:
        return self.read(f"search/d/{n}.js")

    @functools.cache
    def text(self, n: int) -> str:
        d = self.document(n)
        return normalize("\n".join([d["title"], *(p["text"] for p in d["parts"])]))

    def url(self, n: int) -> str:
        return self.document(n)["url"]

    def place(self, n: int) -> int:
        return 2 * n + 1 if n < self.first else 2 * self.delta["at"][n - self.first]

    def year(self, n: int) -> float:
        years = self.index["filters"].get("year")
        chosen = years["sets"][years["docs"][n]] if years else []
        return -int(years["values"][chosen[0]]) if chosen else float("-inf")

    def search(self, query_text: str, checked: bool = False) -> list[str]:
        """The URLs the search page lists for a query, in its order (before the text check,
        which drops a document holding a longer term's grams apart, unless `checked`)."""
        terms = list(dict.fromkeys(normalize(query_text).split()))
        grams = list(dict.fromkeys(g for t in terms for g in grams_of(self.files, t)))
        body = title = None
        for gram in grams:
            these, titled = self.postings(gram), self.postings(gram, "t")
            body = these if body is None else body & these
            title = titled if title is None else title & titled
        ids = [n for n in self.live if body is None or n in body]
        ids.sort(key=lambda n: (title is not None and n not in title, self.year(n), self.place(n), n))
        if checked:
            ids = [n for n in ids if all(t in self.text(n) for t in terms)]
        return [self.url(n) for n in ids]

    def counts(self, ids_urls: list[str]) -> dict:
        by_url = {self.url(n): n for n in self.live}
        out = {}
        for key, column in self.index["filters"].items():
            out[key] = {}
            for url in ids_urls:
                for v in column["sets"][column["docs"][by_url[url]]]:
                    name = column["values"][v]
                    out[key][name] = out[key].get(name, 0) + 1
        return out


def assert_same_search(a: Site, b: Site, terms):
    for term in terms:
        assert a.search(term) == b.search(term), term
        found = a.search(term, checked=True)
        assert found == b.search(term, checked=True), term
        assert a.counts(found) == b.counts(found), term


def terms_of(files, rng, extra=(), every: int = 2):
    """Every term of up to `every` characters the documents hold, and a sample of longer ones."""
    site = Site(files)
    texts = [normalize("\n".join([d["title"], *(p["text"] for p in d["parts"])]))
             for d in map(site.document, site.live)]
    terms = set(extra)
    for text in texts:
        for run in text.split():
            for i in range(len(run)):
                terms.update(run[i:i + j] for j in range(1, every + 1) if i + j <= len(run))
    longer = [run for text in texts for run in text.split() if len(run) > 2]
    for _ in range(300 if longer else 0):
        run = rng.choice(longer)
        start = rng.randrange(len(run) - 2)
        terms.add(run[start:start + rng.randint(3, 10)])
    return sorted(terms)


def site_files(site: Path) -> dict[str, bytes]:
    """The search index files of a built site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search").rglob("*.js"))}


def assert_same_site_search(site: Path, reference: Path, extra=(), seed: int = 0) -> None:
    """Every query of one or two characters the documents hold, and a sample of longer ones,
    finds the same documents in the same order with the same counts on both sites."""
    files = site_files(reference)
    assert_same_search(Site(site_files(site)), Site(files), terms_of(files, random.Random(seed), extra))
