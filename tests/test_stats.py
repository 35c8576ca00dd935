"""Coverage statistics: golden small documents, curve properties, table, JSON, plot."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testdata import Case, cases, load_cases

from flashgen.errors import MissingExtraError
from flashgen.stats import (
    PLOT_DPI,
    PLOT_SIZE,
    TOP_N,
    coverage_curve,
    doc_stats,
    format_table,
    plot_coverage,
    to_json,
)

GOLDEN = load_cases("stats_cases.json")
CURVES = load_cases("coverage_curve_cases.json")


def _stats(case: Case):
    given = case.input
    return doc_stats(given["running_words"], set(given["known"]), given["levels"])


@pytest.mark.parametrize("case", cases("stats_cases.json"))
def test_golden_documents(case: Case) -> None:
    stats, want = _stats(case), case.expected
    assert stats.characters == want["characters"]
    assert stats.running_words == want["running_words"]
    assert stats.distinct_words == want["distinct_words"]
    assert dict(stats.hsk_share) == pytest.approx(want["hsk_share"])
    assert stats.hsk_label == want["hsk_label"]
    assert stats.known_share == pytest.approx(want["known_share"])
    assert {ls.level: ls.new_words for ls in stats.levels} == want["new_words"]
    after_50 = {ls.level: dict(ls.coverage_after)[50] for ls in stats.levels}
    assert after_50 == pytest.approx(want["coverage_after_50"])


@pytest.mark.parametrize("case", cases("coverage_curve_cases.json"))
def test_golden_curves(case: Case) -> None:
    given = case.input
    curve = coverage_curve(given["running_words"], set(given["known"]), given["order"])
    assert curve == [tuple(point) for point in case.expected]


def test_top_n_counts_cards_in_the_given_order() -> None:
    running = [f"词{i}" for i in range(300) for _ in range(i % 3 + 1)]
    order = [f"词{i}" for i in reversed(range(300))]
    (level,) = doc_stats(running, set(), {"advanced": order}).levels
    curve = coverage_curve(running, set(), order)
    assert [n for n, _ in level.coverage_after] == list(TOP_N)
    assert level.coverage_after == tuple((n, curve[n][1]) for n in TOP_N)
    assert level.new_words == 300


WORDS = st.sampled_from(["我", "你", "学习", "经济", "政策", "马克思", "银行", "玩儿"])


@given(
    running=st.lists(WORDS, max_size=40),
    known=st.sets(WORDS),
    order=st.lists(WORDS, max_size=12),
)
def test_curve_is_monotone_bounded_and_ends_at_known_plus_order(running, known, order) -> None:
    curve = coverage_curve(running, known, order)
    shares = [share for _, share in curve]
    assert [n for n, _ in curve] == list(range(len(order) + 1))
    assert all(0.0 <= s <= 1.0 for s in shares)
    assert shares == sorted(shares)
    assert shares[-1] >= shares[0]
    if running:
        understood = known | set(order)
        assert shares[-1] == pytest.approx(sum(w in understood for w in running) / len(running))


def test_table_has_a_column_per_document_and_a_row_per_figure() -> None:
    docs = [(f"doc{i}", _stats(case)) for i, case in enumerate(GOLDEN[:2])]
    lines = format_table(docs).splitlines()
    assert lines[0].split() == ["doc0", "doc1"]
    rows = {line[:26].strip(): line[26:].split() for line in lines[1:]}
    assert rows["Running words"] == ["10", "4"]
    assert rows["Known words"] == ["40%", "0%"]
    assert rows["HSK 4-6 words"] == ["20%", "0%"]
    assert rows["intermediate: new words"] == ["2", "-"]  # doc1 has no intermediate deck
    assert rows["beginner: after 100"] == ["60%", "100%"]


def test_json_round_trips_the_figures() -> None:
    docs = [("doc0", _stats(GOLDEN[0]))]
    (record,) = json.loads(to_json(docs))
    assert record["document"] == "doc0"
    assert record["running_words"] == 10
    assert record["hsk_share"]["7-9"] == pytest.approx(0.1)
    assert record["levels"][0] == {
        "level": "beginner",
        "new_words": 2,
        "coverage_after": {"50": 0.6, "100": 0.6, "200": 0.6},
    }


def test_plot_writes_a_png_of_the_expected_size(tmp_path: Path) -> None:
    from PIL import Image

    curves = {
        case.label[:20]: coverage_curve(
            case.input["running_words"], set(case.input["known"]), case.input["order"]
        )
        for case in CURVES
    }
    out = plot_coverage(curves, tmp_path / "coverage.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["coverage.png"]  # no temp file left
    with Image.open(out) as image:
        assert image.size == (PLOT_SIZE[0] * PLOT_DPI, PLOT_SIZE[1] * PLOT_DPI)
        rgb = image.convert("RGB")
        extrema = rgb.getextrema()
        assert any(low < 200 for low, _ in extrema)  # something is drawn, not a blank page


def test_plot_without_matplotlib_names_the_extra(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    with pytest.raises(MissingExtraError, match=r"flashgen\[stats\]"):
        plot_coverage({}, tmp_path / "coverage.png")
