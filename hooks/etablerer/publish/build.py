"""`make site`: one generator run per language, one copy per municipality, then an atomic swap.

The runs are started by the engine the caller hands in (generator_adapter/runner.py:
`mkdocs build` or `properdocs build` per language, as commands), so this module
knows no generator. Everything is written into a temporary folder beside site/;
site/ is replaced only when all of it succeeded, so a failed build leaves the last
good site/.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from etablerer.facts.host import Host
from etablerer.facts.sample import has_sample
from etablerer.inputs.asof import as_of_date
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.loading import ServiceData, load_data
from etablerer.inputs.messages import _, ngettext
from etablerer.inputs.model import Municipality
from etablerer.publish import csp
from etablerer.publish.copies import TOKEN_HOST, make_copies
from etablerer.publish.copymanifest import write_copy_manifest
from etablerer.publish.manifest import git_commit, write_manifest
from etablerer.publish.sitebuild import LANGUAGES_ENV, with_languages
from etablerer.publish.swap import swap_in
from etablerer.render.chrome import landing_page
from etablerer.render.embeds import EMBED_DIR, write_embeds
from etablerer.render.pages import generated_pages
from etablerer.reports.coverage import coverage_of
from etablerer.reports.health import REPORT_DIR, Finding, findings, write_report
from etablerer.reports.readability import readability
from etablerer.reports.translations import TRANSLATIONS_REPORT, missing_translations, summary_lines
from etablerer.view.siteview import SiteView

LANDING = "index.html"


class BuildFailed(Exception):
    """A generator run or a copy failed; the message is what to show."""


class LanguageRuns(Protocol):
    """The generator's runs of the languages, started when made; finish() waits for every one and
    raises BuildFailed naming what failed."""

    def finish(self) -> None: ...


# engine(root, out, environ, codes): start one run per language code, writing out/<code>/.
Engine = Callable[[Path, Path, dict[str, str], list[str]], LanguageRuns]


@dataclass(frozen=True)
class BuildResult:
    copies: tuple[str, ...]
    notes: tuple[Finding, ...]  # content health findings (warnings)
    report: Path  # the full health report, site/_report/index.html
    seconds_generator: float  # the generator runs of every language, side by side
    seconds_copies: float
    translations: tuple[str, ...] = ()  # per language: what has no translation yet (the full list in the report)


def selected(data: ServiceData, only: tuple[str, ...] | None) -> tuple[Municipality, ...]:
    """The municipalities to make copies for: all, or those named by `only` (in data order)."""
    if not only:
        return data.municipalities
    known = [m.id for m in data.municipalities]
    unknown = [slug for slug in only if slug not in known]
    if unknown:
        raise BuildFailed(ngettext("ONLY: {unknown} is not a municipality; use one of {known}",
                                   "ONLY: {unknown} are not municipalities; use one of {known}", len(unknown)).format(
            unknown=", ".join(unknown), known=", ".join(known)))
    return tuple(m for m in data.municipalities if m.id in only)


def build_site(root: Path, site: Path, environ: dict[str, str] | None = None,
               data: ServiceData | None = None, only: tuple[str, ...] | None = None,
               languages: tuple[str, ...] | None = None, *, engine: Engine) -> BuildResult:
    """Build every copy into `site`. Raises DataErrors or BuildFailed; site/ is then untouched.

    `data`: the already validated data, if the caller has it (the CLI does).
    `only`: slugs of the municipalities to make copies for (default: all); the
    landing page and the manifest then list only those.
    `languages`: codes of the languages to build (default: all; bokmål always).
    `engine`: starts the generator's run of each language (generator_adapter.runner.engine()).
    """
    environ = dict(os.environ if environ is None else environ)
    if data is None:
        data = load_data(root / "data", root / "content", root)  # fail fast, before the generator starts
    municipalities = selected(data, only)
    data = with_languages(data, languages)
    if languages:  # the generator runs read data/ themselves: tell them too
        environ[LANGUAGES_ENV] = ",".join(languages)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        single = work / "single"
        staged = work / "site"
        started = time.perf_counter()
        # One generator run per language, side by side (each its own process, as many at a time
        # as there are cores): bokmål at the root of the copy, every other language under its code.
        runs = engine(root, work / "languages", environ, [lang.code for lang in data.language_files.languages])
        try:
            # While the generator runs (another process, another core): the health report,
            # beside the copies (site/_report/), never inside one.
            today = as_of_date(environ)
            view = SiteView(data, today, Host.of(data.municipalities[0]))
            pages = generated_pages(view)
            lix = readability(view, pages)
            found = findings(view, lix=lix)
            report = write_report(staged, view, found, coverage_of(view, pages), lix)
            missing = missing_translations(view)
            (staged / REPORT_DIR / TRANSLATIONS_REPORT).write_text(
                "".join(f"{m}\n" for m in missing) or _("Everything is translated.") + "\n", encoding="utf-8")
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
        if protect:  # the generator runs gave their pages the policy as they wrote them (sitebuild.finish_html)
            csp.protect_tree(single / EMBED_DIR)
        # A page's hashes are the same in every copy, except where an inline script holds a
        # copy's value (the 404 page): make_copies gives those pages each copy's own policy.
        written = make_copies(single, staged, municipalities, protect)
        landing = landing_page(replace(data, municipalities=municipalities), today)
        (staged / LANDING).write_text(csp.with_policy(landing) if protect else landing, encoding="utf-8")
        # Inside each copy, after it is made: its own manifest.json (copymanifest.py), listed in
        # turn in site/manifest.json beside the copies, which lists their final bytes.
        commit, sample = git_commit(root), has_sample(data)
        for municipality in municipalities:
            digests = written[municipality.id]
            rel, data_bytes = write_copy_manifest(staged / municipality.id, municipality.id, today.isoformat(),
                                                  commit, sample, digests)
            digests[rel] = hashlib.sha256(data_bytes).hexdigest()
            written[municipality.id] = {r: digests[r] for r in sorted(digests, key=lambda r: r.split("/"))}
        write_manifest(staged, today, commit, municipalities, written)
        copied = time.perf_counter()
        swap_in(staged, site)
        codes = tuple(lang.code for lang in data.language_files.languages)
        return BuildResult(tuple(m.id for m in municipalities), tuple(found), site / report.relative_to(staged),
                           built - started, copied - built, tuple(summary_lines(missing, codes)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

