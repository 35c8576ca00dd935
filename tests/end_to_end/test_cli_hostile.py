"""Hostile inputs through ``flashgen build``: a bad document never stops the good ones.

One folder holds a good text beside a zip bomb, markup nested thousands deep,
a Word file nested 5,000 deep, a half UTF-8 half GBK file, a subtitle with a
broken timing line, a file whose name is not UTF-8, a FIFO, a dangling link, a
link loop and a link to /dev/zero: one build reads what can be read, says one
line about each of the rest, and never hangs or crashes.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_run import Cli, apkgs, child_env, command, deck_lines, error_lines, word_list_rows
from hostile import GOOD_TEXT, SENTENCE, make_epub, nested_docx, zip_bomb_epub

GBK_NAME = os.fsdecode("春节".encode("gbk"))
# Distinct texts: a word gets its note in the first document that uses it.
TEXTS = {
    "word": "科学家在实验室里研究新的疫苗，希望早日战胜疾病。",
    "mixed": "他们一起唱歌跳舞，庆祝丰收的季节。",
    "name": "图书馆的阅览室里坐满了认真复习的学生。",
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    """One build of a folder of hostile documents; (folder, out, result)."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "bomb.epub").write_bytes(zip_bomb_epub("OEBPS/c1.xhtml", 16 << 20))
    deep = "<html><body><table>" + f"<tr><td><p>{SENTENCE}" * 330 + "</table></body></html>"
    (folder / "deep.txt").write_text(deep, encoding="utf-8")
    (folder / "fonts.epub").write_bytes(make_epub(["<h1>一</h1>" + f"<font>{SENTENCE}" * 1200]))
    (folder / "word.docx").write_bytes(nested_docx("sdtContent", 5000, TEXTS["word"]))
    mixed = "农民庆祝丰收。\n".encode() + (TEXTS["mixed"] + "\n").encode("gbk")
    (folder / "mixed.txt").write_bytes(mixed * 3)
    (folder / "cues.srt").write_text(
        "1\n00:00:01.000 -> 00:00:02.000\n人们在这一天贴春联\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n大家吃饺子\n",
        encoding="utf-8",
    )
    (folder / f"{GBK_NAME}.txt").write_bytes(TEXTS["name"].encode())
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    out = root / "out"
    result = Cli(root).build(folder, "--out", out, "--list")
    return folder, out, result


def test_the_bad_documents_fail_alone(hostile_build) -> None:
    folder, out, result = hostile_build
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert error.startswith("error: bomb.epub: not a valid EPUB file (") and "zip bomb" in error
    decks = {d.deck for d in deck_lines(result.stdout)}
    names = ("good", "deep", "书", "word", "mixed", "cues", "春节")  # fonts.epub is titled 书
    assert decks == {f"flashgen::{name}" for name in names}
    assert {p.stem for p in apkgs(out)} >= {"good", "word", "cues", "春节"}


def test_skipped_entries_are_said_so(hostile_build) -> None:
    folder, _, result = hostile_build
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    for name, why in [
        ("pipe.txt", "a named pipe (FIFO)"),
        ("dangling.txt", "a broken symbolic link"),
        ("loop.txt", "a symbolic link loop"),
        ("zero.txt", "a device"),
    ]:
        assert any(n.startswith(f"note: {folder / name}: skipped, {why}") for n in notes), name
    assert "note: mixed.txt: read as utf-8 and gbk, line by line" in notes


def test_a_cue_after_a_broken_timing_line_is_carded(hostile_build) -> None:
    _, out, _ = hostile_build
    cued = {row[1] for row in word_list_rows(out / "cues.tsv")}
    assert "春联" in cued  # said only in the cue whose timing line is malformed


