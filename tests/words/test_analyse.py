"""Analysis narrowed early (what a build does) is the analysis narrowed after the fact."""

from __future__ import annotations

import pytest
from testdata import TEXTS

from flashgen.config import BuildConfig
from flashgen.lexicon.traditional import to_traditional
from flashgen.models import Document
from flashgen.pipeline import BuildReport, load_documents
from flashgen.words import levels as rank
from flashgen.words.analyse import Analysis, analyse
from flashgen.words.terms import discover_terms


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    """The shipped samples, two test texts, and one of them in traditional script."""
    docs = load_documents(BuildConfig(), (), BuildReport())
    docs += load_documents(BuildConfig(), (TEXTS,), BuildReport())
    simplified = docs[-1]
    traditional = "".join(to_traditional(ch, "tw") for ch in simplified.text)
    docs.append(Document("traditional", traditional, "test", "traditional"))
    return docs


def _same(a: Analysis, b: Analysis) -> bool:
    return (a.uses, a.examples, a.tags, a.running_words, a.words_seen) == (
        b.uses,
        b.examples,
        b.tags,
        b.running_words,
        b.words_seen,
    )


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_keeping_a_level_while_analysing_equals_narrowing_afterwards(
    documents: list[Document], level: str
) -> None:
    terms = discover_terms(documents)
    known = frozenset({"发展", "产业", "创新"})

    def keep(word: str, zipf: float | None, hsk: int | None) -> bool:
        return rank.band(hsk, zipf) == level and word not in known

    for doc in documents:
        whole = analyse(doc, terms)
        early = analyse(doc, terms, keep=keep)
        assert early.uses, doc.title
        assert _same(early, whole.narrowed(lambda u: keep(u.word, u.zipf, u.hsk))), doc.title
        assert set(early.examples) == {u.word for u in early.uses}
        assert early.words_seen == len(whole.running_words) > len(early.uses)


def test_a_traditional_text_keeps_its_own_forms(documents: list[Document]) -> None:
    doc = documents[-1]
    analysis = analyse(doc, frozenset())
    assert any(u.forms[0] != u.word for u in analysis.uses)
    for use in analysis.uses:
        example = analysis.examples[use.word]
        assert example.sentence[example.start :].startswith(example.form)
        assert len(example.form) == len(use.word)


def test_a_simplified_text_keeps_么_and_著_as_written() -> None:
    # OpenCC's tw2s reads 么 and 著 as the traditional forms of 幺 and 着; in a
    # simplified text they are no such thing (事么 is not 事幺, 显著 not 显着).
    text = "这样做不妨事么？他的成绩十分显著，著有三本书。"
    words = {u.word for u in analyse(Document("t", text, "test", "t"), {}, ()).uses}
    assert "显著" in words
    assert not any("幺" in w or "显着" in w for w in words)
    # A traditional text is still read in simplified script: 隨著 is 随着.
    words = {
        u.word for u in analyse(Document("t", "隨著時間過去，他變了。", "test", "t"), {}, ()).uses
    }
    assert "随着" in words


def test_a_rare_character_of_a_compound_read_as_verb_and_object_is_no_word_there() -> None:
    # jieba keeps 戒尺 "ferule" whole and tags it a noun; no dictionary has it,
    # and the judgement reads it as 戒 + 尺, a verb and its object. 戒 "to give
    # up" is no card from it; where jieba tags the pair a verb, its rare
    # character is a word (致 "to send" in 致信), and a common one always (拿笔).
    from flashgen.words.analyse import units

    got = [w for w, _, _ in units(["他", "有", "一条", "戒尺"], {})]
    assert "戒" not in got and "有" in got
    assert "拿" in [w for w, _, _ in units(["他", "拿笔", "写字"], {})]
    assert "致" in [w for w, _, _ in units(["学生", "致信", "主席"], {})]


def test_the_potential_form_of_a_verb_is_no_dictionary_word() -> None:
    # 攻 + 不下 is "cannot take", not 不下 "no less than"; 不下于 is that word.
    from flashgen.words.analyse import units

    assert "不下" not in [w for w, _, _ in units(["城", "攻", "不下", "。"], {})]
    assert "不下" in [w for w, _, _ in units(["危害", "不下", "于", "流言"], {})]
    # 显 + 不足 is "appears insufficient": 不足 is a word there.
    assert "不足" in [w for w, _, _ in units(["需求", "仍", "显", "不足"], {})]


def test_a_quoted_latin_han_term_that_opens_with_a_name_is_no_card() -> None:
    from flashgen.words.analyse import units

    quoted = {"衡川Studio": "quoted", "City不City": "quoted"}
    assert units(["衡川Studio"], quoted, frozenset(), frozenset({"衡川"})) == []
    assert [w for w, _, _ in units(["City不City"], quoted, frozenset(), frozenset({"衡川"}))] == [
        "City不City"
    ]
