"""Where the tests find their data: the checkout, ``tests/data`` and ``../shared`` beside it.

``../shared`` (corpora and labelled lists) sits beside the checkout in CI; a
clone elsewhere has none, and the tests that need it skip, saying why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]  # the checkout
DATA = ROOT / "tests" / "data"
TEXTS = DATA / "texts"  # two short news-like texts, each titled on its first line
SHARED = ROOT.parent / "shared"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip unless ``../shared/PARTS`` sits beside the checkout (as it does in CI)."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(
        not path.exists(), reason=f"needs ../shared/{'/'.join(parts)} beside the checkout"
    )
