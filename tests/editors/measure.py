"""Measure `make check` and the `make serve` rebuild (edit → page updated) on the shipped data.

    .venv/bin/python -m tests.editors.measure

Not a test (no timed assertions in tests): prints the figures for the README.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.fixtures import FIXTURE, REPO
from tests.support.environ import pinned_environ
from tests.support.project import project_copy

from .test_serve import fetch, free_port

DAY = date(2026, 11, 27)
RUNS = 5


def measure_check() -> list[float]:
    out = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(["make", "-s", "check"], cwd=REPO, env=pinned_environ(DAY), capture_output=True, check=True)
        out.append(time.perf_counter() - started)
    return out


def measure_serve() -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = project_copy(Path(tmp) / "project")
        course = sorted((root / "data" / "courses").glob("*.yml"))[0]
        course_id = next(line.split(": ", 1)[1] for line in course.read_text().splitlines() if line.startswith("id: "))
        port = free_port()
        url = f"http://127.0.0.1:{port}/kurs/{course_id}/"
        log = open(Path(tmp) / "serve.log", "w")
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=pinned_environ(DAY), stdout=log, stderr=subprocess.STDOUT)
        try:
            while fetch(url) is None:
                time.sleep(0.2)
            out = []
            for i in range(RUNS):
                text = course.read_text(encoding="utf-8")
                marker = f"Målt {i}"
                course.write_text(text.replace("\ntitle: ", f"\ntitle: {marker} ", 1), encoding="utf-8")
                started = time.perf_counter()
                while marker not in (fetch(url) or ""):
                    time.sleep(0.05)
                out.append(time.perf_counter() - started)
                course.write_text(text, encoding="utf-8")
                time.sleep(3)  # let the restoring rebuild finish
            return out
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    courses = len(list((FIXTURE / "data" / "courses").glob("*.yml")))
    check = measure_check()
    print(f"make check ({courses} course files): median {statistics.median(check):.2f} s "
          f"(min {min(check):.2f}, max {max(check):.2f}, {RUNS} runs)")
    serve = measure_serve()
    print(f"make serve, edit of a course file → page updated: median {statistics.median(serve):.2f} s "
          f"(min {min(serve):.2f}, max {max(serve):.2f}, {RUNS} edits)")


if __name__ == "__main__":
    main()
