"""atomic_write_file and friends: an output file is either the old one or the new one, whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashgen.atomic import atomic_write_file, check_writable, cleanup_partials, partial_path
from flashgen.errors import OutputError


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _append(path: Path, data: bytes) -> None:
    """Append (a stale partial left in place would show up in the result)."""
    with path.open("ab") as fh:
        fh.write(data)


REPO = Path(__file__).resolve().parent.parent


def test_writes_through_a_hidden_partial_in_the_same_folder(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    seen: list[Path] = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"new deck")

    atomic_write_file(dest, write)
    assert dest.read_bytes() == b"new deck"
    assert seen == [tmp_path / ".deck.apkg.partial"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    dest.write_bytes(b"old")
    atomic_write_file(dest, lambda tmp: _write(tmp, b"new"))
    assert dest.read_bytes() == b"new"


def test_failure_inside_write_keeps_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    dest.write_bytes(b"old content")

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        atomic_write_file(dest, write)
    assert dest.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_writer_that_writes_nothing_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="nothing was written"):
        atomic_write_file(tmp_path / "deck.apkg", lambda tmp: None)
    assert list(tmp_path.iterdir()) == []


def test_stale_partial_is_overwritten(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    partial_path(dest).write_bytes(b"garbage from a killed run " * 100)
    atomic_write_file(dest, lambda tmp: _append(tmp, b"fresh"))
    assert dest.read_bytes() == b"fresh"


# The child writes 20 chunks of 64 KiB, sleeping between chunks, through atomic_write_file.
CHILD = """
import sys, time
from pathlib import Path
from flashgen.atomic import atomic_write_file

def write(tmp):
    with open(tmp, "wb") as f:
        for _ in range(20):
            f.write(b"N" * 65536)
            f.flush()
            time.sleep(0.1)

atomic_write_file(Path(sys.argv[1]), write)
"""


@pytest.mark.parametrize("old", [b"OLD DECK" * 1000, None], ids=["old file", "no old file"])
def test_sigkill_mid_write_leaves_old_file_whole(tmp_path: Path, old: bytes | None) -> None:
    dest = tmp_path / "deck.apkg"
    if old is not None:
        dest.write_bytes(old)
    partial = partial_path(dest)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(dest)], env=env)
    try:
        deadline = time.monotonic() + 20
        while not (partial.exists() and partial.stat().st_size > 0):
            assert child.poll() is None, "child exited before writing"
            assert time.monotonic() < deadline, "child never started writing"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=20)
    assert child.returncode == -signal.SIGKILL
    assert 0 < partial.stat().st_size < 20 * 65536  # really killed mid-write
    if old is None:
        assert not dest.exists()
    else:
        assert dest.read_bytes() == old
    assert cleanup_partials(tmp_path) == [partial]
    assert not partial.exists()


def test_cleanup_partials_removes_only_leftovers(tmp_path: Path) -> None:
    keep = ["deck.apkg", "notes.partial", ".hidden"]
    for name in keep + [".a.apkg.partial", ".b.apkg.partial"]:
        (tmp_path / name).write_bytes(b"x")
    removed = cleanup_partials(tmp_path)
    assert removed == [tmp_path / ".a.apkg.partial", tmp_path / ".b.apkg.partial"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)


def test_cleanup_partials_of_missing_folder(tmp_path: Path) -> None:
    assert cleanup_partials(tmp_path / "missing") == []


def test_check_writable_accepts_a_missing_folder_without_creating_it(tmp_path: Path) -> None:
    """A build that writes nothing leaves no empty folder behind."""
    folder = tmp_path / "a" / "b"
    check_writable(folder)
    assert not (tmp_path / "a").exists()
    assert list(tmp_path.iterdir()) == []  # the probe file is gone


def test_atomic_write_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "deck.apkg"

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"x")

    atomic_write_file(target, write)
    assert target.read_bytes() == b"x"


def test_folder_under_a_regular_file_is_not_writable(tmp_path: Path) -> None:
    # Works even as root, where permission bits do not stop anything.
    blocker = tmp_path / "some_file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match=r"some_file/sub: output folder is not writable$"):
        check_writable(blocker / "sub")


def test_regular_file_as_folder_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "deck.apkg"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="output folder is not writable"):
        check_writable(blocker)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_existing_folder_that_refuses_files_is_not_writable() -> None:
    # /proc exists and is a folder, but nobody (not even root) can create files in it.
    with pytest.raises(OutputError, match=r"^/proc: output folder is not writable$"):
        check_writable(Path("/proc"))
