"""Write output files so that they are never half-written.

A deck is written to a hidden ``.NAME.partial`` file in the same folder, flushed
to disk, then renamed over the destination in one step (``os.replace`` is atomic
within a file system). A run killed midway leaves the old file intact plus a
``.partial`` leftover, which :func:`cleanup_partials` removes on the next run.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> atomic_write_file(folder / "deck.txt", lambda tmp: tmp.write_text("你好"))
>>> (folder / "deck.txt").read_text(), sorted(p.name for p in folder.iterdir())
('你好', ['deck.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from flashgen.errors import OutputError

PARTIAL_SUFFIX = ".partial"


def partial_path(path: Path) -> Path:
    """The hidden temporary file that ``path`` is written to first.

    >>> partial_path(Path("out/HSK 3.apkg"))
    PosixPath('out/.HSK 3.apkg.partial')
    """
    return path.parent / f".{path.name}{PARTIAL_SUFFIX}"


def atomic_write_file(path: Path, write: Callable[[Path], None]) -> None:
    """Have ``write(tmp)`` write the file at ``tmp``, then move it to ``path`` atomically.

    If ``write`` (or anything after it) raises, the temporary file is removed,
    ``path`` keeps its old content (or stays absent) and the error propagates;
    an ``OSError`` becomes an :class:`~flashgen.errors.OutputError` naming ``path``.
    """
    tmp = partial_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)  # a leftover from a killed run
        write(tmp)
        if not tmp.is_file():
            raise OutputError(f"{path}: nothing was written")
        _fsync_file(tmp)
        os.replace(tmp, path)
    except BaseException as exc:  # also KeyboardInterrupt: never leave a partial behind
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a folder in the way, a full disk: one line, no traceback
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        raise
    _fsync_dir(path.parent)


def _fsync_file(path: Path) -> None:
    """Flush a file's content to the disk."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the rename) to the disk; a no-op where unsupported."""
    if os.name != "posix":
        return  # Windows cannot open a directory; its rename is durable enough
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def cleanup_partials(folder: Path) -> list[Path]:
    """Remove ``.*.partial`` files left in ``folder`` by killed runs; return them, sorted.

    A missing folder has nothing to clean: ``[]``.
    """
    if not folder.is_dir():
        return []
    leftovers = sorted(p for p in folder.glob(f".*{PARTIAL_SUFFIX}") if p.is_file())
    for p in leftovers:
        p.unlink(missing_ok=True)
    return leftovers


def check_writable(folder: Path) -> None:
    """Check that files can be created in ``folder``, or that it can be created.

    A missing folder is not created here (a build that writes nothing leaves no
    empty folder behind; :func:`atomic_write_file` creates it): its nearest
    existing parent is tried instead. Tries for real (permission bits say
    nothing for root, or for read-only mounts). Raises :class:`OutputError`
    naming the folder otherwise.
    """
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        fd, probe = tempfile.mkstemp(prefix=".flashgen-probe-", dir=existing)
    except OSError:
        raise OutputError(f"{folder}: output folder is not writable") from None
    os.close(fd)
    os.unlink(probe)
