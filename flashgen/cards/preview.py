"""An HTML preview of a deck: every card of an .apkg, front and back, on one page.

Learners and reviewers can look at a deck in any browser without Anki. The
page uses the note type's own CSS and a ``.card`` wrapper as Anki does, and a
small implementation of the template syntax flashgen's templates use.

>>> render_template("{{#Pinyin}}<i>{{Pinyin}}</i>{{/Pinyin}}{{^Audio}}-{{/Audio}}",
...                 {"Pinyin": "gōngjǐ"})
'<i>gōngjǐ</i>-'
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from flashgen.atomic import atomic_write_file
from flashgen.errors import InputError, OutputError
from flashgen.plural import words_and_cards

# ``{{Field}}``, ``{{#Field}}``, ``{{^Field}}``, ``{{/Field}}``; Anki trims spaces.
_TAG = re.compile(r"\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}")
# Anki counts a field holding only whitespace, <br> or <div> tags as empty.
_EMPTY_FIELD = re.compile(r"^(?:\s|</?(?:br|div) ?/?>)*$", re.IGNORECASE)
_FIELD_SEPARATOR = "\x1f"
_COLLECTION = "collection.anki2"


@dataclass(frozen=True)
class _Section:
    name: str
    inverted: bool
    body: list[_Node]


_Node: TypeAlias = "str | tuple[str] | _Section"  # text, (field name,), section


def _parse(template: str) -> list[_Node]:
    """Parse a template into text, field and section nodes; raise ValueError if unbalanced."""
    root: list[_Node] = []
    stack: list[tuple[_Section | None, list[_Node]]] = [(None, root)]
    pos = 0
    for m in _TAG.finditer(template):
        body = stack[-1][1]
        if m.start() > pos:
            body.append(template[pos : m.start()])
        pos = m.end()
        kind, name = m.group(1), m.group(2)
        if kind in ("#", "^"):
            section = _Section(name, kind == "^", [])
            body.append(section)
            stack.append((section, section.body))
        elif kind == "/":
            open_section = stack[-1][0]
            if open_section is None or open_section.name != name:
                raise ValueError(f"{{{{/{name}}}}} closes no open section")
            stack.pop()
        else:
            body.append((name,))
    if len(stack) > 1:
        raise ValueError(f"{{{{#{stack[-1][0].name if stack[-1][0] else ''}}}}} is never closed")
    if pos < len(template):
        root.append(template[pos:])
    return root


def _value(name: str, fields: Mapping[str, str], front_side: str) -> str:
    return front_side if name == "FrontSide" else fields.get(name, "")


def _render(nodes: list[_Node], fields: Mapping[str, str], front_side: str) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, tuple):
            out.append(_value(node[0], fields, front_side))
        else:
            filled = not _EMPTY_FIELD.match(_value(node.name, fields, front_side))
            if filled != node.inverted:
                out.append(_render(node.body, fields, front_side))
    return "".join(out)


def render_template(template: str, fields: Mapping[str, str], front_side: str = "") -> str:
    """Render an Anki card template with a note's fields (values are HTML, inserted as is).

    Supports ``{{Field}}``, ``{{#Field}}…{{/Field}}`` (shown when the field is
    not empty), ``{{^Field}}…{{/Field}}`` (shown when empty) and ``{{FrontSide}}``.
    An unknown field renders empty. Unbalanced sections raise ValueError.

    >>> render_template("{{FrontSide}}<hr>{{Nope}}{{ Simplified }}", {"Simplified": "供给"}, "Q")
    'Q<hr>供给'
    >>> render_template("{{#Audio}}[{{Audio}}]{{/Audio}}", {"Audio": " <br> "})
    ''
    """
    return _render(_parse(template), fields, front_side)


@dataclass(frozen=True)
class PreviewCard:
    """One card of a package, rendered: which note (id, first field) and template, both sides."""

    note_id: int
    headword: str
    template: str
    ord: int
    front: str
    back: str


def _read_collection(apkg: Path) -> tuple[dict[str, Any], dict[str, Any], list[tuple[Any, ...]]]:
    """Models, decks and (note id, model id, fields, card ord, deck id) rows of a package."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(apkg) as z:
            if _COLLECTION not in z.namelist():
                raise InputError(
                    f"{apkg}: no {_COLLECTION} inside (newer Anki exports need "
                    "'Support older Anki versions' ticked)"
                )
            db_path = z.extract(_COLLECTION, tmp)
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            models_json, decks_json = con.execute("select models, decks from col").fetchone()
            rows = con.execute(
                "select n.id, n.mid, n.flds, c.ord, c.did from cards c"
                " join notes n on n.id = c.nid order by n.id, c.ord"
            ).fetchall()
        finally:
            con.close()
    return json.loads(models_json), json.loads(decks_json), rows


def read_cards(apkg: Path) -> tuple[list[PreviewCard], str, str]:
    """Every card of an .apkg rendered, the note types' CSS, and the deck name.

    Raises InputError naming the file when it is not a readable Anki package.
    """
    try:
        models, decks, rows = _read_collection(apkg)
    except (OSError, zipfile.BadZipFile, sqlite3.Error, json.JSONDecodeError, TypeError) as e:
        raise InputError(f"{apkg}: not a readable Anki package ({e})") from e
    cards = []
    try:
        for note_id, mid, flds, ord_, _did in rows:
            model = models[str(mid)]
            names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
            # Like Anki, tolerate a note with fewer fields than its type: the rest are empty.
            fields = dict(zip(names, flds.split(_FIELD_SEPARATOR), strict=False))
            tmpl = next(t for t in model["tmpls"] if t["ord"] == ord_)
            front = render_template(tmpl["qfmt"], fields)
            back = render_template(tmpl["afmt"], fields, front_side=front)
            headword = fields.get(names[0], "") if names else ""
            cards.append(PreviewCard(note_id, headword, tmpl["name"], ord_, front, back))
    except (KeyError, StopIteration, ValueError) as e:
        raise InputError(f"{apkg}: note type or template is broken ({e})") from e
    css = "\n".join(m.get("css", "") for m in models.values())
    deck_names = {str(r[4]) for r in rows}
    deck = ", ".join(sorted(decks[d]["name"] for d in deck_names if d in decks)) or apkg.stem
    return cards, css, deck


# Layout of the preview page itself; class names start with fg- so they never
# meet the note type's own CSS.
_PAGE_CSS = """
body { margin: 0; padding: 1em; background: #ececec; font-family: sans-serif; }
body.nightMode { background: #111; color: #ddd; }
.fg-bar { display: flex; flex-wrap: wrap; gap: 1em; align-items: baseline; }
.fg-bar h1 { font-size: 1.3em; margin: 0; }
.fg-note { margin: 1.5em 0; }
.fg-note h2 { font-size: 1em; margin: 0 0 0.4em; }
.fg-sides { display: flex; flex-wrap: wrap; gap: 1em; }
.fg-side { flex: 1 1 300px; min-width: 0; }
.fg-side h3 { font-size: 0.8em; margin: 0 0 0.2em; text-transform: uppercase; color: #999; }
.fg-side > .card { padding: 1em 0.5em; border-radius: 8px; box-shadow: 0 1px 3px #0004; }
"""

_NIGHT_TOGGLE = (
    '<label><input type="checkbox" id="fg-night"'
    " onchange=\"document.body.classList.toggle('nightMode', this.checked);"
    "document.body.classList.toggle('night_mode', this.checked)\"> night mode</label>"
    "<script>if (location.hash === '#night') {"
    " document.body.classList.add('nightMode', 'night_mode');"
    " document.getElementById('fg-night').checked = true; }</script>"
)


def _card_html(card: PreviewCard) -> str:
    n = card.ord + 1
    sides = "".join(
        f'<div class="fg-side"><h3>{label}</h3><div class="card card{n}">{body}</div></div>'
        for label, body in (("front", card.front), ("back", card.back))
    )
    title = f"{card.headword} · {html.escape(card.template)}"
    return f'<section class="fg-note"><h2>{title}</h2><div class="fg-sides">{sides}</div></section>'


def preview_html(cards: list[PreviewCard], css: str, title: str) -> str:
    """The standalone preview page for rendered cards (open with ``#night`` for night mode)."""
    notes = len({c.note_id for c in cards})
    head = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{GENERATOR}">'
        f"<title>{html.escape(title)} · flashgen preview</title>"
        f"<style>{css}</style><style>{_PAGE_CSS}</style></head><body>"
    )
    bar = (
        f'<header class="fg-bar"><h1>{html.escape(title)}</h1>'
        f"<span>{words_and_cards(notes, len(cards))}</span>{_NIGHT_TOGGLE}</header>"
    )
    return head + bar + "\n".join(_card_html(c) for c in cards) + "</body></html>\n"


# In every page's <head>: how a rebuild knows a page is flashgen's to replace.
GENERATOR = "flashgen preview"


def is_flashgen_preview(path: Path) -> bool:
    """Whether the file at ``path`` is a preview page flashgen wrote (and may replace)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return f'content="{GENERATOR}"' in head or "· flashgen preview</title>" in head


def preview_apkg(apkg: Path, out_html: Path, *, force: bool = False) -> Path:
    """Render every card of ``apkg`` (front and back) into one standalone HTML page.

    Returns ``out_html``. Raises InputError (unreadable package) or OutputError
    (cannot write, or ``out_html`` is a file flashgen did not write and
    ``force`` is not given).
    """
    if out_html.is_file() and not force and not is_flashgen_preview(out_html):
        raise OutputError(
            f"{out_html}: exists and is not a flashgen preview; not replaced (--force replaces it)"
        )
    cards, css, deck = read_cards(apkg)
    page = preview_html(cards, css, deck)

    def write(tmp: Path) -> None:
        tmp.write_text(page, encoding="utf-8")

    try:
        atomic_write_file(out_html, write)
    except OSError as e:
        raise OutputError(f"{out_html}: cannot write the preview ({e.strerror or e})") from e
    return out_html
