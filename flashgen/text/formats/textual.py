"""HTML pages and Markdown notes as one :class:`~flashgen.text.formats.Part` each.

>>> read_html(Path("a.html"), "<title>标题</title><p>正文</p>")
[Part(title='标题', lines=('正文',), labels=(), chapter=None)]
"""

from __future__ import annotations

from pathlib import Path

from flashgen.text.formats.part import Part
from flashgen.text.markdown import markdown_title, markdown_to_lines
from flashgen.text.markup import html_title, html_to_lines


def read_html(path: Path, text: str) -> list[Part]:
    """The visible text of a web page; title from ``<title>`` or ``<h1>``."""
    return [Part(title=html_title(text), lines=tuple(html_to_lines(text)))]


def read_markdown(path: Path, text: str) -> list[Part]:
    """The visible text of a Markdown file; title from front matter or the first ``# heading``."""
    return [Part(title=markdown_title(text), lines=tuple(markdown_to_lines(text)))]
