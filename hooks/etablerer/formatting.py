"""Numbers, amounts and dates written the bokmål way."""

from __future__ import annotations

from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
          "august", "september", "oktober", "november", "desember")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def group(number: int) -> str:
    """49956 → '49 956' with a no-break space between groups of three."""
    sign = "−" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", NBSP)


def kroner(amount: Decimal) -> str:
    """kr 124 890 for whole kroner, kr 2,50 where there are øre."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(amount)
    ore = int((amount - whole) * 100)
    text = group(whole) if ore == 0 else f"{group(whole)},{ore:02d}"
    return f"kr{NBSP}{text}"


def price(amount: Decimal) -> str:
    return "Gratis" if amount == 0 else kroner(amount)


def long_date(day: date) -> str:
    """2027-03-15 → '15. mars 2027'."""
    return f"{day.day}.{NBSP}{MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def clock(moment: time) -> str:
    return moment.strftime("%H:%M")
