"""The text word list: Anki reads it as an update of the notes the .apkg created."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anki_collection import import_csv, import_package
from cli_run import HEADER_LINES
from sample_deck import write_with_genanki

from flashgen.cards import notetype
from flashgen.cards.wordlist import tsv_text, write_tsv

DECK = "flashgen::Sample article"
GUIDS = ["fg-学习-guid", "fg/2+guid,x", 'fg"quote']


def _fields(word: str, definition: str, **extra: str) -> list[str]:
    values = dict.fromkeys(notetype.FIELDS, "")
    values.update(Simplified=word, Definition=definition, Pinyin="xuéxí", **extra)
    return [values[name] for name in notetype.FIELDS]


NOTES = [
    _fields("学习", "<b>to study</b>; to learn", Example="我在<u>学习</u>。"),
    _fields("经济", 'economy<br>"thrift"', Notes="line one\nline two\tafter a tab"),
    _fields("政策", "policy", Source='<a href="x">source</a>'),
]


def _build_apkg(path: Path) -> None:
    import genanki

    from flashgen.cards.apkg import model as flashgen_model

    model = flashgen_model()  # the note type flashgen itself writes
    deck = genanki.Deck(2_059_400_110, DECK)
    for guid, fields in zip(GUIDS, NOTES, strict=True):
        deck.add_note(genanki.Note(model=model, fields=fields, guid=guid))
    write_with_genanki(genanki.Package(deck), path)


def _notes_by_guid(col) -> dict[str, list[str]]:
    rows = col.db.all("SELECT guid, flds FROM notes")
    return {guid: flds.split("\x1f") for guid, flds in rows}


@pytest.fixture
def collection(tmp_path: Path, anki_collection):
    """A fresh Anki collection into which the flashgen .apkg was imported."""
    apkg = tmp_path / "deck.apkg"
    _build_apkg(apkg)
    import_package(anki_collection, apkg)
    assert set(_notes_by_guid(anki_collection)) == set(GUIDS)
    return anki_collection


@pytest.mark.anki
def test_anki_reads_the_headers(collection, tmp_path: Path) -> None:
    from anki.collection import CsvMetadata

    path = tmp_path / "list.tsv"
    write_tsv(path, notes=NOTES, guids=GUIDS, deck_name=DECK,
              notetype_name=notetype.MODEL_NAME, field_names=notetype.FIELDS)  # fmt: skip
    metadata = collection.get_csv_metadata(str(path), None)
    assert metadata.delimiter == CsvMetadata.Delimiter.TAB
    assert metadata.is_html
    assert metadata.guid_column == 1
    assert metadata.deck_name == DECK or collection.decks.name(metadata.deck_id) == DECK
    assert list(metadata.column_labels) == ["GUID", *notetype.FIELDS]
    model = collection.models.get(metadata.global_notetype.id)
    assert model["name"] == notetype.MODEL_NAME
    # Each field is read from the column of the same name (columns count from 1).
    assert list(metadata.global_notetype.field_columns) == list(range(2, len(notetype.FIELDS) + 2))
    assert metadata.dupe_resolution == CsvMetadata.DupeResolution.UPDATE


@pytest.mark.anki
def test_importing_the_list_updates_the_apkg_notes(collection, tmp_path: Path) -> None:
    first = collection.get_note(collection.find_notes("Simplified:学习")[0])
    first.tags = ["my-tag"]  # the learner's own tag on an imported note
    collection.update_note(first)
    cards_before = collection.card_count()
    changed = [list(fields) for fields in NOTES]
    definition = notetype.FIELDS.index("Definition")
    changed[1][definition] = 'a <i>new</i> "definition"\twith a tab'
    path = tmp_path / "list.tsv"
    write_tsv(path, notes=changed, guids=GUIDS, deck_name=DECK,
              notetype_name=notetype.MODEL_NAME, field_names=notetype.FIELDS)  # fmt: skip

    _, response = import_csv(collection, path)

    log = response.log
    assert (len(log.new), len(log.conflicting), len(log.missing_notetype)) == (0, 0, 0)
    assert [note.fields[0] for note in log.updated] == ["经济"]  # only the changed note
    # Anki logs matched-but-identical notes as "duplicate": left alone, not added.
    assert sorted(note.fields[0] for note in log.duplicate) == ["学习", "政策"]
    assert (collection.note_count(), collection.card_count()) == (len(GUIDS), cards_before)
    notes = _notes_by_guid(collection)
    assert notes[GUIDS[1]][definition] == 'a <i>new</i> "definition"\twith a tab'
    for guid, fields in zip(GUIDS, changed, strict=True):
        assert notes[guid] == fields  # HTML, tabs and line breaks survive as written
    assert collection.get_note(first.id).tags == ["my-tag"]  # the list has no tags column


@pytest.mark.anki
def test_guids_prevent_duplicates_whatever_the_saved_import_choice(collection, tmp_path) -> None:
    from anki.collection import CsvMetadata

    # Anki remembers the "Existing notes" choice of its import dialog; no header sets it.
    collection.set_config("csvDuplicateResolution", CsvMetadata.DupeResolution.DUPLICATE)
    path = tmp_path / "list.tsv"
    write_tsv(path, notes=NOTES, guids=GUIDS, deck_name=DECK,
              notetype_name=notetype.MODEL_NAME, field_names=notetype.FIELDS)  # fmt: skip
    metadata, response = import_csv(collection, path)
    assert metadata.dupe_resolution == CsvMetadata.DupeResolution.DUPLICATE
    assert len(response.log.new) == 0
    assert collection.note_count() == len(GUIDS)


def test_fields_with_tabs_quotes_and_line_breaks_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "list.tsv"
    write_tsv(path, notes=NOTES, guids=GUIDS, deck_name=DECK,
              notetype_name=notetype.MODEL_NAME, field_names=notetype.FIELDS)  # fmt: skip
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[:5] == [
        "#separator:tab\n",
        "#html:true\n",
        f"#notetype:{notetype.MODEL_NAME}\n",
        f"#deck:{DECK}\n",
        "#guid column:1\n",
    ]
    rows = list(csv.reader(lines[HEADER_LINES:], delimiter="\t"))
    assert rows == [[guid, *fields] for guid, fields in zip(GUIDS, NOTES, strict=True)]
    assert [p.name for p in tmp_path.iterdir()] == ["list.tsv"]  # no temp file left


def test_mismatched_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="GUIDs"):
        tsv_text(NOTES, GUIDS[:1], DECK, notetype.MODEL_NAME, notetype.FIELDS)
    with pytest.raises(ValueError, match="fields"):
        tsv_text([["学习"]], ["g"], DECK, notetype.MODEL_NAME, notetype.FIELDS)
    with pytest.raises(ValueError, match="deck name"):
        tsv_text([], [], "a\tb", notetype.MODEL_NAME, notetype.FIELDS)
