"""The worked examples in the format modules' docstrings hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "flashgen.markup",
    "flashgen.markdown_text",
    "flashgen.formats",
    "flashgen.formats.archive",
    "flashgen.formats.epub",
    "flashgen.formats.subtitles",
    "flashgen.formats.textual",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
