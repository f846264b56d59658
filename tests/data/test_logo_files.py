"""A logo a browser cannot show is an error with the file:line of its file: field.

Missing, broken, not an image or written with content/ in front: `make check` and
the build refuse it (rules.py, inputs/logofiles.py), so it is never published. Whether
a logo that can be shown is legible stays a health finding (tests/editors/test_health.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.support.edits import edit

from .conftest import ORGANISATIONS, errors_of, line_of, load

FILE = "file: assets/logos/statlig-innovasjon.svg"  # Innovasjon Norge, organisations[1]
FIELD = "organisations[1].logo.file"


def logo(root: Path, name: str, content: bytes | str | None = None) -> None:
    """Point Innovasjon Norge's logo at content/assets/logos/<name>, written with content (None: no file)."""
    path = root / "content" / "assets" / "logos" / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    edit(root / ORGANISATIONS, FILE, f"file: assets/logos/{name}")


def error(message: str) -> str:
    return f"{ORGANISATIONS}:{line_of(ORGANISATIONS, FILE)}: {FIELD}: {message}"


def test_a_missing_logo_file_is_an_error(data_copy):
    logo(data_copy, "finnes-ikke.svg")
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/finnes-ikke.svg finnes ikke; "
                                          "legg til filen eller rett navnet")]


def test_a_path_with_content_in_front_says_to_leave_it_out(data_copy):
    edit(data_copy / ORGANISATIONS, FILE, "file: content/assets/logos/statlig-innovasjon.svg")
    assert errors_of(data_copy) == [error("'content/assets/logos/statlig-innovasjon.svg' begynner med content/; "
                                          "logoer ligger alltid i content/, så ta det bort: "
                                          "assets/logos/statlig-innovasjon.svg")]


def test_a_path_with_content_and_backslashes_says_to_leave_it_out(data_copy):
    edit(data_copy / ORGANISATIONS, FILE, "file: content\\assets\\logos\\statlig-innovasjon.svg")
    assert errors_of(data_copy) == [error("'content\\assets\\logos\\statlig-innovasjon.svg' begynner med content/; "
                                          "logoer ligger alltid i content/, så ta det bort: "
                                          "assets/logos/statlig-innovasjon.svg")]


def test_an_svg_that_is_not_xml_is_an_error(data_copy):
    logo(data_copy, "broken.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80"><text>IN</svg>')
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/broken.svg er ikke en SVG-fil som kan leses "
                                          "(feil i innholdet); eksporter den på nytt")]


def test_an_empty_svg_is_an_error(data_copy):
    logo(data_copy, "empty.svg", "")
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/empty.svg er ikke en SVG-fil som kan leses "
                                          "(feil i innholdet); eksporter den på nytt")]


def test_an_svg_without_its_namespace_is_an_error(data_copy):
    logo(data_copy, "nons.svg", '<svg viewBox="0 0 240 80"><text font-size="20">IN</text></svg>')
    assert errors_of(data_copy) == [error(
        'logofilen content/assets/logos/nons.svg mangler xmlns="http://www.w3.org/2000/svg" i <svg>-'
        "elementet, så nettlesere viser den ikke; legg det til eller eksporter filen på nytt")]


def test_a_web_page_saved_as_svg_is_an_error(data_copy):
    logo(data_copy, "page.svg", "<html><body>Innovasjon Norge</body></html>")
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/page.svg er ikke et SVG-bilde (det første "
                                          "elementet er <html>, ikke <svg>); eksporter den på nytt som SVG")]


def test_a_png_that_is_not_an_image_is_an_error(data_copy):
    logo(data_copy, "broken.png", b"not an image")
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/broken.png kan ikke leses som et bilde; "
                                          "eksporter den på nytt som PNG")]


def test_a_pdf_is_an_error(data_copy):
    logo(data_copy, "logo.pdf", b"%PDF-1.4")
    assert errors_of(data_copy) == [error("logofilen content/assets/logos/logo.pdf er en .pdf-fil; "
                                          "bruk SVG, PNG, JPEG, GIF eller WebP")]


def test_every_broken_logo_is_reported_in_one_run(data_copy):
    logo(data_copy, "broken.png", b"not an image")
    edit(data_copy / ORGANISATIONS, "file: assets/logos/gammelfylket.svg",
         "file: content/assets/logos/gammelfylket.svg")
    assert errors_of(data_copy) == [
        f"{ORGANISATIONS}:{line_of(ORGANISATIONS, 'file: assets/logos/gammelfylket.svg')}: organisations[0].logo.file: "
        "'content/assets/logos/gammelfylket.svg' begynner med content/; logoer ligger alltid i content/, "
        "så ta det bort: assets/logos/gammelfylket.svg",
        error("logofilen content/assets/logos/broken.png kan ikke leses som et bilde; eksporter den på nytt som PNG"),
    ]


@pytest.mark.parametrize("name", ["small.png", "logo.jpg", "logo.webp"])
def test_a_raster_logo_that_opens_loads(data_copy, name):
    # Too small to be legible is a health finding (test_health.py), not an error.
    path = data_copy / "content" / "assets" / "logos" / name
    Image.new("RGB", (200, 80), "white").save(path)
    edit(data_copy / ORGANISATIONS, FILE, f"file: assets/logos/{name}")
    assert load(data_copy).organisation("statlig-innovasjon").logo.file == f"assets/logos/{name}"


def test_an_svg_without_a_viewbox_loads(data_copy):
    # Its size is unknown, which the health report says; a browser still draws it.
    logo(data_copy, "nobox.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>IN</text></svg>')
    assert load(data_copy).organisation("statlig-innovasjon").logo.file == "assets/logos/nobox.svg"
