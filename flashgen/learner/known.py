"""Words the learner already knows: word-list files and Anki collections.

Three file formats are read, told apart by their content (see
:func:`detect_format`):

* flashgen's own list: one or more words per line, ``#`` comments;
* Anki's "Notes in Plain Text" export: ``#separator:tab`` style headers,
  then one note per line, HTML in the fields;
* a Pleco flashcard export: tab separated, the headword first written
  ``简体[繁體]``, ``//`` category lines.

A real Anki collection (``collection.anki2``) is read from a copy, so Anki
may keep it open. Every source yields a set of words that contain at least
one Han character; the pipeline compares them with its simplified words, so
each traditional word comes with its simplified form (see :func:`with_simplified`).

>>> sorted(words_in_field("学习, <b>工作</b>&nbsp;生活"))
['学习', '工作', '生活']
"""

from __future__ import annotations

import csv
import html
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from flashgen.errors import ConfigError
from flashgen.learner.anki import open_copy
from flashgen.lexicon.han import BMP

Format = Literal["flashgen", "anki", "pleco"]

# CJK Unified Ideographs, extension A and the compatibility block: enough to
# tell a Chinese word from pinyin, English glosses and numbering.
_HAN = re.compile(f"[{BMP}]")
# Separators learners put between several words in one field or line.
_SPLIT = re.compile(r"[,，、;；/／|｜\s\u3000]+")
# Punctuation and brackets around a word ("学习。", "(学习)") are not part of it.
_EDGE = "．.。!！?？:：\"'“”‘’()（）[]【】《》〈〉<>「」『』-—…·*"
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li)>", re.IGNORECASE)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
# Pleco writes the headword as 简体[繁體]; the simplified form comes first.
_PLECO_HEAD = re.compile(r"^([^\[\]\t]+)\[[^\]\t]*\]$")
_ANKI_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
# Anki's named separators in "#separator:" headers.
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}


def has_han(text: str) -> bool:
    """Whether ``text`` contains a Han character.

    >>> has_han("学习"), has_han("xue2xi2")
    (True, False)
    """
    return _HAN.search(text) is not None


def strip_html(text: str) -> str:
    """Field HTML to plain text: tags and ``[sound:]`` dropped, entities decoded.

    Line breaks become spaces so the words on either side stay apart.

    >>> strip_html("<b>学习</b><br>工作&amp;生活")
    '学习 工作&生活'
    """
    text = _SOUND.sub(" ", _BREAK.sub(" ", text))
    return html.unescape(_TAG.sub("", text)).replace("\xa0", " ")


def words_in_field(field: str) -> set[str]:
    """The Han words of one field or line, which may hold several words.

    >>> sorted(words_in_field("学习、工作 / study"))
    ['学习', '工作']
    """
    out = set()
    for part in _SPLIT.split(strip_html(field)):
        head = _PLECO_HEAD.match(part)
        word = (head.group(1) if head else part).strip(_EDGE)
        if has_han(word):
            out.add(word)
    return out


def with_simplified(words: Iterable[str]) -> frozenset[str]:
    """The words plus their simplified forms: a learner of traditional characters knows 復信.

    >>> sorted(with_simplified({"復信", "学习"}))
    ['复信', '学习', '復信']
    """
    from flashgen.lexicon.traditional import to_simplified

    words = set(words)
    return frozenset(words | {to_simplified(word) for word in words})


def detect_format(text: str) -> Format:
    """Tell which kind of word list ``text`` is, from its first lines.

    >>> detect_format("#separator:tab\\n#html:true\\n学习\\tstudy\\n")
    'anki'
    >>> detect_format("//HSK 1\\n学习[學習]\\txue2xi2\\tstudy\\n")
    'pleco'
    >>> detect_format("# my words\\n学习 工作\\n")
    'flashgen'
    """
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if any(_ANKI_HEADER.match(line) and line[1:].split(":")[0] in _ANKI_KEYS for line in lines):
        return "anki"
    data = [line for line in lines if not line.startswith("#")]
    if any(line.startswith("//") for line in data):
        return "pleco"
    if any(_PLECO_HEAD.match(line.split("\t")[0].strip()) for line in data if "\t" in line):
        return "pleco"
    if any("\t" in line for line in data):
        return "anki"  # a headerless tab-separated export: the word is column 1
    return "flashgen"


_ANKI_KEYS = frozenset(
    {
        "separator",
        "html",
        "tags",
        "columns",
        "notetype",
        "deck",
        "notetype column",
        "deck column",
        "tags column",
        "guid column",
    }
)


def _flashgen_words(text: str) -> Iterator[str]:
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            yield from words_in_field(line)


def _pleco_words(text: str) -> Iterator[str]:
    for line in text.splitlines():
        if line.startswith("//") or line.startswith("#") or not line.strip():
            continue
        yield from words_in_field(line.split("\t")[0])


