"""`make verify`: does a folder hold exactly one copy of the build, as the manifest lists it?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etablerer.publish.manifest import Manifest, ManifestError, files_of


@dataclass(frozen=True)
class Comparison:
    missing: tuple[str, ...]  # in the manifest, not in the folder
    extra: tuple[str, ...]  # in the folder, not in the manifest
    changed: tuple[str, ...]  # in both, with other content

    @property
    def matches(self) -> bool:
        return not (self.missing or self.extra or self.changed)


def compare(folder: Path, expected: dict[str, str]) -> Comparison:
    found = files_of(folder)
    return Comparison(
        missing=tuple(sorted(set(expected) - set(found))),
        extra=tuple(sorted(set(found) - set(expected))),
        changed=tuple(sorted(rel for rel in set(found) & set(expected) if found[rel] != expected[rel])),
    )


def verify_copy(folder: Path, copy: str, manifest: Manifest) -> Comparison:
    if copy not in manifest.copies:
        raise ManifestError(f"the manifest has no copy '{copy}'; it has {', '.join(sorted(manifest.copies))}.")
    if not folder.is_dir():
        raise ManifestError(f"{folder}: no such folder.")
    return compare(folder, manifest.copies[copy].files)


def report(folder: Path, copy: str, manifest: Manifest, result: Comparison) -> str:
    built = f"the '{copy}' copy built on {manifest.as_of} from commit {manifest.commit[:12]}"
    total = len(manifest.copies[copy].files)
    if result.matches:
        return f"OK: {folder} is {built}: all {total} files are there, unchanged, and nothing else."
    lines = [f"{folder} is not {built}:"]
    lines += [f"  changed: {rel} (its content is not what the build made)" for rel in result.changed]
    lines += [f"  missing: {rel} (the build made it; it is not in the folder)" for rel in result.missing]
    lines += [f"  extra:   {rel} (in the folder, but not made by the build)" for rel in result.extra]
    count = len(result.changed) + len(result.missing) + len(result.extra)
    lines.append(f"{count} difference{'s' if count != 1 else ''} in {total} files. Replace the folder with the "
                 "copy from the build (see the README, 'For municipal web teams').")
    return "\n".join(lines)
