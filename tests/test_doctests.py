"""The worked examples in every flashgen module's docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import flashgen

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(flashgen.__path__, "flashgen.")
    if m.name != "flashgen.__main__"
)


def test_the_modules_are_found() -> None:
    expected = {"flashgen.pipeline", "flashgen.text.formats.epub", "flashgen.learner.known"}
    assert expected <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
