"""Annotate a chosen word: reading, definition, traditional form, example fields.

Only words that go on cards are annotated, never the whole text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from functools import cache

from flashgen.cards.definitions import format_composed, format_definition, format_lexicon
from flashgen.cards.tags import merged, note_tags
from flashgen.identity import note_guid, note_key
from flashgen.learner.edits import LearnerEdits
from flashgen.learner.glossary import GlossaryEntry
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.han import HAN
from flashgen.lexicon.traditional import to_traditional, tokens_to_traditional
from flashgen.models import Card, Chosen, DictEntry, Example, WordUse
from flashgen.pinyin.html import pinyin_html
from flashgen.pinyin.readings import entries_for, reading, token_syllables
from flashgen.pinyin.spelling import numbered_to_marks, numbered_to_zhuyin
from flashgen.words import examples
from flashgen.words.wordhood import split_parts

# A composed gloss quotes one sense per part, cut at a word within this many characters.
_PART_GLOSS_CHARS = 30
# ... chosen among this many first senses (CC-CEDICT lists the common ones first).
_GLOSS_SENSES = 3
_LONG_GLOSS = 20


_NOT_A_GLOSS = re.compile(
    r"^(surname |abbr\. for |see |used in |also written |classifier for |CL:)"
)


@cache
def _short_gloss(part: str, numbered: str | None) -> str:
    """A short gloss of one part of a composed word, for the reading it has there.

    Among the entries with that reading, the one with most senses stands for the
    common meaning (後 "back, after" rather than 后 "empress").
    """
    entries = [e for e in cedict().lookup(part) if not e.is_variant]
    if not entries:  # a term of flashgen's lexicon (具身智能 in 具身智能体)
        return modern.short_gloss(part) or "?"
    entries = [e for e in entries if not e.is_proper_noun] or entries  # 少先队 is only a name
    if numbered:
        same = [e for e in entries if e.pinyin.lower() == numbered.lower()]
        entries = same or entries
    if not entries:
        return "?"
    entry = max(entries, key=lambda e: len(e.senses))
    senses = [s for s in entry.senses if not _NOT_A_GLOSS.match(s)] or list(entry.senses)
    plain = [re.sub(r"\s*\([^)]*\)", "", s).strip() or s for s in senses]
    # The first sense, unless it is long: then the shortest of the first few is
    # the most general gloss (专: "special", not "for a particular person, occasion, purpose").
    sense = plain[0] if len(plain[0]) <= _LONG_GLOSS else min(plain[:_GLOSS_SENSES], key=len)
    if len(sense) > _PART_GLOSS_CHARS:
        sense = sense[:_PART_GLOSS_CHARS].rsplit(" ", 1)[0] + "…"
    return sense


def composed_gloss(word: str, numbered: str = "") -> str:
    """A gloss built from the word's dictionary parts, marked as composed.

    ``numbered`` is the word's reading as used; each part is glossed for its share of it.
    """
    syllables = numbered.split() if len(numbered.split()) == len(word) else []
    parts, pos = [], 0
    for part in split_parts(word):
        reading_of_part = " ".join(syllables[pos : pos + len(part)]) if syllables else None
        parts.append((part, _short_gloss(part, reading_of_part)))
        pos += len(part)
    return format_composed(parts)


def _definition(word: str, numbered: str, script: str) -> tuple[str, str, DictEntry | None]:
    matched = entries_for(word, numbered)
    matched = [e for e in matched if not e.is_variant] or matched
    if not matched:
        term = modern.term(word)
        if term is not None:
            return format_lexicon(term.gloss), "", None
        return composed_gloss(word, numbered), "", None
    senses: list[str] = []
    for e in matched:
        senses.extend(s for s in e.senses if s not in senses)
    definition, classifier = format_definition(senses, script=script)
    others = [e for e in cedict().lookup(word) if e.pinyin.lower() != numbered.lower()]
    if others:
        extra = []
        for e in others:
            text, _ = format_definition(e.senses, script=script, max_senses=2)
            extra.append(f"<b>{numbered_to_marks(e.pinyin)}</b> {text}")
        definition += '<div class="other-readings">also: ' + " · ".join(extra) + "</div>"
    return definition, classifier, matched[0]


def clip_tokens(tokens: Sequence[str], lo: int, hi: int) -> list[str]:
    """The tokens of ``"".join(tokens)[lo:hi]``, the edge tokens cut to fit.

    >>> clip_tokens(["我们", "发展", "产业"], 1, 5)
    ['们', '发展', '产']
    """
    if lo <= 0 and hi >= sum(map(len, tokens)):
        return list(tokens)  # the whole sentence is shown (most examples)
    out, pos = [], 0
    for token in tokens:
        a, b = pos, pos + len(token)
        if a >= hi:
            break
        pos = b
        if b > lo:
            out.append(token[max(a, lo) - a : min(b, hi) - a])
    return out


def mask(definition: str, forms: Sequence[str]) -> str:
    """Replace the headword inside its own definition with ～ ("abbr. for 日电电子").

    A card that shows the definition as the question must not show the answer.
    """
    for form in sorted({f for f in forms if f}, key=len, reverse=True):
        definition = definition.replace(form, "～")
    return definition


def example_pinyin(tokens: Sequence[str]) -> str:
    """Tone-marked pinyin of a segmented sentence, one group per word, punctuation kept.

    >>> example_pinyin(["我们", "发展", "产业", "。"])
    'wǒmen fāzhǎn chǎnyè 。'
    """
    return " ".join(filter(None, map(_token_pinyin, tokens)))


@cache
def _token_pinyin(token: str) -> str:
    """One token's group in an example's pinyin: marks for Han, as is otherwise, blank dropped."""
    if not token.strip():
        return ""
    if not HAN.search(token):
        return token
    return numbered_to_marks(" ".join(token_syllables(token)))


def annotate(
    use: WordUse,
    example: Example,
    *,
    level: str,
    source: str,
    variant: str,
    glossary: Mapping[str, GlossaryEntry],
    tag: str = "",
    numbered: str | None = None,
    edits: Mapping[str, LearnerEdits] | None = None,
) -> Card:
    """The card for one word of one document.

    ``numbered`` is the word's reading when the caller has worked it out
    already; ``tag`` the analysis's tag for the word; ``edits`` the learner's
    work on notes already in their collection, by GUID, carried over.
    """
    word = use.word
    gloss = glossary.get(word)
    composed = from_lexicon = False
    if gloss is not None:
        numbered = gloss.pinyin
        definition, classifier, entry = html.escape(gloss.definition, quote=False), "", None
        marked = numbered_to_marks(numbered) if re.search(r"\d", numbered) else numbered
    else:
        numbered = numbered or reading(word, example.sentence, example.start)
        definition, classifier, entry = _definition(word, numbered, "simplified")
        from_lexicon = entry is None and modern.term(word) is not None
        composed = entry is None and not from_lexicon
        marked = numbered_to_marks(numbered)
    lo, hi = examples.bounds(example.sentence, example.start, len(example.form))
    head, tail = examples.marks(example.sentence, lo, hi)
    shown = clip_tokens(example.tokens, lo, hi)
    text = example.sentence[lo:hi]
    traditional = to_traditional(word, variant, entry.traditional if entry else None)
    frequency = f"Zipf {use.zipf:.2f}" if use.zipf is not None else "unknown"
    if use.hsk is not None:
        frequency += f" · HSK {'7-9' if use.hsk == 7 else use.hsk}"
    key = note_key(word, numbered)
    tags = note_tags(
        level, use.hsk, tag, composed=composed, glossary=gloss is not None, lexicon=from_lexicon
    )
    edited = edits.get(note_guid(key)) if edits else None
    if edited is not None:
        tags = merged(tags, edited.tags)
    toned = re.search(r"\d", numbered) is not None  # numbered pinyin, not a glossary's own text
    return Card(
        key=key,
        simplified=word,
        traditional=traditional,
        pinyin=pinyin_html(numbered) if toned else html.escape(marked),
        pinyin_numbered=numbered if toned else "",
        zhuyin=numbered_to_zhuyin(numbered) if toned else "",
        definition=mask(definition, (word, example.form, traditional)),
        classifier=classifier,
        example=head + examples.highlight(text, example.start - lo, example.form) + tail,
        example_pinyin=head + html.escape(example_pinyin(shown), quote=False) + tail,
        example_traditional=head
        + html.escape(tokens_to_traditional(shown, variant), quote=False)
        + tail,
        source=html.escape(source, quote=False),
        level=level,
        frequency=frequency,
        notes=edited.notes if edited is not None else "",
        composed=composed,
        form=example.form,
        tags=tags,
    )


def annotate_all(
    job: tuple[list[Chosen], str, str, Mapping[str, GlossaryEntry], Mapping[str, LearnerEdits]],
) -> tuple[Card, ...]:
    """Annotate a document's chosen words (runs in a worker process with ``--jobs``)."""
    chosen, level, variant, glossary, edits = job
    return tuple(
        annotate(
            c.use,
            c.example,
            level=level,
            source=c.source,
            variant=variant,
            glossary=glossary,
            tag=c.tag,
            numbered=c.numbered,
            edits=edits,
        )
        for c in chosen
    )
