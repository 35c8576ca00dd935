"""One-character verbs of today's language that HSK lacks are cards (撂, 攥); bound ones are not."""

from __future__ import annotations

from flashgen.config import BuildConfig, Level
from flashgen.models import Document
from flashgen.pipeline import plan
from flashgen.words.parts import single_verbs
from flashgen.words.wordhood import single_char_word


def test_free_verbs_are_words_and_bound_ones_are_not() -> None:
    assert single_char_word("攥") and single_char_word("舀")
    assert not single_char_word("知")  # 知道, 知识: used alone 3% of the time
    assert not single_char_word("携")  # 携带
    assert not any(ch in single_verbs() for ch in "鞋的看")  # a noun; HSK has 看 already
    assert len(single_verbs()) < 100  # a short list, not every verb CC-CEDICT has


def test_a_free_verb_gets_a_card_with_its_dictionary_sense() -> None:
    text = "他把饭碗往桌上一撂，拿勺子舀了一碗汤。\n"
    specs = plan([Document("t", text, "t", "t")], BuildConfig(level=Level.ADVANCED))
    cards = {c.simplified: c for p in specs for c in p.spec.cards}
    assert {"撂", "舀"} <= set(cards)
    assert "to ladle" in cards["舀"].definition
