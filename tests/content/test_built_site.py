"""What must hold for any valid content, on the build of the live data (tests/content/conftest.py).

Each test runs one check of tests/content/checks.py on the session build and lists every
problem it finds, one per line; a problem that comes from a data record starts with its
file:line, as `make check` writes it. Browser and HTML-checker sweeps: test_every_page_*.py.
"""

from __future__ import annotations

import pytest

from . import checks

pytestmark = [pytest.mark.content, pytest.mark.build]


def no_problems(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} problem(s): {what}\n" + "\n".join(problems), pytrace=False)


@pytest.mark.slow
def test_links_and_anchors_resolve_in_every_copy(content_site):
    no_problems(checks.link_problems(content_site), "links or anchors that lead nowhere")


def test_the_copies_are_identical_outside_the_declared_differences(content_site):
    no_problems(checks.copy_problems(content_site), "copies that differ outside etablerer.copies.DIFFERENCES")


@pytest.mark.slow
def test_every_page_shows_the_logos_and_mentions_the_agreement_requires(content_site):
    no_problems(checks.responsible_problems(content_site), "the visibility rule of the agreement is not met")


def test_the_funding_table_is_population_times_rate(content_site):
    no_problems(checks.funding_problems(content_site), "the funding table does not follow from the data")


def test_every_page_has_a_strict_policy_matching_its_inline_code(content_site):
    no_problems(checks.csp_problems(content_site), "Content-Security-Policy")


def test_nothing_is_requested_from_another_host(content_site):
    no_problems(checks.third_party_problems(content_site), "requests to other hosts")


def test_each_languages_sitemaps_list_exactly_the_indexable_pages(content_site):
    no_problems(checks.sitemap_problems(content_site), "sitemaps")


def test_every_course_has_its_page_calendar_file_and_structured_data(content_site):
    no_problems(checks.course_problems(content_site), "courses")


def test_json_ld_feed_and_sitemaps_are_valid_for_independent_readers(content_site):
    no_problems(checks.machine_readable_problems(content_site), "JSON-LD, courses.json or sitemaps")


def test_text_that_heads_a_group_is_a_heading_and_no_level_is_skipped(content_site):
    no_problems(checks.heading_problems(content_site), "headings")


def test_static_problems_runs_every_check_above():
    """The entry point other suites call (tests/editors' recipes) runs exactly these checks."""
    tested = {checks.link_problems, checks.copy_problems, checks.responsible_problems, checks.funding_problems,
              checks.csp_problems, checks.third_party_problems, checks.sitemap_problems, checks.course_problems,
              checks.machine_readable_problems, checks.heading_problems}
    assert set(checks.STATIC_CHECKS) == tested and len(checks.STATIC_CHECKS) == len(tested)
