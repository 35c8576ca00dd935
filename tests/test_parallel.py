"""Worker processes change how fast a build is, never what it makes."""

from __future__ import annotations

import pytest
from testdata import TEXTS

from flashgen.config import BuildConfig, Level
from flashgen.models import Card
from flashgen.pipeline import BuildReport, load_documents, plan


def _decks(jobs: int, level: Level) -> list[tuple[str, int, tuple[Card, ...]]]:
    config = BuildConfig(level=level, jobs=jobs)
    report = BuildReport()
    docs = load_documents(config, (), report) + load_documents(config, (TEXTS,), report)
    assert len(docs) >= 6
    return [(p.spec.name, p.words_seen, p.spec.cards) for p in plan(docs, config)]


@pytest.mark.parametrize("level", [Level.BEGINNER, Level.ADVANCED])
def test_every_card_is_the_same_with_one_two_or_three_processes(level: Level) -> None:
    alone = _decks(1, level)
    assert sum(len(cards) for _, _, cards in alone) > 100
    assert _decks(2, level) == alone
    assert _decks(3, level) == alone
