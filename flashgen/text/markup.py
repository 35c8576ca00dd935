"""Visible text of HTML, one line per block, boilerplate left out.

HTML goes through the standard library's tolerant ``html.parser`` into a small
tree, so that a node can be judged with its ancestors and contents (a footnote
marker is a link *inside* a ``<sup>``). Block elements and ``<br>`` end a line;
navigation, scripts, styles, ruby annotations and footnote markers are skipped.
Whitespace collapses as a browser would, except that a line break between two
Chinese characters disappears instead of becoming a space (hard-wrapped Chinese
source would otherwise split words); spaces written on one line stay.

>>> html_to_lines("<nav>首页</nav><p>我们<b>今天</b>\\n去公园<sup><a href='#fn1'>1</a></sup>。</p>")
['我们今天去公园。']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from flashgen.lexicon.han import WITH_PUNCTUATION

# Han characters and CJK/full-width punctuation: no spaces are written between them.
# A line break between two of them is source wrapping, not a space (CSS Text 3 allows this).
_HAN_GAP = re.compile(rf"(?<=[{WITH_PUNCTUATION}])[^\S\n]*\n\s*(?=[{WITH_PUNCTUATION}])")
_SPACES = re.compile(r"\s+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _set(words: str) -> frozenset[str]:
    """A set of names written as one space-separated string, for readable constants."""
    return frozenset(words.split())


_VOID = _set("area base br col embed hr img input link meta param source track wbr")
_BLOCK = _set(
    """address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul"""
)
# Never visible, or not prose: scripts, styles, form widgets, ruby annotations (pinyin).
_SKIP_TAGS = _set(
    """script style noscript template head title svg math iframe object canvas button
    select textarea nav aside rt rp"""
)
# Page chrome. A <header> inside <article>/<main> holds the article's own title, so it stays.
_CHROME_TAGS = _set("header footer")
_SKIP_ROLES = _set(
    """navigation banner contentinfo complementary search doc-noteref doc-backlink
    doc-toc doc-pagebreak"""
)
_SKIP_EPUB_TYPES = _set(
    "toc landmarks page-list noteref footnote endnote rearnote backlink pagebreak"
)
# Class/id words (split on -, _ and camelCase) of navigation and social widgets.
_SKIP_NAMES = _set(
    """nav navbar navigation menu breadcrumb breadcrumbs footer sidebar comment comments
    share sharing social toc footnote-ref"""
)
# The text of a footnote marker link: 1, [2], (3), *, †, ①, 注4, [iv].
_NOTE_MARK = re.compile(
    r"^[\[(（【]?(?:注|note)?\s*(?:\d{1,3}|[ivxlc]{1,6}|[*†‡§¶]+|[\u2460-\u24ff\u2776-\u2793])"
    r"[\])）】]?$",
    re.IGNORECASE,
)
_BACKLINK = re.compile(r"[\u21a9\u2191]\ufe0e?")  # ↩︎ and ↑ of pandoc-style footnote back links
_HTML_HINT = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"</(?:p|div|span|h[1-6]|li|td|a|table)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """Build a forgiving tree: unknown end tags are ignored, a new <p>/<li> closes the last."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th") and self.stack[-1].tag == tag:
            self.stack.pop()
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse(markup: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def _text(node: _Node | str) -> str:
    """All text below a node, markup dropped."""
    if isinstance(node, str):
        return node
    return "".join(_text(child) for child in node.children)


def _words(value: str) -> set[str]:
    """Class/id words: ``"mainNav share-btn"`` -> {"main", "nav", "share", "btn", ...}."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value).lower()
    words = set(re.split(r"[\s_-]+", spaced))
    return words | set(value.lower().split())


def _is_note_ref(node: _Node, in_sup: bool) -> bool:
    """A footnote marker: a same-document link in a <sup>, or a link reading like ``[1]``."""
    if node.tag == "sup":
        links = [c for c in node.children if isinstance(c, _Node) and c.tag == "a"]
        rest = "".join(c for c in node.children if isinstance(c, str)).strip()
        return bool(links) and not rest and all("#" in a.attrs.get("href", "") for a in links)
    if node.tag != "a" or "#" not in node.attrs.get("href", ""):
        return False
    return in_sup or bool(_NOTE_MARK.match(_text(node).strip()))


def _skipped(node: _Node, in_article: bool, in_sup: bool) -> bool:
    """Whether a node and everything below it is boilerplate or invisible."""
    a = node.attrs
    if node.tag in _SKIP_TAGS or (node.tag in _CHROME_TAGS and not in_article):
        return True
    if "hidden" in a or a.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", a.get("style", ""), re.IGNORECASE):
        return True
    if a.get("role", "").lower() in _SKIP_ROLES:
        return True
    if set(a.get("epub:type", "").lower().split()) & _SKIP_EPUB_TYPES:
        return True
    if (_words(a.get("class", "")) | _words(a.get("id", ""))) & _SKIP_NAMES:
        return True
    return _is_note_ref(node, in_sup)


@dataclass
class _Lines:
    """Collects text runs into lines; a block boundary ends the current line."""

    done: list[str] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.runs.append(text)

    def brk(self) -> None:
        line = join_wrapped("".join(self.runs))
        if line:
            self.done.append(line)
        self.runs.clear()


def unwrap(text: str) -> str:
    """Remove the line breaks (and the indent after them) between two Chinese characters.

    >>> unwrap("今天我们去\\n  北京。\\nWelcome!")
    '今天我们去北京。\\nWelcome!'
    """
    return _HAN_GAP.sub("", text)


def join_wrapped(text: str) -> str:
    """Collapse whitespace to one space, and a line break between Chinese characters to nothing.

    >>> join_wrapped("  我们\\n  今天 go\\n home 第一章  祥子")
    '我们今天 go home 第一章 祥子'
    """
    return _SPACES.sub(" ", unwrap(_BACKLINK.sub("", text))).strip()


def _walk(node: _Node, out: _Lines, in_article: bool, in_sup: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.add(child)
            continue
        if _skipped(child, in_article, in_sup):
            continue
        tag = child.tag
        if tag == "br":
            out.brk()
        elif tag == "pre":
            out.brk()
            for row in _text(child).splitlines():
                out.add(row)
                out.brk()
        elif tag in _BLOCK:
            out.brk()
            _walk(child, out, in_article or tag in ("article", "main"), in_sup)
            out.brk()
        else:
            _walk(child, out, in_article, in_sup or tag == "sup")


def html_to_lines(markup: str) -> list[str]:
    """The visible text of an HTML (or XHTML) document, one line per block.

    >>> html_to_lines("<p>第一段<br>第二行</p><script>x()</script><div>第二段</div>")
    ['第一段', '第二行', '第二段']
    >>> html_to_lines("<p>中国<ruby>人<rt>rén</rt></ruby>&amp;朋友</p>")
    ['中国人&朋友']
    """
    out = _Lines()
    _walk(_parse(markup), out, False, False)
    out.brk()
    return out.done


def _find(node: _Node, *tags: str) -> _Node | None:
    """The first element named one of ``tags``, in document order."""
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag in tags:
                return child
            found = _find(child, *tags)
            if found:
                return found
    return None


def html_title(markup: str) -> str:
    """The document's title: the first ``<h1>`` if ``<title>`` contains it, else either one.

    Page titles often add the site's name, which the heading leaves out.

    >>> html_title("<title>春节习俗_新华网</title><h1>春节习俗</h1>")
    '春节习俗'
    >>> html_title("<h1>第一章</h1>")
    '第一章'
    """
    root = _parse(markup)
    title_node, h1_node = _find(root, "title"), _find(root, "h1")
    title = join_wrapped(_text(title_node)) if title_node else ""
    h1 = join_wrapped(_text(h1_node)) if h1_node else ""
    if h1 and (not title or h1 in title):
        return h1
    return title


def first_heading(markup: str) -> str:
    """The text of the first ``<h1>``-``<h6>``, "" if none: a chapter's title.

    >>> first_heading("<p>题记</p><h2>第一章 <small>开始</small></h2><h1>又一章</h1>")
    '第一章 开始'
    """
    heading = _find(_parse(markup), *_HEADINGS)
    return join_wrapped(_text(heading)) if heading else ""


def link_density(markup: str) -> float:
    """Share (0-1) of the visible characters that sit inside links; tables of contents are ~1.

    >>> link_density("<p><a href='a.html'>第一章</a></p><p>正文正文正</p>")
    0.375
    """
    linked = total = 0

    def count(node: _Node, in_link: bool) -> None:
        nonlocal linked, total
        for child in node.children:
            if isinstance(child, str):
                size = len(join_wrapped(child))
                total += size
                linked += size if in_link else 0
            elif child.tag not in _SKIP_TAGS or child.tag == "nav":
                count(child, in_link or (child.tag == "a" and "href" in child.attrs))

    count(_parse(markup), False)
    return linked / total if total else 0.0


def looks_like_html(text: str) -> bool:
    """Whether a text (say, a .txt file) is HTML source rather than prose.

    >>> looks_like_html("<!DOCTYPE html><html><body>你好</body></html>")
    True
    >>> looks_like_html("他说：<我不去>。")
    False
    """
    head = text[:4096]
    return bool(_HTML_HINT.search(head)) or len(_HTML_TAG.findall(head)) >= 3
