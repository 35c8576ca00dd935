"""Select a document's words for cards: the level band, known words out, one note per word.

A word's note goes to the first document, in input order, that uses it; so
selection runs in order, after each document's analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from flashgen.config import BuildConfig
from flashgen.identity import keyed_by_reading, note_key
from flashgen.learner.glossary import GlossaryEntry
from flashgen.models import Chosen, WordUse
from flashgen.pinyin.readings import reading
from flashgen.words import levels
from flashgen.words.analyse import Analysis


def select(analysis: Analysis, config: BuildConfig, known: frozenset[str]) -> list[WordUse]:
    """The document's words at the chosen level, known words left out, rarest first."""
    level = config.level.value
    chosen = [
        u for u in analysis.uses if levels.wanted(level, known, u.hsk, u.zipf, u.word, u.forms[0])
    ]
    return levels.rarity_order(chosen)


@dataclass(frozen=True)
class Selection:
    """A document's chosen words in card order, and how many of its words at this
    level were carded already by an earlier document's deck (a note lives in one deck)."""

    chosen: list[Chosen]
    earlier: int


def choose(
    analysis: Analysis,
    config: BuildConfig,
    known: frozenset[str],
    glossary: dict[str, GlossaryEntry],
    carded: set[str],
) -> Selection:
    """The document's words that get a card, in card order: one note per word.

    The first document, in input order, that uses a word has its note; a later
    one counts it in :attr:`Selection.earlier`. The reading is worked out here
    only for words CC-CEDICT reads several ways, whose note key includes it; the
    others are keyed on the word alone.
    """
    chosen: list[Chosen] = []
    earlier = 0
    doc = analysis.document
    uses = select(analysis, config, known)
    for i, use in enumerate(uses):
        if config.max_words and len(chosen) >= config.max_words:
            earlier += sum(1 for u in uses[i:] if u.word in carded)
            break
        if use.word in carded:
            earlier += 1  # keyed on the word alone, and carded by an earlier document
            continue
        example = analysis.examples[use.word]
        numbered: str | None = None
        if use.word in glossary:
            numbered = glossary[use.word].pinyin
        elif keyed_by_reading(use.word):
            numbered = reading(use.word, example.sentence, example.start)
        key = note_key(use.word, numbered or "")
        if key in carded:
            earlier += 1  # one note per word: the first document that uses it has it
            continue
        carded.add(key)
        source = doc.title
        if example.line < len(doc.labels) and doc.labels[example.line]:
            # A chapter's label already names the chapter: name the book once.
            source = f"{doc.group or doc.title} {doc.labels[example.line]}"
        chosen.append(Chosen(use, example, numbered, source, analysis.tags.get(use.word, "")))
    return Selection(chosen, earlier)
