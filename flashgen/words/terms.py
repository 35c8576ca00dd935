"""Find terms the dictionaries lack, and make segmentation keep them whole.

Policy and news texts coin terms (新质生产力, 具身智能, “并跑”) that no
dictionary lists; jieba then leaves a run of single characters or unknown
fragments (新 质 生产力, 专精 特 新). Cheap signals mark such a string as a term:

- the text puts it in quotation marks (“并跑”, “卡脖子”);
- a run of fragments, with the dictionary word that follows it, recurs in the
  corpus (新质生产力 twice), or stands alone as an item of an enumeration
  (、具身智能、). Items of a parallel enumeration that share their first
  character share a verb (投早、投小、投硬科技): the verb is not part of the term.

>>> sorted(quoted_terms("要实现“并跑”乃至“领跑”，不能“烧钱”。"))
['并跑', '烧钱', '领跑']
"""

from __future__ import annotations

import itertools
import operator
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from flashgen.lexicon import traditional
from flashgen.lexicon.han import UNIFIED, is_han
from flashgen.lexicon.headwords import dictionary_words, is_noun
from flashgen.lexicon.hsk import hsk_level
from flashgen.models import Document
from flashgen.text.documents import split_sentences
from flashgen.words import segment
from flashgen.words.wordhood import PARTICLES, judge

# Quoted strings of 2-6 Han characters: longer quotations are slogans or titles.
_QUOTED = re.compile(f'[“‘「『"]([{UNIFIED}]{{2,6}})[”’」』"]')
_LIST_SEPARATORS = frozenset("、，,；;。：:")
# Prepositions, conjunctions and particles: never the edge of a term.
# Particles inside a run end it: 厚植了爱党 is two pieces, 放得活 is a phrase.
_PARTICLES = PARTICLES | frozenset("地之")
# Localizers after a noun make a place phrase (红船旁), not part of the term.
_LOCALIZERS = frozenset("上下旁里中内外前后间边")
_EDGE_FUNCTION = frozenset("和与及或并跟从在把被对向给为以由而的了是就也都等要很更最")


def quoted_terms(text: str) -> set[str]:
    """Strings of 2-6 Han characters that the text puts in quotation marks."""
    return set(_QUOTED.findall(text))


@cache
def _is_fragment(token: str, words: frozenset[str]) -> bool:
    """A single Han character, or a multi-character token no dictionary lists
    that is not a free combination of dictionary words (专精, not 传统产业)."""
    if not is_han(token):
        return False
    if len(token) == 1:
        return True
    return token not in words and judge(token).keep


def _bound(token: str) -> bool:
    """A piece that cannot stand as a word: an unknown fragment or a non-HSK character."""
    return len(token) > 1 or hsk_level(token) is None


# Each token as one letter, so that runs and separators are found by regular
# expressions (in C) rather than token by token: "s" a list separator; "b" a
# fragment that is bound, "m" another fragment (particles excepted); "." the rest.
_SEPARATOR = re.compile("s")
_RUN = re.compile("[mb]+")
_BOUND_RUN = re.compile("[mb]*b[mb]*")  # a maximal run with a bound piece in it


@cache
def _token_class(token: str) -> str:
    """The token's letter in :func:`_classes`."""
    if token in _LIST_SEPARATORS:
        return "s"
    if not _is_fragment(token, dictionary_words()) or token in _PARTICLES:
        return "."
    return "b" if _bound(token) else "m"


def _classes(tokens: Sequence[str]) -> str:
    """One letter per token (see :data:`_SEPARATOR`).

    >>> _classes(["发展", "新", "质", "生产力", "的", "、"])
    '.mb..s'
    """
    return "".join(map(_token_class, tokens))


def _items(classes: str) -> list[tuple[int, int]]:
    """(start, end) token ranges of the stretches between list separators."""
    out, start = [], 0
    for m in _SEPARATOR.finditer(classes):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(classes)))
    return [(a, b) for a, b in out if b > a]


