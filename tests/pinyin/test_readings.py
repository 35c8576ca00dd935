"""The reading of a word as used in its sentence (golden cases in data)."""

from __future__ import annotations

import pytest
from testdata import Case, cases

from flashgen.pinyin.readings import reading
from flashgen.pinyin.spelling import numbered_to_marks, numbered_to_zhuyin


@pytest.mark.parametrize("case", cases("reading_cases.json"))
def test_reading(case: Case) -> None:
    word, sentence = case.input, case.args.get("sentence")
    start = sentence.find(word) if sentence else None
    assert numbered_to_marks(reading(word, sentence, start)) == case.expected


def test_names_keep_a_space_between_their_words() -> None:
    assert numbered_to_marks("Ren2 min2 Ri4 bao4") == "Rénmín Rìbào"


def test_zhuyin_puts_the_neutral_dot_first() -> None:
    assert numbered_to_zhuyin("qia3 bo2 zi5") == "ㄑㄧㄚˇ ㄅㄛˊ ˙ㄗ"
