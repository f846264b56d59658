"""The sync tool with the bundles `make bundles` really writes (issue 21, "Done when"): made from
the session build of the fixture project, served on 127.0.0.1, installed by tools/etablerer-sync.py,
and accepted by the same live check `make verify-live` runs. The rest of tests/sync uses small
hand-made bundles of the same format, so each refusal can be planted cheaply.
"""

from __future__ import annotations

import pytest

from etablerer.publish.bundles import make_bundles
from etablerer.publish.live import bundle_manifest, compare_live
from tests.sync.bundle_fixture import files_of
from tests.sync.conftest import SLUG, run_tool

pytestmark = pytest.mark.build


def test_a_real_bundle_installs_byte_identical_and_passes_verify_live(site, bundle_server, www, tmp_path):
    dist = tmp_path / "dist"
    make_bundles(site.out, dist)
    bundle_server.publish(dist)

    run = run_tool("--source", bundle_server.source, "--copy", SLUG, "--target", str(www.target), "--allow-sample")
    assert run.returncode == 0, run.stdout + run.stderr
    assert files_of(www.target) == files_of(site.copy_dir(SLUG))

    newest = bundle_manifest(bundle_server.source, SLUG)
    fresh = compare_live(www.live, SLUG, newest)
    assert fresh.matches, fresh

    page = www.target / "index.html"
    page.write_bytes(page.read_bytes() + b"<!-- endret -->")
    tampered = compare_live(www.live, SLUG, newest)
    assert tampered.changed == ("index.html",) and not tampered.matches
