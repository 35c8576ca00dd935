"""Closed classes of Chinese grammar: the characters a new word is rarely built from.

A string no dictionary lists is most often a piece of a sentence when it
begins, ends or is held together by a grammatical word: 书上也未见 (也 未),
全让女师 (让), 确有 (确 … 有), 撕去 (去), 社里 (里). Open classes (nouns,
verbs, adjectives) grow; these classes are closed, so they can be listed once,
from any grammar of modern Chinese (with the commonest classical function
words, since books quote the literary language). Each set holds single
characters only, and only characters whose use as that part of speech is
their main one; a character that is just as often a content morpheme (真 true,
光 light, 白 white) is left out.

Dictionary words are never judged against these sets (所以, 可以 and 由于 are
words); only strings that no dictionary lists are.
"""

from __future__ import annotations

# Personal, demonstrative, interrogative and distributive pronouns and
# determiners: 我 你 他 …, 这 那 此 其 …, 谁 哪 何 啥, 每 各 某 该 诸.
PRONOUNS = frozenset("我你您他她它咱俺吾汝尔伊谁哪何啥这那此彼其每各某该诸本")

# Adverbs of degree, time, frequency, scope and mood (很 太 都 也 就 才 又 再
# 已 曾 仍 却 竟 确 …), and their literary counterparts (亦 皆 乃 即 尚 犹 …).
ADVERBS = frozenset(
    "很太最更挺蛮极颇甚稍略较尤愈越都也还就才又再已曾刚恰仍常总只却倒竟确必便亦皆均俱乃即且尚犹偏仅净"
)

# Negation: 不 没 未 无 非 别 莫 勿 毋 弗.
NEGATIONS = frozenset("不没未无非别莫勿毋弗")

# Modal and auxiliary verbs: 能 要 应 敢 肯 愿 须 需 宜 (not 会: in new words it
# is as often the noun "meeting, society", as in 会址, 会期).
MODALS = frozenset("能要应敢肯愿须需宜")

# Prepositions and coverbs: 在 于 从 向 往 对 给 为 以 由 把 被 让 跟 比 按 据 …
# (not 自: in new words it is the prefix "self-", as in 自研, 自驾).
PREPOSITIONS = frozenset("在于从向往对给为以由把被让跟同比按照据依凭除经朝替趁沿当随至")

# Conjunctions: 和 与 及 或 而 且 并 但 虽 因 若 倘 如 既 则 故 况 … (not 苟:
# its literary "if" is rare beside 苟且, 苟活, 一丝不苟).
CONJUNCTIONS = frozenset("和与及或而并但虽因若倘如假既则故况")

# Structural, aspect and sentence-final particles, modern and literary:
# 的 地 得 了 着 过 之, 吗 呢 吧 啊 呀 嘛 么 …, 矣 焉 哉 乎 兮 耳 欤 也.
PARTICLES = frozenset("的地得了着过之所吗呢吧啊呀嘛么哦哈啦哇呗喽咯矣焉哉乎兮耳欤")

# Localizers: after a noun they make a place or time phrase (书上, 房里, 会后).
LOCALIZERS = frozenset("上下里中内外前后旁边间")

# Directional and common resultative complements: after a verb they make a
# verb phrase (撕去, 摆起, 用到, 睡足, 吃完, 记住, 卖掉); and 罢, "finished"
# after a verb (听罢) or the literary form of the particle 吧 (走罢).
COMPLEMENTS = frozenset("来去起上下进出回过开到完好住掉走足透光遍见懂错死坏尽罢")

# What follows 不 in the potential form of a verb, "cannot V-C" (攻不下, 走不了,
# 做不成, 忍不住, 说不尽, 买不起): the complements, and 了 得 成 着 动 清; not
# 足 and 错, since 不足 and 不错 after a verb are its object or complement
# "insufficient", "not bad" (仍显不足, 补不足).
POTENTIAL = (COMPLEMENTS - frozenset("足错")) | frozenset("了得成着动清")

# The verbs of being and having: 确有, 竟是, 下有虎狼 are a clause, not a word.
COPULAS = frozenset("有是在")

# Degree words and quantifiers that modify a whole phrase: 全 (all), 多 (many),
# 几 (a few), 诸 (all the), 一切.
QUANTIFIERS = frozenset("全多几诸凡")

# What no new word begins with.
INITIAL = PRONOUNS | ADVERBS | NEGATIONS | MODALS | PREPOSITIONS | CONJUNCTIONS | PARTICLES
# What no new word ends with: a particle, a localizer, a complement, 有 or 是,
# a pronoun or a preposition (书上, 撕去, 确有, 专向), or 也, which at the end
# is the literary sentence-final particle (服也, 非人事也). (A derivational
# suffix such as 者 or 化 is a different matter: see
# :data:`flashgen.words.derivations.SUFFIXES`.)
FINAL = PARTICLES | LOCALIZERS | COMPLEMENTS | COPULAS | PRONOUNS | PREPOSITIONS | frozenset("也")
# What no new word holds inside, between two other pieces: pronouns, adverbs,
# negations, modals, prepositions, conjunctions, particles, 有 and 是
# (全让女师, 因这几句话, 可真有, 信不信, 安能成),
# and directional complements between single characters (直起腰, 爬上去).
INSIDE = PRONOUNS | ADVERBS | NEGATIONS | MODALS | PREPOSITIONS | CONJUNCTIONS | PARTICLES | COPULAS
DIRECTIONAL = frozenset("来去起上下进出回过开")

# Verbs of saying, asking and calling: a name is their subject or object
# (小雨说, 问桂芬, 叫他老周).
SPEECH_VERBS = frozenset("说道问叫喊答笑骂嚷讲劝告嘱喝吼")

# Verbs of thinking, feeling and perceiving, whose object is mostly a clause;
# linking verbs; and "only". They name no activity, so no suffix makes an
# agent, a method or a school of them, and what follows starts their object
# (觉得 + 学…, 成为 + 家…, 知道 + 者: not 觉得学, 成为家). Verbs of touching on
# a topic stay stems (涉及面 "scope").
CLAUSE_VERBS = frozenset(
    {
        "觉得", "认为", "以为", "知道", "晓得", "懂得", "感到", "感觉", "觉着", "希望",
        "盼望", "相信", "怀疑", "想到", "看到", "听到", "成为", "作为", "变成", "当作",
        "算是", "惟有", "唯有", "只有",
    }
)  # fmt: skip
