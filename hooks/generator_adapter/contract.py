"""The contract between the package and the theme overrides (theme/), written down once.

The event files put these names into the templates' context; the templates in
theme/ read them and nothing else of ours (tests/architecture/test_generator.py
checks both ways). Every value is finished, escaped HTML or plain data: Material's
templates do not autoescape.

    etablerer            chrome.Chrome: banner, footer, strings (interface words of the theme's
                         buttons), plurals (interface words with plural forms: search's count,
                         key → CLDR form → text), links (404 page), noindex; on every page and
                         the 404 page
    etablerer_languages  chrome.PageLanguages: the switcher and the missing-translation note
    etablerer_title_lang the lang attribute of a bokmål course title on another language's page
    etablerer_page       sharing.PageHead: description, Open Graph, JSON-LD, noindex, redirect
    etablerer_alternates callable src_uri → hreflang alternates, for sitemap.xml
    etablerer_in_sitemap callable src_uri → bool: not the old address of a renamed course

A menu entry of a page without a translation is a MkDocs Link with one attribute
added, `hreflang` ("nb"), read by theme/partials/nav-item.html.
"""

CHROME = "etablerer"
LANGUAGES = "etablerer_languages"
TITLE_LANG = "etablerer_title_lang"
PAGE = "etablerer_page"
ALTERNATES = "etablerer_alternates"
IN_SITEMAP = "etablerer_in_sitemap"
NAMES = (CHROME, LANGUAGES, TITLE_LANG, PAGE, ALTERNATES, IN_SITEMAP)
LINK_HREFLANG = "hreflang"
