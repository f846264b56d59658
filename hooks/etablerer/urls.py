"""Page addresses: every link inside a copy is relative, so a copy works from any path."""

from __future__ import annotations

import posixpath


def page_url(src_uri: str) -> str:
    """'kurs/index.md' → 'kurs/', 'om.md' → 'om/', 'index.md' → '' (directory URLs)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_src: str, to: str) -> str:
    """Relative URL from the page `from_src` to a page (.md) or a file (anything else)."""
    target = page_url(to) if to.endswith(".md") else to
    base = page_url(from_src)
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel


def base_prefix(from_src: str) -> str:
    """The prefix that leads from a page to the root of its copy ('' or '../' …)."""
    depth = page_url(from_src).count("/")
    return "../" * depth
