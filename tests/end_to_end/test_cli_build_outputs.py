"""``flashgen build --list --preview`` and ``flashgen preview``, checked with real Anki.

The word lists must be an update of the packages, never a second copy: Anki's
own CSV importer reads them into a collection that already holds the decks.
"""

from __future__ import annotations

import csv
import re
import stat
from pathlib import Path

import pytest
from anki_collection import import_csv, import_package
from cli_run import HEADER_LINES, Cli, deck_lines, word_list_rows

from flashgen.cards import notetype
from flashgen.plural import words_and_cards

NOTES_COLUMN = 1 + notetype.FIELDS.index("Notes")  # the GUID comes first


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The samples built once with ``--list --preview``: the output folder and stdout."""
    cli = Cli(tmp_path_factory.mktemp("build"))
    result = cli.ok("build", "--out", cli.folder / "decks", "--list", "--preview")
    return cli.folder / "decks", result.stdout


def _stems(folder: Path, suffix: str) -> set[str]:
    return {p.stem for p in folder.glob(f"*{suffix}")}


def _cards_per_deck(stdout: str) -> dict[str, int]:
    """Words (notes) written per package, by file stem of the package."""
    return {
        Path(line.where).stem: line.words
        for line in deck_lines(stdout)
        if line.deck.startswith("flashgen::") and line.where.endswith(".apkg")
    }


def test_every_package_has_a_word_list_and_a_preview_beside_it(built) -> None:
    decks, stdout = built
    packages = _stems(decks, ".apkg")
    # A package for each document with a word of its own (the 求是 summary repeats
    # the first article: it has one new word, or none).
    assert packages == {Path(x.where).stem for x in deck_lines(stdout) if x.words}
    assert len(packages) >= 3
    assert _stems(decks, ".tsv") == packages
    assert _stems(decks, ".html") == packages
    assert sorted(re.findall(r"^preview: (.*)$", stdout, re.MULTILINE)) == sorted(
        str(decks / f"{stem}.html") for stem in packages
    )
    assert not list(decks.glob(".*"))  # no temporary files left behind


def test_word_lists_have_a_row_per_card(built) -> None:
    decks, stdout = built
    cards = _cards_per_deck(stdout)
    assert set(cards) == _stems(decks, ".apkg")
    for stem, n in cards.items():
        rows = word_list_rows(decks / f"{stem}.tsv")
        assert len(rows) == n, stem
        assert all(len(row) == 1 + len(notetype.FIELDS) for row in rows), stem
        assert len({row[0] for row in rows}) == n, stem  # one GUID per note


@pytest.fixture
def collection(built, anki_collection):
    """A fresh Anki collection holding every package of the build."""
    decks, _ = built
    for apkg in sorted(decks.glob("*.apkg")):
        import_package(anki_collection, apkg)
    return anki_collection


def _notes(col) -> dict[str, list[str]]:
    return {guid: flds.split("\x1f") for guid, flds in col.db.all("SELECT guid, flds FROM notes")}


@pytest.mark.anki
def test_importing_the_lists_adds_nothing_and_changes_nothing(built, collection) -> None:
    decks, _ = built
    before = _notes(collection)
    cards = collection.card_count()
    assert len(before) == collection.note_count()  # GUIDs are unique in the collection
    for tsv in sorted(decks.glob("*.tsv")):
        rows = word_list_rows(tsv)
        log = import_csv(collection, tsv)[1].log
        assert (len(log.new), len(log.conflicting), len(log.missing_notetype)) == (0, 0, 0)
        assert len(log.updated) == 0, tsv.name  # the list says what the package says
        assert len(log.duplicate) == len(rows), tsv.name
        assert {row[0] for row in rows} <= set(before)
    assert _notes(collection) == before
    assert collection.card_count() == cards


@pytest.mark.anki
def test_an_edited_list_updates_its_notes_in_place(built, collection, tmp_path: Path) -> None:
    decks, _ = built
    tsv = max(decks.glob("*.tsv"), key=lambda p: len(word_list_rows(p)))
    lines = tsv.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = word_list_rows(tsv)
    rows[0][NOTES_COLUMN] = "my own <b>note</b>"
    edited = tmp_path / tsv.name
    with edited.open("w", encoding="utf-8", newline="") as f:
        f.writelines(lines[:HEADER_LINES])
        csv.writer(f, delimiter="\t", lineterminator="\n").writerows(rows)
    count = collection.note_count()

    log = import_csv(collection, edited)[1].log

    assert len(log.new) == 0
    assert [note.fields[0] for note in log.updated] == [rows[0][1]]
    assert collection.note_count() == count
    note = _notes(collection)[rows[0][0]]
    assert note[notetype.FIELDS.index("Notes")] == "my own <b>note</b>"
    assert note[0] == rows[0][1]


def test_preview_pages_show_every_card_of_their_package(built) -> None:
    decks, stdout = built
    lines = [
        line
        for line in deck_lines(stdout)
        if line.deck.startswith("flashgen::") and line.where.endswith(".apkg")
    ]
    assert lines
    for line in lines:
        stem = Path(line.where).stem
        page = (decks / f"{stem}.html").read_text(encoding="utf-8")
        # A word without a definition has no Recall card: fewer cards than three a word.
        assert line.words * 2 <= line.cards <= line.words * len(notetype.templates()), stem
        assert f"{words_and_cards(line.words, line.cards)}</span>" in page, stem
        assert page.count('class="fg-note"') == line.cards, stem


def test_preview_pages_get_the_usual_file_permissions(built) -> None:
    decks, _ = built
    for page in decks.glob("*.html"):
        package = page.with_suffix(".apkg")
        assert stat.S_IMODE(page.stat().st_mode) == stat.S_IMODE(package.stat().st_mode)


def test_preview_command_writes_beside_the_package(built, cli: Cli, tmp_path: Path) -> None:
    decks, _ = built
    source = next(iter(sorted(decks.glob("*.apkg"))))
    apkg = tmp_path / source.name
    apkg.write_bytes(source.read_bytes())
    result = cli.ok("preview", apkg)
    assert result.stdout.strip() == str(apkg.with_suffix(".html"))
    assert apkg.with_suffix(".html").read_text(encoding="utf-8") == (
        source.with_suffix(".html").read_text(encoding="utf-8")
    )


def test_preview_command_writes_where_o_says(built, cli: Cli, tmp_path: Path) -> None:
    decks, _ = built
    apkg = next(iter(sorted(decks.glob("*.apkg"))))
    out = tmp_path / "page.html"
    result = cli.ok("preview", apkg, "-o", out)
    assert result.stdout.strip() == str(out)
    assert out.read_text(encoding="utf-8") == apkg.with_suffix(".html").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_preview_of_a_file_that_is_no_package_is_a_one_line_error(cli: Cli, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.apkg"
    bogus.write_text("not a zip", encoding="utf-8")
    result = cli("preview", bogus)
    assert result.exit_code == 1
    assert "notes.apkg" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "notes.html").exists()
