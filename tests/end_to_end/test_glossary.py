"""The learner's glossary (vocab/glossary.tsv) adds words and overrides CC-CEDICT.

Its words are lexical units in segmentation too: a term no dictionary has
becomes one card with the glossary's reading and definition.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import Cli, package_notes

GLOSSARY = (
    "# word\tpinyin\tdefinition\n"
    "新质生产力\txin1 zhi4 sheng1 chan3 li4\tnew quality productive forces (policy term)\n"
    "谋划\tmou2 hua4\tto plan carefully (my own gloss)\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict[str, str]], Path]:
    """The samples built from a folder whose ``vocab/glossary.tsv`` holds :data:`GLOSSARY`."""
    cli = Cli(tmp_path_factory.mktemp("learner"))
    glossary = cli.folder / "vocab" / "glossary.tsv"
    glossary.parent.mkdir()
    glossary.write_text(GLOSSARY, encoding="utf-8")
    cli.ok("build", "--out", "decks")
    notes = {
        fields["Simplified"]: fields
        for apkg in (cli.folder / "decks").glob("*.apkg")
        for fields in package_notes(apkg)
    }
    return notes, glossary


def test_a_glossary_term_is_one_card_with_the_glossary_entry(built) -> None:
    notes, _ = built
    card = notes["新质生产力"]
    assert card["Definition"] == "new quality productive forces (policy term)"
    assert "composed" not in card["Notes"]
    assert card["PinyinNumbered"] == "xin1 zhi4 sheng1 chan3 li4"


def test_the_glossary_overrides_cc_cedict(built) -> None:
    notes, _ = built
    assert notes["谋划"]["Definition"] == "to plan carefully (my own gloss)"


def test_the_glossary_file_is_never_written(built) -> None:
    _, glossary = built
    assert glossary.read_text(encoding="utf-8") == GLOSSARY


def test_a_malformed_glossary_is_a_one_line_error(cli: Cli) -> None:
    (cli.folder / "vocab").mkdir()
    (cli.folder / "vocab" / "glossary.tsv").write_text("新词 only two\n", encoding="utf-8")
    result = cli("build", "--out", "decks")
    assert result.exit_code == 1
    message = result.output.strip().splitlines()
    assert len(message) == 1 and "glossary.tsv:1" in message[0]
