"""Every page of every copy of the live data is valid HTML (the Nu HTML Checker, one batch run),
the landing page and each fragment inside a plain host page included."""

from __future__ import annotations

import pytest

from . import checks

pytestmark = [pytest.mark.content, pytest.mark.build]


def test_every_page_of_every_copy_is_valid_html(content_site, tmp_path):
    problems = checks.html_problems(content_site, tmp_path)
    if problems:
        pytest.fail(f"{len(problems)} HTML error(s), each with the file:line places it occurs:\n" + "\n".join(problems),
                    pytrace=False)
