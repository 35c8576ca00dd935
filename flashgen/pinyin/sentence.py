"""pypinyin's numbered reading of a text, computed the way pypinyin does, faster.

flashgen asks pypinyin for one thing: ``lazy_pinyin(text, style=TONE3,
neutral_tone_with_five=True, errors=list)``. pypinyin answers it by cutting the
text into Han and non-Han runs, cutting each Han run into its phrases (forward
maximum matching), and looking each phrase up (else each character), then
converting every tone-marked syllable to numbered style through a chain of
converter objects built anew for each call. That conversion is most of the
time (about 40 µs per call on two-character words), and it only depends on the
character and its tone-marked syllable.

:func:`tone3` does the same steps with pypinyin's own segmenter, dictionaries
and converter, and caches the conversion per (character, syllable). A Han
character pypinyin has no reading for sends the whole text to pypinyin itself.
``tests/pinyin/test_sentence_pinyin.py`` checks the two agree on every sentence and
every token of the seed and the sample texts, and on random text.

>>> tone3("银行行长说：好了")
['yin2', 'hang2', 'hang2', 'zhang3', 'shuo1', '：', 'hao3', 'le5']
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _pypinyin() -> tuple[Any, ...]:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter
    from pypinyin.seg.simpleseg import seg

    return lazy_pinyin, Style.TONE3, PHRASES_DICT, PINYIN_DICT, RE_HANS, seg, UltimateConverter


def reference(text: str) -> list[str]:
    """pypinyin's own answer: one item per character when nothing is grouped."""
    lazy_pinyin, style, *_ = _pypinyin()
    result: list[str] = lazy_pinyin(
        text, style=style, neutral_tone_with_five=True, errors=lambda chars: list(chars)
    )
    return result


@cache
def _converter() -> Any:
    *_, converter_class = _pypinyin()
    return converter_class(neutral_tone_with_five=True)


@cache
def _numbered(han: str, marked: str) -> str:
    """pypinyin's conversion of one character's tone-marked syllable to TONE3 style."""
    style = _pypinyin()[1]
    result: str = _converter().convert_style(han, marked, style=style, strict=True)
    return result


def tone3(text: str) -> list[str]:
    """Numbered syllables of ``text``, exactly as :func:`reference` gives them."""
    _, _, phrases, singles, hans, seg, _ = _pypinyin()
    out: list[str] = []
    # A word pypinyin lists, or one character, is one segment: what its
    # segmenter finds too (a Han run, cut by strict maximum matching), sooner.
    one = hans.match(text) and (len(text) == 1 or text in phrases)
    for word in (text,) if one else seg(text):
        if not hans.match(word):
            out.extend(word)  # no reading: each character as it is (errors=list)
            continue
        phrase = phrases.get(word)
        if phrase is not None:
            if len(phrase) != len(word):
                return reference(text)
            marked = [readings[0] for readings in phrase]
        else:
            marked = []
            for han in word:
                readings = singles.get(ord(han))
                if readings is None:
                    return reference(text)  # pypinyin's own handling of the unknown
                marked.append(readings.split(",")[0])
        out.extend(_numbered(han, m) for han, m in zip(word, marked, strict=True))
    return out
