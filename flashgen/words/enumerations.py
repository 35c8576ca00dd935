"""Enumerations: lists of items (A、B、C等, A和B) whose items may be terms.

Real articles name a new term once, often as an item of a list: 低空经济、
数据要素、碳达峰; 激光雷达等传感器; 银发经济、首发经济等新赛道. This module
finds the lists in a sentence's tokens and gives the items that may be terms
(:func:`enumerated_items`); :mod:`flashgen.words.terms` records them with the
evidence ``enumerated`` and judges them like every other candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from flashgen.lexicon.han import is_han
from flashgen.lexicon.headwords import dictionary_words, is_function_word, is_noun, is_noun_char
from flashgen.words import grammar
from flashgen.words.numbers import NUMERALS
from flashgen.words.parts import is_bound, is_verb
from flashgen.words.wordhood import PARTICLES

# Separators between the items of an enumeration, and what may close one.
LIST_SEPARATORS = frozenset("、")
LIST_CLOSERS = frozenset({"等", "等等", "和", "与", "及", "以及", "或", "或者"})
# Punctuation that ends a stretch of text (a clause, a quotation).
STOPS = frozenset('，,。；;：:！!？?（）()《》“”‘’「」『』"')
# Prepositions, conjunctions and particles: never the edge of a term.
# Particles inside a run end it: 厚植了爱党 is two pieces, 放得活 is a phrase.
TERM_PARTICLES = PARTICLES | frozenset("地之")


def _opens_item(tokens: Sequence[str], a: int) -> bool:
    """Token ``a`` opens an enumeration's item: after 、, a stop or the start."""
    return a == 0 or tokens[a - 1] in LIST_SEPARATORS or tokens[a - 1][-1:] in STOPS


def _closes_item(tokens: Sequence[str], b: int) -> bool:
    """Token ``b`` closes an item: 、, 等 (and the like), a stop or the end."""
    return (
        b == len(tokens)
        or tokens[b] in LIST_SEPARATORS
        or tokens[b] in LIST_CLOSERS
        or tokens[b][:1] in STOPS
    )


def is_item(tokens: Sequence[str], a: int, b: int) -> bool:
    """tokens[a:b] is an item of an enumeration: between 、 and 、 (or 、 and a
    stop, or a stop and 、), or before 等 (激光雷达等传感器)."""
    if not (_opens_item(tokens, a) and _closes_item(tokens, b)):
        return False
    listed = (a > 0 and tokens[a - 1] in LIST_SEPARATORS) or (
        b < len(tokens) and tokens[b] in LIST_SEPARATORS
    )
    return listed or (b < len(tokens) and tokens[b] in ("等", "等等"))


# An item of an enumeration made of dictionary words is a candidate when it is
# this long, in characters and in tokens (低空经济: 4 and 2; 碳达峰: 3 and 3).
# Longer items are a modifier on a head (独角兽企业, 算力基础设施), whose
# parts are the words.
_ITEM_CHARS = (3, 4)
_ITEM_TOKENS = (1, 3)  # one token: a compound the segmenter kept, no dictionary lists
_COORDINATORS = frozenset({"和", "与", "及", "以及", "或"})


