"""Feature: `make verify DIR=… COPY=…` checks a folder against the manifest, in plain words.

Exit 0 only when every file of the copy is there, unchanged, and nothing else;
otherwise each changed, missing or extra file is named.
"""

from __future__ import annotations

import shutil

import pytest

from tests.fixtures import REPO as ROOT
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES
from tests.support.project import run_etablerer

COPY = COPIES[0]


@pytest.fixture
def deployed(published, tmp_path):
    """A municipality's deployed copy: the Moss copy, copied somewhere else."""
    target = tmp_path / "www" / "etablerertjenesten"
    shutil.copytree(published.copy_dir(COPY), target)
    return target


def verify(published, folder, copy=COPY):
    return run_etablerer(ROOT, PINNED_DAY, "verify", "--copy", copy, "--dir", str(folder),
                         "--manifest", str(published.out / "manifest.json"))


def test_a_fresh_copy_matches(published, deployed):
    proc = verify(published, deployed)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK: ") and f"kopien '{COPY}'" in proc.stdout


def test_every_copy_of_the_build_matches(published):
    proc = run_etablerer(ROOT, PINNED_DAY, "verify", "--manifest", str(published.out / "manifest.json"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("OK: ") == len(COPIES)
    assert proc.stdout.splitlines()[-1] == f"Alle {len(COPIES)} kopiene stemmer med byggingen."


def test_a_changed_file_is_named(published, deployed):
    page = deployed / "om" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- endret av CMS --></body>"))
    proc = verify(published, deployed)
    assert proc.returncode == 1
    assert "endret:  om/index.html" in proc.stderr


def test_a_missing_file_is_named(published, deployed):
    (deployed / "embed" / "courses.json").unlink()
    proc = verify(published, deployed)
    assert proc.returncode == 1
    assert "mangler: embed/courses.json" in proc.stderr


def test_an_extra_file_is_named(published, deployed):
    (deployed / "gammel-side.html").write_text("<p>fra forrige versjon</p>", encoding="utf-8")
    proc = verify(published, deployed)
    assert proc.returncode == 1
    assert "ekstra:  gammel-side.html" in proc.stderr


def test_all_differences_are_reported_in_one_run(published, deployed):
    (deployed / "embed" / "courses.json").unlink()
    (deployed / "gammel-side.html").write_text("x", encoding="utf-8")
    proc = verify(published, deployed)
    assert "mangler: embed/courses.json" in proc.stderr and "ekstra:  gammel-side.html" in proc.stderr
    assert proc.stderr.splitlines()[-1].startswith("2 forskjeller i ")  # the last line: what to do


def test_another_municipalitys_copy_does_not_match(published):
    proc = verify(published, published.copy_dir(COPIES[1]), copy=COPY)
    assert proc.returncode == 1
    assert "endret:  " in proc.stderr


def test_an_unknown_copy_is_a_clear_error(published, deployed):
    proc = verify(published, deployed, copy="oslo")
    assert proc.returncode == 1
    assert "har ingen kopi 'oslo'" in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_manifest_is_a_clear_error(deployed, tmp_path):
    proc = run_etablerer(ROOT, PINNED_DAY, "verify", "--copy", COPY, "--dir", str(deployed),
                         "--manifest", str(tmp_path / "nope.json"))
    assert proc.returncode == 1
    assert "her er det ikke noe manifest" in proc.stderr and "Traceback" not in proc.stderr


def test_the_copies_can_be_listed_for_ci(published):
    proc = run_etablerer(ROOT, PINNED_DAY, "verify", "--list", "--manifest", str(published.out / "manifest.json"))
    assert proc.returncode == 0 and sorted(__import__("json").loads(proc.stdout)) == sorted(COPIES)