def test_closed_standard_input_is_one_error_and_the_file_is_built(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    args = " ".join(f"'{a}'" for a in command("build", "-", "ok.txt", "--out", "out"))
    done = subprocess.run(
        ["bash", "-c", f"exec {args} <&-"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=child_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "error: -: standard input is closed, nothing to read" in done.stderr.splitlines()
    assert [p.name for p in apkgs(tmp_path / "out")] == ["ok.apkg"]


def test_a_title_with_a_tab_is_one_line_in_the_deck_and_the_list(cli: Cli) -> None:
    result = cli.build("-", "--title", "a\tb\nc", "--list", "--out", "out", input=GOOD_TEXT)
    assert result.exit_code == 0, result.output
    assert [d.deck for d in deck_lines(result.stdout)] == ["flashgen::a b c"]
    header = (cli.folder / "out" / "a b c.tsv").read_text(encoding="utf-8").splitlines()
    assert "#deck:flashgen::a b c" in header


def test_a_title_with_triple_colons_is_no_subdeck(cli: Cli) -> None:
    result = cli.build("-", "--title", "上册:::下册", "--out", "out", input=GOOD_TEXT)
    assert [d.deck for d in deck_lines(result.stdout)] == ["flashgen::上册:下册"]


def test_title_names_only_standard_input(cli: Cli) -> None:
    (cli.folder / "notes.txt").write_text(SENTENCE + GOOD_TEXT, encoding="utf-8")
    result = cli.build("-", "notes.txt", "--title", "标题", "--out", "out", input=GOOD_TEXT)
    assert [d.deck for d in deck_lines(result.stdout)] == ["flashgen::标题", "flashgen::notes"]


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "undefined"])
def test_an_encoding_that_is_no_text_encoding_is_one_line(cli: Cli, codec: str) -> None:
    (cli.folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = cli.build("a.txt", "--encoding", codec, "--out", "out")
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"Error: --encoding {codec}: ") and "text" in line


def test_a_forced_encoding_giving_mojibake_is_warned_about(cli: Cli) -> None:
    (cli.folder / "a.txt").write_text(GOOD_TEXT * 3, encoding="utf-8")
    result = cli.build("a.txt", "--encoding", "latin-1", "--out", "out")
    assert any(
        line.startswith("note: a.txt: read as latin-1, but ") for line in result.stderr.splitlines()
    )


def test_an_unreadable_path_does_not_make_click_refuse_the_command(cli: Cli, monkeypatch) -> None:
    # As root every file is readable: click's check (os.access) is made to say no.
    (cli.folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (cli.folder / "mem.txt").symlink_to("/proc/self/mem")  # fails with EIO when read
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    result = cli.build("mem.txt", "a.txt", "--out", "out")
    assert result.exit_code == 1, result.output
    [error] = error_lines(result)
    assert error.startswith("error: mem.txt: cannot read")
    assert [p.name for p in apkgs(cli.folder / "out")] == ["a.apkg"]


def test_max_input_mb_refuses_a_large_document_and_builds_the_rest(cli: Cli) -> None:
    (cli.folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (cli.folder / "big.txt").write_text(GOOD_TEXT * 20_000, encoding="utf-8")  # 2 MB
    result = cli.build("big.txt", "a.txt", "--max-input-mb", "1", "--out", "out")
    assert result.exit_code == 1
    assert error_lines(result) == [
        "error: big.txt: more than 1 MB of input (unpacked); --max-input-mb raises the limit"
    ]
    assert [p.name for p in apkgs(cli.folder / "out")] == ["a.apkg"]
    assert "--max-input-mb" in cli.ok("build", "--help").stdout


def test_out_as_the_input_folder_does_not_read_its_own_previews(cli: Cli) -> None:
    folder = cli.folder / "texts"
    folder.mkdir()
    (folder / "春节.txt").write_text("春节\n" + GOOD_TEXT, encoding="utf-8")
    first = cli.build(folder, "--out", folder, "--preview")
    assert first.exit_code == 0 and (folder / "春节.html").exists()
    second = cli.build(folder, "--out", folder, "--preview")
    assert second.exit_code == 0
    assert [d.deck for d in deck_lines(second.stdout)] == ["flashgen::春节"]
    assert f"note: {folder / '春节.html'}: skipped, a flashgen preview" in second.stderr


def test_stats_reads_deep_markup(cli: Cli) -> None:
    (cli.folder / "deep.html").write_text(
        "<html><body>" + f"<font>{SENTENCE}" * 1200 + "</body></html>", encoding="utf-8"
    )
    result = cli("stats", "deep.html")
    assert result.exit_code == 0, result.output
    assert "deep" in result.stdout


@pytest.mark.anki
def test_a_known_field_that_no_note_has_is_warned_about(cli: Cli, anki_collection) -> None:
    from anki_collection import add_note

    add_note(anki_collection, "中文", "故宫", "palace")
    path = Path(anki_collection.path)
    anki_collection.close()
    (cli.folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = cli.build("a.txt", "--known-anki", path, "--known-field", "99", "--out", "out")
    assert result.exit_code == 0
    assert f"note: {path}: 0 known words read from field 99" in result.stderr
