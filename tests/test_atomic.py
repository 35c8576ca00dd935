"""atomic_write_file and friends: an output file is either the old one or the new one, whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import child_env

from flashgen.atomic import PARTIAL_NAME as PARTIAL
from flashgen.atomic import atomic_write_file, check_writable, cleanup_partials, partial_path
from flashgen.errors import OutputError


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _append(path: Path, data: bytes) -> None:
    """Append (a stale partial left in place would show up in the result)."""
    with path.open("ab") as fh:
        fh.write(data)


def test_writes_through_a_hidden_partial_in_the_same_folder(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    seen: list[Path] = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"new deck")

    atomic_write_file(dest, write)
    assert dest.read_bytes() == b"new deck"
    (partial,) = seen
    assert partial.parent == tmp_path and PARTIAL.match(partial.name)
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


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftover(folder: Path, pid: int) -> Path:
    """A partial file as a run with process ID ``pid`` names it."""
    path = folder / f".flashgen-0123abcd-{pid}-89abcdef.partial"
    path.write_bytes(b"garbage from a killed run " * 100)
    return path


def test_a_leftover_partial_is_never_written_into(tmp_path: Path) -> None:
    dest = tmp_path / "deck.apkg"
    leftover = _leftover(tmp_path, _dead_pid())
    atomic_write_file(dest, lambda tmp: _append(tmp, b"fresh"))
    assert dest.read_bytes() == b"fresh"
    assert leftover.read_bytes().startswith(b"garbage")


def test_a_symlink_planted_at_a_partial_name_is_never_followed(tmp_path: Path) -> None:
    """Every partial name is new and created with O_EXCL | O_NOFOLLOW."""
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's file")
    dest = tmp_path / "deck.apkg"
    import flashgen.atomic as atomic

    planted = atomic.partial_path(dest)
    planted.symlink_to(victim)
    names = iter([planted, atomic.partial_path(dest)])
    original = atomic.partial_path
    atomic.partial_path = lambda path: next(names)  # type: ignore[assignment]
    try:
        atomic_write_file(dest, lambda tmp: _append(tmp, b"deck"))
    finally:
        atomic.partial_path = original  # type: ignore[assignment]
    assert victim.read_text() == "the user's file"
    assert dest.read_bytes() == b"deck"


def test_partial_names_do_not_grow_with_the_target_name(tmp_path: Path) -> None:
    long_name = "长" * 80 + " (2).apkg"  # 240 bytes of title, then a suffix
    assert len(partial_path(tmp_path / long_name).name.encode()) < 64


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
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(dest)], env=child_env())

    def partials() -> list[Path]:
        return [p for p in tmp_path.iterdir() if PARTIAL.match(p.name)]

    try:
        deadline = time.monotonic() + 20
        while not (partials() and partials()[0].stat().st_size > 0):
            assert child.poll() is None, "child exited before writing"
            assert time.monotonic() < deadline, "child never started writing"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=20)
    assert child.returncode == -signal.SIGKILL
    (partial,) = partials()
    assert 0 < partial.stat().st_size < 20 * 65536  # really killed mid-write
    if old is None:
        assert not dest.exists()
    else:
        assert dest.read_bytes() == old
    assert cleanup_partials(tmp_path) == [partial]
    assert not partial.exists()


def test_cleanup_partials_removes_only_flashgen_leftovers_of_dead_runs(tmp_path: Path) -> None:
    """Another tool's partial files, and those of a run still writing, are left alone."""
    keep = ["deck.apkg", "notes.partial", ".hidden", ".notes.txt.partial", ".a.apkg.partial"]
    for name in keep:
        (tmp_path / name).write_bytes(b"x")
    running = _leftover(tmp_path, os.getpid())
    dead = [_leftover(tmp_path, pid) for pid in (_dead_pid(), _dead_pid())]
    assert cleanup_partials(tmp_path) == sorted(dead)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, running.name])
    old = time.time() + 2 * 24 * 3600
    assert cleanup_partials(tmp_path, now=old) == [running]  # a day old: stale whatever the pid


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
