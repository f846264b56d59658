"""Data texts are plain text: what an editor may not have meant to write in one.

Every text field of data/ (fieldtypes.py: Text, ShortText, PlainShortText) goes
through text_problems(). The pages show a data text exactly as typed (escaped),
and embed/courses.json hands it to municipal web teams whose systems may not
escape it, so a text must hold nothing a browser would read as markup:

- HTML: anything a browser parses as a tag, end tag, comment or declaration:
  `<` then an ASCII letter (or `/` and a letter, `!`, `?`) and a closing `>`.
  `a < b`, `<3`, `<-`, `<<` and `<ø>` are text. An e-mail address or web address
  in angle brackets (`<post@example.no>`) parses as a tag too, so it is refused
  with its own advice: write it without the brackets.
- Mojibake: UTF-8 read as Windows-1252 (`Ã¸` for `ø`, `â€™` for `’`), and the
  replacement character `�`; the message names the letter that was meant.
- Control characters YAML lets through escapes in double quotes ("\\a", "\\x1b",
  "\\r"); the file itself may not hold them (yamlsource.py refuses those).
  Tab and line break are allowed: block texts (|, >) have line breaks.
- Template syntax (`{{`, `{%`, `{#`): texts are never templates.
"""

from __future__ import annotations

import os
import re
import unicodedata

from etablerer.inputs.messages import _, ngettext

# --- HTML --------------------------------------------------------------------

_TAG = re.compile(
    r"<!--.*?(?:-->|$)"              # a comment (a browser hides the rest when it is not closed)
    r"|<[!?][^>]*>"                  # <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
    r"|</?[A-Za-z][^>]*>",           # a start or end tag: <b>, </p>, <a href="…">, <br/>
    re.DOTALL)
_ADDRESS = re.compile(r"<((?:mailto:)?[^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,}|(?:https?|ftp)://[^\s<>]+)>")


def _html_problem(text: str) -> str | None:
    tags = [m for m in _TAG.finditer(text)]
    if not tags:
        return None
    first = tags[0]
    address = _ADDRESS.fullmatch(first[0])
    if address:
        return _("'{tag}' is an address in angle brackets, which a browser reads as an HTML tag; write it "
                 "without < and >: {address}").format(tag=first[0], address=address[1])
    shown = first[0] if len(first[0]) <= 60 else first[0][:57] + "…"
    shown = " ".join(shown.split())
    others = len(tags) - 1
    more = ngettext(" (and {count} more tag)", " (and {count} more tags)", others).format(count=others)
    more = more if others else ""
    if shown.startswith("<!--"):
        return _("'{shown}'{more} is an HTML comment; a data text is plain text and shown exactly as typed, so "
                 "write the words without tags (a Markdown page in content/ is the place for formatting)").format(
                 shown=shown, more=more)
    return _("'{shown}'{more} is HTML; a data text is plain text and shown exactly as typed, so write the words "
             "without tags (a Markdown page in content/ is the place for formatting)").format(shown=shown, more=more)


# --- mojibake ----------------------------------------------------------------

def _byte(ch: str) -> int | None:
    """The byte ch stands for when UTF-8 was read as Windows-1252 (or Latin-1)."""
    try:
        encoded = ch.encode("cp1252")
    except UnicodeEncodeError:
        return ord(ch) if 0x80 <= ord(ch) <= 0x9F else None  # bytes Windows-1252 leaves undefined
    return encoded[0] if len(encoded) == 1 else None


def _is_continuation(ch: str) -> bool:
    b = _byte(ch)
    return b is not None and 0x80 <= b <= 0xBF


# After Å, Ä, Ð, Ñ … these signs are ordinary punctuation more often than mojibake
# ("PÅ…", «SÅ»): only Ã, Â and â (æ ø å é, « » and the non-breaking space, curly
# quotes and dashes) are taken as mojibake when one of them follows.
_PUNCTUATION_AFTER_A_LETTER = set("…’”»«–—\u00a0")
_ALWAYS = {0xC2, 0xC3, 0xE2}
# What a mojibake sequence may stand for: Latin, Greek and Cyrillic letters, the
# Latin-1 signs (« » ° § and the non-breaking space), punctuation, € and ™. Not, say,
# the NKo letter that ß“ (German „groß“) would decode to.
_MEANT = re.compile("[\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e\u20ac\u2122]")


