"""flashgen's fast pypinyin path gives pypinyin's own answer, character for character."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import SHARED

from flashgen.pinyin.sentence import reference, tone3
from flashgen.text.documents import split_sentences
from flashgen.words import segment

CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed"
LUXUN = CORPUS / "luxun"


def _texts() -> list[str]:
    """The shipped sample articles, and the seed corpus when it sits beside the checkout."""
    samples = resources.files("flashgen") / "data" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in samples.iterdir() if p.name.endswith(".txt")]
    if SEED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    return texts


def _sentences() -> list[str]:
    return [s.text for text in _texts() for s in split_sentences(text)]


def test_every_sentence_of_the_sample_texts_reads_as_pypinyin_reads_it() -> None:
    sentences = _sentences()
    assert len(sentences) > 100
    mismatches = [s for s in sentences if tone3(s) != reference(s)]
    assert mismatches == []


def test_every_token_of_the_sample_texts_reads_as_pypinyin_reads_it() -> None:
    """Tokens of the samples, and of the Lu Xun books when they sit beside the checkout."""
    texts = _texts() + [p.read_text(encoding="utf-8") for p in sorted(LUXUN.glob("*.txt"))]
    tokens = sorted({t for text in texts for t in segment.cut(text)})
    assert len(tokens) > 500
    mismatches = [t for t in tokens if tone3(t) != reference(t)]
    assert mismatches == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银行行长", ["yin2", "hang2", "hang2", "zhang3"]),  # a phrase, then a phrase
        ("好了", ["hao3", "le5"]),  # neutral tone written 5
        ("女儿", ["nv3", "er2"]),  # pypinyin writes ü as v
        ("3D打印", ["3", "D", "da3", "yin4"]),  # non-Han characters one by one
        ("〇", reference("〇")),  # a character outside the fast path goes to pypinyin
    ],
)
def test_known_readings(text: str, expected: list[str]) -> None:
    assert tone3(text) == expected


_HAN_AND_OTHERS = st.text(
    alphabet=st.one_of(
        st.sampled_from("银行长了不一的地得着重还乐和调都觉为好长发展产业行业研究生命"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
        st.sampled_from("，。、：；！？“”（）《》 ab3〇々\n"),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_HAN_AND_OTHERS)
def test_random_text_reads_as_pypinyin_reads_it(text: str) -> None:
    assert tone3(text) == reference(text)
