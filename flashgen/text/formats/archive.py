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

from flashgen.config import MAX_INPUT_MB
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
# A member may inflate at most this many times its compressed size once past
# _RATIO_FLOOR bytes: markup compresses 3-10 times, a zip bomb thousands of times.
MAX_RATIO = 100
# The unpacked bytes of one document unless the user says otherwise (--max-input-mb).
DEFAULT_MAX = MAX_INPUT_MB << 20
_RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 16


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


def too_large(name: str, max_bytes: int) -> InputError:
    """The one error for a document over the input limit (``--max-input-mb``)."""
    return InputError(
        f"{name}: more than {max_bytes / 2**20:g} MB of input (unpacked); "
        "--max-input-mb raises the limit"
    )


class LimitedZip(zipfile.ZipFile):
    """A zip archive whose members are read within a budget of unpacked bytes.

    ``read`` inflates a member a chunk at a time and stops as soon as the
    document's budget (``--max-input-mb``, shared by all its members) is spent,
    or the member inflates more than :data:`MAX_RATIO` times: a zip bomb costs
    a few megabytes of memory, not gigabytes.
    """

    def __init__(self, data: bytes, path: Path, kind: str, max_bytes: int) -> None:
        super().__init__(io.BytesIO(data))
        self.path, self.kind, self.max_bytes, self.left = path, kind, max_bytes, max_bytes

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        chunks: list[bytes] = []
        size = 0
        with self.open(info, pwd=pwd) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > self.left:
                    raise too_large(self.path.name, self.max_bytes)
                if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                    raise invalid(
                        self.path,
                        self.kind,
                        f"{info.filename} inflates over {MAX_RATIO} times: a zip bomb?",
                    )
                chunks.append(chunk)
        self.left -= size
        return b"".join(chunks)


def open_zip(path: Path, data: bytes, kind: str, max_bytes: int) -> LimitedZip:
    """Open the bytes as a zip archive (members read within ``max_bytes``), or say why not."""
    try:
        return LimitedZip(data, path, kind, max_bytes)
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
