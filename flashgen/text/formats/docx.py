"""Word documents (.docx): the body's paragraphs in order, read with the standard library.

``word/document.xml`` holds the body; headers, footers, footnotes and comments
live in other parts and are not read. Deleted text (tracked changes), field
codes, text boxes and table-of-contents paragraphs are skipped; tables are read
cell by cell. Paragraph styles are matched by name through ``word/styles.xml``
because localised Word writes its own style IDs (a Chinese Word's "heading 1"
may have the ID ``1``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
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
from flashgen.text.markup import join_wrapped

KIND = "DOCX"
# Containers whose text is not in reading order (text boxes) or not text at all.
_SKIPPED = frozenset({"txbxContent", "Fallback", "drawing", "pict", "del", "instrText"})


def _style_names(doc: zipfile.ZipFile) -> dict[str, str]:
    """Style ID -> lower-case style name (``"1"`` -> ``"heading 1"``); {} if there are none."""
    try:
        root = ET.fromstring(doc.read("word/styles.xml"))
    except (KeyError, ET.ParseError, *ZIP_ERRORS):
        return {}
    names = {}
    for style in children(root, "style"):
        name = next((attr(n, "val") for n in children(style, "name")), "")
        names[attr(style, "styleId")] = name.lower()
    return names


def _runs(element: ET.Element, out: list[str]) -> None:
    """Append a paragraph's text: ``w:t`` runs, tabs as spaces, line breaks as newlines.

    A stack, not recursion: runs and content controls may nest thousands deep.
    """
    stack = list(reversed(element))
    while stack:
        child = stack.pop()
        name = local(child.tag)
        if name in _SKIPPED:
            continue
        if name == "t":
            out.append(child.text or "")
        elif name == "tab":
            out.append(" ")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("-")
        else:
            stack.extend(reversed(child))


def _style(paragraph: ET.Element, styles: dict[str, str]) -> str:
    """The paragraph's style name, lower case ("" for the default style)."""
    for props in paragraph:
        if local(props.tag) == "pPr":
            for style in props:
                if local(style.tag) == "pStyle":
                    return styles.get(attr(style, "val"), attr(style, "val").lower())
    return ""


def _is_toc_block(sdt: ET.Element) -> bool:
    """A content control that Word fills with a table of contents."""
    return any(attr(g, "val") == "Table of Contents" for g in children(sdt, "docPartGallery"))


def _paragraphs(element: ET.Element, styles: dict[str, str]) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph below ``element``, tables and controls included."""
    found: list[tuple[str, str]] = []
    stack = list(reversed(element))
    while stack:
        child = stack.pop()
        name = local(child.tag)
        if name == "p":
            style = _style(child, styles)
            if style.startswith("toc"):  # "toc 1", "toc heading": a Word table of contents
                continue
            texts: list[str] = []
            _runs(child, texts)
            for line in "".join(texts).split("\n"):
                if text := join_wrapped(line):
                    found.append((style, text))
        elif name == "sdt" and _is_toc_block(child):
            continue
        elif name not in _SKIPPED:
            stack.extend(reversed(child))
    return found


def _core_title(doc: zipfile.ZipFile) -> str:
    """The ``dc:title`` of ``docProps/core.xml``, "" when absent."""
    try:
        root = ET.fromstring(doc.read("docProps/core.xml"))
    except (KeyError, ET.ParseError, *ZIP_ERRORS):
        return ""
    return next((join_wrapped(e.text or "") for e in children(root, "title")), "")


def read_docx(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX) -> list[Part]:
    """One part: the body's lines; title from the document properties or a Title/Heading."""
    with open_zip(path, data, KIND, max_bytes) as doc:
        root = parse_member(doc, "word/document.xml", path, KIND)
        body = next((e for e in root if local(e.tag) == "body"), None)
        if body is None:
            raise invalid(path, KIND, "word/document.xml has no body")
        paragraphs = _paragraphs(body, _style_names(doc))
        title = _core_title(doc)
    if not title:
        headed = (t for s, t in paragraphs if s == "title" or s.startswith("heading"))
        title = next(headed, "")
    return [Part(title, tuple(text for _, text in paragraphs))]
