"""The pipeline: one function that chains the stages, document by document.

documents → terms → analyse (segment, word units, examples) → select (level,
known words, one note per word) → annotate → deck.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from flashgen import deck, parallel, rank, variants
from flashgen.analyse import (
    Analysis,
    TermEvidence,
    accept_terms,
    analyse,
    discover_terms,
    term_evidence,
)
from flashgen.annotate import annotate_all
from flashgen.atomic import check_writable, cleanup_partials
from flashgen.config import BuildConfig
from flashgen.documents import ReadOptions, Skipped, find_sources, read_source
from flashgen.errors import FlashgenError, InputError, OutputError
from flashgen.gcpolicy import fewer_collections
from flashgen.lexicon import HAN
from flashgen.models import Card, Chosen, Document
from flashgen.names import unique_names
from flashgen.output import targets, write_decks
from flashgen.selection import Vocabulary, choose, select, vocabulary
from flashgen.vocab import GlossaryEntry


@dataclass(frozen=True)
class DocumentResult:
    """What became of one document."""

    title: str
    deck_name: str = ""
    path: Path | None = None
    cards: int = 0
    words_seen: int = 0
    note: str = ""  # why nothing was written, when nothing was
    error: str = ""  # the deck could not be written: why


@dataclass
class BuildReport:
    """The outcome of a build: per-document results, failures, notices, timing."""

    results: list[DocumentResult] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures and not any(r.error for r in self.results)

    def summary(self) -> str:
        """The one summary line: documents, words seen, cards written, seconds."""
        docs = len(self.results) + len(self.failures)
        seen = sum(r.words_seen for r in self.results)
        cards = sum(r.cards for r in self.results if r.path)
        failures = len(self.failures) + sum(1 for r in self.results if r.error)
        failed = f", {failures} failed" if failures else ""
        return (
            f"{docs} documents{failed}, {seen} words seen, {cards} cards written, "
            f"{self.seconds:.1f} s"
        )


# progress(done, total, label): a build has two steps per document, finding the
# corpus's terms ("terms: TITLE"), then its deck (TITLE).
Progress = Callable[[int, int, str], None]


def load_documents(
    config: BuildConfig, paths: tuple[Path, ...], report: BuildReport
) -> list[Document]:
    """Read every source; a bad one is reported and the others go on."""
    options = ReadOptions(config.encoding, config.title, config.split_chapters)
    docs: list[Document] = []
    for item in find_sources(paths):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        if isinstance(item, Skipped):
            report.notices.append(f"{item.path}: skipped, not a document flashgen reads")
            continue
        try:
            loaded = read_source(item, options)
        except FlashgenError as exc:
            report.failures.append(str(exc))
            continue
        if loaded.encoding:
            report.notices.append(f"{item.name}: read as {loaded.encoding}")
        for doc in loaded.documents:
            if HAN.search(doc.text):
                docs.append(doc)
            else:
                report.notices.append(f"{item.name}: no Chinese text, no deck written")
                report.results.append(DocumentResult(doc.title, note="no Chinese text"))
    return docs


def unique_titles(docs: list[Document]) -> list[str]:
    """Deck names ``flashgen::<title>``, made distinct by the file name where titles collide."""
    names = [f"{deck.DECK_PREFIX}{d.title}" for d in docs]
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    named = [f"{n} ({d.name})" if counts[n] > 1 else n for d, n in zip(docs, names, strict=True)]
    return unique_names(named)


@dataclass(frozen=True)
class PlannedDeck:
    """One document's deck: its cards, or, when it was written already, where and how many."""

    document: Document
    name: str
    cards: tuple[Card, ...]
    words_seen: int
    written: Path | None = None
    written_cards: int = 0
    error: str = ""  # the package could not be written


@dataclass(frozen=True)
class _DeckJob:
    """A worker's job: annotate a document's chosen words, and write its package if alone."""

    chosen: list[Chosen]
    level: str
    variant: str
    glossary: dict[str, GlossaryEntry]
    name: str
    description: str
    package: Path | None  # the deck is alone in this package: write it there
    timestamp: float | None
    word_list: bool


@dataclass(frozen=True)
class _Made:
    """What a deck job sends back: the cards, or where they were written and how many."""

    cards: tuple[Card, ...]
    written: Path | None = None
    count: int = 0
    error: str = ""


