"""Plain language (klarspråk): the readability index LIX of every bokmål page and data text.

Språklova § 9 asks public bodies for clear language. LIX (Björnsson) is the index
Norwegian tools use:

    LIX = words / sentences + 100 × long words / words      (a long word has more than 6 letters)

Rough bands: under 30 very easy, 30–40 easy, 40–50 medium (a newspaper), 50–60 hard,
over 60 very hard. Digdir withdrew its own calculator because people trusted the number
too much, so the report uses it as a pointer: it quotes the longest and the hardest
sentences, which is where an editor should look.

Why a function of our own and not PyPI `textstat` (its `lix()`): textstat's sentence
counter silently drops every sentence of two words or fewer ("Ring oss.", "Det er
gratis." counts, "Ring oss." does not), which raises the words per sentence of exactly
the short, plain sentences this index should reward; it knows neither Norwegian
abbreviations nor that a Markdown list item or heading ends a sentence; and it pulls in
nltk. What we count is written down here and tested (tests/reports/test_readability.py).

What a word is
    A run of letters (any Unicode letter: æ, ø, å, é, ü …). A hyphen or an apostrophe
    between letters keeps the run together, so a hyphenated compound ("e-post",
    "iCalendar-fil") is one word, and so is an abbreviation with inner points ("f.eks.",
    "bl.a."). Its length is its number of letters; hyphens and points do not count
    ("e-post" has 5 letters, so it is not long).
    A number is one word, never a long one: "124 890" and "+47 69 24 50 00" (grouped by
    spaces), "2,50", "18.00", "09:00–15:00" and "2026-11-27" each count once. A reader
    takes a figure in as one item; leaving figures out would make a sentence full of
    them look shorter than it reads, and splitting "124 890" at its space would count
    one figure twice. An e-mail or web address is likewise one word, never long: it is
    copied, not read.
    Anything else (punctuation, symbols, emoji) is not a word.

What ends a sentence
    A line break: the plain text of a page (plain_text below) puts every heading, list
    item, paragraph, table cell and line of an address on a line of its own, and each
    of them ends a sentence, with or without a full stop (a heading is a sentence).
    Within a line, ". ! ? :" (maybe followed by a closing quote or bracket) ends a
    sentence when whitespace follows and then the next sentence starts: a capital
    letter, or after . ! ? also a digit or an opening quote. So "f.eks. en bedrift",
    "1. januar" and "Telefon: 69 …" go on. A known abbreviation ("f.eks.", "bl.a.",
    "kl.", "ca.", "nr.", "osv." …, and any "x.y." with short parts) never ends a sentence
    inside a line, even before a capital ("kl. 18.00", "bl.a. Moss"); at the end of a
    line it does, as every line end does.
    A "sentence" with no word in it (a line holding only "–") is not counted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from etablerer.inputs.addresses import COVERAGE_SRC, REDIRECT_TEMPLATE
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE, LocalText
from etablerer.inputs.languages import LANGUAGES_DIR
from etablerer.inputs.messages import N_, _
from etablerer.render.pages import GeneratedPage, generated_pages
from etablerer.view.pagespecs import page_specs
from etablerer.view.siteview import SiteView

LIX_TARGET = 40  # the pages a citizen needs most should be easy (30–40) or very easy
LONG_WORD_LETTERS = 6  # a long word has more than this many letters
LONG_SENTENCE_WORDS = 25  # sentences longer than this are quoted in the report
VERY_LONG_SENTENCE_WORDS = 40  # … and longer than this, on any page or data text, are a health finding
HARDEST_SHOWN = 3  # the sentences with the highest score, quoted per page
HARDEST_MIN_WORDS = 6  # shorter ones (headings, labels: "Påmelding") are no hard passage
QUOTE_CHARS = 160  # quotes are shortened to about this length

BANDS = ((30, N_("very easy")), (40, N_("easy")), (50, N_("medium")), (60, N_("hard")))
VERY_HARD = N_("very hard")


def band(value: float) -> str:
    """The band of a LIX value in words, in the editors' language."""
    name = next((name for limit, name in BANDS if value < limit), VERY_HARD)
    return _(name)


