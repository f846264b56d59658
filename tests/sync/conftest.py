"""Loopback set-up for the sync tool: a bundle server and a "municipal" web server on
127.0.0.1 (http.server in threads), two builds of a small site, and the tool run as a web
team runs it: its own process, the oldest python3 on the machine, isolated (-I)."""

from __future__ import annotations

import functools
import glob
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.sync.bundle_fixture import files_of, make_bundles

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "etablerer-sync.py"
SLUG = "vestby"
HANG = 120  # seconds: a run that takes longer has hung


def _version(python: str):
    try:
        out = subprocess.run([python, "-I", "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
        return tuple(int(x) for x in out.stdout.split()) if out.returncode == 0 else None
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


@functools.lru_cache(maxsize=1)
def oldest_python() -> str:
    """The oldest python3 >= 3.9 on this machine (PATH, /usr/bin, pyenv), else this one."""
    candidates = {sys.executable}
    for minor in range(9, 15):
        found = shutil.which(f"python3.{minor}")
        if found:
            candidates.add(found)
    candidates.update(glob.glob("/usr/bin/python3.[0-9]*"))
    candidates.update(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3")))
    versions = {}
    for python in candidates:
        if python.endswith("-config"):
            continue
        version = _version(python)
        if version and version >= (3, 9):
            versions[python] = version
    return min(versions, key=lambda p: (versions[p], p))


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([oldest_python(), "-I", str(TOOL), *args], capture_output=True, text=True, timeout=HANG)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of http.server
        pass


class _Municipal(_Quiet):
    """Serves the web root, with the deny rule the README gives for the work folder."""

    def send_head(self):
        if self.path.split("?")[0].startswith("/.etablerer-"):
            self.send_error(403)
            return None
        return super().send_head()


class Server:
    def __init__(self, root: Path, handler=_Quiet):
        self.root = root
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(HANG)

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + urllib.request.quote(path), timeout=HANG) as response:
            return response.read()


@dataclass
class Build:
    site: Path  # site/<slug>/ as a build leaves it
    dist: Path  # its bundles
    as_of: str
    commit: str

    def copy_files(self, slug: str = SLUG) -> dict[str, bytes]:
        return files_of(self.site / slug)


def _site(root: Path, version: int) -> Path:
    """A small site of two copies; version 2 changes, adds and removes a file."""
    for slug in ("moss", SLUG):
        copy = root / slug
        (copy / "kurs" / "regnskap").mkdir(parents=True)
        (copy / "index.html").write_text(f"<!doctype html><title>{slug}</title><p>Bygg {version}</p>\n", "utf-8")
        (copy / "404.html").write_text(f"<p>Fant ikke siden ({slug})</p>\n", "utf-8")
        (copy / "kurs" / "regnskap" / "index.html").write_text(f"<p>Regnskap, versjon {version}</p>\n", "utf-8")
        (copy / "kurs" / "regnskap" / "kurs.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        (copy / "assets").mkdir()
        (copy / "assets" / "logo.png").write_bytes(bytes(range(256)) * (4 + version))
        (copy / "søknad og støtte.txt").write_text("æøå\n", "utf-8")
        if version == 1:
            (copy / "gammel.html").write_text("<p>fjernes i neste bygg</p>\n", "utf-8")
        else:
            (copy / "assets" / "ny.css").write_text("body{margin:0}\n", "utf-8")
    return root


def _build(root: Path, version: int, as_of: str, commit: str, sample: bool = False) -> Build:
    site = _site(root / "site", version)
    dist = root / "dist"
    make_bundles(site, dist, as_of=as_of, commit=commit, sample=sample)
    return Build(site, dist, as_of, commit)


@pytest.fixture(scope="session")
def builds(tmp_path_factory):
    """Two builds of the same site, a day apart, and a sample build of the second."""
    root = tmp_path_factory.mktemp("builds")
    return {
        "old": _build(root / "old", 1, "2026-11-26", "a" * 40),
        "new": _build(root / "new", 2, "2026-11-27", "b" * 40),
        "sample": _build(root / "sample", 2, "2026-11-28", "c" * 40, sample=True),
    }


class BundleServer(Server):
    """Serves <root>/dist/ as CI publishes it; publish() puts a build's bundles there."""

    def __init__(self, root: Path):
        super().__init__(root)
        self.dist = root / "dist"
        self.source = self.url + "dist/"

    def publish(self, dist: Path) -> None:
        shutil.rmtree(self.dist, ignore_errors=True)
        shutil.copytree(dist, self.dist)


@pytest.fixture
def bundle_server(tmp_path):
    root = tmp_path / "preview"
    root.mkdir()
    server = BundleServer(root)
    yield server
    server.stop()


@pytest.fixture
def www(tmp_path):
    """The municipality's web root; the copy is served from www/etablerertjenesten/."""
    root = tmp_path / "www"
    root.mkdir()
    server = Server(root, _Municipal)
    server.target = root / "etablerertjenesten"
    server.live = server.url + "etablerertjenesten/"
    yield server
    server.stop()
