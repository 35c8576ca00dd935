"""clean_text: debris out, characters normalised, Chinese text and line structure kept."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testdata import SHARED, Case, cases, needs_shared

from flashgen.text.clean import clean_text, is_page_number_line
from flashgen.text.decode import decode_bytes

SEED = SHARED / "corpus" / "seed" / "000_8594340499d60f29.txt"


@pytest.mark.parametrize("case", cases("clean_cases.json"))
def test_golden_cases(case: Case) -> None:
    assert clean_text(case.input) == case.expected


@pytest.mark.parametrize("line", ["—　1　—", "- 12 -", "第 3 页", "Page 3", "－２－", "  第12页  "])
def test_page_number_lines(line: str) -> None:
    assert is_page_number_line(line)


@pytest.mark.parametrize(
    "line", ["", "3.5 亿元", "第3页的内容", "Page 3 is blank.", "—— 引自《论语》"]
)
def test_not_page_number_lines(line: str) -> None:
    assert not is_page_number_line(line)


def test_surrogateescape_text_does_not_crash() -> None:
    raw = "好人".encode() + b"\xff\xfe" + "好事".encode()
    assert clean_text(raw.decode("utf-8", "surrogateescape")) == "好人好事"


@needs_shared("corpus", "seed", SEED.name)
def test_seed_document_loses_only_debris() -> None:
    text = decode_bytes(SEED.read_bytes(), SEED.name).text
    cleaned = clean_text(text)
    assert "[bookmark:" not in cleaned
    assert "—　1　—" not in cleaned.split("\n")
    assert cleaned.count("\n") == text.count("\n") - 1  # only the page-number line went
    assert "3.习近平复信参加“共航蔚蓝：中美青年友谊行”活动的两国学生" in cleaned


@given(st.text())
def test_any_text_comes_out_clean_and_stable(text: str) -> None:
    cleaned = clean_text(text)
    assert not any("\ud800" <= ch <= "\udfff" for ch in cleaned)
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in cleaned)
    assert "\r" not in cleaned
    assert clean_text(cleaned) == cleaned


@given(st.text(st.sampled_from("你好世界学习中文，。！？“”（）\n　")))
def test_plain_chinese_text_is_untouched(text: str) -> None:
    assert clean_text(text) == text
