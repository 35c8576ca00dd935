"""Find terms the dictionaries lack, and make segmentation keep them whole.

Policy and news texts coin terms (新质生产力, 具身智能, “并跑”) that no
dictionary lists; jieba then leaves a run of single characters (新 质 生产力).
Two cheap signals mark such a string as a term:

- the text puts it in quotation marks (“并跑”, “卡脖子”);
- a run of two or more single-character tokens, with the dictionary word that
  follows it, recurs in the corpus (新质生产力 twice) or stands alone as an
  item of an enumeration (、具身智能、).

>>> sorted(quoted_terms("要实现“并跑”乃至“领跑”，不能“烧钱”。"))
['并跑', '烧钱', '领跑']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from flashgen.lexicon import dictionary_words, is_han

# Quoted strings of 2-6 Han characters: longer quotations are slogans or titles.
_QUOTED = re.compile(r"[“‘「『\"]([\u4e00-\u9fff]{2,6})[”’」』\"]")
_LIST_SEPARATORS = frozenset("、，,；;。")
# Leading characters that are prepositions or conjunctions, never part of a term.
_EDGE_FUNCTION = frozenset("和与及或并跟从在把被对向给为以由而的了是就也都")


def quoted_terms(text: str) -> set[str]:
    """Strings of 2-6 Han characters that the text puts in quotation marks."""
    return set(_QUOTED.findall(text))


def run_candidates(tokens: Sequence[str]) -> list[tuple[str, bool]]:
    """Runs of single-character tokens joined with the next word, as (string, is_list_item).

    >>> run_candidates(["发展", "新", "质", "生产力", "、"])
    [('新质生产力', False), ('新质', False)]
    """
    words = dictionary_words()
    out: list[tuple[str, bool]] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not (len(tokens[i]) == 1 and is_han(tokens[i])):
            i += 1
            continue
        j = i
        while j < n and len(tokens[j]) == 1 and is_han(tokens[j]):
            j += 1
        start = i
        while start < j and tokens[start] in _EDGE_FUNCTION:
            start += 1
        if j - start >= 2:
            run = "".join(tokens[start:j])
            before = tokens[start - 1] if start > 0 else "。"
            if j < n and is_han(tokens[j]) and len(tokens[j]) > 1 and tokens[j] in words:
                after = tokens[j + 1] if j + 1 < n else "。"
                item = before in _LIST_SEPARATORS and after in _LIST_SEPARATORS
                out.append((run + tokens[j], item))
            out.append((run, before in _LIST_SEPARATORS and (j >= n or tokens[j] in _LIST_SEPARATORS)))
        i = j
    return out


def accept(candidates: Iterable[tuple[str, bool]], count: dict[str, int]) -> set[str]:
    """Keep the candidates that recur (``count`` >= 2) or stand alone as list items."""
    return {c for c, item in candidates if item or count.get(c, 0) >= 2}


def force_terms(tokens: list[str], terms: frozenset[str], max_len: int = 8) -> list[str]:
    """Re-cut ``tokens`` so that every occurrence of a term is one token.

    Leftover pieces of a token the term cut into stay tokens of their own. A
    term is placed only where one of its edges is already a token boundary.

    >>> force_terms(["投", "硬", "科技"], frozenset({"硬科技"}))
    ['投', '硬科技']
    >>> force_terms(["投硬", "科技"], frozenset({"硬科技"}))
    ['投', '硬科技']
    >>> force_terms(["实施", "策略"], frozenset({"施策"}))
    ['实施', '策略']
    """
    if not terms:
        return tokens
    text = "".join(tokens)
    bounds = set()
    pos = 0
    for t in tokens:
        bounds.add(pos)
        pos += len(t)
    bounds.add(pos)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        found = 0
        for length in range(min(max_len, len(text) - i), 1, -1):
            # At least one edge must fall on a token boundary, so a term never
            # cuts two correctly segmented words (实施/策略 must not yield 施策).
            if text[i : i + length] in terms and (i in bounds or i + length in bounds):
                found = length
                break
        if found:
            spans.append((i, i + found))
            i += found
        else:
            i += 1
    if not spans:
        return tokens
    for a, b in spans:
        bounds.update((a, b))
        bounds.difference_update(range(a + 1, b))
    cuts = sorted(bounds)
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]
