"""Small frozen records passed between the pipeline's stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_VARIANT = re.compile(r"^(old |ancient |archaic |unofficial |Japanese |erroneous )?variant of ")


@dataclass(frozen=True)
class Document:
    """One input document: a file, a sample article, a book or an episode.

    ``name`` is a file-system-safe stem used for the output file; ``source``
    says where the text came from (a path, or ``sample:<name>``).
    """

    title: str
    text: str
    source: str
    name: str
    labels: tuple[str, ...] = ()  # one locator per text line (a subtitle's time code)
    group: str = ""  # the book a chapter belongs to: its deck is a subdeck, same package


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, as it stands in the text (punctuation kept)."""

    text: str
    index: int
    line: int = 0  # the text line it starts on


@dataclass(frozen=True)
class DictEntry:
    """One CC-CEDICT entry: ``行 行 [xing2] /to walk/to be OK/``.

    ``pinyin`` keeps CC-CEDICT's numbered syllables, space separated.
    """

    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]

    @property
    def is_proper_noun(self) -> bool:
        """CC-CEDICT capitalises the pinyin of names and places (Xi2 Jin4 ping2)."""
        return self.pinyin[:1].isupper()

    @cached_property
    def is_variant(self) -> bool:
        """The entry only says the headword is a variant of another (剏 for 创, 咊 for 和)."""
        return all(_VARIANT.match(s) for s in self.senses)


@dataclass(frozen=True)
class Example:
    """Where a word was best used: the sentence, its tokens, the word's offset."""

    sentence: str
    tokens: tuple[str, ...]
    start: int
    form: str
    line: int = 0  # the document line the sentence starts on (for subtitle time codes)


@dataclass(frozen=True)
class WordUse:
    """A word of one document with what ranking needs: how often, how rare.

    ``zipf`` is the word's own value in wordfreq's Chinese list, or ``None``
    when the list lacks it (frequency unknown, counted as rare).
    ``hsk`` is the HSK 3.0 (2025) level 1-7, 7 standing for band 7-9.
    """

    word: str
    count: int
    zipf: float | None
    hsk: int | None
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Card:
    """One note's content, field by field (see :mod:`flashgen.cards.notetype`)."""

    key: str
    simplified: str
    traditional: str
    pinyin: str
    pinyin_numbered: str
    zhuyin: str
    definition: str
    classifier: str
    example: str
    example_pinyin: str
    example_traditional: str
    source: str
    level: str
    frequency: str
    notes: str  # the Notes field: the learner's, empty unless carried over from their collection
    composed: bool
    form: str
    tags: tuple[str, ...] = ()  # Anki tags: flashgen's (flashgen.cards.tags), then the learner's


@dataclass(frozen=True)
class Chosen:
    """A word chosen for a card, with what annotating it needs."""

    use: WordUse
    example: Example
    numbered: str | None  # the reading, when working out the note key needed it
    source: str
    tag: str  # the analysis's tag for the word: "", "proper-noun", "term" or "term:EVIDENCE"
