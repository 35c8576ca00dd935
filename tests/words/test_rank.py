"""Rarity from wordfreq's own list, and exclusive level bands."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flashgen.lexicon.frequency import zipf
from flashgen.models import WordUse
from flashgen.words.levels import band, rarity_order


def test_the_list_value_is_used_not_the_re_tokenized_estimate() -> None:
    # zipf_frequency("百舸争流", "zh") is 0.0; the list holds 1.67.
    assert zipf("百舸争流") == 1.67
    assert zipf("宝贵机会") == 1.21  # the estimate from its pieces would be 3.22


def test_words_the_list_lacks_have_unknown_frequency_and_count_as_rare() -> None:
    assert zipf("新质生产力") is None
    assert band(hsk=None, zipf=None) == "advanced"


@given(st.integers(1, 7) | st.none(), st.floats(0, 8) | st.none())
def test_every_word_is_in_exactly_one_band(hsk: int | None, z: float | None) -> None:
    assert band(hsk, z) in ("beginner", "intermediate", "advanced")


def test_hsk_level_decides_before_frequency() -> None:
    assert band(7, 6.0) == "advanced"
    assert band(2, 1.0) == "beginner"
    assert band(None, 4.5) == "intermediate"


def test_rarest_first_unknown_first_ties_by_count() -> None:
    uses = [
        WordUse("常见", 1, 5.0, None, ("常见",)),
        WordUse("新词", 1, None, None, ("新词",)),
        WordUse("甲", 1, 3.0, None, ("甲",)),
        WordUse("乙", 5, 3.0, None, ("乙",)),
    ]
    assert [u.word for u in rarity_order(uses)] == ["新词", "乙", "甲", "常见"]
