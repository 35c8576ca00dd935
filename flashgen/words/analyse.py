"""Analyse one document: segment it into lexical units and collect word uses.

The output is every candidate word of the document with its count, its
frequency facts and its best example sentence. Level selection happens later.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.han import is_han
from flashgen.lexicon.headwords import dictionary_words, erhua_base, is_plain_noun, mixed_words
from flashgen.lexicon.hsk import hsk_level
from flashgen.models import Document, Example, Sentence, WordUse
from flashgen.text.bylines import credit_prefix, is_byline
from flashgen.text.documents import split_sentences
from flashgen.words import examples, grammar, segment, terms
from flashgen.words.names import is_person_name, is_proper_noun, names_in_use
from flashgen.words.numbers import is_number, is_numeral, is_unit
from flashgen.words.parts import is_verb, split_parts
from flashgen.words.wordhood import judge, single_char_word


@dataclass(frozen=True)
class Analysis:
    """A document's candidate words, each with its use and best example."""

    document: Document
    uses: tuple[WordUse, ...]
    examples: dict[str, Example]
    running_words: tuple[str, ...]
    tags: dict[str, str]
    words_seen: int = 0  # running words, kept when ``running_words`` is dropped

    def narrowed(self, keep: Callable[[WordUse], bool]) -> Analysis:
        """Only the uses ``keep`` accepts, with their examples and tags; no running words.

        What a worker process sends back: the rest is not needed for cards.
        """
        uses = tuple(u for u in self.uses if keep(u))
        words = {u.word for u in uses}
        return Analysis(
            self.document,
            uses,
            {w: e for w, e in self.examples.items() if w in words},
            (),
            {w: t for w, t in self.tags.items() if w in words},
            self.words_seen,
        )


def sentence_tokens(
    sentence: str, known_terms: frozenset[str], extra: tuple[str, ...]
) -> list[str]:
    """Tokens of a (simplified) sentence: jieba with dictionaries, then the corpus terms."""
    return terms.force_terms(segment.cut(sentence, extra), known_terms)


# Single characters from HSK level 4 up, between two other single characters,
# are pieces of a word no dictionary has (信创园 gives 信 创 园): not words of
# their own. Common characters in such runs are words (我 爱 你).
_FRAGMENT_MIN_HSK = 4


def _inside_unknown_word(tokens: Sequence[str], i: int) -> bool:
    """Is the single character ``tokens[i]`` a piece of an unsegmented word?

    >>> _inside_unknown_word(["国家", "信", "创", "园", "考察"], 2)
    True
    >>> _inside_unknown_word(["我", "爱", "你"], 1)
    False
    """
    level = hsk_level(tokens[i])
    if level is None or level < _FRAGMENT_MIN_HSK or not 0 < i < len(tokens) - 1:
        return False
    return all(len(t) == 1 and is_han(t) for t in (tokens[i - 1], tokens[i + 1]))


# What a token is, as units() needs to know it (bit flags, cached per token).
_HAN, _DICTIONARY_WORD, _SINGLE_WORD, _UNIT_FIRST, _NUMERAL_LAST = 1, 2, 4, 8, 16
_RARE_SINGLE = 32  # a one-character word of HSK level _FRAGMENT_MIN_HSK or above


@cache
def _shape(token: str) -> int:
    """The flags of one token: Han, a dictionary word, a one-character word (a
    rare one), opens with a unit (年, 日, 个), ends with a numeral."""
    flags = 0
    if is_han(token):
        flags |= _HAN
        if len(token) == 1:
            if single_char_word(token):
                flags |= _SINGLE_WORD
                level = hsk_level(token)
                flags |= _RARE_SINGLE if level is not None and level >= _FRAGMENT_MIN_HSK else 0
        elif token in dictionary_words() or erhua_base(token):
            flags |= _DICTIONARY_WORD  # with the spoken 儿 too: 在理儿, 有门儿
    if is_unit(token[0]):
        flags |= _UNIT_FIRST
    if is_numeral(token[-1]):
        flags |= _NUMERAL_LAST
    return flags


