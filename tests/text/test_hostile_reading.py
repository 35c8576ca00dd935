"""Hostile inputs on the reading side: names, encodings, titles, folders, subtitles.

Each case used to crash, or to lose or garble text without a word; each is now
read, or skipped or refused with one line that names it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import socket
from collections.abc import Sequence
from pathlib import Path

import pytest
from hostile import GOOD_TEXT, SENTENCE

from flashgen.errors import ConfigError, InputError
from flashgen.identity import deck_id
from flashgen.text.decode import MIXED, check_encoding, decode_bytes, name_text
from flashgen.text.documents import (
    ReadOptions,
    Skipped,
    Source,
    clean_title,
    find_sources,
    read_source,
)
from flashgen.text.formats.subtitles import subtitle_lines

GBK_NAME = os.fsdecode("春节".encode("gbk"))  # a name from a Windows zip: not UTF-8


# -- names and titles ----------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / f"{GBK_NAME}.txt"
    path.write_text(SENTENCE + "\n" + GOOD_TEXT, encoding="utf-8")  # no heading line
    [item] = find_sources((tmp_path,))
    assert isinstance(item, Source) and item.name == "春节.txt"
    [doc] = read_source(item, ReadOptions()).documents
    assert doc.title == doc.name == "春节"
    assert deck_id(f"flashgen::{doc.title}")  # raised UnicodeEncodeError


def test_undecodable_name_bytes_become_replacement_characters() -> None:
    assert name_text(os.fsdecode(b"\xff\xfe-x")) == "\ufffd\ufffd-x"


def test_deck_ids_of_text_names_are_unchanged_and_surrogates_do_not_crash() -> None:
    digest = hashlib.sha256("flashgen::春节".encode()).digest()
    assert deck_id("flashgen::春节") == (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)
    assert deck_id(GBK_NAME) > 0


@pytest.mark.parametrize(
    ("title", "clean"),
    [("a\tb", "a b"), ("a\nb\r\nc", "a b c"), ("上册:::下册", "上册:下册"), ("x\u2028y", "x y")],
)
def test_titles_are_one_line_without_deck_separators(title: str, clean: str) -> None:
    assert clean_title(title) == clean


def test_title_only_names_standard_input(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    options = ReadOptions(title="我的标题")
    [doc] = read_source(Source("notes.txt", path), options).documents
    assert doc.title == "notes"
    html = tmp_path / "page.html"
    html.write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    [doc] = read_source(Source("page.html", html), options).documents
    assert doc.title == "page"


def test_a_book_title_with_colons_is_not_a_subdeck(tmp_path: Path) -> None:
    from hostile import make_epub

    path = tmp_path / "book.epub"
    path.write_bytes(make_epub([f"<h1>上:::篇</h1><p>{SENTENCE}</p>"]))
    options = ReadOptions(split_chapters=True)
    [doc] = read_source(Source("book.epub", path), options).documents
    assert doc.title == "书::上:篇"


# -- encodings -----------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "undefined", "bz2"])
def test_codecs_that_are_not_text_encodings_are_a_config_error(codec: str) -> None:
    with pytest.raises(ConfigError, match=rf"^--encoding {codec}: "):
        check_encoding(codec)
    with pytest.raises(ConfigError):
        decode_bytes(b"abc", "a.txt", codec)


def test_half_utf8_half_gbk_is_read_line_by_line() -> None:
    data = (SENTENCE + "\n").encode("utf-8") * 3 + GOOD_TEXT.encode("gbk") * 3
    decoded = decode_bytes(data, "mixed.txt")
    assert decoded.encoding == MIXED
    assert decoded.text == (SENTENCE + "\n") * 3 + GOOD_TEXT * 3


def test_binary_data_is_still_binary() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "blob.txt")


def test_a_forced_encoding_that_gives_mojibake_is_warned_about() -> None:
    decoded = decode_bytes((SENTENCE * 3).encode("utf-8"), "a.txt", "latin-1")
    assert decoded.warning.startswith("a.txt: read as latin-1, but ")
    assert "--encoding" in decoded.warning
    assert not decode_bytes((SENTENCE * 3).encode("gbk"), "a.txt", "gbk").warning


def test_the_warning_reaches_the_loaded_source(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((SENTENCE * 3).encode("utf-8"))
    loaded = read_source(Source("a.txt", path), ReadOptions(encoding="latin-1"))
    assert len(loaded.warnings) == 1


# -- folders and special files -------------------------------------------------------


def _notices(items: Sequence[object]) -> list[str]:
    return [str(i) for i in items if isinstance(i, Skipped)]


def test_special_entries_of_a_folder_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock.txt"))
        items = list(find_sources((tmp_path,)))
    assert [i.name for i in items if isinstance(i, Source)] == ["good.txt"]
    notices = _notices(items)
    expected = {
        "dangling.txt": "a broken symbolic link",
        "loop.txt": "a symbolic link loop",
        "pipe.txt": "a named pipe (FIFO)",
        "sock.txt": "a socket",
        "zero.txt": "a device",
    }
    assert len(notices) == len(expected)
    for name, why in expected.items():
        assert any(n.startswith(f"{tmp_path / name}: skipped, {why}") for n in notices), name


def test_a_symlink_loop_named_directly_is_called_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    [error] = find_sources((loop,))
    assert str(error) == f"{loop}: a symbolic link loop"


def test_a_device_named_directly_is_refused() -> None:
    [error] = find_sources((Path("/dev/zero"),))
    assert isinstance(error, InputError) and "not a document" in str(error)


def test_a_folder_that_cannot_be_searched_is_one_error(tmp_path: Path, monkeypatch) -> None:
    # As root, permissions do not apply: a folder without "x" is simulated.
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (locked / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self.parent == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    items = list(find_sources((locked, tmp_path / "ok.txt")))
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{locked}: cannot look inside this folder (permission denied): 2 files not read"
    ]
    assert [i.name for i in items if isinstance(i, Source)] == ["ok.txt"]


def test_flashgen_previews_in_an_input_folder_are_not_documents(tmp_path: Path) -> None:
    from flashgen.cards.preview import preview_html

    (tmp_path / "春节.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "春节.html").write_text(preview_html([], "", "春节"), encoding="utf-8")
    (tmp_path / "mine.html").write_text(f"<title>我的</title><p>{SENTENCE}</p>", encoding="utf-8")
    items = list(find_sources((tmp_path,)))
    assert sorted(i.name for i in items if isinstance(i, Source)) == ["mine.html", "春节.txt"]
    assert _notices(items) == [f"{tmp_path / '春节.html'}: skipped, a flashgen preview"]


def test_closed_standard_input_is_an_input_error(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match=r"^-: standard input is closed"):
        Source("stdin.txt").read_bytes()


def test_standard_input_over_the_limit_is_refused(monkeypatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 2000)))
    with pytest.raises(InputError, match="more than"):
        Source("stdin.txt").read_bytes(1000)


# -- subtitles -----------------------------------------------------------------------


def test_a_malformed_timing_line_keeps_its_cue_text() -> None:
    srt = (
        "1\n00:00:01.000 -> 00:00:02.000\n你好世界\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n再见朋友\n\n"
        "3\n00:00:05,000 --> 00:00:0\n明天见\n"
    )
    assert subtitle_lines(srt, "srt") == [
        ("00:00:01", "你好世界"),
        ("00:00:03", "再见朋友"),
        ("00:00:05", "明天见"),
    ]
