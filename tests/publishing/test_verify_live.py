"""Feature: `make verify-live` checks a published copy over HTTP against the newest bundle
(issue 21, point 3): stale, changed and missing are reported; a fresh copy passes.

A "municipal" web server on 127.0.0.1 (Python's http.server, started and stopped here)
serves a copy of the session build and the bundles made from it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from datetime import timedelta

import pytest

from etablerer import cli
from etablerer.publish.bundles import make_bundles
from etablerer.publish.live import bundle_manifest, compare_live
from tests.support.environ import PINNED_DAY

pytestmark = pytest.mark.build

COPY = "vestby"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serving(folder):
    """http://127.0.0.1:<port>/ serving `folder`, for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=60)


@pytest.fixture(scope="module")
def dist(published, tmp_path_factory):
    target = tmp_path_factory.mktemp("live") / "dist"
    make_bundles(published.out, target)
    return target


@pytest.fixture
def www(published, dist, tmp_path):
    """A web root: the copy published under /etablerertjenesten/ and the bundles under /dist/."""
    root = tmp_path / "www"
    shutil.copytree(published.copy_dir(COPY), root / "etablerertjenesten")
    shutil.copytree(dist, root / "dist")
    return root


def check(www, base: str, bundles: str | None = None):
    return compare_live(base + "etablerertjenesten/", COPY, bundle_manifest(bundles or str(www / "dist"), COPY))


def test_a_fresh_copy_passes(www):
    with serving(www) as base:
        result = check(www, base)
    assert result.matches, result
    assert (result.stale, result.changed, result.missing, result.extra) == (False, (), (), ())


def test_the_newest_bundle_may_be_fetched_from_the_preview(www):
    with serving(www) as base:
        assert check(www, base, bundles=base + "dist/").matches


def test_a_tampered_file_is_reported_as_changed(www):
    (www / "etablerertjenesten" / "index.html").write_bytes(b"<p>not the build</p>\n")
    with serving(www) as base:
        result = check(www, base)
    assert not result.matches and result.changed == ("index.html",) and result.missing == ()


def test_a_removed_file_is_reported_as_missing(www):
    (www / "etablerertjenesten" / "404.html").unlink()
    (www / "etablerertjenesten" / "manifest.json").unlink()
    with serving(www) as base:
        result = check(www, base)
    assert result.missing == ("404.html", "manifest.json") and result.changed == ()
    assert result.live_as_of is None and "404" in result.reasons["404.html"]


def test_a_copy_older_than_the_newest_bundle_is_stale_with_both_dates(www):
    """The newest bundle one day later, with a new front page; the server still has the old copy."""
    newer = www / "dist" / f"etablerertjenesten-{COPY}.json"
    document = json.loads(newer.read_text(encoding="utf-8"))
    later = (PINNED_DAY + timedelta(days=1)).isoformat()
    document["as_of"] = later
    document["files"]["index.html"]["sha256"] = "0" * 64
    newer.write_text(json.dumps(document), encoding="utf-8")
    with serving(www) as base:
        result = check(www, base)
    assert result.stale and (result.live_as_of, result.bundle_as_of) == (PINNED_DAY.isoformat(), later)
    assert result.changed == ("index.html", "manifest.json")


def test_a_file_the_live_manifest_lists_but_the_bundle_does_not_is_extra(www):
    served = www / "etablerertjenesten" / "manifest.json"
    document = json.loads(served.read_text(encoding="utf-8"))
    document["files"]["gammel-side/index.html"] = {"sha256": "0" * 64, "size": 1}
    served.write_text(json.dumps(document), encoding="utf-8")
    with serving(www) as base:
        result = check(www, base)
    assert result.extra == ("gammel-side/index.html",) and result.changed == ("manifest.json",)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["verify-live", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_exits_0_only_for_a_fresh_copy_and_reports_in_bokmal(www, capsys):
    with serving(www) as base:
        url = base + "etablerertjenesten/"
        code, out, err = run_cli(capsys, "--url", url, "--copy", COPY, "--bundles", str(www / "dist"))
        assert code == 0 and out.startswith("OK: ") and err == ""
        (www / "etablerertjenesten" / "kurs").rename(www / "kurs-flyttet")
        (www / "etablerertjenesten" / "index.html").write_bytes(b"x")
        code, out, err = run_cli(capsys, "--url", url, "--copy", COPY, "--bundles", base + "dist/")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert any(line.split() == ["endret:", "index.html", *line.split()[2:]] for line in lines), err
    assert any(line.strip().startswith("mangler:") and "kurs/" in line for line in lines), err
    assert "Traceback" not in err


def test_the_command_reports_a_stale_copy_with_both_dates(www, capsys):
    newer = www / "dist" / f"etablerertjenesten-{COPY}.json"
    document = json.loads(newer.read_text(encoding="utf-8"))
    later = (PINNED_DAY + timedelta(days=3)).isoformat()
    document["as_of"] = later
    newer.write_text(json.dumps(document), encoding="utf-8")
    with serving(www) as base:
        code, _, err = run_cli(capsys, "--url", base + "etablerertjenesten", "--copy", COPY,
                               "--bundles", str(www / "dist"))
    stale = [line for line in err.splitlines() if line.strip().startswith("utdatert:")]
    assert code == 1 and len(stale) == 1 and PINNED_DAY.isoformat() in stale[0] and later in stale[0], err


def test_without_a_bundle_the_command_says_what_to_do(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--url", "http://127.0.0.1:9/", "--copy", COPY, "--bundles", str(tmp_path))
    assert code == 1 and "make bundles" in err and "Traceback" not in err


def test_without_url_or_copy_the_command_says_how_to_call_it(capsys):
    code, _, err = run_cli(capsys, "--url", "", "--copy", COPY)
    assert code == 1 and "make verify-live URL=" in err


def test_the_workflow_gets_every_municipalitys_copy_and_base_url(published, capsys):
    from tests.fixtures import FIXTURE
    code = cli.main(["verify-live", "--targets", "--root", str(FIXTURE)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == [{"copy": m.id, "url": m.base_url} for m in published.data.municipalities]
