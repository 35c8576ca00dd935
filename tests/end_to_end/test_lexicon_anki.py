"""End to end: cards of flashgen's lexicon terms, built by the CLI and imported into real Anki.

A term of the lexicon is one note with the entry's reading and gloss, the gloss
marked as flashgen's and the note tagged ``flashgen::lexicon``; the deck
description credits the lexicon beside CC-CEDICT; the learner's glossary wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from anki_collection import flashgen_notes, import_package
from cli_run import Cli, apkgs
from e2e import visible

from flashgen.lexicon import modern

TEXT = (
    "新闻\n"
    "各地加快发展低空经济，具身智能成为新的增长点。\n"
    "年轻人说，不要精神内耗，也要找到自己的搭子。\n"
)


def _import(col: Any, folder: Path, glossary: str = "") -> dict[str, Any]:
    (folder / "t.txt").write_text(TEXT, encoding="utf-8")
    if glossary:
        (folder / "vocab").mkdir()
        (folder / "vocab" / "glossary.tsv").write_text(glossary, encoding="utf-8")
    Cli(folder).ok("build", "t.txt", "--out", "out")
    for apkg in apkgs(folder / "out"):
        import_package(col, apkg)
    return {note["Simplified"]: note for note in flashgen_notes(col)}


@pytest.mark.anki
def test_lexicon_terms_are_notes_with_the_entrys_reading_and_marked_gloss(
    anki_collection: Any, tmp_path: Path
) -> None:
    notes = _import(anki_collection, tmp_path)
    for word in ("低空经济", "具身智能", "精神内耗", "搭子"):
        entry = modern.all_terms()[word]
        note = notes[word]
        assert note["PinyinNumbered"] == entry.pinyin, word
        shown = visible(note["Definition"])
        assert shown.endswith("(flashgen lexicon)"), shown
        assert "≈" not in shown
        tags = {t.lower() for t in note.tags}
        assert "flashgen::lexicon" in tags and "flashgen::no-definition" not in tags, word
    desc = anki_collection.decks.by_name("flashgen::新闻")["desc"]
    assert "CC-CEDICT" in desc and "flashgen's own lexicon of modern terms" in desc


@pytest.mark.anki
def test_the_learners_glossary_overrides_the_lexicon(anki_collection: Any, tmp_path: Path) -> None:
    notes = _import(anki_collection, tmp_path, "低空经济\tdi1 kong1 jing1 ji4\tmy drones\n")
    assert notes["低空经济"]["Definition"] == "my drones"
    tags = {t.lower() for t in notes["低空经济"].tags}
    assert "flashgen::glossary" in tags and "flashgen::lexicon" not in tags
    assert visible(notes["具身智能"]["Definition"]).endswith("(flashgen lexicon)")