# --- counting ----------------------------------------------------------------------

_LETTERS = r"[^\W\d_]"
# A number: digits, groups of three after a (narrow, no-break) space, decimals or a time after , . :
# and a range or date after a hyphen or dash.
_NUMBER = r"\+?\d+(?:[ \u00a0\u202f]\d{2,3}(?!\d))*(?:[.,:\-–]\d+)*"
_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>\"»”)]*[^\s<>\"»”).,:;!?]"
_WORD = rf"{_LETTERS}+(?:[-'’.]{_LETTERS}+)*\.?"
_TOKEN = re.compile(rf"{_ADDRESS}|{_NUMBER}|{_WORD}")
_NOT_LONG = re.compile(rf"^(?:{_ADDRESS}|{_NUMBER})$")

# Abbreviations that do not end a sentence (lower case, with their final point).
ABBREVIATIONS = frozenset({
    "f.eks.", "bl.a.", "kl.", "ca.", "nr.", "osv.", "mv.", "m.m.", "dvs.", "evt.", "ev.", "inkl.", "ekskl.",
    "jf.", "jfr.", "pga.", "tlf.", "t.o.m.", "f.o.m.", "o.l.", "mht.", "ifm.", "iht.", "vedr.", "bl.", "adr.",
    "avd.", "st.", "hhv.", "etc.", "e.l.", "mfl.", "m.fl.", "o.a.", "a.s.", "nb.", "obs.", "pr.", "ref.", "s.",
})
_DOTTED = re.compile(rf"^(?:{_LETTERS}{{1,4}}\.){{2,}}$")  # "x.y.", "t.o.m.": an abbreviation
# A candidate sentence end: the mark(s), maybe a closing quote or bracket, whitespace.
_END = re.compile(r"([.!?:]+)[\"'»”’)\]]*\s+")
_OPENING = "\"'«“‘(["


def words(text: str) -> list[str]:
    """The words of a text (see the module docstring); a trailing abbreviation point is kept."""
    return [m[0] for m in _TOKEN.finditer(text)]


def letters(word: str) -> int:
    return sum(ch.isalpha() for ch in word)


def is_long(word: str) -> bool:
    return letters(word) > LONG_WORD_LETTERS and not _NOT_LONG.match(word)


def _is_abbreviation(before: str) -> bool:
    token = before.rsplit(None, 1)[-1].lstrip(_OPENING).lower() if before.strip() else ""
    return token in ABBREVIATIONS or bool(_DOTTED.match(token))


def sentences(text: str) -> list[str]:
    """The sentences of a plain text (see the module docstring), each stripped; none without a word."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _END.finditer(line):
            mark, nxt = m[1], line[m.end():m.end() + 1]
            if not nxt:
                continue  # the line end ends it anyway
            if mark.endswith(":"):
                ends = nxt.isupper()
            else:
                ends = nxt.isupper() or nxt.isdigit() or nxt in _OPENING
                if ends and mark == "." and _is_abbreviation(line[start:m.start(1) + 1]):
                    ends = False
            if ends:
                out.append(line[start:m.end()].strip())
                start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if _TOKEN.search(s)]


@dataclass(frozen=True)
class Lix:
    """The counts behind LIX and the index itself."""

    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        """LIX; 0 for a text without words."""
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        """Long words as a percentage of all words."""
        return 100 * self.long_words / self.words if self.words else 0.0


def lix(text: str) -> Lix:
    """The LIX counts of a plain text (lines as plain_text gives them)."""
    found = [words(s) for s in sentences(text)]
    return Lix(sum(map(len, found)), len(found), sum(is_long(w) for ws in found for w in ws))


# --- pages to plain text -----------------------------------------------------------

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main",
    "nav", "ol", "option", "p", "section", "summary", "table", "td", "th", "tr", "ul", "label", "button",
    "fieldset", "select",
})
_SKIPPED = frozenset({"script", "style", "pre", "template", "svg", "noscript", "head", "title"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag == "br" or tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "img" and not self.skipping:
            pass  # alt texts name logos and pictures: not prose

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" or tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag in self.skipping:
                while self.skipping.pop() != tag:
                    pass
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.splitlines()))  # a wrapped line is no break: only blocks are


def html_text(markup: str) -> str:
    """The text of HTML, one block (paragraph, list item, heading, cell, line) per line."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def markdown_html(source: str) -> str:
    """Markdown as the site renders it (the extensions of mkdocs.yml that shape text)."""
    import markdown  # only when a report is made

    return markdown.markdown(source, extensions=["attr_list", "md_in_html", "tables", "admonition"])


