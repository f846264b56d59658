"""`make site`: one generator run per language, as a command, at most one per core at a time.

ENGINE=mkdocs (the default) or ENGINE=properdocs (a maintained drop-in fork of MkDocs 1.6
that runs the same hooks and reads the same mkdocs.yml). The switch exists because MkDocs
1.6.1 has had no release since 2024 and 2.0 drops plugins and mkdocs.yml: when MkDocs
stops working, the build moves with one word. Both are pinned in requirements.lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.messages import _
from etablerer.publish.build import BuildFailed
from etablerer.publish.sitebuild import MODE_TEMPLATE

ENGINES = ("mkdocs", "properdocs")  # Python modules with MkDocs' command line: `python -m <engine> build`
DISPLAY_NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
DEFAULT_ENGINE = "mkdocs"
ENGINE_ENV = "ETABLERER_ENGINE"  # set by `make site ENGINE=…`


def engine_name(environ: Mapping[str, str]) -> str:
    name = environ.get(ENGINE_ENV) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise BuildFailed(_("ENGINE={name} is not a generator this site builds with; use one of {engines}").format(
            name=name, engines=", ".join(ENGINES)))
    return name


def engine(name: str = DEFAULT_ENGINE):
    """build_site's engine: start the runs of the given language codes with `name`."""
    return partial(LanguageRuns, name)


def start(name: str, root: Path, out: Path, environ: dict[str, str], language: str = DEFAULT_LANGUAGE
          ) -> subprocess.Popen:
    env = {**environ, "ETABLERER_MODE": MODE_TEMPLATE, "ETABLERER_LANGUAGE": language, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", name, "build", "--strict", "--quiet",
           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]
    return subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(name: str, proc: subprocess.Popen) -> None:
    try:
        output = proc.communicate(timeout=1800)[0]
    except subprocess.TimeoutExpired:
        proc.kill()
        output = proc.communicate()[0]
    if proc.returncode != 0:
        output = "\n".join(line for line in output.splitlines() if line.strip() and "Traceback" not in line)
        raise BuildFailed(_("{name} build failed:").format(name=name) + "\n" + output)


class LanguageRuns:
    """The runs of every language, at most one per core at a time (memory grows with
    the data: five big runs at once on two cores only swap)."""

    def __init__(self, name: str, root: Path, out: Path, environ: dict[str, str], codes: list[str]):
        self.name, self.root, self.out, self.environ = name, root, out, environ
        self.pending = list(codes)
        self.running: dict[str, subprocess.Popen] = {}
        self.limit = max(1, os.cpu_count() or 1)
        self._fill()

    def _fill(self) -> None:
        while self.pending and len(self.running) < self.limit:
            code = self.pending.pop(0)
            self.running[code] = start(self.name, self.root, self.out / code, self.environ, code)

    def finish(self) -> None:
        """Wait for every run; report every language that failed (each run names its file:line problems)."""
        failures = []
        while self.running:
            code, proc = next(iter(self.running.items()))
            try:
                finish(self.name, proc)
            except BuildFailed as exc:
                failures.append(str(exc) if code == DEFAULT_LANGUAGE or not failures else f"[{code}] {exc}")
                self.pending.clear()  # the build has failed: start nothing more
            del self.running[code]
            self._fill()
        if failures:
            raise BuildFailed("\n".join(dict.fromkeys(failures)))
