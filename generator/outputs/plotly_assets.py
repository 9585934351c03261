"""plotly.js for the site, vendored (vendor/plotly.js-basic-dist-min/, the basic bundle: bar, pie and
scatter traces, all the charts draw): the script, and its styles as a file.

plotly.js inserts its base styles into a <style> element at load, which a CSP with
`style-src 'self'` refuses. It skips that when the page already has an element with id
`plotly.js-style-global` and class `no-inline-styles`; so the same rules, read out of the
bundle, are served as a stylesheet with that id.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

BUNDLE = Path(__file__).resolve().parents[2] / "vendor" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
#: The bundle pinned: its version and the SHA-256 of the file (vendor/README.md says how to update).
VERSION = "4.1.1"
SHA256 = "99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba"
#: The trace types in the bundle; a chart of any other type would not draw.
TRACE_TYPES = frozenset({"bar", "pie", "scatter"})
STYLE_ID = "plotly.js-style-global"
_INJECTED_STYLE = re.compile(rb'getElementById\("([0-9a-f]{32,64})"\)\)'
                             rb'\{var [A-Za-z_$]+=document\.createElement\("style"\)')


@lru_cache(maxsize=1)
def script() -> bytes:
    data = BUNDLE.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise ValueError(f"{BUNDLE}: not the pinned plotly.js {VERSION} (its SHA-256 differs); see vendor/README.md")
    return data


def version() -> str:
    match = re.search(rb"plotly\.js (?:\([a-z -]+\) )?v([0-9.]+)", script()[:200])
    return match.group(1).decode() if match else "unknown"


@lru_cache(maxsize=1)
def injected_style_ids() -> tuple[str, ...]:
    """Ids of <style> elements the bundle injects at load unless an element with that id exists.

    They style map traces (MapLibre), which the site does not draw; an inert element with
    each id in the page keeps the bundle from injecting a style that a strict CSP refuses.
    """
    return tuple(sorted({m.decode() for m in _INJECTED_STYLE.findall(script())}))


def _object_at(text: str, start: int) -> str:
    """The JS object literal that opens at text[start] == '{', up to its matching brace."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    raise ValueError("unbalanced object literal in plotly.min.js")


_PAIR = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*))\s*:"""
                   r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*,?""")


@lru_cache(maxsize=1)
def stylesheet() -> bytes:
    """plotly.js's global style rules as CSS, with its X/Y selector shorthands expanded."""
    text = script().decode("utf-8")
    anchor = text.find('"X,X div"')
    if anchor < 0:
        raise ValueError(f"plotly.js {version()}: style rules not found; update generator/outputs/plotly_assets.py")
    body = _object_at(text, text.rfind("{", 0, anchor))[1:-1]
    rules = []
    pos = 0
    while pos < len(body):
        match = _PAIR.match(body, pos)
        if not match:
            raise ValueError(f"plotly.js {version()}: cannot read style rule at {body[pos:pos + 40]!r}")
        selector = match.group(1) if match.group(1) is not None else match.group(2)
        declarations = match.group(3) if match.group(3) is not None else match.group(4)
        selector = re.sub(r"^,", " ,", selector).replace("X", ".js-plotly-plot .plotly") \
            .replace("Y", ".plotly-notifier")
        rules.append(f"{selector}{{{declarations}}}")
        pos = match.end()
    header = f"/* plotly.js v{version()} base styles, served as a file for style-src 'self' */\n"
    return (header + "\n".join(rules) + "\n").encode("utf-8")
