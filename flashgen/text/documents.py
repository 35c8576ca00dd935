"""Documents in: find the inputs, read and decode them, pick a title, split sentences.

A document is one text file (or shipped sample, or chapter of a book with
``--split chapters``). Plain text is decoded by :mod:`flashgen.text.decode` and
cleaned of word-processor debris by :mod:`flashgen.text.clean`; other formats are
read by :mod:`flashgen.text.formats`. A text file's title is its first line when that
line is a short heading, else the file name.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from flashgen import resources
from flashgen.errors import InputError
from flashgen.models import Document, Sentence
from flashgen.text.clean import clean_text
from flashgen.text.decode import decode_bytes, name_text
from flashgen.text.formats.archive import DEFAULT_MAX, too_large

# A heading is short: the longest title among the shipped samples has 33
# characters; 60 leaves room for long headlines while rejecting body paragraphs.
_MAX_TITLE_CHARS = 60
# Sentence ends. The closing quote or bracket after an end mark stays with it.
_SENTENCE = re.compile(r"[^。！？；…!?;]*(?:[。！？；…!?;]+[”’」』）)\"']*|$)")
_TITLE_END = re.compile(r"[。！？；，,.!?;]$")

TEXT_SUFFIXES = frozenset({".txt", ".text"})
# Control characters, line and paragraph separators: a title is one line.
_TITLE_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# "::" separates deck levels in Anki: a title holds at most single colons.
_TITLE_COLONS = re.compile(r":{2,}")
# flashgen's own HTML previews, recognised when an input folder is also --out.
_PREVIEW_MARKS = (b" \xc2\xb7 flashgen preview</title>", b'<header class="fg-bar">')
_PREVIEW_HEAD = 1 << 20


@dataclass(frozen=True)
class Source:
    """Where a document's bytes come from: a file, a shipped sample, or stdin."""

    name: str  # the file name as text (see decode.name_text), for messages and output names
    path: Path | None = None
    sample: str | None = None
    # The subfolders between the folder the user named and the file (texts/2024/a.txt
    # named as texts: ("2024",)): they become parent decks, flashgen::2024::<title>.
    folders: tuple[str, ...] = ()

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def read_bytes(self, max_bytes: int | None = None) -> bytes:
        """The document's bytes; a file over ``max_bytes`` is refused without reading it all."""
        if self.sample is not None:
            return resources.sample_bytes(self.sample)
        limit = -1 if max_bytes is None else max_bytes + 1
        if self.path is None:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError("-: standard input is closed, nothing to read")
            try:
                data: bytes = stream.read(limit)
            except (OSError, ValueError) as exc:
                why = getattr(exc, "strerror", None) or exc
                raise InputError(f"-: cannot read standard input ({why})") from None
        else:
            shown = shown_path(self.path)
            try:
                with self.path.open("rb") as file:
                    data = file.read(limit)
            except OSError as exc:
                raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
        if max_bytes is not None and len(data) > max_bytes:
            raise too_large(self.name, max_bytes)
        return data


def shown_path(path: Path) -> str:
    """A path for a message: text even when the name's bytes are not UTF-8."""
    return name_text(str(path))


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that is not a document flashgen reads, and why."""

    path: Path
    why: str = "not a document flashgen reads"

    def __str__(self) -> str:
        return f"{shown_path(self.path)}: skipped, {self.why}"


def _readable(path: Path) -> bool:
    from flashgen.text.formats import is_supported

    return path.suffix.lower() in TEXT_SUFFIXES or is_supported(path)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _not_there(path: Path) -> str | None:
    """Why a path that does not resolve cannot be read: a broken link or a loop; None if absent."""
    try:
        path.lstat()
    except OSError:
        return None
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "a broken symbolic link (its target is missing)"
        return f"cannot be opened ({exc.strerror or exc})"
    return None


def _is_preview(path: Path) -> bool:
    """Whether an .html file is one of flashgen's own previews (written by ``--preview``)."""
    try:
        with path.open("rb") as file:
            head = file.read(_PREVIEW_HEAD)
    except OSError:
        return False
    return all(mark in head for mark in _PREVIEW_MARKS)


