"""Batched note insertion writes the very rows genanki writes note by note."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from flashgen.cards import apkg as deck
from flashgen.config import BuildConfig, Level
from flashgen.pipeline import BuildReport, load_documents, plan

TIMESTAMP = 1_790_000_000.0


@pytest.fixture(scope="module")
def specs() -> list[deck.DeckSpec]:
    """Every deck of the shipped samples at the intermediate level (several hundred notes)."""
    config = BuildConfig(level=Level.INTERMEDIATE)
    docs = load_documents(config, (), BuildReport())
    planned = [p for p in plan(docs, config) if p.spec.cards]
    assert len(planned) >= 2
    return [
        deck.DeckSpec(p.spec.name, deck.description(p.document.title, ""), p.spec.cards)
        for p in planned
    ]


def _rows(package: Path, tmp: Path) -> dict[str, list[tuple[object, ...]]]:
    with zipfile.ZipFile(package) as z:
        assert sorted(z.namelist()) == ["collection.anki2", "media"]
        z.extract("collection.anki2", tmp)
    con = sqlite3.connect(tmp / "collection.anki2")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in sorted(tables)}
        # The tables and indexes themselves (flashgen copies them from a template).
        rows["schema"] = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        return rows
    finally:
        con.close()


def test_batched_package_has_the_same_rows_as_genankis_own(
    specs: list[deck.DeckSpec], tmp_path: Path
) -> None:
    bulk = deck.write_package(specs, tmp_path / "bulk.apkg", TIMESTAMP)
    reference = deck.write_package(specs, tmp_path / "ref.apkg", TIMESTAMP, bulk=False)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    got, expected = _rows(bulk, tmp_path / "a"), _rows(reference, tmp_path / "b")
    assert len(expected["notes"]) == sum(len(s.cards) for s in specs)
    assert len(expected["cards"]) >= len(expected["notes"])
    assert got == expected


def test_writing_a_package_leaves_nothing_in_the_temporary_folder(
    specs: list[deck.DeckSpec], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # genanki's own write_to_file leaves its collection database behind, one
    # file per package: a large corpus would fill the temporary folder.
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    bulk = deck.write_package(specs, tmp_path / "bulk.apkg", TIMESTAMP)
    reference = deck.write_package(specs, tmp_path / "ref.apkg", TIMESTAMP, bulk=False)
    assert bulk.stat().st_size > 0 and reference.stat().st_size > 0
    assert list(temp.iterdir()) == []


def test_note_guids_are_genankis_own(specs: list[deck.DeckSpec]) -> None:
    import genanki

    keys = [c.key for s in specs for c in s.cards] + ["行|hang2", "", "a", "🀄", "x" * 500]
    keys += [f"词{i}" for i in range(5000)]
    for key in keys:
        assert deck.note_guid(key) == genanki.guid_for("flashgen-word-v1", key), key
