"""`make verify`: does a folder hold exactly one copy of the build, as the manifest lists it?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etablerer.inputs.messages import _, ngettext
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
        raise ManifestError(_("the manifest has no copy '{copy}'; it has {copies}.").format(
            copy=copy, copies=", ".join(sorted(manifest.copies))))
    if not folder.is_dir():
        raise ManifestError(_("{folder}: no such folder.").format(folder=folder))
    return compare(folder, manifest.copies[copy].files)


def report(folder: Path, copy: str, manifest: Manifest, result: Comparison) -> str:
    values = {"folder": folder, "copy": copy, "date": manifest.as_of, "commit": manifest.commit[:12]}
    total = len(manifest.copies[copy].files)
    if result.matches:
        return _("OK: {folder} is the '{copy}' copy built on {date} from commit {commit}: all {total} files are "
                 "there, unchanged, and nothing else.").format(total=total, **values)
    lines = [_("{folder} is not the '{copy}' copy built on {date} from commit {commit}:").format(**values)]
    lines += [_("  changed: {file} (its content is not what the build made)").format(file=rel)
              for rel in result.changed]
    lines += [_("  missing: {file} (the build made it; it is not in the folder)").format(file=rel)
              for rel in result.missing]
    lines += [_("  extra:   {file} (in the folder, but not made by the build)").format(file=rel)
              for rel in result.extra]
    count = len(result.changed) + len(result.missing) + len(result.extra)
    lines.append(ngettext("{count} difference in {total} files. Replace the folder with the copy from the build "
                          "(see the README, 'For municipal web teams').",
                          "{count} differences in {total} files. Replace the folder with the copy from the build "
                          "(see the README, 'For municipal web teams').", count).format(count=count, total=total))
    return "\n".join(lines)
