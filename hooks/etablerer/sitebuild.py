"""What one MkDocs run needs from the domain: URL, pages, chrome and notes.

The adapter (hooks/mkdocs_hooks.py) calls plan_build() and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .asof import as_of_date
from .chrome import ChromeRenderer
from .copies import TOKEN_HOST
from .errors import DataError, DataErrors
from .health import findings, summary
from .host import Host
from .loading import ServiceData, load_data
from .pages import GeneratedPage, extra_files, generated_pages
from .sharing import PageHeads
from .view import SiteView

# ETABLERER_MODE=template: the single build that copies.py turns into one copy
# per municipality. Otherwise (mkdocs serve, plain mkdocs build) one real copy,
# for ETABLERER_COPY or the first municipality.
MODE_TEMPLATE = "template"


@dataclass(frozen=True)
class BuildPlan:
    view: SiteView
    site_url: str
    pages: list[GeneratedPage]
    chrome: ChromeRenderer
    notes: list[str]
    files: list[tuple[str, str]]  # (path, content) of generated files that are not pages (.ics)
    heads: PageHeads  # per-page <head> additions: description, Open Graph, JSON-LD, redirects


def choose_host(data: ServiceData, environ: Mapping[str, str]) -> Host:
    if environ.get("ETABLERER_MODE") == MODE_TEMPLATE:
        return TOKEN_HOST
    slug = environ.get("ETABLERER_COPY") or data.municipalities[0].id
    known = [m.id for m in data.municipalities]
    if slug not in known:
        message = f"'{slug}' is not a municipality; use one of {', '.join(known)}"
        raise DataErrors([DataError("ETABLERER_COPY", 1, "", message)])
    return Host.of(data.municipality(slug))


def notes(view: SiteView) -> list[str]:
    """Expected conditions worth telling the editors; not failures: the content health summary."""
    return [line.removeprefix("note: ") for line in summary(findings(view))]


def plan_build(root: Path, environ: Mapping[str, str]) -> BuildPlan:
    data = load_data(root / "data", root / "content", root)
    view = SiteView(data, as_of_date(environ), choose_host(data, environ))
    return BuildPlan(view, view.host.base_url, generated_pages(view), ChromeRenderer(view), notes(view),
                     extra_files(view), PageHeads(view))
