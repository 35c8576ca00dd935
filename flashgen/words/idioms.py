"""Idioms: the shape of a four-character saying, and the grammar that tells
one from a piece of a sentence that has the same shape.

A string no dictionary lists that is made mostly of single characters
(先易后难, 以旧换新, 全国一盘棋) has the shape of an idiom, and
:func:`flashgen.words.wordhood.judge` keeps it unless its grammar says
otherwise: a grammatical word where idioms have content (却还不奇), a clause
opener before a verb and its object (以待来年), a verb and its object (焚掠
平民, 下苦功夫). jieba's own idiom list (its ``i`` tag) rescues four-character
idioms that only an idiom's shape failed (:func:`listed_chengyu`).

>>> idiom_shape("先易后难", ("先", "易", "后", "难")), idiom_grammar_ok("却还不奇")
(True, False)
"""

from __future__ import annotations

from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.headwords import (
    dictionary_words,
    is_adjective_char,
    is_function_word,
    is_listed_chengyu,
    is_listed_idiom,
    is_noun,
    is_noun_char,
)
from flashgen.words import grammar
from flashgen.words.parts import has_verb_sense, is_verb, split_parts

# In a four-character idiom, grammatical words stand in the first and third
# places (由近及远, 先易后难, 以旧换新); in the second and fourth, a grammatical
# word means the string is a piece of a sentence (却还不奇, 实非无因, 不耻最后).
_NOT_IN_IDIOM_CONTENT = (
    grammar.PRONOUNS
    | grammar.ADVERBS
    | grammar.NEGATIONS
    | grammar.PREPOSITIONS
    | grammar.CONJUNCTIONS
    | grammar.PARTICLES
    | grammar.COPULAS
)


def idiom_shape(word: str, parts: tuple[str, ...]) -> bool:
    """Four characters or more, in pieces mostly of one character (先易后难, 全国一盘棋),
    or two single characters before a dictionary word (以旧换新, 营商环境)."""
    singles = sum(1 for p in parts if len(p) == 1)
    if len(word) < 4:
        return False
    return singles >= 3 or (len(word) == 4 and len(parts) == 3 and len(parts[0]) == 1)


# Words that open a clause of purpose or result (以待来年 "so as to wait for
# next year", 而X, 则X): a preposition, a conjunction, a particle or a pronoun,
# not a negation (无伤大体, 不识抬举 are idioms).
_CLAUSE_OPENERS = (
    grammar.PREPOSITIONS | grammar.CONJUNCTIONS | grammar.PARTICLES | grammar.PRONOUNS
) | frozenset("乃")


def _clause_opener_verb_object(parts: tuple[str, ...]) -> bool:
    """An idiom's shape that is a grammatical word, a verb and its object:
    以 + 待 + 来年 (not 以 + 旧 + 换新, 由 + 近 + 及 + 远)."""
    return (
        len(parts) == 3
        and parts[0] in _CLAUSE_OPENERS
        and len(parts[1]) == 1
        and is_verb(parts[1])
        and not is_noun_char(parts[1])
        and len(parts[2]) == 2
        and not is_verb(parts[2])
        and not is_function_word(parts[2])
    )


def verb_object_idiom(word: str, parts: tuple[str, ...]) -> bool:
    """Two single characters, the second a verb, before a noun: a verb (and
    its subject or another verb) with its object (焚掠 + 平民, 口衔 + 雪茄,
    赶印 + 目录), not an idiom, unless jieba lists it (痰迷心窍, 自求多福).
    Not 营商环境 (商 is no verb) nor 以旧换新 (换新 is one); and not after a
    negation, as idioms have it (无伤大体, 不识抬举)."""
    return (
        len(parts) == 3
        and len(parts[0]) == len(parts[1]) == 1
        and parts[0] not in grammar.NEGATIONS
        and is_verb(parts[1])
        and is_noun(parts[2])
        and not is_verb(parts[2])
        and not is_listed_idiom(word)
    )


def verb_modified_object(word: str) -> bool:
    """A verb character, an adjective character and a noun: a verb and its
    object with a modifier (下 + 苦 + 功夫, 下 + 大 + 力气; the fewest-pieces
    split cuts 下 + 苦功 + 夫), not an idiom, unless jieba lists it as one.

    >>> verb_modified_object("下苦功夫"), verb_modified_object("男男女女")
    (True, False)
    """
    rest = word[2:]
    return (
        len(word) == 4
        and has_verb_sense(word[0])
        and is_adjective_char(word[1])
        and rest in dictionary_words()
        and is_noun(rest)
        and not is_verb(rest)
        and not is_listed_chengyu(word)
    )


