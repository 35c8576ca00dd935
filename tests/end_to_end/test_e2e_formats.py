"""Input formats end to end: each through ``flashgen build`` into real Anki.

Every card's example is clean text from the document's own prose (no markup,
no timing lines, no navigation or table of contents); subtitle cards name the
episode and the time code; a malformed file of any format is a one-line error
and the other documents of the run are still built.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from anki_collection import Note, anki_notes
from cli_run import Cli, apkgs, error_lines
from e2e import visible

# -- fixtures: small but realistic documents of each format -------------------

SRT = """1
00:00:01,000 --> 00:00:03,500
{\\an8}<i>欢迎收看城市故事第一集。</i>

2
00:00:04,000 --> 00:00:07,000
<font color="#ffff00">今天我们去参观</font>
一座古老的寺庙。

3
00:00:07,500 --> 00:00:10,000
- 这座寺庙有八百年的历史。
- 真是了不起！

4
00:01:10,250 --> 00:01:13,000
导游详细介绍了建筑的风格和装饰。

5
00:02:03,004 --> 00:02:06,000
游客们纷纷拿出手机拍照留念。
"""
SRT_LINES = {
    "00:00:01": "欢迎收看城市故事第一集。",
    "00:00:04": "今天我们去参观一座古老的寺庙。",
    "00:00:07": "这座寺庙有八百年的历史。 真是了不起！",
    "00:01:10": "导游详细介绍了建筑的风格和装饰。",
    "00:02:03": "游客们纷纷拿出手机拍照留念。",
}

VTT = """WEBVTT - 第二集

STYLE
::cue { color: yellow; }

NOTE 这是注释，不是字幕

intro
00:00.500 --> 00:03.000 align:start position:10%
<v 老师>同学们好，今天我们讨论气候变化。</v>

00:00:03.000 --> 00:00:06.000
<c.yellow>冰川融化</c>导致海平面不断上升。

00:05:00.000 --> 00:05:04.000
科学家呼吁各国<00:05:01.000><c>减少碳排放。</c>
"""
VTT_LINES = {
    "00:00:00": "同学们好，今天我们讨论气候变化。",
    "00:00:03": "冰川融化导致海平面不断上升。",
    "00:05:00": "科学家呼吁各国减少碳排放。",
}

ASS = """[Script Info]
Title: 第三集 茶馆
ScriptType: v4.00+

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:05.00,0:00:07.00,Default,王利发,0,0,0,,{\\fad(200,200)}您来了，里边请！\\NWelcome!
Comment: 0,0:00:06.00,0:00:07.00,Default,,0,0,0,,这是译者的注释
Dialogue: 0,0:00:08.00,0:00:09.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100{\\p0}
Dialogue: 0,0:01:08.00,0:01:12.00,Default,,0,0,0,,{\\i1}莫谈国事{\\i0}，掌柜的吩咐伙计贴上告示。
Dialogue: 0,0:02:30.00,0:02:34.00,Default,,0,0,0,,茶馆里的客人议论着物价飞涨。
"""
ASS_LINES = {
    "00:00:05": "您来了，里边请！",
    "00:01:08": "莫谈国事，掌柜的吩咐伙计贴上告示。",
    "00:02:30": "茶馆里的客人议论着物价飞涨。",
}

HTML = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>垃圾分类_新华网</title><style>.x:before { content: "样式文字"; }</style>
<script>var tracker = "脚本文字";</script></head><body>
<header class="site-header"><a href="/">新华网首页</a>
<ul class="mainMenu"><li>国内</li></ul></header>
<nav>导航文字</nav><main><article><header><h1>垃圾分类</h1></header>
<p>上海市自二〇一九年起实施<b>生活垃圾</b>强制分类<sup><a href="#n1">[1]</a></sup>。</p>
<p>居民需要把厨余垃圾和可回收物分开投放，<a href="/x">志愿者</a>在投放点耐心指导。</p>
<p>经过几年的努力，资源回收率显著提高。</p>
<div class="share-buttons">分享到微博</div></article></main>
<footer>版权所有 新华网</footer></body></html>"""
HTML_PROSE = [
    "上海市自二〇一九年起实施生活垃圾强制分类。",
    "居民需要把厨余垃圾和可回收物分开投放，志愿者在投放点耐心指导。",
    "经过几年的努力，资源回收率显著提高。",
]
HTML_CHROME = ["首页", "国内", "导航", "分享", "版权", "脚本", "样式", "[1]"]

