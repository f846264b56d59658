"""What is not translated yet: every page and data text without a translation in a language.

Which pages exist in which language is view/available.py's; nothing is ever
machine-filled. The build lists every missing translation (site/_report/translations.txt).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE, LocalText
from etablerer.inputs.messages import _, ngettext
from etablerer.view.siteview import SiteView

TRANSLATIONS_REPORT = "translations.txt"  # in site/_report/, beside the health report


@dataclass(frozen=True)
class Missing:
    lang: str
    what: str  # "page" or "text"
    where: str  # the page's src_uri, or file:line field of a data text

    def __str__(self) -> str:
        if self.what == "page":
            return _("{lang}: page {where}").format(lang=self.lang, where=self.where)
        return _("{lang}: text {where}").format(lang=self.lang, where=self.where)


def missing_translations(view: SiteView) -> list[Missing]:
    """Every page and every data text that has no translation in a language of the site."""
    data = view.data
    codes = [lang.code for lang in data.language_files.languages if not lang.is_default]
    nb_pages = sorted(view.available[DEFAULT_LANGUAGE])
    out = [Missing(code, "page", src) for code in codes for src in nb_pages if not view.has_page(code, src)]
    texts = list(_texts(data))
    for code in codes:
        out += [Missing(code, "text", where) for where, text in texts if text.in_language(code) is None]
    return out


def summary_lines(missing: list[Missing], codes: tuple[str, ...]) -> list[str]:
    """One line per language: how many pages and data texts are not translated."""
    lines = []
    for code in codes:
        pages = sum(1 for m in missing if m.lang == code and m.what == "page")
        texts = sum(1 for m in missing if m.lang == code and m.what == "text")
        if pages or texts:
            lines.append(_("{code}: {pages} and {texts} in data/ have no translation "
                           "(list: site/_report/translations.txt)").format(
                code=code, pages=ngettext("{count} page", "{count} pages", pages).format(count=pages),
                texts=ngettext("{count} text", "{count} texts", texts).format(count=texts)))
    return lines


def _texts(data):
    """(file:line field, text) for every translatable text in data/."""
    for record in (data.region, *data.organisations, *data.agreements, *data.services, *data.situations,
                   *data.courses):
        yield from _walk(data, record, record, ())


def _walk(data, top, value, path):
    if isinstance(value, LocalText):
        try:
            located = data.where(top)
            yield f"{located.doc.path}:{located.doc.line_of(located.path + path)} {'.'.join(map(str, path))}", value
        except KeyError:
            yield ".".join(map(str, path)), value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(data, top, item, (*path, i))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(data, top, getattr(value, name), (*path, name))
