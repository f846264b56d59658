"""The preview: from saving a course file to `mkdocs serve` serving the changed page.

What `make serve` runs (mkdocs serve --livereload, one copy: ETABLERER_COPY),
in a throw-away project on a free port of 127.0.0.1. Each repetition edits a
course title, polls the course page until the new title shows, then restores
the file and waits until the old title is back before the next edit.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.project import stop_process

from .timing import environ

HANG = 300  # seconds: only to stop a hung server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
        return None


def _wait(predicate, what: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + HANG
    while not predicate():
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"mkdocs serve: gave up waiting for {what}:\n{log.read_text()[-3000:]}")
        time.sleep(0.02)


def retitled(text: str, marker: str) -> str:
    """The course file with `marker` before its bokmål title (written `title: …` or `title:` + `nb: …`)."""
    edited = re.sub(r"^title: (?=\S)", f"title: {marker} ", text, count=1, flags=re.MULTILINE)
    if edited == text:
        edited = re.sub(r"^(title:\n\s+nb: )", rf"\g<1>{marker} ", text, count=1, flags=re.MULTILINE)
    if edited == text:
        raise RuntimeError("no title found to edit in the course file")
    return edited


def rebuild_times(root: Path, copy: str, reps: int) -> list[float]:
    course = sorted((root / "data" / "courses").glob("*.yml"))[0]
    text = course.read_text(encoding="utf-8")
    course_id = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("id: "))
    port = free_port()
    url = f"http://127.0.0.1:{port}/kurs/{course_id}/"
    log = root / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=environ(ETABLERER_COPY=copy), stdout=sink, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: fetch(url) is not None, "the first build", server, log)
        times = []
        for i in range(reps):
            marker = f"Benchmerke {i}"
            course.write_text(retitled(text, marker), encoding="utf-8")
            started = time.perf_counter()
            _wait(lambda m=marker: m in (fetch(url) or ""), f"edit {i}", server, log)
            times.append(time.perf_counter() - started)
            course.write_text(text, encoding="utf-8")
            _wait(lambda m=marker: m not in (fetch(url) or m), f"restore {i}", server, log)
        return times
    finally:
        stop_process(server)
