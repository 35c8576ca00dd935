"""Annotate a chosen word: reading, definition, traditional form, example fields.

Only words that go on cards are annotated, never the whole text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from flashgen.cards.composed import composed_gloss
from flashgen.cards.definitions import format_definition, format_lexicon
from flashgen.cards.meta import frequency_words, hsk_label
from flashgen.cards.tags import merged, note_tags
from flashgen.identity import note_guid, note_key
from flashgen.learner.edits import LearnerEdits
from flashgen.learner.glossary import GlossaryEntry
from flashgen.lexicon import modern
from flashgen.lexicon.cedict import cedict
from flashgen.lexicon.headwords import doubled_base, erhua_base
from flashgen.lexicon.traditional import to_traditional, tokens_to_traditional
from flashgen.models import Card, Chosen, DictEntry, Example, WordUse
from flashgen.pinyin.html import pinyin_html
from flashgen.pinyin.readings import entries_for, is_idiom, reading, token_syllables
from flashgen.pinyin.sentence import write_pinyin
from flashgen.pinyin.spelling import numbered_to_marks, numbered_to_zhuyin
from flashgen.words import examples


def _senses(entries: Sequence[DictEntry]) -> list[str]:
    senses: list[str] = []
    for e in entries:
        senses.extend(s for s in e.senses if s not in senses)
    return senses


def _definition(
    word: str, numbered: str, script: str, *, name: bool = False
) -> tuple[str, str, DictEntry | None]:
    """Definition and Classifier HTML, and the entry they come from (``None``: no entry).

    CC-CEDICT lists a name apart from the common word (复兴 fu4 xing1 "to
    revive", Fu4 xing1 "Fuxing district"). The name's senses are shown, after
    the common ones, only when ``name`` says the example uses the word as a
    name; a word that is only a name has them as its definition.
    """
    matched = entries_for(word, numbered)
    base = erhua_base(word)
    if not matched and base and numbered.endswith(" r5"):
        # The dictionary word without its spoken 儿 (在理儿: 在理 "reasonable").
        matched = entries_for(base, numbered.removesuffix(" r5"))
    doubled = "" if matched else doubled_base(word)
    if doubled:
        # AABB takes the senses of AB (明明白白: 明白 "clear"), whatever the
        # tones of the doubled syllables.
        matched = list(cedict().lookup(doubled))
    matched = [e for e in matched if not e.is_variant] or matched
    if not matched:
        term = modern.term(word)
        if term is not None:
            return format_lexicon(term.gloss), "", None
        return composed_gloss(word, numbered), "", None
    common = [e for e in matched if not e.is_proper_noun]
    names = [e for e in matched if e.is_proper_noun]
    name = name or not common
    definition, classifier = format_definition(_senses(common or names), script=script)
    if doubled:
        definition = f'<div class="doubled">doubled form of {doubled}:</div>{definition}'
        classifier = ""
    if common and names and name:
        text, _ = format_definition(_senses(names), script=script, max_senses=2)
        definition += f'<div class="name-senses">as a name: {text}</div>'
    others = [
        e
        for e in cedict().lookup(word)
        if e.pinyin.lower() != numbered.lower() and (name or not e.is_proper_noun)
    ]
    if others:
        extra = []
        for e in others:
            text, _ = format_definition(e.senses, script=script, max_senses=2)
            extra.append(f"<b>{numbered_to_marks(e.pinyin)}</b> {text}")
        definition += '<div class="other-readings">also: ' + " · ".join(extra) + "</div>"
    return definition, classifier, (common or names)[0]


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


def example_pinyin(tokens: Sequence[str], *, sentence_start: bool = True) -> str:
    """Pinyin of a segmented example in the house style (docs/pinyin-style.md).

    >>> example_pinyin(["我们", "发展", "产业", "。"])
    'Wǒmen fāzhǎn chǎnyè.'
    >>> example_pinyin(["小朋友", "们", "，", "《", "人民日报", "》", "说"], sentence_start=False)
    'xiǎopéngyǒumen, "Rénmín Rìbào" shuō'
    """
    return write_pinyin(tokens, token_syllables, sentence_start=sentence_start, idiom=is_idiom)


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
        name = tag == "proper-noun" or numbered[:1].isupper()
        definition, classifier, entry = _definition(word, numbered, "simplified", name=name)
        from_lexicon = entry is None and modern.term(word) is not None
        composed = entry is None and not from_lexicon
        marked = numbered_to_marks(numbered)
    lo, hi = examples.bounds(example.sentence, example.start, len(example.form))
    head, tail = examples.marks(example.sentence, lo, hi)
    shown = clip_tokens(example.tokens, lo, hi)
    text = example.sentence[lo:hi]
    entry_traditional = None
    if entry is not None and entry.simplified == word:
        entry_traditional = entry.traditional
    elif entry is not None and erhua_base(word):
        # An entry of the word without its 儿 (在理儿) gives the form before it.
        entry_traditional = entry.traditional + "兒"
    traditional = to_traditional(word, variant, entry_traditional)
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
        example_pinyin=(head and "...")
        + html.escape(example_pinyin(shown, sentence_start=lo == 0), quote=False)
        + (tail and "..."),
        example_traditional=head
        + html.escape(tokens_to_traditional(shown, variant), quote=False)
        + tail,
        source=html.escape(source, quote=False),
        level=hsk_label(use.hsk),
        frequency=frequency_words(use.zipf),
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
