"""What one generator run needs from the domain, as plain data: URL, language, pages, menu, chrome, notes.

The adapter (hooks/generator_adapter/) calls plan_build() and reads the plan; nothing
here knows the generator's types. One run builds one language; build.py runs one
per language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from etablerer.facts.host import Host
from etablerer.inputs.addresses import page_url
from etablerer.inputs.asof import as_of_date
from etablerer.inputs.content import editorial_pages
from etablerer.inputs.errors import DataError, DataErrors
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.loading import ServiceData, load_data
from etablerer.inputs.messages import _, ngettext
from etablerer.publish import csp
from etablerer.publish.copies import TOKEN_HOST
from etablerer.render.chrome import ChromeRenderer, PageLanguages
from etablerer.render.pages import GeneratedPage, extra_files, generated_pages
from etablerer.render.sharing import PageHeads
from etablerer.reports.coveragepage import with_coverage_page
from etablerer.reports.health import findings, summary, summary_notes
from etablerer.view.siteview import SiteView

# ETABLERER_MODE=template: the single build that copies.py turns into one copy
# per municipality. Otherwise (mkdocs serve, plain mkdocs build) one real copy,
# for ETABLERER_COPY or the first municipality. ETABLERER_LANGUAGE: the language
# of this run (default bokmål).
MODE_TEMPLATE = "template"
LANGUAGES_ENV = "ETABLERER_LANGUAGES"  # set by `make site LANGUAGES=…`: the languages built this time


@dataclass(frozen=True)
class NavEntry:
    """One menu entry: a page of this language, or a link to the bokmål page (no translation)."""

    src_uri: str
    title: str | Markup
    url: str | None = None  # set when the entry leads to the bokmål page: its URL relative to this root
    hreflang: str | None = None


@dataclass(frozen=True)
class BuildPlan:
    view: SiteView
    site_url: str
    pages: list[GeneratedPage]
    chrome: ChromeRenderer
    notes: list[str]
    files: list[tuple[str, str]]  # (path, content) of generated files that are not pages (.ics)
    heads: PageHeads  # per-page <head> additions: description, Open Graph, JSON-LD, redirects
    content: dict[str, str] = field(default_factory=dict)  # editorial src in content/ → src in this language
    protect: bool = False  # give every page its Content-Security-Policy as it is written (make site only)

    @property
    def lang(self) -> str:
        return self.view.lang

    @property
    def direction(self) -> str:
        return self.view.language.direction

    def menu(self, sources: list[str]) -> list[NavEntry]:
        """The menu of this language from the menu's page files, in order (mkdocs.yml's nav)."""
        view = self.view
        out = []
        for src in sources:
            key = "nav_" + src.removesuffix(".md").replace("/", "_")
            if view.has_page(view.lang, src):
                out.append(NavEntry(src, view.strings.get(key, src)))
            else:
                nb_title = view.data.language_files.interface[DEFAULT_LANGUAGE].get(key, src)
                title = Markup('<span lang="nb">{}</span> <span class="et-in-nb">({})</span>').format(
                    nb_title, view.strings["in_norwegian"])
                out.append(NavEntry(src, title, "../" + page_url(src), DEFAULT_LANGUAGE))
        return out

    def finish_html(self, html: str) -> str:
        """A page as written: with its policy in the build for the copies (in the preview,
        MkDocs' live reload adds an inline script the policy would block)."""
        return csp.with_policy(html) if self.protect else html

    def page_languages(self, src_uri: str, meta: Mapping) -> PageLanguages:
        usage = self._usage.get(src_uri)  # None: an editorial page
        return self.chrome.page_languages(src_uri, dict(meta), usage)

    @cached_property
    def _usage(self) -> dict:
        return {p.src_uri: p.usage for p in self.pages}


def choose_host(data: ServiceData, environ: Mapping[str, str]) -> Host:
    if environ.get("ETABLERER_MODE") == MODE_TEMPLATE:
        return TOKEN_HOST
    slug = environ.get("ETABLERER_COPY") or data.municipalities[0].id
    known = [m.id for m in data.municipalities]
    if slug not in known:
        message = _("'{slug}' is not a municipality; use one of {known}").format(slug=slug, known=", ".join(known))
        raise DataErrors([DataError("ETABLERER_COPY", 1, "", message)])
    return Host.of(data.municipality(slug))


def choose_language(data: ServiceData, environ: Mapping[str, str]) -> str:
    code = environ.get("ETABLERER_LANGUAGE") or DEFAULT_LANGUAGE
    known = [lang.code for lang in data.language_files.languages]
    if code not in known:
        message = _("'{code}' is not a language of the site; use one of {known}").format(
            code=code, known=", ".join(known))
        raise DataErrors([DataError("ETABLERER_LANGUAGE", 1, "", message)])
    return code


def with_languages(data: ServiceData, codes: tuple[str, ...] | None) -> ServiceData:
    """The data with only the languages asked for (bokmål always): a quicker build, or the benchmark's unit."""
    if not codes:
        return data
    files = data.language_files
    known = [lang.code for lang in files.languages]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise DataErrors([DataError(LANGUAGES_ENV, 1, "", ngettext(
            "{unknown} is not a language of the site; use one of {known}",
            "{unknown} are not languages of the site; use one of {known}", len(unknown)).format(
                unknown=", ".join(unknown), known=", ".join(known)))])
    kept = tuple(lang for lang in files.languages if lang.is_default or lang.code in codes)
    return replace(data, language_files=replace(files, languages=kept))


def notes(view: SiteView, pages: Sequence[GeneratedPage] | None = None) -> list[str]:
    """Expected conditions worth telling the editors; not failures: the content health summary.
    `pages`: the run's generated pages, already rendered."""
    if view.lang != DEFAULT_LANGUAGE:
        return []  # said once, by the bokmål run
    found = findings(view, pages)
    return summary_notes(found) + summary(found)[-1:]


def content_sources(view: SiteView) -> dict[str, str]:
    """Editorial pages of this language: src_uri in content/ → src_uri in this language's site.
    Pages in other languages' folders are left out of this run."""
    data = view.data
    pages = editorial_pages(data.content_dir, data.region.languages)[view.lang]  # every language's folder
    prefix = view.language.prefix
    return {prefix + src: src for src in pages}


def plan_build(root: Path, environ: Mapping[str, str]) -> BuildPlan:
    data = load_data(root / "data", root / "content", root)
    chosen = environ.get(LANGUAGES_ENV)
    data = with_languages(data, tuple(c for c in chosen.split(",") if c) if chosen else None)
    view = SiteView(data, as_of_date(environ), choose_host(data, environ), choose_language(data, environ))
    pages = with_coverage_page(view, generated_pages(view))
    return BuildPlan(view, view.host.base_url + view.language.prefix,
                     pages, ChromeRenderer(view),
                     notes(view, pages), extra_files(view), PageHeads(view), content_sources(view),
                     environ.get("ETABLERER_MODE") == MODE_TEMPLATE and csp.enabled(environ))

