"""flashgen's Anki tags: one hierarchical scheme, all under ``flashgen::``.

Every note gets tags a learner can search and filter by in Anki's browser
(``tag:flashgen::level::advanced``, ``tag:flashgen::term*``):

=================================  ==============================================
tag                                meaning
=================================  ==============================================
``flashgen::level::LEVEL``         the band the word was carded at (beginner,
                                   intermediate, advanced)
``flashgen::hsk::N``               its HSK 3.0 level: 1-6, ``7-9``, or ``none``
``flashgen::proper-noun``          a place or organisation name
``flashgen::term``                 a term no dictionary lists, found in the texts
``flashgen::term::EVIDENCE``       what showed it to be a term (quoted, enumerated,
                                   affix, association, repeated), when known
``flashgen::no-definition``        no dictionary entry: the definition is composed
                                   from parts that explain the word, or empty
``flashgen::glossary``             the reading and definition are the learner's own
                                   (``vocab/glossary.tsv``)
``flashgen::lexicon``              the reading and definition come from flashgen's
                                   own lexicon of modern terms
=================================  ==============================================

Tags outside ``flashgen::`` are the learner's: flashgen never writes one, and
carries them over on rebuilds (see :mod:`flashgen.learner.edits`). Tags that
flashgen no longer gives a note disappear from it on the next update import,
since Anki replaces a note's tag list with the imported one.

>>> note_tags("advanced", 7, "term", composed=True)
('flashgen::level::advanced', 'flashgen::hsk::7-9', 'flashgen::term', 'flashgen::no-definition')
>>> note_tags("beginner", None, "proper-noun", composed=False)
('flashgen::level::beginner', 'flashgen::hsk::none', 'flashgen::proper-noun')
"""

from __future__ import annotations

from collections.abc import Iterable

PREFIX = "flashgen::"


def is_flashgen_tag(tag: str) -> bool:
    """A tag flashgen owns (Anki compares tags without regard to case).

    >>> is_flashgen_tag("Flashgen::term"), is_flashgen_tag("difficult")
    (True, False)
    """
    return tag.casefold().startswith(PREFIX)


def hsk_tag(hsk: int | None) -> str:
    """``flashgen::hsk::N``: 1-6, ``7-9`` (HSK 3.0's joint band, level 7 here), ``none``."""
    if hsk is None:
        return f"{PREFIX}hsk::none"
    return f"{PREFIX}hsk::{'7-9' if hsk >= 7 else hsk}"


def note_tags(
    level: str,
    hsk: int | None,
    word_tag: str,
    *,
    composed: bool,
    glossary: bool = False,
    lexicon: bool = False,
) -> tuple[str, ...]:
    """The tags flashgen gives one note.

    ``word_tag`` is the analysis's tag for the word: ``""``, ``"proper-noun"``,
    ``"term"`` or ``"term:EVIDENCE"``.
    """
    tags = [f"{PREFIX}level::{level}", hsk_tag(hsk)]
    kind, _, evidence = word_tag.partition(":")
    if kind:
        tags.append(f"{PREFIX}{kind}")
    if evidence:
        tags.append(f"{PREFIX}{kind}::{evidence}")
    if composed:
        tags.append(f"{PREFIX}no-definition")
    if glossary:
        tags.append(f"{PREFIX}glossary")
    if lexicon:
        tags.append(f"{PREFIX}lexicon")
    return tuple(tags)


def merged(flashgen_tags: Iterable[str], learner_tags: Iterable[str]) -> tuple[str, ...]:
    """flashgen's tags, then the learner's own (any flashgen-looking ones dropped).

    >>> merged(["flashgen::term"], ["difficult", "flashgen::old"])
    ('flashgen::term', 'difficult')
    """
    own = [t for t in learner_tags if not is_flashgen_tag(t)]
    return (*flashgen_tags, *dict.fromkeys(own))
