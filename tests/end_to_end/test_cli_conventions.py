"""Command-line conventions: help everywhere, -o/-h/-q, counts people read, the deck rule said."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from cli_run import flashgen, in_folder, sample
from click.testing import CliRunner

from flashgen.cli import main

LINE = re.compile(r"^(?P<deck>flashgen::.+): (?P<rest>.+) -> (?P<where>.+)$")


@pytest.fixture(autouse=True)
def _empty_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    with in_folder(tmp_path):
        yield


def _commands() -> dict[str, click.Command]:
    assert isinstance(main, click.Group)
    return dict(main.commands)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_an_example_and_every_option_has_help(name: str) -> None:
    command = _commands()[name]
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: flashgen " + name in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help and len(param.help) > 10, f"{name} {param.opts} has no help"
            assert param.opts[0] in result.output


def test_short_descriptions_are_whole_sentences() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for name, command in _commands().items():
        short = command.get_short_help_str(limit=80)
        assert short.endswith("."), (name, short)
        assert short in result.output


@pytest.mark.parametrize("args", [["-h"], ["build", "-h"], ["stats", "-h"], ["preview", "-h"]])
def test_dash_h_is_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "Usage:" in result.output


def test_counts_say_words_and_cards_with_singulars(tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("标题\n\n我们讨论了光合作用。\n", encoding="utf-8")
    result = flashgen("build", text, "-o", tmp_path / "decks", "--max-words", "1")
    assert result.exit_code == 0, result.output
    (line,) = [m for m in map(LINE.match, result.stdout.splitlines()) if m]
    assert re.fullmatch(r"1 word \(\d cards?\)", line["rest"])
    summary = result.stdout.splitlines()[-1]
    assert re.match(r"^1 document, \d+ words? seen, 1 word \(\d cards?\) written, ", summary)


def test_each_line_says_how_many_words_went_to_earlier_decks(tmp_path: Path) -> None:
    """The 求是 summary repeats the first article: its words are in the first deck."""
    result = flashgen("build", sample("1-"), sample("2-"), "-o", tmp_path)
    assert result.exit_code == 0, result.output
    first, second = [m for m in map(LINE.match, result.stdout.splitlines()) if m]
    assert "earlier" not in first["rest"]
    m = re.match(r"(\d+) new words?(?: \((\d+) cards?\))?, (\d+) in earlier decks", second["rest"])
    assert m and int(m[3]) > int(m[1])
    alone = flashgen("build", sample("2-"), "-o", tmp_path / "alone")
    (line,) = [m for m in map(LINE.match, alone.stdout.splitlines()) if m]
    n_alone = int(line["rest"].split()[0])
    # Built alone, its deck holds the words that went to the earlier deck too, give or
    # take a few corpus terms: terms are found across the documents built together.
    assert int(m[3]) > int(m[1])
    assert n_alone >= int(m[1]) + int(m[3]) * 0.9


def test_quiet_prints_only_errors_and_the_summary(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = flashgen("build", sample("4-"), missing, "-q", "-o", tmp_path / "decks")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [result.stdout.splitlines()[-1]]
    assert result.stdout.startswith("2 documents, 1 failed")
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["error"]
    assert len(list((tmp_path / "decks").glob("*.apkg"))) == 1


def test_no_output_folder_when_nothing_is_written(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text("Nothing but English here.\n", encoding="utf-8")
    result = flashgen("build", english, "-o", tmp_path / "decks")
    assert "not written" in result.stdout
    assert not (tmp_path / "decks").exists()


def test_preview_takes_several_packages_and_a_folder(tmp_path: Path) -> None:
    assert flashgen("build", sample("3-"), sample("4-"), "-o", tmp_path / "d").exit_code == 0
    packages = sorted((tmp_path / "d").glob("*.apkg"))
    result = flashgen("preview", *packages, "-o", tmp_path / "pages")
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "pages").glob("*.html"))
    assert [p.stem for p in pages] == [p.stem for p in packages]
    assert result.stdout.splitlines() == [str(p) for p in sorted(pages, key=lambda p: p.stem)]


@pytest.mark.parametrize("flag", ["-o", "--out", "--output"])
def test_preview_of_one_package_writes_the_file_named(tmp_path: Path, flag: str) -> None:
    assert flashgen("build", sample("4-"), "-o", tmp_path / "d").exit_code == 0
    (package,) = (tmp_path / "d").glob("*.apkg")
    result = flashgen("preview", package, flag, tmp_path / "page.html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_preview_reports_a_bad_package_and_writes_the_others(tmp_path: Path) -> None:
    assert flashgen("build", sample("4-"), "-o", tmp_path / "d").exit_code == 0
    (good,) = (tmp_path / "d").glob("*.apkg")
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"not a zip")
    result = flashgen("preview", bad, good)
    assert result.exit_code == 1
    assert good.with_suffix(".html").is_file()
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_the_preview_header_counts_words_and_cards(tmp_path: Path) -> None:
    assert flashgen("build", sample("4-"), "-o", tmp_path).exit_code == 0
    (package,) = tmp_path.glob("*.apkg")
    assert flashgen("preview", package).exit_code == 0
    page = package.with_suffix(".html").read_text(encoding="utf-8")
    assert re.search(r"<span>\d+ words \(\d+ cards\)</span>", page)
    assert " notes, " not in page
