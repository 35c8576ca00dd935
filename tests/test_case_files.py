"""The golden case files follow the one format of tests/data/README.md, and its loader keeps it.

A case's ``xfail`` reason makes it a strict expected failure: kept visible,
and failing the suite once the code gets it right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testdata import DATA, Case, cases, load_cases

CASE_FILES = sorted(p.name for p in DATA.glob("*_cases.json"))
TESTS = Path(__file__).resolve().parent


def _write(tmp_path: Path, cases_: list[dict[str, object]]) -> Path:
    path = tmp_path / "some_cases.json"
    path.write_text(json.dumps(cases_, ensure_ascii=False), encoding="utf-8")
    return path


def test_there_are_case_files() -> None:
    assert len(CASE_FILES) >= 10


@pytest.mark.parametrize("name", CASE_FILES)
def test_every_case_file_follows_the_format(name: str) -> None:
    found = load_cases(name)
    assert found and all(isinstance(c, Case) for c in found)


@pytest.mark.parametrize("name", CASE_FILES)
def test_every_case_file_is_read_by_a_test_and_listed_in_the_readme(name: str) -> None:
    readers = [
        p
        for p in TESTS.rglob("test_*.py")
        if p.name != Path(__file__).name and name in p.read_text("utf-8")
    ]
    assert readers, f"no test reads {name}"
    assert f"`{name}`" in (DATA / "README.md").read_text(encoding="utf-8")


def test_a_case_with_an_xfail_reason_is_a_strict_expected_failure(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"label": "right", "input": "a", "expected": "a"},
            {"label": "known wrong", "input": "b", "expected": "c", "xfail": "not yet"},
        ],
    )
    right, wrong = cases(path)
    assert right.id == "right" and list(right.marks) == []
    assert wrong.id == "known wrong"
    (mark,) = wrong.marks
    assert mark.name == "xfail" and mark.kwargs == {"reason": "not yet", "strict": True}
    assert wrong.values == (Case("known wrong", "b", "c", xfail="not yet"),)


def test_args_and_comment_are_read_and_default_to_nothing(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"label": "a", "input": "x", "args": {"n": 1}, "expected": 1, "comment": "why"},
            {"label": "b", "input": {"k": [1]}, "expected": None},
        ],
    )
    a, b = load_cases(path)
    assert (a.args, a.comment, a.xfail) == ({"n": 1}, "why", None)
    assert (b.input, b.args, b.comment, b.xfail) == ({"k": [1]}, {}, None, None)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([], "non-empty JSON list"),
        ([["a", "b"]], "a case is a JSON object"),
        ([{"label": "a", "input": "x"}], "missing \\['expected'\\]"),
        ([{"label": "a", "input": "x", "expected": "y", "xfial": "typo"}], "unknown \\['xfial'\\]"),
        ([{"label": "", "input": "x", "expected": "y"}], "label is a non-empty string"),
        ([{"label": "a", "input": "x", "expected": "y", "args": [1]}], "args is an object"),
        ([{"label": "a", "input": "x", "expected": "y", "xfail": ""}], "xfail is the reason"),
        ([{"label": "a", "input": 1, "expected": 1}, {"label": "a", "input": 2, "expected": 2}],
         "used twice"),
    ],
)  # fmt: skip
def test_a_file_that_breaks_the_format_is_refused_naming_the_case(
    tmp_path: Path, bad: list[object], message: str
) -> None:
    path = tmp_path / "bad_cases.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_cases(path)
    assert str(path) in str(info.value)
