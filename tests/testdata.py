"""Where the tests find their data, and the one loader of golden case files.

The checkout, ``tests/data`` and ``../shared`` beside the checkout: ``../shared``
(corpora and labelled lists) is there in CI; a clone elsewhere has none, and the
tests that need it skip, saying why.

Golden cases live in ``tests/data/*_cases.json``, in the format
``tests/data/README.md`` describes; :func:`cases` turns a file into pytest
parameters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


# -- case files (the format is described in tests/data/README.md) -------------------

REQUIRED = ("label", "input", "expected")
OPTIONAL = ("args", "xfail", "comment")


@dataclass(frozen=True)
class Case:
    """One golden case: what goes in, what must come out, and why it is there."""

    label: str  # what the case shows; also its pytest id
    input: Any  # what goes in: a string, or an object when several things do
    expected: Any  # what must come out
    args: dict[str, Any] = field(default_factory=dict)  # further inputs, by name
    xfail: str | None = None  # why the current code gets it wrong, when it does
    comment: str | None = None  # anything else a reader should know


def load_cases(name: str | Path) -> list[Case]:
    """The cases of ``tests/data/NAME`` (or of the file at an absolute path), checked."""
    path = DATA / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{path}: a case file is a non-empty JSON list of cases")
    found: list[Case] = []
    for i, case in enumerate(raw):
        where = f"{path}, case {i + 1}"
        if not isinstance(case, dict):
            raise ValueError(f"{where}: a case is a JSON object")
        missing = [k for k in REQUIRED if k not in case]
        unknown = sorted(set(case) - set(REQUIRED) - set(OPTIONAL))
        if missing or unknown:
            raise ValueError(f"{where}: missing {missing}, unknown {unknown}")
        if not isinstance(case["label"], str) or not case["label"].strip():
            raise ValueError(f"{where}: the label is a non-empty string")
        if not isinstance(case.get("args", {}), dict):
            raise ValueError(f"{where}: args is an object (names to values)")
        xfail = case.get("xfail")
        if xfail is not None and (not isinstance(xfail, str) or not xfail.strip()):
            raise ValueError(f"{where}: xfail is the reason the code gets the case wrong")
        if any(c.label == case["label"] for c in found):
            raise ValueError(f"{where}: the label {case['label']!r} is used twice")
        found.append(Case(**case))
    return found


def cases(name: str | Path) -> list[Any]:
    """The cases of ``tests/data/NAME`` as pytest parameters, each identified by its label.

    A case with an ``xfail`` reason is a strict expected failure: it must fail,
    and the suite fails as soon as the code gets it right (then drop the field).
    """
    return [
        pytest.param(
            case,
            id=case.label,
            marks=[pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else [],
        )
        for case in load_cases(name)
    ]
