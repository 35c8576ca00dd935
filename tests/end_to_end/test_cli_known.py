"""Known words through ``flashgen build``: a real Anki collection, its export, Pleco.

A known word has no card in any deck; every other word keeps its card. The
collection is only read: its file is byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from anki_collection import add_note, collection_at
from cli_run import Cli, sample, word_list_rows

# (deck, note type, front, back). The words all have cards in the sample decks:
# 谋划 集聚 in sample 1, 勉励 嘉兴 欣慰 in sample 3, 复信 朝气 奔赴 跨越 in sample 4.
NOTES = [
    ("中文::词汇", "Basic", "<b>谋划</b>", "to plan"),
    ("中文::词汇", "Basic", "集聚", "to gather"),
    ("中文::词汇", "Basic", "复信", "to write back"),
    ("中文", "Basic", "勉励&nbsp;", "to encourage"),
    ("其他", "Basic", "嘉兴", "Jiaxing"),
    ("其他", "Basic", "朝气", "vitality"),
    ("其他", "Basic (and reversed card)", "奔赴", "to rush to"),
    ("其他", "Basic (and reversed card)", "欣慰", "gratified"),
    ("其他", "Basic", "to span", "跨越"),
]
IN_CHINESE_DECK = {"谋划", "集聚", "复信", "勉励"}
OTHER_FRONTS = {"嘉兴", "朝气", "奔赴", "欣慰"}
REVERSED_TYPE = {"奔赴", "欣慰"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the module's builds run from (no vocab/); each build writes to a subfolder."""
    return tmp_path_factory.mktemp("known")


@pytest.fixture(scope="module")
def collection(folder: Path) -> Path:
    """A real Anki collection (closed again) holding :data:`NOTES`."""
    path = folder / "profile" / "collection.anki2"
    with collection_at(path) as col:
        _add_notes(col)
    return path


def _add_notes(col) -> None:
    for deck, notetype, front, back in NOTES:
        add_note(col, deck, front, back, notetype)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _decks(out: Path) -> dict[str, set[str]]:
    """Words carded in each deck of a ``--list`` build, by file stem."""
    return {tsv.stem: {row[1] for row in word_list_rows(tsv)} for tsv in out.glob("*.tsv")}


def _build(folder: Path, name: str, *args: object) -> dict[str, set[str]]:
    out = folder / name
    Cli(folder).ok("build", "--out", out, "--list", *args)
    return _decks(out)


def _words(decks: dict[str, set[str]]) -> set[str]:
    return set().union(*decks.values())


@pytest.fixture(scope="module")
def all_samples(folder: Path) -> dict[str, set[str]]:
    """The sample decks when nothing is known."""
    decks = _build(folder, "plain")
    assert IN_CHINESE_DECK | OTHER_FRONTS | {"跨越"} <= _words(decks)
    return decks


LETTERS = (sample("3-"), sample("4-"))  # two short samples: quick builds


@pytest.fixture(scope="module")
def letters(folder: Path) -> dict[str, set[str]]:
    """The decks of the two letters when nothing is known."""
    return _build(folder, "letters-plain", *LETTERS)


def _minus(decks: dict[str, set[str]], known: set[str]) -> dict[str, set[str]]:
    return {name: words - known for name, words in decks.items()}


@pytest.mark.anki
def test_words_of_a_deck_and_its_subdecks_lose_their_cards(folder, collection, all_samples):
    before, files = _digest(collection), sorted(collection.parent.iterdir())
    decks = _build(folder, "deck", "--known-anki", collection, "--known-deck", "中文")
    assert not IN_CHINESE_DECK & _words(decks)
    assert _words(decks) >= OTHER_FRONTS
    assert decks == _minus(all_samples, IN_CHINESE_DECK)  # nothing else changes
    assert _digest(collection) == before
    assert sorted(collection.parent.iterdir()) == files  # no -wal or -journal left either


@pytest.mark.anki
def test_known_notetype_limits_to_that_note_type(folder, collection, letters) -> None:
    before = _digest(collection)
    args = ("--known-anki", collection, "--known-notetype", "Basic (and reversed card)")
    decks = _build(folder, "notetype", *args, *LETTERS)
    assert decks == _minus(letters, REVERSED_TYPE)
    assert _digest(collection) == before


