"""EPUB books (2 and 3): the spine's chapters in reading order, as text lines.

``META-INF/container.xml`` names the package document (OPF); its spine lists
the chapters. The navigation document, the NCX and pages that are mostly links
(tables of contents) are skipped. Chapter titles come from the book's table of
contents, else from a chapter's first heading; a spine file with neither
continues the previous chapter (converters often split long chapters in files).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from flashgen.text.formats.archive import (
    DEFAULT_MAX,
    ZIP_ERRORS,
    attr,
    children,
    invalid,
    local,
    open_zip,
    parse_member,
)
from flashgen.text.formats.part import Part
from flashgen.text.markup import first_heading, html_to_lines, join_wrapped, link_density

KIND = "EPUB"
_NCX_TYPE = "application/x-dtbncx+xml"
_PAGE_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
# A page whose visible text is mostly link text is a table of contents (chapters: ~0).
_TOC_LINK_SHARE = 0.5
# ...but a page needs a few lines to be judged: a lone "next chapter" link is not a TOC.
_TOC_MIN_LINES = 3
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)""")


@dataclass(frozen=True)
class _Item:
    """A manifest entry: the member's name in the zip, its media type and properties."""

    name: str
    media_type: str
    properties: frozenset[str]


def resolve(base: str, href: str) -> str:
    """The zip member an ``href`` in member ``base`` points to (fragment dropped).

    >>> resolve("OEBPS/text/ch1.xhtml", "../images/a%20b.png#x")
    'OEBPS/images/a b.png'
    """
    target = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def decode_page(data: bytes) -> str:
    """A chapter's markup as text: its XML declaration's encoding, else UTF-8.

    >>> decode_page('<?xml version="1.0" encoding="gbk"?><p>书</p>'.encode("gbk"))
    '<?xml version="1.0" encoding="gbk"?><p>书</p>'
    """
    encoding = "utf-8-sig"
    if m := _XML_ENCODING.match(data.lstrip(b"\xef\xbb\xbf")):
        encoding = m.group(1).decode("ascii")
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # an encoding Python does not know: UTF-8 is the EPUB rule
        return data.decode("utf-8", errors="replace")


def _package_name(book: zipfile.ZipFile, path: Path) -> str:
    """The OPF's member name, from the container file (or the only .opf, if that is missing)."""
    if "META-INF/container.xml" in book.namelist():
        container = parse_member(book, "META-INF/container.xml", path, KIND)
        for rootfile in children(container, "rootfile"):
            if attr(rootfile, "full-path"):
                return unquote(attr(rootfile, "full-path"))
    opfs = [n for n in book.namelist() if n.lower().endswith(".opf")]
    if not opfs:
        raise invalid(path, KIND, "no package document (.opf)")
    return opfs[0]


def _toc_entries(book: zipfile.ZipFile, member: str, is_nav: bool) -> list[tuple[str, str]]:
    """(member, title) pairs of the nav document's TOC or the NCX, in order; [] if unreadable."""
    try:
        root = ET.fromstring(book.read(member))
    except (KeyError, ET.ParseError, *ZIP_ERRORS):
        return []
    entries = []
    if is_nav:
        navs = children(root, "nav")
        tocs = [n for n in navs if "toc" in attr(n, "type").split()] or navs[:1]
        for nav in tocs:
            for link in children(nav, "a"):
                if attr(link, "href"):
                    title = join_wrapped("".join(link.itertext()))
                    entries.append((resolve(member, attr(link, "href")), title))
    else:
        for point in children(root, "navPoint"):
            texts = [e for e in children(point, "text")][:1]
            content = [e for e in children(point, "content")][:1]
            if texts and content and attr(content[0], "src"):
                title = join_wrapped("".join(texts[0].itertext()))
                entries.append((resolve(member, attr(content[0], "src")), title))
    return entries


