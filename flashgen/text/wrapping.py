"""Join the lines of hard-wrapped plain text, so that a line break is no word boundary.

Plain-text books are often wrapped at a fixed width: a paragraph runs over
several lines of 35-40 characters, broken wherever the width ran out, inside
words included (``…楚国要来进攻的消`` / ``息，是也许已经听到了的…``). Read line by
line, such a text loses the word at every break (消 and 息 become two tokens),
and the sentence is cut there, so an example can end in the middle of a word.

A break is a wrap when all of these hold:

- the characters either side may be joined (:func:`_joins`): the line ends in
  a Chinese character, in punctuation that cannot end a sentence (，、：；（“《—)
  or in a closing mark inside a sentence (“卡脖子” | 问题), and the next line
  starts with a Chinese character, punctuation, a Latin letter or a digit; or
  a Latin letter or digit meets Chinese; or a sentence's end meets the closing
  mark that did not fit on its line (研究生。 | ”). An indent opens a paragraph;
- the line is *full*: :data:`MIN_FULL_COLUMNS` to :data:`MAX_FULL_COLUMNS`
  columns wide and no more than :data:`FULL_SLACK` columns narrower than the
  widest of its neighbours (two lines either side, within the same run of
  non-blank lines), since a wrapped paragraph's lines all reach the wrap width
  but its last;
- the document as a whole is wrapped: at least :data:`MIN_WRAPS` such breaks
  and :data:`MIN_WRAP_SHARE` of its non-blank lines (a book), or at least
  :data:`MIN_SHORT_WRAPS` and :data:`MIN_SHORT_SHARE` of its lines (a short
  letter). A headline set on three lines of a news page, or a poem, is no
  wrapped text.

Widths are in display columns: a Chinese character or full-width mark is two,
as in the editor or terminal that wrapped the text, and so are the marks of
ambiguous width (“”, ……, ——), which a Chinese editor shows wide.

Measured on the 13 Lu Xun books of ``../shared/corpus``: 7 are wrapped at
30-40 characters (呐喊 1,653 breaks joined, of 2,883 non-blank lines; 坟 1,782,
彷徨 1,486, 故事新编 1,410, 朝花夕拾 925, 热风 765, 野草 348), 华盖集 in a few
chapters (128); the other five are one paragraph per line and none of their
breaks qualifies. No genre text, sample or seed text is changed (the seed's
wrapped headline has 3 breaks that qualify, too few).

>>> book = "    他在大街上前行，楚国要来进攻的消\\n息，是也许已经听到了的，然而大家\\n"
>>> unwrap_plain(book * 12)[:36]
'    他在大街上前行，楚国要来进攻的消息，是也许已经听到了的，然而大家'
>>> unwrap_plain("前瞻布局和发展未来产业\\n习近平\\n今天……")
'前瞻布局和发展未来产业\\n习近平\\n今天……'
"""

from __future__ import annotations

import re

from flashgen.lexicon.han import BMP

# A line that ends like this can continue on the next: a Chinese character,
# punctuation that never ends a sentence, or a closing mark inside a sentence
# (“卡脖子” | 问题; not 干嘛？”, where a paragraph of dialogue ends).
_HAN_END = re.compile(f"(?:[{BMP}，、：；（“‘《〈—]|[^。！？…][”’」』）》〉])$")
# A line ending a sentence continues only with the closing mark that did not fit
# (……研究生。 | ”).
_FINAL_END = re.compile("[。！？…]$")
_CLOSING_START = re.compile("[”’」』）》〉]")
# A continuation line starts with a Chinese character or any CJK punctuation
# (a wrapped 。 or ” lands at the start of the next line).
_HAN_START = re.compile(f"[{BMP}，、。：；！？”’）》〉…—“‘（《〈]")
# Latin letters and digits join Chinese text without a space (推送OTA升级), so a
# break between one of them and a Chinese character is a wrap too; a break
# between two Latin words is left alone (it stands for a space).
_LATIN_END = re.compile(r"[A-Za-z0-9%]$")
_LATIN_START = re.compile(r"[A-Za-z0-9]")


def _joins(here: str, after: str) -> bool:
    """Whether a break between these two lines may be a wrap, by the characters either side.

    >>> _joins("升级到4", "0版本"), _joins("推送", "OTA"), _joins("OTA", "升级")
    (False, True, True)
    >>> _joins("new", "line")
    False
    >>> _joins("考上了研究生。", "”他说"), _joins("考上了研究生。", "他说")
    (True, False)
    >>> _joins("“卡脖子”", "问题"), _joins("跑来干嘛？”", "“爸，")
    (True, False)
    """
    if _FINAL_END.search(here):
        return bool(_CLOSING_START.match(after))
    if _HAN_END.search(here):
        return bool(_HAN_START.match(after) or _LATIN_START.match(after))
    return bool(_LATIN_END.search(here) and _HAN_START.match(after))


