"""`make bundles`: from site/, one zip and one manifest per municipality in dist/, and dist/index.json.

dist/etablerertjenesten-<slug>.zip   the copy (its manifest.json included), paths from the copy's root
dist/etablerertjenesten-<slug>.json  the copy's manifest.json, plus "bundle": {"file", "sha256", "size"}
dist/index.json                      {"format", "as_of", "commit", "sample", "copies": {slug: {"bundle", "manifest"}}}

The deploy workflow publishes dist/ on the preview (<preview>/dist/), where a web team's
tools/etablerer-sync.py fetches it. A copy is bundled only when it is exactly what
site/manifest.json lists. The zips are reproducible: sorted entries, every timestamp the
build's as-of date at midnight, fixed permissions.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from etablerer.inputs.messages import _
from etablerer.publish.copymanifest import COPY_MANIFEST
from etablerer.publish.manifest import FORMAT, MANIFEST, ManifestError, read_manifest
from etablerer.publish.swap import swap_in
from etablerer.publish.verify import verify_copy

DIST = "dist"
INDEX = "index.json"
PREFIX = "etablerertjenesten-"


class BundleError(Exception):
    """A bundle cannot be made; the message says why, in plain words."""


@dataclass(frozen=True)
class Bundle:
    copy: str
    zip: Path
    manifest: Path


def bundle_name(copy: str) -> str:
    return f"{PREFIX}{copy}.zip"


def manifest_name(copy: str) -> str:
    return f"{PREFIX}{copy}.json"


def _dump(document: dict) -> bytes:
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _zip_copy(folder: Path, rels: list[str], target: Path, as_of: date) -> None:
    stamp = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)  # zip cannot say earlier than 1980
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for rel in rels:
            info = zipfile.ZipInfo(rel, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix: the permissions below are read the same everywhere
            info.external_attr = 0o100644 << 16
            archive.writestr(info, (folder / rel).read_bytes())


def _copy_manifest(folder: Path, copy: str) -> dict:
    path = folder / COPY_MANIFEST
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BundleError(_("{path}: cannot read the copy's manifest ({reason}). Run make site again.").format(
            path=path, reason=exc)) from None
    if document.get("format") != FORMAT or document.get("copy") != copy:
        raise BundleError(_("{path}: not the manifest of the copy '{copy}'. Run make site again.").format(
            path=path, copy=copy))
    return document


def make_bundles(site: Path, dist: Path) -> list[Bundle]:
    """Writes dist/ anew (replaced only when every bundle is made); returns what it wrote."""
    try:
        manifest = read_manifest(site / MANIFEST)
    except ManifestError as exc:
        raise BundleError(str(exc)) from None
    as_of = date.fromisoformat(manifest.as_of)
    dist.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".dist-build-", dir=dist.parent))
    work = temporary / DIST  # made as any folder (the umask decides), not private as mkdtemp's
    work.mkdir()
    try:
        index: dict = {"format": FORMAT, "as_of": manifest.as_of, "commit": manifest.commit, "sample": None,
                       "copies": {}}
        samples = set()
        for copy in sorted(manifest.copies):
            folder = site / copy
            result = verify_copy(folder, copy, manifest)
            if not result.matches:
                raise BundleError(_("{folder} is not the copy site/manifest.json lists ({count} differences; "
                                    "make verify names them). Run make site again.").format(
                    folder=folder, count=len(result.missing) + len(result.extra) + len(result.changed)))
            document = _copy_manifest(folder, copy)
            samples.add(bool(document["sample"]))
            rels = sorted(manifest.copies[copy].files, key=lambda rel: rel.split("/"))
            packed = work / bundle_name(copy)
            _zip_copy(folder, rels, packed, as_of)
            data = packed.read_bytes()
            document["bundle"] = {"file": packed.name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            (work / manifest_name(copy)).write_bytes(_dump(document))
            index["copies"][copy] = {"bundle": packed.name, "manifest": manifest_name(copy)}
        index["sample"] = any(samples)
        (work / INDEX).write_bytes(_dump(index))
        swap_in(work, dist)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return [Bundle(copy, dist / bundle_name(copy), dist / manifest_name(copy)) for copy in sorted(manifest.copies)]

