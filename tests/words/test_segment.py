"""Segmentation keeps dictionary words whole and is jieba with HMM off."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import DATA, SHARED, Case, cases

from flashgen.words.enumerations import TERM_PARTICLES
from flashgen.words.segment import cut
from flashgen.words.terms import force_terms, quoted_terms, run_candidates


@pytest.mark.parametrize("case", cases("segment_cases.json"))
def test_dictionary_words_stay_whole(case: Case) -> None:
    tokens = cut(case.input)
    assert "".join(tokens) == case.input
    for word in case.expected:
        assert word in tokens, tokens


def test_hmm_is_off_so_no_invented_words() -> None:
    # With HMM on, jieba joins unknown characters into words such as 共分.
    assert "共分" not in cut("我们共分三个阶段")


def test_quoted_strings_are_term_candidates() -> None:
    assert quoted_terms("实现“并跑”乃至“领跑”") == {"并跑", "领跑"}


def test_a_bound_two_character_run_takes_its_head_noun() -> None:
    found = run_candidates(["发展", "新", "质", "生产力", "、", "建设"])
    assert [c.text for c in found] == ["新质生产力"]


def test_a_verb_shared_by_parallel_items_is_not_part_of_the_term() -> None:
    found = run_candidates(["投", "早", "、", "投", "长期", "、", "投", "硬", "科技", "。"])
    assert [(c.text, c.evidence) for c in found] == [("硬科技", "enumerated")]


def test_terms_are_forced_only_where_an_edge_is_a_token_boundary() -> None:
    assert force_terms(["投硬", "科技"], frozenset({"硬科技"})) == ["投", "硬科技"]
    assert force_terms(["实施", "策略"], frozenset({"施策"})) == ["实施", "策略"]


def _force_terms_scanning_every_position(tokens: list[str], terms: frozenset[str]) -> list[str]:
    """force_terms as first written: try every position, left to right (the
    specification); an edge may not fall inside a token that is a dictionary word."""
    from flashgen.lexicon.headwords import dictionary_words

    text = "".join(tokens)
    by_start = sorted(terms, key=len, reverse=True)
    bounds, pos = {0}, 0
    inside_word: set[int] = set()
    for t in tokens:
        if len(t) > 1 and t in dictionary_words():
            inside_word.update(range(pos + 1, pos + len(t)))
        pos += len(t)
        bounds.add(pos)
    spans, i = [], 0
    while i < len(text):
        found = next(
            (
                len(t)
                for t in by_start
                if len(t) >= 2
                and text.startswith(t, i)
                and (i in bounds or i + len(t) in bounds)
                and i not in inside_word
                and i + len(t) not in inside_word
            ),
            0,
        )
        if found:
            spans.append((i, i + found))
        i += found or 1
    for a, b in spans:
        bounds.update((a, b))
        bounds.difference_update(range(a + 1, b))
    cuts = sorted(bounds)
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


_SMALL_ALPHABET = st.sampled_from("新质生产力投硬科技")


@st.composite
def _tokens_and_terms(draw: st.DrawFn) -> tuple[list[str], frozenset[str]]:
    """Tokens, and terms cut out of their own text (so that they occur, and overlap)."""
    tokens = draw(st.lists(st.text(_SMALL_ALPHABET, min_size=1, max_size=3), min_size=1))
    text = "".join(tokens)
    terms = set()
    for _ in range(draw(st.integers(1, 5))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 5)))
        if b - a >= 2:
            terms.add(text[a:b])
    terms.add(draw(st.text(_SMALL_ALPHABET, min_size=2, max_size=4)))
    return tokens, frozenset(terms)


@settings(max_examples=500, deadline=None)
@given(_tokens_and_terms())
def test_forcing_terms_matches_scanning_every_position(
    case: tuple[list[str], frozenset[str]],
) -> None:
    tokens, terms = case
    assert force_terms(tokens, terms) == _force_terms_scanning_every_position(tokens, terms)


def test_rjieba_engine_cuts_exactly_as_jieba_with_the_same_dictionary(tmp_path: Path) -> None:
    import jieba

    from flashgen.words.segment import _cached_added_words as added
    from flashgen.words.segment import jieba_entries, tokenizer

    entries = jieba_entries()
    entries.update(added())
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("".join(f"{w} {c}\n" for w, c in entries.items()), encoding="utf-8")
    reference = jieba.Tokenizer(dictionary=str(dictionary))
    reference.tmp_dir = str(tmp_path)
    corpus = SHARED / "corpus"  # when it sits beside the checkout
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.txt"))[:2]]
    texts.append((DATA / "segment_cases.json").read_text(encoding="utf-8"))
    for text in texts:
        assert tokenizer().cut(text, False) == list(reference.cut(text, HMM=False))


# Tokens of every kind the term finder tells apart: fragments bound or not,
# particles, function characters, localizers, list separators, dictionary words.
_TERM_TOKENS = st.sampled_from(
    [*"新质投硬、，。的了和在上旁特我爱你氢能", "生产力", "科技", "专精", "发展"]
)


def _maximal_runs_token_by_token(tokens: list[str]) -> list[tuple[int, int]]:
    """Runs of fragments (particles excepted), found one token at a time."""
    from flashgen.lexicon.headwords import dictionary_words
    from flashgen.words import terms

    member = [terms._is_fragment(t, dictionary_words()) and t not in TERM_PARTICLES for t in tokens]
    runs, i = [], 0
    while i < len(tokens):
        if not member[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and member[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


@settings(max_examples=300, deadline=None)
@given(st.lists(_TERM_TOKENS, max_size=14))
def test_runs_found_by_letter_are_the_runs_found_token_by_token(tokens: list[str]) -> None:
    from flashgen.words import terms

    classes = terms._classes(tokens)
    heads = terms._shared_heads(tokens, classes)
    runs = _maximal_runs_token_by_token(tokens)
    if not heads:  # then only runs with a bound piece are examined
        runs = [(a, b) for a, b in runs if any(terms._bound(t) for t in tokens[a:b])]
    trimmed = []
    for a, b in runs:
        while a < b and (tokens[a] in terms._EDGE_FUNCTION or a in heads):
            a += 1
        while b > a and (
            tokens[b - 1] in terms._EDGE_FUNCTION or tokens[b - 1] in terms._LOCALIZERS
        ):
            b -= 1
        if a < b:
            trimmed.append((a, b))
    assert terms._runs(tokens, classes, heads) == trimmed


@settings(max_examples=300, deadline=None)
@given(st.lists(_TERM_TOKENS, max_size=14))
def test_runs_without_a_bound_piece_never_give_a_candidate(tokens: list[str]) -> None:
    from flashgen.words import terms

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "_BOUND_RUN", terms._RUN)  # examine every run
        every_run = run_candidates(tokens)
    assert run_candidates(tokens) == every_run


@pytest.mark.parametrize(
    "tokens",
    [
        ["嚼", "碎", "饼干", "。"],  # a verb and its complement before the noun
        ["太", "趋", "保守", "。"],  # an adverb and a verb
        ["一", "校", "学生", "。"],  # a count
    ],
)
def test_only_a_nominal_modifier_takes_the_noun_after_it(tokens: list[str]) -> None:
    assert [c for c in run_candidates(tokens) if c.evidence == "association"] == []