def _shared_heads(tokens: Sequence[str], classes: str) -> set[int]:
    """Token positions of a verb that parallel list items share (投早、投小、投长期)."""
    items = _items(classes)
    heads: set[int] = set()
    for (a1, _), (a2, _) in zip(items, items[1:], strict=False):
        if tokens[a1] == tokens[a2] and len(tokens[a1]) == 1:
            heads.update((a1, a2))
    return heads


@dataclass(frozen=True)
class Candidate:
    """A possible term and its evidence: ``"parallel"`` and ``"item"`` are enough
    on their own; ``"recurs"`` needs the string to occur twice in the corpus."""

    text: str
    evidence: str


def _runs(tokens: Sequence[str], classes: str, heads: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of fragments, split at particles, edges trimmed of function characters.

    Without shared verbs only runs with a bound piece can give a candidate
    (see :func:`run_candidates`), so only those are returned.
    """
    runs = []
    for match in (_RUN if heads else _BOUND_RUN).finditer(classes):
        a, b = match.span()
        while a < b and (tokens[a] in _EDGE_FUNCTION or a in heads):
            a += 1
        while b > a and (tokens[b - 1] in _EDGE_FUNCTION or tokens[b - 1] in _LOCALIZERS):
            b -= 1
        if a < b:
            runs.append((a, b))
    return runs


def run_candidates(tokens: Sequence[str]) -> list[Candidate]:
    """Term candidates in a sentence's tokens: runs of fragments, with a head noun when short.

    A run of two single characters, one of them bound, is a modifier that needs
    the noun after it (新质 + 生产力); so is a run after a shared verb
    (投 + 硬 + 科技). Longer runs stand alone (专精特新).

    >>> run_candidates(["发展", "新", "质", "生产力", "、"])
    [Candidate(text='新质生产力', evidence='recurs')]
    >>> run_candidates(["投", "长期", "、", "投", "硬", "科技", "。"])
    [Candidate(text='硬科技', evidence='parallel')]
    """
    classes = _classes(tokens)
    heads = _shared_heads(tokens, classes)
    out: list[Candidate] = []
    n = len(tokens)
    for a, b in _runs(tokens, classes, heads):
        pieces = tokens[a:b]
        parallel = a > 0 and (a - 1) in heads
        before = tokens[a - 2] if parallel and a > 1 else tokens[a - 1] if a > 0 else "。"
        run = "".join(pieces)
        singles = all(len(p) == 1 for p in pieces)
        # Two characters, one bound (新质, 具身): a modifier waiting for its head noun.
        modifier = len(run) == 2 and singles and any(_bound(p) for p in pieces)
        end = b
        attach = (modifier or parallel) and b < n and is_noun(tokens[b])
        if attach:
            run += tokens[b]
            end = b + 1
        elif len(run) < 2 or not any(_bound(p) for p in pieces):
            continue
        after = tokens[end] if end < n else "。"
        item = before in _LIST_SEPARATORS and after in _LIST_SEPARATORS
        if parallel and item:
            out.append(Candidate(run, "parallel"))
        elif attach or judge(run).keep:
            out.append(Candidate(run, "item" if item else "recurs"))
    return out


def accept(candidates: Iterable[Candidate], count: Mapping[str, int]) -> set[str]:
    """Keep the candidates whose evidence suffices: a list item, or two occurrences."""
    return {c.text for c in candidates if c.evidence != "recurs" or count.get(c.text, 0) >= 2}


@cache
def canonical(terms: frozenset[str]) -> frozenset[str]:
    """The first set equal to ``terms`` seen in this process.

    :func:`force_terms` looks its index up once per sentence, keyed on the set.
    A worker process receives a fresh, equal copy of the corpus terms with each
    document, and an equal-but-distinct key costs a full comparison on every
    lookup (3,000 terms x 37,000 sentences on the Lu Xun books: 2.5x the
    analysis time). Callers pass the canonical copy, which is found by identity.

    >>> a = frozenset({"硬科技"}); b = frozenset({"硬科技"})
    >>> canonical(a) is canonical(b) is a
    True
    """
    return terms


@cache
def _term_index(terms: frozenset[str]) -> tuple[dict[str, tuple[str, ...]], int]:
    """Terms by their first two characters, longest first; and the longest term's length."""
    index: dict[str, list[str]] = {}
    for term in terms:
        index.setdefault(term[:2], []).append(term)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}
    return ordered, max(len(t) for t in terms)


