"""End to end: the shipped samples, built by the CLI, imported into a real Anki collection.

The samples are built once per module (about 3 s a build) and every test reads
the same decks. Nothing is mocked: the packages go through Anki's own importer,
scheduler and card renderer.
"""

from __future__ import annotations

import html
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from anki_collection import collection_at, flashgen_notes, import_package
from cli_run import Cli, deck_lines
from e2e import visible

from flashgen.cards import notetype
from flashgen.config import BuildConfig, Level, Variant
from flashgen.pipeline import BuildReport, build, load_documents, plan
from flashgen.resources import sample_bytes, sample_names

TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
HW_SPAN = re.compile(r'<span class="hw">(.*?)</span>')
HOUR = 3600.0


@dataclass(frozen=True)
class Built:
    """One CLI build: its output folder, stdout, and per deck (cards, path)."""

    out: Path
    output: str
    decks: dict[str, tuple[int, Path]]


def sample_titles() -> list[str]:
    """The first line of every shipped sample: the title its deck is named after."""
    return [
        sample_bytes(n).decode("utf-8-sig").lstrip().splitlines()[0].strip() for n in sample_names()
    ]


def cli_build(tmp: Path, *args: str) -> Built:
    """Run ``flashgen build ARGS --out tmp/out`` from the empty folder ``tmp`` (no vocab/)."""
    tmp.mkdir(parents=True, exist_ok=True)
    out = tmp / "out"
    result = Cli(tmp).ok("build", *args, "--out", out)
    decks = {
        line.deck: (line.words, Path(line.where))
        for line in deck_lines(result.output)
        if not line.where.startswith("not written")
    }
    return Built(out, result.output, decks)


def is_plain_hanzi(text: str) -> bool:
    return bool(text) and all(unicodedata.name(ch, "").startswith("CJK") for ch in text)


def deck_notes_in_due_order(col: Any, deck_name: str) -> list[Any]:
    """A deck's notes in Anki's new-card order (the due position of their cards)."""
    did = col.decks.id_for_name(deck_name)
    cards = [col.get_card(cid) for cid in col.find_cards(f"did:{did}")]
    due: dict[int, int] = {}
    for card in cards:
        due[card.nid] = min(due.get(card.nid, card.due), card.due)
    return [col.get_note(nid) for nid in sorted(due, key=lambda nid: due[nid])]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="module")
def samples(tmp: Path) -> Built:
    """``flashgen build --level advanced`` with no PATH: the four shipped samples."""
    return cli_build(tmp / "samples", "--level", "advanced")


@pytest.fixture(scope="module")
def col(tmp: Path, samples: Built) -> Iterator[Any]:
    """A fresh collection with every package of the sample build imported."""
    with collection_at(tmp / "samples.anki2") as collection:
        for _, apkg in samples.decks.values():
            import_package(collection, apkg)
        yield collection


def test_every_sample_with_cards_becomes_a_deck_named_after_its_title(samples: Built) -> None:
    titles = sample_titles()
    assert len(titles) == 4
    assert samples.decks, samples.output
    assert set(samples.decks) <= {f"flashgen::{t}" for t in titles}
    assert all(apkg.is_file() for _, apkg in samples.decks.values())
    assert sorted(samples.out.glob("*.apkg")) == sorted(p for _, p in samples.decks.values())


@pytest.mark.anki
def test_anki_imports_every_deck_with_the_card_count_the_build_reported(
    col: Any, samples: Built
) -> None:
    names = set(col.decks.all_names())
    for deck_name, (cards, _) in samples.decks.items():
        assert deck_name in names
        did = col.decks.id_for_name(deck_name)
        assert len(col.find_notes(f"did:{did}")) == cards, deck_name
    total = sum(cards for cards, _ in samples.decks.values())
    assert col.note_count() == total
    anki_cards = col.card_count()
    assert f"{total} words ({anki_cards} cards) written" in samples.output.splitlines()[-1]
    assert sum(line.cards for line in deck_lines(samples.output)) == anki_cards


