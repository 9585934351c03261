"""The search index after one department changed: a cold index against an update (a delta
segment over the main one), both in this one process, files written to memory.

    .venv/bin/python benchmarks/index_update_bench.py [--content DIR]

The changed department's report gets a new title and a new word in its text; the update
writes index.js, sort.js, the delta's shards and its documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.load import load_content  # noqa: E402
from generator.site.pages import department_records  # noqa: E402
from generator.content.regions import places  # noqa: E402
from generator.outputs.searchindex import RecordPart, build_index, update_index  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=ROOT / "benchmarks/corpus-1000/content")
    args = parser.parse_args()
    content = load_content(args.content)
    regions = places(content.regions)
    by_department = {e.slug: department_records(e, regions.get(e.department.region)) for e in content.departments}
    pairs = sorted(((r, (slug, "k0")) for slug, rs in by_department.items() for r in rs), key=lambda p: p[0].url)
    records, sources = [p[0] for p in pairs], [p[1] for p in pairs]
    print(f"{len(records)} documents, {len(by_department)} departments, "
          f"{sum(len(r.text) for r in records) / 1e6:.1f} M characters")
    files: dict[str, bytes] = {}
    started = time.perf_counter()
    index = build_index(records, files.__setitem__, workers=1, sources=sources)
    cold = time.perf_counter() - started
    print(f"cold index (one process): {cold:.2f} s, {len(files)} files, {index.shards} shards")

    slug = max(by_department, key=lambda s: len(by_department[s]))  # the department with the most reports
    changed = []
    for record in by_department[slug]:
        if record.parts and len(record.parts) > 1:
            page = record.parts[0]
            record = dataclasses.replace(record, title=record.title + "（更正）",
                                         parts=(RecordPart(page.url, page.label, page.text + "\n蹄疾步稳"),
                                                *record.parts[1:]))
        changed.append(record)
    times = []
    for _ in range(3):
        written: dict[str, bytes] = {}
        started = time.perf_counter()
        state = update_index(index.state, [(slug, "k1", changed)], [], written.__setitem__)
        times.append(time.perf_counter() - started)
    delta = state.delta
    print(f"update after {slug} changed ({len(changed)} documents): best {min(times) * 1000:.0f} ms of {len(times)}, "
          f"{len(written)} files written ({delta.shards} delta shards, {delta.documents} documents, {delta.dead} dead), "
          f"{sum(map(len, written.values())) / 1e3:.0f} kB")
    # A main segment ten times as large, as far as an update reads it (its documents' URLs,
    # filters, sort values and departments; the main files themselves are never read).
    copies = 10
    state = index.state
    n_departments = len(state.departments)
    large = dataclasses.replace(
        state, documents=state.documents * copies,
        urls=[f"c{c:02d}/{u}" for c in range(copies) for u in state.urls],
        filters=state.filters * copies, sort=state.sort * copies,
        owners=[o + c * n_departments for c in range(copies) for o in state.owners],
        departments=[(f"{s}~{c}" if c else s, k) for c in range(copies) for s, k in state.departments])
    times = []
    for _ in range(3):
        written = {}
        started = time.perf_counter()
        update_index(large, [(slug, "k1", changed)], [], written.__setitem__)
        times.append(time.perf_counter() - started)
    print(f"the same update over a main segment of {large.documents} documents: best {min(times) * 1000:.0f} ms, "
          f"{sum(map(len, written.values())) / 1e3:.0f} kB written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
