"""Real Anki, through its own ``anki`` package: collections, imports as a user does them, notes.

A test that uses these needs the ``anki`` marker. ``anki`` is imported inside
the functions, so that importing this module costs nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashgen.cards import notetype

ALWAYS = "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS"
IF_NEWER = "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER"


@contextmanager
def collection_at(path: Path) -> Iterator[Any]:
    """The Anki collection at ``path`` (created, with its folder, when missing), closed after.

    The caller may close it early (to let flashgen read the file); it is then left alone.
    """
    from anki.collection import Collection

    path.parent.mkdir(parents=True, exist_ok=True)
    col = Collection(str(path))
    try:
        yield col
    finally:
        if col.db is not None:
            col.close()


def import_package(col: Any, apkg: Path, update: str | None = None) -> Any:
    """Import one package as a user does (File > Import, without scheduling); Anki's log.

    ``update`` is Anki's "update notes" choice (:data:`ALWAYS`, :data:`IF_NEWER`);
    by default, Anki's own default.
    """
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    assert zipfile.is_zipfile(apkg), f"{apkg} is not a zip file"
    options = ImportAnkiPackageOptions(with_scheduling=False)
    if update is not None:
        from anki import import_export_pb2 as pb

        options.update_notes = options.update_notetypes = getattr(pb, update)
    request = ImportAnkiPackageRequest(package_path=str(apkg), options=options)
    return col.import_anki_package(request)


def import_csv(col: Any, path: Path) -> tuple[Any, Any]:
    """Import a text file with Anki's CSV importer as its headers say; (metadata, response)."""
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)
    return metadata, col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))


def add_note(col: Any, deck: str, front: str, back: str, notetype_name: str = "Basic") -> None:
    """Add a note of one of Anki's stock note types (Front, Back) to ``deck`` (made if missing)."""
    model, deck_id = col.models.by_name(notetype_name), col.decks.id(deck)
    assert model is not None and deck_id is not None
    note = col.new_note(model)
    note["Front"], note["Back"] = front, back
    col.add_note(note, deck_id)


@dataclass(frozen=True)
class Note:
    """One imported note: its GUID, deck name and fields by name."""

    guid: str
    deck: str
    fields: dict[str, str]


def anki_notes(col_path: Path, *packages: Path) -> list[Note]:
    """Import ``packages`` (in order) into the Anki collection at ``col_path``; all its notes.

    The collection is created when missing, so calling again with the same
    ``col_path`` imports into the same collection (as a learner rebuilding does).
    """
    with collection_at(col_path) as col:
        for apkg in packages:
            import_package(col, apkg)
        notes = []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            deck = col.decks.name(col.get_card(note.card_ids()[0]).did)
            notes.append(Note(note.guid, deck, dict(note.items())))
        return notes


def flashgen_notes(col: Any) -> list[Any]:
    """Every note of flashgen's note type in an open collection."""
    return [col.get_note(nid) for nid in col.find_notes(f"mid:{notetype.MODEL_ID}")]
