"""Print segment.cut's word-span precision, recall and F1 on the segmentation gold set.

Run: python tests/eval_segmentation.py [GOLD_FILE]  (default: ../shared/eval/segmentation/
ud-gsdsimp-dev.txt, one sentence a line, gold words separated by spaces). The
floor is a test (tests/words/test_segmentation_gold.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from evaluation import score_segmentation
from testdata import SHARED

GOLD = SHARED / "eval" / "segmentation" / "ud-gsdsimp-dev.txt"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    s = score_segmentation(path)
    print(f"{path.name}: {s.sentences} sentences")
    print(f"P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
