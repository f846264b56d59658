"""One copy of the site per municipality, made from a single build.

The site is built once with placeholder tokens where copies differ; each copy
is then the same files with the tokens replaced. DIFFERENCES below is the
complete list of what may differ between copies: the tests normalise exactly
these and require every file to be otherwise byte-for-byte identical.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import ics
from .host import Host
from .model import Municipality

TOKEN_BASE_URL = "https://copy-base.invalid/copy-base-path/"


@dataclass(frozen=True)
class Difference:
    name: str
    token: str  # what the single build writes
    value: Callable[[Municipality], str]  # what each copy gets instead
    why: str


DIFFERENCES: tuple[Difference, ...] = (
    Difference("base_url", TOKEN_BASE_URL, lambda m: m.base_url,
               "absolute URLs: canonical links, sitemap"),
    # The 404 page is served at any depth, so MkDocs gives it root-absolute links
    # (site_url's path); in a copy they become absolute URLs of that copy.
    Difference("base_path", "/copy-base-path/", lambda m: m.base_url,
               "links of the 404 page"),
    Difference("host_name", "copy-host-name", lambda m: m.name,
               "the host municipality's name next to its links (only in elements with data-copy=\"host-name\")"),
    Difference("accessibility_statement", "https://copy-host-accessibility.invalid/",
               lambda m: m.accessibility_statement_url, "the host's accessibility statement"),
    Difference("privacy", "https://copy-host-privacy.invalid/", lambda m: m.privacy_url,
               "the host's privacy page"),
)

# Differences derived from the rest of a file after the tokens are replaced, not
# tokens themselves. A page's Content-Security-Policy lists the SHA-256 of its
# inline scripts (csp.py, applied by build.py to each finished copy); the 404
# page's inline script holds its copy's base URL, so that hash differs per copy.
# The tests check the policy is exactly what the page's own bytes give, then
# recompute it from the normalised page.
DERIVED: dict[str, str] = {
    "csp_hashes": "script-src/style-src hashes of inline scripts that hold a replaced token (the 404 page)",
}

# The host the single build is rendered for: every value a token.
TOKEN_HOST = Host(name="copy-host-name", base_url=TOKEN_BASE_URL,
                  accessibility_statement_url="https://copy-host-accessibility.invalid/",
                  privacy_url="https://copy-host-privacy.invalid/")

# How a value is written into each kind of file.
_ENCODERS: dict[str, Callable[[str], str]] = {
    ".html": lambda v: html.escape(v, quote=True),
    ".xml": lambda v: html.escape(v, quote=True),
    ".json": lambda v: json.dumps(v)[1:-1],  # as Material's search index (ASCII-escaped)
    # Calendar files hold the base URL as a URI and inside DESCRIPTION text; rules.py keeps
    # the characters TEXT would escape (, ; \\) out of base URLs, so it goes in as is.
    ".ics": lambda v: v,
}
# Files whose long lines are folded (RFC 5545): a token may be split across lines,
# and a copy's longer or shorter URL moves the folds. Unfold, replace, fold again.
_FOLDED: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {".ics": (ics.unfold, ics.fold)}
_TOKEN_MARK = b".invalid/"  # every URL token has it; copy-host-name is checked too


class CopyError(Exception):
    pass


@dataclass(frozen=True)
class _Source:
    """One file of the single build, read once for all copies."""

    rel: str
    path: Path
    text: str | None  # unfolded text when it holds tokens; None: the file is the same in every copy


def _read_build(built: Path) -> tuple[list[str], list[_Source]]:
    folders, files = [], []
    for source in sorted(built.rglob("*")):
        rel = source.relative_to(built).as_posix()
        if source.is_dir():
            folders.append(rel)
            continue
        if source.name == "sitemap.xml.gz":
            continue  # rewritten from sitemap.xml for each copy (one per language)
        raw = source.read_bytes()
        if source.suffix in _FOLDED:
            raw = _FOLDED[source.suffix][0](raw.decode("utf-8")).encode("utf-8")
        if _TOKEN_MARK not in raw and b"copy-host-name" not in raw:
            files.append(_Source(rel, source, None))
            continue
        if source.suffix not in _ENCODERS:
            raise CopyError(f"{rel}: contains a copy token but is not HTML, XML, JSON or iCalendar")
        files.append(_Source(rel, source, raw.decode("utf-8")))
    return folders, files


def _write_copy(folders: list[str], files: list[_Source], target: Path, municipality: Municipality) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for rel in folders:
        (target / rel).mkdir(parents=True, exist_ok=True)
    for source in files:
        dest = target / source.rel
        if source.text is None:
            _link_or_copy(source.path, dest)
            continue
        encode = _ENCODERS[source.path.suffix]
        fold = _FOLDED.get(source.path.suffix, (str, str))[1]
        text = source.text
        for difference in DIFFERENCES:
            text = text.replace(difference.token, encode(difference.value(municipality)))
        dest.write_bytes(fold(text).encode("utf-8"))
    for source in files:
        if source.path.name == "sitemap.xml":
            sitemap = target / source.rel
            # mtime=0: the same bytes in every build (reproducible)
            sitemap.with_name("sitemap.xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))


def _link_or_copy(source: Path, dest: Path) -> None:
    """A file identical in every copy: a hard link costs nothing (same file system),
    else a plain copy."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def make_copies(built: Path, out: Path, municipalities: tuple[Municipality, ...]) -> list[Path]:
    folders, files = _read_build(built)  # read once, write once per municipality
    targets = []
    for municipality in municipalities:
        target = out / municipality.id
        _write_copy(folders, files, target, municipality)
        targets.append(target)
    return targets
