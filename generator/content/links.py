"""Which link targets the site publishes: the one rule for Markdown links and the addresses a
year file gives (a document's 原始公开地址).

A link's scheme is read as a browser reads it: control characters and spaces are dropped
first (`java\tscript:` is `javascript:`), and case does not count.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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


def web_address_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with `url` as the address of a published page or attachment, as (problem,
    hint), or None: it must be a whole http:// or https:// address with a host, written without
    spaces or control characters."""
    scheme = scheme_of(url)
    if scheme is not None and scheme not in WEB_SCHEMES:
        return (f"is refused: its scheme is {scheme} and only http:// and https:// addresses are published",
                "give the address of the page or attachment as the browser shows it, e.g. https://www.example.gov.cn/…")
    if scheme is None:
        return ("is not a whole address: it must start with http:// or https://",
                "copy the address from the browser's address bar, e.g. https://www.example.gov.cn/…")
    if _IGNORED.search(url):
        return ("holds a space or a control character",
                "write the address without spaces (a space in an address is written %20)")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not url.lower().startswith(WEB_SCHEMES) or not url[len(scheme):].startswith("//") or not host:
        return ("has no host after the scheme", "write it as https://host/path, e.g. https://www.example.gov.cn/…")
    return None
