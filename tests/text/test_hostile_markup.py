"""Hostile markup: nesting thousands deep, constructs that never close, in linear time.

HTML (and HTML-looking ``.txt``, EPUB chapters, ``stats``) nested about a
thousand levels deep used to raise RecursionError; tags, comments and
declarations left open at the end made the standard library's parser
quadratic (100 kB of ``<p <p`` took 80 s); ``<![ x>`` raised AssertionError.
The reference implementation of the old recursive walk is kept here to show
that the new one reads ordinary pages exactly as before.
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from hostile import SENTENCE, make_epub
from hypothesis import given, settings
from hypothesis import strategies as st

from flashgen.errors import InputError
from flashgen.text import markup
from flashgen.text.formats import read_parts
from flashgen.text.markup import first_heading, html_title, html_to_lines, link_density


def unclosed_table(rows: int = 330) -> str:
    """A table whose ``<td><p>`` are never closed: each row nests three levels deeper."""
    return "<html><body><table>" + f"<tr><td><p>{SENTENCE}" * rows + "</table></body></html>"


def unclosed_fonts(count: int = 1200) -> str:
    return "<html><body>" + f"<font>{SENTENCE}" * count + "</body></html>"


@pytest.mark.parametrize("page", [unclosed_table(), unclosed_fonts(), "<div>" * 5000 + "字"])
def test_deep_nesting_is_read_without_recursion(page: str) -> None:
    lines = html_to_lines(page)
    assert "".join(lines).count("春节") == page.count("春节")
    assert link_density(page) == 0.0
    assert html_title(page) == "" and first_heading(page) == ""


def test_deep_heading_and_links_are_found() -> None:
    page = "<div>" * 3000 + "<h1>标题</h1>" + '<a href="a.html">链接</a>' + "<p>正文</p>"
    assert html_title(page) == first_heading(page) == "标题"
    assert 0 < link_density(page) < 1


def test_nested_footnote_links_cost_no_more_than_flat_ones() -> None:
    started = time.perf_counter()
    html_to_lines('<a href="#n">' * 20000 + "正文")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "unit",
    ["<!--", "</", "<a", "<?", "<![CDATA[", "<a b='", '<a b="', "<a\n", "<p <p", "<a/", "<!---"],
)
def test_constructs_left_open_take_linear_time(unit: str) -> None:
    started = time.perf_counter()
    html_to_lines("<p>正文</p>" + unit * 20000)  # was 2 to 80 s each
    assert time.perf_counter() - started < 2


def test_an_open_construct_at_the_end_swallows_the_rest_as_browsers_do() -> None:
    assert html_to_lines("<p>正文</p><!-- 注释 <p>藏起来") == ["正文"]
    assert html_to_lines("<p>正文</p><img alt='x>藏起来") == ["正文"]
    assert html_to_lines("<p>价格<</p>") == ["价格<"]
    assert html_to_lines("<p>正文</p><") == ["正文", "<"]


@pytest.mark.parametrize("section", ["<![ x>", "<![foo[bar]]>", "<![", "<![if !ie]>"])
def test_malformed_marked_sections_are_comments_not_crashes(section: str) -> None:
    assert html_to_lines(f"<p>前</p>{section}<p>后</p>")[0] == "前"


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_deep_html_files_are_documents(tmp_path: Path, suffix: str) -> None:
    from flashgen.text.documents import ReadOptions, Source, read_source

    path = tmp_path / f"deep{suffix}"
    path.write_text(unclosed_table(), encoding="utf-8")
    [doc] = read_source(Source(path.name, path), ReadOptions()).documents
    assert doc.text.count("春节") == 330


def test_deep_epub_chapter_is_read() -> None:
    book = make_epub([f"<h1>第一章</h1><p>{SENTENCE}</p>", "<h1>第二章</h1>" + unclosed_fonts()])
    parts = read_parts(Path("book.epub"), book, split_chapters=True)
    assert [p.chapter for p in parts] == ["第一章", "第二章"]
    assert sum(line.count("春节") for p in parts for line in p.lines) == 1201


def test_random_bytes_as_html_are_text_or_an_error() -> None:
    import random

    rng = random.Random(15)
    for _ in range(50):
        data = bytes(rng.choice(b"<>!-/?[]'\"=a p\n\xe6\x98\xa5") for _ in range(3000))
        with contextlib.suppress(InputError):
            read_parts(Path("r.html"), data, decode=lambda b, _: b.decode("utf-8", "replace"))


# -- the walk before this change, for comparison ---------------------------------------


def _old_text(node: markup._Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_old_text(child) for child in node.children)


def _old_is_note_ref(node: markup._Node, in_sup: bool) -> bool:
    if node.tag == "sup":
        links = [c for c in node.children if isinstance(c, markup._Node) and c.tag == "a"]
        rest = "".join(c for c in node.children if isinstance(c, str)).strip()
        return bool(links) and not rest and all("#" in a.attrs.get("href", "") for a in links)
    if node.tag != "a" or "#" not in node.attrs.get("href", ""):
        return False
    return in_sup or bool(markup._NOTE_MARK.match(_old_text(node).strip()))


def _old_walk(node: markup._Node, out: markup._Lines, in_article: bool, in_sup: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.add(child)
            continue
        a = child.attrs
        skipped = (
            child.tag in markup._SKIP_TAGS
            or (child.tag in markup._CHROME_TAGS and not in_article)
            or "hidden" in a
            or a.get("aria-hidden") == "true"
            or re.search(r"display\s*:\s*none", a.get("style", ""), re.IGNORECASE)
            or a.get("role", "").lower() in markup._SKIP_ROLES
            or set(a.get("epub:type", "").lower().split()) & markup._SKIP_EPUB_TYPES
            or (markup._words(a.get("class", "")) | markup._words(a.get("id", "")))
            & markup._SKIP_NAMES
            or _old_is_note_ref(child, in_sup)
        )
        if skipped:
            continue
        tag = child.tag
        if tag == "br":
            out.brk()
        elif tag == "pre":
            out.brk()
            for row in _old_text(child).splitlines():
                out.add(row)
                out.brk()
        elif tag in markup._BLOCK:
            out.brk()
            _old_walk(child, out, in_article or tag in ("article", "main"), in_sup)
            out.brk()
        else:
            _old_walk(child, out, in_article, in_sup or tag == "sup")


def _old_lines(page: str) -> list[str]:
    out = markup._Lines()
    _old_walk(markup._parse(page), out, False, False)
    out.brk()
    return out.done


def _old_density(page: str) -> float:
    linked = total = 0

    def count(node: markup._Node, in_link: bool) -> None:
        nonlocal linked, total
        for child in node.children:
            if isinstance(child, str):
                size = len(markup.join_wrapped(child))
                total += size
                linked += size if in_link else 0
            elif child.tag not in markup._SKIP_TAGS or child.tag == "nav":
                count(child, in_link or (child.tag == "a" and "href" in child.attrs))

    count(markup._parse(page), False)
    return linked / total if total else 0.0


_TAGS = ["p", "div", "span", "b", "a", "sup", "td", "tr", "li", "pre", "nav", "h1", "article"]
_ATTRS = ["", ' href="#fn1"', ' href="b.html"', ' class="nav"', " hidden", ' role="note"']
_PIECES = st.one_of(
    st.sampled_from(["春节", "快乐", " ", "\n", "[1]", "①", "注2", "*", "&amp;", "<br>"]),
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
)
PAGES = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_the_walk_reads_pages_as_the_recursive_walk_did(page: str) -> None:
    assert html_to_lines(page) == _old_lines(page)
    assert link_density(page) == _old_density(page)


def test_the_samples_read_as_the_recursive_walk_did() -> None:
    from testdata import DATA

    for path in sorted((DATA / "formats").glob("*.htm*")):
        page = path.read_text(encoding="utf-8")
        assert html_to_lines(page) == _old_lines(page), path.name
