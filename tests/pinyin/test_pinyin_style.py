"""Example pinyin in the house style (docs/pinyin-style.md): golden cases, and every real example.

The check over real examples covers the sample decks and the genre texts of
``../shared/eval/genres`` at every level: each Chinese mark became its Western
mark, no space precedes punctuation, no quote stands alone between spaces.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pytest
from testdata import SHARED, Case, cases

from flashgen.cards.annotate import example_pinyin
from flashgen.config import BuildConfig, Level
from flashgen.pipeline import BuildReport, load_documents, plan

GENRES = SHARED / "eval" / "genres"
# Every mark of Chinese text that the style maps (and the full-width forms of ASCII marks).
# (One em dash is the Western mark of ——; two are the Chinese mark left as it was.)
CHINESE_MARKS = re.compile(
    r"[\u3000-\u303f\u2018\u2019\u201c\u201d\u2026\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65]|\u2014\u2014"
)
SPACE_BEFORE_MARK = re.compile(r"\s[,.!?;:)\]%]")
LONE_QUOTE = re.compile(r'(?:^|\s)"(?:\s|$)')


@pytest.mark.parametrize("case", cases("pinyin_style_cases.json"))
def test_golden_example_pinyin(case: Case) -> None:
    assert example_pinyin(case.input, **case.args) == case.expected


def problems(pinyin: str) -> list[str]:
    """What breaks the house style in one example's pinyin (its HTML unescaped)."""
    text = html.unescape(pinyin)
    found = [f"Chinese mark {m.group()!r}" for m in CHINESE_MARKS.finditer(text)]
    found += [f"space before {m.group()!r}" for m in SPACE_BEFORE_MARK.finditer(text)]
    found += ["a quote alone between spaces" for _ in LONE_QUOTE.finditer(text)]
    return found


def test_the_checks_see_the_old_style() -> None:
    old = "guójiāduì ， yě … zhǔlìjūn 。“ mángrénmōxiàng ” láiyuán ： 《 Rénmín Rìbào 》"
    assert len(problems(old)) >= 8


@cache
def examples_of(paths: tuple[Path, ...]) -> dict[str, str]:
    """Every card's example pinyin at every level, by deck and word."""
    out = {}
    for level in Level:
        config = BuildConfig(level=level)
        docs = load_documents(config, paths, BuildReport())
        for p in plan(docs, config):
            for card in p.spec.cards:
                out[f"{p.spec.name} {card.simplified}"] = card.example_pinyin
    return out


def _assert_house_style(found: dict[str, str]) -> None:
    assert len(found) > 100
    bad = {k: (v, problems(v)) for k, v in found.items() if problems(v)}
    assert not bad, list(bad.items())[:5]


def test_every_example_of_the_sample_decks_is_in_the_house_style() -> None:
    _assert_house_style(examples_of(()))


@pytest.mark.skipif(
    not GENRES.is_dir(), reason=f"{GENRES} is absent (the genre texts of ../shared/eval)"
)
def test_every_example_of_the_genre_texts_is_in_the_house_style() -> None:
    texts = tuple(sorted(GENRES.glob("*.txt")))
    assert texts
    _assert_house_style(examples_of(texts))
