"""A Content Security Policy and a referrer policy in every page, as <meta> tags.

Each generator run adds it to every page as it writes it (sitebuild.BuildPlan.finish_html);
build.py adds it to the embeds and the landing page. The hashes are the same in every
copy, except on the 404 page, whose inline script holds its copy's base URL: copies.py
gives that page each copy's own policy. Each executable inline script is allowed by its SHA-256;
nothing else inline runs (no 'unsafe-inline', no 'unsafe-eval', so no event
handler attributes and no javascript: URLs either).

style-src is 'self' plus the hash of each <style> element (the landing page has
one): no 'unsafe-inline', so a style attribute in a page is refused. The theme's
styles are stylesheet files and its scripts set styles through the CSSOM, which
CSP allows; the browser tests record every violation, so a theme upgrade that
needs more shows up there.
img-src adds data: because Material's CSS draws its icons as data: SVGs.
frame-ancestors cannot be set by a meta tag: the README lists the headers a
web server adds on top.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

# ETABLERER_CSP=off builds pages without the policy: only for the test that checks
# that hostile text is inert by escaping alone (tests/browser/test_hostile_text.py).
SWITCH = "ETABLERER_CSP"

REFERRER_POLICY = "strict-origin-when-cross-origin"

# Directives in the order they are written; script-src gets the hashes of the page.
_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),  # Material's search runs in a worker from assets/
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# <script type> values that make the browser run the script; others (JSON, JSON-LD) are data.
_SCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                           "application/ecmascript", "text/jscript", "text/livescript"})

_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_OURS = re.compile(r'\n?<meta http-equiv="Content-Security-Policy" content="[^"]*">'
                   r'<meta name="referrer" content="[^"]*">')


# An inline <script> that is not JSON data, or a <style>: a quick look before parsing a page.
_INLINE_CODE = re.compile(r'<script(?![^>]*\btype="application/(?:ld\+)?json")[^>]*>.*?</script>|<style\b.*?</style>',
                          re.DOTALL | re.IGNORECASE)


def enabled(environ: Mapping[str, str]) -> bool:
    return environ.get(SWITCH, "").strip().lower() != "off"


class _Inline(HTMLParser):
    """The text of every executable inline <script> and every <style>, exactly as the browser hashes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # script and style text is raw: no entity decoding
        self.found: dict[str, list[str]] = {"script": [], "style": []}
        self._tag: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        kind = (values.get("type") or "").strip().lower()
        if (tag == "script" and "src" not in values and kind in _SCRIPT_TYPES) or tag == "style":
            self._tag, self._text = tag, []

    def handle_data(self, data):
        if self._tag is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._tag:
            self.found[tag].append("".join(self._text))
            self._tag = None


def inline_code(page: str) -> dict[str, list[str]]:
    """The texts of the page's executable inline scripts ("script") and styles ("style")."""
    parser = _Inline()
    parser.feed(without_policy(page))
    parser.close()
    return parser.found


def source_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def may_hold_in_inline_code(page: str, needles: list[str]) -> bool:
    """Whether an inline script or style of the page may contain one of `needles`. Cheap and
    generous (no parsing): inline_code tells for sure."""
    return any(n in code for code in _INLINE_CODE.findall(page) for n in needles)


def policy_for(page: str, inline: dict[str, list[str]] | None = None) -> str:
    """The policy of one page: the fixed directives plus the hashes of its inline scripts and styles.

    `inline`: those texts, if the caller already has them (inline_code of this very page).
    """
    inline = inline_code(page) if inline is None else inline
    hashes = {f"{tag}-src": sorted({source_hash(text) for text in texts}) for tag, texts in inline.items()}
    return "; ".join(" ".join([name, value, *hashes.get(name, [])]) for name, value in _DIRECTIVES)


def without_policy(page: str) -> str:
    return _OURS.sub("", page, count=1)


def with_policy(page: str, inline: dict[str, list[str]] | None = None) -> str:
    """The page with the policy tags right after <meta charset>, before anything they govern.

    A fragment (no <meta charset>) is returned as it is: it lives in another site's page.
    `inline`: the page's inline_code, if the caller already has it (copies.py: known per copy
    without parsing each copy's page again).
    """
    page = without_policy(page)
    found = _CHARSET.search(page)
    if found is None:
        return page
    tags = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy_for(page, inline)}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')
    return page[: found.end()] + tags + page[found.end():]


def protect_tree(root: Path, skip: tuple[str, ...] = ()) -> int:
    """Add the policy to every HTML page under `root` but the folders in `skip`; returns how many got it."""
    count = 0
    for file in sorted(root.rglob("*.html")):
        if file.relative_to(root).parts[0] in skip:
            continue
        text = file.read_text(encoding="utf-8")
        changed = with_policy(text)
        if changed != text:
            file.write_text(changed, encoding="utf-8")
            count += 1
    return count
