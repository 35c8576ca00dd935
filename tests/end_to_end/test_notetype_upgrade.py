"""Decks from an earlier flashgen (first-version card templates) update in place.

tests/data/notetype_v0/ holds the templates and CSS the note type had in the
first build. Only templates and CSS changed since; the note-type ID and the
field list are frozen, so importing a current build over an old one must update
the notes and the note type, add nothing, and keep the review history.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import genanki
import pytest
from anki_collection import collection_at, flashgen_notes, import_package
from sample_deck import write_with_genanki
from testdata import DATA

from flashgen.cards import apkg as deck
from flashgen.cards import notetype
from flashgen.config import BuildConfig, Level
from flashgen.pipeline import build

pytestmark = pytest.mark.anki

OLD = DATA / "notetype_v0"


def _old_model() -> Any:
    templates = [
        {
            "name": name,
            "qfmt": (OLD / f"{name.lower()}_front.html").read_text(encoding="utf-8"),
            "afmt": (OLD / f"{name.lower()}_back.html").read_text(encoding="utf-8"),
        }
        for name in notetype.TEMPLATE_NAMES
    ]
    return genanki.Model(
        notetype.MODEL_ID,
        notetype.MODEL_NAME,
        fields=[{"name": f} for f in notetype.FIELDS],
        templates=templates,
        css=(OLD / "style.css").read_text(encoding="utf-8"),
    )


def test_an_old_build_is_updated_in_place_by_a_new_one(tmp_path: Path) -> None:
    new = build([], BuildConfig(out_dir=tmp_path / "new", timestamp=time.time() + 3600))
    packages = sorted({r.path for r in new.results if r.path})
    first = packages[0]

    # The "old build": the same notes (GUIDs, fields), first-version templates.
    with collection_at(tmp_path / "read.anki2") as reader:
        import_package(reader, first)
        notes = flashgen_notes(reader)
    old_deck = genanki.Deck(deck.deck_id("flashgen::old"), "flashgen::old")
    for n in notes:
        old_fields = list(n.fields)
        old_fields[notetype.FIELDS.index("Definition")] = "old definition"
        old_deck.add_note(genanki.Note(model=_old_model(), fields=old_fields, guid=n.guid))
    old_apkg = tmp_path / "old.apkg"
    write_with_genanki(genanki.Package(old_deck), old_apkg, timestamp=time.time() - 3600)

    with collection_at(tmp_path / "user.anki2") as col:
        import_package(col, old_apkg)
        count = col.note_count()
        assert count == len(notes) > 0
        card = col.get_card(col.find_cards(f"mid:{notetype.MODEL_ID} card:1")[0])
        card.start_timer()
        col.sched.answerCard(card, 3)
        reviewed = col.get_card(card.id)

        log = import_package(col, first)

        assert len(log.log.new) == 0
        assert col.note_count() == count
        from anki.models import NotetypeId  # (only once anki.collection is loaded)

        model = col.models.get(NotetypeId(notetype.MODEL_ID))
        assert model is not None
        assert [f["name"] for f in model["flds"]] == list(notetype.FIELDS)
        assert model["css"] == notetype.css()  # the note type itself was updated
        definitions = {
            col.get_note(n)["Definition"] for n in col.find_notes(f"mid:{notetype.MODEL_ID}")
        }
        assert "old definition" not in definitions  # every note was updated
        after = col.get_card(card.id)
        assert (after.reps, after.ivl, after.type) == (reviewed.reps, reviewed.ivl, reviewed.type)


def test_recall_cards_of_words_without_a_definition_become_empty_cards(tmp_path: Path) -> None:
    """A collection built before definitions were honest has Recall cards for every word.

    After an update import, the Recall card of a word without a definition
    has an empty front: Anki's Tools > Empty Cards lists exactly those, and
    deleting them keeps the notes and their other cards.
    """
    config = BuildConfig(
        level=Level.ADVANCED, out_dir=tmp_path / "new", timestamp=time.time() + 3600
    )
    new = build([], config)
    first = max((r.path for r in new.results if r.path), key=lambda p: p.stat().st_size)
    with collection_at(tmp_path / "read.anki2") as reader:
        import_package(reader, first)
        notes = flashgen_notes(reader)
    bare = {n.guid for n in notes if not n["Definition"]}
    assert bare, "the first sample has words no dictionary lists"
    old_deck = genanki.Deck(deck.deck_id("flashgen::old"), "flashgen::old")
    for n in notes:
        fields = list(n.fields)
        fields[notetype.FIELDS.index("Definition")] = fields[
            notetype.FIELDS.index("Definition")
        ] or (
            '<span class="composed">≈ <span class="hz">并</span> (and) + '
            '<span class="hz">跑</span> (to run)</span>'
        )
        old_deck.add_note(genanki.Note(model=_old_model(), fields=fields, guid=n.guid))
    old_apkg = tmp_path / "old.apkg"
    write_with_genanki(genanki.Package(old_deck), old_apkg, timestamp=time.time() - 3600)

    with collection_at(tmp_path / "user.anki2") as col:
        import_package(col, old_apkg)
        assert len(col.find_cards("card:2")) == len(notes)  # every old note had a Recall card
        import_package(col, first)
        report = col.get_empty_cards()
        empty = {col.get_note(n.note_id).guid: list(n.card_ids) for n in report.notes}
        assert set(empty) == bare
        assert all(col.get_card(c[0]).ord == 1 for c in empty.values())  # Recall only
        col.remove_cards_and_orphaned_notes([c for ids in empty.values() for c in ids])
        assert col.note_count() == len(notes)
        assert len(col.find_cards("card:2")) == len(notes) - len(bare)
