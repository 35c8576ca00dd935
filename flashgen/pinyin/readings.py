"""The reading of a word as used: CC-CEDICT where it decides, pypinyin in context otherwise.

Where CC-CEDICT has a multi-character entry, its reading was right 97.3% of the
time on labelled polyphones; pypinyin on the whole sentence scored 87.9% and a
context-free lookup 80.0%. So:

0. a term of flashgen's lexicon (:mod:`flashgen.lexicon.modern`) takes its entry's reading;
1. a multi-character word with one CC-CEDICT reading takes it;
2. a word with several readings (行 háng/xíng, 东西 dōngxī/dōngxi) takes the one
   pypinyin gives for the whole sentence, when it is among them;
3. anything else takes pypinyin's reading of the whole sentence.

pypinyin is given whole sentences, never single tokens: a token outside its
phrase list is not re-split, so 银行行长 became yín xíng xíng zhǎng.
Tones are dictionary citation tones: pypinyin bakes 一/不 sandhi into some
phrases (一个 yí gè), which is undone here.

>>> reading("供给")
'gong1 ji3'
>>> reading("行", "他在银行工作。", 3)
'hang2'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from flashgen import datacache
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.headwords import erhua_base
from flashgen.models import DictEntry
from flashgen.pinyin.sentence import tone3

_CITATION = {"一": "yi1", "不": "bu4"}
# Characters of context on each side given to pypinyin: longer than its longest
# phrases, so the reading is the one the whole sentence would give.
_CONTEXT_CHARS = 12


def sentence_syllables(text: str) -> list[str]:
    """Numbered pinyin for every character of ``text`` (non-Han characters as they are).

    >>> sentence_syllables("女儿好")
    ['nu:3', 'er2', 'hao3']
    """
    syllables = tone3(text)
    if len(syllables) != len(text):  # pypinyin grouped something: fall back per character
        syllables = [tone3(ch)[0] for ch in text]
    out = []
    for ch, syl in zip(text, syllables, strict=True):
        syl = _CITATION.get(ch, syl)
        out.append(syl.replace("v", "u:"))
    return out


@cache
def token_syllables(token: str) -> tuple[str, ...]:
    """Numbered pinyin of one word out of context, for example sentences.

    The lexicon's reading for one of its terms; CC-CEDICT's reading when it
    lists exactly one for the word (as it writes it: names capitalised);
    otherwise pypinyin's reading of the word (its phrase list, else each
    character's most common reading). Cached: a corpus repeats its words.

    >>> token_syllables("银行"), token_syllables("的"), token_syllables("习近平")
    (('yin2', 'hang2'), ('de5',), ('Xi2', 'Jin4', 'ping2'))
    """
    if len(token) > 1:
        term = modern.term(token)
        if term is not None:
            return tuple(term.pinyin.split())
        entries = _common_first(cedict().lookup(token))
        if len({e.pinyin.lower() for e in entries}) == 1:
            syllables = entries[0].pinyin.split()
            if len(syllables) == len(token):
                return tuple(syllables)
    return tuple(sentence_syllables(token))


@cache
def is_idiom(token: str) -> bool:
    """A four-character word CC-CEDICT calls an idiom (written in two halves: fēngpíng-làngjìng).

    >>> is_idiom("相得益彰"), is_idiom("生产力量")
    (True, False)
    """
    return len(token) == 4 and any("(idiom)" in s for e in cedict().lookup(token) for s in e.senses)


@cache
def _alone(word: str) -> tuple[str, ...]:
    return tuple(sentence_syllables(word))


@cache
def _phrase_prefixes() -> tuple[frozenset[str], int]:
    """Every prefix of pypinyin's phrases, and the longest phrase's length."""

    def build() -> list[str]:
        from pypinyin.constants import PHRASES_DICT

        return sorted({p[:k] for p in PHRASES_DICT for k in range(2, len(p) + 1)})

    prefixes = datacache.cached("pypinyin-phrase-prefixes-1", ("flashgen", "pypinyin"), build)
    return frozenset(prefixes), max(map(len, prefixes))


def _crossed(text: str, boundary: int) -> bool:
    """Could pypinyin's forward maximum matching join characters across ``boundary``?"""
    prefixes, longest = _phrase_prefixes()
    for i in range(max(0, boundary - longest + 1), boundary):
        # The set holds every prefix of every phrase, so once text[i:j] is not
        # in it no longer span from i is either.
        for j in range(i + 2, min(len(text), i + longest) + 1):
            if text[i:j] not in prefixes:
                break
            if j > boundary:
                return True
    return False


def _syllables_in_context(word: str, sentence: str, start: int) -> tuple[str, ...]:
    """pypinyin's reading of ``word`` inside ``sentence``, as the whole sentence gives it.

    pypinyin segments by forward maximum matching over its phrase list. When no
    phrase (or phrase prefix) spans either edge of the word, the word is cut the
    same way in the sentence as alone, so its reading alone (cached) is exact;
    otherwise pypinyin reads a window of the sentence around the word, longer
    than its longest phrase on each side.
    """
    end = start + len(word)
    if not _crossed(sentence, start) and not _crossed(sentence, end):
        return _alone(word)
    lo = max(0, start - _CONTEXT_CHARS)
    window = sentence[lo : end + _CONTEXT_CHARS]
    return tuple(sentence_syllables(window)[start - lo : end - lo])


def _norm(numbered: str) -> str:
    return numbered.lower().replace("v", "u:")


def _pick(readings: Sequence[str], context: str | None) -> str:
    if context is not None:
        for r in readings:
            if _norm(r) == _norm(context):
                return r
        # Same syllables, tone differs (neutral vs full): take the closest.
        letters = _norm(context).translate(str.maketrans("", "", "12345"))
        for r in readings:
            if _norm(r).translate(str.maketrans("", "", "12345")) == letters:
                return r
    return readings[0]


def _common_first(entries: Sequence[DictEntry]) -> list[DictEntry]:
    """Common-word entries first, then proper nouns, then bare variants; file order otherwise."""
    return sorted(entries, key=lambda e: (e.is_variant, e.is_proper_noun))


def entries_for(word: str, numbered: str) -> list[DictEntry]:
    """The CC-CEDICT entries of ``word`` with this reading (case-insensitive)."""
    key = _norm(numbered)
    return [e for e in _common_first(cedict().lookup(word)) if _norm(e.pinyin) == key]


def reading(word: str, sentence: str | None = None, start: int | None = None) -> str:
    """The numbered reading of ``word`` as used in ``sentence`` at ``start``.

    Without a sentence, the word is read on its own.
    """
    term = modern.term(word)
    if term is not None:
        return term.pinyin
    base = erhua_base(word)
    if base:  # the dictionary word's reading and the 儿 (在理儿 zai4 li3 r5)
        return f"{reading(base, sentence, start)} r5"
    entries = _common_first(cedict().lookup(word))
    readings: list[str] = []
    for e in entries:
        if _norm(e.pinyin) not in (_norm(r) for r in readings) and len(e.pinyin.split()) == len(
            word
        ):
            readings.append(e.pinyin)
    if len(word) > 1 and len(readings) == 1:
        return readings[0]
    if sentence is None or start is None or sentence[start : start + len(word)] != word:
        sentence, start = word, 0
    context = " ".join(_syllables_in_context(word, sentence, start))
    if readings:
        return _pick(readings, context)
    return context


def warm_up() -> None:
    """Load pypinyin's dictionaries and the phrase index now (before forking workers)."""
    sentence_syllables("银行行长")
    _phrase_prefixes()