def force_terms(tokens: list[str], terms: frozenset[str]) -> list[str]:
    """Re-cut ``tokens`` so that every occurrence of a term is one token.

    Leftover pieces of a token the term cut into stay tokens of their own. A
    term is placed only where one of its edges is already a token boundary.

    >>> force_terms(["投", "硬", "科技"], frozenset({"硬科技"}))
    ['投', '硬科技']
    >>> force_terms(["投硬", "科技"], frozenset({"硬科技"}))
    ['投', '硬科技']
    >>> force_terms(["实施", "策略"], frozenset({"施策"}))
    ['实施', '策略']
    """
    if not terms:
        return tokens
    text = "".join(tokens)
    index, _ = _term_index(terms)
    # A term can only start where two characters open one (in a quarter of
    # the sentences of the Lu Xun books, nowhere). Each two characters of the
    # text, looked up in C: map(add, text, text[1:]) gives text[i:i+2].
    opens = map(index.__contains__, map(operator.add, text, text[1:]))
    starts = list(itertools.compress(itertools.count(), opens))
    if not starts:
        return tokens
    bounds = set(itertools.accumulate(map(len, tokens), initial=0))
    spans: list[tuple[int, int]] = []
    placed_until = 0  # terms are placed left to right and do not overlap
    for i in starts:
        if i < placed_until:
            continue
        for term in index[text[i : i + 2]]:
            # At least one edge must fall on a token boundary, so a term never
            # cuts two correctly segmented words (实施/策略 must not yield 施策).
            if text.startswith(term, i) and (i in bounds or i + len(term) in bounds):
                spans.append((i, i + len(term)))
                placed_until = i + len(term)
                break
    if not spans:
        return tokens
    for a, b in spans:
        bounds.update((a, b))
        bounds.difference_update(range(a + 1, b))
    cuts = sorted(bounds)
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


# The corpus pass: every document's candidates, then the terms accepted from them.


def simplified_view(text: str) -> str:
    """The text in simplified script, same length, for segmenting traditional input."""
    converted = traditional.to_simplified(text)
    return converted if len(converted) == len(text) else text


@dataclass(frozen=True)
class TermEvidence:
    """What one document says about terms: candidates with the sentence each came from
    (as a hash), and quoted strings."""

    candidates: tuple[tuple[Candidate, int], ...]
    quoted: frozenset[str]


def term_evidence(doc: Document, extra: tuple[str, ...] = ()) -> TermEvidence:
    """Segment a document once and collect its term candidates."""
    text = simplified_view(doc.text)
    candidates: list[tuple[Candidate, int]] = []
    for s in split_sentences(text):
        context = zlib.crc32(s.text.encode("utf-8"))  # stable across processes
        candidates.extend((c, context) for c in run_candidates(segment.cut(s.text, extra)))
    return TermEvidence(tuple(candidates), frozenset(quoted_terms(text)))


def accept_terms(evidence: Iterable[TermEvidence]) -> frozenset[str]:
    """The corpus's terms: candidates whose evidence suffices, and quoted strings.

    A term "recurs" when it comes up in two different sentences: a sentence
    repeated word for word (a reprint, boilerplate, a book given twice) is one
    piece of evidence, not several.
    """
    candidates: list[Candidate] = []
    contexts: dict[str, set[int]] = {}
    quoted: set[str] = set()
    for e in evidence:
        for candidate, context in e.candidates:
            candidates.append(candidate)
            if candidate.evidence == "recurs":
                contexts.setdefault(candidate.text, set()).add(context)
        quoted |= e.quoted
    words = dictionary_words()
    count = {text: len(seen) for text, seen in contexts.items()}
    found = accept(candidates, count) | quoted
    # The evidence (quotes, recurrence, a list item) is the term test itself;
    # only numbers and dictionary words are ruled out here.
    return frozenset(t for t in found if t not in words and judge(t, quoted=True).kind != "number")


def discover_terms(documents: Iterable[Document], extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Terms of the corpus that no dictionary lists ."""
    return accept_terms(term_evidence(doc, extra) for doc in documents)
