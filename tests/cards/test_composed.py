"""Composed glosses only where the parts explain the word; otherwise no definition at all."""

from __future__ import annotations

import re

import pytest
from testdata import Case, cases

from flashgen.cards.annotate import annotate
from flashgen.cards.composed import composed_gloss
from flashgen.models import Example, WordUse

_PART = re.compile(
    r'<span class="hz">(?P<part>[^<]+)</span>(?: \((?P<gloss>[^)]*(?:\)[^+<]*)?)\))?'
)


def parts_of(gloss: str) -> list[list[str]] | None:
    """The (part, gloss) pairs of a composed gloss's HTML; ``None`` for no gloss."""
    if not gloss:
        return None
    assert gloss.startswith('<span class="composed">≈ '), gloss
    return [[m["part"], m["gloss"] or ""] for m in _PART.finditer(gloss)]


@pytest.mark.parametrize("case", cases("composed_cases.json"))
def test_golden_composed_glosses(case: Case) -> None:
    assert parts_of(composed_gloss(case.input)) == case.expected


def _card(word: str, sentence: str) -> tuple[str, tuple[str, ...]]:
    use = WordUse(word=word, count=1, zipf=None, hsk=None, forms=(word,))
    example = Example(sentence, tuple(sentence), sentence.index(word), word)
    card = annotate(use, example, level="advanced", source="t", variant="t", glossary={})
    return card.definition, card.tags


def test_a_word_whose_parts_do_not_explain_it_has_an_empty_definition() -> None:
    definition, tags = _card("并跑", "越来越多领域实现并跑。")
    assert definition == ""
    assert "flashgen::no-definition" in tags


def test_a_word_whose_parts_explain_it_keeps_its_composed_gloss() -> None:
    definition, tags = _card("颠覆性", "未来产业具有颠覆性。")
    assert definition.startswith('<span class="composed">≈ <span class="hz">颠覆</span>')
    assert "flashgen::no-definition" in tags