def _make_deck(job: _DeckJob) -> _Made:
    """Annotate (and maybe write) one deck; runs in a worker process with ``--jobs``.

    A deck alone in its package is written where it was annotated, so its cards
    never travel back to the main process.
    """
    cards = annotate_all((job.chosen, job.level, job.variant, job.glossary))
    if job.package is None or not cards:
        return _Made(cards)
    spec = deck.DeckSpec(job.name, job.description, cards)
    try:
        write_decks([spec], job.package, job.timestamp, job.word_list)
    except OutputError as exc:  # this package only: the other documents go on
        return _Made((), None, len(cards), str(exc))
    return _Made((), job.package, len(cards))


def plan(
    docs: list[Document],
    config: BuildConfig,
    progress: Progress | None = None,
    alone_in: Sequence[Path | None] = (),
) -> Iterator[PlannedDeck]:
    """Analyse documents in order and yield each one's deck (possibly empty).

    A word gets one note: the first document, in input order, that uses it has it.
    ``alone_in[i]``, when given, is the package that holds document ``i``'s deck
    alone: that deck is written there as soon as it is annotated.
    """
    vocab = vocabulary(config)
    known, glossary, extra = vocab.known, vocab.glossary, vocab.extra
    jobs = parallel.auto_jobs(config.jobs, len(docs), sum(len(d.text) for d in docs))
    if jobs > 1:
        # Load once, before forking, so workers share the dictionaries.
        warm_up(extra, config.variant.value)
    carded: set[str] = set()
    with parallel.pool(jobs) as workers:
        steps = 2 * len(docs)
        evidence = parallel.ordered_map(workers, partial(term_evidence, extra=extra), docs, jobs)
        if progress:
            evidence = _reported(evidence, docs, progress, steps)
        corpus_terms = accept_terms(evidence)
        names = unique_titles(docs)
        level, variant = config.level.value, config.variant.value
        Pending = tuple[int, Document, str, int, parallel.Result[_Made]]
        pending: deque[Pending] = deque()
        analyses = _analysed(
            workers,
            jobs,
            docs,
            partial(
                _analyse_for_cards,
                known_terms=corpus_terms,
                extra=extra,
                config=config,
                known=known,
            ),
            busy=lambda: sum(not p[4].ready() for p in pending),
        )

        def finished(all_of_them: bool) -> Iterator[PlannedDeck]:
            """Decks whose annotation is done, in input order (all, at the end)."""
            while pending and (
                all_of_them or len(pending) > parallel.LOOK_AHEAD * jobs or pending[0][4].ready()
            ):
                i, doc, name, seen, result = pending.popleft()
                if progress:
                    progress(len(docs) + i, steps, doc.title)
                made = result.get()
                yield PlannedDeck(doc, name, made.cards, seen, made.written, made.count, made.error)

        for i, (doc, name, analysis) in enumerate(zip(docs, names, analyses, strict=True)):
            chosen = choose(analysis, config, known, glossary, carded)
            job = _DeckJob(
                chosen,
                level,
                variant,
                glossary,
                name,
                deck.description(doc.title, doc.source),
                alone_in[i] if i < len(alone_in) else None,
                config.timestamp,
                config.write_list,
            )
            pending.append(
                (i, doc, name, analysis.words_seen, parallel.submit(workers, _make_deck, job))
            )
            yield from finished(all_of_them=False)
        yield from finished(all_of_them=True)
    if progress:
        progress(steps, steps, "")


def _analysed(
    workers: parallel.Pool | None,
    jobs: int,
    docs: list[Document],
    analyse_one: Callable[[Document], Analysis],
    busy: Callable[[], int],
) -> Iterator[Analysis]:
    """Each document's analysis, in order: made here while the workers annotate,
    and ahead by the workers whenever they would otherwise wait.

    Made here, an analysis needs no trip between processes, and this process's
    caches serve every document; but it is one process, so idle workers take
    documents ahead. ``busy()`` is the number of deck jobs the workers have not
    finished.
    """
    if workers is None:
        yield from map(analyse_one, docs)
        return
    ahead: dict[int, parallel.Result[Analysis]] = {}
    handed = 0  # documents before this one are analysed here or handed out
    for i, doc in enumerate(docs):
        handed = max(handed, i + 1)
        while (
            handed < len(docs)
            and handed - i <= parallel.LOOK_AHEAD * jobs
            and busy() + sum(not r.ready() for r in ahead.values()) < jobs
        ):
            ahead[handed] = parallel.submit(workers, analyse_one, docs[handed])
            handed += 1
        result = ahead.pop(i, None)
        yield result.get() if result is not None else analyse_one(doc)


