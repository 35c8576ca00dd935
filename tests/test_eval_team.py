"""Floors on the team's own genre texts (tests/data/genres: labels more generous
with slang and policy formulations than ../shared's, so the floors are lower):
today's figures with the lexicon of modern terms, so that no change makes
them worse; at most one excluded string carded at any level."""

from __future__ import annotations

import pytest

_RECALL_FLOOR = {
    "tech-news-2": 0.73,
    "society-feature-2": 0.73,
    "policy-economy-2": 0.76,
    "story-dialogue-2": 0.74,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(_RECALL_FLOOR))
def test_team_genre_text_figures_hold(name: str) -> None:
    from eval_vocab import team_genre

    score = team_genre(name)
    assert score.recall >= _RECALL_FLOOR[name], score.missing
    assert len(score.junk) <= 1, score.junk
