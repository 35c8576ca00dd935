"""Find terms the dictionaries lack, and make segmentation keep them whole.

Policy and news texts coin terms (新质生产力, 具身智能, “并跑”) that no
dictionary lists; jieba then leaves a run of single characters or unknown
fragments (新 质 生产力, 专精 特 新), or two dictionary words (低空 经济).
Real articles use a term once, so repetition is only one signal among
several. Each term is recorded with the evidence that found it (the card's
``flashgen::term::EVIDENCE`` tag):

- ``quoted``: the text puts it in quotation marks (“并跑”, “卡脖子”, Latin–Han
  mixtures included: “City不City”). Of a quoted verb and object, the object
  is the term (“告别精神内耗” → 精神内耗); quoted coinages that share a new
  head make that head the term (“饭搭子”“健身搭子” → 搭子);
- ``enumerated``: it is an item of an enumeration (A、B、C等): 低空经济、数据要素、
  碳达峰; 、具身智能、; the noun after 等 that names the class of the items
  (银发经济、首发经济等新赛道); items of a parallel enumeration that share their
  first character share a verb (投早、投小、投硬科技), which is not part of the term;
- ``affix``: a word with a productive affix, written apart by the segmenter
  (供给 侧, 生成 式, 超 长期, 端 侧);
- ``association``: a bound piece that needs the noun after it (新质 +
  生产力, 营商 + 环境);
- ``repeated``: the same run of fragments comes up in two sentences of the corpus.

Every candidate then passes :func:`flashgen.words.wordhood.judge` with its
evidence: evidence answers "is this more than a free combination of words?",
never "is this a piece of a sentence, a number or a name?".

>>> sorted(quoted_terms("要实现“并跑”乃至“领跑”，不能“烧钱”。"))
['并跑', '烧钱', '领跑']
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from flashgen.lexicon import traditional
from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.han import UNIFIED, is_han
from flashgen.lexicon.headwords import (
    dictionary_words,
    is_function_word,
    is_listed_verb,
    is_noun,
)
from flashgen.lexicon.hsk import hsk_level
from flashgen.models import Document
from flashgen.text.documents import split_sentences
from flashgen.words import grammar, segment
from flashgen.words.derivations import (
    CHAIN_MAX_CHARS,
    CHAIN_SUFFIXES,
    PREFIXES,
    SHORT_PREFIXES,
    SHORT_SUFFIXES,
    SUFFIXES,
    adverb_before,
    content_stem,
    derivation_chain,
    short_prefix_stem,
)
from flashgen.words.enumerations import (
    LIST_SEPARATORS,
    TERM_PARTICLES,
    enumerated_items,
    is_item,
    noun_like,
)
from flashgen.words.names import ORGANISATION_HEADS, TITLES, is_proper_noun
from flashgen.words.numbers import NUMERALS
from flashgen.words.parts import has_verb_sense, is_verb, split_parts
from flashgen.words.wordhood import COMPOUND_REASON, judge

# Quoted strings of 2-6 Han characters: longer quotations are slogans or titles.
_QUOTED = re.compile(f'[“‘「『"]([{UNIFIED}]{{2,6}})[”’」』"]')
# Quoted mixtures of Latin letters and Han characters (City不City, A股, T恤).
_QUOTED_MIXED = re.compile(f'[“‘「『"]([A-Za-z{UNIFIED}]{{2,14}})[”’」』"]')
# Any quotation, and inside it a Latin word on both sides of one or two Han
# characters (这趟玩得City不City啊): the mixture is a term even in a longer quote.
_QUOTATION = re.compile('[“‘「『"]([^”’」』"]{2,200})[”’」』"]')
_LATIN_HAN_LATIN = re.compile(f"[A-Za-z]+[{UNIFIED}]{{1,2}}[A-Za-z]+")
# Localizers after a noun make a place phrase (红船旁), not part of the term.
_LOCALIZERS = frozenset("上下旁里中内外前后间边")
# A product's model code: Latin letters and a digit (T3, P7, Mate60, SU7). The
# Han run before one is a brand (岳行 + T3), a name, not a term.
_MODEL_CODE = re.compile("[A-Za-z]+[0-9][A-Za-z0-9]*")
_EDGE_FUNCTION = frozenset("和与及或并跟从在把被对向给为以由而的了是就也都等要很更最")
# The evidence, strongest first: a term found several ways keeps the first.
EVIDENCE_ORDER = ("quoted", "enumerated", "affix", "association", "repeated")


def _is_mixed(s: str) -> bool:
    return any(ch.isascii() for ch in s) and any(is_han(ch) for ch in s)


def quoted_terms(text: str) -> set[str]:
    """Strings the text puts in quotation marks: 2-6 Han characters, or a short
    mixture of Latin letters and Han characters.

    >>> sorted(quoted_terms("“这趟玩得City不City啊？”"))
    ['City不City']
    """
    found = set(_QUOTED.findall(text))
    found.update(m for m in _QUOTED_MIXED.findall(text) if _is_mixed(m))
    for quotation in _QUOTATION.findall(text):
        found.update(_LATIN_HAN_LATIN.findall(quotation))
    return found


def parallel_coinages(quoted: Iterable[str]) -> frozenset[str]:
    """Quoted strings of one length that end alike and differ in front: a
    series of coinages (“跟跑”“并跑”“领跑”), whose first characters are
    contrasted modifiers, not the grammatical words they may look like.

    >>> sorted(parallel_coinages(["跟跑", "并跑", "领跑", "挺值"]))
    ['并跑', '跟跑', '领跑']
    """
    by_end: dict[tuple[int, str], set[str]] = {}
    for q in quoted:
        if is_han(q) and len(q) >= 2:
            by_end.setdefault((len(q), q[-1]), set()).add(q)
    return frozenset(q for group in by_end.values() if len(group) >= 2 for q in group)


def quoted_candidates(quoted: Iterable[str]) -> dict[str, str]:
    """What quoted strings make terms of: each string itself, unless a rare
    modifier on a common head is the coinage (佛系 in 佛系青年) and no other
    quoted string shares that head (“形象工程”“政绩工程” are coinages of 工程);
    the object of a quoted verb and object (告别情绪内耗 → 情绪内耗); and the
    head no dictionary lists that several quoted coinages share (咖啡体验官,
    民宿体验官 → 体验官), instead of the coinages.
    (The examples are terms no dictionary of flashgen's lists.)

    >>> sorted(quoted_candidates(["咖啡体验官", "民宿体验官", "告别情绪内耗"]).items())
    [('体验官', 'quoted'), ('告别情绪内耗', 'quoted'), ('情绪内耗', 'quoted')]
    """
    words = dictionary_words()
    quoted = sorted(set(quoted))
    out: dict[str, str] = {}
    tails: Counter[str] = Counter()
    for q in quoted:
        if is_han(q):
            for n in (2, 3):
                if len(q) > n:
                    tails[q[-n:]] += 1
    shared = {t for t, c in tails.items() if c >= 2 and is_han(t)}
    for q in quoted:
        # The longest shared tail (主理人 rather than 理人): one answer whatever
        # the order of the set. A tail that is a dictionary word is no new
        # term, nor is the shorter tail inside it; the strings are judged as they are.
        tail = max((t for t in shared if q.endswith(t) and q != t), key=len, default=None)
        if tail is not None and tail not in words:
            out[tail] = "quoted"
            continue
        # A series of quoted nouns that share a dictionary noun as their head
        # (“形象工程”“政绩工程”, “平民文学”“贵族文学”) is a series of coinages
        # of that head: each whole is a term, however common its modifier.
        if not (tail and _noun_series(q[: -len(tail)], tail)) and _rare_modifier_on_common_head(q):
            continue
        out[q] = "quoted"
        # A quoted verb of two characters and its object: the object is the
        # coinage (告别精神内耗); with a one-character verb the whole is one
        # (撒胡椒面, 踩刹车).
        verb = q[:2]
        rest = q[2:]
        if (
            is_han(q)
            and q not in words
            and verb in words
            and split_parts(q)[0] == verb  # not 教育 + 界名流 in 教育界 + 名流
            and is_verb(verb)
            and len(rest) >= 2
            and rest not in words
        ):
            out[rest] = "quoted"
    return out


def _noun_series(modifier: str, head: str) -> bool:
    """A noun before a noun no title (形象 + 工程, 平民 + 文学): a compound of
    the kind a series of quotations coins; not an adverb or a verb before a
    verb (将近 + 成功, 奉旨 + 革命) nor an epithet before 先生 (闲话 + 先生).

    >>> _noun_series("形象", "工程"), _noun_series("将近", "成功"), _noun_series("闲话", "先生")
    (True, False, False)
    """
    return head not in TITLES and all(is_noun(w) and not is_verb(w) for w in (modifier, head))


# A head this common (Zipf) is a plain noun that a quoted coinage modifies.
_COMMON_HEAD_ZIPF = 4.5


def _rare_modifier_on_common_head(q: str) -> bool:
    """Two dictionary words, the first rarer, the second common (佛系 + 青年):
    the coinage is the first word, already in the dictionary; the quotation
    marks its use, not a new compound."""
    words = dictionary_words()
    for i in range(2, len(q) - 1):
        modifier, head = q[:i], q[i:]
        if modifier in words and head in words:
            zm, zh = zipf(modifier), zipf(head)
            return zh is not None and zh >= _COMMON_HEAD_ZIPF and (zm is None or zm < zh)
    return False


@cache
def _is_fragment(token: str, words: frozenset[str]) -> bool:
    """A single Han character, or a multi-character token no dictionary lists
    that is not a free combination of dictionary words (专精, not 传统产业)."""
    if not is_han(token):
        return False
    if len(token) == 1:
        return True
    if token in words:
        return False
    verdict = judge(token)
    # A compound jieba lists is a word, as a dictionary word is (健身卡 does
    # not make 到 + 健身卡 a run).
    return verdict.keep and verdict.reason != COMPOUND_REASON


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
    if token in LIST_SEPARATORS:
        return "s"
    if not _is_fragment(token, dictionary_words()) or token in TERM_PARTICLES:
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
    """A possible term and its evidence (one of :data:`EVIDENCE_ORDER`): any
    evidence but ``"repeated"`` is enough on its own; ``"repeated"`` needs the
    string in two sentences of the corpus."""

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


def _nominal_modifier(pieces: Sequence[str]) -> bool:
    """Pieces that can modify a noun (新 质, 具 身, 营商): no verb (搬 入, 专 讲 +
    noun is a verb and its object; a fragment jieba tags as a verb: 诱杀 +
    手段), no numeral (一 校) and no grammatical character (太 趋, 又 拜)."""
    return not any(
        is_verb(p)
        or p[0] in NUMERALS
        or (len(p) == 1 and p in grammar.INITIAL)
        or (len(p) == 2 and is_listed_verb(p))
        for p in pieces
    )


def run_candidates(tokens: Sequence[str]) -> list[Candidate]:
    """Term candidates in a sentence's tokens (see the module docstring).

    A run of two single characters, one of them bound, is a modifier that needs
    the noun after it (新质 + 生产力); so is a run after a shared verb
    (投 + 硬 + 科技), and an unknown two-character fragment (营商 + 环境).
    Longer runs stand alone (专精特新).

    >>> run_candidates(["发展", "新", "质", "生产力", "、"])
    [Candidate(text='新质生产力', evidence='association')]
    >>> run_candidates(["投", "长期", "、", "投", "硬", "科技", "。"])
    [Candidate(text='硬科技', evidence='enumerated')]

    A run before a model code is a brand (岳行 + T3): no candidate.

    >>> run_candidates(["新款", "岳", "行", "T3", "上市"])
    []
    """
    classes = _classes(tokens)
    heads = _shared_heads(tokens, classes)
    out: list[Candidate] = []
    n = len(tokens)
    for a, b in _runs(tokens, classes, heads):
        pieces = tokens[a:b]
        parallel = a > 0 and (a - 1) in heads
        run = "".join(pieces)
        singles = all(len(p) == 1 for p in pieces)
        # Two characters, one bound (新质, 具身), or one unknown two-character
        # fragment (营商): a modifier waiting for its head noun.
        modifier = len(run) == 2 and any(_bound(p) for p in pieces) and _nominal_modifier(pieces)
        end = b
        attach = (modifier or parallel) and b < n and noun_like(tokens[b])
        if attach:
            run += tokens[b]
            end = b + 1
        elif len(run) < 2 or not any(_bound(p) for p in pieces) or not singles and len(pieces) == 1:
            continue
        if end < n and _MODEL_CODE.fullmatch(tokens[end]):
            continue  # a brand before its model code (岳行 + T3)
        start = a - 1 if parallel else a
        if is_item(tokens, start, end):
            out.append(Candidate(run, "enumerated"))
        elif attach and not parallel:
            out.append(Candidate(run, "association"))
        elif judge(run).keep or attach:
            out.append(Candidate(run, "repeated"))
    out.extend(Candidate(item, "enumerated") for item in enumerated_items(tokens))
    out.extend(_affix_candidates(tokens))
    out.extend(_chain_candidates(tokens))
    return out


def _chain_candidates(tokens: Sequence[str]) -> list[Candidate]:
    """Chains of derivations the segmenter wrote apart (新型 城镇化; 供给 侧 结构性
    改革): see :func:`flashgen.words.derivations.derivation_chain`. The longest
    chain from each token where two tokens end in a chain suffix.

    >>> [c.text for c in _chain_candidates(["推动", "供给", "侧", "结构性", "改革", "和"])]
    ['供给侧结构性改革']
    """
    ends = [t[-1] in CHAIN_SUFFIXES for t in tokens]
    if sum(ends) < 2:
        return []
    out = []
    n = len(tokens)
    a = 0
    while a < n:
        found = 0
        if any(ends[a : a + 3]) and sum(ends[a : a + 4]) >= 2:
            run = tokens[a]
            for b in range(a + 1, min(n, a + 5)):
                run += tokens[b]
                if len(run) > CHAIN_MAX_CHARS:
                    break
                if derivation_chain(run):
                    found = b + 1
                    text = run
        if found:
            out.append(Candidate(text, "affix"))
            a = found
        else:
            a += 1
    return out


# What stands before 非 "is not" in the literary language, a clause's adverb
# or conjunction (又非, 并非, 而非, 亦非, 既非), and what follows its noun, a
# particle or a conjunction (非圣人之徒, 非人力也, 非骄傲而何).
_COPULA_BEFORE = grammar.ADVERBS | grammar.CONJUNCTIONS | grammar.NEGATIONS | grammar.MODALS
_COPULA_AFTER = grammar.PARTICLES | grammar.CONJUNCTIONS | frozenset("也")


def _copula_context(before: str, after: str) -> bool:
    """非 before a noun is the copula "is not", not the prefix "non-", where a
    grammatical word stands before 非 or right after the noun.

    >>> _copula_context("又", "，"), _copula_context("", "也"), _copula_context("发展", "经济")
    (True, True, False)
    """
    return (len(before) == 1 and before in _COPULA_BEFORE) or (
        len(after) == 1 and after in _COPULA_AFTER
    )


# Every prefix and suffix is one character, so a token is one only if it is in these sets.
_PREFIX_TOKENS = PREFIXES | SHORT_PREFIXES


# What follows a verb and never a noun: an aspect particle, or a preposition
# of place or goal (站着, 站在, 派到, 圈起).
_AFTER_VERB = frozenset("着了过在于到给向往")


def _verb_used(suffix: str, after: str) -> bool:
    """A noun-making suffix that is also a verb, followed by what follows a verb
    (站 + 着, 派 + 到), or a verb by its main sense followed by a noun, its
    object (热 + 牛奶, 学 + 英语): the verb, not the suffix. 化 makes verbs
    (数字化了, 数字化转型).

    >>> _verb_used("站", "着"), _verb_used("站", "建设"), _verb_used("化", "了")
    (True, False, False)
    >>> _verb_used("热", "牛奶"), _verb_used("化", "转型")
    (True, False)
    """
    if suffix == "化":
        return False
    if after[:1] in _AFTER_VERB and has_verb_sense(suffix):
        return True
    return len(after) > 1 and is_verb(suffix) and noun_like(after)


def _takes_object(stem: str) -> bool:
    """A verb and its complement of result or direction (回到, 走进, 挽回):
    what follows is its object, not a suffix (回到 + 家). (A preposition is
    too often part of the verb: 供给 + 侧.)

    >>> _takes_object("回到"), _takes_object("作品"), _takes_object("供给")
    (True, False, False)
    """
    return len(stem) > 1 and stem[-1] in grammar.COMPLEMENTS and is_verb(stem)


def _affix_candidates(tokens: Sequence[str]) -> list[Candidate]:
    """A word and a productive affix the segmenter wrote apart: 供给 侧, 生成 式,
    超 长期, 端 侧.

    >>> [c.text for c in _affix_candidates(["推动", "供给", "侧", "改革", "超", "长期", "国债"])]
    ['供给侧', '超长期']
    """
    out = []
    words = dictionary_words()
    n = len(tokens)
    # Only where a prefix opens or a suffix follows (one pair in 100), found in C.
    prefixed = map(_PREFIX_TOKENS.__contains__, tokens)
    suffixed = map(SUFFIXES.__contains__, tokens[1:])
    for i in itertools.compress(range(n - 1), map(operator.or_, prefixed, suffixed)):
        stem, affix = tokens[i], tokens[i + 1]
        after = tokens[i + 2] if i + 2 < n else ""
        if len(affix) == 1 and affix in SUFFIXES and is_han(stem):
            if len(after) == 1 and after in SHORT_SUFFIXES:
                continue  # the affix takes a suffix of its own (押注 端 侧: 端侧)
            if not content_stem(stem):
                continue  # a grammatical word before the suffix (没有 家, 所谓 学)
            if _verb_used(affix, after) or _takes_object(stem):
                continue  # a verb there (下面 站着, 小满 热 牛奶), or an object (回到 家)
            if (len(stem) > 1 and stem in words) or (len(stem) == 1 and affix in SHORT_SUFFIXES):
                out.append(Candidate(stem + affix, "affix"))
        elif stem in SHORT_PREFIXES and len(affix) == 1 and short_prefix_stem(affix):
            out.append(Candidate(stem + affix, "affix"))  # the judgement wants a bound piece
        elif len(stem) == 1 and stem in PREFIXES and len(affix) > 1 and affix in words:
            if affix[0] in NUMERALS:
                continue  # a count after an adverb or a classifier (准十六): no prefix
            before = tokens[i - 1] if i > 0 else ""
            if before and (before[-1] in NUMERALS or before[-1] in "这那每某"):
                continue  # the classifier after a count (一副手套, 那副为难的神色)
            if len(before) == 1 and is_verb(before):
                continue  # a complement of the verb before it (把准, 看准)
            if adverb_before(stem, affix) or is_function_word(affix):
                continue  # the adverb, not the prefix (反觉得: "felt instead"; 亚 没有)
            if stem in grammar.NEGATIONS and _copula_context(before, after):
                continue  # the literary copula "is not" (又非残疾, 非圣人之徒)
            out.append(Candidate(stem + affix, "affix"))
    return out


def accept(candidates: Iterable[Candidate], count: Mapping[str, int]) -> dict[str, str]:
    """The candidates whose evidence suffices (anything but "repeated", or two
    occurrences), each with its strongest evidence."""
    found: dict[str, str] = {}
    rank = {e: i for i, e in enumerate(EVIDENCE_ORDER)}
    for c in candidates:
        if c.evidence == "repeated" and count.get(c.text, 0) < 2:
            continue
        old = found.get(c.text)
        if old is None or rank[c.evidence] < rank[old]:
            found[c.text] = c.evidence
    return found


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
    >>> force_terms(["科技", "赋能", "消费"], frozenset({"能消费"}))
    ['科技', '赋能', '消费']
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
    offsets = list(itertools.accumulate(map(len, tokens), initial=0))
    bounds = set(offsets)
    words = dictionary_words()

    def cuts_a_word(at: int) -> bool:
        """``at`` falls inside a token that is a dictionary word (赋|能)."""
        if at in bounds:
            return False
        token = tokens[bisect.bisect_right(offsets, at) - 1]
        return len(token) > 1 and token in words

    spans: list[tuple[int, int]] = []
    placed_until = 0  # terms are placed left to right and do not overlap
    for i in starts:
        if i < placed_until:
            continue
        for term in index[text[i : i + 2]]:
            # At least one edge must fall on a token boundary, so a term never
            # cuts two correctly segmented words (实施/策略 must not yield 施策),
            # and neither edge inside a dictionary word (赋能 消费 must not
            # yield 能消费).
            end = i + len(term)
            if (
                text.startswith(term, i)
                and (i in bounds or end in bounds)
                and not cuts_a_word(i)
                and not cuts_a_word(end)
            ):
                spans.append((i, end))
                placed_until = end
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
    """The text in simplified script, same length, for segmenting traditional
    input (see :func:`flashgen.lexicon.traditional.simplified_view`)."""
    return traditional.simplified_view(text)


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
    sentences: list[tuple[list[str], int]] = []
    for s in split_sentences(text):
        context = zlib.crc32(s.text.encode("utf-8"))  # stable across processes
        tokens = segment.cut(s.text, extra)
        sentences.append((tokens, context))
        candidates.extend((c, context) for c in run_candidates(tokens))
    candidates.extend(_repeated_pairs(sentences))
    return TermEvidence(tuple(candidates), frozenset(quoted_terms(text)))


# The first word of a repeated pair is a specific modifier: rarer than this (Zipf).
_PAIR_MODIFIER_MAX_ZIPF = 4.5
# A pair written together this many times or more needs its first word with
# the second only in two of three of its uses (低空经济 4 of 低空's 6,
# 高质量发展 3 of 4, 民营经济 8 of 9); a pair seen twice, in all of them. Over
# 华盖集, 坟, 彷徨 and 故事新编, "half of its uses" adds 11 pairs, nearly all
# free (足以证明, 馒头包子, 石刻画像); this rule adds 1 (父兄丈夫).
_PAIR_MOSTLY_MIN = 3


def _mostly_together(pair: int, first: int) -> bool:
    """The pair's first word occurs ``first`` times, ``pair`` of them in the pair.

    >>> _mostly_together(2, 2), _mostly_together(2, 3), _mostly_together(4, 6)
    (True, False, True)
    """
    return pair == first or (pair >= _PAIR_MOSTLY_MIN and 3 * pair >= 2 * first)


def _repeated_pairs(sentences: Sequence[tuple[list[str], int]]) -> list[tuple[Candidate, int]]:
    """Two dictionary words that a document writes together every time the
    first one occurs, at least twice (全域旅游, 全域旅游), or in two of its
    three uses from three pairs on (:func:`_mostly_together`): a term written
    as two words. The first word must be a specific one (not 我国, 进一步),
    and the second no organisation's head (星驰汽车 is a company).

    >>> sentences = [(["全域", "旅游"], 1), (["推动", "全域", "旅游"], 2)]
    >>> [c.text for c, _ in _repeated_pairs(sentences)]
    ['全域旅游', '全域旅游']
    """
    words = dictionary_words()
    alone: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    # Counted in one call each (not two per sentence).
    alone.update(itertools.chain.from_iterable(tokens for tokens, _ in sentences))
    pairs.update(itertools.chain.from_iterable(zip(t, t[1:], strict=False) for t, _ in sentences))
    wanted = set()
    for (a, b), n in pairs.items():
        if n < 2 or not _mostly_together(n, alone[a]) or len(a) < 2 or len(b) < 2:
            continue
        if a not in words or b not in words or not is_han(a + b) or a + b in words:
            continue
        # A noun phrase of common words: no name, no verb at either end (复信参加).
        if is_proper_noun(a) or is_proper_noun(b) or is_verb(a) or not noun_like(b):
            continue
        if b in ORGANISATION_HEADS:
            continue  # a company's name, recurring in its news (星驰汽车)
        z = zipf(a)
        if z is not None and z >= _PAIR_MODIFIER_MAX_ZIPF:
            continue
        wanted.add((a, b))
    if not wanted:
        return []
    out = []
    for tokens, context in sentences:
        for pair in zip(tokens, tokens[1:], strict=False):
            if pair in wanted:
                out.append((Candidate(pair[0] + pair[1], "repeated"), context))
    return out


def accept_terms(evidence: Iterable[TermEvidence]) -> dict[str, str]:
    """The corpus's terms, each with its evidence (see the module docstring).

    A run is "repeated" when it comes up in two different sentences: a sentence
    repeated word for word (a reprint, boilerplate, a book given twice) is one
    piece of evidence, not several. Every term passes
    :func:`~flashgen.words.wordhood.judge` with its evidence; dictionary words
    are not terms.
    """
    candidates: list[Candidate] = []
    contexts: dict[str, set[int]] = {}
    quoted: set[str] = set()
    for e in evidence:
        for candidate, context in e.candidates:
            candidates.append(candidate)
            if candidate.evidence == "repeated":
                contexts.setdefault(candidate.text, set()).add(context)
        quoted |= e.quoted
    candidates.extend(Candidate(t, ev) for t, ev in quoted_candidates(quoted).items())
    parallel = parallel_coinages(quoted)
    words = dictionary_words()
    count = {text: len(seen) for text, seen in contexts.items()}
    found = accept(candidates, count)
    kept = {
        t: ev
        for t, ev in sorted(found.items())
        if t not in words and judge(t, evidence=ev, parallel=t in parallel).keep
    }
    # An item that holds a term found otherwise is that term with a word
    # around it (精准施策 holds 施策; 专精特新企业 holds 专精特新).
    return {
        t: ev
        for t, ev in kept.items()
        if ev != "enumerated"
        or not any(o != t and o in t and kept[o] != "enumerated" for o in kept)
    }


def discover_terms(documents: Iterable[Document], extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Terms of the corpus that no dictionary lists, each with its evidence."""
    return accept_terms(term_evidence(doc, extra) for doc in documents)
