"""What the theme shows around every page: banner, language switcher, notes, required logos, footer.

Rendered here with autoescape, in the page's language, so the theme override
only places finished, escaped HTML (Material's own templates do not autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from markupsafe import Markup

from etablerer.facts.sample import has_sample
from etablerer.inputs.addresses import CATALOGUE, course_src, relative
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.servicedata import ServiceData
from etablerer.render.environment import Localised, render
from etablerer.view.siteview import SiteView


@dataclass(frozen=True)
class Chrome:
    """Finished HTML for one page, given the relative path to the root of its language."""

    banner: Markup | None
    noindex: bool
    footer: Markup
    strings: dict[str, str]  # interface strings for the theme's own buttons (menu, search)
    # Pages the theme links to itself (the 404 page): name → (URL from the page, hreflang). A page
    # without a translation in this language is the bokmål one, marked hreflang="nb"; else "".
    links: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Interface strings with plural forms (search's "22 treff"): key → CLDR form → text, for the
    # theme's scripts, which pick the form with the browser's Intl.PluralRules.
    plurals: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Alternate:
    """The page in one of the site's languages, or that language's front page."""

    code: str
    name: str
    direction: str
    href: str  # relative, for the switcher
    url: str  # absolute, for the hreflang alternates in sitemap.xml
    translated: bool  # False: the page has no translation; href leads to that language's front page
    current: bool


@dataclass(frozen=True)
class PageLanguages:
    """Per page: the switcher and the notes about translation."""

    switcher: Markup
    notes: Markup


class ChromeRenderer:
    def __init__(self, view: SiteView):
        self.view = view
        self.chrome = lru_cache(maxsize=None)(self._chrome)
        self._courses_by_src = {course_src(c): c for c in view.data.courses}  # one lookup per page

    def _localised(self) -> Localised:
        return Localised(self.view.lang, self.view.strings)

    def _render(self, template: str, **context) -> Markup:
        return Markup(render(template, localised=self._localised(), **context))

    def banner(self) -> Markup | None:
        return self._render("chrome/banner.html") if self.view.is_sample else None

    def responsible(self, root: str) -> Markup:
        view = self.view
        municipalities = view.responsible_municipalities
        return self._render(
            "chrome/responsible.html",
            root=root,
            responsible=view.responsible,
            municipalities=municipalities,
            host_municipality=view.data.municipality(view.agreement.host_municipality),
        )

    def _chrome(self, root: str) -> Chrome:
        view = self.view
        site_root = copy_root(root, view.language.prefix)
        pages = {name: (site_root + view.copy_url(view.page_lang(src), src),
                        "" if view.page_lang(src) == view.lang else view.page_lang(src))
                 for name, src in (("accessibility", "tilgjengelighet.md"), ("contact", "kontakt.md"),
                                   ("guidance", "veiledning.md"), ("courses", CATALOGUE))}
        links = {name: url for name, (url, _) in pages.items()}
        footer = self._render("chrome/footer.html", root=root, links=links, responsible=self.responsible(root),
                              host=view.host, region=view.data.region, today=view.today)
        return Chrome(self.banner(), view.is_sample, footer, view.strings, pages, view.plurals)

    def alternates(self, src: str) -> list[Alternate]:
        view = self.view
        here = view.copy_url(view.lang, src if src.endswith(".md") else "index.md")
        out = []
        for language in view.data.language_files.languages:
            translated = view.has_page(language.code, src)
            target = view.copy_url(language.code, src if translated else "index.md")
            href = relative_url(here, target)
            out.append(Alternate(language.code, language.own_name, language.direction, href,
                                 view.host.base_url + target, translated, language.code == view.lang))
        return out

    def not_found_languages(self, language_root: str) -> PageLanguages:
        """The 404 page: served at any address, so the switcher leads to each language's
        front page by the copy's root path (made absolute in each copy)."""
        view = self.view
        root = copy_root(language_root, view.language.prefix)
        alternates = [Alternate(lang.code, lang.own_name, lang.direction, root + lang.prefix,
                                view.host.base_url + lang.prefix, True, lang.code == view.lang)
                      for lang in view.data.language_files.languages]
        return PageLanguages(self._render("chrome/languages.html", alternates=alternates), Markup(""))

    def title_lang(self, src: str) -> str | None:
        """The language of a page's title when it is not the page's: a course title without translation."""
        view = self.view
        course = self._courses_by_src.get(src)
        if course is None or view.lang == DEFAULT_LANGUAGE or course.title.in_language(view.lang) is not None:
            return None
        return DEFAULT_LANGUAGE

    def page_languages(self, src: str, meta: dict, usage=None) -> PageLanguages:
        """The switcher of page `src`, and a note when its text is not
        (all) translated or not reviewed: readers are never left to guess."""
        view = self.view
        alternates = self.alternates(src)
        switcher = self._render("chrome/languages.html", alternates=alternates)
        notes = Markup("")
        if view.lang != DEFAULT_LANGUAGE:
            drafted = (meta.get("review", "drafted") != "reviewed" or (usage is not None and usage.drafted)
                       or view.data.language_files.interface_review.get(view.lang) != "reviewed")
            untranslated = usage is not None and usage.untranslated > 0
            original = next(a for a in alternates if a.code == DEFAULT_LANGUAGE)
            notes = self._render("chrome/translation_note.html", drafted=drafted, untranslated=untranslated,
                                 original=original)
        return PageLanguages(switcher, notes)

    def sitemap_alternates(self, src: str) -> list[Alternate]:
        """hreflang alternates of a page, for the language's sitemap.xml (hooks/generator_adapter/theme/sitemap.xml).
        Not in <head>: Material's script fetches a sitemap.xml beside every <link rel="alternate">
        and takes over clicks on links below it, which broke the language switcher."""
        translated = [a for a in self.alternates(src) if a.translated]
        return translated if len(translated) > 1 else []  # the languages the page exists in, if more than one


def copy_root(language_root: str, prefix: str) -> str:
    """From the root of a language's pages to the root of the copy: '' → '../', '../' → '../../'
    (the 404 page's '/base/en/../' is written plainly by the adapter, generator_adapter/event_pages.py)."""
    return language_root + "../" * prefix.count("/")


def relative_url(from_url: str, to_url: str) -> str:
    """Relative URL between two paths of a copy ('en/kurs/' → 'kurs/')."""
    return relative(from_url + "index.md" if from_url.endswith("/") or not from_url else from_url, to_url)


def landing_page(data: ServiceData, today: date) -> str:
    """site/index.html: lists the copies; belongs to no copy (bokmål)."""
    sample = has_sample(data)
    localised = Localised(DEFAULT_LANGUAGE, data.language_files.interface[DEFAULT_LANGUAGE])
    banner = Markup(render("chrome/banner.html", localised=localised)) if sample else None
    return render("chrome/landing.html", localised=localised, region=data.region,
                  municipalities=data.municipalities, is_sample=sample, banner=banner, today=today)



def preview_problems(errors) -> Markup:
    """The notice `make serve` puts at the top of every page while the files have errors
    (DataError objects: file, line, field, message); the pages behind it are the last valid ones."""
    errors = list(errors)
    return Markup(render("chrome/preview_problems.html", errors=errors, count=len(errors)))
