"""Zip containers of XML parts (EPUB, DOCX): open them and parse parts, errors made one line.

XML namespaces differ between versions of the same format (EPUB 2/3, OOXML
transitional/strict), so elements are matched by their local name.

>>> local("{http://www.idpf.org/2007/opf}spine")
'spine'
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from flashgen.errors import InputError

# What opening a damaged, encrypted or exotic zip, or reading a member, can raise.
# ValueError: a corrupt directory gives negative member offsets ("negative seek
# value"), and a name flagged as UTF-8 that is not raises UnicodeDecodeError.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)
# The first bytes of an OLE2 compound file: an old binary .doc renamed to .docx.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def local(tag: str) -> str:
    """An element or attribute name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def attr(element: ET.Element, name: str) -> str:
    """An attribute by local name, whatever its namespace; "" when absent."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return ""


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """All descendants with this local name, in document order."""
    return [e for e in element.iter() if local(e.tag) == name]


def invalid(path: Path, kind: str, why: str) -> InputError:
    """The one error for a malformed container: ``book.epub: not a valid EPUB file (why)``."""
    return InputError(f"{path.name}: not a valid {kind} file ({why})")


def open_zip(path: Path, data: bytes, kind: str) -> zipfile.ZipFile:
    """Open the bytes as a zip archive, or explain why they are not one."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as exc:
        if data.startswith(_OLE_MAGIC):
            why = "an old binary Office file; save it as .docx"
        elif isinstance(exc, zipfile.BadZipFile):
            why = "not a zip archive, or truncated"
        else:
            why = f"damaged zip archive: {exc}"
        raise invalid(path, kind, why) from None


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> bytes:
    """The bytes of one member; a missing or damaged member is an invalid file."""
    try:
        return archive.read(name)
    except KeyError:
        raise invalid(path, kind, f"{name} is missing") from None
    except ZIP_ERRORS as exc:
        raise invalid(path, kind, f"{name} is damaged: {exc}") from None


def parse_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> ET.Element:
    """Parse one XML member into its root element."""
    try:
        return ET.fromstring(read_member(archive, name, path, kind))
    except ET.ParseError as exc:
        raise invalid(path, kind, f"{name} is not well-formed XML: {exc}") from None
