"""Bad paths end to end: each is a one-line error, and never stops the good documents.

A missing path, an unreadable file or an unwritable output folder is named in
one line; other files in a folder are skipped and said so; documents that share
a title get distinct decks; titles with characters file systems forbid still
give a package.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from anki_collection import anki_notes, collection_at
from cli_run import Cli, apkgs, error_lines
from e2e import SPRING_FESTIVAL, TAIWAN_NEWS

GOOD = "今天我们去北京的故宫博物院参观，看到了很多珍贵的文物和古代的书画。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An input folder holding one good document, ``good.txt``."""
    path = tmp_path / "in"
    path.mkdir()
    (path / "good.txt").write_text(GOOD, encoding="utf-8")
    return path


def assert_good_built(out: Path, col: Path) -> None:
    """good.txt's deck was written and imports into Anki with notes."""
    assert [p.name for p in apkgs(out)] == ["good.apkg"]
    assert anki_notes(col, *apkgs(out))


@pytest.mark.anki
def test_a_missing_path_is_an_error_and_the_others_are_built(
    cli: Cli, tmp_path: Path, folder: Path
) -> None:
    missing = tmp_path / "nowhere.txt"
    result = cli.build(missing, folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {missing}: no such file or folder"]
    assert_good_built(tmp_path / "out", tmp_path / "c.anki2")


@pytest.mark.anki
def test_other_files_in_a_folder_are_skipped_and_said_so(
    cli: Cli, tmp_path: Path, folder: Path
) -> None:
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    result = cli.build(folder, "--out", tmp_path / "out")
    assert result.exit_code == 0
    for name in ("photo.png", "scan.jpg"):
        assert any(name in line and "skipped" in line for line in result.stderr.splitlines())
    assert_good_built(tmp_path / "out", tmp_path / "c.anki2")


@pytest.mark.anki
def test_a_file_that_cannot_be_read_is_an_error_naming_it(
    cli: Cli, tmp_path: Path, folder: Path
) -> None:
    # As root, chmod 000 does not stop reading. /proc/self/mem is a regular file
    # that fails with EIO when read at offset 0 (unmapped): a real read error.
    if not Path("/proc/self/mem").is_file():
        pytest.skip("needs Linux /proc")
    unreadable = folder / "memory.txt"
    unreadable.symlink_to("/proc/self/mem")
    result = cli.build(folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert error.startswith(f"error: {unreadable}: cannot read")
    assert_good_built(tmp_path / "out", tmp_path / "c.anki2")


@pytest.mark.anki
def test_a_broken_symlink_is_an_error_naming_it(cli: Cli, tmp_path: Path, folder: Path) -> None:
    broken = tmp_path / "moved.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    result = cli.build(broken, folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert str(broken) in error
    assert_good_built(tmp_path / "out", tmp_path / "c.anki2")


@pytest.mark.parametrize("where", ["under-a-file", "is-a-file"])
def test_an_output_folder_that_cannot_be_written_is_a_one_line_error(
    cli: Cli, tmp_path: Path, folder: Path, where: str
) -> None:
    blocker = tmp_path / "decks"
    blocker.write_text("a regular file where the output folder should be")
    out = blocker / "sub" if where == "under-a-file" else blocker
    result = cli.build(folder, "--out", out)
    assert result.exit_code != 0
    [line] = result.stderr.strip().splitlines()
    assert str(out) in line and "not writable" in line
    assert blocker.read_text().startswith("a regular file")


@pytest.mark.anki
def test_documents_with_the_same_title_get_distinct_decks(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("春节\n" + SPRING_FESTIVAL, encoding="utf-8")
    (folder / "two.txt").write_text("春节\n" + TAIWAN_NEWS, encoding="utf-8")
    result = cli.build(folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    packages = apkgs(tmp_path / "out")
    assert len(packages) == 2
    notes = anki_notes(tmp_path / "c.anki2", *packages)
    decks = {n.deck for n in notes}
    assert len(decks) == 2 and all(d.startswith("flashgen::春节") for d in decks)
    with collection_at(tmp_path / "c.anki2") as col:
        ids = {col.decks.id_for_name(d) for d in decks}
    assert len(ids) == 2


@pytest.mark.anki
@pytest.mark.parametrize("title", ['春节/除夕: *团圆*? "好"', "a/b\\c<d>e|f", "CON", "..", "?*"])
def test_titles_with_forbidden_characters_give_safe_file_names(
    cli: Cli, tmp_path: Path, title: str
) -> None:
    source = tmp_path / "doc.txt"
    source.write_text(f"{title}\n{GOOD}", encoding="utf-8")
    out = tmp_path / "out"
    result = cli.build(source, "--out", out, "--level", "beginner")
    assert result.exit_code == 0, result.output
    [package] = apkgs(out)
    assert package.parent == out
    assert not set(package.stem) & set('/\\:*?"<>|') and not package.stem.startswith(".")
    assert anki_notes(tmp_path / "c.anki2", package)


@pytest.mark.anki
def test_a_fifo_given_by_name_is_an_error_not_a_hang(
    cli: Cli, tmp_path: Path, folder: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli.build(fifo, folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert str(fifo) in error
    assert_good_built(tmp_path / "out", tmp_path / "c.anki2")
