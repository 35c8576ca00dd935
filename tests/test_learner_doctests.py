"""The worked examples in the learner modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["flashgen.known", "flashgen.stats", "flashgen.wordlist", "flashgen.preview"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
