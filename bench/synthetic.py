"""Synthetic projects for the benchmark, always in a temporary folder (never committed).

A project is data/, content/ and mkdocs.yml copied and hooks/ linked, as the
tests do (tests/support/project.py project_copy), so the code measured is the
working tree's. More courses are copies of the shipped ones under new ids;
more municipalities are copies of the first one under new slugs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

_ID = re.compile(r"^id: (\S+)$", re.MULTILINE)
_FORMER = re.compile(r"^former_ids:.*\n", re.MULTILINE)  # an old id may be claimed once only


def project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "languages", target / "languages")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    return target


def multiply_courses(root: Path, factor: int) -> int:
    """factor × the shipped course files (factor - 1 renamed copies of each); returns the count."""
    folder = root / "data" / "courses"
    originals = sorted(folder.glob("*.yml"))
    for file in originals:
        text = file.read_text(encoding="utf-8")
        course_id = _ID.search(text).group(1)
        text = _FORMER.sub("", text)
        for n in range(2, factor + 1):
            new_id = f"{course_id}-x{n}"
            (folder / f"{new_id}.yml").write_text(_ID.sub(f"id: {new_id}", text, count=1), encoding="utf-8")
    return len(list(folder.glob("*.yml")))


def add_municipalities(root: Path, total: int) -> int:
    """Municipalities up to `total`, copies of the first one (not in the funding); returns the count."""
    file = root / "data" / "municipalities.yml"
    text = file.read_text(encoding="utf-8")
    shipped = yaml.safe_load(text)["municipalities"]
    # The first entry's block as written, re-indented copies appended after the last entry.
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    first = "".join(lines[starts[0]:starts[1]])
    slug, name = shipped[0]["id"], shipped[0]["name"]
    extra = []
    for n in range(len(shipped) + 1, total + 1):
        new_slug = f"kommune{n:02d}"
        block = first.replace(f"id: {slug}\n", f"id: {new_slug}\n", 1)
        block = block.replace(f"name: {name}\n", f"name: Kommune {n}\n", 1)
        block = re.sub(r'number: "\d{4}"', f'number: "{9000 + n}"', block, count=1)
        block = block.replace(f".{slug}.", f".{new_slug}.").replace(f"eksempel-{slug}", f"eksempel-{new_slug}")
        extra.append(block)
    body = text.rstrip("\n") + "\n" + "".join(extra)
    file.write_text(body, encoding="utf-8")
    return len(yaml.safe_load(body)["municipalities"])
