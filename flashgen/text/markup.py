"""Visible text of HTML, one line per block, boilerplate left out.

HTML goes through a tolerant one-pass tokenizer (linear time, whatever is left
open) into a small tree, so that a node can be judged with its ancestors and contents (a footnote
marker is a link *inside* a ``<sup>``). Block elements and ``<br>`` end a line;
navigation, scripts, styles, ruby annotations and footnote markers are skipped.
Whitespace collapses as a browser would, except that a line break between two
Chinese characters disappears instead of becoming a space (hard-wrapped Chinese
source would otherwise split words); spaces written on one line stay.

>>> html_to_lines("<nav>首页</nav><p>我们<b>今天</b>\\n去公园<sup><a href='#fn1'>1</a></sup>。</p>")
['我们今天去公园。']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

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


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder:
    """Build a forgiving tree: unknown end tags are ignored, a new <p>/<li> closes the last."""

    def __init__(self) -> None:
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs)
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th") and self.stack[-1].tag == tag:
            self.stack.pop()
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: dict[str, str]) -> None:
        self.stack[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


# The HTML tokenizer below follows the WHATWG rules where they matter for text:
# every construct is scanned once, left to right, and one left open at the end
# of the page (a comment, a tag, a quoted attribute value) swallows the rest, as
# in a browser. The standard library's parser rescans such a construct at each
# later "<" (80 s for 100 kB of "<p <p") and asserts on "<![ x>".
_SPACE = re.compile(r"[\t\n\f\r ]*")
_NAME = re.compile(r"[^\t\n\f\r />]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_RAW_TEXT = frozenset({"script", "style"})
_RAW_END = {tag: re.compile(rf"</{tag}[\t\n\f\r />]", re.IGNORECASE) for tag in _RAW_TEXT}


def _span(pattern: re.Pattern[str], page: str, i: int) -> tuple[str, int]:
    """What ``pattern`` (which matches wherever it is tried) matches at ``i``, and its end."""
    m = pattern.match(page, i)
    assert m is not None  # each pattern matches the empty string, or is tried where it fits
    return m.group(), m.end()


def _start_tag(page: str, i: int, builder: _TreeBuilder) -> int:
    """Read the start tag at ``page[i] == "<"``; the position after it, -1 if left open."""
    tag, j = _span(_NAME, page, i + 1)
    tag, size = tag.lower(), len(page)
    attrs: dict[str, str] = {}
    while True:
        j = _span(_SPACE, page, j)[1]
        if j >= size:
            return -1
        if page[j] == ">":
            builder.handle_starttag(tag, attrs)
            return j + 1
        if page.startswith("/>", j):
            builder.handle_startendtag(tag, attrs)
            return j + 2
        if page[j] == "/":
            j += 1
            continue
        name, j = _span(_ATTR_NAME, page, j)
        k = _span(_SPACE, page, j)[1]
        value = ""
        if k < size and page[k] == "=":
            j = _span(_SPACE, page, k + 1)[1]
            if j < size and page[j] in "'\"":
                close = page.find(page[j], j + 1)
                if close < 0:
                    return -1
                value, j = page[j + 1 : close], close + 1
            else:
                value, j = _span(_UNQUOTED, page, j)
        attrs.setdefault(name.lower(), html.unescape(value))


def _bogus(page: str, i: int, end: str = ">") -> int:
    """Skip a comment-like construct ending in ``end``: the position after it, -1 if open."""
    close = page.find(end, i)
    return -1 if close < 0 else close + len(end)


def _comment(page: str, i: int) -> int:
    """Skip the comment at ``page[i:].startswith("<!--")``; -1 if it never ends."""
    j = i + 4
    if page.startswith(">", j) or page.startswith("->", j):  # <!--> and <!--->: empty
        return page.index(">", j) + 1
    while True:
        close = page.find("--", j)
        if close < 0:
            return -1
        k = close + 2
        while page.startswith("-", k):  # "--->" ends too
            k += 1
        if page.startswith(">", k):
            return k + 1
        if page.startswith("!>", k):
            return k + 2
        j = k


def _tokenize(page: str, builder: _TreeBuilder) -> None:
    """Feed the page's tags and text (entities decoded) to ``builder``, in one pass."""
    i, size = 0, len(page)
    text: list[str] = []

    def flush() -> None:
        if text:
            builder.handle_data(html.unescape("".join(text)))
            text.clear()

    while i < size:
        lt = page.find("<", i)
        if lt < 0:
            text.append(page[i:])
            break
        text.append(page[i:lt])
        flush()  # every construct, even a lone "<", ends a run of text (as html.parser did)
        nxt = page[lt + 1 : lt + 2]
        if nxt.isascii() and nxt.isalpha():
            i = _start_tag(page, lt, builder)
            tag = builder.stack[-1].tag
            if i >= 0 and tag in _RAW_TEXT and builder.stack[-1].children == []:
                end = _RAW_END[tag].search(page, i)
                stop = end.start() if end else size
                if stop > i:
                    builder.handle_data(page[i:stop])
                i = stop
        elif nxt == "/":
            after = page[lt + 2 : lt + 3]
            if after.isascii() and after.isalpha():
                i = _bogus(page, lt)
                if i >= 0:
                    builder.handle_endtag(_span(_NAME, page, lt + 2)[0].lower())
            elif after == ">":
                i = lt + 3
            else:
                i = _bogus(page, lt)
        elif nxt == "!":
            if page.startswith("<!--", lt):
                i = _comment(page, lt)
            elif page.startswith("<![CDATA[", lt):
                i = _bogus(page, lt, "]]>")
            else:
                i = _bogus(page, lt)
        elif nxt == "?":
            i = _bogus(page, lt)
        else:
            text.append("<")
            i = lt + 1
        if i < 0:
            break
    flush()


