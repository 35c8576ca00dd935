"""EPUB books: the spine's chapters, in order, as clean lines; navigation left out."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from flashgen.errors import InputError
from flashgen.text.formats import read_parts

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1</dc:identifier>
    <dc:title>骆驼祥子</dc:title><dc:language>zh</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="contents" href="text/contents.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1b" href="text/chapter1_split.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/cover.jpg" media-type="image/jpeg"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="cover"/><itemref idref="nav"/><itemref idref="contents"/>
    <itemref idref="c1"/><itemref idref="c1b"/><itemref idref="c2"/>
    <itemref idref="notes" linear="no"/>
  </spine>
</package>"""

NAV = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>目录</title></head><body>
<nav epub:type="toc"><h1>目录</h1><ol>
  <li><a href="text/chapter%201.xhtml">第一章 祥子</a></li>
  <li><a href="text/ch2.xhtml#top">第二章 <span>洋车</span></a></li>
</ol></nav>
<nav epub:type="landmarks"><ol><li><a epub:type="toc" href="text/contents.xhtml">目录页</a></li>
</ol></nav></body></html>"""

NCX = """<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="p1"><navLabel><text>NCX 第一章</text></navLabel>
<content src="text/chapter%201.xhtml"/></navPoint></navMap></ncx>"""


def page(body: str, title: str = "骆驼祥子") -> str:
    """A chapter file as an EPUB 3 reading system sees it."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title><style>p {{ text-indent: 2em; }}</style></head>
