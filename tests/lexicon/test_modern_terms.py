"""flashgen's own lexicon of modern terms: the data's rules (docs/modern-terms.md), checked.

Every entry: a multi-character Han word that CC-CEDICT does not list, once in
the whole lexicon, in a known domain, with CC-CEDICT-style numbered pinyin of
one syllable per character, each syllable a reading that CC-CEDICT or pypinyin
gives that character (a neutral tone only where the character has those letters),
and an English gloss (cross references in hanzi allowed: "opposite of 种草").
:func:`problems` is the checker; the tests show that it finds each kind of
fault, then that the shipped lexicon has none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pytest

from flashgen import resources
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.han import UNIFIED
from flashgen.lexicon.modern import DOMAINS, ModernTerm, parse

MIN_ENTRIES = 1500
MAX_GLOSS = 200
_SYLLABLE = re.compile(r"^[a-z:]+[1-5]$")
_WORD = re.compile(f"^[{UNIFIED}]{{2,}}$")
_LICENCE = re.compile(r"^# flashgen modern-terms lexicon, domain (\w+)\. .*own work.*MIT", re.I)


@pytest.fixture(scope="module")
def char_readings() -> dict[str, frozenset[str]]:
    """Every reading CC-CEDICT gives each character, inside any headword, or pypinyin gives it."""
    d = cedict()
    readings: dict[str, set[str]] = {}
    for word in d.headwords():
        for e in d.lookup(word):
            syllables = e.pinyin.lower().split()
            if len(syllables) == len(word):
                for ch, syl in zip(word, syllables, strict=True):
                    readings.setdefault(ch, set()).add(syl)
    return {ch: frozenset(r) for ch, r in readings.items()}


def pypinyin_readings(ch: str) -> set[str]:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
    return {r.replace("v", "u:") for r in found}


def reading_problem(ch: str, syllable: str, known: Mapping[str, frozenset[str]]) -> str | None:
    """Why ``syllable`` is not a reading of ``ch``; ``None`` when it is."""
    if not _SYLLABLE.match(syllable):
        return f"bad syllable {syllable!r}"
    ok = set(known.get(ch, ())) | pypinyin_readings(ch)
    if syllable in ok:
        return None
    if syllable.endswith("5") and any(r[:-1] == syllable[:-1] for r in ok):
        return None  # neutral tone of a reading the character has (子 zi5, 么 me5)
    return f"{ch} is not read {syllable} (known: {' '.join(sorted(ok))})"


def problems(
    terms: Iterable[ModernTerm], known: Mapping[str, frozenset[str]], domain: str | None = None
) -> list[str]:
    """Every broken rule, one line each."""
    out: list[str] = []
    seen: Counter[str] = Counter()
    d = cedict()
    for t in terms:
        seen[t.word] += 1
        if seen[t.word] == 2:
            out.append(f"{t.word}: duplicate")
        if not _WORD.match(t.word):
            out.append(f"{t.word}: not a word of two or more Han characters")
        if t.word in d:
            out.append(f"{t.word}: a CC-CEDICT headword (use CC-CEDICT's entry)")
        if t.domain not in DOMAINS or (domain is not None and t.domain != domain):
            out.append(f"{t.word}: domain {t.domain!r} (file: {domain})")
        if t.year is not None and not 1978 <= t.year <= 2026:
            out.append(f"{t.word}: year {t.year}")
        if not re.search("[A-Za-z]{2}", t.gloss) or len(t.gloss) > MAX_GLOSS:
            out.append(f"{t.word}: gloss not in English or longer than {MAX_GLOSS}")
        syllables = t.pinyin.split()
        if len(syllables) != len(t.word):
            out.append(f"{t.word}: {len(syllables)} syllables for {len(t.word)} characters")
            continue
        for ch, syl in zip(t.word, syllables, strict=True):
            why = reading_problem(ch, syl, known)
            if why:
                out.append(f"{t.word}: {why}")
    return out


def entry(word: str, pinyin: str, gloss: str = "a gloss", domain: str = "tech") -> ModernTerm:
    return ModernTerm(word, pinyin, gloss, domain, None, "")


@pytest.mark.parametrize(
    ("bad", "fault"),
    [
        (entry("发展", "fa1 zhan3"), "CC-CEDICT headword"),
        (entry("碳达峰", "tan4 da2"), "2 syllables for 3"),
        (entry("碳达峰", "tan4 da2 fang1"), "峰 is not read fang1"),
        (entry("碳达峰", "tan4 Da2 feng1"), "bad syllable"),
        (entry("碳达峰", "tan4 ma5 feng1"), "达 is not read ma5"),
        (entry("碳", "tan4"), "not a word"),
        (entry("AI换脸", "A I huan4 lian3"), "not a word"),
        (entry("碳达峰", "tan4 da2 feng1", "碳达到峰值"), "not in English"),
        (entry("碳达峰", "tan4 da2 feng1", "x" * 201), "longer than"),
        (entry("碳达峰", "tan4 da2 feng1", domain="sport"), "domain 'sport'"),
    ],
)
def test_the_checker_finds_each_kind_of_fault(
    bad: ModernTerm, fault: str, char_readings: dict[str, frozenset[str]]
) -> None:
    found = problems([bad], char_readings)
    assert any(fault in p for p in found), found


def test_the_checker_finds_duplicates_and_accepts_a_good_entry(
    char_readings: dict[str, frozenset[str]],
) -> None:
    good = entry("搭子", "da1 zi5")
    assert problems([good], char_readings) == []
    assert problems([good, good], char_readings) == ["搭子: duplicate"]


def test_the_shipped_lexicon_breaks_no_rule(char_readings: dict[str, frozenset[str]]) -> None:
    everything: list[ModernTerm] = []
    found: list[str] = []
    for name, text in resources.lexicon_texts():
        terms = parse(name, text)
        found += problems(terms, char_readings, domain=name.removesuffix(".tsv"))
        everything += terms
    found += [p for p in problems(everything, char_readings) if p.endswith("duplicate")]
    assert found == [], "\n".join(found)
    assert len(everything) == len(modern.all_terms()) >= MIN_ENTRIES


def test_each_file_is_one_domain_and_opens_with_its_licence_line() -> None:
    names = [name for name, _ in resources.lexicon_texts()]
    assert names == sorted(f"{d}.tsv" for d in DOMAINS)
    for name, text in resources.lexicon_texts():
        first, header = text.splitlines()[:2]
        m = _LICENCE.match(first)
        assert m and m.group(1) == name.removesuffix(".tsv"), name
        assert tuple(header.split("\t")) == modern.HEADER, name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word\tpinyin\n", "expected the header"),
        ("\t".join(modern.HEADER) + "\n碳达峰\ttan4 da2 feng1\tcarbon peak\n", "6 tab-separated"),
        ("\t".join(modern.HEADER) + "\n碳达峰\ttan4 da2 feng1\tpeak\tcarbon\t\t\n", "domain"),
        ("\t".join(modern.HEADER) + "\n碳达峰\ttan4 da2 feng1\tpeak\tpolicy\t20\t\n", "YYYY"),
    ],
)
def test_a_malformed_file_is_an_error_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse("bad.tsv", text)
