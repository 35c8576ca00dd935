"""Print word-selection and pinyin figures on the labelled dev lists.

Run: python tests/eval_vocab.py  (from the checkout; reads ../shared/eval)

For the seed's dev lists, each genre text and 华盖集 (each built alone, at
every level): recall of the must-have words in the advanced deck, excluded
strings carded at any level (junk), pinyin accuracy, the share of advanced
cards with no dictionary definition (a composed gloss ≈), and for the labelled
Lu Xun sample the cards labelled G still carded and those labelled J left.
``--segmentation`` also prints segment.cut's precision, recall and F1 on the
segmentation gold set. The key figures are tests (tests/test_eval.py).
"""

from __future__ import annotations

import argparse
import sys

from evaluation import (
    DeckScore,
    cards_by_level,
    load,
    read_tsv,
    score_deck,
    score_pinyin,
    score_segmentation,
    score_vocab,
)
from testdata import DATA, SHARED

from flashgen.config import BuildConfig
from flashgen.pipeline import BuildReport, load_documents

EVAL = SHARED / "eval"
GENRES = EVAL / "genres"
GENRE_NAMES = ("tech-news", "society-feature", "policy-economy", "story-dialogue")
HUAGAIJI = SHARED / "corpus" / "luxun" / "华盖集.txt"
HUAGAIJI_LABELS = EVAL / "luxun-huagaiji-labels.tsv"
SEGMENTATION = EVAL / "segmentation" / "ud-gsdsimp-dev.txt"


def seed() -> None:
    docs = load_documents(BuildConfig(), (), BuildReport())
    by_level = cards_by_level(docs)
    vocab = score_vocab(read_tsv(EVAL / "seed-vocab-dev.tsv"), by_level)
    pinyin = score_pinyin(read_tsv(EVAL / "pinyin-dev.tsv"))
    print(f"seed: advanced deck {vocab.advanced_size} notes")
    for level, words in by_level.items():
        print(f"  {level}: {len(words)} notes")
    print(f"  include recall: {vocab.recall:.3f}  missing: {' '.join(vocab.missing) or '-'}")
    print(f"  excluded words carded: {len(vocab.junk)}  {' '.join(vocab.junk) or '-'}")
    print(f"  pinyin accuracy: {pinyin.accuracy:.3f}")
    for word, expected, got in pinyin.wrong:
        print(f"    {word}: expected {expected}, got {got}")


def genre(name: str) -> DeckScore:
    return score_deck(
        name,
        load(GENRES / f"{name}.txt"),
        read_tsv(GENRES / f"{name}-vocab.tsv"),
        read_tsv(GENRES / f"{name}-pinyin.tsv"),
    )


TEAM_GENRES = DATA / "genres"
TEAM_GENRE_NAMES = tuple(f"{name}-2" for name in GENRE_NAMES)


def team_genre(name: str) -> DeckScore:
    """A genre text of the team's second development set (tests/data/genres);
    a 歇后语 label (with its dash) is left out: no card is one."""
    labels = [
        (w, label) for w, label in read_tsv(TEAM_GENRES / f"{name}-vocab.tsv") if "——" not in w
    ]
    return score_deck(name, load(TEAM_GENRES / f"{name}.txt"), labels)


def huagaiji() -> DeckScore:
    return score_deck("华盖集", load(HUAGAIJI), labels=read_tsv(HUAGAIJI_LABELS))


def show(score: DeckScore) -> None:
    print(f"{score.name}: advanced deck {score.advanced} notes")
    if score.missing or score.recall < 1.0 or score.junk or score.pinyin_total:
        print(f"  recall: {score.recall:.3f}  missing: {' '.join(score.missing) or '-'}")
        print(f"  junk (any level): {len(score.junk)}  {' '.join(score.junk) or '-'}")
        right = score.pinyin_total - len(score.pinyin_wrong)
        print(f"  pinyin: {right}/{score.pinyin_total}")
        for word, expected, got in score.pinyin_wrong:
            print(f"    {word}: expected {expected}, got {got}")
    print(f"  no dictionary definition (≈): {score.composed} ({score.composed_share:.1%})")
    if score.good_total or score.junk_total:
        print(
            f"  labelled G kept: {len(score.good_kept)}/{score.good_total}"
            f"  ({len(score.good_kept) / score.good_total:.1%})"
        )
        print(f"  labelled J left: {len(score.junk_left)}/{score.junk_total}")
        print(f"    {' '.join(score.junk_left) or '-'}")
        lost = [w for w, label in read_tsv(HUAGAIJI_LABELS) if label == "G"]
        lost = [w for w in lost if w not in score.good_kept]
        print(f"    G lost: {' '.join(lost) or '-'}")


def segmentation() -> None:
    s = score_segmentation(SEGMENTATION)
    print(
        f"segmentation ({SEGMENTATION.name}, {s.sentences} sentences): "
        f"P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-luxun", action="store_true", help="skip 华盖集 (the slowest part)")
    parser.add_argument("--segmentation", action="store_true", help="also score segment.cut")
    parser.add_argument(
        "--team", action="store_true", help="also the team's genre texts (tests/data/genres)"
    )
    args = parser.parse_args()
    seed()
    for name in GENRE_NAMES:
        show(genre(name))
    if args.team:
        for name in TEAM_GENRE_NAMES:
            show(team_genre(name))
    if not args.no_luxun:
        show(huagaiji())
    if args.segmentation:
        segmentation()
    return 0


if __name__ == "__main__":
    sys.exit(main())
