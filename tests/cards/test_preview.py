"""The deck preview: flashgen's template renderer and the one-page HTML of an .apkg."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from sample_deck import build_sample_apkg, sample_fields
from testdata import Case, cases

from flashgen.cards import notetype
from flashgen.cards.preview import preview_apkg, read_cards, render_template
from flashgen.errors import InputError, OutputError


@pytest.mark.parametrize("case", cases("template_cases.json"))
def test_render_template_golden(case: Case) -> None:
    assert render_template(case.input, **case.args) == case.expected


@pytest.mark.parametrize("template", ["{{#A}}x", "x{{/A}}", "{{#A}}{{#B}}{{/A}}{{/B}}"])
def test_unbalanced_sections_are_refused(template: str) -> None:
    with pytest.raises(ValueError):
        render_template(template, {"A": "1", "B": "1"})


@pytest.fixture(scope="module")
def apkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_apkg(tmp_path_factory.mktemp("deck") / "sample.apkg")


def test_every_card_is_rendered_and_empty_sentence_cards_are_not_generated(apkg: Path) -> None:
    cards, css, deck = read_cards(apkg)
    by_word: dict[str, list[str]] = {}
    for card in cards:
        by_word.setdefault(card.headword, []).append(card.template)
    assert deck == "flashgen preview test"
    assert css == notetype.css()
    assert by_word["供给"] == ["Recognition", "Recall", "Sentence"]
    assert by_word["葡萄"] == ["Recognition", "Recall"]  # no example, no Sentence card
    # 葡萄 has no example (no Sentence card), 并跑 no definition (no Recall card).
    assert len(cards) == 3 * len(sample_fields()) - 2


def test_sentence_card_blanks_the_headword_only_on_the_front(apkg: Path) -> None:
    cards, _, _ = read_cards(apkg)
    sentence = next(c for c in cards if c.headword == "供给" and c.template == "Sentence")
    assert '<div class="sentence front">' in sentence.front
    assert '<span class="hw">供给</span>' in sentence.front  # hidden by CSS, not removed
    assert '<div class="sentence back">' in sentence.back
    css = notetype.css()
    assert re.search(r"\.sentence\.front \.hw[^{]*\{[^}]*color: transparent", css)


def test_preview_page_is_standalone_and_written_atomically(apkg: Path, tmp_path: Path) -> None:
    out = preview_apkg(apkg, tmp_path / "preview.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert notetype.css() in page
    assert page.count('class="fg-note"') == 16
    assert page.count('<div class="card card3">') == 2 * 5  # 5 Sentence cards, two sides each
    assert "http" not in page  # nothing fetched from the network
    assert [p.name for p in tmp_path.iterdir()] == ["preview.html"]  # no temp file left


def test_not_a_package_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "notes.apkg"
    bad.write_text("not a zip")
    with pytest.raises(InputError, match="notes.apkg"):
        preview_apkg(bad, tmp_path / "out.html")
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("media", "{}")
    with pytest.raises(InputError, match="empty.apkg: no collection.anki2"):
        preview_apkg(empty, tmp_path / "out.html")


def test_unwritable_output_is_an_output_error(apkg: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("in the way")
    with pytest.raises(OutputError, match="out.html"):
        preview_apkg(apkg, tmp_path / "a-file" / "out.html")


def test_a_missing_output_folder_is_created(apkg: Path, tmp_path: Path) -> None:
    out = preview_apkg(apkg, tmp_path / "previews" / "out.html")
    assert out.is_file()


# -- the template data files ---------------------------------------------------

ALLOWED_TAG = re.compile(r"\{\{([#^/]?)([A-Za-z]+)\}\}")


@pytest.mark.parametrize("tmpl", notetype.templates(), ids=lambda t: t["name"])
def test_templates_use_only_known_fields_and_plain_syntax(tmpl: dict[str, str]) -> None:
    for side in ("qfmt", "afmt"):
        tags = re.findall(r"\{\{[^}]*\}\}", tmpl[side])
        assert tags, side
        for tag in tags:
            m = ALLOWED_TAG.fullmatch(tag)
            assert m, tag
            assert m.group(2) in (*notetype.FIELDS, "FrontSide"), tag
        render_template(tmpl[side], {})  # balanced sections


@pytest.mark.parametrize("tmpl", notetype.templates(), ids=lambda t: t["name"])
def test_each_template_wraps_its_content_in_its_own_class(tmpl: dict[str, str]) -> None:
    cls = tmpl["name"].lower()
    assert f'<div class="{cls} front">' in tmpl["qfmt"]
    assert f'<div class="{cls} back">' in tmpl["afmt"]


def test_the_tone_script_is_the_same_in_every_template() -> None:
    scripts = [
        s
        for t in notetype.templates()
        for side in ("qfmt", "afmt")
        for s in re.findall(r"<script>.*?</script>", t[side], re.S)
    ]
    assert len(scripts) == 3
    assert len(set(scripts)) == 1


def test_css_has_one_class_per_tone_in_day_and_night_mode() -> None:
    css = notetype.css()
    for tone in range(1, 6):
        assert re.search(rf"^\.tone{tone} \{{ color: #[0-9a-f]{{6}}; \}}", css, re.M)
        assert f".nightMode .tone{tone}, .night_mode .tone{tone} {{" in css
    assert not re.search(r"(?<![-\w])(min-)?width:\s*\d+px", css)  # nothing wider than a phone
