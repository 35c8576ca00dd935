"""Subtitles: the spoken lines only, each labelled with its cue's start time."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from testdata import DATA, Case, cases

from flashgen.errors import InputError
from flashgen.text.formats import read_parts

FORMATS = DATA / "formats"


@pytest.mark.parametrize("case", cases("subtitle_cases.json"))
def test_golden_subtitle_files(case: Case) -> None:
    [part] = read_parts(DATA / case.input)
    assert part.title == case.expected["title"]
    assert [list(pair) for pair in zip(part.labels, part.lines, strict=True)] == case.expected[
        "lines"
    ]


def test_labels_run_alongside_lines() -> None:
    [part] = read_parts(FORMATS / "episode01.srt")
    assert len(part.labels) == len(part.lines) > 0


def test_utf16_with_bom_is_read() -> None:
    text = (FORMATS / "episode01.srt").read_text(encoding="utf-8")
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    [part] = read_parts(Path("ep.srt"), data)
    assert part.lines[0] == "欢迎收看"


def test_ssa_is_read_like_ass() -> None:
    data = (FORMATS / "episode03.ass").read_bytes()
    assert read_parts(Path("ep.ssa"), data) == read_parts(FORMATS / "episode03.ass")


def test_the_caller_decodes_legacy_encodings() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\n繁體字幕\n".encode("big5")
    [part] = read_parts(Path("ep.srt"), data, decode=lambda raw, name: raw.decode("big5"))
    assert part.lines == ("繁體字幕",)


def test_an_empty_file_has_no_lines() -> None:
    assert read_parts(Path("empty.srt"), b"\n\n") == [read_parts(Path("e.vtt"), b"")[0]]
    assert read_parts(Path("empty.srt"), b"")[0].lines == ()


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("garbage.srt", "这不是字幕，只是一段文字。\n第二行".encode(), "not a valid SRT file"),
        ("garbage.ass", b"[Script Info]\nTitle: x\n", "not a valid ASS file"),
        ("noise.vtt", bytes(range(256)) * 4, "noise.vtt: not UTF-8 text"),
        ("nul.srt", b"1\n00:00:01,000 --> 00:00:02,000\n\0\0\0", "binary data"),
    ],
)
def test_malformed_subtitles_raise_one_line_input_errors(name: str, data: bytes, why: str) -> None:
    with pytest.raises(InputError) as info:
        read_parts(Path(name), data)
    assert str(info.value).startswith(f"{name}: ") and why in str(info.value)
    assert "\n" not in str(info.value)
