"""Bundles for the sync tests, in the format `make bundles` writes (issue 21, point 1).

make_bundles() is the one place the tests get bundles from: for now it packs a small
folder itself; it is meant to be switched to the real `make bundles` output later, so the
tests only rely on what it returns.

Format (agreed with `make bundles`; the copy's manifest.json as hooks/etablerer/publish/copymanifest.py
writes it):
- dist/index.json {"format": 1, "as_of", "commit", "sample", "copies": {slug: {"bundle", "manifest"}}}
- dist/etablerertjenesten-<slug>.json {"format": 1, "copy", "as_of", "commit", "sample",
  "files": {path: {"sha256", "size"}}, "bundle": {"file", "sha256", "size"}}
- dist/etablerertjenesten-<slug>.zip: the copy's files at its root, plus manifest.json
  (the .json above without "bundle").
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (path with /) → its bytes, sorted by path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest_json(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 27, 6, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def seal(dist: Path, manifest: dict, members: dict[str, bytes]) -> dict:
    """Write the zip of `members` (plus manifest.json = `manifest`) and the published manifest
    (`manifest` with its "bundle" entry) into `dist`; return the published manifest."""
    zip_name = f"etablerertjenesten-{manifest['copy']}.zip"
    write_zip(dist / zip_name, {**members, MANIFEST: manifest_json(manifest)})
    data = (dist / zip_name).read_bytes()
    published = {**manifest, "bundle": {"file": zip_name, "sha256": sha256_bytes(data), "size": len(data)}}
    (dist / f"etablerertjenesten-{manifest['copy']}.json").write_bytes(manifest_json(published))
    return published


def make_bundles(site: Path, dist: Path, *, as_of: str, commit: str, sample: bool = False) -> dict:
    """Bundles of every copy in `site` (site/<slug>/) into `dist`; returns index.json's content.

    As `make site` does, each copy first gets its own manifest.json (every other file's SHA-256
    and size); the copy as left in site/<slug>/ is then exactly what a sync serves."""
    dist.mkdir(parents=True, exist_ok=True)
    copies = {}
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        slug = folder.name
        members = {path: data for path, data in files_of(folder).items() if path != MANIFEST}
        manifest = {
            "format": FORMAT, "copy": slug, "as_of": as_of, "commit": commit, "sample": sample,
            "files": {path: {"sha256": sha256_bytes(data), "size": len(data)} for path, data in members.items()},
        }
        (folder / MANIFEST).write_bytes(manifest_json(manifest))
        seal(dist, manifest, members)
        copies[slug] = {"bundle": f"etablerertjenesten-{slug}.zip", "manifest": f"etablerertjenesten-{slug}.json"}
    index = {"format": FORMAT, "as_of": as_of, "commit": commit, "sample": sample, "copies": copies}
    (dist / "index.json").write_bytes(manifest_json(index))
    return index
