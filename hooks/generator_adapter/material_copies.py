"""The Material for MkDocs release our theme overrides were copied from, written down once.

Some files of theme/ are copies of Material's own templates with small changes (the
accessibility fixes): exactly those whose first comment says where they come from, for
example "Material 9.8.2's partials/header.html with accessibility changes" (copies()
lists them; base.html and five partials when this was written). A copy replaces
Material's file completely, so on an upgrade of mkdocs-material (pinned in
pyproject.toml) each one has to be compared with the new release's file and its
changes carried over, or the site silently keeps the old template.

COPIED_FROM is that release. copies() finds the copied files by their header
comment, so a file copied later is covered as soon as its header names where it
comes from; tests/generator/test_material_version.py fails, naming the files to
re-check, while the installed mkdocs-material or any header differs from COPIED_FROM.
After re-checking them: update each header and COPIED_FROM together.

(Not named material.py: while MkDocs loads a hook file it puts this folder first on
sys.path, where such a module would shadow the `material` package. Nothing here
imports Material.)
"""

from __future__ import annotations

import re
from pathlib import Path

COPIED_FROM = "9.8.2"

THEME = Path(__file__).resolve().parent / "theme"

# In a file's first Jinja comment: "Material 9.8.2's partials/header.html".
_HEADER = re.compile(r"\bMaterial (\d+(?:\.\d+)+)'s ([\w./-]+\w)")
_FIRST_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def copies(theme: Path = THEME) -> dict[str, tuple[str, str]]:
    """Every copied file of `theme`: its path under theme/ → (the Material version and the
    Material template its header names)."""
    found = {}
    for file in sorted(p for p in theme.rglob("*") if p.is_file()):
        comment = _FIRST_COMMENT.search(file.read_text(encoding="utf-8"))
        header = _HEADER.search(comment.group(0)) if comment else None
        if header:
            found[file.relative_to(theme).as_posix()] = (header.group(1), header.group(2))
    return found


def version_problem(installed: str, copied_from: str = COPIED_FROM, theme: Path = THEME) -> str | None:
    """None when the installed mkdocs-material is the release the copies were taken from
    and every copy's header says so; otherwise what to re-check, naming the files."""
    found = copies(theme)
    lines = []
    if installed != copied_from:
        lines.append(f"mkdocs-material {installed} is installed, but the theme overrides were copied from "
                     f"Material {copied_from} (COPIED_FROM in hooks/generator_adapter/material_copies.py). "
                     f"Compare each with Material {installed}'s file, carry its changes over, then update the "
                     f"header and COPIED_FROM:")
        lines += [f"  hooks/generator_adapter/theme/{name} (copy of {original})"
                  for name, (_, original) in found.items()]
    stray = {name: version for name, (version, _) in found.items() if version != copied_from}
    if stray:
        lines.append(f"These copies' headers name another release than COPIED_FROM = {copied_from}:")
        lines += [f"  hooks/generator_adapter/theme/{name} says Material {version}" for name, version in stray.items()]
    return "\n".join(lines) or None
