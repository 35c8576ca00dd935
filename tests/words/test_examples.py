"""Example sentences: scoring, windowing long sentences, highlighting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flashgen.words.examples import CHAR_WINDOW_MAX, highlight, score, window


def test_complete_sentences_of_readable_length_score_best() -> None:
    good = "未来产业具有前瞻性、战略性、颠覆性等特点。"
    assert score(good) < score("前瞻布局")  # a heading: short, incomplete
    assert score(good) < score(good * 4)  # too long


def test_a_one_megabyte_line_gives_a_short_example_around_the_word() -> None:
    line = "我" * 500_000 + "新质生产力" + "你" * 500_000
    text, offset = window(line, 500_000, 5)
    assert len(text) <= CHAR_WINDOW_MAX + 2
    assert text[offset : offset + 5] == "新质生产力"


def test_long_sentences_are_cut_to_whole_clauses_around_the_word() -> None:
    s = (
        "当前，新一轮科技革命和产业变革加速演进，"
        "前沿技术不断涌现，引领和支撑未来产业快速崛起，这是大势所趋。"
    )
    text, offset = window(s, s.index("涌现"), 2)
    assert text[offset : offset + 2] == "涌现"
    assert "前沿技术不断涌现" in text and len(text) < len(s)


def test_highlight_wraps_the_headword_and_escapes_the_rest() -> None:
    assert highlight("a<b 供给。", 4, "供给") == 'a&lt;b <span class="hw">供给</span>。'


@given(st.text(min_size=1, max_size=300), st.data())
def test_window_always_keeps_the_word(sentence: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(sentence) - 1))
    length = data.draw(st.integers(1, len(sentence) - start))
    text, offset = window(sentence, start, length)
    assert text[offset : offset + length] == sentence[start : start + length]
