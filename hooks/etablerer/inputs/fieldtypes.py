"""Value types of data/ fields, each parsed from what an editor writes.

Dates and times arrive as strings (see yamlsource.py) and are parsed here, so a
wrong value gets a message that says what to write instead.
"""

from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from etablerer.inputs.messages import N_, _
from etablerer.inputs.plaintext import text_problems

LINK_SCHEMES = ("https", "http", "mailto", "tel")
MAX_NOK = Decimal(100_000_000)  # guards Decimal arithmetic against absurd values


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def parse_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise _fail("date_format", _("'{value}' is not a date; write it as YYYY-MM-DD, for example 2027-03-15")
                    .format(value=value))
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _fail("date_impossible", _("{value} is not a real date (check the day and month)")
                    .format(value=value.strip())) from None


def parse_time(value: object) -> time:
    if isinstance(value, time):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
    if not match:
        raise _fail("time_format", _("'{value}' is not a time of day; write it as HH:MM, for example 18:00")
                    .format(value=value))
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise _fail("time_impossible", _("{value} is not a real time of day (00:00 to 23:59)").format(value=text))
    return time(hour, minute)


def parse_nok(value: object) -> Decimal:
    """Kroner as Decimal; never a float, never a yes/no."""
    not_kroner = _("'{value}' is not an amount in kroner; write a number such as 450 or 2.50")
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise _fail("nok_type", not_kroner.format(value=value))
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _fail("nok_type", not_kroner.format(value=value)) from None
    if not amount.is_finite():
        raise _fail("nok_type", _("'{value}' is not an amount in kroner").format(value=value))
    if amount < 0:
        raise _fail("nok_negative", _("{value} is negative; an amount is 0 or more").format(value=value))
    if amount > MAX_NOK:
        raise _fail("nok_large", _("{value} is larger than any amount on this site (at most {most} kroner)")
                    .format(value=str(value)[:30], most=MAX_NOK))
    if amount != amount.quantize(Decimal("0.01")):
        raise _fail("nok_ore", _("{value} has more than two decimals; kroner have at most øre (0.01)")
                    .format(value=value))
    return amount


def parse_link(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail("link_type", _("a link is needed here, for example https://www.nav.no/"))
    text = value.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise _fail("link_space", _("'{value}' contains spaces or invisible characters; a link has none")
                    .format(value=text))
    scheme = urlsplit(text).scheme.lower()
    if scheme not in LINK_SCHEMES:
        raise _fail("link_scheme", _("'{value}' is not an allowed link; use https://…, http://…, mailto:… or tel:…")
                    .format(value=text[:60]))
    if scheme in ("http", "https") and not urlsplit(text).netloc:
        raise _fail("link_host", _("'{value}' has no host name; write the whole address, for example "
                                   "https://www.nav.no/").format(value=text))
    return text


def parse_base_url(value: object) -> str:
    text = parse_link(value)
    if urlsplit(text).scheme != "https" or not text.endswith("/"):
        raise _fail("base_url", _("'{value}' must start with https:// and end with /").format(value=text))
    return text


def parse_language(value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}", value.strip()):
        raise _fail("language", _("'{value}' is not a language code; write a code such as nb, en, uk, pl or ar")
                    .format(value=value))
    try:
        Locale.parse(value.strip())
    except (UnknownLocaleError, ValueError):
        raise _fail("language", _("'{value}' is not a known language code; write a code such as nb, en, uk, pl "
                                  "or ar").format(value=value)) from None
    return value.strip()


def _strict_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _fail("flag_type", _("'{value}' is not true or false; write true or false (not yes/no)").format(value=value))


# What editors' tools check while typing (schema.py). Patterns are ECMA-262
# (JavaScript) regexes, as JSON Schema requires: no inline flags such as (?i).
_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"}
_TIME_SCHEMA = {"type": "string", "pattern": r"^\s*([01]?[0-9]|2[0-3])[:.][0-5][0-9]\s*$"}
_NOK_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0},
                         {"type": "string", "pattern": r"^\s*[0-9]+([.,][0-9]{1,2})?\s*$"}]}
_LINK_SCHEMA = {"type": "string",
                "pattern": r"^\s*([hH][tT][tT][pP][sS]?://[^\s/?#]+[^\s]*|[mM][aA][iI][lL][tT][oO]:[^\s]+|[tT][eE][lL]:[^\s]+)\s*$"}

