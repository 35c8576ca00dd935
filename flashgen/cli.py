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
            help="Known words (flashgen list, Anki notes export or Pleco export), "
            "added to vocab/known.txt. Repeatable.",
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


@click.group()
@click.version_option(__version__, prog_name="flashgen")
def main() -> None:
    """Turn Chinese texts into Anki decks: one deck per document.

    Example: flashgen build --level advanced
    """


@main.command()
@_input_options
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in Level]),
    default=Level.ADVANCED.value,
    show_default=True,
    help="Which band of words to card.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("decks"),
    show_default=True,
    help="Output folder for the .apkg files.",
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
@_friendly
def build(**opts: Any) -> None:
    """Build one Anki deck per document from PATHS.

    PATHS are text files (.txt), books (.epub), subtitles (.srt .ass .vtt),
    web pages (.html), Markdown (.md), Word files (.docx), folders of them,
    or - for standard input. With no PATHS, builds the sample articles
    shipped with flashgen.

    Example: flashgen build --level advanced my-texts/ --out decks
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
    )
    report = pipeline.build(opts["paths"], config, _progress_bar())
    for notice in report.notices:
        _say(f"note: {notice}", err=True)
    written = {r.path for r in report.results if r.path}
    for r in report.results:
        where = str(r.path) if r.path else "not written" + (f": {r.note}" if r.note else "")
        _say(f"{r.deck_name or r.title}: {r.cards} cards -> {where}")
    if opts["preview"]:
        from flashgen.cards.preview import preview_apkg

        for path in sorted(written):
            _say(f"preview: {preview_apkg(path, path.with_suffix('.html'))}")
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


@main.command()
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
    help="The level whose card order the --plot curve follows.",
)
@_friendly
def stats(**opts: Any) -> None:
    """How hard each document is, and what learning its words would unlock.

    Prints characters, running and distinct words, the share of running words
    by HSK band and by the words you know, how many new words each level adds,
    and the coverage after learning the top 50, 100 and 200 words of each level.

    Example: flashgen stats article.txt --known vocab/known.txt --plot coverage.png
    """
    from flashgen import stats as statistics

    report = statistics.report(opts["paths"], _config(opts), opts["level"])
    for notice in report.notices:
        _say(f"note: {notice}", err=True)
    rows = report.rows
    click.echo(statistics.to_json(rows) if opts["as_json"] else statistics.format_table(rows))
    if opts["plot"]:
        click.echo(f"plot: {statistics.plot_coverage(report.curves, opts['plot'])}", err=True)
    for failure in report.failures:
        _say(f"error: {failure}", err=True)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("apkg", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The HTML file to write (default: next to the package).",
)
@_friendly
def preview(apkg: Path, output: Path | None) -> None:
    """Write one HTML page showing every card of a package, front and back.

    Example: flashgen preview decks/前瞻布局和发展未来产业.apkg -o preview.html
    """
    from flashgen.cards.preview import preview_apkg

    click.echo(preview_apkg(apkg, output or apkg.with_suffix(".html")))


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
