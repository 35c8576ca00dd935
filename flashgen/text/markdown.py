"""Visible text of Markdown, one line per paragraph, list item, heading or table row.

A line-based reading of CommonMark and its common extensions, enough for notes
and articles: front matter, fenced code, HTML comments, link definitions and
images are dropped; links keep their text; emphasis, heading hashes, list
bullets, quote marks and table pipes go. Lines of one paragraph are joined
(without a space between Chinese characters).

>>> markdown_to_lines("# 标题\\n\\n这是[链接](http://x.cn)和**重点**，\\n换行继续。")
['标题', '这是链接和重点，换行继续。']
"""

from __future__ import annotations

import html
import re

from flashgen.text.markup import join_wrapped

_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_FM_TITLE = re.compile(r"^title\s*[:=]\s*[\"']?(.*?)[\"']?\s*$", re.M | re.I)
_FENCED = re.compile(r"^\s{0,3}(`{3,}|~{3,}).*?^\s{0,3}\1", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINK_DEF = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+.*$")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*")

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # \* is a literal star
_HIDDEN = re.compile("[\ue000-\ue07f]")  # escaped characters, hidden from the rewrites
# Inline rewrites, applied in order.
_INLINE = [
    (re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"), ""),  # images
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote markers
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(?:https?|mailto|ftp):[^>]*>"), ""),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`]*)`+"), r"\1"),  # code spans keep their text
    (re.compile(r"(\*\*|__|~~)(.+?)\1"), r"\2"),  # strong, strikethrough
    (re.compile(r"(?<!\*)\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)"), r"\1"),  # *em*, also 贴*春联*
    (re.compile(r"(?<![\w])_(?!\s)(.+?)(?<!\s)_(?![\w])"), r"\1"),  # _em_
]


def _inline(text: str) -> str:
    """Markdown inline syntax to plain text.

    >>> _inline("见 ![图](a.png)[文档](b.md)的 `code` 和 *斜体*[^1]")
    '见 文档的 code 和 斜体'
    """
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return html.unescape(_HIDDEN.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text))


def _table_cells(line: str) -> str:
    """A table row's cells, joined with a space: ``| 词 | 拼音 |`` -> ``词 拼音``."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return " ".join(c.strip() for c in cells if c.strip())


def _blocks(md: str) -> list[str]:
    """Raw blocks with block syntax removed, inline syntax still in place."""
    lines = _COMMENT.sub("", _FRONT_MATTER.sub("", md.replace("\r\n", "\n"))).split("\n")
    out: list[str] = []
    para: list[str] = []
    fence = ""
    in_table = False

    def flush() -> None:
        if para:
            out.append("\n".join(para))
            para.clear()

    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        if m := _FENCE.match(line):
            flush()
            fence = m.group(1)
            continue
        if not line.strip():
            flush()
            in_table = False
            continue
        if para and _SETEXT.match(line):
            flush()  # the underline of a heading
            continue
        if _RULE.match(line) or _LINK_DEF.match(line):
            flush()
            continue
        if in_table or ("|" in line and _TABLE_RULE.match(nxt) and "-" in nxt):
            flush()
            in_table = "|" in line
            if not _TABLE_RULE.match(line):
                out.append(_table_cells(line))
            continue
        line = _FOOTNOTE_DEF.sub("", _QUOTE.sub("", line))
        if m := _ATX.match(line):
            flush()
            out.append(m.group(2) or "")
        elif m := _BULLET.match(line):
            flush()
            para.append(line[m.end() :])
        else:
            para.append(line)
    flush()
    return out


def markdown_to_lines(md: str) -> list[str]:
    """The visible text of a Markdown document, one line per block.

    >>> markdown_to_lines("---\\ntitle: 笔记\\n---\\n- 苹果\\n- *香蕉*\\n```\\nf()\\n```\\n> 引用")
    ['苹果', '香蕉', '引用']
    """
    lines = (join_wrapped(_inline(block)) for block in _blocks(md))
    return [line for line in lines if line]


def markdown_title(md: str) -> str:
    """The front matter's ``title``, else the first level-1 heading (``# ...`` or ``===``).

    >>> markdown_title("前言\\n\\n# 第一课 #\\n")
    '第一课'
    >>> markdown_title("```sh\\n# pip install\\n```\\n第二课\\n===\\n")
    '第二课'
    """
    text = md.replace("\r\n", "\n")
    if (m := _FRONT_MATTER.match(text)) and (title := _FM_TITLE.search(m.group(0))):
        return title.group(1).strip()
    text = _FENCED.sub("", _FRONT_MATTER.sub("", text))
    if m := re.search(r"^\s{0,3}#(?!#)\s+(.+?)(?:\s+#+)?\s*$", text, re.M):
        return join_wrapped(_inline(m.group(1)))
    if m := re.search(r"^(?!\s*$)(.+)\n\s{0,3}=+\s*$", text, re.M):
        return join_wrapped(_inline(m.group(1)))
    return ""
