"""benchmarks/synth.py: the synthetic corpus is deterministic and valid content."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _synth():
    spec = importlib.util.spec_from_file_location("benchmarks_synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_n_and_seed_give_identical_valid_content(tmp_path):
    from generator.content.load import load_content

    synth = _synth()
    first = synth.generate(12, tmp_path / "a", seed=7)
    second = synth.generate(12, tmp_path / "b", seed=7)
    assert first == second
    a, b = _tree(tmp_path / "a" / "content"), _tree(tmp_path / "b" / "content")
    assert a == b
    assert sum(name.endswith(".source.txt") for name in a) == 12

    content = load_content(tmp_path / "a" / "content")
    reports = content.reports()
    assert len(reports) == 12
    assert all(r.source_text for r in reports)
    assert all(len(r.report.performance.indicators) >= 18 for r in reports)
    assert all(r.report.sections and r.report.projects for r in reports)

    # A rerun into the same folder replaces the corpus; another seed gives another corpus.
    synth.generate(12, tmp_path / "a", seed=8)
    assert _tree(tmp_path / "a" / "content") != b
