"""Clean messy plain text before it is split into sentences.

Removes the debris that word processors and PDF exports leave in plain text
(``[bookmark: _Toc30029]`` tags, page-number lines such as ``—　1　—``),
normalises line breaks and Unicode, and turns full-width Latin letters and
digits into ordinary ones. Chinese punctuation (，。！？“”（）) is text and is
kept as it is; so is the line structure, which the sentence splitter uses.
HTML and Markdown are not handled here (see ``flashgen.text.markup``).

>>> clean_text("[bookmark: _Toc30029]3.习近平复信\\r\\n—　1　—\\r\\n第２０２６届")
'3.习近平复信\\n第2026届'
"""

from __future__ import annotations

import re
import unicodedata

# Word's bookmark anchors, as docx-to-text converters print them.
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")

# Whole lines that are only a page number. Checked after the line is stripped
# (str.strip also strips the ideographic space U+3000) and digits made ASCII.
_NUMERAL = r"(?:\d+|[〇零一二三四五六七八九十百]+)"
_DASH = r"[-‐‑–—―－─]+"
_PAGE_LINES = (
    re.compile(rf"{_DASH}\s*{_NUMERAL}\s*{_DASH}"),  # "—　1　—", "- 12 -"
    re.compile(rf"第\s*{_NUMERAL}\s*页(?:\s*[，,/、]?\s*共\s*{_NUMERAL}\s*页)?"),  # "第 3 页"
    re.compile(rf"共\s*{_NUMERAL}\s*页\s*[，,/、]?\s*第\s*{_NUMERAL}\s*页"),  # "共 9 页 第 3 页"
    re.compile(r"(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?", re.IGNORECASE),  # "Page 3 of 9"
)

# Line and paragraph separators that mean "new line" in plain text: NEL, vertical
# tab (Word's manual line break), form feed (page break), U+2028, U+2029.
# (Regular expressions, not str.translate: translate looks every character up in
# a dict, 0.05 s per pass on a 0.8 M-character corpus; these touch only matches.)
_LINE_BREAKS = re.compile("[\x85\v\f\u2028\u2029]")

# Invisible format characters that only get in the way of word segmentation:
# zero-width space, word joiner, soft hyphen and stray byte-order marks.
_INVISIBLE = "\u200b\u2060\u00ad\ufeff"
_SURROGATES = re.compile("[\ud800-\udfff]")
# Control characters (Unicode category Cc: C0 and C1) except tab and newline,
# and invisible format marks. One regular expression: a per-character test
# took 1.2 s on a 0.8 M-character corpus.
_DROPPED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")

# Full-width digits and Latin letters -> ASCII (U+FF10-19, FF21-3A, FF41-5A).
_FULL_WIDTH_ALNUM = {
    cp: cp - 0xFEE0
    for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for cp in range(lo, hi + 1)
}
_FULL_WIDTH_RUN = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


def clean_text(text: str) -> str:
    """The text with debris removed and characters normalised; lines otherwise kept.

    >>> clean_text("ＰＭ２.５浓度下降，\\x07好消息！")
    'PM2.5浓度下降，好消息！'
    >>> clean_text("正文\\n- 12 -\\n正文")
    '正文\\n正文'
    """
    text = _normalise_characters(text)
    text = _BOOKMARK.sub("", text)
    return "\n".join(line for line in text.split("\n") if not is_page_number_line(line))


def _normalise_characters(text: str) -> str:
    """Drop lone surrogates, unify line breaks, NFC, drop controls, ASCII digits/letters.

    >>> _normalise_characters("a\\r\\nb\\rc\\udcff")
    'a\\nb\\nc'
    """
    text = _SURROGATES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    text = _DROPPED.sub("", text)
    return _FULL_WIDTH_RUN.sub(lambda m: m.group().translate(_FULL_WIDTH_ALNUM), text)


def is_page_number_line(line: str) -> bool:
    """True if the line holds nothing but a page number.

    >>> [is_page_number_line(s) for s in ["—　1　—", "第 3 页", "Page 3", "3.5 亿"]]
    [True, True, True, False]
    """
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in _PAGE_LINES)