def plain_text(source: str) -> str:
    """A page's Markdown (with its HTML blocks) as plain text: headings, list items, paragraphs, table
    cells each on a line; links by their text; attribute lists `{ #id }`, code blocks and scripts left out."""
    return html_text(markdown_html(source))


# --- what the report shows -----------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    long_words: int

    @property
    def score(self) -> float:
        """The sentence's own LIX (its length + its share of long words): how hard it is."""
        return self.words + 100 * self.long_words / self.words if self.words else 0.0

    @property
    def quote(self) -> str:
        return shorten(self.text)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + " …"


@dataclass(frozen=True)
class Measured:
    """One page or data text: where it is, its LIX and the sentences worth a look."""

    name: str  # the page (src_uri) or data text (file:line field)
    where: str  # the file that holds its wording (file:line)
    counts: Lix
    long_sentences: tuple[Sentence, ...]  # over LONG_SENTENCE_WORDS words, longest first
    hardest: tuple[Sentence, ...]  # the HARDEST_SHOWN highest scores
    target: int | None = None  # LIX_TARGET for the pages a citizen needs most
    text: str = field(default="", repr=False, compare=False)

    @property
    def lix(self) -> float:
        return self.counts.value

    @property
    def over_target(self) -> bool:
        return self.target is not None and self.lix > self.target

    @property
    def band(self) -> str:
        return band(self.lix)


def measure(name: str, where: str, text: str, target: int | None = None) -> Measured:
    """A plain text measured."""
    found = [Sentence(s, len(ws), sum(map(is_long, ws))) for s in sentences(text) for ws in [words(s)]]
    counts = Lix(sum(s.words for s in found), len(found), sum(s.long_words for s in found))
    long = sorted((s for s in found if s.words > LONG_SENTENCE_WORDS), key=lambda s: -s.words)
    hardest = sorted((s for s in found if s.words >= HARDEST_MIN_WORDS), key=lambda s: -s.score)[:HARDEST_SHOWN]
    return Measured(name, where, counts, tuple(long), tuple(hardest), target, text)


def template_line(template_text: str, sentence: str) -> int:
    """The line of a page template where a sentence's wording starts (1 when it comes from data)."""
    first = " ".join(words(sentence)[:4])
    if first:
        for number, line in enumerate(template_text.splitlines(), 1):
            if first in " ".join(words(html.unescape(line))):
                return number
    return 1


def data_texts(records: Iterable[object]) -> Iterator[tuple[object, tuple[str | int, ...], str]]:
    """(record, field path, bokmål text) of every data text that holds a sentence (names and titles,
    which hold none, are left out), walking nested records and lists."""
    from pydantic import BaseModel

    def walk(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if isinstance(value, LocalText):
            if re.search(r"[.!?:]", str(value)) and len(words(str(value))) > 3:
                yield path, str(value)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                yield from walk(item, (*path, i))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), (*path, name))

    for record in records:
        for path, text in walk(record, ()):
            yield record, path, text


def shown(text: str, page_texts: Iterable[str]) -> bool:
    """Whether a data text is on one of the pages (as plain text, Markdown in it rendered: each of its
    lines on a page)."""
    lines = plain_text(text).splitlines()
    return bool(lines) and any(all(line in page for line in lines) for page in page_texts)


# --- the site --------------------------------------------------------------------------

