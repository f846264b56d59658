"""Feature: no municipal copy while any data is sample or any logo a placeholder."""

from __future__ import annotations

import re

import pytest

from tests.support.edits import edit_file
from tests.support.environ import PINNED_DAY
from tests.support.project import project_copy, run_etablerer


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("sample") / "project")


def test_the_guard_refuses_the_fixtures_sample_data(sample_project):
    proc = run_etablerer(sample_project, PINNED_DAY, "production-guard")
    assert proc.returncode == 1
    assert proc.stderr.startswith("Kommunenes kopier kan ikke lages ennå")
    assert "Traceback" not in proc.stderr
    assert re.fullmatch(r"\d+ steder å rette\. Rett dem og kjør make production-guard igjen\.",
                        proc.stderr.splitlines()[-1])


def test_the_refusal_names_each_file_and_line_to_fix(sample_project):
    proc = run_etablerer(sample_project, PINNED_DAY, "production-guard")
    places = re.findall(r"^  (data/\S+\.yml):(\d+)$", proc.stderr, re.M)
    assert ("data/region.yml" in {file for file, _ in places}
            and "data/organisations.yml" in {file for file, _ in places}), proc.stderr


@pytest.fixture(scope="module")
def real_project(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("guard") / "project")
    for file in (root / "data").rglob("*.yml"):
        edit_file(file, lambda text: re.sub(r"\bplaceholder:\s*true\b", "placeholder: false",
                                            re.sub(r"\bsample:\s*true\b", "sample: false", text)))
    return root


def test_the_guard_lets_real_data_through(real_project):
    proc = run_etablerer(real_project, PINNED_DAY, "production-guard")
    assert proc.returncode == 0, proc.stderr
    assert "kommunenes kopier kan lages" in proc.stdout


LOGO_FLAG = re.compile(r"(?m)^(\s+)placeholder: false$")  # a logo's field, not a comment


def test_one_placeholder_logo_is_enough_to_refuse(real_project):
    organisations = real_project / "data" / "organisations.yml"
    before = organisations.read_text(encoding="utf-8")
    edit_file(organisations, lambda text: LOGO_FLAG.sub(r"\1placeholder: true", text, count=1))
    try:
        assert organisations.read_text(encoding="utf-8") != before
        proc = run_etablerer(real_project, PINNED_DAY, "production-guard")
        assert proc.returncode == 1 and "data/organisations.yml:" in proc.stderr
    finally:
        organisations.write_text(before, encoding="utf-8")
