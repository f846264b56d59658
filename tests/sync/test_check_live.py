"""--check-live URL: the copy served over HTTP against the newest bundle (issue 21, point 3,
in the sync tool): fresh passes; stale, tampered and missing files are reported and fail."""

from __future__ import annotations

from tests.sync.conftest import SLUG, run_tool
from tests.sync.test_sync import installed


def check_live(bundle_server, url: str):
    return run_tool("--source", bundle_server.source, "--copy", SLUG, "--check-live", url)


def test_a_fresh_copy_passes(builds, bundle_server, www):
    installed(bundle_server, www, builds["new"])
    result = check_live(bundle_server, www.live)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "er lik den nyeste pakken" in result.stdout


def test_a_stale_copy_is_reported_with_both_dates(builds, bundle_server, www):
    installed(bundle_server, www, builds["old"])
    bundle_server.publish(builds["new"].dist)
    result = check_live(bundle_server, www.live)
    assert result.returncode == 1
    stale = [line for line in result.stdout.splitlines() if line.startswith("utdatert:")]
    assert len(stale) == 1 and "2026-11-26" in stale[0] and "2026-11-27" in stale[0]
    assert "endret:" not in result.stdout and "mangler:" not in result.stdout  # stale, not tampered


def test_a_tampered_copy_is_reported(builds, bundle_server, www):
    installed(bundle_server, www, builds["new"])
    (www.target / "kurs" / "regnskap" / "index.html").write_text("<p>Registrering er åpen</p>\n", "utf-8")
    (www.target / "assets" / "ny.css").unlink()
    result = check_live(bundle_server, www.live)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "endret: kurs/regnskap/index.html" in lines
    assert any(line.startswith("mangler: assets/ny.css") for line in lines)
    assert not any(line.startswith("utdatert:") for line in lines)


def test_no_copy_at_the_address_is_reported(builds, bundle_server, www):
    bundle_server.publish(builds["new"].dist)
    result = check_live(bundle_server, www.url + "ingenting/")
    assert result.returncode == 1
    assert result.stdout.startswith("mangler: manifest.json")