# The pages a citizen needs most (front, start here, courses, guidance, contact): LIX ≤ LIX_TARGET.
TARGET_PAGES = ("index.md", "start-her.md", "kurs/index.md", "veiledning.md", "kontakt.md")
COVERAGE_TEMPLATE_FILE = "hooks/etablerer/render/templates/pages/coverage.md"


@dataclass(frozen=True)
class Readability:
    pages: tuple[Measured, ...]  # every bokmål page, in site order (the target pages first)
    texts: tuple[Measured, ...]  # every bokmål data text that a page shows, hardest first

    @property
    def over_target(self) -> tuple[Measured, ...]:
        return tuple(p for p in self.pages if p.over_target)


def readability(view: SiteView, pages: Sequence[GeneratedPage] | None = None) -> Readability:
    """Every bokmål page (the generated ones as the build renders them, with the coverage page, and the
    editors' pages in content/) and every bokmål data text they show, measured. `pages`: the bokmål
    generated pages, if the caller has rendered them."""
    from etablerer.reports.coverage import content_pages, language_codes
    from etablerer.reports.coveragepage import with_coverage_page

    nb = view if view.lang == DEFAULT_LANGUAGE else view.in_language(DEFAULT_LANGUAGE)
    if pages is None:
        pages = generated_pages(nb)
    if not any(p.src_uri == COVERAGE_SRC for p in pages):
        try:
            pages = with_coverage_page(nb, list(pages))
        except DataErrors:
            pass  # an item no page presents: validation reports it; measure the other pages
    files = view.data.language_files
    templates = {spec.src_uri: spec.template for spec in page_specs(view.data, nb.course_filters)}
    measured: list[Measured] = []
    texts: dict[str, str] = {}
    for page in pages:
        name = templates.get(page.src_uri)
        if name == REDIRECT_TEMPLATE:
            continue  # "this course has moved": no prose
        text = plain_text(page.markdown)
        texts[page.src_uri] = text
        target = LIX_TARGET if page.src_uri in TARGET_PAGES else None
        if name is None:
            where, source = COVERAGE_TEMPLATE_FILE, ""
        else:
            template = files.pages[DEFAULT_LANGUAGE][name].template
            where = f"{LANGUAGES_DIR}/{template}"
            source = _read(files.base / template) if files.base else ""
        m = measure(page.src_uri, where, text, target)
        line = template_line(source, m.hardest[0].text) if m.hardest and source else 1
        measured.append(replace(m, where=f"{where}:{line}"))
    for src, source in content_pages(view.data.content_dir, language_codes(view)).items():
        text = plain_text(source)
        texts[src] = text
        measured.append(measure(src, f"content/{src}:1", text, LIX_TARGET if src in TARGET_PAGES else None))
    order = {src: i for i, src in enumerate(TARGET_PAGES)}
    measured.sort(key=lambda m: order.get(m.name, len(order)))  # stable: site order after the targets
    shown_texts = []
    page_texts = list(texts.values())
    for record, path, text in data_texts(_records(view.data)):
        if not shown(text, page_texts):
            continue
        located = view.data.where(record)
        full = located.path + path
        name = ".".join(str(p) for p in path)
        shown_texts.append(measure(name, f"{located.doc.path}:{located.doc.line_of(full)}", plain_text(text)))
    shown_texts.sort(key=lambda m: -m.lix)
    return Readability(tuple(measured), tuple(shown_texts))


def _read(file) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _records(data) -> Iterator[object]:
    """Every top-level record of the data that data.where() knows (the walk finds what is inside)."""
    seen: set[int] = set()
    for value in vars(data).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if id(item) in data.locations and id(item) not in seen:
                seen.add(id(item))
                yield item


def summary_line(lix: Readability) -> str:
    """One line for `make check`: the LIX of the pages a citizen needs most."""
    targets = [p for p in lix.pages if p.target is not None]
    over = _(" (over)")
    listed = ", ".join(f"{p.name} {p.lix:.0f}{over if p.over_target else ''}" for p in targets)
    return _("Plain language: LIX {listed} (target at most {target}); every page and data text "
             "is in the health report (make site: site/_report/).").format(listed=listed, target=LIX_TARGET)
