"""Which pages exist in which language.

A page exists in a language when its template (generated pages) or its file
(editorial pages, content/<code>/…) exists in that language; nothing is ever
machine-filled.
"""

from __future__ import annotations

from etablerer.inputs.addresses import COVERAGE_SRC
from etablerer.inputs.content import editorial_pages
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.servicedata import ServiceData
from etablerer.view.pagespecs import PageSpec


def available_pages(data: ServiceData, specs: list[PageSpec]) -> dict[str, frozenset[str]]:
    """language → the src_uris of its pages: generated pages whose template it has, its editorial pages."""
    files = data.language_files
    codes = tuple(lang.code for lang in files.languages)
    editorial = editorial_pages(data.content_dir, data.region.languages)  # all folders, built or not
    out = {}
    for code in codes:
        pages = {s.src_uri for s in specs if files.has_page(code, s.template)} | set(editorial[code])
        if code == DEFAULT_LANGUAGE:
            pages.add(COVERAGE_SRC)
        out[code] = frozenset(pages)
    return out
