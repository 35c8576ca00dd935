"""Lint as part of the test command: ruff check, ruff format --check and mypy must be clean.

So that ``python -m pytest`` (the README's test command, and CI's) fails on a
lint or type error like on any other defect. Each check runs the tool from the
test environment (the ``test`` extra installs them) over the whole checkout.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from testdata import ROOT

TREES = ["flashgen", "tests", "benchmarks"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check_is_clean() -> None:
    result = _run("ruff", "check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run("ruff", "format", "--check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = _run("mypy", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr
