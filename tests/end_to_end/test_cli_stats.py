"""``flashgen stats`` end to end: the table, ``--json``, ``--known`` and ``--plot``.

The figures are checked for what they mean rather than against frozen
numbers: shares that add up, coverage that only grows, and known words that
move the figures by exactly what they should.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_run import SAMPLES, Cli, sample

from flashgen.config import BuildConfig, Level
from flashgen.pipeline import BuildReport
from flashgen.stats import PLOT_DPI, PLOT_SIZE, TOP_N, assumed_known, document_stats

LEVELS = [lv.value for lv in Level]
BANDS = ["1-3", "4-6", "7-9", "outside"]


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """The command line, run from one empty folder for the whole module."""
    return Cli(tmp_path_factory.mktemp("stats"))


@pytest.fixture(scope="module")
def folder(cli: Cli) -> Path:
    return cli.folder


@pytest.fixture(scope="module")
def records(cli: Cli) -> list[dict]:
    """``flashgen stats --json`` on the shipped samples."""
    return json.loads(cli.ok("stats", "--json").stdout)


@pytest.fixture(scope="module")
def analysed() -> dict[str, tuple[tuple[str, ...], dict[str, list[str]]]]:
    """Each sample's running words and per-level card order, from the library."""
    runs = document_stats((), BuildConfig(), BuildReport())
    return {doc.title: (running, orders) for doc, running, orders in runs}


def _titles() -> list[str]:
    return [sample(f"{i}-").read_text(encoding="utf-8").splitlines()[0] for i in range(1, 5)]


def _levels(record: dict) -> dict[str, dict]:
    return {ls["level"]: ls for ls in record["levels"]}


def test_without_paths_it_reports_the_four_samples_in_order(records) -> None:
    assert [r["document"] for r in records] == _titles()


def test_json_has_every_figure_for_every_document(records) -> None:
    for r in records:
        assert {"characters", "running_words", "distinct_words", "known_share"} <= set(r)
        assert sorted(r["hsk_share"]) == sorted(BANDS)
        assert list(_levels(r)) == LEVELS
        for ls in r["levels"]:
            assert list(ls["coverage_after"]) == [str(n) for n in TOP_N]


def test_figures_are_consistent(records, analysed) -> None:
    for r in records:
        name = r["document"]
        assert 0 < r["distinct_words"] <= r["running_words"] <= r["characters"], name
        assert sum(r["hsk_share"].values()) == pytest.approx(1.0), name
        assert all(0.0 <= share <= 1.0 for share in r["hsk_share"].values()), name
        # Nothing on the learner's lists in an empty folder: an advanced learner
        # knows the beginner and intermediate bands, and no more.
        running, _ = analysed[name]
        assumed = assumed_known(running, set(), "advanced")
        assert r["known_share"] == pytest.approx(sum(w in assumed for w in running) / len(running))
        assert r["learner_level"] == "advanced" and r["path"].startswith("sample:"), name
        levels = _levels(r)
        # Levels are exclusive bands: no word is new at two levels.
        assert sum(ls["new_words"] for ls in levels.values()) <= r["distinct_words"], name
        for level, ls in levels.items():
            shares = [ls["coverage_after"][str(n)] for n in TOP_N]
            start = assumed_known(running, set(), level)
            floor = sum(w in start for w in running) / len(running)
            assert floor <= shares[0] <= shares[1] <= shares[2] <= 1.0, (name, level)
            for n, share in zip(TOP_N, shares, strict=True):
                if ls["new_words"] <= n:  # the whole deck learned: nothing more to gain
                    assert share == shares[-1], (name, level, n)


def _table_rows(table: str) -> dict[str, list[str]]:
    """Figure name -> cells; labels and cells are separated by two or more spaces."""
    rows = {}
    for line in table.splitlines()[1:]:
        label, *cells = re.split(r"\s{2,}", line.strip())
        rows[label] = cells
    return rows


def _pct(share: float) -> str:
    return f"{share:.0%}"


