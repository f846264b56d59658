"""`make site`: one MkDocs build, one copy per municipality, then an atomic swap.

MkDocs runs as a command (not imported), so this module stays generator-free.
Everything is written into a temporary folder beside site/; site/ is replaced
only when all of it succeeded, so a failed build leaves the last good site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .asof import as_of_date
from .chrome import landing_page
from .copies import make_copies
from .host import Host
from .loading import ServiceData, load_data
from .sitebuild import MODE_TEMPLATE, notes
from .view import SiteView

LANDING = "index.html"


class BuildFailed(Exception):
    """MkDocs or a copy failed; the message is what to show."""


@dataclass(frozen=True)
class BuildResult:
    copies: tuple[str, ...]
    notes: tuple[str, ...]
    seconds_mkdocs: float
    seconds_copies: float


def run_mkdocs(root: Path, out: Path, environ: dict[str, str]) -> None:
    env = {**environ, "ETABLERER_MODE": MODE_TEMPLATE, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        output = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                           if line.strip() and "Traceback" not in line)
        raise BuildFailed(f"mkdocs build failed:\n{output}")


def build_site(root: Path, site: Path, environ: dict[str, str] | None = None,
               data: ServiceData | None = None) -> BuildResult:
    """Build every copy into `site`. Raises DataErrors or BuildFailed; site/ is then untouched.

    `data`: the already validated data, if the caller has it (the CLI does).
    """
    environ = dict(os.environ if environ is None else environ)
    if data is None:
        data = load_data(root / "data", root / "content", root)  # fail fast, before MkDocs starts
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        single = work / "single"
        started = time.perf_counter()
        run_mkdocs(root, single, environ)
        built = time.perf_counter()
        staged = work / "site"
        make_copies(single, staged, data.municipalities)
        today = as_of_date(environ)
        (staged / LANDING).write_text(landing_page(data, today), encoding="utf-8")
        copied = time.perf_counter()
        _swap(staged, site)
        view = SiteView(data, today, Host.of(data.municipalities[0]))
        return BuildResult(tuple(m.id for m in data.municipalities), tuple(notes(view)),
                           built - started, copied - built)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _swap(staged: Path, site: Path) -> None:
    """Replace site/ with staged/ by renames on the same file system."""
    old = None
    if site.exists():
        old = site.with_name(f".site-old-{os.getpid()}")
        site.rename(old)
    staged.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
