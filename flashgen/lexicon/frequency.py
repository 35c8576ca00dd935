"""How common a word is: its own value in wordfreq's Chinese list, in Zipf units.

Rarity is the word's own value in wordfreq's Chinese list, in Zipf units
(log10 of occurrences per billion words; 6 = once per thousand words, 3 = once
per million). ``zipf_frequency(word, "zh")`` is not used: it re-tokenizes the
word and estimates it from its pieces, which is far off for many words
(百舸争流 gets 0.0 against a list value of 1.67; 宝贵机会 3.22 against 1.21).
A word the list lacks has *unknown* frequency and counts as rare.

>>> zipf("相得益彰"), zipf("不是一个词")
(2.89, None)
"""

from __future__ import annotations

import math
from array import array
from functools import cache

from flashgen import datacache


@cache
def _zipf_table() -> dict[str, int]:
    """wordfreq's Chinese list as word -> Zipf value in hundredths.

    Cached as one string of words and an array of 16-bit values: loading that
    takes 0.09 s, against 0.3 s for wordfreq's own file or a marshalled dict.
    """

    def build() -> tuple[str, bytes]:
        from wordfreq import get_frequency_dict

        table = get_frequency_dict("zh")
        centi = [round(round(math.log10(f) + 9, 2) * 100) for f in table.values()]
        return "\n".join(table), array("H", centi).tobytes()

    words, values = datacache.cached("wordfreq-zh-zipf-1", ("flashgen", "wordfreq"), build)
    return dict(zip(words.split("\n"), array("H", values), strict=True))


def zipf(word: str) -> float | None:
    """The word's own Zipf value in wordfreq's list, rounded to 0.01; ``None`` if absent.

    >>> zipf("相得益彰")
    2.89
    """
    centi = _zipf_table().get(word)
    return None if centi is None else centi / 100


def standalone_shares(chars: frozenset[str]) -> dict[str, float]:
    """For each character, the share of its uses that are as a word of its own
    (0 to 1): its own frequency over that plus the frequencies of every longer
    word in the list that holds it.

    A free word is used alone (攥 1.00, 撂 0.35); a bound one mostly inside
    words (知 0.03: 知道, 知识). Characters the list lacks are left out. Reads
    the whole list: about 0.3 s.

    >>> shares = standalone_shares(frozenset("攥知"))
    >>> shares["攥"] > 0.9 > 0.1 > shares["知"]
    True
    """
    table = _zipf_table()
    inside = dict.fromkeys(chars, 0.0)
    for word, centi in table.items():
        if len(word) > 1:
            for ch in set(word) & chars:
                inside[ch] += 10 ** (centi / 100)
    shares = {}
    for ch in chars:
        own = table.get(ch)
        if own is not None:
            alone = 10 ** (own / 100)
            shares[ch] = alone / (alone + inside[ch])
    return shares


def warm_up() -> None:
    """Load the frequency table (before forking workers that share it)."""
    _zipf_table()