@pytest.mark.anki
def test_the_note_type_keeps_the_frozen_field_list(col: Any) -> None:
    model = col.models.get(notetype.MODEL_ID)
    assert model["name"] == notetype.MODEL_NAME
    assert [f["name"] for f in model["flds"]] == list(notetype.FIELDS)
    assert [t["name"] for t in model["tmpls"]] == list(notetype.TEMPLATE_NAMES)
    assert ".sentence.front .hw" in model["css"]


@pytest.mark.anki
def test_every_note_has_its_fields_filled_as_specified(col: Any) -> None:
    notes = flashgen_notes(col)
    assert notes
    for note in notes:
        word = note["Simplified"]
        assert is_plain_hanzi(word), word
        assert note["Traditional"], word
        # The Pinyin field holds one tone-class span per syllable; read its text.
        pinyin = re.sub(r"<[^>]+>", "", note["Pinyin"])
        numbered = note["PinyinNumbered"].split()
        neutral_only = bool(numbered) and all(s.endswith("5") for s in numbered)
        assert TONE_MARKS & set(pinyin) or neutral_only, (word, pinyin)
        assert not re.search(r"\d", pinyin), (word, pinyin)
        no_entry = "flashgen::no-definition" in note.tags
        assert note["Definition"].strip() or no_entry, word
        assert note["Source"].strip(), word
        assert "flashgen::level::advanced" in note.tags, word
        # The meta line in words: the HSK level, how common the word is per million words.
        assert re.fullmatch(r"HSK [1-6]|HSK 7–9|not in HSK", note["Level"]), word
        assert re.fullmatch(
            r"(common|fairly common|rare): about [\d,]+ per million words"
            r"|very rare: (fewer than 1 per million words|too rare for the frequency list)",
            note["Frequency"],
        ), (word, note["Frequency"])


@pytest.mark.anki
def test_every_definition_is_from_cc_cedict_or_flashgens_lexicon_or_marked_as_composed(
    col: Any,
) -> None:
    from flashgen.lexicon import modern
    from flashgen.lexicon.cedict import cedict

    from_lexicon = 0
    for note in flashgen_notes(col):
        word = note["Simplified"]
        definition = note["Definition"]
        marked = definition.endswith('<small class="source">(flashgen lexicon)</small>')
        assert marked == (modern.term(word) is not None and not cedict().lookup(word)), word
        from_lexicon += marked
        if "flashgen::no-definition" in note.tags:
            # No entry: a gloss composed from parts that explain the word, or nothing.
            assert not cedict().lookup(word) and not marked, word
            assert definition == "" or definition.startswith('<span class="composed">≈'), word
        else:
            assert (cedict().lookup(word) or marked) and "≈" not in definition, word
    assert from_lexicon  # the samples use terms of the lexicon


@pytest.mark.anki
def test_every_example_highlights_its_headword(col: Any) -> None:
    for note in flashgen_notes(col):
        word, example = note["Simplified"], note["Example"]
        spans = HW_SPAN.findall(example)
        assert spans, (word, example)  # every occurrence is wrapped, so the gap hides them all
        assert all(s in (word, note["Traditional"]) for s in spans), (word, example)
        assert spans[0] in visible(example), (word, example)


@pytest.mark.anki
def test_all_three_templates_render_and_the_sentence_front_hides_the_word(col: Any) -> None:
    rendered = 0
    for note in flashgen_notes(col)[::10]:  # a sample of every tenth note
        word = note["Simplified"]
        cards = {card.ord: card for card in note.cards()}
        # Every note has an example; a note without a definition has no Recall card.
        assert sorted(cards) == ([0, 1, 2] if note["Definition"] else [0, 2]), word
        for card in cards.values():
            assert visible(card.question()).strip(), (word, card.ord)
            assert visible(card.answer()).strip(), (word, card.ord)
        sentence = cards[2]
        question = sentence.question()
        assert '<div class="sentence front">' in question
        assert f'<span class="hw">{word}</span>' in question, word
        assert word in visible(sentence.answer()), word
        assert word in visible(cards[0].question()), word  # Recognition shows it
        rendered += 1
    assert rendered >= 5


