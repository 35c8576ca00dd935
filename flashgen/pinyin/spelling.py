"""Pinyin spellings: numbered syllables to tone marks, zhuyin, tone numbers.

CC-CEDICT writes readings as numbered syllables (``nu:3 er2``); learners read
tone marks with the apostrophe rule (``nǚ'ér``). Tone 5 is the neutral tone.

>>> numbered_to_marks("nu:3 er2")
"nǚ'ér"
>>> numbered_to_marks("Xi1 an1")
"Xī'ān"
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_TONE_MARKS = {
    "a": "āáǎàa",
    "e": "ēéěèe",
    "i": "īíǐìi",
    "o": "ōóǒòo",
    "u": "ūúǔùu",
    "ü": "ǖǘǚǜü",
}
_SYLLABLE = re.compile(r"^([A-Za-züÜ:vV]+?)([1-5])?$")


@cache
def split_syllable(numbered: str) -> tuple[str, int]:
    """Split ``"lu:4"`` into ``("lü", 4)``. A syllable with no digit is tone 5.

    Cached, as the functions built on it: Chinese has about 1,500 toned syllables.
    """
    m = _SYLLABLE.match(numbered)
    if not m:
        return numbered, 5
    letters = m.group(1).replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    return letters, int(m.group(2) or 5)


def _mark(letters: str, tone: int) -> str:
    """Put the tone mark on the right vowel: a/e first, then the o of ou, else the last vowel."""
    if tone == 5:
        return letters
    low = letters.lower()
    if "a" in low:
        pos = low.index("a")
    elif "e" in low:
        pos = low.index("e")
    elif "ou" in low:
        pos = low.index("o")
    else:
        vowels = [i for i, ch in enumerate(low) if ch in _TONE_MARKS]
        if not vowels:
            return letters  # "r" of erhua, "m", "ng": no vowel to mark
        pos = vowels[-1]
    base = low[pos]
    marked = _TONE_MARKS[base][tone - 1]
    if letters[pos].isupper():
        marked = marked.upper()
    return letters[:pos] + marked + letters[pos + 1 :]


@cache
def syllable_marks(numbered: str) -> str:
    """One numbered syllable to tone marks: ``"lu:4"`` -> ``"lǜ"``."""
    letters, tone = split_syllable(numbered)
    return _mark(letters, tone)


def join_syllables(syllables: list[str]) -> str:
    """Join marked syllables into a word, with an apostrophe before a, o, e.

    A capitalised syllable starts a new word of a name (CC-CEDICT writes
    ``Ren2 min2 Ri4 bao4``), so it gets a space instead.

    >>> join_syllables(["dá", "àn"]), join_syllables(["Rén", "mín", "Rì", "bào"])
    ("dá'àn", 'Rénmín Rìbào')
    """
    out = ""
    for i, syl in enumerate(syllables):
        if i and syl[:1].isupper():
            out += " "
        elif i and syl[:1].lower() in "aāáǎàoōóǒòeēéěè":
            out += "'"
        out += syl
    return out


# A token of a numbered reading with letters and no tone digit: a Latin letter
# or word that the Chinese word holds (CC-CEDICT's ``A A zhi4`` for AA制,
# ``ka3 la1 O K`` for 卡拉OK). Every pinyin syllable carries its digit.
_LATIN = re.compile(r"^[A-Za-z]+$")


def is_latin(token: str) -> bool:
    """``token`` of a numbered reading is Latin letters, not a syllable.

    >>> is_latin("A"), is_latin("OK"), is_latin("zhi4"), is_latin("·")
    (True, True, False, False)
    """
    return bool(_LATIN.match(token))


def latin_runs(numbered: str) -> list[tuple[bool, list[str]]]:
    """The tokens of a numbered reading in runs: (Latin?, tokens).

    Latin letters written apart in CC-CEDICT (``A A``) make one run, written
    together (AA), and a run of them is a word of its own beside the pinyin.

    >>> latin_runs("ka3 la1 O K")
    [(False, ['ka3', 'la1']), (True, ['O', 'K'])]
    """
    runs: list[tuple[bool, list[str]]] = []
    for token in numbered.split():
        latin = is_latin(token)
        if runs and runs[-1][0] == latin:
            runs[-1][1].append(token)
        else:
            runs.append((latin, [token]))
    return runs


@cache
def numbered_to_marks(numbered: str) -> str:
    """A word's numbered pinyin (space-separated) to tone marks, apostrophe rule applied.

    Non-syllable tokens (``,``, ``·``) are kept as they are; Latin letters
    (AA制, 三C, 卡拉OK) are written together, a space between them and the pinyin.

    >>> numbered_to_marks("A A zhi4"), numbered_to_marks("ka3 la1 O K")
    ('AA zhì', 'kǎlā OK')
    """
    return " ".join(
        "".join(tokens) if latin else join_syllables([syllable_marks(s) for s in tokens])
        for latin, tokens in latin_runs(numbered)
    )


def _bopomofo() -> Any:
    from pypinyin.style.bopomofo import BopomofoConverter

    return BopomofoConverter()


@cache
def numbered_to_zhuyin(numbered: str) -> str:
    """Numbered pinyin to zhuyin (bopomofo), syllables separated by spaces.

    The neutral-tone dot goes first, as zhuyin writes it.

    >>> numbered_to_zhuyin("gong1 ji3")
    'ㄍㄨㄥ ㄐㄧˇ'
    >>> numbered_to_zhuyin("qia3 bo2 zi5"), numbered_to_zhuyin("A A zhi4")
    ('ㄑㄧㄚˇ ㄅㄛˊ ˙ㄗ', 'AA ㄓˋ')
    """
    return " ".join(
        "".join(tokens) if latin else " ".join(_syllable_zhuyin(syl) for syl in tokens)
        for latin, tokens in latin_runs(numbered)
    )


@cache
def _syllable_zhuyin(syl: str) -> str:
    letters, tone = split_syllable(syl)
    low = letters.lower().replace("ü", "v")
    if not low.isalpha() or not low.isascii():
        return syl
    bopo: str = _bopomofo().to_bopomofo(low + (str(tone) if tone != 5 else ""))
    if tone == 5:
        bopo = "˙" + bopo.replace("˙", "")
    return bopo


# How a mark is written in pinyin text (docs/pinyin-style.md): its Western
# counterpart, and what it attaches to: "close" to the word before it (a space
# follows), "open" to the word after it (a space precedes), "join" to both.
# ASCII marks in a Chinese text are written the same way as their Chinese twins.
_MARKS: tuple[tuple[str, str, str], ...] = (
    ("，", ",", "close"), (",", ",", "close"), ("、", ",", "close"),
    ("。", ".", "close"), ("．", ".", "close"), (".", ".", "close"),
    ("！", "!", "close"), ("!", "!", "close"), ("？", "?", "close"), ("?", "?", "close"),
    ("；", ";", "close"), (";", ";", "close"), ("：", ":", "close"), (":", ":", "close"),
    ("“", '"', "open"), ("”", '"', "close"), ("‘", "'", "open"), ("’", "'", "close"),
    ("《", '"', "open"), ("》", '"', "close"), ("〈", '"', "open"), ("〉", '"', "close"),
    ("「", '"', "open"), ("」", '"', "close"), ("『", '"', "open"), ("』", '"', "close"),
    ("（", "(", "open"), ("(", "(", "open"), ("）", ")", "close"), (")", ")", "close"),
    ("【", "[", "open"), ("〔", "[", "open"), ("[", "[", "open"),
    ("】", "]", "close"), ("〕", "]", "close"), ("]", "]", "close"),
    ("……", "...", "close"), ("…", "...", "close"), ("⋯", "...", "close"),
    ("——", "—", "join"), ("—", "—", "join"), ("－", "-", "join"), ("-", "-", "join"),
    ("～", "~", "join"), ("~", "~", "join"), ("·", "·", "join"), ("・", "·", "join"),
    ("•", "·", "join"), ("／", "/", "join"), ("/", "/", "join"),
    ("％", "%", "close"), ("%", "%", "close"),
)  # fmt: skip
SENTENCE_END = frozenset(".!?")


@cache
def _mark_table() -> dict[str, tuple[str, str]]:
    return {mark: (western, side) for mark, western, side in _MARKS}


def punctuation(text: str) -> list[tuple[str, str]]:
    """The marks of a run of punctuation as (Western mark, attachment), longest marks first.

    ``"`` and ``'`` typed as ASCII are left to the caller (they open or close by
    position). Characters that are no mark come back as ``(char, "text")``.

    >>> punctuation("……”，")
    [('...', 'close'), ('"', 'close'), (',', 'close')]
    >>> punctuation("——《")
    [('—', 'join'), ('"', 'open')]
    """
    table = _mark_table()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        pair = table.get(text[i : i + 2])
        if pair is not None and len(text[i : i + 2]) == 2:
            out.append(pair)
            i += 2
            continue
        char = text[i]
        if "\uff01" <= char <= "\uff5e" and not char.isalnum():  # full-width ASCII marks
            char = chr(ord(char) - 0xFEE0)
        out.append(table.get(char, (char, "text")))
        i += 1
    return out


def capitalise(word: str) -> str:
    """The word with its first letter upper case (tone marks kept).

    >>> capitalise("ǎi"), capitalise("2026")
    ('Ǎi', '2026')
    """
    return word[:1].upper() + word[1:]
