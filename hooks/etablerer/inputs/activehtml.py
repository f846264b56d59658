"""Editors' Markdown may hold HTML (Python-Markdown passes it through), but nothing that runs.

Editors are trusted staff, yet a snippet pasted from elsewhere must not put a
script into the service's pages. `make check` and `make site` refuse, with
file:line, what would run or load active content: script, iframe, object,
embed and similar elements, event-handler attributes (also through attr_list's
`{: onclick=… }`), and javascript:, vbscript: and data: URLs. In production the
Content Security Policy would block them as well (csp.py); this check makes
the refusal visible to the editor instead of a silent breakage.
"""

from __future__ import annotations

import html
import re

from etablerer.inputs.messages import _

_ELEMENT = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|style)\b",
                      re.IGNORECASE)
_HANDLER = re.compile(r"[<{][^>}]*?[\s\"'/]on[a-z]+\s*=", re.IGNORECASE)
# After entities are decoded and white space and control characters removed, as a browser reads a URL.
_SCHEME = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)
_URL_PLACES = re.compile(r"""(?:href|src|action|formaction|xlink:href|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"""
                         r"""|\]\(\s*<?([^)>\s]*)""", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _active_url(value: str) -> bool:
    plain = _INVISIBLE.sub("", html.unescape(html.unescape(value.strip("\"'"))))
    return bool(_SCHEME.match(plain))


def problems_in_line(line: str) -> list[str]:
    """What in one line of Markdown would run in a reader's browser, as messages for the editor."""
    found = []
    for match in _ELEMENT.finditer(line):
        found.append(_("<{element}> is not allowed in a page; link to the content instead, or show code as "
                       "code (between backticks)").format(element=match[1].lower()))
    if _HANDLER.search(line):
        found.append(_("an event-handler attribute (on…=) is not allowed in a page; remove it"))
    for match in _URL_PLACES.finditer(line):
        value = match[1] or match[2] or ""
        if _active_url(value):
            found.append(_("the address '{address}' would run code or hide content; use an https: "
                           "address").format(address=value.strip(chr(34) + chr(39))[:40]))
    return found


def in_code(lines: list[str]) -> list[bool]:
    """Lines inside fenced code blocks: shown as code, never run."""
    inside, fence, flags = False, "", []
    for line in lines:
        stripped = line.lstrip()
        if not inside and stripped.startswith(("```", "~~~")):
            inside, fence = True, stripped[:3]
            flags.append(True)
        elif inside:
            flags.append(True)
            if stripped.startswith(fence):
                inside = False
        else:
            flags.append(False)
    return flags


_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def active_html(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, message) for everything active in a Markdown page; code is left alone."""
    found = []
    for number, (line, code) in enumerate(zip(lines, in_code(lines), strict=True), 1):
        if code or line.startswith(("    ", "\t")):
            continue
        for message in problems_in_line(_CODE_SPAN.sub("", line)):
            found.append((number, message))
    return found
