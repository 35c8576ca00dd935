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


def window(sentence: str, start: int, length: int) -> tuple[str, int]:
    """Cut a long sentence to the clauses around ``sentence[start:start+length]``.

    Returns the shorter text and the word's new offset in it.
    """
    if len(sentence) <= WINDOW_MAX:
        return sentence, start
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
        half = (IDEAL_MAX - length) // 2
        lo = max(lo, start - max(half, 0))
        hi = min(hi, start + length + max(half, 0))
    text = sentence[lo:hi]
    offset = start - lo
    if lo > 0:
        text, offset = "…" + text, offset + 1
    if hi < len(sentence) and not _COMPLETE.search(text):
        text += "…"
    return text, offset


def highlight(sentence: str, start: int, word: str) -> str:
    """HTML of the sentence with ``word`` at ``start`` wrapped in ``<span class="hw">``."""
    end = start + len(word)
    return (
        html.escape(sentence[:start], quote=False)
        + f'<span class="hw">{html.escape(sentence[start:end], quote=False)}</span>'
        + html.escape(sentence[end:], quote=False)
    )
