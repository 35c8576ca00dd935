"""The learner's glossary (vocab/glossary.tsv) adds words and overrides CC-CEDICT.

Its words are lexical units in segmentation too: a term no dictionary has
becomes one card with the glossary's reading and definition.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashgen.cards import notetype
from flashgen.cli import main

GLOSSARY = (
    "# word\tpinyin\tdefinition\n"
    "新质生产力\txin1 zhi4 sheng1 chan3 li4\tnew quality productive forces (policy term)\n"
    "谋划\tmou2 hua4\tto plan carefully (my own gloss)\n"
)


def _notes(folder: Path) -> dict[str, dict[str, str]]:
    notes = {}
    for apkg in folder.glob("*.apkg"):
        db = folder / f"{apkg.stem}.anki2"
        db.write_bytes(zipfile.ZipFile(apkg).read("collection.anki2"))
        for (flds,) in sqlite3.connect(db).execute("select flds from notes"):
            fields = dict(zip(notetype.FIELDS, flds.split("\x1f"), strict=True))
            notes[fields["Simplified"]] = fields
    return notes


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict[str, str]], Path]:
    home = tmp_path_factory.mktemp("learner")
    (home / "vocab").mkdir()
    glossary = home / "vocab" / "glossary.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.chdir(home)
    try:
        result = CliRunner().invoke(main, ["build", "--out", "decks"])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return _notes(home / "decks"), glossary


def test_a_glossary_term_is_one_card_with_the_glossary_entry(built) -> None:
    notes, _ = built
    card = notes["新质生产力"]
    assert card["Definition"] == "new quality productive forces (policy term)"
    assert "composed" not in card["Notes"]
    assert card["PinyinNumbered"] == "xin1 zhi4 sheng1 chan3 li4"


def test_the_glossary_overrides_cc_cedict(built) -> None:
    notes, _ = built
    assert notes["谋划"]["Definition"] == "to plan carefully (my own gloss)"


def test_the_glossary_file_is_never_written(built) -> None:
    _, glossary = built
    assert glossary.read_text(encoding="utf-8") == GLOSSARY


def test_a_malformed_glossary_is_a_one_line_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "glossary.tsv").write_text("新词 only two\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--out", "decks"])
    assert result.exit_code == 1
    message = result.output.strip().splitlines()
    assert len(message) == 1 and "glossary.tsv:1" in message[0]
