"""The pipeline: one function that chains the stages, document by document.

documents → terms → analyse (segment, word units, examples) → select (level,
known words, one note per word) → annotate → deck.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashgen import deck, rank
from flashgen.analyse import Analysis, analyse, discover_terms
from flashgen.annotate import annotate, note_key
from flashgen.config import BuildConfig
from flashgen.documents import Source, decode, find_sources, make_document
from flashgen.errors import FlashgenError, InputError, OutputError
from flashgen.models import Card, Document, WordUse
from flashgen.readings import reading
from flashgen.vocab import GlossaryEntry, read_glossary, read_word_list


@dataclass(frozen=True)
class DocumentResult:
    """What became of one document."""

    title: str
    deck_name: str = ""
    path: Path | None = None
    cards: int = 0
    words_seen: int = 0
    note: str = ""  # why nothing was written, when nothing was


@dataclass
class BuildReport:
    """The outcome of a build: per-document results, failures, timing."""

    results: list[DocumentResult] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """The one summary line: documents, words seen, cards written, seconds."""
        docs = len(self.results) + len(self.failures)
        seen = sum(r.words_seen for r in self.results)
        cards = sum(r.cards for r in self.results if r.path)
        failed = f", {len(self.failures)} failed" if self.failures else ""
        return (
            f"{docs} documents{failed}, {seen} words seen, {cards} cards written, "
            f"{self.seconds:.1f} s"
        )


Progress = Callable[[str], None]


def load_documents(config: BuildConfig, paths: tuple[Path, ...], report: BuildReport) -> list[Document]:
    """Read every source; a bad one is reported and the others go on."""
    docs: list[Document] = []
    for item in find_sources(paths):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        try:
            docs.append(_read(item))
        except FlashgenError as exc:
            report.failures.append(str(exc))
    return docs


def _read(source: Source) -> Document:
    return make_document(source, decode(source.read_bytes(), source.name))


def unique_titles(docs: list[Document]) -> list[str]:
    """Deck names, made distinct by adding the file name where titles collide."""
    names = [f"{deck.DECK_PREFIX}{d.title}" for d in docs]
    seen: dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    out = []
    used: set[str] = set()
    for d, n in zip(docs, names):
        if seen[n] > 1:
            n = f"{n} ({d.name})"
        base, k = n, 2
        while n in used:
            n, k = f"{base} ({k})", k + 1
        used.add(n)
        out.append(n)
    return out


def select(analysis: Analysis, config: BuildConfig, known: frozenset[str]) -> list[WordUse]:
    """The document's words at the chosen level, known words left out, rarest first."""
    level = config.level.value
    chosen = [
        u
        for u in analysis.uses
        if rank.band(u.hsk, u.zipf) == level and u.word not in known and u.forms[0] not in known
    ]
    return rank.rarity_order(chosen)


@dataclass(frozen=True)
class PlannedDeck:
    """One document's deck, before it is written."""

    document: Document
    name: str
    cards: tuple[Card, ...]
    words_seen: int


def plan(
    docs: list[Document],
    config: BuildConfig,
    progress: Progress | None = None,
) -> Iterator[PlannedDeck]:
    """Analyse documents in order and yield each one's deck (possibly empty).

    A word gets one note: the first document, in input order, that uses it has it.
    """
    known = set(config.known_words)
    for f in config.known_files:
        known |= read_word_list(f)
    glossary: dict[str, GlossaryEntry] = read_glossary(config.glossary_file) if config.glossary_file else {}
    extra = tuple(sorted(glossary))
    corpus_terms = discover_terms(docs, extra)
    carded: set[str] = set()
    for i, (doc, name) in enumerate(zip(docs, unique_titles(docs))):
        if progress:
            progress(f"{i + 1}/{len(docs)} {doc.title}")
        analysis = analyse(doc, corpus_terms, extra)
        cards = _cards(analysis, config, frozenset(known), glossary, carded)
        yield PlannedDeck(doc, name, tuple(cards), len(analysis.running_words))


def build(
    paths: Iterable[Path],
    config: BuildConfig,
    progress: Progress | None = None,
) -> BuildReport:
    """Build one deck per document (or one package with ``config.single``).

    Example: ``build([Path("texts/")], BuildConfig(level=Level.ADVANCED))``.
    """
    started = time.perf_counter()
    report = BuildReport()
    try:
        config.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{config.out_dir}: cannot create output folder ({exc.strerror})") from exc
    docs = load_documents(config, tuple(paths), report)
    specs: list[deck.DeckSpec] = []
    for planned in plan(docs, config, progress):
        doc = planned.document
        result = DocumentResult(doc.title, planned.name, None, len(planned.cards), planned.words_seen)
        if not planned.cards:
            report.results.append(_replace(result, note="no new words at this level"))
            continue
        spec = deck.DeckSpec(planned.name, deck.description(doc.title, doc.source), planned.cards)
        if config.single:
            specs.append(spec)
            report.results.append(_replace(result, path=config.single))
            continue
        path = config.out_dir / f"{_file_stem(planned.name)}.apkg"
        deck.write_package([spec], path, config.timestamp)
        report.results.append(_replace(result, path=path))
    if config.single and specs:
        deck.write_package(specs, config.single, config.timestamp)
    report.seconds = time.perf_counter() - started
    return report


def _replace(result: DocumentResult, **changes: object) -> DocumentResult:
    from dataclasses import replace

    return replace(result, **changes)  # type: ignore[arg-type]


def _file_stem(deck_name: str) -> str:
    title = deck_name.removeprefix(deck.DECK_PREFIX)
    bad = '/\\:*?"<>|'
    cleaned = "".join("_" if ch in bad or ord(ch) < 32 else ch for ch in title).strip(" .")
    return cleaned[:80] or "untitled"


def _cards(
    analysis: Analysis,
    config: BuildConfig,
    known: frozenset[str],
    glossary: dict[str, GlossaryEntry],
    carded: set[str],
) -> list[Card]:
    cards: list[Card] = []
    doc = analysis.document
    for use in select(analysis, config, known):
        example = analysis.examples[use.word]
        numbered = glossary[use.word].pinyin if use.word in glossary else reading(
            use.word, example.sentence, example.start
        )
        key = note_key(use.word, numbered)
        if key in carded:
            continue  # one note per word: the first document that uses it has it
        carded.add(key)
        cards.append(
            annotate(
                use,
                example,
                level=config.level.value,
                source=doc.title,
                variant=config.variant.value,
                glossary=glossary,
                notes=analysis.tags.get(use.word, ""),
            )
        )
        if config.max_words and len(cards) >= config.max_words:
            break
    return cards
