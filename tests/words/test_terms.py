"""Terms found in one document (tests/data/term_cases.json)."""

from __future__ import annotations

import pytest
from testdata import Case, cases

from flashgen.models import Document
from flashgen.words.terms import discover_terms


@pytest.mark.parametrize("case", cases("term_cases.json"))
def test_golden_cases(case: Case) -> None:
    terms = discover_terms([Document("case", case.input, "test", "case")])
    for term, evidence in case.expected["found"].items():
        assert terms.get(term) == evidence, terms
    for string in case.expected["not_found"]:
        assert string not in terms, terms
