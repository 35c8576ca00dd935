"""HTML pages and Markdown notes: the text a reader sees, nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import DATA

from flashgen.errors import InputError
from flashgen.text.formats import is_supported, read_parts
from flashgen.text.markdown import markdown_title, markdown_to_lines
from flashgen.text.markup import html_title, html_to_lines, link_density, looks_like_html

FORMATS = DATA / "formats"

NEWS_LINES = (
    "春节习俗",
    "2024年02月10日",
    "春节是中国最重要的传统节日，人们在这一天贴春联、吃饺子。",
    "除夕夜，全家人一起看春晚 & 守岁。",
    "放鞭炮",
    "拜年",
    "发红包",
    "饺子很好吃。",
    "节日",
    "日期",
    "春节",
    "正月初一",
)

NOTES_LINES = (
    "春节",
    "春节是中国最重要的传统节日，人们在这一天贴春联、吃饺子。",
    "习俗",
    "放鞭炮",
    "拜年",
    "发红包压岁钱",
    "爆竹声中一岁除，春风送暖入屠苏。",
    "词语 拼音",
    "春联 chūnlián",
    "守岁 shǒusuì",
    "网页标签里的文字保留。",
    "饺子是北方的习俗。",
)


def test_a_news_page_gives_the_article_text_only() -> None:
    [part] = read_parts(FORMATS / "news.html")
    assert part.title == "春节习俗"  # the <h1>, without the site name of <title>
    assert part.lines == NEWS_LINES


def test_a_markdown_note_gives_its_visible_text() -> None:
    [part] = read_parts(FORMATS / "notes.md")
    assert part.title == "春节笔记"  # front matter wins over the first heading
    assert part.lines == NOTES_LINES


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ('<p>词<sup><a href="#fn1">1</a></sup>语</p>', ["词语"]),
        ('<p>词<a href="#fn1"><sup>1</sup></a>语</p>', ["词语"]),
        ('<p>词<a epub:type="noteref" href="n.xhtml#n1">注</a>语</p>', ["词语"]),
        ('<p>词<a role="doc-noteref" href="#n1">*</a>语</p>', ["词语"]),
        ('<p>词<a class="footnote-ref" href="#fn1">①</a>语</p>', ["词语"]),
        ('<p>见<a href="#sec2">第二节</a>。</p>', ["见第二节。"]),
        ("<p>面积10m<sup>2</sup></p>", ["面积10m2"]),
        ('<ol><li id="fn1">注文<a href="#r1" class="footnote-back">↩︎</a></li></ol>', ["注文"]),
    ],
    ids=[
        "sup-a",
        "a-sup",
        "epub-noteref",
        "doc-noteref",
        "pandoc",
        "section-link",
        "power",
        "back",
    ],
)
def test_footnote_markers_go_and_ordinary_links_and_superscripts_stay(
    html: str, lines: list[str]
) -> None:
    assert html_to_lines(html) == lines


def test_unclosed_paragraphs_and_list_items_still_make_lines() -> None:
    assert html_to_lines("<p>一<p>二<ul><li>三<li>四</ul>五") == ["一", "二", "三", "四", "五"]


def test_pre_keeps_its_line_breaks() -> None:
    assert html_to_lines("<pre>床前明月光，\n疑是地上霜。</pre>") == [
        "床前明月光，",
        "疑是地上霜。",
    ]


def test_html_title_falls_back_to_the_first_h1() -> None:
    assert html_title("<html><body><h1>第一章</h1></body></html>") == "第一章"
    assert html_title("<title>网站</title><h1>文章</h1>") == "网站"  # unrelated h1: keep <title>
    assert html_title("<p>无题</p>") == ""


def test_markdown_title_is_the_first_level_one_heading() -> None:
    assert markdown_title("## 二级\n\n# 一级\n") == "一级"
    assert markdown_title("没有标题") == ""


def test_markdown_keeps_underscores_inside_words_and_escaped_stars() -> None:
    assert markdown_to_lines(r"file_name_here 和 \*星号\*") == ["file_name_here 和 *星号*"]


def test_link_density_tells_a_contents_page_from_a_chapter() -> None:
    toc = "".join(f'<p><a href="c{i}.html">第{i}章</a></p>' for i in range(10))
    assert link_density(toc) == 1.0
    # the page's menus are links, its article is not
    assert link_density((FORMATS / "news.html").read_text(encoding="utf-8")) < 0.25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<html><head></head><body>正文</body></html>", True),
        ("<p>一</p><p>二</p><br>三", True),
        ("数学：a<b, b>c，所以 a<c。", False),
        ("普通的文字。\n第二行。", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_supported_suffixes() -> None:
    assert all(is_supported(Path(f"x.{s}")) for s in ["html", "HTM", "md", "markdown", "docx"])
    with pytest.raises(InputError, match=r"^x\.pdf: unsupported file type \.pdf$"):
        read_parts(Path("x.pdf"), b"%PDF")


@pytest.mark.parametrize("name", ["noise.html", "noise.md"])
def test_binary_noise_is_an_input_error(name: str) -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(2000))
    with pytest.raises(InputError, match=rf"^{name}: not UTF-8 text"):
        read_parts(Path(name), noise)
    decoded = noise.decode("latin-1")  # what a lenient decoder would make of it
    with pytest.raises(InputError, match=rf"^{name}: not a valid \w+ file \(binary data\)$"):
        read_parts(Path(name), noise, decode=lambda data, _: decoded)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^gone\.html: cannot read"):
        read_parts(tmp_path / "gone.html")