def _parse(markup: str) -> _Node:
    builder = _TreeBuilder()
    _tokenize(markup, builder)
    return builder.root


def _text(node: _Node | str) -> str:
    """All text below a node, markup dropped (no recursion: nesting may be thousands deep)."""
    if isinstance(node, str):
        return node
    out: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            stack.extend(reversed(item.children))
    return "".join(out)


# A footnote marker's text is short: longer link text is never one, so it is not collected.
_MARK_MAX = 256


def _short_text(node: _Node, memo: dict[int, str | None]) -> str | None:
    """The text below ``node`` if at most ``_MARK_MAX`` characters, else None; memoised.

    Each node is measured once however deeply links nest, so a page of 20,000
    nested footnote links costs what 20,000 flat ones do.
    """
    stack: list[tuple[_Node, bool]] = [(node, False)]
    while stack:
        item, done = stack.pop()
        if id(item) in memo:
            continue
        subs = [c for c in item.children if isinstance(c, _Node)]
        if not done and any(id(c) not in memo for c in subs):
            stack.append((item, True))
            stack.extend((c, False) for c in subs if id(c) not in memo)
            continue
        parts: list[str] = []
        size = 0
        for child in item.children:
            piece = child if isinstance(child, str) else memo[id(child)]
            if piece is None or size + len(piece) > _MARK_MAX:
                parts = []
                size = -1
                break
            parts.append(piece)
            size += len(piece)
        memo[id(item)] = None if size < 0 else "".join(parts)
    return memo[id(node)]


def _words(value: str) -> set[str]:
    """Class/id words: ``"mainNav share-btn"`` -> {"main", "nav", "share", "btn", ...}."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value).lower()
    words = set(re.split(r"[\s_-]+", spaced))
    return words | set(value.lower().split())


def _is_note_ref(node: _Node, in_sup: bool, memo: dict[int, str | None]) -> bool:
    """A footnote marker: a same-document link in a <sup>, or a link reading like ``[1]``."""
    if node.tag == "sup":
        links = [c for c in node.children if isinstance(c, _Node) and c.tag == "a"]
        rest = "".join(c for c in node.children if isinstance(c, str)).strip()
        return bool(links) and not rest and all("#" in a.attrs.get("href", "") for a in links)
    if node.tag != "a" or "#" not in node.attrs.get("href", ""):
        return False
    if in_sup:
        return True
    text = _short_text(node, memo)
    return text is not None and bool(_NOTE_MARK.match(text.strip()))


def _skipped(node: _Node, in_article: bool, in_sup: bool, memo: dict[int, str | None]) -> bool:
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
    return _is_note_ref(node, in_sup, memo)


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


def _walk(root: _Node, out: _Lines) -> None:
    """Collect the visible text below ``root`` into lines, with a stack instead of recursion."""
    memo: dict[int, str | None] = {}
    # Each frame: the children still to visit, in <article>/<main>, in <sup>, a block.
    stack = [(iter(root.children), False, False, False)]
    while stack:
        children, in_article, in_sup, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                out.brk()
            continue
        if isinstance(child, str):
            out.add(child)
            continue
        if _skipped(child, in_article, in_sup, memo):
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
            inside = in_article or tag in ("article", "main")
            stack.append((iter(child.children), inside, in_sup, True))
        else:
            stack.append((iter(child.children), in_article, in_sup or tag == "sup", False))


def html_to_lines(markup: str) -> list[str]:
    """The visible text of an HTML (or XHTML) document, one line per block.

    >>> html_to_lines("<p>第一段<br>第二行</p><script>x()</script><div>第二段</div>")
    ['第一段', '第二行', '第二段']
    >>> html_to_lines("<p>中国<ruby>人<rt>rén</rt></ruby>&amp;朋友</p>")
    ['中国人&朋友']
    """
    out = _Lines()
    _walk(_parse(markup), out)
    out.brk()
    return out.done


def _find(node: _Node, *tags: str) -> _Node | None:
    """The first element named one of ``tags``, in document order."""
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if isinstance(child, _Node):
            if child.tag in tags:
                return child
            stack.extend(reversed(child.children))
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
    stack: list[tuple[_Node | str, bool]] = [(_parse(markup), False)]
    while stack:
        node, in_link = stack.pop()
        if isinstance(node, str):
            size = len(join_wrapped(node))
            total += size
            linked += size if in_link else 0
        elif node.tag not in _SKIP_TAGS or node.tag == "nav":
            inside = in_link or (node.tag == "a" and "href" in node.attrs)
            stack.extend((child, inside) for child in node.children)
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