def _folder(path: Path) -> Iterator[Source | InputError | Skipped]:
    """A folder's documents, its subfolders' too, in a stable order; other entries skipped.

    Entries are taken in name order, a subfolder's documents where its name
    falls (texts/2024/ before texts/b.txt); hidden entries (a leading dot) are
    left out. A link to a folder is followed once: a folder already read
    (a link loop, or two links to one folder) is skipped with a reason.
    Subfolders are walked with a stack of their entries, not by recursion.
    """
    seen: set[tuple[int, int]] = set()
    try:
        info = path.stat()
        seen.add((info.st_dev, info.st_ino))
    except OSError:
        pass
    Walk = tuple[tuple[str, ...], Iterator[Source | InputError | Skipped | _Subfolder]]
    stack: list[Walk] = [((), _entries(path, ()))]
    while stack:
        names, entries = stack[-1]
        item = next(entries, None)
        if item is None:
            stack.pop()
        elif isinstance(item, _Subfolder):
            key = (item.info.st_dev, item.info.st_ino)
            if key in seen:
                yield Skipped(item.path, "a folder already read (a link loop or a second link)")
            else:
                seen.add(key)
                sub = (*names, name_text(item.path.name))
                stack.append((sub, _entries(item.path, sub)))
        else:
            yield item


@dataclass(frozen=True)
class _Subfolder:
    path: Path
    info: os.stat_result


def _entries(
    path: Path, folders: tuple[str, ...]
) -> Iterator[Source | InputError | Skipped | _Subfolder]:
    """The entries of one folder: documents, skipped entries, errors and subfolders."""
    shown = shown_path(path)
    try:
        entries = sorted(path.iterdir())
    except OSError as exc:
        yield InputError(f"{shown}: cannot list this folder ({exc.strerror or exc})")
        return
    denied = 0
    for child in entries:
        if child.name.startswith("."):
            continue
        try:
            info = child.stat()
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM):
                denied += 1
            else:
                yield Skipped(child, _not_there(child) or f"cannot be opened ({exc.strerror})")
            continue
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            yield _Subfolder(child, info)
        elif not stat.S_ISREG(mode):
            yield Skipped(child, _kind(mode))
        elif not _readable(child):
            yield Skipped(child)
        elif child.suffix.lower() in (".html", ".htm") and _is_preview(child):
            yield Skipped(child, "a flashgen preview")
        else:
            yield Source(name=name_text(child.name), path=child, folders=folders)
    if denied:
        yield InputError(
            f"{shown}: cannot look inside this folder (permission denied): "
            f"{denied} file{'s' if denied > 1 else ''} not read"
        )


