"""The command line: a thin click layer over the library.

Each command turns options into a :class:`~flashgen.config.BuildConfig`, calls
one library function, and turns :class:`~flashgen.errors.FlashgenError` into a
one-line ``click.ClickException``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from flashgen import __version__
from flashgen.config import MAX_INPUT_MB, BuildConfig, KnownAnki, Level, Variant
from flashgen.errors import FlashgenError


def _printable(text: str) -> str:
    """Text any terminal encoding takes: a file name's undecodable bytes become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _say(text: str, err: bool = False) -> None:
    click.echo(_printable(text), err=err)


def _friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one-line click errors (exit status 1), never tracebacks."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FlashgenError as exc:
            raise click.ClickException(_printable(str(exc))) from exc

    return wrapper


def _input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``build`` and ``stats``: what to read and what the learner knows."""
    options = [
        # readable=False: an unreadable file is reported by the build, which goes on
        # with the others, instead of click refusing the whole command.
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False)),
        click.option("--encoding", default=None, help="Decode text files with this encoding."),
        click.option("--title", default=None, help="Title of the document read from - (stdin)."),
        click.option(
            "--max-input-mb",
            type=click.IntRange(min=1),
            default=MAX_INPUT_MB,
            show_default=True,
            help="Refuse a document larger than this, unpacked (EPUB and DOCX members "
            "included); a zip bomb stops here. Example: --max-input-mb 200",
        ),
        click.option(
            "--split",
            type=click.Choice(["none", "chapters"]),
            default="none",
            show_default=True,
            help="chapters: each chapter of a book is a subdeck.",
        ),
        click.option(
            "--known",
            "known",
            multiple=True,
            type=click.Path(path_type=Path),
            help="A file of words you know (flashgen list, Anki notes export or Pleco "
            "export): they get no card. Read, never changed; vocab/known.txt is read "
            "too when present. Repeatable.",
        ),
        click.option(
            "--known-anki",
            type=click.Path(path_type=Path),
            default=None,
            help="An Anki collection.anki2 whose words you know (read, never changed).",
        ),
        click.option("--known-deck", default=None, help="With --known-anki: only this deck."),
        click.option(
            "--known-notetype", default=None, help="With --known-anki: only this note type."
        ),
        click.option(
            "--known-field",
            type=click.IntRange(min=0),
            default=0,
            show_default=True,
            help="With --known-anki: the field holding the word, counted from 0.",
        ),
        click.option(
            "--glossary",
            type=click.Path(path_type=Path),
            default=None,
            help="Your glossary TSV (word, pinyin, definition); default vocab/glossary.tsv.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _config(opts: dict[str, Any], **extra: Any) -> BuildConfig:
    """The build config from command-line options, with vocab/ defaults."""
    from flashgen.resources import vocab_dir

    known_files = list(opts["known"])
    default_known = vocab_dir() / "known.txt"
    if default_known.is_file():
        known_files.insert(0, default_known)
    glossary = opts["glossary"]
    if glossary is None and (vocab_dir() / "glossary.tsv").is_file():
        glossary = vocab_dir() / "glossary.tsv"
    filters = opts["known_deck"] or opts["known_notetype"] or opts["known_field"]
    if filters and not opts["known_anki"]:
        raise click.UsageError("--known-deck/--known-notetype/--known-field need --known-anki")
    if opts["known_deck"] and opts["known_notetype"]:
        raise click.UsageError("give --known-deck or --known-notetype, not both")
    known_anki = None
    if opts["known_anki"]:
        known_anki = KnownAnki(
            opts["known_anki"],
            deck=opts["known_deck"],
            notetype=opts["known_notetype"],
            field=opts["known_field"],
        )
    return BuildConfig(
        known_files=tuple(known_files),
        glossary_file=glossary,
        known_anki=known_anki,
        encoding=opts["encoding"],
        title=opts["title"],
        split_chapters=opts["split"] == "chapters",
        max_input_mb=opts["max_input_mb"],
        **extra,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashgen")
def main() -> None:
    """Turn Chinese texts into Anki decks: one deck per document.

    Example: flashgen build --level advanced
    """


@main.command(short_help="Build one Anki deck per document.")
@_input_options
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in Level]),
    default=Level.ADVANCED.value,
    show_default=True,
    help="Which band of words to card.",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("decks"),
    show_default=True,
    help="Output folder for the .apkg files (created when the first one is written).",
)
@click.option(
    "--variant",
    type=click.Choice([v.value for v in Variant]),
    default="tw",
    show_default=True,
    help="Traditional forms: Taiwan (tw), OpenCC standard (t), Hong Kong (hk).",
)
@click.option("--max-words", type=click.IntRange(min=1), default=None, help="Cap each deck.")
@click.option(
    "--single",
    type=click.Path(path_type=Path),
    default=None,
    help="Bundle every document's deck into this one .apkg.",
)
@click.option(
    "--list",
    "write_list",
    is_flag=True,
    help="Also write <deck>.tsv word lists that Anki's text import understands.",
)
@click.option("--preview", is_flag=True, help="Also write an HTML preview next to each .apkg.")
@click.option(
    "--keep-edits",
    "keep_edits",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Your Anki collection.anki2 (read, never changed): notes you already have keep "
    "your Notes field and your own tags when you re-import with 'update'.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for analysing documents (default: by input size).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace files in the way that flashgen did not write (a package, word list or "
    "preview of the same name). Without it, such a file is left alone and reported.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only errors and the summary line (no per-document lines, notes or progress).",
)
@_friendly
def build(**opts: Any) -> None:
    """Build one Anki deck per document from PATHS.

    PATHS are text files (.txt), books (.epub), subtitles (.srt .ass .vtt),
    web pages (.html), Markdown (.md), Word files (.docx), folders of them,
    or - for standard input. With no PATHS, builds the sample articles
    shipped with flashgen.

    A word gets one note, in the deck of the first document (in the order
    given) that uses it: a later document's line says how many of its words
    are in earlier decks. Build a document alone for a deck of all its words.

    Example: flashgen build --level advanced my-texts/ -o decks
    """
    from flashgen import pipeline

    config = _config(
        opts,
        level=Level(opts["level"]),
        out_dir=opts["out_dir"],
        variant=Variant(opts["variant"]),
        max_words=opts["max_words"],
        single=opts["single"],
        write_list=opts["write_list"],
        jobs=opts["jobs"],
        keep_edits_from=opts["keep_edits"],
        force=opts["force"],
    )
    quiet = opts["quiet"]
    report = pipeline.build(
        opts["paths"],
        config,
        None if quiet else _progress_bar(),
        notify=lambda message: _say(f"note: {message}", err=True),
    )
    if not quiet:
        for notice in report.notices:
            _say(f"note: {notice}", err=True)
        for r in report.results:
            _say(r.line())
    if opts["preview"]:
        from flashgen.cards.preview import preview_apkg

        for path in sorted({r.path for r in report.results if r.path}):
            try:
                page = preview_apkg(path, path.with_suffix(".html"), force=opts["force"])
            except FlashgenError as exc:
                report.failures.append(str(exc))
                continue
            if not quiet:
                _say(f"preview: {page}")
    # A package that holds several decks fails once for all of them: one line.
    for failure in dict.fromkeys(report.failures + [r.error for r in report.results if r.error]):
        _say(f"error: {failure}", err=True)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


def _progress_bar() -> Callable[[int, int, str], None] | None:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, title: str) -> None:
        width = 24
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {done}/{total} {title[:40]}" if done < total else ""
        click.echo(f"\r\033[K{line}", err=True, nl=False)

    return show


@main.command(short_help="How hard each document is, at your level.")
@_input_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--plot",
    type=click.Path(path_type=Path),
    default=None,
    help="Draw the coverage curve of each document into this PNG.",
)
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in Level]),
    default=Level.ADVANCED.value,
    show_default=True,
    help="Your level: you are assumed to know the bands below it, plus your known "
    "words; the --plot curve follows this level's card order.",
)
@_friendly
def stats(**opts: Any) -> None:
    """How hard each document is, and what learning its words would unlock.

    Prints, per document (named by title and file): Han characters, running
    words (every occurrence) and distinct words; the HSK level whose
    characters cover 95% of the text's characters; the share of running words
    in each HSK band; the share you know at your --level (the bands below it,
    plus your known words); and for each level, how many new words its deck
    would hold (a word counts for the first document that uses it, as in
    build) and the share of running words understood after learning its first
    50, 100 and 200 cards. docs/stats.md explains every row and JSON key.

    Example: flashgen stats article.txt --level intermediate --plot coverage.png
    """
    from flashgen import stats as statistics

    report = statistics.report(opts["paths"], _config(opts), opts["level"])
    for notice in report.notices:
        _say(f"note: {notice}", err=True)
    rows, level = report.rows, report.level
    if opts["as_json"]:
        click.echo(statistics.to_json(rows, level))
    else:
        click.echo(statistics.format_table(rows, level))
    if opts["plot"]:
        plot = statistics.plot_coverage(report.curves, opts["plot"], level)
        _say(f"plot: {plot}", err=True)
    for failure in report.failures:
        _say(f"error: {failure}", err=True)
    if not report.ok:
        sys.exit(1)


@main.command(short_help="Write an HTML page showing every card of packages.")
@click.argument(
    "packages", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False)
)
@click.option(
    "-o",
    "--out",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write: an .html file for one package, a folder for several "
    "(default: each page next to its package, NAME.html).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace a file in the way that is not a flashgen preview page.",
)
@_friendly
def preview(packages: tuple[Path, ...], out: Path | None, force: bool) -> None:
    """Write one HTML page per package showing every card, front and back.

    Prints the path of each page written. A package that cannot be read is
    reported and the others are still written (exit status 1).

    Example: flashgen preview decks/*.apkg -o previews/
    """
    from flashgen.cards.preview import preview_apkg

    failed = False
    for apkg, target in _preview_targets(packages, out):
        try:
            _say(str(preview_apkg(apkg, target, force=force)))
        except FlashgenError as exc:
            _say(f"error: {exc}", err=True)
            failed = True
    if failed:
        sys.exit(1)


def _preview_targets(packages: tuple[Path, ...], out: Path | None) -> list[tuple[Path, Path]]:
    """Each package and its page: next to it, the file ``out``, or in the folder ``out``."""
    if out is None:
        return [(p, p.with_suffix(".html")) for p in packages]
    if len(packages) == 1 and not out.is_dir():
        return [(packages[0], out)]
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"-o {out}: several packages need a folder, not a file")
    out.mkdir(parents=True, exist_ok=True)
    from flashgen.filenames import unique_names

    stems = unique_names([p.stem for p in packages])
    return [(p, out / f"{stem}.html") for p, stem in zip(packages, stems, strict=True)]


def run() -> None:
    """The ``flashgen`` command: :func:`main`, then exit without tearing the heap down.

    A build leaves large tables in memory (dictionaries, frequency lists, caches);
    freeing them object by object at interpreter exit took 0.4 s, a third of a
    small build. Everything flashgen writes is closed by then (packages are
    renamed into place only when complete), so the process flushes its streams
    and ends with ``os._exit``; under a profiler or tracer (pyinstrument,
    cProfile, coverage), which write their results at exit, it exits normally.
    """
    import os

    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    if sys.getprofile() is None and sys.gettrace() is None:
        os._exit(code)
    sys.exit(code)
