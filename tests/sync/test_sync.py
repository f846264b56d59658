"""tools/etablerer-sync.py over loopback: install, update, every refusal leaves the served copy
as it was, rollback, keep, dry run, a hand-installed folder, disk space (issue 21, points 2 and 4)."""

from __future__ import annotations

import fcntl
import importlib.util
import json
import shutil
import urllib.error
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest

from tests.sync.bundle_fixture import files_of, make_bundles, manifest_json, seal, sha256_bytes, write_zip
from tests.sync.conftest import SLUG, TOOL, run_tool

EXIT_REFUSED, EXIT_NETWORK, EXIT_LOCAL = 1, 3, 4


def sync(bundle_server, www, *extra: str, source: str | None = None):
    log = www.root.parent / "sync.log"
    return run_tool("--source", source or bundle_server.source, "--copy", SLUG, "--target", str(www.target),
                    "--log", str(log), *extra)


def log_lines(www) -> list[str]:
    log = www.root.parent / "sync.log"
    return log.read_text("utf-8").splitlines() if log.exists() else []


def work(www) -> Path:
    return www.root / f".etablerer-{SLUG}"


def installed(bundle_server, www, build, *extra: str) -> None:
    bundle_server.publish(build.dist)
    result = sync(bundle_server, www, *extra)
    assert result.returncode == 0, result.stderr
    assert_serves(www, build)


def assert_serves(www, build) -> None:
    """The served folder holds exactly the build's site/<slug>/ (its manifest.json included),
    byte for byte, on disk and over HTTP."""
    on_disk = files_of(www.target)
    inner = json.loads(on_disk["manifest.json"])
    assert (inner["as_of"], inner["commit"]) == (build.as_of, build.commit)
    expected = build.copy_files()
    assert on_disk == expected
    for path, data in expected.items():
        assert www.get("etablerertjenesten/" + path) == data, path


def test_installs_a_copy_served_byte_identical(builds, bundle_server, www):
    bundle_server.publish(builds["new"].dist)
    result = sync(bundle_server, www)
    assert result.returncode == 0, result.stderr
    assert_serves(www, builds["new"])
    assert www.target.is_symlink()
    assert len(result.stdout.splitlines()) == 1 and "installert 2026-11-27" in result.stdout
    assert len(log_lines(www)) == 1 and f"etablerer-sync {SLUG} OK: installert" in log_lines(www)[0]
    # the work folder beside the served copy is not served (the README's deny rule)
    with pytest.raises(urllib.error.HTTPError) as denied:
        www.get(f".etablerer-{SLUG}/history.json")
    assert denied.value.code == 403


def test_a_second_build_syncs_over_the_first(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    installed(bundle_server, www, builds["new"])
    with pytest.raises(urllib.error.HTTPError):  # removed in the second build
        www.get("etablerertjenesten/gammel.html")
    again = sync(bundle_server, www)
    assert again.returncode == 0 and "allerede oppdatert" in again.stdout
    assert_serves(www, builds["new"])
    assert len(log_lines(www)) == 3  # one line per run
    history = json.loads((work(www) / "history.json").read_text("utf-8"))
    assert history == ["2026-11-26-aaaaaaa", "2026-11-27-bbbbbbb"]


def test_same_day_different_commit_is_accepted(builds, bundle_server, www, tmp_path):
    """Documented rule: same as_of and another commit is a rebuild of that day, installed."""
    installed(bundle_server, www, builds["new"])
    rebuilt = tmp_path / "rebuilt"
    shutil.copytree(builds["new"].site, rebuilt / "site")
    make_bundles(rebuilt / "site", rebuilt / "dist", as_of=builds["new"].as_of, commit="d" * 40)
    bundle_server.publish(rebuilt / "dist")
    result = sync(bundle_server, www)
    assert result.returncode == 0, result.stderr
    assert json.loads((www.target / "manifest.json").read_text("utf-8"))["commit"] == "d" * 40


# --- refusals: each leaves the installed old build served and intact -------------------------

Broken = namedtuple("Broken", "name make code message")


def _republish(dist: Path, out: Path, change) -> Path:
    """A copy of `dist` whose vestby bundle is rebuilt from changed members."""
    shutil.copytree(dist, out)
    published = json.loads((out / f"etablerertjenesten-{SLUG}.json").read_text("utf-8"))
    manifest = {k: v for k, v in published.items() if k != "bundle"}
    with zipfile.ZipFile(out / published["bundle"]["file"]) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}
    change(members)
    seal(out, manifest, members)
    return out


