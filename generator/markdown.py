"""Markdown for narrative text: CommonMark, raw HTML off, only safe link targets.

CommonMark will not open emphasis right after CJK punctuation (`**总体情况。**部门`),
so `**…**` and `*…*` spans whose delimiters touch CJK text are rewritten into emphasis
tokens before the inline rules see them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _validate_link(url: str) -> bool:
    """Allow relative links, anchors and http(s)/mailto; refuse every other scheme."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    if cleaned.startswith("//"):
        return False
    if _SCHEME.match(cleaned):
        return cleaned.startswith(SAFE_SCHEMES)
    return True


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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link
    md.inline.ruler.before("emphasis", "cjk_strong", _cjk_emphasis)
    return md


def render(text: str) -> str:
    """Markdown source to safe HTML."""
    return _parser().render(text)


def render_inline(text: str) -> str:
    return _parser().renderInline(text)
