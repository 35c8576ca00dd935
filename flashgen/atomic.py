"""Write output files so that they are never half-written, and never through a trap.

A file is written to a hidden partial file in the same folder, flushed to
disk, then renamed over the destination in one step (``os.replace`` is atomic
within a file system). Partial files:

- have names of their own, ``.flashgen-<hash of the target>-<pid>-<random>.partial``:
  two runs never share one, and the name's length does not depend on the
  target's (a title at the length limit still fits);
- are created with ``O_CREAT | O_EXCL | O_NOFOLLOW``: a file or symbolic link
  planted at the name is never followed or written through;
- are removed when their run fails, and a killed run's are removed by the next
  run (:func:`cleanup_partials`), which recognises flashgen's own by name and
  removes only those of processes that are gone, or older than a day.

Two runs writing into one folder take turns (:func:`folder_lock`).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> atomic_write_file(folder / "deck.txt", lambda tmp: tmp.write_text("你好"))
>>> (folder / "deck.txt").read_text(), sorted(p.name for p in folder.iterdir())
('你好', ['deck.txt'])
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from flashgen.errors import OutputError

PARTIAL_PREFIX = ".flashgen-"
PARTIAL_SUFFIX = ".partial"
PARTIAL_NAME = re.compile(r"^\.flashgen-[0-9a-f]{8}-(?P<pid>\d+)-[0-9a-f]{8}\.partial$")
# A partial file of a process that still runs is left alone, unless it is older
# than this: process IDs are reused, and no write takes a day.
STALE_SECONDS = 24 * 3600


def partial_path(path: Path) -> Path:
    """A fresh name for the hidden temporary file that ``path`` is written to first.

    >>> p = partial_path(Path("out/HSK 3.apkg"))
    >>> p.parent, bool(PARTIAL_NAME.match(p.name)), p == partial_path(Path("out/HSK 3.apkg"))
    (PosixPath('out'), True, False)
    """
    digest = hashlib.sha256(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return (
        path.parent
        / f"{PARTIAL_PREFIX}{digest}-{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    )


def _create_partial(path: Path) -> Path:
    """Create the partial file for ``path`` exclusively: never through a planted link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(10):
        tmp = partial_path(path)
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise OutputError(f"{path}: cannot create a temporary file beside it")


def atomic_write_file(path: Path, write: Callable[[Path], None]) -> None:
    """Have ``write(tmp)`` write the file at ``tmp``, then move it to ``path`` atomically.

    ``tmp`` exists (empty) when ``write`` is called; leaving it empty is an
    error (flashgen writes no empty files). If ``write`` (or anything after it)
    raises, the temporary file is removed, ``path`` keeps its old content (or
    stays absent) and the error propagates; an ``OSError`` becomes
    an :class:`~flashgen.errors.OutputError` naming ``path``. A missing folder
    is created.
    """
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _create_partial(path)
        write(tmp)
        if tmp.is_symlink() or not tmp.is_file() or tmp.stat().st_size == 0:
            raise OutputError(f"{path}: nothing was written")
        _fsync_file(tmp)
        os.replace(tmp, path)
    except BaseException as exc:  # also KeyboardInterrupt: never leave a partial behind
        if tmp is not None:
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


def _alive(pid: int) -> bool:
    """Whether a process with this ID exists (on this machine)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def cleanup_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Remove flashgen's partial files left in ``folder`` by killed runs; return them, sorted.

    Only files named as :func:`partial_path` names them are candidates (another
    tool's ``.notes.txt.partial`` is not flashgen's), and of those only the ones
    whose process is gone or that are older than :data:`STALE_SECONDS`: a
    partial file of a run still writing is left alone. A missing folder has
    nothing to clean: ``[]``.
    """
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    leftovers = []
    for p in folder.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"):
        m = PARTIAL_NAME.match(p.name)
        if not m or p.is_symlink() or not p.is_file():
            continue
        with contextlib.suppress(OSError):
            if not _alive(int(m["pid"])) or now - p.stat().st_mtime > STALE_SECONDS:
                p.unlink()
                leftovers.append(p)
    return sorted(leftovers)


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


@contextlib.contextmanager
def folder_lock(
    folder: Path, on_wait: Callable[[], None] | None = None, timeout: float = 600.0
) -> Iterator[None]:
    """Hold an advisory lock on ``folder`` (``flock`` on the folder itself) while writing.

    A second run writing into the same folder waits for the first (calling
    ``on_wait`` once, so that it can say so), and fails with a one-line
    :class:`OutputError` after ``timeout`` seconds. A missing folder is created
    for the lock and removed again if nothing was written into it. Where
    ``flock`` does not exist (Windows), there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(f"{folder}: output folder is not writable ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            if on_wait is not None:
                on_wait()
            deadline = time.monotonic() + timeout
            while True:
                time.sleep(0.2)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise OutputError(
                            f"{folder}: another flashgen run is still writing here"
                        ) from None
        yield
    finally:
        os.close(fd)  # releases the lock
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: nothing was written
