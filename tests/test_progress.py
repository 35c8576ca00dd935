"""A build reports its progress: terms for each document, then each deck, then done."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashgen.config import BuildConfig, Level
from flashgen.pipeline import build


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_goes_through_terms_then_decks_and_ends_at_the_total(
    tmp_path: Path, jobs: int
) -> None:
    calls: list[tuple[int, int, str]] = []
    report = build(
        [],
        BuildConfig(level=Level.ADVANCED, out_dir=tmp_path, jobs=jobs),
        lambda done, total, label: calls.append((done, total, label)),
    )
    titles = [r.title for r in report.results]
    n = len(titles)
    assert n == 4  # the shipped sample articles
    assert calls == [
        *((i, 2 * n, f"terms: {t}") for i, t in enumerate(titles)),
        *((n + i, 2 * n, t) for i, t in enumerate(titles)),
        (2 * n, 2 * n, ""),
    ]
