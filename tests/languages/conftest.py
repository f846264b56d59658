"""Fixtures of the language specs.

The shipped site comes from the one session build of tests/conftest.py (fixture
`site`); the browser specs serve it from 127.0.0.1 and drive Chromium as
tests/browser does. Two specs need a changed project (a sixth language; English
marked reviewed): each is built once, into a temporary folder, with only the
languages and the copy it needs, in a process of its own started at the
beginning of the session, so it runs while the other specs read the shipped site.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures import REPO
from tests.support.browser import Opener, serve
from tests.support.environ import pinned_environ
from tests.support.expected import COPY
from tests.support.project import project_copy
from tests.support.site import is_embed

# --- the shipped site ----------------------------------------------------------


@pytest.fixture(scope="session")
def copy_dir(site) -> Path:
    return site.copy_dir(COPY)


@pytest.fixture(scope="session")
def pages(site, copy_dir) -> dict:
    """Every HTML page of one copy (all languages), parsed once: rel path → soup."""
    return {rel: site.soup_of(copy_dir / rel)
            for rel in sorted(p.relative_to(copy_dir).as_posix() for p in copy_dir.rglob("*.html"))
            if not is_embed(rel)}


# --- changed projects, built on the side -------------------------------------------

_BUILD = """
import json, sys
from pathlib import Path
from generator_adapter import runner
from etablerer.publish.build import build_site
root, out, languages, only = sys.argv[1:5]
result = build_site(Path(root), Path(out), None, only=(only,), languages=tuple(languages.split(",")),
                    engine=runner.engine())
print(json.dumps(list(result.translations)))
"""


@dataclass
class SideBuild:
    """A project copy being built in another process; wait() gives the built site folder."""

    name: str
    out: Path
    proc: subprocess.Popen
    output: str | None = None

    def wait(self) -> Path:
        if self.output is None:
            self.output, _ = self.proc.communicate(timeout=900)
        if self.proc.returncode != 0:
            pytest.fail(f"the build of {self.name} failed:\n{self.output}", pytrace=False)
        return self.out

    @property
    def summary(self) -> str:
        self.wait()
        return self.output


def start_side_build(name: str, base: Path, change: Callable[[Path], None], languages: tuple[str, ...]) -> SideBuild:
    root = project_copy(base / "project")
    change(root)
    (base / "out").mkdir()
    out = base / "out" / "site"
    cmd = [sys.executable, "-c", _BUILD, str(root), str(out), ",".join(languages), COPY]
    proc = subprocess.Popen(cmd, cwd=REPO, env=pinned_environ(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    return SideBuild(name, out, proc)


# name → (fixture that needs it, how to change the project, languages to build); filled by the spec modules.
SIDE_BUILDS: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {}


def side_build(name: str, languages: tuple[str, ...]):
    """Register a changed project for the session: decorate the function that changes the copy."""
    def register(change: Callable[[Path], None]):
        SIDE_BUILDS[name] = (change, languages)
        return change
    return register


@pytest.fixture(scope="session")
def side_builds(request, tmp_path_factory) -> dict[str, SideBuild]:
    """Every side build a selected test asks for (fixture `side_build_<name>`), started at once."""
    wanted = {name for item in request.session.items for name in SIDE_BUILDS
              if f"side_build_{name.replace('-', '_')}" in getattr(item, "fixturenames", ())}
    started = {name: start_side_build(name, tmp_path_factory.mktemp(name), *SIDE_BUILDS[name])
               for name in sorted(wanted)}
    yield started
    for build in started.values():
        if build.proc.poll() is None:
            build.proc.kill()
            build.proc.communicate()


@pytest.fixture(scope="session", autouse=True)
def _start_side_builds_early(side_builds):
    """Start the side builds with the session, before the shipped build: they run side by side."""


# --- the browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(site):
    local = serve(site.out)
    yield local
    local.stop()


@pytest.fixture
def opener(browser, server, site):
    """Pages of the shipped copy, in a browser that reports no locale of its own."""
    opened = Opener(browser, server, site, locale=None)
    yield opened
    opened.close()
