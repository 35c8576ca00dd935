"""The command line: a thin click layer over :mod:`flashgen.pipeline`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flashgen import __version__
from flashgen.config import BuildConfig, Level, Variant
from flashgen.errors import FlashgenError


@click.group()
@click.version_option(__version__, prog_name="flashgen")
def main() -> None:
    """Turn Chinese texts into Anki decks: one deck per document.

    Example: flashgen build --level advanced
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in Level]),
    default=Level.ADVANCED.value,
    show_default=True,
    help="Which band of words to card.",
)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("decks"),
              show_default=True, help="Output folder for the .apkg files.")
@click.option("--variant", type=click.Choice([v.value for v in Variant]), default="tw",
              show_default=True, help="Traditional forms: Taiwan (tw), OpenCC standard (t), Hong Kong (hk).")
@click.option("--known", "known", multiple=True, type=click.Path(path_type=Path),
              help="A word list of words you know (added to vocab/known.txt). Repeatable.")
@click.option("--glossary", type=click.Path(path_type=Path), default=None,
              help="A glossary TSV (word, pinyin, definition); default vocab/glossary.tsv.")
@click.option("--max-words", type=click.IntRange(min=1), default=None, help="Cap each deck.")
@click.option("--single", type=click.Path(path_type=Path), default=None,
              help="Bundle every document's deck into this one .apkg.")
def build(
    paths: tuple[Path, ...],
    level: str,
    out_dir: Path,
    variant: str,
    known: tuple[Path, ...],
    glossary: Path | None,
    max_words: int | None,
    single: Path | None,
) -> None:
    """Build one Anki deck per document from PATHS (.txt files or folders).

    With no PATHS, builds from the sample articles shipped with flashgen.

    Example: flashgen build --level advanced my-texts/ --out decks
    """
    from flashgen import pipeline
    from flashgen.resources import vocab_dir

    known_files = list(known)
    default_known = vocab_dir() / "known.txt"
    if default_known.is_file():
        known_files.insert(0, default_known)
    default_glossary = vocab_dir() / "glossary.tsv"
    if glossary is None and default_glossary.is_file():
        glossary = default_glossary
    config = BuildConfig(
        level=Level(level),
        out_dir=out_dir,
        variant=Variant(variant),
        known_files=tuple(known_files),
        glossary_file=glossary,
        max_words=max_words,
        single=single,
    )
    progress = None
    if sys.stderr.isatty():
        def progress(msg: str) -> None:
            click.echo(f"\r\033[K{msg}", err=True, nl=False)
    try:
        report = pipeline.build(paths, config, progress)
    except FlashgenError as exc:
        raise click.ClickException(str(exc)) from exc
    if progress:
        click.echo("\r\033[K", err=True, nl=False)
    for r in report.results:
        where = str(r.path) if r.path else f"not written: {r.note}"
        click.echo(f"{r.deck_name or r.title}: {r.cards} cards -> {where}")
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)
