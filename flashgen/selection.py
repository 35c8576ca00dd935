"""Select a document's words for cards: the level band, known words out, one note per word.

A word's note goes to the first document, in input order, that uses it; so
selection runs in order, after each document's analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from flashgen import rank
from flashgen.analyse import Analysis
from flashgen.annotate import keyed_by_reading, note_key
from flashgen.config import BuildConfig
from flashgen.models import Chosen, WordUse
from flashgen.readings import reading
from flashgen.vocab import GlossaryEntry, read_glossary


@dataclass(frozen=True)
class Vocabulary:
    """The learner's own lists: words known, and glossary entries."""

    known: frozenset[str]
    glossary: dict[str, GlossaryEntry]

    @property
    def extra(self) -> tuple[str, ...]:
        """Glossary words, to keep whole in segmentation."""
        return tuple(sorted(self.glossary))


def vocabulary(config: BuildConfig) -> Vocabulary:
    """Read the learner's known-word files and glossary named in ``config``."""
    glossary = read_glossary(config.glossary_file) if config.glossary_file else {}
    return Vocabulary(known_words(config), glossary)


def known_words(config: BuildConfig) -> frozenset[str]:
    """The learner's known words: the config's own, plus every known file."""
    from flashgen.known import load_known_file

    known = set(config.known_words)
    for f in config.known_files:
        known |= load_known_file(f)
    return frozenset(known)


def select(analysis: Analysis, config: BuildConfig, known: frozenset[str]) -> list[WordUse]:
    """The document's words at the chosen level, known words left out, rarest first."""
    level = config.level.value
    chosen = [
        u
        for u in analysis.uses
        if rank.band(u.hsk, u.zipf) == level and u.word not in known and u.forms[0] not in known
    ]
    return rank.rarity_order(chosen)


def choose(
    analysis: Analysis,
    config: BuildConfig,
    known: frozenset[str],
    glossary: dict[str, GlossaryEntry],
    carded: set[str],
) -> list[Chosen]:
    """The document's words that get a card, in card order: one note per word.

    The reading is worked out here only for words CC-CEDICT reads several ways,
    whose note key includes it; the others are keyed on the word alone.
    """
    chosen: list[Chosen] = []
    doc = analysis.document
    for use in select(analysis, config, known):
        if use.word in carded:
            continue  # keyed on the word alone, and carded by an earlier document
        example = analysis.examples[use.word]
        numbered: str | None = None
        if use.word in glossary:
            numbered = glossary[use.word].pinyin
        elif keyed_by_reading(use.word):
            numbered = reading(use.word, example.sentence, example.start)
        key = note_key(use.word, numbered or "")
        if key in carded:
            continue  # one note per word: the first document that uses it has it
        carded.add(key)
        source = doc.title
        if example.line < len(doc.labels) and doc.labels[example.line]:
            # A chapter's label already names the chapter: name the book once.
            source = f"{doc.group or doc.title} {doc.labels[example.line]}"
        chosen.append(Chosen(use, example, numbered, source, analysis.tags.get(use.word, "")))
        if config.max_words and len(chosen) >= config.max_words:
            break
    return chosen
