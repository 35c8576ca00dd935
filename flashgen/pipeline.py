"""The pipeline: one function that chains the stages, document by document.

documents → terms → analyse (segment, word units, examples) → select (level,
known words, one note per word) → annotate → deck.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from flashgen import identity, parallel
from flashgen.atomic import check_writable, cleanup_partials, folder_lock
from flashgen.cards import apkg, output
from flashgen.cards.annotate import annotate_all
from flashgen.cards.apkg import DeckSpec, description
from flashgen.config import BuildConfig
from flashgen.errors import FlashgenError, InputError
from flashgen.gcpolicy import fewer_collections
from flashgen.learner.edits import LearnerEdits
from flashgen.learner.glossary import GlossaryEntry
from flashgen.learner.vocabulary import Vocabulary, vocabulary
from flashgen.lexicon import cedict, frequency, headwords, hsk, modern, traditional
from flashgen.lexicon.han import HAN
from flashgen.models import Chosen, Document
from flashgen.pinyin import readings
from flashgen.plural import counted, words_and_cards
from flashgen.text.decode import check_encoding
from flashgen.text.documents import ReadOptions, Skipped, find_sources, read_source
from flashgen.words import levels, segment, wordhood
from flashgen.words.analyse import Analysis, analyse
from flashgen.words.selection import choose
from flashgen.words.terms import TermEvidence, accept_terms, term_evidence


@dataclass(frozen=True)
class DocumentResult:
    """What became of one document.

    ``words`` is the number of notes of its deck (one per word), ``cards`` the
    number of Anki cards they make; ``earlier`` the words of its level it uses
    that went to an earlier document's deck instead (a note lives in one deck).
    """

    title: str
    deck_name: str = ""
    path: Path | None = None
    words: int = 0
    cards: int = 0
    words_seen: int = 0
    earlier: int = 0
    note: str = ""  # why nothing was written, when nothing was
    error: str = ""  # the deck could not be written: why

    def line(self) -> str:
        """The document's line of the build output.

        >>> DocumentResult("t", "flashgen::t", Path("t.apkg"), 1, 3, 9, 73).line()
        'flashgen::t: 1 new word (3 cards), 73 in earlier decks -> t.apkg'
        >>> DocumentResult("t", "flashgen::t", note="no new words at this level").line()
        'flashgen::t: 0 words -> not written: no new words at this level'
        """
        name = self.deck_name or self.title
        earlier = f", {self.earlier} in earlier decks" if self.earlier else ""
        if self.words:
            counts = words_and_cards(self.words, self.cards, new=bool(self.earlier))
        else:
            counts = counted(0, "new word" if self.earlier else "word")
        if self.path is None:
            reason = f": {self.note}" if self.note else ""
            return f"{name}: {counts}{earlier} -> not written{reason}"
        return f"{name}: {counts}{earlier} -> {self.path}"


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
        """The one summary line: documents, words seen, words and cards written, seconds.

        >>> BuildReport([DocumentResult("t", path=Path("t.apkg"), words=1, cards=3)]).summary()
        '1 document, 0 words seen, 1 word (3 cards) written, 0.0 s'
        """
        docs = len(self.results) + len(self.failures)
        seen = sum(r.words_seen for r in self.results)
        written = [r for r in self.results if r.path]
        words = sum(r.words for r in written)
        cards = sum(r.cards for r in written)
        failures = len(self.failures) + sum(1 for r in self.results if r.error)
        failed = f", {failures} failed" if failures else ""
        return (
            f"{counted(docs, 'document')}{failed}, {counted(seen, 'word')} seen, "
            f"{words_and_cards(words, cards)} written, {self.seconds:.1f} s"
        )


# progress(done, total, label): a build has two steps per document, finding the
# corpus's terms ("terms: TITLE"), then its deck (TITLE).
Progress = Callable[[int, int, str], None]


def load_documents(
    config: BuildConfig, paths: tuple[Path, ...], report: BuildReport
) -> list[Document]:
    """Read every source; a bad one is reported and the others go on.

    An ``--encoding`` that is no text encoding fails the whole run, before any reading.
    """
    if config.encoding is not None:
        check_encoding(config.encoding)
    options = ReadOptions(
        config.encoding, config.title, config.split_chapters, config.max_input_mb << 20
    )
    docs: list[Document] = []
    for item in find_sources(paths):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        if isinstance(item, Skipped):
            report.notices.append(str(item))
            continue
        try:
            loaded = read_source(item, options)
        except FlashgenError as exc:
            report.failures.append(str(exc))
            continue
        if loaded.encoding:
            report.notices.append(f"{item.name}: read as {loaded.encoding}")
        report.notices.extend(loaded.warnings)
        for doc in loaded.documents:
            if HAN.search(doc.text):
                docs.append(doc)
            else:
                report.notices.append(f"{item.name}: no Chinese text, no deck written")
                report.results.append(DocumentResult(doc.title, note="no Chinese text"))
    return docs


@dataclass(frozen=True)
class PlannedDeck:
    """One document's deck: what to write, and, when a worker wrote it already, the outcome."""

    document: Document
    spec: DeckSpec
    words_seen: int
    earlier: int = 0  # words of its level carded in an earlier document's deck
    written: output.Written | None = None


@dataclass(frozen=True)
class _DeckJob:
    """A worker's job: annotate a document's chosen words, and write its package if alone."""

    chosen: list[Chosen]
    level: str
    variant: str
    glossary: dict[str, GlossaryEntry]
    edits: dict[str, LearnerEdits]
    name: str
    description: str
    package: Path | None  # the deck is alone in this package: write it there
    options: output.WriteOptions