def _mojibake(text: str) -> list[tuple[str, str]]:
    """(as written, as meant) for every mojibake sequence in text, first occurrence order."""
    found: dict[str, str] = {}
    i = 0
    while i < len(text):
        lead = _byte(text[i])
        length = 2 if lead and 0xC2 <= lead <= 0xDF else 3 if lead and 0xE0 <= lead <= 0xEF else 0
        if length and i + length <= len(text) and all(_is_continuation(c) for c in text[i + 1:i + length]):
            written = text[i:i + length]
            try:
                meant = bytes([lead, *(_byte(c) for c in written[1:])]).decode("utf-8")
            except UnicodeDecodeError:
                meant = ""
            plausible = meant and _MEANT.match(meant) and (
                lead in _ALWAYS or written[1] not in _PUNCTUATION_AFTER_A_LETTER)
            if plausible:
                found.setdefault(written, meant)
                i += length
                continue
        if text.startswith("â€", i):  # ” is E2 80 9D; Windows-1252 has no 9D, so it is often lost
            found.setdefault("â€", "”")
            i += 2
            continue
        if text[i] == "Â" and (i + 1 == len(text) or not text[i + 1].isalpha()):
            found.setdefault("Â", "\u00a0")  # Â and a non-breaking space (C2 A0) that became a space
        elif text[i] == "\ufffd":
            found.setdefault("\ufffd", "")
        i += 1
    return list(found.items())


def _shown_meant(meant: str) -> str:
    if meant == "\u00a0":
        return _("a space")
    return meant


_MOJIBAKE_SHOWN = 3


def _mojibake_problem(text: str) -> str | None:
    pairs = _mojibake(text)
    if not pairs:
        return None
    lost = [written for written, meant in pairs if not meant]
    pairs = [(w, m) for w, m in pairs if m]
    parts = [_("{written} is probably {meant}").format(written=w.rstrip(chr(0xa0)), meant=_shown_meant(m))
             for w, m in pairs[:_MOJIBAKE_SHOWN]]
    beyond = len(pairs) - _MOJIBAKE_SHOWN
    if beyond > 0:
        parts[-1] += _(" (and {count} more)").format(count=beyond)
    if lost:
        parts.append(_("� is a character that was lost"))
    if pairs:
        letters = ", ".join(dict.fromkeys(_shown_meant(m) for _w, m in pairs[:_MOJIBAKE_SHOWN]))
        if beyond > 0:
            advice = _("write {letters} and so on instead").format(letters=letters)
        else:
            advice = _("write {letters} instead").format(letters=letters)
        if lost:
            advice += _(", and the letter that was meant where � is")
    else:
        advice = _("write the letter that was meant instead")
    return _("{found}: the text was saved or copied in the wrong encoding; {advice}").format(
        found=", ".join(parts), advice=advice)


# --- control characters -----------------------------------------------------------

_ALLOWED_CONTROLS = {"\t", "\n"}


def _control_problem(text: str) -> str | None:
    for ch in text:
        kind = unicodedata.category(ch)
        if (kind == "Cc" and ch not in _ALLOWED_CONTROLS) or kind == "Cs" or ch in "\ufeff\ufffe\uffff":
            return _("contains an invisible control character (#x{code} when shown as a code); delete it and "
                     "retype the text").format(code=f"{ord(ch):04x}")
    return None


# --- template syntax --------------------------------------------------------------

_TEMPLATE = re.compile(r"\{[{%#]")


def _template_problem(text: str) -> str | None:
    found = _TEMPLATE.search(text)
    if not found:
        return None
    return _("'{found}' is template syntax, which data texts do not use: the text is shown exactly as typed; "
             "write the words themselves instead").format(found=found[0])


# ETABLERER_PLAIN_TEXT=off lets everything through: only for the tests that check that hostile
# text is inert by escaping alone (tests/site/test_escaping.py, tests/browser/test_hostile_text.py),
# as ETABLERER_CSP=off switches off the other layer for them. Never set for editors.
SWITCH = "ETABLERER_PLAIN_TEXT"


def text_problems(text: str) -> list[str]:
    """What is wrong with text as a plain data text (empty: nothing), one message per kind."""
    if os.environ.get(SWITCH) == "off":
        return []
    problems = (_control_problem(text), _html_problem(text), _mojibake_problem(text), _template_problem(text))
    return [p for p in problems if p]
