"""A throw-away copy of the fixture project (tests/fixtures/project/) and etablerer run in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.fixtures import FIXTURE, assemble

from .environ import pinned_environ

# What editors and translators change: the parts of the fixture a project copy takes.
CONTENT_PARTS = ("data", "content", "languages")


def project_copy(target: Path, *, code: bool = True, link_hooks: bool = True) -> Path:
    """A copy of the fixture project in `target` to change and build; returns target.

    code=True (the default): buildable (tests.fixtures.assemble): data/, content/ and
    languages/ copied, the code assets and mkdocs.yml from the repository, hooks/ linked,
    or copied with link_hooks=False (for a test that changes the code).
    code=False: data/, content/ and languages/ only, for tests that load or check the data
    and never build."""
    if code:
        return assemble(target, link_hooks=link_hooks)
    target.mkdir(parents=True, exist_ok=True)
    for part in CONTENT_PARTS:
        shutil.copytree(FIXTURE / part, target / part)
    return target


def run_etablerer(root: Path, day: date, *args: str, module: str = "etablerer",
                  **extra_env: str) -> subprocess.CompletedProcess:
    """`python -m etablerer ARGS` (or another module) in the project folder `root`, with
    the as-of date `day` (tests.support.environ.pinned_environ) and `extra_env`."""
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=pinned_environ(day, **extra_env),
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def stop_process(process: subprocess.Popen, timeout: float = 30) -> None:
    """Ask a server to stop, and make sure it has."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
