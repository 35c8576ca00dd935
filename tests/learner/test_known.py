"""Known words: word-list files in three formats, and real Anki collections."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki_collection import add_note, collection_at
from testdata import DATA, Case, cases

from flashgen.errors import ConfigError
from flashgen.learner.known import detect_format, load_known_anki, load_known_file


@pytest.mark.parametrize("case", cases("known_file_cases.json"))
def test_word_list_files(case: Case) -> None:
    path = DATA / case.input
    assert detect_format(path.read_text(encoding="utf-8")) == case.expected["format"]
    assert load_known_file(path) == frozenset(case.expected["words"])


def test_missing_word_list_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.txt"):
        load_known_file(tmp_path / "nope.txt")


# --- real Anki collections -------------------------------------------------

NOTES = [
    # deck, front, back
    ("Chinese", "<b>学习</b>", "to study"),
    ("Chinese::HSK1", "工作、上班", "to work"),
    ("Chinese::HSK1", "<div>生活&nbsp;</div><div>经济</div>", "life"),
    ("Other", "银行", "bank"),
    ("Other", "English only", "英语"),
]


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """A real Anki collection (closed again) holding :data:`NOTES` and one reversible note."""
    path = tmp_path / "profile" / "collection.anki2"
    with collection_at(path) as col:
        for deck, front, back in NOTES:
            add_note(col, deck, front, back)
        add_note(col, "Other", "火车", "train", "Basic (and reversed card)")
    return path


@pytest.mark.anki
def test_all_notes_first_field(collection: Path) -> None:
    assert load_known_anki(collection) == {"学习", "工作", "上班", "生活", "经济", "银行", "火车"}


@pytest.mark.anki
def test_deck_includes_subdecks_and_ignores_case(collection: Path) -> None:
    assert load_known_anki(collection, deck="chinese") == {"学习", "工作", "上班", "生活", "经济"}
    assert load_known_anki(collection, deck="Chinese::hsk1") == {"工作", "上班", "生活", "经济"}


@pytest.mark.anki
def test_deck_name_prefix_is_not_a_parent(tmp_path: Path, collection: Path) -> None:
    with collection_at(collection) as col:
        add_note(col, "Chinese2", "飞机", "plane")
    assert "飞机" not in load_known_anki(collection, deck="Chinese")


@pytest.mark.anki
def test_notetype_and_field(collection: Path) -> None:
    assert load_known_anki(collection, notetype="Basic (and reversed card)") == {"火车"}
    assert load_known_anki(collection, deck="Other", field=1) == {"英语"}


@pytest.mark.anki
def test_studied_only_skips_new_cards(collection: Path) -> None:
    with collection_at(collection) as col:
        nid = col.find_notes('"Front:*银行*"')[0]
        card_ids = [card.id for card in col.get_note(nid).cards()]
        col.sched.set_due_date(card_ids, "0")  # due today as a review card: no longer new
    assert load_known_anki(collection, studied_only=True) == {"银行"}


@pytest.mark.anki
def test_reading_leaves_the_collection_untouched(collection: Path) -> None:
    before = {p.name: p.read_bytes() for p in collection.parent.iterdir() if p.is_file()}
    load_known_anki(collection, deck="Chinese")
    after = {p.name: p.read_bytes() for p in collection.parent.iterdir() if p.is_file()}
    assert after == before


@pytest.fixture
def open_collection(collection: Path) -> Iterator[Path]:
    """The collection held open by Anki, with a new note still in the WAL."""
    with collection_at(collection) as col:
        add_note(col, "Chinese", "电脑", "computer")
        yield collection


@pytest.mark.anki
def test_changes_still_in_the_wal_are_seen(open_collection: Path, tmp_path: Path) -> None:
    wal = open_collection.with_name(open_collection.name + "-wal")
    assert wal.stat().st_size > 0
    main_only = tmp_path / "main-only.anki2"
    shutil.copyfile(open_collection, main_only)
    conn = sqlite3.connect(main_only)
    try:
        in_main_file = "电脑" in "".join(r[0] for r in conn.execute("SELECT flds FROM notes"))
    finally:
        conn.close()
    assert not in_main_file  # the note lives only in the WAL ...
    assert "电脑" in load_known_anki(open_collection, deck="Chinese")  # ... and is still read


@pytest.mark.anki
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"deck": "Nope"}, "no deck named 'Nope'"),
        ({"notetype": "Cloze2"}, "no note type named 'Cloze2'"),
        ({"field": -1}, "--known-field"),
    ],
)
def test_unknown_deck_or_notetype(collection: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_known_anki(collection, **kwargs)


def test_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_known_anki(tmp_path / "collection.anki2")
    text = tmp_path / "words.txt"
    text.write_text("学习\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not an Anki collection"):
        load_known_anki(text)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ConfigError, match="not an Anki collection"):
        load_known_anki(other)


@pytest.mark.anki
def test_real_anki_plain_text_export_reads_back(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    with collection_at(collection) as col:
        col.export_note_csv(
            out_path=str(out),
            limit=None,  # the whole collection
            with_html=True,
            with_tags=True,
            with_deck=True,
            with_notetype=True,
            with_guid=True,
        )
    assert load_known_file(out) == load_known_anki(collection)
