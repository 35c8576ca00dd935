"""Derivations: a dictionary word plus a productive affix is a word.

A suffix (颠覆性, 体系化, 政绩观, 供给侧, 消费主义) or a prefix (超长期, 反垄断,
自研) makes a new word from a content word; chains of them make the compound
terms of policy and technical writing (新型城镇化, 供给侧结构性改革). What is
*not* a derivation matters as much: 者 after a noun is the literary topic
particle (学校者, 书者), and 总, 非, 反 before a verb are adverbs (总觉得,
反觉得). :mod:`flashgen.words.wordhood` judges with these rules and
:mod:`flashgen.words.terms` proposes terms with them.

>>> derivation_kind("颠覆性", ("颠覆", "性")), derivation_kind("总觉得", ("总", "觉得"))
('suffix', '')
"""

from __future__ import annotations

from functools import cache

from flashgen.lexicon.headwords import (
    dictionary_words,
    is_adjective,
    is_adverb,
    is_function_word,
    is_listed_pair,
    is_noun,
    is_plain_noun,
    is_time_word,
)
from flashgen.words import grammar
from flashgen.words.numbers import is_numeral
from flashgen.words.parts import free_char, is_verb

# Productive derivational suffixes: X性 X化 X型 … make a new word from a word;
# so do the heads of new technical compounds (供给侧, 产业链, 旗舰机, 传感器,
# 云端, 朋友圈, 粉丝群).
SUFFIXES = frozenset(
    "性化型式观点面员者家界率度感法论学师品业区期线场站所室类量值权热族派侧链机器端圈群"
)
# A suffix of two characters: 主义 "-ism" (消费主义, 完美主义), the only
# two-character headword CC-CEDICT glosses as a noun-making suffix.
WORD_SUFFIXES = frozenset({"主义"})
# Suffixes that also derive from a single character: 勇者, 赤化, 端侧, 弹性.
SHORT_SUFFIXES = frozenset("者化性式型感侧链")
# Suffixes that make a noun of a verb or an adjective character: 搭子, 盖儿, 甜头.
NOUN_SUFFIXES = frozenset("子儿头")
# Suffixes that are no suffix after an adjective: 点 is the measure "a
# little" there (激烈点 is 激烈一点), not a noun head as after a verb or a
# noun (增长点, 着力点); 学 is the verb "learn" (容易学), not "-ology".
_NO_SUFFIX_AFTER_ADJECTIVE = frozenset("点学")
# The suffixes a time word takes (年代感, 未来感, 时代性).
_TIME_SUFFIXES = frozenset("感性")
# A stem this long is a saying, which takes no suffix (工欲善其事必先利其器 + 论).
_SAYING_MIN = 5
# Productive prefixes: 超常规, 非公有, 反垄断, 双循环.
PREFIXES = frozenset("超非反总副准伪亚泛双")
# Prefixes that also make a word with one bound character: 自研, 自营.
SHORT_PREFIXES = frozenset("自")


def content_stem(stem: str) -> bool:
    """A stem an affix can derive from: no function word (他们所, 别的法), no
    adverb (立刻站 is the adverb before the verb 站), and, unless a dictionary
    lists it (同质化), not opening with a grammatical character (也者, 都不会)."""
    if stem in grammar.CLAUSE_VERBS:
        return False  # what follows starts its object (觉得 + 学…, 成为 + 家…)
    if is_adverb(stem) and not is_noun(stem) and not is_verb(stem):
        return False  # an adverb before a verb (立刻站, 简直站, 赶快派, 似乎点)
    if stem in dictionary_words():
        # A dictionary word that opens with a grammatical character is a stem
        # only as a noun: 不平 may be; 没有, 便是, 所谓, 再见 are not (没有家 is
        # "has no home", 所谓学 "so-called learning").
        if is_function_word(stem):
            return False
        return stem[0] not in grammar.INITIAL or is_plain_noun(stem)
    return stem[0] not in grammar.INITIAL


def topic_zhe(parts: tuple[str, ...]) -> bool:
    """者 after a noun: the literary topic particle ("as for X"), not the agent
    suffix (先生者, 文明者, 书者). The suffix derives from a verb or an
    adjective (破坏者, 反对者, 强者); a noun stem is a noun already. A stem of
    one character derives only where jieba's dictionary lists the pair (勇者,
    贤者; not 书者, 花者)."""
    if len(parts) != 2 or parts[1] != "者":
        return False
    stem = parts[0]
    if len(stem) == 1:
        # One character and 者 is a literary word where a dictionary lists it
        # (强者, 勇者, 贤者); elsewhere the character ends a phrase that 者
        # turns into a noun (折花者, 亲俄者, 介绍新者, 土车者).
        return stem not in grammar.INITIAL and not is_listed_pair(stem + "者")
    return is_plain_noun(stem) and not is_verb(stem)


# Prefixes that are also grammatical words: 总 "always", 非 "not", 反
# "instead" (the literary adverb of 反而) and 准 "surely". Before a verb or a
# function word they are that word (总觉得, 总可以, 非但, 反觉得, 反利用,
# 准开演); a derivation has a nominal stem (总设计师, 非人力, 非公有, 反改革,
# 准新娘).
_GRAMMATICAL_PREFIXES = PREFIXES & (grammar.INITIAL | grammar.COPULAS) | frozenset("反准")


def short_prefix_stem(ch: str) -> bool:
    """``ch`` can follow 自 "self-": a verb character (自研, 自辩), not a noun or
    a grammatical character, before which 自 is the preposition "from" (自宋,
    自汉, 自而).

    >>> short_prefix_stem("研"), short_prefix_stem("宋"), short_prefix_stem("而")
    (True, False, False)
    """
    return is_verb(ch) and ch not in grammar.INITIAL


