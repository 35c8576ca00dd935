"""Small generators of hostile inputs, for the ``test_hostile_*`` files and ``benchmarks/fuzz.py``.

Everything is built in memory from a few lines: no large files are stored.
"""

from __future__ import annotations

import io
import zipfile

SENTENCE = "春节是中国最重要的传统节日，人们在这一天贴春联、吃饺子。"
GOOD_TEXT = "今天我们去北京的故宫博物院参观，看到了很多珍贵的文物和古代的书画。\n"

_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def opf(chapters: int, title: str = "书") -> str:
    """A package document whose spine lists ``c1.xhtml`` ... ``cN.xhtml``."""
    items = "".join(
        f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(1, chapters + 1)
    )
    refs = "".join(f'<itemref idref="c{i}"/>' for i in range(1, chapters + 1))
    return (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
        f"</metadata><manifest>{items}</manifest><spine>{refs}</spine></package>"
    )


def chapter(body: str) -> str:
    return f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'


def make_epub(
    bodies: list[str],
    *,
    extra: dict[str, bytes] | None = None,
    container: str | bytes = _CONTAINER,
) -> bytes:
    """An EPUB with one chapter per body (HTML inside ``<body>``), deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container)
        z.writestr("OEBPS/content.opf", opf(len(bodies)))
        for i, body in enumerate(bodies, 1):
            z.writestr(f"OEBPS/c{i}.xhtml", chapter(body))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()


def make_docx(body_xml: str) -> bytes:
    """A Word document whose ``w:body`` holds ``body_xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml", f"<w:document {_W}><w:body>{body_xml}</w:body></w:document>"
        )
    return buffer.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def nested_docx(tag: str, depth: int = 5000, text: str = SENTENCE) -> bytes:
    """A Word document with ``depth`` nested ``w:sdtContent`` (or ``w:r``) around its text."""
    if tag == "sdtContent":
        inner = "<w:sdt><w:sdtContent>" * depth + para(text) + "</w:sdtContent></w:sdt>" * depth
    else:
        inner = "<w:p>" + "<w:r>" * depth + f"<w:t>{text}</w:t>" + "</w:r>" * depth + "</w:p>"
    return make_docx(inner)


def zip_bomb_epub(member: str, size: int) -> bytes:
    """An EPUB whose ``member`` inflates to ``size`` bytes of one repeated byte."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        if member != "META-INF/container.xml":
            z.writestr("META-INF/container.xml", _CONTAINER)
            z.writestr("OEBPS/content.opf", opf(1))
        with z.open(member, "w", force_zip64=True) as out:
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                out.write(block)
    return buffer.getvalue()


def zip_bomb_docx(size: int) -> bytes:
    """A Word document whose ``word/document.xml`` inflates to ``size`` bytes."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("word/document.xml", "w", force_zip64=True) as out,
    ):
        out.write(f"<w:document {_W}><w:body>".encode())
        block = b" " * (1 << 20)
        for _ in range(size >> 20):
            out.write(block)
        out.write(b"</w:body></w:document>")
    return buffer.getvalue()