def test_table_shows_the_json_figures(cli, records) -> None:
    table = cli.ok("stats").stdout
    assert all(title in table.splitlines()[0] for title in _titles())
    rows = _table_rows(table)
    expected = {
        "Han characters": [str(r["characters"]) for r in records],
        "Running words": [str(r["running_words"]) for r in records],
        "Distinct words": [str(r["distinct_words"]) for r in records],
        "HSK 1-3 words": [_pct(r["hsk_share"]["1-3"]) for r in records],
        "HSK 4-6 words": [_pct(r["hsk_share"]["4-6"]) for r in records],
        "HSK 7-9 words": [_pct(r["hsk_share"]["7-9"]) for r in records],
        "Outside HSK": [_pct(r["hsk_share"]["outside"]) for r in records],
        "Known at advanced level": [_pct(r["known_share"]) for r in records],
        "File": [r["file"] for r in records],
    }
    for level in LEVELS:
        expected[f"{level}: new words"] = [str(_levels(r)[level]["new_words"]) for r in records]
        for n in TOP_N:
            cells = [_pct(_levels(r)[level]["coverage_after"][str(n)]) for r in records]
            expected[f"{level}: after {n}"] = cells
    assert {label: rows.get(label) for label in expected} == expected


def test_table_columns_line_up_on_screen(cli) -> None:
    """Han titles take two terminal columns each; the numbers sit under their ends."""
    from flashgen.stats import display_width

    lines = cli.ok("stats", sample("3-"), sample("4-")).stdout.splitlines()
    assert len({display_width(line) for line in lines}) == 1


def _figures(record: dict) -> dict:
    """A record without where the document came from."""
    return {k: v for k, v in record.items() if k not in ("path", "file")}


def test_paths_give_the_same_figures_as_the_sample_run(cli, records) -> None:
    """A document's own figures do not depend on where it was read from; its new
    words per level depend on the documents before it (the build's rule)."""
    chosen = json.loads(cli.ok("stats", "--json", sample("4-"), sample("3-")).stdout)
    assert [r["document"] for r in chosen] == [_titles()[3], _titles()[2]]
    by_title = {r["document"]: r for r in records}

    def own(record: dict) -> dict:
        return {k: v for k, v in _figures(record).items() if k != "levels"}

    assert [own(r) for r in chosen] == [own(by_title[r["document"]]) for r in chosen]
    assert chosen[0]["file"] == sample("4-").name and chosen[0]["path"] == str(sample("4-"))


def test_new_words_follow_the_build_rule_a_word_counts_for_its_first_document(cli, records) -> None:
    """The summary sample repeats the first article: stats counts what build cards."""
    alone = json.loads(cli.ok("stats", "--json", sample("2-")).stdout)[0]
    after_first = records[1]
    assert after_first["document"] == alone["document"]
    for level in LEVELS:
        assert _levels(after_first)[level]["new_words"] < _levels(alone)[level]["new_words"]
    built = cli.ok("build", "--level", "advanced", "--out", "decks-rule").stdout.splitlines()
    line = next(x for x in built if _titles()[1] in x)
    assert line.split(": ", 1)[1].startswith(f"{_levels(after_first)['advanced']['new_words']} ")


def test_a_folder_is_every_document_in_it(cli, records) -> None:
    found = json.loads(cli.ok("stats", "--json", SAMPLES).stdout)
    assert [_figures(r) for r in found] == [_figures(r) for r in records]


