"""A page a clerk checks a draft on (`build.py import … --review FILE`): the report's text with
every number marked by where it went, beside the draft year file, and the draft's 数据核验.

Each number of the text is one of three things, told apart by colour and by a word in the
mark itself (so the page reads the same in black and white and to a screen reader):

- 已放置: the draft writes it; the mark links to its line of the draft and names the field;
- 未放置: it is under `unplaced:` for the clerk to place, with the importer's reason;
- 未记录: neither (a 科目编码, 行次, date or document number the importer reads as no figure).

The page is one self-contained file (its style inline, no script), so it opens from disk.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..content.problems import field_path
from .pipeline import Draft

_NUMBER = re.compile(r"-?[0-9０-９][0-9０-９,]*(?:\.[0-9０-９]+)?")


@dataclass(frozen=True)
class Finding:
    """A 数据核验 finding on the draft, as the review lists it."""

    severity: str  # 错误, 警告, 提示
    rule: str
    message: str
    line: int | None  # the draft's line it points at (1-based)


def page(source: str, draft: Draft, report_name: str, target: str, findings: list[Finding]) -> str:
    """The review page's HTML."""
    marks: list[tuple[int, int, str, str, int | None]] = []  # start, end, kind, note, draft line
    for placed in draft.placed:
        spans = [placed.stmt.span, *(span for _, span in placed.stmt.also)]
        for start, end in spans:
            if end > start:
                marks.append((start, end, "placed", field_path(placed.loc), placed.line + 1))
    for loose in draft.loose:
        if loose.span[1] > loose.span[0]:
            marks.append((loose.span[0], loose.span[1], "unplaced", loose.why, None))
    marks.sort(key=lambda m: (m[0], -m[1]))
    text = _marked(source, marks)
    lines = draft.yaml.split("\n")
    placed_lines = {p.line + 1 for p in draft.placed}
    finding_lines = {f.line for f in findings if f.line}
    yaml_html = "".join(
        f'<span id="L{n}" class="line{" placed" if n in placed_lines else ""}'
        f'{" flagged" if n in finding_lines else ""}">'
        f'<span class="no">{n}</span>{html.escape(line)}</span>' for n, line in enumerate(lines, 1))
    counts = (len(draft.placed), len(draft.loose), len(findings))
    items = "".join(
        f'<li class="{_css(f.severity)}"><span class="sev">{html.escape(f.severity)}</span> '
        f'<code>{html.escape(f.rule)}</code> {html.escape(f.message)}'
        + (f' <a href="#L{f.line}">草稿第 {f.line} 行</a>' if f.line else "") + "</li>" for f in findings)
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>导入审阅：{html.escape(report_name)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1>导入审阅：{html.escape(report_name)}</h1>
<p>草稿 <code>{html.escape(target)}</code>：已放置 <strong>{counts[0]}</strong> 个数，\
未放置 <strong>{counts[1]}</strong> 个（在草稿末尾 <code>unplaced:</code> 中，须逐条核对），\
数据核验 <strong>{counts[2]}</strong> 处不一致。</p>
<p class="legend"><span class="placed">已放置</span> 草稿中写入的数，点击跳到草稿中的行；\
<span class="unplaced">未放置</span> 导入程序不能确定归属的数，悬停或长按看原因；\
<span class="ignored">未记录</span> 编码、行次、日期等不作为数据的数字。</p>
</header>
<section aria-labelledby="findings"><h2 id="findings">草稿的数据核验</h2>
{f'<ul class="findings">{items}</ul>' if findings else '<p>草稿中的数相互一致（未放置的数未参与核验）。</p>'}
</section>
<main>
<section aria-labelledby="source"><h2 id="source">原文</h2><pre class="source">{text}</pre></section>
<section aria-labelledby="draft"><h2 id="draft">草稿</h2><pre class="draft">{yaml_html}</pre></section>
</main>
</body>
</html>
"""


def _marked(source: str, marks: list[tuple[int, int, str, str, int | None]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, kind, note, line in marks:
        if start < pos:
            continue  # a number placed twice (a figure and its repeat): marked once
        out.append(_plain(source[pos:start]))
        shown = html.escape(source[start:end])
        label = "已放置" if kind == "placed" else "未放置"
        title = html.escape(f"{label}：{note}", quote=True)
        if line is not None:
            out.append(f'<a class="{kind}" href="#L{line}" title="{title}">'
                       f'{shown}<span class="sr">（{label}）</span></a>')
        else:
            out.append(f'<mark class="{kind}" title="{title}">'
                       f'{shown}<span class="sr">（{label}：{html.escape(note)}）</span></mark>')
        pos = end
    out.append(_plain(source[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    """Text between marks, its other numbers marked as not recorded."""
    out, pos = [], 0
    for match in _NUMBER.finditer(text):
        out.append(html.escape(text[pos:match.start()]))
        out.append(f'<span class="ignored" title="未记录">{html.escape(match.group())}</span>')
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _css(severity: str) -> str:
    return {"错误": "error", "警告": "warning"}.get(severity, "info")


_STYLE = """
body { font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; \
margin: 0; color: #1f2328; }
header, section, main { padding: 0 1rem; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; border-bottom: 1px solid #d0d7de; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
pre { tab-size: 2; white-space: pre-wrap; word-break: break-all; \
font: 13px/1.6 "Noto Sans Mono CJK SC", monospace; background: #f6f8fa;
      padding: .6rem; border: 1px solid #d0d7de; max-height: 80vh; overflow: auto; }
.placed { background: #dafbe1; color: #116329; text-decoration: none; border-bottom: 2px solid #1a7f37; }
.unplaced { background: #fff1c2; color: #7d4e00; border-bottom: 2px dashed #9a6700; }
.ignored { color: #57606a; border-bottom: 1px dotted #8c959f; }
.legend span { padding: 0 .3em; }
.draft .line { display: block; } .draft .line.placed { border: 0; }
.draft .line.flagged { background: #ffebe9; }
.draft .no { display: inline-block; width: 3.5em; color: #6e7781; user-select: none; }
.findings li.error .sev { color: #cf222e; font-weight: 700; } \
.findings li.warning .sev { color: #9a6700; font-weight: 700; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
:target { outline: 2px solid #0969da; }
"""
