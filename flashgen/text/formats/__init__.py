"""Read the documents learners have (EPUB, subtitles, DOCX, HTML, Markdown) as text lines.

Each reader returns :class:`Part` records: a title and clean text lines in
reading order. A book read with ``split_chapters`` gives one part per chapter.
Readers import nothing heavy; a malformed file raises
:class:`flashgen.errors.InputError` with a one-line message naming the file.

>>> [p.lines for p in read_parts(Path("n.md"), "# 你好\\n\\n世界".encode())]
[('你好', '世界')]
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flashgen.errors import InputError
from flashgen.text.decode import bom_encoding
from flashgen.text.formats.archive import DEFAULT_MAX, too_large
from flashgen.text.formats.part import Part

SUPPORTED_SUFFIXES = frozenset(
    {".epub", ".srt", ".ass", ".ssa", ".vtt", ".html", ".htm", ".md", ".markdown", ".docx"}
)
SUBTITLE_SUFFIXES = frozenset({".srt", ".ass", ".ssa", ".vtt"})
_KINDS = {".html": "HTML", ".htm": "HTML", ".md": "Markdown", ".markdown": "Markdown"}
# Text with more control characters than this share is binary data, not a document.
_MAX_CONTROL_SHARE = 0.01

Decoder = Callable[[bytes, str], str]


def is_supported(path: Path) -> bool:
    """Whether :func:`read_parts` reads files with this name.

    >>> is_supported(Path("Book.EPUB")), is_supported(Path("notes.txt"))
    (True, False)
    """
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def decode_utf8(data: bytes, name: str) -> str:
    """Strict UTF-8, or UTF-16/32 when a byte order mark says so; the BOM is dropped.

    >>> decode_utf8(b"\\xef\\xbb\\xbf" + "字幕".encode(), "a.srt")
    '字幕'
    """
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not {encoding.upper()} text (byte {exc.start})") from None


def check_text(text: str, path: Path, kind: str) -> str:
    """Reject decoded text that is binary noise (NUL bytes, many control characters)."""
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    if "\0" in text or controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{path.name}: not a valid {kind} file (binary data)")
    return text


def read_parts(
    path: Path,
    data: bytes | None = None,
    *,
    split_chapters: bool = False,
    decode: Decoder | None = None,
    max_bytes: int = DEFAULT_MAX,
) -> list[Part]:
    """Read one document: the file at ``path``, or ``data`` if given (the suffix picks the reader).

    ``decode(data, name)`` turns the bytes of text formats into ``str``
    (default: :func:`decode_utf8`). ``split_chapters`` makes a book one part per chapter.
    ``max_bytes`` bounds the document's size, unpacked: a larger one is an InputError.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path.name}: unsupported file type {suffix or '(no suffix)'}")
    if data is None:
        try:
            with path.open("rb") as file:
                data = file.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise too_large(path.name, max_bytes)
    if suffix == ".epub":
        from flashgen.text.formats.epub import read_epub

        return read_epub(path, data, split_chapters=split_chapters, max_bytes=max_bytes)
    if suffix == ".docx":
        from flashgen.text.formats.docx import read_docx

        return read_docx(path, data, max_bytes)
    text = (decode or decode_utf8)(data, path.name)
    if suffix in SUBTITLE_SUFFIXES:
        from flashgen.text.formats.subtitles import read_subtitles

        return read_subtitles(path, check_text(text, path, suffix[1:].upper()))
    from flashgen.text.formats.textual import read_html, read_markdown

    check_text(text, path, _KINDS[suffix])
    return read_html(path, text) if _KINDS[suffix] == "HTML" else read_markdown(path, text)
