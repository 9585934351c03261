"""Which link targets the site publishes: the one rule for Markdown links and the addresses a
year file gives (a document's 原始公开地址).

A link's scheme is read as a browser reads it: control characters and spaces are dropped
first (`java\tscript:` is `javascript:`), and case does not count.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .messages import Said, say

#: The schemes a Markdown link may use; a year file's web address only the first two.
SAFE_SCHEMES = ("http:", "https:", "mailto:")
WEB_SCHEMES = ("http:", "https:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def scheme_of(url: str) -> str | None:
    """The scheme a browser would follow `url` by (`javascript:`), lowercased; None for a relative link."""
    found = _SCHEME.match(_IGNORED.sub("", url).lower())
    return found.group(0) if found else None


def safe_link(url: str) -> bool:
    """Relative links, anchors and http(s)/mailto are safe; every other scheme, and a
    scheme-relative `//host` (another site, by whatever scheme the page has), are not."""
    if _IGNORED.sub("", url).startswith("//"):
        return False
    scheme = scheme_of(url)
    return scheme is None or scheme in SAFE_SCHEMES


def web_address_problem(url: str, shown: str | None = None) -> tuple[Said, Said] | None:
    """What is wrong with `url` as the address of a published page or attachment, as (problem,
    hint), or None: it must be a whole http:// or https:// address with a host, written without
    spaces or control characters. The problem names the address as `shown` (by default its repr)."""
    shown = repr(url) if shown is None else shown
    scheme = scheme_of(url)
    if scheme is not None and scheme not in WEB_SCHEMES:
        return say("link.scheme", value=shown, scheme=scheme), say("link.scheme.hint")
    if scheme is None:
        return say("link.relative", value=shown), say("link.relative.hint")
    if _IGNORED.search(url):
        return say("link.space", value=shown), say("link.space.hint")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not url.lower().startswith(WEB_SCHEMES) or not url[len(scheme):].startswith("//") or not host:
        return say("link.no_host", value=shown), say("link.no_host.hint")
    return None
