"""Run flashgen's command line in-process, as a user would, from a folder of its own.

The folder matters: ``flashgen`` reads ``vocab/known.txt`` and ``vocab/glossary.tsv``
from the current folder, so each test module runs in an empty one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flashgen import resources
from flashgen.cli import main

SAMPLES = Path(resources.__file__).parent / "data" / "samples"


def sample(name_start: str) -> Path:
    """The shipped sample whose file name starts with ``name_start`` ("4-" ...)."""
    (path,) = (SAMPLES / n for n in resources.sample_names() if n.startswith(name_start))
    return path


def flashgen(*args: object) -> Result:
    """``flashgen ARGS`` in this process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args])


def ok(*args: object) -> Result:
    """``flashgen ARGS``, which must succeed."""
    result = flashgen(*args)
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


@contextmanager
def in_folder(folder: Path) -> Iterator[Path]:
    """Make ``folder`` the current folder for the duration."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        yield folder
