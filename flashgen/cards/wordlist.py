"""The deck as a word list Anki can import as text (``flashgen build --list``).

The file carries Anki's text-import headers, so File > Import needs no
settings: the note type and deck by name, HTML on, and the note GUID in the
first column. Because the GUIDs are the ones the ``.apkg`` uses, importing the
list over an imported deck updates those notes instead of adding duplicates.

Anki's import dialog decides what happens to a matched note ("Existing
notes"); its default, Update, rewrites the fields and keeps the learner's tags
and scheduling. Whatever the choice, a GUID match never adds a second note.

Fields are quoted the way Anki's importer reads them (RFC 4180 style): a field
holding a tab, a line break or a double quote is wrapped in double quotes, with
inner quotes doubled.

>>> text = tsv_text([["学习", 'say "hi" now']], ["g1"], "Deck", "Type", ["Simplified", "Meaning"])
>>> print(text)  # doctest: +NORMALIZE_WHITESPACE
#separator:tab
#html:true
#notetype:Type
#deck:Deck
#guid column:1
#columns:GUID	Simplified	Meaning
g1	学习	"say ""hi"" now"
<BLANKLINE>
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from flashgen.atomic import atomic_write_file
from flashgen.errors import OutputError


def _header_value(value: str, what: str) -> str:
    """A header value must stay on its line: Anki reads headers line by line."""
    if any(ch in value for ch in "\t\r\n"):
        raise ValueError(f"{what} may not contain tabs or line breaks: {value!r}")
    return value


def tsv_text(
    notes: Sequence[Sequence[str]],
    guids: Sequence[str],
    deck_name: str,
    notetype_name: str,
    field_names: Sequence[str],
) -> str:
    """The whole file as text; see the module example. Lines end with ``\\n``."""
    if len(notes) != len(guids):
        raise ValueError(f"{len(notes)} notes but {len(guids)} GUIDs")
    for note in notes:
        if len(note) != len(field_names):
            raise ValueError(f"a note has {len(note)} fields, the note type {len(field_names)}")
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n")
    out.write(f"#notetype:{_header_value(notetype_name, 'note type name')}\n")
    out.write(f"#deck:{_header_value(deck_name, 'deck name')}\n")
    out.write("#guid column:1\n")
    columns = (_header_value(name, "field name") for name in ("GUID", *field_names))
    out.write("#columns:" + "\t".join(columns) + "\n")
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n")
    for guid, note in zip(guids, notes, strict=True):
        writer.writerow([guid, *note])
    return out.getvalue()


def write_tsv(
    path: Path,
    *,
    notes: Sequence[Sequence[str]],
    guids: Sequence[str],
    deck_name: str,
    notetype_name: str,
    field_names: Sequence[str],
) -> None:
    """Write the word list to ``path`` (UTF-8) atomically, via :mod:`flashgen.atomic`.

    ``notes`` holds each note's field values in ``field_names`` order; ``guids``
    the matching note GUIDs, as in the ``.apkg``.
    """
    text = tsv_text(notes, guids, deck_name, notetype_name, field_names)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="")

    try:
        atomic_write_file(path, write)
    except OSError as err:
        raise OutputError(f"{path}: cannot write word list ({err.strerror})") from err


def is_flashgen_word_list(path: Path) -> bool:
    """Whether the file at ``path`` is a word list flashgen wrote (its header says so)."""
    try:
        with path.open(encoding="utf-8") as fh:
            head = [fh.readline() for _ in range(4)]
    except (OSError, UnicodeDecodeError):
        return False
    return head[:2] == ["#separator:tab\n", "#html:true\n"] and head[2].startswith(
        "#notetype:flashgen"
    )
