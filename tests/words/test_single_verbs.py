"""One-character verbs (撂, 攥) and function words (甭, 啥) HSK lacks are cards; bound ones not."""

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


def test_function_words_hsk_lacks_are_words_unless_also_verbs() -> None:
    assert single_char_word("甭") and single_char_word("啥") and single_char_word("岂")
    assert not single_char_word("怎")  # 怎么: used alone 2% of the time
    assert not single_char_word("忒")  # also 忒 tè "to err": the card would lead with it
    assert not single_char_word("遂")  # also "to satisfy"
    assert not single_char_word("兮")  # a particle, not an adverb, pronoun or conjunction


def test_a_spoken_function_word_gets_a_card_with_its_reading() -> None:
    text = "张大爷眼皮都没抬：“甭商量了，你们想干啥就干啥。”\n"
    docs = [Document("t", text, "t", "t")]
    cards = {
        c.simplified: c
        for lv in Level
        for p in plan(docs, BuildConfig(level=lv))
        for c in p.spec.cards
    }
    assert {"甭", "啥"} <= set(cards)
    assert "need not" in cards["甭"].definition and cards["甭"].pinyin_numbered == "beng2"
