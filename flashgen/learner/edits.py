"""The learner's own work on flashgen notes, carried over into rebuilt decks.

Anki's import with "update notes" replaces every field and the whole tag list
of a note it already has. So that a rebuild can update a note and still keep
what the learner added, flashgen reads the learner's collection (read-only, a
copy: :mod:`flashgen.learner.anki`) and puts, into each rebuilt note whose GUID
the collection has, the learner's text of its Notes field and the learner's own
tags (those outside ``flashgen::``). Every other field is flashgen's: a learner
who wants another reading or definition puts it in ``vocab/glossary.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flashgen.learner.anki import check_tables, open_copy

# The note type's field that belongs to the learner (flashgen.cards.notetype.FIELDS).
NOTES_FIELD = "Notes"
# Tags under this prefix are flashgen's own (flashgen.cards.tags.PREFIX).
FLASHGEN_TAG_PREFIX = "flashgen::"


@dataclass(frozen=True)
class LearnerEdits:
    """What the learner put on one note: the Notes field's text and their own tags."""

    notes: str
    tags: tuple[str, ...]


def load_edits(collection: Path) -> dict[str, LearnerEdits]:
    """GUID -> the learner's edits, for every note with a Notes text or a tag of its own.

    Notes with neither are left out: a rebuild gives them nothing to keep.
    """
    with open_copy(collection) as conn:
        check_tables(conn, collection)
        notes_ord = dict(
            conn.execute("SELECT ntid, ord FROM fields WHERE name = ?", (NOTES_FIELD,)).fetchall()
        )
        edits: dict[str, LearnerEdits] = {}
        for guid, mid, tags, flds in conn.execute("SELECT guid, mid, tags, flds FROM notes"):
            own = tuple(t for t in tags.split() if not t.casefold().startswith(FLASHGEN_TAG_PREFIX))
            values = flds.split("\x1f")
            ord_ = notes_ord.get(mid)
            text = values[ord_] if ord_ is not None and ord_ < len(values) else ""
            if text.strip() or own:
                edits[guid] = LearnerEdits(text, own)
        return edits
