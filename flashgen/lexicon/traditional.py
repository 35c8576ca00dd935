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
