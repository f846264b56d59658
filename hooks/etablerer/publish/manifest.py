"""site/manifest.json: what a build made, so a published copy can be checked against it.

Written after the copies, beside them (never inside one), so the as-of date
and the git commit it records cannot make two copies differ.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from etablerer.inputs.messages import _
from etablerer.inputs.model import Municipality

MANIFEST = "manifest.json"
FORMAT = 1
UNKNOWN_COMMIT = "unknown"


class ManifestError(Exception):
    """The manifest cannot be read; the message says why, in plain words."""


@dataclass(frozen=True)
class CopyEntry:
    base_url: str
    files: dict[str, str]  # path inside the copy (with /) → SHA-256, hex


@dataclass(frozen=True)
class Manifest:
    as_of: str
    commit: str
    copies: dict[str, CopyEntry]


def sha256_of(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def files_of(folder: Path) -> dict[str, str]:
    """Every file under `folder` (symbolic links followed) → its SHA-256, sorted by path."""
    return {p.relative_to(folder).as_posix(): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def git_commit(root: Path) -> str:
    """The commit the build was made from, or 'unknown' (no git, not a repository, …)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "HEAD"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN_COMMIT
    commit = proc.stdout.strip()
    return commit if proc.returncode == 0 and len(commit) == 40 else UNKNOWN_COMMIT


def write_manifest(site: Path, as_of: date, commit: str, municipalities: tuple[Municipality, ...],
                   files: dict[str, dict[str, str]]) -> Path:
    """`files`: per copy, its files' SHA-256 as copies.make_copies wrote them (`make verify`, and
    tests/publishing/test_manifest.py, check them against the bytes on disk)."""
    document = {
        "format": FORMAT,
        "as_of": as_of.isoformat(),
        "commit": commit,
        "copies": {m.id: {"base_url": m.base_url, "files": files[m.id]} for m in municipalities},
    }
    target = site / MANIFEST
    target.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def read_manifest(path: Path) -> Manifest:
    if not path.is_file():
        raise ManifestError(_("{path}: no manifest here. Run make site first, or give the manifest "
                              "that came with your copy (MANIFEST=path/to/manifest.json).").format(path=path))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            raise ManifestError(_("{path}: format {found} is not {expected}; "
                                  "this manifest is from another version of the build.").format(
                path=path, found=repr(document.get("format")), expected=FORMAT))
        copies = {slug: CopyEntry(entry["base_url"], dict(entry["files"]))
                  for slug, entry in document["copies"].items()}
        return Manifest(document["as_of"], document["commit"], copies)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ManifestError(_("{path}: not a manifest written by make site ({reason}).").format(
            path=path, reason=f"{type(exc).__name__}: {exc}")) from None
