"""The Jinja environment for our templates: autoescape on, StrictUndefined, one language at a time.

Templates come from two places: the package's templates/ (layout pieces shared
by every language) and the project's languages/<code>/pages/ (the wording of
each generated page, one file per language, editable by editors). Their front
matter (review status, search settings) passes through to MkDocs.

While a template renders, the language it renders in is kept in a context
variable, so filters (`tr`, dates, amounts) and the interface strings (`t.key`)
follow it, also inside imported macros.
"""

from __future__ import annotations

import re
import traceback
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup, escape

from etablerer.facts import formatting
from etablerer.facts.texts import Usage, text_in
from etablerer.inputs.errors import DataError, DataErrors
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.languages import language_name
from etablerer.inputs.messages import _

TEMPLATES = Path(__file__).parent / "templates"

# Characters Python-Markdown would treat as syntax inside a heading or inline text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>])")
_TAG = re.compile(r"(<[^>]+>)")


@dataclass
class Localised:
    """The language a render runs in."""

    lang: str = DEFAULT_LANGUAGE
    strings: dict[str, str] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)


_current: ContextVar[Localised | None] = ContextVar("etablerer_language", default=None)


def current() -> Localised:
    return _current.get() or Localised()


class Strings:
    """`t.key` in templates: the interface string in the language being rendered."""

    def __getattr__(self, key: str) -> str:
        try:
            return current().strings[key]
        except KeyError:
            lang = current().lang
            raise DataErrors([DataError(f"languages/{lang}/interface.yml", 1, key,
                                        _("a template uses this interface string, but the file has no such key; "
                                          "add it (in every language)"))]) from None

    __getitem__ = __getattr__


def tr(value: object) -> Markup:
    """A data text for HTML: in the page's language, or bokmål marked lang="nb"."""
    state = current()
    text, fallback = text_in(value, state.lang, state.usage)
    if fallback:
        return Markup('<span lang="{}">{}</span>').format(DEFAULT_LANGUAGE, text)
    return escape(text)


def tr_plain(value: object) -> str:
    """A data text for attributes and plain text: no markup, same choice of language."""
    state = current()
    return text_in(value, state.lang, state.usage)[0]


def md_inline(value: object) -> Markup:
    """Data text placed in Markdown (headings): HTML-escaped and Markdown-inert; tags from `tr` kept."""
    parts = _TAG.split(str(value if isinstance(value, Markup) else escape(value)))
    return Markup("".join(p if _TAG.fullmatch(p) else _MD_SPECIAL.sub(r"\\\1", p) for p in parts))


def fill(template: str, **values: object) -> Markup:
    """An interface string with its {placeholders} filled: the string escaped, each value escaped
    unless it is markup already (a name inside a <span>)."""
    out = escape(template)
    for key, value in values.items():
        out = out.replace("{" + key + "}", value if isinstance(value, Markup) else escape(value))
    return out


def join_names(items: list, alternative: bool = False) -> Markup:
    """Items as a list in words, in the language being rendered: 'A, B og C' (or 'A, B eller C')."""
    strings = current().strings
    parts = [item if isinstance(item, Markup) else escape(item) for item in items]
    if not parts:
        return Markup("")
    if len(parts) == 1:
        return parts[0]
    last = fill(strings.get("list_or" if alternative else "list_and", "{first} og {last}"),
                first=Markup("{first}"), last=parts[-1])
    head = parts[0]
    for part in parts[1:-1]:
        head = fill(strings.get("list_comma", "{first}, {next}"), first=head, next=part)
    return fill(last, first=head)


def no_final_stop(value: object) -> Markup:
    """A data text that ends a sentence, placed where the template ends the sentence itself."""
    text = value if isinstance(value, Markup) else escape(value)
    return Markup(re.sub(r"\.(</span>)?\s*$", r"\1", str(text)))


def _in_language(function):
    def localised(value, *args):
        return function(value, *args, lang=current().lang)
    return localised


@cache
def environment(languages_dir: Path | None = None) -> Environment:
    loaders = [FileSystemLoader(TEMPLATES)]
    if languages_dir is not None:
        loaders.insert(0, FileSystemLoader(languages_dir))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(enabled_extensions=("html", "md", "j2", "xml"), default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md_inline,
        fill=fill,
        no_final_stop=no_final_stop,
        tr=tr,
        text=tr_plain,
        kroner=_in_language(formatting.kroner),
        price=lambda amount: formatting.price(amount, current().lang, current().strings.get("free", "Gratis")),
        group=formatting.group,
        long_date=_in_language(formatting.long_date),
        weekday_date=_in_language(formatting.weekday_date),
        clock=_in_language(formatting.clock),
        language_name=lambda code: language_name(code, current().lang),
    )
    env.globals["t"] = Strings()
    env.globals["join_names"] = join_names
    return env


def template_error(exc: TemplateError, shown: str) -> DataError:
    """A template mistake (a `{{` not closed, an unknown name) as the editor's file and line."""
    line = getattr(exc, "lineno", None)
    if line is None:  # a render error: its line is in the traceback frame of the template's code
        frames = traceback.extract_tb(exc.__traceback__)
        line = next((f.lineno for f in reversed(frames) if f.filename.endswith(shown.split("/", 1)[-1])), 1)
    message = _("template error: {error}; compare with the bokmål file and keep every {{{{ … }}}} and {{% … %}} "
                "as it is there").format(error=exc.message or exc)
    return DataError(shown, line or 1, "", message)


def render(template: str, *, localised: Localised | None = None, languages_dir: Path | None = None,
           **context) -> str:
    """Render a template; with `localised`, in that language (default: bokmål, no interface strings)."""
    token = _current.set(localised or Localised())
    try:
        return environment(languages_dir).get_template(template).render(**context)
    finally:
        _current.reset(token)