def _known_file(folder: Path, analysed, per_level: dict[str, int]) -> tuple[Path, set[str]]:
    """A known-words file holding the first cards of each level of the first sample."""
    _, orders = analysed[_titles()[0]]
    words = {w for level, n in per_level.items() for w in orders[level][:n]}
    path = folder / "known-words.txt"
    path.write_text("# words I know\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    return path, words


def test_known_words_raise_known_share_and_leave_the_decks(cli, folder, records, analysed) -> None:
    per_level = {"beginner": 2, "intermediate": 3, "advanced": 5}
    known_file, known = _known_file(folder, analysed, per_level)
    after = json.loads(cli.ok("stats", "--json", "--known", known_file).stdout)
    for before, now in zip(records, after, strict=True):
        running, orders = analysed[now["document"]]
        assumed = assumed_known(running, known, "advanced")
        assert now["known_share"] == pytest.approx(
            sum(w in assumed for w in running) / len(running)
        )
        for level in LEVELS:
            dropped = len(known & set(orders[level]))
            was, is_ = _levels(before)[level], _levels(now)[level]
            assert is_["new_words"] == was["new_words"] - dropped, (now["document"], level)
            for n in TOP_N:
                assert is_["coverage_after"][str(n)] >= was["coverage_after"][str(n)] - 1e-9
    first = after[0]
    assert first["known_share"] > records[0]["known_share"]
    assert [_levels(first)[lv]["new_words"] for lv in LEVELS] == [
        _levels(records[0])[lv]["new_words"] - per_level[lv] for lv in LEVELS
    ]


def test_vocab_known_txt_in_the_current_folder_is_read(cli, folder, records, analysed) -> None:
    _, known = _known_file(folder, analysed, {"advanced": 4})
    (folder / "vocab").mkdir()
    try:
        (folder / "vocab" / "known.txt").write_text("\n".join(known), encoding="utf-8")
        first = json.loads(cli.ok("stats", "--json").stdout)[0]
    finally:
        (folder / "vocab" / "known.txt").unlink()
        (folder / "vocab").rmdir()
    assert first["known_share"] > records[0]["known_share"]
    was = _levels(records[0])["advanced"]["new_words"]
    assert _levels(first)["advanced"]["new_words"] == was - 4


# matplotlib's default colour cycle: the n-th document's curve is drawn in CYCLE[n].
CYCLE = [(0x1F, 0x77, 0xB4), (0xFF, 0x7F, 0x0E), (0x2C, 0xA0, 0x2C), (0xD6, 0x27, 0x28)]
# A curve over dozens of cards is hundreds of pixels long; the legend's sample
# line alone is about 60 pixels.
MIN_CURVE_PIXELS = 150


def _colour_pixels(png: Path) -> list[int]:
    """How many pixels of each cycle colour the image has (within a small tolerance)."""
    import numpy as np
    from PIL import Image

    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.size == (PLOT_SIZE[0] * PLOT_DPI, PLOT_SIZE[1] * PLOT_DPI)
        pixels = np.asarray(image.convert("RGB"), dtype=int)
    assert (pixels != 255).any(axis=2).sum() > 10_000  # axes, text and curves are drawn
    return [int((abs(pixels - colour).max(axis=2) <= 12).sum()) for colour in CYCLE]


def test_plot_draws_a_curve_per_document(cli, folder) -> None:
    """Three articles with decks of their own (the summary sample repeats the first)."""
    docs = [sample("1-"), sample("3-"), sample("4-")]
    result = cli.ok("stats", "--plot", folder / "all.png", *docs)
    assert "all.png" in result.stderr
    assert all(n >= MIN_CURVE_PIXELS for n in _colour_pixels(folder / "all.png")[:3])


def test_plot_of_one_document_has_one_curve(cli, folder) -> None:
    cli.ok("stats", "--plot", folder / "one.png", sample("1-"))
    first, *others = _colour_pixels(folder / "one.png")
    assert first >= MIN_CURVE_PIXELS
    assert max(others) < MIN_CURVE_PIXELS


def test_documents_with_the_same_title_get_a_curve_each(cli, folder) -> None:
    title, *body = sample("4-").read_text(encoding="utf-8").splitlines()
    other_body = sample("3-").read_text(encoding="utf-8").splitlines()[1:]
    (folder / "same").mkdir()
    (folder / "same" / "a.txt").write_text("\n".join([title, *body]), encoding="utf-8")
    (folder / "same" / "b.txt").write_text("\n".join([title, *other_body]), encoding="utf-8")
    cli.ok("stats", "--plot", folder / "same.png", folder / "same")
    first, second, *_ = _colour_pixels(folder / "same.png")
    assert first >= MIN_CURVE_PIXELS and second >= MIN_CURVE_PIXELS
