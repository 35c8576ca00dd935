"""The learner's own lists, read in one place: words they know, their glossary, their edits.

Known words come from three sources, all read here when a build or ``stats``
starts: ``BuildConfig.known_words`` (given by a library caller), the known-word
files (flashgen lists, Anki notes exports, Pleco exports) and an Anki
collection (:class:`~flashgen.config.KnownAnki`). The glossary is the
learner's ``word<TAB>pinyin<TAB>definition`` file. Edits are what the learner
added to flashgen notes in their collection (:mod:`flashgen.learner.edits`).

>>> vocabulary(BuildConfig(known_words=frozenset({"谋划"}))).known
frozenset({'谋划'})
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flashgen.config import BuildConfig
from flashgen.learner.edits import LearnerEdits, load_edits
from flashgen.learner.glossary import GlossaryEntry, read_glossary


@dataclass(frozen=True)
class Vocabulary:
    """The learner's own lists: words known, and glossary entries."""

    known: frozenset[str]
    glossary: dict[str, GlossaryEntry]
    edits: dict[str, LearnerEdits] = field(default_factory=dict)  # by note GUID
    notices: tuple[str, ...] = ()  # what the learner should know about their lists

    @property
    def extra(self) -> tuple[str, ...]:
        """Glossary words, to keep whole in segmentation."""
        return tuple(sorted(self.glossary))


def vocabulary(config: BuildConfig) -> Vocabulary:
    """Read the learner's known words and glossary named in ``config``."""
    glossary = read_glossary(config.glossary_file) if config.glossary_file else {}
    edits = load_edits(config.keep_edits_from) if config.keep_edits_from else {}
    notices: list[str] = []
    return Vocabulary(known_words(config, notices), glossary, edits, tuple(notices))


def known_words(config: BuildConfig, notices: list[str] | None = None) -> frozenset[str]:
    """The learner's known words: the config's own, every known file, the Anki collection.

    A collection that yields no word at all (a ``--known-field`` past the notes'
    last field, a deck of pictures) is worth a notice, added to ``notices``.
    """
    from flashgen.learner.known import load_known_anki, load_known_file

    known = set(config.known_words)
    for f in config.known_files:
        known |= load_known_file(f)
    if config.known_anki is not None:
        source = config.known_anki
        from_anki = load_known_anki(
            source.collection, deck=source.deck, notetype=source.notetype, field=source.field
        )
        if not from_anki and notices is not None:
            notices.append(
                f"{source.collection}: 0 known words read from field {source.field} "
                "(--known-field counts from 0; is it the field that holds the word?)"
            )
        known |= from_anki
    return frozenset(known)
