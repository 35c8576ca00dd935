"""The command line, as a user runs it: ``flashgen build`` on folders of small texts.

The texts are in ``tests/data/texts/``: a news paragraph about technology and
one about the Spring Festival, each with its title on the first line. Every
test runs in an empty folder of its own, so no ``vocab/`` is picked up by chance.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_run import Cli, deck_lines, package_notes
from click.testing import Result
from testdata import TEXTS

from flashgen import __version__

SUMMARY = re.compile(
    r"^(?P<docs>\d+) documents?(?:, (?P<failed>\d+) failed)?, (?P<seen>\d+) words? seen, "
    r"(?P<words>\d+) words? \((?P<cards>\d+) cards?\) written, \d+\.\d s$"
)


def titles() -> dict[str, str]:
    """File name -> title (its first line) of each test text."""
    return {p.name: p.read_text("utf-8").splitlines()[0] for p in sorted(TEXTS.glob("*.txt"))}


def summary(result: Result) -> re.Match[str]:
    last = result.stdout.splitlines()[-1]
    m = SUMMARY.match(last)
    assert m, last
    return m


def apkg_words(apkg: Path) -> list[str]:
    """The Simplified field of every note in a package."""
    return [fields["Simplified"] for fields in package_notes(apkg)]


def all_words(out: Path) -> set[str]:
    return {w for apkg in out.glob("*.apkg") for w in apkg_words(apkg)}


@pytest.fixture
def texts(cli: Cli) -> Path:
    """A copy of the test texts in the CLI's empty working folder."""
    folder = cli.folder / "texts"
    shutil.copytree(TEXTS, folder)
    return folder


def test_version_prints_the_package_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"flashgen, version {__version__}"


def test_build_help_shows_an_example(cli: Cli) -> None:
    result = cli("build", "--help")
    assert result.exit_code == 0
    assert "Example: flashgen build" in result.output
    assert "--max-words" in result.output and "--known" in result.output


def test_build_writes_one_package_per_document_named_after_its_title(cli: Cli, texts: Path) -> None:
    result = cli("build", str(texts), "--out", "decks")
    assert result.exit_code == 0, result.output
    expected = sorted(titles().values())
    assert sorted(p.stem for p in (cli.folder / "decks").glob("*.apkg")) == expected
    assert sorted(line.deck for line in deck_lines(result.stdout)) == [
        f"flashgen::{t}" for t in expected
    ]
    for line in deck_lines(result.stdout):
        assert line.words > 0 and line.cards >= line.words
        assert Path(line.where).name == f"{line.deck.removeprefix('flashgen::')}.apkg"


def test_documents_with_the_same_title_get_distinct_decks(cli: Cli, texts: Path) -> None:
    spring = (texts / "spring-festival.txt").read_text("utf-8").splitlines()
    tech = (texts / "tech-news.txt").read_text("utf-8").splitlines()
    (texts / "tech-news.txt").write_text("\n".join([spring[0], *tech[1:]]), "utf-8")
    result = cli("build", str(texts), "--out", "decks")
    assert result.exit_code == 0, result.output
    decks = [line.deck for line in deck_lines(result.stdout)]
    assert len(decks) == len(set(decks)) == 2
    assert all(d.startswith(f"flashgen::{spring[0]}") for d in decks)
    assert len(list((cli.folder / "decks").glob("*.apkg"))) == 2


def test_max_words_caps_each_deck(cli: Cli, texts: Path) -> None:
    result = cli("build", str(texts), "--out", "decks", "--max-words", "3")
    assert result.exit_code == 0, result.output
    assert [line.words for line in deck_lines(result.stdout)] == [3, 3]
    for apkg in (cli.folder / "decks").glob("*.apkg"):
        assert len(apkg_words(apkg)) == 3
    assert int(summary(result)["words"]) == 6


def _two_headwords(cli: Cli, texts: Path) -> tuple[set[str], set[str]]:
    """Build once; return two of the words carded and all of them."""
    result = cli("build", str(texts), "--out", "first")
    assert result.exit_code == 0, result.output
    words = all_words(cli.folder / "first")
    assert len(words) > 2
    return set(sorted(words)[:2]), words


def test_known_file_leaves_its_words_out(cli: Cli, texts: Path, tmp_path: Path) -> None:
    known, before = _two_headwords(cli, texts)
    known_file = tmp_path / "my-words.txt"
    known_file.write_text("# words I know\n" + "\n".join(sorted(known)) + "\n", "utf-8")
    content = known_file.read_bytes()
    result = cli("build", str(texts), "--out", "second", "--known", str(known_file))
    assert result.exit_code == 0, result.output
    after = all_words(cli.folder / "second")
    assert not known & after
    assert after == before - known
    assert known_file.read_bytes() == content  # read, never written


def test_vocab_known_txt_in_the_current_folder_is_used(cli: Cli, texts: Path) -> None:
    known, before = _two_headwords(cli, texts)
    vocab = cli.folder / "vocab"
    vocab.mkdir()
    (vocab / "known.txt").write_text("，".join(sorted(known)) + "\n", "utf-8")
    content = (vocab / "known.txt").read_bytes()
    result = cli("build", str(texts), "--out", "second")
    assert result.exit_code == 0, result.output
    after = all_words(cli.folder / "second")
    assert not known & after
    assert after == before - known
    assert (vocab / "known.txt").read_bytes() == content


def test_a_missing_path_is_one_error_line_and_the_rest_is_still_built(
    cli: Cli, texts: Path
) -> None:
    result = cli("build", str(texts), "no-such-file.txt", "--out", "decks")
    assert result.exit_code != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "no-such-file.txt" in errors[0], result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.stem for p in (cli.folder / "decks").glob("*.apkg")) == sorted(
        titles().values()
    )
    m = summary(result)
    assert (m["docs"], m["failed"]) == ("3", "1")


def test_a_document_without_chinese_writes_no_deck_and_says_so(cli: Cli, texts: Path) -> None:
    (texts / "english.txt").write_text("Weekly notes\n\nNothing but English here.\n", "utf-8")
    result = cli("build", str(texts), "--out", "decks")
    assert result.exit_code == 0, result.output
    (english,) = [line for line in deck_lines(result.stdout) if "Weekly notes" in line.deck]
    assert english.words == 0
    assert english.where.startswith("not written")
    assert not [p for p in (cli.folder / "decks").glob("*.apkg") if "Weekly" in p.name]
    assert summary(result)["docs"] == "3"


def test_the_summary_line_adds_up_the_documents(cli: Cli, texts: Path) -> None:
    result = cli("build", str(texts), "--out", "decks")
    assert result.exit_code == 0, result.output
    m = summary(result)
    written = deck_lines(result.stdout)
    assert int(m["docs"]) == len(written) == 2
    assert m["failed"] is None
    assert int(m["words"]) == sum(line.words for line in written)
    assert int(m["cards"]) == sum(line.cards for line in written)
    assert int(m["seen"]) >= int(m["words"])
