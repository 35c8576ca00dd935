"""Sentences in pinyin: pypinyin's numbered reading, computed faster; the house style.

:func:`write_pinyin` writes a segmented sentence the way pinyin is written
(docs/pinyin-style.md): words as units, Western punctuation attached to the
word before it, a capital at the start of a sentence.

The rest of this module is pypinyin's numbered reading of a text, computed
the way pypinyin does, faster.

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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from flashgen.pinyin.spelling import SENTENCE_END, capitalise, numbered_to_marks, punctuation


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


# The house style of example pinyin (docs/pinyin-style.md).

_HAN_CHAR = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Tokens written onto the word before them (GB/T 16159 4.1.3: 们 is part of the word).
_ATTACHED = frozenset({"们"})
_ERHUA = frozenset({"er5", "r5", "r"})
# Marks Chinese writes doubled (——, ……): one Western mark, however the text was cut.
_DOUBLED = frozenset({"—", "..."})


@dataclass(frozen=True)
class _Piece:
    text: str
    side: str  # "word", "close", "open", "join"


def _erhua(token: str, syllables: Sequence[str]) -> list[str]:
    """A word's syllables with a neutral-tone 儿 at its end written as ``r`` (一点儿 yìdiǎnr)."""
    out = list(syllables)
    if len(token) > 1 and token.endswith("儿") and out and out[-1].lower() in _ERHUA:
        out[-1] = "r5"
    return out


def _pieces(
    tokens: Sequence[str],
    syllables: Callable[[str], Sequence[str]],
    idiom: Callable[[str], bool],
) -> list[_Piece]:
    out: list[_Piece] = []
    double_open = single_open = False
    for token in tokens:
        if not token.strip():
            continue
        if _HAN_CHAR.search(token):
            syls = _erhua(token, syllables(token))
            if idiom(token) and len(syls) == 4:
                halves = (
                    numbered_to_marks(" ".join(syls[:2])),
                    numbered_to_marks(" ".join(syls[2:])),
                )
                text = "-".join(halves)
            else:
                text = numbered_to_marks(" ".join(syls))
            if token in _ATTACHED and out and out[-1].side == "word":
                out[-1] = _Piece(out[-1].text + text, "word")
            elif token == "儿" and syls[-1].lower() in _ERHUA and out and out[-1].side == "word":
                out[-1] = _Piece(out[-1].text + "r", "word")
            else:
                out.append(_Piece(text, "word"))
            continue
        text_run = ""
        for mark, side in punctuation(token.strip()):
            if side == "text" and mark in "\"'":
                opened = double_open if mark == '"' else single_open
                side = "close" if opened else "open"
                if mark == '"':
                    double_open = not opened
                else:
                    single_open = not opened
            elif side == "text" and not mark.isspace():
                text_run += mark
                continue
            if text_run:
                out.append(_Piece(text_run, "word"))
                text_run = ""
            if side == "text":
                continue  # a space inside a token
            if mark in _DOUBLED and out and out[-1].text == mark:
                continue  # —— and …… cut into two tokens: one mark
            out.append(_Piece(mark, side))
        if text_run:
            out.append(_Piece(text_run, "word"))
    return out


def write_pinyin(
    tokens: Sequence[str],
    syllables: Callable[[str], Sequence[str]],
    *,
    sentence_start: bool = True,
    idiom: Callable[[str], bool] = lambda token: False,
) -> str:
    """A segmented sentence in pinyin, written in flashgen's house style.

    Words are written as units, a space between them; punctuation becomes its
    Western mark, attached to the word before it (opening quotes and brackets
    to the word after it); numbers and Latin letters stay as they are; the
    first word of a sentence takes a capital. ``syllables`` gives a Han token's
    numbered syllables; ``idiom`` says which four-character tokens are idioms
    (written in two halves joined by a hyphen, as GB/T 16159 does).
    ``sentence_start`` is false for a sentence cut at its start.

    >>> read = {"我们": ["wo3", "men5"], "说": ["shuo1"], "好": ["hao3"]}.__getitem__
    >>> write_pinyin(["我们", "说", "：", "“", "好", "”", "。"], read)
    'Wǒmen shuō: "Hǎo".'
    """
    pieces = _pieces(tokens, syllables, idiom)
    out: list[str] = []
    capital = sentence_start
    previous = "open"  # nothing before the first piece: no space
    for piece in pieces:
        text = piece.text
        if piece.side == "word":
            if capital:
                text = capitalise(text)
            capital = False
        elif piece.text in SENTENCE_END or piece.text == "...":
            capital = piece.text in SENTENCE_END
        elif piece.side == "open" and previous == "close" and out and out[-1] == ":":
            capital = True  # a quotation after a colon is a sentence: 他说："好。"
        space = piece.side in ("word", "open") and previous not in ("open", "join")
        out.append((" " if space else "") + text)
        previous = piece.side
    return "".join(out)
