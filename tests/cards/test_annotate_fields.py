"""Fields a learner reads: names kept apart from the common word, a meta line in words."""

from __future__ import annotations

from flashgen.cards.annotate import annotate
from flashgen.models import Card, Example, WordUse


def card(word: str, sentence: str, *, tag: str = "", zipf: float | None = None) -> Card:
    use = WordUse(word=word, count=1, zipf=zipf, hsk=None, forms=(word,))
    example = Example(sentence, tuple(sentence), sentence.index(word), word)
    return annotate(use, example, level="advanced", source="t", variant="t", glossary={}, tag=tag)


def test_a_place_name_entry_is_not_folded_into_the_common_word() -> None:
    """复兴 fu4 xing1 "to revive"; Fu4 xing1 is a district of Handan and a township in Taiwan."""
    definition = card("复兴", "推进民族复兴伟业。").definition
    assert definition.startswith("to revive; to rejuvenate")
    assert "Fuxing" not in definition


def test_name_senses_follow_the_common_ones_when_the_example_uses_the_name() -> None:
    definition = card("复兴", "他住在复兴。", tag="proper-noun").definition
    assert definition.index("to revive") < definition.index("Fuxing")
    assert '<div class="name-senses">as a name: ' in definition


def test_a_word_that_is_only_a_name_keeps_its_name_senses() -> None:
    assert "Beijing" in card("北京", "我在北京。").definition


def test_the_meta_line_says_the_hsk_level_and_how_common_the_word_is() -> None:
    fields = card("复兴", "推进民族复兴伟业。", zipf=4.29)
    assert (fields.level, fields.frequency) == (
        "not in HSK",
        "fairly common: about 19 per million words",
    )
    rare = card("并跑", "越来越多领域实现并跑。")
    assert rare.frequency == "very rare: too rare for the frequency list"
    assert "Zipf" not in rare.frequency + rare.level and "unknown" not in rare.frequency


def test_a_dictionary_word_with_the_spoken_儿_gets_the_word_s_definition() -> None:
    # CC-CEDICT lists 在理 "reasonable", not 在理儿: the card keeps the form
    # the text uses, read zàilǐr, and the dictionary word's senses.
    made = card("在理儿", "您这话在理儿。")
    assert made.definition.startswith("reasonable")
    assert made.pinyin_numbered == "zai4 li3 r5"
    assert made.traditional == "在理兒"
    assert not made.composed
