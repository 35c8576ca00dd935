"""The preview renders cards as Anki itself does: same cards, same visible text."""

from __future__ import annotations

import html
import re

import pytest
from anki_collection import collection_at, import_package
from sample_deck import build_sample_apkg

from flashgen.cards.preview import read_cards

pytestmark = pytest.mark.anki

# (Simplified, template ord) -> (front HTML, back HTML)
Rendered = dict[tuple[str, int], tuple[str, str]]


def visible_text(markup: str) -> str:
    """Text a reader sees: no style, script or tags, entities decoded, spaces collapsed."""
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    markup = re.sub(r"<[^>]+>", " ", markup)
    return " ".join(html.unescape(markup).split())


@pytest.fixture(scope="module")
def anki_cards(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Every card of the sample deck as Anki's own renderer draws it."""
    tmp = tmp_path_factory.mktemp("anki")
    apkg = build_sample_apkg(tmp / "sample.apkg")
    with collection_at(tmp / "c.anki2") as col:
        import_package(col, apkg)
        out = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            out[(card.note()["Simplified"], card.ord)] = (card.question(), card.answer())
        return out


@pytest.fixture(scope="module")
def preview_cards(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    apkg = build_sample_apkg(tmp_path_factory.mktemp("preview") / "sample.apkg")
    return {(c.headword, c.ord): (c.front, c.back) for c in read_cards(apkg)[0]}


def test_anki_and_the_preview_generate_the_same_cards(
    anki_cards: Rendered, preview_cards: Rendered
) -> None:
    assert sorted(preview_cards) == sorted(anki_cards)
    assert ("葡萄", 2) not in anki_cards  # no example sentence: no Sentence card in Anki either


def test_every_card_shows_the_same_text_in_anki_and_the_preview(
    anki_cards: Rendered, preview_cards: Rendered
) -> None:
    for key, (question, answer) in anki_cards.items():
        front, back = preview_cards[key]
        assert visible_text(front) == visible_text(question), key
        assert visible_text(back) == visible_text(answer), key
        assert visible_text(front), key


def test_sentence_front_in_anki_keeps_the_gap_markup(anki_cards: Rendered) -> None:
    question, answer = anki_cards[("供给", 2)]
    assert '<span class="hw">供给</span>' in question
    assert '<div class="sentence front">' in question
    assert '<div class="sentence back">' in answer


def test_in_anki_the_recognition_front_leaves_the_tones_to_the_back(anki_cards: Rendered) -> None:
    """The template script colours data-tones always, data-back-tones only beside hr#answer."""
    question, answer = anki_cards[("供给", 0)]
    assert "data-tones=" not in question
    assert 'data-back-tones="gong1 ji3"' in question and 'id="answer"' not in question
    assert 'id="answer"' in answer and 'data-back-tones="gong1 ji3"' in answer


def test_in_anki_a_word_without_a_definition_has_no_recall_card(anki_cards: Rendered) -> None:
    assert ("并跑", 1) not in anki_cards
    assert ("并跑", 0) in anki_cards and ("并跑", 2) in anki_cards
    assert "no dictionary entry for this word" in visible_text(anki_cards[("并跑", 0)][1])
