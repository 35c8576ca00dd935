"""Print every card of the shipped samples at every level: level, deck, word, reading, example.

The golden copy is tests/data/seed_golden.tsv, made before the speed work (fast
segmentation, fast sentence pinyin, the pickled dictionary) so that
test_fast_path can check that the fast path changes no card. After a deliberate
change to word selection, regenerate it:

    python tests/seed_snapshot.py > tests/data/seed_golden.tsv
"""

from __future__ import annotations

import sys

from flashgen.config import BuildConfig, Level
from flashgen.pipeline import BuildReport, load_documents, plan


def snapshot() -> list[str]:
    docs = load_documents(BuildConfig(), (), BuildReport())
    rows = []
    for level in Level:
        for p in plan(docs, BuildConfig(level=level)):
            for c in p.spec.cards:
                rows.append(
                    "\t".join(
                        [level.value, p.spec.name, c.simplified, c.pinyin_numbered, c.example]
                    )
                )
    return rows


if __name__ == "__main__":
    sys.stdout.write("\n".join(snapshot()) + "\n")
