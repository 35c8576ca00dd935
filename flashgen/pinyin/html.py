"""Tone-coloured HTML: pinyin and hanzi wrapped in one ``toneN`` span per syllable.

The note type's CSS colours ``tone1`` .. ``tone5`` (5 is the neutral tone) the
way Pleco and the Chinese Support add-on do, so learners see each tone.

>>> pinyin_html("nu:3 er2")
'<span class="tone3">nǚ</span><span class="tone2">\\'ér</span>'
>>> hanzi_html("女儿", "nu:3 er2")
'<span class="tone3">女</span><span class="tone2">儿</span>'
"""

from __future__ import annotations

import html
import re
from functools import cache

from flashgen.pinyin.spelling import (
    join_syllables,
    latin_runs,
    split_syllable,
    syllable_marks,
)

# A CC-CEDICT syllable always carries its tone digit (``r5``, ``xx5``); tokens
# without one are Latin letters (``san1 C``) or punctuation (``·``, ``,``).
_TONED = re.compile(r"^[A-Za-züÜ:vV]+[1-5]$")


def _span(tone: int, text: str) -> str:
    return f'<span class="tone{tone}">{html.escape(text, quote=False)}</span>'


def _with_apostrophe(marked: str) -> str:
    """A non-initial syllable as it is written inside a word, apostrophe included.

    Reuses the rule of :func:`flashgen.pinyin.spelling.join_syllables` by joining after a
    dummy syllable and dropping it.

    >>> _with_apostrophe("ér"), _with_apostrophe("jǐ")
    ("'ér", 'jǐ')
    """
    return join_syllables(["n", marked])[1:]


@cache
def pinyin_html(numbered: str) -> str:
    """Numbered pinyin to tone-marked HTML, one ``toneN`` span per syllable.

    The apostrophe of the a/o/e rule belongs to the span of the syllable it
    precedes. Tokens without a tone digit are kept as plain escaped text.

    >>> pinyin_html("gong1 ji3")
    '<span class="tone1">gōng</span><span class="tone3">jǐ</span>'

    Latin letters are written together, a space between them and the pinyin
    (as :func:`~flashgen.pinyin.spelling.numbered_to_marks` writes them):

    >>> pinyin_html("san1 C")
    '<span class="tone1">sān</span> C'
    >>> pinyin_html("A A zhi4")
    'AA <span class="tone4">zhì</span>'
    """
    return " ".join(
        html.escape("".join(tokens), quote=False) if latin else _syllables_html(tokens)
        for latin, tokens in latin_runs(numbered)
    )


def _syllables_html(tokens: list[str]) -> str:
    """A run of syllables (and marks) with no Latin letters, as :func:`pinyin_html` writes it."""
    out = []
    previous_was_syllable = False
    for token in tokens:
        if not _TONED.match(token):
            out.append(html.escape(token, quote=False))
            previous_was_syllable = False
            continue
        marked = syllable_marks(token)
        if previous_was_syllable:
            marked = _with_apostrophe(marked)
        out.append(_span(split_syllable(token)[1], marked))
        previous_was_syllable = True
    return "".join(out)


def hanzi_html(hanzi: str, numbered: str) -> str:
    """Hanzi with each character in its syllable's tone span.

    Characters pair with syllables one to one; when the counts differ (erhua
    written without 儿, a Latin letter, a typo) the hanzi come back plain.

    >>> hanzi_html("供给", "gong1 ji3")
    '<span class="tone1">供</span><span class="tone3">给</span>'
    >>> hanzi_html("卡拉OK", "ka3 la1 O K")
    '<span class="tone3">卡</span><span class="tone1">拉</span>OK'
    >>> hanzi_html("一点", "yi1")
    '一点'
    """
    syllables = numbered.split()
    if len(syllables) != len(hanzi):
        return html.escape(hanzi, quote=False)
    return "".join(
        _span(split_syllable(s)[1], ch) if _TONED.match(s) else html.escape(ch, quote=False)
        for ch, s in zip(hanzi, syllables, strict=True)
    )