def tampered_file(builds, out):
    def change(members):
        original = members["kurs/regnskap/index.html"]
        members["kurs/regnskap/index.html"] = original.replace(b"versjon 2", b"versjon 9")  # same size
        assert len(members["kurs/regnskap/index.html"]) == len(original) != 0
    return _republish(builds["new"].dist, out, change)


def oversized_file(builds, out):
    """A member longer than the manifest says (a zip bomb): stopped while unpacking."""
    return _republish(builds["new"].dist, out, lambda members: members.update({"404.html": b"x" * 10**6}))


def extra_file(builds, out):
    return _republish(builds["new"].dist, out, lambda members: members.update({"ekstra.php": b"<?php ?>"}))


def missing_file(builds, out):
    return _republish(builds["new"].dist, out, lambda members: members.pop("404.html"))


def tampered_zip(builds, out):
    shutil.copytree(builds["new"].dist, out)
    zip_path = out / f"etablerertjenesten-{SLUG}.zip"
    data = bytearray(zip_path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    zip_path.write_bytes(bytes(data))
    return out


def truncated_zip(builds, out):
    shutil.copytree(builds["new"].dist, out)
    zip_path = out / f"etablerertjenesten-{SLUG}.zip"
    zip_path.write_bytes(zip_path.read_bytes()[: zip_path.stat().st_size // 2])
    return out


def bad_inner_manifest(builds, out):
    """The zip's manifest.json is not the published one (e.g. says another date)."""
    shutil.copytree(builds["new"].dist, out)
    published = json.loads((out / f"etablerertjenesten-{SLUG}.json").read_text("utf-8"))
    zip_path = out / published["bundle"]["file"]
    with zipfile.ZipFile(zip_path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    inner = json.loads(members["manifest.json"])
    members["manifest.json"] = manifest_json({**inner, "as_of": "2030-01-01"})
    write_zip(zip_path, members)
    data = zip_path.read_bytes()
    published["bundle"].update(sha256=sha256_bytes(data), size=len(data))
    (out / f"etablerertjenesten-{SLUG}.json").write_bytes(manifest_json(published))
    return out


def sample(builds, out):
    return builds["sample"].dist


def zip_404(builds, out):
    shutil.copytree(builds["new"].dist, out)
    (out / f"etablerertjenesten-{SLUG}.zip").unlink()
    return out


BROKEN = [
    Broken("tampered file", tampered_file, EXIT_REFUSED, "sjekksummen stemmer ikke for kurs/regnskap/index.html"),
    Broken("oversized file", oversized_file, EXIT_REFUSED, "404.html i pakken er større enn manifestet sier"),
    Broken("extra file", extra_file, EXIT_REFUSED, "ekstra: ekstra.php"),
    Broken("missing file", missing_file, EXIT_REFUSED, "mangler: 404.html"),
    Broken("tampered zip", tampered_zip, EXIT_REFUSED, "sjekksummen for pakken"),
    Broken("truncated zip", truncated_zip, EXIT_REFUSED, "feil størrelse"),
    Broken("inner manifest", bad_inner_manifest, EXIT_REFUSED, "ikke det publiserte manifestet"),
    Broken("sample", sample, EXIT_REFUSED, "eksempeldata (sample)"),
    Broken("zip 404", zip_404, EXIT_NETWORK, "HTTP 404"),
]


@pytest.mark.parametrize("broken", BROKEN, ids=[b.name for b in BROKEN])
def test_refused_and_the_old_copy_still_served(broken, builds, bundle_server, www, tmp_path):
    installed(bundle_server, www, builds["old"])
    before = sorted(p.name for p in (work(www) / "releases").iterdir())
    bundle_server.publish(broken.make(builds, tmp_path / "broken"))
    result = sync(bundle_server, www)
    assert result.returncode == broken.code, result.stdout + result.stderr
    assert broken.message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
    assert_serves(www, builds["old"])
    assert sorted(p.name for p in (work(www) / "releases").iterdir()) == before  # no half-unpacked leftovers
    assert log_lines(www)[-1].split(" ", 1)[1].startswith(f"etablerer-sync {SLUG} ")


def test_an_older_bundle_is_refused(builds, bundle_server, www):
    installed(bundle_server, www, builds["new"])
    bundle_server.publish(builds["old"].dist)
    result = sync(bundle_server, www)
    assert result.returncode == EXIT_REFUSED
    assert "eldre enn den installerte" in result.stderr and "2026-11-26" in result.stderr
    assert_serves(www, builds["new"])


def test_a_sample_bundle_with_allow_sample_is_installed(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    installed(bundle_server, www, builds["sample"], "--allow-sample")


@pytest.mark.parametrize("how", ["server down", "no index"])
def test_failed_download_refused(how, builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    bundle_server.publish(builds["new"].dist)
    source = bundle_server.source
    if how == "server down":
        bundle_server.stop()
        bundle_server.stop = lambda: None  # the fixture's teardown
    else:
        source = bundle_server.url + "finnes-ikke/"
    result = sync(bundle_server, www, "--timeout", "20", source=source)
    assert result.returncode == EXIT_NETWORK, result.stderr
    assert "kunne ikke hente" in result.stderr and "index.json" in result.stderr
    assert_serves(www, builds["old"])


# --- rollback, keep, dry run, a folder installed by hand -----------------------------------------

def test_rollback_restores_the_previous_copy(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    installed(bundle_server, www, builds["new"])
    result = sync(bundle_server, www, "--rollback")
    assert result.returncode == 0, result.stderr
    assert "tilbakestilt" in result.stdout
    assert_serves(www, builds["old"])
    again = sync(bundle_server, www, "--rollback")  # nothing before the first
    assert again.returncode == EXIT_LOCAL and "ingen tidligere kopi" in again.stderr
    assert_serves(www, builds["old"])


def test_keep_limits_the_previous_copies(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"], "--keep", "1")
    installed(bundle_server, www, builds["new"], "--keep", "1")
    installed(bundle_server, www, builds["sample"], "--keep", "1", "--allow-sample")
    releases = sorted(p.name for p in (work(www) / "releases").iterdir())
    assert releases == ["2026-11-27-bbbbbbb", "2026-11-28-ccccccc"]
    assert sync(bundle_server, www, "--rollback").returncode == 0
    assert_serves(www, builds["new"])


def test_dry_run_changes_nothing(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    bundle_server.publish(builds["new"].dist)
    result = sync(bundle_server, www, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "prøvekjøring: ville installert 2026-11-27" in result.stdout
    assert_serves(www, builds["old"])


def test_a_folder_installed_by_hand_is_kept_for_rollback(builds, bundle_server, www):
    shutil.copytree(builds["old"].site / SLUG, www.target)  # the manual download
    installed(bundle_server, www, builds["new"])
    assert any(p.name.startswith("manual-") for p in (work(www) / "releases").iterdir())
    assert sync(bundle_server, www, "--rollback").returncode == 0
    assert www.target.is_symlink() and files_of(www.target) == builds["old"].copy_files()


def _load_tool():
    spec = importlib.util.spec_from_file_location("etablerer_sync", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_too_little_disk_space_is_refused_before_unpacking(builds, bundle_server, www, monkeypatch, capsys):
    installed(bundle_server, www, builds["old"])
    bundle_server.publish(builds["new"].dist)
    tool = _load_tool()
    monkeypatch.setattr(tool.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9, 4096))
    code = tool.main(["--source", bundle_server.source, "--copy", SLUG, "--target", str(www.target)])
    assert code == EXIT_LOCAL
    assert "for lite ledig plass" in capsys.readouterr().err
    assert_serves(www, builds["old"])


def test_a_second_run_at_the_same_time_is_refused(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    bundle_server.publish(builds["new"].dist)
    with open(work(www) / "lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = sync(bundle_server, www)
    assert result.returncode == EXIT_LOCAL and "en annen kjøring" in result.stderr
    assert_serves(www, builds["old"])
