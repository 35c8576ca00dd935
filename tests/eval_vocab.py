"""Print word-selection and pinyin figures on the labelled dev lists.

Run: python tests/eval_vocab.py  (from the checkout; reads ../shared/eval)
"""

from __future__ import annotations

import sys

from evaluation import cards_by_level, read_tsv, score_pinyin, score_vocab
from testdata import SHARED

from flashgen.config import BuildConfig
from flashgen.pipeline import BuildReport, load_documents

EVAL = SHARED / "eval"


def main() -> int:
    docs = load_documents(BuildConfig(), (), BuildReport())
    by_level = cards_by_level(docs)
    vocab = score_vocab(read_tsv(EVAL / "seed-vocab-dev.tsv"), by_level)
    pinyin = score_pinyin(read_tsv(EVAL / "pinyin-dev.tsv"))
    print(f"advanced seed deck: {vocab.advanced_size} notes")
    for level, words in by_level.items():
        print(f"  {level}: {len(words)} notes")
    print(f"include recall: {vocab.recall:.3f}  missing: {' '.join(vocab.missing) or '-'}")
    print(f"excluded words carded: {len(vocab.junk)}  {' '.join(vocab.junk) or '-'}")
    print(f"pinyin accuracy: {pinyin.accuracy:.3f}")
    for word, expected, got in pinyin.wrong:
        print(f"  {word}: expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
