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
from flashgen.models import Document


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