def units(
    tokens: Sequence[str],
    known_terms: Mapping[str, str],
    glossary: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> list[tuple[str, int, str]]:
    """Lexical units of tokens as (word, offset, tag): junk dropped, free combinations split.

    ``known_terms`` are terms already judged, each with its evidence (the tag is
    ``term:EVIDENCE``); ``glossary`` words are lexical units like dictionary
    words (the learner says so); ``names`` are the document's people's names,
    which are no unit, nor are their parts.
    """
    words = dictionary_words()
    out: list[tuple[str, int, str]] = []
    pos = 0
    flags = 0
    for i, (tok, shape) in enumerate(zip(tokens, map(_shape, tokens), strict=True)):
        start = pos
        pos += len(tok)
        before, flags = flags, shape  # the previous token's flags, this one's
        if not flags & _HAN:
            evidence = known_terms.get(tok)
            if evidence is not None and names and tok.startswith(tuple(names)):
                continue  # a product of a name (衡川Studio of 衡川智造): a name
            if evidence is not None:  # a quoted Latin–Han term (City不City)
                out.append((tok, start, f"term:{evidence}" if evidence else "term"))
            elif tok in mixed_words():  # a Latin–Han word a dictionary lists (AA制, T恤)
                out.append((tok, start, ""))
            continue
        if before & _NUMERAL_LAST and flags & _UNIT_FIRST:
            continue  # a unit torn off a number: 5月31日电 gives 日电, not a word
        if len(tok) == 1:
            # Only a rare character can be a piece of an unknown word (cheap test first).
            if flags & _SINGLE_WORD and not (
                flags & _RARE_SINGLE and _inside_unknown_word(tokens, i)
            ):
                out.append((tok, start, ""))
            continue
        if names and tok in names:
            continue
        if i and tok[0] == "不" and len(tok) == 2 and _potential(tokens[i - 1], tok):
            continue
        if flags & _DICTIONARY_WORD or tok in glossary:
            out.append((tok, start, ""))
            continue
        evidence = known_terms.get(tok)
        if evidence is not None:  # judged with its evidence by the corpus pass
            out.append((tok, start, f"term:{evidence}" if evidence else "term"))
            out.extend(_dictionary_parts(tok, start))
            continue
        verdict = judge(tok)
        if verdict.keep:
            out.append((tok, start, _TERM_TAGS.get(verdict.reason, "term")))
            out.extend(_dictionary_parts(tok, start))
            continue
        if verdict.kind in ("number", "name"):
            continue
        # Two characters that the judgement reads as a verb and its object,
        # but jieba lists as a noun, are a compound no dictionary has (戒尺
        # "ferule", 投枪 "javelin", 诊金): a rare character of theirs is no
        # word of its own there (戒 "to give up" is no card from 戒尺). Those
        # jieba tags a verb are one (致 "to send" in 致信).
        bound = len(tok) == 2 and verdict.reason == "verb and object" and is_plain_noun(tok)
        offset = start
        for part in verdict.parts:
            if (
                len(part) > 1
                and part in words
                or (
                    len(part) == 1
                    and single_char_word(part)
                    and not (bound and _shape(part) & _RARE_SINGLE)
                )
            ):
                out.append((part, offset, ""))
            offset += len(part)
    return out


def _potential(before: str, tok: str) -> bool:
    """Is ``tok`` (不 and a character) the potential complement of the verb before it?

    After a one-character verb, 不下, 不住, 不尽 or 不得 are "cannot V-C" (攻不下
    "cannot take", 守不住, 说不尽, 做不得), not the words a dictionary lists
    (不下 "no less than", 不住 "repeatedly", 不得 "must not"): no word of
    the text there. A copula, modal, adverb or particle before them is no
    such verb (是不错, 倒不过是, 做得不好).

    >>> _potential("攻", "不下"), _potential("是", "不错"), _potential("得", "不好")
    (True, False, False)
    """
    return (
        tok[1] in grammar.POTENTIAL
        and len(before) == 1
        and before not in grammar.INITIAL
        and before not in grammar.COPULAS
        and is_verb(before)
    )


def _dictionary_parts(term: str, start: int) -> list[tuple[str, int, str]]:
    """The dictionary words of two characters or more inside a term: words of
    the text too (后劲 in 增后劲, 核聚变 in 核聚变能), at their offsets."""
    words = dictionary_words()
    out, offset = [], start
    for part in split_parts(term):
        if len(part) > 1 and part in words:
            out.append((part, offset, ""))
        offset += len(part)
    return out


# The evidence a verdict's reason gives a term kept by the judgement alone.
_TERM_TAGS = {"derivation": "term:affix", "term": "term:association"}


@cache
def _excluded(word: str) -> bool:
    return is_number(word) or is_person_name(word)


# A word's (cost, example) entry once it is known not to be kept: no cost is
# below it, so no example is ever built for it.
_UNWANTED: tuple[float, None] = (-math.inf, None)

# What a dateline opening a sentence (新华社北京5月31日电 ...) adds to its example
# cost: more than any length or completeness cost of an ordinary sentence.
_CREDIT_COST = 50.0

# keep(word, zipf, hsk): is the word wanted? (see :func:`analyse`)
Keep = Callable[[str, float | None, int | None], bool]


def analyse(
    document: Document,
    known_terms: Mapping[str, str] | frozenset[str],
    extra: tuple[str, ...] = (),
    quoted: frozenset[str] = frozenset(),
    keep: Keep | None = None,
) -> Analysis:
    """Segment ``document`` and collect each candidate word's use and best example.

    ``known_terms`` are the corpus's terms, each with its evidence (a plain set
    means no evidence is known); ``quoted`` are further strings to take as
    quoted terms. People's names the document uses (:func:`names_in_use`) get
    no entry. Source, byline and date lines (:mod:`flashgen.text.bylines`)
    count as running words but give no word a use: a word found only there
    gets no card.

    A word's best example is in its sentence of lowest :func:`examples.score`
    (the first of those), at its first occurrence there. With ``keep``, the
    result is the analysis :meth:`Analysis.narrowed` to the words it accepts,
    given each word, its Zipf value and HSK level; the other words' examples
    are never built (on the Lu Xun books at the advanced level, 54,000
    examples are built instead of 92,000).
    """
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    best: dict[str, tuple[float, Example | None]] = {}
    tags: dict[str, str] = {}
    running: list[str] = []
    evidence = (
        dict(known_terms) if isinstance(known_terms, Mapping) else dict.fromkeys(known_terms, "")
    )
    for q in quoted:
        evidence.setdefault(q, "quoted")
    term_set = terms.canonical(frozenset(known_terms) | quoted)
    glossary = frozenset(extra)
    pairs = _sentence_pairs(document.text)
    tokenized = [sentence_tokens(simple, term_set, extra) for _, simple in pairs]
    names = names_in_use(tokenized, terms.simplified_view(document.text))
    if names:
        names = terms.canonical(names)
        # Names are placed only in the sentences that hold one (the tokens
        # spell the sentence out, so a sentence without one is left as it is).
        holds_name = _any_of(names).search
    for (sentence, simple), tokens in zip(pairs, tokenized, strict=True):
        if names and holds_name(simple):
            tokens = terms.force_terms(tokens, names)
        original: tuple[str, ...] | None = None
        cost = examples.score(sentence.text)
        # A source, byline or date line is read (its words are running words)
        # but gives no word a use or an example; a sentence opening with a
        # dateline is an example only when the word has no better one.
        byline = is_byline(sentence.text)
        if credit_prefix(sentence.text):
            cost += _CREDIT_COST
        converted = sentence.text != simple  # else every word is written as it is
        for word, start, tag in units(tokens, evidence, glossary, names):
            running.append(word)
            if byline or _excluded(word):
                continue
            if converted and word not in counts:  # first seen, in another script
                forms[word] = sentence.text[start : start + len(word)]
            counts[word] += 1
            if tag:
                tags[word] = tag
            entry = best.get(word)
            if entry is None:
                if keep is not None and not keep(word, zipf(word), hsk_level(word)):
                    best[word] = _UNWANTED
                    continue
            elif cost >= entry[0]:
                continue
            if original is None:
                original = tuple(_original_tokens(tokens, sentence, simple))
            form = sentence.text[start : start + len(word)] if converted else word
            best[word] = (cost, Example(sentence.text, original, start, form, sentence.line))
    wanted = [w for w, (_, e) in best.items() if e is not None]
    for word in wanted:
        if word not in tags and is_proper_noun(word):
            tags[word] = "proper-noun"
    uses = tuple(
        WordUse(word=w, count=c, zipf=zipf(w), hsk=hsk_level(w), forms=(forms.get(w, w),))
        for w, c in counts.items()
        if best[w] is not _UNWANTED
    )
    examples_of = {w: e for w, (_, e) in best.items() if e is not None}
    if keep is None:
        return Analysis(document, uses, examples_of, tuple(running), tags, len(running))
    tags = {w: t for w, t in tags.items() if best[w] is not _UNWANTED}
    return Analysis(document, uses, examples_of, (), tags, len(running))


def _any_of(strings: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``strings`` (sre skips, in C, the characters
    that open none of them)."""
    return re.compile("|".join(map(re.escape, sorted(strings))))


def _sentence_pairs(text: str) -> list[tuple[Sentence, str]]:
    """Each sentence as written, with its simplified-script twin (converted once per document)."""
    sentences = split_sentences(text)
    simple = terms.simplified_view(text)
    if simple == text:
        return [(s, s.text) for s in sentences]
    twins = split_sentences(simple)
    if [len(t.text) for t in twins] == [len(s.text) for s in sentences]:
        return [(s, t.text) for s, t in zip(sentences, twins, strict=True)]
    return [(s, terms.simplified_view(s.text)) for s in sentences]


def _original_tokens(tokens: list[str], sentence: Sentence, simple: str) -> list[str]:
    """The same token boundaries over the sentence as written (it may be traditional)."""
    if simple == sentence.text:
        return tokens
    out, pos = [], 0
    for t in tokens:
        out.append(sentence.text[pos : pos + len(t)])
        pos += len(t)
    return out