def _skipped_pages(opf: ET.Element, opf_name: str, items: dict[str, _Item]) -> set[str]:
    """Members that are navigation, not text: nav document, NCX, guide/landmark TOC pages."""
    skip = {i.name for i in items.values() if "nav" in i.properties or i.media_type == _NCX_TYPE}
    for ref in children(opf, "reference"):
        if attr(ref, "type").lower() == "toc" and attr(ref, "href"):
            skip.add(resolve(opf_name, attr(ref, "href")))
    return skip


def _check_drm(book: zipfile.ZipFile, pages: set[str], path: Path) -> None:
    """Refuse a book whose chapters are encrypted (font obfuscation alone is harmless)."""
    if "META-INF/encryption.xml" not in book.namelist():
        return
    root = parse_member(book, "META-INF/encryption.xml", path, KIND)
    encrypted = {unquote(attr(ref, "URI")) for ref in children(root, "CipherReference")}
    if encrypted & pages:
        raise invalid(path, KIND, "its chapters are DRM-encrypted")


def _chapters(book: zipfile.ZipFile, path: Path) -> tuple[str, list[tuple[str, list[str]]]]:
    """The book's title and its (chapter title, lines) in reading order."""
    opf_name = _package_name(book, path)
    opf = parse_member(book, opf_name, path, KIND)
    if local(opf.tag) != "package":
        raise invalid(path, KIND, f"{opf_name} is not a package document")
    items = {
        attr(i, "id"): _Item(
            resolve(opf_name, attr(i, "href")),
            attr(i, "media-type"),
            frozenset(attr(i, "properties").split()),
        )
        for i in children(opf, "item")
    }
    titles = [join_wrapped("".join(t.itertext())) for t in children(opf, "title")]
    spine = [
        items[attr(ref, "idref")]
        for ref in children(opf, "itemref")
        if attr(ref, "idref") in items and attr(ref, "linear") != "no"
    ]
    if not spine:
        raise invalid(path, KIND, "its spine lists no chapters")
    skip = _skipped_pages(opf, opf_name, items)
    toc: dict[str, str] = {}
    for item in items.values():
        if "nav" in item.properties or item.media_type == _NCX_TYPE:
            for member, title in _toc_entries(book, item.name, "nav" in item.properties):
                toc.setdefault(member, title)
    pages = [i.name for i in spine if i.name not in skip and i.media_type in _PAGE_TYPES]
    _check_drm(book, set(pages), path)
    chapters: list[tuple[str, list[str]]] = []
    for name in pages:
        try:
            markup = decode_page(book.read(name))
        except KeyError:
            continue  # a spine entry without its file: read the rest of the book
        except ZIP_ERRORS as exc:
            raise invalid(path, KIND, f"{name} is damaged: {exc}") from None
        lines = html_to_lines(markup)
        if not lines or (len(lines) >= _TOC_MIN_LINES and link_density(markup) >= _TOC_LINK_SHARE):
            continue
        title = toc.get(name) or first_heading(markup)
        if title or not chapters:
            chapters.append((title or posixpath.splitext(posixpath.basename(name))[0], lines))
        else:
            chapters[-1][1].extend(lines)
    return (titles[0] if titles else ""), chapters


def _unique(titles: list[str]) -> list[str]:
    """Number repeated chapter titles, so that each names one chapter: 序, 序 (2)."""
    seen: dict[str, int] = {}
    out = []
    for title in titles:
        seen[title] = seen.get(title, 0) + 1
        out.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return out


def read_epub(
    path: Path, data: bytes, *, split_chapters: bool = False, max_bytes: int = DEFAULT_MAX
) -> list[Part]:
    """The book as one part, or one part per chapter; each line labelled with its chapter."""
    with open_zip(path, data, KIND, max_bytes) as book:
        title, chapters = _chapters(book, path)
    names = _unique([name for name, _ in chapters])
    if split_chapters and chapters:
        return [
            Part(title, tuple(lines), tuple(name for _ in lines), chapter=name)
            for name, (_, lines) in zip(names, chapters, strict=True)
        ]
    lines = tuple(line for _, chapter in chapters for line in chapter)
    labels = tuple(
        name for name, (_, chapter) in zip(names, chapters, strict=True) for _ in chapter
    )
    return [Part(title, lines, labels)]
