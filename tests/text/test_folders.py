"""Folders are read recursively, in a stable order; subfolders become parent decks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from anki_collection import import_package
from cli_run import Cli, deck_lines, sample

from flashgen.text.documents import Skipped, Source, find_sources

ARTICLE = sample("4-").read_text(encoding="utf-8").splitlines()[1:]


def _text(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([title, *ARTICLE]) + "\n", encoding="utf-8")
    return path


def _found(folder: Path) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (str(s.path.relative_to(folder)), s.folders)
        for s in find_sources((folder,))
        if isinstance(s, Source) and s.path is not None
    ]


def test_subfolders_are_read_in_name_order_with_their_folders(tmp_path: Path) -> None:
    for name in ("b.txt", "2024/a.txt", "2024/05/c.txt", "a.txt", ".hidden/x.txt", "2024/.d.txt"):
        _text(tmp_path / name, "标题")
    assert _found(tmp_path) == [
        ("2024/05/c.txt", ("2024", "05")),
        ("2024/a.txt", ("2024",)),
        ("a.txt", ()),
        ("b.txt", ()),
    ]


def test_a_link_loop_between_folders_is_read_once_and_said(tmp_path: Path) -> None:
    _text(tmp_path / "books" / "a.txt", "标题")
    os.symlink(tmp_path / "books", tmp_path / "books" / "again")
    found = list(find_sources((tmp_path / "books",)))
    assert [s.path.name for s in found if isinstance(s, Source) and s.path] == ["a.txt"]
    (skipped,) = [s for s in found if isinstance(s, Skipped)]
    assert "already read" in str(skipped) and "again" in str(skipped)


@pytest.mark.anki
def test_one_title_in_two_folders_gives_two_decks_under_their_folders(
    cli: Cli, anki_collection
) -> None:
    texts = cli.folder / "texts"
    _text(texts / "2023" / "letter.txt", "回信")
    _text(texts / "2024" / "letter.txt", "回信")
    result = cli.build(texts, "-o", "decks", "--level", "intermediate")
    assert result.exit_code == 0, result.output
    lines = deck_lines(result.stdout)
    assert [line.deck for line in lines] == ["flashgen::2023::回信", "flashgen::2024::回信"]
    assert lines[0].words > 0
    packages = sorted((cli.folder / "decks").glob("*.apkg"))
    assert len(packages) == 1 + (lines[1].words > 0)
    for package in packages:
        import_package(anki_collection, package)
    names = anki_collection.decks.all_names()
    assert "flashgen::2023::回信" in names and "flashgen::2023" in names
