"""CC-CEDICT as flashgen loads it: every entry kept, counted without parsing."""

from __future__ import annotations

from itertools import islice

from flashgen.identity import keyed_by_reading
from flashgen.lexicon.cedict import cedict, parse_lines


def test_every_entry_of_a_headword_is_kept_in_file_order() -> None:
    d = parse_lines(["行 行 [xing2] /to walk/", "行 行 [hang2] /row/", "好 好 [hao3] /good/"])
    assert [e.pinyin for e in d.lookup("行")] == ["xing2", "hang2"]
    assert d.entry_count("行") == 2 and d.entry_count("好") == 1 and d.entry_count("无") == 0


def test_entry_count_matches_the_parsed_entries() -> None:
    d = cedict()
    words = [*islice(d.headwords(), 0, None, 6), "行", "了", "供给", "东西", "长"]
    for word in words:
        assert d.entry_count(word) == len(d.lookup(word)), word


def test_a_note_is_keyed_by_reading_exactly_when_cc_cedict_reads_the_word_several_ways() -> None:
    d = cedict()
    for word in [*islice(d.headwords(), 0, None, 6), "行", "了", "供给", "东西"]:
        assert keyed_by_reading(word) == (len(d.readings(word)) > 1), word
    assert keyed_by_reading("行") and keyed_by_reading("东西") and not keyed_by_reading("供给")


def test_a_saying_in_two_halves_is_a_headword_without_its_comma_too() -> None:
    lines = ["一不做，二不休 一不做，二不休 [yi1 bu4 zuo4 , er4 bu4 xiu1] /in for a penny/"]
    (entry,) = parse_lines(lines).lookup("一不做二不休")
    assert entry.pinyin == "yi1 bu4 zuo4 er4 bu4 xiu1"
    assert entry.traditional == "一不做二不休" and entry.senses == ("in for a penny",)
    # The real dictionary: every saying with a comma can be looked up without it.
    d = cedict()
    sayings = [w for w in d.headwords() if "，" in w]
    assert len(sayings) > 400
    assert all(d.lookup(w.replace("，", "")) for w in sayings)
