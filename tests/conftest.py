"""Fixtures every test folder shares: the command line, a real Anki collection.

The helpers behind them are plain modules in this folder (``pythonpath`` in
pyproject.toml puts it on ``sys.path``), so module-scoped fixtures and
module-level constants can use them too:

- :mod:`cli_run`: run ``flashgen`` in this process or as a child process, read what it wrote;
- :mod:`anki_collection`: open Anki collections, import packages and lists as a user does;
- :mod:`testdata`: where data lives (``tests/data``, ``../shared``) and the case-file loader;
- :mod:`e2e`: texts shared by the end-to-end tests; :mod:`sample_deck`: a small real deck.

Markers (declared in pyproject.toml): ``anki`` for tests that use a real Anki
collection, ``browser`` for those that render in Chromium, ``slow`` for those
that take two seconds or more.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anki_collection import collection_at
from cli_run import Cli


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """flashgen's command line in this process, run from the test's own empty folder.

    ``cli("build", ...)`` returns click's result whatever happened; ``cli.ok(...)``
    requires success; ``cli.build(...)`` runs ``flashgen build`` and requires that
    no traceback reached the user. Relative paths start at ``cli.folder`` (``tmp_path``),
    where no ``vocab/`` exists unless the test writes one.
    """
    return Cli(tmp_path)


@pytest.fixture
def anki_collection(tmp_path: Path) -> Iterator[Any]:
    """A new, empty Anki collection (``tmp_path/anki/collection.anki2``), closed after the test.

    Tests using it need the ``anki`` marker. Close it early to let flashgen read
    the file; ``Path(col.path)`` reopens it.
    """
    with collection_at(tmp_path / "anki" / "collection.anki2") as col:
        yield col
