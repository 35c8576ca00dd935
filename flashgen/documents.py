"""Documents in: find the files, read them, pick a title, split into sentences.

A document is one text file (or one shipped sample). Its title is its first
line when that line is a short heading, else the file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashgen import resources
from flashgen.errors import InputError
from flashgen.models import Document, Sentence

# A heading is short: the longest title among the shipped samples has 33
# characters; 60 leaves room for long headlines while rejecting body paragraphs.
_MAX_TITLE_CHARS = 60
# Sentence ends. The closing quote or bracket after an end mark stays with it.
_SENTENCE = re.compile(r"[^。！？；…!?;\n]*(?:[。！？；…!?;]+[”’」』）)\"']*|\n|$)")
_TITLE_END = re.compile(r"[。！？；，,.!?;]$")

TEXT_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class Source:
    """Where a document's bytes come from: a file, or a shipped sample."""

    name: str  # the file name, for messages and output names
    path: Path | None = None
    sample: str | None = None

    def read_bytes(self) -> bytes:
        if self.sample is not None:
            return resources.sample_bytes(self.sample)
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from exc


def find_sources(paths: tuple[Path, ...]) -> Iterator[Source | InputError]:
    """Expand the user's paths into sources, in order; folders give their text files.

    A problem with one path is yielded as an :class:`InputError` so the caller
    can report it and go on with the others. With no paths, the shipped samples.
    """
    if not paths:
        for name in resources.sample_names():
            yield Source(name=name, sample=name)
        return
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield Source(name=child.name, path=child)
        elif path.is_file():
            yield Source(name=path.name, path=path)
        elif not path.exists():
            yield InputError(f"{path}: no such file or folder")
        else:
            yield InputError(f"{path}: not a regular file")


def decode(data: bytes, name: str) -> str:
    """Strict UTF-8 (with or without BOM)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from exc


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


def make_document(source: Source, text: str) -> Document:
    stem = source.name.rsplit(".", 1)[0] if "." in source.name else source.name
    origin = f"sample:{source.sample}" if source.sample else str(source.path)
    return Document(title=title_of(text, stem), text=text, source=origin, name=stem)


def split_sentences(text: str) -> list[Sentence]:
    """Split on 。！？；… and line breaks, keeping each sentence's own text.

    >>> [s.text for s in split_sentences("你好。我很好！\\n谢谢")]
    ['你好。', '我很好！', '谢谢']
    """
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group(0).strip()
        if chunk:
            out.append(Sentence(text=chunk, index=len(out)))
    return out
