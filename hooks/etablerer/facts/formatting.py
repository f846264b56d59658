"""Numbers, amounts, dates and times for each language.

Bokmål follows Språkrådet's style (kr 124 890, 15. mars 2027); every other
language takes its formats from CLDR through Babel, with Latin digits so
amounts and dates stay readable next to Norwegian names.
"""

from __future__ import annotations

import re
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency

NBSP = "\u00a0"
DEFAULT = "nb"
# Which regional variant's formats a language's pages use: readers in Norway write
# English dates the British way (3 March 2027, 18:00). Languages not listed use CLDR's default.
REGION_VARIANT = {"en": "en_GB"}
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
          "august", "september", "oktober", "november", "desember")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _locale(lang: str) -> str:
    return REGION_VARIANT.get(lang, lang)


def group(number: int) -> str:
    """49956 → '49 956' with a no-break space between groups of three."""
    sign = "−" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", NBSP)


def _amount(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def kroner(amount: Decimal, lang: str = DEFAULT) -> str:
    """kr 124 890 for whole kroner, kr 2,50 where there are øre; other languages per CLDR (124,890 NOK)."""
    amount = _amount(amount)
    whole = amount == amount.to_integral_value()
    if lang != DEFAULT:
        locale = _locale(lang)
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        if whole:
            pattern = pattern.replace(".00", "")
        text = format_currency(amount, "NOK", format=pattern, locale=locale, currency_digits=False,
                               numbering_system="latn")
        # CLDR's currency spacing: a letter symbol (NOK) is kept apart from the digits.
        return re.sub(r"^([\u200f\u200e]?[A-Z]{3})(?=\d)", "\\1" + NBSP, text)
    text = group(int(amount)) if whole else f"{group(int(amount))},{int((amount - int(amount)) * 100):02d}"
    return f"kr{NBSP}{text}"


def price(amount: Decimal, lang: str = DEFAULT, free: str = "Gratis") -> str:
    return free if amount == 0 else kroner(amount, lang)


def long_date(day: date, lang: str = DEFAULT) -> str:
    """2027-03-15 → '15. mars 2027' (bokmål), 'March 15, 2027' (English)."""
    if lang != DEFAULT:
        return format_date(day, "long", locale=_locale(lang))
    return f"{day.day}.{NBSP}{MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date, lang: str = DEFAULT) -> str:
    if lang != DEFAULT:
        return format_date(day, "full", locale=_locale(lang))
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def clock(moment: time, lang: str = DEFAULT) -> str:
    if lang != DEFAULT:
        return format_time(moment, "short", locale=_locale(lang))
    return moment.strftime("%H:%M")
