"""YAML slips as editors make them: each with its plain bokmål sentence and the line where the slip *is*.

Every case copies the fixture project's data/, makes one real slip in a course file or in
data/region.yml, and expects the exact message of the validator (load_data, as make check
reads it) and of the pre-commit YAML check (yamlsyntax), both on the line of the slip, not
on the line where PyYAML noticed it (often the one below). The line is found from the start
of a line that occurs once in the changed file, so a change to the fixture does not move it quietly.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from etablerer.inputs import yamlsyntax
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import load_data
from etablerer.inputs.yamlslips import first_slip
from tests.fixtures import FIXTURE
from tests.support.edits import edit
from tests.support.environ import PINNED_DAY
from tests.support.project import project_copy, run_etablerer

COURSE = "data/courses/etablererkurs-var-test-2026.yml"  # a basic course with two sessions, venue in Vestby
REGION = "data/region.yml"


def slip(case_id: str, file: str, old: str, new: str, at: str, message: str):
    """A slip: `old` → `new` in `file`; the message is expected on the one line of the changed file
    that starts with `at`."""
    return pytest.param(file, old, new, at, message, id=case_id)


SLIPS = [
    # --- indentation -----------------------------------------------------------------------
    slip("too-deep", COURSE,
         "  municipality: vestby", "    municipality: vestby", "    municipality: vestby",
         "linjen har 2 mellomrom mer innrykk enn linjen over; fjern 2 mellomrom først på linjen"),
    slip("too-deep-list-item", COURSE,
         "  - id: del-2", "    - id: del-2", "    - id: del-2",
         "linjen har 2 mellomrom mer innrykk enn linje 19, som den hører sammen med; "
         "fjern 2 mellomrom først på linjen"),
    slip("too-shallow-in-a-block", COURSE,
         "  en: Course for new business owners, spring 2026", " en: Course for new business owners, spring 2026",
         " en: Course for new business owners",
         "linjen har 1 mellomrom mindre innrykk enn linjen over; legg til 1 mellomrom først på linjen"),
    slip("too-shallow-last-line-of-a-block", REGION,
         "    city: Moss", "   city: Moss", "   city: Moss",
         "linjen har 1 mellomrom mindre innrykk enn linjen over; legg til 1 mellomrom først på linjen"),
    # PyYAML names the line below (postcode): address is empty, street is its sibling,
    # and the deeper postcode no longer fits under street's value.
    slip("too-shallow-first-line-of-a-block", REGION,
         "  address:\n    street: Eksempelgata 1", "  address:\n  street: Eksempelgata 1", "  street: Eksempelgata 1",
         "linjen har 2 mellomrom mindre innrykk enn linjen under; hvis den hører til under 'address:', "
         "legg til 2 mellomrom først på linjen"),
    slip("too-shallow-in-a-list-item", COURSE,
         "    start: 18:00\n    end: 21:00\n  - id: del-2", "    start: 18:00\n  end: 21:00\n  - id: del-2",
         "  end: 21:00",
         "linjen har 2 mellomrom mindre innrykk enn linjen over; legg til 2 mellomrom først på linjen"),
    # The first line of a block sets its indentation, so PyYAML names the line below it.
    slip("too-deep-first-line-of-a-block", COURSE,
         "title:\n  nb: Etablererkurs", "title:\n   nb: Etablererkurs", "   nb: Etablererkurs",
         "linjen har 1 mellomrom mer innrykk enn linjen under; fjern 1 mellomrom først på linjen"),
    slip("too-deep-first-list-item", COURSE,
         "  - id: del-1", "    - id: del-1", "    - id: del-1",
         "linjen har 2 mellomrom mer innrykk enn linjen under; fjern 2 mellomrom først på linjen"),
    slip("tab", COURSE,
         "  name: Eksempelsenteret", "\tname: Eksempelsenteret", "\tname: Eksempelsenteret",
         "linjen har innrykk med tabulator; bruk mellomrom i stedet"),

    # --- colons ----------------------------------------------------------------------------
    # PyYAML names the line below for both.
    slip("missing-colon", COURSE,
         "capacity: 25", "capacity 25", "capacity 25",
         "kolonet etter feltnavnet mangler; skriv 'capacity: 25'"),
    slip("missing-space-after-the-colon", COURSE,
         "price: 0", "price:0", "price:0",
         "det mangler et mellomrom etter kolonet; skriv 'price: 0'"),
    slip("missing-space-in-a-list-item", COURSE,
         "  - id: del-2", "  - id:del-2", "  - id:del-2",
         "det mangler et mellomrom etter kolonet; skriv '- id: del-2'"),
    slip("missing-colon-in-a-block", REGION,
         "    city: Moss", "    city Moss", "    city Moss",
         "kolonet etter feltnavnet mangler; skriv 'city: Moss'"),
    slip("colon-in-a-text", COURSE,
         "  nb: Etablererkurs våren 2026", "  nb: Etablererkurs: våren 2026", "  nb: Etablererkurs: våren",
         "teksten etter 'nb:' har et kolon med mellomrom etter; sett teksten i anførselstegn: "
         'nb: "Etablererkurs: våren 2026"'),

    # --- quotes and brackets ---------------------------------------------------------------
    # The quote of nb never closes: PyYAML reads up to the next quote (en's) and names line 14.
    slip("unclosed-quote", COURSE,
         'budsjett og organisasjonsform."', "budsjett og organisasjonsform.", '  nb: "Grunnkurset',
         'anførselstegnet " på denne linjen blir aldri avsluttet; skriv " på slutten av teksten'),
    slip("apostrophe-in-single-quotes", COURSE,
         "  nb: Deg som vil starte bedrift.", "  nb: 'Deg som vil starte Olas' bedrift.'", "  nb: 'Deg",
         "teksten har ' inni seg, og da slutter den for tidlig; bruk de andre anførselstegnene: "
         "nb: \"Deg som vil starte Olas' bedrift.\""),
    slip("unclosed-square-bracket", COURSE,
         "languages: [nb]", "languages: [nb", "languages: [nb",
         "[ på denne linjen blir aldri avsluttet; avslutt med ] på samme linje"),
    slip("unclosed-curly-bracket", COURSE,
         'postcode: "1540", city: Vestby}', 'postcode: "1540", city: Vestby', "  address: {",
         "{ på denne linjen blir aldri avsluttet; avslutt med } på samme linje"),

    # --- lists and fields ------------------------------------------------------------------
    slip("list-item-where-a-field-was-expected", COURSE,
         "  municipality: vestby", "  - municipality: vestby", "  - municipality: vestby",
         "linjen starter et listepunkt med '- ', men linjene rundt er felt (navn: verdi); fjern '- '"),
    slip("field-where-a-list-item-was-expected", COURSE,
         "  - id: del-2", "  id: del-2", "  id: del-2",
         "'id' står allerede i listepunktet over; hvis linjen starter et nytt punkt, skriv '- ' foran"),
    slip("value-where-a-list-item-was-expected", REGION,
         "    - nb: Torsdag også", "    nb: Torsdag også", "    nb: Torsdag også",
         "'nb' står allerede i listepunktet over; hvis linjen starter et nytt punkt, skriv '- ' foran"),
    slip("duplicate-key", COURSE,
         "capacity: 25", "capacity: 25\ncapacity: 30", "capacity: 30",
         "capacity: 'capacity' står to ganger i samme blokk; behold én"),
]


def copy(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project", code=False)


def line_holding(file: Path, text: str) -> int:
    lines = [n for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(text)]
    assert len(lines) == 1, f"fixture problem: {text!r} is on lines {lines} of {file}"
    return lines[0]


def validator_errors(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_data(root / "data", root / "content", root)
    return [str(e) for e in caught.value.errors]


def precommit_errors(root: Path, file: str, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(root)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = yamlsyntax.main([file])
    return status, stderr.getvalue().splitlines()


@pytest.mark.parametrize(("file", "old", "new", "at", "message"), SLIPS)
def test_a_slip_is_told_in_plain_words_on_its_line(tmp_path, monkeypatch, file, old, new, at, message):
    root = copy(tmp_path)
    edit(root / file, old, new)
    expected = f"{file}:{line_holding(root / file, at)}: {message}"
    assert validator_errors(root) == [expected]
    assert precommit_errors(root, file, monkeypatch) == (1, [expected])


def test_a_decimal_time_is_quoted_as_typed(tmp_path, monkeypatch):
    # 18.00 is a number to YAML (18.0); the editor wrote 18.00 and reads 18.00 back.
    root = copy(tmp_path)
    edit(root / COURSE, "    date: 2026-03-03\n    start: 18:00", "    date: 2026-03-03\n    start: 18.00")
    [error] = validator_errors(root)
    assert error.startswith(f"{COURSE}:{line_holding(root / COURSE, '    start: 18.00')}: sessions[0].start: '18.00' ")
    assert "18.0'" not in error
    assert precommit_errors(root, COURSE, monkeypatch) == (0, [])  # the YAML itself is fine


def test_a_file_that_is_not_utf8_names_the_line_and_the_word(tmp_path, monkeypatch):
    # Saved as Windows-1252 (Notepad's "ANSI"): å is one byte, and the other alphabets are lost.
    root = copy(tmp_path)
    file = root / COURSE
    file.write_bytes(file.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    expected = (f"{COURSE}:6: 'våren' på denne linjen er ikke skrevet som UTF-8 (filen er lagret med en annen "
                "tegnkoding); lagre filen som UTF-8")
    assert validator_errors(root) == [expected]
    assert precommit_errors(root, COURSE, monkeypatch) == (1, [expected])


def test_make_check_tells_the_slip_and_the_count_in_bokmal(tmp_path):
    root = project_copy(tmp_path / "project")
    edit(root / COURSE, "capacity: 25", "capacity 25")
    run = run_etablerer(root, PINNED_DAY, "check")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{COURSE}:{line_holding(root / COURSE, 'capacity 25')}: kolonet etter feltnavnet mangler; "
        "skriv 'capacity: 25'",
        "1 feil funnet. Rett den og kjør make check igjen."]


def test_other_yaml_gets_the_same_plain_words(tmp_path, monkeypatch):
    # mkdocs.yml and workflows are only parsed, never read as data.
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n   language: nb\n",
                                         encoding="utf-8")
    assert precommit_errors(tmp_path, "mkdocs.yml", monkeypatch) == (1, [
        "mkdocs.yml:4: linjen har 1 mellomrom mer innrykk enn linjen over; fjern 1 mellomrom først på linjen"])


def test_the_shipped_yaml_has_no_slip():
    # The reader behind the messages must not see a slip where there is none.
    for file in sorted((FIXTURE / "data").rglob("*.yml")):
        assert first_slip(file.read_text(encoding="utf-8")) is None, file