def _anki_words(text: str) -> Iterator[str]:
    headers: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    start = 0
    for start, line in enumerate(lines):  # noqa: B007 - start is used after the loop
        m = _ANKI_HEADER.match(line.rstrip("\r\n"))
        if not (m and m.group(1) in _ANKI_KEYS):
            break
        headers[m.group(1)] = m.group(2).strip()
    else:
        start = len(lines)
    sep = headers.get("separator", "tab")
    delimiter = _SEPARATORS.get(sep.lower(), sep[:1] or "\t")
    column = _word_column(headers, delimiter)
    for row in csv.reader(lines[start:], delimiter=delimiter):
        if column < len(row) and not row[0].startswith("#"):
            yield from words_in_field(row[column])


def _word_column(headers: dict[str, str], delimiter: str) -> int:
    """0-based index of the first note field, skipping guid/notetype/deck/tags columns.

    >>> _word_column({"guid column": "1", "notetype column": "2"}, "\\t")
    2
    """
    taken = set()
    for key in ("guid column", "notetype column", "deck column", "tags column"):
        value = headers.get(key, "")
        if value.isdigit():
            taken.add(int(value) - 1)  # Anki numbers columns from 1
    column = 0
    while column in taken:
        column += 1
    return column


def read_known_text(text: str) -> frozenset[str]:
    """The known words in the text of a word-list file of any supported format.

    >>> sorted(read_known_text("学习[學習]\\txue2xi2\\tto study\\n"))
    ['学习']
    """
    reader = {"flashgen": _flashgen_words, "pleco": _pleco_words, "anki": _anki_words}
    return with_simplified(reader[detect_format(text)](text))


def load_known_file(path: Path) -> frozenset[str]:
    """The known words in a flashgen, Anki plain-text or Pleco word list."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read known-words file ({err.strerror})") from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-16")  # Pleco on Windows may write UTF-16
        except UnicodeDecodeError as err:
            raise ConfigError(f"{path}: known-words file is not UTF-8 text") from err
    return read_known_text(text)


def load_known_anki(
    collection: Path,
    *,
    deck: str | None = None,
    notetype: str | None = None,
    field: int = 0,
    studied_only: bool = False,
) -> frozenset[str]:
    """The words in one field of the notes of an Anki collection.

    ``deck`` is a deck name with ``::`` between levels, matched without regard
    to case; its subdecks are included. ``field`` counts from 0. With
    ``studied_only``, notes whose cards are all still new are left out.
    The collection file is never opened: it and its write-ahead log are copied
    to a temporary folder first, so Anki may have it open.
    """
    if field < 0:
        raise ConfigError(f"--known-field must be 0 or more, not {field}")
    with open_copy(collection) as conn:
        return _read_collection(conn, collection, deck, notetype, field, studied_only)


def _read_collection(
    conn: sqlite3.Connection,
    collection: Path,
    deck: str | None,
    notetype: str | None,
    field: int,
    studied_only: bool,
) -> frozenset[str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"notes", "cards", "decks", "notetypes"} <= tables:
        raise ConfigError(f"{collection}: not an Anki collection of Anki 2.1.28 or later")
    where, params = [], []
    if notetype is not None:
        mids = [r[0] for r in conn.execute("SELECT id FROM notetypes WHERE name = ?", (notetype,))]
        if not mids:
            raise ConfigError(f"{collection}: no note type named {notetype!r}")
        where.append(f"n.mid IN ({','.join('?' * len(mids))})")
        params += mids
    card_filter = "c.type != 0" if studied_only else "1"
    if deck is not None:
        dids = _deck_ids(conn, deck)
        if not dids:
            raise ConfigError(f"{collection}: no deck named {deck!r}")
        marks = ",".join("?" * len(dids))
        # A card in a filtered deck remembers its home deck in odid.
        card_filter += f" AND (c.did IN ({marks}) OR c.odid IN ({marks}))"
        params += dids + dids
    if deck is not None or studied_only:
        where.append(f"EXISTS (SELECT 1 FROM cards c WHERE c.nid = n.id AND {card_filter})")
    sql = "SELECT n.flds FROM notes n" + (" WHERE " + " AND ".join(where) if where else "")
    return with_simplified(_field_words((row[0] for row in conn.execute(sql, params)), field))


def _deck_ids(conn: sqlite3.Connection, deck: str) -> list[int]:
    """Ids of the deck named ``deck`` (``A::B``) and of all its subdecks."""
    name = "\x1f".join(part.strip() for part in deck.split("::"))
    prefix = name + "\x1f"
    rows = conn.execute(
        "SELECT id FROM decks WHERE name = ? OR substr(name, 1, ?) = ? COLLATE unicase",
        (name, len(prefix), prefix),
    )
    return [row[0] for row in rows]


def _field_words(flds: Iterable[str], field: int) -> Iterator[str]:
    for joined in flds:
        values = joined.split("\x1f")
        if field < len(values):
            yield from words_in_field(values[field])
