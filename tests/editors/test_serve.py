"""`make serve`: an edit shows without a restart; an invalid edit shows the error and the server survives.

Runs what `make serve` runs (mkdocs serve with live reload) in a copy of the
project on a free port of 127.0.0.1. The client uses short timeouts and polls
(test_serve_problems.py shows what the preview shows while a file is broken). The
deadlines only catch a hang; they say nothing about speed.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tests.support.edits import edit
from tests.support.environ import pinned_environ
from tests.support.project import stop_process

from .conftest import course_text

pytestmark = pytest.mark.build

HANG = 180  # seconds: only to stop a hung server, never a speed requirement
DAY = date(2026, 11, 27)
COURSE_ID = "serve-test-2027"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
        return None


def wait_for(predicate, what: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server stopped while waiting for {what}:\n{log.read_text()[-3000:]}"
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}:\n{log.read_text()[-3000:]}")


@contextmanager
def preview(project: Path, log: Path, course_id: str):
    """What `make serve` runs, on a free port, with a course of its own: (course file, its URL, server)."""
    course = project / "data" / "courses" / f"{course_id}.yml"
    course.write_text(course_text(course_id, date(2027, 6, 1), deadline=date(2027, 5, 25)), encoding="utf-8")
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=pinned_environ(DAY), stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/kurs/{course_id}/"
        wait_for(lambda: fetch(url), "the first build", server, log)
        yield course, url, server
    finally:
        stop_process(server)


@pytest.fixture
def served(project, tmp_path):
    log = tmp_path / "serve.log"
    with preview(project, log, COURSE_ID) as (course, url, server):
        yield course, url, server, log


def test_an_edit_shows_and_an_invalid_edit_does_not_kill_the_server(served):
    course, url, server, log = served
    title = f"Testkurs {COURSE_ID}"
    assert title in fetch(url)

    edit(course, f"title: {title}", "title: Endret tittel")
    wait_for(lambda: "Endret tittel" in (fetch(url) or ""), "the edited title", server, log)

    edit(course, "capacity: 20", "capacity: 0")
    message = f"data/courses/{COURSE_ID}.yml:15: capacity: 0 er for lite; det må være minst 1"
    wait_for(lambda: message in log.read_text(), "the error in the terminal", server, log)
    assert server.poll() is None

    edit(course, "capacity: 0", "capacity: 20")
    edit(course, "title: Endret tittel", "title: Rettet tittel")
    wait_for(lambda: "Rettet tittel" in (fetch(url) or ""), "the preview after the fix", server, log)
    assert server.poll() is None
