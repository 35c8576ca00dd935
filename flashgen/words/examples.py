"""Example sentences: pick the best sentence of the document for a word, highlight it.

A good example is a complete sentence of about 8-40 characters. Longer ones are
cut to the clauses around the word, so a 1 MB line with no punctuation still
gives a short example.

>>> highlight("我们发展新质生产力。", 4, "新质生产力")
'我们发展<span class="hw">新质生产力</span>。'
"""

from __future__ import annotations

import html
import re

IDEAL_MIN = 8  # shorter sentences give too little context
IDEAL_MAX = 40  # longer ones are hard to read on a phone card
WINDOW_MAX = IDEAL_MAX  # beyond this the sentence is cut to the clauses around the word
CHAR_WINDOW_MAX = 60  # one clause longer than this is cut to characters around the word
_CLAUSE_END = re.compile(r"[，、：；,:;]")
_COMPLETE = re.compile(r"[。！？!?…][”’」』）)]*$")
_NOT_CHINESE = re.compile(r"[A-Za-z0-9]")


def score(sentence: str) -> float:
    """Lower is better: distance outside 8-40 characters, incomplete or noisy sentences cost.

    >>> score("未来产业具有前瞻性、战略性、颠覆性等特点。") < score("来源：《求是》2026/11")
    True
    """
    n = len(sentence)
    cost = 0.0
    if n < IDEAL_MIN:
        cost += (IDEAL_MIN - n) * 2
    elif n > IDEAL_MAX:
        cost += (n - IDEAL_MAX) * 0.5
    if not _COMPLETE.search(sentence):
        cost += 10
    cost += len(_NOT_CHINESE.findall(sentence))
    return cost


def bounds(sentence: str, start: int, length: int) -> tuple[int, int]:
    """The ``[lo, hi)`` span of ``sentence`` to show for the word at ``start``.

    A sentence of up to 40 characters is shown whole; a longer one is cut to the
    clauses around the word, and one clause longer than 60 characters (no
    punctuation) to a window of characters.
    """
    if len(sentence) <= WINDOW_MAX:
        return 0, len(sentence)
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence)] + [len(sentence)]
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c >= start + length)
    # Grow by whole clauses while the window stays short.
    while True:
        before = max((c for c in cuts if c < lo), default=None)
        after = min((c for c in cuts if c > hi), default=None)
        grown = False
        if after is not None and after - lo <= IDEAL_MAX:
            hi, grown = after, True
        if before is not None and hi - before <= IDEAL_MAX:
            lo, grown = before, True
        if not grown:
            break
    if hi - lo > CHAR_WINDOW_MAX:  # one clause, no punctuation: a window of characters
        half = max((IDEAL_MAX - length) // 2, 0)
        lo = max(lo, start - half)
        hi = min(hi, start + length + half)
    return lo, hi


def marks(sentence: str, lo: int, hi: int) -> tuple[str, str]:
    """The ellipses to put before and after ``sentence[lo:hi]`` (empty where nothing was cut)."""
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(sentence) and not _COMPLETE.search(sentence[lo:hi]) else ""
    return head, tail


def window(sentence: str, start: int, length: int) -> tuple[str, int]:
    """Cut a long sentence around ``sentence[start:start+length]``.

    Returns the shorter text (with … where it was cut) and the word's offset in it.
    """
    lo, hi = bounds(sentence, start, length)
    head, tail = marks(sentence, lo, hi)
    return head + sentence[lo:hi] + tail, start - lo + len(head)


def highlight(sentence: str, start: int, word: str) -> str:
    """HTML of the sentence with ``word`` wrapped in ``<span class="hw">``.

    The occurrence at ``start`` is always wrapped, and so is every other one, so a
    Sentence card that hides the headword never shows it elsewhere.

    >>> highlight("转化为转化。", 0, "转化")
    '<span class="hw">转化</span>为<span class="hw">转化</span>。'
    """
    spans = [start]
    i = sentence.find(word)
    while i != -1:
        if abs(i - start) >= len(word):
            spans.append(i)
        i = sentence.find(word, i + len(word))
    out, pos = [], 0
    for s in sorted(spans):
        if s < pos:
            continue
        out.append(html.escape(sentence[pos:s], quote=False))
        out.append(
            f'<span class="hw">{html.escape(sentence[s : s + len(word)], quote=False)}</span>'
        )
        pos = s + len(word)
    out.append(html.escape(sentence[pos:], quote=False))
    return "".join(out)
