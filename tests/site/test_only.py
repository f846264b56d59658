"""Feature: `make site ONLY=<slug>` builds one municipality's copy (the unit the benchmark measures).

The copy is the same, byte for byte, as that municipality's copy in a full
build; the landing page and the manifest list only the copies that were made.
An unknown slug is refused with the known ones named, and nothing is built.
"""

from __future__ import annotations

import json

import pytest

from etablerer.publish.build import build_site
from generator_adapter import runner
from tests.support.environ import PINNED_DAY, pinned_environ
from tests.support.expected import COPIES, parse_html
from tests.support.project import project_copy, run_etablerer

pytestmark = pytest.mark.build

ONLY = COPIES[1]  # not the first: the default host of a plain mkdocs build


@pytest.fixture(scope="module")
def only_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("only")
    out = base / "site"
    build_site(project_copy(base / "project"), out, pinned_environ(), only=(ONLY,), engine=runner.engine())
    return out


def test_only_that_copy_is_made(only_site):
    copies = sorted(p.name for p in only_site.iterdir() if p.is_dir() and not p.name.startswith("_"))
    assert copies == [ONLY]


def test_the_copy_is_the_same_as_in_a_full_build(only_site, site):
    full = site.copy_dir(ONLY)
    mine = sorted(p.relative_to(only_site / ONLY) for p in (only_site / ONLY).rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(full) for p in full.rglob("*") if p.is_file())
    assert mine == theirs
    differing = [rel.as_posix() for rel in mine if (only_site / ONLY / rel).read_bytes() != (full / rel).read_bytes()]
    assert differing == []


def test_the_manifest_lists_only_that_copy(only_site):
    manifest = json.loads((only_site / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["copies"]) == [ONLY]


def test_the_landing_page_links_only_that_copy(only_site):
    landing = parse_html((only_site / "index.html").read_text(encoding="utf-8"))
    targets = {a["href"].split("/")[0] for a in landing.find_all("a", href=True)
               if not a["href"].startswith(("http:", "https:", "mailto:", "#"))}
    assert ONLY in targets
    assert targets.isdisjoint(set(COPIES) - {ONLY})


def test_an_unknown_municipality_is_refused_and_nothing_is_built(tmp_path):
    root = project_copy(tmp_path / "project")
    result = run_etablerer(root, PINNED_DAY, "build", "--only", "atlantis")
    assert result.returncode == 1
    assert "ONLY: atlantis er ikke en kommune" in result.stderr
    assert all(slug in result.stderr for slug in COPIES)
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
