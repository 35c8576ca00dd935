"""Traditional forms, converted word by word with the official OpenCC.

Running text through OpenCC makes cross-word errors (美国历史 → 美國曆史),
because it matches the longest phrase from left to right; converting each
word on its own does not. For ``tw`` the matched CC-CEDICT entry's
traditional headword is used when there is one: CC-CEDICT follows Taiwan
standard forms.

>>> to_traditional("历史", "t")
'歷史'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, partial
from typing import Any

from flashgen.lexicon.cedict import cedict

_CONFIGS = {"tw": "s2tw", "t": "s2t", "hk": "s2hk"}


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


@cache
def _to_simplified() -> Any:
    import opencc

    # tw2s, not t2s: Taiwan forms too (隨著 → 随着; t2s leaves 著, and jieba then
    # cuts 随 | 著), while 著名 stays.
    return opencc.OpenCC("tw2s")


@cache
def to_traditional(word: str, variant: str, entry_traditional: str | None = None) -> str:
    """The traditional form of one word for ``variant`` (tw, t or hk).

    >>> to_traditional("和", "tw"), to_traditional("干部", "tw")
    ('和', '幹部')
    """
    if variant == "tw":
        if entry_traditional is None:
            forms = {
                e.traditional
                for e in cedict().lookup(word)
                if not e.is_variant and not e.is_proper_noun
            }
            # One form for every common entry: take it. Several (干: 幹 乾 干)
            # or none: OpenCC picks the usual one.
            entry_traditional = forms.pop() if len(forms) == 1 else None
        if entry_traditional is not None:
            return entry_traditional
    return str(_converter(_CONFIGS[variant]).convert(word))


def tokens_to_traditional(tokens: Sequence[str], variant: str) -> str:
    """A segmented sentence to traditional, word by word.

    A word whose traditional form has another length is converted character by
    character, so the result always aligns with the input.
    """
    return "".join(map(_aligned_for(variant), tokens))


@cache
def _aligned_for(variant: str) -> Callable[[str], str]:
    """:func:`_aligned_traditional` for one variant, cached per token (a faster key)."""
    return cache(partial(_aligned_traditional, variant=variant))


def _aligned_traditional(token: str, variant: str) -> str:
    """One token to traditional, same length (character by character if need be)."""
    converted = to_traditional(token, variant)
    if len(converted) != len(token):
        converted = "".join(to_traditional(ch, variant) for ch in token)
    return converted if len(converted) == len(token) else token


def warm_up(variant: str) -> None:
    """Load OpenCC's converters for ``variant`` and for traditional input now (before forking)."""
    _converter(_CONFIGS[variant])
    _to_simplified()


def to_simplified(text: str) -> str:
    """Traditional (or mixed) text to simplified, for looking words up."""
    return str(_to_simplified().convert(text))


# Simplified characters in their own right that tw2s still changes, reading
# them as the traditional forms of others: 么 (sentence-final 么, "事么？" →
# 幺, 455 times in the 13 Lu Xun books), 著 (著有, 显著 → 着, 133 times), 乾
# (乾隆 → 干).
_SIMPLIFIED_TOO = frozenset("么著乾")
# A text with fewer other changes than this per character is simplified text
# quoting an odd traditional form (the Lu Xun books: 燉, 儀, 谿; 0.00004 of
# their characters); a traditional text changes about one character in four.
_TRADITIONAL_SHARE = 0.001


def simplified_view(text: str) -> str:
    """``text`` in simplified script, same length (else ``text`` itself), for
    segmenting traditional input. In simplified text, the characters of
    :data:`_SIMPLIFIED_TOO` stay as written.

    >>> simplified_view("隨著時間"), simplified_view("不妨事么？他著有小说。")
    ('随着时间', '不妨事么？他著有小说。')
    """
    converted = to_simplified(text)
    if len(converted) != len(text):
        return text
    changed = [i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b]
    other = sum(1 for i in changed if text[i] not in _SIMPLIFIED_TOO)
    if other >= _TRADITIONAL_SHARE * len(text) and other:
        return converted
    chars = list(converted)
    for i in changed:
        if text[i] in _SIMPLIFIED_TOO:
            chars[i] = text[i]
    return "".join(chars)
