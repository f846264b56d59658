"""<copy>/manifest.json: inside each copy, what that copy is, so a server holding only the
copy (a web team's sync tool, `make verify-live`) can check it and tell how fresh it is.

Format 1 (agreed with tools/etablerer-sync.py, keep to it):
    {"format": 1, "copy": slug, "as_of": "YYYY-MM-DD", "commit": 40 hex or "unknown",
     "sample": bool, "files": {"relative/path": {"sha256": hex, "size": int}, …}}
listing every file of the copy except manifest.json itself, sorted by path.

Copies stay identical apart from copies.DIFFERENCES: this file is one of copies.DERIVED.
It names its copy and lists the copy's own bytes (which differ where the declared
differences do); everything else in it (as-of date, commit, sample, the paths and sizes
of files without a token) is the same in every copy of a build. The identity tests check
it is exactly what the copy's files give, then remake it from the normalised files.
It is written after the copies are made, from the digests make_copies returns, and is
itself listed (with its SHA-256) in site/manifest.json.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from etablerer.publish.manifest import FORMAT, MANIFEST

COPY_MANIFEST = MANIFEST  # at the copy's root


def render(copy: str, as_of: str, commit: str, sample: bool, files: Mapping[str, tuple[str, int]]) -> bytes:
    """The file's bytes: `files` maps a path inside the copy (with /) to its (SHA-256, size)."""
    document = {
        "format": FORMAT,
        "copy": copy,
        "as_of": as_of,
        "commit": commit,
        "sample": sample,
        "files": {rel: {"sha256": files[rel][0], "size": files[rel][1]}
                  for rel in sorted(files, key=lambda rel: rel.split("/")) if rel != COPY_MANIFEST},
    }
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def write_copy_manifest(folder: Path, copy: str, as_of: str, commit: str, sample: bool,
                        digests: Mapping[str, str]) -> tuple[str, bytes]:
    """Writes folder/manifest.json from the copy's digests (as make_copies wrote them) and each
    file's size on disk; returns its path inside the copy and its bytes."""
    files = {rel: (digest, (folder / rel).stat().st_size) for rel, digest in digests.items() if rel != COPY_MANIFEST}
    data = render(copy, as_of, commit, sample, files)
    (folder / COPY_MANIFEST).write_bytes(data)
    return COPY_MANIFEST, data