@pytest.mark.anki
def test_deck_descriptions_name_the_source_and_the_dictionary_licence(
    col: Any, samples: Built
) -> None:
    for deck_name in samples.decks:
        desc = col.decks.by_name(deck_name)["desc"]
        assert "CC-CEDICT" in desc and "CC BY-SA" in desc, deck_name
        assert html.escape(deck_name.removeprefix("flashgen::"), quote=False) in desc


@pytest.mark.anki
def test_new_card_order_in_anki_is_the_planned_rarest_first_order(col: Any) -> None:
    config = BuildConfig(level=Level.ADVANCED)
    docs = load_documents(config, (), BuildReport())
    planned = {
        p.spec.name: [c.simplified for c in p.spec.cards]
        for p in plan(docs, config)
        if p.spec.cards
    }
    assert planned
    for deck_name, words in planned.items():
        notes = deck_notes_in_due_order(col, deck_name)
        assert [n["Simplified"] for n in notes] == words, deck_name
        dues = [min(c.due for c in n.cards()) for n in notes]
        assert dues == sorted(set(dues)), deck_name  # distinct, increasing


@pytest.mark.anki
def test_new_card_order_puts_the_rarest_words_first(col: Any, samples: Built) -> None:
    for deck_name in samples.decks:
        notes = deck_notes_in_due_order(col, deck_name)
        zipfs = [
            float(m[1]) if (m := re.match(r"Zipf ([\d.]+)", n["Frequency"])) else -1.0
            for n in notes
        ]
        assert zipfs == sorted(zipfs), deck_name


Schedule = tuple[int, int, int, int]  # a card's (reps, interval in days, type, queue)


@dataclass(frozen=True)
class Reimport:
    """A collection before and after importing a rebuilt deck over the first one."""

    before: dict[str, dict[str, str]]  # guid -> fields
    after: dict[str, dict[str, str]]
    guids_after: list[str]  # one per note, duplicates kept
    new_notes: int
    reviewed_before: dict[str, Schedule]  # guid -> its Recognition card's schedule
    reviewed_after: dict[str, Schedule]


def _snapshot(col: Any) -> dict[str, dict[str, str]]:
    return {n.guid: dict(n.items()) for n in flashgen_notes(col)}


def _recognition_schedules(col: Any) -> dict[str, Schedule]:
    out = {}
    for note in flashgen_notes(col):
        (card,) = [c for c in note.cards() if c.ord == 0]
        out[note.guid] = (card.reps, card.ivl, card.type, card.queue)
    return out


@pytest.fixture(scope="module")
def reimport(tmp: Path, samples: Built) -> Iterator[Reimport]:
    """Import the samples, review every Recognition card, rebuild with ``--variant t``, re-import.

    The first build is the CLI's (package timestamp: now); the rebuild goes
    through the library with a timestamp an hour later, as a later run would.
    """
    with collection_at(tmp / "reimport.anki2") as col:
        for _, apkg in samples.decks.values():
            import_package(col, apkg)
        before = _snapshot(col)
        for cid in col.find_cards(f"mid:{notetype.MODEL_ID} card:1"):
            card = col.get_card(cid)
            card.start_timer()
            col.sched.answerCard(card, 4)  # Easy: the card becomes a review card
        reviewed_before = _recognition_schedules(col)
        out = tmp / "rebuilt"
        config = BuildConfig(variant=Variant.T, out_dir=out, timestamp=time.time() + HOUR)
        report = build([], config)
        assert report.ok and report.results
        new_notes = 0
        for result in report.results:
            if result.path:
                new_notes += len(import_package(col, result.path).log.new)
        guids = [n.guid for n in flashgen_notes(col)]
        after = _snapshot(col)
        yield Reimport(
            before, after, guids, new_notes, reviewed_before, _recognition_schedules(col)
        )


