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


def write_decks(
    specs: Sequence[apkg.DeckSpec], path: Path, timestamp: float | None, word_list: bool
) -> None:
    """Write ``specs`` into the package ``path`` (atomically), and their TSV lists if asked."""

    def write(tmp: Path) -> None:
        apkg.write_package(specs, tmp, timestamp, named=path)

    atomic_write_file(path, write)
    if word_list:
        from flashgen.cards import notetype
        from flashgen.cards.wordlist import write_tsv

        for spec in specs:
            tsv = path.with_name(f"{safe_filename(identity.title_of(spec.name))}.tsv")
            write_tsv(
                tsv,
                notes=[apkg.card_fields(c) for c in spec.cards],
                guids=[identity.note_guid(c.key) for c in spec.cards],
                deck_name=spec.name,
                notetype_name=notetype.MODEL_NAME,
                field_names=notetype.FIELDS,
            )


@dataclass(frozen=True)
class Written:
    """What became of one package: where it is, how many notes and cards, or why it failed."""

    path: Path | None
    notes: int
    cards: int = 0
    error: str = ""


def write(
    path: Path, specs: Sequence[apkg.DeckSpec], timestamp: float | None, word_list: bool
) -> Written:
    """Write a package (and its word lists) and say what became of it; never raises.

    A package that cannot be written is reported, not raised, so that the other
    documents of the build go on.
    """
    notes = sum(len(s.cards) for s in specs)
    cards = sum(apkg.card_count(s.cards) for s in specs)
    try:
        write_decks(specs, path, timestamp, word_list)
    except OutputError as exc:
        return Written(None, notes, cards, str(exc))
    return Written(path, notes, cards)
