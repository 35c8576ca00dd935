"""Run flashgen's command line as a user would, and read what it printed and wrote.

In this process, ``flashgen ARGS`` goes through click's ``CliRunner`` with
stdout and stderr kept apart. flashgen reads ``vocab/known.txt`` and
``vocab/glossary.tsv`` from the current folder, so tests run it from a folder
of their own: :class:`Cli` (conftest's ``cli`` fixture is one in the test's
``tmp_path``) runs every command from its folder, whatever the test's scope.

As a child process (``python -m flashgen``), for what only a process shows:
its exit status, output flushed before ``os._exit``, a kill mid-write.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from testdata import ROOT

from flashgen import resources
from flashgen.cards import notetype
from flashgen.cli import main

SAMPLES = Path(resources.__file__).parent / "data" / "samples"
# One line per document: "flashgen::title: 12 words (36 cards) -> /path/title.apkg",
# "flashgen::title: 1 new word (3 cards), 74 in earlier decks -> ...", "t: 0 words -> not written".
RESULT_LINE = re.compile(
    r"^(?P<deck>.+): (?P<words>\d+) (?:new )?words?(?: \((?P<cards>\d+) cards?\))?"
    r"(?:, (?P<earlier>\d+) in earlier decks)? -> (?P<where>.+)$"
)
HEADER_LINES = 6  # of a --list word list: separator, html, notetype, deck, guid column, columns


def sample(name_start: str) -> Path:
    """The shipped sample whose file name starts with ``name_start`` ("4-" ...)."""
    (path,) = (SAMPLES / n for n in resources.sample_names() if n.startswith(name_start))
    return path


# -- in this process -----------------------------------------------------------


def flashgen(*args: object, input: bytes | str | None = None) -> Result:
    """``flashgen ARGS`` in this process, from the current folder; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def ok(*args: object, input: bytes | str | None = None) -> Result:
    """``flashgen ARGS``, which must succeed."""
    result = flashgen(*args, input=input)
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


@contextmanager
def in_folder(folder: Path) -> Iterator[Path]:
    """Make ``folder`` the current folder for the duration."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        yield folder


@dataclass(frozen=True)
class Cli:
    """flashgen's command line, run in this process from ``folder`` (relative paths start there)."""

    folder: Path

    def __call__(self, *args: object, input: bytes | str | None = None) -> Result:
        """``flashgen ARGS``, whatever its outcome."""
        with in_folder(self.folder):
            return flashgen(*args, input=input)

    def ok(self, *args: object, input: bytes | str | None = None) -> Result:
        """``flashgen ARGS``, which must succeed."""
        with in_folder(self.folder):
            return ok(*args, input=input)

    def build(self, *args: object, input: bytes | str | None = None) -> Result:
        """``flashgen build ARGS``: it may fail, but no traceback may reach the user."""
        result = self("build", *args, input=input)
        assert_clean_exit(result)
        return result


def assert_clean_exit(result: Result) -> None:
    """The run ended by itself or by ``sys.exit``: no traceback reached the user."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        text = "".join(traceback.format_exception(exc))
        raise AssertionError(f"flashgen crashed:\n{text}\noutput:\n{result.output}")
    assert "Traceback" not in result.output


def error_lines(result: Result) -> list[str]:
    """The ``error:`` lines (one per failed document) and click's ``Error:`` line."""
    return [line for line in result.stderr.splitlines() if line.lower().startswith("error")]


@dataclass(frozen=True)
class DeckLine:
    """One document's line of ``flashgen build``'s output."""

    deck: str
    words: int  # notes: one per word
    cards: int  # Anki cards
    where: str  # the package's path, or "not written ..."


def deck_lines(output: str) -> list[DeckLine]:
    """The per-document lines of a build's output, in order."""
    found = [RESULT_LINE.match(line) for line in output.splitlines()]
    return [
        DeckLine(m["deck"], int(m["words"]), int(m["cards"] or 0), m["where"]) for m in found if m
    ]


# -- what a build wrote -----------------------------------------------------------


def apkgs(folder: Path) -> list[Path]:
    """The packages in an output folder, sorted by name."""
    return sorted(folder.glob("*.apkg"))


def package_notes(apkg: Path) -> list[dict[str, str]]:
    """Every note of a flashgen package, fields by name, read straight from its SQLite (no Anki)."""
    with tempfile.TemporaryDirectory(prefix="flashgen-test-") as folder:
        with zipfile.ZipFile(apkg) as z:
            db = z.extract("collection.anki2", folder)
        con = sqlite3.connect(db)
        try:
            rows = con.execute("select flds from notes order by id").fetchall()
        finally:
            con.close()
    return [dict(zip(notetype.FIELDS, flds.split("\x1f"), strict=True)) for (flds,) in rows]


def word_list_rows(tsv: Path) -> list[list[str]]:
    """The rows of a ``--list`` word list (GUID, then the fields), its header lines skipped."""
    lines = tsv.read_text(encoding="utf-8").splitlines(keepends=True)
    return list(csv.reader(lines[HEADER_LINES:], delimiter="\t"))


# -- as a child process ------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment for a child Python: this checkout's flashgen first."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def command(*args: object, python_args: tuple[str, ...] = ()) -> list[str]:
    """``python [PYTHON_ARGS] -m flashgen ARGS`` as an argument list."""
    return [sys.executable, *python_args, "-m", "flashgen", *map(str, args)]


def flashgen_process(
    *args: object, cwd: Path, python_args: tuple[str, ...] = (), timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python [PYTHON_ARGS] -m flashgen ARGS`` in a child process with pipes, from ``cwd``."""
    return subprocess.run(
        command(*args, python_args=python_args),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=child_env(),
        timeout=timeout,
        check=False,
    )
