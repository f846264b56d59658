"""content/ checks of editors' Markdown pages that MkDocs would pass over quietly."""

from __future__ import annotations

from pathlib import Path

from etablerer.inputs.content import check_content


def write_page(root: Path, text: str) -> None:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "side.md").write_text(text, encoding="utf-8")


def test_unreadable_front_matter_is_an_error_on_its_line(tmp_path):
    write_page(tmp_path, "---\ntitle: [oops\n---\n# Side\n\nTekst.\n")
    errors = [str(e) for e in check_content(tmp_path / "content", tmp_path)]
    assert errors == ["content/side.md:2: front matter (øverst, mellom --- -linjene): [ på denne linjen blir aldri "
                      "avsluttet; avslutt med ] på samme linje"]


def test_front_matter_that_is_not_fields_is_an_error(tmp_path):
    write_page(tmp_path, "---\n- a\n- b\n---\n# Side\n")
    assert [str(e) for e in check_content(tmp_path / "content", tmp_path)] == [
        "content/side.md:2: front matter: skriv linjer med 'felt: verdi' mellom --- -linjene"]


def test_good_front_matter_passes(tmp_path):
    write_page(tmp_path, "---\ndescription: Ord og uttrykk\n---\n# Side\n\nTekst.\n")
    assert check_content(tmp_path / "content", tmp_path) == []
