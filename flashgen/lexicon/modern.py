"""flashgen's own lexicon of modern terms: today's Chinese that CC-CEDICT lacks.

One TSV file per domain in ``flashgen/data/lexicon/`` (format and rules:
``docs/modern-terms.md``), written by the flashgen team and licensed like
flashgen. Each entry is a word CC-CEDICT does not list (新质生产力, 低空经济,
情绪价值), with its reading in CC-CEDICT's numbered form and an English gloss.

The pipeline uses it in three places: its words are known lexical units
(:func:`flashgen.lexicon.headwords.dictionary_words`, hence kept whole by the
segmenter and never judged as free phrases), its reading is the word's reading,
and its gloss is the card's definition where CC-CEDICT has none.

The environment variable ``FLASHGEN_LEXICON=off`` switches it off, for
measuring what it adds. It is read once per process (tables derived from the
known words are cached), so set it before flashgen starts.

>>> t = all_terms()["新质生产力"]
>>> t.pinyin, t.domain, t.year
('xin1 zhi4 sheng1 chan3 li4', 'policy', 2023)
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from flashgen import resources

DOMAINS = ("policy", "economy", "tech", "internet", "society", "environment", "health", "culture")
HEADER = ("word", "pinyin", "gloss", "domain", "year", "notes")
SWITCH = "FLASHGEN_LEXICON"
_OFF = frozenset({"off", "0", "no", "false"})
# What a card's definition says after a gloss from this lexicon.
SOURCE_MARK = "flashgen lexicon"
LICENSE_NOTE = (
    "Definitions marked (flashgen lexicon): flashgen's own lexicon of modern terms, "
    "the flashgen project's own work, licensed MIT."
)
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class ModernTerm:
    """One entry: ``新质生产力 xin1 zhi4 sheng1 chan3 li4 new quality productive forces: …``.

    ``pinyin`` is CC-CEDICT's numbered form, one syllable per character;
    ``year`` when the term came into common use, where known.
    """

    word: str
    pinyin: str
    gloss: str
    domain: str
    year: int | None
    notes: str


def parse(name: str, text: str) -> list[ModernTerm]:
    """The entries of one lexicon file; ``#`` lines are comments (the licence line).

    A malformed line raises ValueError naming the file and line.

    >>> parse("x.tsv", "# c\\nword\\tpinyin\\tgloss\\tdomain\\tyear\\tnotes\\n"
    ...       "碳达峰\\ttan4 da2 feng1\\tcarbon peak (policy term)\\tenvironment\\t2020\\t\\n")
    [ModernTerm(word='碳达峰', pinyin='tan4 da2 feng1', gloss='carbon peak (policy term)', \
domain='environment', year=2020, notes='')]
    """
    out: list[ModernTerm] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if tuple(cols) != HEADER:
                raise ValueError(f"{name}:{number}: expected the header {' '.join(HEADER)}")
            header_seen = True
            continue
        if len(cols) != len(HEADER):
            raise ValueError(f"{name}:{number}: expected {len(HEADER)} tab-separated columns")
        word, pinyin, gloss, domain, year, notes = (c.strip() for c in cols)
        if domain not in DOMAINS or not word or not pinyin or not gloss:
            raise ValueError(f"{name}:{number}: empty field or unknown domain {domain!r}")
        if year and not _YEAR.match(year):
            raise ValueError(f"{name}:{number}: year must be YYYY, not {year!r}")
        out.append(ModernTerm(word, pinyin, gloss, domain, int(year) if year else None, notes))
    return out


@cache
def all_terms() -> Mapping[str, ModernTerm]:
    """Every entry of every domain file, by word, whether or not the lexicon is switched on."""
    terms: dict[str, ModernTerm] = {}
    for name, text in resources.lexicon_texts():
        for t in parse(name, text):
            terms.setdefault(t.word, t)
    return MappingProxyType(terms)


@cache
def enabled() -> bool:
    """Is the lexicon in use? ``FLASHGEN_LEXICON=off`` (or 0, no, false) says no.

    Read once per process.
    """
    return os.environ.get(SWITCH, "on").strip().lower() not in _OFF


def term(word: str) -> ModernTerm | None:
    """The entry for ``word``; ``None`` when there is none or the lexicon is off.

    >>> term("低空经济").gloss.startswith("low-altitude economy")
    True
    """
    return all_terms().get(word) if enabled() else None


@cache
def words() -> frozenset[str]:
    """The lexicon's words; empty when it is switched off."""
    return frozenset(all_terms()) if enabled() else frozenset()


@cache
def digest() -> str:
    """A short hash of the lexicon's files, for keys of tables derived from them."""
    h = hashlib.sha1()
    for name, text in resources.lexicon_texts():
        h.update(name.encode() + b"\0" + text.encode("utf-8"))
    return h.hexdigest()[:12]


def short_gloss(word: str) -> str | None:
    """The gloss up to its first colon or semicolon (the name of the thing), for composed glosses.

    >>> short_gloss("新质生产力")
    'new quality productive forces'
    """
    t = term(word)
    if t is None:
        return None
    return re.split(r"[:;]", t.gloss, maxsplit=1)[0].strip()


def warm_up() -> None:
    """Load the lexicon (before forking workers that share it)."""
    words()