YamlDate = Annotated[date, BeforeValidator(parse_date), WithJsonSchema(_DATE_SCHEMA)]
YamlTime = Annotated[time, BeforeValidator(parse_time), WithJsonSchema(_TIME_SCHEMA)]
Nok = Annotated[Decimal, BeforeValidator(parse_nok), WithJsonSchema(_NOK_SCHEMA)]
Link = Annotated[str, BeforeValidator(parse_link), WithJsonSchema(_LINK_SCHEMA)]
BaseUrl = Annotated[str, BeforeValidator(parse_base_url), WithJsonSchema({"type": "string", "pattern": "^https://.*/$"})]
Language = Annotated[str, BeforeValidator(parse_language),
                     WithJsonSchema({"type": "string", "pattern": "^[a-z]{2,3}$"})]
Flag = Annotated[bool, BeforeValidator(_strict_bool), WithJsonSchema({"type": "boolean"})]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Count = Annotated[int, Field(strict=True, ge=0)]


# --- text in several languages ----------------------------------------------

DEFAULT_LANGUAGE = "nb"
REVIEW_STATES = ("drafted", "reviewed")


class LocalText(str):
    """A text field: its str value is the bokmål text (authoritative); translations beside it.

    Editors write either plain text (bokmål only) or {nb: …, en: …}. The review
    status of each translation comes from the record's `review:` field (set by
    model.Record after validation); a translation without one counts as drafted.
    """

    translations: dict[str, str]
    review: dict[str, str]

    def __new__(cls, nb: str, translations: dict[str, str] | None = None) -> LocalText:
        text = super().__new__(cls, nb)
        text.translations = dict(translations or {})
        text.review = {}
        return text

    def __reduce__(self):  # keep translations through copy/pickle
        return (LocalText, (str(self), self.translations))

    def in_language(self, lang: str) -> str | None:
        """The text in `lang`, or None when it has no translation there."""
        return str(self) if lang == DEFAULT_LANGUAGE else self.translations.get(lang)

    def review_of(self, lang: str) -> str:
        return "reviewed" if lang == DEFAULT_LANGUAGE else self.review.get(lang, "drafted")


def _clean_text(value: object, max_length: int) -> str:
    if value is None:
        raise _fail("text_empty", _("the text is empty; write it or leave the field out"))
    if not isinstance(value, str):
        raise _fail("text_type", _("'{value}' is not text; write the text (in quotes if it starts with a special "
                                   "character)").format(value=str(value)[:40]))
    text = value.strip()
    if not text:
        raise _fail("text_empty", _("the text is empty; write it or leave the field out"))
    if len(text) > max_length:
        raise _fail("text_long", _("the text has {count} characters; at most {most}")
                    .format(count=len(text), most=max_length))
    return plain_text(text)


def plain_text(text: str) -> str:
    """text, if it is plain text (plaintext.py); else every kind of problem in one message."""
    problems = text_problems(text)
    if problems:
        # Translators: joins the problems of one text: "problem one; also problem two".
        raise _fail("text_plain", _("; also ").join(problems))
    return text


def _local_text(max_length: int):
    def parse(value: object) -> LocalText:
        if isinstance(value, LocalText):
            return value
        if isinstance(value, dict):
            if DEFAULT_LANGUAGE not in value:
                raise _fail("text_nb", _("the bokmål text is missing; write nb: … first, then other languages "
                                         "(en: …, uk: …)"))
            texts = {}
            for code, text in value.items():
                try:
                    code = parse_language(code)
                except PydanticCustomError:
                    raise PydanticCustomError(
                        "text_language", _("'{code}' is not a language code; write nb:, en:, uk:, pl:, ar: … "
                                           "before each text"), {"field": str(code), "code": str(code)}) from None
                try:
                    texts[code] = _clean_text(text, max_length)
                except PydanticCustomError as exc:
                    # The message goes in as a value: a text quoted in it may hold {field} or {x}.
                    raise PydanticCustomError(exc.type, "{message}", {"field": code, "message": exc.message()}) \
                        from None
            return LocalText(texts.pop(DEFAULT_LANGUAGE), texts)
        return LocalText(_clean_text(value, max_length))
    return parse


def _local_text_schema(max_length: int) -> dict:
    one = {"type": "string", "minLength": 1, "maxLength": max_length}
    return {"anyOf": [one, {"type": "object", "required": [DEFAULT_LANGUAGE],
                            "patternProperties": {"^[a-z]{2,3}$": one}, "additionalProperties": False,
                            "description": N_("One text per language: nb (bokmål) first, required; then en, "
                                              "uk, pl, ar … as translated.")}]}


# Text fields readers see: bokmål, optionally with translations.
Text = Annotated[LocalText, PlainValidator(_local_text(4000)), WithJsonSchema(_local_text_schema(4000))]
ShortText = Annotated[LocalText, PlainValidator(_local_text(300)), WithJsonSchema(_local_text_schema(300))]
# Text that is the same in every language: names, phone numbers, street names.
PlainShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
                           AfterValidator(plain_text)]
ReviewState = Literal["drafted", "reviewed"]
