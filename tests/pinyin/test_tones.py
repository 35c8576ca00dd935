"""Tone-coloured pinyin and hanzi: one toneN span per syllable."""

from __future__ import annotations

import pytest

from flashgen.pinyin.html import hanzi_html, pinyin_html


@pytest.mark.parametrize(
    ("numbered", "expected"),
    [
        ("nu:3 er2", '<span class="tone3">nǚ</span><span class="tone2">\'ér</span>'),
        ("gong1 ji3", '<span class="tone1">gōng</span><span class="tone3">jǐ</span>'),
        ("pu2 tao5", '<span class="tone2">pú</span><span class="tone5">tao</span>'),
        ("Xi1 an1", '<span class="tone1">Xī</span><span class="tone1">\'ān</span>'),
        ("lu:4", '<span class="tone4">lǜ</span>'),
        # Latin letters: one word, a space between it and the pinyin.
        ("san1 C", '<span class="tone1">sān</span> C'),
        ("A cai4", 'A <span class="tone4">cài</span>'),
        ("A A zhi4", 'AA <span class="tone4">zhì</span>'),
        ("ka3 la1 O K", '<span class="tone3">kǎ</span><span class="tone1">lā</span> OK'),
        ("Tony lao3 shi1", 'Tony <span class="tone3">lǎo</span><span class="tone1">shī</span>'),
        ("", ""),
    ],
)
def test_pinyin_html(numbered: str, expected: str) -> None:
    assert pinyin_html(numbered) == expected


@pytest.mark.parametrize(
    ("hanzi", "numbered", "expected"),
    [
        ("女儿", "nu:3 er2", '<span class="tone3">女</span><span class="tone2">儿</span>'),
        ("葡萄", "pu2 tao5", '<span class="tone2">葡</span><span class="tone5">萄</span>'),
        ("卡拉OK", "ka3 la1 O K", '<span class="tone3">卡</span><span class="tone1">拉</span>OK'),
        ("一点儿", "yi1 dian3", "一点儿"),
        ("<b>", "bu4 b c", '<span class="tone4">&lt;</span>b&gt;'),
    ],
)
def test_hanzi_html(hanzi: str, numbered: str, expected: str) -> None:
    assert hanzi_html(hanzi, numbered) == expected