<body>{body}</body></html>"""


CHAPTERS = {
    "OEBPS/text/cover.xhtml": page('<div><img src="../images/cover.jpg" alt="封面"/></div>'),
    "OEBPS/text/contents.xhtml": page(
        "<h1>目录</h1>"
        + "".join(f'<p><a href="chapter%201.xhtml#s{i}">第{i}节</a></p>' for i in range(1, 6))
    ),
    "OEBPS/text/chapter 1.xhtml": page(
        """<h1>第一章</h1>
        <p>我们所要介绍的是祥子，<a epub:type="noteref" href="notes.xhtml#n1">[1]</a>不是骆驼。</p>
        <p>北平的洋车夫有许多派<sup><a href="notes.xhtml#n2">2</a></sup>：
        年轻力壮的。</p>
        <aside epub:type="footnote" id="n9"><p>页内脚注。</p></aside>"""
    ),
    "OEBPS/text/chapter1_split.xhtml": page("<p>他是个乡下人。</p><script>track()</script>"),
    "OEBPS/text/ch2.xhtml": page(
        '<h2 id="top">第二章</h2><p>恍惚的记得，<ruby>拉<rt>lā</rt></ruby>车。</p>'
    ),
    "OEBPS/text/notes.xhtml": page('<p id="n1">注释一。</p><p id="n2">注释二。</p>'),
}


def make_epub(files: dict[str, str], opf: str = OPF, stored_mimetype: bool = True) -> bytes:
    """Zip an EPUB: the mimetype first and stored, then container, package and pages."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER)
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml", NAV)
        z.writestr("OEBPS/toc.ncx", NCX)
        z.writestr("OEBPS/images/cover.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
        for name, text in files.items():
            z.writestr(name, text)
    return buffer.getvalue()


BOOK = Path("骆驼祥子.epub")
EXPECTED_LINES = (
    "第一章",
    "我们所要介绍的是祥子，不是骆驼。",
    "北平的洋车夫有许多派：年轻力壮的。",
    "他是个乡下人。",
    "第二章",
    "恍惚的记得，拉车。",
)


def test_whole_book_is_one_part_with_spine_order_and_clean_lines() -> None:
    [part] = read_parts(BOOK, make_epub(CHAPTERS))
    assert part.title == "骆驼祥子"
    assert part.lines == EXPECTED_LINES
    assert part.chapter is None


def test_each_line_is_labelled_with_its_chapter_from_the_nav_toc() -> None:
    [part] = read_parts(BOOK, make_epub(CHAPTERS))
    assert part.labels == ("第一章 祥子",) * 4 + ("第二章 洋车",) * 2


def test_split_chapters_gives_one_part_per_chapter_titled_by_the_toc() -> None:
    parts = read_parts(BOOK, make_epub(CHAPTERS), split_chapters=True)
    assert [(p.title, p.chapter) for p in parts] == [
        ("骆驼祥子", "第一章 祥子"),
        ("骆驼祥子", "第二章 洋车"),
    ]
    assert parts[0].lines == EXPECTED_LINES[:4]  # the split file continues chapter 1
    assert parts[1].lines == EXPECTED_LINES[4:]


@pytest.mark.parametrize(
    "absent",
    # the contents page is dropped for being mostly links: neither guide nor spine marks it
    ["目录", "第1节", "封面", "注释一。", "页内脚注。", "[1]", "2", "lā", "track()", "text-indent"],
)
def test_navigation_notes_and_markup_are_left_out(absent: str) -> None:
    [part] = read_parts(BOOK, make_epub(CHAPTERS))
    assert all(absent not in line for line in part.lines)


def without_toc(opf: str) -> str:
    """The package with no nav document or NCX: the nav file becomes an ordinary page."""
    opf = opf.replace('properties="nav"', "").replace(' toc="ncx"', "")
    return opf.replace('media-type="application/x-dtbncx+xml"', 'media-type="text/plain"')


def test_without_a_toc_the_first_heading_names_the_chapter() -> None:
    parts = read_parts(BOOK, make_epub(CHAPTERS, without_toc(OPF)), split_chapters=True)
    # the former nav page holds only a <nav>, so it has no text and no chapter
    assert [p.chapter for p in parts] == ["第一章", "第二章"]


def test_an_epub2_book_takes_chapter_titles_from_the_ncx() -> None:
    opf = OPF.replace('properties="nav"', "").replace('<itemref idref="nav"/>', "")
    parts = read_parts(BOOK, make_epub(CHAPTERS, opf), split_chapters=True)
    # chapter 2 has no NCX entry: its first heading names it
    assert [p.chapter for p in parts] == ["NCX 第一章", "第二章"]


def test_repeated_chapter_titles_are_numbered() -> None:
    files = dict(CHAPTERS)
    files["OEBPS/text/ch2.xhtml"] = page("<h1>第一章</h1><p>又一个第一章。</p>")
    parts = read_parts(BOOK, make_epub(files, without_toc(OPF)), split_chapters=True)
    assert [p.chapter for p in parts] == ["第一章", "第一章 (2)"]


def test_reads_the_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(make_epub(CHAPTERS))
    assert read_parts(path)[0].lines == EXPECTED_LINES


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (make_epub(CHAPTERS)[:400], "not a zip archive"),
        (b"PK\x03\x04 garbage", "not a zip archive"),
        (make_epub(CHAPTERS, opf="<package><manifest>"), "not well-formed XML"),
        (make_epub(CHAPTERS, opf=OPF.replace("<itemref", "<nothing")), "spine lists no chapters"),
    ],
    ids=["truncated", "noise", "broken-opf", "empty-spine"],
)
def test_malformed_books_raise_one_line_input_errors(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as info:
        read_parts(BOOK, data)
    message = str(info.value)
    assert message.startswith("骆驼祥子.epub: not a valid EPUB file (")
    assert why in message and "\n" not in message


def test_drm_encrypted_chapters_are_refused() -> None:
    data = make_epub(CHAPTERS)
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as z:
        z.writestr(
            "META-INF/encryption.xml",
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
            '<enc:CipherReference URI="OEBPS/text/ch2.xhtml"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>",
        )
    with pytest.raises(InputError, match="DRM"):
        read_parts(BOOK, buffer.getvalue())