MARKDOWN = """---
title: 读书笔记
---

# 读书笔记

**围城**是钱锺书的*长篇小说*，讽刺了[知识分子](https://example.org)的虚伪。

- 主人公方鸿渐留学归国后处处碰壁。
- 书中的比喻幽默而辛辣。

```python
print("代码不是课文")
```

<!-- 作者的注释 -->
"""
MARKDOWN_PROSE = [
    "读书笔记",
    "围城是钱锺书的长篇小说，讽刺了知识分子的虚伪。",
    "主人公方鸿渐留学归国后处处碰壁。",
    "书中的比喻幽默而辛辣。",
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


DOCX_PROSE = [
    "端午节的由来",
    "端午节是为了纪念爱国诗人屈原。",
    "人们在这一天赛龙舟、吃粽子，祈求平安健康。",
]


def make_docx(paragraphs: list[str]) -> bytes:
    """A minimal Word document with a header part that must not be read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        body = "".join(_para(p) for p in paragraphs)
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/header1.xml", f"<w:hdr {W}>{_para('页眉文字机密')}</w:hdr>")
    return buffer.getvalue()


BOOK = "朝花夕拾"
CHAPTERS = {
    "狗猫鼠": ["我的仇猫，是在结婚之后。", "那时我还小，隐鼠是我最喜爱的小动物。"],
    "阿长与山海经": ["长妈妈，已经说过，是一个一向带领着我的女工。", "她教给我许多道理。"],
}


def make_epub(chapters: dict[str, list[str]]) -> bytes:
    """An EPUB 3 book: nav document, a table-of-contents page, chapters in the spine."""
    files = {
        f"c{i}.xhtml": f"<h1>{title}</h1>" + "".join(f"<p>{line}</p>" for line in lines)
        for i, (title, lines) in enumerate(chapters.items())
    }
    links = "".join(f'<li><a href="{n}">{t}</a></li>' for n, t in zip(files, chapters, strict=True))
    files["toc.xhtml"] = "<h1>目录</h1><ol>" + links + '<li><a href="c0.xhtml">附录页</a></li></ol>'
    page = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>书</title></head><body>{}</body></html>'
    nav = '<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol>{}</ol></nav>'
    items = "".join(
        f'<item id="i{i}" href="{n}" media-type="application/xhtml+xml"/>'
        for i, n in enumerate(files)
    )
    spine = '<itemref idref="nav"/>' + "".join(
        f'<itemref idref="i{i}"/>' for i in [len(files) - 1, *range(len(files) - 1)]
    )
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata
xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{BOOK}</dc:title></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml"
properties="nav"/>{items}</manifest><spine>{spine}</spine></package>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr(
            "META-INF/container.xml",
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf"/></rootfiles></container>',
        )
        z.writestr("content.opf", opf)
        z.writestr("nav.xhtml", page.format(nav.format(links)))
        for name, body in files.items():
            z.writestr(name, page.format(body))
    return buffer.getvalue()


BOOK_PROSE = [line for lines in CHAPTERS.values() for line in lines] + list(CHAPTERS)


# -- helpers ------------------------------------------------------------------


def built(tmp_path: Path, name: str, data: bytes, *options: str) -> list[Note]:
    """Build one file at the beginner level (small fixtures have few rare words); its notes."""
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out"
    result = Cli(tmp_path).build(source, "--out", out, "--level", "beginner", *options)
    assert result.exit_code == 0, result.output
    notes = anki_notes(tmp_path / "collection.anki2", *apkgs(out))
    assert notes, f"no notes from {name}"
    return notes


def assert_examples_from(notes: list[Note], prose: list[str]) -> None:
    """Each example is plain text cut from one line of the document's prose."""
    for note in notes:
        example = visible(note.fields["Example"]).strip("…")
        assert "<" not in example and "-->" not in example and "{\\" not in example
        assert any(example in line for line in prose), f"{example!r} is not from the prose"


# -- each format --------------------------------------------------------------

SUBTITLES = [
    ("城市故事 第1集.srt", SRT, SRT_LINES, "城市故事 第1集"),
    ("气候.vtt", VTT, VTT_LINES, "气候"),
    ("teahouse.ass", ASS, ASS_LINES, "第三集 茶馆"),  # an ASS file names its episode
]


@pytest.mark.anki
@pytest.mark.parametrize(("name", "text", "cues", "episode"), SUBTITLES, ids=["srt", "vtt", "ass"])
def test_subtitle_cards_name_the_episode_and_the_time_code(
    tmp_path: Path, name: str, text: str, cues: dict[str, str], episode: str
) -> None:
    notes = built(tmp_path, name, text.encode())
    assert {n.deck for n in notes} == {f"flashgen::{episode}"}
    assert_examples_from(notes, list(cues.values()))
    for note in notes:
        source = visible(note.fields["Source"])
        m = re.fullmatch(rf"{re.escape(episode)} (\d\d:\d\d:\d\d)", source)
        assert m, f"Source {source!r} does not name the episode and a time code"
        example = visible(note.fields["Example"]).strip("…")
        assert example in cues[m.group(1)], f"{example!r} is not said at {m.group(1)}"


@pytest.mark.anki
def test_a_web_page_gives_its_article_not_its_chrome(tmp_path: Path) -> None:
    notes = built(tmp_path, "page.html", HTML.encode())
    assert {n.deck for n in notes} == {"flashgen::垃圾分类"}
    assert_examples_from(notes, HTML_PROSE)
    for note in notes:
        assert not any(chrome in note.fields["Example"] for chrome in HTML_CHROME)


@pytest.mark.anki
def test_markdown_notes_lose_their_markup_and_code(tmp_path: Path) -> None:
    notes = built(tmp_path, "notes.md", MARKDOWN.encode())
    assert {n.deck for n in notes} == {"flashgen::读书笔记"}
    assert_examples_from(notes, MARKDOWN_PROSE)
    assert not any("代码" in n.fields["Example"] or "*" in n.fields["Example"] for n in notes)


@pytest.mark.anki
def test_a_word_document_gives_its_body(tmp_path: Path) -> None:
    notes = built(tmp_path, "端午.docx", make_docx(DOCX_PROSE))
    assert {n.deck for n in notes} == {"flashgen::端午"}
    assert_examples_from(notes, DOCX_PROSE)


@pytest.mark.anki
def test_a_book_gives_its_chapters_not_its_table_of_contents(tmp_path: Path) -> None:
    notes = built(tmp_path, "book.epub", make_epub(CHAPTERS))
    assert {n.deck for n in notes} == {f"flashgen::{BOOK}"}
    assert_examples_from(notes, BOOK_PROSE)
    assert not any("目录" in n.fields["Example"] or "附录页" in n.fields["Example"] for n in notes)


@pytest.mark.anki
def test_split_chapters_makes_one_subdeck_per_chapter_in_one_package(tmp_path: Path) -> None:
    notes = built(tmp_path, "book.epub", make_epub(CHAPTERS), "--split", "chapters")
    assert len(apkgs(tmp_path / "out")) == 1
    assert {n.deck for n in notes} == {f"flashgen::{BOOK}::{c}" for c in CHAPTERS}
    for note in notes:
        chapter = note.deck.rsplit("::", 1)[1]
        example = visible(note.fields["Example"]).strip("…")
        assert any(example in line for line in [chapter, *CHAPTERS[chapter]])


@pytest.mark.anki
def test_standard_input_is_a_document_titled_by_title(cli: Cli, tmp_path: Path) -> None:
    text = "今天下午，图书馆举办了一场关于传统书法的讲座，吸引了许多学生参加。"
    out = tmp_path / "out"
    result = cli.build(
        "-", "--title", "书法讲座", "--out", out, "--level", "beginner", input=text.encode()
    )
    assert result.exit_code == 0, result.output
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(out))
    assert notes and {n.deck for n in notes} == {"flashgen::书法讲座"}
    assert_examples_from(notes, [text])