@pytest.mark.anki
def test_known_field_picks_the_field_holding_the_word(folder, collection, letters) -> None:
    decks = _build(folder, "field", "--known-anki", collection, "--known-field", "1", *LETTERS)
    assert decks == _minus(letters, {"跨越"})  # only the English-front note has Han on its back


@pytest.mark.anki
def test_without_a_deck_every_note_counts(folder, collection, letters) -> None:
    decks = _build(folder, "whole", "--known-anki", collection, *LETTERS)
    assert decks == _minus(letters, IN_CHINESE_DECK | OTHER_FRONTS)


@pytest.mark.anki
def test_known_deck_and_known_notetype_together_is_a_usage_error(folder, collection) -> None:
    args = ("--known-anki", collection, "--known-deck", "中文", "--known-notetype", "Basic")
    result = Cli(folder)("build", "--out", folder / "never", *args, *LETTERS)
    assert result.exit_code == 2
    assert "--known-deck or --known-notetype" in result.stderr
    assert not (folder / "never").exists()


@pytest.mark.anki
def test_a_missing_deck_is_a_one_line_error_naming_the_collection(folder, collection) -> None:
    result = Cli(folder)("build", "--out", folder / "never", "--known-anki", collection,
                      "--known-deck", "没有", *LETTERS)  # fmt: skip
    assert result.exit_code == 1
    assert str(collection) in result.stderr and "没有" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.anki
def test_anki_notes_in_plain_text_export(folder, collection, letters) -> None:
    from anki.collection import DeckIdLimit

    export = folder / "中文 notes.txt"
    with collection_at(folder / "exporting" / "collection.anki2") as col:
        _add_notes(col)
        deck_id = col.decks.id("中文")
        assert deck_id is not None
        col.export_note_csv(out_path=str(export), limit=DeckIdLimit(deck_id),
                            with_html=True, with_tags=True, with_deck=True,
                            with_notetype=True, with_guid=True)  # fmt: skip
    assert export.read_text(encoding="utf-8").startswith("#separator:")
    decks = _build(folder, "anki-export", "--known", export, *LETTERS)
    assert decks == _minus(letters, IN_CHINESE_DECK)


def test_pleco_export(folder, letters) -> None:
    pleco = folder / "pleco.txt"
    pleco.write_text(
        "//Letters\n欣慰\txin1wei4\tgratified\n"
        "//Letters/verbs\n奔赴[奔赴]\tben1fu4\tto rush to\n复信[複信]\tfu4xin4\tto write back\n",
        encoding="utf-8",
    )
    decks = _build(folder, "pleco", "--known", pleco, *LETTERS)
    assert decks == _minus(letters, {"欣慰", "奔赴", "复信"})


@pytest.mark.anki
def test_known_files_and_collection_add_up(folder, collection, letters) -> None:
    pleco = folder / "few.txt"
    pleco.write_text("跨越\n", encoding="utf-8")
    args = ("--known", pleco, "--known-anki", collection, "--known-deck", "其他")
    decks = _build(folder, "both", *args, *LETTERS)
    assert decks == _minus(letters, OTHER_FRONTS | {"跨越"})


def test_traditional_words_are_known_in_simplified_too(folder, letters) -> None:
    # Pleco writes 繁體[简体] when traditional is the learner's first script.
    pleco = folder / "pleco-traditional.txt"
    pleco.write_text("//信\n復信[复信]\tfu4xin4\tto write back\n", encoding="utf-8")
    listed = folder / "traditional.txt"
    listed.write_text("欣慰 奔赴\n嘉興\n", encoding="utf-8")
    decks = _build(folder, "traditional", "--known", pleco, "--known", listed, *LETTERS)
    assert decks == _minus(letters, {"复信", "欣慰", "奔赴", "嘉兴"})


@pytest.mark.anki
def test_traditional_notes_of_a_collection_count(folder, letters) -> None:
    path = folder / "traditional-profile" / "collection.anki2"
    with collection_at(path) as col:
        add_note(col, "國語", "嘉興、朝氣", "Jiaxing; vitality")
    args = ("--known-anki", path, "--known-deck", "國語")
    decks = _build(folder, "traditional-anki", *args, *LETTERS)
    assert decks == _minus(letters, {"嘉兴", "朝气"})


def test_known_deck_without_a_collection_is_a_usage_error(folder) -> None:
    result = Cli(folder)("build", "--out", folder / "never", "--known-deck", "中文", *LETTERS)
    assert result.exit_code == 2
    assert "--known-anki" in result.stderr