def _stretches(tokens: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, what ends it) of the stretches between separators, closers and stops."""
    out = []
    start = 0
    for i, tok in enumerate(tokens):
        if tok in LIST_SEPARATORS or tok in LIST_CLOSERS or tok[:1] in STOPS:
            out.append((start, i, tok))
            start = i + 1
    out.append((start, len(tokens), ""))
    return out


def _enumerations(tokens: Sequence[str]) -> list[tuple[list[tuple[int, int]], bool]]:
    """The item ranges of each enumeration (two items or more, joined by 、, the
    last one perhaps by 和 or 与) or coordination (X和Y); and whether 、 joins them."""
    groups: list[tuple[list[tuple[int, int]], bool]] = []
    current: list[tuple[int, int]] = []
    listed = False
    joined = False  # the previous stretch ended in 、 or a coordinator
    for a, b, end in _stretches(tokens):
        if joined:
            current.append((a, b))
        else:
            if len(current) >= 2:
                groups.append((current, listed))
            current, listed = [(a, b)], False
        joined = end in LIST_SEPARATORS or end in _COORDINATORS
        listed = listed or end in LIST_SEPARATORS
    if len(current) >= 2:
        groups.append((current, listed))
    return groups


def noun_like(token: str) -> bool:
    """A noun by jieba's tag that is no verb by CC-CEDICT's main sense (经济, 生产力;
    not 合作, 经营), or a single noun character (峰, 债)."""
    if len(token) == 1:
        return is_noun_char(token)
    return is_noun(token) and not is_verb(token)


def _item_candidate(tokens: Sequence[str], a: int, b: int) -> str:
    """The item tokens[a:b] as a candidate string, or "" if it is not one:
    one to three tokens, three or four characters, Han, no dictionary word,
    none of its tokens a dictionary word of three characters or more (核聚变 + 能)."""
    item = "".join(tokens[a:b])
    if not (
        _ITEM_TOKENS[0] <= b - a <= _ITEM_TOKENS[1]
        and _ITEM_CHARS[0] <= len(item) <= _ITEM_CHARS[1]
        and is_han(item)
        and item not in dictionary_words()
        and not (b - a > 1 and any(len(t) >= 3 and t in dictionary_words() for t in tokens[a:b]))
    ):
        return ""
    return item


def _phrasal(tokens: Sequence[str], a: int, b: int) -> bool:
    """The item shows its list to be one of phrases, not of terms: it holds a
    particle (党的历史), it is one character (上项目、乱), or it is a verb with
    its object (知科技、懂产业、善决策: the items of a list share their construction).
    """
    if b - a == 1 and len(tokens[a]) == 1:
        return True
    if any(t in TERM_PARTICLES for t in tokens[a:b]):
        return True
    return b - a == 2 and is_verb(tokens[a]) and noun_like(tokens[a + 1])


def _slogan_verb(ch: str) -> bool:
    """A single character that, before a noun, reads as a verb.

    A verb by CC-CEDICT's main sense (补, 扩), a bound form (惠, 增) or an
    adjective that acts on its object (稳 "steady", 强 "strong"): anything but
    a grammatical character.
    """
    return is_han(ch) and ch not in grammar.INITIAL and ch not in NUMERALS


def _free_verb(ch: str) -> bool:
    """CC-CEDICT's main sense of ``ch`` is a free verb ("to know"; not "(bound
    form) to increase", not "steady")."""
    return is_verb(ch) and not is_bound(ch)


def _slogan_items(tokens: Sequence[str], items: Sequence[tuple[int, int]]) -> list[str]:
    """The items, when they form a list of policy slogans (补短板、惠民生、增后劲;
    稳增长、扩内需), else [].

    Each item is three characters that read as one character acting on a
    two-character dictionary word (补 + 短板, even where the segmenter cut
    补短 + 板), and at least half of those characters are no free verb: a
    bound form (惠, 增) or an adjective (稳). Slogans compress a verb to its
    bound character; a list of free verbs with objects is a list of phrases
    (知科技、懂产业: "know technology, understand industry").
    """
    words = dictionary_words()
    if len(items) < 2:
        return []
    found = []
    for k, (a, b) in enumerate(items):
        if k == 0:  # the verbs that govern the list go before it (要聚焦 + 补短板)
            a = max((i for i in range(a, b) if len("".join(tokens[i:b])) >= 3), default=a)
        item = "".join(tokens[a:b])
        head, rest = item[:1], item[1:]
        if not (
            len(item) == 3
            and is_han(item)
            and item not in words
            and _slogan_verb(head)
            and rest in words
            and not is_function_word(rest)
        ):
            return []
        found.append(item)
    if 2 * sum(1 for item in found if not _free_verb(item[0])) < len(found):
        return []
    return found


