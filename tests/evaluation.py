"""Measure word selection and readings against labelled lists.

- Vocabulary list (TSV ``word``, ``expect``): ``include`` words a good advanced
  deck must hold; ``exclude`` strings that must never be a card at any level.
- Pinyin list (TSV ``word``, ``pinyin``): the reading a careful dictionary
  prints. Comparison ignores case and spaces; apostrophes count.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flashgen.config import BuildConfig, Level
from flashgen.models import Card, Document


@dataclass(frozen=True)
class VocabScore:
    recall: float
    missing: tuple[str, ...]
    junk: tuple[str, ...]  # excluded strings that became cards at some level
    advanced_size: int


@dataclass(frozen=True)
class PinyinScore:
    accuracy: float
    wrong: tuple[tuple[str, str, str], ...]  # (word, expected, got)


def read_tsv(path: Path) -> list[tuple[str, str]]:
    """Rows of a two-column TSV, skipping ``#`` comments and the header."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "word":
                continue
            rows.append((row[0].strip(), row[1].strip()))
    return rows


def cards_by_level(docs: list[Document]) -> dict[str, set[str]]:
    """The headwords every level would card from ``docs``."""
    from flashgen.pipeline import plan

    out: dict[str, set[str]] = {}
    for level in Level:
        config = BuildConfig(level=level)
        out[level.value] = {c.simplified for p in plan(docs, config) for c in p.spec.cards}
    return out


def score_vocab(labels: Iterable[tuple[str, str]], by_level: dict[str, set[str]]) -> VocabScore:
    labels = list(labels)
    include = [w for w, e in labels if e == "include"]
    exclude = [w for w, e in labels if e == "exclude"]
    advanced = by_level["advanced"]
    every = set().union(*by_level.values())
    missing = tuple(w for w in include if w not in advanced)
    junk = tuple(w for w in exclude if w in every)
    recall = (len(include) - len(missing)) / len(include) if include else 1.0
    return VocabScore(recall, missing, junk, len(advanced))


def _norm(p: str) -> str:
    return p.lower().replace(" ", "")


def score_pinyin(labels: Iterable[tuple[str, str]]) -> PinyinScore:
    from flashgen.pinyin.readings import reading
    from flashgen.pinyin.spelling import numbered_to_marks

    wrong = []
    labels = list(labels)
    for word, expected in labels:
        got = numbered_to_marks(reading(word))
        if _norm(got) != _norm(expected):
            wrong.append((word, expected, got))
    accuracy = (len(labels) - len(wrong)) / len(labels) if labels else 1.0
    return PinyinScore(accuracy, tuple(wrong))


# -- whole decks: a document built alone, every level --------------------------------


@dataclass(frozen=True)
class DeckScore:
    """Figures of the decks one document gives, built alone, at every level.

    ``junk`` are excluded strings carded at any level; ``pinyin_wrong`` are
    (word, expected, got) for listed readings, ``got`` being the reading on the
    word's card (at whatever level it is carded), else the word's reading out
    of context; ``composed`` counts advanced cards with no dictionary
    definition (a composed gloss); ``kept`` and ``left`` are the words labelled
    G still carded at some level, and those labelled J.
    """

    name: str
    recall: float
    missing: tuple[str, ...]
    junk: tuple[str, ...]
    pinyin_total: int
    pinyin_wrong: tuple[tuple[str, str, str], ...]
    advanced: int
    composed: int
    good_total: int = 0
    good_kept: tuple[str, ...] = ()
    junk_total: int = 0
    junk_left: tuple[str, ...] = ()

    @property
    def composed_share(self) -> float:
        return self.composed / self.advanced if self.advanced else 0.0


def cards_of(docs: list[Document]) -> dict[str, list[Card]]:
    """Every level's cards from ``docs``."""
    from flashgen.pipeline import plan

    return {
        level.value: [c for p in plan(docs, BuildConfig(level=level)) for c in p.spec.cards]
        for level in Level
    }


def load(path: Path) -> list[Document]:
    from flashgen.pipeline import BuildReport, load_documents

    return load_documents(BuildConfig(), (path,), BuildReport())


def read_labels(path: Path) -> list[tuple[str, str]]:
    """(word, label) rows of a hand-labelled card sample (G, J or B)."""
    return read_tsv(path)


def score_deck(
    name: str,
    docs: list[Document],
    vocab: Iterable[tuple[str, str]] = (),
    pinyin: Iterable[tuple[str, str]] = (),
    labels: Iterable[tuple[str, str]] = (),
) -> DeckScore:
    """Build ``docs`` at every level and score them against whatever labels are given."""
    from flashgen.pinyin.readings import reading
    from flashgen.pinyin.spelling import numbered_to_marks

    cards = cards_of(docs)
    by_level = {level: {c.simplified for c in cs} for level, cs in cards.items()}
    every = set().union(*by_level.values())
    vocab = list(vocab)
    score = score_vocab(vocab, by_level) if vocab else VocabScore(1.0, (), (), 0)
    carded_reading = {
        c.simplified: numbered_to_marks(c.pinyin_numbered) for cs in cards.values() for c in cs
    }
    pinyin = list(pinyin)
    wrong = []
    for word, expected in pinyin:
        got = carded_reading.get(word) or numbered_to_marks(reading(word))
        if _norm(got) != _norm(expected):
            wrong.append((word, expected, got))
    labels = list(labels)
    good = [w for w, label in labels if label == "G"]
    bad = [w for w, label in labels if label == "J"]
    advanced = cards["advanced"]
    return DeckScore(
        name,
        score.recall,
        score.missing,
        score.junk,
        len(pinyin),
        tuple(wrong),
        len(advanced),
        sum(c.composed for c in advanced),
        len(good),
        tuple(w for w in good if w in every),
        len(bad),
        tuple(w for w in bad if w in every),
    )


# -- segmentation against a gold standard ------------------------------------------


@dataclass(frozen=True)
class SegmentationScore:
    precision: float
    recall: float
    f1: float
    sentences: int


def _spans(words: Iterable[str]) -> set[tuple[int, int]]:
    out, pos = set(), 0
    for w in words:
        out.add((pos, pos + len(w)))
        pos += len(w)
    return out


def score_segmentation(path: Path) -> SegmentationScore:
    """Word-span precision, recall and F1 of ``segment.cut`` on a gold file (words
    separated by spaces, one sentence a line)."""
    from flashgen.words.segment import cut

    right = found = gold = sentences = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            words = line.split()
            if not words:
                continue
            sentences += 1
            expected = _spans(words)
            got = _spans(t for t in cut("".join(words)) if t.strip())
            right += len(expected & got)
            found += len(got)
            gold += len(expected)
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    return SegmentationScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, sentences)
