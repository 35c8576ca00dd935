"""Read a learner's Anki collection safely: a copy, opened with Anki's collation.

The collection file is never opened in place: it and its write-ahead log are
copied to a temporary folder first, so Anki may have it open, and nothing a
reader does can change it.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flashgen.errors import ConfigError


@contextmanager
def open_copy(collection: Path) -> Iterator[sqlite3.Connection]:
    r"""A connection to a copy of ``collection``, with Anki's ``unicase`` collation.

    Errors (missing file, not a collection) are one-line :class:`ConfigError`\ s.
    """
    if not collection.is_file():
        raise ConfigError(f"{collection}: Anki collection not found")
    with tempfile.TemporaryDirectory(prefix="flashgen-anki-") as tmp:
        copy = _copy_collection(collection, Path(tmp))
        conn = sqlite3.connect(copy)
        try:
            conn.create_collation("unicase", _unicase)
            yield conn
        except sqlite3.DatabaseError as err:
            raise ConfigError(f"{collection}: not an Anki collection ({err})") from err
        finally:
            conn.close()


def check_tables(conn: sqlite3.Connection, collection: Path) -> None:
    """Refuse a file without the tables of Anki 2.1.28 or later."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"notes", "cards", "decks", "notetypes", "fields"} <= tables:
        raise ConfigError(f"{collection}: not an Anki collection of Anki 2.1.28 or later")


def _copy_collection(collection: Path, folder: Path) -> Path:
    """Copy the collection with its ``-wal`` and ``-shm`` files into ``folder``."""
    copy = folder / "collection.anki2"
    for suffix in ("", "-wal", "-shm"):
        source = collection.with_name(collection.name + suffix)
        try:
            shutil.copyfile(source, folder / (copy.name + suffix))
        except FileNotFoundError:
            if not suffix:
                raise ConfigError(f"{collection}: Anki collection not found") from None
        except OSError as err:
            raise ConfigError(f"{source}: cannot copy Anki collection ({err})") from err
    return copy


def _unicase(a: str, b: str) -> int:
    """Anki's ``unicase`` collation: compare case-insensitively (Unicode folding)."""
    fa, fb = a.casefold(), b.casefold()
    return (fa > fb) - (fa < fb)
