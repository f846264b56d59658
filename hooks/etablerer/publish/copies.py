"""One copy of the site per municipality, made from a single build.

The site is built once with placeholder tokens where copies differ; each copy
is then the same files with the tokens replaced. DIFFERENCES below is the
complete list of what may differ between copies: the tests normalise exactly
these and require every file to be otherwise byte-for-byte identical.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from etablerer.facts.host import Host
from etablerer.inputs.model import Municipality
from etablerer.publish import csp
from etablerer.render import ics

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
# inline scripts (csp.py; the MkDocs runs add it as they write each page); the 404
# page's inline script holds its copy's base URL, so that hash differs per copy and
# the copy's policy is made here from the copy's own inline code.
# The tests check the policy is exactly what the page's own bytes give, then
# recompute it from the normalised page.
DERIVED: dict[str, str] = {
    "csp_hashes": "script-src/style-src hashes of inline scripts that hold a replaced token (the 404 page)",
    # copymanifest.py: written by build.py after the copies are made.
    "copy_manifest": "manifest.json at the copy's root: its copy's slug, and the SHA-256 and size of each of "
                     "the copy's own files (which differ where the declared differences do)",
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


# Every token, longest first (one may not be a prefix of another at the same place).
_TOKENS = re.compile("|".join(re.escape(d.token) for d in sorted(DIFFERENCES, key=lambda d: -len(d.token))))
_INDEX = {d.token: i for i, d in enumerate(DIFFERENCES)}


@dataclass(frozen=True)
class _Template:
    """A text cut at its tokens: literal pieces and indexes into DIFFERENCES, so a copy is one join."""

    pieces: tuple[str | int, ...]
    encoded: tuple[bytes | int, ...]  # the same in UTF-8: most files are written without decoding

    @classmethod
    def of(cls, text: str) -> _Template:
        pieces: list[str | int] = []
        at = 0
        for found in _TOKENS.finditer(text):
            pieces += [text[at:found.start()], _INDEX[found.group()]]
            at = found.end()
        pieces.append(text[at:])
        return cls(tuple(pieces), tuple(p if isinstance(p, int) else p.encode("utf-8") for p in pieces))

    def fill(self, values: list[str]) -> str:
        return "".join(values[p] if isinstance(p, int) else p for p in self.pieces)

    def fill_bytes(self, values: list[bytes]) -> bytes:
        return b"".join(values[p] if isinstance(p, int) else p for p in self.encoded)


@dataclass(frozen=True)
class _Source:
    """One file of the single build, read once for all copies."""

    rel: str
    path: str
    digest: str | None = None  # SHA-256 of a file that is the same in every copy (hard-linked)
    template: _Template | None = None  # a file with tokens (unfolded, for folded kinds)
    inline: dict[str, list[_Template]] | None = None  # a page whose inline code holds a token: that code

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1]


def _read_build(built: Path, protect: bool) -> tuple[list[str], list[_Source]]:
    folders, files = [], []
    tokens = [d.token for d in DIFFERENCES]
    for source in sorted(built.rglob("*")):
        rel = source.relative_to(built).as_posix()
        if source.is_dir():
            folders.append(rel)
            continue
        if source.name == "sitemap.xml.gz":
            continue  # rewritten from sitemap.xml for each copy (one per language)
        raw = source.read_bytes()
        if source.suffix in _FOLDED:
            unfolded = _FOLDED[source.suffix][0](raw.decode("utf-8")).encode("utf-8")
        else:
            unfolded = raw
        same_everywhere = _TOKEN_MARK not in unfolded and b"copy-host-name" not in unfolded
        if same_everywhere and source.name != "sitemap.xml":  # a sitemap is written: its .gz is made beside it
            files.append(_Source(rel, str(source), digest=hashlib.sha256(raw).hexdigest()))
            continue
        if source.suffix not in _ENCODERS:
            raise CopyError(f"{rel}: contains a copy token but is not HTML, XML, JSON or iCalendar")
        text = unfolded.decode("utf-8")
        inline = None
        if protect and source.suffix == ".html" and csp.may_hold_in_inline_code(text, tokens):
            text = csp.without_policy(text)  # made again for each copy from its own inline code
            inline = {tag: [_Template.of(code) for code in codes] for tag, codes in csp.inline_code(text).items()}
        files.append(_Source(rel, str(source), template=_Template.of(text), inline=inline))
    return folders, files


def _write_copy(folders: list[str], files: list[_Source], target: Path,
                municipality: Municipality) -> dict[str, str]:
    """Writes one copy; returns each file's SHA-256 by its path inside the copy."""
    target.mkdir(parents=True, exist_ok=True)
    root = str(target)
    for rel in folders:  # sorted: a folder comes before what is inside it
        os.mkdir(os.path.join(root, rel))
    values = {suffix: [encode(d.value(municipality)) for d in DIFFERENCES] for suffix, encode in _ENCODERS.items()}
    encoded = {suffix: [v.encode("utf-8") for v in texts] for suffix, texts in values.items()}
    digests: dict[str, str] = {}
    for source in files:
        dest = os.path.join(root, source.rel)
        if source.template is None:
            _link_or_copy(source.path, dest)
            digests[source.rel] = source.digest
            continue
        data = _filled(source, values[source.suffix], encoded[source.suffix])
        _write(dest, data)
        digests[source.rel] = hashlib.sha256(data).hexdigest()
        if os.path.basename(dest) == "sitemap.xml":
            packed = gzip.compress(data, mtime=0)  # mtime=0: the same bytes in every build
            _write(dest + ".gz", packed)
            digests[source.rel + ".gz"] = hashlib.sha256(packed).hexdigest()
    # In the order of the files' paths, part by part (as sorted(Path.rglob) gives them).
    return {rel: digests[rel] for rel in sorted(digests, key=lambda rel: rel.split("/"))}


