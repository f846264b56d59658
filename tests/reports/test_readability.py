"""LIX (reports/readability.py): words, sentences and long words counted as the docstring says."""

from __future__ import annotations

import pytest

from etablerer.reports.readability import Lix, lix, measure, plain_text, sentences, shown, words

# A known paragraph, counted by hand (a long word has more than 6 letters):
#   "Vil du starte egen bedrift?"           5 words  (bedrift)                              1 long
#   "Ring oss."                             2 words                                          0 long
#   "Vi gir deg gratis veiledning, og vi hjelper deg med forretningsplanen."
#                                          11 words  (veiledning, hjelper, forretningsplanen) 3 long
#   "Kurset varer i tre kvelder, og alle kan delta."
#                                           9 words  (kvelder; Kurset and gratis have 6)     1 long
# 27 words, 4 sentences, 5 long words: LIX = 27/4 + 100 × 5/27 = 6.75 + 18.518… = 25.27
PARAGRAPH = ("Vil du starte egen bedrift? Ring oss. Vi gir deg gratis veiledning, og vi hjelper deg med "
             "forretningsplanen. Kurset varer i tre kvelder, og alle kan delta.")


def test_the_known_paragraph_counted_by_hand():
    counts = lix(PARAGRAPH)
    assert counts == Lix(words=27, sentences=4, long_words=5)
    assert counts.value == 27 / 4 + 100 * 5 / 27
    assert round(counts.value, 2) == 25.27


def test_a_two_word_sentence_counts():
    """textstat drops every sentence of two words or fewer; 'Ring oss.' is a sentence."""
    assert sentences("Ring oss. Det er gratis.") == ["Ring oss.", "Det er gratis."]
    assert lix("Ring oss.") == Lix(2, 1, 0)


def test_empty_text():
    assert lix("") == Lix(0, 0, 0)
    assert lix("").value == 0.0
    assert lix(" – \n\n").value == 0.0  # no word, no sentence
    assert plain_text("") == ""


def test_a_heading_is_a_sentence_and_its_attribute_list_is_no_text():
    text = plain_text("# Kontakt oss { #kontakt }\n\nRing oss i dag.\n")
    assert text.splitlines() == ["Kontakt oss", "Ring oss i dag."]
    assert lix(text) == Lix(words=6, sentences=2, long_words=1)  # Kontakt


def test_each_list_item_ends_a_sentence():
    text = plain_text("Vi tilbyr dette:\n\n- Veiledning\n- Kurs for nye etablerere\n* Hjelp med søknader\n")
    assert sentences(text) == ["Vi tilbyr dette:", "Veiledning", "Kurs for nye etablerere", "Hjelp med søknader"]


def test_html_blocks_links_and_tables():
    source = ('<ul class="x">\n<li><a href="a.html">Veiledning</a>: gratis.</li>\n<li>Kurs</li>\n</ul>\n\n'
              '<address>\nEtablerertjenesten<br>\nEksempelgata 1<br>\n1530 Moss\n</address>\n\n'
              "| Kommune | Tilskudd |\n|---|---|\n| Moss | kr 124 890 |\n\n"
              "Les [om oss](om.md) her.\n\n<script>var ikke = 'tekst';</script>\n")
    assert plain_text(source).splitlines() == [
        "Veiledning: gratis.", "Kurs", "Etablerertjenesten", "Eksempelgata 1", "1530 Moss",
        "Kommune", "Tilskudd", "Moss", "kr 124 890", "Les om oss her."]


def test_a_paragraph_wrapped_over_lines_is_one_line():
    assert plain_text("Dette er en\nlang setning\nover tre linjer.") == "Dette er en lang setning over tre linjer."


@pytest.mark.parametrize("text", [
    "Ta med f.eks. en PC og lader.",
    "Vi hjelper bl.a. Moss kommune med kurs.",
    "Kurset starter kl. 18.00 i Moss.",
    "Det gjelder ca. 20 personer.",
    "Vi gir råd om budsjett, skatt osv. til alle.",
    "Fristen er 1. januar hvert år.",
    "Telefon: 69 24 50 00 hele dagen.",
    "Det gjelder t.o.m. Kurset i mai.",
])
def test_abbreviations_ordinals_and_a_colon_before_a_figure_end_no_sentence(text):
    assert sentences(text) == [text]


def test_the_marks_that_end_a_sentence():
    assert sentences("Er du klar? Så bra! Ta kontakt. Dette får du: Vi ringer deg.") == [
        "Er du klar?", "Så bra!", "Ta kontakt.", "Dette får du:", "Vi ringer deg."]
    assert sentences("Kurset er fullt. 3 nye kurs kommer.") == ["Kurset er fullt.", "3 nye kurs kommer."]
    assert sentences("Han sa: «Ring oss.» Så ringte hun.") == ["Han sa: «Ring oss.»", "Så ringte hun."]
    assert sentences("Vi gir råd osv.\nNeste linje") == ["Vi gir råd osv.", "Neste linje"]


def test_numbers_are_one_short_word_each():
    assert words("Tilskuddet er kr 124 890 i 2027.") == ["Tilskuddet", "er", "kr", "124 890", "i", "2027"]
    assert lix("Tilskuddet er kr 124 890 i 2027.") == Lix(words=6, sentences=1, long_words=1)
    assert words("Egenandel 2,50 kr, kl. 09:00–15:00, +47 69 24 50 00.") == [
        "Egenandel", "2,50", "kr", "kl.", "09:00–15:00", "+47 69 24 50 00"]
    assert lix("Ring 12345678901 nå.").long_words == 0


def test_hyphenated_compounds_addresses_and_other_letters():
    assert words("Send e-post til post@example.com eller se https://www.example.com/kurs.") == [
        "Send", "e-post", "til", "post@example.com", "eller", "se", "https://www.example.com/kurs"]
    assert lix("Send e-post til post@example.com nå.").long_words == 0  # e-post has 5 letters
    assert lix("Last ned iCalendar-fila.").long_words == 1  # 13 letters
    assert lix("Næringsfaglig vurdering.") == Lix(2, 1, 2)  # æ, ø, å are letters
    assert words("Пройдіть курс українською мовою") == ["Пройдіть", "курс", "українською", "мовою"]


def test_measure_quotes_the_long_and_the_hardest_sentences():
    long = " ".join(["ord"] * 30) + "."
    # 30 + 1 + 6 + 6 = 43 words in 4 sentences; long: Påmelding, Forretningsplanen, gjennomgås, grundig,
    # rådgiveren = 5: LIX 43/4 + 500/43 = 22.4
    m = measure("side.md", "languages/nb/pages/side.md:1",
                f"{long}\nPåmelding\nForretningsplanen gjennomgås grundig sammen med rådgiveren.\n"
                "Vi ringer deg i morgen tidlig.", target=40)
    assert m.counts == Lix(43, 4, 5) and not m.over_target
    assert [s.words for s in m.long_sentences] == [30]
    assert m.hardest[0].text == "Forretningsplanen gjennomgås grundig sammen med rådgiveren."
    assert "Påmelding" not in [s.text for s in m.hardest]  # one word: a label, no hard passage
    assert measure("side.md", "x:1", "Forretningsplanen gjennomgås grundig sammen med rådgiveren.", 40).over_target


def test_a_data_text_is_shown_when_a_page_holds_each_of_its_lines():
    assert shown("Ring oss **i dag**.", ["Kontakt\nRing oss i dag."])
    assert not shown("Ring oss i morgen.", ["Kontakt\nRing oss i dag."])
