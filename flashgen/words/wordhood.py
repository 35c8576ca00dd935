"""Decide what is a word worth a card: lexical units, terms, and what is not.

jieba's own dictionary lists many free collocations (充分发挥, 两国人民, 祝你们),
so a token it outputs is not a word just because jieba kept it whole. A
multi-character token that CC-CEDICT, HSK and the learner's glossary all lack
is judged here, and so is every term the corpus pass proposes (the same
judgement, with the evidence that found it):

- numbers, ordinals, dates, counts and times (第二十四, 二十届, 两年, 九点半,
  三十来块钱) are never cards;
- people's names (赵建国, 老周, 王阿姨, 西滢先生) and names of organisations no
  dictionary lists (澜途科技) are never cards (:mod:`flashgen.words.names`);
- a string that begins or ends with a grammatical word, or holds one inside
  (:mod:`flashgen.words.grammar`: 确有, 书上, 撕去, 全让女师, 因这几句话) is a
  piece of a sentence, as is a structural particle inside (放得活, 厚植了爱党);
- a verb with its object (换鞋, 捏造事实) is a phrase, unless the text quotes or
  enumerates it (“踩刹车”, 补短板、惠民生);
- a four-character string whose dictionary parts include two single
  characters has the shape of an idiom (先易后难, 由近及远, 以旧换新) and stays
  whole, unless a grammatical word stands where idioms have content
  (却还不奇, 实非无因);
- a derivation (颠覆性, 体系化, 政绩观, 供给侧, 超长期) is a word: a dictionary
  word plus a productive affix; but 者 after a noun is the literary topic
  particle (学校者, 书者), not the agent suffix (篡改者, 强者)
  (:mod:`flashgen.words.derivations`);
- an epithet before a listed name (黑旋风 + 张三) is a name;
- a string with evidence of being a term (quoted, enumerated, an affix, an
  association, repeated: see :mod:`flashgen.words.terms`) is a word; quotation
  marks count only for a run that ends in a noun or a noun-making suffix
  (not the clause 真理战胜);
- a compound noun of three characters that jieba lists and has often seen
  (价格战, 营业厅, 脚步声) is a word, though its head is a free character;
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

from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.han import is_han
from flashgen.lexicon.headwords import (
    dictionary_words,
    doubled_base,
    doubled_pair,
    is_adjective,
    is_adjective_char,
    is_function_word,
    is_listed_compound_noun,
    is_listed_count,
    is_listed_idiom,
    is_listed_name,
    is_listed_pair,
    is_listed_place,
    is_noun,
    is_noun_char,
)
from flashgen.lexicon.hsk import hsk_words
from flashgen.words import grammar, names, numbers
from flashgen.words.derivations import (
    NOUN_SUFFIXES,
    PREFIXES,
    SUFFIXES,
    derivation_chain,
    derivation_kind,
    topic_zhe,
)
from flashgen.words.idioms import (
    CHENGYU_EXCUSED,
    COUNT_INSIDE_REASON,
    idiom_grammar_ok,
    idiom_shape,
    listed_chengyu,
    verb_modified_object,
    verb_object_idiom,
)
from flashgen.words.names import (
    SURNAMES,
    is_organisation_name,
    is_proper_noun,
    name_shape,
)
from flashgen.words.numbers import (
    LEADING_NUMERAL,
    NUMERALS,
    is_count,
    is_number,
    is_numeral,
    is_unit,
)
from flashgen.words.parts import (
    free_char,
    grammatical,
    has_verb_sense,
    is_verb,
    main_sense,
    single_function_words,
    single_verbs,
    split_parts,
)

# What a count jieba lists (多天, 好几, 一大堆) holds; jieba's numeral tag
# also covers words with none of them (全名, 左眼, 首座), which stay words.
_COUNT_CHARS = frozenset(NUMERALS + "多几数整余廿")
# Words of approximation and extent before a count (近十年, 约三天, 共五人,
# 仅两天): the whole is a count.
_APPROXIMATORS = frozenset("近约共仅逾足满")
# "The next" and "the last" before a noun (下一阶段, 上一轮): an ordinal, as
# 第二轮 is; a dictionary lists the words so made (下一步, 上一代).
_NEXT_AND_LAST = frozenset({"上一", "下一"})
# A numeral and 号 at the end: the number of a model, a craft or a mission
# (启明二号, 天宫二号), which makes the whole a name.
_MODEL_NUMBER = re.compile(rf"[{NUMERALS}\d]+号$")
# Closed classes: adverbs, prepositions, conjunctions, particles. A string that
# starts with one is a phrase (很大, 已有, 并祝, 从根本上, 跟党走), not a word.
FUNCTION_CHARS = frozenset(
    "很太最更都也还就才又再已并和与跟从在把被对向给为以由而且及或的了着过是不没祝"
)
# Structural particles inside a string make it a phrase (放得活, 厚植了爱党),
# unless a dictionary lists it (来得及).
PARTICLES = frozenset("了的得着")
# The evidence of termhood the corpus pass records (see flashgen.words.terms).
TERM_EVIDENCE = frozenset({"quoted", "enumerated", "affix", "association", "repeated"})
# The longest verb and object a quotation or a list makes a coinage of:
# 补短板, 撒胡椒面; “抢演唱会门票” is a quoted phrase.
_COINED_MAX = 4
# Evidence strong enough that a verb with its object is a term (补短板、惠民生).
_PHRASE_EVIDENCE = frozenset({"quoted", "enumerated"})
# The whole may be this much rarer than its rarer part and still count as a
# term: 举国体制 is 0.14 *more* common than 举国; 中央政治局 0.4 rarer than
# 政治局. Collocations are 1.2 (中美关系) to 3.3 (主体作用) rarer.
_TERM_MARGIN = 0.5


VerdictKind = Literal["word", "number", "phrase", "name"]


@dataclass(frozen=True)
class Verdict:
    """Whether a string gets a card, what it is, why, and the parts to use if not.

    ``kind`` is what callers branch on: ``"word"`` (kept), ``"number"`` (a number,
    date or count: neither it nor its parts are words), ``"name"`` (a person's
    or an unlisted organisation's name: no card, nor for its parts) or
    ``"phrase"`` (a free combination: its parts may be words). ``reason`` is
    for people.
    """

    keep: bool
    kind: VerdictKind
    reason: str
    parts: tuple[str, ...] = ()


# What ends a clause, never a word: the literary verb of saying 曰 (禹曰, 客曰)
# and the plural suffix 们 (老臣们: the card is 老臣). After one character,
# 说 "says" (禹说, 自说) too, unless jieba lists the pair (直说, 叙说); a
# longer stem can take 说 "theory" (进化说).
_CLAUSE_FINAL = frozenset("曰们")
_CLAUSE_FINAL_REASON = "a subject and a verb of saying, or a plural"


def _clause_final(word: str) -> bool:
    """Holds 曰 (一曰岱舆 "the first is called 岱舆"), ends in 们, is one
    character and 说 that jieba does not list, or ends in 者 + 说 (…者 "those
    who …" and "say")."""
    return (
        word[-1] in _CLAUSE_FINAL
        or "曰" in word
        or (len(word) == 2 and word[-1] == "说" and not is_listed_pair(word))
        or (len(word) > 3 and word.endswith("者说"))  # 所压迫者 + 说 "the oppressed say"
    )


def _adverbial(piece: str) -> bool:
    """Two grammatical characters, the second a negation, an adverb or a modal,
    and no noun (jieba's tags, or a capitalised CC-CEDICT sense: a title or a
    name): a function word whatever jieba's tags (并不, 也不, 未能; not the
    title 太常 "Minister of Ceremonies").

    >>> _adverbial("并不"), _adverbial("未能"), _adverbial("无故"), _adverbial("太常")
    (True, True, False, False)
    """
    return (
        len(piece) == 2
        and piece[0] in grammar.INITIAL
        and piece[1] in grammar.NEGATIONS | grammar.ADVERBS | grammar.MODALS
        and not is_noun(piece)
        and not main_sense(piece)[:1].isupper()
    )


# What is never the contrasted first character of a parallel series of
# coinages: a particle (“之徒” beside “暴徒”) or a modal (“能用” beside “好用”).
_NO_CONTRAST = grammar.PARTICLES | grammar.MODALS


def _noun_headed(parts: tuple[str, ...]) -> bool:
    """The last piece is a noun (jieba's tags) whose main sense is no verb, or
    a noun-making suffix: the shape of a term (精神内耗, 新质生产力, 特种兵式旅游),
    not of a clause (公理战胜)."""
    last = parts[-1]
    if len(last) == 1:
        return is_noun_char(last) or last in SUFFIXES
    return is_noun(last) and not is_verb(last)


def _ends_in_name(parts: tuple[str, ...]) -> bool:
    """An epithet before a person's name (白额虎 + 李四, 大刀 + 王五): the last
    piece is a proper noun that opens with a family name, after at least two
    characters. A place or a country at the end (数字中国) opens with no family
    name."""
    last = parts[-1]
    return (
        len(parts) >= 2
        and len("".join(parts[:-1])) >= 2
        and 2 <= len(last) <= 3
        and last[0] in SURNAMES
        and is_proper_noun(last)
    )


def _name_at_a_cut(word: str, parts: tuple[str, ...]) -> bool:
    """A name of all but the first or the last character starts or ends where
    the split into dictionary words cuts (说 + 赵建国), not inside a word
    (安全 + 隐患, 简单 + 粗暴: no 全隐患, 单粗暴; 安享晚 + 年 would cut 晚年)."""
    return bool(
        (len(parts[0]) == 1 and name_shape(word[1:]))
        or (len(parts[-1]) == 1 and name_shape(word[:-1]))
    )


# What follows a verb as its result or direction: the complements, and 成, 为,
# 作 "into, as" (写成, 定为, 译作), 入 "into" (搬入), 倒, 落 "down" (踏倒, 打落).
_RESULTS = grammar.COMPLEMENTS | frozenset("成为作入倒落")


def _verb_result(word: str) -> bool:
    """Two characters no dictionary lists, a verb and its result or direction
    (写成, 搬入, 踏倒, 定为): a phrase, as 少掉 is. A noun jieba lists so made
    (译作 "a translation") is a word.

    >>> _verb_result("写成"), _verb_result("踏倒"), _verb_result("书成")
    (True, True, False)
    """
    return is_verb(word[0]) and word[1] in _RESULTS and not is_noun(word)


def _verb_directional(word: str) -> bool:
    """One verb character and a two-character directional complement:
    用起来, 搬出去, 拿回来 (not 看起来, which a dictionary lists and so is never
    judged).

    >>> _verb_directional("用起来"), _verb_directional("起来了"), _verb_directional("用起")
    (True, False, False)
    """
    return (
        len(word) == 3
        and word[1] in grammar.DIRECTIONAL
        and word[2] in "来去"
        and word[0] not in grammar.DIRECTIONAL
        and is_verb(word[0])
    )


def _doubled_verb_phrase(word: str) -> bool:
    """A verb character doubled and one more character that is no noun suffix:
    刷刷墙, 补补路, 聊聊天 (a noun so made, 碰碰车, is a dictionary word).

    >>> _doubled_verb_phrase("刷刷墙"), _doubled_verb_phrase("天天见"), _doubled_verb_phrase("刷刷")
    (True, False, False)
    """
    return (
        len(word) == 3 and word[0] == word[1] and word[2] not in NOUN_SUFFIXES and is_verb(word[0])
    )


def _doubled_form(word: str) -> bool:
    """Two of the same character that is a verb by its main sense, or a free
    adjective by jieba's tag: a form of it (问问, 红红). Not a bound one (碌碌,
    惴惴, 岌岌), nor a noun or classifier, whose doubled forms are words of
    their own or "every X" (源源, 营营, 团团, 家家). jieba's tags of such
    pairs are no guide (问问 n, 试试 vn, 混混 a).

    >>> _doubled_form("问问"), _doubled_form("红红"), _doubled_form("源源"), _doubled_form("碌碌")
    (True, True, False, False)
    """
    ch = word[0]
    return (
        len(word) == 2
        and word[1] == ch
        and (is_verb(ch) or (free_char(ch) and is_adjective_char(ch)))
    )


# The numerals of idioms' hyperbole, which make no count (长命百岁, 一日千里).
_IDIOM_NUMERALS = frozenset("百千万亿半")


def _count_inside(word: str) -> bool:
    """A numeral after the first character, followed by a classifier; not 百,
    千, 万, 亿 or 半, which idioms use for "a great many" and "half".

    >>> _count_inside("少说两句"), _count_inside("像一个丁"), _count_inside("长命百岁")
    (True, True, False)
    """
    return any(
        is_numeral(word[i])
        and word[i] not in _IDIOM_NUMERALS
        and not is_numeral(word[i + 1])
        and is_unit(word[i + 1])
        for i in range(1, len(word) - 1)
    )


def _verb_object(parts: tuple[str, ...]) -> bool:
    """A verb followed by what is not a verb: its object (换鞋, 捏造事实, 兼任教员)."""
    if len(parts) < 2 or not is_verb(parts[0]):
        return False
    rest = "".join(parts[1:])
    if len(parts) == 2 and len(rest) == 1:
        # 换鞋, but not 定稿: a bound character behind a verb makes a compound,
        # and a noun suffix a noun (搭子, 盖儿, 念头).
        return not is_verb(rest) and free_char(rest) and rest not in NOUN_SUFFIXES
    if len(parts) == 2:
        return not is_verb(rest)
    return is_noun(rest) or not any(is_verb(p) for p in parts[1:])


def _verb_sense_object(word: str) -> bool:
    """A character that can be a verb before a free dictionary word that is
    none (处 + 死刑): a verb and its object, though the character's main sense
    is no verb and the fewest-pieces split hides it (处死 + 刑). A productive
    prefix before a word derives (反 + 基督教, though 反基督 is a word too)."""
    rest = word[1:]
    return (
        len(rest) >= 2
        and word[0] not in PREFIXES
        and has_verb_sense(word[0])
        and rest in dictionary_words()
        and not is_verb(rest)
        and not is_function_word(rest)
        and rest[0] not in grammar.INITIAL
    )


def _verb_free_noun(word: str) -> bool:
    """Two characters, a verb (main sense) and a free noun: 抢堤, 护堤."""
    return len(word) == 2 and is_verb(word[0]) and is_noun_char(word[1]) and free_char(word[1])


def _clause_of_words(parts: tuple[str, ...]) -> bool:
    """Three dictionary words or more, of two characters or more, one before
    the last a verb (饭店 招集 教员; not 供给侧 结构性 改革)."""
    words = dictionary_words()
    return (
        len(parts) >= 3
        and all(len(p) >= 2 and p in words for p in parts)
        and any(is_verb(p) for p in parts[:-1])
    )


def _two_free_words(parts: tuple[str, ...]) -> bool:
    """Two dictionary words of two characters or more, neither a bound form."""
    words = dictionary_words()
    return len(parts) == 2 and all(len(p) >= 2 and p in words for p in parts)


# What a compound noun jieba lists may be rejected for and still be one: a
# free character as its head (价格 + 战), or a verb-like first word (亲家 +
# 母, 服务 + 商).
_COMPOUND_EXCUSED = frozenset({"free combination", "verb and object"})
COMPOUND_REASON = "compound noun jieba lists"


def _compound(parts: tuple[str, ...]) -> bool:
    """A dictionary word and a noun character that jieba lists as a common
    noun it has often seen (价格战, 攻坚战, 营业厅, 刀子嘴).

    The word must be a noun or an adjective by jieba's tags, and no place:
    所有 + 人 is "everybody", 回转 + 头 a verb and its object, 希腊 + 人 and
    中国 + 史 are transparent.
    """
    return (
        len(parts) == 2
        and len(parts[0]) == 2
        and len(parts[1]) == 1
        and is_noun_char(parts[1])
        and (is_noun(parts[0]) or is_adjective(parts[0]))
        and not is_proper_noun(parts[0])
        and is_listed_compound_noun(parts[0] + parts[1])
    )


@cache
def judge(word: str, quoted: bool = False, evidence: str = "", parallel: bool = False) -> Verdict:
    """The verdict for a multi-character string that no dictionary lists.

    ``evidence`` is what showed the string to be a term, one of
    :data:`TERM_EVIDENCE` ("" for none); ``quoted`` is the same as
    ``evidence="quoted"``. Evidence overrides the free-combination test, never
    the tests of grammar, numbers and names; except that in a ``parallel``
    series of coinages (“跟跑”“并跑”“领跑”) the first character is a contrasted
    modifier, whatever else it can be.

    A four-character idiom jieba lists is a word where only the tests an
    idiom can fail reject it (:data:`~flashgen.words.idioms.CHENGYU_EXCUSED`,
    :func:`~flashgen.words.idioms.listed_chengyu`).
    """
    verdict = _judge(word, quoted, evidence, parallel)
    excused = verdict.reason in CHENGYU_EXCUSED
    if not verdict.keep and excused and listed_chengyu(word, verdict.parts):
        return Verdict(True, "word", "idiom jieba lists", verdict.parts)
    if not verdict.keep and verdict.reason in _COMPOUND_EXCUSED and _compound(verdict.parts):
        return Verdict(True, "word", COMPOUND_REASON, verdict.parts)
    return verdict


def _judge(word: str, quoted: bool, evidence: str, parallel: bool) -> Verdict:
    """:func:`judge` without jieba's idioms."""
    if quoted and not evidence:
        evidence = "quoted"
    if not is_han(word):
        # A Latin–Han mixture (City不City) is a term only where the text quotes it.
        if evidence == "quoted" and any(is_han(ch) for ch in word):
            return Verdict(True, "word", "quoted term", (word,))
        return Verdict(False, "phrase", "not Chinese", (word,))
    parts = split_parts(word)
    singles = [p for p in parts if len(p) == 1]
    idiom = idiom_shape(word, parts)
    numeral = LEADING_NUMERAL.match(word)
    numeral_chars = numeral.end() if numeral else 0
    # Quoted or enumerated, an idiom of four characters may open with a count
    # (一石二鸟); a longer quotation that does is a phrase (一个女读者).
    coinage = evidence in _PHRASE_EVIDENCE
    if (
        is_number(word)
        or (word[0] in _APPROXIMATORS and (is_number(word[1:]) or is_count(word[1:])))
        or numeral_chars >= 2
        or (is_count(word) and not (idiom and coinage and len(word) == 4))
    ):
        return Verdict(False, "number", "number or count", parts)
    if (
        parts[0][0] in NUMERALS
        and len(singles) < 3
        and not coinage
        and not (len(parts[0]) >= 4 and parts[0] in dictionary_words())
    ):
        # (An idiom that opens with a numeral counts nothing: 半途而废 + 者.)
        return Verdict(False, "number", "number or count", parts)
    if len(word) > 2 and word[:2] in _NEXT_AND_LAST:
        # An ordinal and its noun; the noun is a word still (阶段).
        return Verdict(False, "phrase", "next or last and a noun", parts)
    if is_listed_count(word) and any(ch in _COUNT_CHARS for ch in word):
        # Its parts may still be words (很多 gives 很).
        return Verdict(False, "phrase", "a count jieba lists", parts)
    if any(len(p) == 1 and p in PARTICLES for p in parts[1:]):
        return Verdict(False, "phrase", "phrase with a particle", parts)
    if len(word) == 3 and word[1] == "不" and word[2] != word[0] and is_verb(word[0]):
        # The potential form of a verb and its complement, "cannot V-C"
        # (买不到, 卖不动, 用不起), quoted or not; a dictionary lists those
        # that are words (来不及, 靠不住). (看不看, A-not-A, is a question.)
        return Verdict(False, "phrase", "verb and complement", parts)
    if _verb_directional(word):
        # A verb and a two-character directional complement (用起来, 管起来,
        # 搬出去), quoted or listed: the complement tells how the action
        # goes; a dictionary lists those that are words (看起来, 想起来).
        return Verdict(False, "phrase", "verb and complement", parts)
    if len(word) == 3 and word[1] == "一" and word[0] == word[2]:
        # V一V, "have a look", "give it a try" (望一望, 谈一谈): a form of the
        # verb; a dictionary lists the commonest (看一看, 试一试).
        return Verdict(False, "phrase", "a verb doubled around 一", parts)
    if _doubled_form(word):
        # A verb, or a free adjective, doubled, that no dictionary lists: the
        # tentative form of the verb (问问, 试试, 学学: "have a go at") or
        # the vivid form of the adjective (红红的, 高高的, 软软); the
        # character is the word.
        return Verdict(False, "phrase", "a verb or adjective doubled", (word[0], word[0]))
    if len(word) == 3 and word[1] == "一":
        # One character, 一 and one more: a verb and a count of it (睡一觉,
        # 走一遭, 宿一宵), "the one X" (另一面, 前一晚) or a clause, "as soon
        # as" (天一亮); a dictionary lists the words (统一体, 第一线). Over the
        # 37 texts and 13 books 10 cards had this shape, 9 of them junk and
        # the tenth half of a saying (长一智 of 吃一堑，长一智).
        return Verdict(False, "phrase", "a character, 一 and a character", parts)
    if len(word) == 4 and word[0] == word[2] and word[1] + word[3] in ("来去", "去来"):
        # V来V去, "V back and forth, over and over" (爬来爬去, 聊来聊去): a
        # form of any verb, not a word of its own (走来走去 too).
        return Verdict(False, "phrase", "a verb doubled around 来…去", parts)
    if _doubled_verb_phrase(word):
        # A verb doubled, "have a go at", and its object (刷刷墙, 补补路,
        # 聊聊天), quoted or not: a tentative form, never a coinage.
        return Verdict(False, "phrase", "a verb doubled and its object", parts)
    if doubled_base(word):
        # AABB of a dictionary word AB: its doubled form, "thoroughly AB"
        # (干干净净, 明明白白), glossed as AB (headwords.doubled_base).
        return Verdict(True, "word", "a word doubled, AABB", parts)
    half = len(word) // 2
    if len(word) >= 4 and word[:half] == word[half:]:
        # A string said twice, ABAB: a repetition (很久很久, “新文化新文化”) or
        # a form of a word (粉嫩粉嫩, 研究研究, 哗啦哗啦); its half is what counts.
        pieces = (word[:half],) if word[:half] in dictionary_words() else split_parts(word[:half])
        return Verdict(False, "phrase", "a word repeated", pieces * 2)
    if len(word) > 3 and _MODEL_NUMBER.search(word):
        return Verdict(False, "name", "a name with a model number", parts)
    shape = name_shape(word)
    if shape:
        return Verdict(False, "name", f"person's name: {shape}", parts)
    if (
        len(word) >= 4
        and (name_shape(word[1:]) or name_shape(word[:-1]))
        and not (len(parts[0]) > 1 and derivation_kind(word, parts) == "suffix")
        and not doubled_pair(word)  # 齐齐整整 holds no name, though 齐 is a family name
    ):
        # A name and a character (说赵建国); not a word and its suffix, where
        # the name would cut the word (消费 + 主义 is no 消 + 费主义).
        if _name_at_a_cut(word, parts):
            return Verdict(False, "name", "holds a person's name", parts)
        # Where the name would cut a word (安全 + 隐患 is no 安 + 全隐患), the
        # string is no name; it is a phrase, whose words are words.
        return Verdict(False, "phrase", "free combination", parts)
    if len(word) == 2 and word[0] == "小" and not is_noun(word):
        # A token 小 and one character that no dictionary lists, nor jieba as
        # a noun (小生, 小草): a pet name (小宇, 小芳, 小胖).
        return Verdict(False, "name", "小 and a character: a pet name", parts)
    if is_listed_name(word):
        return Verdict(False, "name", "a foreign or a person's name jieba lists", parts)
    if is_listed_place(word) and not is_proper_noun(word):
        # Its dictionary parts are words still (帝国 in 罗马帝国).
        return Verdict(False, "phrase", "a place no dictionary but jieba's lists", parts)
    if is_organisation_name(word):
        return Verdict(False, "name", "organisation's name", parts)
    if _ends_in_name(parts):
        return Verdict(False, "name", "an epithet and a name", parts)
    if idiom:
        if idiom_grammar_ok(word):
            if _count_inside(word) and not is_listed_idiom(word):
                # A numeral and a classifier inside: a count in a phrase
                # (像一个丁, 药价八毛); not in an idiom jieba lists (全国一盘棋).
                return Verdict(False, "phrase", COUNT_INSIDE_REASON, parts)
            if _clause_final(word):
                return Verdict(False, "phrase", _CLAUSE_FINAL_REASON, parts)
            if not parallel and (verb_object_idiom(word, parts) or verb_modified_object(word)):
                return Verdict(False, "phrase", "verb and object", parts)
            if len(word) > 4 and evidence != "quoted" and not is_listed_idiom(word):
                # Idioms have four characters; a longer run of mostly single
                # characters is a saying only where the text quotes it
                # (“女娲炼石补天”) or jieba lists it (全国一盘棋, 只许州官放火);
                # else it is a piece of a sentence the corpus repeats
                # (到三味书屋, 走到出版界) or a noun phrase (绸衫尖头鞋).
                return Verdict(False, "phrase", "free combination", parts)
            return Verdict(True, "word", "idiom shape", parts)
        return Verdict(False, "phrase", "function word inside an idiom shape", parts)
    if len(parts) >= 2 and len(parts[0]) > 1 and len(set(parts)) == 1:
        return Verdict(False, "phrase", "a word repeated", parts)
    if topic_zhe(parts):
        return Verdict(False, "phrase", "者 after a noun (the topic particle)", parts)
    derivation = derivation_kind(word, parts)
    if (
        derivation != "prefix"
        and not (parallel and len(parts[0]) == 1 and parts[0] not in _NO_CONTRAST)
        and (grammatical(parts[0], grammar.INITIAL | grammar.COPULAS) or _adverbial(parts[0]))
    ):
        # (In a parallel series the first character is a contrasted modifier,
        # 并跑 beside 跟跑; never a particle: “之徒” beside “暴徒” is 之 + 徒.)
        return Verdict(False, "phrase", "function word in front", parts)
    if derivation != "suffix" and grammatical(parts[-1], grammar.FINAL):
        return Verdict(False, "phrase", "function word at the end", parts)
    if any(grammatical(p, grammar.INSIDE) for p in parts[1:-1]):
        return Verdict(False, "phrase", "function word inside", parts)
    if _clause_final(word):
        return Verdict(False, "phrase", _CLAUSE_FINAL_REASON, parts)
    if any(
        p in grammar.DIRECTIONAL and len(parts[i]) == 1 and len(parts[i + 2]) == 1
        for i, p in enumerate(parts[1:-1])
    ):
        return Verdict(False, "phrase", "verb and complement", parts)
    if derivation:
        return Verdict(True, "word", "derivation", parts)
    if evidence == "affix" and derivation_chain(word):
        return Verdict(True, "word", "chain of derivations", parts)
    if evidence == "affix" and (parts[-1] in SUFFIXES or parts[0] in PREFIXES):
        # Found as a stem and an affix, but the stem cannot take it (者 + 化;
        # 亚 + 没有, from 沙士比亚 + 没有).
        return Verdict(False, "phrase", "no derivation", parts)
    # A quoted or enumerated verb and object is a coinage when the verb is one
    # character (撒胡椒面, 补短板); with a longer verb it is a phrase (告别精神内耗).
    # Two characters are too short to be a coinage by quotation alone (“抢票”
    # is a verb and its object) unless they are one of a parallel series.
    # A parallel series of two-character coinages excuses a contrasted
    # modifier (“跟跑”“并跑”), not a verb before a free noun (“抢堤”“护堤”).
    coined = (
        evidence in _PHRASE_EVIDENCE
        and len(parts[0]) == 1
        and (2 < len(word) <= _COINED_MAX or (parallel and not _verb_free_noun(word)))
    )
    if not coined and _verb_object(parts):
        return Verdict(False, "phrase", "verb and object", parts)
    # The same excuse for a one-character verb the split hides (强 + 弱项 in a
    # slogan list); and a run the corpus repeats is a unit.
    if evidence not in _PHRASE_EVIDENCE | {"repeated"} and _verb_sense_object(word):
        return Verdict(False, "phrase", "verb and object", parts)
    if (
        evidence == "enumerated"
        and len(parts) >= 2
        and len(parts[-1]) == 1
        and is_adjective_char(parts[-1])
        and not is_adjective_char(parts[-2][-1])
        and (is_noun(parts[-2]) or is_noun_char(parts[-2]))
    ):
        # A list item that is a noun and an adjective is a clause, "the
        # threshold is low" (门槛低), not a term.
        return Verdict(False, "phrase", "a noun and its predicate", parts)
    if evidence == "quoted" and len(word) >= 5 and _clause_of_words(parts):
        # Dictionary words with a verb before the last (饭店 + 招集 + 教员,
        # 糟踏 + 纸张 + 笔墨): a quoted clause, judged as if unquoted.
        evidence = ""
    if evidence == "quoted" and len(word) >= 5 and _two_free_words(parts):
        # A quoted noun phrase of two free words (教育界 + 名流) is a
        # quotation of a phrase, not a term: judged as if unquoted.
        evidence = ""
    if evidence == "quoted" and not parallel and len(word) >= 4 and not _noun_headed(parts):
        # A quoted clause or predicate (公理战胜, 人格卑污) is a quotation,
        # not a term: the quotation marks are no evidence for it.
        evidence = ""
    if evidence == "quoted":
        return Verdict(True, "word", "quoted term", parts)
    if (
        evidence == "repeated"
        and len(word) >= 3
        and any(len(p) == 1 and free_char(p) for p in (parts[0], parts[-1]))
    ):
        # A recurring run that opens or ends with a free one-character word is
        # a phrase (旧 棉袄, 短 毡袄, 拿 拄杖), however often it recurs. (A
        # token jieba keeps whole is judged without evidence.)
        return Verdict(False, "phrase", "free combination", parts)
    if evidence in TERM_EVIDENCE:
        return Verdict(True, "word", f"term ({evidence})", parts)
    if len(word) == 2 and _verb_result(word):
        return Verdict(False, "phrase", "verb and complement", parts)
    if len(word) == 2:
        return Verdict(True, "word", "two-character word", parts)
    if not singles:
        whole = zipf(word)
        known = [z for z in (zipf(p) for p in parts) if z is not None]
        if whole is not None and known and whole >= min(known) - _TERM_MARGIN:
            return Verdict(True, "word", "term", parts)
        return Verdict(False, "phrase", "free combination", parts)
    if len(singles) == len(parts):
        return Verdict(True, "word", "word of bound characters", parts)
    if any(free_char(p) for p in singles):
        return Verdict(False, "phrase", "free combination", parts)
    return Verdict(True, "word", "word", parts)


def single_char_word(word: str) -> bool:
    """A single character is a card only when HSK lists it as a word on its own,
    or it is a verb of today's language HSK lacks (撂, 攥: see
    :func:`~flashgen.words.parts.single_verbs`), or an adverb, pronoun or
    conjunction HSK lacks (甭, 啥, 岂: see
    :func:`~flashgen.words.parts.single_function_words`)."""
    return word in hsk_words() or word in single_verbs() or word in single_function_words()


def warm_up() -> None:
    """Load the classifier characters, proper-noun sets and one-character verbs
    (before forking)."""
    numbers.warm_up()
    names.warm_up()
    single_verbs()
    single_function_words()