def _filled(source: _Source, values: list[str], encoded: list[bytes]) -> bytes:
    """The file's bytes in one copy: its tokens replaced by `values` (written for its kind;
    `encoded`: the same in UTF-8)."""
    if source.inline is None and source.suffix not in _FOLDED:
        return source.template.fill_bytes(encoded)
    text = source.template.fill(values)
    if source.inline is not None:
        code = {tag: [t.fill(values) for t in texts] for tag, texts in source.inline.items()}
        text = csp.with_policy(text, code)
    if source.suffix in _FOLDED:
        text = _FOLDED[source.suffix][1](text)
    return text.encode("utf-8")


def _write(dest: str, data: bytes) -> None:
    # os-level calls: Python's open() adds an fstat and a terminal check to every file,
    # and a copy writes hundreds of files.
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # as open(): the umask decides
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _link_or_copy(source: str, dest: str) -> None:
    """A file identical in every copy: a hard link costs nothing (same file system),
    else a plain copy."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def make_copies(built: Path, out: Path, municipalities: tuple[Municipality, ...],
                protect: bool = True) -> dict[str, dict[str, str]]:
    """One copy per municipality under out/<slug>/; returns, per slug, each file's SHA-256
    (for the manifest: hashed as written, not read back).

    `protect`: the pages carry a Content-Security-Policy (csp.py); a page whose inline code
    holds a token gets its copy's own policy.
    """
    folders, files = _read_build(built, protect)  # read once, write once per municipality
    # Writing a copy is mostly the file system's work (creating folders and files), during which
    # Python lets other threads run: copies are written side by side (_workers).
    with ThreadPoolExecutor(max_workers=_workers(len(municipalities))) as pool:
        written = pool.map(lambda m: _write_copy(folders, files, out / m.id, m), municipalities)
        return {m.id: digests for m, digests in zip(municipalities, written, strict=True)}


def _workers(copies: int) -> int:
    """Threads writing copies: the work waits on the file system more than on a core, so a
    few more than the cores (measured with 50 copies: 4 threads beat 2 and 1 on 2 cores)."""
    return max(1, min(copies, 8, 2 * (os.cpu_count() or 1)))
