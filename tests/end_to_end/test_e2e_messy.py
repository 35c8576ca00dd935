"""Messy text end to end: it still gives clean, short examples.

Markup in a .txt, Markdown, word-processor debris and page numbers never reach
a card; mixed punctuation, Latin and digits are fine; a megabyte with no
punctuation gives short examples; a file without Chinese is a warning.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from anki_collection import Note, anki_notes
from cli_run import Cli, apkgs, flashgen_process
from e2e import visible

# An example is cut to about 60 characters plus two "…" (flashgen.words.examples.WINDOW_MAX).
MAX_EXAMPLE_CHARS = 70

HTML_TXT = """<!DOCTYPE html><html><head><title>春节习俗</title>
<style>p { color: red }</style></head><body><nav>首页 新闻 体育</nav>
<p>春节是中国最重要的<b>传统节日</b>，人们在这一天贴春联、吃饺子。</p>
<p>除夕晚上，全家人围坐在一起吃<a href="x.html">年夜饭</a>，看春节联欢晚会。</p>
<script>var a = '<p>脚本里的字</p>';</script></body></html>"""

MARKDOWN = """# 旅行日记

**第一天**我们乘坐高铁到达*杭州*，参观了[西湖](https://example.org)。

- 傍晚的雷峰塔非常壮观。
- 晚饭吃了 `东坡肉` 和龙井虾仁。

> 导游说：“上有天堂，下有苏杭。”
"""

DEBRIS = """[bookmark: _Toc30029]第一章 春节
—　1　—
春节是中国最重要的传统节日，[bookmark: _Toc30030]每到春节前夕，人们纷纷踏上回家的旅途。
第 2 页
孩子们最盼望的是收到长辈给的压岁钱!许多城市还会举办庙会,舞龙舞狮,热闹非凡.
—　2　—
2026年iPhone 17在中国市场销量增长了30%,苹果公司CEO表示满意。ＰＭ２.５浓度明显下降。
"""

# Debris that must never be part of an example.
FORBIDDEN = re.compile(r"<|>|bookmark|_Toc|—\s*\d+\s*—|第 \d+ 页|\*\*|\]\(|`|^#|^- |^> ")


def build(tmp_path: Path, name: str, text: str, level: str = "beginner") -> list[Note]:
    """Build one file (by default at the beginner level: every common word gets a card)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = Cli(tmp_path).build(tmp_path / name, "--out", tmp_path / "out", "--level", level)
    assert result.exit_code == 0, result.output
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "out"))
    assert notes
    return notes


def assert_good_examples(notes: list[Note]) -> None:
    """Every example is short, clean, and shows its headword (as simplified or as written)."""
    for note in notes:
        example = visible(note.fields["Example"])
        assert len(example) <= MAX_EXAMPLE_CHARS, example
        assert not FORBIDDEN.search(example), example
        assert note.fields["Simplified"] in example or note.fields["Traditional"] in example


@pytest.mark.anki
@pytest.mark.parametrize(
    ("name", "text", "gone"),
    [
        ("page.txt", HTML_TXT, ["首页", "脚本", "color"]),
        ("diary.md", MARKDOWN, ["https"]),
        ("debris.txt", DEBRIS, []),
    ],
    ids=["html-in-txt", "markdown", "docx-debris"],
)
def test_markup_and_debris_never_reach_an_example(
    tmp_path: Path, name: str, text: str, gone: list[str]
) -> None:
    notes = build(tmp_path, name, text)
    assert_good_examples(notes)
    for note in notes:
        assert not any(g in visible(note.fields["Example"]) for g in gone)


@pytest.mark.anki
def test_html_in_a_txt_file_is_titled_by_its_page_title(tmp_path: Path) -> None:
    assert {n.deck for n in build(tmp_path, "page.txt", HTML_TXT)} == {"flashgen::春节习俗"}


@pytest.mark.anki
def test_mixed_punctuation_latin_and_digits_keep_their_sentences(tmp_path: Path) -> None:
    notes = build(tmp_path, "debris.txt", DEBRIS, "intermediate")
    examples = {visible(n.fields["Example"]) for n in notes}
    # Half-width "!" ends a sentence like "！"; full-width Latin and digits become ASCII.
    assert "孩子们最盼望的是收到长辈给的压岁钱!" in examples
    assert any("PM2.5" in e for e in examples)
    assert not any("ＰＭ" in e for e in examples)


def test_a_file_without_chinese_is_a_warning_not_a_failure(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text("Hello world. Nothing to learn here.\n")
    (tmp_path / "春节.txt").write_text(DEBRIS, encoding="utf-8")
    result = cli.build(tmp_path / "english.txt", tmp_path / "春节.txt", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "english.txt: no Chinese text" in result.stderr
    assert [p.name for p in apkgs(tmp_path / "out")] == ["第一章 春节.apkg"]


def test_a_file_with_nothing_but_english_writes_no_deck_and_exits_0(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "english.txt").write_text("Hello world.\n")
    result = cli.build(tmp_path / "english.txt", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "english.txt" in result.stderr
    assert apkgs(tmp_path / "out") == []


# -- a very long line without punctuation --------------------------------------

UNPUNCTUATED = (
    "春节是中国最重要的传统节日每到春节前夕在外地工作的人们纷纷踏上回家的旅途与家人团聚"
    "除夕晚上全家人围坐在一起吃年夜饭包饺子看春节联欢晚会孩子们最盼望的是收到长辈给的压岁钱"
)


def _one_line(size_bytes: int) -> str:
    return UNPUNCTUATED * (size_bytes // len(UNPUNCTUATED.encode()) + 1)


@pytest.mark.anki
def test_a_long_line_without_punctuation_gives_short_examples(tmp_path: Path) -> None:
    notes = build(tmp_path, "long.txt", _one_line(5_000))
    assert_good_examples(notes)


@pytest.mark.anki
def test_the_example_pinyin_and_traditional_are_cut_like_the_example(tmp_path: Path) -> None:
    notes = build(tmp_path, "long.txt", _one_line(6_000))
    for note in notes:
        shown = visible(note.fields["Example"])
        assert len(visible(note.fields["ExampleTraditional"])) <= len(shown) + 2
        assert len(note.fields["ExamplePinyin"].split()) <= len(shown)


@pytest.mark.anki
def test_a_megabyte_line_without_punctuation_builds_in_reasonable_time(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text(_one_line(1_000_000), encoding="utf-8")
    out = tmp_path / "out"
    try:
        done = flashgen_process(
            "build",
            tmp_path / "huge.txt",
            "--out",
            out,
            cwd=tmp_path,
            timeout=25,  # ~3 s to start and ~8 s of analysis here: room for slower machines
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a 1 MB line took more than 25 s")
    assert done.returncode == 0, done.stderr
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(out))
    assert notes
    assert_good_examples(notes)
