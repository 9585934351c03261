"""Markdown for narrative text: CommonMark, raw HTML off, only safe link targets, no images.

CommonMark will not open emphasis right after CJK punctuation (`**总体情况。**部门`),
so `**…**` and `*…*` spans whose delimiters touch CJK text are rewritten into emphasis
tokens before the inline rules see them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLinkText
from markdown_it.common.utils import escapeHtml

from ..content.links import SAFE_SCHEMES as SAFE_SCHEMES, safe_link

#: Relative links, anchors and http(s)/mailto; every other scheme refused (content/links.py).
_validate_link = safe_link


_CJK_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def _cjk_emphasis(state, silent: bool) -> bool:
    """`**…**` as strong wherever it stands, as authors writing Chinese expect."""
    if state.src[state.pos:state.pos + 2] != "**":
        return False
    match = _CJK_STRONG.match(state.src, state.pos)
    if not match or "\n\n" in match.group(1):
        return False
    if not silent:
        state.push("strong_open", "strong", 1).markup = "**"
        old_max, old_pos = state.posMax, state.pos
        state.pos, state.posMax = state.pos + 2, match.end() - 2
        state.md.inline.tokenize(state)
        state.pos, state.posMax = old_pos, old_max
        state.push("strong_close", "strong", -1).markup = "**"
    state.pos = match.end()
    return True


def _image_as_link(self, tokens, idx: int, options, env) -> str:
    """An image is shown as a link to it, with its alt text as the link's text; never as `<img>`.

    Nothing in content/ is published but the year files, department.yaml and the original
    texts, so no image a narrative names is ever part of the site: a relative image would
    be a broken one, and an image on another host is fetched by every reader's browser as
    the page loads, telling that host who reads what (a root-relative or `../` image opened
    from disk reaches outside the site folder the same way). The deploy CSP blocks these,
    but a page opened from disk or served without the header has none. Rendering instead of
    refusing keeps the text as the report states it and never fails a build: the reader sees
    the alt text and can follow the link; nothing is requested unless they do. Inside a link
    the image is the link's text (links do not nest). `validateLink` has already refused
    `data:`, `//host` and other schemes, which then stay as literal text.
    """
    token = tokens[idx]
    alt = escapeHtml(self.renderInlineAsText(token.children, options, env))
    if sum(1 if t.type == "link_open" else -1 if t.type == "link_close" else 0 for t in tokens[:idx]) > 0:
        return alt
    src = token.attrGet("src") or ""
    title = token.attrGet("title")
    title_attr = f' title="{escapeHtml(title)}"' if title else ""
    return f'<a href="{escapeHtml(src)}"{title_attr}>{alt or escapeHtml(normalizeLinkText(src))}</a>'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]  # markdown-it's hook for this, as documented
    md.inline.ruler.before("emphasis", "cjk_strong", _cjk_emphasis)
    md.add_render_rule("image", _image_as_link)
    return md


def render(text: str) -> str:
    """Markdown source to safe HTML."""
    if len(text) <= _SHORT:
        return _render_short(text)
    return _parser().render(text)


#: Short texts repeat across a site's reports ("无。", an indicator's stock deviation, an empty
#: note): each distinct one is rendered once. The same text always renders the same.
_SHORT = 512


@lru_cache(maxsize=8192)
def _render_short(text: str) -> str:
    return _parser().render(text)


def render_inline(text: str) -> str:
    return _parser().renderInline(text)
