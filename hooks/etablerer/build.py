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
from dataclasses import dataclass, replace
from pathlib import Path

from . import csp
from .asof import as_of_date
from .chrome import landing_page
from .copies import TOKEN_HOST, make_copies
from .coverage import coverage_of
from .embeds import EMBED_DIR, write_embeds
from .fieldtypes import DEFAULT_LANGUAGE
from .health import REPORT_DIR, Finding, findings, write_report
from .host import Host
from .loading import ServiceData, load_data
from .manifest import git_commit, write_manifest
from .model import Municipality
from .pages import generated_pages
from .sitebuild import LANGUAGES_ENV, MODE_TEMPLATE, with_languages
from .translations import TRANSLATIONS_REPORT, missing_translations, summary_lines
from .view import SiteView

LANDING = "index.html"


class BuildFailed(Exception):
    """MkDocs or a copy failed; the message is what to show."""


@dataclass(frozen=True)
class BuildResult:
    copies: tuple[str, ...]
    notes: tuple[Finding, ...]  # content health findings (warnings)
    report: Path  # the full health report, site/_report/index.html
    seconds_mkdocs: float
    seconds_copies: float
    translations: tuple[str, ...] = ()  # per language: what has no translation yet (the full list in the report)


def start_mkdocs(root: Path, out: Path, environ: dict[str, str], language: str = DEFAULT_LANGUAGE) -> subprocess.Popen:
    env = {**environ, "ETABLERER_MODE": MODE_TEMPLATE, "ETABLERER_LANGUAGE": language, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]
    return subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_mkdocs(proc: subprocess.Popen) -> None:
    try:
        output, _ = proc.communicate(timeout=1800)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
    if proc.returncode != 0:
        output = "\n".join(line for line in output.splitlines() if line.strip() and "Traceback" not in line)
        raise BuildFailed(f"mkdocs build failed:\n{output}")


def run_mkdocs(root: Path, out: Path, environ: dict[str, str]) -> None:
    finish_mkdocs(start_mkdocs(root, out, environ))


class _LanguageRuns:
    """The MkDocs runs of every language, at most one per core at a time (memory grows with
    the data: five big runs at once on two cores only swap)."""

    def __init__(self, root: Path, out: Path, environ: dict[str, str], codes: list[str]):
        self.root, self.out, self.environ = root, out, environ
        self.pending = list(codes)
        self.running: dict[str, subprocess.Popen] = {}
        self.limit = max(1, os.cpu_count() or 1)
        self._fill()

    def _fill(self) -> None:
        while self.pending and len(self.running) < self.limit:
            code = self.pending.pop(0)
            self.running[code] = start_mkdocs(self.root, self.out / code, self.environ, code)

    def finish(self) -> None:
        """Wait for every run; report every language that failed (each run names its file:line problems)."""
        failures = []
        while self.running:
            code, proc = next(iter(self.running.items()))
            try:
                finish_mkdocs(proc)
            except BuildFailed as exc:
                failures.append(str(exc) if code == DEFAULT_LANGUAGE or not failures else f"[{code}] {exc}")
                self.pending.clear()  # the build has failed: start nothing more
            del self.running[code]
            self._fill()
        if failures:
            raise BuildFailed("\n".join(dict.fromkeys(failures)))


def selected(data: ServiceData, only: tuple[str, ...] | None) -> tuple[Municipality, ...]:
    """The municipalities to make copies for: all, or those named by `only` (in data order)."""
    if not only:
        return data.municipalities
    known = [m.id for m in data.municipalities]
    unknown = [slug for slug in only if slug not in known]
    if unknown:
        raise BuildFailed(f"--only: {', '.join(unknown)} is not a municipality; use one of {', '.join(known)}")
    return tuple(m for m in data.municipalities if m.id in only)


def build_site(root: Path, site: Path, environ: dict[str, str] | None = None,
               data: ServiceData | None = None, only: tuple[str, ...] | None = None,
               languages: tuple[str, ...] | None = None) -> BuildResult:
    """Build every copy into `site`. Raises DataErrors or BuildFailed; site/ is then untouched.

    `data`: the already validated data, if the caller has it (the CLI does).
    `only`: slugs of the municipalities to make copies for (default: all); the
    landing page and the manifest then list only those.
    `languages`: codes of the languages to build (default: all; bokmål always).
    """
    environ = dict(os.environ if environ is None else environ)
    if data is None:
        data = load_data(root / "data", root / "content", root)  # fail fast, before MkDocs starts
    municipalities = selected(data, only)
    data = with_languages(data, languages)
    if languages:  # the MkDocs runs read data/ themselves: tell them too
        environ[LANGUAGES_ENV] = ",".join(languages)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        single = work / "single"
        staged = work / "site"
        started = time.perf_counter()
        # One MkDocs run per language, side by side (each its own process, as many at a time
        # as there are cores): bokmål at the root of the copy, every other language under its code.
        runs = _LanguageRuns(root, work / "languages", environ, [lang.code for lang in data.language_files.languages])
        try:
            # While MkDocs runs (another process, another core): the health report,
            # beside the copies (site/_report/), never inside one.
            today = as_of_date(environ)
            view = SiteView(data, today, Host.of(data.municipalities[0]))
            found = findings(view)
            report = write_report(staged, view, found, coverage_of(view, generated_pages(view)))
            missing = missing_translations(view)
            (staged / REPORT_DIR / TRANSLATIONS_REPORT).write_text(
                "".join(f"{m}\n" for m in missing) or "Everything is translated.\n", encoding="utf-8")
        finally:
            runs.finish()
        (work / "languages" / DEFAULT_LANGUAGE).rename(single)
        for lang in data.language_files.languages:
            if not lang.is_default:
                (work / "languages" / lang.code).rename(single / lang.code)
        # Embeds are rendered once, for the token host: copies.py then makes each copy's.
        write_embeds(single, SiteView(data, today, TOKEN_HOST), root / "content")
        built = time.perf_counter()
        protect = csp.enabled(environ)
        if protect:  # the MkDocs runs gave their pages the policy as they wrote them (sitebuild.finish_html)
            csp.protect_tree(single / EMBED_DIR)
        # A page's hashes are the same in every copy, except where an inline script holds a
        # copy's value (the 404 page): make_copies gives those pages each copy's own policy.
        written = make_copies(single, staged, municipalities, protect)
        landing = landing_page(replace(data, municipalities=municipalities), today)
        (staged / LANDING).write_text(csp.with_policy(landing) if protect else landing, encoding="utf-8")
        # After the copies, beside them: the manifest lists their final bytes.
        write_manifest(staged, today, git_commit(root), municipalities, written)
        copied = time.perf_counter()
        _swap(staged, site)
        codes = tuple(lang.code for lang in data.language_files.languages)
        return BuildResult(tuple(m.id for m in municipalities), tuple(found), site / report.relative_to(staged),
                           built - started, copied - built, tuple(summary_lines(missing, codes)))
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