def _reported(
    evidence: Iterator[TermEvidence], docs: list[Document], progress: Progress, steps: int
) -> Iterator[TermEvidence]:
    """The evidence, reporting each document as its terms come in."""
    for i, (doc, found) in enumerate(zip(docs, evidence, strict=False)):
        progress(i, steps, f"terms: {doc.title}")
        yield found


def _analyse_for_cards(
    doc: Document,
    *,
    known_terms: frozenset[str],
    extra: tuple[str, ...],
    config: BuildConfig,
    known: frozenset[str],
) -> Analysis:
    """Analyse a document, keeping only the words that could get a card at this level."""
    level = config.level.value
    return analyse(
        doc,
        known_terms,
        extra,
        keep=lambda word, zipf, hsk: rank.band(hsk, zipf) == level and word not in known,
    )


def warm_up(extra: tuple[str, ...] = (), variant: str = "tw") -> None:
    """Load every dictionary the stages use (before forking workers that share them)."""
    from flashgen import lexicon, rank, readings, segment, wordhood
    from flashgen.dictionary import cedict

    cedict()
    segment.tokenizer(extra)
    lexicon.dictionary_words()
    lexicon.hsk_words()
    lexicon.is_noun("中文")
    rank.zipf("中文")
    wordhood.is_unit("年")
    wordhood.is_proper_noun("中文")
    variants.warm_up(variant)  # only this variant's converter (0.05-0.12 s each)
    readings.warm_up()
    deck.warm_up()


def build(
    paths: Iterable[Path],
    config: BuildConfig,
    progress: Progress | None = None,
) -> BuildReport:
    """Build one package per document (per book for chapters; one with ``config.single``).

    Packages are written as soon as their documents are done, so memory stays
    flat however many documents there are.

    Example: ``build([Path("texts/")], BuildConfig(level=Level.ADVANCED))``.
    """
    with fewer_collections():
        return _build(paths, config, progress)


def _build(
    paths: Iterable[Path],
    config: BuildConfig,
    progress: Progress | None,
) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    check_writable(config.out_dir)
    for leftover in cleanup_partials(config.out_dir):
        report.notices.append(f"{leftover}: removed, left by an interrupted run")
    docs = load_documents(config, tuple(paths), report)
    where = targets(config, docs, unique_titles(docs))
    decks_in = Counter(where)
    alone_in = [p if decks_in[p] == 1 else None for p in where]
    pending: list[deck.DeckSpec] = []
    for i, planned in enumerate(plan(docs, config, progress, alone_in)):
        doc = planned.document
        path = where[i]
        result = DocumentResult(doc.title, planned.name, None, 0, planned.words_seen)
        if planned.error:
            result = replace(result, cards=planned.written_cards, error=planned.error)
        elif planned.written:
            result = replace(result, path=planned.written, cards=planned.written_cards)
        elif planned.cards:
            spec = deck.DeckSpec(
                planned.name, deck.description(doc.title, doc.source), planned.cards
            )
            pending.append(spec)
            result = replace(result, path=path, cards=len(planned.cards))
        else:
            result = replace(result, note="no new words at this level")
        report.results.append(result)
        last_of_package = i + 1 == len(docs) or where[i + 1] != path
        if last_of_package and pending:
            try:
                write_decks(pending, path, config.timestamp, config.write_list)
            except OutputError as exc:  # this package only: the other documents go on
                report.results = [
                    replace(r, path=None, error=str(exc)) if r.path == path else r
                    for r in report.results
                ]
            pending = []
    report.seconds = time.perf_counter() - started
    return report


def document_stats(
    paths: Iterable[Path],
    config: BuildConfig,
    report: BuildReport,
    vocab: Vocabulary | None = None,
) -> Iterator[tuple[str, tuple[str, ...], dict[str, list[str]]]]:
    """For ``flashgen stats``: each document's name, running words and each level's card order.

    Names are the deck titles, distinct even where titles collide. Each document
    is taken on its own (no note de-duplication across documents). ``vocab`` is
    the learner's lists when the caller has read them already.
    """
    from flashgen.config import Level

    docs = load_documents(config, tuple(paths), report)
    vocab = vocab or vocabulary(config)
    known, extra = vocab.known, vocab.extra
    corpus_terms = discover_terms(docs, extra)
    for doc, name in zip(docs, unique_titles(docs), strict=True):
        analysis = analyse(doc, corpus_terms, extra)
        orders = {
            lv.value: [u.word for u in select(analysis, replace(config, level=lv), known)]
            for lv in Level
        }
        yield name.removeprefix(deck.DECK_PREFIX), analysis.running_words, orders
