"""Derived data tables, built once and kept in the user's cache folder.

Start-up matters (a small text should build in about a second), and several
tables flashgen derives from its data packages take 0.1-0.4 s each to build:
the set of dictionary words, jieba's nouns, pypinyin's phrase prefixes,
wordfreq's Chinese list. Each is stored with :mod:`marshal` (the fastest
format Python loads) under a name that includes the versions of the packages
it comes from and flashgen's own, so an upgrade rebuilds it.

>>> cached("doctest-example", ("flashgen",), lambda: [1, 2, 3])
[1, 2, 3]
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from flashgen import __version__, resources

T = TypeVar("T")


def _key(packages: Sequence[str]) -> str:
    versions = [__version__ if p == "flashgen" else metadata.version(p) for p in packages]
    return "-".join(v.replace("/", "_") for v in versions)


def cached(name: str, packages: Sequence[str], build: Callable[[], T], stamp: str = "") -> T:
    """``build()``'s value, from the cache when a fresh copy is there.

    ``packages`` names the distributions the value is derived from ("flashgen"
    stands for flashgen itself). ``name`` ends with a format number: bump it
    when the way the value is built changes, so old caches are not reused.
    The value must be marshal-able: built-in containers of strings and
    numbers. A cache that cannot be written only costs time. ``stamp`` (a hash of
    data files flashgen ships, which change without a version bump while it is
    developed) is added to the key.
    """
    key = f"{_key(packages)}-{stamp}" if stamp else _key(packages)
    path = resources.cache_dir() / f"{name}-{key}.marshal"
    try:
        # loads(read_bytes()): marshal.load on a file object is about 3x slower.
        value: Any = marshal.loads(path.read_bytes())
        return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    tmp = path.with_name(f".{path.name}.{id(value)}.tmp")
    try:
        with tmp.open("wb") as fh:
            marshal.dump(value, fh)
        tmp.replace(path)
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)
        return value
    stem, _, number = name.rpartition("-")
    remove_stale(path, stem if number.isdigit() else name)
    return value


def remove_stale(current: Path, stem: str) -> None:
    """Delete the other caches of one table (older formats or package versions).

    Each is 1-10 MB and would never be read again: without this, every upgrade
    or reinstall would leave another copy behind. ``stem`` is the table's name
    without its format number; the version key that follows starts with a digit.
    """
    for old in current.parent.glob(f"{stem}-[0-9]*{current.suffix}"):
        if old != current:
            old.unlink(missing_ok=True)
