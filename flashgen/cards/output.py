"""Where decks go, and writing them: one package per document, per book, or one in all.

The one place packages are written (:func:`write`), whether by a worker that
annotated a deck alone in its package or by the main process for a package of
several decks. A package is written whole or not at all (:mod:`flashgen.atomic`);
with ``--list``, each deck also gets a ``<deck>.tsv`` word list beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashgen import identity
from flashgen.atomic import atomic_write_file
from flashgen.cards import apkg
from flashgen.config import BuildConfig
from flashgen.errors import OutputError
from flashgen.filenames import safe_filename, unique_names
from flashgen.models import Document


def package_of(config: BuildConfig, doc: Document, deck_name: str) -> str:
    """Which package a document's deck goes to: its own, its book's, or the single one."""
    return "" if config.single else (doc.group or deck_name)


def package_paths(config: BuildConfig, packages: Sequence[str]) -> dict[str, Path]:
    """Each package's file: ``--single``'s, or a safe, distinct name in the output folder."""
    if config.single:
        return {"": config.single}
    stems = unique_names([safe_filename(identity.title_of(p)) for p in packages])
    return {p: config.out_dir / f"{s}.apkg" for p, s in zip(packages, stems, strict=True)}


def targets(config: BuildConfig, docs: Sequence[Document], names: Sequence[str]) -> list[Path]:
    """The package file of each document's deck, in document order."""
    packages = [package_of(config, d, n) for d, n in zip(docs, names, strict=True)]
    where = package_paths(config, list(dict.fromkeys(packages)))
    return [where[p] for p in packages]


@dataclass(frozen=True)
class WriteOptions:
    """How packages are written: timestamp, word lists beside them, replacing others' files."""

    timestamp: float | None = None  # None: now
    word_list: bool = False  # also <deck>.tsv (Anki's text import)
    force: bool = False  # replace files flashgen did not write


@dataclass(frozen=True)
class Written:
    """What became of one package: where it is, how many notes and cards, or why it failed.

    ``list_error`` is a word list that could not be written beside a package that was.
    """

    path: Path | None
    notes: int
    cards: int = 0
    error: str = ""
    list_error: str = ""


def _refuse(path: Path, what: str) -> OutputError:
    return OutputError(f"{path}: exists and is not {what}; not replaced (--force replaces it)")


def word_list_paths(path: Path, specs: Sequence[apkg.DeckSpec]) -> list[Path]:
    """The ``.tsv`` beside package ``path`` for each deck: the package's own name for a
    deck alone in it, else distinct names from the decks' titles.

    >>> [p.name for p in word_list_paths(Path("d/a.apkg"), [apkg.DeckSpec("flashgen::x", "", ())])]
    ['a.tsv']
    """
    if len(specs) == 1:
        return [path.with_suffix(".tsv")]
    stems = unique_names([safe_filename(identity.title_of(s.name)) for s in specs])
    return [path.with_name(f"{stem}.tsv") for stem in stems]


def write(path: Path, specs: Sequence[apkg.DeckSpec], options: WriteOptions) -> Written:
    """Write a package (and its word lists) and say what became of it; never raises.

    A package that cannot be written, or that would replace a file flashgen did
    not write, is reported, not raised, so that the other documents of the
    build go on. A word list that cannot be written is reported on its own: the
    package beside it is still written.
    """
    notes = sum(len(s.cards) for s in specs)
    cards = sum(apkg.card_count(s.cards) for s in specs)
    try:
        if path.is_file() and not options.force and not apkg.is_flashgen_package(path):
            raise _refuse(path, "a flashgen package")

        def write_package(tmp: Path) -> None:
            apkg.write_package(specs, tmp, options.timestamp, named=path)

        atomic_write_file(path, write_package)
    except OutputError as exc:
        return Written(None, notes, cards, str(exc))
    if not options.word_list:
        return Written(path, notes, cards)
    try:
        _write_word_lists(path, specs, options.force)
    except OutputError as exc:
        return Written(path, notes, cards, list_error=str(exc))
    return Written(path, notes, cards)


def _write_word_lists(path: Path, specs: Sequence[apkg.DeckSpec], force: bool) -> None:
    from flashgen.cards import notetype
    from flashgen.cards.wordlist import is_flashgen_word_list, write_tsv

    for spec, tsv in zip(specs, word_list_paths(path, specs), strict=True):
        if tsv.is_file() and not force and not is_flashgen_word_list(tsv):
            raise _refuse(tsv, "a flashgen word list")
        write_tsv(
            tsv,
            notes=[apkg.card_fields(c) for c in spec.cards],
            guids=[identity.note_guid(c.key) for c in spec.cards],
            deck_name=spec.name,
            notetype_name=notetype.MODEL_NAME,
            field_names=notetype.FIELDS,
        )
