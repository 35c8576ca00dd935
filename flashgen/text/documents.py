"""Documents in: find the inputs, read and decode them, pick a title, split sentences.

A document is one text file (or shipped sample, or chapter of a book with
``--split chapters``). Plain text is decoded by :mod:`flashgen.text.decode` and
cleaned of word-processor debris by :mod:`flashgen.text.clean`; other formats are
read by :mod:`flashgen.text.formats`. A text file's title is its first line when that
line is a short heading, else the file name.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashgen import resources
from flashgen.errors import InputError
from flashgen.models import Document, Sentence
from flashgen.text.clean import clean_text
from flashgen.text.decode import decode_bytes

# A heading is short: the longest title among the shipped samples has 33
# characters; 60 leaves room for long headlines while rejecting body paragraphs.
_MAX_TITLE_CHARS = 60
# Sentence ends. The closing quote or bracket after an end mark stays with it.
_SENTENCE = re.compile(r"[^。！？；…!?;]*(?:[。！？；…!?;]+[”’」』）)\"']*|$)")
_TITLE_END = re.compile(r"[。！？；，,.!?;]$")

TEXT_SUFFIXES = frozenset({".txt", ".text"})


@dataclass(frozen=True)
class Source:
    """Where a document's bytes come from: a file, a shipped sample, or stdin."""

    name: str  # the file name, for messages and output names
    path: Path | None = None
    sample: str | None = None

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def read_bytes(self) -> bytes:
        if self.sample is not None:
            return resources.sample_bytes(self.sample)
        if self.path is None:
            return sys.stdin.buffer.read()
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from exc


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that is not a document flashgen reads."""

    path: Path


def _readable(path: Path) -> bool:
    from flashgen.text.formats import is_supported

    return path.suffix.lower() in TEXT_SUFFIXES or is_supported(path)


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
        if str(path) == "-":
            yield Source(name=stdin_name)
        elif path.is_dir():
            for child in sorted(path.iterdir()):
                if child.name.startswith("."):
                    continue
                if child.is_file() and _readable(child):
                    yield Source(name=child.name, path=child)
                elif child.is_file():
                    yield Skipped(child)
        elif path.is_file():
            if _readable(path):
                yield Source(name=path.name, path=path)
            else:
                yield InputError(f"{path}: unsupported file type {path.suffix or '(no suffix)'}")
        elif not path.exists():
            yield InputError(f"{path}: no such file or folder")
        else:
            yield InputError(f"{path}: not a regular file")


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
    """How to read inputs: forced encoding, a title for stdin, chapters as documents."""

    encoding: str | None = None
    title: str | None = None
    split_chapters: bool = False


@dataclass(frozen=True)
class Loaded:
    """The documents read from one source, and the encoding used when not UTF-8."""

    documents: tuple[Document, ...]
    encoding: str | None = None


def read_source(source: Source, options: ReadOptions) -> Loaded:
    """Read one source into documents (a book split by chapters gives several)."""
    data = source.read_bytes()
    stem = Path(source.name).stem
    origin = f"sample:{source.sample}" if source.sample else str(source.path or "stdin")
    used: list[str] = []
    docs: tuple[Document, ...]

    def decode(raw: bytes, name: str) -> str:
        decoded = decode_bytes(raw, name, options.encoding)
        used.append(decoded.encoding)
        return decoded.text

    from flashgen.text.formats import is_supported

    if not is_supported(Path(source.name)):  # plain text, stdin included
        docs = (_text_document(decode(data, source.name), stem, origin, options.title),)
    else:
        from flashgen.text.formats import read_parts

        parts = read_parts(
            Path(source.name), data, split_chapters=options.split_chapters, decode=decode
        )
        docs = tuple(
            Document(
                title=_part_title(part.title or options.title or stem, part.chapter),
                text="\n".join(clean_text(line) for line in part.lines),
                source=origin,
                name=stem if part.chapter is None else f"{stem}-{i + 1:03d}",
                labels=part.labels,
                group=(part.title or stem) if part.chapter is not None else "",
            )
            for i, part in enumerate(parts)
        )
    encoding = used[0] if used and used[0] not in ("utf-8", "utf-8-sig", "ascii") else None
    return Loaded(docs, encoding)


def _part_title(title: str, chapter: str | None) -> str:
    title = title.replace("::", ":")
    return title if chapter is None else f"{title}::{chapter.replace('::', ':')}"


def _text_document(text: str, stem: str, origin: str, title: str | None) -> Document:
    from flashgen.text.markup import html_title, html_to_lines, looks_like_html

    if looks_like_html(text):
        heading = html_title(text)
        text = "\n".join(html_to_lines(text))
        title = title or heading or None
    text = clean_text(text)
    return Document(
        title=(title or title_of(text, stem)).replace("::", ":"),
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
