"""Hard-wrapped plain text: its line breaks are joined, other texts keep theirs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testdata import DATA, ROOT, SHARED, needs_shared

from flashgen.text.documents import ReadOptions, Source, read_source, split_sentences
from flashgen.text.wrapping import MIN_SHORT_WRAPS, columns, unwrap_plain, wrap_breaks

SAMPLES = sorted((ROOT / "flashgen" / "data" / "samples").glob("*.txt"))
GENRES = sorted((DATA / "genres").glob("*.txt"))
LUXUN = SHARED / "corpus" / "luxun"


def hard_wrap(text: str, width: int, indent: str = "    ") -> str:
    """The text as a plain-text editor wraps it: paragraphs indented, lines cut at WIDTH columns.

    Like an editor, it cuts anywhere between Chinese characters but moves a
    Latin word or a number to the next line whole.
    """
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = indent if paragraph.strip() else ""
        for token in re.findall(r"[A-Za-z0-9.%]+|.", paragraph):
            if line.strip() and columns(line + token) > width:
                out.append(line)
                line = ""
            line += token
        out.append(line)
    return "\n".join(out)


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize("path", SAMPLES + GENRES, ids=lambda p: p.stem)
@pytest.mark.parametrize("width", [48, 60, 72, 80])
def test_a_wrapped_article_gets_its_sentences_back(path: Path, width: int) -> None:
    lines = path.read_text("utf-8").split("\n")[1:]
    body = "\n".join(line.strip() for line in lines if line.strip())
    wrapped = hard_wrap(body, width)
    assert wrapped.count("\n") > body.count("\n")
    assert sentences(wrapped) != sentences(body)
    assert sentences(unwrap_plain(wrapped)) == sentences(body)


@pytest.mark.parametrize("path", SAMPLES + GENRES, ids=lambda p: p.stem)
def test_an_article_written_one_paragraph_per_line_is_unchanged(path: Path) -> None:
    text = path.read_text("utf-8")
    assert unwrap_plain(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # a headline on four lines of equal width above an article: 3 breaks look
        # like wraps, too few
        "习近平回信勉励中共一大纪念馆、南湖革命\n纪念馆少先队红领巾讲解员 传承红色基因\n"
        "增长知识本领 在新征程上跑好历史接力赛\n祝全国小朋友们“六一”国际儿童节快乐\n\n"
        + "新华社北京5月31日电　在“六一”国际儿童节即将到来之际，习近平给讲解员回信。\n"
        * 12,
        # a poem: short lines
        "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n" * 5,
        # a table of contents: titles of one width, but short
        "第一章　春天里的小镇\n第二章　夏天里的小镇\n第三章　秋天里的小镇\n" * 5,
    ],
    ids=["headline", "poem", "contents"],
)
def test_texts_that_are_not_wrapped_are_unchanged(text: str) -> None:
    assert unwrap_plain(text) == text


def test_an_indented_line_opens_a_paragraph() -> None:
    lines = ["    这是一段被编辑器折行的文字，它在这里断开了一个词", "    语的下一行却缩进了"]
    assert wrap_breaks(lines) == []


def test_a_document_with_few_wraps_among_many_lines_is_left_alone() -> None:
    wrapped = hard_wrap("这是一段被编辑器折行的文字，它在这里断开了一个词语。" * 2, 40)
    text = wrapped + "\n" + "\n".join(["短行。"] * 30)
    assert 0 < len(wrap_breaks(text.split("\n"))) < MIN_SHORT_WRAPS
    assert unwrap_plain(text) == text


@given(st.lists(st.text(alphabet="天地玄黄宇宙洪荒，。日月盈昃 a", max_size=40), max_size=40))
def test_only_line_breaks_and_spaces_go(lines: list[str]) -> None:
    text = "\n".join(lines)
    got = unwrap_plain(text)
    assert "".join(got.split()) == "".join(text.split())
    assert got.count("\n") <= text.count("\n")
    assert got.split("\n")[0].startswith(lines[0].rstrip()) if lines else got == ""


@needs_shared("corpus", "luxun", "故事新编.txt")
def test_a_wrapped_book_reads_with_its_words_whole(tmp_path: Path) -> None:

    source = Source(path=LUXUN / "故事新编.txt", name="故事新编.txt")
    (doc,) = read_source(source, ReadOptions()).documents
    sentences = [s.text for s in split_sentences(doc.text)]
    # 非攻: "楚国要来进攻的消" / "息，是也许已经听到了的" in the file
    assert any("楚国要来进攻的消息，" in s for s in sentences)
    assert not any(s.endswith("楚国要来进攻的消") for s in sentences)
    assert doc.text.count("\n") < 0.6 * (LUXUN / "故事新编.txt").read_text("utf-8").count("\n")


def _columns_by_unicodedata(line: str) -> int:
    """The width ``columns`` replaces: East Asian Width, W, F and A counted two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in line)


@pytest.mark.parametrize("path", SAMPLES + GENRES, ids=lambda p: p.stem)
def test_columns_agrees_with_east_asian_width_on_chinese_text(path: Path) -> None:
    lines = path.read_text("utf-8").split("\n")
    assert [columns(line) for line in lines] == [_columns_by_unicodedata(x) for x in lines]
