"""Write Anki packages with genanki: stable IDs and GUIDs, so rebuilds update notes.

- The note type has a fixed ID (:data:`flashgen.cards.notetype.MODEL_ID`).
- A deck's ID is a stable hash of its final name.
- A note's GUID is a namespaced hash of its key alone (headword, plus the
  reading when CC-CEDICT lists several), so a word has one note in a collection.
- Each build gets a new package timestamp: with an equal timestamp Anki skips
  the updates. genanki rounds it to whole seconds.
- The pipeline writes packages through :mod:`flashgen.atomic`: a killed run
  never leaves a half-written deck, and the old one stays intact.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flashgen.cards import notetype
from flashgen.errors import OutputError
from flashgen.identity import deck_id, note_guid
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import LICENSE_NOTE
from flashgen.models import Card

# The zip comment of every package flashgen writes: how a rebuild knows that a
# file it is about to replace is flashgen's own (see is_flashgen_package).
PACKAGE_COMMENT = b"flashgen package"


def is_flashgen_package(path: Path) -> bool:
    """Whether the file at ``path`` is a package flashgen wrote (and may replace).

    Packages carry :data:`PACKAGE_COMMENT`; those written before it are known by
    flashgen's note type inside their collection.
    """
    try:
        with zipfile.ZipFile(path) as package:
            if package.comment.startswith(PACKAGE_COMMENT):
                return True
            info = package.getinfo("collection.anki2")
            if info.file_size > 512 * 1024 * 1024:
                return False
            with tempfile.TemporaryDirectory(prefix="flashgen-") as folder:
                database = Path(package.extract(info, folder))
                connection = sqlite3.connect(database)
                try:
                    (models,) = connection.execute("SELECT models FROM col").fetchone()
                finally:
                    connection.close()
        return str(notetype.MODEL_ID) in json.loads(models)
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, sqlite3.Error):
        return False


@dataclass(frozen=True)
class DeckSpec:
    """A deck to write: its name, description and cards in new-card order."""

    name: str
    description: str
    cards: tuple[Card, ...]


@cache
def model() -> Any:
    import genanki

    return genanki.Model(
        notetype.MODEL_ID,
        notetype.MODEL_NAME,
        fields=[{"name": f} for f in notetype.FIELDS],
        templates=list(notetype.templates()),
        css=notetype.css(),
        sort_field_index=0,
    )


def warm_up() -> None:
    """Import genanki and work out which cards the note type makes (before forking).

    genanki renders the templates once per note type to find the fields each
    card requires; doing it here saves every worker process doing it again.
    """
    import genanki

    fields = ["x"] * len(notetype.FIELDS)
    _ = genanki.Note(model=model(), fields=fields, guid="warm-up").cards


def card_fields(card: Card) -> list[str]:
    """The card's field values in the frozen field order."""
    return [
        card.simplified,
        card.traditional,
        card.pinyin,
        card.pinyin_numbered,
        card.zhuyin,
        card.definition,
        card.classifier,
        card.example,
        card.example_pinyin,
        card.example_traditional,
        card.source,
        card.level,
        card.frequency,
        "",  # Audio: no audio yet
        card.notes,
    ]


def description(title: str, source: str) -> str:
    """A self-describing deck description: source text and licence of the definitions
    (CC-CEDICT's, and flashgen's own lexicon's when it is in use)."""
    import html

    credits = f"<p>{LICENSE_NOTE}</p>"
    if modern.enabled():
        credits += f"<p>{html.escape(modern.LICENSE_NOTE, quote=False)}</p>"
    return (
        f"<p>Words worth learning from <b>{html.escape(title)}</b> "
        f"(source: {html.escape(source)}), made by flashgen.</p>{credits}"
    )


def _genanki_deck(spec: DeckSpec) -> Any:
    """The deck as genanki builds it, note by note (the reference for :func:`write_package`)."""
    import genanki

    deck = genanki.Deck(deck_id(spec.name), spec.name, description=spec.description)
    for position, card in enumerate(spec.cards):
        note = genanki.Note(
            model=model(), fields=card_fields(card), guid=note_guid(card.key), tags=card.tags
        )
        note.due = position  # new-card order: rarest first
        deck.add_note(note)
    return deck


# A new card's ivl, factor, reps, lapses, left, odue, odid, flags and data, as genanki writes them.
_NEW_CARD_TAIL = (0, 0, 0, 0, 0, 0, 0, 0, "")


@cache
def _card_kinds(filled: tuple[bool, ...]) -> tuple[tuple[int, int], ...]:
    """The cards (template ord, queue) a note with these fields filled gets.

    They depend only on which fields are filled (genanki's "required fields"),
    so genanki is asked once per pattern.
    """
    import genanki

    fields = ["x" if f else "" for f in filled]
    note = genanki.Note(model=model(), fields=fields, guid="-")
    return tuple((c.ord, -1 if c.suspend else 0) for c in note.cards)


def card_count(cards: Sequence[Card]) -> int:
    """How many Anki cards these notes make (each template whose fields are filled)."""
    return sum(len(_card_kinds(tuple(map(bool, card_fields(c))))) for c in cards)


