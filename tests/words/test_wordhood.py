"""What is a word worth a card, for strings no dictionary lists (golden cases in data)."""

from __future__ import annotations

import pytest
from testdata import Case, cases

from flashgen.words.names import is_person_name
from flashgen.words.numbers import is_number
from flashgen.words.parts import split_parts
from flashgen.words.wordhood import judge


@pytest.mark.parametrize("case", cases("wordhood_cases.json"))
def test_judge(case: Case) -> None:
    verdict = judge(case.input, **case.args)
    assert verdict.keep == case.expected["card"], f"{case.input} → {verdict}"
    assert verdict.reason.startswith(case.expected["reason"])


def test_free_combinations_split_into_their_dictionary_words() -> None:
    assert split_parts("充分发挥") == ("充分", "发挥")
    assert judge("宝贵机会").parts == ("宝贵", "机会")


def test_numbers_and_dates_are_recognised_but_idioms_with_numerals_are_not() -> None:
    assert is_number("两年") and is_number("五万名")
    assert not is_number("百舸争流") and not is_number("一盘棋")


def test_person_names_are_told_from_places() -> None:
    assert is_person_name("习近平")
    assert not is_person_name("嘉兴")
    assert not is_person_name("红领巾")


def test_cached_name_sets_match_the_entries_on_all_of_cc_cedict() -> None:
    """is_proper_noun and is_person_name read precomputed sets; they must say what the
    entries say: every entry capitalised, and for people, life dates or "surname"."""
    import re

    from flashgen.lexicon.cedict import cedict
    from flashgen.words.names import is_person_name, is_proper_noun

    person = re.compile(r"\(\d{3,4}-|\bsurname\b|\(\d{3,4}\)")
    dictionary = cedict()
    checked = 0
    for word in dictionary.headwords():
        entries = dictionary.lookup(word)
        proper = bool(entries) and all(e.is_proper_noun for e in entries)
        named = proper and any(person.search(s) for e in entries for s in e.senses)
        assert is_proper_noun(word) == proper, word
        assert is_person_name(word) == named, word
        checked += 1
    assert checked > 100_000


class _CountingSet(frozenset[str]):
    """A set that counts membership tests: the work a split does."""

    lookups = 0

    def __contains__(self, item: object) -> bool:
        type(self).lookups += 1
        return super().__contains__(item)


@pytest.mark.parametrize("char", ["失", "鍙"])
def test_splitting_a_long_run_is_linear_in_its_length(
    monkeypatch: pytest.MonkeyPatch, char: str
) -> None:
    """A run of characters that stay single (失失失…, or text decoded with the
    wrong encoding) is split with a bounded number of dictionary lookups per
    character: trying every substring made a 17,000-character run hang."""
    from flashgen.lexicon.headwords import dictionary_words
    from flashgen.words import parts

    longest = parts.longest_word()
    counting = _CountingSet(dictionary_words())
    monkeypatch.setattr(parts, "dictionary_words", lambda: counting)
    split = parts.split_parts.__wrapped__
    for n in (1_000, 4_000):
        _CountingSet.lookups = 0
        assert split(char * n) == (char,) * n
        assert _CountingSet.lookups <= n * longest  # all substrings: n * n / 2
