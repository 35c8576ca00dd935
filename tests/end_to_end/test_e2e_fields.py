"""End to end: the example's pinyin and traditional fields show the example's text, safely.

Both fields are HTML, so text that looks like a tag must be escaped; and the
traditional form of a common character must be the common one, not a rare
variant CC-CEDICT happens to list first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_collection import Note, anki_notes
from cli_run import Cli, apkgs
from e2e import visible


def _notes(tmp_path: Path, text: str) -> list[Note]:
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    result = Cli(tmp_path).build(
        tmp_path / "t.txt", "--out", tmp_path / "out", "--level", "beginner"
    )
    assert result.exit_code == 0, result.output
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "out"))
    assert notes
    return notes


@pytest.mark.anki
def test_text_that_looks_like_a_tag_is_escaped_in_every_example_field(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "他在黑板上写了<b>和<i>两个标签，老师说：<这个不对>。\n")
    for note in notes:
        for field in ("Example", "ExamplePinyin", "ExampleTraditional"):
            assert "<b>" in visible(note.fields[field]) or field == "ExamplePinyin"
            assert "<b>" not in note.fields[field] and "<i>" not in note.fields[field]


@pytest.mark.anki
def test_common_characters_get_their_common_traditional_form(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "我和家里人一起干活，了解了这段历史。\n")
    for note in notes:
        traditional = note.fields["ExampleTraditional"]
        assert not set(traditional) & set("咊傢乹厤"), traditional
        assert "和" in traditional and "家" in traditional
