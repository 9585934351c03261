"""The build, stage by stage: load → plan → render → write → swap.

Everything is gathered and validated before the first byte is written, and the output
goes to a staging folder that replaces the site only when the whole build succeeded.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import pages as page_plan
from . import plotly_assets
from .load import Content, load_content
from .render import Renderer
from .write import Output, publish, recover, staging_for

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
STATIC = TEMPLATES / "static"


@dataclass
class BuildResult:
    pages: int = 0
    files: int = 0
    bytes: int = 0
    stages: dict[str, float] = field(default_factory=dict)


def hashed_assets(static: Path = STATIC) -> dict[str, tuple[str, bytes]]:
    """Static files named by content hash, so they can be cached for ever: name → (hashed, bytes)."""
    files = {path.relative_to(static).as_posix(): path.read_bytes() for path in sorted(static.rglob("*"))
             if path.is_file()}
    files["plotly.js"] = plotly_assets.script()
    files["plotly.css"] = plotly_assets.stylesheet()
    out = {}
    for rel, data in sorted(files.items()):
        stem, dot, ext = rel.rpartition(".")
        digest = hashlib.sha256(data).hexdigest()[:10]
        out[rel] = (f"{stem}.{digest}.{ext}" if dot else f"{rel}.{digest}", data)
    return out


def render_site(content: Content, output: Output, result: BuildResult) -> None:
    assets = hashed_assets()
    renderer = Renderer(TEMPLATES, content.site, {name: hashed for name, (hashed, _) in assets.items()})
    started = time.perf_counter()
    plan = page_plan.plan(content)
    result.stages["plan"] = time.perf_counter() - started
    started = time.perf_counter()
    for page in plan:
        output.write(page.path, renderer.render(page))
    result.stages["render"] = time.perf_counter() - started
    for name, (hashed, data) in assets.items():
        output.write(f"assets/{hashed}", data)
    result.pages = len(plan)


def build(content_dir: Path, site_dir: Path) -> BuildResult:
    """Build the site from `content_dir` into `site_dir`; on any error the old site stays."""
    result = BuildResult()
    started = time.perf_counter()
    content = load_content(content_dir)
    result.stages["load"] = time.perf_counter() - started
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    staging = staging_for(site_dir)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        output = Output(staging)
        render_site(content, output, result)
        started = time.perf_counter()
        publish(staging, site_dir)
        result.stages["swap"] = time.perf_counter() - started
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.files = len(output.written)
    result.bytes = sum(output.written.values())
    return result
