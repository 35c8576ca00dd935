"""The record every reader returns: a document, or a chapter of a book, as text lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """A document, or one chapter of a book, as clean text lines.

    ``title`` is "" when the file names none. ``labels``, when given, has one
    locator per line (a subtitle's start time ``00:12:31``, a book's chapter
    title). ``chapter`` is set for books read with ``split_chapters``.
    """

    title: str
    lines: tuple[str, ...]
    labels: tuple[str, ...] = ()
    chapter: str | None = None
