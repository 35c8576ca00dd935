"""The reading of a word as used in its sentence (golden cases in data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flashgen.pinyin.readings import reading
from flashgen.pinyin.spelling import numbered_to_marks, numbered_to_zhuyin

DATA = Path(__file__).parent / "data"


def _cases() -> list[list[str]]:
    with (DATA / "reading_cases.tsv").open(encoding="utf-8") as fh:
        return [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


@pytest.mark.parametrize(("label", "word", "sentence", "expected"), _cases())
def test_reading(label: str, word: str, sentence: str, expected: str) -> None:
    start = sentence.find(word) if sentence else None
    got = numbered_to_marks(reading(word, sentence or None, start))
    assert got == expected, label


def test_names_keep_a_space_between_their_words() -> None:
    assert numbered_to_marks("Ren2 min2 Ri4 bao4") == "Rénmín Rìbào"


def test_zhuyin_puts_the_neutral_dot_first() -> None:
    assert numbered_to_zhuyin("qia3 bo2 zi5") == "ㄑㄧㄚˇ ㄅㄛˊ ˙ㄗ"
