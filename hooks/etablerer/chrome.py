"""What the theme shows around every page: banner, required logos, footer.

Rendered here with autoescape, so the theme override only places finished,
escaped HTML (Material's own templates do not autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from markupsafe import Markup

from .loading import ServiceData
from .render import render
from .sample import has_sample
from .view import SiteView


@dataclass(frozen=True)
class Chrome:
    """Finished HTML for one page, given the relative path to the copy's root."""

    banner: Markup | None
    noindex: bool
    footer: Markup


def names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


class ChromeRenderer:
    def __init__(self, view: SiteView):
        self.view = view
        self.chrome = lru_cache(maxsize=None)(self._chrome)

    def banner(self) -> Markup | None:
        return Markup(render("chrome/banner.html")) if self.view.is_sample else None

    def responsible(self, root: str) -> Markup:
        view = self.view
        municipalities = view.responsible_municipalities
        return Markup(render(
            "chrome/responsible.html",
            root=root,
            responsible=view.responsible,
            municipalities=municipalities,
            names=names([m.name for m in municipalities]) if municipalities else "",
            host_municipality=view.data.municipality(view.agreement.host_municipality),
        ))

    def _chrome(self, root: str) -> Chrome:
        view = self.view
        footer = Markup(render("chrome/footer.html", root=root, responsible=self.responsible(root),
                               host=view.host, region=view.data.region, today=view.today))
        return Chrome(self.banner(), view.is_sample, footer)



def landing_page(data: ServiceData, today: date) -> str:
    """site/index.html: lists the copies; belongs to no copy."""
    sample = has_sample(data)
    return render("chrome/landing.html", region=data.region, municipalities=data.municipalities,
                  is_sample=sample, banner=Markup(render("chrome/banner.html")) if sample else None, today=today)