def idiom_grammar_ok(word: str) -> bool:
    if any(ch in grammar.PRONOUNS for ch in word):
        return False
    if _clause_opener_verb_object(split_parts(word)):
        return False
    if word[0] in grammar.COPULAS and word[2:3] not in _COPULA_TWINS and not is_listed_idiom(word):
        # 有, 是, 在 open an idiom with a twin in the third place (有备无患,
        # 有声有色) or one jieba lists (有伤风化); else they open a clause
        # (有锁子甲: "has a coat of mail").
        return False
    if word[-1] == "者" and word[0] in grammar.INITIAL - {"被"}:
        # 者 makes a noun of the phrase (为幼稚者: "those who are young");
        # 被X者 is the passive noun (被压迫者).
        return False
    if len(word) == 4:
        # An adverb in the third place needs its twin in the first (越X越Y,
        # 又X又Y; not 太趋极端, 又拜才女).
        if word[2] in grammar.ADVERBS and word[0] != word[2]:
            return False
        return word[1] not in _NOT_IN_IDIOM_CONTENT and word[3] not in (
            _NOT_IN_IDIOM_CONTENT | grammar.LOCALIZERS
        )
    if any(ch in _NOT_IN_IDIOM_CONTENT for ch in word[1:]):
        return False
    # Longer: a localizer or a directional complement inside, as a piece of
    # its own, makes a phrase of place or motion (怀中一纸书, 踱进研究室), not
    # a saying (天下 in 以孝治天下 is a word).
    return not any(
        len(p) == 1 and (p in grammar.LOCALIZERS or p in grammar.DIRECTIONAL)
        for p in split_parts(word)[1:]
    )


# What stands third in an idiom that 有, 是 or 在 opens (有备无患, 有声有色).
_COPULA_TWINS = frozenset("有无没是非")


# What a four-character idiom jieba lists may be rejected for and still be
# one: a count in front (三天打鱼), a grammatical character where the idiom
# test wants content (一哄而上), two dictionary words (幅员辽阔).
# A numeral and a classifier inside an idiom shape (像一个丁; not 全国一盘棋, listed).
COUNT_INSIDE_REASON = "a count inside"
CHENGYU_EXCUSED = frozenset(
    {"number or count", "function word inside an idiom shape", "function word inside",
     "free combination", COUNT_INSIDE_REASON}
)  # fmt: skip
# The literary pronouns idioms are made with: of the 442 four-character idioms
# jieba lists (not CC-CEDICT) that hold a pronoun, the 174 with 其 are idioms
# (各司其职, 独善其身, 闪烁其辞), as are those with 各 (各执一端); with 此,
# 我, 何 half are phrases (由此可证, 自我知觉, 何月何日).
_IDIOM_PRONOUNS = frozenset("其各")
# The literary particles idioms are made with: of the 149 such idioms with 所
# (老有所养, 各有所长, 一无所获), 9 in 10 are idioms (not 如图所示, 有所增加).
_IDIOM_PARTICLES = frozenset("所")
# Of two dictionary words, one must be this rare (Zipf) for jieba's idiom tag
# to make them an idiom: 幅员 3.10, 异己 3.17, 不轨 2.73 (幅员辽阔, 排斥异己,
# 图谋不轨); jieba also tags free pairs of commoner words as idioms: 闭上眼睛
# (闭上 3.21), 自我调侃 (调侃 3.50), 坚定信心 (4.43), 今年以来 (5.27).
_CHENGYU_RARE_PART_ZIPF = 3.2


def listed_chengyu(word: str, parts: tuple[str, ...]) -> bool:
    """jieba lists ``word`` as a four-character idiom, and it holds no particle
    but the literary 所 (老有所养) and no pronoun but the literary 其 and 各
    (各司其职), nor 在 or 是 after its
    first character (奇怪的是, 待在家里 are phrases jieba tags so), nor 在 and a
    localizer round it (在精神上); made of two dictionary words, one of them
    rare."""
    if not is_listed_chengyu(word):
        return False
    if any(
        (ch in grammar.PARTICLES and ch not in _IDIOM_PARTICLES)
        or (ch in grammar.PRONOUNS and ch not in _IDIOM_PRONOUNS)
        for ch in word
    ):
        return False
    if "在" in word[1:] or "是" in word[1:]:
        return False
    if word[0] == "在" and word[-1] in grammar.LOCALIZERS:
        # 在 … 上/中/之前, a place or time phrase, however jieba tags it (在精神上,
        # 在建设中, 在此之前: 8 of jieba's idioms, none an idiom).
        return False
    if len(parts) == 2 and all(len(p) == 2 for p in parts):
        return min(zipf(p) or 0.0 for p in parts) < _CHENGYU_RARE_PART_ZIPF
    return True
