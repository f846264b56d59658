"""A name for each course that a reader can tell apart from the others.

Editors repeat titles ("Bokføring for nybegynnere" in April in Vestby, again in the autumn in
Moss). A link's name must say where it leads (WCAG 2.4.4), and calendar entries, search results
and browser tabs shown side by side must differ. So, in each language: a course whose title no
other course has keeps its title alone; otherwise its first date is added, and its place too
when another course of that title starts the same day. Every course of the data is compared,
so a course has one name on every page and in every file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from etablerer.facts.formatting import long_date
from etablerer.facts.texts import text_in
from etablerer.inputs.model import Course


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def course_suffixes(courses: Iterable[Course], lang: str, place: Callable[[Course], str]) -> dict[str, str]:
    """course id → what follows its title in `lang`: '' when the title is its own, else
    ', 14. april 2027' (or ', 14. april 2027, Moss' when the date is shared too)."""
    courses = tuple(courses)
    by_title: dict[str, list[Course]] = defaultdict(list)
    for course in courses:
        by_title[_key(text_in(course.title, lang)[0])].append(course)
    suffixes = {course.id: "" for course in courses}
    for same in by_title.values():
        if len(same) < 2:
            continue
        days = defaultdict(list)
        for course in same:
            days[course.first_day()].append(course)
        for day, on_day in days.items():
            for course in on_day:
                suffix = f", {long_date(day, lang)}"
                if len(on_day) > 1:
                    suffix += f", {place(course)}"
                suffixes[course.id] = suffix
    return suffixes