MIN_FULL_COLUMNS = 24
"""A wrapped line is at least 12 Chinese characters wide. Wrap widths in the
books are 30-40 characters; a short title or byline never counts as full."""

MAX_FULL_COLUMNS = 160
"""A wrapped line is at most 80 Chinese characters wide (the widest wrap in the
books is 40). Longer lines are paragraphs, whatever they end with."""

FULL_SLACK = 12
"""Columns a full line may fall short of its widest neighbour. Editors wrap at
a count of bytes or characters, and keep a mark off the start of a line, so the
lines of one paragraph differ by up to 6 characters (故事新编 has lines of 31
and 34 characters side by side). With 4 columns the books lose 434 more breaks
than with 12; a sample of those read as wraps (``现代评|论派``, ``团体光|复``)."""

MIN_WRAPS = 10
"""Breaks that look like wraps before a long document is read as wrapped. The
seed article's headline, set on four lines of equal width, has 3."""

MIN_WRAP_SHARE = 0.05
"""The share of a document's non-blank lines that must end in a wrap. 华盖集,
wrapped in a few chapters only, has 128 of 889 (14%)."""

MIN_SHORT_WRAPS = 4
MIN_SHORT_SHARE = 0.25
"""A short document is wrapped with fewer breaks, if they are a quarter of its
lines: a letter of 300 characters wrapped at 40 has 7 lines and 6 breaks. The
seed article's 3 headline breaks are 6% of its 51 lines."""


# Characters one column wide: ASCII, the typographic spaces (U+2000-200F) and
# the half-width forms (U+FF61-FFEE).
_NARROW = re.compile("[\x00-\x7f\u2000-\u200f\uff61-\uffdc\uffe8-\uffee]+")


def columns(line: str) -> int:
    """Display width in a Chinese editor: one column for ASCII, spaces, half-width forms; else two.

    Every other character is wide, full-width or of ambiguous width (“”, ……,
    ——, which a Chinese editor shows wide); the few narrow letters of other
    scripts count two as well, which no wrap width test notices. (Counted with
    one regular expression: ``unicodedata.east_asian_width`` per character took
    0.13 s on the 13 books.)

    >>> columns("消息 ok"), columns("“好”——")
    (7, 10)
    """
    return len(line) + len(_NARROW.sub("", line))


def wrap_breaks(lines: list[str]) -> list[int]:
    """Indexes of the lines whose line break is a wrap (before the document-level test).

    >>> wrap_breaks(["这是一行写满了的很长的文字，后面还有一个词没有写", "完。"])
    [0]
    """
    widths = [columns(line.rstrip()) for line in lines]
    out: list[int] = []
    for i in range(len(lines) - 1):
        here, after = lines[i].rstrip(), lines[i + 1]
        if not here or not _joins(here, after):
            continue
        if not MIN_FULL_COLUMNS <= widths[i] <= MAX_FULL_COLUMNS:
            continue
        lo = i
        while lo > max(0, i - 2) and widths[lo - 1]:
            lo -= 1
        hi = i + 1
        while hi < min(len(lines) - 1, i + 2) and widths[hi + 1]:
            hi += 1
        if widths[i] >= max(widths[lo : hi + 1]) - FULL_SLACK:
            out.append(i)
    return out


def unwrap_plain(text: str) -> str:
    """The text with the line breaks of a hard-wrapped document removed (other texts unchanged).

    Only the break itself goes; each paragraph keeps its first line's indent.
    """
    lines = text.split("\n")
    breaks = wrap_breaks(lines)
    non_blank = sum(1 for line in lines if line.strip())
    long_wrapped = len(breaks) >= MIN_WRAPS and len(breaks) >= MIN_WRAP_SHARE * non_blank
    short_wrapped = len(breaks) >= MIN_SHORT_WRAPS and len(breaks) >= MIN_SHORT_SHARE * non_blank
    if not (long_wrapped or short_wrapped):
        return text
    joined = set(breaks)
    out: list[str] = []
    for i, line in enumerate(lines):
        piece = line.rstrip() if i in joined else line
        if i - 1 in joined:
            out[-1] += piece
        else:
            out.append(piece)
    return "\n".join(out)
