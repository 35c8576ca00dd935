"""flashgen: turn real Chinese texts into Anki flashcard decks.

The pipeline (see :mod:`flashgen.pipeline`) reads documents, segments them into
words, ranks the words by rarity, keeps those at the learner's level, annotates
each with pinyin, traditional form, definition and an example sentence from the
text, and writes one Anki package per document.
"""

__version__ = "0.1.0"
