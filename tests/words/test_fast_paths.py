"""Fast paths of the word analysis give the answers of the implementations they replaced."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources

from testdata import SHARED, needs_shared

from flashgen.lexicon.han import is_han
from flashgen.lexicon.headwords import dictionary_words, is_function_word
from flashgen.text.documents import split_sentences
from flashgen.words import grammar, segment, terms
from flashgen.words.analyse import sentence_tokens
from flashgen.words.derivations import (
    PREFIXES,
    SHORT_PREFIXES,
    SHORT_SUFFIXES,
    SUFFIXES,
    adverb_before,
    content_stem,
    short_prefix_stem,
)
from flashgen.words.names import (
    _ADDRESSING,
    _WEAK_TITLES,
    APPOSITION_NOUNS,
    KINSHIP_SUFFIXES,
    LEGAL_FORMS,
    ORGANISATION_APPOSITION,
    ORGANISATION_HEADS,
    SURNAMES,
    TITLES,
    _given_name,
    _is_speech,
    _name_after_kin,
    _name_shape,
    _names_after,
    _organisation_at,
    _possible_name,
    _spans,
    _title_at_end,
    _trade_name_at,
    kin_by_birth_order,
    name_shape,
    names_in_use,
    quoted_names,
)
from flashgen.words.numbers import NUMERALS
from flashgen.words.parts import is_verb
from flashgen.words.terms import Candidate

CORPUS = SHARED / "corpus"


def reference_names_in_use(sentences: Iterable[Sequence[str]], text: str) -> frozenset[str]:
    """names_in_use as it was before the fast path: every token tested, every candidate counted."""
    strong: set[str] = set()
    speech: set[str] = set()
    shaped: set[str] = set()
    organisations: set[str] = set()
    after: set[str] = set()
    for tokens in sentences:
        n = len(tokens)
        for i, tok in enumerate(tokens):
            apposition = tok in APPOSITION_NOUNS or (
                tok[-1:] == "儿" and tok[:-1] in APPOSITION_NOUNS
            )
            if apposition or tok in _ADDRESSING:
                target = strong if apposition else speech
                target.update(s for s in _spans(tokens, i + 1) if _possible_name(s))
            elif kin_by_birth_order(tok):
                strong.update(s for s in _spans(tokens, i + 1) if _name_after_kin(s))
            elif (tok in TITLES and tok not in _WEAK_TITLES) or _is_speech(tok):
                target = strong if tok in TITLES else speech
                for j in range(max(0, i - 3), i):
                    span = "".join(tokens[j:i])
                    if 2 <= len(span) <= 3 and is_han(span) and _possible_name(span):
                        target.add(span)
            elif len(tok) == 1 and tok in KINSHIP_SUFFIXES and i > 0:
                # A given name and a kinship term written apart (祥林 嫂): the
                # whole is an address form, the given name a name.
                for j in range(max(0, i - 2), i):
                    given = "".join(tokens[j:i])
                    if len(given) <= 2 and name_shape(given + tok) == "name with a kinship term":
                        shaped.add(given + tok)
                        if len(given) == 2 and given not in dictionary_words():
                            strong.add(given)
            elif len(tok) == 1 and (tok in SURNAMES or tok in "老小阿") and i + 1 < n:
                shaped.update(s for s in _spans(tokens, i) if name_shape(s))
            elif 2 <= len(tok) <= 3 and name_shape(tok):
                shaped.add(tok)
            if tok in ORGANISATION_APPOSITION:
                after.update(_names_after(tokens, i))
            if i and tok in ORGANISATION_HEADS:
                organisation = _organisation_at(tokens, i)
                if organisation:
                    organisations.add(organisation[: -len(tok)])
            if i and tok in LEGAL_FORMS and _trade_name_at(tokens, i):
                organisations.add(_trade_name_at(tokens, i))
    count = {s: text.count(s) for s in strong | speech | shaped}
    organisations.update(s for s in after if text.count(s) >= 2)
    organisations.update(quoted_names(text))
    found = set()
    for s, c in count.items():
        shape = name_shape(s)
        if shape and shape != "family and given name":
            found.add(s)  # an address form is a name wherever it stands
        elif (s in strong and (c >= 2 or shape)) or (c >= 2 and (s in speech or shape)):
            found.add(s)
    # The given name of a name with a kinship term or a title is a name on its
    # own too (祥林 of 祥林嫂, where a line break parts them).
    for s in list(found):
        shape = name_shape(s)
        if shape in ("name with a kinship term", "name with a title"):
            stem = s[:-1] if shape == "name with a kinship term" else s[: -len(_title_at_end(s))]
            if len(stem) >= 2 and stem not in dictionary_words():
                found.add(stem)
                count.setdefault(stem, text.count(stem))
        elif (
            shape == "family and given name"
            and len(s) == 3
            and s[1:] not in dictionary_words()
            and (s in strong or s in speech)
            and s[0] not in grammar.INITIAL
            and _given_name(s[1:])
        ):
            found.add(s[1:])
            count.setdefault(s[1:], text.count(s[1:]))
    # A name and the name with the next character: keep the one that recurs
    # more (桂芬 over 桂芬站; 陈西滢 and 西滢 are both names).
    people = frozenset(
        s
        for s in found
        if not any(o != s and s.startswith(o) and count[o] > count[s] for o in found)
    )
    return people | organisations


def _texts() -> list[str]:
    """The shipped samples, the seed corpus and three Lu Xun books (when beside the checkout)."""
    samples = resources.files("flashgen") / "data" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in samples.iterdir() if p.name.endswith(".txt")]
    for folder, pattern in ((CORPUS / "seed", "*.txt"), (CORPUS / "luxun", "[呐彷朝]*.txt")):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]
    return texts


@needs_shared("corpus", "luxun")  # enough names and affixes to compare
def test_names_found_as_the_reference_finds_them() -> None:
    texts = _texts()
    assert len(texts) >= 3
    found = 0
    for text in texts:
        sentences = [segment.cut(s.text) for s in split_sentences(text)]
        fast = names_in_use(sentences, text)
        assert fast == reference_names_in_use(sentences, text)
        found += len(fast)
    assert found > 10


def test_names_in_small_stories_as_the_reference_finds_them() -> None:
    stories = [
        ([["女儿", "小雨", "回家", "。"], ["小雨", "说", "。"]], "女儿小雨回家。小雨说。"),
        (
            [["今天", "有", "小雨", "。"], ["明天", "也", "有", "小雨", "。"]],
            "今天有小雨。明天也有小雨。",
        ),
        ([["翁", "来", "了"], ["嫂"], ["祥林", "嫂", "说"]], "翁来了嫂祥林嫂说祥林嫂"),
        ([["桂芬", "站", "说"], ["问", "桂芬"], ["桂芬"]], "桂芬站说问桂芬桂芬"),
        ([["哈哈", "说"], ["哈哈哈", "说"]], "哈哈说哈哈哈说"),
        ([["王"], ["老", "王"]], "王老王"),
    ]
    for sentences, text in stories:
        assert names_in_use(sentences, text) == reference_names_in_use(sentences, text)


def reference_affix_candidates(tokens: Sequence[str]) -> list[Candidate]:
    """_affix_candidates as it was before the fast path: every pair of tokens tested."""
    out = []
    words = dictionary_words()
    n = len(tokens)
    for i in range(n - 1):
        stem, affix = tokens[i], tokens[i + 1]
        after = tokens[i + 2] if i + 2 < n else ""
        if len(affix) == 1 and affix in SUFFIXES and is_han(stem):
            if len(after) == 1 and after in SHORT_SUFFIXES:
                continue  # the affix takes a suffix of its own (押注 端 侧: 端侧)
            if not content_stem(stem):
                continue
            if terms._verb_used(affix, after) or terms._takes_object(stem):
                continue
            if (len(stem) > 1 and stem in words) or (len(stem) == 1 and affix in SHORT_SUFFIXES):
                out.append(Candidate(stem + affix, "affix"))
        elif stem in SHORT_PREFIXES and len(affix) == 1 and short_prefix_stem(affix):
            out.append(Candidate(stem + affix, "affix"))  # the judgement wants a bound piece
        elif len(stem) == 1 and stem in PREFIXES and len(affix) > 1 and affix in words:
            if affix[0] in NUMERALS:
                continue
            before = tokens[i - 1] if i > 0 else ""
            if before and (before[-1] in NUMERALS or before[-1] in "这那每某"):
                continue
            if len(before) == 1 and is_verb(before):
                continue  # a complement of the verb before it (把准, 看准)
            if adverb_before(stem, affix) or is_function_word(affix):
                continue  # the adverb, not the prefix (反觉得: "felt instead")
            if stem in grammar.NEGATIONS and terms._copula_context(before, after):
                continue  # the literary copula "is not" (又非残疾, 非圣人之徒)
            out.append(Candidate(stem + affix, "affix"))
    return out


@needs_shared("corpus", "luxun")  # enough names and affixes to compare
def test_affix_candidates_as_the_reference_finds_them() -> None:
    found = 0
    for text in _texts():
        for s in split_sentences(text):
            tokens = segment.cut(s.text)
            fast = terms._affix_candidates(tokens)
            assert fast == reference_affix_candidates(tokens)
            found += len(fast)
    assert found > 10


def test_the_tokens_of_a_sentence_spell_it_out() -> None:
    """analyse() places names only in sentences whose text holds one."""
    for text in _texts():
        for s in split_sentences(text):
            assert "".join(sentence_tokens(s.text, frozenset(), ())) == s.text


@needs_shared("corpus", "luxun")  # enough names and affixes to compare
def test_name_shape_as_without_its_first_test() -> None:
    shapes = 0
    for text in _texts():
        for s in split_sentences(text):
            tokens = segment.cut(s.text)
            for i in range(len(tokens)):
                for span in (tokens[i], "".join(tokens[i : i + 2]), "".join(tokens[i : i + 3])):
                    assert name_shape(span) == _name_shape(span)
                    shapes += bool(name_shape(span))
    assert shapes > 100
