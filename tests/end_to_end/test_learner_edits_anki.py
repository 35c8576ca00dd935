"""A learner's Notes text and own tags survive a rebuild and an "update" re-import (real Anki).

The learner imports a deck, writes in a note's Notes field, tags it, studies
it; flashgen improves (here: the learner's glossary changes the definition);
the deck is rebuilt with ``--keep-edits`` and re-imported with "update notes".
Their text and tag stay, flashgen's new content and tags are in, the review
history is intact and nothing is duplicated. Without ``--keep-edits`` the
update replaces the Notes field and the tag list, as the README warns.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from anki_collection import ALWAYS, IF_NEWER, collection_at, import_package
from cli_run import Cli, sample

from flashgen import BuildConfig, Level, build
from flashgen.learner.edits import load_edits

pytestmark = pytest.mark.anki


def _only_apkg(folder: Path) -> Path:
    (apkg,) = folder.glob("*.apkg")
    return apkg


def _edit_first_note(col: Any) -> tuple[Any, str]:
    """The learner writes in a note, tags it and answers its first card; its id and word."""
    nid = sorted(col.find_notes(""))[0]
    note = col.get_note(nid)
    note["Notes"] = "my mnemonic: 星 stars"
    note.tags.append("difficult")
    col.update_note(note)
    card = col.get_card(note.card_ids()[0])
    card.start_timer()
    col.sched.answerCard(card, 3)
    return nid, note["Simplified"]


def _rebuild(tmp_path: Path, word: str, *extra: object) -> Path:
    """Rebuild with a glossary entry for ``word``: flashgen's "improvement".

    A rebuild comes after the learner's edit: Anki leaves a note alone when the
    package's modification time (whole seconds) is not after the note's.
    """
    time.sleep(1.1)
    work = tmp_path / "rebuild"
    (work / "vocab").mkdir(parents=True, exist_ok=True)
    (work / "vocab" / "glossary.tsv").write_text(f"{word}\tceshi4\tNEW DEFINITION\n", "utf-8")
    out = work / "decks"
    result = Cli(work)(
        "build", sample("3-"), "--out", out, "--glossary", work / "vocab" / "glossary.tsv", *extra
    )
    assert result.exit_code == 0, result.output
    return _only_apkg(out)


def test_keep_edits_carries_notes_and_tags_over_an_update_import(
    tmp_path: Path, anki_collection: Any
) -> None:
    first = tmp_path / "first"
    assert Cli(tmp_path)("build", sample("3-"), "--out", first).exit_code == 0
    import_package(anki_collection, _only_apkg(first), ALWAYS)
    notes_before = anki_collection.note_count()
    nid, word = _edit_first_note(anki_collection)
    assert anki_collection.db is not None
    revlog = anki_collection.db.scalar("select count() from revlog")
    assert revlog == 1
    tags_before = set(anki_collection.get_note(nid).tags)
    assert "difficult" in tags_before and "flashgen::level::advanced" in tags_before
    path = Path(anki_collection.path)
    anki_collection.close()

    rebuilt = _rebuild(tmp_path, word, "--keep-edits", path)

    with collection_at(path) as col:
        import_package(col, rebuilt, ALWAYS)
        note = col.get_note(nid)
        assert note["Notes"] == "my mnemonic: 星 stars"
        assert "difficult" in note.tags
        assert "flashgen::glossary" in note.tags  # flashgen's new tag is in
        assert "NEW DEFINITION" in note["Definition"]  # flashgen's new content is in
        assert col.note_count() == notes_before  # nothing duplicated
        assert col.db is not None
        assert col.db.scalar("select count() from revlog") == revlog  # history intact
        assert col.get_card(note.card_ids()[0]).reps == 1


def test_without_keep_edits_an_update_import_replaces_notes_and_tags(
    tmp_path: Path, anki_collection: Any
) -> None:
    first = tmp_path / "first"
    assert Cli(tmp_path)("build", sample("3-"), "--out", first).exit_code == 0
    import_package(anki_collection, _only_apkg(first), ALWAYS)
    nid, word = _edit_first_note(anki_collection)
    import_package(anki_collection, _rebuild(tmp_path, word), ALWAYS)
    note = anki_collection.get_note(nid)
    assert note["Notes"] == ""
    assert "difficult" not in note.tags
    assert "NEW DEFINITION" in note["Definition"]


def test_new_notes_have_an_empty_notes_field_and_real_tags(
    tmp_path: Path, anki_collection: Any
) -> None:
    assert Cli(tmp_path)("build", sample("3-"), "--out", tmp_path).exit_code == 0
    import_package(anki_collection, _only_apkg(tmp_path), ALWAYS)
    tags = set(anki_collection.tags.all())
    assert "flashgen::level::advanced" in tags
    assert any(t.startswith("flashgen::hsk::") for t in tags)
    for nid in anki_collection.find_notes(""):
        note = anki_collection.get_note(nid)
        assert note["Notes"] == ""
        assert all(t.startswith("flashgen::") for t in note.tags)
        assert "flashgen::level::advanced" in note.tags
    assert anki_collection.find_notes("tag:flashgen::level::advanced")


def test_if_newer_update_keeps_edits_when_the_rebuild_is_newer(
    tmp_path: Path, anki_collection: Any
) -> None:
    """The learner's usual import option: "update if newer"; packages timestamped apart."""
    now = time.time()
    config = BuildConfig(level=Level.ADVANCED, out_dir=tmp_path / "a", timestamp=now - 100)
    build([sample("3-")], config)
    import_package(anki_collection, _only_apkg(tmp_path / "a"), IF_NEWER)
    nid, _ = _edit_first_note(anki_collection)
    path = Path(anki_collection.path)
    anki_collection.close()
    assert load_edits(path)  # the edit is seen in the collection
    later = BuildConfig(
        level=Level.ADVANCED, out_dir=tmp_path / "b", timestamp=now + 100, keep_edits_from=path
    )
    build([sample("3-")], later)
    with collection_at(path) as col:
        import_package(col, _only_apkg(tmp_path / "b"), IF_NEWER)
        note = col.get_note(nid)
        assert note["Notes"] == "my mnemonic: 星 stars" and "difficult" in note.tags
