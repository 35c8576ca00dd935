"""The level rule: which band a word belongs to, and the order of a deck's words.

Levels are exclusive bands (a word is in exactly one):

========================  =================  ======================
level                     HSK 3.0 (2025)     outside HSK: Zipf
========================  =================  ======================
beginner                  1-3                >= 4.8
intermediate              4-6                4.2 <= Zipf < 4.8
advanced                  7-9                < 4.2, or unknown
========================  =================  ======================

Why these cut-offs: for words that appear in the seed text, mean Zipf by HSK
level was 5.34, 5.00, 4.94, 4.68, 4.51, 4.39 for levels 1-6 and 3.95 for 7-9
(3.20 outside HSK). 4.8 sits between level 3 (4.94) and level 4 (4.68); 4.2
between level 6 (4.39) and band 7-9 (3.95). So a word outside HSK lands in the
band whose HSK words it is as common as.

>>> band(hsk=7, zipf=5.0), band(hsk=None, zipf=4.5), band(hsk=None, zipf=None)
('advanced', 'intermediate', 'advanced')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from flashgen.models import WordUse

BEGINNER_MIN_ZIPF = 4.8  # between HSK 3 (mean 4.94) and HSK 4 (4.68)
INTERMEDIATE_MIN_ZIPF = 4.2  # between HSK 6 (mean 4.39) and HSK 7-9 (3.95)


def band(hsk: int | None, zipf: float | None) -> str:
    """The level band of a word from its HSK level (1-7) or else its Zipf value."""
    if hsk is not None:
        return "beginner" if hsk <= 3 else "intermediate" if hsk <= 6 else "advanced"
    if zipf is None or zipf < INTERMEDIATE_MIN_ZIPF:
        return "advanced"
    return "beginner" if zipf >= BEGINNER_MIN_ZIPF else "intermediate"


def rarity_order(words: Iterable[WordUse]) -> list[WordUse]:
    """Rarest first; unknown frequency counts as rarest; ties by count in the document.

    This order is the deck's new-card order in Anki.
    """
    return sorted(
        words,
        key=lambda w: (w.zipf if w.zipf is not None else -1.0, -w.count, w.word),
    )


def wanted(
    level: str, known: Collection[str], hsk: int | None, zipf: float | None, *forms: str
) -> bool:
    """The level rule for one word: in ``level``'s band, and none of its ``forms`` known.

    >>> wanted("advanced", {"谋划"}, 7, 3.1, "谋划"), wanted("advanced", set(), 7, 3.1, "谋划")
    (False, True)
    """
    return band(hsk, zipf) == level and not any(form in known for form in forms)
