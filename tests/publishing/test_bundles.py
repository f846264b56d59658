"""Feature: `make bundles` writes, from site/, one zip and one manifest per municipality and
dist/index.json; each copy holds its own manifest.json (issue 21, point 1).

The bundles are made from the session build of the fixture project (tests/conftest.py);
every expectation is read from the copies on disk.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from etablerer.facts.sample import sample_sources
from etablerer.publish.bundles import BundleError, make_bundles
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES

pytestmark = pytest.mark.build

COPY_KEYS = ["format", "copy", "as_of", "commit", "sample", "files"]


def own_files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def dist(published, tmp_path_factory):
    target = tmp_path_factory.mktemp("bundles") / "dist"
    make_bundles(published.out, target)
    return target


def copy_manifest(published, copy) -> dict:
    return json.loads((published.copy_dir(copy) / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("copy", COPIES)
def test_each_copy_lists_every_other_file_of_itself_with_sha256_and_size(published, copy):
    document = copy_manifest(published, copy)
    assert list(document) == COPY_KEYS
    assert (document["format"], document["copy"], document["as_of"]) == (1, copy, PINNED_DAY.isoformat())
    assert document["commit"] == "unknown"  # the fixture project is built outside git
    files = own_files(published.copy_dir(copy))
    del files["manifest.json"]
    assert document["files"] == {rel: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                                 for rel, data in files.items()}


def test_the_copies_are_marked_sample_while_the_data_has_sample_records(published):
    expected = bool(sample_sources(published.data))
    assert expected, "the fixture project has sample records: the test would not mean much otherwise"
    assert {copy_manifest(published, copy)["sample"] for copy in COPIES} == {expected}


def test_the_copies_manifests_agree_on_everything_but_the_copy_and_its_bytes(published):
    documents = [copy_manifest(published, copy) for copy in COPIES]
    assert len({(d["as_of"], d["commit"], d["sample"], tuple(d["files"])) for d in documents}) == 1


def test_dist_holds_a_zip_and_a_manifest_per_copy_and_the_index(dist):
    expected = {f"etablerertjenesten-{copy}.{kind}" for copy in COPIES for kind in ("zip", "json")}
    assert {p.name for p in dist.iterdir()} == expected | {"index.json"}


def test_the_index_lists_every_bundle(published, dist):
    index = json.loads((dist / "index.json").read_text(encoding="utf-8"))
    first = copy_manifest(published, COPIES[0])
    assert index == {"format": 1, "as_of": first["as_of"], "commit": first["commit"], "sample": first["sample"],
                     "copies": {copy: {"bundle": f"etablerertjenesten-{copy}.zip",
                                       "manifest": f"etablerertjenesten-{copy}.json"} for copy in sorted(COPIES)}}


@pytest.mark.parametrize("copy", COPIES)
def test_the_zip_is_the_copy_byte_for_byte(published, dist, copy):
    expected = own_files(published.copy_dir(copy))
    with zipfile.ZipFile(dist / f"etablerertjenesten-{copy}.zip") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert sorted(names) == sorted(expected) and len(names) == len(set(names))
        assert {name: archive.read(name) for name in names} == expected
        assert {info.date_time for info in archive.infolist()} == {(*PINNED_DAY.timetuple()[:3], 0, 0, 0)}


@pytest.mark.parametrize("copy", COPIES)
def test_the_bundle_manifest_is_the_copys_with_the_zips_checksum(published, dist, copy):
    document = json.loads((dist / f"etablerertjenesten-{copy}.json").read_text(encoding="utf-8"))
    bundle = document.pop("bundle")
    assert document == copy_manifest(published, copy)
    data = (dist / f"etablerertjenesten-{copy}.zip").read_bytes()
    assert bundle == {"file": f"etablerertjenesten-{copy}.zip", "sha256": hashlib.sha256(data).hexdigest(),
                      "size": len(data)}


def test_the_bundles_are_reproducible(published, dist, tmp_path):
    again = tmp_path / "dist"
    make_bundles(published.out, again)
    assert own_files(again) == own_files(dist)


def test_a_copy_that_is_not_what_the_build_made_is_not_bundled(published, dist, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(published.out, site)
    (site / COPIES[-1] / "index.html").write_bytes(b"<p>changed by hand</p>\n")
    target = tmp_path / "dist"
    shutil.copytree(dist, target)
    before = own_files(target)
    with pytest.raises(BundleError, match=COPIES[-1]):
        make_bundles(site, target)
    assert own_files(target) == before  # the last bundles stay as they were
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist-")] == []


def test_make_bundles_from_the_command_line(published, dist, tmp_path):
    target = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "etablerer", "bundles", "--site", str(published.out),
                           "--dist", str(target)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert own_files(target) == own_files(dist)
    last = proc.stdout.strip().splitlines()[-1]
    assert all(copy in last for copy in COPIES) and "--allow-sample" in last


def test_without_a_build_make_bundles_says_what_to_do(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "etablerer", "bundles", "--site", str(tmp_path / "site"),
                           "--dist", str(tmp_path / "dist")], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert proc.returncode == 1 and "make site" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "dist").exists()


def test_dist_may_be_served_as_any_folder(dist, tmp_path):
    """Not a private temporary folder: a web server must be able to read it."""
    probe = tmp_path / "probe"
    probe.mkdir()
    assert dist.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777


def test_zip_entries_are_plain_files_with_fixed_permissions(dist):
    with zipfile.ZipFile(io.BytesIO((dist / f"etablerertjenesten-{COPIES[0]}.zip").read_bytes())) as archive:
        assert all(not info.is_dir() and info.external_attr >> 16 == 0o100644 for info in archive.infolist())
