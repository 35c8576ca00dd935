"""The flashgen note type: a frozen field list, three card templates, one CSS.

Anki matches an imported note type by ID and field list. If either changes,
Anki keeps the old notes instead of updating them, so both are frozen here.
Templates and CSS may change between versions; they live as data files in
``flashgen/data/notetype/``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Fixed forever: a random 31-bit number chosen once. Changing it makes Anki treat
# rebuilt decks as a new note type and duplicate every note.
MODEL_ID = 1_733_415_977
MODEL_NAME = "flashgen Chinese word"

# Frozen: order and names. `Simplified` is the first field, so it is the sort
# field and the field Anki checks for duplicates.
FIELDS: tuple[str, ...] = (
    "Simplified",
    "Traditional",
    "Pinyin",
    "PinyinNumbered",
    "Zhuyin",
    "Definition",
    "Classifier",
    "Example",
    "ExamplePinyin",
    "ExampleTraditional",
    "Source",
    "Level",
    "Frequency",
    "Audio",
    "Notes",
)

# Frozen: card template names and order (ord 0, 1, 2).
TEMPLATE_NAMES: tuple[str, ...] = ("Recognition", "Recall", "Sentence")

_DATA = "flashgen.data.notetype"


def _read(name: str) -> str:
    return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")


# Anki has no script shared between templates (only between cards of one
# side), so the one tone script (script.html) is put inline wherever a template
# file marks its place.
_SCRIPT_PLACE = "<!-- flashgen:script -->\n"


def _template(name: str) -> str:
    return _read(name).replace(_SCRIPT_PLACE, _read("script.html"))


@cache
def templates() -> tuple[dict[str, str], ...]:
    """The three card templates as genanki wants them: name, qfmt, afmt."""
    out = []
    for name in TEMPLATE_NAMES:
        stem = name.lower()
        out.append(
            {
                "name": name,
                "qfmt": _template(f"{stem}_front.html"),
                "afmt": _template(f"{stem}_back.html"),
            }
        )
    return tuple(out)


@cache
def css() -> str:
    """The note type's one stylesheet, shared by all three templates."""
    return _read("style.css")