def find_sources(
    paths: tuple[Path, ...], stdin_name: str = "stdin.txt"
) -> Iterator[Source | InputError | Skipped]:
    """Expand the user's paths into sources, in order; folders give their documents.

    A problem with one path is yielded as an :class:`InputError` so the caller
    can report it and go on; files of other kinds in a folder as :class:`Skipped`.
    ``-`` is standard input. With no paths, the shipped samples.
    """
    if not paths:
        for name in resources.sample_names():
            yield Source(name=name, sample=name)
        return
    for path in paths:
        shown = shown_path(path)
        if str(path) == "-":
            yield Source(name=stdin_name)
            continue
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            why = _not_there(path)
            if why is None and exc.errno == errno.ENOENT:
                why = "no such file or folder"
            yield InputError(f"{shown}: {why or exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            yield from _folder(path)
        elif not stat.S_ISREG(mode):
            yield InputError(f"{shown}: {_kind(mode)}, not a document")
        elif _readable(path):
            yield Source(name=name_text(path.name), path=path)
        else:
            yield InputError(f"{shown}: unsupported file type {path.suffix or '(no suffix)'}")


def clean_title(title: str) -> str:
    """A title on one line with no deck separator: breaks and tabs become spaces, ``::`` one ``:``.

    >>> clean_title("上册:::下册"), clean_title("a\\tb\\n c")
    ('上册:下册', 'a b c')
    """
    return _TITLE_COLONS.sub(":", _TITLE_BREAKS.sub(" ", title)).strip()


def title_of(text: str, fallback: str) -> str:
    """The first non-empty line when it is a short heading, else ``fallback``.

    >>> title_of("前瞻布局和发展未来产业\\n习近平\\n今天……", "a.txt")
    '前瞻布局和发展未来产业'
    >>> title_of("今天进行集体学习，内容是前瞻布局。\\n", "a")
    'a'
    """
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= _MAX_TITLE_CHARS and not _TITLE_END.search(line):
            return line
        return fallback
    return fallback


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: forced encoding, a title for stdin, chapters as documents, a limit."""

    encoding: str | None = None
    title: str | None = None
    split_chapters: bool = False
    max_bytes: int = DEFAULT_MAX  # per document, unpacked (EPUB/DOCX members too)


@dataclass(frozen=True)
class Loaded:
    """The documents read from one source, the encoding used when not UTF-8, and warnings."""

    documents: tuple[Document, ...]
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


def read_source(source: Source, options: ReadOptions) -> Loaded:
    """Read one source into documents (a book split by chapters gives several)."""
    data = source.read_bytes(options.max_bytes)
    stem = Path(source.name).stem
    origin = f"sample:{source.sample}" if source.sample else shown_path(source.path or Path("-"))
    # --title names the document read from standard input, and no other.
    title = options.title if source.path is None and source.sample is None else None
    used: list[str] = []
    warnings: list[str] = []
    docs: tuple[Document, ...]

    def decode(raw: bytes, name: str) -> str:
        decoded = decode_bytes(raw, name, options.encoding)
        used.append(decoded.encoding)
        if decoded.warning:
            warnings.append(decoded.warning)
        return decoded.text

    from flashgen.text.formats import is_supported

    if not is_supported(Path(source.name)):  # plain text, stdin included
        docs = (_text_document(decode(data, source.name), stem, origin, title),)
    else:
        from flashgen.text.formats import read_parts

        parts = read_parts(
            Path(source.name),
            data,
            split_chapters=options.split_chapters,
            decode=decode,
            max_bytes=options.max_bytes,
        )
        docs = tuple(
            Document(
                title=_part_title(clean_title(part.title) or title or stem, part.chapter),
                text="\n".join(clean_text(line) for line in part.lines),
                source=origin,
                name=stem if part.chapter is None else f"{stem}-{i + 1:03d}",
                labels=part.labels,
                group=(clean_title(part.title) or stem) if part.chapter is not None else "",
            )
            for i, part in enumerate(parts)
        )
    if source.folders:
        docs = tuple(_in_folders(d, source.folders) for d in docs)
    encoding = used[0] if used and used[0] not in ("utf-8", "utf-8-sig", "ascii") else None
    return Loaded(docs, encoding, tuple(warnings))


def _in_folders(doc: Document, folders: tuple[str, ...]) -> Document:
    """A document of a subfolder: its folders become parent decks (``2024::<title>``).

    >>> _in_folders(Document("春节", "……", "t/2024/a.txt", "a"), ("2024",)).title
    '2024::春节'
    """
    parents = "::".join(clean_title(f) or "untitled" for f in folders)
    return replace(
        doc,
        title=f"{parents}::{doc.title}",
        group=f"{parents}::{doc.group}" if doc.group else "",
    )


def _part_title(title: str, chapter: str | None) -> str:
    """A deck title: the document's, then ``::`` and the chapter's for a book's chapter."""
    title = clean_title(title) or "untitled"
    return title if chapter is None else f"{title}::{clean_title(chapter) or 'untitled'}"


def _text_document(text: str, stem: str, origin: str, title: str | None) -> Document:
    from flashgen.text.markup import html_title, html_to_lines, looks_like_html
    from flashgen.text.wrapping import unwrap_plain

    if looks_like_html(text):
        heading = html_title(text)
        text = "\n".join(html_to_lines(text))
        title = title or heading or None
    text = unwrap_plain(clean_text(text))
    return Document(
        title=_part_title(title or title_of(text, stem) or stem, None),
        text=text,
        source=origin,
        name=stem,
    )


def split_sentences(text: str) -> list[Sentence]:
    """Split on 。！？；… and line breaks, keeping each sentence's own text and line.

    >>> [(s.text, s.line) for s in split_sentences("你好。我很好！\\n谢谢")]
    [('你好。', 0), ('我很好！', 0), ('谢谢', 1)]
    """
    out: list[Sentence] = []
    for number, line in enumerate(text.split("\n")):
        for m in _SENTENCE.finditer(line):
            chunk = m.group(0).strip()
            if chunk:
                out.append(Sentence(text=chunk, index=len(out), line=number))
    return out
