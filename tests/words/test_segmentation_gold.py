"""segment.cut against a segmentation gold set: the F1 floor (figures: tests/eval_segmentation.py).

Measured on landed main before two-character dictionary words were kept whole:
P 0.8097 R 0.7548 F1 0.7813 on UD Chinese GSDSimp dev. Keeping more words whole
may cost at most 0.005 of that F1.
"""

from __future__ import annotations

from evaluation import score_segmentation
from testdata import SHARED, needs_shared

GOLD = SHARED / "eval" / "segmentation" / "ud-gsdsimp-dev.txt"
F1_BEFORE = 0.7813
ALLOWED_LOSS = 0.005


@needs_shared("eval", "segmentation", "ud-gsdsimp-dev.txt")
def test_segmentation_f1_stays_within_the_allowed_loss() -> None:
    score = score_segmentation(GOLD)
    assert score.sentences == 500
    assert score.f1 >= F1_BEFORE - ALLOWED_LOSS, score
