"""What the course specs compare with, worked out from the data without the product's helpers."""

from __future__ import annotations

from datetime import date

from tests.support.expected import text_of

# Filter pages by URL, with the rule each one stands for (written out, not taken from etablerer).
FILTER_RULES = {
    "kurs/type/etablererkurs/": lambda c: c.kind == "basic",
    "kurs/type/temakurs/": lambda c: c.kind == "theme",
    "kurs/form/kurssted/": lambda c: c.format == "onsite",
    "kurs/form/nett/": lambda c: c.format == "online",
    "kurs/form/kurssted-eller-nett/": lambda c: c.format == "hybrid",
    "kurs/kommune/moss/": lambda c: c.venue is not None and c.venue.municipality == "moss",
    "kurs/kommune/vestby/": lambda c: c.venue is not None and c.venue.municipality == "vestby",
    "kurs/kommune/rade/": lambda c: c.venue is not None and c.venue.municipality == "rade",
    "kurs/kommune/valer/": lambda c: c.venue is not None and c.venue.municipality == "valer",
    "kurs/sprak/nb/": lambda c: "nb" in c.languages,
    "kurs/sprak/en/": lambda c: "en" in c.languages,
    "kurs/sprak/uk/": lambda c: "uk" in c.languages,
    "kurs/sprak/pl/": lambda c: "pl" in c.languages,
    "kurs/sprak/ar/": lambda c: "ar" in c.languages,
    "kurs/pris/gratis/": lambda c: c.price == 0,
}

RENAMED = ("prisregning-test-2027", "prising-og-budsjett-test-2027")  # (old id, course) in data/courses/


def upcoming(data, today: date):
    """Courses whose last session is today or later, by first session."""
    return sorted((c for c in data.courses if max(s.date for s in c.sessions) >= today),
                  key=lambda c: (min((s.date, s.start) for s in c.sessions), c.id))


def past_in_last_year(data, today: date):
    """Courses over within the last 12 months, most recent first."""
    year_ago = today.replace(year=today.year - 1)
    held = [c for c in data.courses if year_ago <= max(s.date for s in c.sessions) < today]
    return sorted(held, key=lambda c: (min((s.date, s.start) for s in c.sessions), c.id), reverse=True)


def course_links(soup, section_heading: str) -> list[str]:
    """The course page links listed under an h2, in order."""
    heading = next(h for h in soup.find_all("h2") if text_of(h) == section_heading)
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "ul" and "et-courses" in (sibling.get("class") or []):
            out += [li.find("p", class_="et-course__title").a["href"] for li in sibling.find_all("li", class_="et-course")]
    return out
