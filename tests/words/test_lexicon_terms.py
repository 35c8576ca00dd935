"""flashgen's lexicon of modern terms in the pipeline: segmentation, selection, reading, gloss.

Its terms stay whole, are words (never judged as free phrases), are levelled
like any word outside HSK, read as their entry says and glossed with the
entry's gloss, marked as flashgen's; the learner's glossary still wins.
``FLASHGEN_LEXICON=off`` switches all of it off (checked in a child process:
the switch is read once per process).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from cli_run import child_env

from flashgen.cards.annotate import annotate, composed_gloss
from flashgen.cards.apkg import description
from flashgen.learner.glossary import GlossaryEntry
from flashgen.lexicon import modern
from flashgen.lexicon.frequency import zipf
from flashgen.models import Card, Document
from flashgen.pinyin.readings import reading, token_syllables
from flashgen.words import levels
from flashgen.words.analyse import analyse
from flashgen.words.segment import ATTACHING_FINALS, cut
from flashgen.words.wordhood import judge

TEXT = (
    "新闻\n"
    "各地加快发展低空经济，具身智能成为新的增长点。\n"
    "今年春节档票房创新高，低空经济也走进了更多城市。\n"
)


def test_every_term_stays_whole_when_cut_alone() -> None:
    # Two-character words ending in a particle (阳了, 麻了) are cut like any
    # dictionary pair of that shape: the particle usually belongs to the grammar.
    split = [
        w
        for w in modern.all_terms()
        if cut(w) != [w] and not (len(w) == 2 and w[1] in ATTACHING_FINALS)
    ]
    assert split == []


def test_terms_stay_whole_in_running_text() -> None:
    tokens = cut("各地加快发展低空经济，具身智能和数据要素市场成为新的增长点。")
    assert {"低空经济", "具身智能", "数据要素"} <= set(tokens), tokens


def test_terms_are_words_levelled_by_frequency_like_any_word_outside_hsk() -> None:
    assert not judge("春节档").keep  # a free combination, by the rules for unknown strings
    analysis = analyse(Document("新闻", TEXT, "test", "news"), frozenset())
    uses = {u.word: u for u in analysis.uses}
    for word in ("低空经济", "具身智能", "春节档"):
        use = uses[word]
        assert analysis.tags.get(word, "") == "", word  # a known word, not a found term
        assert use.hsk is None and use.zipf == zipf(word), word
    assert uses["低空经济"].count == 2
    assert levels.band(None, zipf("人大代表")) == "intermediate"  # not all of them are advanced


def test_the_reading_is_the_entrys() -> None:
    for word in ("低空经济", "搭子", "绝绝子"):
        entry = modern.all_terms()[word]
        assert reading(word, f"我说{word}。", 2) == entry.pinyin
        assert token_syllables(word) == tuple(entry.pinyin.split())


def _card(word: str, glossary: dict[str, GlossaryEntry] | None = None) -> Card:
    analysis = analyse(Document("新闻", TEXT, "test", "news"), frozenset())
    (use,) = [u for u in analysis.uses if u.word == word]
    return annotate(
        use,
        analysis.examples[word],
        level="advanced",
        source="新闻",
        variant="tw",
        glossary=glossary or {},
    )


def test_the_card_has_the_entrys_gloss_marked_as_flashgens_and_tagged() -> None:
    card = _card("低空经济")
    gloss = modern.all_terms()["低空经济"].gloss
    assert card.definition.startswith(gloss.split(":")[0])
    assert card.definition.endswith('<small class="source">(flashgen lexicon)</small>')
    assert "≈" not in card.definition and not card.composed
    assert "flashgen::lexicon" in card.tags and "flashgen::no-definition" not in card.tags
    assert card.pinyin_numbered == "di1 kong1 jing1 ji4"


def test_the_learners_glossary_still_wins() -> None:
    mine = {"低空经济": GlossaryEntry("低空经济", "di1 kong1 jing1 ji4", "my own gloss")}
    card = _card("低空经济", mine)
    assert card.definition == "my own gloss"
    assert "flashgen::glossary" in card.tags and "flashgen::lexicon" not in card.tags


def test_a_composed_gloss_names_a_lexicon_part_by_its_gloss() -> None:
    assert "(low-altitude economy)" in composed_gloss("低空经济产业")


def test_the_deck_description_credits_the_lexicon_beside_cc_cedict() -> None:
    text = description("新闻", "test")
    assert "CC-CEDICT" in text and "flashgen's own lexicon of modern terms" in text


_OFF_PROBE = """
import json
from flashgen.cards.apkg import description
from flashgen.lexicon import modern
from flashgen.lexicon.headwords import dictionary_words
from flashgen.words.segment import cut
print(json.dumps({
    "cut": cut("发展低空经济"),
    "term": modern.term("低空经济") is not None,
    "known": "低空经济" in dictionary_words(),
    "credited": "own lexicon" in description("t", "s"),
}))
"""


def _probe(switch: str | None) -> dict[str, object]:
    env = child_env()
    env.pop(modern.SWITCH, None)
    if switch is not None:
        env[modern.SWITCH] = switch
    done = subprocess.run(
        [sys.executable, "-c", _OFF_PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=os.getcwd(),
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_switch_turns_the_lexicon_off_everywhere() -> None:
    on = _probe(None)
    assert on == {"cut": ["发展", "低空经济"], "term": True, "known": True, "credited": True}
    off = _probe("off")
    assert off["cut"] != on["cut"] and "低空经济" not in off["cut"]  # type: ignore[operator]
    assert off["term"] is off["known"] is off["credited"] is False
