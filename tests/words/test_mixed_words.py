"""Words of Latin letters and Han characters that CC-CEDICT lists (AA制, T恤) are cards."""

from __future__ import annotations

import pytest

from flashgen.config import BuildConfig, Level
from flashgen.models import Card, Document
from flashgen.pipeline import plan

TEXT = (
    "我们说好了AA制，结果每次吃饭她都抢着买单。\n"
    "他穿着一件白色T恤，手里拿着一个U盘。\n"
    "医生让她先去做个B超。新出的Pro版手机卖得不错。\n"
    "大家都笑他是阿Q，他也不恼。\n"
    "周末一起去唱卡拉OK，她还在B站当UP主。\n"
)


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    doc = Document("mixed", TEXT, "test", "mixed")
    specs = plan([doc], BuildConfig(level=Level.ADVANCED))
    return {c.simplified: c for p in specs for c in p.spec.cards}


def test_listed_mixtures_are_cards_with_their_dictionary_fields(cards: dict[str, Card]) -> None:
    assert {"AA制", "T恤", "U盘", "B超"} <= set(cards)
    card = cards["AA制"]
    assert card.definition.startswith("to split the bill")
    assert card.pinyin_numbered == "A A zhi4"
    assert card.zhuyin == "AA ㄓˋ"
    assert "AA zhì" in card.example_pinyin
    assert 'class="hw">AA制<' in card.example
    assert cards["U盘"].traditional == "U盤"


def test_the_segmenter_keeps_listed_mixtures_whole(cards: dict[str, Card]) -> None:
    """jieba lacks 卡拉OK and UP主; the dictionary words added to it keep them whole."""
    assert {"卡拉OK", "UP主"} <= set(cards)
    assert cards["卡拉OK"].pinyin_numbered == "ka3 la1 O K"
    assert "proper-noun" in " ".join(cards["B站"].tags)  # a website CC-CEDICT lists


def test_an_unlisted_mixture_or_a_listed_name_is_no_card(cards: dict[str, Card]) -> None:
    assert not any("Pro" in word for word in cards)
    assert "阿Q" not in cards  # CC-CEDICT lists Lu Xun's Ah Q, as a name
