"""Source, byline and date lines are never examples; a word found only there gets no card."""

from __future__ import annotations

import pytest
from testdata import Case, cases

from flashgen.models import Document
from flashgen.text.bylines import is_byline
from flashgen.words.analyse import analyse


@pytest.mark.parametrize("case", cases("byline_cases.json"))
def test_golden_bylines(case: Case) -> None:
    assert is_byline(case.input) is case.expected


def _analysis(text: str) -> dict[str, str]:
    found = analyse(Document("t", text, "t", "t"), frozenset())
    return {w: e.sentence for w, e in found.examples.items()}


def test_a_word_with_another_sentence_takes_its_example_from_it() -> None:
    text = "来源：《人民日报》（2026年06月01日01版）\n人民日报发表评论员文章。"
    assert _analysis(text)["人民日报"] == "人民日报发表评论员文章。"


def test_a_word_found_only_in_a_byline_gets_no_card() -> None:
    found = _analysis("国务院发布通知。\n来源：《人民日报》（2026年06月01日01版）")
    assert "国务院" in found and "人民日报" not in found


def test_a_sentence_opening_with_a_dateline_is_an_example_only_without_a_better_one() -> None:
    dated = "新华社北京5月31日电 习近平给少先队员回信。"
    assert _analysis(dated)["回信"] == dated
    assert _analysis(dated + "\n他很快就回信了。")["回信"] == "他很快就回信了。"