@pytest.mark.anki
def test_reimporting_a_rebuilt_deck_adds_no_note(reimport: Reimport) -> None:
    assert reimport.new_notes == 0
    assert set(reimport.after) == set(reimport.before)


@pytest.mark.anki
def test_reimport_leaves_no_duplicate_note(reimport: Reimport) -> None:
    guids = reimport.guids_after
    assert len(guids) == len(set(guids)) == len(reimport.before)


@pytest.mark.anki
def test_reimporting_a_rebuilt_deck_updates_changed_fields(reimport: Reimport) -> None:
    changed = {
        guid: (reimport.before[guid]["Traditional"], fields["Traditional"])
        for guid, fields in reimport.after.items()
        if fields["Traditional"] != reimport.before[guid]["Traditional"]
    }
    assert changed, "no Traditional field differs between --variant tw and t"
    for guid, (_, new) in changed.items():
        assert reimport.after[guid]["Simplified"] == reimport.before[guid]["Simplified"]
        assert new != ""


@pytest.mark.anki
def test_review_history_survives_a_reimport(reimport: Reimport) -> None:
    assert set(reimport.reviewed_before) == set(reimport.before)
    for reps, ivl, card_type, _ in reimport.reviewed_before.values():
        assert reps == 1 and ivl >= 1 and card_type == 2  # reviewed: now a review card
    assert reimport.reviewed_after == reimport.reviewed_before
    updated = [g for g, fields in reimport.after.items() if fields != reimport.before[g]]
    assert updated  # the history survived on notes whose content did change


@pytest.mark.anki
def test_single_package_holds_every_deck(tmp: Path, samples: Built) -> None:
    single = tmp / "all.apkg"
    built = cli_build(tmp / "single", "--single", str(single))
    assert set(built.decks) == set(samples.decks)
    assert {path for _, path in built.decks.values()} == {single}
    assert not list(built.out.glob("*.apkg"))  # nothing but the one package
    with collection_at(tmp / "single.anki2") as col:
        import_package(col, single)
        for deck_name, (cards, _) in samples.decks.items():
            did = col.decks.id_for_name(deck_name)
            assert did is not None, deck_name
            assert len(col.find_notes(f"did:{did}")) == cards, deck_name


# Bugs these tests found and that are now fixed: Taiwan forms, a traditional
# example that matches the shown example, no headword outside the gap.


def not_big5(text: str) -> list[str]:
    """Characters outside Big5 (cp950), the character set of Taiwan standard text."""
    out = []
    for ch in text:
        try:
            ch.encode("cp950")
        except UnicodeEncodeError:
            out.append(ch)
    return out


@pytest.mark.anki
def test_taiwan_traditional_fields_use_taiwan_standard_characters(col: Any) -> None:
    bad = {
        note["Simplified"]: not_big5(note["Traditional"] + note["ExampleTraditional"])
        for note in flashgen_notes(col)
    }
    assert {word: chars for word, chars in bad.items() if chars} == {}


@pytest.mark.anki
def test_the_traditional_example_is_the_example_in_traditional_characters(col: Any) -> None:
    for note in flashgen_notes(col):
        example, traditional = visible(note["Example"]), note["ExampleTraditional"]
        # Conversion is character for character, so the two have the same length.
        assert len(traditional.strip("…")) == len(example.strip("…")), (example, traditional)


@pytest.mark.anki
def test_the_sentence_front_shows_the_headword_only_in_the_gap(col: Any) -> None:
    leaks = []
    for cid in col.find_cards(f"mid:{notetype.MODEL_ID} card:3"):
        card = col.get_card(cid)
        word = card.note()["Simplified"]
        if word in visible(HW_SPAN.sub("", card.question())):
            leaks.append(word)
    assert leaks == []