def _make_deck(job: _DeckJob) -> tuple[DeckSpec, output.Written | None]:
    """Annotate (and maybe write) one deck; runs in a worker process with ``--jobs``.

    A deck alone in its package is written where it was annotated, so its cards
    never travel back to the main process.
    """
    cards = annotate_all((job.chosen, job.level, job.variant, job.glossary, job.edits))
    spec = DeckSpec(job.name, job.description, cards)
    if job.package is None or not cards:
        return spec, None
    written = output.write(job.package, [spec], job.options)
    return DeckSpec(spec.name, spec.description, ()), written


def plan(
    docs: list[Document],
    config: BuildConfig,
    progress: Progress | None = None,
    alone_in: Sequence[Path | None] = (),
    vocab: Vocabulary | None = None,
) -> Iterator[PlannedDeck]:
    """Analyse documents in order and yield each one's deck (possibly empty).

    A word gets one note: the first document, in input order, that uses it has it.
    ``alone_in[i]``, when given, is the package that holds document ``i``'s deck
    alone: that deck is written there as soon as it is annotated. ``vocab`` is the
    learner's lists when the caller has read them already.
    """
    vocab = vocab or vocabulary(config)
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
        names = identity.unique_titles(docs)
        level, variant = config.level.value, config.variant.value
        Pending = tuple[
            int, Document, int, int, parallel.Result[tuple[DeckSpec, output.Written | None]]
        ]
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
                i, doc, seen, earlier, result = pending.popleft()
                if progress:
                    progress(len(docs) + i, steps, doc.title)
                spec, written = result.get()
                yield PlannedDeck(doc, spec, seen, earlier, written)

        for i, (doc, name, analysis) in enumerate(zip(docs, names, analyses, strict=True)):
            selection = choose(analysis, config, known, glossary, carded)
            job = _DeckJob(
                selection.chosen,
                level,
                variant,
                glossary,
                vocab.edits,
                name,
                description(doc.title, doc.source),
                alone_in[i] if i < len(alone_in) else None,
                output.WriteOptions(config.timestamp, config.write_list, config.force),
            )
            deck_job = parallel.submit(workers, _make_deck, job)
            pending.append((i, doc, analysis.words_seen, selection.earlier, deck_job))
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
    known_terms: Mapping[str, str],
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
        keep=lambda word, zipf, hsk: levels.wanted(level, known, hsk, zipf, word),
    )


def warm_up(extra: tuple[str, ...] = (), variant: str = "tw") -> None:
    """Load every table the stages use (before forking workers that share them)."""
    for module in (cedict, hsk, modern, headwords, frequency, wordhood, readings, apkg):
        module.warm_up()
    segment.warm_up(extra)
    traditional.warm_up(variant)  # only this variant's converter (0.05-0.12 s each)


def build(
    paths: Iterable[Path],
    config: BuildConfig,
    progress: Progress | None = None,
    notify: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build one package per document (per book for chapters; one with ``config.single``).

    Packages are written as soon as their documents are done, so memory stays
    flat however many documents there are. ``notify`` hears at once what cannot
    wait for the report (another run writing into the same folder).

    Example: ``build([Path("texts/")], BuildConfig(level=Level.ADVANCED))``.
    """
    folder = config.single.parent if config.single else config.out_dir
    check_writable(folder)

    def waiting() -> None:
        if notify is not None:
            notify(f"{folder}: another flashgen run is writing here; waiting for it")

    with fewer_collections(), folder_lock(folder, on_wait=waiting):
        return _build(paths, config, progress)


def _build(
    paths: Iterable[Path],
    config: BuildConfig,
    progress: Progress | None,
) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    folder = config.single.parent if config.single else config.out_dir
    for leftover in cleanup_partials(folder):
        report.notices.append(f"{leftover}: removed, left by an interrupted run")
    docs = load_documents(config, tuple(paths), report)
    vocab = vocabulary(config)
    report.notices.extend(vocab.notices)
    where = output.targets(config, docs, identity.unique_titles(docs))
    decks_in = Counter(where)
    alone_in = [p if decks_in[p] == 1 else None for p in where]
    pending: list[DeckSpec] = []
    for i, planned in enumerate(plan(docs, config, progress, alone_in, vocab)):
        doc, spec, path = planned.document, planned.spec, where[i]
        result = DocumentResult(
            doc.title, spec.name, words_seen=planned.words_seen, earlier=planned.earlier
        )
        if planned.written:
            written = planned.written
            if written.list_error:
                report.failures.append(written.list_error)
            result = replace(
                result,
                path=written.path,
                words=written.notes,
                cards=written.cards,
                error=written.error,
            )
        elif spec.cards:
            pending.append(spec)
            result = replace(
                result, path=path, words=len(spec.cards), cards=apkg.card_count(spec.cards)
            )
        else:
            result = replace(result, note="no new words at this level")
        report.results.append(result)
        last_of_package = i + 1 == len(docs) or where[i + 1] != path
        if last_of_package and pending:
            options = output.WriteOptions(config.timestamp, config.write_list, config.force)
            written = output.write(path, pending, options)
            if written.list_error:
                report.failures.append(written.list_error)
            if written.error:  # this package only: the other documents go on
                report.results = [
                    replace(r, path=None, error=written.error) if r.path == path else r
                    for r in report.results
                ]
            pending = []
    report.seconds = time.perf_counter() - started
    return report