def adverb_before(prefix: str, stem: str) -> bool:
    """``prefix`` is the grammatical word, not a prefix, before ``stem``: 总,
    非 or 反 before a verb or a function word (总觉得, 非但, 反觉得).

    >>> adverb_before("反", "觉得"), adverb_before("反", "改革")
    (True, False)
    """
    return prefix in _GRAMMATICAL_PREFIXES and (
        is_verb(stem) or is_function_word(stem) or stem[0] in grammar.INITIAL
    )


def derivation_kind(word: str, parts: tuple[str, ...]) -> str:
    """``"suffix"`` or ``"prefix"``: a dictionary word with a productive suffix
    or prefix (颠覆性, 供给侧, 超长期, 勇者); ``""``: no derivation.

    A suffix that grammar lists as a particle derives nothing (所 after a noun
    is the particle before a verb: 我们所说); the stem must be a content word.
    """
    if len(parts) != 2:
        return ""
    stem_first, stem_last = parts[0], parts[1]
    # A suffix after one character: not after a numeral or another suffix
    # (赤化, 端侧; not 者化).
    short = (
        stem_last in SHORT_SUFFIXES and not is_numeral(word[0]) and stem_first not in SHORT_SUFFIXES
    )
    if stem_last in _NO_SUFFIX_AFTER_ADJECTIVE and is_adjective(stem_first):
        return ""  # 激烈点, 平稳点 are 激烈(一)点; 容易学 is "easy to learn"
    if stem_last == "者" and len(stem_first) >= 4:
        return ""  # "those who …" after an idiom or a phrase (袖手旁观者, 言论自由者)
    if is_time_word(stem_first) and stem_last not in _TIME_SUFFIXES:
        # A time word before its predicate (晚上 + 点什么, 正在 + 家, 新年 + 者),
        # not a stem; but the feel of a time is one (年代感, 未来感).
        return ""
    if len(stem_first) >= _SAYING_MIN and len(stem_last) <= 2:
        return ""  # a saying and a suffix: a title, "the theory that …" (人之初性本善论)
    if stem_last in WORD_SUFFIXES and len(stem_first) > 1 and content_stem(stem_first):
        return "suffix"
    if (
        len(stem_last) == 1
        and stem_last in SUFFIXES
        and stem_last not in grammar.PARTICLES
        and (len(stem_first) > 1 or short)
        and content_stem(stem_first)
    ):
        return "suffix"
    if len(stem_first) == 1 and stem_first in PREFIXES and len(stem_last) > 1:
        if is_numeral(stem_last[0]):
            return ""  # a count after an adverb or a classifier (准十六, 副十二): no prefix
        if is_function_word(stem_last) or (
            stem_last[0] in grammar.INITIAL and not is_plain_noun(stem_last)
        ):
            return ""  # no prefix before a function word (亚 + 没有, 非 + 但是)
        return "" if adverb_before(stem_first, stem_last) else "prefix"
    if (
        stem_first in SHORT_PREFIXES
        and len(stem_last) == 1
        and not free_char(stem_last)
        and short_prefix_stem(stem_last)
    ):
        return "prefix"
    return ""


# Suffixes that make the pieces of a chain of derivations (see derivation_chain),
# and those of them that make a modifier of the noun after it (结构性 改革).
CHAIN_SUFFIXES = frozenset("化性式型侧")
_MODIFIER_SUFFIXES = frozenset("性式型")
# The first piece of a chain modifies the second, so ends in a modifying
# suffix or 侧 (供给侧 + 结构性); 常态化 + 长效性 + 机制 is two modifiers of 机制.
_FIRST_SUFFIXES = _MODIFIER_SUFFIXES | frozenset("侧")
# The longest chain looked at, in characters (供给侧结构性改革 is 8).
CHAIN_MAX_CHARS = 10


def _derived_piece(piece: str, suffixes: frozenset[str] = CHAIN_SUFFIXES) -> bool:
    """A word with one of ``suffixes``: a dictionary word (新型, 城镇化, 结构性)
    or a dictionary word and the suffix (供给 + 侧)."""
    if len(piece) < 2 or piece[-1] not in suffixes:
        return False
    if piece in dictionary_words():
        return True
    stem = piece[:-1]
    return len(stem) > 1 and stem in dictionary_words() and content_stem(stem)


@cache
def derivation_chain(word: str) -> bool:
    """A derivation that modifies a second one with a different suffix, and
    after a modifying second (…性, …式, …型) perhaps its noun: the compound
    terms of policy and technical writing (新型 + 城镇化, 供给侧 + 结构性 + 改革).
    The first is no verb (深化 供给侧); the same suffix twice is a series
    (数字化 智能化 转型), not a term.

    >>> derivation_chain("新型城镇化"), derivation_chain("供给侧结构性改革")
    (True, True)
    >>> derivation_chain("数字化智能化"), derivation_chain("结构性改革")
    (False, False)
    """
    n = len(word)
    if n > CHAIN_MAX_CHARS:
        return False
    for i in range(2, n - 1):
        first = word[:i]
        if not _derived_piece(first, _FIRST_SUFFIXES) or is_verb(first):
            continue
        for j in range(i + 2, n + 1):
            second, head = word[i:j], word[j:]
            if first[-1] == second[-1] or not _derived_piece(second):
                continue
            if not head or (
                second[-1] in _MODIFIER_SUFFIXES and head in dictionary_words() and is_noun(head)
            ):
                return True
    return False