# -- malformed files ----------------------------------------------------------


def shifted_directory(data: bytes) -> bytes:
    """The zip with its end record pointing past the real central directory.

    Python's zipfile then computes negative member offsets and fails with
    ``ValueError: negative seek value`` when a member is read.
    """
    end = data.rindex(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    return data[: end + 16] + (offset + 1000).to_bytes(4, "little") + data[end + 20 :]


def undecodable_name(data: bytes) -> bytes:
    """The zip with a member name flagged as UTF-8 that is not UTF-8 (``UnicodeDecodeError``)."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as z:
        z.writestr("插图.txt", "x")
    return buffer.getvalue().replace("插图".encode(), b"\xaa" * 6)


MALFORMED = {
    "shifted.epub": shifted_directory(make_epub(CHAPTERS)),
    "shifted.docx": shifted_directory(make_docx(DOCX_PROSE)),
    "badname.epub": undecodable_name(make_epub(CHAPTERS)),
    "broken.epub": make_epub(CHAPTERS)[:300],
    "notes.srt": "这不是字幕文件，没有时间轴。\n只是两行字。\n".encode(),
    "notes.vtt": "WEBVTT\n\n没有任何时间轴的字幕。\n".encode(),
    "empty.ass": "[Script Info]\nTitle: 空\n\n[Events]\n没有对白。\n".encode(),
    "noise.html": bytes(range(256)) * 8,
    "noise.md": b"\x00\x01\x02\x03" * 500,
    "old.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
}


@pytest.mark.anki
@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_file_is_one_line_error_and_the_others_are_built(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(MALFORMED[name])
    (folder / "good.md").write_bytes(MARKDOWN.encode())
    result = cli.build(folder, "--out", tmp_path / "out", "--level", "beginner")
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert name in error
    assert [p.name for p in apkgs(tmp_path / "out")] == ["读书笔记.apkg"]
    assert anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "out"))


@pytest.mark.anki
def test_a_chapter_cards_source_names_the_book_and_the_chapter_once(tmp_path: Path) -> None:
    notes = built(tmp_path, "book.epub", make_epub(CHAPTERS), "--split", "chapters")
    for note in notes:
        chapter = note.deck.rsplit("::", 1)[1]
        source = visible(note.fields["Source"])
        assert "::" not in source and source.count(chapter) == 1 and BOOK in source
