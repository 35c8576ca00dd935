"""The quality targets on the labelled dev lists in ../shared/eval (printed by tests/eval_vocab.py).

- recall 1.0 on the words a good advanced deck of the seed must hold;
- no excluded string (collocation, fragment, number, name) at any level;
- every pinyin of the polyphone list right.
"""

from __future__ import annotations

import pytest
from evaluation import cards_by_level, read_tsv, score_pinyin, score_vocab
from testdata import SHARED, needs_shared

from flashgen.config import BuildConfig
from flashgen.pipeline import BuildReport, load_documents

EVAL = SHARED / "eval"
pytestmark = needs_shared("eval")


@pytest.fixture(scope="module")
def by_level() -> dict[str, set[str]]:
    return cards_by_level(load_documents(BuildConfig(), (), BuildReport()))


def test_advanced_seed_deck_holds_every_include_word(by_level: dict[str, set[str]]) -> None:
    score = score_vocab(read_tsv(EVAL / "seed-vocab-dev.tsv"), by_level)
    assert score.missing == ()
    assert score.recall == 1.0


def test_no_excluded_string_is_a_card_at_any_level(by_level: dict[str, set[str]]) -> None:
    score = score_vocab(read_tsv(EVAL / "seed-vocab-dev.tsv"), by_level)
    assert score.junk == ()


def test_levels_are_exclusive_bands(by_level: dict[str, set[str]]) -> None:
    beginner, intermediate, advanced = (
        by_level[k] for k in ("beginner", "intermediate", "advanced")
    )
    assert not beginner & intermediate and not intermediate & advanced and not beginner & advanced


def test_every_pinyin_of_the_polyphone_list_is_right() -> None:
    score = score_pinyin(read_tsv(EVAL / "pinyin-dev.tsv"))
    assert score.wrong == ()