def _bulk_package(decks: Sequence[DeckSpec]) -> Any:
    """A genanki package whose notes are inserted in one batch per table.

    genanki writes the collection, the note type and the decks; the notes and
    cards go in with one ``executemany`` each, row for row what genanki's own
    ``Note.write_to_db`` inserts (same IDs, in the same order; a test compares
    the two databases). Note by note it took 1.0 s for 24,000 notes, mostly
    per-row overhead; in batches 0.3 s.
    """
    import genanki
    from genanki.apkg_col import APKG_COL

    class BulkPackage(genanki.Package):  # type: ignore[misc]
        # Its database starts as a copy of the empty collection (_write_to_file).
        from_template = True

        def write_to_db(self, cursor: Any, timestamp: float, id_gen: Any) -> None:
            # genanki's database is a temporary file, zipped into the package and
            # deleted: no journal, no syncing (with them a package cost 10-20 ms of
            # waiting on the disk). The package file itself is synced when renamed
            # into place (flashgen.atomic).
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
            # genanki's Package.write_to_db, less creating the tables: they are there.
            cursor.executescript(APKG_COL)
            for genanki_deck in self.decks:
                genanki_deck.write_to_db(cursor, timestamp, id_gen)
            mod, mid = int(timestamp), model().model_id
            notes, cards = [], []
            for spec in decks:
                did = deck_id(spec.name)
                for position, card in enumerate(spec.cards):
                    fields = card_fields(card)
                    nid = next(id_gen)
                    flds = "\x1f".join(fields)
                    # id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data
                    tags = f" {' '.join(card.tags)} "  # genanki's Note._format_tags
                    row = (nid, note_guid(card.key), mid, mod, -1, tags, flds, fields[0], 0, 0, "")
                    notes.append(row)
                    for ord_, queue in _card_kinds(tuple(map(bool, fields))):
                        # id, nid, did, ord, mod, usn, type, queue, due (new-card order)
                        head = (next(id_gen), nid, did, ord_, mod, -1, 0, queue)
                        cards.append((*head, position, *_NEW_CARD_TAIL))
            cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);", notes)
            cursor.executemany(
                "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", cards
            )

    genanki_decks = []
    for spec in decks:
        empty = genanki.Deck(deck_id(spec.name), spec.name, description=spec.description)
        empty.add_model(model())
        genanki_decks.append(empty)
    return BulkPackage(genanki_decks)


def write_package(
    decks: Sequence[DeckSpec],
    path: Path,
    timestamp: float | None = None,
    *,
    bulk: bool = True,
    named: Path | None = None,
) -> Path:
    """Write ``decks`` into one ``.apkg`` at ``path`` (callers make it atomic).

    ``bulk=False`` lets genanki insert every note itself (slower; same rows).
    Errors name ``named`` (the package's final path, when ``path`` is a
    temporary one), else ``path``.
    """
    import genanki

    package = _bulk_package(decks) if bulk else genanki.Package([_genanki_deck(d) for d in decks])
    try:
        _write_to_file(package, path, timestamp if timestamp is not None else time.time())
    except OSError as exc:
        raise OutputError(f"{named or path}: cannot write ({exc.strerror or exc})") from exc
    except _NoTemporaryFolder as exc:
        raise OutputError(f"{named or path}: {exc}") from exc
    return path


@cache
def _empty_collection() -> bytes:
    """The database file of a collection with genanki's tables and no rows.

    Copying it costs 0.03 ms; creating the tables costs 0.5 ms a package, a
    sixth of writing a small deck (a run over thousands of news articles
    writes thousands of packages).
    """
    from genanki.apkg_schema import APKG_SCHEMA

    with tempfile.TemporaryDirectory(prefix="flashgen-") as folder:
        database = Path(folder) / "empty.anki2"
        connection = sqlite3.connect(database)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.executescript(APKG_SCHEMA)
            connection.commit()
        finally:
            connection.close()
        return database.read_bytes()


class _NoTemporaryFolder(Exception):
    """The collection database could not be built in the temporary folder."""


def _write_to_file(package: Any, path: Path, timestamp: float) -> None:
    """genanki's ``Package.write_to_file``, cleaning up after itself.

    genanki builds the collection database in a temporary file and never
    deletes it: one file per package left in the temporary folder, as big as
    the deck. Here it is built in a temporary folder that is removed. The
    package is the same: the database as ``collection.anki2`` and an empty
    media list (flashgen decks have no media files).
    """
    try:
        temporary = tempfile.TemporaryDirectory(prefix="flashgen-")
    except OSError as exc:
        reason = exc.strerror or exc
        raise _NoTemporaryFolder(f"no temporary folder to build it in ({reason})") from exc
    with temporary as folder:
        database = Path(folder) / "collection.anki2"
        try:
            if getattr(package, "from_template", False):
                database.write_bytes(_empty_collection())
            connection = sqlite3.connect(database)
            try:
                ids = itertools.count(int(timestamp * 1000))  # genanki's ID sequence
                package.write_to_db(connection.cursor(), timestamp, ids)
                connection.commit()
            finally:
                connection.close()
        except sqlite3.Error as exc:  # the temporary folder is full, for one
            raise _NoTemporaryFolder(f"cannot build its collection database ({exc})") from exc
        with zipfile.ZipFile(path, "w") as package_file:
            package_file.write(database, "collection.anki2")
            package_file.writestr("media", json.dumps({}))
            package_file.comment = PACKAGE_COMMENT
