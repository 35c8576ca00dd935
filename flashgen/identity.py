"""Note and deck identity: what makes a rebuilt note the same note in a learner's collection.

Anki matches an imported note to one it has by GUID, and a deck by ID; so
every one of these is a contract with every collection that ever imported a
flashgen deck, and must never change for the same word or title:

- a note's key is its headword, plus the reading where CC-CEDICT reads the
  headword several ways (行|hang2, 行|xing2): one note per word and reading;
- its GUID is a namespaced hash of that key alone;
- a deck is named ``flashgen::<title>`` and its ID is a hash of that name.

>>> deck_name("春节"), title_of("flashgen::春节")
('flashgen::春节', '春节')
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from flashgen.filenames import unique_names
from flashgen.lexicon.cedict import cedict
from flashgen.models import Document

DECK_PREFIX = "flashgen::"
_GUID_NAMESPACE = "flashgen-word-v1"


def deck_id(name: str) -> int:
    """A stable 31-bit-plus deck ID from the deck's full name.

    >>> deck_id("flashgen::前瞻布局和发展未来产业") == deck_id("flashgen::前瞻布局和发展未来产业")
    True
    """
    # surrogatepass: a name holding a file name's undecodable bytes still has an ID
    # (valid text encodes exactly as plain UTF-8, so no existing ID changes).
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


# genanki's (and Anki's) base-91 digits, in order.
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


def note_guid(key: str) -> str:
    """The note's GUID from its key alone (namespaced).

    What ``genanki.guid_for(namespace, key)`` gives: the first 8 bytes of the
    SHA-256 of ``namespace__key`` in base 91, written here without genanki's
    byte-by-byte loops (twice as fast; ``tests/cards/test_deck_bulk.py`` compares).

    >>> note_guid("供给")
    'BE,{<zzX-c'
    """
    digest = hashlib.sha256(f"{_GUID_NAMESPACE}__{key}".encode()).digest()
    number = int.from_bytes(digest[:8], "big")
    digits = []
    while number:
        number, digit = divmod(number, 91)
        digits.append(_BASE91[digit])
    return "".join(reversed(digits))


def keyed_by_reading(word: str) -> bool:
    """CC-CEDICT reads the headword several ways, so its note key includes the reading."""
    dictionary = cedict()
    # One entry has one reading: only headwords with several entries are parsed.
    return dictionary.entry_count(word) > 1 and len(dictionary.readings(word)) > 1


def note_key(word: str, numbered: str) -> str:
    """The note's identity: the headword, plus the reading when CC-CEDICT lists several.

    >>> note_key("供给", "gong1 ji3"), note_key("行", "hang2")
    ('供给', '行|hang2')
    """
    return f"{word}|{numbered.lower()}" if keyed_by_reading(word) else word


def deck_name(title: str) -> str:
    """The deck's full name in Anki: ``flashgen::<title>``."""
    return f"{DECK_PREFIX}{title}"


def title_of(name: str) -> str:
    """The title part of a deck name (its name without ``flashgen::``)."""
    return name.removeprefix(DECK_PREFIX)


def unique_titles(docs: Sequence[Document]) -> list[str]:
    """Deck names ``flashgen::<title>``, made distinct by the file name where titles collide."""
    names = [deck_name(d.title) for d in docs]
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    named = [f"{n} ({d.name})" if counts[n] > 1 else n for d, n in zip(docs, names, strict=True)]
    return unique_names(named)