def _four_character_items(tokens: Sequence[str], items: list[tuple[int, int]]) -> list[str]:
    """The items of a list of four-character slogans, each of single
    characters mostly, that no dictionary lists (以进促稳、先立后破): every item
    four characters, two or more of them tokens of their own (守 正 创新,
    蹄 疾步 稳), or a dictionary word (a listed slogan among new ones). Over
    the 13 Lu Xun books and every genre text, two instead of three adds only
    such slogans. The first item
    is its last four characters when they start a token (坚持 + 以进促稳).

    >>> _four_character_items(list("以稳促改、先试后推"), [(0, 4), (5, 9)])
    ['以稳促改', '先试后推']
    """
    if len(items) < 2:
        return []
    a, b = items[0]
    while b - a > 1 and len("".join(tokens[a:b])) > 4:
        a += 1
    items = [(a, b), *items[1:]]
    texts = ["".join(tokens[a:b]) for a, b in items]
    if not all(len(t) == 4 and is_han(t) for t in texts):
        return []
    words = dictionary_words()
    if not all(
        t in words or sum(len(tok) == 1 for tok in tokens[a:b]) >= 2
        for t, (a, b) in zip(texts, items, strict=True)
    ):
        return []
    return [t for t in texts if t not in words]


def enumerated_items(tokens: Sequence[str]) -> list[str]:
    """Items of an enumeration made of several tokens (低空经济、数据要素、碳达峰),
    the item before 等 (激光雷达等传感器), and the noun after 等 that names the
    class of the items when no dictionary lists it (等新赛道). An item is a
    candidate when it is short (:data:`_ITEM_CHARS`) and a noun phrase or
    shares its head with another item; no item of a list that holds a phrase
    is one. (A parallel series of verbs and objects, 知科技、懂产业、善决策, is
    a list of phrases as often as of slogans: its items are no candidates.)

    >>> tokens = ["冰雪", "经济", "、", "夜间", "经济", "等", "新", "赛道", "加快"]
    >>> enumerated_items(tokens)
    ['冰雪经济', '夜间经济', '新赛道']
    """
    if "、" not in tokens and not _COORDINATORS.intersection(tokens) and "等" not in tokens:
        return []
    words = dictionary_words()
    out: list[str] = []
    in_lists: set[int] = set()  # where an item of an 、 list ends
    for group, listed in _enumerations(tokens):
        items = []
        for k, (a, b) in enumerate(group):
            # The first item starts after the last particle before it (配备
            # 了 激光雷达、毫米波雷达), and may open with the verb that governs
            # the list (坚持稳中求进、梯度培育; 做到先易后难、由近及远).
            if k == 0:
                a = max((j + 1 for j in range(a, b - 1) if tokens[j] in TERM_PARTICLES), default=a)
            if k == 0 and b - a >= 2 and is_verb(tokens[a]) and not is_noun(tokens[a]):
                a += 1
            items.append((a, b))
        if listed:
            in_lists.update(b for _, b in items)
            idioms = _four_character_items(tokens, items)
            if idioms:
                out.extend(idioms)
                continue
            slogans = _slogan_items(tokens, items)
            if slogans:
                out.extend(slogans)
                continue
        if any(_phrasal(tokens, a, b) for a, b in items):
            continue
        heads = Counter(tokens[b - 1] for a, b in items if b > a)
        for a, b in items if listed else ():
            item = _item_candidate(tokens, a, b)
            if not item:
                continue
            shared = heads[tokens[b - 1]] >= 2
            if shared or (noun_like(tokens[b - 1]) and not is_verb(tokens[a])):
                out.append(item)
        # Coordinated compounds that share their last character (国债和专项债).
        finals = Counter(tokens[b - 1][-1] for a, b in items if b > a)
        for a, b in items:
            if b - a >= 2 and len(tokens[b - 1]) == 1 and finals[tokens[b - 1]] >= 2:
                stem = tokens[b - 2]
                if len(stem) >= 2 and stem in words and stem + tokens[b - 1] not in words:
                    out.append(stem + tokens[b - 1])
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok not in ("等", "等等"):
            continue
        # The one item before 等, when no 、 list ends here: 激光雷达等传感器.
        if i not in in_lists:
            a = i
            while a > 0 and not _opens_item(tokens, a):
                a -= 1
            item = _item_candidate(tokens, a, i)
            if item and not _phrasal(tokens, a, i) and noun_like(tokens[i - 1]):
                out.append(item)
        # The class after a list: 银发经济、首发经济等新赛道.
        elif i + 2 < n:
            first, head = tokens[i + 1], tokens[i + 2]
            kind = first + head
            if (
                is_han(kind)
                and kind not in words
                and noun_like(head)
                and len(first) == 1
                and not is_verb(first)
                and (i + 3 == n or not is_noun(tokens[i + 3]))
            ):
                out.append(kind)
    return out
