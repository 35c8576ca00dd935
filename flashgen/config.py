"""The one typed object that carries a build's options through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

# The default of --max-input-mb: the most a document may be, unpacked. A long novel
# is 2 MB of text, a big EPUB 20 MB unpacked; a zip bomb stops here.
MAX_INPUT_MB = 64


class Level(str, Enum):
    """Learner level. Levels are exclusive bands; see :mod:`flashgen.words.levels`."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Variant(str, Enum):
    """Traditional-character standard for the ``Traditional`` field."""

    TW = "tw"  # Taiwan standard forms (default; CC-CEDICT headwords follow these)
    T = "t"  # OpenCC's standard, inherited forms (爲 裏)
    HK = "hk"  # Hong Kong forms


@dataclass(frozen=True)
class KnownAnki:
    """An Anki collection whose notes hold words the learner knows (read, never changed).

    ``deck`` (with its subdecks) or ``notetype`` narrows the notes; ``field``
    counts from 0.
    """

    collection: Path
    deck: str | None = None
    notetype: str | None = None
    field: int = 0


@dataclass(frozen=True)
class BuildConfig:
    """Options of one ``flashgen build`` run.

    >>> BuildConfig(level=Level.ADVANCED).variant
    <Variant.TW: 'tw'>
    """

    level: Level = Level.ADVANCED
    out_dir: Path = Path("decks")
    variant: Variant = Variant.TW
    known_files: tuple[Path, ...] = ()
    glossary_file: Path | None = None
    max_words: int | None = None
    single: Path | None = None
    encoding: str | None = None
    jobs: int | None = None  # worker processes; None: decided from the input size
    write_list: bool = False
    force: bool = False  # replace files in the way that flashgen did not write
    timestamp: float | None = None  # package timestamp; None means "now"
    title: str | None = None  # title of a document read from stdin
    split_chapters: bool = False  # each chapter of a book is a document (a subdeck)
    known_words: frozenset[str] = field(default_factory=frozenset)  # besides known_files
    known_anki: KnownAnki | None = None
    # The learner's collection: notes they have keep their Notes text and own tags.
    keep_edits_from: Path | None = None
    max_input_mb: int = MAX_INPUT_MB  # a larger document (unpacked) is refused
