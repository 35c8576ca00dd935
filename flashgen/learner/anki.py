"""Read a learner's Anki collection safely: a snapshot, opened with Anki's collation.

A collection in write-ahead-log mode (Anki's own) is copied as files, with its
``-wal`` log: the log's checksummed frames make the copy end at a commit, and
nothing is created beside the collection. A collection in rollback-journal
mode is read through SQLite's backup API on a read-only connection instead:
copying its file could catch it mid-transaction (another program's
uncommitted pages), while SQLite's shared lock makes the backup a consistent
snapshot, or waits. Nothing a reader does can change the collection.
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
        copy = Path(tmp) / "collection.anki2"
        if _wal_mode(collection) or not _snapshot(collection, copy):
            copy = _copy_collection(collection, Path(tmp))
        conn = sqlite3.connect(copy)
        try:
            conn.create_collation("unicase", _unicase)
            yield conn
        except sqlite3.DatabaseError as err:
            raise ConfigError(f"{collection}: not an Anki collection ({err})") from err
        finally:
            conn.close()


# How long to wait for another program's write transaction to end, in seconds.
BUSY_TIMEOUT = 5.0


def _wal_mode(collection: Path) -> bool:
    """Whether the SQLite file is in write-ahead-log mode (header bytes 18-19 are 2)."""
    try:
        with collection.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def _snapshot(collection: Path, copy: Path) -> bool:
    """Copy ``collection`` into ``copy`` with SQLite's backup API; False if it cannot.

    Raises :class:`ConfigError` when another program holds the collection in a
    write transaction for longer than :data:`BUSY_TIMEOUT`.
    """
    uri = f"{collection.resolve().as_uri()}?mode=ro"
    try:
        source = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return False
    try:
        # Take the shared lock first, waiting at most BUSY_TIMEOUT: the backup
        # API itself retries a locked source forever, 250 ms at a time.
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise ConfigError(
                f"{collection}: another program is writing to this collection; "
                "try again when it is done"
            ) from err
        copy.unlink(missing_ok=True)
        return False
    except sqlite3.DatabaseError:
        copy.unlink(missing_ok=True)
        return False
    finally:
        source.close()
    return True


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
