"""Encodings end to end: text in any common encoding, and in traditional script.

The same text gives the same cards whatever its encoding; a file read as
something other than UTF-8 says so; a file whose encoding cannot be told, or
that is not text, is a one-line error naming it and the other files are built.
Traditional text is keyed on simplified headwords, so the traditional and the
simplified version of a text share notes in Anki.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_collection import anki_notes
from cli_run import Cli, apkgs, error_lines
from e2e import SPRING_FESTIVAL, TAIWAN_NEWS, visible


def _traditional(text: str) -> str:
    """Taiwan-standard traditional script, as a Taiwanese writer would type it."""
    import opencc

    return str(opencc.OpenCC("s2twp").convert(text))


def _simplified(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("tw2s").convert(text))


# The essay's bytes as editors on Windows, macOS and in Taiwan save them.
ENCODED = {
    "utf-8": SPRING_FESTIVAL.encode("utf-8"),
    "utf-8-bom": SPRING_FESTIVAL.encode("utf-8-sig"),
    "utf-16-le-bom": SPRING_FESTIVAL.encode("utf-16"),  # little-endian BOM on x86
    "utf-16-be-bom": b"\xfe\xff" + SPRING_FESTIVAL.encode("utf-16-be"),
    "gb18030": SPRING_FESTIVAL.encode("gb18030"),
    "big5": _traditional(SPRING_FESTIVAL).encode("big5"),
}
# What the run says it read the file as ("" when UTF-8 and nothing is said).
ANNOUNCED = {"utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16", "gb18030": "gb", "big5": "big5"}


def build_one(tmp_path: Path, name: str, data: bytes, *options: str) -> tuple[str, list]:
    """Build one file at the intermediate level; the run's stderr and the notes in Anki."""
    source = tmp_path / name
    source.write_bytes(data)
    result = Cli(tmp_path).build(
        source, "--out", tmp_path / "out", "--level", "intermediate", *options
    )
    assert result.exit_code == 0, result.output
    return result.stderr, anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "out"))


@pytest.fixture(scope="module")
def utf8_headwords(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    _, notes = build_one(tmp_path_factory.mktemp("utf8"), "春节.txt", ENCODED["utf-8"])
    assert len(notes) >= 10
    return {n.fields["Simplified"] for n in notes}


@pytest.mark.anki
@pytest.mark.parametrize(
    "encoding",
    [
        *ENCODED,
    ],
)
def test_every_encoding_gives_the_same_headwords(
    tmp_path: Path, encoding: str, utf8_headwords: set[str]
) -> None:
    stderr, notes = build_one(tmp_path, "春节.txt", ENCODED[encoding])
    assert {n.fields["Simplified"] for n in notes} == utf8_headwords


@pytest.mark.anki
@pytest.mark.parametrize("encoding", list(ENCODED))
def test_the_encoding_is_said_when_it_is_not_utf8(tmp_path: Path, encoding: str) -> None:
    stderr, notes = build_one(tmp_path, "春节.txt", ENCODED[encoding])
    assert notes
    said = [line for line in stderr.splitlines() if "read as" in line]
    if encoding in ANNOUNCED:
        [line] = said
        assert line.startswith("note: 春节.txt: read as ") and ANNOUNCED[encoding] in line
    else:
        assert said == []


@pytest.mark.anki
def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    # "你好" in GBK is also two ordinary Big5 characters: only the user can tell.
    data = "你好".encode("gbk")
    headwords = {}
    for encoding in ("gbk", "big5"):
        folder = tmp_path / encoding
        folder.mkdir()
        options = ("--encoding", encoding, "--level", "beginner")
        stderr, notes = build_one(folder, "hi.txt", data, *options)
        assert f"hi.txt: read as {encoding}" in stderr
        headwords[encoding] = {n.fields["Simplified"] for n in notes}
    assert "你好" in headwords["gbk"] and "你好" not in headwords["big5"]


@pytest.mark.anki
def test_an_ambiguous_short_file_asks_for_encoding_and_the_others_are_built(
    cli: Cli,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hi.txt").write_bytes("你好".encode("gbk"))
    (folder / "春节.txt").write_bytes(ENCODED["gb18030"])
    result = cli.build(folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert "hi.txt" in error and "--encoding" in error
    assert anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "out"))


def test_random_bytes_named_txt_are_an_error_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    import random

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "data.txt").write_bytes(random.Random(4).randbytes(4096))
    (folder / "春节.txt").write_bytes(ENCODED["utf-8"])
    result = cli.build(folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert "data.txt" in error
    assert [p.name for p in apkgs(tmp_path / "out")] == ["春节.apkg"]


def test_an_unknown_encoding_name_is_a_one_line_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ENCODED["utf-8"])
    result = cli.build(tmp_path / "a.txt", "--out", tmp_path / "out", "--encoding", "klingon")
    assert result.exit_code != 0
    assert "klingon" in result.stderr and len(result.stderr.strip().splitlines()) == 1


# -- traditional script -------------------------------------------------------


@pytest.mark.anki
def test_traditional_text_gives_simplified_keys_and_traditional_examples(tmp_path: Path) -> None:
    stderr, notes = build_one(tmp_path, "tw.txt", TAIWAN_NEWS.encode())
    assert len(notes) >= 10
    for note in notes:
        word = note.fields["Simplified"]
        assert word == _simplified(word), f"{word} is not simplified"
        example = visible(note.fields["Example"])
        assert example.strip("…") in TAIWAN_NEWS  # the text as written: traditional
    assert any(n.fields["Simplified"] not in visible(n.fields["Example"]) for n in notes)


@pytest.mark.anki
def test_the_simplified_version_adds_no_notes_for_shared_words(cli: Cli, tmp_path: Path) -> None:
    col = tmp_path / "collection.anki2"
    (tmp_path / "tw.txt").write_text(TAIWAN_NEWS, encoding="utf-8")
    (tmp_path / "cn.txt").write_text(_simplified(TAIWAN_NEWS), encoding="utf-8")
    for name in ("tw", "cn"):
        result = cli.build(tmp_path / f"{name}.txt", "--out", tmp_path / name)
        assert result.exit_code == 0, result.output
    tw = anki_notes(col, *apkgs(tmp_path / "tw"))
    cn_alone = anki_notes(tmp_path / "cn.anki2", *apkgs(tmp_path / "cn"))
    both = anki_notes(col, *apkgs(tmp_path / "cn"))
    shared = {n.fields["Simplified"] for n in tw} & {n.fields["Simplified"] for n in cn_alone}
    assert len(shared) >= 10
    assert len(both) == len(tw) + len(cn_alone) - len(shared)
    guids = {n.fields["Simplified"]: n.guid for n in tw}
    assert all(
        guids[n.fields["Simplified"]] == n.guid
        for n in cn_alone
        if n.fields["Simplified"] in shared
    )


@pytest.mark.anki
def test_taiwan_variant_characters_are_simplified_too(tmp_path: Path) -> None:
    text = "隨著經濟的發展，人們的生活水準不斷提高，接著又出現了新的問題。\n"
    _, notes = build_one(tmp_path, "tw.txt", text.encode())
    words = {n.fields["Simplified"] for n in notes}
    assert "随着" in words and not words & {"随", "著"}
