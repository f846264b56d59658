"""The Jinja environment for our templates: autoescape on, StrictUndefined."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import formatting

TEMPLATES = Path(__file__).parent / "templates"

# Characters Python-Markdown would treat as syntax inside a heading or inline text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>])")


def md_inline(value: object) -> Markup:
    """Data text placed in Markdown (headings): HTML-escaped and Markdown-inert."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(value))))


@cache
def language_name(code: str) -> str:
    """'uk' → 'ukrainsk': the language's name in bokmål, from CLDR via Babel."""
    return Locale("nb").languages.get(code, code)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html", "md", "j2", "xml"), default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md_inline,
        kroner=formatting.kroner,
        price=formatting.price,
        group=formatting.group,
        long_date=formatting.long_date,
        weekday_date=formatting.weekday_date,
        clock=formatting.clock,
        language_name=language_name,
    )
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
