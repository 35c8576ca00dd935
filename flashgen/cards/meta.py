"""The card's meta line in words a learner understands: HSK level, how common the word is.

wordfreq gives frequencies in Zipf units (log10 of occurrences per billion
words), which mean nothing to a learner; per million words they do:
Zipf z is 10 ** (z - 3) occurrences per million words.

>>> hsk_label(7), hsk_label(4), hsk_label(None)
('HSK 7–9', 'HSK 4', 'not in HSK')
>>> frequency_words(5.18), frequency_words(3.3), frequency_words(None)
('common: about 150 per million words', 'rare: about 2 per million words', \
'very rare: too rare for the frequency list')
"""

from __future__ import annotations

# Occurrences per million words at which a word is common, fairly common, rare;
# below the last, very rare. 100 per million is about once every four pages of
# a novel, 1 per million once in a few long books.
_BANDS: tuple[tuple[float, str], ...] = (
    (100.0, "common"),
    (10.0, "fairly common"),
    (1.0, "rare"),
)


def hsk_label(hsk: int | None) -> str:
    """``HSK 1`` .. ``HSK 6``, ``HSK 7–9`` (level 7 stands for the joint band), ``not in HSK``."""
    if hsk is None:
        return "not in HSK"
    return "HSK 7–9" if hsk >= 7 else f"HSK {hsk}"


def per_million(zipf: float) -> float:
    """Occurrences per million words of a word with this Zipf value.

    >>> per_million(3.0), round(per_million(5.0))
    (1.0, 100)
    """
    return float(10 ** (zipf - 3))


def _about(n: float) -> str:
    """A count rounded the way people say it: two significant figures, at least 1.

    >>> _about(1.6), _about(14.6), _about(151.4), _about(2345.0)
    ('2', '15', '150', '2,300')
    """
    rounded = round(n, 2 - len(str(int(n)))) if n >= 10 else round(n)
    return f"{int(rounded):,}"


def frequency_words(zipf: float | None) -> str:
    """How common a word is, in plain words with its count per million words.

    >>> frequency_words(1.2)
    'very rare: fewer than 1 per million words'
    """
    if zipf is None:
        return "very rare: too rare for the frequency list"
    n = per_million(zipf)
    for floor, name in _BANDS:
        if n >= floor:
            return f"{name}: about {_about(n)} per million words"
    return "very rare: fewer than 1 per million words"
