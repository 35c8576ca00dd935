"""Glosses composed from a word's parts, for words no dictionary lists, and only when honest.

A word CC-CEDICT lacks can sometimes be explained by its parts: 举国体制 is
举国 "the entire country" + 体制 "system", 颠覆性 is 颠覆 "to topple" + the
suffix 性 "-ness, -ity". Single characters glossed by their first sense do
not explain a word (并跑 is not "and + to run", 类脑智能 is not "kind + brain +
intelligent"): a character has many senses and the word picks one no gloss
can guess. So a composed gloss is given only when every part is

- a word of several characters with a common-word CC-CEDICT entry (its first
  senses are what the part means), or
- a productive affix where it stands: a character whose CC-CEDICT entry
  describes it as a prefix or suffix (``suffix ...``, ``-ization``, ``anti-``)
  at the start or the end of the word, glossed by that affix.

Otherwise :func:`composed_gloss` gives ``""``: the note has no definition,
the card says so, and no Recall card asks for the word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from flashgen.cards.definitions import format_composed
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.headwords import dictionary_words
from flashgen.models import DictEntry
from flashgen.words.parts import split_parts

# A part's gloss quotes one sense, cut at a word within this many characters.
_PART_GLOSS_CHARS = 30
# ... chosen among this many first senses (CC-CEDICT lists the common ones first).
_GLOSS_SENSES = 3
_LONG_GLOSS = 20

_NOT_A_GLOSS = re.compile(
    r"^(surname |abbr\. for |see |used in |also written |classifier for |CL:)"
)
# How CC-CEDICT describes an affix: in words, or as an English affix (-ness, anti-).
_SUFFIX_WORD = re.compile(r"\bsuffix\b", re.IGNORECASE)
_PREFIX_WORD = re.compile(r"\bprefix\b", re.IGNORECASE)
_ENGLISH_SUFFIX = re.compile(r"(?<![\w-])-[a-z]{2,}\b")
_ENGLISH_PREFIX = re.compile(r"\b[a-z]{2,}-(?![\w-])")


@dataclass(frozen=True)
class Affix:
    """What CC-CEDICT says a character does as an affix: its gloss at the start, at the end."""

    prefix: str
    suffix: str


def _senses(char: str) -> list[str]:
    entries = [e for e in cedict().lookup(char) if not e.is_variant and not e.is_proper_noun]
    return [s for e in entries for s in e.senses]


def _affix_gloss(senses: Sequence[str], word: re.Pattern[str], english: re.Pattern[str]) -> str:
    """The gloss of the senses that describe an affix of one kind ("" if none does)."""
    forms: list[str] = []
    described = ""
    for sense in senses:
        found = english.findall(sense)
        forms.extend(f for f in found if f not in forms)
        if not found and not described and word.search(sense):
            described = re.sub(r"\((?:suffix|prefix)\)\s*|\(|\)", "", sense).split(",")[0].strip()
    if forms:
        return ", ".join(forms)
    # A described affix is one only when the description is short: 感 "(suffix)
    # sense of ~"; 老's "prefix used before the surname of a person ..." names no
    # meaning a word could be built from.
    return described if len(described) <= _PART_GLOSS_CHARS else ""


@cache
def affix(char: str) -> Affix:
    """The affix glosses CC-CEDICT gives a character (empty strings when it gives none).

    >>> affix("性").suffix, affix("超").prefix, affix("跑")
    ('-ness, -ity', 'ultra-, super-', Affix(prefix='', suffix=''))
    """
    senses = _senses(char)
    return Affix(
        prefix=_affix_gloss(senses, _PREFIX_WORD, _ENGLISH_PREFIX),
        suffix=_affix_gloss(senses, _SUFFIX_WORD, _ENGLISH_SUFFIX),
    )


def _common_entries(part: str) -> list[DictEntry]:
    return [e for e in cedict().lookup(part) if not e.is_variant and not e.is_proper_noun]


@cache
def short_gloss(part: str, numbered: str | None) -> str:
    """A short gloss of one part of a composed word, for the reading it has there.

    Among the entries with that reading, the one with most senses stands for the
    common meaning (後 "back, after" rather than 后 "empress").
    """
    entries = [e for e in cedict().lookup(part) if not e.is_variant]
    if not entries:  # a term of flashgen's lexicon (具身智能 in 具身智能体)
        return modern.short_gloss(part) or "?"
    entries = [e for e in entries if not e.is_proper_noun] or entries  # 少先队 is only a name
    if numbered:
        same = [e for e in entries if e.pinyin.lower() == numbered.lower()]
        entries = same or entries
    if not entries:
        return "?"
    entry = max(entries, key=lambda e: len(e.senses))
    senses = [s for s in entry.senses if not _NOT_A_GLOSS.match(s)] or list(entry.senses)
    plain = [re.sub(r"\s*\([^)]*\)", "", s).strip() or s for s in senses]
    # The first sense, unless it is long: then the shortest of the first few is
    # the most general gloss (专: "special", not "for a particular person, occasion, purpose").
    sense = plain[0] if len(plain[0]) <= _LONG_GLOSS else min(plain[:_GLOSS_SENSES], key=len)
    if len(sense) > _PART_GLOSS_CHARS:
        sense = sense[:_PART_GLOSS_CHARS].rsplit(" ", 1)[0] + "…"
    return sense


def _is_word(part: str) -> bool:
    """A word of several characters that can build a word: a common-word entry, no question word.

    A question word (什么 "what?") makes a phrase with what it meets (本草什么), not a word.
    """
    if len(part) < 2 or part not in dictionary_words():
        return False
    if modern.term(part) is not None:
        return True  # a term of flashgen's own lexicon, glossed by it
    entries = _common_entries(part)
    return bool(entries) and not any(e.senses[0].rstrip().endswith("?") for e in entries)


def _splits(word: str) -> list[tuple[str, ...]]:
    """Ways to cut ``word`` into parts: the fewest dictionary words, and an affix split off."""

    def cut(rest: str) -> tuple[str, ...]:
        return (rest,) if _is_word(rest) else split_parts(rest)

    found = [split_parts(word)]
    if len(word) > 2:
        found.append((word[0], *cut(word[1:])))
        found.append((*cut(word[:-1]), word[-1]))
    return found


def explaining_parts(word: str) -> list[tuple[str, str]] | None:
    """The parts of ``word`` with their glosses' kind, if they explain it; else ``None``.

    Each part comes as (part, affix gloss), the affix gloss empty for a word.

    >>> explaining_parts("颠覆性")
    [('颠覆', ''), ('性', '-ness, -ity')]
    >>> explaining_parts("并跑") is None, explaining_parts("类脑智能") is None
    (True, True)
    """
    for parts in _splits(word):
        if len(parts) < 2:
            continue
        out: list[tuple[str, str]] = []
        for i, part in enumerate(parts):
            if _is_word(part):
                out.append((part, ""))
                continue
            if len(part) != 1:
                break
            found = affix(part)
            gloss = found.prefix if i == 0 else found.suffix if i == len(parts) - 1 else ""
            if not gloss:
                break
            out.append((part, gloss))
        else:
            if any(not gloss for _, gloss in out):  # at least one word: affixes alone say little
                return out
    return None


def composed_gloss(word: str, numbered: str = "") -> str:
    """A gloss built from the word's parts, marked as composed; ``""`` when they do not explain it.

    ``numbered`` is the word's reading as used; each part is glossed for its share of it.

    >>> composed_gloss("并跑", "bing4 pao3")
    ''
    """
    parts = explaining_parts(word)
    if parts is None:
        return ""
    syllables = numbered.split() if len(numbered.split()) == len(word) else []
    glossed, pos = [], 0
    for part, affix_gloss in parts:
        reading_of_part = " ".join(syllables[pos : pos + len(part)]) if syllables else None
        glossed.append((part, affix_gloss or short_gloss(part, reading_of_part)))
        pos += len(part)
    return format_composed(glossed)
