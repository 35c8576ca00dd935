"""safe_filename and unique_names: deck file names from document titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testdata import Case, cases

from flashgen.filenames import safe_filename, unique_names

FORBIDDEN = set('/\\:*?"<>|')


@pytest.mark.parametrize("case", cases("safe_filename_cases.json"))
def test_golden_cases(case: Case) -> None:
    assert safe_filename(case.input, **case.args) == case.expected


@given(st.text(), st.integers(min_value=1, max_value=120))
def test_any_title_gives_a_usable_name(title: str, max_len: int) -> None:
    name = safe_filename(title, max_len)
    assert name
    assert len(name) <= max(max_len, len("untitled")) + 1  # +1: a device-name suffix
    assert len(name.encode("utf-8")) <= 240 + 1
    assert not FORBIDDEN & set(name)
    assert all(ch.isprintable() for ch in name)
    assert not name.startswith(".") and not name.endswith((".", " "))


@given(st.text(min_size=1))
def test_name_can_really_be_created(tmp_path_factory: pytest.TempPathFactory, title: str) -> None:
    folder = tmp_path_factory.mktemp("names")
    path = folder / (safe_filename(title) + ".apkg")
    path.write_bytes(b"x")
    assert [p.name for p in folder.iterdir()] == [path.name]


@pytest.mark.parametrize(
    "names, expected",
    [
        ([], []),
        (["a", "b"], ["a", "b"]),
        (["甲", "甲", "甲"], ["甲", "甲 (2)", "甲 (3)"]),
        (["Deck", "deck", "DECK"], ["Deck", "deck (2)", "DECK (3)"]),
        (["a", "a", "a (2)"], ["a", "a (3)", "a (2)"]),
        (["a (2)", "a", "A"], ["a (2)", "a", "A (3)"]),
    ],
)
def test_unique_names(names: list[str], expected: list[str]) -> None:
    assert unique_names(names) == expected


@given(st.lists(st.sampled_from(["a", "A", "a (2)", "b", "B (3)", "学"]), max_size=12))
def test_unique_names_are_distinct_ignoring_case(names: list[str]) -> None:
    out = unique_names(names)
    assert len(out) == len(names)
    assert len({n.casefold() for n in out}) == len(out)
    assert all(o == n or o.startswith(n + " (") for n, o in zip(names, out, strict=True))
