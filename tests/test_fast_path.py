"""The fast path changes no card: same words, readings and examples on the seed.

tests/data/seed_golden.tsv holds every card of the shipped samples at every
level, as built before the speed work (plain jieba, full-sentence pypinyin,
pickled dictionary). See tests/seed_snapshot.py to regenerate it after a
deliberate change.
"""

from __future__ import annotations

from seed_snapshot import snapshot
from testdata import DATA

GOLDEN = DATA / "seed_golden.tsv"


def test_seed_cards_are_the_same_as_before_the_speed_work() -> None:
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    got = snapshot()
    assert len(got) == len(expected)
    assert got == expected
