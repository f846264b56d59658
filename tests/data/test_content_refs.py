"""Feature: make check finds the links, anchors and images of content/ that the built site would get wrong.

Each of these was accepted by make check and then refused by the content checks (a link to
nothing, an anchor to no heading, an image from another host, an <img> without alt): the
promise is that what make check accepts, the build builds and the content checks pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etablerer.inputs.content import check_content
from etablerer.inputs.contentrefs import anchors_of

PAGE = "content/ny-side.md"
GOOD = """\
# Ny side

Se [ordlisten](ordliste.md), [aksjeselskap](ordliste.md#aksjeselskap-as), [kontakt](../kontakt/),
[kursene](../kurs/), [forsiden](../), [neste avsnitt](#to-ganger), [NAV](https://www.nav.no/),
[e-post](mailto:post@example.com) og [deling](../assets/deling.png).

![Et bilde av deling](../assets/deling.png)

<img src="../assets/deling.png" alt="Deling">
<img src="../assets/deling.png" alt="">

## To ganger

## To ganger

[den andre](#to-ganger_1)

```
[ikke en lenke](finnes-ikke.md) <img src="https://example.com/x.png">
```
"""


def problems(root: Path) -> list[str]:
    return [str(e) for e in check_content(root / "content", root) if e.file == PAGE]


@pytest.fixture
def root(data_copy):
    return data_copy


def test_good_links_images_and_anchors_pass(root):
    (root / PAGE).write_text(GOOD, encoding="utf-8")
    assert problems(root) == []


@pytest.mark.parametrize(("line", "message"), [
    ("[x](../finnes-ikke/)", "lenken '../finnes-ikke/' fører ikke til noen side eller fil på nettstedet"),
    ("[x](finnes-ikke.md)", "lenken 'finnes-ikke.md' fører ikke til noen side eller fil på nettstedet"),
    ("[x](ordliste.md#finnes-ikke)", "lenken 'ordliste.md#finnes-ikke' fører ikke til noen overskrift "
                                     "'#finnes-ikke' på ordliste.md"),
    ("[x](#finnes-ikke)", "lenken '#finnes-ikke' fører ikke til noen overskrift på denne siden"),
    ("[x](/kontakt/)", "lenken '/kontakt/' begynner med '/'; skriv den ut fra der denne siden ligger "
                       "(for eksempel ../kontakt.md)"),
    ("[x](../../utenfor/)", "lenken '../../utenfor/' fører ut av nettstedet"),
    ("![Logo](https://example.com/logo.png)", "bildet eller filen 'https://example.com/logo.png' ligger på et "
     "annet nettsted, og sidene henter ikke noe fra andre nettsteder; lagre filen under content/assets/ og vis til "
     "den der"),
    ('<img src="https://example.com/logo.png" alt="Logo">', "bildet eller filen 'https://example.com/logo.png' "
     "ligger på et annet nettsted, og sidene henter ikke noe fra andre nettsteder; lagre filen under "
     "content/assets/ og vis til den der"),
    ('<img src="../assets/deling.png">', '<img> må ha en tekst for dem som ikke kan se bildet: alt="hva bildet viser" '
                                         '(alt="" bare når bildet er pynt)'),
])
def test_each_problem_is_named_with_file_and_line(root, line, message):
    (root / PAGE).write_text(f"# Ny side\n\nTekst.\n\n{line}\n", encoding="utf-8")
    assert problems(root) == [f"{PAGE}:5: {message}"]


def test_all_problems_of_a_page_in_one_run(root):
    (root / PAGE).write_text("# Ny side\n\n[x](#nei)\n[y](../nei/)\n<img src=\"../assets/deling.png\">\n",
                             encoding="utf-8")
    assert [p.split(": ", 1)[0] for p in problems(root)] == [f"{PAGE}:3", f"{PAGE}:4", f"{PAGE}:5"]


def test_anchors_are_slugged_as_the_toc_extension_does():
    lines = ["# Enkeltpersonforetak (ENK)", "## Næringsfaglig vurdering", "## To", "## To", "## Egen {#eget-id}",
             '<p id="html-id">x</p>', "## **Fet** og [lenke](x.md)"]
    assert anchors_of(lines) == {"enkeltpersonforetak-enk", "næringsfaglig-vurdering", "to", "to_1", "eget-id",
                                 "html-id", "fet-og-lenke"}


@pytest.mark.build
@pytest.mark.slow
def test_the_build_agrees_with_the_good_page(tmp_path):
    """What make check accepts here, the build builds and the content checks pass (links, hosts, anchors)."""
    from tests.content.checks import static_problems
    from tests.support.project import project_copy
    from tests.support.site import build
    root = project_copy(tmp_path / "project")
    (root / PAGE).write_text(GOOD, encoding="utf-8")
    assert problems(root) == []
    assert static_problems(build(root, tmp_path / "site")) == []


def test_the_repository_pages_still_pass(root):
    assert [str(e) for e in check_content(root / "content", root)] == []
